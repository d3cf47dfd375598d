"""Territories at issue on small articles written for this project (``tests/data/
territories_heldout*.jsonl``: Kashmir, Western Sahara, Armenia-Azerbaijan, Ukraine, Abyei, the
Golan, Cyprus, Taiwan, Kosovo, Transnistria, Georgia, Essequibo, Gaza, Tigray, Somaliland, Kurils,
Kirkuk, Libya, Congo, Yemen, Myanmar, the Koreas, Lebanon, Sudan, Colombia, Bosnia, the Durand
Line, Arunachal, Gagauzia, Mali, Idlib, Puntland ...).  Sets 1 and 2 were written and annotated
before the rules they check were changed.  Each article lists the territories a reader sees at
issue (ISO code, or none) and the states, venues and datelines that are not.  The grammar must
reach them without knowing them: a territory is at issue by the frame that governs it, never by
its name."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from conflictmodel import Article, parse_article

DATA = Path(__file__).parent / "data"
FILES = ("territories_heldout.jsonl", "territories_heldout2.jsonl", "territories_heldout3.jsonl")
# Set 3 was written after the frames were revised and measured once as it stood (territory
# R/P 0.44/0.80): it counts in the aggregate, and its per-article calls are not pinned.
PINNED = ("territories_heldout.jsonl", "territories_heldout2.jsonl")


def _records(files: tuple[str, ...] = FILES) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in files:
        with open(DATA / name, encoding="utf-8") as f:
            out.extend(json.loads(line) for line in f if line.strip())
    return out


RECORDS = _records()


@cache
def _parsed(rid: str) -> Article:
    rec = next(r for r in RECORDS if r["id"] == rid)
    return parse_article(rec["text"])


def _codes(art: Article) -> set[str]:
    return {t.code for t in art.territories if t.code}


def test_records_are_annotated_on_their_own_text() -> None:
    assert len(RECORDS) >= 50
    for rec in RECORDS:
        for terr in rec["territories"]:
            assert terr["in_text"] in rec["text"], (rec["id"], terr)
        gold = {t["iso"] for t in rec["territories"] if t["iso"]}
        assert not gold & set(rec["not_at_issue"]), rec["id"]


def test_territories_at_issue_generalise() -> None:
    tp = fp = fn = 0
    for rec in RECORDS:
        gold = {t["iso"] for t in rec["territories"] if t["iso"]}
        got = _codes(_parsed(rec["id"]))
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
    recall, precision = tp / (tp + fn), tp / (tp + fp)
    assert recall >= 0.75, (recall, precision)
    assert precision >= 0.8, (recall, precision)


@pytest.mark.parametrize("rid", [r["id"] for r in _records(PINNED)])
def test_actors_venues_and_datelines_are_not_at_issue(rid: str) -> None:
    rec = next(r for r in RECORDS if r["id"] == rid)
    art = _parsed(rid)
    assert not _codes(art) & set(rec["not_at_issue"])
    # Nothing is lost: every location is a territory at issue or a place, never both.
    assert not {t.id for t in art.territories} & {p.id for p in art.places}
