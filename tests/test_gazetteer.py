"""The gazetteer: lookups, the scanner's case and boundary rules, extension, user files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictmodel import Actor, Territory
from conflictmodel.context import MentionKind
from conflictmodel.errors import GazetteerError
from conflictmodel.gazetteer import Gazetteer, fold, slugify


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.default()


def scanned(gz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entries[0].target) for m in gz.scan(text)]


def test_default_is_cached_and_covers_every_iso_country(gz: Gazetteer) -> None:
    import pycountry

    assert Gazetteer.default() is gz
    for c in pycountry.countries:
        assert gz.actors[f"state:{c.alpha_2}"].country == c.alpha_2
        assert gz.territories[c.alpha_2].code == c.alpha_2


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("United States", "US"),
        ("US", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("America", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("Russia", "RU"),
        ("Iran", "IR"),
        ("Syria", "SY"),
        ("South Korea", "KR"),
        ("DR Congo", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("Palestine", "PS"),
        ("Ukrainian", "UA"),
        ("Sudanese", "SD"),
        ("French", "FR"),
        ("Kiev", "UA"),
        ("Kyiv", "UA"),
        ("the Kremlin", "RU"),
        ("White House", "US"),
        ("the Pentagon", "US"),
        ("Downing Street", "GB"),
        ("the Élysée", "FR"),
        ("Khartoum", "SD"),
        ("Kigali", "RW"),
        ("New Delhi", "IN"),
        ("Baku", "AZ"),
        ("Yerevan", "AM"),
    ],
)
def test_country_code_of_names_demonyms_and_metonyms(
    gz: Gazetteer, surface: str, code: str
) -> None:
    assert gz.country_code(surface) == code


@pytest.mark.parametrize(
    ("surface", "actor_id", "kind"),
    [
        ("NATO", "org:nato", "organization"),
        ("UN Security Council", "org:un-security-council", "organization"),
        ("IAEA", "org:iaea", "organization"),
        ("Houthis", "org:houthis", "group"),
        ("Ansar Allah", "org:houthis", "group"),
        ("RSF", "org:rsf", "group"),
        ("M23", "org:m23", "group"),
        ("Tass", "media:tass", "media"),
        ("AP", "media:ap", "media"),
        ("Bild", "media:bild", "media"),
        ("Zelenskyy", "person:volodymyr-zelensky", "person"),
        ("Zelenskiy", "person:volodymyr-zelensky", "person"),
        ("Hemedti", "person:mohamed-hamdan-dagalo", "person"),
        ("von der Leyen", "person:ursula-von-der-leyen", "person"),
    ],
)
def test_find_actor(gz: Gazetteer, surface: str, actor_id: str, kind: str) -> None:
    actor = gz.find_actor(surface)
    assert actor is not None
    assert (actor.id, actor.kind.value) == (actor_id, kind)


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("Zaporizhzhia", "UA-23"),
        ("Zaporizhia", "UA-23"),
        ("Zaporozhye", "UA-23"),
        ("Lugansk", "UA-09"),
        ("Kharkov", "UA-63"),
        ("Odessa", "UA-51"),
        ("Crimean peninsula", "UA-43"),
        ("Sevastopol", "UA-40"),
        ("North Kivu", "CD-NK"),
        ("South Kivu", "CD-SK"),
        ("Tigray", "ET-TI"),
        ("Jammu and Kashmir", "IN-JK"),
        ("Azad Kashmir", "PK-JK"),
        ("Abkhazia", "GE-AB"),
        ("North Darfur", "SD-DN"),
    ],
)
def test_find_territory_with_news_spellings(gz: Gazetteer, surface: str, code: str) -> None:
    terr = gz.find_territory(surface)
    assert terr is not None
    assert terr.code == code


def test_disputed_areas_and_region_groups(gz: Gazetteer) -> None:
    donbas = gz.find_territory("Donbass")
    assert donbas is not None
    assert donbas.kind.value == "region_group"
    assert set(donbas.members) == {"UA-14", "UA-09"}
    nk = gz.find_territory("Nagorno-Karabakh")
    assert nk is not None
    assert (nk.kind.value, nk.parent, nk.code) == ("disputed_area", "AZ", None)


def test_automatic_regions_strip_suffixes_and_skip_common_words(gz: Gazetteer) -> None:
    for name in ("Tambovskaya oblast'", "Tambovskaya"):
        tambov = gz.find_territory(name)
        assert tambov is not None
        assert tambov.code == "RU-TAM"
        assert tambov.id in gz.contextual
    assert "UA-43" not in gz.contextual
    for common in ("Centre", "Central", "North", "Capital", "Western", "National", "Gulf"):
        assert gz.find_territory(common) is None, common


def test_scan_acronyms_are_case_sensitive(gz: Gazetteer) -> None:
    assert scanned(gz, "Let us talk to the US and the UN.") == [
        ("US", "state:US"),
        ("UN", "org:un"),
    ]
    assert scanned(gz, "who knows") == []
    assert gz.country_code("us") is None


def test_scan_words_need_their_capitals(gz: Gazetteer) -> None:
    assert scanned(gz, "a turkey and a chad of paper") == []
    assert scanned(gz, "Turkey and Chad") == [("Turkey", "state:TR"), ("Chad", "state:TD")]


def test_scan_whole_tokens_only(gz: Gazetteer) -> None:
    assert scanned(gz, "USAID, Russians, Kyivstar") == []


def test_scan_currency_prefixes_are_not_states(gz: Gazetteer) -> None:
    # "US$" and "A$" are currencies; the same names with a space are still states.
    assert scanned(gz, "Aid of US$40 million and A$3 million reached Goma") == [
        ("Goma", scanned(gz, "Goma")[0][1])
    ]
    assert [t for _, t in scanned(gz, "the US pledged $40 million")] == ["state:US"]


def test_scan_possessives_and_curly_apostrophes(gz: Gazetteer) -> None:
    got = scanned(gz, "Russia's claim, the Kremlin's view and Witkoff’s plan")
    assert got == [
        ("Russia", "state:RU"),
        ("Kremlin", "state:RU"),
        ("Witkoff", "person:steve-witkoff"),
    ]


def test_scan_prefers_the_longest_match(gz: Gazetteer) -> None:
    got = scanned(gz, "The Washington Post and the Kyiv Independent reported from Washington.")
    assert got == [
        ("Washington Post", "media:washington-post"),
        ("Kyiv Independent", "media:kyiv-independent"),
        ("Washington", "state:US"),
    ]


def test_scan_folds_accents_and_line_breaks(gz: Gazetteer) -> None:
    got = scanned(gz, "Erdogan met Recep Tayyip\nErdoğan's envoy")
    assert [t for _, t in got] == ["person:recep-tayyip-erdogan"] * 2
    assert got[1][0] == "Recep Tayyip\nErdoğan"


def test_scan_offsets_index_the_text(gz: Gazetteer) -> None:
    text = "Strikes hit Sumy; Kyiv said Moscow lied."
    for m in gz.scan(text):
        assert text[m.start : m.end] == m.text
        assert m.span.of(text) == m.text


def test_match_targets_split_actor_and_territory(gz: Gazetteer) -> None:
    (m,) = gz.scan("Kyiv")
    assert m.targets(MentionKind.ACTOR) == ("state:UA",)
    assert m.targets(MentionKind.TERRITORY) == ("UA-30",)


def test_extend_returns_a_new_gazetteer(gz: Gazetteer) -> None:
    person = Actor(id="person:amina-yusuf", name="Amina Yusuf", kind="person", aliases=["Yusuf"])
    area = Territory(id="area:north-ridge", name="North Ridge", kind="disputed_area")
    new = gz.extend(
        actors=[person],
        territories=[area],
        aliases={"the Ridge": "area:north-ridge"},
        demonyms={"Ruritanian": "state:UA"},
    )
    assert new is not gz
    assert new.find_actor("Yusuf") == person
    assert new.find_territory("the Ridge") == area
    assert new.country_code("Ruritanian") == "UA"
    assert gz.find_actor("Yusuf") is None
    assert gz.find_territory("North Ridge") is None
    assert [m.text for m in new.scan("Yusuf visited North Ridge.")] == ["Yusuf", "North Ridge"]


def test_extend_rejects_bad_input(gz: Gazetteer) -> None:
    with pytest.raises(GazetteerError):
        gz.extend(actors=["NATO"])  # type: ignore[list-item]
    with pytest.raises(GazetteerError):
        gz.extend(aliases={"Somewhere": "area:nowhere"})
    with pytest.raises(GazetteerError):
        gz.extend(demonyms={"Ruritanian": "state:ZZ"})


def test_from_files(tmp_path: Path, gz: Gazetteer) -> None:
    data = {
        "actors": [
            {
                "id": "person:leila-haddad",
                "name": "Leila Haddad",
                "kind": "person",
                "aliases": ["Haddad"],
                "country": "LB",
                "roles": [{"title": "Foreign Minister", "country": "LB", "start": "2024-01-02"}],
            }
        ],
        "territories": [{"id": "area:east-hills", "name": "East Hills", "kind": "disputed_area"}],
        "states": {"UA": {"metonyms": ["Bankova Street"]}},
    }
    path = tmp_path / "extra.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    new = Gazetteer.from_files(path)
    haddad = new.find_actor("Haddad")
    assert haddad is not None
    assert haddad.roles[0].start is not None
    assert haddad.roles[0].start.isoformat() == "2024-01-02"
    assert new.country_code("Bankova Street") == "UA"
    assert new.find_territory("East Hills") is not None
    # the state kept its shipped names
    assert new.country_code("Kyiv") == "UA"
    assert gz.find_actor("Haddad") is None


@pytest.mark.parametrize(
    "content",
    [
        "[1, 2]",
        "{not json",
        '{"actors": [{"name": "No Id", "kind": "person"}]}',
        '{"actors": [{"id": "x", "name": "X", "kind": "wizard"}]}',
        '{"actors": [{"id": "x", "name": "X", "kind": "person", "roles": [{"title": "T", "start": "soon"}]}]}',
        '{"territories": [{"id": "XX-99", "name": "Nowhere", "code": "XX-99"}]}',
        '{"states": {"ZZ": {}}}',
        '{"aliases": {"a": 1}}',
    ],
)
def test_from_files_reports_bad_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError):
        Gazetteer.from_files(path)


def test_from_files_missing_file() -> None:
    with pytest.raises(GazetteerError, match="cannot read"):
        Gazetteer.from_files("/nonexistent/gazetteer.json")


def test_person_role_on_uses_dates(gz: Gazetteer) -> None:
    import datetime as dt

    trump = gz.actors["person:donald-trump"]
    role = gz.person_role_on(trump, dt.date(2019, 6, 1))
    assert role is not None
    assert role.end is not None
    assert gz.person_role_on(gz.actors["person:joe-biden"], dt.date(2026, 1, 1)) is None


def test_fold_and_slugify() -> None:
    assert fold("Côte d’Ivoire") == "cote d'ivoire"
    assert slugify("Félix Tshisekedi") == "felix-tshisekedi"
    assert slugify("!!!") == "x"


@given(st.text(max_size=300))
def test_scan_spans_always_index_the_text(text: str) -> None:
    gz = Gazetteer.default()
    last_end = 0
    for m in gz.scan(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end


@given(
    st.lists(
        st.sampled_from(["Kyiv", "US", "the", "Kremlin’s", "«", ",", "Ukraine", "\n", "Zelensky"]),
        max_size=80,
    )
)
def test_scan_on_token_soup(words: list[str]) -> None:
    text = " ".join(words)
    for m in Gazetteer.default().scan(text):
        assert fold(m.text) in {fold(e.surface) for e in m.entries}


def test_scan_is_fast_on_large_adversarial_input(gz: Gazetteer) -> None:
    text = ("«" * 1000 + "US " * 1000 + "," * 1000 + "\ud800 ") * 30
    matches = gz.scan(text)
    assert len(matches) == 30_000


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The National Unity Government said the junta had bombed a school.", None),
        ("The Hill Tribes Council said the road was shut.", None),
        ("The Guardian Council rejected the bill.", None),
        ("The Guardian reported that the talks had resumed.", "The Guardian"),
        ("The Times Monday reported the deal.", "The Times"),
    ],
)
def test_a_newspaper_called_the_word_is_not_the_start_of_a_longer_name(
    text: str, surface: str | None
) -> None:
    media = [
        m.text for m in Gazetteer.default().scan(text) if m.entries[0].target.startswith("media:")
    ]
    assert media == ([surface] if surface else [])
