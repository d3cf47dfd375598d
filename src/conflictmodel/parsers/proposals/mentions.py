"""Moved to [`conflictmodel.parsers.language.mentions`][conflictmodel.parsers.language.mentions], the language toolkit the stages share; this path keeps
working for code that imports from it."""

from __future__ import annotations

from conflictmodel.parsers.language.mentions import actor_mentions as actor_mentions
from conflictmodel.parsers.language.mentions import actors_with_fallback as actors_with_fallback
from conflictmodel.parsers.language.mentions import in_prep_phrase as in_prep_phrase
from conflictmodel.parsers.language.mentions import possessor as possessor
from conflictmodel.parsers.language.mentions import register as register
from conflictmodel.parsers.language.mentions import state_fallbacks as state_fallbacks
from conflictmodel.parsers.language.mentions import subject_actors as subject_actors
from conflictmodel.parsers.language.mentions import subject_group as subject_group
from conflictmodel.parsers.language.mentions import territory_mentions as territory_mentions

__all__ = [
    "actor_mentions",
    "actors_with_fallback",
    "in_prep_phrase",
    "possessor",
    "register",
    "state_fallbacks",
    "subject_actors",
    "subject_group",
    "territory_mentions",
]
