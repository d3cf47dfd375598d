"""Only documented errors, on any input: the public functions of the store, serialization and
the command line are fed arbitrary Python values (hypothesis), and every subcommand of the
command line is run on bad input (one line on stderr, non-zero exit, never a traceback)."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictmodel import Actor, Article, Proposal, Span, Territory
from conflictmodel.cli import main
from conflictmodel.errors import InputError, SerializationError, StoreError
from conflictmodel.serialization import from_dict, from_json, to_dict, to_json
from conflictmodel.store import _SCHEMA_V1, Store
from test_reliability_store import make_old_store
from test_store import rich_article

# ------------------------------------------------------------------------------- values

_ODD = [object(), Path("x.sqlite"), b"\x00\xff", bytearray(b"ab"), 10**30, -(2**63) - 1,
        float("nan"), float("inf"), 1e308, "\ud800", "\x00", "", " ", "../..", range(3),
        {1, 2}, frozenset(), Span(start=0, end=1), Article(text="x"), ValueError("x"), type,
        len, print, Ellipsis, NotImplemented, 3j, Exception]  # fmt: skip

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.binary(max_size=20)
    | st.sampled_from(_ODD)
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)

MODEL_TYPES = [Article, Span, Actor, Territory, Proposal]


def only(allowed: tuple[type[BaseException], ...], call: Callable[[], object]) -> None:
    with contextlib.suppress(*allowed):
        call()


# ------------------------------------------------------------------------------- serialization


@settings(max_examples=150)
@given(value=values, cls=st.sampled_from(MODEL_TYPES))
def test_serialization_raises_only_serialization_errors(value: Any, cls: type[Any]) -> None:
    only((SerializationError,), lambda: from_dict(value, cls))
    only((SerializationError,), lambda: from_json(value, cls))
    only((SerializationError,), lambda: to_json(value))
    with contextlib.suppress(SerializationError):
        only((SerializationError,), lambda: from_json(to_json(value), cls))
    try:
        text = json.dumps(value)
    except (TypeError, ValueError, RecursionError):
        return
    only((SerializationError,), lambda: from_json(text, cls))
    only((SerializationError,), lambda: from_json(text.encode("utf-8"), cls))


def test_from_json_of_a_5000_digit_integer() -> None:
    with pytest.raises(SerializationError, match="4300"):
        from_json('{"start": ' + "7" * 5000 + ', "end": 1}', Span)
    with pytest.raises(SerializationError):
        to_json(to_dict({"n": 10**5000}))


# ------------------------------------------------------------------------------- store


@contextlib.contextmanager
def _store() -> Iterator[tuple[Path, Store]]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "cm.sqlite")
        try:
            store.add(rich_article(0), source="0.txt")
            yield Path(tmp), store
        finally:
            store.close()


STORE_ERRORS = (InputError, StoreError)


@settings(max_examples=60)
@given(value=values, text=st.text(max_size=40))
def test_the_store_raises_only_documented_errors(value: Any, text: str) -> None:
    with _store() as (tmp, store):
        safe = text.replace("/", "_").replace("\\", "_").lstrip(".") or "x"
        for path in (value, tmp / safe):
            if isinstance(path, str | bytes | Path) and path is value:
                continue  # a path from the strategy could name any file on the machine
            with contextlib.suppress(*STORE_ERRORS):
                Store(path).close()
            with contextlib.suppress(*STORE_ERRORS):
                Store(path, readonly=True).close()
        art = rich_article(1)
        calls: list[Callable[[], object]] = [
            lambda: store.add(value),
            lambda: store.add(art, source=value),
            lambda: store.ingest(value),
            lambda: store.ingest([value]),
            lambda: store.ingest([art], batch_size=value),
            lambda: store.get_article(value),
            lambda: store.source(value),
            lambda: store.delete(value) if not isinstance(value, str) else None,
            lambda: store.execute(value),
            lambda: store.execute(text),
            lambda: store.execute("SELECT ?", value),
            lambda: store.execute("SELECT ?", [value]),
            lambda: value in store,
            lambda: store.statements_by(value),
            lambda: store.timeline(territory=value),
            lambda: store.timeline(provision=value),
            lambda: store.proposals(territory=value),
            lambda: store.proposals(kind=value),
        ]
        for call in calls:
            only(STORE_ERRORS, call)
        # Whatever was tried, the store still holds its articles, readable.
        assert store.get_article(store.keys()[0]) == rich_article(0)


# ------------------------------------------------------------------------------- command line


def _run(argv: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def bad_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("bad")
    _make_bad(d)
    return d


@pytest.fixture
def bad(bad_template: Path, tmp_path: Path) -> dict[str, str]:
    """Bad inputs, a fresh copy for each test (ingest may create or migrate a store)."""
    shutil.copytree(bad_template, tmp_path / "bad")
    return _make_bad(tmp_path / "bad", build=False)


@pytest.fixture(scope="module")
def bad_copy(bad_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One copy for the hypothesis test, whose commands may create or migrate stores."""
    d = tmp_path_factory.mktemp("bad-copy") / "bad"
    shutil.copytree(bad_template, d)
    return _make_bad(d, build=False)


