"""The trigger lexicon compiled once into regular expressions: which sub-event types a sentence suggests, which
triggers are negated, hedged or only threatened, which sentences are aggregate claims, and ACLED note labels."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventcode._cache import cached_build
from eventcode.codebook import acled_codebook
from eventcode.coder.actors import demonym_country, demonyms_pattern, lower_aligned, lowered, lowered_guarded
from eventcode.coder.alternation import Guarded, alternation, by_opening, required_literals
from eventcode.coder.codebook import Lexicon, SubEventLexicon, lexicon


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger of ``sub_event_type`` at ``start:end``; ``blocked`` names the blocker group when it is negated,
    hedged or a threat ("denied", "threatened to"), and then it makes no event."""

    start: int
    end: int
    text: str
    sub_event_type: str
    blocked: str = ""


@dataclass(frozen=True, slots=True)
class _Compiled:
    book: Lexicon
    order: tuple[str, ...]
    triggers: tuple[tuple[str, SubEventLexicon, re.Pattern[str]], ...]
    triggers_at: dict[str, tuple[tuple[str, SubEventLexicon, re.Pattern[str]], ...]]
    triggers_low: dict[str, re.Pattern[str]]
    any_trigger: re.Pattern[str]
    cues_low: dict[str, re.Pattern[str]]
    cue_start: re.Pattern[str]
    cues_at: dict[str, tuple[str, ...]]
    dispute_low: Guarded | None  # the cue group of a communal fight's dispute (communal_fight)
    victim_cues: dict[str, re.Pattern[str]]
    victim_cues_low: dict[str, re.Pattern[str]]
    mutual: dict[str, re.Pattern[str]]
    mutual_unless_civilians: dict[str, re.Pattern[str]]
    blockers: tuple[tuple[str, re.Pattern[str]], ...]
    blockers_low: tuple[re.Pattern[str], ...]
    clause_break: re.Pattern[str]
    group_breaks: dict[str, re.Pattern[str]]
    told_before: Guarded  # tried only in a sentence with a literal its patterns need ("after")
    aggregate_low: Guarded
    statement_low: Guarded
    source: re.Pattern[str]
    witness: re.Pattern[str]
    reason: re.Pattern[str]
    nearby: re.Pattern[str]
    # the same for lower-cased text, faster
    source_low: re.Pattern[str]
    witness_low: re.Pattern[str]
    reason_low: re.Pattern[str]
    nearby_low: Guarded
    cross_border_low: Guarded
    label: re.Pattern[str]


def _source(patterns: tuple[str, ...]) -> str:
    """Any of ``patterns`` as a whole word, for IGNORECASE: not part of a hyphenated word ("anti-protest"), though a
    dash of two hyphens may stand next to it ("factory--which burned last year--protested")."""
    return r"(?<!\w)(?<!\w-)(?:" + alternation(sorted(patterns, key=len, reverse=True), ignorecase=True) + \
        r")(?!\w)(?!-\w)"


def _words(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_source(patterns), re.IGNORECASE)



@functools.lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    return cached_build("coder-triggers", _Compiled, _compile)


