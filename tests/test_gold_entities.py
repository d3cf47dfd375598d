"""Acceptance: the entities of the hand-annotated seeds (../shared/gold/seeds.jsonl).

Every person (by surname), state (by country code), organisation and outlet (by name or alias)
and territory (by ISO code) of the gold must be found; titles, countries and aliases are
compared too.  Per-article recall is printed (``pytest -s``) so regressions are easy to place.
"""

from __future__ import annotations

from typing import Any

import pytest

from conflictmodel import Actor, Article, parse_article
from conflictmodel.gazetteer import fold


def _surfaces(art: Article, actor: Actor) -> set[str]:
    """Names, aliases and everything the text calls the actor (descriptors too)."""
    out = {fold(n) for n in actor.names}
    out |= {fold(m.of(art.text)) for m in actor.mentions}
    return out


def _find(art: Article, gold: dict[str, Any]) -> Actor | None:
    kind = gold["kind"]
    for a in art.actors:
        if kind == "person":
            surname = fold(gold["name"]).split()[-1]
            if a.kind.value == "person" and any(surname in n.split() for n in _surfaces(art, a)):
                return a
        elif kind == "state":
            if a.kind.value == "state" and a.country == gold["country"]:
                return a
        elif a.kind.value != "person" and fold(gold["name"]) in _surfaces(art, a):
            return a
    return None


def _alias_seen(art: Article, actor: Actor, alias: str) -> bool:
    # A gold alias that is the person's own surname is implied by the name.
    return fold(alias) in _surfaces(art, actor) or fold(alias) == fold(actor.name).split()[-1]


@pytest.fixture(scope="module")
def parsed(gold_records: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Article]]:
    return [
        (rec, parse_article(str(rec["text"]), published=rec.get("published")))
        for rec in gold_records
    ]


def test_gold_entities(parsed: list[tuple[dict[str, Any], Article]]) -> None:
    missing: list[str] = []
    wrong: list[str] = []
    totals = {"entities": 0, "found": 0, "titles": 0, "titles_ok": 0, "aliases": 0, "aliases_ok": 0}
    for rec, art in parsed:
        found = 0
        for g in rec["actors"]:
            totals["entities"] += 1
            actor = _find(art, g)
            if actor is None:
                missing.append(f"{rec['id']}: {g['kind']} {g['name']}")
                continue
            found += 1
            totals["found"] += 1
            if g.get("country") and actor.country != g["country"]:
                wrong.append(f"{rec['id']}: {g['name']} country {actor.country} != {g['country']}")
            if g.get("title"):
                totals["titles"] += 1
                if fold(g["title"]) in {fold(r.title) for r in actor.roles}:
                    totals["titles_ok"] += 1
                else:
                    wrong.append(f"{rec['id']}: {g['name']} title {[r.title for r in actor.roles]}")
            for alias in g.get("aliases", ()):
                totals["aliases"] += 1
                if _alias_seen(art, actor, alias):
                    totals["aliases_ok"] += 1
                else:
                    wrong.append(f"{rec['id']}: {g['name']} alias {alias!r} not seen")
        codes = {t.code for t in art.territories if t.code}
        gold_codes = {t["iso"] for t in rec["territories"] if t.get("iso")}
        totals["entities"] += len(gold_codes)
        totals["found"] += len(gold_codes & codes)
        missing += [f"{rec['id']}: territory {c}" for c in sorted(gold_codes - codes)]
        print(
            f"{rec['id']}: actors {found}/{len(rec['actors'])}, "
            f"territories {len(gold_codes & codes)}/{len(gold_codes)}, "
            f"extra territory codes {sorted(codes - gold_codes)}"
        )
    print("totals", totals)
    print("\n".join(wrong))
    assert not missing, missing
    assert totals["titles_ok"] >= 0.9 * totals["titles"], wrong
    assert totals["aliases_ok"] >= 0.85 * totals["aliases"], wrong
    assert not [w for w in wrong if "country" in w], wrong


def test_gold_territory_precision(parsed: list[tuple[dict[str, Any], Article]]) -> None:
    predicted = 0
    correct = 0
    for rec, art in parsed:
        codes = {t.code for t in art.territories if t.code}
        gold_codes = {t["iso"] for t in rec["territories"] if t.get("iso")}
        predicted += len(codes)
        correct += len(codes & gold_codes)
    assert predicted > 0
    assert correct / predicted >= 0.8


def test_gold_speakers_resolve_to_actors(parsed: list[tuple[dict[str, Any], Article]]) -> None:
    """Every named gold speaker is an actor of its article (the statements stage needs them)."""
    for rec, art in parsed:
        for q in rec["quotes"]:
            if q.get("anonymous"):
                continue
            surname = fold(q["speaker"]).split()[-1]
            assert any(surname in n.split() for a in art.actors for n in _surfaces(art, a)), (
                rec["id"],
                q["speaker"],
            )
