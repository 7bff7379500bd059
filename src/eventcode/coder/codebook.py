"""The incident coder's codebooks (``codebooks/coder/``) loaded into frozen, checked models.

Every vocabulary the coder uses lives there: the trigger lexicon, actor dictionaries, number and date words, and
one gazetteer per country. Loading checks each file: an unknown sub-event type, cue, country or place, or a
pattern that is not a valid regular expression, is a :class:`~eventcode.errors.CodebookError` naming the entry.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eventcode._resources import data_dir
from eventcode.codebook import acled_codebook, load_bundled, load_model


class _Entry(BaseModel):
    # defer_build: built only when a codebook is read from its YAML, not from the cache folder (eventcode._cache)
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


def _check_patterns(where: str, patterns: tuple[str, ...]) -> None:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{where}: {pattern!r} is not a valid regular expression ({exc})") from None


def _check_country(where: str, country: str) -> None:
    if country and country not in acled_codebook().country_registry:
        raise ValueError(f"{where}: {country!r} is not an ACLED country")


class SubEventLexicon(_Entry):
    triggers: tuple[str, ...]
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    excludes_unless: dict[str, tuple[str, ...]] = {}  # a cue group -> the cue groups that let the type stand
    min_armed: int = 0
    armed_are_state: bool = False
    state_implied_by: str = ""  # a cue group of what only state forces do: present, it counts as one named
    mutual: tuple[str, ...] = ()
    mutual_unless_civilians: tuple[str, ...] = ()
    mutual_excludes: tuple[str, ...] = ()


class Refinement(_Entry):
    sub_event_type: str
    when: Literal["any", "armed_target", "civilian_target", "state_agent", "non_state_agent", "crowd_party",
                  "civilian_agent", "civilian_party", "crowd_agent", "unnamed_agent", "nobody", "unlisted_sides"]
    to: str
    cue: str | tuple[str, ...] = ""  # the rule applies only when this cue group (all these) is present
    trigger: str = ""  # the rule applies only when the deciding trigger is matched whole by this pattern
    absent: str = ""  # the rule applies only when this cue group is not present


class Lexicon(_Entry):
    """Triggers per sub-event type, the cues they need, blockers, aggregate-claim cues and note labels."""

    version: str
    sources: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()
    blocker_window: int
    blockers: dict[str, tuple[str, ...]]
    clause_breaks: tuple[str, ...]
    clause_breaks_kept: dict[str, tuple[str, ...]] = {}
    blocker_ends: dict[str, tuple[str, ...]] = {}
    told_before: tuple[str, ...] = ()
    topic_free: tuple[str, ...] = ()
    aggregate: tuple[str, ...]
    statements: tuple[str, ...] = ()
    source_cues: tuple[str, ...] = ()
    witness_cues: tuple[str, ...] = ()
    reason_cues: tuple[str, ...] = ()
    communal_fight: tuple[str, ...] = ()
    nearby: tuple[str, ...] = ()
    cross_border: tuple[str, ...] = ()
    place_before: tuple[str, ...] = ()
    place_after: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    quotes: dict[str, str] = {}
    labels: dict[str, str]
    cues: dict[str, tuple[str, ...]]
    sub_event_types: dict[str, SubEventLexicon]
    actor_roles: dict[str, Literal["two_armed", "protest", "riot", "remote", "victim_civilians", "free"]]
    one_sided: tuple[str, ...] = ()
    no_fatalities: tuple[str, ...] = ()
    default_actor1: dict[str, str] = {}
    default_actor2: dict[str, str] = {}
    label_actor1: dict[str, str] = {}
    label_sole_actor: tuple[str, ...] = ()
    counter_protest: str = ""
    unnamed_sides: str = ""
    report_wide_cues: tuple[str, ...] = ()
    ruled_out_fallbacks: tuple[str, ...] = ()
    told_with_violence: tuple[str, ...] = ()
    told_as_one: tuple[tuple[str, ...], ...] = ()
    victim_cues: dict[str, tuple[str, ...]] = {}
    victim_needs: dict[str, str] = {}
    default_actor2_needs: dict[str, tuple[str, ...]] = {}
    gang_victim: str = ""
    riot_crowd_roles: tuple[str, ...] = ()
    unnamed_doers: str = ""
    civilian_doers: str = ""
    forces_after_the_fact: tuple[str, ...] = ()
    unnamed_attacker_of_forces: tuple[str, ...] = ()
    civilians_targeted_unhurt: tuple[str, ...] = ()
    named_civilians_are_actor2: tuple[str, ...] = ()
    armed_actor2: tuple[str, ...] = ()
    armed_sides: tuple[str, ...] = ()
    crowd_targets_are_civilians: tuple[str, ...] = ()
    forces_intervene: dict[str, str] = {}
    front_opponent: tuple[str, ...] = ()
    joined_by: tuple[str, ...] = ("and", "with")
    opening_phrases: tuple[str, ...] = ()
    hurt_after: tuple[str, ...] = ()
    instrument_after: tuple[str, ...] = ()
    label_one_actor: tuple[str, ...] = ()

    refinements: tuple[Refinement, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Lexicon:
        known = acled_codebook().sub_event_types
        for event_type in acled_codebook().event_types:
            if event_type.name not in self.actor_roles:
                raise ValueError(f"actor_roles: no policy for {event_type.name!r}")
        if self.counter_protest and self.counter_protest not in self.cues:
            raise ValueError(f"counter_protest: unknown cue group {self.counter_protest!r}")
        if self.unnamed_sides and self.unnamed_sides not in self.cues:
            raise ValueError(f"unnamed_sides: unknown cue group {self.unnamed_sides!r}")
        for cue in self.report_wide_cues:
            if cue not in self.cues:
                raise ValueError(f"report_wide_cues: unknown cue group {cue!r}")
        if self.gang_victim and self.gang_victim not in self.victim_cues:
            raise ValueError(f"gang_victim: unknown victim cue group {self.gang_victim!r}")
        for name, group in self.victim_needs.items():
            if group not in self.victim_cues:
                raise ValueError(f"victim_needs.{name}: unknown victim cue group {group!r}")
        for name, groups in self.default_actor2_needs.items():
            if name not in self.default_actor2 or not set(groups) <= set(self.victim_cues):
                raise ValueError(f"default_actor2_needs.{name}: needs a default_actor2 and known victim cue groups")
        for name, entry in self.sub_event_types.items():
            if entry.state_implied_by and entry.state_implied_by not in self.cues:
                raise ValueError(f"sub_event_types.{name}.state_implied_by: unknown cue group "
                                 f"{entry.state_implied_by!r}")
        for name in (*self.one_sided, *self.no_fatalities, *self.default_actor1, *self.default_actor2,
                     *self.forces_after_the_fact, *self.unnamed_attacker_of_forces, *self.civilians_targeted_unhurt,
                     *self.named_civilians_are_actor2, *self.armed_actor2, *self.armed_sides,
                     *self.crowd_targets_are_civilians,
                     *self.forces_intervene,
                     *self.front_opponent, *self.told_with_violence, *(n for kinds in self.told_as_one for n in kinds),
                     *self.ruled_out_fallbacks,
                     *self.victim_needs,
                     *(r.sub_event_type for r in self.refinements),
                     *(r.to for r in self.refinements)):
            if name not in known:
                raise ValueError(f"{name!r} is not an ACLED sub-event type")
        for name, entry in self.sub_event_types.items():
            if name not in known:
                raise ValueError(f"sub_event_types: {name!r} is not an ACLED sub-event type")
            for cue in (*entry.requires, *entry.excludes, *entry.excludes_unless,
                        *(c for unless in entry.excludes_unless.values() for c in unless), *entry.mutual_excludes):
                if cue not in self.cues:
                    raise ValueError(f"sub_event_types.{name}: unknown cue group {cue!r}")
            _check_patterns(f"sub_event_types.{name}", (*entry.triggers, *entry.mutual,
                                                         *entry.mutual_unless_civilians))
        roles = {g.role for g in actors().generic} | {"unlisted"}
        for role in self.riot_crowd_roles:
            if role not in roles:
                raise ValueError(f"riot_crowd_roles: {role!r} is not a generic actor role of actors.yaml")
        for cue in self.communal_fight:
            if cue not in self.cues:
                raise ValueError(f"communal_fight: unknown cue group {cue!r}")
        if self.communal_fight and len(self.communal_fight) != 3:
            raise ValueError("communal_fight: name three cue groups (the dispute, the fighting, the crowd)")
        for name, cue in self.forces_intervene.items():
            if cue not in self.cues:
                raise ValueError(f"forces_intervene.{name}: unknown cue group {cue!r}")
        for rule in self.refinements:
            for cue in (*((rule.cue,) if isinstance(rule.cue, str) else rule.cue), rule.absent):
                if cue and cue not in self.cues:
                    raise ValueError(f"refinements: unknown cue group {cue!r}")
            _check_patterns("refinements", (rule.trigger,))
        _check_patterns("unnamed_doers", (self.unnamed_doers,))
        _check_patterns("civilian_doers", (self.civilian_doers,))
        for label in self.label_one_actor:
            if label not in self.labels:
                raise ValueError(f"label_one_actor: {label!r} is not a label")
        for label in self.label_sole_actor:
            if label not in self.label_actor1:
                raise ValueError(f"label_sole_actor: {label!r} has no label_actor1")
        for label, name in self.labels.items():
            if name not in known:
                raise ValueError(f"labels.{label}: {name!r} is not an ACLED sub-event type")
        for group, patterns in {**self.cues, **self.victim_cues, **self.blockers}.items():
            _check_patterns(group, patterns)
        for group in ("aggregate", "statements", "source_cues", "witness_cues", "reason_cues", "told_before"):
            _check_patterns(group, getattr(self, group))
        return self


class StateForce(_Entry):
    country: str
    military: str = ""
    police: str = ""
    start: date | None = Field(None, alias="from")
    until: date | None = None


class GenericActor(_Entry):
    role: str
    inter: int
    name: str
    patterns: tuple[str, ...]
    named_prefix: bool = False
    prefix_inter: int | None = None


class NamedActor(_Entry):
    name: str
    inter: int
    country: str = ""
    start: date | None = Field(None, alias="from")
    until: date | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    abroad: bool = False  # also named outside ``country`` (as External/Other forces when a state force)

    def active(self, day: date) -> bool:
        """Whether the name applies on ``day``."""
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


class InsurgentArea(_Entry):
    """Admin1 areas of ``country`` where ACLED codes an armed attacker a report does not name as the named actor
    ``actor`` (the insurgents of that region)."""

    country: str
    admin1: tuple[str, ...]
    actor: str
    unplaced: bool = False  # also where the report places the event at no place the gazetteers know


class Front(_Entry):
    """A war ACLED codes in ``country`` during a period: the armed actors on each of its two sides, each a country
    (its military) or a named actor's ACLED name; the first of a side stands for it when the report names no one
    of that side."""

    country: str
    start: date | None = Field(None, alias="from")
    until: date | None = None
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    held: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # place name patterns each side holds
    # a place ``held`` does not name, in one of these admin1 areas, is held by the side that holds the nearest place
    # it names (as GeoNames places them in those areas), within this many km
    held_areas: tuple[str, ...] = ()
    nearby_km: float = 0.0
    unnamed: bool = True  # a clash with no side named is fought between the sides

    def active(self, day: date) -> bool:
        """Whether the war is on, on ``day``."""
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


class Partisans(_Entry):
    words: str = "(?!)"  # a party's people ("members", "workers") after its name
    one: str = "(?!)"  # one of them, after its name ("a CNL member")


class Unlisted(_Entry):
    inter: int
    pattern: str
    before: str
    after: str
    not_actors: tuple[str, ...] = ()
    titled: str = "(?!)"  # the words of a name that ends in one of titled_ends
    titled_ends: tuple[str, ...] = ()
    weapon_models: str = "(?!)"


class Actors(_Entry):
    """State force names per country and period, country adjectives, generic role patterns and named actors."""

    version: str
    sources: tuple[str, ...]
    state_force_names: dict[Literal["military", "police", "government"], str]
    state_forces: tuple[StateForce, ...]
    force_nouns: tuple[str, ...]
    police_words: tuple[str, ...] = ()
    demonyms: dict[str, tuple[str, ...]]
    names_not_adjectives: tuple[str, ...] = ()  # countries whose own name does not serve as their adjective
    generic: tuple[GenericActor, ...]
    prefix_stopwords: tuple[str, ...] = ()
    coreference: tuple[str, ...] = ()
    coreference_definite: tuple[str, ...] = ()
    definite_words: tuple[str, ...] = ()
    local_group_inter: dict[str, int] = {}
    agent_suffixes: tuple[str, ...] = ()
    identified_as: tuple[str, ...] = ()
    coded_as: tuple[str, ...] = ()
    off_duty: tuple[str, ...] = ()
    dress: tuple[str, ...] = ()
    jurisdiction: tuple[str, ...] = ()
    either_words: tuple[str, ...] = ()
    claimed_after: tuple[str, ...] = ()
    claimed_before: tuple[str, ...] = ()
    partisans: Partisans = Partisans()
    unlisted: Unlisted
    named: tuple[NamedActor, ...]
    fronts: tuple[Front, ...] = ()
    insurgent_areas: tuple[InsurgentArea, ...] = ()
    leads_backers: tuple[str, ...] = ()
    apposed_roles: tuple[str, ...] = ()
    belonging: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Actors:
        codes = {c.code for c in acled_codebook().actor_categories}
        for force in self.state_forces:
            _check_country("state_forces", force.country)
        for country in self.demonyms:
            _check_country("demonyms", country)
        for country in self.names_not_adjectives:
            if country not in self.demonyms:
                raise ValueError(f"names_not_adjectives: {country!r} is not a country of demonyms")
        for generic in self.generic:
            if generic.inter not in codes:
                raise ValueError(f"generic.{generic.role}: inter {generic.inter} is not an actor category")
            _check_patterns(f"generic.{generic.role}", generic.patterns)
        for named in self.named:
            if named.inter not in codes:
                raise ValueError(f"named.{named.name}: inter {named.inter} is not an actor category")
            _check_country(f"named.{named.name}", named.country)
            if named.abroad and (not named.country or "{" in named.name):
                raise ValueError(f"named.{named.name}: an actor named abroad needs a country and a literal name")
            _check_patterns(f"named.{named.name}", named.aliases)
        names = {n.name for n in self.named}
        for name in self.leads_backers:
            if name not in names:
                raise ValueError(f"leads_backers: {name!r} is not a named actor")
        for front in self.fronts:
            _check_country("fronts", front.country)
            for item in (*front.sides[0], *front.sides[1]):
                if item not in names and item not in acled_codebook().country_registry:
                    raise ValueError(f"fronts.{front.country}: {item!r} is neither a country nor a named actor")
            _check_patterns(f"fronts.{front.country}.held", (*front.held[0], *front.held[1]))
            if not front.sides[0] or not front.sides[1]:
                raise ValueError(f"fronts.{front.country}: each side needs an actor")
        for area in self.insurgent_areas:
            _check_country("insurgent_areas", area.country)
            if area.actor not in names:
                raise ValueError(f"insurgent_areas.{area.country}: {area.actor!r} is not a named actor")
        _check_patterns("force_nouns", self.force_nouns)
        _check_patterns("unlisted", (self.unlisted.pattern, self.unlisted.before, self.unlisted.after,
                                     self.unlisted.weapon_models))
        return self


class Numbers(_Entry):
    """Number words and the words of death, injury and ACLED's fatality statements."""

    version: str
    sources: tuple[str, ...]
    words: dict[str, int]
    qualifiers: tuple[str, ...]
    killed: tuple[str, ...]
    injured: tuple[str, ...]
    singular_victims: tuple[str, ...]
    not_one: tuple[str, ...] = ()
    nouns: tuple[str, ...]
    summary_nouns: tuple[str, ...] = ()
    intransitive: tuple[str, ...] = ()
    singular_nouns: tuple[str, ...] = ()
    age: str = "(?!)"
    not_dead: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    unclear: str = "(?!)"
    none: tuple[str, ...]
    coded: tuple[str, ...]
    split: str = "(?!)"
    vague_death: tuple[str, ...]
    unit_words: tuple[str, ...] = ()
    asides: tuple[str, ...] = ()
    not_people: tuple[str, ...] = ()
    of_things: tuple[str, ...] = ()
    auxiliaries: tuple[str, ...] = ()
    conjunctions: tuple[str, ...] = (",", "and", "as well as")
    victim_verbs: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Numbers:
        for group in ("qualifiers", "killed", "injured", "none", "coded", "unit_words", "asides", "not_people",
                      "conjunctions", "victim_verbs"):
            _check_patterns(group, getattr(self, group))
        _check_patterns("split", (self.split,))
        _check_patterns("unclear", (self.unclear,))
        if self.split != "(?!)" and "(?P<parts>" not in self.split:
            raise ValueError(f"split: {self.split!r} has no (?P<parts>...) group for the number of events")
        for pattern in self.coded:
            if "(?P<n>" not in pattern:
                raise ValueError(f"coded: {pattern!r} has no (?P<n>...) group for the number")
        return self


