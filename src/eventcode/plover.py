"""PLOVER's codebook (``codebooks/plover.yaml``): event types, modes, contexts, the JSON record's fields, and the
official CAMEO -> PLOVER table.

>>> cb = plover_codebook()
>>> cb.event_type("ASSAULT").quad_class
4
>>> cb.for_cameo("195").mode
('heavy-weapons',)
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from eventcode._resources import data_file
from eventcode.cameo import cameo_codebook, cameo_file
from eventcode.codebook import load_model
from eventcode.registry import Registry
from eventcode.tables import markdown_table, render_table


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Mode(_Entry):
    name: str
    meaning: str
    table_only: bool = False


class EventType(_Entry):
    """A PLOVER event type with its quad class, PLOVER score (the manual's Goldstein-like scale) and modes."""

    name: str
    quad_class: int
    score: float
    requires_recipient: bool
    definition: str
    modes: tuple[Mode, ...]
    former_names: tuple[str, ...] = ()

    @functools.cached_property
    def mode_names(self) -> frozenset[str]:
        return frozenset(m.name for m in self.modes)


class Context(_Entry):
    name: str
    meaning: str
    special: bool = False
    table_only: bool = False


class QuadClass(_Entry):
    code: int
    name: str


class Field(_Entry):
    name: str
    required: bool
    content: str


class Mapping(_Entry):
    """One row of the CAMEO -> PLOVER table (``event`` None: PLOVER has no single type for the code)."""

    cameo: str
    event: str | None
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    text: str = ""
    note: str = ""


class PloverCodebook(_Entry):
    """The whole PLOVER codebook. Registries give lookups by name; :meth:`for_cameo` maps a CAMEO code."""

    name: str
    version: str
    sources: tuple[str, ...]
    notes: tuple[str, ...]
    quad_classes: tuple[QuadClass, ...]
    event_types: tuple[EventType, ...]
    contexts: tuple[Context, ...]
    fields: tuple[Field, ...]
    actor_fields: tuple[str, ...]
    size_fields: tuple[str, ...]
    text_info_fields: tuple[str, ...]
    cite_info_fields: tuple[str, ...]
    location_fields: tuple[str, ...]
    roots: tuple[Mapping, ...]
    cameo_to_plover: tuple[Mapping, ...]
    unmatched: tuple[Mapping, ...]

    @functools.cached_property
    def type_registry(self) -> Registry[EventType]:
        return Registry("PLOVER event type", self.event_types, lambda e: e.name)

    @functools.cached_property
    def context_registry(self) -> Registry[Context]:
        return Registry("PLOVER context", self.contexts, lambda c: c.name)

    @model_validator(mode="after")
    def _check(self) -> PloverCodebook:
        _check_plover(self)
        return self

    @functools.cached_property
    def table(self) -> Registry[Mapping]:
        """The table's rows and the root headings, by CAMEO code."""
        return Registry("CAMEO code of the PLOVER table", [*self.roots, *self.cameo_to_plover], lambda m: m.cameo)

    def for_cameo(self, code: str) -> Mapping:
        """The PLOVER coding of a CAMEO code: its table row, else its root's heading (event None: dropped or split)."""
        row = self.table.get(code)
        return row if row is not None else self.table.lookup(code[:2])

    def event_type(self, name: str) -> EventType:
        """An event type by its name or a former name (DEMAND -> REQUEST)."""
        for event_type in self.event_types:
            if name in event_type.former_names:
                return event_type
        return self.type_registry.lookup(name)


def _duplicates(values: Iterable[object]) -> list[object]:
    return [value for value, count in Counter(values).items() if count > 1]


def check_coding(cb: PloverCodebook, event: str, modes: Iterable[str], contexts: Iterable[str]) -> list[str]:
    """What is wrong with an event type + modes + contexts (unknown type, a mode not of that type, unknown context)."""
    event_type = cb.type_registry.get(event)
    if event_type is None:
        return [f"unknown PLOVER event type {event!r}"]
    return ([f"mode {m!r} is not a mode of {event}" for m in modes if m not in event_type.mode_names]
            + [f"unknown PLOVER context {c!r}" for c in contexts if c not in cb.context_registry])


def _check_plover(cb: PloverCodebook) -> None:
    quads = {q.code for q in cb.quad_classes}
    types = list(cb.event_types)
    checks: list[tuple[str, list[object]]] = [
        ("duplicate event type", _duplicates(t.name for t in types)),
        ("duplicate context", _duplicates(c.name for c in cb.contexts)),
        ("event type with an unknown quad class", [t.name for t in types if t.quad_class not in quads]),
        ("duplicate mode within an event type", [t.name for t in types if _duplicates(m.name for m in t.modes)]),
        ("duplicate field", _duplicates(f.name for f in cb.fields)),
        ("duplicate CAMEO code in the table", _duplicates(m.cameo for m in [*cb.roots, *cb.cameo_to_plover])),
    ]
    cameo = cameo_file()
    editions = [cameo_codebook(e.name).event_codes for e in cameo.editions]
    checks.append(("table row for a CAMEO code in no edition",
                   [m.cameo for m in [*cb.roots, *cb.cameo_to_plover] if not any(m.cameo in e for e in editions)]))
    checks.append(("unmatched row whose CAMEO code exists after all",
                   [m.cameo for m in cb.unmatched if any(m.cameo in e for e in editions)]))
    checks.append(("root heading without a note on why it has no type",
                   [m.cameo for m in cb.roots if m.event is None and not m.note]))
    for rule, bad in checks:
        if bad:
            raise ValueError(f"{rule}: {', '.join(map(repr, bad))}")
    for row in [*cb.roots, *cb.cameo_to_plover, *cb.unmatched]:
        if row.event is None:
            continue
        wrong = check_coding(cb, row.event, row.mode, row.context)
        if wrong:
            raise ValueError(f"CAMEO {row.cameo}: {'; '.join(wrong)}")


def load_plover_codebook(path: str | Path | None = None) -> PloverCodebook:
    """Load and check a PLOVER codebook file (the bundled one when ``path`` is None)."""
    return load_model(Path(path) if path else data_file("codebooks", "plover.yaml"), PloverCodebook)


@functools.lru_cache(maxsize=1)
def plover_codebook() -> PloverCodebook:
    """The bundled PLOVER codebook, loaded once."""
    return load_plover_codebook()


def codebook_markdown() -> str:
    """The PLOVER codebook reference page (``docs/plover.md``)."""
    cb = plover_codebook()
    quads = {q.code: q.name for q in cb.quad_classes}
    yes = {True: "yes", False: "no"}

    def modes(t: EventType) -> str:
        return ", ".join(f"`{m.name}`" + ("*" if m.table_only else "") for m in t.modes)

    parts = [
        "<!-- Generated by `python -m eventcode.docs` from codebooks/plover.yaml. Do not edit by hand. -->\n\n",
        f"# PLOVER codebook reference\n\nVersion: {cb.version}. Sources:\n\n",
        "".join(f"- {source}\n" for source in cb.sources),
        "\nNotes:\n\n",
        "".join(f"- {note}\n" for note in cb.notes),
        "\n## Event types\n\nScore: the manual's PLOVER conflict-cooperation score. Modes marked * appear only in "
        "the 2021 CAMEO -> PLOVER table.\n\n",
        markdown_table(["event", "quad class", "score", "requires recipient", "modes", "definition"],
                       [[t.name + (f" (formerly {', '.join(t.former_names)})" if t.former_names else ""),
                         f"{t.quad_class} {quads[t.quad_class]}", f"{t.score:+.1f}", yes[t.requires_recipient],
                         modes(t), t.definition] for t in cb.event_types]),
        "\n\n## Modes\n\n",
        markdown_table(["event", "mode", "meaning"],
                       [[t.name, f"`{m.name}`" + ("*" if m.table_only else ""), m.meaning]
                        for t in cb.event_types for m in t.modes]),
        "\n\n## Contexts\n\n",
        markdown_table(["context", "kind", "meaning"],
                       [[f"`{c.name}`", "special" if c.special else ("2021 table only" if c.table_only else "general"),
                         c.meaning] for c in cb.contexts]),
        "\n\n## JSON record fields\n\nPLOVER JSON Lines: one record per line. Schema: "
        "`schemas/plover-event.schema.json`.\n\n",
        markdown_table(["field", "required", "content"], [[f"`{f.name}`", yes[f.required], f.content]
                                                          for f in cb.fields]),
        f"\n\nActor object: {', '.join(f'`{n}`' for n in cb.actor_fields)}. "
        f"Size object: {', '.join(f'`{n}`' for n in cb.size_fields)}.\n",
        "\n## CAMEO -> PLOVER\n\nRoots (a code not in the table takes its root's type):\n\n",
        markdown_table(["CAMEO root", "PLOVER event", "note"],
                       [[f"`{m.cameo}`", m.event or "(none)", m.note] for m in cb.roots]),
        "\n\n",
        markdown_table(["CAMEO", "CAMEO text", "event", "mode", "context", "note"],
                       [[f"`{m.cameo}`", m.text, m.event or "", ", ".join(m.mode), ", ".join(m.context), m.note]
                        for m in cb.cameo_to_plover]),
        "\n\nRows of the table for codes in no CAMEO edition here (not used): "
        + ", ".join(f"`{m.cameo}` {m.text}" for m in cb.unmatched) + ".\n",
    ]
    return "".join(parts)


def plover_event_schema() -> dict[str, Any]:
    """A JSON Schema (Draft 2020-12) of one PLOVER record, written from the manual's Data Fields chapter.

    PLOVER publishes none. Beside the types of the manual's fields it states: the event types, modes (those of
    the record's type when it has one type) and contexts of the codebook; the quad code of a single type;
    ``event`` required unless ``has_event`` is false; ``recipient`` required for types that require one. Extra
    fields are allowed, as the manual invites providers to add their own.
    """
    cb = plover_codebook()
    text: dict[str, Any] = {"type": "string"}
    date: dict[str, Any] = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    count: dict[str, Any] = {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "minLength": 1}],
                             "description": "A number, or a code for a range (the manual: 'number or code')."}
    numeric = {"geonameid", "population", "elevation", "dem"}
    location: dict[str, Any] = {
        "type": "object",
        "description": "A location, with GeoNames' field names (the manual's location object).",
        "properties": {
            **{name: ({"type": "integer"} if name in numeric else text) for name in cb.location_fields},
            "latitude": {"type": "number", "minimum": -90, "maximum": 90},
            "longitude": {"type": "number", "minimum": -180, "maximum": 180},
            "country code": {"type": "string", "pattern": "^[A-Z]{2}$"},
            "cc3": {"type": "string", "pattern": "^[A-Z]{3}$"},
        },
    }
    actor: dict[str, Any] = {
        "type": "object",
        "properties": {
            **dict.fromkeys(cb.actor_fields, text),
            "code": {"type": "string", "pattern": "^[A-Z]{3}$",
                     "description": "ISO 3166-1 alpha-3 country code or a non-state code (IGO, NGO, ISM, IMG, MNC)."},
            "sector": {"type": "string", "pattern": "^[A-Z]{3}(?:[A-Z]{3})?$",
                       "description": "A 3-character primary sector code with one optional secondary code."},
            "actor_loc": location,
            "age": {"type": "integer", "minimum": 0},
        },
    }
    names = [t.name for t in cb.event_types] + [n for t in cb.event_types for n in t.former_names]
    all_modes = sorted({m.name for t in cb.event_types for m in t.modes})
    properties: dict[str, Any] = {
        "id": {"type": "string", "minLength": 1, "description": "Unique within the data set."},
        "has_event": {"type": "boolean"},
        "date": date, "time": text, "enddate": date, "endtime": text,
        "actor": {"type": "array", "minItems": 1, "items": actor},
        "recipient": {"type": "array", "items": actor},
        "event": {"type": "array", "minItems": 1, "items": {"enum": names}},
        "event_loc": location,
        "event_text": {"type": "array", "items": text},
        "quad_code": {"enum": [q.code for q in cb.quad_classes]},
        "event_scale": {"type": "number"},
        "mode": {"type": "array", "items": {"enum": all_modes}},
        "context": {"type": "array", "items": {"enum": [c.name for c in cb.contexts]}},
        "link": text, "text": text,
        "text_info": {"type": "object", "properties": {
            "sequence": {"type": "integer", "minimum": 0}, "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0}, "text_story": {"type": "array", "items": text}}},
        "cite_info": {"type": "object", "properties": dict.fromkeys(cb.cite_info_fields, text)},
        "size": {"type": "object", "properties": dict.fromkeys(cb.size_fields, count)},
        "coder": text, "coded_date": date, "coded_time": text, "comment": text,
    }
    unknown = set(properties) ^ {f.name for f in cb.fields}
    if unknown:
        raise ValueError(f"schema and codebook disagree on the record's fields: {sorted(unknown)}")
    rules: list[dict[str, Any]] = [{
        "if": {"properties": {"has_event": {"const": False}}, "required": ["has_event"]},
        "then": {"not": {"required": ["event"]}},
        "else": {"required": ["event"]},
    }]
    for event_type in cb.event_types:
        single = {"properties": {"event": {"minItems": 1, "maxItems": 1,
                                           "items": {"enum": [event_type.name, *event_type.former_names]}}},
                  "required": ["event"]}
        then: dict[str, Any] = {"properties": {
            "quad_code": {"const": event_type.quad_class},
            "mode": {"items": {"enum": sorted(event_type.mode_names)}}}}
        if event_type.requires_recipient:
            then["required"] = ["recipient"]
            then["properties"]["recipient"] = {"minItems": 1}
        rules.append({"if": single, "then": then})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/eventcode/eventcode/schemas/plover-event.schema.json",
        "title": "PLOVER event record",
        "description": f"One PLOVER event record ({cb.version}), generated by eventcode from codebooks/plover.yaml "
                       "after the manual's Data Fields chapter; PLOVER's `source` is named `actor`. Do not edit: "
                       "run `python -m eventcode.schema`.",
        "type": "object",
        "properties": properties,
        "required": [f.name for f in cb.fields if f.required and f.name != "event"],
        "allOf": rules,
    }


def _type_json(t: EventType) -> dict[str, Any]:
    return {"name": t.name, "quad_class": t.quad_class, "score": t.score, "requires_recipient": t.requires_recipient,
            "former_names": list(t.former_names), "definition": t.definition,
            "modes": [m.model_dump() for m in t.modes]}


def codebook_json(cb: PloverCodebook) -> dict[str, Any]:
    """Types, contexts, fields and the CAMEO -> PLOVER table as plain data."""
    return {
        "name": cb.name,
        "version": cb.version,
        "sources": list(cb.sources),
        "event_types": [_type_json(t) for t in cb.event_types],
        "contexts": [c.model_dump() for c in cb.contexts],
        "fields": [f.model_dump() for f in cb.fields],
        "cameo_to_plover": [m.model_dump(mode="json") for m in [*cb.roots, *cb.cameo_to_plover]],
    }


def codebook_table(cb: PloverCodebook) -> str:
    """Types with their modes, and the contexts, as readable text tables."""
    types = render_table(["event", "quad", "score", "modes"],
                         [[t.name, str(t.quad_class), f"{t.score:+.1f}", ", ".join(m.name for m in t.modes)]
                          for t in cb.event_types])
    contexts = render_table(["context", "meaning"], [[c.name, c.meaning] for c in cb.contexts])
    return f"PLOVER {cb.version}\n\n{types}\n\n{contexts}"


def entry(cb: PloverCodebook, key: str) -> tuple[dict[str, Any], str]:
    """One event type (by name or former name) as data and as text; raises UnknownValueError with the nearest."""
    t = cb.event_type(key.upper())
    lines = [f"{t.name}  quad class {t.quad_class}, score {t.score:+.1f}, recipient "
             f"{'required' if t.requires_recipient else 'optional'}", t.definition, "Modes:"]
    lines += [f"  {m.name}: {m.meaning}" for m in t.modes] or ["  (none)"]
    return _type_json(t), "\n".join(lines)
