"""Triggers ("the plan", "a ceasefire deal"), status cues and the anchors a proposal starts from."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import ahocorasick
import attrs

from conflictmodel.context import ParseContext
from conflictmodel.model.proposals import ProposalStatus
from conflictmodel.model.span import Span
from conflictmodel.parsers.language.clauses import (
    _MAX_PER_WINDOW,
    clause_at,
    overlaps_any,
    sentence_windows,
)
from conflictmodel.parsers.language.gate import text_cache
from conflictmodel.parsers.language.mentions import possessor
from conflictmodel.parsers.proposals.drafts import (
    _AGREEING,
    _RESPONDER,
    _STATUS_RANK,
    _Anchor,
    _has_numeral,
    _noun_phrase,
    _owner,
    _owner_after,
    _Trigger,
)
from conflictmodel.parsers.proposals.grammar import (
    _ANAPHORIC_DETERMINERS,
    _DET_WORDS,
    _DURATION_BEFORE,
    _GENERIC_DETERMINERS,
    _HYPOTHETICAL,
    _IDIOM_NOUNS,
    _NEG_BEFORE,
    _PLURAL_TRIGGERS,
    _PREPOSITIONS,
)
from conflictmodel.parsers.proposals.lexicon import _Rx
from conflictmodel.parsers.proposals.plans import aim_after_cue
from conflictmodel.parsers.proposals.provisions import find_conditions, find_provisions

if TYPE_CHECKING:
    from conflictmodel.parsers.proposals.stage import ProposalParser

__all__ = ["find_anchors", "find_triggers", "governing_status", "status_hits"]


def find_triggers(
    self: ProposalParser, ctx: ParseContext, sent: Span, headline: bool
) -> list[_Trigger]:
    """The proposal nouns of a sentence ("the plan", "a ceasefire deal"), one per noun phrase."""
    text = ctx.text
    out: list[_Trigger] = []
    for win in _trigger_windows(self, text, sent):
        for n_found, m in enumerate(self._rx.trigger.finditer(text, win.start, win.end)):
            if n_found >= _MAX_PER_WINDOW:
                # Prose never has this many; the rest of the window is not worth the work.
                break
            word = " ".join(m.group("t").lower().split())
            if _is_idiom(text, sent, m, word):
                # "in the framework of a broader settlement" is an idiom, not a proposal.
                continue
            out.append(_trigger_of(self, ctx, sent, headline, m, word))
    return _merge_compounds(text, out)


def _trigger_windows(self: ProposalParser, text: str, sent: Span) -> list[Span]:
    """The windows of ``sent`` that hold the first word of some trigger (lower-cased, as a
    substring): the trigger pattern can match nowhere else.  Exact for an ASCII text and ASCII
    triggers; otherwise every window."""
    wins = sentence_windows(sent, text)
    words = _first_words(tuple(self.lexicon.triggers))
    if words is None or not text.isascii():
        return wins
    memo = text_cache(text).memo
    key = ("trigger-words", words)
    found: list[tuple[int, int]] | None = memo.get(key)
    if found is None:
        found = memo[key] = _occurrences(words, text.lower())
    out: list[Span] = []
    for w in wins:
        i = bisect.bisect_left(found, (w.start, -1))
        while i < len(found) and found[i][0] < w.end:
            if found[i][1] <= w.end:
                out.append(w)
                break
            i += 1
    return out


@functools.cache
def _first_words(triggers: tuple[str, ...]) -> tuple[str, ...] | None:
    """The lower-cased first word of every trigger, or None when one is empty or not ASCII."""
    words: set[str] = set()
    for t in triggers:
        parts = t.split()
        if not parts or not t.isascii():
            return None
        words.add(parts[0].lower())
    return tuple(sorted(words))


@functools.cache
def _automaton(words: tuple[str, ...]) -> Any:
    auto: Any = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, len(w))
    auto.make_automaton()
    return auto


def _occurrences(words: tuple[str, ...], low: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of one of ``words`` in ``low``, sorted."""
    if not words:
        return []
    found = [(last + 1 - n, last + 1) for last, n in _automaton(words).iter(low)]
    found.sort()
    return found


