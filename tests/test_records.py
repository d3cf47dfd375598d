"""One record format for batch results, and JSON Lines input (issue 15, item 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from conflictmodel import Article, to_dict
from conflictmodel.batch import BatchResult, Document, parse_many, read_documents, read_results
from conflictmodel.errors import InputError, ParseError, SerializationError, StoreError
from conflictmodel.strategies import articles

LINES = [
    json.dumps(
        {
            "id": "sudan-17",
            "text": "The RSF said on Tuesday it would join talks in Jeddah.",
            "published": "2023-05-09",
            "title": "RSF to join talks",
            "outlet": "Example Wire",
            "url": "https://news.example/sudan-17",
        }
    ),
    "",
    '{"id": "broken", "text": ',
    json.dumps(["not", "an", "object"]),
    json.dumps({"id": "no-text", "title": "Missing body"}),
    json.dumps({"id": "bad-title", "text": "Hamas said no.", "title": 5}),
    json.dumps({"text": "Manila and Beijing said talks on the shoal would go on."}),
]


def test_jsonl_records_parse_with_their_metadata_and_bad_lines_are_reported() -> None:
    results = list(parse_many(read_documents(LINES), processes=1))
    assert [r.ok for r in results] == [True, False, False, False, False, True]
    good = results[0].unwrap()
    assert results[0].source == "sudan-17"
    assert (good.title, good.outlet, good.url) == (
        "RSF to join talks",
        "Example Wire",
        "https://news.example/sudan-17",
    )
    assert str(good.published) == "2023-05-09"
    assert results[1].source == "<line 3>"
    assert "not a JSON object" in str(results[1].error)
    assert isinstance(results[3].error, InputError)
    assert results[3].source == "no-text"
    assert "title must be a string" in str(results[4].error)
    assert results[5].source == "<line 7>"  # no id: named by its line


def test_documents_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    docs = list(read_documents(path))
    assert isinstance(docs[0], Document)
    assert isinstance(docs[1], InputError)
    assert str(docs[1]).startswith(f"{path}:3:")
    with pytest.raises(InputError, match="cannot read"):
        list(read_documents(tmp_path / "missing.jsonl"))
    (tmp_path / "latin1.jsonl").write_bytes(b'{"text": "caf\xe9"}\n')
    with pytest.raises(InputError, match="not UTF-8"):
        list(read_documents(tmp_path / "latin1.jsonl"))


def test_results_round_trip_through_the_envelope(tmp_path: Path) -> None:
    items = [("ok", "Azerbaijan said the border talks would resume."), ("bad", 3)]
    results = list(parse_many(items, processes=1))
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in results), encoding="utf-8")
    back = list(read_results(path))
    assert back == results
    assert isinstance(back[1].error, InputError)
    assert str(back[1].error) == str(results[1].error)


@settings(max_examples=25)
@given(articles())
def test_any_article_survives_the_envelope(article: Article) -> None:
    result = BatchResult(source="x", article=article, error=None, index=3)
    text = json.dumps(result.to_dict())
    assert BatchResult.from_dict(json.loads(text)) == result


def test_errors_keep_their_type_and_stage() -> None:
    env = {
        "source": "a",
        "index": 0,
        "article": None,
        "error": {"type": "ParseError", "message": "boom", "stage": "events"},
    }
    err = BatchResult.from_dict(env).error
    assert isinstance(err, ParseError)
    assert err.stage == "events"
    env["error"] = {"type": "StoreError", "message": "locked", "stage": None}
    assert isinstance(BatchResult.from_dict(env).error, StoreError)
    env["error"] = {"type": "SomethingNew", "message": "later version", "stage": None}
    assert str(BatchResult.from_dict(env).error) == "later version"


@pytest.mark.parametrize(
    "bad",
    [
        "[]",
        '{"source": "a", "index": 0, "article": null}',
        '{"source": "a", "index": -1, "article": null, "error": null}',
        '{"source": 1, "index": 0, "article": null, "error": null}',
        '{"source": "a", "index": 0, "article": {"text": 5}, "error": null}',
        '{"source": "a", "index": 0, "article": null, "error": "boom"}',
        "{not json",
    ],
)
def test_malformed_envelopes_are_serialization_errors_naming_the_line(bad: str) -> None:
    with pytest.raises(SerializationError, match=r"<line 2>"):
        list(read_results(["", bad]))


def test_the_article_json_inside_is_plain_article_json() -> None:
    [result] = parse_many([("k", "Islamabad said talks with Kabul had failed.")], processes=1)
    assert result.to_dict()["article"] == to_dict(result.unwrap())
