"""Reading a report as a report: the day it is about, what is background, and one incident told several times.

A news report tells its incident in a headline, again in a lede and in detail in the body, and recalls earlier
months in background paragraphs. ACLED records the incident once, on its day, at its most precise place:

- the report's day is the first day the report gives for something that happened (within ``RECENT_DAYS``
  before publication); a sentence told before it with no day of its own that opens an event (a headline, a
  lede) happened on it;
- an event dated more than ``RECENT_DAYS`` before publication is background, not coded;
- the dateline ("KABUL, Afghanistan (AP) --") says where the report was filed: the place of an event the report
  places nowhere closer, at geo_precision 2 and flagged, never an event's own place;
- an event placed only in a region is placed at the first town (or part of a district) of that region the report
  names later ("in Pakistan's Balochistan province" ... "in the Barkhan area of the province");
- an event told again with a vaguer place (none, an unknown name or only a region) on the same day (or on a day
  where the precise telling gives none), of the same event type as one told with a precise place, is that event;
  so is an event with no day of its own told again, with no day, at the same place and of the same sub-event type
  (it takes the earlier day). Where several precise tellings could be meant, the one that gives the same number
  of dead is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date, timedelta

from eventcode.codebook import acled_codebook
from eventcode.coder.codebook import lexicon, place_words
from eventcode.coder.dates import DateMention
from eventcode.coder.places import PlaceIndex, PlaceMention
from eventcode.coder.record import Record
from eventcode.coder.segment import Group, NotCoded, SentenceFacts, place_key
from eventcode.coder.triggers import hierarchy_rank

#: Events told as happening more than this many days before publication are background: three weeks (every event
#: of the news development set's gold coding is within 10 days of its report, the seed's within 17).
RECENT_DAYS = 21


#: The dateline is looked for at the start of the report's first paragraphs (a headline and a date line may come
#: before it).
_DATELINE_PARAGRAPHS = 4


@functools.lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    return re.compile(place_words().dateline, re.MULTILINE)


def dateline(text: str) -> tuple[int, int] | None:
    """Where the report's dateline lies (start, end), if it has one: the place it was filed from first, then the
    report's date, agency and dash ("Addis Abeba, July 29/2020 \u2013")."""
    start = 0
    for _ in range(_DATELINE_PARAGRAPHS):
        while start < len(text) and text[start].isspace():
            start += 1
        m = _dateline().match(text, start)
        if m is not None and m.group("place") not in place_words().not_places:  # not "News: Armed men kill ..."
            return m.start("place"), m.end()
        start = text.find("\n", start)
        if start < 0:
            return None
    return None


def filed_from(text: str, country: str, places: PlaceIndex) -> PlaceMention | None:
    """The dateline's place in ``country``, as a place for events the report places nowhere closer."""
    span = dateline(text)
    if span is None:
        return None
    found = next((p for p in places.find(text[span[0]:span[1]], country, span[0]) if p.place is not None), None)
    if found is None or found.place is None:
        return None
    return replace(found, geo_precision=2, note=f"the report names no place for this event: coded to its dateline, "
                   f"{found.place.location}, with geo_precision 2")


def report_day(facts: list[SentenceFacts], published: date) -> DateMention | None:
    """The first day the report gives for something that happened, if it is recent."""
    for f in facts:
        if not f.triggers or f.sentence.quoted or f.statement or f.aggregate:
            continue
        for d in f.dates:
            if d.precision <= 2 and published - timedelta(days=RECENT_DAYS) <= d.day <= published:
                return d
    return None


def background(groups: list[Group], published: date) -> tuple[list[Group], list[NotCoded]]:
    """The groups of recent events, and the sentences of earlier ones as not coded."""
    kept: list[Group] = []
    old: list[NotCoded] = []
    for group in groups:
        if group.day < published - timedelta(days=RECENT_DAYS):
            old.extend(NotCoded(s.sentence, f"background: told {(published - group.day).days} days after it "
                                "happened") for s in group.sentences)
        else:
            kept.append(group)
    return kept, old


