"""ACLED's codebook (``codebooks/acled.yaml``) loaded into frozen, typed models.

>>> cb = acled_codebook()
>>> cb.sub_event_types.lookup("Air/drone strike").event_type
'Explosions/Remote violence'
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from eventcode._cache import cached_codebook
from eventcode._resources import data_file
from eventcode.errors import CodebookError
from eventcode.registry import Registry

M = TypeVar("M", bound=BaseModel)


class _Entry(BaseModel):
    # defer_build: a codebook read back from the cache folder (eventcode._cache) is never validated, so a model's
    # validator is built only when a codebook is read from its YAML
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class DisorderType(_Entry):
    name: str
    definition: str


class SubEventType(_Entry):
    """A sub-event type with the rules that go with it; ``event_type`` is filled in from its parent."""

    name: str
    disorder_type: str
    civilian_targeting_allowed: bool
    definition: str
    event_type: str = ""
    one_sided_allowed: bool = False
    actor2_category: int | None = None


#: What a sub-event type takes from the event type it is listed under (never stated on the sub-event type).
_INHERITED = frozenset({"event_type", "one_sided_allowed", "actor2_category"})


class EventType(_Entry):
    name: str
    definition: str
    one_sided_allowed: bool
    sub_event_types: tuple[SubEventType, ...]
    actor2_category: int | None = None

    @model_validator(mode="after")
    def _adopt_children(self) -> EventType:
        for sub in self.sub_event_types:
            if stated := sorted(sub.model_fields_set & _INHERITED):
                raise ValueError(f"sub-event type {sub.name!r} sets {', '.join(stated)}, which it takes from its "
                                 f"event type {self.name!r}")
        children = tuple(
            sub.model_copy(update={"event_type": self.name, "one_sided_allowed": self.one_sided_allowed,
                                   "actor2_category": self.actor2_category})
            for sub in self.sub_event_types
        )
        object.__setattr__(self, "sub_event_types", children)
        return self


class ActorCategory(_Entry):
    """An inter code: 1 State forces ... 8 External/Other forces."""

    code: int
    label: str
    older_labels: tuple[str, ...] = ()
    naming: str = ""


class InteractionRules(_Entry):
    one_sided_factor: int
    separator: str
    one_sided_suffix: str


class Precision(_Entry):
    code: int
    meaning: str


class VagueQuantity(_Entry):
    words: tuple[str, ...]
    value: int
    note: str


class FatalityConventions(_Entry):
    no_information: int
    rules: tuple[str, ...]
    vague_quantities: tuple[VagueQuantity, ...]


class SourceScale(_Entry):
    separator: str
    levels: tuple[str, ...]


class TagRules(_Entry):
    separator: str


class Region(_Entry):
    code: int
    name: str


class Country(_Entry):
    name: str
    iso: int
    region: str
    start_year: int


class AcledCodebook(_Entry):
    """The whole ACLED codebook. Registries (``sub_event_types``, ``countries``, ...) give lookups by name."""

    name: str
    version: str
    sources: tuple[str, ...]
    columns: tuple[str, ...]
    legacy_columns: tuple[str, ...]
    disorder_types: tuple[DisorderType, ...]
    disorder_type_separator: str
    event_types: tuple[EventType, ...]
    civilian_targeting_value: str
    actor_categories: tuple[ActorCategory, ...]
    interaction: InteractionRules
    earliest_event_date: date
    time_precision: tuple[Precision, ...]
    geo_precision: tuple[Precision, ...]
    fatalities: FatalityConventions
    source_scale: SourceScale
    tags: TagRules
    regions: tuple[Region, ...]
    countries: tuple[Country, ...]

    @functools.cached_property
    def column_set(self) -> frozenset[str]:
        return frozenset(self.columns)

    @functools.cached_property
    def event_type_registry(self) -> Registry[EventType]:
        return Registry("event type", self.event_types, lambda e: e.name)

    @functools.cached_property
    def sub_event_types(self) -> Registry[SubEventType]:
        """Every sub-event type in hierarchy order, keyed by name."""
        subs = (sub for event_type in self.event_types for sub in event_type.sub_event_types)
        return Registry("sub-event type", subs, lambda s: s.name)

    @functools.cached_property
    def actor_category_registry(self) -> Registry[ActorCategory]:
        return Registry("actor category", self.actor_categories, lambda c: c.code)

    @functools.cached_property
    def region_registry(self) -> Registry[Region]:
        return Registry("region", self.regions, lambda r: r.name)

    @functools.cached_property
    def country_registry(self) -> Registry[Country]:
        return Registry("country", self.countries, lambda c: c.name)

    @functools.cached_property
    def disorder_type_values(self) -> frozenset[str]:
        """The disorder_type values sub-event types use (single or combined)."""
        return frozenset(sub.disorder_type for sub in self.sub_event_types)

    @functools.cached_property
    def category_by_label(self) -> dict[str, int]:
        """Every label, current or older, case-folded, to its inter code."""
        table = {}
        for category in self.actor_categories:
            for label in (category.label, *category.older_labels):
                table[label.casefold()] = category.code
        return table

    def interaction_code(self, inter1: int, inter2: int | None) -> int:
        """ACLED's interaction code: the two inter codes, smaller first; inter1 * 10 without actor2."""
        if not inter2:
            return inter1 * self.interaction.one_sided_factor
        low, high = sorted((inter1, inter2))
        return low * 10 + high

    def interaction_text(self, code: int) -> str:
        """The text form of an interaction code: 'State forces-Rebel group', 'Protesters only'."""
        first, second = divmod(code, 10)
        label = self.actor_category_registry.lookup(first).label
        if second == 0:
            return label + self.interaction.one_sided_suffix
        return label + self.interaction.separator + self.actor_category_registry.lookup(second).label

    @functools.cached_property
    def interaction_codes(self) -> tuple[int, ...]:
        """Every valid interaction code, ascending (10-18, 20, 22-28, ..., 80, 88)."""
        codes = [c.code for c in self.actor_categories]
        pairs = {self.interaction_code(a, b) for a in codes for b in [None, *codes]}
        return tuple(sorted(pairs))

    @functools.cached_property
    def interaction_by_text(self) -> dict[str, int]:
        """Every interaction text form, case-folded, to its code."""
        return {self.interaction_text(code).casefold(): code for code in self.interaction_codes}

    @model_validator(mode="after")
    def _check(self) -> AcledCodebook:
        _check_acled(self)
        return self


