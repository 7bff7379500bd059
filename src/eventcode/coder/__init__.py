"""The incident coder: from a report to the ACLED events a coder would record, each with its evidence and what a
human must still check.

>>> from datetime import date, timedelta
>>> events = code_text("On Tuesday, junta troops shelled Laiza, killing two civilians.",
...                    published=date(2023, 11, 1), country="Myanmar")
>>> events[0]["sub_event_type"], events[0]["event_date"], events[0]["fatalities"]
('Shelling/artillery/missile attack', '2023-10-31', 2)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from eventcode.codebook import acled_codebook
from eventcode.coder import triggers as trig
from eventcode.coder.actors import (
    ARMED,
    CIVILIANS,
    STATE_FORCES,
    ActorMention,
    UserActors,
    find_actors,
    generic_actor,
    refers_back,
    user_actors,
)
from eventcode.coder.codebook import Gazetteer, bundled_gazetteers, lexicon
from eventcode.coder.context import ActorContext, read_actors, read_gazetteers
from eventcode.coder.dates import DateMention, find_dates, undated_day
from eventcode.coder.discourse import (
    RECENT_DAYS,
    background,
    dateline,
    filed_from,
    merge_retellings,
    place_the_unplaced,
    place_where_coded,
    refine_places,
    report_day,
    told_with_violence,
    without_summaries,
)
from eventcode.coder.numbers import find_counts, is_casualty_word
from eventcode.coder.places import PlaceIndex
from eventcode.coder.record import Record, build
from eventcode.coder.segment import NotCoded, SentenceFacts, absorb_undated, choose, segment
from eventcode.coder.sentences import split_sentences
from eventcode.errors import InvalidEvent
from eventcode.events import Event

__all__ = ["Coder", "Record", "code_text", "complete_event"]


P = ParamSpec("P")
R = TypeVar("R")


def _with_context(method: Callable[Concatenate[Coder, P], R]) -> Callable[Concatenate[Coder, P], R]:
    """Run a coder's method with its user's context actors in force."""

    def run(self: Coder, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with user_actors(self.actors):
            return method(self, *args, **kwargs)

    functools.update_wrapper(run, method)
    return run


class Coder:
    """An incident coder with its gazetteers and actors: the bundled ones plus the user's own files (``gazetteers``,
    ``actors``: the project's YAML forms or ACLED exports as CSV; see :mod:`eventcode.coder.context`)."""

    def __init__(self, gazetteers: Iterable[str | Path | Gazetteer] = (),
                 actors: Iterable[str | Path | ActorContext] = ()) -> None:
        extra = [found for g in gazetteers for found in ((g,) if isinstance(g, Gazetteer) else read_gazetteers(g))]
        self.places = PlaceIndex([*bundled_gazetteers(), *extra])
        context = ActorContext.merge(a if isinstance(a, ActorContext) else read_actors(a) for a in actors)
        self.actors = UserActors(context) if context.actors or context.forces else None

    def guess_country(self, text: str) -> str | None:
        """The country whose gazetteer names the most places in ``text`` (None when no place is known)."""
        return self.places.guess_country(text)

    @_with_context
    def facts(self, text: str, published: date, country: str) -> list[SentenceFacts]:
        """What each sentence of ``text`` says. A statement cue ("said that") makes a statement unless what was said
        gives the day or the dead or injured of an event (then it is a source's account of it). A note label
        ("Arrests:") is a trigger of its first sentence; a
        generic "soldiers" after a named force ("Israeli forces") is taken to be that force, "the militants" after
        "JNIM militants" JNIM."""
        found = []
        label = trig.label(text)
        last_force: ActorMention | None = None
        last_group: ActorMention | None = None
        communal = trig.communal_fight(text)
        areas = self.places.admin_context(text, country)
        filed = dateline(text) or (0, 0)
        for s in split_sentences(text):
            triggers = trig.find_triggers(s.text, s.start)
            if label is not None and s.index == 0:
                triggers.insert(0, label)
            # a date in what a protest demands or is against ("demanding wage revision from January 2014", "to
            # demand the release of a man who disappeared on August 17") dates no event
            # what the sentence tells as having come before its event ("The attack came a day after ...") gives
            # it no date, place or actor
            told = s.start + trig.told_before_at(s.text)
            dates = [d for d in find_dates(s.text, published, s.start) if not d.statement and d.start < told
                     and not filed[0] <= d.start < filed[1]  # the dateline dates the report
                     and not _in_topic(s.text, d, s.start) and not _dates_a_cause(d, triggers, published)]
            day = dates[0].day if dates else published
            mentions = []
            for a in find_actors(s.text, country, day, s.start):
                if a.start >= told:
                    continue
                if trig.is_source(s.text[:a.start - s.start], s.text[a.end - s.start:]) \
                        or (label is not None and a.start < label.end):
                    continue  # the source of the report, or a word of the note's label ("Change to armed group:")
                # "farmers clashed over a land dispute", "militias from two villages clashed over land": communal
                # militias
                if communal and (a.inter == CIVILIANS or a.role == "militia"):
                    militia = generic_actor("communal", country, day)
                    a = replace(a, name=militia.name, inter=militia.inter, role=militia.role)
                earlier = last_force if a.inter in STATE_FORCES else last_group
                back = refers_back(a, s.text, a.start - s.start)
                if back and earlier is not None:
                    a = replace(a, name=earlier.name, inter=earlier.inter, review=earlier.review)
                elif not back and a.inter in STATE_FORCES:
                    last_force = a
                elif not back and a.inter in ARMED:
                    last_group = a
                mentions.append(a)
            places = [p for p in self.places.find(s.text, country, s.start, areas)
                      if p.start < told and not any(a.start < p.end and p.start < a.end for a in mentions)
                      and not filed[0] <= p.start < filed[1]
                      and not any(d.start < p.end and p.start < d.end for d in find_dates(p.text, published))]
            live = [t for t in triggers if not t.blocked]
            counts = tuple(c for c in find_counts(s.text, s.start) if not trig.blocked_at(s.text, c.start - s.start))
            said = trig.statement(s.text, min(t.start for t in live) - s.start) if live else None
            if said is not None and (dates or any(c.kind in ("killed", "injured") for c in counts)):
                said = None  # "police said that two men were killed on Saturday": a source's account of an event
            found.append(SentenceFacts(
                s, tuple(live), tuple(t for t in triggers if t.blocked), said,
                tuple(dates), tuple(places), tuple(mentions), counts,
                _aggregate(s.text, dates, live, s.start), undated_day(s.text, published)[2],
                bool(live) and all(is_casualty_word(t.text) for t in live), trig.abroad(s.text)))
        return found

    @_with_context
    def code(self, text: str, published: date, country: str, *, not_coded: list[dict[str, Any]] | None = None,
             statements: bool = False) -> list[Record]:
        """The candidate events of one report, in the order they are first reported.

        ``country`` is ACLED's country name (an unknown one raises UnknownValueError naming the nearest).
        Sentences that make no event are appended to ``not_coded`` (when given) with the reason.
        ``statements``: code quoted statements, statements and aggregate claims too, as a coder reviewing them would.
        """
        acled_codebook().country_registry.lookup(country)
        facts = self.facts(text, published, country)
        groups, skipped = segment(facts, published, statements, report_day(facts, published),
                                  published - timedelta(days=RECENT_DAYS))
        groups, old = background(groups, published)
        skipped.extend(old)
        label = trig.label(text)
        first_label = label.sub_event_type if label else None
        wide = trig.cues(text) & frozenset(lexicon().report_wide_cues)
        chosen = {id(group): choose(group, first_label if i == 0 else None, country, wide)
                  for i, group in enumerate(groups)}
        kept, changed = absorb_undated(groups, {key: name for key, (name, _trigger) in chosen.items()})
        for group in kept:
            if id(group) in changed:
                chosen[id(group)] = choose(group, first_label if group is groups[0] else None, country, wide)
        kept, promoted = merge_retellings(kept, {key: name for key, (name, _trigger) in chosen.items()})
        for target, retelling in promoted.items():
            chosen[target] = chosen[retelling]
        kept, folded = told_with_violence(kept, {key: name for key, (name, _trigger) in chosen.items()},
                                          groups[0] if first_label and groups else None)
        skipped.extend(folded)
        refine_places(kept, facts)
        place_where_coded(kept, facts)
        place_the_unplaced(kept, filed_from(text, country, self.places))
        built = []
        for group in kept:
            name, trigger = chosen[id(group)]
            if name:
                built.append((group, build(group, name, trigger, country, self.places, text)))
            else:
                skipped.extend(NotCoded(s.sentence, "its triggers' cues rule out every sub-event type they suggest")
                               for s in group.sentences)
        records, summaries = without_summaries(built)
        skipped.extend(summaries)
        if not_coded is not None:
            not_coded.extend({"sentence": n.sentence.text, "start": n.sentence.start, "end": n.sentence.end,
                              "reason": n.reason} for n in skipped)
        return records


