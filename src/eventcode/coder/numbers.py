"""Fatalities and injuries stated in a report, read as ACLED reads them.

Digits and number words, ACLED's values for vague words (several 3, dozens 12, hundreds 100), the figure an ACLED
note says it coded ("2 fatalities."), and statements that no one died. Killed and injured are kept apart; a death
stated twice in the same words is counted once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from eventcode._cache import cached_build
from eventcode.codebook import acled_codebook
from eventcode.coder.actors import lower_aligned, lowered_guarded
from eventcode.coder.alternation import Guarded, alternation
from eventcode.coder.codebook import Numbers, numbers


@dataclass(frozen=True, slots=True)
class Count:
    """A number of people killed or injured stated at ``start:end``; ``vague`` when read from a vague word."""

    start: int
    end: int
    text: str
    value: int
    kind: str  # "killed", "injured", "coded", "none" or "split" (the number of events the dead are split among)
    vague: bool
    noun: str


@dataclass(frozen=True, slots=True)
class _Compiled:
    book: Numbers
    values: dict[str, int]
    vague: dict[str, int]
    number: re.Pattern[str]
    keyword: re.Pattern[str]
    keyword_low: Guarded
    coded_any: re.Pattern[str]
    coded_any_low: Guarded
    tail_before: re.Pattern[str]
    singular_before: re.Pattern[str]
    intransitive: re.Pattern[str]
    one_before: re.Pattern[str]
    singular_after: re.Pattern[str]
    singular_more: re.Pattern[str]
    after: re.Pattern[str]
    conjunct: re.Pattern[str]
    conjunct_before: re.Pattern[str]
    one_joined_before: re.Pattern[str]
    one_joined_after: re.Pattern[str]
    two_before: re.Pattern[str]
    split: re.Pattern[str]
    unclear: re.Pattern[str]
    things: re.Pattern[str]  # the noun of a count that counts no people (numbers.yaml ``not_people``)
    coded: tuple[re.Pattern[str], ...]
    none: re.Pattern[str]
    none_low: Guarded
    nouns_before: frozenset[str]
    not_dead: re.Pattern[str]
    claim: re.Pattern[str]
    summary_nouns: frozenset[str]
    unit: re.Pattern[str]
    aside: re.Pattern[str]
    auxiliaries: frozenset[str]
    age: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    return cached_build("coder-numbers", _Compiled, _compile)


def _compile() -> _Compiled:
    """The number words compiled (kept in the cache folder: see :func:`eventcode._cache.cached_build`)."""
    book = numbers()
    values = {w: v for w, v in book.words.items() if w not in ("a", "an")}
    vague: dict[str, int] = {}
    for quantity in acled_codebook().fatalities.vague_quantities:
        for word in quantity.words:
            vague[word] = quantity.value
    default = acled_codebook().fatalities.vague_quantities[0].value
    for word in book.vague_death:
        vague.setdefault(word, default)
    words = sorted({*values, *vague}, key=len, reverse=True)
    word_alt = "|".join(re.escape(w) for w in words)
    digits = r"(?:\d{1,3}(?:,\d{3})+|(?!(?:19|20)\d\d\b)\d+)"  # 1,200 or 12; not a year
    number = re.compile(rf"(?<![\w.,])(?:{digits}(?:\s*(?:-|to|or)\s*{digits})?|(?:{word_alt})(?:-(?:{word_alt}))?)"
                        r"(?![\w])", re.IGNORECASE)
    # each as a trie on its words' first letters (see alternation): the search runs at every word of a sentence
    killed = alternation(book.killed, ignorecase=True)
    injured = alternation(book.injured, ignorecase=True)
    keyword = re.compile(rf"\b(?:(?P<k>{killed})|(?P<i>{injured}))\b", re.IGNORECASE)
    aux = "(?:" + "|".join(book.auxiliaries) + ")"
    # an auxiliary in lower case ("7 IS militants were killed": "IS" is no "is"); "TTP/LeI militants" one word
    tail_before = re.compile(rf"^(?P<mid>(?:[\s-]+(?!(?-i:{aux})\b)[\w'\u2019/-]+){{0,8}}?)(?:\s+{aux})*"
                             r"(?:\s+\w+(?:\s+\w+){0,3}\s+and)?\s*$", re.IGNORECASE)
    not_one = "|".join(re.escape(w) for w in book.not_one)
    # (a hyphenated prefix keeps the noun: "a Sub-Inspector", "an ex-soldier")
    sing = "(?:\\w+-)?(?:" + "|".join(re.escape(w) for w in sorted(book.singular_victims, key=len, reverse=True)) + ")"
    then = r"(?:[\w-]+\s+){0,5}?(?:and\s+)?"  # "was shot in the head and (killed)"
    # "a man was", "her driver was": one victim, with an article or a possessive
    one = "a|an|the|one|his|her|their"
    singular_before = re.compile(rf"\b(?:(?:{one})\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:{sing})|he|she)\s+"
                                 rf"(?:{aux}\s+)+{then}$"
                                 rf"|\b(?:a|an|one|the)\s+(?!{not_one}\b)(?:[\w'\u2019-]+\s+){{1,4}}?"
                                 rf"(?:was|has been|had been)\s+{then}$", re.IGNORECASE)
    intransitive = re.compile(rf"(?:\b(?:a|an|one|the)\s+(?!{not_one}\b)(?:[\w'\u2019-]+\s+){{1,4}}?|\b(?:he|she)\s+)"
                              rf"(?:(?:later|then|also|subsequently|eventually)\s+)?$", re.IGNORECASE)
    one_before = re.compile(rf"(?:^|[,;:]\s*|\b(?:and|when|after)\s+)(?:a|an|one)\s+(?!{not_one}\b)"
                            rf"(?:[\w'\u2019-]+\s+){{0,3}}?$", re.IGNORECASE)
    singular_after = re.compile(rf"^\s+(?:of\s+)?(?:(?:a|an|the|one|his|her|their)\s+"
                                rf"(?:[\w'\u2019-]+\s+){{0,2}}?(?:{sing})\b"
                                rf"|(?:a|an|one)\s+(?!{not_one}\b)[\w'\u2019-]+|him\b|her\b|another\b)", re.IGNORECASE)
    # "killed a woman and her daughter", "shot dead a man and another man": one more
    singular_more = re.compile(rf"^\s*(?:,\s*)?(?:and|as well as)\s+(?:her|his|their|another|a|an|one other)\s+"
                               rf"(?:[\w'\u2019-]+\s+){{0,2}}?(?:{sing})\b", re.IGNORECASE)
    # one more victim joined to a count: "An army officer and (two militants)", "(two militants) and a soldier"
    person = rf"(?:a|an|one|his|her|their)\s+(?!{not_one}\b)(?:[\w'\u2019-]+\s+){{0,3}}?(?:{sing})"
    # "from the Army", "of the KIA": no verb ("a leader of the party was shot dead and two people ...")
    of_whom = rf"(?:\s+(?:of|from)\s+(?:the\s+)?(?!{aux}\b)[\w'\u2019-]+(?:\s+(?!{aux}\b)[\w'\u2019-]+){{0,3}}?)?"
    one_joined_before = re.compile(rf"\b{person}{of_whom}\s*(?:,\s*and|and|along with|as well as)\s+$",
                                   re.IGNORECASE)
    one_joined_after = re.compile(rf"\b(?:and|along with|as well as)\s+{person}\b", re.IGNORECASE)
    # two victims with no count: "A man and his nephew were shot dead"
    two_before = re.compile(rf"\b(?:a|an|one)\s+(?!{not_one}\b)(?:[\w'\u2019-]+\s+){{0,3}}?(?:{sing})"
                            rf"\s+(?:and|along with|as well as)\s+{person}\s+(?:were|have been|had been)\s+{then}$",
                            re.IGNORECASE)
    qualifiers = "|".join(book.qualifiers)
    joins = "|".join(sorted(book.conjunctions, key=len, reverse=True))
    after = re.compile(rf"^\s+(?:of\s+)?(?:(?:{qualifiers})\s+)?(?P<n>{number.pattern})"
                       rf"(?P<rest>(?:\s+(?!(?:{joins})\b)[\w'\u2019/-]+){{0,3}})", re.IGNORECASE)
    not_people = rf"(?!\s+(?:{'|'.join(book.not_people)})\b)" if book.not_people else ""
    # a count's noun, within two words, that counts no people ("one oxen", "3 head of cattle")
    things = re.compile(rf"\s*(?:(?!and\b)\w+\s+){{0,2}}(?:{'|'.join(book.not_people) or '(?!)'})\b"
                        rf"(?!\s+(?:{'|'.join(book.of_things) or '(?!)'})\b)", re.IGNORECASE)
    conjunct_before = re.compile(rf"(?P<n>{number.pattern}){not_people}(?:\s+[^\W\d][\w'\u2019/-]*){{0,3}}"
                                 r"\s*(?:,\s*and|,|and)\s+$", re.IGNORECASE)
    conjunct = re.compile(rf"^\s*(?:{joins})\s+(?:(?:{qualifiers})\s+)?(?P<n>{number.pattern})"
                          rf"(?P<rest>(?:\s+(?!and\b)[\w'\u2019/-]+){{0,3}})", re.IGNORECASE)
    # A number's match cannot start inside a run of digits and commas (its first digit matches whatever a later one
    # would): linear time on a long run such as "1,1,1,...", where each start would otherwise rescan the run.
    inside = r"(?<!\d)(?<!\d,)"
    coded = tuple(re.compile((inside if p.startswith(r"(?P<n>\d") else "") + p, re.IGNORECASE) for p in book.coded)
    none = re.compile(r"\b(?:" + alternation(book.none, ignorecase=True) + r")\b", re.IGNORECASE)
    keyword_low = lowered_guarded(keyword.pattern, [*book.killed, *book.injured])  # the same words, faster
    # one search tells whether any coded-figure statement is there (the group names cannot repeat in it)
    each = [re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in coded]
    coded_any = re.compile(alternation(each, ignorecase=True), re.IGNORECASE)
    coded_any_low = lowered_guarded(coded_any.pattern, each)  # for lower-cased ASCII text (exactly the same there)
    return _Compiled(book, values, vague, number, keyword, keyword_low, coded_any, coded_any_low, tail_before,
                     singular_before, intransitive, one_before, singular_after, singular_more, after, conjunct,
                     conjunct_before, one_joined_before, one_joined_after, two_before,
                     re.compile(book.split, re.IGNORECASE), re.compile(book.unclear, re.IGNORECASE), things,
                     coded, none, lowered_guarded(none.pattern, book.none),
                     frozenset(n.lower() for n in book.nouns),
                     re.compile(r"\b(?:" + "|".join(book.not_dead) + r")\b", re.IGNORECASE),
                     re.compile(r"\b(?:" + "|".join(book.claims) + r")\b[^.;]*$", re.IGNORECASE),
                     frozenset(book.summary_nouns),
                     re.compile(r"(?<![\w-])(?:" + alternation(book.unit_words, ignorecase=True) + r")\s*(\d+)\b"
                                if book.unit_words else "(?!)", re.IGNORECASE),
                     re.compile("|".join(book.asides) if book.asides else "(?!)", re.IGNORECASE),
                     frozenset(book.auxiliaries), re.compile(book.age, re.IGNORECASE))


def _value(c: _Compiled, text: str) -> tuple[int, bool] | None:
    """The value of a number expression (the lower bound of a range) and whether it is vague."""
    first = re.split(r"\s*(?:\bto\b|\bor\b)\s*|(?<=\d)\s*-\s*(?=\d)", text.strip(), maxsplit=1)[0].lower()
    if first[:1].isdigit():
        return int(first.replace(",", "")), False
    if first in c.vague:
        return c.vague[first], True
    parts = first.split("-")
    if all(p in c.values for p in parts):
        return sum(c.values[p] for p in parts), False
    return None


def _noun(text: str) -> str:
    """The noun a count is of: its last word that is no auxiliary ("a man was" -> "man")."""
    auxiliaries = _compiled().auxiliaries
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in auxiliaries]
    return words[-1].rstrip("s") if words else ""


_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # "(suspected TTP)", "[National Socialist Council]"
#: Death words after a singular object pronoun ("shot him dead", "stabbed her to death") that count one.
_PRONOUN_DEATH_WORDS = frozenset({"dead", "death", "to death"})
_PRONOUN_BEFORE = re.compile(r"\b(?:him|her)\s+(?:to\s+)?$", re.IGNORECASE)
#: A singular passive right before a death word ("was killed", "was reportedly shot dead") counts one, unless what
#: was killed is no one ("nobody was killed", "whether anyone was killed").
_SINGULAR_PASSIVE = re.compile(r"\b(?:was|has been|had been)\s+"
                               r"(?:(?:later|then|also|subsequently|reportedly|allegedly)\s+)?(?:\w+\s+)?$",
                               re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:were|was|been|are|is)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SINGULAR_VERB = re.compile(r"\b(?:was|has)\b", re.IGNORECASE)
_NOBODY = re.compile(r"\b(?:nobody|no one|no-one|none|anyone|anybody|neither|nothing|it|this|that|which)\s+"
                     r"(?:\w+\s+){0,2}$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _one_named_before() -> re.Pattern[str]:
    """One victim named between a verb of numbers.yaml ``victim_verbs`` and a death word: "shot a policeman dead",
    "shot Yadav, a contractor, dead"."""
    verbs = "|".join(numbers().victim_verbs) or "(?!)"
    return re.compile(rf"\b(?:{verbs})\s+(?:(?:a|an|one)\s+(?:[\w'\u2019-]+\s+){{0,3}}?"
                      r"|(?-i:[A-Z][\w'\u2019-]+)(?:,\s+(?:a|an)\s+(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+,)?\s+)$",
                      re.IGNORECASE)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def is_casualty_word(text: str) -> bool:
    """Whether ``text`` is only a word of death or injury ("killed", "died", "wounded")."""
    m = _compiled().keyword.fullmatch(text)
    return m is not None


def find_counts(text: str, offset: int = 0) -> list[Count]:
    """Every statement of killed or injured people in ``text`` (a sentence), with offsets."""
    c = _compiled()
    found: list[Count] = []
    aligned = lower_aligned(text)
    coded = c.coded_any_low.search(aligned) if aligned is not None and text.isascii() else c.coded_any.search(text)
    for pattern in c.coded if coded else ():
        for m in pattern.finditer(text):
            value = int(m.group("n").replace(",", ""))
            parts = m.groupdict().get("parts")
            if parts:  # a total split among events: each takes an even share (ACLED)
                value //= _parts(c, parts)
            found.append(Count(offset + m.start(), offset + m.end(), m.group(), value, "coded", False, ""))
    for m in c.none.finditer(text) if aligned is None else c.none_low.finditer(aligned):
        found.append(Count(offset + m.start(), offset + m.end(), text[m.start():m.end()], 0, "none", False, ""))
    if found:
        return found
    words = list(c.keyword.finditer(text) if aligned is None else c.keyword_low.finditer(aligned))
    # "battalion 101": a unit's number is no count; its digits are hidden from the readers (offsets kept)
    plain = c.unit.sub(lambda u: u.group()[:u.start(1) - u.start()] + "x" * len(u.group(1)), text) if words else text
    if words:  # "a 13 year old girl killed": an age is no count
        plain = c.age.sub(lambda a: "x" * len(a.group()), plain)
    for m in c.split.finditer(text) if words else ():
        found.append(Count(offset + m.start(), offset + m.end(), m.group(), _parts(c, m.group("parts")), "split",
                           False, ""))
    for m in words:
        kind = "killed" if m.group("k") else "injured"
        if kind == "killed" and c.claim.search(text[max(0, m.start() - 60):m.start()]):
            kind = "claimed"
        if kind == "killed" and c.unclear.match(text, m.end()):
            kind = "injured"  # "killed or wounded": no one is known dead
        word = m.group().lower()
        before = text[max(0, m.start() - 70):m.start()]
        passive = bool(_PASSIVE.search(before))
        readers = (_before, _after) if passive or word in c.nouns_before else (_after, _before)
        for reader in readers:
            hit = reader(c, plain, m.start(), m.end())
            if hit is not None:
                start, end, value, vague, noun = hit
                found.append(Count(offset + start, offset + end, text[start:end], value, kind, vague, noun))
                break
    return found


def _parts(c: _Compiled, parts: str) -> int:
    """The number of events a figure is split among, in digits or words ("3", "three"), at least one."""
    return max(1, int(parts) if parts.isdigit() else c.values.get(parts.lower(), 1))


def _after(c: _Compiled, text: str, start: int, end: int) -> tuple[int, int, int, bool, str] | None:
    rest = text[end:end + 60]
    m = c.after.match(rest)
    if m:
        read = _value(c, m.group("n"))
        if read and not c.things.match(m.group("rest")):
            value, vague, stop = read[0], read[1], m.end()
            more = c.conjunct.match(rest[stop:])
            while more is not None and (extra := _value(c, more.group("n"))) is not None \
                    and not c.not_dead.search(more.group("rest")) and not c.things.match(more.group("rest")):
                value, vague, stop = value + extra[0], vague or extra[1], stop + more.end()
                more = c.conjunct.match(rest[stop:])
            return start, end + stop, value, vague, _noun(m.group("rest"))
    m2 = c.singular_after.match(rest)
    if m2:
        value, stop = 1, m2.end()
        while (more := c.singular_more.match(rest[stop:])) is not None:
            value, stop = value + 1, stop + more.end()
        counted = c.conjunct.match(rest[stop:])  # "killed an official and two others"
        if counted is not None and (extra := _value(c, counted.group("n"))) is not None \
                and not c.not_dead.search(counted.group("rest")):
            value, stop = value + extra[0], stop + counted.end()
        return start, end + stop, value, False, _noun(m2.group())
    return None


def _before(c: _Compiled, text: str, start: int, end: int) -> tuple[int, int, int, bool, str] | None:
    base = max(0, start - 200)
    # Asides ("two militants (suspected TTP) were killed", "three people, including a child, were killed") are
    # blanked, keeping the offsets.
    before = c.aside.sub(_blank, _PARENTHESES.sub(_blank, text[base:start]))
    for m in reversed(list(c.number.finditer(before))):
        tail = c.tail_before.match(before[m.end():])
        if tail is None or c.things.match(tail.group("mid")):
            continue
        read = _value(c, m.group())
        if read and read[0] > 1 and _SINGULAR_VERB.search(tail.group()):
            continue  # "a man accused of stealing 11 goats was beaten": the verb is of one
        if read:
            value, vague, first = read[0], read[1], m.start()
            more = c.conjunct_before.search(before[:first])
            # "2 policemen were killed and 3 were wounded": a number told with its own casualty word is no conjunct
            while more is not None and not c.keyword.search(more.group()) \
                    and (extra := _value(c, more.group("n"))) is not None:
                value, vague, first = value + extra[0], vague or extra[1], more.start()
                more = c.conjunct_before.search(before[:first])
            value += len(c.one_joined_after.findall(tail.group()))
            if (one := c.one_joined_before.search(before[:first])) is not None:
                value, first = value + 1, one.start()
            return base + first, start, value, vague, _noun(tail.group("mid"))
    if (two := c.two_before.search(before)) is not None:
        return base + two.start(), start, 2, False, _noun(two.group())
    m2 = c.singular_before.search(before)
    word = text[start:end].lower()
    if m2 is None and word in c.book.intransitive:  # "the man died"
        m2 = c.intransitive.search(before)
    if m2 is None and word in c.book.singular_nouns:  # "a man's body" opening a clause, not an object
        m2 = c.one_before.search(before)
    if m2 is None and word in _PRONOUN_DEATH_WORDS:  # "shot him dead", "beat her to death", "shot a man dead"
        m2 = _PRONOUN_BEFORE.search(before) or _one_named_before().search(before)
    if m2 is None and not _NOBODY.search(before):  # "Dr Anwar Leghari was shot dead": "was" says one
        m2 = _SINGULAR_PASSIVE.search(before)
    if m2:
        return base + m2.start(), start, 1, False, _noun(m2.group())
    return None


def fatalities(counts: Iterable[Count]) -> tuple[int, int | None, list[Count]]:
    """ACLED's fatalities from the counts of one event: the coded figure if a note states one, else the killed
    counts added up, a repeated statement (same number, same noun) counted once, and a summary ("1 killed",
    "3 people died") taken as the total when it is larger. A perpetrator's claim ("said it killed 100") counts
    only when no other figure is given (ACLED takes the lower of conflicting reports). Returns (fatalities,
    injured or None, the counts used)."""
    items = list(counts)
    coded = [x for x in items if x.kind == "coded"]
    if coded:
        return min(x.value for x in coded), None, coded
    summary_nouns = _compiled().summary_nouns
    if not any(x.kind == "killed" for x in items):  # a claim counts only when no other source gives a figure
        items = [replace(x, kind="killed") if x.kind == "claimed" else x for x in items]
    used: list[Count] = []
    seen: set[tuple[int, str]] = set()
    total = summary = 0
    for x in items:
        if x.kind != "killed" or (x.value, x.noun) in seen or any(u.start < x.end and x.start < u.end for u in used):
            continue
        seen.add((x.value, x.noun))
        used.append(x)
        if x.noun in summary_nouns:
            summary = max(summary, x.value)
        else:
            total += x.value
    injured = [x for x in items if x.kind == "injured"]
    split = [x for x in items if x.kind == "split"]  # "Fatalities split between 2 events": this event's share
    return max(total, summary) // max((x.value for x in split), default=1), \
        (sum(x.value for x in injured) if injured else None), used + injured + split
