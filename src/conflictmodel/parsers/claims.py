"""The ``claims``  pipeline stage (minimal placeholder; being filled in)."""

from __future__ import annotations

from conflictmodel.context import ParseContext

__all__ = ["ClaimParser"]


class ClaimParser:
    """Pipeline stage ``claims``.

    Example:
        >>> ClaimParser().name
        'claims'
    """

    name = "claims"

    def __call__(self, ctx: ParseContext) -> None:
        return None
