"""An embedded store: parsed articles in one SQLite file.

Each article is stored twice: whole, as the JSON of
[`to_json`][conflictmodel.serialization.to_json] (read back losslessly by
[`get_article`][conflictmodel.store.Store.get_article]), and spread over normalised tables
(actors, territories, statements, proposals, provisions, positions, claims) for querying with
SQL.  The schema is documented in ``docs/store.md`` and versioned with ``PRAGMA user_version``
and a ``meta`` table; a store written by an older version is migrated, in one transaction, when
it is opened for writing.

Articles are keyed by [`article_key`][conflictmodel.corpus.article_key], the SHA-256 of their
text, so ingesting the same article twice changes nothing.  Each article (or each batch, see
[`ingest`][conflictmodel.store.Store.ingest]) is written in one transaction: a failure or a
crash part-way loses nothing that was already committed and leaves no half-written article.
Several processes may open, create and write the same file at once.

Every error is a [`StoreError`][conflictmodel.errors.StoreError] (or an
[`InputError`][conflictmodel.errors.InputError] for an argument of the wrong type), including
for a damaged file.

Example:
    >>> import tempfile, pathlib
    >>> from conflictmodel import Actor, Article, Span
    >>> ua = Actor(id="state:UA", name="Ukraine", kind="state", country="UA",
    ...            mentions=[Span(start=0, end=4)])
    >>> art = Article(text="Kyiv said no.", actors=[ua])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "cm.sqlite"
    >>> with Store(path) as store:
    ...     key = store.add(art, source="kyiv.txt")
    ...     again = store.add(art)
    ...     print(key == again, len(store), store.get_article(key) == art)
    True 1 True
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

import attrs

from conflictmodel.actors import Actor
from conflictmodel.article import Article
from conflictmodel.corpus import (
    Corpus,
    CorpusActor,
    CorpusPosition,
    CorpusProposal,
    CorpusStatement,
    CorpusTerritory,
    MergeCandidate,
    TimelineEntry,
    article_key,
)
from conflictmodel.errors import ConflictModelError, InputError, OutdatedStoreError, StoreError
from conflictmodel.proposals import ProvisionKind
from conflictmodel.serialization import from_json, to_dict
from conflictmodel.territories import Territory

__all__ = ["SCHEMA_VERSION", "IngestReport", "Store"]

_APPLICATION = "conflictmodel"

# The first schema.  A new store is made by running it and then every migration, so a new
# store and a migrated one are the same by construction.  docs/store.md documents the result
# column by column: keep them in step.
_SCHEMA_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE articles (
    key       TEXT PRIMARY KEY,
    seq       INTEGER NOT NULL UNIQUE,
    source    TEXT,
    title     TEXT,
    outlet    TEXT,
    url       TEXT,
    published TEXT,
    length    INTEGER NOT NULL,
    json      TEXT NOT NULL
);
CREATE TABLE actors (
    article     TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    title       TEXT,
    country     TEXT,
    anonymous   INTEGER NOT NULL,
    aliases     TEXT NOT NULL,
    mentions    INTEGER NOT NULL,
    first_start INTEGER,
    first_end   INTEGER,
    PRIMARY KEY (article, idx)
);
CREATE INDEX actors_id ON actors(id);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
CREATE TABLE actor_mentions (
    article   TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    actor_idx INTEGER NOT NULL,
    actor_id  TEXT NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    surface   TEXT NOT NULL
);
CREATE INDEX actor_mentions_article ON actor_mentions(article, actor_idx);
CREATE TABLE territories (
    article     TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    code        TEXT,
    kind        TEXT NOT NULL,
    parent      TEXT,
    aliases     TEXT NOT NULL,
    mentions    INTEGER NOT NULL,
    first_start INTEGER,
    first_end   INTEGER,
    PRIMARY KEY (article, idx)
);
CREATE INDEX territories_id ON territories(id);
CREATE TABLE statements (
    article      TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    id           TEXT NOT NULL,
    kind         TEXT NOT NULL,
    content      TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    speaker_id   TEXT,
    speaker_name TEXT,
    cue          TEXT,
    via_id       TEXT,
    date         TEXT,
    date_text    TEXT,
    PRIMARY KEY (article, idx)
);
CREATE INDEX statements_speaker ON statements(speaker_id);
CREATE TABLE proposals (
    article     TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    id          TEXT NOT NULL,
    trigger     TEXT NOT NULL,
    status      TEXT NOT NULL,
    proposer_id TEXT,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    venue       TEXT,
    date        TEXT,
    date_text   TEXT,
    PRIMARY KEY (article, idx)
);
CREATE TABLE provisions (
    article       TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    proposal_idx  INTEGER NOT NULL,
    idx           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    label         TEXT,
    text          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    duration_days INTEGER,
    recognized_as TEXT,
    territories   TEXT NOT NULL,
    PRIMARY KEY (article, proposal_idx, idx)
);
CREATE INDEX provisions_kind ON provisions(kind);
CREATE TABLE positions (
    article      TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    actor_id     TEXT NOT NULL,
    stance       TEXT NOT NULL,
    proposal_id  TEXT,
    provision    TEXT,
    territory_id TEXT,
    cue          TEXT,
    text         TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    statement_id TEXT,
    date         TEXT,
    date_text    TEXT,
    PRIMARY KEY (article, idx)
);
CREATE INDEX positions_territory ON positions(territory_id);
CREATE INDEX positions_provision ON positions(provision);
CREATE TABLE claims (
    article       TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    claimant_id   TEXT NOT NULL,
    territory_id  TEXT NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    since         TEXT,
    recognized_as TEXT,
    PRIMARY KEY (article, idx)
);
CREATE INDEX claims_territory ON claims(territory_id);
"""


