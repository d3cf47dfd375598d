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
from itertools import accumulate, compress, count
from operator import not_
from pathlib import Path
from typing import Any

import attrs
import pycountry

from conflictmodel.context import MentionKind
from conflictmodel.errors import ConflictModelError, GazetteerError
from conflictmodel.model.actors import Actor, ActorKind, Role
from conflictmodel.model.span import Span
from conflictmodel.model.territories import Territory, TerritoryKind
from conflictmodel.resources import load_data, load_json_file

__all__ = ["Entry", "Gazetteer", "Match", "fold", "slugify"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
# A token with the whitespace before it (possessive: nothing to backtrack into).
_PIECE = re.compile(r"\s*+(?:\w+|[^\w\s])")
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


_NO_HIT: tuple[int, tuple[Entry, ...]] = (0, ())


class _ScanTokens:
    """The tokens of ``text[start:stop]`` for ``Gazetteer.scan``: as written, folded, with
    offsets.  Built from C-level passes (one regex pass of whitespace-and-token pieces, then
    ``map``/``accumulate`` over them), so the cost per token is small."""

    __slots__ = ("ends", "folded", "pieces", "raw")

    def __init__(self, text: str, start: int, stop: int) -> None:
        # Offsets clamp as ``re`` clamps ``pos``/``endpos``.
        start = max(start, 0)
        stop = max(0, min(stop, len(text)))
        seg = text[start:stop]
        # No trailing whitespace: every piece then ends in a token (no failed attempts).
        stop = start + len(seg.rstrip())
        self.pieces: list[str] = _PIECE.findall(text, start, stop) if stop > start else []
        self.raw: list[str] = list(map(str.lstrip, self.pieces))
        # ends[k + 1] is the end offset of token k.
        self.ends: list[int] = list(accumulate(map(len, self.pieces), initial=start))
        # Tokens are folded like fold() (ASCII ones only need lower case).
        self.folded: list[str] = list(map(str.lower, self.raw))
        if not seg.isascii():
            for k in compress(count(), map(not_, map(str.isascii, self.raw))):
                self.folded[k] = fold(self.raw[k])

    def start_of(self, k: int) -> int:
        return self.ends[k + 1] - len(self.raw[k])

    def best_at(
        self, i: int, group: tuple[list[_Candidate], dict[str, list[_Candidate]]]
    ) -> tuple[int, tuple[Entry, ...]]:
        """The longest candidate matching at token ``i`` (entries of equally long ones
        merged, in candidate order), as (number of tokens, entries); (0, ()) if none."""
        singles, longer = group
        if longer and i + 1 < len(self.folded):
            cands = longer.get(self.folded[i + 1])
            if cands:
                hit = self._best(i, cands)
                if hit[0]:
                    return hit
        return self._best(i, singles) if singles else _NO_HIT

    def _best(self, i: int, cands: list[_Candidate]) -> tuple[int, tuple[Entry, ...]]:
        ntokens = 0
        entries: tuple[Entry, ...] = ()
        for c in cands:
            if ntokens and c.ntokens < ntokens:
                break
            if not self._accepts(i, c):
                continue
            if not ntokens:
                ntokens, entries = c.ntokens, c.entries
            else:
                entries = entries + tuple(e for e in c.entries if e not in entries)
        return ntokens, entries

    def _accepts(self, i: int, c: _Candidate) -> bool:
        j = i + c.ntokens
        if j > len(self.folded) or self.folded[i:j] != c.token_list:
            return False
        raw = self.raw
        pieces = self.pieces
        # Whitespace before a token exactly where the listed form has it ("U.S." has none).
        for k in range(i + 1, j):
            if (len(pieces[k]) != len(raw[k])) != c.spaces[k - i]:
                return False
        if c.exact is not None:
            return c.exact == tuple(t.translate(_APOSTROPHES) for t in raw[i:j])
        return all(
            raw[k][0].isupper() for k, need in zip(range(i, j), c.case_tokens, strict=False) if need
        )


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
    # ``tokens`` as a list, to compare with a slice of the scanner's token list.
    token_list: list[str] = attrs.field(eq=False, hash=False)


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
                    token_list=list(toks),
                    spaces=spaces,
                    case_tokens=caps,
                    exact=tuple(_tokens(exact)) if exact is not None else None,
                    entries=tuple(es),
                )
                self.by_first.setdefault(toks[0], []).append(cand)
        # By first token: the one-token candidates, and the longer ones by their second token
        # (only those can match where the text's second token is that one), longest first.
        self.groups: dict[str, tuple[list[_Candidate], dict[str, list[_Candidate]]]] = {}
        for first, cands in self.by_first.items():
            cands.sort(key=lambda c: -c.ntokens)
            singles = [c for c in cands if c.ntokens == 1]
            longer: dict[str, list[_Candidate]] = {}
            for c in cands:
                if c.ntokens > 1:
                    longer.setdefault(c.tokens[1], []).append(c)
            self.groups[first] = (singles, longer)


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
        toks = _ScanTokens(text, start, len(text) if end is None else end)
        groups = self.index.groups
        out: list[Match] = []
        nxt = 0
        # Only tokens that start a known form can start a match: visit those in order.
        for i in compress(count(), map(groups.__contains__, toks.folded)):
            if i < nxt:
                continue
            ntokens, entries = toks.best_at(i, groups[toks.folded[i]])
            if not ntokens:
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
    actors, territories, demonyms, metonyms = _default_states()
    for fname in ("organizations.json", "media.json", "people.json"):
        for i, raw in enumerate(load_data(fname)["actors"]):
            a = _actor_from_dict(raw, f"{fname}: actors[{i}]")
            actors[a.id] = a
    tdata = load_data("territories.json")
    curated = [
        _territory_from_dict(raw, f"territories.json: territories[{i}]")
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
    """Every ISO 3166-1 country as a state actor and a territory, with the shipped
    ``states.json`` names, demonyms and metonyms."""
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
