"""The ``territories`` stage: regions with ISO codes, countries as places, metonyms skipped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictmodel import Territory, parse_article
from conflictmodel.context import MentionKind, ParseContext
from conflictmodel.errors import ConflictModelError
from conflictmodel.gazetteer import Gazetteer, fold
from conflictmodel.parsers.territories import TerritoryParser, is_metonym_use
from conflictmodel.pipeline import Pipeline
from conflictmodel.span import Span

STAGES = Pipeline.from_names(["text", "territories"])


def territories(text: str, gazetteer: Gazetteer | None = None) -> dict[str, Territory]:
    ctx = ParseContext(text=text, gazetteer=gazetteer)
    STAGES.run(ctx)
    return ctx.territories


def codes(text: str) -> set[str]:
    """Every location the stage records (later stages may still put one at issue)."""
    return {t.code or t.id for t in territories(text).values()}


def at_issue(text: str) -> set[str]:
    """The territories at issue in the parsed Article."""
    return {t.code or t.id for t in parse_article(text).territories}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces shelled Zaporizhia overnight.", {"UA-23"}),
        ("Fighting continued in the Lugansk region.", {"UA-09"}),
        ("He said Crimea and the Crimean peninsula's ports were Russian.", {"UA-43"}),
        ("Sevastopol hosts the fleet.", {"UA-40"}),
        ("The Donbas remains contested.", {"area:donbas"}),
        ("Rebels advanced on Goma in North Kivu and South Kivu.", {"area:goma", "CD-NK", "CD-SK"}),
        ("Aid reached Tigray and Amhara.", {"ET-TI", "ET-AM"}),
        ("Talks on Nagorno-Karabakh resumed.", {"area:nagorno-karabakh"}),
        ("Shells fell in Jammu and Kashmir and Azad Kashmir.", {"IN-JK", "PK-JK"}),
        ("Troops stay in Abkhazia and South Ossetia.", {"GE-AB", "area:south-ossetia"}),
        ("The RSF besieged El Fasher in North Darfur.", {"area:el-fasher", "SD-DN"}),
        ("Strikes hit Rafah and the Gaza Strip.", {"PS-RFH", "area:gaza-strip"}),
        ("Raids continued in the West Bank.", {"area:west-bank"}),
    ],
)
def test_regions_and_disputed_areas(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_territory_mentions_index_the_text() -> None:
    text = "Shelling hit Zaporizhzhia, Zaporozhye and Zaporizhia."
    (terr,) = territories(text).values()
    assert terr.code == "UA-23"
    assert [m.of(text) for m in terr.mentions] == ["Zaporizhzhia", "Zaporozhye", "Zaporizhia"]
    assert set(terr.aliases) == {"Zaporozhye", "Zaporizhia"}


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv said it would not cede land.",
        "Moscow rejected the plan.",
        "Kyiv maintains that talks can resume.",
        "Talks between Kyiv and Moscow stalled.",
        "Moscow's demands have not changed.",
        "Khartoum wants a Sudanese solution.",
    ],
)
def test_capitals_as_governments_are_not_places(text: str) -> None:
    assert codes(text) == set()


def test_capital_as_place_is_a_place_and_at_issue_only_by_its_words() -> None:
    # Issue 13: a capital used as a place is recorded (as a place); it is a territory of the
    # Article only where the text puts it at issue.
    # Away from fighting it is only a place: later stages do not see it as a territory.
    assert codes("Speaking in Kyiv, the minister said talks were over.") == set()
    art = parse_article("Speaking in Kyiv, the minister said talks were over.")
    assert art.territories == ()
    assert [(p.id, p.role.value) for p in art.places] == [("UA-30", "other")]
    assert at_issue("A missile strike on Kyiv killed four people.") == set()
    assert at_issue("Russian troops failed to capture Kyiv in 2022.") == {"UA-30"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war in Ukraine goes on.", {"UA"}),
        ("Separatists hold parts of eastern Ukraine.", {"UA"}),
        ("Russia invaded and Ukraine's territorial integrity is at stake.", {"UA"}),
        ("We will never consider Ukrainian lands as Russian.", {"UA"}),
        ("Russia said it wanted peace.", set()),
        ("Officials from France and Germany met.", set()),
        ("The talks hurt US-Russia relations within weeks.", set()),
        ("They want Crimea recognised as Russian territory.", {"UA-43"}),
    ],
)
def test_countries_are_recorded_where_the_text_treats_them_as_places(
    text: str, expected: set[str]
) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Issue 13: a war's country is a place; its integrity or lands are at issue.
        ("The war in Ukraine goes on.", set()),
        ("Russia invaded and Ukraine's territorial integrity is at stake.", {"UA"}),
        ("We will never consider Ukrainian lands as Russian.", {"UA"}),
        ("They want Crimea recognised as Russian territory.", {"UA-43"}),
    ],
)
def test_countries_are_at_issue_by_their_words(text: str, expected: set[str]) -> None:
    assert at_issue(text) == expected


def test_country_of_a_region_annexed_is_at_issue_too() -> None:
    assert at_issue("Russia annexed Crimea from Ukraine.") == {"UA-43", "UA"}
    assert at_issue("Georgia vowed to restore its territorial integrity.") == {"GE"}
    # Captured, not annexed: only the town is at issue.
    assert at_issue("Russian forces captured Avdiivka in eastern Ukraine.") == {"area:avdiivka"}


def test_automatic_regions_need_a_conflict_context() -> None:
    assert codes("The senator from Texas spoke.") == set()
    assert "RU-TAM" in codes("A drone attack hit Tambovskaya oblast' overnight.")


def test_demonym_alone_is_not_a_territory() -> None:
    assert codes("The Ukrainian delegation arrived.") == set()


def test_furniture_is_skipped() -> None:
    text = (
        "Talks stalled as shelling hit Kherson.\n"
        "Related Stories\n"
        "Rutte Reaffirms Support During Visit to Odesa\n"
    )
    ctx = ParseContext(text=text, furniture=[Span(start=39, end=len(text))])
    TerritoryParser()(ctx)
    assert set(ctx.territories) == {"UA-65"}


def test_mentions_are_recorded_in_the_context() -> None:
    ctx = ParseContext(text="Shelling hit Kherson.")
    TerritoryParser()(ctx)
    (m,) = ctx.mentions
    assert (m.kind, m.target, m.span.of(ctx.text)) == (MentionKind.TERRITORY, "UA-65", "Kherson")


def test_conflict_cities_can_be_switched_off() -> None:
    ctx = ParseContext(text="A missile strike on Kyiv killed four people.")
    TerritoryParser(conflict_cities=False)(ctx)
    assert ctx.territories == {}
    assert ctx.places == {}


def test_user_gazetteer_territory() -> None:
    gz = Gazetteer.default().extend(
        territories=[Territory(id="area:north-ridge", name="North Ridge", kind="disputed_area")]
    )
    assert set(territories("Both sides claim North Ridge.", gz)) == {"area:north-ridge"}


def test_bad_gazetteer_is_a_typed_error() -> None:
    ctx = ParseContext(text="Kherson", gazetteer="not a gazetteer")
    with pytest.raises(ConflictModelError):
        TerritoryParser()(ctx)


def test_works_without_earlier_stages() -> None:
    ctx = ParseContext(text="Strikes hit Sumy and Kharkiv.")
    TerritoryParser()(ctx)
    assert set(ctx.territories) == {"UA-59", "UA-63"}


@pytest.mark.parametrize(
    ("text", "word", "metonym"),
    [
        ("Kyiv said no.", "Kyiv", True),
        ("Speaking in Kyiv, he left.", "Kyiv", False),
        ("KYIV (Reuters) - Talks stalled.", "KYIV", False),
        ("Washington: The US said no.", "Washington", False),
        ("KHARTOUM, Sudan (AP) — The army said no.", "KHARTOUM", False),
        ("A shift in Washington's stance.", "Washington", True),
        ("Kyiv's streets were empty.", "Kyiv", False),
        ("He flew to Moscow.", "Moscow", False),
        ("It is sympathetic to Moscow.", "Moscow", True),
        ("allies in Moscow", "Moscow", False),
    ],
)
def test_is_metonym_use(text: str, word: str, metonym: bool) -> None:
    i = text.index(word)
    assert is_metonym_use(text, i, i + len(word)) is metonym


@given(st.text(max_size=400))
def test_territory_spans_name_the_territory(text: str) -> None:
    art = parse_article(text)
    gz = Gazetteer.default()
    for t in art.territories:
        known = gz.territories.get(t.id, t)  # a GeoNames city is not in the gazetteer
        names = {fold(n) for n in (*known.names, *t.names)}
        for m in t.mentions:
            assert 0 <= m.start < m.end <= len(text)
            surface = fold(m.of(text))
            assert surface in names or gz.country_code(surface) == t.id


def test_linear_on_adversarial_input() -> None:
    text = ("«" * 5000 + "Kyiv " * 2000 + "," * 5000 + "\ud800") * 10
    ctx = ParseContext(text=text)
    TerritoryParser()(ctx)
    assert len(ctx.text) == len(text)
