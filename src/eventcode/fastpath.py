"""The vectorised ACLED validator: which rows of an Arrow batch might break a rule, in a few passes per column.

It never decides an issue itself. For every batch it proves, with pyarrow.compute, that most rows are valid and
hands the others (the *suspects*) to :func:`eventcode.rules.check_record`, which names each issue exactly as the
per-record path does. A row is cleared only when every rule is known to hold for it:

- fields whose values repeat (dates, types, actor categories, countries, precisions, ...) are checked as
  *groups* of the fields that rules tie together: each distinct combination in a batch is checked once by
  ``check_record`` on a valid template record carrying that combination, and the verdicts are cached;
- fields with many distinct values (event ids, coordinates, fatalities, names) are cleared by patterns that only
  accept what the reference accepts; anything else is a suspect.

So the fast path agrees with the reference by construction, provided no rule ties fields of two groups: a new
rule across groups must join them in :data:`GROUPS` (tests/test_validate_fastpath.py checks the two paths agree).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from eventcode.codebook import AcledCodebook, acled_codebook
from eventcode.issues import Issue
from eventcode.rules import check_record

#: Fields checked together, because rules tie them (``actor2`` stands for whether actor2 is blank).
GROUPS: tuple[tuple[str, ...], ...] = (
    ("event_date", "year"),
    ("sub_event_type", "event_type", "disorder_type", "civilian_targeting", "inter1", "inter2", "interaction",
     "actor2"),
    ("country", "iso", "region"),
    ("time_precision",), ("geo_precision",), ("fatalities",), ("source_scale",), ("tags",),
)

#: Patterns that clear a value of a field checked alone: each matches only values the reference accepts.
PATTERNS: dict[str, str] = {
    "event_id_cnty": r"^[A-Z]{2,4}[0-9]+$",
    "latitude": r"^-?[0-9]{1,3}(\.[0-9]{1,20})?$",
    "longitude": r"^-?[0-9]{1,3}(\.[0-9]{1,20})?$",
    "timestamp": r"^([0-9]{1,18})?$",
}
#: Required text fields cleared when they start with a letter or digit (Python's str.strip removes neither).
FILLED = ("actor1", "location")
#: Coordinates cleared by PATTERNS are within these limits.
LIMITS = {"latitude": 90.0, "longitude": 180.0}
#: The most verdicts on value combinations kept between batches.
CACHE_SIZE = 200_000

Check = Callable[[Mapping[str, object]], tuple[Any, list[Issue]]]


def template_record(cb: AcledCodebook) -> dict[str, str]:
    """A valid record built from the codebook alone, to carry one group's values at a time."""
    sub = next(s for s in cb.sub_event_types if s.one_sided_allowed and s.actor2_category is None)
    record = dict.fromkeys(cb.columns, "")
    record.update(event_id_cnty="AA1", event_date=cb.earliest_event_date.isoformat(),
                  time_precision=str(cb.time_precision[0].code), sub_event_type=sub.name, actor1="a",
                  inter1=str(cb.actor_categories[0].code), country=cb.countries[0].name, location="a",
                  latitude="0", longitude="0", geo_precision=str(cb.geo_precision[0].code),
                  fatalities=str(cb.fatalities.no_information))
    return record


@dataclass(frozen=True)
class GroupVerdict:
    """One group's verdict on a batch: ``bad`` marks the rows whose combination breaks a rule, and
    :meth:`issues` gives those rows' issues (as ``check_record`` names them, without file, record or line)."""

    bad: Any
    key: Any
    by_key: Mapping[int, tuple[Issue, ...]]

    def issues(self, rows: Any) -> list[tuple[Issue, ...]]:
        """The issues of the rows at the given positions (an Arrow integer array)."""
        return [self.by_key[code] for code in pc.take(self.key, rows).to_pylist()]


@dataclass(frozen=True)
class Screen:
    """A batch screened: ``patterns`` marks the rows only ``check_record`` can judge (a value no pattern cleared);
    ``groups`` holds each group's verdict. Every other row breaks no rule."""

    patterns: Any
    groups: list[GroupVerdict]

    @property
    def suspects(self) -> Any:
        """True where a row may break a rule."""
        suspect = self.patterns
        for verdict in self.groups:
            suspect = pc.or_(suspect, verdict.bad)
        return suspect


