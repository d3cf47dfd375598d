"""Dates as they are written in articles: raw text, resolved value and precision."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from conflictmodel._validators import (
    coerce_enum,
    is_bool,
    is_optional_date,
    is_str,
    optional_instance_of,
)
from conflictmodel.model.span import Span

__all__ = ["DatePrecision", "TextDate"]


class DatePrecision(enum.Enum):
    """How precise a resolved date is.

    ``value`` of a [`TextDate`][conflictmodel.TextDate] is always a ``datetime.date``; the
    precision says which of its parts the text actually fixed (for ``MONTH`` the day is 1, for
    ``YEAR`` the month and day are 1).

    Example:
        >>> DatePrecision("month")
        <DatePrecision.MONTH: 'month'>
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


def _to_date_precision(value: Any) -> DatePrecision:
    return coerce_enum(DatePrecision, value)


@attrs.frozen(kw_only=True)
class TextDate:
    """A date expression found in text.

    Attributes:
        text: the expression as written ("late Thursday", "March 2014").
        span: where it is in the article, or None for dates given from outside the text.
        value: the resolved date, or None when it could not be resolved (a relative date in an
            article with no publication date).
        precision: which part of ``value`` the text fixes.
        relative: the expression needs a reference date ("on Friday", "last November").
        anchor: the publication date a relative expression was resolved against, or None.

    Example:
        >>> import datetime as dt
        >>> d = TextDate(text="on Thursday", value=dt.date(2025, 4, 17),
        ...              precision=DatePrecision.DAY, relative=True, anchor=dt.date(2025, 4, 19))
        >>> d.resolved, d.anchored
        (True, True)
    """

    text: str = attrs.field(validator=is_str)
    span: Span | None = attrs.field(default=None, validator=optional_instance_of(Span))
    value: dt.date | None = attrs.field(default=None, validator=is_optional_date)
    precision: DatePrecision = attrs.field(
        default=DatePrecision.UNKNOWN, converter=_to_date_precision
    )
    relative: bool = attrs.field(default=False, validator=is_bool)
    anchor: dt.date | None = attrs.field(default=None, validator=is_optional_date)

    @property
    def resolved(self) -> bool:
        """True if the expression was turned into a date."""
        return self.value is not None

    @property
    def anchored(self) -> bool:
        """True if the date was resolved against a publication date."""
        return self.anchor is not None and self.value is not None
