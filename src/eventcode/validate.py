"""Validate ACLED data from Python: a file, records, events or one Arrow record batch, into a report.

>>> report = validate_path("events.csv")  # doctest: +SKIP
>>> report.valid, report.rows_read, report.counts.most_common(3)  # doctest: +SKIP

Every record rule of :func:`eventcode.rules.check_record` runs, plus the dataset rules: duplicate event ids,
rows with the wrong number of fields, a header that matches no layout. CSV files stream through the vectorised
fast path (:mod:`eventcode.fastpath`) unless ``Options(fast=False)`` asks for the per-record path; both give the
same report. :func:`validate_batch` is a pure function of one batch, for running per partition (Dask, Spark).

Input formats live in :data:`FORMATS` (name -> how to recognise a file, how to validate it); another format
(e.g. GDELT) joins with :func:`register_format`.
"""

from __future__ import annotations

import dataclasses
import re
import time
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventcode.codebook import AcledCodebook, acled_codebook
from eventcode.errors import EventcodeError, InputError
from eventcode.formats.acled_read import (
    BLOCK_SIZE,
    MAX_FIELD_BYTES,
    BadRow,
    CsvFile,
    HeaderError,
    RowBatch,
    Unparsed,
    inter_generation,
    is_blank_row,
)
from eventcode.formats.gdelt import looks_like_gdelt, validate_gdelt
from eventcode.formats.records import MAX_DOCUMENT_BYTES, RECORD_SUFFIXES, read_records, record_format
from eventcode.issues import CATALOG, Issue, show
from eventcode.registry import nearest
from eventcode.report import FileReport, Report
from eventcode.rules import check_record

if TYPE_CHECKING:
    from eventcode.events import Event

#: Told after each batch of a file: rows read so far and bytes read so far.
ProgressHook = Callable[[int, int], None]


class UsageError(EventcodeError):
    """A bad option (e.g. an unknown error code in ``--select``)."""


