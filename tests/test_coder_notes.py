"""The incident coder on ACLED notes of other countries and years than the 2022 sample (benchmarks/make_notes_set.py):
the conventions their errors showed, each on invented sentences."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eventcode import code_text
from eventcode.coder import Coder
from eventcode.coder.evaluate import acled_row

DAY = date(2016, 8, 16)


def only(text: str, country: str = "India", published: date = DAY) -> dict[str, Any]:
    events = code_text(text, published=published, country=country)
    assert len(events) == 1, [e["sub_event_type"] for e in events]
    return events[0]


def test_old_exports_are_read_in_the_current_taxonomy() -> None:
    old = {"EVENT_ID_CNTY": "12IND", "EVENT_DATE": "01-January-2015", "EVENT_TYPE": "Riots/Protests",
           "INTER1": "5", "INTER2": "0", "INTERACTION": "50", "NOTES": "x", "FATALITIES": "0"}
    row = acled_row(old)
    assert (row["event_date"], row["event_type"], row["sub_event_type"]) == ("2015-01-01", "Riots", "")
    row = acled_row({**old, "EVENT_TYPE": "Battle-No change of territory", "EVENT_DATE": "9-May-20"})
    assert (row["event_date"], row["event_type"], row["sub_event_type"]) == ("2020-05-09", "Battles", "Armed clash")
    row = acled_row({**old, "EVENT_TYPE": "Violence against civilians", "INTER2": "7"})
    assert (row["event_type"], row["sub_event_type"]) == ("Riots", "Mob violence")


@pytest.mark.parametrize("text", [
    "Guest teachers held a dharna in front of the district office, demanding regular jobs.",
    "Sanitation workers have been striking for six days over unpaid wages.",
    "Villagers took to the street in Rampur demanding a new bridge.",
    "Opposition workers showed black flags to the minister at Rampur.",
    "Farmers gheraoed the block office in Rampur over the price of seeds.",
    "Traders observed a bandh in Rampur against the new tax.",
    "Residents staged a sit-in-dharna at Rampur against the closure of the school.",
])
def test_south_asian_words_of_protest_make_a_protest(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["interaction"]) == ("Peaceful protest", 60)


@pytest.mark.parametrize("text", [
    "On 16 August 2016, a number of farmers assaulted and wounded a herder whose cattle had damaged crops in Rampur.",
    "On 16 August 2016, a number of villagers beat a presumed thief in Rampur.",
])
def test_a_number_of_ordinary_people_who_attack_are_a_mob(text: str) -> None:
    event = only(text, "Benin")
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", 57)


def test_a_number_of_armed_men_are_no_mob() -> None:
    event = only("On 16 August 2016, a group of armed youths attacked a herder in Rampur.", "Benin")
    assert event["sub_event_type"] != "Mob violence"


@pytest.mark.parametrize("text", [
    "A man was killed and three others were injured in a clash between two groups of villagers at Rampur.",
    "A man was killed and three others were injured in a clash over a land-related dispute at Rampur.",
    "A man was killed and three others were injured in a clash between two rival groups of villagers at Rampur.",
    "A man was killed and three others were injured in a clash over harvesting paddy from a disputed land at Rampur.",
    "A man was killed and three others were injured in a clash over a piece of land at Rampur.",
])
def test_villagers_who_fight_each_other_are_communal_militias(text: str) -> None:
    event = only(text, "Bangladesh")
    assert (event["sub_event_type"], event["interaction"], event["fatalities"]) == ("Armed clash", 44, 1)


def test_pro_houthi_forces_are_the_houthi_state_forces() -> None:
    event = only("On 3 May 2020, pro-Houthi forces shelled houses in Salim village.", "Yemen", date(2020, 5, 3))
    assert (event["actor1"], event["interaction"]) == ("Military Forces of Yemen (2016-) Supreme Political Council", 10)


@pytest.mark.parametrize(("text", "dead"), [
    ("A farmer shot and killed the presumed thief in Rampur.", 1),
    ("Gunmen attacked a convoy in Rampur and their driver was killed.", 1),
    ("Attackers raided the house of a trader in Rampur and stabbed him to death.", 1),
    ("Suspected militants shot dead a village headman in Rampur.", 1),
    ("Gunmen shot him dead in Rampur.", 1),
    ("A worker was beaten by party men in Rampur. He died in hospital.", 1),
    ("Gunmen attacked a police post in Rampur, leaving a constable dead.", 1),
])
def test_one_victim_named_by_a_possessive_pronoun_or_office_counts_one(text: str, dead: int) -> None:
    events = code_text(text, published=DAY, country="India")
    assert events
    assert events[0]["fatalities"] == dead


@pytest.mark.parametrize(("text", "dead"), [
    ("On 2 May 2020, in Celaya, a man was found dead inside a bag on a road. 1 fatality.", 1),
    ("On 2 May 2020, in Celaya, three men were found dead. The bodies presented firearm injuries.", 3),
])
def test_victims_found_dead_are_an_attack_on_civilians(text: str, dead: int) -> None:
    event = only(text, "Mexico", date(2020, 5, 2))
    assert (event["sub_event_type"], event["interaction"], event["fatalities"]) == ("Attack", 37, dead)


@pytest.mark.parametrize(("text", "dead"), [
    ("7 IS militants were killed by an air strike in Rampur on Monday.", 7),
    ("5 soldiers and 27 TTP/LeI militants were killed in a clash in Rampur on Monday.", 32),
    ("Two NSCN [National Socialist Council of Nagaland] cadres were killed in an encounter in Rampur on Monday.", 2),
    ("48 Maoist fighters were reported killed in an encounter in Rampur on Monday.", 48),
])
def test_a_count_reads_past_capitals_slashes_brackets_and_reported(text: str, dead: int) -> None:
    assert only(text)["fatalities"] == dead


@pytest.mark.parametrize(("text", "dead"), [
    ("Clashes took place in Rampur on Monday. Unclear fatalities coded as 10 and spread between 3 locations.", 3),
    ("Clashes took place in Rampur on Monday. Unknown fatalities coded as 10 and spread across two locations.", 5),
])
def test_a_coded_figure_spread_over_places_gives_each_its_share(text: str, dead: int) -> None:
    assert only(text)["fatalities"] == dead


@pytest.mark.parametrize(("text", "dead"), [
    ("Two groups clashed over land in Rampur on Monday. 4 people were killed. Fatalities split between 2 events.", 2),
    ("Militants shelled army posts near Rampur on Monday. One soldier was killed [1 fatality split among 12 events].",
     0),
])
def test_the_dead_a_note_splits_among_events_give_each_its_share(text: str, dead: int) -> None:
    event = only(text)
    assert event["fatalities"] == dead
    assert any(e["kind"] == "fatalities" and "split" in e["text"] for e in event["evidence"])


@pytest.mark.parametrize(("text", "dead"), [
    ("3 policemen, 2 militia members, and 1 soldier were killed in an operation in Rampur on Monday.", 6),
    ("An army officer and two militants were killed in an encounter in Rampur on Monday.", 3),
    ("Two staff members and their driver were shot and killed in Rampur on Monday.", 3),
    ("A bomb exploded in Rampur on Monday and two people were killed.", 2),
    ("A man and his nephew were shot dead in Rampur on Monday.", 2),
])
def test_one_victim_joined_to_a_count_is_added(text: str, dead: int) -> None:
    assert only(text)["fatalities"] == dead


def test_customs_officers_are_police() -> None:
    event = only("A number of residents assaulted and wounded a customs officer in Rampur on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Mob violence", "Police Forces of India (2014-)")


@pytest.mark.parametrize("text", [
    "Men in military uniform shot dead a trader in Rampur on Monday.",
    "Armed men wearing military uniforms looted shops in Rampur on Monday.",
])
def test_forces_named_as_what_someone_wears_are_no_actor(text: str) -> None:
    event = only(text)
    assert (event["actor1"], event["actor2"]) == ("Unidentified Armed Group (India)", "Civilians (India)")


@pytest.mark.parametrize("text", [
    "One policeman was killed or wounded by a sniper in Rampur on Monday.",
    "Three militants were killed, injured or captured in an operation in Rampur on Monday.",
])
def test_a_count_of_killed_or_wounded_is_no_count_of_dead(text: str) -> None:
    assert only(text)["fatalities"] == 0


def test_a_victim_told_with_a_verb_is_joined_to_no_count_after_it() -> None:
    event = only("A leader of the party was shot dead and two people were injured in Rampur on Monday.")
    assert event["fatalities"] == 1
    assert [e["value"] for e in event["evidence"] if e["kind"] == "injuries"] == [2]


@pytest.mark.parametrize(("text", "dead"), [
    ("Herders attacked a farm in Rampur on Monday. Four persons were wounded and one ox killed.", 0),
    ("Gunmen attacked a village in Rampur on Monday, killing 3 people and 20 cattle.", 3),
])
def test_animals_killed_are_no_fatalities(text: str, dead: int) -> None:
    assert only(text)["fatalities"] == dead


def test_local_policemen_are_police_not_locals() -> None:
    event = only("On 14 March 2020, militants killed 3 local policemen in Rampur.", "India", date(2020, 3, 14))
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 13)


@pytest.mark.parametrize(("text", "dead"), [
    ("Party leader Dr Ram Singh was shot dead in Rampur.", 1),
    ("A policeman was martyred in a blast in Rampur.", 1),
    ("An activist of the ruling party was slaughtered in Rampur.", 1),
    ("Gunmen fired at a bus in Rampur. Nobody was killed.", 0),
])
def test_a_singular_passive_death_counts_one(text: str, dead: int) -> None:
    events = code_text(text, published=DAY, country="India")
    assert events
    assert events[0]["fatalities"] == dead


def test_a_number_of_villagers_who_captured_and_beat_a_thief_are_a_mob() -> None:
    event = only("On 16 August 2016, a number of villagers captured a thief and beat him in Rampur.", "Benin")
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", 57)


@pytest.mark.parametrize("attackers", ["armed youth", "unknown raiders"])
def test_armed_youth_and_raiders_are_communal_militias(attackers: str) -> None:
    text = f"On 13 March 2020, {attackers} attacked a truck near Maper, killing two civilians."
    event = only(text, "South Sudan", date(2020, 3, 13))
    assert (event["sub_event_type"], event["interaction"]) == ("Attack", 47)


def test_arbakis_are_the_pro_government_militia_of_afghanistan() -> None:
    text = "On 13 March 2020, two Arbakis were killed by a Taliban sniper in Imam Sahib district, Kunduz."
    event = only(text, "Afghanistan", date(2020, 3, 13))
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Armed clash", "Militia (Pro-Government)", 23)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("On Sunday, villagers clashed with police in Rampur over a power cut.", "Mob violence"),
    ("Police and villagers clashed in Rampur on Sunday during the election.", "Mob violence"),
    ("Protesting farmers clashed with police in Rampur on Sunday.", "Violent demonstration"),
])
def test_people_who_clash_with_police_or_each_other_are_rioters(text: str, sub_event_type: str) -> None:
    event = only(text)
    assert (event["event_type"], event["sub_event_type"], event["actor1"]) == ("Riots", sub_event_type,
                                                                               "Rioters (India)")


def test_armed_men_who_clash_with_police_fight_a_battle() -> None:
    event = only("On Sunday, gunmen clashed with police in Rampur.")
    assert event["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize("text", [
    "Seventeen workers were arrested while protesting against the court's ruling in Rampur.",
    "Students who protested in Rampur on Monday were lathi-charged.",
])
def test_protesters_arrested_or_charged_met_the_police_though_none_is_named(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["actor2"]) == ("Protest with intervention", "Police Forces of India (2014-)")


def test_a_protest_against_an_arrest_is_peaceful() -> None:
    event = only("Journalists protested in Rampur against the arrest of their editor. He was arrested on Monday.")
    assert event["sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize(("text", "country", "sub_event_type"), [
    ("Unidentified gunmen set a bus afire in Rampur on Friday.", "India", "Looting/property destruction"),
    ("A village leader was axed to death in Rampur.", "India", "Attack"),
    ("A tractor ran over a landmine in Rampur, killing one and injuring two others.", "Pakistan",
     "Remote explosive/landmine/IED"),
    ("On 5 May 2020, the PMF carried out an operation against IS in Waqf, leaving 2 IS militants dead.", "Iraq",
     "Armed clash"),
])
def test_words_of_violence_found_in_notes_of_other_countries(text: str, country: str, sub_event_type: str) -> None:
    assert only(text, country)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text", [
    "Parents of students protested in Rampur after a girl was assaulted at the school.",
    "Gujjar community members blocked trains coming into Rampur, demanding jobs.",
    "Farmers' union members continued an indefinite fast in Rampur demanding loan waivers.",
])
def test_protests_told_as_south_asian_notes_tell_them(text: str) -> None:
    assert only(text)["sub_event_type"] == "Peaceful protest"


def test_a_protest_for_the_families_of_victims_is_about_them() -> None:
    event = only("Residents protested in Rampur demanding justice for the families of the men killed last year.")
    assert (event["sub_event_type"], event["fatalities"]) == ("Peaceful protest", 0)


@pytest.mark.parametrize(("text", "country", "actors", "interaction"), [
    ("One soldier was killed and three others were injured in an IED blast in Rampur.", "Pakistan",
     ("Unidentified Armed Group (Pakistan)", "Military Forces of Pakistan (2013-2018)"), 13),
    # in Yala, where ACLED names an unnamed attacker the Deep South's insurgents (actors.yaml insurgent_areas)
    ("Five police officers on patrol were wounded by a roadside bomb in Betong district.", "Thailand",
     ("Malay Muslim Separatists (Thailand)", "Police Forces of Thailand (2014-2019)"), 12),
])
def test_forces_hurt_by_a_bomb_are_its_target_not_its_planter(text: str, country: str, actors: tuple[str, str],
                                                               interaction: int) -> None:
    event = only(text, country, date(2016, 3, 2))
    assert (event["actor1"], event["actor2"], event["interaction"]) == (*actors, interaction)


@pytest.mark.parametrize(("text", "sub_event_type", "actors"), [
    # forces hurt by an attacker not named fought an unidentified armed group (lexicon unnamed_attacker_of_forces)
    ("Three policemen were killed in an ambush attack on their vehicle in Rampur.", "Armed clash",
     ("Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan (2013-2018)")),
    # a police rank names the police ("an assistant sub inspector")
    ("Unidentified assailants shot dead an assistant sub inspector in Rampur.", "Armed clash",
     ("Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan (2013-2018)")),
    # police abducted by an armed group fought it (lexicon refinements)
    ("Gunmen abducted two policemen in Rampur.", "Armed clash",
     ("Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan (2013-2018)")),
    # not forces named after the trigger as the ones who raided
    ("A drug suspect was killed during a police raid in Rampur.", "Attack",
     ("Police Forces of Pakistan (2013-2018)", "Civilians (Pakistan)")),
])
def test_forces_killed_by_an_attacker_not_named_fought_an_armed_group(text: str, sub_event_type: str,
                                                                      actors: tuple[str, str]) -> None:
    event = only(text, "Pakistan", date(2016, 3, 2))
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (sub_event_type, *actors)


def test_a_clash_between_two_sides_named_after_it_is_theirs() -> None:
    """"a clash between A and B": A and B fought, so police and a party's activists make a riot."""
    event = only("A clash took place between police and Jamaat-Shibir activists in Rampur.", "Bangladesh",
                 date(2016, 3, 2))
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", 15)


