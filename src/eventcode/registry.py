"""A read-only lookup of codebook entries by key: ``get()`` returns a default, ``lookup()`` raises with a hint."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar, overload

from eventcode.errors import UnknownValueError

T = TypeVar("T")
D = TypeVar("D")


def nearest(value: object, choices: Iterable[str]) -> str | None:
    """The valid choice closest to ``value`` (case-insensitive), or None when nothing is close."""
    options = list(choices)
    by_folded = {choice.casefold(): choice for choice in options}
    text = str(value).strip().casefold()
    if text in by_folded:
        return by_folded[text]
    close = difflib.get_close_matches(text, list(by_folded), n=1, cutoff=0.8)
    if close:  # a near spelling beats a containing name: "South-east Asia" is "Southeast Asia", not "East Asia"
        return by_folded[close[0]]
    for folded, choice in by_folded.items():
        if text and (text in folded or folded in text):
            return choice
    match = difflib.get_close_matches(text, list(by_folded), n=1, cutoff=0.5)
    return by_folded[match[0]] if match else None


class Registry(Generic[T]):
    """Entries of one kind (event types, countries, ...) in codebook order, keyed by a name or code."""

    def __init__(self, kind: str, entries: Iterable[T], key: Callable[[T], object]) -> None:
        self.kind = kind
        self._entries = tuple(entries)
        self._by_key = {key(entry): entry for entry in self._entries}

    @overload
    def get(self, key: object) -> T | None: ...
    @overload
    def get(self, key: object, default: D) -> T | D: ...
    def get(self, key: object, default: object = None) -> object:
        """The entry for ``key``, or ``default`` when there is none."""
        return self._by_key.get(key, default)

    def lookup(self, key: object) -> T:
        """The entry for ``key``; raises :class:`UnknownValueError` naming the nearest valid key."""
        try:
            return self._by_key[key]
        except (KeyError, TypeError):
            raise UnknownValueError(self.kind, key, nearest(key, map(str, self._by_key))) from None

    def keys(self) -> list[object]:
        return list(self._by_key)

    def __contains__(self, key: object) -> bool:
        try:
            return key in self._by_key
        except TypeError:
            return False

    def __iter__(self) -> Iterator[T]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
