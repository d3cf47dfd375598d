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
from conflictmodel.parsers._place_roles import (
    _role_words,
    _strings,
    attack_words,
    is_dateline,
    place_role,
)
from conflictmodel.resources import load_data

__all__ = [
    "MILITARY",
    "SOVEREIGNTY",
    "IssueCues",
    "attack_words",
    "is_dateline",
    "place_role",
    "stronger",
    "verb_forms",
]

SOVEREIGNTY = "sovereignty"
"""Tier of a cue that puts the territory's state at issue too (annexed, occupied, ceded)."""
MILITARY = "military"
"""Tier of a cue that puts only the territory at issue (captured, liberated, incursion)."""

_WINDOW = 120
_MAX_GAP = 6
_OBJECT = "object"
_OBJECT_MILITARY = "object_military"
_REGION = "region"
_CONTROL_IN = "control_in"
_POSSESSIVE_ONLY = "possessive"
# Place nouns after which "in" still leads to the object of the cue ("villages in Tavush").
_PARTS = frozenset(
    {
        "villages",
        "towns",
        "areas",
        "parts",
        "territories",
        "territory",
        "districts",
        "cities",
        "positions",
        "points",
        "hilltops",
        "outposts",
        "bases",
        "land",
        "lands",
        "farmland",
        "settlements",
    }
)
_ADJECTIVE_GROUP = {_OBJECT: SOVEREIGNTY, _OBJECT_MILITARY: MILITARY}
_SUBJECT_SOV = "subject_sovereignty"
_SUBJECT_MIL = "subject_military"
_PLACE_NOUN_AFTER = re.compile(
    r"\s{1,3}(?:region|regions|oblast|oblasts|province|provinces|area|areas|territory"
    r"|territories|peninsula|island|islands|district|districts|governorate|state|states|enclave"
    r"|exclave|strip|valley|heights)\b"
)
# ", a region of 160,000 people," / ", which includes Luhansk region," before the verb.
_APPOSITION = re.compile(r",\s{1,3}(?:an?|the|which|who|whose|home\s+to)\s[^,.;:()\n]{1,80},(?=\s)")
_OVER = re.compile(r"\s{1,3}(?:over|of)\b")
_DETERMINERS = frozenset({"the", "a", "an"})
_MILITARY_GROUPS = frozenset({MILITARY, _OBJECT_MILITARY, _REGION, _CONTROL_IN, "subject_military"})
# Capitalised words, also the names of a list the gazetteer does not know ("captured Siversk,
# Huliaipole and Kupiansk"), and numbers.
_GAP_TOKEN = re.compile(r"[A-Z][\w.’'-]*,?|\d+%?")
_WORD = r"[A-Za-z][\w'’-]*"


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
    _control_subjects: frozenset[str] = attrs.field(init=False, repr=False)
    _own_nouns: frozenset[str] = attrs.field(init=False, repr=False)
    _auxiliaries: frozenset[str] = attrs.field(init=False, repr=False)
    _transfer: frozenset[str] = attrs.field(init=False, repr=False)
    _collective_after: re.Pattern[str] | None = attrs.field(init=False, repr=False)
    _own_sovereignty: re.Pattern[str] | None = attrs.field(init=False, repr=False)
    _cession: re.Pattern[str] | None = attrs.field(init=False, repr=False)
    _country_sovereignty: re.Pattern[str] | None = attrs.field(init=False, repr=False)
    _recognised_hold: re.Pattern[str] | None = attrs.field(init=False, repr=False)
    _mutual: re.Pattern[str] | None = attrs.field(init=False, repr=False)
    _anaphor: re.Pattern[str] | None = attrs.field(init=False, repr=False)
    disputed: frozenset[str] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        d = self.data
        irregular = _irregulars(d)
        cue_of = _cue_table(d, irregular)
        fields: dict[str, Any] = {
            "_cue_of": cue_of,
            "_max_cue": max((len(k.split()) for k in cue_of), default=0),
            **_word_sets(d, irregular),
        }
        try:
            fields.update(_patterns(d, irregular))
        except re.error as exc:
            raise GazetteerError(f"territories_issue.json: bad pattern: {exc}") from None
        for name, value in fields.items():
            object.__setattr__(self, name, value)

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

    def issue_cue(
        self, text: str, floor: int, start: int, end: int, *, country: bool = False
    ) -> str | None:
        """The tier of the cue that puts ``text[start:end]`` at issue, or None; ``floor`` is
        where its sentence starts (a cue never reaches across it).  For a ``country``, cues
        that only make a region the matter of a dispute ("the future of") do not count.

        Example:
            >>> cues = IssueCues.default()
            >>> t = "Ukraine's territorial integrity matters; the Kursk incursion went on."
            >>> cues.issue_cue(t, 0, 0, 7), cues.issue_cue(t, 0, 45, 50)
            ('sovereignty', 'military')
            >>> t = "Talks on the future of Kirkuk and the future of Iraq."
            >>> cues.issue_cue(t, 0, 23, 29), cues.issue_cue(t, 0, 48, 52, country=True)
            ('military', None)
        """
        lo = max(floor, start - _WINDOW)
        window = text[lo:start]
        # A listed name may hold its cue ("occupied West Bank").
        group = self._cue_before(window) or self._cue_in_name(text[start:end])
        if group == _CONTROL_IN and not self._control_subject(window):
            group = None
        if group in (_SUBJECT_SOV, _SUBJECT_MIL) and not self._verb_subject(
            window, sovereignty=group == _SUBJECT_SOV
        ):
            group = None
        if group == _REGION and country:
            group = None
        if group == _POSSESSIVE_ONLY and not self._owned(text, end):
            group = None
        if group and not self._possessor(text, end) and not self._complement(text, group, end):
            return MILITARY if group in _MILITARY_GROUPS else SOVEREIGNTY
        hi = min(len(text), end + _WINDOW)
        # "the Kherson region, which Russia claims": the cue after the place noun.
        noun = _PLACE_NOUN_AFTER.match(text, end, hi)
        a = self._after.match(text, noun.end() if noun else end, hi)
        if a is None and noun:
            a = self._after.match(text, end, hi)
        if a is None:
            # "Transnistria, a sliver of land on the Dniester, has been run by separatists":
            # the cue after an appositive or a relative clause set off by commas.
            apposition = _APPOSITION.match(text, end, hi)
            if apposition:
                a = self._after.match(text, apposition.end(), hi)
        if a:
            return SOVEREIGNTY if a.group("sov") else MILITARY
        return None

    def _control_subject(self, window: str) -> bool:
        """Whether the verb of a "held in" cue that ends ``window`` has a subject that holds
        ground ("they held in", "M23 seized in"), not a meeting ("talks held in")."""
        toks = window.split()
        while toks and toks[-1].casefold() != "in" and self._is_gap(toks[-1]):
            toks.pop()
        if len(toks) < 3 or toks[-1].casefold() != "in":
            return False
        subject = toks[-3].strip(",;:").casefold()
        if subject in _role_words()["venue_words"]:
            return False  # "Talks held in Doha", even at the start of a sentence
        return toks[-3][:1].isupper() or subject in self._control_subjects

    def _verb_subject(self, window: str, *, sovereignty: bool) -> bool:
        """Whether the verb of a subject-gated cue ("keep", "leave") that ends ``window``, after
        its gap words, has a subject that can hold ground: "Russia would keep", "troops leave",
        "allow Moscow to retain"; not "Zelensky's plane left"."""
        toks = window.split()
        while toks and self._is_gap(toks[-1]) and self._cue_of.get(toks[-1].casefold()) is None:
            toks.pop()
        if len(toks) < 2:
            return False
        k = len(toks) - 2
        while k >= 0 and toks[k].casefold() in self._auxiliaries:
            k -= 1
        if k < 0:
            return False
        subject = toks[k].strip(",;:")
        if subject.casefold() in self._control_subjects:
            return True
        # A name may be a person ("Zelensky left Kyiv"): only for the verbs of sovereignty.
        return sovereignty and subject[:1].isupper()

    def own_sovereignty(self, text: str, start: int, end: int) -> int | None:
        """Where ``text[start:end]`` (a sentence) speaks of its subject's own sovereignty ("a
        threat to its sovereignty", "restore the country's territorial integrity"): the offset
        of that phrase, or None.  The state named first in the sentence is the one meant.

        Example:
            >>> t = "Guyana called the move a threat to its sovereignty."
            >>> IssueCues.default().own_sovereignty(t, 0, len(t))
            35
        """
        if self._own_sovereignty is None:
            return None
        m = self._own_sovereignty.search(text, start, end)
        return m.start() if m else None

    def cession(self, text: str, start: int, end: int) -> int | None:
        """Where ``text[start:end]`` (a sentence) speaks of a state giving up land ("require
        Ukraine to cede territory", "would never give up its land"): the offset of the verb, or
        None.  The state named last before it is the one meant.

        Example:
            >>> t = "Russia wants Ukraine to give up territory."
            >>> IssueCues.default().cession(t, 0, len(t))
            24
        """
        if self._cession is None:
            return None
        m = self._cession.search(text, start, end)
        return m.start() if m else None

    def country_sovereignty(self, text: str) -> list[int]:
        """Offsets of the phrases about the sovereignty of "the country" ("would never accept
        the balkanisation of the country"), in text order: one search over the text.

        Example:
            >>> t = "He rejected the partition of the country."
            >>> IssueCues.default().country_sovereignty(t)
            [12]
        """
        if self._country_sovereignty is None:
            return []
        return [m.start() for m in self._country_sovereignty.finditer(text)]

    def mutual_sovereignty(self, text: str, start: int, end: int) -> int | None:
        """Where ``text[start:end]`` (a sentence) speaks of the sovereignty of several states
        at once ("recognise each other's territorial integrity"): the offset of that phrase,
        or None.  The states named in the sentence (or, if it names fewer than two, in the
        sentence before) are the ones meant.

        Example:
            >>> t = "The two states agreed to respect each other's borders."
            >>> IssueCues.default().mutual_sovereignty(t, 0, len(t))
            33
        """
        if self._mutual is None:
            return None
        m = self._mutual.search(text, start, end)
        return m.start() if m else None

    def anaphors(self, text: str) -> list[tuple[int, int]]:
        """Spans of the place nouns that stand for a territory named earlier ("the territory",
        "the disputed enclave"; not "the region of Kursk"), in text order.

        Example:
            >>> t = "Both states claim the disputed territory; the region of Kursk is calm."
            >>> [t[s:e] for s, e in IssueCues.default().anaphors(t)]
            ['territory']
        """
        if self._anaphor is None:
            return []
        return [m.span("noun") for m in self._anaphor.finditer(text)]

    def _possessor(self, text: str, end: int) -> bool:
        """Whether the name ending at ``end`` possesses something other than a place ("Russia's
        control"): then a cue before it governs the possessed noun, not the name."""
        m = _POSSESSED.match(text, end, min(len(text), end + 40))
        if m is None:
            return False
        if m.group(1).casefold() not in self._possessed:
            return True
        # "recognition of Morocco's sovereignty over Western Sahara": the claimant.
        return _OVER.match(text, m.end(), min(len(text), m.end() + 12)) is not None

    def _owned(self, text: str, end: int) -> bool:
        """Whether the name ending at ``end`` is followed by a possessive and a noun of its own
        sovereignty ("Ukraine's borders", "Georgia's territorial integrity")."""
        m = _POSSESSED.match(text, end, min(len(text), end + 40))
        return bool(m and m.group(1).casefold() in self._own_nouns)

    def _is_gap(self, tok: str) -> bool:
        return tok.casefold() in self._gap_words or bool(_GAP_TOKEN.fullmatch(tok))

    def _cue_at(self, toks: list[str], end: int) -> tuple[str, str] | None:
        """(group, phrase) of a cue phrase made of the tokens ending before index ``end``."""
        for n in range(1, min(self._max_cue, end) + 1):
            phrase = " ".join(toks[end - n : end]).casefold()
            group = self._cue_of.get(phrase)
            if group is None and n == 1 and "-" in phrase:
                phrase = phrase.rsplit("-", 1)[1]  # "Russian-occupied"
                group = self._cue_of.get(phrase)
                # "Russian-controlled Mariupol": an adjective, never a verb with a clause.
                group = _ADJECTIVE_GROUP.get(group, group) if group else None
            if group is not None:
                return group, phrase
        return None

    def _match_before(self, window: str) -> tuple[str, str] | None:
        """(group, phrase) of the cue that ends the window, after at most six gap tokens."""
        if not window or not window[-1].isspace():
            return None
        toks = window.split()
        n = len(toks)
        for k in range(min(_MAX_GAP, n) + 1):
            # "towns such as Kramatorsk": "as" is a gap word only after "such".
            if k and not self._is_gap(toks[n - k]) and not self._such_as(toks, n - k):
                return None
            found = self._cue_at(toks, n - k)
            if found is not None:
                return found
        return None

    def _such_as(self, toks: list[str], i: int) -> bool:
        """ "towns such as Kramatorsk"; "four villages in the Tavush region": "as" after
        "such", "in" after a plural place noun of the gap list, are gap words too."""
        if i <= 0:
            return False
        word, prev = toks[i].casefold(), toks[i - 1].casefold()
        if word == "as":
            return prev == "such"
        return word == "in" and prev in self._gap_words and prev in _PARTS

    def _cue_before(self, window: str) -> str | None:
        """The group of the cue that ends the window, after at most six gap tokens."""
        found = self._match_before(window)
        return found[0] if found else None

    def transfers(self, text: str, floor: int, start: int) -> bool:
        """Whether the cue before the name at ``start`` moves it from one state to another
        (recognised, ceded, annexed, breakaway; ``state_cues``): then the state it belongs to
        is at issue too, where the text names it.

        Example:
            >>> t = "Kyiv will never recognise Crimea. Russia captured Avdiivka."
            >>> cues = IssueCues.default()
            >>> cues.transfers(t, 0, 26), cues.transfers(t, 34, 51)
            (True, False)

        Recognising another state's hold on it moves it too ("recognise Russia's control
        over Crimea"; ``recognised_hold``).

            >>> t = "He may recognise Russia's occupation of Crimea."
            >>> cues.transfers(t, 0, 40)
            True
        """
        window = text[max(floor, start - _WINDOW) : start]
        found = self._match_before(window)
        if found is None:
            return False
        if found[1] in self._transfer:
            return True
        return self._recognised_hold is not None and bool(self._recognised_hold.search(window))

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
            if group is not None and group != _CONTROL_IN:
                military = group in _MILITARY_GROUPS
                tier = stronger(tier, MILITARY if military else SOVEREIGNTY)
            elif self._collective_after is not None:
                # "the four regions Russia claims", "the areas that rebels seized"
                a = self._collective_after.match(text, m.end(), min(end, m.end() + _WINDOW))
                if a:
                    tier = stronger(tier, SOVEREIGNTY if a.group("sov") else MILITARY)
        return tier

    def sentence_cue(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` (a sentence) has a phrase that puts its countries at
        issue ("the reunification of the island", "a divided country").

        Example:
            >>> IssueCues.default().sentence_cue("Talks on reunification resume.", 0, 30)
            True
        """
        return bool(self._sentence and self._sentence.search(text, start, end))


def _irregulars(d: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    raw = d.get("irregular_verbs", {})
    if not isinstance(raw, Mapping) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(f, str) for f in v)
        for k, v in raw.items()
    ):
        raise GazetteerError("territories_issue.json: 'irregular_verbs' must map verbs to lists")
    return {k.casefold(): tuple(f.casefold() for f in v) for k, v in raw.items()}


def verb_forms(
    phrase: str, irregular: Mapping[str, tuple[str, ...]] | None = None
) -> tuple[str, ...]:
    """The inflected forms of a verb phrase (its first word inflected, the rest kept): the
    lemma, third person, past and participles, with regular English spelling rules unless
    ``irregular`` lists the verb's forms.

    Example:
        >>> verb_forms("occupy")
        ('occupy', 'occupies', 'occupied', 'occupying')
        >>> verb_forms("withdraw from", {"withdraw": ("withdraws", "withdrew", "withdrawn")})
        ('withdraw from', 'withdraws from', 'withdrew from', 'withdrawn from', 'withdrawing from')
    """
    words = phrase.casefold().split()
    if not words:
        return ()
    verb, rest = words[0], words[1:]
    forms: list[str] = [verb]
    if irregular and verb in irregular:
        forms += irregular[verb]
    elif verb.endswith("e") and not verb.endswith("ee"):
        forms += [verb + "s", verb + "d"]
    elif len(verb) > 2 and verb.endswith("y") and verb[-2] not in "aeiou":
        forms += [verb[:-1] + "ies", verb[:-1] + "ied"]
    elif verb.endswith(("s", "x", "z", "sh", "ch")):
        forms += [verb + "es", verb + "ed"]
    else:
        forms += [verb + "s", verb + "ed"]
    if not any(f.endswith("ing") for f in forms[1:]):
        stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
        forms.append(stem + "ing")
    tail = (" " + " ".join(rest)) if rest else ""
    return tuple(dict.fromkeys(f + tail for f in forms))


@cache
def _default_cues() -> IssueCues:
    return IssueCues.from_mapping(load_data("territories_issue.json"))


# What may follow the object of a verb cue that also takes a clause ("claims Kashmir in
# full", "claims Taiwan as its own", "controls Sanaa."), unlike "claims Ukraine shelled it".
_OBJECT_END = re.compile(
    r"(?:\s+(?:region|regions|oblast|oblasts|province|provinces|state|territory|territories"
    r"|area|areas|land|lands|soil|peninsula|strip|enclave|city|town))?"
    r"(?:['’]s?\s+\w+|\s*(?:[.,;:)!?\]—–]|$)|\s+(?:in|as|and|or|from|by|since|until|after|before"
    r"|with|for|at|on|under|but|while|which|whose|part|outright|entirely|fully|too|also|again"
    r"|now|still|back|completely|largely|partly|partially|last|this|earlier|later|overnight)\b"
    # "considers Taiwan a breakaway province": an object complement, not a clause.
    r"|\s+(?:an?|its|their)\s+(?:[\w-]+\s+){0,2}(?:province|region|territory|part|state|land)\b)"
)
_POSSESSED = re.compile(r"['’]s?\s{1,3}(?:[a-z-]+ly\s{1,3})?([A-Za-z-]+)")


def _cue_table(d: Mapping[str, Any], irregular: Mapping[str, Any]) -> dict[str, str]:
    """Cue phrase -> what it makes of the name after it.  Cues before a name are looked up word
    by word from the name backwards (a dict of phrases), not searched for: a window costs a few
    lookups, not a regex per offset."""
    cue_of: dict[str, str] = {}
    # Frames given as a lemma ("occupy", "withdraw from", "annexation"): every inflected
    # form is a cue, so a data file lists the verb once, not each form it happens to take
    # in the articles someone read.  Phrases listed form by form win over generated ones.
    for key, group in (
        ("verb_frames_military", MILITARY),
        ("verb_frames_sovereignty", SOVEREIGNTY),
    ):
        for phrase in _strings(d, key):
            for form in verb_forms(phrase, irregular):
                cue_of[form] = group
    for key, group in (("noun_frames_military", MILITARY), ("noun_frames", SOVEREIGNTY)):
        for noun in _strings(d, key):
            for prep in ("of", "over"):
                cue_of[f"{' '.join(noun.casefold().split())} {prep}"] = group
    for key, group in (
        ("before_possessive", _POSSESSIVE_ONLY),
        ("before_region", _REGION),
        ("before_military", MILITARY),
        ("before_object", _OBJECT),
        ("before_object_military", _OBJECT_MILITARY),
        ("before_sovereignty", SOVEREIGNTY),
    ):
        for phrase in _strings(d, key):
            cue_of[" ".join(phrase.casefold().split())] = group
    # "Russia would keep Crimea", "troops must leave Kherson": verbs that are a cue only
    # after a subject that holds ground.
    for key, group in (
        ("subject_verbs_sovereignty", _SUBJECT_SOV),
        ("subject_verbs_military", _SUBJECT_MIL),
    ):
        for phrase in _strings(d, key):
            for form in verb_forms(phrase, irregular):
                cue_of.setdefault(form, group)
    # "the villages they held in Kursk", "the areas M23 seized in North Kivu": a verb of
    # control, then "in"; only after a subject that can hold ground (not "talks held in").
    for verb in _strings(d, "control_in_verbs"):
        cue_of[f"{verb.casefold()} in"] = _CONTROL_IN
    return cue_of


def _word_sets(d: Mapping[str, Any], irregular: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """The word lists ``IssueCues`` looks words up in, folded, by attribute name."""
    transfer: set[str] = set()
    for phrase in _strings(d, "state_cues"):
        transfer.update(verb_forms(phrase, irregular) if " of" not in phrase else [phrase])

    def folded(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in _strings(d, key))

    return {
        "_transfer": frozenset(" ".join(t.split()) for t in transfer),
        "_auxiliaries": folded("auxiliaries"),
        "_own_nouns": folded("possessive_nouns"),
        "_control_subjects": folded("control_subjects"),
        "_gap_words": folded("gap_words"),
        "_possessed": folded("possessed_place_nouns"),
        "disputed": frozenset(_strings(d, "disputed_territories")),
    }


def _patterns(d: Mapping[str, Any], irregular: Mapping[str, Any]) -> dict[str, Any]:
    """The compiled patterns of ``IssueCues``, by attribute name (``re.error`` on bad data)."""
    after_sov = "|".join(f"(?:{p})" for p in _strings(d, "after_sovereignty")) or "(?!)"
    after_mil = "|".join(f"(?:{p})" for p in _strings(d, "after_military")) or "(?!)"
    sentence = _alternation(_strings(d, "sentence_cues"))
    collective = _alternation(_strings(d, "collective_nouns"))
    c_sov = "|".join(f"(?:{p})" for p in _strings(d, "collective_after_sovereignty"))
    c_mil = "|".join(f"(?:{p})" for p in _strings(d, "collective_after_military"))
    return {
        "_after": re.compile(rf"(?i:(?P<sov>{after_sov})|(?P<mil>{after_mil}))"),
        "_list_gap": re.compile(_list_gap_pattern(d)),
        "_sentence": re.compile(rf"\b(?i:{sentence})\b") if sentence else None,
        "_own_sovereignty": _own_sovereignty_pattern(d, irregular),
        "_cession": _cession_pattern(d, irregular),
        "_recognised_hold": (
            re.compile(rf"(?i:{alt})$")
            if (alt := "|".join(f"(?:{p})" for p in _strings(d, "recognised_hold")))
            else None
        ),
        "_country_sovereignty": (
            re.compile(rf"\b(?i:{alt})\b")
            if (alt := _alternation(_strings(d, "country_sovereignty")))
            else None
        ),
        "_mutual": _mutual_pattern(d),
        "_anaphor": _anaphor_pattern(d),
        "_collective": re.compile(rf"\b(?:{collective})\b") if collective else None,
        "_collective_after": (
            re.compile(rf"(?:(?P<sov>{c_sov or '(?!)'})|(?P<mil>{c_mil or '(?!)'}))")
            if c_sov or c_mil
            else None
        ),
    }


def _list_gap_pattern(d: Mapping[str, Any]) -> str:
    gap = _alternation(_strings(d, "gap_words")) or "(?!)"
    # Between a cue and the name: listed gap words, capitalised words ("Russia's", "the
    # Ukrainian region of"), numbers; never punctuation, so the cue governs the name.
    gap_tok = rf"(?:(?i:{gap})|[A-Z][\w.’'-]*|\d+%?)"
    # Another name of the same place ("Kashmir, which it calls Azad Kashmir", "known as")
    # joins a list: the names share a cue.
    alias = "|".join(f"(?:{p})" for p in _strings(d, "alias_joins")) or "(?!)"
    return (
        rf"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as\s+well\s+as\s+|\s*&\s*"
        rf"|\s*,?\s+along\s+with\s+|(?i:{alias})"
        # "Aden, the interim capital, and Marib": an appositive inside the list.
        rf"|\s*,\s+(?:the|an?|its|[A-Z][\w-]*['’]s)\s+[^,.;:()\n]{{1,40}},\s*(?:and\s+|or\s+)?"
        rf"|(?:['’]s?\s+\w+)?\s*,?\s+(?:including|such\s+as|notably|especially|in\s+particular)\s+)"
        rf"(?:{gap_tok}\s+){{0,5}}$"
    )


def _own_sovereignty_pattern(
    d: Mapping[str, Any], irregular: Mapping[str, Any]
) -> re.Pattern[str] | None:
    own = _alternation(_strings(d, "own_sovereignty"))
    return re.compile(rf"\b(?i:{own})\b") if own else None


def _cession_pattern(d: Mapping[str, Any], irregular: Mapping[str, Any]) -> re.Pattern[str] | None:
    # "Ukraine would never give up its land", "require Ukraine to cede territory": a verb of
    # cession and land, its or unqualified.
    forms = [f for v in _strings(d, "own_land_verbs") for f in verb_forms(v, irregular)]
    bare = [f for v in _strings(d, "cession_verbs") for f in verb_forms(v, irregular)]
    land = _alternation(_strings(d, "own_land_nouns"))
    if not (forms and land):
        return None
    quantity = r"(?:(?:any|more|some|all|much|further|part|parts)\s+(?:of\s+)?)?"
    alts = [rf"(?:{_alternation(forms)})\s+{quantity}(?:its|their)\s+(?:[\w-]+\s+)?(?:{land})"]
    if bare:
        # "cede territory", not "trade the captured land" (someone else's).
        alts.append(rf"(?:{_alternation(bare)})\s+{quantity}(?:{land})")
    return re.compile(rf"\b(?i:{'|'.join(alts)})\b")


def _mutual_pattern(d: Mapping[str, Any]) -> re.Pattern[str] | None:
    # "recognise each other's territorial integrity": every state of the sentence.
    mutual = _alternation(_strings(d, "mutual_possessors"))
    owned = _alternation(_strings(d, "possessive_nouns"))
    if not (mutual and owned):
        return None
    return re.compile(rf"\b(?i:(?:{mutual})['’]s?\s+(?:[\w-]+\s+)?(?:{owned}))\b")


def _anaphor_pattern(d: Mapping[str, Any]) -> re.Pattern[str] | None:
    # "claim the territory", "control of the enclave": a place noun standing for a
    # territory named before it.
    nouns = _alternation(_strings(d, "anaphor_nouns"))
    if not nouns:
        return None
    mods = _alternation(w for w in _strings(d, "modifiers") if w not in _DETERMINERS)
    return re.compile(
        rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:{mods or '(?!)'})\s+){{0,2}}"
        rf"(?P<noun>{nouns})\b(?!\s+(?:of\b|[A-Z]|['’]s\b))"
    )
