"""Shared state and the cue grammar of the statements stage: token ranges, cues, adverbs."""

from __future__ import annotations

import bisect

import attrs

from conflictmodel.context import ParseContext
from conflictmodel.model.actors import Actor
from conflictmodel.model.span import Span
from conflictmodel.model.statements import SpeakerSource, Statement
from conflictmodel.parsers.quotes import Quote
from conflictmodel.parsers.statements._words import (
    BE,
    PROGRESSIVE,
    REL,
    REPORT_NOUNS,
    VERB_COORDINATORS,
)
from conflictmodel.parsers.statements.cues import CueMatch, Cues, Token
from conflictmodel.parsers.statements.resolver import Resolver

_MAX_SUBJECT = 16
"""Longest speaker phrase, in tokens, looked at on either side of a cue."""
_MAX_GAP = 14
"""Most tokens between a cue and its "that" (hearer, dates, "in a statement", ...)."""
_MAX_SENT = 250
"""Longer "sentences" (lists, tables, run-on junk) are cut into pieces of this many tokens,
which bounds the work per cue and keeps the stage linear on any input."""
_STOP_PUNCT = frozenset(',;:—–()[]!?"“”«»„‹›')
_SENT_END = frozenset(".!?…")
_QUOTE_CHARS = frozenset("“”„«»‹›‘’‚\"'「」『』")
_BE = BE
_MODIFIED_NOUNS = frozenset(
    ("media", "television", "tv", "radio", "news", "broadcaster", "agency", "department")
)
_REL = REL
_REDUCED_OPENERS = frozenset(
    ("when", "while", "if", "once", "unless", "until", "though", "although", "whenever")
)
"""Subordinators before which a participle is a reduced passive clause ("when asked")."""


@attrs.define
class _Cue:
    """A cue found in a sentence and what it was resolved to."""

    match: CueMatch
    lo: int  # first token of the cue as written (with its auxiliaries)
    hi: int  # token after the cue
    kind: str  # finite | participle | source | frame | via
    sent: tuple[int, int]
    subject: tuple[int, int] | None = None  # token range of the speaker phrase
    speakers: list[Actor] = attrs.Factory(list)
    speaker_span: Span | None = None
    resolved: bool = False
    used_by_direct: bool = False


@attrs.define
class _Para:
    lo: int
    hi: int
    toks: list[Token]
    qidx: list[int]  # per token: index of the top-level quote containing it, or -1
    sents: list[tuple[int, int]]
    headline: bool
    matches: dict[tuple[int, int], CueMatch | None] = attrs.Factory(dict)
    """Memo of cue matches by (token, limit)."""


@attrs.define
class _Attrib:
    """A speaker found for a quote."""

    speakers: list[Actor]
    speaker_span: Span | None
    cue: _Cue | None
    how: str
    cue_para: _Para | None = None
    """The paragraph of ``cue`` when it is not the quote's (an introduction ending the
    previous paragraph): its token indices are that paragraph's."""


