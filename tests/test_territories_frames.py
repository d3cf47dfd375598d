"""Territories at issue through frames that reach past the name: place nouns standing for a
territory named before ("the region"), mutual sovereignty ("each other's borders"), other names
of the same place ("known as"), control verbs with size words between ("govern vast swathes
of"), and what does not put a place at issue (a demonym on a state's towns, an appositive that
says where a seized town lies)."""

from __future__ import annotations

import pytest

from conflictmodel import Place, Territory, parse_article
from conflictmodel.parsers.places import IssueCues


def at_issue(text: str) -> set[str]:
    return {t.code or t.id for t in parse_article(text).territories}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Control verbs, with size words between the verb and the name.
        ("Rebels now govern vast swathes of North Kivu after a lightning advance.", {"CD-NK"}),
        ("M23 administers large parts of South Kivu, according to UN experts.", {"CD-SK"}),
        ("Who will govern the Gaza Strip after the war remains unclear.", {"area:gaza-strip"}),
        # A relative clause on the place with a long subject.
        (
            "Clashes erupted in Shan State, where the Ta'ang National Liberation Army controls "
            "several towns.",
            {"MM-17"},
        ),
        # "along with" joins a list that shares the cue.
        (
            "Russian forces still occupy Kherson along with parts of Zaporizhzhia.",
            {"UA-65", "UA-23"},
        ),
    ],
)
def test_control_frames(text: str, expected: set[str]) -> None:
    assert at_issue(text) == expected


def test_place_noun_stands_for_the_territory_named_before() -> None:
    text = (
        "Tigray lies on the border with Eritrea. Eritrea still keeps thousands of troops in the "
        "region."
    )
    assert at_issue(text) == {"ET-TI"}


def test_place_noun_without_a_cue_changes_nothing() -> None:
    text = "Odesa lies on the Black Sea coast. Tourists rarely visit the region."
    assert at_issue(text) == set()


def test_place_noun_of_a_name_is_not_an_anaphor() -> None:
    t = "Both sides claim the disputed enclave, and the province of Idlib is calm."
    assert [t[s:e] for s, e in IssueCues.default().anaphors(t)] == ["enclave"]


def test_the_region_does_not_stand_for_a_town() -> None:
    # "the region" is not the town named last; the region named before it is meant.
    text = (
        "Fighting spread across North Kivu, near the town of Sake. Rwanda denies its troops "
        "control the region."
    )
    issue = at_issue(text)
    assert "CD-NK" in issue
    assert not any(code.startswith("city:") for code in issue)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serbia and Kosovo have never agreed to respect each other's borders.", {"RS", "XK"}),
        (
            "Eritrea and Ethiopia fought a border war in 1998. Two decades later the two "
            "neighbours pledged to respect each other's sovereignty.",
            {"ER", "ET"},
        ),
        (
            "Azerbaijan and Armenia held talks in Abu Dhabi. The two sides agreed to respect one "
            "another's territorial integrity.",
            {"AM", "AZ"},
        ),
    ],
)
def test_mutual_sovereignty_puts_every_state_of_the_sentence_at_issue(
    text: str, expected: set[str]
) -> None:
    assert at_issue(text) == expected


def test_each_other_without_a_sovereignty_noun_is_no_cue() -> None:
    assert at_issue("Serbia and Kosovo accused each other's police of provocations.") == set()


def test_other_name_of_a_place_joins_its_list() -> None:
    cues = IssueCues.default()
    t = "Serbia still claims Kosovo, which Albanians call Kosova, and"
    assert cues.continues_list(t, t.index(","), t.index("Kosova"))
    t = "fighting over Karabakh, known to Armenians as Artsakh"
    assert not cues.continues_list(t, t.index(","), t.index("Artsakh"))
    t = "fighting over Karabakh, also known as Artsakh"
    assert cues.continues_list(t, t.index(","), t.index("Artsakh"))


def test_demonym_on_towns_does_not_put_the_state_at_issue() -> None:
    assert at_issue("Jihadists overran Malian towns near the border with Niger last week.") == set()
    # A demonym on the state's territory as a whole still does.
    assert at_issue("Russia occupies about a fifth of Ukrainian territory.") == {"UA"}


def test_appositive_location_of_a_seized_town_is_not_seized() -> None:
    text = "Rebels captured Bunia, the capital of Ituri province, on Friday."
    assert at_issue(text) == {"area:bunia"}
    # A real list still shares the verb.
    assert at_issue("Rebels captured Bunia, Mahagi and the town of Djugu.") >= {"area:bunia"}


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        ("Drones struck a market in Omdurman on Sunday.", "Omdurman", "SD-KH"),
        ("Shelling hit Khartoum North overnight.", "Bahri", "SD-KH"),
        ("Drones struck an oil depot in Rostov-on-Don.", "Rostov-on-Don", "RU-ROS"),
    ],
)
def test_a_city_is_not_its_region(text: str, name: str, parent: str) -> None:
    # A city the gazetteer once filed as an alias of its region has no code of its own: it
    # lies in the region (parent), it is not the region.
    art = parse_article(text)
    locations: list[Territory | Place] = [*art.territories, *art.places]
    (loc,) = [x for x in locations if x.name == name]
    assert loc.code is None
    assert loc.parent == parent
    assert parent not in {x.code for x in locations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "run" and "hand" govern their object.
        (
            "The Kurdish-led administration that runs Raqqa and Hasakah wants autonomy.",
            {"SY-RA", "SY-HA"},
        ),
        (
            "Under the deal, the SDF would hand Raqqa and Deir ez-Zor to Damascus.",
            {"SY-RA", "SY-DY"},
        ),
        ("Wagner forces ran into an ambush near the Algerian border.", set()),
        # A region name before an actor noun names the actor, not a place.
        (
            "Tigray's interim administration says Amhara forces still occupy the western part "
            "of the region.",
            {"ET-TI"},
        ),
        ("Amhara militias attacked a convoy on Tuesday, and Oromia police said they fled.", set()),
    ],
)
def test_verbs_and_actor_modifiers(text: str, expected: set[str]) -> None:
    assert at_issue(text) == expected


