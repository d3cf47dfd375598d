"""Opening the file, and locking it: connections, transactions, errors turned into StoreError."""

from __future__ import annotations

import contextlib
import sqlite3
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from conflictmodel.errors import ConflictModelError, StoreError


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection to ``path`` (read-only: ``mode=ro``), or StoreError."""
    # isolation_level=None: transactions are begun and ended explicitly (Transaction).
    try:
        if not readonly:
            return sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
        uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro"
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
            _recover(path)
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0)
        return conn
    except (sqlite3.DatabaseError, ValueError, OSError) as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc


def _recover(path: Path) -> None:
    uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=rw"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30.0)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(
            f"{path} has an unfinished write (a writer was interrupted) that a "
            f"read-only open cannot roll back; open it once for writing to recover: {exc}"
        ) from exc


class Transaction:
    """One write transaction: committed on success, rolled back on any exception."""

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


@contextlib.contextmanager
def guard(path: Path, what: str) -> Iterator[None]:
    """Turn what a damaged or locked file raises into StoreError."""
    try:
        yield
    except ConflictModelError:
        raise
    except sqlite3.Error as exc:
        raise StoreError(f"cannot {what} {path}: {exc}") from exc
    except (UnicodeDecodeError, ValueError, OverflowError, TypeError) as exc:
        raise StoreError(f"cannot {what} {path}: the file is damaged: {exc}") from exc
