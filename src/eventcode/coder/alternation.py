"""One alternation of many regular expressions, written so that Python's engine tries few of them at each place.

Python tries the alternatives of ``a|b|c`` one after another at each position of the text: an alternation of
hundreds of trigger or actor patterns costs hundreds of tries at every word. :func:`alternation` writes the same
alternation as a trie on the alternatives' first characters, ``s(?:hell(?:ed|ing)|trike)|killed``, so that at each
position one character decides which few alternatives are tried. It finds what the plain alternation finds: the
alternatives keep their order wherever two of them may start alike.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

_SPECIAL = frozenset("\\.^$*+?{}[]|()")
_CLASSES = ("\\d", "\\D", "\\w", "\\W", "\\s", "\\S")
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


def _lookbehinds(pattern: str) -> tuple[list[str], str]:
    """The lookbehinds ``pattern`` opens with, and the pattern after them."""
    if not pattern.startswith("(?<"):
        return [], pattern
    behind = []
    while pattern.startswith(("(?<=", "(?<!")):
        close = _close(pattern)
        behind.append(pattern[:close + 1])
        pattern = pattern[close + 1:]
    return behind, pattern


def _expanded(pattern: str) -> list[str]:
    """``pattern`` as alternatives tried in the same order, none opening with a non-capturing group after its
    lookbehinds: "(?:the )?army" -> "the army", "army"; "(?<!x)(?:a|b)c" -> "(?<!x)ac", "(?<!x)bc". A pattern with a
    capturing group or a conditional is kept whole (it would be repeated)."""
    behind, body = _lookbehinds(pattern)
    if not body.startswith("(?:") or any(pattern[i] == "(" and (not pattern.startswith("(?", i)
                                                                or pattern.startswith(("(?P", "(?("), i))
                                         for i, _ in _structure(pattern)):
        return [pattern]
    close = _close(body)
    inner, rest = body[3:close], body[close + 1:]
    if rest[:1] in ("*", "+", "{") or rest[:2] in ("??", "?+"):
        return [pattern]
    optional = rest[:1] == "?"
    rest = rest[optional:]
    heads = [*(part + rest for part in _split(inner)), *((rest,) if optional else ())]
    return ["".join(behind) + found for head in heads for found in _expanded(head)]


def _opening(pattern: str) -> tuple[str | None, str]:
    """The plain ASCII character every match of ``pattern`` opens with and the pattern after it; else None and the
    pattern. Lookbehinds before the first character move after it: "(?<!air )strike" -> "s", "(?<!(?:air )s)trike";
    so they do before a class of characters, which Python then tries only where one of them is:
    "(?<!,)\\d" -> None, "\\d(?<!(?:,)\\d)"."""
    behind, body = _lookbehinds(pattern)
    token = _TOKEN.match(body) if body[:1] == "[" else None
    if body.startswith(_CLASSES) or body[:1] == ".":
        size, char = (1 if body[0] == "." else 2), None
    elif token is not None:
        size, char = token.end(), None
    elif body[:1] == "\\" and body[1:2] and not body[1].isalnum():  # an escaped character
        size, char = 2, body[1]
    elif body[:1] and body[0] not in _SPECIAL:
        size, char = 1, body[0]
    else:
        return None, pattern
    if body[size:size + 1] in ("?", "*", "+", "{"):
        return None, pattern
    element = body[:size]
    rest = "".join(f"{look[:4]}(?:{look[4:-1]}){element})" for look in behind) + body[size:]
    if char is not None and char.isascii():
        return char, rest
    return None, element + rest


def _trie(alternatives: Sequence[str], ignorecase: bool) -> list[str]:
    """The top-level alternatives of the trie of ``alternatives`` (each with no top-level bar)."""
    written: list[str] = []
    run: dict[str, list[str]] = {}  # alternatives that open with a plain character, since the last other one

    def flush() -> None:
        for char, rests in run.items():
            head = "\\" + char if char in _SPECIAL else char
            behind = "".join(_lookbehinds(rests[0])[0])
            if behind and all(rest.startswith(behind) for rest in rests):  # checked once, right after the character
                head, rests = head + behind, [rest[len(behind):] for rest in rests]
            below = _trie(rests, ignorecase) if len(rests) > 1 else rests
            written.append(head + below[0] if len(below) == 1 else f"{head}(?:{'|'.join(below)})")
        run.clear()

    for pattern in (found for alternative in alternatives for found in _expanded(alternative)):
        char, rest = _opening(pattern)
        if char is None:
            flush()  # alternatives on either side of it may start alike: their order around it is kept
            written.append(rest)
        else:
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
            char = _opening(alternative)[0]
            if char is None:
                return None
            chars.add(char.lower() if ignorecase else char)
    return frozenset(chars)


T = TypeVar("T")


def by_opening(items: Sequence[tuple[T, Sequence[str]]]) -> dict[str, tuple[T, ...]]:
    """For each ASCII character, the items (in their order) whose patterns may match where the text opens with it
    in either case (patterns searched with IGNORECASE, or lower-cased and searched in lower-cased text); where it
    opens with another character, any may match."""
    firsts = [(item, openings(patterns, ignorecase=True)) for item, patterns in items]
    return {char: tuple(item for item, chars in firsts if chars is None or char.lower() in chars)
            for char in map(chr, range(128))}


_FLAG = re.compile(r"\(\?(?!P)[a-zA-Z-]")  # an inline flag ("(?i)", "(?-i:"): its literals may match otherwise


def _required(pattern: str) -> tuple[str, ...]:
    """Literals one of which every match of ``pattern`` (one alternative, no top-level bar, no inline flag)
    contains: its longest run of plain characters outside groups and classes, or the words of a group of plain
    alternatives if they are longer; () when it has neither."""
    best: tuple[str, ...] = ()
    run = ""
    i = 0
    while i <= len(pattern):
        token = _TOKEN.match(pattern, i) if i < len(pattern) else None
        char = pattern[i] if i < len(pattern) else ""
        choices: tuple[str, ...] = ()
        if char == "(":  # a group: skipped, or its plain alternatives when it has no quantifier
            end = next(j for j, depth in _structure(pattern[i:]) if depth == 0 and pattern[i + j] == ")") + i + 1
            inner = pattern[i + 3:end - 1] if pattern.startswith("(?:", i) else None
            parts = _split(inner) if inner is not None else []
            if parts and all(part and not any(c in _SPECIAL for c in part) for part in parts) \
                    and pattern[end:end + 1] not in ("?", "*", "{"):
                choices = tuple(parts)
            size, literal = end - i, None
        elif char == "{":  # a quantifier's bounds
            size, literal = (pattern.find("}", i) + 1 or len(pattern) + 1) - i, None
        elif token is not None and char in "\\[":
            size = token.end() - i
            literal = token.group()[1] if char == "\\" and size == 2 and not token.group()[1].isalnum() else None
        else:
            size, literal = 1, (char if char and char not in _SPECIAL else None)
        optional = pattern[i + size:i + size + 1] in ("?", "*", "{")
        if literal is not None and not optional:
            run += literal
            if pattern[i + size:i + size + 1] != "+":
                i += size
                continue
        for found in ((run,) if run else (), choices):
            if found and min(map(len, found)) > min(map(len, best), default=0):
                best = found
        run = ""
        i += size
    return best


def required_literals(patterns: Sequence[str]) -> tuple[str, ...] | None:
    """Literals one of which every match of any of ``patterns`` contains (patterns matched as written: without
    IGNORECASE, or lowered and matched in lower-cased text), or None when some pattern has none of two characters
    or more: a text with none of them needs no search. A literal that holds another is left out ("killed" where
    "kill" is one): a text with it holds the other."""
    found: list[str] = []
    for part in (part for pattern in patterns for part in _split(pattern)):
        literals = _required(part) if not _FLAG.search(part) else ()
        if min(map(len, literals), default=0) < 2:
            return None
        found.extend(literals)
    unique = dict.fromkeys(found)
    return tuple(literal for literal in unique if not any(other != literal and other in literal for other in unique))


@dataclass(frozen=True, slots=True)
class Guarded:
    """A search tried only in a text that holds one of the literals each of its matches contains (see
    :func:`required_literals`; None: tried in every text). Most of a report's sentences hold none of a rare cue's."""

    pattern: re.Pattern[str]
    literals: tuple[str, ...] | None

    def holds(self, text: str) -> bool:
        """Whether ``text`` holds one of the literals (so the search may find something)."""
        if self.literals is None:
            return True
        # a loop, not any() of a generator (a fifth slower): this is asked of every sentence
        for literal in self.literals:  # noqa: SIM110
            if literal in text:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.holds(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.holds(text) else iter(())
