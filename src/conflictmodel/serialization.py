"""JSON serialization of every model type, owned by one cattrs converter.

``make_converter()`` builds a fresh converter (extend it with your own hooks);
``configure_converter(conv)`` adds the same hooks to a converter you already have (cattrs'
orjson or msgpack preconf, say), as cattrs' own preconf modules do; ``converter`` is the shared
default that ``to_dict``/``from_dict``/``to_json``/``from_json`` use.

Dates are ISO 8601 strings, enums their ``.value``, tuples JSON arrays.  Structuring runs the
model's validators, so JSON that breaks the model's rules is rejected with a
[`SerializationError`][conflictmodel.errors.SerializationError].

An Article is written normalised (``"format": 2``, see
[`ARTICLE_FORMAT`][conflictmodel.serialization.ARTICLE_FORMAT]): each actor, territory and
place once, in its lists, and references to them as ids; ``compact=True`` leaves out what
reading restores, refers by index and packs the result (``"format": 3``, see
[`COMPACT_FORMAT`][conflictmodel.serialization.COMPACT_FORMAT]).  Reading accepts every form:
format 3, format 2 full or compact (what the previous release wrote), and the embedded shape
of earlier releases (format 1).

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

import contextlib
import datetime as dt
import enum
import json
import re
import types
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter as _json_converter
from cattrs.v import format_exception

from conflictmodel._compact import COMPACT_FORMAT, pack, unpack
from conflictmodel.errors import ConflictModelError, SerializationError
from conflictmodel.model.actors import Actor
from conflictmodel.model.article import Article
from conflictmodel.model.events import Event
from conflictmodel.model.places import Place
from conflictmodel.model.proposals import Proposal
from conflictmodel.model.span import Span
from conflictmodel.model.statements import Statement
from conflictmodel.model.territories import Territory
from conflictmodel.model.textdates import TextDate

__all__ = [
    "ARTICLE_FORMAT",
    "COMPACT_FORMAT",
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
    # An Article is written normalised (see "Article JSON" below); reading goes through
    # _attrs_factory, which re-links the ids.
    conv.register_unstructure_hook(Article, lambda a: _unstructure_article(a, conv))
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
    derived = _derived_fields(cls)

    def structure(value: Any, _: Any) -> Any:
        reading = _READING.get()
        if reading is not None:
            if isinstance(value, cls):  # read once already, to build the article's id tables
                return value
            if isinstance(value, str) and cls in _REFERABLE:
                return reading.resolve(cls, value)
            if isinstance(value, Mapping) and _LIKE in value and cls in _REFERABLE:
                return reading.like(cls, value, conv)
            if type(value) is int and (cls in _REFERABLE or cls is TextDate):
                return reading.at(cls, value)
        if cls is Span and isinstance(value, list | tuple):
            value = _span_from_pair(value)
        if not isinstance(value, Mapping):
            raise SerializationError(f"expected object ({cls.__name__}), got {_json_type(value)}")
        if cls is Article:
            return _structure_article(value, inner, conv)
        if reading is not None and derived:
            value = reading.fill(value, cls, derived)
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


# ---------------------------------------------------------------- Article JSON
#
# An Article is written normalised: every actor, territory and place once, in the Article's
# own lists, and every reference to one of them inside statements, proposals, provisions,
# positions, claims and events as its id string.  A reference is an id only when the
# Article's list holds an *equal* object under that (unique) id; anything else is written in
# full, so nothing is ever lost.  ``Position.statement`` is likewise the statement's id when
# ``Article.statements`` holds it, and a date (which has no id) is its index in
# ``Article.dates`` when that list holds an equal one.  Reading re-links every id to the one object in the list,
# so the references share it, as a parsed Article's do.
#
# The compact form (``compact=True``) also leaves out what reading can restore: fields equal
# to their defaults; strings that are exactly the article text at a span of the same object
# (the evidence at ``span``: a statement's ``content``, a provision's ``text``...; a
# statement's ``cue`` at its ``cue_span``); and ids that are the parsers' ``stmt:START-END``,
# ``prop:...`` and ``event:...`` of the object's span.  A reference is the index of the object
# in the Article's list rather than its id; an object that has the id of a listed one but
# differs from it is ``{"like": INDEX, FIELD: VALUE...}``, the listed object with those fields
# changed.  Spans are written as ``[start, end]``.  Both forms carry ``"format": 2`` and are
# read without being told which.
#
# That compact data is then packed into format 3 (conflictmodel._compact: short keys, enum
# codes, [start, length] spans, flat mention lists, a variants table, ids and names the
# parsers' rules give back left out); reading unpacks format 3 into it first, so the format-2
# reader below reads every compact file, old or new.

ARTICLE_FORMAT = 2
"""The version of the Article JSON that ``to_json`` writes (the ``"format"`` key).

