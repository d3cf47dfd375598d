"""JSON round trips are lossless for every model type; bad JSON is a SerializationError that
names the field path."""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictmodel import (
    Actor,
    ActorKind,
    Article,
    ClaimKind,
    Condition,
    ConflictModelError,
    DatePrecision,
    Position,
    Proposal,
    ProposalStatus,
    Provision,
    ProvisionKind,
    Role,
    SerializationError,
    Span,
    Stance,
    Statement,
    StatementKind,
    TerritorialClaim,
    Territory,
    TerritoryKind,
    TextDate,
    from_dict,
    from_json,
    make_converter,
    parse_article,
    to_dict,
    to_json,
)
from conflictmodel import strategies as cms
from conflictmodel._compact import ENUM_CODES, KEYS, ROWS, VARIANTS, pack, unpack
from conflictmodel.serialization import COMPACT_FORMAT

MODEL_MODULES = (
    "span",
    "actors",
    "territories",
    "statements",
    "proposals",
    "positions",
    "textdates",
    "article",
)

ROUND_TRIPS: list[tuple[Any, st.SearchStrategy[Any]]] = [
    (Span, cms.spans()),
    (Role, cms.roles()),
    (Actor, cms.actors()),
    (Territory, cms.territories()),
    (TextDate, cms.text_dates()),
    (Statement, cms.statements()),
    (Provision, cms.provisions()),
    (Condition, cms.conditions()),
    (Proposal, cms.proposals()),
    (Position, cms.positions()),
    (TerritorialClaim, cms.claims()),
    (Article, cms.articles()),
    (ActorKind, st.sampled_from(ActorKind)),
    (TerritoryKind, st.sampled_from(TerritoryKind)),
    (ClaimKind, st.sampled_from(ClaimKind)),
    (StatementKind, st.sampled_from(StatementKind)),
    (ProvisionKind, st.sampled_from(ProvisionKind)),
    (ProposalStatus, st.sampled_from(ProposalStatus)),
    (Stance, st.sampled_from(Stance)),
    (DatePrecision, st.sampled_from(DatePrecision)),
    (dt.date, cms.dates()),
    (tuple[Article, ...], st.lists(cms.articles(), max_size=2).map(tuple)),
]


def _model_types() -> set[type[Any]]:
    found: set[type[Any]] = set()
    for name in MODEL_MODULES:
        module = importlib.import_module(f"conflictmodel.{name}")
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and obj.__module__ == module.__name__
                and (attrs.has(obj) or issubclass(obj, enum.Enum))
            ):
                found.add(obj)
    return found


def test_round_trips_cover_every_model_type() -> None:
    assert _model_types() <= {cls for cls, _ in ROUND_TRIPS}


