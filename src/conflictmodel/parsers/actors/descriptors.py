"""Definite descriptions that refer back to an actor ("the envoy", "the ministry")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from conflictmodel.context import MentionKind
from conflictmodel.gazetteer import fold
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.parsers.actors.anonymous import (
    _Anonymous,
)
from conflictmodel.parsers.actors.grammar import (
    _ANTECEDENT_WINDOW,
)
from conflictmodel.parsers.actors.words import (
    _PERSON_HEADS,
)

_COMPLEMENT_AFTER = re.compile(r"\s{1,2}(?:of|to|for)\b")
_NAME_AFTER = re.compile(r"['’]?s?\s{0,2}[A-Z]")


class _Descriptors(_Anonymous):
    """Definite descriptions."""

    def descriptors(self) -> None:
        text = self.text
        order = sorted(
            (m for m in self.ctx.mentions if m.kind is MentionKind.ACTOR),
            key=lambda m: m.span.start,
        )
        # Walk mentions and descriptions together in text order, remembering for every head
        # noun the last actor it could describe: linear in the number of mentions.
        last: dict[str, str] = {}
        heads_of: dict[str, tuple[str, ...]] = {}
        i = 0
        for dm in self.rules.descriptor_pattern.finditer(text):
            s, e = dm.start(), dm.end()
            while i < len(order) and order[i].span.start < s:
                target = order[i].target
                if target not in heads_of:
                    a = self.ctx.actors.get(target)
                    heads_of[target] = (
                        _heads_described(a, self.rules.descriptor_heads) if a is not None else ()
                    )
                for h in heads_of[target]:
                    last[h] = target
                i += 1
            if not self.free(s, e) or self.in_furniture(s, e):
                continue
            after = text[e : e + 40]
            if _COMPLEMENT_AFTER.match(after) or _NAME_AFTER.match(after):
                continue  # "the envoy to Russia ...", "the envoy Steve Witkoff"
            found = last.get(fold(dm.group("head")))
            if found is None:
                continue
            self.mention(self.ctx.actors[found], s, e, via="descriptor", alias=False)

    def _antecedent(self, pos: int, head: str) -> str | None:
        window = Span(start=max(0, pos - _ANTECEDENT_WINDOW), end=pos)
        for m in reversed(self.ctx.mentions_in(window, MentionKind.ACTOR)):
            a = self.ctx.actors.get(m.target)
            if a is not None and _describes(a, head):
                return a.id
        return None


def _describes(a: Actor, head: str) -> bool:
    head_words = set(head.split())
    if a.anonymous:
        return fold(a.name).split()[-1:] == [head] or fold(a.name).endswith(head)
    if a.kind is ActorKind.PERSON:
        return head in _PERSON_HEADS and any(
            head_words <= set(fold(r.title).split()) for r in a.roles[:2]
        )
    name_words = set(fold(a.name).split())
    if a.kind is ActorKind.GOVERNMENT:
        if head in {"army", "military"}:
            return bool(name_words & {"army", "military", "armed", "forces", "tatmadaw"})
        return head in name_words or (head == "government" and "administration" in name_words)
    if a.kind in {ActorKind.GROUP, ActorKind.ORGANIZATION}:
        if head in {"group", "movement", "rebels", "militia"}:
            return a.kind is ActorKind.GROUP
        return head in name_words
    if a.kind is ActorKind.STATE:
        # "the government" after a state is too often another state's: only the Kremlin.
        return head == "kremlin" and a.id == "state:RU"
    return False


def _heads_described(a: Actor, heads: Iterable[str]) -> tuple[str, ...]:
    """The heads of ``heads`` that ``_describes(a, head)``, folding the actor's names once."""
    fname = fold(a.name)
    if a.anonymous:
        last = fname.split()[-1:]
        return tuple(h for h in heads if last == [h] or fname.endswith(h))
    if a.kind is ActorKind.PERSON:
        titles = [set(fold(r.title).split()) for r in a.roles[:2]]
        return tuple(
            h
            for h in heads
            if h in _PERSON_HEADS and any(set(h.split()) <= words for words in titles)
        )
    name_words = set(fname.split())
    if a.kind is ActorKind.GOVERNMENT:
        army = bool(name_words & {"army", "military", "armed", "forces", "tatmadaw"})
        return tuple(
            h
            for h in heads
            if (army if h in {"army", "military"} else h in name_words)
            or (h == "government" and "administration" in name_words)
        )
    if a.kind in {ActorKind.GROUP, ActorKind.ORGANIZATION}:
        group = a.kind is ActorKind.GROUP
        return tuple(
            h
            for h in heads
            if (group if h in {"group", "movement", "rebels", "militia"} else h in name_words)
        )
    if a.kind is ActorKind.STATE:
        return tuple(h for h in heads if h == "kremlin" and a.id == "state:RU")
    return ()
