"""The trie of many regular expressions (coder/alternation.py) finds what their plain alternation finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcode.coder.actors import _compiled as actor_book
from eventcode.coder.alternation import alternation, by_opening, openings, required_literals
from eventcode.coder.codebook import lexicon


def same(patterns: list[str], text: str, flags: int = 0) -> None:
    plain = re.compile("|".join(patterns), flags)
    trie = re.compile(alternation(patterns, ignorecase=bool(flags & re.IGNORECASE)), flags)
    assert [(m.span(), m.groupdict()) for m in trie.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_alternatives_opening_alike_keep_their_order() -> None:
    assert alternation(["shell(?:ed|ing)", "strike", "shot"]) == "s(?:h(?:ell(?:ed|ing)|ot)|trike)"
    same(["ab", "abc"], "abc abd")  # the first that matches wins, not the longest
    same(["(?:the )?army", "the", "a"], "the army, the navy, an army")


def test_an_alternative_opening_otherwise_keeps_its_place() -> None:
    assert alternation(["ab", r"\w+", "ac"]) == r"ab|\w+|ac"
    same(["ab", r"[a-z]c", "ac"], "ac ab")


def test_a_lookbehind_moves_after_the_character_it_guards() -> None:
    assert alternation(["(?<!air )strike", "shot"]) == "s(?:t(?<!(?:(?:air )s)t)rike|hot)"
    same(["(?<!air )strikes?", "(?<=a )shot", "s"], "air strike, a strike, a shot, the shot")
    assert alternation([r"(?<!\d)(?:\d[\d,]*) dead"]) == r"\d(?<!(?:\d)\d)[\d,]* dead"  # tried only at digits
    assert alternation(["(?<!-)(?:SAC|SAF)"]) == "S(?<!(?:-)S)A(?:C|F)"  # the lookbehind checked once
    same([r"(?<!\d)(?<!\d,)(?:\d[\d,]*) dead", r"(?<![a-z])[a-z]+ dead", "(?<!x).x"], "1,2 dead, 12 dead; tax dead")


def test_groups_are_kept() -> None:
    same(["(?P<n>\\d+) killed", "(?:one|two) (?P<m>killed)"], "2 killed, one killed")
    same(["(a|b)c", "ad"], "ac ad bc")


def test_case_is_ignored_as_the_flag_says() -> None:
    same(["Strike", "shot", "SAW"], "strike, Shot, saw", re.IGNORECASE)
    same(["Strike", "strike"], "strike, Strike")


def test_the_characters_a_match_may_open_with() -> None:
    assert openings(["(?:the )?army", "(?<!air )Strike"], ignorecase=True) == frozenset("tas")
    assert openings([r"\d+ killed", "army"]) is None  # any
    at = by_opening([("army", ["Army", "troops"]), ("any", [r"\d+"]), ("police", ["police"])])
    assert (at["a"], at["A"], at["p"], at["x"]) == (("army", "any"), ("army", "any"), ("any", "police"), ("any",))
    assert "é" not in at  # another character: any item may match


def test_the_literals_every_match_holds() -> None:
    assert required_literals([r"so far[^.;]{0,60}\bkilled", r"since (?:jan|feb)\.? \d", "colou?r", "ab+c"]) == \
        ("so far", "since ", "colo", "ab")
    assert required_literals([r"(?:fighting|battling) (?:to|for)"]) == ("fighting", "battling")
    assert required_literals(["killed", "kill(?:s|ing)", "shot dead", "dead"]) == ("kill", "dead")  # the shortest
    assert required_literals(["in total", r"\d+d"]) is None  # "d" is too short a literal to spare a search
    assert required_literals(["(?i:so far)"]) is None  # a group with a flag of its own holds no literal


@given(st.text(alphabet="abcd ,.-", max_size=30))
def test_a_match_holds_a_required_literal(text: str) -> None:
    patterns = [r"ab(?:c|d)?", r"(?:cab|dab)\b", r"a\.b+", r"[ab]{2}cd", "b,? ab"]
    literals = required_literals(patterns)
    assert literals is not None
    if re.search("|".join(patterns), text):
        assert any(literal in text for literal in literals)


@given(st.text(alphabet="abc ()-", max_size=30))
def test_any_text(text: str) -> None:
    same(["(?:a|ab)?c", "a(?!b)", "(?<!c)ab", "(?:b )?a", "a-b", r"\(a\)", "c+", "[ab]c", "b"], text)


@pytest.mark.parametrize("name", ["triggers", "cues", "actors"])
def test_the_codebooks_patterns(name: str) -> None:
    """Every word list the coder searches as one alternation, on sentences that hit many of its patterns."""
    book = lexicon()
    lists = {"triggers": [list(s.triggers) for s in book.sub_event_types.values()],
             "cues": [list(p) for p in book.cues.values()],
             "actors": [list(a.aliases) for a in actor_book().book.named]
             + [list(g.patterns) for g in actor_book().book.generic]}[name]
    text = ("Rebels shelled the village and air strikes hit a market; the army said 12 civilians were killed, "
            "protesters marched against the arrest of a journalist, police fired tear gas and arrested 5 students. "
            "Gunmen abducted two traders; Taliban fighters attacked a checkpoint, junta troops torched houses.")
    for patterns in lists:
        same(patterns, text, re.IGNORECASE)
        same(patterns, text.lower(), re.IGNORECASE)