@pytest.mark.parametrize(("cls", "strategy"), ROUND_TRIPS, ids=lambda v: getattr(v, "__name__", ""))
@given(data=st.data())
def test_json_round_trip_is_lossless(
    cls: Any, strategy: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    obj = data.draw(strategy)
    text = to_json(obj)
    back = from_json(text, cls)
    assert back == obj
    assert type(back) is type(obj)
    # Stable: writing the copy gives the same text, and the dict form survives json too.
    assert to_json(back) == text
    assert json.loads(text) == to_dict(obj)
    assert from_dict(to_dict(obj), cls) == obj
    assert from_json(text.encode("utf-8"), cls) == obj


@given(cms.articles())
def test_to_dict_is_plain_json_data(article: Article) -> None:
    def check(value: Any) -> None:
        if isinstance(value, dict):
            assert all(isinstance(k, str) for k in value)
            for v in value.values():
                check(v)
        elif isinstance(value, list):
            for v in value:
                check(v)
        else:
            assert value is None or type(value) in (str, int, bool)

    check(to_dict(article))


def test_serialized_form_is_documented_shape() -> None:
    actor = Actor(
        id="person:abiy-ahmed",
        name="Abiy Ahmed",
        kind="person",
        roles=[Role(title="Prime Minister", country="ET", start=dt.date(2018, 4, 2))],
        mentions=[Span(start=0, end=10)],
    )
    data = to_dict(actor)
    assert data["kind"] == "person"
    assert data["roles"] == [
        {
            "title": "Prime Minister",
            "affiliation": None,
            "country": "ET",
            "start": "2018-04-02",
            "end": None,
        }
    ]
    assert data["mentions"] == [{"start": 0, "end": 10}]
    assert "Abiy Ahmed" in to_json(actor)
    assert to_json(Territory(id="area:tigre", name="Tigré")).count("Tigré") == 1  # not \\u-escaped


def test_indent_option() -> None:
    assert to_json(Span(start=1, end=2), indent=2) == '{\n  "start": 1,\n  "end": 2\n}'


def test_defaults_may_be_omitted_when_reading() -> None:
    assert from_json('{"text": "Goma fell."}', Article) == Article(text="Goma fell.")
    assert from_json('{"id": "state:CD", "name": "DR Congo", "kind": "state"}', Actor).aliases == ()


def test_make_converter_builds_independent_converters() -> None:
    conv = make_converter()
    span = Span(start=2, end=5)
    assert from_json(to_json(span, conv=conv), Span, conv=conv) == span
    assert conv is not make_converter()


# ---------------------------------------------------------------- errors

GOOD_STATEMENT = {
    "id": "stmt:0-4",
    "content": "Gaza",
    "kind": "direct",
    "span": {"start": 0, "end": 4},
}

BAD_DOCUMENTS: list[tuple[str, Any, Any, str]] = [
    ("string for int", Span, {"start": "1", "end": 2}, "$.start"),
    ("float for int", Span, {"start": 1.0, "end": 2}, "$.start"),
    ("bool for int", Span, {"start": 0, "end": True}, "$.end"),
    ("int for str", Actor, {"id": 5, "name": "X", "kind": "state"}, "$.id"),
    (
        "str for bool",
        Actor,
        {"id": "a", "name": "X", "kind": "state", "anonymous": "false"},
        "$.anonymous",
    ),
    (
        "str for array",
        Actor,
        {"id": "a", "name": "X", "kind": "state", "aliases": "Kinshasa"},
        "$.aliases",
    ),
    (
        "object for array",
        Actor,
        {"id": "a", "name": "X", "kind": "state", "mentions": {"start": 0}},
        "$.mentions",
    ),
    (
        "int for optional str",
        Actor,
        {"id": "a", "name": "X", "kind": "state", "description": 5},
        "$.description",
    ),
    (
        "int for object",
        Actor,
        {"id": "a", "name": "X", "kind": "state", "roles": [5]},
        "$.roles[0]",
    ),
    ("unknown enum", Actor, {"id": "a", "name": "X", "kind": "warlord"}, "$.kind"),
    ("list for enum", Actor, {"id": "a", "name": "X", "kind": ["state"]}, "$.kind"),
    ("missing field", Actor, {"name": "X", "kind": "state"}, "$.id"),
    ("extra field", Actor, {"id": "a", "name": "X", "kind": "state", "rank": 1}, "rank"),
    ("bad date", Article, {"text": "", "published": "2024-13-01"}, "$.published"),
    ("datetime for date", Article, {"text": "", "published": "2024-05-01T10:00:00"}, "$.published"),
    ("compact date", Article, {"text": "", "published": "20240501"}, "$.published"),
    ("int for date", Role, {"title": "Envoy", "start": 20240501}, "$.start"),
    (
        "nested wrong type",
        Article,
        {"text": "Gaza", "statements": [{**GOOD_STATEMENT, "span": {"start": 0, "end": "4"}}]},
        "$.statements[0].span.end",
    ),
    (
        "nested unknown enum",
        Proposal,
        {
            "id": "p",
            "trigger": "plan",
            "text": "",
            "span": {"start": 0, "end": 0},
            "provisions": [{"kind": "truce", "text": "", "span": {"start": 0, "end": 0}}],
        },
        "$.provisions[0].kind",
    ),
    (
        "nested validator",
        Article,
        {
            "text": "Gaza",
            "statements": [
                {
                    **GOOD_STATEMENT,
                    "speaker": {"id": "x", "name": "X", "kind": "state", "country": "XX"},
                }
            ],
        },
        "$.statements[0].speaker",
    ),
    ("object for array at top", Article, {"text": "", "statements": {}}, "$.statements"),
    ("array for object", Actor, [1, 2], "$"),
    ("string for object", Span, "0-4", "$"),
    ("null for object", Span, None, "$"),
    (
        "span outside text",
        Article,
        {"text": "ab", "furniture": [{"start": 0, "end": 5}]},
        "outside the text",
    ),
    (
        "position without target",
        Position,
        {
            "actor": {"id": "state:YE", "name": "Yemen", "kind": "state"},
            "stance": "opposes",
            "text": "",
            "span": {"start": 0, "end": 0},
        },
        "at least one of",
    ),
    ("end before start", Span, {"start": 4, "end": 1}, "must be >= start"),
]


@pytest.mark.parametrize(
    ("cls", "document", "where"),
    [(c, d, w) for _, c, d, w in BAD_DOCUMENTS],
    ids=[i for i, _, _, _ in BAD_DOCUMENTS],
)
def test_wrong_types_raise_serialization_error_naming_the_path(
    cls: Any, document: Any, where: str
) -> None:
    with pytest.raises(SerializationError, match=re.escape(where)) as info:
        from_json(json.dumps(document), cls)
    message = str(info.value)
    assert message.startswith(f"cannot read {cls.__name__} from JSON: ")
    assert isinstance(info.value, ConflictModelError)
    assert isinstance(info.value, ValueError)
    # The same document as Python data fails the same way.
    with pytest.raises(SerializationError) as again:
        from_dict(document, cls)
    assert str(again.value) == message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        '{"start": 1,}',
        "not json",
        b"\xff\xfe\x00",
        "[" * 100_000,
        '{"start": 1, "end": 2} trailing',
    ],
    ids=["empty", "unclosed", "trailing comma", "words", "bad utf-8", "deep", "trailing text"],
)
def test_malformed_json_raises_serialization_error(text: str | bytes) -> None:
    with pytest.raises(SerializationError, match="cannot read Span from JSON"):
        from_json(text, Span)


