"""Count events and sum fatalities per period and area, as ACLED's aggregated files give them.

Each output row is one period (its first day), one area (country, admin1 or admin2) and, with ``split``, one
event type, sub-event type or disorder type: the number of events, the sum of their fatalities and the area's
centroid (the mean latitude and longitude of those events, to 4 decimals). ACLED's weeks start on Saturday, and
so do these by default (``week_start`` changes it). An event dated only to the month (time_precision 3) has no
week: it is left out of weekly counts, and counted as such, unless ``include_imprecise``.

Files are streamed (ACLED CSV of any generation) and only the columns counted are read as values. A row whose
date, fatalities, coordinates or time_precision cannot be read fails the aggregation (nothing is written), as
does an event_id_cnty that appears twice (it would be counted twice): run ``eventcode validate`` for every rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from eventcode._atomic import atomic_binary_writer, write_output
from eventcode.codebook import acled_codebook
from eventcode.formats.acled_csv import csv_line
from eventcode.formats.acled_read import MAX_FIELD_BYTES, BadRow, CsvFile, RowBatch, read_batches
from eventcode.formats.csv_text import csv_bytes
from eventcode.issues import Issue, show
from eventcode.typed_columns import dates, decimals, first_true, integers

PERIODS = ("week", "month", "year")
LEVELS: dict[str, tuple[str, ...]] = {"country": ("country",), "admin1": ("country", "admin1"),
                                      "admin2": ("country", "admin1", "admin2")}
SPLITS = ("event_type", "sub_event_type", "disorder_type")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: ACLED's weeks start on Saturday.
ACLED_WEEK_START = "saturday"
#: time_precision 3: the event is dated to its month only.
MONTH_PRECISION = 3
#: The decimals of a centroid: ACLED's coordinates have 4.
CENTROID_DECIMALS = 4
#: The events grouped at a time (fewer, larger steps; memory stays small).
GROUP_ROWS = 1 << 17
#: The most issues listed before the aggregation stops reading.
MAX_ISSUES = 100


@dataclass
class Aggregation:
    """What :func:`aggregate` counted: the ``table`` (one row per period, area and split value), the rows read,
    the events and fatalities counted, and the events (and their fatalities) left out of weekly counts for want
    of a day: ``events + left_out == rows_read``."""

    by: str
    level: str
    split: str | None
    week_start: str
    rows_read: int = 0
    events: int = 0
    fatalities: int = 0
    left_out: int = 0
    left_out_fatalities: int = 0
    issues: list[Issue] = field(default_factory=list)
    table: Any = None


def _period(day: Any, by: str, week_start: str) -> Any:
    """The first day of each date's period (date32)."""
    if by == "week":
        days = pc.cast(pc.cast(day, pa.int32()), pa.int64())
        # 1970-01-01 (day 0) was a Thursday, weekday 3 counting from Monday
        shifted = pc.add(days, 3 - WEEKDAYS.index(week_start) + 7)
        offset = pc.subtract(shifted, pc.multiply(pc.cast(pc.floor(pc.divide(pc.cast(shifted, pa.float64()), 7.0)),
                                                          pa.int64()), 7))
        return pc.cast(pc.cast(pc.subtract(days, offset), pa.int32()), pa.date32())
    form = "%Y-%m-01" if by == "month" else "%Y-01-01"
    return pc.cast(pc.strftime(pc.cast(day, pa.timestamp("s")), format=form), pa.date32())


def _check(result: Aggregation, path: Path, records: Any, lines: Any, bad: Any, code: str, name: str,
           texts: Any, what: str) -> bool:
    """Add an issue for the first row ``bad`` marks; True when there was one."""
    position = first_true(bad)
    if position is None:
        return False
    if records is None:  # the quick reader: the exact one names the row
        return True
    value = texts[position].as_py()
    message = f"is blank: {what} is needed to count the event" if not value.strip() else \
        f"{show(value)} is not {what}"
    result.issues.append(Issue(code, message, name, value, file=str(path), record=records[position].as_py(),
                               line=lines[position].as_py()))
    return True


