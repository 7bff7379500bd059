"""Places in a report: names found in the gazetteers (the user's own and the bundled ones first, then the world
gazetteer of GeoNames' populated places and admin1 areas), and place-like names that no gazetteer knows, which the
coder reports for review instead of guessing their coordinates.

A world place is taken only where its whole capitalised phrase names it, apart from the codebook's area words
("Borno State", "Dioura village") and words that are no place ("Police", "Sunday"): "Paul Biya" is no place
Biya. A name that is both an admin1 area and a town is the town where the town is a city (Kano, Dhaka), the area
otherwise or where an area word follows ("Kano State"). Among several towns of one name, one in
an admin1 area the report names wins, then the most populous; a close choice is flagged for review.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from eventcode.codebook import acled_codebook
from eventcode.coder.actors import demonym_country, literals
from eventcode.coder.alternation import alternation
from eventcode.coder.codebook import Gazetteer, Place, lexicon, place_words
from eventcode.coder.world import CountryIndex, WorldPlace, country_index, fold, spelled_alike, spelling


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a sentence; ``place`` is None when no gazetteer knows it."""

    start: int
    end: int
    text: str
    place: Place | None
    geo_precision: int
    country: str
    note: str = ""
    #: the note says its event is coded to this place ("(coded to Kuron)"; places.yaml ``coded_to``)
    coded: bool = False
    #: the report names the place's admin area beside it ("Bloemhof (Lekwa-Teemane, North West)")
    qualified: bool = False


_NAME = r"[A-Z][\w'\u2019-]*(?:[ -][A-Z][\w'\u2019-]*)*"
#: A city at least this big that shares its name with an admin1 area is the city, not the area.
_CITY = 100_000
#: A second town of the same name at least this share of the chosen one's population makes the choice close.
_CLOSE = 0.3


@dataclass(frozen=True, slots=True)
class _Words:
    not_places: frozenset[str]
    area_words: frozenset[str]
    countries: frozenset[str]
    run: re.Pattern[str]
    area_after: re.Pattern[str]
    organisations: frozenset[str]
    links: re.Pattern[str]  # the words that join two places ("and", "to", "from"): no area qualifies across them
    coded_to: re.Pattern[str]  # the words of a note before the place its event is coded to


@functools.lru_cache(maxsize=1)
def _words() -> _Words:
    lists = place_words()
    connectors = "|".join(re.escape(w) for w in sorted(lists.connectors, key=len, reverse=True))
    name = r"[A-Z][\w'\u2019]*(?:-[\w'\u2019]+)*"
    countries = {fold(c.name) for c in acled_codebook().countries}
    area_words = frozenset(fold(w) for w in lists.area_words)
    after = "|".join(re.escape(w) for w in sorted(area_words, key=len, reverse=True))
    return _Words(frozenset(fold(w) for w in lists.not_places), area_words, frozenset(countries),
                  re.compile(rf"{name}(?: (?:(?:{connectors})[ -])*{name})*"),
                  re.compile(rf"[ -](?P<word>{after})" if after else "(?!)"),
                  frozenset(fold(w) for w in lists.organisation_words), re.compile(lists.qualifier_breaks),
                  re.compile(lists.coded_to))


#: A word that is capitalised, or capitalised after an article joined by a hyphen ("al-Shughur").
_CAPITAL = re.compile(r"(?<![^ -])[A-Z]")


_WORD = re.compile(r"[^ ]+")


@functools.lru_cache(maxsize=1 << 14)
def _tokens(run: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _WORD.finditer(run))


def _possessive(token: str) -> bool:
    return token.endswith(("'s", "\u2019s"))


@functools.lru_cache(maxsize=1)
def _unknown() -> re.Pattern[str]:
    """Place-like names no gazetteer knows: "in Maijayang", "the Aungja base", "Hpa Yar village"."""
    lex = lexicon()
    before = f"(?i:{alternation(lex.place_before, ignorecase=True)})"
    after = "|".join(lex.place_after)
    listed = rf"{_NAME}(?:(?:, |,? and ){_NAME})*"
    return re.compile(rf"\b(?:{before}) (?:the )?(?P<a>{listed})|\b(?P<b>{_NAME}) (?=(?:{after})\b)")


