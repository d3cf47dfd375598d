"""Paragraphs, their tokens and the sentences the statements stage reads."""

from __future__ import annotations

import bisect
import itertools

from conflictmodel.parsers.statements.base import (
    _MAX_SENT,
    _QUOTE_CHARS,
    _SENT_END,
    _Para,
)
from conflictmodel.parsers.statements.cues import Token
from conflictmodel.parsers.statements.phrases import _Phrases


class _Layout(_Phrases):
    """Tokens, quotation membership and sentences of each paragraph."""

    def _paragraphs(self) -> list[tuple[int, int]]:
        n = len(self.text)
        if self.ctx.paragraphs:
            out: list[tuple[int, int]] = []
            last = 0
            for p in sorted(self.ctx.paragraphs):
                s, e = max(p.start, last), min(p.end, n)
                if s < e:
                    out.append((s, e))
                    last = e
            return out
        out = []
        if self.text.isspace():
            return out  # nothing to split, however many line breaks
        start = 0
        while start < n:
            nl = self.text.find("\n", start)
            end = n if nl < 0 else nl
            if self.text[start:end].strip():
                out.append((start, end))
            start = end + 1
        return out

    def _para(self, lo: int, hi: int, qa: int, qb: int) -> _Para:
        toks = self._merge_abbreviations(self.resolver.tokens(lo, hi))
        qidx = [-1] * len(toks)
        opens, ends = self.top_opens, self.top_ends
        n = len(toks)
        i = 0
        # tokens inside each top-level quote of the paragraph (quotes are disjoint, in order)
        for k in range(qa, qb):
            o, e = opens[k], ends[k]
            while i < n and toks[i].start < o:
                i += 1
            while i < n and toks[i].start < e:
                qidx[i] = k
                i += 1
        sents = self._sentences(lo, hi, toks, qidx)
        return _Para(lo, hi, toks, qidx, sents, self._headline(toks, qidx))

    def _merge_abbreviations(self, toks: list[Token]) -> list[Token]:
        """ "Mr." and "Gen." are one token, so their period ends no phrase or sentence."""
        out: list[Token] = []
        for t in toks:
            if (
                t.low == "."
                and out
                and out[-1].end == t.start
                and out[-1].word
                and (out[-1].low in self.abbrevs or (len(out[-1].low) == 1 and out[-1].cap))
            ):
                p = out.pop()
                t = Token(p.start, t.end, p.low + ".", True, p.cap)
            out.append(t)
        return out

    def _sentences(
        self, lo: int, hi: int, toks: list[Token], qidx: list[int]
    ) -> list[tuple[int, int]]:
        n = len(toks)
        if n == 0:
            return []
        first = bisect.bisect_left(self.sent_starts, lo)
        last = bisect.bisect_left(self.sent_starts, hi)
        if last - first > 1:
            cuts = self._context_cuts(toks, qidx, first, last)
        else:
            cuts = self._own_cuts(toks, qidx)
        self._quote_end_cuts(toks, qidx, cuts)
        bounds = [0, *sorted(cuts), n]
        out: list[tuple[int, int]] = []
        for a, b in itertools.pairwise(bounds):
            while b - a > _MAX_SENT:
                out.append((a, a + _MAX_SENT))
                a += _MAX_SENT
            if b > a:
                out.append((a, b))
        return out

    def _context_cuts(self, toks: list[Token], qidx: list[int], first: int, last: int) -> set[int]:
        """Sentence starts (token indexes) from the ``text`` stage's sentences ``first+1`` to
        ``last``, except inside a quotation."""
        n = len(toks)
        starts = [t.start for t in toks]
        cuts: set[int] = set()
        for s in self.ctx.sentences[first + 1 : last]:
            i = bisect.bisect_left(starts, s.start)
            if 0 < i < n and (qidx[i] < 0 or qidx[i] != qidx[i - 1]):
                cuts.add(i)
        return cuts

    def _own_cuts(self, toks: list[Token], qidx: list[int]) -> set[int]:
        """Sentence starts found here: after final punctuation outside quotations, before a
        capital, a digit or a quotation (not after an abbreviation or an initial)."""
        cuts: set[int] = set()
        for i in range(1, len(toks)):
            prev = toks[i - 1]
            if qidx[i - 1] >= 0 or prev.low not in _SENT_END:
                continue
            if qidx[i] >= 0 or toks[i].cap or toks[i].low[:1].isdigit():
                before = toks[i - 2].low if i >= 2 else ""
                if before in self.abbrevs or (len(before) == 1 and before.isalpha()):
                    continue
                cuts.add(i)
        return cuts

    def _quote_end_cuts(self, toks: list[Token], qidx: list[int], cuts: set[int]) -> None:
        """Add the cuts after a closing quote whose content ends a sentence: «…state.» The
        analyst added"""
        for i in range(1, len(toks)):
            k = qidx[i - 1]
            if k < 0 or qidx[i] == k:
                continue
            q = self.top[k]
            if q.close is None or toks[i - 1].end != self.top_ends[k]:
                continue
            final = self.text[q.start : q.end].rstrip()[-1:]
            if final in _SENT_END and (toks[i].cap or qidx[i] >= 0):
                cuts.add(i)

    def _headline(self, toks: list[Token], qidx: list[int]) -> bool:
        """A headline or a link: title case, no final punctuation (not article prose)."""
        if len(toks) > 40:
            return False
        words = [t for t in toks if t.word and len(t.low) > 3]
        if len(words) < 3:
            return False
        last = toks[-1].low
        caps = sum(1 for t in words if t.cap) / len(words)
        if last in _SENT_END and caps >= 0.8 and len(words) >= 4:
            # a title given a full stop ("Beck Says Militias Pose A Threat."): a headline
            # when it is one sentence in title case
            return not any(t.low in _SENT_END for t in toks[:-1])
        if last in _SENT_END or last in (":", ","):
            return False
        if last in _QUOTE_CHARS and len(toks) > 1 and toks[-2].low in _SENT_END:
            return False
        return caps >= 0.6
