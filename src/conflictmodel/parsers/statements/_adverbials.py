"""Adverbials around speaker phrases: datelines, opening adverbials ("Hours later,", "Asked
which …,"), a region after a place ("in Goma, North Kivu,"), and the short prepositional
phrases between a cue and its clause.  A layer of the statements grammar, under
``_Phrases``."""

from __future__ import annotations

from conflictmodel.model.actors import ActorKind
from conflictmodel.parsers.statements._words import (
    DATELINE_DASHES,
    QUESTION_WORDS,
    TIME_PHRASE_ENDS,
)
from conflictmodel.parsers.statements.base import _Grammar, _Para

_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it", "you"))


class _Adverbials(_Grammar):
    """Where adverbials before a subject or after a cue end."""

    def _after_adverbials(self, para: _Para, a: int, limit: int) -> int | None:
        """The token after a dateline and up to two leading adverbials ("In Kyiv, on Monday,
        …", "Hours later, …", "Asked about the truce, …"), or None if one runs on without its
        comma."""
        toks = para.toks
        i = self._after_dateline(para, a, limit)
        for _ in range(2):
            if i >= limit:
                return None
            if not self._adverbial_opens(para, i, limit):
                break
            j = i
            while j < limit and toks[j].low != "," and j - i < 25:
                j += 1
            if not (j < limit and toks[j].low == ","):
                return None
            # "Speaking in Goma, North Kivu, …": the region belongs to the adverbial
            region = self._region_after(para, j, limit)
            i = (region if region is not None else j) + 1
        return i

    def _adverbial_opens(self, para: _Para, i: int, limit: int) -> bool:
        """Token ``i`` opens an adverbial, not the subject: a preposition, an adverb, a
        subordinator, a participle ("Speaking to …", "Asked which …"), a date, or a short
        time phrase ("Hours later,")."""
        toks = para.toks
        t = toks[i]
        low = t.low
        if (
            low in self.preps
            or low in self.adverbs
            or low in self.subords
            or low.endswith("ing")
            or low == "according"
            or self._in_date(t)
        ):
            return True
        nxt = toks[i + 1] if i + 1 < limit else None
        if nxt is None or (nxt.word and nxt.cap):
            return False
        if low.endswith("ly") and (
            nxt.low == "," or nxt.low in self.preps or nxt.low in self.subords
        ):
            return True  # "Shortly after …", "Finally, …" (capitalised: not `_adv`); not "Carly"
        if not nxt.word:
            return False
        if low.endswith("ed") and (
            nxt.low in self.preps or nxt.low in QUESTION_WORDS or nxt.low in self.dets
        ):
            return True  # "Asked about …", "Pressed on …": a participle, not a name
        return self._time_phrase(para, i, limit)

    def _time_phrase(self, para: _Para, i: int, limit: int) -> bool:
        """ "Hours later,", "Two days earlier,": up to three words ending in a time adverb and
        a comma."""
        toks = para.toks
        k = i + 1
        while k < limit and k - i < 4 and toks[k].low != ",":
            k += 1
        return k < limit and toks[k].low == "," and toks[k - 1].low in TIME_PHRASE_ENDS

    def _after_dateline(self, para: _Para, a: int, limit: int) -> int:
        """The token after a dateline that opens the sentence ("KHARTOUM, March 3 (Reuters)
        —", "Nairobi (AFP) –"): capitalised words, dates and an agency in parentheses up to
        a dash, with a place in capitals or an agency; else ``a``."""
        toks = para.toks
        if a >= limit or not toks[a].cap:
            return a
        shouted = toks[a].word and self.text[toks[a].start : toks[a].end].isupper()
        agency = False
        k = a
        while k < limit and k - a < 12 and toks[k].low not in DATELINE_DASHES:
            t = toks[k]
            agency = agency or t.low == "("
            if not (
                t.cap or t.low in (",", "(", ")", ".") or t.low[:1].isdigit() or self._in_date(t)
            ):
                return a
            k += 1
        if k >= limit or k == a or toks[k].low not in DATELINE_DASHES or not (shouted or agency):
            return a
        return k + 1

    def _region_after(self, para: _Para, comma: int, limit: int) -> int | None:
        """ "in Goma, North Kivu,": when the comma at ``comma`` follows a place after a
        preposition and is followed by a short run of capitalised words (not a person the text
        names) and another comma, the index of that second comma; else None."""
        toks, qidx = para.toks, para.qidx
        k = comma - 1
        while k > 0 and comma - k <= 4 and toks[k].cap and toks[k].word:
            k -= 1
        if k == comma - 1 or toks[k].low not in self.preps or toks[k].cap:
            return None
        n = comma + 1
        while n < limit and n - comma <= 3 and toks[n].cap and toks[n].word and qidx[n] < 0:
            n += 1
        if n == comma + 1 or n >= limit or toks[n].low != ",":
            return None
        m = self.ctx.mention_at(self._span(para, (comma + 1, n)))
        actor = self.ctx.actors.get(m.target) if m is not None else None
        if actor is not None and actor.kind is ActorKind.PERSON:
            return None  # "in Kyiv, Volodymyr Zelensky, the president, said"
        return n

    def _skip_adverbials(self, para: _Para, x: int, end: int) -> int:
        """The token after dates, adverbs and short prepositional phrases ("in a statement
        Thursday night", "in Kyiv") that stand between a cue and its clause."""
        toks, qidx = para.toks, para.qidx
        y = x
        for _ in range(4):
            if y >= end or qidx[y] >= 0:
                break
            t = toks[y]
            if self._in_date(t) or (self._adv(t) and not t.cap):
                y += 1
                continue
            if t.low not in self.preps or t.cap:
                break
            z = self._pp_end(para, y, end)
            if z == y + 1:
                break
            y = z
        return y

    def _pp_end(self, para: _Para, y: int, end: int) -> int:
        """The token after the short prepositional phrase opening at ``y``: its determiner
        and nouns, names or dates ("in a statement", "in Kyiv"), or one or two bare nouns
        before a subject pronoun ("for weeks he …")."""
        toks, qidx = para.toks, para.qidx
        z = y + 1
        det = False
        while z < end and z - y <= 5 and qidx[z] < 0:
            u = toks[z]
            if z == y + 1 and u.low in self.dets:
                det = True
            elif not (
                u.cap
                or self._in_date(u)
                or (
                    (det or (z - y <= 2 and z + 1 < end and toks[z + 1].low in _SUBJECT_PRONOUNS))
                    and u.word
                    and u.low not in self.pron_all
                    and u.low not in self.dets
                    and u.low not in self.finite
                    and u.low not in self.preps
                    and u.low not in self.cues.forms
                )
            ):
                break
            z += 1
        return z
