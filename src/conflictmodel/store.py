"""An embedded store: parsed articles in one SQLite file.

Each article is stored twice: whole, as the JSON of
[`to_json`][conflictmodel.serialization.to_json] (read back losslessly by
[`get_article`][conflictmodel.store.Store.get_article]), and spread over normalised tables
(actors, territories, statements, proposals, provisions, positions, claims) for querying with
SQL.  The schema is documented in ``docs/store.md`` and versioned with ``PRAGMA user_version``
and a ``meta`` table.

Articles are keyed by [`article_key`][conflictmodel.corpus.article_key], the SHA-256 of their
text, so ingesting the same article twice changes nothing.  Each article (or each batch, see
[`ingest`][conflictmodel.store.Store.ingest]) is written in one transaction: a failure or a
crash part-way loses nothing that was already committed and leaves no half-written article.

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

import json
import os
import re
import sqlite3
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
from conflictmodel.errors import ConflictModelError, InputError, StoreError
from conflictmodel.proposals import ProvisionKind
from conflictmodel.serialization import from_json, to_dict
from conflictmodel.territories import Territory

__all__ = ["SCHEMA_VERSION", "IngestReport", "Store"]

SCHEMA_VERSION = 1
"""The version of the schema this library writes (``PRAGMA user_version``)."""

_APPLICATION = "conflictmodel"

# The schema, version 1.  docs/store.md documents it column by column: keep them in step.
_SCHEMA = """
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


def _json_text(article: Article) -> str:
    data = to_dict(article)
    try:
        text = json.dumps(data, ensure_ascii=False)
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True)
    return text


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


