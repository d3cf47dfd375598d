"""Batch records: the inputs (``Document``, JSON Lines records) and the result envelope
(``BatchResult``) that ``parse_many``, the command line, the store and the Dask recipe share."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeAlias

import attrs

from conflictmodel import errors
from conflictmodel.errors import ConflictModelError, InputError, ParseError
from conflictmodel.model.article import Article
from conflictmodel.parse import MAX_TEXT_CHARS

__all__ = [
    "MAX_INPUT_BYTES",
    "BatchResult",
    "Document",
    "Published",
    "read_documents",
    "read_results",
]

Published: TypeAlias = dt.date | dt.datetime | str | None

MAX_INPUT_BYTES = MAX_TEXT_CHARS
"""The largest file, in bytes, that [`parse_many`][conflictmodel.batch.parse_many] and the
command line read (10 MB, far beyond any news article): the same number as
[`MAX_TEXT_CHARS`][conflictmodel.parse.MAX_TEXT_CHARS], and a UTF-8 file never holds more
characters than bytes, so a file read whole is never refused by ``parse_article``.  Reading stops one byte past it, so
``/dev/zero`` or an endless pipe is an [`InputError`][conflictmodel.errors.InputError] for that
item, not a full memory."""


def _opt_str(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise InputError(
            f"{type(inst).__name__}.{attribute.name} must be str or None, "
            f"got {type(value).__name__}"
        )


def _is_str(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise InputError(
            f"{type(inst).__name__}.{attribute.name} must be str, got {type(value).__name__}"
        )


@attrs.frozen(kw_only=True)
class Document:
    """One input for [`parse_many`][conflictmodel.batch.parse_many]: a text and where it is from.

    ``published`` overrides the batch-wide ``published=`` for this item.

    Example:
        >>> from conflictmodel.batch import parse_many
        >>> doc = Document(source="kashmir-07", text="India and Pakistan agreed to a truce.",
        ...                published="2025-05-10")
        >>> [r.article.published for r in parse_many([doc], processes=1)]
        [datetime.date(2025, 5, 10)]
    """

    source: str = attrs.field(validator=_is_str)
    text: str = attrs.field(validator=_is_str)
    published: Published = None
    title: str | None = attrs.field(default=None, validator=_opt_str)
    outlet: str | None = attrs.field(default=None, validator=_opt_str)
    url: str | None = attrs.field(default=None, validator=_opt_str)


def _error_key(error: ConflictModelError | None) -> tuple[str, str, str | None] | None:
    if error is None:
        return None
    return (type(error).__name__, str(error), getattr(error, "stage", None))


@attrs.frozen(kw_only=True)
class BatchResult:
    """The outcome of one input of a batch: an article, or the error that stopped it.

    Attributes:
        source: the input's name: its path, its ``source``, or ``<item N>`` for a bare text.
        article: the parsed article, or None if the item failed.
        error: why it failed (an [`InputError`][conflictmodel.errors.InputError] for unreadable
            or mistyped input, a [`ParseError`][conflictmodel.errors.ParseError] naming the
            stage for a parser failure), or None.
        index: the input's position in the batch, counting from 0.

    Example:
        >>> from conflictmodel.batch import parse_many
        >>> [r] = parse_many([("gaza-3", 42)], processes=1)
        >>> r.ok, r.source, str(r.error)
        (False, 'gaza-3', 'gaza-3: text must be str, got int')
    """

    source: str
    article: Article | None
    # Exceptions compare by identity; two results with the same error (say one read back
    # from JSON) are equal when type, message and stage are.
    error: ConflictModelError | None = attrs.field(eq=_error_key)
    index: int = 0

    @property
    def ok(self) -> bool:
        """True if the item was parsed."""
        return self.error is None

    def unwrap(self) -> Article:
        """The article, or raise the item's error.

        Example:
            >>> from conflictmodel.batch import parse_many
            >>> [r] = parse_many(["Kyiv said no."], processes=1)
            >>> r.unwrap().text
            'Kyiv said no.'
        """
        if self.article is None:
            raise self.error or ConflictModelError(f"{self.source}: no article")
        return self.article

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the article as [`to_dict`][conflictmodel.serialization.to_dict]
        makes it, the error as its type name, message and stage.

        Read the article back with ``from_dict(record["article"], Article)``.

        Example:
            >>> from conflictmodel.batch import parse_many
            >>> from pathlib import Path
            >>> [bad, good] = parse_many([Path("missing.txt"), "Kyiv said no."], processes=1)
            >>> bad.to_dict()
            {'source': 'missing.txt', 'index': 0, 'article': None, 'error': {'type': 'InputError', 'message': 'missing.txt: no such file', 'stage': None}}
            >>> good.to_dict()["article"]["text"]
            'Kyiv said no.'
        """
        from conflictmodel.serialization import to_dict

        error = None
        if self.error is not None:
            error = {
                "type": type(self.error).__name__,
                "message": str(self.error),
                "stage": getattr(self.error, "stage", None),
            }
        return {
            "source": self.source,
            "index": self.index,
            "article": None if self.article is None else to_dict(self.article),
            "error": error,
        }

    @classmethod
    def from_dict(cls, data: Any) -> BatchResult:
        """Read back what [`to_dict`][conflictmodel.batch.BatchResult.to_dict] wrote (the
        result envelope), the error as the library error type it names.

        Raises:
            SerializationError: ``data`` is not a result envelope, or its article is not
                Article JSON.

        Example:
            >>> from conflictmodel.batch import parse_many
            >>> [r] = parse_many([("goma-1", "M23 said it would leave Goma.")], processes=1)
            >>> again = BatchResult.from_dict(r.to_dict())
            >>> again == r, again.article.text
            (True, 'M23 said it would leave Goma.')
        """
        from conflictmodel.serialization import from_dict

        if not isinstance(data, Mapping) or set(data) != {"source", "index", "article", "error"}:
            raise errors.SerializationError(
                "a result envelope is an object with exactly the keys source, index, article, "
                f"error; got {sorted(data) if isinstance(data, Mapping) else type(data).__name__}"
            )
        source, index = data["source"], data["index"]
        if not isinstance(source, str) or type(index) is not int or index < 0:
            raise errors.SerializationError("envelope: source must be str and index an int >= 0")
        article = None if data["article"] is None else from_dict(data["article"], Article)
        return cls(source=source, article=article, error=_error_from(data["error"]), index=index)


