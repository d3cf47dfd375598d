"""Tests of the ``statements`` stage: quotes, reported speech, speakers, via and dates.

The articles in ``tests/articles_statements/`` were written for these tests.  They cover other
conflicts than the seeds and other quotation styles (guillemets, German „…“, straight and curly
single quotes, multi-paragraph quotes, nested quotes, split quotes), and every attribution
pattern the stage knows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles_statements.helpers import actor_name, evidence, members
from conflictmodel import parse_article
from conflictmodel.article import Article
from conflictmodel.context import ParseContext
from conflictmodel.errors import GazetteerError
from conflictmodel.model.statements import SpeakerSource
from conflictmodel.parsers.attribution import Cues, Resolver, tokenize
from conflictmodel.parsers.quotes import find_quotes
from conflictmodel.parsers.statements import StatementParser
from conflictmodel.parsers.text import TextParser
from conflictmodel.pipeline import default_pipeline
from conflictmodel.span import Span
from conflictmodel.statements import Statement, StatementKind

ARTICLES = Path(__file__).parent / "articles_statements"

D, P, R = "direct", "partial", "reported"

# file -> [(kind, content contains, speaker names (any), cue or None, via or None)]
EXPECTED: dict[str, list[tuple[str, str, tuple[str, ...], str | None, str | None]]] = {
    "gaza_curly.txt": [
        (
            R,
            "a new round of talks on a Gaza ceasefire would begin next week",
            ("mediators",),
            "said",
            None,
        ),
        (D, "We are closer than we have ever been,", ("Thani",), "told reporters", None),
        (R, "both delegations had accepted the principle", ("Thani",), "adding", None),
        (D, "But closer is not the same as done.", ("Thani",), None, None),
        (
            R,
            "the military campaign would continue until Hamas was disarmed",
            ("Netanyahu",),
            "insisted",
            None,
        ),
        (D, "There will be no end to this war", ("Netanyahu",), "said", None),
        (R, "the group had not received a written proposal", ("Hamas official",), "said", None),
        (D, "Everything we hear comes through the media,", ("Hamas official",), "said", None),
    ],
    "sudan_straight.txt": [
        (
            R,
            "the army would not negotiate with the Rapid Support Forces",
            ("Burhan",),
            "said",
            None,
        ),
        (D, "There is no truce with those who loot our cities,", ("Burhan",), "told", None),
        (D, "The war will end when the militia leaves Khartoum.", ("Burhan",), None, None),
        (R, "the conditions", ("RSF", "Rapid Support"), "rejected", None),
        (
            P,
            "prolonging the suffering of the Sudanese people.",
            ("RSF", "Rapid Support"),
            "saying",
            None,
        ),
        (R, "famine is spreading across Darfur", ("aid agencies",), "have warned", "Reuters"),
        (D, "We are running out of time,", ("Mathilde Vu",), "said", None),
    ],
    "armenia_guillemets.txt": [
        (P, "provocations", ("Foreign Ministry", "Azerbaijan"), "accused", None),
        (R, "Yerevan will not cede any more territory", ("Pashinyan",), "has made it clear", None),
        (
            D,
            "We are ready to sign the agreement tomorrow",
            ("Pashinyan",),
            "declared",
            "Armenpress",
        ),
        (R, "Armenian units had opened fire", ("Foreign Ministry", "Azerbaijan"), "said", None),
    ],
    "tigray_german.txt": [
        (P, "at risk", ("Getachew",), "warned", None),
        (
            D,
            "We have kept every promise we made in Pretoria,",
            ("Getachew",),
            "told journalists",
            None,
        ),
        (D, "Now it is the federal government’s turn.", ("Getachew",), None, None),
        (D, "We did not start this war.", ("Abiy",), None, None),
        (D, "Those who now speak of peace were the first", ("Abiy",), None, None),
    ],
    "kashmir_single.txt": [
        (P, "firmly and proportionately", ("Rajnath Singh",), "said", None),
        (D, "Our forces will not allow anyone", ("Rajnath Singh",), "told", None),
        (R, "the account", ("Chaudhry", "Ahmed Sharif"), "rejected", None),
        (D, "It was India that opened fire first,", ("Chaudhry", "Ahmed Sharif"), "said", None),
        (
            R,
            "ceasefire arrangements had to be respected",
            ("Chaudhry", "Ahmed Sharif"),
            "adding",
            None,
        ),
    ],
    "congo_reported.txt": [
        (R, "of deploying thousands of troops", ("Congo",), "accused", None),
        (R, "his country was only protecting its border", ("Kagame",), "insisting", None),
        (R, "the international community to address", ("Kagame",), "urged", None),
        (
            R,
            "as many as 4,000 Rwandan soldiers were operating inside Congo",
            ("United Nations", "UN"),
            "According to",
            None,
        ),
        (R, 'to "liberate" the whole country', ("Kanyuka",), "vowed", None),
        (P, "liberate", ("Kanyuka",), "vowed", None),
    ],
    "yemen_via.txt": [
        (R, "it would keep targeting ships linked to Israel", ("Houthi",), "said", None),
        (D, "Our operations will continue", ("Saree",), "said", None),
        (
            D,
            "The Red Sea is not a lake for the Americans,",
            ("Mohammed Ali",),
            "said",
            "Al Jazeera",
        ),
        (
            R,
            "the strikes had degraded the group's missile stockpile",
            ("defence official",),
            "told",
            "BBC",
        ),
        (D, "they still have significant capability.", ("defence official",), "cautioned", None),
    ],
    "lebanon_both.txt": [
        (
            R,
            "Lebanon was committed to UN Security Council Resolution 1701",
            ("Mikati",),
            "said",
            None,
        ),
        (
            R,
            "Lebanon was committed to UN Security Council Resolution 1701",
            ("Berri",),
            "said",
            None,
        ),
        (D, "We want calm on the southern border,", ("Mikati",), "said", None),
        (R, "the window for diplomacy was closing", ("Hochstein",), "warned", None),
        (D, "Time is not on anyone's side,", ("Hochstein",), "said", None),
        (R, "troops had struck Hezbollah positions", ("military spokesman",), "said", None),
    ],
    "moldova_nested.txt": [
        (R, "Chisinau would not accept", ("Sandu",), "said", None),
        (P, "any form of federalisation", ("Sandu",), "said", None),
        (
            D,
            "We heard the words „neutrality“ and „special status“ many times.",
            ("Sandu",),
            "told reporters",
            None,
        ),
        (P, "hysteria", ("Krasnoselsky",), None, None),
        (
            R,
            "the region's residents wanted closer ties with Moscow",
            ("Krasnoselsky",),
            "claimed",
            None,
        ),
    ],
    "mali_anonymous.txt": [
        (R, "Mali's junta is preparing to scale back", ("people",), "according to", None),
        (R, "The decision followed heavy losses near Tinzaouaten", ("diplomat",), "said", None),
        (R, "The fighters had been ambushed", ("diplomat",), "added", None),
        (R, "any change in the partnership", ("Maiga",), "denied", None),
        (D, "Our cooperation with Russia is strategic", ("Maiga",), "said", None),
    ],
    "somalia_straight_single.txt": [
        (P, "null and void", ("Mohamud",), "said", None),
        (D, "No one can give away an inch of Somali land,", ("Mohamud",), "told lawmakers", None),
        (
            R,
            "any suggestion that it seeks to annex Somali territory",
            ("Ethiopia",),
            "has consistently rejected",
            None,
        ),
        (R, "the port deal is purely commercial", ("officials",), "insist", None),
    ],
    "essequibo_claims.txt": [
        (R, "the Essequibo region belongs to Venezuela", ("Maduro",), "has made a new claim", None),
        (R, "the 1899 arbitral award settled the border", ("Guyana",), "maintains", None),
        (
            R,
            "any proposal that would reopen the question",
            ("Irfaan Ali",),
            "has consistently rejected",
            None,
        ),
    ],
    "abkhazia_media.txt": [
        (
            R,
            "the territory would never return to Georgian control",
            ("Bzhania",),
            "told",
            "Interfax",
        ),
        (
            R,
            "Tbilisi could restore direct transport links",
            ("Imedi",),
            "according to a report by",
            None,
        ),
    ],
    "haiti_participles.txt": [
        (R, "the situation in Port-au-Prince remained dire", ("Security Council",), "saying", None),
        (
            R,
            "police still lacked armoured vehicles",
            ("transitional council", "Haiti"),
            "warned",
            None,
        ),
    ],
    "myanmar_split.txt": [
        (D, "The military has lost control of the border,", ("Khin Thandar",), "said", None),
        (D, "and it knows it.", ("Khin Thandar",), "said", None),
        (R, "the claim as propaganda", ("Zaw Min Tun",), "dismissed", None),
        (R, "the army would hold elections as planned", ("Zaw Min Tun",), "said", None),
    ],
    "cyprus_continuation.txt": [
        (
            D,
            "The conditions for a settlement are not there yet,",
            ("Holguín",),
            "told reporters",
            None,
        ),
        (D, "But I see goodwill on both sides. That matters.", ("Holguín",), None, None),
        (R, "he was ready to resume talks", ("Christodoulides",), "said", None),
    ],
}

# file -> texts that are quoted or look like speech but are not statements
NOT_STATEMENTS: dict[str, list[str]] = {
    "yemen_via.txt": ["Operation Prosperity Guardian", "more attacks on Red Sea shipping"],
    "gaza_curly.txt": ["press both sides"],
    "kashmir_single.txt": ["90s-era"],
}


def _names(stmt: Statement) -> list[str]:
    sp = stmt.speaker
    if sp is None:
        return []
    return [n.casefold() for n in (sp.name, *sp.aliases, sp.description or "")]


def _find(art: Article, kind: str, content: str, speakers: tuple[str, ...]) -> list[Statement]:
    return [
        s
        for s in art.statements
        if s.kind.value == kind
        and content in s.content
        and any(w.casefold() in n for w in speakers for n in _names(s))
    ]


@pytest.fixture(scope="module")
def parsed() -> dict[str, Article]:
    out = {}
    for name in EXPECTED:
        text = (ARTICLES / name).read_text(encoding="utf-8")
        out[name] = parse_article(text, published="2025-03-05")
    return out


def test_there_are_enough_articles() -> None:
    assert len(EXPECTED) >= 15
    assert {p.name for p in ARTICLES.glob("*.txt")} == set(EXPECTED)


@pytest.mark.parametrize(("name", "case"), [(n, c) for n, cs in EXPECTED.items() for c in cs])
def test_article_statement(
    parsed: dict[str, Article],
    name: str,
    case: tuple[str, str, tuple[str, ...], str | None, str | None],
) -> None:
    kind, content, speakers, cue, via = case
    art = parsed[name]
    found = _find(art, kind, content, speakers)
    listing = "\n".join(
        f"  {s.kind.value} {s.speaker.name if s.speaker else None!r} {s.cue!r} {s.content!r}"
        for s in art.statements
    )
    assert found, f"no {kind} statement {content!r} by {speakers} in {name}; got:\n{listing}"
    s = found[0]
    if cue is not None:
        assert s.cue is not None
        assert s.cue.casefold() == cue.casefold(), s.cue
    if via is not None:
        assert s.via is not None
        assert via.casefold() in s.via.name.casefold(), s.via


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_invariants(parsed: dict[str, Article], name: str) -> None:
    art = parsed[name]
    text = art.text
    ids = [s.id for s in art.statements]
    assert len(ids) == len(set(ids))
    for s in art.statements:
        assert text[s.span.start : s.span.end] == s.content
        assert s.content.strip() == s.content
        # a statement has a speaker, or says which words name the one it could not resolve
        assert s.speaker is not None or (
            s.speaker_source is SpeakerSource.UNRESOLVED and s.speaker_span is not None
        )
        if s.speaker_span is not None:
            assert 0 <= s.speaker_span.start <= s.speaker_span.end <= len(text)
        if s.cue is not None:
            assert s.cue_span is not None
            assert " ".join(s.cue_span.of(text).split()) == s.cue
    for bad in NOT_STATEMENTS.get(name, []):
        assert not any(bad in s.content for s in art.statements if s.is_quote), bad


def test_speaker_span_is_the_pronoun_or_descriptor(parsed: dict[str, Article]) -> None:
    art = parsed["gaza_curly.txt"]
    s = _find(art, D, "There will be no end", ("Netanyahu",))[0]
    assert s.speaker_span is not None
    assert s.speaker_span.of(art.text) == "he"
    s = _find(art, D, "Everything we hear", ("official",))[0]
    assert s.speaker_span is not None
    assert s.speaker_span.of(art.text) == "the official"
    assert s.speaker is not None
    assert s.speaker.anonymous


def test_continuation_reuses_the_speaker_span(parsed: dict[str, Article]) -> None:
    art = parsed["gaza_curly.txt"]
    first = _find(art, D, "We are closer", ("Thani",))[0]
    cont = _find(art, D, "But closer is not", ("Thani",))[0]
    assert cont.cue is None
    assert cont.speaker_span == first.speaker_span


def test_dates_adjacent_to_the_cue(parsed: dict[str, Article]) -> None:
    art = parsed["gaza_curly.txt"]
    s = _find(art, R, "a new round of talks", ("mediators",))[0]
    assert s.date is not None
    assert s.date.text.endswith("Tuesday")
    art = parsed["moldova_nested.txt"]
    s = _find(art, R, "Chisinau would not accept", ("Sandu",))[0]
    assert s.date is not None
    assert "Friday" in s.date.text


def test_both_gives_one_statement_of_a_joint_speaker(parsed: dict[str, Article]) -> None:
    art = parsed["lebanon_both.txt"]
    (both,) = [s for s in art.statements if "Resolution 1701" in s.content]
    assert both.speaker is not None
    names = {actor_name(art, m) for m in members(both)}
    assert names >= {"Najib Mikati", "Nabih Berri"}
    assert "Najib Mikati" in both.speaker.name or "Najib Mikati" in both.speaker.aliases[0]


def test_kinds_direct_and_partial(parsed: dict[str, Article]) -> None:
    art = parsed["moldova_nested.txt"]
    kinds = {s.content: s.kind for s in art.statements}
    assert kinds["any form of federalisation"] is StatementKind.PARTIAL
    nested = next(c for c in kinds if c.startswith("We heard"))
    assert kinds[nested] is StatementKind.DIRECT
    assert "„neutrality“" in nested  # the nested quote stays inside the outer one
    assert "neutrality" not in kinds  # and is not a statement of its own


# ---------------------------------------------------------------------------- unit tests


def _parse(text: str) -> Article:
    return parse_article(text, published="2025-03-05")


def test_quote_then_inverted_cue_with_anonymous_speaker() -> None:
    art = _parse(
        '"The truce is dead," said a Sudanese officer based in Omdurman, who asked not to be named.'
    )
    (s,) = art.statements
    assert s.kind is StatementKind.DIRECT
    assert s.cue == "said"
    assert s.speaker is not None
    assert s.speaker.anonymous
    assert "officer" in s.speaker.name.casefold()


def test_participle_after_quote_is_reported() -> None:
    art = _parse(
        "“We will not accept it,” Eritrean Information Minister Yemane Gebremeskel told "
        "reporters, adding that Asmara had not been consulted."
    )
    kinds = [(s.kind, s.cue) for s in art.statements]
    assert kinds == [(StatementKind.DIRECT, "told reporters"), (StatementKind.REPORTED, "adding")]
    assert all(s.speaker is not None and "Yemane" in s.speaker.name for s in art.statements)


def test_scare_quotes_and_titles_are_not_statements() -> None:
    art = _parse(
        "Residents of the so-called “buffer zone” fled on Friday.\n"
        "Kinshasa Pushes ‘Unity’ Plan as Talks Open in Luanda\n"
        "The book “Blood in the Kivus” became a bestseller."
    )
    assert art.statements == ()


def test_headline_with_cue_is_a_headline_statement() -> None:
    art = _parse("Rubio Says Talks With Iran Are Over\nThe talks ended on Monday.")
    (s,) = art.statements
    assert s.content == "Talks With Iran Are Over"
    assert s.cue == "Says"
    assert evidence(art, s.speaker_span) == "Rubio"
    assert s.speaker_source is SpeakerSource.HEADLINE


def test_furniture_is_skipped() -> None:
    text = "Photo: Reuters said the picture was taken in Goma.\nThe talks ended."
    ctx = ParseContext(text=text)
    TextParser()(ctx)
    ctx.furniture = [Span(start=0, end=text.index("\n"))]
    StatementParser()(ctx)
    assert ctx.statements == []


def test_according_to_with_inner_speaker_is_via() -> None:
    art = _parse(
        "According to Al Jazeera, Hamas negotiator Khalil al-Hayya said the group would "
        "release four hostages."
    )
    (s,) = art.statements
    assert s.speaker is not None
    assert "Hayya" in s.speaker.name
    assert s.via is not None
    assert s.via.name == "Al Jazeera"


def test_trailing_attribution() -> None:
    art = _parse("The convoy reached El Fasher on Sunday, a UN spokesperson said.")
    (s,) = art.statements
    assert s.content == "The convoy reached El Fasher on Sunday"
    assert s.kind is StatementKind.REPORTED
    assert s.speaker is not None


def test_passive_and_nouns_are_not_cues() -> None:
    art = _parse(
        "The envoys are said to be close to a deal. Azerbaijan’s historical claims to the "
        "region were discussed."
    )
    assert art.statements == ()


def test_extra_cues_extend_the_lexicon() -> None:
    text = "The mediator harrumphed that both sides were exhausted."
    assert _parse(text).statements == ()
    p = default_pipeline().replace("statements", StatementParser(extra_cues=["harrumphed"]))
    art = parse_article(text, pipeline=p)
    assert [s.content for s in art.statements] == ["both sides were exhausted"]


def test_extra_cues_object_form() -> None:
    p = default_pipeline().replace(
        "statements",
        StatementParser(extra_cues=[{"forms": ["rebuked"], "complements": ["object"]}]),
    )
    art = parse_article("Kenya's president rebuked the rebels on Monday.", pipeline=p)
    assert [s.cue for s in art.statements] == ["rebuked"]


@pytest.mark.parametrize(
    "bad",
    [[42], [{"forms": "said"}], [{"text": "x", "complements": ["nonsense"]}], [{"text": ""}]],
)
def test_bad_extra_cues_raise_typed_error(bad: list[Any]) -> None:
    with pytest.raises(GazetteerError):
        StatementParser(extra_cues=bad)


def test_cue_lexicon_is_large_and_has_forms() -> None:
    cues = Cues.default()
    lemmas = {e.lemma for e in cues.entries}
    assert len(lemmas) > 150
    for form in (
        "said",
        "says",
        "saying",
        "insisting",
        "emphasised",
        "reiterated",
        "tweeted",
        "countered",
        "conceded",
        "hinted",
        "maintains",
        "vowed",
        "pledged",
    ):
        assert form in cues.forms, form
    toks = tokenize("according to a report by Bloomberg", 0, 35)
    m = cues.match(toks, 0)
    assert m is not None
    assert m.entry.role == "source"
    assert m.end == 5


def test_resolver_descriptor_and_pronoun() -> None:
    ctx = ParseContext(text="A Kenyan mediator arrived. The mediator said no. He left.")
    r = Resolver(ctx, Cues.default())
    (anon,) = r.resolve(Span(start=0, end=17))
    assert anon.anonymous
    assert anon.id == "anon:kenyan-mediator"
    (same,) = r.resolve(Span(start=27, end=39))
    assert same.id == anon.id
    (he,) = r.resolve(Span(start=49, end=51))
    assert he.id == anon.id


def test_resolver_plural_pair() -> None:
    ctx = ParseContext(text="Ana Ruiz and Ben Okafor met. Both spoke.")
    r = Resolver(ctx, Cues.default())
    r.resolve(Span(start=0, end=8))
    r.resolve(Span(start=13, end=23))
    both = r.resolve(Span(start=29, end=33))
    assert [a.name for a in both] == ["Ana Ruiz", "Ben Okafor"]


# ---------------------------------------------------------------------------- quote scanner


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said: “Yes.”", ["Yes."]),
        ("«Non», a-t-il dit.", ["Non"]),
        ("« Non », a-t-il dit.", ["Non"]),
        ("„Nein“, sagte er.", ["Nein"]),
        ("»Nein«, sagte er.", ["Nein"]),
        ("‹Oui›", ["Oui"]),
        ("It was ‘firm’ in the ’90s and Russia’s view didn’t change.", ["firm"]),
        ("She said 'no' and didn't 'em", ["no"]),
        ("''Go home,'' he said.", ["Go home,"]),
        ("``Go home,'' he said.", ["Go home,"]),
        ("He called it “abhorrent“ in a tweet.", ["abhorrent"]),
        ("A 12\" gun and 5' wall", []),
    ],
)
def test_find_quotes_styles(text: str, expected: list[str]) -> None:
    assert [q.content(text) for q in find_quotes(text) if q.depth == 0] == expected


def test_find_quotes_nested_and_unclosed() -> None:
    text = "«Il a dit „non“ hier» et “jamais fermé\nSuite."
    qs = find_quotes(text)
    top = [q for q in qs if q.depth == 0]
    assert [q.content(text) for q in top] == ["Il a dit „non“ hier", "jamais fermé"]
    assert top[1].close is None  # cut at the paragraph end
    assert [q.content(text) for q in qs if q.depth == 1] == ["non"]


def test_find_quotes_multi_paragraph() -> None:
    text = "“First paragraph,\n“second paragraph,\n“last one.”\nNarration."
    qs = find_quotes(text)
    assert [q.content(text) for q in qs] == ["First paragraph,", "second paragraph,", "last one."]
    assert [q.continues for q in qs] == [None, 0, 1]
    assert [q.continued for q in qs] == [True, True, False]


def test_multi_paragraph_quote_keeps_its_speaker() -> None:
    art = _parse(
        "Ethiopian Prime Minister Abiy Ahmed said in parliament:\n"
        "“We did not start this war.\n"
        "“We will not end it on our knees.”\n"
    )
    assert [(s.content, s.speaker.name if s.speaker else None) for s in art.statements] == [
        ("We did not start this war.", "Abiy Ahmed"),
        ("We will not end it on our knees.", "Abiy Ahmed"),
    ]


# ---------------------------------------------------------------------------- robustness


def _check(text: str) -> None:
    ctx = ParseContext(text=text)
    TextParser()(ctx)
    StatementParser()(ctx)
    for s in ctx.statements:
        assert 0 <= s.span.start <= s.span.end <= len(text)
        assert text[s.span.start : s.span.end] == s.content
        for sp in (s.speaker_span, s.cue_span):
            assert sp is None or 0 <= sp.start <= sp.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "«" * 1_000_000,
        "," * 100_000,
        "“" * 5000 + "”" * 5000,
        '"' * 10_001,
        "\ud800 said \udfff “x” " * 2000,
        "he said that " * 20_000,
        "according to " * 20_000,
        ("Peskov said the talks, which, he said, were, " * 5000),
        "“never closed " * 10_000,
        "'" * 50_000,
        "x" * 200_000,
        "\n\n\n" * 10_000,
        "Both said that Both said that " * 5000,
        ": “a”" * 20_000,
    ],
    ids=lambda t: f"{t[:12]!r}x{len(t)}",
)
def test_adversarial_inputs_complete(text: str) -> None:
    _check(text)


_QUOTEY = st.sampled_from(
    [
        *list("“”„«»‹›‘’‚\"'`"),
        " said ",
        " told reporters ",
        ", adding that ",
        " according to ",
        "He ",
        "Both ",
        ". ",
        ", ",
        ":",
        "\n",
        " the analyst ",
        " Amina Diallo ",
        " that ",
        " a diplomat ",
    ]
)


@given(st.lists(st.one_of(_QUOTEY, st.text(max_size=8)), max_size=60).map("".join))
def test_property_any_text_gives_exact_spans(text: str) -> None:
    _check(text)


@given(st.text(max_size=300))
def test_property_find_quotes_spans_are_inside(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.open < q.start <= q.end <= len(text)
        assert q.close is None or q.end <= q.close < len(text)


def test_curly_quote_closed_by_a_straight_mark() -> None:
    from conflictmodel.parsers.quotes import find_quotes

    text = '“We will not leave Goma," the commander said. "Never.”'
    assert [q.content(text) for q in find_quotes(text)] == ["We will not leave Goma,", "Never."]
    text = '"We will not leave Goma,” the commander said.'
    assert [q.content(text) for q in find_quotes(text)] == ["We will not leave Goma,"]


@pytest.mark.parametrize(
    "text",
    [
        "Shelling resumed around Kramatorsk, the Ukrainian army said on Monday, a day after "
        "the talks in Istanbul broke up.",
        "The militia pulled out of Bunia, a UN spokesman said, in a move diplomats read as a "
        "concession to Kinshasa.",
        "Houthi drones struck a tanker off Hodeidah, the coalition said, two days after the "
        "truce expired.",
    ],
)
def test_adjunct_after_a_trailing_attribution_is_not_said(text: str) -> None:
    art = parse_article(text)
    by_cue = [s for s in art.statements if s.cue == "said"]
    assert len(by_cue) == 1
    assert text.startswith(by_cue[0].content)


def test_agreeing_to_act_is_what_the_source_reports() -> None:
    art = parse_article(
        "The Tatmadaw and the Arakan Army agreed to extend their truce by a month, according "
        "to state television."
    )
    [s] = art.statements
    assert s.cue == "according to"
    assert s.content.startswith("The Tatmadaw and the Arakan Army agreed")


def test_state_tv_is_the_source_not_a_verb() -> None:
    # "state" is a cue verb ("officials state that"), but here it modifies "TV".
    art = parse_article("Syrian state TV said the army had entered Saraqib.")
    [s] = art.statements
    assert s.cue == "said"
    assert s.content == "the army had entered Saraqib"