def test_people_hurt_in_a_clash_with_police_are_still_its_crowd() -> None:
    event = only("Nine activists of the opposition were injured in a clash with the police in Rampur on Sunday.")
    assert event["event_type"] == "Riots"


def test_a_policeman_hurt_in_a_clash_with_gunmen_still_fought_it() -> None:
    event = only("A civilian was killed and a policeman was injured in clashes between police forces and unknown "
                 "gunmen in Rampur.", "Iraq", date(2022, 6, 29))
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 13)


def test_a_countrys_rangers_are_its_state_forces() -> None:
    event = only("On 3 May 2020, separatists shot and killed one Thai ranger in Sai Buri district.", "Thailand",
                 date(2020, 5, 3))
    assert (event["actor2"], event["interaction"]) == ("Military Forces of Thailand (2019-) Thai Rangers", 12)


@pytest.mark.parametrize("text", [
    "Around 5 April 2021 (between 5 - 6 April), people demonstrated overnight in Nikki and barricaded roads.",
    "Around 5 April 2021 (from 5 - 7 April), people demonstrated in Nikki and barricaded roads.",
])
def test_a_range_in_brackets_after_the_day_restates_it(text: str) -> None:
    event = only(text, "Benin", date(2021, 4, 5))
    assert (event["event_date"], event["time_precision"], event["sub_event_type"]) == (
        "2021-04-05", 2, "Violent demonstration")


