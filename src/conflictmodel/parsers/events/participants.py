"""Who took part in an event: actors, targets and the mediator, from the actors stage's mentions.

The grammar is that of English news: the subject of an active verb is the actor and its object
the target ("Russia shelled Kharkiv"); a passive turns them round ("Sumy was struck by Russian
drones"); an event noun takes its actor from a possessor ("Russia's invasion"), an adjective
("Israeli airstrikes"), a light verb's subject ("Sudan's army launched an offensive"),
"between A and B" or "by X", and its target from "on X" / "against X".  In a meeting or an
agreement every participant is an actor (PLOVER's rule for CONSULT).  "Brokered/hosted/mediated
by C" and "C-mediated" name a mediator.
"""

from __future__ import annotations

import re

import attrs

from conflictmodel.context import Mention, ParseContext
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.events import EventType
from conflictmodel.model.span import Span
from conflictmodel.parsers.events.lexicon import EventLexicon
from conflictmodel.parsers.events.triggers import Trigger
from conflictmodel.parsers.language.mentions import (
    SUBJECT_BOUNDARY,
    actor_mentions,
    as_party,
    drop_modifiers,
    in_prep_phrase,
    lookup_country,
    possessor,
    register,
    state_actor,
    state_fallbacks,
    subject_group,
)

__all__ = ["Participants", "SentenceParties", "participants"]