class Undated(_Entry):
    offset_days: int
    vague_offset_days: int
    time_precision: int
    words: tuple[str, ...]


class Dates(_Entry):
    """Month and weekday names, relative day words and the conventions for approximate and undated reports."""

    version: str
    sources: tuple[str, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    approximate: tuple[str, ...]
    approximate_after: tuple[str, ...] = ()
    speech_verbs: tuple[str, ...] = ()
    condition_starts: tuple[str, ...] = ()
    future_days: int = 7
    undated: Undated

    @model_validator(mode="after")
    def _check(self) -> Dates:
        if sorted(self.months.values()) != list(range(1, 13)):
            raise ValueError("months: each of the 12 months must appear once")
        if sorted(self.weekdays.values()) != list(range(7)):
            raise ValueError("weekdays: each of the 7 weekdays must appear once")
        _check_patterns("months", tuple(self.months))
        _check_patterns("condition_starts", self.condition_starts)
        _check_patterns("approximate", self.approximate)
        _check_patterns("undated.words", self.undated.words)
        return self


class AcrossBorder(_Entry):
    country: str
    location: str


class Place(_Entry):
    location: str
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    aliases: tuple[str, ...] = ()
    across_border: AcrossBorder | None = None
    geo_precision: int = Field(default=1, ge=1, le=3)  # ACLED's usual precision for an event named at this place
    events: int = Field(default=0, ge=0)  # how many events of an ACLED export are coded here: ranks places of one name


class Area(_Entry):
    names: tuple[str, ...]
    location: str
    geo_precision: int = Field(ge=1, le=3)
    admin1: str = ""  # the admin1 of the place coded to, where the gazetteer has places of its name in several


class Gazetteer(_Entry):
    """One country's places (towns, villages) and areas (townships, states) coded to one of its places. Places of
    one name are told apart by their admin areas (a report naming one picks it), then by their ``events``."""

    version: str
    country: str
    sources: tuple[str, ...]
    places: tuple[Place, ...]
    areas: tuple[Area, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Gazetteer:
        _check_country("country", self.country)
        names = [p.location for p in self.places]
        keys = Counter((p.location, p.admin1, p.admin2, p.admin3) for p in self.places)
        duplicates = sorted(key for key, n in keys.items() if n > 1)
        if duplicates:
            raise ValueError(f"places: duplicate location {duplicates[0][0]!r} in the same admin areas")
        for area in self.areas:
            if area.location not in names:
                raise ValueError(f"areas {list(area.names)}: location {area.location!r} is not one of places")
        return self


def _coder_file(name: str) -> Path:
    return data_dir("codebooks") / "coder" / name


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled trigger lexicon, loaded once."""
    return load_bundled(_coder_file("lexicon.yaml"), Lexicon)


@functools.lru_cache(maxsize=1)
def actors() -> Actors:
    """The bundled actor dictionaries, loaded once."""
    return load_bundled(_coder_file("actors.yaml"), Actors)


@functools.lru_cache(maxsize=1)
def numbers() -> Numbers:
    """The bundled number and fatality words, loaded once."""
    return load_bundled(_coder_file("numbers.yaml"), Numbers)


@functools.lru_cache(maxsize=1)
def dates() -> Dates:
    """The bundled date words, loaded once."""
    return load_bundled(_coder_file("dates.yaml"), Dates)


def load_gazetteer(path: str | Path) -> Gazetteer:
    """Read one gazetteer file (the bundled form, or a user's own); problems raise CodebookError."""
    return load_model(Path(path), Gazetteer)


@functools.lru_cache(maxsize=1)
def bundled_gazetteers() -> tuple[Gazetteer, ...]:
    """Every gazetteer shipped in ``codebooks/coder/gazetteer/``, loaded once."""
    folder = _coder_file("gazetteer")
    return tuple(load_bundled(path, Gazetteer) for path in sorted(folder.glob("*.yaml")))


class PlaceWords(_Entry):
    """The words around place names in a report, for the world gazetteer."""

    version: str
    sources: tuple[str, ...]
    not_places: tuple[str, ...]
    area_words: tuple[str, ...]
    admin_suffixes: tuple[str, ...]
    articles: tuple[str, ...]
    organisation_words: tuple[str, ...] = ()
    connectors: tuple[str, ...]
    dateline: str
    qualifier_breaks: str = "(?!)"
    coded_to: str = "(?!)"
    spelling_groups: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> PlaceWords:
        _check_patterns("dateline", (self.dateline, self.qualifier_breaks, self.coded_to))
        if "(?P<place>" not in self.dateline:
            raise ValueError("dateline: no (?P<place>...) group for the place")
        return self


@functools.lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    """The bundled words around place names (``codebooks/coder/places.yaml``), loaded once."""
    return load_bundled(_coder_file("places.yaml"), PlaceWords)


class Admin1Table(_Entry):
    """Each country's admin1 names by GeoNames' admin1 code (ISO alpha-2 -> code -> [ACLED's name, others])."""

    version: str
    sources: tuple[str, ...]
    admin1: dict[str, dict[str, tuple[str, ...]]]

    @model_validator(mode="after")
    def _check(self) -> Admin1Table:
        for cc, codes in self.admin1.items():
            empty = next((code for code, names in codes.items() if not names), None)
            if empty is not None:
                raise ValueError(f"admin1 {cc} {empty}: no name")
        return self


def admin1_file() -> Path:
    """The table of admin1 names made by ``scripts/make_admin1.py``."""
    return _coder_file("geonames") / "admin1.yaml"


def geonames_admin1() -> dict[str, dict[str, tuple[str, ...]]]:
    """Each country's admin1 names by GeoNames' admin1 code (read when the world gazetteer is indexed)."""
    return load_model(admin1_file(), Admin1Table).admin1


class ContextWords(_Entry):
    """How an ACLED export is read as context: its generic actor names and the aliases of its locations."""

    version: str
    sources: tuple[str, ...]
    generic_names: tuple[str, ...]
    place_aliases: tuple[str, ...]

    @model_validator(mode="after")
    def _check(self) -> ContextWords:
        _check_patterns("generic_names", self.generic_names)
        _check_patterns("place_aliases", self.place_aliases)
        for pattern in self.place_aliases:
            if "(?P<name>" not in pattern:
                raise ValueError(f"place_aliases: {pattern!r} has no (?P<name>...) group for the alias")
        return self


@functools.lru_cache(maxsize=1)
def context_words() -> ContextWords:
    """The bundled rules for reading ACLED exports as context (``codebooks/coder/context.yaml``), loaded once."""
    return load_bundled(_coder_file("context.yaml"), ContextWords)


class ActorFile(_Entry):
    """A user's own actor dictionary: ``named`` entries of the form of ``actors.yaml``'s."""

    version: str
    sources: tuple[str, ...]
    named: tuple[NamedActor, ...]

    @model_validator(mode="after")
    def _check(self) -> ActorFile:
        for entry in self.named:
            _check_country(f"named {entry.name!r}", entry.country)
            _check_patterns(f"named {entry.name!r}", entry.aliases)
            if entry.inter not in {c.code for c in acled_codebook().actor_categories}:
                raise ValueError(f"named {entry.name!r}: inter {entry.inter} is not an actor category")
        return self
