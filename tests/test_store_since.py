"""``since`` / ``until`` on ``statements_by`` (corpus and store): a statement's own date,
else its article's publication date; a statement with neither is left out of time ranges."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conflictmodel import Actor, Article, Span, Statement, TextDate
from conflictmodel.corpus import Corpus
from conflictmodel.errors import InputError
from conflictmodel.store import Store


def _said(text: str, name: str, published: dt.date | None, own: dt.date | None) -> Article:
    """``text`` starts with ``name``; what follows ``said`` is the statement."""
    speaker = Actor(
        id="person:" + name.lower().replace(" ", "-"),
        name=name,
        kind="person",
        mentions=[Span(start=0, end=len(name))],
    )
    start = text.index(" said ") + 6
    date = None
    if own is not None:
        at = text.index(" on ")
        date = TextDate(
            text=text[at + 4 : start - 6], value=own, span=Span(start=at + 4, end=start - 6)
        )
    stmt = Statement(
        id=f"stmt:{start}-{len(text)}",
        content=text[start:],
        kind="reported",
        span=Span(start=start, end=len(text)),
        speaker=speaker,
        date=date,
    )
    return Article(text=text, actors=[speaker], statements=[stmt], published=published)


ARTICLES = [
    # own date in the text (earlier than publication)
    _said(
        "Abiy Ahmed on 2 March said Tigray must disarm.",
        "Abiy Ahmed",
        dt.date(2025, 3, 5),
        dt.date(2025, 3, 2),
    ),
    # the publication date only
    _said(
        "Abiy Ahmed said talks with the TPLF would resume.",
        "Abiy Ahmed",
        dt.date(2025, 4, 10),
        None,
    ),
    # no date at all
    _said("Abiy Ahmed said Eritrea wanted war.", "Abiy Ahmed", None, None),
    _said(
        "Min Aung Hlaing said the junta would hold elections.",
        "Min Aung Hlaing",
        dt.date(2025, 3, 20),
        None,
    ),
]


def _contents(records: tuple[object, ...]) -> list[str]:
    return [r.statement.content for r in records]  # type: ignore[attr-defined]


def test_corpus_statements_by_time_range() -> None:
    corpus = Corpus(ARTICLES)
    assert len(corpus.statements_by("Abiy Ahmed")) == 3
    assert _contents(
        corpus.statements_by("Abiy Ahmed", since="2025-03-01", until="2025-03-31")
    ) == ["Tigray must disarm."]
    # Published 5 March, but its own date (2 March) counts.
    assert corpus.statements_by("Abiy", since=dt.date(2025, 3, 3), until="2025-03-31") == ()
    assert _contents(corpus.statements_by("Abiy", since="2025-04-01")) == [
        "talks with the TPLF would resume."
    ]
    # The undated statement is in no range, however wide.
    assert "Eritrea wanted war." not in _contents(
        corpus.statements_by("Abiy", since="1900-01-01", until="2100-01-01")
    )
    assert _contents(corpus.statements_by("Min Aung Hlaing", until="2025-03-20")) == [
        "the junta would hold elections."
    ]


def test_store_statements_by_time_range(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.ingest(ARTICLES)
        everything = store.statements_by("Abiy Ahmed")
        ranged = store.statements_by("Abiy Ahmed", since="2025-01-01", until="2025-12-31")
        assert len(everything) == 3
        assert [r.date for r in ranged] == [dt.date(2025, 3, 2), dt.date(2025, 4, 10)]
        assert [r.dated_by for r in ranged] == ["text", "published"]
        with pytest.raises(InputError, match="until must be an ISO date"):
            store.statements_by("Abiy Ahmed", until="10/04/2025")
        with pytest.raises(InputError, match="since must be"):
            store.statements_by("Abiy Ahmed", since=20250410)  # type: ignore[arg-type]


def test_store_events_take_the_publication_date(tmp_path: Path) -> None:
    from conflictmodel import Event

    def talks(text: str, published: dt.date | None) -> Article:
        return Article(
            text=text,
            events=[Event(id="event:0-5", type="consult", span=Span(start=0, end=len(text)))],
            published=published,
        )

    with Store(tmp_path / "e.sqlite") as store:
        store.ingest(
            [
                ("yemen.txt", talks("Talks in Muscat resumed.", dt.date(2025, 2, 14))),
                ("undated.txt", talks("Talks in Riyadh resumed.", None)),
            ]
        )
        everything = store.events(type="consult")
        assert [(r.source, r.date, r.dated_by) for r in everything] == [
            ("yemen.txt", dt.date(2025, 2, 14), "published"),
            ("undated.txt", None, None),
        ]
        assert [r.source for r in store.events(since="2025-02-01", until="2025-02-28")] == [
            "yemen.txt"
        ]
        assert store.events(until="2025-02-13") == ()
        corpus_side = store.corpus().events(since="2025-02-01", until="2025-02-28")
        assert [store.source(r.article) for r in corpus_side] == ["yemen.txt"]
