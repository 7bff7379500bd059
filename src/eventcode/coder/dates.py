"""Dates in a report: explicit dates, ranges, months, years, weekdays and relative words, read against the
publication date, each with ACLED's time_precision (1 the day, 2 within a week, 3 only the month)."""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from eventcode._cache import cached_build
from eventcode.coder.actors import lower_aligned, lowered, lowered_guarded
from eventcode.coder.alternation import Guarded, alternation, openings
from eventcode.coder.codebook import Dates, dates


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date stated in a sentence; ``statement`` when it dates something said, the start of an ongoing condition
    or a day to come, not something done (the date of a report's dateline, read by the discourse stage, dates the
    report)."""

    start: int
    end: int
    text: str
    day: date
    precision: int
    statement: bool


@dataclass(frozen=True, slots=True)
class _Compiled:
    book: Dates
    any_date: re.Pattern[str]
    any_date_low: re.Pattern[str]
    months: tuple[tuple[re.Pattern[str], int], ...]
    approximate: re.Pattern[str]
    approximate_after: re.Pattern[str]
    speech: re.Pattern[str] | None
    condition_start: re.Pattern[str]
    undated: re.Pattern[str]
    undated_low: Guarded


@functools.lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    return cached_build("coder-dates", _Compiled, _compile)


def _compile() -> _Compiled:
    """The date words compiled (kept in the cache folder: see :func:`eventcode._cache.cached_build`)."""
    book = dates()
    month = "(?:" + alternation(sorted(book.months, key=len, reverse=True), ignorecase=True) + ")"
    weekday = alternation(list(book.weekdays), ignorecase=True)
    relative = alternation([re.escape(w) for w in sorted(book.relative, key=len, reverse=True)], ignorecase=True)
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    # every date opens with a letter or a digit (where the words of dates.yaml do): where none follows a word
    # boundary, the alternatives need not be tried
    opening = openings([*book.months, *book.weekdays, *(re.escape(w) for w in book.relative)], ignorecase=True)
    word = r"(?=\w)" if opening is not None and all(char.isalnum() for char in opening) else ""
    any_date = re.compile(
        rf"\b{word}(?:(?:between|from) (?P<rd1>{day})(?: and | to |\s*[-\u2013]\s*)(?P<rd2>{day}) (?P<rm>{month})"
        rf"(?:,? (?P<ry>\d{{4}}))?"
        rf"|(?P<d1>{day}) (?:of )?(?P<m1>{month}),?(?: (?P<y1>\d{{4}}))?\b"
        rf"|(?P<m2>{month}) (?P<d2>{day})\b(?:,? (?P<y2>\d{{4}}))?"
        rf"|(?:(?P<part>early|mid|late|the end of|end of|the beginning of|beginning of)[ -])?"
        rf"(?P<m3>{month}),? (?P<y3>\d{{4}})\b"
        rf"|in (?:(?P<part4>early|mid|late)[ -])?(?P<m4>{month})\b(?![ ,]*\d)"
        rf"|(?:in|since|during|by)(?: (?:a|an|the))? (?P<y5>(?:19|20)\d\d)\b(?![ -]\d)"
        rf"|(?P<wd>{weekday})\b"
        rf"|(?P<rel>{relative})\b)",
        re.IGNORECASE)
    months = tuple((re.compile(p + r"\Z", re.IGNORECASE), n) for p, n in book.months.items())
    approximate = re.compile(r"\b(?:" + alternation(book.approximate, ignorecase=True) + r")\b", re.IGNORECASE)
    speech = (re.compile(r"\b(?:" + alternation(book.speech_verbs, ignorecase=True) + r")\b[^.;]{0,12}$", re.IGNORECASE)
              if book.speech_verbs else None)
    condition_start = re.compile(r"\b(?:" + "|".join(book.condition_starts) + r")\s+$", re.IGNORECASE) \
        if book.condition_starts else re.compile(r"(?!)")
    undated = re.compile(r"\b(?:" + alternation(book.undated.words, ignorecase=True) + r")\b", re.IGNORECASE)
    after = re.compile(r"^\s*(?:" + "|".join(book.approximate_after) + ")", re.IGNORECASE) if book.approximate_after \
        else re.compile(r"(?!)")
    any_date_low = re.compile(lowered(any_date.pattern))  # for lower-cased text: the same dates, faster
    return _Compiled(book, any_date, any_date_low, months, approximate, after, speech, condition_start, undated,
                     lowered_guarded(undated.pattern, book.undated.words))


def _month(c: _Compiled, text: str) -> int:
    for pattern, number in c.months:
        if pattern.match(text):
            return number
    raise ValueError(text)  # unreachable: the text matched the month alternation


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


#: How far after publication a stated date can still be the report's own week (a report dated a day or two early);
#: later ones are days to come, which date no event.
_THIS_WEEK = timedelta(days=7)
#: The groups of the date pattern that hold a stated year (a later day with its year is no day to come: ACLED's notes
#: tell what followed an event, "killed later in a clash on 12 July 2022").
_YEARS = ("ry", "y1", "y2", "y3", "y5")


def _in_year(year: int | None, month: int, day: int, published: date, future_days: int) -> date | None:
    """The date; without a year, the latest one not more than ``future_days`` after publication."""
    try:
        if year is not None:
            return date(year, month, day)
        found = date(published.year, month, day)
        if found > published + timedelta(days=future_days):
            found = date(published.year - 1, month, day)
        return found
    except ValueError:
        return None


def _read(c: _Compiled, m: re.Match[str], published: date) -> tuple[date, int] | None:
    """A matched date expression as (day, precision), or None when it is not a real date."""
    g = m.groupdict()
    if g["rd1"]:
        month, year = _month(c, g["rm"]), int(g["ry"]) if g["ry"] else None
        first = _in_year(year, month, _day(g["rd1"]), published, c.book.future_days)
        last = _in_year(year, month, _day(g["rd2"]), published, c.book.future_days)
        if first is None or last is None or last < first:
            return None
        middle = first + (last - first) / 2
        return middle, 2 if (last - first).days <= 7 else 3
    for d, mo, y in (("d1", "m1", "y1"), ("m2", "d2", "y2")):
        key_day, key_month = (d, mo) if d.startswith("d") else (mo, d)
        if g[key_day]:
            found = _in_year(int(g[y]) if g[y] else None, _month(c, g[key_month]), _day(g[key_day]), published,
                             c.book.future_days)
            return (found, 1) if found else None
    for mo, y, part in (("m3", "y3", "part"), ("m4", "", "part4")):
        if g[mo]:
            month = _month(c, g[mo])
            year = int(g[y]) if y and g[y] else None
            last_day = calendar.monthrange(year or published.year, month)[1]
            where = (g[part] or "").lower()
            day = 1 if "early" in where or "beginning" in where else last_day if "late" in where or "end" in where \
                else 15
            found = _in_year(year, month, day, published, c.book.future_days)
            return (found, 3) if found else None
    if g["y5"]:  # "in 2016": only the year; its middle, or the publication date in its own year
        return min(date(int(g["y5"]), 7, 1), published), 3
    if g["wd"]:
        wanted = c.book.weekdays[g["wd"].lower()]
        return published - timedelta(days=(published.weekday() - wanted) % 7), 1
    if g["rel"]:
        return published + timedelta(days=c.book.relative[g["rel"].lower()]), 1
    return None


def find_dates(text: str, published: date, offset: int = 0) -> list[DateMention]:
    """Every date stated in ``text`` (a sentence), with offsets shifted by ``offset``."""
    c = _compiled()
    found: list[DateMention] = []
    low = text.lower()
    for m in (c.any_date_low.finditer(low) if len(low) == len(text) else c.any_date.finditer(text)):
        read = _read(c, m, published)
        if read is None:
            continue
        day, precision = read
        before, after = text[max(0, m.start() - 25):m.start()], text[m.end():m.end() + 30]
        read_from = m.start("y5") if m.group("y5") else m.start()  # "since 1999": the word before the year
        if precision == 1 and (c.approximate.search(before) or c.approximate_after.search(after)):
            precision = 2
        statement = bool(c.speech and c.speech.search(text[max(0, m.start() - 30):m.start()])) \
            or (precision == 3 and c.condition_start.search(text[max(0, read_from - 12):read_from]) is not None) \
            or (day > published + _THIS_WEEK and not any(m.group(y) for y in _YEARS))  # a day to come
        found.append(DateMention(offset + m.start(), offset + m.end(), text[m.start():m.end()], day, precision,
                                 statement))
    return found


def undated_day(text: str, published: date) -> tuple[date, int, bool]:
    """The date of an event whose report gives no day: the publication date, or the middle of the week before
    it where a vague word ("recently") says the event went on over recent days (dates.yaml ``undated``).

    Returns (day, time_precision, whether the text says so with a vague word).
    """
    c = _compiled()
    rule = c.book.undated
    low = lower_aligned(text)
    vague = bool(c.undated.search(text) if low is None else c.undated_low.search(low))
    return published + timedelta(days=rule.vague_offset_days if vague else rule.offset_days), rule.time_precision, vague
