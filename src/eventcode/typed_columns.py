"""Typed Arrow columns from ACLED's text columns: dates, integers, decimals, each with the rows it cannot read.

Every function returns the typed column (null where a value is blank or unreadable) and a boolean column that is
True where a non-blank value could not be read, so that a caller can name the row instead of dropping it.
Dates follow :func:`eventcode.rules.parse_date` exactly (the common ISO form vectorised, the rest per value).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from eventcode.rules import parse_date

INTEGER = r"^\s*[+-]?[0-9]{1,18}\s*$"
DECIMAL = r"^\s*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$"


def _blank(column: Any) -> Any:
    return pc.equal(pc.utf8_trim_whitespace(column), "")


def dates(column: Any) -> tuple[Any, Any]:
    """event_date values as date32 (any of ACLED's forms) and where a filled value is not a date."""
    try:  # the common case: every value a real ISO date (Arrow's cast is strict)
        parsed = pc.cast(column, pa.date32())
        return parsed, pc.is_null(parsed)
    except pa.ArrowInvalid:
        pass
    iso = pc.strptime(column, format="%Y-%m-%d", unit="s", error_is_null=True)
    exact = pc.equal(pc.strftime(iso, format="%Y-%m-%d"), column)  # strptime rolls 2023-02-30 on to March
    parsed = pc.cast(pc.if_else(exact, iso, pa.scalar(None, iso.type)), pa.date32())
    others = pc.indices_nonzero(pc.invert(pc.fill_null(exact, False))).to_pylist()
    if others:
        values = parsed.to_pylist()
        texts = pc.take(column, pa.array(others, pa.int64())).to_pylist()
        for position, text in zip(others, texts, strict=True):
            values[position] = parse_date(text)
        parsed = pa.array(values, pa.date32())
    return parsed, pc.and_(pc.is_null(parsed), pc.invert(_blank(column)))


def integers(column: Any) -> tuple[Any, Any]:
    """Integer values as int64 (blank is null) and where a filled value is not an integer."""
    return _numbers(column, INTEGER, pa.int64())


def decimals(column: Any) -> tuple[Any, Any]:
    """Decimal values as float64 (blank is null) and where a filled value is not a number."""
    return _numbers(column, DECIMAL, pa.float64())


def _numbers(column: Any, pattern: str, to: Any) -> tuple[Any, Any]:
    try:  # the common case: every value plain digits (a float cast also takes NaN and infinity: refused below)
        values = pc.cast(column, to)
        if not pa.types.is_floating(to) or pc.all(pc.is_finite(values)).as_py() is not False:
            return values, pc.is_null(values)
    except pa.ArrowInvalid:
        pass
    readable = pc.match_substring_regex(column, pattern)
    text = pc.utf8_trim_whitespace(pc.if_else(readable, column, pa.scalar(None, pa.string())))
    values = pc.cast(pc.utf8_ltrim(text, "+"), to)
    return values, pc.and_(pc.invert(readable), pc.invert(_blank(column)))


def first_true(mask: Any) -> int | None:
    """The position of the first True in a boolean column, or None."""
    found = pc.indices_nonzero(pc.fill_null(mask, False))
    return found[0].as_py() if len(found) else None
