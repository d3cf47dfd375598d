"""Find runs of words the project shares with the devset (which must never be copied).

    python scripts/check_devset_overlap.py [--n 6] [--devset ../shared/devset/articles.jsonl]

Prints ``file | line | devset id | words`` for every run of ``n`` words (case-folded) that a
source, test, data, docs or example file shares with a devset article, so a reviewer can tell a
copied sentence from a common phrase ("said in a statement that", a leader's full title).
Exit status 1 when anything is found.  Nothing of the devset is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
SCANNED = ("src", "tests", "docs", "examples", "scripts", "bench")
SUFFIXES = (".py", ".json", ".md", ".txt", ".toml", ".yml")


def devset_runs(path: Path, n: int) -> dict[tuple[str, ...], str]:
    runs: dict[tuple[str, ...], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        words = [w.lower() for w in WORD.findall(record["text"])]
        for i in range(len(words) - n + 1):
            runs.setdefault(tuple(words[i : i + n]), str(record.get("id")))
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=6, help="words per run (default 6)")
    parser.add_argument(
        "--devset", type=Path, default=ROOT.parent / "shared" / "devset" / "articles.jsonl"
    )
    args = parser.parse_args()
    runs = devset_runs(args.devset, args.n)
    found = 0
    for base in SCANNED:
        for path in sorted((ROOT / base).rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file() or "results" in path.parts:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            words = [(m.group().lower(), m.start()) for m in WORD.finditer(text)]
            seen: set[tuple[str, ...]] = set()
            for i in range(len(words) - args.n + 1):
                run = tuple(w for w, _ in words[i : i + args.n])
                if run in runs and run not in seen:
                    seen.add(run)
                    line = text.count("\n", 0, words[i][1]) + 1
                    print(f"{path.relative_to(ROOT)} | {line} | {runs[run]} | {' '.join(run)}")
                    found += 1
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
