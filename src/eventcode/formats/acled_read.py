"""Read ACLED CSV files of every generation, streaming, with the exact record number and line of each row.

The header names the layout: ``current`` (31 columns, 2023 on) or ``legacy`` (about 2019-2022, ``data_id ...
iso3``), both from the codebook. The current layout comes in two generations told apart by its inter codes:
``numeric`` (2022-2023) and ``text`` (2024 labels). Files are UTF-8 with or without a BOM, LF or CRLF.

Two readers give the same rows: :class:`CsvFile` (Python's csv module, one row at a time, with each row's raw
text) and :func:`read_batches` (pyarrow's streaming CSV reader, Arrow record batches of text columns, for the
vectorised validator). Rows are numbered from 1 after the header; a row's line is the line it starts on, so a
quoted value holding line breaks moves the lines of the rows after it.
"""

from __future__ import annotations

import csv
import io
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcode.codebook import AcledCodebook, acled_codebook
from eventcode.errors import InputError
from eventcode.issues import show

#: The default size of the blocks pyarrow parses at a time (memory grows with it: pyarrow reads ahead).
BLOCK_SIZE = 1 << 20
#: The default largest CSV field, in bytes of UTF-8 (``--max-field-bytes``). ACLED's longest values, notes, stay
#: under 10 kB; 1 MiB leaves a hundredfold margin and still refuses a runaway field (an unbalanced quote swallowing
#: the rest of a file) before it costs memory.
MAX_FIELD_BYTES = 1 << 20
#: The csv-module reader holds at most this many fields' worth at the limit of one row in memory: a longer line, or
#: a quoted value running over more, is a field over the limit whose name is not known (any shorter value over the
#: limit is named). ACLED rows have 31 fields.
LINE_FIELDS = 32


class FieldTooLarge(InputError):
    """A CSV field is over the size limit; names the file, the line, the record, the field and the limit."""

    def __init__(self, path: Path, line: int, record: int | None, field: str | None, limit: int) -> None:
        where = f"{path}:{line}: " + (f"record {record}: " if record else "") + (f"{field}: " if field else "")
        self.reason = (f"a field is over the limit of {limit:,} bytes (raise it with --max-field-bytes; an "
                       "unbalanced quote can also make a field swallow the lines after it)")
        super().__init__(where + self.reason)
        self.line, self.record, self.field, self.limit = line, record, field, limit


class HeaderError(InputError):
    """The header matches no ACLED layout; ``missing`` and ``unknown`` list the columns against the closest."""

    def __init__(self, path: str, closest: str, missing: Sequence[str], unknown: Sequence[str],
                 duplicated: Sequence[str] = ()) -> None:
        self.path, self.closest = path, closest
        self.missing, self.unknown, self.duplicated = tuple(missing), tuple(unknown), tuple(duplicated)
        parts = [f"missing {_names(missing)}" if missing else "",
                 f"unknown {_names(unknown)}" if unknown else "",
                 f"repeated {_names(duplicated)}" if duplicated else ""]
        super().__init__(f"{path}: the header matches no ACLED layout (closest: {closest}): "
                         + "; ".join(part for part in parts if part))


def _names(names: Sequence[str], most: int = 40) -> str:
    """Column names for a message: the first ``most``, then how many more (a header can have 10,000 columns)."""
    shown = ", ".join(show(name) if len(name) > 60 else name for name in names[:most])
    return shown + (f" and {len(names) - most:,} more" if len(names) > most else "")


def layouts(cb: AcledCodebook | None = None) -> dict[str, tuple[str, ...]]:
    """The column layouts a reader accepts, by name: ``current`` and ``legacy``."""
    cb = cb or acled_codebook()
    return {"current": cb.columns, "legacy": cb.legacy_columns}


def detect_layout(header: Sequence[str], path: str = "<header>", cb: AcledCodebook | None = None) -> str:
    """The layout whose columns the header holds (in any order); raises :class:`HeaderError` otherwise."""
    known = layouts(cb)
    seen: set[str] = set()
    duplicated = [name for name in header if name in seen or seen.add(name)]  # type: ignore[func-returns-value]
    names = set(header)
    if not duplicated:
        for name, columns in known.items():
            if names == set(columns):
                return name
    closest = max(known, key=lambda name: len(names & set(known[name])))
    columns = known[closest]
    raise HeaderError(path, closest, [c for c in columns if c not in names],
                      [c for c in header if c not in set(columns)], duplicated)


