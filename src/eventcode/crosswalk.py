"""ACLED -> CAMEO and PLOVER (``codebooks/crosswalk.yaml``): the crosswalk as data, and the projection of an
:class:`~eventcode.events.Event` to CAMEO (actor codes, event code, Goldstein, quad class) and to a PLOVER record.

What the crosswalk cannot decide (a sub-event type without equivalent, a foreign actor's state) is never
guessed: the projection carries it in ``review``.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from eventcode._resources import data_file
from eventcode.cameo import EventCode, cameo_codebook
from eventcode.codebook import acled_codebook, load_model
from eventcode.events import Event
from eventcode.formats.acled_csv import format_number
from eventcode.plover import check_coding, plover_codebook
from eventcode.registry import Registry
from eventcode.tables import markdown_table

#: The CAMEO code for a state actor whose state is not known (CAMEO 1.1b3, international codes).
UNKNOWN_STATE = "UIS"


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PloverCoding(_Entry):
    event: str
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()


class SubEventMapping(_Entry):
    """One ACLED sub-event type's CAMEO codes (the first is the projection's) and PLOVER coding."""

    acled: str
    cameo: tuple[str, ...]
    plover: PloverCoding | None
    rationale: str
    review: str = ""
    table_deviation: str = ""


class ActorDefault(_Entry):
    inter: int
    role: str
    scope: Literal["domestic", "foreign"]
    rationale: str


class NameRule(_Entry):
    """An ACLED actor name starting with ``prefix`` has ``role``; the words after it may name the actor's state."""

    prefix: str
    role: str


class Crosswalk(_Entry):
    name: str
    version: str
    sources: tuple[str, ...]
    sub_event_types: tuple[SubEventMapping, ...]
    actor_categories: tuple[ActorDefault, ...]
    name_rules: tuple[NameRule, ...]

    @functools.cached_property
    def sub_event_registry(self) -> Registry[SubEventMapping]:
        return Registry("ACLED sub-event type", self.sub_event_types, lambda m: m.acled)

    @functools.cached_property
    def actor_registry(self) -> Registry[ActorDefault]:
        return Registry("ACLED actor category", self.actor_categories, lambda a: a.inter)

    @model_validator(mode="after")
    def _check(self) -> Crosswalk:
        _check_crosswalk(self)
        return self


def _check_crosswalk(cw: Crosswalk) -> None:
    acled, cameo, plover = acled_codebook(), cameo_codebook(), plover_codebook()
    names = [m.acled for m in cw.sub_event_types]
    inters = [a.inter for a in cw.actor_categories]
    roles = [a.role for a in cw.actor_categories] + [r.role for r in cw.name_rules]
    checks: list[tuple[str, list[object]]] = [
        ("duplicate sub-event type", [n for n, count in Counter(names).items() if count > 1]),
        ("unknown ACLED sub-event type", [n for n in names if n not in acled.sub_event_types]),
        ("ACLED sub-event type without a mapping", [s.name for s in acled.sub_event_types if s.name not in names]),
        ("unknown CAMEO event code", [f"{m.acled}: {c}" for m in cw.sub_event_types for c in m.cameo
                                      if c not in cameo.event_codes]),
        ("no CAMEO code or PLOVER type without a review note",
         [m.acled for m in cw.sub_event_types if (not m.cameo or m.plover is None) and not m.review]),
        ("ACLED actor category without a default", [c.code for c in acled.actor_categories if c.code not in inters]),
        ("unknown ACLED actor category", [i for i in inters if i not in acled.actor_category_registry]),
        ("unknown CAMEO role", [r for r in roles if r not in cameo.actors.role_registry]),
    ]
    for mapping in cw.sub_event_types:
        if mapping.plover is None:
            continue
        coding = mapping.plover
        checks.append((f"{mapping.acled}: PLOVER coding", list(check_coding(plover, coding.event, coding.mode,
                                                                             coding.context))))
        table = plover.for_cameo(mapping.cameo[0]) if mapping.cameo else None
        if table is not None and table.event != coding.event and not mapping.table_deviation:
            checks.append((f"{mapping.acled}: PLOVER type differs from the 2021 table's "
                           f"{table.event} for {mapping.cameo[0]} without a table_deviation", [coding.event]))
    for rule, bad in checks:
        if bad:
            raise ValueError(f"{rule}: {', '.join(map(repr, bad))}")


