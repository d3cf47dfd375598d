"""Events: what happened (or is planned), who did it to whom, where, when, and the toll."""

from __future__ import annotations

import enum
import functools
from typing import Any

import attrs

from conflictmodel._validators import (
    coerce_enum,
    instance_of,
    is_bool,
    is_nonempty_str,
    is_optional_count,
    is_optional_str,
    is_optional_token,
    is_str,
    optional_instance_of,
    to_tuple,
    tuple_of,
)
from conflictmodel.errors import ValidationError
from conflictmodel.model.actors import Actor
from conflictmodel.model.places import Place
from conflictmodel.model.span import Span
from conflictmodel.model.textdates import TextDate

__all__ = ["Casualties", "Event", "EventStatus", "EventType"]


class EventType(enum.Enum):
    """The sixteen event types of the PLOVER ontology (openeventdata/PLOVER), in lower case.

    Example:
        >>> EventType("consult")
        <EventType.CONSULT: 'consult'>
        >>> len(EventType)
        16
    """

    AGREE = "agree"
    CONSULT = "consult"
    SUPPORT = "support"
    CONCEDE = "concede"
    COOPERATE = "cooperate"
    AID = "aid"
    RETREAT = "retreat"
    REQUEST = "request"
    ACCUSE = "accuse"
    REJECT = "reject"
    THREATEN = "threaten"
    PROTEST = "protest"
    SANCTION = "sanction"
    MOBILIZE = "mobilize"
    COERCE = "coerce"
    ASSAULT = "assault"

    @property
    def modes(self) -> tuple[str, ...]:
        """PLOVER's modes of this type (``data/events.json``, ``modes``); empty when PLOVER
        lists none.

        Example:
            >>> EventType.CONSULT.modes
            ('visit', 'third-party', 'multilateral', 'phone')
            >>> EventType.AGREE.modes
            ()
        """
        return _mode_table().get(self.value, ())


@functools.cache
def _mode_table() -> dict[str, tuple[str, ...]]:
    from conflictmodel.resources import load_data

    return {k: tuple(v) for k, v in load_data("events.json")["modes"].items()}


class EventStatus(enum.Enum):
    """Whether the event happened, per the text.

    Example:
        >>> EventStatus("planned").value
        'planned'
    """

    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"
    """Announced or scheduled ("will meet on Friday")."""
    HYPOTHETICAL = "hypothetical"
    """Conditional, possible or demanded, not scheduled ("could strike", "if talks fail")."""


def _to_event_type(value: Any) -> EventType:
    return coerce_enum(EventType, value)


def _to_event_status(value: Any) -> EventStatus:
    return coerce_enum(EventStatus, value)


@attrs.frozen(kw_only=True)
class Casualties:
    """A number of people killed or wounded, as the text gives it.

    Attributes:
        text: the phrase as written ("at least 35", "dozens", "two").
        span: where it is.
        count: the lowest number the phrase states (35 for "at least 35"), or None when it
            gives no number ("dozens").
        approximate: the phrase hedges ("at least", "about", "more than", "dozens").

    Example:
        >>> Casualties(text="at least 35", span=Span(start=0, end=11), count=35,
        ...            approximate=True).count
        35
    """

    text: str = attrs.field(validator=is_str)
    span: Span = attrs.field(validator=instance_of(Span))
    count: int | None = attrs.field(default=None, validator=is_optional_count)
    approximate: bool = attrs.field(default=False, validator=is_bool)


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened, is happening or is planned, coded with PLOVER's types.

    What is only *said* stays a [`Statement`][conflictmodel.Statement]; an utterance that is
    itself an event (an agreement signed, a ceasefire declared, a formal threat or rejection)
    is also an Event.

    Attributes:
        id: identifier unique within the article (``event:120-188``).
        type: see [`EventType`][conflictmodel.EventType].
        mode: PLOVER's mode for the type where one applies, lower case (``"drone"``,
            ``"visit"``, ``"withdraw"``), else None; one of
            `EventType.modes` (a ValidationError otherwise).
        status: see [`EventStatus`][conflictmodel.EventStatus].
        trigger: the word or phrase that names the event as written ("struck", "talks").
        span: the evidence: the clause that states the event.
        actors: who did it (the initiators); for a meeting, every participant.
        targets: who it was done to; empty for a meeting or an agreement among its actors.
        mediator: the third party that brokered or hosted it, where the text names one.
        place: where it happened, where the text says.
        date: when, resolved like statement dates.
        killed, wounded: the toll as given, where the text gives one.
        proposal_id: the id of the proposal the event concerns ("talks on the US plan").

    Example:
        >>> text = "A drone strike on Sumy killed 35 people on Sunday."
        >>> ev = Event(id="event:0-50", type="assault", mode="drone", status="occurred",
        ...            trigger="strike", span=Span(start=0, end=50),
        ...            killed=Casualties(text="35", span=Span(start=30, end=32), count=35))
        >>> ev.type.value, ev.killed.count, ev.span.of(text)[:14]
        ('assault', 35, 'A drone strike')
    """

    id: str = attrs.field(validator=is_nonempty_str)
    type: EventType = attrs.field(converter=_to_event_type)
    span: Span = attrs.field(validator=instance_of(Span))
    mode: str | None = attrs.field(default=None, validator=is_optional_token)
    status: EventStatus = attrs.field(default=EventStatus.OCCURRED, converter=_to_event_status)
    trigger: str | None = attrs.field(default=None, validator=is_optional_str)
    actors: tuple[Actor, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Actor)
    )
    targets: tuple[Actor, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Actor)
    )
    mediator: Actor | None = attrs.field(default=None, validator=optional_instance_of(Actor))
    place: Place | None = attrs.field(default=None, validator=optional_instance_of(Place))
    date: TextDate | None = attrs.field(default=None, validator=optional_instance_of(TextDate))
    killed: Casualties | None = attrs.field(
        default=None, validator=optional_instance_of(Casualties)
    )
    wounded: Casualties | None = attrs.field(
        default=None, validator=optional_instance_of(Casualties)
    )
    proposal_id: str | None = attrs.field(default=None, validator=is_optional_str)

    def __attrs_post_init__(self) -> None:
        if self.mode is not None and self.mode not in self.type.modes:
            known = ", ".join(self.type.modes) or "none"
            raise ValidationError(
                f"Event.mode: {self.mode!r} is not a PLOVER mode of {self.type.value} "
                f"(its modes: {known})"
            )

    @property
    def happened(self) -> bool:
        """True when the text reports it as having happened or going on."""
        return self.status in (EventStatus.OCCURRED, EventStatus.ONGOING)

    def involves(self, name: str) -> bool:
        """True if an actor, target or the mediator has this id, name or alias.

        Example:
            >>> a = Actor(id="state:SD", name="Sudan", kind="state", aliases=["Khartoum"])
            >>> Event(id="e", type="consult", span=Span(start=0, end=1), actors=[a]).involves(
            ...     "Khartoum")
            True
        """
        parties = (*self.actors, *self.targets, *((self.mediator,) if self.mediator else ()))
        return any(a.id == name or a.is_named(name) for a in parties)
