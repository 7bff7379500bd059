"""Keep a local ACLED dataset current: apply ACLED's updates and deleted-events list to it, as acled_update() does.

Rows are keyed by ``event_id_cnty``. For each id the row with the newest ``timestamp`` wins: an update row
replaces the base row only when it is strictly newer (a row without a timestamp is older than any with one), and
of several update rows for one id the newest wins (the later file on a tie). A deletion (``event_id_cnty``,
``deleted_timestamp``) removes the winning row when it is later than the row's timestamp. The output keeps the
base's rows in their order, a replaced row in its place, and the new rows after them in the order of the updates
(``sort=True`` orders everything by event_date, then event_id_cnty: prefix, then number).

Nothing is mixed silently: the output is in one form, ACLED's current layout with the base's inter form (or the
one asked for); rows of a file in another form (the legacy layout, the other inter form) go through the
converter (:mod:`eventcode.convert`: exactly what ``eventcode convert`` changes) and the merge says so. Every
update row is validated as ``eventcode validate`` does; one that breaks a rule fails the merge (nothing is
written) unless ``rejects`` names a file, where it then goes as it was. The base is streamed once and its rows
copied as they are; it is checked for repeated ids and unreadable rows, not re-validated (run ``eventcode
validate`` on it). The output is written atomically: it may be the base itself.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import json
import re
from collections import Counter, deque
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.compute as pc

from eventcode._atomic import atomic_binary_writer, atomic_text_writer
from eventcode.codebook import acled_codebook
from eventcode.errors import EventcodeError, InputError, InvalidEvent, OutputError
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm, csv_line, event_row
from eventcode.formats.acled_read import (
    MAX_FIELD_BYTES,
    BadRow,
    CsvFile,
    Unparsed,
    inter_generation,
    is_blank_row,
    read_batches,
)
from eventcode.formats.csv_text import csv_lines, joined
from eventcode.issues import Issue, show
from eventcode.typed_columns import dates
from eventcode.validate import DuplicateIds, Options, validate_path

KEY = "event_id_cnty"
#: The columns of ACLED's deleted-events list.
DELETED_COLUMNS = ("event_id_cnty", "deleted_timestamp")
_ID = re.compile(r"[A-Z]{2,4}[0-9]+")
#: The block size the base is read in (larger blocks: fewer, cheaper steps; memory stays small).
BLOCK_SIZE = 4 << 20


@dataclass(frozen=True)
class Form:
    """How a file writes its rows: ``layout`` (current or legacy) and inter ``generation`` (numeric, text, or
    None when no row has an inter1)."""

    layout: str
    generation: str | None

    def __str__(self) -> str:
        return "legacy" if self.layout == "legacy" else self.generation or "no rows"

    def matches(self, inter: InterForm) -> bool:
        """Whether rows in this form can be copied as they are into a current-layout file in ``inter`` form."""
        return self.layout == "current" and self.generation in (None, inter)


def file_form(source: CsvFile, peek: int = 10_000) -> Form:
    """The form of an open ACLED CSV file, from its header and the first filled inter1 of its first rows."""
    if source.layout == "legacy":
        return Form("legacy", "numeric")
    inter1 = source.header.index("inter1")
    with CsvFile(source.path, max_field_bytes=source.max_field_bytes) as again:
        for row, _ in zip(again.rows(), range(peek), strict=False):
            if len(row.fields) == len(source.header) and (generation := inter_generation([row.fields[inter1]])):
                return Form("current", generation)
    return Form("current", None)


@dataclass
class Merge:
    """What :func:`merge` did. The counts add up:

    - base rows: ``base_rows == kept + replaced + deleted``; output: ``written == kept + replaced + added``;
    - update rows: ``update_rows == replaced + added + not_newer + withdrawn + rejected`` (``not_newer``: another
      row for the id was as new or newer; ``withdrawn``: a later deletion removed it);
    - the deleted list: ``deletions == deleted + withdrawn_new + deletions_older + len(deleted_not_found)``, where
      ``deletions_older`` are deletions not later than the row's timestamp (the row is kept).
    """

    base: str
    output: str
    inter: InterForm
    base_rows: int = 0
    kept: int = 0
    replaced: int = 0
    added: int = 0
    deleted: int = 0
    written: int = 0
    update_rows: int = 0
    not_newer: int = 0
    withdrawn: int = 0
    withdrawn_new: int = 0
    rejected: int = 0
    deletions: int = 0
    deletions_older: int = 0
    deleted_not_in_base: list[str] = field(default_factory=list)
    deleted_not_found: list[str] = field(default_factory=list)
    changed_fields: Counter[str] = field(default_factory=Counter)
    converted: dict[str, str] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    done: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The merge as JSON-ready data (the ``--report`` file)."""
        return {
            "base": self.base, "output": self.output, "inter": self.inter, "converted": self.converted,
            "rows": {"base": self.base_rows, "kept": self.kept, "replaced": self.replaced, "added": self.added,
                     "deleted": self.deleted, "written": self.written},
            "changed_fields": dict(sorted(self.changed_fields.items())),
            "updates": {"rows": self.update_rows, "replaced": self.replaced, "added": self.added,
                        "not_newer": self.not_newer, "withdrawn": self.withdrawn, "rejected": self.rejected},
            "deletions": {"listed": self.deletions, "deleted": self.deleted, "withdrawn_new": self.withdrawn_new,
                          "older_than_row": self.deletions_older,
                          "not_in_base": {"count": len(self.deleted_not_in_base), "ids": self.deleted_not_in_base},
                          "not_found": {"count": len(self.deleted_not_found), "ids": self.deleted_not_found}},
        }


