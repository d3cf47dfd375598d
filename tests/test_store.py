"""The SQLite store: schema and versioning, idempotent and transactional ingest, round trips."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import conflictmodel
from conflictmodel import (
    Actor,
    Article,
    Condition,
    Position,
    Proposal,
    Provision,
    Role,
    Span,
    Statement,
    TerritorialClaim,
    Territory,
    TextDate,
)
from conflictmodel.corpus import Corpus, article_key
from conflictmodel.errors import InputError, StoreError
from conflictmodel.store import SCHEMA_VERSION, Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# ------------------------------------------------------------------------------- articles


def _at(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle))


def rich_article(n: int = 0) -> Article:
    """An article that uses every part of the model (Armenia-Azerbaijan talks)."""
    text = (
        f"[{n}] «We will not cede Syunik,» Armenian Prime Minister Nikol Pashinyan said on "
        "Monday. Azerbaijan proposed a peace treaty that includes opening the Zangezur "
        "corridor if Armenia amends its constitution. Armenia rejected the treaty. "
        "Azerbaijan has controlled Nagorno-Karabakh since 2023, a diplomat said."
    )
    am = Actor(id="state:AM", name="Armenia", kind="state", country="AM",
               mentions=[_at(text, "Armenia rejected")])  # fmt: skip
    az = Actor(id="state:AZ", name="Azerbaijan", kind="state", country="AZ", aliases=["Baku"],
               wikidata="Q227", mentions=[_at(text, "Azerbaijan")])  # fmt: skip
    pashinyan = Actor(
        id="person:nikol-pashinyan",
        name="Nikol Pashinyan",
        kind="person",
        country="AM",
        roles=[Role(title="Prime Minister", affiliation="Armenia", country="AM",
                    start=dt.date(2018, 5, 8))],
        mentions=[_at(text, "Nikol Pashinyan")],
    )  # fmt: skip
    diplomat = Actor(id="anon:diplomat", name="a diplomat", kind="person", anonymous=True,
                     description="a diplomat", mentions=[_at(text, "a diplomat")])  # fmt: skip
    syunik = Territory(id="AM-SU", name="Syunik", code="AM-SU", kind="region", parent="AM",
                       aliases=["Syunik Province"], mentions=[_at(text, "Syunik")])  # fmt: skip
    nk = Territory(id="area:nagorno-karabakh", name="Nagorno-Karabakh", kind="disputed_area",
                   mentions=[_at(text, "Nagorno-Karabakh")])  # fmt: skip
    monday = TextDate(text="on Monday", span=_at(text, "on Monday"), value=dt.date(2025, 3, 10),
                      precision="day", relative=True, anchor=dt.date(2025, 3, 12))  # fmt: skip
    quote = Statement(id="stmt:q", content="We will not cede Syunik,", kind="direct",
                      span=_at(text, "We will not cede Syunik,"), speaker=pashinyan,
                      speaker_span=_at(text, "Nikol Pashinyan"), cue="said",
                      cue_span=_at(text, "said"), date=monday)  # fmt: skip
    reported = Statement(id="stmt:r", content="Azerbaijan has controlled Nagorno-Karabakh since 2023",
                         kind="reported", span=_at(text, "Azerbaijan has controlled Nagorno-Karabakh since 2023"),
                         speaker=diplomat, cue="said")  # fmt: skip
    sentence = _at(
        text,
        "Azerbaijan proposed a peace treaty that includes opening the Zangezur corridor if Armenia amends its constitution.",
    )
    treaty = Proposal(id="prop:1", trigger="proposed", text=sentence.of(text), span=sentence,
                      proposer=az, recipients=[am], status="proposed", venue="Washington",
                      provisions=[Provision(kind="other", label="transit_corridor",
                                            text="opening the Zangezur corridor",
                                            span=_at(text, "opening the Zangezur corridor"),
                                            territories=[syunik], parties=[am])],
                      conditions=[Condition(text="if Armenia amends its constitution",
                                            span=_at(text, "if Armenia amends its constitution"))],
                      date=monday)  # fmt: skip
    rejection = Position(actor=am, stance="opposes", proposal_id="prop:1",
                         text="Armenia rejected the treaty", span=_at(text, "Armenia rejected the treaty"),
                         cue="rejected", territory=syunik, statement=quote)  # fmt: skip
    claim = TerritorialClaim(claimant=az, territory=nk, kind="controls",
                             text="Azerbaijan has controlled Nagorno-Karabakh since 2023",
                             span=_at(text, "Azerbaijan has controlled Nagorno-Karabakh since 2023"),
                             since=TextDate(text="since 2023", value=dt.date(2023, 1, 1), precision="year"))  # fmt: skip
    return Article(
        text=text,
        title=f"Armenia rejects treaty {n}",
        outlet="Caucasus Monitor",
        published=dt.date(2025, 3, 12),
        url=f"https://example.org/{n}",
        actors=[am, az, pashinyan, diplomat],
        territories=[syunik, nk],
        statements=[quote, reported],
        proposals=[treaty],
        positions=[rejection],
        claims=[claim],
        dates=[monday],
        furniture=[Span(start=0, end=3)],
    )


def dump(path: Path) -> list[str]:
    """Every row of every table, as SQL text, in a stable order."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