def test_nearly_before_a_number_is_no_hedge() -> None:
    event = only("On 7 May 2020, nearly 200 migrant workers burned tyres and demonstrated in Rampur demanding to be "
                 "sent home.", published=date(2020, 5, 7))
    assert event["sub_event_type"] == "Violent demonstration"


def test_small_arms_fire_on_a_front_line_is_a_clash_of_its_sides() -> None:
    event = only("On 5 May 2020, the OSCE SMM observed a total of 7 explosions/shots/bursts of fire involving small "
                 "arms near Viktorivka.", "Ukraine", date(2020, 5, 5))
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 12)


def test_people_who_pelt_stones_at_police_are_a_mob() -> None:
    event = only("On 5 May 2020, residents pelted stones at police in Rampur who were enforcing the lockdown.",
                 published=date(2020, 5, 5))
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", 15)


def test_heavy_and_medium_weapons_fired_at_a_village_are_shelling() -> None:
    event = only("On 5 May 2020, National Resistance forces fired heavy and medium weapons at Ad Dahfash village.",
                 "Yemen", date(2020, 5, 5))
    assert event["sub_event_type"] == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(("text", "country", "sub_event_type"), [
    ("On 13 August 2020, ISWAP established a checkpoint near Gubio and seized a Red Cross (ICRC) vehicle.",
     "Nigeria", "Looting/property destruction"),
    ("On 13 August 2020, armed men stormed the health office in Aden, confiscating 12 devices.", "Yemen",
     "Looting/property destruction"),
    ("On 13 August 2020, soldiers recovered four improvised explosive devices planted by NPA militants near "
     "Pahug.", "Philippines", "Disrupted weapons use"),
])
def test_property_seized_and_explosives_recovered(text: str, country: str, sub_event_type: str) -> None:
    assert only(text, country, date(2020, 8, 13))["sub_event_type"] == sub_event_type


def test_violent_demonstrations_in_the_plural_are_a_riot() -> None:
    event = only("On 7 May 2020, police forces used teargas to disperse a second day of violent demonstrations by "
                 "prisoners in Misserete.", "Benin", date(2020, 5, 7))
    assert (event["sub_event_type"], event["interaction"]) == ("Violent demonstration", 15)


def test_demonstrators_who_kill_someone_riot() -> None:
    event = only("On 4 May 2020, youths demonstrated in Kibera demanding answers from the police. Demonstrators took "
                 "one of the suspects to the scene of the crime and killed him.", "Kenya", date(2020, 5, 4))
    assert (event["event_type"], event["actor1"]) == ("Riots", "Rioters (Kenya)")


@pytest.mark.parametrize("text", [
    "The bandh enforcers vandalised a taxi in Rampur on Tuesday.",
    "A passenger bus was torched by the blockaders in Rampur in the morning.",
    "Agitating locals vandalized two ambulances in Rampur on Thursday.",
])
def test_who_enforce_a_shutdown_or_a_blockade_and_destroy_property_are_rioters(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["actor1"]) == ("Violent demonstration", "Rioters (India)")


def test_unknown_people_who_burn_a_house_are_no_rioters() -> None:
    event = only("On 16 August 2016, unidentified men set fire to a house in Rampur.")
    assert event["sub_event_type"] == "Looting/property destruction"


@pytest.mark.parametrize("text", [
    "A group of people demanding public housing staged a protest in Rampur.",
    "Relatives demanding the release of detained students protested in Rampur.",
    "Justice workers went on a 48-hour strike in Rampur.",
])
def test_who_protests_may_be_told_with_a_topic_word_and_it_is_still_a_protest(text: str) -> None:
    assert only(text)["sub_event_type"] == "Peaceful protest"


def test_a_protest_joined_elsewhere_by_people_arrested_is_no_protest() -> None:
    event = only("On 16 August 2016, police arrested ten men in Rampur on the accusation of participating in "
                 "demonstrations held in April.")
    assert event["sub_event_type"] == "Arrests"


@pytest.mark.parametrize("text", [
    "Police arrested protestors who disrupted a press conference in Rampur.",
    "73 students were arrested by police when they attempted a rail roko at Rampur Junction.",
    "Congress workers protested in Rampur, where police cane-charged the protesting workers.",
])
def test_protestors_rail_rokos_and_cane_charges_are_protests_the_police_intervened_in(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["interaction"]) == ("Protest with intervention", 16)


def test_the_dead_of_an_operation_in_which_they_were_killed_count() -> None:
    event = only("On 28 April 2020, the Pakistan military encountered BLF militants in Panjgur in which four "
                 "militants were killed.", "Pakistan", date(2020, 4, 28))
    assert event["fatalities"] == 4