def told_with_violence(groups: list[Group], chosen: dict[int, str],
                       labelled: Group | None) -> tuple[list[Group], list[NotCoded]]:
    """The groups kept once the strategic developments told at the place and on the day of a violent event
    (lexicon ``told_with_violence``) are folded into its telling; their sentences as not coded. ``labelled``: the
    group whose type a note's label decided, always kept."""
    kinds = lexicon().told_with_violence
    violent = {(g.day, place_key(g.place)) for g in groups if not g.strategic and chosen[id(g)]}
    kept: list[Group] = []
    folded: list[NotCoded] = []
    for group in groups:
        if group is not labelled and group.strategic and chosen[id(group)] in kinds \
                and (group.day, place_key(group.place)) in violent:
            folded.extend(NotCoded(s.sentence, f"{chosen[id(group)].lower()} told with a violent event at the same "
                                   "place and day: part of its telling") for s in group.sentences)
        else:
            kept.append(group)
    return kept, folded


def without_summaries(built: list[tuple[Group, Record]]) -> tuple[list[Record], list[NotCoded]]:
    """The records of a report but those told with neither their day nor a place below a region (time_precision 2,
    geo_precision 3 or none) where the report tells another event precisely (its day and its town): a summary or
    background of the report, not an event of its own; their sentences as not coded."""
    def precise(record: Record) -> bool:
        return record["time_precision"] == 1 and record["geo_precision"] in (1, 2)

    def vague(record: Record) -> bool:
        return record["time_precision"] == 2 and record["geo_precision"] in (3, None)

    if not any(precise(record) for _group, record in built):
        return [record for _group, record in built], []
    kept = [record for _group, record in built if not vague(record)]
    told = [NotCoded(s.sentence, "told with neither its day nor a place below a region in a report that tells "
                     "another event precisely: a summary or background") for group, record in built
            if vague(record) for s in group.sentences]
    return kept, told


def place_the_unplaced(groups: list[Group], filed: PlaceMention | None) -> None:
    """Give the dateline's place to the events that have none; failing one, the report's first known place."""
    unplaced = [group for group in groups if group.place is None and not group.abroad]
    if not unplaced:
        return
    if filed is None:
        first = next((g.place for g in groups if g.place is not None and g.place.place is not None), None)
        if first is not None and first.place is not None:
            filed = replace(first, geo_precision=max(2, first.geo_precision),
                            note=f"the report names no place for this event: coded to the first place it names, "
                            f"{first.place.location}, with geo_precision {max(2, first.geo_precision)}")
    if filed is not None:
        for group in unplaced:
            group.place = filed


def place_where_coded(groups: list[Group], facts: list[SentenceFacts]) -> None:
    """Give the known place a note says its events are coded to, in a sentence of its own ("... through Tadmor in
    Homs. Coded as Tadmor city, Homs for central Syrian desert."), to the events placed elsewhere, where the note
    names one such place."""
    told = {id(s) for group in groups for s in group.sentences}
    coded = {place_key(p): p for f in facts if id(f) not in told for p in f.places if p.coded and p.place is not None}
    if len(coded) != 1:
        return
    (place,) = coded.values()
    for group in groups:
        if not group.abroad and (group.place is None or not group.place.coded):
            group.place = place


def refine_places(groups: list[Group], facts: list[SentenceFacts]) -> None:
    """Place each event told only at a region (geo_precision 3) at the first town, or part of a district, of that
    region named after its first sentence, unless another event is already there."""
    taken = {place_key(g.place) for g in groups}
    for group in groups:
        place = group.place
        if place is None or place.place is None or place.geo_precision < 3:
            continue
        start = group.sentences[0].sentence.start
        town = next((p for f in facts if f.sentence.start > start for p in f.places
                     if p.place is not None and p.geo_precision < 3 and p.place.admin1 == place.place.admin1
                     and place_key(p) not in taken), None)
        if town is not None:
            group.place = replace(town, note=f"the report places the event in {place.text} and later names "
                                  f"{town.text} there: coded to it")
            taken.add(place_key(town))


def _vagueness(group: Group) -> int:
    """0 a known town, 1 near one or part of a district, 2 only a region or an unknown name, 3 no place."""
    place = group.place
    if place is None:
        return 3
    if place.place is None:
        return 2
    return {1: 0, 2: 1}.get(place.geo_precision, 2)