def _unknown_names(text: str) -> Iterator[tuple[int, int]]:
    """The spans of place-like names (:func:`_unknown`), each of a list apart ("the villages of Machava and
    Simbolongo")."""
    for m in _unknown().finditer(text):
        if m.group("b"):
            yield m.span("b")
            continue
        for name in re.finditer(_NAME, m.group("a")):
            yield m.start("a") + name.start(), m.start("a") + name.end()


class PlaceIndex:
    """Gazetteers compiled into one lookup per country."""

    def __init__(self, gazetteers: Iterable[Gazetteer], world: bool = True) -> None:
        self.world = world
        # each name's candidates (place, geo_precision); a later gazetteer's replace an earlier one's
        self._names: dict[str, dict[str, list[tuple[Place, int]]]] = {}
        self._areas: dict[str, set[str]] = {}  # the names of areas, by country
        for gazetteer in gazetteers:
            mine: dict[str, list[tuple[Place, int]]] = defaultdict(list)
            by_location: dict[str, list[Place]] = defaultdict(list)
            for place in gazetteer.places:
                by_location[place.location].append(place)
                for name in dict.fromkeys((place.location, *place.aliases)):
                    mine[name].append((place, place.geo_precision))
            # an area's name stands for the place it is coded to (its places of the same name give way); areas of
            # one name in several admin1 areas are told apart as places of one name are
            coded: dict[str, list[tuple[Place, int]]] = defaultdict(list)
            for area in gazetteer.areas:
                places = by_location[area.location]
                target = next((p for p in places if p.admin1 == area.admin1), places[-1])
                for name in area.names:
                    coded[name].append((target, area.geo_precision))
            mine.update(coded)
            self._areas.setdefault(gazetteer.country, set()).update(coded)
            self._names.setdefault(gazetteer.country, {}).update(mine)
        self._patterns = {country: re.compile(rf"\b(?:{literals(list(names))})\b")
                          for country, names in self._names.items() if names}

    def admin_context(self, text: str, country: str) -> frozenset[str]:
        """The admin1 areas of ``country`` that ``text`` names (they decide between towns of one name)."""
        index = country_index(country) if self.world else None
        return frozenset() if index is None else frozenset(area for _s, _e, area in _areas_at(text, index))

    def place(self, country: str, location: str) -> Place | None:
        """The place called ``location`` in ``country``'s gazetteer, if any."""
        found = [place for place, precision in self._names.get(country, {}).get(location, ())
                 if place.location == location and precision == place.geo_precision]
        return max(found, key=lambda p: p.events) if found else None

    def countries(self) -> Sequence[str]:
        """The countries with a gazetteer."""
        return sorted(self._names)

    def guess_country(self, text: str) -> str | None:
        """The country whose gazetteer names the most places in ``text``, or None when none is named."""
        counts = {country: len(pattern.findall(text)) for country, pattern in self._patterns.items()}
        best = max(counts, key=lambda country: counts[country], default=None)
        return best if best is not None and counts[best] else None

    def find(self, text: str, country: str, offset: int = 0,
             context: frozenset[str] = frozenset()) -> list[PlaceMention]:
        """Places of ``country`` named in ``text``: those of the user's and the bundled gazetteers, then those of
        the world gazetteer (``context``: the admin1 areas the report names), then unknown place-like names."""
        found: list[PlaceMention] = []
        pattern = self._patterns.get(country)
        taken: list[tuple[int, int]] = []
        index = country_index(country) if self.world else None
        if pattern is not None:
            for m in pattern.finditer(text):
                candidates = self._names[country][m.group()]
                if candidates[0][0].events and not _whole_phrase(text, m.start(), m.end()):
                    continue  # a place read from an ACLED export is named by its whole capitalised phrase
                if context and index is not None and not any(p.admin1 in context for p, _ in candidates) and any(
                        t.admin1 in context for t in index.places.get(fold(m.group()), ())):
                    continue  # "Columbia (Missouri)": the world's Columbia in the area the report names
                if context and m.group() in self._areas.get(country, ()) and not any(
                        p.admin1 in context for p, _ in candidates):
                    continue  # an area of another admin1 than those the report names
                (place, precision), note = _choose(candidates, m.group(), text, country, context)
                found.append(PlaceMention(offset + m.start(), offset + m.end(), m.group(), place, precision, country,
                                          note))
                taken.append((m.start(), m.end()))
        if index is not None:
            for mention in _world_places(text, index, country, context, offset):
                start, end = mention.start - offset, mention.end - offset
                if not any(s < end and start < e for s, e in taken):
                    found.append(mention)
                    taken.append((start, end))
        for start, end in _unknown_names(text):
            name = text[start:end]
            if any(s < end and start < e for s, e in taken) or not may_be_a_place(name):
                continue
            alike = _spelled_alike(name, index, country, context) if index is not None else None
            found.append(PlaceMention(offset + start, offset + end, name, None, 0, country) if alike is None
                         else PlaceMention(offset + start, offset + end, name, alike.as_place(), 1, country,
                                           f"{name!r} is not in the gazetteer: coded to {alike.name} "
                                           f"({alike.admin1}), spelled alike"))
        found.sort(key=lambda p: p.start)
        coded_to = _words().coded_to
        return [replace(m, coded=True) if coded_to.search(text, max(0, m.start - offset - _CODED_REACH),
                                                           m.start - offset) else m
                for m in _without_qualifiers(found, text, offset, index)]


