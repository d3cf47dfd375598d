"""Positions: an actor's stance on a proposal, a provision or a territory."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from conflictmodel._validators import (
    coerce_enum,
    instance_of,
    is_optional_nonempty_str,
    is_optional_str,
    is_str,
    optional_instance_of,
)
from conflictmodel.errors import ValidationError
from conflictmodel.model.actors import Actor
from conflictmodel.model.proposals import ProvisionKind
from conflictmodel.model.span import Span
from conflictmodel.model.statements import Statement
from conflictmodel.model.territories import Territory
from conflictmodel.model.textdates import TextDate

__all__ = ["Position", "Stance"]


class Stance(enum.Enum):
    """An actor's attitude to a proposal, provision or territory.

    Example:
        >>> Stance("opposes")
        <Stance.OPPOSES: 'opposes'>
    """

    SUPPORTS = "supports"
    OPPOSES = "opposes"
    DEMANDS = "demands"
    CONDITIONAL = "conditional"
    """Supports it only under a condition."""
    CONSIDERS = "considers"
    """Open to it, weighing it."""


def _to_opt_provision_kind(value: Any) -> ProvisionKind | None:
    return None if value is None else coerce_enum(ProvisionKind, value)


def _to_stance(value: Any) -> Stance:
    return coerce_enum(Stance, value)


@attrs.frozen(kw_only=True)
class Position:
    """An actor's stance on something, with the evidence that shows it.

    At least one of ``proposal_id``, ``provision`` or ``territory`` says what the stance is on.

    Attributes:
        actor: who holds the position.
        stance: see [`Stance`][conflictmodel.Stance].
        text: the evidence as written.
        span: where the evidence is.
        cue: the stance cue as written ("rejected", "non-negotiable", "pushing for").
        proposal_id: the id of a [`Proposal`][conflictmodel.Proposal] in the same article.
        provision: the provision kind the stance is on (ceding territory -> territorial_recognition).
        territory: the territory the stance is on.
        statement: the statement that shows it, if the stance was said.
        date: when, as written.

    Example:
        >>> zel = Actor(id="person:volodymyr-zelensky", name="Volodymyr Zelensky", kind="person")
        >>> pos = Position(actor=zel, stance="opposes", provision="territorial_recognition",
        ...                text="rejected any plan to hand over land",
        ...                span=Span(start=0, end=35), cue="rejected")
        >>> pos.stance.value, pos.provision.value
        ('opposes', 'territorial_recognition')
    """

    actor: Actor = attrs.field(validator=instance_of(Actor))
    stance: Stance = attrs.field(converter=_to_stance)
    text: str = attrs.field(validator=is_str)
    span: Span = attrs.field(validator=instance_of(Span))
    cue: str | None = attrs.field(default=None, validator=is_optional_str)
    proposal_id: str | None = attrs.field(default=None, validator=is_optional_nonempty_str)
    provision: ProvisionKind | None = attrs.field(default=None, converter=_to_opt_provision_kind)
    territory: Territory | None = attrs.field(
        default=None, validator=optional_instance_of(Territory)
    )
    statement: Statement | None = attrs.field(
        default=None, validator=optional_instance_of(Statement)
    )
    date: TextDate | None = attrs.field(default=None, validator=optional_instance_of(TextDate))

    def __attrs_post_init__(self) -> None:
        if self.proposal_id is None and self.provision is None and self.territory is None:
            raise ValidationError(
                "Position needs at least one of proposal_id, provision or territory"
            )