Version 1 is the shape before normalisation (no ``format`` key, every reference embedded in
full); version 3 is the packed compact form
([`COMPACT_FORMAT`][conflictmodel.serialization.COMPACT_FORMAT]).  ``from_json`` reads all
three, and refuses a higher version with a message saying so.

Example:
    >>> from conflictmodel import Article, to_dict
    >>> to_dict(Article(text="Goma fell."))["format"] == ARTICLE_FORMAT
    True
"""

# Referable model classes and the Article list that holds each.
_REFERABLE: dict[type[Any], str] = {
    Actor: "actors",
    Territory: "territories",
    Place: "places",
    Statement: "statements",
}
_LISTS = frozenset({*_REFERABLE.values(), "dates"})
# The key of a compact reference with changes: {"like": INDEX, "role": "venue"}.
_LIKE = "like"
# Classes whose id is, by the parsers' convention, ``PREFIX:START-END`` of their span; the
# compact form leaves such an id out and reading rebuilds it.  Part of the format: a prefix
# changed here would change how compact JSON written before reads.
_SPAN_IDS: dict[type[Any], str] = {Statement: "stmt", Proposal: "prop", Event: "event"}
_COMPACT: ContextVar[bool] = ContextVar("conflictmodel_compact", default=False)
_EVIDENCE_NAMES = ("content", "text")
_EVIDENCE: dict[type[Any], str | None] = {}
_DERIVED: dict[type[Any], dict[str, str]] = {}
_FIELDS: dict[type[Any], tuple[attrs.Attribute[Any], ...]] = {}


def _evidence_field(cls: type[Any]) -> str | None:
    """The field that holds the text at ``span`` (``content``, ``text``), if ``cls`` has one.

    Derived from the fields, not listed, so a new model class with a span and its evidence
    gets the compact form without a change here.
    """
    if cls in _EVIDENCE:
        return _EVIDENCE[cls]
    found: str | None = None
    if attrs.has(cls) and cls is not Article:
        names = {f.name for f in attrs.fields(cls)}
        if "span" in names:
            found = next((n for n in _EVIDENCE_NAMES if n in names), None)
    _EVIDENCE[cls] = found
    return found


def _derived_fields(cls: type[Any]) -> dict[str, str]:
    """``{field: span field}``: what the compact form may leave out of a ``cls`` because
    reading rebuilds it from that span: the evidence at ``span``, a string field ``X`` at its
    ``X_span`` (``cue``), and ``id`` (from ``span``) for the classes of ``_SPAN_IDS``.

    Derived from the fields, so a new model class gets the compact form without a change here.

    Example:
        >>> from conflictmodel import Statement
        >>> _derived_fields(Statement)
        {'id': 'span', 'content': 'span', 'cue': 'cue_span'}
    """
    if cls in _DERIVED:
        return _DERIVED[cls]
    found: dict[str, str] = {}
    if attrs.has(cls) and cls is not Article:
        names = [f.name for f in attrs.fields(cls)]
        hints = get_type_hints(cls)
        if cls in _SPAN_IDS:
            found["id"] = "span"
        evidence = _evidence_field(cls)
        for name in names:
            if name == evidence:
                found[name] = "span"
            elif f"{name}_span" in names and hints[name] in (str, str | None):
                found[name] = f"{name}_span"
    _DERIVED[cls] = found
    return found


def _rebuilt(cls: type[Any], name: str, span: Span, text: str) -> str:
    """What reading puts in a left-out field ``name`` of a ``cls`` with that span."""
    if name == "id" and cls in _SPAN_IDS:
        return f"{_SPAN_IDS[cls]}:{span.start}-{span.end}"
    return span.of(text)


def _fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    try:
        return _FIELDS[cls]
    except KeyError:
        _FIELDS[cls] = found = tuple(attrs.fields(cls))
        return found


def _unique_ids(items: tuple[Any, ...]) -> dict[str, tuple[Any, int]]:
    """``id -> (object, index)`` for the ids that occur once (a shared id could not say
    which)."""
    table: dict[str, tuple[Any, int]] = {}
    doubled: set[str] = set()
    for index, item in enumerate(items):
        if item.id in table:
            doubled.add(item.id)
        table[item.id] = (item, index)
    for key in doubled:
        del table[key]
    return table


class _Writer:
    """Unstructures one Article: references as ids, and the compact form if asked."""

    def __init__(self, article: Article, conv: cattrs.Converter, compact: bool) -> None:
        self.conv = conv
        self.text = article.text
        self.compact = compact
        self.tables = {cls: _unique_ids(getattr(article, name)) for cls, name in _REFERABLE.items()}
        self.dates: dict[TextDate, int] = {}
        for i, date in enumerate(article.dates):
            self.dates.setdefault(date, i)

    def article(self, article: Article) -> dict[str, Any]:
        out: dict[str, Any] = {"format": ARTICLE_FORMAT}
        for field in _fields(Article):
            value = getattr(article, field.name)
            if self.compact and self._is_default(article, field, value):
                continue
            if field.name in _LISTS:  # the lists themselves hold full objects
                out[field.name] = [self.full(item) for item in value]
            else:
                out[field.name] = self.value(value)
        return out

    def value(self, value: Any) -> Any:
        cls = type(value)
        if cls is tuple:
            return [self.value(v) for v in value]
        if cls is Span:
            return (
                [value.start, value.end]
                if self.compact
                else {"start": value.start, "end": value.end}
            )
        if cls is TextDate and value in self.dates:
            return self.dates[value]
        table = self.tables.get(cls)
        if table is not None and value.id in table:
            known, index = table[value.id]
            if known is value or known == value:
                return index if self.compact else value.id
            if self.compact:  # the listed object with a few fields changed
                return self.like(known, index, value)
        if cls.__module__.startswith("conflictmodel.model.") and attrs.has(cls):
            return self.full(value)
        return self.conv.unstructure(value)

    def like(self, known: Any, index: int, obj: Any) -> dict[str, Any]:
        """``{"like": index, ...}``: ``obj`` as the listed object at ``index`` (same id) with
        the fields where it differs (an event's place that is the dateline city in another
        role, say)."""
        out: dict[str, Any] = {_LIKE: index}
        for field in _fields(type(obj)):
            value = getattr(obj, field.name)
            if value != getattr(known, field.name):
                out[field.name] = self.value(value)
        return out

    def full(self, obj: Any) -> dict[str, Any]:
        cls = type(obj)
        derived = _derived_fields(cls) if self.compact else {}
        out: dict[str, Any] = {}
        for field in _fields(cls):
            value = getattr(obj, field.name)
            span = getattr(obj, derived[field.name]) if field.name in derived else None
            if isinstance(span, Span):
                # Reading fills this field in from the span when it is absent: leave it out
                # only if that gives it back, and never leave it out as a mere default.
                if value != _rebuilt(cls, field.name, span, self.text):
                    out[field.name] = self.value(value)
                continue
            if self.compact and self._is_default(obj, field, value):
                continue
            out[field.name] = self.value(value)
        return out

    @staticmethod
    def _is_default(obj: Any, field: attrs.Attribute[Any], value: Any) -> bool:
        default: Any = field.default
        if default is attrs.NOTHING:
            return False
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory(obj) if default.takes_self else default.factory()
        return bool(type(value) is type(default) and value == default)


def _unstructure_article(article: Article, conv: cattrs.Converter) -> dict[str, Any]:
    compact = _COMPACT.get()
    data = _Writer(article, conv, compact).article(article)
    # The compact form is then packed (format 3: short keys, enum codes...); see _compact.
    return pack(data) if compact else data


class _Reader:
    """What structuring an Article's parts needs: its text and its id tables."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tables: dict[type[Any], dict[str, Any]] = {}
        self.lists: dict[type[Any], tuple[Any, ...]] = {}

    def at(self, cls: type[Any], index: int) -> Any:
        """The object at ``index`` of the Article's list of ``cls`` (a compact reference)."""
        name = _REFERABLE.get(cls, "dates")
        items = self.lists.get(cls)
        if items is None:  # the list itself could not be read; that error is reported
            raise SerializationError(f"cannot resolve {cls.__name__} {index}")
        if not 0 <= index < len(items):
            raise SerializationError(
                f"{index} is not the index of any of the article's {len(items)} {name} "
                f"(Article.{name})"
            )
        return items[index]

    def like(self, cls: type[Any], value: Mapping[str, Any], conv: cattrs.Converter) -> Any:
        """The listed object ``value["like"]`` points at, with the fields ``value`` gives."""
        index = value[_LIKE]
        if type(index) is not int:
            raise SerializationError(f'"{_LIKE}" must be an index, got {_json_type(index)}')
        base = self.at(cls, index)
        hints = get_type_hints(cls)
        changes: dict[str, Any] = {}
        for name, raw in value.items():
            if name == _LIKE:
                continue
            if name not in hints or name == "id":
                raise SerializationError(f"{name!r} is not a field {cls.__name__} can change")
            changes[name] = conv.structure(raw, hints[name])
        return attrs.evolve(base, **changes)

    def resolve(self, cls: type[Any], key: str) -> Any:
        table = self.tables.get(cls)
        if table is None:  # the list itself could not be read; that error is reported
            raise SerializationError(f"cannot resolve {cls.__name__} id {key!r}")
        try:
            return table[key]
        except KeyError:
            name = _REFERABLE[cls]
            raise SerializationError(
                f"{key!r} is not the id of any of the article's {name} (Article.{name})"
            ) from None

    def fill(
        self, value: Mapping[str, Any], cls: type[Any], derived: Mapping[str, str]
    ) -> Mapping[str, Any]:
        """``value`` with the fields the compact form left out rebuilt from their spans."""
        filled: dict[str, Any] | None = None
        for name, span_name in derived.items():
            if name in value:
                continue
            span = _span_of(value.get(span_name))
            if span is not None:
                filled = dict(value) if filled is None else filled
                filled[name] = _rebuilt(cls, name, span, self.text)
        return value if filled is None else filled