@dataclass(frozen=True)
class Options:
    """What to report: ``select`` (only these codes), ``ignore`` (not these), ``limit_errors`` (the most issues
    kept per file; counts still cover all). ``fast=False`` checks CSV rows one by one instead of in batches.
    ``max_field_bytes`` is the largest CSV field, ``max_bytes`` the largest YAML/JSON document or JSON Lines line
    (over them, the file is refused with an InputError naming the limit)."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    limit_errors: int | None = None
    fast: bool = True
    block_size: int = BLOCK_SIZE
    progress: ProgressHook | None = None
    max_field_bytes: int = MAX_FIELD_BYTES
    max_bytes: int = MAX_DOCUMENT_BYTES

    def wants(self, code: str) -> bool:
        return (self.select is None or code in self.select) and code not in self.ignore


def parse_codes(text: str) -> frozenset[str]:
    """A comma-separated list of error codes; raises :class:`UsageError` naming an unknown one."""
    codes = frozenset(part.strip() for part in text.split(",") if part.strip())
    for code in sorted(codes):
        if code not in CATALOG:
            hint = nearest(code, CATALOG)
            raise UsageError(f"unknown error code {code!r}" + (f" (did you mean {hint!r}?)" if hint else ""))
    return codes


class DuplicateIds:
    """Finds repeated event_id_cnty values in 16 bytes per row: a regular id (prefix + up to 15 digits) becomes
    an integer, kept in Arrow arrays with its row's record and line and sorted once at the end; any other id is
    kept as text."""

    REGULAR = re.compile(r"([A-Z]{2,4})([0-9]{1,15})")
    MAX_PREFIXES = 576  # (576 * 16 + 15) * 10**15 + 10**15 still fits in an int64

    def __init__(self) -> None:
        self._prefixes: dict[str, int] = {}
        self._chunks: list[tuple[Any, Any, Any]] = []
        self._keys, self._records, self._lines = array("q"), array("i"), array("i")
        self._other: dict[str, tuple[int, int | None]] = {}
        self._found: list[tuple[int, int | None, str, int, int | None]] = []

    def _prefix(self, prefix: str) -> int | None:
        number = self._prefixes.get(prefix)
        if number is None and len(self._prefixes) < self.MAX_PREFIXES:
            number = self._prefixes[prefix] = len(self._prefixes)
        return number

    def _irregular(self, event_id: str, record: int, line: int | None) -> None:
        first = self._other.get(event_id)
        if first is None:
            self._other[event_id] = (record, line)
        else:
            self._found.append((record, line, event_id, *first))

    def add(self, event_id: object, record: int, line: int | None) -> None:
        """One row's id (blank ids are skipped)."""
        if not isinstance(event_id, str) or not event_id.strip():
            return
        match = self.REGULAR.fullmatch(event_id)
        prefix = self._prefix(match.group(1)) if match else None
        if match is None or prefix is None:
            self._irregular(event_id, record, line)
            return
        digits = match.group(2)
        self._keys.append((prefix * 16 + len(digits)) * 10**15 + int(digits))
        self._records.append(record)
        self._lines.append(-1 if line is None else line)

    def add_batch(self, ids: Any, records: Any, lines: Any) -> None:
        """A batch's ids (an Arrow text array) with their rows' record numbers and lines."""
        import pyarrow as pa
        import pyarrow.compute as pc

        parts = pc.extract_regex(ids, r"^(?P<p>[A-Z]{2,4})(?P<d>[0-9]{1,15})$")
        prefix = pc.dictionary_encode(pc.struct_field(parts, "p"))
        numbers = pa.array([self._prefix(value) for value in prefix.dictionary.to_pylist()], pa.int64())
        group = pc.take(numbers, prefix.indices)
        digits = pc.struct_field(parts, "d")
        sixteen, scale = pa.scalar(16, pa.int64()), pa.scalar(10**15, pa.int64())
        keys = pc.add(pc.multiply(pc.add(pc.multiply(group, sixteen), pc.cast(pc.utf8_length(digits), pa.int64())),
                                  scale), pc.cast(digits, pa.int64()))
        keep = pc.is_valid(keys)
        self._chunks.append((pc.filter(keys, keep), pc.cast(pc.filter(records, keep), pa.int32()),
                             pc.cast(pc.filter(lines, keep), pa.int32()) if lines is not None else None))
        others = pc.indices_nonzero(pc.and_(pc.invert(keep), pc.not_equal(ids, pa.scalar("", pa.string()))))
        for index in others.to_pylist():
            self.add_irregular(ids[index].as_py(), records[index].as_py(),
                               None if lines is None else lines[index].as_py())

    def add_irregular(self, event_id: str, record: int, line: int | None) -> None:
        if event_id.strip():
            self._irregular(event_id, record, line)

    def duplicates(self) -> list[tuple[int, int | None, str, int, int | None]]:
        """Each repeat: (record, line, id, first record, first line), in record order."""
        import bisect

        found = list(self._found)
        if not self._chunks and not self._keys:  # no regular id was read: pyarrow (and its memory) is not needed
            return sorted(found, key=lambda item: item[0])

        import pyarrow as pa
        import pyarrow.compute as pc

        self._chunks.append((pa.array(self._keys, pa.int64()), pa.array(self._records, pa.int32()),
                             pa.array(self._lines, pa.int32())))
        starts = [0]
        for chunk in self._chunks:
            starts.append(starts[-1] + len(chunk[0]))
        keys = pa.concat_arrays([chunk[0] for chunk in self._chunks])
        self._chunks = [(None, records, lines) for _, records, lines in self._chunks]
        ordered = keys.take(pc.sort_indices(keys))
        same = pc.equal(ordered.slice(1), ordered.slice(0, max(len(ordered) - 1, 0)))
        repeated = pc.unique(pc.filter(ordered.slice(1), same))
        del ordered, same
        rows: dict[int, list[tuple[int, int | None]]] = {}
        for position in pc.indices_nonzero(pc.is_in(keys, value_set=repeated)).to_pylist():
            index = bisect.bisect_right(starts, position) - 1
            _, records, lines = self._chunks[index]
            offset = position - starts[index]
            line = None if lines is None else lines[offset].as_py()
            rows.setdefault(keys[position].as_py(), []).append((records[offset].as_py(),
                                                                None if line == -1 else line))
        names = {number: prefix for prefix, number in self._prefixes.items()}
        for key, places in rows.items():
            group, number = divmod(key, 10**15)
            prefix, digits = divmod(group, 16)
            event_id = f"{names[prefix]}{number:0{digits}d}"
            places.sort()
            first_record, first_line = places[0]
            found.extend((record, line, event_id, first_record, first_line) for record, line in places[1:])
        return sorted(found, key=lambda item: item[0])


