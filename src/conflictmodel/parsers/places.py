"""Whether a location the text names is at issue, and if not, why the text names it.

The ``territories`` stage asks two questions of every location it finds, both answered from
the words around the mention (the cue lists are in ``data/territories_issue.json``):

* [`issue_cue`][conflictmodel.parsers.places.IssueCues.issue_cue]: is the territory *at issue*
  here: occupied, annexed, claimed, to be ceded, recognised, withdrawn from, captured or
  liberated, or its sovereignty, integrity or status discussed?  The answer is a tier:
  ``"sovereignty"`` (the state it belongs to is at issue too), ``"military"`` (only the
  territory), or None.
* [`place_role`][conflictmodel.parsers.places.place_role]: if not, is it a dateline, the venue
  of a meeting, the location of an event, an origin, or something else?

Example:
    >>> cues = IssueCues.default()
    >>> t = "Russia annexed Crimea. Talks were held in Doha."
    >>> cues.issue_cue(t, 0, 15, 21), cues.issue_cue(t, 23, 42, 46)
    ('sovereignty', None)
    >>> place_role(t, 23, 42, 46).value
    'venue'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import attrs

from conflictmodel.errors import GazetteerError
from conflictmodel.model.places import PlaceRole
from conflictmodel.resources import load_data

__all__ = [
    "MILITARY",
    "SOVEREIGNTY",
    "IssueCues",
    "attack_words",
    "is_dateline",
    "place_role",
    "stronger",
]

SOVEREIGNTY = "sovereignty"
"""Tier of a cue that puts the territory's state at issue too (annexed, occupied, ceded)."""
MILITARY = "military"
"""Tier of a cue that puts only the territory at issue (captured, liberated, incursion)."""

_WINDOW = 120
_MAX_GAP = 6
_OBJECT = "object"
_OBJECT_MILITARY = "object_military"
_GAP_TOKEN = re.compile(r"[A-Z][\w.’'-]*|\d+%?")
_WORD = r"[A-Za-z][\w'’-]*"
# A dateline: "KYIV (Reuters) -", "Washington: ...", "Kyiv, 5 May", "KHARTOUM, Sudan (AP) —".
_DATELINE_AFTER = re.compile(
    r"\s{0,2}(?:[(—–:-]|,\s{0,2}(?:[A-Z][a-z]+\s{1,2})?\d"
    r"|,\s{0,2}[A-Z][\w.]{1,20}(?:\s[A-Z][\w.]{1,20})?\s{0,2}[(:—–-])"
)


def stronger(a: str | None, b: str | None) -> str | None:
    """The stronger of two tiers (sovereignty over military over None).

    Example:
        >>> stronger("military", "sovereignty"), stronger(None, "military"), stronger(None, None)
        ('sovereignty', 'military', None)
    """
    if SOVEREIGNTY in (a, b):
        return SOVEREIGNTY
    return a or b


