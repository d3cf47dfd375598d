"""The packed compact Article JSON (``"format": 3``): short keys, enum codes, spans as
``[start, length]``, mention lists as one flat list of integers, a table of variants.

[`to_json(article, compact=True)`][conflictmodel.to_json] first builds the compact form of
format 2 (see [`conflictmodel.serialization`][conflictmodel.serialization]): defaults,
evidence and span-derived ids left out, references as indexes.  This module packs that into
format 3 and unpacks format 3 back into it, so the format-2 reader reads both and one is the
exact inverse of the other.  Everything here is part of the format: a key, an enum code or a
rule changed here would change how files already written read, so the tables only ever grow
(a new field or enum member is appended, never renamed or reordered).

* **Keys** are the short names of [`KEYS`][conflictmodel._compact.KEYS] (``"s"`` for
  ``span``); a field missing from the table keeps its own name.
* **Enums** are the index of their value in [`ENUM_CODES`][conflictmodel._compact.ENUM_CODES]
  (``StatementKind.REPORTED`` is ``2``); a value missing from the table stays a string.
* **A span** is ``[start, length]``; a [`Role`][conflictmodel.Role] is the array of its
  field values in the order of [`ROWS`][conflictmodel._compact.ROWS], nulls at the end left
  out (``["President", "France", "FR", "2017-05-14"]``).
* **A list of spans** (``mentions``, ``furniture``) is one flat list ``[gap, length, gap,
  length, ...]`` where each gap is the start minus the previous span's end (the first: minus
  0); a gap may be negative.
* **A reference to something not in the article's list** (a Place in another role, an Actor
  that is not listed) is an index past the end of that list, into the variants table of its
  class (``"+Pl"``, ``"+A"``, ``"+T"``, ``"+S"``): each distinct value is written once there,
  in full or as ``{"l": INDEX, FIELD: VALUE...}`` (the listed object with those fields
  changed).
* **A ``proposal_id``** that is the id of exactly one of the article's proposals is that
  proposal's index in ``proposals``.
* **An actor, territory or place** ([`NAMED`][conflictmodel._compact.NAMED]) leaves out its
  id when the id rule gives it back (``state:`` + country for a state, ``anon:`` + slug of the
  name for an anonymous actor, ``person:``/``org:``/``media:``/``group:``/``gov:`` + slug by
  kind, else the code for a territory or place with one, ``city:SLUG-cc`` for a city with a
  parent), its name when it is the text at its first mention (the id rule then reads that
  name), and writes a description or an alias that is the text at one of its mentions as that
  mention's index.
* **A cue or trigger** ([`IN_SPAN`][conflictmodel._compact.IN_SPAN]) that is text inside its
  object's span is ``[offset from the span's start, length]`` where that is shorter.

Example:
    >>> packed = pack({"format": 2, "text": "Goma fell.", "furniture": [[0, 4], [5, 9]]})
    >>> packed
    {'format': 3, 't': 'Goma fell.', 'F': [0, 4, 1, 4]}
    >>> unpack(packed)
    {'format': 2, 'text': 'Goma fell.', 'furniture': [[0, 4], [5, 9]]}
"""

from __future__ import annotations

import enum
import json
import re
import types
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, TypeGuard, Union, get_args, get_origin, get_type_hints

import attrs

from conflictmodel.errors import SerializationError
from conflictmodel.model.actors import Actor, ActorKind, Role
from conflictmodel.model.article import Article
from conflictmodel.model.events import EventStatus, EventType
from conflictmodel.model.places import Place, PlaceRole
from conflictmodel.model.positions import Stance
from conflictmodel.model.proposals import ProposalStatus, ProvisionKind
from conflictmodel.model.span import Span
from conflictmodel.model.statements import SpeakerSource, Statement, StatementKind
from conflictmodel.model.territories import ClaimKind, Territory, TerritoryKind
from conflictmodel.model.textdates import DatePrecision

__all__ = [
    "COMPACT_FORMAT",
    "ENUM_CODES",
    "IN_SPAN",
    "KEYS",
    "NAMED",
    "ROWS",
    "VARIANTS",
    "pack",
    "unpack",
]