def _compile() -> _Compiled:
    """The trigger lexicon compiled (kept in the cache folder: see :func:`eventcode._cache.cached_build`)."""
    book = lexicon()
    order = tuple(sub.name for sub in acled_codebook().sub_event_types)
    triggers = tuple((name, book.sub_event_types[name], _words(book.sub_event_types[name].triggers))
                     for name in order if name in book.sub_event_types and book.sub_event_types[name].triggers)
    triggers_at = by_opening([(trigger, trigger[1].triggers) for trigger in triggers])
    # each type's triggers for lower-cased text (several times faster); a type with a case-sensitive part has none
    triggers_low = {name: re.compile(lowered(pattern.pattern)) for name, _entry, pattern in triggers
                    if "(?-i:" not in pattern.pattern}
    every = tuple(dict.fromkeys(p for _name, entry, _pattern in triggers for p in entry.triggers))
    any_trigger = re.compile(lowered(_source(every)))
    # cue groups searched in lower-cased text (several times faster); a group with a case-sensitive part has none
    cue_sources = {name: _source(patterns) for name, patterns in book.cues.items()}
    cues_low = {name: re.compile(lowered(source)) for name, source in cue_sources.items() if "(?-i:" not in source}
    # where any of them starts: one scan finds the places each group is then tried at
    cue_start = re.compile(lowered(_source(tuple(p for name in cues_low for p in book.cues[name]))))
    cues_at = by_opening([(name, book.cues[name]) for name in cues_low])
    dispute = book.communal_fight[0] if book.communal_fight else ""
    dispute_low = lowered_guarded(cue_sources[dispute], book.cues[dispute]) if dispute in cues_low else None
    victim_cues = {name: _words(patterns) for name, patterns in book.victim_cues.items()}
    victim_cues_low = {name: re.compile(lowered(pattern.pattern)) for name, pattern in victim_cues.items()}
    mutual = {name: re.compile("(?:" + "|".join(entry.mutual) + ")", re.IGNORECASE)
              for name, entry in book.sub_event_types.items() if entry.mutual}
    mutual_unless_civilians = {name: re.compile("(?:" + "|".join(entry.mutual_unless_civilians) + ")", re.IGNORECASE)
                               for name, entry in book.sub_event_types.items() if entry.mutual_unless_civilians}
    blockers = tuple((name, re.compile(r"(?<![\w-])(?:" + alternation(patterns, ignorecase=True) + r")(?![\w-])[^,;]*$",
                                       re.IGNORECASE))
                     for name, patterns in book.blockers.items())
    blockers_low = tuple(re.compile(lowered(pattern.pattern)) for _name, pattern in blockers)
    clause_break = re.compile("|".join(re.escape(b) for b in book.clause_breaks))
    group_breaks = {name: re.compile("|".join([*(re.escape(b) for b in book.clause_breaks
                                                  if b not in book.clause_breaks_kept.get(name, ())),
                                                *book.blocker_ends.get(name, ())]), re.IGNORECASE)
                    for name in {*book.clause_breaks_kept, *book.blocker_ends}}
    source = re.compile(r"(?<![\w-])(?:" + alternation(book.source_cues, ignorecase=True) + r")\s+(?:the\s+)?$",
                        re.IGNORECASE) \
        if book.source_cues else re.compile(r"(?!)")
    reason = re.compile(r"(?<![\w-])(?:" + alternation(book.reason_cues, ignorecase=True) + r")(?![\w-])[^,;.]{0,60}$",
                        re.IGNORECASE) \
        if book.reason_cues else re.compile(r"(?!)")
    witness = re.compile(r"^\s+(?:[\w-]+\s+)?(?:" + "|".join(book.witness_cues) + r")(?![\w-])", re.IGNORECASE) \
        if book.witness_cues else re.compile(r"(?!)")
    labels = "|".join(re.escape(label) for label in sorted(book.labels, key=len, reverse=True))
    label = re.compile(rf"^\s*(?P<label>{labels})\s*:", re.IGNORECASE)
    nearby = _words(book.nearby) if book.nearby else re.compile(r"(?!)")
    # for lower-cased text: the aggregate, statement and cross-border cues, faster (text as written: _as_written),
    # each searched only in a sentence that holds one of the literals its patterns require
    aggregate, statement, cross_border = _written_sources(book)
    aggregate_low = lowered_guarded(aggregate, book.aggregate)
    statement_low = lowered_guarded(statement, book.statements)
    cross_border_low = lowered_guarded(cross_border, [p.replace("{demonym}", demonyms_pattern())
                                                      for p in book.cross_border])
    return _Compiled(book, order, triggers, triggers_at, triggers_low, any_trigger, cues_low, cue_start, cues_at,
                     dispute_low, victim_cues, victim_cues_low, mutual, mutual_unless_civilians, blockers,
                     blockers_low, clause_break, group_breaks,
                     Guarded(re.compile("|".join(book.told_before) or "(?!)", re.IGNORECASE),
                             required_literals(book.told_before)), aggregate_low,
                     statement_low, source, witness,
                     reason, nearby, re.compile(lowered(source.pattern)), re.compile(lowered(witness.pattern)),
                     re.compile(lowered(reason.pattern)), lowered_guarded(nearby.pattern, book.nearby),
                     cross_border_low, label)


def _written_sources(book: Lexicon) -> tuple[str, str, str]:
    """The aggregate, statement and cross-border cues as regular expressions for IGNORECASE."""
    cross_border = "|".join(p.replace("{demonym}", demonyms_pattern()) for p in book.cross_border) \
        if book.cross_border else r"(?!)"
    return (_source(book.aggregate), _source(book.statements) if book.statements else r"(?!)", cross_border)


@dataclass(frozen=True, slots=True)
class _AsWritten:
    any_trigger: re.Pattern[str]
    aggregate: re.Pattern[str]
    statement: re.Pattern[str]
    cross_border: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def _as_written() -> _AsWritten:
    """Every trigger, and the aggregate, statement and cross-border cues, searched with IGNORECASE in text as it is
    written: only for text whose lower-casing moves offsets (a few letters become two), so compiled when first
    needed."""
    every = tuple(dict.fromkeys(p for _name, entry, _pattern in _compiled().triggers for p in entry.triggers))
    aggregate, statement, cross_border = (re.compile(p, re.IGNORECASE) for p in _written_sources(lexicon()))
    return _AsWritten(_words(every), aggregate, statement, cross_border)