def _in_topic(text: str, date: DateMention, offset: int) -> bool:
    """Whether ``date`` (in ``text``, which starts at ``offset``) lies in what a protest is about: a month or year
    there, or a day that does not end it as the day of the protest does ("demonstrating against the constitution on
    Saturday": lexicon ``blocker_ends``)."""
    if not trig.in_topic(text, date.start - offset):
        return False
    return date.precision == 3 or trig.in_topic(text, date.end - offset)


#: A date this long before publication that follows a protest's trigger in its sentence ("protested against the
#: demolition of the Babri Masjid on December 6, 1992") dates what the protest is about, not the protest.
_CAUSE_DAYS = timedelta(days=365)

_PROTEST = "Peaceful protest"


def _dates_a_cause(found: DateMention, triggers: list[trig.Trigger], published: date) -> bool:
    """Whether ``found`` lies long before publication (``_CAUSE_DAYS``) after a word of protest."""
    if published - found.day <= _CAUSE_DAYS:
        return False
    return any(t.end <= found.start and not t.blocked and t.sub_event_type == _PROTEST for t in triggers)


def _aggregate(text: str, dates: list[DateMention], live: list[trig.Trigger], start: int) -> str | None:
    """The aggregate-claim cue of a sentence ("since the start"), unless a day and a trigger come before it ("On 4 May,
    police dispersed a sit-in ... of relatives stranded since the start of the outbreak" tells an event on its day)
    or it lies in what a protest told before it is about ("demonstrated against the abuses ... a report that accuses
    the government of crimes over the past 25 years")."""
    cue = trig.aggregate(text)
    if cue is None:
        return None
    at = start + text.find(cue)
    day_first = any(d.precision == 1 and d.start < at for d in dates) and any(t.start < at for t in live)
    in_topic = any(t.start < at for t in live) and trig.in_topic(text, at - start)
    return None if day_first or in_topic else cue