COMPACT_FORMAT = 3
"""The version of the compact Article JSON that ``to_json(article, compact=True)`` writes
(the ``"format"`` key).

Format 2 compact (what the previous release wrote) is still read.  Format 3 refers to no
knowledge base: every value is in the file or rebuilt from the file alone, so a file reads the
same whatever gazetteer or version of the library reads it.

Example:
    >>> from conflictmodel import Article, to_dict
    >>> to_dict(Article(text="Goma fell."), compact=True)["format"] == COMPACT_FORMAT
    True
"""

KEYS: dict[str, str] = {
    # Article
    "text": "t",
    "title": "ti",
    "outlet": "o",
    "published": "pu",
    "url": "u",
    "actors": "A",
    "territories": "T",
    "statements": "S",
    "proposals": "P",
    "positions": "Po",
    "claims": "C",
    "places": "Pl",
    "events": "E",
    "dates": "D",
    "furniture": "F",
    "extras": "X",
    # Actor, Role, Territory, Place
    "id": "i",
    "name": "n",
    "kind": "k",
    "aliases": "al",
    "roles": "r",
    "country": "c",
    "wikidata": "w",
    "anonymous": "an",
    "description": "d",
    "mentions": "m",
    "members": "mb",
    "affiliation": "af",
    "start": "sd",
    "end": "ed",
    "code": "co",
    "parent": "pa",
    "role": "ro",
    # Statement
    "content": "ct",
    "span": "s",
    "speaker": "sp",
    "speaker_span": "ss",
    "cue": "cu",
    "cue_span": "cs",
    "via": "vi",
    "date": "dt",
    "speaker_source": "sr",
    # Proposal, Provision, Condition
    "trigger": "tr",
    "proposer": "pr",
    "recipients": "rc",
    "provisions": "ps",
    "conditions": "cd",
    "status": "st",
    "venue": "v",
    "source": "so",
    "recognized_as": "ra",
    "duration_days": "dd",
    "label": "lb",
    "parties": "pt",
    # Position, TerritorialClaim
    "actor": "a",
    "stance": "sa",
    "proposal_id": "pi",
    "provision": "pv",
    "territory": "te",
    "statement": "sm",
    "claimant": "cl",
    "since": "si",
    # Event, Casualties
    "type": "ty",
    "mode": "mo",
    "targets": "tg",
    "mediator": "me",
    "place": "pl",
    "killed": "ki",
    "wounded": "wo",
    "count": "cn",
    "approximate": "ap",
    # TextDate
    "value": "va",
    "precision": "pn",
    "relative": "rl",
    "anchor": "ac",
    # a listed object with some fields changed (format 2's "like")
    "like": "l",
}
"""Field name -> its key in format 3.  Only ever appended to."""

ENUM_CODES: dict[type[enum.Enum], tuple[str, ...]] = {
    ActorKind: ("person", "state", "organization", "media", "group", "government", "unknown"),
    ClaimKind: (
        "claims",
        "controls",
        "annexed",
        "occupies",
        "recognizes",
        "rejects_recognition",
        "disputes",
    ),
    DatePrecision: ("day", "week", "month", "year", "unknown"),
    EventStatus: ("occurred", "ongoing", "planned", "hypothetical"),
    EventType: (
        "agree",
        "consult",
        "support",
        "concede",
        "cooperate",
        "aid",
        "retreat",
        "request",
        "accuse",
        "reject",
        "threaten",
        "protest",
        "sanction",
        "mobilize",
        "coerce",
        "assault",
    ),
    PlaceRole: ("dateline", "venue", "event_location", "origin", "other"),
    ProposalStatus: (
        "proposed",
        "under_consideration",
        "presented",
        "demanded",
        "rejected",
        "accepted",
        "signed",
        "ended",
        "unknown",
    ),
    ProvisionKind: (
        "territorial_recognition",
        "ceasefire",
        "frontline_freeze",
        "sanctions_relief",
        "sanctions",
        "security_guarantees",
        "nato_membership",
        "peacekeeping",
        "ceasefire_monitoring",
        "prisoner_exchange",
        "hostage_release",
        "withdrawal",
        "elections",
        "referendum",
        "humanitarian_access",
        "reconstruction",
        "autonomy",
        "demilitarized_zone",
        "military_limits",
        "disarmament",
        "force_integration",
        "amnesty",
        "return_of_displaced",
        "political_transition",
        "power_sharing",
        "constitutional_reform",
        "minority_rights",
        "accountability",
        "nuclear_safety",
        "border_delimitation",
        "normalization",
        "other",
    ),
    SpeakerSource: (
        "named",
        "pronoun",
        "descriptor",
        "continuation",
        "institution",
        "collective",
        "document",
        "headline",
        "unresolved",
    ),
    Stance: ("supports", "opposes", "demands", "conditional", "considers"),
    StatementKind: ("direct", "partial", "reported"),
    TerritoryKind: ("country", "region", "disputed_area", "region_group", "city", "other"),
}
"""Enum -> its values in code order (a value's code is its index).  Only ever appended to."""

