"""The proposals stage: provision phrases, conditions, triggers, status, people, merging.

Most tests build a context by hand (tests/articles_proposals/helpers.py stands in for the text,
actors and territories stages) so that they test this stage alone; a few run the whole pipeline.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles_proposals.helpers import make_ctx
from conflictmodel import parse_article
from conflictmodel.context import ParseContext
from conflictmodel.errors import GazetteerError
from conflictmodel.parsers.proposals import (
    ProposalLexicon,
    ProposalParser,
    ProvisionLexicon,
    compile_phrase,
    find_conditions,
    find_provisions,
    position_objects,
)
from conflictmodel.pipeline import default_pipeline
from conflictmodel.proposals import Proposal, ProposalStatus, ProvisionKind
from conflictmodel.span import Span
from conflictmodel.statements import Statement

ARTICLES = Path(__file__).parent / "articles_proposals"


def proposals_of(text: str, parser: ProposalParser | None = None) -> list[Proposal]:
    ctx = make_ctx(text)
    (parser or ProposalParser())(ctx)
    return list(ctx.to_article().proposals)


def kinds(p: Proposal) -> set[str]:
    return {k.value for k in p.provision_kinds}


# ------------------------------------------------------------------------------ phrase syntax


def _hit(phrase: str, text: str) -> str | None:
    m = re.search(compile_phrase(phrase), text, re.I)
    return m.group() if m else None


def test_compile_phrase_star_choice_optional_and_gap() -> None:
    phrase = "freez*|froze* ... front line|lines"
    assert _hit(phrase, "freezing the current front lines") == "freezing the current front lines"
    assert _hit(phrase, "froze the front line") == "froze the front line"
    assert _hit(phrase, "freezer front line") is not None  # a stem matches any ending
    opt = "[the] cessation of hostilities"
    assert _hit(opt, "a cessation of hostilities") == "cessation of hostilities"
    assert _hit(opt, "the cessation of hostilities") == "the cessation of hostilities"
    hyphen = re.compile(compile_phrase("cease fire"), re.I)
    assert hyphen.search("a cease-fire deal") is not None


def test_compile_phrase_respects_word_boundaries() -> None:
    rx = re.compile(compile_phrase("truce"), re.I)
    assert rx.search("intrucement") is None
    assert rx.search("a truce.") is not None


@pytest.mark.parametrize("bad", ["", "   ", "...", "a ||b"])
def test_compile_phrase_rejects_malformed(bad: str) -> None:
    with pytest.raises(GazetteerError):
        compile_phrase(bad)


# ------------------------------------------------------------------------------ provisions

PROVISION_CASES = [
    ("recognize Crimea as part of Russia", "territorial_recognition"),
    ("ceding territory to Moscow", "territorial_recognition"),
    ("territorial concessions", "territorial_recognition"),
    ("a 30-day ceasefire", "ceasefire"),
    ("a humanitarian pause", "ceasefire"),
    ("a cessation of hostilities", "ceasefire"),
    ("freezing the front lines", "frontline_freeze"),
    ("freeze the conflict along current lines", "frontline_freeze"),
    ("gradually lifting sanctions on Russia", "sanctions_relief"),
    ("easing of sanctions", "sanctions_relief"),
    ("increased sanctions", "sanctions"),
    ("security guarantees for Ukraine", "security_guarantees"),
    ("exclude Ukraine's NATO membership", "nato_membership"),
    ("NATO accession", "nato_membership"),
    ("a European peacekeeping force", "peacekeeping"),
    ("ceasefire monitoring mechanisms", "ceasefire_monitoring"),
    ("a prisoner exchange", "prisoner_exchange"),
    ("the release of hostages", "hostage_release"),
    ("withdraw troops from the border", "withdrawal"),
    ("pull back forces", "withdrawal"),
    ("new elections within 100 days", "elections"),
    ("a referendum on independence", "referendum"),
    ("humanitarian corridors", "humanitarian_access"),
    ("aid corridors", "humanitarian_access"),
    ("reconstruction of Gaza", "reconstruction"),
]


@pytest.mark.parametrize(("phrase", "kind"), PROVISION_CASES)
def test_each_provision_kind_has_phrases(phrase: str, kind: str) -> None:
    found = find_provisions(f"The plan includes {phrase}.")
    assert kind in {p.kind.value for p in found}, found


def test_provision_spans_index_the_text() -> None:
    text = "It includes freezing the frontlines and gradually lifting sanctions on Russia."
    for p in find_provisions(text):
        assert text[p.span.start : p.span.end] == p.text
    assert [p.text for p in find_provisions(text)] == [
        "freezing the frontlines",
        "lifting sanctions on Russia",
    ]


@pytest.mark.parametrize(
    ("phrase", "days"),
    [
        ("a 30-day ceasefire", 30),
        ("a 60-day truce", 60),
        ("a two-week truce", 14),
        ("a 72-hour truce", 3),
        ("a ceasefire for 90 days", 90),
        ("a six-week ceasefire", 42),
        ("a ceasefire", None),
    ],
)
def test_ceasefire_duration(phrase: str, days: int | None) -> None:
    (p,) = [x for x in find_provisions(f"They agreed to {phrase}.") if x.kind.value == "ceasefire"]
    assert p.duration_days == days


def test_longest_phrase_wins() -> None:
    found = find_provisions("a ceasefire monitoring mission")
    assert [p.kind for p in found] == [ProvisionKind.CEASEFIRE_MONITORING]


def test_excluded_spans_hold_no_provision() -> None:
    text = "lifting sanctions if a lasting ceasefire is achieved"
    cond = find_conditions(text)
    assert [p.kind for p in find_provisions(text, exclude=[c.span for c in cond])] == [
        ProvisionKind.SANCTIONS_RELIEF
    ]


def test_user_label_gives_other_with_label(tmp_path: Path) -> None:
    lex = ProvisionLexicon.default().extend({"prisoner_amnesty": ["amnesty for *"]})
    (p,) = find_provisions("an amnesty for fighters", lexicon=lex)
    assert (p.kind, p.label) == (ProvisionKind.OTHER, "prisoner_amnesty")
    f = tmp_path / "lex.json"
    f.write_text(json.dumps({"provisions": {"truce_talk": ["guns * silent"]}}), encoding="utf-8")
    (q,) = find_provisions("until the guns fall silent", lexicon=ProvisionLexicon.from_file(f))
    assert q.label == "truce_talk"


def test_lexicon_rejects_bad_data(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        ProvisionLexicon.from_mapping({"ceasefire": "truce"})
    with pytest.raises(GazetteerError):
        ProvisionLexicon.from_mapping({"": ["truce"]})
    f = tmp_path / "bad.json"
    f.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(GazetteerError):
        ProvisionLexicon.from_file(f)


def test_extra_provisions_reach_the_stage() -> None:
    parser = ProposalParser(extra_provisions={"prisoner_amnesty": ["amnesty for *"]})
    (p,) = proposals_of("Mediators proposed a plan that includes an amnesty for fighters.", parser)
    assert [(v.kind.value, v.label) for v in p.provisions] == [("other", "prisoner_amnesty")]


def test_recognition_gets_territories_and_recognized_as() -> None:
    text = (
        "The Kremlin seeks international recognition of Crimea and the eastern regions of "
        "Donetsk, Luhansk and Kherson as part of the Russian Federation."
    )
    ctx = make_ctx(text)
    (p,) = find_provisions(text, ctx=ctx)
    assert p.kind is ProvisionKind.TERRITORIAL_RECOGNITION
    assert p.recognized_as == "RU"
    assert [t.id for t in p.territories] == ["UA-43", "UA-14", "UA-09", "UA-65"]
    assert p.text.endswith("as part of the Russian Federation")


def test_recognition_of_control_names_the_state() -> None:
    text = "It may be open to recognising Russia's control over Crimea as part of a peace deal."
    (p,) = find_provisions(text, ctx=make_ctx(text))
    assert (p.recognized_as, [t.id for t in p.territories]) == ("RU", ["UA-43"])
    assert p.text == "recognising Russia's control over Crimea"


# ------------------------------------------------------------------------------ conditions


@pytest.mark.parametrize(
    "cond",
    [
        "if a lasting ceasefire is achieved",
        "only after Russia halts its offensive",
        "provided that Hamas releases all hostages",
        "on condition that the army withdraws",
        "unless the RSF leaves El Fasher",
        "in the event of a formal agreement",
    ],
)
def test_condition_markers(cond: str) -> None:
    text = f"Sanctions would be eased {cond}, officials said."
    assert [c.text for c in find_conditions(text)] == [cond]


def test_conditions_attach_to_the_proposal() -> None:
    (p,) = proposals_of(
        "US officials presented a proposal to European allies in Paris that includes freezing "
        "the frontlines and gradually lifting sanctions on Russia if a lasting ceasefire is achieved."
    )
    assert [c.text for c in p.conditions] == ["if a lasting ceasefire is achieved"]
    assert kinds(p) == {"frontline_freeze", "sanctions_relief"}


# ------------------------------------------------------------------------------ the stage


def test_presented_proposal_fields() -> None:
    (p,) = proposals_of(
        "US officials recently presented a proposal to European allies in Paris that includes "
        "freezing the frontlines, according to a report by Bloomberg."
    )
    assert p.status is ProposalStatus.PRESENTED
    assert p.proposer is not None
    assert p.proposer.id == "state:US"
    assert p.venue == "Paris"
    assert p.trigger == "proposal"
    assert p.source is not None
    assert p.source.id == "media:bloomberg"
    assert [r.name for r in p.recipients] == ["European allies"]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Egypt put forward a truce on Monday.", "proposed"),
        ("Egypt proposed a 30-day ceasefire.", "proposed"),
        ("Egypt presented a peace plan to Israel.", "presented"),
        ("Hamas accepted the hostage deal.", "accepted"),
        ("Israel rejected the Egyptian proposal.", "rejected"),
        ("Israel dismissed the Qatari plan.", "rejected"),
        ("Armenia and Azerbaijan signed a peace treaty.", "signed"),
        ("The Kremlin recently ended a 30-day ceasefire.", "ended"),
        ("Israel is considering the Egyptian proposal.", "under_consideration"),
        ("Russia demands recognition of Crimea as part of Russia.", "demanded"),
        (
            "The United States may be willing to recognize Crimea as part of Russia.",
            "under_consideration",
        ),
        ("Russia insists on the lifting of sanctions.", "demanded"),
    ],
)
def test_status_cues(sentence: str, status: str) -> None:
    props = proposals_of(sentence)
    assert [p.status.value for p in props] == [status], props


@pytest.mark.parametrize(
    "sentence",
    [
        "Nebenzya said a ceasefire is unrealistic at this time.",
        "There is no deal on the table.",
        "Zelensky has rejected any proposal that involves ceding territory.",
        "Trump has pushed for a ceasefire for months.",
        "Residents said hopes of a ceasefire had faded.",
        "Analysts said a lasting peace deal would require security guarantees.",
        "Kyiv is open to compromise in the framework of a broader settlement.",
        "Peace plans have failed before.",
    ],
)
def test_not_proposals(sentence: str) -> None:
    assert proposals_of(sentence) == []


def test_subject_of_a_rejection_is_not_the_proposer() -> None:
    (p,) = proposals_of("Israel rejected the Egyptian proposal for a 60-day truce.")
    assert p.proposer is not None
    assert p.proposer.id == "state:EG"
    assert [r.id for r in p.recipients] == ["state:IL"]
    assert kinds(p) == {"ceasefire"}


def test_coordinated_proposers_and_mediator_by() -> None:
    (p,) = proposals_of("Egypt and Qatar put forward a truce that includes a prisoner exchange.")
    assert p.proposer is not None
    assert p.proposer.id == "state:EG"
    (q,) = proposals_of(
        "The army and the RSF agreed to a seven-day truce in Jeddah, mediated by Saudi Arabia."
    )
    assert q.proposer is not None
    assert q.proposer.id == "state:SA"
    assert q.venue == "Jeddah"
    assert q.status is ProposalStatus.ACCEPTED
    assert q.provisions[0].duration_days == 7


def test_implicit_offer_needs_a_proposer() -> None:
    assert proposals_of("Some may be open to recognising Crimea as part of Russia.") == []
    (p,) = proposals_of(
        "The United States may be open to recognising Russia's control over Crimea, "
        "according to a report by Bloomberg."
    )
    assert p.proposer is not None
    assert p.proposer.id == "state:US"
    assert p.trigger == "may be open to"


def test_possessive_owner_of_a_demand() -> None:
    (p,) = proposals_of(
        "The implications of Russia's insistence on recognizing the annexed regions are vast."
    )
    assert p.proposer is not None
    assert p.proposer.id == "state:RU"
    assert p.status is ProposalStatus.DEMANDED
    assert proposals_of("The West's insistence on security guarantees is a distraction.") == []


def test_continuation_merges_into_one_proposal() -> None:
    text = (
        "US officials presented a proposal to European allies that includes freezing the frontlines. "
        "The plan reportedly also includes a provision to exclude Ukraine's NATO membership. "
        "Separately, Russia annexed Crimea in 2014."
    )
    (p,) = proposals_of(text)
    assert kinds(p) == {"frontline_freeze", "nato_membership"}
    assert p.text.startswith("US officials")
    assert p.text.endswith("NATO membership.")


def test_appositive_demand_is_a_second_proposal() -> None:
    props = proposals_of(
        "The plan also includes a provision to exclude Ukraine's NATO membership — a longstanding "
        "Russian demand."
    )
    demand = [p for p in props if p.status is ProposalStatus.DEMANDED]
    assert len(demand) == 1
    assert demand[0].proposer is not None
    assert demand[0].proposer.id == "state:RU"
    assert kinds(demand[0]) == {"nato_membership"}


def test_repeated_demand_is_one_proposal() -> None:
    text = (
        "Russia seeks recognition of Crimea as Russian territory. Markets were calm. "
        "Kherson was quiet. Officials said Moscow demands recognition of Crimea as part of Russia."
    )
    (p,) = proposals_of(text)
    assert p.proposer is not None
    assert p.proposer.id == "state:RU"


def test_later_reference_updates_status_and_no_duplicate() -> None:
    text = (
        "Egypt and Qatar put forward a truce on Monday. "
        "Hamas accepted the deal on Tuesday. "
        "Israel rejected the Qatari offer."
    )
    (p,) = proposals_of(text)
    assert p.status is ProposalStatus.ACCEPTED
    assert p.span.end == len(text)


def test_named_agreement_gets_its_venue() -> None:
    (p,) = proposals_of(
        "Under the Jeddah Declaration, both sides committed to allow humanitarian access."
    )
    assert p.venue == "Jeddah"
    assert p.proposer is None
    assert kinds(p) == {"humanitarian_access"}


def test_speaker_of_a_quoted_offer_is_the_proposer() -> None:
    text = "«We are ready for a 30-day ceasefire», Peskov told reporters."
    ctx = make_ctx(
        text,
        statements=[
            Statement(
                id="stmt:1-36",
                content=text[1:36],
                kind="direct",
                span=Span(start=1, end=36),
                speaker=None,
            )
        ],
    )
    peskov = ctx.actors["person:dmitry-peskov"]
    ctx.statements[0] = Statement(
        id="stmt:1-36",
        content=text[1:36],
        kind="direct",
        span=Span(start=1, end=36),
        speaker=peskov,
    )
    ProposalParser()(ctx)
    (p,) = ctx.proposals
    assert p.proposer is not None
    assert p.proposer.id == "person:dmitry-peskov"
    assert p.provisions[0].duration_days == 30


def test_pushing_for_is_not_a_provision() -> None:
    text = "This possibility is being considered, with Trump pushing for a ceasefire."
    (obj,) = position_objects(text, Span(start=0, end=len(text)))
    assert obj.of(text).startswith("pushing for a ceasefire")
    props = proposals_of(
        "The United States may be open to recognising Crimea as part of Russia. " + text
    )
    assert [kinds(p) for p in props] == [{"territorial_recognition"}]


def test_lexicon_extension() -> None:
    lex = ProposalLexicon.default().extend(triggers=["non-paper"])
    (p,) = proposals_of(
        "France circulated a non-paper that includes a prisoner exchange.",
        ProposalParser(lexicon=lex),
    )
    assert p.trigger == "non-paper"


# ------------------------------------------------------------------------------ articles


def _article(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


# (proposer id or None, status, provision kinds) per proposal, in text order.
EXPECTED: dict[str, list[tuple[str | None, str, set[str]]]] = {
    "gaza.txt": [
        (
            "state:EG",
            "accepted",
            {
                "ceasefire",
                "hostage_release",
                "humanitarian_access",
                "withdrawal",
                "prisoner_exchange",
            },
        )
    ],
    "armenia.txt": [
        (None, "signed", {"territorial_recognition"}),
        ("state:AZ", "demanded", {"referendum", "constitutional_reform"}),
    ],
    "sudan.txt": [
        ("state:SA", "accepted", {"ceasefire"}),
        (None, "unknown", {"humanitarian_access"}),
    ],
    "congo.txt": [
        (None, "signed", {"withdrawal", "security_guarantees", "reconstruction"}),
        ("person:felix-tshisekedi", "demanded", {"withdrawal"}),
        (None, "signed", {"ceasefire"}),
    ],
    "yemen.txt": [
        # Payment of salaries is a negotiated term with no kind of its own: ``other``.
        ("org:un", "accepted", {"ceasefire", "humanitarian_access", "prisoner_exchange", "other"})
    ],
    "tigray.txt": [
        (
            None,
            "signed",
            {"ceasefire", "disarmament", "humanitarian_access", "ceasefire_monitoring"},
        )
    ],
    "kashmir.txt": [(None, "accepted", {"ceasefire"}), ("state:PK", "demanded", {"referendum"})],
    "lebanon.txt": [("state:US", "accepted", {"ceasefire", "withdrawal", "ceasefire_monitoring"})],
    "kosovo.txt": [(None, "accepted", {"normalization"}), ("org:eu", "proposed", {"autonomy"})],
    "sahara.txt": [
        ("state:MA", "rejected", {"autonomy", "territorial_recognition"}),
        ("org:polisario", "demanded", {"referendum"}),
    ],
    "guillemets.txt": [
        ("state:RU", "rejected", {"nato_membership", "military_limits"}),
        (None, "under_consideration", {"ceasefire"}),
    ],
    "no_proposal.txt": [],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_articles(name: str) -> None:
    props = proposals_of(_article(name))
    got = [(p.proposer.id if p.proposer else None, p.status.value, kinds(p)) for p in props]
    assert got == EXPECTED[name]


def test_article_recipients_and_venues() -> None:
    props = {p.trigger: p for p in proposals_of(_article("armenia.txt"))}
    assert props["treaty"].venue == "Washington"
    assert {r.id for r in props["treaty"].recipients} == {"state:AM", "state:AZ"}
    lebanon = proposals_of(_article("lebanon.txt"))[0]
    withdrawal = next(v for v in lebanon.provisions if v.kind is ProvisionKind.WITHDRAWAL)
    assert [t.id for t in withdrawal.territories] == ["area:southern-lebanon"]


def test_articles_end_to_end_provision_kinds() -> None:
    """The whole pipeline finds the same provision kinds on the hand-written articles."""
    for name in ("gaza.txt", "yemen.txt", "kashmir.txt", "lebanon.txt"):
        art = parse_article(_article(name))
        want = set().union(*(k for _, _, k in EXPECTED[name]))
        got = {k.value for p in art.proposals for k in p.provision_kinds}
        assert got == want, name
    assert list(parse_article(_article("no_proposal.txt")).proposals) == []


# ------------------------------------------------------------------------------ robustness


@given(st.text(max_size=400))
def test_any_text_gives_valid_spans(text: str) -> None:
    art = parse_article(text, pipeline=default_pipeline())
    for p in art.proposals:
        assert art.text[p.span.start : p.span.end] == p.text
        for v in p.provisions:
            assert art.text[v.span.start : v.span.end] == v.text
        for c in p.conditions:
            assert art.text[c.span.start : c.span.end] == c.text


@given(
    st.lists(
        st.sampled_from(
            [
                "Egypt proposed a 30-day truce",
                " that includes the release of hostages",
                " if Hamas agrees",
                ", ",
                ". ",
                "«",
                "the plan",
                " Russia seeks recognition of Crimea as part of Russia",
                "\n",
                "\ud800",
                " rejected ",
            ]
        ),
        max_size=30,
    )
)
def test_fragments_never_crash(parts: list[str]) -> None:
    text = "".join(parts)
    ctx = make_ctx(text)
    ProposalParser()(ctx)
    for p in ctx.proposals:
        assert text[p.span.start : p.span.end] == p.text


@pytest.mark.parametrize(
    "text",
    [
        "«" * 1_000_000,
        "," * 100_000,
        "\ud800 ceasefire \udfff " * 5_000,
        "the plan includes a 30-day ceasefire if the deal holds " * 5_000,
    ],
)
def test_adversarial_input_terminates(text: str) -> None:
    ctx = ParseContext(text=text)  # no sentences, no paragraphs: the stage copes
    ProposalParser()(ctx)
    assert all(text[p.span.start : p.span.end] == p.text for p in ctx.proposals)


@pytest.mark.parametrize(
    ("sentence", "kind", "label"),
    [
        ("The plan calls for a halt to the fighting in Darfur.", "ceasefire", None),
        ("The deal would see aid trucks allowed into the enclave.", "humanitarian_access", None),
        ("Kigali proposed an exchange of detained soldiers.", "prisoner_exchange", None),
        ("The proposal includes demining of farmland near the border.", "other", "demining"),
        ("The roadmap envisages a government of national unity.", "power_sharing", None),
        ("Yerevan offered a border delimitation commission.", "border_delimitation", None),
    ],
)
def test_widened_provision_phrases(sentence: str, kind: str, label: str | None) -> None:
    """General phrasings of common terms are typed, unknown terms as ``other`` with a label."""
    found = [(p.kind.value, p.label) for p in find_provisions(sentence)]
    assert (kind, label) in found


def test_headline_does_not_duplicate_body_proposal() -> None:
    """An unpunctuated first line restating the body's deal is not a second proposal."""
    text = (
        "Yemen rebels reject truce\n"
        "The Houthis rejected a Saudi proposal for a ceasefire in Marib on Sunday."
    )
    props = parse_article(text).proposals
    assert [p.trigger for p in props] == ["proposal"]
    punctuated = text.replace("truce\n", "truce.\n")
    assert len(parse_article(punctuated).proposals) == 2


