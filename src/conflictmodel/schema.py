"""JSON Schema (Draft 2020-12) of the JSON that [`to_json`][conflictmodel.to_json] writes.

For an Article that is the normalised form (``"format": 2``, references as ids, full or
compact; see [`to_dict`][conflictmodel.serialization.to_dict]).

The schema is generated from the attrs classes themselves: field types give JSON types
(``str`` -> string, ``int`` -> integer, ``bool`` -> boolean, ``datetime.date`` -> an ISO date
string, enums -> their values, ``tuple[X, ...]`` -> arrays, ``X | None`` -> ``anyOf`` with
null, nested model classes -> ``$defs``), and the model's validators add what they enforce
(ISO code and Wikidata id patterns, non-empty ids, non-negative offsets).  It cannot drift from
the model.  Rules that relate several fields (a span's ``end >= start``, a Position needs a
target, spans lie inside the Article text) are checked by [`from_json`][conflictmodel.from_json],
not by the schema.

A copy ships as ``conflictmodel/schema/article.schema.json``; regenerate it with::

    python -m conflictmodel.schema > src/conflictmodel/schema/article.schema.json

Example:
    >>> schema = article_schema()
    >>> schema["$schema"], schema["title"]
    ('https://json-schema.org/draft/2020-12/schema', 'Article')
    >>> schema["properties"]["statements"]["items"]
    {'$ref': '#/$defs/Statement'}
    >>> schema["$defs"]["StatementKind"]["enum"]
    ['direct', 'partial', 'reported']
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import inspect
import json
import re
import sys
import types
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from conflictmodel import _compact
from conflictmodel._validators import JSON_SCHEMA
from conflictmodel.errors import InputError
from conflictmodel.model.article import Article
from conflictmodel.model.span import Span
from conflictmodel.model.textdates import TextDate
from conflictmodel.serialization import _LIKE as LIKE
from conflictmodel.serialization import _REFERABLE as REFERABLE
from conflictmodel.serialization import ARTICLE_FORMAT, converter
from conflictmodel.serialization import _derived_fields as derived_fields

__all__ = ["DRAFT", "article_schema", "compact_article_schema", "json_schema", "main"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the generated schemas."""

