"""The documentation works: every Python block in docs/ runs, and the site builds strictly.

Blocks of one page run in order in one namespace, in a fresh interpreter started in the root of
the repository, like a reader pasting them into a Python session.  Markers (HTML comments, not
shown on the site) on the lines just before a block change that:

- ``<!-- no-test -->``: the block is illustrative and is not run (keep these rare);
- ``<!-- new-session -->``: the block starts a new interpreter with a fresh namespace (what the
  page tells the reader to do, e.g. after installing a package);
- ``<!-- new-session installed: examples/custom_parser_pkg -->``: the same, with that package
  installed the way ``pip install -e`` does it: a ``.dist-info`` directory holding its metadata
  and entry points, and its source directory, both on ``sys.path``;
- ``<!-- output -->`` before a ``text`` block right after a Python block: what that block
  prints, compared with what it does print (trailing spaces and blank edge lines aside).
  ``python scripts/docs_outputs.py`` rewrites these blocks from a fresh run.

``--8<-- "path"`` lines (pymdownx.snippets) inside a block are replaced by the file they name, as
the site build does.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pkgutil
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest

import conflictmodel

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)$")
_MARKER = re.compile(r"^\s*<!--\s*(?P<body>[\w-]+(?:[ \t]+[^\n]*?)?)\s*-->\s*$")
_SNIPPET = re.compile(r"""^[ \t]*--8<--[ \t]+["'](?P<path>[^"']+)["'][ \t]*$""")
_INSTALLED = re.compile(r"^new-session(?:\s+installed:\s*(?P<pkg>\S+))?$")


@attrs.frozen
class Block:
    """One fenced code block of a page and what the markers before it say."""

    path: Path
    line: int  # 1-based line of the first line of code
    lang: str
    code: str
    markers: tuple[str, ...]

    @property
    def skipped(self) -> bool:
        return "no-test" in self.markers

    @property
    def session_start(self) -> re.Match[str] | None:
        for marker in self.markers:
            if m := _INSTALLED.match(marker):
                return m
        return None


def extract_blocks(path: Path, text: str | None = None) -> list[Block]:
    """Every fenced code block in a Markdown file, with the markers just above it."""
    lines = (path.read_text(encoding="utf-8") if text is None else text).splitlines()
    blocks: list[Block] = []
    markers: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        marker = _MARKER.match(line)
        if marker:
            markers.append(marker.group("body").strip())
            i += 1
            continue
        opened = _FENCE_OPEN.match(line)
        if not opened:
            if line.strip():
                markers = []
            i += 1
            continue
        indent, fence = opened.group("indent"), opened.group("fence")
        info = opened.group("info").strip()
        lang = info.split()[0].lstrip("{.").rstrip("}") if info else ""
        body: list[str] = []
        i += 1
        while i < len(lines) and not (
            lines[i].startswith(indent + fence[0] * len(fence))
            and not lines[i].strip().strip(fence[0])
        ):
            body.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i])
            i += 1
        start = i - len(body) + 1
        blocks.append(Block(path, start, lang, "\n".join(body) + "\n", tuple(markers)))
        markers = []
        i += 1
    return blocks


def expand_snippets(code: str) -> str:
    """Replace ``--8<-- "file"`` lines with the file, relative to the repository root."""
    out: list[str] = []
    for line in code.splitlines():
        m = _SNIPPET.match(line)
        out.append((ROOT / m.group("path")).read_text(encoding="utf-8") if m else line)
    return "\n".join(out) + "\n"


def install_like_pip(package: Path, into: Path) -> list[str]:
    """Make ``package`` importable and its entry points discoverable, as an editable install
    does: a real ``.dist-info`` (METADATA, entry_points.txt) in ``into``, plus its source dir.

    Returns the directories to put on ``sys.path``.
    """
    meta = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))
    project = meta["project"]
    name, version = project["name"], project["version"]
    dist = into / f"{name.replace('-', '_')}-{version}.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    lines: list[str] = []
    for group, entries in project.get("entry-points", {}).items():
        lines.append(f"[{group}]")
        lines.extend(f"{key} = {value}" for key, value in entries.items())
        lines.append("")
    (dist / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")
    (dist / "INSTALLER").write_text("tests/test_docs.py\n", encoding="utf-8")
    where = meta.get("tool", {}).get("setuptools", {}).get("packages", {}).get("find", {})
    source = package / where.get("where", ["."])[0]
    return [str(into), str(source)]


@attrs.frozen
class Session:
    """Blocks that run in one interpreter."""

    page: Path
    index: int
    blocks: tuple[Block, ...]
    installed: str | None
    # For each block, the text of the ``<!-- output -->`` block that follows it, if any.
    expected: tuple[str | None, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(DOCS).as_posix()}#{self.index}"


def output_of(blocks: list[Block], i: int) -> str | None:
    """The ``<!-- output -->`` block right after ``blocks[i]``, or None."""
    if i + 1 < len(blocks):
        nxt = blocks[i + 1]
        if nxt.lang in ("text", "") and "output" in nxt.markers:
            return nxt.code
    return None


def sessions_of(path: Path) -> list[Session]:
    """Split a page's runnable Python blocks into interpreter sessions."""
    out: list[Session] = []
    current: list[Block] = []
    expected: list[str | None] = []
    installed: str | None = None
    blocks = extract_blocks(path)
    for i, block in enumerate(blocks):
        if block.lang not in ("python", "py") or block.skipped:
            continue
        start = block.session_start
        if start is not None and current:
            out.append(Session(path, len(out), tuple(current), installed, tuple(expected)))
            current, expected = [], []
        if start is not None:
            installed = start.group("pkg")
        current.append(block)
        expected.append(output_of(blocks, i))
    if current:
        out.append(Session(path, len(out), tuple(current), installed, tuple(expected)))
    return out


