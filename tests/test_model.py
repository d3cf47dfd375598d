"""The model's contract: validators reject bad values with typed errors; instances are frozen,
slotted, keyword-only values that `attrs.evolve` re-validates."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Callable
from typing import Any, cast

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflictmodel.model.article as article_module
from conflictmodel import (
    Actor,
    ActorKind,
    Article,
    ClaimKind,
    Condition,
    ConflictModelError,
    DatePrecision,
    Position,
    Proposal,
    ProposalStatus,
    Provision,
    ProvisionKind,
    Role,
    Span,
    Stance,
    Statement,
    StatementKind,
    TerritorialClaim,
    Territory,
    TerritoryKind,
    TextDate,
    ValidationError,
)
from conflictmodel import strategies as cms

RSF = Actor(id="group:rsf", name="Rapid Support Forces", kind="group", aliases=["RSF"])
ARMENIA = Actor(id="state:AM", name="Armenia", kind="state", country="AM")
KARABAKH = Territory(id="area:nagorno-karabakh", name="Nagorno-Karabakh", kind="disputed_area")
DARFUR = Territory(id="area:darfur", name="Darfur", kind="region_group", parent="SD")
SPAN = Span(start=0, end=4)

# Every model class with a strategy for it, and a change that breaks one of its rules.
MODEL_CASES: list[tuple[type[Any], st.SearchStrategy[Any], dict[str, Any]]] = [
    (Span, cms.spans(), {"end": -1}),
    (Role, cms.roles(), {"country": "XX"}),
    (Actor, cms.actors(), {"kind": "warlord"}),
    (Territory, cms.territories(), {"code": "XX-999"}),
    (TextDate, cms.text_dates(), {"value": dt.datetime(2024, 1, 1, 12, 0)}),
    (Statement, cms.statements(), {"id": ""}),
    (Provision, cms.provisions(), {"duration_days": 0}),
    (Condition, cms.conditions(), {"span": "0-4"}),
    (Proposal, cms.proposals(), {"status": "pending"}),
    (Position, cms.positions(), {"stance": "likes"}),
    (TerritorialClaim, cms.claims(), {"kind": "owns"}),
    (Article, cms.articles(), {"published": dt.datetime(2024, 1, 1, 12, 0)}),
]
CASE_IDS = [cls.__name__ for cls, _, _ in MODEL_CASES]


def test_cases_cover_every_model_class() -> None:
    modules = (
        "span",
        "actors",
        "territories",
        "statements",
        "proposals",
        "positions",
        "textdates",
        "article",
    )
    defined = {
        obj
        for name in modules
        for obj in vars(importlib.import_module(f"conflictmodel.model.{name}")).values()
        if isinstance(obj, type)
        and attrs.has(obj)
        and obj.__module__ == f"conflictmodel.model.{name}"
    }
    assert defined == {cls for cls, _, _ in MODEL_CASES}


# ---------------------------------------------------------------- validators

BAD_VALUES: list[tuple[str, Callable[[], object], str]] = [
    # ISO codes
    ("actor country", lambda: Actor(id="x", name="X", kind="person", country="XX"), "ISO 3166-1"),
    ("lower-case code", lambda: Actor(id="x", name="X", kind="state", country="am"), "ISO 3166-1"),
    ("alpha-3 code", lambda: Role(title="President", country="ARM"), "ISO 3166-1"),
    ("code not str", lambda: Role(title="President", country=51), "ISO 3166-1"),  # type: ignore[arg-type]
    ("territory code", lambda: Territory(id="SD-99", name="X", code="SD-99"), "ISO 3166-2"),
    (
        "claim recognized_as",
        lambda: TerritorialClaim(
            claimant=ARMENIA,
            territory=KARABAKH,
            kind="recognizes",
            text="",
            span=SPAN,
            recognized_as="Azerbaijan",
        ),
        "ISO 3166-1",
    ),
    (
        "provision recognized_as",
        lambda: Provision(kind="territorial_recognition", text="", span=SPAN, recognized_as="AZE"),
        "ISO 3166-1",
    ),
    # spans
    ("end before start", lambda: Span(start=5, end=2), "must be >= start"),
    ("negative start", lambda: Span(start=-1, end=2), ">= 0"),
    ("negative end", lambda: Span(start=0, end=-2), ">= 0"),
    ("float offset", lambda: Span(start=1.0, end=2), "must be int"),  # type: ignore[arg-type]
    ("bool offset", lambda: Span(start=True, end=2), "must be int"),
    # enums
    ("actor kind", lambda: Actor(id="x", name="X", kind="warlord"), "not a valid ActorKind"),
    ("territory kind", lambda: Territory(id="x", name="X", kind="continent"), "TerritoryKind"),
    (
        "statement kind",
        lambda: Statement(id="s", content="", kind="quoted", span=SPAN),
        "StatementKind",
    ),
    (
        "proposal status",
        lambda: Proposal(id="p", trigger="plan", text="", span=SPAN, status="pending"),
        "ProposalStatus",
    ),
    (
        "stance",
        lambda: Position(actor=RSF, stance="likes", text="", span=SPAN, provision="ceasefire"),
        "Stance",
    ),
    (
        "position provision",
        lambda: Position(actor=RSF, stance="supports", text="", span=SPAN, provision="peace"),
        "ProvisionKind",
    ),
    ("provision kind", lambda: Provision(kind="truce", text="", span=SPAN), "ProvisionKind"),
    ("precision", lambda: TextDate(text="x", precision="hour"), "DatePrecision"),
    (
        "claim kind",
        lambda: TerritorialClaim(claimant=RSF, territory=DARFUR, kind="owns", text="", span=SPAN),
        "ClaimKind",
    ),
    ("unhashable enum value", lambda: Actor(id="x", name="X", kind=["state"]), "ActorKind"),
    # strings
    ("name not str", lambda: Actor(id="x", name=5, kind="person"), "must be str"),  # type: ignore[arg-type]
    ("territory name None", lambda: Territory(id="x", name=None), "must be str"),  # type: ignore[arg-type]
    ("role title not str", lambda: Role(title=3), "must be str"),  # type: ignore[arg-type]
    ("blank name", lambda: Actor(id="x", name="  ", kind="person"), "must not be empty"),
    ("empty actor id", lambda: Actor(id="", name="X", kind="person"), "must not be empty"),
    ("blank actor id", lambda: Actor(id=" \t", name="X", kind="person"), "must not be empty"),
    ("empty territory id", lambda: Territory(id="", name="X"), "must not be empty"),
    (
        "empty statement id",
        lambda: Statement(id="", content="", kind="direct", span=SPAN),
        "must not be empty",
    ),
    (
        "empty proposal id",
        lambda: Proposal(id="", trigger="plan", text="", span=SPAN),
        "must not be empty",
    ),
    (
        "empty proposal_id",
        lambda: Position(actor=RSF, stance="opposes", text="", span=SPAN, proposal_id=""),
        "must not be empty",
    ),
    ("content not str", lambda: Statement(id="s", content=None, kind="direct", span=SPAN), "str"),  # type: ignore[arg-type]
    ("article text", lambda: Article(text=b"bytes"), "must be str"),  # type: ignore[arg-type]
    # Wikidata
    ("wikidata Q0", lambda: Actor(id="x", name="X", kind="person", wikidata="Q0"), "Wikidata"),
    ("wikidata case", lambda: Actor(id="x", name="X", kind="person", wikidata="q42"), "Wikidata"),
    ("wikidata junk", lambda: Actor(id="x", name="X", kind="person", wikidata="Q4a"), "Wikidata"),
    ("wikidata int", lambda: Actor(id="x", name="X", kind="person", wikidata=42), "Wikidata"),  # type: ignore[arg-type]
    # containers and nested types
    ("aliases as str", lambda: Actor(id="x", name="X", kind="person", aliases="RSF"), "sequence"),
    ("alias not str", lambda: Actor(id="x", name="X", kind="person", aliases=[1]), "aliases[0]"),
    ("mention not Span", lambda: Actor(id="x", name="X", kind="person", mentions=[(0, 1)]), "Span"),
    ("role not Role", lambda: Actor(id="x", name="X", kind="person", roles=["envoy"]), "Role"),
    (
        "speaker not Actor",
        lambda: Statement(id="s", content="", kind="direct", span=SPAN, speaker="Hemedti"),  # type: ignore[arg-type]
        "must be Actor",
    ),
    ("anonymous not bool", lambda: Actor(id="x", name="X", kind="person", anonymous=1), "bool"),  # type: ignore[arg-type]
    (
        "duration zero",
        lambda: Provision(kind="ceasefire", text="", span=SPAN, duration_days=0),
        "positive int",
    ),
    (
        "duration bool",
        lambda: Provision(kind="ceasefire", text="", span=SPAN, duration_days=True),
        "must be int",
    ),
    # cross-field rules
    (
        "position without target",
        lambda: Position(actor=RSF, stance="opposes", text="", span=SPAN),
        "at least one of",
    ),
    (
        "role end before start",
        lambda: Role(title="Envoy", start=dt.date(2024, 5, 1), end=dt.date(2023, 1, 1)),
        "before start",
    ),
    # datetime where a date belongs
    (
        "role datetime",
        lambda: Role(title="Envoy", start=dt.datetime(2024, 5, 1, 9, 0)),
        "datetime.date",
    ),
    ("published datetime", lambda: Article(text="", published=dt.datetime(2024, 5, 1)), "date"),
    ("textdate value datetime", lambda: TextDate(text="x", value=dt.datetime(2024, 5, 1)), "date"),
    ("textdate anchor str", lambda: TextDate(text="x", anchor="2024-05-01"), "date"),  # type: ignore[arg-type]
    # spans outside the Article text
    ("furniture outside", lambda: Article(text="abc", furniture=[Span(start=0, end=4)]), "outside"),
    (
        "nested actor mention outside",
        lambda: Article(
            text="RSF said no.",
            statements=[
                Statement(
                    id="s",
                    content="no",
                    kind="reported",
                    span=Span(start=9, end=11),
                    speaker=attrs.evolve(RSF, mentions=[Span(start=0, end=40)]),
                )
            ],
        ),
        "Article.statements",
    ),
    (
        "deep date span outside",
        lambda: Article(
            text="Armenia agreed.",
            positions=[
                Position(
                    actor=ARMENIA,
                    stance="supports",
                    text="agreed",
                    span=Span(start=8, end=14),
                    provision="ceasefire",
                    date=TextDate(text="x", span=Span(start=15, end=16)),
                )
            ],
        ),
        "Article.positions",
    ),
]


@pytest.mark.parametrize(
    ("build", "message"),
    [(b, m) for _, b, m in BAD_VALUES],
    ids=[i for i, _, _ in BAD_VALUES],
)
def test_validators_reject_bad_values(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)) as info:
        build()
    # Typed errors: callers can catch the library's base class or the built-in one.
    assert isinstance(info.value, ConflictModelError)
    assert isinstance(info.value, ValueError)


def test_span_at_the_end_of_the_text_is_inside() -> None:
    art = Article(text="abc", furniture=[Span(start=3, end=3), Span(start=0, end=3)])
    assert art.furniture[1].of(art.text) == "abc"


def test_converters_accept_values_and_lists() -> None:
    actor = Actor(id="x", name="X", kind="person", aliases=["Y"], mentions=[SPAN])
    assert actor.kind is ActorKind.PERSON
    assert actor.aliases == ("Y",)
    assert actor.mentions == (SPAN,)
    assert TextDate(text="x", precision="month").precision is DatePrecision.MONTH
    assert Territory(id="x", name="X").kind is TerritoryKind.OTHER
    assert Proposal(id="p", trigger="plan", text="", span=SPAN).status is ProposalStatus.UNKNOWN
    statement = Statement(id="s", content="", kind=StatementKind.PARTIAL, span=SPAN)
    assert statement.is_quote


# ---------------------------------------------------------------- value semantics


@pytest.mark.parametrize(("cls", "strategy", "bad"), MODEL_CASES, ids=CASE_IDS)
@given(data=st.data())
def test_instances_are_frozen_slotted_values(
    cls: type[Any], strategy: st.SearchStrategy[Any], bad: dict[str, Any], data: st.DataObject
) -> None:
    obj = data.draw(strategy)
    assert isinstance(obj, cls)
    assert not hasattr(obj, "__dict__")
    for field in attrs.fields(cls):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, field.name, getattr(obj, field.name))
    with pytest.raises(AttributeError):
        obj.not_a_field = 1
    copy = attrs.evolve(obj)
    assert copy == obj
    assert hash(copy) == hash(obj)


@pytest.mark.parametrize(("cls", "strategy", "bad"), MODEL_CASES, ids=CASE_IDS)
@given(data=st.data())
def test_evolve_revalidates(
    cls: type[Any], strategy: st.SearchStrategy[Any], bad: dict[str, Any], data: st.DataObject
) -> None:
    obj = data.draw(strategy)
    with pytest.raises(ValidationError):
        attrs.evolve(obj, **bad)


@pytest.mark.parametrize(("cls", "strategy", "bad"), MODEL_CASES, ids=CASE_IDS)
@given(data=st.data())
def test_construction_is_keyword_only(
    cls: type[Any], strategy: st.SearchStrategy[Any], bad: dict[str, Any], data: st.DataObject
) -> None:
    obj = data.draw(strategy)
    values = [getattr(obj, f.name) for f in attrs.fields(cls)]
    with pytest.raises(TypeError, match="positional"):
        cls(*values)
    assert cls(**{f.name: v for f, v in zip(attrs.fields(cls), values, strict=True)}) == obj


def _all_spans(obj: object) -> list[Span]:
    if isinstance(obj, Span):
        return [obj]
    if isinstance(obj, tuple):
        return [s for item in obj for s in _all_spans(item)]
    if attrs.has(type(obj)):
        fields = attrs.fields(cast(Any, type(obj)))
        return [s for f in fields for s in _all_spans(getattr(obj, f.name))]
    return []


@given(cms.articles())
def test_evolving_the_text_rechecks_spans(article: Article) -> None:
    longest = max((s.end for s in _all_spans(article)), default=0)
    assert attrs.evolve(article, text=article.text[:longest]).text == article.text[:longest]
    if longest > 0:
        with pytest.raises(ValidationError, match="outside the text"):
            attrs.evolve(article, text=article.text[: longest - 1])


def test_position_evolve_dropping_its_only_target_is_rejected() -> None:
    pos = Position(actor=RSF, stance="opposes", text="", span=SPAN, territory=DARFUR)
    assert attrs.evolve(pos, territory=None, proposal_id="prop:0-4").proposal_id == "prop:0-4"
    with pytest.raises(ValidationError, match="at least one of"):
        attrs.evolve(pos, territory=None)


# ---------------------------------------------------------------- span arithmetic


@given(cms.spans(max_end=50), cms.spans(max_end=50))
def test_span_relations(a: Span, b: Span) -> None:
    text = "x" * 50
    assert len(a) == len(a.of(text)) == a.end - a.start
    assert a.contains(a)
    if a.contains(b):
        assert a.start <= b.start
        assert b.end <= a.end
    overlap = set(range(a.start, a.end)) & set(range(b.start, b.end))
    assert a.overlaps(b) == bool(overlap) == b.overlaps(a)
    assert a.shift(3) == Span(start=a.start + 3, end=a.end + 3)


def test_span_shift_below_zero_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Span(start=1, end=2).shift(-2)


# ---------------------------------------------------------------- helpers on the model


def test_role_held_on() -> None:
    role = Role(title="Envoy", start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))
    assert role.held_on(dt.date(2023, 6, 1))
    assert not role.held_on(dt.date(2024, 1, 1))
    assert Role(title="Envoy").held_on(dt.date(1900, 1, 1))


def test_actor_and_territory_names() -> None:
    assert RSF.is_named("rsf")
    assert RSF.names == ("Rapid Support Forces", "RSF")
    assert RSF.span is None
    assert RSF.title is None
    ahmed = Actor(
        id="person:abiy-ahmed",
        name="Abiy Ahmed",
        kind="person",
        roles=[Role(title="Prime Minister", country="ET")],
        mentions=[Span(start=9, end=13), Span(start=2, end=6)],
    )
    assert ahmed.span == Span(start=2, end=6)
    assert ahmed.title == "Prime Minister"
    tigray = Territory(id="ET-TI", name="Tigray", code="ET-TI", kind="region", parent="ET")
    assert tigray.country == "ET"
    assert tigray.is_named("et-ti")
    assert tigray.is_named("TIGRAY")
    assert KARABAKH.country is None
    assert DARFUR.country == "SD"


def test_article_queries() -> None:
    text = "Armenia's prime minister said Karabakh talks must go on; the RSF rejected a truce."
    pashinyan = Actor(
        id="person:nikol-pashinyan",
        name="Nikol Pashinyan",
        kind="person",
        mentions=[Span(start=0, end=24)],
    )
    said = Statement(
        id="stmt:30-55",
        content=text[30:55],
        kind="reported",
        span=Span(start=30, end=55),
        speaker=pashinyan,
    )
    truce = Proposal(
        id="prop:74-81",
        trigger="truce",
        text="a truce",
        span=Span(start=74, end=81),
        provisions=[
            Provision(
                kind="ceasefire", text="truce", span=Span(start=76, end=81), territories=[KARABAKH]
            )
        ],
    )
    rejected = Position(
        actor=RSF,
        stance=Stance.OPPOSES,
        text=text[57:80],
        span=Span(start=57, end=80),
        proposal_id=truce.id,
        provision="ceasefire",
    )
    on_karabakh = Position(
        actor=pashinyan,
        stance="supports",
        text=text[:55],
        span=Span(start=0, end=55),
        territory=KARABAKH,
    )
    claim = TerritorialClaim(
        claimant=ARMENIA, territory=KARABAKH, kind=ClaimKind.DISPUTES, text="", span=SPAN
    )
    art = Article(
        text=text,
        actors=[pashinyan, RSF, ARMENIA],
        territories=[KARABAKH],
        statements=[said],
        proposals=[truce],
        positions=[rejected, on_karabakh],
        claims=[claim],
    )
    assert art.actor("Pashinyan") is pashinyan  # surname
    assert art.actor("rsf") is RSF  # alias, any case
    assert art.actor("Hemedti") is None
    assert art.statements_by("Pashinyan") == (said,) == art.statements_by(pashinyan)
    assert art.statements_by("nobody") == ()
    assert (
        art.proposals_with("ceasefire") == (truce,) == art.proposals_with(ProvisionKind.CEASEFIRE)
    )
    assert art.proposals_with("elections") == ()
    with pytest.raises(ValidationError, match="ProvisionKind"):
        art.proposals_with("truce")
    assert art.proposals_naming("Nagorno-Karabakh") == (truce,)
    assert art.positions_of("RSF") == (rejected,)
    assert art.positions_on("ceasefire") == (rejected,)
    assert art.positions_on(KARABAKH) == (on_karabakh,) == art.positions_on("nagorno-karabakh")
    assert art.claims_on("Nagorno-Karabakh") == (claim,)
    assert art.territory("area:nagorno-karabakh") is KARABAKH
    assert art.evidence(said.span) == said.content


def test_article_span_check_walks_each_shared_object_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # One actor with many mentions, quoted many times: the check must not re-walk the actor
    # (and its mentions) once per statement.
    text = "Hemedti said. " * 200
    hemedti = Actor(
        id="person:hemedti",
        name="Hemedti",
        kind="person",
        mentions=[Span(start=i * 14, end=i * 14 + 7) for i in range(200)],
    )
    statements = [
        Statement(
            id=f"stmt:{i}",
            content="",
            kind="reported",
            span=Span(start=i * 14, end=i * 14 + 12),
            speaker=hemedti,
        )
        for i in range(200)
    ]
    walked: list[type[Any]] = []
    real = article_module._field_names

    def counting(cls: type[Any]) -> tuple[str, ...] | None:
        walked.append(cls)
        return real(cls)

    monkeypatch.setattr(article_module, "_field_names", counting)
    Article(text=text, actors=[hemedti], statements=statements)
    assert walked.count(Actor) == 1
    assert walked.count(Statement) == 200