_ISO_DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_PRIMITIVES: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
}
# "name: text" or "a, b: text" at the start of an entry in a Google-style Attributes section.
_ATTR_ENTRY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*(?:, [A-Za-z_][A-Za-z0-9_]*){0,9}): (.*)")
# Doc-site cross references: [`Name`][target] -> `Name`.
_XREF = re.compile(r"\[(`[^`\]]{1,80}`)\]\[[^\]]{0,120}\]")


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """The JSON Schema of ``to_dict``/``to_json`` output for a model class.

    Raises:
        InputError: ``cls`` is not an attrs class, or a field has a type JSON cannot express.

    Example:
        >>> from conflictmodel import Span
        >>> s = json_schema(Span)
        >>> s["required"], s["properties"]["start"]["type"], s["properties"]["start"]["minimum"]
        (['start', 'end'], 'integer', 0)
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise InputError(f"json_schema() needs an attrs model class, got {cls!r}")
    defs: dict[str, dict[str, Any]] = {}
    # Inside an Article, references are ids and the compact form may be used (see below).
    root = _class_schema(cls, defs, article=cls is Article)
    defs.pop(cls.__name__, None)
    if cls is Article:
        for tp in REFERABLE:
            if tp.__name__ in defs:
                defs[f"{tp.__name__}Like"] = _like_schema(tp, defs[tp.__name__])
    schema: dict[str, Any] = {"$schema": DRAFT, "title": cls.__name__, **root}
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def article_schema() -> dict[str, Any]:
    """The JSON Schema of a serialized [`Article`][conflictmodel.Article].

    It describes the normalised form (format 2), full or compact: inside statements,
    proposals, positions, claims and events a reference to an actor, territory, place or
    statement is its id, its index in the article's list (compact), the object in full, or
    (compact) ``{"like": INDEX, ...}``, a listed object with some fields changed; a date its
    index in ``dates`` or the object, and a span ``{"start", "end"}`` or ``[start, end]``;
    what the compact form may leave out is not required.

    Example:
        >>> schema = article_schema()
        >>> schema["required"], schema["properties"]["format"]["const"]
        (['format', 'text'], 2)
        >>> [b.get("type", b.get("$ref")) for b in
        ...  schema["$defs"]["Statement"]["properties"]["speaker"]["anyOf"]]
        ['string', 'integer', '#/$defs/Actor', '#/$defs/ActorLike', 'null']
    """
    return json_schema(Article)


def compact_article_schema() -> dict[str, Any]:
    """The JSON Schema of the compact Article JSON, ``to_json(article, compact=True)``.

    That is format 3 (its tables are in the serialization reference, "The compact form"): short keys,
    enums as integer codes, spans as ``[start, length]``, mention lists as flat integer lists,
    references as indexes into the article's lists or the variants tables that follow them.
    Generated from the model and the format's tables, like
    [`article_schema`][conflictmodel.schema.article_schema].

    Example:
        >>> schema = compact_article_schema()
        >>> schema["title"], schema["properties"]["format"]["const"], schema["required"]
        ('CompactArticle', 3, ['format', 't'])
        >>> schema["$defs"]["CompactStatement"]["properties"]["k"]["$ref"]
        '#/$defs/CompactStatementKind'
        >>> schema["$defs"]["CompactStatementKind"]["maximum"]
        2
    """
    defs: dict[str, dict[str, Any]] = {}
    root = _compact_class(Article, defs)
    for cls, key in _compact.VARIANTS.items():
        name = f"Compact{cls.__name__}"
        _compact_ref(cls, defs)
        defs[f"{name}Like"] = _compact_like(cls, defs[name])
        root["properties"][key] = {
            "description": f"{cls.__name__} values referred to that are not in the article's "
            f"{REFERABLE[cls]}: reference k past the end of that list is item k here",
            "type": "array",
            "items": {"anyOf": [{"$ref": f"#/$defs/{name}"}, {"$ref": f"#/$defs/{name}Like"}]},
        }
    return {
        "$schema": DRAFT,
        "title": "CompactArticle",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


_PAIR_ITEM = {"type": "integer", "minimum": 0}
_PAIR = {"type": "array", "prefixItems": [_PAIR_ITEM, _PAIR_ITEM], "minItems": 2, "maxItems": 2}


def _compact_class(cls: type[Any], defs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    docs = _attribute_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    if cls is Article:
        properties["format"] = {
            "description": "The version of the compact Article JSON",
            "const": _compact.COMPACT_FORMAT,
        }
        required.append("format")
    # What reading rebuilds (from a span, a mention, the id rules) need not be there.
    derived = set(derived_fields(cls))
    if cls in _compact.NAMED:
        derived |= {"id", "name"}
    for field in attrs.fields(cls):
        prop = _compact_type(hints[field.name], defs, field.name, cls)
        keywords = JSON_SCHEMA.get(field.validator) if field.validator is not None else None
        if keywords:
            _constrain(prop, keywords)
        if field.name in docs:
            prop = {"description": docs[field.name], **prop}
        key = _compact.KEYS.get(field.name, field.name)
        properties[key] = prop
        if field.default is attrs.NOTHING and field.name not in derived:
            required.append(key)
    schema: dict[str, Any] = {}
    summary = _summary(cls)
    if summary:
        schema["description"] = summary
    schema.update(type="object", properties=properties, required=required)
    schema["additionalProperties"] = False
    return schema


def _compact_ref(cls: type[Any], defs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    name = f"Compact{cls.__name__}"
    if name not in defs:
        defs[name] = {}  # reserved first: a class may refer to itself
        if issubclass(cls, enum.Enum):
            values = _compact.ENUM_CODES[cls]
            defs[name] = {
                "description": f"{cls.__name__} as its code: "
                + ", ".join(f"{i} {v}" for i, v in enumerate(values)),
                "type": "integer",
                "minimum": 0,
                "maximum": len(values) - 1,
            }
        elif cls in _compact.ROWS:
            defs[name] = _compact_row(cls, defs)
        else:
            defs[name] = _compact_class(cls, defs)
    return {"$ref": f"#/$defs/{name}"}


def _compact_row(cls: type[Any], defs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A class written as the array of its field values (trailing nulls left out)."""
    obj = _compact_class(cls, defs)
    keys = {f.name: _compact.KEYS.get(f.name, f.name) for f in attrs.fields(cls)}
    names = _compact.ROWS[cls]
    items = [{"description": name, **obj["properties"][keys[name]]} for name in names]
    schema: dict[str, Any] = {}
    if "description" in obj:
        schema["description"] = f"{obj['description']} As an array: " + ", ".join(names) + "."
    schema.update(
        type="array",
        prefixItems=items,
        minItems=len(obj["required"]),
        maxItems=len(names),
    )
    return schema