_SEPARATOR = re.compile(r"^--- (?P<file>\S+):(?P<line>\d+) t=[0-9.]+$", re.M)


def printed_by_block(stdout: str) -> dict[int, str]:
    """What each block printed, by its first line, from the runner's separated stdout."""
    marks = list(_SEPARATOR.finditer(stdout))
    return {
        int(m.group("line")): stdout[m.end() + 1 : nxt.start() if nxt else len(stdout)]
        for m, nxt in zip(marks, [*marks[1:], None], strict=True)
    }


def normalise_output(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


PAGES = sorted(DOCS.rglob("*.md"))
SESSIONS = [s for page in PAGES for s in sessions_of(page)]

# Runs the blocks of one session; line numbers in tracebacks are the Markdown file's.
# The guard keeps worker processes started with "spawn" (Dask's default) from re-running it.
_RUNNER = """\
import json, sys
from hypothesis import settings
settings.register_profile("docs", derandomize=True, deadline=None, max_examples=40)
settings.load_profile("docs")
if __name__ == "__main__":
    namespace = {"__name__": "__main__"}
    for block in json.load(open(sys.argv[1], encoding="utf-8")):
        print(f"--- {block['file']}:{block['line']} t={__import__('time').perf_counter():.1f}", flush=True)
        code = "\\n" * (block["line"] - 1) + block["code"]
        exec(compile(code, block["file"], "exec"), namespace)
"""


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: s.id)
def test_doc_code_runs(session: Session, tmp_path: Path) -> None:
    blocks = [
        {"file": str(b.path.relative_to(ROOT)), "line": b.line, "code": expand_snippets(b.code)}
        for b in session.blocks
    ]
    (tmp_path / "blocks.json").write_text(json.dumps(blocks), encoding="utf-8")
    (tmp_path / "runner.py").write_text(_RUNNER, encoding="utf-8")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if session.installed:
        paths = install_like_pip(ROOT / session.installed, tmp_path / "site")
        env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")])
    proc = subprocess.run(
        [sys.executable, str(tmp_path / "runner.py"), str(tmp_path / "blocks.json")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, f"{session.id} failed:\n{proc.stdout[-4000:]}\n{proc.stderr}"
    printed = printed_by_block(proc.stdout)
    for block, want in zip(session.blocks, session.expected, strict=True):
        if want is not None:
            got = normalise_output(printed.get(block.line, ""))
            assert got == normalise_output(want), (
                f"{block.path.relative_to(ROOT)}:{block.line} prints something else than its "
                f"output block shows (python scripts/docs_outputs.py rewrites them):\n{got}"
            )


def test_every_page_with_code_is_collected() -> None:
    # Guards the extractor: the guides are code-heavy, so finding nothing means it broke.
    by_page = {s.page.relative_to(DOCS).as_posix() for s in SESSIONS}
    for page in ("getting-started.md", "howto/custom-parser.md", "howto/json.md"):
        assert page in by_page
    custom = [b for s in SESSIONS if s.page.name == "custom-parser.md" for b in s.blocks]
    code = "".join(b.code for b in custom)
    assert "register_parser(" in code
    assert any(s.installed for s in SESSIONS if s.page.name == "custom-parser.md")


def test_skip_markers_are_rare() -> None:
    blocks = [b for page in PAGES for b in extract_blocks(page) if b.lang in ("python", "py")]
    skipped = [f"{b.path.name}:{b.line}" for b in blocks if b.skipped]
    assert len(skipped) <= max(2, len(blocks) // 10), skipped


def test_extractor_reads_markers_snippets_and_indented_fences(tmp_path: Path) -> None:
    (tmp_path / "inc.py").write_text("y = 2\n", encoding="utf-8")
    page = tmp_path / "p.md"
    text = textwrap.dedent(
        """\
        Intro.

        ```python
        x = 1
        ```

        <!-- no-test -->
        ```python
        raise SystemExit
        ```

        !!! note
            ```python
            z = 3
            ```

        <!-- new-session installed: examples/pkg -->

        ```py
        print(x)
        ```

        ```sh
        ls
        ```
        """
    )
    blocks = extract_blocks(page, text)
    assert [(b.lang, b.line, b.code) for b in blocks] == [
        ("python", 4, "x = 1\n"),
        ("python", 9, "raise SystemExit\n"),
        ("python", 14, "z = 3\n"),
        ("py", 20, "print(x)\n"),
        ("sh", 24, "ls\n"),
    ]
    assert [b.skipped for b in blocks] == [False, True, False, False, False]
    start = blocks[3].session_start
    assert start is not None
    assert start.group("pkg") == "examples/pkg"
    assert expand_snippets('--8<-- "README.md"').startswith("# conflictmodel")


def test_install_like_pip_makes_entry_points_discoverable(tmp_path: Path) -> None:
    paths = install_like_pip(ROOT / "examples" / "custom_parser_pkg", tmp_path / "site")
    code = (
        "from importlib.metadata import entry_points\n"
        "print({e.name: e.value for e in entry_points(group='conflictmodel.parsers')})\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "'amnesty': 'cm_amnesty:AmnestyParser'" in proc.stdout


_SHELLS = ("sh", "bash", "console", "shell")
_CLI = "import sys; from conflictmodel.cli import main; sys.exit(main(sys.argv[1:]))"


def cli_commands(path: Path) -> list[tuple[int, list[str]]]:
    """The ``conflictmodel ...`` command lines of a page's shell blocks, with their line.

    Only blocks made entirely of such commands count: ``pip install`` or ``git clone`` blocks
    set up a machine and are not run.
    """
    out: list[tuple[int, list[str]]] = []
    for block in extract_blocks(path):
        if block.lang not in _SHELLS or block.skipped:
            continue
        lines = [
            (block.line + i, line.strip())
            for i, line in enumerate(block.code.splitlines())
            if line.strip() and not line.strip().startswith("#")
        ]
        if lines and all(line.startswith("conflictmodel ") for _, line in lines):
            out.extend((n, shlex.split(line)) for n, line in lines)
    return out


CLI_PAGES = [page for page in PAGES if cli_commands(page)]


@pytest.mark.parametrize("page", CLI_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_doc_shell_commands_run(page: Path, tmp_path: Path) -> None:
    # A scratch directory with the demo corpus, so a command that writes (ingest --db) does not
    # touch the checkout; the commands of one page run in order and share it.
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    for line, argv in cli_commands(page):
        proc = subprocess.run(
            [sys.executable, "-c", _CLI, *argv[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=600,
        )
        where = f"{page.relative_to(ROOT)}:{line}: {shlex.join(argv)}"
        assert proc.returncode == 0, f"{where} exited {proc.returncode}:\n{proc.stderr}"
        assert proc.stdout.strip(), f"{where} printed nothing"


def test_shell_commands_of_the_guides_are_collected() -> None:
    pages = {p.relative_to(DOCS).as_posix() for p in CLI_PAGES}
    assert {"getting-started.md", "howto/corpus.md"} <= pages


def _conventions() -> Any:
    spec = importlib.util.spec_from_file_location(
        "docs_griffe_conventions", DOCS / "_griffe" / "conventions.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_griffe_extension_reads_the_project_conventions() -> None:
    split = _conventions().split_shared_parameters
    doc = textwrap.dedent(
        """\
        Parse it.

        Args:
            text: the text.
            title, outlet, url: metadata,
                stored on the Article.

        Returns:
            a, b: not parameters, left alone.
        """
    )
    assert split(doc) == textwrap.dedent(
        """\
        Parse it.

        Args:
            text: the text.
            title: metadata,
                stored on the Article.
            outlet: metadata,
                stored on the Article.
            url: metadata,
                stored on the Article.

        Returns:
            a, b: not parameters, left alone."""
    )


def _public_modules() -> list[str]:
    names = ["conflictmodel"]
    for info in pkgutil.walk_packages(conflictmodel.__path__, "conflictmodel."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    return names


def test_every_public_module_is_in_the_reference() -> None:
    documented = set()
    for page in (DOCS / "reference").glob("*.md"):
        documented |= set(
            re.findall(r"^:::\s+(\S+)", page.read_text(encoding="utf-8"), re.MULTILINE)
        )
    missing = [m for m in _public_modules() if m not in documented]
    assert not missing, f"add reference pages for: {missing}"


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    # mkdocstrings really rendered the API: an anchor for a documented function exists.
    pipeline_page = (tmp_path / "reference" / "pipeline" / "index.html").read_text("utf-8")
    assert 'id="conflictmodel.pipeline.register_parser"' in pipeline_page


def test_output_blocks_pair_with_the_block_before_them(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text(
        "```python\nprint('a')\n```\n\n<!-- output -->\n```text\na\n```\n\n"
        "```python\nx = 1\n```\n\n```text\nnot an output block\n```\n",
        encoding="utf-8",
    )
    [session] = sessions_of(page)
    assert session.expected == ("a\n", None)
    stdout = "--- p.md:2 t=1.0\na  \n\n--- p.md:10 t=1.5\n"
    assert printed_by_block(stdout) == {2: "a  \n\n", 10: ""}
    assert normalise_output("\na  \n\n") == "a"


HOWTOS = sorted((DOCS / "howto").glob("*.md"))


@pytest.mark.parametrize("page", HOWTOS, ids=lambda p: p.name)
def test_every_howto_shows_what_its_code_prints(page: Path) -> None:
    # A reader following a how-to compares what they see with the page: every block that
    # prints is followed by an output block (checked against a real run above).
    missing = [
        f"{page.name}:{block.line}"
        for session in sessions_of(page)
        for block, want in zip(session.blocks, session.expected, strict=True)
        if want is None and re.search(r"\bprint\(", block.code)
    ]
    assert not missing, f"blocks that print but show no <!-- output --> block: {missing}"
