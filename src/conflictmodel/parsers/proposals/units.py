"""Moved to [`conflictmodel.parsers.language.clauses`][conflictmodel.parsers.language.clauses], the language toolkit the stages share; this path keeps
working for code that imports from it."""

from __future__ import annotations

from conflictmodel.parsers.language.clauses import c_next as c_next
from conflictmodel.parsers.language.clauses import clause_at as clause_at
from conflictmodel.parsers.language.clauses import clause_end as clause_end
from conflictmodel.parsers.language.clauses import clause_spans as clause_spans
from conflictmodel.parsers.language.clauses import is_lead_frame as is_lead_frame
from conflictmodel.parsers.language.clauses import looks_like_headline as looks_like_headline
from conflictmodel.parsers.language.clauses import overlaps_any as overlaps_any
from conflictmodel.parsers.language.clauses import sentence_windows as sentence_windows
from conflictmodel.parsers.language.clauses import text_units as text_units
from conflictmodel.parsers.language.clauses import trimmed_span as trimmed_span

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
