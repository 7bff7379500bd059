"""The Event model: construction from typed or text values, derived fields, InvalidEvent with codes, frozen."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from pydantic import ValidationError
from test_rules import BASE

from eventcode import Event, EventcodeError, InvalidEvent
from eventcode.codebook import acled_codebook
from eventcode.testing import acled_records, events

DERIVED = ("year", "event_type", "disorder_type", "interaction", "iso", "region")


def test_event_from_a_record() -> None:
    event = Event.from_record(BASE)
    assert event.event_date == date(2023, 11, 1)
    assert (event.inter1, event.inter2, event.interaction) == (1, 2, 12)
    assert (event.inter1_label, event.inter2_label, event.interaction_text) == (
        "State forces", "Rebel group", "State forces-Rebel group")
    assert event.latitude == 24.7561
    assert event.civilian_targeting is False
    assert event.timestamp == 1699000000


def test_event_from_typed_values_derives_what_acled_derives() -> None:
    event = Event.model_validate({
        "event_id_cnty": "MMR1", "event_date": date(2023, 11, 1), "time_precision": 1,
        "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Myanmar (2021-)", "inter1": 1,
        "country": "Myanmar", "location": "Laiza", "latitude": 24.7561, "longitude": 97.5505, "geo_precision": 1,
        "fatalities": 0})
    assert event.year == 2023
    assert (event.event_type, event.disorder_type) == ("Explosions/Remote violence", "Political violence")
    assert (event.inter2, event.interaction, event.interaction_text) == (None, 10, "State forces only")
    assert event.inter2_label == ""
    assert (event.iso, event.region) == (104, "Southeast Asia")
    assert (event.actor2, event.notes, event.tags, event.timestamp) == ("", "", "", None)


def test_annotations_are_dropped() -> None:
    event = Event.from_record({**BASE, "rationale": "the report says so", "review": "check the date"})
    assert event == Event.from_record(BASE)
    assert "rationale" not in event.model_dump()


def test_invalid_event_carries_every_issue() -> None:
    with pytest.raises(InvalidEvent) as caught:
        Event.from_record({**BASE, "sub_event_type": "Air strike", "fatalities": -1})
    error = caught.value
    assert isinstance(error, EventcodeError)
    assert sorted(issue.code for issue in error.issues) == ["fatalities-negative", "unknown-sub-event-type"]
    sub = next(issue for issue in error.issues if issue.field == "sub_event_type")
    assert (sub.value, sub.hint) == ("Air strike", "Air/drone strike")
    assert "[unknown-sub-event-type]" in str(error)
    assert "did you mean 'Air/drone strike'" in str(error)


@pytest.mark.parametrize(("changes", "code"), [
    ({"inter1": 0}, "unknown-actor-category"),
    ({"latitude": "north"}, "not-a-number"),
    ({"event_date": "yesterday"}, "bad-date"),
    ({"location": None}, "missing-value"),
    ({"actor3": "x"}, "unknown-field"),
])
def test_wrong_values_raise_invalid_event_not_a_pydantic_error(changes: dict[str, Any], code: str) -> None:
    with pytest.raises(InvalidEvent) as caught:
        Event(**{**BASE, **changes})
    assert [issue.code for issue in caught.value.issues] == [code]


def test_event_is_frozen() -> None:
    event = Event.from_record(BASE)
    with pytest.raises(ValidationError):
        event.fatalities = 10
    assert hash(event) == hash(Event.from_record(BASE))


def test_event_has_the_31_acled_fields() -> None:
    assert tuple(Event.model_fields) == acled_codebook().columns


@given(acled_records(inter="any"))
def test_derived_fields_equal_given_ones(record: dict[str, Any]) -> None:
    """Leaving out what ACLED derives gives the same event as stating it."""
    trimmed = {key: value for key, value in record.items() if key not in DERIVED}
    assert Event.from_record(trimmed) == Event.from_record(record)


@given(acled_records(inter="text"))
def test_text_and_numeric_inter_forms_give_the_same_event(record: dict[str, Any]) -> None:
    event = Event.from_record(record)
    numeric = {**record, "inter1": event.inter1, "inter2": event.inter2 or 0, "interaction": event.interaction}
    assert Event.from_record(numeric) == event


@given(events())
def test_an_event_rebuilds_from_its_own_values(event: Event) -> None:
    assert Event(**event.model_dump()) == event
    assert Event.model_validate_json(event.model_dump_json()) == event
