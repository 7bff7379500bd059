"""Conversions between formats, as the library does them and the ``convert`` command exposes them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path

from eventcode.errors import InvalidEvent
from eventcode.events import Event
from eventcode.formats.acled_csv import InterForm, write_acled_csv
from eventcode.formats.records import read_records
from eventcode.issues import Issue


def load_events(path: str | Path) -> tuple[list[Event], list[Issue]]:
    """Read a YAML/JSON/JSON Lines file of records into events; returns the events and every issue found."""
    events: list[Event] = []
    problems: list[Issue] = []
    for record in read_records(path):
        try:
            events.append(Event.from_record(record.data))
        except InvalidEvent as exc:
            problems.extend(dataclasses.replace(issue, file=str(path), record=record.number, line=record.line)
                            for issue in exc.issues)
    return events, problems


#: A writer takes events, a target path (stdout when None) and the inter form; returns the number written.
Writer = Callable[[Iterable[Event], "str | Path | None", InterForm], int]

#: Every output format of ``eventcode convert --to``.
WRITERS: dict[str, Writer] = {"acled-csv": write_acled_csv}


def convert_records(source: str | Path, target: str | Path | None, to: str = "acled-csv",
                    inter: InterForm = "text") -> list[Issue]:
    """Write the records of ``source`` in format ``to`` to ``target`` (stdout when None), all or nothing.

    Returns the issues found; when there are any, nothing is written.
    """
    events, problems = load_events(source)
    if not problems:
        WRITERS[to](events, target, inter)
    return problems