@pytest.mark.parametrize("value", [None, 12, ["{}"]], ids=["None", "int", "list"])
def test_non_text_input_raises_serialization_error(value: Any) -> None:
    with pytest.raises(SerializationError, match="expected str or bytes"):
        from_json(value, Span)


def test_error_keeps_the_cause() -> None:
    with pytest.raises(SerializationError) as info:
        from_json('{"start": "x", "end": 1}', Span)
    assert info.value.__cause__ is not None


def test_every_problem_is_reported() -> None:
    with pytest.raises(SerializationError) as info:
        from_json('{"start": "x", "end": "y"}', Span)
    assert "$.start" in str(info.value)
    assert "$.end" in str(info.value)


# ---------------------------------------------------------------- the packed compact form
#
# ``to_json(article, compact=True)`` writes format 3 (conflictmodel._compact): short keys,
# enum codes, [start, length] spans, flat mention lists, a variants table.

SEED_DIR = Path(__file__).resolve().parent.parent / "seeds"
SEED_PATHS = sorted(SEED_DIR.glob("*.txt"))
FORMAT2 = Path(__file__).resolve().parent / "data" / "article_compact_format2.json"

KASHMIR_TALKS = (
    "SRINAGAR, India (Reuters) — India and Pakistan agreed on Saturday to a ceasefire along "
    "the Line of Control, the Indian foreign ministry said. Pakistani Prime Minister Shehbaz "
    'Sharif said in Islamabad: "Pakistan will respect the ceasefire." Shelling in Poonch '
    "killed at least four people on Friday, officials in Srinagar said."
)


