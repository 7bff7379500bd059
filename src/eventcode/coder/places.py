"""Places in a report: names found in the gazetteers (bundled, plus the user's own), and place-like names that no
gazetteer knows, which the coder reports for review instead of guessing their coordinates."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventcode.coder.codebook import Gazetteer, Place, lexicon


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a sentence; ``place`` is None when no gazetteer knows it."""

    start: int
    end: int
    text: str
    place: Place | None
    geo_precision: int
    country: str


_NAME = r"[A-Z][\w'\u2019-]*(?:[ -][A-Z][\w'\u2019-]*)*"


@functools.lru_cache(maxsize=1)
def _unknown() -> re.Pattern[str]:
    """Place-like names no gazetteer knows: "in Maijayang", "the Aungja base", "Hpa Yar village"."""
    lex = lexicon()
    before = "|".join(f"(?i:{w})" for w in lex.place_before)
    after = "|".join(lex.place_after)
    return re.compile(rf"\b(?:{before}) (?:the )?(?P<a>{_NAME})|\b(?P<b>{_NAME}) (?=(?:{after})\b)")


class PlaceIndex:
    """Gazetteers compiled into one lookup per country."""

    def __init__(self, gazetteers: Iterable[Gazetteer]) -> None:
        self._names: dict[str, dict[str, tuple[Place, int]]] = {}
        for gazetteer in gazetteers:
            names = self._names.setdefault(gazetteer.country, {})
            by_location = {p.location: p for p in gazetteer.places}
            for place in gazetteer.places:
                for name in (place.location, *place.aliases):
                    names[name] = (place, 1)
            for area in gazetteer.areas:
                for name in area.names:
                    names[name] = (by_location[area.location], area.geo_precision)
        self._patterns = {
            country: re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                                + r")\b")
            for country, names in self._names.items() if names}

    def place(self, country: str, location: str) -> Place | None:
        """The place called ``location`` in ``country``'s gazetteer, if any."""
        found = self._names.get(country, {}).get(location)
        return found[0] if found is not None and found[1] == 1 else None

    def countries(self) -> Sequence[str]:
        """The countries with a gazetteer."""
        return sorted(self._names)

    def guess_country(self, text: str) -> str | None:
        """The country whose gazetteer names the most places in ``text``, or None when none is named."""
        counts = {country: len(pattern.findall(text)) for country, pattern in self._patterns.items()}
        best = max(counts, key=lambda country: counts[country], default=None)
        return best if best is not None and counts[best] else None

    def find(self, text: str, country: str, offset: int = 0) -> list[PlaceMention]:
        """Places of ``country`` named in ``text``: known ones, then unknown place-like names."""
        found: list[PlaceMention] = []
        pattern = self._patterns.get(country)
        taken: list[tuple[int, int]] = []
        if pattern is not None:
            for m in pattern.finditer(text):
                place, precision = self._names[country][m.group()]
                found.append(PlaceMention(offset + m.start(), offset + m.end(), m.group(), place, precision, country))
                taken.append((m.start(), m.end()))
        for m in _unknown().finditer(text):
            group = "a" if m.group("a") else "b"
            start, end = m.span(group)
            if any(s < end and start < e for s, e in taken):
                continue
            found.append(PlaceMention(offset + start, offset + end, m.group(group), None, 0, country))
        found.sort(key=lambda p: p.start)
        return found
