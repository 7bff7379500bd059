"""Measure the incident coder: against hand-coded seeds (event-level precision, recall, F1) and against real ACLED
rows, whose notes are read as reports (accuracy of the first coded event against the row)."""

from __future__ import annotations

import csv
import hashlib
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from eventcode.coder import Coder, Record
from eventcode.coder import triggers as trig
from eventcode.coder.world import distance_km
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
    #: rows whose gold value of a field is known (an old export's blank sub-event type is not scored)
    scored: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    seconds: float = 0.0

    def rate(self, name: str) -> float:
        counted = self.scored[name]
        return self.correct[name] / counted if counted else 0.0

    @property
    def notes_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


#: ACLED's event types before its 2019 taxonomy (exports of 2018 and earlier) -> (event_type, sub_event_type) of
#: the current one, where the old type decides them; a blank sub-event type is not scored (ACLED's recoding told the
#: sub-event apart from the notes: remote violence into shelling, air strike, IED ...; violence against civilians
#: into attack, abduction, sexual violence; strategic developments into arrests, looting ...).
#: Riots/Protests split by actor: rioters (inter 5) make Riots, protesters alone Protests; violence against
#: civilians by rioters is now Riots/Mob violence.
OLD_EVENT_TYPES: dict[str, tuple[str, str]] = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "battle-non-state actors overtake territory": ("Battles", "Non-state actor overtakes territory"),
    "remote violence": ("Explosions/Remote violence", ""),
    "violence against civilians": ("Violence against civilians", ""),
    "riots/protests": ("Protests", ""),
    "strategic development": ("Strategic developments", ""),
    "non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "headquarters or base established": ("Strategic developments", "Headquarters or base established"),
}
#: event_date forms of older exports and of spreadsheets that re-saved them (01-January-2015, 9-May-20, 18/04/2001).
_DATE_FORMATS = ("%d-%B-%Y", "%d-%b-%y", "%d-%b-%Y", "%d/%m/%Y", "%d %b %Y")


def _iso_day(value: str) -> str:
    day = parse_date(value)
    for form in _DATE_FORMATS:
        if day is not None:
            break
        try:
            day = datetime.strptime(value.strip(), form).date()
        except ValueError:
            continue
    return day.isoformat() if day else value


def _code(value: str) -> str:
    """An inter or interaction code as digits ("27.0" -> "27"); other text as it is."""
    text = value.strip()
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text


def acled_row(raw: dict[str, str]) -> dict[str, str]:
    """A row of an ACLED export of any generation, compared like with like with the coder's output: column names
    lower-cased (GWNO, EVENT_ID_CNTY ... of the 2015-2016 files), event_date as ISO, pre-2019 event types put
    into the current taxonomy (:data:`OLD_EVENT_TYPES`; the sub-event type left blank where the old type does not
    decide it); codes as digits. The 2019-2023 exports already use the current sub-event names; the numeric
    inter codes (1 state forces ... 8 external forces) and interaction codes are the same in every generation up
    to 2023 and are compared as they are."""
    row = {str(k).strip().lower(): "" if v is None else str(v) for k, v in raw.items() if k is not None}
    row["event_date"] = _iso_day(row.get("event_date", ""))
    for name in ("inter1", "inter2", "interaction", "fatalities"):
        if name in row:
            row[name] = _code(row[name])
    event_type, sub = row.get("event_type", "").strip(), row.get("sub_event_type", "").strip()
    if not sub and event_type.lower() in OLD_EVENT_TYPES:
        event_type, sub = OLD_EVENT_TYPES[event_type.lower()]
        inters = {row.get("inter1", ""), row.get("inter2", "")}
        if event_type == "Protests" and "5" in inters:
            event_type = "Riots"
        elif event_type == "Violence against civilians" and row.get("inter1") == "5":
            event_type, sub = "Riots", "Mob violence"
        row["event_type"], row["sub_event_type"] = event_type, sub
    return row


def read_sample(path: str | Path) -> Iterator[dict[str, str]]:
    """The rows of an ACLED CSV file of any generation, as :func:`acled_row` puts them."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for raw in csv.DictReader(handle):
                yield acled_row(raw)
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


_SCORED = ("event_type", "sub_event_type", "fatalities", "interaction")


def _coded(rows: Iterable[dict[str, str]], coder: Coder) -> Iterator[tuple[dict[str, str], list[Record]]]:
    """Each row with the events of its notes, coded as a report published on its event_date in its country."""
    for row in rows:
        published = parse_date(row["event_date"]) or date.today()
        yield row, coder.code(row["notes"], published, row["country"])


def evaluate_sample(rows: Iterable[dict[str, str]], coder: Coder | None = None) -> SampleScore:
    """Code each row's notes (published on its event_date, in its country); compare the first event with it."""
    coder = coder or Coder()
    score = SampleScore()
    started = time.perf_counter()
    for row, events in _coded(rows, coder):
        score.rows += 1
        known = [name for name in _SCORED if row.get(name, "").strip()]
        score.scored.update(known)
        gold_kind = row["sub_event_type"] or f"({row['event_type']})"
        if not events:
            score.no_event += 1
            score.confusion[(gold_kind, "")] += 1
            continue
        first = events[0]
        score.confusion[(gold_kind, first["sub_event_type"])] += 1
        score.correct.update(name for name in known if str(first[name]) == row[name])
    score.seconds = time.perf_counter() - started
    return score


def news_part(name: str) -> str:
    """A news report's part of the development set, fixed by a hash of its file name: ``dev`` (rules are written
    from its errors) or ``held-out`` (only measured)."""
    return "dev" if hashlib.sha256(name.encode()).digest()[0] % 2 == 0 else "held-out"


