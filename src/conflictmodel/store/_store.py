"""The [`Store`][conflictmodel.store.Store] class: one SQLite file of parsed articles."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from conflictmodel.corpus import (
    Corpus,
    CorpusActor,
    CorpusPosition,
    CorpusProposal,
    CorpusStatement,
    CorpusTerritory,
    MergeCandidate,
    Plan,
    PlanEvent,
    TimelineEntry,
    article_key,
)
from conflictmodel.errors import InputError, StoreError
from conflictmodel.model.actors import Actor
from conflictmodel.model.article import Article
from conflictmodel.model.events import EventType
from conflictmodel.model.proposals import ProvisionKind
from conflictmodel.model.territories import Territory
from conflictmodel.store import _connect, _read, _schema, _write
from conflictmodel.store._events import StoredEvent, query_events
from conflictmodel.store._schema import SCHEMA_VERSION  # noqa: F401 (the examples use it)
from conflictmodel.store._write import IngestReport

__all__ = ["Store"]


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
        self._conn = _connect.connect(self.path, readonly=self.readonly)
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            _schema.open_schema(
                self._conn, self.path, readonly=self.readonly, create=create and not self.readonly
            )
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"{self.path} is not a conflictmodel store: {exc}") from exc
        except (UnicodeDecodeError, ValueError, OverflowError) as exc:
            self._conn.close()
            raise StoreError(f"{self.path} is damaged: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

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
        return _read.meta(self._conn, self.path)

    def _check_arg(self, name: str, value: object, *types: type[Any]) -> None:
        if value is not None and not isinstance(value, types):
            expected = " or ".join(t.__name__ for t in types)
            raise InputError(f"{name} must be {expected} or None, got {type(value).__name__}")

    def _guard(self, what: str) -> contextlib.AbstractContextManager[None]:
        """Turn what a damaged or locked file raises into StoreError."""
        return _connect.guard(self.path, what)

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

    def _transaction(self) -> _connect.Transaction:
        return _connect.Transaction(self._conn)

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
            batch = [_write.coerce_item(item) for item in islice(iterator, batch_size)]
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
        _read.check_key(key)
        self._writable()
        try:
            with self._transaction():
                cur = self._conn.execute("DELETE FROM articles WHERE key = ?", (key,))
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        self._corpus = None
        return cur.rowcount > 0

    def _seq(self, key: str) -> int | None:
        return _read.seq(self._conn, self.path, key)

    def _write(self, key: str, source: str | None, article: Article, seq: int | None) -> None:
        _write.write_article(self._conn, key, source, article, seq)
        self._write_rows(key, article)

    def _write_rows(self, key: str, article: Article) -> None:
        _write.write_rows(self._conn, key, article)

    # ---------------------------------------------------------------- reading

    def __len__(self) -> int:
        return _read.count(self._conn, self.path)

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
        return _read.keys(self._conn, self.path)

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
        return _read.source(self._conn, self.path, key)

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
        return _read.article(self._conn, self.path, key)

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
        yield from _read.articles(self._conn, self.path)

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
        return _read.execute(self._conn, sql, parameters)

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

    def statements_by(
        self,
        actor: CorpusActor | Actor | str,
        *,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
    ) -> tuple[CorpusStatement, ...]:
        """Statements by ``actor`` across the store (see ``Corpus.statements_by``).

        ``since`` / ``until`` (inclusive; ISO ``YYYY-MM-DD`` or ``datetime.date``) compare the
        statement's own resolved date, else its article's publication date; a statement with
        neither is left out of a time-filtered query.

        Raises:
            InputError: an argument of the wrong type (or, for a provision kind, an unknown
                one).
            StoreError: the file is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import Article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> store.statements_by("Tshisekedi", since="2025-01-01", until=dt.date(2025, 6, 30))
            ()
        """
        if not isinstance(actor, CorpusActor | Actor | str):
            raise InputError(
                f"actor must be a CorpusActor, an Actor or a str, got {type(actor).__name__}"
            )
        return self.corpus().statements_by(actor, since=since, until=until)

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

    def events(
        self,
        *,
        type: EventType | str | None = None,
        actor: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        place: str | None = None,
    ) -> tuple[StoredEvent, ...]:
        """Events across the store that match every filter given, in date order (undated
        last); read from the ``events`` and ``event_parties`` tables.

        Args:
            type: a PLOVER type (``"consult"``, ``EventType.ASSAULT``).
            actor: an actor, target or mediator: id, name, surname or alias
                (case-insensitive).
            since, until: dates, inclusive (ISO ``YYYY-MM-DD`` or ``datetime.date``),
                compared with the event's own resolved date, else its article's publication
                date (``StoredEvent.date``); an event with neither matches no time range.
            place: the place's id, name, or ISO country code (``"Doha"``, ``"QA"``).

        Raises:
            InputError: an argument of the wrong type, an unknown type or a bad date.
            StoreError: the file is damaged.

        Example:
            >>> import tempfile, pathlib
            >>> from conflictmodel import parse_article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> _ = store.add(parse_article("Pashinyan met Aliyev in Abu Dhabi on 10 July 2025."))
            >>> [(e.event.type.value, e.event.place.name) for e in store.events(type="consult")]
            [('consult', 'Abu Dhabi')]
            >>> store.events(actor="Aliyev", until="2025-01-01")
            ()
        """
        return query_events(
            self._conn, self.path, type=type, actor=actor, since=since, until=until, place=place
        )

    def plans(
        self,
        *,
        actor: CorpusActor | Actor | str | None = None,
        kind: ProvisionKind | str | None = None,
        territory: CorpusTerritory | Territory | str | None = None,
        window_days: int = 365,
    ) -> tuple[Plan, ...]:
        """Proposals resolved across the stored articles into plans, each with its dated
        history (see [`Corpus.plans`][conflictmodel.corpus.Corpus.plans] for the rule and the
        filters).

        Plans have no tables of their own: they are resolved from the stored articles, through
        the [`corpus`][conflictmodel.store.Store.corpus] this store builds once and reuses
        until the store changes. A plan's id names the article key and proposal id of its
        first proposal, so it stays the same as long as that article is stored.

        Raises:
            InputError: an argument of the wrong type, or an unknown provision kind.
            StoreError: the file is damaged.

        Example:
            >>> import tempfile, pathlib, datetime as dt
            >>> from conflictmodel import parse_article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> _ = store.ingest([
            ...     parse_article("Qatar proposed a plan for a 60-day truce in Gaza.",
            ...                   published=dt.date(2025, 3, 1)),
            ...     parse_article("Hamas rejected the Qatari plan for a 60-day truce in Gaza.",
            ...                   published=dt.date(2025, 3, 9))])
            >>> [(p.proposer.name, len(p.articles), p.status.value) for p in store.plans()]
            [('Qatar', 2, 'rejected')]
            >>> store.plans(kind="amnesty")
            ()
        """
        self._check_arg("actor", actor, CorpusActor, Actor, str)
        self._check_arg("kind", kind, ProvisionKind, str)
        self._check_arg("territory", territory, CorpusTerritory, Territory, str)
        return self.corpus().plans(
            actor=actor, kind=kind, territory=territory, window_days=window_days
        )

    def proposal_history(
        self, plan: Plan | CorpusProposal | str, *, actor: str | None = None
    ) -> tuple[PlanEvent, ...]:
        """The dated history of a plan across the stored articles — given as a ``Plan``, one
        of its ``CorpusProposal``s, a plan id or a plan name (case-insensitive); with
        ``actor``, only that party's stances (see
        [`Corpus.proposal_history`][conflictmodel.corpus.Corpus.proposal_history]).

        Resolved from the stored articles like [`plans`][conflictmodel.store.Store.plans].

        Raises:
            InputError: an argument of the wrong type, or no plan matches.
            StoreError: the file is damaged.

        Example:
            >>> import tempfile, pathlib, datetime as dt
            >>> from conflictmodel import parse_article
            >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite")
            >>> _ = store.ingest([
            ...     parse_article("Qatar proposed a plan for a 60-day truce in Gaza.",
            ...                   published=dt.date(2025, 3, 1)),
            ...     parse_article("Hamas rejected the Qatari plan for a 60-day truce in Gaza.",
            ...                   published=dt.date(2025, 3, 9))])
            >>> plan = store.plans()[0]
            >>> [e.summary[:24] for e in store.proposal_history(plan.id, actor="Hamas")]
            ['2025-03-09: Hamas oppose']
        """
        if not isinstance(plan, Plan | CorpusProposal | str):
            raise InputError(
                f"plan must be a Plan, a CorpusProposal or a str, got {type(plan).__name__}"
            )
        self._check_arg("actor", actor, str)
        return self.corpus().proposal_history(plan, actor=actor)

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
