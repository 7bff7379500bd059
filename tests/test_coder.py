"""The incident coder: each rule of the codebook-driven pipeline, the seed gold coding and real ACLED notes."""

from __future__ import annotations

import importlib
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcode import code_text
from eventcode.codebook import acled_codebook, load_model
from eventcode.coder import Coder, complete_event
from eventcode.coder import actors as coder_actors
from eventcode.coder import dates as coder_dates
from eventcode.coder import numbers as coder_numbers
from eventcode.coder import triggers as coder_triggers
from eventcode.coder.alternation import Guarded
from eventcode.coder.codebook import Lexicon, Numbers, load_gazetteer
from eventcode.coder.evaluate import evaluate_sample, evaluate_seeds, read_sample, split_of, without_labels
from eventcode.coder.triggers import find_triggers
from eventcode.errors import CodebookError, InvalidEvent, UnknownValueError
from eventcode.events import Event

ROOT = Path(__file__).resolve().parents[1]
MONDAY = date(2023, 11, 6)


def code(text: str, published: date = MONDAY, country: str = "Myanmar") -> list[dict[str, Any]]:
    return code_text(text, published=published, country=country)


def only(text: str, published: date = MONDAY, country: str = "Myanmar") -> dict[str, Any]:
    events = code(text, published, country)
    assert len(events) == 1, [e["sub_event_type"] for e in events]
    return events[0]


def reasons(record: dict[str, Any], field: str) -> list[str]:
    return [item["reason"] for item in record["review"] if item["field"] == field]


# Triggers, hierarchy and what makes no event

def test_hierarchy_air_and_ground_shelling_together_is_an_air_strike() -> None:
    event = only("On 1 November 2023, the junta shelled Laiza and carried out airstrikes on the town.")
    assert event["sub_event_type"] == "Air/drone strike"
    assert event["event_type"] == "Explosions/Remote violence"


@pytest.mark.parametrize("text", [
    "The military denied shelling Laiza on 1 November 2023.",
    "The KIA vowed to attack Myitkyina on 1 November 2023.",
    "He said the military would launch counterattacks against the KIA.",
    "The Brotherhood Alliance has occupied more than 120 junta positions since launching the operation on Oct. 27.",
    "“The junta shelled Laiza,” he said.",
    "The KIA has killed 120 junta soldiers so far.",
])
def test_negations_threats_aggregate_claims_and_quotes_make_no_event(text: str) -> None:
    not_coded: list[dict[str, Any]] = []
    assert Coder().code(text, MONDAY, "Myanmar", not_coded=not_coded) == []
    assert not_coded
    assert not_coded[0]["reason"]


def test_nobody_killed_is_no_killing() -> None:
    event = only("On 4 November 2023, junta troops torched 100 houses in Kani. Nobody was killed.", date(2023, 11, 6))
    assert (event["sub_event_type"], event["fatalities"]) == ("Looting/property destruction", 0)


def test_so_far_outside_a_tally_is_no_aggregate_claim() -> None:
    event = only("On 3 November 2023, parents protested in Laiza to complain that the school has not been repaired so "
                 "far.", date(2023, 11, 6))
    assert event["sub_event_type"] == "Peaceful protest"


def test_statements_are_coded_on_request() -> None:
    text = "“The junta shelled Laiza on 1 November 2023,” he said."
    assert code(text) == []
    events = code_text(text, published=MONDAY, country="Myanmar", statements=True)
    assert [e["sub_event_type"] for e in events] == ["Shelling/artillery/missile attack"]


def test_protests_about_a_killing_stay_peaceful() -> None:
    event = only("On 3 May 2022, students protested in Yangon against the killing of a teacher.", date(2022, 5, 3))
    assert event["sub_event_type"] == "Peaceful protest"
    assert (event["actor1"], event["interaction"], event["fatalities"]) == ("Protesters (Myanmar)", 60, 0)


def test_protesters_named_as_relatives_of_the_dead_stay_peaceful() -> None:
    event = only("On 3 May 2022, a protest was held in Yangon by parents of soldiers who died in the fighting.",
                 date(2022, 5, 3))
    assert (event["sub_event_type"], event["fatalities"]) == ("Peaceful protest", 0)


def test_an_arrest_whose_victim_vanished_is_a_forced_disappearance() -> None:
    text = "On 3 May 2022, soldiers arrested a man in Bamako. His whereabouts remain unknown."
    assert only(text, date(2022, 5, 3), "Mali")["sub_event_type"] == "Abduction/forced disappearance"
    plain = only("On 3 May 2022, soldiers arrested a man in Bamako.", date(2022, 5, 3), "Mali")
    assert plain["sub_event_type"] == "Arrests"


@pytest.mark.parametrize("means", ["carried out a bomb attack against", "ambushed with explosives"])
def test_a_bomb_attack_on_a_convoy_is_a_remote_explosive(means: str) -> None:
    event = only(f"On 3 May 2022, PDF fighters {means} a military convoy near Kani.", date(2022, 5, 3))
    assert event["sub_event_type"] == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("strike", ["air strikes", "a drone strike", "missile strikes"])
def test_a_strike_from_the_air_is_no_labour_strike(strike: str) -> None:
    event = only(f"On 3 May 2022, the military carried out {strike} in Kani. Houses were damaged.", date(2022, 5, 3))
    assert event["event_type"] == "Explosions/Remote violence"


def test_workers_on_strike_protest() -> None:
    event = only("On 3 May 2022, workers went on strike in Yangon to demand wages.", date(2022, 5, 3))
    assert event["sub_event_type"] == "Peaceful protest"


def test_people_arrested_but_not_named_are_civilians_for_review() -> None:
    event = only("On 3 May 2022, the military arrested three Rohingya in Sittwe.", date(2022, 5, 3))
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Arrests", "Civilians (Myanmar)", 17)
    assert reasons(event, "actor2") == ["actor2 is not named: coded as Civilians (Myanmar)"]


@pytest.mark.parametrize("verb", ["pursued", "repelled"])
def test_forces_that_pursue_or_repel_an_armed_group_fight_it(verb: str) -> None:
    event = code(f"On 9 January 2022, soldiers {verb} JNIM militants near Dapala. Three militants were killed.",
                 date(2022, 1, 9), "Burkina Faso")[0]
    assert (event["sub_event_type"], event["interaction"], event["fatalities"]) == ("Armed clash", 12, 3)


def test_forces_that_raid_and_arrest_hurting_no_one_make_arrests() -> None:
    raid = only("On 3 May 2022, soldiers raided a grocery store in Kani and arrested a woman.", date(2022, 5, 3))
    assert (raid["sub_event_type"], raid["interaction"]) == ("Arrests", 17)
    beaten = only("On 3 May 2022, soldiers raided a grocery store in Kani, beat the owner and arrested him.",
                  date(2022, 5, 3))
    assert beaten["sub_event_type"] == "Attack"


