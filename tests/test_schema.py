"""The JSON Schema of the serialized Article, checked against real serialized output."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

import conflictmodel
from conflictmodel import Article, to_dict
from conflictmodel import strategies as cms
from conflictmodel.schema import article_schema

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_shipped_schema_matches_the_model() -> None:
    shipped = json.loads(
        resources.files("conflictmodel")
        .joinpath("schema", "article.schema.json")
        .read_text("utf-8")
    )
    assert shipped == article_schema(), (
        "regenerate: python -m conflictmodel.schema > src/conflictmodel/schema/article.schema.json"
    )


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_parsed_seeds_validate(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    article = conflictmodel.parse_article(path.read_text(encoding="utf-8"), published="2025-04-19")
    assert article.statements, "a seed with no statements would make this test vacuous"
    errors = [e.message for e in validator.iter_errors(to_dict(article))]
    assert not errors


@given(cms.articles())
def test_generated_articles_validate(article: Article) -> None:
    schema = article_schema()
    jsonschema.validate(to_dict(article), schema, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_what_the_model_rejects(validator: jsonschema.Draft202012Validator) -> None:
    data = to_dict(conflictmodel.parse_article('"No," Peskov said.'))
    data["statements"][0]["kind"] = "rumour"
    assert not validator.is_valid(data)
    data = to_dict(conflictmodel.parse_article("Kyiv said no."))
    data["published"] = "19 April 2025"
    assert not validator.is_valid(data)
