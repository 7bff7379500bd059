"""One alternation of many regular expressions, written so that Python's engine tries few of them at each place.

Python tries the alternatives of ``a|b|c`` one after another at each position of the text: an alternation of
hundreds of trigger or actor patterns costs hundreds of tries at every word. :func:`alternation` writes the same
alternation as a trie on the alternatives' first characters, ``s(?:hell(?:ed|ing)|trike)|killed``, so that at each
position one character decides which few alternatives are tried. It finds what the plain alternation finds: the
alternatives keep their order wherever two of them may start alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TypeVar

_SPECIAL = frozenset("\\.^$*+?{}[]|()")
# an escape, a character class (a ']' right after '[' or '[^' is one of its characters), or a parenthesis or bar
_TOKEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.DOTALL)


def _structure(pattern: str) -> Iterator[tuple[int, int]]:
    """The positions of ``pattern``'s parentheses and bars outside escapes and character classes, each with its
    depth of parentheses (a group's parentheses at the depth outside it)."""
    depth = 0
    for m in _TOKEN.finditer(pattern):
        char = m.group()
        if char == "(":
            yield m.start(), depth
            depth += 1
        elif char == ")":
            depth -= 1
            yield m.start(), depth
        elif char == "|":
            yield m.start(), depth


def _close(pattern: str) -> int:
    """Where the group ``pattern`` opens with ends."""
    return next(i for i, depth in _structure(pattern) if depth == 0 and pattern[i] == ")")


def _split(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``."""
    bars = [i for i, depth in _structure(pattern) if depth == 0 and pattern[i] == "|"]
    return [pattern[start + 1:end] for start, end in zip([-1, *bars], [*bars, len(pattern)], strict=True)]


def _expanded(pattern: str) -> list[str]:
    """``pattern`` as alternatives tried in the same order, none opening with a non-capturing group:
    "(?:the )?army" -> "the army", "army"; "(?:a|b)c" -> "ac", "bc". A pattern with a capturing group or a
    conditional is kept whole (it would be repeated)."""
    if not pattern.startswith("(?:") or any(pattern[i] == "(" and (not pattern.startswith("(?", i)
                                                                   or pattern.startswith(("(?P", "(?("), i))
                                            for i, _ in _structure(pattern)):
        return [pattern]
    close = _close(pattern)
    inner, rest = pattern[3:close], pattern[close + 1:]
    if rest[:1] in ("*", "+", "{") or rest[:2] in ("??", "?+"):
        return [pattern]
    optional = rest[:1] == "?"
    rest = rest[optional:]
    heads = [*(part + rest for part in _split(inner)), *((rest,) if optional else ())]
    return [found for head in heads for found in _expanded(head)]


def _opening(pattern: str) -> tuple[str, str] | None:
    """The plain ASCII character every match of ``pattern`` opens with, and the pattern after it; None when the
    pattern opens otherwise. Lookbehinds before the character move after it: "(?<!air )strike" -> "s",
    "(?<!(?:air )s)trike"."""
    behind = []
    while pattern.startswith(("(?<=", "(?<!")):
        close = _close(pattern)
        behind.append(pattern[:4] + "(?:" + pattern[4:close] + ")")
        pattern = pattern[close + 1:]
    size = 2 if pattern[:1] == "\\" and not pattern[1:2].isalnum() else 1
    char = pattern[size - 1:size]
    if not char or not char.isascii() or (size == 1 and char in _SPECIAL) \
            or pattern[size:size + 1] in ("?", "*", "+", "{"):
        return None
    return char, "".join(look + pattern[:size] + ")" for look in behind) + pattern[size:]


def _trie(alternatives: Sequence[str], ignorecase: bool) -> list[str]:
    """The top-level alternatives of the trie of ``alternatives`` (each with no top-level bar)."""
    written: list[str] = []
    run: dict[str, list[str]] = {}  # alternatives that open with a plain character, since the last other one

    def flush() -> None:
        for char, rests in run.items():
            head = "\\" + char if char in _SPECIAL else char
            below = _trie(rests, ignorecase) if len(rests) > 1 else rests
            written.append(head + below[0] if len(below) == 1 else f"{head}(?:{'|'.join(below)})")
        run.clear()

    for pattern in (found for alternative in alternatives for found in _expanded(alternative)):
        opening = _opening(pattern)
        if opening is None:
            flush()  # alternatives on either side of it may start alike: their order around it is kept
            written.append(pattern)
        else:
            char, rest = opening
            run.setdefault(char.lower() if ignorecase else char, []).append(rest)
    flush()
    return written


def alternation(patterns: Sequence[str], ignorecase: bool = False) -> str:
    """The alternation of ``patterns`` (each a regular expression, itself maybe an alternation), as a trie on
    their first characters: it matches what ``"|".join(patterns)`` matches, the same alternative winning.
    ``ignorecase``: the expression is compiled with IGNORECASE. Back-references to numbered groups are not
    supported (groups may be reordered); named groups are kept."""
    return "|".join(_trie([part for pattern in patterns for part in _split(pattern)], ignorecase))


def openings(patterns: Sequence[str], ignorecase: bool = False) -> frozenset[str] | None:
    """The characters a match of any of ``patterns`` may open with (lower-cased with ``ignorecase``), or None when
    one may open with any: a cheap test of where they need not be tried."""
    chars = set()
    for part in (part for pattern in patterns for part in _split(pattern)):
        for alternative in _expanded(part):
            opening = _opening(alternative)
            if opening is None:
                return None
            chars.add(opening[0].lower() if ignorecase else opening[0])
    return frozenset(chars)


T = TypeVar("T")


def by_opening(items: Sequence[tuple[T, Sequence[str]]]) -> dict[str, tuple[T, ...]]:
    """For each ASCII character, the items (in their order) whose patterns may match where the text opens with it
    in either case (patterns searched with IGNORECASE, or lower-cased and searched in lower-cased text); where it
    opens with another character, any may match."""
    firsts = [(item, openings(patterns, ignorecase=True)) for item, patterns in items]
    return {char: tuple(item for item, chars in firsts if chars is None or char.lower() in chars)
            for char in map(chr, range(128))}