_IDIOM_BEFORE = re.compile(r"\b(?:in|within|under|outside)\s{1,3}(?:the|a|this)\s{1,3}$", re.I)
_OF_AFTER = re.compile(r"\s{1,3}of\b")
_COMPOUND_GAP = re.compile(r"\s{0,3}(?:of\s{1,3})?")


def _is_idiom(text: str, sent: Span, m: re.Match[str], word: str) -> bool:
    """ "in the framework of", "under the terms of": a trigger noun used as an idiom."""
    return (
        bool(_IDIOM_BEFORE.search(text[max(sent.start, m.start() - 14) : m.start()]))
        and bool(_OF_AFTER.match(text[m.end() : m.end() + 5]))
        and word in _IDIOM_NOUNS
    )


def _trigger_of(
    self: ProposalParser,
    ctx: ParseContext,
    sent: Span,
    headline: bool,
    m: re.Match[str],
    word: str,
) -> _Trigger:
    """The trigger of one match of the trigger pattern, with its noun phrase's features."""
    text = ctx.text
    rx = self._rx
    plural = bool(m.group("pl")) or (word.endswith("s") and word in _PLURAL_TRIGGERS)
    np_start, det, mods = _noun_phrase(text, m.start(), sent.start)
    mods_low = [w.lower() for w in mods]
    generic = det in _GENERIC_DETERMINERS or any(w in _HYPOTHETICAL for w in mods_low)
    # "does not address the rebels' demand": a party's proposal exists whatever is denied of it.
    possessed = bool(mods) and mods[0].lower().endswith(("'s", "’s", "s'", "s’"))
    neg = det == "no" or (
        not possessed and bool(_NEG_BEFORE.search(text[max(sent.start, np_start - 30) : np_start]))
    )
    owner = _owner(ctx, np_start, m.start(), rx.venue_name)
    owner = owner or _owner_after(ctx, m.end(), sent.end)
    named = _is_named(rx.venue_name, headline, m, det, mods)
    if plural and det is None and owner is None and not named and not _has_numeral(mods):
        generic = True
    return _Trigger(
        span=Span(start=m.start(), end=m.end()),
        word=m.group(0),
        det=det,
        np_start=np_start,
        generic=generic,
        soft_generic=any(w in rx.generic for w in mods_low),
        negated=neg,
        weak=word in rx.weak,
        named=named,
        anaphoric=det in _ANAPHORIC_DETERMINERS and owner is None and not named,
        plural=plural,
        modifier_status=_modifier_status(rx, text[np_start : m.start()]),
        owner=owner,
    )


def _is_named(
    venue_name: re.Pattern[str],
    headline: bool,
    m: re.Match[str],
    det: str | None,
    mods: Sequence[str],
) -> bool:
    """A capitalised name ("the Jeddah Declaration"), not a headline's capitals."""
    named = not headline and m.group("t")[:1].isupper() and any(w[:1].isupper() for w in mods)
    if named and not venue_name.search(" ".join(mods)) and det is None and not mods:
        named = False
    return named


def _modifier_status(rx: _Rx, mod_text: str) -> ProposalStatus | None:
    """The status a modifier gives ("the rejected plan", "a signed deal")."""
    for status, srx in rx.status:
        if srx.search(mod_text):
            return status
    return None