class _Grammar:
    """The state of one parse of one article and the grammar shared by every layer."""

    def __init__(self, ctx: ParseContext, cues: Cues) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.cues = cues
        self.resolver = Resolver(ctx, cues)
        w = cues.word_set
        self.aux = w("auxiliaries")
        self.finite = w("finite_markers")
        self.adverbs = w("adverbs")
        self.dets = w("determiners")
        self.preps = w("prepositions")
        self.subords = w("subordinators")
        self.heads = w("speaker_heads")
        self.audiences = w("audiences")
        self.labels = w("label_markers")
        self.abbrevs = w("abbreviations")
        self.clause_openers = w("clause_openers")
        self.first_words = cues.first_words
        self.pron_all = frozenset().union(*cues.pronouns.values()) if cues.pronouns else frozenset()
        self.out: list[Statement] = []
        self.ids: set[str] = set()
        self.date_spans = sorted(
            (d.span.start, d.span.end, d) for d in ctx.dates if d.span is not None
        )
        self.date_starts = [d[0] for d in self.date_spans]
        self.sent_starts = [sp.start for sp in ctx.sentences]
        self.seen: set[tuple[int, int, str]] = set()
        self.sent_cues: dict[tuple[int, int, int], list[_Cue]] = {}
        self.prev_para: tuple[int, _Para] | None = None
        self.last_quote: tuple[Statement, list[Actor], int, int] | None = None
        self.para_starts: list[int] = []
        self._sources: dict[tuple[str, int, int], SpeakerSource] = {}
        # (statement, speakers, paragraph index, end offset)
        self.top: list[Quote] = []
        self.top_opens: list[int] = []
        self.top_ends: list[int] = []
        self.chain_prev: dict[int, int] = {}
        self.quote_stmt: dict[int, tuple[Statement, list[Actor], Span | None, _Cue | None]] = {}

    def _in_date(self, t: Token) -> bool:
        i = bisect.bisect_right(self.date_starts, t.start) - 1
        return i >= 0 and self.date_spans[i][0] <= t.start < self.date_spans[i][1]

    def _adv(self, t: Token) -> bool:
        """An adverb: listed, or a lower-case word in -ly/-wards that is not a listed noun."""
        low = t.low
        if low in self.adverbs:
            return True
        return (
            not t.cap
            and t.word
            and len(low) > 5
            and low.endswith(("ly", "wards", "ward"))
            and low not in self.cues.word_set("ly_nouns")
        )

    def _possessive(self, para: _Para, k: int) -> bool:
        """ "Haiti's council" (possessive), not "he's going" (a verb)."""
        toks = para.toks
        if k + 1 >= len(toks) or not toks[k + 1].word or k == 0 or not toks[k - 1].word:
            return False
        nxt = toks[k + 1].low
        if k >= 2 and toks[k - 2].low in ("the", "a", "an", "this", "that"):
            return True  # "the city's first deputy manager": a noun's owner, not "is"
        return (
            not (
                nxt in self.finite
                or nxt in self.aux
                or nxt in self.adverbs
                or nxt in self.dets
                or (nxt.endswith(("ing", "ed")) and "-" not in nxt)  # "the nation's top-ranked"
            )
            or toks[k + 1].cap
        )

    def _span(self, para: _Para, r: tuple[int, int]) -> Span:
        return Span(start=para.toks[r[0]].start, end=para.toks[r[1] - 1].end)

    def _match(self, para: _Para, i: int, limit: int) -> CueMatch | None:
        key = (i, limit)
        memo = para.matches
        if key in memo:
            return memo[key]
        found = self.cues._match_at(para.toks, i, limit)
        m = memo[key] = None if found is None else CueMatch(i, found[0], found[1], "")
        return m

    def _find_cues(self, para: _Para, sent: tuple[int, int]) -> list[_Cue]:
        a, b = sent
        toks, qidx = para.toks, para.qidx
        out: list[_Cue] = []
        first_words = self.first_words
        i = a
        while i < b:
            if qidx[i] >= 0 or not toks[i].word:
                i += 1
                continue
            low = toks[i].low
            if low in REPORT_NOUNS:
                nominal = self._nominal_cue(para, sent, i)
                if nominal is not None:
                    out.append(nominal)
                    i += 1
                    continue
            if low not in first_words:
                i += 1
                continue
            # reporting verbs are lower case in prose ("the United States", "Secretary of
            # State" are not cues); only a sentence may start with one ("According to")
            if toks[i].cap and (
                not (i == a or qidx[i - 1] >= 0 or toks[i - 1].low in _STOP_PUNCT)
                or (
                    # "Judge Amina Yusuf": a bare form before a name is a title ("Said Comey,"
                    # is a verb)
                    i + 1 < b
                    and toks[i + 1].cap
                    and toks[i + 1].word
                    and not low.endswith(("d", "s", "ing"))
                )
            ):
                i += 1
                continue
            # the cue may not run into a quotation
            limit = i
            while limit < b and qidx[limit] < 0 and limit - i < 8:
                limit += 1
            m = self._match(para, i, limit)
            if m is None:
                i += 1
                continue
            cue = self._classify(para, sent, m)
            if cue is not None:
                out.append(cue)
                i = m.end
            else:
                i += 1
        return out

    def _nominal_cue(self, para: _Para, sent: tuple[int, int], i: int) -> _Cue | None:
        """ "Trump's announcement that …": a report noun owned by a speaker (see
        `_Phrases`); here, none."""
        return None

    def _classify(self, para: _Para, sent: tuple[int, int], m: CueMatch) -> _Cue | None:
        """What the cue ``m`` is (finite verb, participle, source, frame, via), or None when it
        is a noun or a passive."""
        role = m.entry.role
        if role in ("source", "frame", "via"):
            return _Cue(m, m.start, m.end, role, sent)
        a = sent[0]
        toks = para.toks
        if (
            m.end - m.start == 1
            and m.end < sent[1]
            and toks[m.end].low in _MODIFIED_NOUNS
            # "told Radio Tamazuj" names a station; "state TV" is the noun in capitals
            and (not toks[m.end].cap or (toks[m.end].low == "tv" and toks[m.start].low == "state"))
        ):
            return None  # "state media", "report card": the word modifies a noun
        prev_i = m.start - 1
        while prev_i >= a and self._adv(toks[prev_i]) and toks[prev_i].low not in _BE:
            prev_i -= 1
        prev = toks[prev_i].low if prev_i >= a else ""
        if self._adjective_use(para, sent, m, prev_i, prev):
            return None  # "the challenging odds", "270 pledged delegates": an adjective
        if self._state_noun(para, sent, m):
            return None
        if toks[m.start].low.endswith("ing"):
            if prev not in PROGRESSIVE:
                return _Cue(m, m.start, m.end, "participle", sent)
            # "has been saying": finite
        elif prev in _BE:
            return None  # passive: "are said to be", "was accused of"
        elif prev in _REDUCED_OPENERS and toks[m.start].low.endswith("ed"):
            return None  # "When asked about the truce, …": a passive with its subject left out
        elif prev == "to" and m.entry.role == "verb":
            return None  # an infinitive: "Asked to describe the device, …"
        elif self._reduced_relative(para, a, m, prev_i) or self._noun_use(para, a, m, prev_i, prev):
            return None
        return _Cue(m, self._cue_start(para, a, m), m.end, "finite", sent)

    def _adjective_use(
        self, para: _Para, sent: tuple[int, int], m: CueMatch, prev_i: int, prev: str
    ) -> bool:
        """A one-word -ing/-ed form between an article or a number and a lower-case noun
        modifies the noun ("the challenging odds", "270 pledged delegates"); "in 2015
        announced the suspension" is a verb."""
        toks = para.toks
        if prev_i < sent[0] or len(m.entry.words) != 1 or m.end >= sent[1]:
            return False
        if not toks[m.start].low.endswith(("ing", "ed")):
            return False
        if prev not in self.cues.word_set("articles") and not prev.replace(",", "").isdigit():
            return False
        nxt = toks[m.end]
        return (
            nxt.word
            and not nxt.cap
            and nxt.low not in self.dets
            and nxt.low not in self.preps
            and nxt.low not in self.pron_all
            and nxt.low != "that"
            and not self._adv(nxt)
        )

    def _state_noun(self, para: _Para, sent: tuple[int, int], m: CueMatch) -> bool:
        """ "a state senator", "member states and allies": "state(s)" before a lower-case
        noun, a conjunction or a comma is the noun, not the verb (which takes a clause)."""
        toks = para.toks
        if m.entry.lemma != "state" or toks[m.start].low not in ("state", "states"):
            return False
        if m.end >= sent[1]:
            return True
        nxt = toks[m.end]
        if nxt.low in ("and", "or", ",", "'s", "’s"):
            return True
        return (
            nxt.word
            and not nxt.cap
            and nxt.low not in self.dets
            and nxt.low not in self.pron_all
            and nxt.low != "that"
            and not self._adv(nxt)
        )

    def _reduced_relative(self, para: _Para, a: int, m: CueMatch, prev_i: int) -> bool:
        """ "said in a message shared on Facebook that …": a participle after "a/the <noun>" behind
        an earlier reporting verb of the sentence modifies the noun; it reports nothing."""
        toks = para.toks
        if not toks[m.start].low.endswith("ed") or prev_i - 1 < a:
            return False
        noun, det = toks[prev_i], toks[prev_i - 1]
        if not noun.word or noun.cap or det.low not in ("a", "an", "the"):
            return False
        if noun.low in self.heads or noun.low in self.cues.word_set("source_nouns"):
            return False
        # an earlier cue word in the same sentence
        return any(toks[x].low in self.cues.forms and not toks[x].cap for x in range(a, prev_i - 1))

    def _noun_use(self, para: _Para, a: int, m: CueMatch, prev_i: int, prev: str) -> bool:
        """The cue word is a noun: "the claims", "Russia's claims", "historical claims";
        ``prev`` is the word at ``prev_i``, the last before the cue that is not an adverb."""
        if prev in self.cues.word_set("articles") or prev == "'s":
            return True
        if self._after_indefinite(para, a, m, prev_i):
            return True
        toks = para.toks
        if (
            toks[m.start].low in self.cues.word_set("noun_forms")
            and len(m.entry.words) == 1
            and (m.end >= len(toks) or toks[m.end].low in _SENT_END or toks[m.end].low in ",;")
            and prev_i >= a
            and toks[prev_i].word
            and not toks[prev_i].cap
            and prev not in self.pron_all
        ):
            return True  # "… among member states.": a plural noun ends the clause
        p = para.toks[prev_i] if prev_i >= a else None
        return (
            para.toks[m.start].low in self.cues.word_set("noun_forms")
            and len(m.entry.words) == 1
            and p is not None
            and p.word
            and not p.cap
            and prev not in self.heads
            and prev not in self.cues.word_set("source_nouns")  # "the communique states"
            and prev not in self.pron_all
            and prev not in self.aux
            and prev not in self.subords
        )

    def _after_indefinite(self, para: _Para, a: int, m: CueMatch, prev_i: int) -> bool:
        """ "a snappy retort": a bare form after "a <adjective>" is a noun (a verb would agree
        with a singular subject: "retorts")."""
        toks = para.toks
        return (
            len(m.entry.words) == 1
            and toks[m.start].low == m.entry.lemma
            and prev_i - 1 >= a
            and toks[prev_i - 1].low in ("a", "an")
            and toks[prev_i].word
            and not toks[prev_i].cap
        )

    def _cue_start(self, para: _Para, a: int, m: CueMatch) -> int:
        """The first token of a finite cue as written: its first auxiliary ("has
        consistently rejected"), not a leading adverb."""
        toks = para.toks
        j = m.start - 1
        while j >= a and (toks[j].low in self.aux or self._adv(toks[j])):
            if toks[j].low in ("'s",) and j - 1 >= a and toks[j - 1].cap:
                break
            j -= 1
        k = j + 1
        while k < m.start and toks[k].low not in self.aux:
            k += 1
        return k if k < m.start else m.start

    def _cue_text(self, para: _Para, c: _Cue) -> tuple[str, Span]:
        s = para.toks[c.lo].start
        e = para.toks[c.hi - 1].end
        # exactly the text at the span (line breaks and double spaces included)
        return self.text[s:e], Span(start=s, end=e)

    def _inverts(self, c: _Cue) -> bool:
        """Verbs of saying without an object may come before their subject ("…," said
        Peskov); transitive ones ("denounced", "told") may not."""
        e = c.match.entry
        return "object" not in e.complements and not e.addressee and e.role == "verb"

    def _coordinated(self, para: _Para, c: _Cue) -> bool:
        """The cue follows "and"/"but": a second verb of the same subject."""
        j = c.lo - 1
        a = c.sent[0]
        while j >= a and self._adv(para.toks[j]):
            j -= 1
        return j > a and para.toks[j].low in VERB_COORDINATORS and para.qidx[j] < 0
