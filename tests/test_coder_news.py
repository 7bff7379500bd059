"""Reading a news report as a report: its day, its background, one incident told several times, and the
report-level conventions for dates. Each test is an invented report that fails when its rule is broken."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventcode.coder import Coder, code_text

FRIDAY = date(2024, 4, 19)


def code(text: str, published: date = FRIDAY, country: str = "Nigeria") -> list[dict[str, Any]]:
    return code_text(text, published=published, country=country)


def test_a_headline_with_no_day_is_dated_by_the_day_the_body_gives_and_is_the_bodys_event() -> None:
    report = ("Gunman kills 12 in northern Nigeria\n\n"
              "Gunmen killed 12 villagers in Gwoza on Wednesday night, police said.")
    [event] = code(report)
    assert (event["event_date"], event["time_precision"], event["location"]) == ("2024-04-17", 1, "Gwoza")
    assert event["fatalities"] == 12


def test_a_retelling_with_a_vaguer_place_on_the_same_day_is_the_same_event() -> None:
    report = ("Gunmen killed 12 villagers in Borno State on Wednesday. "
              "The attackers stormed Gwoza on Wednesday and killed 12 people.")
    [event] = code(report)
    assert (event["location"], event["geo_precision"]) == ("Gwoza", 1)


def test_two_places_told_precisely_stay_two_events() -> None:
    report = "Gunmen killed 3 villagers in Gwoza on Wednesday. Gunmen killed 4 farmers in Maiduguri on Wednesday."
    assert [e["location"] for e in code(report)] == ["Gwoza", "Maiduguri"]


def test_an_event_three_weeks_before_publication_is_background() -> None:
    not_coded: list[dict[str, Any]] = []
    events = Coder().code("Gunmen killed 12 villagers in Gwoza on 2 March. Troops killed 4 militants in Maiduguri "
                          "on Wednesday.", FRIDAY, "Nigeria", not_coded=not_coded)
    assert [e["location"] for e in events] == ["Maiduguri"]
    assert not_coded[0]["reason"] == "background: told 48 days after it happened"


def test_a_report_with_no_day_is_dated_to_its_publication_with_time_precision_2() -> None:
    [event] = code("Gunmen killed 12 villagers in Gwoza, police said.")
    assert (event["event_date"], event["time_precision"]) == ("2024-04-19", 2)


def test_a_vague_or_ongoing_time_dates_the_middle_of_the_week_before() -> None:
    for report in ("Gunmen recently killed 12 villagers in Gwoza.", "Troops have been shelling Gwoza."):
        [event] = code(report)
        assert (event["event_date"], event["time_precision"]) == ("2024-04-15", 2), report


def test_early_or_late_before_a_day_keep_it_exact() -> None:
    for report in ("Gunmen killed 12 villagers in Gwoza late Wednesday.",
                   "Gunmen killed 12 villagers in Gwoza in the early hours of Wednesday."):
        [event] = code(report)
        assert (event["event_date"], event["time_precision"]) == ("2024-04-17", 1), report


def test_two_undated_tellings_of_one_type_at_one_place_are_one_event() -> None:
    report = "Troops shelled Gwoza, residents said. Troops have been shelling Gwoza with mortars."
    [event] = code(report)
    assert (event["event_date"], event["sub_event_type"]) == ("2024-04-15", "Shelling/artillery/missile attack")


def test_the_dateline_places_an_event_the_report_places_nowhere_closer() -> None:
    [event] = code("MAIDUGURI, Nigeria (AP) -- Gunmen killed 12 villagers on Wednesday, police said.")
    assert (event["location"], event["geo_precision"]) == ("Maiduguri", 2)
    assert any("dateline" in item["reason"] for item in event["review"])


def test_the_dateline_is_never_the_place_of_an_event_placed_closer() -> None:
    [event] = code("MAIDUGURI, Nigeria (AP) -- Gunmen killed 12 villagers in Gwoza on Wednesday, police said.")
    assert (event["location"], event["geo_precision"]) == ("Gwoza", 1)


def test_a_dateline_in_title_case_dates_the_report_and_a_headline_label_is_no_dateline() -> None:
    report = "News: Armed men kill 14 civilians\n\nAddis Abeba, July 29/2020 \u2013 Armed men killed 14 civilians on " \
        "Monday night."
    [event] = Coder().code(report, date(2020, 7, 29), "Ethiopia")
    assert (event["event_date"], event["location"], event["geo_precision"]) == ("2020-07-27", "Addis Ababa", 2)
    [event] = Coder().code("Addis Abeba, July 29/2020 \u2013 Armed men killed 14 civilians in Guba district.",
                           date(2020, 7, 29), "Ethiopia")
    assert (event["location"], event["time_precision"]) == ("Guba", 2)


def test_a_day_or_a_country_is_no_unknown_place() -> None:
    [event] = code("Gunmen killed 12 villagers in Saturday's attack, police said.", date(2024, 4, 21))
    assert event["location"] == ""


def test_a_sources_account_of_the_dead_is_an_event_not_a_statement() -> None:
    [event] = code("A police spokesman said that two policemen were killed in Gwoza on Wednesday.")
    assert (event["location"], event["fatalities"]) == ("Gwoza", 2)
    not_coded: list[dict[str, Any]] = []
    assert Coder().code("The governor said that gunmen attacked villages in Gwoza.", FRIDAY, "Nigeria",
                        not_coded=not_coded) == []
    assert not_coded[0]["reason"].startswith("statement")


def test_an_event_told_at_a_region_takes_the_town_of_that_region_named_later() -> None:
    [event] = code("Gunmen killed seven bus passengers on Wednesday in Borno State, officials said. The gunmen stopped "
                   "the bus near Gwoza.")
    assert (event["location"], event["geo_precision"]) == ("Gwoza", 1)
    assert any("later names" in item["reason"] for item in event["review"])


def test_a_habit_is_no_event() -> None:
    assert code("Bandits regularly attack farmers in Gwoza.") == []


def test_a_suicide_bomber_is_no_air_strike_and_the_previous_day_is_a_day() -> None:
    [event] = code("A suicide bomber detonated his explosives vest at a market in Maiduguri the previous day, "
                   "killing eight people.")
    assert (event["sub_event_type"], event["event_date"], event["time_precision"]) == ("Suicide bomb", "2024-04-18", 1)


def test_territory_retaken_by_state_forces_is_regained() -> None:
    [event] = code("Nigerian troops said on Wednesday they had retaken Gwoza from Boko Haram fighters.")
    assert event["sub_event_type"] == "Government regains territory"


def test_a_year_alone_dates_background() -> None:
    assert code("In 2016, the government signed a peace agreement with the rebels in Gwoza.") == []


def test_drones_taken_down_are_disrupted_weapons_use_not_an_air_strike() -> None:
    [event] = code("Air defence systems have taken down three drones over Maiduguri on Wednesday.")
    assert event["sub_event_type"] == "Disrupted weapons use"


def test_a_broken_ceasefire_is_no_agreement() -> None:
    assert [e["sub_event_type"] for e in code("The latest ceasefire violations occurred in Gwoza on Wednesday.")] \
        != ["Agreement"]


def test_the_sentence_that_goes_on_telling_an_unplaced_event_places_it() -> None:
    [event] = code("Police said they had detained a leader of a cartel on Wednesday. The raid occurred in the town "
                   "of Gwoza, they said.")
    assert (event["location"], event["sub_event_type"]) == ("Gwoza", "Arrests")
    assert any(item["kind"] == "place" and item["text"] == "Gwoza" for item in event["evidence"])




def test_strikes_that_kill_are_no_labour_strike() -> None:
    [event] = code("Officials in Gwoza said the strikes killed nine people on Wednesday.")
    assert event["event_type"] != "Protests"


def test_a_strike_in_a_report_of_air_strikes_is_military_unless_demonstrators_are_named() -> None:
    [event] = code("Air strikes on Wednesday hit Gwoza. A market in the town was hit by the strike, killing nine "
                   "people.")
    assert event["sub_event_type"] == "Air/drone strike"
    assert code("Workers went on strike in Gwoza on Wednesday to denounce air strikes.")[0]["event_type"] == "Protests"


def test_bombs_recovered_with_people_arrested_are_no_explosion() -> None:
    [event] = code("Police arrested three people along with 30 crude bombs in Gwoza on Wednesday.")
    assert event["sub_event_type"] == "Arrests"


def test_to_have_demonstrated_that_is_no_demonstration() -> None:
    assert code("Militants have demonstrated that they remain a threat in Gwoza.") == []


def test_a_town_the_event_was_near_is_geo_precision_2() -> None:
    [event] = code("Troops clashed with Boko Haram fighters near Bama on Wednesday, killing four.")
    assert (event["location"], event["geo_precision"]) == ("Bama", 2)
    [event] = code("Troops clashed with Boko Haram fighters in Bama on Wednesday, killing four.")
    assert (event["location"], event["geo_precision"]) == ("Bama", 1)


def test_a_cause_fought_for_is_no_fight() -> None:
    assert code("Separatists are fighting to form an independent state in the region around Gwoza.") == []


def test_forces_that_withdrew_from_the_scene_transfer_no_territory() -> None:
    assert all(e["sub_event_type"] != "Non-violent transfer of territory"
               for e in code("Security forces withdrew from the site in Gwoza on Wednesday."))


def test_a_retelling_that_gives_the_day_brings_it_and_its_higher_type() -> None:
    [event] = code("MAIDUGURI, Nigeria (AP) -- Police on Wednesday fired tear gas and detained protesters. About 100 "
                   "people took part in demonstrations across Maiduguri.")
    assert (event["sub_event_type"], event["event_date"], event["time_precision"], event["location"]) == (
        "Protest with intervention", "2024-04-17", 1, "Maiduguri")



def test_a_quoted_account_of_the_dead_at_a_place_is_an_event_not_a_quote() -> None:
    [event] = code("“Six civilians were killed in Gwoza on Wednesday,” the head of the monitor told AFP.")
    assert (event["location"], event["fatalities"]) == ("Gwoza", 6)
    not_coded: list[dict[str, Any]] = []
    assert Coder().code("“They attacked Gwoza and burned houses,” the commander said.", FRIDAY, "Nigeria",
                        not_coded=not_coded) == []
    assert not_coded[0]["reason"] == "quoted statement"


def test_a_strike_sentences_after_the_air_strikes_is_military_too() -> None:
    events = code("Air strikes on Wednesday killed four people in Gwoza. Officials said the toll could rise. "
                  "Two more people were killed in a strike near Bama on Wednesday.")
    assert [e["event_type"] for e in events if e["location"] == "Bama"] != ["Protests"]
    assert all(e["event_type"] != "Protests" for e in events)


def test_the_force_named_with_the_weapon_carried_out_the_strike() -> None:
    [subject] = code("Nigerien air strikes killed four Boko Haram fighters in Gwoza on Wednesday.")
    [passive] = code("Four Boko Haram fighters were killed in Gwoza on Wednesday by Nigerien air strikes.")
    [instrument] = code("Four Boko Haram fighters were killed in Nigerien air strikes in Gwoza on Wednesday.")
    for event in (subject, passive, instrument):
        assert (event["actor1"], event["actor2"]) == ("Military Forces of Niger (2023-)",
                                                      "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")


def test_an_unplaced_telling_that_could_retell_several_events_retells_the_one_with_its_dead() -> None:
    events = code("Gunmen killed five villagers on Wednesday, officials said. Gunmen attacked a market in Gwoza on "
                  "Wednesday, killing five villagers. In another attack on Wednesday, gunmen killed two villagers in "
                  "Bama.")
    assert sorted((e["location"], e["fatalities"]) for e in events) == [("Bama", 2), ("Gwoza", 5)]


def test_a_town_that_fell_to_rebels_was_overtaken() -> None:
    [event] = code("Boko Haram fighters clashed with soldiers in Gwoza on Wednesday. The town fell to the insurgents "
                   "on Wednesday night.")
    assert (event["sub_event_type"], event["location"], event["actor1"]) == (
        "Non-state actor overtakes territory", "Gwoza", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")


def test_the_town_of_a_name_no_gazetteer_knows_is_a_place() -> None:
    [event] = code("Gunmen attacked the border town of Kpakungu Ofon on Wednesday, killing two villagers.")
    assert event["location"] == "Kpakungu Ofon"


def test_a_year_after_an_article_dates_background_whose_place_is_not_inherited() -> None:
    events = code("Gwoza was a Boko Haram stronghold during a 2014 insurrection that overran the city of Bama. "
                  "On Wednesday gunmen killed two villagers.")
    assert [(e["event_date"], e["location"]) for e in events] == [("2024-04-17", "")]


def test_a_strike_people_are_going_on_is_a_plan() -> None:
    assert code("The doctors are going on an indefinite strike in Gwoza from Wednesday.") == []




def test_an_event_the_report_places_nowhere_takes_its_first_place_near_for_review() -> None:
    report = ("On Tuesday, soldiers arrested 12 suspects.\n\n"
              "Gunmen killed 3 villagers in Gwoza on Wednesday.")
    events = code(report)
    arrests = next(e for e in events if e["sub_event_type"] == "Arrests")
    assert (arrests["location"], arrests["geo_precision"]) == ("Gwoza", 2)
    assert any("names no place" in r["reason"] for r in arrests["review"])


REINFORCED = """Gunmen kill two policemen in Maiduguri