def _merge_compounds(text: str, out: Sequence[_Trigger]) -> list[_Trigger]:
    """ "memorandum of understanding", "peace agreement framework": one trigger per NP."""
    merged: list[_Trigger] = []
    for t in out:
        if (
            merged
            and t.span.start - merged[-1].span.end <= 4
            and _COMPOUND_GAP.fullmatch(text[merged[-1].span.end : t.span.start])
        ):
            prev = merged[-1]
            merged[-1] = attrs.evolve(
                prev,
                span=Span(start=prev.span.start, end=t.span.end),
                word=text[prev.span.start : t.span.end],
                weak=prev.weak and t.weak,
                plural=t.plural,
            )
            continue
        merged.append(t)
    return merged


def status_hits(
    self: ProposalParser, text: str, sent: Span
) -> list[tuple[int, int, ProposalStatus]]:
    """Every status cue of the sentence, once (start, end, status), sorted."""
    memo = text_cache(text).memo
    key = ("status", id(self._rx), sent.start, sent.end)
    cached: tuple[_Rx, list[tuple[int, int, ProposalStatus]]] | None = memo.get(key)
    if cached is not None:
        return cached[1]
    hits: list[tuple[int, int, ProposalStatus]] = []
    status = self._rx.status
    for win in sentence_windows(sent, text):
        for i in sorted(self._rx.status_gate.candidates_in(text, win.start, win.end)):
            st, srx = status[i]
            hits.extend((m.start(), m.end(), st) for m in srx.finditer(text, win.start, win.end))
    hits.sort()
    memo[key] = (self._rx, hits)
    return hits


def governing_status(
    self: ProposalParser,
    text: str,
    clause: Span,
    trig: _Trigger,
    hits: Sequence[tuple[int, int, ProposalStatus]],
    starts: Sequence[int],
) -> tuple[ProposalStatus, int] | None:
    """The status verb that governs a trigger: the nearest before its noun phrase (within
    ~60 characters of the clause) or a predicate right after it ("was rejected", "collapsed")."""
    best: tuple[int, ProposalStatus, int] | None = None
    lo = max(clause.start, trig.np_start - 60)
    hi = min(clause.end, trig.span.end + 45)
    i = bisect.bisect_left(starts, lo)
    while i < len(hits) and hits[i][0] < hi:
        h_start, h_end, status = hits[i]
        i += 1
        if h_end <= trig.np_start + 1 and h_start >= lo:
            gap = text[h_end : trig.np_start]
            if re.search(r"[,;.]|\b(?:that|which|who|if|unless)\b", gap):
                continue
            gap_words = gap.lower().split()
            if len(gap_words) > 4 or any(w in _PREPOSITIONS and w != "of" for w in gap_words):
                # "open to compromise in the framework of a settlement": not its verb.
                continue
            dist = trig.np_start - h_end
        elif h_start >= trig.span.end:
            gap = text[trig.span.end : h_start]
            # "The ceasefire, brokered by Qatar, took effect": skip the appositive.
            gap = re.sub(r"^\s{0,3},[^,;.]{1,60},", " ", gap)
            if re.search(
                r"\b(?:can|could|would|may|might|must|should|will|shall|cannot|to)\b", gap, re.I
            ):
                # "before the treaty can be ratified" is not news about the treaty.
                continue
            gap = re.sub(r"^\s{1,3}of\s{1,3}(?:[\w'’-]+\s{1,3}){1,2}?(?=\S|$)", " ", gap)
            if not re.fullmatch(
                r"\s{0,3}(?:(?:[\w'’-]+\s{1,3}){0,4}?(?:was|were|is|are|has|have|had|been|being|be|"
                r"reportedly|formally|officially|quickly|finally|later|also|now|already|effectively)\s{1,3})*"
                r"|\s{0,3}(?:(?:by|from)\s{1,3}[\w'’.-]+\s{1,3})?",
                gap,
            ):
                continue
            if text[h_start:h_end].lower() in {
                "new",
                "latest",
                "recent",
                "most recent",
                "revised",
                "draft",
            }:
                continue
            dist = h_start - trig.span.end + 10
        else:
            continue
        if best is None or dist < best[0]:
            best = (dist, status, h_start)
    if best is None:
        return None
    return best[1], best[2]


