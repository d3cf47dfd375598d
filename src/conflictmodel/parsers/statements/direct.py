"""Direct and partial quotes: their kind and who said them."""

from __future__ import annotations

import bisect
import re

from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.model.statements import SpeakerSource, Statement, StatementKind
from conflictmodel.parsers.statements._words import GOES_ON, LABEL_WORDS, REL_PRONOUNS
from conflictmodel.parsers.statements.base import (
    _MAX_GAP,
    _MAX_SUBJECT,
    _REL,
    _SENT_END,
    _Attrib,
    _Cue,
    _Para,
)
from conflictmodel.parsers.statements.cues import singular
from conflictmodel.parsers.statements.reported import _Reported

_GOES_ON = re.compile(
    r"[ \t]*((?:He|She|They)|(?!The )(?:[A-Z][\w'’.-]+ ){0,2}[A-Z][\w'’-]+) (?:also )?(\w+(?: on)?)\b"
)
"""A paragraph opening with a pronoun or a name and a verb (see `GOES_ON`)."""

_NAME_DETERMINERS = frozenset(("the", "a", "an", "its", "their", "his", "her", "this", "that"))
_SIGN_DASHES = frozenset(("—", "―", "–", "-", "--"))


class _Direct(_Reported):
    """Attributes quotations to speakers."""

    def _quote_kind(
        self,
        para: _Para,
        sent: tuple[int, int],
        k: int,
        qi: int,
        qj: int,
        cues: list[_Cue],
        prev_direct: bool = False,
    ) -> StatementKind:
        b = sent[1]
        q = self.top[k]
        content = self.text[q.start : q.end].strip()
        words = len(content.split())
        p = qi - 1
        if (
            p >= sent[0]
            and para.toks[p].low == ","
            and prev_direct
            and self._continues_split(k, qi, para)
        ):
            return StatementKind.DIRECT
        if not self._left_clear(para, sent, qi, qj, cues, words):
            return StatementKind.PARTIAL
        last = content[-1:] if content else ""
        if last in ".!?,;:…—-" or self._ends_sentence(para, qj, b) or words >= 4:
            return StatementKind.DIRECT
        return StatementKind.PARTIAL

    def _left_clear(
        self, para: _Para, sent: tuple[int, int], qi: int, qj: int, cues: list[_Cue], words: int
    ) -> bool:
        """What stands before the opening mark lets the quote stand on its own (a colon, a
        comma after a cue, the sentence start), rather than embedding a fragment."""
        a, b = sent
        toks = para.toks
        p = qi - 1
        if p < a:
            return True
        low = toks[p].low
        if low == "," and p - 1 >= a and toks[p - 1].word:
            after_cue = any(c.hi == p or c.hi == p + 1 for c in cues)
            if not after_cue:
                # ", «fragment»" after a noun is an embedded fragment unless a cue precedes
                return any(c.hi >= p - 1 for c in cues if c.hi <= p)
        if low in (":", ",", "—", "–", "-", "(") or para.qidx[p] >= 0:
            return True
        return low == "that" and words >= 5 and self._ends_sentence(para, qj, b)

    def _continues_split(self, k: int, qi: int, para: _Para) -> bool:
        """ "“The army has lost control,” said Khin Thandar, “and it knows it.”": the second
        part of a quote split by its attribution (the previous quote of the sentence is
        direct)."""
        prev = self.top[k - 1]
        between = self.text[prev.outer.end : para.toks[qi].start]
        return len(between.split()) <= 12 and not any(ch in between for ch in ".;!?")

    def _ends_sentence(self, para: _Para, qj: int, b: int) -> bool:
        toks = para.toks
        j = qj
        while j < b and toks[j].low in _SENT_END:
            j += 1
        return j >= b or toks[j].low == ","

    def _attribute(
        self,
        pi: int,
        para: _Para,
        si: int,
        sent: tuple[int, int],
        k: int,
        qi: int,
        qj: int,
        cues: list[_Cue],
        kind: StatementKind,
    ) -> _Attrib | None:
        # a later paragraph of a quotation running over several
        prev_k = self.chain_prev.get(k)
        if prev_k is not None and prev_k in self.quote_stmt:
            _st, speakers, sspan, pcue = self.quote_stmt[prev_k]
            return _Attrib(speakers, sspan, pcue, "continuation")
        if kind is StatementKind.PARTIAL and self._is_label(para, sent[0], qi, k):
            return None  # "a broadcast of “Fox News Sunday,” Pence said": a title
        if kind is StatementKind.PARTIAL and self._coordinated_after(para, sent, qj, cues):
            # "said its units had been “nowhere near” the camp and blamed …": the fragment
            # inside a reported clause is that clause's, not the next verb's
            found = self._holding_clause(para, qi, cues)
            if found is not None:
                return found
        found = self._cue_after(para, sent, qj, cues)
        if found is not None:
            return found
        if kind is StatementKind.DIRECT:
            found = self._dash_name(para, sent, qj)
            if found is not None:
                return found
        if kind is StatementKind.PARTIAL:
            return self._partial_clause(para, sent, k, qi, qj, cues)
        found = self._cue_before(para, qi, cues)
        if found is None:
            found = self._colon_intro(pi, para, si, qi) or self._colon_same(para, sent, qi)
        if found is None:
            found = self._next_attribution(para, si, qj) or self._bare_intro(pi, para, si, qi)
        if found is None:
            found = self._continuation(pi, k)
        if found is None:
            found = self._after_report(pi, k)
        if found is None:
            found = self._next_sentence(para, si)
        if found is None:
            found = self._next_paragraph_adds(pi, para, k)
        return found

    def _cue_after(
        self, para: _Para, sent: tuple[int, int], qj: int, cues: list[_Cue]
    ) -> _Attrib | None:
        """(a) a cue right after the quote: "…,” Trump told reporters / “…,” said Peskov."""
        b = sent[1]
        toks, qidx = para.toks, para.qidx
        j = qj
        while j < b and toks[j].low in (",", ";", "—", "–", "-") and qidx[j] < 0:
            j += 1
        if j < b and toks[j].low == "as" and qidx[j] < 0:
            j += 1  # "the “pause,” as Peskov called it": the as-clause names the speaker
        for c in cues:
            if c.lo < j or c.kind in ("frame", "via"):
                continue
            if c.lo - 2 >= j and toks[c.lo - 1].low in _REL and toks[c.lo - 2].low == ",":
                continue  # "…,” one resident, who asked not to be named, told AFP"
            return self._attribution_after(para, c, j, b)
        return None

    def _attribution_after(self, para: _Para, c: _Cue, j: int, b: int) -> _Attrib | None:
        """The first cue ``c`` after a quote, whose attribution starts at token ``j``: the
        quote's attribution when only its speaker phrase stands between."""
        toks = para.toks
        if c.lo == j and c.kind == "finite" and not self._inverts(c):
            # "…,” warned Iran's supreme leader Ali Khamenei.": inverted all the same
            # when a name runs to the end of the sentence
            r = self._np_right(para, c.hi, b)
            if (
                r is not None
                and (r[1] >= b or toks[r[1]].low in _SENT_END)
                and any(toks[x].cap for x in range(*r))
            ):
                c.subject = r
                return _Attrib([], None, c, "after")
            return None
        if not self._subject_gap(para, c, j):
            return None
        if c.lo == j:
            return _Attrib([], None, c, "after")
        r = self._np_left(para, j, c.lo)
        if r is None and toks[c.lo - 1].low == ",":
            r = self._lower_appositive(para, j, c.lo - 1)
        if r is not None and (
            r[0] == j or (toks[r[0] - 1].low == "," and self._title_before(para, j, r[0] - 1))
        ):
            # "…,” the UN chief's spokesman, Stephane Dujarric, told reporters: the name
            c.subject = r
            return _Attrib([], None, c, "after")
        return None

    def _subject_gap(self, para: _Para, c: _Cue, j: int) -> bool:
        """Tokens ``j:c.lo`` can be the speaker phrase of cue ``c``: short, outside any
        quotation, no sentence end or colon (a parenthesis may hold a period: "Earl Blumenauer
        (D-Ore.) said"), and nothing before a participle."""
        toks, qidx = para.toks, para.qidx
        limit = _MAX_SUBJECT
        if any(toks[x].low == "," and toks[x + 1].low in REL_PRONOUNS for x in range(j, c.lo - 1)):
            # "…,” a sergeant with the brigade, who gave only his call sign, Bear, told
            # reporters: a relative clause on the speaker lengthens the phrase
            limit *= 2
        if c.lo - j > limit or (c.kind == "participle" and c.lo > j):
            return False
        depth = 0
        for x in range(j, c.lo):
            low = toks[x].low
            if qidx[x] >= 0:
                return False
            depth += (low == "(") - (low == ")")
            if depth <= 0 and (low in _SENT_END or low in (";", ":")):
                return False
        return True

    def _dash_name(self, para: _Para, sent: tuple[int, int], qj: int) -> _Attrib | None:
        """ "“We will not leave.” — Amina Yusuf, a resident of Goma": a name after a dash
        that ends the sentence (or runs into an appositive) signs the quotation."""
        # the text stage may have cut the sentence after the closing mark: read on to the
        # end of the paragraph
        b = len(para.toks)
        toks, qidx = para.toks, para.qidx
        if qj >= b or toks[qj].low not in _SIGN_DASHES or qidx[qj] >= 0:
            return None
        lo = qj + 1
        hi = lo
        while hi < b and hi - lo < 5 and qidx[hi] < 0 and (toks[hi].cap or toks[hi].low == "."):
            hi += 1
        if hi == lo or (
            hi < b and toks[hi].low not in (",", "(") and toks[hi].low not in _SENT_END
        ):
            return None
        span = self._span(para, (lo, hi))
        speakers = self.resolver.resolve(span)
        return _Attrib(speakers, span, None, "dash") if speakers else None

    def _lower_appositive(self, para: _Para, j: int, comma: int) -> tuple[int, int] | None:
        """ "one resident, who asked not to be named,": the description before a
        parenthesis, when it names someone (a speaker noun) though it has no capital."""
        p = self._parenthesis_start(para, j, comma)
        if p is None:
            return None
        r = self._np_left(para, j, p, appositive=False)
        return r if r is not None and r[0] == j and self._head_ok(para, r) else None

    def _title_before(self, para: _Para, j: int, comma: int) -> bool:
        """Tokens ``j:comma`` are a title phrase ending in a speaker noun ("the UN
        secretary-general's spokesman")."""
        toks = para.toks
        if comma <= j or comma - j > _MAX_SUBJECT:
            return False
        for x in range(j, comma):
            low = toks[x].low
            if low in (",", ";", ":") or (
                low in self.finite and not (low in ("'s", "’s") and self._possessive(para, x))
            ):
                return False
        last = toks[comma - 1].low
        return last in self.heads or singular(last) in self.heads

    def _cue_before(self, para: _Para, qi: int, cues: list[_Cue]) -> _Attrib | None:
        """(b) a cue just before the quote: "he declared: “…”", "stating, «…»", "said that
        «…»"."""
        for c in reversed(cues):
            if c.hi > qi or c.kind in ("frame", "via"):
                continue
            if self._gap_ok(para, c, qi):
                return _Attrib([], None, c, "before")
            break
        return None

    def _partial_clause(
        self, para: _Para, sent: tuple[int, int], k: int, qi: int, qj: int, cues: list[_Cue]
    ) -> _Attrib | None:
        """(c) a partial quote: the reporting clause it sits in."""
        if self._is_label(para, sent[0], qi, k) or self._modifier_quote(para, sent, qi, qj):
            return None
        found = self._holding_clause(para, qi, cues)
        if found is not None:
            return found
        before = [c for c in cues if c.hi <= qi and c.kind in ("finite", "participle", "source")]
        if before:
            return _Attrib([], None, before[-1], "clause")
        after = [c for c in cues if c.lo >= qj and c.kind in ("finite", "source")]
        if after:
            return _Attrib([], None, after[0], "clause")
        return None

    def _coordinated_after(
        self, para: _Para, sent: tuple[int, int], qj: int, cues: list[_Cue]
    ) -> bool:
        """The first cue after a quotation is a verb coordinated with an earlier one ("… the
        camp and blamed"): the words before it are no speaker of their own."""
        for c in cues:
            if c.lo < qj or c.lo >= sent[1] or c.kind in ("frame", "via"):
                continue
            return c.lo > qj and para.toks[c.lo - 1].low in ("and", "but")
        return False

    def _holding_clause(self, para: _Para, qi: int, cues: list[_Cue]) -> _Attrib | None:
        """The reporting clause whose complement holds the quotation at ``qi`` ("said the
        army had responded ‘firmly’": said, not responded); not a verb whose subject names no
        one ("declared that any deal would demand “secrecy”": declared)."""
        before = [c for c in cues if c.hi <= qi and c.kind in ("finite", "participle", "source")]
        for c in reversed(before[-4:]):
            r = self._complement(para, c, cues)
            if r is not None and r[0] <= qi < r[1] and self._names_speaker(para, c, cues):
                return _Attrib([], None, c, "clause")
        return None

    def _names_speaker(self, para: _Para, c: _Cue, cues: list[_Cue]) -> bool:
        """Cue ``c`` has a speaker: resolved, or a phrase that names someone."""
        self._resolve_cue(para, c, cues)
        return bool(c.speakers) or (c.subject is not None and self._head_ok(para, c.subject))

    def _colon_same(self, para: _Para, sent: tuple[int, int], qi: int) -> _Attrib | None:
        """(d) a colon introduction in the same sentence: "The envoy is sure of one thing:
        “…”"."""
        a = sent[0]
        toks, qidx = para.toks, para.qidx
        if not (qi - 1 > a and toks[qi - 1].low == ":" and qidx[qi - 1] < 0):
            return None
        r = self._clause_subject(para, a, qi - 1)
        if r is None or not self._head_ok(para, r):
            return None
        span = self._span(para, r)
        speakers = self.resolver.resolve(span)
        return _Attrib(speakers, span, None, "colon") if speakers else None

    def _continuation(self, pi: int, k: int) -> _Attrib | None:
        """(e) a continuation of the previous quote's speaker."""
        if self.last_quote is None:
            return None
        st, speakers, lpi, _lend = self.last_quote
        if speakers and pi - lpi <= 1 and not self._speaker_switch(st.span.end, self.top[k].open):
            return _Attrib(speakers, st.speaker_span, None, "continuation")
        return None

    def _after_report(self, pi: int, k: int) -> _Attrib | None:
        """(e') a quotation right after a reported statement, in the same or the next
        paragraph, with no attribution of its own: the reporter goes on in their own words
        ("Burhan said the army would fight on. / “We will not negotiate.”")."""
        if not self.out:
            return None
        st = self.out[-1]
        if (
            st.speaker is None
            or st.kind is not StatementKind.REPORTED
            or st.speaker_source is SpeakerSource.HEADLINE
            or st.span.end > self.top[k].open
        ):
            return None
        if self.last_quote is not None and self.last_quote[0].span.end > st.span.end:
            return None
        spi = bisect.bisect_right(self.para_starts, st.span.start) - 1
        if pi - spi > 1:
            return None
        between = self.text[st.span.end : self.top[k].open]
        if sum(between.count(ch) for ch in ".!?") > 1:
            return None  # "Peskov said …. Analysts disagreed. “…”": someone else came between
        return _Attrib([st.speaker], st.speaker_span, None, "continuation")

    def _next_attribution(self, para: _Para, si: int, qj: int) -> _Attrib | None:
        """ "“Will the corridor open?” Machar asked.": the quote ends its sentence and the next
        one, right after it, is only an attribution (a speaker, a cue and adverbials)."""
        if si + 1 >= len(para.sents) or para.sents[si][1] != qj:
            return None
        na, nb = para.sents[si + 1]
        ncues = self._find_cues(para, (na, nb))
        if not ncues or ncues[0].kind != "finite":
            return None
        c = ncues[0]
        r = self._np_left(para, na, c.lo)
        if r is None or r[0] != na or not self._head_ok(para, r):
            return None
        end = self._attribution_end(para, c.hi, nb)
        if end is None or (end < nb and para.toks[end].low not in _SENT_END):
            return None
        c.subject = r
        return _Attrib([], None, c, "after")

    def _bare_intro(self, pi: int, para: _Para, si: int, qi: int) -> _Attrib | None:
        """ "…, and her husband cut in. “Don’t forget Tom.”": the sentence before the quote
        ends with a cue that reports nothing of its own; its speaker says the quote."""
        if qi != para.sents[si][0]:
            return None
        across = si == 0
        if across:
            # "Aliyev responded on Tuesday. / “Talk is cheap.”": the previous paragraph's
            # last sentence
            prev = self.prev_para
            if prev is None or prev[0] != pi - 1 or not prev[1].sents or qi != 0:
                return None
            para = prev[1]
            si = len(para.sents)
        pa, pb = para.sents[si - 1]
        pcues = [c for c in self._find_cues(para, (pa, pb)) if c.kind == "finite"]
        if not pcues:
            return None
        c = pcues[-1]
        end = self._attribution_end(para, c.hi, pb)
        if end is None or end < pb - 1 or para.toks[pb - 1].low not in _SENT_END:
            return None
        self._resolve_cue(para, c, pcues)
        if not c.speakers:
            return None
        if across and (c.subject is None or c.subject[0] != self._after_dateline(para, pa, pb)):
            return None  # across paragraphs only "<Speaker> <cue> <adverbials>." introduces
        return _Attrib(c.speakers, c.speaker_span, c, "colon", para)

    def _next_paragraph_adds(self, pi: int, para: _Para, k: int) -> _Attrib | None:
        """ "“The enemy is retreating.” / He added that …": a quotation that is its whole
        paragraph, and a next paragraph that opens with a pronoun or a name and a verb of
        going on ("added", "continued"): that speaker said the quotation."""
        q = self.top[k]
        if pi + 1 >= len(self.para_starts):
            return None
        if self.text[para.lo : q.open].strip() or self.text[q.outer_end : para.hi].strip():
            return None
        m = _GOES_ON.match(self.text, self.para_starts[pi + 1])
        if m is None or m.group(2).lower() not in GOES_ON:
            return None
        sspan = Span(start=m.start(1), end=m.end(1))
        speakers = self.resolver.resolve(sspan)
        if not speakers or any(a.kind is not ActorKind.PERSON for a in speakers):
            return None  # a person goes on speaking; "The Arctic added ice" is not one
        return _Attrib(speakers, sspan, None, "next")

    def _next_sentence(self, para: _Para, si: int) -> _Attrib | None:
        """(f) the next sentence names the speaker: «…» The analyst added that …"""
        if si + 1 >= len(para.sents):
            return None
        na, nb = para.sents[si + 1]
        ncues = self._find_cues(para, (na, nb))
        if ncues and ncues[0].kind == "finite":
            c = ncues[0]
            r = self._np_left(para, na, c.lo)
            if r is not None and r[0] == na:
                return _Attrib([], None, c, "next")
        return None

    def _gap_ok(self, para: _Para, c: _Cue, qi: int) -> bool:
        """Only a hearer, dates, adverbials, "that" and punctuation between cue and quote."""
        toks, qidx = para.toks, para.qidx
        x = c.hi
        n = 0
        while x < qi:
            t = toks[x]
            if qidx[x] >= 0 or t.low in _SENT_END:
                return False
            n += 1
            if n > _MAX_GAP:
                return False
            if t.low in self.cues.forms and not t.cap and not self._after_noun(para, x):
                return False
            if t.low in self.finite:
                return False
            x += 1
        if c.hi == qi:
            return True
        lastt = toks[qi - 1].low
        return lastt in (":", ",", "that", "—", "–") or (c.hi >= qi - 6 and lastt not in self.dets)

    def _after_noun(self, para: _Para, x: int) -> bool:
        """ "in a message shared on Facebook": a participle right after "a/the <noun>"."""
        toks = para.toks
        return (
            x >= 2
            and toks[x].low.endswith("ed")
            and toks[x - 1].word
            and not toks[x - 1].cap
            and toks[x - 2].low in ("a", "an", "the")
        )

    def _modifier_quote(self, para: _Para, sent: tuple[int, int], qi: int, qj: int) -> bool:
        """ "the “coalition of the willing” meeting", "the “land for peace” formula": a
        quoted name between a determiner and the noun it modifies is not speech."""
        toks = para.toks
        if qi - 1 < sent[0] or qj >= sent[1] or para.qidx[qj] >= 0:
            return False
        if toks[qi - 1].low not in _NAME_DETERMINERS:
            return False
        words = self.text[self.top[para.qidx[qi]].start : self.top[para.qidx[qi]].end].split()
        if len(words) < 2 or words[-1][-1:] in ",.;:!?":
            return False  # a "historic" deal: one evaluative word is quoted speech
        nxt = toks[qj]
        return (
            nxt.word
            and not nxt.cap
            and nxt.low not in self.finite
            and nxt.low not in self.aux
            and nxt.low not in self.preps
            and not (nxt.low == "of" and toks[qi - 1].low in ("a", "an"))
            and nxt.low not in self.subords
            and nxt.low not in self.cues.forms
            and not self._adv(nxt)
            and not nxt.low.endswith("ed")
        )

    def _is_label(self, para: _Para, a: int, qi: int, k: int) -> bool:
        """A quoted name, title or term: "the so-called «special operation»", "told NBC's
        “Meet the Press”"."""
        toks = para.toks
        lows = [toks[x].low for x in range(max(a, qi - 3), qi)]
        tail1 = lows[-1:] and lows[-1]
        tail2 = " ".join(lows[-2:])
        if tail1 and (tail1 in self.labels or tail2 in self.labels):
            return True
        if tail1 == "called" and len(lows) >= 2 and self._thing(para, qi - 2):
            return True  # "a plan called «Road to Peace»": a thing's name, not speech
        # a title in Title Case after a preposition, a possessive or an article
        q = self.top[k]
        words = [w for w in self.text[q.start : q.end].split() if any(ch.isalpha() for ch in w)]
        title = (
            bool(words) and len(words) <= 8 and all(w[:1].isupper() or len(w) <= 3 for w in words)
        )
        return (
            title and bool(tail1) and (tail1 in self.preps or tail1 in LABEL_WORDS or tail1 == "of")
        )

    def _thing(self, para: _Para, x: int) -> bool:
        """Token ``x`` is a lower-case noun that names no one ("plan", "operation"), not a
        pronoun, a person noun or a name."""
        t = para.toks[x]
        return (
            t.word
            and not t.cap
            and t.low not in self.pron_all
            and t.low not in self.heads
            and t.low not in self.finite
            and t.low not in self.aux
            and not self._adv(t)
        )

    def _colon_intro(self, pi: int, para: _Para, si: int, qi: int) -> _Attrib | None:
        a, _b = para.sents[si]
        if qi != a:
            return None
        if si == 0:
            # the introduction ends the previous paragraph
            prev = self.prev_para
            if prev is None or prev[0] != pi - 1 or not prev[1].sents:
                return None
            para = prev[1]
            si = len(para.sents)
        toks = para.toks
        pa, pb = para.sents[si - 1]
        if pb - 1 < pa or toks[pb - 1].low != ":":
            return None
        pcues = self._find_cues(para, (pa, pb))
        for c in reversed(pcues):
            if c.kind in ("finite", "participle"):
                self._resolve_cue(para, c, pcues)
                if c.speakers:
                    return _Attrib(c.speakers, c.speaker_span, c, "colon", para)
        r = self._clause_subject(para, pa, pb - 1)
        if r is None or not self._plausible_subject(para, r):
            return None
        span = self._span(para, r)
        speakers = self.resolver.resolve(span)
        return _Attrib(speakers, span, None, "colon") if speakers else None

    def _emit_quote(
        self,
        pi: int,
        para: _Para,
        sent: tuple[int, int],
        k: int,
        att: _Attrib | None,
        kind: StatementKind,
        cues: list[_Cue],
    ) -> None:
        q = self.top[k]
        if att is None:
            return
        if att.cue is not None and not att.speakers:
            self._resolve_cue(para, att.cue, cues)
            speakers = att.cue.speakers
            sspan = att.cue.speaker_span
        else:
            speakers, sspan = att.speakers, att.speaker_span
        speakers = self._joint(speakers, sspan)
        emit: list[Actor | None] = list(speakers)
        if not emit:
            # the text names a speaker nobody could resolve ("he admitted" with no
            # antecedent): the quote is still a statement, with its speaker unresolved
            sspan = self._unresolved(para, att.cue, loose=att.how in ("after", "before"))
            if sspan is None:
                return
            emit = [None]
        span = q.span
        if self.ctx.is_furniture(span) or not self.text[span.start : span.end].strip():
            return
        cue_text: str | None = None
        cue_span: Span | None = None
        if att.cue is not None and att.how != "continuation":
            cue_text, cue_span = self._cue_text(att.cue_para or para, att.cue)
        via = self._via(para, sent, span)
        date = self._date(sent, para, span, cue_span)
        first: Statement | None = None
        for n, sp in enumerate(emit):
            st = self._statement(
                span, kind, sp, sspan, cue_text, cue_span, via, date, n, how=att.how
            )
            if st is not None and first is None:
                first = st
        if first is not None:
            self.quote_stmt[k] = (first, speakers, sspan, att.cue)
            self.last_quote = (first, speakers, pi, span.end)