def test_forces_that_investigated_and_arrested_made_an_arrest_and_an_investigation_stays_a_topic() -> None:
    arrest = only("On 3 May 2022, soldiers investigated a house in Kani and arrested a miner.", date(2022, 5, 3))
    assert arrest["sub_event_type"] == "Arrests"
    protest = only("On 3 May 2022, residents protested in Kani to demand an investigation into the arrest and "
                   "killing of a miner.", date(2022, 5, 3))
    assert protest["sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "On 3 May 2022, the army opened fire at a JNIM militant near a checkpoint in Nara. The army used mortars.",
    "On 3 May 2022, the army carried out artillery strikes and ground operations against JNIM militants in Nara.",
])
def test_forces_that_fire_at_militants_or_move_on_the_ground_fight_them(text: str) -> None:
    assert code(text, date(2022, 5, 3), "Mali")[0]["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize(("text", "country", "sub_event_type"), [
    ("On 3 May 2022, the FARDC regains all M23 territory in Rutshuru.", "Democratic Republic of Congo",
     "Government regains territory"),
    ("On 3 May 2022, police found the body of a young man with a bullet in his head in Baghdad.", "Iraq", "Attack"),
    ("On 3 May 2022, Russian forces using Su-25 jets conducted strikes in Hirske.", "Ukraine", "Air/drone strike"),
])
def test_present_tense_regains_a_body_found_shot_and_jets(text: str, country: str, sub_event_type: str) -> None:
    assert code(text, date(2022, 5, 3), country)[0]["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text", [
    "On 3 May 2022, peacekeepers discovered and destroyed an IED near Gao.",
    "On 3 May 2022, soldiers defused a roadside bomb near Gao.",
    "On 3 May 2022, soldiers shot down a drone near Gao.",
])
def test_an_explosive_found_defused_or_shot_down_is_a_disrupted_weapon(text: str) -> None:
    assert code(text, date(2022, 5, 3), "Mali")[0]["sub_event_type"] == "Disrupted weapons use"


@pytest.mark.parametrize("text", [
    "On 3 May 2022, JNIM militants sabotaged a telecommunications antenna in Nadiagou.",
    "On 3 May 2022, JNIM militants burned a school in the village of Doaligou.",
    "On 3 May 2022, the Children of Fire carried out an arson attack in Istanbul, damaging a bus.",
    "On 3 May 2022, settlers uprooted and cut 17 olive trees near Kafr ad Dik.",
    "On 3 May 2022, IS Sahel militants seized cash and medicine in the village of Cewane.",
    "On 3 May 2022, militiamen rustled cattle from Nasko.",
])
def test_property_destroyed_or_taken_without_a_label_is_looting_or_destruction(text: str) -> None:
    assert code(text, date(2022, 5, 3), "Burkina Faso")[0]["sub_event_type"] == "Looting/property destruction"


def test_lethal_force_against_protesters() -> None:
    event = only("On 3 May 2022, police opened fire on protesters in Yangon, killing two.", date(2022, 5, 3))
    assert event["sub_event_type"] == "Excessive force against protesters"
    assert (event["actor2"], event["interaction"], event["fatalities"]) == (
        "Police Forces of Myanmar (2021-)", 16, 2)


def test_note_label_names_the_sub_event_type() -> None:
    event = only("Arrests: On 4 May 2022, in Yangon, soldiers detained three students.", date(2022, 5, 4))
    assert event["sub_event_type"] == "Arrests"
    assert event["actor1"] == "Military Forces of Myanmar (2021-)"


def test_an_attack_on_an_armed_group_is_an_armed_clash() -> None:
    event = only("On 1 November 2023, the KIA attacked a junta outpost near Laiza.")
    assert event["sub_event_type"] == "Armed clash"
    assert event["interaction"] == 12


# Actors

def test_junta_after_the_coup_and_tatmadaw_before_it() -> None:
    after = only("On 1 November 2023, junta troops shelled Laiza.")
    before = only("On 1 November 2019, the Tatmadaw shelled Laiza.", date(2019, 11, 4))
    assert after["actor1"] == "Military Forces of Myanmar (2021-)"
    assert before["actor1"] == "Military Forces of Myanmar (2016-2021)"


def test_violence_against_civilians_has_civilians_as_actor2_and_targeting() -> None:
    event = only("On 2 March 2022, unidentified gunmen shot dead a teacher in Bamako.", date(2022, 3, 2), "Mali")
    assert event["sub_event_type"] == "Attack"
    assert (event["actor1"], event["actor2"]) == ("Unidentified Armed Group (Mali)", "Civilians (Mali)")
    assert (event["interaction"], event["civilian_targeting"], event["fatalities"]) == (37, "Civilians targeted", 1)


def test_state_forces_abroad_are_external_forces() -> None:
    event = only("On 8 June 2022, Russian forces shelled Hirske, Luhansk. Casualties unknown.", date(2022, 6, 8),
                 "Ukraine")
    assert (event["actor1"], event["inter1"], event["interaction"]) == ("Military Forces of Russia (2000-)", 8, 80)


def test_an_unnamed_perpetrator_is_flagged_for_review() -> None:
    event = only("On 2 March 2022, a man was stabbed to death in Bamako.", date(2022, 3, 2), "Mali")
    assert event["actor1"] == "Unidentified Armed Group (Mali)"
    assert reasons(event, "actor1")


# Fatalities

