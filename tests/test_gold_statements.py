"""Statements on the seed articles against the hand annotations in ../shared/gold.

Matching follows ``shared/tools/score_gold.py``: contents are compared after lower-casing and
dropping punctuation and quotation marks (equal, or one containing the other and covering 60% of
it; partial quotes may be shorter); a speaker matches on the surname or any alias, an anonymous
source on its head noun (official, diplomat, analyst, ...).  A reported statement is found when
60% of the words of its gold gist are in a statement of the right speaker.

Thresholds: every gold quote found with the right speaker, at least 85% of the reported
statements, and at least 80% of the predicted quotes matching a gold quote.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest

from conflictmodel import parse_article
from conflictmodel.statements import Statement, StatementKind

_QUOTES = "\"'“”„‟«»‹›‘’‚‛`"
_ANON_HEADS = frozenset(
    [
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "analyst",
        "analysts",
        "source",
        "sources",
        "insider",
        "insiders",
        "aide",
        "person",
        "people",
        "expert",
        "experts",
        "adviser",
        "advisor",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "negotiator",
        "minister",
        "envoy",
        "commander",
        "resident",
        "witness",
    ]
)


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = s.translate({ord(c): " " for c in _QUOTES})
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def _toks(s: str) -> set[str]:
    return set(_norm(s).split())


def _overlaps(gold: str, pred: str, short_ok: bool) -> bool:
    g, p = _norm(gold), _norm(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    if g in p or p in g:
        a, b = sorted((len(g), len(p)))
        return short_ok or a / b >= 0.6
    tg, tp = _toks(g), _toks(p)
    return len(tg & tp) / max(1, len(tg | tp)) >= 0.6


def _speaker_ok(gold: dict[str, Any], stmt: Statement) -> bool:
    sp = stmt.speaker
    if sp is None:
        return False
    names = [n for n in (sp.name, *sp.aliases, sp.description or "") if n]
    if gold.get("anonymous"):
        heads = _toks(gold["speaker"]) & _ANON_HEADS
        return any(heads & _toks(n) for n in names)
    words = [w for w in _norm(gold["speaker"]).split() if len(w) >= 3]
    surname = words[-1] if words else _norm(gold["speaker"])
    return any(surname in _toks(n) or _norm(n) == _norm(gold["speaker"]) for n in names)


def _score(record: dict[str, Any]) -> dict[str, int]:
    art = parse_article(record["text"], published=record.get("published"))
    quotes = [s for s in art.statements if s.kind is not StatementKind.REPORTED]
    out = {
        "gold_q": 0,
        "found_q": 0,
        "right_q": 0,
        "pred_q": len(quotes),
        "pred_ok": 0,
        "gold_r": 0,
        "found_r": 0,
    }
    used: set[int] = set()
    for g in record.get("quotes", []):
        out["gold_q"] += 1
        direct = g.get("kind", "direct") == "direct"
        hit = None
        for i, p in enumerate(quotes):
            if _overlaps(g["content"], p.content, short_ok=not direct):
                hit = i
                if _speaker_ok(g, p):
                    break
        if hit is None:
            print(f"  missed quote «{g['content'][:60]}» ({g['speaker']})")
            continue
        used.add(hit)
        out["found_q"] += 1
        if _speaker_ok(g, quotes[hit]):
            out["right_q"] += 1
        else:
            print(f"  wrong speaker for «{g['content'][:40]}»: {quotes[hit].speaker}")
    gold_contents = [g["content"] for g in record.get("quotes", [])]
    out["pred_ok"] = sum(
        1
        for i, p in enumerate(quotes)
        if i in used or any(_overlaps(g, p.content, short_ok=True) for g in gold_contents)
    )
    for r in record.get("reported", []):
        out["gold_r"] += 1
        gist = _toks(r["gist"])
        ok = any(
            len(gist & _toks(p.content)) / max(1, len(gist)) >= 0.6 and _speaker_ok(r, p)
            for p in art.statements
        )
        out["found_r"] += ok
        if not ok:
            print(f"  missed reported ({r['speaker']} {r['cue']}) {r['gist'][:60]}")
    return out


@pytest.fixture(scope="module")
def scores(gold_records: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    out = {}
    for rec in gold_records:
        print(rec["id"])
        s = _score(rec)
        out[str(rec["id"])] = s
        print(
            f"  quotes: recall {s['right_q']}/{s['gold_q']} with right speaker, "
            f"precision {s['pred_ok']}/{s['pred_q']}; reported recall {s['found_r']}/{s['gold_r']}"
        )
    return out


def _total(scores: dict[str, dict[str, int]], key: str) -> int:
    return sum(s[key] for s in scores.values())


def test_gold_has_statements(scores: dict[str, dict[str, int]]) -> None:
    assert _total(scores, "gold_q") > 0
    assert _total(scores, "gold_r") > 0


def test_every_gold_quote_found_with_its_speaker(scores: dict[str, dict[str, int]]) -> None:
    assert _total(scores, "right_q") == _total(scores, "gold_q")


def test_reported_recall(scores: dict[str, dict[str, int]]) -> None:
    recall = _total(scores, "found_r") / _total(scores, "gold_r")
    print(f"reported recall {recall:.3f}")
    assert recall >= 0.85


def test_quote_precision(scores: dict[str, dict[str, int]]) -> None:
    precision = _total(scores, "pred_ok") / max(1, _total(scores, "pred_q"))
    print(f"quote precision {precision:.3f}")
    assert precision >= 0.80
