"""Actors: the people, states, organisations, media and anonymous sources an article names."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from conflictmodel._validators import (
    coerce_enum,
    is_bool,
    is_country_code,
    is_nonempty_str,
    is_optional_date,
    is_optional_str,
    is_wikidata_id,
    to_tuple,
    tuple_of,
)
from conflictmodel.errors import ValidationError
from conflictmodel.model.span import Span

__all__ = ["Actor", "ActorKind", "Role"]


class ActorKind(enum.Enum):
    """What sort of party an actor is.

    Example:
        >>> ActorKind("state").value
        'state'
    """

    PERSON = "person"
    STATE = "state"
    ORGANIZATION = "organization"
    MEDIA = "media"
    GROUP = "group"
    """An armed group, faction or movement (Hamas, RSF, M23)."""
    GOVERNMENT = "government"
    """A government body named as such (the Biden administration, the Foreign Ministry)."""
    UNKNOWN = "unknown"


def _to_actor_kind(value: Any) -> ActorKind:
    return coerce_enum(ActorKind, value)


@attrs.frozen(kw_only=True)
class Role:
    """A title an actor holds: "Kremlin spokesperson", "US envoy", "President".

    Attributes:
        title: the title as the text or gazetteer gives it.
        affiliation: the state or organisation the role belongs to, as a name.
        country: ISO 3166-1 alpha-2 code of the country the role implies.
        start, end: when the role was held, where known.

    Example:
        >>> Role(title="Kremlin spokesperson", country="RU").country
        'RU'
    """

    title: str = attrs.field(validator=is_nonempty_str)
    affiliation: str | None = attrs.field(default=None, validator=is_optional_str)
    country: str | None = attrs.field(default=None, validator=is_country_code)
    start: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    end: dt.date | None = attrs.field(default=None, validator=is_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValidationError(f"Role.end ({self.end}) is before start ({self.start})")

    def held_on(self, day: dt.date) -> bool:
        """True if the role was held on ``day`` (open ends count as held).

        Example:
            >>> import datetime as dt
            >>> Role(title="President", start=dt.date(2019, 5, 20)).held_on(dt.date(2025, 1, 1))
            True
        """
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class Actor:
    """A party to a conflict or its reporting.

    Attributes:
        id: a stable identifier: ``state:UA``, ``org:nato``, ``person:dmitry-peskov``,
            ``anon:russian-analyst``. The same entity gets the same id in every article.
        name: the canonical name.
        kind: see [`ActorKind`][conflictmodel.ActorKind].
        aliases: other names the actor goes by in the text or gazetteer.
        roles: titles held.
        country: ISO 3166-1 alpha-2 code of the actor's country.
        wikidata: a Wikidata id (``Q3874799``), where known.
        anonymous: an unnamed source ("a Western diplomat familiar with the discussions").
        description: for anonymous sources, the text that describes them.
        mentions: where the actor is mentioned in the article (provenance); empty for
            gazetteer entries that are not tied to a text.
        members: for a joint actor ("Smith and Jones", "the two ministers"), the ids of the
            actors it is made of; empty for any other actor.

    Example:
        >>> peskov = Actor(id="person:dmitry-peskov", name="Dmitry Peskov", kind="person",
        ...                roles=[Role(title="Kremlin spokesperson", country="RU")],
        ...                country="RU", mentions=[Span(start=21, end=34)])
        >>> peskov.kind, peskov.span, peskov.title
        (<ActorKind.PERSON: 'person'>, Span(start=21, end=34), 'Kremlin spokesperson')
    """

    id: str = attrs.field(validator=is_nonempty_str)
    name: str = attrs.field(validator=is_nonempty_str)
    kind: ActorKind = attrs.field(converter=_to_actor_kind)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=tuple_of(str))
    roles: tuple[Role, ...] = attrs.field(default=(), converter=to_tuple, validator=tuple_of(Role))
    country: str | None = attrs.field(default=None, validator=is_country_code)
    wikidata: str | None = attrs.field(default=None, validator=is_wikidata_id)
    anonymous: bool = attrs.field(default=False, validator=is_bool)
    description: str | None = attrs.field(default=None, validator=is_optional_str)
    mentions: tuple[Span, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Span)
    )
    members: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=tuple_of(str))

    @property
    def span(self) -> Span | None:
        """The first mention of the actor in the text, or None."""
        return min(self.mentions) if self.mentions else None

    @property
    def title(self) -> str | None:
        """The first role's title, or None."""
        return self.roles[0].title if self.roles else None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)

    def is_named(self, name: str) -> bool:
        """True if ``name`` is the actor's name or one of its aliases (case-insensitive).

        Example:
            >>> Actor(id="state:UA", name="Ukraine", kind="state", aliases=["Kyiv"]).is_named("kyiv")
            True
        """
        folded = name.casefold()
        return any(n.casefold() == folded for n in self.names)
