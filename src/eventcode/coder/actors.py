"""Actors in a report: named actors from the dictionary, a country's forces named by its adjective ("Russian
troops"), and generic roles (civilians, protesters, police, unidentified gunmen, ...) named as ACLED names them."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from eventcode._cache import cached_build
from eventcode.codebook import acled_codebook
from eventcode.coder.alternation import Guarded, alternation, by_opening, required_literals
from eventcode.coder.codebook import Actors, GenericActor, NamedActor, StateForce, actors, numbers
from eventcode.coder.context import ActorContext, ContextActor, SeenForce
from eventcode.coder.world import WorldPlace, country_index, distance_km, fold, spelling

if TYPE_CHECKING:
    from eventcode.coder.places import PlaceMention

#: Inter codes of armed, organised actors (state forces, rebels, militias, external forces).
ARMED = frozenset({1, 2, 3, 4, 8})
STATE, COMMUNAL, RIOTERS, CIVILIANS, EXTERNAL = 1, 4, 5, 7, 8
#: Inter codes of crowds: rioters and protesters.
CROWDS = frozenset({5, 6})
#: Inter codes of state forces, at home or abroad.
STATE_FORCES = frozenset({STATE, EXTERNAL})
#: Inter codes of armed groups that are no state's forces: rebels, political and identity militias.
ARMED_GROUPS = ARMED - STATE_FORCES


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a sentence, with ACLED's name and inter code; ``review`` says what to check."""

    start: int
    end: int
    text: str
    name: str
    inter: int
    role: str
    review: str = ""
    prefixed: bool = False
    home: str = ""  # the country whose state force this is ("" for any other actor)


@dataclass(frozen=True, slots=True)
class _Compiled:
    book: Actors
    named_source: str  # the named actors, for IGNORECASE in text as written (see _as_written)
    named_low: re.Pattern[str]
    named_acronyms: re.Pattern[str]
    named_entries: tuple[NamedActor, ...]
    named_each: tuple[re.Pattern[str], ...]
    forces: re.Pattern[str]
    demonym_country: dict[str, str]
    demonym_before: re.Pattern[str]
    police: re.Pattern[str]
    generic_source: str  # the roles as groups g<index>, for IGNORECASE in text as written (see _as_written)
    generic_low: re.Pattern[str]
    generic_entries: tuple[GenericActor, ...]
    generic_roles: tuple[re.Pattern[str], ...]
    generic_roles_at: dict[str, tuple[int, ...]]
    prefix: re.Pattern[str]
    coordinated: re.Pattern[str]
    unlisted: re.Pattern[str]
    titled: re.Pattern[str]
    titled_end: re.Pattern[str]
    countries: frozenset[str]
    not_actors: frozenset[str]
    weapon_models: re.Pattern[str]
    forces_of: re.Pattern[str]
    of_country: re.Pattern[str]
    unlisted_before: re.Pattern[str]
    unlisted_after: re.Pattern[str]
    prefix_stopwords: frozenset[str]
    identified_as: re.Pattern[str]
    attributed: re.Pattern[str]
    coded_as: re.Pattern[str]
    state_forces: dict[str, tuple[StateForce, ...]]  # each country's periods, in dictionary order


def _alternation(patterns: tuple[str, ...] | list[str]) -> str:
    return "|".join(sorted(patterns, key=len, reverse=True))


# an optional group without groups inside, character class, escaped or plain character
_OPTIONAL_PART = re.compile(r"(?:\((?:\?:)?[^()]*\)|\[[^\]]*\]|\\.|[^()\[\]\\|?*+])[?*]")


def _longest_first(patterns: list[str]) -> str:
    """An alternation of named actors' ``patterns`` that tries first those whose required part is longest: Python
    takes the first alternative that matches, so "Taliban(?: forces)?" must not come before "Taliban intelligence",
    whatever the lengths of the patterns' optional parts."""

    def required(pattern: str) -> str:
        while (shorter := _OPTIONAL_PART.sub("", pattern)) != pattern:
            pattern = shorter
        return pattern

    return "|".join(sorted(patterns, key=lambda p: (len(required(p)), len(p)), reverse=True))