def test_earlier_agreement_is_not_a_proposal() -> None:
    """An 'earlier' or 'previous' deal mentioned in passing is context, not a live proposal."""
    text = "Kinshasa said the earlier deal with the rebels had failed."
    assert list(parse_article(text).proposals) == []
    assert len(parse_article(text.replace("earlier ", "new ")).proposals) == 1


def test_dated_agreement_mentioned_in_passing_is_a_proposal() -> None:
    """A dated agreement ("the 1994 ceasefire agreement") names one agreement, as a name
    does: a reader lists it among the article's proposals, even in passing."""
    text = "Fighting resumed in Karabakh despite the 1994 ceasefire agreement."
    (p,) = parse_article(text).proposals
    assert "ceasefire" in {k.value for k in p.provision_kinds}


@pytest.mark.parametrize(
    ("text", "proposer", "status", "kind"),
    [
        # A suggestion with a that-clause is a proposal by its subject.
        (
            "Azerbaijan's foreign minister Jeyhun Bayramov suggested that a joint commission "
            "should demarcate the border.",
            "Jeyhun Bayramov",
            "proposed",
            "border_delimitation",
        ),
        (
            "The Arab League recommended that both militias withdraw from the port of Hodeidah.",
            "Arab League",
            "proposed",
            "withdrawal",
        ),
    ],
)
def test_suggestions_are_proposals(text: str, proposer: str, status: str, kind: str) -> None:
    [prop] = parse_article(text).proposals
    assert prop.proposer is not None
    assert prop.proposer.name.endswith(proposer)
    assert prop.status.value == status
    assert kind in [v.kind.value for v in prop.provisions]


