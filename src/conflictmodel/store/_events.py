"""The ``events`` and ``event_parties`` tables: writing an article's events, the v3 migration
that adds them (filled from the stored JSON), and the ``Store.events`` query."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Literal

import attrs

from conflictmodel.errors import InputError
from conflictmodel.model.article import Article
from conflictmodel.model.events import Event, EventType
from conflictmodel.store._connect import guard
from conflictmodel.store._read import article as read_article

__all__ = ["MIGRATION_V3", "StoredEvent", "query_events", "write_events"]

# docs/store.md documents these columns: keep them in step.
MIGRATION_V3 = """
CREATE TABLE events (
    article       TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    id            TEXT NOT NULL,
    type          TEXT NOT NULL,
    mode          TEXT,
    status        TEXT NOT NULL,
    trigger       TEXT,
    text          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    place_id      TEXT,
    place_name    TEXT,
    place_country TEXT,
    date          TEXT,
    date_text     TEXT,
    killed        INTEGER,
    killed_text   TEXT,
    wounded       INTEGER,
    wounded_text  TEXT,
    proposal_id   TEXT,
    PRIMARY KEY (article, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);
CREATE TABLE event_parties (
    article   TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    event_idx INTEGER NOT NULL,
    role      TEXT NOT NULL,
    actor_id  TEXT NOT NULL,
    name      TEXT NOT NULL
);
CREATE INDEX event_parties_actor ON event_parties(actor_id);
CREATE INDEX event_parties_event ON event_parties(article, event_idx);
INSERT INTO events
    SELECT a.key, CAST(e.key AS INTEGER),
        json_extract(e.value, '$.id'), json_extract(e.value, '$.type'),
        json_extract(e.value, '$.mode'), json_extract(e.value, '$.status'),
        json_extract(e.value, '$.trigger'),
        substr(json_extract(a.json, '$.text'), json_extract(e.value, '$.span.start') + 1,
               json_extract(e.value, '$.span.end') - json_extract(e.value, '$.span.start')),
        json_extract(e.value, '$.span.start'), json_extract(e.value, '$.span.end'),
        json_extract(e.value, '$.place.id'), json_extract(e.value, '$.place.name'),
        CASE WHEN coalesce(json_extract(e.value, '$.place.code'),
                           json_extract(e.value, '$.place.parent')) IS NULL THEN NULL
             ELSE substr(coalesce(json_extract(e.value, '$.place.code'),
                                  json_extract(e.value, '$.place.parent')) || '-', 1,
                         instr(coalesce(json_extract(e.value, '$.place.code'),
                                        json_extract(e.value, '$.place.parent')) || '-', '-') - 1)
        END,
        json_extract(e.value, '$.date.value'), json_extract(e.value, '$.date.text'),
        json_extract(e.value, '$.killed.count'), json_extract(e.value, '$.killed.text'),
        json_extract(e.value, '$.wounded.count'), json_extract(e.value, '$.wounded.text'),
        json_extract(e.value, '$.proposal_id')
    FROM articles a, json_each(a.json, '$.events') e
    WHERE json_valid(a.json) AND json_type(a.json, '$.events') = 'array';
INSERT INTO event_parties
    SELECT a.key, CAST(e.key AS INTEGER), 'actor', json_extract(p.value, '$.id'),
        json_extract(p.value, '$.name')
    FROM articles a, json_each(a.json, '$.events') e, json_each(e.value, '$.actors') p
    WHERE json_valid(a.json) AND json_type(a.json, '$.events') = 'array';
INSERT INTO event_parties
    SELECT a.key, CAST(e.key AS INTEGER), 'target', json_extract(p.value, '$.id'),
        json_extract(p.value, '$.name')
    FROM articles a, json_each(a.json, '$.events') e, json_each(e.value, '$.targets') p
    WHERE json_valid(a.json) AND json_type(a.json, '$.events') = 'array';
INSERT INTO event_parties
    SELECT a.key, CAST(e.key AS INTEGER), 'mediator', json_extract(e.value, '$.mediator.id'),
        json_extract(e.value, '$.mediator.name')
    FROM articles a, json_each(a.json, '$.events') e
    WHERE json_valid(a.json) AND json_type(a.json, '$.events') = 'array'
        AND json_type(e.value, '$.mediator') = 'object'
"""


def write_events(conn: sqlite3.Connection, key: str, article: Article) -> None:
    """The rows of ``article``'s events."""
    for i, ev in enumerate(article.events):
        place = ev.place
        conn.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                i,
                ev.id,
                ev.type.value,
                ev.mode,
                ev.status.value,
                ev.trigger,
                ev.span.of(article.text),
                ev.span.start,
                ev.span.end,
                place.id if place else None,
                place.name if place else None,
                place.country if place else None,
                ev.date.value.isoformat() if ev.date and ev.date.value else None,
                ev.date.text if ev.date else None,
                ev.killed.count if ev.killed else None,
                ev.killed.text if ev.killed else None,
                ev.wounded.count if ev.wounded else None,
                ev.wounded.text if ev.wounded else None,
                ev.proposal_id,
            ),
        )
        parties = [("actor", a) for a in ev.actors] + [("target", a) for a in ev.targets]
        if ev.mediator is not None:
            parties.append(("mediator", ev.mediator))
        conn.executemany(
            "INSERT INTO event_parties VALUES (?, ?, ?, ?, ?)",
            [(key, i, role, a.id, a.name) for role, a in parties],
        )


