"""A workbench workspace: a folder of reports, each a text and its coding, files a person can read and diff.

``NAME.txt`` holds the report and ``NAME.yaml`` its coding in the format of ``seeds/``: ``report``,
``published``, ``country``, the accepted ``events`` (each with its ``rationale``) and ``not_coded`` (statements
with the reason), plus what the review still holds: ``status`` (``new``, ``open`` or ``done``), the ``pending``
candidates and the ``rejected`` ones, each with its ``reason``. A reviewed report (status ``done``) is a gold
coding: ``eventcode convert NAME.yaml`` writes its events.

Names are checked, never joined blindly: a name is letters, digits, ``.``, ``_`` and ``-``, and every path stays
inside the folder. Files are written atomically, and a save names the version it was made from, so that two
editors of one report cannot silently overwrite each other (:class:`Conflict`). A coding file that cannot be
read, or that does not hold a coding, is reported with its problem (``Report.problem``) and never run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventcode._atomic import atomic_text_writer
from eventcode.codebook import acled_codebook
from eventcode.errors import EventcodeError, InputError, InvalidEvent
from eventcode.events import Event
from eventcode.formats.records import MAX_DOCUMENT_BYTES, safe_yaml
from eventcode.formats.yaml_text import dump_yaml
from eventcode.issues import Issue, show
from eventcode.rules import parse_date

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
STATUSES = ("new", "open", "done")
#: The fields ACLED derives; a coding does not store them (the rules derive them again).
DERIVED = ("year", "event_type", "disorder_type", "interaction", "iso", "region")
LISTS = ("events", "pending", "rejected", "not_coded")

#: Codes a report: (text, published, country, gazetteer files) -> (candidates, not coded sentences).
CodeFunction = Callable[[str, date, str, list[Path]], tuple[list[dict[str, Any]], list[dict[str, Any]]]]


class Conflict(EventcodeError):
    """The coding changed since the version a save was made from (another tab, another program)."""


class Refused(EventcodeError):
    """A save or an addition that breaks a rule of the workspace; ``problems`` lists each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Report:
    """One report as read: its coding (``doc``, empty when broken), the version that coding has, and the problem
    that keeps it from being read, if any."""

    name: str
    text: str
    doc: dict[str, Any]
    version: str
    problem: str | None = None

    @property
    def status(self) -> str:
        return "broken" if self.problem else str(self.doc["status"])


@dataclass(frozen=True)
class Entry:
    """A report in the queue: its status, how many events it has accepted and pending, and their ids."""

    name: str
    status: str
    events: int = 0
    pending: int = 0
    problem: str | None = None
    ids: tuple[str, ...] = ()


def check_name(name: str) -> str:
    """``name`` when it is a report name (letters, digits, ``.``, ``_``, ``-``); else InputError."""
    if not NAME.fullmatch(name) or ".." in name:
        raise InputError(f"{show(name)} is not a report name (letters, digits, '.', '_' and '-', at most 100)")
    return name


def check_document(doc: object) -> list[str]:
    """What keeps ``doc`` from being a coding (an empty list when it is one)."""
    if not isinstance(doc, dict):
        return ["the coding is not a mapping"]
    problems = []
    for key in ("report", "country"):
        if not isinstance(doc.get(key), str) or not doc[key]:
            problems.append(f"{key} is missing or not text")
    published = doc.get("published")
    if not isinstance(published, date) and parse_date(published) is None:
        problems.append(f"published {show(published)} is not a date")
    if doc.get("status") not in STATUSES:
        problems.append(f"status {show(doc.get('status'))} is not one of {', '.join(STATUSES)}")
    for key in LISTS:
        items = doc.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            problems.append(f"{key} is not a list of mappings")
    if problems:
        return problems
    for number, item in enumerate(doc.get("rejected", []), 1):
        if not isinstance(item.get("reason"), str) or not item["reason"].strip():
            problems.append(f"rejected event {number} has no reason")
    for number, item in enumerate(doc.get("not_coded", []), 1):
        if not all(isinstance(item.get(key), str) for key in ("statement", "reason")):
            problems.append(f"not_coded item {number} needs a statement and a reason")
    if doc["status"] == "done" and doc.get("pending"):
        problems.append(f"the report cannot be done with {len(doc['pending'])} candidate(s) still pending")
    return problems


