"""Pipelines of small parsers, and the registry that names them.

A parser is any object with a ``name`` and a ``__call__(ctx)`` that reads and extends a
[`ParseContext`][conflictmodel.context.ParseContext].  It may declare what it ``requires``
and ``provides`` (names such as ``"sentences"``, ``"actors"``, ``"statements"``): a
[`Pipeline`][conflictmodel.Pipeline] checks when it is built that every requirement is provided
by an earlier stage, and raises [`PipelineError`][conflictmodel.errors.PipelineError] naming
what is missing.  A pipeline runs its parsers in order.  Pipelines are immutable: ``with_parser``, ``replace`` and ``without``
return new ones, so the default is never changed under another user's feet.

Parsers are found by name in a registry that holds the built-in stages, anything registered with
[`register_parser`][conflictmodel.pipeline.register_parser], and every entry point in the
``conflictmodel.parsers`` group of installed packages.

Example:
    >>> from conflictmodel.pipeline import default_pipeline
    >>> default_pipeline().names
    ('text', 'dates', 'territories', 'actors', 'statements', 'proposals', 'positions', 'claims', 'events')
    >>> class Shout:
    ...     name = "shout"
    ...     def __call__(self, ctx):
    ...         ctx.extras["shout"] = ctx.text.upper()
    >>> p = default_pipeline().with_parser(Shout(), after="text").without("claims")
    >>> p.names[:3], "claims" in p.names
    (('text', 'shout', 'dates'), False)
    >>> default_pipeline().without("actors")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    conflictmodel.errors.PipelineError: stage 'statements' requires 'actors', which no earlier stage provides (the 'actors' stage does)...; stages: ...
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib.metadata import entry_points
from typing import Any, Protocol, runtime_checkable

import attrs

from conflictmodel._validators import json_problem
from conflictmodel.context import ParseContext, ProposalTrace
from conflictmodel.errors import (
    ConflictModelError,
    ExtrasError,
    ParseError,
    PipelineError,
    UnknownParserError,
)
from conflictmodel.parsers.language.gate import release_text_cache

__all__ = [
    "DEFAULT_STAGES",
    "ENTRY_POINT_GROUP",
    "Parser",
    "Pipeline",
    "available_parsers",
    "default_pipeline",
    "get_parser",
    "optional_inputs",
    "register_parser",
    "requirements",
    "use_plugin",
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
    "events",
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
    "events": "conflictmodel.parsers.events:EventParser",
}

_registered: dict[str, Callable[[], Parser]] = {}


@runtime_checkable
class Parser(Protocol):
    """What a pipeline stage is: a name and a call that extends the context.

    A stage may also have ``requires`` and ``provides`` attributes, tuples of names of what it
    reads and what it adds (see [`requirements`][conflictmodel.pipeline.requirements]); a stage
    without them requires and provides nothing as far as the pipeline's check goes.

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


def use_plugin(name: str) -> None:
    """Let the installed plugin (entry point) called ``name`` replace the built-in stage of
    that name in this process.

    Without this call a built-in stage wins over a plugin with its name, and building it warns
    which package tried, so an installed package cannot silently change how articles are parsed.

    Raises:
        UnknownParserError: no installed plugin has that name.

    Example:
        >>> use_plugin("no-such-plugin")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        conflictmodel.errors.UnknownParserError: "no installed plugin named 'no-such-plugin'..."
    """
    if name not in _entry_points():
        raise UnknownParserError(
            f"no installed plugin named {name!r}; plugins: {', '.join(sorted(_entry_points()))}"
        )
    _registered[name] = _load(_entry_points()[name])


