"""The ``positions`` stage: who supports, opposes, demands or considers what.

Positions come from three places:

* the proposals themselves: a proposer demands, offers or weighs its proposal; a party that
  accepts, rejects or considers it takes that stance on it;
* stance cues with an object ("refused every plan to hand over land", "pushing
  for a ceasefire", "advocating for increased sanctions") or a judgement of what precedes them
  ("recognition is non-negotiable", "a ceasefire is unrealistic");
* conditions a party sets ("Kyiv maintains that talks can only proceed if ...").

The object of a stance is a proposal of the article (``proposal_id``), a provision kind (through
the provision lexicon plus the stance ``targets``, so "ceding territory" is territorial
recognition) or a territory.  Every coordinated subject gets its own position ("Vance and
Witkoff push for ..."), and a stance stated inside a statement is linked to it.

Example:
    >>> from conflictmodel import parse_article
    >>> art = parse_article("Israel rejected any proposal that involves a ceasefire.")
    >>> [(p.actor.id, p.stance.value, p.provision.value) for p in art.positions]
    [('state:IL', 'opposes', 'ceasefire')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from conflictmodel.context import MentionKind, ParseContext
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.positions import Position, Stance
from conflictmodel.model.proposals import Proposal, ProposalStatus, ProvisionKind
from conflictmodel.model.span import Span
from conflictmodel.model.statements import Statement
from conflictmodel.model.territories import Territory
from conflictmodel.parsers.language.clauses import (
    clause_at,
    clause_end,
    clause_spans,
    sentence_windows,
    text_units,
)
from conflictmodel.parsers.language.mentions import possessor, subject_actors, territory_mentions
from conflictmodel.parsers.proposals.lexicon import ProvisionLexicon
from conflictmodel.parsers.proposals.provisions import find_conditions, find_provisions
from conflictmodel.parsers.stances import CompiledStances, StanceLexicon
from conflictmodel.resources import load_data

__all__ = ["PositionParser", "StanceLexicon"]

_MAX_CUES = 40
_MAX_CHOSEN = 12


_PROPOSER_STANCE = {
    ProposalStatus.DEMANDED: Stance.DEMANDS,
    ProposalStatus.UNDER_CONSIDERATION: Stance.CONSIDERS,
    ProposalStatus.PROPOSED: Stance.SUPPORTS,
    ProposalStatus.PRESENTED: Stance.SUPPORTS,
    ProposalStatus.ACCEPTED: Stance.SUPPORTS,
    ProposalStatus.SIGNED: Stance.SUPPORTS,
    ProposalStatus.REJECTED: Stance.SUPPORTS,
    ProposalStatus.UNKNOWN: Stance.SUPPORTS,
}
_RESPONDER_STANCE = {
    ProposalStatus.ACCEPTED: Stance.SUPPORTS,
    ProposalStatus.SIGNED: Stance.SUPPORTS,
    ProposalStatus.REJECTED: Stance.OPPOSES,
    ProposalStatus.UNDER_CONSIDERATION: Stance.CONSIDERS,
}
_PURPOSE = re.compile(r"\b(?:in\s+order\s+to|so\s+as\s+to|so\s+that)\b", re.I)
_THAT = re.compile(r"\b(?:that|whether)\b", re.I)
# Word lists users can extend: data/positions_words.json.
_WORDS: dict[str, Any] = load_data("positions_words.json")
_CONTENT_SUBJECT = re.compile(
    r"\b(?:" + "|".join(_WORDS["content_subjects"]) + r")"
    r"(?:\s+(?:" + "|".join(_WORDS["content_subject_adverbs"]) + r"))?\s+$",
    re.I,
)
_NO_BEFORE = re.compile(r"\b(?:no|not\s+an?|never\s+an?|not\s+one)\s+(?:\w+\s+)?$", re.I)
_PRONOUN_SUBJECT = re.compile(
    r"^\W{0,3}(?:"
    + "|".join(
        [*_WORDS["pronoun_subjects"], *(w + r"\s+\w+" for w in _WORDS["pronoun_possessives"])]
    )
    + r")\b",
    re.I,
)
# A definite reference to a proposal ("the latest proposal").
_PROPOSAL_REFERENCE = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:\w+\s+){0,2}(?:"
    + "|".join(_WORDS["proposal_nouns"])
    + r")\b",
    re.I,
)


@attrs.define(kw_only=True)
class _Target:
    proposal_id: str | None = None
    provisions: list[ProvisionKind] = attrs.Factory(list)
    territory: Territory | None = None
    end: int = 0

    def empty(self) -> bool:
        return self.proposal_id is None and not self.provisions and self.territory is None


# actor or territory id -> (its mentions tuple, their sorted starts): an actor mentioned thousands of times
# is searched by bisection, not scanned, for every stance cue.
_MENTION_STARTS: dict[str, tuple[tuple[Span, ...], list[int]]] = {}


def _first_mention_in(actor: Actor | Territory, start: int, end: int) -> int | None:
    """The first offset in ``[start, end)`` where ``actor`` is mentioned, or None."""
    cached = _MENTION_STARTS.get(actor.id)
    if cached is None or cached[0] is not actor.mentions:
        cached = (actor.mentions, sorted(m.start for m in actor.mentions))
        _MENTION_STARTS[actor.id] = cached
    starts = cached[1]
    i = bisect.bisect_left(starts, start)
    return starts[i] if i < len(starts) and starts[i] < end else None


class PositionParser:
    """Pipeline stage ``positions``: fills ``ctx.positions``.

    Args:
        lexicon: stance cues (default: ``data/stances.json``).
        extra_cues: more forward cues by stance value (``{"opposes": ["torpedoed"]}``).
        provisions: the provision lexicon used to type what a stance is on (default: the
            proposals stage's, plus the stance ``targets``).

    Example:
        >>> PositionParser(extra_cues={"opposes": ["torpedoed"]}).name
        'positions'
    """

    name = "positions"
    requires: tuple[str, ...] = ("statements", "proposals", "proposal_traces")
    # Read when an earlier stage provides them; the stage works without.
    uses: tuple[str, ...] = ("dates",)
    provides: tuple[str, ...] = ("positions",)

    def __init__(
        self,
        *,
        lexicon: StanceLexicon | None = None,
        extra_cues: Mapping[str, Iterable[str]] | None = None,
        provisions: ProvisionLexicon | None = None,
    ) -> None:
        lex = lexicon or StanceLexicon.default()
        if extra_cues:
            lex = lex.extend(forward=extra_cues)
        self.lexicon = lex
        self._rx: CompiledStances = lex._rx
        self.provisions = (provisions or ProvisionLexicon.default()).extend(lex.targets)

    def __call__(self, ctx: ParseContext) -> None:
        # One article's actors at a time (the cache checks the mentions tuple it was built
        # from, so a stale entry is never used, only kept: clearing bounds the memory).
        _MENTION_STARTS.clear()
        if not ctx.text.strip():
            return
        found: list[Position] = []
        found.extend(self._from_proposals(ctx))
        for sent in text_units(ctx):
            if ctx.is_furniture(sent):
                continue
            for win in sentence_windows(sent, ctx.text):
                found.extend(self._sentence(ctx, win))
        specific = {
            (p.actor.id, p.stance, p.proposal_id)
            for p in found
            if p.proposal_id and (p.provision or p.territory)
        }
        found = [
            p
            for p in found
            if p.provision or p.territory or (p.actor.id, p.stance, p.proposal_id) not in specific
        ]
        seen: set[tuple[Any, ...]] = set()
        for p in found:
            key = (
                p.actor.id,
                p.stance,
                p.proposal_id,
                p.provision,
                p.territory.id if p.territory else None,
                ctx.sentence_of(p.span.start) or p.span,
            )
            if key in seen:
                continue
            seen.add(key)
            ctx.positions.append(p)

    # ------------------------------------------------------------------ from proposals

    def _from_proposals(self, ctx: ParseContext) -> list[Position]:
        out: list[Position] = []
        traces = {t.id: t for t in ctx.proposal_traces}
        for prop in ctx.proposals:
            info = traces.get(prop.id)
            stmt = _statement_for(ctx, prop.span, prop.proposer)
            if prop.proposer is not None and prop.status is not ProposalStatus.ENDED:
                own: Stance = _PROPOSER_STANCE.get(prop.status, Stance.SUPPORTS)
                if own is Stance.CONSIDERS and not (info and info.anchor_proposer):
                    # "Kyiv is studying the plan drafted by Washington": Kyiv weighs it; its
                    # proposer still backs it.
                    own = Stance.SUPPORTS
                out.append(
                    Position(
                        actor=prop.proposer,
                        stance=own,
                        text=prop.text,
                        span=prop.span,
                        cue=prop.trigger,
                        proposal_id=prop.id,
                        statement=stmt,
                        date=prop.date,
                    )
                )
            for aid in info.co_proposers if info else ():
                actor = ctx.actors.get(aid)
                if actor is not None:
                    out.append(
                        Position(
                            actor=actor,
                            stance=_PROPOSER_STANCE.get(prop.status, Stance.SUPPORTS),
                            text=prop.text,
                            span=prop.span,
                            cue=prop.trigger,
                            proposal_id=prop.id,
                            statement=_statement_for(ctx, prop.span, actor),
                            date=prop.date,
                        )
                    )
            for aid, status, evidence in info.responders if info else ():
                stance = _RESPONDER_STANCE.get(status)
                actor = ctx.actors.get(aid)
                if actor is not None and stance is not None:
                    out.append(
                        Position(
                            actor=actor,
                            stance=stance,
                            text=ctx.text[evidence.start : evidence.end],
                            span=evidence,
                            cue=status.value,
                            proposal_id=prop.id,
                            statement=_statement_for(ctx, evidence, actor),
                            date=prop.date,
                        )
                    )
        return out

    # ------------------------------------------------------------------ stance cues

    def _sentence(self, ctx: ParseContext, sent: Span) -> list[Position]:
        text = ctx.text
        rx = self._rx
        clauses = clause_spans(text, sent)
        conditions = find_conditions(text, sent)
        out: list[Position] = []
        cues: list[tuple[int, int, Stance, bool]] = []
        for i in sorted(rx.forward_gate.candidates_in(text, sent.start, sent.end)):
            stance, srx = rx.forward[i]
            for n, m in enumerate(srx.finditer(text, sent.start, sent.end)):
                if n >= _MAX_CUES:
                    break
                cues.append((m.start(), m.end(), stance, True))
        for i in sorted(rx.backward_gate.candidates_in(text, sent.start, sent.end)):
            stance, srx = rx.backward[i]
            for n, m in enumerate(srx.finditer(text, sent.start, sent.end)):
                if n >= _MAX_CUES:
                    break
                cues.append((m.start(), m.end(), stance, False))
        # Longest cue wins where cues overlap ("refused to" over "refused").
        cues.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        chosen: list[tuple[int, int, Stance, bool]] = []
        for c in cues:
            if all(c[1] <= k[0] or c[0] >= k[1] for k in chosen):
                chosen.append(c)
        chosen.sort()
        # Prose has a handful of stance cues per sentence; a window full of them is not prose.
        del chosen[_MAX_CHOSEN:]
        for start, end, stance, forward in chosen:
            cue = Span(start=start, end=end)
            clause = clause_at(clauses, start)
            if forward:
                later = [c[0] for c in chosen if c[0] > start]
                out.extend(self._forward(ctx, sent, clause, cue, stance, conditions, later))
            else:
                out.extend(self._backward(ctx, sent, clause, cue, stance))
        if not chosen:
            out.extend(self._conditional(ctx, sent, clauses, conditions))
        out.extend(self._negated_targets(ctx, sent, clauses, chosen))
        return out

    def _forward(
        self,
        ctx: ParseContext,
        sent: Span,
        clause: Span,
        cue: Span,
        stance: Stance,
        conditions: Sequence[Any],
        next_cues: Sequence[int] = (),
    ) -> list[Position]:
        text = ctx.text
        before = text[max(sent.start, cue.start - 40) : cue.start]
        if _is_passive(text, cue, before):
            # "backed by the threat of sanctions", "was rejected": passive, not a stance of
            # the subject.
            return []
        if _CONTENT_SUBJECT.search(before):
            # "the plan calls for a ceasefire" states the plan's content, not a stance.
            return []
        obj = Span(start=cue.end, end=max(cue.end, _object_end(text, clause, cue, next_cues)))
        target = self._target(ctx, obj, sent)
        target.proposal_id = target.proposal_id or _proposal_at(
            ctx, Span(start=cue.start, end=cue.start), sent, cue
        )
        if target.empty():
            return []
        stance = self._qualified(text, sent, clause, cue, stance, conditions)
        holders = self._forward_holders(ctx, sent, clause, cue)
        if holders is None or not _names_object(text, obj, target):
            return []
        return self._emit(ctx, holders, stance, cue, target, sent, clause)

    def _qualified(
        self,
        text: str,
        sent: Span,
        clause: Span,
        cue: Span,
        stance: Stance,
        conditions: Sequence[Any],
    ) -> Stance:
        """A negated supportive cue opposes ("did not back"); a later condition ("only if")
        makes a stance conditional."""
        if stance in (
            Stance.SUPPORTS,
            Stance.DEMANDS,
            Stance.CONSIDERS,
        ) and self._rx.negation.search(text[max(clause.start, cue.start - 30) : cue.start]):
            stance = Stance.OPPOSES
        if stance is not Stance.OPPOSES and any(
            c.span.start >= cue.start
            and c.span.start < sent.end
            and self._rx.conditional.match(text, c.span.start)
            for c in conditions
        ):
            stance = Stance.CONDITIONAL
        return stance

    def _forward_holders(
        self, ctx: ParseContext, sent: Span, clause: Span, cue: Span
    ) -> list[Actor] | None:
        """Who holds a forward stance; None when it is somebody we cannot name."""
        has_poss, owner = possessor(ctx, cue.start, clause.start)
        anchored = _anchored_proposal(ctx, cue)
        if anchored is not None and anchored.proposer is not None:
            # The cue is what made the proposal: its proposer holds the stance.
            return [anchored.proposer]
        if has_poss:
            # "Russia's push for ...", "the West's insistence on ...": the owner holds it.
            return None if owner is None else [owner]
        return self._holders(ctx, sent, clause, cue.start)

    def _backward(
        self, ctx: ParseContext, sent: Span, clause: Span, cue: Span, stance: Stance
    ) -> list[Position]:
        text = ctx.text
        # "Peskov emphasized that the recognition ... is non-negotiable": the target is what
        # lies between "that" (or the clause start) and the cue; the holder is whoever said it.
        seg_start = clause.start
        that = None
        for m in _THAT.finditer(text, sent.start, cue.start):
            that = m
        if that is not None and that.end() > seg_start:
            seg_start = that.end()
        target = self._target(ctx, Span(start=seg_start, end=cue.start), sent)
        if target.empty():
            return []
        holder_end = that.start() if that is not None else seg_start
        holders: list[Actor] = []
        if that is not None:
            verb = None
            for m in self._rx.reporting.finditer(text, sent.start, that.start()):
                verb = m
            if verb is not None:
                holders = [a for _, a in subject_actors(ctx, sent.start, verb.start())]
        if not holders:
            holders = self._holders(ctx, sent, clause, holder_end)
        return self._emit(ctx, holders, stance, cue, target, sent, clause)

    def _conditional(
        self, ctx: ParseContext, sent: Span, clauses: Sequence[Span], conditions: Sequence[Any]
    ) -> list[Position]:
        """ "Kyiv maintains that talks can only proceed if Russia halts its offensive"."""
        text = ctx.text
        out: list[Position] = []
        for m in self._rx.conditional.finditer(text, sent.start, sent.end):
            if m.group().lower() == "if" and not re.search(
                r"\b(?:only|just)\b", text[max(sent.start, m.start() - 25) : m.start()], re.I
            ):
                continue
            verb = None
            for v in self._rx.reporting.finditer(text, sent.start, m.start()):
                verb = v
            if verb is None:
                continue
            holders = [a for _, a in subject_actors(ctx, sent.start, verb.start())]
            if not holders:
                continue
            cond_end = next(
                (c.span.end for c in conditions if c.span.start <= m.start() < c.span.end), sent.end
            )
            target = self._target(ctx, Span(start=m.start(), end=cond_end), sent)
            if target.empty():
                target = self._target(ctx, Span(start=verb.end(), end=m.start()), sent)
            if target.empty():
                continue
            clause = clause_at(clauses, m.start())
            out.extend(
                self._emit(
                    ctx,
                    holders,
                    Stance.CONDITIONAL,
                    Span(start=m.start(), end=m.end()),
                    target,
                    sent,
                    clause,
                    evidence_start=verb.start(),
                )
            )
            break
        return out

    def _negated_targets(
        self,
        ctx: ParseContext,
        sent: Span,
        clauses: Sequence[Span],
        chosen: Sequence[tuple[int, int, Stance, bool]],
    ) -> list[Position]:
        """ "... insists no territory will be surrendered": a negated target in what an
        actor says is opposition to it."""
        text = ctx.text
        out: list[Position] = []
        if not _may_negate(ctx, sent):
            return out
        for prov in find_provisions(text, sent, self.provisions, ctx=ctx):
            if any(c[0] <= prov.span.start < c[1] + 200 and c[0] < prov.span.start for c in chosen):
                continue
            if not _NO_BEFORE.search(text[max(sent.start, prov.span.start - 15) : prov.span.start]):
                continue
            holders = [a for _, a in subject_actors(ctx, sent.start, prov.span.start)]
            if not holders:
                holders = [
                    s.speaker
                    for s in ctx.statements_overlapping(prov.span)
                    if s.speaker is not None and s.span.contains(prov.span)
                ][:1]
            if not holders:
                continue
            target = _Target(
                provisions=[prov.kind],
                territory=prov.territories[0] if prov.territories else None,
                end=prov.span.end,
            )
            clause = clause_at(clauses, prov.span.start)
            cue = Span(start=max(sent.start, prov.span.start - 3), end=prov.span.start)
            m = _NO_BEFORE.search(text[max(sent.start, prov.span.start - 15) : prov.span.start])
            if m:
                base = max(sent.start, prov.span.start - 15)
                cue = Span(start=base + m.start(), end=base + m.end())
            out.extend(self._emit(ctx, holders, Stance.OPPOSES, cue, target, sent, clause))
        return out

    # ------------------------------------------------------------------ helpers

    def _holders(self, ctx: ParseContext, sent: Span, clause: Span, at: int) -> list[Actor]:
        text = ctx.text
        subj = subject_actors(ctx, clause.start, at)
        if not subj and clause.start > sent.start:
            subj = subject_actors(ctx, sent.start, at)
        inside = [s for s in ctx.statements_at(at) if s.speaker is not None]
        if inside:
            st = inside[0]
            # A pronoun subject inside a quote ("We will never ...") is the speaker.
            if (
                not subj
                or subj[0][0].span.start < st.span.start
                or _PRONOUN_SUBJECT.match(text, st.span.start)
            ):
                assert st.speaker is not None
                return [st.speaker]
        return [a for _, a in subj]

    def _target(self, ctx: ParseContext, span: Span, sent: Span) -> _Target:
        target = _Target(end=span.end)
        if len(span) <= 0:
            return target
        provs = find_provisions(ctx.text, span, self.provisions, ctx=ctx)
        for p in provs:
            if p.kind not in target.provisions:
                target.provisions.append(p.kind)
            if target.territory is None and p.territories:
                target.territory = p.territories[0]
        if target.territory is None:
            terrs = territory_mentions(ctx, span)
            if terrs:
                target.territory = terrs[0][1]
        target.proposal_id = _proposal_at(ctx, span, sent)
        return target

    def _emit(
        self,
        ctx: ParseContext,
        holders: Sequence[Actor],
        stance: Stance,
        cue: Span,
        target: _Target,
        sent: Span,
        clause: Span,
        *,
        evidence_start: int | None = None,
    ) -> list[Position]:
        text = ctx.text
        out: list[Position] = []
        if not holders:
            return out
        first_mention = min(
            (x for a in holders if (x := _first_mention_in(a, sent.start, cue.start)) is not None),
            default=None,
        )
        start = min(
            x for x in (first_mention, evidence_start, clause.start, cue.start) if x is not None
        )
        start = max(sent.start, start)
        end = min(sent.end, max(target.end, cue.end))
        seg = text[start:end]
        end = start + len(seg.rstrip())
        span = Span(start=start, end=max(end, cue.end))
        dates = [d for d in ctx.dates_in(sent) if d.span is not None]
        date = (
            min(dates, key=lambda d: abs(d.span.start - cue.start) if d.span else 0)
            if dates
            else None
        )
        kinds: list[ProvisionKind | None] = list(target.provisions) or [None]
        for actor in holders:
            if actor.kind is ActorKind.MEDIA:
                continue
            stmt = _statement_for(ctx, span, actor)
            for kind in kinds:
                if kind is None and target.proposal_id is None and target.territory is None:
                    continue
                out.append(
                    Position(
                        actor=actor,
                        stance=stance,
                        text=text[span.start : span.end],
                        span=span,
                        cue=text[cue.start : cue.end],
                        proposal_id=target.proposal_id,
                        provision=kind,
                        territory=target.territory,
                        statement=stmt,
                        date=date,
                    )
                )
        return out


def _is_passive(text: str, cue: Span, before: str) -> bool:
    """ "backed by ...", "was rejected": the cue is passive."""
    return bool(_BY_AFTER.match(text[cue.end : cue.end + 5])) or (
        text[cue.start : cue.end].lower().endswith("ed") and bool(_BE_BEFORE.search(before))
    )


_BY_AFTER = re.compile(r"\s{1,3}by\b")
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being)\s{1,3}$")


def _object_end(text: str, clause: Span, cue: Span, next_cues: Sequence[int]) -> int:
    """Where the object of a forward cue ends: the clause end, the next cue or a purpose
    clause ("in order to")."""
    obj_end = clause_end(text, cue.end, clause.end)
    for other in next_cues:
        if cue.end <= other < obj_end:
            obj_end = other
            break
    purpose = _PURPOSE.search(text, cue.end, obj_end)
    if purpose:
        obj_end = purpose.start()
    return obj_end


def _names_object(text: str, obj: Span, target: _Target) -> bool:
    """A target that is only a territory must be named right after the cue (within two
    words)."""
    if not target.provisions and target.proposal_id is None and target.territory is not None:
        first = _first_mention_in(target.territory, obj.start, len(text) + 1)
        if first is None or len(text[obj.start : first].split()) > 2:
            return False
    return True


def _may_negate(ctx: ParseContext, sent: Span) -> bool:
    """Whether ``_negated_targets`` must look for the provisions of ``sent``: it holds a
    negation ("no", "not", "never") that ``_NO_BEFORE`` needs, or an anonymous or unknown actor
    mention that finding provisions may resolve to its state (which adds the state to the
    article, so the search runs for identical output)."""
    if _NEGATION_WORD.search(ctx.text, sent.start, sent.end):
        return True
    near = Span(start=max(0, sent.start - 40), end=sent.end)
    for m in ctx.mentions_in(near, MentionKind.ACTOR):
        actor = ctx.actors.get(m.target)
        if actor is not None and (actor.anonymous or actor.kind is ActorKind.UNKNOWN):
            return True
    return False


# Every match of _NO_BEFORE holds one of these.
_NEGATION_WORD = re.compile(r"(?:no|not|never)\s", re.I)


def _anchored_proposal(ctx: ParseContext, cue: Span) -> Proposal | None:
    """The proposal whose trigger or implicit cue is ``cue``."""
    # Indexed: the traces whose anchor or a reference overlaps the cue, in trace order.
    for t in ctx.traces_referred_to(Span(start=cue.start, end=cue.start), cue):
        if t.anchor_proposer and t.anchor.overlaps(cue):
            for prop in ctx.proposals:
                if prop.id == t.id:
                    return prop
    return None


def _proposal_at(ctx: ParseContext, span: Span, sent: Span, cue: Span | None = None) -> str | None:
    """The proposal referred to inside ``span`` (its trigger or a later reference to it), or by a
    definite reference ("the latest proposal") in a sentence the proposal spans."""
    for t in ctx.traces_referred_to(span, cue):
        return t.id
    for prop in ctx.proposals_overlapping(sent):
        if _PROPOSAL_REFERENCE.search(ctx.text[span.start : span.end]):
            return prop.id
    return None


def _statement_for(ctx: ParseContext, span: Span, actor: Actor | None) -> Statement | None:
    """The statement whose content overlaps ``span``, preferring one by ``actor``."""
    best: Statement | None = None
    for st in ctx.statements_overlapping(span):
        if actor is not None and st.speaker is not None and st.speaker.id == actor.id:
            return st
        if best is None:
            best = st
    return best