def _split_values(columns: Any, split: str) -> Any:
    column = columns[split]
    if column is not None:
        return column
    # legacy files have no disorder_type: it is the sub-event type's, as the converter derives it
    cb = acled_codebook()
    names = [sub.name for sub in cb.sub_event_types]
    lookup = pa.array([sub.disorder_type for sub in cb.sub_event_types], pa.string())
    return pc.fill_null(pc.take(lookup, pc.index_in(columns["sub_event_type"], value_set=pa.array(names))), "")


def _batch_counts(columns: Any, n: int, records: Any, lines: Any, path: Path, result: Aggregation,
                  areas: _Areas, include_imprecise: bool) -> Any:
    """One batch's events: a table of their period, area, fatalities and coordinates (None on an issue)."""
    def text(name: str) -> Any:
        column = columns[name]
        return pa.array([""] * n, pa.string()) if column is None else column

    day, bad_day = dates(text("event_date"))
    fatalities, bad_fatalities = integers(text("fatalities"))
    precision, bad_precision = integers(text("time_precision"))
    latitude, bad_latitude = decimals(text("latitude"))
    longitude, bad_longitude = decimals(text("longitude"))
    found = False
    for bad, code, name, what in (
            (pc.or_(bad_day, pc.is_null(day)), "bad-date", "event_date", "a date"),
            (pc.or_(bad_fatalities, pc.is_null(fatalities)), "not-an-integer", "fatalities", "a count"),
            (pc.or_(bad_precision, pc.is_null(precision)), "not-an-integer", "time_precision", "a precision code"),
            (pc.or_(bad_latitude, pc.is_null(latitude)), "not-a-number", "latitude", "a latitude"),
            (pc.or_(bad_longitude, pc.is_null(longitude)), "not-a-number", "longitude", "a longitude")):
        found = _check(result, path, records, lines, bad, code, name, text(name), what) or found
    if found:
        return None
    result.rows_read += n
    keys = [text(name) for name in LEVELS[result.level]] + (
        [_split_values(columns, result.split)] if result.split else [])
    table = pa.table({"period": _period(day, result.by, result.week_start), **areas.number(keys),
                      "fatalities": fatalities, "latitude": latitude, "longitude": longitude})
    if result.by == "week" and not include_imprecise:
        dated = pc.not_equal(precision, MONTH_PRECISION)
        result.left_out += n - (pc.sum(dated).as_py() or 0)
        result.left_out_fatalities += pc.sum(pc.filter(fatalities, pc.invert(dated))).as_py() or 0
        table = table.filter(dated)
    return table


def _group(tables: list[Any], keys: Sequence[str]) -> Any:
    """Rows of events counted per period and key numbers: events, fatalities and coordinate sums."""
    return pa.concat_tables(tables).group_by(["period", *keys], use_threads=False).aggregate([
        ([], "count_all"), ("fatalities", "sum"), ("latitude", "sum"), ("longitude", "sum")])


class _Areas:
    """Numbers the values of each key column (country, admin1, admin2, split value), so that events are grouped
    on integers rather than on text, and turns the numbers back into values."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = tuple(keys)
        self.numbers: list[dict[str, int]] = [{} for _ in keys]

    def number(self, columns: list[Any]) -> dict[str, Any]:
        """Each key column as the numbers of its values (int32), keyed by the key's name."""
        numbered = {}
        for key, column, numbers in zip(self.keys, columns, self.numbers, strict=True):
            encoded = pc.dictionary_encode(column)
            values = [numbers.setdefault(value, len(numbers)) for value in encoded.dictionary.to_pylist()]
            numbered[key] = pc.take(pa.array(values, pa.int32()), encoded.indices)
        return numbered

    def values(self, key: str, numbers: Any) -> Any:
        """The values of a key column's numbers."""
        names = list(self.numbers[self.keys.index(key)])
        return pc.take(pa.array(names, pa.string()), numbers)

    def ranks(self, key: str, numbers: Any) -> Any:
        """Each number's place among the key column's values in sorted order."""
        names = list(self.numbers[self.keys.index(key)])
        rank = [0] * len(names)
        for place, number in enumerate(sorted(range(len(names)), key=names.__getitem__)):
            rank[number] = place
        return pc.take(pa.array(rank, pa.int32()), numbers)


