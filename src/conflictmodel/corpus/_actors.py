"""Actors merged across articles.

The rule, in steps:

1. same id (for people only when the texts' given names agree);
2. same Wikidata id;
3. same normalised name, with no contradicting countries;
4. a bare surname joins the one full name that fits it (see ``_candidates``);
5. each group becomes one [`CorpusActor`][conflictmodel.corpus.CorpusActor]; anonymous
   actors stay one per article;
6. namesakes that remain apart are listed as merge candidates.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import attrs

from conflictmodel.corpus._candidates import _join_bare_surnames, _merge_candidates
from conflictmodel.corpus._merge import (
    _dedup,
    _is_anonymous,
    _most_common,
    _Node,
    _nodes,
    _UnionFind,
)
from conflictmodel.corpus._names import (
    _given_relation,
    _is_proper,
    _name_tokens,
    _slug,
    name_key,
)
from conflictmodel.corpus._records import CorpusActor, CorpusArticle, MergeCandidate
from conflictmodel.model.actors import Actor, ActorKind


def _family(kind: ActorKind) -> str:
    if kind is ActorKind.PERSON:
        return "person"
    if kind is ActorKind.STATE:
        return "state"
    return "body"  # organisations, government bodies, groups, media, unknown


# ------------------------------------------------------------------------------- 1. same id


def _country_parts(nodes: list[_Node], members: list[int]) -> list[list[int]]:
    """Split nodes that would merge by countries: if two countries are stated they are
    different actors (Ahmed Hassan of Sudan, Ahmed Hassan of Egypt); nodes stating none then
    fit either and join neither."""
    by_country: dict[str | None, list[int]] = defaultdict(list)
    for i in members:
        by_country[nodes[i].actor.country].append(i)
    if sum(1 for c in by_country if c is not None) <= 1:
        return [members]
    return [m for c, m in by_country.items() if c is not None] + [
        [i] for i in by_country.get(None, [])
    ]


def _union_by_given_name(uf: _UnionFind, nodes: list[_Node], members: list[int]) -> None:
    """Union one id's person nodes whose texts' given names agree."""
    clusters: list[tuple[str, list[int]]] = []
    bare: list[int] = []
    for i in members:
        toks = _name_tokens(nodes[i].written)
        if len(toks) < 2:
            bare.append(i)
            continue
        for cgiven, cmembers in clusters:
            if _given_relation(toks[0], cgiven) != "conflict":
                cmembers.append(i)
                break
        else:
            clusters.append((toks[0], [i]))
    if len(clusters) <= 1:
        clusters = [("", [*(clusters[0][1] if clusters else []), *bare])]
    elif bare:
        # A bare surname under an id whose texts disagree on the given name could be
        # either person: it stays apart (step 4 lists it as a candidate).
        clusters.append(("", bare))
    for _, cmembers in clusters:
        for j in cmembers[1:]:
            uf.union(cmembers[0], j)


def _union_same_id(uf: _UnionFind, nodes: list[_Node], named: list[int]) -> None:
    """Step 1: same id.  For people, only when the texts' given names agree: a gazetteer or
    surname lookup may have put two differently named people under one id."""
    by_id: dict[str, list[int]] = defaultdict(list)
    for i in named:
        by_id[nodes[i].actor.id].append(i)
    for same_id in by_id.values():
        if nodes[same_id[0]].actor.kind is not ActorKind.PERSON:
            for j in same_id[1:]:
                uf.union(same_id[0], j)
            continue
        for members in _country_parts(nodes, same_id):
            _union_by_given_name(uf, nodes, members)


# ------------------------------------------------------------------------------- 2. Wikidata


def _union_same_wikidata(uf: _UnionFind, nodes: list[_Node], named: list[int]) -> None:
    """Step 2: same Wikidata id."""
    by_wd: dict[str, int] = {}
    for i in named:
        wd = nodes[i].actor.wikidata
        if wd:
            uf.union(by_wd.setdefault(wd, i), i)


# ------------------------------------------------------------------------------- 3. same name


def _person_keys(node: _Node) -> list[str]:
    """A person's name keys: full names only (a bare surname is not an identity), never an
    alias whose given name contradicts the name the text writes."""
    wtoks = _name_tokens(node.written)
    if len(wtoks) < 2:
        return []
    keys = [" ".join(wtoks)]
    for alias in node.actor.names:
        atoks = _name_tokens(alias)
        if (
            len(atoks) >= 2
            and atoks[-1] == wtoks[-1]
            and _given_relation(atoks[0], wtoks[0]) == "same"
        ):
            keys.append(" ".join(atoks))
    return keys


def _body_keys(node: _Node, family: str) -> list[str]:
    """A state's or body's name keys: generic aliases ("the ministry") do not count; a state
    is also keyed by its country."""
    names = [node.actor.name, *(a for a in node.actor.aliases if _is_proper(a))]
    keys = [k for k in (name_key(n) for n in names) if k]
    if family == "state" and node.actor.country:
        keys.append(f"country:{node.actor.country}")
    return keys


def _union_same_name(uf: _UnionFind, nodes: list[_Node], named: list[int]) -> None:
    """Step 3: same normalised name (and no contradicting countries)."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in named:
        node = nodes[i]
        fam = _family(node.actor.kind)
        keys = _person_keys(node) if fam == "person" else _body_keys(node, fam)
        for k in dict.fromkeys(keys):
            by_key[(fam, k)].append(i)
    for members in by_key.values():
        for part in _country_parts(nodes, members):
            for j in part[1:]:
                uf.union(part[0], j)


