"""The normalised Article JSON (issue 15, item 1): every actor, territory and place once,
references as ids, ``"format": 2``, an optional compact form, and today's embedded shape
(format 1) still read.

The compact form is written packed (``"format": 3``, see ``tests/test_serialization.py``);
the tests here of what it leaves out and how it refers look at the compact form of format 2
it packs (``_compact_v2``: what the previous release wrote, and still read)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import attrs
import cattrs
import jsonschema
import pytest
from cattrs.preconf.json import make_converter as plain_json_converter
from hypothesis import given, settings

import conflictmodel
from conflictmodel import (
    Actor,
    Article,
    Position,
    SerializationError,
    Span,
    Statement,
    TextDate,
    from_dict,
    from_json,
    to_dict,
    to_json,
)
from conflictmodel import strategies as cms
from conflictmodel._compact import unpack
from conflictmodel.schema import article_schema, compact_article_schema
from conflictmodel.serialization import ARTICLE_FORMAT, COMPACT_FORMAT, configure_converter
from conflictmodel.store import Store

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

SUDAN = (
    'KHARTOUM — "We will not negotiate while the shelling goes on," army chief Abdel Fattah '
    "al-Burhan said on Monday. The Rapid Support Forces rejected the Jeddah proposal, which "
    "called for a ceasefire in Darfur. Burhan said the army would keep fighting."
)
KASHMIR = (
    "India and Pakistan agreed to a ceasefire along the Line of Control in Kashmir, the Indian "
    'foreign ministry said. "This is a first step," Pakistani Prime Minister Shehbaz Sharif '
    "told reporters in Islamabad."
)


def _embedded(article: Article) -> Any:
    """Today's (format 1) shape: every reference written in full, no ``format`` key.

    A plain cattrs JSON converter writes it: it knows nothing of conflictmodel's hooks.
    """
    return plain_json_converter().unstructure(article)


def _validator(compact: bool = False) -> jsonschema.Draft202012Validator:
    schema = compact_article_schema() if compact else article_schema()
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _compact_v2(article: Article) -> Any:
    """The compact form of format 2 (the previous release's), which format 3 packs."""
    return unpack(to_dict(article, compact=True))


def _full_actor_objects(data: Any) -> int:
    """How many objects in ``data`` look like an Actor written in full."""
    if isinstance(data, dict):
        own = 1 if {"id", "name", "kind", "anonymous", "roles"} <= set(data) else 0
        return own + sum(_full_actor_objects(v) for v in data.values())
    if isinstance(data, list):
        return sum(_full_actor_objects(v) for v in data)
    return 0


@settings(max_examples=60)
@given(cms.articles())
def test_generated_articles_round_trip_in_both_forms(article: Article) -> None:
    for compact in (False, True):
        text = to_json(article, compact=compact)
        back = from_json(text, Article)
        assert back == article
        assert to_json(back, compact=compact) == text
        data = json.loads(text)
        assert data["format"] == (COMPACT_FORMAT if compact else ARTICLE_FORMAT)
        assert not list(_validator(compact).iter_errors(data))
    # The format-2 compact data that format 3 packs reads too, and is valid format 2.
    assert from_dict(_compact_v2(article), Article) == article
    assert not list(_validator().iter_errors(_compact_v2(article)))
    # Today's embedded shape still reads to the same Article.
    assert from_dict(_embedded(article), Article) == article


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_are_normalised_and_round_trip(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    article = conflictmodel.parse_article(text, published="2025-04-19")
    data = to_dict(article)
    # Each actor is written once, in the article's own list; references are its id.
    assert _full_actor_objects(data) == len(article.actors)
    assert _full_actor_objects(_embedded(article)) > len(article.actors)
    speakers = [s["speaker"] for s in data["statements"] if s["speaker"] is not None]
    assert speakers
    assert all(isinstance(s, str) for s in speakers)
    for compact in (False, True):
        serialized = to_json(article, compact=compact)
        assert from_json(serialized, Article) == article
        assert not list(_validator(compact).iter_errors(json.loads(serialized)))
    old = json.dumps(_embedded(article), ensure_ascii=False)
    assert len(to_json(article, compact=True)) < len(to_json(article)) < len(old)
    assert from_json(old, Article) == article


def test_reading_relinks_references_to_the_one_object() -> None:
    article = conflictmodel.parse_article(SUDAN, published="2024-05-06")
    back = from_json(to_json(article), Article)
    by_id = {a.id: a for a in back.actors}
    said = [s for s in back.statements if s.speaker is not None]
    assert said
    assert all(s.speaker is not None and s.speaker is by_id[s.speaker.id] for s in said)
    for position in back.positions:
        assert position.actor is by_id[position.actor.id]
        if position.statement is not None:
            assert any(position.statement is s for s in back.statements)


def _statement(speaker: Actor | None, content: str = "No talks.") -> Statement:
    return Statement(
        id="stmt:0-9", content=content, kind="direct", span=Span(start=0, end=9), speaker=speaker
    )


HOUTHIS = Actor(id="group:houthis", name="Houthis", kind="group")


def test_a_reference_that_differs_from_the_listed_object_is_written_in_full() -> None:
    other = Actor(id="group:houthis", name="Ansar Allah", kind="group")
    article = Article(text="No talks. Sanaa.", actors=[HOUTHIS], statements=[_statement(other)])
    data = to_dict(article)
    assert data["statements"][0]["speaker"]["name"] == "Ansar Allah"
    assert from_dict(data, Article) == article
    compact = _compact_v2(article)
    assert compact["statements"][0]["speaker"] == {"like": 0, "name": "Ansar Allah"}
    assert from_dict(compact, Article) == article
    # Not in the list at all: in full too.
    alone = Article(text="No talks.", statements=[_statement(HOUTHIS)])
    assert to_dict(alone)["statements"][0]["speaker"]["id"] == "group:houthis"
    assert from_json(to_json(alone), Article) == alone


def test_a_shared_id_is_never_written_as_a_reference() -> None:
    twin = Actor(id="group:houthis", name="Ansar Allah", kind="group")
    article = Article(text="No talks.", actors=[HOUTHIS, twin], statements=[_statement(twin)])
    assert isinstance(to_dict(article)["statements"][0]["speaker"], dict)
    assert from_json(to_json(article, compact=True), Article) == article


def test_position_statement_is_an_id_when_the_article_holds_it() -> None:
    said = _statement(HOUTHIS)
    held = Position(
        actor=HOUTHIS, stance="opposes", text="No talks.", span=Span(start=0, end=9),
        statement=said, provision="ceasefire",
    )  # fmt: skip
    article = Article(text="No talks.", actors=[HOUTHIS], statements=[said], positions=[held])
    data = to_dict(article)
    assert data["positions"][0]["statement"] == "stmt:0-9"
    assert data["positions"][0]["actor"] == "group:houthis"
    back = from_dict(data, Article)
    assert back == article
    assert back.positions[0].statement is back.statements[0]
    # Not in the article's statements: written in full (its speaker still by id).
    loose = Article(text="No talks.", actors=[HOUTHIS], positions=[held])
    inline = to_dict(loose)["positions"][0]["statement"]
    assert inline["content"] == "No talks."
    assert inline["speaker"] == "group:houthis"
    assert from_dict(to_dict(loose), Article) == loose


def test_compact_form_leaves_out_defaults_and_evidence_but_keeps_differences() -> None:
    exact = Article(text="No talks.", actors=[HOUTHIS], statements=[_statement(HOUTHIS)])
    data = _compact_v2(exact)
    assert data == {
        "format": ARTICLE_FORMAT,
        "text": "No talks.",
        "actors": [{"id": "group:houthis", "name": "Houthis", "kind": "group"}],
        # The id is the stmt:START-END of its span, the speaker the first of the actors.
        "statements": [{"kind": "direct", "span": [0, 9], "speaker": 0}],
    }
    back = from_dict(data, Article)
    assert back == exact
    assert back.statements[0].speaker is back.actors[0]
    # Content that is not the text at its span is kept.
    edited = Article(text="No talks.", statements=[_statement(None, content="No talks")])
    assert _compact_v2(edited)["statements"][0]["content"] == "No talks"
    assert from_json(to_json(edited, compact=True), Article) == edited
    assert " " not in to_json(Article(text="", actors=[HOUTHIS]), compact=True)


YEMEN = (
    "Houthi leader Abdul-Malik al-Houthi said on Thursday that attacks on ships would go on. "
    "The Saudi-led coalition said talks in Muscat were postponed."
)
HOUTHI = Actor(
    id="person:abdul-malik-al-houthi",
    name="Abdul-Malik al-Houthi",
    kind="person",
    mentions=[Span(start=14, end=35)],
)
COALITION = Actor(
    id="group:saudi-led-coalition", name="Saudi-led coalition", kind="group",
    mentions=[Span(start=92, end=111)],
)  # fmt: skip


def _said(content: str, speaker: Actor, cue: str | None, cue_at: int, **kw: Any) -> Statement:
    start = YEMEN.index(content)
    return Statement(
        id=kw.pop("id", f"stmt:{start}-{start + len(content)}"), content=content,
        kind="reported", span=Span(start=start, end=start + len(content)), speaker=speaker,
        cue=cue, cue_span=Span(start=cue_at, end=cue_at + 4), **kw,
    )  # fmt: skip


ATTACKS = "attacks on ships would go on"
TALKS = "talks in Muscat were postponed"


def test_compact_form_rebuilds_span_ids_cues_and_index_references() -> None:
    attacks = _said(ATTACKS, HOUTHI, "said", YEMEN.index("said on"))
    talks = _said(TALKS, COALITION, "said", YEMEN.index("said talks"), id="stmt:talks")
    position = Position(
        actor=COALITION, stance="opposes", text=TALKS, span=talks.span, statement=talks,
        provision="ceasefire",
    )  # fmt: skip
    article = Article(
        text=YEMEN, actors=[HOUTHI, COALITION], statements=[attacks, talks], positions=[position]
    )
    data = _compact_v2(article)
    first, second = data["statements"]
    # stmt:58-86 is the id its span gives; "stmt:talks" is not, so it is kept.
    assert "id" not in first
    assert second["id"] == "stmt:talks"
    # "said" is the text at the cue span: left out; the content is the text at the span.
    assert "cue" not in first
    assert "content" not in first
    assert (first["speaker"], second["speaker"]) == (0, 1)
    assert data["positions"][0]["actor"] == 1
    assert data["positions"][0]["statement"] == 1
    back = from_json(to_json(article, compact=True), Article)
    assert back == article
    assert back.positions[0].statement is back.statements[1]
    assert back.statements[0].speaker is back.actors[0]
    assert not list(_validator().iter_errors(data))


def test_a_cue_that_is_not_the_text_at_its_span_is_kept_even_if_it_is_the_default() -> None:
    for cue in (None, "SAID", "told"):
        said = _said(ATTACKS, HOUTHI, cue, YEMEN.index("said on"))
        article = Article(text=YEMEN, actors=[HOUTHI], statements=[said])
        data = _compact_v2(article)
        assert data["statements"][0]["cue"] == cue
        assert from_json(to_json(article, compact=True), Article) == article
        assert not list(_validator().iter_errors(data))


def test_an_index_out_of_range_names_its_path() -> None:
    said = _said(ATTACKS, HOUTHI, "said", YEMEN.index("said on"))
    article = Article(text=YEMEN, actors=[HOUTHI], statements=[said])
    data = _compact_v2(article)
    data["statements"][0]["speaker"] = 3
    with pytest.raises(SerializationError, match=r"3 is not the index.*1 actors.*statements\[0\]"):
        from_dict(data, Article)
    data["statements"][0]["speaker"] = -1
    with pytest.raises(SerializationError, match=r"-1 is not the index"):
        from_dict(data, Article)


def test_compact_json_is_smaller_for_every_seed() -> None:
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        article = conflictmodel.parse_article(text)
        old = len(json.dumps(_embedded(article), ensure_ascii=False))
        assert len(to_json(article, compact=True)) * 2 < old, path.name


def test_an_unknown_id_names_its_path() -> None:
    data = to_dict(conflictmodel.parse_article(KASHMIR))
    index = next(i for i, s in enumerate(data["statements"]) if s["speaker"] is not None)
    data["statements"][index]["speaker"] = "person:nobody"
    with pytest.raises(SerializationError, match=r"'person:nobody' is not the id") as info:
        from_dict(data, Article)
    assert f"$.statements[{index}].speaker" in str(info.value)


def test_a_newer_format_says_which_versions_this_library_reads() -> None:
    data = to_dict(Article(text="Goma fell."))
    data["format"] = COMPACT_FORMAT + 1
    with pytest.raises(SerializationError, match=r"format 4 is newer.*formats 1 to 3.*upgrade"):
        from_dict(data, Article)
    for bad in ("2", True, 0, None):
        data["format"] = bad
        with pytest.raises(SerializationError, match="format"):
            from_dict(data, Article)


def test_old_json_without_format_loads() -> None:
    article = conflictmodel.parse_article(KASHMIR, published="2025-05-10")
    old = _embedded(article)
    assert "format" not in old
    assert isinstance(old["statements"][0]["speaker"], dict | type(None))
    assert from_json(json.dumps(old), Article) == article


def test_the_store_reads_old_and_new_rows(tmp_path: Path) -> None:
    sudan = conflictmodel.parse_article(SUDAN, published="2024-05-06")
    kashmir = conflictmodel.parse_article(KASHMIR, published="2025-05-10")
    path = tmp_path / "cm.sqlite"
    with Store(path) as store:
        new_key = store.add(sudan)
        old_key = store.add(kashmir)
    stored = sqlite3.connect(path)
    with stored:
        row = stored.execute("SELECT json FROM articles WHERE key = ?", (new_key,)).fetchone()
        assert json.loads(row[0])["format"] == ARTICLE_FORMAT
        # A row as an earlier release wrote it: the embedded shape, no format key.
        stored.execute(
            "UPDATE articles SET json = ? WHERE key = ?",
            (json.dumps(_embedded(kashmir), ensure_ascii=False), old_key),
        )
    stored.close()
    with Store(path) as store:
        assert store.get_article(new_key) == sudan
        assert store.get_article(old_key) == kashmir
        assert [a for _, _, a in store.articles()] == [sudan, kashmir]


def test_a_date_in_the_article_dates_is_written_as_its_index() -> None:
    text = "No talks. Houthi officials said on Friday."
    friday = TextDate(text="on Friday", span=Span(start=32, end=41))
    said = attrs.evolve(_statement(HOUTHIS), date=friday)
    article = Article(text=text, actors=[HOUTHIS], statements=[said], dates=[friday])
    data = to_dict(article)
    assert data["statements"][0]["date"] == 0
    back = from_dict(data, Article)
    assert back == article
    assert back.statements[0].date is back.dates[0]
    data["statements"][0]["date"] = 4
    with pytest.raises(SerializationError, match=r"4 is not the index.*\$\.statements\[0\]\.date"):
        from_dict(data, Article)


def test_accessors_find_objects_by_the_ids_the_json_holds() -> None:
    article = conflictmodel.parse_article(SUDAN, published="2024-05-06")
    data = to_dict(article)
    for raw in data["statements"]:
        said = article.statement_by_id(raw["id"])
        assert said is not None
        assert said.content == raw["content"]
        if isinstance(raw["speaker"], str):
            assert article.actor_by_id(raw["speaker"]) is said.speaker
    for raw_position, position in zip(data["positions"], article.positions, strict=True):
        if isinstance(raw_position["statement"], str):
            assert article.statement_by_id(raw_position["statement"]) is position.statement
        if position.proposal_id is not None:
            found = article.proposal_by_id(position.proposal_id)
            assert found is not None
            assert found.id == position.proposal_id
    for event in article.events:
        assert article.event_by_id(event.id) is event
    for territory in article.territories:
        assert article.territory_by_id(territory.id) is territory
    for place in article.places:
        assert article.place_by_id(place.id) is place
    # An id of the wrong kind, or a name, finds nothing.
    assert article.actor_by_id(article.statements[0].id) is None
    assert article.territory_by_id("Darfur") is None
    assert article.statement_by_id("stmt:9999-10000") is None


@settings(max_examples=25)
@given(cms.articles())
def test_a_users_configured_converter_writes_and_reads_the_same_forms(article: Article) -> None:
    conv = configure_converter(cattrs.Converter())
    for compact in (False, True):
        data = to_dict(article, conv=conv, compact=compact)
        assert data == to_dict(article, compact=compact)
        assert from_dict(data, Article, conv=conv) == article


GOMA = (
    "GOMA, Congo — M23 rebels shelled the airport on Sunday. Envoys of the two governments met "
    "in Goma two days later."
)


def test_an_object_that_differs_from_the_listed_one_is_written_as_its_changes() -> None:
    from conflictmodel.model.events import Event
    from conflictmodel.model.places import Place

    goma = Place(
        id="city:goma-cd", name="Goma", kind="city", parent="CD-NK", role="dateline",
        mentions=[Span(start=0, end=4)],
    )  # fmt: skip
    venue = attrs.evolve(goma, role="venue", mentions=[Span(start=93, end=97)])
    shelled = Event(
        id="event:13-55", type="assault", span=Span(start=13, end=55), trigger="shelled",
        place=goma,
    )  # fmt: skip
    met = Event(
        id="event:56-113", type="consult", span=Span(start=56, end=113), trigger="met",
        place=venue,
    )  # fmt: skip
    article = Article(text=GOMA, places=[goma], events=[shelled, met])
    data = _compact_v2(article)
    assert data["events"][0]["place"] == 0
    # Only what differs: the role and the mention; name, kind and parent come from the list.
    assert data["events"][1]["place"] == {"like": 0, "role": "venue", "mentions": [[93, 97]]}
    assert not list(_validator().iter_errors(data))
    back = from_json(to_json(article, compact=True), Article)
    assert back == article
    assert back.events[0].place is back.places[0]
    # The full form writes the changed object in full, as before.
    assert to_dict(article)["events"][1]["place"]["name"] == "Goma"
    for bad, message in (({"like": 0, "id": "city:kigali"}, "'id' is not a field"),
                         ({"like": 0, "capital": True}, "'capital' is not a field"),
                         ({"like": "0"}, "must be an index"),
                         ({"like": 5}, "5 is not the index")):  # fmt: skip
        data["events"][1]["place"] = bad
        with pytest.raises(SerializationError, match=message) as info:
            from_dict(data, Article)
        assert "$.events[1].place" in str(info.value)
