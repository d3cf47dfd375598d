"""The schema of a store, its migrations, and opening it: check, create or migrate."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import attrs

from conflictmodel.errors import OutdatedStoreError, StoreError
from conflictmodel.store._connect import Transaction
from conflictmodel.store._events import MIGRATION_V3

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
    _Migration(
        version=3,
        summary="events and event_parties: Article.events (PLOVER), filled from the JSON",
        sql=MIGRATION_V3,
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
    "events",
    "event_parties",
)

# Tables added by a migration: a store of an older version lacks them until it is migrated.
_SINCE = {"events": 3, "event_parties": 3}


def _current() -> tuple[tuple[_Migration, ...], int]:
    """The migrations and the schema version, looked up when a store is opened.

    They are read from ``conflictmodel.store``, their public path, rather than bound here at
    import: that module is the one place that says which schema this library writes.
    """
    import conflictmodel.store as package

    return package._MIGRATIONS, package.SCHEMA_VERSION


def inspect(conn: sqlite3.Connection) -> tuple[int, set[str]]:
    """``PRAGMA user_version`` and the names of the tables."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return version, tables


def open_schema(conn: sqlite3.Connection, path: Path, *, readonly: bool, create: bool) -> None:
    """Check the schema of an open file; create it, or migrate it, if allowed to."""
    _, schema_version = _current()
    version, tables = inspect(conn)
    if version == schema_version and tables:
        check(conn, path, version, tables)
        return
    if readonly or (not create and version == 0 and not tables):
        if version == 0 and not tables:
            raise StoreError(
                f"{path} is not a conflictmodel store (it is empty); "
                "create one with `conflictmodel ingest` or Store(path)"
            )
        check(conn, path, version, tables)
        raise OutdatedStoreError(
            f"{path} has schema version {version}, older than this library's "
            f"{schema_version}; migrate it (one transaction, nothing is lost) with "
            f"`conflictmodel migrate --db {path}` or by opening it for writing, "
            "Store(path)"
        )
    # Creating or migrating: take the write lock and look again, since another process
    # may have created or migrated the file since the look above.
    with Transaction(conn):
        version, tables = inspect(conn)
        if version == 0 and not tables:
            _create(conn)
            return
        check(conn, path, version, tables)
        if version < schema_version:
            migrate(conn, version)


def check(conn: sqlite3.Connection, path: Path, version: int, tables: set[str]) -> None:
    """Raise StoreError unless the file is a conflictmodel store this library can read."""
    _, schema_version = _current()
    if version > schema_version:
        raise StoreError(
            f"{path} has schema version {version}, newer than this library "
            f"({schema_version}); upgrade conflictmodel to read it"
        )
    if "meta" not in tables:
        raise StoreError(f"{path} is an SQLite file but not a conflictmodel store")
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("application") != _APPLICATION:
        raise StoreError(f"{path} is an SQLite file but not a conflictmodel store")
    if meta.get("schema_version") != str(version):
        raise StoreError(
            f"{path}: meta says schema version {meta.get('schema_version')!r} but "
            f"PRAGMA user_version is {version}; the file was altered by hand"
        )
    missing = [t for t in _TABLES if t not in tables and _SINCE.get(t, 1) <= version]
    if missing:
        raise StoreError(f"{path} is damaged: tables missing: {', '.join(missing)}")


def _run_script(conn: sqlite3.Connection, sql: str) -> None:
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


def _set_version(conn: sqlite3.Connection, version: int) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
        (str(version),),
    )
    conn.execute(f"PRAGMA user_version = {int(version)}")


def _create(conn: sqlite3.Connection) -> None:
    from conflictmodel import __version__

    _run_script(conn, _SCHEMA_V1)
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("application", _APPLICATION), ("created_by", f"conflictmodel {__version__}")],
    )
    _set_version(conn, 1)
    migrate(conn, 1, record=False)


def migrate(conn: sqlite3.Connection, version: int, *, record: bool = True) -> None:
    """Run every migration after ``version``, inside the caller's transaction."""
    from conflictmodel import __version__

    migrations, schema_version = _current()
    for step in migrations:
        if step.version > version:
            _run_script(conn, step.sql)
            _set_version(conn, step.version)
    if record and version < schema_version:
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('migrated_by', ?)",
            (f"conflictmodel {__version__} from schema version {version}",),
        )
