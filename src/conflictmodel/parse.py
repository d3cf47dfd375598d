"""The entry point: ``parse_article``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from conflictmodel.context import ParseContext
from conflictmodel.errors import GazetteerError, InputError
from conflictmodel.model.article import Article
from conflictmodel.pipeline import Pipeline, default_pipeline

if TYPE_CHECKING:
    from conflictmodel.gazetteer import Gazetteer

__all__ = ["MAX_TEXT_CHARS", "coerce_published", "parse_article"]

MAX_TEXT_CHARS = 10_000_000
"""The default largest article ``parse_article`` accepts, in characters (about 10 MB of
English text).  Every stage runs in time linear in the text, so a larger limit only costs
time and memory in proportion; pass ``max_chars=`` to change it per call."""


def coerce_published(published: dt.date | dt.datetime | str | None) -> dt.date | None:
    """Turn a date, datetime or ISO 8601 string into a date.

    Raises:
        InputError: the value is of another type or not an ISO date.

    Example:
        >>> coerce_published("2025-04-18T09:30:00Z")
        datetime.date(2025, 4, 18)
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        raw = published.strip()
        try:
            return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
        except ValueError:
            raise InputError(f"published={published!r} is not an ISO 8601 date") from None
    raise InputError(
        f"published must be a date, datetime or ISO string, got {type(published).__name__}"
    )


def _coerce_text(text: Any, encoding: str | None, max_chars: int) -> str:
    if encoding is not None and not isinstance(encoding, str):
        raise InputError(f"encoding must be a str such as 'utf-8', got {type(encoding).__name__}")
    if isinstance(text, str | bytes | bytearray) and len(text) > max_chars:
        raise InputError(
            f"the text has {len(text):,} characters, more than max_chars={max_chars:,}; "
            "split it, or pass a larger max_chars="
        )
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray):
        if encoding is None:
            raise InputError(
                f"parse_article() expects str text, got {type(text).__name__}; "
                "decode it first or pass encoding=..."
            )
        try:
            return bytes(text).decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode text as {encoding}: {exc}") from exc
    raise InputError(f"parse_article() expects str text, got {type(text).__name__}")


def parse_article(
    text: str | bytes | bytearray,
    *,
    published: dt.date | dt.datetime | str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    pipeline: Pipeline | None = None,
    gazetteer: Gazetteer | None = None,
    encoding: str | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> Article:
    """Parse one article into an [`Article`][conflictmodel.Article].

    Args:
        text: the article text. Bytes are accepted only with ``encoding``.
        published: publication date (date, datetime or ISO string); relative dates in the text
            ("on Thursday", "last November") are resolved against it, and stay unresolved
            without it.
        title, outlet, url: metadata, stored on the Article.
        pipeline: the stages to run; default [`default_pipeline()`][conflictmodel.pipeline.default_pipeline].
        gazetteer: known actors and places; default the shipped
            [`Gazetteer.default()`][conflictmodel.gazetteer.Gazetteer.default].
        encoding: how to decode ``text`` if it is bytes.
        max_chars: the longest text accepted (default
            [`MAX_TEXT_CHARS`][conflictmodel.parse.MAX_TEXT_CHARS]); for bytes, the limit
            applies to their length before decoding.

    Raises:
        InputError: ``text`` is not text or is longer than ``max_chars``, ``published`` is
            not a date, or another argument has the wrong type.
        ParseError: a stage failed; the error names it.
        GazetteerError: ``gazetteer`` is not a Gazetteer.

    Example:
        >>> art = parse_article(
        ...     'Sudan\\'s army chief Abdel Fattah al-Burhan said on Monday that the army '
        ...     'would not negotiate with the RSF.', published="2025-03-05")
        >>> s = art.statements[0]
        >>> s.speaker.name, s.kind.value, s.date.value.isoformat()
        ('Abdel Fattah al-Burhan', 'reported', '2025-03-03')
    """
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 0:
        raise InputError(f"max_chars must be a non-negative int, got {max_chars!r}")
    source = _coerce_text(text, encoding, max_chars)
    if pipeline is not None and not isinstance(pipeline, Pipeline):
        raise InputError(
            f"pipeline must be a Pipeline (e.g. Pipeline.from_names([...])), "
            f"got {type(pipeline).__name__}"
        )
    for name, value in (("title", title), ("outlet", outlet), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name} must be str or None, got {type(value).__name__}")
    if gazetteer is None:
        from conflictmodel.gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    else:
        from conflictmodel.gazetteer import Gazetteer

        if not isinstance(gazetteer, Gazetteer):
            raise GazetteerError(f"gazetteer must be a Gazetteer, got {type(gazetteer).__name__}")
    ctx = ParseContext(
        text=source,
        published=coerce_published(published),
        title=title,
        outlet=outlet,
        url=url,
        gazetteer=gazetteer,
    )
    (pipeline or default_pipeline()).run(ctx)
    return ctx.to_article()
