"""JSON serialization of every model type, owned by one cattrs converter.

``make_converter()`` builds a fresh converter (extend it with your own hooks);
``configure_converter(conv)`` adds the same hooks to a converter you already have (cattrs'
orjson or msgpack preconf, say), as cattrs' own preconf modules do; ``converter`` is the shared
default that ``to_dict``/``from_dict``/``to_json``/``from_json`` use.

Dates are ISO 8601 strings, enums their ``.value``, tuples JSON arrays.  Structuring runs the
model's validators, so JSON that breaks the model's rules is rejected with a
[`SerializationError`][conflictmodel.errors.SerializationError].

Example:
    >>> from conflictmodel import Span, Territory, to_json, from_json
    >>> crimea = Territory(id="UA-43", name="Crimea", code="UA-43", kind="region",
    ...                    mentions=[Span(start=0, end=6)])
    >>> text = to_json(crimea)
    >>> text[:40]
    '{"id": "UA-43", "name": "Crimea", "code"'
    >>> from_json(text, Territory) == crimea
    True
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import types
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter as _json_converter
from cattrs.v import format_exception

from conflictmodel.errors import ConflictModelError, SerializationError

__all__ = [
    "configure_converter",
    "converter",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_json",
]

T = TypeVar("T")
C = TypeVar("C", bound=cattrs.Converter)

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def make_converter() -> cattrs.Converter:
    """Build a converter with the hooks conflictmodel needs.

    Structuring is strict: JSON of the wrong type (``"5"`` for an int, ``"false"`` for a bool,
    a string where an array belongs) is an error rather than silently coerced, and unknown keys
    are rejected.

    Example:
        >>> import datetime as dt
        >>> conv = make_converter()
        >>> conv.unstructure(dt.date(2025, 4, 18))
        '2025-04-18'
        >>> conv.structure("2025-04-18", dt.date)
        datetime.date(2025, 4, 18)
    """
    return configure_converter(_json_converter(forbid_extra_keys=True))


def configure_converter(conv: C) -> C:
    """Add conflictmodel's hooks to an existing converter and return it.

    Use it to serialise the model with a converter you already have, such as one of cattrs'
    preconf converters (orjson, msgpack, ujson).  The hooks make structuring strict for ``str``,
    ``int`` and ``bool`` (JSON values are checked, never coerced) and read dates as ISO 8601
    strings and enums by value.  The model's own classes always reject unknown keys, whatever
    the converter's ``forbid_extra_keys`` says, so a typo in a field name is never silently
    dropped.

    Example:
        >>> import cattrs
        >>> from conflictmodel import Span, Territory
        >>> conv = configure_converter(cattrs.Converter())
        >>> data = conv.unstructure(Territory(id="UA-43", name="Crimea", kind="region"))
        >>> data["kind"], conv.structure(data, Territory).name
        ('region', 'Crimea')
    """
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(enum.Enum, lambda e: e.value)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    # cattrs' defaults call str()/int()/bool() on whatever arrives, which would read "false"
    # as True and 5 as "5"; JSON already has the right types, so only check them.
    conv.register_structure_hook(str, _strict(str))
    conv.register_structure_hook(int, _strict(int))
    conv.register_structure_hook(bool, _strict(bool))
    conv.register_structure_hook_factory(_is_optional, _optional_factory)
    conv.register_structure_hook_factory(_is_tuple_of, _tuple_factory)
    conv.register_structure_hook_factory(attrs.has, _attrs_factory)
    return conv


def _type_name(cls: Any) -> str:
    # Unions and other typing forms have no __name__.
    return getattr(cls, "__name__", None) or repr(cls)


def _json_type(value: Any) -> str:
    """The JSON name of a Python value's type, for error messages."""
    if value is None:
        return "null"
    for py, name in ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string")):
        if isinstance(value, py):
            return name
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list | tuple):
        return "array"
    return type(value).__name__


def _strict(cls: type[Any]) -> Callable[[Any, Any], Any]:
    json_name = {str: "string", int: "integer", bool: "boolean"}[cls]

    def structure(value: Any, _: Any) -> Any:
        # bool is an int subclass, but true is not a number in JSON.
        if not isinstance(value, cls) or (cls is int and isinstance(value, bool)):
            raise SerializationError(f"expected {json_name}, got {_json_type(value)}")
        return value

    return structure


def _union_args(t: Any) -> tuple[Any, ...]:
    if get_origin(t) in (Union, types.UnionType):
        return get_args(t)
    return ()


def _is_optional(t: Any) -> bool:
    args = _union_args(t)
    return len(args) == 2 and type(None) in args


def _optional_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner_type = next(a for a in _union_args(t) if a is not type(None))
    inner = conv.get_structure_hook(inner_type)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure


def _is_tuple_of(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = homogenous_tuple_structure_factory(t, conv)

    def structure(value: Any, _: Any) -> Any:
        # Iterating a string or an object would quietly turn it into characters or keys.
        if not isinstance(value, list | tuple):
            raise SerializationError(f"expected array, got {_json_type(value)}")
        return inner(value, t)

    return structure


def _attrs_factory(cls: type[Any], conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = make_dict_structure_fn(
        cls,
        conv,
        # The model's own classes never drop an unknown key silently (a misspelt field would
        # vanish); other attrs classes follow the converter's setting.
        _cattrs_forbid_extra_keys=conv.forbid_extra_keys
        or cls.__module__.startswith("conflictmodel."),
        _cattrs_detailed_validation=conv.detailed_validation,
    )

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise SerializationError(f"expected object ({cls.__name__}), got {_json_type(value)}")
        return inner(value, cls)

    return structure


def _structure_date(value: Any, _: type[Any]) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise SerializationError(f"expected an ISO date string, got {_json_type(value)}")
    # fromisoformat also takes "20250418" and week dates; the model writes only YYYY-MM-DD.
    if not _ISO_DATE.fullmatch(value):
        raise SerializationError(f"{value!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SerializationError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(m.value) for m in cls)
        raise SerializationError(
            f"{value!r} is not a valid {cls.__name__}; expected one of {allowed}"
        ) from None


converter: cattrs.Converter = make_converter()
"""The default converter used by the module's functions."""


def to_dict(obj: Any, *, conv: cattrs.Converter | None = None) -> Any:
    """Turn a model object into JSON-ready Python data (dicts, lists, str, int, bool, None).

    Example:
        >>> from conflictmodel import Span
        >>> to_dict(Span(start=1, end=4))
        {'start': 1, 'end': 4}
    """
    return (conv or converter).unstructure(obj)


def from_dict(data: Any, cls: type[T], *, conv: cattrs.Converter | None = None) -> T:
    """Build a ``cls`` instance from data made by [`to_dict`][conflictmodel.serialization.to_dict].

    Raises:
        SerializationError: the data does not describe a valid ``cls``.

    Example:
        >>> from conflictmodel import Span
        >>> from_dict({"start": 1, "end": 4}, Span)
        Span(start=1, end=4)
    """
    try:
        return (conv or converter).structure(data, cls)
    except (
        cattrs.BaseValidationError,
        cattrs.errors.StructureHandlerNotFoundError,
        ConflictModelError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        OverflowError,
    ) as exc:
        raise SerializationError(
            f"cannot read {_type_name(cls)} from JSON: {_describe(exc)}"
        ) from exc
    except RecursionError:
        raise SerializationError(
            f"cannot read {_type_name(cls)} from JSON: nested too deeply"
        ) from None


def _format(exc: BaseException, type_: Any) -> str:
    # Our own validators and hooks already say what is wrong; cattrs' text would hide it.
    if isinstance(exc, ConflictModelError):
        return str(exc)
    return format_exception(exc, type_)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, cattrs.BaseValidationError):
        return "; ".join(cattrs.transform_error(exc, format_exception=_format))
    # Raised before cattrs could attach a path: the problem is the document itself.
    if isinstance(exc, ConflictModelError):
        return f"{exc} @ $"
    return f"{type(exc).__name__}: {exc} @ $"


def to_json(obj: Any, *, indent: int | None = None, conv: cattrs.Converter | None = None) -> str:
    """Serialize a model object to a JSON string (UTF-8 text kept as is).

    Raises:
        SerializationError: ``obj`` holds something JSON cannot represent (an object of an
            unknown type, a float that is not finite, an integer of more than 4,300 digits,
            a cycle).

    Example:
        >>> from conflictmodel import Span
        >>> to_json(Span(start=1, end=4))
        '{"start": 1, "end": 4}'
    """
    if indent is not None and (not isinstance(indent, int) or isinstance(indent, bool)):
        raise SerializationError(f"indent must be an int or None, got {type(indent).__name__}")
    try:
        data = to_dict(obj, conv=conv)
        return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except (TypeError, ValueError, OverflowError) as exc:
        raise SerializationError(
            f"cannot write {type(obj).__name__} as JSON: {type(exc).__name__}: {exc}"
        ) from exc
    except RecursionError:
        raise SerializationError(
            f"cannot write {type(obj).__name__} as JSON: nested too deeply (or a cycle)"
        ) from None


def from_json(text: str | bytes, cls: type[T], *, conv: cattrs.Converter | None = None) -> T:
    """Read a ``cls`` instance from JSON made by [`to_json`][conflictmodel.serialization.to_json].

    Raises:
        SerializationError: the text is not JSON (or a number in it has more than 4,300
            digits), or does not describe a valid ``cls``.

    Example:
        >>> from conflictmodel import Span
        >>> from_json('{"start": 1, "end": 4}', Span)
        Span(start=1, end=4)
    """
    if not isinstance(text, str | bytes | bytearray):
        raise SerializationError(
            f"cannot read {_type_name(cls)} from JSON: expected str or bytes, got {type(text).__name__}"
        )
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SerializationError(f"cannot read {_type_name(cls)} from JSON: {exc}") from exc
    except ValueError as exc:  # an integer longer than Python's int-string limit
        raise SerializationError(f"cannot read {_type_name(cls)} from JSON: {exc}") from exc
    except RecursionError:
        raise SerializationError(
            f"cannot read {_type_name(cls)} from JSON: nested too deeply"
        ) from None
    return from_dict(data, cls, conv=conv)