#: The fewest letters, and consonants, of a name no gazetteer knows that is looked up by its spelling
#: (:func:`spelled_alike`): "Khaya" ("k") is too short to say which place it spells.
_SPELLED_LETTERS = 5
_SPELLED_CONSONANTS = 2


def _spelled_alike(name: str, index: CountryIndex, country: str, context: frozenset[str]) -> WorldPlace | None:
    """The one place of the world gazetteer whose name is spelled like ``name`` ("Spin Bolduk": Spin Buldak), in
    an admin1 area the report names where it names any; None where there is none or several."""
    key = fold(name)
    if len(key.replace(" ", "")) < _SPELLED_LETTERS or len(spelling(key).replace(" ", "")) < _SPELLED_CONSONANTS \
            or not context:
        return None
    towns = {town for alike in spelled_alike(country, key) for town in index.places.get(alike, ())
             if town.admin1 in context}
    return next(iter(towns)) if len(towns) == 1 else None


#: How far before a place (in characters) a note's words may say its event is coded to it.
_CODED_REACH = 50

#: What may stand between a place and the area that qualifies it.
_GAP = re.compile(r"[^.;]{0,60}")


def _bare(name: str) -> str:
    """A folded name without its leading article ("al hasakeh" -> "hasakeh")."""
    return name[3:] if name.startswith("al ") else name


def _names_admin(key: str, place: Place, index: CountryIndex | None) -> bool:
    """Whether a folded name names one of a place's admin areas: as written, without its article ("Hasakeh" for
    Al Hasakeh), or as the world gazetteer names its admin1 area ("Veracruz" for Veracruz de Ignacio de la
    Llave)."""
    names = {fold(a) for a in (place.admin1, place.admin2, place.admin3) if a}
    return key in names or _bare(key) in {_bare(n) for n in names} or (
        index is not None and bool(place.admin1) and index.areas.get(key) == place.admin1)


