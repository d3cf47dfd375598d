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
from conflictmodel.schema import article_schema, compact_article_schema, main

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


# ---------------------------------------------------------------- the compact form (format 3)


@pytest.fixture(scope="module")
def compact_validator() -> jsonschema.Draft202012Validator:
    schema = compact_article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_shipped_compact_schema_matches_the_model() -> None:
    shipped = json.loads(
        resources.files("conflictmodel")
        .joinpath("schema", "compact.schema.json")
        .read_text("utf-8")
    )
    assert shipped == compact_article_schema(), (
        "regenerate: python -m conflictmodel.schema --compact "
        "-o src/conflictmodel/schema/compact.schema.json"
    )


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_compact_seeds_validate(
    path: Path, compact_validator: jsonschema.Draft202012Validator
) -> None:
    article = conflictmodel.parse_article(path.read_text(encoding="utf-8"), published="2025-04-19")
    assert article.events, "a seed with no events would leave the variants untested"
    data = to_dict(article, compact=True)
    errors = [f"{list(e.path)}: {e.message}" for e in compact_validator.iter_errors(data)]
    assert not errors
    # The full form is not the compact form: each schema is for its own.
    assert not compact_validator.is_valid(to_dict(article))


@given(cms.articles())
def test_generated_compact_articles_validate(article: Article) -> None:
    jsonschema.validate(
        to_dict(article, compact=True),
        compact_article_schema(),
        cls=jsonschema.Draft202012Validator,
    )


def test_compact_schema_rejects_what_the_reader_rejects(
    compact_validator: jsonschema.Draft202012Validator,
) -> None:
    data = to_dict(conflictmodel.parse_article('"No," Peskov said in Moscow.'), compact=True)
    assert compact_validator.is_valid(data)
    for path, bad in ((("S", 0, "k"), 3), (("S", 0, "s"), [1]), (("S", 0, "content"), "No")):
        changed = json.loads(json.dumps(data))
        target = changed
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = bad
        assert not compact_validator.is_valid(changed), path


def test_schema_command_writes_the_compact_schema(tmp_path: Path) -> None:
    out = tmp_path / "compact.schema.json"
    assert main(["--compact", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == compact_article_schema()