def test_gunmen_who_ambush_civilians_attack_them_and_an_ambushed_patrol_is_a_battle() -> None:
    civilians = only("Unknown gunmen ambushed a relief NGO at Rampur, leaving one staff member injured.")
    patrol = only("Militants ambushed a police patrol in Rampur, killing 3 policemen.")
    assert (civilians["sub_event_type"], civilians["interaction"]) == ("Attack", 37)
    assert (patrol["sub_event_type"], patrol["interaction"]) == ("Armed clash", 13)


@pytest.mark.parametrize("text", [
    "On 29 April 2020, QSD members shot and killed a civilian in Rampur using small arms fire.",
    "A trader was injured as his car came under gunfire attack by unknown militants in Rampur.",
])
def test_gunfire_at_civilians_is_an_attack_not_a_battle(text: str) -> None:
    assert only(text, published=date(2020, 4, 30))["sub_event_type"] == "Attack"


@pytest.mark.parametrize("text", [
    "A BJP demonstration in Rampur turned violent on Thursday.",
    "Members of the VHP, protesting against the death of two cows, smeared grease on the faces of two officers "
    "in Rampur.",
])
def test_a_protest_that_turned_violent_or_smeared_someone_is_a_violent_demonstration(text: str) -> None:
    assert only(text)["sub_event_type"] == "Violent demonstration"


def test_what_protesters_allege_is_what_their_protest_is_about() -> None:
    event = only("Parents staged a protest in Rampur against a private school, alleging that the school is looting "
                 "parents.")
    assert (event["sub_event_type"], event["interaction"]) == ("Peaceful protest", 60)


def test_alleged_before_the_doers_is_no_topic_that_blocks_what_they_did() -> None:
    # (without the rule no event is coded: "alleged" read as what a statement is about)
    event = only("In Rampur, alleged blockaders hurled two petrol bombs at a truck on Wednesday night.")
    assert event["sub_event_type"] == "Attack"


