"""Tidy tables of what articles hold: rows for pandas, Arrow and Parquet.

Every model object becomes one row of a flat table: one table per kind of object
(``statements``, ``actors``, ``events``...), one row per object, one column per field.  Each row
starts with ``article``, the key of the article it comes from; a reference to another object
becomes its id (``speaker_id``) and name (``speaker_name``); a span becomes ``*_start`` and
``*_end`` offsets, and the object's own ``span`` adds ``evidence``, the text it points at; a date
as written becomes its text and its resolved ``*_value``; a list of actors becomes a list of
ids.  A proposal's provisions and conditions get tables of their own, keyed by ``proposal_id``.

[`records`][conflictmodel.tables.records] needs nothing beyond the core.
[`to_pandas`][conflictmodel.tables.to_pandas], [`to_arrow`][conflictmodel.tables.to_arrow],
[`write_parquet`][conflictmodel.tables.write_parquet] and
[`read_parquet`][conflictmodel.tables.read_parquet] need the ``frames`` extra
(``pip install 'conflictmodel[frames]'``: pandas and pyarrow); without it they raise
[`InputError`][conflictmodel.errors.InputError] saying so.

The values the frame functions return are ``pandas.DataFrame`` and ``pyarrow.Table`` objects
(typed ``Any`` here so that the core does not depend on their stubs).

The columns come from the model classes' fields, not from the data, so a table has the same
columns whatever the articles hold (an empty table included): code that reads
``statements["speaker_name"]`` works on every corpus.

Example:
    >>> import conflictmodel
    >>> from conflictmodel.tables import records
    >>> art = conflictmodel.parse_article(
    ...     '"We will not cede an inch," Armenian Prime Minister Nikol Pashinyan said.')
    >>> rows = records({"yerevan-1": art}, "statements")
    >>> [(r["article"], r["kind"], r["speaker_name"], r["evidence"]) for r in rows]
    [('yerevan-1', 'direct', 'Nikol Pashinyan', 'We will not cede an inch,')]
"""

from __future__ import annotations

import enum
import importlib
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import attrs

from conflictmodel.errors import InputError
from conflictmodel.model.actors import Actor
from conflictmodel.model.article import Article
from conflictmodel.model.events import Event
from conflictmodel.model.places import Place
from conflictmodel.model.positions import Position
from conflictmodel.model.proposals import Condition, Proposal, Provision
from conflictmodel.model.span import Span
from conflictmodel.model.statements import Statement
from conflictmodel.model.territories import TerritorialClaim, Territory
from conflictmodel.model.textdates import TextDate

if TYPE_CHECKING:
    from conflictmodel.corpus import Corpus

__all__ = [
    "TABLES",
    "columns",
    "read_parquet",
    "records",
    "to_arrow",
    "to_pandas",
    "write_parquet",
]

Source = Union[
    Article, Mapping[str, Article], "Corpus", Iterable[Article], Iterable[tuple[str, Article]]
]
"""What the functions read: one Article, a mapping of keys to Articles, a Corpus (its keys are
used), an iterable of ``(key, Article)`` pairs, or an iterable of Articles (keyed by their URL,
else by their position: ``"0"``, ``"1"``...)."""

# table name -> (model class, the Article field that holds the objects)
_TOP: dict[str, tuple[type[Any], str]] = {
    "actors": (Actor, "actors"),
    "territories": (Territory, "territories"),
    "places": (Place, "places"),
    "statements": (Statement, "statements"),
    "proposals": (Proposal, "proposals"),
    "positions": (Position, "positions"),
    "claims": (TerritorialClaim, "claims"),
    "events": (Event, "events"),
    "dates": (TextDate, "dates"),
}
# table name -> (model class, the Proposal field that holds the objects)
_CHILD: dict[str, tuple[type[Any], str]] = {
    "provisions": (Provision, "provisions"),
    "conditions": (Condition, "conditions"),
}