def find_anchors(
    self: ProposalParser,
    ctx: ParseContext,
    sent: Span,
    clauses: Sequence[Span],
    triggers: Sequence[_Trigger],
    masks: Sequence[Span],
) -> list[_Anchor]:
    anchors = _trigger_anchors(self, ctx, sent, clauses, triggers)
    _add_implicit_anchors(self, ctx, sent, clauses, masks, anchors)
    _add_conditional_offers(self, ctx, sent, clauses, masks, anchors)
    return _merge_anchors(self, ctx, anchors)


# "Russia would halt its offensive only if ...", "Somalia would restore ties only if ...": a
# term in the conditional mood before a strong condition is an offer, the condition its price.
_OFFER_MODAL = re.compile(
    r"\b(?:would|will)\s{1,3}(?:\w+ly\s{1,3})?(?!not\b|never\b|be\b)(?=\w)", re.I
)
_STRONG_CONDITION = re.compile(
    r"(?:only\s{1,3}(?:if|when|after|once)|provided|providing|as\s{1,3}long\s{1,3}as|"
    r"so\s{1,3}long\s{1,3}as|on\s{1,3}(?:the\s{1,3})?condition)\b",
    re.I,
)


def _add_conditional_offers(
    self: ProposalParser,
    ctx: ParseContext,
    sent: Span,
    clauses: Sequence[Span],
    masks: Sequence[Span],
    anchors: list[_Anchor],
) -> None:
    """Offers made in the conditional mood with a strong condition after the term."""
    text = ctx.text
    for cond in find_conditions(text, sent, self.lexicon):
        if not _STRONG_CONDITION.match(cond.text):
            continue
        clause = clause_at(clauses, cond.span.start)
        if any(a.clause == clause for a in anchors):
            continue
        modals = list(_OFFER_MODAL.finditer(text, clause.start, cond.span.start))
        if not modals or _NEG_BEFORE.search(
            text, max(sent.start, modals[-1].start() - 20), modals[-1].start()
        ):
            continue
        m = modals[-1]
        # The term may be the subject: "attacks on shipping would stop only when ...".
        region = Span(start=clause.start, end=cond.span.start)
        if not find_provisions(text, region, self.provisions, ctx=ctx, exclude=masks):
            continue
        anchors.append(
            _Anchor(
                clause=clause,
                start=m.start(),
                end=m.start() + len(m.group().rstrip()),
                trigger_text=m.group().rstrip(),
                status=ProposalStatus.PROPOSED,
                cue_start=m.start(),
                proposer_from_subject=True,
                trigger=None,
                implicit=True,
            )
        )


def _trigger_anchors(
    self: ProposalParser,
    ctx: ParseContext,
    sent: Span,
    clauses: Sequence[Span],
    triggers: Sequence[_Trigger],
) -> list[_Anchor]:
    """An anchor for every trigger that is not negated or generic, with its governing status."""
    text = ctx.text
    anchors: list[_Anchor] = []
    hits = self._status_hits(text, sent)
    starts = [h[0] for h in hits]
    for t in triggers:
        if t.negated or t.generic:
            continue
        clause = clause_at(clauses, t.span.start)
        gov = self._governing_status(text, clause, t, hits, starts)
        default = self.lexicon.trigger_status.get(t.word.lower().split()[-1].rstrip("s"))
        default = default or self.lexicon.trigger_status.get(t.word.lower().split()[-1])
        if t.weak or t.soft_generic:
            has_duration = bool(
                _DURATION_BEFORE.search(text[max(sent.start, t.span.start - 30) : t.span.start])
            )
            if not (
                gov
                or t.owner
                or t.named
                or (t.modifier_status and not t.weak)
                or (has_duration and not t.soft_generic)
                or (t.anaphoric and t.weak)
            ):
                continue
        if gov is not None:
            status, cue_start = gov
        elif t.modifier_status is not None:
            status, cue_start = t.modifier_status, t.np_start
        elif default:
            status, cue_start = ProposalStatus(default), t.span.start
        else:
            status, cue_start = ProposalStatus.UNKNOWN, t.span.start
        if t.anaphoric and gov is None and not t.modifier_status:
            status = ProposalStatus.UNKNOWN
        anchors.append(
            _Anchor(
                clause=clause,
                start=t.np_start,
                end=t.span.end,
                trigger_text=t.word,
                status=status,
                cue_start=cue_start,
                proposer_from_subject=gov is not None and status not in _RESPONDER,
                trigger=t,
                implicit=False,
                governed=gov is not None,
            )
        )
    return anchors


