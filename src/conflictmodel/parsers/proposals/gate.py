"""Moved to [`conflictmodel.parsers.language.gate`][conflictmodel.parsers.language.gate], the language toolkit the stages share; this path keeps
working for code that imports from it."""

from __future__ import annotations

from conflictmodel.parsers.language.gate import PatternGate as PatternGate
from conflictmodel.parsers.language.gate import TextCache as TextCache
from conflictmodel.parsers.language.gate import literal_hints as literal_hints
from conflictmodel.parsers.language.gate import text_cache as text_cache

__all__ = ["PatternGate", "TextCache", "literal_hints", "text_cache"]
