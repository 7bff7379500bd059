"""``eventcode codebook cameo|cameo-1.1b3|plover [CODE]`` on the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from eventcode.cli import main


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main([*argv, "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_cameo_json_has_every_code_with_gdelts_values(capsys: pytest.CaptureFixture[str], shared_data: Path) -> None:
    data = _json(capsys, "codebook", "cameo")
    codes = data["event_codes"]
    assert isinstance(codes, list)
    got = {c["code"]: c for c in codes}
    with (shared_data / "cameo" / "cameo_eventcodes.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            assert (got[row["code"]]["goldstein"], got[row["code"]]["quad_class"]) == (
                float(row["goldstein"]), int(row["quad_class"]))
    assert got["195"]["parent"] == "19"
    assert got["19"]["parent"] is None
    assert data["version"]


def test_one_code_as_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codebook", "cameo", "195"]) == 0
    text = capsys.readouterr().out
    assert "Employ aerial weapons" in text
    assert "-10.0" in text
    assert "Parent:     19 FIGHT" in text
    data = _json(capsys, "codebook", "cameo", "18")
    assert data["children"] == ["180", "181", "182", "183", "184", "185", "186"]


def test_the_1_1b3_edition_is_selected_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert _json(capsys, "codebook", "cameo-1.1b3", "195")["children"] == ["1951", "1952"]
    assert _json(capsys, "codebook", "cameo", "195")["children"] == []


def test_unknown_code_is_a_usage_error_naming_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codebook", "cameo", "1955"]) == 2
    assert "did you mean '195'" in capsys.readouterr().err


def test_a_code_of_a_codebook_without_entries_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codebook", "acled", "195"]) == 2
    assert "no entries" in capsys.readouterr().err


def test_plover_codebook_and_one_type(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "codebook", "plover")
    types = data["event_types"]
    assert isinstance(types, list)
    assert len(types) == 16
    assert _json(capsys, "codebook", "plover", "demand")["name"] == "REQUEST"
    assert main(["codebook", "plover"]) == 0
    assert "ASSAULT" in capsys.readouterr().out
