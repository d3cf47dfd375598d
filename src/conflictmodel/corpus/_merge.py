"""Shared machinery for merging article-level items across a corpus: the article-level actor
node, union-find, and majority votes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs

from conflictmodel.corpus._names import _name_tokens, name_key
from conflictmodel.corpus._records import CorpusArticle
from conflictmodel.model.actors import Actor, ActorKind


@attrs.frozen(kw_only=True)
class _Node:
    """One article-level actor."""

    seq: int
    key: str
    actor: Actor
    written: str  # the name as the article writes it (persons)


def _nodes(entries: list[CorpusArticle]) -> list[_Node]:
    """Every article-level actor of ``entries``, in corpus order."""
    return [
        _Node(
            seq=entry.seq,
            key=entry.key,
            actor=actor,
            written=_written_name(actor, entry.article.text),
        )
        for entry in entries
        for actor in entry.article.actors
    ]


def _is_anonymous(actor: Actor) -> bool:
    return actor.anonymous or actor.id.startswith("anon:")


def _written_name(actor: Actor, text: str) -> str:
    """The full name the article itself uses for a person (its mentions), else ``actor.name``.

    A gazetteer may have given the actor a canonical name the text never uses; what the text
    writes is the evidence that decides cross-article identity.
    """
    if actor.kind is not ActorKind.PERSON:
        return actor.name
    name_toks = _name_tokens(actor.name)
    surname = name_toks[-1] if name_toks else ""
    surfaces: Counter[str] = Counter()
    for span in actor.mentions:
        surface = " ".join(span.of(text).split())
        toks = _name_tokens(surface)
        if len(toks) >= 2 and toks[-1] == surname:
            surfaces[surface] += 1
    if not surfaces or any(name_key(s) == " ".join(name_toks) for s in surfaces):
        return actor.name
    return max(surfaces.items(), key=lambda kv: (kv[1], len(kv[0])))[0]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            # The earlier node stays the root so results do not depend on union order.
            lo, hi = sorted((ri, rj))
            self.parent[hi] = lo

    def groups(self, items: Iterable[int]) -> dict[int, list[int]]:
        """``items`` by the root of their set, in order of first appearance."""
        out: dict[int, list[int]] = {}
        for i in items:
            out.setdefault(self.find(i), []).append(i)
        return out


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    # Counter keeps first-seen order among ties, so the earliest article wins a tie.
    return counts.most_common(1)[0][0]


def _dedup(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
