"""Broken and hostile files (tests/hostile/, see hostile_corpus.py) get a documented answer: the exit code, a
message naming file, line or record, field and rule, never an internal error; nothing lost, the input untouched."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hostile_corpus import CASES, HEADER, HERE, TINY, Case, deep_json, deep_yaml, event, row, wide, wide_row

from eventcode.cli import main
from eventcode.convert import convert_file
from eventcode.errors import InputError
from eventcode.formats.acled_read import CsvFile
from eventcode.report import FileReport
from eventcode.validate import Options, validate_path

Capture = pytest.CaptureFixture[str]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(args: list[str], capsys: Capture) -> tuple[int, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert "internal error" not in err, err
    assert "Traceback" not in err, err
    return code, out + err


@pytest.mark.parametrize("name", sorted(TINY))
def test_the_checked_in_corpus_is_what_the_module_builds(name: str) -> None:
    assert (HERE / name).read_bytes() == TINY[name](), "run `python tests/hostile_corpus.py`"


def test_every_corpus_file_has_a_case_for_each_command() -> None:
    assert {(case.name, case.command) for case in CASES} == {
        (name, command) for name in TINY for command in ("validate", "convert")}


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.command}-{case.name}")
def test_hostile_input_gets_its_documented_outcome(tmp_path: Path, capsys: Capture, case: Case) -> None:
    source = HERE / case.name
    before = digest(source)
    target = tmp_path / "out.csv"
    args = ["validate", str(source)] if case.command == "validate" else [
        "convert", str(source), "--to", "acled-csv", "-o", str(target)]
    code, output = run(args, capsys)
    assert (code, case.fragment in output) == (case.exit, True), output
    assert digest(source) == before
    if case.command == "convert":
        assert target.exists() == (case.exit == 0)  # all or nothing
        assert [p.name for p in tmp_path.iterdir() if p.name != "out.csv"] == []  # no temporary file left


def reports(path: Path) -> tuple[FileReport | str, FileReport | str]:
    """The fast and the per-record path's reports on a file (or the message of the InputError each raised)."""
    found: list[FileReport | str] = []
    for fast in (True, False):
        try:
            found.append(validate_path(path, Options(fast=fast)))
        except InputError as exc:
            found.append(str(exc))
    return found[0], found[1]


@pytest.mark.parametrize("name", [name for name in sorted(TINY) if name.endswith(".csv")])
def test_both_csv_paths_give_the_same_answer_and_count_every_row(name: str) -> None:
    fast, slow = reports(HERE / name)
    if isinstance(fast, str) or isinstance(slow, str):
        assert fast == slow
        return
    assert fast.rows_valid + fast.rows_invalid == fast.rows_read
    assert (fast.rows_read, fast.rows_valid, fast.counts, fast.blank_rows) == (
        slow.rows_read, slow.rows_valid, slow.counts, slow.blank_rows)
    assert [(i.record, i.line, i.field, i.code) for i in fast.issues] == [
        (i.record, i.line, i.field, i.code) for i in slow.issues]


def converted(tmp_path: Path, name: str) -> list[dict[str, str]]:
    target = tmp_path / "out.csv"
    assert convert_file(HERE / name, target).written
    return list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))


def test_nothing_is_lost_or_changed_on_the_way(tmp_path: Path) -> None:
    assert [r["event_id_cnty"] for r in converted(tmp_path, "no-final-newline.csv")] == ["MMR1"]
    assert converted(tmp_path, "nul-byte.csv")[0]["notes"] == "before\x00after"  # a NUL is data: kept as it is
    rows = converted(tmp_path, "embedded-newline.csv")
    assert rows[0]["notes"] == "First line.\nSecond line, with a comma."
    assert [r["event_id_cnty"] for r in converted(tmp_path, "carriage-returns.csv")] == ["MMR1", "MMR2"]


def test_a_line_break_inside_a_value_moves_the_lines_after_it() -> None:
    with CsvFile(HERE / "embedded-newline.csv") as source:
        assert [(row.number, row.line) for row in source.rows()] == [(1, 2), (2, 4)]


@pytest.mark.parametrize("build", [deep_json, deep_yaml])
def test_documents_nested_100000_deep_are_refused(tmp_path: Path, capsys: Capture, build: object) -> None:
    suffix = ".json" if build is deep_json else ".yaml"
    path = deep_json(tmp_path / f"deep{suffix}") if build is deep_json else deep_yaml(tmp_path / f"deep{suffix}")
    for command in (["validate", str(path)], ["convert", str(path), "--to", "jsonl"]):
        code, output = run(command, capsys)
        assert code == 2
        assert ("nesting depth" if suffix == ".yaml" else "not valid JSON: maximum recursion depth") in output


def test_ten_thousand_columns(tmp_path: Path, capsys: Capture) -> None:
    code, output = run(["validate", str(wide(tmp_path / "wide.csv"))], capsys)
    assert code == 1
    assert "[bad-header]" in output
    assert "unknown column0, column1," in output
    assert "and 9,960 more" in output
    assert max(len(line) for line in output.splitlines()) < 2_000  # the message names the columns, abbreviated
    code, output = run(["validate", str(wide_row(tmp_path / "row.csv"))], capsys)
    assert code == 1
    assert "row.csv:3: record 2: the row has 10000 fields, the header 31 [wrong-field-count]" in output
    assert "3 rows read, 2 valid, 1 invalid" in output


@pytest.mark.parametrize(("args", "fragment"), [
    (["validate", "--input-format", "acled-csv", "/dev/zero"], "/dev/zero:1: a field is over the limit"),
    (["validate", "--input-format", "records", "/dev/null"], "cannot tell the format from the suffix"),
    (["validate", "--input-format", "gdelt", str(HERE)], "cannot read: Is a directory"),
    (["validate", str(HERE / "missing.csv")], "cannot read: No such file or directory"),
    (["convert", "/dev/zero", "--to", "jsonl"], "cannot tell the format from the suffix"),
])
def test_devices_folders_and_missing_files_are_unreadable_input(capsys: Capture, args: list[str],
                                                                fragment: str) -> None:
    code, output = run(args, capsys)
    assert code == 2
    assert fragment in output


@pytest.mark.parametrize("option", ["-o", "--rejects"])
def test_a_conversion_never_writes_over_its_input(tmp_path: Path, capsys: Capture, option: str) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes((HERE / "embedded-newline.csv").read_bytes())
    before = digest(source)
    args = ["convert", str(source), "--to", "acled-csv", option, str(tmp_path / "." / "in.csv")]
    code, output = run([*args, "-o", str(tmp_path / "out.csv")] if option == "--rejects" else args, capsys)
    assert code == 2
    assert "is the input file; write the conversion elsewhere" in output
    assert digest(source) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_every_report_format_holds_hostile_values(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "control.csv"
    path.write_text(HEADER + row(event(1, event_type="Bat\x00tles\x1b[31m", actor1="\x00x", notes="\x0b\u202e"))
                    + row(event(2, sub_event_type="\ufffd" * 3, location="\n")), encoding="utf-8")
    paths = [str(path), *(str(HERE / name) for name in sorted(TINY))]
    for fmt in ("text", "json", "junit", "github"):
        code, output = run(["validate", "--format", fmt, *paths], capsys)
        assert code == 2  # some corpus files are unreadable
        assert "\x00" not in output
        assert "\x1b" not in output
        if fmt == "json":
            assert len(json.loads(output)["files"]) == len(paths)
        if fmt == "junit":
            assert len(ElementTree.fromstring(output).findall("testsuite")) == len(paths)