@pytest.mark.parametrize(("text", "dead"), [
    ("On 2 March 2022, gunmen killed 4 villagers in Bamako.", 4),
    ("On 2 March 2022, gunmen killed three villagers and wounded seven in Bamako.", 3),
    ("On 2 March 2022, gunmen killed several villagers in Bamako.", 3),
    ("On 2 March 2022, gunmen killed eight men and one woman in Bamako.", 9),
    ("On 2 March 2022, gunmen attacked Bamako. Two villagers were killed. The two villagers were killed at home.", 2),
    ("On 2 March 2022, gunmen attacked a bus in Bamako. 5 fatalities.", 5),
    ("On 2 March 2022, gunmen attacked a bus in Bamako. There were no casualties.", 0),
    ("On 2 March 2022, gunmen attacked a bus in Bamako. Nobody was killed.", 0),
    ("On 2 March 2022, gunmen attacked a bus in Bamako. Unknown fatalities estimated as 10.", 10),
    ("On 2 March 2022, in Bamako, a man's body was found, killed by unknown gunmen.", 1),
    ("On 2 March 2022, gunmen attacked a bus in Bamako. A decomposed body was found near it.", 1),
    ("On 2 March 2022, unidentified assailants burnt alive two children in Bamako.", 2),
    ("On 2 March 2022, suspected herders killed between 8 to 12 people in Bamako.", 8),
    ("On 2 March 2022, a man, who suffered burn injuries when gunmen hurled a petrol bomb at his bus in Bamako "
     "at a checkpoint, died on the way to hospital.", 1),
    ("On 2 March 2022, gunmen attacked a police post in Bamako. The police received a death threat.", 0),
    ("On 2 March 2022, a 15 year old boy died after police fire in Bamako.", 1),
    ("Gunmen kill 4 villagers in Bamako on 2 March 2022.", 4),
    ("On 2 March 2022, gunmen in Bamako threatened to kill 4 villagers. They looted shops.", 0),
    ("On 2 March 2022, troops killed 8 militants in Bamako and Gao. Fatalities split over 2 locations (4).", 4),
    ("On 2 March 2022, gunmen killed 4 villagers in Bamako and booby-trapped a body with a mine.", 4),
    ("On 2 March 2022, gunmen attacked Bamako, killing 20. Fatalities split across ten events, coded as 2.", 2),
    ("On 2 March 2022, gunmen attacked Bamako, leading to the death of at least 23 and 15 missing.", 23),
    ("On 2 March 2022, a man was assaulted by gunmen in Bamako. The man succumbed to his injuries.", 1),
    ("On 2 March 2022, gunmen attacked a bus in Bamako. Three people, including a child, were killed.", 3),
    ("On 2 March 2022, gunmen killed a woman and her daughter in Bamako.", 2),
    ("On 2 March 2022, a man was killed in Bamako. Police recovered the body of the man from a well.", 1),
    ("On 2 March 2022, gunmen shot a trader in Bamako and killed another.", 1),
    ("On 2 March 2022, soldiers raided a camp near Bamako. Two militants belonging to the Macina faction of JNIM "
     "were killed.", 2),
    ("On 2 March 2022, gunmen shot dead a 50-year-old man and another man in Bamako.", 2),
    ("On 2 March 2022, soldiers and militants exchanged fire for 30 minutes and 5 soldiers died in Bamako.", 5),
    ("On 2 March 2022, the FLA clashed with the MNLA/CMA near Bamako, leading to the death of 3 MNLA/CMA and "
     "2 FLA fighters.", 5),
    ("On 2 March 2022, gunmen attacked Bamako. Eight persons, including four guards, one soldier and three gunmen "
     "were killed.", 8),
    ("On 2 March 2022, gunmen attacked a bus in Bamako. The group said it killed 100 soldiers. Two other sources "
     "reported one soldier was killed.", 1),
    # the sides of one event added up, however they are joined
    ("On 2 March 2022, gunmen killed 1 council member in addition to 3 of his guards in Bamako.", 4),
    ("On 2 March 2022, a roadside bomb in Bamako killed an official and two others.", 3),
    ("On 2 March 2022, four militants and a police Sub-Inspector were killed in an exchange of fire in Bamako.", 5),
    ("On 2 March 2022, soldiers repelled an attack in Bamako; 21 militants including 2 commanders and 4 soldiers "
     "were killed.", 25),
    # one victim told by a death word after the victim, or after a passive
    ("On 2 March 2022, gunmen shot a policeman dead in Bamako.", 1),
    ("On 2 March 2022, gunmen shot Traore, a trader, dead in Bamako.", 1),
    ("On 2 March 2022, soldiers tortured a villager to death in Bamako.", 1),
    ("On 2 March 2022, a thief carrying 11 goats was beaten to death by a mob in Bamako.", 1),
    ("On 2 March 2022, three men were stabbed to death in Bamako.", 3),
    ("On 2 March 2022, gunmen fatally shot a man in Bamako.", 1),
    ("On 2 March 2022, two men suspected of theft were fatally assaulted by residents in Bamako.", 2),
    ("On 2 March 2022, a missing aid worker was later found dead in Bamako.", 1),
    ("On 2 March 2022, gunmen attacked a bus in Bamako. The death toll rose to 12.", 12),
])
def test_fatalities(text: str, dead: int) -> None:
    assert only(text, date(2022, 3, 2), "Mali")["fatalities"] == dead


@pytest.mark.parametrize("harm", ["injured a shepherd", "maiming one boy", "wounding two labourers"])
def test_a_remote_attack_that_hurt_unarmed_people_targets_civilians(harm: str) -> None:
    event = only(f"On 2 March 2022, a landmine planted by unknown militants exploded in Bamako, {harm}.",
                 date(2022, 3, 2), "Mali")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Remote explosive/landmine/IED", "Civilians (Mali)", 37)


def test_vague_numbers_use_acled_values_from_the_codebook_and_ask_for_review() -> None:
    several = next(q.value for q in acled_codebook().fatalities.vague_quantities if "several" in q.words)
    event = only("On 2 March 2022, gunmen killed several villagers in Bamako.", date(2022, 3, 2), "Mali")
    assert event["fatalities"] == several
    assert reasons(event, "fatalities")


def test_injuries_are_evidence_not_fatalities() -> None:
    event = only("On 2 March 2022, gunmen wounded seven villagers in Bamako.", date(2022, 3, 2), "Mali")
    assert event["fatalities"] == 0
    assert [e["value"] for e in event["evidence"] if e["kind"] == "injuries"] == [7]


def test_the_injured_told_after_the_dead_are_not_added_to_them() -> None:
    event = only("On 2 March 2022, 2 policemen were killed and 3 were wounded in Bamako.", date(2022, 3, 2), "Mali")
    assert event["fatalities"] == 2
    assert [e["value"] for e in event["evidence"] if e["kind"] == "injuries"] == [3]


# Dates

@pytest.mark.parametrize(("text", "day", "precision"), [
    ("The junta shelled Laiza on Saturday.", "2023-11-04", 1),
    ("The junta shelled Laiza on Monday.", "2023-11-06", 1),
    ("The junta shelled Laiza yesterday.", "2023-11-05", 1),
    ("The junta shelled Laiza on October 31.", "2023-10-31", 1),
    ("Around 2 November 2023 (as reported), the junta shelled Laiza.", "2023-11-02", 2),
    ("The junta shelled Laiza between 1 and 3 November.", "2023-11-02", 2),
    ("The junta recently shelled Laiza.", "2023-11-02", 2),
    ("LAIZA, Nov 6 (Reuters) - The junta shelled Laiza on Saturday.", "2023-11-04", 1),
    ("MYITKYINA, Myanmar, 6 November 2023 (AP) - The junta shelled Laiza on Saturday.", "2023-11-04", 1),
])
def test_dates_relative_to_publication(text: str, day: str, precision: int) -> None:
    event = only(text)
    assert (event["event_date"], event["time_precision"]) == (day, precision)


