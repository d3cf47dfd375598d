"""Territories merged across articles: by id and ISO code, and by name for areas without a
code."""

from __future__ import annotations

from collections import Counter

from conflictmodel.corpus._merge import _dedup, _most_common, _UnionFind
from conflictmodel.corpus._names import name_key
from conflictmodel.corpus._records import CorpusArticle, CorpusTerritory
from conflictmodel.model.territories import Territory


def _territory_keys(terr: Territory) -> list[str]:
    """The keys under which territories meet: id and code, else (no code) the names."""
    keys = [f"id:{terr.id}"]
    if terr.code:
        keys.append(f"id:{terr.code}")
    else:
        # Areas without a code meet by name (Donbas / Donbass do not; Gaza Strip does).
        keys.extend(f"name:{k}" for k in (name_key(n) for n in terr.names) if k)
    return keys


def _merged_territory(items: list[tuple[str, Territory]], members: list[int]) -> CorpusTerritory:
    """One corpus territory from the article-level territories ``members`` of ``items``."""
    terrs = [items[i][1] for i in members]
    coded = [t for t in terrs if t.code]
    tid = (coded[0].code if coded else None) or terrs[0].id
    name = _most_common(t.name for t in terrs) or terrs[0].name
    canonical = Territory(
        id=tid,
        name=name,
        code=coded[0].code if coded else None,
        kind=Counter(t.kind for t in terrs).most_common(1)[0][0],
        aliases=_dedup(n for t in terrs for n in t.names if n != name),
        parent=next((t.parent for t in terrs if t.parent), None),
        members=_dedup(m for t in terrs for m in t.members),
    )
    return CorpusTerritory(id=tid, territory=canonical, members=tuple(items[i] for i in members))


def _resolve_territories(
    entries: list[CorpusArticle],
) -> tuple[tuple[CorpusTerritory, ...], dict[tuple[str, str], CorpusTerritory]]:
    """Territories of ``entries`` merged across articles, in order of first appearance, and
    the lookup from ``(article key, article-level id)`` to the merged territory."""
    items: list[tuple[str, Territory]] = [
        (e.key, t) for e in entries for t in e.article.territories
    ]
    uf = _UnionFind(len(items))
    index: dict[str, int] = {}
    for i, (_, terr) in enumerate(items):
        for k in _territory_keys(terr):
            uf.union(index.setdefault(k, i), i)
    out: list[CorpusTerritory] = []
    by_member: dict[tuple[str, str], CorpusTerritory] = {}
    for members in sorted(uf.groups(range(len(items))).values(), key=min):
        ent = _merged_territory(items, members)
        out.append(ent)
        for i in members:
            by_member[(items[i][0], items[i][1].id)] = ent
    return tuple(out), by_member