# ------------------------------------------------------------------------------- 5. entities


def _canonical_name(nodes: list[_Node], members: list[int], person: bool) -> str:
    """The name most articles use (one vote per article: an actor named twice in one article
    is not twice the evidence); for people, what the texts write, full names first."""
    per_article = list({(nodes[i].key, nodes[i].actor.id): nodes[i] for i in members}.values())
    if person:
        written = [n.written for n in per_article]
        full = [w for w in written if len(_name_tokens(w)) >= 2] or written
        return max(
            Counter(full).items(),
            key=lambda kv: (kv[1], -full.index(kv[0])),
        )[0]
    return _most_common(n.actor.name for n in per_article) or nodes[members[0]].actor.name


def _fresh_id(first_id: str, name: str, taken: set[str]) -> str:
    """An id for an entity named ``name`` that no other entity has taken."""
    prefix = first_id.split(":", 1)[0] if ":" in first_id else "person"
    base = f"{prefix}:{_slug(name)}"
    eid, n = base, 2
    while eid in taken:
        eid, n = f"{base}-{n}", n + 1
    return eid


def _alias_fits(alias: str, name_toks: list[str]) -> bool:
    """False for a person's alias with the same surname but a conflicting given name."""
    if len(name_toks) < 2:
        return True
    atoks = _name_tokens(alias)
    return not (
        len(atoks) >= 2
        and atoks[-1] == name_toks[-1]
        and _given_relation(atoks[0], name_toks[0]) == "conflict"
    )


def _make_actor(
    nodes: list[_Node], members: list[int], eid: str | None, taken: set[str]
) -> CorpusActor:
    acts = [nodes[i].actor for i in members]
    person = acts[0].kind is ActorKind.PERSON
    name = _canonical_name(nodes, members, person)
    if eid is None:
        eid = _fresh_id(acts[0].id, name, taken)
    name_toks = _name_tokens(name)
    aliases = _dedup(
        n
        for a, node in zip(acts, (nodes[i] for i in members), strict=True)
        for n in (node.written, *a.names)
        if n != name and (not person or _alias_fits(n, name_toks))
    )
    roles = tuple(dict.fromkeys(r for a in acts for r in a.roles))
    kind = Counter(a.kind for a in acts).most_common(1)[0][0]
    canonical = Actor(
        id=eid,
        name=name,
        kind=kind,
        aliases=aliases,
        roles=roles,
        country=_most_common(a.country or "" for a in acts),
        wikidata=next((a.wikidata for a in acts if a.wikidata), None),
        anonymous=any(a.anonymous for a in acts),
        description=next((a.description for a in acts if a.description), None),
    )
    return CorpusActor(
        id=eid,
        actor=canonical,
        members=tuple((nodes[i].key, nodes[i].actor) for i in members),
    )


