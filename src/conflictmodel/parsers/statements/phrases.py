"""Noun phrases and clauses around cues: speakers, subjects, objects, adverbials."""

from __future__ import annotations

from conflictmodel.model.span import Span
from conflictmodel.parsers.statements._adverbials import _SUBJECT_PRONOUNS, _Adverbials
from conflictmodel.parsers.statements._words import (
    ANONYMOUS_QUANTIFIERS,
    CLAUSE_SUBJECTS,
    COUNT_PREPOSITIONS,
    FRAME_DETERMINERS,
    FRAME_PREPOSITIONS,
    NUMBER_WORDS,
    OBJECT_AUXILIARIES,
    OBJECT_BREAKS,
    PHRASE_CONJUNCTIONS,
    REL_PRONOUNS,
    REPORT_NOUNS,
    TIME_PREPOSITIONS,
)
from conflictmodel.parsers.statements.base import (
    _MAX_SENT,
    _MAX_SUBJECT,
    _MODIFIED_NOUNS,
    _REL,
    _SENT_END,
    _STOP_PUNCT,
    _Cue,
    _Para,
)
from conflictmodel.parsers.statements.cues import CueEntry, CueMatch, Token, singular

_IRREGULAR_PARTICIPLES = frozenset(
    ("led", "known", "born", "seen", "held", "made", "given", "shown", "sent", "backed", "run")
)
_WH_WORDS = frozenset(("what", "whatever", "how", "why"))
_FOLLOW_VERB = frozenset(("that", "no", "to", "it", "them", "him", "her", "us", "nothing"))
_LEAD_SUBORDINATORS = frozenset(("as", "while", "when", "because", "although", "though", "since"))
_REL_OPEN = frozenset(("which", "who", "whose", "whom"))
_FLOATING = frozenset(("all", "both", "each"))
_QUOTE_OPEN = frozenset(("“", '"', "‘", "«"))
"""Quantifiers that float after an auxiliary, away from their subject ("have all said")."""


def _in_number(toks: list[Token], y: int, end: int) -> bool:
    """The comma or point at ``y`` separates the digits of one number ("3,000", "1.5")."""
    return (
        0 < y < end - 1
        and toks[y - 1].low[-1:].isdigit()
        and toks[y + 1].low[:1].isdigit()
        and toks[y - 1].end == toks[y].start
        and toks[y].end == toks[y + 1].start
    )


