"""The analysed document: an article's structure computed once and read by every stage.

[`AnalysedDocument`][conflictmodel.analysis.AnalysedDocument] holds the paragraphs and
sentences the ``text`` stage found, the tokens of every paragraph (never crossing a paragraph),
the text folded to lower case with the same offsets, and indexes from a character offset to
its sentence and token.  A stage reads it from
[`ParseContext.doc`][conflictmodel.context.ParseContext.doc] instead of tokenising or scanning
the text again.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cached_property

from conflictmodel.analysis.lexicon import fold_case
from conflictmodel.analysis.tokens import Token, tokenize
from conflictmodel.model.span import Span

__all__ = ["AnalysedDocument"]


class AnalysedDocument:
    """Paragraphs, sentences and tokens of one article, with offset indexes.

    Everything is computed on first use and kept: a stage that never asks for tokens does not
    pay for them.

    Example:
        >>> from conflictmodel.parsers.text import split_paragraphs, split_sentences
        >>> text = "Gen. Smith spoke.\\nKyiv said no. Talks end."
        >>> paras = split_paragraphs(text)
        >>> doc = AnalysedDocument(text, paras, split_sentences(text, paras))
        >>> [t.low for t in doc.sentence_tokens(1)]
        ['kyiv', 'said', 'no', '.']
        >>> doc.sentence_index(text.index("Talks")), doc.token_at(text.index("said")).low
        (2, 'said')
        >>> doc.folded[18:22]
        'kyiv'
    """

    def __init__(self, text: str, paragraphs: Sequence[Span], sentences: Sequence[Span]) -> None:
        self.text = text
        self.paragraphs: tuple[Span, ...] = tuple(paragraphs)
        self.sentences: tuple[Span, ...] = tuple(sentences)
        self._sentence_starts = [s.start for s in self.sentences]

    @cached_property
    def folded(self) -> str:
        """The text in lower case, offset for offset (see `fold_case`)."""
        return fold_case(self.text)

    @cached_property
    def tokens(self) -> list[Token]:
        """Every token, in text order; tokens never cross a paragraph boundary."""
        out: list[Token] = []
        for p in self.paragraphs or (Span(start=0, end=len(self.text)),):
            out.extend(tokenize(self.text, p.start, p.end))
        return out

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indexes ``(lo, hi)`` of the tokens that start inside ``[start, end)``."""
        starts = self._token_starts
        return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens that start inside ``[start, end)``."""
        lo, hi = self.token_range(start, end)
        return self.tokens[lo:hi]

    def sentence_tokens(self, index: int) -> list[Token]:
        """The tokens of sentence number ``index``."""
        s = self.sentences[index]
        return self.tokens_in(s.start, s.end)

    def token_at(self, offset: int) -> Token | None:
        """The token covering character ``offset``, or None (whitespace, or outside the text)."""
        i = bisect.bisect_right(self._token_starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def sentence_index(self, offset: int) -> int | None:
        """The number of the sentence containing character ``offset``, or None."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(
            self.sentences[i].end, self.sentences[i].start + 1
        ):
            return i
        return None
