"""Conversions between formats, as the library does them and the ``convert`` command exposes them.

:func:`convert_file` reads ACLED CSV of any generation (or YAML/JSON/JSON Lines records) one row at a time and
writes the current layout. Fields an older layout lacks are derived where the rules derive them (disorder_type
from sub_event_type, ...) and otherwise left blank; both are counted in the :class:`Conversion`. A row that
breaks a rule is never written: by default nothing is written at all; with ``rejects`` the valid rows are
written and each broken row goes, as it was, to the rejects file.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from eventcode._atomic import atomic_text_writer
from eventcode.codebook import acled_codebook
from eventcode.errors import InvalidEvent, OutputError
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm, write_acled_csv
from eventcode.formats.acled_read import MAX_FIELD_BYTES, CsvFile, inter_generation, is_blank_row
from eventcode.formats.actors_long import write_actors_long
from eventcode.formats.cameo_tsv import write_cameo_tsv
from eventcode.formats.geojson import write_geojson
from eventcode.formats.jsonl import write_jsonl
from eventcode.formats.parquet import write_parquet
from eventcode.formats.plover_jsonl import write_plover_jsonl
from eventcode.formats.records import MAX_DOCUMENT_BYTES, read_records
from eventcode.formats.spreadsheet import excel_safe as excel_safe_event
from eventcode.issues import Issue, show
from eventcode.workbench.workspace import Workspace


@dataclass(frozen=True)
class Limits:
    """The size limits of the input: ``max_bytes`` for a YAML/JSON document or a JSON Lines line,
    ``max_field_bytes`` for a CSV field. Over them the input is refused (InputError naming the limit)."""

    max_bytes: int = MAX_DOCUMENT_BYTES
    max_field_bytes: int = MAX_FIELD_BYTES


def load_events(path: str | Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> tuple[list[Event], list[Issue]]:
    """Read a YAML/JSON/JSON Lines file of records into events; returns the events and every issue found."""
    events: list[Event] = []
    problems: list[Issue] = []
    for record in read_records(path, max_bytes):
        try:
            events.append(Event.from_record(record.data))
        except InvalidEvent as exc:
            problems.extend(dataclasses.replace(issue, file=str(path), record=record.number, line=record.line)
                            for issue in exc.issues)
    return events, problems


#: A writer takes events, a target path (stdout when None) and the inter form; returns the number written.
Writer = Callable[[Iterable[Event], "str | Path | None", InterForm], int]

#: Every output format of ``eventcode convert --to``.
WRITERS: dict[str, Writer] = {"acled-csv": write_acled_csv, "jsonl": write_jsonl, "plover-jsonl": write_plover_jsonl,
                             "cameo-tsv": write_cameo_tsv, "geojson": write_geojson, "parquet": write_parquet,
                             "actors-long": write_actors_long}
#: The output formats that need a file (they are binary).
FILE_ONLY_FORMATS = ("parquet",)
#: The output formats people open in spreadsheets, where ``excel_safe`` applies.
EXCEL_SAFE_FORMATS = ("acled-csv", "cameo-tsv")


def convert_records(source: str | Path, target: str | Path | None, to: str = "acled-csv",
                    inter: InterForm = "text") -> list[Issue]:
    """Write the records of ``source`` in format ``to`` to ``target`` (stdout when None), all or nothing.

    Returns the issues found; when there are any, nothing is written.
    """
    events, problems = load_events(source)
    if not problems:
        WRITERS[to](events, target, inter)
    return problems


def convert_workspace(folder: str | Path, target: str | Path | None, to: str = "acled-csv", inter: InterForm = "text",
                      excel_safe: bool = False) -> list[Issue]:
    """Write the accepted events of a workbench workspace (see :mod:`eventcode.workbench.workspace`) in format
    ``to``, all or nothing: when a coding cannot be read, an event breaks a rule or an id repeats, nothing is
    written and the issues are returned."""
    events, problems = Workspace(folder).accepted()
    if not problems:
        WRITERS[to](map(excel_safe_event, events) if excel_safe else events, target, inter)
    return problems


#: The fields the record rules derive when they are blank (see :func:`eventcode.rules.check_record`).
DERIVED = ("year", "event_type", "disorder_type", "interaction", "iso", "region")


@dataclass
class Conversion:
    """What :func:`convert_file` did. Every row read is written or rejected: ``written + rejected == read``.

    ``derived`` counts, per field, the values filled in because the input left them blank or lacked the column;
    ``left_blank`` the values of columns the input lacks that could not be derived; ``dropped`` names the input
    columns the current layout has no place for; ``blank_rows`` the blank lines (not records) skipped.
    """

    source: str
    generation: str | None = None
    rows_read: int = 0
    rows_written: int = 0
    rows_rejected: int = 0
    issues: list[Issue] = field(default_factory=list)
    derived: Counter[str] = field(default_factory=Counter)
    left_blank: Counter[str] = field(default_factory=Counter)
    dropped: tuple[str, ...] = ()
    written: bool = False
    blank_rows: int = 0


@dataclass(frozen=True, slots=True)
class _Row:
    number: int
    line: int | None
    record: dict[str, object] | None  # None when the row could not be split into the header's fields
    raw: str
    fields: int = 0


class _Source:
    """The rows of an input file, with its header text (CSV) and the columns its layout lacks."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.csv = path.suffix.lower() == ".csv"
        self.header_text = ""
        self.absent: tuple[str, ...] = ()
        self.dropped: tuple[str, ...] = ()
        self.legacy = False
        self.width = len(acled_codebook().columns)
        if self.csv:
            # read the header now: a bad one is an error before any output
            with CsvFile(path, max_field_bytes=limits.max_field_bytes) as source:
                self.header_text, self.width = source.header_text, len(source.header)
                self.absent, self.dropped = source.record.absent, source.record.dropped
                self.legacy = source.layout == "legacy"

    def rows(self, conversion: Conversion) -> Iterator[_Row]:
        if not self.csv:
            for item in read_records(self.path, self.limits.max_bytes):
                yield _Row(item.number, item.line, item.data,
                           json.dumps(item.data, ensure_ascii=False, default=str) + "\n")
            return
        with CsvFile(self.path, max_field_bytes=self.limits.max_field_bytes) as source:
            expected = len(source.header)
            for row in source.rows():
                if row.too_large is not None:  # cannot be kept whole for a rejects file: refuse the input
                    raise row.too_large
                if is_blank_row(row.fields, expected):
                    conversion.blank_rows += 1
                    continue
                record = source.record(row.fields) if len(row.fields) == expected else None
                yield _Row(row.number, row.line, dict(record) if record else None, row.text, len(row.fields))