def literals(words: list[str] | tuple[str, ...]) -> str:
    """A regular expression matching any of the literal ``words``, longest first, as a trie: one character decides
    at each position, so hundreds of country names cost little more than a few."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(tree)


_ESCAPE_OR_CAPITAL = re.compile(r"(\\.|\(\?P)|([A-Z])")


def lowered(pattern: str) -> str:
    """``pattern`` for lower-cased text: its capitals lowered, escapes (``\\S``, ``\\W``) kept. Matching it without
    IGNORECASE on ``text.lower()`` finds what the original finds with IGNORECASE, several times faster."""
    return _ESCAPE_OR_CAPITAL.sub(lambda m: m.group(1) or m.group(2).lower(), pattern)


def lowered_guarded(source: str, patterns: list[str] | tuple[str, ...]) -> Guarded:
    """``source``, an expression each of whose matches is a match of one of ``patterns``, for lower-cased text
    (:func:`lowered`), tried only in a text that holds one of the literals the patterns require."""
    return Guarded(re.compile(lowered(source)), required_literals([lowered(p) for p in patterns]))


def lower_aligned(text: str) -> str | None:
    """``text`` lower-cased, or None when lower-casing would move offsets (a few letters become two)."""
    low = text.lower()
    return low if len(low) == len(text) else None


@functools.lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    return cached_build("coder-actors", _Compiled, _compile)


def _compile() -> _Compiled:
    """The actor dictionaries compiled (kept in the cache folder: see :func:`eventcode._cache.cached_build`)."""
    book = actors()
    named_parts = []
    for entry in book.named:
        alternatives = [*entry.aliases, *(f"(?-i:{re.escape(a)})" for a in entry.acronyms)]
        named_parts.append(_longest_first(alternatives))
    # "Houthi-planted": a named actor stays one before a hyphenated word that makes it the agent, and "PDF-3601"
    # before a unit's number
    suffixes = r"|(?=-(?:" + _alternation(list(book.agent_suffixes)) + r")\b)" if book.agent_suffixes else ""
    end = r"(?:(?![\w-])|(?=-\d)" + suffixes + ")"
    named = r"(?<![\w-])(?:" + "|".join(named_parts) + ")" + end
    named_each = tuple(re.compile(f"(?:{part})", re.IGNORECASE) for part in named_parts)
    aliases = [a for entry in book.named for a in entry.aliases]
    named_low = re.compile(r"(?<![\w-])(?:" + alternation([lowered(_longest_first(aliases))]) + ")" + lowered(end))
    acronyms = [re.escape(a) for entry in book.named for a in entry.acronyms]
    named_acronyms = re.compile("(?:" + alternation([r"(?<![\w-])(?:" + _alternation(acronyms) + ")"]) + ")" + end)
    # a country's own name serves as its adjective too ("Pakistan forces", "the Turkmenistan military"), unless
    # another country's place has the name ("Georgia police")
    adjectives = {country: (*names, *(() if country in book.names_not_adjectives else (country,)))
                  for country, names in book.demonyms.items()}
    demonym_country = {d.casefold(): country for country, names in adjectives.items() for d in names}
    demonyms = literals([d for names in adjectives.values() for d in names])
    # the lookbehind inside the trie, after each first letter: Python then tries these only at capitals; a
    # country's name serves in the possessive too ("Russia's air defence")
    demonym_start = alternation([r"(?<![\w-])" + demonyms])
    forces = re.compile(rf"(?P<dem>{demonym_start})(?:['\u2019]s)?(?: and (?P<dem2>{demonyms}))?(?:-led|-backed)?"
                        rf"(?P<between>(?: [\w-]+){{0,2}}?) "
                        rf"(?i:{_alternation(list(book.force_nouns))})\b")
    demonym_before = re.compile(rf"(?P<dem>{demonym_start}) $")
    generic_source = r"\b(?:" + "|".join(f"(?P<g{i}>{_alternation(g.patterns)})"
                                          for i, g in enumerate(book.generic)) + r")\b"
    # for lower-cased text, the roles' patterns as one trie (see alternation), with no group to tell the role by
    generic_low = re.compile(r"\b(?:" + alternation([lowered(_alternation(g.patterns)) for g in book.generic]) + r")\b")
    generic_roles = tuple(re.compile(rf"(?:{lowered(_alternation(g.patterns))})\b") for g in book.generic)
    generic_roles_at = by_opening([(i, g.patterns) for i, g in enumerate(book.generic)])
    word = r"[A-Z0-9][\w'\u2019/.-]*"
    prefix = re.compile(rf"(?:^|[^\w'\u2019-])(?P<name>(?:{word}|al|of|de) ){{0,3}}{word}[ -]$")
    coordinated = re.compile(rf"(?:^|[^\w'\u2019-])(?P<name>(?:{word} ){{0,2}}{word}) and $")
    unlisted = re.compile("(?:" + alternation([rf"(?<![\w-])(?:{book.unlisted.pattern})"]) + r")(?![\w-])")
    ends = "|".join(book.unlisted.titled_ends) or "(?!)"
    titled = re.compile(rf"(?<![\w-])(?:{book.unlisted.titled}(?:{ends}))(?![\w-])")
    titled_end = re.compile(rf"\s(?:{ends})(?![\w-])")  # where a titled name may end: a space before its word
    police = re.compile(rf"\b(?:{_alternation(list(book.police_words))})\b" if book.police_words else "(?!)",
                        re.IGNORECASE)
    return _Compiled(book, named, named_low, named_acronyms, book.named, named_each, forces, demonym_country,
                     demonym_before, police, generic_source, generic_low, book.generic, generic_roles, generic_roles_at,
                     prefix, coordinated, unlisted, titled, titled_end,
                     frozenset(w for entry in acled_codebook().country_registry for w in entry.name.split()),
                     frozenset(book.unlisted.not_actors), re.compile(book.unlisted.weapon_models),
                     re.compile(rf"(?<![\w-])(?i:{_alternation(list(book.force_nouns))}) (?:of|from) (?:the )?"
                                rf"(?P<country>{literals(list(book.demonyms))})(?![\w-])"
                                rf"(?: and (?:the )?(?P<country2>{literals(list(book.demonyms))})(?![\w-]))?"),
                     re.compile(rf" (?:of|from) (?:the )?(?:{literals(list(book.demonyms))})"
                                r"(?![\w-])"),
                     re.compile(book.unlisted.before, re.IGNORECASE), re.compile(book.unlisted.after, re.IGNORECASE),
                     # a number told in words ("Thirteen militants") starts no name either
                     frozenset(w.casefold() for w in book.prefix_stopwords) | frozenset(numbers().words),
                     re.compile(r"\s*\(\s*(?:(?:" + _alternation(list(book.identified_as)) + r")\s+)?$"
                                if book.identified_as else "(?!)", re.IGNORECASE),
                     re.compile(r"(?:^|\W)(?:" + _alternation(list(book.identified_as)) + r")(?:\s+to\s+be)?\s+$"
                                if book.identified_as else "(?!)", re.IGNORECASE),
                     re.compile(r"\W?\s*\(\s*(?:" + _alternation(list(book.coded_as)) + r")\s+"
                                if book.coded_as else "(?!)", re.IGNORECASE),
                     {country: tuple(f for f in book.state_forces if f.country == country)
                      for country in {f.country for f in book.state_forces}})


@dataclass(frozen=True, slots=True)
class _AsWritten:
    named: re.Pattern[str]
    generic: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def _as_written() -> _AsWritten:
    """The named and the generic actors searched with IGNORECASE in text as it is written: only for text whose
    lower-casing moves offsets (a few letters become two), so compiled when first needed."""
    c = _compiled()
    return _AsWritten(re.compile(c.named_source, re.IGNORECASE), re.compile(c.generic_source, re.IGNORECASE))


class UserActors:
    """The user's context actors compiled for a coder: their forms as one case-sensitive search, their patterns as
    one case-insensitive one, and the state forces' names by country and kind."""

    def __init__(self, context: ActorContext) -> None:
        self.context = context
        self.literal = re.compile(rf"(?<![\w-])(?:{literals(sorted(context.by_form))})(?![\w-])") \
            if context.by_form else None
        patterned = [a for a in context.actors if a.patterns]
        self.patterned = tuple((a, re.compile("|".join(f"(?:{p})" for p in a.patterns), re.IGNORECASE))
                               for a in patterned)
        self.pattern = re.compile(r"(?<![\w-])(?:" + _longest_first([p for a in patterned for p in a.patterns])
                                  + r")(?![\w-])", re.IGNORECASE) if patterned else None
        forces: dict[tuple[str, str], list[SeenForce]] = defaultdict(list)
        for force in context.forces:
            forces[(force.country, force.kind)].append(force)
        self.forces = dict(forces)

    def find(self, text: str, country: str, day: date) -> Iterator[tuple[int, int, ContextActor]]:
        """The context actors named in ``text`` for an event in ``country`` on ``day``: of each name, the one
        coded in that country (or any) with the most events."""
        hits: list[tuple[int, int, tuple[ContextActor, ...]]] = []
        if self.literal is not None:
            hits += [(m.start(), m.end(), self.context.by_form[m.group()]) for m in self.literal.finditer(text)]
        if self.pattern is not None:
            hits += [(m.start(), m.end(), tuple(a for a, p in self.patterned if p.fullmatch(m.group())))
                     for m in self.pattern.finditer(text)]
        for start, end, entries in sorted(hits, key=lambda h: (h[0], -h[1])):
            fit = [a for a in entries if (not a.country or a.country == country) and a.active(day)]
            if fit:
                yield start, end, max(fit, key=lambda a: a.events)

    def force(self, country: str, kind: str, day: date) -> str | None:
        """The name of ``country``'s force of ``kind`` the user's export coded on days around ``day``: the one
        most used among those in use then, else the last in use before it (None when all came after it)."""
        seen = self.forces.get((country, kind), [])
        during = [f for f in seen if f.first <= day <= f.last]
        if during:
            return max(during, key=lambda f: f.events).name
        before = [f for f in seen if f.last <= day]
        return max(before, key=lambda f: f.last).name if before else None


