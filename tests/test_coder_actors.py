"""The incident coder's actor conventions (ACLED's categories and one- vs two-sided events), each on an invented
sentence."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eventcode import code_text
from eventcode.coder.actors import find_actors, government, state_force

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
    event = first("On 3 May 2022, an angry mob set fire to the shop of a trader in Gulu.", "Uganda")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == \
        ("Mob violence", "Civilians (Uganda)", 57)
    assert any(item["field"] == "actor2" for item in event["review"])


def test_crowds_that_fight_each_other_are_rioters_on_both_sides() -> None:
    event = first("On 3 May 2022, supporters of two rival candidates clashed in Nakuru, injuring four people.", "Kenya")
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["interaction"]) == \
        ("Mob violence", "Rioters (Kenya)", "Rioters (Kenya)", 55)


def test_a_clan_militia_is_an_identity_militia() -> None:
    event = first("On 3 May 2022, Garre clan militiamen shot and killed a trader in Mandera.", "Kenya")
    assert (event["sub_event_type"], event["inter1"], event["interaction"]) == ("Attack", 4, 47)


def test_drug_trafficking_suspects_are_a_gang() -> None:
    event = first("On 3 May 2022, drug trafficking suspects exchanged fire with police in Manaus. One suspect was "
                  "killed.", "Brazil")
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == \
        ("Armed clash", "Unidentified Gang (Brazil)", 13)


def test_an_unknown_acronym_that_exchanged_fire_is_an_armed_group() -> None:
    event = first("On 3 May 2022, in Manaus, a member of the ZRX exchanged fire with police officers.", "Brazil")
    assert (event["actor1"], event["interaction"]) == ("ZRX", 13)


def test_the_pnc_is_the_congolese_police() -> None:
    event = first("On 3 May 2022, residents demonstrated in Goma. The PNC dispersed them with tear gas.",
                  "Democratic Republic of Congo")
    assert (event["actor2"], event["interaction"]) == (
        "Police Forces of the Democratic Republic of Congo (2019-)", 16)


@pytest.mark.parametrize(("text", "actor2"), [
    ("On 3 May 2022, a group of Israeli settlers assaulted two Palestinian farmers in Qusra. [size=no report]",
     "Civilians (Palestine)"),
    ("On 3 May 2022, a group of Israeli settlers attacked houses in Burin and clashed with Palestinian rioters who "
     "confronted them. [size=no report]", "Rioters (Palestine)"),
])
def test_a_country_adjective_before_rioters_names_their_country(text: str, actor2: str) -> None:
    event = first(text, "Palestine")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == ("Mob violence", "Rioters (Israel)", actor2)


def test_army_aspirants_against_an_army_recruitment_scheme_are_no_army() -> None:
    event = first("On 3 May 2022, youth and army aspirants demonstrated in Patna and pelted stones against the new "
                  "army recruitment scheme.", "India")
    assert (event["sub_event_type"], event["interaction"]) == ("Violent demonstration", 50)


def test_prison_guards_are_state_forces() -> None:
    event = first("On 3 May 2022, prison guards beat a detainee in a jail in Minsk.", "Belarus")
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == \
        ("Attack", "Police Forces of Belarus (1994-)", 17)


def test_the_agent_after_by_an_is_the_perpetrator_and_the_dead_civilians_the_target() -> None:
    event = first("On 3 May 2022, a roadside bomb planted by an unknown group exploded in Kirkuk, killing two "
                  "civilians.", "Iraq")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == \
        ("Remote explosive/landmine/IED", "Civilians (Iraq)", 37)


def test_the_agent_after_by_and_words_that_qualify_it_is_the_perpetrator() -> None:
    event = first("On 3 May 2022, a bomb planted by suspected Muslim separatists exploded in Yala, wounding three "
                  "soldiers.", "Thailand")
    assert (event["actor1"], event["actor2"], event["interaction"]) == \
        ("Malay Muslim Separatists (Thailand)", "Military Forces of Thailand (2019-)", 12)


def test_a_force_named_twice_after_by_is_not_its_own_target() -> None:
    event = first("On 3 May 2022, heavy weapons fired by the military troops killed two villagers near Kani.",
                  "Myanmar")
    assert (event["actor1"], event["actor2"], event["interaction"]) == \
        ("Military Forces of Myanmar (2021-)", "Civilians (Myanmar)", 17)


def test_shelling_that_hurt_civilians_without_a_number_is_against_civilians() -> None:
    event = first("On 3 May 2022, Russian forces shelled Izium. Civilians were killed and injured.", "Ukraine")
    assert (event["actor2"], event["interaction"]) == ("Civilians (Ukraine)", 78)


def test_shelling_that_only_damaged_buildings_has_no_actor2() -> None:
    event = first("On 3 May 2022, Russian forces shelled Izium, damaging civilian infrastructure. Casualties "
                  "unknown.", "Ukraine")
    assert (event["actor2"], event["interaction"]) == ("", 80)


def test_a_hyphenated_agent_word_keeps_the_named_actor() -> None:
    event = first("On 3 May 2022, a presumed Houthi-planted landmine exploded in Hayran, injuring a boy.", "Yemen")
    assert (event["actor1"], event["interaction"]) == ("Military Forces of Yemen (2016-) Supreme Political Council", 17)


def test_a_perpetrator_named_after_the_victim_is_actor1() -> None:
    event = first("On 3 May 2022, a farmer died in Taizz after Houthi sniper fire hit him.", "Yemen")
    assert (event["sub_event_type"], event["inter1"], event["interaction"]) == ("Attack", 1, 17)


@pytest.mark.parametrize(("text", "country", "day", "actor", "inter"), [
    ("Al Shabaab militants attacked ATMIS troops at a base near Jowhar.", "Somalia", date(2022, 5, 3),
     "ATMIS: African Union Transition Mission in Somalia (2022-)", 8),
    ("Al Shabaab militants attacked AU troops at a base near Jowhar.", "Somalia", date(2022, 2, 3),
     "AMISOM: African Union Mission in Somalia (2007-2022)", 8),
    ("JWS fighters operating under OPS shelled QSD positions near Ain Issa.", "Syria", DAY,
     "Operation Peace Spring", 2),
    ("STC forces clashed with Houthi fighters in Dhale.", "Yemen", DAY, "STC: Southern Transitional Council", 2),
    ("Members of the Comando Vermelho shot and killed a man in Rio de Janeiro.", "Brazil", DAY,
     "CV: Red Command", 3),
    ("IS militants attacked Peshmerga forces near Makhmour.", "Iraq", DAY,
     "Military Forces of Iraq (2020-2022) Peshmerga", 1),
    ("Volunteer fighters (VDP) clashed with JNIM militants near Djibo.", "Burkina Faso", DAY,
     "VDP: Volunteer for Defense of Homeland", 4),
    ("MS-13 members shot dead a bus driver in Soyapango.", "El Salvador", DAY, "MS-13: Mara Salvatrucha", 3),
    ("NPA rebels ambushed an army patrol in Samar.", "Philippines", DAY, "NPA: New People's Army", 2),
    ("SPLA-IO forces clashed with the army near Yei.", "South Sudan", DAY,
     "SPLM-In Opposition: Sudan People's Liberation Movement-In Opposition", 2),
    ("Imbonerakure members beat a man in Cankuzo.", "Burundi", DAY,
     "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)", 3),
    ("Mai-Mai militiamen attacked a village near Beni.", "Democratic Republic of Congo", DAY, "Mayi Mayi Militia", 3),
    ("SNR agents abducted a member of the CNL near Rugari.", "Burundi", DAY,
     "Police Forces of Burundi (2005-) National Intelligence Service", 1),
    ("suspected security operatives abducted a man in Luwero.", "Uganda", DAY, "Police Forces of Uganda (1986-)", 1),
    ("intelligence agents arrested a journalist in Kampala.", "Uganda", DAY, "Police Forces of Uganda (1986-)", 1),
    ("M23 militants shelled MONUSCO positions near Shangi.", "Democratic Republic of Congo", DAY,
     "MONUSCO: United Nations Organization Stabilization Mission in Democratic Republic of Congo (2010-)", 8),
    ("JNIM militants shelled the MINUSMA camp in Ber.", "Mali", DAY,
     "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2021-)", 8),
    ("M23 rebels took control of Rwanguba.", "Democratic Republic of Congo", DAY,
     "Military Forces of the Democratic Republic of Congo (2019-)", 1),
    ("RR, CRPF and SoG exchanged fire with LeT militants near Shopian. One militant was killed.", "India", DAY,
     "LeT: Lashkar-e-Taiba", 2),
    ("CRPF personnel exchanged fire with Kashmiri militants near Shopian.", "India", DAY,
     "Police Forces of India (2014-) Central Reserve Police Force", 1),
    ("the Rapid Support Forces clashed with rebels near Geneina.", "Sudan", DAY,
     "Military Forces of Sudan (2019-) Rapid Support Forces", 1),
    ("the Rapid Support Forces clashed with the army in Khartoum.", "Sudan", date(2023, 5, 2),
     "Rapid Support Forces", 2),
])
def test_named_actors_carry_acleds_name_category_and_period(text: str, country: str, day: date, actor: str,
                                                             inter: int) -> None:
    events = code_text(f"On {day:%d %B %Y}, {text}", published=day, country=country)
    coded = {(e[f"actor{i}"], e[f"inter{i}"]) for e in events[:1] for i in (1, 2)}
    assert (actor, inter) in coded


def test_a_foreign_force_fighting_alone_fights_the_countrys_forces() -> None:
    event = first("On 3 May 2022, Russian forces engaged in an offensive near Izium. Casualties unknown.", "Ukraine")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == \
        ("Armed clash", "Military Forces of Ukraine (2019-)", 18)
    assert any(item["field"] == "actor2" for item in event["review"])


def test_a_countrys_positions_are_its_forces() -> None:
    event = first("On 3 May 2022, Russian forces shelled Ukrainian positions near Izium.", "Ukraine")
    assert (event["actor2"], event["interaction"]) == ("Military Forces of Ukraine (2019-)", 18)


def test_a_victim_said_to_deal_drugs_is_a_gang_so_the_killing_is_a_clash() -> None:
    event = first("On 3 May 2022, in Culiacan, two gunmen shot and killed a man outside a bar. The victim was "
                  "involved in drug dealing.", "Mexico")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == \
        ("Armed clash", "Unidentified Gang (Mexico)", 33)
    plain = first("On 3 May 2022, in Culiacan, two gunmen shot and killed a man outside a bar. The victim was a "
                  "taxi driver.", "Mexico")
    assert (plain["sub_event_type"], plain["interaction"]) == ("Attack", 37)


def test_a_gang_member_killed_by_unnamed_men_is_a_clash_between_armed_groups() -> None:
    event = first("On 3 May 2022, in Culiacan, a member of a gang was shot dead outside a bar by members of a "
                  "rival gang.", "Mexico")
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 33)


def test_residents_who_capture_a_suspect_are_a_mob_not_an_arrest() -> None:
    event = first("On 3 May 2022, in Bamako, residents captured a man accused of theft.", "Mali")
    assert event["event_type"] == "Riots"
    assert event["sub_event_type"] == "Mob violence"


def test_regime_reinforcements_are_the_state_military() -> None:
    event = first("Movement of forces: On 3 May 2022, regime reinforcements arrived in Idlib.", "Syria")
    assert (event["actor1"], event["interaction"]) == ("Military Forces of Syria (2000-2024)", 10)


def test_an_armed_actor_named_with_the_agent_acts_with_it_unless_they_fought() -> None:
    burned = first("On 3 May 2022, junta troops and Pyu Saw Htee members burned down twenty houses in Kani.",
                   "Myanmar")
    assert (burned["sub_event_type"], burned["actor2"], burned["interaction"]) == \
        ("Looting/property destruction", "Civilians (Myanmar)", 17)
    fought = first("On 3 May 2022, junta troops and Pyu Saw Htee members clashed in Kani.", "Myanmar")
    assert (fought["actor2"], fought["interaction"]) == ("Pyu Saw Htee", 13)
    # a word after the first actor's name ("the Myanmar military forces and ...") still joins them
    together = first("On 3 May 2022, the Myanmar military forces and Pyu Saw Htee members burned down twenty houses "
                     "in Kani.", "Myanmar")
    assert (together["actor2"], together["interaction"]) == ("Civilians (Myanmar)", 17)


def test_an_unknown_acronyms_gang_member_is_of_an_armed_group_so_killing_one_is_a_clash() -> None:
    # (a bare "ZRX member" is a party's person, as "ZRX members" are: actors.yaml partisans)
    event = first("On 3 May 2022, in Manaus, gunmen shot dead a ZRX gang member in the street.", "Brazil")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Armed clash", "ZRX", 33)


def test_a_suspicion_that_describes_the_victim_does_not_hide_the_violence() -> None:
    event = first("On 3 May 2022, in Manaus, a man suspected of theft was beaten up by a group of residents. "
                  "[size=no report]", "Brazil")
    assert (event["sub_event_type"], event["interaction"]) == ("Mob violence", 57)
    topic = first("On 3 May 2022, in Manaus, residents protested against the release of a man suspected of "
                  "killing a child. [size=no report]", "Brazil")
    assert topic["sub_event_type"] == "Peaceful protest"


def test_a_clash_between_two_crowds_is_mob_violence_between_rioters() -> None:
    event = first("On 3 May 2022, a clash broke out between supporters of two parties at a polling station in "
                  "Jumla. [size=no report]", "Nepal")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Mob violence", "Rioters (Nepal)", 55)


def test_shelling_with_small_arms_between_two_forces_is_an_armed_clash() -> None:
    mixed = first("On 3 May 2022, Ukrainian forces fired mortars and small arms at Russian positions near Izium.",
                  "Ukraine")
    assert (mixed["sub_event_type"], mixed["interaction"]) == ("Armed clash", 18)
    shelling = first("On 3 May 2022, Russian forces fired mortars at Ukrainian positions near Izium.", "Ukraine")
    assert shelling["sub_event_type"] == "Shelling/artillery/missile attack"


def test_a_clash_with_rioters_or_demonstrators_is_a_riot_not_a_battle() -> None:
    riot = first("On 3 May 2022, rioters clashed with Israeli police forces in Jerusalem.", "Israel")
    assert (riot["sub_event_type"], riot["actor2"], riot["interaction"]) == \
        ("Mob violence", "Police Forces of Israel (2021-2022)", 15)
    demo = first("On 3 May 2022, residents clashed with police officers in Jerusalem during a demonstration against "
                 "fuel prices.", "Israel")
    assert (demo["sub_event_type"], demo["actor1"], demo["interaction"]) == \
        ("Violent demonstration", "Rioters (Israel)", 15)


def test_a_mass_grave_found_is_coded_with_no_fatalities() -> None:
    event = first("Mass grave: On 3 May 2022, a mass grave with nine bodies was found near Kidal.", "Mali")
    assert (event["sub_event_type"], event["fatalities"]) == ("Other", 0)
    assert any(item["field"] == "fatalities" for item in event["review"])


def test_a_units_number_is_not_a_count_of_dead() -> None:
    event = first("On 3 May 2022, three soldiers of battalion 101 were killed when PDF fighters ambushed them near "
                  "Kani.", "Myanmar")
    assert event["fatalities"] == 3
    unit = first("On 3 May 2022, a captain from battalion 101 was killed in a landmine attack near Kani.", "Myanmar")
    assert unit["fatalities"] == 1


def test_an_actor_in_parentheses_names_the_generic_one_before_it() -> None:
    event = first("On 3 May 2022, armed men (assumed Misseriya communal militia) shot and killed a herder near "
                  "Babanusa.", "Sudan")
    assert (event["actor1"], event["interaction"]) == ("Misseriya", 47)
    assert any(item["field"] == "actor1" for item in event["review"])
    coded = first("On 3 May 2022, five gunmen (coded as Misseriya communal militia) shot and killed a herder near "
                  "Babanusa.", "Sudan")
    assert (coded["actor1"], coded["interaction"]) == ("Misseriya", 47)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, around 15 assailants from a mob beat a man to death in Kota. [size=around 15]",
    "On 3 May 2022, JMM members assaulted and injured four XYZ members in Kota. [size=no report]",
])
def test_generic_armed_words_and_unknown_acronyms_in_a_riot_are_not_its_opponent(text: str) -> None:
    event = first(text, "India")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Mob violence", "Civilians (India)", 57)


def test_police_who_came_after_mob_violence_are_not_its_opponent() -> None:
    event = first("On 3 May 2022, in Tumbes, residents captured and beat up a robber. The robber was later rescued "
                  "by police officers. [size=no report]", "Peru")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Mob violence", "Civilians (Peru)", 57)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, assailants set two buses ablaze at the bus stand in Kota.",
    "On 3 May 2022, rioters set alight a micro bus in Kota.",
])
def test_a_mob_that_hurt_no_one_and_set_on_no_ones_property_acted_alone(text: str) -> None:
    event = first(text, "India")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Mob violence", "", 50)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, a mob attacked and beat an INC member in Kota.",
    "On 3 May 2022, a mob set the vehicle of the village chief on fire in Kota.",
    "On 3 May 2022, settlers hurled stones at passing vehicles near Kota.",
    "On 3 May 2022, a mob captured a thief and whipped him in Kota.",
])
def test_a_mob_that_set_on_people_or_their_property_targets_civilians(text: str) -> None:
    event = first(text, "India")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Mob violence", "Civilians (India)", 57)


def test_seized_drugs_belong_to_a_gang() -> None:
    event = first("Property destruction: On 3 May 2022, police destroyed a drug laboratory and seized cocaine near "
                  "Tocoa.", "Honduras")
    assert (event["actor2"], event["interaction"]) == ("Unidentified Gang (Honduras)", 13)
    together = first("Property destruction: On 3 May 2022, military police forces seized 500 marijuana plants near "
                     "Tocoa.", "Honduras")
    assert (together["actor2"], together["interaction"]) == ("Unidentified Gang (Honduras)", 13)
    for seized in ("seized a boat carrying 900 pounds of cocaine", "seized a laboratory for the production of pills"):
        event = first(f"Property destruction: On 3 May 2022, soldiers {seized} near Tocoa.", "Honduras")
        assert (event["actor2"], event["interaction"]) == ("Unidentified Gang (Honduras)", 13), seized


def test_a_states_forces_destroying_property_together_are_not_each_others_target() -> None:
    event = first("Property destruction: On 3 May 2022, the military, police, and junta supporters set houses on "
                  "fire in Zee Taw village.", "Myanmar")
    assert (event["actor2"], event["interaction"]) == ("Civilians (Myanmar)", 17)


def test_an_occupied_town_is_no_protest_and_one_soldier_is_a_force() -> None:
    event = first("On 3 May 2022, a Russian soldier raped a woman in occupied Kupiansk.", "Ukraine")
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == \
        ("Sexual violence", "Military Forces of Russia (2000-)", 78)


def test_detention_for_conscription_is_an_abduction() -> None:
    event = first("On 3 May 2022, regime forces detained a number of young men in Maadan for conscription.", "Syria")
    assert (event["sub_event_type"], event["interaction"]) == ("Abduction/forced disappearance", 17)


def test_two_groups_of_demonstrators_face_each_other() -> None:
    event = first("On 3 May 2022, around 40 people demonstrated in Avranches in support of Ukraine. Opponents of the "
                  "vaccine pass also demonstrated there, and both groups shouted at each other. [size=around 40]",
                  "France")
    assert (event["actor2"], event["interaction"]) == ("Protesters (France)", 66)
    alone = first("On 3 May 2022, around 40 people demonstrated in Avranches in support of Ukraine. [size=around 40]",
                  "France")
    assert (alone["actor2"], alone["interaction"]) == ("", 60)


def test_a_militia_named_by_an_acronym_is_political_by_a_people_or_place_communal() -> None:
    acronym = first("On 3 May 2022, ZRX-ABC militiamen clashed with the FARDC near Djugu.",
                    "Democratic Republic of Congo")
    assert (acronym["actor1"], acronym["interaction"]) == ("ZRX-ABC", 13)
    people = first("On 3 May 2022, Lendu militiamen attacked villagers near Djugu, killing two.",
                   "Democratic Republic of Congo")
    assert (people["actor1"], people["interaction"]) == ("Lendu", 47)


def test_a_state_force_without_a_dated_name_follows_acleds_pattern_and_is_flagged() -> None:
    """A country with no military name in the dictionary gets the codebook's naming pattern and a review note."""
    name, review = state_force("Kosovo", "military", date(2023, 1, 1))
    assert name == "Military Forces of Kosovo"
    assert "add the years" in review
    assert state_force("Myanmar", "military", date(2023, 1, 1)) == ("Military Forces of Myanmar (2021-)", "")