class _Collector:
    """Builds one file's report row by row, keeping the counting invariant and the issue limit."""

    def __init__(self, path: str, fmt: str, options: Options, generation: str | None = None) -> None:
        self.options = options
        self.report = FileReport(path=path, format=fmt, generation=generation)
        self.invalid = array("q")
        self.duplicates = DuplicateIds()
        self.started = time.perf_counter()
        order = {name: index for index, name in enumerate(acled_codebook().columns)}
        self._field_order: Callable[[Issue], int] = lambda issue: order.get(issue.field or "", len(order))

    def keep(self, issue: Issue) -> None:
        report = self.report
        report.counts[issue.code] += 1
        report.warnings += issue.severity == "warning"
        limit = self.options.limit_errors
        if limit is None or len(report.issues) < limit:
            report.issues.append(issue)
        else:
            report.truncated = True

    def row(self, record: int, line: int | None, issues: Iterable[Issue]) -> None:
        """One record read, with what the rules found (listed in column order, whichever path found them)."""
        report = self.report
        report.rows_read += 1
        bad = False
        for issue in sorted(issues, key=self._field_order):
            if self.options.wants(issue.code):
                bad = bad or issue.severity == "error"
                self.keep(dataclasses.replace(issue, file=report.path, record=record, line=line))
        if bad:
            report.rows_invalid += 1
            self.invalid.append(record)
        else:
            report.rows_valid += 1

    def valid_rows(self, count: int) -> None:
        self.report.rows_read += count
        self.report.rows_valid += count

    def file_issue(self, issue: Issue) -> None:
        """A problem with the file as a whole, such as a header that matches no layout (no row was read)."""
        self.keep(dataclasses.replace(issue, file=self.report.path))

    def finish(self) -> FileReport:
        report = self.report
        repeats = self.duplicates.duplicates() if self.options.wants("duplicate-event-id") else []
        if repeats:
            import pyarrow as pa
            import pyarrow.compute as pc

            already = pc.is_in(pa.array([r[0] for r in repeats], pa.int64()),
                               value_set=pa.array(self.invalid, pa.int64())).to_pylist()
            for (record, line, event_id, first_record, first_line), counted in zip(repeats, already, strict=True):
                where = f"record {first_record}" + (f" (line {first_line})" if first_line is not None else "")
                self.keep(Issue("duplicate-event-id", f"{show(event_id)} already appears at {where}",
                                "event_id_cnty", event_id, None, "error", report.path, record, line))
                if not counted:
                    report.rows_valid -= 1
                    report.rows_invalid += 1
        report.issues.sort(key=lambda issue: (issue.record or 0, issue.line or 0))
        if self.options.limit_errors is not None and len(report.issues) > self.options.limit_errors:
            del report.issues[self.options.limit_errors:]
            report.truncated = True
        report.seconds = time.perf_counter() - self.started
        return report


def _wrong_field_count(fields: int, expected: int) -> Issue:
    return Issue("wrong-field-count", f"the row has {fields} fields, the header {expected}", None, fields,
                 str(expected))


# ---- ACLED CSV ------------------------------------------------------------------------------------------------

def _header_issue(exc: HeaderError) -> Issue:
    return Issue("bad-header", str(exc).split(": ", 1)[1], None, None, exc.closest, line=1)


def validate_csv(path: str | Path, options: Options | None = None) -> FileReport:
    """Validate an ACLED CSV file of any generation (see :mod:`eventcode.formats.acled_read`)."""
    options = options or Options()
    if options.fast:
        try:
            return _validate_csv(path, options, fast=True)
        except Unparsed:  # Python's csv module reads what pyarrow cannot, or names the line where it fails
            pass
    return _validate_csv(path, options, fast=False)


