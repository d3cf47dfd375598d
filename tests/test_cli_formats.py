"""``conflictmodel query``: ``--format json|jsonl|csv`` for every question, ``--since`` /
``--until`` on statements, and positions that name the proposal they concern."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from conflictmodel import parse_article
from conflictmodel.cli import main
from conflictmodel.store import Store

# Written for these tests.
ARTICLES = [
    (
        "2025-03-02",
        "Egypt proposed a plan for a 90-day truce in Sudan on Friday. The plan would open "
        "humanitarian corridors to El Fasher.",
    ),
    ("2025-03-10", "The RSF rejected the Egyptian plan for a truce in Sudan, a spokesman said."),
    (
        "2025-04-20",
        'Volodymyr Zelensky said on Sunday: "Ukraine will not give up Crimea." Russian drones '
        "struck Sumy, killing at least 11 people.",
    ),
    (
        "2025-06-01",
        'Volodymyr Zelensky told reporters in Kyiv: "We are ready for talks in Istanbul."',
    ),
]

QUESTIONS = [
    ["statements", "--actor", "Zelensky"],
    ["timeline", "--provision", "ceasefire"],
    ["proposals"],
    ["actors"],
    ["events"],
    ["plans"],
    ["candidates"],
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("formats") / "cm.sqlite"
    with Store(path) as store:
        store.ingest(
            (f"r{i}.txt", parse_article(text, published=dt.date.fromisoformat(day)))
            for i, (day, text) in enumerate(ARTICLES)
        )
    return str(path)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q[0])
def test_every_question_in_every_record_format(
    capsys: pytest.CaptureFixture[str], db: str, question: list[str]
) -> None:
    code, out, err = run(capsys, "query", "--db", db, *question, "--format", "json")
    assert code == 0, err
    records = json.loads(out)
    assert isinstance(records, list)
    code, out, err = run(capsys, "query", "--db", db, "--format", "jsonl", *question)
    assert code == 0, err
    assert [json.loads(line) for line in out.splitlines()] == records
    code, out, err = run(capsys, "query", "--db", db, *question, "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        for key, value in record.items():
            if isinstance(value, str | int) and not isinstance(value, bool):
                assert row[key] == str(value)
            elif isinstance(value, dict) and isinstance(value.get("name"), str):
                assert row[f"{key}.name"] == value["name"]


def test_the_seeded_questions_are_not_empty(capsys: pytest.CaptureFixture[str], db: str) -> None:
    # The format test above must compare rows, not only empty lists.
    for question in (["statements", "--actor", "Zelensky"], ["events"], ["plans"]):
        _, out, _ = run(capsys, "query", "--db", db, "--format", "json", *question)
        assert json.loads(out), question


def test_statements_since_until(capsys: pytest.CaptureFixture[str], db: str) -> None:
    argv = ["query", "--db", db, "--since", "2025-04-01", "--until", "2025-04-30"]
    code, out, err = run(capsys, *argv, "statements", "--actor", "Zelensky", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    assert {r["date"][:7] for r in rows} == {"2025-04"}
    code, out, err = run(
        capsys, "query", "--db", db, "statements", "--actor", "Zelensky", "--since", "2025-05-01"
    )
    assert code == 0, err
    assert "2025-06-01" in out
    assert "2025-04" not in out
    code, _, err = run(
        capsys, "query", "--db", db, "statements", "--actor", "Zelensky", "--since", "May"
    )
    assert code == 2
    assert "ISO date" in err
    code, _, err = run(capsys, "query", "--db", db, "--since", "2025-01-01", "actors")
    assert code == 2
    assert "--since/--until apply to statements and events" in err


def test_positions_name_their_proposal(capsys: pytest.CaptureFixture[str], db: str) -> None:
    with Store(db, readonly=True) as store:
        on_plan = [
            e
            for e in store.timeline(provision="ceasefire")
            if e.kind == "position" and getattr(e.item, "proposal_id", None)
        ]
    assert on_plan, "the fixture must have a position on a proposal"
    code, out, err = run(capsys, "query", "--db", db, "timeline", "--provision", "ceasefire")
    assert code == 0, err
    assert "prop:" not in out
    assert "Egypt's proposal" in out
    code, out, err = run(
        capsys, "query", "--db", db, "--format", "json", "timeline", "--provision", "ceasefire"
    )
    labels = {r["proposal"] for r in json.loads(out) if r["kind"] == "position"}
    assert labels
    assert all(label.startswith("Egypt's proposal: ceasefire") for label in labels)


def test_parse_table_names_the_proposal(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "sudan.txt"
    path.write_text(ARTICLES[1][1], encoding="utf-8")
    code, out, err = run(capsys, "parse", str(path))
    assert code == 0, err
    assert "Positions" in out
    assert "prop:" not in out
