"""CAMEO's codebook (``codebooks/cameo.yaml``): event codes with Goldstein values and quad classes, and the
grammar of actor codes.

>>> cb = cameo_codebook()
>>> code = cb.event_codes.lookup("195")
>>> code.name, code.goldstein, code.quad_class, code.parent
('Employ aerial weapons', -10.0, 4, '19')
>>> check_actor_code("NGOEVN")[0].hint
'NGOENV'
>>> check_actor_code("CHRANG001")
[]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from eventcode._resources import data_file
from eventcode.codebook import load_model
from eventcode.registry import Registry
from eventcode.tables import markdown_table, render_table

EVENT_CODE = re.compile(r"\d{2,4}")
ELEMENT = 3
ROLE_RANKS = ("primary", "secondary", "tertiary")


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class QuadClass(_Entry):
    code: int
    name: str


class EventCode(_Entry):
    """One CAMEO event code. ``quad_class`` is given on root codes and inherited by their descendants."""

    code: str
    name: str
    goldstein: float | None = None
    quad_class: int = 0

    @property
    def level(self) -> int:
        """1 for a root (two digits), 2 for three digits, 3 for four."""
        return len(self.code) - 1

    @property
    def root(self) -> str:
        """The two-digit root (GDELT's EventRootCode)."""
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        """The code one level up (a four-digit code's three-digit base), None for a root."""
        return self.code[:-1] if len(self.code) > 2 else None

    @property
    def base(self) -> str:
        """GDELT's EventBaseCode: the three-digit code (a root's base is itself)."""
        return self.code[:3]


class Relabel(_Entry):
    code: str
    name: str


class Edition(_Entry):
    """A version of the event codes: the default one, or differences from it applied on request."""

    name: str
    title: str
    source: str
    note: str = ""
    relabel: tuple[Relabel, ...] = ()
    add: tuple[EventCode, ...] = ()


class Role(_Entry):
    code: str
    label: str
    rank: Literal["primary", "secondary", "tertiary"]
    source: str = ""


class Label(_Entry):
    code: str
    label: str


class Country(_Entry):
    code: str
    alpha2: str
    numeric: int
    name: str


class ActorVocabulary(_Entry):
    """CAMEO's actor vocabulary: the closed parts (roles, international codes, organizations, regions, countries)
    and the codes GDELT's lookups list of the open ones (religions, known groups, ethnic groups), which real actor
    codes go beyond."""

    max_elements: int
    roles: tuple[Role, ...]
    international: tuple[Label, ...]
    organizations: tuple[Label, ...]
    regions: tuple[Label, ...]
    countries: tuple[Country, ...]
    religions: tuple[str, ...]
    known_groups: tuple[str, ...]
    ethnic: tuple[str, ...]

    @functools.cached_property
    def role_registry(self) -> Registry[Role]:
        return Registry("CAMEO role", self.roles, lambda r: r.code)

    @functools.cached_property
    def country_registry(self) -> Registry[Country]:
        return Registry("CAMEO country", self.countries, lambda c: c.code)

    @functools.cached_property
    def country_by_numeric(self) -> dict[int, Country]:
        return {c.numeric: c for c in self.countries}

    @functools.cached_property
    def first_codes(self) -> frozenset[str]:
        """Codes that may open an actor code: countries, international codes, regions and (as GDELT writes
        actors without a country) roles."""
        return frozenset(c.code for group in (self.countries, self.international, self.regions, self.roles)
                         for c in group)

    @functools.cached_property
    def known(self) -> frozenset[str]:
        """Every listed code, closed and open vocabularies alike."""
        return self.first_codes | {o.code for o in self.organizations} | {
            code for group in (self.religions, self.known_groups, self.ethnic) for code in group}

    @functools.cached_property
    def ethnic_codes(self) -> frozenset[str]:
        """The ethnic codes in lower case, as CAMEO writes them (GDELT's table holds ARB, KUR and PAL in capitals)."""
        return frozenset(code.lower() for code in self.ethnic)

    @functools.cached_property
    def grammar_codes(self) -> frozenset[str]:
        """The closed vocabulary a typo is checked against: roles and international codes. (Countries are left
        out: religion codes such as ``MOS`` are letter-swaps of countries such as ``SOM``.)"""
        return frozenset(c.code for group in (self.roles, self.international) for c in group)


class CameoFile(_Entry):
    """``codebooks/cameo.yaml`` as written: the default edition's codes plus other editions' differences."""

    name: str
    version: str
    default_edition: str
    sources: tuple[str, ...]
    quad_classes: tuple[QuadClass, ...]
    event_codes: tuple[EventCode, ...]
    editions: tuple[Edition, ...]
    actors: ActorVocabulary

    @model_validator(mode="after")
    def _check(self) -> CameoFile:
        _check_cameo(self)
        return self


@dataclass(frozen=True)
class CameoCodebook:
    """One edition of CAMEO: its event codes (inheriting quad classes from their roots) and the actor vocabulary."""

    name: str
    version: str
    edition: Edition
    sources: tuple[str, ...]
    quad_classes: tuple[QuadClass, ...]
    event_codes: Registry[EventCode]
    actors: ActorVocabulary

    def children(self, code: str) -> list[EventCode]:
        """The codes one level below ``code``."""
        return [c for c in self.event_codes if c.parent == code]

    @functools.cached_property
    def quad_class_names(self) -> dict[int, str]:
        return {q.code: q.name for q in self.quad_classes}


def _duplicates(values: Iterable[object]) -> list[object]:
    return [value for value, count in Counter(values).items() if count > 1]


def _check_codes(codes: tuple[EventCode, ...], quads: set[int], where: str) -> None:
    by_code = {c.code: c for c in codes}
    problems: list[tuple[str, list[object]]] = [
        (f"{where}: duplicate event code", _duplicates(c.code for c in codes)),
        (f"{where}: event code not 2-4 digits", [c.code for c in codes if not EVENT_CODE.fullmatch(c.code)]),
        (f"{where}: event code without its parent", [c.code for c in codes if c.parent and c.parent not in by_code]),
        (f"{where}: root without a known quad class", [c.code for c in codes if c.parent is None
                                                       and c.quad_class not in quads]),
        (f"{where}: quad class given below a root", [c.code for c in codes if c.parent and c.quad_class]),
        (f"{where}: Goldstein value outside -10..10", [c.code for c in codes if c.goldstein is not None
                                                      and not -10 <= c.goldstein <= 10]),
    ]
    for rule, bad in problems:
        if bad:
            raise ValueError(f"{rule}: {', '.join(map(repr, bad))}")


def _check_cameo(cb: CameoFile) -> None:
    quads = {q.code for q in cb.quad_classes}
    _check_codes(cb.event_codes, quads, "event_codes")
    missing = [c.code for c in cb.event_codes if c.goldstein is None]
    if missing:
        raise ValueError(f"event_codes: default edition code without a Goldstein value: {missing}")
    names = [e.name for e in cb.editions]
    if cb.default_edition not in names or _duplicates(names):
        raise ValueError(f"editions: {cb.default_edition!r} must be listed once among {names}")
    base = {c.code for c in cb.event_codes}
    for edition in cb.editions:
        unknown = [r.code for r in edition.relabel if r.code not in base]
        clash = [a.code for a in edition.add if a.code in base]
        if unknown or clash:
            raise ValueError(f"edition {edition.name!r}: relabels unknown codes {unknown} or adds existing {clash}")
        _check_codes(_edition_codes(cb, edition), quads, f"edition {edition.name!r}")
    actors = cb.actors
    groups = (actors.roles, actors.international, actors.organizations, actors.regions, actors.countries)
    codes = [entry.code for group in groups for entry in group]
    lookups = {"religions": actors.religions, "known_groups": actors.known_groups, "ethnic": actors.ethnic}
    checks: list[tuple[str, list[object]]] = [
        ("actors: duplicate code", _duplicates(codes)),
        ("actors: code not three capital letters",
         [c for c in [*codes, *actors.religions, *actors.known_groups] if not re.fullmatch(r"[A-Z]{3}", c)]),
        ("actors: ethnic code not three letters of one case",
         [c for c in actors.ethnic if not re.fullmatch(r"[a-z]{3}|[A-Z]{3}", c)]),
        *((f"actors: {name}: duplicate code", _duplicates(group)) for name, group in lookups.items()),
    ]
    for rule, bad in checks:
        if bad:
            raise ValueError(f"{rule}: {', '.join(map(repr, bad))}")


def _edition_codes(cb: CameoFile, edition: Edition) -> tuple[EventCode, ...]:
    names = {r.code: r.name for r in edition.relabel}
    codes = [c.model_copy(update={"name": names[c.code]}) if c.code in names else c for c in cb.event_codes]
    return tuple(sorted([*codes, *edition.add], key=lambda c: c.code))


def _inherit_quads(codes: tuple[EventCode, ...]) -> list[EventCode]:
    roots = {c.code: c.quad_class for c in codes if c.parent is None}
    return [c if c.parent is None else c.model_copy(update={"quad_class": roots[c.root]}) for c in codes]


def load_cameo_file(path: str | Path | None = None) -> CameoFile:
    """Load and check a CAMEO codebook file (the bundled one when ``path`` is None)."""
    return load_model(Path(path) if path else data_file("codebooks", "cameo.yaml"), CameoFile)


def build_edition(raw: CameoFile, edition: str | None = None) -> CameoCodebook:
    """The codebook of one edition (the file's default when None); raises UnknownValueError for another name."""
    chosen = Registry("CAMEO edition", raw.editions, lambda e: e.name).lookup(edition or raw.default_edition)
    codes = raw.event_codes if chosen.name == raw.default_edition else _edition_codes(raw, chosen)
    version = raw.version if chosen.name == raw.default_edition else f"{chosen.title} (differences from {raw.version})"
    return CameoCodebook(raw.name, version, chosen, raw.sources, raw.quad_classes,
                         Registry("CAMEO event code", _inherit_quads(codes), lambda c: c.code), raw.actors)


@functools.lru_cache(maxsize=1)
def cameo_file() -> CameoFile:
    """The bundled CAMEO codebook file as written (every edition), loaded once."""
    return load_cameo_file()


@functools.lru_cache(maxsize=4)
def cameo_codebook(edition: str | None = None) -> CameoCodebook:
    """The bundled CAMEO codebook in one edition (GDELT's lookup by default), loaded once."""
    return build_edition(cameo_file(), edition)


# --- Actor codes ---------------------------------------------------------------------------------------------


#: An actor code as CAMEO's dictionaries write it: three-character elements, each of capital letters or digits (a
#: numbered religious subgroup: ``CHRANG001``) or of lower-case letters (an ethnic group: ``idgCOP``).
ACTOR_CODE = re.compile(r"(?:[A-Z0-9]{3}|[a-z]{3})+")


@dataclass(frozen=True)
class ActorProblem:
    """What is wrong with an actor code: a catalog code, a message and, where one exists, the likely intended code.
    Only ``bad-actor-code`` is a defect; the others are warnings."""

    code: Literal["bad-actor-code", "suspect-actor-element", "actor-role-order"]
    message: str
    hint: str | None = None


def _transposition_of(element: str, known: Iterable[str]) -> str | None:
    letters = sorted(element)
    return next((k for k in sorted(known) if k != element and sorted(k) == letters), None)


def check_actor_code(code: str, vocabulary: ActorVocabulary | None = None) -> list[ActorProblem]:
    """The problems of a full CAMEO actor code (``MMRMIL``, ``IGOUNOREFHCR``, ``CHRANG001``); an empty list when
    well-formed.

    Defects (``bad-actor-code``): a code that is not three-character elements of capital letters or digits or of
    lower-case letters (``MMR-MIL``, ``MMRMil``, ``MMRMI``); a lower-case element that is no ethnic code
    (``mmrMIL``); more than ``max_elements`` elements. An element in none of the vocabularies is no defect: real
    GDELT writes codes beyond its lookups (``CHRANG001``, ``IGOAFRAFU``). Warnings: such an element that is a
    letter-swap of a role or international code (``NGOEVN`` -> ``NGOENV``: ``suspect-actor-element``); roles out
    of order, primary before secondary before tertiary until another element restarts the cycle
    (``actor-role-order``).
    """
    vocab = vocabulary or cameo_codebook().actors
    if not ACTOR_CODE.fullmatch(code):
        return [ActorProblem("bad-actor-code", f"actor code {code!r} is not a sequence of three-character elements "
                             "(capital letters or digits, or lower-case letters for an ethnic group)")]
    elements = [code[i:i + ELEMENT] for i in range(0, len(code), ELEMENT)]
    problems: list[ActorProblem] = []
    if len(elements) > vocab.max_elements:
        problems.append(ActorProblem("bad-actor-code", f"actor code {code!r} has {len(elements)} elements; CAMEO "
                                     f"allows {vocab.max_elements}"))
    for index, element in enumerate(elements):
        if element in vocab.known or element in vocab.ethnic_codes:
            continue
        if element.islower():
            upper = element.upper()
            fixed = "".join([*elements[:index], upper, *elements[index + 1:]]) if upper in vocab.known else None
            problems.append(ActorProblem("bad-actor-code", f"element {element!r} of {code!r} is lower case but no "
                                         "CAMEO ethnic code", fixed))
            continue
        swap = _transposition_of(element, vocab.grammar_codes)
        if swap:
            fixed = "".join([*elements[:index], swap, *elements[index + 1:]])
            problems.append(ActorProblem("suspect-actor-element", f"element {element!r} of {code!r} is in no CAMEO "
                                         f"vocabulary; letters swapped from {swap!r}?", fixed))
    ranks = {r.code: ROLE_RANKS.index(r.rank) for r in vocab.roles}
    highest = -1
    for element in elements:
        rank = ranks.get(element)
        if rank is None:
            highest = -1
        elif rank < highest:
            problems.append(ActorProblem("actor-role-order", f"role {element!r} of {code!r} comes after a "
                                         f"{ROLE_RANKS[highest]} role; CAMEO puts primary before secondary before "
                                         "tertiary"))
        else:
            highest = rank
    return problems


# --- Reference page ------------------------------------------------------------------------------------------


def codebook_markdown() -> str:
    """The CAMEO codebook reference page (``docs/cameo.md``): event codes of both editions and actor codes."""
    cb = cameo_codebook()
    raw = cameo_file()
    quads = cb.quad_class_names
    other = [e for e in raw.editions if e.name != raw.default_edition]
    parts = [
        "<!-- Generated by `python -m eventcode.docs` from codebooks/cameo.yaml. Do not edit by hand. -->\n\n",
        f"# CAMEO codebook reference\n\nVersion: {cb.version}. Edition `{cb.edition.name}` (the default). "
        f"{len(cb.event_codes)} event codes. Sources:\n\n",
        "".join(f"- {source}\n" for source in cb.sources),
        "\n## Quad classes\n\n",
        markdown_table(["quad class", "name", "roots"],
                       [[str(q.code), q.name, ", ".join(c.code for c in cb.event_codes
                                                        if c.parent is None and c.quad_class == q.code)]
                        for q in cb.quad_classes]),
        "\n\n## Event codes\n\n",
        markdown_table(["code", "level", "parent", "name", "Goldstein", "quad class"],
                       [[f"`{c.code}`", str(c.level), c.parent or "", c.name, f"{c.goldstein:+.1f}",
                         f"{c.quad_class} {quads[c.quad_class]}"] for c in cb.event_codes]),
        "\n",
    ]
    for edition in other:
        parts += [
            f"\n## Edition {edition.name}: {edition.title}\n\nSelect it with `cameo_codebook({edition.name!r})` or "
            f"`eventcode codebook cameo-{edition.name}`. Source: {edition.source} {edition.note}\n\n",
            markdown_table(["code", "this edition", "GDELT's lookup"],
                           [[f"`{r.code}`", r.name, cb.event_codes.lookup(r.code).name] for r in edition.relabel]
                           + [[f"`{a.code}`", a.name, "(absent)"] for a in edition.add]),
            "\n",
        ]
    actors = cb.actors
    parts += [
        "\n## Actor codes\n\nThree-letter elements read left to right: a country (ISO 3166-1 alpha-3) or an "
        "international code or region first, then roles (primary before secondary before tertiary), then "
        "ethnic, religious or organization codes, which restart the cycle. Examples: `MMRMIL`, `MMRREB`, "
        f"`IGOUNOREFHCR`. At most {actors.max_elements} elements. An element is three capital letters or digits "
        "(a numbered religious subgroup: `CHRANG001`) or three lower-case letters (an ethnic group: `idgCOP`). "
        "`eventcode` flags as defects a code of other elements, a lower-case element that is no ethnic code and "
        "too many elements; an element in no vocabulary is no defect (real GDELT writes them), and only one that "
        "is a letter-swap of a role or international code is a warning (`NGOEVN`: `NGOENV`?), as are roles out of "
        "order.\n\n### Roles\n\n",
        markdown_table(["code", "label", "rank", "note"], [[r.code, r.label, r.rank, r.source] for r in actors.roles]),
        "\n\n### International codes\n\n",
        markdown_table(["code", "label"], [[i.code, i.label] for i in actors.international]),
        "\n\n### Organizations\n\n",
        markdown_table(["code", "label"], [[o.code, o.label] for o in actors.organizations]),
        "\n\n### International regions\n\n",
        markdown_table(["code", "label"], [[r.code, r.label] for r in actors.regions]),
        f"\n\n### Countries\n\n{len(actors.countries)} codes: ISO 3166-1 alpha-3 "
        "(Kosovo: XKX, user-assigned).\n",
        "\n### Religions, known groups, ethnic groups\n\nThe codes of GDELT's lookups (CAMEO.religion, "
        "CAMEO.knowngroup, CAMEO.ethnic), which GDELT's ActorNReligion1Code, ActorNKnownGroupCode and "
        "ActorNEthnicCode hold; real actor codes go beyond them.\n\n"
        f"- {len(actors.religions)} religions: {', '.join(f'`{c}`' for c in actors.religions)}\n"
        f"- {len(actors.known_groups)} known groups: {', '.join(f'`{c}`' for c in actors.known_groups)}\n"
        f"- {len(actors.ethnic)} ethnic groups, lower case but for `ARB`, `KUR` and `PAL` (GDELT writes `kur`)\n",
    ]
    return "".join(parts)


def event_code_json(cb: CameoCodebook, code: EventCode) -> dict[str, Any]:
    """One event code as plain data."""
    return {"code": code.code, "name": code.name, "goldstein": code.goldstein, "quad_class": code.quad_class,
            "parent": code.parent, "level": code.level, "root": code.root,
            "children": [c.code for c in cb.children(code.code)]}


def codebook_json(cb: CameoCodebook) -> dict[str, Any]:
    """The codebook as plain data: ``{"version": ..., "event_codes": [{"code": "195", ...}, ...], ...}``."""
    return {
        "name": cb.name,
        "version": cb.version,
        "edition": cb.edition.name,
        "sources": list(cb.sources),
        "quad_classes": [q.model_dump() for q in cb.quad_classes],
        "event_codes": [event_code_json(cb, code) for code in cb.event_codes],
        "actor_roles": [r.model_dump() for r in cb.actors.roles],
        "international_codes": [i.model_dump() for i in cb.actors.international],
    }


def codebook_table(cb: CameoCodebook) -> str:
    """The event codes and roles as readable text tables."""
    def goldstein(code: EventCode) -> str:
        return "" if code.goldstein is None else f"{code.goldstein:+.1f}"

    codes = render_table(["code", "Goldstein", "quad", "name"],
                         [["  " * (c.level - 1) + c.code, goldstein(c), str(c.quad_class), c.name]
                          for c in cb.event_codes])
    roles = render_table(["role", "rank", "label"], [[r.code, r.rank, r.label] for r in cb.actors.roles])
    return f"CAMEO {cb.version}\n\n{codes}\n\n{roles}"


def entry(cb: CameoCodebook, key: str) -> tuple[dict[str, Any], str]:
    """One event code as data and as text (name, Goldstein, quad class, parent, children); raises
    :class:`~eventcode.errors.UnknownValueError` naming the nearest code."""
    code = cb.event_codes.lookup(key)
    data = event_code_json(cb, code)
    parent = cb.event_codes.get(code.parent) if code.parent else None
    lines = [f"{code.code}  {code.name}",
             f"Goldstein:  {'none published' if code.goldstein is None else f'{code.goldstein:+.1f}'}",
             f"Quad class: {code.quad_class} {cb.quad_class_names[code.quad_class]}",
             f"Parent:     {f'{parent.code} {parent.name}' if parent else '(root)'}",
             "Children:   " + ("; ".join(f"{c.code} {c.name}" for c in cb.children(code.code)) or "(none)")]
    return data, "\n".join(lines)
