"""The parser core: stage contracts, typed results, extras carried into the Article, the
input limits of parse_article, and the overlap index behind the context's lookups."""

from __future__ import annotations

import re
import warnings
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import conflictmodel
from conflictmodel import Span, from_json, to_json
from conflictmodel import pipeline as pl
from conflictmodel.analysis import SpanIndex
from conflictmodel.context import ParseContext
from conflictmodel.errors import ExtrasError, InputError, ParseError, PipelineError
from conflictmodel.gazetteer import Gazetteer
from conflictmodel.parse import MAX_TEXT_CHARS
from conflictmodel.pipeline import get_parser

TEXT = (
    "Sudan's army chief Abdel Fattah al-Burhan said on Monday that the army would not "
    'negotiate with the RSF. "There will be no truce," he told reporters in Port Sudan.'
)


class Counter:
    """A custom stage that keeps its result in extras."""

    name = "counter"
    requires = ("sentences",)
    provides = ("sentence_count",)

    def __call__(self, ctx: ParseContext) -> None:
        ctx.extras["counter"] = {"sentences": len(ctx.sentences), "ratio": 0.5, "tags": ["a"]}


class NeedsCount:
    name = "needs_count"
    requires = ("sentence_count",)

    def __call__(self, ctx: ParseContext) -> None:
        ctx.extras["needs_count"] = ctx.extras["counter"]["sentences"] * 2


# ---------------------------------------------------------------- contracts


@pytest.mark.parametrize("missing", ["text", "territories", "actors", "statements", "proposals"])
def test_a_pipeline_missing_a_required_stage_fails_at_construction(missing: str) -> None:
    with pytest.raises(PipelineError) as info:
        pl.default_pipeline().without(missing)
    message = str(info.value)
    # the message names what is missing and the stage that would provide it
    assert f"the {missing!r} stage does" in message


def test_the_default_order_provides_every_input_before_it_is_read() -> None:
    # Optional inputs too: in the default pipeline every stage gets everything it can use.
    provided: set[str] = set()
    for stage in pl.default_pipeline():
        requires, provides = pl.requirements(stage)
        assert set(requires) | set(pl.optional_inputs(stage)) <= provided, stage.name
        provided |= set(provides)
    assert {"sentences", "actors", "statements", "proposals", "positions", "claims"} <= provided


def test_custom_stage_contracts_are_checked_in_order() -> None:
    ok = pl.default_pipeline().with_parser(Counter()).with_parser(NeedsCount())
    art = conflictmodel.parse_article(TEXT, pipeline=ok)
    assert art.extras["needs_count"] == 2 * art.extras["counter"]["sentences"] > 0
    with pytest.raises(PipelineError, match="'needs_count' requires 'sentence_count'"):
        pl.default_pipeline().with_parser(NeedsCount())
    with pytest.raises(PipelineError, match="'counter' requires 'sentences'"):
        pl.Pipeline([Counter()])


def test_a_stage_after_its_input_is_told_so() -> None:
    names = list(pl.DEFAULT_STAGES)
    names.remove("statements")
    names.insert(names.index("positions"), "statements")  # after proposals, which needs it
    with pytest.raises(PipelineError, match="'statements' provides it only after it"):
        pl.Pipeline.from_names(names)
    # an optional input may be left out altogether
    assert (
        "statements"
        not in pl.Pipeline.from_names(["text", "dates", "territories", "actors", "proposals"]).names
    )


def test_an_undeclared_replacement_of_a_builtin_takes_its_contract() -> None:
    class MyText:
        name = "text"

        def __init__(self) -> None:
            self.inner = get_parser("text")

        def __call__(self, ctx: ParseContext) -> None:
            self.inner(ctx)

    replaced = pl.default_pipeline().replace("text", MyText())
    assert pl.requirements(replaced["text"]) == pl.requirements(get_parser("text"))
    assert conflictmodel.parse_article(TEXT, pipeline=replaced).statements


def test_declarations_must_be_tuples_of_names() -> None:
    class Bad:
        name = "bad"
        requires = "sentences"  # a str, not a tuple of names

        def __call__(self, ctx: ParseContext) -> None: ...

    with pytest.raises(PipelineError, match="tuple of names"):
        pl.default_pipeline().with_parser(Bad())