def _validate_csv(path: str | Path, options: Options, fast: bool) -> FileReport:
    try:
        source = CsvFile(path, max_field_bytes=options.max_field_bytes)
    except HeaderError as exc:
        collector = _Collector(str(path), "acled-csv", options)
        collector.file_issue(_header_issue(exc))
        return collector.finish()
    with source:
        collector = _Collector(str(path), "acled-csv", options, "legacy" if source.layout == "legacy" else None)
        if fast:
            _fast_csv(source, collector, options)
        else:
            _slow_csv(source, collector, options)
    return collector.finish()


def _slow_csv(source: CsvFile, collector: _Collector, options: Options) -> None:
    expected = len(source.header)
    inter_index = source.header.index("inter1")
    for row in source.rows():
        if row.too_large is not None:
            too_large = row.too_large
            collector.row(row.number, row.line, [Issue("field-too-large", too_large.reason, too_large.field)])
            continue
        if is_blank_row(row.fields, expected):
            collector.report.blank_rows += 1
            continue
        if len(row.fields) != expected:
            collector.row(row.number, row.line, [_wrong_field_count(len(row.fields), expected)])
            continue
        if collector.report.generation is None:
            collector.report.generation = inter_generation([row.fields[inter_index]])
        record = source.record(row.fields)
        collector.duplicates.add(record["event_id_cnty"], row.number, row.line)
        collector.row(row.number, row.line, check_record(record)[1])
        if options.progress and row.number % 10_000 == 0:
            options.progress(collector.report.rows_read, 0)


#: Rows checked at a time by the fast path: several of the reader's blocks, to spread each call's fixed cost.
CHECK_ROWS = 16_384


def _fast_csv(source: CsvFile, collector: _Collector, options: Options) -> None:
    import pyarrow as pa

    from eventcode.fastpath import FastRules
    from eventcode.formats.acled_read import read_batches

    rules = FastRules()
    expected = len(source.header)
    read = [0]
    pending: list[RowBatch] = []

    def on_read(count: int) -> None:
        read[0] += count

    def check_pending() -> None:
        if pending:
            batch = _concat(pending)
            pending.clear()
            if collector.report.generation is None:
                collector.report.generation = _batch_generation(batch.columns["inter1"])
            check_batch(batch, rules, collector)
            if options.progress:
                options.progress(collector.report.rows_read, read[0])

    for item in read_batches(source, options.block_size, on_read if options.progress else None):
        if isinstance(item, BadRow):
            if len(item.text) * 4 > options.max_field_bytes and len(item.text.encode()) > options.max_field_bytes:
                raise Unparsed(f"{source.path}:{item.line}: a row over the field size limit")  # csv module decides
            check_pending()
            collector.row(item.number, item.line, [_wrong_field_count(item.fields, expected)])
            continue
        pending.append(item)
        if sum(batch.num_rows for batch in pending) >= CHECK_ROWS:
            check_pending()
    check_pending()
    pa.default_memory_pool().release_unused()  # the reader's blocks, before the duplicates are sorted


def _concat(batches: list[RowBatch]) -> RowBatch:
    import pyarrow as pa

    if len(batches) == 1:
        return batches[0]
    columns = {name: None if column is None else pa.concat_arrays([b.columns[name] for b in batches])
               for name, column in batches[0].columns.items()}
    return RowBatch(columns, pa.concat_arrays([b.records for b in batches]),
                    pa.concat_arrays([b.lines for b in batches]), sum(b.num_rows for b in batches))


def _batch_generation(inter1: Any) -> str | None:
    import pyarrow as pa
    import pyarrow.compute as pc

    filled = pc.filter(inter1, pc.not_equal(inter1, pa.scalar("", pa.string())))
    return inter_generation(filled.slice(0, 100).to_pylist())


