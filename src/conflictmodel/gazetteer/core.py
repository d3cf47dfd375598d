"""The [`Gazetteer`][conflictmodel.gazetteer.Gazetteer]: known actors and territories, their
surface forms, lookups and the scan.

Example:
    >>> Gazetteer.default().find_territory("Zaporozhye").code
    'UA-23'
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from itertools import compress, count
from pathlib import Path
from typing import Any

import attrs

from conflictmodel.context import MentionKind
from conflictmodel.errors import ConflictModelError, GazetteerError
from conflictmodel.gazetteer.records import (
    actor_from_dict,
    list_of,
    state_from_spec,
    str_map,
    territory_from_dict,
)
from conflictmodel.gazetteer.scan import (
    _APOSTROPHES,
    Entry,
    Match,
    _case_rule,
    _Index,
    _ScanTokens,
    fold,
)
from conflictmodel.model.actors import Actor, Role
from conflictmodel.model.territories import Territory
from conflictmodel.resources import load_json_file

__all__ = ["Gazetteer"]


def _to_frozenset(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@attrs.frozen(kw_only=True, eq=False)
class Gazetteer:
    """Known actors, territories and the surface forms that name them.

    Build it with [`default`][conflictmodel.gazetteer.Gazetteer.default],
    [`from_files`][conflictmodel.gazetteer.Gazetteer.from_files] or
    [`extend`][conflictmodel.gazetteer.Gazetteer.extend]; never mutate the mappings.

    Attributes:
        actors: id → Actor (states ``state:XX``, ``org:…``, ``media:…``, ``person:…``).
        territories: id → Territory (ISO code, else ``area:…``).
        demonyms: surface → state actor id ("Ukrainian" → ``state:UA``).
        metonyms: surface → state actor id ("the Kremlin" → ``state:RU``).
        aliases: extra surface → actor or territory id.
        contextual: ids of territories found automatically in ISO 3166-2 (not curated): the
            ``territories`` stage counts them only where the sentence reports fighting.

    Example:
        >>> gz = Gazetteer.default()
        >>> gz.actors["person:volodymyr-zelensky"].country
        'UA'
        >>> gz.find_actor("Zelenskyy").id
        'person:volodymyr-zelensky'
        >>> gz.find_territory("Zaporozhye").code
        'UA-23'
    """

    actors: Mapping[str, Actor]
    territories: Mapping[str, Territory]
    demonyms: Mapping[str, str] = attrs.field(factory=dict)
    metonyms: Mapping[str, str] = attrs.field(factory=dict)
    aliases: Mapping[str, str] = attrs.field(factory=dict)
    contextual: frozenset[str] = attrs.field(factory=frozenset, converter=_to_frozenset)
    _index: list[_Index] = attrs.field(factory=list, init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        for key, target in (*self.demonyms.items(), *self.metonyms.items()):
            if target not in self.actors:
                raise GazetteerError(f"{key!r} refers to unknown actor {target!r}")
        for key, target in self.aliases.items():
            if target not in self.actors and target not in self.territories:
                raise GazetteerError(f"alias {key!r} refers to unknown id {target!r}")

    # ------------------------------------------------------------------ construction

    @classmethod
    def default(cls) -> Gazetteer:
        """The shipped gazetteer, built once per process and shared (it is immutable).

        Example:
            >>> Gazetteer.default() is Gazetteer.default()
            True
        """
        from conflictmodel.gazetteer.builtin import default_gazetteer

        return default_gazetteer()

    @classmethod
    def from_files(cls, *paths: str | Path, base: Gazetteer | None = None) -> Gazetteer:
        """A gazetteer extended with user JSON files.

        Each file is an object with any of the keys ``actors`` (list of Actor objects: ``id``,
        ``name``, ``kind``, ``aliases``, ``country``, ``wikidata``, ``roles``), ``territories``
        (list of Territory objects), ``states`` (as in the shipped ``states.json``), and
        ``aliases``/``demonyms``/``metonyms`` (surface → id).

        Args:
            paths: JSON files, applied in order.
            base: the gazetteer to extend; default [`default()`][conflictmodel.gazetteer.Gazetteer.default].

        Raises:
            GazetteerError: a file is unreadable or an entry is malformed.

        Example:
            >>> import json, tempfile, os
            >>> d = tempfile.mkdtemp(); p = os.path.join(d, "mine.json")
            >>> _ = open(p, "w").write(json.dumps({"actors": [
            ...     {"id": "org:fpu", "name": "Free People's Union", "kind": "group",
            ...      "aliases": ["FPU"]}]}))
            >>> Gazetteer.from_files(p).find_actor("FPU").kind.value
            'group'
        """
        gz = base if base is not None else cls.default()
        for path in paths:
            data = load_json_file(path)
            if not isinstance(data, dict):
                raise GazetteerError(f"{path}: expected a JSON object at the top level")
            gz = gz._extend_with_data(data, source=str(path))
        return gz

    def extend(
        self,
        *,
        actors: Iterable[Actor] = (),
        territories: Iterable[Territory] = (),
        aliases: Mapping[str, str] | None = None,
        demonyms: Mapping[str, str] | None = None,
        metonyms: Mapping[str, str] | None = None,
    ) -> Gazetteer:
        """A NEW gazetteer with more entries (same ids replace old ones); this one is unchanged.

        Example:
            >>> gz = Gazetteer.default().extend(
            ...     actors=[Actor(id="person:jane-roe", name="Jane Roe", kind="person",
            ...                   aliases=["Roe"], country="GB")],
            ...     aliases={"Bankova Street": "state:UA"})
            >>> gz.find_actor("Roe").name, gz.find_actor("Bankova Street").id
            ('Jane Roe', 'state:UA')
            >>> Gazetteer.default().find_actor("Roe") is None
            True
        """
        new_actors = dict(self.actors)
        for a in actors:
            if not isinstance(a, Actor):
                raise GazetteerError(f"extend(actors=...) expects Actor, got {type(a).__name__}")
            new_actors[a.id] = a
        new_terr = dict(self.territories)
        added: set[str] = set()
        for t in territories:
            if not isinstance(t, Territory):
                raise GazetteerError(
                    f"extend(territories=...) expects Territory, got {type(t).__name__}"
                )
            new_terr[t.id] = t
            added.add(t.id)
        return Gazetteer(
            actors=new_actors,
            territories=new_terr,
            demonyms={**self.demonyms, **str_map(demonyms, "demonyms")},
            metonyms={**self.metonyms, **str_map(metonyms, "metonyms")},
            aliases={**self.aliases, **str_map(aliases, "aliases")},
            # A territory the user supplies is curated: it counts wherever it is named.
            contextual=self.contextual - added,
        )

    def _extend_with_data(self, data: Mapping[str, Any], *, source: str) -> Gazetteer:
        actors: list[Actor] = []
        territories: list[Territory] = []
        demonyms: dict[str, str] = dict(str_map(data.get("demonyms"), f"{source}: demonyms"))
        metonyms: dict[str, str] = dict(str_map(data.get("metonyms"), f"{source}: metonyms"))
        states = data.get("states")
        if states is not None:
            if not isinstance(states, dict):
                raise GazetteerError(f"{source}: 'states' must be an object keyed by ISO code")
            for code, spec in states.items():
                base = self.actors.get(f"state:{code}")
                a, t, dem, met = state_from_spec(code, spec, source, base)
                actors.append(a)
                territories.append(t)
                demonyms.update(dem)
                metonyms.update(met)
        for i, raw in enumerate(list_of(data.get("actors"), f"{source}: actors")):
            actors.append(actor_from_dict(raw, f"{source}: actors[{i}]"))
        for i, raw in enumerate(list_of(data.get("territories"), f"{source}: territories")):
            territories.append(territory_from_dict(raw, f"{source}: territories[{i}]"))
        return self.extend(
            actors=actors,
            territories=territories,
            aliases=str_map(data.get("aliases"), f"{source}: aliases"),
            demonyms=demonyms,
            metonyms=metonyms,
        )

    # ------------------------------------------------------------------ lookups

    def _entries(self) -> Iterator[Entry]:
        actor = MentionKind.ACTOR
        terr = MentionKind.TERRITORY
        for a in self.actors.values():
            yield Entry(surface=a.name, target=a.id, kind=actor, via="name")
            for al in a.aliases:
                yield Entry(surface=al, target=a.id, kind=actor, via="alias")
        for surface, target in self.demonyms.items():
            yield Entry(surface=surface, target=target, kind=actor, via="demonym")
        for surface, target in self.metonyms.items():
            yield Entry(surface=surface, target=target, kind=actor, via="metonym")
        for t in self.territories.values():
            yield Entry(surface=t.name, target=t.id, kind=terr, via="name")
            for al in t.aliases:
                yield Entry(surface=al, target=t.id, kind=terr, via="alias")
        for surface, target in self.aliases.items():
            kind = actor if target in self.actors else terr
            yield Entry(surface=surface, target=target, kind=kind, via="alias")

    @property
    def index(self) -> _Index:
        if not self._index:
            self._index.append(_Index(self._entries()))
        return self._index[0]

    def lookup(self, surface: str) -> tuple[Entry, ...]:
        """Every entry whose surface form equals ``surface`` (folded; a leading "the" is
        optional).

        Example:
            >>> [e.target for e in Gazetteer.default().lookup("Kremlin")]
            ['state:RU']
        """
        key = fold(surface)
        found = self.index.by_surface.get(key)
        if found is None and key.startswith("the "):
            found = self.index.by_surface.get(key[4:])
            surface = surface.strip()[4:]
        plain = " ".join(surface.translate(_APOSTROPHES).split())
        # Short acronyms keep their case here as in scan(): "us" is not "US".
        return tuple(e for e in found or () if _case_rule(e.surface)[1] in (None, plain))

    def find_actor(self, surface: str) -> Actor | None:
        """The actor a surface form names (name, alias, demonym or metonym), or None.

        Example:
            >>> Gazetteer.default().find_actor("Hemedti").name
            'Mohamed Hamdan Dagalo'
        """
        for e in self.lookup(surface):
            if e.kind is MentionKind.ACTOR:
                return self.actors[e.target]
        return None

    def find_territory(self, surface: str) -> Territory | None:
        """The territory a surface form names, or None.

        Example:
            >>> Gazetteer.default().find_territory("Crimean peninsula").id
            'UA-43'
        """
        for e in self.lookup(surface):
            if e.kind is MentionKind.TERRITORY:
                return self.territories[e.target]
        return None

    def country_code(self, surface: str) -> str | None:
        """The ISO alpha-2 code of the state a name, demonym or metonym refers to, or None.

        Example:
            >>> Gazetteer.default().country_code("Azerbaijani")
            'AZ'
        """
        for e in self.lookup(surface):
            if e.kind is MentionKind.ACTOR and e.target.startswith("state:"):
                return e.target[6:]
        return None

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every known surface form in ``text[start:end]``, leftmost-longest, not overlapping.

        Matching is by whole tokens (so "US" is not found in "USA" or "Russia's" cut short),
        case-sensitive for short acronyms ("US" but not "us"), and otherwise requires the
        capitals the listed form has ("Turkey", not "turkey"). Possessives ("Russia's",
        "Witkoff’s") match the name.

        Example:
            >>> [m.text for m in Gazetteer.default().scan("Witkoff’s talks with the US in Paris")]
            ['Witkoff', 'US', 'Paris']
        """
        if not isinstance(text, str):
            raise ConflictModelError(f"scan() expects str, got {type(text).__name__}")
        toks = _ScanTokens(text, start, len(text) if end is None else end)
        groups = self.index.groups
        out: list[Match] = []
        nxt = 0
        # Only tokens that start a known form can start a match: visit those in order.
        for i in compress(count(), map(groups.__contains__, toks.folded)):
            if i < nxt:
                continue
            ntokens, entries = toks.best_at(i, groups[toks.folded[i]])
            if not ntokens or _title_prefix(toks, i, ntokens, entries):
                continue
            nxt = i + ntokens
            a, b = toks.start_of(i), toks.ends[nxt]
            out.append(Match(start=a, end=b, text=text[a:b], entries=entries))
        return out

    def person_role_on(self, actor: Actor, day: dt.date | None) -> Role | None:
        """The role a known person held on ``day`` (the first open role without a date).

        Example:
            >>> gz = Gazetteer.default()
            >>> gz.person_role_on(gz.actors["person:joe-biden"], dt.date(2022, 3, 1)).title
            'President'
        """
        for role in actor.roles:
            if day is None:
                if role.end is None:
                    return role
            elif role.held_on(day):
                return role
        return None


_CALENDAR_WORDS = frozenset(w for w in (*calendar.day_name, *calendar.month_name) if w)


def _title_prefix(toks: _ScanTokens, i: int, ntokens: int, entries: tuple[Entry, ...]) -> bool:
    """Whether a newspaper called "The <Word>" is only the start of a longer name: "The
    National Unity Government", "The Hill Tribes Council", "The Times Square rally" go on with
    a capitalised word (a weekday or month after it, "The Times Monday", does not count)."""
    if toks.folded[i] != "the" or not all(e.target.startswith("media:") for e in entries):
        return False
    k = i + ntokens
    if k >= len(toks.raw) or len(toks.pieces[k]) == len(toks.raw[k]):
        return False  # the end of the text, or punctuation right after the name
    word = toks.raw[k]
    return word[:1].isupper() and word.isalpha() and word not in _CALENDAR_WORDS
