"""ACLED record rules: each rule broken alone in a valid record gives exactly its code, field, value and hint."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from examples import VALID_RECORD

from eventcode.codebook import acled_codebook
from eventcode.issues import CATALOG, Issue
from eventcode.rules import check_record, parse_date

BASE = VALID_RECORD
DROP = object()  # a change that removes the field
TOMORROW = (date.today() + timedelta(days=1)).isoformat()
AIR_STRIKE = {"sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence"}
ATTACK = {"sub_event_type": "Attack", "event_type": "Violence against civilians"}

# (code, changes to BASE, field the issue names, its value, its hint or None)
CASES: list[tuple[str, dict[str, Any], str, object, str | None]] = [
    ("missing-value", {"location": DROP}, "location", None, None),
    ("missing-value", {"actor1": "  "}, "actor1", None, None),
    ("wrong-type", {"admin1": 5}, "admin1", 5, "5"),
    ("not-an-integer", {"fatalities": "3.5"}, "fatalities", "3.5", None),
    ("not-an-integer", {"iso": True}, "iso", True, None),
    ("not-a-number", {"latitude": "24,7561"}, "latitude", "24,7561", None),
    ("not-a-number", {"longitude": float("nan")}, "longitude", None, None),
    ("bad-date", {"event_date": "2023-02-30"}, "event_date", "2023-02-30", None),
    ("date-out-of-range", {"event_date": "1996-12-31", "year": 1996}, "event_date", "1996-12-31", None),
    ("date-out-of-range", {"event_date": TOMORROW, "year": int(TOMORROW[:4])}, "event_date", TOMORROW, None),
    ("bad-event-id", {"event_id_cnty": "mmr12345"}, "event_id_cnty", "mmr12345", None),
    ("unknown-event-type", {"event_type": "Battle"}, "event_type", "Battle", "Battles"),
    ("unknown-sub-event-type", {"sub_event_type": "Air strike"}, "sub_event_type", "Air strike", "Air/drone strike"),
    ("unknown-disorder-type", {"disorder_type": "Political Violense"}, "disorder_type", "Political Violense",
     "Political violence"),
    ("unknown-actor-category", {"inter1": "State force"}, "inter1", "State force", "State forces"),
    ("unknown-actor-category", {"inter1": 0}, "inter1", 0, None),
    ("unknown-actor-category", {"inter2": 9}, "inter2", 9, None),
    ("unknown-interaction", {"interaction": "State forces-Rebels"}, "interaction", "State forces-Rebels",
     "State forces-Rebel group"),
    ("unknown-interaction", {"interaction": 21}, "interaction", 21, None),
    ("bad-civilian-targeting", {"civilian_targeting": "yes"}, "civilian_targeting", "yes", "Civilians targeted"),
    ("precision-out-of-range", {"time_precision": 4}, "time_precision", 4, None),
    ("precision-out-of-range", {"geo_precision": 0}, "geo_precision", 0, None),
    ("fatalities-negative", {"fatalities": -1}, "fatalities", -1, "0"),
    ("coordinate-out-of-range", {"latitude": 90.5}, "latitude", 90.5, None),
    ("coordinate-out-of-range", {"longitude": -180.01}, "longitude", -180.01, None),
    ("unknown-country", {"country": "Myanmar (Burma)"}, "country", "Myanmar (Burma)", "Myanmar"),
    ("unknown-region", {"region": "South-east Asia"}, "region", "South-east Asia", "Southeast Asia"),
    ("bad-source-scale", {"source_scale": "National-Regionl"}, "source_scale", "National-Regionl", "Regional"),
    ("bad-source-scale", {"source_scale": "National-National"}, "source_scale", "National-National", None),
    ("bad-source-scale", {"source_scale": "National-"}, "source_scale", "National-", None),
    ("bad-tags", {"tags": "crowd size=no report; "}, "tags", "crowd size=no report; ", None),
    ("bad-tags", {"tags": " crowd size=50"}, "tags", " crowd size=50", None),
    ("bad-tags", {"tags": "a;b"}, "tags", "a;b", None),
    ("unknown-field", {"actr1": "x"}, "actr1", "actr1", "actor1"),
    ("event-type-mismatch", {"event_type": "Riots"}, "event_type", "Riots", "Battles"),
    ("disorder-type-mismatch", {"disorder_type": "Demonstrations"}, "disorder_type", "Demonstrations",
     "Political violence"),
    ("year-mismatch", {"year": 2022}, "year", 2022, "2023"),
    ("interaction-mismatch", {"interaction": "State forces-Civilians"}, "interaction", "State forces-Civilians",
     "12"),
    ("interaction-mismatch", {"interaction": 12, "inter2": "Civilians"}, "interaction", 12, "17"),
    ("actor2-inter2-mismatch", {**AIR_STRIKE, "actor2": ""}, "inter2", "Rebel group", None),
    ("actor2-inter2-mismatch", {**AIR_STRIKE, "inter2": 0}, "inter2", 0, None),
    ("one-sided-not-allowed", {"actor2": "", "inter2": "", "interaction": "State forces only"}, "actor2", "", None),
    ("one-sided-not-allowed", {**ATTACK, "actor2": "", "inter2": "", "interaction": "State forces only"}, "actor2",
     "", None),
    ("civilians-not-target", ATTACK, "inter2", 2, "7"),
    ("civilian-targeting-not-allowed", {"civilian_targeting": "Civilians targeted"}, "civilian_targeting",
     "Civilians targeted", None),
    ("iso-mismatch", {"iso": 108}, "iso", 108, "104"),
    ("region-mismatch", {"region": "South Asia"}, "region", "South Asia", "Southeast Asia"),
]


def changed(changes: dict[str, Any]) -> dict[str, Any]:
    record = {**BASE, **changes}
    return {key: value for key, value in record.items() if value is not DROP}


def codes(issues: list[Issue]) -> list[str]:
    return [issue.code for issue in issues]


def test_base_record_is_valid() -> None:
    assert check_record(BASE)[1] == []


def test_every_record_rule_has_a_case() -> None:
    record_codes = {code for code, entry in CATALOG.items()
                    if entry.scope in ("field", "record") and entry.data == "acled"}
    assert record_codes == {case[0] for case in CASES}


@pytest.mark.parametrize(("code", "changes", "field", "value", "hint"), CASES,
                         ids=[f"{case[0]}-{next(iter(case[1]))}" for case in CASES])
def test_one_broken_rule_gives_its_code(code: str, changes: dict[str, Any], field: str, value: object,
                                        hint: str | None) -> None:
    _, issues = check_record(changed(changes))
    assert codes(issues) == [code]
    issue = issues[0]
    assert issue.field == field
    if value is not None:
        assert issue.value == value
    assert issue.hint == hint
    assert issue.message
    assert f"[{code}]" in str(issue)
    assert field in str(issue)


def test_several_broken_rules_are_all_reported() -> None:
    _, issues = check_record(changed({"fatalities": -2, "year": 1999, "iso": 4, "tags": "x; "}))
    assert sorted(codes(issues)) == ["bad-tags", "fatalities-negative", "iso-mismatch", "year-mismatch"]


def test_derived_fields_are_filled_in() -> None:
    derived = ("year", "event_type", "disorder_type", "interaction", "iso", "region")
    values, issues = check_record(changed(dict.fromkeys(derived, DROP)))
    assert issues == []
    full, _ = check_record(BASE)
    assert values == full
    assert (values["year"], values["event_type"], values["disorder_type"]) == (2023, "Battles", "Political violence")
    assert (values["interaction"], values["iso"], values["region"]) == (12, 104, "Southeast Asia")


def test_one_sided_interaction_is_derived_from_inter1_alone() -> None:
    values, issues = check_record(changed({**AIR_STRIKE, "actor2": "", "inter2": "", "interaction": ""}))
    assert issues == []
    assert (values["inter2"], values["interaction"]) == (None, 10)


@pytest.mark.parametrize("text", ["2023-11-01", "01 November 2023", "1 November 2023", "20231101",
                                  " 2023-11-01 "])
def test_the_three_date_forms(text: str) -> None:
    assert parse_date(text) == date(2023, 11, 1)
    values, issues = check_record(changed({"event_date": text}))
    assert issues == []
    assert values["event_date"] == date(2023, 11, 1)


def test_typed_dates_are_accepted() -> None:
    assert parse_date(date(2023, 11, 1)) == date(2023, 11, 1)
    assert parse_date(datetime(2023, 11, 1, 12, 30)) == date(2023, 11, 1)
    assert check_record(changed({"event_date": date(2023, 11, 1)}))[0]["event_date"] == date(2023, 11, 1)


@pytest.mark.parametrize("text", ["2023-13-01", "2023-11-31", "1 Nov 2023", "11/01/2023", "20231301", ""])
def test_unreadable_dates(text: str) -> None:
    assert parse_date(text) is None
    assert parse_date(20231101) is None


@pytest.mark.parametrize("inter1", ["State forces", "state forces", 1, "1", "Government or mutinous force"])
def test_inter1_forms(inter1: object) -> None:
    values, issues = check_record(changed({"inter1": inter1}))
    assert issues == []
    assert values["inter1"] == 1


@pytest.mark.parametrize("inter2", ["", 0, "0", None])
def test_inter2_blank_forms_without_actor2(inter2: object) -> None:
    values, issues = check_record(changed({**AIR_STRIKE, "actor2": "", "inter2": inter2, "interaction": 10}))
    assert issues == []
    assert values["inter2"] is None


@pytest.mark.parametrize("interaction", ["State forces-Rebel group", "State forces\u2013Rebel group",
                                         "State forces \u2013 Rebel group", "state forces - rebel group", 12, "12"])
def test_interaction_forms(interaction: object) -> None:
    values, issues = check_record(changed({"interaction": interaction}))
    assert issues == []
    assert values["interaction"] == 12


def test_interaction_puts_the_smaller_code_first() -> None:
    values, issues = check_record(changed({"inter1": "Rebel group", "inter2": "State forces"}))
    assert issues == []
    assert values["interaction"] == 12
    assert codes(check_record(changed({"inter1": 2, "inter2": 1, "interaction": 21}))[1]) == ["unknown-interaction"]


def test_civilian_targeting_is_a_flag() -> None:
    values, issues = check_record(changed({**ATTACK, "inter2": "Civilians", "interaction": 17,
                                           "civilian_targeting": "Civilians targeted"}))
    assert issues == []
    assert values["civilian_targeting"] is True
    assert check_record(BASE)[0]["civilian_targeting"] is False


def test_annotations_are_not_unknown_fields() -> None:
    assert check_record(changed({"rationale": "why", "evidence": "quote", "review": "check"}))[1] == []


def test_every_sub_event_type_derives_its_parent_and_disorder_type() -> None:
    cb = acled_codebook()
    for sub in cb.sub_event_types:
        changes = {"sub_event_type": sub.name, "event_type": DROP, "disorder_type": DROP}
        if sub.actor2_category is not None:
            changes.update(inter2=sub.actor2_category, interaction=cb.interaction_code(1, sub.actor2_category))
        values, issues = check_record(changed(changes))
        assert issues == [], sub.name
        assert (values["event_type"], values["disorder_type"]) == (sub.event_type, sub.disorder_type)


def test_real_acled_rows(shared_data: Path) -> None:
    """ACLED's own 2022 sample: the only broken rule is the known 'Demostrations' typo (SOURCES.md)."""
    found: Counter[str] = Counter()
    typo_rows = 0
    with (shared_data / "acled_2022_sample.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            issues = check_record(row)[1]
            found.update(codes(issues))
            typo = row["disorder_type"] == "Demostrations"
            typo_rows += typo
            assert codes(issues) == (["unknown-disorder-type"] if typo else []), row["event_id_cnty"]
    assert typo_rows == 4978
    assert found == Counter({"unknown-disorder-type": 4978})


@pytest.mark.parametrize(("field", "text", "code"), [
    ("fatalities", "\u0663", "not-an-integer"),          # Arabic-Indic three
    ("inter1", "\u00b2", "unknown-actor-category"),      # superscript two
    ("interaction", "\u0661\u0662", "unknown-interaction"),
    ("event_date", "\u0660\u0661 November 2023", "bad-date"),
    ("event_id_cnty", "MMR\u0661", "bad-event-id"),
])
def test_only_ascii_digits_are_numbers(field: str, text: str, code: str) -> None:
    """Python reads many scripts' digits as numbers; ACLED's fields hold ASCII digits, so others are errors."""
    _, issues = check_record(changed({field: text}))
    assert [(issue.code, issue.field) for issue in issues] == [(code, field)]