@pytest.mark.parametrize("text", [
    # a day to come (dates.yaml future_days): before, last year's 4 December, so the protest was background
    "Teachers protested in Yangon to demand their salaries by December 4.",
    # the start of an ongoing condition (dates.yaml condition_starts)
    "Teachers protested in Yangon over salaries unpaid since August 2023.",
    # a year alone after "since" too
    "Teachers protested in Yangon over salaries unpaid since 2019.",
])
def test_a_day_to_come_or_the_start_of_a_condition_dates_no_event(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["event_date"], event["time_precision"]) == (
        "Peaceful protest", "2023-11-06", 2)


def test_a_later_day_stated_with_its_year_still_dates_what_followed() -> None:
    """Not a day to come: ACLED's notes tell what followed an event, on its own day."""
    events = Coder().code("On 5 March 2022, an off-duty prison guard was shot dead near Queimadas by armed men. One "
                          "of them was killed later in a clash with police forces on 12 July 2022 (coded "
                          "separately).", date(2022, 3, 5), "Brazil")
    assert [(e["event_date"], e["sub_event_type"]) for e in events] == [
        ("2022-03-05", "Attack"), ("2022-07-12", "Armed clash")]


def test_a_rally_since_a_day_began_that_day() -> None:
    event = only("Students have held a rally in Yangon since Saturday.")
    assert (event["event_date"], event["time_precision"]) == ("2023-11-04", 1)


def test_a_report_without_a_day_is_flagged() -> None:
    assert reasons(only("The junta shelled Laiza."), "event_date")


def test_two_days_in_one_sentence_are_two_events() -> None:
    events = code("The regime carried out airstrikes on Laiza on October 31 and November 1.")
    assert [e["event_date"] for e in events] == ["2023-10-31", "2023-11-01"]
    assert {e["sub_event_type"] for e in events} == {"Air/drone strike"}


def test_one_event_per_place_and_day() -> None:
    events = code("On 1 November 2023, the junta shelled Laiza. The shelling killed a resident of Laiza. "
                  "On 1 November 2023, junta troops shelled Bhamo.")
    assert [(e["location"], e["fatalities"]) for e in events] == [("Laiza", 1), ("Bhamo", 0)]


def test_a_later_death_belongs_to_the_event_before_it() -> None:
    event = only("On 13 February 2022, in Cuiaba, a suspected thief was beaten up by residents. The victim died on "
                 "15 February 2022. 1 fatality. [size=no report]", date(2022, 2, 13), "Brazil")
    assert (event["sub_event_type"], event["event_date"], event["fatalities"]) == ("Mob violence", "2022-02-13", 1)


def test_a_background_date_makes_no_event() -> None:
    event = only("On 3 March 2022, protesters gathered in Sochi against the war, which began on 24 February. Police "
                 "intervened, detaining 11 of them.", date(2022, 3, 3), "Russia")
    assert (event["sub_event_type"], event["event_date"]) == ("Protest with intervention", "2022-03-03")


def test_an_opening_sentence_with_no_event_gives_the_next_its_day_place_and_actors() -> None:
    event = only("On 3 March 2022, soldiers searched the bush near Bamako for JNIM militants. Three "
                 "militants were killed.", date(2022, 3, 7), "Mali")
    assert (event["event_date"], event["location"], event["sub_event_type"]) == ("2022-03-03", "Bamako", "Armed clash")
    assert (event["actor1"], event["actor2"], event["fatalities"]) == (
        "Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims", 3)


def test_words_of_mutual_fighting_make_a_battle_with_one_side_named() -> None:
    event = only("On 26 January 2022, an armed clash broke out between armed men in Temixco.", date(2022, 1, 26),
                 "Mexico")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Armed clash", "Unidentified Armed Group (Mexico)", "Unidentified Armed Group (Mexico)")
    assert reasons(event, "actor2")


def test_generic_militants_refer_back_to_the_named_group() -> None:
    event = only("On 10 February 2022, JNIM militants entered Bougui. The militants burned a school and killed a "
                 "teacher.", date(2022, 2, 10), "Burkina Faso")
    assert (event["actor1"], event["actor2"]) == ("JNIM: Group for Support of Islam and Muslims",
                                                   "Civilians (Burkina Faso)")


def test_a_peaceful_protest_kills_no_one() -> None:
    event = only("On 21 April 2022, 75 activists protested in Brussels. Two workers were killed in an accident there.",
                 date(2022, 4, 21), "Belgium")
    assert (event["sub_event_type"], event["fatalities"]) == ("Peaceful protest", 0)
    assert reasons(event, "fatalities")


def test_a_total_split_among_events_is_divided() -> None:
    event = only("On 11 April 2022, Russian forces shelled Vuhledar, Donetsk. Three civilians were killed "
                 "(3 fatalities split among 3 events).", date(2022, 4, 11), "Ukraine")
    assert event["fatalities"] == 1


# Places

def test_gazetteer_place_gives_admin_names_and_coordinates() -> None:
    event = only("On 1 November 2023, the junta shelled Laiza.")
    assert (event["admin1"], event["admin2"], event["admin3"]) == ("Kachin", "Myitkyina", "Waingmaw")
    assert (event["latitude"], event["longitude"], event["geo_precision"]) == (24.7561, 97.5505, 1)


def test_unknown_place_is_left_blank_for_review() -> None:
    event = only("On 1 November 2023, the junta shelled Hpa Yar village.")
    assert (event["location"], event["latitude"], event["geo_precision"]) == ("Hpa Yar", None, None)
    assert reasons(event, "location")
    assert isinstance(complete_event(event, "MMR1"), InvalidEvent)


@pytest.mark.parametrize("text", ["the settlements of Hpa Yar and Nam Kham Lone",
                                  "in Hpa Yar, Nam Kham Lone and Laiza"])
def test_each_name_of_a_list_of_places_is_a_place(text: str) -> None:
    names = [m.text for m in Coder().places.find(f"The junta shelled {text}.", "Myanmar")]
    assert names[:2] == ["Hpa Yar", "Nam Kham Lone"]


def test_an_area_is_coded_to_its_town_with_lower_precision() -> None:
    event = only("On 1 November 2023, the junta shelled villages in Waingmaw Township.")
    assert (event["location"], event["geo_precision"]) == ("Waingmaw", 2)


def test_an_event_across_the_border_is_coded_where_it_happened() -> None:
    event = only("One Chinese citizen was killed when an artillery shell fired by the regime missed its target in "
                 "Laiza and landed on the Chinese side of the border on Saturday.")
    assert (event["country"], event["location"], event["geo_precision"], event["iso"]) == ("China", "Nabang", 2, 156)
    assert (event["actor1"], event["inter1"], event["actor2"]) == (
        "Military Forces of Myanmar (2021-)", 8, "Civilians (China)")
    assert (event["event_date"], event["fatalities"]) == ("2023-11-04", 1)