class MergeFailed(EventcodeError):
    """Raised inside the output writer to discard the output when the data had problems."""


@dataclass
class _Update:
    values: list[str]
    timestamp: int | None
    order: int
    in_base: bool = False


def _newer(a: int | None, b: int | None) -> bool:
    """Whether timestamp ``a`` is strictly newer than ``b`` (no timestamp is older than any)."""
    return a is not None and (b is None or a > b)


def read_deleted(path: str | Path, issues: list[Issue]) -> dict[str, int]:
    """ACLED's deleted-events list: ``event_id_cnty`` -> ``deleted_timestamp``. A bad or repeated row is added to
    ``issues``; a file without the two columns raises InputError."""
    path = Path(path)
    found: dict[str, int] = {}
    first: dict[str, int] = {}
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None or not set(DELETED_COLUMNS) <= set(header):
                has = ", ".join(header or []) or "nothing"
                raise InputError(f"{path}: a deleted-events list needs the columns {', '.join(DELETED_COLUMNS)} "
                                 f"(as ACLED's deleted list has them); it has {show(has)}")
            key, stamp = header.index(DELETED_COLUMNS[0]), header.index(DELETED_COLUMNS[1])
            for fields in reader:
                line = reader.line_num
                if is_blank_row(fields, len(header)):
                    continue
                if len(fields) != len(header):
                    issues.append(Issue("wrong-field-count", f"the row has {len(fields)} fields, the header "
                                        f"{len(header)}", None, len(fields), file=str(path), line=line))
                    continue
                event_id, when = fields[key].strip(), fields[stamp].strip()
                if not _ID.fullmatch(event_id):
                    issues.append(Issue("bad-event-id", f"{show(event_id)} is not an ACLED event id", KEY, event_id,
                                        file=str(path), line=line))
                elif not when.isdigit():
                    issues.append(Issue("not-an-integer", f"{show(when)} is not a Unix timestamp",
                                        "deleted_timestamp", when, file=str(path), line=line))
                elif event_id in found:
                    issues.append(Issue("duplicate-event-id", f"{show(event_id)} already appears at line "
                                        f"{first[event_id]}", KEY, event_id, file=str(path), line=line))
                else:
                    found[event_id], first[event_id] = int(when), line
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8") from None
    except csv.Error as exc:
        raise InputError(f"{path}: cannot parse CSV: {exc}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return found


def _convert(record: Mapping[str, object], inter: InterForm) -> list[str]:
    """A record in another form, through the converter, as the 31 fields of the target form."""
    return event_row(Event.from_record(record), inter)


def _timestamp(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def _read_updates(paths: Sequence[Path], inter: InterForm, result: Merge, rejects: BinaryIO | None,
                  max_field_bytes: int) -> dict[str, _Update]:
    """The newest valid update row per id. Every row is validated: the issues of broken rows go into
    ``result.issues`` and the rows, as they were, to ``rejects`` (when given)."""
    columns = acled_codebook().columns
    stamp_at = columns.index("timestamp")
    best: dict[str, _Update] = {}
    order = 0
    header_written = False
    for path in paths:
        with CsvFile(path, max_field_bytes=max_field_bytes) as source:
            form = file_form(source)
            report = validate_path(path, Options(limit_errors=None, max_field_bytes=max_field_bytes), "acled-csv")
            broken = sorted({issue.record for issue in report.issues if issue.severity == "error" and issue.record})
            result.issues.extend(issue for issue in report.issues if issue.severity == "error")
            result.rejected += len(broken)
            result.update_rows += len(broken)
            if not form.matches(inter):
                result.converted[str(path)] = f"{form} -> {inter}"
            if rejects is not None and broken:
                if not header_written:
                    rejects.write(source.header_text.encode())
                    header_written = True
                _write_rows(path, set(broken), rejects, max_field_bytes)
            for item in read_batches(source):
                if isinstance(item, BadRow):  # a blank line, or a row the validator reported
                    continue
                n = item.num_rows
                texts = [_blank_column(n) if item.columns[name] is None else item.columns[name] for name in columns]
                keep = pc.and_(pc.invert(pc.is_in(item.records, value_set=pa.array(broken, pa.int64()))),
                               pc.not_equal(texts[0], ""))  # a blank id the validator let pass: a blank row
                for fields in zip(*(pc.filter(column, keep).to_pylist() for column in texts), strict=True):
                    result.update_rows += 1
                    values = list(fields) if form.matches(inter) else _convert(dict(zip(columns, fields,
                                                                                       strict=True)), inter)
                    order += 1
                    update = _Update(values, _timestamp(values[stamp_at]), order)
                    previous = best.get(values[0])
                    if previous is None or not _newer(previous.timestamp, update.timestamp):
                        if previous is not None:
                            result.not_newer += 1
                            update.order = previous.order
                        best[values[0]] = update
                    else:
                        result.not_newer += 1
    return best


def _write_rows(path: Path, numbers: set[int], out: BinaryIO, max_field_bytes: int) -> None:
    """Copy the rows with these record numbers, exactly as they are in the file, to ``out``."""
    with CsvFile(path, max_field_bytes=max_field_bytes) as source:
        for row in source.rows():
            if row.number in numbers:
                if row.too_large is not None:  # cannot be kept whole: refuse the input
                    raise row.too_large
                out.write(row.text.encode())


def _blank_column(n: int) -> Any:
    return pa.array([""] * n, pa.string())


def _base_batches(source: CsvFile, inter: InterForm, form: Form, result: Merge, ids: list[Any],
                  use_threads: bool) -> Iterator[tuple[list[Any], Any, Any]]:
    """The base's rows, batch by batch, as text columns in the target form, with their record numbers and lines;
    rows that cannot be split into fields (or converted) go into the issues, the ids into ``ids``."""
    columns = acled_codebook().columns
    width = len(source.header)
    for item in read_batches(source, BLOCK_SIZE, use_threads=use_threads):
        if isinstance(item, BadRow):
            result.issues.append(Issue("wrong-field-count", f"the row has {item.fields} fields, the header {width}",
                                       None, item.fields, file=str(source.path), record=item.number, line=item.line))
            continue
        n = item.num_rows
        texts = [_blank_column(n) if item.columns[name] is None else item.columns[name] for name in columns]
        blank = pc.equal(texts[0], "")
        if pc.any(blank).as_py():  # blank lines are not records
            blank = pc.and_(blank, pc.equal(pc.binary_join_element_wise(*texts, ""), ""))
            keep = pc.invert(blank)
            texts = [pc.filter(column, keep) for column in texts]
            records, lines = pc.filter(item.records, keep), pc.filter(item.lines, keep)
        else:
            records, lines = item.records, item.lines
        if not form.matches(inter):
            texts = _convert_batch(texts, records, lines, inter, result, str(source.path))
        ids.append(texts[0])
        yield texts, records, lines


def _repeated_ids(source: CsvFile, ids: list[Any]) -> list[Issue]:
    """The base's repeated ids: counted at memory speed, and only when there are any, found again with their
    records and lines."""
    if not ids:
        return []
    every = pa.chunked_array(ids, pa.string())
    if pc.count_distinct(every).as_py() == len(every):
        return []
    duplicates = DuplicateIds()
    with CsvFile(source.path, max_field_bytes=source.max_field_bytes) as again:
        for item in read_batches(again, BLOCK_SIZE):
            if not isinstance(item, BadRow):
                duplicates.add_batch(item.columns[KEY], item.records, item.lines)
    issues = []
    for record, line, event_id, first_record, first_line in duplicates.duplicates():
        where = f"record {first_record}" + (f" (line {first_line})" if first_line is not None else "")
        issues.append(Issue("duplicate-event-id", f"{show(event_id)} already appears at {where}", KEY, event_id,
                            file=str(source.path), record=record, line=line))
    return issues


def _convert_batch(texts: list[Any], records: Any, lines: Any, inter: InterForm, result: Merge,
                   path: str) -> list[Any]:
    columns = acled_codebook().columns
    rows = []
    values = [column.to_pylist() for column in texts]
    for position, fields in enumerate(zip(*values, strict=True)):
        try:
            rows.append(_convert(dict(zip(columns, fields, strict=True)), inter))
        except InvalidEvent as exc:
            result.issues.extend(dataclasses.replace(issue, file=path, record=records[position].as_py(),
                                                     line=lines[position].as_py()) for issue in exc.issues)
            rows.append(list(fields))
    return [pa.array([row[index] for row in rows], pa.string()) for index in range(len(columns))]


def _edits(texts: list[Any], records: Any, lines: Any, updates: dict[str, _Update], deleted: dict[str, int],
           touched: Any, result: Merge, path: str, seen_deleted: set[str]) -> tuple[Any, list[Any] | None]:
    """What the updates and the deleted list do to one base batch: the positions of the output's rows (None:
    every row as it is) and the replacing rows' columns (positions past the batch's end are theirs);
    ``touched`` holds the ids of the updates and of the deleted list, as an Arrow array."""
    columns = acled_codebook().columns
    n = len(texts[0])
    result.base_rows += n
    hits = pc.indices_nonzero(pc.is_in(texts[0], value_set=touched))
    if not len(hits):
        result.kept += n
        return None, None
    positions = hits.to_pylist()
    ids = pc.take(texts[0], hits).to_pylist()
    stamps = pc.take(texts[columns.index("timestamp")], hits).to_pylist()
    replacements: list[list[str]] = []
    replaced: list[int] = []
    drop: list[int] = []
    for position, event_id, stamp_text in zip(positions, ids, stamps, strict=True):
        stamp = _timestamp(stamp_text)
        if stamp is None and stamp_text.strip():
            result.issues.append(Issue("not-an-integer", f"{show(stamp_text)} is not a Unix timestamp", "timestamp",
                                       stamp_text, file=path, record=records[position].as_py(),
                                       line=lines[position].as_py()))
        winner = None
        update = updates.get(event_id)
        if update is not None:
            update.in_base = True
            if _newer(update.timestamp, stamp):
                winner, stamp = update.values, update.timestamp
            else:
                result.not_newer += 1
        deletion = deleted.get(event_id)
        if deletion is not None:
            seen_deleted.add(event_id)
            if _newer(deletion, stamp):
                drop.append(position)
                result.deleted += 1
                result.withdrawn += winner is not None
                continue
            result.deletions_older += 1
        if winner is not None:
            replaced.append(position)
            replacements.append(winner)
    result.replaced += len(replaced)
    result.kept += n - len(drop) - len(replaced)
    if not drop and not replaced:
        return None, None
    indices = pa.array(range(n), pa.int64())
    extra = None
    if replaced:
        extra = _columns(replacements)
        at = pa.array(replaced, pa.int64())
        for name, old, new in zip(columns, texts, extra, strict=True):
            changed = pc.sum(pc.not_equal(pc.take(old, at), new)).as_py()
            if changed:
                result.changed_fields[name] += changed
        indices = pc.replace_with_mask(indices, pc.is_in(indices, value_set=at),
                                       pa.array(range(n, n + len(replaced)), pa.int64()))
    if drop:
        indices = pc.filter(indices, pc.invert(pc.is_in(pa.array(range(n), pa.int64()),
                                                        value_set=pa.array(drop, pa.int64()))))
    return indices, extra


class _Writer:
    """Writes batches of rows as CSV lines, in order, on a second thread, so that reading the base and writing
    the output overlap (pyarrow's kernels release the GIL). With ``sort`` it keeps the lines (and each row's id
    and date) and writes them sorted when it closes."""

    def __init__(self, out: BinaryIO, sort: bool) -> None:
        self.out, self.sort = out, sort
        self.parts: list[Any] = []
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.pending: deque[Future[None]] = deque()

    def add(self, columns: list[Any], indices: Any = None, extra: list[Any] | None = None) -> int:
        """Queue rows (``indices`` picks and orders them from ``columns`` followed by ``extra``); returns how
        many."""
        count = len(columns[0]) if indices is None else len(indices)
        if self.sort:
            self.parts.append(_rows(columns, indices, extra, keys=True))
            return count
        self.pending.append(self.pool.submit(self._write, columns, indices, extra))
        while len(self.pending) > 2:  # at most two batches wait: memory stays flat
            self.pending.popleft().result()
        return count

    def _write(self, columns: list[Any], indices: Any, extra: list[Any] | None) -> None:
        self.out.write(joined(_rows(columns, indices, extra, keys=False).column("line")))

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            while self.pending:
                self.pending.popleft().result()
            if self.sort and self.parts and exc[0] is None:
                for batch in _sorted(pa.concat_tables(self.parts)).to_batches(max_chunksize=65_536):
                    self.out.write(joined(batch.column("line")))
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _rows(columns: list[Any], indices: Any, extra: list[Any] | None, keys: bool) -> Any:
    """Rows as a table of their CSV lines (and, with ``keys``, their ids and dates), picked by ``indices``."""
    rows = _lines(columns, keys)
    if extra is not None:
        rows = pa.concat_tables([rows, _lines(extra, keys)])
    return rows if indices is None else rows.take(indices)


def _lines(columns: list[Any], keys: bool) -> Any:
    return pa.table({"line": csv_lines(columns), **({KEY: columns[0], "event_date": columns[1]} if keys else {})})


def _columns(rows: list[list[str]]) -> list[Any]:
    return [pa.array([row[index] for row in rows], pa.string()) for index in range(len(acled_codebook().columns))]


def _sorted(table: Any) -> Any:
    """Rows ordered by event_date, then event_id_cnty (its prefix, then its number)."""
    parts = pc.extract_regex(table.column(KEY), r"^(?P<p>[A-Z]*)(?P<d>[0-9]*)")
    digits = pc.struct_field(parts, "d")
    return table.append_column("_date", dates(table.column("event_date"))[0]) \
        .append_column("_prefix", pc.struct_field(parts, "p")) \
        .append_column("_number", pc.cast(pc.if_else(pc.equal(digits, ""), None, digits), pa.int64())) \
        .sort_by([("_date", "ascending"), ("_prefix", "ascending"), ("_number", "ascending"), (KEY, "ascending")])


def merge(base: str | Path, updates: Sequence[str | Path], output: str | Path, deleted: str | Path | None = None,
          inter: InterForm | None = None, sort: bool = False, rejects: str | Path | None = None,
          max_field_bytes: int = MAX_FIELD_BYTES) -> Merge:
    """Merge ``updates`` (ACLED CSV files) and the ``deleted`` list into ``base``, writing ``output`` (see the
    module docs). ``inter`` is the output's inter form (default: the base's). Returns what was done; when
    ``issues`` is not empty, nothing was written."""
    try:  # pyarrow parses the base on several threads, but cannot then number a row it rejects: merge again
        return _merge(base, updates, output, deleted, inter, sort, rejects, max_field_bytes, use_threads=True)
    except Unparsed:
        return _merge(base, updates, output, deleted, inter, sort, rejects, max_field_bytes, use_threads=False)


def _merge(base: str | Path, updates: Sequence[str | Path], output: str | Path, deleted: str | Path | None,
           inter: InterForm | None, sort: bool, rejects: str | Path | None, max_field_bytes: int,
           use_threads: bool) -> Merge:
    base, output = Path(base), Path(output)
    update_paths = [Path(path) for path in updates]
    inputs = [base, *update_paths, *([Path(deleted)] if deleted else [])]
    if rejects is not None and any(Path(rejects).resolve() == path.resolve() for path in [*inputs, output]):
        raise OutputError(f"{rejects}: is an input or the output; write the rejected rows elsewhere")
    if any(output.resolve() == path.resolve() for path in inputs[1:]):
        raise OutputError(f"{output}: is an update or the deleted list; write the merge elsewhere")
    cb = acled_codebook()
    with CsvFile(base, max_field_bytes=max_field_bytes) as source:
        form = file_form(source)
        target: InterForm = inter or ("text" if form.generation == "text" else "numeric")
        result = Merge(str(base), str(output), target)
        if not form.matches(target):
            result.converted[str(base)] = f"{form} -> {target}"
        for path in update_paths:
            CsvFile(path, max_field_bytes=max_field_bytes).close()  # a header that matches no layout: InputError
        deletions = read_deleted(deleted, result.issues) if deleted else {}
        result.deletions = len(deletions)
        if result.issues:
            return result
        seen_deleted: set[str] = set()
        try:
            with contextlib.ExitStack() as outputs:  # the output and the rejects appear together or not at all
                reject = outputs.enter_context(atomic_binary_writer(rejects)) if rejects is not None else None
                best = _read_updates(update_paths, target, result, reject, max_field_bytes)
                if result.issues and reject is None:
                    raise MergeFailed
                rejected_issues, result.issues = result.issues, []
                touched = pa.array(sorted(set(best) | set(deletions)), pa.string())
                out = outputs.enter_context(atomic_binary_writer(output))
                out.write(csv_line(cb.columns).encode())
                ids: list[Any] = []
                with _Writer(out, sort) as writer:
                    for texts, records, lines in _base_batches(source, target, form, result, ids,
                                                               use_threads):
                        indices, replacements = _edits(texts, records, lines, best, deletions, touched, result,
                                                       str(base), seen_deleted)
                        result.written += writer.add(texts, indices, replacements)
                    result.issues.extend(_repeated_ids(source, ids))
                    new = _new_rows(best, deletions, result)
                    if new:
                        result.written += writer.add(_columns(new))
                if result.issues:
                    result.issues[:0] = rejected_issues
                    raise MergeFailed
        except MergeFailed:
            result.written = 0
            return result
    result.issues = rejected_issues
    result.deleted_not_in_base = sorted(set(deletions) - seen_deleted)
    result.deleted_not_found = [event_id for event_id in result.deleted_not_in_base if event_id not in best]
    result.done = True
    return result


def _new_rows(best: dict[str, _Update], deleted: dict[str, int], result: Merge) -> list[list[str]]:
    rows = []
    for update in sorted((u for u in best.values() if not u.in_base), key=lambda u: u.order):
        deletion = deleted.get(update.values[0])
        if deletion is not None and _newer(deletion, update.timestamp):
            result.withdrawn += 1
            result.withdrawn_new += 1
            continue
        if deletion is not None:
            result.deletions_older += 1
        result.added += 1
        rows.append(update.values)
    return rows


def write_report(result: Merge, path: str | Path) -> None:
    """Write the merge's report as JSON, atomically."""
    with atomic_text_writer(path) as out:
        json.dump(result.to_dict(), out, indent=2, ensure_ascii=False)
        out.write("\n")
