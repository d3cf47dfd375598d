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

__all__ = ["SpeakerSource", "Statement", "StatementKind"]


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


class SpeakerSource(enum.Enum):
    """How a statement's speaker was found: how far to trust it.

    Example:
        >>> SpeakerSource("pronoun").value
        'pronoun'
    """

    NAMED = "named"
    """The speaker is named next to the cue ("Peskov said")."""
    PRONOUN = "pronoun"
    """A pronoun ("he said") resolved to an earlier actor."""
    DESCRIPTOR = "descriptor"
    """A description ("the analyst", "the Armenian premier") resolved to an earlier actor."""
    CONTINUATION = "continuation"
    """No attribution of its own: it continues the previous quote of the same speaker."""
    INSTITUTION = "institution"
    """A state, government body or organisation, or a capital standing for its state
    ("the presidency said", "Ankara warned")."""
    COLLECTIVE = "collective"
    """An anonymous or collective source ("a Western diplomat", "analysts", "residents")."""
    DOCUMENT = "document"
    """A document or statement is the source ("the court filing says")."""
    HEADLINE = "headline"
    """Attributed by headline grammar ("Talks Will Not Resume — Peskov", "Truce holds: UN")."""
    UNRESOLVED = "unresolved"
    """The text names a speaker (``speaker_span``) that could not be resolved to an actor."""


def _to_speaker_source(value: Any) -> SpeakerSource:
    return coerce_enum(SpeakerSource, value)


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
        speaker_source: how the speaker was found (see
            [`SpeakerSource`][conflictmodel.model.statements.SpeakerSource]); by default
            ``named`` when there is a speaker, else ``unresolved``.  Filter on it to keep only
            the attributions you trust.

    Example:
        >>> text = '"No deal," Peskov said.'
        >>> s = Statement(id="stmt:1-8", content="No deal,", kind="direct",
        ...               span=Span(start=1, end=9), cue="said", speaker_span=Span(start=11, end=17))
        >>> s.span.of(text), s.speaker_span.of(text), s.speaker_source.value
        ('No deal,', 'Peskov', 'unresolved')
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
    speaker_source: SpeakerSource = attrs.field(converter=_to_speaker_source)

    @speaker_source.default
    def _default_source(self) -> SpeakerSource:
        return SpeakerSource.NAMED if self.speaker is not None else SpeakerSource.UNRESOLVED

    @property
    def is_quote(self) -> bool:
        """True for direct and partial quotes."""
        return self.kind is not StatementKind.REPORTED