def test_a_side_of_a_war_named_alone_fights_the_other_side() -> None:
    """actors.yaml ``fronts``: who fights whom in a war ACLED codes, by period."""
    regained = first("On 3 May 2022, Ukrainian forces regained control over Ivanivka, Kharkiv. No information on "
                     "whether fighting took place.", "Ukraine")
    assert (regained["actor2"], regained["interaction"]) == ("Military Forces of Russia (2000-)", 18)
    assert any("other side" in item["reason"] for item in regained["review"])
    downed = first("Interception: On 3 May 2022, Armenian forces shot down a drone near Jermuk.", "Armenia")
    assert (downed["actor2"], downed["interaction"]) == ("Military Forces of Azerbaijan (2003-)", 18)


def test_a_clash_with_no_side_named_is_between_the_sides_of_the_war() -> None:
    before = code_text("On 3 February 2022, observers recorded 40 bursts of fire involving small arms near Opytne.",
                       published=date(2022, 2, 4), country="Ukraine")[0]
    assert (before["actor1"], before["actor2"], before["interaction"]) == \
        ("Military Forces of Ukraine (2019-)", "NAF: United Armed Forces of Novorossiya", 12)
    assert any("no side is named" in item["reason"] for item in before["review"])
    elsewhere = first("On 3 May 2022, observers recorded 40 bursts of fire involving small arms near Kati.", "Mali")
    assert elsewhere["actor1"] == ""


