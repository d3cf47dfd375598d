"""Small accessors the statement tests share: each asserts what it needs, so tests stay short
and mypy-clean."""

from __future__ import annotations

from conflictmodel import Article
from conflictmodel.span import Span
from conflictmodel.statements import Statement


def evidence(art: Article, span: Span | None) -> str:
    """The text at ``span``, which must be set."""
    assert span is not None
    return art.evidence(span)


def members(s: Statement) -> tuple[str, ...]:
    """The member ids of the statement's (joint) speaker, which must be set."""
    assert s.speaker is not None
    return s.speaker.members


def actor_name(art: Article, actor_id: str) -> str:
    """The name of the article's actor with this id, which must exist."""
    actor = art.actor(actor_id)
    assert actor is not None
    return actor.name
