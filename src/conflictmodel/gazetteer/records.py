"""Reading gazetteer entries from JSON objects (user files and the shipped data).

Example:
    >>> territory_from_dict({"id": "area:north-ridge", "name": "North Ridge"}, "x").kind.value
    'other'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pycountry

from conflictmodel._validators import USER_ASSIGNED_CODES
from conflictmodel.errors import ConflictModelError, GazetteerError
from conflictmodel.model.actors import Actor, ActorKind, Role
from conflictmodel.model.territories import Territory, TerritoryKind

__all__ = [
    "actor_from_dict",
    "country_name",
    "list_of",
    "state_from_spec",
    "str_map",
    "territory_from_dict",
]


def str_map(value: Any, where: str) -> Mapping[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise GazetteerError(f"{where}: expected an object of strings")
    return value


def list_of(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise GazetteerError(f"{where}: expected a list")
    return value


def date_of(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise GazetteerError(f"{where}: {value!r} is not an ISO date") from None


def actor_from_dict(raw: Any, where: str) -> Actor:
    if not isinstance(raw, dict):
        raise GazetteerError(f"{where}: expected an object")
    try:
        roles = [
            Role(
                title=r["title"],
                affiliation=r.get("affiliation"),
                country=r.get("country"),
                start=date_of(r.get("start"), where),
                end=date_of(r.get("end"), where),
            )
            for r in list_of(raw.get("roles"), where)
        ]
        return Actor(
            id=raw["id"],
            name=raw["name"],
            kind=raw.get("kind", "unknown"),
            aliases=raw.get("aliases", ()),
            roles=roles,
            country=raw.get("country"),
            wikidata=raw.get("wikidata"),
        )
    except KeyError as exc:
        raise GazetteerError(f"{where}: missing field {exc}") from None
    except (ConflictModelError, TypeError, AttributeError) as exc:
        raise GazetteerError(f"{where}: {exc}") from None


def territory_from_dict(raw: Any, where: str) -> Territory:
    if not isinstance(raw, dict):
        raise GazetteerError(f"{where}: expected an object")
    try:
        return Territory(
            id=raw["id"],
            name=raw["name"],
            code=raw.get("code"),
            kind=raw.get("kind", "other"),
            aliases=raw.get("aliases", ()),
            parent=raw.get("parent"),
            members=raw.get("members", ()),
        )
    except KeyError as exc:
        raise GazetteerError(f"{where}: missing field {exc}") from None
    except (ConflictModelError, TypeError, AttributeError) as exc:
        raise GazetteerError(f"{where}: {exc}") from None


def country_name(code: str) -> str:
    """The short English name pycountry gives an ISO 3166-1 alpha-2 code.

    Raises:
        GazetteerError: not an ISO 3166-1 alpha-2 code.

    Example:
        >>> country_name("MD")
        'Moldova'
    """
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        raise GazetteerError(f"{code!r} is not an ISO 3166-1 alpha-2 code")
    name = getattr(c, "common_name", None) or c.name
    return str(name)


def state_from_spec(
    code: str, spec: Any, where: str, base: Actor | None
) -> tuple[Actor, Territory, dict[str, str], dict[str, str]]:
    if not isinstance(spec, dict):
        raise GazetteerError(f"{where}: states[{code!r}] must be an object")
    if not isinstance(spec.get("name", ""), str):
        raise GazetteerError(f"{where}: states[{code!r}]: 'name' must be a string")
    # A user-assigned code (Kosovo XK) is not in pycountry: its spec names it.
    official = (
        spec["name"] if spec.get("name") and code in USER_ASSIGNED_CODES else country_name(code)
    )
    name = spec.get("name") or (base.name if base else official)
    names = [official, *(base.aliases if base else ()), *spec.get("names", ())]
    aliases = tuple(dict.fromkeys(n for n in names if n != name))
    sid = f"state:{code}"
    try:
        actor = Actor(
            id=sid,
            name=name,
            kind=ActorKind.STATE,
            aliases=aliases,
            country=code,
            wikidata=spec.get("wikidata") or (base.wikidata if base else None),
        )
        terr = Territory(id=code, name=name, code=code, kind=TerritoryKind.COUNTRY, aliases=aliases)
    except ConflictModelError as exc:
        raise GazetteerError(f"{where}: states[{code!r}]: {exc}") from None
    demonyms = dict.fromkeys(spec.get("demonyms", ()), sid)
    metonyms = dict.fromkeys(spec.get("metonyms", ()), sid)
    return actor, terr, demonyms, metonyms
