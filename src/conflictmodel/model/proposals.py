"""Negotiation proposals, their typed provisions and conditions."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from conflictmodel._validators import (
    coerce_enum,
    instance_of,
    is_country_code,
    is_nonempty_str,
    is_optional_positive_int,
    is_optional_str,
    is_str,
    optional_instance_of,
    to_tuple,
    tuple_of,
)
from conflictmodel.model.actors import Actor
from conflictmodel.model.span import Span
from conflictmodel.model.territories import Territory
from conflictmodel.model.textdates import TextDate

__all__ = ["Condition", "Proposal", "ProposalStatus", "Provision", "ProvisionKind"]


class ProvisionKind(enum.Enum):
    """The type of a provision in a proposal.

    Example:
        >>> ProvisionKind("frontline_freeze")
        <ProvisionKind.FRONTLINE_FREEZE: 'frontline_freeze'>
    """

    TERRITORIAL_RECOGNITION = "territorial_recognition"
    CEASEFIRE = "ceasefire"
    FRONTLINE_FREEZE = "frontline_freeze"
    SANCTIONS_RELIEF = "sanctions_relief"
    SANCTIONS = "sanctions"
    SECURITY_GUARANTEES = "security_guarantees"
    NATO_MEMBERSHIP = "nato_membership"
    PEACEKEEPING = "peacekeeping"
    CEASEFIRE_MONITORING = "ceasefire_monitoring"
    PRISONER_EXCHANGE = "prisoner_exchange"
    HOSTAGE_RELEASE = "hostage_release"
    WITHDRAWAL = "withdrawal"
    ELECTIONS = "elections"
    REFERENDUM = "referendum"
    HUMANITARIAN_ACCESS = "humanitarian_access"
    RECONSTRUCTION = "reconstruction"
    OTHER = "other"


class ProposalStatus(enum.Enum):
    """Where a proposal stands, as the article reports it.

    Example:
        >>> ProposalStatus("under_consideration").value
        'under_consideration'
    """

    PROPOSED = "proposed"
    UNDER_CONSIDERATION = "under_consideration"
    PRESENTED = "presented"
    DEMANDED = "demanded"
    REJECTED = "rejected"
    ACCEPTED = "accepted"
    SIGNED = "signed"
    ENDED = "ended"
    UNKNOWN = "unknown"


def _to_proposal_status(value: Any) -> ProposalStatus:
    return coerce_enum(ProposalStatus, value)


def _to_provision_kind(value: Any) -> ProvisionKind:
    return coerce_enum(ProvisionKind, value)


@attrs.frozen(kw_only=True)
class Provision:
    """One typed term of a proposal.

    Attributes:
        kind: see [`ProvisionKind`][conflictmodel.ProvisionKind].
        text: the phrase that states it ("gradually lifting sanctions on Russia").
        span: where that phrase is.
        territories: territories it names.
        parties: actors it names (who recognises, who guarantees, who withdraws).
        recognized_as: for territorial recognition, the ISO 3166-1 alpha-2 code of the state the
            territories would be recognised as part of.
        duration_days: for a ceasefire or truce with a stated length ("a 30-day ceasefire").
        label: for ``OTHER`` or user-defined provisions, a finer label ("prisoner_amnesty").

    Example:
        >>> p = Provision(kind="ceasefire", text="a 30-day ceasefire", span=Span(start=0, end=18),
        ...               duration_days=30)
        >>> p.kind.value, p.duration_days
        ('ceasefire', 30)
    """

    kind: ProvisionKind = attrs.field(converter=_to_provision_kind)
    text: str = attrs.field(validator=is_str)
    span: Span = attrs.field(validator=instance_of(Span))
    territories: tuple[Territory, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Territory)
    )
    parties: tuple[Actor, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Actor)
    )
    recognized_as: str | None = attrs.field(default=None, validator=is_country_code)
    duration_days: int | None = attrs.field(default=None, validator=is_optional_positive_int)
    label: str | None = attrs.field(default=None, validator=is_optional_str)


@attrs.frozen(kw_only=True)
class Condition:
    """A condition attached to a proposal ("if a lasting ceasefire is achieved").

    Attributes:
        text: the condition as written.
        span: where it is.

    Example:
        >>> Condition(text="if a lasting ceasefire is achieved", span=Span(start=5, end=40)).text
        'if a lasting ceasefire is achieved'
    """

    text: str = attrs.field(validator=is_str)
    span: Span = attrs.field(validator=instance_of(Span))


@attrs.frozen(kw_only=True)
class Proposal:
    """A proposal, plan, demand, offer, framework or deal in negotiations.

    Attributes:
        id: identifier unique within the article (``prop:310-455``).
        trigger: the word that introduces it as written ("proposal", "plan", "demand").
        text: the sentence(s) it is stated in.
        span: where ``text`` is.
        proposer: who proposes or demands it.
        recipients: to whom it is presented.
        provisions: its typed terms.
        conditions: conditions attached to it.
        status: see [`ProposalStatus`][conflictmodel.ProposalStatus].
        venue: where it was presented ("Paris"), as written.
        date: when, as written.
        source: the outlet or source that reported it ("according to a report by Bloomberg").

    Example:
        >>> us = Actor(id="state:US", name="United States", kind="state", country="US")
        >>> p = Proposal(id="prop:0-40", trigger="proposal", text="US officials presented a proposal",
        ...              span=Span(start=0, end=33), proposer=us, status="presented",
        ...              provisions=[Provision(kind="frontline_freeze", text="freezing the frontlines",
        ...                                    span=Span(start=10, end=33))])
        >>> p.provision_kinds
        frozenset({<ProvisionKind.FRONTLINE_FREEZE: 'frontline_freeze'>})
    """

    id: str = attrs.field(validator=is_nonempty_str)
    trigger: str = attrs.field(validator=is_str)
    text: str = attrs.field(validator=is_str)
    span: Span = attrs.field(validator=instance_of(Span))
    proposer: Actor | None = attrs.field(default=None, validator=optional_instance_of(Actor))
    recipients: tuple[Actor, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Actor)
    )
    provisions: tuple[Provision, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Provision)
    )
    conditions: tuple[Condition, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Condition)
    )
    status: ProposalStatus = attrs.field(
        default=ProposalStatus.UNKNOWN, converter=_to_proposal_status
    )
    venue: str | None = attrs.field(default=None, validator=is_optional_str)
    date: TextDate | None = attrs.field(default=None, validator=optional_instance_of(TextDate))
    source: Actor | None = attrs.field(default=None, validator=optional_instance_of(Actor))

    @property
    def provision_kinds(self) -> frozenset[ProvisionKind]:
        """The set of provision kinds in this proposal."""
        return frozenset(p.kind for p in self.provisions)

    @property
    def territories(self) -> tuple[Territory, ...]:
        """Every territory named by a provision, without repeats, in order of appearance."""
        seen: dict[str, Territory] = {}
        for prov in self.provisions:
            for t in prov.territories:
                seen.setdefault(t.id, t)
        return tuple(seen.values())