def check_batch(batch: RowBatch, rules: Any, collector: _Collector) -> None:
    """Check one batch: clear what the fast path proves valid; a row that breaks only rules of value groups takes
    their cached issues; any other suspect is checked by ``check_record``."""
    import pyarrow as pa
    import pyarrow.compute as pc

    screen = rules.screen(batch.columns, batch.num_rows)
    suspect = screen.suspects
    collector.duplicates.add_batch(batch.columns["event_id_cnty"], batch.records, batch.lines)
    count = pc.sum(suspect).as_py() or 0
    collector.valid_rows(batch.num_rows - count)
    if not count:
        return
    found: dict[int, list[Issue]] = {}
    grouped = pc.indices_nonzero(pc.and_(suspect, pc.invert(screen.patterns)))
    if len(grouped):
        for verdict in screen.groups:
            hits = pc.filter(grouped, pc.take(verdict.bad, grouped))
            for position, issues in zip(hits.to_pylist(), verdict.issues(hits), strict=True):
                found.setdefault(position, []).extend(issues)
    others = pc.indices_nonzero(screen.patterns)
    if len(others):
        names = [name for name, column in batch.columns.items() if column is not None]
        values = {name: pc.take(batch.columns[name], others).to_pylist() for name in names}
        blanks = dict.fromkeys(batch.columns, "")
        for index, position in enumerate(others.to_pylist()):
            record = dict(blanks)
            record.update((name, values[name][index]) for name in names)
            if is_blank_row(list(record.values()), len(record)):
                collector.report.blank_rows += 1
                continue
            found[position] = check_record(record, rules.cb)[1]
    if not found:
        return
    positions = pa.array(sorted(found), pa.int64())
    records = batch.records.take(positions).to_pylist()
    lines = [None] * len(positions) if batch.lines is None else batch.lines.take(positions).to_pylist()
    for position, record_number, line in zip(positions.to_pylist(), records, lines, strict=True):
        collector.row(record_number, line, found[position])


# ---- records, events and batches ------------------------------------------------------------------------------

def validate_records(records: Iterable[Mapping[str, object]], options: Options | None = None,
                     path: str = "<records>", fmt: str = "records") -> FileReport:
    """Validate records keyed by ACLED column names (text or typed values), numbered from 1."""
    options = options or Options()
    collector = _Collector(path, fmt, options)
    _check_records(((record, None) for record in records), collector, options)
    return collector.finish()


def _check_records(items: Iterable[tuple[Mapping[str, object], int | None]], collector: _Collector,
                   options: Options) -> None:
    for number, (record, line) in enumerate(items, 1):
        if collector.report.generation is None:
            collector.report.generation = inter_generation([record.get("inter1", "")])
        collector.duplicates.add(record.get("event_id_cnty"), number, line)
        collector.row(number, line, check_record(record)[1])
        if options.progress and number % 10_000 == 0:
            options.progress(number, 0)


def validate_events(events: Iterable[Event], options: Options | None = None, path: str = "<events>") -> FileReport:
    """Validate :class:`~eventcode.events.Event` objects (rechecked, and checked for duplicate ids)."""
    return validate_records((event.model_dump() for event in events), options, path, "events")