_USER: ContextVar[UserActors | None] = ContextVar("eventcode_user_actors", default=None)


@contextmanager
def user_actors(context: UserActors | None) -> Iterator[None]:
    """Code with the user's context actors (None: with the dictionary alone) inside the block."""
    token = _USER.set(context)
    try:
        yield
    finally:
        _USER.reset(token)


def state_force(country: str, kind: str, day: date) -> tuple[str, str]:
    """ACLED's name of ``country``'s military or police (``kind``) on ``day``, and a review note when unsure. A
    name the user's export shows in use around ``day`` fills in where the dictionary has no sure one."""
    c = _compiled()
    user = _USER.get()
    seen = user.force(country, kind, day) if user is not None else None
    candidates = [f for f in c.state_forces.get(country, ()) if getattr(f, kind)]
    for force in candidates:
        if (force.start is None or force.start <= day) and (force.until is None or day <= force.until):
            return getattr(force, kind), ""
    if seen is not None:
        return seen, ""
    if candidates:
        return getattr(candidates[-1], kind), f"the name of {country}'s {kind} on {day} is not in the dictionary"
    names: dict[str, str] = {str(key): value for key, value in c.book.state_force_names.items()}
    name = names[kind].format(country=country)
    return name, f"no ACLED name with its period for {country}'s {kind}: add the years"


def government(country: str, day: date) -> tuple[str, str]:
    """ACLED's name of ``country``'s government on ``day``: the naming pattern of state_force_names with the
    period of the state force's name in force ("Government of Turkey (2016-)"), and a review note when unsure."""
    names: dict[str, str] = {str(key): value for key, value in _compiled().book.state_force_names.items()}
    for kind in ("military", "police"):
        name, review = state_force(country, kind, day)
        prefix = names[kind].split("{country}")[0]
        if name.startswith(prefix) and not review:
            return names["government"].split("{country}")[0] + name[len(prefix):], ""
    return names["government"].format(country=country), f"no ACLED name with its period for {country}'s " \
        "government: add the years"