@functools.lru_cache(maxsize=1)
def _event_types() -> dict[str, str]:
    """The event type of each sub-event type."""
    return {s.name: s.event_type for s in acled_codebook().sub_event_types}


@functools.lru_cache(maxsize=1)
def _retold_kinds() -> dict[str, tuple[str, int]]:
    """The kind of event each sub-event type tells, for retellings, with its rank there: its event type and
    ACLED's hierarchy, or for the sub-event types a report may tell of one event in turn (lexicon ``told_as_one``:
    a demonstration that turned violent) their group and its order."""
    rank = hierarchy_rank()
    kinds = {name: (kind, rank[name]) for name, kind in _event_types().items() if name in rank}
    for i, names in enumerate(lexicon().told_as_one):
        kinds.update((name, (f"told as one {i}", j)) for j, name in enumerate(names))
    return kinds


def merge_retellings(groups: list[Group], chosen: dict[int, str]) -> tuple[list[Group], dict[int, int]]:
    """Fold each event told again into the event it retells (``chosen``: the sub-event type of each group by id):
    one told with a vaguer place into the one event of its type and day told with a more precise place (where
    several could be meant, nothing is folded; where none is of its event type, of its kind: a demonstration into
    the riot it turned into, lexicon ``told_as_one``); one with no day into an earlier-listed one with no day of the
    same sub-event type and place. A retelling that gives the day brings it, and its sub-event type where that comes
    first in ACLED's hierarchy ("police on Tuesday fired tear gas", then "demonstrations across the capital" with no
    day, is a protest with intervention). Returns the groups kept, and for each that took in a retelling whose type
    wins, the id of that retelling."""
    event_type, kinds = _event_types(), _retold_kinds()
    kept = list(groups)
    promoted: dict[int, int] = {}
    for group in sorted(groups, key=_vagueness, reverse=True):
        if _vagueness(group) == 0 or not chosen.get(id(group)):
            continue
        near = [g for g in kept if g is not group and (g.day == group.day or g.undated)
                and _vagueness(g) < _vagueness(group) and g.abroad == group.abroad]
        # of its event type, else of its kind (lexicon told_as_one)
        targets = [g for g in near if event_type.get(chosen.get(id(g), "")) == event_type.get(chosen[id(group)])] \
            or [g for g in near if kinds.get(chosen.get(id(g), ""), ("", 0))[0] == kinds[chosen[id(group)]][0]]
        if len(targets) > 1:  # several could be meant: the one that gives the same number of dead
            dead = _dead(group)
            targets = [g for g in targets if dead & _dead(g)]
        if len(targets) == 1:
            target = targets[0]
            # the retelling's type wins where it comes first in its kind and it brings the day, or is of another
            # event type (the violence of a demonstration told at a vaguer place)
            wins = event_type.get(chosen[id(group)]) != event_type.get(chosen.get(id(target), ""))
            if target.undated and not group.undated:
                target.day, target.precision, target.undated = group.day, group.precision, False
                target.date_mention = group.date_mention
                wins = True
            if wins and kinds[chosen[id(group)]][1] < kinds.get(chosen.get(id(target), ""), ("", len(kinds)))[1]:
                promoted[id(target)] = id(group)
                chosen[id(target)] = chosen[id(group)]
            _fold(group, target, kept)
    for group in list(kept):
        same = next((g for g in kept if g is not group and group.undated and g.undated and g.abroad == group.abroad
                     and chosen.get(id(g)) == chosen.get(id(group)) and place_key(g.place) == place_key(group.place)),
                    None)
        if same is not None and group in kept:
            same.day, same.precision = min(same.day, group.day), max(same.precision, group.precision)
            _fold(group, same, kept)
    return kept, promoted


def _dead(group: Group) -> set[int]:
    """The numbers of dead an event's sentences give."""
    return {c.value for s in group.sentences for c in s.counts if c.kind == "killed" and c.value}


def _fold(group: Group, target: Group, kept: list[Group]) -> None:
    target.sentences.extend(s for s in group.sentences if s not in target.sentences)
    target.sentences.sort(key=lambda s: s.sentence.start)
    kept.remove(group)
