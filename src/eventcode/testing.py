"""Hypothesis strategies for ACLED events, for eventcode's own tests and yours.

Needs hypothesis, which eventcode does not install by itself: ``pip install "eventcode[testing]"``.
Every vocabulary comes from :func:`~eventcode.codebook.acled_codebook`, so generated data follows the codebook.

>>> from hypothesis import given
>>> from eventcode.testing import events
>>> @given(events())
... def test_my_pipeline_keeps_events(event):
...     assert my_pipeline(event).event_id_cnty == event.event_id_cnty

- :func:`acled_records`: valid records as a YAML/JSON file holds them (dicts keyed by ACLED's 31 columns);
- :func:`events`: :class:`~eventcode.events.Event` objects built from them;
- :func:`mutations`: a valid record with exactly one rule broken, the code ``check_record`` must report and
  whether the JSON Schema can tell (:data:`MUTATIONS` lists the rules it breaks).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal, NamedTuple

from hypothesis import strategies as st

from eventcode.codebook import AcledCodebook, SubEventType, acled_codebook
from eventcode.events import Event
from eventcode.rules import ANNOTATIONS, EVENT_ID, REQUIRED

InterStyle = Literal["text", "numeric", "any"]
Record = dict[str, Any]

#: Characters that test writers and readers: CSV delimiters and quotes, line breaks, non-ASCII text.
_SPECIAL = st.sampled_from([",", '"', "'", ";", "\n", "\r", "\t", " ", "\u2013", "\u00e9", "\u4e2d",
                            "\U0001f600"])
_TEXT = st.text(st.one_of(st.characters(exclude_categories=("Cs", "Cc")), _SPECIAL), max_size=40)
_NAME = _TEXT.filter(str.strip)
_TAG_WORD = st.text(st.characters(exclude_categories=("Cs", "Cc", "Z"), exclude_characters=";"), min_size=1,
                    max_size=10)
_TAG = st.lists(_TAG_WORD, min_size=1, max_size=3).map(" ".join)
#: Free-text columns that no rule ties to another field.
_FREE_TEXT = ("actor1", "assoc_actor_1", "assoc_actor_2", "admin1", "admin2", "admin3", "location", "source",
              "notes")
_INTEGERS = ("year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp")
_COORDINATES = (("latitude", 90.0), ("longitude", 180.0))


def acled_records(inter: InterStyle = "text", sub_event_types: Collection[str] | None = None,
                  ) -> st.SearchStrategy[Record]:
    """Valid ACLED records keyed by column name, all 31 columns, typed as a YAML or JSON file holds them.

    ``inter`` chooses how inter1, inter2 and interaction are written: ``"text"`` (ACLED's 2024 labels,
    ``"State forces-Rebel group"``, inter2 blank without actor2), ``"numeric"`` (1-8 and 10-88, inter2 0 without
    actor2) or ``"any"`` (each field in any form ACLED files use: number, digits, current or older label).
    ``sub_event_types`` limits the records to those sub-event types (default: all).
    """
    subs = [s for s in acled_codebook().sub_event_types if sub_event_types is None or s.name in sub_event_types]
    if not subs:
        raise ValueError(f"no ACLED sub-event type among {sorted(sub_event_types or [])}")
    return _records(inter, subs)


def events(inter: InterStyle = "any") -> st.SearchStrategy[Event]:
    """Valid :class:`~eventcode.events.Event` objects, built from :func:`acled_records`."""
    return acled_records(inter).map(Event.from_record)


@st.composite
def _records(draw: st.DrawFn, inter: InterStyle, subs: list[SubEventType]) -> Record:
    cb = acled_codebook()
    country = draw(st.sampled_from(cb.countries))
    sub = draw(st.sampled_from(subs))
    day = draw(st.dates(max(cb.earliest_event_date, date(country.start_year, 1, 1)), date.today()))
    inter1, inter2 = _inter_codes(draw, cb, sub)
    style = inter if inter != "any" else None

    def actor(code: int) -> str:
        label = cb.actor_category_registry.lookup(code).label
        return draw(st.one_of(st.just(f"{label} ({country.name})"), _NAME))

    def category(code: int | None) -> object:
        return _category_value(cb, code, style or draw(st.sampled_from(["text", "numeric", "digits", "older"])),
                               draw)

    interaction = cb.interaction_code(inter1, inter2)
    record: Record = {
        "event_id_cnty": draw(st.from_regex(EVENT_ID, fullmatch=True, alphabet=st.characters(codec="ascii"))),
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": draw(st.sampled_from([p.code for p in cb.time_precision])),
        "disorder_type": sub.disorder_type,
        "event_type": sub.event_type,
        "sub_event_type": sub.name,
        "actor1": actor(inter1),
        "assoc_actor_1": draw(_TEXT),
        "inter1": category(inter1),
        "actor2": "" if inter2 is None else actor(inter2),
        "assoc_actor_2": "" if inter2 is None else draw(_TEXT),
        "inter2": category(inter2),
        "interaction": _interaction_value(cb, interaction, style or draw(st.sampled_from(["text", "numeric",
                                                                                          "digits"]))),
        "civilian_targeting": draw(st.sampled_from(["", cb.civilian_targeting_value]))
        if sub.civilian_targeting_allowed else "",
        "iso": country.iso,
        "region": country.region,
        "country": country.name,
        "admin1": draw(_TEXT),
        "admin2": draw(_TEXT),
        "admin3": draw(_TEXT),
        "location": draw(_NAME),
        "latitude": draw(st.floats(-90, 90)),
        "longitude": draw(st.floats(-180, 180)),
        "geo_precision": draw(st.sampled_from([p.code for p in cb.geo_precision])),
        "source": draw(_TEXT),
        "source_scale": draw(st.one_of(st.just(""), _source_scale(cb))),
        "notes": draw(_TEXT),
        "fatalities": draw(st.integers(0, 100_000)),
        "tags": draw(st.one_of(st.just(""), st.lists(_TAG, min_size=1, max_size=4).map(cb.tags.separator.join))),
        "timestamp": draw(st.one_of(st.integers(0, 2**32), st.just("" if style else None))),
    }
    return {column: record[column] for column in cb.columns}


def _inter_codes(draw: st.DrawFn, cb: AcledCodebook, sub: SubEventType) -> tuple[int, int | None]:
    """inter1 and inter2 as the sub-event type allows: a fixed actor2 category, or none where one-sided."""
    codes = st.sampled_from([c.code for c in cb.actor_categories])
    if sub.actor2_category is not None:
        inter2: int | None = sub.actor2_category
    elif sub.one_sided_allowed:
        inter2 = draw(st.none() | codes)
    else:
        inter2 = draw(codes)
    return draw(codes), inter2


def _category_value(cb: AcledCodebook, code: int | None, style: str, draw: st.DrawFn) -> object:
    """An inter code written as a label, a number, digits or an older label (blank/0 without actor2)."""
    if code is None:
        return {"text": "", "numeric": 0, "digits": "0"}.get(style, "")
    category = cb.actor_category_registry.lookup(code)
    if style == "older" and category.older_labels:
        return draw(st.sampled_from(category.older_labels))
    return {"numeric": code, "digits": str(code)}.get(style, category.label)


def _interaction_value(cb: AcledCodebook, code: int, style: str) -> object:
    return {"numeric": code, "digits": str(code)}.get(style) or cb.interaction_text(code)


def _source_scale(cb: AcledCodebook) -> st.SearchStrategy[str]:
    levels = st.lists(st.sampled_from(cb.source_scale.levels), min_size=1, max_size=3, unique=True)
    return levels.map(cb.source_scale.separator.join)


# Mutations: each breaks one rule of a valid record.

class Broken(NamedTuple):
    """A record with one rule broken: the code and field the issue must name, and whether the schema can tell."""

    record: Record
    code: str
    field: str
    schema_can_express: bool
    mutation: str


Apply = Callable[[st.DrawFn, AcledCodebook, Record], tuple[str, Record]]


def _always(sub: SubEventType) -> bool:
    return True


@dataclass(frozen=True)
class Mutation:
    """One way to break a rule: ``apply`` changes a copy of a valid record and returns the field it broke.

    ``applies`` tells from the record's sub-event type whether it has the rule to break (a protest may be
    one-sided, so it cannot break the rule against one-sided events)."""

    name: str
    code: str
    schema_can_express: bool
    apply: Apply
    applies: Callable[[SubEventType], bool] = _always


def _misspelt(draw: st.DrawFn, name: str, valid: Iterable[str], exact: bool = True) -> str:
    """A near miss of a valid name (a letter short, one more, a trailing space, upper case) that is not valid
    itself; with ``exact=False`` names compare as the rules read them: stripped and case-folded."""
    def fold(text: str) -> str:
        return text if exact else text.strip().casefold()
    known = {fold(v) for v in valid}
    near = (name[:-1], name + name[-1], name + " ", name.upper())
    candidates = [c for c in near if c.strip() and fold(c) not in known]
    return draw(st.sampled_from(candidates))


def _sub(cb: AcledCodebook, record: Record) -> SubEventType:
    return cb.sub_event_types.lookup(record["sub_event_type"])


def _category_like(draw: st.DrawFn, cb: AcledCodebook, record: Record, code: int | None) -> object:
    """An inter code in the form the record's inter1 uses."""
    return _category_value(cb, code, _style(record["inter1"]), draw)