def load_crosswalk(path: str | Path | None = None) -> Crosswalk:
    """Load and check a crosswalk file (the bundled one when ``path`` is None): every code it names must exist."""
    return load_model(Path(path) if path else data_file("codebooks", "crosswalk.yaml"), Crosswalk)


@functools.lru_cache(maxsize=1)
def crosswalk() -> Crosswalk:
    """The bundled crosswalk, loaded once."""
    return load_crosswalk()


# --- Projection ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CameoActor:
    """An ACLED actor as CAMEO codes: ``code`` is country (or UIS) + role, e.g. ``MMRMIL``."""

    name: str
    country: str
    role: str

    @property
    def code(self) -> str:
        return self.country + self.role


@dataclass(frozen=True)
class CameoProjection:
    """An ACLED event in CAMEO terms; ``event_code`` is None when the crosswalk has no equivalent."""

    event: Event
    actor1: CameoActor
    actor2: CameoActor | None
    event_code: EventCode | None
    review: tuple[str, ...]


def _state_code(name: str) -> str | None:
    """The CAMEO country code of an ACLED country name, or None."""
    country = acled_codebook().country_registry.get(name.strip())
    if country is None:
        return None
    match = cameo_codebook().actors.country_by_numeric.get(country.iso)
    return None if match is None else match.code


def cameo_actor(name: str, inter: int, event: Event) -> tuple[CameoActor, list[str]]:
    """An ACLED actor's CAMEO country and role: by name rule first, else its category's default."""
    cw = crosswalk()
    default = cw.actor_registry.lookup(inter)
    role, named_state = default.role, None
    for rule in cw.name_rules:
        if name.startswith(rule.prefix):
            role = rule.role
            named_state = _state_code(name[len(rule.prefix):].split(" (")[0].rstrip(")"))
            break
    review = []
    if named_state:
        country = named_state
    elif default.scope == "domestic":
        country = _state_code(event.country) or UNKNOWN_STATE
    else:
        country = UNKNOWN_STATE
    if country == UNKNOWN_STATE:
        review.append(f"the state of {name!r} is not known from the ACLED record: coded {UNKNOWN_STATE}")
    return CameoActor(name, country, role), review


def to_cameo(event: Event) -> CameoProjection:
    """Project an ACLED event to CAMEO: actor codes, event code (with Goldstein and quad class), review notes."""
    mapping = crosswalk().sub_event_registry.lookup(event.sub_event_type)
    actor1, review = cameo_actor(event.actor1, event.inter1, event)
    actor2 = None
    if event.actor2 and event.inter2:
        actor2, more = cameo_actor(event.actor2, event.inter2, event)
        review += more
    code = cameo_codebook().event_codes.lookup(mapping.cameo[0]) if mapping.cameo else None
    if mapping.review:
        review.append(mapping.review)
    return CameoProjection(event, actor1, actor2, code, tuple(review))


def _plover_actor(actor: CameoActor) -> dict[str, Any]:
    record: dict[str, Any] = {"actor_text": actor.name, "sector": actor.role}
    if actor.country != UNKNOWN_STATE:
        record = {"code": actor.country, **record}
    return record


def to_plover(event: Event) -> dict[str, Any]:
    """Project an ACLED event to a PLOVER JSON record (the manual's Data Fields; ``actor`` for its ``source``).

    A sub-event type without PLOVER equivalent gives a record with ``has_event`` false and no ``event``; what a
    human must check, and ACLED's time and geo precision when not exact, are in ``comment``.
    """
    mapping = crosswalk().sub_event_registry.lookup(event.sub_event_type)
    cameo = to_cameo(event)
    countries = cameo_codebook().actors.country_by_numeric
    record: dict[str, Any] = {"id": event.event_id_cnty, "date": event.event_date.isoformat(),
                              "actor": [_plover_actor(cameo.actor1)]}
    if cameo.actor2 is not None:
        record["recipient"] = [_plover_actor(cameo.actor2)]
    if mapping.plover is None:
        record["has_event"] = False
    else:
        event_type = plover_codebook().event_type(mapping.plover.event)
        record.update({"event": [event_type.name], "mode": list(mapping.plover.mode),
                       "context": list(mapping.plover.context), "quad_code": event_type.quad_class,
                       "event_scale": event_type.score})
    location: dict[str, Any] = {"name": event.location, "latitude": event.latitude, "longitude": event.longitude}
    country = countries.get(event.iso)
    if country is not None:
        location.update({"country code": country.alpha2, "cc3": country.code})
    record["event_loc"] = location
    if event.notes:
        record["event_text"] = [event.notes]
    record["size"] = {"dead": event.fatalities}
    cite: dict[str, Any] = {"corpus": "ACLED", "codebook": crosswalk().version}
    if event.source:
        cite["citation"] = event.source
    record["cite_info"] = cite
    record["coder"] = "eventcode"
    notes = [f"Review: {'; '.join(cameo.review)}."] if cameo.review else []
    notes += _precision_notes(event)
    if notes:
        record["comment"] = " ".join(notes)
    return record