def validate_batch(batch: Any, options: Options | None = None, path: str = "<batch>", first_record: int = 1,
                   cb: AcledCodebook | None = None) -> FileReport:
    """Validate one Arrow record batch (or table) keyed by ACLED column names, current or legacy.

    A pure function of its input: run it per partition (Dask, Spark) and combine the reports. Columns of any
    type are read as text (nulls as blank); records are numbered from ``first_record``; duplicate ids are found
    within the batch.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from eventcode.fastpath import FastRules
    from eventcode.formats.acled_read import detect_layout

    cb = cb or acled_codebook()
    options = options or Options()
    collector = _Collector(path, "arrow", options)
    try:
        layout = detect_layout(batch.schema.names, path, cb)
    except HeaderError as exc:
        collector.file_issue(_header_issue(exc))
        return collector.finish()
    collector.report.generation = "legacy" if layout == "legacy" else None
    n = batch.num_rows
    columns: dict[str, Any] = {}
    for name in cb.columns:
        if name in batch.schema.names:
            column = batch.column(name)
            if isinstance(column, pa.ChunkedArray):
                column = column.combine_chunks()
            columns[name] = pc.fill_null(pc.cast(column, pa.string()), "")
        else:
            columns[name] = None
    if collector.report.generation is None:
        collector.report.generation = _batch_generation(columns["inter1"])
    records = pa.array(range(first_record, first_record + n), pa.int64())
    check_batch(RowBatch(columns, records, None, n), FastRules(cb), collector)
    return collector.finish()


# ---- formats and files ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class InputFormat:
    """An input format of ``eventcode validate``: whether a file is in it (from its path and first bytes) and
    how to validate such a file."""

    name: str
    matches: Callable[[Path, bytes], bool]
    validate: Callable[[Path, Options], FileReport]
    description: str = ""


def _first_line(head: bytes) -> str:
    return head.decode("utf-8", "replace").lstrip("\ufeff").split("\n", 1)[0]


def _is_acled_csv(path: Path, head: bytes) -> bool:
    line = _first_line(head)
    return "\t" not in line and ("event_id_cnty," in line or path.suffix.lower() == ".csv")


#: Input formats by name, tried in this order when a file's format is not given.
FORMATS: dict[str, InputFormat] = {}


def register_format(fmt: InputFormat, first: bool = False) -> None:
    """Add an input format (``first=True`` tries it before the others)."""
    if first:
        rest = dict(FORMATS)
        FORMATS.clear()
        FORMATS[fmt.name] = fmt
        FORMATS.update(rest)
    else:
        FORMATS[fmt.name] = fmt


def detect_format(path: Path) -> InputFormat:
    """The format of a file, from its path and first bytes; raises InputError when none matches."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    for fmt in FORMATS.values():
        if fmt.matches(path, head):
            return fmt
    raise InputError(f"{path}: cannot tell its format (known: {', '.join(FORMATS)})")


def validate_path(path: str | Path, options: Options | None = None, input_format: str | None = None) -> FileReport:
    """Validate one file, its format detected (or named by ``input_format``); raises InputError if unreadable."""
    path = Path(path)
    if input_format is not None and input_format not in FORMATS:
        raise UsageError(f"unknown input format {input_format!r} (known: {', '.join(FORMATS)})")
    fmt = FORMATS[input_format] if input_format else detect_format(path)
    return fmt.validate(path, options or Options())


def validate_paths(paths: Sequence[str | Path], options: Options | None = None,
                   input_format: str | None = None) -> Report:
    """Validate files into one report; a file that cannot be read is reported (``readable`` false)."""
    started = time.perf_counter()
    report = Report()
    for path in paths:
        try:
            report.files.append(validate_path(path, options, input_format))
        except InputError as exc:
            failed = FileReport(path=str(path), format=input_format or "unknown", readable=False)
            failed.issues.append(Issue("parse-error", str(exc), file=str(path)))
            failed.counts["parse-error"] += 1
            report.files.append(failed)
    report.seconds = time.perf_counter() - started
    return report


def _validate_records_path(path: Path, options: Options) -> FileReport:
    collector = _Collector(str(path), record_format(path), options)
    _check_records(((item.data, item.line) for item in read_records(path, options.max_bytes)), collector, options)
    return collector.finish()


register_format(InputFormat("acled-csv", _is_acled_csv, validate_csv, "ACLED CSV, any generation"))
register_format(InputFormat("records", lambda path, head: path.suffix.lower() in RECORD_SUFFIXES,
                            _validate_records_path, "YAML, JSON or JSON Lines records keyed by ACLED columns"))
register_format(InputFormat("gdelt", looks_like_gdelt,
                            lambda path, options: validate_gdelt(path, options.wants, options.limit_errors,
                                                                 max_line_bytes=options.max_field_bytes),
                            "GDELT 1.0/2.0 event rows: 57, 58 or 61 tab-separated fields, no header"))

__all__ = ["FORMATS", "DuplicateIds", "InputFormat", "Options", "UsageError", "detect_format",
           "parse_codes", "register_format", "validate_batch", "validate_csv", "validate_events", "validate_path",
           "validate_paths", "validate_records"]
