"""Hypothesis strategies that build valid conflictmodel objects, for property tests.

Every strategy builds objects that pass the model's validators, so a test can start from any
of them.  [`articles`][conflictmodel.strategies.articles] builds consistent Articles: the text is
drawn first and every span (and every evidence string) is taken from it; statements,
proposals, positions and claims refer to the Article's own actors and territories, and
positions to its proposals.  Generated sizes are kept small so tests stay fast.

The module needs Hypothesis, an optional dependency: ``pip install 'conflictmodel[strategies]'``.

Strategies for one object accept ``text`` (spans and evidence are drawn from it) or ``max_end``
(spans end at most there; evidence strings are drawn freely), and those that refer to actors or
territories accept pools to pick them from (``actors=``, ``territories=``).

Example:
    >>> from hypothesis import given, settings
    >>> from conflictmodel import Article, from_json, to_json
    >>> @settings(max_examples=10)
    ... @given(articles())
    ... def test_round_trip(article):
    ...     assert from_json(to_json(article), Article) == article
    >>> test_round_trip()
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "conflictmodel.strategies needs Hypothesis, an optional dependency; "
        "install it with: pip install 'conflictmodel[strategies]'"
    ) from exc

# The strategies live in two private modules (values, then objects) so that neither grows
# past a readable size; this module is their public face.
from conflictmodel.strategies._objects import (
    actors,
    articles,
    claims,
    conditions,
    events,
    places,
    positions,
    proposals,
    provisions,
    statements,
    territories,
)
from conflictmodel.strategies._primitives import (
    article_texts,
    country_codes,
    dates,
    roles,
    spans,
    territory_codes,
    text_dates,
)

__all__ = [
    "actors",
    "article_texts",
    "articles",
    "claims",
    "conditions",
    "country_codes",
    "dates",
    "events",
    "places",
    "positions",
    "proposals",
    "provisions",
    "roles",
    "spans",
    "statements",
    "territories",
    "territory_codes",
    "text_dates",
]