# Demands whose stated aim makes a proposal even when no phrase types it ("called on Kabul to
# expel the fighters").  Offers are left out: "offered to host / help / mediate" is mostly an
# offer of good offices, not a term of a deal.
_AIMED = frozenset({ProposalStatus.DEMANDED})


def _add_implicit_anchors(
    self: ProposalParser,
    ctx: ParseContext,
    sent: Span,
    clauses: Sequence[Span],
    masks: Sequence[Span],
    anchors: list[_Anchor],
) -> None:
    """Implicit proposals: an offer, willingness or demand followed by a provision."""
    text = ctx.text
    rx = self._rx
    # Implicit proposals: an offer, willingness or demand followed by a provision.
    windows = sentence_windows(sent, text)
    gates = [rx.implicit_gate.candidates_in(text, w.start, w.end) for w in windows]
    for i_cue, (status, irx) in enumerate(rx.implicit):
        for win, gate in zip(windows, gates, strict=True):
            if i_cue not in gate:
                continue
            for n_found, m in enumerate(irx.finditer(text, win.start, win.end)):
                if n_found >= _MAX_PER_WINDOW:
                    break
                cue = Span(start=m.start(), end=m.end())
                # A condition that opens inside the cue is the cue's own ("would not sign
                # unless ..."): what it demands, not a mask.
                # (What somebody pushes for, masked from the cue's start on, stays masked.)
                own = [c for c in masks if not cue.start < c.start < cue.end]
                if overlaps_any(cue, own):
                    continue
                if _no_cue(text, sent, m):
                    continue
                clause = clause_at(clauses, m.start())
                has_poss, poss_actor = possessor(ctx, m.start(), clause.start)
                if has_poss and poss_actor is None:
                    # "the West's insistence on ...": a demand of somebody we cannot name.
                    continue
                after = Span(start=m.end(), end=min(clause.end, m.end() + 200))
                provs = find_provisions(text, after, self.provisions, ctx=ctx, exclude=own)
                aim = None
                if not provs and status in _AIMED and not overlaps_any(after, own):
                    aim = aim_after_cue(text, m.end(), after.end)
                if (not provs and aim is None) or (
                    provs and provs[0].span.start - m.end() > _reach(m)
                ):
                    continue
                if any(
                    a.clause == clause and a.implicit and not _second_cue(text, a, m.start())
                    for a in anchors
                ):
                    continue
                anchors.append(
                    _Anchor(
                        clause=clause,
                        start=m.start(),
                        end=m.end(),
                        trigger_text=m.group(),
                        status=status,
                        cue_start=m.start(),
                        proposer_from_subject=_needs_proposer(status, m),
                        trigger=None,
                        implicit=True,
                        owner_actor=poss_actor,
                        aim=aim,
                    )
                )


# "Talks on a prisoner exchange were held", "envoys discussed a withdrawal": a term under
# negotiation is the parties' topic, nobody's offer, so it needs no proposer.
_TOPIC_CUE = re.compile(r"(?:talks|negotiat|discuss)", re.I)


def _needs_proposer(status: ProposalStatus, m: re.Match[str]) -> bool:
    """An offer or demand is somebody's; an agreement or a term under negotiation need not
    name who made it."""
    return status not in _AGREEING and not _TOPIC_CUE.match(m.group())


