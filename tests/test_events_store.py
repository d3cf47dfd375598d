"""Events in the SQLite store (schema v3) and on the command line (`query events`)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from cattrs.preconf.json import make_converter as json_converter

from conflictmodel import Article, from_json, parse_article, to_json
from conflictmodel.cli import main
from conflictmodel.errors import InputError
from conflictmodel.store import Store

ARTICLES = {
    "caucasus.txt": (
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met in "
        "Abu Dhabi on 10 July 2025.\n\n"
        "Azerbaijani artillery shelled Armenian positions near Jermuk on 12 July 2025, killing "
        "two soldiers."
    ),
    "congo.txt": (
        "Congo and Rwanda signed a peace agreement in Washington on 27 June 2025, brokered by "
        "Qatar.\n\nM23 rebels attacked Uvira on 2 August 2025, killing at least 12 civilians."
    ),
    "sudan.txt": "The RSF shelled El Fasher on 5 May 2025. Sudan's army will hold talks in Jeddah.",
}


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "cm.sqlite"
    with Store(path) as store:
        for name, text in ARTICLES.items():
            store.add(parse_article(text), source=name)
    return path


def test_events_table_rows_match_the_articles(store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        n = sum(len(a.events) for _, _, a in store.articles())
        rows = store.execute('SELECT article, idx, text, start, "end" FROM events')
        assert len(rows) == n
        assert n >= 5
        for key, idx, text, start, end in rows:
            ev = store.get_article(key).events[idx]
            assert (ev.span.start, ev.span.end) == (start, end)
            assert store.get_article(key).text[start:end] == text


def test_store_events_filters(store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        assaults = store.events(type="assault")
        assert assaults
        assert all(r.event.type.value == "assault" for r in assaults)
        dates = [r.event.date.value for r in assaults if r.event.date and r.event.date.value]
        assert dates == sorted(dates)
        met = store.events(type="consult", actor="Aliyev")
        assert [r.source for r in met] == ["caucasus.txt"]
        assert met[0].event.place is not None
        assert met[0].event.place.name == "Abu Dhabi"
        assert store.events(type="consult", actor="Aliyev", since="2025-08-01") == ()
        july = store.events(since="2025-07-01", until="2025-07-31")
        assert {r.source for r in july} == {"caucasus.txt"}
        assert all(r.event.mediator.name == "Qatar" for r in store.events(actor="Qatar")
                   if r.event.mediator)  # fmt: skip
        assert store.events(actor="Qatar")
        assert {r.source for r in store.events(place="Washington")} == {"congo.txt"}
        killed = [
            r.event.killed.count
            for r in store.events(type="assault")
            if r.event.killed and r.event.killed.count is not None
        ]
        assert sorted(killed) == [2, 12]
        with pytest.raises(InputError):
            store.events(type="dance")
        with pytest.raises(InputError):
            store.events(since="last week")


def test_migration_fills_events_from_the_stored_json(store_path: Path) -> None:
    """A v2 store (no events tables) is migrated to v3 and its events tables filled."""
    with Store(store_path, readonly=True) as store:
        before = store.execute("SELECT article, idx, type, place_name, killed FROM events")
        parties = store.execute("SELECT * FROM event_parties ORDER BY 1, 2, 3, 4")
    conn = sqlite3.connect(store_path)
    conn.executescript(
        "DROP TABLE events; DROP TABLE event_parties;"
        "UPDATE meta SET value = '2' WHERE key = 'schema_version'; PRAGMA user_version = 2;"
    )
    # A v2 store was written by a release whose Article JSON embedded every reference in full
    # (format 1, no "format" key): give the rows that shape, as such a release wrote them.
    old_shape = json_converter()
    with conn:
        for key, text in conn.execute("SELECT key, json FROM articles").fetchall():
            embedded = old_shape.unstructure(from_json(text, Article))
            conn.execute("UPDATE articles SET json = ? WHERE key = ?", (json.dumps(embedded), key))
    conn.close()
    with Store(store_path) as store:
        assert store.schema_version == 3
        after = store.execute("SELECT article, idx, type, place_name, killed FROM events")
        assert sorted(after) == sorted(before)
        assert store.execute("SELECT * FROM event_parties ORDER BY 1, 2, 3, 4") == parties


def test_deleting_an_article_deletes_its_events(store_path: Path) -> None:
    with Store(store_path) as store:
        key = next(k for k, s, _ in store.articles() if s == "sudan.txt")
        store.delete(key)
        assert store.execute("SELECT COUNT(*) FROM events WHERE article = ?", (key,)) == [(0,)]
        assert store.execute("SELECT COUNT(*) FROM event_parties WHERE article = ?", (key,)) == [
            (0,)
        ]


def test_cli_query_events(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["query", "events", "--type", "consult", "--actor", "Aliyev", "--db",
                 str(store_path)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("1 event\n")
    assert "Abu Dhabi" in out
    assert "caucasus.txt" in out
    code = main(["query", "--db", str(store_path), "--format", "json", "events", "--type",
                 "assault"])  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data
    assert {d["event"]["type"] for d in data} == {"assault"}
    assert all(set(d) == {"article", "source", "event"} for d in data)
    code = main(["query", "events", "--since", "someday", "--db", str(store_path)])
    assert code == 2
    assert "ISO date" in capsys.readouterr().err


def test_events_survive_the_json_round_trip() -> None:
    art = parse_article(ARTICLES["congo.txt"])
    data = json.loads(to_json(art))
    assert [e["type"] for e in data["events"]] == [e.type.value for e in art.events]
