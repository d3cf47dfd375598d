"""One event per happening: whether an event is one already reported, told again.

Agreements, signings and concessions are news once and then referred to again; a planned
meeting is told again at its venue; an attack is told again by its attacker with nothing new
(no place, date or toll of its own), and damage told in an agentless passive after an attack
is what that attack did.  Comparisons are with the last few events of one kind (linear time).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from conflictmodel.model.actors import ActorKind
from conflictmodel.model.events import Event, EventStatus, EventType
from conflictmodel.model.span import Span
from conflictmodel.parsers.places import is_dateline

__all__ = ["attack_told_again", "damage_told", "family", "named_in", "told_again"]


# "Residents said a school was hit.": damage told in the passive with no agent, after an
# attack, is what that attack did.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s{1,3}(?:also\s{1,3})?$", re.I)
_AGENT = re.compile(r"\bby\b", re.I)


def damage_told(text: str, event: Event, damage: frozenset[str]) -> bool:
    """Whether ``event`` is an attack's damage told in an agentless passive ("a school was
    hit", "two houses were destroyed")."""
    if event.type is not EventType.ASSAULT or event.actors or not event.trigger:
        return False
    if event.trigger.lower() not in damage:
        return False
    at = text.find(event.trigger, event.span.start, event.span.end)
    return (
        at > 0
        and _PASSIVE_BEFORE.search(text, max(0, at - 20), at) is not None
        and _AGENT.search(text, at, event.span.end) is None
    )


# Agreements, signings and declarations are news once and then referred to again ("the two
# sides had signed the accord in Nairobi", "both sides accepted the truce"); attacks and
# meetings recur.
_TOLD_ONCE = frozenset({EventType.AGREE, EventType.SUPPORT, EventType.CONCEDE})


_CEASEFIRES = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "ceasefires", "truces"})
_REFERRING = frozenset({"the", "this", "that", "these", "those", "its", "their", "such"})
_PRONOUNS = frozenset({"it", "them"})
_WORD = re.compile(r"[\w'’-]+")


def _object_of(text: str, event: Event, agreements: frozenset[str]) -> tuple[str | None, bool]:
    """What an agreement-like event is about, from the words after its trigger: ``ceasefire``,
    ``deal`` (any other agreement noun) or None, and whether the words refer back to one
    already told ("signed the deal", "to sign it")."""
    trig = event.trigger or ""
    at = text.find(trig, event.span.start, event.span.end) if trig else -1
    if at < 0:
        return None, False
    words = [w.lower() for w in _WORD.findall(text, at + len(trig), event.span.end)[:6]]
    if words and words[0] == "to":
        words = words[1:]
    if words and words[0] in _PRONOUNS:
        return None, True
    for i, w in enumerate(words):
        if w in _CEASEFIRES or w in agreements:
            kind = "ceasefire" if w in _CEASEFIRES else "deal"
            return kind, i > 0 and words[0] in _REFERRING
    return None, False


def family(event: Event) -> str | None:
    """What an event is told once as: its type, for agreements, signings and concessions."""
    return event.type.value if event.type in _TOLD_ONCE else None


def _parties(event: Event) -> set[str]:
    """The event's actors by id and by country: a minister and her state are one party."""
    out = {a.id for a in event.actors}
    out.update(f"country:{a.country}" for a in event.actors if a.country)
    return out


def told_again(
    text: str, event: Event, said: Mapping[str, list[Event]], agreements: frozenset[str]
) -> bool:
    """An agreement, signing or concession already reported: a later mention of the same type
    by the same party (or by nobody named) that refers back to it ("she had signed the deal",
    "to ratify it"), names the same kind of agreement ("agreed to a ceasefire" ... "accepted a
    truce") or repeats its trigger word.  Another party doing it ("the cabinet approved the
    agreement") is a new event."""
    kind_of = family(event)
    if kind_of is None or not said.get(kind_of):
        return False
    trig = (event.trigger or "").lower()
    act = _act(trig)
    mine = _parties(event)
    kind, refers = _object_of(text, event, agreements)
    # The last few of the kind only: an article-long list would make the stage quadratic.
    for e in said[kind_of][-_RECALL:]:
        common = bool(mine & _parties(e))
        if (mine and not common) or _act((e.trigger or "").lower()) != act:
            if _same_plan(event, e):
                # "agreed to meet in Cyprus" ... "the leaders plan to meet in Cyprus soon".
                return True
            # Another party, or another act ("signed" ... "ratified the deal").
            continue
        if refers or (common and (e.trigger or "").lower() == trig):
            return True
        if kind is not None and _object_of(text, e, agreements)[0] == kind:
            return True
    return False


def named_in(text: str, event: Event, sent: Span) -> bool:
    """Whether the event's place is named in its sentence (not a dateline, not a place
    carried over from the sentence before)."""
    return event.place is not None and any(
        sent.start <= m.start < sent.end and not is_dateline(text, m.start, m.end)
        for m in event.place.mentions
    )


def attack_told_again(text: str, event: Event, attacks: list[Event], sent: Span) -> bool:
    """An attack by a party that already attacked in the article, told with no place, date or
    toll of its own: the attack already reported, told again ("the army said it had struck
    militant positions")."""
    if (
        event.type is not EventType.ASSAULT
        or event.status is not EventStatus.OCCURRED
        or event.date is not None
        or event.killed is not None
        or event.wounded is not None
        or named_in(text, event, sent)
    ):
        return False
    mine = _attackers(event)
    if not mine:
        return False
    return any(mine & _attackers(e) for e in attacks[-_RECALL:])


def _attackers(event: Event) -> set[str]:
    """An attack's actors by id, and by country for a state or its forces (the army of a
    state is the state; rebels of a country are not)."""
    out = {a.id for a in event.actors}
    out.update(
        f"country:{a.country}"
        for a in event.actors
        if a.country and a.kind in (ActorKind.STATE, ActorKind.GOVERNMENT)
    )
    return out


def _same_plan(event: Event, earlier: Event) -> bool:
    """A planned event at the named place of an earlier plan or agreement of its type: one
    plan told twice ("agreed to meet in Cyprus" ... "plan to meet in Cyprus soon")."""
    return (
        event.type is EventType.AGREE
        and event.status is EventStatus.PLANNED
        and earlier.status in (EventStatus.PLANNED, EventStatus.OCCURRED)
        and event.place is not None
        and earlier.place is not None
        and event.place.id == earlier.place.id
    )


# How many earlier events of one kind a new one is compared with.
_RECALL = 24

# Words for one act ("agreed to a truce" ... "accepted the truce").
_SAME_ACT = {"accep": "agre", "conse": "agre", "endor": "appr", "backe": "appr"}


def _act(trigger: str) -> str:
    """What a trigger does, roughly: its word's first letters, synonyms folded."""
    word = trigger.split()[0] if trigger.split() else ""
    return _SAME_ACT.get(word[:5], word[:4])