# ---------------------------------------------------------------- extras


def test_builtin_stages_leave_extras_empty() -> None:
    ctx = ParseContext(text=TEXT, gazetteer=Gazetteer.default())
    pl.default_pipeline().run(ctx)
    assert ctx.extras == {}
    assert conflictmodel.parse_article(TEXT).extras == {}


def test_custom_extras_reach_the_article_and_survive_json() -> None:
    art = conflictmodel.parse_article(TEXT, pipeline=pl.default_pipeline().with_parser(Counter()))
    assert art.extras["counter"]["tags"] == ["a"]
    back = from_json(to_json(art), conflictmodel.Article)
    assert back.extras == art.extras
    assert back == art


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ({1, 2}, "set"),
        ({"k": object()}, "object"),
        (float("nan"), "nan"),
        ({1: "x"}, "key of type int"),
        ([Span(start=0, end=1)], "Span"),
    ],
)
def test_non_json_extras_are_refused_naming_stage_and_key(value: Any, why: str) -> None:
    class Writes:
        name = "writes"

        def __call__(self, ctx: ParseContext) -> None:
            ctx.extras["mine"] = value

    with pytest.raises(ExtrasError) as info:
        conflictmodel.parse_article(TEXT, pipeline=pl.default_pipeline().with_parser(Writes()))
    assert info.value.stage == "writes"
    assert info.value.key == "mine"
    assert why in str(info.value)


def test_a_stage_that_adds_a_wrong_object_is_named() -> None:
    class AppendsNone:
        name = "appends_none"

        def __call__(self, ctx: ParseContext) -> None:
            ctx.statements.append(None)  # type: ignore[arg-type]

    with pytest.raises(ParseError) as info:
        conflictmodel.parse_article(TEXT, pipeline=pl.default_pipeline().with_parser(AppendsNone()))
    assert info.value.stage == "appends_none"
    assert "ctx.statements" in str(info.value)


# ---------------------------------------------------------------- parse_article input


@pytest.mark.parametrize(
    "kwargs",
    [
        {"encoding": 123},
        {"pipeline": "text"},
        {"pipeline": ["text"]},
        {"max_chars": -1},
        {"max_chars": True},
        {"gazetteer": "default"},
    ],
)
def test_parse_article_rejects_bad_arguments_with_typed_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(conflictmodel.ConflictModelError):
        conflictmodel.parse_article(b"x" if "encoding" in kwargs else "x", **kwargs)


def test_parse_article_has_a_maximum_size() -> None:
    assert MAX_TEXT_CHARS >= 10_000_000
    conflictmodel.parse_article("Talks resume.", max_chars=13)
    with pytest.raises(InputError, match="max_chars"):
        conflictmodel.parse_article("Talks resume!!", max_chars=13)
    with pytest.raises(InputError, match="max_chars"):
        conflictmodel.parse_article(b"x" * 20, encoding="utf-8", max_chars=13)


# ---------------------------------------------------------------- plugins


def test_a_plugin_cannot_silently_replace_a_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    ep = EntryPoint(name="text", value="tests.test_core:Counter", group=pl.ENTRY_POINT_GROUP)

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        return [ep] if group == pl.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(pl, "entry_points", fake_entry_points)
    pl._entry_points.cache_clear()
    try:
        with pytest.warns(UserWarning, match="built-in stage is used"):
            assert pl.get_parser("text").name == "text"
        pl.use_plugin("text")  # the user opts in
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert pl.get_parser("text").name == "counter"
    finally:
        pl._registered.pop("text", None)
        monkeypatch.undo()
        pl._entry_points.cache_clear()
    assert pl.get_parser("text").name == "text"


# ---------------------------------------------------------------- SpanIndex

spans = st.builds(
    lambda a, n: Span(start=a, end=a + n),
    st.integers(0, 3000),
    st.integers(0, 1500),
)