def _words(name: object) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", unicodedata.normalize("NFKD", str(name or "")).lower()) if len(w) > 2}


def _on_the_map(gold: dict[str, Any], coded: Record, radius: float = 1.0) -> bool:
    """Whether the coded point is within 25 km of the gold one (50 km where the gold has geo_precision 3),
    times ``radius``."""
    if coded.get("latitude") is None or gold.get("latitude") is None:
        return False
    limit = (50.0 if int(gold.get("geo_precision") or 1) == 3 else 25.0) * radius
    return distance_km(float(gold["latitude"]), float(gold["longitude"]), coded["latitude"], coded["longitude"]) \
        <= limit


def _same_place(gold: dict[str, Any], coded: Record) -> bool:
    """The place agrees: a word of one location name is in the other ("Nkwen (Bamenda)", "Bamenda"), or the
    points are within twice the on-the-map distance."""
    return bool(_words(gold.get("location")) & _words(coded.get("location"))) or _on_the_map(gold, coded, 2.0)


def _same_day(gold: dict[str, Any], coded: Record) -> bool:
    gold_day, coded_day = parse_date(str(gold["event_date"])), parse_date(str(coded["event_date"]))
    if gold_day is None or coded_day is None:
        return False
    precision = max(int(gold.get("time_precision") or 1), int(coded.get("time_precision") or 1))
    return abs(gold_day - coded_day) <= timedelta(days=_TOLERANCE.get(precision, 0))


@dataclass
class NewsScore:
    """Event-level scores on news reports: a gold event is found by a coded one with its sub-event type, a date
    within the precision either claims, and the same place. Coded events matching an ``optional`` gold event
    count neither for nor against."""

    reports: int = 0
    gold: int = 0
    coded: int = 0
    optional: int = 0
    found: int = 0
    fatalities: int = 0
    interaction: int = 0
    on_the_map: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        counted = self.coded - self.optional
        return self.found / counted if counted else 0.0

    def share(self, name: str) -> float:
        """The share of found events whose ``name`` (fatalities, interaction, on_the_map) is right."""
        value: int = getattr(self, name)
        return value / self.found if self.found else 0.0


def _interaction(inter1: Any, inter2: Any) -> int:
    a, b = sorted((int(inter1 or 0), int(inter2 or 0)))
    return a * 10 + b if a else b * 10


def read_news(folder: str | Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Each report of a news folder as (name, text, gold coding)."""
    for path in sorted(Path(folder).glob("*.yaml")):
        report = path.with_suffix(".txt")
        if not report.is_file():
            continue
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(gold, dict) and "events" in gold:
            yield path.stem, report.read_text(encoding="utf-8"), gold


def evaluate_news(reports: Iterable[tuple[str, str, dict[str, Any]]], coder: Coder | None = None) -> NewsScore:
    """Code each report (its ``published`` date and ``country`` given) and score its events against the gold."""
    coder = coder or Coder()
    score = NewsScore()
    for name, text, gold in reports:
        published = parse_date(str(gold["published"]))
        if published is None:
            raise InputError(f"{name}.yaml: published {gold['published']!r} is not a date")
        started = time.perf_counter()
        coded = coder.code(text, published, gold["country"])
        score.seconds += time.perf_counter() - started
        score.reports += 1
        score.gold += len(gold["events"])
        score.coded += len(coded)
        unmatched = list(coded)
        for event in gold["events"]:
            hit = next((c for c in unmatched if c["sub_event_type"] == event["sub_event_type"]
                        and _same_day(event, c) and _same_place(event, c)), None)
            if hit is None:
                score.misses.append(f"{name}: {event['sub_event_type']} {event['event_date']} {event.get('location')}")
                continue
            unmatched.remove(hit)
            score.found += 1
            score.fatalities += int(hit["fatalities"] == event.get("fatalities"))
            score.interaction += int(hit["interaction"] == _interaction(event.get("inter1"), event.get("inter2")))
            score.on_the_map += int(_on_the_map(event, hit))
        for extra in unmatched:
            if any(o.get("sub_event_type") == extra["sub_event_type"] and _same_day(o, extra)
                   for o in gold.get("optional") or ()):
                score.optional += 1
            else:
                score.extras.append(f"{name}: {extra['sub_event_type']} {extra['event_date']} {extra['location']}")
    return score


@dataclass
class PlaceScore:
    """How well the coder's first event of each ACLED row places it: a place given at all, admin1 as ACLED's,
    within 25 km of ACLED's point; and its sub_event_type and interaction (no event counts as wrong)."""

    rows: int = 0
    correct: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def rate(self, name: str) -> float:
        return self.correct[name] / self.rows if self.rows else 0.0


def evaluate_places(rows: Iterable[dict[str, str]], coder: Coder | None = None) -> PlaceScore:
    """Code each row's notes (published on its event_date, in its country) and score the first event's place."""
    coder = coder or Coder()
    score = PlaceScore()
    started = time.perf_counter()
    for row, events in _coded(rows, coder):
        score.rows += 1
        if not events:
            continue
        first = events[0]
        placed = first.get("latitude") is not None
        near = placed and distance_km(float(row["latitude"]), float(row["longitude"]), first["latitude"],
                                      first["longitude"]) <= 25.0
        checks = {"placed": placed, "admin1": bool(first.get("admin1")) and first["admin1"] == row["admin1"],
                  "within_25km": near, "sub_event_type": first["sub_event_type"] == row["sub_event_type"],
                  "interaction": str(first["interaction"]) == row["interaction"]}
        score.correct.update(name for name, ok in checks.items() if ok)
    score.seconds = time.perf_counter() - started
    return score