def _problems(row: _Row, expected: int, seen: set[str]) -> tuple[Event | None, list[Issue]]:
    if row.record is None:
        return None, [Issue("wrong-field-count", f"the row has {row.fields} fields, the header {expected}", None,
                            row.fields, str(expected))]
    try:
        event = Event.from_record(row.record)
    except InvalidEvent as exc:
        return None, list(exc.issues)
    if event.event_id_cnty in seen:
        return None, [Issue("duplicate-event-id", f"{show(event.event_id_cnty)} already appears in this file",
                            "event_id_cnty", event.event_id_cnty)]
    return event, []


class _Rejected(Exception):
    """Raised at the end of the input to discard the output when a row broke a rule."""


def _events(src: _Source, conversion: Conversion, reject: TextIO | None, abort: bool) -> Iterator[Event]:
    """The valid events of ``src``, counting into ``conversion``; broken rows go to ``reject`` (if any), and
    with ``abort`` the end of the input raises :class:`_Rejected` when a row was broken."""
    seen: set[str] = set()
    for row in src.rows(conversion):
        conversion.rows_read += 1
        if conversion.generation is None and row.record is not None:
            conversion.generation = inter_generation([row.record.get("inter1", "")])
        event, issues = _problems(row, src.width, seen)
        if event is None:
            conversion.rows_rejected += 1
            conversion.issues.extend(dataclasses.replace(issue, file=str(src.path), record=row.number,
                                                         line=row.line) for issue in issues)
            if reject is not None:
                reject.write(row.raw)
            continue
        seen.add(event.event_id_cnty)
        _count_filled(conversion, row.record or {}, event, src.absent)
        conversion.rows_written += 1
        yield event
    if abort and conversion.rows_rejected:
        raise _Rejected


def convert_file(source: str | Path, target: str | Path | None, to: str = "acled-csv", inter: InterForm = "text",
                 rejects: str | Path | None = None, excel_safe: bool = False,
                 limits: Limits | None = None) -> Conversion:
    """Convert ``source`` (ACLED CSV of any generation, or records) to format ``to`` in the current layout.

    Without ``rejects`` it is all or nothing: when a row breaks a rule, nothing is written and the conversion
    lists the issues. With ``rejects`` the valid rows are written to ``target`` and the broken ones, as they
    were, to ``rejects`` (CSV rows under the input's header; records as JSON Lines). ``excel_safe`` makes text
    cells inert in spreadsheets (see :mod:`eventcode.formats.spreadsheet`; it changes the data). The target is
    written atomically and the source is only read.
    """
    if target is None and to in FILE_ONLY_FORMATS:
        raise OutputError(f"{to} is binary: name an output file with -o")
    for output in (target, rejects):
        if output is not None and Path(output).resolve() == Path(source).resolve():
            raise OutputError(f"{output}: is the input file; write the conversion elsewhere")
    src = _Source(Path(source), limits or Limits())
    write = WRITERS[to]

    def writer(events: Iterable[Event], path: str | Path | None, form: InterForm) -> int:
        return write(map(excel_safe_event, events) if excel_safe else events, path, form)

    def fresh() -> Conversion:
        return Conversion(str(src.path), "legacy" if src.legacy else None, dropped=src.dropped)

    conversion = fresh()
    if rejects is not None:
        with atomic_text_writer(rejects) as reject:
            reject.write(src.header_text)
            writer(_events(src, conversion, reject, abort=False), target, inter)
    elif target is None:  # stdout cannot be taken back: check every row before writing any
        for _ in _events(src, conversion, None, abort=False):
            pass
        if conversion.rows_rejected:
            return conversion
        conversion = fresh()
        writer(_events(src, conversion, None, abort=False), None, inter)
    else:
        try:
            writer(_events(src, conversion, None, abort=True), target, inter)
        except _Rejected:
            return conversion
    conversion.written = True
    return conversion


def _count_filled(conversion: Conversion, record: dict[str, object], event: Event, absent: tuple[str, ...]) -> None:
    values = event.model_dump()
    for name in absent:
        if values[name] in ("", None, False):
            conversion.left_blank[name] += 1
        else:
            conversion.derived[name] += 1
    for name in DERIVED:
        if name not in absent and record.get(name) in ("", None):
            conversion.derived[name] += 1