def _compact_type(
    tp: Any, defs: dict[str, dict[str, Any]], name: str, cls: type[Any]
) -> dict[str, Any]:
    index = {"type": "integer", "minimum": 0}
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        branches: list[dict[str, Any]] = []
        for arg in args:
            branch = _compact_type(arg, defs, name, cls)
            branches.extend(branch["anyOf"] if list(branch) == ["anyOf"] else [branch])
        return {"anyOf": branches}
    if name == "proposal_id" and tp is str:
        return {"anyOf": [{"type": "string"}, {"description": "index in proposals", **index}]}
    if name in _compact.IN_SPAN and tp is str:
        return {"anyOf": [{"type": "string"}, {"description": "[offset in span, length]", **_PAIR}]}
    if cls in _compact.NAMED and name in ("description", "aliases"):
        text = {"anyOf": [{"type": "string"}, {"description": "index of a mention", **index}]}
        return {"type": "array", "items": text} if name == "aliases" else text
    if tp is Span:
        return {"description": "[start, length]", **_PAIR}
    if origin is tuple and args == (Span, Ellipsis):
        return {
            "description": "[gap, length, gap, length...]",
            "type": "array",
            "items": {"type": "integer"},
        }
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if (cls is Article and args[0] in REFERABLE) or args[0] is TextDate:
            items = _compact_ref(args[0], defs)  # the article's own lists: full objects
        else:
            items = _compact_type(args[0], defs, name, cls)
        return {"type": "array", "items": items}
    if tp in REFERABLE:
        return {"description": f"index in {REFERABLE[tp]} (then its variants)", **index}
    if tp is TextDate:
        return {"anyOf": [{"description": "index in dates", **index}, _compact_ref(tp, defs)]}
    if isinstance(tp, type) and (issubclass(tp, enum.Enum) or attrs.has(tp)):
        return _compact_ref(tp, defs)
    return _type_schema(tp, defs)


def _compact_like(cls: type[Any], obj: dict[str, Any]) -> dict[str, Any]:
    like = _compact.KEYS[LIKE]
    properties = {
        like: {
            "description": f"the index in {REFERABLE[cls]} of the object changed",
            "type": "integer",
            "minimum": 0,
        },
        **{k: v for k, v in obj["properties"].items() if k != _compact.KEYS["id"]},
    }
    return {
        "description": f"one of the article's {REFERABLE[cls]} with the fields given changed",
        "type": "object",
        "properties": properties,
        "required": [like],
        "additionalProperties": False,
    }


