"""Property tests over every reader, the validator, the converter and the coder: whatever the input, only the
library's documented errors escape, and every row read is counted once (valid + invalid, written + rejected)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from hostile_corpus import GOOD, HEADER, event, row
from hypothesis import given
from hypothesis import strategies as st

from eventcode import code_text
from eventcode.cli import main
from eventcode.convert import WRITERS, convert_file
from eventcode.errors import InputError, InvalidEvent
from eventcode.events import Event
from eventcode.formats.acled_read import CsvFile
from eventcode.formats.gdelt import read_rows
from eventcode.formats.records import read_records
from eventcode.report import FileReport
from eventcode.testing import events
from eventcode.validate import Options, validate_path, validate_records

Capture = pytest.CaptureFixture[str]
SUFFIXES = (".csv", ".jsonl", ".json", ".yaml", ".tsv")
#: Characters that break CSV, JSON and YAML, and text that is not plain ASCII.
NASTY = st.sampled_from([",", '"', "\n", "\r", "\r\n", "\x00", "\t", "'", "{", "[", "&a", "*a", "!!", "\\", "\ufeff",
                         "\u1019\u103c\u1014\u103a\u1019\u102c", "\udcff", "-", "=", "1e400", "nan"])


def mutated(base: str) -> st.SearchStrategy[str]:
    """``base`` with a few pieces replaced, inserted or cut at random places."""
    edit = st.tuples(st.integers(0, len(base)), st.integers(0, 40), st.one_of(NASTY, st.text(max_size=5)))

    def apply(edits: list[tuple[int, int, str]]) -> str:
        text = base
        for at, cut, piece in edits:
            at = min(at, len(text))
            text = text[:at] + piece + text[at + cut:]
        return text

    return st.lists(edit, min_size=1, max_size=4).map(apply)


def file_with(factory: pytest.TempPathFactory, data: bytes, suffix: str) -> Path:
    path = factory.mktemp("hostile") / f"input{suffix}"
    path.write_bytes(data)
    return path


def checked(path: Path, fast: bool) -> FileReport | None:
    """The report on a file, or None when it was refused with an InputError (the documented answer)."""
    try:
        report = validate_path(path, Options(fast=fast))
    except InputError:
        return None
    assert report.rows_valid + report.rows_invalid == report.rows_read
    return report


def converted(path: Path) -> None:
    """Convert with a rejects file: every row read is written or rejected, and the rejects hold the rejected."""
    target, rejects = path.with_name("out.csv"), path.with_name("rejects.txt")
    try:
        conversion = convert_file(path, target, rejects=rejects)
    except InputError:
        assert not target.exists()
        assert not rejects.exists()
        return
    assert conversion.rows_written + conversion.rows_rejected == conversion.rows_read


@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_get_a_report_or_a_documented_error(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                                      suffix: str) -> None:
    path = file_with(tmp_path_factory, data, suffix)
    for fast in (True, False):
        checked(path, fast)
    if suffix != ".tsv":
        converted(path)


@given(text=mutated(HEADER + GOOD + row(event(2, notes='said "no", then\nleft'))
                    + row(event(3, fatalities=-1))))
def test_broken_csv_gets_the_same_answer_on_both_paths(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = file_with(tmp_path_factory, text.encode("utf-8", "surrogatepass"), ".csv")
    fast, slow = checked(path, True), checked(path, False)
    assert (fast is None) == (slow is None)
    if fast is not None and slow is not None:
        assert (fast.rows_read, fast.rows_valid, fast.counts) == (slow.rows_read, slow.rows_valid, slow.counts)
        assert [(i.record, i.line, i.code) for i in fast.issues] == [(i.record, i.line, i.code) for i in slow.issues]
    converted(path)


@given(text=mutated(json.dumps(event(1)) + "\n" + json.dumps(event(2)) + "\n"),
       suffix=st.sampled_from([".jsonl", ".json", ".yaml"]))
def test_broken_records_are_read_or_refused(tmp_path_factory: pytest.TempPathFactory, text: str, suffix: str) -> None:
    path = file_with(tmp_path_factory, text.encode("utf-8", "surrogatepass"), suffix)
    try:
        records = list(read_records(path))
    except InputError:
        records = []
    assert all(isinstance(record.data, dict) for record in records)
    checked(path, True)
    converted(path)


#: Any text that UTF-8 can carry: control characters (NUL, vertical tab, NEL), line and paragraph separators,
#: formula starts, quotes, Burmese and right-to-left marks.
ANY_TEXT = st.lists(st.one_of(st.characters(codec="utf-8"), NASTY.filter(lambda c: c != "\udcff")),
                    max_size=20).map("".join)


@given(events(), ANY_TEXT, ANY_TEXT, st.sampled_from(["acled-csv", "jsonl"]))
def test_events_with_any_text_read_back_as_written(tmp_path_factory: pytest.TempPathFactory, written: Event,
                                                   notes: str, assoc: str, to: str) -> None:
    original = written.model_copy(update={"notes": notes, "assoc_actor_1": assoc})
    path = tmp_path_factory.mktemp("roundtrip") / ("events.csv" if to == "acled-csv" else "events.jsonl")
    WRITERS[to]([original], path, "text")
    if to == "acled-csv":
        with CsvFile(path) as source:
            back = [Event.from_record(source.record(r.fields)) for r in source.rows()]
    else:
        back = [Event.from_record(r.data) for r in read_records(path)]
    assert back == [original]
    for fast in (True, False):
        report = validate_path(path, Options(fast=fast))
        assert (report.rows_read, report.rows_valid) == (1, 1)


@given(data=st.binary(max_size=400))
def test_every_reader_takes_any_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = file_with(tmp_path_factory, data, ".csv")
    try:
        with CsvFile(path) as source:
            rows = list(source.rows())
        assert [r.number for r in rows] == list(range(1, len(rows) + 1))
    except InputError:
        pass
    gdelt = list(read_rows(path))
    assert len(gdelt) <= data.count(b"\n") + 1


@given(text=st.text(max_size=300) | mutated("On 3 November 2023, soldiers killed 5 civilians in Laiza, Kachin. "
                                            "Two days later, 12 protesters were injured in Yangon."))
def test_the_coder_takes_any_text(text: str) -> None:
    records = code_text(text, date(2023, 11, 6), "Myanmar")
    assert isinstance(records, list)


@pytest.mark.parametrize("text", ["", " \n\t ", "\x00" * 1000, "a\x00b killed 3\x00",
                                  "\u1019\u103c\u1014\u103a\u1019\u102c " * 5000, "\ufeff\u200b\u202e" * 1000,
                                  "1" * 1_000_000, "1," * 500_000, "x" * 1_000_000])
def test_the_coder_on_hostile_text_is_quick(text: str) -> None:
    started = time.perf_counter()
    assert isinstance(code_text(text, date(2023, 11, 6), "Myanmar"), list)
    assert time.perf_counter() - started < 10


def test_the_coder_on_a_megabyte_of_reports() -> None:
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds)
    text = (text * (1_000_000 // max(len(text), 1) + 1))[:1_000_000]
    started = time.perf_counter()
    records = code_text(text, date(2023, 11, 6), "Myanmar")
    assert records
    assert time.perf_counter() - started < 30


def test_batch_mode_gives_each_bad_line_an_error_entry(tmp_path: Path, capsys: Capture) -> None:
    good = {"id": "ok", "text": "Soldiers killed 5 civilians in Laiza.", "published": "2023-11-06",
            "country": "Myanmar"}
    lines = [json.dumps(good), "{not json", "[1, 2]", json.dumps({"id": "no-text"}),
             json.dumps({**good, "id": "bad-date", "published": "2023-02-30"}),
             json.dumps({**good, "id": "not-text", "text": ["a"]}),
             json.dumps({**good, "id": "nul", "text": "\x00" * 100}),
             json.dumps({**good, "id": "burmese", "text": "\u1019\u103c\u1014\u103a\u1019\u102c" * 100}), "", "  "]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["code", "--batch", str(batch), "--format", "jsonl"]) == 1
    out, err = capsys.readouterr()
    entries = [json.loads(line) for line in out.splitlines()]
    assert [e.get("id") for e in entries] == ["ok", None, None, "no-text", "bad-date", "not-text", "nul", "burmese"]
    assert [("error" in e) for e in entries] == [False, True, True, True, True, True, False, False]
    assert f"{batch}:2:" in entries[1]["error"]
    assert "5 line(s)" in err
    assert "internal error" not in err


def test_an_undecodable_batch_or_report_is_an_input_error(tmp_path: Path, capsys: Capture) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes("Soldiers killed 5 in Laiza. caf\u00e9".encode("latin-1"))
    assert main(["code", str(report), "--published", "2023-11-06", "--country", "Myanmar"]) == 2
    err = capsys.readouterr().err
    assert "not UTF-8 text (byte 0xe9" in err
    assert "internal error" not in err


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                        max_size=3), max_leaves=8)


@given(st.lists(st.fixed_dictionaries({}, optional={name: JSON_VALUES | st.just(value)
                                                    for name, value in event(1).items()}), max_size=4))
def test_records_of_any_values_are_checked_never_crash(records: list[dict[str, object]]) -> None:
    report = validate_records(records)
    assert (report.rows_read, report.rows_valid + report.rows_invalid) == (len(records), len(records))
    for record in records:
        problems: tuple[object, ...] = ()
        try:
            Event.from_record(record)
        except InvalidEvent as exc:
            problems = exc.issues
        assert bool(problems) == bool(validate_records([record]).rows_invalid)
