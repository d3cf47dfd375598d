"""Progress of long batches (``conflictmodel parse`` / ``ingest``): a rich bar with count,
rate and ETA on stderr, on a terminal or with ``--progress``; never with ``--no-progress`` or
``--quiet``; never in the data on stdout, and never garbling an error line."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from conflictmodel.cli import main
from conflictmodel.cli._term import Progress

# Written for these tests.
ARTICLES = {
    "yemen.txt": "The Houthis said on Tuesday they would keep attacking ships in the Red Sea.\n",
    "congo.txt": "M23 rebels seized the town of Sake, the Congolese army said on Sunday.\n",
    "myanmar.txt": "The Arakan Army said it had taken the town of Maungdaw after weeks of fighting.\n",
}
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal(io.StringIO):
    """stderr as a terminal would be."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def _run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    err: io.StringIO,
    *argv: str,
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stderr", err)
    code = main(list(argv))
    return code, capsys.readouterr().out, err.getvalue()


def test_a_terminal_gets_a_bar_with_count_rate_and_eta(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    code, out, shown = _run(
        capsys, monkeypatch, Terminal(), "parse", str(folder), "--format", "jsonl"
    )
    assert code == 0
    plain = ANSI.sub("", shown)
    assert "parsing" in plain
    for n in (1, 2, 3):
        assert f"{n}/3" in plain
    assert "eta" in plain
    assert re.search(r"[0-9]+\.[0-9]/s", plain), plain
    # The bar takes itself off the screen at the end, and stdout holds only the records.
    assert shown.endswith("\x1b[2K")
    assert "\x1b" not in out
    assert len([json.loads(line) for line in out.splitlines()]) == 3


@pytest.mark.parametrize("flag", ["--no-progress", "--quiet", "-q"])
def test_no_progress_and_quiet_turn_it_off_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path, flag: str
) -> None:
    code, out, shown = _run(
        capsys, monkeypatch, Terminal(), "parse", str(folder), "--format", "jsonl", flag
    )
    assert code == 0
    assert shown == ""
    assert len(out.splitlines()) == 3


def test_progress_flag_shows_it_without_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    code, out, shown = _run(
        capsys, monkeypatch, io.StringIO(), "parse", str(folder), "--format", "json", "--progress"
    )
    assert code == 0
    assert "3/3" in shown
    # A log file gets the bar without colour codes (cursor moves only).
    assert not re.search(r"\x1b\[[0-9;]*m", shown)
    assert len(json.loads(out)) == 3


def test_not_a_terminal_means_no_bar(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    code, _, shown = _run(
        capsys, monkeypatch, io.StringIO(), "parse", str(folder), "--format", "jsonl"
    )
    assert code == 0
    assert shown == ""


def test_progress_cannot_be_both_on_and_off(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    code, _, shown = _run(
        capsys, monkeypatch, io.StringIO(), "parse", str(folder), "--progress", "--quiet"
    )
    assert code == 2
    assert "not allowed with" in shown


def test_an_error_line_is_whole_and_outside_the_bar(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    (folder / "empty.txt").write_bytes(b"")
    code, _, shown = _run(
        capsys, monkeypatch, Terminal(), "parse", str(folder), "--format", "jsonl"
    )
    assert code == 1
    line = f"conflictmodel: error: {folder / 'empty.txt'}: empty file\n"
    assert line in shown
    # The bar was erased (cursor to the start of the line, line cleared) right before it.
    before = shown[: shown.index(line)]
    assert before.endswith("\x1b[2K")
    assert "4/4" in ANSI.sub("", shown)


def test_jsonl_records_are_counted_for_the_eta(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    records = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": name, "text": text}) for name, text in ARTICLES.items()]
    records.write_text("\n".join(lines) + "\n\n", encoding="utf-8")  # a blank line is no record
    db = tmp_path / "cm.sqlite"
    code, out, shown = _run(
        capsys, monkeypatch, io.StringIO(), "ingest", str(records), "--db", str(db), "--progress"
    )
    assert code == 0
    plain = ANSI.sub("", shown)
    assert "ingesting" in plain
    assert "3/3" in plain
    assert "/4" not in plain
    assert out.startswith("3 articles stored")


def test_quiet_ingest_prints_no_summary(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    db = folder.parent / "cm.sqlite"
    code, out, shown = _run(
        capsys, monkeypatch, Terminal(), "ingest", str(folder), "--db", str(db), "--quiet"
    )
    assert (code, out, shown) == (0, "", "")
    code, out, _ = _run(capsys, monkeypatch, io.StringIO(), "ingest", str(folder), "--db", str(db))
    assert out.startswith("0 articles stored, 3 already there")


def test_rate_and_eta_come_from_the_clock() -> None:
    now = [100.0]
    err = io.StringIO()
    bar = Progress(5, "parsing", err, enabled=True, get_time=lambda: now[0])
    for n in range(3):
        bar.show()
        now[0] += 2.0  # two seconds an article
        bar.step(f"article-{n}.txt")
        bar.pause()
    last = ANSI.sub("", err.getvalue()).split("\r")[-2]
    assert "3/5" in last
    assert "0.5/s" in last
    assert "eta 0:00:04" in " ".join(last.split())
    assert "article-2.txt" in last


def test_one_article_gets_no_bar_unless_asked(tmp_path: Path) -> None:
    quiet = Terminal()
    bar = Progress(1, "parsing", quiet)
    bar.step("gaza.txt")
    bar.clear()
    assert quiet.getvalue() == ""
    asked = io.StringIO()
    bar = Progress(1, "parsing", asked, enabled=True)
    bar.step("gaza.txt")
    bar.clear()
    assert "1/1" in asked.getvalue()


def test_ctrl_c_takes_the_bar_down_before_the_exit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("conflictmodel.cli._cmd_parse.render_article", interrupted)
    code, _, shown = _run(capsys, monkeypatch, Terminal(), "parse", str(folder))
    assert code == 130
    # The cursor is shown again and the bar erased, then main's newline ends the line.
    assert shown.rindex("\x1b[?25h") > shown.rindex("\x1b[?25l")
    assert shown.endswith("\x1b[2K\n")


def test_above_a_pipe_the_bar_stays_up_and_above_a_terminal_it_steps_aside(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    hide_cursor = "\x1b[?25l"  # written each time rich puts the bar up
    # stdout is a pipe (capsys): the bar goes up once and stays while records are written.
    code, _, shown = _run(
        capsys, monkeypatch, Terminal(), "parse", str(folder), "--format", "jsonl"
    )
    assert code == 0
    assert shown.count(hide_cursor) == 1
    # stdout is the same terminal: the bar steps aside for each article's table.
    screen = Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    code, _, shown = _run(capsys, monkeypatch, Terminal(), "parse", str(folder))
    assert code == 0
    assert shown.count(hide_cursor) >= 3
    # Nothing of the bar reaches stdout: no cursor moves, no counter.
    assert "\x1b[2K" not in screen.getvalue()
    assert "\x1b[?25" not in screen.getvalue()
    assert "3/3" not in screen.getvalue()