@pytest.mark.parametrize("text", [
    "Local residents assaulted an NGO staff member in Rampur.",
    "A number of people killed a suspected motorcycle thief near Rampur.",
    "Three pastoralist men assaulted and wounded a farmer in Rampur.",
    "Farmers in the village of Rampur beat up a herder over damage to their crops.",
])
def test_residents_or_people_who_attack_someone_are_a_mob(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", 57)


@pytest.mark.parametrize("text", [
    "Protesters demonstrating against the new law on Saturday torched a passenger bus in Rampur.",
    "Demonstrations against the state government by the opposition on 15 August turned violent in Rampur.",
])
def test_the_day_an_event_happened_ends_what_a_protest_was_against(text: str) -> None:
    assert only(text)["sub_event_type"] == "Violent demonstration"


def test_a_mob_that_only_protested_is_a_peaceful_protest() -> None:
    event = only("A mob of angry students protested in front of the police station in Rampur on Monday.")
    assert (event["sub_event_type"], event["actor1"]) == ("Peaceful protest", "Protesters (India)")


def test_people_baton_charged_with_no_protest_named_protested_with_intervention() -> None:
    event = only("Left Front activists were baton-charged in Rampur on Thursday for demanding a minimum support price.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == \
        ("Protest with intervention", "Protesters (India)", "Police Forces of India (2014-)")


@pytest.mark.parametrize("text", [
    "Students of a junior college threw bricks at the principal's office in Rampur on Monday.",
    "The relatives of a deceased student went berserk in Rampur on Monday, thrashing the principal and damaging "
    "furniture.",
])
def test_people_who_turn_violent_with_no_protest_or_crowd_named_are_a_mob(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == \
        ("Mob violence", "Rioters (India)", 57)


def test_a_trigger_that_names_the_doer_leaves_the_roles_to_the_act() -> None:
    event = only("A mob of around 15 people attacked the police in Rampur on Monday.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == \
        ("Mob violence", "Rioters (India)", "Police Forces of India (2014-)")


@pytest.mark.parametrize("text", [
    "At least four students were injured as two groups of student union members clashed in Rampur on Monday.",
    "Two people were killed and 30 wounded in clashes between political opponents in Rampur on Monday.",
])
def test_people_hurt_in_a_clash_of_unnamed_unarmed_sides_rioted(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == \
        ("Mob violence", "Rioters (India)", "Rioters (India)")


@pytest.mark.parametrize("text", [
    "Two people were shot dead in clashes in Rampur on Monday.",
    "Armed clashes were reported in Rampur on Monday in which two people died.",
])
def test_people_hurt_in_an_armed_clash_of_unnamed_sides_are_no_civilians(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == \
        ("Armed clash", "Unidentified Armed Group (India)", "Unidentified Armed Group (India)")


def test_an_aid_organisation_s_acronym_is_no_armed_group() -> None:
    event = only("A staff member of an INGO was killed when gunmen shot at a bus in Rampur on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Attack", "Civilians (India)")


def test_an_aid_convoy_ambushed_is_an_attack_on_civilians() -> None:
    event = only("Gunmen ambushed and attacked an NGO convoy near Rampur on Monday, wounding an aid worker.")
    assert (event["sub_event_type"], event["actor2"]) == ("Attack", "Civilians (India)")


def test_a_month_in_what_a_protest_demands_dates_no_event() -> None:
    event = only("Government employees staged a demonstration in front of the Collectorate in Rampur demanding "
                 "wage revision from January 2014.", published=date(2015, 3, 2))
    assert (event["sub_event_type"], event["event_date"], event["time_precision"]) == \
        ("Peaceful protest", "2015-03-02", 2)


def test_after_and_the_doers_of_the_same_event_block_nothing() -> None:
    event = only("A civilian was killed on Tuesday after unidentified militants attacked a police post in Rampur.")
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 13)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("At least 14 militants were killed after military jets pounded their hideouts in Rampur.", "Air/drone strike"),
    ("A policeman was arrested after a gunfight between police and robbers in Rampur.", "Armed clash"),
])
def test_after_right_after_the_harm_tells_how_it_came_about(text: str, sub_event_type: str) -> None:
    assert only(text, "Pakistan")["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text", [
    "Thirteen militants were killed in a search operation in Rampur.",
    "A search operation against militant groups in Kalat, Balochistan left 13 militants dead.",
])
def test_a_search_operation_is_a_battle_of_the_state_forces_that_ran_it(text: str) -> None:
    event = only(text, "Pakistan")
    assert (event["sub_event_type"], event["inter1"], event["actor2"], event["fatalities"]) == \
        ("Armed clash", 1, "Unidentified Armed Group (Pakistan)", 13)
    assert any("implies state forces" in item["reason"] for item in event["review"])


def test_pakistans_separatist_groups_are_the_baloch_separatists() -> None:
    event = only("A search operation against separatist groups in Kalat, Balochistan left 13 militants dead.",
                 "Pakistan")
    assert (event["actor2"], event["interaction"]) == ("Baloch Separatists (Pakistan)", 12)


@pytest.mark.parametrize(("text", "interaction"), [
    ("BSP members and BJP workers clashed in Rampur on Monday.", 55),
    ("Congress workers attacked a journalist in Rampur on Monday.", 57),
    ("Activists of the SFI vandalised the principal's office in Rampur.", 57),
    ("Supporters of the ruling party attacked a TV crew in Rampur.", 57),
])
def test_a_partys_people_who_fight_or_attack_are_rioters(text: str, interaction: int) -> None:
    event = only(text)
    assert (event["actor1"], event["interaction"]) == ("Rioters (India)", interaction)


def test_the_party_of_rioters_is_named_for_review_as_an_associated_actor() -> None:
    event = only("Congress workers attacked a journalist in Rampur on Monday.")
    assert any("add 'Congress' as an associated actor" in item["reason"] for item in event["review"])


def test_a_partys_people_arrested_are_civilians() -> None:
    event = only("Police arrested 30 Congress workers in Rampur on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Arrests", "Civilians (India)")


@pytest.mark.parametrize("text", [
    "Assailants torched a passenger bus in Rampur on Monday night.",
    "At least three buses were set on fire in Rampur early in the day.",
    "Two buses were vandalised by miscreants in Rampur on Sunday.",
])
def test_property_burnt_by_people_not_named_and_not_armed_is_a_mob(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["actor1"]) == ("Mob violence", "Rioters (India)")


def test_property_burnt_by_armed_people_not_named_is_an_armed_group() -> None:
    event = only("Armed men torched a passenger bus in Rampur on Monday night.")
    assert (event["sub_event_type"], event["actor1"]) == ("Looting/property destruction",
                                                          "Unidentified Armed Group (India)")


@pytest.mark.parametrize("text", [
    "The Nationalist Congress Party organised a march to the electricity company's offices in Rampur.",
    "A march was taken out by civil society members in Rampur against the new law.",
    "200 students held a two-hour sit in on Tuesday in front of the Vice Chancellor's office in Rampur.",
    "Primary school teachers went to the street in Rampur to claim the payment of their bonuses.",
])
def test_a_march_held_or_taken_out_and_a_sit_in_are_protests(text: str) -> None:
    assert only(text)["sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "On 5 May 2020, anti-Houthi forces reportedly established two fortifications in the east of Rampur.",
    "On 5 May 2020, the Familia cartel placed two check points on the federal road near Rampur.",
    "On 5 May 2020, members of a gang delivered food packages to families in Rampur.",
])
def test_digging_in_setting_up_checkpoints_and_handing_out_aid_are_changes_to_activity(text: str) -> None:
    assert only(text, published=date(2020, 5, 5))["sub_event_type"] == "Change to group/activity"


@pytest.mark.parametrize("text", [
    "On 9 May 2020, in Rampur, 210 migrants returned from Peru.",
    "On 9 May 2020, over 12,000 people were displaced in the Rampur region.",
])
def test_people_displaced_or_returning_are_another_strategic_development_of_civilians(text: str) -> None:
    event = only(text, published=date(2020, 5, 9))
    assert (event["sub_event_type"], event["interaction"]) == ("Other", 70)


def test_a_president_who_returned_from_a_trip_is_no_event() -> None:
    assert code_text("On 9 May 2020, the president returned from Peru.", published=date(2020, 5, 9),
                     country="India") == []



def test_a_petrol_bomb_is_incendiary_not_an_explosive() -> None:
    event = only("Three bus passengers sustained burn injuries as assailants hurled a petrol bomb at the vehicle in "
                 "Rampur last night.", "Bangladesh")
    assert (event["sub_event_type"], event["interaction"]) == ("Attack", 37)


def test_petrol_bombs_recovered_in_a_raid_are_no_attack() -> None:
    event = only("RAB arrested three people along with 28 petrol bombs in Rampur on Saturday.", "Bangladesh")
    assert event["sub_event_type"] == "Arrests"



@pytest.mark.parametrize("text", [
    "Two cadres were killed in an encounter with Assam Rifles at Longsa village on 16 August.",
    "An Assistant Sub-Inspector of the Border Security Force was killed in a crossfire in Poonch on 16 August.",
])
def test_an_encounter_or_a_crossfire_with_forces_is_a_battle(text: str) -> None:
    assert only(text)["sub_event_type"] == "Armed clash"


def test_the_unnamed_side_a_state_force_fought_is_an_unidentified_armed_group() -> None:
    event = only("Police killed 20 suspected sandalwood smugglers during a fierce gun battle in Rampur.")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Armed clash", "Unidentified Armed Group (India)", 13)


def test_a_gun_battle_between_two_rival_groups_is_a_battle_of_unidentified_armed_groups() -> None:
    event = only("Two men were killed and 10 other people were injured in a series of gun battles between two rival "
                 "groups in Rampur on Friday over establishing supremacy.")
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == (
        "Armed clash", "Unidentified Armed Group (India)", 33)


def test_burning_an_effigy_is_a_peaceful_protest() -> None:
    event = only("BJP activists burnt the Deputy Chief Minister's effigy at Rampur after the recent molestation of a "
                 "girl.")
    assert (event["sub_event_type"], event["interaction"]) == ("Peaceful protest", 60)


def test_forces_taking_control_of_a_town_regain_it() -> None:
    event = only("On 2 July 2016, Libyan forces succeeded in taking control of Sirte.", "Libya", date(2016, 7, 2))
    assert event["sub_event_type"] == "Government regains territory"


@pytest.mark.parametrize("text", [
    "Baloch separatists blew up a section of a gas pipeline in Dera Bugti.",
    "Militants blew up two high transmission towers near Quetta at night.",
])
def test_blowing_up_a_pipeline_or_a_power_line_is_an_explosion(text: str) -> None:
    assert only(text, "Pakistan")["sub_event_type"] == "Remote explosive/landmine/IED"


def test_what_is_set_on_fire_may_be_named_at_length() -> None:
    event = only("Two unidentified assailants set a school bus belonging to the school on fire in Rampur.")
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", 57)


def test_setting_a_leaders_picture_on_fire_at_a_protest_is_no_violence() -> None:
    event = only("Locals held a protest against the government in Rampur. They set the minister's picture on fire.")
    assert (event["sub_event_type"], event["interaction"]) == ("Peaceful protest", 60)


def test_an_armed_group_repelled_by_forces_is_their_target_not_the_people_it_attacked() -> None:
    event = only("Boko Haram fighters abducted motorists including an aid worker along the Maiduguri-Damaturu highway "
                 "but were repelled by Nigerian troops.", "Nigeria", date(2021, 2, 25))
    assert (event["actor1"], event["actor2"], event["interaction"]) == (
        "Military Forces of Nigeria (2015-2023)", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 12)


def test_demonstrators_who_threw_projectiles_or_objects_turned_violent() -> None:
    event = only("More than 3,000 students protested and threw projectiles at university staff in Rampur.")
    assert (event["event_type"], event["sub_event_type"]) == ("Riots", "Violent demonstration")


def test_a_convoy_of_health_workers_attacked_carries_civilians_not_forces() -> None:
    event = only("On 5 June 2019, in Beni, an unidentified armed group attacked a convoy of health workers treating "
                 "Ebola.", "Democratic Republic of Congo", date(2019, 6, 5))
    assert (event["sub_event_type"], event["interaction"]) == ("Attack", 37)


def test_forces_who_sustained_wounds_in_an_attack_are_its_target() -> None:
    event = only("A policeman sustained gunshot wounds in an attack in Al-Arish on Tuesday.", "Egypt",
                 date(2016, 6, 21))
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Armed clash", "Police Forces of Egypt (2014-)", 13)


@pytest.mark.parametrize(("text", "interaction"), [
    ("Villagers set fire to two buses in Rampur.", 50),
    ("Locals torched a police vehicle in Rampur.", 15),
    ("A group of people attacked a media office in Rampur.", 57),
    ("A mob attacked a church in Rampur.", 57),
])
def test_property_that_people_named_as_civilians_set_on_fire_is_a_mobs_work(text: str, interaction: int) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == (
        "Mob violence", "Rioters (India)", interaction)


def test_alleged_forces_as_the_doers_block_no_count_of_the_dead() -> None:
    event = only("On 6 May 2020, shells fired by alleged LNA forces killed four civilians and injured two others in "
                 "Al Krimiyah.", "Libya", date(2020, 5, 6))
    assert (event["sub_event_type"], event["fatalities"]) == ("Shelling/artillery/missile attack", 4)


def test_death_threats_and_a_death_sentence_count_no_dead() -> None:
    event = only("On 5 May 2020, in Ipatinga, a man was injured in a drive-by shooting by armed men in a car. The "
                 "victim had been receiving death threats.", "Brazil", date(2020, 5, 5))
    assert (event["sub_event_type"], event["fatalities"]) == ("Attack", 0)


def test_cattle_traders_killed_are_people_though_cattle_are_not() -> None:
    event = only("Border guards gunned down two Bangladeshi cattle traders near Jessore.", "Bangladesh")
    assert event["fatalities"] == 2


def test_rioters_who_attacked_someone_with_no_word_of_arms_rioted() -> None:
    event = only("BJP workers attacked two Congress leaders in Rampur.")
    assert (event["event_type"], event["sub_event_type"], event["interaction"]) == ("Riots", "Mob violence", 57)


@pytest.mark.parametrize("text", [
    "Hundreds of guest teachers demonstrated in front of the minister's residence in Rampur. The demonstrators were "
    "taken into custody later by police.",
    "Police stopped protestors from entering the district complex in Rampur. The protesters were demonstrating "
    "against the death of a girl.",
])
def test_demonstrators_taken_into_custody_or_stopped_by_the_police_met_an_intervention(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["interaction"]) == ("Protest with intervention", 16)


def test_an_aggregate_cue_after_the_day_and_the_event_is_no_aggregate_claim() -> None:
    event = only("On 4 May 2020, police dispersed a sit-in held by citizens in Nouakchott, demanding the return of "
                 "relatives stranded abroad since the start of the outbreak.", "Mauritania", date(2020, 5, 4))
    assert (event["sub_event_type"], event["interaction"]) == ("Protest with intervention", 16)


def test_an_aggregate_claim_with_a_day_after_its_cue_stays_one() -> None:
    events = code_text("Since the start of the war, 500 people have been killed, officials said on 4 May 2020.",
                       published=date(2020, 5, 4), country="Mauritania")
    assert events == []


@pytest.mark.parametrize("text", [
    "On 27 April 2019, an unidentified group destroyed election materials of the electoral commission in Alafiarou.",
    "On 27 April 2019, soldiers found and destroyed a clandestine airstrip near Alafiarou.",
])
def test_election_materials_a_checkpoint_or_an_airstrip_destroyed_is_property_destruction(text: str) -> None:
    event = only(text, "Benin", date(2019, 4, 27))
    assert event["sub_event_type"] == "Looting/property destruction"


def test_fulanis_are_the_fulani_ethnic_militia() -> None:
    event = only("Fulanis attacked the village of Uzaar in Logo local government on 20 June, killing 26.", "Nigeria",
                 date(2016, 6, 21))
    assert (event["actor1"], event["interaction"]) == ("Fulani Ethnic Militia (Nigeria)", 47)


def test_as_is_al_shabaab_in_somalia_and_no_group_elsewhere() -> None:
    event = only("On 30 January 2019, a truck of an NGO contractor was captured and burnt down by AS in Jowhar.",
                 "Somalia", date(2019, 1, 30))
    assert event["actor1"] == "Al Shabaab"
    event = only("On 22 June 2022, tribal militants clashed in AS Sarifa district, Basrah.", "Iraq", date(2022, 6, 22))
    assert "Al Shabaab" not in (event["actor1"], event["actor2"])


def test_militias_that_clash_over_a_land_dispute_are_communal_militias() -> None:
    event = only("On 27 April 2020, militias from Mbaivur and Mbasombo clashed in Gwer East over a land dispute.",
                 "Nigeria", date(2020, 4, 27))
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 44)


def test_an_officer_named_by_rank_is_the_military() -> None:
    event = only("On 3 May 2020, unidentified gunmen shot dead a regime's 1st lieutenant in Dar'a.", "Syria",
                 date(2020, 5, 3))
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 13)



