"""ACLED record rules: parse one record's fields, derive what ACLED derives, and check every rule.

``check_record`` is the reference implementation of every record rule: the :class:`~eventcode.events.Event`
model and the per-record validator use it, and any fast path is tested against it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from eventcode.codebook import AcledCodebook, acled_codebook
from eventcode.issues import Issue, show
from eventcode.registry import nearest

Values = dict[str, Any]

EVENT_ID = re.compile(r"[A-Z]{2,4}[0-9]+")
INTEGER = re.compile(r"[+-]?[0-9]+")
DIGITS = re.compile(r"[0-9]+")
DAY_MONTH_YEAR = "%d %B %Y"
COMPACT_DATE = re.compile(r"[0-9]{8}")

#: Fields an event cannot do without (the rest may be blank, or are derived).
REQUIRED = ("event_id_cnty", "event_date", "time_precision", "sub_event_type", "actor1", "inter1", "country",
            "location", "latitude", "longitude", "geo_precision", "fatalities")
#: Keys a record may carry beside ACLED's columns; they are annotations, never written as ACLED fields.
ANNOTATIONS = frozenset({"rationale", "evidence", "review"})


def parse_date(value: object) -> date | None:
    """An event_date in any of ACLED's forms (2023-11-01, 01 November 2023, 20231101), or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.isascii():
        return None
    text = value.strip()
    try:
        if COMPACT_DATE.fullmatch(text):
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return date.fromisoformat(text)
        return datetime.strptime(text, DAY_MONTH_YEAR).date()
    except ValueError:
        return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Parser:
    """Parses raw field values (text from files, or typed Python values) and collects issues."""

    def __init__(self, record: Mapping[str, object], cb: AcledCodebook) -> None:
        self.raw, self.cb = record, cb
        self.values: Values = {}
        self.issues: list[Issue] = []

    def issue(self, code: str, field: str | None, message: str, value: object = None, hint: object = None) -> None:
        self.issues.append(Issue(code, message, field, value, None if hint is None else str(hint)))

    def text(self, field: str) -> str:
        value = self.raw.get(field)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.issue("wrong-type", field, f"expected text, got {type(value).__name__} {show(value)}", value,
                       str(value))
            return ""
        return value

    def integer(self, field: str) -> int | None:
        value = self.raw.get(field)
        if isinstance(value, bool):
            self.issue("not-an-integer", field, f"expected an integer, got {show(value)}", value)
            return None
        if isinstance(value, int):
            return value
        if isinstance(value, str) and INTEGER.fullmatch(value.strip()):
            return int(value)
        if not _blank(value):
            self.issue("not-an-integer", field, f"expected an integer, got {show(value)}", value)
        return None

    def number(self, field: str) -> float | None:
        value = self.raw.get(field)
        if _blank(value):
            return None
        number: float | None = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value)
            except ValueError:
                number = None
        if number is None or not math.isfinite(number):
            self.issue("not-a-number", field, f"expected a decimal number, got {show(value)}", value)
            return None
        return number

    def category(self, field: str) -> int | None:
        """inter1/inter2: a code 1-8 (number or digits) or a label, current or older; blank (or inter2 0) is None."""
        value = self.raw.get(field)
        if _blank(value) or (field == "inter2" and (value == 0 or value == "0")):
            return None
        code: object = value
        if isinstance(value, str):
            text = value.strip()
            code = int(text) if DIGITS.fullmatch(text) else self.cb.category_by_label.get(text.casefold())
        if isinstance(code, int) and not isinstance(code, bool) and code in self.cb.actor_category_registry:
            return code
        labels = [c.label for c in self.cb.actor_categories]
        self.issue("unknown-actor-category", field, f"{show(value)} is not an actor category (1-8 or a label)",
                   value, nearest(value, labels))
        return None

    def interaction(self) -> int | None:
        value = self.raw.get("interaction")
        if _blank(value):
            return None
        code: object = value
        if isinstance(value, str):
            text = re.sub(r"\s*[-\u2013]\s*", "-", value.strip())
            code = int(text) if DIGITS.fullmatch(text) else self.cb.interaction_by_text.get(text.casefold())
        if isinstance(code, int) and not isinstance(code, bool) and code in self.cb.interaction_codes:
            return code
        self.issue("unknown-interaction", "interaction", f"{show(value)} is not a valid interaction", value,
                   nearest(value, [self.cb.interaction_text(c) for c in self.cb.interaction_codes]))
        return None


