"""The world actor dictionary (codebooks/coder/actors.yaml): state forces named by the period in force on the
event's date, country adjectives for every ACLED country, and the main named armed groups with ACLED's names and
categories; and the invariants the dictionary keeps."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from datetime import date

import pytest

from eventcode import code_text
from eventcode.codebook import acled_codebook
from eventcode.coder.actors import find_actors, government, state_force
from eventcode.coder.codebook import actors


@pytest.mark.parametrize(("country", "day", "military"), [
    ("Nigeria", date(2008, 6, 1), "Military Forces of Nigeria (1999-2015)"),
    ("Nigeria", date(2016, 6, 1), "Military Forces of Nigeria (2015-2023)"),
    ("Nigeria", date(2024, 6, 1), "Military Forces of Nigeria (2023-)"),
    ("Kenya", date(2008, 6, 1), "Military Forces of Kenya (2002-2013)"),
    ("Kenya", date(2016, 6, 1), "Military Forces of Kenya (2013-2022)"),
    ("Kenya", date(2024, 6, 1), "Military Forces of Kenya (2022-)"),
    ("Somalia", date(2016, 6, 1), "Military Forces of Somalia (2012-2017)"),
    ("Somalia", date(2020, 6, 1), "Military Forces of Somalia (2017-2022)"),
    ("Somalia", date(2024, 6, 1), "Military Forces of Somalia (2022-)"),
    ("Myanmar", date(2008, 6, 1), "Military Forces of Myanmar (1988-2011)"),
    ("Myanmar", date(2016, 6, 1), "Military Forces of Myanmar (2016-2021)"),
    ("Mali", date(2016, 6, 1), "Military Forces of Mali (2013-2020)"),
    ("Mali", date(2021, 1, 1), "Military Forces of Mali (2020-2021)"),
    ("Ethiopia", date(2016, 6, 1), "Military Forces of Ethiopia (1991-2018)"),
    ("Democratic Republic of Congo", date(2016, 6, 1),
     "Military Forces of the Democratic Republic of Congo (2001-2019)"),
    ("Afghanistan", date(2016, 6, 1), "Military Forces of Afghanistan (2014-2021)"),
    ("Afghanistan", date(2024, 6, 1), "Military Forces of Afghanistan (2021-)"),
])
def test_a_state_force_is_named_by_the_period_in_force_on_the_day(country: str, day: date, military: str) -> None:
    assert state_force(country, "military", day) == (military, "")
    assert state_force(country, "police", day) == (military.replace("Military", "Police"), "")
    assert government(country, day) == (military.replace("Military Forces", "Government"), "")


def test_a_period_changes_on_the_day_the_new_government_took_office() -> None:
    assert state_force("Nigeria", "police", date(2023, 5, 28))[0] == "Police Forces of Nigeria (2015-2023)"
    assert state_force("Nigeria", "police", date(2023, 5, 29))[0] == "Police Forces of Nigeria (2023-)"


def test_a_date_outside_every_period_is_flagged_for_review() -> None:
    name, review = state_force("Nigeria", "military", date(1990, 1, 1))
    assert name.startswith("Military Forces of Nigeria")
    assert "not in the dictionary" in review


def test_a_sentence_names_the_state_force_of_its_events_period() -> None:
    for day, name in ((date(2009, 3, 2), "Military Forces of Nigeria (1999-2015)"),
                      (date(2019, 3, 2), "Military Forces of Nigeria (2015-2023)")):
        found = find_actors("Nigerian troops repelled an attack on their base.", "Nigeria", day)
        assert [(m.name, m.inter) for m in found] == [(name, 1)]


def test_state_force_periods_do_not_overlap_and_name_acled_countries() -> None:
    countries = {c.name for c in acled_codebook().country_registry}
    periods: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for force in actors().state_forces:
        assert force.country in countries
        for name in (force.military, force.police):
            # "Military Forces of [the ]<country> (<from>-[<until>])", the years those of from/until when given
            match = re.fullmatch(r"(?:Military|Police) Forces of (?:the )?(.+) \((\d{4})-(\d{4})?\)", name)
            assert match is not None, name
            assert match.group(1) == force.country, name
            if force.start is not None:
                assert int(match.group(2)) == force.start.year, name
            if force.until is not None:
                assert match.group(3) is not None, name
                assert int(match.group(3)) == force.until.year, name
        periods[force.country].append((force.start or date.min, force.until or date.max))
    for country, spans in periods.items():
        spans.sort()
        for (_, until), (start, _) in itertools.pairwise(spans):
            assert until < start, country


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Kenyan soldiers killed two Al-Shabaab fighters in Lamu on Monday.", "Kenya",
     [("Military Forces of Kenya (2022-)", 1), ("Al Shabaab", 2)]),
    ("Kenyan soldiers killed two Al-Shabaab fighters near Kismayo on Monday.", "Somalia",
     [("Military Forces of Kenya (2022-)", 8), ("Al Shabaab", 2)]),
    ("Burkinabe soldiers and Nigerien troops repelled an attack.", "Mali",
     [("Military Forces of Burkina Faso (2022-)", 8), ("Military Forces of Niger (2023-)", 8)]),
    ("Ghanaian police arrested two suspects.", "Ghana", [("Police Forces of Ghana (2017-)", 1)]),
    ("Ivorian troops deployed to the border.", "Burkina Faso", [("Military Forces of the Ivory Coast (2011-)", 8)]),
])
def test_every_acled_countrys_adjective_names_its_forces(text: str, country: str,
                                                          expected: list[tuple[str, int]]) -> None:
    found = find_actors(text, country, date(2024, 3, 4))
    assert [(m.name, m.inter) for m in found if m.inter != 7] == expected


def test_every_acled_country_has_an_entry_in_demonyms() -> None:
    assert set(actors().demonyms) == {c.name for c in acled_codebook().country_registry}


def test_a_country_name_that_is_also_another_countrys_place_is_no_adjective() -> None:
    """ "Georgia police" in the United States are a US state's police, not Georgia's forces abroad."""
    found = find_actors("Georgia police arrested two men in Atlanta.", "United States", date(2022, 5, 3))
    assert ("Police Forces of the United States (2021-2025)", 1) in [(m.name, m.inter) for m in found]
    assert all("Georgia" not in m.name for m in found)


@pytest.mark.parametrize(("text", "country", "day", "expected"), [
    ("Taliban fighters attacked a checkpoint in Kunduz.", "Afghanistan", date(2019, 5, 1), ("Taliban", 2)),
    ("Taliban fighters searched houses in Kunduz.", "Afghanistan", date(2023, 5, 1),
     ("Military Forces of Afghanistan (2021-)", 1)),
    ("Boko Haram attacked Gwoza.", "Nigeria", date(2015, 6, 1), ("Boko Haram - Wilayat Gharb Ifriqiyyah", 2)),
    ("Boko Haram attacked Gwoza.", "Nigeria", date(2019, 6, 1),
     ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2)),
    ("Al Shabaab insurgents attacked Mocimboa da Praia.", "Mozambique", date(2021, 3, 1),
     ("Islamist Militia (Mozambique)", 3)),
    ("Islamic State in the Greater Sahara fighters attacked Menaka.", "Mali", date(2020, 2, 1),
     ("Islamic State (Greater Sahara)", 2)),
    ("ISGS fighters attacked Menaka.", "Mali", date(2023, 2, 1), ("Islamic State (Sahel)", 2)),
    ("ISKP claimed the bombing.", "Afghanistan", date(2023, 5, 1), ("Islamic State (Afghanistan)", 2)),
    ("Hezbollah fired rockets at an Israeli position.", "Lebanon", date(2023, 11, 1), ("Hezbollah", 3)),
    ("Abu Sayyaf militants abducted two fishermen.", "Philippines", date(2018, 2, 1), ("ASG: Abu Sayyaf", 2)),
    ("LNA forces shelled Tripoli.", "Libya", date(2019, 5, 1), ("Military Forces of Libya (2014-) Haftar Faction", 1)),
    ("Dozo hunters attacked a village.", "Burkina Faso", date(2019, 2, 1), ("Dozo Communal Militia (Burkina Faso)", 4)),
    ("Members of the Cartel del Noreste shot two police officers.", "Mexico", date(2022, 2, 1),
     ("CDN: Cartel del Noreste", 3)),
    ("RSF fighters shelled El Fasher.", "Sudan", date(2024, 5, 1), ("Rapid Support Forces", 2)),
    ("Suspected insurgents shot dead a village headman in Pattani.", "Thailand", date(2019, 5, 1),
     ("Malay Muslim Separatists (Thailand)", 2)),
    ("Murle armed youths raided a cattle camp in Duk.", "South Sudan", date(2022, 5, 1),
     ("Murle Ethnic Militia (South Sudan)", 4)),
    ("The LRA abducted 12 people near Obo.", "Central African Republic", date(2010, 5, 1),
     ("LRA: Lords Resistance Army", 2)),
    ("Somaliland forces clashed with clan militias near Las Anod.", "Somalia", date(2023, 2, 6),
     ("Military Forces of Somaliland (1991-)", 1)),
    ("Jubaland forces repelled an Al Shabaab attack near Kismayo.", "Somalia", date(2020, 2, 6),
     ("Military Forces of Somalia (2017-2022) Jubaland Security Force", 1)),
    ("Militants of the Lashkar-e-Toiba attacked an army camp in Uri.", "India", date(2016, 9, 18),
     ("LeT: Lashkar-e-Taiba", 2)),
    ("Regime forces clashed with rebel and Islamist factions on the Ruwaiha frontline.", "Syria", date(2020, 5, 4),
     ("Opposition Rebels (Syria)", 2)),
    ("Coalition Forces brought reinforcements to the Qasruk base.", "Syria", date(2020, 5, 2),
     ("Global Coalition Against Daesh", 8)),
    ("Coalition forces fired artillery at Houthi positions in Hays.", "Yemen", date(2020, 5, 2),
     ("Operation Restoring Hope", 8)),
])
def test_the_main_armed_groups_have_acleds_name_category_and_period(text: str, country: str, day: date,
                                                                    expected: tuple[str, int]) -> None:
    assert expected in [(m.name, m.inter) for m in find_actors(text, country, day)]


def test_a_named_actor_whose_required_words_are_longer_wins_over_a_shorter_one() -> None:
    """ "Taliban intelligence forces" are the Taliban's intelligence service, though the Taliban's own pattern,
    with its optional words, is the longer pattern."""
    found = find_actors("Taliban intelligence forces detained a journalist in Kabul.", "Afghanistan",
                        date(2022, 5, 3))
    assert found[0].name == "Police Forces of Afghanistan (2021-) General Directorate of Intelligence"


def test_named_actors_have_acled_categories_countries_and_ordered_periods() -> None:
    codes = {c.code for c in acled_codebook().actor_categories}
    countries = {c.name for c in acled_codebook().country_registry}
    for entry in actors().named:
        assert entry.inter in codes, entry.name
        assert not entry.country or entry.country in countries, entry.name
        assert entry.start is None or entry.until is None or entry.start <= entry.until, entry.name


@pytest.mark.parametrize("text", [
    "Boko Haram (JAS) or ISWAP militants attacked the village of Moranti.",
    "Boko Haram/ ISWAP militants attacked the village of Moranti.",
])
def test_two_armed_groups_told_as_either_are_one_doer_named_as_acled_names_it(text: str) -> None:
    (doer,) = find_actors(text, "Nigeria", date(2019, 5, 11))
    assert (doer.name, doer.inter) == ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad and/or Islamic "
                                       "State (West Africa)", 2)
    assert "either" in doer.review


def test_two_names_of_one_group_are_one_doer() -> None:
    (doer,) = find_actors("KNU / KNLA fighters ambushed a convoy.", "Myanmar", date(2022, 1, 10))
    assert doer.name == "KNU/KNLA: Karen National Union/Karen National Liberation Army"


@pytest.mark.parametrize(("text", "country", "unit"), [
    ("Rapid Action Battalion personnel shot a man in Rampur.", "Bangladesh", "Rapid Action Battalion"),
    ("RAB members shot a man in Rampur.", "Bangladesh", "Rapid Action Battalion"),
    ("Sindh Rangers shot a man in Rampur.", "Pakistan", "Rangers"),
    ("Frontier Corps personnel shot a man in Rampur.", "Pakistan", "Frontier Corps"),
    ("The CTD shot a man in Rampur.", "Pakistan", "Counter Terrorism Department"),
    ("Armed Police Force personnel shot a man in Rampur.", "Nepal", "Armed Police Force"),
    ("Special Task Force personnel shot a man in Rampur.", "India", "Special Task Force"),
    ("SSB personnel shot a man in Rampur.", "India", "Sashastra Seema Bal"),
])
def test_south_asian_police_and_paramilitary_units_are_the_countrys_police(text: str, country: str, unit: str) -> None:
    police, _review = state_force(country, "police", date(2016, 6, 1))
    first = find_actors(text, country, date(2016, 6, 1))[0]
    assert (first.name, first.inter) == (f"{police} {unit}", 1)


def test_hizbul_mujahideen_is_named_by_its_acronym_and_unhyphenated() -> None:
    for text in ("HM militants attacked soldiers in Rampur.", "Hizbul Mujahideen militants attacked soldiers."):
        assert find_actors(text, "India", date(2016, 6, 1))[0].name == "HM: Hizb-ul-Mujahideen"


@pytest.mark.parametrize(("day", "name", "inter"), [
    (date(2015, 6, 1), "KIA: Kachin Independence Army", 3),
    (date(2022, 6, 1), "KIO/KIA: Kachin Independence Organization/Kachin Independence Army", 2),
])
def test_myanmars_ethnic_armies_are_named_and_coded_as_acled_did_in_the_year(day: date, name: str,
                                                                              inter: int) -> None:
    first = find_actors("KIA troops clashed with the Tatmadaw near Laiza.", "Myanmar", day)[0]
    assert (first.name, first.inter) == (name, inter)


@pytest.mark.parametrize(("text", "name"), [
    ("Five militants belonging to Al Qaida in the subcontinent were killed by police in Rampur.",
     "AQIS: Al Qaeda in the Indian Subcontinent"),
    ("Nine militants belonging to the United Baloch Army were killed in Rampur.", "UBA: United Baloch Army"),
    ("Fighters affiliated with the Baloch Liberation Army attacked a checkpoint.", "BLA: Baloch Liberation Army"),
])
def test_militants_belonging_to_a_named_group_are_that_group(text: str, name: str) -> None:
    first = find_actors(text, "Pakistan", date(2016, 6, 1))[0]
    assert (first.name, first.inter) == (name, 2)


def test_puntlands_dervish_force_is_puntlands_military() -> None:
    """ACLED names it among the state's forces ("Military Forces of Somalia (2022-) Puntland Dervish Force")."""
    event = code_text("On 5 May 2020, Puntland Dervish forces ambushed an Islamic State base near Af-Urur village in "
                      "Bari. One militant was killed.", published=date(2020, 5, 5), country="Somalia")[0]
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == (
        "Armed clash", "Military Forces of Puntland (1998-)", 12)
