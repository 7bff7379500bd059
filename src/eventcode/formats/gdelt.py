"""GDELT event files: the layouts (``codebooks/gdelt.yaml``), a streaming reader and the row rules.

A file is tab-separated without a header. A row's number of fields tells its layout: 57 (1.0 backfile, no
SOURCEURL) and 58 (1.0 daily) may be mixed in one file; 61 is 2.0. The first row decides the generation; a row
of another one is a ``wrong-field-count``. Each row is checked against the CAMEO codebook (GDELT's lookup):
EventCode known, EventBaseCode and EventRootCode following from it, QuadClass and GoldsteinScale equal to the
lookup's, SQLDATE/MonthYear/Year/FractionDate/DATEADDED valid and consistent, actor codes well-formed as GDELT
writes them (numbered elements such as CHRANG001 and elements beyond the lookups included) and each actor
sub-field (country, known group, ethnic, religion, type) a code of its kind. docs/validate.md says why.

>>> report = validate_gdelt(Path("events.tsv"))  # doctest: +SKIP
>>> report.rows_read, report.counts  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from eventcode._resources import data_file
from eventcode.cameo import ActorProblem, CameoCodebook, cameo_codebook, cameo_file, check_actor_code
from eventcode.codebook import load_model
from eventcode.errors import InputError
from eventcode.issues import Issue, Severity, show
from eventcode.registry import nearest
from eventcode.report import FileReport

SEPARATOR = "\t"
FRACTION_PLACES = 4
#: GDELT's FractionDate: year + ((month - 1) * 30 + day) / 365, to four places (all 300 rows of the shared sample).
DAYS_PER_MONTH, DAYS_PER_YEAR = 30, 365


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Column(_Entry):
    name: str
    type: str
    in_v1: bool


class Layout(_Entry):
    name: str
    generation: str
    fields: int


class GdeltCodebook(_Entry):
    """GDELT's event file layouts: the 2.0 columns in order, and which the 1.0 files hold."""

    name: str
    version: str
    sources: tuple[str, ...]
    layouts: tuple[Layout, ...]
    columns: tuple[Column, ...]

    def columns_of(self, layout: Layout) -> tuple[str, ...]:
        """The column names of a layout, in file order."""
        pool = [c.name for c in self.columns if layout.generation == "2.0" or c.in_v1]
        return tuple(pool[:layout.fields])

    @functools.cached_property
    def by_fields(self) -> dict[int, Layout]:
        return {layout.fields: layout for layout in self.layouts}

    @model_validator(mode="after")
    def _check(self) -> GdeltCodebook:
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError("duplicate column name")
        for layout in self.layouts:
            pool = [c for c in self.columns if layout.generation == "2.0" or c.in_v1]
            if layout.fields > len(pool):
                raise ValueError(f"layout {layout.name!r} has more fields than its generation's {len(pool)} columns")
        return self


@functools.lru_cache(maxsize=1)
def gdelt_codebook() -> GdeltCodebook:
    """The bundled GDELT layouts, loaded once."""
    return load_model(data_file("codebooks", "gdelt.yaml"), GdeltCodebook)


@dataclass(frozen=True)
class Row:
    """One data row: its number (1-based, blank lines not counted), its line, and its fields."""

    number: int
    line: int
    fields: list[str]


#: Told of each blank line (not a row) by :func:`read_rows`.
BlankHook = Callable[[int], None]


#: The default longest GDELT line read, in bytes (a real row is about 1 kB).
MAX_LINE_BYTES = 1 << 20


def read_rows(path: Path, blank: BlankHook = lambda line: None,
              max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Row | Issue]:
    """The rows of a GDELT file, streamed; an undecodable line, or one over ``max_line_bytes`` (skipped without
    being held in memory), is a ``parse-error`` issue in its place; blank lines are no rows (``blank`` is told
    their line numbers)."""
    number = 0
    try:
        with path.open("rb") as handle:
            for line_no, raw in enumerate(iter(lambda: handle.readline(max_line_bytes + 1), b""), start=1):
                if len(raw) > max_line_bytes:
                    while raw and not raw.endswith(b"\n"):
                        raw = handle.readline(max_line_bytes)
                    number += 1
                    yield Issue("parse-error", f"the line is over the limit of {max_line_bytes:,} bytes (raise it "
                                "with --max-field-bytes)", None, None, None, "error", str(path), number, line_no)
                    continue
                if not raw.strip():
                    blank(line_no)
                    continue
                number += 1
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield Issue("parse-error", f"not UTF-8 at byte {exc.start}", None, None, None, "error",
                                str(path), number, line_no)
                    continue
                yield Row(number, line_no, text.rstrip("\r\n").split(SEPARATOR))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def looks_like_gdelt(path: Path, head: bytes) -> bool:
    """Whether a file's first bytes read as GDELT event rows: a first line of 57, 58 or 61 tab-separated fields."""
    first = next((line for line in head.splitlines() if line.strip()), b"")
    return first.count(SEPARATOR.encode()) + 1 in gdelt_codebook().by_fields


