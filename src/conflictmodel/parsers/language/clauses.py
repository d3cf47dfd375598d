"""Text units the stages share: bounded windows of long sentences, clauses, headlines."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

from conflictmodel.context import ParseContext
from conflictmodel.model.span import Span
from conflictmodel.parsers.language.gate import text_cache
from conflictmodel.parsers.language.words import (
    _CLAUSE_BREAK,
    _HEADLINE_SMALL,
    _LEAD_SUBORDINATE,
)

__all__ = [
    "c_next",
    "clause_at",
    "clause_end",
    "clause_spans",
    "is_lead_frame",
    "looks_like_headline",
    "overlaps_any",
    "sentence_windows",
    "text_units",
    "trimmed_span",
]

# Sentences longer than this (no punctuation at all) are cut into windows so every pattern runs
# on bounded text.
_WINDOW = 4000
# At most this many triggers or cues of one kind are examined per window.
_MAX_PER_WINDOW = 40


def sentence_windows(span: Span, text: str) -> list[Span]:
    """Cut a very long span into bounded windows at whitespace."""
    if len(span) <= _WINDOW:
        return [span]
    out: list[Span] = []
    start = span.start
    while start < span.end:
        end = min(span.end, start + _WINDOW)
        if end < span.end:
            cut = text.rfind(" ", start + _WINDOW // 2, end)
            if cut > start:
                end = cut
        out.append(Span(start=start, end=end))
        start = end
    return out


def clause_spans(text: str, sent: Span) -> list[Span]:
    """Clause spans of a sentence (absolute offsets)."""
    memo = text_cache(text).memo
    key = ("clauses", sent.start, sent.end)
    found: list[Span] | None = memo.get(key)
    if found is None:
        found = memo[key] = _split_clauses(text, sent)
    return list(found)


def _split_clauses(text: str, sent: Span) -> list[Span]:
    seg = text[sent.start : sent.end]
    cuts = [0]
    lead = _LEAD_SUBORDINATE.match(seg)
    if lead:
        cuts.append(lead.end())
    cuts.extend(m.end() for m in _CLAUSE_BREAK.finditer(seg))
    cuts.append(len(seg))
    cuts = sorted(set(cuts))
    out: list[Span] = []
    for a, b in itertools.pairwise(cuts):
        if b > a and seg[a:b].strip():
            out.append(Span(start=sent.start + a, end=sent.start + b))
    return out or [sent]


def clause_at(clauses: Sequence[Span], offset: int) -> Span:
    for c in clauses:
        if c.start <= offset < c.end:
            return c
    return clauses[-1]


def clause_end(text: str, start: int, limit: int) -> int:
    """Where the clause that starts at ``start`` ends (before ``limit``)."""
    seg = text[start:limit]
    m = re.search(r"[;,:()]|\s[—–]\s|—|\s--\s|[.!?](?:\s|$)", seg)
    return start + (m.start() if m else len(seg))


def overlaps_any(span: Span, spans: Iterable[Span]) -> bool:
    return any(span.overlaps(s) for s in spans)


def looks_like_headline(seg: str) -> bool:
    if seg.rstrip().endswith("."):
        # Checked first: most sentences end so, and no headline does.
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", seg)
    if len(words) < 3:
        return False
    content = [w for w in words if w.lower() not in _HEADLINE_SMALL]
    caps = sum(1 for w in content if w[0].isupper())
    return bool(content) and caps / len(content) >= 0.7


def is_lead_frame(text: str, clause: Span, sent: Span) -> bool:
    """The clause opens the sentence as "Under the X," / "As part of the X,"."""
    seg = text[clause.start : clause.end]
    return (
        clause.start == sent.start
        and bool(
            re.match(
                r"\W{0,3}(?:under|in\s+line\s+with|according\s+to|as\s+part\s+of|in|with)\b",
                seg,
                re.I,
            )
        )
        and seg.rstrip().endswith(",")
    )


def c_next(clauses: Sequence[Span], clause: Span) -> Span | None:
    """The clause after ``clause``, or None.

    Example:
        >>> c_next([Span(start=0, end=3), Span(start=3, end=9)], Span(start=0, end=3))
        Span(start=3, end=9)
    """
    for c in clauses:
        if c.start >= clause.end:
            return c
    return None


def trimmed_span(text: str, span: Span) -> Span:
    """``span`` without surrounding white space and trailing commas."""
    seg = text[span.start : span.end]
    lead = len(seg) - len(seg.lstrip())
    body = seg.strip().rstrip(",;:—– ").rstrip()
    return Span(start=span.start + lead, end=span.start + lead + len(body))


def text_units(ctx: ParseContext) -> list[Span]:
    """Sentences, else paragraphs, else the whole text."""
    if ctx.sentences:
        return list(ctx.sentences)
    if ctx.paragraphs:
        return list(ctx.paragraphs)
    return [Span(start=0, end=len(ctx.text))]