def _fill(template: str, country: str, day: date) -> tuple[str, str]:
    """A name template of the dictionary filled in for ``country`` on ``day``, and a review note when unsure."""
    return _filled(template, country, day, _USER.get())


@functools.lru_cache(maxsize=4096)
def _filled(template: str, country: str, day: date, user: UserActors | None) -> tuple[str, str]:
    """:func:`_fill` with the user's context actors ``user`` in force (the key of its cache)."""
    review = ""
    values = {"country": country, "military": "", "police": "", "government": ""}
    for kind in ("military", "police"):
        if "{" + kind + "}" in template:
            values[kind], review = state_force(country, kind, day)
    if "{government}" in template:
        values["government"], review = government(country, day)
    return template.format(**values), review


@functools.lru_cache(maxsize=4096)
def _named_entries_of(said: str) -> tuple[NamedActor, ...]:
    """The named actors (in dictionary order) one of whose aliases or acronyms is ``said``."""
    c = _compiled()
    return tuple(e for e, pattern in zip(c.named_entries, c.named_each, strict=True) if pattern.fullmatch(said))


def named_entries(said: str) -> tuple[NamedActor, ...]:
    """The dictionary's named actors one of whose aliases or acronyms is ``said``."""
    return _named_entries_of(said)


def find_actors(text: str, country: str, day: date, offset: int = 0) -> list[ActorMention]:
    """The actors named in ``text`` (a sentence) for an event in ``country`` on ``day``, in text order."""
    c = _compiled()
    found: list[ActorMention] = []

    def free(start: int, end: int) -> bool:
        return not any(m.start - offset < end and start < m.end - offset for m in found)

    user = _USER.get()
    for start, end, actor in (user.find(text, country, day) if user is not None else ()):
        if free(start, end):
            found.append(ActorMention(offset + start, offset + end, text[start:end], actor.name, actor.inter, "named",
                                      actor.note, home=(actor.country or country) if actor.inter == STATE else ""))
    low = lower_aligned(text)
    named_hits = sorted([*c.named_low.finditer(low), *c.named_acronyms.finditer(text)], key=lambda m: m.start()) \
        if low is not None else list(_as_written().named.finditer(text))
    for m in named_hits:
        if not free(m.start(), m.end()):
            continue
        # The first entry whose alias matches, whose country is the event's (or any) and whose period covers the day.
        said = text[m.start():m.end()]
        entry = next((e for e in _named_entries_of(said)
                      if (not e.country or e.country == country or e.abroad) and e.active(day)), None)
        if entry is None:
            continue
        name, review = _fill(entry.name, country, day)
        found.append(ActorMention(offset + m.start(), offset + m.end(), text[m.start():m.end()], name, entry.inter,
                                  "named", review, home=(entry.country or country) if entry.inter == STATE else ""))
    for m in c.forces.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if m.group("dem") in c.book.demonyms and any(w[:1].islower() for w in m.group("between").split()):
            continue  # "Russia launched a missile": a country's name is its forces' adjective only right before them
        spans = [(m.start(), m.end(), "dem")]
        if m.group("dem2"):  # "Russian and Ukrainian forces": two forces
            spans = [(m.start(), m.end("dem"), "dem"), (m.start("dem2"), m.end(), "dem2")]
        for start, end, group in spans:
            home = c.demonym_country[m.group(group).casefold()]
            name, review = state_force(home, "police" if c.police.search(text, start, end) else "military", day)
            inter = 1 if home == country else 8
            found.append(ActorMention(offset + start, offset + end, text[start:end], name, inter, "state", review,
                                      home=home))
    for m in (c.forces_of.finditer(text) if (" of " in text or " from " in text) and c.of_country.search(text)
              else ()):
        # "the military forces of Russia", "military forces from South Sudan" (the cheap search for " of <country>"
        # first spares most sentences)
        if not free(m.start(), m.end()):
            continue
        spans = [(m.start(), m.end(), "country")]
        if m.group("country2"):  # "the troops of India and Pakistan": two forces
            spans = [(m.start(), m.end("country"), "country"), (m.start("country2"), m.end(), "country2")]
        for start, end, group in spans:
            home = m.group(group)
            name, review = state_force(home, "police" if c.police.search(text, m.start(), m.end()) else "military", day)
            found.append(ActorMention(offset + start, offset + end, text[start:end], name,
                                      STATE if home == country else EXTERNAL, "state", review, home=home))
    for m in (c.generic_low.finditer(low) if low is not None else _as_written().generic.finditer(text)):
        if not free(m.start(), m.end()):
            continue
        # each role is the named group g<index> of the search of the original text; in the faster search of the
        # lower-cased text, it is the first role whose patterns match there
        index = int(str(m.lastgroup)[1:]) if low is None else next(
            i for i in c.generic_roles_at.get(low[m.start()], range(len(c.generic_roles)))
            if c.generic_roles[i].match(low, m.start()))
        role = c.generic_entries[index]
        if role.inter == CIVILIANS and _inside_a_name(text, m.start()):
            continue  # "the Korean People's Army", "the Monywa The Boys": a word of a name, not people
        home = country
        before = c.demonym_before.search(text[max(0, m.start() - 30):m.start()])
        if before and role.inter in (CIVILIANS, RIOTERS, STATE):  # "Israeli settlers" in the West Bank are Israel's
            home = c.demonym_country[before.group("dem").casefold()]
        name, review = _fill(role.name, home, day)
        inter = EXTERNAL if role.inter == STATE and home != country else role.inter  # "Israeli prison guards"
        start = m.start()
        pair: tuple[int, int, str] | None = None  # the first of two names sharing the role, as (start, end, name)
        if role.named_prefix:
            prefix = c.prefix.search(text[max(0, m.start() - 60):m.start()])
            if prefix and not _adjacent_to_mention(found, offset + m.start()):
                words = text[m.start() - len(prefix.group().lstrip(" ,;(")):m.start()].strip(" -")
                if any(char.isalpha() for char in words) \
                        and words.split()[0].casefold() not in c.prefix_stopwords \
                        and (words.casefold() not in c.demonym_country or words in c.book.demonyms):  # Niger State
                    name, review = words, f"{words!r} is not in the actor dictionary: check ACLED's name and category"
                    start = m.start() - len(prefix.group().lstrip(" ,;("))
                    # an acronym ("CODECO-ALC militiamen") names an organisation, a place or people ("Zamfara
                    # militia") a communal one: prefix_inter applies to the latter only
                    acronym = c.unlisted.fullmatch(words) is not None
                    inter = c.book.local_group_inter.get(country) or (role.inter if acronym else None) \
                        or role.prefix_inter or role.inter
                    pair = _first_of_pair(c, text, start, free)
        if _adjacent_to_mention(found, offset + start):
            continue
        found.append(ActorMention(offset + start, offset + m.end(), text[start:m.end()], name, inter,
                                  role.role, review, start != m.start(), home if inter == STATE else ""))
        if pair is not None:  # "Tiv and Ichen ethnic militias": the Tiv are a group of the same kind
            found.append(replace(found[-1], start=offset + pair[0], end=offset + pair[1], text=pair[2], name=pair[2],
                                 review=f"{pair[2]!r} is not in the actor dictionary: check ACLED's name and category"))
    for m in c.unlisted.finditer(text):
        if m.group() in c.not_actors or m.group().casefold() in c.demonym_country or not free(m.start(), m.end()) \
                or c.weapon_models.fullmatch(m.group()):
            continue
        if not (c.unlisted_before.search(text[max(0, m.start() - 30):m.start()])
                or c.unlisted_after.match(text[m.end():m.end() + 40])):
            continue
        if any(0 <= offset + m.start() - f.end <= 1 or 0 <= f.start - offset - m.end() <= 1 for f in found):
            continue  # "Boko Haram JAS", "SWAT police": the acronym only qualifies an actor already named
        if text[m.end():m.end() + 1] == ")" and any(
                f.role == "named" and text[f.end - offset:m.start()] == " (" for f in found):
            continue  # "Patriot Front (PF)": the acronym of a named actor
        found.append(ActorMention(offset + m.start(), offset + m.end(), m.group(), m.group(), c.book.unlisted.inter,
                                  "unlisted", f"{m.group()!r} is not in the actor dictionary: check ACLED's name and "
                                  "category"))
    # (the cheap search for an organisation's word after a space first spares most sentences)
    for m in (c.titled.finditer(text) if c.titled_end.search(text) else ()):
        if any(word.casefold() in c.demonym_country or word in c.countries for word in m.group().split()):
            continue  # "Sudan Army Forces": a state's own forces
        if free(m.start(), m.end()) and not _adjacent_to_mention(found, offset + m.start()):
            found.append(ActorMention(offset + m.start(), offset + m.end(), m.group(), m.group(),
                                      c.book.local_group_inter.get(country) or c.book.unlisted.inter, "unlisted",
                                      f"{m.group()!r} is not in the actor dictionary: check ACLED's name and category"))
    found.sort(key=lambda a: a.start)
    found = [a for a in found if not (a.inter in STATE_FORCES and _dress_after().match(text, a.end - offset))
             and not _jurisdiction(a, text, offset)]
    return _identified(_partisans(_off_duty(_either(found, text, offset), text, offset, country, day), text, offset,
                                  country, day), text, offset)