def _span_of(raw: Any) -> Span | None:
    """A span as JSON holds it (``{"start", "end"}`` or ``[start, end]``), if it is one."""
    if isinstance(raw, Mapping):
        raw = (raw.get("start"), raw.get("end"))
    if not (isinstance(raw, list | tuple) and len(raw) == 2):
        return None
    start, end = raw
    if not all(type(x) is int for x in (start, end)) or not 0 <= start <= end:
        return None  # the span's own error is reported
    return Span(start=start, end=end)


_READING: ContextVar[_Reader | None] = ContextVar("conflictmodel_reading", default=None)


def _span_from_pair(value: list[Any] | tuple[Any, ...]) -> dict[str, Any]:
    if len(value) != 2:
        raise SerializationError(f"a span is [start, end], got an array of {len(value)}")
    return {"start": value[0], "end": value[1]}


def _read_format(value: Mapping[str, Any]) -> None:
    fmt = value.get("format", 1)
    if type(fmt) is not int or fmt < 1:
        raise SerializationError(f'Article "format" must be a positive integer, got {fmt!r}')
    if fmt > COMPACT_FORMAT:
        raise SerializationError(
            f"Article JSON format {fmt} is newer than this version of conflictmodel reads "
            f"(formats 1 to {COMPACT_FORMAT}); upgrade conflictmodel to read it"
        )


