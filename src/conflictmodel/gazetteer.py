"""Known actors and places, and a fast scanner that finds them in a text.

A [`Gazetteer`][conflictmodel.gazetteer.Gazetteer] holds states (every ISO 3166-1 country, from
pycountry, with the short names, demonyms and metonyms news uses), international organisations,
armed groups, media outlets, well-known people and territories (countries, first-level ISO
3166-2 regions, curated disputed areas).  It is immutable: ``extend`` and ``from_files`` return
new gazetteers, and the shared default is built once per process.

The scanner tokenises a text once and looks each token up in a dict keyed by the folded first
token of every known surface form, taking the longest match: linear in the text length.

Example:
    >>> gz = Gazetteer.default()
    >>> [(m.text, m.entries[0].target) for m in gz.scan("Kremlin's envoy met US officials.")]
    [('Kremlin', 'state:RU'), ('US', 'state:US')]
    >>> gz.country_code("Sudanese"), gz.country_code("the Kremlin"), gz.country_code("us")
    ('SD', 'RU', None)
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pycountry

from conflictmodel.actors import Actor, ActorKind, Role
from conflictmodel.context import MentionKind
from conflictmodel.errors import ConflictModelError, GazetteerError
from conflictmodel.resources import load_data, load_json_file
from conflictmodel.span import Span
from conflictmodel.territories import Territory, TerritoryKind

__all__ = ["Entry", "Gazetteer", "Match", "fold", "slugify"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "–": "-", "‑": "-"})
_MAX_TOKENS = 12


def fold(text: str) -> str:
    """Fold a surface form for comparison: no accents, case-folded, straight apostrophes,
    single spaces.

    Example:
        >>> fold("  Erdoğan’s\\nparty ")
        "erdogan's party"
    """
    if text.isascii():
        # No accents, curly apostrophes or dashes to fold; ASCII case folding is lower().
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def slugify(text: str) -> str:
    """A lower-case ASCII slug for ids.

    Example:
        >>> slugify("Abdel Fattah al-Burhan")
        'abdel-fattah-al-burhan'
    """
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@attrs.frozen(kw_only=True)
class Entry:
    """One surface form the gazetteer knows, and what it names.

    Attributes:
        surface: the form as listed ("the Kremlin", "Zelenskyy", "Sudanese").
        target: the id of the actor or territory.
        kind: actor or territory.
        via: ``name``, ``alias``, ``demonym`` or ``metonym``.

    Example:
        >>> Gazetteer.default().lookup("the Kremlin")[0].via
        'metonym'
    """

    surface: str
    target: str
    kind: MentionKind
    via: str


@attrs.frozen(kw_only=True)
class Match:
    """A place in a text where a known surface form occurs.

    Attributes:
        start, end: character offsets (``text[start:end]`` is the form as written).
        text: the form as written.
        entries: every entry with that surface form (a metonym city is both a state actor and
            a territory); names before aliases before demonyms and metonyms.

    Example:
        >>> m = Gazetteer.default().scan("in Zaporizhia")[0]
        >>> m.span, m.entries[0].target
        (Span(start=3, end=13), 'UA-23')
    """

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]

    @property
    def span(self) -> Span:
        """The match as a [`Span`][conflictmodel.Span]."""
        return Span(start=self.start, end=self.end)

    def targets(self, kind: MentionKind | None = None) -> tuple[str, ...]:
        """The distinct target ids, optionally of one kind.

        Example:
            >>> m = Gazetteer.default().scan("Kyiv")[0]
            >>> m.targets(MentionKind.ACTOR), m.targets(MentionKind.TERRITORY)
            (('state:UA',), ('UA-30',))
        """
        out: list[str] = []
        for e in self.entries:
            if (kind is None or e.kind is kind) and e.target not in out:
                out.append(e.target)
        return tuple(out)


@attrs.frozen(kw_only=True)
class _Candidate:
    ntokens: int
    tokens: tuple[str, ...]  # folded tokens
    spaces: tuple[bool, ...]  # whether whitespace precedes each token ("U.S." has none)
    case_tokens: tuple[bool, ...]  # True where the text token must start with a capital
    exact: tuple[str, ...] | None  # the surface's tokens, when case must match exactly
    entries: tuple[Entry, ...]


_VIA_ORDER = {"name": 0, "alias": 1, "demonym": 2, "metonym": 3}


def _case_rule(surface: str) -> tuple[tuple[bool, ...], str | None]:
    toks = _tokens(surface)
    letters = "".join(c for c in surface if c.isalpha())
    mixed = len(letters) <= 5 and any(c.isupper() for c in letters[1:])
    if (_is_acronym(surface) and (len(letters) <= 3 or len(toks) > 1)) or mixed:
        # Short acronyms are case-sensitive: "US" is not "us", "WHO" is not "who", "LeT" is
        # not "Let".  Longer ones also match in title case ("Nato").
        return tuple(False for _ in toks), surface.translate(_APOSTROPHES)
    return tuple(t[:1].isupper() for t in toks), None


class _Index:
    """First-token index of surface forms, built once per gazetteer."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        grouped: dict[str, list[Entry]] = {}
        originals: dict[str, str] = {}
        for e in entries:
            key = fold(e.surface)
            if not key:
                continue
            grouped.setdefault(key, []).append(e)
            originals.setdefault(key, e.surface)
        self.by_first: dict[str, list[_Candidate]] = {}
        self.by_surface: dict[str, tuple[Entry, ...]] = {}
        for key, group in grouped.items():
            if key.startswith("the ") and key[4:] in grouped:
                # "the Kremlin" is found as "Kremlin": spans and aliases leave the article out.
                self.by_surface[key] = tuple(dict.fromkeys(group))
                continue
            group.sort(key=lambda e: _VIA_ORDER.get(e.via, 9))
            uniq = tuple(dict.fromkeys(group))
            self.by_surface[key] = uniq
            toks = _tokens(key)
            if not toks or len(toks) > _MAX_TOKENS:
                continue
            # Case rules come from each entry's own spelling; a form listed both as an acronym
            # ("TASS") and as a word ("Tass") is split into two candidates.
            by_rule: dict[tuple[tuple[bool, ...], str | None], list[Entry]] = {}
            for e in uniq:
                by_rule.setdefault(_case_rule(e.surface), []).append(e)
            positions = [(m.start(), m.end()) for m in _TOKEN.finditer(key)]
            spaces = (
                False,
                *(positions[k][0] > positions[k - 1][1] for k in range(1, len(positions))),
            )
            for (caps, exact), es in by_rule.items():
                cand = _Candidate(
                    ntokens=len(toks),
                    tokens=tuple(toks),
                    spaces=spaces,
                    case_tokens=caps,
                    exact=tuple(_tokens(exact)) if exact is not None else None,
                    entries=tuple(es),
                )
                self.by_first.setdefault(toks[0], []).append(cand)
        for cands in self.by_first.values():
            cands.sort(key=lambda c: -c.ntokens)


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
        return _default()

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
            demonyms={**self.demonyms, **_str_map(demonyms, "demonyms")},
            metonyms={**self.metonyms, **_str_map(metonyms, "metonyms")},
            aliases={**self.aliases, **_str_map(aliases, "aliases")},
            # A territory the user supplies is curated: it counts wherever it is named.
            contextual=self.contextual - added,
        )

    def _extend_with_data(self, data: Mapping[str, Any], *, source: str) -> Gazetteer:
        actors: list[Actor] = []
        territories: list[Territory] = []
        demonyms: dict[str, str] = dict(_str_map(data.get("demonyms"), f"{source}: demonyms"))
        metonyms: dict[str, str] = dict(_str_map(data.get("metonyms"), f"{source}: metonyms"))
        states = data.get("states")
        if states is not None:
            if not isinstance(states, dict):
                raise GazetteerError(f"{source}: 'states' must be an object keyed by ISO code")
            for code, spec in states.items():
                base = self.actors.get(f"state:{code}")
                a, t, dem, met = _state_from_spec(code, spec, source, base)
                actors.append(a)
                territories.append(t)
                demonyms.update(dem)
                metonyms.update(met)
        for i, raw in enumerate(_list(data.get("actors"), f"{source}: actors")):
            actors.append(_actor_from_dict(raw, f"{source}: actors[{i}]"))
        for i, raw in enumerate(_list(data.get("territories"), f"{source}: territories")):
            territories.append(_territory_from_dict(raw, f"{source}: territories[{i}]"))
        return self.extend(
            actors=actors,
            territories=territories,
            aliases=_str_map(data.get("aliases"), f"{source}: aliases"),
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
        stop = len(text) if end is None else min(end, len(text))
        index = self.index.by_first
        toks = [m.span() for m in _TOKEN.finditer(text, start, stop)]
        # Tokens are folded like fold() (ASCII ones only need lower case).
        folded = [t.lower() if t.isascii() else fold(t) for t in _TOKEN.findall(text, start, stop)]
        out: list[Match] = []
        n = len(toks)
        i = 0
        # Only tokens that start a known form can start a match: visit those in order.
        for c_i in [k for k, f in enumerate(folded) if f in index]:
            if c_i < i:
                continue
            i = c_i
            cands = index[folded[i]]
            hit: tuple[int, tuple[Entry, ...]] | None = None
            if cands:
                for c in cands:
                    j = i + c.ntokens
                    if j > n:
                        continue
                    if tuple(folded[i:j]) != c.tokens or any(
                        (toks[k][0] > toks[k - 1][1]) != c.spaces[k - i] for k in range(i + 1, j)
                    ):
                        continue
                    if c.exact is not None:
                        if c.exact != tuple(
                            text[x:y].translate(_APOSTROPHES) for x, y in toks[i:j]
                        ):
                            continue
                    else:
                        if not all(
                            not need or text[toks[k][0]].isupper()
                            for k, need in zip(range(i, j), c.case_tokens, strict=False)
                        ):
                            continue
                    if hit is None or c.ntokens > hit[0]:
                        hit = (c.ntokens, c.entries)
                    elif c.ntokens == hit[0]:
                        hit = (hit[0], hit[1] + tuple(e for e in c.entries if e not in hit[1]))
            if hit is None:
                i += 1
                continue
            j = i + hit[0]
            a, b = toks[i][0], toks[j - 1][1]
            out.append(Match(start=a, end=b, text=text[a:b], entries=hit[1]))
            i = j
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


# ---------------------------------------------------------------------- loading helpers


def _str_map(value: Any, where: str) -> Mapping[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise GazetteerError(f"{where}: expected an object of strings")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise GazetteerError(f"{where}: expected a list")
    return value


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise GazetteerError(f"{where}: {value!r} is not an ISO date") from None


def _actor_from_dict(raw: Any, where: str) -> Actor:
    if not isinstance(raw, dict):
        raise GazetteerError(f"{where}: expected an object")
    try:
        roles = [
            Role(
                title=r["title"],
                affiliation=r.get("affiliation"),
                country=r.get("country"),
                start=_date(r.get("start"), where),
                end=_date(r.get("end"), where),
            )
            for r in _list(raw.get("roles"), where)
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


def _territory_from_dict(raw: Any, where: str) -> Territory:
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


def _country_name(code: str) -> str:
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        raise GazetteerError(f"{code!r} is not an ISO 3166-1 alpha-2 code")
    name = getattr(c, "common_name", None) or c.name
    return str(name)


def _state_from_spec(
    code: str, spec: Any, where: str, base: Actor | None
) -> tuple[Actor, Territory, dict[str, str], dict[str, str]]:
    if not isinstance(spec, dict):
        raise GazetteerError(f"{where}: states[{code!r}] must be an object")
    official = _country_name(code)
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
def _default() -> Gazetteer:
    actors: dict[str, Actor] = {}
    territories: dict[str, Territory] = {}
    demonyms: dict[str, str] = {}
    metonyms: dict[str, str] = {}
    states = load_data("states.json")["states"]
    for c in pycountry.countries:
        spec = states.get(c.alpha_2, {})
        a, t, dem, met = _state_from_spec(c.alpha_2, spec, "states.json", None)
        actors[a.id] = a
        territories[t.id] = t
        demonyms.update(dem)
        metonyms.update(met)
    for fname in ("organizations.json", "media.json", "people.json"):
        for i, raw in enumerate(load_data(fname)["actors"]):
            a = _actor_from_dict(raw, f"{fname}: actors[{i}]")
            actors[a.id] = a
    tdata = load_data("territories.json")
    curated = [
        _territory_from_dict(raw, f"territories.json: territories[{i}]")
        for i, raw in enumerate(tdata["territories"])
    ]
    curated_codes = {t.code for t in curated if t.code}
    taken = {fold(s) for s in (*demonyms, *metonyms)}
    for a in actors.values():
        taken.update(fold(n) for n in a.names)
    for t in curated:
        taken.update(fold(n) for n in t.names)
    for t in territories.values():
        taken.update(fold(n) for n in t.names)
    excluded = {fold(x) for x in tdata.get("exclude", ())}
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
        if len({code for code, _ in uses}) != 1 or key in taken or key in excluded:
            continue
        if len(key) < 4 or not uses[0][1][:1].isupper():
            continue
        words = key.split()
        if all(w in generic for w in words) or words[0] in {"saint", "san", "santa", "sainte"}:
            continue
        code, n = uses[0]
        names_by_code.setdefault(code, []).append(n)
    for s in firsts:
        names = names_by_code.get(s.code)
        if not names:
            continue
        # Prefer the shortest form as the canonical name ("Kursk" over "Kurskaya oblast'").
        territories[s.code] = Territory(
            id=s.code,
            name=min(names, key=len),
            code=s.code,
            kind=TerritoryKind.CITY if s.type.lower() in {"city", "municipality"} else "region",
            aliases=tuple(n for n in names if n != min(names, key=len)),
            parent=s.country_code,
        )
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
