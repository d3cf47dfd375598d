"""The pipeline, its registry and the shared parse context."""

from __future__ import annotations

from importlib.metadata import EntryPoint
from typing import Any

import pytest

import conflictmodel
from conflictmodel import Actor, Span, Statement
from conflictmodel import pipeline as pl
from conflictmodel.context import MentionKind, ParseContext
from conflictmodel.errors import ConflictModelError, ParseError, UnknownParserError


class Tagger:
    """A downstream stage: records how many sentences the text stage found."""

    name = "tagger"

    def __call__(self, ctx: ParseContext) -> None:
        ctx.extras["tagger"] = len(ctx.sentences)


class Broken:
    name = "broken"

    def __call__(self, ctx: ParseContext) -> None:
        raise RuntimeError("boom")


def test_unknown_parser_lists_the_available_names() -> None:
    with pytest.raises(UnknownParserError) as info:
        pl.get_parser("no-such-stage")
    message = str(info.value)
    for name in pl.DEFAULT_STAGES:
        assert name in message


def test_pipeline_edits_return_new_pipelines() -> None:
    base = pl.default_pipeline()
    added = base.with_parser(Tagger(), after="text")
    assert added.names[:2] == ("text", "tagger")
    assert "tagger" not in base.names
    assert added.with_parser(Broken(), before="text").names[0] == "broken"
    assert added.without("tagger").names == base.names
    replaced = added.replace("tagger", Broken())
    assert replaced.names[1] == "broken"
    with pytest.raises(UnknownParserError):
        base.without("nope")
    with pytest.raises(ConflictModelError):
        base.with_parser(Tagger(), before="text", after="text")
    with pytest.raises(ConflictModelError):
        added.with_parser(Tagger())  # two stages with one name


def test_a_custom_stage_sees_earlier_stages() -> None:
    article_pipeline = pl.default_pipeline().with_parser(Tagger(), after="text")
    ctx = ParseContext(text="One. Two. Three.")
    article_pipeline.run(ctx)
    assert ctx.extras["tagger"] == 3


def test_objects_without_name_or_call_are_refused() -> None:
    with pytest.raises(ConflictModelError):
        pl.Pipeline([object()])  # type: ignore[list-item]


def test_a_failing_stage_is_named_in_a_parse_error() -> None:
    pipeline = pl.Pipeline.from_names(["text"]).with_parser(Broken())
    with pytest.raises(ParseError) as info:
        conflictmodel.parse_article("Some text.", pipeline=pipeline)
    assert info.value.stage == "broken"
    assert isinstance(info.value.__cause__, RuntimeError)


def test_register_parser_and_refuse_duplicates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pl, "_registered", {})
    pl.register_parser("tagger", Tagger)
    assert "tagger" in pl.available_parsers()
    assert isinstance(pl.get_parser("tagger"), Tagger)
    with pytest.raises(ConflictModelError):
        pl.register_parser("tagger", Tagger)
    pl.register_parser("tagger", Broken, replace=True)
    assert pl.get_parser("tagger").name == "broken"


def test_entry_points_are_discovered(monkeypatch: pytest.MonkeyPatch) -> None:
    ep = EntryPoint(name="tagger", value="tests.test_pipeline:Tagger", group=pl.ENTRY_POINT_GROUP)

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        return [ep] if group == pl.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(pl, "entry_points", fake_entry_points)
    pl._entry_points.cache_clear()
    try:
        assert "tagger" in pl.available_parsers()
        assert pl.get_parser("tagger").name == "tagger"
    finally:
        monkeypatch.undo()
        pl._entry_points.cache_clear()


def test_add_actor_merges_by_id_and_mentions_add_aliases() -> None:
    ctx = ParseContext(text="Kyiv and Kiev said no.")
    ctx.add_actor(Actor(id="state:UA", name="Ukraine", kind="state", aliases=["Kyiv"]))
    ctx.add_actor(Actor(id="state:UA", name="Ukraine", kind="state", country="UA"))
    ctx.add_mention(Span(start=9, end=13), target="state:UA", via="metonym")
    ctx.add_mention(Span(start=0, end=4), target="state:UA", via="metonym")
    ua = ctx.actors["state:UA"]
    assert ua.country == "UA"
    assert ua.aliases == ("Kyiv", "Kiev")
    assert [m.span.start for m in ctx.mentions_in(Span(start=0, end=22))] == [0, 9]
    assert ctx.actor_at(Span(start=10, end=11)) == ua
    assert ctx.mention_at(Span(start=15, end=19)) is None
    assert ctx.mentions_in(Span(start=0, end=22), MentionKind.TERRITORY) == []


def test_to_article_rebinds_actors_to_their_final_version() -> None:
    text = '"No," Peskov said. Peskov left.'
    ctx = ParseContext(text=text)
    peskov = ctx.add_actor(
        Actor(id="person:peskov", name="Peskov", kind="person", mentions=[Span(start=6, end=12)])
    )
    ctx.statements.append(
        Statement(
            id="stmt:1-4", content="No,", kind="direct", span=Span(start=1, end=4), speaker=peskov
        )
    )
    ctx.add_mention(Span(start=19, end=25), target="person:peskov")
    article = ctx.to_article()
    speaker: Any = article.statements[0].speaker
    assert speaker.mentions == (Span(start=6, end=12), Span(start=19, end=25))
    assert article.actors == (speaker,)
