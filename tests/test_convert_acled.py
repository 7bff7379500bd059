"""eventcode convert from ACLED CSV of every generation: round trips, legacy files, rejects, all or nothing."""

from __future__ import annotations

import csv
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_acled_read import acled_example, write_csv
from test_validate import fixed_sample

from eventcode.cli import main
from eventcode.codebook import acled_codebook
from eventcode.convert import convert_file
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm, write_acled_csv
from eventcode.formats.jsonl import write_jsonl
from eventcode.testing import events
from eventcode.validate import validate_path

Capture = pytest.CaptureFixture[str]


def test_real_sample_round_trip_is_byte_identical(shared_data: Path, tmp_path: Path) -> None:
    source = fixed_sample(shared_data, tmp_path / "in.csv")
    target = tmp_path / "out.csv"
    assert main(["convert", str(source), "--to", "acled-csv", "--inter", "numeric", "-o", str(target)]) == 0
    assert (tmp_path / "out.csv").read_bytes() == source.read_bytes()


def test_real_sample_through_text_and_back(shared_data: Path, tmp_path: Path) -> None:
    source = fixed_sample(shared_data, tmp_path / "in.csv")
    text = convert_file(source, tmp_path / "text.csv", inter="text")
    assert (text.rows_read, text.rows_written, text.generation) == (9000, 9000, "numeric")
    again = convert_file(tmp_path / "text.csv", tmp_path / "text2.csv", inter="text")
    assert again.generation == "text"
    assert (tmp_path / "text2.csv").read_bytes() == (tmp_path / "text.csv").read_bytes()
    numeric = convert_file(tmp_path / "text.csv", tmp_path / "numeric.csv", inter="numeric")
    assert numeric.rows_written == 9000
    assert (tmp_path / "numeric.csv").read_bytes() == source.read_bytes()


@given(st.lists(events(), min_size=1, max_size=8, unique_by=lambda e: e.event_id_cnty),
       st.sampled_from(["text", "numeric"]), st.sampled_from(["acled-csv", "jsonl"]))
def test_generated_events_round_trip(batch: list[Event], inter: InterForm, to: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first = Path(folder) / ("first.csv" if to == "acled-csv" else "first.jsonl")
        second = first.with_name("second" + first.suffix)
        (write_acled_csv if to == "acled-csv" else write_jsonl)(batch, first, inter)
        conversion = convert_file(first, second, to=to, inter=inter)
        assert conversion.rows_rejected == 0, conversion.issues
        assert second.read_bytes() == first.read_bytes()


def test_legacy_file_to_the_current_layout(shared_data: Path, tmp_path: Path) -> None:
    cb = acled_codebook()
    with open(shared_data / "acled_2022_sample.csv", encoding="utf-8", newline="") as handle:
        rows = [row for _, row in zip(range(50), csv.DictReader(handle), strict=False)]
    legacy = [{**row, "data_id": str(n), "event_id_no_cnty": re.sub(r"\D", "", row["event_id_cnty"]), "iso3": "X"}
              for n, row in enumerate(rows, 1)]
    source = write_csv(tmp_path / "legacy.csv", legacy, cb.legacy_columns)
    conversion = convert_file(source, tmp_path / "current.csv", inter="numeric")
    assert (conversion.generation, conversion.rows_written) == ("legacy", 50)
    assert conversion.derived["disorder_type"] == 50
    assert conversion.left_blank == {"civilian_targeting": 50, "tags": 50}
    assert conversion.dropped == ("data_id", "event_id_no_cnty", "iso3")
    with open(tmp_path / "current.csv", encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert list(written[0]) == list(cb.columns)
    assert [row["disorder_type"] for row in written] == [
        cb.sub_event_types.lookup(row["sub_event_type"]).disorder_type for row in rows]


def test_cli_says_what_a_legacy_conversion_changed(tmp_path: Path, capsys: Capture) -> None:
    legacy = {**acled_example(), "data_id": "1", "event_id_no_cnty": "1", "iso3": "MMR", "disorder_type": ""}
    source = write_csv(tmp_path / "legacy.csv", [legacy], acled_codebook().legacy_columns)
    assert main(["convert", str(source), "--to", "jsonl", "-o", str(tmp_path / "out.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "1 rows read (legacy), 1 written, 0 rejected" in err
    assert "derived: disorder_type 1" in err
    assert "left blank (cannot be derived): civilian_targeting 1, tags 1" in err
    assert "columns dropped: data_id, event_id_no_cnty, iso3" in err
    event = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert event["disorder_type"] == "Political violence"


def _three_rows(tmp_path: Path) -> Path:
    rows = [acled_example(), {**acled_example(), "event_id_cnty": "MMR2", "sub_event_type": "Air strike"},
            {**acled_example(), "event_id_cnty": "MMR3"}]
    path = write_csv(tmp_path / "in.csv", rows, newline="\r\n")
    path.write_bytes(path.read_bytes() + b"short,row\r\n")
    return path


def test_broken_rows_stop_the_conversion(tmp_path: Path, capsys: Capture) -> None:
    source = _three_rows(tmp_path)
    target = tmp_path / "out.csv"
    assert main(["convert", str(source), "--to", "acled-csv", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "[unknown-sub-event-type]" in err
    assert "[wrong-field-count]" in err
    assert "nothing written" in err
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]
    assert main(["convert", str(source), "--to", "acled-csv"]) == 1
    assert capsys.readouterr().out == ""


def test_rejects_set_broken_rows_aside_untouched(tmp_path: Path, capsys: Capture) -> None:
    source = _three_rows(tmp_path)
    target, rejects = tmp_path / "out.csv", tmp_path / "rejects.csv"
    assert main(["convert", str(source), "--to", "acled-csv", "-o", str(target), "--rejects", str(rejects)]) == 1
    assert "2 rejected" in capsys.readouterr().err
    with open(target, encoding="utf-8", newline="") as handle:
        assert [row["event_id_cnty"] for row in csv.DictReader(handle)] == ["MMR1", "MMR3"]
    original = source.read_bytes().decode("utf-8").split("\r\n")
    header, second = original[0], original[2]
    assert rejects.read_bytes().decode("utf-8") == f"{header}\r\n{second}\r\nshort,row\r\n"


def test_duplicate_ids_are_not_written_twice(tmp_path: Path, capsys: Capture) -> None:
    source = write_csv(tmp_path / "dups.csv", [acled_example(), acled_example()])
    assert main(["convert", str(source), "--to", "jsonl", "--rejects", str(tmp_path / "r.csv")]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1
    assert "[duplicate-event-id]" in err


def test_convert_output_reads_back_as_valid(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", [acled_example()])
    for to, name in (("acled-csv", "out.csv"), ("jsonl", "out.jsonl")):
        assert convert_file(source, tmp_path / name, to=to).written
        assert validate_path(tmp_path / name).valid
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_blank_lines_are_skipped_and_counted(tmp_path: Path, capsys: Capture) -> None:
    source = write_csv(tmp_path / "in.csv", [acled_example()])
    source.write_bytes(source.read_bytes() + b"\n" + b"," * 30 + b"\n")
    assert main(["convert", str(source), "--to", "jsonl", "-o", str(tmp_path / "out.jsonl")]) == 0
    assert "blank lines skipped: 2" in capsys.readouterr().err
    source.write_bytes(source.read_bytes() + b",,,\n")
    assert main(["convert", str(source), "--to", "jsonl", "-o", str(tmp_path / "out.jsonl")]) == 1
    assert "[wrong-field-count]" in capsys.readouterr().err