@attrs.frozen(kw_only=True)
class StoredEvent:
    """An event found in a store, with the article it comes from.

    Attributes:
        article: the article's key.
        source: where the article came from (a file name), if recorded.
        event: the [`Event`][conflictmodel.Event] as parsed.
        date: its effective date: the event's own resolved date, else its article's
            publication date (``dated_by`` says which), else None.

    Example:
        >>> import tempfile, pathlib
        >>> from conflictmodel import parse_article
        >>> from conflictmodel.store import Store
        >>> with Store(pathlib.Path(tempfile.mkdtemp()) / "s.sqlite") as store:
        ...     _ = store.add(parse_article("Houthi drones struck Marib."), source="y.txt")
        ...     found = store.events(type="assault")
        >>> [(r.source, r.event.mode) for r in found]
        [('y.txt', 'drone')]
    """

    article: str
    source: str | None
    event: Event
    date: dt.date | None = None
    """The event's own resolved date, else its article's publication date, else None."""
    dated_by: Literal["text", "published"] | None = None


def _date_arg(name: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise InputError(f"{name} must be an ISO date (YYYY-MM-DD), got {value!r}") from None
    raise InputError(f"{name} must be a date or an ISO date str, got {type(value).__name__}")


def _type_arg(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, EventType):
        return value.value
    if isinstance(value, str):
        try:
            return EventType(value.lower()).value
        except ValueError:
            known = ", ".join(t.value for t in EventType)
            raise InputError(f"unknown event type {value!r}; PLOVER's types: {known}") from None
    raise InputError(f"type must be an EventType or a str, got {type(value).__name__}")


def _str_arg(name: str, value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"{name} must be a str, got {type(value).__name__}")


def query_events(
    conn: sqlite3.Connection,
    path: Path,
    *,
    type: object = None,
    actor: object = None,
    since: object = None,
    until: object = None,
    place: object = None,
) -> tuple[StoredEvent, ...]:
    """The stored events that match every filter given, in date order (undated last)."""
    etype = _type_arg(type)
    who = _str_arg("actor", actor)
    where = _str_arg("place", place)
    lo, hi = _date_arg("since", since), _date_arg("until", until)
    # An event without a date of its own takes its article's publication date (as statements
    # do); one with neither matches no time range.
    sql = [
        "SELECT e.article, e.idx, a.source, coalesce(e.date, a.published), e.date IS NOT NULL "
        "FROM events e JOIN articles a ON a.key = e.article"
    ]
    cond: list[str] = []
    params: list[object] = []
    if etype is not None:
        cond.append("e.type = ?")
        params.append(etype)
    if who is not None:
        cond.append(
            "EXISTS (SELECT 1 FROM event_parties p WHERE p.article = e.article "
            "AND p.event_idx = e.idx AND (p.actor_id = ? OR p.name = ? COLLATE NOCASE "
            "OR p.name LIKE '% ' || ? "
            "OR EXISTS (SELECT 1 FROM actors x, json_each(x.aliases) al WHERE "
            "x.article = p.article AND x.id = p.actor_id AND al.value = ? COLLATE NOCASE)))"
        )
        params.extend([who, who, who.replace("%", "").replace("_", ""), who])
    if where is not None:
        cond.append("(e.place_id = ? OR e.place_name = ? COLLATE NOCASE OR e.place_country = ?)")
        params.extend([where, where, where.upper()])
    if lo is not None:
        cond.append("coalesce(e.date, a.published) >= ?")
        params.append(lo)
    if hi is not None:
        cond.append("coalesce(e.date, a.published) <= ?")
        params.append(hi)
    if cond:
        sql.append("WHERE " + " AND ".join(cond))
    sql.append(
        "ORDER BY coalesce(e.date, a.published) IS NULL, coalesce(e.date, a.published), "
        "a.seq, e.start, e.idx"
    )
    with guard(path, "read"):
        rows = conn.execute(" ".join(sql), params).fetchall()
    cache: dict[str, Article] = {}
    out: list[StoredEvent] = []
    for key, idx, source, day, own in rows:
        art = cache.get(key)
        if art is None:
            art = cache[key] = read_article(conn, path, key)
        if 0 <= idx < len(art.events):
            date = _stored_date(day)
            by: Literal["text", "published"] | None = None
            if date is not None:
                by = "text" if own else "published"
            out.append(
                StoredEvent(
                    article=key, source=source, event=art.events[idx], date=date, dated_by=by
                )
            )
    return tuple(out)


def _stored_date(value: object) -> dt.date | None:
    """An ISO date column; anything else (a damaged row) reads as undated."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