@pytest.mark.parametrize("text", [
    "Farmers continued to block traffic over the new land law in Rampur.",
    "Shutdown for the second day in Rampur against the arrest of a local leader.",
    "Hundreds of traders shut their shops in Rampur against the new tax.",
    "Youth Congress supporters walked from the station to the town hall in Rampur against the price rise.",
])
def test_a_blockade_a_shutdown_shops_shut_or_a_walk_against_something_is_a_protest(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["interaction"]) == ("Peaceful protest", 60)


@pytest.mark.parametrize("text", ["Authorities imposed an internet shutdown in Rampur.",
                                  "The government ordered a shutdown of the mills in Rampur."])
def test_a_shutdown_that_no_one_observes_or_calls_is_no_protest(text: str) -> None:
    assert all(e["event_type"] != "Protests" for e in code_text(text, published=DAY, country="India"))


@pytest.mark.parametrize("text", [
    "Strike enforcers have held demonstrations at different places in Rampur since early this morning.",
    "Villagers have blocked the highway in Rampur since last night against the arrest of a farmer.",
])
def test_since_early_this_morning_or_last_night_tells_the_day_not_a_tally(text: str) -> None:
    assert only(text)["sub_event_type"] == "Peaceful protest"


def test_since_early_in_the_year_is_still_a_tally() -> None:
    not_coded: list[dict[str, Any]] = []
    events = Coder().code("Police have arrested 300 protesters in Rampur since early January.", DAY, "India",
                          not_coded=not_coded)
    assert events == []
    assert "aggregate" in not_coded[0]["reason"]



def test_a_day_in_what_a_protest_is_about_does_not_date_the_protest() -> None:
    event = only("Hundreds of farmers protested in Rampur against the killing of a farmer on August 17.",
                 published=date(2022, 10, 1))
    assert (event["sub_event_type"], event["event_date"]) == ("Peaceful protest", "2022-10-01")


