"""Which fields of a model class can hold a value of a given type, from the declared types.

Walks over a whole article (the span check when an Article is built, the rebinding of actors
when a parse ends) used to visit every field of every object: ids, texts, enums and dates, which
cannot hold a span or an actor.  The model's fields are typed, and their validators and
converters keep values to those types, so the fields worth visiting are known per class.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs

__all__ = ["fields_holding"]

# Types that hold nothing but themselves.
_ATOMS: tuple[type[Any], ...] = (
    str,
    bytes,
    int,
    float,
    bool,
    dt.date,
    dt.time,
    dt.timedelta,
    enum.Enum,
    type(None),
)

_CACHE: dict[tuple[type[Any], tuple[type[Any], ...]], tuple[str, ...] | None] = {}


def _can_hold(tp: Any, targets: tuple[type[Any], ...], visiting: set[type[Any]]) -> bool:
    """True unless the type ``tp`` certainly cannot hold an instance of ``targets``."""
    if isinstance(tp, type) and not isinstance(tp, types.GenericAlias):
        if issubclass(tp, targets):
            return True
        if issubclass(tp, _ATOMS):
            return False
        if attrs.has(tp):
            if tp in visiting:  # a cycle: the other fields decide
                return False
            visiting.add(tp)
            try:
                hints = _hints(tp)
                if hints is None:
                    return True
                return any(_can_hold(t, targets, visiting) for t in hints.values())
            finally:
                visiting.discard(tp)
        return True  # an unknown class (dict, list, a user's type): may hold anything
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return False
    if origin is None:
        return True  # Any, a type variable, an unresolved name: may hold anything
    return any(_can_hold(a, targets, visiting) for a in typing.get_args(tp) if a is not Ellipsis)


def _hints(cls: type[Any]) -> dict[str, Any] | None:
    """The resolved types of an attrs class's fields, None when they cannot be resolved."""
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError):  # a name only imported for type checkers, say
        return None
    return {f.name: hints.get(f.name, Any) for f in attrs.fields(cls)}


def fields_holding(cls: type[Any], targets: tuple[type[Any], ...]) -> tuple[str, ...] | None:
    """Names of the fields of the attrs class ``cls`` whose declared type can hold an instance
    of ``targets`` (itself, in a tuple or union, or inside another attrs class), in field order;
    None when ``cls`` is not an attrs class.  Cached per class and targets.

    Example:
        >>> from conflictmodel.model import Span, Statement
        >>> fields_holding(Statement, (Span,))
        ('span', 'speaker', 'speaker_span', 'cue_span', 'via', 'date')
        >>> fields_holding(str, (Span,)) is None
        True
    """
    key = (cls, targets)
    try:
        return _CACHE[key]
    except KeyError:
        pass
    names: tuple[str, ...] | None = None
    if attrs.has(cls):
        hints = _hints(cls)
        if hints is None:
            names = tuple(f.name for f in attrs.fields(cls))
        else:
            names = tuple(n for n, t in hints.items() if _can_hold(t, targets, {cls}))
    _CACHE[key] = names
    return names