def test_users_extend_the_gazetteer_with_their_own_file(tmp_path: Path) -> None:
    own = tmp_path / "mine.yaml"
    own.write_text("version: '1'\ncountry: Myanmar\nsources: [me]\nplaces:\n"
                   "  - {location: Maijayang, admin1: Kachin, admin2: Bhamo, admin3: Momauk, latitude: 24.3, "
                   "longitude: 97.6}\n", encoding="utf-8")
    event = code_text("On 1 November 2023, the junta shelled Maijayang.", published=MONDAY, country="Myanmar",
                      gazetteer=[own])[0]
    assert (event["location"], event["admin3"], event["latitude"]) == ("Maijayang", "Momauk", 24.3)


def test_a_broken_gazetteer_names_the_file_and_entry(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: '1'\ncountry: Myanmar\nsources: []\nplaces: []\n"
                   "areas:\n  - {names: [Nowhere Township], location: Nowhere, geo_precision: 2}\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"bad\.yaml.*Nowhere"):
        load_gazetteer(bad)


def test_a_lexicon_naming_an_unknown_sub_event_type_does_not_load(tmp_path: Path) -> None:
    source = (ROOT / "codebooks" / "coder" / "lexicon.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.yaml"
    broken.write_text(source.replace("  Armed clash:\n", "  Armed clasj:\n", 1), encoding="utf-8")
    with pytest.raises(CodebookError, match="Armed clasj"):
        load_model(broken, Lexicon)


def test_a_sole_actor_label_without_its_actor_does_not_load(tmp_path: Path) -> None:
    source = (ROOT / "codebooks" / "coder" / "lexicon.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.yaml"
    broken.write_text(source.replace("label_sole_actor: [Displacement]", "label_sole_actor: [Training]", 1),
                      encoding="utf-8")
    with pytest.raises(CodebookError, match="label_sole_actor: 'Training' has no label_actor1"):
        load_model(broken, Lexicon)


def test_a_communal_fight_names_three_known_cue_groups(tmp_path: Path) -> None:
    source = (ROOT / "codebooks" / "coder" / "lexicon.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.yaml"
    broken.write_text(source.replace("communal_fight: [communal_fight, fighting, crowd]",
                                     "communal_fight: [communal_fight, fights, crowd]", 1), encoding="utf-8")
    with pytest.raises(CodebookError, match="communal_fight: unknown cue group 'fights'"):
        load_model(broken, Lexicon)


@pytest.mark.parametrize(("line", "broken_line", "error"), [
    ("    state_implied_by: police_action", "    state_implied_by: police_actions",
     "state_implied_by: unknown cue group 'police_actions'"),
    ("report_wide_cues: [military_strike]", "report_wide_cues: [military_strikes]",
     "report_wide_cues: unknown cue group 'military_strikes'"),
])
def test_a_cue_group_named_by_a_rule_must_exist(tmp_path: Path, line: str, broken_line: str, error: str) -> None:
    source = (ROOT / "codebooks" / "coder" / "lexicon.yaml").read_text(encoding="utf-8")
    assert line in source
    broken = tmp_path / "lexicon.yaml"
    broken.write_text(source.replace(line, broken_line, 1), encoding="utf-8")
    with pytest.raises(CodebookError, match=error):
        load_model(broken, Lexicon)


def test_a_split_statement_without_its_number_of_events_does_not_load(tmp_path: Path) -> None:
    source = (ROOT / "codebooks" / "coder" / "numbers.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "numbers.yaml"
    lines = [line.replace("(?P<parts>", "(") if line.startswith("split: ") else line for line in source.splitlines()]
    assert lines != source.splitlines()
    broken.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CodebookError, match=r"split: .* has no \(\?P<parts>"):
        load_model(broken, Numbers)


def test_unknown_country_names_the_nearest() -> None:
    with pytest.raises(UnknownValueError, match="Myanmar"):
        code_text("Gunmen killed a man.", published=MONDAY, country="Myanmr")


# Output

def test_complete_candidates_validate_as_events() -> None:
    event = only("On 1 November 2023, the junta shelled Laiza, killing two civilians.")
    result = complete_event(event, "MMR1")
    assert isinstance(result, Event)
    assert (result.sub_event_type, result.fatalities, result.interaction) == (
        "Shelling/artillery/missile attack", 2, 17)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300))
def test_any_text_codes_without_error_and_evidence_points_into_it(text: str) -> None:
    for event in code(text):
        for item in event["evidence"]:
            assert text[item["start"]:item["end"]] == item["text"]
            assert text[item["sentence_start"]:item["sentence_end"]] == item["sentence"]
        assert set(acled_codebook().columns) <= set(event)


@given(st.lists(st.sampled_from([
    "On 1 November 2023, the junta shelled Laiza.", "Two civilians were killed.", "The KIA denied it.",
    "Protesters marched in Myitkyina on 2 November 2023.", "Police dispersed them.", "Gunmen abducted a teacher.",
]), min_size=1, max_size=6))
def test_evidence_offsets_hold_for_any_report_made_of_real_sentences(sentences: list[str]) -> None:
    text = " ".join(sentences)
    for event in code(text):
        assert all(text[e["start"]:e["end"]] == e["text"] for e in event["evidence"])
        assert event["sub_event_type"] in acled_codebook().sub_event_types


# Acceptance: the seed and real ACLED notes

def test_the_seed_codes_to_its_gold() -> None:
    score = evaluate_seeds(ROOT / "seeds")
    assert score.gold >= 7
    assert score.matched == score.gold == score.coded, score.misses


def test_real_acled_notes_floor(shared_data: Path) -> None:
    rows = [r for r in read_sample(shared_data / "acled_2022_sample.csv") if split_of(r["event_id_cnty"]) == "held-out"]
    score = evaluate_sample(rows[:600])
    assert score.rows == 600
    # floors a few points under the measured 95.7 / 94.2 / 97.2 / 90.5: a rule that breaks many notes fails here
    assert score.rate("event_type") >= 0.93
    assert score.rate("sub_event_type") >= 0.91
    assert score.rate("fatalities") >= 0.95
    assert score.rate("interaction") >= 0.87


def test_a_note_label_is_removed_for_the_label_less_measure() -> None:
    rows = [{"notes": "Arrests: On 3 May 2022, police arrested two men."}, {"notes": "On 3 May 2022, a clash."}]
    assert without_labels(rows) == [{"notes": "On 3 May 2022, police arrested two men."}]


@given(st.text(alphabet=st.sampled_from(list("abcdeghilmnoprstuvwy ABCDEGHILMNOPRSTUVWY-'.,İ")), max_size=80)
       .map(lambda s: s + " armed men and Police officers met KIA rebels and civilians"))
def test_lowered_patterns_find_what_the_case_insensitive_ones_find(text: str) -> None:
    compiled = coder_actors._compiled()
    low = text.lower()
    if len(low) != len(text):
        return
    fast = [(m.start(), m.end()) for m in compiled.generic_low.finditer(low)]
    assert fast == [(m.start(), m.end()) for m in coder_actors._as_written().generic.finditer(text)]


_PARSER: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")


def _may_end_in_space(items: Any) -> tuple[bool, bool]:
    """Whether a match of the parsed regular expression ``items`` may end in whitespace, and whether it may be
    empty."""
    for op, arg in reversed(list(items)):
        space, empty = _item_may_end_in_space(str(op), arg)
        if space or not empty:
            return space, False
    return False, True


def _item_may_end_in_space(op: str, arg: Any) -> tuple[bool, bool]:
    if op == "LITERAL":
        return chr(arg).isspace(), False
    if op == "IN":
        return any((str(o) == "LITERAL" and chr(a).isspace()) or str(a) == "CATEGORY_SPACE" for o, a in arg), False
    if op == "SUBPATTERN":
        return _may_end_in_space(arg[-1])
    if op == "BRANCH":
        ends = [_may_end_in_space(branch) for branch in arg[1]]
        return any(space for space, _ in ends), any(empty for _, empty in ends)
    if op in ("MAX_REPEAT", "MIN_REPEAT"):
        space, empty = _may_end_in_space(arg[2])
        return space, empty or arg[0] == 0
    return False, op in ("ASSERT", "ASSERT_NOT", "AT")


def test_no_word_pattern_of_the_lexicon_ends_in_a_space() -> None:
    """Word patterns are matched as whole words, so one that ends in a space ("attacked (?:a |the )") can never
    match before a word: such a pattern is dead."""
    book = coder_triggers._compiled().book
    groups = {**book.cues, **book.victim_cues, **book.blockers,
              **{f"{name}.triggers": (*entry.triggers, *entry.mutual, *entry.mutual_unless_civilians)
                 for name, entry in book.sub_event_types.items()}}
    dead = [(group, p) for group, patterns in groups.items() for p in patterns
            if _may_end_in_space(_PARSER.parse(p))[0]]
    assert dead == []
    assert _may_end_in_space(_PARSER.parse("attack(?:ed)? (?:a |the )"))[0]


@given(st.lists(st.sampled_from(["protesters", "Police", "fired", "tear gas", "burned", "tyres", "not", "no one",
                                  "clashed", "over", "a land dispute", "between", "villages", "[size=dozens]", "a mob",
                                  "killed", "two", "March", "march", "İstanbul", "and", ",", "."]), max_size=25)
       .map(" ".join))
def test_cue_groups_are_found_wherever_one_of_their_patterns_starts_unblocked(text: str) -> None:
    compiled = coder_triggers._compiled()
    slow = frozenset(name for name in compiled.book.cues
                     if any(coder_triggers._cue(name).match(text, start) and not coder_triggers.blocked_at(text, start)
                            for start in range(len(text))))
    assert coder_triggers.cues(text) == slow


@given(st.text(alphabet=st.sampled_from(list("abcdeghiklmnoprstuvwyz ABCDEGHIKLMNOPRSTUVWYZ0123456789-'.,")),
               max_size=60)
       .map(lambda s: s + " On 3 March 2022 or Monday, 12 were Killed and 3 WOUNDED since early May so far, "
            "he Said That shells fell on the Chinese side of the border. No Casualties; Recently they Have been "
            "shelling, a Gang Member was Not Shot, Police Would Deny it, According To the Army Near the Town"))
def test_lowered_date_count_and_aggregate_patterns_find_what_the_originals_find(text: str) -> None:
    low = text.lower()
    triggers = coder_triggers._compiled()
    pairs: list[tuple[re.Pattern[str], re.Pattern[str] | Guarded]] = [
             (coder_dates._compiled().any_date, coder_dates._compiled().any_date_low),
             (coder_dates._compiled().undated, coder_dates._compiled().undated_low),
             (coder_numbers._compiled().keyword, coder_numbers._compiled().keyword_low),
             (coder_numbers._compiled().none, coder_numbers._compiled().none_low),
             (coder_triggers._as_written().aggregate, triggers.aggregate_low),
             (coder_triggers._as_written().statement, triggers.statement_low),
             (coder_triggers._as_written().cross_border, triggers.cross_border_low),
             *((triggers.victim_cues[name], triggers.victim_cues_low[name]) for name in triggers.victim_cues),
             (triggers.source, triggers.source_low), (triggers.reason, triggers.reason_low),
             (triggers.witness, triggers.witness_low), (triggers.nearby, triggers.nearby_low),
             *zip((pattern for _name, pattern in triggers.blockers), triggers.blockers_low, strict=True)]
    for original, fast in pairs:
        found = [m.span() for m in original.finditer(text)]
        if isinstance(fast, Guarded):  # a guarded search finds nothing only where its literals are missing
            assert fast.holds(low) or not found
            fast = fast.pattern
        assert [m.span() for m in fast.finditer(low)] == found


@pytest.mark.parametrize(("text", "protest"), [
    ("On 3 March 2022, gunmen killed two men in Kani.", False),
    ("In Kani, gunmen killed two men on March 3, 2022.", False),
    ("On 3 May 2022, students held a march in Kani.", True),
    ("On 3 May 2022, students March through Kani.", True),
])
def test_the_month_of_march_is_no_protest_march(text: str, protest: bool) -> None:
    assert ("protest" in coder_triggers.cues(text)) is protest


@given(st.text(alphabet=st.sampled_from(list("abcdeghilmnoprstuvwyz ABCDEGHILMNOPRSTUVWYZ-'.,[]=")), max_size=80)
       .map(lambda s: s + " Protesters March and march, burned tyres, Police fired tear gas [size=dozens]"))
def test_lowered_cue_patterns_find_what_the_case_insensitive_ones_find(text: str) -> None:
    compiled = coder_triggers._compiled()
    low = text.lower()
    for name in compiled.book.cues:
        if name not in compiled.cues_low or len(low) != len(text):
            continue
        fast = [(m.start(), m.end()) for m in compiled.cues_low[name].finditer(low)]
        assert fast == [(m.start(), m.end()) for m in coder_triggers._cue(name).finditer(text)], name


# Protests and riots: what makes a demonstration violent, and who faced the crowd

D22 = date(2022, 5, 3)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, traders demonstrated in Kisumu against new taxes. They set fire to tyres on the main road.",
    "On 3 May 2022, students demonstrated in Kisumu and were throwing stones at passing cars.",
])
def test_setting_fire_to_tyres_or_throwing_stones_is_a_violent_demonstration(text: str) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == (
        "Violent demonstration", "Rioters (Kenya)", 50)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, a teacher set himself on fire in Kisumu to protest against unpaid wages.",
    "On 3 May 2022, hundreds rallied in Kisumu against the war. A man burned his passport at the rally.",
    "On 3 May 2022, parents protested in Kisumu. Their school was badly damaged after the rains.",
    "On 3 May 2022, farmers protested in Kisumu for compensation for crops damaged due to the drought.",
])
def test_self_immolation_burnt_papers_and_storm_damage_leave_a_protest_peaceful(text: str) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Peaceful protest", 60)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, youths rioted in Kisumu against a new tax. Police removed the rioters with tear gas.",
    "On 3 May 2022, traders staged a demonstration and assaulted a tax officer in Kisumu.",
])
def test_a_riot_against_a_policy_or_a_demonstration_that_assaults_is_a_violent_demonstration(text: str) -> None:
    assert only(text, D22, "Kenya")["sub_event_type"] == "Violent demonstration"