def inter_generation(values: Iterable[object]) -> str | None:
    """``numeric`` when the first non-blank inter1 value is a number, ``text`` when a label, None when all blank."""
    for value in values:
        text = "" if value is None else str(value).strip()
        if text:
            return "numeric" if text.isdigit() else "text"
    return None


class RecordMaker:
    """Turns the fields of a row, in the file's column order, into a record keyed by the current columns.

    Legacy files lack disorder_type, civilian_targeting and tags (left blank, for the rules to derive or leave);
    their data_id, event_id_no_cnty and iso3 have no place in the current layout and are dropped.
    """

    def __init__(self, header: Sequence[str], cb: AcledCodebook | None = None) -> None:
        cb = cb or acled_codebook()
        self.columns = cb.columns
        position = {name: index for index, name in enumerate(header)}
        self.positions = [position.get(name) for name in cb.columns]
        self.absent = tuple(name for name, index in zip(cb.columns, self.positions, strict=True) if index is None)
        self.dropped = tuple(name for name in header if name not in cb.column_set)

    def __call__(self, fields: Sequence[str]) -> dict[str, str]:
        return {name: "" if index is None else fields[index]
                for name, index in zip(self.columns, self.positions, strict=True)}


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One row: its record number, the line it starts on, its fields and its raw text (line end included).

    A row holding a field over the size limit is not kept: ``too_large`` says so, ``fields`` and ``text`` are empty.
    """

    number: int
    line: int
    fields: list[str]
    text: str
    too_large: FieldTooLarge | None = None


class _LongLine(Exception):
    """Raised inside the csv module's line source when a physical line passes the size cap."""


def not_utf8(path: Path) -> str | None:
    """Where a file stops being UTF-8 (its line and the bytes there, as an error message), or None."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                return f"{path}:{number}: not UTF-8: {exc.reason} {raw[exc.start:exc.start + 4]!r}"
    return None


def is_blank_row(fields: Sequence[str], width: int) -> bool:
    """A blank line, or a row of ``width`` empty fields (what a CSV reader makes of a blank line): not a record."""
    return not fields or (len(fields) == width and not any(fields))


class CsvFile:
    """An ACLED CSV file opened for reading one row at a time: its header, layout and rows.

    >>> with CsvFile(path) as f:  # doctest: +SKIP
    ...     for row in f.rows(): ...
    """

    def __init__(self, path: str | Path, cb: AcledCodebook | None = None,
                 max_field_bytes: int = MAX_FIELD_BYTES) -> None:
        self.path = Path(path)
        self.cb = cb or acled_codebook()
        self.max_field_bytes = max_field_bytes
        self.header: list[str] = []
        try:
            self._handle = io.TextIOWrapper(open(self.path, "rb"), encoding="utf-8-sig",  # noqa: SIM115
                                            newline="")
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read: {exc.strerror or exc}") from None
        self._pending: list[str] = []
        self._lines = 0
        self._reader = csv.reader(self._track())
        try:
            header = self._next()
        except BaseException:
            self.close()
            raise
        if header is None:
            self.close()
            raise InputError(f"{self.path}: the file is empty (no header)")
        self.header = header
        self.header_text = self._take()
        try:
            self.layout = detect_layout(header, str(self.path), self.cb)
        except HeaderError:
            self.close()
            raise
        self.record = RecordMaker(header, self.cb)

    def _track(self) -> Iterator[str]:
        cap = self.max_field_bytes * LINE_FIELDS
        while line := self._handle.readline(cap):
            self._pending.append(line)
            if len(line) >= cap and not line.endswith(("\n", "\r")):
                raise _LongLine
            self._lines += 1
            yield line

    def _skip_row(self) -> None:
        """Skip the rest of a row that holds a field over the limit, to the line end where no quoted value is
        open (quotes counted as RFC 4180 writes them), reading at most a cap's worth at a time."""
        cap = self.max_field_bytes * LINE_FIELDS
        quotes = sum(part.count('"') for part in self._pending)
        line = self._pending[-1] if self._pending else "\n"
        self._pending.clear()
        while not (line.endswith(("\n", "\r")) and quotes % 2 == 0):
            line = self._handle.readline(cap)
            if not line:
                break
            quotes += line.count('"')
            self._lines += line.endswith(("\n", "\r"))
        self._reader = csv.reader(self._track())

    def _take(self) -> str:
        text = "".join(self._pending)
        self._pending.clear()
        return text

    def _next(self, record: int | None = None) -> list[str] | None:
        """The next row's fields (None at the end); raises InputError naming the line where it cannot."""
        limit = self.max_field_bytes
        start = self._lines + 1
        saved = csv.field_size_limit(limit * LINE_FIELDS)  # characters, to bound memory: each field is checked below
        try:
            fields = next(self._reader)
        except StopIteration:
            return None
        except UnicodeDecodeError:
            raise InputError(not_utf8(self.path) or f"{self.path}: not UTF-8") from None
        except (csv.Error, _LongLine) as exc:
            if not isinstance(exc, _LongLine) and "field limit" not in str(exc):
                raise InputError(f"{self.path}:{self._lines}: cannot parse CSV: {exc}") from None
            if record is not None:  # a header over the limit ends the reading: nothing to skip to
                self._skip_row()
            raise FieldTooLarge(self.path, start, record, None, limit) from None
        finally:
            csv.field_size_limit(saved)
        pending = self._pending  # the row's text: no field of it can be over the limit when it is not
        if (len(pending[0]) if len(pending) == 1 else sum(map(len, pending))) * 4 <= limit:
            return fields
        for index, value in enumerate(fields):
            if len(value) * 4 > limit and len(value.encode("utf-8")) > limit:
                self._pending.clear()
                name = self.header[index] if record and index < len(self.header) else None
                raise FieldTooLarge(self.path, start, record, name, limit)
        return fields

    def rows(self) -> Iterator[CsvRow]:
        """Every row after the header, blank lines included (see :func:`is_blank_row`)."""
        number = 0
        while True:
            start = self._lines + 1
            try:
                fields = self._next(number + 1)
            except FieldTooLarge as exc:
                number += 1
                yield CsvRow(number, start, [], "", exc)
                continue
            if fields is None:
                return
            number += 1
            text = self._take()
            yield CsvRow(number, start, fields, text)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> CsvFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class RowBatch:
    """Consecutive rows as Arrow text columns keyed by current column name (a column the layout lacks is None),
    with each row's record number and line."""

    columns: Mapping[str, Any]
    records: Any
    lines: Any
    num_rows: int


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row the parser could not split into the header's number of fields."""

    number: int
    line: int
    text: str
    fields: int


