"""The user's own data as context for the coder: gazetteers and actor dictionaries, each either in the project's
YAML form or read from an ACLED export (CSV of any generation).

An export as a gazetteer: each distinct location of a country (with its admin1-3) is a place, at its most common
point and geo_precision, ranked among places of one name by its number of events. An export as an actor
dictionary: each actor1/actor2 name with its most frequent ACLED category (the others noted); a name ACLED only
gave as an associated actor stands for the armed main actor it was most often associated with. Names are looked for in a
report as ACLED spells them, without their "(Country)" and "(period)" parts, and by the parts of "ACRONYM: Full
Name" and "Name - Faction"; ACLED's generic names ("Civilians (Nigeria)", "Military Forces of Nigeria
(2015-2023)") are not, but the state forces' names tell which name of a force is in force on a day.

Exports are read with the validator's readers (pyarrow for speed, Python's csv module where pyarrow cannot), and a
broken one is refused with the validator's issues.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventcode.codebook import acled_codebook, load_model
from eventcode.coder.codebook import (
    ActorFile,
    Area,
    Gazetteer,
    Place,
    actors,
    context_words,
    load_gazetteer,
)
from eventcode.errors import InputError
from eventcode.formats.acled_read import (
    BadRow,
    CsvFile,
    HeaderError,
    Unparsed,
    is_blank_row,
    read_batches,
)
from eventcode.issues import Issue
from eventcode.rules import DAY_MONTH_YEAR, parse_date

#: Columns read for each kind of context.
PLACE_COLUMNS = ("country", "location", "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision")
ACTOR_COLUMNS = ("country", "actor1", "inter1", "actor2", "inter2", "assoc_actor_1", "assoc_actor_2")
#: Issues shown when an export is refused (the count covers all).
SHOWN = 10


class ContextError(InputError):
    """A context file that cannot be used: the validator's issues, each naming file, line, field and rule."""

    def __init__(self, path: Path, issues: Sequence[Issue], total: int | None = None) -> None:
        total = len(issues) if total is None else total
        shown = "\n".join(f"  {issue}" for issue in issues[:SHOWN])
        more = f"\n  ... and {total - SHOWN:,} more" if total > SHOWN else ""
        super().__init__(f"{path}: cannot be used as context: {total:,} problem(s)\n{shown}{more}")
        self.issues = tuple(issues)


@dataclass(frozen=True, slots=True)
class ContextActor:
    """An actor of the user's context: ACLED's name and category, where ACLED coded it, and how a report names it
    (``forms``: literal, case-sensitive; ``patterns``: regular expressions, case-insensitive)."""

    name: str
    inter: int
    country: str
    events: int = 0
    forms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    start: date | None = None
    until: date | None = None
    note: str = ""

    def active(self, day: date) -> bool:
        """Whether the name applies on ``day``."""
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class SeenForce:
    """A state force's name as an export gives it, with the first and last day it was coded under that name."""

    country: str
    kind: str
    name: str
    first: date
    last: date
    events: int


@dataclass(frozen=True)
class ActorContext:
    """The actors of the user's context files, and the state forces' names seen in them."""

    actors: tuple[ContextActor, ...] = ()
    forces: tuple[SeenForce, ...] = ()
    notes: tuple[str, ...] = ()
    by_form: dict[str, tuple[ContextActor, ...]] = field(default_factory=dict, compare=False)

    @staticmethod
    def merge(parts: Iterable[ActorContext]) -> ActorContext:
        """One context of several files' (among actors of one form, a coder takes the one with the most events)."""
        items = list(parts)
        found = [a for part in items for a in part.actors]
        by_form: dict[str, list[ContextActor]] = defaultdict(list)
        for actor in found:
            for form in actor.forms:
                by_form[form].append(actor)
        return ActorContext(tuple(found), tuple(f for part in items for f in part.forces),
                            tuple(n for part in items for n in part.notes),
                            {form: tuple(entries) for form, entries in by_form.items()})


