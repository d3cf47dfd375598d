"""The scripts in examples/ run as a user would run them and print what the input contains."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
# Evidence lines, as the scripts print them: indented, optionally "file.txt: ", then «...» to the
# end of the line (greedy, because articles have guillemets of their own inside the evidence).
QUOTED = re.compile(r"^[ ]+(?:\S+\.txt: )?«(.*)»$", re.MULTILINE)


def run(script: str, *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, f"{script} exited {proc.returncode}:\n{proc.stderr}"
    return proc.stdout


def squash(text: str) -> str:
    return " ".join(text.split())


def in_any(fragment: str, texts: list[str]) -> bool:
    return any(squash(fragment) in squash(t) for t in texts)


def test_every_example_is_tested() -> None:
    scripts = {p.name for p in EXAMPLES.glob("*.py")}
    here = Path(__file__).read_text(encoding="utf-8")
    assert scripts, "no example scripts found"
    for name in scripts:
        assert f'"{name}"' in here, f"{name} has no test"


def test_who_said_what_inline_text() -> None:
    text = (
        '"There will be no truce while the siege of El Fasher goes on," Sudan\'s army chief '
        "Abdel Fattah al-Burhan told reporters in Port Sudan on Monday."
    )
    out = run("who_said_what.py", "--published", "2025-03-05", "--text", text)
    assert "al-Burhan" in out
    quoted = QUOTED.findall(out)
    assert any("There will be no truce" in q for q in quoted), out
    assert all(in_any(q, [text]) for q in quoted)
    assert "DIRECT" in out
    assert "cue: told reporters" in out or "cue: told" in out


def test_who_said_what_file_with_curly_quotes(tmp_path: Path) -> None:
    article = tmp_path / "kashmir.txt"
    article.write_text(
        "NEW DELHI — India will not accept any mediation on Kashmir, Foreign Minister "
        "Subrahmanyam Jaishankar said on Tuesday.\n"
        "“Terrorism and talks cannot go together,” Jaishankar told a news conference.\n",
        encoding="utf-8",
    )
    out = run("who_said_what.py", "--published", "2025-05-14", str(article))
    assert "Jaishankar" in out
    quoted = QUOTED.findall(out)
    assert any("Terrorism and talks cannot go together" in q for q in quoted), out
    assert all(in_any(q, [article.read_text(encoding="utf-8")]) for q in quoted)


def test_who_said_what_default_seed() -> None:
    out = run("who_said_what.py")
    seed = (ROOT / "seeds" / "001_531d7716c47a6321.txt").read_text(encoding="utf-8")
    quoted = QUOTED.findall(out)
    assert quoted, out
    assert all(in_any(q, [seed]) for q in quoted)
    speakers = out.splitlines()[1].removeprefix("speakers: ").split(", ")
    assert any(name.split()[-1] in seed for name in speakers), speakers


def test_proposals_about_territory_on_the_seeds() -> None:
    out = run("proposals_about_territory.py", "UA-43")
    assert out.startswith("Proposals naming Crimea (UA-43) in 4 articles")
    total = re.search(r"^(\d+) proposals$", out, re.MULTILINE)
    assert total, out
    count = int(total.group(1))
    assert count >= 1, out
    evidence = re.findall(r"^    evidence: (.*)$", out, re.MULTILINE)
    assert len(evidence) == count
    assert all(in_any(e, SEED_TEXTS) for e in evidence)
    assert all("Crimea" in e or "Crimean" in e for e in evidence), evidence


def test_proposals_about_territory_on_another_conflict(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Hamas said it had accepted a ceasefire proposal that would see Israeli troops "
        "withdraw from the Gaza Strip.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = run("proposals_about_territory.py", "Crimea", str(tmp_path))
    assert "in 2 articles" in out
    assert "empty.txt: skipped" in out
    assert out.rstrip().endswith("0 proposals")


def test_custom_parser_default_article() -> None:
    out = run("custom_parser.py")
    assert "-> proposals -> demining -> positions ->" in out
    assert "other/demining: «joint demining of the border areas" in out
    assert re.search(r"^[1-9]\d* demining provisions$", out, re.MULTILINE)


def test_custom_parser_reads_a_file(tmp_path: Path) -> None:
    article = tmp_path / "ukraine.txt"
    text = (
        "Ukraine and its partners pledged humanitarian demining of farmland in the Kharkiv "
        "region, the ministry said.\nMines remain a danger across the south.\n"
    )
    article.write_text(text, encoding="utf-8")
    out = run("custom_parser.py", str(article))
    provisions = re.findall(r"other/demining: «(.*?)»", out)
    assert provisions == ["humanitarian demining of farmland in the Kharkiv region"]
    assert all(p in text for p in provisions)
    assert "1 demining provisions" in out


def test_corpus_timeline_on_the_seeds() -> None:
    out = run("corpus_timeline.py", "Crimea")
    header = out.splitlines()[0]
    m = re.match(r"Crimea \(UA-43\): (\d+) items in (\d+) of 4 articles", header)
    assert m, header
    items = int(m.group(1))
    assert items >= 1
    evidence = QUOTED.findall(out)
    assert len(evidence) == items
    assert all(in_any(e.removesuffix("..."), SEED_TEXTS) for e in evidence)


def test_corpus_timeline_unknown_place(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Rwanda and the DR Congo signed a peace agreement in Washington.", encoding="utf-8"
    )
    out = run("corpus_timeline.py", "Tigray", str(tmp_path))
    assert "'Tigray' is not mentioned in the 1 articles" in out


def test_plan_history_follows_one_plan_through_four_reports() -> None:
    out = run("plan_history.py")
    assert "28-point plan proposed by United States" in out
    assert "articles: report-1, report-2, report-3, report-4" in out
    # The history is in date order and holds both status changes and stances.
    days = re.findall(r"^  (\d{4}-\d\d-\d\d):", out, re.M)
    assert days == sorted(days)
    assert len(days) >= 8
    assert "Russia opposes" in out
    assert "Ukraine supports" in out
    assert "status now: accepted" in out


def test_events_timeline_on_a_folder_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "yemen.txt").write_text(
        "Houthi drones struck Marib on 3 May 2025, killing at least nine people.\n\n"
        "Saudi and Houthi delegations held talks in Muscat on 9 May 2025, hosted by Oman.",
        encoding="utf-8",
    )
    out = run("events_timeline.py", str(tmp_path))
    assert out.startswith("2 events")
    lines = out.splitlines()
    assert "2025-05-03" in lines[1]
    assert "assault/drone" in lines[1]
    assert "killed: at least nine" in lines[1]
    assert "2025-05-09" in lines[3]
    assert "consult" in lines[3]
    assert "Muscat" in lines[3]
    quoted = QUOTED.findall(out)
    assert len(quoted) == 2
    assert all(in_any(q, [(tmp_path / "yemen.txt").read_text(encoding="utf-8")]) for q in quoted)
    only = run("events_timeline.py", str(tmp_path), "--type", "consult")
    assert only.startswith("1 events")