def _plugin_package(name: str) -> str:
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name != name:
            continue
        dist = getattr(ep, "dist", None)
        if dist is not None:
            return str(dist.name)
        return ep.value.partition(":")[0].partition(".")[0]
    return "?"


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
    elif name in _BUILTINS:
        if name in _entry_points():
            warnings.warn(
                f"the installed package {_plugin_package(name)!r} provides a plugin stage named "
                f"{name!r}; the built-in stage is used (call "
                f"conflictmodel.pipeline.use_plugin({name!r}) to use the plugin instead)",
                UserWarning,
                stacklevel=2,
            )
        factory = _load(_BUILTINS[name])
    elif name in _entry_points():
        factory = _load(_entry_points()[name])
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


def requirements(parser: Parser) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a stage ``requires`` and ``provides``, as it declares them.

    A stage that declares neither and has the name of a built-in stage (a replacement for it)
    is taken to require and provide what the built-in does; any other stage that declares
    nothing requires and provides nothing.  What a stage ``uses`` when it is there (an
    optional input) is read by [`optional_inputs`][conflictmodel.pipeline.optional_inputs].

    Raises:
        PipelineError: a declaration is not a tuple (or list) of names.

    Example:
        >>> requirements(get_parser("statements"))
        (('sentences', 'actors'), ('statements',))
        >>> class MyText:
        ...     name = "text"
        ...     def __call__(self, ctx): ...
        >>> requirements(MyText())[1]
        ('paragraphs', 'sentences', 'furniture')
    """
    stage = _declaring(parser)
    return _names(stage, "requires"), _names(stage, "provides")


def optional_inputs(parser: Parser) -> tuple[str, ...]:
    """What a stage ``uses`` when an earlier stage provides it, and does without otherwise.

    A pipeline may leave such an input out, but not provide it after the stage that uses it.

    Example:
        >>> optional_inputs(get_parser("statements"))
        ('dates',)
    """
    return _names(_declaring(parser), "uses")


def _declaring(parser: Parser) -> object:
    """The stage whose declarations count for ``parser``: itself, or the built-in it replaces
    if it declares nothing."""
    declared = any(hasattr(parser, a) for a in ("requires", "provides", "uses"))
    if not declared and parser.name in _BUILTINS:
        return _load(_BUILTINS[parser.name])()
    return parser


def _names(stage: object, attr: str) -> tuple[str, ...]:
    value = getattr(stage, attr, ())
    if not isinstance(value, tuple | list) or not all(isinstance(v, str) for v in value):
        name = getattr(stage, "name", "?")
        raise PipelineError(f"stage {name!r}: {attr} must be a tuple of names, got {value!r}")
    return tuple(value)


def _providers(name: str) -> list[str]:
    """Built-in stages that provide ``name`` (for error messages)."""
    return [stage for stage in DEFAULT_STAGES if name in requirements(_load(_BUILTINS[stage])())[1]]


def _check_contracts(parsers: tuple[Parser, ...]) -> None:
    names = [p.name for p in parsers]
    provided_at: dict[str, int] = {}
    for i, parser in enumerate(parsers):
        for item in requirements(parser)[1]:
            provided_at.setdefault(item, i)
    for i, parser in enumerate(parsers):
        for need in requirements(parser)[0]:
            if provided_at.get(need, len(parsers)) < i:
                continue
            raise PipelineError(
                f"stage {parser.name!r} requires {need!r}, which no earlier stage "
                f"provides{_hint(need, names, provided_at, i)}; stages: {', '.join(names)}"
            )
        for want in optional_inputs(parser):
            at = provided_at.get(want)
            if at is not None and at > i:
                raise PipelineError(
                    f"stage {parser.name!r} uses {want!r}, but stage {names[at]!r} provides it "
                    f"only after it; stages: {', '.join(names)}"
                )


def _hint(need: str, names: list[str], provided_at: dict[str, int], i: int) -> str:
    if need in provided_at:
        return f" (stage {names[provided_at[need]]!r} comes after it)"
    by = _providers(need)
    present = [b for b in by if b in names]
    if present:
        return f" (stage {present[0]!r} is present but does not declare it)"
    return f" (the {' or '.join(repr(b) for b in by)} stage does)" if by else ""


_RESULT_TYPES: dict[str, type[Any]] = {}


def _result_types() -> dict[str, type[Any]]:
    if not _RESULT_TYPES:
        from conflictmodel.model.events import Event
        from conflictmodel.model.positions import Position
        from conflictmodel.model.proposals import Proposal
        from conflictmodel.model.span import Span
        from conflictmodel.model.statements import Statement
        from conflictmodel.model.territories import TerritorialClaim
        from conflictmodel.model.textdates import TextDate

        _RESULT_TYPES.update(
            paragraphs=Span,
            sentences=Span,
            proposal_traces=ProposalTrace,
            furniture=Span,
            dates=TextDate,
            statements=Statement,
            proposals=Proposal,
            positions=Position,
            claims=TerritorialClaim,
            events=Event,
        )
    return _RESULT_TYPES


def _counts(ctx: ParseContext, stage: str) -> dict[str, int]:
    """How many objects each result list of the context holds (after ``stage`` ran)."""
    out: dict[str, int] = {}
    for attr in _result_types():
        items = getattr(ctx, attr)
        if not isinstance(items, list):
            raise ParseError(
                f"stage {stage!r} replaced ctx.{attr} with a {type(items).__name__}; "
                "it must stay a list",
                stage=stage,
            )
        out[attr] = len(items)
    return out


def _check_results(ctx: ParseContext, before: dict[str, int], stage: str) -> None:
    """What ``stage`` appended to the context's lists is of the right type; ``extras`` holds
    JSON values.  Only new list items are looked at; extras are small by nature and looked at
    whole."""
    _counts(ctx, stage)
    for attr, cls in _result_types().items():
        items = getattr(ctx, attr)
        for i in range(before.get(attr, 0), len(items)):
            if not isinstance(items[i], cls):
                raise ParseError(
                    f"stage {stage!r} added a {type(items[i]).__name__} to ctx.{attr}, "
                    f"which holds {cls.__name__} objects",
                    stage=stage,
                )
    if not isinstance(ctx.extras, dict):
        raise ExtrasError(
            f"stage {stage!r} replaced ctx.extras with a {type(ctx.extras).__name__}; "
            "it must stay a dict",
            stage=stage,
        )
    for key, value in ctx.extras.items():
        why = (
            f"key {key!r} is not a str"
            if not isinstance(key, str)
            else json_problem(value, f"ctx.extras[{key!r}]")
        )
        if why:
            raise ExtrasError(
                f"stage {stage!r}: {why}; extras are saved with the article, so they must be "
                "JSON values (str, int, float, bool, None, lists and str-keyed dicts)",
                stage=stage,
                key=str(key),
            )


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
        _check_contracts(self.parsers)

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
            ParseError: a stage raised, or added objects of the wrong type to the context;
                ``stage`` names it and the cause is chained.
            ExtrasError: a stage put a value that is not JSON into ``ctx.extras``.
        """
        try:
            for parser in self.parsers:
                before = _counts(ctx, parser.name)
                try:
                    parser(ctx)
                except ConflictModelError:
                    raise
                except Exception as exc:
                    raise ParseError(
                        f"parser {parser.name!r} failed: {type(exc).__name__}: {exc}",
                        stage=parser.name,
                    ) from exc
                _check_results(ctx, before, parser.name)
        finally:
            # The stages' shared per-text memo lives for one parse: a finished article's
            # matches must not stay in memory, nor speed up a later parse of the same string.
            release_text_cache()
        return ctx


@cache
def _default() -> Pipeline:
    return Pipeline.from_names(DEFAULT_STAGES)


def default_pipeline() -> Pipeline:
    """The default pipeline (built once; pipelines are immutable, so sharing it is safe).

    Example:
        >>> default_pipeline() is default_pipeline(), len(default_pipeline())
        (True, 9)
    """
    return _default()