# The article's lists that references point into, and the key of each class's variants.
_LISTS: dict[type[Any], str] = {
    Actor: "actors",
    Territory: "territories",
    Place: "places",
    Statement: "statements",
}
VARIANTS: dict[type[Any], str] = {Actor: "+A", Territory: "+T", Place: "+Pl", Statement: "+S"}
"""Class -> the key of its table of variants in format 3."""

ROWS: dict[type[Any], tuple[str, ...]] = {
    Role: ("title", "affiliation", "country", "start", "end"),
}
"""Classes written as an array of their field values in this order (nulls at the end left
out), not as an object.  Only ever appended to."""

_LONG = {short: name for name, short in KEYS.items()}
_LIKE = "like"
NAMED: tuple[type[Any], ...] = (Actor, Territory, Place)
"""Classes whose objects may leave out their id and name, and write a description or alias as
the index of a mention (see the module's rules)."""
_ACTOR_PREFIX = {
    "person": "person",
    "organization": "org",
    "media": "media",
    "group": "group",
    "government": "gov",
}
IN_SPAN: tuple[str, ...] = ("cue", "trigger")
"""String fields that may be written as ``[offset, length]`` inside their object's span."""
_NOT_SLUG = re.compile(r"[^A-Za-z0-9]+")
_CODES = {cls: {value: i for i, value in enumerate(values)} for cls, values in ENUM_CODES.items()}
_PROPOSAL_PREFIX = "prop"  # the parsers' (and format 2's) span-derived proposal id


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _key(name: str) -> str:
    return KEYS.get(name, name)


def _optional_inner(tp: Any) -> Any:
    """``X`` for ``X | None``, else ``tp``."""
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _tuple_item(tp: Any) -> Any:
    args = get_args(tp)
    if get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def _is_pair(value: Any) -> TypeGuard[Sequence[int]]:
    return (
        isinstance(value, list | tuple) and len(value) == 2 and all(type(x) is int for x in value)
    )


def _proposal_ids(proposals: Any, span_key: str, id_key: str, lengths: bool) -> list[str | None]:
    """The id of each proposal (written, or the ``prop:START-END`` of its span)."""
    ids: list[str | None] = []
    for item in proposals if isinstance(proposals, list) else ():
        pid = item.get(id_key) if isinstance(item, Mapping) else None
        span = item.get(span_key) if isinstance(item, Mapping) else None
        if pid is None and _is_pair(span):
            end = span[0] + span[1] if lengths else span[1]
            pid = f"{_PROPOSAL_PREFIX}:{span[0]}-{end}"
        ids.append(pid if isinstance(pid, str) else None)
    return ids


