"""Follow one peace plan through several articles and print its history.

Four short reports (written for this example) mention the same US plan for Ukraine: it is
presented, studied, rejected by one side and accepted by the other.  Each article is parsed on
its own; the corpus resolves the four proposals into one plan and dates every status change
and every party's stance, with the article and span it comes from.

Run: python examples/plan_history.py
"""

from __future__ import annotations

import datetime as dt

from conflictmodel import parse_article
from conflictmodel.corpus import Corpus

ARTICLES = [
    (
        "2025-11-20",
        "Washington presented a 28-point peace plan to Kyiv on Thursday. The plan would freeze "
        "the front line and cap Ukraine's army at 600,000 troops. Under the plan, Russia would "
        "receive gradual sanctions relief.",
    ),
    (
        "2025-11-23",
        "Ukraine said it was studying the 28-point plan drafted by the United States. Under the "
        "28-point plan, European troops would not be deployed in Ukraine.",
    ),
    (
        "2025-11-26",
        "Russia rejected the 28-point plan proposed by the United States, saying it ignored "
        "the causes of the war.",
    ),
    (
        "2025-12-02",
        "Ukraine accepted the 28-point plan of the United States after talks in Geneva, "
        "officials said.",
    ),
]


def main() -> None:
    corpus = Corpus(
        (f"report-{i + 1}", parse_article(text, published=dt.date.fromisoformat(day)))
        for i, (day, text) in enumerate(ARTICLES)
    )
    plans = corpus.plans(kind="frontline_freeze")
    assert len(plans) == 1, [p.id for p in plans]
    plan = plans[0]
    print(f"{plan.name} proposed by {plan.proposer.name if plan.proposer else '?'}")
    print("provisions:", ", ".join(sorted(k.value for k in plan.kinds)))
    print("articles:", ", ".join(corpus.source(k) or k for k in plan.articles))
    print("history:")
    for event in corpus.proposal_history(plan):
        where = f"{corpus.source(event.article)} {event.span.start}-{event.span.end}"
        print(f"  {event.summary}  [{where}]")
    print("status now:", plan.status.value)
    assert len(plan.articles) == len(ARTICLES)


if __name__ == "__main__":
    main()
