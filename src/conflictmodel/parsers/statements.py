"""The ``statements`` stage (minimal bootstrap; being expanded)."""

from __future__ import annotations

from conflictmodel.context import ParseContext

__all__ = ["StatementParser"]


class StatementParser:
    """Finds quotes and reported speech.

    Example:
        >>> StatementParser().name
        'statements'
    """

    name = "statements"

    def __call__(self, ctx: ParseContext) -> None:
        return None
