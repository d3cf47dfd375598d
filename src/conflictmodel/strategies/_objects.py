"""Strategies for the model objects (actors, statements, proposals, events, articles…); public
through ``conflictmodel.strategies``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.article import Article
from conflictmodel.model.events import Casualties, Event, EventStatus, EventType
from conflictmodel.model.places import Place, PlaceRole
from conflictmodel.model.positions import Position, Stance
from conflictmodel.model.proposals import (
    Condition,
    Proposal,
    ProposalStatus,
    Provision,
    ProvisionKind,
)
from conflictmodel.model.statements import SpeakerSource, Statement, StatementKind
from conflictmodel.model.territories import ClaimKind, TerritorialClaim, Territory, TerritoryKind
from conflictmodel.strategies._primitives import (
    _ID_PREFIX,
    _MAX_END,
    _UNCODED_KINDS,
    _cached,
    _country_code_strategy,
    _evidence,
    _free_text,
    _limit,
    _maybe,
    _maybe_date,
    _maybe_duration,
    _maybe_name,
    _maybe_provision_kind,
    _maybe_slug,
    _maybe_wikidata,
    _maybe_word,
    _names,
    _room,
    _sample_or_nothing,
    _slugs,
    _span_strategy,
    _territory_code_strategy,
    article_texts,
    roles,
    spans,
    territory_codes,
    text_dates,
)

T = TypeVar("T")


def _pick_actor(
    pool: Sequence[Actor] | None, text: str | None, max_end: int
) -> st.SearchStrategy[Actor]:
    # An empty pool means "no actor available" (draws nothing), None means "make one up".
    return _sample_or_nothing(pool) if pool is not None else actors(text=text, max_end=max_end)


def _pick_territory(
    pool: Sequence[Territory] | None, text: str | None, max_end: int
) -> st.SearchStrategy[Territory]:
    return _sample_or_nothing(pool) if pool is not None else territories(text=text, max_end=max_end)


@st.composite
def _actors(draw: st.DrawFn, text: str | None, max_end: int) -> Actor:
    kind = draw(st.sampled_from(ActorKind))
    country = draw(_maybe(_country_code_strategy()))
    slug = draw(_slugs)
    ident = (
        f"state:{country}" if kind is ActorKind.STATE and country else f"{_ID_PREFIX[kind]}:{slug}"
    )
    anonymous = kind in (ActorKind.PERSON, ActorKind.UNKNOWN) and draw(st.booleans())
    mentions = draw(st.lists(spans(max_end), max_size=3, unique=True))
    return Actor(
        id=ident,
        name=draw(_names),
        kind=kind,
        aliases=draw(st.lists(_names, max_size=2, unique=True)),
        roles=draw(st.lists(roles(), max_size=2)) if kind is ActorKind.PERSON else (),
        country=country,
        wikidata=draw(_maybe_wikidata),
        anonymous=anonymous,
        description=draw(_free_text) if anonymous else None,
        mentions=sorted(mentions),
    )


def actors(*, text: str | None = None, max_end: int = _MAX_END) -> st.SearchStrategy[Actor]:
    """Actors of every kind, with ids in the library's scheme (``state:UA``, ``person:...``).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(actors(text="Kyiv and Moscow"))
        ... def check(actor):
        ...     assert actor.id.split(":")[0] in ("person", "state", "org", "media", "group", "gov", "anon")
        ...     assert all(m.end <= len("Kyiv and Moscow") for m in actor.mentions)
        >>> check()
    """
    return _cached(_actors, text, _limit(text, max_end))


@st.composite
def _territories(draw: st.DrawFn, text: str | None, max_end: int) -> Territory:
    code = draw(_maybe(_territory_code_strategy()))
    members: list[str] = []
    kind: TerritoryKind
    if code is None:
        kind = draw(st.sampled_from(_UNCODED_KINDS))
        ident = f"area:{draw(_slugs)}"
        parent = draw(_maybe(_country_code_strategy()))
        if kind is TerritoryKind.REGION_GROUP:
            members = draw(st.lists(territory_codes(), max_size=3, unique=True))
    else:
        ident = code
        kind = TerritoryKind.COUNTRY if len(code) == 2 else TerritoryKind.REGION
        parent = None if len(code) == 2 else code.split("-", 1)[0]
    return Territory(
        id=ident,
        name=draw(_names),
        code=code,
        kind=kind,
        aliases=draw(st.lists(_names, max_size=2, unique=True)),
        parent=parent,
        members=members,
        mentions=sorted(draw(st.lists(spans(max_end), max_size=3, unique=True))),
    )


def territories(
    *, text: str | None = None, max_end: int = _MAX_END
) -> st.SearchStrategy[Territory]:
    """Territories: ISO-coded countries and regions (id = code) and ``area:`` places.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(territories())
        ... def check(place):
        ...     assert place.id == place.code or place.id.startswith("area:")
        >>> check()
    """
    return _cached(_territories, text, _limit(text, max_end))


@st.composite
def _statements(
    draw: st.DrawFn, text: str | None, max_end: int, pool: Sequence[Actor] | None
) -> Statement:
    span, content = draw(_evidence(text, max_end))
    cue = draw(_maybe_word)
    maybe_actor = st.none() | _pick_actor(pool, text, max_end)
    return Statement(
        id=f"stmt:{span.start}-{span.end}",
        content=content,
        kind=draw(st.sampled_from(StatementKind)),
        span=span,
        speaker=draw(maybe_actor),
        speaker_span=draw(_maybe(_span_strategy(0, max_end))),
        cue=cue,
        cue_span=draw(spans(max_end)) if cue is not None else None,
        via=draw(maybe_actor),
        date=draw(_maybe(text_dates(text=text, max_end=max_end))),
        speaker_source=draw(st.sampled_from(SpeakerSource)),
    )


def statements(
    *, text: str | None = None, max_end: int = _MAX_END, actors: Sequence[Actor] | None = None
) -> st.SearchStrategy[Statement]:
    """Statements (direct, partial, reported), speakers picked from ``actors`` if given.

    With ``text``, ``content`` is the text the span covers.

    Example:
        >>> from hypothesis import find
        >>> s = find(statements(text='"No," he said.'), lambda s: len(s.span) > 3)
        >>> s.content == s.span.of('"No," he said.'), s.id == f"stmt:{s.span.start}-{s.span.end}"
        (True, True)
    """
    return _statements(text, _limit(text, max_end), actors)


@st.composite
def _provisions(
    draw: st.DrawFn,
    text: str | None,
    max_end: int,
    actor_pool: Sequence[Actor] | None,
    territory_pool: Sequence[Territory] | None,
) -> Provision:
    kind = draw(st.sampled_from(ProvisionKind))
    span, written = draw(_evidence(text, max_end))
    recognition = kind is ProvisionKind.TERRITORIAL_RECOGNITION
    timed = kind is ProvisionKind.CEASEFIRE
    return Provision(
        kind=kind,
        text=written,
        span=span,
        territories=draw(
            st.lists(
                _pick_territory(territory_pool, text, max_end),
                max_size=_room(territory_pool, 2),
                unique_by=_id,
            )
        ),
        parties=draw(
            st.lists(
                _pick_actor(actor_pool, text, max_end), max_size=_room(actor_pool, 2), unique_by=_id
            )
        ),
        recognized_as=draw(_maybe(_country_code_strategy())) if recognition else None,
        duration_days=draw(_maybe_duration) if timed else None,
        label=draw(_maybe_slug) if kind is ProvisionKind.OTHER else None,
    )


def _id(obj: Actor | Territory | Place) -> str:
    return obj.id


def provisions(
    *,
    text: str | None = None,
    max_end: int = _MAX_END,
    actors: Sequence[Actor] | None = None,
    territories: Sequence[Territory] | None = None,
) -> st.SearchStrategy[Provision]:
    """Typed provisions of proposals (a duration only on ceasefires, a state only on recognitions).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(provisions())
        ... def check(provision):
        ...     assert provision.duration_days is None or provision.kind is ProvisionKind.CEASEFIRE
        >>> check()
    """
    return _provisions(text, _limit(text, max_end), actors, territories)


@st.composite
def _conditions(draw: st.DrawFn, text: str | None, max_end: int) -> Condition:
    span, written = draw(_evidence(text, max_end))
    return Condition(text=written, span=span)


def conditions(*, text: str | None = None, max_end: int = _MAX_END) -> st.SearchStrategy[Condition]:
    """Conditions attached to proposals.

    Example:
        >>> from hypothesis import find
        >>> find(conditions(text="if the guns fall silent"), lambda c: c.text.startswith("if")).span
        Span(start=0, end=2)
    """
    return _cached(_conditions, text, _limit(text, max_end))


@st.composite
def _proposals(
    draw: st.DrawFn,
    text: str | None,
    max_end: int,
    actor_pool: Sequence[Actor] | None,
    territory_pool: Sequence[Territory] | None,
) -> Proposal:
    span, written = draw(_evidence(text, max_end))
    maybe_actor = st.none() | _pick_actor(actor_pool, text, max_end)
    return Proposal(
        id=f"prop:{span.start}-{span.end}",
        trigger=draw(st.sampled_from(("proposal", "plan", "deal", "demand", "framework"))),
        text=written,
        span=span,
        proposer=draw(maybe_actor),
        recipients=draw(
            st.lists(
                _pick_actor(actor_pool, text, max_end), max_size=_room(actor_pool, 2), unique_by=_id
            )
        ),
        provisions=draw(
            st.lists(
                provisions(
                    text=text, max_end=max_end, actors=actor_pool, territories=territory_pool
                ),
                max_size=3,
            )
        ),
        conditions=draw(st.lists(conditions(text=text, max_end=max_end), max_size=2)),
        status=draw(st.sampled_from(ProposalStatus)),
        mentions=sorted(draw(st.lists(spans(max_end), max_size=2, unique=True))),
        venue=draw(_maybe_name),
        date=draw(_maybe(text_dates(text=text, max_end=max_end))),
        source=draw(maybe_actor),
    )


def proposals(
    *,
    text: str | None = None,
    max_end: int = _MAX_END,
    actors: Sequence[Actor] | None = None,
    territories: Sequence[Territory] | None = None,
) -> st.SearchStrategy[Proposal]:
    """Proposals with provisions and conditions; ids follow ``prop:<start>-<end>``.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(proposals())
        ... def check(proposal):
        ...     assert proposal.id == f"prop:{proposal.span.start}-{proposal.span.end}"
        >>> check()
    """
    return _proposals(text, _limit(text, max_end), actors, territories)


@st.composite
def _positions(
    draw: st.DrawFn,
    text: str | None,
    max_end: int,
    actor_pool: Sequence[Actor] | None,
    territory_pool: Sequence[Territory] | None,
    proposal_ids: Sequence[str] | None,
) -> Position:
    span, written = draw(_evidence(text, max_end))
    ids = (
        _sample_or_nothing(proposal_ids)
        if proposal_ids is not None
        else _slugs.map("prop:{}".format)
    )
    proposal_id = draw(st.none() | ids)
    provision = draw(_maybe_provision_kind)
    territory = draw(st.none() | _pick_territory(territory_pool, text, max_end))
    if proposal_id is None and provision is None and territory is None:
        provision = draw(st.sampled_from(ProvisionKind))  # a position is always on something
    return Position(
        actor=draw(_pick_actor(actor_pool, text, max_end)),
        stance=draw(st.sampled_from(Stance)),
        text=written,
        span=span,
        cue=draw(_maybe_word),
        proposal_id=proposal_id,
        provision=provision,
        territory=territory,
        statement=draw(st.none() | statements(text=text, max_end=max_end, actors=actor_pool)),
        date=draw(_maybe(text_dates(text=text, max_end=max_end))),
    )


def positions(
    *,
    text: str | None = None,
    max_end: int = _MAX_END,
    actors: Sequence[Actor] | None = None,
    territories: Sequence[Territory] | None = None,
    proposal_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Position]:
    """Positions, each on at least one of a proposal id, a provision kind or a territory.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(positions(proposal_ids=["prop:0-9"]))
        ... def check(position):
        ...     assert position.proposal_id in (None, "prop:0-9")
        ...     assert position.proposal_id or position.provision or position.territory
        >>> check()
    """
    return _positions(text, _limit(text, max_end), actors, territories, proposal_ids)


@st.composite
def _claims(
    draw: st.DrawFn,
    text: str | None,
    max_end: int,
    actor_pool: Sequence[Actor] | None,
    territory_pool: Sequence[Territory] | None,
) -> TerritorialClaim:
    kind = draw(st.sampled_from(ClaimKind))
    span, written = draw(_evidence(text, max_end))
    recognition = kind in (ClaimKind.RECOGNIZES, ClaimKind.REJECTS_RECOGNITION)
    return TerritorialClaim(
        claimant=draw(_pick_actor(actor_pool, text, max_end)),
        territory=draw(_pick_territory(territory_pool, text, max_end)),
        kind=kind,
        text=written,
        span=span,
        since=draw(_maybe(text_dates(text=text, max_end=max_end))),
        recognized_as=draw(_maybe(_country_code_strategy())) if recognition else None,
    )


def claims(
    *,
    text: str | None = None,
    max_end: int = _MAX_END,
    actors: Sequence[Actor] | None = None,
    territories: Sequence[Territory] | None = None,
) -> st.SearchStrategy[TerritorialClaim]:
    """Territorial claims (a ``recognized_as`` state only on recognitions).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(claims())
        ... def check(claim):
        ...     if claim.recognized_as is not None:
        ...         assert claim.kind in (ClaimKind.RECOGNIZES, ClaimKind.REJECTS_RECOGNITION)
        >>> check()
    """
    return _claims(text, _limit(text, max_end), actors, territories)


@st.composite
def _places(draw: st.DrawFn, text: str | None, max_end: int) -> Place:
    code = draw(_maybe(_territory_code_strategy()))
    if code is None:
        kind = draw(st.sampled_from([TerritoryKind.CITY, TerritoryKind.DISPUTED_AREA]))
        ident = f"{'city' if kind is TerritoryKind.CITY else 'area'}:{draw(_slugs)}"
        parent = draw(_maybe(_territory_code_strategy()))
    else:
        ident = code
        kind = TerritoryKind.COUNTRY if len(code) == 2 else TerritoryKind.REGION
        parent = None if len(code) == 2 else code.split("-", 1)[0]
    return Place(
        id=ident,
        name=draw(_names),
        kind=kind,
        code=code,
        parent=parent,
        role=draw(st.sampled_from(PlaceRole)),
        aliases=draw(st.lists(_names, max_size=2, unique=True)),
        mentions=sorted(draw(st.lists(spans(max_end), max_size=3, unique=True))),
    )


def places(*, text: str | None = None, max_end: int = _MAX_END) -> st.SearchStrategy[Place]:
    """Places: ISO-coded countries and regions (id = code), cities and areas with a parent.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(places())
        ... def check(place):
        ...     assert place.code is None or place.id == place.code
        >>> check()
    """
    return _cached(_places, text, _limit(text, max_end))


@st.composite
def _casualties(draw: st.DrawFn, text: str | None, max_end: int) -> Casualties:
    span, evidence = draw(_evidence(text, max_end))
    return Casualties(
        text=evidence,
        span=span,
        count=draw(st.none() | st.integers(0, 10**6)),
        approximate=draw(st.booleans()),
    )


@st.composite
def _events(
    draw: st.DrawFn,
    text: str | None,
    max_end: int,
    pool: Sequence[Actor] | None,
    place_pool: Sequence[Place] | None,
) -> Event:
    span, _ = draw(_evidence(text, max_end))
    pick = _pick_actor(pool, text, max_end)
    place = _sample_or_nothing(place_pool) if place_pool else places(text=text, max_end=max_end)
    casualties = _casualties(text, max_end)
    etype = draw(st.sampled_from(EventType))
    return Event(
        id=f"event:{span.start}-{span.end}",
        type=etype,
        span=span,
        mode=draw(st.none() | st.sampled_from(etype.modes)) if etype.modes else None,
        status=draw(st.sampled_from(EventStatus)),
        trigger=draw(_maybe_word),
        actors=draw(st.lists(pick, max_size=2, unique_by=_id)),
        targets=draw(st.lists(pick, max_size=2, unique_by=_id)),
        mediator=draw(st.none() | pick),
        place=draw(st.none() | place),
        date=draw(_maybe(text_dates(text=text, max_end=max_end))),
        killed=draw(st.none() | casualties),
        wounded=draw(st.none() | casualties),
        proposal_id=draw(st.none() | _slugs.map("prop:{}".format)),
    )


def events(
    *,
    text: str | None = None,
    max_end: int = _MAX_END,
    actors: Sequence[Actor] | None = None,
    places: Sequence[Place] | None = None,
) -> st.SearchStrategy[Event]:
    """Events of every PLOVER type, participants picked from ``actors`` and the place from
    ``places`` if given.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(events())
        ... def check(event):
        ...     assert event.id == f"event:{event.span.start}-{event.span.end}"
        >>> check()
    """
    return _events(text, _limit(text, max_end), actors, places)


@st.composite
def _articles(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> Article:
    text = draw(texts)
    n = len(text)
    actor_pool = draw(st.lists(actors(text=text), max_size=3, unique_by=_id))
    territory_pool = draw(st.lists(territories(text=text), max_size=3, unique_by=_id))
    props = draw(
        st.lists(
            proposals(text=text, actors=actor_pool, territories=territory_pool),
            max_size=2,
            unique_by=lambda p: p.id,
        )
    )
    place_pool = draw(st.lists(places(text=text), max_size=2, unique_by=_id))
    stance_list: list[Position] = []
    claim_list: list[TerritorialClaim] = []
    if actor_pool:  # positions and claims need an actor of the article
        stance_list = draw(
            st.lists(
                positions(
                    text=text,
                    actors=actor_pool,
                    territories=territory_pool,
                    proposal_ids=[p.id for p in props],
                ),
                max_size=2,
            )
        )
        if territory_pool:
            claim_list = draw(
                st.lists(
                    claims(text=text, actors=actor_pool, territories=territory_pool), max_size=2
                )
            )
    return Article(
        text=text,
        title=draw(st.none() | _free_text),
        outlet=draw(_maybe_name),
        published=draw(_maybe_date),
        url=draw(st.none() | _slugs.map("https://news.example/{}".format)),
        actors=actor_pool,
        territories=territory_pool,
        statements=draw(
            st.lists(statements(text=text, actors=actor_pool), max_size=3, unique_by=lambda s: s.id)
        ),
        proposals=props,
        positions=stance_list,
        claims=claim_list,
        places=place_pool,
        events=draw(
            st.lists(
                events(text=text, actors=actor_pool or None, places=place_pool or None),
                max_size=2,
                unique_by=lambda e: e.id,
            )
        ),
        dates=draw(st.lists(text_dates(text=text), max_size=2)),
        furniture=sorted(draw(st.lists(spans(n), max_size=2, unique=True))),
    )


def articles(*, texts: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Article]:
    """Consistent Articles: the text first, then everything in it, all spans inside it.

    Args:
        texts: where the article text comes from; default
            [`article_texts()`][conflictmodel.strategies.article_texts].

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(articles())
        ... def check(art):
        ...     assert all(s.content == art.evidence(s.span) for s in art.statements)
        ...     assert {s.speaker for s in art.statements} <= {None, *art.actors}
        >>> check()
    """
    return _articles(texts if texts is not None else article_texts())