# ---- detection and YAML -----------------------------------------------------------------------------------------

def is_export(path: Path) -> bool:
    """Whether ``path`` is an ACLED export: a ``.csv`` name, or a first line naming ``event_id_cnty``."""
    if path.suffix.lower() == ".csv":
        return True
    try:
        with path.open("rb") as handle:
            head = handle.readline(4096)
    except OSError:
        return False
    return b"event_id_cnty" in head and b"," in head


def read_gazetteers(path: str | Path) -> tuple[Gazetteer, ...]:
    """The gazetteers of one file: a YAML gazetteer, or one per country of an ACLED export."""
    path = Path(path)
    if not is_export(path):
        return (load_gazetteer(path),)
    return export_gazetteers(path)


def read_actors(path: str | Path) -> ActorContext:
    """The actors of one file: a YAML dictionary (``named`` entries, as in ``actors.yaml``) or an ACLED export."""
    path = Path(path)
    if is_export(path):
        return export_actors(path)
    book = load_model(path, ActorFile)
    return ActorContext.merge([ActorContext(tuple(
        ContextActor(entry.name, entry.inter, entry.country, forms=entry.acronyms, patterns=entry.aliases,
                     start=entry.start, until=entry.until) for entry in book.named))])


# ---- reading an export ------------------------------------------------------------------------------------------

#: Each distinct combination of the columns read: its rows, and the first and last event_date among them
#: (ISO; "" when not asked for).
Table = dict[tuple[str, ...], tuple[int, str, str]]


def _count(path: Path, columns: Sequence[str], span: str | None = None) -> Table:
    """How many rows of the export hold each distinct combination of ``columns`` (and, with ``span``, the first
    and last day of that date column among them); a broken export raises ContextError with the validator's
    issues, a date that is none a ContextError naming it."""
    try:
        source = CsvFile(path)
    except HeaderError as exc:
        raise ContextError(path, [Issue("bad-header", str(exc).split(": ", 1)[1], None, None, exc.closest,
                                        file=str(path), line=1)]) from None
    with source:
        try:
            return _count_fast(source, columns, span)
        except Unparsed:
            pass
    with CsvFile(path) as source:
        return _count_slow(source, columns, span)


#: Rows grouped at a time while an export is read (the groups are merged at the end).
GROUP_ROWS = 1 << 18


def _iso_days(values: Any) -> Any:
    """A text column of ACLED dates (2023-11-01, 01 November 2023, 20231101) as ISO dates; null where none. A
    column all of ISO's shape is kept as it is (its first and last days are checked when read)."""
    import pyarrow.compute as pc

    if pc.all(pc.match_like(values, "____-__-__")).as_py():
        return values
    parsed = [pc.strptime(values, format=f, unit="s", error_is_null=True) for f in ("%Y-%m-%d", DAY_MONTH_YEAR,
                                                                                   "%Y%m%d")]
    return pc.strftime(pc.coalesce(*parsed), format="%Y-%m-%d")


