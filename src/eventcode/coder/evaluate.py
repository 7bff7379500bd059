"""Measure the incident coder: against hand-coded seeds (event-level precision, recall, F1) and against real ACLED
rows, whose notes are read as reports (accuracy of the first coded event against the row)."""

from __future__ import annotations

import csv
import hashlib
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from eventcode.coder import Coder, Record
from eventcode.coder import triggers as trig
from eventcode.errors import InputError
from eventcode.rules import parse_date

#: Days either side of the gold date that still match, by the gold event's time_precision.
_TOLERANCE = {1: 0, 2: 3, 3: 15}


@dataclass
class SeedScore:
    """Event-level matches on the seeds: a match has the same sub-event type, place and a date within the gold
    event's time precision."""

    gold: int = 0
    coded: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.coded if self.coded else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _matches(gold: dict[str, Any], coded: Record) -> bool:
    gold_day, coded_day = parse_date(gold["event_date"]), parse_date(coded["event_date"])
    if gold_day is None or coded_day is None:
        return False
    tolerance = timedelta(days=_TOLERANCE.get(int(gold.get("time_precision", 1)), 0))
    return (gold["sub_event_type"] == coded["sub_event_type"] and abs(gold_day - coded_day) <= tolerance
            and str(gold.get("location", "")) == coded["location"])


def evaluate_seeds(folder: str | Path, coder: Coder | None = None) -> SeedScore:
    """Score the coder on every ``*.yaml`` gold file of ``folder`` with its report beside it (``report:``)."""
    coder = coder or Coder()
    score = SeedScore()
    for path in sorted(Path(folder).glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "events" not in gold or "report" not in gold:
            continue
        text = (path.parent / gold["report"]).read_text(encoding="utf-8")
        published = parse_date(gold["published"])
        if published is None:
            raise InputError(f"{path}: published {gold['published']!r} is not a date")
        coded = coder.code(text, published, gold["country"])
        events = list(gold["events"])
        score.gold += len(events)
        score.coded += len(coded)
        unmatched = list(coded)
        for event in events:
            hit = next((c for c in unmatched if _matches(event, c)), None)
            if hit is None:
                score.misses.append(f"{path.name}: {event.get('event_id_cnty')} {event['sub_event_type']} "
                                    f"{event['event_date']} {event.get('location')}")
            else:
                unmatched.remove(hit)
                score.matched += 1
    return score


def split_of(event_id: str) -> str:
    """A row's half of the sample, fixed by a hash of its event id: ``dev`` or ``held-out``."""
    return "dev" if hashlib.sha256(event_id.encode()).digest()[0] % 2 == 0 else "held-out"


@dataclass
class SampleScore:
    """Accuracy of the coder's first event against ACLED rows (no event counts as wrong)."""

    rows: int = 0
    no_event: int = 0
    correct: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    seconds: float = 0.0

    def rate(self, name: str) -> float:
        return self.correct[name] / self.rows if self.rows else 0.0

    @property
    def notes_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def read_sample(path: str | Path) -> Iterator[dict[str, str]]:
    """The rows of an ACLED CSV file."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            yield from csv.DictReader(handle)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None


def without_labels(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """The rows whose notes open with an ACLED note label ("Arrests: On ..."), the label removed. News reports
    carry no such label: these rows measure the coder on a note's words alone."""
    kept = []
    for row in rows:
        found = trig.label(row["notes"])
        if found is not None:
            kept.append({**row, "notes": row["notes"][found.end:].lstrip(" :")})
    return kept


def evaluate_sample(rows: Iterable[dict[str, str]], coder: Coder | None = None) -> SampleScore:
    """Code each row's notes (published on its event_date, in its country); compare the first event with it."""
    coder = coder or Coder()
    score = SampleScore()
    started = time.perf_counter()
    for row in rows:
        published = parse_date(row["event_date"]) or date.today()
        events = coder.code(row["notes"], published, row["country"])
        score.rows += 1
        if not events:
            score.no_event += 1
            score.confusion[(row["sub_event_type"], "")] += 1
            continue
        first = events[0]
        score.confusion[(row["sub_event_type"], first["sub_event_type"])] += 1
        checks = {
            "event_type": first["event_type"] == row["event_type"],
            "sub_event_type": first["sub_event_type"] == row["sub_event_type"],
            "fatalities": str(first["fatalities"]) == row["fatalities"],
            "interaction": str(first["interaction"]) == row["interaction"],
        }
        score.correct.update(name for name, ok in checks.items() if ok)
    score.seconds = time.perf_counter() - started
    return score