@attrs.frozen
class _Migration:
    """One step of the schema: from ``version - 1`` to ``version``."""

    version: int
    summary: str
    sql: str


_MIGRATIONS: tuple[_Migration, ...] = (
    _Migration(
        version=2,
        summary="articles.extras: Article.extras as a JSON object",
        sql="""
        ALTER TABLE articles ADD COLUMN extras TEXT NOT NULL DEFAULT '{}';
        UPDATE articles SET extras = json_extract(json, '$.extras')
            WHERE json_valid(json) AND json_type(json, '$.extras') = 'object';
        """,
    ),
)

SCHEMA_VERSION = _MIGRATIONS[-1].version if _MIGRATIONS else 1
"""The version of the schema this library writes (``PRAGMA user_version``)."""

_TABLES = (
    "articles",
    "actors",
    "actor_mentions",
    "territories",
    "statements",
    "proposals",
    "provisions",
    "positions",
    "claims",
)


@attrs.frozen(kw_only=True)
class IngestReport:
    """What an [`ingest`][conflictmodel.store.Store.ingest] did.

    Attributes:
        added: keys of the articles written.
        skipped: keys of articles that were already in the store (and were left as they were).

    Example:
        >>> IngestReport(added=("ab",), skipped=()).total
        1
    """

    added: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """How many articles were seen."""
        return len(self.added) + len(self.skipped)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: str | None) -> str | None:
    # Lone surrogates (which the parser accepts) cannot be stored as SQLite text; the JSON
    # column keeps them escaped, the query tables get U+FFFD.
    if value is None:
        return None
    return _SURROGATE.sub("\ufffd", value)


def _dumps(data: Any) -> str:
    try:
        text = json.dumps(data, ensure_ascii=False)
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True)
    return text


def _json_text(article: Article) -> str:
    return _dumps(to_dict(article))


def _extras_text(article: Article) -> str:
    # Article.extras arrives with this round's model; older models have none.
    extras = getattr(article, "extras", None)
    return _dumps(to_dict(extras)) if extras else "{}"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


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


