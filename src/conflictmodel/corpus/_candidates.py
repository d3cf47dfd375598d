"""Namesakes: people who share a surname and may be one person.

A bare surname joins the one full name that fits it; the pairs of resolved people that the
evidence does not settle become [`MergeCandidate`][conflictmodel.corpus.MergeCandidate]s.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import attrs

from conflictmodel.corpus._merge import _Node, _UnionFind
from conflictmodel.corpus._names import _given_relation, _role_head, name_key
from conflictmodel.corpus._records import CorpusActor, MergeCandidate
from conflictmodel.model.actors import ActorKind


@attrs.frozen(kw_only=True)
class _Group:
    """A provisional entity: the facts the candidate rule compares."""

    nodes: tuple[int, ...]
    surname: str
    given: str | None
    countries: frozenset[str]
    heads: frozenset[str]
    articles: frozenset[str]
    ids: frozenset[str]


def _person_group(nodes: list[_Node], members: list[int]) -> _Group:
    written = Counter(name_key(nodes[i].written) for i in members)
    full = [k for k in written if len(k.split()) >= 2]
    best = max(full or list(written), key=lambda k: (written[k], len(k)))
    toks = best.split()
    countries = {nodes[i].actor.country for i in members if nodes[i].actor.country}
    if not countries:
        countries = {r.country for i in members for r in nodes[i].actor.roles if r.country}
    heads = {h for i in members for r in nodes[i].actor.roles if (h := _role_head(r.title))}
    return _Group(
        nodes=tuple(members),
        surname=toks[-1] if toks else "",
        given=toks[0] if len(toks) >= 2 else None,
        countries=frozenset(c for c in countries if c),
        heads=frozenset(heads),
        articles=frozenset(nodes[i].key for i in members),
        ids=frozenset(nodes[i].actor.id for i in members),
    )


def _given_evidence(a: _Group, b: _Group) -> tuple[float, str] | None:
    """Score and reason for the given names; None if they are the same (not a candidate)."""
    rel = _given_relation(a.given, b.given)
    if rel == "same":
        return None  # not a candidate: same full name merges elsewhere
    if rel == "conflict":
        return 0.0, f"given names differ ({a.given} / {b.given})"
    if rel == "compatible":
        return 0.2, f"compatible given names ({a.given} / {b.given})"
    return 0.1, "one gives no given name"


def _role_evidence(a: _Group, b: _Group) -> tuple[float, str | None]:
    """Score and reason (None: nothing to say) for the role head nouns."""
    if not (a.heads and b.heads):
        return 0.05, None
    shared = a.heads & b.heads
    if shared:
        return 0.3, f"same role ({', '.join(sorted(shared))})"
    return -0.2, f"different roles ({', '.join(sorted(a.heads))} / {', '.join(sorted(b.heads))})"


def _match_score(a: _Group, b: _Group) -> tuple[float, str] | None:
    """How likely two same-surname person groups are one person; None if the evidence
    says they are not (different countries, or side by side in one article)."""
    if a.countries and b.countries and not (a.countries & b.countries):
        return None
    if a.articles & b.articles:
        return None  # one article told them apart
    reasons = [f"same surname {a.surname!r}"]
    score = 0.4
    given = _given_evidence(a, b)
    if given is None:
        return None
    score += given[0]
    reasons.append(given[1])
    if a.countries and b.countries:
        score += 0.2
        reasons.append(f"same country {', '.join(sorted(a.countries & b.countries))}")
    else:
        score += 0.05
    role_score, role_reason = _role_evidence(a, b)
    score += role_score
    if role_reason is not None:
        reasons.append(role_reason)
    if a.ids & b.ids:
        reasons.append(f"the parser gave both the id {sorted(a.ids & b.ids)[0]}")
    return round(min(1.0, max(0.0, score)), 2), "; ".join(reasons)


def _person_groups(nodes: list[_Node], grouped: dict[int, list[int]]) -> dict[int, _Group]:
    """The person groups among ``grouped`` (root -> members), by root."""
    return {
        root: _person_group(nodes, members)
        for root, members in grouped.items()
        if nodes[members[0]].actor.kind is ActorKind.PERSON
    }


def _join_bare_surnames(
    uf: _UnionFind, nodes: list[_Node], grouped: dict[int, list[int]], threshold: float
) -> None:
    """Union each bare-surname person group with the one full name that fits it, if it
    scores at least ``threshold``."""
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    for g in _person_groups(nodes, grouped).values():
        by_surname[g.surname].append(g)
    for same in by_surname.values():
        bare_groups = [g for g in same if g.given is None]
        full = [g for g in same if g.given is not None]
        for g in bare_groups:
            fitting = [f for f in full if _match_score(g, f) is not None]
            if len(fitting) == 1 and (_match_score(g, fitting[0]) or (0.0, ""))[0] >= threshold:
                uf.union(fitting[0].nodes[0], g.nodes[0])


def _merge_candidates(
    nodes: list[_Node],
    grouped: dict[int, list[int]],
    entities: dict[int, CorpusActor],
    threshold: float,
) -> tuple[MergeCandidate, ...]:
    """Pairs of resolved people (``entities``: root -> entity) that share a surname and
    score at least ``threshold``, best first."""
    surname_index: dict[str, list[tuple[CorpusActor, _Group]]] = defaultdict(list)
    for root, g in _person_groups(nodes, grouped).items():
        surname_index[g.surname].append((entities[root], g))
    candidates: list[MergeCandidate] = []
    for namesakes in surname_index.values():
        namesakes.sort(key=lambda eg: min(eg[1].nodes))
        for x, (ea, ga) in enumerate(namesakes):
            for eb, gb in namesakes[x + 1 :]:
                scored = _match_score(ga, gb)
                if scored is not None and scored[0] >= threshold:
                    candidates.append(MergeCandidate(a=ea, b=eb, score=scored[0], reason=scored[1]))
    candidates.sort(key=lambda c: (-c.score, c.a.id, c.b.id))
    return tuple(candidates)