def _reach(m: re.Match[str]) -> int:
    """How far after a cue its term may start: right after "talks on" ("talks on a prisoner
    exchange", not "negotiations on Western Sahara, a week before ... the UN mission")."""
    return 12 if _TOPIC_CUE.match(m.group()) else 90


def _no_cue(text: str, sent: Span, m: re.Match[str]) -> bool:
    """A cue match that is no offer or demand: negated ("is not willing to", "never sought")
    or a participle that modifies a noun ("pull back to an agreed line", "the proposed buffer
    zone")."""
    if _NEG_BEFORE.search(text[max(sent.start, m.start() - 20) : m.start()]):
        return True
    return " " not in m.group().strip() and bool(
        _ATTRIBUTIVE.search(text, max(sent.start, m.start() - 20), m.start())
    )


def _merge_anchors(
    self: ProposalParser, ctx: ParseContext, anchors: list[_Anchor]
) -> list[_Anchor]:
    """One anchor per clause (see below), in text order."""
    anchors.sort(key=lambda a: a.start)
    # One proposal per clause: an implicit offer framed by a trigger ("willing to recognise
    # ... as part of a ceasefire deal") is one proposal.
    out: list[_Anchor] = []
    for a in anchors:
        same = [b for b in out if b.clause == a.clause]
        if not same:
            out.append(a)
            continue
        b = same[0]
        if _keeps_both(self, ctx, a, b):
            out.append(a)
            continue
        _fold_into(b, a)
    return out


def _keeps_both(self: ProposalParser, ctx: ParseContext, a: _Anchor, b: _Anchor) -> bool:
    """Whether anchor ``a`` stays a proposal of its own beside ``b`` of the same clause."""
    text = ctx.text
    if (
        a.trigger is not None
        and a.trigger.owner is not None
        and b.trigger is not None
        and (b.trigger.owner is not None and b.trigger.owner[1].id != a.trigger.owner[1].id)
    ):
        return True
    if _distinct_triggers(text, a, b):
        return True
    if a.implicit and b.implicit and _second_cue(text, b, a.start):
        # "renewed its call for a plebiscite and urged the Council to appoint an envoy".
        return True
    if b.implicit != a.implicit:
        imp, trg = (b, a) if b.implicit else (a, b)
        if (
            imp.status is ProposalStatus.PROPOSED
            and trg.trigger is not None
            and trg.trigger.owner is not None
            and trg.end < imp.start
            and "," in text[trg.end : imp.start]
            and _FRONTED.match(text, trg.clause.start, trg.start)
        ):
            # "To meet Moscow's demands, the envoy proposed that ...": an answer to the
            # demand, proposed by somebody else.
            return True
        if trg.start < imp.start and _SUBJECT_GAP.fullmatch(text, trg.end, imp.start):
            # "The deal also calls for the return of refugees": the plan is the cue's
            # subject, and what it calls for is its content.
            return False
        if (
            trg.trigger is not None
            and trg.trigger.anaphoric
            and (
                trg.start < imp.start
                or find_provisions(
                    text,
                    Span(start=imp.end, end=max(imp.end, trg.start)),
                    self.provisions,
                    ctx=ctx,
                )
            )
        ):
            # "Baku insists on a referendum before the treaty can be ratified": the
            # treaty is an earlier proposal, the referendum a new demand.
            return True
    return False