class Store:
    """A SQLite file of parsed articles.

    Args:
        path: the database file; created (with the schema) if it does not exist.
        create: if False, a missing or empty file is an error instead of a new store.
        readonly: open the file read-only (SQLite ``mode=ro``): nothing is created, migrated
            or written, and the writing methods raise StoreError.  Queries should use it.

    Raises:
        InputError: ``path`` is not a str or a path.
        OutdatedStoreError: ``readonly`` and the file has an older schema (the message says
            how to migrate it).
        StoreError: the file is not a conflictmodel store, is damaged, was written by a newer
            version of the library, or cannot be opened.

    Opened for writing, a store written by an older version of the library is migrated to
    [`SCHEMA_VERSION`][conflictmodel.store.SCHEMA_VERSION] in one transaction.  Use it as a
    context manager, or call [`close`][conflictmodel.store.Store.close].

    Example:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "new.sqlite"
        >>> with Store(path) as store:
        ...     store.schema_version == SCHEMA_VERSION, len(store)
        (True, 0)
        >>> with Store(path, readonly=True) as store:
        ...     store.add(Article(text="Goma fell."))
        Traceback (most recent call last):
        ...
        conflictmodel.errors.StoreError: ...new.sqlite was opened read-only
    """

    def __init__(
        self, path: str | os.PathLike[str], *, create: bool = True, readonly: bool = False
    ) -> None:
        if not isinstance(path, str | os.PathLike):
            raise InputError(f"Store() expects a path, got {type(path).__name__}")
        try:
            self.path = Path(path)
            exists = self.path.exists()
            is_dir = self.path.is_dir()
        except (TypeError, ValueError, OSError) as exc:
            raise StoreError(f"cannot open store {path!r}: {exc}") from exc
        self.readonly = bool(readonly)
        if (not create or self.readonly) and not exists:
            raise StoreError(f"no store at {self.path}")
        if is_dir:
            raise StoreError(f"{self.path} is a directory, not a store file")
        self._corpus: Corpus | None = None
        self._conn = self._connect()
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._open_schema(create=create and not self.readonly)
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"{self.path} is not a conflictmodel store: {exc}") from exc
        except (UnicodeDecodeError, ValueError, OverflowError) as exc:
            self._conn.close()
            raise StoreError(f"{self.path} is damaged: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: transactions are begun and ended explicitly below.
        try:
            if not self.readonly:
                return sqlite3.connect(str(self.path), isolation_level=None, timeout=30.0)
            uri = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0)
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorcode", None) != getattr(
                    sqlite3, "SQLITE_READONLY_ROLLBACK", -1
                ):
                    raise
                # A writer died mid-transaction and left a hot journal, which only a writable
                # connection can roll back.  That restores the last committed state; it
                # creates and changes nothing else.
                conn.close()
                self._recover()
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0)
            return conn
        except (sqlite3.DatabaseError, ValueError, OSError) as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc

    def _recover(self) -> None:
        uri = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?mode=rw"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0)
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path} has an unfinished write (a writer was interrupted) that a "
                f"read-only open cannot roll back; open it once for writing to recover: {exc}"
            ) from exc

    # ---------------------------------------------------------------- schema

    def _inspect(self) -> tuple[int, set[str]]:
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        return version, tables

    def _open_schema(self, *, create: bool) -> None:
        version, tables = self._inspect()
        if version == SCHEMA_VERSION and tables:
            self._check(version, tables)
            return
        if self.readonly or (not create and version == 0 and not tables):
            if version == 0 and not tables:
                raise StoreError(
                    f"{self.path} is not a conflictmodel store (it is empty); "
                    "create one with `conflictmodel ingest` or Store(path)"
                )
            self._check(version, tables)
            raise OutdatedStoreError(
                f"{self.path} has schema version {version}, older than this library's "
                f"{SCHEMA_VERSION}; migrate it (one transaction, nothing is lost) with "
                f"`conflictmodel migrate --db {self.path}` or by opening it for writing, "
                "Store(path)"
            )
        # Creating or migrating: take the write lock and look again, since another process
        # may have created or migrated the file since the look above.
        with self._transaction():
            version, tables = self._inspect()
            if version == 0 and not tables:
                self._create()
                return
            self._check(version, tables)
            if version < SCHEMA_VERSION:
                self._migrate(version)

    def _check(self, version: int, tables: set[str]) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this library "
                f"({SCHEMA_VERSION}); upgrade conflictmodel to read it"
            )
        if "meta" not in tables:
            raise StoreError(f"{self.path} is an SQLite file but not a conflictmodel store")
        meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("application") != _APPLICATION:
            raise StoreError(f"{self.path} is an SQLite file but not a conflictmodel store")
        if meta.get("schema_version") != str(version):
            raise StoreError(
                f"{self.path}: meta says schema version {meta.get('schema_version')!r} but "
                f"PRAGMA user_version is {version}; the file was altered by hand"
            )
        missing = [t for t in _TABLES if t not in tables]
        if missing:
            raise StoreError(f"{self.path} is damaged: tables missing: {', '.join(missing)}")

    def _run_script(self, sql: str) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                self._conn.execute(statement)

    def _set_version(self, version: int) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(version),),
        )
        self._conn.execute(f"PRAGMA user_version = {int(version)}")

    def _create(self) -> None:
        from conflictmodel import __version__

        self._run_script(_SCHEMA_V1)
        self._conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("application", _APPLICATION), ("created_by", f"conflictmodel {__version__}")],
        )
        self._set_version(1)
        self._migrate(1, record=False)

    def _migrate(self, version: int, *, record: bool = True) -> None:
        """Run every migration after ``version``, inside the caller's transaction."""
        from conflictmodel import __version__

        for step in _MIGRATIONS:
            if step.version > version:
                self._run_script(step.sql)
                self._set_version(step.version)
        if record and version < SCHEMA_VERSION:
            self._conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('migrated_by', ?)",
                (f"conflictmodel {__version__} from schema version {version}",),
            )

    @property
    def schema_version(self) -> int:
        """The schema version of the open file.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.schema_version == SCHEMA_VERSION
            True
        """
        with self._guard("read"):
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def meta(self) -> dict[str, str]:
        """The ``meta`` table as a dict.

        Example:
            >>> import tempfile, pathlib
            >>> with Store(pathlib.Path(tempfile.mkdtemp()) / "m.sqlite") as s:
            ...     s.meta()["application"]
            'conflictmodel'
        """
        with self._guard("read"):
            return {
                str(k): str(v)
                for k, v in self._conn.execute("SELECT key, value FROM meta").fetchall()
            }

    def _check_arg(self, name: str, value: object, *types: type[Any]) -> None:
        if value is not None and not isinstance(value, types):
            expected = " or ".join(t.__name__ for t in types)
            raise InputError(f"{name} must be {expected} or None, got {type(value).__name__}")

    @contextlib.contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Turn what a damaged or locked file raises into StoreError."""
        try:
            yield
        except ConflictModelError:
            raise
        except sqlite3.Error as exc:
            raise StoreError(f"cannot {what} {self.path}: {exc}") from exc
        except (UnicodeDecodeError, ValueError, OverflowError, TypeError) as exc:
            raise StoreError(f"cannot {what} {self.path}: the file is damaged: {exc}") from exc

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError(f"{self.path} was opened read-only")

    # ---------------------------------------------------------------- life cycle

    def close(self) -> None:
        """Close the file.  Committed data is already on disk.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.close()
        """
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {str(self.path)!r}{' read-only' if self.readonly else ''}>"

    class _Txn:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def __enter__(self) -> None:
            # IMMEDIATE: take the write lock now, so a concurrent writer waits here rather
            # than failing half-way through an article.
            self.conn.execute("BEGIN IMMEDIATE")

        def __exit__(
            self,
            exc_type: type[BaseException] | None,
            exc: BaseException | None,
            tb: TracebackType | None,
        ) -> None:
            if exc_type is None:
                self.conn.execute("COMMIT")
            elif self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def _transaction(self) -> Store._Txn:
        return Store._Txn(self._conn)

    # ---------------------------------------------------------------- writing

    def add(self, article: Article, *, source: str | None = None, replace: bool = False) -> str:
        """Store one article in one transaction; return its key.

        An article whose text is already stored is left as it is (``replace=True`` rewrites
        it, e.g. after re-parsing with a better pipeline).

        Raises:
            InputError: ``article`` is not an Article, or ``source`` not a str.
            StoreError: the database could not be written (or was opened read-only), or a
                number in the article is too large for SQLite (64-bit integers).

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> key = store.add(Article(text="Goma fell."), source="goma.txt")
            >>> store.add(Article(text="Goma fell.", title="again")) == key, len(store)
            (True, 1)
        """
        if source is not None and not isinstance(source, str):
            raise InputError(f"source must be str or None, got {type(source).__name__}")
        report = self.ingest([(source, article)], replace=replace)
        return (report.added or report.skipped)[0]

    def ingest(
        self,
        articles: Iterable[Article | tuple[str | None, Article]],
        *,
        batch_size: int = 1,
        replace: bool = False,
    ) -> IngestReport:
        """Store many articles: Articles or ``(source, Article)`` pairs.

        Every ``batch_size`` articles are written in one transaction (default: one per
        article).  If anything fails — the iterable raises, an item is not an Article, the
        disk is full — the open batch is rolled back, the error propagates, and every batch
        committed before it stays in the store.  The iterable is consumed outside transactions,
        so parsing lazily inside it does not hold the database lock.

        Raises:
            InputError: an item is not an Article or a ``(source, Article)`` pair, or
                ``batch_size`` < 1.
            StoreError: the database could not be written (or was opened read-only), or a
                number in an article is too large for SQLite (64-bit integers).

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> with Store(pathlib.Path(tempfile.mkdtemp()) / "i.sqlite") as s:
            ...     r1 = s.ingest([Article(text="one"), ("b.txt", Article(text="two"))])
            ...     r2 = s.ingest([Article(text="one")])
            ...     len(r1.added), len(r2.added), len(r2.skipped)
            (2, 0, 1)
        """
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
            raise InputError(f"batch_size must be a positive int, got {batch_size!r}")
        if isinstance(articles, str | bytes) or not isinstance(articles, Iterable):
            raise InputError(
                f"ingest() expects an iterable of Articles, got {type(articles).__name__}"
            )
        self._writable()
        added: list[str] = []
        skipped: list[str] = []
        iterator = iter(articles)
        while True:
            batch = [_coerce_item(item) for item in islice(iterator, batch_size)]
            if not batch:
                break
            done: list[str] = []
            key = ""
            try:
                with self._transaction():
                    for source, article in batch:
                        key = article_key(article.text)
                        seq = self._seq(key)
                        if seq is not None or key in done:
                            if not replace or key in done:
                                skipped.append(key)
                                continue
                            # A replaced article keeps its place in the ingest order.
                            self._conn.execute("DELETE FROM articles WHERE key = ?", (key,))
                        self._write(key, source, article, seq)
                        done.append(key)
            except sqlite3.Error as exc:
                raise StoreError(f"cannot write to {self.path}: {exc}") from exc
            except (OverflowError, ValueError) as exc:
                # A number SQLite cannot hold (it has 64-bit integers), or too long for JSON.
                raise StoreError(
                    f"cannot store article {key[:12]} in {self.path}: a value is too large "
                    f"to store: {exc}"
                ) from exc
            finally:
                self._corpus = None
            added.extend(done)
        return IngestReport(added=tuple(added), skipped=tuple(skipped))

    def delete(self, key: str) -> bool:
        """Remove an article and its rows; return whether it was there.

        Raises:
            InputError: ``key`` is not a str.
            StoreError: the database could not be written (or was opened read-only).

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> key = store.add(Article(text="Goma fell."))
            >>> store.delete(key), store.delete(key), len(store)
            (True, False, 0)
        """
        _check_key(key)
        self._writable()
        try:
            with self._transaction():
                cur = self._conn.execute("DELETE FROM articles WHERE key = ?", (key,))
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        self._corpus = None
        return cur.rowcount > 0

    def _seq(self, key: str) -> int | None:
        with self._guard("read"):
            row = self._conn.execute("SELECT seq FROM articles WHERE key = ?", (key,)).fetchone()
            return None if row is None else int(row[0])

    def _write(self, key: str, source: str | None, article: Article, seq: int | None) -> None:
        conn = self._conn
        if seq is None:
            seq = conn.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM articles").fetchone()[0]
        conn.execute(
            "INSERT INTO articles"
            " (key, seq, source, title, outlet, url, published, length, json, extras)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                seq,
                _clean(source),
                _clean(article.title),
                _clean(article.outlet),
                _clean(article.url),
                _iso(article.published),
                len(article.text),
                _json_text(article),
                _extras_text(article),
            ),
        )
        self._write_rows(key, article)

    def _write_rows(self, key: str, article: Article) -> None:
        conn = self._conn
        text = article.text
        for i, a in enumerate(article.actors):
            first = a.span
            conn.execute(
                "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    i,
                    _clean(a.id),
                    _clean(a.name),
                    a.kind.value,
                    _clean(a.title),
                    a.country,
                    int(a.anonymous),
                    _json_list(a.aliases),
                    len(a.mentions),
                    first.start if first else None,
                    first.end if first else None,
                ),
            )
            conn.executemany(
                "INSERT INTO actor_mentions VALUES (?, ?, ?, ?, ?, ?)",
                [(key, i, _clean(a.id), m.start, m.end, _clean(m.of(text))) for m in a.mentions],
            )
        for i, t in enumerate(article.territories):
            first = t.span
            conn.execute(
                "INSERT INTO territories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    i,
                    _clean(t.id),
                    _clean(t.name),
                    t.code,
                    t.kind.value,
                    _clean(t.parent),
                    _json_list(t.aliases),
                    len(t.mentions),
                    first.start if first else None,
                    first.end if first else None,
                ),
            )
        for i, s in enumerate(article.statements):
            conn.execute(
                "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    i,
                    _clean(s.id),
                    s.kind.value,
                    _clean(s.content),
                    s.span.start,
                    s.span.end,
                    _clean(s.speaker.id) if s.speaker else None,
                    _clean(s.speaker.name) if s.speaker else None,
                    _clean(s.cue),
                    _clean(s.via.id) if s.via else None,
                    _iso(s.date.value) if s.date else None,
                    _clean(s.date.text) if s.date else None,
                ),
            )
        for i, p in enumerate(article.proposals):
            conn.execute(
                "INSERT INTO proposals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    i,
                    _clean(p.id),
                    _clean(p.trigger),
                    p.status.value,
                    _clean(p.proposer.id) if p.proposer else None,
                    _clean(p.text),
                    p.span.start,
                    p.span.end,
                    _clean(p.venue),
                    _iso(p.date.value) if p.date else None,
                    _clean(p.date.text) if p.date else None,
                ),
            )
            for j, v in enumerate(p.provisions):
                conn.execute(
                    "INSERT INTO provisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        key,
                        i,
                        j,
                        v.kind.value,
                        _clean(v.label),
                        _clean(v.text),
                        v.span.start,
                        v.span.end,
                        v.duration_days,
                        _clean(v.recognized_as),
                        _json_list(t.id for t in v.territories),
                    ),
                )
        for i, pos in enumerate(article.positions):
            conn.execute(
                "INSERT INTO positions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    i,
                    _clean(pos.actor.id),
                    pos.stance.value,
                    _clean(pos.proposal_id),
                    pos.provision.value if pos.provision else None,
                    _clean(pos.territory.id) if pos.territory else None,
                    _clean(pos.cue),
                    _clean(pos.text),
                    pos.span.start,
                    pos.span.end,
                    _clean(pos.statement.id) if pos.statement else None,
                    _iso(pos.date.value) if pos.date else None,
                    _clean(pos.date.text) if pos.date else None,
                ),
            )
        for i, c in enumerate(article.claims):
            conn.execute(
                "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    i,
                    _clean(c.claimant.id),
                    _clean(c.territory.id),
                    c.kind.value,
                    _clean(c.text),
                    c.span.start,
                    c.span.end,
                    _iso(c.since.value) if c.since else None,
                    _clean(c.recognized_as),
                ),
            )

    # ---------------------------------------------------------------- reading

    def __len__(self) -> int:
        with self._guard("read"):
            return int(self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._seq(key) is not None

    def keys(self) -> tuple[str, ...]:
        """Article keys in the order they were ingested.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> _ = store.ingest([Article(text="a"), Article(text="b")])
            >>> [k[:8] for k in store.keys()]
            ['ca978112', '3e23e816']
        """
        with self._guard("read"):
            keys = [r[0] for r in self._conn.execute("SELECT key FROM articles ORDER BY seq")]
        if not all(isinstance(k, str) for k in keys):
            raise StoreError(f"cannot read {self.path}: the file is damaged: a key is not text")
        return tuple(keys)

    def source(self, key: str) -> str | None:
        """The source name the article was ingested with.

        Raises:
            InputError: ``key`` is not a str.
            StoreError: no article has that key, or the file is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.source(store.add(Article(text="Goma fell."), source="goma.txt"))
            'goma.txt'
        """
        _check_key(key)
        with self._guard("read"):
            row = self._conn.execute("SELECT source FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise StoreError(f"no article with key {key!r} in {self.path}")
        source = row[0]
        if source is not None and not isinstance(source, str):
            raise StoreError(f"article {key}: the stored source is damaged")
        return source

    def get_article(self, key: str) -> Article:
        """The stored Article, equal to the one that was ingested.

        Raises:
            InputError: ``key`` is not a str.
            StoreError: no article has that key, or its JSON is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> art = Article(text="Goma fell.", outlet="Kivu Times")
            >>> store.get_article(store.add(art)) == art
            True
        """
        _check_key(key)
        with self._guard("read"):
            row = self._conn.execute("SELECT json FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise StoreError(f"no article with key {key!r} in {self.path}")
        return _read_article(key, row[0])

    def articles(self) -> Iterator[tuple[str, str | None, Article]]:
        """``(key, source, Article)`` for every article, in ingest order.

        Raises:
            StoreError: the file is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> _ = store.add(Article(text="Goma fell."), source="goma.txt")
            >>> [(source, art.text) for _, source, art in store.articles()]
            [('goma.txt', 'Goma fell.')]
        """
        with self._guard("read"):
            rows = self._conn.execute(
                "SELECT key, source, json FROM articles ORDER BY seq"
            ).fetchall()
        for key, source, text in rows:
            if not isinstance(key, str) or not (source is None or isinstance(source, str)):
                raise StoreError(f"cannot read {self.path}: the file is damaged: bad key or source")
            yield key, source, _read_article(key, text)

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one read-only SQL query against the tables of ``docs/store.md``; return its rows.

        Only reading is allowed: SQLite refuses anything else (``INSERT``, ``PRAGMA`` settings,
        ``ATTACH``, ``BEGIN`` ...) before it runs, whichever way the store was opened.

        Raises:
            InputError: ``sql`` is not a str or ``parameters`` not a sequence.
            StoreError: the SQL is invalid, tries to write, or the file is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> with Store(pathlib.Path(tempfile.mkdtemp()) / "q.sqlite") as s:
            ...     _ = s.add(Article(text="one"), source="one.txt")
            ...     s.execute("SELECT source, length FROM articles")
            [('one.txt', 3)]
        """
        if not isinstance(sql, str):
            raise InputError(f"sql must be str, got {type(sql).__name__}")
        if isinstance(parameters, str | bytes) or not isinstance(parameters, Sequence):
            raise InputError(f"parameters must be a sequence, got {type(parameters).__name__}")
        try:
            self._conn.set_authorizer(_read_only_authorizer)
            try:
                cursor = self._conn.execute(sql, tuple(parameters))
                return [tuple(r) for r in cursor.fetchall()]
            finally:
                self._conn.set_authorizer(None)
        except (sqlite3.Error, ValueError, OverflowError, UnicodeDecodeError) as exc:
            raise StoreError(f"query failed: {exc}") from exc

    # ---------------------------------------------------------------- corpus queries

    def corpus(self) -> Corpus:
        """Every stored article as a [`Corpus`][conflictmodel.corpus.Corpus] (with sources).

        The corpus is built once and reused until the store changes.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> _ = store.add(Article(text="Goma fell."), source="goma.txt")
            >>> corpus = store.corpus()
            >>> len(corpus), corpus.source(corpus.keys()[0]), store.corpus() is corpus
            (1, 'goma.txt', True)
        """
        if self._corpus is None:
            self._corpus = Corpus.from_articles(
                (source, article) for _, source, article in self.articles()
            )
        return self._corpus

    def actors(self) -> tuple[CorpusActor, ...]:
        """Actors resolved across every stored article (see ``Corpus.actors``).

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.actors()
            ()
        """
        return self.corpus().actors

    def territories(self) -> tuple[CorpusTerritory, ...]:
        """Territories resolved across every stored article.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.territories()
            ()
        """
        return self.corpus().territories

    def candidates(self) -> list[MergeCandidate]:
        """Likely matches kept apart (see ``Corpus.candidates``).

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.candidates()
            []
        """
        return self.corpus().candidates

    def statements_by(self, actor: CorpusActor | Actor | str) -> tuple[CorpusStatement, ...]:
        """Statements by ``actor`` across the store (see ``Corpus.statements_by``).

        Raises:
            InputError: an argument of the wrong type (or, for a provision kind, an unknown
                one).
            StoreError: the file is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.statements_by("Tshisekedi")
            ()
        """
        if not isinstance(actor, CorpusActor | Actor | str):
            raise InputError(
                f"actor must be a CorpusActor, an Actor or a str, got {type(actor).__name__}"
            )
        return self.corpus().statements_by(actor)

    def timeline(
        self,
        *,
        territory: CorpusTerritory | Territory | str | None = None,
        provision: ProvisionKind | str | None = None,
    ) -> tuple[TimelineEntry, ...]:
        """A territory's or a provision's timeline across the store (see ``Corpus.timeline``).

        Raises:
            InputError: an argument of the wrong type (or, for a provision kind, an unknown
                one).
            StoreError: the file is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.timeline(territory="CD-NK"), store.timeline(provision="ceasefire")
            ((), ())
        """
        self._check_arg("territory", territory, CorpusTerritory, Territory, str)
        self._check_arg("provision", provision, ProvisionKind, str)
        return self.corpus().timeline(territory=territory, provision=provision)

    def proposals(
        self,
        *,
        territory: CorpusTerritory | Territory | str | None = None,
        kind: ProvisionKind | str | None = None,
    ) -> tuple[CorpusProposal, ...]:
        """Proposals across the store (see ``Corpus.proposals``).

        Raises:
            InputError: an argument of the wrong type (or, for a provision kind, an unknown
                one).
            StoreError: the file is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.proposals(kind="withdrawal")
            ()
        """
        self._check_arg("territory", territory, CorpusTerritory, Territory, str)
        self._check_arg("kind", kind, ProvisionKind, str)
        return self.corpus().proposals(territory=territory, kind=kind)

    def responses_to(self, proposal: CorpusProposal) -> tuple[CorpusPosition, ...]:
        """Positions responding to a proposal (see ``Corpus.responses_to``).

        Raises:
            InputError: an argument of the wrong type (or, for a provision kind, an unknown
                one).
            StoreError: the file is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> [store.responses_to(p) for p in store.proposals()]
            []
        """
        if not isinstance(proposal, CorpusProposal):
            raise InputError(f"proposal must be a CorpusProposal, got {type(proposal).__name__}")
        return self.corpus().responses_to(proposal)


def _json_list(items: Iterable[str]) -> str:
    return json.dumps([_clean(i) for i in items], ensure_ascii=False)


def _check_key(key: object) -> None:
    if not isinstance(key, str):
        raise InputError(f"an article key is a str, got {type(key).__name__}")


def _read_article(key: str, text: object) -> Article:
    if not isinstance(text, str):
        raise StoreError(f"article {key}: stored JSON is damaged (not text)")
    try:
        return from_json(text, Article)
    except ConflictModelError as exc:
        raise StoreError(f"article {key}: stored JSON cannot be read: {exc}") from exc


def _coerce_item(item: object) -> tuple[str | None, Article]:
    if isinstance(item, Article):
        return None, item
    if (
        isinstance(item, tuple)
        and len(item) == 2
        and (item[0] is None or isinstance(item[0], str))
        and isinstance(item[1], Article)
    ):
        return item[0], item[1]
    raise InputError(f"expected an Article or a (source, Article) pair, got {type(item).__name__}")