def test_a_capitalised_name_of_an_armed_organisation_is_a_group_for_review() -> None:
    event = first("On 3 May 2022, the Kyaukse Thunder Force ambushed a military convoy near Kani.", "Myanmar")
    assert (event["actor1"], event["inter1"], event["interaction"]) == ("Kyaukse Thunder Force", 3, 13)
    assert any("Kyaukse Thunder Force" in item["reason"] for item in event["review"] if item["field"] == "actor1")


def test_a_capitalised_force_named_for_a_country_is_not_taken_for_a_group() -> None:
    event = first("On 3 May 2022, the Chadian Border Force clashed with rebels near Abeche.", "Chad")
    assert event["actor1"] != "Chadian Border Force"


def test_a_weapon_model_is_no_actor() -> None:
    event = first("On 3 May 2022, Ukrainian forces fired mortars and BM-21 Grad rockets at DPR positions near "
                  "Horlivka.", "Ukraine")
    assert (event["actor2"], event["interaction"]) == ("NAF: United Armed Forces of Novorossiya", 12)


def test_the_forces_of_a_country_named_after_the_noun_are_that_countrys() -> None:
    event = first("On 3 May 2022, the military forces of Russia launched a missile attack on an airfield near Uman. "
                  "Three Ukrainian servicemen were killed.", "Ukraine")
    assert (event["actor1"], event["actor2"], event["interaction"]) == \
        ("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)", 18)


def test_air_defence_warships_and_an_airforce_are_a_countrys_forces() -> None:
    downed = first("Interception: On 3 May 2022, Russian air defence systems shot down two Ukrainian missiles near "
                   "Kherson.", "Ukraine")
    assert (downed["actor1"], downed["interaction"]) == ("Military Forces of Russia (2000-)", 18)
    ship = first("On 3 May 2022, Ukrainian forces shelled a Russian landing ship near Snake Island.", "Ukraine")
    assert (ship["actor2"], ship["interaction"]) == ("Military Forces of Russia (2000-)", 18)
    strike = first("On 3 May 2022, Russian airforce fired on Orikhiv. Two people were injured.", "Ukraine")
    assert (strike["sub_event_type"], strike["interaction"]) == ("Air/drone strike", 78)


def test_a_military_site_shelled_stands_for_its_forces_not_for_the_attacker() -> None:
    event = first("On 3 May 2022, Russian forces shelled military infrastructure near Bakhmut. Casualties unknown.",
                  "Ukraine")
    assert (event["actor2"], event["interaction"]) == ("Military Forces of Ukraine (2019-)", 18)
    checkpoint = first("On 3 May 2022, Russian forces shelled a border checkpoint near Sumy.", "Ukraine")
    assert checkpoint["interaction"] == 18


def test_battles_between_two_forces_are_an_armed_clash() -> None:
    event = first("On 3 May 2022, battles between Ukrainian and Russian forces went on near Izium.", "Ukraine")
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 18)


