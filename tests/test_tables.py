"""conflictmodel.tables: tidy rows, data frames, Arrow and Parquet (issue 15, item 4)."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings

import conflictmodel
from conflictmodel import Actor, Article, Event, Place, Span, Statement
from conflictmodel.corpus import Corpus
from conflictmodel.errors import InputError
from conflictmodel.strategies import articles
from conflictmodel.tables import (
    TABLES,
    columns,
    read_parquet,
    records,
    to_arrow,
    to_pandas,
    write_parquet,
)

GOMA = (
    "GOMA, Congo — M23 fighters shelled the outskirts of Goma on Tuesday, killing at least 12 "
    'people. "We will not withdraw," said Corneille Nangaa, the rebel alliance leader. '
    "Kinshasa said the attack broke the truce agreed in Luanda."
)
SHUSHA = (
    "Azerbaijani President Ilham Aliyev said on Monday that the peace treaty with Armenia "
    "was ready to sign. Armenian Prime Minister Nikol Pashinyan called it a historic chance."
)


@pytest.fixture(scope="module")
def parsed() -> dict[str, Article]:
    return {
        "goma": conflictmodel.parse_article(GOMA, published=dt.date(2025, 1, 28)),
        "shusha": conflictmodel.parse_article(SHUSHA, published=dt.date(2025, 3, 14)),
    }


def test_every_table_has_the_columns_it_declares(parsed: dict[str, Article]) -> None:
    for table in TABLES:
        rows = records(parsed, table)
        assert all(tuple(row) == columns(table) for row in rows), table
        assert columns(table)[0] == "article"


def test_one_row_per_object_keyed_by_article(parsed: dict[str, Article]) -> None:
    rows = records(parsed, "statements")
    expected = [(key, s.id) for key, art in parsed.items() for s in art.statements]
    assert [(r["article"], r["id"]) for r in rows] == expected
    arts = records(parsed, "articles")
    assert [(r["article"], r["statements_count"]) for r in arts] == [
        (key, len(art.statements)) for key, art in parsed.items()
    ]


def test_evidence_is_the_text_at_the_span(parsed: dict[str, Article]) -> None:
    for table in ("statements", "proposals", "positions", "claims", "events", "provisions"):
        for row in records(parsed, table):
            text = parsed[row["article"]].text
            assert row["evidence"] == text[row["span_start"] : row["span_end"]]


def test_references_become_ids_and_names() -> None:
    text = '"No retreat," said Nangaa in Goma.'
    nangaa = Actor(
        id="person:corneille-nangaa",
        name="Corneille Nangaa",
        kind="person",
        mentions=[Span(start=19, end=25)],
    )
    stmt = Statement(
        id="stmt:1-12",
        content="No retreat,",
        kind="direct",
        span=Span(start=1, end=12),
        speaker=nangaa,
        cue="said",
        cue_span=Span(start=14, end=18),
    )
    goma = Place(
        id="city:goma",
        name="Goma",
        kind="city",
        parent="CD-NK",
        role="venue",
        mentions=[Span(start=29, end=33)],
    )
    event = Event(
        id="event:0-34", type="consult", span=Span(start=0, end=34), actors=[nangaa], place=goma
    )
    art = Article(text=text, actors=[nangaa], statements=[stmt], places=[goma], events=[event])
    (srow,) = records([art], "statements")
    assert (srow["speaker_id"], srow["speaker_name"]) == (nangaa.id, nangaa.name)
    assert (srow["cue_span_start"], srow["cue_span_end"]) == (14, 18)
    assert srow["via_id"] is None
    (erow,) = records([art], "events")
    assert erow["actors_ids"] == [nangaa.id]
    assert (erow["place_id"], erow["place_name"], erow["type"]) == ("city:goma", "Goma", "consult")
    (prow,) = records([art], "places")
    assert (prow["parent"], prow["role"], prow["mentions_count"]) == ("CD-NK", "venue", 1)
    assert (prow["first_mention_start"], prow["first_mention_end"]) == (29, 33)


def test_provisions_point_at_their_proposal() -> None:
    text = "Qatar proposed a ceasefire of 60 days and the release of hostages."
    art = conflictmodel.parse_article(text)
    props = records([art], "proposals")
    provs = records([art], "provisions")
    assert provs, "the parser should find the provisions of this plain proposal"
    assert {r["proposal_id"] for r in provs} <= {r["id"] for r in props}
    assert props[0]["provisions_count"] == len(provs)


@settings(max_examples=30)
@given(articles())
def test_any_article_flattens_with_stable_columns(article: Article) -> None:
    for table in TABLES:
        for row in records({"a": article}, table):
            assert tuple(row) == columns(table)


def test_sources_corpus_pairs_and_plain_articles(parsed: dict[str, Article]) -> None:
    corpus = Corpus.from_articles(list(parsed.values()))
    by_corpus = records(corpus, "articles")
    assert [r["article"] for r in by_corpus] == list(corpus.keys())
    by_pairs = records(list(parsed.items()), "actors")
    assert by_pairs == records(parsed, "actors")
    plain = records(list(parsed.values()), "articles")
    assert [r["article"] for r in plain] == ["0", "1"]
    assert records(parsed["goma"], "articles")[0]["characters"] == len(GOMA)


def test_bad_input_is_a_typed_error(parsed: dict[str, Article]) -> None:
    with pytest.raises(InputError, match="no table 'speeches'"):
        records(parsed, "speeches")
    with pytest.raises(InputError, match="item 1"):
        records([parsed["goma"], "not an article"], "actors")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected an Article"):
        records(42, "actors")  # type: ignore[arg-type]


def test_pandas_frames_have_every_table_even_when_empty(parsed: dict[str, Article]) -> None:
    frames = to_pandas(parsed)
    assert list(frames) == list(TABLES)
    for name, frame in frames.items():
        assert tuple(frame.columns) == columns(name)
    empty = to_pandas([Article(text="")])
    assert len(empty["statements"]) == 0
    assert tuple(empty["statements"].columns) == columns("statements")


def test_arrow_and_parquet_round_trip(parsed: dict[str, Article], tmp_path: Path) -> None:
    arrow = to_arrow(parsed, ["statements", "events"])
    assert arrow["statements"].num_rows == sum(len(a.statements) for a in parsed.values())
    paths = write_parquet(parsed, tmp_path / "out")
    assert sorted(paths) == sorted(TABLES)
    back = read_parquet(tmp_path / "out")
    frames = to_pandas(parsed)
    for name in TABLES:
        assert len(back[name]) == len(frames[name]), name
        assert list(back[name].columns) == list(frames[name].columns)
    pd.testing.assert_series_equal(
        back["statements"]["evidence"], frames["statements"]["evidence"], check_dtype=False
    )


def test_parquet_errors_are_typed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a directory"):
        read_parquet(tmp_path / "missing")
    (tmp_path / "statements.parquet").write_text("not parquet", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable Parquet file"):
        read_parquet(tmp_path, ["statements"])
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="cannot write Parquet"):
        write_parquet([Article(text="")], blocker / "sub")


def test_without_the_extra_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_import = importlib.import_module

    def no_pandas(name: str, *args: Any) -> Any:
        if name.split(".")[0] in ("pandas", "pyarrow"):
            raise ImportError(name)
        return real_import(name, *args)

    monkeypatch.setattr(importlib, "import_module", no_pandas)
    with pytest.raises(InputError, match=r"conflictmodel\[frames\]"):
        to_pandas([Article(text="")])
    # records needs nothing beyond the core
    assert records([Article(text="")], "articles")[0]["characters"] == 0
