"""The ``proposals`` pipeline stage."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from conflictmodel.context import ParseContext, ProposalTrace
from conflictmodel.model.proposals import Condition, ProposalStatus, ProvisionKind
from conflictmodel.model.span import Span
from conflictmodel.parsers.language.clauses import (
    c_next,
    clause_spans,
    is_lead_frame,
    looks_like_headline,
    overlaps_any,
    text_units,
)
from conflictmodel.parsers.language.mentions import actor_mentions, as_party
from conflictmodel.parsers.proposals.anchors import (
    _POSSESSIVE,
    find_anchors,
    find_triggers,
    governing_status,
    status_hits,
)
from conflictmodel.parsers.proposals.drafts import (
    _Anchor,
    _dedupe,
    _Draft,
    _drop_headline,
    _finish,
    _historical,
    _later,
    _merge_provisions,
    add_people,
    add_responders,
    draft_region,
    extend_draft,
    find_venue,
    new_draft,
)
from conflictmodel.parsers.proposals.lexicon import ProposalLexicon, ProvisionLexicon, _Rx
from conflictmodel.parsers.proposals.plans import coalesce, complement_provisions
from conflictmodel.parsers.proposals.provisions import (
    _IRREALIS,
    _QUID_PRO_QUO,
    find_conditions,
    find_provisions,
    position_objects,
)

__all__ = ["ProposalParser"]


def _term_of_plan(a: _Anchor) -> bool:
    """A weak trigger no verb, owner or name makes news of ("Under the plan, the first phase
    would see a six-week ceasefire"): in a sentence that continues a plan it is one of its
    terms, not a proposal of its own."""
    t = a.trigger
    return (
        t is not None
        and t.weak
        and not a.implicit
        and not a.governed
        and t.owner is None
        and not t.named
    )


_SPELLED_GAP = re.compile(
    # "its proposal: a truce ...", "the terms — a truce ...", and "a proposal by the Quad — the
    # US, Egypt ... — for a truce": what follows the noun is its content.
    r"(?:\s{1,3}(?:by|from)(?:\s{1,3}[\w.'’-]+){1,4}?)?"
    r"(?:\s{0,3}[:\u2014\u2013]|(?:\s{0,3},[^,;.:\u2014\u2013]{1,120},|\s{0,3}[\u2014\u2013][^;.:\u2014\u2013]{1,120}[\u2014\u2013])?"
    r"\s{1,3}(?:for|of))\s{0,3}(?:(?:a|an|the|its|their)\s{1,3})?(?:[\w,-]+\s{1,3}){0,4}"
)


def _spelled_out(
    text: str, a: _Anchor, anchors: Sequence[_Anchor], drafts: Sequence[_Draft]
) -> _Draft | None:
    """The draft of the proposal noun a colon or a dash spells out in ``a`` ("its terms — a
    truce and ..."), when ``a`` is only a term (see ``_term_of_plan``)."""
    if not drafts or not _term_of_plan(a):
        return None
    prev = [b for b in anchors if b.end <= a.start and b.trigger is not None]
    if not prev:
        return None
    b = prev[-1]
    if not _SPELLED_GAP.fullmatch(text, b.end, a.start):
        return None
    for d in reversed(drafts[-3:]):
        if d.anchor.start == b.start or any(r.start == b.start for r in d.references):
            return d
    return None


def _possessed(text: str, a: _Anchor) -> bool:
    """The anchor's noun phrase has a possessive ("the rebels' demand")."""
    t = a.trigger
    return t is not None and bool(_POSSESSIVE.search(text, t.np_start, t.span.start))


_FRAME_BEFORE = re.compile(
    r"\W{0,3}(?:as\s{1,3}part\s{1,3}of|under|within|in\s{1,3}line\s{1,3}with)\s{1,3}$", re.I
)


def _framed_after(
    text: str, a: _Anchor, anchors: Sequence[_Anchor], clauses: Sequence[Span]
) -> bool:
    """The clause after an offer or demand opens with the plan it belongs to ("..., as part of
    a plan presented to mediators")."""
    nxt = c_next(clauses, a.clause)
    return nxt is not None and any(
        b.trigger is not None
        and b.clause == nxt
        and bool(_FRAME_BEFORE.fullmatch(text, nxt.start, b.start))
        for b in anchors
    )


def _same_cue(word: str, status: ProposalStatus) -> bool:
    """ "Kinshasa's demands" can name what "Kinshasa demanded" earlier, "Egypt's offer" what
    Egypt offered."""
    w = word.lower().rstrip("s")
    if w in {"demand", "condition", "precondition", "ultimatum", "term"}:
        return status is ProposalStatus.DEMANDED
    if w in {"offer", "proposal", "counteroffer", "counter-offer"}:
        return status in {ProposalStatus.PROPOSED, ProposalStatus.UNDER_CONSIDERATION}
    return False


# "troops are to pull back", "a transitional government would be formed": a term, stated in
# the mood of what a plan lays down, not of what happened.
_MODAL = re.compile(
    r"\b(?:would|will|shall|must|(?:is|are|was|were)\s{1,3}to)(?:n['’]t)?\s{1,3}"
    r"(?:also\s{1,3}|then\s{1,3}|not\s{1,3}|never\s{1,3}|\w+ly\s{1,3})?"
    r"(?:be\s{1,3})?\w+",
    re.I,
)


def _subject_owns_another(ctx: ParseContext, a: _Anchor, last: _Draft) -> bool:
    """ "Morocco ... says its autonomy plan is the only basis" after a Council resolution: a
    possessive pronoun whose antecedent, the clause's subject, is not the last plan's
    proposer names that subject's own plan."""
    t = a.trigger
    if t is None or t.det not in {"its", "their", "his", "her"} or last.proposer is None:
        return False
    found = actor_mentions(ctx, Span(start=a.clause.start, end=t.np_start))
    if not found:
        return False
    subject = as_party(ctx, found[0][1])
    return subject.id not in {last.proposer.id, *(x.id for x in last.co_proposers)}


def _modal_clause(text: str, clauses: Sequence[Span], span: Span) -> bool:
    """The clause of a provision at ``span`` states it in the modal mood, its subject or its
    verb being the provision ("Israeli troops are to pull back", "a government would be
    formed")."""
    for c in clauses:
        if c.start <= span.start < c.end:
            m = _MODAL.search(text, c.start, min(c.end, span.end + 40))
            # "Serbia would never recognise Kosovo": a refusal, a party's stance.
            return m is not None and not _NEGATED.search(m.group())
    return False


_NEGATED = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.I)


# A bulleted or numbered list item: "• Fighting would stop ...", "2. Elections ...".
_BULLET = re.compile(
    r"\s{0,3}(?:[\u2022\u25aa\u25e6\u2023\u2043\u00b7*\u2013\u2014-]|\(?\d{1,2}[.)])\s"
)


def _list_owner(text: str, idx: int, sent: Span, drafts: Sequence[_Draft]) -> _Draft | None:
    """The plan a list that ``sent`` introduces spells out ("The plan includes:", "Among its
    main provisions:"): the latest plan, mentioned in this or one of the two units before."""
    if not drafts or not text[sent.start : sent.end].rstrip().endswith(":"):
        return None
    last = drafts[-1]
    return last if idx - last.last_sentence <= 2 else None


class ProposalParser:
    """Pipeline stage ``proposals``: fills ``ctx.proposals``.

    Args:
        provisions: the provision lexicon (default: the shipped one).
        extra_provisions: more phrases by label, added to ``provisions``; a label that is not a
            [`ProvisionKind`][conflictmodel.ProvisionKind] value gives provisions of kind
            ``other`` with that label.
        lexicon: the other cues (triggers, status verbs, condition markers).

    Example:
        >>> from conflictmodel import parse_article
        >>> from conflictmodel.pipeline import default_pipeline
        >>> p = ProposalParser(extra_provisions={"prisoner_amnesty": ["amnesty for *"]})
        >>> pipe = default_pipeline().replace("proposals", p)
        >>> art = parse_article("Mediators proposed a plan that includes an amnesty for fighters.",
        ...                     pipeline=pipe)
        >>> [(v.kind.value, v.label) for v in art.proposals[0].provisions]
        [('other', 'prisoner_amnesty')]
    """

    name = "proposals"
    requires: tuple[str, ...] = ("sentences", "actors")
    # Read when an earlier stage provides them; the stage works without.
    uses: tuple[str, ...] = ("dates", "territories", "statements")
    provides: tuple[str, ...] = ("proposals", "proposal_traces")

    def __init__(
        self,
        *,
        provisions: ProvisionLexicon | None = None,
        extra_provisions: Mapping[str, Iterable[str]] | None = None,
        lexicon: ProposalLexicon | None = None,
    ) -> None:
        lex = provisions or ProvisionLexicon.default()
        if extra_provisions:
            lex = lex.extend(extra_provisions)
        self.provisions = lex
        self.lexicon = lexicon or ProposalLexicon.default()
        self._rx: _Rx = self.lexicon._compiled

    # -------------------------------------------------------------- entry point

    def __call__(self, ctx: ParseContext) -> None:
        text = ctx.text
        if not text.strip():
            return
        sentences = text_units(ctx)
        drafts: list[_Draft] = []
        listing: _Draft | None = None  # the plan whose terms a bulleted list spells out
        for idx, sent in enumerate(sentences):
            if ctx.is_furniture(sent):
                continue
            if listing is not None and _BULLET.match(text, sent.start, sent.end):
                self._list_item(ctx, listing, idx, sent)
                continue
            self._sentence(ctx, idx, sent, drafts)
            listing = _list_owner(text, idx, sent, drafts)
        drafts = _drop_headline(text, [d for d in _dedupe(drafts) if not _historical(text, d)])
        # The aim a mention states is a term of the plan: typed before mentions are joined.
        for d in drafts:
            complement_provisions(text, d)
        drafts = coalesce(text, drafts)
        ctx.proposals.extend(_finish(ctx, d) for d in drafts)
        ctx.proposal_traces.extend(
            ProposalTrace(
                id=f"prop:{d.start}-{d.end}",
                anchor=d.anchor,
                references=tuple(d.references),
                responders=tuple((a.id, st, ev) for a, st, ev in d.responders),
                anchor_proposer=d.anchor_proposer,
                co_proposers=tuple(a.id for a in d.co_proposers),
            )
            for d in drafts
        )

    # -------------------------------------------------------------- per sentence

    def _sentence(self, ctx: ParseContext, idx: int, sent: Span, drafts: list[_Draft]) -> None:
        text = ctx.text
        seg = text[sent.start : sent.end]
        clauses = clause_spans(text, sent)
        conditions = find_conditions(text, sent, self.lexicon)
        cond_spans = [c.span for c in conditions]
        # "in exchange for prisoners" states the price, which is part of the deal.
        masks: list[Span] = [
            c.span for c in conditions if not _QUID_PRO_QUO.match(c.text)
        ] + position_objects(text, sent, self._rx.trigger)
        # A trigger inside a condition ("provided that the treaty is signed") is no proposal and
        # no news about one.
        triggers = [
            t
            for t in self._triggers(ctx, sent, looks_like_headline(seg))
            if not overlaps_any(t.span, cond_spans)
        ]
        anchors = self._anchors(ctx, sent, clauses, triggers, masks)

        last = drafts[-1] if drafts else None
        consumed: set[int] = set()
        # A sentence that opens by referring back continues the last proposal.
        if last is not None and idx - last.last_sentence <= 2 and self._rx.continuation.match(seg):
            consumed = self._continue(ctx, last, idx, sent, clauses, anchors, masks, conditions)
        elif last is not None and idx - last.last_sentence <= 1 and not anchors:
            self._conditional_terms(ctx, last, idx, sent, masks)
        for i, a in enumerate(anchors):
            if i not in consumed:
                self._place_anchor(ctx, idx, sent, a, anchors, clauses, masks, conditions, drafts)

    def _continue(
        self,
        ctx: ParseContext,
        last: _Draft,
        idx: int,
        sent: Span,
        clauses: Sequence[Span],
        anchors: Sequence[_Anchor],
        masks: Sequence[Span],
        conditions: Sequence[Condition],
    ) -> set[int]:
        """A sentence that opens by referring back ("Under the plan, ...") extends ``last``
        over its first clause; returns the anchors that clause consumed."""
        first_clause = clauses[0]
        cont = Span(start=sent.start, end=self._continuation_end(ctx.text, clauses, anchors))
        consumed: set[int] = set()
        for i, a in enumerate(anchors):
            if a.start < cont.end and (
                a.trigger is None
                or a.trigger.anaphoric
                or a.clause == first_clause
                or _term_of_plan(a)
            ):
                if (
                    a.trigger is not None
                    and not a.trigger.anaphoric
                    and (a.trigger.owner is not None or _possessed(ctx.text, a))
                ):
                    # "The offer does not meet the rebels' demand for ...": another party's
                    # proposal, and what follows it is its own.
                    if a.start > sent.start + 3:
                        cont = Span(start=cont.start, end=min(cont.end, a.start))
                    continue
                consumed.add(i)
                if a.status is not ProposalStatus.UNKNOWN:
                    last.status = _later(last.status, a.status)
        self._extend(ctx, last, cont, sent, idx, masks, conditions, add_territories=True)
        return consumed

    def _continuation_end(
        self, text: str, clauses: Sequence[Span], anchors: Sequence[_Anchor]
    ) -> int:
        """Where a continuation ends: its first clause, or the next when that is joined by
        "and"/"including" and holds no proposal of its own."""
        cont_end = clauses[0].end
        # "Under the plan, X would ..., while Y would ...": a frame that opens the sentence
        # governs all of it; otherwise the continuation takes one more clause.
        framed = len(clauses) > 1 and is_lead_frame(
            text, clauses[0], Span(start=clauses[0].start, end=clauses[-1].end)
        )
        for c in clauses[1:]:
            if any(
                a.clause == c
                for a in anchors
                if (a.trigger is None or not a.trigger.anaphoric)
                and not _term_of_plan(a)
                # Under the frame, an offer's cue ("both sides would allow ...") or a
                # participle ("signed in Addis Ababa") is the plan's, not a proposal of its own.
                and not (framed and a.implicit)
            ):
                break
            if overlaps_any(c, position_objects(text, c, self._rx.trigger)):
                break
            cont_end = c.end
            if not framed:
                break
        return cont_end

    def _list_item(self, ctx: ParseContext, target: _Draft, idx: int, sent: Span) -> None:
        """A list item after a plan's "includes:" is one of its terms, whatever its mood."""
        text = ctx.text
        conditions = find_conditions(text, sent, self.lexicon)
        masks: list[Span] = [
            c.span for c in conditions if not _QUID_PRO_QUO.match(c.text)
        ] + position_objects(text, sent, self._rx.trigger)
        self._extend(ctx, target, sent, sent, idx, masks, conditions)

    def _conditional_terms(
        self, ctx: ParseContext, last: _Draft, idx: int, sent: Span, masks: Sequence[Span]
    ) -> None:
        """ "Israeli forces would gradually withdraw from ...": the terms of the proposal just
        described, in the conditional mood."""
        text = ctx.text
        clauses = clause_spans(text, sent)
        terms = [
            p
            for p in find_provisions(text, sent, self.provisions, ctx=ctx, exclude=masks)
            if _IRREALIS.search(text[max(sent.start, p.span.start - 40) : p.span.start])
            or _modal_clause(text, clauses, p.span)
        ]
        if terms:
            last.provisions = _merge_provisions(last.provisions, terms)
            last.end = max(last.end, sent.end)
            last.last_sentence = idx

    def _place_anchor(
        self,
        ctx: ParseContext,
        idx: int,
        sent: Span,
        a: _Anchor,
        anchors: Sequence[_Anchor],
        clauses: Sequence[Span],
        masks: Sequence[Span],
        conditions: Sequence[Condition],
        drafts: list[_Draft],
    ) -> None:
        """An anchor refers back to an earlier proposal, is part of another, or starts a new one."""
        spelled = _spelled_out(ctx.text, a, anchors, drafts)
        if spelled is not None:
            # "repeated Kyiv's own proposal: a 30-day ceasefire ...": the terms of the noun
            # before the colon, not a proposal of their own.
            self._extend(ctx, spelled, a.clause, sent, idx, masks, conditions)
            return
        target = self._antecedent(ctx, a, drafts, idx, masks)
        if target is not None:
            self._refer_back(ctx, target, idx, sent, a, anchors, clauses, masks, conditions)
            return
        if a.implicit and self._framed_by_lead(ctx.text, sent, a, anchors, clauses):
            # "Under a deal struck in Riyadh, both sides agreed to ...": the deal's terms.
            return
        if a.implicit and _framed_after(ctx.text, a, anchors, clauses):
            # "offered an amnesty ..., as part of a plan presented in Jeddah": the plan's term.
            return
        # "Residents said the ceasefire had brought calm", with no ceasefire before it: the
        # article takes a ceasefire in force as known, and a reader counts it.
        draft = self._new_draft(ctx, idx, sent, a, anchors, clauses, masks, conditions)
        if draft is not None:
            drafts.append(draft)

    def _refer_back(
        self,
        ctx: ParseContext,
        target: _Draft,
        idx: int,
        sent: Span,
        a: _Anchor,
        anchors: Sequence[_Anchor],
        clauses: Sequence[Span],
        masks: Sequence[Span],
        conditions: Sequence[Condition],
    ) -> None:
        """Anchor ``a`` refers to the earlier proposal ``target``."""
        if idx - target.last_sentence <= 1:
            region = self._region(ctx.text, a, anchors, clauses, sent)
            self._extend(ctx, target, region, sent, idx, masks, conditions)
        target.references.append(Span(start=a.start, end=a.end))
        if a.status is not ProposalStatus.UNKNOWN:
            target.status = _later(target.status, a.status)
        self._responders(ctx, target, a)

    @staticmethod
    def _framed_by_lead(
        text: str, sent: Span, a: _Anchor, anchors: Sequence[_Anchor], clauses: Sequence[Span]
    ) -> bool:
        """A trigger in the sentence's lead frame governs the clause of ``a``."""
        return any(
            b.trigger is not None
            and is_lead_frame(text, b.clause, sent)
            and c_next(clauses, b.clause) == a.clause
            for b in anchors
        )

    def _has_own_content(self, ctx: ParseContext, a: _Anchor, masks: Sequence[Span]) -> bool:
        """Provisions stated after the trigger in its clause ("the deal would also ...")."""
        after = Span(start=a.end, end=max(a.end, a.clause.end))
        return bool(find_provisions(ctx.text, after, self.provisions, ctx=ctx, exclude=masks))

    def _antecedent(
        self,
        ctx: ParseContext,
        a: _Anchor,
        drafts: Sequence[_Draft],
        idx: int,
        masks: Sequence[Span],
    ) -> _Draft | None:
        """The earlier proposal a trigger refers back to: "the plan", "the latest proposal",
        "the Qatari offer" (after Egypt and Qatar's truce), or None for a new proposal."""
        t = a.trigger
        if t is None or not drafts or t.named:
            return None
        if t.anaphoric:
            last = drafts[-1]
            if _subject_owns_another(ctx, a, last):
                return None
            if t.weak:
                # "the ceasefire" refers back only to an adjacent proposal about a ceasefire.
                kinds = {p.kind for p in last.provisions}
                if idx - last.last_sentence <= 1 and (
                    ProvisionKind.CEASEFIRE in kinds or last.trigger.lower() == t.word.lower()
                ):
                    return last
                return None
            if idx - last.last_sentence <= 1:
                return last
            if not self._has_own_content(ctx, a, masks):
                return last
            return None
        if t.owner is not None and t.det is None:
            return self._owned_cue(ctx, a, t.word, t.owner[1].id, drafts, masks)
        if t.owner is not None and t.det in {"the", "this", "that", "its", "their"}:
            return self._owned_definite(ctx, a, drafts, idx, masks)
        return None

    def _owned_definite(
        self,
        ctx: ParseContext,
        a: _Anchor,
        drafts: Sequence[_Draft],
        idx: int,
        masks: Sequence[Span],
    ) -> _Draft | None:
        """ "The agreement, brokered by Qatar", "the Qatari offer": the owner's earlier
        proposal, or the adjacent one whose proposer we learn only now."""
        t = a.trigger
        assert t is not None
        assert t.owner is not None
        last = drafts[-1]
        if (
            last.proposer is None
            and idx - last.last_sentence <= 1
            and t.word.lower().rstrip("s")
            in {w.lower().rstrip("s") for w in (last.trigger, "agreement", "deal")}
        ):
            # "A deal was agreed. The agreement, brokered by Qatar, ...": now we know who.
            last.proposer = as_party(ctx, t.owner[1], t.owner[0], modifier=True)
            return last
        owner_id = t.owner[1].id
        own_content: bool | None = None  # the same for every draft: computed once
        for d in reversed(drafts):
            if not d.explicit:
                continue
            if owner_id != (d.proposer.id if d.proposer else None) and all(
                x.id != owner_id for x in d.co_proposers
            ):
                continue
            if own_content is None:
                own_content = self._has_own_content(ctx, a, masks)
            if not own_content:
                return d
        return None

    def _owned_cue(
        self,
        ctx: ParseContext,
        a: _Anchor,
        word: str,
        owner_id: str,
        drafts: Sequence[_Draft],
        masks: Sequence[Span],
    ) -> _Draft | None:
        """ "Kinshasa's demands" after "Kinshasa has demanded ...": the demand (or offer) the
        owner made earlier without a noun, when the mention adds no terms of its own."""
        # The latest drafts only: an article with thousands of demands stays linear.
        for d in reversed(drafts[-64:]):
            if d.explicit or not _same_cue(word, d.status):
                continue
            if d.proposer is not None and d.proposer.id == owner_id:
                # Only up to the clause's first comma: "To ease Kinshasa's demands, the envoy
                # proposed ..." states the envoy's terms, not Kinshasa's.
                text = ctx.text
                stop = re.search(r"[,;:]", text[a.end : a.clause.end])
                end = a.end + stop.start() if stop else a.clause.end
                after = Span(start=a.end, end=max(a.end, end))
                own = find_provisions(text, after, self.provisions, ctx=ctx, exclude=masks)
                return None if own else d
        return None

    # -------------------------------------------------------------- triggers and anchors

    # -------------------------------------------------------------- building drafts

    # Steps kept in their own modules (triggers and anchors; building drafts).
    _triggers = find_triggers
    _status_hits = status_hits
    _governing_status = governing_status
    _anchors = find_anchors
    _new_draft = new_draft
    _region = draft_region
    _people = add_people
    _responders = add_responders
    _venue = find_venue
    _extend = extend_draft