def _without_qualifiers(found: list[PlaceMention], text: str, offset: int,
                        index: CountryIndex | None = None) -> list[PlaceMention]:
    """The places named, without those that only say in which admin area another one lies: "Demoso township
    (Loikaw district, Kayah state)", "Yenisehir city, Bursa", "in Bolivar state (coded to Ciudad Bolivar)",
    "Oteapan, Veracruz" (the state Veracruz de Ignacio de la Llave). An area's name qualifies a place on either
    side of it; a town's only right after the place; neither across the words that join two places
    (``qualifier_breaks``: "and", "to", "from")."""
    links = _words().links
    kept = []
    qualified: set[int] = set()
    for mention in found:
        key = fold(mention.text)
        qualifies = False
        for other in found:
            place = other.place
            if other is mention or place is None or fold(place.location) == key or fold(other.text) == key \
                    or other.geo_precision > 2 or not _names_admin(key, place, index):
                continue
            if other.end <= mention.start:
                between = text[other.end - offset:mention.start - offset]
            elif mention.geo_precision >= 2 or mention.place is None:
                between = text[mention.end - offset:other.start - offset]
            else:
                continue
            if _GAP.fullmatch(between) and not links.search(between):
                qualifies = True
                if other.end <= mention.start:
                    qualified.add(id(other))
                break
        if not qualifies:
            kept.append(mention)
    return [replace(m, qualified=True) if id(m) in qualified or _bracketed(m, text, offset, index) else m
            for m in kept]


_BRACKET = re.compile(r"\s*\((?P<inside>[^()]{1,100})\)")


def _bracketed(mention: PlaceMention, text: str, offset: int, index: CountryIndex | None) -> bool:
    """Whether a known place is followed by a bracket that names one of its admin areas, as ACLED's notes name the
    place coded: "Bizerte (Bizerte Nord, Bizerte)", "Kandy (Kandy, Central)"."""
    if mention.place is None:
        return False
    m = _BRACKET.match(text, mention.end - offset)
    return m is not None and any(_names_admin(fold(part), mention.place, index)
                                 for part in m.group("inside").split(",") if part.strip())


def _areas_at(text: str, index: CountryIndex) -> list[tuple[int, int, str]]:
    """Where ``text`` names admin1 areas of a country's world gazetteer: (start, end, ACLED's name)."""
    return [(m.start() + s, m.start() + e, index.areas[key]) for m in _words().run.finditer(text)
            for s, e, key in _named(m.group(), index) if key in index.areas]


#: How far (in characters) an admin1 area named beside a place may be to say where it lies: "Vysoke, Luhansk",
#: "in the Spin Boldak district of Kandahar province"; not a dateline's city at the head of a long sentence.
_QUALIFIER_REACH = 60


def _qualifying_areas(text: str, start: int, end: int, areas: list[tuple[int, int, str]]) -> frozenset[str]:
    """The admin1 areas named near a place in its sentence with no word that joins two places between them
    ("Vysoke, Luhansk"; not "from Quetta to Punjab province")."""
    links = _words().links
    return frozenset(area for s, e, area in areas if (e <= start or s >= end)
                     and (start - e if e <= start else s - end) <= _QUALIFIER_REACH
                     and not links.search(text[e:start] if e <= start else text[end:s]))