def _interaction_like(cb: AcledCodebook, record: Record, code: int) -> object:
    """An interaction code in the form the record's interaction uses."""
    return _interaction_value(cb, code, _style(record["interaction"]))


def _style(value: object) -> str:
    if isinstance(value, int):
        return "numeric"
    return "digits" if isinstance(value, str) and value.isdigit() else "text"


def _set(record: Record, field: str, value: object) -> tuple[str, Record]:
    record[field] = value
    return field, record


def _blank_required(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    """A required field left blank (or null); the record keeps all its columns, as a CSV row would."""
    return _set(r, draw(st.sampled_from(REQUIRED)), draw(st.sampled_from(["", None])))


def _wrong_type(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    return _set(r, draw(st.sampled_from(_FREE_TEXT)), draw(st.integers()))


def _not_an_integer(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    fraction = st.floats(-1e6, 1e6).filter(lambda x: not x.is_integer())
    return _set(r, draw(st.sampled_from(_INTEGERS)), draw(fraction | st.sampled_from(["n/a", "twelve", "1.5"])))


def _not_a_number(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    field, _ = draw(st.sampled_from(_COORDINATES))
    return _set(r, field, draw(st.sampled_from(["north", "12,5", "nan", "inf", "1.2.3"])))


def _bad_date(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    day = date.fromisoformat(r["event_date"])
    return _set(r, "event_date", draw(st.sampled_from([f"{day.year:04d}-02-30", f"{day.year:04d}-13-01",
                                                       day.strftime("%d/%m/%Y"), "yesterday"])))


def _date_out_of_range(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    day = draw(st.dates(max_value=cb.earliest_event_date - timedelta(days=1)) |
               st.dates(min_value=date.today() + timedelta(days=1)))
    r["year"] = day.year
    return _set(r, "event_date", day.isoformat())


def _bad_event_id(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    event_id: str = r["event_id_cnty"]
    return _set(r, "event_id_cnty", draw(st.sampled_from([event_id.lower(), event_id + "-", event_id.rstrip(
        "0123456789"), "1" + event_id])))


def _unknown(field: str, valid: Callable[[AcledCodebook], Iterable[str]]) -> Apply:
    def apply(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
        return _set(r, field, _misspelt(draw, r[field], valid(cb)))
    return apply


def _unknown_category(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    """inter1 or inter2 outside the categories; 0 only for inter1 (inter2 0 means no actor2)."""
    field = draw(st.sampled_from(["inter1", "inter2"]))
    beyond = max(c.code for c in cb.actor_categories) + 1
    label = draw(st.sampled_from(cb.actor_categories)).label
    misspelt = _misspelt(draw, label, cb.category_by_label, exact=False)
    return _set(r, field, draw(st.sampled_from([beyond, str(beyond), misspelt, *([0] if field == "inter1" else [])])))


def _unknown_interaction(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    bad = draw(st.integers(0, 99).filter(lambda code: code not in cb.interaction_codes))
    text = cb.interaction_text(draw(st.sampled_from(cb.interaction_codes)))
    misspelt = _misspelt(draw, text, cb.interaction_by_text, exact=False)
    return _set(r, "interaction", draw(st.sampled_from([bad, str(bad), misspelt])))


def _bad_civilian_targeting(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    value = cb.civilian_targeting_value
    return _set(r, "civilian_targeting", draw(st.sampled_from(["yes", value.lower(), value[:-1]])))


def _precision(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    field, scale = draw(st.sampled_from([("time_precision", cb.time_precision), ("geo_precision", cb.geo_precision)]))
    return _set(r, field, draw(st.integers(-10, 100).filter(lambda code: code not in {p.code for p in scale})))


def _negative_fatalities(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    return _set(r, "fatalities", draw(st.integers(max_value=-1)))


def _coordinate(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    field, limit = draw(st.sampled_from(_COORDINATES))
    value = draw(st.floats(limit, 1e9, exclude_min=True))
    return _set(r, field, draw(st.sampled_from([value, -value])))


def _unknown_level(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    levels = r["source_scale"].split(cb.source_scale.separator) if r["source_scale"] else []
    bad = _misspelt(draw, draw(st.sampled_from(cb.source_scale.levels)), cb.source_scale.levels)
    levels.insert(draw(st.integers(0, len(levels))), bad)
    return _set(r, "source_scale", cb.source_scale.separator.join(levels))


def _repeated_level(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    levels = r["source_scale"].split(cb.source_scale.separator) if r["source_scale"] else []
    level = draw(st.sampled_from(levels or cb.source_scale.levels))
    return _set(r, "source_scale", cb.source_scale.separator.join([*levels, level] if levels else [level, level]))


def _bad_tags(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    tags = r["tags"] or draw(_TAG)
    sep = cb.tags.separator
    return _set(r, "tags", draw(st.sampled_from([tags + sep, sep + tags, " " + tags, tags + " ",
                                                 tags + sep.strip(), tags + sep + sep + tags])))


def _unknown_field(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    key = draw(st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True).filter(
        lambda k: k not in cb.column_set and k not in ANNOTATIONS))
    return _set(r, key, draw(_TEXT))


def _other(draw: st.DrawFn, values: Sequence[Any], current: object) -> Any:
    return draw(st.sampled_from([v for v in values if v != current]))


def _event_type_mismatch(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    return _set(r, "event_type", _other(draw, [e.name for e in cb.event_types], r["event_type"]))


def _disorder_type_mismatch(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    return _set(r, "disorder_type", _other(draw, sorted(cb.disorder_type_values), r["disorder_type"]))


def _year_mismatch(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    return _set(r, "year", r["year"] + draw(st.integers(-30, 30).filter(bool)))


def _interaction_mismatch(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    expected = Event.from_record(r).interaction
    return _set(r, "interaction", _interaction_like(cb, r, _other(draw, cb.interaction_codes, expected)))


def _actor2_inter2(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    if not r["actor2"]:
        code = draw(st.sampled_from([c.code for c in cb.actor_categories]))
        return _set(r, "inter2", _category_like(draw, cb, r, code))
    if _sub(cb, r).one_sided_allowed and draw(st.booleans()):
        r.update(actor2="", assoc_actor_2="")
        return "inter2", r
    return _set(r, "inter2", _category_like(draw, cb, r, None))


def _one_sided(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    inter1 = Event.from_record(r).inter1
    r.update(actor2="", assoc_actor_2="", inter2=_category_like(draw, cb, r, None),
             interaction=_interaction_like(cb, r, cb.interaction_code(inter1, None)))
    return "actor2", r


def _civilians_not_target(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    inter2 = _other(draw, [c.code for c in cb.actor_categories], _sub(cb, r).actor2_category)
    r.update(interaction=_interaction_like(cb, r, cb.interaction_code(Event.from_record(r).inter1, inter2)))
    return _set(r, "inter2", _category_like(draw, cb, r, inter2))


def _civilian_targeting_not_allowed(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    return _set(r, "civilian_targeting", cb.civilian_targeting_value)


def _iso_mismatch(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    return _set(r, "iso", draw(st.integers(0, 999).filter(lambda iso: iso != r["iso"])))


def _region_mismatch(draw: st.DrawFn, cb: AcledCodebook, r: Record) -> tuple[str, Record]:
    return _set(r, "region", _other(draw, [region.name for region in cb.regions], r["region"]))


#: Every mutation by name. Most are named after the code they produce; the schema cannot state rules that
#: need arithmetic or a table (year, interaction, iso, region), today's date, or a repeat check (a source scale
#: level twice).
MUTATIONS: dict[str, Mutation] = {m.name: m for m in (
    Mutation("missing-value", "missing-value", True, _blank_required),
    Mutation("wrong-type", "wrong-type", True, _wrong_type),
    Mutation("not-an-integer", "not-an-integer", True, _not_an_integer),
    Mutation("not-a-number", "not-a-number", True, _not_a_number),
    Mutation("bad-date", "bad-date", True, _bad_date),
    Mutation("date-out-of-range", "date-out-of-range", False, _date_out_of_range),
    Mutation("bad-event-id", "bad-event-id", True, _bad_event_id),
    Mutation("unknown-event-type", "unknown-event-type", True,
             _unknown("event_type", lambda cb: [e.name for e in cb.event_types])),
    Mutation("unknown-sub-event-type", "unknown-sub-event-type", True,
             _unknown("sub_event_type", lambda cb: [s.name for s in cb.sub_event_types])),
    Mutation("unknown-disorder-type", "unknown-disorder-type", True,
             _unknown("disorder_type", lambda cb: cb.disorder_type_values)),
    Mutation("unknown-actor-category", "unknown-actor-category", True, _unknown_category),
    Mutation("unknown-interaction", "unknown-interaction", True, _unknown_interaction),
    Mutation("bad-civilian-targeting", "bad-civilian-targeting", True, _bad_civilian_targeting),
    Mutation("precision-out-of-range", "precision-out-of-range", True, _precision),
    Mutation("fatalities-negative", "fatalities-negative", True, _negative_fatalities),
    Mutation("coordinate-out-of-range", "coordinate-out-of-range", True, _coordinate),
    Mutation("unknown-country", "unknown-country", True,
             _unknown("country", lambda cb: [c.name for c in cb.countries])),
    Mutation("unknown-region", "unknown-region", True, _unknown("region", lambda cb: [g.name for g in cb.regions])),
    Mutation("bad-source-scale", "bad-source-scale", True, _unknown_level),
    Mutation("repeated-source-scale-level", "bad-source-scale", False, _repeated_level),
    Mutation("bad-tags", "bad-tags", True, _bad_tags),
    Mutation("unknown-field", "unknown-field", True, _unknown_field),
    Mutation("event-type-mismatch", "event-type-mismatch", True, _event_type_mismatch),
    Mutation("disorder-type-mismatch", "disorder-type-mismatch", True, _disorder_type_mismatch),
    Mutation("year-mismatch", "year-mismatch", False, _year_mismatch),
    Mutation("interaction-mismatch", "interaction-mismatch", False, _interaction_mismatch),
    Mutation("actor2-inter2-mismatch", "actor2-inter2-mismatch", True, _actor2_inter2),
    Mutation("one-sided-not-allowed", "one-sided-not-allowed", True, _one_sided,
             lambda sub: not sub.one_sided_allowed),
    Mutation("civilians-not-target", "civilians-not-target", True, _civilians_not_target,
             lambda sub: sub.actor2_category is not None),
    Mutation("civilian-targeting-not-allowed", "civilian-targeting-not-allowed", True,
             _civilian_targeting_not_allowed, lambda sub: not sub.civilian_targeting_allowed),
    Mutation("iso-mismatch", "iso-mismatch", False, _iso_mismatch),
    Mutation("region-mismatch", "region-mismatch", False, _region_mismatch),
)}


def mutations(inter: InterStyle = "any", names: Iterable[str] | None = None) -> st.SearchStrategy[Broken]:
    """Valid records from :func:`acled_records` with exactly one rule broken by one of ``names`` (default: all
    of :data:`MUTATIONS`), drawn only from sub-event types where that rule can be broken."""
    chosen = [MUTATIONS[name] for name in (names if names is not None else MUTATIONS)]
    subs = [s.name for s in acled_codebook().sub_event_types if any(m.applies(s) for m in chosen)]
    return _broken(acled_records(inter, subs), chosen)


@st.composite
def _broken(draw: st.DrawFn, records: st.SearchStrategy[Record], chosen: list[Mutation]) -> Broken:
    cb = acled_codebook()
    record = draw(records)
    sub = _sub(cb, record)
    mutation = draw(st.sampled_from([m for m in chosen if m.applies(sub)]))
    field, broken = mutation.apply(draw, cb, dict(record))
    return Broken(broken, mutation.code, field, mutation.schema_can_express, mutation.name)
