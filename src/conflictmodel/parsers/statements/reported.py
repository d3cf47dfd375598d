"""Reported speech: what a cue reports ("said that …", "rejected the plan", "according to X")."""

from __future__ import annotations

from conflictmodel.model.statements import StatementKind
from conflictmodel.parsers.statements import _words as W
from conflictmodel.parsers.statements._words import CLAUSE_JOINS, QUESTION_WORDS, REPORT_NOUNS
from conflictmodel.parsers.statements.base import (
    _MAX_GAP,
    _MAX_SENT,
    _REL,
    _SENT_END,
    _Cue,
    _Para,
)
from conflictmodel.parsers.statements.cues import Token
from conflictmodel.parsers.statements.emit import _Emitter
from conflictmodel.parsers.statements.phrases import _in_number

_CLAUSE_JOINS = CLAUSE_JOINS
_ASK_LEMMAS = frozenset(("ask", "wonder", "question", "query", "inquire", "enquire"))


class _Reported(_Emitter):
    """Statements without quotation marks."""

    def _reported(
        self,
        pi: int,
        para: _Para,
        sent: tuple[int, int],
        c: _Cue,
        cues: list[_Cue],
        qs: list[tuple[int, int, int]],
    ) -> None:
        if c.used_by_direct or c.kind in ("frame", "via"):
            return
        qidx = para.qidx
        if c.kind == "source":
            self._according(pi, para, sent, c, cues)
            return
        if self._asked_question(para, sent, c):
            return
        r = self._complement(para, c, cues)
        ranges = [r] if r is not None else self._trailing(para, c)
        if c.subject is not None and not self._head_ok(para, c.subject):
            return
        found = self._speakers_of(para, c)
        if found is None:
            return
        speakers, sspan = found
        for lo, hi in ranges:
            # the complement opens with a quotation: the quote is the statement
            if qidx[lo] >= 0:
                continue
            span = self._content_span(para, lo, hi)
            if span is None:
                continue
            head = " ".join(span.of(self.text).lower().split()[:4])
            if any(head.startswith(f) for f in self.cues.word_set("not_statements")):
                continue  # "asked not to be named"
            if head.split(" ", 1)[0] in self.cues.forms and self._in_relative(para, c):
                continue  # "X, a researcher who has advised both, said …": another cue's

            cue_text, cue_span = self._cue_text(para, c)
            via = self._via(para, sent, span)
            date = self._date(sent, para, span, cue_span)
            for n, sp in enumerate(speakers):
                self._statement(
                    span,
                    StatementKind.REPORTED,
                    sp,
                    sspan,
                    cue_text,
                    cue_span,
                    via,
                    date,
                    n,
                )

    def _in_relative(self, para: _Para, c: _Cue) -> bool:
        """Cue ``c`` is the verb of a relative clause ("who has advised", "that urged")."""
        toks = para.toks
        return any(toks[y].low in _REL for y in range(max(0, c.lo - 2), c.lo))

    def _asked_question(self, para: _Para, sent: tuple[int, int], c: _Cue) -> bool:
        """ "Asked (by Starnes) whether he would resign, Carson said …": the opening question is
        a statement of whoever asked it, named after "by" or left unresolved.  True when the
        cue opens the sentence so (nothing else is reported from it)."""
        a, b = sent
        toks, qidx = para.toks, para.qidx
        if c.lo != a or not toks[a].cap or c.match.entry.lemma not in _ASK_LEMMAS:
            return False
        q = c.hi
        if q < b and toks[q].low == "by":
            q += 1
            while q < b and q - c.hi < 8 and toks[q].cap and qidx[q] < 0:
                q += 1
        agent = (c.hi + 1, q) if q > c.hi + 1 else None
        while q < b and self._in_date(toks[q]):
            q += 1  # "Asked Tuesday whether …"
        if q >= b or toks[q].low not in QUESTION_WORDS:
            return False  # "Asked about the truce, …": a topic, not a question
        start = end = q
        while end < b and (toks[end].low != "," or qidx[end] >= 0):
            end += 1
        span = self._content_span(para, start, end)
        if end >= b or span is None:
            return True
        sspan = self._span(para, agent) if agent is not None else None
        speakers = self.resolver.resolve(sspan) if sspan is not None else []
        cue_text, cue_span = self._cue_text(para, c)
        date = self._date(sent, para, span, cue_span)
        for n, sp in enumerate(self._joint(speakers, sspan) or [None]):
            self._statement(
                span, StatementKind.REPORTED, sp, sspan, cue_text, cue_span, None, date, n
            )
        return True

    def _complement(self, para: _Para, c: _Cue, cues: list[_Cue]) -> tuple[int, int] | None:
        """Token range of what the cue reports, or None."""
        toks, qidx = para.toks, para.qidx
        comps = c.match.entry.complements
        end = self._content_end(para, c, cues)
        x = c.hi
        if x >= end:
            return None
        that = self._that_clause(para, c, end)
        if that is not None:
            return that if that[0] < end else None
        # skip dates and adverbials right after the cue
        x0 = x
        while (
            x < end
            and qidx[x] < 0
            and (
                self._in_date(toks[x])
                or (self._adv(toks[x]) and not toks[x].cap and toks[x].low not in self.dets)
            )
        ):
            x += 1
        if x >= end:
            return None
        if qidx[x] >= 0 or toks[x].low in (":", ","):
            y = x
            while y < end and toks[y].low in (":", ",") and qidx[y] < 0:
                y += 1
            if y < end and qidx[y] >= 0 and (y > x or comps & {"clause", "object"}):
                return y, end  # a quotation: handled by the quote
            if toks[x].low in (":", ","):
                return None
        return self._bare_complement(para, c, x, x0, end)

    def _bare_complement(
        self, para: _Para, c: _Cue, x: int, x0: int, end: int
    ) -> tuple[int, int] | None:
        """A complement without "that" at token ``x``: an infinitive, a bare clause, an
        object."""
        comps = c.match.entry.complements
        if "to" in comps and para.toks[x].low == "to":
            return x, end
        if "clause" in comps and self._bare_clause(para, x, end):
            hearer = self._hearer_end(para, c, x, end)
            return (hearer if hearer is not None else x), end
        if "clause" in comps:
            # "said in a statement Thursday night they pulled …"
            y = self._skip_adverbials(para, x, end)
            if y > x and y < end and self._bare_clause(para, y, end):
                return y, end
        if "object" in comps and self._object(para, x, end, c):
            return x0 if x0 == x else x, self._object_end(para, x, end)
        return None

    def _hearer_end(self, para: _Para, c: _Cue, x: int, end: int) -> int | None:
        """ "told the BBC the shelling had not stopped": the hearer before a bare clause."""
        if not c.match.entry.addressee:
            return None
        toks = para.toks
        y = x + 1 if toks[x].low in self.dets else x
        z = y
        while z < end and z - y < 4 and toks[z].cap and para.qidx[z] < 0:
            z += 1
        if z == y or z >= end or (z == x and toks[x].low not in self.dets and z - y < 1):
            return None
        if toks[z].low in self.finite or not self._bare_clause(para, z, end):
            return None
        return z

    def _that_clause(self, para: _Para, c: _Cue, end: int) -> tuple[int, int] | None:
        """The that-clause after the cue, with a hearer, dates and adverbials between ("told
        Trump on Friday that"): its range, ``(end, end)`` for a "that" with nothing after it,
        or None."""
        toks, qidx = para.toks, para.qidx
        y = c.hi
        n = 0
        saw_object = False
        in_pp = False  # inside "in a statement on Telegram": not an object of the verb
        asks = c.match.entry.lemma in _ASK_LEMMAS
        # prepositional phrases may run longer ("said Thursday during a taping of a town hall
        # meeting in Buffalo, New York, that …")
        while y < end and (n <= _MAX_GAP or (in_pp and n <= 2 * _MAX_GAP)) and qidx[y] < 0:
            t = toks[y]
            if in_pp and t.low == ",":
                region = self._region_after(para, y, end)
                if region is not None:
                    n += region - y
                    y = region + 1  # ", North Kivu,": the region of the place before
                    continue
            if t.low == "that" or (asks and t.low in ("whether", "if")):
                # "asked whether the corridor would open": the question is what was said
                if saw_object and not c.match.entry.addressee:
                    return None
                return (y + 1, end) if y + 1 < end else (end, end)
            if self._ends_gap(t):
                return None
            if t.low in self.preps:
                in_pp = True
            elif t.low == ",":
                in_pp = False
            elif not (in_pp or self._in_date(t) or self._adv(t) or t.low in self.audiences):
                saw_object = True
            y += 1
            n += 1
        return None

    def _ends_gap(self, t: Token) -> bool:
        """Token ``t`` ends the gap between a cue and its "that": a sentence end, a colon,
        another cue verb or a finite verb."""
        return (
            t.low in _SENT_END
            or t.low in (";", ":")
            or (t.low in self.cues.forms and not t.cap)
            or t.low in self.finite
        )

    def _content_end(self, para: _Para, c: _Cue, cues: list[_Cue]) -> int:
        """Where the reported clause ends: the sentence end, or the start of a coordinate
        report (", adding that", "but he has made it clear", ", according to"), or the end of
        the subordinate clause the cue sits in ("When X unveiled the plan, he …")."""
        toks, qidx = para.toks, para.qidx
        end = self._opener_end(para, c)
        if c.lo > 0 and toks[c.lo - 1].low in ("'s", "’s") and toks[c.lo].low in REPORT_NOUNS:
            # "Asked about Trump's declaration that it was a bomb, Clinton said": a nominal
            # report's clause ends at the first comma
            y = c.hi
            while y < end and (toks[y].low != "," or qidx[y] >= 0):
                y += 1
            return y
        stop = self._next_report(para, c, cues)
        if stop is not None:
            end = stop
        # a relative clause the cue sits in ends at its closing comma
        if (
            c.lo - 1 >= 0
            and toks[c.lo - 1].low in _REL
            and c.lo - 2 >= 0
            and toks[c.lo - 2].low == ","
        ):
            y = c.hi
            while y < end:
                if toks[y].low == "," and qidx[y] < 0:
                    return y
                y += 1
        return end

    def _opener_end(self, para: _Para, c: _Cue) -> int:
        """The end of the opening subordinate clause the cue sits in ("When X unveiled the
        plan, he …"), else the sentence end."""
        a, b = c.sent
        toks, qidx = para.toks, para.qidx
        if toks[a].low not in self.clause_openers:
            return b
        y = a + 1
        while y < c.lo and (toks[y].low != "," or qidx[y] >= 0):
            y += 1
        if y < c.lo:
            return b
        y = c.hi
        while y < b and y - c.hi < _MAX_SENT and (toks[y].low != "," or qidx[y] >= 0):
            y += 1
        return y

    def _next_report(self, para: _Para, c: _Cue, cues: list[_Cue]) -> int | None:
        """Where a later cue of the sentence starts a report of its own, or None."""
        toks = para.toks
        b = c.sent[1]
        # a new clause with its own speaker needs one of these words after the cue: find the
        # first, and look for its speaker only behind cues after it
        f = c.hi
        while f < b and toks[f].low not in _CLAUSE_JOINS:
            f += 1
        for d in cues:
            if d.lo <= c.lo:
                continue
            if (
                d.kind in ("participle", "source")
                and d.lo - 1 >= c.hi
                and toks[d.lo - 1].low == ","
            ):
                return d.lo - 1
            if d.kind != "finite":
                continue
            trailing = self._trailing_attribution(para, c, d)
            if trailing is not None:
                return trailing
            if self._coordinated(para, d) and d.lo - 1 > c.hi:
                # "… called the statement «hysteria» and claimed that": a second report
                end = d.lo - 1
                while end > c.hi and toks[end - 1].low == ",":
                    end -= 1
                return end
            if f < d.lo - 1:
                own = self._own_speaker(para, c, d)
                if own is not None:
                    return own
        return None

    def _trailing_attribution(self, para: _Para, c: _Cue, d: _Cue) -> int | None:
        """ "said elections would be held, state media reported.": a later attribution of
        the whole sentence ends the clause of ``c`` at its comma."""
        toks, qidx = para.toks, para.qidx
        b = c.sent[1]
        k = d.lo - 1
        while k > c.hi and d.lo - k <= 6 and toks[k].low != "," and qidx[k] < 0:
            k -= 1
        if k <= c.hi or toks[k].low != "," or k + 1 >= d.lo:
            return None
        if not self._plausible_subject(para, (k + 1, d.lo)):
            return None
        x = self._attribution_end(para, d.hi, b)
        if x is None or (x < b and toks[x].low not in _SENT_END):
            return None
        return k

    def _own_speaker(self, para: _Para, c: _Cue, d: _Cue) -> int | None:
        """ "…, but she has made it clear that": cue ``d`` starts a new clause with its own
        speaker; where the clause of ``c`` ends, or None."""
        toks = para.toks
        r = self._np_left(para, c.hi, d.lo)
        if r is None:
            return None
        p = r[0] - 1
        if (
            p >= c.hi
            and toks[p].low in _CLAUSE_JOINS
            and ((p - 1 >= c.hi and toks[p - 1].low in (",", ";")) or toks[p].low == ";")
        ):
            return p - 1 if toks[p - 1].low in (",", ";") else p
        return None

    def _trailing(self, para: _Para, c: _Cue) -> list[tuple[int, int]]:
        """ "<clause>, a source said." / "<clause>, said Peskov." / "The plan, an aide said, is
        to …": what was said stands before (or around) the attribution.  An attribution in the
        middle of the sentence splits what was said in two, like a split quote: both parts
        are returned."""
        a = c.sent[0]
        toks, qidx = para.toks, para.qidx
        if c.kind != "finite" or c.subject is None:
            return []
        if toks[a].low == "as" and c.subject[0] == a + 1 and qidx[a] < 0:
            return self._after_as_clause(para, c)
        parts = self._around_attribution(para, c)
        out: list[tuple[int, int]] = []
        for lo, hi in parts:
            # a quotation already reported is not reported again
            if any(
                qidx[y] >= 0 and self._direct_quote(qidx[y])
                for y in range(lo, min(hi, lo + _MAX_SENT))
            ):
                continue
            if self._says_something(para, lo, hi):
                out.append((lo, hi))
            elif len(parts) == 1:
                return []  # "After the meeting, Zelensky said." reports nothing
        return out

    def _after_as_clause(self, para: _Para, c: _Cue) -> list[tuple[int, int]]:
        """ "As the envoy noted, <clause>": what was said follows the as-clause."""
        b = c.sent[1]
        x = self._attribution_end(para, c.hi, b)
        if x is not None and x + 1 < b and para.toks[x].low == ",":
            return [(x + 1, b)] if self._says_something(para, x + 1, b) else []
        return []

    def _around_attribution(self, para: _Para, c: _Cue) -> list[tuple[int, int]]:
        """The token ranges before and after an attribution set off by commas (``c`` with its
        subject), or none when it is not set off so."""
        assert c.subject is not None
        a, b = c.sent
        toks, qidx = para.toks, para.qidx
        inverted = c.subject[0] >= c.hi
        first = c.lo if inverted else c.subject[0]
        last = c.subject[1] if inverted else c.hi
        comma = first - 1
        if comma <= a or toks[comma].low not in (",", "—", "–") or qidx[comma] >= 0:
            return []
        if (
            not inverted
            and toks[comma - 1].cap
            and toks[c.subject[0]].cap
            and any(toks[y].low in ("and", "&") for y in range(*c.subject))
        ):
            return []  # "the United States, Egypt and the UAE expressed": a list, not a clause
        comma = self._before_title(para, a, comma)
        x = self._attribution_end(para, last, b)
        if x is None:
            return []
        # "GOMA (Reuters) — <clause>, residents said": the dateline is not what was said
        parts = [(self._after_dateline(para, a, comma), comma)]
        if x < b and toks[x].low == "," and not _adjunct_at(toks, x + 1, b):
            parts.append((x + 1, b))
        return parts

    def _before_title(self, para: _Para, a: int, comma: int) -> int:
        """ "<clause>, Colombia's Defence Minister, Ivan Velasquez, warned": the title in
        apposition before the name belongs to the attribution, not to what was said."""
        toks = para.toks
        k = comma - 1
        while k > a and comma - k <= 8 and toks[k].low != "," and (toks[k].cap or not toks[k].word):
            k -= 1
        if k > a and toks[k].low == "," and k < comma - 1 and toks[comma - 1].low in self.heads:
            return k
        return comma

    def _attribution_end(self, para: _Para, x: int, b: int) -> int | None:
        """After an attribution ending at ``x``: only dates and adverbials up to the sentence
        end or a comma.  Where they end, or None if something else follows."""
        toks, qidx = para.toks, para.qidx
        n = 0
        while x < b and toks[x].low not in _SENT_END and toks[x].low != ",":
            t = toks[x]
            if qidx[x] >= 0 or t.low in ("that", ":", ";") or n > 10:
                return None
            if not t.cap and (t.low in self.finite or t.low in self.cues.forms):
                return None
            x += 1
            n += 1
        return x

    def _says_something(self, para: _Para, lo: int, hi: int) -> bool:
        """Tokens ``lo:hi`` are a clause worth reporting: five words, or three with a verb."""
        toks = para.toks
        words = [toks[y] for y in range(lo, min(hi, lo + 40)) if toks[y].word]
        return len(words) >= 5 or (
            len(words) >= 3
            and any(t.low in self.finite or (t.low.endswith("ed") and not t.cap) for t in words)
        )

    def _according(
        self, pi: int, para: _Para, sent: tuple[int, int], c: _Cue, cues: list[_Cue]
    ) -> None:
        """ "according to X, <clause>" and "<clause>, according to X"."""
        got = self._according_range(para, sent, c)
        if got is None:
            return
        lo, hi = got
        if any(para.qidx[x] >= 0 for x in range(lo, hi)) and self._has_direct(lo, hi, para):
            return
        if self._inner_speaker(para, c, cues, lo, hi):
            return
        span = self._content_span(para, lo, hi)
        if span is None:
            return
        found = self._speakers_of(para, c)
        if found is None:
            return
        speakers, sspan = found
        cue_text, cue_span = self._cue_text(para, c)
        via = self._via(para, sent, span)
        date = self._date(sent, para, span, cue_span)
        for n, sp in enumerate(speakers):
            self._statement(
                span, StatementKind.REPORTED, sp, sspan, cue_text, cue_span, via, date, n
            )

    def _according_range(
        self, para: _Para, sent: tuple[int, int], c: _Cue
    ) -> tuple[int, int] | None:
        """The tokens of the clause an "according to X" governs: the rest of the sentence
        after the source (and an appositive on it: "According to Hamid Karimi, a spokesman
        for the governor, 12 …") when it opens the sentence, else the sentence before it."""
        a, b = sent
        toks, qidx = para.toks, para.qidx
        r = c.subject
        if r is None:
            return None
        if c.lo == a or (
            c.lo > a and toks[c.lo - 1].low in (",",) and self._leading(para, a, c.lo - 1)
        ):
            # sentence-initial: the clause after the source's comma
            x = r[1]
            if x >= b or toks[x].low != ",":
                return None
            return self._after_appositive(para, x + 1, b), b
        p = c.lo - 1
        if p < a or toks[p].low not in (",", "—", "–", "("):
            return None
        lo = a
        # a dateline "Washington:" is not part of what was said
        for y in range(a, min(p, a + 6)):
            if toks[y].low == ":" and qidx[y] < 0:
                lo = y + 1
                break
        return lo, p

    def _after_appositive(self, para: _Para, lo: int, b: int) -> int:
        """Where the clause starts after an appositive that opens at ``lo`` ("a spokesman for
        the governor, 12 civilians …"): after its closing comma when it is a noun phrase with
        no verb and a clause follows; else ``lo``."""
        toks, qidx = para.toks, para.qidx
        first = toks[lo]
        relative = first.low in ("who", "which")  # ", which gave no details,"
        noun = first.word and not first.cap and first.low not in self.cues.function_words
        if not (first.low in ("a", "an", "the") or relative or noun):
            return lo
        y = lo
        while (
            y < b
            and y - lo < 20
            and qidx[y] < 0
            and (toks[y].low not in (",", ";", ":") or _in_number(toks, y, b))
        ):
            t = toks[y]
            verb = t.low in self.finite and t.low not in ("'s", "’s")  # "Cox's Bazar"
            if not relative and (verb or t.low in self.cues.forms or t.low in _REL):
                return lo
            y += 1
        if y >= b - 1 or toks[y].low != "," or qidx[y] >= 0 or y == lo or _in_number(toks, y, b):
            return lo
        return y + 1 if self._bare_clause(para, y + 1, b) else lo

    def _inner_speaker(self, para: _Para, c: _Cue, cues: list[_Cue], lo: int, hi: int) -> bool:
        """The clause ``lo:hi`` an "according to" governs has a speaker of its own
        ("According to Reuters sources, Aliyev has stated"): the source is then only the
        channel."""
        toks = para.toks
        for d in cues:
            if d is c or d.kind not in ("finite", "participle"):
                continue
            if d.hi < len(toks) and toks[d.hi].low == "to" and toks[d.hi - 1].low == "agreed":
                # "The rebels agreed to extend the truce, according to state media": agreeing
                # to do something is what the source reports, not a statement of its own.
                continue
            if lo <= d.lo < hi:
                self._resolve_cue(para, d, cues)
                if d.speakers:
                    return True
                # "The two sides have agreed to a swap, according to mediators": the inner
                # verb names nobody it could resolve; the source is the speaker
        return False


def _adjunct_at(toks: list[Token], x: int, b: int) -> bool:
    """Tokens from ``x`` open an adjunct of time or manner ("a day after ...", "in a move ...",
    "amid ..."), which says when or why, not a second part of what was said."""
    words = [toks[y].low for y in range(x, min(b, x + 3))]
    if not words:
        return False
    if words[0] in W.ADJUNCT_OPENERS:
        return True
    if len(words) > 1 and words[0] == "in" and words[1] in W.ADJUNCT_IN:
        return True
    return len(words) > 1 and words[0] in W.ADJUNCT_COUNTS and words[1] in W.ADJUNCT_UNITS
