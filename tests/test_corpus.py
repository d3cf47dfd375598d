"""Corpus: actors and territories resolved across articles, timelines, proposals, responses."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflictmodel
from conflictmodel import (
    Actor,
    Article,
    Position,
    Proposal,
    Provision,
    Role,
    Span,
    Statement,
    TerritorialClaim,
    Territory,
    TextDate,
)
from conflictmodel.corpus import Corpus, CorpusActor, article_key, name_key
from conflictmodel.errors import InputError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# ------------------------------------------------------------------------------- builders


def find(text: str, needle: str, nth: int = 0) -> Span:
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    assert len(starts) > nth, f"{needle!r} not in text"
    return Span(start=starts[nth], end=starts[nth] + len(needle))


def person(
    text: str,
    name: str,
    *,
    id: str | None = None,
    surfaces: Sequence[str] = (),
    country: str | None = None,
    title: str | None = None,
) -> Actor:
    mentions = [find(text, s, n) for s in (surfaces or [name]) for n in range(text.count(s))]
    return Actor(
        id=id or "person:" + name.lower().replace(" ", "-"),
        name=name,
        kind="person",
        country=country,
        roles=[Role(title=title)] if title else [],
        mentions=mentions,
    )


def said(text: str, content: str, speaker: Actor, *, date: dt.date | None = None) -> Statement:
    span = find(text, content)
    return Statement(
        id=f"stmt:{span.start}-{span.end}",
        content=content,
        kind="reported",
        span=span,
        speaker=speaker,
        date=TextDate(text="on Monday", value=date) if date else None,
    )


def region(text: str, code: str, name: str) -> Territory:
    return Territory(
        id=code,
        name=name,
        code=code,
        kind="region",
        mentions=[find(text, name, n) for n in range(text.count(name))],
    )


def state(code: str, name: str) -> Actor:
    return Actor(id=f"state:{code}", name=name, kind="state", country=code)


# ------------------------------------------------------------------------------- keys and names


def test_article_key_is_sha256_of_the_text() -> None:
    text = "Khartoum rejected the Jeddah proposal."
    assert article_key(text) == hashlib.sha256(text.encode()).hexdigest()
    assert article_key(text) != article_key(text + " ")


def test_article_key_accepts_lone_surrogates() -> None:
    assert len(article_key("Goma \ud800 fell")) == 64


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelenskiy", "VOLODYMYR ZELENSKY"),
        ("Dmitry Peskov", "Dmitri Peskov"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ("J.D. Vance", "JD Vance"),
        ("Abdel Fattah al-Burhan", "Abdel Fattah Al Burhan"),
    ],
)
def test_name_key_folds_spelling_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ilham Aliyev", "Nikol Pashinyan"), ("Steve Witkoff", "John Witkoff"), ("Hamas", "Fatah")],
)
def test_name_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


# ------------------------------------------------------------------------------- contents


def test_add_keys_articles_by_text_and_keeps_the_first_copy() -> None:
    c = Corpus()
    art = Article(text="The RSF shelled El Fasher.")
    k1 = c.add(art, source="sudan-1.txt")
    k2 = c.add(Article(text="The RSF shelled El Fasher.", outlet="Other"), source="dup.txt")
    assert k1 == k2 == article_key(art.text)
    assert len(c) == 1
    assert c.source(k1) == "sudan-1.txt"
    assert c.article(k1) is art
    assert k1 in c
    assert "nope" not in c
    assert [e.key for e in c] == [k1]


def test_from_articles_accepts_pairs_and_keeps_order() -> None:
    a, b = Article(text="Gaza ceasefire holds."), Article(text="Goma talks resume.")
    c = Corpus.from_articles([("gaza.txt", a), b])
    assert c.keys() == (article_key(a.text), article_key(b.text))
    keys = c.keys()
    assert [c.source(k) for k in keys] == ["gaza.txt", None]
    assert [c.get(k).seq for k in keys] == [0, 1]


def test_bad_input_is_a_typed_error() -> None:
    with pytest.raises(InputError):
        Corpus().add("not an article")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        Corpus().get("missing")


# ------------------------------------------------------------------------------- actor resolution


def _two_articles_with(first: Actor, t1: str, second: Actor, t2: str) -> Corpus:
    return Corpus.from_articles(
        [Article(text=t1, actors=[first]), Article(text=t2, actors=[second])]
    )


def test_same_id_merges_with_provenance_per_article() -> None:
    t1 = "Armenian Prime Minister Nikol Pashinyan said the border deal stands."
    t2 = "In Yerevan, Pashinyan told parliament that Nikol Pashinyan would sign."
    a1 = person(t1, "Nikol Pashinyan", country="AM", title="Prime Minister")
    a2 = person(t2, "Nikol Pashinyan", surfaces=["Pashinyan"], country="AM")
    c = _two_articles_with(a1, t1, a2, t2)
    [ent] = [a for a in c.actors if a.kind.value == "person"]
    assert ent.id == "person:nikol-pashinyan"
    assert ent.articles == c.keys()
    assert ent.member_ids == ("person:nikol-pashinyan",)
    assert [r.title for r in ent.roles] == ["Prime Minister"]
    # Every mention is (article key, span) provenance pointing at the evidence.
    for mention in ent.mentions:
        assert (
            c.article(mention.article)
            .text[mention.span.start : mention.span.end]
            .endswith("Pashinyan")
        )
    assert len(ent.mentions) == len(a1.mentions) + len(a2.mentions)
    assert ent.actor.mentions == ()


def test_spelling_variants_with_different_ids_merge() -> None:
    t1 = "Volodymyr Zelensky said talks in Riyadh were useful."
    t2 = "Volodymyr Zelenskyy said no land would be ceded."
    a1 = person(t1, "Volodymyr Zelensky", country="UA")
    a2 = person(t2, "Volodymyr Zelenskyy", id="person:volodymyr-zelenskyy", country="UA")
    c = _two_articles_with(a1, t1, a2, t2)
    [ent] = c.actors
    assert set(ent.member_ids) == {"person:volodymyr-zelensky", "person:volodymyr-zelenskyy"}
    assert "Volodymyr Zelenskyy" in ent.aliases
    assert c.candidates == []


def test_diacritics_merge_and_states_merge_by_country() -> None:
    t1 = "Recep Tayyip Erdoğan met envoys from Baku."
    t2 = "Recep Tayyip Erdogan said Ankara backs the deal."
    tr1 = Actor(id="state:TR", name="Turkey", kind="state", country="TR", aliases=["Ankara"])
    tr2 = Actor(id="gov:turkey", name="Türkiye", kind="state", country="TR")
    c = Corpus.from_articles(
        [
            Article(text=t1, actors=[person(t1, "Recep Tayyip Erdoğan"), tr1]),
            Article(text=t2, actors=[person(t2, "Recep Tayyip Erdogan"), tr2]),
        ]
    )
    assert len(c.actors) == 2
    turkey = c.actor("Türkiye")
    assert turkey is not None
    assert turkey.id == "state:TR"
    assert turkey.is_named("Ankara")


def test_wikidata_id_merges() -> None:
    a = Actor(id="org:un", name="United Nations", kind="organization", wikidata="Q1065")
    b = Actor(id="org:onu", name="ONU", kind="organization", wikidata="Q1065")
    c = Corpus.from_articles([Article(text="x", actors=[a]), Article(text="y", actors=[b])])
    [ent] = c.actors
    assert ent.name == "United Nations"
    assert "ONU" in ent.aliases


def test_generic_aliases_do_not_merge_different_bodies() -> None:
    sd = Actor(id="gov:sudan-army", name="Sudanese Armed Forces", kind="government",
               country="SD", aliases=["the army"])  # fmt: skip
    et = Actor(id="gov:ethiopian-army", name="Ethiopian National Defense Force",
               kind="government", country="ET", aliases=["the army"])  # fmt: skip
    c = Corpus.from_articles([Article(text="x", actors=[sd]), Article(text="y", actors=[et])])
    assert len(c.actors) == 2


def test_same_name_different_countries_stays_apart() -> None:
    t = "Ahmed Hassan said the truce would hold."
    c = _two_articles_with(
        person(t, "Ahmed Hassan", country="SD"), t, person(t, "Ahmed Hassan", country="EG"), t + " "
    )
    assert len(c.actors) == 2
    assert c.candidates == []


def _envoy(text: str, first: str, title: str, country: str = "US", **kw: str) -> Actor:
    return person(text, f"{first} Kellner", country=country, title=title, **kw)


def test_conflicting_given_names_with_compatible_roles_are_a_candidate_not_a_merge() -> None:
    t1 = "US envoy to Sudan, Jonas Kellner, met RSF commanders in Nairobi."
    t2 = "Special envoy Paul Kellner said talks in Jeddah would resume."
    c = _two_articles_with(
        _envoy(t1, "Jonas", "US envoy to Sudan"), t1, _envoy(t2, "Paul", "special envoy"), t2
    )
    people = [a for a in c.actors if a.kind.value == "person"]
    assert len(people) == 2, "not silently merged"
    [cand] = c.candidates
    assert {cand.a.name, cand.b.name} == {"Jonas Kellner", "Paul Kellner"}
    assert cand.score >= 0.8
    assert "kellner" in cand.reason
    assert "given names differ" in cand.reason
    assert "envoy" in cand.reason


def test_same_surname_different_country_is_not_a_candidate() -> None:
    t1 = "Jonas Kellner, the German envoy, arrived."
    t2 = "Paul Kellner, the Austrian envoy, arrived."
    c = _two_articles_with(
        _envoy(t1, "Jonas", "envoy", country="DE"),
        t1,
        _envoy(t2, "Paul", "envoy", country="AT"),
        t2,
    )
    assert c.candidates == []


def test_same_surname_different_role_is_not_a_candidate() -> None:
    t1 = "Jonas Kellner, the US envoy, arrived."
    t2 = "Paul Kellner, a senator from Ohio, objected."
    c = _two_articles_with(
        _envoy(t1, "Jonas", "US envoy"), t1, _envoy(t2, "Paul", "senator from Ohio"), t2
    )
    assert c.candidates == []


def test_namesakes_in_one_article_are_not_a_candidate() -> None:
    t = "Jonas Kellner and his brother Paul Kellner, both envoys, spoke."
    c = Corpus.from_articles(
        [Article(text=t, actors=[_envoy(t, "Jonas", "envoy"), _envoy(t, "Paul", "envoy")])]
    )
    assert c.candidates == []


def test_compatible_given_names_are_a_candidate() -> None:
    t1 = "Mediator Steve Okafor, the AU envoy, said the Tigray truce holds."
    t2 = "Steven Okafor, AU envoy, left Mekelle."
    a1 = person(t1, "Steve Okafor", country="NG", title="AU envoy")
    a2 = person(t2, "Steven Okafor", country="NG", title="AU envoy")
    c = _two_articles_with(a1, t1, a2, t2)
    [cand] = c.candidates
    assert "compatible given names" in cand.reason
    assert cand.score > 0.9


def test_one_id_with_conflicting_written_names_is_split_and_flagged() -> None:
    # A gazetteer lookup gave both texts the same id, but the second text writes another
    # given name: the corpus keeps them apart and flags the pair.
    t1 = "Envoy Jonas Kellner said the Darfur corridor must open."
    t2 = "Envoy Paul Kellner said aid convoys were blocked."
    canonical = "Jonas Kellner"
    a1 = person(t1, canonical, id="person:jonas-kellner", title="envoy", country="US")
    a2 = person(t2, canonical, id="person:jonas-kellner", surfaces=["Paul Kellner"],
                title="envoy", country="US")  # fmt: skip
    c = _two_articles_with(a1, t1, a2, t2)
    people = {a.name: a for a in c.actors}
    assert set(people) == {"Jonas Kellner", "Paul Kellner"}
    assert people["Jonas Kellner"].id == "person:jonas-kellner"
    assert people["Paul Kellner"].id != "person:jonas-kellner"
    assert "Jonas Kellner" not in people["Paul Kellner"].aliases
    [cand] = c.candidates
    assert "the parser gave both the id person:jonas-kellner" in cand.reason
    assert c.resolve(c.keys()[1], "person:jonas-kellner") is people["Paul Kellner"]


def test_bare_surname_joins_the_one_full_name_that_fits() -> None:
    t1 = "Sudan's army chief Abdel Fattah al-Burhan rejected the plan."
    t2 = "Burhan flew to Port Sudan."
    a1 = person(t1, "Abdel Fattah al-Burhan", country="SD")
    a2 = person(t2, "Burhan", id="person:burhan", country="SD")
    c = _two_articles_with(a1, t1, a2, t2)
    [ent] = c.actors
    assert ent.name == "Abdel Fattah al-Burhan"
    assert len(ent.articles) == 2


def test_bare_surname_with_two_possible_people_is_flagged_not_merged() -> None:
    texts = ["Envoy Jonas Kellner spoke.", "Envoy Paul Kellner spoke.", "Kellner, the envoy, left."]
    actors = [
        _envoy(texts[0], "Jonas", "envoy"),
        _envoy(texts[1], "Paul", "envoy"),
        person(texts[2], "Kellner", id="person:kellner", country="US", title="envoy"),
    ]
    c = Corpus.from_articles(
        [Article(text=t, actors=[a]) for t, a in zip(texts, actors, strict=True)]
    )
    assert len(c.actors) == 3
    bare = c.actor("person:kellner")
    assert bare is not None
    assert sum(1 for m in c.candidates if bare in (m.a, m.b)) == 2


def test_anonymous_sources_are_not_merged_across_articles() -> None:
    def anon(text: str) -> Actor:
        return Actor(id="anon:western-diplomat", name="a Western diplomat", kind="person",
                     anonymous=True, mentions=[find(text, "a Western diplomat")])  # fmt: skip

    t1, t2 = "a Western diplomat said Gaza talks stalled.", "a Western diplomat said Doha hosts."
    c = _two_articles_with(anon(t1), t1, anon(t2), t2)
    assert len(c.actors) == 2
    assert len({a.id for a in c.actors}) == 2
    assert len(c.find_actors("Western diplomat")) == 2


def test_find_actors_by_id_name_alias_surname_and_words() -> None:
    t = "Nikol Pashinyan said Yerevan is ready."
    am = Actor(id="state:AM", name="Armenia", kind="state", country="AM", aliases=["Yerevan"])
    c = Corpus.from_articles([Article(text=t, actors=[person(t, "Nikol Pashinyan"), am])])
    assert [a.id for a in c.find_actors("state:AM")] == ["state:AM"]
    assert [a.id for a in c.find_actors("yerevan")] == ["state:AM"]
    assert [a.id for a in c.find_actors("Pashinyan")] == ["person:nikol-pashinyan"]
    assert c.find_actors("") == ()
    assert c.actor("Aliyev") is None


# ------------------------------------------------------------------------------- territories


def test_territories_merge_by_iso_code_and_areas_by_name() -> None:
    t1, t2 = "Nagorno-Karabakh and Syunik", "Karabakh talks; Syunik Province"
    syunik1 = Territory(id="AM-SU", name="Syunik", code="AM-SU", kind="region")
    syunik2 = Territory(id="AM-SU", name="Syunik Province", code="AM-SU", kind="region")
    nk1 = Territory(id="area:nagorno-karabakh", name="Nagorno-Karabakh", aliases=["Karabakh"])
    nk2 = Territory(id="area:karabakh", name="Karabakh")
    c = Corpus.from_articles(
        [Article(text=t1, territories=[syunik1, nk1]), Article(text=t2, territories=[syunik2, nk2])]
    )
    assert len(c.territories) == 2
    syunik = c.territory("am-su")
    assert syunik is not None
    assert syunik.articles == c.keys()
    assert c.territory("Syunik Province") is syunik
    nk = c.territory("Karabakh")
    assert nk is not None
    assert len(nk.articles) == 2


# ------------------------------------------------------------------------------- queries

D = dt.date


def _sudan_corpus() -> Corpus:
    """Three articles, added out of date order."""
    texts = [
        "Abdel Fattah al-Burhan said on Monday the army would not negotiate.",
        "Abdel Fattah al-Burhan said Khartoum could join talks in Jeddah.",
        "Abdel Fattah al-Burhan said El Fasher must be relieved first.",
    ]
    published = [D(2024, 5, 10), D(2024, 3, 1), None]
    arts = []
    for i, (text, pub) in enumerate(zip(texts, published, strict=True)):
        burhan = person(text, "Abdel Fattah al-Burhan", country="SD")
        content = text.split(" said ", 1)[1].removeprefix("on Monday ")
        stmt = said(text, content, burhan, date=D(2024, 1, 15) if i == 0 else None)
        arts.append(Article(text=text, published=pub, actors=[burhan], statements=[stmt]))
    return Corpus.from_articles(arts)


def test_statements_by_spans_articles_in_date_order() -> None:
    c = _sudan_corpus()
    found = c.statements_by("Burhan")
    assert [s.date for s in found] == [D(2024, 1, 15), D(2024, 3, 1), None]
    assert [s.dated_by for s in found] == ["text", "published", None]
    assert [s.article for s in found] == [c.keys()[0], c.keys()[1], c.keys()[2]]
    for s in found:
        text = c.article(s.article).text
        assert text[s.statement.span.start : s.statement.span.end] == s.statement.content
        assert s.speaker is not None
        assert s.speaker.name == "Abdel Fattah al-Burhan"
    ent = c.actor("al-Burhan")
    assert ent is not None
    assert c.statements_by(ent) == found == c.statements_by("person:abdel-fattah-al-burhan")
    assert c.statements_by(c.article(c.keys()[0]).actors[0]) == found
    assert c.statements_by("Hemedti") == ()


def _crimea_like_corpus() -> tuple[Corpus, list[Position]]:
    """Positions on Tigray across four articles with assorted dates."""
    et = state("ET", "Ethiopia")
    specs = [
        ("Ethiopia rejected any change to Tigray's status.", D(2022, 11, 5), None),
        ("Ethiopia demands that Tigray forces disarm.", None, None),
        ("Ethiopia supports talks on Tigray under AU auspices.", D(2022, 10, 1), D(2022, 9, 30)),
        ("Ethiopia will consider a Tigray referendum.", D(2023, 1, 2), None),
    ]
    arts, positions = [], []
    for text, published, own in specs:
        tigray = region(text, "ET-TI", "Tigray")
        stance = {"rejected": "opposes", "demands": "demands", "supports": "supports"}.get(
            text.split()[1], "considers"
        )
        pos = Position(
            actor=et,
            stance=stance,
            territory=tigray,
            text=text,
            span=Span(start=0, end=len(text)),
            date=TextDate(text="x", value=own) if own else None,
        )
        positions.append(pos)
        arts.append(
            Article(
                text=text, published=published, actors=[et], territories=[tigray], positions=[pos]
            )
        )
    return Corpus.from_articles(arts), positions


def test_timeline_for_a_territory_is_in_date_order_undated_last() -> None:
    c, positions = _crimea_like_corpus()
    line = c.timeline(territory="ET-TI")
    assert [e.item for e in line] == [positions[2], positions[0], positions[3], positions[1]]
    assert [e.date for e in line] == [D(2022, 9, 30), D(2022, 11, 5), D(2023, 1, 2), None]
    assert [e.dated_by for e in line] == ["text", "published", "published", None]
    assert all(e.kind == "position" and e.actor is not None for e in line)
    assert c.timeline(territory="Tigray") == line
    tigray = c.territory("Tigray")
    assert tigray is not None
    assert c.timeline(territory=tigray) == line


def test_timeline_undated_items_keep_corpus_order() -> None:
    et = state("ET", "Ethiopia")
    arts = []
    for text in ["Ethiopia opposes a Tigray vote.", "Ethiopia backs a Tigray truce."]:
        tigray = region(text, "ET-TI", "Tigray")
        pos = Position(actor=et, stance="opposes", territory=tigray, text=text,
                       span=Span(start=0, end=len(text)))  # fmt: skip
        arts.append(Article(text=text, actors=[et], territories=[tigray], positions=[pos]))
    forward = Corpus.from_articles(arts).timeline(territory="ET-TI")
    backward = Corpus.from_articles(arts[::-1]).timeline(territory="ET-TI")
    assert [e.article for e in forward] == [article_key(a.text) for a in arts]
    assert [e.article for e in backward] == [article_key(a.text) for a in arts[::-1]]


def _gaza_article() -> Article:
    text = (
        "Israel annexed no part of the Gaza Strip, officials said. "
        "Egypt proposed a 30-day ceasefire in the Gaza Strip and a hostage exchange. "
        "Hamas said the Gaza Strip would not be disarmed. "
        "Israel rejected the ceasefire plan."
    )
    il, eg, hamas = (
        state("IL", "Israel"),
        state("EG", "Egypt"),
        Actor(id="group:hamas", name="Hamas", kind="group"),
    )
    gaza = Territory(
        id="area:gaza-strip",
        name="Gaza Strip",
        kind="disputed_area",
        mentions=[find(text, "Gaza Strip", n) for n in range(3)],
    )
    ceasefire = Provision(kind="ceasefire", text="a 30-day ceasefire in the Gaza Strip",
                          span=find(text, "a 30-day ceasefire in the Gaza Strip"),
                          territories=[gaza], duration_days=30)  # fmt: skip
    hostages = Provision(kind="hostage_release", text="a hostage exchange",
                         span=find(text, "a hostage exchange"))  # fmt: skip
    sentence = find(
        text, "Egypt proposed a 30-day ceasefire in the Gaza Strip and a hostage exchange."
    )
    prop = Proposal(id=f"prop:{sentence.start}-{sentence.end}", trigger="proposed",
                    text=sentence.of(text), span=sentence, proposer=eg, status="proposed",
                    provisions=[ceasefire, hostages])  # fmt: skip
    hamas_says = said(text, "the Gaza Strip would not be disarmed", hamas)
    claim = TerritorialClaim(claimant=il, territory=gaza, kind="annexed",
                             text="Israel annexed no part of the Gaza Strip",
                             span=find(text, "Israel annexed no part of the Gaza Strip"),
                             since=TextDate(text="in 2005", value=D(2005, 1, 1)))  # fmt: skip
    rejection = Position(actor=il, stance="opposes", proposal_id=prop.id,
                         text="Israel rejected the ceasefire plan",
                         span=find(text, "Israel rejected the ceasefire plan"))  # fmt: skip
    return Article(text=text, published=D(2025, 1, 10), actors=[il, eg, hamas],
                   territories=[gaza], statements=[hamas_says], proposals=[prop],
                   positions=[rejection], claims=[claim])  # fmt: skip


def test_timeline_for_a_territory_includes_claims_proposals_and_statements() -> None:
    c = Corpus.from_articles([_gaza_article()])
    line = c.timeline(territory="Gaza Strip")
    # Same date: text order within the article.
    assert [e.kind for e in line] == ["claim", "proposal", "statement", "position"]
    assert line[0].date == D(2005, 1, 1)
    assert line[0].dated_by == "text"
    assert {e.date for e in line[1:]} == {D(2025, 1, 10)}
    assert line[2].actor is not None
    assert line[2].actor.name == "Hamas"
    assert "Egypt" in line[1].summary
    assert "ceasefire" in line[1].summary
    text = c.article(c.keys()[0]).text
    for e in line:
        evidence = e.item.content if isinstance(e.item, Statement) else e.item.span.of(text)
        assert text[e.span.start : e.span.end] == evidence


def test_timeline_for_a_provision_follows_proposal_ids() -> None:
    c = Corpus.from_articles([_gaza_article()])
    line = c.timeline(provision="ceasefire")
    assert [e.kind for e in line] == ["proposal", "position"]
    assert c.timeline(provision="hostage_release")[0].kind == "proposal"
    assert c.timeline(provision="elections") == ()
    assert [e.kind for e in c.timeline(territory="area:gaza-strip", provision="ceasefire")] == [
        "proposal",
        "position",
    ]


def test_timeline_argument_errors() -> None:
    with pytest.raises(InputError):
        Corpus().timeline()
    with pytest.raises(InputError, match="not a provision kind"):
        Corpus().timeline(provision="armistice-ish")
    assert Corpus().timeline(territory="Atlantis") == ()


def test_proposals_filter_by_territory_and_kind() -> None:
    c = Corpus.from_articles([_gaza_article(), Article(text="Nothing proposed.")])
    assert len(c.proposals()) == 1
    [p] = c.proposals(territory="Gaza Strip", kind="ceasefire")
    assert p.proposer is not None
    assert p.proposer.id == "state:EG"
    assert p.date == D(2025, 1, 10)
    assert p.dated_by == "published"
    assert c.proposals(kind="elections") == ()
    assert c.proposals(territory="Sinai") == ()


def _response_article(text: str, published: D | None, stance: str, provision: str) -> Article:
    qa = state("QA", "Qatar")
    pos = Position(actor=qa, stance=stance, provision=provision, text=text,
                   span=Span(start=0, end=len(text)))  # fmt: skip
    return Article(text=text, published=published, actors=[qa], positions=[pos])


def test_responses_to_same_article_by_id_and_later_articles_by_provision_kind() -> None:
    gaza = _gaza_article()  # published 2025-01-10, ceasefire + hostage_release
    later = _response_article("Qatar backs a ceasefire.", D(2025, 1, 12), "supports", "ceasefire")
    earlier = _response_article("Qatar wanted a truce.", D(2025, 1, 1), "demands", "ceasefire")
    undated = _response_article("Qatar may host talks.", None, "considers", "ceasefire")
    unrelated = _response_article("Qatar opposes elections.", D(2025, 2, 1), "opposes", "elections")
    c = Corpus.from_articles([later, gaza, earlier, undated, unrelated])
    [proposal] = c.proposals()
    responses = c.responses_to(proposal)
    assert [(r.position.text, r.article) for r in responses] == [
        ("Israel rejected the ceasefire plan", article_key(gaza.text)),
        ("Qatar backs a ceasefire.", article_key(later.text)),
    ]


# ------------------------------------------------------------------------------- properties

GIVEN = ["Amina", "Tomas", "Yusuf", "Leila"]
SURNAMES = ["Haddad", "Okonkwo", "Varga"]


@st.composite
def person_articles(draw: st.DrawFn) -> list[Article]:
    n = draw(st.integers(min_value=1, max_value=5))
    arts = []
    for i in range(n):
        names = draw(
            st.lists(
                st.tuples(
                    st.sampled_from([*GIVEN, ""]),
                    st.sampled_from(SURNAMES),
                    st.sampled_from([None, "SD", "KE"]),
                    st.sampled_from([None, "envoy", "minister"]),
                    st.booleans(),
                ),
                min_size=1,
                max_size=3,
                unique_by=lambda t: (t[0], t[1]),
            )
        )
        text = f"[{i}] " + "; ".join(f"{g} {s}".strip() for g, s, *_ in names)
        actors: list[Actor] = []
        for g, s, country, title, canonical_id in names:
            name = f"{g} {s}".strip()
            pid = (
                f"person:{s.lower()}"
                if canonical_id
                else "person:" + name.lower().replace(" ", "-")
            )
            if any(a.id == pid for a in actors):
                pid += f"-{len(actors)}"
            actors.append(person(text, name, id=pid, country=country, title=title))
        arts.append(Article(text=text, actors=actors))
    return arts


def _partition(c: Corpus) -> frozenset[frozenset[tuple[str, str]]]:
    return frozenset(frozenset((k, a.id) for k, a in ent.members) for ent in c.actors)


def _candidate_pairs(c: Corpus) -> frozenset[frozenset[frozenset[tuple[str, str]]]]:
    def members(e: CorpusActor) -> frozenset[tuple[str, str]]:
        return frozenset((k, a.id) for k, a in e.members)

    return frozenset(frozenset({members(m.a), members(m.b)}) for m in c.candidates)


@given(person_articles())
def test_resolution_does_not_depend_on_article_order(arts: list[Article]) -> None:
    forward, backward = Corpus.from_articles(arts), Corpus.from_articles(arts[::-1])
    assert _partition(forward) == _partition(backward)
    assert _candidate_pairs(forward) == _candidate_pairs(backward)


@given(person_articles())
def test_every_article_actor_belongs_to_exactly_one_entity(arts: list[Article]) -> None:
    c = Corpus.from_articles(arts)
    members = [(k, a.id) for ent in c.actors for k, a in ent.members]
    expected = [(article_key(art.text), a.id) for art in arts for a in art.actors]
    assert sorted(members) == sorted(set(expected))
    assert len({e.id for e in c.actors}) == len(c.actors), "entity ids are unique"
    for key, aid in expected:
        ent = c.resolve(key, aid)
        assert ent is not None
        assert (key, aid) in {(k, a.id) for k, a in ent.members}
    for cand in c.candidates:
        assert cand.a is not cand.b
        assert 0 <= cand.score <= 1
        assert not set(cand.a.articles) & set(cand.b.articles)


# ------------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_corpus() -> Corpus:
    corpus = Corpus()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        corpus.add(conflictmodel.parse_article(text), source=path.name)
    return corpus


def test_seeds_one_zelensky_with_his_statements_from_every_article(
    seed_corpus: Corpus, gold_records: list[dict[str, object]]
) -> None:
    zelenskys = [
        a
        for a in seed_corpus.actors
        if a.kind.value == "person"
        and any("zelensky" in name_key(n).split() for n in a.actor.names)
    ]
    assert len(zelenskys) == 1, [z.id for z in zelenskys]
    [zelensky] = zelenskys
    keys = seed_corpus.keys()
    by_source = {seed_corpus.source(k): k for k in keys}
    expected = {
        by_source[str(r["id"])]
        for r in gold_records
        for q in [*r["quotes"], *r["reported"]]  # type: ignore[misc]
        if q["speaker"] == "Volodymyr Zelensky"
    }
    assert len(expected) >= 3
    found = seed_corpus.statements_by("Zelensky")
    assert expected <= {s.article for s in found}
    assert all(s.speaker is zelensky for s in found)
    assert seed_corpus.statements_by("Zelenskyy") == found == seed_corpus.statements_by(zelensky)


def test_seeds_crimea_timeline_has_every_position_in_date_order(seed_corpus: Corpus) -> None:
    crimea = seed_corpus.territory("UA-43")
    assert crimea is not None
    assert crimea.name == "Crimea"
    assert len(crimea.articles) == len(seed_corpus)
    line = seed_corpus.timeline(territory="UA-43")
    listed = {(e.article, e.item) for e in line if e.kind == "position"}
    on_crimea = {
        (entry.key, pos)
        for entry in seed_corpus
        for pos in entry.article.positions
        if pos.territory is not None and pos.territory.code == "UA-43"
    }
    assert on_crimea, "the positions stage found no position on Crimea"
    assert len({k for k, _ in on_crimea}) >= 2
    assert on_crimea <= listed
    dated = [e.date for e in line if e.date is not None]
    assert dated == sorted(dated)
    assert all(e.date is None for e in line[len(dated) :])


def test_seeds_crimea_timeline_orders_by_publication_date() -> None:
    # Give the seeds publication dates in reverse file order: the timeline must follow the
    # dates, not the order the articles were added.
    paths = sorted(SEEDS.glob("*.txt"))
    corpus = Corpus()
    for i, path in enumerate(paths):
        published = D(2025, 4, 20) - dt.timedelta(days=i)
        art = conflictmodel.parse_article(path.read_text(encoding="utf-8"), published=published)
        corpus.add(art, source=path.name)
    line = corpus.timeline(territory="Crimea")
    assert line
    assert all(e.date is not None for e in line)
    dates = [e.date for e in line]
    assert dates == sorted(dates)  # type: ignore[type-var]
    sources = [str(corpus.source(e.article)) for e in line if e.dated_by == "published"]
    assert sources == sorted(sources, reverse=True)


def test_seeds_witkoff_pair_is_flagged_not_merged(seed_corpus: Corpus) -> None:
    def names(a: CorpusActor) -> set[str]:
        return {name_key(n) for n in a.actor.names}

    johns = [a for a in seed_corpus.actors if "john witkoff" in names(a)]
    steves = [a for a in seed_corpus.actors if "steve witkoff" in names(a)]
    assert johns
    assert steves
    assert not set(johns) & set(steves), "John and Steve Witkoff were silently merged"
    flagged = [
        m
        for m in seed_corpus.candidates
        if {m.a.id, m.b.id} & {a.id for a in johns} and {m.a.id, m.b.id} & {a.id for a in steves}
    ]
    assert flagged, seed_corpus.candidates
    assert "witkoff" in flagged[0].reason


@pytest.mark.parametrize("bad", [None, 5, b"Peskov", ["Peskov"]])
def test_corpus_queries_reject_non_names_with_a_typed_error(bad: object) -> None:
    corpus = Corpus()
    for query in (corpus.statements_by, corpus.find_actors, corpus.actor, corpus.territory):
        with pytest.raises(InputError):
            query(bad)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        corpus.resolve(bad, "state:UA")  # type: ignore[arg-type]