def _class_schema(
    cls: type[Any], defs: dict[str, dict[str, Any]], *, article: bool = False
) -> dict[str, Any]:
    hints = get_type_hints(cls)
    docs = _attribute_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    if article and cls is Article:
        properties["format"] = {
            "description": "The version of the Article JSON; absent in version 1 (before "
            "references were ids), which from_json still reads.",
            "const": ARTICLE_FORMAT,
        }
        required.append("format")
    # In an Article, fields equal to their defaults and what reading rebuilds from a span (the
    # evidence, a cue, an id of the stmt:START-END kind) may be left out (the compact form),
    # so those are not required.
    derived = derived_fields(cls) if article else {}
    for field in attrs.fields(cls):
        # The Article's own lists hold full objects; everything inside them may refer by id.
        refs = article and cls is not Article
        prop = _type_schema(hints[field.name], defs, refs=refs, article=article)
        keywords = JSON_SCHEMA.get(field.validator) if field.validator is not None else None
        if keywords:
            _constrain(prop, keywords)
        if field.name in docs:
            prop = {"description": docs[field.name], **prop}
        if field.default is attrs.NOTHING and field.name not in derived:
            required.append(field.name)
        elif field.default is not attrs.NOTHING and not isinstance(
            field.default,
            attrs.Factory,  # type: ignore[arg-type]
        ):
            prop["default"] = converter.unstructure(field.default)
        properties[field.name] = prop
    schema: dict[str, Any] = {}
    summary = _summary(cls)
    if summary:
        schema["description"] = summary
    schema["type"] = "object"
    schema["properties"] = properties
    schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _constrain(prop: dict[str, Any], keywords: dict[str, Any]) -> None:
    """Add a validator's keywords to the non-null branch of a property schema."""
    if "anyOf" in prop:
        for branch in prop["anyOf"]:
            if branch.get("type") != "null":
                branch.update(keywords)
    else:
        prop.update(keywords)


