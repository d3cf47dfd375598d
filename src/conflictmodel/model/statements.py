"""Statements: who said what, when, and through whom."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from conflictmodel._validators import (
    coerce_enum,
    instance_of,
    is_nonempty_str,
    is_optional_str,
    is_str,
    optional_instance_of,
)
from conflictmodel.model.actors import Actor
from conflictmodel.model.span import Span
from conflictmodel.model.textdates import TextDate

__all__ = ["Statement", "StatementKind"]


class StatementKind(enum.Enum):
    """How a statement is reported.

    Example:
        >>> [k.value for k in StatementKind]
        ['direct', 'partial', 'reported']
    """

    DIRECT = "direct"
    """A clause or sentence inside quotation marks."""
    PARTIAL = "partial"
    """A fragment quoted inside reported speech: said a ceasefire is "unrealistic"."""
    REPORTED = "reported"
    """Reported (indirect) speech without quotation marks."""


def _to_statement_kind(value: Any) -> StatementKind:
    return coerce_enum(StatementKind, value)


@attrs.frozen(kw_only=True)
class Statement:
    """Something an actor said, as the article reports it.

    Attributes:
        id: identifier unique within the article (``stmt:120-188``).
        content: what was said: the text inside the quotation marks, or the reported clause.
        kind: see [`StatementKind`][conflictmodel.StatementKind].
        span: where ``content`` is in the text.
        speaker: the resolved actor, or None when no speaker could be found.
        speaker_span: where the text names the speaker for this statement; may be a pronoun
            ("he") or a descriptor ("the analyst") that was resolved to ``speaker``.
        cue: the reporting verb or phrase as written ("told reporters", "according to").
        cue_span: where the cue is.
        via: the outlet or source it was reported through ("according to Axios").
        date: the date expression attached to it ("on Thursday").

    Example:
        >>> text = '"No deal," Peskov said.'
        >>> s = Statement(id="stmt:1-8", content="No deal,", kind="direct",
        ...               span=Span(start=1, end=9), cue="said", speaker_span=Span(start=11, end=17))
        >>> s.span.of(text), s.speaker_span.of(text)
        ('No deal,', 'Peskov')
    """

    id: str = attrs.field(validator=is_nonempty_str)
    content: str = attrs.field(validator=is_str)
    kind: StatementKind = attrs.field(converter=_to_statement_kind)
    span: Span = attrs.field(validator=instance_of(Span))
    speaker: Actor | None = attrs.field(default=None, validator=optional_instance_of(Actor))
    speaker_span: Span | None = attrs.field(default=None, validator=optional_instance_of(Span))
    cue: str | None = attrs.field(default=None, validator=is_optional_str)
    cue_span: Span | None = attrs.field(default=None, validator=optional_instance_of(Span))
    via: Actor | None = attrs.field(default=None, validator=optional_instance_of(Actor))
    date: TextDate | None = attrs.field(default=None, validator=optional_instance_of(TextDate))

    @property
    def is_quote(self) -> bool:
        """True for direct and partial quotes."""
        return self.kind is not StatementKind.REPORTED
