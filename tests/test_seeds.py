"""The hand-coded seeds: gold events are valid and convert to ACLED CSV; invalid seeds give their codes."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
import yaml

from eventcode import load_events
from eventcode.cli import main
from eventcode.rules import ANNOTATIONS

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
GOLD = sorted(SEEDS.glob("*.yaml"))
INVALID = sorted((SEEDS / "invalid").glob("*.yaml"))


def test_there_are_seeds() -> None:
    assert GOLD, "no gold seed in seeds/"
    assert len(INVALID) >= 20


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.stem)
def test_gold_seed_is_complete(gold: Path) -> None:
    document = yaml.safe_load(gold.read_text(encoding="utf-8"))
    assert (SEEDS / document["report"]).is_file(), "the report beside its coding"
    assert document["published"]
    assert document["published_rationale"]
    assert all(event.get("rationale") for event in document["events"]), "every event has a rationale"
    assert all(item["statement"] and item["reason"] for item in document["not_coded"])


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.stem)
def test_gold_seed_events_are_valid(gold: Path) -> None:
    events, problems = load_events(gold)
    assert problems == []
    document = yaml.safe_load(gold.read_text(encoding="utf-8"))
    assert [e.event_id_cnty for e in events] == [r["event_id_cnty"] for r in document["events"]]
    assert len({e.event_id_cnty for e in events}) == len(events)


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.stem)
def test_gold_seed_converts_to_acled_csv(gold: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(gold), "--to", "acled-csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    document = yaml.safe_load(gold.read_text(encoding="utf-8"))
    assert len(rows) == len(document["events"])
    for row, record in zip(rows, document["events"], strict=True):
        assert not ANNOTATIONS & set(row), "annotations are not written"
        assert row["notes"] == record["notes"]
        assert row["sub_event_type"] == record["sub_event_type"]
        assert int(row["fatalities"]) == record["fatalities"]


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.stem)
def test_invalid_seed_gives_its_codes(case: Path) -> None:
    expected = yaml.safe_load(case.read_text(encoding="utf-8"))["expected_codes"]
    events, problems = load_events(case)
    assert events == []
    assert Counter(issue.code for issue in problems) == Counter(expected)
    assert all(issue.file == str(case) and issue.record == 1 and issue.line for issue in problems)


@pytest.mark.parametrize("case", INVALID[:3], ids=lambda p: p.stem)
def test_invalid_seed_is_refused_by_convert(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.csv"
    assert main(["convert", str(case), "--to", "acled-csv", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    for code in yaml.safe_load(case.read_text(encoding="utf-8"))["expected_codes"]:
        assert f"[{code}]" in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
