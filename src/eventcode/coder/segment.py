"""Segmentation: ACLED's one event per place and day (and actor pair), built from the sentences of a report.

A sentence with a trigger opens an event for each day it states, at the place it names; a sentence that states
neither continues the event before it. The sub-event type of an event is the first of its triggers in ACLED's
hierarchy order whose cues are present (the hierarchy rule for merging). Aggregate claims, quoted statements and
negated or threatened actions make no event; they are kept as ``not_coded`` with the reason.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date

from eventcode.codebook import acled_codebook
from eventcode.coder import triggers as trig
from eventcode.coder.actors import ARMED, CIVILIANS, STATE_FORCES, ActorMention, claims, front_sides
from eventcode.coder.codebook import lexicon
from eventcode.coder.dates import DateMention, undated_day
from eventcode.coder.numbers import Count
from eventcode.coder.places import PlaceMention
from eventcode.coder.sentences import Sentence


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What one sentence says: its triggers, dates, places, actors and counts of dead and injured."""

    sentence: Sentence
    triggers: tuple[trig.Trigger, ...]
    blocked: tuple[trig.Trigger, ...]
    statement: str | None
    dates: tuple[DateMention, ...]
    places: tuple[PlaceMention, ...]
    actors: tuple[ActorMention, ...]
    counts: tuple[Count, ...]
    aggregate: str | None
    undated: bool
    casualties_only: bool = False
    abroad: str | None = None


@dataclass
class Group:
    """The sentences of one candidate event, with its day and place."""

    day: date
    precision: int
    undated: bool
    date_mention: DateMention | None
    place: PlaceMention | None
    strategic: bool
    fallback: PlaceMention | None = None
    abroad: str | None = None
    sentences: list[SentenceFacts] = field(default_factory=list)
    context: list[SentenceFacts] = field(default_factory=list)

    @property
    def triggers(self) -> list[trig.Trigger]:
        return [t for s in self.sentences for t in s.triggers]

    def key(self) -> tuple[date, str, bool, str]:
        return self.day, place_key(self.place), self.strategic, self.abroad or ""


@dataclass(frozen=True, slots=True)
class NotCoded:
    """A sentence that makes no event, and why."""

    sentence: Sentence
    reason: str


@functools.lru_cache(maxsize=1)
def _near_words() -> re.Pattern[str]:
    """Words before a town that place an event near it, not in it (lexicon ``near``): ACLED's geo_precision 2."""
    words = "|".join(lexicon().near)
    return re.compile(rf"\b(?:{words})\s+(?:the\s+(?:town|city|village)\s+of\s+)?$" if words else "(?!)",
                      re.IGNORECASE)


def _near(place: PlaceMention | None, f: SentenceFacts) -> PlaceMention | None:
    """A known town named after "near" or "outside" is geo_precision 2."""
    if place is None or place.place is None or place.geo_precision != 1:
        return place
    before = f.sentence.text[max(0, place.start - f.sentence.start - 40):place.start - f.sentence.start]
    return replace(place, geo_precision=2) if _near_words().search(before) else place


def place_key(place: PlaceMention | None) -> str:
    """The name an event's place is compared by: the gazetteer's location, else the words of the report."""
    if place is None:
        return ""
    return place.place.location if place.place else place.text