def test_riot_police_are_no_riot() -> None:
    event = only("On 3 May 2022, riot police arrested 80 opposition members in Kisumu.", D22, "Kenya")
    assert event["event_type"] != "Riots"


@pytest.mark.parametrize(("text", "interaction"), [
    ("On 3 May 2022, two groups of the Otieno family and the Ouma family exchanged fire over a land dispute in "
     "Kisumu, injuring 6 people. [size=no report]", 55),
    ("On 3 May 2022, a crowd of villagers confronted a police unit guarding a quarry near Kisumu. Two journalists "
     "were detained with the rioters. [size=no report]", 15),
])
def test_mobs_that_exchange_fire_or_confront_the_police_fight_them(text: str, interaction: int) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", interaction)


def test_people_injured_when_police_foiled_a_protest_were_no_violent_crowd() -> None:
    text = "On 3 May 2022, 20 people were injured when police foiled the protest of a party in Kisumu."
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Protest with intervention", 16)


def test_a_crowd_arrested_while_protesting_in_a_relative_clause_protested() -> None:
    """lexicon cue ``protest``: "who were protesting" is the crowd's own protest, not a topic."""
    text = "On 3 May 2022, police arrested teachers who were protesting against unpaid salaries in Kisumu."
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Protest with intervention", 16)


