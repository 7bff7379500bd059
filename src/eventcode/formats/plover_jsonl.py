"""Write ACLED events as PLOVER JSON Lines: one record per line, as the PLOVER manual suggests.

Each event is projected by the crosswalk (:func:`eventcode.crosswalk.to_plover`); the records follow
``schemas/plover-event.schema.json``. An event without a PLOVER equivalent is written with ``has_event`` false
and what a human must decide in ``comment``: nothing is dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from eventcode._atomic import write_output
from eventcode.crosswalk import to_plover
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm


def write_lines(events: Iterable[Event], out: TextIO) -> int:
    """Write one PLOVER record per event to an open text stream; returns the number written."""
    count = 0
    for event in events:
        out.write(json.dumps(to_plover(event), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_plover_jsonl(events: Iterable[Event], path: str | Path | None = None, inter: InterForm = "text") -> int:
    """Write events as PLOVER JSON Lines (atomically), or to stdout when ``path`` is None; ``inter`` is unused."""
    return write_output(path, lambda out: write_lines(events, out))
