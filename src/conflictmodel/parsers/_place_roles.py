"""Why an article names a location that is not at issue: a dateline, the venue of a meeting,
the place of an event, an origin, or something else.

Split from [`conflictmodel.parsers.places`][conflictmodel.parsers.places], which re-exports
these names; the word lists are in ``data/territories_issue.json``.

Example:
    >>> place_role("Talks were held in Doha.", 0, 19, 23).value
    'venue'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from conflictmodel.errors import GazetteerError
from conflictmodel.model.places import PlaceRole
from conflictmodel.resources import load_data

__all__ = ["attack_words", "is_dateline", "place_role"]

_WORD = r"[A-Za-z][\w'’-]*"
# A dateline: "KYIV (Reuters) -", "Washington: ...", "Kyiv, 5 May", "KHARTOUM, Sudan (AP) —".
_DATELINE_AFTER = re.compile(
    r"\s{0,2}(?:[(—–:-]|,\s{0,2}(?:[A-Z][a-z]+\s{1,2})?\d"
    r"|,\s{0,2}[A-Z][\w.]{1,20}(?:\s[A-Z][\w.]{1,20})?\s{0,2}[(:—–-])"
)


def _strings(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise GazetteerError(f"territories_issue.json: {key!r} must be a list of strings")
    return tuple(value)


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
            "origin_verbs",
            "modifiers",
        )
    }


_WORDS_BEFORE = re.compile(_WORD)


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

    The state or region after a city in capitals is part of it ("YEREVAN, Armenia —").

    Example:
        >>> is_dateline("KHARTOUM, Sudan (AP) — The army said.", 0, 8)
        True
        >>> is_dateline("KHARTOUM, Sudan (AP) — The army said.", 10, 15)
        True
    """
    # Only the first words of a line can open it: look back a bounded distance (linear time
    # on a text of one long line).
    lo = max(0, start - 40)
    nl = text.rfind("\n", lo, start)
    if nl < 0 and lo > 0:
        return False
    head = text[nl + 1 : start]
    if head.strip() and not _DATELINE_CITY.fullmatch(head):
        return False
    return _DATELINE_AFTER.match(text, end, min(len(text), end + 40)) is not None


# "YEREVAN, " before the state of a dateline; "NEW " before "DELHI".
_DATELINE_CITY = re.compile(r"\s*(?:[A-Z][A-Z'’. -]{1,30},\s{1,2}|(?:[A-Z][A-Z'’.-]+\s){1,2})")


def _verb_role(word: str, rw: Mapping[str, frozenset[str]]) -> PlaceRole | None:
    """The role a verb right before the name gives it: "drones struck Sumy" (the place of an
    event), "thousands fled Khartoum" (an origin)."""
    if word in rw["attack_words"]:
        return PlaceRole.EVENT_LOCATION
    if word in rw["origin_verbs"]:
        return PlaceRole.ORIGIN
    return None


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
        >>> place_role("Thousands fled Kherson.", 0, 15, 22).value
        'origin'
    """
    if is_dateline(text, start, end):
        return PlaceRole.DATELINE
    raw = _WORDS_BEFORE.findall(text, max(floor, start - 90), start)
    rw = _role_words()
    if (
        len(raw) == 1
        and raw[0].casefold() in rw["event_preps"]
        and start - floor < 90
        and _event_after(text, floor, start, end, True)
    ):
        return PlaceRole.EVENT_LOCATION  # "In Hebron, settlers set fire to cars"
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
    by_verb = _verb_role(prep, rw)
    if by_verb is not None:
        return by_verb
    if prep in rw["event_preps"] and _event_after(text, floor, start, end, False):
        return PlaceRole.EVENT_LOCATION
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


# ", where a substation was hit": a relative clause saying what happened at the place.
_WHERE = re.compile(r"\s*,\s+where\s")
_CLAUSE_END = re.compile(r"[.;:!?\n]")


def _event_after(text: str, floor: int, start: int, end: int, opens: bool) -> bool:
    """Whether the clause after the name says what happened there: the name opens its
    sentence after a preposition ("In Hebron, settlers set fire to cars") or a "where"
    clause follows it ("the city of Lviv, where a substation was hit")."""
    if not opens:
        where = _WHERE.match(text, end, min(len(text), end + 12))
        if where is None:
            return False
        end = where.end()
    elif _WHERE.match(text, end, end + 12):
        return False  # "In Srinagar, where I grew up, ...": the main clause is further on
    stop = _CLAUSE_END.search(text, end, min(len(text), end + 100))
    clause = _WORDS_BEFORE.findall(text, end, stop.start() if stop else min(len(text), end + 100))
    return any(w.casefold() in _role_words()["attack_words"] for w in clause)