class FastRules:
    """Every ACLED record rule compiled for Arrow batches of text columns (see the module docs)."""

    def __init__(self, cb: AcledCodebook | None = None, check: Check | None = None) -> None:
        self.cb = cb or acled_codebook()
        self.check: Check = check or (lambda record: check_record(record, self.cb))
        self.template = template_record(self.cb)
        _, issues = self.check(self.template)
        if issues:
            raise RuntimeError(f"the codebook's template record is not valid: {issues[0]}")
        self._verdicts: dict[tuple[int, tuple[str, ...]], tuple[Issue, ...]] = {}

    def group_issues(self, group: int, values: tuple[str, ...]) -> tuple[Issue, ...]:
        """What ``check_record`` finds wrong with one combination of a group's values (cached)."""
        key = (group, values)
        verdict = self._verdicts.get(key)
        if verdict is None:
            record = dict(self.template)
            for name, value in zip(GROUPS[group], values, strict=True):
                record[name] = ("a" if value == "1" else "") if name == "actor2" else value
            verdict = tuple(self.check(record)[1])
            if len(self._verdicts) >= CACHE_SIZE:
                self._verdicts.clear()
            self._verdicts[key] = verdict
        return verdict

    def suspects(self, columns: Mapping[str, Any], num_rows: int) -> Any:
        """A boolean array: True where a row may break a rule (a column that is None is blank throughout)."""
        return self.screen(columns, num_rows).suspects

    def screen(self, columns: Mapping[str, Any], num_rows: int) -> Screen:
        """Screen a batch of text columns keyed by ACLED column name (a column that is None is blank)."""
        blank, zero, one = (pa.scalar(text, pa.string()) for text in ("", "0", "1"))

        def column(name: str) -> Any:
            value = columns.get(name)
            return pa.array([""] * num_rows, pa.string()) if value is None else value

        suspect: Any = pa.array([False] * num_rows, pa.bool_())
        for name, pattern in PATTERNS.items():
            values = column(name)
            matches = pc.match_substring_regex(values, pattern)
            suspect = pc.or_(suspect, pc.invert(matches))
            if name in LIMITS:
                number = pc.cast(pc.if_else(matches, values, zero), pa.float64())
                suspect = pc.or_(suspect, pc.greater(pc.abs(number), pa.scalar(LIMITS[name], pa.float64())))
        for name in FILLED:
            suspect = pc.or_(suspect, pc.invert(_starts_alnum(column(name))))
        actor2 = column("actor2")
        empty = pc.equal(actor2, blank)
        filled = _starts_alnum(actor2)
        suspect = pc.or_(suspect, pc.invert(pc.or_(empty, filled)))
        flag = pc.if_else(filled, one, zero)
        verdicts = [self._group(group, [flag if name == "actor2" else column(name) for name in names])
                    for group, names in enumerate(GROUPS)]
        return Screen(suspect, verdicts)

    def _group(self, group: int, arrays: list[Any]) -> GroupVerdict:
        encoded = [pc.dictionary_encode(array) for array in arrays]
        dictionaries = [e.dictionary.to_pylist() for e in encoded]
        sizes = [len(values) for values in dictionaries]
        if math.prod(sizes) >= 1 << 62:  # too many distinct values to number their combinations: row by row
            rows = list(zip(*(array.to_pylist() for array in arrays), strict=True))
            found = [self.group_issues(group, tuple(row)) for row in rows]
            return GroupVerdict(pa.array([bool(issues) for issues in found], pa.bool_()),
                                pa.array(range(len(rows)), pa.int64()), dict(enumerate(found)))
        key: Any = None
        for e, size in zip(encoded, sizes, strict=True):
            indices = pc.cast(e.indices, pa.int64())
            key = indices if key is None else pc.add(pc.multiply(key, pa.scalar(size, pa.int64())), indices)
        by_key = {}
        for code in pc.unique(key).to_pylist():
            rest, positions = code, []
            for size in reversed(sizes):
                rest, index = divmod(rest, size)
                positions.append(index)
            combination = tuple(d[i] for d, i in zip(dictionaries, reversed(positions), strict=True))
            issues = self.group_issues(group, combination)
            if issues:
                by_key[code] = issues
        bad = pc.is_in(key, value_set=pa.array(list(by_key), pa.int64()))
        return GroupVerdict(bad, key, by_key)


def _starts_alnum(values: Any) -> Any:
    """True where a text value starts with a letter or digit (so it is not blank)."""
    return pc.utf8_is_alnum(pc.utf8_slice_codeunits(values, 0, 1))