@pytest.mark.parametrize("text", [
    "Shopkeepers of Rampur protested against the eviction of vendors from the old market whose stalls were razed in "
    "June last year by the municipal corporation.",
    "Hundreds of villagers marched in Rampur to demand the return of the activist Ram Prasad Yadav who went missing "
    "under unclear circumstances on August 17.",
])
def test_a_date_deep_in_what_a_protest_is_about_does_not_date_the_protest(text: str) -> None:
    event = only(text, published=date(2022, 10, 1))
    assert (event["sub_event_type"], event["event_date"]) == ("Peaceful protest", "2022-10-01")



@pytest.mark.parametrize("record", ["had charges against him for drug trafficking",
                                    "had charges against him for several crimes, including drug trafficking"])
def test_a_victim_who_had_charges_for_drug_trafficking_is_a_gang_member_in_a_clash(record: str) -> None:
    event = only(f"On 7 May 2020, in Manaus, a man was shot to death by two armed men. The victim {record}.",
                 "Brazil", date(2020, 5, 7))
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Armed clash", "Unidentified Gang (Brazil)", 33)


@pytest.mark.parametrize("text", [
    "On 28 April 2020, military forces found and destroyed a clandestine airstrip used for drug trafficking near "
    "Manaus.",
    "On 4 May 2020, police officers destroyed a plantation of nearly 4000 marihuana plants near Manaus.",
])
def test_drugs_or_an_airstrip_the_forces_seized_or_destroyed_were_a_gangs(text: str) -> None:
    event = only(text, "Brazil", date(2020, 5, 4))
    assert (event["sub_event_type"], event["actor2"]) == ("Looting/property destruction", "Unidentified Gang (Brazil)")


@pytest.mark.parametrize("text", ["On 9 May 2020, a shoot-out took place in Morro do Cavalao neighborhood, Niteroi.",
                                  "On 9 May 2020, an exchange of fire was reported in Niteroi."])
def test_a_shootout_with_no_side_named_is_fought_by_two_unidentified_armed_groups(text: str) -> None:
    event = only(text, "Brazil", date(2020, 5, 9))
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["interaction"]) == (
        "Armed clash", "Unidentified Armed Group (Brazil)", "Unidentified Armed Group (Brazil)", 33)


def test_people_who_clashed_with_no_side_named_and_no_word_of_arms_rioted() -> None:
    event = only("BJP and Congress members clashed after poll results in Rampur.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["interaction"]) == (
        "Mob violence", "Rioters (India)", "Rioters (India)", 55)


@pytest.mark.parametrize("text", ["Local militiamen attacked a Fulani settlement near Makurdi, killing two people.",
                                  "A village militia attacked herders near Makurdi, killing two people."])
def test_a_local_or_village_militia_is_a_communal_militia(text: str) -> None:
    event = only(text, "Nigeria")
    assert (event["actor1"], event["interaction"]) == ("Unidentified Communal Militia (Nigeria)", 47)


def test_a_body_found_counts_one_dead() -> None:
    event = only("Gunmen attacked a village in Rampur. A mutilated body was found near the well.")
    assert event["fatalities"] == 1


@pytest.mark.parametrize("text", ["Maoists blasted a mobile tower in Rampur on Friday.",
                                  "Militants claimed responsibility for blasting a gas pipeline in Rampur."])
def test_blasted_and_blasting_are_explosions(text: str) -> None:
    assert only(text)["sub_event_type"] == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text", [
    "On 5 May 2022, army troops responded to Maoist shelling of their camp near Rampur. No casualties were reported.",
    "On 5 May 2022, Maoists fired mortars at an army camp near Rampur and the troops responded with heavy fire.",
])
def test_forces_that_responded_to_fire_fought_a_battle(text: str) -> None:
    assert only(text)["sub_event_type"] == "Armed clash"


def test_a_hedged_opening_sentence_still_says_when_and_where_the_next_one_happened() -> None:
    """segment: the day and place of an opening sentence whose act was only attempted open the next sentence's
    event."""
    event = only("On 6 June 2022, in Rampur, four armed men tried to abduct a shopkeeper. The attackers fired shots "
                 "in the air and beat him.", published=date(2022, 6, 10))
    assert (event["location"], event["event_date"]) == ("Rāmpur", "2022-06-06")


@pytest.mark.parametrize("text", ["Large protests broke out in Rampur over the water shortage.",
                                  "Patients stormed out of the district hospital in Rampur and protested outside it."])
def test_broke_out_and_stormed_out_are_no_violence(text: str) -> None:
    assert only(text)["sub_event_type"] == "Peaceful protest"


def test_forces_that_dislodged_militants_regained_territory() -> None:
    event = only("On 18 June 2016, army troops dislodged Maoist militants from two villages near Rampur.",
                 published=date(2016, 6, 18))
    assert event["sub_event_type"] == "Government regains territory"


def test_police_who_used_force_on_protesters_intervened() -> None:
    event = only("On 30 April 2022, hundreds of villagers protested in Rampur demanding compensation. The police "
                 "used force on the protesters.", published=date(2022, 4, 30))
    assert (event["sub_event_type"], event["interaction"]) == ("Protest with intervention", 16)


@pytest.mark.parametrize("text", [
    "At least 10 people were injured in a clash between two groups of the Jatiya Party in Rampur on Friday.",
    "Two student groups clashed over election results at a college in Rampur.",
    "Five people were hurt in a clash between members of the Congress and the BSP in Rampur.",
    "Post poll violence left 15 people injured in clashes between political opponents in Rampur.",
])
def test_party_or_student_groups_that_fought_with_no_word_of_arms_rioted(text: str) -> None:
    event = only(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Mob violence", "Rioters (India)", "Rioters (India)")


def test_party_groups_that_fired_guns_fought_a_battle() -> None:
    event = only("At least 10 people were injured in a clash between two groups of the Jatiya Party, who fired guns, "
                 "in Rampur on Friday.")
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 33)


@pytest.mark.parametrize(("text", "actor2", "interaction"), [
    ("Four activists of the student league were injured in a factional clash over establishing supremacy at a hall "
     "in Rajshahi.", "Rioters (Bangladesh)", 55),
    ("At least five policemen were injured in a clash with a group of local people at a sermon in Rajshahi.",
     "Police Forces of Bangladesh (2009-2024)", 15),
])
def test_a_clash_a_mob_fought_has_two_sides(text: str, actor2: str, interaction: int) -> None:
    event = only(text, "Bangladesh")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Mob violence", actor2, interaction)


@pytest.mark.parametrize(("text", "country"), [
    ("Police and voters clashed in Palamu on Sunday in election related violence.", "India"),
    ("Clashes were reported in Annaba between police and informal traders.", "Algeria"),
])
def test_people_who_clashed_with_the_police_with_no_word_of_arms_rioted(text: str, country: str) -> None:
    event = only(text, country)
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == (
        "Mob violence", f"Rioters ({country})", 15)


@pytest.mark.parametrize("who", ["Local militiamen", "Dozens of fighters"])
def test_militiamen_or_fighters_who_clashed_with_the_police_fought_a_battle(who: str) -> None:
    event = only(f"{who} clashed with the police in Beni.", "Democratic Republic of Congo")
    assert event["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize(("text", "country"), [
    ("Clashes between government and opposition forces in Nhialdiu.", "South Sudan"),
    ("Two people were killed as paramilitary personnel and suspects exchanged fire in Shikarpur.", "Pakistan"),
])
def test_forces_or_an_exchange_of_fire_are_words_of_arms(text: str, country: str) -> None:
    assert only(text, country)["sub_event_type"] == "Armed clash"


