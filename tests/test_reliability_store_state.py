"""A stateful test of the store: ingest, re-ingest, replace, delete, query, reopen (read-only
or not) and kill-and-reopen (a child process SIGKILLed in the middle of a write), in random
orders; the store always matches a model of what it should hold."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from conflictmodel import Article
from conflictmodel.corpus import article_key
from conflictmodel.store import Store
from test_store import rich_article

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses fork and SIGKILL")

# Article.extras arrives with this round's model: use it when it is there.
_EXTRAS: dict[str, Any] = (
    {"extras": {"feed": "x", "n": 3}} if "extras" in attrs.fields_dict(Article) else {}
)
POOL = [rich_article(i) for i in range(4)] + [
    Article(text="Goma fell to the M23 on Monday.", outlet="Kivu Times"),
    Article(text="Talks in Jeddah resumed.", **_EXTRAS),
]
KEYS = [article_key(a.text) for a in POOL]
_FORK = multiprocessing.get_context("fork")


class _Stuck(Store):
    """Writes ``committed`` articles, then stops half-way through the next one's transaction."""

    def __init__(self, path: str, committed: int, ready: Any) -> None:
        super().__init__(path)
        self.limit = committed
        self.ready = ready
        self.written = 0

    def _write_rows(self, key: str, article: Article) -> None:
        super()._write_rows(key, article)
        if self.written == self.limit:
            self.ready.set()
            signal.pause()  # until SIGKILL
        self.written += 1


def _child(path: str, items: list[int], committed: int, ready: Any) -> None:
    with _Stuck(path, committed, ready) as store:
        for i in items:
            store.add(POOL[i], source=f"killed-{i}.txt")
    ready.set()  # pragma: no cover - only if there was nothing to stop in


class StoreMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory()
        self.path = Path(self.tmp.name) / "cm.sqlite"
        # The model: key -> (source, index into POOL), in ingest order.
        self.model: dict[str, tuple[str | None, int]] = {}
        self.store: Store | None = None

    @initialize()
    def open(self) -> None:
        self.store = Store(self.path)

    def _open(self) -> Store:
        assert self.store is not None
        return self.store

    def _add(self, i: int, source: str | None) -> None:
        self.model.setdefault(KEYS[i], (source, i))

    @rule(items=st.lists(st.integers(0, len(POOL) - 1), max_size=4), batch=st.integers(1, 3))
    def ingest(self, items: list[int], batch: int) -> None:
        report = self._open().ingest([(f"{i}.txt", POOL[i]) for i in items], batch_size=batch)
        expected_new = [k for k in dict.fromkeys(KEYS[i] for i in items) if k not in self.model]
        assert list(report.added) == expected_new
        for i in items:
            self._add(i, f"{i}.txt")

    @rule(i=st.integers(0, len(POOL) - 1))
    def replace(self, i: int) -> None:
        self._open().add(POOL[i], source=f"replaced-{i}.txt", replace=True)
        # A replaced article keeps its place in the order; a new one goes last.
        self.model[KEYS[i]] = (f"replaced-{i}.txt", i)

    @rule(i=st.integers(0, len(POOL) - 1))
    def delete(self, i: int) -> None:
        assert self._open().delete(KEYS[i]) == (KEYS[i] in self.model)
        self.model.pop(KEYS[i], None)

    @rule()
    def query(self) -> None:
        self._check(self._open())

    @rule(readonly=st.booleans())
    def reopen(self, readonly: bool) -> None:
        self._open().close()
        if readonly:
            with Store(self.path, readonly=True) as ro:
                self._check(ro)
        self.store = Store(self.path)

    @precondition(lambda self: len(self.model) < len(POOL))
    @rule(data=st.data())
    def kill_and_reopen(self, data: st.DataObject) -> None:
        self._open().close()
        self.store = None
        new = [i for i, k in enumerate(KEYS) if k not in self.model]
        items = data.draw(st.permutations(new).map(lambda p: p[: max(1, len(p) // 2 + 1)]))
        committed = data.draw(st.integers(0, len(items) - 1))
        ready = _FORK.Event()
        child = _FORK.Process(target=_child, args=(str(self.path), items, committed, ready))
        child.start()
        assert ready.wait(timeout=120), "the child never reached the write"
        os.kill(child.pid or 0, signal.SIGKILL)
        child.join()
        assert child.exitcode == -signal.SIGKILL
        for i in items[:committed]:
            self._add(i, f"killed-{i}.txt")
        # A read-only open first: it must recover from the hot journal the kill left.
        with Store(self.path, readonly=True) as ro:
            self._check(ro)
        self.store = Store(self.path)

    def _check(self, store: Store) -> None:
        assert store.keys() == tuple(self.model)
        for key, (source, i) in self.model.items():
            assert store.source(key) == source
            assert store.get_article(key) == POOL[i]
        assert store.execute("SELECT COUNT(DISTINCT article) FROM statements") == [
            (sum(1 for _, i in self.model.values() if POOL[i].statements),)
        ]

    @invariant()
    def same_keys(self) -> None:
        if self.store is not None:
            assert set(self.store.keys()) == set(self.model)

    def teardown(self) -> None:
        if self.store is not None:
            self.store.close()
        self.tmp.cleanup()


StoreMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=10, deadline=None)
test_store_matches_its_model = StoreMachine.TestCase