def _make_bad(d: Path, *, build: bool = True) -> dict[str, str]:
    files = {
        "missing": d / "missing.txt",
        "empty": d / "empty.txt",
        "binary": d / "binary.txt",
        "latin1": d / "latin1.txt",
        "nofolder": d / "no-txt",
        "garbage_db": d / "garbage.sqlite",
        "empty_db": d / "empty.sqlite",
        "other_db": d / "other.sqlite",
        "damaged_db": d / "damaged.sqlite",
        "old_db": d / "old.sqlite",
        "newer_db": d / "newer.sqlite",
        "folder_db": d,
    }
    if not build:
        return {k: str(v) for k, v in files.items()}
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(b"\x00\x01\x02binary")
    files["latin1"].write_bytes("Bogotá said no.".encode("latin-1"))
    files["nofolder"].mkdir()
    files["garbage_db"].write_bytes(b"not sqlite at all " * 100)
    files["empty_db"].write_bytes(b"")
    conn = sqlite3.connect(files["other_db"])
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with Store(files["damaged_db"]) as store:
        store.add(rich_article(0))
    conn = sqlite3.connect(files["damaged_db"])
    conn.execute("UPDATE articles SET json = CAST(x'7bff' AS TEXT)")
    conn.commit()
    conn.close()
    make_old_store(files["old_db"], _SCHEMA_V1, 1, [rich_article(0)])
    with Store(files["newer_db"]):
        pass
    conn = sqlite3.connect(files["newer_db"])
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return {k: str(v) for k, v in files.items()}


_FILES = ["missing", "empty", "binary", "latin1", "nofolder"]
_DBS = ["garbage_db", "empty_db", "other_db", "damaged_db", "old_db", "newer_db", "folder_db"]
_QUESTIONS = [
    ["statements", "--actor", "Burhan"],
    ["timeline", "--territory", "Darfur"],
    ["proposals"],
    ["actors"],
    ["candidates"],
]


def _cases() -> list[tuple[str, list[str]]]:
    cases: list[tuple[str, list[str]]] = []
    for f in _FILES:
        cases.append((f"parse {f}", ["parse", "{" + f + "}"]))
        cases.append((f"parse --format json {f}", ["parse", "{" + f + "}", "--format", "json"]))
        cases.append((f"ingest {f}", ["ingest", "{" + f + "}", "--db", "{fresh}"]))
    for db in _DBS:
        cases.append((f"ingest --db {db}", ["ingest", "{latin1}", "--db", "{" + db + "}"]))
        cases.append((f"migrate --db {db}", ["migrate", "--db", "{" + db + "}"]))
        for q in _QUESTIONS:
            cases.append((f"query {q[0]} --db {db}", ["query", "--db", "{" + db + "}", *q]))
    cases.append(("query --db missing", ["query", "--db", "{missing}", "actors"]))
    cases.append(("migrate --db missing", ["migrate", "--db", "{missing}"]))
    return cases


@pytest.mark.parametrize(("name", "template"), _cases(), ids=[c[0] for c in _cases()])
def test_every_subcommand_on_bad_input_prints_one_line(
    name: str, template: list[str], bad: dict[str, str], tmp_path: Path
) -> None:
    names = {**bad, "fresh": str(tmp_path / "fresh.sqlite")}
    argv = [a.format(**names) for a in template]
    before = {
        k: Path(v).read_bytes() for k, v in bad.items() if k.endswith("_db") and k != "folder_db"
    }
    code, _, err = _run(argv)
    if name in ("migrate --db old_db", "migrate --db damaged_db"):
        assert code == 0, err  # a damaged row is not the schema: migrate has nothing to do
        return
    assert code == 1, (argv, err)
    assert err.count("\n") == 1, err
    assert err.startswith("conflictmodel: error: "), err
    assert "Traceback" not in err
    if argv[0] == "query":
        after = {k: Path(v).read_bytes() for k, v in bad.items() if k in before}
        assert after == before, "a query changed a file"


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "/dev/zero"],
        ["parse", "-"],
        ["query", "--db", "/dev/null", "actors"],
        ["ingest", "/dev/zero", "--db", "{tmp}/cm.sqlite"],
    ],
)
def test_bad_input_as_a_real_process_prints_one_line(argv: list[str], tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    argv = [a.format(tmp=tmp_path) for a in argv]
    proc = subprocess.run(
        [sys.executable, "-m", "conflictmodel", *argv],
        stdin=open("/dev/zero", "rb"),  # noqa: SIM115 - closed with the process
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert "larger than" in proc.stderr or "not a conflictmodel store" in proc.stderr


_WORDS = ["parse", "ingest", "query", "migrate", "statements", "timeline", "proposals",
          "actors", "candidates", "--db", "--format", "json", "jsonl", "table", "--actor",
          "--territory", "--provision", "--kind", "ceasefire", "--published", "2025-13-40",
          "--jobs", "-1", "--replace", "-", "--version", "{missing}", "{binary}", "{garbage_db}",
          "{damaged_db}", "{old_db}", "{empty_db}", "{nofolder}"]  # fmt: skip


@settings(max_examples=40)
@given(words=st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=7))
def test_any_command_line_is_an_exit_status_never_a_traceback(
    words: list[str], bad_copy: dict[str, str]
) -> None:
    argv = [w.format(**bad_copy) if w.startswith("{") and w.endswith("}") else w for w in words]
    if "-" in argv:
        return  # stdin is pytest's
    code, _, err = _run(argv)
    assert code in (0, 1, 2), (argv, err)
    assert "Traceback" not in err
    if code:
        assert err.strip(), "a failure says why"
