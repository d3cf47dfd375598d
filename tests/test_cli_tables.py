"""Tables for people (``conflictmodel query`` and ``parse``): laid out for the terminal's width
(or ``COLUMNS``), long cues and content wrapped between words rather than clipped, identifiers
never broken, no styling unless stdout is a terminal."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

import pytest

from conflictmodel import Actor, Article, Span, Statement
from conflictmodel.cli import main
from conflictmodel.cli._term import Table, column_widths, term_width
from conflictmodel.store import Store

# Written for these tests.
TIGRAY = (
    "MEKELLE — A spokesman for the Tigray People's Liberation Front said on Thursday that the "
    "front would hand over its heavy weapons only after federal forces and Eritrean troops had "
    "withdrawn from every district of western and southern Tigray, and that the African Union "
    "monitors must be allowed to verify each step of the withdrawal before any vote."
)
CONTENT = TIGRAY[TIGRAY.index("the front would") : -1]
SPEAKER = Actor(
    id="anon:spokesman-for-the-tigray-peoples-liberation-front",
    name="spokesman for the Tigray People's Liberation Front",
    kind="person",
    anonymous=True,
    mentions=[Span(start=11, end=63)],
)
CUE = "said on Thursday that"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    start = TIGRAY.index(CONTENT)
    cue = TIGRAY.index(CUE)
    statement = Statement(
        id=f"stmt:{start}-{start + len(CONTENT)}",
        content=CONTENT,
        kind="reported",
        span=Span(start=start, end=start + len(CONTENT)),
        speaker=SPEAKER,
        speaker_span=Span(start=11, end=63),
        cue=CUE,
        cue_span=Span(start=cue, end=cue + len(CUE)),
    )
    article = Article(
        text=TIGRAY, published=dt.date(2022, 11, 10), actors=[SPEAKER], statements=[statement]
    )
    path = tmp_path_factory.mktemp("tables") / "cm.sqlite"
    with Store(path) as store:
        store.ingest([("tigray/mekelle-2022-11-10.txt", article)])
    return str(path)


def _query(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int, *argv: str
) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    code = main(["query", *argv])
    out = capsys.readouterr().out
    assert code == 0
    return out


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("columns", [80, 100, 140])
def test_statements_wrap_at_the_width_and_lose_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str, columns: int
) -> None:
    out = _query(capsys, monkeypatch, columns, "--db", db, "statements", "--actor", "Tigray")
    lines = out.splitlines()
    # Only a word longer than the width (here the speaker's id) may stick out.
    assert all(len(line) <= columns or len(line.split()) == 1 for line in lines), out
    head = next(i for i, line in enumerate(lines) if line.split()[:2] == ["date", "source"])
    # Every word of the cue and the content is there, in order: wrapped, never clipped.
    body = " ".join(lines[head + 1 :])
    assert "…" not in body
    found = [w for w in _words(body) if w in set(_words(CONTENT))]
    assert " ".join(found).endswith(" ".join(_words(CONTENT)[-6:]))
    for word in _words(CUE) + _words(CONTENT):
        assert word in _words(body), word
    # Identifiers are whole on a line.
    assert re.search(r"\[anon:spokesman-for-the-tigray-peoples-liberation-front@\w+\]", out)
    assert "2022-11-10" in out
    assert "mekelle-2022-11-10.txt" in out


def test_too_narrow_for_the_identifiers_the_table_grows_rather_than_break_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    out = _query(capsys, monkeypatch, 50, "--db", db, "statements", "--actor", "Tigray")
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if line.split()[:2] == ["date", "source"])
    row = lines[head + 1].split()
    assert row[:3] == ["2022-11-10", "tigray/mekelle-2022-11-10.txt", "reported"]
    # Each column is as narrow as its longest word: the content wraps a word or two a line.
    assert max(len(line.split()) for line in lines[head + 2 :]) <= 4


def test_a_wide_terminal_keeps_a_statement_on_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    out = _query(capsys, monkeypatch, 400, "--db", db, "statements", "--actor", "Tigray")
    assert len(out.splitlines()) == 3  # the heading, the header, the statement
    assert CONTENT in out
    # Not padded out to 400 columns: lines end where their text does.
    assert all(line == line.rstrip() for line in out.splitlines())


def test_long_identifiers_are_never_broken(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    out = _query(capsys, monkeypatch, 70, "--db", db, "actors")
    assert SPEAKER.id in out
    # The name wraps between its words, never inside one.
    for word in _words(SPEAKER.name):
        assert re.search(rf"(^|\s){re.escape(word)}(\s|$)", out, re.M), word


def test_no_styling_unless_stdout_is_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    out = _query(capsys, monkeypatch, 100, "--db", db, "statements", "--actor", "Tigray")
    assert "\x1b" not in out

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term = Terminal()
    monkeypatch.setattr(sys, "stdout", term)
    assert main(["query", "--db", db, "statements", "--actor", "Tigray"]) == 0
    shown = term.getvalue()
    assert "\x1b[1m" in shown  # a bold header
    assert ANSI.sub("", shown).splitlines()[2].split() == [
        "date",
        "source",
        "kind",
        "cue",
        "content",
    ]
    assert all(len(ANSI.sub("", line)) <= 100 for line in shown.splitlines()[2:])


def test_table_is_the_default_format(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str
) -> None:
    out = _query(capsys, monkeypatch, 160, "--db", db, "actors")
    assert out.splitlines()[0].split() == [
        "id",
        "name",
        "kind",
        "articles",
        "statements",
        "also",
        "written",
    ]


def test_parse_tables_fit_the_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # a short name: a path longer than the line cannot fit
    Path("mekelle.txt").write_text(TIGRAY, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "72")
    assert main(["parse", "mekelle.txt"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 72
    assert "…" not in out.split("Statements", 1)[1].split("Proposals", 1)[0]


def test_columns_from_the_environment_or_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "87")
    assert term_width(io.StringIO()) == 87
    monkeypatch.setenv("COLUMNS", "5")
    assert term_width(io.StringIO()) == 40  # too narrow for a table: the narrowest we lay out
    monkeypatch.delenv("COLUMNS")
    assert term_width(io.StringIO()) == 120


def test_column_widths_give_the_long_column_the_room() -> None:
    header = ("date", "id", "content")
    rows = [("2023-11-02", "event:4-92", " ".join(["word"] * 40))]
    widths = column_widths(header, rows, 60)
    assert sum(widths) + 2 * 2 <= 60
    assert widths[:2] == [10, 10]  # what fits whole stays whole
    assert widths[2] == 60 - 4 - 20
    # Narrower than the identifiers need: they keep their length, the content its longest word.
    assert column_widths(header, rows, 20) == [10, 10, 7]


def test_table_writes_every_row_in_order() -> None:
    out = io.StringIO()
    rows = [(f"person:{n}", f"statement number {n} about the talks in Doha") for n in range(5)]
    Table(out, 50).rows(("speaker", "content"), rows)
    text = out.getvalue()
    starts = [text.index(f"person:{n}") for n in range(5)]
    assert starts == sorted(starts)
    assert text.splitlines()[0].split() == ["speaker", "content"]
