"""Event locations: the place attached to the trigger, else the dateline, else the article's main place."""

from __future__ import annotations

import pytest


def locations(extractor, text: str) -> list[tuple[str | None, str | None, str]]:
    evs = extractor.process({"id": "p", "text": text})["events"]
    return [(e["location"] or {}).get("country") and (e["location"]["resolved"], e["location"]["country"],
                                                      e["location"]["how"]) for e in evs]


@pytest.mark.parametrize(("text", "resolved", "country"), [
    ("Chile and Argentina signed a trade agreement in Montevideo.", "Montevideo", "URY"),
    ("Israeli aircraft struck Hezbollah positions near Tyre.", "Tyre", "LBN"),
])
def test_places_trigger_place(extractor, text, resolved, country):
    locs = locations(extractor, text)
    assert locs and all(loc == (resolved, country, "trigger") for loc in locs), locs


def test_places_dateline_when_sentence_has_no_place(extractor):
    text = "NAIROBI, Kenya — Kenya expelled two Sudanese diplomats on Monday."
    locs = locations(extractor, text)
    assert locs and locs[0][1] == "KEN" and locs[0][2] == "dateline"


def test_places_article_main_place_as_fallback(extractor):
    text = ("Peru recalled its ambassador from Santiago. The decision followed protests in Lima. "
            "Officials in Lima said more protests were planned in Lima.")
    evs = extractor.process({"id": "p", "text": text})["events"]
    first = next(e for e in evs if e["cameo"]["code"] == "161")
    assert first["location"]["resolved"] == "Lima" and first["location"]["how"] == "article"


@pytest.mark.parametrize(("name", "country"), [
    ("Vladivostok", "RUS"), ("Russia", "RUS"), ("Gaza City", "PSE"),
    # regions, territories and landmarks of regions.tsv
    ("Chechnya", "RUS"), ("the West Bank", "PSE"), ("Darfur", "SDN"), ("Tiananmen Square", "CHN"),
    # towns of the countries whose CAMEO code is not their ISO code
    ("Timisoara", "ROM"), ("Cluj-Napoca", "ROM"), ("Baucau", "TMP"),
    # a city's own name wins over a larger city's alternate name (Chittagong, Puebla de Zaragoza)
    ("Islamabad", "PAK"), ("Zaragoza", "ESP"),
])
def test_places_resolver(extractor, name, country):
    place = extractor.places.resolve(name)
    assert place is not None and place.country == country


@pytest.mark.parametrize(("text", "code", "not_country"), [
    # a place in a clause below the event's clause belongs to another event
    ("BERLIN — Germany accused Iran of supplying drones to Russia for attacks in Ukraine.", "112", "UKR"),
    ("PARIS — France condemned Turkey, whose troops have been fighting in Syria since March.", "111", "SYR"),
])
def test_places_not_from_a_clause_below_the_trigger(extractor, text, code, not_country):
    evs = [e for e in extractor.process({"id": "p", "text": text})["events"] if e["cameo"]["code"] == code]
    assert evs and all(e["location"]["country"] != not_country for e in evs), [e["location"] for e in evs]


def test_places_from_a_clause_above_the_trigger(extractor):
    text = "In Geneva, Iran and the United States agreed to hold talks on the nuclear programme."
    evs = extractor.process({"id": "p", "text": text})["events"]
    assert evs and all(e["location"]["resolved"] == "Geneva" for e in evs)


@pytest.mark.parametrize(("text", "expected"), [
    # a region is a place: the people in it and the places struck in it are of its country
    ("Russian aircraft bombed villages in Chechnya.", {("RUSMIL", "RUS", "195")}),
    ("More than 1,000 students in Tiananmen Square began a hunger strike on Saturday.", {("CHNCVL", "CHNGOV", "142")}),
])
def test_places_regions_give_their_country(extractor, text, expected):
    evs = extractor.process({"id": "r", "text": text})["events"]
    assert {(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"]["code"]) for e in evs} == expected


def test_places_dateline_of_a_capital_that_is_another_city_s_old_name(extractor):
    doc = extractor.parse(["ISLAMABAD, Jan 5 - The two leaders met on the sidelines of the summit on Monday."])[0]
    place = extractor.places.dateline(doc)
    assert place is not None and place.country == "PAK"