class _Packer:
    """Format-2 compact data -> format 3."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        text = data.get("text")
        self.text = text if isinstance(text, str) else ""
        self.lengths = {cls: len(data.get(name) or ()) for cls, name in _LISTS.items()}
        self.variants: dict[type[Any], list[Any]] = {cls: [] for cls in _LISTS}
        self.seen: dict[type[Any], dict[str, int]] = {cls: {} for cls in _LISTS}
        ids = _proposal_ids(data.get("proposals"), "span", "id", lengths=False)
        counts = Counter(ids)  # a shared id could not say which proposal it is
        self.proposals = {pid: i for i, pid in enumerate(ids) if pid and counts[pid] == 1}

    def article(self, data: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"format": COMPACT_FORMAT}
        hints = _hints(Article)
        classes = {name: cls for cls, name in _LISTS.items()}
        for name, value in data.items():
            if name == "format":
                continue
            if name in classes and isinstance(value, list):  # the lists hold full objects
                out[_key(name)] = [self.obj(item, classes[name]) for item in value]
            else:
                out[_key(name)] = self.value(value, hints.get(name, Any), name)
        for cls, items in self.variants.items():
            if items:
                out[VARIANTS[cls]] = items
        return out

    def obj(self, value: Any, cls: type[Any]) -> Any:
        if not isinstance(value, Mapping):
            return value
        if cls in NAMED and _LIKE not in value:
            value = _leave_out_names(cls, value, self.text)
        value = _point_in_span(value, self.text)
        hints = _hints(cls)
        return {_key(k): self.value(v, hints.get(k, Any), k) for k, v in value.items()}

    def value(self, value: Any, tp: Any, name: str) -> Any:
        if value is None:
            return None
        tp = _optional_inner(tp)
        if name == "proposal_id" and isinstance(value, str) and value in self.proposals:
            return self.proposals[value]
        spans = _pack_spans(tp, value)
        if spans is not None:
            return spans
        item = _tuple_item(tp)
        if item is not None and isinstance(value, list):
            return [self.value(v, item, name) for v in value]
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            code = _CODES.get(tp, {}).get(value) if isinstance(value, str) else None
            return value if code is None else code
        if tp in _LISTS and isinstance(value, Mapping):
            return self.variant(tp, self.obj(value, tp))
        if tp in ROWS and isinstance(value, Mapping) and set(value) <= set(ROWS[tp]):
            return self.row(tp, value)
        if isinstance(tp, type) and attrs.has(tp):
            return self.obj(value, tp)
        return value

    def row(self, tp: type[Any], value: Mapping[str, Any]) -> list[Any]:
        """A class written as an array (``ROWS``), trailing nulls left out."""
        hints = _hints(tp)
        row = [self.value(value.get(f), hints[f], f) for f in ROWS[tp]]
        while row and row[-1] is None:
            row.pop()
        return row

    def variant(self, cls: type[Any], packed: Any) -> int:
        """The index past the end of the article's list that stands for ``packed``."""
        key = json.dumps(packed, sort_keys=True, ensure_ascii=False)
        seen = self.seen[cls]
        if key not in seen:
            seen[key] = len(self.variants[cls])
            self.variants[cls].append(packed)
        return self.lengths[cls] + seen[key]


