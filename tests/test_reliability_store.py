"""The store under races and damage: concurrent creation and migration, damaged files, read-only
opening, the authorizer of ``execute``, numbers SQLite cannot hold, and older schema versions.

Concurrency tests run a few rounds with real processes (``fork``), started together at a
barrier; no test asserts anything about time.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import conflictmodel
from conflictmodel import Article, Proposal, Provision, Span
from conflictmodel.cli import main
from conflictmodel.corpus import article_key
from conflictmodel.errors import OutdatedStoreError, StoreError
from conflictmodel.store import _SCHEMA_V1, SCHEMA_VERSION, Store
from test_store import TABLES, rich_article

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="the concurrency helpers use the fork start method"
)

_FORK = multiprocessing.get_context("fork")


def _child(target: Callable[..., object], args: tuple[Any, ...], barrier: Any, queue: Any) -> None:
    try:
        barrier.wait(timeout=60)
        result = target(*args)
        queue.put(("ok", repr(result)))
    except BaseException as exc:  # report everything: the test decides what is acceptable
        queue.put(("error", f"{type(exc).__module__}.{type(exc).__name__}: {exc}"))


def together(
    target: Callable[..., object], argsets: list[tuple[Any, ...]]
) -> list[tuple[str, str]]:
    """Run ``target(*args)`` for each argset in its own process, all released at once."""
    barrier = _FORK.Barrier(len(argsets))
    queue = _FORK.Queue()
    procs = [_FORK.Process(target=_child, args=(target, args, barrier, queue)) for args in argsets]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return results


def _open_and_add(path: str, n: int) -> int:
    with Store(path) as store:
        store.add(Article(text=f"Article number {n} about Goma."), source=f"{n}.txt")
        return store.schema_version


def _cli_ingest(path: str, file: str) -> int:
    return main(["ingest", file, "--db", path])


# ------------------------------------------------------------------------------- item 1


def test_processes_creating_one_store_at_once_all_succeed(tmp_path: Path) -> None:
    for round_ in range(4):
        path = str(tmp_path / f"race-{round_}.sqlite")
        results = together(_open_and_add, [(path, n) for n in range(3)])
        assert results == [("ok", repr(SCHEMA_VERSION))] * 3, results
        with Store(path, readonly=True) as store:
            assert len(store) == 3
            assert store.meta()["application"] == "conflictmodel"
        names = [r[0] for r in _rows(path, "SELECT name FROM sqlite_master WHERE type='table'")]
        assert sorted(names) == sorted(["meta", *TABLES]), "each table created once"


def test_cli_ingests_creating_one_store_at_once_all_succeed(tmp_path: Path) -> None:
    files = []
    for n in range(2):
        f = tmp_path / f"a{n}.txt"
        f.write_text(f"Sudan's army said it would join talks in Jeddah, round {n}.\n", "utf-8")
        files.append(str(f))
    conflictmodel.parse_article("Warm up.")  # load the gazetteer once, before forking
    for round_ in range(2):
        path = str(tmp_path / f"cli-{round_}.sqlite")
        results = together(_cli_ingest, [(path, f) for f in files])
        assert results == [("ok", "0")] * 2, results
        with Store(path, readonly=True) as store:
            assert len(store) == 2


# ------------------------------------------------------------------------------- item 2


def _rows(path: str | Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _tamper(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _every_read(path: Path) -> None:
    """Open the store and call every reading method; a damaged file may fail anywhere."""
    for readonly in (True, False):
        with Store(path, readonly=readonly) as store:
            len(store)
            store.meta()
            keys = store.keys()
            for key in keys:
                store.get_article(key)
                store.source(key)
            list(store.articles())
            store.execute("SELECT COUNT(*) FROM statements")
            store.actors()
            store.timeline(territory="AM-SU")


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    path = tmp_path / "cm.sqlite"
    with Store(path) as store:
        store.ingest([rich_article(0), rich_article(1)])
    return path


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE meta SET value = CAST(x'fffe41' AS TEXT) WHERE key = 'application'",
        "UPDATE meta SET value = CAST(x'c3' AS TEXT) WHERE key = 'schema_version'",
        "UPDATE articles SET json = CAST(x'7bff' AS TEXT) WHERE seq = 1",
        "UPDATE articles SET json = x'00ff' WHERE seq = 0",
        "UPDATE articles SET json = 42 WHERE seq = 0",
        "UPDATE articles SET json = '{\"text\": 5}' WHERE seq = 0",
        "UPDATE articles SET source = CAST(x'ff' AS TEXT) WHERE seq = 0",
        "UPDATE articles SET source = x'ff' WHERE seq = 0",
        "UPDATE articles SET key = x'0102' WHERE seq = 0",
        "DROP TABLE statements",
        "DELETE FROM meta",
    ],
)
def test_a_damaged_row_is_a_store_error(stored: Path, damage: str) -> None:
    _tamper(stored, damage)
    with pytest.raises(StoreError):
        _every_read(stored)


@pytest.mark.parametrize("where", [0.0, 0.3, 0.6, 0.9])
def test_damaged_bytes_are_store_errors_or_harmless(
    tmp_path: Path, stored: Path, where: float
) -> None:
    data = bytearray(stored.read_bytes())
    at = int(len(data) * where)
    data[at : at + 512] = b"\xff" * len(data[at : at + 512])
    stored.write_bytes(bytes(data))
    with contextlib.suppress(StoreError):  # the only error allowed; not every page is read
        _every_read(stored)


def test_a_truncated_file_is_a_store_error(stored: Path) -> None:
    data = stored.read_bytes()
    stored.write_bytes(data[: len(data) // 3])
    with pytest.raises(StoreError):
        _every_read(stored)


def test_cli_reports_a_damaged_store_in_one_line(
    stored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tamper(stored, "UPDATE articles SET json = CAST(x'7bff' AS TEXT) WHERE seq = 1")
    for argv in (["query", "--db", str(stored), "actors"], ["migrate", "--db", str(stored)]):
        code = main(argv)
        err = capsys.readouterr().err
        if argv[0] == "migrate":  # migrate does not read articles: the file is a store
            assert code == 0, err
            continue
        assert code == 1
        assert err.count("\n") == 1, err
        assert err.startswith("conflictmodel: error: "), err
        assert "Traceback" not in err


# ------------------------------------------------------------------------------- item 3


def test_query_never_creates_or_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    code = main(["query", "--db", str(empty), "actors"])
    err = capsys.readouterr().err
    assert code == 1
    assert "not a conflictmodel store" in err
    assert err.count("\n") == 1
    assert empty.read_bytes() == b"", "query wrote a schema into the file"
    with pytest.raises(StoreError, match="empty"):
        Store(empty, readonly=True)
    with pytest.raises(StoreError, match="empty"):
        Store(empty, create=False)
    assert empty.read_bytes() == b""
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.sqlite", readonly=True)
    assert not (tmp_path / "missing.sqlite").exists()


def test_a_read_only_store_refuses_writes(stored: Path) -> None:
    before = stored.read_bytes()
    with Store(stored, readonly=True) as store:
        assert len(store) == 2
        with pytest.raises(StoreError, match="read-only"):
            store.add(rich_article(5))
        with pytest.raises(StoreError, match="read-only"):
            store.ingest([rich_article(5)])
        with pytest.raises(StoreError, match="read-only"):
            store.delete(store.keys()[0])
    assert stored.read_bytes() == before


@pytest.mark.parametrize("readonly", [False, True])
@pytest.mark.parametrize(
    "sql",
    [
        "PRAGMA journal_mode = WAL",
        "PRAGMA user_version = 99",
        "PRAGMA foreign_keys = OFF",
        "PRAGMA query_only = OFF",
        "ATTACH DATABASE '{other}' AS other",
        "VACUUM INTO '{other}'",
        "BEGIN",
        "DELETE FROM articles",
        "INSERT INTO meta VALUES ('x', 'y')",
        "CREATE TABLE t (x)",
        "CREATE TEMP TABLE t (x)",
        "DROP TABLE claims",
        "SELECT load_extension('x')",
        "WITH x AS (SELECT 1) DELETE FROM actors",
    ],
)
def test_execute_refuses_anything_but_reading(
    tmp_path: Path, stored: Path, sql: str, readonly: bool
) -> None:
    other = tmp_path / "other.sqlite"
    before = stored.read_bytes()
    with Store(stored, readonly=readonly) as store:
        with pytest.raises(StoreError, match="query failed"):
            store.execute(sql.format(other=other))
        # Reading still works, and so do the store's own writes afterwards.
        assert store.execute("PRAGMA table_info(articles)")[0][1] == "key"
        assert store.execute("PRAGMA user_version") == [(SCHEMA_VERSION,)]
        assert store.execute("SELECT COUNT(*) FROM articles") == [(2,)]
        assert store.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                             "WHERE i < 3) SELECT json_extract(extras, '$') FROM articles, n "
                             "LIMIT 1") == [("{}",)]  # fmt: skip
    assert not other.exists()
    assert stored.read_bytes() == before
    assert _rows(stored, "PRAGMA journal_mode") == [("delete",)]
    if not readonly:
        with Store(stored) as store:
            store.add(rich_article(7))
            assert len(store) == 3


# ------------------------------------------------------------------------------- item 4


def _provision_article(duration: int) -> Article:
    text = f"Both sides agreed to a ceasefire. [{duration % 97}]"
    span = Span(start=0, end=text.index("."))
    return Article(
        text=text,
        proposals=[
            Proposal(
                id="prop:1",
                trigger="agreed",
                text=span.of(text),
                span=span,
                status="accepted",
                provisions=[
                    Provision(
                        kind="ceasefire",
                        text="a ceasefire",
                        span=Span(start=text.index("a ceasefire"), end=text.index(".")),
                        duration_days=duration,
                    )
                ],
            )
        ],
    )


def test_a_number_too_large_for_sqlite_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "cm.sqlite"
    with Store(path) as store:
        store.add(rich_article(0))
        with pytest.raises(StoreError, match="too large"):
            store.add(_provision_article(10**30))
        with pytest.raises(StoreError, match="too large"):
            store.ingest([rich_article(1), _provision_article(2**63)], batch_size=2)
        assert len(store) == 1, "the failed batches left nothing behind"
        assert store.add(_provision_article(30))
        assert store.execute("SELECT duration_days FROM provisions WHERE duration_days > 0") == [
            (30,)
        ]


# ------------------------------------------------------------------------------- item 8


def make_old_store(path: Path, ddl: str, version: int, articles: list[Article]) -> None:
    """A store as an older library wrote it: the old DDL, its version, and the rows the current
    library would write, cut down to the columns the old schema has."""
    current = path.with_suffix(".current")
    with Store(current) as store:
        store.ingest([(f"{i}.txt", a) for i, a in enumerate(articles)])
    conn = sqlite3.connect(path)
    conn.executescript(ddl)
    conn.execute(f"ATTACH DATABASE '{current}' AS cur")
    for table in TABLES:
        cols = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
        if not cols:
            continue  # a table added by a later migration
        names = ", ".join(f'"{c}"' for c in cols)
        conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM cur.{table}")
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("application", "conflictmodel"), ("schema_version", str(version)),
         ("created_by", "conflictmodel 0.1.0")],
    )  # fmt: skip
    conn.commit()
    conn.execute("DETACH DATABASE cur")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    current.unlink()


@pytest.fixture
def v1_store(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite"
    make_old_store(path, _SCHEMA_V1, 1, [rich_article(0), rich_article(1)])
    return path


def _schema(path: Path) -> list[tuple[Any, ...]]:
    return _rows(path, "SELECT type, name, sql FROM sqlite_master ORDER BY name")


def test_read_only_queries_on_an_old_store_say_how_to_migrate(
    v1_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = v1_store.read_bytes()
    with pytest.raises(OutdatedStoreError, match="conflictmodel migrate --db") as info:
        Store(v1_store, readonly=True)
    assert "schema version 1, older" in str(info.value)
    code = main(["query", "--db", str(v1_store), "actors"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1, err
    assert "conflictmodel migrate --db" in err
    assert v1_store.read_bytes() == before, "a read-only query changed the file"


def test_ingest_migrates_an_old_store(v1_store: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    Store(fresh).close()
    with Store(v1_store) as store:
        assert store.schema_version == SCHEMA_VERSION
        report = store.ingest([rich_article(1), rich_article(2)])
        assert (len(report.added), len(report.skipped)) == (1, 1)
        assert store.keys() == tuple(article_key(rich_article(i).text) for i in range(3))
        assert [a for _, _, a in store.articles()] == [rich_article(i) for i in range(3)]
        assert store.source(store.keys()[0]) == "0.txt"
        meta = store.meta()
        assert store.execute("SELECT extras FROM articles") == [("{}",)] * 3
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    assert meta["migrated_by"].endswith("from schema version 1")
    assert _rows(v1_store, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert _schema(v1_store) == _schema(fresh), "a migrated store is a new store"
    with Store(v1_store, readonly=True) as store:
        assert len(store) == 3


def test_cli_ingest_and_migrate_commands_migrate(
    v1_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite"
    make_old_store(other, _SCHEMA_V1, 1, [rich_article(3)])
    assert main(["migrate", "--db", str(other)]) == 0
    assert f"schema version {SCHEMA_VERSION}" in capsys.readouterr().out
    assert main(["query", "--db", str(other), "actors"]) == 0
    text = tmp_path / "new.txt"
    text.write_text("Kenya offered to host talks between the parties.\n", encoding="utf-8")
    assert main(["ingest", str(text), "--db", str(v1_store)]) == 0
    assert "now holds 3" in capsys.readouterr().out
    assert _rows(v1_store, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_a_failed_migration_leaves_the_old_store_as_it_was(
    v1_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import conflictmodel.store as store_module

    broken = store_module._Migration(
        version=SCHEMA_VERSION + 1,
        summary="a step that fails half-way",
        sql="CREATE TABLE places (id TEXT); SELECT * FROM no_such_table",
    )
    monkeypatch.setattr(store_module, "_MIGRATIONS", (*store_module._MIGRATIONS, broken))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    before = _schema(v1_store)
    with pytest.raises(StoreError, match="no_such_table"):
        Store(v1_store)
    assert _rows(v1_store, "PRAGMA user_version") == [(1,)]
    assert _schema(v1_store) == before, "every step of a migration is one transaction"
    monkeypatch.undo()
    with Store(v1_store) as store:
        assert len(store) == 2


def test_processes_migrating_one_store_at_once_all_succeed(tmp_path: Path) -> None:
    for round_ in range(3):
        path = tmp_path / f"old-{round_}.sqlite"
        make_old_store(path, _SCHEMA_V1, 1, [rich_article(0)])
        results = together(_open_and_add, [(str(path), n) for n in range(3)])
        assert results == [("ok", repr(SCHEMA_VERSION))] * 3, results
        with Store(path, readonly=True) as store:
            assert len(store) == 4
        cols = [r[1] for r in _rows(path, "PRAGMA table_info(articles)")]
        assert cols.count("extras") == 1