_ERROR_TYPES: dict[str, type[ConflictModelError]] = {
    name: cls
    for name, cls in vars(errors).items()
    if isinstance(cls, type) and issubclass(cls, ConflictModelError)
}


def _error_from(data: Any) -> ConflictModelError | None:
    """The error of a result envelope, rebuilt as the library type it names (a type this
    version does not know becomes a ConflictModelError with the same message)."""
    if data is None:
        return None
    if not isinstance(data, Mapping) or not isinstance(data.get("message"), str):
        raise errors.SerializationError("envelope: error must be null or {type, message, stage}")
    cls = _ERROR_TYPES.get(str(data.get("type")), ConflictModelError)
    stage = data.get("stage")
    if issubclass(cls, ParseError):
        return cls(data["message"], stage=stage if isinstance(stage, str) else None)
    return cls(data["message"])


def _json_lines(source: str | os.PathLike[str] | Iterable[str]) -> Iterator[tuple[str, str]]:
    """(name, line) for each non-blank line of a file (by path) or of an iterable of lines."""
    if isinstance(source, str | os.PathLike):
        path = os.fsdecode(source)
        try:
            handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}", source=path) from None
        with handle:
            try:
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        yield f"{path}:{number}", line
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: not UTF-8 text ({exc.reason})", source=path) from None
        return
    for number, line in enumerate(source, 1):
        if line.strip():
            yield f"<line {number}>", line


def read_documents(
    source: str | os.PathLike[str] | Iterable[str],
) -> Iterator[Document | InputError]:
    """Read article records from JSON Lines for [`parse_many`][conflictmodel.batch.parse_many].

    Each line is an object ``{"id", "text", "published", "title", "url", "outlet"}`` (only
    ``"text"`` is required; other keys are ignored).  A line that is not such an object is
    yielded as an [`InputError`][conflictmodel.errors.InputError] naming the file and line,
    which ``parse_many`` passes through as a failed result in its place: one bad line is
    reported and the rest go on.

    Args:
        source: a path to a ``.jsonl`` file (read as UTF-8), or an iterable of lines
            (``sys.stdin``, a list of strings).

    Raises:
        InputError: the file cannot be opened or is not UTF-8.

    Example:
        >>> from conflictmodel.batch import parse_many
        >>> lines = ['{"id": "tigray-1", "text": "The TPLF said talks would resume.", '
        ...          '"published": "2022-10-24"}', "not json"]
        >>> for r in parse_many(read_documents(lines), processes=1):
        ...     print(r.source, r.ok, r.article.published if r.ok else r.error)
        tigray-1 True 2022-10-24
        <line 2> False <line 2>: not a JSON object (Expecting value at column 1)
    """
    for name, line in _json_lines(source):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(
                f"{name}: not a JSON object ({exc.msg} at column {exc.colno})", source=name
            )
            continue
        if not isinstance(record, dict):
            yield InputError(f"{name}: not a JSON object", source=name)
            continue
        text = record.get("text")
        ident = record.get("id", record.get("source"))
        label = ident if isinstance(ident, str) and ident.strip() else name
        if not isinstance(text, str):
            yield InputError(f"{label}: record has no 'text' string", source=label)
            continue
        meta = {k: record.get(k) for k in ("title", "outlet", "url")}
        bad = next((k for k, v in meta.items() if v is not None and not isinstance(v, str)), None)
        if bad is not None:
            yield InputError(f"{label}: {bad} must be a string", source=label)
            continue
        yield Document(source=label, text=text, published=record.get("published"), **meta)


def read_results(source: str | os.PathLike[str] | Iterable[str]) -> Iterator[BatchResult]:
    """Read back result envelopes written one per line (``parse_many`` results'
    [`to_dict`][conflictmodel.batch.BatchResult.to_dict], the ``conflictmodel parse --format
    jsonl`` output, the Dask recipe's output).

    Raises:
        SerializationError: a line is not a result envelope (the message names the line).
        InputError: the file cannot be opened or is not UTF-8.

    Example:
        >>> from conflictmodel.batch import parse_many
        >>> import json
        >>> lines = [json.dumps(r.to_dict()) for r in parse_many(["Kyiv said no."], processes=1)]
        >>> [r.article.text for r in read_results(lines)]
        ['Kyiv said no.']
    """
    for name, line in _json_lines(source):
        try:
            yield BatchResult.from_dict(json.loads(line))
        except json.JSONDecodeError as exc:
            raise errors.SerializationError(f"{name}: not JSON ({exc.msg})") from None
        except errors.SerializationError as exc:
            raise errors.SerializationError(f"{name}: {exc}") from None
