"""JSON serialization of every model type, owned by one cattrs converter.

``make_converter()`` builds a fresh converter (extend it with your own hooks);
``converter`` is the shared default that ``to_dict``/``from_dict``/``to_json``/``from_json`` use.

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
from typing import Any, TypeVar

import cattrs
from cattrs.preconf.json import make_converter as _json_converter
from cattrs.v import format_exception

from conflictmodel.errors import ConflictModelError, SerializationError

__all__ = ["converter", "from_dict", "from_json", "make_converter", "to_dict", "to_json"]

T = TypeVar("T")


def make_converter() -> cattrs.Converter:
    """Build a converter with the hooks conflictmodel needs.

    Example:
        >>> import datetime as dt
        >>> conv = make_converter()
        >>> conv.unstructure(dt.date(2025, 4, 18))
        '2025-04-18'
        >>> conv.structure("2025-04-18", dt.date)
        datetime.date(2025, 4, 18)
    """
    conv = _json_converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(enum.Enum, lambda e: e.value)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    return conv


def _structure_date(value: Any, _: type[Any]) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise SerializationError(f"expected an ISO date string, got {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SerializationError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
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
    except SerializationError:
        raise
    except (cattrs.BaseValidationError, ConflictModelError, ValueError, TypeError, KeyError) as exc:
        raise SerializationError(f"cannot read {cls.__name__} from JSON: {_describe(exc)}") from exc


def _format(exc: BaseException, type_: Any) -> str:
    # Our own validators already say what is wrong; cattrs' default text would hide it.
    if isinstance(exc, ConflictModelError):
        return str(exc)
    return format_exception(exc, type_)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, cattrs.BaseValidationError):
        return "; ".join(cattrs.transform_error(exc, format_exception=_format))
    return f"{type(exc).__name__}: {exc}"


def to_json(obj: Any, *, indent: int | None = None, conv: cattrs.Converter | None = None) -> str:
    """Serialize a model object to a JSON string (UTF-8 text kept as is).

    Example:
        >>> from conflictmodel import Span
        >>> to_json(Span(start=1, end=4))
        '{"start": 1, "end": 4}'
    """
    return json.dumps(to_dict(obj, conv=conv), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, cls: type[T], *, conv: cattrs.Converter | None = None) -> T:
    """Read a ``cls`` instance from JSON made by [`to_json`][conflictmodel.serialization.to_json].

    Raises:
        SerializationError: the text is not JSON, or does not describe a valid ``cls``.

    Example:
        >>> from conflictmodel import Span
        >>> from_json('{"start": 1, "end": 4}', Span)
        Span(start=1, end=4)
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SerializationError(f"cannot read {cls.__name__} from JSON: {exc}") from exc
    return from_dict(data, cls, conv=conv)
