"""parse_many: order, every kind of input, per-item failures, worker deaths, streaming."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictmodel import Article, from_dict, parse_article
from conflictmodel.batch import BatchResult, Document, parse_many
from conflictmodel.context import ParseContext
from conflictmodel.errors import ConflictModelError, InputError, ParseError, UnknownParserError
from conflictmodel.pipeline import default_pipeline

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = [
    "KHARTOUM, June 2 (Reuters) - Sudan's army chief Abdel Fattah al-Burhan said on Monday that "
    "the army would not sign a truce while the Rapid Support Forces held El Fasher.",
    "«Nous ne céderons pas», a déclaré le président. Armenian Prime Minister Nikol Pashinyan "
    "said on Friday: «We are ready to sign the peace treaty with Azerbaijan.»",
    '"The ceasefire along the Line of Control is holding," an Indian army spokesman told '
    "reporters in Srinagar. Pakistan's foreign ministry called the claims „baseless“.",
    "Qatar and Egypt proposed a six-week ceasefire in Gaza, the release of hostages and the "
    "exchange of prisoners. Hamas said it would accept only if Israel withdrew from Rafah.",
    "GOMA - M23 rebels backed by Rwanda seized the airport, a UN official said. ‘We are "
    "deeply alarmed,’ she added. Congo's President Felix Tshisekedi vowed to retake the city.",
    "Houthi negotiator Mohammed Abdulsalam told Al Jazeera the group would release all "
    "detained UN staff once Saudi Arabia lifted the blockade of Hodeidah.",
]


class ExplodeOn:
    """A stage that fails on articles containing a marker (module level, so it pickles)."""

    name = "explode"

    def __call__(self, ctx: ParseContext) -> None:
        if "EXPLODE" in ctx.text:
            raise ValueError("boom on purpose")


class DieOn:
    """A stage that kills its worker process on articles containing a marker."""

    name = "die"

    def __call__(self, ctx: ParseContext) -> None:
        if "KILLWORKER" in ctx.text:
            os._exit(3)


def _same(a: Article | None, b: Article) -> bool:
    return a == b


def test_results_are_in_input_order_and_equal_to_parse_article() -> None:
    items = ARTICLES * 3
    results = list(parse_many(items, processes=2, chunksize=1, window=2, published="2025-03-07"))
    assert [r.index for r in results] == list(range(len(items)))
    assert [r.source for r in results] == [f"<item {i}>" for i in range(len(items))]
    for r, text in zip(results, items, strict=True):
        assert r.ok, r.error
        assert _same(r.article, parse_article(text, published="2025-03-07"))


def test_in_process_and_pool_give_the_same_results() -> None:
    one = list(parse_many(ARTICLES, processes=1))
    two = list(parse_many(ARTICLES, processes=2, chunksize=2))
    zero = list(parse_many(ARTICLES, processes=0))
    assert one == two == zero
    assert len(one) == len(ARTICLES)


def test_every_kind_of_input(tmp_path: Path) -> None:
    f = tmp_path / "yemen.txt"
    f.write_text(ARTICLES[5], encoding="utf-8")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + ARTICLES[0].encode("utf-8"))
    items: list[object] = [
        ARTICLES[0],
        f,
        ("caucasus-1", ARTICLES[1]),
        Document(source="kashmir-1", text=ARTICLES[2], published="2025-05-10", outlet="Dawn"),
        {"source": "gaza-1", "text": ARTICLES[3], "published": "2024-11-02", "title": "Truce"},
        {"url": "https://example.org/goma", "text": ARTICLES[4], "extra": 1},
        ARTICLES[5].encode("utf-8"),
        bom,
    ]
    results = list(parse_many(items, processes=2, chunksize=3))
    assert [r.source for r in results] == [
        "<item 0>",
        str(f),
        "caucasus-1",
        "kashmir-1",
        "gaza-1",
        "https://example.org/goma",
        "<item 6>",
        str(bom),
    ]
    assert all(r.ok for r in results), [str(r.error) for r in results]
    arts = [r.unwrap() for r in results]
    assert arts[1].text == ARTICLES[5]
    assert arts[3].published == dt.date(2025, 5, 10)
    assert arts[3].outlet == "Dawn"
    assert arts[4].published == dt.date(2024, 11, 2)
    assert arts[4].title == "Truce"
    assert arts[6].text == ARTICLES[5]
    assert arts[7].text == ARTICLES[0]  # the byte-order mark is not text


def test_batch_published_is_the_default_and_items_override_it() -> None:
    items = [ARTICLES[0], {"text": ARTICLES[1], "published": dt.date(2024, 1, 5)}]
    a, b = parse_many(items, processes=1, published=dt.datetime(2025, 2, 3, 10, 0))
    assert a.unwrap().published == dt.date(2025, 2, 3)
    assert b.unwrap().published == dt.date(2024, 1, 5)


def test_bad_files_become_error_results_and_the_rest_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLES[0], encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Déclaration à Genève".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\t ")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "missing.txt"
    items = [good, latin, empty, binary, missing, tmp_path, good]
    results = list(parse_many(items, processes=2, chunksize=1))
    assert [r.ok for r in results] == [True, False, False, False, False, False, True]
    expected = ["", "not utf-8 text", "empty file", "NUL bytes", "no such file", "is a directory"]
    for r, path, words in zip(results[1:6], items[1:6], expected[1:], strict=True):
        assert isinstance(r.error, InputError)
        assert r.article is None
        assert r.source == str(path)
        assert str(r.error).startswith(str(path)), r.error
        assert words in str(r.error), r.error
    with pytest.raises(InputError, match="empty file"):
        results[2].unwrap()


def test_encoding_argument_decodes_files_and_bytes(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Déclaration du ministre à Genève.".encode("latin-1"))
    utf16 = "Ethiopia and Tigray signed a truce.".encode("utf-16")
    a, b = parse_many([latin, utf16], processes=1, encoding="latin-1")
    assert a.unwrap().text == "Déclaration du ministre à Genève."
    assert isinstance(b.error, InputError)  # UTF-16 is not latin-1 text: NUL bytes
    [c] = parse_many([utf16], processes=1, encoding="utf-16")
    assert c.unwrap().text == "Ethiopia and Tigray signed a truce."


def test_mistyped_items_are_error_results() -> None:
    items: list[object] = [
        42,
        None,
        ("src", None),
        {"source": "no-text"},
        {"text": "Kyiv said no.", "published": "not a date"},
        {"text": "Kyiv said no.", "title": 7},
        ARTICLES[0],
    ]
    results = list(parse_many(items, processes=2, chunksize=2))
    assert [r.ok for r in results] == [False] * 6 + [True]
    assert all(isinstance(r.error, InputError) for r in results[:6])
    assert "got int" in str(results[0].error)
    assert "got NoneType" in str(results[1].error)
    assert str(results[2].error) == "src: text must be str, got NoneType"
    assert "no 'text' key" in str(results[3].error)
    assert "not an ISO 8601 date" in str(results[4].error)
    assert "title must be str" in str(results[5].error)


def test_a_failing_stage_is_reported_with_its_stage_and_source() -> None:
    pipeline = default_pipeline().with_parser(ExplodeOn())
    items = [ARTICLES[0], ("bad-1", "EXPLODE " + ARTICLES[1]), ARTICLES[2]]
    results = list(parse_many(items, processes=2, chunksize=1, pipeline=pipeline))
    assert [r.ok for r in results] == [True, False, True]
    err = results[1].error
    assert isinstance(err, ParseError)
    assert err.stage == "explode"
    assert err.source == "bad-1"
    assert "boom on purpose" in str(err)


def test_a_dying_worker_fails_only_its_item() -> None:
    pipeline = default_pipeline().with_parser(DieOn())
    items = [*ARTICLES[:3], ("killer", "KILLWORKER"), *ARTICLES[3:]]
    results = list(parse_many(items, processes=2, chunksize=2, window=2, pipeline=pipeline))
    assert [r.index for r in results] == list(range(len(items)))
    assert [r.ok for r in results] == [True, True, True, False, True, True, True]
    assert results[3].source == "killer"
    assert isinstance(results[3].error, ParseError)
    assert "worker process died" in str(results[3].error)
    assert results[4].unwrap() == parse_article(ARTICLES[3])


def test_pipeline_given_as_stage_names_is_built_in_each_worker() -> None:
    results = list(parse_many(ARTICLES[:2], processes=2, pipeline=["text", "dates"]))
    assert all(r.ok for r in results)
    assert all(r.unwrap().statements == () for r in results)
    with pytest.raises(UnknownParserError):
        parse_many(ARTICLES, pipeline=["text", "no-such-stage"])


def test_unpicklable_pipeline_with_spawn_is_a_clear_error() -> None:
    import multiprocessing

    class Local:  # defined in a function: cannot be pickled for a spawned worker
        name = "local"

        def __call__(self, ctx: ParseContext) -> None:
            return None

    pipeline = default_pipeline().with_parser(Local())
    ctx = multiprocessing.get_context("spawn")
    with pytest.raises(ConflictModelError, match="picklable"):
        list(parse_many(ARTICLES[:2], processes=2, pipeline=pipeline, mp_context=ctx))
    # In this process nothing needs pickling.
    assert all(r.ok for r in parse_many(ARTICLES[:2], processes=1, pipeline=pipeline))


def test_inputs_are_consumed_lazily_with_a_bounded_window() -> None:
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield ARTICLES[i % len(ARTICLES)]

    results = parse_many(endless(), processes=2, chunksize=3, window=2)
    first = list(itertools.islice(results, 5))
    assert [r.index for r in first] == [0, 1, 2, 3, 4]
    # At most the window (2 chunks of 3) beyond what was consumed has been read.
    assert pulled <= 5 + 2 * 3 + 3
    results.close()  # ends the pool without waiting for the endless rest


def test_in_process_mode_is_lazy_too() -> None:
    seen: list[int] = []

    def gen() -> Iterator[str]:
        for i in range(100):
            seen.append(i)
            yield ARTICLES[i % len(ARTICLES)]

    it = parse_many(gen(), processes=1)
    next(it)
    assert seen == [0]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"processes": -1}, "processes must be >= 0"),
        ({"chunksize": 0}, "chunksize must be >= 1"),
        ({"window": 0}, "window must be >= 1"),
        ({"processes": 1.5}, "processes must be an int"),
        ({"published": "yesterday"}, "not an ISO 8601 date"),
        ({"encoding": "no-such-codec"}, "unknown encoding"),
        ({"pipeline": "text"}, "pipeline must be a Pipeline"),
    ],
)
def test_bad_batch_arguments_raise_at_once(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_many(ARTICLES, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("items", ["a single text", b"bytes", Path("a.txt"), 5])
def test_items_must_be_an_iterable_of_inputs(items: object) -> None:
    with pytest.raises(InputError, match="iterable of inputs"):
        parse_many(items)  # type: ignore[arg-type]


def test_to_dict_records_round_trip_articles() -> None:
    results = list(parse_many([ARTICLES[1], ("x", None)], processes=1))
    record = results[0].to_dict()
    assert record["error"] is None
    assert from_dict(record["article"], Article) == results[0].article
    bad = results[1].to_dict()
    assert bad["article"] is None
    assert bad["error"] == {
        "type": "InputError",
        "message": "x: text must be str, got NoneType",
        "stage": None,
    }


def test_batch_result_is_frozen() -> None:
    r = BatchResult(source="s", article=None, error=InputError("s: bad"))
    with pytest.raises(AttributeError):
        r.source = "t"  # type: ignore[misc]
    assert not r.ok


def test_bench_quick_run_exits_zero(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [
            sys.executable,
            "bench/run.py",
            "--quick",
            "--count",
            "8",
            "--stream",
            "20",
            "--json",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "articles" in proc.stdout
    assert out.read_text(encoding="utf-8").startswith("{")
