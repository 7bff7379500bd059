"""Write events as JSON Lines: one object per line keyed by ACLED's 31 columns, in ACLED's order, UTF-8.

Values keep their JSON types: text as strings, counts and codes as integers, coordinates as numbers, event_date
as an ISO date string, civilian_targeting as ACLED writes it (``Civilians targeted`` or blank), a missing
timestamp as null. inter1, inter2 and interaction are labels (``inter="text"``) or numbers (``"numeric"``,
inter2 0 without actor2), as in ACLED's CSV. Reading the lines back (``eventcode convert``, ``validate``) gives
the same events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from eventcode._atomic import write_output
from eventcode.codebook import acled_codebook
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm


def event_object(event: Event, inter: InterForm = "text") -> dict[str, Any]:
    """One event as a JSON-ready mapping of ACLED's columns, in ACLED's order."""
    data: dict[str, Any] = event.model_dump()
    data["event_date"] = event.event_date.isoformat()
    data["civilian_targeting"] = acled_codebook().civilian_targeting_value if event.civilian_targeting else ""
    if inter == "text":
        data.update(inter1=event.inter1_label, inter2=event.inter2_label, interaction=event.interaction_text)
    else:
        data["inter2"] = event.inter2 or 0
    return {column: data[column] for column in acled_codebook().columns}


def write_lines(events: Iterable[Event], out: TextIO, inter: InterForm = "text") -> int:
    """Write one JSON object per line to an open text stream; returns the number of events."""
    count = 0
    for event in events:
        out.write(json.dumps(event_object(event, inter), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_jsonl(events: Iterable[Event], path: str | Path | None = None, inter: InterForm = "text") -> int:
    """Write events as a JSON Lines file (atomically), or to stdout when ``path`` is None."""
    return write_output(path, lambda out: write_lines(events, out, inter))
