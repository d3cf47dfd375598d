"""Negotiation proposals, their typed provisions and conditions."""

from __future__ import annotations

import enum
import functools
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
from conflictmodel.resources import load_data

__all__ = ["Condition", "Proposal", "ProposalStatus", "Provision", "ProvisionKind"]


class ProvisionKind(enum.Enum):
    """The type of a provision in a proposal.

    Example:
        >>> ProvisionKind("frontline_freeze")
        <ProvisionKind.FRONTLINE_FREEZE: 'frontline_freeze'>
    """

    # The first seventeen values are the original, coarse taxonomy (gold files and stores read
    # them); the finer kinds after them split what used to be ``other`` with a label.  Each
    # kind's PA-X categories are in data/provisions_pax.json (see ``pax_categories``).
    TERRITORIAL_RECOGNITION = "territorial_recognition"
    """Recognition, cession, annexation or exchange of territory; sovereignty over it."""
    CEASEFIRE = "ceasefire"
    FRONTLINE_FREEZE = "frontline_freeze"
    SANCTIONS_RELIEF = "sanctions_relief"
    SANCTIONS = "sanctions"
    SECURITY_GUARANTEES = "security_guarantees"
    NATO_MEMBERSHIP = "nato_membership"
    """Membership of NATO or another alliance, or neutrality instead of it."""
    PEACEKEEPING = "peacekeeping"
    """Peacekeepers, an international mission or foreign troops deployed to keep the peace."""
    CEASEFIRE_MONITORING = "ceasefire_monitoring"
    """Monitoring and verification (of a ceasefire or of the deal)."""
    PRISONER_EXCHANGE = "prisoner_exchange"
    HOSTAGE_RELEASE = "hostage_release"
    WITHDRAWAL = "withdrawal"
    ELECTIONS = "elections"
    REFERENDUM = "referendum"
    HUMANITARIAN_ACCESS = "humanitarian_access"
    RECONSTRUCTION = "reconstruction"
    """Reconstruction and economic terms (funds, resources, investment)."""
    AUTONOMY = "autonomy"
    """Autonomy, special status, self-rule or federal arrangements for a region."""
    DEMILITARIZED_ZONE = "demilitarized_zone"
    """A demilitarised, buffer or security zone."""
    MILITARY_LIMITS = "military_limits"
    """Caps on the size or arms of an army."""
    DISARMAMENT = "disarmament"
    """Disarmament, demobilisation and reintegration (DDR)."""
    FORCE_INTEGRATION = "force_integration"
    """Integration or merger of armed groups into the armed forces."""
    AMNESTY = "amnesty"
    RETURN_OF_DISPLACED = "return_of_displaced"
    """Return of refugees, displaced people or deported children."""
    POLITICAL_TRANSITION = "political_transition"
    """A transitional government or authority, a political process, dissolution of bodies."""
    POWER_SHARING = "power_sharing"
    CONSTITUTIONAL_REFORM = "constitutional_reform"
    MINORITY_RIGHTS = "minority_rights"
    """Minority, language or religious rights."""
    ACCOUNTABILITY = "accountability"
    """Accountability and justice: tribunals, truth commissions, reparations."""
    NUCLEAR_SAFETY = "nuclear_safety"
    """Safety of nuclear plants (a protection zone, their handover or shutdown)."""
    BORDER_DELIMITATION = "border_delimitation"
    NORMALIZATION = "normalization"
    """Normalisation of relations between states (diplomatic ties, embassies)."""
    OTHER = "other"
    """Anything else; ``Provision.label`` names it."""

    @property
    def pax_categories(self) -> tuple[tuple[str, str], ...]:
        """The PA-X categories (code, name) this kind maps to (``data/provisions_pax.json``).

        Example:
            >>> ProvisionKind.AMNESTY.pax_categories[0]
            ('TjAm', 'Amnesty-pardon')
        """
        entry = _pax()[self.value]
        return tuple((c["code"], c["name"]) for c in entry["pax"])

    @property
    def pax_approximate(self) -> bool:
        """True when PA-X has no category for exactly this kind and the mapping is the nearest.

        Example:
            >>> ProvisionKind.HOSTAGE_RELEASE.pax_approximate
            True
        """
        return bool(_pax()[self.value]["approximate"])


@functools.cache
def _pax() -> dict[str, Any]:
    kinds: dict[str, Any] = load_data("provisions_pax.json")["kinds"]
    return kinds


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
        mentions: the later mentions that refer to this plan ("the plan", "the US proposal",
            "Today's agreement"), in text order; its provisions, conditions and status may come
            from any of them (each provision and condition keeps its own span).

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
    mentions: tuple[Span, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Span)
    )

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
