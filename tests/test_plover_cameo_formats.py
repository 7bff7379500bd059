"""Writers: ACLED events as PLOVER JSON Lines (valid against the committed schema) and as GDELT-like CAMEO rows
(valid for eventcode's own GDELT checks); the seed's gold events exported to PLOVER."""

from __future__ import annotations

import json
import tempfile
from glob import glob
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given

from eventcode.cli import main
from eventcode.crosswalk import crosswalk
from eventcode.errors import InvalidEvent
from eventcode.events import Event
from eventcode.formats.cameo_tsv import write_cameo_tsv
from eventcode.formats.gdelt import validate_gdelt
from eventcode.formats.plover_jsonl import write_plover_jsonl
from eventcode.issues import Issue
from eventcode.schema import load_schema
from eventcode.testing import acled_records

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted(glob(str(ROOT / "seeds" / "*.yaml")))
VALIDATOR = jsonschema.Draft202012Validator(load_schema("plover-event"),
                                            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
WITH_CAMEO = [m.acled for m in crosswalk().sub_event_types if m.cameo]


def _gold(seed: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = yaml.safe_load(Path(seed).read_text(encoding="utf-8"))["events"]
    return events


@pytest.mark.parametrize("seed", SEEDS, ids=[Path(s).name for s in SEEDS])
def test_seed_gold_events_export_to_plover_jsonl_valid_against_the_schema(seed: str, tmp_path: Path) -> None:
    target = tmp_path / "gold.jsonl"
    assert main(["convert", seed, "--to", "plover-jsonl", "-o", str(target)]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    gold = _gold(seed)
    assert [r["id"] for r in records] == [g["event_id_cnty"] for g in gold]
    for record in records:
        assert list(VALIDATOR.iter_errors(record)) == [], record["id"]
        assert "event" in record or record["has_event"] is False


def test_a_seed_exists() -> None:
    assert SEEDS, "seeds/*.yaml holds the hand-coded gold events"


@given(acled_records(sub_event_types=WITH_CAMEO))
def test_cameo_rows_pass_the_gdelt_checks(record: dict[str, Any]) -> None:
    """Written rows pass GDELT's checks; an event whose text a GDELT row cannot carry is refused, not changed."""
    event = Event.from_record(record)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.tsv"
        refused: tuple[Issue, ...] = ()
        try:
            written = write_cameo_tsv([event], path)
        except InvalidEvent as error:
            refused = error.issues
        if refused:
            assert {issue.code for issue in refused} == {"value-not-writable"}
            assert all(set(str(issue.value)) & {"\t", "\r", "\n"} for issue in refused)
            assert not path.exists()
            return
        assert written == 1
        report = validate_gdelt(path)
        fields = path.read_text(encoding="utf-8").rstrip("\n").split("\t")
    assert (report.generation, report.rows_valid, report.issues) == ("gdelt-2.0", 1, [])
    assert len(fields) == 61


def test_an_event_without_cameo_equivalent_writes_nothing(tmp_path: Path) -> None:
    record = {"event_id_cnty": "MMR7", "event_date": "2023-11-01", "time_precision": 1,
              "sub_event_type": "Change to group/activity", "actor1": "Military Forces of Myanmar (2021-)",
              "inter1": 1, "country": "Myanmar", "location": "Laiza", "latitude": 24.7561, "longitude": 97.5505,
              "geo_precision": 1, "fatalities": 0}
    target = tmp_path / "out.tsv"
    with pytest.raises(InvalidEvent) as info:
        write_cameo_tsv([Event.from_record(record)], target)
    assert [i.code for i in info.value.issues] == ["no-cameo-equivalent"]
    assert not target.exists()
    plover = tmp_path / "out.jsonl"
    assert write_plover_jsonl([Event.from_record(record)], plover) == 1
    line = json.loads(plover.read_text(encoding="utf-8"))
    assert line["has_event"] is False
    assert list(VALIDATOR.iter_errors(line)) == []


def test_cameo_tsv_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "events.yaml"
    source.write_text(yaml.safe_dump({"events": [
        {"event_id_cnty": "MMR12", "event_date": "2023-11-01", "time_precision": 1, "sub_event_type": "Armed clash",
         "actor1": "Military Forces of Myanmar (2021-)", "inter1": "State forces",
         "actor2": "KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "inter2": "Rebel group",
         "country": "Myanmar", "location": "Laiza", "latitude": 24.7561, "longitude": 97.5505, "geo_precision": 1,
         "fatalities": 3}]}), encoding="utf-8")
    assert main(["convert", str(source), "--to", "cameo-tsv"]) == 0
    fields = capsys.readouterr().out.rstrip("\n").split("\t")
    assert fields[:8] == ["110412", "20231101", "202311", "2023", "2023.8247", "MMRMIL",
                          "MILITARY FORCES OF MYANMAR (2021-)", "MMR"]
    assert fields[26:31] == ["190", "190", "19", "4", "-10.0"]


def test_cameo_tsv_refuses_events_without_a_cameo_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A movement of forces has no CAMEO event code: a data problem (exit 1), reported, and nothing written."""
    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_03229db3fc9dec46.yaml"
    out = tmp_path / "events.tsv"
    assert main(["convert", str(seed), "--to", "cameo-tsv", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "[no-cameo-equivalent]" in err
    assert "MMR900006" in err
    assert not out.exists()


@pytest.mark.parametrize("breaker", ["\t", "\n", "\r"])
def test_cameo_tsv_refuses_a_value_it_cannot_carry_rather_than_change_it(tmp_path: Path, breaker: str,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "events.yaml"
    source.write_text(yaml.safe_dump({"events": [
        {"event_id_cnty": "MMR12", "event_date": "2023-11-01", "time_precision": 1, "sub_event_type": "Armed clash",
         "actor1": f"Military Forces{breaker}of Myanmar (2021-)", "inter1": "State forces",
         "actor2": "KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "inter2": "Rebel group",
         "country": "Myanmar", "location": "Laiza", "latitude": 24.7561, "longitude": 97.5505, "geo_precision": 1,
         "fatalities": 3}]}), encoding="utf-8")
    out = tmp_path / "events.tsv"
    assert main(["convert", str(source), "--to", "cameo-tsv", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "[value-not-writable]" in err
    assert "Actor1Name" in err
    assert not out.exists()