@pytest.mark.parametrize(("text", "country", "interaction"), [
    ("On 3 May 2022, IS militants attacked a Popular Mobilization Forces post near Tarmiyah.", "Iraq", 12),
    ("Movement of forces: On 3 May 2022, a Global Coalition convoy of ten trucks entered Al Hasakeh.", "Syria", 80),
    ("On 3 May 2022, pro-IRG forces shelled Houthi positions near Hays.", "Yemen", 11),
    ("On 3 May 2022, a fighter of the Afghanistan Freedom Front attacked a Taliban checkpoint in Panjshir.",
     "Afghanistan", 12),
    ("On 3 May 2022, the TTP ambushed a police patrol near Tank.", "Pakistan", 12),
    ("On 3 May 2022, soldiers clashed with the BLA near Kohlu.", "Pakistan", 12),
    ("On 3 May 2022, an IED exploded targeting a National Police Forces vehicle in Jarablus.", "Syria", 23),
])
def test_named_actors_of_the_middle_east_and_south_asia(text: str, country: str, interaction: int) -> None:
    """PMF, Global Coalition, pro-IRG forces, AFF, TTP, BLA, National Police Forces: ACLED's names and categories."""
    assert first(text, country)["interaction"] == interaction


def test_a_countrys_name_before_a_force_noun_is_its_forces() -> None:
    event = first("On 3 May 2022, the Taliban clashed with the Turkmenistan military at the border near Aqina.",
                  "Afghanistan")
    assert (event["actor2"], event["interaction"]) == ("Military Forces of Turkmenistan (2006-)", 18)
    local = first("On 3 May 2022, Niger militiamen attacked herders near Lafia.", "Nigeria")
    assert local["actor1"] == "Niger"  # a state of Nigeria, not the country's forces


def test_a_number_before_militants_is_no_name() -> None:
    event = first("On 3 May 2022, two tribal militias clashed near Nasiriyah over land. 2 militants died.", "Iraq")
    assert "2" not in (event["actor1"], event["actor2"])
    assert event["interaction"] == 44


def test_fire_towards_a_sides_positions_is_a_clash() -> None:
    event = first("On 3 May 2022, Armenian forces fired in the direction of Azerbaijani positions near Lachin. "
                  "No casualties.", "Azerbaijan")
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 18)


def test_unspecified_military_forces_and_remnants_of_war() -> None:
    shelled = first("On 3 May 2022, Stanytsia was shelled by unspecified military forces, killing a civilian.",
                    "Ukraine")
    assert (shelled["actor1"], shelled["interaction"]) == ("Unidentified Military Forces", 78)
    remnant = first("Explosive remnants of war: On 3 May 2022, an old mine exploded and injured two shepherds near "
                    "Mandali.", "Iraq")
    assert (remnant["actor1"], remnant["actor2"], remnant["interaction"]) == \
        ("Unidentified Military Forces", "Civilians (Iraq)", 78)


def test_an_unknown_acronym_in_parentheses_after_the_members_of_a_group_names_an_armed_group() -> None:
    event = first("On 3 May 2022, unidentified gunmen shot and killed 4 members of Kaladan Party (KLP) near Paletwa.",
                  "Myanmar")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Armed clash", "KLP", 33)


def test_an_armed_group_said_likely_to_be_a_named_one_is_that_one() -> None:
    event = first("On 3 May 2022, an armed group likely to be IS militants shot at a QSD checkpoint near Hajin.",
                  "Syria")
    assert (event["actor1"], event["actor2"], event["interaction"]) == \
        ("Islamic State (Syria)", "QSD: Syrian Democratic Forces", 22)


def test_a_mine_presumed_to_be_a_groups_is_its_act() -> None:
    event = first("On 3 May 2022, a landmine, presumably Houthi, exploded near Hays, killing a shepherd.", "Yemen")
    assert (event["actor1"], event["interaction"]) == ("Military Forces of Yemen (2016-) Supreme Political Council", 17)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, Maoist cadres set ablaze 8 vehicles of a construction company in Banskarcha village under "
    "Mahuadanr police station limits.",
    "On 3 May 2022, Maoist rebels abducted a villager from Bhattiguda village over suspicion of being a police "
    "informer.",
])
def test_the_police_named_as_a_place_or_a_description_are_no_actor(text: str) -> None:
    event = first(text, "India")
    assert (event["actor2"], event["interaction"]) == ("Civilians (India)", 27)


def test_forces_whose_property_unnamed_people_destroy_are_the_target() -> None:
    event = first("On 3 May 2022, people threw a Molotov cocktail at the army barracks in Cagliari, setting fire to "
                  "a door.", "Italy")
    assert (event["sub_event_type"], event["actor1"], event["inter2"], event["interaction"]) == (
        "Looting/property destruction", "Unidentified Armed Group (Italy)", 1, 13)


def test_unattributed_fire_near_a_held_place_is_by_the_side_facing_its_holder() -> None:
    """actors.yaml ``fronts`` ``held``: ACLED's attribution of fire across the Donbas contact line before 2022."""
    day = date(2022, 2, 4)
    at_ngca = code_text("On 3 February 2022, the OSCE SMM observed a total of 4 explosions involving unknown weapons "
                        "near Alchevsk.", published=day, country="Ukraine")[0]
    assert (at_ngca["actor1"], at_ngca["interaction"]) == ("Military Forces of Ukraine (2019-)", 10)
    assert any("holds Alchevsk" in item["reason"] for item in at_ngca["review"])
    at_gca = code_text("On 3 February 2022, the OSCE SMM observed a total of 12 explosions/shots/bursts of fire "
                       "involving heavy machineguns/unknown weapons near Shchastia.", published=day,
                       country="Ukraine")[0]
    assert (at_gca["sub_event_type"], at_gca["actor1"], at_gca["interaction"]) == \
        ("Shelling/artillery/missile attack", "NAF: United Armed Forces of Novorossiya", 20)
    unknown = code_text("On 3 February 2022, the OSCE SMM observed a total of 4 explosions involving unknown weapons "
                        "near Kalmiuske Farm.", published=day, country="Ukraine")[0]
    assert unknown["actor1"] == "Unidentified Armed Group (Ukraine)"


@pytest.mark.parametrize(("place", "actor1"), [
    ("Vodyane", "NAF: United Armed Forces of Novorossiya"),  # the list's Vodiane, held by the government
    ("Zolote-4", "NAF: United Armed Forces of Novorossiya"),  # one of the numbered Zolotes
    ("Dolomytne", "Military Forces of Ukraine (2019-)"),  # the list's Dolomitne, held by the NAF
])
def test_a_held_place_in_another_transliteration_or_numbered_is_the_one_the_front_names(place: str,
                                                                                         actor1: str) -> None:
    event = code_text(f"On 7 May 2020, the OSCE SMM observed a total of 3 explosions involving unknown weapons near "
                      f"{place}.", published=date(2020, 5, 7), country="Ukraine")[0]
    assert event["actor1"] == actor1


def test_fire_near_a_place_the_front_does_not_name_is_by_the_side_facing_the_nearest_place_it_names() -> None:
    """actors.yaml ``fronts`` ``nearby_km``: Komsomolets is coded to Kamianyi Plast, a few km from Bile (held by
    the NAF); fire near a place far from any the front names stays unattributed."""
    day = date(2020, 5, 7)
    near = code_text("On 6 May 2020, the OSCE SMM observed a total of 15 explosions involving unknown weapons near "
                     "Komsomolets.", published=day, country="Ukraine")[0]
    assert (near["actor1"], near["interaction"]) == ("Military Forces of Ukraine (2019-)", 10)
    assert any("holds Bile" in item["reason"] for item in near["review"])
    far = code_text("On 6 May 2020, the OSCE SMM observed a total of 15 explosions involving unknown weapons near "
                    "Zhytomyr.", published=day, country="Ukraine")[0]
    assert far["actor1"] == "Unidentified Armed Group (Ukraine)"


def test_fire_in_both_directions_in_a_war_is_a_clash_of_its_sides() -> None:
    event = code_text("On 3 February 2022, the OSCE SMM observed a total of 18 projectiles involving unknown weapons "
                      "in both directions of the frontline near Opytne.", published=date(2022, 2, 4),
                      country="Ukraine")[0]
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 12)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, clashes took place between the regime's 9th Armored Division and IS near Sokhneh.",
    "On 3 May 2022, 11th Division members clashed with IS militants near Sokhneh.",
    "On 3 May 2022, unknown militants detonated an IED targeting a regime vehicle near Sokhneh.",
])
def test_the_regimes_units_and_numbered_divisions_are_its_military(text: str) -> None:
    event = first(text, "Syria")
    assert "Military Forces of Syria (2000-2024)" in (event["actor1"], event["actor2"])


