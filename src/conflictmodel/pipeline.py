"""Pipelines of small parsers, and the registry that names them.

A parser is any object with a ``name`` and a ``__call__(ctx)`` that reads and extends a
[`ParseContext`][conflictmodel.context.ParseContext].  A [`Pipeline`][conflictmodel.Pipeline]
runs parsers in order.  Pipelines are immutable: ``with_parser``, ``replace`` and ``without``
return new ones, so the default is never changed under another user's feet.

Parsers are found by name in a registry that holds the built-in stages, anything registered with
[`register_parser`][conflictmodel.pipeline.register_parser], and every entry point in the
``conflictmodel.parsers`` group of installed packages.

Example:
    >>> from conflictmodel.pipeline import default_pipeline
    >>> default_pipeline().names
    ('text', 'dates', 'territories', 'actors', 'statements', 'proposals', 'positions', 'claims')
    >>> class Shout:
    ...     name = "shout"
    ...     def __call__(self, ctx):
    ...         ctx.extras["shout"] = ctx.text.upper()
    >>> p = default_pipeline().with_parser(Shout(), after="text").without("claims")
    >>> p.names[:3], "claims" in p.names
    (('text', 'shout', 'dates'), False)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

import attrs

from conflictmodel.context import ParseContext
from conflictmodel.errors import ConflictModelError, ParseError, UnknownParserError

__all__ = [
    "DEFAULT_STAGES",
    "ENTRY_POINT_GROUP",
    "Parser",
    "Pipeline",
    "available_parsers",
    "default_pipeline",
    "get_parser",
    "register_parser",
]

ENTRY_POINT_GROUP = "conflictmodel.parsers"

DEFAULT_STAGES: tuple[str, ...] = (
    "text",
    "dates",
    "territories",
    "actors",
    "statements",
    "proposals",
    "positions",
    "claims",
)
"""The names of the stages of the default pipeline, in order."""

# name -> "module:attribute" of a zero-argument factory; imported lazily so that importing
# conflictmodel does not load every parser and its data.
_BUILTINS: dict[str, str] = {
    "text": "conflictmodel.parsers.text:TextParser",
    "dates": "conflictmodel.parsers.dates:DateParser",
    "territories": "conflictmodel.parsers.territories:TerritoryParser",
    "actors": "conflictmodel.parsers.actors:ActorParser",
    "statements": "conflictmodel.parsers.statements:StatementParser",
    "proposals": "conflictmodel.parsers.proposals:ProposalParser",
    "positions": "conflictmodel.parsers.positions:PositionParser",
    "claims": "conflictmodel.parsers.claims:ClaimParser",
}

_registered: dict[str, Callable[[], Parser]] = {}


@runtime_checkable
class Parser(Protocol):
    """What a pipeline stage is: a name and a call that extends the context.

    Example:
        >>> class CountWords:
        ...     name = "count_words"
        ...     def __call__(self, ctx: ParseContext) -> None:
        ...         ctx.extras["count_words"] = len(ctx.text.split())
        >>> isinstance(CountWords(), Parser)
        True
    """

    name: str

    def __call__(self, ctx: ParseContext) -> None: ...


def register_parser(name: str, factory: Callable[[], Parser], *, replace: bool = False) -> None:
    """Register a parser factory under ``name`` for this process.

    Packages should rather declare an entry point in the ``conflictmodel.parsers`` group, which
    is found without importing anything by hand::

        [project.entry-points."conflictmodel.parsers"]
        truce_monitors = "mypkg.parsers:TruceMonitorParser"

    Example:
        >>> class Noop:
        ...     name = "noop"
        ...     def __call__(self, ctx): pass
        >>> register_parser("noop", Noop, replace=True)
        >>> get_parser("noop").name
        'noop'
    """
    if not replace and name in available_parsers():
        raise ConflictModelError(f"a parser named {name!r} is already registered")
    _registered[name] = factory


@cache
def _entry_points() -> dict[str, str]:
    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_parsers() -> tuple[str, ...]:
    """Names of every parser the registry can build, sorted.

    Example:
        >>> "statements" in available_parsers()
        True
    """
    return tuple(sorted({*_BUILTINS, *_entry_points(), *_registered}))


def _load(ref: str) -> Callable[[], Parser]:
    module, _, attr = ref.partition(":")
    obj = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj  # type: ignore[return-value]


def get_parser(name: str) -> Parser:
    """Build the parser registered as ``name``.

    Raises:
        UnknownParserError: no parser has that name; the message lists those that do.

    Example:
        >>> get_parser("dates").name
        'dates'
    """
    if name in _registered:
        factory = _registered[name]
    elif name in _entry_points():
        factory = _load(_entry_points()[name])
    elif name in _BUILTINS:
        factory = _load(_BUILTINS[name])
    else:
        raise UnknownParserError(
            f"unknown parser {name!r}; available: {', '.join(available_parsers())}"
        )
    parser = factory()
    if not isinstance(parser, Parser):
        raise ConflictModelError(f"parser {name!r} does not have a name and a __call__(ctx)")
    return parser


def _check(parser: object) -> Parser:
    if not isinstance(parser, Parser):
        raise ConflictModelError(
            f"{parser!r} is not a parser: it needs a `name` and a `__call__(ctx)`"
        )
    return parser


def _to_parsers(parsers: Iterable[Parser]) -> tuple[Parser, ...]:
    return tuple(parsers)


@attrs.frozen
class Pipeline:
    """An ordered, immutable sequence of parsers.

    Example:
        >>> p = Pipeline.from_names(["text", "dates"])
        >>> p.names
        ('text', 'dates')
        >>> p.without("dates").names
        ('text',)
    """

    parsers: tuple[Parser, ...] = attrs.field(converter=_to_parsers)

    def __attrs_post_init__(self) -> None:
        for p in self.parsers:
            _check(p)
        names = [p.name for p in self.parsers]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ConflictModelError(f"pipeline has two stages named {sorted(dupes)}")

    @classmethod
    def from_names(cls, names: Iterable[str]) -> Pipeline:
        """Build a pipeline from registered parser names."""
        return cls([get_parser(n) for n in names])

    @property
    def names(self) -> tuple[str, ...]:
        """The stage names, in order."""
        return tuple(p.name for p in self.parsers)

    def __iter__(self) -> Iterator[Parser]:
        return iter(self.parsers)

    def __len__(self) -> int:
        return len(self.parsers)

    def __getitem__(self, name: str) -> Parser:
        for p in self.parsers:
            if p.name == name:
                return p
        raise UnknownParserError(
            f"no stage {name!r} in this pipeline; it has: {', '.join(self.names)}"
        )

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise UnknownParserError(
                f"no stage {name!r} in this pipeline; it has: {', '.join(self.names)}"
            ) from None

    def with_parser(
        self, parser: Parser, *, before: str | None = None, after: str | None = None
    ) -> Pipeline:
        """A new pipeline with ``parser`` added (at the end unless ``before``/``after`` a stage)."""
        _check(parser)
        if before is not None and after is not None:
            raise ConflictModelError("give before= or after=, not both")
        items = list(self.parsers)
        if before is not None:
            items.insert(self._index(before), parser)
        elif after is not None:
            items.insert(self._index(after) + 1, parser)
        else:
            items.append(parser)
        return Pipeline(items)

    def replace(self, name: str, parser: Parser) -> Pipeline:
        """A new pipeline with stage ``name`` replaced by ``parser``."""
        items = list(self.parsers)
        items[self._index(name)] = _check(parser)
        return Pipeline(items)

    def without(self, *names: str) -> Pipeline:
        """A new pipeline without the named stages."""
        for n in names:
            self._index(n)
        return Pipeline([p for p in self.parsers if p.name not in names])

    def run(self, ctx: ParseContext) -> ParseContext:
        """Run every stage on ``ctx`` in order.

        Raises:
            ParseError: a stage raised; ``stage`` names it and the cause is chained.
        """
        for parser in self.parsers:
            try:
                parser(ctx)
            except ConflictModelError:
                raise
            except Exception as exc:
                raise ParseError(
                    f"parser {parser.name!r} failed: {type(exc).__name__}: {exc}",
                    stage=parser.name,
                ) from exc
        return ctx


@cache
def _default() -> Pipeline:
    return Pipeline.from_names(DEFAULT_STAGES)


def default_pipeline() -> Pipeline:
    """The default pipeline (built once; pipelines are immutable, so sharing it is safe).

    Example:
        >>> default_pipeline() is default_pipeline(), len(default_pipeline())
        (True, 8)
    """
    return _default()
