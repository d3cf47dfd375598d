"""The ``statements`` stage: direct quotes, partial quotes and reported speech, with speakers.

How it works, one paragraph at a time:

1. [`find_quotes`][conflictmodel.parsers.quotes.find_quotes] finds every quotation in one pass
   (guillemets, German and English curly quotes, straight quotes that are clearly quotes,
   nesting, quotes running over several paragraphs, quotes that never close).
2. The paragraph is tokenized; sentences come from the ``text`` stage (or a small splitter when
   it is absent), never breaking inside a quotation.
3. Cues are found outside quotations: reporting verbs in any form with their auxiliaries and
   adverbs ("has consistently rejected"), participles (", insisting that"), phrases ("has made
   it clear", "told reporters", "according to a report by"), all from ``data/cues.json``.
4. Each quotation is attributed: a cue right after it ("…,” Trump told reporters / …,» said a
   Russian analyst), right before it ("he declared: “…”", "stating, «…»"), the reporting clause
   it sits in (partial quotes), a colon introduction, the previous quote of the same speaker
   (continuation), or the next sentence.  A quoted fragment with no attribution (scare quotes,
   titles, headlines) is not a statement.
5. Every cue not used by a direct quote and followed by a complement ("that …", a bare clause,
   an object for verbs like *reject*, an infinitive for *vow*) gives a reported statement;
   "according to X" makes X the speaker of its clause unless the clause has its own speaker
   (X is then the ``via``).  A clause before an attribution ("<clause>, a source said.") is
   reported too; an attribution in mid-sentence ("The plan, an aide said, is to …") splits what
   was said in two statements, like a split quote.
6. Speaker phrases are resolved by [`Resolver`][conflictmodel.parsers.attribution.Resolver]:
   pronouns and descriptors ("the analyst") to earlier actors, names through the ``actors``
   stage.  "Both hinted that …" with two people as antecedent gives **one statement per
   speaker** (ids ``stmt:<start>-<end>`` and ``stmt:<start>-<end>/2``).

Example:
    >>> from conflictmodel import parse_article
    >>> art = parse_article('“We will not retreat,” General Amina Okoro told reporters on Monday, '
    ...                     'adding that the army would hold the bridge.')
    >>> [(s.kind.value, s.speaker.name, s.cue, s.content) for s in art.statements]
    [('direct', 'Amina Okoro', 'told reporters', 'We will not retreat,'), ('reported', 'Amina Okoro', 'adding', 'the army would hold the bridge')]
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from conflictmodel.actors import Actor, ActorKind
from conflictmodel.context import ParseContext
from conflictmodel.parsers.attribution import CueMatch, Cues, Resolver, Token, slug, tokenize
from conflictmodel.parsers.quotes import find_quotes
from conflictmodel.span import Span
from conflictmodel.statements import Statement, StatementKind
from conflictmodel.textdates import TextDate

__all__ = ["StatementParser"]

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
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "'s", "am"])
_REL = frozenset(("who", "which", "that", "whose"))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


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
    provides: tuple[str, ...] = ("statements",)

    def __init__(self, *, extra_cues: Iterable[str | Mapping[str, Any]] = ()) -> None:
        cues = Cues.default()
        extra = list(extra_cues)
        self.cues = cues.extend(extra) if extra else cues

    def __call__(self, ctx: ParseContext) -> None:
        _Run(ctx, self.cues).run()


# ------------------------------------------------------------------------------ the work


class _Run:
    """The state of one parse of one article."""

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
        # (statement, speakers, paragraph index, end offset)

    # ------------------------------------------------------------------ driver

    def run(self) -> None:
        paragraphs = self._paragraphs()
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
        start = 0
        while start < n:
            nl = self.text.find("\n", start)
            end = n if nl < 0 else nl
            if self.text[start:end].strip():
                out.append((start, end))
            start = end + 1
        return out

    # ------------------------------------------------------------------ paragraph layout

    def _para(self, lo: int, hi: int, qa: int, qb: int) -> _Para:
        toks = self._merge_abbreviations(tokenize(self.text, lo, hi))
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
        starts = [t.start for t in toks]
        cuts: set[int] = set()
        first = bisect.bisect_left(self.sent_starts, lo)
        last = bisect.bisect_left(self.sent_starts, hi)
        ctx_sents = self.ctx.sentences[first:last]
        if len(ctx_sents) > 1:
            for s in ctx_sents[1:]:
                i = bisect.bisect_left(starts, s.start)
                if 0 < i < n and (qidx[i] < 0 or qidx[i] != qidx[i - 1]):
                    cuts.add(i)
        else:
            for i in range(1, n):
                prev = toks[i - 1]
                if qidx[i - 1] >= 0 or prev.low not in _SENT_END:
                    continue
                if qidx[i] >= 0 or toks[i].cap or toks[i].low[:1].isdigit():
                    before = toks[i - 2].low if i >= 2 else ""
                    if before in self.abbrevs or (len(before) == 1 and before.isalpha()):
                        continue
                    cuts.add(i)
        # after a closing quote whose content ends a sentence: «…state.» The analyst added
        for i in range(1, n):
            k = qidx[i - 1]
            if k < 0 or qidx[i] == k:
                continue
            q = self.top[k]
            if q.close is None or toks[i - 1].end != self.top_ends[k]:
                continue
            final = self.text[q.start : q.end].rstrip()[-1:]
            if final in _SENT_END and (toks[i].cap or qidx[i] >= 0):
                cuts.add(i)
        bounds = [0, *sorted(cuts), n]
        out: list[tuple[int, int]] = []
        for a, b in itertools.pairwise(bounds):
            while b - a > _MAX_SENT:
                out.append((a, a + _MAX_SENT))
                a += _MAX_SENT
            if b > a:
                out.append((a, b))
        return out

    def _headline(self, toks: list[Token], qidx: list[int]) -> bool:
        """A headline or a link: title case, no final punctuation (not article prose)."""
        if len(toks) > 40:
            return False
        words = [t for t in toks if t.word and len(t.low) > 3]
        if len(words) < 3:
            return False
        last = toks[-1].low
        if last in _SENT_END or last in (":", ","):
            return False
        if last in _QUOTE_CHARS and len(toks) > 1 and toks[-2].low in _SENT_END:
            return False
        caps = sum(1 for t in words if t.cap)
        return caps / len(words) >= 0.6

    # ------------------------------------------------------------------ per paragraph

    def _paragraph(self, pi: int, para: _Para, qa: int, qb: int) -> None:
        if not para.headline:
            for si, sent in enumerate(para.sents):
                self._sentence(pi, para, si, sent, qa, qb)
        self.prev_para = (pi, para)

    def _sentence(
        self, pi: int, para: _Para, si: int, sent: tuple[int, int], qa: int, qb: int
    ) -> None:
        a, b = sent
        toks, qidx = para.toks, para.qidx
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

    # ------------------------------------------------------------------ cues

    def _find_cues(self, para: _Para, sent: tuple[int, int]) -> list[_Cue]:
        a, b = sent
        toks, qidx = para.toks, para.qidx
        out: list[_Cue] = []
        first_words = self.first_words
        i = a
        while i < b:
            if qidx[i] >= 0 or not toks[i].word or toks[i].low not in first_words:
                i += 1
                continue
            # reporting verbs are lower case in prose ("the United States", "Secretary of
            # State" are not cues); only a sentence may start with one ("According to")
            if toks[i].cap and not (i == a or qidx[i - 1] >= 0 or toks[i - 1].low in _STOP_PUNCT):
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
            m = CueMatch(m.start, m.end, m.entry, "")
            cue = self._classify(para, sent, m)
            if cue is not None:
                out.append(cue)
                i = m.end
            else:
                i += 1
        return out

    def _match(self, para: _Para, i: int, limit: int) -> CueMatch | None:
        key = (i, limit)
        memo = para.matches
        if key in memo:
            return memo[key]
        m = memo[key] = self.cues.match(para.toks, i, limit)
        return m

    def _classify(self, para: _Para, sent: tuple[int, int], m: CueMatch) -> _Cue | None:
        a, _b = sent
        toks = para.toks
        e = m.entry
        first = toks[m.start].low
        prev_i = m.start - 1
        while prev_i >= a and self._adv(toks[prev_i]) and toks[prev_i].low not in _BE:
            prev_i -= 1
        prev = toks[prev_i].low if prev_i >= a else ""
        if e.role == "source":
            return _Cue(m, m.start, m.end, "source", sent)
        if e.role == "frame":
            return _Cue(m, m.start, m.end, "frame", sent)
        if e.role == "via":
            return _Cue(m, m.start, m.end, "via", sent)
        ing = first.endswith("ing")
        if ing:
            if prev in _BE or prev in ("been", "keep", "keeps", "kept"):
                kind = "finite"  # "has been saying"
            else:
                kind = "participle"
        else:
            kind = "finite"
            if prev in _BE:
                return None  # passive: "are said to be", "was accused of"
            if prev in self.cues.word_set("articles") or prev == "'s":
                return None  # a noun: "the claims", "Russia's claims"
            if (
                first in self.cues.word_set("noun_forms")
                and len(e.words) == 1
                and prev_i >= a
                and toks[prev_i].word
                and not toks[prev_i].cap
                and prev not in self.heads
                and prev not in self.pron_all
                and prev not in self.aux
                and prev not in self.subords
            ):
                return None  # "historical claims", "its states"
        lo = m.start
        if kind == "finite":
            j = m.start - 1
            while j >= a and (toks[j].low in self.aux or self._adv(toks[j])):
                if toks[j].low in ("'s",) and j - 1 >= a and toks[j - 1].cap:
                    break
                j -= 1
            # the cue as written starts at its first auxiliary, not at a leading adverb
            k = j + 1
            while k < m.start and toks[k].low not in self.aux:
                k += 1
            lo = k if k < m.start else m.start
        return _Cue(m, lo, m.end, kind, sent)

    def _cue_text(self, para: _Para, c: _Cue) -> tuple[str, Span]:
        s = para.toks[c.lo].start
        e = para.toks[c.hi - 1].end
        return " ".join(self.text[s:e].split()), Span(start=s, end=e)

    # ------------------------------------------------------------------ speaker phrases

    def _in_date(self, t: Token) -> bool:
        i = bisect.bisect_right(self.date_starts, t.start) - 1
        return i >= 0 and self.date_spans[i][0] <= t.start < self.date_spans[i][1]

    def _np_left(
        self, para: _Para, a: int, end: int, *, appositive: bool = True, minimal: bool = False
    ) -> tuple[int, int] | None:
        """The noun phrase ending just before token ``end`` (not before ``a``)."""
        toks, qidx = para.toks, para.qidx
        j = end - 1
        while (
            j >= a
            and qidx[j] < 0
            and ((self._adv(toks[j]) and toks[j].low not in self.dets) or self._in_date(toks[j]))
        ):
            j -= 1
        if j >= a and toks[j].low == ")" and qidx[j] < 0:
            # "Sen. Marco Rubio (R-Fla.) said"
            p = j - 1
            while p >= a and j - p <= 10 and toks[p].low != "(":
                p -= 1
            if p >= a and toks[p].low == "(":
                j = p - 1
        if j < a or qidx[j] >= 0:
            return None
        if toks[j].low == "," and appositive:
            return self._appositive(para, a, j)
        if toks[j].low in _REL and j - 1 >= a:
            # "Zelensky, who said …": the speaker is what the relative clause hangs on
            k = j - 1
            if toks[k].low == ",":
                k -= 1
            if k >= a and qidx[k] < 0:
                # "…, said a Sudanese officer based in Omdurman, who asked …": a person
                return self._np_left(para, a, k + 1, appositive=False, minimal=toks[j].low != "who")
            return None
        hi = j + 1
        k = j
        stopped_hard = True
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
                if (
                    (low in self.subords and low not in ("and",))
                    or low in self.finite
                    or low in self.aux
                ):
                    stopped_hard = False
                    break
                if low in self.cues.forms and k != j:
                    stopped_hard = False
                    break
                if (
                    low.endswith("ed")
                    and k + 1 <= j
                    and (toks[k + 1].cap or toks[k + 1].low in self.dets)
                ):
                    stopped_hard = False
                    break
            k -= 1
        lo = k + 1
        if lo >= hi:
            return None
        # a clause boundary we could not see ("X visited Kyiv and Zelensky said"): keep the
        # last conjunct only
        if not stopped_hard:
            ands = [x for x in range(lo, hi) if toks[x].low == "and"]
            if ands:
                lo = ands[-1] + 1
        # a leading preposition belongs to an adverbial ("In Kyiv Zelensky said")
        while lo < hi and toks[lo].low in self.preps and not toks[lo].cap:
            lo += 1
        while lo < hi and (not toks[lo].word or toks[lo].low in ("and", "but", "or", "nor", "yet")):
            lo += 1
        if lo >= hi:
            return None
        return lo, hi

    def _appositive(self, para: _Para, a: int, comma: int) -> tuple[int, int] | None:
        """ "Sergei Aksyonov, the head of Crimea, has said": the phrase before the parenthesis."""
        toks, qidx = para.toks, para.qidx
        p = comma - 1
        finite = relative = False
        while p >= a and comma - p <= 25:
            if qidx[p] >= 0 or toks[p].low in _SENT_END or toks[p].low in (";", ":"):
                return None
            if toks[p].low == ",":
                break
            low = toks[p].low
            relative = relative or low in ("who", "which", "whose")
            finite = finite or (
                low in self.finite and not (low == "'s" and self._possessive(para, p))
            )
            p -= 1
        else:
            return None
        if p < a or p + 1 >= comma:
            return None
        if finite and not relative:
            return None  # a clause, not a parenthesis
        np = self._np_left(para, a, p, appositive=False)
        if np is None:
            return None
        seg = range(p + 1, comma)
        words = [toks[x] for x in seg if toks[x].word]
        if (
            words
            and all(t.cap for t in words)
            and not all(toks[x].cap for x in range(*np) if toks[x].word)
        ):
            # "Pakistan's military spokesman, Lt Gen Ahmed Sharif Chaudhry, said": the name
            return p + 1, comma
        if not any(toks[x].cap for x in range(np[0], np[1])):
            return None
        return np

    def _np_right(self, para: _Para, start: int, b: int) -> tuple[int, int] | None:
        """The speaker phrase after an inverted cue: ", said a Sudanese analyst based in Cairo"."""
        toks, qidx = para.toks, para.qidx
        k = start
        while k < b and (self._in_date(toks[k]) or self._adv(toks[k])) and not toks[k].cap:
            k += 1
        lo = k
        while k < b and k - lo < 12:
            t = toks[k]
            low = t.low
            if qidx[k] >= 0 or low in _STOP_PUNCT or low in _SENT_END or low in _REL:
                break
            if self._in_date(t) and k > lo:
                break
            if not t.cap and (low in self.finite or low in self.cues.forms):
                break
            if low in ("on", "at", "during", "after", "before", "while", "when", "late") and k > lo:
                break
            if (
                low == "in"
                and k + 1 < b
                and toks[k + 1].low in ("a", "an", "his", "her", "its", "their")
                and k > lo
            ):
                break
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

    def _clause_subject(self, para: _Para, a: int, limit: int) -> tuple[int, int] | None:
        """The subject of the sentence's main clause, after any leading adverbial."""
        toks, qidx = para.toks, para.qidx
        i = a
        for _ in range(2):
            if i >= limit:
                return None
            t = toks[i]
            if (
                t.low in self.preps
                or t.low in self.adverbs
                or t.low in self.subords
                or t.low.endswith("ing")
                or t.low == "according"
            ):
                j = i
                while j < limit and toks[j].low != "," and j - i < 25:
                    j += 1
                if j < limit and toks[j].low == ",":
                    i = j + 1
                    continue
                return None
            break
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
        # "The Transnistrian leader, Vadim Krasnoselsky, called": the name in apposition
        if k < limit and toks[k].low == ",":
            n = k + 1
            while n < limit and n - k <= 6 and qidx[n] < 0 and (toks[n].cap or toks[n].low == "."):
                n += 1
            if n > k + 1 and n < limit and toks[n].low == ",":
                return k + 1, n
        return lo, k

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
        return (
            not (
                nxt in self.finite
                or nxt in self.aux
                or nxt in self.adverbs
                or nxt in self.dets
                or nxt.endswith(("ing", "ed"))
            )
            or toks[k + 1].cap
        )

    def _span(self, para: _Para, r: tuple[int, int]) -> Span:
        return Span(start=para.toks[r[0]].start, end=para.toks[r[1] - 1].end)

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
            if t.word:
                head = t
        if head is None:
            return False
        return (
            (head.cap and head.low not in self.dets)
            or head.low in self.pron_all
            or head.low in self.heads
            or _singular(head.low) in self.heads
            or head.low in self.cues.word_set("source_nouns")
        )

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

    def _resolve_cue(self, para: _Para, c: _Cue, cues: list[_Cue]) -> None:
        if c.resolved:
            return
        c.resolved = True
        a, b = c.sent
        toks = para.toks
        if c.kind == "source":
            r = self._according_np(para, c)
            if r is not None:
                c.subject = r
        elif c.kind == "finite" and c.subject is None and self._coordinated(para, c):
            # "… denounced her record and said that …": the subject of the first verb
            prior = [x for x in cues if x.hi <= c.lo and x.kind in ("finite", "participle")]
            for x in reversed(prior):
                self._resolve_cue(para, x, cues)
                if x.speakers:
                    c.speakers = list(x.speakers)
                    c.speaker_span = x.speaker_span
                    return
            c.subject = self._clause_subject(para, a, c.lo)
        elif c.kind == "finite":
            if c.subject is None:
                r = self._np_left(para, a, c.lo)
                if (
                    r is None
                    and self._inverts(c)
                    and (c.lo == a or toks[c.lo - 1].low in (",", ";") or para.qidx[c.lo - 1] >= 0)
                ):
                    # inverted: "…,” said Peskov
                    r = self._np_right(para, c.hi, b)
                c.subject = r
        elif c.kind == "participle":
            # ", both suggesting that": an explicit subject between the comma and the verb
            j = c.lo - 1
            if j >= a and toks[j].low in self.cues.pronouns.get("plural", frozenset()):
                c.subject = (j, j + 1)
            else:
                prior = [x for x in cues if x.hi <= c.lo and x.kind in ("finite", "participle")]
                for x in reversed(prior):
                    self._resolve_cue(para, x, cues)
                    if x.speakers:
                        c.speakers = list(x.speakers)
                        c.speaker_span = x.speaker_span
                        return
                if c.subject is None:
                    c.subject = self._clause_subject(para, a, c.lo)
        if c.subject is not None and not c.speakers:
            span = self._span(para, c.subject)
            c.speakers = self.resolver.resolve(span)
            c.speaker_span = span if c.speakers else None

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
        return j > a and para.toks[j].low in ("and", "but", "or", "then") and para.qidx[j] < 0

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

    # ------------------------------------------------------------------ quotes

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
        a, b = sent
        toks = para.toks
        q = self.top[k]
        content = self.text[q.start : q.end].strip()
        words = len(content.split())
        # what stands before the opening mark in the sentence
        p = qi - 1
        left_clear = p < a or toks[p].low in (":", ",", "—", "–", "-", "(") or para.qidx[p] >= 0
        after_cue = p >= a and any(c.hi == p or c.hi == p + 1 for c in cues)
        if p >= a and toks[p].low == "that" and words >= 5 and self._ends_sentence(para, qj, b):
            left_clear = True
        if p >= a and toks[p].low in (":",):
            left_clear = True
        if p >= a and toks[p].low == "," and not after_cue and p - 1 >= a and toks[p - 1].word:
            # ", «fragment»" after a noun is an embedded fragment unless a cue precedes
            prev_cue = any(c.hi >= p - 1 for c in cues if c.hi <= p)
            left_clear = prev_cue
        if p >= a and toks[p].low == "," and prev_direct and self._continues_split(k, qi, para):
            return StatementKind.DIRECT
        if not left_clear:
            return StatementKind.PARTIAL
        last = content[-1:] if content else ""
        if last in ".!?,;:…—-" or self._ends_sentence(para, qj, b) or words >= 4:
            return StatementKind.DIRECT
        return StatementKind.PARTIAL

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
        a, b = sent
        toks, qidx = para.toks, para.qidx
        q = self.top[k]
        # a later paragraph of a quotation running over several
        prev_k = self.chain_prev.get(k)
        if prev_k is not None and prev_k in self.quote_stmt:
            st, speakers, sspan, pcue = self.quote_stmt[prev_k]
            return _Attrib(speakers, sspan, pcue, "continuation")
        # (a) a cue right after the quote: "…,” Trump told reporters / “…,” said Peskov
        j = qj
        while j < b and toks[j].low in (",", ";", "—", "–", "-") and qidx[j] < 0:
            j += 1
        for c in cues:
            if c.lo < j or c.kind in ("frame", "via"):
                continue
            if c.lo == j and c.kind == "finite" and not self._inverts(c):
                break
            between = range(j, c.lo)
            if len(between) > _MAX_SUBJECT or any(qidx[x] >= 0 for x in between):
                break
            if any(toks[x].low in _SENT_END or toks[x].low in (";", ":") for x in between):
                break
            if c.kind == "participle" and len(between) > 0:
                break
            if c.lo == j:
                return _Attrib([], None, c, "after")
            r = self._np_left(para, j, c.lo)
            if r is not None and r[0] == j:
                c.subject = r
                return _Attrib([], None, c, "after")
            break
        # (b) a cue just before it: "he declared: “…”", "stating, «…»", "said that «…»"
        best: _Cue | None = None
        for c in reversed(cues):
            if c.hi > qi or c.kind in ("frame", "via") or kind is StatementKind.PARTIAL:
                continue
            gap = self._gap_ok(para, c, qi)
            if gap:
                best = c
            break
        if best is not None:
            return _Attrib([], None, best, "before")
        # (c) a partial quote: the reporting clause it sits in
        if kind is StatementKind.PARTIAL:
            if self._is_label(para, a, qi, k):
                return None
            before = [
                c for c in cues if c.hi <= qi and c.kind in ("finite", "participle", "source")
            ]
            for c in reversed(before[-4:]):
                # the reporting clause whose complement holds the quote ("said the army had
                # responded ‘firmly’": said, not responded)
                r = self._complement(para, c, cues)
                if r is not None and r[0] <= qi < r[1]:
                    return _Attrib([], None, c, "clause")
            if before:
                return _Attrib([], None, before[-1], "clause")
            after = [c for c in cues if c.lo >= qj and c.kind in ("finite", "source")]
            if after:
                return _Attrib([], None, after[0], "clause")
            return None
        # (d) a colon introduction: "Peskov was blunt:" / "He said on Monday:"
        intro = self._colon_intro(pi, para, si, qi)
        if intro is not None:
            return intro
        if qi - 1 > a and toks[qi - 1].low == ":" and qidx[qi - 1] < 0:
            # in the same sentence: "The envoy is sure of one thing: “…”"
            r = self._clause_subject(para, a, qi - 1)
            if r is not None and self._head_ok(para, r):
                span = self._span(para, r)
                speakers = self.resolver.resolve(span)
                if speakers:
                    return _Attrib(speakers, span, None, "colon")
        # (e) a continuation of the previous quote's speaker
        if self.last_quote is not None:
            st, speakers, lpi, _lend = self.last_quote
            if speakers and pi - lpi <= 1 and not self._speaker_switch(st.span.end, q.open):
                return _Attrib(speakers, st.speaker_span, None, "continuation")
        # (f) the next sentence names the speaker: «…» The analyst added that …
        if si + 1 < len(para.sents):
            na, nb = para.sents[si + 1]
            ncues = self._find_cues(para, (na, nb))
            for c in ncues:
                if c.kind == "finite":
                    r = self._np_left(para, na, c.lo)
                    if r is not None and r[0] == na:
                        return _Attrib([], None, c, "next")
                break
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
            if t.low in self.cues.forms and not t.cap:
                return False
            if t.low in self.finite:
                return False
            x += 1
        if c.hi == qi:
            return True
        lastt = toks[qi - 1].low
        return lastt in (":", ",", "that", "—", "–") or (c.hi >= qi - 6 and lastt not in self.dets)

    def _is_label(self, para: _Para, a: int, qi: int, k: int) -> bool:
        """A quoted name, title or term: "the so-called «special operation»", "told NBC's
        “Meet the Press”"."""
        toks = para.toks
        lows = [toks[x].low for x in range(max(a, qi - 3), qi)]
        tail1 = lows[-1:] and lows[-1]
        tail2 = " ".join(lows[-2:])
        if tail1 and (tail1 in self.labels or tail2 in self.labels):
            return True
        # a title in Title Case after a preposition, a possessive or an article
        q = self.top[k]
        words = [w for w in self.text[q.start : q.end].split() if any(ch.isalpha() for ch in w)]
        title = (
            bool(words) and len(words) <= 8 and all(w[:1].isupper() or len(w) <= 3 for w in words)
        )
        return title and bool(tail1) and (tail1 in self.preps or tail1 in ("'s", "the", "a"))

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
                    return _Attrib(c.speakers, c.speaker_span, c, "colon")
        r = self._clause_subject(para, pa, pb - 1)
        if r is None or not self._plausible_subject(para, r):
            return None
        span = self._span(para, r)
        speakers = self.resolver.resolve(span)
        return _Attrib(speakers, span, None, "colon") if speakers else None

    def _speaker_switch(self, since: int, until: int) -> bool:
        """Another speaker was reported between two quotes."""
        if self.last_quote is None:
            return False
        speakers = {a.id for a in self.last_quote[1]}
        for st in reversed(self.out):
            if st.span.start < since:
                break
            if st.speaker is not None and st.speaker.id not in speakers and st.span.start < until:
                return True
        return False

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
        if not speakers:
            return
        span = q.span
        if self.ctx.is_furniture(span) or not self.text[span.start : span.end].strip():
            return
        cue_text: str | None = None
        cue_span: Span | None = None
        if att.cue is not None and att.how != "continuation":
            cue_text, cue_span = self._cue_text(para, att.cue)
        via = self._via(para, sent, span)
        date = self._date(sent, para, span, cue_span)
        first: Statement | None = None
        for n, sp in enumerate(speakers):
            st = self._statement(span, kind, sp, sspan, cue_text, cue_span, via, date, n)
            if st is not None and first is None:
                first = st
        if first is not None:
            self.quote_stmt[k] = (first, speakers, sspan, att.cue)
            self.last_quote = (first, speakers, pi, span.end)

    # ------------------------------------------------------------------ reported speech

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
        r = self._complement(para, c, cues)
        ranges = [r] if r is not None else self._trailing(para, c)
        if not c.speakers:
            return
        if c.subject is not None and not self._head_ok(para, c.subject):
            return
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
            cue_text, cue_span = self._cue_text(para, c)
            via = self._via(para, sent, span)
            date = self._date(sent, para, span, cue_span)
            for n, sp in enumerate(c.speakers):
                self._statement(
                    span,
                    StatementKind.REPORTED,
                    sp,
                    c.speaker_span,
                    cue_text,
                    cue_span,
                    via,
                    date,
                    n,
                )

    def _complement(self, para: _Para, c: _Cue, cues: list[_Cue]) -> tuple[int, int] | None:
        """Token range of what the cue reports, or None."""
        toks, qidx = para.toks, para.qidx
        comps = c.match.entry.complements
        end = self._content_end(para, c, cues)
        x = c.hi
        if x >= end:
            return None
        # "that" after a hearer, dates and adverbials: "told Trump on Friday that"
        y = x
        n = 0
        saw_object = False
        in_pp = False  # inside "in a statement on Telegram": not an object of the verb
        while y < end and n <= _MAX_GAP and qidx[y] < 0:
            t = toks[y]
            if t.low == "that":
                if saw_object and not c.match.entry.addressee:
                    break
                if y + 1 < end:
                    return y + 1, end
                return None
            if (
                t.low in _SENT_END
                or t.low in (";", ":")
                or (t.low in self.cues.forms and not t.cap)
            ):
                break
            if t.low in self.finite:
                break
            if t.low in self.preps:
                in_pp = True
            elif t.low == ",":
                in_pp = False
            elif not (in_pp or self._in_date(t) or self._adv(t) or t.low in self.audiences):
                saw_object = True
            y += 1
            n += 1
        # skip dates and adverbials right after the cue
        x0 = x
        while (
            x < end
            and qidx[x] < 0
            and (self._in_date(toks[x]) or (self._adv(toks[x]) and not toks[x].cap))
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
        low = toks[x].low
        if "to" in comps and low == "to":
            return x, end
        if "clause" in comps and self._bare_clause(para, x, end):
            return x, end
        if "clause" in comps:
            # "said in a statement Thursday night they pulled …"
            y = self._skip_adverbials(para, x, end)
            if y > x and y < end and self._bare_clause(para, y, end):
                return y, end
        if "object" in comps and self._object(para, x, end, c):
            return x0 if x0 == x else x, self._object_end(para, x, end)
        return None

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
                        det
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
            if z == y + 1:
                break
            y = z
        return y

    def _trailing(self, para: _Para, c: _Cue) -> list[tuple[int, int]]:
        """ "<clause>, a source said." / "<clause>, said Peskov." / "The plan, an aide said, is
        to …": what was said stands before (or around) the attribution.  An attribution in the
        middle of the sentence splits what was said in two, like a split quote: both parts
        are returned."""
        a, b = c.sent
        toks, qidx = para.toks, para.qidx
        if c.kind != "finite" or c.subject is None:
            return []
        inverted = c.subject[0] >= c.hi
        first = c.lo if inverted else c.subject[0]
        last = c.subject[1] if inverted else c.hi
        comma = first - 1
        if comma <= a or toks[comma].low not in (",", "—", "–") or qidx[comma] >= 0:
            return []
        # after the attribution: only dates and adverbials up to the sentence end or a comma
        x = last
        n = 0
        while x < b and toks[x].low not in _SENT_END and toks[x].low != ",":
            t = toks[x]
            if qidx[x] >= 0 or t.low in ("that", ":", ";") or n > 10:
                return []
            if not t.cap and (t.low in self.finite or t.low in self.cues.forms):
                return []
            x += 1
            n += 1
        parts = [(a, comma)]
        if x < b and toks[x].low == ",":
            parts.append((x + 1, b))
        out: list[tuple[int, int]] = []
        for lo, hi in parts:
            # a quotation already reported is not reported again
            if any(
                qidx[y] >= 0 and self._direct_quote(qidx[y])
                for y in range(lo, min(hi, lo + _MAX_SENT))
            ):
                continue
            words = [toks[y] for y in range(lo, min(hi, lo + 40)) if toks[y].word]
            if len(words) >= 5 or (
                len(words) >= 3
                and any(t.low in self.finite or (t.low.endswith("ed") and not t.cap) for t in words)
            ):
                out.append((lo, hi))
            elif len(parts) == 1:
                return []  # "After the meeting, Zelensky said." reports nothing
        return out

    def _direct_quote(self, k: int) -> bool:
        st = self.quote_stmt.get(k)
        return st is not None and st[0].kind is StatementKind.DIRECT

    def _bare_clause(self, para: _Para, x: int, end: int) -> bool:
        """ "said a ceasefire is unrealistic", "stated he expected": a subject and a finite verb
        before any comma; or a clause whose subject was moved out ("said are non-negotiable")."""
        toks, qidx = para.toks, para.qidx
        t = toks[x]
        if t.low in self.finite and t.low not in ("has", "have", "had", "do", "does", "did"):
            return True
        starts = (
            t.low in self.pron_all
            or t.low in ("there", "this", "it", "we", "i", "they", "you")
            or t.low in self.dets
            or t.cap
            or t.low[:1].isdigit()
        )
        # a bare plural or mass noun ("said troops had struck") needs its verb close by
        reach = 14 if starts else 5
        if not starts and not (
            t.word
            and t.low not in self.preps
            and t.low not in self.subords
            and t.low not in self.cues.forms
            and not self._adv(t)
        ):
            return False
        y = x + 1
        while y < end and y - x <= reach:
            u = toks[y]
            if qidx[y] < 0 and (u.low in _STOP_PUNCT or u.low in _SENT_END):
                return False
            if u.low in self.finite or (
                u.word and not u.cap and u.low.endswith("ed") and len(u.low) > 4
            ):
                return True
            y += 1
        return False

    def _object(self, para: _Para, x: int, end: int, c: _Cue) -> bool:
        toks = para.toks
        t = toks[x]
        if c.match.entry.words[0].endswith("s") and not c.match.entry.words[0].endswith("ss"):
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
            if toks[y].low in ("in", "on") and qidx[y] < 0:
                m = self._match(para, y, end)
                if m is not None and m.entry.role == "frame":
                    return y  # "condemned the strike in a statement on Sunday"
            if toks[y].low == "," and qidx[y] < 0:
                nxt = toks[y + 1]
                if (
                    nxt.low.endswith("ing")
                    or nxt.low in ("but", "while", "and", "although", "though", "which")
                    or self._bare_clause(para, y + 1, end)
                ):
                    return y
            y += 1
        return end

    def _content_end(self, para: _Para, c: _Cue, cues: list[_Cue]) -> int:
        """Where the reported clause ends: the sentence end, or the start of a coordinate
        report (", adding that", "but he has made it clear", ", according to"), or the end of
        the subordinate clause the cue sits in ("When X unveiled the plan, he …")."""
        a, b = c.sent
        toks, qidx = para.toks, para.qidx
        end = b
        if toks[a].low in self.cues.word_set("clause_openers"):
            y = a + 1
            while y < c.lo and (toks[y].low != "," or qidx[y] >= 0):
                y += 1
            if y >= c.lo:  # the cue is in the opening subordinate clause
                y = c.hi
                while y < b and y - c.hi < _MAX_SENT and (toks[y].low != "," or qidx[y] >= 0):
                    y += 1
                end = y
        for d in cues:
            if d.lo <= c.lo:
                continue
            if (
                d.kind in ("participle", "source")
                and d.lo - 1 >= c.hi
                and toks[d.lo - 1].low == ","
            ):
                end = d.lo - 1
                break
            if d.kind == "finite" and self._coordinated(para, d) and d.lo - 1 > c.hi:
                # "… called the statement «hysteria» and claimed that": a second report
                end = d.lo - 1
                while end > c.hi and toks[end - 1].low == ",":
                    end -= 1
                break
            if d.kind == "finite":
                # "…, but she has made it clear that": a new clause with its own speaker
                r = self._np_left(para, c.hi, d.lo)
                if r is not None:
                    p = r[0] - 1
                    if (
                        p >= c.hi
                        and toks[p].low in ("but", "while", "whereas", "and", ";")
                        and (
                            (p - 1 >= c.hi and toks[p - 1].low in (",", ";")) or toks[p].low == ";"
                        )
                    ):
                        end = p - 1 if toks[p - 1].low in (",", ";") else p
                        break
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

    def _according(
        self, pi: int, para: _Para, sent: tuple[int, int], c: _Cue, cues: list[_Cue]
    ) -> None:
        """ "according to X, <clause>" and "<clause>, according to X"."""
        a, b = sent
        toks, qidx = para.toks, para.qidx
        r = c.subject
        if r is None:
            return
        # which clause does it govern?
        if c.lo == a or (
            c.lo > a and toks[c.lo - 1].low in (",",) and self._leading(para, a, c.lo - 1)
        ):
            # sentence-initial: the clause after the source's comma
            x = r[1]
            if x >= b or toks[x].low != ",":
                return
            lo, hi = x + 1, b
        else:
            p = c.lo - 1
            if p < a or toks[p].low not in (",", "—", "–", "("):
                return
            lo, hi = a, p
            # a dateline "Washington:" is not part of what was said
            for y in range(a, min(p, a + 6)):
                if toks[y].low == ":" and qidx[y] < 0:
                    lo = y + 1
                    break
        if any(qidx[x] >= 0 for x in range(lo, hi)) and self._has_direct(lo, hi, para):
            return
        # the clause has its own speaker ("According to Reuters sources, Aliyev has stated"):
        # the source is then only the channel
        for d in cues:
            if d is c or d.kind not in ("finite", "participle"):
                continue
            if lo <= d.lo < hi:
                return
        span = self._content_span(para, lo, hi)
        if span is None or not c.speakers:
            return
        cue_text, cue_span = self._cue_text(para, c)
        via = self._via(para, sent, span)
        date = self._date(sent, para, span, cue_span)
        for n, sp in enumerate(c.speakers):
            self._statement(
                span, StatementKind.REPORTED, sp, c.speaker_span, cue_text, cue_span, via, date, n
            )

    def _leading(self, para: _Para, a: int, end: int) -> bool:
        """Only an adverbial stands before position ``end`` ("Meanwhile, according to")."""
        return end - a <= 3

    def _has_direct(self, lo: int, hi: int, para: _Para) -> bool:
        ks = {para.qidx[x] for x in range(lo, hi) if para.qidx[x] >= 0}
        return any(
            k in self.quote_stmt and self.quote_stmt[k][0].kind is StatementKind.DIRECT for k in ks
        )

    # ------------------------------------------------------------------ via and date

    def _via(self, para: _Para, sent: tuple[int, int], content: Span) -> Actor | None:
        """The outlet a statement came through: "Speaking to Tass", "told Fox News",
        "according to Axios sources", "according to a report by Bloomberg"."""
        a, b = sent
        toks, qidx = para.toks, para.qidx
        i = a
        while i < b:
            t = toks[i]
            if (
                qidx[i] >= 0
                or content.start <= t.start < content.end
                or not t.word
                or t.low not in self.first_words
            ):
                i += 1
                continue
            m = self._match(para, i, b)
            if m is None:
                i += 1
                continue
            role = m.entry.role
            lemma = m.entry.lemma
            if role == "via" or (role == "source") or (lemma == "tell" and m.end - m.start == 1):
                r = self._media_np(para, m.end, b, content)
                if r is not None:
                    actor = self._media(para, r, strong=role != "verb")
                    if actor is not None:
                        return actor
            i = m.end
        return None

    def _media_np(self, para: _Para, x: int, b: int, content: Span) -> tuple[int, int] | None:
        toks, qidx = para.toks, para.qidx
        while (
            x < b
            and toks[x].low
            in (
                "the",
                "a",
                "an",
                "report",
                "reports",
                "by",
                "in",
                "from",
                "of",
                "sources",
                "source",
                "state",
                "broadcaster",
                "newspaper",
                "agency",
                "outlet",
                "news",
            )
            and not toks[x].cap
        ):
            x += 1
        lo = x
        while (
            x < b
            and x - lo < 5
            and toks[x].cap
            and qidx[x] < 0
            and not (content.start <= toks[x].start < content.end)
        ):
            x += 1
            while x < b and toks[x].low in ("-", "&") and x + 1 < b and toks[x + 1].cap:
                x += 2
        return (lo, x) if x > lo else None

    def _media(self, para: _Para, r: tuple[int, int], *, strong: bool) -> Actor | None:
        span = self._span(para, r)
        name = " ".join(span.of(self.text).split())
        m = self.ctx.mention_at(span)
        if m is not None and span.contains(m.span):
            a = self.ctx.actors.get(m.target)
            if a is not None and a.kind is ActorKind.MEDIA:
                return a
        find = getattr(self.ctx.gazetteer, "find_actor", None)
        known = find(name) if callable(find) else None
        if isinstance(known, Actor):
            if known.kind is not ActorKind.MEDIA:
                return None
            actor = self.ctx.add_actor(attrs.evolve(known, mentions=()))
            self.resolver.mention(span, actor.id, "name")
            return self.ctx.actors[actor.id]
        for a in self.ctx.actors.values():
            if a.kind is ActorKind.MEDIA and a.is_named(name):
                return a
        if not strong:
            return None
        for a in self.ctx.actors.values():
            if a.is_named(name) and a.kind is not ActorKind.MEDIA:
                return None
        actor = self.ctx.add_actor(Actor(id=f"media:{slug(name)}", name=name, kind=ActorKind.MEDIA))
        self.resolver.mention(span, actor.id, "name")
        return self.ctx.actors[actor.id]

    def _date(
        self, sent: tuple[int, int], para: _Para, content: Span, cue_span: Span | None
    ) -> TextDate | None:
        if not self.date_spans:
            return None
        toks = para.toks
        s = Span(start=toks[sent[0]].start, end=toks[sent[1] - 1].end)
        best: tuple[int, TextDate] | None = None
        i = bisect.bisect_left(self.date_starts, s.start)
        while i < len(self.date_spans) and self.date_spans[i][0] < s.end:
            d = self.date_spans[i][2]
            i += 1
            if d.span is None or not s.contains(d.span) or content.overlaps(d.span):
                continue
            if self._inside_quote(d.span):
                continue
            ref = cue_span or content
            # a date after the cue ("said on Sunday") is likelier its own than one before it
            dist = (
                d.span.start - ref.end if d.span.start >= ref.end else 2 * (ref.start - d.span.end)
            )
            if best is None or dist < best[0]:
                best = (dist, d)
        return best[1] if best else None

    def _inside_quote(self, span: Span) -> bool:
        i = bisect.bisect_right(self.top_opens, span.start) - 1
        return i >= 0 and self.top[i].outer.contains(span)

    # ------------------------------------------------------------------ output

    def _statement(
        self,
        span: Span,
        kind: StatementKind,
        speaker: Actor,
        speaker_span: Span | None,
        cue: str | None,
        cue_span: Span | None,
        via: Actor | None,
        date: TextDate | None,
        n: int,
    ) -> Statement | None:
        if self.ctx.is_furniture(span):
            return None
        base = f"stmt:{span.start}-{span.end}"
        key = (span.start, span.end, speaker.id)
        if key in self.seen:
            return None
        self.seen.add(key)
        sid = base if n == 0 and base not in self.ids else f"{base}/{n + 1}"
        k = n + 1
        while sid in self.ids:
            k += 1
            sid = f"{base}/{k}"
        self.ids.add(sid)
        speaker = self.ctx.actors.get(speaker.id, speaker)
        if via is not None:
            via = self.ctx.actors.get(via.id, via)
        st = Statement(
            id=sid,
            content=self.text[span.start : span.end],
            kind=kind,
            span=span,
            speaker=speaker,
            speaker_span=speaker_span,
            cue=cue,
            cue_span=cue_span,
            via=via,
            date=date,
        )
        self.out.append(st)
        return st