def line_breaks(text: str) -> int:
    """The line breaks in a text: LF, CRLF or a lone CR (as Python's universal newlines count them)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _span(column: Any) -> tuple[int, int]:
    """Where a text column's values sit in its data buffer (from its offsets): first and last byte."""
    offsets = column.buffers()[1]
    return (struct.unpack_from("<i", offsets, 4 * column.offset)[0],
            struct.unpack_from("<i", offsets, 4 * (column.offset + len(column)))[0])


def _holds_breaks(column: Any) -> bool:
    """Whether any value of a text column holds CR or LF (a scan of its data buffer)."""
    data = column.buffers()[2]
    if data is None or len(column) == 0:
        return False
    first, last = _span(column)
    values = data.slice(first, last - first).to_pybytes() if last > first else b""
    return b"\n" in values or b"\r" in values


def _oversized(batch: Any, limit: int) -> tuple[int, str] | None:
    """The first row (position) and column of a batch holding a value over ``limit`` bytes, or None. A column
    whose values together fit the limit is cleared from its offsets alone."""
    import pyarrow.compute as pc

    found: tuple[int, str] | None = None
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        if len(column) == 0:
            continue
        first, last = _span(column)
        if last - first <= limit:
            continue
        over = pc.indices_nonzero(pc.greater(pc.binary_length(column), limit))
        if len(over) and (found is None or over[0].as_py() < found[0]):
            found = (over[0].as_py(), name)
    return found


class Unparsed(InputError):
    """pyarrow could not parse a CSV file (a row larger than its block, bytes that are not UTF-8) or found a field
    over the size limit: read the file with :class:`CsvFile`, which names the line and the problem (and reads on
    past a field over the limit)."""


class _CountingFile(io.RawIOBase):
    """A binary file that reports how many bytes have been read from it."""

    def __init__(self, handle: io.BufferedReader, on_read: Callable[[int], None]) -> None:
        self._handle, self._on_read = handle, on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._handle.readinto(buffer)
        self._on_read(count or 0)
        return count or 0