def _count_fast(source: CsvFile, columns: Sequence[str], span: str | None) -> Table:
    import pyarrow as pa
    import pyarrow.compute as pc

    names = list(columns)
    pending: list[Any] = []
    grouped: list[Any] = []
    bad: list[Issue] = []
    blank = pa.scalar("", pa.string())
    merge_span = span is not None

    spans = [("first", "min"), ("last", "max")] if merge_span else []

    def group(tables: list[Any], merge: bool) -> Any:
        table = pa.concat_tables(tables)
        aggregate: list[tuple[Any, str]] = [("n", "sum"), *spans] if merge else \
            [([], "count_all"), *(("day", kind) for _name, kind in spans)]
        return table.group_by(names, use_threads=False).aggregate(aggregate).rename_columns(
            [*names, "n", *(name for name, _kind in spans)])

    def flush() -> None:
        if pending:
            grouped.append(group(pending, merge=False))
            pending.clear()

    for item in read_batches(source):
        if isinstance(item, BadRow):
            bad.append(_wrong_fields(source.path, item.line, item.number, item.fields, len(source.header)))
            continue
        empty = pa.array([""] * item.num_rows, pa.string())
        arrays = [item.columns[name] if item.columns[name] is not None else empty for name in names]
        days = empty if span is None or item.columns[span] is None else _iso_days(item.columns[span])
        if span is not None and days.null_count:
            undated = pc.indices_nonzero(pc.and_(pc.is_null(days), pc.not_equal(item.columns[span], blank)))
            if len(undated):
                at = undated[0].as_py()
                value = item.columns[span][at].as_py()
                raise ContextError(source.path, [Issue("bad-date", f"{value!r} is not a date", span, value,
                                                       file=str(source.path), record=item.records[at].as_py(),
                                                       line=item.lines[at].as_py())])
        pending.append(pa.table([*arrays, days], names=[*names, "day"]) if span else pa.table(arrays, names=names))
        if sum(t.num_rows for t in pending) >= GROUP_ROWS:
            flush()
    flush()
    if bad:
        raise ContextError(source.path, bad)
    if not grouped:
        return {}
    final = group(grouped, merge=True) if len(grouped) > 1 else grouped[0]
    values = [final.column(name).to_pylist() for name in names]
    counts = final.column("n").to_pylist()
    blanks = [""] * len(counts)
    firsts, lasts = ([final.column(name).to_pylist() for name in ("first", "last")] if span else (blanks, blanks))
    return {key: (n, first or "", last or "") for key, n, first, last in zip(zip(*values, strict=True), counts,
                                                                              firsts, lasts, strict=True)}


def _count_slow(source: CsvFile, columns: Sequence[str], span: str | None) -> Table:
    counts: dict[tuple[str, ...], tuple[int, str, str]] = {}
    bad: list[Issue] = []
    width = len(source.header)
    for row in source.rows():
        if row.too_large is not None:
            bad.append(Issue("field-too-large", row.too_large.reason, row.too_large.field, file=str(source.path),
                             record=row.number, line=row.line))
        elif is_blank_row(row.fields, width):
            continue
        elif len(row.fields) != width:
            bad.append(_wrong_fields(source.path, row.line, row.number, len(row.fields), width))
        else:
            record = source.record(row.fields)
            key = tuple(record[name] for name in columns)
            text = "" if span is None else record[span]
            day = _iso(text) if text.strip() else ""
            if day is None:
                raise ContextError(source.path, [Issue("bad-date", f"{text!r} is not a date", span, text,
                                                       file=str(source.path), record=row.number, line=row.line)])
            n, first, last = counts.get(key, (0, day, day))
            counts[key] = (n + 1, min(first, day) if first else day, max(last, day))
    if bad:
        raise ContextError(source.path, bad)
    return counts


@functools.lru_cache(maxsize=1 << 14)
def _iso(text: str) -> str | None:
    day = parse_date(text)
    return None if day is None else day.isoformat()


def _wrong_fields(path: Path, line: int, record: int, fields: int, expected: int) -> Issue:
    return Issue("wrong-field-count", f"the row has {fields} fields, the header {expected}", None, fields,
                 str(expected), file=str(path), record=record, line=line)


def _refuse(path: Path, problems: list[tuple[str, str, str]]) -> None:
    """Refuse an export whose values break rules: the validator's issues of the fields read, with their lines."""
    if not problems:
        return
    from eventcode.validate import Options, validate_csv

    fields = {name for name, _value, _rule in problems}
    report = validate_csv(path, Options(limit_errors=None))
    issues = [i for i in report.issues if i.severity == "error" and i.field in fields]
    if not issues:  # a value the validator accepts but context cannot use (an empty location)
        issues = [Issue("missing-value" if not value else "wrong-type", f"{rule}: {value!r}", name, value,
                        file=str(path)) for name, value, rule in problems]
    raise ContextError(path, issues, len(issues))


