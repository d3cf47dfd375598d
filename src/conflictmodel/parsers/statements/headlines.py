"""Headlines and title-case lines: "Burhan Says Army Will Retake Darfur", "Talks Will
Not Resume — Peskov", "Truce Holds: UN".

Headline grammar drops articles and capitalises every word, so the prose rules (a reporting
verb is lower case, a clause ends with a full stop) do not apply.  Two shapes are read:

* ``<Speaker> <Verb> <content>``: a present-tense reporting verb ("Says", "Urges", "Warns",
  "Welcome") after a short run of capitalised words naming the speaker;
* ``<content> — <Speaker>`` / ``<content>: <Speaker>``: a name the ``actors`` stage knows, alone
  after the last dash or colon.

Both give statements with ``speaker_source=headline``.
"""

from __future__ import annotations

from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.model.statements import StatementKind
from conflictmodel.parsers.statements.base import _Para
from conflictmodel.parsers.statements.direct import _Direct

_SPEAKER_MAX = 6
"""Longest speaker phrase of a headline, in tokens."""
_SEPARATORS = frozenset((":", "—", "–", "-", "|"))


class _Headlines(_Direct):
    """Statements in headline paragraphs."""

    def _headline_statements(self, pi: int, para: _Para) -> None:
        toks = para.toks
        if not toks:
            return
        # a headline may carry a kicker before a colon ("'No Going Back': Burhan Says …")
        start = 0
        for x, t in enumerate(toks):
            if t.low == ":" and para.qidx[x] < 0 and x + 1 < len(toks):
                start = x + 1
        if self._headline_verb(para, start) or self._headline_verb(para, 0):
            return
        self._headline_tail(para)

    def _headline_verb(self, para: _Para, a: int) -> bool:
        """ "<Speaker> <Verb> <content>": True if a statement came out of it."""
        toks, qidx = para.toks, para.qidx
        n = len(toks)
        for i in range(a + 1, min(n - 2, a + _SPEAKER_MAX + 1)):
            t = toks[i]
            if qidx[i] >= 0 or not (t.word or t.low in (",", "&")):
                return False
            if t.low not in self.first_words:
                if not t.cap and t.low not in ("and", "&", ","):
                    return False
                continue
            m = self._match(para, i, n)
            if m is None or m.entry.role != "verb":
                continue
            subject = (a, i)
            if not self._plausible_subject(para, subject):
                return False
            span = self._content_span(para, m.end, n)
            if span is None or len(span.of(self.text).split()) < 2:
                return False
            sspan = self._span(para, subject)
            # a bare title ("Minister Urges …") names nobody yet: unresolved, not a person
            # called "Minister"
            speakers = [
                a
                for part in self._parts(para, subject)
                for a in self.resolver.resolve(part)
                if a.kind is not ActorKind.PERSON or a.name.split()[-1].lower() not in self.heads
            ]
            cue_span = Span(start=toks[m.start].start, end=toks[m.end - 1].end)
            if not speakers:
                # a bare title: the person the article goes on to name with it
                later = self.resolver.forward_titled(sspan)
                speakers = [later] if later is not None else []
            joint: list[Actor | None] = list(self._joint(speakers, sspan)) or [None]
            for k, sp in enumerate(joint):
                self._statement(
                    span,
                    StatementKind.REPORTED,
                    sp,
                    sspan,
                    cue_span.of(self.text),
                    cue_span,
                    None,
                    None,
                    k,
                    how="headline",
                )
            return True
        return False

    def _parts(self, para: _Para, r: tuple[int, int]) -> list[Span]:
        """The speakers of a headline subject: "US, UN" and "Iran & Iraq" are two."""
        out: list[Span] = []
        lo = r[0]
        for x in range(r[0], r[1] + 1):
            if x == r[1] or para.toks[x].low in (",", "&", "and"):
                if x > lo:
                    out.append(self._span(para, (lo, x)))
                lo = x + 1
        return out

    def _headline_tail(self, para: _Para) -> bool:
        """ "<content> — <Speaker>": a known actor alone after the last separator."""
        toks, qidx = para.toks, para.qidx
        n = len(toks)
        sep = n - 1
        while sep > 0 and n - sep <= _SPEAKER_MAX and toks[sep].low not in _SEPARATORS:
            sep -= 1
        if sep <= 1 or toks[sep].low not in _SEPARATORS or sep + 1 >= n or qidx[sep] >= 0:
            return False
        sspan = self._span(para, (sep + 1, n))
        m = self.ctx.mention_at(sspan)
        if (
            m is None
            or not sspan.contains(m.span)
            or m.span.start != sspan.start
            or m.target not in self.ctx.actors
        ):
            return False
        speaker = self.ctx.actors[m.target]
        content = self._content_span(para, 0, sep)
        if content is None:
            return False
        text = content.of(self.text)
        kind = StatementKind.REPORTED
        k = qidx[0]
        if k >= 0 and all(qidx[x] == k for x in range(sep)):
            # a quoted headline: the words inside the marks
            content = self.top[k].span
            kind = StatementKind.DIRECT
        elif len(text.split()) < 2:
            return False
        self._statement(content, kind, speaker, sspan, None, None, None, None, 0, how="headline")
        return True