class Store:
    """A SQLite file of parsed articles.

    Args:
        path: the database file; created (with the schema) if it does not exist.
        create: if False, a missing file is an error instead of a new store.

    Raises:
        StoreError: the file is not a conflictmodel store, was written by a newer version of
            the library, or cannot be opened.

    Use it as a context manager, or call [`close`][conflictmodel.store.Store.close].

    Example:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "new.sqlite"
        >>> with Store(path) as store:
        ...     store.schema_version, len(store)
        (1, 0)
    """

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"no store at {self.path}")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory, not a store file")
        try:
            # isolation_level=None: transactions are begun and ended explicitly below.
            self._conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        self._corpus: Corpus | None = None
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._open_schema()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"{self.path} is not a conflictmodel store: {exc}") from exc
        except StoreError:
            self._conn.close()
            raise

    # ---------------------------------------------------------------- schema

    def _open_schema(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if version == 0 and not tables:
            self._create()
            return
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
        # Version 1 is the first schema: there is nothing older to migrate from yet.

    def _create(self) -> None:
        from conflictmodel import __version__

        with self._transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._conn.execute(statement)
            self._conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [
                    ("application", _APPLICATION),
                    ("schema_version", str(SCHEMA_VERSION)),
                    ("created_by", f"conflictmodel {__version__}"),
                ],
            )
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

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
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def meta(self) -> dict[str, str]:
        """The ``meta`` table as a dict.

        Example:
            >>> import tempfile, pathlib
            >>> with Store(pathlib.Path(tempfile.mkdtemp()) / "m.sqlite") as s:
            ...     s.meta()["schema_version"]
            '1'
        """
        return dict(self._conn.execute("SELECT key, value FROM meta").fetchall())

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
        return f"<Store {str(self.path)!r}>"

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
            else:
                self.conn.execute("ROLLBACK")

    def _transaction(self) -> Store._Txn:
        return Store._Txn(self._conn)

    # ---------------------------------------------------------------- writing

    def add(self, article: Article, *, source: str | None = None, replace: bool = False) -> str:
        """Store one article in one transaction; return its key.

        An article whose text is already stored is left as it is (``replace=True`` rewrites
        it, e.g. after re-parsing with a better pipeline).

        Raises:
            InputError: ``article`` is not an Article.
            StoreError: the database could not be written.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> key = store.add(Article(text="Goma fell."), source="goma.txt")
            >>> store.add(Article(text="Goma fell.", title="again")) == key, len(store)
            (True, 1)
        """
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
            StoreError: the database could not be written.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> with Store(pathlib.Path(tempfile.mkdtemp()) / "i.sqlite") as s:
            ...     r1 = s.ingest([Article(text="one"), ("b.txt", Article(text="two"))])
            ...     r2 = s.ingest([Article(text="one")])
            ...     len(r1.added), len(r2.added), len(r2.skipped)
            (2, 0, 1)
        """
        if not isinstance(batch_size, int) or batch_size < 1:
            raise InputError(f"batch_size must be a positive int, got {batch_size!r}")
        added: list[str] = []
        skipped: list[str] = []
        iterator = iter(articles)
        while True:
            batch = [_coerce_item(item) for item in islice(iterator, batch_size)]
            if not batch:
                break
            done: list[str] = []
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
            finally:
                self._corpus = None
            added.extend(done)
        return IngestReport(added=tuple(added), skipped=tuple(skipped))

    def delete(self, key: str) -> bool:
        """Remove an article and its rows; return whether it was there.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> key = store.add(Article(text="Goma fell."))
            >>> store.delete(key), store.delete(key), len(store)
            (True, False, 0)
        """
        try:
            with self._transaction():
                cur = self._conn.execute("DELETE FROM articles WHERE key = ?", (key,))
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        self._corpus = None
        return cur.rowcount > 0

    def _seq(self, key: str) -> int | None:
        row = self._conn.execute("SELECT seq FROM articles WHERE key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

    def _write(self, key: str, source: str | None, article: Article, seq: int | None) -> None:
        conn = self._conn
        if seq is None:
            seq = conn.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM articles").fetchone()[0]
        conn.execute(
            "INSERT INTO articles (key, seq, source, title, outlet, url, published, length, json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        return tuple(r[0] for r in self._conn.execute("SELECT key FROM articles ORDER BY seq"))

    def source(self, key: str) -> str | None:
        """The source name the article was ingested with.

        Raises:
            StoreError: no article has that key.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.source(store.add(Article(text="Goma fell."), source="goma.txt"))
            'goma.txt'
        """
        row = self._conn.execute("SELECT source FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise StoreError(f"no article with key {key!r} in {self.path}")
        source: str | None = row[0]
        return source

    def get_article(self, key: str) -> Article:
        """The stored Article, equal to the one that was ingested.

        Raises:
            StoreError: no article has that key, or its JSON is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> art = Article(text="Goma fell.", outlet="Kivu Times")
            >>> store.get_article(store.add(art)) == art
            True
        """
        row = self._conn.execute("SELECT json FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise StoreError(f"no article with key {key!r} in {self.path}")
        return _read_article(key, row[0])

    def articles(self) -> Iterator[tuple[str, str | None, Article]]:
        """``(key, source, Article)`` for every article, in ingest order.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> _ = store.add(Article(text="Goma fell."), source="goma.txt")
            >>> [(source, art.text) for _, source, art in store.articles()]
            [('goma.txt', 'Goma fell.')]
        """
        rows = self._conn.execute("SELECT key, source, json FROM articles ORDER BY seq").fetchall()
        for key, source, text in rows:
            yield key, source, _read_article(key, text)

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only SQL query against the tables of ``docs/store.md``; return its rows.

        Raises:
            StoreError: the SQL is invalid or tries to write.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> with Store(pathlib.Path(tempfile.mkdtemp()) / "q.sqlite") as s:
            ...     _ = s.add(Article(text="one"), source="one.txt")
            ...     s.execute("SELECT source, length FROM articles")
            [('one.txt', 3)]
        """
        try:
            self._conn.execute("PRAGMA query_only = ON")
            try:
                return [tuple(r) for r in self._conn.execute(sql, tuple(parameters)).fetchall()]
            finally:
                self._conn.execute("PRAGMA query_only = OFF")
        except sqlite3.Error as exc:
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

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.statements_by("Tshisekedi")
            ()
        """
        return self.corpus().statements_by(actor)

    def timeline(
        self,
        *,
        territory: CorpusTerritory | Territory | str | None = None,
        provision: ProvisionKind | str | None = None,
    ) -> tuple[TimelineEntry, ...]:
        """A territory's or a provision's timeline across the store (see ``Corpus.timeline``).

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.timeline(territory="CD-NK"), store.timeline(provision="ceasefire")
            ((), ())
        """
        return self.corpus().timeline(territory=territory, provision=provision)

    def proposals(
        self,
        *,
        territory: CorpusTerritory | Territory | str | None = None,
        kind: ProvisionKind | str | None = None,
    ) -> tuple[CorpusProposal, ...]:
        """Proposals across the store (see ``Corpus.proposals``).

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.proposals(kind="withdrawal")
            ()
        """
        return self.corpus().proposals(territory=territory, kind=kind)

    def responses_to(self, proposal: CorpusProposal) -> tuple[CorpusPosition, ...]:
        """Positions responding to a proposal (see ``Corpus.responses_to``).

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> [store.responses_to(p) for p in store.proposals()]
            []
        """
        return self.corpus().responses_to(proposal)


def _json_list(items: Iterable[str]) -> str:
    return json.dumps([_clean(i) for i in items], ensure_ascii=False)


def _read_article(key: str, text: str) -> Article:
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