TABLES = ("articles", "actors", "actor_mentions", "territories", "statements", "proposals",
          "provisions", "positions", "claims", "events", "event_parties")  # fmt: skip


def counts(path: Path, key: str) -> dict[str, int]:
    out = {}
    for table in TABLES:
        column = "key" if table == "articles" else "article"
        out[table] = rows(path, f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", key)[0][0]
    return out  # type: ignore[return-value]


# ------------------------------------------------------------------------------- schema


def test_new_store_has_versioned_schema(tmp_path: Path) -> None:
    path = tmp_path / "cm.sqlite"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 3
        meta = store.meta()
    assert meta["application"] == "conflictmodel"
    assert meta["schema_version"] == "3"
    assert "migrated_by" not in meta, "a new store is created, not migrated"
    assert rows(path, "PRAGMA user_version") == [(3,)]
    names = {r[0] for r in rows(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == {"meta", *TABLES}
    assert [p.name for p in tmp_path.iterdir()] == ["cm.sqlite"], "one file"


def test_store_documented_tables_match_schema(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "store.md").read_text("utf-8")
    path = tmp_path / "cm.sqlite"
    Store(path).close()
    for table in ("meta", *TABLES):
        assert f"### `{table}`" in doc, f"docs/store.md does not document table {table}"
        for _, column, *_ in rows(path, f"PRAGMA table_info({table})"):
            assert f"| `{column}` |" in doc, f"docs/store.md: {table}.{column} undocumented"


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cm.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this library"):
        Store(path)


def test_meta_and_user_version_must_agree(tmp_path: Path) -> None:
    path = tmp_path / "cm.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="altered"):
        Store(path)


def test_other_files_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(StoreError, match="not a conflictmodel store"):
        Store(other)
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a conflictmodel store"):
        Store(garbage)
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path)
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


# ------------------------------------------------------------------------------- round trips


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    art = rich_article()
    with Store(tmp_path / "cm.sqlite") as store:
        key = store.add(art, source="am-1.txt")
        assert key == article_key(art.text)
    with Store(tmp_path / "cm.sqlite", create=False) as store:
        back = store.get_article(key)
        assert back == art
        assert store.source(key) == "am-1.txt"
        assert [(k, s, a) for k, s, a in store.articles()] == [(key, "am-1.txt", art)]
        assert key in store
        assert store.keys() == (key,)


def test_round_trip_with_lone_surrogates(tmp_path: Path) -> None:
    text = "Goma \ud83d fell to M23."
    m23 = Actor(id="group:m23", name="M23 \udc00", kind="group", mentions=[Span(start=13, end=16)])
    art = Article(text=text, actors=[m23])
    with Store(tmp_path / "cm.sqlite") as store:
        key = store.add(art)
        assert store.get_article(key) == art
        assert store.execute("SELECT name FROM actors") == [("M23 \ufffd",)]


def test_unknown_key_is_a_store_error(tmp_path: Path) -> None:
    with Store(tmp_path / "cm.sqlite") as store:
        with pytest.raises(StoreError, match="no article"):
            store.get_article("0" * 64)
        with pytest.raises(StoreError, match="no article"):
            store.source("0" * 64)


def test_normalised_tables_hold_the_article(tmp_path: Path) -> None:
    art = rich_article()
    path = tmp_path / "cm.sqlite"
    with Store(path) as store:
        key = store.add(art, source="am.txt")
    assert counts(path, key) == {
        "articles": 1,
        "actors": 4,
        "actor_mentions": 4,
        "territories": 2,
        "statements": 2,
        "proposals": 1,
        "provisions": 1,
        "positions": 1,
        "claims": 1,
        "events": 0,
        "event_parties": 0,
    }
    [(content, start, end, speaker, date)] = rows(
        path,
        'SELECT content, start, "end", speaker_id, date FROM statements WHERE kind = ?',
        "direct",
    )
    assert isinstance(start, int)
    assert isinstance(end, int)
    assert art.text[start:end] == content
    assert (speaker, date) == ("person:nikol-pashinyan", "2025-03-10")
    assert rows(path, "SELECT kind, label, territories FROM provisions") == [
        ("other", "transit_corridor", '["AM-SU"]')
    ]
    assert rows(path, "SELECT actor_id, stance, proposal_id, territory_id FROM positions") == [
        ("state:AM", "opposes", "prop:1", "AM-SU")
    ]
    assert rows(path, "SELECT claimant_id, territory_id, kind, since FROM claims") == [
        ("state:AZ", "area:nagorno-karabakh", "controls", "2023-01-01")
    ]
    assert rows(path, "SELECT surface FROM actor_mentions WHERE actor_id = 'state:AZ'") == [
        ("Azerbaijan",)
    ]
    assert rows(path, "SELECT source, published, outlet FROM articles") == [
        ("am.txt", "2025-03-12", "Caucasus Monitor")
    ]


# ------------------------------------------------------------------------------- idempotence


def test_ingesting_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cm.sqlite"
    arts = [rich_article(i) for i in range(3)]
    with Store(path) as store:
        first = store.ingest([(f"{i}.txt", a) for i, a in enumerate(arts)])
    before = dump(path)
    with Store(path) as store:
        second = store.ingest([(f"other-{i}.txt", a) for i, a in enumerate(arts)], batch_size=2)
        assert len(store) == 3
    assert len(first.added) == 3
    assert second.added == ()
    assert second.skipped == first.added
    assert dump(path) == before


def test_same_article_twice_in_one_batch_is_stored_once(tmp_path: Path) -> None:
    art = rich_article()
    with Store(tmp_path / "cm.sqlite") as store:
        report = store.ingest([art, art, ("x", art)], batch_size=3)
        assert (len(report.added), len(report.skipped), len(store)) == (1, 2, 1)


def test_replace_rewrites_rows_and_keeps_the_order(tmp_path: Path) -> None:
    path = tmp_path / "cm.sqlite"
    a0, a1 = rich_article(0), rich_article(1)
    with Store(path) as store:
        store.ingest([a0, a1])
        reparsed = Article(text=a0.text, title="re-parsed")
        store.add(reparsed, source="again.txt", replace=True)
        assert store.get_article(article_key(a0.text)) == reparsed
        assert store.keys() == (article_key(a0.text), article_key(a1.text))
    assert counts(path, article_key(a0.text))["actors"] == 0
    assert counts(path, article_key(a1.text))["actors"] == 4


def test_delete_removes_every_row(tmp_path: Path) -> None:
    path = tmp_path / "cm.sqlite"
    art = rich_article()
    with Store(path) as store:
        key = store.add(art)
        assert store.delete(key) is True
        assert store.delete(key) is False
        assert len(store) == 0
    assert set(counts(path, key).values()) == {0}


def test_seeds_ingested_twice_give_identical_tables(tmp_path: Path) -> None:
    path = tmp_path / "seeds.sqlite"
    parsed = [
        (p.name, conflictmodel.parse_article(p.read_text(encoding="utf-8")))
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    with Store(path) as store:
        assert len(store.ingest(parsed).added) == 4
    before = dump(path)
    with Store(path) as store:
        assert len(store.ingest(parsed).skipped) == 4
        for name, art in parsed:
            assert store.get_article(article_key(art.text)) == art
            assert store.source(article_key(art.text)) == name
    assert dump(path) == before
    assert len([line for line in before if line.startswith('INSERT INTO "articles"')]) == 4


# ------------------------------------------------------------------------------- transactions


def test_a_failure_mid_batch_keeps_what_was_committed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cm.sqlite"
    arts = [rich_article(i) for i in range(5)]
    real = Store._write_rows
    calls = {"n": 0}

    def flaky(self: Store, key: str, article: Article) -> None:
        calls["n"] += 1
        real(self, key, article)  # the rows are written, then the failure strikes
        if calls["n"] == 3:
            raise OSError("disk full")

    monkeypatch.setattr(Store, "_write_rows", flaky)
    with Store(path) as store, pytest.raises(OSError, match="disk full"):
        store.ingest(arts, batch_size=2)
    monkeypatch.undo()
    # Batch 1 (articles 0, 1) committed; batch 2 (2, 3) rolled back as a whole.
    with Store(path) as store:
        assert store.keys() == (article_key(arts[0].text), article_key(arts[1].text))
        assert [store.get_article(k) for k in store.keys()] == arts[:2]  # noqa: SIM118
    for art in arts[2:]:
        assert set(counts(path, article_key(art.text)).values()) == {0}
    with Store(path) as store:
        report = store.ingest(arts)
        assert (len(report.added), len(report.skipped)) == (3, 2)


def test_an_iterable_that_raises_keeps_what_was_committed(tmp_path: Path) -> None:
    def articles() -> object:
        for i in range(4):
            if i == 2:
                raise RuntimeError("the parser died")
            yield rich_article(i)

    with Store(tmp_path / "cm.sqlite") as store:
        with pytest.raises(RuntimeError, match="parser died"):
            store.ingest(articles())  # type: ignore[arg-type]
        assert len(store) == 2


def test_bad_items_are_typed_errors(tmp_path: Path) -> None:
    with Store(tmp_path / "cm.sqlite") as store:
        with pytest.raises(InputError, match="Article"):
            store.ingest([rich_article(0), "not an article"])  # type: ignore[list-item]
        assert len(store) == 1
        with pytest.raises(InputError, match="batch_size"):
            store.ingest([], batch_size=0)


_CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from test_store import rich_article
    from conflictmodel.store import Store

    committed = {committed}

    class SlowStore(Store):
        def _write_rows(self, key, article):
            super()._write_rows(key, article)
            if len(self) == committed + 1:  # the next article is half-way in its transaction
                print("inside", flush=True)
                time.sleep(120)

    with SlowStore({path!r}) as store:
        for i in range({total}):
            store.add(rich_article(i), source=f"{{i}}.txt")
            print("committed", i + 1, flush=True)
    """
)


def test_killing_an_ingest_half_way_keeps_committed_articles_intact(tmp_path: Path) -> None:
    path = tmp_path / "cm.sqlite"
    committed, total = 3, 6
    script = _CHILD.format(
        tests=str(Path(__file__).resolve().parent), committed=committed, total=total, path=str(path)
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    lines = []
    deadline = time.monotonic() + 120
    try:
        for line in child.stdout:
            lines.append(line.strip())
            if line.strip() == "inside" or time.monotonic() > deadline:
                break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert lines == [f"committed {i}" for i in range(1, committed + 1)] + ["inside"], (
        lines,
        child.stderr.read() if child.stderr else "",
    )
    assert child.returncode == -signal.SIGKILL

    expected = [rich_article(i) for i in range(total)]
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    with Store(path) as store:
        assert store.keys() == tuple(article_key(a.text) for a in expected[:committed])
        for art in expected[:committed]:
            assert store.get_article(article_key(art.text)) == art
    for art in expected[:committed]:
        assert counts(path, article_key(art.text))["statements"] == 2
    # The article that was being written when the process died left no trace.
    assert set(counts(path, article_key(expected[committed].text)).values()) == {0}
    # And the store carries on.
    with Store(path) as store:
        report = store.ingest(expected)
        assert (len(report.added), len(report.skipped)) == (total - committed, committed)


def test_execute_is_read_only(tmp_path: Path) -> None:
    with Store(tmp_path / "cm.sqlite") as store:
        store.add(rich_article())
        assert store.execute("SELECT COUNT(*) FROM statements WHERE kind = ?", ["direct"]) == [(1,)]
        with pytest.raises(StoreError, match="query failed"):
            store.execute("DELETE FROM articles")
        with pytest.raises(StoreError, match="query failed"):
            store.execute("SELEKT nonsense")
        assert len(store) == 1
        store.add(rich_article(1))  # writing through the API still works afterwards
        assert len(store) == 2


# ------------------------------------------------------------------------------- queries


def test_store_queries_mirror_the_corpus(tmp_path: Path) -> None:
    arts = [rich_article(i) for i in range(3)]
    corpus = Corpus.from_articles([(f"{i}.txt", a) for i, a in enumerate(arts)])
    with Store(tmp_path / "cm.sqlite") as store:
        store.ingest([(f"{i}.txt", a) for i, a in enumerate(arts)])
        from_store = store.corpus()
        assert from_store.keys() == corpus.keys()
        assert [from_store.source(e.key) for e in from_store] == ["0.txt", "1.txt", "2.txt"]
        assert store.actors() == corpus.actors
        assert store.territories() == corpus.territories
        assert store.candidates() == corpus.candidates
        assert store.statements_by("Pashinyan") == corpus.statements_by("Pashinyan")
        assert len(store.statements_by("Pashinyan")) == 3
        assert store.timeline(territory="AM-SU") == corpus.timeline(territory="AM-SU")
        assert store.timeline(provision="other") == corpus.timeline(provision="other")
        assert store.proposals(territory="Syunik") == corpus.proposals(territory="Syunik")
        [first, *_] = store.proposals()
        assert store.responses_to(first) == corpus.responses_to(first)
        assert len(store.responses_to(first)) == 1
        # The cached corpus follows the store.
        store.add(Article(text="A fourth article about Syunik."))
        assert len(store.corpus()) == 4