def _structure_article(
    value: Mapping[str, Any], inner: Callable[[Any, Any], Any], conv: cattrs.Converter
) -> Article:
    _read_format(value)
    if value.get("format") == COMPACT_FORMAT:  # packed: back to format 2's compact form
        value = unpack(value)
    data = {k: v for k, v in value.items() if k != "format"}
    text = data.get("text")
    reader = _Reader(text if isinstance(text, str) else "")
    token = _READING.set(reader)
    try:
        # The lists first (dates, which refer to nothing, then actors... and statements,
        # which name them), each object read once and shared by every reference; a list that
        # cannot be read is left for ``inner`` to report with its path.
        with contextlib.suppress(Exception):  # reported again, with its path, by inner()
            reader.lists[TextDate] = data["dates"] = conv.structure(
                data.get("dates", ()), tuple[TextDate, ...]
            )
        for cls, name in _REFERABLE.items():
            try:
                items: tuple[Any, ...] = conv.structure(data.get(name, ()), tuple[cls, ...])  # type: ignore[valid-type]
            except Exception:  # reported again, with its path, by inner() below
                continue
            data[name] = items
            reader.lists[cls] = items
            reader.tables[cls] = {item.id: item for item in reversed(items)}
        result: Article = inner(data, Article)
        return result
    finally:
        _READING.reset(token)


