"""Strategies for the small values every model object is built from (spans, dates, codes,
texts, roles) and the helpers the object strategies share; public through
``conflictmodel.strategies``."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from conflictmodel._validators import country_codes as _country_codes
from conflictmodel._validators import subdivision_codes as _subdivision_codes
from conflictmodel.model.actors import ActorKind, Role
from conflictmodel.model.proposals import (
    ProvisionKind,
)
from conflictmodel.model.span import Span
from conflictmodel.model.territories import TerritoryKind
from conflictmodel.model.textdates import DatePrecision, TextDate

T = TypeVar("T")

_MAX_END = 200
_UNCODED_KINDS = tuple(
    k for k in TerritoryKind if k not in (TerritoryKind.COUNTRY, TerritoryKind.REGION)
)
_ID_PREFIX = {
    ActorKind.PERSON: "person",
    ActorKind.STATE: "state",
    ActorKind.ORGANIZATION: "org",
    ActorKind.MEDIA: "media",
    ActorKind.GROUP: "group",
    ActorKind.GOVERNMENT: "gov",
    ActorKind.UNKNOWN: "anon",
}
# Names and free text mix scripts, diacritics and the quotation marks articles use, so that
# round trips are tested on more than ASCII.
_NAME_CHARS = string.ascii_letters + "ÀÉÖçñžŁışğ'’-. ЖКиевأبجדשՀայ"
# utf-8 leaves out lone surrogates, which no encoder can write to a file.
_TEXT_CHARS = st.characters(codec="utf-8")
_WORDS = st.sampled_from(
    ("said", "told reporters", "according to", "insisted", "rejected", "proposal", "plan")
)
_slugs = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=12)
_names = st.builds(
    lambda first, rest: (first + rest).rstrip(),
    st.sampled_from(string.ascii_uppercase + "ÀÉÖŁЖКأדՀ"),
    st.text(_NAME_CHARS, max_size=16),
)
_free_text = st.text(_TEXT_CHARS, max_size=40)
_maybe_date = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
_maybe_name = st.none() | _names
_maybe_word = st.none() | _WORDS
_maybe_slug = st.none() | _slugs
_maybe_provision_kind = st.none() | st.sampled_from(ProvisionKind)
_maybe_duration = st.none() | st.integers(1, 3650)
_maybe_wikidata = st.none() | st.integers(1, 10**9).map(lambda n: f"Q{n}")
# Word-like texts give spans something article-shaped to point at.
_TOKENS = (
    "Kyiv", "Khartoum", "Yerevan", "Baku", "Gaza", "Goma", "Sanaa", "the", "army", "said",
    "told", "ceasefire", "talks", "proposal", "on", "Friday", ",", ".", "—", '"', "«", "»",
    "“", "”", "\n\n",
)  # fmt: skip


def _check_max_end(max_end: int) -> None:
    if not isinstance(max_end, int) or isinstance(max_end, bool) or max_end < 0:
        raise InvalidArgument(f"max_end must be a non-negative int, got {max_end!r}")


def spans(max_end: int = _MAX_END, *, min_start: int = 0) -> st.SearchStrategy[Span]:
    """Spans with ``min_start <= start <= end <= max_end``.

    Example:
        >>> from hypothesis import find
        >>> find(spans(max_end=10), lambda s: len(s) >= 3)
        Span(start=0, end=3)
    """
    _check_max_end(max_end)
    if not 0 <= min_start <= max_end:
        raise InvalidArgument(f"need 0 <= min_start <= max_end, got {min_start} and {max_end}")
    return _span_strategy(min_start, max_end)


# Strategies are immutable, and building one per draw (then validating it) is most of the cost
# of generating an Article, so the factories below are cached on their hashable arguments.
@lru_cache(maxsize=1024)
def _span_strategy(lo: int, hi: int) -> st.SearchStrategy[Span]:
    offsets = st.integers(lo, hi)
    return st.builds(lambda a, b: Span(start=min(a, b), end=max(a, b)), offsets, offsets)


def dates(
    *, min_value: dt.date = dt.date(1900, 1, 1), max_value: dt.date = dt.date(2100, 12, 31)
) -> st.SearchStrategy[dt.date]:
    """Calendar dates (``datetime.date``, never ``datetime``) in a plausible range.

    Example:
        >>> from hypothesis import find
        >>> find(dates(), lambda d: d.year >= 2000).year
        2000
    """
    return st.dates(min_value=min_value, max_value=max_value)


def country_codes() -> st.SearchStrategy[str]:
    """Real ISO 3166-1 alpha-2 codes (from pycountry).

    Example:
        >>> from hypothesis import find
        >>> find(country_codes(), lambda c: c.startswith("U"))
        'UA'
    """
    return _country_code_strategy()


@cache
def _country_code_strategy() -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(_country_codes()))


@cache
def _subdivision_code_strategy() -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(_subdivision_codes()))


def territory_codes() -> st.SearchStrategy[str]:
    """Real ISO 3166-1 alpha-2 or ISO 3166-2 codes (from pycountry).

    Example:
        >>> from hypothesis import given, settings
        >>> from conflictmodel import Territory
        >>> @settings(max_examples=20)
        ... @given(territory_codes())
        ... def check(code):
        ...     assert Territory(id=code, name="somewhere", code=code).country == code[:2]
        >>> check()
    """
    return _territory_code_strategy()


@cache
def _territory_code_strategy() -> st.SearchStrategy[str]:
    return st.one_of(_country_code_strategy(), _subdivision_code_strategy())


def article_texts(max_size: int = 160) -> st.SearchStrategy[str]:
    """Article texts: word-like texts with quotation marks and paragraphs, or any Unicode text
    that can be encoded (scripts, control characters), at most ``max_size`` characters.

    Example:
        >>> from hypothesis import find
        >>> find(article_texts(), lambda t: len(t) >= 2)
        '00'
    """
    words = st.lists(st.sampled_from(_TOKENS), max_size=max(0, max_size // 4)).map(" ".join)
    return st.one_of(
        st.text(_TEXT_CHARS, max_size=max_size),
        words.map(lambda t: t[:max_size]),
    )


@lru_cache(maxsize=256)
def _evidence(text: str | None, max_end: int) -> st.SearchStrategy[tuple[Span, str]]:
    """A span and the evidence it points at (free text when there is no article text)."""
    if text is not None:
        return _span_strategy(0, len(text)).map(lambda span: (span, span.of(text)))
    return st.tuples(_span_strategy(0, max_end), _free_text)


@lru_cache(maxsize=256)
def _dates_from(start: dt.date) -> st.SearchStrategy[dt.date]:
    return dates(min_value=start)


@lru_cache(maxsize=1024)
def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@lru_cache(maxsize=1024)
def _cached(
    factory: Callable[[str | None, int], st.SearchStrategy[T]], text: str | None, max_end: int
) -> st.SearchStrategy[T]:
    return factory(text, max_end)


def _limit(text: str | None, max_end: int) -> int:
    _check_max_end(max_end)
    return len(text) if text is not None else max_end


def _sample_or_nothing(pool: Sequence[T]) -> st.SearchStrategy[T]:
    return st.sampled_from(list(pool)) if pool else st.nothing()


def _room(pool: Sequence[object] | None, size: int) -> int:
    """How many items a list drawn from ``pool`` may hold (none from an empty pool)."""
    return size if pool is None else min(size, len(pool))


@st.composite
def _text_dates(draw: st.DrawFn, text: str | None, max_end: int) -> TextDate:
    span, written = draw(_evidence(text, max_end))
    value = draw(_maybe_date)
    precision = (
        DatePrecision.UNKNOWN
        if value is None
        else draw(st.sampled_from([p for p in DatePrecision if p is not DatePrecision.UNKNOWN]))
    )
    relative = draw(st.booleans())
    anchor = draw(_maybe_date) if relative and value is not None else None
    return TextDate(
        text=written,
        span=draw(st.sampled_from([span, None])),
        value=value,
        precision=precision,
        relative=relative,
        anchor=anchor,
    )


def text_dates(*, text: str | None = None, max_end: int = _MAX_END) -> st.SearchStrategy[TextDate]:
    """Date expressions: resolved or not, relative or absolute, with or without a span.

    Example:
        >>> from hypothesis import find
        >>> find(text_dates(text="on Friday"), lambda d: d.span is not None and len(d.span) > 2).text
        'on '
    """
    return _cached(_text_dates, text, _limit(text, max_end))


@st.composite
def _roles(draw: st.DrawFn) -> Role:
    start = draw(_maybe_date)
    end = draw(_maybe_date if start is None else _maybe(_dates_from(start)))
    return Role(
        title=draw(_names),
        affiliation=draw(_maybe_name),
        country=draw(_maybe(_country_code_strategy())),
        start=start,
        end=end,
    )


def roles() -> st.SearchStrategy[Role]:
    """Roles (titles), with ``start <= end`` when both are known.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(roles())
        ... def check(role):
        ...     assert role.start is None or role.end is None or role.start <= role.end
        >>> check()
    """
    return _roles()