def test_names_listed_after_a_known_place_share_its_cue() -> None:
    art = parse_article("The army lost control of Kidal, Gao and Timbuktu in 2012.")
    names = {t.name for t in art.territories}
    assert {"Gao", "Timbuktu"} <= names
    # A region away from fighting and from any cue is not recorded at all.
    art = parse_article("The senator from Texas and Florida spoke.")
    assert not art.territories
    assert not art.places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Secession: the place that leaves and the state it leaves.
        ("Dodik wants Republika Srpska to secede.", {"BA-SRP"}),
        ("Separatists in the north want to break away from Cameroon.", {"CM"}),
        ("Somaliland wants to break away from Somalia.", {"SO", "area:somaliland"}),
        ("Separatists in the south are fighting for independence from Ethiopia.", {"ET"}),
        ("The movement has long sought outright independence from Senegal.", {"SN"}),
        # A secession long past is the state's history, not its integrity at issue.
        ("Somaliland declared independence from Somalia in 1991.", {"area:somaliland"}),
        ("Moldova's breakaway Transnistria hosts Russian troops.", {"MD-SN", "MD"}),
        ("Transnistria, a breakaway region of Moldova, hosts Russian troops.", {"MD-SN", "MD"}),
        ("Abkhazia still lacks international recognition.", {"GE-AB"}),
        # A state seeking recognition of something else is not itself at issue.
        ("Russia seeks recognition of the four regions it annexed.", set()),
        # Object complements and relative clauses with a pronoun subject.
        ("China considers Taiwan a breakaway province.", {"TW"}),
        (
            "The deal would see Russia return the parts of Sumy and Kharkiv regions it occupies.",
            {"UA-59", "UA-63"},
        ),
        # Positions, hilltops and bases in a region are ground in it.
        ("Israeli troops remain in five positions in southern Lebanon.", {"LB-JA"}),
        ("Rebels declared an independent state of Azawad in northern Mali.", {"area:azawad", "ML"}),
    ],
)
def test_secession_recognition_and_complements(text: str, expected: set[str]) -> None:
    assert at_issue(text) == expected


def test_bosnia_entities_have_their_codes() -> None:
    art = parse_article(
        "Officials in Brcko and the Serb Republic met envoys from the Federation of Bosnia and Herzegovina."
    )
    codes = {x.code for x in [*art.territories, *art.places]}
    assert {"BA-BRC", "BA-SRP", "BA-BIH"} <= codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "its sovereignty" in a relative clause is the sovereignty of the state it follows.
        (
            "Ethiopia's leader spoke of reaching the sea, alarming Eritrea, which fears for its "
            "sovereignty.",
            {"ER"},
        ),
        ("Guyana called the move a threat to its sovereignty.", {"GY"}),
        # An appositive inside a list does not end the list.
        (
            "Government forces hold Shabwa, the oil-producing province, and Marib.",
            {"YE-SH", "YE-MA"},
        ),
    ],
)
def test_relative_clauses_and_appositives(text: str, expected: set[str]) -> None:
    assert at_issue(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Troops stationed in a country, refugees crossing into it: not at issue ...
        ("The United States will station troops in Poland.", set()),
        ("Refugees from Sudan crossed into Chad.", set()),
        ("Turkey sent troops to Libya in 2020.", set()),
        ("Thousands of refugees entered Chad last week.", set()),
        ("Ukrainian troops entered the Kursk region in August.", {"RU-KRS"}),
        # ... but foreign troops in a region, or crossing into one, are.
        ("Russian troops in Transnistria held exercises.", {"MD-SN"}),
        ("Ukrainian troops crossed into the Kursk region.", {"RU-KRS"}),
        ("Eritrean troops remain inside Tigray, local officials say.", {"ET-TI"}),
    ],
)
def test_presence_puts_regions_not_countries_at_issue(text: str, expected: set[str]) -> None:
    assert at_issue(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A territory whose sovereignty is itself disputed is at issue where it is named ...
        ("Transnistria's leader said the region would hold talks with Chisinau.", {"MD-SN"}),
        ("Officials in Donetsk and Luhansk met envoys on Monday.", {"UA-14", "UA-09"}),
        ("Abkhazia held parliamentary elections on Sunday.", {"GE-AB"}),
        # ... but not where it only locates an event, a meeting or a dateline.
        ("A drone hit a fuel depot in Crimea overnight.", set()),
        ("Talks were held in Sevastopol last year.", set()),
        # An undisputed region is not at issue by its name.
        ("Officials in Odesa and Mykolaiv met envoys on Monday.", set()),
    ],
)
def test_disputed_territories_are_at_issue_where_named(text: str, expected: set[str]) -> None:
    assert at_issue(text) == expected