def read_batches(csv_file: CsvFile, block_size: int = BLOCK_SIZE, on_read: Callable[[int], None] | None = None,
                 use_threads: bool = False) -> Iterator[RowBatch | BadRow]:
    """The rows of an ACLED CSV file as Arrow batches (and the rows the parser rejected), in file order.

    ``csv_file`` gives the header already read and checked (and the field size limit); ``on_read`` is told of
    every chunk of bytes read; ``use_threads`` lets pyarrow parse blocks ahead on other cores (faster, more
    memory; a row with the wrong number of fields then raises :class:`Unparsed`, as pyarrow cannot number it).
    Raises :class:`Unparsed` when pyarrow cannot parse the file or at the first field over the size limit.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    cb = csv_file.cb
    header = csv_file.header
    rejected: list[tuple[int, str, int]] = []
    unnumbered: list[str] = []

    def handler(row: Any) -> str:
        if row.number is None:  # parsed on several threads: pyarrow does not number the row
            unnumbered.append(row.text)
        else:
            rejected.append((row.number - 1, row.text, row.actual_columns))
        return "skip"

    raw = open(csv_file.path, "rb")  # noqa: SIM115
    source: Any = raw if on_read is None else io.BufferedReader(_CountingFile(raw, on_read), 1 << 20)
    try:
        reader = pcsv.open_csv(
            source,
            read_options=pcsv.ReadOptions(use_threads=use_threads, block_size=block_size),
            parse_options=pcsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False,
                                            invalid_row_handler=handler),
            convert_options=pcsv.ConvertOptions(column_types={name: pa.string() for name in header},
                                                strings_can_be_null=False,
                                                quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, OSError) as exc:
        raw.close()
        raise Unparsed(f"{csv_file.path}: cannot parse CSV: {exc}") from None
    next_record = 1
    next_line = line_breaks(csv_file.header_text) + 1
    try:
        while True:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                break
            except pa.ArrowInvalid as exc:
                raise Unparsed(f"{csv_file.path}: after line {next_line}: cannot parse CSV: {exc}") from None
            if unnumbered:
                raise Unparsed(f"{csv_file.path}: a row does not have the header's {len(header)} fields (read the "
                               "file on one thread to name it)")
            n = batch.num_rows
            rejected.sort()
            inside = 0
            while inside < len(rejected) and rejected[inside][0] < next_record + n + inside:
                inside += 1
            mine, rejected[:] = rejected[:inside], rejected[inside:]
            columns = {name: batch.column(name) if name in batch.schema.names else None for name in cb.columns}
            spans = None
            broken = [column for column in batch.columns if _holds_breaks(column)]
            if broken:
                total = pa.scalar(1, pa.int64())
                for column in broken:
                    breaks = pc.subtract(pc.add(pc.count_substring(column, "\n"), pc.count_substring(column, "\r")),
                                         pc.count_substring(column, "\r\n"))
                    total = pc.add(total, pc.cast(breaks, pa.int64()))
                spans = total
            if not mine:
                records = pa.array(range(next_record, next_record + n), pa.int64())
                if spans is None:
                    lines = pa.array(range(next_line, next_line + n), pa.int64())
                    next_line += n
                else:
                    ends = pc.cumulative_sum(spans)
                    lines = pc.add(pc.subtract(ends, spans), pa.scalar(next_line, pa.int64()))
                    next_line += ends[-1].as_py() if n else 0
                next_record += n
                _refuse_oversized(csv_file, batch, records, lines)
                yield RowBatch(columns, records, lines, n)
                continue
            # Rows the parser rejected sit among this batch's rows: number and place both in file order.
            row_spans = [1] * n if spans is None else spans.to_pylist()
            row_records, row_lines, bad = [], [], []
            queue = list(mine)
            index = 0
            while index < n or queue:
                if queue and (queue[0][0] == next_record or index >= n):
                    number, text, fields = queue.pop(0)
                    bad.append(BadRow(number, next_line, text, fields))
                    next_line += line_breaks(text) + 1
                else:
                    row_records.append(next_record)
                    row_lines.append(next_line)
                    next_line += row_spans[index]
                    index += 1
                next_record += 1
            records, lines = pa.array(row_records, pa.int64()), pa.array(row_lines, pa.int64())
            _refuse_oversized(csv_file, batch, records, lines)
            yield RowBatch(columns, records, lines, n)
            yield from bad
        for number, text, fields in sorted(rejected):
            yield BadRow(number, next_line, text, fields)
            next_line += line_breaks(text) + 1
    finally:
        raw.close()


def _refuse_oversized(csv_file: CsvFile, batch: Any, records: Any, lines: Any) -> None:
    found = _oversized(batch, csv_file.max_field_bytes)
    if found is not None:
        row, name = found
        raise Unparsed(str(FieldTooLarge(csv_file.path, lines[row].as_py(), records[row].as_py(), name,
                                         csv_file.max_field_bytes)))