def test_a_grenade_that_hurt_no_one_at_a_house_targets_civilians_for_review() -> None:
    event = first("On 3 May 2022, unidentified gunmen threw a hand grenade at the house of a trader in Kirkuk. There "
                  "were no casualties.", "Iraq")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Grenade", "Civilians (Iraq)", 37)
    assert any(item["field"] == "actor2" for item in event["review"])


def test_civilians_named_in_an_armed_groups_other_activity_are_its_target() -> None:
    event = first("Non-violent activity: On 3 May 2022, JNIM militants chased away farmers near Koumaga.", "Mali")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Other", "Civilians (Mali)", 27)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, the Korean People's Army held a military parade in Pyongyang.",
    "On 3 May 2022, the Kyaukse The Boys shot dead a soldier near Kani.",
])
def test_a_word_for_people_inside_a_name_is_no_civilian(text: str) -> None:
    assert all(mention.inter != 7 for mention in find_actors(text, "Myanmar", DAY))


def test_a_capitalised_word_for_people_opening_a_clause_is_civilians() -> None:
    assert [m.name for m in find_actors("On 3 May 2022, Residents fled Kani.", "Myanmar", DAY)] == [
        "Civilians (Myanmar)"]


def test_an_ally_supporting_the_attacker_is_not_its_target() -> None:
    event = first("On 3 May 2022, Turkish forces supported by opposition rebels shelled Tal Rifaat with mortars.",
                  "Syria")
    assert (event["actor1"], event["actor2"], event["interaction"]) == ("Military Forces of Turkey (2016-)", "", 80)


def test_a_local_faction_acting_with_its_foreign_backers_is_actor1() -> None:
    """actors.yaml ``leads_backers``: ACLED names the Syrian faction, its Turkish backers are associated."""
    event = first("On 3 May 2022, Turkish forces supported by JWS who operates under OPS shelled QSD positions near "
                  "Ain Issa.", "Syria")
    assert (event["actor1"], event["actor2"], event["interaction"]) == \
        ("Operation Peace Spring", "QSD: Syrian Democratic Forces", 22)


def test_a_displacement_is_the_displaced_civilians_alone() -> None:
    event = first("Displacement: On 3 May 2022, 200 villagers fled Kani due to a military raid and fighting with "
                  "the PDF.", "Myanmar")
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["interaction"]) == (
        "Other", "Civilians (Myanmar)", "", 70)


def test_war_wording_killed_cattle_took_control_peacefully_air_forces_strike_site() -> None:
    cattle = first("On 3 May 2022, Saudi-led coalition air raids hit Baqim, killing livestock.", "Yemen")
    assert (cattle["actor2"], cattle["interaction"]) == ("", 80)
    taken = first("On 3 May 2022, Giants Brigades forces took control peacefully of Harib after Houthi forces left.",
                  "Yemen")
    assert (taken["sub_event_type"], taken["interaction"]) == ("Non-violent transfer of territory", 13)
    dropped = first("On 3 May 2022, Ukrainian air forces dropped bombs near Tetkino. One house was damaged.", "Russia")
    assert (dropped["sub_event_type"], dropped["actor1"]) == ("Air/drone strike", "Military Forces of Ukraine (2019-)")
    site = first("On 3 May 2022, Iraqi airstrikes killed 2 IS militants near Rutba. Soldiers deployed to the strike "
                 "location arrested 1 injured militant.", "Iraq")
    assert site["event_type"] != "Protests"


def test_houthis_abroad_are_external_forces() -> None:
    event = first("On 3 May 2022, Houthi forces fired missiles at an oil facility in Jizan.", "Saudi Arabia")
    assert (event["actor1"], event["interaction"]) == ("Military Forces of Yemen (2016-) Supreme Political Council", 80)


def test_a_country_adjective_before_police_names_that_country_s_police() -> None:
    event = first("On 3 May 2022, Israeli police arrested Palestinian protesters in Al Quds.", "Palestine")
    assert (event["actor2"], event["interaction"]) == ("Police Forces of Israel (2021-2022)", 68)


def test_forces_that_move_are_the_only_actor_of_a_movement_of_forces() -> None:
    event = first("Movement of forces: On 3 May 2022, Turkish gendarmerie forces deployed 500 personnel against PKK "
                  "militants in Sirnak province.", "Turkey")
    assert (event["actor1"], event["actor2"], event["interaction"]) == ("Military Forces of Turkey (2016-)", "", 10)


@pytest.mark.parametrize(("text", "country", "interaction"), [
    ("On 3 May 2022, an IED exploded targeting a Levant Front member's car near Azaz.", "Syria", 23),
    ("On 3 May 2022, clashes took place between regime forces and Al Fath Al Mubeen Operation Room near Kabana.",
     "Syria", 12),
    ("On 3 May 2022, an IED exploded targeting an officer of regime criminal intelligence near Daraa.", "Syria", 13),
    ("On 3 May 2022, clashes took place between National Police Forces and Free Syrian Police near Ras al-Ain.",
     "Syria", 23),
    ("On 3 May 2022, two TTP militants were killed in an operation by the CTD near Bannu.", "Pakistan", 12),
    ("On 3 May 2022, YPG snipers shot and injured a Liwaa Al Waqas fighter near Tal Rifaat.", "Syria", 22),
])
def test_named_actors_of_syria_and_pakistan(text: str, country: str, interaction: int) -> None:
    """Levant Front, Al Fath Al Mubeen, regime intelligence, Free Syrian Police, CTD: ACLED's categories."""
    assert first(text, country)["interaction"] == interaction


@pytest.mark.parametrize("witness", ["Police believe the victim was killed over a debt.",
                                     "Police said the man was shot in the head.",
                                     "Police allege the man was shot over a land dispute.",
                                     "Police suspect the man was shot by a rival."])
def test_forces_that_found_or_judge_a_killing_are_no_party_to_it(witness: str) -> None:
    event = first(f"On 3 May 2022, a man was killed in Manaus. {witness}", "Brazil")
    assert (event["actor1"], event["interaction"]) == ("Unidentified Armed Group (Brazil)", 37)


def test_the_armed_actor_fired_at_is_the_target_though_civilians_were_hurt() -> None:
    event = first("On 3 May 2022, Ukrainian forces fired 82mm rounds at the positions of the Donetsk People's "
                  "Militia in Horlivka. As a result of the shelling, a civilian man was wounded.", "Ukraine")
    assert (event["actor2"], event["interaction"]) == ("NAF: United Armed Forces of Novorossiya", 12)


def test_forces_that_blow_up_a_bridge_set_off_explosives() -> None:
    event = first("On 3 May 2022, Russian forces blew up a bridge in Stoianka. There were no casualties.", "Ukraine")
    assert (event["sub_event_type"], event["interaction"]) == ("Remote explosive/landmine/IED", 80)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, soldiers burned a house in Kani for allegedly having connections with the PDF.",
    "On 3 May 2022, the military arrested three vendors in Kani in relation to the assassination of a Pyu Saw Htee "
    "leader.",
])
def test_an_actor_named_in_the_reason_for_an_event_is_no_party_to_it(text: str) -> None:
    event = first(text, "Myanmar")
    assert (event["actor2"], event["interaction"]) == ("Civilians (Myanmar)", 17)


def test_alleged_militants_are_the_agents_not_a_topic() -> None:
    event = first("On 3 May 2022, alleged Islamic State militants detonated a car bomb near a Tariq Ibn Ziyad Brigade "
                  "camp in Qatrun, injuring two of its fighters.", "Libya")
    assert (event["sub_event_type"], event["interaction"]) == ("Remote explosive/landmine/IED", 23)


@pytest.mark.parametrize(("text", "name", "interaction"), [
    ("On 3 May 2022, PKK-YJA STAR militants attacked a Turkish army outpost near Zakho.",
     "PKK-YJA STAR: Kurdistan Workers Party-YJA STAR", 28),
    ("On 3 May 2022, the Iraqi army clashed with the YBS near Sinuni.", "YBS: Sinjar Resistance Units", 12),
    ("On 3 May 2022, the HPG attacked a Turkish army helicopter near Amadiya.", "PKK: Kurdistan Workers Party", 28),
])
def test_kurdish_armed_groups(text: str, name: str, interaction: int) -> None:
    event = first(text, "Iraq")
    assert name in (event["actor1"], event["actor2"])
    assert event["interaction"] == interaction


