"""Territories and the claims parties make over them."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from conflictmodel._validators import (
    coerce_enum,
    instance_of,
    is_country_code,
    is_nonempty_str,
    is_optional_str,
    is_str,
    is_territory_code,
    optional_instance_of,
    to_tuple,
    tuple_of,
)
from conflictmodel.model.actors import Actor
from conflictmodel.model.span import Span
from conflictmodel.model.textdates import TextDate

__all__ = ["ClaimKind", "TerritorialClaim", "Territory", "TerritoryKind"]


class TerritoryKind(enum.Enum):
    """What sort of place a territory is.

    Example:
        >>> TerritoryKind("region")
        <TerritoryKind.REGION: 'region'>
    """

    COUNTRY = "country"
    REGION = "region"
    """A first-level subdivision (oblast, province, state, governorate)."""
    DISPUTED_AREA = "disputed_area"
    """An area with no ISO code of its own (Gaza Strip, Nagorno-Karabakh, Kashmir)."""
    REGION_GROUP = "region_group"
    """A named group of regions (Donbas)."""
    CITY = "city"
    OTHER = "other"


class ClaimKind(enum.Enum):
    """The relation a claim asserts between an actor and a territory.

    Example:
        >>> ClaimKind("annexed").value
        'annexed'
    """

    CLAIMS = "claims"
    """Claims sovereignty over it."""
    CONTROLS = "controls"
    """Holds it in fact (military or administrative control)."""
    ANNEXED = "annexed"
    OCCUPIES = "occupies"
    RECOGNIZES = "recognizes"
    """Recognises it as belonging to someone (see ``recognized_as``)."""
    REJECTS_RECOGNITION = "rejects_recognition"
    DISPUTES = "disputes"


def _to_territory_kind(value: Any) -> TerritoryKind:
    return coerce_enum(TerritoryKind, value)


def _to_claim_kind(value: Any) -> ClaimKind:
    return coerce_enum(ClaimKind, value)


class NamedArea:
    """What territories and places share: a name, aliases, an id, an own ISO code and the
    spans where the text names them."""

    # Filled by the attrs classes that inherit this; no slots of its own.
    __slots__ = ()
    id: str
    name: str
    code: str | None
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]

    @property
    def span(self) -> Span | None:
        """The first mention in the text, or None."""
        return min(self.mentions) if self.mentions else None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)

    def is_named(self, name: str) -> bool:
        """True if ``name`` is the name, an alias, the code or the id (case-insensitive).

        Example:
            >>> Territory(id="UA-43", name="Crimea", code="UA-43").is_named("ua-43")
            True
        """
        folded = name.casefold()
        return any(n.casefold() == folded for n in (*self.names, self.id, self.code or "") if n)


@attrs.frozen(kw_only=True)
class Territory(NamedArea):
    """A place that is the subject of a conflict.

    Attributes:
        id: stable identifier: the ISO code where there is one (``UA-43``), else ``area:slug``.
        name: canonical English name.
        code: ISO 3166-1 alpha-2 or ISO 3166-2 code, checked against pycountry.
        kind: see [`TerritoryKind`][conflictmodel.TerritoryKind].
        aliases: other names and spellings (Zaporizhia, Zaporozhye).
        parent: the code or id of the containing territory (``UA`` for ``UA-43``).
        members: for a group of regions, the ids of its members (Donbas: UA-14, UA-09).
        mentions: where the text names it.

    Example:
        >>> crimea = Territory(id="UA-43", name="Crimea", code="UA-43", kind="region",
        ...                    aliases=["Crimean peninsula"], parent="UA")
        >>> crimea.country
        'UA'
    """

    id: str = attrs.field(validator=is_nonempty_str)
    name: str = attrs.field(validator=is_nonempty_str)
    code: str | None = attrs.field(default=None, validator=is_territory_code)
    kind: TerritoryKind = attrs.field(default=TerritoryKind.OTHER, converter=_to_territory_kind)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=tuple_of(str))
    parent: str | None = attrs.field(default=None, validator=is_optional_str)
    members: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=tuple_of(str))
    mentions: tuple[Span, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Span)
    )

    @property
    def country(self) -> str | None:
        """The ISO 3166-1 alpha-2 code of the country the territory belongs to (by its code)."""
        if self.code is None:
            return self.parent if self.parent and len(self.parent) == 2 else None
        return self.code.split("-", 1)[0]


@attrs.frozen(kw_only=True)
class TerritorialClaim:
    """A fact stated about who claims, controls, annexed or recognises a territory.

    Attributes:
        claimant: the actor that claims or controls it.
        territory: the territory concerned.
        kind: see [`ClaimKind`][conflictmodel.ClaimKind].
        since: when the claim or control began, as written ("since 2014").
        recognized_as: for recognitions, the ISO 3166-1 alpha-2 code of the state it is
            recognised as part of.
        text: the sentence that states it (evidence).
        span: where that evidence is.

    Example:
        >>> russia = Actor(id="state:RU", name="Russia", kind="state", country="RU")
        >>> crimea = Territory(id="UA-43", name="Crimea", code="UA-43", kind="region")
        >>> claim = TerritorialClaim(claimant=russia, territory=crimea, kind="annexed",
        ...                          text="Russia annexed Crimea in 2014", span=Span(start=0, end=29))
        >>> claim.kind.value
        'annexed'
    """

    claimant: Actor = attrs.field(validator=instance_of(Actor))
    territory: Territory = attrs.field(validator=instance_of(Territory))
    kind: ClaimKind = attrs.field(converter=_to_claim_kind)
    text: str = attrs.field(validator=is_str)
    span: Span = attrs.field(validator=instance_of(Span))
    since: TextDate | None = attrs.field(default=None, validator=optional_instance_of(TextDate))
    recognized_as: str | None = attrs.field(default=None, validator=is_country_code)