def aggregate(paths: Sequence[str | Path], by: str = "week", level: str = "admin1", split: str | None = None,
              week_start: str = ACLED_WEEK_START, include_imprecise: bool = False,
              max_field_bytes: int = MAX_FIELD_BYTES) -> Aggregation:
    """Count the events of ACLED CSV files per ``by`` (week, month, year), ``level`` and ``split`` (see the
    module docs). When ``issues`` is not empty nothing was counted."""
    keys = [*LEVELS[level], *([split] if split else [])]
    for path in paths:
        CsvFile(path, max_field_bytes=max_field_bytes).close()  # a header that matches no layout: InputError
    result = Aggregation(by, level, split, week_start)
    counted = _count(list(map(Path, paths)), keys, result, include_imprecise, max_field_bytes, exact=False)
    if counted is None:  # a row to report: read again, naming each problem's record and line
        result = Aggregation(by, level, split, week_start)
        counted = _count(list(map(Path, paths)), keys, result, include_imprecise, max_field_bytes, exact=True)
    if result.issues or counted is None:
        return result
    table = _combine(*counted)
    result.table = table.rename_columns([by, *table.column_names[1:]])
    result.events = pc.sum(result.table.column("events")).as_py() or 0
    result.fatalities = pc.sum(result.table.column("fatalities")).as_py() or 0
    return result


#: The block size of the quick reader (it converts only a few columns: larger blocks, fewer steps).
QUICK_BLOCK = 4 << 20
#: The columns an aggregation reads (besides its keys).
READ = ("event_id_cnty", "event_date", "time_precision", "latitude", "longitude", "fatalities", "sub_event_type")


def _quick_batches(source: CsvFile, names: Sequence[str]) -> Any:
    """The rows of a file as batches of only the columns ``names`` (pyarrow skips the others, notes above all),
    without record numbers or lines; None at the first row the parser rejects or anything it cannot read."""
    import pyarrow.csv as pcsv

    include = [name for name in source.header if name in names]
    rejected: list[int] = []

    def handler(row: Any) -> str:
        rejected.append(row.number)
        return "skip"

    try:
        reader = pcsv.open_csv(source.path, read_options=pcsv.ReadOptions(use_threads=False, block_size=QUICK_BLOCK),
                               parse_options=pcsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=True,
                                                               invalid_row_handler=handler),
                               convert_options=pcsv.ConvertOptions(
                                   include_columns=include, column_types={name: pa.string() for name in include},
                                   strings_can_be_null=False, quoted_strings_can_be_null=False))
        for batch in reader:
            if rejected:
                break
            yield RowBatch({name: batch.column(name) if name in include else None for name in names}, None, None,
                           batch.num_rows)
    except (pa.ArrowInvalid, OSError):
        rejected.append(0)
    if rejected:
        yield None


