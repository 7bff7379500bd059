"""Write events in the long (monadic) form of ACLED's ``acled_transform_longer(type = "full_actors")``.

One row per actor per event: actor1, actor2, then each associated actor of actor1 and of actor2 (their
``; ``-separated lists split and trimmed), in that order. Each row carries ``type_of_actor`` (actor1, actor2,
assoc_actor_1, assoc_actor_2), ``actor``, ``inter_type`` (inter1 for actor1's side, inter2 for actor2's) and
``inter``: the side's actor category for actor1 and actor2, blank for associated actors (as ACLED's function
leaves it NA). These four columns stand after sub_event_type, in place of the actor and inter columns; every
other column is as in :mod:`eventcode.formats.acled_csv`. Unlike ACLED's function, an absent actor2 or an empty
list of associated actors gives no row (ACLED's keeps an empty one and warns).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from eventcode._atomic import write_output
from eventcode.codebook import acled_codebook
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm, csv_line, event_row

#: The wide columns the long form replaces with ``type_of_actor``, ``actor``, ``inter_type`` and ``inter``.
ACTOR_COLUMNS = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2")
LONG_COLUMNS = ("type_of_actor", "actor", "inter_type", "inter")


def long_columns() -> tuple[str, ...]:
    """The header of the long form."""
    columns = acled_codebook().columns
    at = columns.index("sub_event_type") + 1
    rest = tuple(name for name in columns[at:] if name not in ACTOR_COLUMNS)
    return (*columns[:at], *LONG_COLUMNS, *rest)


def actor_rows(event: Event, inter: InterForm = "text") -> Iterator[list[str]]:
    """The long rows of one event, in the order of :func:`long_columns`."""
    columns = acled_codebook().columns
    wide = dict(zip(columns, event_row(event, inter), strict=True))
    at = columns.index("sub_event_type") + 1
    head = [wide[name] for name in columns[:at]]
    rest = [wide[name] for name in columns[at:] if name not in ACTOR_COLUMNS]
    sides = (("actor1", [wide["actor1"]], "inter1", wide["inter1"]),
             ("actor2", [wide["actor2"]], "inter2", wide["inter2"]),
             ("assoc_actor_1", wide["assoc_actor_1"].split(";"), "inter1", ""),
             ("assoc_actor_2", wide["assoc_actor_2"].split(";"), "inter2", ""))
    for role, names, inter_type, category in sides:
        for name in names:
            if name.strip():
                yield [*head, role, name.strip(), inter_type, category, *rest]


def write_rows(events: Iterable[Event], out: TextIO, inter: InterForm = "text") -> int:
    """Write the header and the long rows of every event; returns the number of events."""
    out.write(csv_line(long_columns()))
    count = 0
    for event in events:
        for row in actor_rows(event, inter):
            out.write(csv_line(row))
        count += 1
    return count


def write_actors_long(events: Iterable[Event], path: str | Path | None = None, inter: InterForm = "text") -> int:
    """Write events in the long form as CSV (atomically), or to stdout when ``path`` is None."""
    return write_output(path, lambda out: write_rows(events, out, inter))