def _best_place(places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    """A sentence's place of its event: a known place the note says the event is coded to, else one named with its
    admin areas beside it ("between Wolmaransstad to Bloemhof (Lekwa-Teemane, North West)", "in Puente de Ixtla,
    Morelos, ... in colonia Loma Linda": ACLED's notes so name the place coded), then the most precise known
    place, then the first; else the first unknown name."""
    known = [p for p in places if p.place is not None]
    if known:
        return min(known, key=lambda p: (not p.coded, not p.qualified, p.geo_precision, p.start))
    return places[0] if places else None


@functools.lru_cache(maxsize=1)
def _free_types() -> frozenset[str]:
    """The sub-event types whose event type needs no actors (strategic developments)."""
    roles = lexicon().actor_roles
    return frozenset(s.name for s in acled_codebook().sub_event_types if roles[s.event_type] == "free")


def _strategic(facts: SentenceFacts) -> bool:
    names = {t.sub_event_type for t in facts.triggers}
    return bool(names) and names <= _free_types()


def _account(f: SentenceFacts) -> bool:
    """Whether a quoted sentence is a source's account of an event, not a statement: it counts dead or injured at a
    place or on a day ("'Six civilians were killed in Jisr al-Shughur,' the monitor said")."""
    return bool(f.places or f.dates) and any(c.kind in ("killed", "injured") and c.value for c in f.counts)


def segment(facts: list[SentenceFacts], published: date, statements: bool = False,
            report_day: DateMention | None = None, since: date | None = None) -> tuple[list[Group], list[NotCoded]]:
    """Group the sentences of a report into candidate events (in the order they are first reported).

    ``statements``: code quoted statements, statements and aggregate claims too (by default they make no event
    and are returned as not coded). ``report_day``: the day the report is about, for a sentence that opens an
    event with no day of its own and no vague time word, told before that day is first given (a headline, a
    lede); other such sentences are undated. ``since``: the first day of recent events; a sentence does not take
    its place from an event before it (background)."""
    groups: list[Group] = []
    by_key: dict[tuple[date, str, bool, str], Group] = {}
    not_coded: list[NotCoded] = []
    current: list[Group] = []
    after_aggregate = False
    last_area: PlaceMention | None = None
    last_town: PlaceMention | None = None
    lead: SentenceFacts | None = None
    for f in facts:
        known = [p for p in f.places if p.place is not None]
        last_area = next((p for p in known if p.geo_precision == 2), last_area)
        last_town = next((p for p in known if p.geo_precision == 1), last_town)
        if statements:
            f = replace(f, sentence=replace(f.sentence, quoted=False), aggregate=None, statement=None)
        if f.sentence.quoted and not _account(f):
            if f.triggers:
                not_coded.append(NotCoded(f.sentence, "quoted statement"))
            continue
        if f.aggregate:
            not_coded.append(NotCoded(f.sentence, f"aggregate claim or ongoing condition ({f.aggregate!r})"))
            after_aggregate = True
            continue
        if f.statement and f.triggers:
            not_coded.append(NotCoded(f.sentence, f"statement ({f.statement!r})"))
            continue
        own_place = _near(_best_place(f.places), f)
        if after_aggregate and not f.dates and (own_place is None or own_place.place is None):
            if f.triggers:
                not_coded.append(NotCoded(f.sentence, "continues an aggregate claim"))
            continue
        after_aggregate = False
        if not f.triggers:
            if f.blocked:
                reasons = sorted({t.blocked for t in f.blocked})
                not_coded.append(NotCoded(f.sentence, f"{' and '.join(reasons)}: not an event that happened"))
                if not current and f.dates:
                    lead = f  # "On 6 June, in Campinas, gunmen tried to abduct a man. They fired shots in the air."
            elif current and (f.counts or any(claims(a, f.sentence.text, f.sentence.start) for a in f.actors)):
                current[-1].context.append(f)  # its dead, or who claimed it ("Authorities blamed the MNDAA.")
            elif current and current[-1].place is None and _best_place(f.places) is not None \
                    and not f.statement and not f.sentence.quoted:
                # "Prosecutors detained a cartel leader." "The raids occurred in the town of Salinas Victoria.": the
                # sentence that goes on telling an event placed nowhere places it
                for group in current:
                    group.place = _best_place(f.places)
                    group.context.append(f)
            elif not current and f.dates:
                lead = f  # "On 9 January, VDP pursued JNIM militants. Three militants were killed."
            continue
        # An opening sentence that names no event but says when, where and who ("On 9 January, VDP pursued JNIM
        # militants.") opens the event of the next sentence that has no day of its own ("Three were killed.").
        opening = lead if lead is not None and not current and not f.dates and not f.undated else None
        lead = None
        strategic = _strategic(f)
        last = current[-1] if current else None
        if last is not None and f.casualties_only and (own_place is None or own_place.place is None) \
                and (not f.dates or since is None or last.day >= since):
            # "The victim died on 15 February": a death or injury reported after an event belongs to it (a dated
            # one not to background: "during a 2014 insurrection ... On Wednesday gunmen killed two").
            last.sentences.append(f)
            continue
        # A name no gazetteer knows ("1 from Al Hamim") is too unsure to part a sentence from the event before it.
        same_place = own_place is None or (last is not None and (
            place_key(own_place) == place_key(last.place) or (own_place.place is None and not f.dates)))
        if last is not None and not f.dates and same_place and not f.undated and strategic == last.strategic:
            last.sentences.append(f)
            continue
        days: list[tuple[date, int, bool, DateMention | None]] = []
        if f.dates:
            seen = set()
            for d in _event_dates(f):
                if d.day not in seen:
                    seen.add(d.day)
                    days.append((d.day, d.precision, False, d))
        elif last is not None and same_place and not f.undated:
            days.append((last.day, last.precision, last.undated, last.date_mention))
        elif opening is not None:
            opened = _event_dates(opening)[0]
            days.append((opened.day, opened.precision, False, opened))
            own_place = own_place or _best_place(opening.places)
        elif report_day is not None and not f.undated and f.sentence.start < report_day.start:
            days.append((report_day.day, report_day.precision, False, report_day))
        else:
            day, precision, _ = undated_day(f.sentence.text, published)
            days.append((day, precision, True, None))
        inherited = last.place if last is not None and (since is None or last.day >= since) else None
        # An unknown place is coded to a township named before it, or to a town when it is said to be near one.
        fallback = replace(last_town, geo_precision=2) if last_town is not None and trig.nearby(f.sentence.text) \
            else last_area
        place = own_place if own_place is not None else inherited
        current = []
        previous_end = f.sentence.start
        for day, precision, undated, mention in days:
            here = place
            if len(days) > 1 and mention is not None:
                inside = tuple(p for p in f.places if previous_end <= p.start < mention.end)
                here = _best_place(inside) or place
                previous_end = mention.end
            group = Group(day, precision, undated, mention, here, strategic, fallback, f.abroad)
            existing = by_key.get(group.key())
            if existing is None:
                by_key[group.key()] = group
                groups.append(group)
                existing = group
            if opening is not None and opening not in existing.sentences:
                existing.sentences.append(opening)
            existing.sentences.append(f)
            current.append(existing)
    return groups, not_coded


_RESTATED = re.compile(r"^\s*\(\s*$")
_COORDINATED = re.compile(r"^\W*(?:and|or|to|then)?\W*(?:on|from|until)?\W*$", re.IGNORECASE)


def _event_dates(f: SentenceFacts) -> list[DateMention]:
    """The dates of a sentence that date events: the first, and each later one that is coordinated with the one
    before ("on October 31 and November 1") or has a trigger or a place of its own ("the Gangdau Yang outpost on
    October 31"); the others ("On 3 March, ... the war, which began on 24 February") are background. When the
    sentence opens with its date, what follows a date is its own; otherwise what precedes it."""
    kept = [f.dates[0]]
    base = f.sentence.start
    own = [*(t.start for t in f.triggers), *(p.start for p in f.places)]
    leading = all(start >= f.dates[0].end for start in own)
    bounds = [*(d.start for d in f.dates[1:]), f.sentence.end]
    for i, (previous, d) in enumerate(zip(f.dates, f.dates[1:], strict=False)):
        between = f.sentence.text[previous.end - base:d.start - base]
        if _RESTATED.match(between):
            continue  # "Around 2 May 2020 (from 2 - 4 May)": the same day told again
        span = (d.end, bounds[i + 1]) if leading else (previous.end, d.start)
        if _COORDINATED.match(between) or any(span[0] <= start < span[1] for start in own):
            kept.append(d)
    return kept


def choose(group: Group, label: str | None, country: str = "",
           report_cues: frozenset[str] = frozenset()) -> tuple[str, trig.Trigger | None]:
    """The sub-event type of a group by ACLED's hierarchy, and the trigger that decided it.

    A note label ("Arrests:") decides first. A type needs as many armed actors as its ``min_armed`` (two for
    Battles, one for an intervention in a protest); failing that, the next type in the hierarchy is tried, and if
    none qualifies the first whose cues are present is taken. In a country at war (actors.yaml ``fronts``), words
    that say both sides fought ("in both directions") make a battle with no side named: the war's sides.
    ``report_cues``: the report's cue groups that hold for all its events (lexicon ``report_wide_cues``).
    """
    text = " ".join(s.sentence.text for s in group.sentences)
    present = trig.cues(text) | report_cues
    found = group.triggers
    if label:
        for t in found:
            if t.sub_event_type == label:
                return label, t
        return label, None
    # a country's forces are one side however many of its units the report names ("police", "military police")
    armed = {a.home if a.inter in STATE_FORCES and a.home else a.name
             for s in group.sentences for a in s.actors if a.inter in ARMED}
    state = {a.name for s in group.sentences for a in s.actors if a.inter in STATE_FORCES}
    civilians = any(a.inter == CIVILIANS for s in group.sentences for a in s.actors)
    first_allowed: tuple[str, trig.Trigger] | None = None
    by_type: dict[str, list[trig.Trigger]] = {}
    for t in found:
        by_type.setdefault(t.sub_event_type, []).append(t)
    for name in trig.hierarchy():
        hits = by_type.get(name)
        if not hits or not trig.allowed(name, present):
            continue
        first_allowed = first_allowed or (name, hits[0])
        entry = lexicon().sub_event_types[name]
        counted = state if entry.armed_are_state else armed
        sides = bool(armed) or (bool(country) and front_sides(country, group.day) is not None) \
            or lexicon().unnamed_sides in present  # "a gun battle between two rival groups"
        implied = bool(entry.state_implied_by) and entry.state_implied_by in present
        if len(counted) < entry.min_armed and not implied and not (sides and trig.mutual(name, hits, present,
                                                                                         civilians)):
            continue
        return name, hits[0]
    if first_allowed is not None:
        return first_allowed
    # cues that rule out every type suggested ("a mob of angry students protested"): the lexicon's first fallback
    # type that a trigger suggests
    fallback = next((t for name in lexicon().ruled_out_fallbacks for t in found if t.sub_event_type == name), None)
    return (fallback.sub_event_type, fallback) if fallback is not None else ("", None)


def absorb_undated(groups: list[Group], chosen: dict[int, str]) -> tuple[list[Group], set[int]]:
    """Drop from an undated event the triggers of its leading type when an event of that type is coded on a
    stated day at the same place (in the same country): an undated mention ("the junta responded with airstrikes")
    of a dated event is that event, not another. What else the undated sentences report stays an event of its own.

    Returns the groups kept and the ids of those whose triggers changed."""
    kept: list[Group] = []
    changed: set[int] = set()
    for group in groups:
        if group.undated:
            dated = {chosen[id(g)] for g in groups if not g.undated and not g.abroad
                     and place_key(g.place) == place_key(group.place)}
            dated &= {chosen[id(group)]}
            if dated:
                group.sentences = [replace(s, triggers=tuple(t for t in s.triggers if t.sub_event_type not in dated))
                                   for s in group.sentences]
                group.sentences = [s for s in group.sentences if s.triggers]
                changed.add(id(group))
                if not group.sentences:
                    continue
        kept.append(group)
    return kept, changed