def _duplicates(values: Iterable[object]) -> list[object]:
    return [value for value, count in Counter(values).items() if count > 1]


def _check_acled(cb: AcledCodebook) -> None:
    """The codebook's own rules; a break raises ValueError naming the entry (wrapped by the loader)."""
    subs = [sub for event_type in cb.event_types for sub in event_type.sub_event_types]
    checks: list[tuple[str, list[object]]] = [
        ("duplicate event type", _duplicates(e.name for e in cb.event_types)),
        ("duplicate sub-event type", _duplicates(s.name for s in subs)),
        ("duplicate actor category code", _duplicates(c.code for c in cb.actor_categories)),
        ("duplicate actor category label", _duplicates(
            label.casefold() for c in cb.actor_categories for label in (c.label, *c.older_labels))),
        ("duplicate region", _duplicates(r.name for r in cb.regions)),
        ("duplicate region code", _duplicates(r.code for r in cb.regions)),
        ("duplicate country", _duplicates(c.name for c in cb.countries)),
        ("duplicate country iso code", _duplicates(c.iso for c in cb.countries)),
        ("event type without sub-event types", [e.name for e in cb.event_types if not e.sub_event_types]),
    ]
    known_disorder = {d.name for d in cb.disorder_types}
    checks.append(("sub-event type with an unknown disorder type", [
        s.name for s in subs if not set(s.disorder_type.split(cb.disorder_type_separator)) <= known_disorder]))
    regions = {r.name for r in cb.regions}
    checks.append(("country with an unknown region", [c.name for c in cb.countries if c.region not in regions]))
    checks.append(("actor category code outside 1-9", [c.code for c in cb.actor_categories if not 0 < c.code < 10]))
    codes = {c.code for c in cb.actor_categories}
    checks.append(("event type with an unknown actor2_category", [
        e.name for e in cb.event_types if e.actor2_category is not None and e.actor2_category not in codes]))
    for rule, bad in checks:
        if bad:
            raise ValueError(f"{rule}: {', '.join(map(repr, bad))}")


#: libyaml's safe loader where PyYAML has it (ten times faster: the coder's codebooks load at every start-up).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_model(path: Path, model: type[M], raw: Any = None) -> M:
    """Read a YAML codebook file into ``model``; any problem is a :class:`CodebookError` naming file and entry."""
    if raw is None:
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise CodebookError(str(path), "file", f"cannot read: {exc}") from None
    if not isinstance(raw, Mapping):
        raise CodebookError(str(path), "file", "the top level must be a mapping")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        entry = _entry_name(raw, first["loc"])
        raise CodebookError(str(path), entry, first["msg"].removeprefix("Value error, ")) from None


def load_bundled(path: Path, model: type[M]) -> M:
    """:func:`load_model` for a codebook shipped with eventcode, kept once read in the cache folder (see
    :mod:`eventcode._cache`)."""
    return cached_codebook(path, model, lambda: load_model(path, model))


def _entry_name(raw: Any, loc: tuple[int | str, ...]) -> str:
    """A readable path to a codebook entry: ``event_types[1] 'Protests'.sub_event_types[0] 'Peaceful protest'``."""
    parts, node = [], raw
    for step in loc:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            parts.append(f".{step}")
            break
        if isinstance(step, int):
            name = node.get("name") if isinstance(node, Mapping) else None
            parts.append(f"[{step}]" + (f" {name!r}" if name else ""))
        else:
            parts.append(f".{step}")
    return "".join(parts).lstrip(".") or "top level"


def load_acled_codebook(path: str | Path | None = None) -> AcledCodebook:
    """Load an ACLED codebook file (the bundled one when ``path`` is None) and check it."""
    return load_model(Path(path) if path else data_file("codebooks", "acled.yaml"), AcledCodebook)


@functools.lru_cache(maxsize=1)
def acled_codebook() -> AcledCodebook:
    """The bundled ACLED codebook, loaded once."""
    return load_bundled(data_file("codebooks", "acled.yaml"), AcledCodebook)