@functools.lru_cache(maxsize=1)
def _default_coder() -> Coder:
    return Coder()


def code_text(text: str, published: date, country: str, *, gazetteer: Iterable[str | Path] = (),
              actors: Iterable[str | Path] = (), statements: bool = False) -> list[Record]:
    """The candidate ACLED events of a report published on ``published`` about ``country``.

    Each is a dict with ACLED's field names, plus ``evidence`` (sentence, offsets and matched text for the
    trigger, date, place, actors and fatalities) and ``review`` (what a human must check). Unknown fields are
    left blank (None for numbers) with a review item, never guessed. ``gazetteer`` and ``actors``: the user's
    own gazetteer and actor files (YAML, or ACLED exports as CSV), added to the bundled ones and read once for
    the calls that name the same unchanged files. ``statements``: also
    code quoted statements, statements and aggregate claims, which make no event by default.
    """
    if not gazetteer and not actors:
        return _default_coder().code(text, published, country, statements=statements)
    files = (tuple(map(str, gazetteer)), tuple(map(str, actors)))
    coder = _context_coder(*files, tuple(_stamp(path) for paths in files for path in paths))
    return coder.code(text, published, country, statements=statements)


def _stamp(path: str) -> tuple[int, int]:
    """A file's modification time and size (a changed file is read again), or (0, 0) when absent."""
    try:
        status = Path(path).stat()
    except OSError:
        return 0, 0
    return status.st_mtime_ns, status.st_size


@functools.lru_cache(maxsize=4)
def _context_coder(gazetteers: tuple[str, ...], actors: tuple[str, ...],
                   stamps: tuple[tuple[int, int], ...]) -> Coder:
    """A coder with the user's context files, read once for every report coded with them (``stamps``: when the
    files were last changed)."""
    return Coder(gazetteers, actors)


def complete_event(record: Record, event_id: str) -> Event | InvalidEvent:
    """The candidate as an :class:`Event` under ``event_id``, or the InvalidEvent saying what is missing."""
    fields = {k: v for k, v in record.items() if k in acled_codebook().column_set}
    fields["event_id_cnty"] = event_id
    try:
        return Event.from_record({k: v for k, v in fields.items() if v is not None})
    except InvalidEvent as exc:
        return exc
