"""conflictmodel.contrib.dask on dask's local process scheduler (two worker processes)."""

from __future__ import annotations

import json
from pathlib import Path

import dask
import dask.bag as db
import pytest

from conflictmodel import Article, from_dict, parse_article
from conflictmodel.batch import BatchResult, parse_many
from conflictmodel.contrib.dask import parse_bag, read_folder
from conflictmodel.errors import InputError

ARTICLES = {
    "tigray.txt": "MEKELLE, Nov 3 (AFP) - Ethiopia's government and the Tigray People's Liberation "
    "Front signed a truce in Pretoria, the African Union envoy Olusegun Obasanjo said.",
    "kivu.txt": "«Nous ne négocierons jamais avec le M23», a déclaré le porte-parole. Rwanda's "
    'foreign minister said Kigali "supports the Doha process".',
    "hodeidah.txt": "UN envoy Hans Grundberg told the Security Council on Tuesday that a "
    "ceasefire in Hodeidah was within reach if both sides withdrew their forces.",
    "nk.txt": "“There is no alternative to peace,” Azerbaijani presidential adviser Hikmet "
    "Hajiyev said. Armenia's parliament is expected to vote on the treaty in March.",
}


def _processes() -> dict[str, object]:
    """A local cluster: dask's multiprocessing scheduler with two worker processes."""
    return {"scheduler": "processes", "num_workers": 2}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"GIF89a\x00\x01\x00")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    return tmp_path


def test_parse_bag_on_local_processes_matches_parse_many() -> None:
    items = [*ARTICLES.values(), ("bad", None), {"source": "kashmir", "text": "Srinagar is calm."}]
    bag = db.from_sequence(items, npartitions=3)
    records = parse_bag(bag, published="2025-01-15").compute(**_processes())
    expected = list(parse_many(items, processes=1, published="2025-01-15"))
    assert len(records) == len(items)
    for record, result in zip(records, expected, strict=True):
        assert (record["error"] is None) == result.ok
        if result.ok:
            assert from_dict(record["article"], Article) == result.article
    assert records[4]["source"] == "bad"
    assert records[4]["error"]["type"] == "InputError"
    assert records[5]["source"] == "kashmir"
    # Unnamed items are named by partition and position, so names stay unique.
    names = [r["source"] for r in records]
    assert len(set(names)) == len(names)
    assert all(n.startswith("<partition ") for n in names[:4])


def test_read_folder_feeds_parse_bag_and_bad_files_are_records(folder: Path) -> None:
    paths = read_folder(folder).compute(scheduler="sync")
    assert [p.name for p in paths] == sorted([*ARTICLES, "empty.txt", "binary.txt"])
    records = parse_bag(read_folder(folder, npartitions=2)).compute(**_processes())
    by_name = {Path(r["source"]).name: r for r in records}
    assert set(by_name) == {*ARTICLES, "empty.txt", "binary.txt"}
    for name, text in ARTICLES.items():
        record = by_name[name]
        assert record["error"] is None, record["error"]
        assert from_dict(record["article"], Article) == parse_article(text)
    assert "empty file" in by_name["empty.txt"]["error"]["message"]
    assert "NUL bytes" in by_name["binary.txt"]["error"]["message"]


def test_read_folder_pattern_and_recursion(folder: Path) -> None:
    sub = folder / "2025"
    sub.mkdir()
    (sub / "gaza.txt").write_text("Egypt hosted talks on a Gaza truce.", encoding="utf-8")
    flat = read_folder(folder, pattern="*.md").compute(scheduler="sync")
    assert [p.name for p in flat] == ["notes.md"]
    deep = read_folder(folder, recursive=True).compute(scheduler="sync")
    assert "gaza.txt" in [p.name for p in deep]
    assert "gaza.txt" not in [p.name for p in read_folder(folder).compute(scheduler="sync")]


def test_results_output_and_jsonl_recipe(folder: Path, tmp_path: Path) -> None:
    results = parse_bag(read_folder(folder), output="results").compute(scheduler="threads")
    assert all(isinstance(r, BatchResult) for r in results)
    assert sum(r.ok for r in results) == len(ARTICLES)
    out = tmp_path / "out"
    parse_bag(read_folder(folder)).map(json.dumps).to_textfiles(str(out / "part-*.jsonl"))
    lines = [line for f in sorted(out.glob("part-*.jsonl")) for line in f.read_text().splitlines()]
    back = [json.loads(line) for line in lines]
    assert len(back) == len(ARTICLES) + 2
    ok = [from_dict(r["article"], Article) for r in back if r["error"] is None]
    assert sorted(a.text for a in ok) == sorted(ARTICLES.values())


def test_pipeline_names_travel_to_workers() -> None:
    bag = db.from_sequence(list(ARTICLES.values()), npartitions=2)
    with dask.config.set({"multiprocessing.context": "spawn"}):
        records = parse_bag(bag, pipeline=["text"]).compute(**_processes())
    assert all(r["error"] is None and r["article"]["statements"] == [] for r in records)


def test_bad_arguments() -> None:
    with pytest.raises(InputError, match=r"expects a dask\.bag\.Bag"):
        parse_bag(list(ARTICLES.values()))  # type: ignore[arg-type]
    with pytest.raises(InputError, match="output must be"):
        parse_bag(db.from_sequence(["x"]), output="json")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="not an ISO 8601 date"):
        parse_bag(db.from_sequence(["x"]), published="soon")
    with pytest.raises(InputError, match="not a folder"):
        read_folder("/no/such/folder")


def test_empty_folder_gives_an_empty_bag(tmp_path: Path) -> None:
    assert parse_bag(read_folder(tmp_path)).compute(scheduler="sync") == []
