"""Writing: an article's row in ``articles`` and its rows in the query tables."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from typing import Any

import attrs

from conflictmodel.errors import InputError
from conflictmodel.model.article import Article
from conflictmodel.serialization import to_dict
from conflictmodel.store._events import write_events


@attrs.frozen(kw_only=True)
class IngestReport:
    """What an [`ingest`][conflictmodel.store.Store.ingest] did.

    Attributes:
        added: keys of the articles written.
        skipped: keys of articles that were already in the store (and were left as they were).

    Example:
        >>> IngestReport(added=("ab",), skipped=()).total
        1
    """

    added: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """How many articles were seen."""
        return len(self.added) + len(self.skipped)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: str | None) -> str | None:
    # Lone surrogates (which the parser accepts) cannot be stored as SQLite text; the JSON
    # column keeps them escaped, the query tables get U+FFFD.
    if value is None:
        return None
    return _SURROGATE.sub("\ufffd", value)


def _dumps(data: Any) -> str:
    try:
        text = json.dumps(data, ensure_ascii=False)
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True)
    return text


def _json_text(article: Article) -> str:
    return _dumps(to_dict(article))


def _extras_text(article: Article) -> str:
    # Article.extras arrives with this round's model; older models have none.
    extras = getattr(article, "extras", None)
    return _dumps(to_dict(extras)) if extras else "{}"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _json_list(items: Iterable[str]) -> str:
    return json.dumps([_clean(i) for i in items], ensure_ascii=False)


def coerce_item(item: object) -> tuple[str | None, Article]:
    """An ingested item as a ``(source, Article)`` pair, or InputError."""
    if isinstance(item, Article):
        return None, item
    if (
        isinstance(item, tuple)
        and len(item) == 2
        and (item[0] is None or isinstance(item[0], str))
        and isinstance(item[1], Article)
    ):
        return item[0], item[1]
    raise InputError(f"expected an Article or a (source, Article) pair, got {type(item).__name__}")


def write_article(
    conn: sqlite3.Connection, key: str, source: str | None, article: Article, seq: int | None
) -> None:
    """The article's row in ``articles`` (at the end of the ingest order unless ``seq``)."""
    if seq is None:
        seq = conn.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM articles").fetchone()[0]
    conn.execute(
        "INSERT INTO articles"
        " (key, seq, source, title, outlet, url, published, length, json, extras)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            key,
            seq,
            _clean(source),
            _clean(article.title),
            _clean(article.outlet),
            _clean(article.url),
            _iso(article.published),
            len(article.text),
            _json_text(article),
            _extras_text(article),
        ),
    )


def write_rows(conn: sqlite3.Connection, key: str, article: Article) -> None:
    """The article's rows in the query tables, table by table."""
    _write_actors(conn, key, article)
    _write_territories(conn, key, article)
    _write_statements(conn, key, article)
    _write_proposals(conn, key, article)
    _write_positions(conn, key, article)
    _write_claims(conn, key, article)
    write_events(conn, key, article)


def _write_actors(conn: sqlite3.Connection, key: str, article: Article) -> None:
    text = article.text
    for i, a in enumerate(article.actors):
        first = a.span
        conn.execute(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                i,
                _clean(a.id),
                _clean(a.name),
                a.kind.value,
                _clean(a.title),
                a.country,
                int(a.anonymous),
                _json_list(a.aliases),
                len(a.mentions),
                first.start if first else None,
                first.end if first else None,
            ),
        )
        conn.executemany(
            "INSERT INTO actor_mentions VALUES (?, ?, ?, ?, ?, ?)",
            [(key, i, _clean(a.id), m.start, m.end, _clean(m.of(text))) for m in a.mentions],
        )


def _write_territories(conn: sqlite3.Connection, key: str, article: Article) -> None:
    for i, t in enumerate(article.territories):
        first = t.span
        conn.execute(
            "INSERT INTO territories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                i,
                _clean(t.id),
                _clean(t.name),
                t.code,
                t.kind.value,
                _clean(t.parent),
                _json_list(t.aliases),
                len(t.mentions),
                first.start if first else None,
                first.end if first else None,
            ),
        )


def _write_statements(conn: sqlite3.Connection, key: str, article: Article) -> None:
    for i, s in enumerate(article.statements):
        conn.execute(
            "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                i,
                _clean(s.id),
                s.kind.value,
                _clean(s.content),
                s.span.start,
                s.span.end,
                _clean(s.speaker.id) if s.speaker else None,
                _clean(s.speaker.name) if s.speaker else None,
                _clean(s.cue),
                _clean(s.via.id) if s.via else None,
                _iso(s.date.value) if s.date else None,
                _clean(s.date.text) if s.date else None,
            ),
        )


def _write_proposals(conn: sqlite3.Connection, key: str, article: Article) -> None:
    for i, p in enumerate(article.proposals):
        conn.execute(
            "INSERT INTO proposals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                i,
                _clean(p.id),
                _clean(p.trigger),
                p.status.value,
                _clean(p.proposer.id) if p.proposer else None,
                _clean(p.text),
                p.span.start,
                p.span.end,
                _clean(p.venue),
                _iso(p.date.value) if p.date else None,
                _clean(p.date.text) if p.date else None,
            ),
        )
        for j, v in enumerate(p.provisions):
            conn.execute(
                "INSERT INTO provisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    i,
                    j,
                    v.kind.value,
                    _clean(v.label),
                    _clean(v.text),
                    v.span.start,
                    v.span.end,
                    v.duration_days,
                    _clean(v.recognized_as),
                    _json_list(t.id for t in v.territories),
                ),
            )


def _write_positions(conn: sqlite3.Connection, key: str, article: Article) -> None:
    for i, pos in enumerate(article.positions):
        conn.execute(
            "INSERT INTO positions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                i,
                _clean(pos.actor.id),
                pos.stance.value,
                _clean(pos.proposal_id),
                pos.provision.value if pos.provision else None,
                _clean(pos.territory.id) if pos.territory else None,
                _clean(pos.cue),
                _clean(pos.text),
                pos.span.start,
                pos.span.end,
                _clean(pos.statement.id) if pos.statement else None,
                _iso(pos.date.value) if pos.date else None,
                _clean(pos.date.text) if pos.date else None,
            ),
        )


def _write_claims(conn: sqlite3.Connection, key: str, article: Article) -> None:
    for i, c in enumerate(article.claims):
        conn.execute(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                i,
                _clean(c.claimant.id),
                _clean(c.territory.id),
                c.kind.value,
                _clean(c.text),
                c.span.start,
                c.span.end,
                _iso(c.since.value) if c.since else None,
                _clean(c.recognized_as),
            ),
        )
