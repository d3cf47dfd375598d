"""The positions stage: stance cues, targets, holders, conditional stances, statement links."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles_proposals.helpers import make_ctx
from conflictmodel import parse_article
from conflictmodel.context import ParseContext
from conflictmodel.errors import GazetteerError
from conflictmodel.parsers.positions import PositionParser, StanceLexicon
from conflictmodel.parsers.proposals import ProposalParser
from conflictmodel.positions import Position, Stance
from conflictmodel.span import Span
from conflictmodel.statements import Statement

ARTICLES = Path(__file__).parent / "articles_proposals"


def run(
    text: str, statements: list[Statement] | None = None
) -> tuple[ParseContext, list[Position]]:
    ctx = make_ctx(text, statements=statements)
    ProposalParser()(ctx)
    PositionParser()(ctx)
    return ctx, list(ctx.to_article().positions)


def summary(positions: list[Position]) -> set[tuple[str, str, str | None]]:
    return {
        (p.actor.id, p.stance.value, p.provision.value if p.provision else None) for p in positions
    }


def test_rejecting_ceding_territory_opposes_recognition() -> None:
    _, pos = run(
        "Ukrainian President Volodymyr Zelenskyy has consistently rejected any proposal that "
        "involves ceding territory to Russia."
    )
    assert summary(pos) == {("person:volodymyr-zelensky", "opposes", "territorial_recognition")}
    assert pos[0].cue == "rejected"


def test_non_negotiable_demands_recognition() -> None:
    _, pos = run(
        "Kremlin spokesperson Dmitry Peskov emphasized that the recognition of these regions is "
        "a non-negotiable aspect of Russia's foreign policy."
    )
    assert summary(pos) == {("person:dmitry-peskov", "demands", "territorial_recognition")}


def test_coordinated_subjects_each_get_a_position() -> None:
    _, pos = run(
        "Vance and Witkoff push for territorial concessions while Rubio and Kellogg favour "
        "increased sanctions."
    )
    assert summary(pos) == {
        ("person:jd-vance", "demands", "territorial_recognition"),
        ("person:steve-witkoff", "demands", "territorial_recognition"),
        ("person:marco-rubio", "supports", "sanctions"),
        ("person:keith-kellogg", "supports", "sanctions"),
    }


def test_hardliners_including_a_list() -> None:
    _, pos = run(
        "Hardliners including Rubio, National Security Advisor Waltz, and envoy Keith Kellogg "
        "are advocating for increased sanctions."
    )
    assert {p.actor.id for p in pos} >= {"person:marco-rubio", "person:keith-kellogg"}
    assert {p.stance for p in pos} == {Stance.SUPPORTS}


def test_condition_makes_a_conditional_stance() -> None:
    _, pos = run(
        "Kyiv maintains that future negotiations can only proceed if Russia demonstrates a "
        "genuine commitment to halting its military offensive."
    )
    assert summary(pos) == {("state:UA", "conditional", "ceasefire")}


def test_negated_target_is_opposition() -> None:
    _, pos = run(
        "Zelensky has reaffirmed his government's constitutional stance that no land will be "
        "ceded to occupiers."
    )
    assert summary(pos) == {("person:volodymyr-zelensky", "opposes", "territorial_recognition")}


def test_unrealistic_ceasefire_is_opposition_not_a_proposal() -> None:
    ctx, pos = run("Russia said on Thursday that a ceasefire is unrealistic at this time.")
    assert ctx.proposals == []
    assert summary(pos) == {("state:RU", "opposes", "ceasefire")}


def test_pushing_for_a_ceasefire_is_a_demand() -> None:
    _, pos = run("Trump has been pushing for a ceasefire between the warring nations.")
    assert summary(pos) == {("person:donald-trump", "demands", "ceasefire")}


def test_negation_flips_support() -> None:
    _, pos = run("Israel does not support a ceasefire in Gaza.")
    assert summary(pos) == {("state:IL", "opposes", "ceasefire")}


def test_positions_on_proposals() -> None:
    ctx, pos = run(
        "Egypt and Qatar put forward a truce on Monday. Hamas accepted the deal on Tuesday. "
        "Israel rejected the Qatari offer."
    )
    (prop,) = ctx.proposals
    on_prop = {(p.actor.id, p.stance.value) for p in pos if p.proposal_id == prop.id}
    assert on_prop == {
        ("state:EG", "supports"),
        ("state:QA", "supports"),
        ("org:hamas", "supports"),
        ("state:IL", "opposes"),
    }
    israel = next(p for p in pos if p.actor.id == "state:IL")
    assert israel.text.rstrip(".") == "Israel rejected the Qatari offer"


def test_demand_proposal_gives_a_demands_position() -> None:
    ctx, pos = run("Pakistan demands a plebiscite in Kashmir.")
    (prop,) = ctx.proposals
    assert {(p.actor.id, p.stance.value, p.proposal_id) for p in pos} == {
        ("state:PK", "demands", prop.id)
    }
    assert pos[0].territory is not None
    assert pos[0].territory.id == "area:kashmir"


def test_statement_inside_a_quote_is_linked() -> None:
    text = "“We will never consider Ukrainian lands as Russian,” Zelenskyy declared."
    probe = make_ctx(text)
    zel = probe.actors["person:volodymyr-zelensky"]
    stmt = Statement(
        id="stmt:1-50",
        content=text[1:50],
        kind="direct",
        span=Span(start=1, end=50),
        speaker=zel,
        speaker_span=Span(start=52, end=61),
        cue="declared",
    )
    _, pos = run(text, statements=[stmt])
    (p,) = pos
    assert (p.actor.id, p.stance, p.provision and p.provision.value) == (
        "person:volodymyr-zelensky",
        Stance.OPPOSES,
        "territorial_recognition",
    )
    assert p.statement is not None
    assert p.statement.id == "stmt:1-50"


def test_possessive_holder() -> None:
    _, pos = run("The Kremlin's recent push for recognition of Crimea as Russian territory is new.")
    assert summary(pos) == {("state:RU", "demands", "territorial_recognition")}
    _, none = run("The West's insistence on security guarantees is a distraction.")
    assert all(p.actor.id != "state:RU" or p.stance is Stance.OPPOSES for p in none)


def test_territory_only_target_must_be_the_object() -> None:
    _, pos = run(
        "The subsequent years have seen Russia's support for separatist movements in eastern Ukraine."
    )
    assert pos == []


def test_extra_cues_and_bad_lexicon() -> None:
    parser = PositionParser(extra_cues={"opposes": ["torpedoed"]})
    ctx = make_ctx("Israel torpedoed the ceasefire in Gaza.")
    parser(ctx)
    assert summary(list(ctx.positions)) == {("state:IL", "opposes", "ceasefire")}
    with pytest.raises(GazetteerError):
        StanceLexicon.default().extend(forward={"adores": ["loves"]})


def test_articles_have_positions_with_valid_spans() -> None:
    expected = {
        "kashmir.txt": {
            ("state:PK", "demands", "referendum"),
            ("state:IN", "supports", "ceasefire"),
        },
        "kosovo.txt": {("state:RS", "opposes", "territorial_recognition")},
        "sahara.txt": {("org:polisario", "demands", "referendum")},
    }
    for name, want in expected.items():
        text = (ARTICLES / name).read_text(encoding="utf-8")
        _, pos = run(text)
        assert want <= summary(pos), name
        for p in pos:
            assert text[p.span.start : p.span.end] == p.text


@given(st.text(max_size=300))
def test_positions_on_article_index_the_text(text: str) -> None:
    art = parse_article("Israel rejected the truce. " + text)
    for p in art.positions:
        assert art.text[p.span.start : p.span.end] == p.text
        assert p.proposal_id is None or p.proposal_id in {x.id for x in art.proposals}


@pytest.mark.parametrize("text", ["«" * 300_000, "," * 100_000, "rejected " * 20_000])
def test_adversarial_input_terminates(text: str) -> None:
    ctx = ParseContext(text=text)
    PositionParser()(ctx)
    assert all(text[p.span.start : p.span.end] == p.text for p in ctx.positions)