@pytest.mark.parametrize("target", ["a humanitarian convoy", "an unspecified cattle camp", "an IDP camp"])
def test_an_attack_on_a_civilian_convoy_or_camp_is_violence_against_civilians(target: str) -> None:
    event = first(f"On 3 May 2022, CPC militants attacked {target} near Bria, wounding three people.",
                  "Central African Republic")
    assert (event["sub_event_type"], event["inter2"]) == ("Attack", 7)


def test_villagers_who_fight_over_land_are_communal_militias_unless_a_crowd() -> None:
    fight = first("On 3 May 2022, farmers clashed over a land dispute between the villages of Bana and Kolo. Two "
                  "people were killed.", "Burkina Faso")
    assert (fight["sub_event_type"], fight["actor1"], fight["interaction"]) == (
        "Armed clash", "Unidentified Communal Militia (Burkina Faso)", 44)
    crowd = first("On 3 May 2022, a crowd of farmers clashed over a land dispute between the villages of Bana and "
                  "Kolo. Two people were injured.", "Burkina Faso")
    assert crowd["inter1"] != 4


def test_territory_taken_following_clashes_by_a_side_of_a_war() -> None:
    """The side named in an opening phrase ("following clashes with ...") is not the agent; "following clashes"
    says there was fighting, so the place was not handed over."""
    regained = first("On 3 May 2022, following clashes with the Russian forces, Ukrainian forces regained control of "
                     "Ruska Lozova, Kharkiv.", "Ukraine")
    assert (regained["sub_event_type"], regained["actor1"], regained["interaction"]) == \
        ("Government regains territory", "Military Forces of Ukraine (2019-)", 18)
    taken = first("On 3 May 2022, following heavy clashes, Russian forces took control of the village of Zolote.",
                  "Ukraine")
    assert (taken["sub_event_type"], taken["interaction"]) == ("Non-state actor overtakes territory", 18)


def test_rpgs_are_fired_and_old_shells_are_remnants() -> None:
    rpg = first("On 3 May 2022, unknown gunmen targeted a regime checkpoint near Sweida with an RPG.", "Syria")
    assert rpg["sub_event_type"] == "Shelling/artillery/missile attack"
    old = first("On 3 May 2022, a child was injured in a mortar shell explosion in Marjah.", "Afghanistan")
    assert old["sub_event_type"] == "Remote explosive/landmine/IED"


def test_an_actor_that_says_it_did_something_did_it() -> None:
    event = first("On 3 May 2022, the Arakan Army said it had captured a junta battalion headquarters in Paletwa.",
                  "Myanmar")
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == (
        "Non-state actor overtakes territory", "ULA/AA: United League of Arakan/Arakan Army", 12)


def test_unnamed_militants_are_an_unidentified_armed_group_in_acleds_category() -> None:
    event = first("On 3 May 2022, suspected jihadists killed 12 civilians in a village near Mopti.", "Mali")
    assert (event["actor1"], event["inter1"], event["interaction"]) == ("Unidentified Armed Group (Mali)", 3, 37)


def test_a_government_holds_elections_and_takes_unattributed_security_measures() -> None:
    """Named by the codebook's pattern with the period of the state force's name."""
    ban = first("Security measures: On 3 May 2022, the governor's office of Van banned all demonstrations for 15 days.",
                "Turkey")
    assert (ban["actor1"], ban["interaction"]) == ("Government of Turkey (2016-)", 10)
    vote = first("Elections/referendum: On 3 May 2022, general elections were held across Nepal.", "Nepal")
    assert vote["actor1"].startswith("Government of Nepal")


def test_a_governments_name_takes_the_period_of_its_state_forces() -> None:
    assert government("Italy", date(2022, 5, 3)) == ("Government of Italy (2018-)", "")
    name, review = government("Kosovo", date(2022, 5, 3))
    assert name == "Government of Kosovo"
    assert "add the years" in review


def test_a_number_word_before_militants_is_no_name() -> None:
    assert [m.name for m in find_actors("One militant was killed near Shopian.", "India", DAY)] == [
        "Unidentified Armed Group (India)"]


def test_forces_that_target_positions_attack_the_forces_holding_them() -> None:
    event = first("On 3 May 2022, Houthi forces targeted military positions (coded as Giants Brigades) with heavy "
                  "machine guns in Harib. Casualties unknown.", "Yemen")
    assert (event["actor2"], event["interaction"]) == ("Giants Brigade", 13)


def test_a_generic_state_force_after_a_countrys_adjective_is_that_countrys() -> None:
    guards = [m for m in find_actors("Palestinian prisoners clashed with Israeli prison guards in Ofer Prison.",
                                     "Palestine", DAY) if m.role == "police"]
    assert [(m.name, m.inter) for m in guards] == [("Police Forces of Israel (2021-2022)", 8)]


def test_a_countrys_gunboats_are_its_forces() -> None:
    event = first("On 3 May 2022, Israeli gunboats opened fire at Palestinian fishing boats off Rafah.", "Palestine")
    assert (event["actor1"], event["interaction"]) == ("Military Forces of Israel (2021-2022)", 78)


def test_a_group_named_in_apposition_is_that_group_and_a_label_names_no_actor() -> None:
    event = first("Change to armed group: On 3 May 2022, a new anti-Taliban armed group, Freedom Front, announced its "
                  "formation in Herat.", "Afghanistan")
    assert (event["actor1"], event["actor2"], event["interaction"]) == ("Freedom Front", "", 30)


def test_tribesmen_who_clash_over_a_killing_are_one_communal_militia_twice() -> None:
    event = first("On 3 May 2022, Al Awlaki tribesmen clashed near Ataq after the killing of the brother of a sheikh.",
                  "Yemen")
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["interaction"]) == \
        ("Armed clash", "Al Awlaki", "Al Awlaki", 44)


def test_a_notes_own_coding_in_parentheses_names_the_actor() -> None:
    event = first("On 3 May 2022, Houthi forces shelled 'joint Southern Resistance forces' (coded as IRG + Southern "
                  "Resistance) near Qatabah. Casualties unknown.", "Yemen")
    assert (event["actor2"], event["interaction"]) == ("Military Forces of Yemen (2012-)", 11)


def test_a_group_whose_sources_reported_the_event_is_no_party() -> None:
    event = first("On 3 May 2022, the DPR sources reported that Ukrainian forces fired artillery at Russian positions "
                  "in Marinka. Casualties unknown.", "Ukraine")
    assert (event["actor1"], event["actor2"], event["interaction"]) == \
        ("Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)", 18)


def test_a_clash_with_no_side_named_in_yemen_is_not_assumed_the_wars() -> None:
    event = first("On 3 May 2022, clashes erupted over a land dispute in Jiblah, killing one.", "Yemen")
    assert event["actor1"] != "Military Forces of Yemen (2012-)"


def test_a_units_number_after_a_named_actor_keeps_the_actor() -> None:
    event = first("On 3 May 2022, the PDF-3601 attacked military soldiers near Pyay with mines and both sides then "
                  "exchanged fire.", "Myanmar")
    assert (event["actor1"], event["interaction"]) == ("PDF: People's Defense Force", 13)


def test_forces_from_another_country_are_that_countrys_abroad() -> None:
    event = first("On 3 May 2022, military forces from South Sudan attacked civilians in Arile, killing one.",
                  "Democratic Republic of Congo")
    assert (event["actor1"], event["interaction"]) == ("Military Forces of South Sudan (2011-)", 78)


@pytest.mark.parametrize("verb", ["unit 3 opened fire on", "detonated a mine under", "shelled"])
def test_an_unknown_acronym_that_opened_fire_detonated_or_shelled_is_an_armed_group(verb: str) -> None:
    event = first(f"On 3 May 2022, the Myohla KPDF {verb} a military convoy near Shwegu.", "Myanmar")
    assert (event["actor1"], event["interaction"]) == ("KPDF", 13)


def test_a_disrupted_weapon_was_an_armed_actors_not_the_civilians_near_it() -> None:
    event = first("Defusal: On 3 May 2022, security forces found and destroyed a bomb placed near a shelter of a "
                  "local NGO in Chinacota.", "Colombia")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Disrupted weapons use", "Unidentified Armed Group (Colombia)", 13)


def test_pakistans_forces_before_2018_are_named_for_their_period() -> None:
    [event] = code_text("On 2 October 2017, Pakistani troops shelled border hamlets in Poonch, killing three "
                        "children.", published=date(2017, 10, 2), country="India")
    assert event["actor1"] == "Military Forces of Pakistan (2013-2018)"