@functools.lru_cache(maxsize=1)
def _either_between() -> re.Pattern[str]:
    """What stands between two named armed groups told as one doer (actors.yaml ``either_words``): "/", " or "."""
    words = "|".join(re.escape(w) for w in sorted(_compiled().book.either_words, key=len, reverse=True))
    return re.compile(rf"\s*(?:\([^()]{{0,20}}\)\s*)?(?:{words})\s*" if words else "(?!)", re.IGNORECASE)


def _either(found: list[ActorMention], text: str, offset: int) -> list[ActorMention]:
    """Two named armed groups joined by "/" or "or" are one doer, named as ACLED names it: "X and/or Y"."""
    kept: list[ActorMention] = []
    for mention in found:
        last = kept[-1] if kept else None
        if last is not None and last.role == mention.role == "named" \
                and {last.inter, mention.inter} <= ARMED_GROUPS \
                and _either_between().fullmatch(text, last.end - offset, mention.start - offset):
            both = last.name == mention.name  # "KNU/KNLA": two names of one group
            kept[-1] = replace(last, end=mention.end, text=text[last.start - offset:mention.end - offset],
                               name=last.name if both else f"{last.name} and/or {mention.name}",
                               review=last.review if both else
                               f"the report names either {last.name} or {mention.name} as the doer")
        else:
            kept.append(mention)
    return kept