def test_protesters_blocked_by_the_police_met_an_intervention() -> None:
    text = "On 3 May 2022, protesting students in Kisumu were blocked by police from reaching the county offices."
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Protest with intervention", 16)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, passengers demonstrated at Kisumu airport and destroyed some facilities over a delayed flight.",
    "On 3 May 2022, farmers held a demonstration in Kisumu. The farmers also got into a fight in the county offices.",
])
def test_demonstrators_who_destroy_facilities_or_fight_are_violent(text: str) -> None:
    assert only(text, D22, "Kenya")["sub_event_type"] == "Violent demonstration"


def test_a_violent_demonstration_that_hurt_people_named_before_its_trigger_targets_civilians() -> None:
    text = ("On 3 May 2022, traders attacked passers-by and burned a bus in Kisumu during a demonstration. 25 were "
            "wounded.")
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Violent demonstration", "Civilians (Kenya)", 57)


def test_a_demonstration_held_with_no_force_named_is_against_the_people_it_hurt() -> None:
    text = "On 3 May 2022, farmers held a demonstration in Kisumu. The demonstrators kidnapped two county officials."
    assert only(text, D22, "Kenya")["interaction"] == 57


def test_force_used_to_disperse_protesters_that_caused_a_death_is_excessive() -> None:
    text = ("On 3 May 2022, residents demonstrated in Kisumu. Police used tear gas to disperse them, causing the death "
            "of a passer-by.")
    assert only(text, D22, "Kenya")["sub_event_type"] == "Excessive force against protesters"


def test_blocking_an_entrance_by_setting_objects_ablaze_is_a_violent_demonstration() -> None:
    text = "On 3 May 2022, dozens of nurses blocked by setting ablaze pallets the access to the hospital in Kisumu."
    assert only(text, D22, "Kenya")["sub_event_type"] == "Violent demonstration"


def test_men_accused_of_a_crime_make_no_statement_of_the_sentence() -> None:
    text = ("On 3 May 2022, supporters of two fishermen who were shot in 2021 held a vigil outside the court in Kisumu "
            "during the trial of the officers accused of the killings. [size=no report]")
    assert only(text, D22, "Kenya")["sub_event_type"] == "Peaceful protest"


def test_police_who_fire_tear_gases_intervene() -> None:
    text = "On 3 May 2022, residents demonstrated in Kisumu. Police forces used tear gases to disperse them."
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Protest with intervention", 16)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, rioters barricaded roads with burning tyres in Kisumu.",
    "On 3 May 2022, a group of traders blocked traffic on the Kisumu - Busia highway and burned tires.",
])
def test_roads_blocked_with_barricades_or_burning_tyres_are_a_violent_demonstration(text: str) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Violent demonstration", 50)


@pytest.mark.parametrize(("text", "interaction"), [
    ("On 3 May 2022, police officers clashed with traders demonstrating in Kisumu.", 15),
    ("On 3 May 2022, a clash broke out between demonstrating traders and the police in Kisumu.", 15),
    ("On 3 May 2022, two factions of demonstrating traders clashed in Kisumu.", 55),
])
def test_demonstrators_who_clash_fight_the_police_named_with_them_or_each_other(text: str, interaction: int) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Violent demonstration", interaction)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, nurses demonstrated in Kisumu. Police officers beat up and detained several nurses.",
    "On 3 May 2022, nurses demonstrated in Kisumu. The police confronted the nurses at the gate.",
    "On 3 May 2022, nurses demonstrated in Kisumu. Police tried to disperse the nurses.",
    "On 3 May 2022, police prevent nurses from marching to the county offices in Kisumu to protest.",
    "On 3 May 2022, nurses demonstrated in Kisumu. Police officers pushed the protesters out of the hall.",
])
def test_police_who_beat_confront_try_to_disperse_or_push_demonstrators_intervene(text: str) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Protest with intervention", 16)


def test_demonstrators_who_beat_someone_riot() -> None:
    event = only("On 3 May 2022, demonstrators beat up a driver in Kisumu.", D22, "Kenya")
    assert event["sub_event_type"] == "Violent demonstration"


