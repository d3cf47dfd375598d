"""``configure_converter`` on a converter the user already has, and the schema command's
options (issue 15, items 5)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cattrs
import pytest
from cattrs.preconf.json import make_converter as json_converter
from hypothesis import given, settings

from conflictmodel import Article, Event, Span, Territory, from_json, to_json
from conflictmodel.errors import SerializationError
from conflictmodel.schema import article_schema
from conflictmodel.schema import main as schema_main
from conflictmodel.serialization import configure_converter, make_converter
from conflictmodel.strategies import articles


@settings(max_examples=40)
@given(articles())
def test_a_configured_plain_converter_round_trips_articles(article: Article) -> None:
    conv = configure_converter(cattrs.Converter())
    data = conv.unstructure(article)
    assert conv.structure(data, Article) == article
    # The same dict the library's own converter writes: one shape everywhere.
    assert data == make_converter().unstructure(article)


def test_configure_returns_the_same_converter_and_keeps_its_other_hooks() -> None:
    conv = json_converter()
    conv.register_unstructure_hook(complex, lambda c: [c.real, c.imag])
    assert configure_converter(conv) is conv
    assert conv.unstructure(1 + 2j) == [1.0, 2.0]
    assert conv.unstructure(Span(start=1, end=3)) == {"start": 1, "end": 3}


def test_model_classes_reject_unknown_keys_even_on_a_lenient_converter() -> None:
    conv = configure_converter(cattrs.Converter(forbid_extra_keys=False))
    data = conv.unstructure(Territory(id="UA-43", name="Crimea", kind="region"))
    data["nmae"] = "typo"
    with pytest.raises(cattrs.ClassValidationError) as info:
        conv.structure(data, Territory)
    assert "nmae" in " ".join(cattrs.transform_error(info.value))


def test_structuring_stays_strict_about_json_types() -> None:
    conv = configure_converter(cattrs.Converter())
    with pytest.raises(cattrs.ClassValidationError) as info:
        conv.structure({"start": "1", "end": 3}, Span)
    assert "start" in " ".join(cattrs.transform_error(info.value))


def test_events_round_trip_through_json() -> None:
    text = "Drones struck Goma on Sunday."
    event = Event(id="event:0-28", type="assault", mode="drone", span=Span(start=0, end=28))
    art = Article(text=text, events=[event])
    assert from_json(to_json(art), Article) == art
    with pytest.raises(SerializationError):
        from_json(to_json(art).replace('"assault"', '"bombard"'), Article)


def test_schema_command_writes_to_a_path(tmp_path: Path) -> None:
    out = tmp_path / "article.schema.json"
    assert schema_main(["-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == article_schema()


def test_schema_command_reports_an_unwritable_path_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "missing" / "dir" / "schema.json"
    proc = subprocess.run(
        [sys.executable, "-m", "conflictmodel.schema", "-o", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1
    assert str(bad) in proc.stderr
    assert "Traceback" not in proc.stderr


def test_schema_command_has_help() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "conflictmodel.schema", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    assert "--output" in proc.stdout
    assert "JSON Schema" in proc.stdout