@example([Span(start=768, end=768)], 340, 428)  # an empty span at the query's end, on a block edge
@given(st.lists(spans, max_size=40), st.integers(0, 4000), st.integers(0, 700))
def test_span_index_answers_like_a_scan(items: list[Span], start: int, length: int) -> None:
    q = Span(start=start, end=start + length)
    idx = SpanIndex(items, lambda s: s)
    assert idx.overlapping(q.start, q.end) == [s for s in items if s.overlaps(q)]
    assert idx.any_overlapping(q.start, q.end) == any(s.overlaps(q) for s in items)
    assert idx.inside(q.start, q.end) == [s for s in items if q.contains(s)]
    assert idx.starting_in(q.start, q.end) == [s for s in items if q.start <= s.start < q.end]
    assert idx.at(q.start) == [s for s in items if s.start <= q.start < s.end]


def test_context_lookups_follow_appended_objects() -> None:
    art = conflictmodel.parse_article(TEXT)
    ctx = ParseContext(text=art.text)
    assert ctx.statements_at(0) == []
    ctx.statements.extend(art.statements)
    for s in art.statements:
        assert s in ctx.statements_at(s.span.start)
        assert s in ctx.statements_overlapping(s.span)
    ctx.dates.extend(art.dates)
    whole = Span(start=0, end=len(art.text))
    assert ctx.dates_in(whole) == [d for d in art.dates if d.span is not None]


# ---------------------------------------------------------------- the analysed document


_PIECES = [*"ab .\n,«»'’-", "Kyiv", "U.S.", "al-", "said", "\u201c", "\u201d"]


@given(st.lists(st.sampled_from(_PIECES), max_size=120).map("".join))
def test_analysed_document_tokens_cover_the_text(text: str) -> None:
    ctx = ParseContext(text=text)
    get_parser("text")(ctx)
    doc = ctx.doc
    covered = bytearray(len(text))
    prev_end = 0
    for tok in doc.tokens:
        assert prev_end <= tok.start < tok.end <= len(text)
        assert tok.low == text[tok.start : tok.end].lower().replace("’", "'")
        covered[tok.start : tok.end] = b"\x01" * (tok.end - tok.start)
        prev_end = tok.end
        assert doc.token_at(tok.start) == tok
    # every character inside a paragraph is whitespace or in a token
    for p in ctx.paragraphs:
        for i in range(p.start, p.end):
            assert covered[i] or text[i].isspace()
    for i, s in enumerate(ctx.sentences):
        assert doc.sentence_index(s.start) == i
        assert ctx.sentence_of(s.start) == s
        assert all(s.start <= t.start < s.end for t in doc.sentence_tokens(i))
    assert len(doc.folded) == len(text)


def test_the_document_follows_the_text_stage() -> None:
    ctx = ParseContext(text=TEXT)
    assert ctx.doc.tokens  # before the text stage: the whole text is one block
    get_parser("text")(ctx)
    assert len(ctx.doc.sentences) == len(ctx.sentences) == 2


def test_the_how_to_table_of_stage_contracts_matches_the_stages() -> None:
    """docs/howto/custom-parser.md lists what each default stage requires and provides."""
    page = (Path(__file__).parent.parent / "docs" / "howto" / "custom-parser.md").read_text("utf-8")
    rows = {}
    for line in page.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0].startswith("`") and cells[1].endswith("Parser`"):
            names = [tuple(re.findall(r"`([^`]+)`", c)) for c in cells[2:5]]
            rows[cells[0].strip("`")] = (names[0], names[1], names[2])
    assert list(rows) == list(pl.DEFAULT_STAGES)
    for stage in pl.default_pipeline():
        declared = (*pl.requirements(stage), pl.optional_inputs(stage))
        assert rows[stage.name] == declared, stage.name


def test_a_provision_must_state_the_text_at_its_span() -> None:
    text = "Kyiv proposed a 30-day ceasefire."
    ok = conflictmodel.Provision(
        kind="ceasefire", text="a 30-day ceasefire", span=Span(start=14, end=32)
    )
    bad = attrs.evolve(ok, text="a 60-day ceasefire")
    prop = conflictmodel.Proposal(
        id="prop:5-32",
        text=text[5:32],
        trigger="proposed",
        span=Span(start=5, end=32),
        provisions=[ok],
    )
    conflictmodel.Article(text=text, proposals=[prop])
    with pytest.raises(conflictmodel.ValidationError, match=r"provisions\[0\]\.text"):
        conflictmodel.Article(text=text, proposals=[attrs.evolve(prop, provisions=(bad,))])


_ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.binary(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.builds(object),
)


@given(
    text=_ANY,
    kwargs=st.dictionaries(
        st.sampled_from(
            [
                "published",
                "title",
                "outlet",
                "url",
                "pipeline",
                "gazetteer",
                "encoding",
                "max_chars",
            ]
        ),
        _ANY,
        max_size=3,
    ),
)
def test_parse_article_raises_only_its_documented_errors(
    text: object, kwargs: dict[str, object]
) -> None:
    try:
        article = conflictmodel.parse_article(text, **kwargs)  # type: ignore[arg-type]
    except (InputError, conflictmodel.errors.GazetteerError):
        return
    assert isinstance(article, conflictmodel.Article)


def test_lookups_follow_a_replaced_list_and_refresh_on_request() -> None:
    art = conflictmodel.parse_article(TEXT)
    ctx = ParseContext(text=art.text)
    ctx.statements.extend(art.statements)
    first = art.statements[0]
    assert ctx.statements_at(first.span.start) == [first]
    ctx.statements = []  # a new list: the index follows
    assert ctx.statements_at(first.span.start) == []
    ctx.statements.append(first)
    moved = attrs.evolve(first, span=Span(start=0, end=1))
    ctx.statements[0] = moved  # in place, same length: refresh_indexes says so
    ctx.refresh_indexes()
    assert ctx.statements_at(0) == [moved]


def test_a_stage_that_breaks_the_context_is_named() -> None:
    class Breaks:
        name = "breaks"

        def __init__(self, attr: str) -> None:
            self.attr = attr

        def __call__(self, ctx: ParseContext) -> None:
            setattr(ctx, self.attr, None)

    for attr, error in (("dates", ParseError), ("extras", ExtrasError)):
        with pytest.raises(error) as info:
            conflictmodel.parse_article(
                TEXT, pipeline=pl.default_pipeline().with_parser(Breaks(attr))
            )
        assert info.value.stage == "breaks"


def test_article_extras_are_a_copy() -> None:
    ctx = ParseContext(text="x")
    ctx.extras["mine"] = {"n": [1]}
    art = ctx.to_article()
    ctx.extras["mine"]["n"].append(2)
    assert art.extras == {"mine": {"n": [1]}}


def test_mentions_since_starts_again_after_a_direct_edit() -> None:
    ctx = ParseContext(text="Kyiv and Kyiv")
    ctx.add_actor(conflictmodel.Actor(id="state:UA", name="Ukraine", kind="state"))
    ctx.add_mention(Span(start=0, end=4), target="state:UA")
    ctx.mentions.pop()  # a stage edits the list directly
    assert ctx.mentions_since(0) is None
    n = ctx.mention_count()
    ctx.add_mention(Span(start=9, end=13), target="state:UA")
    assert [m.span.start for m in ctx.mentions_since(n) or []] == [9]


def test_add_mention_keeps_each_span_once_and_checks_new_aliases() -> None:
    ctx = ParseContext(text="Kyiv, Kiev and Kyiv again")
    ctx.add_actor(conflictmodel.Actor(id="state:UA", name="Ukraine", kind="state"))
    for start, end in ((0, 4), (6, 10), (0, 4), (15, 19)):
        ctx.add_mention(Span(start=start, end=end), target="state:UA")
    ua = ctx.actors["state:UA"]
    assert ua.mentions == (Span(start=0, end=4), Span(start=6, end=10), Span(start=15, end=19))
    assert ua.aliases == ("Kyiv", "Kiev")
    # add_actor rebuilds the actor: the next mention still is not duplicated
    ctx.add_actor(conflictmodel.Actor(id="state:UA", name="Ukraine", kind="state", country="UA"))
    ctx.add_mention(Span(start=6, end=10), target="state:UA")
    assert len(ctx.actors["state:UA"].mentions) == 3
    assert ctx.actors["state:UA"].country == "UA"
