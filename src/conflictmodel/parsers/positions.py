"""The ``positions``  pipeline stage (minimal placeholder; being filled in)."""

from __future__ import annotations

from conflictmodel.context import ParseContext

__all__ = ["PositionParser"]


class PositionParser:
    """Pipeline stage ``positions``.

    Example:
        >>> PositionParser().name
        'positions'
    """

    name = "positions"

    def __call__(self, ctx: ParseContext) -> None:
        return None