def test_rioters_who_destroyed_property_rioted() -> None:
    event = only("In Gazipur, activists of Islami Chhatra Shibir torched a bus in Chandana area.", "Bangladesh")
    assert (event["event_type"], event["sub_event_type"], event["actor1"]) == (
        "Riots", "Mob violence", "Rioters (Bangladesh)")


def test_a_notes_property_destruction_label_keeps_rioters_property_destruction() -> None:
    event = only("Property destruction: On 10 May 2022, Israeli settlers uprooted 17 olive trees and vandalized a "
                 "Palestinian-owned shed near Kafr ad Dik.", "Palestine", date(2022, 5, 10))
    assert event["sub_event_type"] == "Looting/property destruction"


def test_the_air_force_intelligence_is_no_air_strike() -> None:
    event = only("On 4 May 2020, 2 members of the regime's Air Force Intelligence were killed when unidentified gunmen "
                 "opened fire on them with machine guns near Nahta in Dar'a.", "Syria", date(2020, 5, 4))
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 13)
    assert only("On 4 May 2020, the air force bombed Nahta in Dar'a.", "Syria",
                date(2020, 5, 4))["sub_event_type"] == "Air/drone strike"


def test_a_group_of_people_fired_at_is_no_crowd() -> None:
    fired_at = only("On 6 May 2020, a police officer opened fire at a group of people at Alaudia-Saray village in "
                    "Nalanda district, killing one and injuring two.", "India", date(2020, 5, 6))
    assert (fired_at["sub_event_type"], fired_at["interaction"]) == ("Attack", 17)
    doing = only("On 6 May 2020, a group of people attacked a man in Nalanda district.", "India", date(2020, 5, 6))
    assert (doing["sub_event_type"], doing["interaction"]) == ("Mob violence", 57)


def test_something_held_against_a_policy_is_a_protest() -> None:
    event = only("The Temperance Commission held a 'Nilpu samaram' against the liquor policy of the State government "
                 "in Kochi.")
    assert (event["sub_event_type"], event["interaction"]) == ("Peaceful protest", 60)


@pytest.mark.parametrize("text", [
    "About 100 villagers converged on the National Assembly in Phnom Penh to ask for help in settling two land "
    "disputes.",
    "Hundreds of farmers went to the district office in Kratie to seek compensation for their land.",
])
def test_people_who_went_somewhere_to_seek_or_ask_for_something_protested(text: str) -> None:
    assert only(text, "Cambodia")["sub_event_type"] == "Peaceful protest"


def test_people_who_stopped_work_protested_but_shelling_that_stopped_trains_did_not() -> None:
    event = only("Farmers of two villages stopped construction work in the Khurja area of Bulandshahr district, "
                 "alleging that the Railways acquired the land at a very low price.")
    assert event["sub_event_type"] == "Peaceful protest"
    assert only("Local residents blocked construction of a landfill site in Rampur.")["sub_event_type"] == \
        "Peaceful protest"
    shelled = only("Shelling disrupted the movement of trains near Kharkiv.", "Ukraine")
    assert shelled["sub_event_type"] == "Shelling/artillery/missile attack"


def test_people_who_went_on_a_rampage_rioted() -> None:
    event = only("Students of a junior college in Boudh district today went on a rampage in the institute, because "
                 "they could not take the test.")
    assert (event["event_type"], event["sub_event_type"]) == ("Riots", "Mob violence")


def test_organisations_that_demanded_something_protested() -> None:
    event = only("Various Sikh organizations and political parties demanded the release of Sikh prisoners whose jail "
                 "terms were over.")
    assert event["sub_event_type"] == "Peaceful protest"


def test_a_date_years_back_after_a_word_of_protest_dates_its_cause_not_the_protest() -> None:
    day = date(2015, 12, 6)
    event = only("Trinamool Congress organized a protest march in Kolkata to criticize the demolition of the Babri "
                 "Masjid on December 6, 1992.", published=day)
    assert (event["sub_event_type"], event["event_date"]) == ("Peaceful protest", "2015-12-06")
    # a killing told with such a date stays background
    assert code_text("Militants killed 27 civilians in Kupwara on January 27, 1994.", published=day,
                     country="India") == []


def test_a_dash_of_two_hyphens_leaves_the_word_beside_it_whole() -> None:
    event = only("About 25 former employees of a garment factory in Phnom Penh--which was destroyed in a fire--"
                 "protested outside the offices of their union.", "Cambodia")
    assert event["sub_event_type"] == "Peaceful protest"
    # one hyphen still joins a word: "anti-protest" is no protest
    assert code_text("Parliament passed an anti-protest law in Phnom Penh.", published=DAY, country="Cambodia") == []


def test_a_clash_of_organisations_no_dictionary_knows_with_no_arms_told_is_a_riot() -> None:
    event = only("Clashes broke out between the PKD and the LMN in Rampur on Sunday; five people were injured.")
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", 55)
    event = only("PKD activists clashed with villagers in Rampur on Sunday.")
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", 55)
    # with arms told, a battle
    event = only("Clashes broke out between the PKD and the LMN in Rampur on Sunday; gunfire was heard.")
    assert event["event_type"] == "Battles"


def test_a_day_after_a_month_is_no_count_of_people() -> None:
    event = only("Three party workers were killed in clashes over disputed results in the Nov 12 local body elections "
                 "in Rampur.")
    assert event["fatalities"] == 3
    # a count after a month and its year still counts
    event = only("On 9 May 2020, 2 Taliban militants were killed when Afghan forces repulsed their attack in "
                 "Charbolak district.", "Afghanistan", date(2020, 5, 9))
    assert event["fatalities"] == 2


def test_a_protest_going_on_continuously_is_a_protest_but_fire_going_on_since_an_event_is_a_condition() -> None:
    assert only("Teachers who were laid off have been protesting continuously in Rampur.")["sub_event_type"] == \
        "Peaceful protest"
    assert code_text("The junta has been continuously bombarding Laiza since the KIA seized two outposts.",
                     published=DAY, country="Myanmar") == []


def test_a_tally_in_what_a_protest_is_about_does_not_make_the_protest_an_aggregate_claim() -> None:
    event = only("Hundreds of refugees demonstrated outside the African Union headquarters in Addis Ababa against "
                 "abuses, following a report that accuses the government of crimes over the past 25 years.",
                 "Ethiopia")
    assert event["sub_event_type"] == "Peaceful protest"
    assert code_text("Over the past two years, refugees have demonstrated in Addis Ababa.", published=DAY,
                     country="Ethiopia") == []


@pytest.mark.parametrize(("text", "dead"), [
    ("Bandits attacked a house in Rampur and killed the owner of the house.", 1),
    ("A truck driver and his helper were killed when assailants hurled a petrol bomb at their truck in Rampur.", 2),
    ("Gunmen shot dead a shopkeeper and his sister in Rampur.", 2),
])
def test_one_person_named_by_a_kinship_or_a_role_counts_one(text: str, dead: int) -> None:
    assert only(text)["fatalities"] == dead
