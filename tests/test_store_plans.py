"""Plans from the store: ``Store.plans`` and ``Store.proposal_history`` answer what the corpus
answers, from the stored articles, and survive reopening the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from articles_proposals.plan_articles import ARTICLES
from conflictmodel import parse_article
from conflictmodel.corpus import Corpus
from conflictmodel.errors import InputError
from conflictmodel.store import Store


def _articles() -> list[tuple[str, object]]:
    return [
        (f"report-{i}.txt", parse_article(text, published=dt.date.fromisoformat(day)))
        for i, (day, text) in enumerate(ARTICLES)
    ]


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "plans.sqlite"
    with Store(path) as store:
        store.ingest(_articles())  # type: ignore[arg-type]
    return path


def test_store_plans_equal_the_corpus_plans(store_path: Path) -> None:
    corpus = Corpus(_articles())  # type: ignore[arg-type]
    with Store(store_path, readonly=True) as store:
        stored = store.plans()
        assert [p.id for p in stored] == [p.id for p in corpus.plans()]
        sudan = next(p for p in stored if p.proposer is not None and p.proposer.name == "Egypt")
        assert len(sudan.articles) == 3
        assert sudan.status.value == "accepted"
        assert [p.id for p in store.plans(kind="humanitarian_access")] == [sudan.id]
        assert sudan.id in [p.id for p in store.plans(actor="RSF")]
        assert store.plans(actor="Azerbaijan") != ()
        assert sudan.id not in [p.id for p in store.plans(actor="Azerbaijan")]


def test_store_proposal_history_by_id_and_actor(store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        sudan = store.plans(kind="humanitarian_access")[0]
        history = store.proposal_history(sudan.id)
        assert history == sudan.history
        statuses = [e.status.value for e in history if e.kind == "status" and e.status]
        assert statuses == ["proposed", "rejected", "accepted"]
        dates = [e.date for e in history]
        assert dates == sorted(d for d in dates if d is not None)
        rsf = store.proposal_history(sudan, actor="RSF")
        assert [(e.date, e.stance.value if e.stance else None) for e in rsf] == [
            (dt.date(2025, 5, 10), "opposes")
        ]
        assert store.source(rsf[0].article) == "report-1.txt"


def test_store_plans_follow_changes(store_path: Path) -> None:
    with Store(store_path) as store:
        before = len(store.plans(kind="humanitarian_access")[0].articles)
        store.delete(store.keys()[2])
        after = store.plans(kind="humanitarian_access")[0]
        assert (before, len(after.articles)) == (3, 2)
        assert after.status.value == "rejected"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: s.plans(kind="truce"), "not a provision kind"),
        (lambda s: s.plans(actor=3), "actor must be"),
        (lambda s: s.proposal_history(42), "plan must be"),
        (lambda s: s.proposal_history("no such plan"), "no plan matches"),
        (lambda s: s.proposal_history("x", actor=1), "actor must be"),
    ],
)
def test_store_plans_bad_arguments(store_path: Path, call: object, message: str) -> None:
    with Store(store_path, readonly=True) as store, pytest.raises(InputError, match=message):
        call(store)  # type: ignore[operator]
