"""Write events as ACLED's current CSV export: 31 columns in ACLED's order, ISO dates, minimal quoting, UTF-8."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Literal, TextIO

from eventcode._atomic import write_output
from eventcode.codebook import acled_codebook
from eventcode.events import Event

InterForm = Literal["text", "numeric"]
QUOTE = '"'
NEEDS_QUOTES = re.compile(r'[,"\r\n]')


def format_number(value: float) -> str:
    """The shortest decimal text that reads back as ``value`` (never scientific notation)."""
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def event_row(event: Event, inter: InterForm = "text") -> list[str]:
    """One event as the 31 fields of an ACLED CSV row, in ACLED's column order."""
    cb = acled_codebook()
    if inter == "text":
        inter1, inter2, interaction = event.inter1_label, event.inter2_label, event.interaction_text
    else:
        inter1, inter2, interaction = str(event.inter1), str(event.inter2 or 0), str(event.interaction)
    return [
        event.event_id_cnty, event.event_date.isoformat(), str(event.year), str(event.time_precision),
        event.disorder_type, event.event_type, event.sub_event_type, event.actor1, event.assoc_actor_1, inter1,
        event.actor2, event.assoc_actor_2, inter2, interaction,
        cb.civilian_targeting_value if event.civilian_targeting else "", str(event.iso), event.region,
        event.country, event.admin1, event.admin2, event.admin3, event.location, format_number(event.latitude),
        format_number(event.longitude), str(event.geo_precision), event.source, event.source_scale, event.notes,
        str(event.fatalities), event.tags, "" if event.timestamp is None else str(event.timestamp),
    ]


def csv_line(fields: Iterable[str]) -> str:
    """One CSV line with minimal RFC 4180 quoting: only a field holding a comma, a quote, CR or LF is quoted.

    (Python 3.11's csv module leaves a lone CR unquoted, and every reader then splits the row there.)
    """
    return ",".join(f'"{field.replace(QUOTE, QUOTE * 2)}"' if NEEDS_QUOTES.search(field) else field
                    for field in fields) + "\n"


def write_rows(events: Iterable[Event], out: TextIO, inter: InterForm = "text") -> int:
    """Write the header and one row per event to an open text stream; returns the number of events."""
    out.write(csv_line(acled_codebook().columns))
    count = 0
    for event in events:
        out.write(csv_line(event_row(event, inter)))
        count += 1
    return count


def write_acled_csv(events: Iterable[Event], path: str | Path | None = None, inter: InterForm = "text") -> int:
    """Write events as an ACLED CSV file (atomically), or to stdout when ``path`` is None."""
    return write_output(path, lambda out: write_rows(events, out, inter))