class RowChecker:
    """The rules of one GDELT row, against one CAMEO edition (GDELT's lookup by default)."""

    def __init__(self, cameo: CameoCodebook | None = None) -> None:
        self.cameo = cameo or cameo_codebook()
        self.editions = [e for e in cameo_file().editions if e.name != self.cameo.edition.name]
        self._actor_problems: dict[str, list[ActorProblem]] = {}  # actor codes repeat: check each once
        actors = self.cameo.actors
        countries = frozenset(c.code for group in (actors.countries, actors.regions) for c in group)
        types = frozenset(c.code for group in (actors.roles, actors.international, actors.organizations) for c in group)
        #: Each sub-field of an actor (ActorNCountryCode, ...), the codes it may hold and what they are.
        self.sub_fields: tuple[tuple[str, frozenset[str], str], ...] = (
            ("CountryCode", countries, "CAMEO country or region code"),
            ("KnownGroupCode", frozenset(actors.known_groups), "known-group code of GDELT's lookup"),
            ("EthnicCode", frozenset(actors.ethnic) | actors.ethnic_codes, "ethnic code of GDELT's lookup"),
            ("Religion1Code", frozenset(actors.religions), "religion code of GDELT's lookup"),
            ("Religion2Code", frozenset(actors.religions), "religion code of GDELT's lookup"),
            *((f"Type{n}Code", types, "CAMEO role, international or organization code (GDELT's CAMEO.type)")
              for n in (1, 2, 3)),
        )

    def check(self, values: dict[str, str]) -> list[Issue]:
        """The issues of one row given as column name -> text (file, record and line are filled in by the caller)."""
        issues: list[Issue] = []
        issues += self._event(values)
        issues += self._dates(values)
        issues += self._actors(values)
        return issues

    def _event(self, v: dict[str, str]) -> list[Issue]:
        text = v["EventCode"]
        code = self.cameo.event_codes.get(text)
        if code is None:
            hint = self._code_hint(text)
            only = next((e.name for e in self.editions if text in cameo_codebook(e.name).event_codes), None)
            where = f" (it is a code of CAMEO {only}, which GDELT's lookup lacks)" if only else ""
            return [Issue("unknown-event-code", f"EventCode {show(text)} is not a CAMEO code of GDELT's lookup"
                          + where, "EventCode", text, hint)]
        issues = []
        for column, expected in (("EventBaseCode", code.base), ("EventRootCode", code.root)):
            if v[column] != expected:
                issues.append(Issue("event-code-mismatch", f"{column} {show(v[column])} does not follow from "
                                    f"EventCode {text!r}: {expected!r}", column, v[column], expected))
        quad = v["QuadClass"]
        if not re.fullmatch(r"\d+", quad):
            issues.append(Issue("not-an-integer", f"QuadClass {show(quad)} is not an integer", "QuadClass", quad))
        elif int(quad) != code.quad_class:
            issues.append(Issue("quad-class-mismatch", f"QuadClass {quad} is not {code.quad_class}, the lookup's "
                                f"for {text!r}", "QuadClass", quad, str(code.quad_class)))
        issues += self._goldstein(v["GoldsteinScale"], text, code.goldstein)
        return issues

    def _code_hint(self, text: str) -> str | None:
        """The longest code that the text's leading digits start with (``120]--`` -> ``120``, ``1955`` -> ``195``)."""
        digits = text[:len(text) - len(text.lstrip("0123456789"))]
        return next((digits[:n] for n in range(min(len(digits), 4), 1, -1) if digits[:n] in self.cameo.event_codes),
                    None)

    @staticmethod
    def _goldstein(text: str, code: str, expected: float | None) -> list[Issue]:
        try:
            value = float(text)
        except ValueError:
            return [Issue("not-a-number", f"GoldsteinScale {show(text)} is not a number", "GoldsteinScale", text)]
        if expected is not None and value != expected:
            return [Issue("goldstein-mismatch", f"GoldsteinScale {text} is not {expected}, the lookup's for "
                          f"{code!r}", "GoldsteinScale", text, str(expected))]
        return []

    def _dates(self, v: dict[str, str]) -> list[Issue]:
        sql = v["SQLDATE"]
        day = _day(sql)
        if day is None:
            return [Issue("bad-gdelt-date", f"SQLDATE {show(sql)} is not a date YYYYMMDD", "SQLDATE", sql)]
        issues = []
        fraction = round(day.year + ((day.month - 1) * DAYS_PER_MONTH + day.day) / DAYS_PER_YEAR, FRACTION_PLACES)
        expected = {"MonthYear": sql[:6], "Year": sql[:4], "FractionDate": f"{fraction:.{FRACTION_PLACES}f}"}
        for column, want in expected.items():
            got = v[column]
            same = _same_number(got, want) if column == "FractionDate" else got == want
            if not same:
                issues.append(Issue("date-mismatch", f"{column} {show(got)} does not follow from SQLDATE {sql}: "
                                    f"{want}", column, got, want))
        added = v["DATEADDED"]
        if added and not ((len(added) == 8 and _day(added)) or (len(added) == 14 and _time(added))):
            issues.append(Issue("bad-gdelt-date", f"DATEADDED {show(added)} is not YYYYMMDD or YYYYMMDDHHMMSS",
                                "DATEADDED", added))
        return issues

    def _actors(self, v: dict[str, str]) -> list[Issue]:
        issues = []
        for actor in ("Actor1", "Actor2"):
            code = v[f"{actor}Code"]
            if code:
                problems = self._actor_problems.get(code)
                if problems is None:
                    problems = self._actor_problems[code] = check_actor_code(code, self.cameo.actors)
                for problem in problems:
                    severity: Severity = "error" if problem.code == "bad-actor-code" else "warning"
                    issues.append(Issue(problem.code, problem.message, f"{actor}Code", code, problem.hint, severity))
            for suffix, pool, what in self.sub_fields:
                column = f"{actor}{suffix}"
                value = v[column]
                if value and value not in pool:
                    issues.append(Issue("bad-actor-code", f"{column} {show(value)} is no {what}", column, value,
                                        _hint(value, pool)))
        return issues