def test_every_seed_compact_json_is_at_most_three_times_its_text() -> None:
    assert SEED_PATHS, "no seeds: the test would be vacuous"
    for path in SEED_PATHS:
        text = path.read_text(encoding="utf-8")
        article = parse_article(text, published="2025-04-19")
        assert article.actors, path.name
        assert article.statements, path.name
        compact = to_json(article, compact=True)
        assert len(compact) <= 3 * len(text), (path.name, round(len(compact) / len(text), 2))
        back = from_json(compact, Article)
        assert back == article
        assert to_json(back, compact=True) == compact


@settings(max_examples=60)
@given(cms.articles())
def test_compact_round_trip_is_exact_for_generated_articles(article: Article) -> None:
    compact = to_json(article, compact=True)
    assert json.loads(compact)["format"] == COMPACT_FORMAT
    back = from_json(compact, Article)
    assert back == article
    assert to_json(back, compact=True) == compact
    # unpack is the inverse of pack: the format-2 compact data reads to the same article.
    assert pack(unpack(json.loads(compact))) == json.loads(compact)


def test_an_old_compact_file_still_loads() -> None:
    # Written by the previous release (format 2, compact and full) for an article of ours.
    old = json.loads(FORMAT2.read_text(encoding="utf-8"))
    assert old["compact"]["format"] == 2
    assert any(isinstance(e.get("place"), dict) for e in old["compact"]["events"])
    article = from_dict(old["compact"], Article)
    assert article == from_dict(old["full"], Article)
    assert article.events
    assert article.statements
    # Written again it is format 3, smaller, and reads back the same.
    again = to_json(article, compact=True)
    assert len(again) < len(json.dumps(old["compact"], ensure_ascii=False, separators=(",", ":")))
    assert from_json(again, Article) == article
    # Unpacked, format 3 is exactly what the previous release wrote.
    assert unpack(json.loads(again)) == old["compact"]


def test_compact_form_uses_short_keys_codes_and_lengths() -> None:
    article = parse_article(KASHMIR_TALKS, published="2025-05-10")
    data = to_dict(article, compact=True)
    assert data["format"] == COMPACT_FORMAT
    assert data["t"] == KASHMIR_TALKS
    said = data["S"][0]
    statement = article.statements[0]
    assert said["k"] == ENUM_CODES[StatementKind].index(statement.kind.value)
    assert said["s"] == [statement.span.start, len(statement.span)]
    # Every actor's mentions: [gap, length, ...], gaps from the previous mention's end.
    for raw, actor in zip(data["A"], article.actors, strict=True):
        flat, end = [], 0
        for m in actor.mentions:
            flat += [m.start - end, m.end - m.start]
            end = m.end
        assert raw.get("m", []) == flat
    # A role is an array: title, affiliation, country, start, end (nulls at the end dropped).
    sharif = next(a for a in article.actors if a.roles)
    role = sharif.roles[0]
    row = data["A"][article.actors.index(sharif)]["r"][0]
    assert row[0] == role.title
    assert len(row) <= 5
    assert row[-1] is not None
    # No long field name is left in the data (extras aside).
    long_names = set(KEYS) - set(KEYS.values())
    assert not _keys_in(data) & long_names