converter: cattrs.Converter = make_converter()
"""The default converter used by the module's functions."""


def to_dict(obj: Any, *, conv: cattrs.Converter | None = None, compact: bool = False) -> Any:
    """Turn a model object into JSON-ready Python data (dicts, lists, str, int, bool, None).

    An [`Article`][conflictmodel.Article] is written normalised (``"format": 2``): its actors,
    territories and places once each, and references to them (and ``Position.statement``)
    as ids.  ``compact=True`` writes an Article in the compact form, ``"format": 3``: it
    leaves out what reading restores (fields equal to their defaults, strings equal to the
    text at a span of the same object, ids that are the ``stmt:START-END`` of their span or
    what the parsers' id rules give, a name that is the text at the first mention),
    refers by index, and writes keys short, enums as codes, spans as ``[start, length]`` and
    mention lists flat (the JSON how-to has the tables).  It changes nothing for other
    objects.

    Example:
        >>> from conflictmodel import Article, Span, Statement
        >>> to_dict(Span(start=1, end=4))
        {'start': 1, 'end': 4}
        >>> art = Article(text="No deal.", statements=[
        ...     Statement(id="s1", content="No deal.", kind="direct", span=Span(start=0, end=8))])
        >>> to_dict(art, compact=True)
        {'format': 3, 't': 'No deal.', 'S': [{'i': 's1', 'k': 0, 's': [0, 8]}]}
        >>> from_dict(to_dict(art, compact=True), Article) == art
        True
    """
    token = _COMPACT.set(compact)
    try:
        return (conv or converter).unstructure(obj)
    finally:
        _COMPACT.reset(token)


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


def to_json(
    obj: Any,
    *,
    indent: int | None = None,
    conv: cattrs.Converter | None = None,
    compact: bool = False,
) -> str:
    """Serialize a model object to a JSON string (UTF-8 text kept as is).

    ``compact=True`` writes the compact form of Articles (see
    [`to_dict`][conflictmodel.serialization.to_dict]) without spaces after separators;
    [`from_json`][conflictmodel.serialization.from_json] reads both forms.

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
        data = to_dict(obj, conv=conv, compact=compact)
        separators = (",", ":") if compact and indent is None else None
        return json.dumps(
            data, ensure_ascii=False, indent=indent, allow_nan=False, separators=separators
        )
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