@functools.lru_cache(maxsize=1)
def _claim_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words after a group, and those before it, that say it claimed an event or was blamed for it."""
    book = _compiled().book
    after, before = "|".join(book.claimed_after) or "(?!)", "|".join(book.claimed_before) or "(?!)"
    return (re.compile(rf"\s*(?:\([^()]*\)\s*)?(?:\S+\s+){{0,2}}?(?:{after})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{before})\s+(?:the\s+)?$", re.IGNORECASE))


def claims(mention: ActorMention, text: str, offset: int = 0) -> bool:
    """Whether ``text`` (the sentence of ``mention``, which starts at ``offset``) says that the named armed group
    claimed the event or was blamed for it (actors.yaml ``claimed_after``, ``claimed_before``)."""
    if mention.role not in ("named", "unlisted") or mention.inter not in ARMED_GROUPS:
        return False
    after, before = _claim_words()
    return after.match(text, mention.end - offset) is not None \
        or before.search(text[max(0, mention.start - offset - 60):mention.start - offset]) is not None


@functools.lru_cache(maxsize=1)
def _jurisdiction_words() -> re.Pattern[str]:
    words = "|".join(_compiled().book.jurisdiction)
    return re.compile(rf"\b(?:{words})\s+(?:[\w'-]+\s+){{0,3}}$" if words else "(?!)", re.IGNORECASE)


_STATION = re.compile(r"\s+stations?\b", re.IGNORECASE)


def _jurisdiction(mention: ActorMention, text: str, offset: int) -> bool:
    """Whether ``mention`` is the police station whose jurisdiction places an event (actors.yaml ``jurisdiction``:
    "under Kankarbagh police station"), not the police."""
    start, end = mention.start - offset, mention.end - offset
    return mention.inter in STATE_FORCES and _STATION.match(text, end) is not None \
        and _jurisdiction_words().search(text, max(0, start - 60), start) is not None


@functools.lru_cache(maxsize=1)
def _dress_after() -> re.Pattern[str]:
    """Words right after a state force that make it what someone wears (actors.yaml ``dress``): "gunmen wearing
    military uniforms" are no soldiers."""
    words = "|".join(_compiled().book.dress)
    return re.compile(rf"[\s-]+(?:{words})\b" if words else "(?!)", re.IGNORECASE)


def _first_of_pair(c: _Compiled, text: str, start: int,
                   free: Callable[[int, int], bool]) -> tuple[int, int, str] | None:
    """The first of two names that share one role, told right before the second at ``start`` ("Tiv and Ichen
    ethnic militias clashed"), as (start, end, name) in ``text``; None when there is none or it is taken."""
    before = max(0, start - 40)
    pair = c.coordinated.search(text[before:start])
    if pair is None:
        return None
    first, last, name = before + pair.start("name"), before + pair.end("name"), pair.group("name")
    if name.split()[0].casefold() in c.prefix_stopwords or name.casefold() in c.demonym_country \
            or not free(first, last):
        return None
    return first, last, name


@functools.lru_cache(maxsize=1)
def _off_duty_after() -> re.Pattern[str]:
    """Words within a few words after a state force that make it off duty (actors.yaml ``off_duty``)."""
    words = "|".join(_compiled().book.off_duty)
    return re.compile(rf"^(?:\s+[\w-]+){{0,6}}?\s*(?:{words})" if words else "(?!)", re.IGNORECASE)


def _off_duty(found: list[ActorMention], text: str, offset: int, country: str, day: date) -> list[ActorMention]:
    """State forces said to be off duty are civilians."""
    civilians = None
    for i, mention in enumerate(found):
        if mention.inter in STATE_FORCES and _off_duty_after().match(text[mention.end - offset:]):
            civilians = civilians or generic_actor("civilians", country, day)
            found[i] = replace(mention, name=civilians.name, inter=CIVILIANS, role=civilians.role, home="")
    return found