def _count(paths: list[Path], keys: Sequence[str], result: Aggregation, include_imprecise: bool,
           max_field_bytes: int, exact: bool) -> tuple[list[Any], _Areas] | None:
    """The counts of every file, grouped a part at a time, and the areas they number; None when the quick reader
    met a row to report."""
    names = list(dict.fromkeys([*READ, *keys]))
    areas = _Areas(keys)
    parts: list[Any] = []
    pending: list[Any] = []
    ids = []
    for path in paths:
        with CsvFile(path, max_field_bytes=max_field_bytes) as source:
            for item in read_batches(source) if exact else _quick_batches(source, names):
                if item is None:
                    return None
                if isinstance(item, BadRow):
                    if item.text.strip():
                        result.issues.append(Issue("wrong-field-count", f"the row has {item.fields} fields, the "
                                                   f"header {len(source.header)}", None, item.fields,
                                                   file=str(path), record=item.number, line=item.line))
                    continue
                part = _batch_counts(item.columns, item.num_rows, item.records, item.lines, path, result, areas,
                                     include_imprecise)
                if part is None and not exact:
                    return None
                if len(result.issues) >= MAX_ISSUES:
                    return parts, areas
                if part is not None:
                    pending.append(part)
                    ids.append(item.columns["event_id_cnty"])
                if sum(table.num_rows for table in pending) >= GROUP_ROWS:
                    parts.append(_group(pending, keys))
                    pending.clear()
    if pending:
        parts.append(_group(pending, keys))
    _refuse_repeated_ids(ids, paths, result)
    return parts, areas


def _refuse_repeated_ids(ids: list[Any], paths: Sequence[Path], result: Aggregation) -> None:
    if not ids:
        return
    counts = pc.value_counts(pa.chunked_array(ids, pa.string()))
    repeated = pc.filter(counts, pc.greater(pc.struct_field(counts, "counts"), 1))
    for item in repeated.to_pylist()[:MAX_ISSUES]:
        result.issues.append(Issue("duplicate-event-id", f"{show(item['values'])} appears {item['counts']} times "
                                   "in the input: its event would be counted more than once", "event_id_cnty",
                                   item["values"], file=", ".join(map(str, paths))))


def _combine(parts: list[Any], areas: _Areas) -> Any:
    """The counts per period and area, summed over the parts, sorted by period and key values."""
    keys = list(areas.keys)
    if not parts:
        parts = [pa.table({"period": pa.array([], pa.date32()), **{key: pa.array([], pa.int32()) for key in keys},
                           **{name: pa.array([], pa.int64()) for name in ("count_all", "fatalities_sum")},
                           **{name: pa.array([], pa.float64()) for name in ("latitude_sum", "longitude_sum")}})]
    table = pa.concat_tables(parts).group_by(["period", *keys], use_threads=False).aggregate([
        ("count_all", "sum"), ("fatalities_sum", "sum"), ("latitude_sum", "sum"), ("longitude_sum", "sum")])
    del parts
    ranks = pa.table({"period": table.column("period"),
                      **{key: areas.ranks(key, table.column(key)) for key in keys}})
    table = table.take(pc.sort_indices(ranks, sort_keys=[(name, "ascending") for name in ranks.column_names]))
    events = table.column("count_all_sum")
    return pa.table({
        "period": table.column("period"),
        **{key: areas.values(key, table.column(key)) for key in keys},
        "events": events,
        "fatalities": table.column("fatalities_sum_sum"),
        "centroid_latitude": _mean(table.column("latitude_sum_sum"), events),
        "centroid_longitude": _mean(table.column("longitude_sum_sum"), events),
    })


def _mean(total: Any, count: Any) -> Any:
    """Means to 4 decimals, each the double nearest its decimal (Python's round: Arrow's can miss that double by
    one unit in the last place, or round a half the other way)."""
    means = pc.divide(total, pc.cast(count, pa.float64())).to_pylist()
    return pa.array([round(mean, CENTROID_DECIMALS) for mean in means], pa.float64())


def write_aggregation(table: Any, path: str | Path | None) -> int:
    """Write an aggregation as CSV (stdout when ``path`` is None) or, for a ``.parquet`` path, as Parquet; both
    atomically. Returns the number of rows."""
    if path is not None and Path(path).suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        with atomic_binary_writer(path) as out:
            pq.write_table(table, out)
        return int(table.num_rows)

    def write(out: Any) -> int:
        out.write(csv_line(table.column_names))
        for batch in table.to_batches(max_chunksize=65_536):
            out.write(csv_bytes([pc.cast(column, pa.string()) for column in batch.columns]).decode())
        return int(table.num_rows)

    return write_output(path, write)