def _entity_ids(nodes: list[_Node], ordered: list[list[int]]) -> tuple[list[str | None], set[str]]:
    """The id each group (in ``ordered``) keeps, or None for a group that must get a new one.

    A group's preferred id is the article-level id most of its articles use.  An id claimed
    by several groups goes to the one whose text writes the parser's canonical name (else the
    first); the others are named after what their texts write.  Also returns every
    preferred id: owners keep theirs, and the others must not take them.
    """
    preferred: list[str] = []
    claimants: dict[str, list[int]] = defaultdict(list)
    for gi, members in enumerate(ordered):
        votes = Counter({(nodes[i].key, nodes[i].actor.id): 1 for i in members})
        eid = Counter(aid for _, aid in votes).most_common(1)[0][0]
        preferred.append(eid)
        claimants[eid].append(gi)
    owner: dict[str, int] = {}
    for eid, gis in claimants.items():
        owner[eid] = next(
            (
                gi
                for gi in gis
                if any(
                    name_key(nodes[i].written) == name_key(nodes[i].actor.name)
                    for i in ordered[gi]
                    if nodes[i].actor.id == eid
                )
            ),
            gis[0],
        )
    ids = [eid if owner[eid] == gi else None for gi, eid in enumerate(preferred)]
    return ids, set(claimants)


def _anonymous_entity(node: _Node) -> CorpusActor:
    """An anonymous actor stays one per article: two articles' "a Western diplomat" are not
    known to be one person."""
    aid = f"{node.actor.id}@{node.key[:12]}"
    return CorpusActor(
        id=aid,
        actor=attrs.evolve(node.actor, id=aid, mentions=()),
        members=((node.key, node.actor),),
    )


@attrs.define
class _Entities:
    """What step 5 builds: entities in order of first appearance, and the lookups."""

    actors: tuple[CorpusActor, ...]
    by_member: dict[tuple[str, str], CorpusActor]
    by_root: dict[int, CorpusActor]


def _build_entities(uf: _UnionFind, nodes: list[_Node], grouped: dict[int, list[int]]) -> _Entities:
    """Step 5: one entity per group of named nodes, one per anonymous node."""
    ordered = sorted(grouped.values(), key=min)
    ids, taken = _entity_ids(nodes, ordered)
    by_member: dict[tuple[str, str], CorpusActor] = {}
    placed: list[tuple[int, CorpusActor]] = []
    by_root: dict[int, CorpusActor] = {}
    for members, eid in zip(ordered, ids, strict=True):
        ent = _make_actor(nodes, members, eid, taken)
        taken.add(ent.id)
        placed.append((min(members), ent))
        by_root[uf.find(members[0])] = ent
        for i in members:
            by_member[(nodes[i].key, nodes[i].actor.id)] = ent
    for i, node in enumerate(nodes):
        if _is_anonymous(node.actor):
            ent = _anonymous_entity(node)
            placed.append((i, ent))
            by_member[(node.key, node.actor.id)] = ent
    placed.sort(key=lambda pe: pe[0])
    return _Entities(actors=tuple(ent for _, ent in placed), by_member=by_member, by_root=by_root)


# ------------------------------------------------------------------------------- all steps


def _resolve_actors(
    entries: list[CorpusArticle], threshold: float
) -> tuple[tuple[CorpusActor, ...], dict[tuple[str, str], CorpusActor], tuple[MergeCandidate, ...]]:
    """Actors of ``entries`` merged across articles, the lookup from ``(article key,
    article-level id)`` to the merged actor, and the merge candidates (see the module)."""
    nodes = _nodes(entries)
    uf = _UnionFind(len(nodes))
    named = [i for i, n in enumerate(nodes) if not _is_anonymous(n.actor)]
    _union_same_id(uf, nodes, named)
    _union_same_wikidata(uf, nodes, named)
    _union_same_name(uf, nodes, named)
    _join_bare_surnames(uf, nodes, uf.groups(named), threshold)
    final = uf.groups(named)
    entities = _build_entities(uf, nodes, final)
    candidates = _merge_candidates(nodes, final, entities.by_root, threshold)
    return entities.actors, entities.by_member, candidates
