"""Character offsets into an article's text: the provenance of every extracted object."""

from __future__ import annotations

import attrs

from conflictmodel._validators import is_non_negative_int
from conflictmodel.errors import ValidationError

__all__ = ["Span"]


@attrs.frozen(kw_only=True, order=False, init=False)
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

    # Written by hand, not generated: a parse builds hundreds of thousands of spans per MB,
    # and the common case (two non-negative ints) is checked here without calling the
    # validators.  Anything else goes through the fields' validators, as attrs would call them.
    def __init__(self, *, start: int, end: int) -> None:
        fast = type(start) is int and start >= 0 and type(end) is int and end >= 0
        if not fast and not attrs.validators.get_disabled():
            fields = attrs.fields(Span)
            is_non_negative_int(self, fields.start, start)
            is_non_negative_int(self, fields.end, end)
        _set_start(self, start)
        _set_end(self, end)
        if end < start:
            raise ValidationError(f"Span.end ({end}) must be >= start ({start})")

    # Ordered as attrs' ``order=True`` orders, (start, end), written by hand: spans are sorted
    # and compared with ``min`` throughout, and attrs builds two tuples per comparison.
    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Span)
        return self.start < other.start or (self.start == other.start and self.end < other.end)

    def __le__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Span)
        return self.start < other.start or (self.start == other.start and self.end <= other.end)

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Span)
        return self.start > other.start or (self.start == other.start and self.end > other.end)

    def __ge__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Span)
        return self.start > other.start or (self.start == other.start and self.end >= other.end)

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


# The slots' own setters: cheaper than object.__setattr__, and past the frozen class's guard.
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__