def test_the_police_who_disperse_a_violent_demonstration_are_its_actor2() -> None:
    text = ("On 3 May 2022, traders demonstrated in Kisumu against the herders who raided a market. Demonstrators "
            "attacked and beat a shopkeeper. Police dispersed them with tear gas.")
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Violent demonstration", "Police Forces of Kenya (2013-2022)", 15)


def test_demonstrators_who_beat_a_man_up_riot() -> None:
    event = only("On 3 May 2022, traders demonstrated in Kisumu. They caught a tax officer and beat him up.", D22,
                 "Kenya")
    assert event["sub_event_type"] == "Violent demonstration"


@pytest.mark.parametrize("text", [
    "On 3 May 2022, hundreds of students marched in Kisumu with banners and placards, and the killing of a "
    "lecturer by police last year was remembered.",
    "On 3 May 2022, hundreds of students marched in Kisumu over the police raid of 1 May, during which two "
    "students were killed.",
])
def test_a_killing_the_protest_is_about_is_no_excessive_force(text: str) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Peaceful protest", 60)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, nurses rallied in Kisumu for higher pay. In a counter protest, patients rallied beside them.",
    "On 3 May 2022, about 40 people both from pro and anti-mining groups gathered in Kisumu.",
])
def test_a_counter_protest_has_protesters_on_both_sides(text: str) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Peaceful protest", 66)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("On 3 May 2022, the Kani PDF attacked a military convoy near Kani. The group reported that three soldiers "
     "died.", "Armed clash"),
    ("On 3 May 2022, five armed men attacked a group of journalists in Kani.", "Attack"),
    ("On 3 May 2022, a group burned the house of a suspected thief in Kani.", "Mob violence"),
])
def test_only_a_group_that_burns_or_beats_is_a_mob(text: str, sub_event_type: str) -> None:
    assert only(text, D22)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("On 3 May 2022, soldiers arrested a student leader in Kani who took part in anti-coup protests.", "Arrests"),
    ("On 3 May 2022, prison guards beat up two prisoners in Kani who went on hunger strike.", "Attack"),
    ("On 3 May 2022, soldiers beat villagers at a checkpoint near Kani as they were on their way to a rally.",
     "Attack"),
])
def test_force_against_people_for_a_protest_elsewhere_is_no_intervention(text: str, sub_event_type: str) -> None:
    event = only(text, D22)
    assert (event["sub_event_type"], event["interaction"]) == (sub_event_type, 17)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, in Kisumu, a man who was reportedly caught stealing a goat was beaten by a group of people. "
    "[size=no report]",
    "On 3 May 2022, in Kisumu, residents caught a thief and whipped him in the market. [size=no report]",
    "On 3 May 2022, in Kisumu, residents set fire overnight to the house of a suspected witch. [size=no report]",
])
def test_a_crowd_that_beats_whips_or_sets_fire_is_mob_violence(text: str) -> None:
    assert only(text, D22, "Kenya")["sub_event_type"] == "Mob violence"


def test_a_road_which_has_been_damaged_is_what_a_protest_is_about() -> None:
    text = ("On 3 May 2022, residents blocked an avenue in Kisumu in a protest to demand repairs to the bridge, which "
            "has been damaged and closed for months.")
    assert only(text, D22, "Kenya")["sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "On 3 May 2022, nurses demonstrated in Kisumu. There were clashes between the nurses and counter-demonstrators "
    "before the police intervened.",
    "On 3 May 2022, around 200 KNU activists clashed with each other in Kisumu during a demonstration against "
    "taxes. Police forces arrested 20 people.",
    "On 3 May 2022, two groups of traders clashed at the market in Kisumu. The rioters then threw stones at police "
    "officers who tried to intervene. [size=no report]",
])
def test_crowds_who_fought_each_other_are_rioters_both_even_when_police_intervene(text: str) -> None:
    assert only(text, D22, "Kenya")["interaction"] == 55


@pytest.mark.parametrize(("text", "sub_event_type", "interaction"), [
    ("On 3 May 2022, a clash ensued between cadres of KNU and cadres of KPP in Kisumu. Police arrested two people. "
     "[size=no report]", "Mob violence", 55),
    ("On 3 May 2022, striking nurses organised by KUN rallied in Kisumu and clashed with police officers. "
     "[size=no report]", "Violent demonstration", 15),
])
def test_a_fight_in_a_note_with_acled_crowd_size_tag_is_a_riot(text: str, sub_event_type: str,
                                                                interaction: int) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == (sub_event_type, interaction)
    without = only(text.replace(" [size=no report]", ""), D22, "Kenya")
    assert without["sub_event_type"] == "Armed clash" or without["event_type"] == "Riots"


def test_a_protest_that_burns_an_effigy_stays_peaceful() -> None:
    text = "On 3 May 2022, students staged a protest by burning an effigy of the governor in Kisumu."
    assert only(text, D22, "Kenya")["sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "On 3 May 2022, traders blocked a road in Kisumu with their bodies. The police asked them to disperse.",
    "On 3 May 2022, traders gathered in Kisumu to voice their anger at the police response regarding the attack on "
    "a trader.",
])
def test_protesters_asked_to_disperse_or_about_an_attack_stay_peaceful(text: str) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Peaceful protest", 60)


def test_people_engaged_in_protests_did_not_engage_an_enemy() -> None:
    clash = [t.text for t in find_triggers("Members of two unions were also engaged in the protests.")
             if t.sub_event_type == "Armed clash"]
    assert clash == []
    assert [t.text for t in find_triggers("Troops engaged the rebels near Kani.")
            if t.sub_event_type == "Armed clash"] == ["engaged"]


@pytest.mark.parametrize("text", [
    "Around 3 May 2022, a group of herdsmen attacked and injured a farmer in Kisumu. [size=no report]",
    "Around 3 May 2022, a group burnt down two pastoralists' huts in Kisumu. [size=no report]",
])
def test_herders_in_a_mob_are_the_crowd_or_its_civilian_victims(text: str) -> None:
    event = only(text, D22, "Kenya")
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", 57)


def test_a_thwarted_infiltration_is_a_clash() -> None:
    events = code_text("On 3 May 2022, PMF fighters thwarted an IS infiltration attempt near Tuz Khurmatu. No "
                       "casualties.", published=date(2022, 5, 4), country="Iraq")
    assert events[0]["sub_event_type"] == "Armed clash"


def test_mines_with_small_arms_fire_between_two_armed_actors_are_a_clash() -> None:
    """``excludes_unless``: remote means rule out an armed clash only when no direct fire is reported."""
    events = code_text("On 3 May 2022, PKK militants attacked Turkish army soldiers via firearms and remote explosives "
                       "near Amadiya.", published=date(2022, 5, 4), country="Iraq")
    assert events[0]["sub_event_type"] == "Armed clash"