def _precision_notes(event: Event) -> list[str]:
    """ACLED's time and geo precision, which PLOVER has no field for, stated when not exact (precision above 1)."""
    cb = acled_codebook()
    notes = []
    if event.time_precision > 1:
        meaning = Registry("time precision", cb.time_precision, lambda p: p.code).lookup(event.time_precision).meaning
        notes.append(f"ACLED time_precision {event.time_precision}: {meaning}")
    if event.geo_precision > 1:
        meaning = Registry("geo precision", cb.geo_precision, lambda p: p.code).lookup(event.geo_precision).meaning
        notes.append(f"ACLED geo_precision {event.geo_precision}: {meaning}")
    return notes


# --- Reference page ------------------------------------------------------------------------------------------


def crosswalk_markdown() -> str:
    """The crosswalk reference page (``docs/crosswalk.md``)."""
    cw = crosswalk()
    cameo = cameo_codebook()
    acled = acled_codebook()

    def codes(mapping: SubEventMapping) -> str:
        return "; ".join(f"`{c}` {cameo.event_codes.lookup(c).name}" for c in mapping.cameo) or "(none)"

    def plover(mapping: SubEventMapping) -> str:
        if mapping.plover is None:
            return "(none)"
        p = mapping.plover
        return " ".join([p.event, *(f"mode {m}" for m in p.mode), *(f"context {c}" for c in p.context)])

    rows = []
    for mapping in cw.sub_event_types:
        first = cameo.event_codes.get(mapping.cameo[0]) if mapping.cameo else None
        goldstein = "" if first is None or first.goldstein is None else format_number(first.goldstein)
        notes = " ".join(filter(None, [mapping.rationale, mapping.table_deviation and f"Table: "
                                       f"{mapping.table_deviation}", mapping.review and f"Review: {mapping.review}"]))
        rows.append([acled.sub_event_types.lookup(mapping.acled).event_type, mapping.acled, codes(mapping),
                     goldstein, str(first.quad_class) if first else "", plover(mapping), notes])
    parts = [
        "<!-- Generated by `python -m eventcode.docs` from codebooks/crosswalk.yaml. Do not edit by hand. -->\n\n",
        f"# ACLED -> CAMEO and PLOVER crosswalk\n\nVersion: {cw.version}. Sources:\n\n",
        "".join(f"- {source}\n" for source in cw.sources),
        "\nAn event projects to the first CAMEO code listed (its Goldstein value and quad class shown); the others "
        "are finer choices a coder may make. Sub-event types without an equivalent are projected without an event "
        "code and marked for review.\n\n## Sub-event types\n\n",
        markdown_table(["event type", "sub-event type", "CAMEO", "Goldstein", "quad class", "PLOVER",
                        "rationale"], rows),
        "\n\n## Actor categories\n\nThe actor's CAMEO code is its state (the event's country for domestic "
        f"categories, `{UNKNOWN_STATE}` when unknown) followed by its role.\n\n",
        markdown_table(["inter", "category", "CAMEO role", "scope", "rationale"],
                       [[str(a.inter), acled.actor_category_registry.lookup(a.inter).label,
                         f"{a.role} ({cameo.actors.role_registry.lookup(a.role).label})", a.scope, a.rationale]
                        for a in cw.actor_categories]),
        "\n\n## Name rules\n\nChecked before the category default; the words after the prefix, when an ACLED "
        "country, give the state.\n\n",
        markdown_table(["actor name starts with", "CAMEO role"], [[f"`{r.prefix}`", r.role] for r in cw.name_rules]),
        "\n",
    ]
    return "".join(parts)