TABLES: tuple[str, ...] = ("articles", *_TOP, *_CHILD)
"""The names of the tables, in the order the functions return them."""

# Tuples of these become child tables (or are left out of the parent row): their rows would
# not fit in one cell.
_CHILD_TYPES = (Provision, Condition)

Column = tuple[str, Callable[[Any], Any]]


def _origin_args(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    origin = typing.get_origin(hint)
    return origin, typing.get_args(hint)


def _unwrap_optional(hint: Any) -> Any:
    origin, args = _origin_args(hint)
    if origin in (Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return hint


def _get(name: str, then: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def read(obj: Any) -> Any:
        value = getattr(obj, name)
        return None if value is None else then(value)

    return read


def _same(value: Any) -> Any:
    return value


def _enum_value(value: Any) -> Any:
    return value.value


def _json_text(value: Any) -> str:
    from conflictmodel.serialization import to_json

    return to_json(value)


def _field_columns(name: str, hint: Any) -> list[Column]:
    """The columns one field of a model class becomes (see the module docstring)."""
    hint = _unwrap_optional(hint)
    origin, args = _origin_args(hint)
    if origin is tuple:
        return _tuple_columns(name, args[0] if args else Any)
    if origin is dict or hint is dict:
        return [(name, _get(name, _json_text))]
    if hint is Span:
        return [
            (f"{name}_start", _get(name, lambda s: s.start)),
            (f"{name}_end", _get(name, lambda s: s.end)),
        ]
    if hint is TextDate:
        return [
            (name, _get(name, lambda d: d.text)),
            (f"{name}_value", _get(name, lambda d: d.value)),
        ]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return [(name, _get(name, _enum_value))]
    if isinstance(hint, type) and attrs.has(hint):
        fields = {f.name for f in attrs.fields(hint)}
        if "id" in fields:
            cols: list[Column] = [(f"{name}_id", _get(name, lambda o: o.id))]
            if "name" in fields:
                cols.append((f"{name}_name", _get(name, lambda o: o.name)))
            return cols
        if "count" in fields and "text" in fields:  # Casualties: the number, and as written
            return [
                (name, _get(name, lambda c: c.count)),
                (f"{name}_text", _get(name, lambda c: c.text)),
            ]
        return [(name, _get(name, _json_text))]
    return [(name, _get(name, _same))]


def _tuple_columns(name: str, item: Any) -> list[Column]:
    if item is Span:  # mentions: how many, and the first one
        return [
            (f"{name}_count", lambda o: len(getattr(o, name))),
            (f"first_{name[:-1] if name.endswith('s') else name}_start", _first(name, "start")),
            (f"first_{name[:-1] if name.endswith('s') else name}_end", _first(name, "end")),
        ]
    if isinstance(item, type) and issubclass(item, _CHILD_TYPES):
        return [(f"{name}_count", lambda o: len(getattr(o, name)))]
    if isinstance(item, type) and attrs.has(item):
        fields = {f.name for f in attrs.fields(item)}
        if "id" in fields:
            return [(f"{name}_ids", lambda o: [x.id for x in getattr(o, name)])]
        return [(name, lambda o: _json_text(list(getattr(o, name))))]
    if isinstance(item, type) and issubclass(item, enum.Enum):
        return [(name, lambda o: [x.value for x in getattr(o, name)])]
    return [(name, lambda o: list(getattr(o, name)))]


def _first(name: str, end: str) -> Callable[[Any], Any]:
    def read(obj: Any) -> Any:
        spans = getattr(obj, name)
        return getattr(min(spans), end) if spans else None

    return read


_PLANS: dict[type[Any], list[Column]] = {}


def _plan(cls: type[Any]) -> list[Column]:
    """The columns of ``cls``'s table, derived once from its type hints."""
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = []
        for field in attrs.fields(cls):
            plan.extend(_field_columns(field.name, hints[field.name]))
            if field.name == "span" and hints[field.name] is Span:
                plan.append(("evidence", _same))  # filled in by _rows, which has the text
        _PLANS[cls] = plan
    return plan


def columns(table: str) -> tuple[str, ...]:
    """The column names of a table, in order (the same for every corpus).

    Raises:
        InputError: ``table`` is not one of [`TABLES`][conflictmodel.tables.TABLES].

    Example:
        >>> columns("events")[:5]
        ('article', 'id', 'type', 'span_start', 'span_end')
    """
    if table == "articles":
        return ("article", *(name for name, _ in _article_columns()))
    if table in _CHILD:
        return ("article", "proposal_id", *(name for name, _ in _plan(_CHILD[table][0])))
    if table in _TOP:
        return ("article", *(name for name, _ in _plan(_TOP[table][0])))
    raise InputError(f"no table {table!r}; the tables are {', '.join(TABLES)}")


def _article_columns() -> list[Column]:
    cols: list[Column] = [
        (name, _get(name, _same)) for name in ("title", "outlet", "url", "published")
    ]
    cols.append(("characters", lambda a: len(a.text)))
    cols.extend((f"{field}_count", _count(field)) for _, field in _TOP.values())
    return cols


def _count(field: str) -> Callable[[Any], int]:
    return lambda obj: len(getattr(obj, field))


def _keyed(source: Any) -> Iterator[tuple[str, Article]]:
    if isinstance(source, Article):
        yield (source.url or "0", source)
        return
    keys = getattr(source, "keys", None)
    article_of = getattr(source, "article", None)
    if callable(keys) and callable(article_of) and not isinstance(source, Mapping):
        for key in keys():  # a Corpus: its own keys
            yield (key, article_of(key))
        return
    items = source.items() if isinstance(source, Mapping) else source
    try:
        iterator = iter(items)
    except TypeError:
        raise InputError(
            f"expected an Article, a mapping or an iterable of Articles, got {type(source).__name__}"
        ) from None
    for i, item in enumerate(iterator):
        if isinstance(item, Article):
            yield (item.url or str(i), item)
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Article):
            yield (str(item[0]), item[1])
        else:
            raise InputError(
                f"item {i}: expected an Article or a (key, Article) pair, got {type(item).__name__}"
            )


def _row(
    key: str, obj: Any, plan: list[Column], text: str, extra: dict[str, Any]
) -> dict[str, Any]:
    row: dict[str, Any] = {"article": key, **extra}
    for name, read in plan:
        row[name] = obj.span.of(text) if name == "evidence" else read(obj)
    return row


def records(source: Source, table: str) -> list[dict[str, Any]]:
    """The rows of one table, as plain dicts (no extra dependency).

    Args:
        source: the articles (see ``Source`` in the module: an Article, a mapping of keys to
            Articles, a Corpus, ``(key, Article)`` pairs or Articles).
        table: one of [`TABLES`][conflictmodel.tables.TABLES].

    Raises:
        InputError: an unknown table, or a source that holds something other than Articles.

    Example:
        >>> from conflictmodel import Article, Actor
        >>> kyiv = Actor(id="state:UA", name="Ukraine", kind="state", country="UA")
        >>> [(r["article"], r["id"], r["kind"]) for r in records([Article(text="",
        ...     actors=[kyiv])], "actors")]
        [('0', 'state:UA', 'state')]
    """
    wanted = columns(table)  # checks the name
    rows: list[dict[str, Any]] = []
    for key, art in _keyed(source):
        if table == "articles":
            rows.append({"article": key, **{n: read(art) for n, read in _article_columns()}})
        elif table in _CHILD:
            cls, field = _CHILD[table]
            plan = _plan(cls)
            for proposal in art.proposals:
                for obj in getattr(proposal, field):
                    rows.append(_row(key, obj, plan, art.text, {"proposal_id": proposal.id}))
        else:
            cls, field = _TOP[table]
            plan = _plan(cls)
            rows.extend(_row(key, obj, plan, art.text, {}) for obj in getattr(art, field))
    assert all(tuple(r) == wanted for r in rows[:1])
    return rows


def _tables(tables: Iterable[str] | None) -> tuple[str, ...]:
    names = TABLES if tables is None else tuple(tables)
    for name in names:
        columns(name)  # raises on an unknown name
    return names


def _need(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(
            f"this needs {module}: pip install 'conflictmodel[frames]' (pandas and pyarrow)"
        ) from None


def _materialise(source: Source) -> list[tuple[str, Article]]:
    # Several tables walk the source: a generator must be read once.
    return list(_keyed(source))


def to_pandas(source: Source, tables: Iterable[str] | None = None) -> dict[str, Any]:
    """The tables as pandas DataFrames, keyed by table name (needs the ``frames`` extra).

    Example:
        >>> import conflictmodel
        >>> frames = to_pandas([conflictmodel.parse_article(
        ...     "Sudan's army said on Monday that talks in Jeddah had failed.")])
        >>> list(frames["statements"][["speaker_name", "cue"]].itertuples(index=False, name=None))
        [('Sudanese Armed Forces', 'said')]
    """
    pd = _need("pandas")
    items = _materialise(source)
    return {
        name: pd.DataFrame.from_records(records(items, name), columns=list(columns(name)))
        for name in _tables(tables)
    }


def to_arrow(source: Source, tables: Iterable[str] | None = None) -> dict[str, Any]:
    """The tables as Arrow tables, keyed by table name (needs the ``frames`` extra).

    Example:
        >>> from conflictmodel import Article
        >>> to_arrow([Article(text="")], ["articles"])["articles"].num_rows
        1
    """
    pa = _need("pyarrow")
    items = _materialise(source)
    out: dict[str, Any] = {}
    for name in _tables(tables):
        rows = records(items, name)
        cols = columns(name)
        out[name] = pa.Table.from_pydict({c: [r[c] for r in rows] for c in cols})
    return out


def write_parquet(
    source: Source, directory: str | Path, tables: Iterable[str] | None = None
) -> dict[str, Path]:
    """Write one Parquet file per table (``statements.parquet``...) into ``directory``
    (created if missing) and return their paths (needs the ``frames`` extra).

    Raises:
        InputError: the directory cannot be created or written.

    Example:
        >>> import tempfile
        >>> from conflictmodel import Article
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     paths = write_parquet([Article(text="")], tmp, ["articles"])
        ...     sorted(p.name for p in paths.values())
        ['articles.parquet']
    """
    pq = _need("pyarrow.parquet")

    out_dir = Path(directory)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        paths: dict[str, Path] = {}
        for name, table in to_arrow(source, tables).items():
            path = out_dir / f"{name}.parquet"
            pq.write_table(table, path)
            paths[name] = path
    except OSError as exc:
        raise InputError(f"cannot write Parquet files to {out_dir}: {exc.strerror}") from None
    return paths


def read_parquet(directory: str | Path, tables: Iterable[str] | None = None) -> dict[str, Any]:
    """Read back what [`write_parquet`][conflictmodel.tables.write_parquet] wrote, as pandas
    DataFrames keyed by table name; tables without a file are left out.

    Raises:
        InputError: ``directory`` is not a directory, or a file is not Parquet.
    """
    pd = _need("pandas")
    _need("pyarrow")
    in_dir = Path(directory)
    if not in_dir.is_dir():
        raise InputError(f"{in_dir} is not a directory")
    out: dict[str, Any] = {}
    for name in _tables(tables):
        path = in_dir / f"{name}.parquet"
        if path.exists():
            try:
                out[name] = pd.read_parquet(path)
            except Exception as exc:  # pyarrow raises its own types for damaged files
                raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    return out