def check_record(record: Mapping[str, object], cb: AcledCodebook | None = None) -> tuple[Values, list[Issue]]:
    """Parse and check one ACLED record (keyed by column names); returns the typed values and every issue.

    Derives ``year``, ``event_type``, ``disorder_type``, ``interaction``, ``iso`` and ``region`` where they are
    blank; where they are given, they must agree with what they derive from.
    """
    cb = cb or acled_codebook()
    p = _Parser(record, cb)
    for key in record:
        if key not in cb.column_set and key not in ANNOTATIONS:
            p.issue("unknown-field", str(key), f"{show(key)} is not an ACLED column", key,
                    nearest(key, cb.columns))
    for field in REQUIRED:
        if _blank(record.get(field)):
            p.issue("missing-value", field, "is required")
    v = p.values
    for field in _TEXT_FIELDS:
        v[field] = p.text(field)
    for field in ("year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"):
        v[field] = p.integer(field)
    v["latitude"], v["longitude"] = p.number("latitude"), p.number("longitude")
    v["inter1"], v["inter2"] = p.category("inter1"), p.category("inter2")
    v["interaction"] = p.interaction()
    v["civilian_targeting"] = _civilian_targeting(p)
    v["event_date"] = _event_date(p)
    for rule in RULES:
        rule(p, v)
    return v, p.issues


def _civilian_targeting(p: _Parser) -> bool:
    value = p.raw.get("civilian_targeting")
    if isinstance(value, bool):
        return value
    if _blank(value):
        return False
    if isinstance(value, str) and value.strip() == p.cb.civilian_targeting_value:
        return True
    p.issue("bad-civilian-targeting", "civilian_targeting",
            f"{show(value)} is neither blank nor {show(p.cb.civilian_targeting_value)}", value,
            p.cb.civilian_targeting_value)
    return False


def _event_date(p: _Parser) -> date | None:
    value = p.raw.get("event_date")
    if _blank(value):
        return None
    parsed = parse_date(value)
    if parsed is None:
        p.issue("bad-date", "event_date", f"{show(value)} is not a date (2023-11-01, 01 November 2023 or 20231101)",
                value)
    elif not p.cb.earliest_event_date <= parsed <= date.today():
        p.issue("date-out-of-range", "event_date",
                f"{parsed} is before {p.cb.earliest_event_date} or in the future", value)
    return parsed


# Each rule below checks one thing and derives what it may; a rule skips fields that did not parse.

def rule_event_id(p: _Parser, v: Values) -> None:
    event_id = v["event_id_cnty"]
    if event_id and not EVENT_ID.fullmatch(event_id):
        p.issue("bad-event-id", "event_id_cnty", f"{show(event_id)} is not a country prefix followed by digits",
                event_id)


def rule_year(p: _Parser, v: Values) -> None:
    if v["event_date"] is None:
        return
    if v["year"] is None:
        v["year"] = v["event_date"].year
    elif v["year"] != v["event_date"].year:
        p.issue("year-mismatch", "year", f"year {v['year']} is not the year of event_date {v['event_date']}",
                v["year"], v["event_date"].year)


def rule_taxonomy(p: _Parser, v: Values) -> None:
    """sub_event_type is known; event_type and disorder_type agree with it (and are derived when blank)."""
    name = v["sub_event_type"]
    sub = p.cb.sub_event_types.get(name)
    if name and sub is None:
        p.issue("unknown-sub-event-type", "sub_event_type", f"{show(name)} is not an ACLED sub-event type", name,
                nearest(name, [s.name for s in p.cb.sub_event_types]))
    if v["event_type"] and v["event_type"] not in p.cb.event_type_registry:
        p.issue("unknown-event-type", "event_type", f"{show(v['event_type'])} is not an ACLED event type",
                v["event_type"], nearest(v["event_type"], [e.name for e in p.cb.event_types]))
    elif sub and v["event_type"] and v["event_type"] != sub.event_type:
        p.issue("event-type-mismatch", "event_type",
                f"{show(name)} belongs to {show(sub.event_type)}, not {show(v['event_type'])}", v["event_type"],
                sub.event_type)
    if v["disorder_type"] and v["disorder_type"] not in p.cb.disorder_type_values:
        p.issue("unknown-disorder-type", "disorder_type", f"{show(v['disorder_type'])} is not an ACLED disorder type",
                v["disorder_type"], sub.disorder_type if sub else nearest(v["disorder_type"],
                                                                          p.cb.disorder_type_values))
    elif sub and v["disorder_type"] and v["disorder_type"] != sub.disorder_type:
        p.issue("disorder-type-mismatch", "disorder_type",
                f"{show(name)} has disorder type {show(sub.disorder_type)}, not {show(v['disorder_type'])}",
                v["disorder_type"], sub.disorder_type)
    if sub:
        v["event_type"] = v["event_type"] or sub.event_type
        v["disorder_type"] = v["disorder_type"] or sub.disorder_type


def rule_actors(p: _Parser, v: Values) -> None:
    """inter2 is blank exactly when actor2 is; interaction follows from inter1 and inter2."""
    has_actor2, has_inter2 = bool(v["actor2"].strip()), v["inter2"] is not None
    if has_actor2 != has_inter2 and "inter2" not in _failed(p):
        p.issue("actor2-inter2-mismatch", "inter2",
                "actor2 is blank but inter2 is set" if has_inter2 else "actor2 is set but inter2 is blank",
                p.raw.get("inter2"))
        return
    if v["inter1"] is None or "inter2" in _failed(p):
        return
    expected = p.cb.interaction_code(v["inter1"], v["inter2"])
    if v["interaction"] is None and "interaction" not in _failed(p):
        v["interaction"] = expected
    elif v["interaction"] is not None and v["interaction"] != expected:
        p.issue("interaction-mismatch", "interaction",
                f"inter1 {v['inter1']} and inter2 {v['inter2'] or 'blank'} give {expected}, not {v['interaction']}",
                p.raw.get("interaction"), expected)