def _type_schema(
    tp: Any, defs: dict[str, dict[str, Any]], *, refs: bool = False, article: bool = False
) -> dict[str, Any]:
    if refs and (tp in REFERABLE or tp is TextDate):
        return _reference_schema(tp, defs, article=article)
    if tp in _PRIMITIVES:
        return dict(_PRIMITIVES[tp])
    if tp is dt.date:
        return dict(_ISO_DATE)
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        branches: list[dict[str, Any]] = []
        for arg in args:
            branch = _type_schema(arg, defs, refs=refs, article=article)
            # An optional reference: one flat anyOf (id, object, null), not a nested one.
            branches.extend(branch["anyOf"] if list(branch) == ["anyOf"] else [branch])
        return {"anyOf": branches}
    if tp is type(None):
        return {"type": "null"}
    if tp is Any:
        return {}
    if origin is dict and args and args[0] is str:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs)}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type_schema(args[0], defs, refs=refs, article=article)}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        if tp.__name__ not in defs:
            defs[tp.__name__] = _enum_schema(tp)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if isinstance(tp, type) and attrs.has(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # reserve the name first: a class may refer to itself
            defs[tp.__name__] = _class_schema(tp, defs, article=article)
            if article and tp is Span:
                defs["Span"] = _span_or_pair(defs["Span"])
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise InputError(f"no JSON Schema for type {tp!r}")


def _reference_schema(tp: Any, defs: dict[str, dict[str, Any]], *, article: bool) -> dict[str, Any]:
    """Where the model allows a reference: an actor, territory or place by id or index, or
    written out (whole or as a changed copy of a listed one); a date by its index."""
    if tp is TextDate:
        return {
            "anyOf": [
                {
                    "description": "the index of an equal date in the article's dates",
                    "type": "integer",
                    "minimum": 0,
                },
                _type_schema(tp, defs, article=article),
            ]
        }
    return {
        "anyOf": [
            {
                "description": f"the id of one of the article's {REFERABLE[tp]}",
                "type": "string",
                "minLength": 1,
            },
            {
                "description": f"the index of one of the article's {REFERABLE[tp]} "
                "(the compact form)",
                "type": "integer",
                "minimum": 0,
            },
            _type_schema(tp, defs, article=article),
            {"$ref": f"#/$defs/{tp.__name__}Like"},
        ]
    }


def _like_schema(tp: type[Any], obj: dict[str, Any]) -> dict[str, Any]:
    """``{"like": INDEX, FIELD: VALUE...}``: one of the article's objects with some fields
    changed (the compact form, for an object that has a listed object's id but differs)."""
    properties = {
        LIKE: {
            "description": f"the index of the article's {REFERABLE[tp]} this is, changed",
            "type": "integer",
            "minimum": 0,
        },
        **{k: v for k, v in obj["properties"].items() if k != "id"},
    }
    return {
        "description": f"one of the article's {REFERABLE[tp]} with the fields given changed "
        "(the compact form)",
        "type": "object",
        "properties": properties,
        "required": [LIKE],
        "additionalProperties": False,
    }


def _span_or_pair(obj: dict[str, Any]) -> dict[str, Any]:
    """A span as ``{"start", "end"}`` or, in the compact form, ``[start, end]``."""
    description = obj.pop("description", None)
    item = {"type": "integer", "minimum": 0}
    pair = {"type": "array", "prefixItems": [item, item], "minItems": 2, "maxItems": 2}
    out: dict[str, Any] = {"description": description} if description else {}
    out["anyOf"] = [obj, pair]
    return out


def _enum_schema(cls: type[enum.Enum]) -> dict[str, Any]:
    values = [m.value for m in cls]
    types_ = sorted({_PRIMITIVES[type(v)]["type"] for v in values})
    schema: dict[str, Any] = {}
    summary = _summary(cls)
    if summary:
        schema["description"] = summary
    schema["type"] = types_[0] if len(types_) == 1 else types_
    schema["enum"] = values
    return schema


def _clean(text: str) -> str:
    return _XREF.sub(r"\1", " ".join(text.split())).replace("``", "`")


def _summary(cls: type[Any]) -> str:
    """The first paragraph of a class's docstring."""
    doc = inspect.getdoc(cls) or ""
    return _clean(doc.split("\n\n", 1)[0])


def _attribute_docs(cls: type[Any]) -> dict[str, str]:
    """Field descriptions from the ``Attributes:`` section of a class's docstring."""
    doc = inspect.getdoc(cls) or ""
    out: dict[str, str] = {}
    in_section = False
    names: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        for name in names:
            out[name] = _clean(" ".join(parts))

    for line in doc.splitlines():
        if not line.startswith(" "):
            if in_section:
                break
            in_section = line.strip() == "Attributes:"
            continue
        if not in_section:
            continue
        body = line.strip()
        # Entries are indented one level; deeper lines continue the previous entry.
        indent = len(line) - len(line.lstrip(" "))
        match = _ATTR_ENTRY.fullmatch(body) if indent == 4 else None
        if match:
            flush()
            names = match.group(1).split(", ")
            parts = [match.group(2)]
        elif body:
            parts.append(body)
    if in_section:
        flush()
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the Article schema as JSON (``python -m conflictmodel.schema [-o PATH]``).

    Without ``-o`` the schema goes to standard output; ``--help`` says so.  A path that cannot
    be written is reported in one line with exit status 1, not a traceback.

    Example:
        >>> import contextlib, io
        >>> buf = io.StringIO()
        >>> with contextlib.redirect_stdout(buf):
        ...     status = main([])
        >>> status
        0
        >>> json.loads(buf.getvalue())["title"]
        'Article'
    """
    parser = argparse.ArgumentParser(
        prog="python -m conflictmodel.schema",
        description="Write the JSON Schema (draft 2020-12) of conflictmodel's Article JSON, "
        "the shape to_json(article) writes and from_json reads.",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write the schema to PATH (UTF-8) instead of standard output",
    )
    parser.add_argument(
        "--compact",
        action="store_true",
        help="write the schema of the compact form, to_json(article, compact=True), instead",
    )
    args = parser.parse_args(argv if argv is not None else [])
    schema = compact_article_schema() if args.compact else article_schema()
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    if args.output is not None:
        try:
            with open(args.output, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
        except OSError as exc:
            print(
                f"conflictmodel.schema: cannot write {args.output}: {exc.strerror}", file=sys.stderr
            )
            return 1
        return 0
    # Write UTF-8 whatever the locale, so the regenerated file matches the shipped one.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None and sys.stdout is sys.__stdout__:
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