def test_backshifted_readiness_is_an_offer() -> None:
    # Reported speech shifts "is ready to" back to "was ready to": still an offer.
    art = parse_article(
        "The Sudanese army said it was ready to release all prisoners of war held since April."
    )
    [prop] = art.proposals
    assert prop.status.value == "under_consideration"
    assert [v.kind.value for v in prop.provisions] == ["prisoner_exchange"]


def test_readiness_to_do_what_another_party_asked_answers_it() -> None:
    # Yerevan's readiness answers Baku's demand: one proposal (the demand), and Armenia's
    # stance on it, not a second proposal with the same terms.
    art = parse_article(
        "Azerbaijan insists on a referendum to change the Armenian constitution. "
        "Armenian officials said Armenia was ready to hold a referendum next year."
    )
    [prop] = art.proposals
    assert prop.proposer is not None
    assert prop.proposer.id == "state:AZ"
    stances = {(p.actor.id, p.stance.value) for p in art.positions if p.proposal_id == prop.id}
    assert ("state:AM", "considers") in stances


def test_under_the_draft_continues_the_plan() -> None:
    art = parse_article(
        "Norwegian mediators circulated a draft peace plan for Myanmar on Monday. Under the "
        "draft, the army would free all political prisoners and both sides would allow "
        "humanitarian access to Rakhine."
    )
    [prop] = art.proposals
    kinds = {v.kind.value for v in prop.provisions}
    assert {"prisoner_exchange", "humanitarian_access"} <= kinds
