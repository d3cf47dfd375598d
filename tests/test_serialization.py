"""JSON round trips are lossless for every model type; bad JSON is a SerializationError that
names the field path."""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import given
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
    to_dict,
    to_json,
)
from conflictmodel import strategies as cms

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
