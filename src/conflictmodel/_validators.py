"""Validators and converters shared by the model classes (private).

Validators that constrain a value beyond its type register the matching JSON Schema keywords in
``JSON_SCHEMA``, so [`conflictmodel.schema`][conflictmodel.schema] states the same rules the
constructors enforce.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Callable, Iterable
from functools import cache
from itertools import repeat
from typing import Any, TypeVar

import attrs
import pycountry

from conflictmodel.errors import ValidationError

E = TypeVar("E", bound=enum.Enum)
V = TypeVar("V", bound=Callable[..., None])

WIKIDATA_PATTERN = "Q[1-9][0-9]*"
COUNTRY_CODE_PATTERN = "[A-Z]{2}"
TERRITORY_CODE_PATTERN = "[A-Z]{2}(-[A-Z0-9]{1,3})?"

_WIKIDATA = re.compile(WIKIDATA_PATTERN)
_TOKEN = re.compile("[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")

JSON_SCHEMA: dict[Callable[..., None], dict[str, Any]] = {}
"""Validator -> JSON Schema keywords that say the same of a non-null value."""


def _schema(**keywords: Any) -> Callable[[V], V]:
    def register(validator: V) -> V:
        JSON_SCHEMA[validator] = keywords
        return validator

    return register


def _where(inst: Any, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(inst).__name__}.{attribute.name}"


def coerce_enum(cls: type[E], value: Any) -> E:
    """Accept an enum member or its value; anything else is a ValidationError.

    Model modules wrap this in small named functions because mypy's attrs plugin only
    understands named converters.
    """
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(m.value) for m in cls)
        raise ValidationError(
            f"{value!r} is not a valid {cls.__name__}; expected one of {allowed}"
        ) from None


def to_tuple(value: Any) -> tuple[Any, ...]:
    """Lists and other iterables become tuples so frozen objects stay hashable."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValidationError(f"expected a sequence, got {type(value).__name__}")
    return tuple(value)