def _alternation(words: Iterable[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )


def _strings(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise GazetteerError(f"territories_issue.json: {key!r} must be a list of strings")
    return tuple(value)


@attrs.frozen(kw_only=True)
class IssueCues:
    """The cue lists that decide whether a mention is at issue, compiled once.

    Build it from a mapping shaped like ``data/territories_issue.json`` (missing keys are
    empty); [`default`][conflictmodel.parsers.places.IssueCues.default] is the shipped one.

    Example:
        >>> cues = IssueCues.from_mapping({"before_sovereignty": ["hand back"]})
        >>> text = "They will hand back Eastland."
        >>> cues.issue_cue(text, 0, 20, 28)
        'sovereignty'
    """

    data: Mapping[str, Any] = attrs.field(repr=False)
    _cue_of: dict[str, str] = attrs.field(init=False, repr=False)
    _max_cue: int = attrs.field(init=False, repr=False)
    _gap_words: frozenset[str] = attrs.field(init=False, repr=False)
    _after: re.Pattern[str] = attrs.field(init=False, repr=False)
    _list_gap: re.Pattern[str] = attrs.field(init=False, repr=False)
    _sentence: re.Pattern[str] | None = attrs.field(init=False, repr=False)
    _possessed: frozenset[str] = attrs.field(init=False, repr=False)
    _collective: re.Pattern[str] | None = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        d = self.data
        gap = _alternation(_strings(d, "gap_words")) or "(?!)"
        # Between a cue and the name: listed gap words, capitalised words ("Russia's", "the
        # Ukrainian region of"), numbers; never punctuation, so the cue governs the name.
        gap_tok = rf"(?:(?i:{gap})|[A-Z][\w.’'-]*|\d+%?)"
        # Cues before a name are looked up word by word from the name backwards (a dict of
        # phrases), not searched for: a window costs a few lookups, not a regex per offset.
        cue_of: dict[str, str] = {}
        for key, group in (
            ("before_military", MILITARY),
            ("before_object", _OBJECT),
            ("before_object_military", _OBJECT_MILITARY),
            ("before_sovereignty", SOVEREIGNTY),
        ):
            for phrase in _strings(d, key):
                cue_of[" ".join(phrase.casefold().split())] = group
        object.__setattr__(self, "_cue_of", cue_of)
        object.__setattr__(self, "_max_cue", max((len(k.split()) for k in cue_of), default=0))
        object.__setattr__(
            self, "_gap_words", frozenset(w.casefold() for w in _strings(d, "gap_words"))
        )
        after_sov = "|".join(f"(?:{p})" for p in _strings(d, "after_sovereignty")) or "(?!)"
        after_mil = "|".join(f"(?:{p})" for p in _strings(d, "after_military")) or "(?!)"
        after = rf"(?i:(?P<sov>{after_sov})|(?P<mil>{after_mil}))"
        list_gap = (
            rf"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as\s+well\s+as\s+|\s*&\s*"
            rf"|(?:['’]s?\s+\w+)?\s*,?\s+(?:including|such\s+as|notably|especially|in\s+particular)\s+)"
            rf"(?:{gap_tok}\s+){{0,5}}$"
        )
        sentence = _alternation(_strings(d, "sentence_cues"))
        collective = _alternation(_strings(d, "collective_nouns"))
        object.__setattr__(
            self, "_collective", re.compile(rf"\b(?:{collective})\b") if collective else None
        )
        object.__setattr__(
            self,
            "_possessed",
            frozenset(w.casefold() for w in _strings(d, "possessed_place_nouns")),
        )
        try:
            object.__setattr__(self, "_after", re.compile(after))
            object.__setattr__(self, "_list_gap", re.compile(list_gap))
            object.__setattr__(
                self, "_sentence", re.compile(rf"\b(?i:{sentence})\b") if sentence else None
            )
        except re.error as exc:
            raise GazetteerError(f"territories_issue.json: bad pattern: {exc}") from None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> IssueCues:
        """Cue lists from a mapping (see the class example)."""
        if not isinstance(data, Mapping):
            raise GazetteerError("issue cues must be a JSON object of lists")
        return cls(data=data)

    @classmethod
    def default(cls) -> IssueCues:
        """The shipped cue lists, compiled once per process.

        Example:
            >>> IssueCues.default() is IssueCues.default()
            True
        """
        return _default_cues()

    def issue_cue(self, text: str, floor: int, start: int, end: int) -> str | None:
        """The tier of the cue that puts ``text[start:end]`` at issue, or None; ``floor`` is
        where its sentence starts (a cue never reaches across it).

        Example:
            >>> cues = IssueCues.default()
            >>> t = "Ukraine's territorial integrity matters; the Kursk incursion went on."
            >>> cues.issue_cue(t, 0, 0, 7), cues.issue_cue(t, 0, 45, 50)
            ('sovereignty', 'military')
        """
        window = text[max(floor, start - _WINDOW) : start]
        # A listed name may hold its cue ("occupied West Bank").
        group = self._cue_before(window) or self._cue_in_name(text[start:end])
        if group and not self._possessor(text, end) and not self._complement(text, group, end):
            return MILITARY if group in (MILITARY, _OBJECT_MILITARY) else SOVEREIGNTY
        a = self._after.match(text, end, min(len(text), end + _WINDOW))
        if a:
            return SOVEREIGNTY if a.group("sov") else MILITARY
        return None

    def _possessor(self, text: str, end: int) -> bool:
        """Whether the name ending at ``end`` possesses something other than a place ("Russia's
        control"): then a cue before it governs the possessed noun, not the name."""
        m = _POSSESSED.match(text, end, min(len(text), end + 40))
        return bool(m and m.group(1).casefold() not in self._possessed)

    def _is_gap(self, tok: str) -> bool:
        return tok.casefold() in self._gap_words or bool(_GAP_TOKEN.fullmatch(tok))

    def _cue_at(self, toks: list[str], end: int) -> str | None:
        """The group of a cue phrase made of the tokens ending before index ``end``."""
        for n in range(1, min(self._max_cue, end) + 1):
            phrase = " ".join(toks[end - n : end]).casefold()
            group = self._cue_of.get(phrase)
            if group is None and n == 1 and "-" in phrase:
                group = self._cue_of.get(phrase.rsplit("-", 1)[1])  # "Russian-occupied"
            if group is not None:
                return group
        return None

    def _cue_before(self, window: str) -> str | None:
        """The group of the cue that ends the window, after at most six gap tokens."""
        if not window or not window[-1].isspace():
            return None
        toks = window.split()
        n = len(toks)
        for k in range(min(_MAX_GAP, n) + 1):
            if k and not self._is_gap(toks[n - k]):
                return None
            group = self._cue_at(toks, n - k)
            if group is not None:
                return group
        return None

    def _cue_in_name(self, name: str) -> str | None:
        toks = name.split()
        for n in range(1, min(self._max_cue, len(toks) - 1) + 1):
            group = self._cue_of.get(" ".join(toks[:n]).casefold())
            if group is not None and all(self._is_gap(t) for t in toks[n:]):
                return group
        return None

    def _complement(self, text: str, group: str, end: int) -> bool:
        """Whether a verb cue that takes an object clause ("claims", "controls") is followed by
        one: "Russia claims Ukraine shelled it" does not put Ukraine at issue."""
        if group not in (_OBJECT, _OBJECT_MILITARY):
            return False
        return _OBJECT_END.match(text, end, min(len(text), end + 40)) is None

    def continues_list(self, text: str, prev_end: int, start: int) -> bool:
        """Whether ``text[prev_end:start]`` only joins two names of one list (", and the
        eastern regions of").

        Example:
            >>> t = "annexed Crimea and the regions of Donetsk, Luhansk"
            >>> c = IssueCues.default()
            >>> c.continues_list(t, 14, 34), c.continues_list(t, 41, 43)
            (True, True)
        """
        if start - prev_end > 60 or start < prev_end:
            return False
        return self._list_gap.match(text[prev_end:start]) is not None

    def collective_cue(self, text: str, start: int, end: int) -> str | None:
        """The tier of a cue that governs a plural place noun in ``text[start:end]`` (a
        sentence): "annexed four regions", "the occupied territories"; the regions the
        sentence names are the ones meant.

        Example:
            >>> t = "Russia annexed four regions: Donetsk, Luhansk, Zaporizhzhia and Kherson."
            >>> IssueCues.default().collective_cue(t, 0, len(t))
            'sovereignty'
        """
        if self._collective is None:
            return None
        tier: str | None = None
        for m in self._collective.finditer(text, start, end):
            group = self._cue_before(text[max(start, m.start() - _WINDOW) : m.start()])
            if group is not None:
                military = group in (MILITARY, _OBJECT_MILITARY)
                tier = stronger(tier, MILITARY if military else SOVEREIGNTY)
        return tier

    def sentence_cue(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` (a sentence) has a phrase that puts its countries at
        issue ("the reunification of the island", "a divided country").

        Example:
            >>> IssueCues.default().sentence_cue("Talks on reunification resume.", 0, 30)
            True
        """
        return bool(self._sentence and self._sentence.search(text, start, end))


@cache
def _default_cues() -> IssueCues:
    return IssueCues.from_mapping(load_data("territories_issue.json"))


@cache
def _role_words() -> dict[str, frozenset[str]]:
    d = load_data("territories_issue.json")
    return {
        k: frozenset(w.casefold() for w in _strings(d, k))
        for k in (
            "venue_words",
            "attack_words",
            "displacement_words",
            "venue_preps",
            "event_preps",
            "origin_preps",
            "modifiers",
        )
    }


_WORDS_BEFORE = re.compile(_WORD)
# What may follow the object of a verb cue that also takes a clause ("claims Kashmir in
# full", "claims Taiwan as its own", "controls Sanaa."), unlike "claims Ukraine shelled it".
_OBJECT_END = re.compile(
    r"(?:\s+(?:region|regions|oblast|oblasts|province|provinces|state|territory|territories"
    r"|area|areas|land|lands|soil|peninsula|strip|enclave|city|town))?"
    r"(?:['’]s?\s+\w+|\s*(?:[.,;:)!?\]—–]|$)|\s+(?:in|as|and|or|from|by|since|until|after|before"
    r"|with|for|at|on|under|but|while|which|whose|part|outright|entirely|fully|too|also|again"
    r"|now|still|back|completely|largely|partly|partially|last|this|earlier|later|overnight)\b)"
)
_POSSESSED = re.compile(r"['’]s?\s{1,3}(?:[a-z-]+ly\s{1,3})?([A-Za-z-]+)")


def attack_words() -> frozenset[str]:
    """The attack words of ``territories_issue.json`` (folded): after one, a name is where
    something happened ("drones struck Sumy").

    Example:
        >>> "shelled" in attack_words()
        True
    """
    return _role_words()["attack_words"]


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` opens a line as a dateline ("KYIV (AP) —").

    Example:
        >>> is_dateline("KHARTOUM, Sudan (AP) — The army said.", 0, 8)
        True
    """
    # Only the first words of a line can open it: look back a bounded distance (linear time
    # on a text of one long line).
    lo = max(0, start - 40)
    nl = text.rfind("\n", lo, start)
    if nl < 0 and lo > 0:
        return False
    if text[nl + 1 : start].strip():
        return False
    return _DATELINE_AFTER.match(text, end, min(len(text), end + 40)) is not None


def place_role(text: str, floor: int, start: int, end: int) -> PlaceRole:
    """Why the text names the location at ``text[start:end]`` (``floor``: where its sentence
    starts), from the preposition before it and the nearest meeting, attack or displacement
    word before that.

    Example:
        >>> t = "Refugees fled from Khartoum after strikes on Omdurman."
        >>> place_role(t, 0, 18, 26).value, place_role(t, 0, 44, 52).value
        ('origin', 'event_location')
        >>> place_role("KYIV (Reuters) - Talks stalled.", 0, 0, 4).value
        'dateline'
    """
    if is_dateline(text, start, end):
        return PlaceRole.DATELINE
    raw = _WORDS_BEFORE.findall(text, max(floor, start - 90), start)
    rw = _role_words()
    # Between the preposition and the name: "the", "northern", "Russia's" ("in Russia's
    # Belgorod region", "across the Gaza Strip").
    skipped = 0
    while raw and skipped < 3 and (raw[-1][0].isupper() or raw[-1].casefold() in rw["modifiers"]):
        raw.pop()
        skipped += 1
    words = [w.casefold() for w in raw]
    if not words:
        return PlaceRole.OTHER
    prep = words[-1]
    if prep in rw["attack_words"]:
        return PlaceRole.EVENT_LOCATION  # "shelling hit Zaporizhzhia", "drones struck Sumy"
    nearest = None
    for w in reversed(words[:-1]):
        for kind in ("venue_words", "attack_words", "displacement_words"):
            if w in rw[kind]:
                nearest = kind
                break
        if nearest:
            break
    if prep in rw["origin_preps"] and nearest in ("displacement_words", "attack_words"):
        return PlaceRole.ORIGIN
    if prep in rw["venue_preps"] and nearest == "venue_words":
        return PlaceRole.VENUE
    if prep in rw["event_preps"] and nearest == "attack_words":
        return PlaceRole.EVENT_LOCATION
    return PlaceRole.OTHER