class _Unpacker:
    """Format 3 -> format-2 compact data (what the format-2 reader reads)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        text = data.get(_key("text"))
        self.text = text if isinstance(text, str) else ""
        self.lengths = {cls: _length(data.get(_key(name))) for cls, name in _LISTS.items()}
        self.variants = {cls: data.get(VARIANTS[cls]) or [] for cls in _LISTS}
        self.done: dict[tuple[type[Any], int], Any] = {}
        self.busy: set[tuple[type[Any], int]] = set()
        self.proposals = _proposal_ids(data.get(_key("proposals")), "s", "i", lengths=True)

    def article(self, data: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"format": 2}
        hints = _hints(Article)
        classes = {name: cls for cls, name in _LISTS.items()}
        variant_keys = set(VARIANTS.values())
        for key, value in data.items():
            if key == "format" or key in variant_keys:
                continue
            name = _LONG.get(key, key)
            if name in classes and isinstance(value, list):
                out[name] = [self.obj(item, classes[name]) for item in value]
            else:
                out[name] = self.value(value, hints.get(name, Any), name)
        return out

    def obj(self, value: Any, cls: type[Any]) -> Any:
        if not isinstance(value, Mapping):
            return value
        hints = _hints(cls)
        out: dict[str, Any] = {}
        for key, v in value.items():
            name = _LONG.get(str(key), str(key))
            out[name] = self.value(v, hints.get(name, Any), name)
        _read_in_span(out, self.text)
        if cls in NAMED and _LIKE not in out:
            _restore_names(cls, out, self.text)
        return out

    def value(self, value: Any, tp: Any, name: str) -> Any:
        if value is None:
            return None
        tp = _optional_inner(tp)
        if name == "proposal_id" and type(value) is int:
            if not 0 <= value < len(self.proposals) or self.proposals[value] is None:
                raise SerializationError(f"proposal_id {value} is not the index of a proposal")
            return self.proposals[value]
        spans = _unpack_spans(tp, value)
        if spans is not None:
            return spans
        item = _tuple_item(tp)
        if item is not None and isinstance(value, list):
            return [self.value(v, item, name) for v in value]
        if isinstance(tp, type) and issubclass(tp, enum.Enum) and type(value) is int:
            return _enum_of_code(tp, value)
        if tp in _LISTS and type(value) is int and value >= self.lengths[tp]:
            return self.variant(tp, value - self.lengths[tp])
        if tp in ROWS and isinstance(value, list):
            return self.row(tp, value)
        if isinstance(tp, type) and attrs.has(tp):
            return self.obj(value, tp)
        return value

    def row(self, tp: type[Any], value: list[Any]) -> dict[str, Any]:
        """A class written as an array (``ROWS``) back to its fields."""
        names = ROWS[tp]
        if len(value) > len(names):
            raise SerializationError(
                f"a {tp.__name__} is an array of at most {len(names)} values, got {len(value)}"
            )
        hints = _hints(tp)
        pairs = zip(names[: len(value)], value, strict=True)
        return {f: self.value(v, hints[f], f) for f, v in pairs if v is not None}

    def variant(self, cls: type[Any], index: int) -> Any:
        key = (cls, index)
        if key in self.done:
            return self.done[key]
        table = self.variants[cls]
        if not isinstance(table, list) or index >= len(table):
            raise SerializationError(
                f"{index + self.lengths[cls]} is not the index of any of the article's "
                f"{_LISTS[cls]} or their variants ({VARIANTS[cls]})"
            )
        if key in self.busy:
            raise SerializationError(f"variant {index} of {VARIANTS[cls]} refers to itself")
        self.busy.add(key)
        self.done[key] = found = self.obj(table[index], cls)
        return found


def _pack_spans(tp: Any, value: Any) -> Any:
    """A span as ``[start, length]``, a list of spans as one flat list of (gap, length)
    pairs; None when ``value`` is neither."""
    if tp is Span:
        return [value[0], value[1] - value[0]] if _is_pair(value) else value
    if _tuple_item(tp) is Span and isinstance(value, list) and all(_is_pair(v) for v in value):
        flat: list[int] = []
        end = 0
        for start, stop in value:
            flat += [start - end, stop - start]
            end = stop
        return flat
    return None


def _unpack_spans(tp: Any, value: Any) -> Any:
    """``_pack_spans`` undone; None when ``value`` is not a packed span or span list."""
    if tp is Span:
        return [value[0], value[0] + value[1]] if _is_pair(value) else value
    if _tuple_item(tp) is Span and isinstance(value, list) and all(type(v) is int for v in value):
        return _pairs(value)
    return None


def _enum_of_code(tp: type[enum.Enum], code: int) -> Any:
    values = ENUM_CODES.get(tp, ())
    if not 0 <= code < len(values):
        raise SerializationError(f"{code} is not the code of any {tp.__name__}")
    return values[code]


def _slug(name: str) -> str:
    """ASCII letters and digits in lower case, every other run of characters one hyphen.

    Part of the format (an id is left out when it is the slug rule's): do not change it.
    """
    return _NOT_SLUG.sub("-", name).strip("-").lower()


def _default_id(cls: type[Any], value: Mapping[str, Any]) -> str | None:
    """The id format 3 assumes when a listed actor, territory or place has none: what the
    parsers give (``state:US``, ``person:donald-trump``, ``UA-43``, ``city:paris-fr``)."""
    name = value.get("name")
    if not isinstance(name, str):
        return None
    slug = _slug(name)
    if cls is Actor:
        kind = value.get("kind")
        if kind == "state":
            country = value.get("country")
            return f"state:{country}" if isinstance(country, str) else None
        prefix = "anon" if value.get("anonymous") is True else _ACTOR_PREFIX.get(str(kind))
        return f"{prefix}:{slug}" if prefix and slug else None
    code = value.get("code")
    if isinstance(code, str):
        return code
    parent = value.get("parent")
    if value.get("kind") == "city" and isinstance(parent, str) and slug:
        return f"city:{slug}-{parent.split('-', 1)[0].lower()}"
    return None


def _surfaces(value: Mapping[str, Any], text: str) -> list[str]:
    """The text at each of the object's mentions (format 2: ``[[start, end], ...]``)."""
    mentions = value.get("mentions")
    if not isinstance(mentions, list) or not all(_is_pair(m) for m in mentions):
        return []
    return [text[start:end] for start, end in mentions]


def _leave_out_names(cls: type[Any], value: Mapping[str, Any], text: str) -> dict[str, Any]:
    """``value`` without the id when it is ``_default_id``, without the name when it is the
    text at the first mention, and with a description or alias that is the text at a mention
    as that mention's index."""
    out = dict(value)
    surfaces = _surfaces(value, text)
    if "id" in out and out["id"] == _default_id(cls, value):
        del out["id"]
    if surfaces and out.get("name") == surfaces[0]:
        del out["name"]
    where = {surface: i for i, surface in reversed(list(enumerate(surfaces)))}
    description = out.get("description")
    if isinstance(description, str) and description in where:
        out["description"] = where[description]
    aliases = out.get("aliases")
    if isinstance(aliases, list) and any(a in where for a in aliases):
        out["aliases"] = [where.get(a, a) for a in aliases]
    return out


def _restore_names(cls: type[Any], out: dict[str, Any], text: str) -> None:
    """Undo ``_leave_out_names`` on unpacked (format-2) data."""
    surfaces = _surfaces(out, text)

    def at(index: Any) -> Any:
        if type(index) is not int:
            return index
        if not 0 <= index < len(surfaces):
            raise SerializationError(f"{index} is not the index of one of the mentions")
        return surfaces[index]

    if "name" not in out and surfaces:
        out["name"] = surfaces[0]
    if "description" in out:
        out["description"] = at(out["description"])
    if isinstance(out.get("aliases"), list):
        out["aliases"] = [at(a) for a in out["aliases"]]
    if "id" not in out:
        derived = _default_id(cls, out)
        if derived is not None:
            out["id"] = derived


def _point_in_span(value: Mapping[str, Any], text: str) -> Mapping[str, Any]:
    """``value`` with a cue or trigger that is the text somewhere in its span as ``[offset,
    length]`` from the span's start, where that is shorter."""
    span = value.get("span")
    if not _is_pair(span):
        return value
    out: dict[str, Any] | None = None
    for name in IN_SPAN:
        phrase = value.get(name)
        if not isinstance(phrase, str) or not phrase:
            continue
        offset = text.find(phrase, span[0], span[1])
        pair = [offset - span[0], len(phrase)]
        if offset >= 0 and len(json.dumps(pair)) - 1 < len(json.dumps(phrase, ensure_ascii=False)):
            out = dict(value) if out is None else out
            out[name] = pair
    return value if out is None else out


def _read_in_span(out: dict[str, Any], text: str) -> None:
    """Undo ``_point_in_span`` on unpacked (format-2) data."""
    span = out.get("span")
    for name in IN_SPAN:
        pair = out.get(name)
        if _is_pair(pair) and _is_pair(span):
            offset, length = pair
            if offset < 0 or length < 0 or span[0] + offset + length > span[1]:
                raise SerializationError(
                    f"{name} [{offset}, {length}] is not inside its object's span {list(span)}"
                )
            start = span[0] + offset
            out[name] = text[start : start + length]


def _length(value: Any) -> int:
    return len(value) if isinstance(value, list) else 0


def _pairs(flat: list[int]) -> list[list[int]]:
    if len(flat) % 2:
        raise SerializationError(
            f"a list of spans is [gap, length, ...], got {len(flat)} integers (an odd number)"
        )
    pairs: list[list[int]] = []
    end = 0
    for i in range(0, len(flat), 2):
        start = end + flat[i]
        end = start + flat[i + 1]
        pairs.append([start, end])
    return pairs


def pack(data: Mapping[str, Any]) -> dict[str, Any]:
    """Format 3 of an Article's format-2 compact data (what ``to_dict(a, compact=True)``
    returned before format 3).

    Example:
        >>> pack({"format": 2, "text": "Goma fell.",
        ...       "statements": [{"kind": "reported", "span": [0, 10]}]})
        {'format': 3, 't': 'Goma fell.', 'S': [{'k': 2, 's': [0, 10]}]}
    """
    return _Packer(data).article(data)


def unpack(data: Mapping[str, Any]) -> dict[str, Any]:
    """The format-2 compact data that format-3 ``data`` packs.

    Raises:
        SerializationError: an enum code, a variant or proposal index, or a flat list of spans
            that cannot be decoded.

    Example:
        >>> unpack({"format": 3, "t": "Goma fell.", "S": [{"k": 2, "s": [0, 10]}]})
        {'format': 2, 'text': 'Goma fell.', 'statements': [{'kind': 'reported', 'span': [0, 10]}]}
    """
    return _Unpacker(data).article(data)
