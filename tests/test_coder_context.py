"""The user's own data as context: gazetteers and actor dictionaries from YAML or ACLED exports, place ranking by
the admin areas a report names, and hostile exports refused with the validator's issues."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from examples import VALID_RECORD

from eventcode.cli import main
from eventcode.codebook import acled_codebook
from eventcode.coder import Coder, code_text
from eventcode.coder.context import (
    ContextError,
    bare_name,
    export_actors,
    export_gazetteers,
    forms,
    is_generic,
    read_gazetteers,
)
from eventcode.coder.evaluate import evaluate_places
from eventcode.errors import CodebookError, InputError
from eventcode.formats.acled_read import Unparsed

DAY = date(2023, 11, 1)


def row(**changes: Any) -> dict[str, Any]:
    """A valid ACLED row (2024 text inter labels) with ``changes``."""
    return {**VALID_RECORD, **changes}


def export(path: Path, rows: list[dict[str, Any]], columns: list[str] | None = None) -> Path:
    columns = columns or list(acled_codebook().columns)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for item in rows:
        writer.writerow(["" if item.get(c) is None else str(item.get(c)) for c in columns])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


UGANDA = {"country": "Uganda", "iso": 800, "region": "Eastern Africa", "event_id_cnty": "UGA1"}


def kongo(**changes: Any) -> dict[str, Any]:
    return row(**{**UGANDA, "location": "Kongo Trading Center", "admin1": "Northern", "admin2": "Oyam",
                  "admin3": "Minakulu", "latitude": 2.2, "longitude": 32.5, "geo_precision": 2, **changes})


# ---- gazetteers from exports ------------------------------------------------------------------------------------

def test_an_export_location_is_a_place_with_its_admin_areas_point_and_most_common_precision(tmp_path: Path) -> None:
    path = export(tmp_path / "uga.csv", [kongo(), kongo(), kongo(geo_precision=1, latitude=2.3)])
    (gazetteer,) = export_gazetteers(path)
    (place,) = gazetteer.places
    assert (gazetteer.country, place.location, place.admin1, place.admin2, place.admin3) == \
        ("Uganda", "Kongo Trading Center", "Northern", "Oyam", "Minakulu")
    assert (place.latitude, place.geo_precision, place.events) == (2.2, 2, 3)


def test_a_multiword_export_place_is_matched_whole_and_preferred_over_geonames(tmp_path: Path) -> None:
    path = export(tmp_path / "uga.csv", [kongo()])
    text = "On 1 November 2023, soldiers shot dead two civilians in Kongo Trading Center, Minakulu sub-county."
    (event,) = code_text(text, DAY, "Uganda", gazetteer=[path])
    assert (event["location"], event["admin2"], event["geo_precision"]) == ("Kongo Trading Center", "Oyam", 2)


def test_an_export_place_is_named_by_its_whole_phrase_only(tmp_path: Path) -> None:
    path = export(tmp_path / "cmr.csv", [row(country="Cameroon", iso=120, region="Middle Africa", location="Biya",
                                             admin1="Sud", admin2="", admin3="", latitude=3.0, longitude=11.0)])
    places = Coder([path]).places
    assert [m.text for m in places.find("President Paul Biya spoke.", "Cameroon") if m.place is not None] == []
    assert [m.text for m in places.find("Fighting in Biya village.", "Cameroon")] == ["Biya"]


def test_places_of_one_name_are_told_apart_by_the_admin_areas_then_by_events(tmp_path: Path) -> None:
    path = export(tmp_path / "uga.csv", [kongo(), kongo(), kongo(),
                                         kongo(admin1="Eastern", admin2="Soroti", admin3="Gweri", latitude=1.7)])
    places = Coder([path]).places
    (busy,) = places.find("Shots in Kongo Trading Center.", "Uganda")
    assert busy.place is not None
    assert busy.place.admin2 == "Oyam"
    assert "also in Soroti" in busy.note  # one event against three: a close choice, flagged
    (named,) = [m for m in places.find("Shots in Kongo Trading Center (Soroti, Eastern).", "Uganda",
                                       context=frozenset({"Eastern"})) if m.place is not None]
    assert named.place is not None
    assert named.place.admin2 == "Soroti"


def test_an_export_place_outside_the_admin1_the_report_names_gives_way_to_geonames(tmp_path: Path) -> None:
    path = export(tmp_path / "usa.csv", [row(country="United States", iso=840, region="North America",
                                             location="Columbia", admin1="South Carolina", admin2="Richland",
                                             admin3="", latitude=34.0, longitude=-81.03)])
    coder = Coder([path])
    text = "On 1 November 2023, about 20 protesters gathered in Columbia (Missouri) to demand gun control."
    (event,) = coder.code(text, DAY, "United States")
    assert event["admin1"] == "Missouri"


def test_an_admin_area_after_a_place_qualifies_it_and_is_no_place_of_its_own(tmp_path: Path) -> None:
    path = export(tmp_path / "mmr.csv", [row(location="Demoso", admin1="Kayah", admin2="Loikaw", admin3="Demoso",
                                             latitude=19.53, longitude=97.15, geo_precision=2)])
    text = "On 4 June 2022, in Demoso township (Loikaw district, Kayah state), the military clashed with the KNDF."
    places = Coder([path]).places
    assert [m.text for m in places.find(text, "Myanmar", context=frozenset({"Kayah"}))] == ["Demoso"]
    # two places joined by "to" are two places
    both = places.find("Troops moved from Demoso to Loikaw.", "Myanmar")
    assert [m.text for m in both] == ["Demoso", "Loikaw"]


def test_an_admin1_area_named_as_the_world_gazetteer_or_without_its_article_qualifies_a_place(
        tmp_path: Path) -> None:
    # "Veracruz" is the state Veracruz de Ignacio de la Llave (and a city of GeoNames): beside an export place of
    # that state it says where the place lies; "Hasakeh" is Al Hasakeh without its article
    path = export(tmp_path / "mex.csv", [row(country="Mexico", iso=484, region="Central America", location="Oteapan",
                                             admin1="Veracruz de Ignacio de la Llave", admin2="Oteapan", admin3="",
                                             latitude=18.0, longitude=-94.67, geo_precision=1)])
    text = "On 25 June 2022, in Oteapan, Veracruz, a taxi driver was shot dead by armed men."
    (event,) = Coder([path]).code(text, date(2022, 6, 25), "Mexico")
    assert event["location"] == "Oteapan"
    path = export(tmp_path / "syr.csv", [row(country="Syria", iso=760, region="Middle East", location="Quamishli",
                                             admin1="Al Hasakeh", admin2="Quamishli", admin3="Quamishli",
                                             latitude=37.05, longitude=41.22, geo_precision=2)])
    found = Coder([path]).places.find("A civilian was killed in the Quamishli countryside of Hasakeh.", "Syria")
    assert [m.text for m in found] == ["Quamishli"]


def test_the_place_a_note_says_its_event_is_coded_to_is_its_place(tmp_path: Path) -> None:
    villages = [row(location=name, admin1="Sagaing", admin2="Katha", admin3="Banmauk", latitude=lat,
                    longitude=95.9, geo_precision=1) for name, lat in (("Pay Pin", 24.3), ("Kyauk Aing", 24.5))]
    coder = Coder([export(tmp_path / "mmr.csv", villages)])
    text = ("On 27 June 2022, the Banmauk PDF attacked the Myanmar military between Pay Pin and Kyauk Aing villages "
            "(coded as Kyauk Aing).")
    (event,) = coder.code(text, date(2022, 6, 27), "Myanmar")
    assert event["location"] == "Kyauk Aing"
    # without the note's words, the first of two equal places
    (event,) = coder.code(text.replace(" (coded as Kyauk Aing)", ""), date(2022, 6, 27), "Myanmar")
    assert event["location"] == "Pay Pin"


NIGER_STATE = {"country": "Nigeria", "iso": 566, "region": "Western Africa", "admin1": "Niger", "admin2": "Kwarandu",
               "admin3": "", "longitude": 6.9}


def test_a_village_no_gazetteer_knows_is_placed_at_the_busiest_export_place_of_the_district_it_names(
        tmp_path: Path) -> None:
    rows = [row(**NIGER_STATE, location="Kuchiri", latitude=9.4, geo_precision=1)] * 3 + \
        [row(**NIGER_STATE, location="Tsafada", latitude=9.9, geo_precision=1)]
    path = export(tmp_path / "nga.csv", rows)
    (gazetteer,) = export_gazetteers(path)
    assert [(a.names, a.location, a.geo_precision, a.admin1) for a in gazetteer.areas] == \
        [(("Kwarandu",), "Kuchiri", 2, "Niger")]
    coder = Coder([path])
    text = "On 15 May 2022, soldiers repelled an attack by bandits in Ubakiri village (Kwarandu, Niger)."
    (event,) = coder.code(text, date(2022, 5, 15), "Nigeria")
    assert (event["location"], event["admin2"], event["geo_precision"]) == ("Kuchiri", "Kwarandu", 2)
    assert any("Kwarandu" in r["reason"] and r["field"] == "geo_precision" for r in event["review"])
    # a district of that name in another state than the one the report names is not the one meant
    (event,) = coder.code(text.replace("Niger)", "Kano State)"), date(2022, 5, 15), "Nigeria")
    assert event["location"] != "Kuchiri"
    # a district named like one of the export's places is that place, no area
    rows.append(row(**{**NIGER_STATE, "admin2": "Other"}, location="Kwarandu", latitude=9.0, geo_precision=1))
    (gazetteer,) = export_gazetteers(export(tmp_path / "nga2.csv", rows))
    assert gazetteer.areas == ()


def test_an_article_leaves_an_export_name_whole(tmp_path: Path) -> None:
    path = export(tmp_path / "irq.csv", [row(country="Iraq", iso=368, region="Middle East", location="Amadiya",
                                             admin1="Duhok", admin2="Al Amadiya", admin3="", latitude=37.09,
                                             longitude=43.49, geo_precision=2)])
    found = Coder([path]).places.find("Airstrikes in Al Amadiya district.", "Iraq")
    assert [(m.text, m.place.location if m.place else None) for m in found] == [("Amadiya", "Amadiya")]


def test_a_district_of_a_city_is_also_named_by_its_own_name(tmp_path: Path) -> None:
    path = export(tmp_path / "yem.csv", [row(country="Yemen", iso=887, region="Middle East", location="Aden - Enma",
                                             admin1="Aden", admin2="", admin3="", latitude=12.8, longitude=45.0)])
    (place,) = export_gazetteers(path)[0].places
    assert place.aliases == ("Enma",)
    path = export(tmp_path / "deu.csv", [row(country="Germany", iso=276, region="Europe", location="Freiburg (Elbe)",
                                             admin1="Lower Saxony", admin2="", admin3="", latitude=53.8,
                                             longitude=9.3)])
    assert export_gazetteers(path)[0].places[0].aliases == ("Freiburg",)


def test_an_export_is_told_by_its_header_whatever_its_name(tmp_path: Path) -> None:
    path = export(tmp_path / "uga.csv", [kongo()]).rename(tmp_path / "past-events.txt")
    (gazetteer,) = read_gazetteers(path)
    assert gazetteer.places[0].location == "Kongo Trading Center"


def test_a_legacy_export_is_read_as_a_gazetteer(tmp_path: Path) -> None:
    cb = acled_codebook()
    legacy = {**kongo(), "data_id": "1", "event_id_no_cnty": "1", "iso3": "UGA", "inter1": "1", "inter2": "2"}
    path = export(tmp_path / "legacy.csv", [legacy], list(cb.legacy_columns))
    (gazetteer,) = read_gazetteers(path)
    assert gazetteer.places[0].location == "Kongo Trading Center"


def test_a_yaml_gazetteer_may_hold_one_name_in_two_admin_areas(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("version: '1'\ncountry: Uganda\nsources: [me]\nplaces:\n"
                    "  - {location: Kongo, admin1: Northern, latitude: 2.2, longitude: 32.5}\n"
                    "  - {location: Kongo, admin1: Eastern, latitude: 1.7, longitude: 33.6, events: 5}\n",
                    encoding="utf-8")
    (mention,) = Coder([path]).places.find("Shots in Kongo.", "Uganda")
    assert mention.place is not None
    assert mention.place.admin1 == "Eastern"
    path.write_text(path.read_text(encoding="utf-8").replace("Eastern", "Northern"), encoding="utf-8")
    with pytest.raises(CodebookError, match="duplicate location 'Kongo'"):
        Coder([path])


# ---- actors from exports ----------------------------------------------------------------------------------------

def test_actor_names_are_looked_for_as_acled_spells_them_without_country_and_period() -> None:
    assert bare_name("Islamic State (Nigeria)") == "Islamic State"
    assert bare_name("Military Forces of Nigeria (2015-2023)") == "Military Forces of Nigeria"
    assert bare_name("Islamic State (West Africa)") == "Islamic State (West Africa)"  # no country: kept
    assert forms("JNIM: Group for Support of Islam and Muslims") == \
        ("JNIM: Group for Support of Islam and Muslims", "JNIM", "Group for Support of Islam and Muslims")
    assert "Boko Haram" in forms("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")
    assert {"KIO", "KIA"} <= set(forms("KIO/KIA: Kachin Independence Organization/Kachin Independence Army"))
    assert forms("Ambazonian Separatists (Cameroon)") == ("Ambazonian Separatists",)


@pytest.mark.parametrize("name", ["Civilians (Nigeria)", "Rioters (Nigeria)", "Military Forces of Nigeria (2015-2023)",
                                  "Police Forces of Nigeria (2015-2023)", "Fulani Ethnic Militia (Nigeria)",
                                  "Labour Group (India)", "Unidentified Armed Group (Mali)", "Students (Kenya)",
                                  "Government of Nigeria (2015-2023)"])
def test_generic_names_are_no_text_patterns(name: str) -> None:
    assert is_generic(name)
    assert forms(name) == ()


def nigeria(**changes: Any) -> dict[str, Any]:
    return row(**{"country": "Nigeria", "iso": 566, "region": "Western Africa", "event_id_cnty": "NIG1",
                  "location": "Maiduguri", "admin1": "Borno", "admin2": "", "admin3": "", "latitude": 11.85,
                  "longitude": 13.16, "actor1": "Ambazonian Separatists (Nigeria)", "inter1": "Rebel group",
                  "actor2": "Civilians (Nigeria)", "inter2": "Civilians", "interaction": "Rebel group-Civilians",
                  "event_type": "Violence against civilians", "sub_event_type": "Attack",
                  "civilian_targeting": "Civilian targeting", **changes})


def test_an_export_actor_keeps_its_most_frequent_category_and_notes_the_others(tmp_path: Path) -> None:
    rows = [nigeria(), nigeria(), nigeria(inter1="Political militia", interaction="Political militia-Civilians")]
    context = export_actors(export(tmp_path / "nga.csv", rows))
    (actor,) = [a for a in context.actors if a.name == "Ambazonian Separatists (Nigeria)"]
    assert (actor.inter, actor.events, actor.forms) == (2, 3, ("Ambazonian Separatists",))
    assert "also as 3 in 1" in actor.note
    assert any("Ambazonian" in note for note in context.notes)
    text = "On 1 November 2023, Ambazonian Separatists shot dead a farmer in Maiduguri."
    (event,) = Coder(actors=[tmp_path / "nga.csv"]).code(text, DAY, "Nigeria")
    assert (event["actor1"], event["inter1"]) == ("Ambazonian Separatists (Nigeria)", 2)
    assert any("also as 3" in item["reason"] for item in event["review"])


def test_code_text_reads_context_files_once_until_they_change(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = export(tmp_path / "nga.csv", [nigeria()])
    reads: list[Path] = []
    real = export_actors

    def counting(found: Path) -> Any:
        reads.append(found)
        return real(found)

    monkeypatch.setattr("eventcode.coder.context.export_actors", counting)
    text = "On 1 November 2023, Ambazonian Separatists shot dead a farmer in Maiduguri."
    for _ in range(3):
        assert code_text(text, DAY, "Nigeria", actors=[path])[0]["actor1"] == "Ambazonian Separatists (Nigeria)"
    assert len(reads) == 1
    export(path, [nigeria(actor1="Fano Militia (Nigeria)", inter1="Political militia")] * 2)
    code_text(text, DAY, "Nigeria", actors=[path])
    assert len(reads) == 2


def test_an_actor_is_matched_case_sensitively_and_only_in_its_country(tmp_path: Path) -> None:
    context = Coder(actors=[export(tmp_path / "nga.csv", [nigeria()])])
    assert context.code("On 1 November 2023, ambazonian separatists shot dead a farmer in Maiduguri.", DAY,
                        "Nigeria")[0]["actor1"] != "Ambazonian Separatists (Nigeria)"
    assert context.code("On 1 November 2023, Ambazonian Separatists shot dead a farmer in Ghana.", DAY,
                        "Ghana")[0]["actor1"] != "Ambazonian Separatists (Nigeria)"


def test_an_armed_associated_actor_stands_for_its_main_actor(tmp_path: Path) -> None:
    rows = [nigeria(actor1="Military Forces of Nigeria (2015-2023)", inter1="State forces",
                    assoc_actor_1="Operation Hadin Kai", interaction="State forces-Civilians"),
            nigeria(actor1="Protesters (Nigeria)", inter1="Protesters", assoc_actor_1="APC: All Progressives Congress",
                    actor2="", inter2="", interaction="Protesters only", event_type="Protests",
                    sub_event_type="Peaceful protest", disorder_type="Demonstrations", civilian_targeting="")]
    context = export_actors(export(tmp_path / "nga.csv", rows))
    (operation,) = [a for a in context.actors if "Operation Hadin Kai" in a.forms]
    assert (operation.name, operation.inter) == ("Military Forces of Nigeria (2015-2023)", 1)
    assert "associated actor" in operation.note
    assert not any("APC" in a.forms for a in context.actors)  # a party's members may be protesters or victims
    rows[0]["assoc_actor_1"] = "MONUSCO"  # a name the dictionary knows is left to it
    assert not any("MONUSCO" in a.forms for a in export_actors(export(tmp_path / "cod.csv", rows)).actors)


def test_the_exports_state_force_names_fill_in_where_the_dictionary_has_no_period(tmp_path: Path) -> None:
    rows = [row(country="Andorra", iso=20, region="Europe", event_id_cnty="AND1", location="Andorra la Vella",
                admin1="Andorra la Vella", admin2="", admin3="", latitude=42.5, longitude=1.52,
                event_date="2023-03-01", actor1="Police Forces of Andorra (1993-)", inter1="State forces",
                actor2="Protesters (Andorra)", inter2="Protesters", interaction="State forces-Protesters",
                event_type="Protests", sub_event_type="Protest with intervention", disorder_type="Demonstrations")]
    path = export(tmp_path / "and.csv", rows)
    text = "On 1 November 2023, police arrested a man in Andorra la Vella."
    (without,) = Coder().code(text, DAY, "Andorra")
    (event,) = Coder(actors=[path]).code(text, DAY, "Andorra")
    assert without["actor1"] == "Police Forces of Andorra"
    assert event["actor1"] == "Police Forces of Andorra (1993-)"
    rows += [{**rows[0], "actor1": "Police Forces of Andorra (2019-)", "event_date": "2023-06-01"}] * 2
    text = "On 1 March 2023, police arrested a man in Andorra la Vella."
    (during,) = Coder(actors=[export(tmp_path / "and2.csv", rows)]).code(text, date(2023, 3, 2), "Andorra")
    assert during["actor1"] == "Police Forces of Andorra (1993-)"  # the name in use that day, not the later one


def test_a_yaml_actor_file_has_the_form_of_the_dictionarys_named_entries(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text("version: '1'\nsources: [me]\nnamed:\n  - name: 'Yoma Tigers: Yoma Tiger Force'\n"
                    "    inter: 3\n    country: Myanmar\n    aliases: ['Yoma Tigers?']\n    acronyms: [YTF]\n",
                    encoding="utf-8")
    text = "On 1 November 2023, the YTF attacked a police post in Laiza."
    (event,) = code_text(text, DAY, "Myanmar", actors=[path])
    assert (event["actor1"], event["inter1"]) == ("Yoma Tigers: Yoma Tiger Force", 3)
    path.write_text(path.read_text(encoding="utf-8").replace("inter: 3", "inter: 12"), encoding="utf-8")
    with pytest.raises(CodebookError, match="not an actor category"):
        Coder(actors=[path])


def test_a_named_actors_acronym_in_parentheses_is_no_second_actor(tmp_path: Path) -> None:
    rows = [row(**{**UGANDA, "actor1": "Patriot Front (Uganda)", "inter1": "Political militia",
                   "actor2": "", "inter2": "", "interaction": "Political militia only", "location": "Gulu",
                   "event_type": "Strategic developments", "sub_event_type": "Other",
                   "disorder_type": "Strategic developments"})]
    path = export(tmp_path / "uga.csv", rows)
    (event,) = code_text("On 1 November 2023, members of Patriot Front (PF) attacked a man in Gulu.", DAY,
                         "Uganda", actors=[path])
    assert (event["actor1"], event["actor2"]) != ("Patriot Front (Uganda)", "PF")
    assert event["actor1"] == "Patriot Front (Uganda)"


# ---- real and hostile exports -----------------------------------------------------------------------------------

def test_the_real_sample_reads_as_both_kinds_of_context(shared_data: Path) -> None:
    sample = shared_data / "acled_2022_sample.csv"
    gazetteers = {g.country: g for g in read_gazetteers(sample)}
    assert len(gazetteers) > 150
    assert any((p.location, p.admin1) == ("Douala", "Littoral") for p in gazetteers["Cameroon"].places)
    context = export_actors(sample)
    jnim = [a for a in context.actors if a.name == "JNIM: Group for Support of Islam and Muslims"]
    assert jnim
    assert all(a.inter == 2 and "JNIM" in a.forms for a in jnim)
    assert any(f.name == "Military Forces of Myanmar (2021-)" for f in context.forces)
    assert not any(is_generic(form) for a in context.actors for form in a.forms)
    assert not any(f.name.endswith("Border Guard Force") for f in context.forces)  # a unit is no force's name


def test_context_improves_places_on_the_real_sample(shared_data: Path, tmp_path: Path) -> None:
    with open(shared_data / "acled_2022_sample.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    earlier = tmp_path / "earlier.csv"
    with earlier.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(r for r in rows if r["event_date"] < "2022-05-01")
    later = [r for r in rows if r["event_date"] >= "2022-05-01" and r["country"] in ("Iraq", "Ukraine", "Yemen")]
    plain = evaluate_places(later)
    context = evaluate_places(later, Coder([earlier], [earlier]))
    assert context.rate("within_25km") > plain.rate("within_25km")


def test_an_export_with_wrong_columns_is_refused_naming_them(tmp_path: Path) -> None:
    path = tmp_path / "columns.csv"
    path.write_text("event_id_cnty,location,latitude\nX1,Laiza,24.7\n", encoding="utf-8")
    with pytest.raises(ContextError, match=r"columns.csv:1: .*missing event_date.*\[bad-header\]"):
        export_gazetteers(path)
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="the file is empty"):
        export_actors(path)


def good_text(tmp_path: Path) -> str:
    return export(tmp_path / "good.csv", [kongo(), kongo()]).read_text(encoding="utf-8")


def test_an_export_with_broken_rows_is_refused_with_their_lines(tmp_path: Path) -> None:
    text = good_text(tmp_path)
    lines = text.splitlines()
    path = tmp_path / "broken.csv"
    path.write_text("\n".join([lines[0], lines[1], "a,b,c", lines[2]]) + "\n", encoding="utf-8")
    with pytest.raises(ContextError, match=r"broken.csv:3: record 2: the row has 3 fields.*\[wrong-field-count\]"):
        export_actors(path)


def test_an_export_with_a_huge_field_is_refused(tmp_path: Path) -> None:
    path = export(tmp_path / "huge.csv", [kongo(notes="x" * (2 << 20))])
    with pytest.raises(ContextError, match=r"huge.csv:2: record 1: notes: .*over the limit.*\[field-too-large\]"):
        export_gazetteers(path)


def test_an_export_that_is_not_utf8_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(good_text(tmp_path).replace("Kongo", "K\u00f6ngo", 1).encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1.csv:2: not UTF-8"):
        export_gazetteers(path)


def test_an_export_with_a_bad_value_gets_the_validators_issue(tmp_path: Path) -> None:
    path = export(tmp_path / "lat.csv", [kongo(), kongo(latitude="north")])
    with pytest.raises(ContextError, match=r"lat.csv:3: record 2: latitude: .*\[not-a-number\]"):
        export_gazetteers(path)
    path = export(tmp_path / "date.csv", [kongo(), kongo(event_date="yesterday")])
    with pytest.raises(ContextError, match=r"date.csv:3: record 2: event_date: 'yesterday' is not a date"):
        export_actors(path)
    path = export(tmp_path / "iso.csv", [kongo(event_date="2022-13-45")])
    with pytest.raises(ContextError, match=r"iso.csv:2: record 1: event_date: .*\[bad-date\]"):
        export_actors(path)
    path = export(tmp_path / "inter.csv", [kongo(inter1="Wizards")])
    with pytest.raises(ContextError, match=r"inter.csv:2: record 1: inter1: .*\[unknown-actor-category\]"):
        export_actors(path)


def test_the_cli_reads_context_and_refuses_a_broken_export_without_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = export(tmp_path / "uga.csv", [kongo(), row(**{**UGANDA, "actor1": "Ambazonian Separatists (Uganda)",
                                                          "inter1": "Rebel group", "location": "Gulu",
                                                          "admin1": "Northern", "latitude": 2.77,
                                                          "longitude": 32.3})])
    report = tmp_path / "report.txt"
    report.write_text("On 1 November 2023, Ambazonian Separatists shot dead two civilians in Kongo Trading Center.",
                      encoding="utf-8")
    code = main(["code", str(report), "--published", "2023-11-02", "--country", "Uganda", "--format", "acled-csv",
                 "--gazetteer", str(good), "--actors", str(good), "--actors", str(good)])
    out = capsys.readouterr().out
    assert code == 0
    written = list(csv.DictReader(io.StringIO(out)))
    assert [(r["actor1"], r["location"], r["admin2"]) for r in written] == \
        [("Ambazonian Separatists (Uganda)", "Kongo Trading Center", "Oyam")]
    broken = tmp_path / "broken.csv"
    broken.write_text("event_id_cnty,location\nX,Y\n", encoding="utf-8")
    assert main(["code", str(report), "--published", "2023-11-02", "--country", "Uganda",
                 "--actors", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "[bad-header]" in err
    assert "Traceback" not in err


def test_batch_progress_is_shown_on_a_terminal_only(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": 1, "text": "On 1 November 2023, troops shelled Laiza.", "published": "2023-11-02", '
                     '"country": "Myanmar"}\n', encoding="utf-8")
    shown: list[tuple[int, int]] = []

    class Bar:
        def __init__(self, stream: object, total: int) -> None:
            self.total = total

        def __call__(self, rows: int, read: int) -> None:
            shown.append((rows, read))

        def close(self) -> None:
            shown.append((-1, -1))

    monkeypatch.setattr("eventcode.cli.code_cmd.ProgressBar", Bar)
    assert main(["code", "--batch", str(batch), "--format", "jsonl"]) == 0
    assert shown == []  # stderr is no terminal under pytest
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert main(["code", "--batch", str(batch), "--format", "jsonl"]) == 0
    assert shown == [(1, batch.stat().st_size), (-1, -1)]
    shown.clear()
    assert main(["code", "--batch", str(batch), "--format", "jsonl", "--no-progress"]) == 0
    assert shown == []
    capsys.readouterr()


# ---- world places ranked by the report's admin areas ------------------------------------------------------------

def test_a_town_outside_the_admin1_named_right_after_it_is_not_taken() -> None:
    places = Coder().places
    text = "Russian forces attacked in the direction of Vysoke, Luhansk, but were repulsed."
    found = places.find(text, "Ukraine", context=places.admin_context(text, "Ukraine"))
    assert not [m for m in found if m.text == "Vysoke" and m.place is not None]
    assert [m.place.admin1 for m in found if m.place is not None] == ["Luhansk"]
    # an area named elsewhere in the sentence says nothing of a town's
    text = "The bus was attacked in the Barkhan area while moving from Quetta to Punjab province."
    found = places.find(text, "Pakistan", context=places.admin_context(text, "Pakistan"))
    assert [m.place.location for m in found if m.place is not None][:2] == ["Barkhan", "Quetta"]
    # the area a phrase names itself is no other area ("Dhaka" the city, in Dhaka)
    (dhaka,) = places.find("Police deployed to Dhaka.", "Bangladesh")
    assert dhaka.place is not None
    assert dhaka.place.location == "Dhaka"


def test_a_hall_is_no_place() -> None:
    text = "About 20 students rallied outside City Hall in Flagstaff (Arizona)."
    places = Coder().places
    found = places.find(text, "United States", context=places.admin_context(text, "United States"))
    assert [m.text for m in found if m.place is not None] == ["Flagstaff"]


def test_a_real_export_reads_alike_in_the_legacy_layout(shared_data: Path, tmp_path: Path) -> None:
    with open(shared_data / "acled_2022_sample.csv", encoding="utf-8-sig", newline="") as handle:
        rows = [r for _, r in zip(range(500), csv.DictReader(handle), strict=False)]
    current = export(tmp_path / "current.csv", list(rows))
    legacy = [{**r, "data_id": str(n), "event_id_no_cnty": str(n), "iso3": "XXX"} for n, r in enumerate(rows, 1)]
    old = export(tmp_path / "legacy.csv", legacy, list(acled_codebook().legacy_columns))
    assert [(g.country, g.places) for g in read_gazetteers(old)] == \
        [(g.country, g.places) for g in read_gazetteers(current)]
    assert [(a.name, a.inter, a.country, a.events, a.forms) for a in export_actors(old).actors] == \
        [(a.name, a.inter, a.country, a.events, a.forms) for a in export_actors(current).actors]


def test_an_export_pyarrow_cannot_parse_is_read_row_by_row_alike(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [nigeria(event_date="2022-03-01"), nigeria(event_date="01 February 2022"),
            nigeria(actor1="Military Forces of Nigeria (2015-2023)", inter1="State forces", event_date="20220105",
                    interaction="State forces-Civilians")]
    path = export(tmp_path / "nga.csv", rows)
    fast = (export_actors(path), export_gazetteers(path))

    def unparsed(*args: object) -> None:
        raise Unparsed("pyarrow cannot parse it")

    monkeypatch.setattr("eventcode.coder.context._count_fast", unparsed)
    slow = (export_actors(path), export_gazetteers(path))
    assert slow == fast
    assert [(f.first, f.last) for f in slow[0].forces] == [(date(2022, 1, 5), date(2022, 1, 5))]
    (actor,) = [a for a in slow[0].actors if a.name == "Ambazonian Separatists (Nigeria)"]
    assert actor.events == 2
    path = export(tmp_path / "bad.csv", [nigeria(event_date="someday")])
    with pytest.raises(ContextError, match=r"bad.csv:2: record 1: event_date: 'someday' is not a date"):
        export_actors(path)


def test_an_arabic_article_before_a_sun_letter_joins_a_name() -> None:
    # "Deir ez Zor" is one name (places.yaml connectors), the admin1 area of a village no gazetteer knows
    text = "On 21 May 2022, the Global Coalition and QSD raided Breihaqq village, Deir ez Zor."
    (event,) = Coder().code(text, date(2022, 5, 21), "Syria")
    assert event["admin1"] == "Deir ez Zor"


def test_a_word_that_is_no_place_alone_is_the_admin1_area_closing_a_notes_bracket_of_admin_areas() -> None:
    places = Coder().places
    text = "On 1 May 2022, people staged a protest in Kollupitiyaqq (Kollupitiyaqq, Western) demanding his resignation."
    (event,) = Coder().code(text, date(2022, 5, 1), "Sri Lanka")
    assert (event["admin1"], event["geo_precision"]) == ("Western", 3)
    # elsewhere "Western" is no place
    assert [m for m in places.find("Western diplomats met in the capital.", "Sri Lanka") if m.place] == []


def test_the_place_a_report_names_with_its_admin_areas_beside_it_comes_before_others(
        tmp_path: Path) -> None:
    towns = [row(country="South Africa", iso=710, region="Southern Africa", location=name, admin1="North West",
                 admin2=district, admin3="", latitude=-27.5, longitude=lon, geo_precision=1)
             for name, district, lon in (("Wolmaransqq", "Maquassi Hills", 25.9), ("Bloemhofqq", "Lekwa-Teemane",
                                                                                     25.6))]
    coder = Coder([export(tmp_path / "zaf.csv", towns)])
    text = ("On 15 June 2022, truck drivers blocked the N12 road between Wolmaransqq to Bloemhofqq (Lekwa-Teemane, "
            "North West) over the employment of foreign nationals.")
    (event,) = coder.code(text, date(2022, 6, 15), "South Africa")
    assert event["location"] == "Bloemhofqq"
    (event,) = coder.code(text.replace(" (Lekwa-Teemane, North West)", ""), date(2022, 6, 15), "South Africa")
    assert event["location"] == "Wolmaransqq"
    # before a more precise one too: "colonia Lomaqq" is a place of another state
    mexico = {"country": "Mexico", "iso": 484, "region": "Central America", "admin3": "", "longitude": -99.2}
    places = [row(**mexico, location="Puenteqq", admin1="Morelos", admin2="Puenteqq", latitude=18.6,
                  geo_precision=2),
              row(**mexico, location="Lomaqq", admin1="Queretaro", admin2="Lomaqq", latitude=20.6, geo_precision=1)]
    coder = Coder([export(tmp_path / "mex.csv", places)])
    text = "On 18 May 2022, in Puenteqq, Morelos, two men were shot and killed by armed men in colonia Lomaqq."
    (event,) = coder.code(text, date(2022, 5, 18), "Mexico")
    assert event["location"] == "Puenteqq"


def test_a_place_followed_by_a_bracket_naming_its_admin_areas_is_the_place_coded(tmp_path: Path) -> None:
    # "Bizerte (Bizerte Nord, Bizerte)": the bracket names Bizerte's admin1, so Bizerte is the place coded
    beja = row(country="Tunisia", iso=788, region="Northern Africa", location="Beja", admin1="Beja", admin2="Beja Nord",
               admin3="", latitude=36.73, longitude=9.18, geo_precision=1)
    text = ("On 9 May 2022, farmers blocked the road linking Beja to Bizerte (Bizerte Nord, Bizerte) with their cattle "
            "and protested against the rise in fodder prices.")
    (event,) = Coder([export(tmp_path / "tun.csv", [beja])]).code(text, date(2022, 5, 9), "Tunisia")
    assert event["location"] == "Bizerte"
    # an area named before a town does not make it the place coded: the Mihara after a court's name
    text = ("On 30 June 2022, protesters held a rally in Hiroshima against the Hiroshima district court "
            "ruling on Mihara.")
    (event,) = Coder().code(text, date(2022, 6, 30), "Japan")
    assert event["location"] == "Hiroshima"


def test_an_admin1_area_the_world_gazetteer_lacks_is_placed_at_the_busiest_export_place_of_it(tmp_path: Path) -> None:
    # Sidama, a region since 2020, is not among the admin1 codes of GeoNames' table of 2023
    yirgalem = row(country="Ethiopia", iso=231, region="Eastern Africa", location="Yirgalemqq", admin1="Sidama",
                   admin2="Dalleqq", admin3="", latitude=6.75, longitude=38.41, geo_precision=1)
    coder = Coder([export(tmp_path / "eth.csv", [yirgalem])])
    text = "On 21 May 2022, people staged a protest in Aletaqq (Aletaqq, Sidama) demanding fuel."
    (event,) = coder.code(text, date(2022, 5, 21), "Ethiopia")
    assert (event["location"], event["admin1"], event["geo_precision"]) == ("Yirgalemqq", "Sidama", 3)


def test_a_sentence_of_a_note_saying_where_its_event_is_coded_places_it(tmp_path: Path) -> None:
    syria = {"country": "Syria", "iso": 760, "region": "Middle East", "admin3": "", "geo_precision": 2}
    places = [row(**syria, location="Ithariyahqq", admin1="Hama", admin2="Salamiyeh", latitude=35.4, longitude=37.6),
              row(**syria, location="Tadmorqq", admin1="Homs", admin2="Tadmor", latitude=34.56, longitude=38.28)]
    coder = Coder([export(tmp_path / "syr.csv", places)])
    text = ("Movement of forces: On 21 May 2022, regime forces deployed to the central Syrian desert. The operation is "
            "to cover the axis from Ithariyahqq in Hama through Tadmorqq in Homs. Coded as Tadmorqq city, Homs for "
            "the central Syrian desert.")
    (event,) = coder.code(text, date(2022, 5, 21), "Syria")
    assert event["location"] == "Tadmorqq"