@functools.lru_cache(maxsize=1)
def _categories() -> dict[str, int]:
    cb = acled_codebook()
    table = {str(c.code): c.code for c in cb.actor_categories}
    table.update(cb.category_by_label)
    return table


def _inter(value: str) -> int | None:
    return _categories().get(value.strip().casefold())


def export_gazetteers(path: str | Path) -> tuple[Gazetteer, ...]:
    """One gazetteer per country of an ACLED export: each distinct location with its admin1-3 is a place at its
    most common point and geo_precision; ``events`` counts its rows."""
    path = Path(path)
    counts = _count(path, PLACE_COLUMNS)
    registry = acled_codebook().country_registry
    points: dict[tuple[str, ...], Counter[tuple[float, float]]] = defaultdict(Counter)
    precisions: dict[tuple[str, ...], Counter[int]] = defaultdict(Counter)
    problems: list[tuple[str, str, str]] = []
    for (country, location, admin1, admin2, admin3, lat, lon, precision), (n, _first, _last) in counts.items():
        if not (country or location):
            continue  # a blank row
        try:
            point = (float(lat), float(lon))
        except ValueError:
            problems.append(("latitude" if not _is_number(lat) else "longitude", lat if not _is_number(lat) else lon,
                             "not a number"))
            continue
        if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
            problems.append(("latitude", lat, "coordinate out of range"))
            continue
        if precision.strip() not in ("1", "2", "3"):
            problems.append(("geo_precision", precision, "not 1, 2 or 3"))
            continue
        if country not in registry:
            problems.append(("country", country, "not an ACLED country"))
            continue
        if not location.strip():
            problems.append(("location", location, "no location"))
            continue
        place = (country, location.strip(), admin1, admin2, admin3)
        points[place][point] += n
        precisions[place][int(precision)] += n
    _refuse(path, problems)
    by_country: dict[str, list[Place]] = defaultdict(list)
    for key, seen in points.items():
        country, location, admin1, admin2, admin3 = key
        (lat_, lon_), _ = seen.most_common(1)[0]
        # checked above: built without validating again (an export has 100,000s of places)
        by_country[country].append(Place.model_construct(
            location=location, admin1=admin1, admin2=admin2, admin3=admin3, latitude=lat_, longitude=lon_,
            aliases=_place_aliases(location), geo_precision=precisions[key].most_common(1)[0][0],
            events=sum(seen.values())))
    return tuple(Gazetteer.model_construct(version="export", country=country, sources=(str(path),),
                                           places=tuple(places), areas=export_areas(country, places))
                 for country, places in sorted(by_country.items()))


#: The geo_precision of an event placed only by the admin2 or admin3 area a report names (ACLED's "near a town"
#: or "part of a district").
AREA_PRECISION = 2
#: ... and by the admin1 area alone (ACLED's "region" precision).
REGION_PRECISION = 3