# A fronted adverbial before a proposal noun ("To meet Moscow's demands, ...", "In answer to
# ...,"): the noun is not the subject of what follows.
_FRONTED = re.compile(
    r"\W{0,3}(?:to|in|under|after|despite|with|amid|following|against|for)\s", re.I
)
_POSSESSIVE = re.compile(r"\w(?:['’]s|s['’])\s")
_ATTRIBUTIVE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those|mutually|jointly|previously|"
    r"already|newly)\s{1,3}$",
    re.I,
)
_SUBJECT_GAP = re.compile(
    r"(?:\s{0,3},?\s{1,3}(?:which|that))?\s{1,3}(?:(?:also|further|reportedly|would|will|explicitly|specifically|then|now|"
    r"still|apparently|even|only)\s{1,3}){0,3}",
    re.I,
)
_JOINED = re.compile(r"\b(?:and|but|while|after|before|as|when|whereas)\b|[,;:]", re.I)


def _distinct_triggers(text: str, a: _Anchor, b: _Anchor) -> bool:
    """Two proposal nouns of one clause that name two proposals: another party's after a verb
    ("the plan builds on a proposal drafted by Kenya", "the offer does not meet the rebels'
    demand"), each with its own status verb ("announced a ceasefire, days after the rebels
    declared a truce of their own"), or an earlier one referred back to and another party's
    own ("called the offer a trick and repeated Kyiv's proposal")."""
    ta, tb = a.trigger, b.trigger
    if ta is None or tb is None or a.implicit or b.implicit:
        return False
    possessive = bool(_POSSESSIVE.search(text, ta.np_start, ta.span.start))
    owned = ta.owner is not None or possessive
    if owned and _another_partys(text, a, b, possessive=possessive):
        return True
    if not _JOINED.search(text[b.end : a.start]):
        # "a proposal for a truce", "the plan, a truce": one noun phrase, one proposal.
        return False
    if (
        a.governed
        and b.governed
        and a.cue_start > b.end
        and a.cue_start != b.cue_start
        and not (ta.anaphoric or tb.anaphoric)
    ):
        return True
    return tb.anaphoric and owned and not ta.anaphoric


def _another_partys(text: str, a: _Anchor, b: _Anchor, *, possessive: bool) -> bool:
    """The owned noun of ``a`` after a verb names another party's proposal than ``b``'s ("the
    plan builds on a proposal drafted by Kenya", "... does not meet the rebels' demand")."""
    ta, tb = a.trigger, b.trigger
    assert ta is not None
    assert tb is not None
    gap = text[b.end : ta.np_start].lower().split()
    return (
        (ta.det in {"a", "an"} or possessive)
        and not ta.weak
        and not ta.anaphoric
        and (tb.owner is None or ta.owner is None or tb.owner[1].id != ta.owner[1].id)
        and any(w not in _PREPOSITIONS and w not in _DET_WORDS for w in gap)
    )


_AND_VERB = re.compile(r",?\s{1,3}and\s{1,3}(?:also\s{1,3})?$", re.I)


def _second_cue(text: str, first: _Anchor, cue_start: int) -> bool:
    """A second offer or demand joined by "and" to a first one that has run its course ("called
    for a truce and urged ..."): the words between hold no cue of the first."""
    if cue_start <= first.end:
        return False
    return bool(_AND_VERB.search(text, first.end, cue_start)) and "," not in text[
        first.end : cue_start
    ].rstrip(", and")


def _fold_into(b: _Anchor, a: _Anchor) -> None:
    """Anchor ``a`` is part of ``b`` (same clause): ``b`` takes its status and trigger."""
    if (
        b.implicit
        and a.trigger is not None
        and a.status is not ProposalStatus.UNKNOWN
        and (_STATUS_RANK[a.status] > _STATUS_RANK[b.status] and a.trigger.owner is None)
        # "urged both sides to accept a truce": a status verb inside what is demanded is
        # part of the demand, not news about the truce.
        and not (b.status is ProposalStatus.DEMANDED and a.cue_start >= b.end)
    ):
        b.status = a.status
    if b.trigger is None and a.trigger is not None:
        b.trigger = a.trigger
    if b.implicit and a.trigger is not None and not a.trigger.soft_generic:
        b.trigger_text = a.trigger_text
        b.framed = True