MAIDUGURI, Nigeria (AP) -- Gunmen attacked a police post in Maiduguri on Thursday, killing two policemen.

After the attack on Thursday, the army deployed reinforcements in Maiduguri and imposed a curfew.
"""


def test_a_development_told_at_a_violent_events_place_and_day_is_part_of_its_telling() -> None:
    skipped: list[dict[str, Any]] = []
    events = Coder().code(REINFORCED, FRIDAY, "Nigeria", not_coded=skipped)
    assert [e["sub_event_type"] for e in events] == ["Armed clash"]
    assert any("part of its telling" in s["reason"] for s in skipped)


def test_a_notes_label_keeps_its_development_beside_a_violent_event() -> None:
    note = ("Change to group/activity: On 3 May 2016, the army deployed reinforcements in Rampur. On 3 May 2016, "
            "militants attacked a police post in Rampur, killing two.")
    events = code_text(note, date(2016, 5, 3), "India")
    assert [e["sub_event_type"] for e in events] == ["Change to group/activity", "Armed clash"]


SUMMARISED = """Gunmen kill two policemen in Maiduguri

MAIDUGURI, Nigeria (AP) -- Gunmen attacked a police post in Maiduguri on Thursday, killing two policemen.

Insurgents have also attacked several villages in Adamawa State, residents say.
"""


def test_an_event_told_with_no_day_and_only_a_region_beside_a_precise_one_is_a_summary() -> None:
    skipped: list[dict[str, Any]] = []
    events = Coder().code(SUMMARISED, FRIDAY, "Nigeria", not_coded=skipped)
    assert [(e["location"], e["time_precision"]) for e in events] == [("Maiduguri", 1)]
    assert any("a summary or background" in s["reason"] for s in skipped)


def test_an_event_told_with_no_day_and_only_a_region_alone_is_still_coded() -> None:
    events = code("Insurgents have attacked several villages in Adamawa State, residents say.")
    assert [(e["sub_event_type"], e["time_precision"], e["geo_precision"]) for e in events] == [("Attack", 2, 3)]


def test_what_an_event_came_after_is_background_however_far_from_its_trigger() -> None:
    """lexicon ``told_before``: "The attack came a day after ..." tells an earlier event as background."""
    events = code("Gunmen attacked a market in Maiduguri on Friday, killing three traders. The attack came a day "
                  "after a commander of the group, a man long sought by the army, was killed in a fierce gunfight "
                  "with troops in Bama.")
    assert [(e["sub_event_type"], e["location"], e["fatalities"]) for e in events] == [("Attack", "Maiduguri", 3)]



def test_a_demonstration_told_at_no_place_then_as_violence_at_a_town_is_one_violent_demonstration() -> None:
    report = ("Hundreds of traders demonstrated on Thursday against the arrest of a market leader. "
              "The demonstrators attacked the police station in Kano and set a patrol van on fire.")
    [event] = code(report)
    assert (event["sub_event_type"], event["location"], event["interaction"]) == ("Violent demonstration", "Kano", 15)
