"""Shared test configuration.

Hypothesis runs with the ``ci`` profile unless HYPOTHESIS_PROFILE says otherwise: derandomized
with a fixed example budget, so a green suite stays green on every machine.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# ../shared sits beside the checkout in CI and on developers' machines.
GOLD = ROOT.parent / "shared" / "gold" / "seeds.jsonl"


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The demo corpus shipped in seeds/, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def gold_records() -> list[dict[str, object]]:
    """Hand annotations of the seeds (../shared/gold/seeds.jsonl)."""
    import json

    if not GOLD.exists():
        pytest.fail(f"gold annotations not found at {GOLD}; ../shared must sit beside the checkout")
    return [
        json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