def _whole_phrase(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole capitalised phrase, apart from area words, words that are no place,
    countries and articles ("Minakulu sub-county", "Kano State", "Al Amadiya"; not the "Biya" of "Paul Biya")."""
    words = _words()
    articles = {fold(a) for a in place_words().articles}
    for m in words.run.finditer(text, max(0, start - 60), min(len(text), end + 60)):
        if m.start() <= start and end <= m.end():
            rest = [fold(w[:-2] if _possessive(w) else w)
                    for w in (text[m.start():start] + " " + text[end:m.end()]).split()]
            return all(w in words.not_places or w in words.area_words or w in words.countries or w in articles
                       for w in rest)
    return True


def _choose(candidates: list[tuple[Place, int]], name: str, text: str, country: str,
            context: frozenset[str]) -> tuple[tuple[Place, int], str]:
    """The place a name stands for among a gazetteer's places of that name: the one whose admin areas the text
    names (its admin1 among the report's, ``context``; its admin2 or admin3 in the sentence), then the one with
    the most events; a close choice is noted for review."""
    if len(candidates) == 1:
        return candidates[0], ""

    def named(place: Place) -> int:
        return (place.admin1 in context) + sum(bool(a) and a != name and a in text
                                               for a in (place.admin2, place.admin3))

    ranked = sorted(candidates, key=lambda c: (named(c[0]), c[0].events), reverse=True)
    chosen = ranked[0][0]
    rivals = [p for p, _ in ranked[1:] if named(p) == named(chosen) and p.events >= _CLOSE * chosen.events
              and (p.admin1, p.admin2) != (chosen.admin1, chosen.admin2)]
    if not rivals:
        return ranked[0], ""
    others = ", ".join(sorted({f"{p.admin2 or p.admin1} ({p.admin1})" for p in rivals}))
    return ranked[0], (f"{len(candidates)} places called {name!r} in {country}'s gazetteers: chose the one in "
                       f"{chosen.admin2 or chosen.admin1} ({chosen.admin1}); also in {others}")


def may_be_a_place(name: str) -> bool:
    """Whether a name no gazetteer knows may be a place: not when each of its words is no place on its own
    ("Saturday's", "December", "Democratic Republic"), when one names an organisation ("the MP Medical Officer's
    Federation"), nor a country or a country's adjective ("Greek")."""
    words = _words()
    tokens = [fold(t[:-2] if _possessive(t) else t) for t in name.split()]
    return not (all(t in words.not_places or t in words.countries for t in tokens)
                or any(t in words.organisations for t in tokens)
                or fold(name) in words.countries or demonym_country(name) is not None)


@functools.lru_cache(maxsize=1 << 14)
def _named(run: str, index: CountryIndex) -> tuple[tuple[int, int, str], ...]:
    """The sub-phrases of a capitalised phrase (:func:`_phrases`) whose folded name is a place or an admin1 area of
    a country's world gazetteer: (start, end, folded name). A report's phrases are read twice: for the admin areas
    it names, then for its places."""
    found = tuple((s, e, key) for s, e in _phrases(run, index)
                  if (key := fold(run[s:e])) in index.names or key in index.areas)
    if found or len(run) < _SPELLED_AREA_LETTERS:
        return found
    key = fold(run)
    area = _areas_by_spelling(index).get(spelling(key))  # "Benishangul Gumuz": GeoNames' Binshangul Gumuz
    # (one letter more is a people, not its area: "Madheshi" is no Madhesh)
    return ((0, len(run), area),) if area is not None and area[-1] == key[-1] else ()


#: The fewest characters of a capitalised phrase no gazetteer knows that may name an admin1 area spelled alike.
_SPELLED_AREA_LETTERS = 8


@functools.cache
def _areas_by_spelling(index: CountryIndex) -> dict[str, str]:
    """The folded names of a country's admin1 areas by their spelling (:func:`spelling`), where one area has it."""
    found: dict[str, list[str]] = defaultdict(list)
    for key in index.areas:
        found[spelling(key)].append(key)
    return {alike: keys[0] for alike, keys in found.items() if len({index.areas[key] for key in keys}) == 1}


def _phrases(run: str, index: CountryIndex) -> Iterator[tuple[int, int]]:
    """The sub-phrases of a capitalised phrase that may name a place: a possessive ends one ("Cameroon's
    Bamenda"); longest first from each word that opens some name of ``index``, both ends capitalised."""
    tokens = _tokens(run)
    for i, (start, first_end) in enumerate(tokens):
        token = run[start:first_end - 2] if _possessive(run[start:first_end]) else run[start:first_end]
        if not index.opens_a_name(fold(token).split(" ", 1)[0]):
            continue
        for j in range(min(len(tokens), i + 5), i, -1):
            end = tokens[j - 1][1]
            phrase = run[start:end]
            if run[start].isupper() and _CAPITAL.search(run, tokens[j - 1][0], end) and not any(
                    _possessive(run[s:e]) for s, e in tokens[i:j - 1]):
                yield start, end - (2 if _possessive(phrase) else 0)


def _world_places(text: str, index: CountryIndex, country: str, context: frozenset[str],
                  offset: int) -> Iterator[PlaceMention]:
    words = _words()
    runs = [(m, named) for m in words.run.finditer(text) if (named := _named(m.group(), index))]
    areas = [(m.start() + s, m.start() + e, index.areas[key]) for m, named in runs for s, e, key in named
             if key in index.areas]
    for m, named in runs:
        run = m.group()
        tokens = _tokens(run)
        taken_to = 0
        for start, end, key in named:
            if start < taken_to:
                continue
            phrase = run[start:end]
            if key in words.countries or (" " not in key and key in words.not_places and not (
                    key in index.areas and _closes_admin_list(text, m.start() + start, m.start() + end))) or (
                    phrase.isupper() and len(phrase) <= 4):
                continue
            rest = [fold(run[s:e - 2] if _possessive(run[s:e]) else run[s:e]) for s, e in tokens
                    if e <= start or s >= end]
            if not all(w in words.not_places or w in words.area_words or w in words.countries for w in rest):
                continue
            after = words.area_after.match(text[m.start() + end:m.start() + end + 40].lower())
            area_word = (after.group("word") if after else None) or next(
                (w for w in (fold(run[s:e]) for s, e in tokens if s >= end) if w in words.area_words), None)
            here = _qualifying_areas(text, m.start() + start, m.start() + end, areas)
            mention = _world_mention(phrase, key, index, country, context, area_word, here, offset + m.start() + start)
            if mention is not None:
                taken_to = end
                yield mention


_ADMIN_LIST = re.compile(r"\([^()]{0,80}(?:\(|, )$")


def _closes_admin_list(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the last of the admin areas an ACLED note gives in brackets after a place:
    "(Kollupitiya, Western)", "(Al Wahat, East)", where a word that is no place on its own ("Western") is the
    admin1 area."""
    return text[end:end + 1] == ")" and bool(_ADMIN_LIST.search(text, max(0, start - 82), start))


def _world_mention(phrase: str, key: str, index: CountryIndex, country: str, context: frozenset[str],
                   area_word: str | None, here: frozenset[str], start: int) -> PlaceMention | None:
    """The place a phrase at ``start`` names (``context``: the admin1 areas the report names; ``here``: those its
    sentence names with no word joining two places between, outside which a town of the phrase's name is not the
    one meant)."""
    towns = index.places.get(key, ())
    area = index.areas.get(key)
    seat = index.seat(area) if area else None
    admin_word = area_word is not None and area_word not in {"village", "town", "city", "camp", "market",
                                                             "neighbourhood", "neighborhood", "suburb",
                                                             "settlement", "community", "locality"}
    if area is not None and seat is not None and (
            admin_word or max((t.population for t in towns), default=0) < _CITY):
        return PlaceMention(start, start + len(phrase), phrase, seat.as_place(), 3, country,
                            f"{phrase!r} is the admin1 area {area}: coded to its seat, {seat.name}")
    here = here - {area}  # the area the phrase names itself says nothing of where its towns are
    if not towns or (here and not any(t.admin1 in here for t in towns)):
        return None  # "Vysoke, Luhansk" where GeoNames has Vysoke only elsewhere: a place it does not know
    ranked = sorted(towns, key=lambda t: (t.admin1 in context, t.population), reverse=True)
    chosen: WorldPlace = ranked[0]
    note = ""
    rivals = [t for t in ranked[1:] if (t.admin1 in context) == (chosen.admin1 in context)
              and t.population >= _CLOSE * chosen.population and t.admin1 != chosen.admin1]
    if rivals:
        note = (f"{len(towns)} places called {phrase!r} in {country}: chose the one in {chosen.admin1 or 'its area'}"
                f" (population {chosen.population:,}); also in {', '.join(sorted({t.admin1 for t in rivals}))}")
    precision = 2 if admin_word else 1
    return PlaceMention(start, start + len(phrase), phrase, chosen.as_place(), precision, country, note)
