"""The command line: parse, ingest, query; bad input; exit codes; both entry points."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import conflictmodel
from conflictmodel import Actor, Article, Position, Span, Statement, Territory, TextDate
from conflictmodel.batch import read_results
from conflictmodel.cli import main
from conflictmodel.corpus import article_key
from conflictmodel.serialization import from_dict
from conflictmodel.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

SUDAN = (
    "Sudan's army chief Abdel Fattah al-Burhan said on Monday that the army would not "
    'negotiate with the RSF. "There will be no truce while El Fasher is besieged," he told '
    "reporters in Port Sudan.\n"
)
KASHMIR = (
    "India and Pakistan agreed to a ceasefire along the Line of Control in Kashmir, officials "
    "said. «We will respond to any violation,» a Pakistani military spokesman said.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "sudan.txt").write_text(SUDAN, encoding="utf-8")
    (d / "kashmir.txt").write_text(KASHMIR, encoding="utf-8")
    return d


# ------------------------------------------------------------------------------- parse


def test_parse_seeds_table_shows_every_article_and_statement(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "parse", str(SEEDS))
    assert code == 0, err
    for path in sorted(SEEDS.glob("*.txt")):
        assert str(path) in out
        art = conflictmodel.parse_article(path.read_text(encoding="utf-8"))
        assert f"Statements ({len(art.statements)})" in out
        assert f"Actors ({len(art.actors)})" in out
        assert f"Territories ({len(art.territories)})" in out
        for s in art.statements:
            if s.speaker is not None:  # a long name may wrap, between its words
                assert all(word in out.split() for word in s.speaker.name.split())
        for p in art.proposals:
            assert p.status.value.replace("_", " ") in out
    # Articles come in sorted order, followed by the cross-article summary.
    positions = [out.index(str(p)) for p in sorted(SEEDS.glob("*.txt"))]
    assert positions == sorted(positions)
    assert "Across 4 articles" in out
    assert out.index("Across 4 articles") > positions[-1]


def test_parse_seeds_summary_shows_the_resolved_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(SEEDS))
    assert code == 0
    summary = out[out.index("Across 4 articles") :]
    assert "Volodymyr Zelensky" in summary
    assert "Crimea (UA-43): 4" in summary
    assert "Witkoff" in summary[summary.index("Possibly the same person") :]


def test_parse_json_is_an_array_of_result_envelopes(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, err = run(capsys, "parse", str(folder), "--format", "json")
    assert code == 0, err
    records = json.loads(out)
    assert [Path(r["source"]).name for r in records] == ["kashmir.txt", "sudan.txt"]
    assert [r["index"] for r in records] == [0, 1]
    for record in records:
        assert set(record) == {"source", "index", "article", "error"}
        assert record["error"] is None
        text = Path(record["source"]).read_text(encoding="utf-8")
        assert from_dict(record["article"], Article) == conflictmodel.parse_article(text)


def test_parse_jsonl_is_one_envelope_a_line_that_reads_back(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, _ = run(capsys, "parse", str(folder / "sudan.txt"), "--format", "jsonl")
    assert code == 0
    [line] = out.splitlines()
    record = json.loads(line)
    assert record["source"] == str(folder / "sudan.txt")
    assert record["article"]["text"] == SUDAN
    [result] = read_results(out.splitlines())
    assert result.unwrap() == conflictmodel.parse_article(SUDAN)


def test_parse_published_date_is_used(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, out, _ = run(
        capsys, "parse", str(folder / "sudan.txt"), "--published", "2025-03-05", "--format", "json"
    )
    assert code == 0
    [record] = json.loads(out)
    assert record["article"]["published"] == "2025-03-05"
    art = conflictmodel.parse_article(SUDAN, published=dt.date(2025, 3, 5))
    assert record["article"]["statements"] == json.loads(conflictmodel.to_json(art))["statements"]


def test_parse_empty_json_array_when_nothing_parsed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "parse", str(tmp_path / "missing.txt"), "--format", "json")
    assert code == 1
    [record] = json.loads(out)
    assert record["article"] is None
    assert "missing.txt: no such file" in record["error"]["message"]
    assert "missing.txt: no such file" in err


def test_bad_files_are_reported_and_the_rest_still_parsed(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Gaza: «trêve» rejetée".encode("latin-1"))
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "parse", str(folder), str(missing), str(nothing))
    assert code == 1
    expected = {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "latin1.txt": "not UTF-8",
        "missing.txt": "no such file",
        "nothing": "no .txt files",
    }
    err_lines = err.splitlines()
    for name, message in expected.items():
        assert any(name in line and message in line for line in err_lines), (name, err)
    assert "Traceback" not in err
    # The good files were still parsed.
    assert str(folder / "sudan.txt") in out
    assert str(folder / "kashmir.txt") in out


def test_folders_are_searched_recursively_in_sorted_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep.txt").write_text(SUDAN, encoding="utf-8")
    (tmp_path / "a.txt").write_text(KASHMIR, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Goma fell to M23 rebels on Sunday.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(tmp_path), "--format", "jsonl")
    assert code == 0
    sources = [Path(json.loads(line)["source"]).relative_to(tmp_path) for line in out.splitlines()]
    assert sources == [Path("a.txt"), Path("b/deep.txt"), Path("c.txt")]


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(KASHMIR.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    code, out, _ = run(capsys, "parse", "-", "--format", "jsonl")
    assert code == 0
    assert json.loads(out)["article"]["text"] == KASHMIR


JSONL_RECORDS = [
    {"id": "kashmir-1", "text": KASHMIR, "published": "2025-05-10", "outlet": "Example Wire"},
    {"id": "no-text"},
    {"id": "sudan-1", "text": SUDAN, "title": "Sudan talks", "url": "https://news.example/s1"},
]


def test_jsonl_input_gives_each_record_its_own_metadata(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(r) for r in JSONL_RECORDS]
    path.write_text("\n".join([lines[0], "{broken", *lines[1:]]) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "parse", str(path), "--format", "jsonl")
    assert code == 1  # two records could not be parsed
    results = list(read_results(out.splitlines()))
    assert [r.source for r in results] == ["kashmir-1", f"{path}:2", "no-text", "sudan-1"]
    assert [r.ok for r in results] == [True, False, False, True]
    kashmir, sudan = results[0].unwrap(), results[3].unwrap()
    assert (str(kashmir.published), kashmir.outlet) == ("2025-05-10", "Example Wire")
    assert (sudan.title, sudan.url, sudan.published) == (
        "Sudan talks",
        "https://news.example/s1",
        None,
    )
    assert f"{path}:2: not a JSON object" in err
    assert "no-text: record has no 'text' string" in err


def test_jsonl_on_stdin_with_input_jsonl(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = "\n".join(json.dumps(r) for r in JSONL_RECORDS[::2]) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8"))
    code, out, _ = run(capsys, "parse", "-", "--input", "jsonl", "--format", "json")
    assert code == 0
    assert [r["source"] for r in json.loads(out)] == ["kashmir-1", "sudan-1"]


def test_a_records_date_beats_the_command_line_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in JSONL_RECORDS[::2]) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(path), "--published", "2024-01-01", "--format", "jsonl")
    assert code == 0
    dates = [r.unwrap().published for r in read_results(out.splitlines())]
    assert [str(d) for d in dates] == ["2025-05-10", "2024-01-01"]


def test_ingest_reads_jsonl_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(JSONL_RECORDS[0]) + "\n", encoding="utf-8")
    db = tmp_path / "cm.sqlite"
    code, _, err = run(capsys, "ingest", str(path), "--db", str(db))
    assert code == 0, err
    code, out, _ = run(capsys, "query", "--db", str(db), "--format", "json", "actors")
    assert code == 0
    assert json.loads(out)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["parse"],
        ["frobnicate"],
        ["parse", "x.txt", "--format", "xml"],
        ["parse", "x.txt", "--published", "last Tuesday"],
        ["parse", "x.txt", "--jobs", "-1"],
        ["ingest", "x.txt"],
        ["query", "statements", "--actor", "Burhan"],
        ["query", "--db", "x.sqlite", "timeline", "--provision", "armistice"],
        ["query", "--db", "x.sqlite"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "usage:" in err
    assert out == ""


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "parse" in out
    assert "ingest" in out
    assert "query" in out


def test_no_progress_counter_when_not_a_terminal(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, _, err = run(capsys, "parse", str(folder), "--format", "jsonl")
    assert code == 0
    assert err == ""


# ------------------------------------------------------------------------------- ingest


def test_ingest_is_idempotent(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    db = folder.parent / "cm.sqlite"
    code, out, _ = run(capsys, "ingest", str(folder), "--db", str(db))
    assert code == 0
    assert out.startswith("2 articles stored, 0 already there, 0 failed")
    conn = sqlite3.connect(db)
    before = list(conn.iterdump())
    conn.close()
    code, out, _ = run(capsys, "ingest", str(folder), "--db", str(db))
    assert code == 0
    assert out.startswith("0 articles stored, 2 already there")
    conn = sqlite3.connect(db)
    assert list(conn.iterdump()) == before
    conn.close()
    with Store(db) as store:
        assert set(store.keys()) == {article_key(SUDAN), article_key(KASHMIR)}
        assert store.source(article_key(SUDAN)) == str(folder / "sudan.txt")
        assert store.get_article(article_key(SUDAN)) == conflictmodel.parse_article(SUDAN)


def test_ingest_reports_bad_files_and_stores_the_rest(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    (folder / "empty.txt").write_bytes(b"")
    db = folder.parent / "cm.sqlite"
    code, out, err = run(capsys, "ingest", str(folder), "--db", str(db))
    assert code == 1
    assert "empty.txt: empty file" in err
    assert "2 articles stored" in out
    with Store(db) as store:
        assert len(store) == 2


def test_ingest_into_a_file_that_is_not_a_store(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    db = folder / "sudan.txt"
    code, _, err = run(capsys, "ingest", str(folder), "--db", str(db))
    assert code == 1
    assert "not a conflictmodel store" in err
    assert db.read_text(encoding="utf-8") == SUDAN


# ------------------------------------------------------------------------------- query


def _burhan_store(path: Path) -> None:
    """Hand-built articles, so the query output does not depend on the parser."""
    arts = []
    for n, (content, published) in enumerate(
        [
            ("the army would not negotiate with the RSF", dt.date(2024, 6, 2)),
            ("talks in Jeddah could resume", dt.date(2024, 3, 1)),
        ]
    ):
        text = f"[{n}] Abdel Fattah al-Burhan said {content} about Darfur."
        burhan = Actor(
            id="person:abdel-fattah-al-burhan",
            name="Abdel Fattah al-Burhan",
            kind="person",
            country="SD",
            mentions=[Span(start=4, end=26)],
        )
        start = text.index(content)
        stmt = Statement(
            id=f"stmt:{start}",
            content=content,
            kind="reported",
            span=Span(start=start, end=start + len(content)),
            speaker=burhan,
            cue="said",
        )
        darfur = Territory(
            id="area:darfur",
            name="Darfur",
            kind="region",
            mentions=[Span(start=text.index("Darfur"), end=text.index("Darfur") + 6)],
        )
        pos = Position(
            actor=burhan,
            stance="opposes" if n == 0 else "considers",
            territory=darfur,
            provision="ceasefire",
            text=text,
            span=Span(start=0, end=len(text)),
            date=TextDate(text="then", value=published) if n == 0 else None,
        )
        arts.append(
            (
                f"sd-{n}.txt",
                Article(
                    text=text,
                    published=published,
                    actors=[burhan],
                    territories=[darfur],
                    statements=[stmt],
                    positions=[pos],
                ),
            )
        )
    with Store(path) as store:
        store.ingest(arts)


def test_query_statements_table_and_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "cm.sqlite"
    _burhan_store(db)
    code, out, _ = run(capsys, "query", "--db", str(db), "statements", "--actor", "Burhan")
    assert code == 0
    assert "2 statements by Abdel Fattah al-Burhan" in out
    # Date order: the March article before the June one.
    assert out.index("talks in Jeddah") < out.index("would not negotiate")
    assert "2024-03-01" in out
    assert "sd-1.txt" in out
    code, out, _ = run(
        capsys, "query", "statements", "--actor", "al-Burhan", "--db", str(db), "--format", "json"
    )
    assert code == 0
    records = json.loads(out)
    assert [r["source"] for r in records] == ["sd-1.txt", "sd-0.txt"]
    assert records[0]["speaker"]["name"] == "Abdel Fattah al-Burhan"
    assert records[0]["statement"]["content"] == "talks in Jeddah could resume"
    assert records[0]["dated_by"] == "published"


def test_query_timeline_by_territory_and_provision(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "cm.sqlite"
    _burhan_store(db)
    code, out, _ = run(capsys, "query", "--db", str(db), "timeline", "--territory", "Darfur")
    assert code == 0
    assert "Timeline of Darfur" in out
    assert out.index("considers") < out.index("opposes")
    code, out, _ = run(
        capsys, "query", "--db", str(db), "--format", "json", "timeline", "--provision", "ceasefire"
    )
    assert code == 0
    entries = json.loads(out)
    assert [(e["kind"], e["date"], e["dated_by"]) for e in entries] == [
        ("position", "2024-03-01", "published"),
        ("position", "2024-06-02", "text"),
    ]
    assert entries[0]["item"]["stance"] == "considers"


def test_query_actors_proposals_candidates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "cm.sqlite"
    _burhan_store(db)
    code, out, _ = run(capsys, "query", "--db", str(db), "actors", "--format", "json")
    assert code == 0
    [actor] = json.loads(out)
    assert actor["id"] == "person:abdel-fattah-al-burhan"
    assert actor["statements"] == 2
    assert len(actor["articles"]) == 2
    code, out, _ = run(capsys, "query", "--db", str(db), "proposals")
    assert code == 0
    assert out.startswith("0 proposals")
    code, out, _ = run(capsys, "query", "--db", str(db), "candidates")
    assert code == 0
    assert "No likely matches" in out


def test_query_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "cm.sqlite"
    _burhan_store(db)
    code, _, err = run(capsys, "query", "--db", str(db), "statements", "--actor", "Hemedti")
    assert code == 1
    assert "no actor matches 'Hemedti'" in err
    code, _, err = run(capsys, "query", "--db", str(db), "timeline", "--territory", "Atlantis")
    assert code == 1
    assert "no territory matches 'Atlantis'" in err
    code, _, err = run(capsys, "query", "--db", str(db), "timeline")
    assert code == 2
    missing = tmp_path / "missing.sqlite"
    code, _, err = run(capsys, "query", "--db", str(missing), "actors")
    assert code == 1
    assert "no store at" in err
    assert not missing.exists()


def test_seeds_ingest_and_query_zelensky(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "seeds.sqlite"
    code, out, _ = run(capsys, "ingest", str(SEEDS), "--db", str(db))
    assert code == 0
    assert out.startswith("4 articles stored")
    code, out, _ = run(
        capsys, "query", "--db", str(db), "--format", "json", "statements", "--actor", "Zelensky"
    )
    assert code == 0
    sources = {Path(r["source"]).name for r in json.loads(out)}
    assert {"000_b628c114caf92dd8.txt", "001_531d7716c47a6321.txt", "003_b8061e98f5a25ac3.txt"} <= (
        sources
    )
    code, out, _ = run(capsys, "query", "--db", str(db), "timeline", "--territory", "UA-43")
    assert code == 0
    assert out.startswith("Timeline of Crimea (UA-43)")


# ------------------------------------------------------------------------------- entry points


def test_python_dash_m(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "conflictmodel", "parse", str(folder / "kashmir.txt"), "--format",
         "jsonl"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["article"]["text"] == KASHMIR


def test_console_script(folder: Path) -> None:
    script = Path(sys.executable).parent / "conflictmodel"
    assert script.exists(), "the conflictmodel console script is not installed"
    done = subprocess.run(
        [str(script), "parse", str(folder / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    assert "missing.txt: no such file" in done.stderr


def test_a_closed_pipe_is_not_a_crash() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "conflictmodel", "parse", str(SEEDS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=300)
    assert "Traceback" not in err
    assert "BrokenPipe" not in err
