"""The ACLED codebook: its values against ACLED's own tables, its load-time checks, and its registries."""

from __future__ import annotations

import copy
import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from eventcode import CodebookError, UnknownValueError
from eventcode._resources import data_file
from eventcode.codebook import AcledCodebook, acled_codebook, load_acled_codebook

Raw = dict[str, Any]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def cb() -> AcledCodebook:
    return acled_codebook()


@pytest.fixture
def raw() -> Raw:
    """The bundled codebook as plain YAML data, to break in copies."""
    data: Raw = yaml.safe_load(data_file("codebooks", "acled.yaml").read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def test_bundled_codebook_loads_once(cb: AcledCodebook) -> None:
    assert acled_codebook() is cb
    assert cb.name == "acled"
    assert cb.version
    assert cb.sources


def test_models_are_frozen(cb: AcledCodebook) -> None:
    with pytest.raises(ValidationError):
        cb.version = "1999"
    with pytest.raises(ValidationError):
        cb.countries[0].iso = 1


def test_sub_event_types_match_acled(cb: AcledCodebook, shared_data: Path) -> None:
    """acledR's acled_event_categories: the same 25 (event type, sub-event type) pairs; disorder types follow
    from its political_violence and demonstrations flags."""
    rows = read_csv(shared_data / "acled_event_categories.csv")
    assert len(cb.sub_event_types) == len(rows) == 25
    assert len(cb.event_types) == len({row["event_type"] for row in rows}) == 6
    flag_names = {(True, False): "Political violence", (False, True): "Demonstrations",
                  (True, True): "Political violence; Demonstrations", (False, False): "Strategic developments"}
    for row in rows:
        sub = cb.sub_event_types.lookup(row["sub_event_type"])
        assert sub.event_type == row["event_type"]
        flags = (float(row["political_violence"]) == 1, float(row["demonstrations"]) == 1)
        assert sub.disorder_type == flag_names[flags], sub.name


def test_regions_match_acled(cb: AcledCodebook, shared_data: Path) -> None:
    rows = read_csv(shared_data / "acled_regions.csv")
    assert {(r.code, r.name) for r in cb.regions} == {(int(row["region"]), row["region_name"]) for row in rows}
    assert len(cb.regions) == len(rows) == 17
    earliest = min(row["first_event_date"] for row in rows)
    assert cb.earliest_event_date.isoformat() == earliest


def test_countries_match_acled(cb: AcledCodebook, shared_data: Path) -> None:
    rows = read_csv(shared_data / "acled_countries.csv")
    assert len(cb.countries) == len(rows) == 243
    assert {(c.name, c.region, c.start_year) for c in cb.countries} == {
        (row["country"], row["region"], int(row["start_year"])) for row in rows}


def test_columns_match_acleds_export(cb: AcledCodebook, shared_data: Path) -> None:
    with (shared_data / "acled_2022_sample.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert list(cb.columns) == header
    assert len(cb.columns) == 31


def test_iso_codes_match_acleds_export(cb: AcledCodebook, shared_data: Path) -> None:
    seen = {(row["country"], int(row["iso"])) for row in read_csv(shared_data / "acled_2022_sample.csv")}
    assert seen
    for country, iso in seen:
        assert cb.country_registry.lookup(country).iso == iso, country


def test_actor_categories_and_interactions(cb: AcledCodebook) -> None:
    codes = [c.code for c in cb.actor_categories]
    assert codes == list(range(1, 9))
    pairs = {10 * a + b for a in codes for b in codes if a <= b} | {10 * a for a in codes}
    assert cb.interaction_codes == tuple(sorted(pairs))
    assert len(cb.interaction_codes) == 44
    assert cb.interaction_code(2, 1) == cb.interaction_code(1, 2) == 12
    assert cb.interaction_code(6, None) == 60
    assert cb.interaction_text(12) == "State forces-Rebel group"
    assert cb.interaction_text(60) == "Protesters only"
    assert cb.interaction_by_text["state forces-civilians"] == 17
    assert cb.category_by_label["communal militia"] == cb.category_by_label["identity militia"] == 4


def test_rules_attached_to_sub_event_types(cb: AcledCodebook) -> None:
    one_sided = {s.event_type for s in cb.sub_event_types if not s.one_sided_allowed}
    assert one_sided == {"Battles", "Violence against civilians"}
    assert {s.event_type for s in cb.sub_event_types if s.actor2_category == 7} == {"Violence against civilians"}
    targeting = {s.name for s in cb.sub_event_types if s.civilian_targeting_allowed}
    assert "Armed clash" not in targeting
    assert {"Attack", "Air/drone strike", "Mob violence", "Excessive force against protesters"} <= targeting


def test_registry_get_and_lookup(cb: AcledCodebook) -> None:
    countries = cb.country_registry
    assert countries.get("Myanmar") is countries.lookup("Myanmar")
    assert countries.get("Burma") is None
    assert countries.get("Burma", "none") == "none"
    assert "Myanmar" in countries
    assert [] not in countries
    assert len(countries) == len(list(countries)) == len(countries.keys())
    with pytest.raises(UnknownValueError) as caught:
        cb.sub_event_types.lookup("Air strike")
    assert caught.value.hint == "Air/drone strike"
    assert caught.value.value == "Air strike"
    assert "did you mean 'Air/drone strike'" in str(caught.value)
    assert isinstance(caught.value, KeyError)


@pytest.mark.parametrize(("registry", "key", "hint"), [
    ("country_registry", "myanmar", "Myanmar"),
    ("country_registry", "Myanmar (Burma)", "Myanmar"),
    ("region_registry", "South-east Asia", "Southeast Asia"),
    ("event_type_registry", "Battle", "Battles"),
    ("sub_event_types", "peaceful protests", "Peaceful protest"),
    ("actor_category_registry", 9, None),
    ("country_registry", "Qqqqq", None),
    ("country_registry", [], None),
])
def test_lookup_hints(cb: AcledCodebook, registry: str, key: object, hint: str | None) -> None:
    with pytest.raises(UnknownValueError) as caught:
        getattr(cb, registry).lookup(key)
    assert caught.value.hint == hint


def first_sub(raw: Raw, event: int = 0, sub: int = 0) -> Raw:
    entry: Raw = raw["event_types"][event]["sub_event_types"][sub]
    return entry


def duplicate_sub(raw: Raw) -> None:
    raw["event_types"][1]["sub_event_types"].append(dict(first_sub(raw)))


def unknown_disorder(raw: Raw) -> None:
    first_sub(raw)["disorder_type"] = "Political violense"


def unknown_region(raw: Raw) -> None:
    raw["countries"][0]["region"] = "Central Asia"


def duplicate_country(raw: Raw) -> None:
    raw["countries"].append(dict(raw["countries"][3]))


def duplicate_iso(raw: Raw) -> None:
    raw["countries"][1]["iso"] = raw["countries"][0]["iso"]


def duplicate_category(raw: Raw) -> None:
    raw["actor_categories"][1]["code"] = raw["actor_categories"][0]["code"]


def duplicate_region(raw: Raw) -> None:
    raw["regions"].append({"code": 99, "name": raw["regions"][0]["name"]})


def empty_event_type(raw: Raw) -> None:
    raw["event_types"][0]["sub_event_types"] = []


def unknown_actor2_category(raw: Raw) -> None:
    raw["event_types"][0]["actor2_category"] = 42


def other_parent(raw: Raw) -> None:
    first_sub(raw)["event_type"] = "Riots"


def wrong_type(raw: Raw) -> None:
    first_sub(raw, 1, 2)["civilian_targeting_allowed"] = "sometimes"


def wrong_iso_type(raw: Raw) -> None:
    raw["countries"][5]["iso"] = "AGO"


def missing_key(raw: Raw) -> None:
    del raw["event_types"][2]["definition"]


def unknown_key(raw: Raw) -> None:
    first_sub(raw)["colour"] = "red"


# (how to break the codebook, words the error must name: the rule and the entry)
BREAKS: list[tuple[Callable[[Raw], None], list[str]]] = [
    (duplicate_sub, ["duplicate sub-event type", "Government regains territory"]),
    (unknown_disorder, ["unknown disorder type", "Government regains territory"]),
    (unknown_region, ["unknown region", "Afghanistan"]),
    (duplicate_country, ["duplicate country", "American Samoa"]),
    (duplicate_iso, ["duplicate country iso code", "4"]),
    (duplicate_category, ["duplicate actor category code", "1"]),
    (duplicate_region, ["duplicate region", "Western Africa"]),
    (empty_event_type, ["without sub-event types", "Battles"]),
    (unknown_actor2_category, ["actor2_category", "Battles"]),
    (other_parent, ["event_types[0] 'Battles'", "'Government regains territory' sets event_type"]),
    (wrong_type, ["event_types[1] 'Protests'", "sub_event_types[2] 'Peaceful protest'",
                  "civilian_targeting_allowed", "bool"]),
    (wrong_iso_type, ["countries[5] 'Angola'", "iso", "integer"]),
    (missing_key, ["event_types[2] 'Riots'", "definition", "required"]),
    (unknown_key, ["sub_event_types[0] 'Government regains territory'", "colour"]),
]


@pytest.mark.parametrize(("breaker", "words"), BREAKS, ids=[b[0].__name__ for b in BREAKS])
def test_broken_codebook_is_a_load_error(raw: Raw, tmp_path: Path, breaker: Callable[[Raw], None],
                                         words: list[str]) -> None:
    breaker(raw)
    path = tmp_path / "acled.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(CodebookError) as caught:
        load_acled_codebook(path)
    assert caught.value.file == str(path)
    text = str(caught.value)
    assert text.startswith(str(path))
    for word in words:
        assert word in text


def test_unbroken_copy_loads(raw: Raw, tmp_path: Path) -> None:
    path = tmp_path / "acled.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert load_acled_codebook(path) == acled_codebook()


@pytest.mark.parametrize(("text", "words"), [
    ("name: [unclosed", ["cannot read"]),
    ("- a list\n- not a mapping\n", ["top level must be a mapping"]),
    ("name: acled\n", ["version", "required"]),
])
def test_unreadable_codebook(tmp_path: Path, text: str, words: list[str]) -> None:
    path = tmp_path / "acled.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as caught:
        load_acled_codebook(path)
    assert caught.value.file == str(path)
    for word in words:
        assert word in str(caught.value)


def test_missing_codebook_file(tmp_path: Path) -> None:
    with pytest.raises(CodebookError) as caught:
        load_acled_codebook(tmp_path / "absent.yaml")
    assert "absent.yaml" in str(caught.value)
