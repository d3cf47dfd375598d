"""Typed errors raised by conflictmodel.

Every error the library raises on purpose derives from [`ConflictModelError`][conflictmodel.errors.ConflictModelError],
so callers can catch one base class.  The concrete classes also derive from the built-in
exception a Python user would expect (``ValueError``, ``TypeError``, ``KeyError``) so existing
``except ValueError`` code keeps working.

Example:
    >>> from conflictmodel import Span
    >>> from conflictmodel.errors import ValidationError
    >>> try:
    ...     Span(start=5, end=2)
    ... except ValidationError as exc:
    ...     print(exc)
    Span.end (2) must be >= start (5)
"""

from __future__ import annotations

__all__ = [
    "ConflictModelError",
    "GazetteerError",
    "InputError",
    "OutdatedStoreError",
    "ParseError",
    "ParseTimeoutError",
    "SerializationError",
    "StoreError",
    "UnknownParserError",
    "ValidationError",
]


class ConflictModelError(Exception):
    """Base class of every error raised by conflictmodel.

    Example:
        >>> from conflictmodel.errors import InputError
        >>> issubclass(InputError, ConflictModelError)
        True
    """


class ValidationError(ConflictModelError, ValueError):
    """A model object was constructed with a value that breaks its rules.

    Example:
        >>> from conflictmodel import Actor
        >>> Actor(id="x", name="X", kind="person", country="XX")
        Traceback (most recent call last):
        ...
        conflictmodel.errors.ValidationError: Actor.country: 'XX' is not an ISO 3166-1 alpha-2 code
    """


class InputError(ConflictModelError, TypeError):
    """Input to a public function has the wrong type or cannot be decoded.

    Example:
        >>> import conflictmodel
        >>> conflictmodel.parse_article(b"bytes")
        Traceback (most recent call last):
        ...
        conflictmodel.errors.InputError: parse_article() expects str text, got bytes; decode it first or pass encoding=...

    In batch work ``source`` names the item that was bad (a file, a line of a JSONL file).
    """

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.source = source


class ParseError(ConflictModelError):
    """A parser stage failed on an article.

    Carries the name of the stage (``stage``) and, in batch work, the item it failed on
    (``source``).

    Example:
        >>> err = ParseError("boom", stage="statements", source="a.txt")
        >>> (err.stage, err.source)
        ('statements', 'a.txt')
    """

    def __init__(self, message: str, *, stage: str | None = None, source: str | None = None):
        super().__init__(message)
        self.stage = stage
        self.source = source


class UnknownParserError(ConflictModelError, KeyError):
    """A parser name is not registered; the message lists the available names.

    Example:
        >>> from conflictmodel.pipeline import get_parser
        >>> get_parser("nope")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        conflictmodel.errors.UnknownParserError: "unknown parser 'nope'; available: ..."
    """


class GazetteerError(ConflictModelError, ValueError):
    """A gazetteer data file or entry is malformed.

    Example:
        >>> raise GazetteerError("people.json: entry 3 has no name")
        Traceback (most recent call last):
        ...
        conflictmodel.errors.GazetteerError: people.json: entry 3 has no name
    """


class SerializationError(ConflictModelError, ValueError):
    """JSON could not be turned back into a model object.

    Example:
        >>> from conflictmodel import Span, from_json
        >>> from_json('{"start": 1}', Span)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        conflictmodel.errors.SerializationError: cannot read Span from JSON: ...
    """


class StoreError(ConflictModelError):
    """The embedded store could not be opened, written or read.

    Example:
        >>> raise StoreError("schema version 9 is newer than this library (1)")
        Traceback (most recent call last):
        ...
        conflictmodel.errors.StoreError: schema version 9 is newer than this library (1)
    """


class OutdatedStoreError(StoreError):
    """A store was written with an older schema and was opened read-only, so it cannot be
    migrated; the message says how to migrate it.

    Opening it for writing (``Store(path)``, ``conflictmodel ingest`` or
    ``conflictmodel migrate``) upgrades it in one transaction.

    Example:
        >>> issubclass(OutdatedStoreError, StoreError)
        True
    """


class ParseTimeoutError(ParseError):
    """An item of a batch took longer than the batch's per-item time limit (``timeout=``).

    Example:
        >>> err = ParseTimeoutError("a.txt: took longer than 5 s", source="a.txt")
        >>> isinstance(err, ParseError), err.source
        (True, 'a.txt')
    """


class PipelineError(ConflictModelError):
    """A pipeline cannot work as built: a stage requires what no earlier stage provides.

    Raised when the [`Pipeline`][conflictmodel.Pipeline] is constructed, before any article is
    parsed; the message names the stage, what it is missing and which stage provides it.

    Example:
        >>> from conflictmodel.pipeline import Pipeline
        >>> Pipeline.from_names(["text", "positions"])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        conflictmodel.errors.PipelineError: stage 'positions' requires ...
    """


class ExtrasError(ParseError):
    """A stage put a value that is not JSON into ``ctx.extras``.

    ``ctx.extras`` is carried into the [`Article`][conflictmodel.Article] and serialised with
    it, so its values must be JSON values: str, int, float (finite), bool, None, and lists and
    string-keyed dicts of them. ``stage`` names the stage and ``key`` the top-level key.

    Example:
        >>> err = ExtrasError("bad value", stage="mine", key="counts")
        >>> err.stage, err.key
        ('mine', 'counts')
    """

    def __init__(
        self,
        message: str,
        *,
        stage: str | None = None,
        key: str | None = None,
        source: str | None = None,
    ):
        super().__init__(message, stage=stage, source=source)
        self.key = key