@functools.cache
def _cue(name: str) -> re.Pattern[str]:
    """The cue group ``name`` searched with IGNORECASE in text as it is written (for a group with a case-sensitive
    part, and for text whose lower-casing moves offsets), compiled when first needed."""
    return _words(lexicon().cues[name])


def hierarchy() -> tuple[str, ...]:
    """Every sub-event type in ACLED's hierarchy order (from codebooks/acled.yaml)."""
    return _compiled().order


@functools.lru_cache(maxsize=1)
def hierarchy_rank() -> dict[str, int]:
    """The place of each sub-event type in ACLED's hierarchy order."""
    return {name: i for i, name in enumerate(hierarchy())}


def _blocker(c: _Compiled, text: str, start: int) -> str:
    if c.told_before.search(text, 0, start):
        return "background"  # "The attack came a day after a commander was killed"
    return _blocked(text[max(0, start - c.book.blocker_window):start])


@functools.lru_cache(maxsize=4096)
def _blocked(window: str) -> str:
    """The blocker group that governs what follows ``window`` (the words before a trigger or cue), or "": asked
    for each trigger, each cue and each count, often at the same place."""
    c = _compiled()
    low = lower_aligned(window)  # the blockers searched lower-cased (faster), the clauses split as written
    clause = c.clause_break.split(window)[-1]
    for (name, pattern), pattern_low in zip(c.blockers, c.blockers_low, strict=True):
        breaks = c.group_breaks.get(name)
        scope = clause if breaks is None else breaks.split(window)[-1]
        if pattern.search(scope) if low is None else pattern_low.search(low[len(low) - len(scope):]):
            return name
    return ""


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """Every trigger in ``text`` (a sentence), each checked for negation, hedges and threats."""
    c = _compiled()
    found: list[Trigger] = []
    starts = []
    low = lower_aligned(text)
    scan, searched = (c.any_trigger, low) if low is not None else (_as_written().any_trigger, text)
    m = scan.search(searched)
    while m is not None:
        starts.append(m.start())
        m = scan.search(searched, m.start() + 1)
    for start in starts:
        blocker: str | None = None
        for name, _entry, pattern in c.triggers_at.get(searched[start], c.triggers):
            fast = c.triggers_low.get(name)
            hit = fast.match(low, start) if fast is not None and low is not None else pattern.match(text, start)
            if hit is not None:
                if blocker is None:
                    blocker = _blocker(c, text, start)
                free = blocker == "topic" and name in c.book.topic_free  # "people demanding housing protested"
                found.append(Trigger(offset + start, offset + hit.end(), text[start:hit.end()], name,
                                     "" if free else blocker))
    rank = hierarchy_rank()
    found.sort(key=lambda t: rank[t.sub_event_type])
    return found


def label(text: str) -> Trigger | None:
    """The ACLED note label at the start of ``text`` ("Arrests: On ..."), as a trigger of the type it names."""
    c = _compiled()
    m = c.label.match(text)
    if m is None:
        return None
    folded = m.group("label").casefold()
    name = next(sub for key, sub in c.book.labels.items() if key.casefold() == folded)
    return Trigger(m.start("label"), m.end("label"), m.group("label"), name)


def aggregate(text: str) -> str | None:
    """The aggregate-claim cue in ``text`` ("since launching", "so far", "every day"), if any."""
    c = _compiled()
    low = text.lower()
    m = c.aggregate_low.search(low) if len(low) == len(text) else _as_written().aggregate.search(text)
    return text[m.start():m.end()] if m else None


def told_before_at(text: str) -> int:
    """Where ``text`` (a sentence) starts telling what came before its event (lexicon ``told_before``: "The attack
    came a day after ..."), or its length."""
    m = _compiled().told_before.search(text)
    return m.end() if m else len(text)


def blocked_at(text: str, start: int) -> str:
    """The blocker group (negation, threat, hedge, topic) that governs position ``start`` of ``text``, or ""."""
    return _blocker(_compiled(), text, start)


def in_topic(text: str, start: int) -> bool:
    """Whether position ``start`` of ``text`` lies in what a protest is about however far the topic's first words
    stand before it in their clause ("protested against the relocation of people whose houses were demolished in
    November last year"): the reach of a date, which may lie deep in a topic, not of a trigger."""
    c = _compiled()
    breaks = c.group_breaks.get("topic", c.clause_break)
    return bool(_topic().search(breaks.split(text[:start])[-1]))


@functools.lru_cache(maxsize=1)
def _topic() -> re.Pattern[str]:
    return dict(_compiled().blockers)["topic"]


def statement(text: str, first_trigger: int) -> str | None:
    """The statement cue ("said that", "accused") standing before the first trigger of ``text``, if any."""
    c = _compiled()
    low = text.lower()
    m = c.statement_low.search(low, 0, first_trigger) if len(low) == len(text) \
        else _as_written().statement.search(text, 0, first_trigger)
    return text[m.start():m.end()] if m else None


