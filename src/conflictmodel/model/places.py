"""Places named in an article that are not at issue: datelines, venues, event locations."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from conflictmodel._validators import (
    coerce_enum,
    is_nonempty_str,
    is_territory_code,
    to_tuple,
    tuple_of,
)
from conflictmodel.model.span import Span
from conflictmodel.model.territories import NamedArea, TerritoryKind, _to_territory_kind

__all__ = ["Place", "PlaceRole"]


class PlaceRole(enum.Enum):
    """Why an article names a place.

    Example:
        >>> PlaceRole("venue")
        <PlaceRole.VENUE: 'venue'>
    """

    DATELINE = "dateline"
    """Where the story was filed ("KYIV, Ukraine (AP) —")."""
    VENUE = "venue"
    """Where a meeting, talks or a signing take place."""
    EVENT_LOCATION = "event_location"
    """Where something happened: a strike, a battle, a withdrawal."""
    ORIGIN = "origin"
    """Where people or things come from ("refugees from Khartoum")."""
    OTHER = "other"


def _to_place_role(value: Any) -> PlaceRole:
    return coerce_enum(PlaceRole, value)


@attrs.frozen(kw_only=True)
class Place(NamedArea):
    """A location the article names that is not itself at issue.

    Territories at issue (contested, occupied, to be ceded...) are
    [`Territory`][conflictmodel.Territory] objects; every other location the text names is a
    Place, so nothing is lost.

    Attributes:
        id: stable identifier: the place's own ISO code where it has one (``UA-59``), else a
            slug (``city:kramatorsk``, ``area:gaza-strip``).
        name: canonical English name.
        kind: country, region, city, disputed area... (see
            [`TerritoryKind`][conflictmodel.TerritoryKind]).
        code: the place's *own* ISO 3166-1 alpha-2 or ISO 3166-2 code; None for a city, or for
            an area that has none.
        parent: the ISO 3166-2 (or, failing that, ISO 3166-1) code of the region or state it
            lies in (``UA-14`` for Kramatorsk, ``UA`` for Donetsk oblast itself).
        role: why the article names it, see [`PlaceRole`][conflictmodel.PlaceRole].
        aliases: other names and spellings seen.
        mentions: where the text names it.

    Example:
        >>> p = Place(id="city:kramatorsk", name="Kramatorsk", kind="city", parent="UA-14",
        ...           role="event_location", mentions=[Span(start=20, end=30)])
        >>> p.country, p.code, p.role.value
        ('UA', None, 'event_location')
    """

    id: str = attrs.field(validator=is_nonempty_str)
    name: str = attrs.field(validator=is_nonempty_str)
    kind: TerritoryKind = attrs.field(default=TerritoryKind.OTHER, converter=_to_territory_kind)
    code: str | None = attrs.field(default=None, validator=is_territory_code)
    parent: str | None = attrs.field(default=None, validator=is_territory_code)
    role: PlaceRole = attrs.field(default=PlaceRole.OTHER, converter=_to_place_role)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=tuple_of(str))
    mentions: tuple[Span, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Span)
    )

    @property
    def country(self) -> str | None:
        """The ISO 3166-1 alpha-2 code of the country the place lies in, where known."""
        code = self.code or self.parent
        return code.split("-", 1)[0] if code else None
