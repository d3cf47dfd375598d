"""Find the objects that overlap a span without scanning them all.

Stages ask "which statements overlap this sentence?" once per sentence; scanning every statement
each time makes a long article cost quadratic time.  A [`SpanIndex`][conflictmodel.analysis.SpanIndex]
puts each object in the fixed-size blocks of text its span touches, so a query looks only at the
blocks the query span touches: linear total work for the usual one-query-per-sentence pattern,
whatever the objects' lengths.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from conflictmodel.model.span import Span

__all__ = ["SpanIndex"]

T = TypeVar("T")

# Characters per block: about a sentence, so most objects and queries touch one or two blocks.
_BLOCK = 256


class SpanIndex(Generic[T]):
    """An overlap index over objects that have spans (objects without one are left out).

    Results come back in the order of the sequence the index was built from.

    Example:
        >>> idx = SpanIndex(["ab", "cd"], lambda s: Span(start=0, end=2) if s == "ab" else Span(start=5, end=9))
        >>> idx.overlapping(1, 6), idx.at(7), idx.inside(0, 3)
        (['ab', 'cd'], ['cd'], ['ab'])
    """

    __slots__ = ("_blocks", "_items", "_spans")

    def __init__(self, items: Sequence[T], span_of: Callable[[T], Span | None]) -> None:
        self._items: list[T] = []
        self._spans: list[tuple[int, int]] = []
        self._blocks: dict[int, list[int]] = {}
        for item in items:
            span = span_of(item)
            if span is None:
                continue
            i = len(self._items)
            self._items.append(item)
            self._spans.append((span.start, span.end))
            # An empty span still belongs to the block it sits in.
            last = max(span.start, span.end - 1) // _BLOCK
            for b in range(span.start // _BLOCK, last + 1):
                self._blocks.setdefault(b, []).append(i)

    def __len__(self) -> int:
        return len(self._items)

    def _candidates(self, start: int, end: int) -> list[int]:
        first, last = start // _BLOCK, max(start, end - 1) // _BLOCK
        if first == last:
            return self._blocks.get(first, [])
        seen: set[int] = set()
        for b in range(first, last + 1):
            seen.update(self._blocks.get(b, ()))
        return sorted(seen)

    def overlapping(self, start: int, end: int) -> list[T]:
        """Objects whose span shares a character with ``[start, end)`` (as `Span.overlaps`)."""
        spans = self._spans
        return [
            self._items[i]
            for i in self._candidates(start, end)
            if spans[i][0] < end and start < spans[i][1]
        ]

    def any_overlapping(self, start: int, end: int) -> bool:
        """Whether ``overlapping(start, end)`` is not empty (no list built).

        Example:
            >>> idx = SpanIndex([Span(start=3, end=5)], lambda s: s)
            >>> idx.any_overlapping(0, 4), idx.any_overlapping(5, 9)
            (True, False)
        """
        spans = self._spans
        return any(spans[i][0] < end and start < spans[i][1] for i in self._candidates(start, end))

    def at(self, offset: int) -> list[T]:
        """Objects whose span contains character ``offset``."""
        spans = self._spans
        return [
            self._items[i]
            for i in self._candidates(offset, offset + 1)
            if spans[i][0] <= offset < spans[i][1]
        ]

    def starting_in(self, start: int, end: int) -> list[T]:
        """Objects whose span starts inside ``[start, end)``."""
        spans = self._spans
        return [self._items[i] for i in self._candidates(start, end) if start <= spans[i][0] < end]

    def inside(self, start: int, end: int) -> list[T]:
        """Objects whose span lies wholly inside ``[start, end)``."""
        spans = self._spans
        return [
            self._items[i]
            # ``end + 1``: an empty span at ``end`` itself lies in the block of ``end``.
            for i in self._candidates(start, end + 1)
            if start <= spans[i][0] and spans[i][1] <= end
        ]
