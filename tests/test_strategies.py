"""The public Hypothesis strategies build valid, consistent objects."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from typing import Any, cast

import attrs
import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from conflictmodel import (
    Actor,
    ActorKind,
    Article,
    ClaimKind,
    Condition,
    Position,
    Proposal,
    Provision,
    ProvisionKind,
    Role,
    Span,
    Statement,
    TerritorialClaim,
    Territory,
    TerritoryKind,
    TextDate,
)
from conflictmodel import strategies as cms
from conflictmodel._validators import USER_ASSIGNED_CODES

TEXT = "«Nous ne céderons pas», a dit le ministre à Goma. Kigali denied it."


def _spans_in(obj: object) -> list[Span]:
    if isinstance(obj, Span):
        return [obj]
    if isinstance(obj, tuple):
        return [s for item in obj for s in _spans_in(item)]
    if attrs.has(type(obj)):
        fields = attrs.fields(cast(Any, type(obj)))
        return [s for f in fields for s in _spans_in(getattr(obj, f.name))]
    return []


def _revalidate(obj: Any) -> None:
    """Rebuild every nested object through its constructor: the validators must accept it."""
    if isinstance(obj, tuple):
        for item in obj:
            _revalidate(item)
    elif attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            _revalidate(getattr(obj, f.name))
        assert attrs.evolve(obj) == obj


STRATEGIES: list[tuple[type[Any], Any]] = [
    (Span, cms.spans),
    (Role, cms.roles),
    (Actor, cms.actors),
    (Territory, cms.territories),
    (TextDate, cms.text_dates),
    (Statement, cms.statements),
    (Provision, cms.provisions),
    (Condition, cms.conditions),
    (Proposal, cms.proposals),
    (Position, cms.positions),
    (TerritorialClaim, cms.claims),
    (Article, cms.articles),
]
IDS = [cls.__name__ for cls, _ in STRATEGIES]


@pytest.mark.parametrize(("cls", "factory"), STRATEGIES, ids=IDS)
@given(data=st.data())
def test_strategies_build_valid_instances(
    cls: type[Any], factory: Any, data: st.DataObject
) -> None:
    obj = data.draw(factory())
    assert type(obj) is cls
    _revalidate(obj)


WITH_TEXT = [(cls, f) for cls, f in STRATEGIES if cls not in (Span, Role, Article)]


@pytest.mark.parametrize(("cls", "factory"), WITH_TEXT, ids=[c.__name__ for c, _ in WITH_TEXT])
@given(data=st.data())
def test_text_keeps_spans_inside_it(cls: type[Any], factory: Any, data: st.DataObject) -> None:
    obj = data.draw(factory(text=TEXT))
    assert all(s.end <= len(TEXT) for s in _spans_in(obj))
    # The evidence of the object itself is the text its span covers.
    evidence = getattr(obj, "content", None) if cls is Statement else getattr(obj, "text", None)
    span = getattr(obj, "span", None)
    if isinstance(span, Span) and evidence is not None:
        assert evidence == span.of(TEXT)


@pytest.mark.parametrize(("cls", "factory"), WITH_TEXT, ids=[c.__name__ for c, _ in WITH_TEXT])
@given(data=st.data())
def test_max_end_bounds_spans(cls: type[Any], factory: Any, data: st.DataObject) -> None:
    obj = data.draw(factory(max_end=7))
    assert all(s.end <= 7 for s in _spans_in(obj))


@given(cms.spans(max_end=30, min_start=10))
def test_spans_respect_bounds(span: Span) -> None:
    assert 10 <= span.start <= span.end <= 30


@given(cms.spans(max_end=0))
def test_empty_range_gives_empty_span(span: Span) -> None:
    assert span == Span(start=0, end=0)


@pytest.mark.parametrize(
    "kwargs",
    [{"max_end": -1}, {"max_end": 5, "min_start": 6}, {"max_end": True}, {"max_end": 2.5}],
    ids=["negative", "start after end", "bool", "float"],
)
def test_bad_arguments_are_rejected(kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgument):
        cms.spans(**kwargs)


def test_bad_max_end_for_objects_is_rejected() -> None:
    with pytest.raises(InvalidArgument):
        cms.actors(max_end=-3)


@given(cms.country_codes())
def test_country_codes_are_real(code: str) -> None:
    # Kosovo's user-assigned XK is accepted next to pycountry's codes (issue 13).
    assert pycountry.countries.get(alpha_2=code) is not None or code in USER_ASSIGNED_CODES
    assert Actor(id=f"state:{code}", name=code, kind="state", country=code).country == code


@given(cms.territory_codes())
def test_territory_codes_are_real(code: str) -> None:
    known = pycountry.countries.get(alpha_2=code) or pycountry.subdivisions.get(code=code)
    assert known is not None or code in USER_ASSIGNED_CODES
    assert Territory(id=code, name=code, code=code).code == code


@given(cms.dates())
def test_dates_are_dates_not_datetimes(day: dt.date) -> None:
    assert type(day) is dt.date
    assert TextDate(text="x", value=day).value == day


@given(cms.roles())
def test_roles_have_ordered_terms(role: Role) -> None:
    if role.start is not None and role.end is not None:
        assert role.start <= role.end
        assert role.held_on(role.start)


@given(cms.actors())
def test_actor_ids_follow_the_scheme(actor: Actor) -> None:
    prefix, _, rest = actor.id.partition(":")
    assert rest
    expected = {
        ActorKind.PERSON: "person",
        ActorKind.STATE: "state",
        ActorKind.ORGANIZATION: "org",
        ActorKind.MEDIA: "media",
        ActorKind.GROUP: "group",
        ActorKind.GOVERNMENT: "gov",
        ActorKind.UNKNOWN: "anon",
    }[actor.kind]
    assert prefix == expected
    if actor.kind is ActorKind.STATE and actor.country:
        assert rest == actor.country
    assert list(actor.mentions) == sorted(actor.mentions)


@given(cms.territories())
def test_territory_ids_follow_the_scheme(place: Territory) -> None:
    if place.code is not None:
        assert place.id == place.code
        assert place.kind in (TerritoryKind.COUNTRY, TerritoryKind.REGION)
        assert place.country == place.code[:2]
    else:
        assert place.id.startswith("area:")


@given(cms.positions())
def test_positions_always_have_a_target(position: Position) -> None:
    assert (
        position.proposal_id is not None
        or position.provision is not None
        or position.territory is not None
    )


@given(cms.provisions())
def test_provision_details_match_their_kind(provision: Provision) -> None:
    if provision.duration_days is not None:
        assert provision.kind is ProvisionKind.CEASEFIRE
    if provision.recognized_as is not None:
        assert provision.kind is ProvisionKind.TERRITORIAL_RECOGNITION


@given(cms.claims())
def test_claim_recognition_only_on_recognitions(claim: TerritorialClaim) -> None:
    if claim.recognized_as is not None:
        assert claim.kind in (ClaimKind.RECOGNIZES, ClaimKind.REJECTS_RECOGNITION)


def test_pools_are_used() -> None:
    pool = [Actor(id="group:m23", name="M23", kind="group")]
    places = [Territory(id="CD-NK", name="North Kivu", code="CD-NK", kind="region")]

    @given(
        cms.statements(text=TEXT, actors=pool),
        cms.positions(text=TEXT, actors=pool, territories=places, proposal_ids=["prop:1-2"]),
        cms.claims(text=TEXT, actors=pool, territories=places),
        cms.proposals(text=TEXT, actors=pool, territories=places),
    )
    def check(
        statement: Statement, position: Position, claim: TerritorialClaim, proposal: Proposal
    ) -> None:
        assert statement.speaker in (None, pool[0])
        assert statement.via in (None, pool[0])
        assert position.actor is pool[0]
        assert position.territory in (None, places[0])
        assert position.proposal_id in (None, "prop:1-2")
        assert claim.claimant is pool[0]
        assert claim.territory is places[0]
        assert set(proposal.recipients) <= set(pool)
        assert set(proposal.territories) <= set(places)

    check()


@given(cms.articles())
def test_articles_are_consistent(article: Article) -> None:
    n = len(article.text)
    assert all(s.end <= n for s in _spans_in(article))
    actors = set(article.actors)
    places = set(article.territories)
    assert len({a.id for a in article.actors}) == len(article.actors)
    for s in article.statements:
        assert s.content == article.evidence(s.span)
        assert s.speaker is None or s.speaker in actors
    proposal_ids = {p.id for p in article.proposals}
    for p in article.proposals:
        assert p.text == article.evidence(p.span)
        assert p.proposer is None or p.proposer in actors
        for prov in p.provisions:
            assert prov.text == article.evidence(prov.span)
            assert set(prov.territories) <= places
    for pos in article.positions:
        assert pos.actor in actors
        assert pos.proposal_id is None or pos.proposal_id in proposal_ids
    for c in article.claims:
        assert c.claimant in actors
        assert c.territory in places
    for d in article.dates:
        assert d.span is None or d.text == article.evidence(d.span)


@given(cms.articles(texts=st.just("Sanaa")))
def test_articles_take_a_text_strategy(article: Article) -> None:
    assert article.text == "Sanaa"


def test_missing_hypothesis_gives_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "hypothesis" or m.startswith("hypothesis.")]:
        monkeypatch.setitem(sys.modules, name, cast(Any, None))
    monkeypatch.delitem(sys.modules, "conflictmodel.strategies")
    with pytest.raises(ImportError, match=r"pip install 'conflictmodel\[strategies\]'"):
        importlib.import_module("conflictmodel.strategies")
