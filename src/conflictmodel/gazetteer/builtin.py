"""The shipped gazetteer: every ISO 3166-1 state (pycountry, with ``states.json``), the
organisations, media and people of the data files, curated territories (``territories.json``)
and the first-level ISO 3166-2 subdivisions with an unambiguous name.

Example:
    >>> default_gazetteer() is default_gazetteer()
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import pycountry

from conflictmodel.gazetteer.core import Gazetteer
from conflictmodel.gazetteer.records import actor_from_dict, state_from_spec, territory_from_dict
from conflictmodel.gazetteer.scan import fold
from conflictmodel.model.actors import Actor
from conflictmodel.model.territories import Territory, TerritoryKind
from conflictmodel.resources import load_data

__all__ = ["default_gazetteer"]


_PAREN = re.compile(r"\s*[\[(][^\])]{0,80}[\])]\s*")


def _subdivision_names(raw: str, suffixes: list[str]) -> list[str]:
    """Names news may use for an ISO 3166-2 subdivision name."""
    out: list[str] = []
    base = _PAREN.sub(" ", raw).strip()
    for part in re.findall(r"\[([^\]]{1,80})\]", raw):
        out.append(part.strip())
    if "," in base:
        # pycountry lists some as "Saha, Respublika"; the part before the comma is the name.
        base = base.split(",", 1)[0].strip()
    out.append(base)
    for suffix in suffixes:
        if base.endswith(" " + suffix):
            out.append(base[: -len(suffix) - 1].strip())
        if base.startswith(suffix + " "):
            out.append(base[len(suffix) + 1 :].strip())
    return [n for n in dict.fromkeys(out) if n]


@cache
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, built once per process (see the module docstring)."""
    actors, territories, demonyms, metonyms = _default_states()
    for fname in ("organizations.json", "media.json", "people.json"):
        for i, raw in enumerate(load_data(fname)["actors"]):
            a = actor_from_dict(raw, f"{fname}: actors[{i}]")
            actors[a.id] = a
    tdata = load_data("territories.json")
    curated = [
        territory_from_dict(raw, f"territories.json: territories[{i}]")
        for i, raw in enumerate(tdata["territories"])
    ]
    taken = _taken_names(actors, territories, curated, (*demonyms, *metonyms))
    territories.update(_subdivisions(tdata, curated, taken))
    contextual = {t.id for t in territories.values() if t.kind is not TerritoryKind.COUNTRY}
    for t in curated:
        territories[t.id] = t
        contextual.discard(t.id)
    return Gazetteer(
        actors=actors,
        territories=territories,
        demonyms=demonyms,
        metonyms=metonyms,
        contextual=frozenset(contextual),
    )


def _default_states() -> tuple[
    dict[str, Actor], dict[str, Territory], dict[str, str], dict[str, str]
]:
    """Every ISO 3166-1 country (and each user-assigned code of ``states.json``) as a state
    actor and a territory, with the shipped names, demonyms and metonyms."""
    actors: dict[str, Actor] = {}
    territories: dict[str, Territory] = {}
    demonyms: dict[str, str] = {}
    metonyms: dict[str, str] = {}
    data = load_data("states.json")
    states = data["states"]
    specs = [(c.alpha_2, states.get(c.alpha_2, {})) for c in pycountry.countries]
    # Partially recognised states under a user-assigned code (Kosovo XK): not in pycountry.
    specs.extend(data.get("user_assigned", {}).items())
    for code, spec in specs:
        a, t, dem, met = state_from_spec(code, spec, "states.json", None)
        actors[a.id] = a
        territories[t.id] = t
        demonyms.update(dem)
        metonyms.update(met)
    return actors, territories, demonyms, metonyms


def _taken_names(
    actors: Mapping[str, Actor],
    territories: Mapping[str, Territory],
    curated: list[Territory],
    other: Iterable[str],
) -> set[str]:
    """Folded names already in use (a subdivision may not take one)."""
    taken = {fold(s) for s in other}
    for a in actors.values():
        taken.update(fold(n) for n in a.names)
    for t in curated:
        taken.update(fold(n) for n in t.names)
    for t in territories.values():
        taken.update(fold(n) for n in t.names)
    return taken


def _subdivision_ok(
    key: str, uses: list[tuple[str, str]], skip: set[str], generic: set[str]
) -> bool:
    """Whether a subdivision name (folded ``key``; its (code, name) uses) names one place."""
    if len({code for code, _ in uses}) != 1 or key in skip:
        return False
    if len(key) < 4 or not uses[0][1][:1].isupper():
        return False
    words = key.split()
    return not (all(w in generic for w in words) or words[0] in {"saint", "san", "santa", "sainte"})


def _subdivisions(
    tdata: Mapping[str, Any], curated: list[Territory], taken: set[str]
) -> dict[str, Territory]:
    """First-level ISO 3166-2 subdivisions not curated, under their unambiguous names."""
    curated_codes = {t.code for t in curated if t.code}
    skip = taken | {fold(x) for x in tdata.get("exclude", ())}
    suffixes = list(tdata.get("suffixes", ()))
    # Names used by subdivisions of several countries ("Punjab", "Central") are ambiguous.
    candidates: dict[str, list[tuple[str, str]]] = {}
    firsts = [s for s in pycountry.subdivisions if s.parent_code is None]
    for s in firsts:
        if s.code in curated_codes:
            continue
        for n in _subdivision_names(s.name, suffixes):
            candidates.setdefault(fold(n), []).append((s.code, n))
    names_by_code: dict[str, list[str]] = {}
    generic = {fold(x) for x in tdata.get("generic_words", ())}
    for key, uses in candidates.items():
        if _subdivision_ok(key, uses, skip, generic):
            code, n = uses[0]
            names_by_code.setdefault(code, []).append(n)
    out: dict[str, Territory] = {}
    for s in firsts:
        names = names_by_code.get(s.code)
        if not names:
            continue
        # Prefer the shortest form as the canonical name ("Kursk" over "Kurskaya oblast'").
        out[s.code] = Territory(
            id=s.code,
            name=min(names, key=len),
            code=s.code,
            kind=TerritoryKind.CITY if s.type.lower() in {"city", "municipality"} else "region",
            aliases=tuple(n for n in names if n != min(names, key=len)),
            parent=s.country_code,
        )
    return out