def test_a_countrys_name_in_the_possessive_names_its_forces() -> None:
    event = first("Interception: On 3 May 2022, Russia\u2019s air defense systems took down three Ukrainian drones "
                  "over the Belgorod region.", "Russia")
    assert (event["actor1"], event["actor2"]) == ("Military Forces of Russia (2000-)",
                                                  "Military Forces of Ukraine (2019-)")


def test_prosecutors_and_federal_agents_who_detain_are_the_police() -> None:
    [event] = code_text("Mexican prosecutors said they detained one of the leaders of the Gulf Cartel in Salinas "
                        "Victoria on Wednesday.", published=date(2021, 4, 8), country="Mexico")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Arrests", "Police Forces of Mexico (2018-2024)", "Gulf Cartel")


@pytest.mark.parametrize("text", [
    "On 3 May 2022, Al Shabaab militants shot and killed a government soldier (off-duty) in Baidoa town.",
    "On 3 May 2022, Al Shabaab militants shot and killed a police officer of Baidoa who was off-duty.",
])
def test_a_state_force_said_to_be_off_duty_afterwards_is_civilians(text: str) -> None:
    event = first(text, "Somalia")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Attack", "Civilians (Somalia)", 27)


def test_the_troops_of_two_countries_are_two_forces_and_targeting_each_other_is_a_clash() -> None:
    [event] = code_text("On 16 September 2015, the troops of India and Pakistan targeted each other's positions "
                        "in Poonch.", published=date(2015, 9, 16), country="India")
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["interaction"]) == (
        "Armed clash", "Military Forces of India (2014-)", "Military Forces of Pakistan (2013-2018)", 18)


def test_a_forces_post_fired_at_is_that_force() -> None:
    [event] = code_text("On 24 June 2015, Pakistani Rangers fired three rounds at an Indian post in Samba.",
                        published=date(2015, 6, 24), country="India")
    assert (event["sub_event_type"], event["actor2"]) == ("Armed clash", "Military Forces of India (2014-)")


def test_civilians_who_attack_others_are_a_communal_militia() -> None:
    """lexicon ``civilian_doers``: ACLED never codes civilians as the perpetrators of violence against civilians."""
    event = first("On 3 May 2022, farmers with machetes attacked a Fulani camp near Kandi and wounded a herder.",
                  "Benin")
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["interaction"]) == (
        "Attack", "Unidentified Communal Militia (Benin)", "Civilians (Benin)", 47)
    assert any(item["field"] == "actor1" and "farmers" in item["reason"] for item in event["review"])
    victims = first("On 3 May 2022, farmers were attacked near Kandi and two were wounded.", "Benin")
    assert (victims["actor1"], victims["actor2"], victims["interaction"]) == (
        "Unidentified Armed Group (Benin)", "Civilians (Benin)", 37)
    # a perpetrator named in the event: the villagers are its victims
    by_forces = first("On 3 May 2022, villagers were detained and tortured by Burma Army troops in Hsipaw.", "Myanmar")
    assert (by_forces["inter1"], by_forces["actor2"]) == (1, "Civilians (Myanmar)")


def test_a_creed_word_before_militants_names_no_group() -> None:
    """actors.yaml ``prefix_stopwords``: "Islamic militants" are no group called "Islamic"."""
    event = first("On 3 May 2022, Islamic militants attacked Kaura and killed four villagers.", "Nigeria")
    assert (event["actor1"], event["inter1"]) == ("Unidentified Armed Group (Nigeria)", 3)


def test_cabo_delgados_unnamed_islamist_insurgents_are_acleds_islamist_militia() -> None:
    event = first("On 3 May 2022, suspected Islamic militants attacked Natugo village (Quissanga, Cabo Delgado) and "
                  "killed 14 villagers.", "Mozambique")
    assert (event["actor1"], event["interaction"]) == ("Islamist Militia (Mozambique)", 37)


def test_the_gna_by_its_acronym_is_libyas_state_force_of_its_time() -> None:
    event = code_text("On 8 May 2020, a clash between GNA and LNA forces was reported in Ayn Zarah (Tripoli).",
                      published=date(2020, 5, 9), country="Libya")[0]
    assert {event["actor1"], event["actor2"]} == {"Military Forces of Libya (2014-) Haftar Faction",
                                                  "Military Forces of Libya (2016-2021) Government of National Accord"}
    assert event["interaction"] == 11


def test_afghan_state_forces_by_their_acronyms_before_august_2021() -> None:
    day = date(2020, 5, 1)
    clash = code_text("On 30 April 2020, 11 Taliban militants were killed during clashes with ANDSF forces in Nusay "
                      "district, Badakhshan.", published=day, country="Afghanistan")[0]
    assert (clash["sub_event_type"], clash["actor2"], clash["interaction"]) == (
        "Armed clash", "Military Forces of Afghanistan (2014-2021)", 12)
    ambush = code_text("On 30 April 2020, Taliban militants ambushed and killed 3 NDS agents in Guldara district, "
                       "Kabul.", published=day, country="Afghanistan")[0]
    assert (ambush["sub_event_type"], ambush["actor2"]) == (
        "Armed clash", "Police Forces of Afghanistan (2014-2021) National Directorate of Security")


def test_thai_rangers_are_the_military() -> None:
    event = first("On 3 May 2022, a team of rangers clashed with separatist militants in Pattani.", "Thailand")
    assert (event["actor1"], event["interaction"]) == ("Military Forces of Thailand (2019-) Thai Rangers", 12)


def test_two_names_that_share_one_role_are_two_groups() -> None:
    event = first("On 3 May 2022, Tiv and Ichen ethnic militias clashed over land in Donga LGA (Taraba).", "Nigeria")
    assert {event["actor1"], event["actor2"]} == {"Tiv", "Ichen"}
    assert event["interaction"] == 44
    assert {item["field"] for item in event["review"]} >= {"actor1", "actor2"}


def test_the_side_of_a_battle_named_only_as_people_is_an_unidentified_armed_group() -> None:
    """lexicon ``armed_sides``: an armed clash has no civilian side."""
    event = first("On 3 May 2022, two men exchanged gunfire with soldiers outside the court in Bangkok.", "Thailand")
    assert (event["sub_event_type"], event["interaction"]) == ("Armed clash", 13)
    assert "Civilians (Thailand)" not in (event["actor1"], event["actor2"])
    assert any("fought a battle" in item["reason"] for item in event["review"])


def test_an_unnamed_attacker_in_thailands_deep_south_is_its_insurgents() -> None:
    """actors.yaml ``insurgent_areas``: ACLED names the region's insurgents, flagged for review."""
    event = first("On 3 May 2022, gunmen shot dead a village headman in Pattani.", "Thailand")
    assert (event["actor1"], event["interaction"]) == ("Malay Muslim Separatists (Thailand)", 27)
    assert any("Pattani" in item["reason"] for item in event["review"] if item["field"] == "actor1")
    elsewhere = first("On 3 May 2022, gunmen shot dead a village headman in Chiang Mai.", "Thailand")
    assert elsewhere["actor1"] == "Unidentified Armed Group (Thailand)"


@pytest.mark.parametrize("text", [
    "On 3 May 2022, three civilians were killed in a bomb blast at a bus stop in Laukkai. Authorities blamed the "
    "MNDAA.",
    "On 3 May 2022, a bomb killed three civilians at a bus stop in Laukkai. The MNDAA claimed responsibility for the "
    "attack.",
])
def test_the_group_that_claimed_an_attack_or_was_blamed_for_it_is_its_doer(text: str) -> None:
    """actors.yaml ``claimed_after``, ``claimed_before``: flagged for review."""
    event = first(text, "Myanmar")
    assert "MNDAA" in event["actor1"]
    assert event["actor2"] == "Civilians (Myanmar)"
    assert any("claimed the event" in item["reason"] for item in event["review"] if item["field"] == "actor1")


def test_an_unknown_acronym_that_claimed_an_attack_is_its_doer() -> None:
    """actors.yaml ``unlisted`` ``after``: "claimed" after an acronym names an organised group."""
    event = first("On 3 May 2022, a bomb went off at a market in Imphal. The RPF has claimed its hand in the blast.",
                  "India")
    assert (event["actor1"], event["interaction"]) == ("RPF", 30)


def test_a_group_that_claimed_nothing_is_not_the_doer() -> None:
    event = first("On 3 May 2022, a bomb killed three civilians at a bus stop in Laukkai. The MNDAA denied any "
                  "involvement.", "Myanmar")
    assert "MNDAA" not in event["actor1"]


