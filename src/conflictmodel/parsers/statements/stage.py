"""The ``statements`` stage: the parser and the driver over paragraphs and sentences."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from conflictmodel.context import ParseContext
from conflictmodel.model.actors import Actor
from conflictmodel.model.span import Span
from conflictmodel.model.statements import Statement, StatementKind
from conflictmodel.parsers.quotes import find_quotes
from conflictmodel.parsers.statements._intro import _Introductions
from conflictmodel.parsers.statements.base import (
    _Attrib,
    _Cue,
    _Para,
)
from conflictmodel.parsers.statements.cues import Cues

__all__ = ["StatementParser"]


class StatementParser:
    """Finds direct quotes, partial quotes and reported speech, and their speakers.

    Args:
        extra_cues: more cues: verb forms or phrases ("opined", "made it plain"), or objects
            shaped like the entries of ``data/cues.json``
            (``{"forms": ["rebuke", "rebuked"], "complements": ["object"]}``).

    Example:
        >>> from conflictmodel import parse_article
        >>> from conflictmodel.pipeline import default_pipeline
        >>> p = default_pipeline().replace("statements", StatementParser(extra_cues=["opined"]))
        >>> art = parse_article("The mediator opined that both sides were tired.", pipeline=p)
        >>> [(s.cue, s.content) for s in art.statements]
        [('opined', 'both sides were tired')]
    """

    name = "statements"
    requires: tuple[str, ...] = ("sentences", "actors")
    # Read when an earlier stage provides them; the stage works without.
    uses: tuple[str, ...] = ("dates",)
    provides: tuple[str, ...] = ("statements",)

    def __init__(self, *, extra_cues: Iterable[str | Mapping[str, Any]] = ()) -> None:
        cues = Cues.default()
        extra = list(extra_cues)
        self.cues = cues.extend(extra) if extra else cues

    def __call__(self, ctx: ParseContext) -> None:
        _Run(ctx, self.cues).run()


# ------------------------------------------------------------------------------ the work


class _Run(_Introductions):
    """One parse of one article: paragraphs, then sentences, then cues and quotes."""

    def run(self) -> None:
        paragraphs = self._paragraphs()
        self.para_starts = [lo for lo, _hi in paragraphs]
        quotes = find_quotes(self.text, [Span(start=s, end=e) for s, e in paragraphs])
        top = [q for q in quotes if q.depth == 0]
        q_by_index = {id(q): k for k, q in enumerate(top)}
        chain_prev: dict[int, int] = {}
        for k, q in enumerate(top):
            if q.continues is not None:
                prev = quotes[q.continues]
                if id(prev) in q_by_index:
                    chain_prev[k] = q_by_index[id(prev)]
        self.top = top
        self.resolver.in_quote = lambda off: self._inside_quote(Span(start=off, end=off + 1))
        self.top_opens = [q.open for q in top]
        self.top_ends = [q.outer_end for q in top]
        self.chain_prev = chain_prev
        self.quote_stmt: dict[int, tuple[Statement, list[Actor], Span | None, _Cue | None]] = {}
        qpos = 0
        for pi, (lo, hi) in enumerate(paragraphs):
            while qpos < len(top) and top[qpos].open < lo:
                qpos += 1
            qend = qpos
            while qend < len(top) and top[qend].open < hi:
                qend += 1
            para = self._para(lo, hi, qpos, qend)
            self._paragraph(pi, para, qpos, qend)
            qpos = qend
        self.ctx.statements.extend(self.out)

    def _paragraph(self, pi: int, para: _Para, qa: int, qb: int) -> None:
        if para.headline:
            self._headline_statements(pi, para)
        else:
            for si, sent in enumerate(para.sents):
                self._sentence(pi, para, si, sent, qa, qb)
        self.prev_para = (pi, para)

    def _sentence(
        self, pi: int, para: _Para, si: int, sent: tuple[int, int], qa: int, qb: int
    ) -> None:
        a, b = sent
        toks, qidx = para.toks, para.qidx
        self._introduce(para, sent)
        cues = self._find_cues(para, sent)
        # quotes that open in this sentence
        qs: list[tuple[int, int, int]] = []  # (quote index, first token, last token + 1)
        i = a
        while i < b:
            k = qidx[i]
            if k >= 0:
                j = i
                while j < b and qidx[j] == k:
                    j += 1
                if self.top[k].open >= toks[i].start:
                    qs.append((k, i, j))
                i = j
            else:
                i += 1
        events: list[tuple[int, int, Any]] = []  # (token, order, item) in text order
        attribs: dict[int, tuple[_Attrib | None, StatementKind]] = {}
        for k, qi, qj in qs:
            prev = attribs.get(k - 1)
            prev_direct = prev is not None and prev[1] is StatementKind.DIRECT
            kind = self._quote_kind(para, sent, k, qi, qj, cues, prev_direct)
            att = self._attribute(pi, para, si, sent, k, qi, qj, cues, kind)
            attribs[k] = (att, kind)
            if att is not None and att.cue is not None and kind is StatementKind.DIRECT:
                att.cue.used_by_direct = True
        for c in cues:
            events.append((c.lo, 0, c))
        for k, qi, _qj in qs:
            events.append((qi, 1, k))
        events.sort(key=lambda e: (e[0], e[1]))
        # resolve speakers in text order (pronouns look back at what came before)
        for _pos, _o, item in events:
            if isinstance(item, _Cue):
                self._resolve_cue(para, item, cues)
        for _pos, _o, item in events:
            if isinstance(item, _Cue):
                self._reported(pi, para, sent, item, cues, qs)
            else:
                att, kind = attribs[item]
                self._emit_quote(pi, para, sent, item, att, kind, cues)
