"""Rewrite the ``<!-- output -->`` blocks of the docs from a fresh run of their code.

    python scripts/docs_outputs.py [--add] [PAGE.md ...]

Runs each page's Python sessions the way ``tests/test_docs.py`` does and writes what each
block prints into the ``text`` block marked ``<!-- output -->`` after it.  With ``--add``, a
block that prints something and has no output block gets one.  Without pages, every page under
``docs/`` is done.  The test then checks that the pages keep showing what their code prints.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import test_docs as td  # noqa: E402  (the test module owns the block extractor and runner)


def run_session(session: td.Session) -> dict[int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        blocks = [
            {
                "file": str(b.path.relative_to(ROOT)),
                "line": b.line,
                "code": td.expand_snippets(b.code),
            }
            for b in session.blocks
        ]
        (work / "blocks.json").write_text(json.dumps(blocks), encoding="utf-8")
        (work / "runner.py").write_text(td._RUNNER, encoding="utf-8")
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        if session.installed:
            paths = td.install_like_pip(ROOT / session.installed, work / "site")
            env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")])
        proc = subprocess.run(
            [sys.executable, str(work / "runner.py"), str(work / "blocks.json")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    if proc.returncode != 0:
        raise SystemExit(f"{session.id} failed:\n{proc.stdout[-3000:]}\n{proc.stderr}")
    return td.printed_by_block(proc.stdout)


def rewrite(page: Path, add: bool) -> bool:
    lines = page.read_text(encoding="utf-8").splitlines()
    blocks = td.extract_blocks(page)
    printed: dict[int, str] = {}
    for session in td.sessions_of(page):
        printed.update(run_session(session))
    # Edit from the bottom up so earlier line numbers stay valid.
    edits: list[tuple[int, int, list[str]]] = []
    for i, block in enumerate(blocks):
        if block.line not in printed:
            continue
        out = td.normalise_output(printed[block.line]).splitlines()
        end = block.line - 1 + block.code.count("\n")  # index of the closing fence
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if following is not None and td.output_of(blocks, i) is not None:
            first = following.line - 1
            edits.append((first, first + following.code.count("\n"), out))
        elif add and out:
            edits.append((end + 1, end + 1, ["", "<!-- output -->", "```text", *out, "```"]))
    for start, stop, new in sorted(edits, reverse=True):
        lines[start:stop] = new
    text = "\n".join(lines) + "\n"
    changed = text != page.read_text(encoding="utf-8")
    if changed:
        page.write_text(text, encoding="utf-8")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--add", action="store_true", help="add output blocks where missing")
    parser.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args()
    pages = args.pages or sorted((ROOT / "docs").rglob("*.md"))
    for page in pages:
        if rewrite(page.resolve(), args.add):
            print("rewrote", page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