def abroad(text: str) -> str | None:
    """The country a cross-border cue of ``text`` names ("landed on the Chinese side of the border"), if any."""
    c = _compiled()
    low = text.lower()
    m = c.cross_border_low.search(low) if len(low) == len(text) else _as_written().cross_border.search(text)
    if m is None:
        return None
    adjective = next(value for value in m.groupdict().values() if value)
    return demonym_country(adjective)


def nearby(text: str) -> bool:
    """Whether ``text`` places something near a town named before ("the surrounding hills", "near the town")."""
    c = _compiled()
    low = lower_aligned(text)
    return bool(c.nearby.search(text) if low is None else c.nearby_low.search(low))


def communal_fight(text: str) -> bool:
    """Whether ``text`` tells of a fight between villages, farmers or tribes (lexicon ``communal_fight``): a
    dispute and fighting, and no crowd."""
    c = _compiled()
    if not c.book.communal_fight:
        return False
    dispute, fighting, crowd = c.book.communal_fight
    low = lower_aligned(text)
    if (_cue(dispute).search(text) if low is None or c.dispute_low is None else c.dispute_low.search(low)) \
            is None:  # what the fight is about: read with no topic blocker
        return False
    present = cues(text)
    return fighting in present and crowd not in present


def is_source(text_before: str, text_after: str = "") -> bool:
    """Whether an actor named between ``text_before`` and ``text_after`` is the report's source, a witness of the
    event or the reason given for it, not a party to it ("according to the KIA", "police believe the victim was
    killed", "arrested for having connections with the PDF")."""
    c = _compiled()
    before, after = text_before[-100:], text_after[:80]
    low, low_after = lower_aligned(before), lower_aligned(after)
    return bool((c.source.search(before[-40:]) if low is None else c.source_low.search(low[-40:]))
                or (c.reason.search(before) if low is None else c.reason_low.search(low))
                or (c.witness.match(after) if low_after is None else c.witness_low.match(low_after)))


@functools.lru_cache(maxsize=1024)
def cues(text: str) -> frozenset[str]:
    """The cue groups (protest, riot, peaceful, ...) that match somewhere in ``text``, not negated or hedged."""
    c = _compiled()
    low = text.lower()
    if len(low) != len(text):  # lower-casing would move offsets: no fast path
        return frozenset(name for name in c.book.cues
                         if any(not _blocker(c, text, m.start()) for m in _cue(name).finditer(text)))
    present = {name for name in c.book.cues
               if name not in c.cues_low and any(not _blocker(c, text, m.start()) for m in _cue(name).finditer(text))}
    every = tuple(c.cues_low)
    m = c.cue_start.search(low)
    while m is not None:
        start = m.start()
        for name in c.cues_at.get(low[start], every):
            if name not in present and c.cues_low[name].match(low, start) and not _blocker(c, text, start):
                present.add(name)
        m = c.cue_start.search(low, start + 1)
    return frozenset(present)


@functools.lru_cache(maxsize=1024)
def says_of_victim(text: str, group: str) -> bool:
    """Whether the victim cue group ``group`` (harm, gang_victim) matches in ``text``, not negated or hedged;
    checked on demand, apart from ``cues``, as only some events ask."""
    c = _compiled()
    low = lower_aligned(text)
    found = c.victim_cues[group].finditer(text) if low is None else c.victim_cues_low[group].finditer(low)
    return any(not _blocker(c, text, m.start()) for m in found)


def mutual(sub_event_type: str, found: list[Trigger], present: frozenset[str], civilians: bool = False) -> bool:
    """Whether one of ``found`` says both sides fought ("clashed") in a text free of the type's mutual_excludes
    (``civilians``: the event names civilians, and only the type's ``mutual`` words say so)."""
    c = _compiled()
    entry = c.book.sub_event_types.get(sub_event_type)
    if entry is None or present.intersection(entry.mutual_excludes):
        return False
    patterns = [c.mutual.get(sub_event_type), None if civilians else c.mutual_unless_civilians.get(sub_event_type)]
    return any(t.sub_event_type == sub_event_type and p.fullmatch(t.text) for t in found for p in patterns if p)


def allowed(sub_event_type: str, present: frozenset[str]) -> bool:
    """Whether the cues ``present`` in an event's text satisfy the requires/excludes of ``sub_event_type``."""
    entry = _compiled().book.sub_event_types.get(sub_event_type)
    if entry is None:
        return True
    if entry.requires and not present.intersection(entry.requires):
        return False
    if any(cue in present and present.isdisjoint(unless) for cue, unless in entry.excludes_unless.items()):
        return False
    return not present.intersection(entry.excludes)
