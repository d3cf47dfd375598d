"""The ``events`` stage: what happened, who did it, where, when, and the toll (PLOVER).

One matcher pass finds every trigger and mode cue of the lexicon in the article; sentences with
no trigger are skipped.  In a sentence with triggers, each clause's triggers are checked against
their rules and merged into events; each event then gets its status and PLOVER's tense rules
(a planned meeting is AGREE, a promised withdrawal CONCEDE), its participants from the actors
stage, a place, a date, the toll, and the proposal it concerns.  The evidence span is the part
of the clause that states the event.

Example:
    >>> from conflictmodel import parse_article
    >>> art = parse_article("Russian drones struck Sumy on Sunday, killing at least 35 people.",
    ...                     published="2025-04-14")
    >>> [(e.type.value, e.mode, e.place.name, e.killed.count, str(e.date.value)) for e in art.events]
    [('assault', 'drone', 'Sumy', 35, '2025-04-13')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from conflictmodel.context import ParseContext
from conflictmodel.model.events import Casualties, Event, EventType
from conflictmodel.model.span import Span
from conflictmodel.model.statements import StatementKind
from conflictmodel.parsers.events.details import (
    PlaceFinder,
    TollReader,
    casualties_near,
    event_date,
    toll_reader,
)
from conflictmodel.parsers.events.lexicon import EventLexicon
from conflictmodel.parsers.events.participants import SentenceParties, participants
from conflictmodel.parsers.events.status import tense
from conflictmodel.parsers.events.triggers import (
    ModeCues,
    Trigger,
    find_triggers,
    merge_in_clause,
)
from conflictmodel.parsers.proposals.units import clause_at, clause_spans, trimmed_span

__all__ = ["EventParser"]

# Types a third party brokers or hosts.
_MEDIATED = frozenset(
    {
        EventType.CONSULT,
        EventType.AGREE,
        EventType.SUPPORT,
        EventType.CONCEDE,
        EventType.RETREAT,
        EventType.COOPERATE,
    }
)
# Types an event can concern a proposal in ("talks on the US plan").
_ABOUT_PROPOSALS = frozenset(
    {
        EventType.CONSULT,
        EventType.AGREE,
        EventType.SUPPORT,
        EventType.REJECT,
        EventType.CONCEDE,
        EventType.SANCTION,
    }
)


_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their|such|said)\s{1,3}$", re.I)
_END_PUNCT = frozenset('.!?"”’)…')


def _is_heading(text: str, paras: Sequence[Span], starts: list[int], sent: Span) -> bool:
    """A headline, subhead or caption: a paragraph of one unpunctuated sentence."""
    body = text[sent.start : sent.end].strip()
    if not body or body[-1] in _END_PUNCT:
        return False
    i = bisect.bisect_right(starts, sent.start) - 1
    if i < 0 or paras[i].end < sent.end:
        return False
    return text[paras[i].start : paras[i].end].strip() == body


def _in_direct_quote(ctx: ParseContext, trig: Trigger) -> bool:
    return any(
        s.kind is StatementKind.DIRECT and s.span.start <= trig.start < s.span.end
        for s in ctx.statements_at(trig.start)
    )


class EventParser:
    """Pipeline stage ``events``: fills ``ctx.events``.

    Args:
        lexicon: the triggers and cues (default: ``data/events.json``).
        extra_triggers: more trigger entries, in the shape of ``data/events.json``'s
            ``triggers`` (``[{"type": "protest", "words": ["staged a walkout"]}]``).

    Example:
        >>> EventParser(extra_triggers=[{"type": "protest", "words": ["staged a walkout"]}]).name
        'events'
    """

    name = "events"
    requires: tuple[str, ...] = ("sentences", "actors")
    # Read when an earlier stage provides them; the stage works without.
    uses: tuple[str, ...] = ("dates", "territories", "places", "proposals")
    provides: tuple[str, ...] = ("events",)

    def __init__(
        self,
        *,
        lexicon: EventLexicon | None = None,
        extra_triggers: Iterable[Mapping[str, Any]] | None = None,
    ) -> None:
        lex = lexicon or EventLexicon.default()
        if extra_triggers:
            lex = lex.extend(extra_triggers)
        self.lexicon = lex
        self._toll: TollReader = toll_reader(lex)

    def __call__(self, ctx: ParseContext) -> None:
        text = ctx.text
        if not text.strip() or not ctx.sentences:
            return
        doc = ctx.doc
        by_sentence: dict[int, list[tuple[int, int, int]]] = {}
        mode_hits: list[tuple[int, int, str]] = []
        for s, e, (kind, i, tag) in self.lexicon.matcher.finditer(text, folded=doc.folded):
            if kind == "m":
                mode_hits.append((s, e, tag))
                continue
            si = doc.sentence_index(s)
            if si is not None:
                by_sentence.setdefault(si, []).append((s, e, i))
        if not by_sentence:
            return
        cues = ModeCues(mode_hits)
        places = PlaceFinder(ctx, self.lexicon)
        seen: set[str] = set()
        types_seen: set[EventType] = set()
        paras = doc.paragraphs
        starts = [p.start for p in paras]
        for si in sorted(by_sentence):
            sent = doc.sentences[si]
            if ctx.is_furniture(sent) or _is_heading(text, paras, starts, sent):
                continue
            for event in self._sentence(ctx, sent, by_sentence[si], cues, places, types_seen):
                if event.id not in seen:
                    seen.add(event.id)
                    ctx.events.append(event)
                    types_seen.add(event.type)

    # ------------------------------------------------------------------ per sentence

    def _sentence(
        self,
        ctx: ParseContext,
        sent: Span,
        hits: list[tuple[int, int, int]],
        cues: ModeCues,
        places: PlaceFinder,
        types_seen: set[EventType],
    ) -> list[Event]:
        text = ctx.text
        doc = ctx.doc
        triggers = find_triggers(self.lexicon, doc, sent, hits)
        if not triggers:
            return []
        clauses = clause_spans(text, sent)
        grouped: dict[Span, list[Trigger]] = {}
        for t in triggers:
            grouped.setdefault(clause_at(clauses, t.start), []).append(t)
        units: list[tuple[Trigger, Span, Span]] = []
        for clause, trigs in grouped.items():
            merged = merge_in_clause(text, doc, trigs)
            for n, t in enumerate(merged):
                start = clause.start if n == 0 else merged[n - 1].reach
                end = merged[n + 1].start if n + 1 < len(merged) else clause.end
                units.append((t, clause, trimmed_span(text, Span(start=start, end=end))))
        # A casualty word with an attack in its sentence is that attack's toll, not an event.
        if any(t.type is EventType.ASSAULT and not t.rule.toll for t, _, _ in units):
            units = [u for u in units if not u[0].rule.toll]
        else:
            tolls = [u for u in units if u[0].rule.toll]
            units = [u for u in units if not u[0].rule.toll] + tolls[:1]
        units.sort(key=lambda u: u[0].start)
        out: list[Event] = []
        toll_used = False
        info = SentenceParties(ctx, self.lexicon, sent)
        for trig, clause, seg in units:
            event = self._event(
                ctx, info, trig, clause, seg, sent, cues, places, not toll_used, types_seen
            )
            if event is None:
                continue
            toll_used = toll_used or event.killed is not None or event.wounded is not None
            out.append(event)
        return out

    def _event(
        self,
        ctx: ParseContext,
        info: SentenceParties,
        trig: Trigger,
        clause: Span,
        seg: Span,
        sent: Span,
        cues: ModeCues,
        places: PlaceFinder,
        want_toll: bool,
        types_seen: set[EventType],
    ) -> Event | None:
        text = ctx.text
        if seg.end <= seg.start or _in_direct_quote(ctx, trig):
            return None
        if (
            trig.rule.pos == "noun"
            and trig.type in types_seen
            and _DEFINITE.search(text, max(0, trig.start - 12), trig.start)
        ):
            # "the talks", "the ceasefire" again: the event already reported, not a new one.
            return None
        t = tense(self.lexicon, text, trig, clause, sent)
        if t.dropped:
            return None
        etype = t.type
        parts = participants(ctx, self.lexicon, info, trig, clause, seg, sent)
        mediator = parts.mediator if etype in _MEDIATED else None
        mode = self._mode(trig, etype, seg, cues, mediator is not None)
        killed: Casualties | None = None
        wounded: Casualties | None = None
        if etype is EventType.ASSAULT and want_toll:
            killed, wounded = casualties_near(ctx, self._toll, sent)
        proposal_id = None
        if etype in _ABOUT_PROPOSALS:
            props = ctx.proposals_overlapping(seg)
            if props:
                proposal_id = props[0].id
        return Event(
            id=f"event:{seg.start}-{seg.end}",
            type=etype,
            mode=mode,
            status=t.status,
            trigger=text[trig.start : trig.end],
            span=seg,
            actors=parts.actors,
            targets=parts.targets,
            mediator=mediator,
            place=places.find(trig, seg, sent),
            date=event_date(ctx, trig, seg, sent),
            killed=killed,
            wounded=wounded,
            proposal_id=proposal_id,
        )

    def _mode(
        self, trig: Trigger, etype: EventType, seg: Span, cues: ModeCues, mediated: bool
    ) -> str | None:
        allowed = self.lexicon.modes.get(etype.value, frozenset())
        if trig.mode is not None and trig.mode in allowed and trig.type is etype:
            return trig.mode
        found = cues.between(seg.start, seg.end, etype.value)
        if found:
            return min(found, key=lambda c: abs(c[0] - trig.start))[1]
        if etype is EventType.CONSULT and mediated:
            return "third-party"
        return None
