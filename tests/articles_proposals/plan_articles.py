"""Articles written for the plan-tracking tests (corpus, store, CLI): one plan for Sudan
reported three times, one South Caucasus deal, as (publication date, text) pairs."""

from __future__ import annotations

ARTICLES = [
    (
        "2025-05-02",
        "Egypt proposed a plan for a 90-day truce in Sudan on Friday. The plan would open "
        "humanitarian corridors to El Fasher.",
    ),
    ("2025-05-10", "The RSF rejected the Egyptian plan for a truce in Sudan, a spokesman said."),
    (
        "2025-05-20",
        "Sudan's army accepted the Egyptian plan for a 90-day truce after talks in Cairo.",
    ),
    (
        "2025-08-08",
        "Armenia and Azerbaijan initialled the Washington peace agreement at the White House on "
        "Friday. The agreement would open a transit route through Syunik.",
    ),
]