def _hint(value: str, pool: frozenset[str]) -> str | None:
    """A code with the same letters in another order, else the nearest by spelling."""
    return next((code for code in sorted(pool) if sorted(code) == sorted(value)), None) or nearest(value, pool)


def _day(text: str) -> date | None:
    if not re.fullmatch(r"\d{8}", text):
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def _time(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%Y%m%d%H%M%S")
    except ValueError:
        return None


def _same_number(got: str, want: str) -> bool:
    try:
        return round(float(got), FRACTION_PLACES) == float(want)
    except ValueError:
        return False


def validate_gdelt(path: Path, wants: Callable[[str], bool] = lambda code: True, limit_errors: int | None = None,
                   cameo: CameoCodebook | None = None, max_line_bytes: int = MAX_LINE_BYTES) -> FileReport:
    """Validate a GDELT event file into a report; ``wants`` selects codes, ``limit_errors`` caps the issues kept
    (counts cover all); a line over ``max_line_bytes`` is a ``parse-error``. The report's generation names the
    layouts seen, e.g. ``gdelt-1.0`` or ``gdelt-1.0-backfile+gdelt-1.0``."""
    started = time.perf_counter()
    book = gdelt_codebook()
    checker = RowChecker(cameo)
    report = FileReport(str(path), "gdelt")
    generation: str | None = None
    seen: list[str] = []
    columns = {layout.fields: book.columns_of(layout) for layout in book.layouts}

    def add(issue: Issue) -> None:
        if not wants(issue.code):
            return
        report.counts[issue.code] += 1
        report.warnings += issue.severity == "warning"
        if limit_errors is None or len(report.issues) < limit_errors:
            report.issues.append(issue)
        else:
            report.truncated = True

    def blank(line: int) -> None:
        report.blank_rows += 1

    for item in read_rows(path, blank, max_line_bytes):
        report.rows_read += 1
        if isinstance(item, Issue):
            add(item)
            report.rows_invalid += 1
            continue
        layout = book.by_fields.get(len(item.fields))
        if layout is not None and generation is None:
            generation = layout.generation
        if layout is None or layout.generation != generation:
            expected = " or ".join(f"{lay.fields} ({lay.name})" for lay in book.layouts
                                   if generation in (None, lay.generation))
            add(Issue("wrong-field-count", f"{len(item.fields)} fields; a GDELT {generation or ''} row has "
                      f"{expected}".replace("  ", " "), None, len(item.fields), None, "error", str(path),
                      item.number, item.line))
            report.rows_invalid += 1
            continue
        if layout.name not in seen:
            seen.append(layout.name)
        found = [issue for issue in checker.check(dict(zip(columns[layout.fields], item.fields, strict=True)))
                 if wants(issue.code)]
        for issue in found:
            add(Issue(issue.code, issue.message, issue.field, issue.value, issue.hint, issue.severity, str(path),
                      item.number, item.line))
        if any(issue.severity == "error" for issue in found):
            report.rows_invalid += 1
        else:
            report.rows_valid += 1
    report.generation = "+".join(seen) or None
    report.seconds = time.perf_counter() - started
    return report
