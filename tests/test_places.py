"""Territories at issue vs places mentioned (issue 13): what the text says about a location
decides which it is; a place keeps a role, its own ISO code and the region it lies in."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictmodel import Article, Place, PlaceRole, parse_article
from conflictmodel.context import ParseContext
from conflictmodel.errors import GazetteerError
from conflictmodel.gazetteer import Gazetteer
from conflictmodel.parsers.places import IssueCues, is_dateline, place_role
from conflictmodel.parsers.territories import TerritoryParser, add_place, iso_parent
from conflictmodel.serialization import from_json, to_json
from conflictmodel.span import Span


def split(text: str) -> tuple[set[str], dict[str, str]]:
    art = parse_article(text)
    return {t.code or t.id for t in art.territories}, {p.id: p.role.value for p in art.places}


def test_state_of_a_territory_that_changes_hands_is_at_issue_where_named() -> None:
    # Annexation puts the state's integrity at issue; a region struck in that state is too.
    got, places = split(
        "Russia annexed Crimea from Ukraine. A missile strike on Kharkiv killed three people."
    )
    assert got == {"UA-43", "UA", "UA-63"}
    # Not named: not invented.
    got, _ = split("Moscow annexed Crimea in 2014.")
    assert got == {"UA-43"}
    # Captured or occupied is control in fact: the state stays a place.
    got, places = split("Russian forces captured Avdiivka in eastern Ukraine.")
    assert got == {"area:avdiivka"}
    assert "UA" in places
    got, places = split("Ukraine said Russia still occupies parts of Zaporizhzhia.")
    assert got == {"UA-23"}
    # Its own sovereignty, integrity or borders put a state at issue.
    got, _ = split("Officials in Kyiv said the strikes violated Ukraine's sovereignty.")
    assert got == {"UA"}
    got, _ = split("Ministers urged Moscow to respect Moldova's borders.")
    assert got == {"MD"}


@pytest.mark.parametrize(
    ("text", "issue", "places"),
    [
        # Ukraine: occupied and annexed regions, a captured town, a struck city.
        (
            "KYIV, Ukraine (AP) — Moscow wants Kyiv to withdraw from the rest of Donetsk, "
            "while a missile strike on Belgorod killed three people.",
            # Ukraine is named in the dateline only: a place, not at issue.
            {"UA-14"},
            {"UA-30": "dateline", "RU-BEL": "event_location"},
        ),
        (
            "Moscow annexed Crimea in 2014 and the Kremlin says Kherson and Zaporizhzhia are "
            "Russian.",
            {"UA-43", "UA-65", "UA-23"},
            {},
        ),
        # Congo: a rebel-held city, its province a place.
        (
            "M23 rebels seized Goma last year. Aid convoys later reached Bukavu in South Kivu.",
            {"area:goma"},
            {"area:bukavu": "other", "CD-SK": "other"},
        ),
        # Kashmir: a disputed area and a venue.
        (
            "India and Pakistan both claim Kashmir in full. Officials met in Geneva on Monday.",
            {"area:kashmir"},
            {},
        ),
        # Armenia-Azerbaijan: retaken area, talks in a third country.
        (
            "Azerbaijan retook Nagorno-Karabakh in 2023. Talks were later held in Kazakhstan.",
            {"area:nagorno-karabakh"},
            {"KZ": "venue"},
        ),
        # Gaza: the Strip has no ISO code of its own; Egypt is only where talks are held.
        (
            "Israel refuses to withdraw from the Gaza Strip, mediators said at talks in Egypt.",
            {"area:gaza-strip"},
            {"EG": "venue"},
        ),
        # Western Sahara: ISO 3166-1 EH, claimed.
        ("Morocco considers Western Sahara part of its territory.", {"EH"}, {}),
        # Kosovo: a partially recognised state under its user-assigned code.
        ("Serbia still refuses to recognise Kosovo as independent.", {"XK"}, {}),
        # Tigray: its status at issue; refugees came from Sudan's side of the border.
        (
            "The status of Western Tigray remains disputed. Refugees fled from Tigray to Sudan "
            "last year.",
            {"area:western-tigray"},
            {"ET-TI": "origin"},
        ),
        # Sudan: a region where fighting happened is a place, not at issue.
        ("Fighting raged in North Darfur on Monday.", set(), {"SD-DN": "event_location"}),
        # Cyprus: the island's reunification.
        (
            "A summit is planned in Cyprus next month on the reunification of the island.",
            {"CY"},
            {},
        ),
    ],
)
def test_at_issue_or_place(text: str, issue: set[str], places: dict[str, str]) -> None:
    got_issue, got_places = split(text)
    assert got_issue == issue
    for pid, role in places.items():
        assert got_places.get(pid) == role, (pid, got_places)
    assert not (got_issue & set(got_places))


def test_metonym_is_an_actor_not_a_place() -> None:
    art = parse_article("Kyiv said Moscow's demands were unacceptable.")
    assert art.places == ()
    assert art.territories == ()
    assert {a.id for a in art.actors} >= {"state:UA", "state:RU"}


def test_place_code_is_its_own_and_parent_its_region() -> None:
    art = parse_article("Shelling hit Kramatorsk and Donetsk oblast. Gaza City was quiet.")
    kram = art.place("Kramatorsk")
    assert kram is not None
    assert (kram.code, kram.parent, kram.kind.value, kram.country) == (None, "UA-14", "city", "UA")
    oblast = next(p for p in art.places if p.id == "UA-14")
    assert (oblast.code, oblast.parent) == ("UA-14", "UA")
    gaza = next(p for p in art.places if p.id == "area:gaza-city")
    assert (gaza.code, gaza.parent) == (None, "PS-GZA")


def test_parent_walks_up_to_an_iso_code() -> None:
    gz = Gazetteer.default()
    assert iso_parent(gz, gz.territories["area:stepanakert"]) == "AZ"
    assert iso_parent(gz, gz.territories["area:goma"]) == "CD-NK"
    assert iso_parent(gz, gz.territories["XK"]) is None


def test_place_mentions_index_the_text() -> None:
    text = "Talks in Doha resumed; the Doha round ended. KHARTOUM, Sudan (AP) — Talks in Jeddah."
    art = parse_article(text)
    for p in art.places:
        for m in p.mentions:
            assert p.is_named(m.of(text)) or Gazetteer.default().country_code(m.of(text))


def test_a_proposal_naming_a_place_puts_it_at_issue() -> None:
    ctx = ParseContext(text="Talks in Doha. The plan would see Ukraine cede Donetsk.")
    from conflictmodel.pipeline import default_pipeline

    default_pipeline().run(ctx)
    art = ctx.to_article()
    assert "UA-14" in {t.id for t in art.territories}
    assert "UA-14" not in {p.id for p in art.places}


def test_ceasefire_place_stays_a_place() -> None:
    art = parse_article("The UN envoy called for a truce in Libya during the holiday.")
    assert art.territories == ()
    assert [p.id for p in art.places] == ["LY"]


def test_places_round_trip_through_json() -> None:
    art = parse_article(
        "BEIRUT (Reuters) — Israeli strikes hit Tyre as envoys met in Paris about the Blue Line."
    )
    assert art.places
    again = from_json(to_json(art), Article)
    assert again.places == art.places
    assert again.territories == art.territories


def test_roles_from_grammar() -> None:
    t = "Refugees fled from Khartoum after drone strikes on Omdurman, before talks in Jeddah."
    assert place_role(t, 0, t.index("Khartoum"), t.index("Khartoum") + 8) is PlaceRole.ORIGIN
    i = t.index("Omdurman")
    assert place_role(t, 0, i, i + 8) is PlaceRole.EVENT_LOCATION
    i = t.index("Jeddah")
    assert place_role(t, 0, i, i + 6) is PlaceRole.VENUE
    assert is_dateline("GOMA, Congo (AP) — Rebels advanced.", 0, 4)
    assert not is_dateline("They reached Goma (AP).", 13, 17)


@pytest.mark.parametrize(
    ("text", "name", "tier"),
    [
        ("Russian-occupied Melitopol", "Melitopol", "sovereignty"),
        ("the occupied parts of the Zaporizhzhia region", "Zaporizhzhia", "sovereignty"),
        ("Russia claims Ukraine shelled the town.", "Ukraine", None),
        ("China claims Taiwan as its own.", "Taiwan", "sovereignty"),
        ("They recognised Russia's control over it.", "Russia", None),
        ("They recognised Ukraine's borders.", "Ukraine", "sovereignty"),
        ("Tigray's future status is open.", "Tigray", "sovereignty"),
        ("the Kursk incursion", "Kursk", "military"),
        ("Rebels are closing in on Bukavu.", "Bukavu", "military"),
        ("Talks on Bukavu's water supply.", "Bukavu", None),
        ("Rafah, which Israel captured in May, is empty.", "Rafah", "sovereignty"),
        ("Ukrainian forces held the frontline town of Pokrovsk.", "Pokrovsk", "military"),
        ("Fighting raged on the Pokrovsk front.", "Pokrovsk", "military"),
        ("Parts of Zaporizhzhia still held by Russia.", "Zaporizhzhia", "military"),
        ("Moscow says Kherson could be ceded.", "Kherson", "sovereignty"),
        ("They refuse territorial concessions in Donetsk.", "Donetsk", "sovereignty"),
        ("A withdrawal in exchange for Luhansk.", "Luhansk", "sovereignty"),
        ("The question of Ukraine's NATO membership.", "Ukraine", None),
        ("A buffer zone in Sumy was proposed.", "Sumy", "sovereignty"),
        ("Russia controls a fifth of Ukraine's territory.", "Ukraine", "military"),
        ("The army controls Khartoum again.", "Khartoum", "military"),
    ],
)
def test_issue_cues(text: str, name: str, tier: str | None) -> None:
    i = text.index(name)
    assert IssueCues.default().issue_cue(text, 0, i, i + len(name)) == tier


def test_lists_share_a_cue() -> None:
    got, _ = split("Russia annexed Crimea, Donetsk, Luhansk and the Kherson region in 2022.")
    assert {"UA-43", "UA-14", "UA-09", "UA-65"} <= got
    got, _ = split("Russia occupies a fifth of Georgia's territory, including Abkhazia.")
    assert {"GE", "GE-AB"} <= got


def test_user_cues_extend_the_shipped_ones() -> None:
    cues = IssueCues.from_mapping({"before_sovereignty": ["hand back"]})
    ctx = ParseContext(text="They will hand back Kherson.")
    TerritoryParser(cues=cues)(ctx)
    assert "UA-65" not in ctx.places
    ctx = ParseContext(text="They will hand back Kherson.")
    TerritoryParser(cues=IssueCues.from_mapping({}))(ctx)
    assert "UA-65" in ctx.places


def test_bad_cue_files_are_typed_errors() -> None:
    with pytest.raises(GazetteerError):
        IssueCues.from_mapping({"before_sovereignty": "annexed"})
    with pytest.raises(GazetteerError):
        IssueCues.from_mapping({"after_military": ["(unclosed"]})
    with pytest.raises(GazetteerError):
        IssueCues.from_mapping(json.loads("[]"))


def test_add_place_merges() -> None:
    ctx = ParseContext(text="Doha and Doha")
    add_place(ctx, Place(id="QA", name="Qatar", mentions=[Span(start=0, end=4)]))
    p = add_place(
        ctx,
        Place(
            id="QA", name="Qatar", role="venue", aliases=["Doha"], mentions=[Span(start=9, end=13)]
        ),
    )
    assert p.role is PlaceRole.VENUE
    assert p.aliases == ("Doha",)
    assert len(p.mentions) == 2


def test_linear_on_many_places() -> None:
    text = "Strikes hit Kharkiv and talks in Doha went on. " * 2000
    art = parse_article(text)
    assert len(art.place("Kharkiv").mentions) == 2000  # type: ignore[union-attr]


def test_parsed_places_and_user_assigned_codes_validate_against_the_schema() -> None:
    import jsonschema

    from conflictmodel import to_dict
    from conflictmodel.schema import article_schema

    art = parse_article(
        "PRISTINA (AP) — Serbia refuses to recognise Kosovo as independent, officials said "
        "at talks in Brussels, as drones struck Druzhkivka and Gaza City."
    )
    assert {t.code for t in art.territories} == {"XK"}
    assert {p.id for p in art.places} >= {"city:druzhkivka-ua", "area:gaza-city"}
    validator = jsonschema.Draft202012Validator(article_schema())
    assert not [e.message for e in validator.iter_errors(to_dict(art))]


def test_regions_named_with_a_governed_plural_are_at_issue() -> None:
    got, places = split(
        "Moscow annexed four regions in 2022: Donetsk, Luhansk, Zaporizhzhia and Kherson."
    )
    assert {"UA-14", "UA-09", "UA-23", "UA-65"} <= got
    got, places = split("Shelling hit several regions overnight, including Kharkiv and Sumy.")
    assert got == set()
    assert {"UA-63", "UA-59"} <= set(places)


@given(st.text(max_size=300))
def test_place_spans_lie_in_the_text(text: str) -> None:
    art = parse_article(text)
    for p in art.places:
        assert p.mentions
        for m in p.mentions:
            assert 0 <= m.start < m.end <= len(text)
    assert not ({t.id for t in art.territories} & {p.id for p in art.places})


def test_many_unknown_capitalised_names_after_prepositions() -> None:
    # Every name is looked up once in a dict: a long text of them stays linear.
    text = "".join(f"Aid came from Qzv{i:05d} and went to Druzhkivka. " for i in range(3000))
    art = parse_article(text)
    (place,) = art.places
    assert len(place.mentions) == 3000


def test_roles_skip_articles_and_modifiers_before_the_name() -> None:
    _, places = split("Israeli strikes killed 30 people across the Gaza Strip on Tuesday.")
    assert places == {"area:gaza-strip": "event_location"}
    _, places = split("Shelling in Russia's Belgorod region killed two.")
    assert places["RU-BEL"] == "event_location"


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        # Verb frames in any inflection, after their subject or in a relative clause.
        ("The Line of Control divides Kashmir.", {"area:kashmir"}),
        ("Talks on reunifying Cyprus resumed.", {"CY"}),
        ("Kyiv will not give away Donbas.", {"area:donbas"}),
        ("The villages they held in the Kursk region were retaken.", {"RU-KRS"}),
        ("Under the plan Russia would keep Crimea.", {"UA-43"}),
        ("Ukrainian troops must leave the Kherson region.", {"UA-65"}),
        ("Fighting raged in Zaporizhzhia, parts of which Russia occupies.", {"UA-23"}),
        ("Donetsk, where Russian forces control most towns, is the prize.", {"UA-14"}),
        ("Kherson, now under Russian control, was shelled.", {"UA-65"}),
        ("Troops dug in along the front line in Zaporizhzhia.", {"UA-23"}),
        ("Cyprus, divided since 1974, is holding talks.", {"CY"}),
        ("Kirkuk, the oil-rich province both sides claim, voted.", {"IQ-KI"}),
        ("The four regions Russia claims are Donetsk and Luhansk.", {"UA-14", "UA-09"}),
        ("Talks on the future of Kirkuk resumed.", {"IQ-KI"}),
        ("Guyana called the move a threat to its sovereignty.", {"GY"}),
        ("Zelenskyy, speaking in Kyiv, said Ukraine would never give up its land.", {"UA"}),
        ("Armenia refuses to cede any of its territory to Azerbaijan.", {"AM"}),
        ("Ukraine lost its position in the ranking.", set()),
        (
            "Russia annexed four regions in 2022. They are Donetsk, Luhansk and Kherson.",
            {"UA-14", "UA-09", "UA-65"},
        ),
        # Not at issue: a meeting held somewhere, a person travelling, a country's future in
        # general, the claimant of sovereignty, a place described by an appositive.
        ("Talks held in Doha ended without a deal.", set()),
        ("Zelensky left Kyiv for Washington on Monday.", set()),
        ("Analysts debated the future of Iraq.", set()),
        ("They back autonomy under Moroccan sovereignty.", set()),
        ("Talks in Geneva, which hosted the last round, resumed.", set()),
        ("Europe remains divided over the plan for Ukraine.", set()),
        ("Russia occupies Crimea. Officials in Odesa and Mykolaiv met.", {"UA-43"}),
        # A secession planned is at issue; one in the history of a state is not.
        # ... and puts the state it would leave at issue (its integrity is what is discussed).
        ("Republika Srpska would hold a referendum on seceding from Bosnia.", {"BA-SRP", "BA"}),
        ("South Sudan seceded from Sudan in 2011.", set()),
    ],
)
def test_frames_not_names(text: str, issue: set[str]) -> None:
    got, _ = split(text)
    assert got == issue


def test_verb_frames_are_inflected_and_checked() -> None:
    from conflictmodel.parsers.places import verb_forms

    assert verb_forms("reunify") == ("reunify", "reunifies", "reunified", "reunifying")
    assert "handed back" in verb_forms("hand back", {"hand": ("hands", "handed", "handing")})
    cues = IssueCues.from_mapping({"verb_frames_sovereignty": ["partition"]})
    text = "They partitioned Eastland."
    assert cues.issue_cue(text, 0, 17, 25) == "sovereignty"
    with pytest.raises(GazetteerError):
        IssueCues.from_mapping({"irregular_verbs": {"give": "gave"}})


def test_a_dateline_is_not_at_issue_with_its_sentence() -> None:
    # The sentence's cue ("withdrew from the town of ...") is about the town, not the dateline.
    art = parse_article(
        "GOMA, March 3 (Reuters) - M23 fighters withdrew from the mining town of Walikale on "
        "Sunday, a week after seizing it."
    )
    assert "Goma" not in [t.name for t in art.territories]
    assert [p.role.value for p in art.places if p.name == "Goma"] == ["dateline"]
