"""Reading: articles back from their JSON, keys and sources, read-only SQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from conflictmodel.errors import ConflictModelError, InputError, StoreError
from conflictmodel.model.article import Article
from conflictmodel.serialization import from_json
from conflictmodel.store._connect import guard

# What Store.execute may do: read tables and call functions.  Everything else (writes, PRAGMA
# with side effects, ATTACH, transactions) is refused by SQLite before it runs.
_READ_ACTIONS = frozenset(
    {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
)
# PRAGMAs that only describe the schema, with or without an argument.
_READ_PRAGMAS = frozenset(
    {"table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
     "foreign_key_list"}
)  # fmt: skip
# PRAGMAs that read a value without an argument (with one they would set it).
_VALUE_PRAGMAS = frozenset({"user_version", "application_id", "page_count", "page_size"})
_BANNED_FUNCTIONS = frozenset({"load_extension", "readfile", "writefile", "edit"})


def _read_only_authorizer(
    action: int, arg1: str | None, arg2: str | None, _db: str | None, _trigger: str | None
) -> int:
    if action == sqlite3.SQLITE_FUNCTION:
        return (
            sqlite3.SQLITE_DENY if (arg2 or "").lower() in _BANNED_FUNCTIONS else sqlite3.SQLITE_OK
        )
    if action in _READ_ACTIONS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA:
        name = (arg1 or "").lower()
        if name in _READ_PRAGMAS or (name in _VALUE_PRAGMAS and arg2 is None):
            return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def check_key(key: object) -> None:
    """InputError unless ``key`` is a str."""
    if not isinstance(key, str):
        raise InputError(f"an article key is a str, got {type(key).__name__}")


def _read_article(key: str, text: object) -> Article:
    if not isinstance(text, str):
        raise StoreError(f"article {key}: stored JSON is damaged (not text)")
    try:
        return from_json(text, Article)
    except ConflictModelError as exc:
        raise StoreError(f"article {key}: stored JSON cannot be read: {exc}") from exc


def count(conn: sqlite3.Connection, path: Path) -> int:
    """How many articles are stored."""
    with guard(path, "read"):
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def seq(conn: sqlite3.Connection, path: Path, key: str) -> int | None:
    """The place of ``key`` in the ingest order, or None if it is not stored."""
    with guard(path, "read"):
        row = conn.execute("SELECT seq FROM articles WHERE key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])


def meta(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    """The ``meta`` table as a dict."""
    with guard(path, "read"):
        return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta").fetchall()}


def keys(conn: sqlite3.Connection, path: Path) -> tuple[str, ...]:
    """Article keys in ingest order."""
    with guard(path, "read"):
        found = [r[0] for r in conn.execute("SELECT key FROM articles ORDER BY seq")]
    if not all(isinstance(k, str) for k in found):
        raise StoreError(f"cannot read {path}: the file is damaged: a key is not text")
    return tuple(found)


def source(conn: sqlite3.Connection, path: Path, key: str) -> str | None:
    """The source name of a stored article."""
    check_key(key)
    with guard(path, "read"):
        row = conn.execute("SELECT source FROM articles WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise StoreError(f"no article with key {key!r} in {path}")
    value = row[0]
    if value is not None and not isinstance(value, str):
        raise StoreError(f"article {key}: the stored source is damaged")
    return value


def article(conn: sqlite3.Connection, path: Path, key: str) -> Article:
    """The stored Article with key ``key``."""
    check_key(key)
    with guard(path, "read"):
        row = conn.execute("SELECT json FROM articles WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise StoreError(f"no article with key {key!r} in {path}")
    return _read_article(key, row[0])


def articles(conn: sqlite3.Connection, path: Path) -> Iterator[tuple[str, str | None, Article]]:
    """``(key, source, Article)`` for every article, in ingest order."""
    with guard(path, "read"):
        rows = conn.execute("SELECT key, source, json FROM articles ORDER BY seq").fetchall()
    for key, name, text in rows:
        if not isinstance(key, str) or not (name is None or isinstance(name, str)):
            raise StoreError(f"cannot read {path}: the file is damaged: bad key or source")
        yield key, name, _read_article(key, text)


def execute(conn: sqlite3.Connection, sql: str, parameters: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Run one read-only query (anything else is refused by SQLite); return its rows."""
    if not isinstance(sql, str):
        raise InputError(f"sql must be str, got {type(sql).__name__}")
    if isinstance(parameters, str | bytes) or not isinstance(parameters, Sequence):
        raise InputError(f"parameters must be a sequence, got {type(parameters).__name__}")
    try:
        conn.set_authorizer(_read_only_authorizer)
        try:
            cursor = conn.execute(sql, tuple(parameters))
            return [tuple(r) for r in cursor.fetchall()]
        finally:
            conn.set_authorizer(None)
    except (sqlite3.Error, ValueError, OverflowError, UnicodeDecodeError) as exc:
        raise StoreError(f"query failed: {exc}") from exc
