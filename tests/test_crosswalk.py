"""The ACLED -> CAMEO/PLOVER crosswalk: complete, every code it names exists, load checks, and projections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given

from eventcode.cameo import cameo_codebook, check_actor_code
from eventcode.codebook import acled_codebook
from eventcode.crosswalk import UNKNOWN_STATE, crosswalk, load_crosswalk, to_cameo, to_plover
from eventcode.errors import CodebookError
from eventcode.events import Event
from eventcode.plover import plover_codebook, plover_event_schema
from eventcode.testing import events

CODEBOOK = Path(__file__).resolve().parents[1] / "codebooks" / "crosswalk.yaml"
VALIDATOR = jsonschema.Draft202012Validator(plover_event_schema(),
                                            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_every_acled_sub_event_type_and_actor_category_once() -> None:
    cw, acled = crosswalk(), acled_codebook()
    assert sorted(m.acled for m in cw.sub_event_types) == sorted(s.name for s in acled.sub_event_types)
    assert sorted(a.inter for a in cw.actor_categories) == [c.code for c in acled.actor_categories]


def test_every_code_named_exists_and_each_entry_has_a_rationale() -> None:
    cw, cameo, plover = crosswalk(), cameo_codebook(), plover_codebook()
    for mapping in cw.sub_event_types:
        assert mapping.rationale
        assert all(code in cameo.event_codes for code in mapping.cameo), mapping.acled
        if mapping.plover is not None:
            event_type = plover.event_type(mapping.plover.event)
            assert set(mapping.plover.mode) <= event_type.mode_names
            assert all(c in plover.context_registry for c in mapping.plover.context)
    for default in cw.actor_categories:
        assert default.rationale
        assert default.role in cameo.actors.role_registry


def test_no_equivalent_means_review_never_a_fallback_code() -> None:
    without = [m for m in crosswalk().sub_event_types if not m.cameo]
    assert [m.acled for m in without] == ["Change to group/activity", "Disrupted weapons use", "Other"]
    assert all(m.review and m.plover is None for m in without)


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CODEBOOK.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["sub_event_types"][2].update(cameo=["1999"]), "unknown CAMEO event code"),
    (lambda d: d["sub_event_types"][2].update(acled="Armed clashes"), "unknown ACLED sub-event type"),
    (lambda d: d["sub_event_types"].pop(0), "without a mapping"),
    (lambda d: d["sub_event_types"].append(dict(d["sub_event_types"][0])), "duplicate sub-event type"),
    (lambda d: d["sub_event_types"][2]["plover"].update(mode=["riot"]), "is not a mode of ASSAULT"),
    (lambda d: d["sub_event_types"][2]["plover"].update(event="FIGHT"), "unknown PLOVER event type"),
    (lambda d: d["sub_event_types"][0].pop("table_deviation"), "without a table_deviation"),
    (lambda d: next(m for m in d["sub_event_types"] if m["acled"] == "Other").pop("review"), "without a review"),
    (lambda d: d["actor_categories"].pop(0), "without a default"),
    (lambda d: d["actor_categories"][0].update(role="ARM"), "unknown CAMEO role"),
    (lambda d: d["name_rules"][0].update(role="ARM"), "unknown CAMEO role"),
])
def test_load_checks(change: Any, message: str, tmp_path: Path) -> None:
    raw = _raw()
    change(raw)
    path = tmp_path / "crosswalk.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(CodebookError, match=message):
        load_crosswalk(path)


RECORD: dict[str, Any] = {
    "event_id_cnty": "MMR1", "event_date": "2023-11-01", "time_precision": 1, "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Myanmar (2021-)", "inter1": "State forces",
    "actor2": "KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "inter2": "Rebel group",
    "country": "Myanmar", "location": "Laiza", "latitude": 24.7561, "longitude": 97.5505, "geo_precision": 1,
    "fatalities": 2, "notes": "Air strike on Laiza.", "source": "Irrawaddy",
}


def test_cameo_projection_of_an_air_strike() -> None:
    cameo = to_cameo(Event.from_record(RECORD))
    assert cameo.actor1.code == "MMRMIL"
    assert cameo.actor2 is not None
    assert cameo.actor2.code == "MMRREB"
    assert cameo.event_code is not None
    assert (cameo.event_code.code, cameo.event_code.goldstein, cameo.event_code.quad_class) == ("195", -10.0, 4)
    assert cameo.review == ()


@pytest.mark.parametrize(("name", "inter", "code"), [
    ("Police Forces of Myanmar (2021-)", "State forces", "MMRCOP"),
    ("Government of Myanmar (2021-)", "State forces", "MMRGOV"),
    ("Military Forces of China", "External/Other forces", "CHNMIL"),
    ("Civilians (China)", "Civilians", "CHNCVL"),
    ("Protesters (Myanmar)", "Protesters", "MMRCVL"),
    ("PDF: People's Defense Force", "Rebel group", "MMRREB"),
    ("Pyu Saw Htee", "Political militia", "MMRUAF"),
])
def test_actor_roles_by_name_rule_or_category(name: str, inter: str, code: str) -> None:
    cameo = to_cameo(Event.from_record({**RECORD, "actor2": name, "inter2": inter}))
    assert cameo.actor2 is not None
    assert cameo.actor2.code == code


def test_an_unnamed_foreign_state_is_marked_for_review() -> None:
    cameo = to_cameo(Event.from_record({**RECORD, "actor2": "Unidentified Armed Forces (International)",
                                        "inter2": "External/Other forces"}))
    assert cameo.actor2 is not None
    assert cameo.actor2.country == UNKNOWN_STATE
    assert any("not known" in note for note in cameo.review)
    record = to_plover(Event.from_record({**RECORD, "actor2": "Unidentified Armed Forces (International)",
                                          "inter2": "External/Other forces"}))
    assert "code" not in record["recipient"][0]
    assert "Review" in record["comment"]


def test_plover_record_of_an_air_strike() -> None:
    record = to_plover(Event.from_record(RECORD))
    assert record["event"] == ["ASSAULT"]
    assert record["mode"] == ["heavy-weapons"]
    assert record["quad_code"] == 4
    assert record["actor"] == [{"code": "MMR", "actor_text": RECORD["actor1"], "sector": "MIL"}]
    assert record["event_loc"]["cc3"] == "MMR"
    assert record["event_loc"]["country code"] == "MM"
    assert record["size"] == {"dead": 2}
    assert record["event_text"] == ["Air strike on Laiza."]
    assert list(VALIDATOR.iter_errors(record)) == []


def test_inexact_date_and_place_are_stated_in_the_comment() -> None:
    record = to_plover(Event.from_record({**RECORD, "time_precision": 2, "geo_precision": 3}))
    assert "time_precision 2" in record["comment"]
    assert "geo_precision 3" in record["comment"]
    assert "comment" not in to_plover(Event.from_record(RECORD))


def test_no_equivalent_gives_no_code_and_a_record_without_event() -> None:
    event = Event.from_record({**RECORD, "sub_event_type": "Change to group/activity", "actor2": "", "inter2": ""})
    assert to_cameo(event).event_code is None
    record = to_plover(event)
    assert record["has_event"] is False
    assert "event" not in record
    assert "comment" in record
    assert list(VALIDATOR.iter_errors(record)) == []


@given(events())
def test_every_valid_event_projects_to_a_valid_plover_record_and_well_formed_actor_codes(event: Event) -> None:
    record = to_plover(event)
    assert list(VALIDATOR.iter_errors(record)) == []
    cameo = to_cameo(event)
    for actor in filter(None, (cameo.actor1, cameo.actor2)):
        assert [p for p in check_actor_code(actor.code) if p.code != "actor-role-order"] == []
    assert (cameo.event_code is None) == (record.get("has_event") is False)
