"""Territories at issue and places in wire-copy grammar: relative clauses whose subject is the
name ("Russia, which claims ...") or that are passive ("a town that was seized by ..."),
"in rebel hands", "the unity of", governors installed by an armed group, lists running
through a possessive appositive, what a venue or a struck region in a state at issue is, roles
read after the name ("In Sidon, an airstrike ..."), cities looked up after control verbs, and
capitalised datelines."""

from __future__ import annotations

import pytest

from conflictmodel import parse_article


def at_issue(text: str) -> set[str]:
    return {t.code or t.id for t in parse_article(text).territories}


def places(text: str) -> dict[str, tuple[str, str | None]]:
    return {p.name: (p.role.value, p.parent) for p in parse_article(text).places}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The name is the subject of the relative clause: the claimant, not what is claimed.
        (
            "Russia, which says it annexed Kherson and Zaporizhzhia in 2022, now holds most "
            "of both.",
            {"UA-65", "UA-23"},
        ),
        ("Russia, which now controls about a fifth of Ukraine, rejected the plan.", {"UA"}),
        # A passive relative clause after an appositive.
        (
            "Bakhmut, a salt-mining town that was seized by Wagner fighters in May 2023, lies "
            "in ruins.",
            {"area:bakhmut"},
        ),
        # "in rebel hands", "fell into the hands of".
        ("Kidal has been in rebel hands since 2012, residents say.", {"ML-8"}),
        ("With most of Darfur now in RSF hands, the army dug in along the Nile.", {"area:darfur"}),
        # "the unity of" a state.
        ("Any step that threatens the unity of Libya will be resisted, the council said.", {"LY"}),
        # Governors installed by an armed group.
        ("The rebels have appointed their own governors in Ituri.", {"CD-IT"}),
        # A list through a possessive appositive and "and of neighbouring".
        (
            "Fighters seized most of Shabwa, Yemen's oil-producing province, and of "
            "neighbouring Abyan.",
            {"YE-SH", "YE-AB"},
        ),
        # "occupying land in".
        ("Soldiers have been occupying land in Banteay Meanchey since June.", {"KH-1"}),
        # Recognising another state's hold moves the territory: its state is at issue too.
        (
            "Kyiv would never recognise Russia's occupation of Crimea, Ukraine's president said.",
            {"UA-43", "UA"},
        ),
        # "the country" in a sentence that names no state: the state of the sentence before.
        (
            "M23 rebels still hold Goma and Bukavu in eastern Congo. A minister said the "
            "government would never accept the balkanisation of the country.",
            {"area:goma", "area:bukavu", "CD"},
        ),
        (
            "Diplomats fear a partition of Yemen along the lines of Libya. The government says "
            "it will never accept the division of the country.",
            {"YE"},
        ),
        # ", where ... are under siege"; "states" after a list of regions.
        (
            "Fighting spread to Kassala and Gedaref states, where army units are besieged.",
            {"SD-KA", "SD-GD"},
        ),
        # "is Russian land": a sovereignty statement after the name.
        ("Peskov said Crimea is Russian land and will stay so.", {"UA-43"}),
        # Adjectives between the cue and the name ("the fortified cities of").
        (
            "Kyiv refuses to hand over the fortified town of Kostiantynivka.",
            {"area:kostiantynivka"},
        ),
        # "the island" for the island state named before it.
        (
            "Talks on Cyprus resumed in Geneva. The island has been divided since 1974, "
            "diplomats noted.",
            {"CY"},
        ),
        # Ground gained, a rival government, forces pushed out: a region, not a country.
        ("Russian troops made gains in Kharkiv region overnight.", {"UA-63"}),
        ("The RSF declared a rival government in Darfur.", {"area:darfur"}),
        ("Haftar set up a rival government in eastern Libya.", set()),
        ("Ukraine's army was pushed out of Kursk in March.", {"RU-KRS"}),
        # A hyphenated adjective of control takes no clause.
        ("Russian-controlled Mariupol was rebuilt.", {"area:mariupol"}),
        # A state giving up land: the state named last before the verb.
        ("The plan would require Armenia to cede territory to Azerbaijan.", {"AM"}),
        ("Russia wants Ukraine to give up land in the east.", {"UA"}),
        ("Ukraine had hoped to trade the captured land for occupied territory.", set()),
        # A state's own unity, borders that cannot be changed, a share of a state claimed.
        ("Somalia rejected the pact as an attack on its unity.", {"SO"}),
        ("Brussels says Ukraine's borders cannot be changed by force.", {"UA"}),
        ("Venezuela claims two-thirds of Guyana.", {"GY"}),
        ("Syria's Kurds want autonomy within a unified Syria.", {"SY"}),
        # Size words and plural place nouns between the cue and the name.
        ("Ukraine controls around 30% of Donetsk region.", {"UA-14"}),
        ("The RSF controls all five states of Darfur.", {"area:darfur"}),
        # A list through names the gazetteer does not know.
        ("Russian forces have captured Marhanka, Bohatyr and Kupiansk.", {"area:kupiansk"}),
        # Front-line towns under GeoNames' population threshold are curated.
        (
            "Russian forces have captured Siversk, Huliaipole and Kupiansk.",
            {"area:siversk", "area:huliaipole", "area:kupiansk"},
        ),
        # English names of regions the automatic ISO 3166-2 set knows only officially.
        ("Azerbaijan retook Kalbajar and Lachin in 2020.", {"AZ-KAL", "AZ-LAC"}),
        ("Turkish troops remain in Northern Cyprus, Ankara said.", {"area:northern-cyprus"}),
        # Other names: proxy republics, Argentine and British names, a disputed oil field.
        ("Moscow annexed the self-proclaimed Donetsk People's Republic in 2022.", {"UA-14"}),
        ("Argentina still claims the Malvinas.", {"FK"}),
        ("South Sudanese troops briefly seized Heglig in 2012.", {"area:heglig"}),
    ],
)
def test_at_issue(text: str, expected: set[str]) -> None:
    assert at_issue(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The city a region is named after has no code of its own; its region is its parent.
        ("The Houthis have besieged the city of Taiz since 2015.", {"city:taiz-ye": "YE-TA"}),
        (
            "Government forces hold Aden, the interim capital, and Marib.",
            {"city:aden-ye": "YE-AD", "YE-MA": "YE"},
        ),
        ("Russian troops withdrew from Kherson city in 2022.", {"city:kherson-ua": "UA-65"}),
        # Not when the appositive is about the region.
        ("Russia occupies Kherson, a region whose main city it lost.", {"UA-65": "UA"}),
    ],
)
def test_city_named_like_its_region(text: str, expected: dict[str, str]) -> None:
    assert {t.id: t.parent for t in parse_article(text).territories} == expected


