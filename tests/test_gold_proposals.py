"""Acceptance: every gold proposal of the seeds is found with its provision kinds, proposer and
status; positions and claims carry spans that index the text.

The gold is a reader's judgement in its own words (see ../shared/gold/README.md), so it is mapped
onto the model here:

* status: the gold writes statuses in plain words; they map onto
  [`ProposalStatus`][conflictmodel.ProposalStatus] as in ``STATUS`` below ("under consideration"
  → ``under_consideration``, "presented" → ``presented``, "demanded"/"sought" → ``demanded``,
  "agreed" → ``accepted``, "in force" → ``signed``, "broken"/"collapsed" → ``ended``).
* proposer: the gold names the proposer ("United States", "Russia"); a predicted proposer
  matches when the name is its canonical name or one of its aliases, or names the country of a
  state actor.
* provisions: every gold provision kind must be among the predicted proposal's kinds.
* which proposal: the predicted proposal must overlap the place of the gold ``in_text`` in the
  article, or have the gold proposer and provisions (a repeated mention merged into another).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pycountry
import pytest

from conflictmodel import Article, parse_article
from conflictmodel.proposals import Proposal, ProposalStatus

STATUS: dict[str, ProposalStatus] = {
    "proposed": ProposalStatus.PROPOSED,
    "offered": ProposalStatus.PROPOSED,
    "floated": ProposalStatus.PROPOSED,
    "presented": ProposalStatus.PRESENTED,
    "under consideration": ProposalStatus.UNDER_CONSIDERATION,
    "considered": ProposalStatus.UNDER_CONSIDERATION,
    "under negotiation": ProposalStatus.UNDER_CONSIDERATION,
    "demanded": ProposalStatus.DEMANDED,
    "sought": ProposalStatus.DEMANDED,
    "rejected": ProposalStatus.REJECTED,
    "accepted": ProposalStatus.ACCEPTED,
    "agreed": ProposalStatus.ACCEPTED,
    "signed": ProposalStatus.SIGNED,
    "in force": ProposalStatus.SIGNED,
    "ended": ProposalStatus.ENDED,
    "broken": ProposalStatus.ENDED,
    "collapsed": ProposalStatus.ENDED,
}


def _parse(record: dict[str, Any]) -> Article:
    pub = record.get("published")
    return parse_article(
        str(record["text"]), published=dt.date.fromisoformat(pub) if isinstance(pub, str) else None
    )


def _proposer_matches(gold_name: str, prop: Proposal) -> bool:
    actor = prop.proposer
    if actor is None:
        return False
    folded = gold_name.casefold()
    if any(n.casefold() == folded for n in actor.names):
        return True
    if actor.country:
        country = pycountry.countries.get(alpha_2=actor.country)
        names = {getattr(country, a, "") for a in ("name", "common_name", "official_name")}
        return folded in {n.casefold() for n in names if n}
    return False


def _gold_proposals(
    gold_records: list[dict[str, Any]],
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(rec, g) for rec in gold_records for g in rec.get("proposals") or []]


def test_gold_has_proposals(gold_records: list[dict[str, Any]]) -> None:
    assert len(_gold_proposals(gold_records)) >= 4


def test_every_status_word_is_mapped(gold_records: list[dict[str, Any]]) -> None:
    for _, g in _gold_proposals(gold_records):
        assert str(g["status"]).lower() in STATUS, g["status"]


def test_every_gold_proposal_is_found(gold_records: list[dict[str, Any]]) -> None:
    missing: list[str] = []
    for rec, g in _gold_proposals(gold_records):
        art = _parse(rec)
        text = art.text
        at = text.find(str(g["in_text"]))
        want_kinds = set(g["provisions"])
        want_status = STATUS[str(g["status"]).lower()]
        found = False
        for p in art.proposals:
            here = at >= 0 and p.span.start < at + len(g["in_text"]) and at < p.span.end
            kinds = {k.value for k in p.provision_kinds}
            same = _proposer_matches(str(g["proposer"]), p) and want_kinds <= kinds
            if (here or same) and same and p.status is want_status:
                found = True
                break
        if not found:
            got = [
                (
                    p.proposer.name if p.proposer else None,
                    p.status.value,
                    sorted(k.value for k in p.provision_kinds),
                )
                for p in art.proposals
            ]
            missing.append(f"{rec['id']}: {g['summary']!r} not in {got}")
    assert not missing, "\n".join(missing)


def test_no_proposals_where_the_gold_has_none(gold_records: list[dict[str, Any]]) -> None:
    for rec in gold_records:
        if not rec.get("proposals"):
            assert list(_parse(rec).proposals) == [], rec["id"]


@pytest.mark.parametrize("what", ["proposals", "positions", "claims"])
def test_spans_index_the_text(gold_records: list[dict[str, Any]], what: str) -> None:
    seen = 0
    for rec in gold_records:
        art = _parse(rec)
        for obj in getattr(art, what):
            seen += 1
            assert art.text[obj.span.start : obj.span.end] == obj.text
            if what == "proposals":
                for v in obj.provisions:
                    assert art.text[v.span.start : v.span.end] == v.text
            if what == "positions" and obj.proposal_id is not None:
                assert obj.proposal_id in {p.id for p in art.proposals}
    assert seen > 0