def is_str(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise ValidationError(f"{_where(inst, attribute)} must be str, got {type(value).__name__}")


@_schema(minLength=1, pattern=r"\S")
def is_nonempty_str(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    is_str(inst, attribute, value)
    if not value.strip():
        raise ValidationError(f"{_where(inst, attribute)} must not be empty")


def is_optional_str(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        is_str(inst, attribute, value)


@_schema(minLength=1, pattern=r"\S")
def is_optional_nonempty_str(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        is_nonempty_str(inst, attribute, value)


def is_bool(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        raise ValidationError(f"{_where(inst, attribute)} must be bool, got {type(value).__name__}")


def instance_of(cls: type[Any] | tuple[type[Any], ...]) -> Callable[[Any, Any, Any], None]:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            names = cls.__name__ if isinstance(cls, type) else " | ".join(c.__name__ for c in cls)
            raise ValidationError(
                f"{_where(inst, attribute)} must be {names}, got {type(value).__name__}"
            )

    return check


def optional_instance_of(cls: type[Any] | tuple[type[Any], ...]) -> Callable[[Any, Any, Any], None]:
    inner = instance_of(cls)

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            inner(inst, attribute, value)

    return check


def tuple_of(cls: type[Any] | tuple[type[Any], ...]) -> Callable[[Any, Any, Any], None]:
    classes = repeat(cls)

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        # Every model object checks its tuples (an actor's mentions: hundreds of spans) on
        # each rebuild: the common case in one C-level pass, the item at fault in a second.
        if all(map(isinstance, value, classes)):
            return
        for i, item in enumerate(value):
            if not isinstance(item, cls):
                names = (
                    cls.__name__ if isinstance(cls, type) else " | ".join(c.__name__ for c in cls)
                )
                raise ValidationError(
                    f"{_where(inst, attribute)}[{i}] must be {names}, got {type(item).__name__}"
                )

    return check


def is_int(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    # bool is an int subclass, but True is not an offset or a count.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(f"{_where(inst, attribute)} must be int, got {type(value).__name__}")


@_schema(minimum=0)
def is_non_negative_int(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    # Every span checks two offsets: the common case first, without a call.
    if type(value) is int and value >= 0:
        return
    is_int(inst, attribute, value)
    if value < 0:
        raise ValidationError(f"{_where(inst, attribute)} must be >= 0, got {value}")


@_schema(minimum=0)
def is_optional_count(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    is_non_negative_int(inst, attribute, value)


@_schema(pattern="^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")
def is_optional_token(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A lower-case word or hyphenated compound ("drone", "third-party"), or None."""
    if value is None:
        return
    if not isinstance(value, str) or _TOKEN.fullmatch(value) is None:
        raise ValidationError(
            f"{_where(inst, attribute)}: {value!r} is not a lower-case word such as 'drone' "
            "or 'third-party'"
        )


@_schema(minimum=1)
def is_optional_positive_int(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    is_int(inst, attribute, value)
    if value <= 0:
        raise ValidationError(f"{_where(inst, attribute)} must be a positive int, got {value}")


def is_optional_date(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    # datetime is a subclass of date; a datetime would not round-trip as a date.
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise ValidationError(
            f"{_where(inst, attribute)} must be datetime.date or None, got {type(value).__name__}"
        )


# User-assigned alpha-2 codes in common use for partially recognised states (ISO 3166-1 leaves
# XA-XZ to users; Kosovo's XK is the one the EU, the IMF and CLDR use).
USER_ASSIGNED_CODES = frozenset({"XK"})


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes known to pycountry, and the user-assigned ``XK`` (Kosovo)."""
    return frozenset(c.alpha_2 for c in pycountry.countries) | USER_ASSIGNED_CODES


@cache
def subdivision_codes() -> frozenset[str]:
    """ISO 3166-2 codes known to pycountry."""
    return frozenset(s.code for s in pycountry.subdivisions)


@_schema(pattern=f"^{COUNTRY_CODE_PATTERN}$")
def is_country_code(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str) or value not in country_codes():
        raise ValidationError(
            f"{_where(inst, attribute)}: {value!r} is not an ISO 3166-1 alpha-2 code"
        )


@_schema(pattern=f"^{TERRITORY_CODE_PATTERN}$")
def is_territory_code(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str) or (
        value not in country_codes() and value not in subdivision_codes()
    ):
        raise ValidationError(
            f"{_where(inst, attribute)}: {value!r} is not an ISO 3166-1 alpha-2 or ISO 3166-2 code"
        )


@_schema(pattern=f"^{WIKIDATA_PATTERN}$")
def is_wikidata_id(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _WIKIDATA.fullmatch(value):
        raise ValidationError(f"{_where(inst, attribute)}: {value!r} is not a Wikidata id (Q123)")


def json_problem(value: object, path: str, depth: int = 0) -> str | None:
    """Why ``value`` is not a JSON value (str, int, finite float, bool, None, lists and
    str-keyed dicts of them), or None if it is.

    Example:
        >>> json_problem({"a": [1, 2.5, None]}, "x"), json_problem({"a": {1, 2}}, "x")
        (None, "x['a'] is a set, not a JSON value")
    """
    if depth > 100:
        return f"{path} is nested too deeply"
    if value is None or isinstance(value, str | bool | int):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{path} is {value!r}, which JSON cannot hold"
    if isinstance(value, list):
        for i, v in enumerate(value):
            why = json_problem(v, f"{path}[{i}]", depth + 1)
            if why:
                return why
        return None
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                return f"{path} has a key of type {type(k).__name__}, not str"
            why = json_problem(v, f"{path}[{k!r}]", depth + 1)
            if why:
                return why
        return None
    return f"{path} is a {type(value).__name__}, not a JSON value"


@_schema(type="object")
def is_json_object(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, dict):
        raise ValidationError(
            f"{_where(inst, attribute)} must be a dict, got {type(value).__name__}"
        )
    why = json_problem(value, _where(inst, attribute))
    if why:
        raise ValidationError(why)