def export_areas(country: str, places: Sequence[Place]) -> tuple[Area, ...]:
    """The admin3, admin2 and admin1 areas of an export's places, each coded to its place with the most events:
    where a report names a village no gazetteer knows and its district ("Gwalo (Paikoro, Niger)"), the event is
    placed at the export's busiest place of that district with geo_precision 2, as ACLED codes an unfound village
    to a known place near it; where it names only an admin1 area the world gazetteer does not know
    ("Sabaragamuwa"), at the busiest place of that area with geo_precision 3. An area is left out where its name is
    already a place: one of the export's, a town of the world gazetteer in the area's admin1 (the admin centre,
    ACLED's choice), an admin1 area of the world gazetteer, or words that are no place on their own. Of areas of
    one name, the smallest comes first (an admin3 before an admin2)."""
    from eventcode.coder.places import may_be_a_place
    from eventcode.coder.world import country_index, fold

    index = country_index(country)
    named = {name for p in places for name in (p.location, *p.aliases)}
    busiest: dict[tuple[str, str], tuple[int, Place, str]] = {}
    for rank, level in enumerate(("admin3", "admin2", "admin1")):
        for place in places:
            name: str = getattr(place, level)
            if not name:
                continue
            area = (fold(name), place.admin1)
            seen = busiest.get(area)
            if seen is None or (rank, -place.events) < (seen[0], -seen[1].events):
                busiest[area] = (rank, place, name)
    areas = []
    for (key, admin1), (rank, place, name) in busiest.items():
        if name in named or not may_be_a_place(name) or (index is not None and (key in index.areas or any(
                t.admin1 == admin1 for t in index.places.get(key, ())))):
            continue
        areas.append(Area.model_construct(names=(name,), location=place.location,
                                          geo_precision=REGION_PRECISION if rank == 2 else AREA_PRECISION,
                                          admin1=admin1))
    return tuple(areas)


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _place_aliases(location: str) -> tuple[str, ...]:
    found = []
    for pattern in context_words().place_aliases:
        m = re.fullmatch(pattern, location)
        if m and m.group("name").strip() and m.group("name").strip() != location:
            found.append(m.group("name").strip())
    return tuple(dict.fromkeys(found))


# ---- actors of an export ------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _generic() -> re.Pattern[str]:
    """ACLED's generic names: the generic roles' and state forces' naming patterns and context.yaml's list."""
    book = actors()
    templates = {str(k): v for k, v in book.state_force_names.items()}
    parts = list(context_words().generic_names)
    for text in (*templates.values(), *(g.name for g in book.generic)):
        for kind, template in templates.items():
            text = text.replace("{" + kind + "}", template)
        parts.append(re.escape(text).replace(re.escape("{country}"), ".+"))
    return re.compile("(?:" + "|".join(parts) + ")")


_PERIOD = re.compile(r" \((?P<from>\d{4})-(?P<until>\d{4})?\)")


def bare_name(name: str) -> str:
    """An actor's name without its trailing "(Country)" and "(period)" parts: "Islamic State (Nigeria)" ->
    "Islamic State", "Military Forces of Nigeria (2015-2023)" -> "Military Forces of Nigeria"."""
    registry = acled_codebook().country_registry
    while True:
        m = re.fullmatch(r"(?P<base>.+?) \((?P<inside>[^()]+)\)", name)
        if m is None or not (m.group("inside") in registry or _PERIOD.fullmatch(f" ({m.group('inside')})")):
            return name
        name = m.group("base")


def is_generic(name: str) -> bool:
    """Whether an ACLED actor name is one of its generic names, found by the coder's roles, not as text."""
    return bool(_generic().fullmatch(bare_name(name)) or _generic().fullmatch(name))


def forms(name: str) -> tuple[str, ...]:
    """How a report names an actor ACLED calls ``name``: its bare name, the parts of "ACRONYM: Full Name" (and
    of "KIO/KIA"), and the part before " - " ("Boko Haram - Jamaatu ..." -> "Boko Haram"); none for a generic
    name or a part that is a country or one of its adjectives."""
    from eventcode.coder.actors import demonym_country

    if is_generic(name):
        return ()
    base = bare_name(name)
    found = [base]
    if ": " in base:
        acronym, full = base.split(": ", 1)
        found += [acronym, full, *(p for p in acronym.split("/") if "/" in acronym),
                  *(p for p in full.split("/") if "/" in full)]
    if " - " in base:
        found.append(base.split(" - ", 1)[0])
    registry = acled_codebook().country_registry
    kept = [f.strip() for f in found if len(f.strip()) >= 2 and any(c.isupper() for c in f)]
    return tuple(dict.fromkeys(f for f in kept if f not in registry and demonym_country(f) is None
                               and not is_generic(f)))