def rule_event_rules(p: _Parser, v: Values) -> None:
    """One-sided events, civilians as the target and civilian_targeting only where ACLED allows them."""
    sub = p.cb.sub_event_types.get(v["sub_event_type"])
    if sub is None:
        return
    if not v["actor2"].strip() and not sub.one_sided_allowed:
        p.issue("one-sided-not-allowed", "actor2", f"{sub.event_type} needs an actor2", "")
    if sub.actor2_category is not None and v["inter2"] not in (None, sub.actor2_category):
        p.issue("civilians-not-target", "inter2",
                f"actor2 of {sub.event_type} has inter2 {sub.actor2_category}, not {v['inter2']}",
                v["inter2"], sub.actor2_category)
    if v["civilian_targeting"] and not sub.civilian_targeting_allowed:
        p.issue("civilian-targeting-not-allowed", "civilian_targeting",
                f"civilian_targeting cannot be set on {show(sub.name)}", p.raw.get("civilian_targeting"))


def rule_ranges(p: _Parser, v: Values) -> None:
    for field in ("time_precision", "geo_precision"):
        if v[field] is not None and v[field] not in (1, 2, 3):
            p.issue("precision-out-of-range", field, f"{v[field]} is not 1, 2 or 3", v[field])
    if v["fatalities"] is not None and v["fatalities"] < 0:
        p.issue("fatalities-negative", "fatalities", f"{v['fatalities']} is below 0", v["fatalities"], 0)
    for field, limit in (("latitude", 90.0), ("longitude", 180.0)):
        if v[field] is not None and not -limit <= v[field] <= limit:
            p.issue("coordinate-out-of-range", field, f"{v[field]} is outside -{limit:g}..{limit:g}", v[field])


def rule_place(p: _Parser, v: Values) -> None:
    """country is ACLED's; iso and region agree with it (and are derived when blank)."""
    if v["region"] and v["region"] not in p.cb.region_registry:
        p.issue("unknown-region", "region", f"{show(v['region'])} is not an ACLED region", v["region"],
                nearest(v["region"], [r.name for r in p.cb.regions]))
    country = p.cb.country_registry.get(v["country"])
    if country is None:
        if v["country"]:
            p.issue("unknown-country", "country", f"{show(v['country'])} is not an ACLED country name", v["country"],
                    nearest(v["country"], [c.name for c in p.cb.countries]))
        return
    if v["iso"] is None and "iso" not in _failed(p):
        v["iso"] = country.iso
    elif v["iso"] is not None and v["iso"] != country.iso:
        p.issue("iso-mismatch", "iso", f"the ISO code of {country.name} is {country.iso}, not {v['iso']}",
                v["iso"], country.iso)
    if not v["region"]:
        v["region"] = country.region
    elif v["region"] != country.region and v["region"] in p.cb.region_registry:
        p.issue("region-mismatch", "region", f"{country.name} is in {show(country.region)}, not {show(v['region'])}",
                v["region"], country.region)


def rule_lists(p: _Parser, v: Values) -> None:
    """source_scale is a level or levels joined by '-'; tags are '; '-separated, none blank or padded."""
    scale, rules = v["source_scale"], p.cb.source_scale
    if scale:
        parts = scale.split(rules.separator)
        bad = [part for part in parts if part not in rules.levels]
        if bad or len(set(parts)) != len(parts):
            p.issue("bad-source-scale", "source_scale",
                    f"{show(scale)} is not levels joined by {show(rules.separator)}"
                    + (f" ({show(bad[0])} unknown)" if bad else " (a level repeats)"),
                    scale, nearest(bad[0], rules.levels) if bad else None)
    tags = v["tags"]
    if tags:
        items = tags.split(p.cb.tags.separator)
        if any(not item.strip() or item != item.strip() or p.cb.tags.separator.strip() in item for item in items):
            p.issue("bad-tags", "tags", f"{show(tags)} has a blank or padded item", tags)


def _failed(p: _Parser) -> set[str | None]:
    return {issue.field for issue in p.issues}


RULES: tuple[Callable[[_Parser, Values], None], ...] = (
    rule_event_id, rule_year, rule_taxonomy, rule_actors, rule_event_rules, rule_ranges, rule_place, rule_lists,
)

_TEXT_FIELDS = ("event_id_cnty", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
                "actor2", "assoc_actor_2", "region", "country", "admin1", "admin2", "admin3", "location", "source",
                "source_scale", "notes", "tags")
