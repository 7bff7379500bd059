"""Split a report into sentences, each with its character offsets in the report."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventcode.coder.codebook import lexicon

#: The longest stretch of text read as one sentence. Real sentences stay far below it (ACLED's longest notes
#: are about 2,600 characters in all); a longer run without a sentence end is cut at spaces into pieces of at most
#: this size, which keeps the coder's work per sentence bounded on pathological text.
MAX_SENTENCE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text and where it lies in the report (``text[start:end]``)."""

    index: int
    start: int
    end: int
    text: str
    quoted: bool


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    lex = lexicon()
    abbreviations = "|".join(re.escape(a) for a in sorted(lex.abbreviations, key=len, reverse=True))
    # A candidate end: . ! or ? (and closing quotes or brackets), then space and a capital, digit or quote.
    ends = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"\u201c\u2018'(\[]?[A-Z0-9])"
                      r"|\n\s*\n|\n(?=\s*[\"\u201c\u2018A-Z0-9])")
    abbreviation = re.compile(rf"(?:\b(?:{abbreviations})|\b[A-Z])\.$") if abbreviations else re.compile(r"\b[A-Z]\.$")
    return ends, abbreviation, lex.quotes


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, in order, with offsets; abbreviations ("Oct.", "Col.") do not end one."""
    ends, abbreviation, quotes = _patterns()
    marks = {*quotes, *quotes.values()}
    sentences: list[Sentence] = []
    start = 0
    open_quote = ""

    def add(stop: int) -> None:
        nonlocal open_quote
        chunk = text[start:stop]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            begin = start + lead
            sentences.append(Sentence(len(sentences), begin, begin + len(body), body,
                                      bool(open_quote) or body[0] in quotes))
            if marks.isdisjoint(body):
                return  # no quotation mark opens or closes in it
            for char in body:
                if open_quote and char == quotes[open_quote]:
                    open_quote = ""
                elif not open_quote and char in quotes:
                    open_quote = char

    def add_capped(stop: int) -> None:
        nonlocal start
        while stop - start > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
            cut = cut if cut > start else start + MAX_SENTENCE_CHARS
            add(cut)
            start = cut
        add(stop)
        start = stop

    for match in ends.finditer(text):
        stop = match.end()
        if text[stop - 1:stop] == "." and abbreviation.search(text[max(start, stop - 12):stop]):
            continue
        add_capped(stop)
    add_capped(len(text))
    return sentences