def _force(name: str) -> tuple[str, str] | None:
    """The country and kind (military, police) of a state force's name ("Military Forces of Nigeria
    (2015-2023)"), or None (also for a unit's: "Military Forces of Myanmar (2021-) Border Guard Force")."""
    names = actors().state_force_names
    for kind in ("military", "police"):
        prefix = names[kind].split("{country}")[0]
        if name.startswith(prefix):
            rest = name[len(prefix):]
            m = re.fullmatch(r"(?P<country>.+?)(?: \(\d{4}-(?:\d{4})?\))?", rest)
            if m and m.group("country") in acled_codebook().country_registry:
                return m.group("country"), kind
    return None


def export_actors(path: str | Path) -> ActorContext:
    """The actor dictionary of an ACLED export (see the module's docstring). A name ACLED gives only as an
    associated actor stands for its main actor where that is an armed one ("Operation X" of a military) and the
    dictionary does not know the name itself; a party or union associated with protesters, rioters or civilians is
    left to the coder's roles, as its members may be either."""
    from eventcode.coder.actors import ARMED, named_entries
    path = Path(path)
    counts = _count(path, ACTOR_COLUMNS, span="event_date")
    main: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    spans: dict[tuple[str, str, int], tuple[date, date]] = {}
    assoc: dict[tuple[str, str], Counter[tuple[str, int]]] = defaultdict(Counter)
    problems: list[tuple[str, str, str]] = []
    registry = acled_codebook().country_registry
    for (country, actor1, inter1, actor2, inter2, assoc1, assoc2), (n, first_day, last_day) in counts.items():
        if not country and not actor1:
            continue
        if country not in registry:
            problems.append(("country", country, "not an ACLED country"))
            continue
        try:
            seen_from, seen_to = date.fromisoformat(first_day), date.fromisoformat(last_day)
        except ValueError:
            problems.append(("event_date", first_day or last_day, "not a date"))
            continue
        for actor, inter_text, column, associated in ((actor1, inter1, "inter1", assoc1),
                                                      (actor2, inter2, "inter2", assoc2)):
            if not actor.strip():
                continue
            inter = _inter(inter_text)
            if inter is None or inter == 0:
                problems.append((column, inter_text, "not an actor category"))
                continue
            main[(country, actor)][inter] += n
            first, last = spans.get((country, actor, inter), (seen_from, seen_to))
            spans[(country, actor, inter)] = (min(first, seen_from), max(last, seen_to))
            for other in (a.strip() for a in associated.split(";")):
                if other:
                    assoc[(country, other)][(actor, inter)] += n
    _refuse(path, problems)
    found: list[ContextActor] = []
    notes: list[str] = []
    forces: list[SeenForce] = []
    for (country, name), seen in sorted(main.items()):
        inter, n = seen.most_common(1)[0]
        note = ""
        if len(seen) > 1:
            others = ", ".join(f"{code} in {k:,}" for code, k in seen.most_common()[1:])
            note = f"ACLED coded {name!r} as category {inter} in {n:,} events, also as {others}"
            notes.append(f"{path}: {note}")
        force = _force(name)
        if force is not None:
            first, last = spans[(country, name, inter)]
            forces.append(SeenForce(force[0], force[1], name, first, last, sum(seen.values())))
        text = forms(name)
        if text:
            found.append(ContextActor(name, inter, country, sum(seen.values()), text, note=note))
    for (country, name), mains in sorted(assoc.items()):
        if (country, name) in main:
            continue
        (actor, code), n = mains.most_common(1)[0]
        text = forms(name)
        if text and code in ARMED and not any(named_entries(f) for f in text):
            found.append(ContextActor(actor, code, country, n, text,
                                      note=f"ACLED gives {name!r} only as an associated actor of {actor!r} "
                                      f"({path.name}): coded as {actor!r}, put {name!r} in its assoc_actor"))
    return ActorContext.merge([ActorContext(tuple(found), tuple(forces), tuple(notes))])

