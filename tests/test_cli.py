"""The command line: convert, codebook acled, schema acled-event; exit codes 0/1/2, errors on stderr, no traceback."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_rules import BASE

from eventcode.cli import main
from eventcode.codebook import acled_codebook
from eventcode.schema import load_schema

Capture = pytest.CaptureFixture[str]
SECOND = {**BASE, "event_id_cnty": "MMR12346", "sub_event_type": "Peaceful protest", "event_type": "Protests",
          "disorder_type": "Demonstrations", "actor1": "Protesters (Myanmar)", "inter1": "Protesters",
          "actor2": "", "inter2": "", "interaction": "Protesters only", "fatalities": 0,
          "notes": 'Residents marched, chanting "peace"; caf\u00e9 owners joined.\nNo injuries.'}


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    if path.suffix == ".json":
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    elif path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump({"events": records}, allow_unicode=True), encoding="utf-8")
    return path


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".yaml"])
def test_convert_to_stdout(tmp_path: Path, capsys: Capture, suffix: str) -> None:
    source = write(tmp_path / f"events{suffix}", [BASE, SECOND])
    assert main(["convert", str(source), "--to", "acled-csv"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[0] == ",".join(acled_codebook().columns)
    converted = rows(out)
    assert [row["event_id_cnty"] for row in converted] == ["MMR12345", "MMR12346"]
    assert converted[1]["notes"] == SECOND["notes"]
    assert (converted[1]["inter1"], converted[1]["inter2"], converted[1]["interaction"]) == (
        "Protesters", "", "Protesters only")


def test_convert_to_a_file_with_numeric_inter(tmp_path: Path, capsys: Capture) -> None:
    source = write(tmp_path / "events.json", [BASE, SECOND])
    target = tmp_path / "out.csv"
    assert main(["convert", str(source), "--to", "acled-csv", "-o", str(target), "--inter", "numeric"]) == 0
    assert capsys.readouterr() == ("", "")
    converted = rows(target.read_text(encoding="utf-8"))
    assert [(row["inter1"], row["inter2"], row["interaction"]) for row in converted] == [
        ("1", "2", "12"), ("6", "0", "60")]


def test_invalid_record_writes_nothing(tmp_path: Path, capsys: Capture) -> None:
    source = write(tmp_path / "events.yaml", [BASE, {**SECOND, "sub_event_type": "Air strike"}])
    target = tmp_path / "out.csv"
    assert main(["convert", str(source), "--to", "acled-csv", "-o", str(target)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "[unknown-sub-event-type]" in err
    assert "Air/drone strike" in err
    assert "events.yaml" in err
    assert "record 2" in err
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.yaml"]


def test_invalid_record_to_stdout_prints_no_csv(tmp_path: Path, capsys: Capture) -> None:
    source = write(tmp_path / "events.json", [BASE, {**BASE, "fatalities": -1}])
    assert main(["convert", str(source), "--to", "acled-csv"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "[fatalities-negative]" in err


def test_invalid_record_leaves_an_existing_output_alone(tmp_path: Path, capsys: Capture) -> None:
    source = write(tmp_path / "events.json", [{**BASE, "year": 1999}])
    target = tmp_path / "out.csv"
    target.write_text("keep me\n", encoding="utf-8")
    assert main(["convert", str(source), "--to", "acled-csv", "-o", str(target)]) == 1
    assert "[year-mismatch]" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize(("name", "content", "words"), [
    ("absent.json", None, ["absent.json"]),
    ("events.txt", "event_id_cnty: X", ["events.txt", ".txt"]),
    ("broken.json", "[{", ["broken.json", "JSON"]),
])
def test_unreadable_input_is_a_usage_error(tmp_path: Path, capsys: Capture, name: str, content: str | None,
                                           words: list[str]) -> None:
    source = tmp_path / name
    if content is not None:
        source.write_text(content, encoding="utf-8")
    assert main(["convert", str(source), "--to", "acled-csv"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("eventcode: error:")
    assert "Traceback" not in err
    for word in words:
        assert word in err


@pytest.mark.parametrize("target", ["missing-folder/out.csv", "."])
def test_unwritable_output_is_a_usage_error(tmp_path: Path, capsys: Capture, target: str) -> None:
    source = write(tmp_path / "events.json", [BASE])
    assert main(["convert", str(source), "--to", "acled-csv", "-o", str(tmp_path / target)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("eventcode: error:")
    assert "cannot write" in err
    assert "internal error" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.json"]


@pytest.mark.parametrize("argv", [[], ["convert"], ["convert", "x.json"], ["convert", "x.json", "--to", "pdf"],
                                  ["convert", "x.json", "--to", "acled-csv", "--inter", "roman"],
                                  ["codebook", "acled", "--format", "xml"], ["frobnicate"]])
def test_usage_errors_exit_2(capsys: Capture, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "usage: eventcode" in err
    assert "Traceback" not in err


def test_codebook_acled_table(capsys: Capture) -> None:
    assert main(["codebook", "acled"]) == 0
    out = capsys.readouterr().out
    cb = acled_codebook()
    for sub in cb.sub_event_types:
        assert sub.name in out
    for category in cb.actor_categories:
        assert category.label in out


def test_codebook_acled_json(capsys: Capture) -> None:
    assert main(["codebook", "acled", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    cb = acled_codebook()
    assert (data["name"], data["version"]) == (cb.name, cb.version)
    assert [e["name"] for e in data["event_types"]] == [e.name for e in cb.event_types]
    subs = [s for e in data["event_types"] for s in e["sub_event_types"]]
    assert [s["name"] for s in subs] == [s.name for s in cb.sub_event_types]
    assert {"name", "disorder_type", "civilian_targeting_allowed", "one_sided_allowed", "definition"} <= set(subs[0])
    assert [c["code"] for c in data["actor_categories"]] == list(range(1, 9))
    assert len(data["interaction_codes"]) == 44
    assert {"code": 12, "text": "State forces-Rebel group"} in data["interaction_codes"]


def test_schema_prints_the_shipped_schema(capsys: Capture) -> None:
    assert main(["schema", "acled-event"]) == 0
    assert json.loads(capsys.readouterr().out) == load_schema("acled-event")


def test_unknown_schema_is_a_usage_error(capsys: Capture) -> None:
    assert main(["schema", "acled-events"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("eventcode: error:")
    assert "acled-event" in err
    assert "Traceback" not in err


def run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eventcode", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=60, check=False)


def test_python_m_eventcode(tmp_path: Path) -> None:
    """The entry point as users run it, in a separate process."""
    source = write(tmp_path / "events.json", [BASE, SECOND])
    done = run_module("convert", str(source), "--to", "acled-csv", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert [row["event_id_cnty"] for row in rows(done.stdout)] == ["MMR12345", "MMR12346"]

    failed = run_module("convert", str(tmp_path / "absent.yaml"), "--to", "acled-csv", cwd=tmp_path)
    assert failed.returncode == 2
    assert failed.stdout == ""
    assert "Traceback" not in failed.stderr
    assert "absent.yaml" in failed.stderr