def test_armed_men_who_burn_trucks_in_araucania_are_chiles_mapuche_militia() -> None:
    """actors.yaml ``insurgent_areas``: Chile's Mapuche land conflict, as ACLED codes it."""
    event = first("On 3 May 2022, armed men set fire to three logging trucks near Ercilla, Araucania.", "Chile")
    assert (event["actor1"], event["interaction"]) == ("Mapuche Indigenous Militia (Chile)", 47)
    elsewhere = first("On 3 May 2022, armed men set fire to three trucks in Santiago.", "Chile")
    assert elsewhere["actor1"] == "Unidentified Armed Group (Chile)"


def test_an_unnamed_attacker_in_thailand_at_no_known_place_is_the_deep_souths_insurgents() -> None:
    """actors.yaml ``insurgent_areas`` ``unplaced``: where the report names no place the gazetteers know."""
    event = first("On 3 May 2022, a roadside bomb wounded two rangers on patrol near Ban Khok Mamuang village.",
                  "Thailand")
    assert (event["actor1"], event["interaction"]) == ("Malay Muslim Separatists (Thailand)", 12)
    assert any("in Thailand" in item["reason"] for item in event["review"] if item["field"] == "actor1")


@pytest.mark.parametrize(("text", "country", "actors"), [
    ("On 3 May 2022, clashes between the SPLA and SPLA-IO forces were reported in Nasir.", "South Sudan",
     {"Military Forces of South Sudan (2011-)",
      "SPLM-In Opposition: Sudan People's Liberation Movement-In Opposition"}),
    ("On 3 May 2022, SSPDF troops attacked NAS rebels near Yei.", "South Sudan",
     {"Military Forces of South Sudan (2011-)", "NAS: National Salvation Front"}),
    ("On 3 May 2022, FACA soldiers clashed with UPC fighters near Bambari.", "Central African Republic",
     {"Military Forces of the Central African Republic (2016-)",
      "UPC: Union for Peace in the Central African Republic"}),
    ("On 3 May 2022, suspected GNLA militants clashed with police in Tura.", "India",
     {"GNLA: Garo National Liberation Army", "Police Forces of India (2014-)"}),
    ("On 3 May 2022, NDFB(S) militants clashed with troops in Kokrajhar.", "India",
     {"NDFB-S: National Democratic Front of Bodoland - Songbijit", "Military Forces of India (2014-)"}),
    ("On 3 May 2022, soldiers clashed with dahalo near Ihosy.", "Madagascar",
     {"Military Forces of Madagascar (2019-)", "Dahalo Militia"}),
    ("On 3 May 2022, FC personnel clashed with militants in Kech.", "Pakistan",
     {"Police Forces of Pakistan (2022-) Frontier Corps", "Unidentified Armed Group (Pakistan)"}),
])
def test_state_forces_and_armed_groups_by_their_acronyms(text: str, country: str, actors: set[str]) -> None:
    event = first(text, country)
    assert {event["actor1"], event["actor2"]} == actors


def test_shelling_that_hurt_neither_nor_has_no_civilian_target() -> None:
    """lexicon ``negation``: "neither" and "nor" negate the injuries they name."""
    event = first("On 3 May 2022, regime forces shelled Kinda in Idleb. Neither fatalities nor injuries were "
                  "reported.", "Syria")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Shelling/artillery/missile attack", "", 10)


def test_a_single_party_member_attacked_is_a_civilian_not_an_armed_group() -> None:
    """actors.yaml ``partisans.words`` in the singular: "a CNL member" is a party's person, not a group "CNL"."""
    event = first("On 3 May 2022, Imbonerakure tortured a CNL member in Ruramba.", "Burundi")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == ("Attack", "Civilians (Burundi)", 37)


def test_brazils_military_police_is_one_state_force() -> None:
    event = first("On 3 May 2022, in Sao Goncalo, the Military Police exchanged fire with drug traffickers.", "Brazil")
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == (
        "Armed clash", "Military Forces of Brazil (2019-2022) Military Police", 13)


def test_two_forces_of_one_country_are_one_side_and_fight_no_battle() -> None:
    """choose(): "police" and "military police cars" are one side; a battle needs two."""
    event = first("On 3 May 2022, hundreds of protesters were arrested in Brasilia as police retook the government "
                  "buildings hours after supporters of the former president stormed them. Protesters were escorted "
                  "by military police cars.", "Brazil")
    assert event["event_type"] != "Battles"


def test_heavy_machine_guns_fired_at_an_area_are_remote_fire() -> None:
    event = first("On 3 May 2022, pro-Houthi forces fired 14.5mm and 12.7mm machine guns at residential areas of "
                  "Tuhayta city.", "Yemen")
    assert (event["sub_event_type"], event["interaction"]) == ("Shelling/artillery/missile attack", 10)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, in Manzanillo, human remains were found inside plastic bags by the road.",
    "On 3 May 2022, in Acapulco, a dead man was thrown from a car near the toll booth.",
])
def test_remains_found_or_a_body_dumped_is_an_unclaimed_killing(text: str) -> None:
    event = first(text, "Mexico")
    assert (event["sub_event_type"], event["interaction"]) == ("Attack", 37)


def test_incendiaries_unnamed_people_throw_at_a_house_are_a_mobs_property_destruction() -> None:
    """Looting/property destruction trigger, refined to mob violence for unnamed doers with no firearm ("petrol
    bomb" no longer counts as arms)."""
    event = first("On 3 May 2022, assailants hurled a petrol bomb at the residence of the mayor in Jhalakati.",
                  "Bangladesh")
    assert (event["sub_event_type"], event["actor1"]) == ("Mob violence", "Rioters (Bangladesh)")
    at_a_bus = first("On 3 May 2022, assailants hurled petrol bombs at a bus in Dhaka, injuring three passengers.",
                     "Bangladesh")
    assert at_a_bus["sub_event_type"] == "Attack"


@pytest.mark.parametrize("text", ["On 3 May 2022, 2-5 militants were killed in a clash with police in Jawand.",
                                  "On 3 May 2022, 15 militants were killed in a clash with police in Jawand."])
def test_a_number_or_a_range_before_a_role_names_no_group(text: str) -> None:
    event = first(text, "Afghanistan")
    assert not any(name[:1].isdigit() for name in (event["actor1"], event["actor2"]))


@pytest.mark.parametrize("guards", ["two security guards", "the bodyguards of a local politician"])
def test_guards_are_private_security_forces_and_fight_a_battle(guards: str) -> None:
    """actors.yaml generic role ``private_security``: ACLED's Private Security Forces, External/Other Forces (8)."""
    event = first(f"On 3 May 2022, gunmen shot dead {guards} in Kano.", "Nigeria")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Armed clash", "Private Security Forces (Nigeria)", 38)


@pytest.mark.parametrize("unit", ["a convoy of the 5th Corps", "a checkpoint of the 35th Brigade",
                                  "soldiers of the 12th Mechanized Battalion"])
def test_a_numbered_corps_brigade_or_battalion_is_the_countrys_military(unit: str) -> None:
    event = first(f"On 3 May 2022, unknown gunmen opened fire on {unit} in Kano.", "Nigeria")
    assert (event["sub_event_type"], event["actor2"], event["interaction"]) == (
        "Armed clash", "Military Forces of Nigeria (2015-2023)", 13)


def test_the_assailants_after_a_named_group_are_that_group() -> None:
    event = first("On 3 May 2022, the ADF ambushed an NGO convoy near Beni. The assailants killed three and "
                  "injured three during the robbery.", "Democratic Republic of Congo")
    assert (event["sub_event_type"], event["actor1"], event["interaction"]) == (
        "Attack", "ADF: Allied Democratic Forces", 27)


def test_unknown_armed_men_after_a_named_group_are_not_that_group() -> None:
    event = first("Around 10 June 2022, in San Rafael del Pinal, a leading member of the ELN was shot to death by "
                  "unknown armed men.", "Venezuela")
    assert (event["actor1"], event["actor2"]) == (
        "Unidentified Armed Group (Venezuela)", "ELN: National Liberation Army")


def test_a_police_station_whose_jurisdiction_places_an_event_is_no_actor() -> None:
    event = code_text("A former Congress secretary was attacked by unidentified assailants under Kankarbagh police "
                      "station in Patna on Sunday.", published=date(2015, 8, 6), country="India")[0]
    assert (event["actor2"], event["interaction"]) == ("Civilians (India)", 37)
    event = code_text("Police arrested two robbers under Kankarbagh police station in Patna on Sunday.",
                      published=date(2015, 8, 6), country="India")[0]
    assert event["actor1"].startswith("Police Forces of India")
