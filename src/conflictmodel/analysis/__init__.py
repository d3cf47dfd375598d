"""The analysed document and the indexes every stage shares.

Stages read text structure and look objects up through these instead of re-scanning the text or
every object once per sentence, which keeps a parse linear in the length of the article.
"""

from conflictmodel.analysis.document import AnalysedDocument
from conflictmodel.analysis.lexicon import PhraseMatcher, fold_case
from conflictmodel.analysis.spanindex import SpanIndex
from conflictmodel.analysis.tokens import Token, tokenize

__all__ = ["AnalysedDocument", "PhraseMatcher", "SpanIndex", "Token", "fold_case", "tokenize"]
