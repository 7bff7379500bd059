"""The incident coder's actor conventions (ACLED's categories and one- vs two-sided events), each on an invented
sentence."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventcode import code_text

DAY = date(2022, 5, 3)


def first(text: str, country: str) -> dict[str, Any]:
    events = code_text(text, published=DAY, country=country)
    assert events, text
    return events[0]


def test_a_violent_demonstration_that_hurts_no_one_has_no_actor2() -> None:
    event = first("On 3 May 2022, demonstrators burned tyres on a road in Kampala to protest against a driver who "
                  "had hit a child.", "Uganda")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Violent demonstration", "", 50)


def test_a_violent_demonstration_that_attacks_people_names_them_actor2() -> None:
    event = first("On 3 May 2022, demonstrators burned tyres on a road in Kampala and beat up a driver who tried "
                  "to pass.", "Uganda")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == \
        ("Violent demonstration", "Civilians (Uganda)", 57)


def test_mob_violence_with_no_victim_named_is_against_civilians() -> None:
    event = first("On 3 May 2022, an angry mob set fire to a shop in Gulu.", "Uganda")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == \
        ("Mob violence", "Civilians (Uganda)", 57)
    assert any(item["field"] == "actor2" for item in event["review"])
