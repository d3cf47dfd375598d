"""Plans resolved across articles, with a dated history of statuses and stances."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictmodel import parse_article
from conflictmodel.corpus import Corpus, Plan
from conflictmodel.errors import InputError


def corpus_of(*items: tuple[str, str]) -> Corpus:
    return Corpus(
        (f"a{i}", parse_article(text, published=dt.date.fromisoformat(day)))
        for i, (day, text) in enumerate(items)
    )


SUDAN = (
    ("2025-05-06", "Saudi Arabia and the United States proposed the Jeddah Declaration for a "
     "truce in Sudan and humanitarian access to Darfur."),
    ("2025-05-20", "The army said it was studying the Jeddah Declaration."),
    ("2025-06-02", "The RSF rejected the Jeddah Declaration on Monday."),
)  # fmt: skip


def test_named_plan_is_one_plan_with_dated_history() -> None:
    corpus = corpus_of(*SUDAN)
    plans = [p for p in corpus.plans() if p.name == "jeddah declaration"]
    assert len(plans) == 1
    plan = plans[0]
    assert len(plan.articles) == 3
    dates = [e.date for e in plan.history]
    assert all(d is not None for d in dates)
    assert dates == sorted(d for d in dates if d is not None)
    statuses = [e.status.value for e in plan.status_changes() if e.status]
    assert statuses[0] == "proposed"
    assert statuses[-1] == "rejected"
    assert plan.status.value == "rejected"
    rsf = plan.stances("RSF")
    assert rsf
    assert rsf[-1].stance is not None
    assert rsf[-1].stance.value == "opposes"
    for e in plan.history:
        text = corpus.article(e.article).text
        assert text[e.span.start : e.span.end] == e.text
        assert e.provenance.article == e.article
        assert e.dated_by in ("text", "published")


def test_proposal_history_by_name_and_actor() -> None:
    corpus = corpus_of(*SUDAN)
    history = corpus.proposal_history("Jeddah Declaration")
    assert corpus.source(history[0].article) == "a0"
    only_rsf = corpus.proposal_history("jeddah declaration", actor="RSF")
    assert only_rsf
    assert all(e.kind == "stance" for e in only_rsf)
    with pytest.raises(InputError):
        corpus.proposal_history("Doha Agreement")


def test_same_proposer_and_terms_join_without_a_name() -> None:
    corpus = corpus_of(
        ("2024-03-01", "Qatar proposed a 60-day truce in Gaza and the release of hostages."),
        ("2024-03-15", "Israel rejected Qatar's proposal for a truce in Gaza and a hostage release."),
    )  # fmt: skip
    plans = corpus.plans(kind="ceasefire")
    assert len(plans) == 1
    assert plans[0].proposer is not None
    assert plans[0].proposer.name == "Qatar"
    assert [e.status.value for e in plans[0].status_changes() if e.status] == [
        "proposed",
        "rejected",
    ]


def test_different_proposers_stay_apart() -> None:
    corpus = corpus_of(
        ("2024-10-01", "Armenia proposed a peace treaty with Azerbaijan on mutual recognition "
         "of borders."),
        ("2024-10-05", "Azerbaijan proposed a peace treaty with Armenia on mutual recognition "
         "of borders."),
    )  # fmt: skip
    plans = corpus.plans(kind="territorial_recognition")
    assert len(plans) == 2


def test_time_window_splits_old_and_new_plans() -> None:
    items = (
        ("2019-01-10", "Colombia proposed a ceasefire with the ELN and a prisoner exchange."),
        ("2024-06-10", "Colombia proposed a ceasefire with the ELN and a prisoner exchange."
         " Officials said talks would resume."),
    )  # fmt: skip
    assert len(corpus_of(*items).plans(kind="ceasefire")) == 2
    assert len(corpus_of(*items).plans(kind="ceasefire", window_days=4000)) == 1


def test_filters_and_plan_of() -> None:
    corpus = corpus_of(
        *SUDAN,
        (
            "2025-07-01",
            "Myanmar's junta proposed elections and an amnesty to Arakan Army fighters.",
        ),
    )
    assert all(isinstance(p, Plan) for p in corpus.plans())
    assert corpus.plans(kind="amnesty")
    assert all("amnesty" in {k.value for k in p.kinds} for p in corpus.plans(kind="amnesty"))
    jeddah = corpus.plans(actor="RSF")
    assert jeddah
    assert jeddah[0].name == "jeddah declaration"
    rec = jeddah[0].proposals[1]
    assert corpus.plan_of(rec) == jeddah[0]
    assert corpus.plan_of(rec.proposal.id, key=rec.article) == jeddah[0]
    with pytest.raises(InputError):
        corpus.plans(window_days=-1)
    with pytest.raises(InputError):
        corpus.plans(kind="not-a-kind")


def test_adding_an_article_updates_plans() -> None:
    corpus = corpus_of(*SUDAN[:2])
    before = next(p for p in corpus.plans() if p.name == "jeddah declaration")
    corpus.add(parse_article(SUDAN[2][1], published=dt.date(2025, 6, 2)), source="late")
    after = next(p for p in corpus.plans() if p.name == "jeddah declaration")
    assert len(after.articles) == len(before.articles) + 1