@functools.lru_cache(maxsize=1)
def _partisan_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A party's people right after its name, the same before "of" and its name, a name in capitals before them,
    and "of" and a name in capitals after them (actors.yaml ``partisans``)."""
    partisans = _compiled().book.partisans
    words = partisans.words
    of = r"\s+of\s+(?:the\s+)?(?:ruling\s+|opposition\s+)?"
    return (re.compile(rf"\s+(?:{words}|{partisans.one})\b", re.IGNORECASE),
            re.compile(rf"{words}{of}$", re.IGNORECASE),
            re.compile(r"(?:[A-Z][\w()'\u2019-]*\s+(?:and\s+)?){1,4}$"), re.compile(rf"{of}[A-Z][\w()'\u2019-]*"))


def _partisans(found: list[ActorMention], text: str, offset: int, country: str, day: date) -> list[ActorMention]:
    """A party's people ("BSP members", "Congress workers", "activists of the BNP") are rioters, the party named
    for review as an associated actor."""
    after, before, name, of_name = _partisan_patterns()
    c = _compiled()
    rioters = None
    for i, mention in enumerate(found):
        start, end = mention.start - offset, mention.end - offset
        party = ""
        if mention.role == "unlisted":
            tail = after.match(text, end)
            if tail is not None or before.search(text, 0, start) is not None:
                party, end = mention.text, tail.end() if tail is not None else end
        elif mention.role == "civilians" and re.fullmatch(c.book.partisans.words, mention.text, re.IGNORECASE):
            head, tail = name.search(text, 0, start), of_name.match(text, end)
            said = head.group() if head is not None else tail.group() if tail is not None else ""
            words = [w for w in said.split() if w not in ("and", "of", "the", "ruling", "opposition")]
            if words and not any(w.casefold() in c.demonym_country or w in c.countries for w in words) \
                    and words[0] not in c.book.prefix_stopwords:
                party = " ".join(words)
                start, end = (head.start(), end) if head is not None else (start, tail.end() if tail else end)
        if party:
            rioters = rioters or generic_actor("rioters", country, day)
            found[i] = replace(mention, start=offset + start, end=offset + end, text=text[start:end],
                               name=rioters.name, inter=rioters.inter, role=rioters.role,
                               review=f"{text[start:end]!r}: a party's people, coded as rioters; add {party!r} as "
                               "an associated actor")
    return found


def attributed(before: str) -> bool:
    """Whether ``before`` (the text before an actor) ends in words that attribute an act to it ("a landmine,
    presumably", "an armed group likely to be")."""
    return _compiled().attributed.search(before) is not None


@functools.lru_cache(maxsize=1)
def _belonging() -> re.Pattern[str]:
    """The words between a generic armed role and the named group it belongs to (actors.yaml ``belonging``)."""
    words = _alternation(list(_compiled().book.belonging))
    return re.compile(rf"\s+(?:{words})\s+(?:the\s+)?" if words else "(?!)", re.IGNORECASE)


def _identified(found: list[ActorMention], text: str, offset: int) -> list[ActorMention]:
    """ "armed men (assumed Darfur communal militia)", "an armed group likely to be IS militants", "a new armed
    group, Watandost Front,": the actor named as what the one before it is, or believed to be, names it."""
    c = _compiled()
    kept: list[ActorMention] = []
    for mention in found:
        before = kept[-1] if kept else None
        between = text[before.end - offset:mention.start - offset] if before is not None else ""
        if before is not None and before.end <= mention.start and c.coded_as.fullmatch(between):
            # "'joint Southern Resistance forces' (coded as IRG + Southern Resistance)": the note's own coding
            kept[-1] = replace(before, name=mention.name, inter=mention.inter, review=mention.review, role=mention.role,
                               home=mention.home)
            continue
        if before is not None and before.role not in ("named", "state") and before.end <= mention.start \
                and ((c.identified_as.fullmatch(between) and text[mention.end - offset:].lstrip().startswith(")"))
                     or (mention.role in ("named", "state") and c.attributed.fullmatch(between))
                     or (mention.role in ("named", "unlisted") and before.role in c.book.apposed_roles
                         and between.strip() == "," and text[mention.end - offset:].lstrip()[:1] in (",", "."))
                     or (mention.role == "named" and before.role in c.book.apposed_roles
                         and _belonging().fullmatch(between))):
            kept[-1] = replace(before, name=mention.name, inter=mention.inter, review=mention.review, role=mention.role,
                               home=mention.home)
            continue
        kept.append(mention)
    return kept


@functools.lru_cache(maxsize=1)
def _definite() -> tuple[re.Pattern[str], int]:
    """The words that make a role of ``coreference_definite`` refer back (actors.yaml ``definite_words``) right
    before it, and how far back to look for them."""
    words = _compiled().book.definite_words
    return (re.compile(rf"\b(?:{literals(list(words))})\s+$", re.IGNORECASE) if words else re.compile("(?!)"),
            max((len(w) for w in words), default=0) + 2)


def refers_back(mention: ActorMention, text: str, start: int) -> bool:
    """Whether ``mention``, at ``start`` of ``text``, is a generic role ("the militants") that stands for the last
    actor of its kind."""
    book = _compiled().book
    if mention.prefixed:
        return False
    if mention.role in book.coreference:
        return True
    definite, reach = _definite()
    return mention.role in book.coreference_definite and definite.search(text, max(0, start - reach), start) is not None


def demonym_country(adjective: str) -> str | None:
    """The country an adjective names ("Chinese" -> "China"), or None."""
    return _compiled().demonym_country.get(adjective.casefold())


def demonyms_pattern() -> str:
    """A regular expression alternation of every country adjective of the dictionary."""
    return literals([d for names in _compiled().book.demonyms.values() for d in names])


@functools.lru_cache(maxsize=1)
def _generic_roles() -> dict[str, GenericActor]:
    """The first generic actor of each role."""
    roles: dict[str, GenericActor] = {}
    for entry in _compiled().generic_entries:
        roles.setdefault(entry.role, entry)
    return roles


def generic_actor(role: str, country: str, day: date) -> ActorMention:
    """The generic actor of ``role`` (civilians, police, ...) in ``country``, with no text behind it."""
    entry = _generic_roles().get(role)
    if entry is None:
        raise KeyError(f"no generic actor role {role!r} in the actor dictionary")
    name, review = _fill(entry.name, country, day)
    return ActorMention(0, 0, "", name, entry.inter, role, review, home=country if entry.inter == STATE else "")


def _front_actor(item: str, country: str, day: date) -> ActorMention:
    """A side's actor of a front: a country's military (External/Other forces outside it) or a named actor."""
    book = _compiled().book
    entry = next((n for n in book.named if n.name == item), None)
    if entry is None:
        name, review = state_force(item, "military", day)
        return ActorMention(0, 0, "", name, STATE if item == country else EXTERNAL, "state", review, home=item)
    name, review = _fill(entry.name, country, day)
    return ActorMention(0, 0, "", name, entry.inter, "named", review,
                        home=(entry.country or country) if entry.inter == STATE else "")


def leads_backers() -> frozenset[str]:
    """Named local factions ACLED codes as actor1 when they act with the foreign forces that back them."""
    return frozenset(_compiled().book.leads_backers)


def front_sides(country: str, day: date) -> tuple[ActorMention, ActorMention] | None:
    """The first actor of each side of the war coded in ``country`` on ``day`` (None when there is none, or when
    the war's clashes with no side named need not be its own: ``unnamed``)."""
    front = next((f for f in _compiled().book.fronts if f.country == country and f.active(day)), None)
    if front is None or not front.unnamed:
        return None
    return _front_actor(front.sides[0][0], country, day), _front_actor(front.sides[1][0], country, day)


def front_opponent(mention: ActorMention, country: str, day: date) -> ActorMention | None:
    """The actor standing for the other side of the war ``mention`` fights in ``country`` on ``day``, or None
    when it is on no side of one."""
    for front in _compiled().book.fronts:
        if front.country != country or not front.active(day):
            continue
        for side, other in ((front.sides[0], front.sides[1]), (front.sides[1], front.sides[0])):
            if any(_front_actor(item, country, day).name == mention.name for item in side):
                return _front_actor(other[0], country, day)
    return None


def front_attacker(place: PlaceMention, country: str, day: date) -> tuple[ActorMention, str] | None:
    """The side that fires at ``place`` in the war coded in ``country`` on ``day``, and the place whose holder
    says so: the other side than the one holding it (actors.yaml ``fronts``, ``held``), or holding the nearest
    place it names (``nearby_km``); None when the dictionary does not say who holds it."""
    for i, front in enumerate(_compiled().book.fronts):
        if front.country != country or not front.active(day):
            continue
        spelled = spelling(fold(_NUMBERED.sub("", place.text)))  # "Vodyane", "Zolote-4": Vodiane, Zolote
        for side, (held, other) in enumerate(((front.held[0], front.sides[1]), (front.held[1], front.sides[0]))):
            if any(re.fullmatch(pattern, place.text, re.IGNORECASE) for pattern in held) \
                    or spelled in _held_spellings(i)[side]:
                return _front_actor(other[0], country, day), place.text
        known = place.place
        if known is None or known.admin1 not in front.held_areas:
            continue
        near = min(((distance_km(known.latitude, known.longitude, p.latitude, p.longitude), p.name, side)
                    for side, points in enumerate(_held_places(i)) for p in points), default=None)
        if near is not None and near[0] <= front.nearby_km:
            return _front_actor(front.sides[1 - near[2]][0], country, day), near[1]
    return None


#: A place name of the fronts' lists that is no pattern: letters, apostrophes and spaces.
_PLAIN_NAME = re.compile(r"[\w' ]+")

#: The number of one of several places of a name ("Zolote-4", "Mine 6/7" is no such place).
_NUMBERED = re.compile(r"-\d+$")


@functools.lru_cache(maxsize=8)
def _held_spellings(front: int) -> tuple[frozenset[str], frozenset[str]]:
    """The spellings (:func:`~eventcode.coder.world.spelling`) of the plain place names that only one side of
    ``fronts[front]`` holds: a report's transliteration ("Vodyane", "Dolomytne") finds the list's."""
    first, second = ({spelling(fold(name)) for name in held if _PLAIN_NAME.fullmatch(name)}
                     for held in _compiled().book.fronts[front].held)
    return frozenset(first - second), frozenset(second - first)


@functools.lru_cache(maxsize=8)
def _held_places(front: int) -> tuple[tuple[WorldPlace, ...], tuple[WorldPlace, ...]]:
    """The GeoNames places, in the front's ``held_areas``, that each side of ``fronts[front]`` holds."""
    entry = _compiled().book.fronts[front]
    index = country_index(entry.country)
    if index is None:
        return (), ()
    keys = list(index.places)
    held_by = []
    for held in entry.held:
        names: list[str] = []
        for name in held:
            if _PLAIN_NAME.fullmatch(name):  # looked up, not searched for
                names.append(fold(name))
            else:
                pattern, first = re.compile(name, re.IGNORECASE), fold(name[:1])
                names.extend(key for key in keys if key[:1] == first and pattern.fullmatch(key))
        held_by.append(tuple(p for key in names for p in index.places.get(key) if p.admin1 in entry.held_areas))
    return held_by[0], held_by[1]


def area_insurgents(country: str, admin1: str, day: date) -> ActorMention | None:
    """The insurgents ACLED names for an unnamed armed attacker in ``admin1`` of ``country`` (actors.yaml
    ``insurgent_areas``; ``admin1`` "" where the event is at no known place), or None."""
    area = next((a for a in _compiled().book.insurgent_areas if a.country == country
                 and (admin1 in a.admin1 if admin1 else a.unplaced)), None)
    return _front_actor(area.actor, country, day) if area is not None else None


_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:;])\b[A-Z][\w'\u2019-]* $")


def _inside_a_name(text: str, start: int) -> bool:
    """Whether the capitalised word at ``start`` follows another capitalised word with only a space between
    (a name's word, not the start of a sentence or a clause)."""
    return text[start:start + 1].isupper() and _CAPITALISED_BEFORE.search(text, max(0, start - 40), start) is not None


def _adjacent_to_mention(found: list[ActorMention], start: int) -> bool:
    """Whether a mention ends right before ``start`` ("Al Shabaab militants": the generic word adds nothing)."""
    return any(0 <= start - m.end <= 1 and m.role in ("named", "state") for m in found)
