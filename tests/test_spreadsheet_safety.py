"""``convert --excel-safe``: text cells a spreadsheet would run as formulas get a leading quote; numbers stay numbers;
off by default (it changes the data), refused for formats nobody opens in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hostile_corpus import event
from hypothesis import given
from hypothesis import strategies as st

from eventcode.cli import main
from eventcode.formats.spreadsheet import FORMULA_STARTS, TEXT_FIELDS, neutralise

Capture = pytest.CaptureFixture[str]

HOSTILE = event(1, actor1='=HYPERLINK("http://example.com/x","click")', assoc_actor_1="+cmd|' /C calc'!A0",
                notes="-2+3 people", location="@SUM(A1:A9)", source="\tsource", admin3="\r=1+1", latitude=-17.4,
                longitude=-62.5)


def exported(tmp_path: Path, capsys: Capture, *options: str, to: str = "acled-csv") -> str:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    assert main(["convert", str(source), "--to", to, *options]) == 0
    return capsys.readouterr().out


def test_excel_safe_quotes_formula_text_and_leaves_numbers(tmp_path: Path, capsys: Capture) -> None:
    row = next(csv.DictReader(io.StringIO(exported(tmp_path, capsys, "--excel-safe"), newline="")))
    assert row["actor1"] == "'" + str(HOSTILE["actor1"])
    assert row["assoc_actor_1"] == "'" + str(HOSTILE["assoc_actor_1"])
    assert (row["notes"], row["location"], row["source"], row["admin3"]) == (
        "'-2+3 people", "'@SUM(A1:A9)", "'\tsource", "'\r=1+1")
    assert (row["latitude"], row["longitude"]) == ("-17.4", "-62.5")  # numbers, not text: unchanged
    assert row["event_id_cnty"] == "MMR1"
    assert row["admin1"] == "Kachin"


def test_off_by_default_the_data_is_written_as_it_is(tmp_path: Path, capsys: Capture) -> None:
    row = next(csv.DictReader(io.StringIO(exported(tmp_path, capsys), newline="")))
    assert row["actor1"] == HOSTILE["actor1"]
    assert row["notes"] == "-2+3 people"


def test_cameo_rows_are_neutralised_too(tmp_path: Path, capsys: Capture) -> None:
    fields = exported(tmp_path, capsys, "--excel-safe", to="cameo-tsv").rstrip("\n").split("\t")
    assert "'=HYPERLINK(\"HTTP://EXAMPLE.COM/X\",\"CLICK\")" in fields
    assert not any(field.startswith(FORMULA_STARTS[:4]) and not field.lstrip("-").replace(".", "").isdigit()
                   for field in fields)


def test_refused_where_it_does_not_apply(tmp_path: Path, capsys: Capture) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    assert main(["convert", str(source), "--to", "jsonl", "--excel-safe"]) == 2
    assert "--excel-safe applies to acled-csv, cameo-tsv, not jsonl" in capsys.readouterr().err


def test_only_text_fields_are_touched() -> None:
    assert {"notes", "actor1", "location", "source"} <= set(TEXT_FIELDS)
    assert not {"latitude", "longitude", "fatalities", "event_date", "year"} & set(TEXT_FIELDS)


@given(st.text(max_size=30))
def test_neutralise_changes_exactly_the_formula_starts(text: str) -> None:
    safe = neutralise(text)
    if text.startswith(FORMULA_STARTS):
        assert safe == "'" + text
    else:
        assert safe == text