# Types whose participants are all actors (PLOVER: no recipient when nobody hosts).
_JOINT = frozenset({EventType.CONSULT, EventType.AGREE, EventType.COOPERATE})
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got)\s{1,3}(?:(?:\w+ly|also|then|later|again|reportedly|"
    r"allegedly)\s{1,3}){0,2}$",
    re.I,
)
_TARGET_PREP = re.compile(r"\s{0,3}(?:on|against|at|targeting|toward|towards|into)\s{1,3}$", re.I)
_JOINT_PREP = re.compile(r"\b(?:with|between|among|and)\s{1,3}(?:[\w'’.-]+\s{1,3}){0,4}$", re.I)
_BY = re.compile(r"\bby\s{1,3}(?:[\w'’.-]+\s{1,3}){0,4}$", re.I)
_IN_PLACE = re.compile(r"\b(?:in|at|near|from|outside|inside)\s{1,3}(?:the\s{1,3})?$", re.I)
_ADJ_GAP = re.compile(r"(?:['’]s?)?\s{1,3}(?:[a-z][\w-]*\s{1,3}){0,3}")
_NEAR = 60
_SAYS = re.compile(
    r"\s{1,3}(?:say|says|said|told|tell|warned|warn|warns|added|noted|argued|argue|argues|"
    r"believe|believes|wrote|writes|reported|reports|according)\b",
    re.I,
)
# A segment that opens with a coordinating word continues the clause's predicate.
# A segment that opens with a coordinating word and a verb continues the clause's predicate
# ("... and put the army on alert"); "and the two sides will ..." has a subject of its own.
_COORDINATED = re.compile(
    r"\W{0,3}(?:and|but|then|and then)\s{1,3}(?!(?:the|a|an|its|their|his|her|this|that|these|"
    r"those|both|all|some|each|it|they|he|she|we|i|you|one|two|three|several|many)\b)[a-z]"
)


class SentenceParties:
    """The actor mentions of one sentence and its mediator, looked up once for all its events."""

    __slots__ = ("mediator", "mediator_at", "mentions")

    def __init__(self, ctx: ParseContext, lex: EventLexicon, sent: Span, mediated: bool) -> None:
        # The actors stage's mentions only: looking for unmarked demonyms in every sentence
        # with a trigger costs more than the few it finds (subjects still get them).
        self.mentions = [
            (m, a) for m, a in actor_mentions(ctx, sent) if a.kind is not ActorKind.MEDIA
        ]
        self.mediator: Actor | None = None
        self.mediator_at = sent.end
        if mediated:
            # The one-pass matcher saw a mediator cue in the sentence.
            self.mediator, self.mediator_at = _mediator(ctx, lex, sent, self.mentions)

    def between(self, start: int, end: int) -> list[tuple[Mention, Actor]]:
        return [(m, a) for m, a in self.mentions if start <= m.span.start and m.span.end <= end]


@attrs.frozen(kw_only=True)
class Participants:
    """The parties of one event."""

    actors: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    mediator: Actor | None = None


_MAX_REACH = 300


def _subject(ctx: ParseContext, info: SentenceParties, floor: int, at: int) -> list[Actor]:
    """The subject of the verb at ``at``: the actor right before it with those coordinated with
    it, else the first actor of the clause that is not the object of a preposition (the
    grammar of ``language.mentions.subject_actors``, on the sentence's mentions looked up
    once; a demonym no stage marked is looked for only right before the verb)."""
    text = ctx.text
    floor = max(floor, at - _MAX_REACH)
    last_b = None
    for m in SUBJECT_BOUNDARY.finditer(text, floor, at):
        last_b = m
    if last_b is not None:
        floor = last_b.end()
    cands = [(m, a) for m, a in info.between(floor, at) if not in_prep_phrase(text, m.span, floor)]
    if not cands:
        near = Span(start=max(floor, at - 40), end=at)
        cands = [(m, a) for m, a in state_fallbacks(ctx, near)]
        cands = [(m, a) for m, a in cands if not text[m.span.end : at].strip(" ").startswith(",")]
    cands = drop_modifiers(text, cands)
    if not cands:
        return []
    group = subject_group(text, cands, at)
    return [as_party(ctx, register(ctx, m, a), m) for m, a in group]


def _party(ctx: ParseContext, m: Mention, a: Actor) -> Actor:
    return as_party(ctx, register(ctx, m, a), m, modifier=True)


def _mediator(
    ctx: ParseContext, lex: EventLexicon, seg: Span, mentions: list[tuple[Mention, Actor]]
) -> tuple[Actor | None, int]:
    """The mediator named in ``seg`` and where its cue starts (``seg.end`` when none)."""
    text = ctx.text
    m = lex.mediator.search(text, seg.start, seg.end)
    if m:
        found = [x for x in mentions if m.end() <= x[0].span.start < m.end() + _NEAR]
        if found and len(text[m.end() : found[0][0].span.start].split()) <= 4:
            return _party(ctx, *found[0]), m.start()
    p = lex.mediator_prefix.search(text, seg.start, seg.end)
    if p:
        code = lookup_country(p.group(1))
        state = state_actor(ctx, code) if code else None
        if state is not None:
            return state, p.start()
    return None, seg.end


def _after(
    ctx: ParseContext, info: SentenceParties, start: int, end: int
) -> list[tuple[Mention, Actor, str]]:
    """Actors after the trigger with the preposition-ish words before each: ``by``, ``joint``,
    ``target`` or ``object``."""
    text = ctx.text
    out: list[tuple[Mention, Actor, str]] = []
    for m, a in info.between(start, end)[:4]:
        before = text[max(start, m.span.start - 40) : m.span.start]
        if _SAYS.match(text, m.span.end):
            # "Negotiations are the only way, analysts say": the speaker is no party.
            continue
        if _IN_PLACE.search(before):
            # "in Washington", "at the Kremlin": a venue, not a party.
            continue
        if _BY.search(before):
            role = "by"
        elif _JOINT_PREP.search(before):
            role = "joint"
        elif _TARGET_PREP.search(before):
            role = "target"
        else:
            role = "object"
        out.append((m, a, role))
    return out


def _noun_actor(
    ctx: ParseContext, lex: EventLexicon, info: SentenceParties, trig: Trigger, clause: Span
) -> list[Actor]:
    """The actor of an event noun: possessor, adjective, or a light verb's subject."""
    text = ctx.text
    has_poss, owner = possessor(ctx, trig.start, clause.start)
    if owner is not None:
        return [owner]
    if not has_poss:
        near = info.between(max(clause.start, trig.start - 40), trig.start)
        if near:
            m, a = near[-1]
            if _ADJ_GAP.fullmatch(text[m.span.end : trig.start]) or m.span.end == trig.start:
                return [_party(ctx, m, a)]
    lv = None
    for found in lex.light_verbs.finditer(text, max(clause.start, trig.start - 50), trig.start):
        lv = found
    if lv is not None and len(text[lv.end() : trig.start].split()) <= 4:
        return _subject(ctx, info, clause.start, lv.start())
    return []


def participants(
    ctx: ParseContext,
    lex: EventLexicon,
    info: SentenceParties,
    trig: Trigger,
    clause: Span,
    seg: Span,
    sent: Span,
) -> Participants:
    """Actors, targets and mediator of the event at ``trig`` (its text segment ``seg`` inside
    ``clause`` of sentence ``sent``, whose parties are ``info``)."""
    text = ctx.text
    mediator, med_at = info.mediator, info.mediator_at
    if mediator is not None and not seg.start <= med_at < seg.end:
        # The mediator of another event of the sentence.
        mediator, med_at = None, sent.end
    actors: list[Actor] = []
    targets: list[Actor] = []
    joint = trig.type in _JOINT
    passive = trig.rule.pos == "verb" and bool(
        _PASSIVE.search(text, max(clause.start, trig.start - 30), trig.start)
    )
    # A second event of a clause ("..., and the two sides will meet") has its own subject.
    floor = seg.start if seg.start > clause.start else clause.start
    if trig.rule.pos == "verb" and not passive:
        actors = _subject(ctx, info, floor, trig.start)
        if not actors and floor == clause.start and clause.start > sent.start:
            actors = _subject(ctx, info, sent.start, trig.start)
        elif not actors and floor > clause.start and _COORDINATED.match(text, seg.start):
            # "Vucic condemned the raids and put the army on alert": the subject of the
            # first verb is the subject of the second.
            actors = _subject(ctx, info, clause.start, seg.start)
    elif trig.rule.pos == "verb":
        # "Kharkiv was shelled by Russia": the subject suffered it.
        (actors if joint else targets).extend(_subject(ctx, info, floor, trig.start))
    else:
        actors = _noun_actor(ctx, lex, info, trig, clause)
    end = min(seg.end, med_at) if med_at > trig.reach else seg.end
    for m, a, role in _after(ctx, info, trig.reach, max(trig.reach, end)):
        party = _party(ctx, m, a)
        if role == "by" or (joint and role in ("joint", "object")) or role == "joint":
            actors.append(party)
        elif role in ("target", "object"):
            targets.append(party)
    seen: set[str] = set()
    if mediator is not None:
        seen.add(mediator.id)

    def uniq(items: list[Actor]) -> tuple[Actor, ...]:
        out: list[Actor] = []
        for a in items:
            if a.id not in seen:
                seen.add(a.id)
                out.append(ctx.actors.get(a.id, a))
        return tuple(out)

    act = uniq(actors)
    tgt = uniq(targets)
    return Participants(actors=act, targets=tgt, mediator=mediator)