def _keys_in(data: Any) -> set[str]:
    if isinstance(data, dict):
        return set(data).union(*(_keys_in(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(_keys_in(v) for v in data))
    return set()


def test_ids_and_names_the_rules_give_back_are_left_out() -> None:
    text = "Dmitry Peskov said no talks. Peskov added more."
    again = text.index("Peskov added")
    peskov = Actor(
        id="person:dmitry-peskov", name="Dmitry Peskov", kind="person", aliases=["Peskov"],
        mentions=[Span(start=0, end=13), Span(start=again, end=again + 6)],
    )  # fmt: skip
    odd = Actor(id="person:x1", name="Kremlin aide", kind="person", mentions=[Span(start=0, end=6)])
    article = Article(text=text, actors=[peskov, odd])
    first, second = to_dict(article, compact=True)["A"]
    # id from the slug rule, name from the first mention, the alias as mention 1.
    assert "i" not in first
    assert "n" not in first
    assert first["al"] == [1]
    assert (second["i"], second["n"]) == ("person:x1", "Kremlin aide")
    assert from_json(to_json(article, compact=True), Article) == article


def test_a_place_in_another_role_is_a_variant_written_once() -> None:
    goma = parse_article(
        "GOMA, Congo (AP) — M23 rebels shelled the airport on Sunday and again on Monday."
    )
    place = next(p for p in goma.places if p.role.value == "dateline")
    at = attrs.evolve(place, role="event_location")
    events = [attrs.evolve(e, place=at) for e in goma.events] * 2
    article = attrs.evolve(goma, events=events)
    data = to_dict(article, compact=True)
    assert len(data["+Pl"]) == 1
    assert {e["pl"] for e in data["E"]} == {len(goma.places)}
    assert from_json(to_json(article, compact=True), Article) == article


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["S"][0].__setitem__("k", 7), "7 is not the code of any StatementKind"),
        (lambda d: d["A"][0].__setitem__("m", [1, 2, 3]), "odd number"),
        (lambda d: d["S"][0].__setitem__("sp", 99), "99 is not the index"),
        (lambda d: d["A"][0].__setitem__("d", 9), "9 is not the index of one of the mentions"),
    ],
    ids=["enum code", "odd mentions", "variant index", "mention index"],
)
def test_bad_compact_data_is_a_serialization_error(change: Any, message: str) -> None:
    data = to_dict(parse_article(KASHMIR_TALKS), compact=True)
    assert data["S"]
    assert data["A"]
    change(data)
    with pytest.raises(SerializationError, match=message):
        from_dict(data, Article)


def test_the_format_tables_cover_the_model_and_never_collide() -> None:
    import conflictmodel.model as model

    classes = [c for c in vars(model).values() if isinstance(c, type) and attrs.has(c)]
    fields = {f.name for c in classes for f in attrs.fields(c)}
    assert fields <= set(KEYS), sorted(fields - set(KEYS))
    shorts = list(KEYS.values())
    assert len(shorts) == len(set(shorts))
    # A short key is never some field's own name (a field missing from the table is written
    # under its name), nor a variants key.
    assert not set(shorts) & fields
    assert not set(shorts) & set(VARIANTS.values())
    enums = [c for c in vars(model).values() if isinstance(c, type) and issubclass(c, enum.Enum)]
    for cls in enums:
        values = ENUM_CODES[cls]
        assert len(values) == len(set(values))
        assert {m.value for m in cls} <= set(values), cls.__name__


def test_the_reference_page_lists_the_format_tables() -> None:
    page = Path(__file__).resolve().parent.parent / "docs" / "reference" / "serialization.md"
    rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", page.read_text(encoding="utf-8"), re.M)
    table = dict(rows)
    for name, short in KEYS.items():
        assert table.get(name) == f"`{short}`", name
    for cls, short in VARIANTS.items():
        assert table.get(cls.__name__) == f"`{short}`", cls.__name__
    for cls, values in ENUM_CODES.items():
        assert table.get(cls.__name__) == ", ".join(f"{i} `{v}`" for i, v in enumerate(values))
    for cls, names in ROWS.items():
        assert table.get(cls.__name__) == ", ".join(f"`{n}`" for n in names)
        assert set(names) == {f.name for f in attrs.fields(cls)}


@pytest.mark.parametrize("pair", [[-3, 2], [5, 400], [0, -1]])
def test_compact_cue_offsets_outside_the_span_are_rejected(pair: list[int]) -> None:
    # A cue inside its span is written as [offset, length]; one that points outside the span
    # (or before the text, where slicing would wrap around) is a corrupt file, not a cue.
    text = "Talks in Juba stalled. Riek Machar said no deal would be signed before the rains."
    data = json.loads(to_json(parse_article(text), compact=True))
    statement = data["S"][0]
    statement["cs"] = [statement["s"][0], 4]
    statement["cu"] = pair
    with pytest.raises(SerializationError, match="not inside its object's span"):
        from_json(json.dumps(data), Article)
