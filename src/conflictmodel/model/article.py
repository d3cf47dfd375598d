"""The Article: a text and everything extracted from it."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Any, TypeVar

import attrs

from conflictmodel._validators import (
    coerce_enum,
    is_json_object,
    is_optional_date,
    is_optional_str,
    is_str,
    to_tuple,
    tuple_of,
)
from conflictmodel.errors import ValidationError
from conflictmodel.model._fields import fields_holding
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.events import Event, EventType
from conflictmodel.model.places import Place
from conflictmodel.model.positions import Position
from conflictmodel.model.proposals import Proposal, ProvisionKind
from conflictmodel.model.span import Span
from conflictmodel.model.statements import Statement
from conflictmodel.model.territories import TerritorialClaim, Territory
from conflictmodel.model.textdates import TextDate

__all__ = ["Article"]

_T = TypeVar("_T")


_SPAN_FIELDS = (
    "actors",
    "territories",
    "statements",
    "proposals",
    "positions",
    "claims",
    "places",
    "events",
    "dates",
    "furniture",
)


_FIELD_NAMES: dict[type[Any], tuple[str, ...] | None] = {}


def _field_names(cls: type[Any]) -> tuple[str, ...] | None:
    """Names of the fields of an attrs class that can hold a span (by their declared types),
    None for other types; cached (``attrs.has`` is slow)."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = fields_holding(cls, (Span,))
        _FIELD_NAMES[cls] = names
        return names


def _first_span_beyond(items: tuple[Any, ...], limit: int, seen: set[int]) -> Span | None:
    """The first Span reachable from ``items`` that ends after ``limit``, or None.

    The same Actor or Territory object is typically shared by many statements, proposals and
    positions, so each model object is walked once (``seen`` holds their ids): the check is
    linear in the number of distinct objects, not in the number of references to them.
    """
    stack: list[Any] = list(items)
    while stack:
        obj = stack.pop()
        if isinstance(obj, Span):
            if obj.end > limit:
                return obj
        elif isinstance(obj, tuple):
            # Shared tuples (a proposal's provisions, held by all its positions) once each.
            if obj and id(obj) not in seen:
                seen.add(id(obj))
                stack.extend(obj)
        elif isinstance(obj, str | int | float | enum.Enum | dt.date) or obj is None:
            continue
        elif id(obj) not in seen:
            names = _field_names(type(obj))
            if names is not None:
                seen.add(id(obj))
                stack.extend(getattr(obj, name) for name in names)
    return None


def _spans_fit(items: Any, limit: int, seen: set[int]) -> bool:
    """Whether every Span reachable from ``items`` ends at or before ``limit``.

    The same walk as ``_first_span_beyond`` (each model object and tuple once), in whatever
    order is quickest: the spans of a tuple (an actor's mentions) are checked as they are met
    instead of one by one through the stack.  A valid article, the usual case, needs no more;
    an invalid one is walked again in ``_first_span_beyond``'s order to name the span.
    """
    stack: list[Any] = list(items)
    pop, push = stack.pop, stack.append
    while stack:
        obj = pop()
        cls = type(obj)
        if cls is Span:
            if obj.end > limit:
                return False
        elif cls is tuple or isinstance(obj, tuple):
            if obj and id(obj) not in seen:
                seen.add(id(obj))
                for x in obj:
                    if type(x) is Span:
                        if x.end > limit:
                            return False
                    else:
                        push(x)
        elif isinstance(obj, Span):
            if obj.end > limit:
                return False
        elif isinstance(obj, str | int | float | enum.Enum | dt.date) or obj is None:
            continue
        elif id(obj) not in seen:
            names = _field_names(cls)
            if names is not None:
                seen.add(id(obj))
                for name in names:
                    push(getattr(obj, name))
    return True


def _match_actor(actor: Actor | str, candidate: Actor | None) -> bool:
    if candidate is None:
        return False
    if isinstance(actor, Actor):
        return candidate.id == actor.id
    return candidate.id == actor or candidate.is_named(actor)


