"""Spreadsheet safety (CSV injection): text that a spreadsheet would run as a formula, made inert.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some spreadsheets skip
before reading one of those) is read by Excel, LibreOffice and Google Sheets as a formula when the CSV is opened.
Following OWASP's advice, :func:`neutralise` prefixes such text with a single quote, which the spreadsheet shows
as text. It changes the data, so it is an option (``eventcode convert --excel-safe``), off by default, and it only
touches text fields: numbers such as a latitude of ``-17.4`` stay numbers.
"""

from __future__ import annotations

from typing import Any

from eventcode.events import Event

#: The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The Event fields that hold text (the others are numbers, dates and flags, written as such).
TEXT_FIELDS = tuple(name for name, info in Event.model_fields.items() if info.annotation is str)


def neutralise(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula; otherwise unchanged."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def excel_safe(event: Event) -> Event:
    """The event with every text field neutralised (the same event when none needed it)."""
    changes: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        value = getattr(event, name)
        safe = neutralise(value)
        if safe != value:
            changes[name] = safe
    return event.model_copy(update=changes) if changes else event