def version_of(raw: bytes) -> str:
    """The version of a coding file: a digest of its bytes."""
    return hashlib.sha256(raw).hexdigest()[:16]


def plain(value: Any) -> Any:
    """``value`` as JSON gives it back (dates as ISO text)."""
    return json.loads(json.dumps(value, default=str))


def _label(field: str, value: Any) -> Any:
    """An inter code as its label ("Rebel group"), as the seeds write it; any other value as it is."""
    if field in ("inter1", "inter2") and isinstance(value, int) and not isinstance(value, bool):
        category = acled_codebook().actor_category_registry.get(value)
        return category.label if category is not None else value
    return value


def _tidy_event(record: Mapping[str, Any], accepted: bool) -> dict[str, Any]:
    """A record as a coding stores it: no derived fields; an accepted event without blanks or review items, with
    its date as a YAML date."""
    kept = {k: v for k, v in record.items() if k not in DERIVED}
    if accepted:
        kept = {k: _label(k, v) for k, v in kept.items() if v not in (None, "") and k != "review"}
    day = parse_date(kept.get("event_date"))
    if day is not None:
        kept["event_date"] = day
    return kept


class Workspace:
    """The reports in one folder. Thread-safe: saves to the folder are serialised."""

    def __init__(self, root: str | Path, max_bytes: int = MAX_DOCUMENT_BYTES, id_prefix: str = "EC") -> None:
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise InputError(f"{root}: the workspace is not a folder")
        if not re.fullmatch(r"[A-Z]{2,4}", id_prefix):
            raise InputError(f"id prefix {show(id_prefix)} is not 2 to 4 capital letters")
        self.max_bytes = max_bytes
        self.id_prefix = id_prefix
        self._lock = threading.RLock()
        self._entries: dict[str, tuple[tuple[int, int], Entry]] = {}

    # -- paths and files

    def path(self, name: str, suffix: str) -> Path:
        """The file of report ``name`` with ``suffix`` (``.txt``, ``.yaml``), checked to lie in the folder."""
        path = self.root / f"{check_name(name)}{suffix}"
        if path.resolve().parent != self.root:
            raise InputError(f"{show(name)}: its file lies outside the workspace")
        return path

    def context_path(self, name: str) -> Path:
        """Where the gazetteer given as context for report ``name`` is kept."""
        path = self.root / "context" / f"{check_name(name)}.yaml"
        if path.resolve().parent != self.root / "context":
            raise InputError(f"{show(name)}: its context lies outside the workspace")
        return path

    def gazetteers(self, name: str) -> list[Path]:
        """The gazetteer files report ``name`` is coded with besides the bundled ones: its context, if any."""
        context = self.context_path(name)
        return [context] if context.exists() else []

    def _read(self, path: Path) -> bytes:
        try:
            with path.open("rb") as handle:
                raw = handle.read(self.max_bytes + 1)
        except FileNotFoundError:
            raise InputError(f"{path.name}: no such file in the workspace") from None
        except OSError as exc:
            raise InputError(f"{path.name}: cannot read: {exc.strerror or exc}") from None
        if len(raw) > self.max_bytes:
            raise InputError(f"{path.name}: over the limit of {self.max_bytes:,} bytes")
        return raw

    def names(self) -> list[str]:
        """The reports of the workspace, in name order (files with other names are left alone)."""
        return sorted(p.stem for p in self.root.glob("*.yaml") if NAME.fullmatch(p.stem) and ".." not in p.stem)

    def read(self, name: str) -> Report:
        """Report ``name`` with its coding; a coding that cannot be read comes with its ``problem``."""
        raw = self._read(self.path(name, ".yaml"))
        try:
            text = self._read(self.path(name, ".txt")).decode("utf-8-sig")
        except UnicodeDecodeError:
            return Report(name, "", {}, version_of(raw), f"{name}.txt: not UTF-8 text")
        except InputError as exc:
            return Report(name, "", {}, version_of(raw), str(exc))
        try:
            doc = safe_yaml(f"{name}.yaml", raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            return Report(name, text, {}, version_of(raw), f"{name}.yaml: not UTF-8 text")
        except InputError as exc:
            return Report(name, text, {}, version_of(raw), str(exc))
        problems = check_document(doc)
        if problems:
            return Report(name, text, {}, version_of(raw), f"{name}.yaml: " + "; ".join(problems))
        return Report(name, text, doc, version_of(raw))

    def entries(self) -> list[Entry]:
        """Every report with its status, read again only when its coding file changed."""
        found = []
        for name in self.names():
            try:
                stat = self.path(name, ".yaml").stat()
            except (OSError, InputError) as exc:
                found.append(Entry(name, "broken", problem=str(exc)))
                continue
            key = (stat.st_mtime_ns, stat.st_size)
            cached = self._entries.get(name)
            if cached is None or cached[0] != key:
                cached = (key, self._entry(name))
                self._entries[name] = cached
            found.append(cached[1])
        return found

    def _entry(self, name: str) -> Entry:
        try:
            report = self.read(name)
        except InputError as exc:
            return Entry(name, "broken", problem=str(exc))
        if report.problem:
            return Entry(name, "broken", problem=report.problem)
        doc = report.doc
        return Entry(name, report.status, len(doc.get("events", [])), len(doc.get("pending", [])),
                     ids=tuple(str(e.get("event_id_cnty", "")) for e in doc.get("events", [])))

    def _write(self, name: str, doc: Mapping[str, Any]) -> str:
        text = io.StringIO()
        dump_yaml(dict(doc), text)
        with atomic_text_writer(self.path(name, ".yaml"), newline="\n") as out:
            out.write(text.getvalue())
        return version_of(text.getvalue().encode("utf-8"))

    # -- changes

    def add(self, name: str, text: str, published: date, country: str, context: str = "") -> None:
        """A new report, not yet coded, with the text of a gazetteer to code it with (``context``, if any).
        Refused when the name is taken or the text is over the limit; an unknown country is an error naming the
        nearest."""
        with self._lock:
            txt, yml = self.path(name, ".txt"), self.path(name, ".yaml")
            if txt.exists() or yml.exists():
                raise Refused([f"{name}: a report of that name is already in the workspace"])
            acled_codebook().country_registry.lookup(country)  # an unknown one names the nearest
            if len(text.encode("utf-8")) > self.max_bytes:
                raise Refused([f"{name}: the text is over the limit of {self.max_bytes:,} bytes"])
            with atomic_text_writer(txt, newline="\n") as out:
                out.write(text)
            kept = self.context_path(name)
            if context:
                kept.parent.mkdir(exist_ok=True)
                with atomic_text_writer(kept, newline="\n") as out:
                    out.write(context)
            else:
                kept.unlink(missing_ok=True)  # a former report's of the same name
            self._write(name, {"report": txt.name, "published": published, "country": country, "status": "new",
                               "events": [], "pending": [], "rejected": [], "not_coded": []})

    def add_batch(self, lines: str) -> tuple[list[str], list[str]]:
        """Add the reports of a JSON Lines batch (``{"id", "text", "published", "country"}`` per line); returns
        the names added and one error per line that was not (nothing is dropped silently)."""
        added, errors = [], []
        for number, line in enumerate(lines.splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict):
                    raise InputError("a line must be a JSON object")
                key, text, published = item.get("id"), item.get("text"), parse_date(item.get("published"))
                if not isinstance(key, str | int) or isinstance(key, bool):
                    raise InputError("id must be text or a number")
                if not isinstance(text, str) or not text.strip():
                    raise InputError("text is missing")
                if published is None:
                    raise InputError(f"published {show(item.get('published'))} is not a date (YYYY-MM-DD)")
                if not isinstance(item.get("country"), str) or not item["country"]:
                    raise InputError("country is missing")
                self.add(str(key), text, published, item["country"])
                added.append(str(key))
            except (ValueError, EventcodeError) as exc:
                errors.append(f"line {number}: {exc}")
        return added, errors

    def code(self, name: str, coder: CodeFunction) -> Report:
        """Code a new report (its candidates become ``pending``, its status ``open``); others are returned as
        they are."""
        with self._lock:
            report = self.read(name)
            if report.problem or report.status != "new":
                return report
            doc = dict(report.doc)
            published = doc["published"] if isinstance(doc["published"], date) else parse_date(doc["published"])
            assert published is not None  # check_document saw to it
            pending, not_coded = coder(report.text, published, doc["country"], self.gazetteers(name))
            doc.update(status="open", pending=[_tidy_event(r, False) for r in pending],
                       not_coded=[{"statement": n["sentence"], "reason": n["reason"]} for n in not_coded])
            return dataclasses.replace(report, doc=doc, version=self._write(name, doc))

    def save(self, name: str, version: str, doc: Mapping[str, Any]) -> Report:
        """Save the coding ``doc`` of report ``name``, made from ``version``.

        Raises :class:`Conflict` when the file changed since, :class:`Refused` when the coding breaks a rule: an
        accepted event that is not a valid ACLED event or has no rationale, a rejected one without a reason, a
        report done with candidates pending. Accepted events without an id get the next free one.
        """
        with self._lock:
            current = self.read(name)
            if current.version != version:
                raise Conflict(f"{name} was changed elsewhere (another tab or program) since it was opened; "
                               "reload it: this change was not saved")
            new = dict(plain(doc))
            new["report"] = f"{name}.txt"
            problems = check_document(new)
            if problems:
                raise Refused(problems)
            events = [_tidy_event(e, True) for e in new.get("events", [])]
            self._assign_ids(name, events)
            for number, event in enumerate(events, 1):
                if not isinstance(event.get("rationale"), str) or not event["rationale"].strip():
                    problems.append(f"accepted event {number} has no rationale")
                try:
                    Event.from_record(event)
                except InvalidEvent as exc:
                    problems.extend(f"accepted event {number}: {issue}" for issue in exc.issues)
            if problems:
                raise Refused(problems)
            day = parse_date(new["published"])
            new.update(published=day, events=events, pending=[_tidy_event(e, False) for e in new.get("pending", [])],
                       rejected=[_tidy_event(e, False) for e in new.get("rejected", [])])
            return dataclasses.replace(current, doc=new, version=self._write(name, new))

    def _assign_ids(self, name: str, events: list[dict[str, Any]]) -> None:
        pattern = re.compile(rf"{self.id_prefix}([0-9]+)")
        used = [i for entry in self.entries() if entry.name != name for i in entry.ids]
        used += [str(e.get("event_id_cnty") or "") for e in events]
        numbers = [int(m.group(1)) for i in used if (m := pattern.fullmatch(i))]
        following = max(numbers, default=0) + 1
        for number, event in enumerate(events):
            if not event.get("event_id_cnty"):
                events[number] = {"event_id_cnty": f"{self.id_prefix}{following}",
                                  **{k: v for k, v in event.items() if k != "event_id_cnty"}}
                following += 1

    # -- output

    def accepted(self) -> tuple[list[Event], list[Issue]]:
        """Every accepted event of the workspace, in report order, and every issue found: a broken coding, an
        invalid event, an event id used twice. Events are read as they are on disk."""
        events: list[Event] = []
        issues: list[Issue] = []
        seen: set[str] = set()
        for name in self.names():
            report = self.read(name)
            if report.problem:
                issues.append(Issue("parse-error", report.problem, file=f"{name}.yaml"))
                continue
            for number, record in enumerate(report.doc.get("events", []), 1):
                try:
                    event = Event.from_record(record)
                except InvalidEvent as exc:
                    issues.extend(dataclasses.replace(i, file=f"{name}.yaml", record=number) for i in exc.issues)
                    continue
                if event.event_id_cnty in seen:
                    issues.append(Issue("duplicate-event-id", f"{show(event.event_id_cnty)} already appears in the "
                                        "workspace", "event_id_cnty", event.event_id_cnty,
                                        file=f"{name}.yaml", record=number))
                    continue
                seen.add(event.event_id_cnty)
                events.append(event)
        return events, issues