def _match_territory(territory: Territory | str, candidate: Territory) -> bool:
    if isinstance(territory, Territory):
        return candidate.id == territory.id
    return candidate.is_named(territory)


@attrs.frozen(kw_only=True)
class Article:
    """A news article and the domain objects found in it.

    Every extracted object carries spans into ``text``; constructing an Article checks that they
    all lie inside it, and that each provision's ``text`` is exactly the text at its span.

    Attributes:
        text: the article text, exactly as given to the parser.
        title, outlet, url: metadata, where known.
        published: the publication date, where known (relative dates resolve against it).
        actors, territories, statements, proposals, positions, claims: what was found.
        places: locations named that are not at issue (datelines, venues, where events
            happened); territories at issue are in ``territories``.
        events: what happened or is planned (meetings, agreements, attacks...), PLOVER-coded.
        dates: every date expression found.
        furniture: spans of page furniture (captions, credits, "Related Stories") that parsers
            kept out of statements and proposals.
        extras: what custom stages stored in ``ctx.extras``, keyed by their names: JSON values
            only, so they survive ``to_json``/``from_json`` (the built-in stages leave it empty).

    Example:
        >>> import conflictmodel
        >>> art = conflictmodel.parse_article(
        ...     '"We will not cede an inch," Armenian Prime Minister Nikol Pashinyan said.')
        >>> [(s.content, s.speaker.name) for s in art.statements]
        [('We will not cede an inch,', 'Nikol Pashinyan')]
        >>> [s.content for s in art.statements_by("Pashinyan")]
        ['We will not cede an inch,']
    """

    text: str = attrs.field(validator=is_str)
    title: str | None = attrs.field(default=None, validator=is_optional_str)
    outlet: str | None = attrs.field(default=None, validator=is_optional_str)
    published: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    url: str | None = attrs.field(default=None, validator=is_optional_str)
    actors: tuple[Actor, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Actor)
    )
    territories: tuple[Territory, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Territory)
    )
    statements: tuple[Statement, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Statement)
    )
    proposals: tuple[Proposal, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Proposal)
    )
    positions: tuple[Position, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Position)
    )
    claims: tuple[TerritorialClaim, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(TerritorialClaim)
    )
    places: tuple[Place, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Place)
    )
    events: tuple[Event, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Event)
    )
    dates: tuple[TextDate, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(TextDate)
    )
    furniture: tuple[Span, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Span)
    )
    extras: dict[str, Any] = attrs.field(factory=dict, validator=is_json_object, hash=False)

    def __attrs_post_init__(self) -> None:
        n = len(self.text)
        seen: set[int] = set()
        if not all(_spans_fit(getattr(self, field), n, seen) for field in _SPAN_FIELDS):
            self._raise_outside(n)
        # A provision's text is its evidence, so it must be exactly the text at its span.
        for i, proposal in enumerate(self.proposals):
            for j, provision in enumerate(proposal.provisions):
                if provision.span.of(self.text) != provision.text:
                    raise ValidationError(
                        f"Article.proposals[{i}].provisions[{j}].text is "
                        f"{provision.text!r}, but the text at its span is "
                        f"{provision.span.of(self.text)!r}"
                    )

    def _raise_outside(self, n: int) -> None:
        """Raise for the first span (in the order of ``_first_span_beyond``) past ``n``."""
        seen: set[int] = set()
        for field in _SPAN_FIELDS:
            span = _first_span_beyond(getattr(self, field), n, seen)
            if span is not None:
                raise ValidationError(
                    f"Article.{field}: {span!r} lies outside the text ({n} characters)"
                )

    def evidence(self, span: Span) -> str:
        """The text a span points at.

        Example:
            >>> Article(text="Kyiv said no.").evidence(Span(start=0, end=4))
            'Kyiv'
        """
        return span.of(self.text)

    @functools.cached_property
    def _by_id(self) -> dict[tuple[str, str], Any]:
        """``(list name, id) -> object`` for the lists whose objects have ids; built once.

        The first object wins when two share an id, as ``from_json`` resolves references.
        """
        table: dict[tuple[str, str], Any] = {}
        for name in ("actors", "territories", "places", "statements", "proposals", "events"):
            for obj in getattr(self, name):
                table.setdefault((name, obj.id), obj)
        return table

    def _get(self, name: str, key: str, cls: type[_T]) -> _T | None:
        found = self._by_id.get((name, key))
        return found if isinstance(found, cls) else None

    def actor_by_id(self, actor_id: str) -> Actor | None:
        """The actor in ``actors`` with this id, or None.

        Example:
            >>> a = Actor(id="state:SD", name="Sudan", kind="state")
            >>> Article(text="Sudan", actors=[a]).actor_by_id("state:SD").name
            'Sudan'
            >>> Article(text="Sudan", actors=[a]).actor_by_id("Sudan") is None
            True
        """
        return self._get("actors", actor_id, Actor)

    def territory_by_id(self, territory_id: str) -> Territory | None:
        """The territory in ``territories`` with this id, or None.

        Example:
            >>> t = Territory(id="IN-JK", name="Jammu and Kashmir", code="IN-JK")
            >>> Article(text="", territories=[t]).territory_by_id("IN-JK").name
            'Jammu and Kashmir'
        """
        return self._get("territories", territory_id, Territory)

    def place_by_id(self, place_id: str) -> Place | None:
        """The place in ``places`` with this id, or None.

        Example:
            >>> goma = Place(id="city:goma-cd", name="Goma", kind="city", parent="CD")
            >>> Article(text="", places=[goma]).place_by_id("city:goma-cd").parent
            'CD'
        """
        return self._get("places", place_id, Place)

    def statement_by_id(self, statement_id: str) -> Statement | None:
        """The statement in ``statements`` with this id, or None.

        Example:
            >>> import conflictmodel
            >>> art = conflictmodel.parse_article('"We want peace," Aliyev said.')
            >>> art.statement_by_id(art.statements[0].id).content
            'We want peace,'
        """
        return self._get("statements", statement_id, Statement)

    def proposal_by_id(self, proposal_id: str) -> Proposal | None:
        """The proposal in ``proposals`` with this id (a position's or an event's
        ``proposal_id``), or None.

        Example:
            >>> Article(text="").proposal_by_id("prop:0-40") is None
            True
        """
        return self._get("proposals", proposal_id, Proposal)

    def event_by_id(self, event_id: str) -> Event | None:
        """The event in ``events`` with this id, or None.

        Example:
            >>> e = Event(id="event:0-12", type="assault", span=Span(start=0, end=12))
            >>> Article(text="Goma shelled", events=[e]).event_by_id("event:0-12").type.value
            'assault'
        """
        return self._get("events", event_id, Event)

    def actor(self, name: str) -> Actor | None:
        """The actor with this id, name or alias, or None.

        Example:
            >>> a = Actor(id="state:UA", name="Ukraine", kind="state", aliases=["Kyiv"])
            >>> Article(text="Kyiv", actors=[a]).actor("Kyiv").id
            'state:UA'
        """
        for a in self.actors:
            if a.id == name or a.is_named(name):
                return a
        folded = name.casefold()
        for a in self.actors:  # a surname or other part of a person's name
            if a.kind is ActorKind.PERSON and folded in a.name.casefold().split():
                return a
        return None

    def territory(self, name: str) -> Territory | None:
        """The territory with this id, ISO code, name or alias, or None."""
        return next((t for t in self.territories if t.is_named(name)), None)

    def place(self, name: str) -> Place | None:
        """The place with this id, ISO code, name or alias, or None.

        Example:
            >>> sumy = Place(id="UA-59", name="Sumy", code="UA-59", kind="region")
            >>> Article(text="", places=[sumy]).place("Sumy").code
            'UA-59'
        """
        return next((p for p in self.places if p.is_named(name)), None)

    def events_of(self, kind: EventType | str) -> tuple[Event, ...]:
        """Events of one PLOVER type (an EventType or its lower-case value).

        Raises:
            ValidationError: ``kind`` is not an event type.

        Example:
            >>> Article(text="").events_of("assault")
            ()
        """
        wanted = coerce_enum(EventType, kind)
        return tuple(e for e in self.events if e.type is wanted)

    def events_involving(self, actor: Actor | str) -> tuple[Event, ...]:
        """Events in which ``actor`` (an Actor, an id, a name, alias or surname) is an actor,
        a target or the mediator.

        Example:
            >>> Article(text="").events_involving("Sudan")
            ()
        """
        if isinstance(actor, str):
            resolved = self.actor(actor)
            if resolved is None:
                return ()
            actor = resolved
        return tuple(
            e
            for e in self.events
            if any(
                _match_actor(actor, a)
                for a in (*e.actors, *e.targets, *((e.mediator,) if e.mediator else ()))
            )
        )

    def statements_by(self, actor: Actor | str, *, joint: bool = True) -> tuple[Statement, ...]:
        """Statements whose speaker is ``actor`` (an Actor, an id, a name, alias or surname),
        and, with ``joint`` (the default), those of a joint speaker it is a member of ("Smith
        and Jones wrote").

        Example:
            >>> smith = Actor(id="person:ann-smith", name="Ann Smith", kind="person")
            >>> pair = Actor(id="group:smith-and-jones", name="Smith and Jones", kind="group",
            ...              members=["person:ann-smith", "person:bo-jones"])
            >>> text = "Smith and Jones wrote that talks had stalled."
            >>> s = Statement(id="stmt:27-44", content="talks had stalled", kind="reported",
            ...               span=Span(start=27, end=44), speaker=pair)
            >>> art = Article(text=text, actors=[smith, pair], statements=[s])
            >>> len(art.statements_by("Smith")), len(art.statements_by("Smith", joint=False))
            (1, 0)
        """
        if isinstance(actor, str):
            resolved = self.actor(actor)
            if resolved is None:
                return ()
            actor = resolved
        wanted = actor.id
        return tuple(
            s
            for s in self.statements
            if _match_actor(actor, s.speaker)
            or (joint and s.speaker is not None and wanted in s.speaker.members)
        )

    def proposals_naming(self, territory: Territory | str) -> tuple[Proposal, ...]:
        """Proposals with a provision that names ``territory`` (a Territory, code or name).

        Example:
            >>> Article(text="").proposals_naming("UA-43")
            ()
        """
        return tuple(
            p for p in self.proposals if any(_match_territory(territory, t) for t in p.territories)
        )

    def proposals_with(self, kind: ProvisionKind | str) -> tuple[Proposal, ...]:
        """Proposals with at least one provision of ``kind``.

        Raises:
            ValidationError: ``kind`` is not a provision kind.

        Example:
            >>> Article(text="").proposals_with("ceasefire")
            ()
        """
        wanted = coerce_enum(ProvisionKind, kind)
        return tuple(p for p in self.proposals if wanted in p.provision_kinds)

    def positions_of(self, actor: Actor | str) -> tuple[Position, ...]:
        """Positions held by ``actor``."""
        if isinstance(actor, str):
            resolved = self.actor(actor)
            if resolved is None:
                return ()
            actor = resolved
        return tuple(p for p in self.positions if _match_actor(actor, p.actor))

    def positions_on(self, target: Territory | ProvisionKind | str) -> tuple[Position, ...]:
        """Positions on a territory (Territory, code or name) or a provision kind.

        Example:
            >>> Article(text="").positions_on("territorial_recognition")
            ()
        """
        kind: ProvisionKind | None = None
        if isinstance(target, ProvisionKind):
            kind = target
        elif isinstance(target, str) and target in ProvisionKind._value2member_map_:
            kind = ProvisionKind(target)
        if kind is not None:
            return tuple(p for p in self.positions if p.provision is kind)
        assert not isinstance(target, ProvisionKind)
        return tuple(
            p
            for p in self.positions
            if p.territory is not None and _match_territory(target, p.territory)
        )

    def claims_on(self, territory: Territory | str) -> tuple[TerritorialClaim, ...]:
        """Territorial claims about ``territory``."""
        return tuple(c for c in self.claims if _match_territory(territory, c.territory))
