"""``conflictmodel query plans`` and ``query plan-history``: the CLI answers what
``Store.plans`` / ``Store.proposal_history`` answer."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from articles_proposals.plan_articles import ARTICLES
from conflictmodel import parse_article
from conflictmodel.cli import main
from conflictmodel.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "cm.sqlite"
    with Store(path) as store:
        store.ingest(
            (f"report-{i}.txt", parse_article(text, published=dt.date.fromisoformat(day)))
            for i, (day, text) in enumerate(ARTICLES)
        )
    return str(path)


def test_query_plans_table_and_json(capsys: pytest.CaptureFixture[str], db: str) -> None:
    with Store(db, readonly=True) as store:
        expected = store.plans()
    code, out, err = run(capsys, "query", "--db", db, "plans")
    assert code == 0, err
    assert out.startswith(f"{len(expected)} plans")
    for plan in expected:
        assert plan.id in out
    assert "plan by Egypt" in out
    code, out, err = run(capsys, "query", "--db", db, "--format", "json", "plans", "--actor", "RSF")
    assert code == 0, err
    records = json.loads(out)
    assert [r["proposer"]["name"] for r in records] == ["Egypt"]
    assert records[0]["status"] == "accepted"
    assert [a["source"] for a in records[0]["articles"]] == [
        "report-0.txt",
        "report-1.txt",
        "report-2.txt",
    ]
    code, out, _ = run(capsys, "query", "--db", db, "plans", "--kind", "amnesty")
    assert (code, out.splitlines()[0]) == (0, "0 plans")


def test_query_plan_history(capsys: pytest.CaptureFixture[str], db: str) -> None:
    with Store(db, readonly=True) as store:
        plan = store.plans(actor="Egypt")[0]
    code, out, err = run(capsys, "query", "--db", db, "plan-history", plan.id)
    assert code == 0, err
    lines = out.splitlines()
    assert plan.id in lines[0]
    assert "status now: accepted" in lines[0]
    assert "2025-05-10" in out
    assert "rejected" in out
    code, out, err = run(
        capsys, "query", "--db", db, "plan-history", "egypt", "--actor", "RSF", "--format", "json"
    )
    assert code == 0, err
    records = json.loads(out)
    assert [(r["date"], r["stance"], r["source"]) for r in records] == [
        ("2025-05-10", "opposes", "report-1.txt")
    ]


def test_query_plan_history_unknown_plan(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "query", "--db", db, "plan-history", "Minsk II")
    assert code == 1
    assert out == ""
    assert "no plan matches 'Minsk II'" in err