class _Phrases(_Adverbials):
    """Where speaker phrases, subjects, objects and clauses begin and end."""

    def _nominal_cue(self, para: _Para, sent: tuple[int, int], i: int) -> _Cue | None:
        """ "Trump's announcement that …", "the army's claim that …": a report noun after a
        possessive and before "that" is a cue whose speaker is the owner."""
        toks, qidx = para.toks, para.qidx
        a, b = sent
        if (
            toks[i].low not in REPORT_NOUNS
            or i - 1 <= a
            or toks[i - 1].low not in ("'s", "’s")
            or i + 1 >= b
            or toks[i + 1].low != "that"
            or qidx[i + 1] >= 0
        ):
            return None
        owner = self._np_left(para, a, i - 1, appositive=False, minimal=True)
        if owner is None or not self._head_ok(para, owner):
            return None
        entry = CueEntry(words=(toks[i].low,), lemma=toks[i].low, complements=frozenset({"that"}))
        return _Cue(CueMatch(i, i + 1, entry, toks[i].low), i, i + 1, "finite", sent, owner)

    def _np_left(
        self, para: _Para, a: int, end: int, *, appositive: bool = True, minimal: bool = False
    ) -> tuple[int, int] | None:
        """The noun phrase ending just before token ``end`` (not before ``a``)."""
        toks, qidx = para.toks, para.qidx
        j = self._np_last(para, a, end)
        if j < a or qidx[j] >= 0:
            return None
        if toks[j].low in _FLOATING and j - 1 > a and toks[j - 1].low in self.aux:
            # "Egypt and the UAE have all expressed": the subject is before the auxiliary
            return self._np_left(para, a, j - 1, appositive=appositive, minimal=minimal)
        if toks[j].low == "," and appositive:
            return self._appositive(para, a, j)
        if toks[j].low in _REL and j - 1 >= a:
            # "Zelensky, who said …": the speaker is what the relative clause hangs on
            k = j - 1
            if toks[k].low == ",":
                k -= 1
            if k >= a and qidx[k] < 0:
                # "…, said a Sudanese officer based in Omdurman, who asked …": a person
                r = self._np_left(para, a, k + 1, appositive=False, minimal=toks[j].low != "who")
                return self._named_before_appositive(para, a, r) if toks[j].low == "who" else r
            return None
        hi = j + 1
        lo, stopped_hard = self._np_scan(para, a, j, minimal)
        if lo >= hi:
            return None
        if not stopped_hard and not minimal:
            # the verb that stopped the phrase opens a relative clause ("who signed"), or the
            # relative pronoun itself did ("who follows the talks": a present-tense verb)
            held = self._relative_head(para, a, lo - 1)
            if held is None and self._subject_relative(para, lo):
                held = self._relative_head(para, a, lo)
            if held is not None:
                # "the groups that signed the accord": a lower-case description keeps its
                # clause (it says who they are); a name does not need it
                return (held[0], hi) if not para.toks[held[1] - 1].cap else held
        r = self._np_trim(para, lo, hi, stopped_hard)
        if r is not None and any(toks[x].low in ("and", "&") for x in range(*r)):
            r = (self._list_start(para, a, r[0]), r[1])
        return r

    def _named_before_appositive(
        self, para: _Para, a: int, r: tuple[int, int] | None
    ) -> tuple[int, int] | None:
        """ "Dr. Tewodros Alemu, the head of a hospital, who said …": the name a lower-case
        description ``r`` is in apposition to, else ``r``."""
        toks = para.toks
        if r is None or r[0] - 1 <= a or toks[r[0] - 1].low != "," or toks[r[0]].cap:
            return r
        name = self._np_left(para, a, r[0] - 1, appositive=False)
        if name is None or not toks[name[1] - 1].cap:
            return r
        return name

    def _list_start(self, para: _Para, a: int, lo: int) -> int:
        """ "the United States, Egypt and the UAE": the first of the names listed before the
        last two, each set off by a comma (not an opening adverbial: "In Kyiv, X and Y")."""
        toks = para.toks
        while lo - 2 >= a and toks[lo - 1].low == "," and para.qidx[lo - 1] < 0:
            k = lo - 2
            while k >= a and toks[k].cap and toks[k].word and not self._in_date(toks[k]):
                k -= 1
            if k == lo - 2 or toks[k + 1].low in self.cues.function_words:
                break
            if k >= a and toks[k].low == "the":
                k -= 1
            if k >= a and not (
                toks[k].low in (",", "while", "and", "but") or toks[k].low in _SENT_END
            ):
                break
            lo = k + 1
        return lo

    def _subject_relative(self, para: _Para, v: int) -> bool:
        """Token ``v`` is the verb of a relative clause whose pronoun is its subject ("who
        follows the talks"), not the start of the clause's own subject ("that the
        administration has said")."""
        t = para.toks[v]
        return (
            t.word
            and not t.cap
            and t.low not in self.dets
            and t.low not in self.pron_all
            and t.low not in self.preps
        )

    def _relative_head(self, para: _Para, a: int, v: int) -> tuple[int, int] | None:
        """ "the militias that joined the truce last year announced": the verb ``v`` that
        stopped the phrase opens a relative clause; the speaker is what the clause hangs on."""
        toks, qidx = para.toks, para.qidx
        p = v - 1
        if p <= a or toks[p].low not in _REL or qidx[p] >= 0 or toks[p - 1].low in _STOP_PUNCT:
            return None
        r = self._np_left(para, a, p, appositive=False)
        return r if r is not None and self._head_ok(para, r) else None

    def _np_last(self, para: _Para, a: int, end: int) -> int:
        """The last token of the phrase before ``end``: trailing adverbs and dates skipped, and a
        parenthesis ("Sen. Marco Rubio (R-Fla.) said")."""
        toks, qidx = para.toks, para.qidx
        j = end - 1
        dated = False
        while (
            j >= a
            and qidx[j] < 0
            and (
                (self._adv(toks[j]) and toks[j].low not in self.dets)
                or self._in_date(toks[j])
                or (dated and toks[j].low in TIME_PREPOSITIONS and not toks[j].cap)
            )
        ):
            dated = dated or self._in_date(toks[j])  # "…, on Tuesday called": "on" too
            j -= 1
        if j >= a and toks[j].low == ")" and qidx[j] < 0:
            p = j - 1
            while p >= a and j - p <= 10 and toks[p].low != "(":
                p -= 1
            if p >= a and toks[p].low == "(":
                j = p - 1
        return j

    def _np_scan(self, para: _Para, a: int, j: int, minimal: bool) -> tuple[int, bool]:
        """Back from token ``j`` to where the phrase starts; also whether a hard boundary
        (punctuation, a quotation) stopped it rather than a verb or conjunction."""
        toks, qidx = para.toks, para.qidx
        hi = j + 1
        k = j
        while k >= a and hi - k <= _MAX_SUBJECT:
            t = toks[k]
            low = t.low
            if qidx[k] >= 0 or low in _STOP_PUNCT or low in _SENT_END:
                break
            if not t.word and low not in ("'s", "-", "&", "."):
                break
            if t.word and not t.cap:
                if minimal and low in self.preps and low != "of":
                    break
                if self._np_soft_stop(toks, k, j):
                    return k + 1, False
            k -= 1
        return k + 1, True

    def _np_soft_stop(self, toks: list[Token], k: int, j: int) -> bool:
        """A lower-case word that starts a clause before the phrase: a subordinator, a finite
        verb or auxiliary, another cue, a participle before a name."""
        low = toks[k].low
        if (low in self.subords and low not in ("and",)) or low in self.finite or low in self.aux:
            return True
        if low in _WH_WORDS:
            return True  # "Russia launched what it calls …": the speaker is "it"
        if low in self.cues.forms and k != j:
            # "state broadcaster MRTV reported": the form modifies the noun after it (as
            # `_classify` decides), it is not another cue
            return not (toks[k + 1].low in _MODIFIED_NOUNS and not toks[k + 1].cap)
        return (
            low.endswith("ed") and k + 1 <= j and (toks[k + 1].cap or toks[k + 1].low in self.dets)
        )

    def _np_trim(self, para: _Para, lo: int, hi: int, stopped_hard: bool) -> tuple[int, int] | None:
        toks = para.toks
        # a clause boundary we could not see ("X visited Kyiv and Zelensky said"): keep the
        # last conjunct only
        if not stopped_hard:
            ands = [x for x in range(lo, hi) if toks[x].low == "and"]
            if ands:
                lo = ands[-1] + 1
        # a leading preposition belongs to an adverbial ("In Kyiv Zelensky said")
        while lo < hi and toks[lo].low in self.preps and not toks[lo].cap:
            lo += 1
        while lo < hi and (not toks[lo].word or toks[lo].low in PHRASE_CONJUNCTIONS):
            lo += 1
        # "As the envoy noted, …": the subordinator is not part of the speaker
        while lo < hi - 1 and (
            toks[lo].low in _LEAD_SUBORDINATORS
            or (
                (toks[lo].low in self.preps or toks[lo].low in self.subords)
                and toks[lo].cap
                and (toks[lo + 1].low in self.pron_all or toks[lo + 1].low in self.dets)
            )
        ):
            lo += 1  # "After he blasted …": the capitalised preposition opens an adverbial
        if lo >= hi:
            return None
        return lo, hi

    def _appositive(self, para: _Para, a: int, comma: int) -> tuple[int, int] | None:
        """ "Sergei Aksyonov, the head of Crimea, has said": the phrase before the parenthesis."""
        toks = para.toks
        p = self._parenthesis_start(para, a, comma)
        if p is None:
            return None
        np = self._np_left(para, a, p, appositive=False)
        seg = range(p + 1, comma)
        held = self._relative_holder(para, a, np)
        if held is not None:
            # "Nangaa, who leads the alliance, the coalition that includes M23, told": the
            # parenthesis is one more apposition inside a relative clause on the speaker
            return held
        if np is not None and all(toks[x].low[:1].isdigit() for x in range(*np)):
            # "Abiy Ahmed, 47, the prime minister, said": the age is one more parenthesis
            return self._appositive(para, a, p)
        if np is not None and self._region_after(para, p, comma + 1) == comma:
            # "Clinton, at a rally in Columbus, Ohio, said": the region is part of a
            # parenthesis before the name; "a woman in Worcester, Massachusetts, told": of
            # the speaker phrase
            return self._appositive(para, a, p) or (np[0], comma)
        if np is None:
            return None
        words = [toks[x] for x in seg if toks[x].word]
        if (
            words
            and all(t.cap for t in words)
            and (
                not all(toks[x].cap for x in range(*np) if toks[x].word)
                # "Colombia's Defence Minister, Ivan Velasquez,": a title, then the name
                or toks[np[1] - 1].low in self.heads
            )
        ):
            # "Pakistan's military spokesman, Lt Gen Ahmed Sharif Chaudhry, said": the name
            return p + 1, comma
        if not any(toks[x].cap for x in range(np[0], np[1])):
            return None
        return np

    def _relative_holder(
        self, para: _Para, a: int, np: tuple[int, int] | None
    ) -> tuple[int, int] | None:
        """When ``np`` is (or starts just after) ", who/which …", the phrase the relative
        clause hangs on, else None."""
        if np is None:
            return None
        toks, qidx = para.toks, para.qidx
        w = np[0]
        # the relative clause's verb may have stopped the phrase: "who gave only his call sign"
        while w > a and np[0] - w < 6 and toks[w].low not in _REL_OPEN:
            if not toks[w - 1].word or qidx[w - 1] >= 0:
                return None
            w -= 1
        if w - 2 < a or toks[w].low not in _REL_OPEN or qidx[w] >= 0:
            return None
        if toks[w - 1].low != "," or qidx[w - 1] >= 0:
            return None
        r = self._np_left(para, a, w - 1)
        return r if r is not None and self._head_ok(para, r) else None

    def _parenthesis_start(self, para: _Para, a: int, comma: int) -> int | None:
        """The comma opening the parenthesis that ends at ``comma``, or None when what stands
        between is a clause (a finite verb without a relative pronoun) or crosses a boundary."""
        toks, qidx = para.toks, para.qidx
        p = comma - 1
        finite = relative = False
        while p >= a and comma - p <= 25:
            low = toks[p].low
            if qidx[p] >= 0 or low in _SENT_END or low in (";", ":"):
                return None
            if low == ",":
                break
            relative = relative or low in REL_PRONOUNS
            finite = finite or (
                low in self.finite and not (low == "'s" and self._possessive(para, p))
            )
            p -= 1
        else:
            return None
        if p < a or p + 1 >= comma:
            return None
        first = toks[p + 1].low
        if (
            finite
            and p + 2 < comma
            and (first.endswith("ed") or first in _IRREGULAR_PARTICIPLES)
            and toks[p + 2].low in self.preps
        ):
            relative = True  # ", led by the defence minister,": a reduced relative
        if finite and not relative:
            return None  # a clause, not a parenthesis
        return p

    def _np_right(self, para: _Para, start: int, b: int) -> tuple[int, int] | None:
        """The speaker phrase after an inverted cue: ", said a Sudanese analyst based in Cairo"."""
        toks = para.toks
        k = start
        while k < b and (self._in_date(toks[k]) or self._adv(toks[k])) and not toks[k].cap:
            k += 1
        lo = k
        if k < b and toks[k].low in self.preps and not toks[k].cap:
            return None  # "said on Twitter …, “…”": an adverbial, not the speaker
        while k < b and k - lo < 12 and not self._np_right_stop(para, k, lo, b):
            k += 1
        if k <= lo:
            return None
        # ", said the ministry's spokeswoman, Maria Zakharova." - the name after the comma
        if k < b and toks[k].low == "," and k + 1 < b:
            n = k + 1
            while n < b and toks[n].cap and n - k <= 4:
                n += 1
            if n > k + 1 and (n >= b or toks[n].low in _SENT_END or toks[n].low == ","):
                return k + 1, n
        return lo, k

    def _np_right_stop(self, para: _Para, k: int, lo: int, b: int) -> bool:
        """Token ``k`` ends a speaker phrase that started at ``lo``: punctuation, a quotation,
        a relative pronoun, a date, a verb, or a time or frame adverbial ("on Monday", "in a
        statement")."""
        toks = para.toks
        t = toks[k]
        low = t.low
        if para.qidx[k] >= 0 or low in _STOP_PUNCT or low in _SENT_END or low in _REL:
            return True
        if low in ("'s", "’s") and k > lo and self._possessive(para, k):
            return False  # "said Iran's supreme leader …"
        if not t.cap and (low in self.finite or low in self.cues.forms):
            return True
        if k == lo:
            return False
        if self._in_date(t):
            return True
        if low in TIME_PREPOSITIONS:
            return True
        return low == "in" and k + 1 < b and toks[k + 1].low in FRAME_DETERMINERS

    def _clause_subject(self, para: _Para, a: int, limit: int) -> tuple[int, int] | None:
        """The subject of the sentence's main clause, after any leading adverbial."""
        toks, qidx = para.toks, para.qidx
        start = self._after_adverbials(para, a, limit)
        if start is None:
            return None
        i = start
        lo = i
        k = i
        while k < limit and k - lo < 12:
            t = toks[k]
            if qidx[k] >= 0 or t.low in _STOP_PUNCT or t.low in _SENT_END:
                break
            if t.low == "'s" and self._possessive(para, k):
                k += 1
                continue
            if not t.cap and (
                t.low in self.finite
                or t.low in self.aux
                or t.low in self.cues.forms
                or (t.low.endswith("ed") and k > lo)
                or t.low in self.subords
                or (t.low in self.adverbs and t.low not in self.dets)
            ):
                break
            k += 1
        if k <= lo:
            return None
        if k < limit and toks[k].low == ",":
            named = self._apposed_name(para, k, limit)
            if named is not None:
                return named
        return lo, k

    def _apposed_name(self, para: _Para, k: int, limit: int) -> tuple[int, int] | None:
        """ "The Transnistrian leader, Vadim Krasnoselsky, called": the name in apposition
        after the comma at ``k``."""
        toks, qidx = para.toks, para.qidx
        n = k + 1
        while n < limit and n - k <= 6 and qidx[n] < 0 and (toks[n].cap or toks[n].low == "."):
            n += 1
        if n > k + 1 and n < limit and toks[n].low == ",":
            return k + 1, n
        return None

    def _head_ok(self, para: _Para, r: tuple[int, int]) -> bool:
        """The phrase's head (before its modifiers: "a diplomat familiar with", "a strike in
        Sumy") names someone: a capitalised word, a pronoun or a speaker noun."""
        toks = para.toks
        mods = self.cues.word_set("modifier_starts") | (self.preps - {"of"}) | _REL
        head: Token | None = None
        for x in range(r[0], r[1]):
            t = toks[x]
            if x > r[0] and (t.low in mods or t.low == ","):
                break
            if t.low == "of" and head is not None and singular(head.low) in self.cues.human_heads:
                break  # "a member of Hamas's political bureau": a member
            if t.word:
                head = t
        if head is None:
            return False
        if (
            r[1] - r[0] == 1
            and head.low in self.cues.function_words
            and head.low not in self.pron_all
            and (r[0] == 0 or toks[r[0] - 1].low in _SENT_END)
        ):
            return False  # "When", "After": a word of the grammar opening a sentence
        first = toks[r[0]].low
        return (
            (head.cap and head.low not in self.dets)
            or head.low in self.pron_all
            or head.low in self.heads
            or singular(head.low) in self.heads
            or head.low in self.cues.word_set("source_nouns")
            or head.low in self.cues.word_set("media_heads")  # "the magazine said"
            # "Many in the crowd", "six in 10", "most of them": a share of people
            or (first in ANONYMOUS_QUANTIFIERS and first not in ("a", "an", "another"))
            or first[:1].isdigit()
            or self._named_conjunct(para, r)
        )

    def _named_conjunct(self, para: _Para, r: tuple[int, int]) -> bool:
        """ "Kiir and his rivals for the nomination": a name before the conjunction."""
        toks = para.toks
        for x in range(r[0], r[1]):
            if toks[x].low in ("and", "&"):
                return any(toks[y].cap and toks[y].word for y in range(r[0], x))
        return False

    def _plausible_subject(self, para: _Para, r: tuple[int, int]) -> bool:
        """A speaker phrase names someone: a capitalised word, a pronoun, or a speaker noun."""
        toks = para.toks
        words = [toks[x] for x in range(r[0], r[1]) if toks[x].word]
        if not words:
            return False
        if any(t.cap and t.low not in self.dets for t in words):
            return True
        lows = " ".join(t.low for t in words)
        if lows in self.pron_all:
            return True
        return any(t.low in self.heads for t in words)

    def _according_np(self, para: _Para, c: _Cue) -> tuple[int, int] | None:
        _a, b = c.sent
        toks, qidx = para.toks, para.qidx
        k = c.hi
        lo = k
        while k < b and k - lo < 12:
            if qidx[k] >= 0 or toks[k].low in _STOP_PUNCT or toks[k].low in _SENT_END:
                break
            k += 1
        return (lo, k) if k > lo else None

    def _bare_clause(self, para: _Para, x: int, end: int) -> bool:
        """ "said a ceasefire is unrealistic", "stated he expected": a subject and a finite verb
        before any comma; or a clause whose subject was moved out ("said are non-negotiable")."""
        t = para.toks[x]
        if t.low in self.finite and t.low not in OBJECT_AUXILIARIES:
            return True
        starts = (
            t.low in self.pron_all
            or t.low in CLAUSE_SUBJECTS
            or t.low in self.dets
            or t.cap
            or t.low[:1].isdigit()
            # "reported at least six drones struck …": a counted subject
            or (t.low == "at" and x + 1 < end and para.toks[x + 1].low in ("least", "most"))
            or self._approximate_count(para, x, end)
        )
        if t.low in _SUBJECT_PRONOUNS and x + 1 < end and self._pronoun_clause(para, x, end):
            return True
        if not starts and not (
            t.word
            and t.low not in self.preps
            and t.low not in self.subords
            and t.low not in self.cues.forms
            and not self._adv(t)
        ):
            return False
        # a bare plural or mass noun ("said troops had struck") needs its verb close by
        return self._verb_follows(para, x, end, 14 if starts else 5, starts)

    def _approximate_count(self, para: _Para, x: int, end: int) -> bool:
        """ "said between 3,000 and 4,000 troops were …", "about 200 people had fled": a
        preposition of quantity before a number opens a counted subject."""
        toks = para.toks
        return (
            toks[x].low in COUNT_PREPOSITIONS
            and x + 1 < end
            and (toks[x + 1].low[:1].isdigit() or toks[x + 1].low in NUMBER_WORDS)
        )

    def _pronoun_clause(self, para: _Para, x: int, end: int) -> bool:
        """ "said they both share …", "said he expects …": a subject pronoun and a lower-case
        word (after an adverb or "both") is a clause."""
        toks = para.toks
        y = x + 1
        while y < end - 1 and (toks[y].low in ("both", "all") or self._adv(toks[y])):
            y += 1
        u = toks[y]
        return u.word and not u.cap and para.qidx[y] < 0 and u.low not in self.preps

    def _verb_follows(self, para: _Para, x: int, end: int, reach: int, starts: bool) -> bool:
        """A finite verb of the clause whose subject starts at ``x`` comes within ``reach``
        tokens, before any punctuation (a relative clause inside the subject is skipped)."""
        toks, qidx = para.toks, para.qidx
        y = x + 1
        while y < end and y - x <= reach:
            close = self._inner_relative_end(para, y, end)
            if close is not None:
                # "said the talks, which resume in May, remain informal": the relative
                # clause is a parenthesis inside the subject
                reach += close - y
                y = close + 1
                continue
            u = toks[y]
            if (
                qidx[y] < 0
                and (u.low in _STOP_PUNCT or u.low in _SENT_END)
                and not _in_number(toks, y, end)
            ):
                return False
            if self._clause_verb(para, x, y, end, starts):
                return True
            y += 1
        return False

    def _inner_relative_end(self, para: _Para, y: int, end: int) -> int | None:
        """When the comma at ``y`` opens a parenthesis inside a subject, the comma that closes
        it (a list inside it, "with Kenya, Uganda, and the U.K.,", does not); else None."""
        toks, qidx = para.toks, para.qidx
        if toks[y].low != "," or qidx[y] >= 0 or y + 1 >= end:
            return None
        if not self._parenthesis_opens(para, y + 1, end):
            return None
        z = y + 2
        while z < end and z - y < 40:
            if toks[z].low == "," and qidx[z] < 0:
                nxt = toks[z + 1] if z + 1 < end else None
                if nxt is None or not (nxt.cap or nxt.low in ("and", "or")):
                    return z
            z += 1
        return None

    def _clause_verb(self, para: _Para, x: int, y: int, end: int, starts: bool) -> bool:
        """Token ``y`` is the finite verb of a clause whose subject starts at ``x``."""
        toks = para.toks
        u = toks[y]
        if u.low in self.finite or (
            u.word and not u.cap and u.low.endswith("ed") and len(u.low) > 4
        ):
            return True
        if self._third_person_verb(para, x, y, end) or self._plural_verb(para, x, y):
            return True  # "said an internal review shows no …", "said all staffers sign …"
        return (
            starts
            and y - 1 > x
            and u.word
            and not u.cap
            and toks[y - 1].low in self.adverbs
            and u.low not in self.preps
            and u.low not in self.dets
            and not u.low.endswith("ing")
        )  # "said the mediators often leave …": a verb after its adverb

    def _parenthesis_opens(self, para: _Para, y: int, end: int) -> bool:
        """Token ``y`` opens a parenthesis inside a subject: a relative pronoun (", which …")
        or a participle with its preposition (", run by the ministry,")."""
        toks = para.toks
        low = toks[y].low
        if low in _REL_OPEN:
            return True
        return (
            y + 1 < end
            and (low.endswith("ed") or low in _IRREGULAR_PARTICIPLES)
            and toks[y + 1].low in self.preps
        )

    def _third_person_verb(self, para: _Para, x: int, y: int, end: int) -> bool:
        """Token ``y`` is a present-tense verb after a singular noun: "review shows no",
        "the army says that" (an -s word after a word without -s, before a determiner, a
        pronoun or "that")."""
        toks = para.toks
        u = toks[y]
        if y - 1 <= x or y + 1 >= end or u.cap or not u.word or para.qidx[y] >= 0:
            return False
        low, prev = u.low, toks[y - 1]
        return (
            len(low) > 3
            and low.endswith("s")
            and not low.endswith(("ss", "us", "is"))
            and prev.word
            and not prev.cap
            and not prev.low.endswith("s")
            and prev.low not in self.dets
            and prev.low not in self.preps
            and (toks[y + 1].low in self.dets or toks[y + 1].low in _FOLLOW_VERB)
        )

    def _plural_verb(self, para: _Para, x: int, y: int) -> bool:
        """Token ``y`` is a present-tense verb after a plural subject with its determiner
        ("all staffers sign pledges", "the rebels want talks")."""
        toks = para.toks
        u, prev = toks[y], toks[y - 1]
        return (
            y - 1 > x
            and toks[x].low in self.dets
            and prev.word
            and not prev.cap
            and prev.low.endswith("s")
            and not prev.low.endswith(("ss", "us", "is"))
            and u.word
            and not u.cap
            and para.qidx[y] < 0
            and len(u.low) > 2
            and u.low not in self.cues.function_words
            and not u.low.endswith(("s", "ly", "ing", "ed"))
            and y + 1 < len(toks)
            and (toks[y + 1].word or toks[y + 1].low in _QUOTE_OPEN)
        )

    def _object(self, para: _Para, x: int, end: int, c: _Cue) -> bool:
        toks = para.toks
        t = toks[x]
        first = c.match.entry.words[0]
        if (
            first.endswith("s")
            and not first.endswith("ss")
            and first in self.cues.word_set("noun_forms")
        ):
            return False  # "claims", "reports": too often nouns
        if t.low in self.preps and c.match.entry.role == "verb" and len(c.match.entry.words) == 1:
            return False
        if t.low in self.finite or t.low in self.subords:
            return False
        return end - x >= 2 and (t.word or para.qidx[x] >= 0)

    def _object_end(self, para: _Para, x: int, end: int) -> int:
        """An object ends where a new clause or participle follows a comma ("rejected the
        plan, he said", "dismissed the idea, calling it …")."""
        toks, qidx = para.toks, para.qidx
        y = x + 1
        while y < end - 1 and y - x < _MAX_SENT:
            if toks[y].low in FRAME_PREPOSITIONS and qidx[y] < 0:
                m = self._match(para, y, end)
                if m is not None and m.entry.role == "frame":
                    return y  # "condemned the strike in a statement on Sunday"
            if toks[y].low == "," and qidx[y] < 0:
                nxt = toks[y + 1]
                if (
                    nxt.low.endswith("ing")
                    or nxt.low in OBJECT_BREAKS
                    or self._bare_clause(para, y + 1, end)
                ):
                    return y
            y += 1
        return end

    def _content_span(self, para: _Para, lo: int, hi: int) -> Span | None:
        toks = para.toks
        while (
            hi > lo
            and toks[hi - 1].low in (",", ";", ":", "—", "–", "-", ".", "(")
            and para.qidx[hi - 1] < 0
        ):
            hi -= 1
        while lo < hi and toks[lo].low in (",", ":", "—", "–"):
            lo += 1
        if hi - lo < 2:
            return None
        return Span(start=toks[lo].start, end=toks[hi - 1].end)

    def _leading(self, para: _Para, a: int, end: int) -> bool:
        """Only an adverbial stands before position ``end`` ("Meanwhile, according to")."""
        return end - a <= 3
