"""Character offsets into an article's text: the provenance of every extracted object."""

from __future__ import annotations

import attrs

from conflictmodel._validators import is_non_negative_int
from conflictmodel.errors import ValidationError

__all__ = ["Span"]


@attrs.frozen(kw_only=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets into a text.

    ``text[span.start:span.end]`` is the evidence an object was extracted from.

    Attributes:
        start: offset of the first character (``>= 0``).
        end: offset just past the last character (``>= start``).

    Example:
        >>> text = "Kremlin spokesperson Dmitry Peskov said no."
        >>> span = Span(start=21, end=34)
        >>> span.of(text)
        'Dmitry Peskov'
        >>> len(span), span.contains(Span(start=28, end=34))
        (13, True)
    """

    start: int = attrs.field(validator=is_non_negative_int)
    end: int = attrs.field(validator=is_non_negative_int)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(f"Span.end ({self.end}) must be >= start ({self.start})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """Return the slice of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """True if ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """True if the two spans share at least one character.

        Example:
            >>> Span(start=0, end=5).overlaps(Span(start=4, end=9))
            True
        """
        return self.start < other.end and other.start < self.end

    def shift(self, offset: int) -> Span:
        """Return the span moved by ``offset`` characters."""
        return Span(start=self.start + offset, end=self.end + offset)