def test_city_where_a_draft_was_discussed_is_a_venue() -> None:
    text = (
        "Under the draft discussed in Geneva, the front lines in the Kherson, Zaporizhzhia and "
        "Donetsk regions would be frozen."
    )
    assert at_issue(text) == {"UA-65", "UA-23", "UA-14"}
    assert places(text)["Geneva"][0] == "venue"


def test_venue_is_not_what_a_collective_cue_governs() -> None:
    text = (
        "At talks in Istanbul, Russia demanded that Ukraine pull its troops out of the areas "
        "of Donetsk it still holds."
    )
    assert at_issue(text) == {"UA-14"}
    assert places(text)["İstanbul"][0] == "venue"


def test_region_struck_in_a_state_whose_sovereignty_is_violated_stays_a_place() -> None:
    text = (
        "Lebanon said Israeli troops occupying hilltops in the south violated its sovereignty. "
        "Israeli jets also struck the Bekaa Valley overnight."
    )
    assert at_issue(text) == {"LB"}
    assert places(text)["Bekaa"] == ("event_location", "LB")


def test_region_struck_in_a_state_whose_land_changes_hands_is_at_issue() -> None:
    text = "Ukraine will never recognise Crimea as Russian. A missile strike in Sumy killed 12."
    assert at_issue(text) >= {"UA-43", "UA-59"}


@pytest.mark.parametrize(
    ("text", "name", "role", "parent"),
    [
        ("In Sidon, an airstrike hit a car on Tuesday.", "Sidon", "event_location", "LB-JA"),
        (
            "Air-raid sirens sounded in the city of Dnipro, where a missile hit a bus station.",
            "Dnipro",
            "event_location",
            "UA-12",
        ),
        ("In Srinagar, where he grew up, people talk about jobs.", "Srinagar", "other", "IN-JK"),
        ("Thousands of families fled Omdurman last year.", "Omdurman", "origin", "SD-KH"),
        ("JUBA, South Sudan (Reuters) — Talks resumed on Monday.", "Juba", "dateline", "SS-EC"),
        ("The Security Council meets in New York on Thursday.", "New York", "venue", "US"),
        # A dateline in capitals names a city, even where its name is its region's.
        ("MOSCOW (AP) — The Kremlin said talks would go on.", "Moscow", "dateline", "RU-MOW"),
        ("KHARTOUM, Sudan (Reuters) - The army said so.", "Khartoum", "dateline", "SD-KH"),
        ("NEW DELHI — India said talks would go on.", "Delhi", "dateline", "IN-DL"),
    ],
)
def test_place_roles(text: str, name: str, role: str, parent: str) -> None:
    assert places(text)[name] == (role, parent)


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        ("Paramilitary fighters took control of Babanusa on Monday.", "Babanūsah", "SD-GK"),
        ("Rebels entered Kindu overnight.", "Kindu", "CD-MA"),
    ],
)
def test_city_after_a_control_verb(text: str, name: str, parent: str) -> None:
    terr = {t.name: t for t in parse_article(text).territories}
    assert terr[name].code is None
    assert terr[name].parent == parent
