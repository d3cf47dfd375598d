"""The event lexicon: PLOVER triggers, mode cues, status cues and casualty words.

Everything comes from ``data/events.json`` (or a user's file of the same shape) and is compiled
once into one [`PhraseMatcher`][conflictmodel.analysis.PhraseMatcher], so a whole article is
searched for every trigger and mode cue in a single pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import attrs

from conflictmodel.analysis.lexicon import PhraseMatcher
from conflictmodel.errors import GazetteerError
from conflictmodel.model.events import EventType
from conflictmodel.resources import load_data

__all__ = ["EventLexicon", "TriggerRule", "plover_modes"]


def _words(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _word_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _to_type(value: Any) -> EventType:
    return EventType(value)


@attrs.frozen(kw_only=True)
class TriggerRule:
    """One entry of the trigger table: words that name an event of one PLOVER type.

    Attributes:
        type: the PLOVER type.
        pos: ``verb`` (the clause's subject acts) or ``noun`` (actors from a possessor, an
            adjective or a prepositional phrase).
        words: the trigger words and phrases.
        mode: the mode the trigger fixes, else None (mode cues near it decide).
        object: words one of which must follow within ``window`` words (empty: no condition).
        not_object: words that, following within ``window`` words, veto the rule.
        prev, next: the word right before / after must be one of these (either suffices when
            both are given; empty: no condition).
        not_prev, not_next: the word right before / after must not be one of these.
        toll: a casualty word ("killed"): merged into an assault of its sentence.
        priority: the rule's place in the table (lower wins).

    Example:
        >>> r = TriggerRule(type="assault", pos="verb", words=("shelled",))
        >>> r.type.value, r.toll
        ('assault', False)
    """

    type: EventType = attrs.field(converter=_to_type)
    pos: str = "verb"
    words: tuple[str, ...] = attrs.field(converter=_word_tuple)
    mode: str | None = None
    object: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    not_object: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    window: int = 6
    prev: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    next: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    not_prev: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    not_next: frozenset[str] = attrs.field(default=frozenset(), converter=_words)
    toll: bool = False
    priority: int = 0

    @property
    def constrained(self) -> bool:
        """Whether the rule looks at the words around its trigger at all."""
        return bool(
            self.object
            or self.not_object
            or self.prev
            or self.next
            or self.not_prev
            or self.not_next
        )


def _phrases(values: Iterable[str], where: str) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise GazetteerError(f"{where}: expected a list of phrases")
    out = tuple(str(v).strip().lower() for v in values if str(v).strip())
    return out


def _rule(raw: Any, priority: int, lists: Mapping[str, Sequence[str]]) -> TriggerRule:
    if not isinstance(raw, Mapping):
        raise GazetteerError(f"events trigger {priority}: expected an object")
    try:
        etype = EventType(raw["type"])
    except (KeyError, ValueError):
        raise GazetteerError(
            f"events trigger {priority}: unknown type {raw.get('type')!r}"
        ) from None

    def words(key: str) -> tuple[str, ...]:
        out: list[str] = []
        for w in raw.get(key, ()):
            if isinstance(w, str) and w.startswith("@"):
                out.extend(lists.get(w[1:], ()))
            else:
                out.append(w)
        return _phrases(out, f"events trigger {priority} {key}")

    return TriggerRule(
        type=etype,
        pos=str(raw.get("pos", "verb")),
        words=words("words"),
        mode=raw.get("mode"),
        object=words("object"),
        not_object=words("not_object"),
        window=int(raw.get("window", 6)),
        prev=words("prev"),
        next=words("next"),
        not_prev=words("not_prev"),
        not_next=words("not_next"),
        toll=bool(raw.get("toll", False)),
        priority=priority,
    )


def _crowd_pattern(nouns: Iterable[str]) -> re.Pattern[str]:
    """A number of people: "some 12,000 people", "thousands of refugees"."""
    body = _union(nouns).pattern
    return re.compile(
        r"\b(?:\d[\d,.]*(?:\s(?:thousand|million))?|dozens|hundreds|thousands|"
        r"tens\s+of\s+thousands)\s+(?:of\s+)?(?:more\s+)?" + body,
        re.I,
    )


def _union(words: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive whole-word alternation (longest first); never matches when empty."""
    alts = sorted({w for w in words if w}, key=len, reverse=True)
    if not alts:
        return re.compile(r"(?!x)x")
    body = "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in alts)
    return re.compile(r"(?<![\w'’])(?:" + body + r")(?![\w])", re.I)


# What a matcher hit stands for: ("t", rule index, "") a trigger, ("m", 0, "type:mode") a mode
# cue, ("d", 0, "") a mediator cue, ("b", 0, "") a phrase that is no event.
Hit = tuple[str, int, str]


@attrs.frozen(kw_only=True)
class EventLexicon:
    """The compiled event lexicon (see ``data/events.json`` for its shape).

    Example:
        >>> lex = EventLexicon.default()
        >>> lex.rules[0].type.value in {t.value for t in EventType}
        True
        >>> lex.extend([{"type": "protest", "words": ["staged a walkout"]}]).rules[-1].words
        ('staged a walkout',)
    """

    data: Mapping[str, Any] = attrs.field(repr=False)
    rules: tuple[TriggerRule, ...] = attrs.field(init=False)
    modes: Mapping[str, frozenset[str]] = attrs.field(init=False, repr=False)
    matcher: PhraseMatcher[Hit] = attrs.field(init=False, repr=False)
    status: Mapping[str, re.Pattern[str]] = attrs.field(init=False, repr=False)
    light_verbs: re.Pattern[str] = attrs.field(init=False, repr=False)
    terms_lead: re.Pattern[str] = attrs.field(init=False, repr=False)
    mediator: re.Pattern[str] = attrs.field(init=False, repr=False)
    mediator_prefix: re.Pattern[str] = attrs.field(init=False, repr=False)
    agreement_nouns: frozenset[str] = attrs.field(init=False, repr=False)
    locative: frozenset[str] = attrs.field(init=False, repr=False)
    place_nouns: frozenset[str] = attrs.field(init=False, repr=False)
    place_modifiers: frozenset[str] = attrs.field(init=False, repr=False)
    not_place_heads: frozenset[str] = attrs.field(init=False, repr=False)
    not_places: frozenset[str] = attrs.field(init=False, repr=False)
    not_target_heads: frozenset[str] = attrs.field(init=False, repr=False)
    damage_verbs: frozenset[str] = attrs.field(init=False, repr=False)
    crowd: re.Pattern[str] = attrs.field(init=False, repr=False)
    casualties: Mapping[str, Any] = attrs.field(init=False, repr=False)
    attributive_prev: frozenset[str] = attrs.field(init=False, repr=False)
    topic: re.Pattern[str] = attrs.field(init=False, repr=False)
    war_nouns: frozenset[str] = attrs.field(init=False, repr=False)
    attributive_not_next: frozenset[str] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        d = self.data
        if not isinstance(d, Mapping) or not isinstance(d.get("triggers"), list):
            raise GazetteerError("events lexicon: expected an object with a 'triggers' list")
        lists = {k: v for k, v in d.items() if isinstance(v, list) and k != "triggers"}
        rules = tuple(_rule(r, i, lists) for i, r in enumerate(d["triggers"]))
        modes = {k: frozenset(v) for k, v in d.get("modes", {}).items()}
        phrases = _matcher_phrases(d, rules, modes)
        st = d.get("status", {})
        set_ = object.__setattr__
        set_(self, "rules", rules)
        set_(self, "modes", modes)
        set_(self, "matcher", PhraseMatcher(phrases))
        status_keys = (
            "negation", "planned", "planned_after", "hypothetical", "speculative",
            "hypothetical_after",
            "ongoing", "threat_verbs", "refusal_verbs", "intent_verbs", "request_verbs",
            "condition_after", "condition_before", "warning_verbs", "dormant_after",
            "risk_verbs",
        )  # fmt: skip
        # A user's lexicon may leave a list out: it then never matches.
        set_(self, "status", {k: _union(st.get(k, ())) for k in {*status_keys, *st}})
        set_(self, "terms_lead", _terms_lead(d, st))
        set_(self, "light_verbs", _union(d.get("light_verbs", ())))
        set_(self, "mediator", _union(d.get("mediator_cues", ())))
        prefixes = "|".join(re.escape(p) for p in d.get("mediator_prefixes", ())) or "(?!x)x"
        set_(self, "mediator_prefix", re.compile(r"([A-Z][\w'’]*)-(?:" + prefixes + r")\b"))
        set_(self, "agreement_nouns", frozenset(d.get("agreement_nouns", ())))
        set_(self, "locative", frozenset(d.get("locative_preps", ())))
        set_(self, "place_nouns", frozenset(d.get("place_nouns", ())))
        set_(self, "place_modifiers", frozenset(d.get("place_modifiers", ())))
        set_(self, "not_place_heads", frozenset(d.get("not_place_heads", ())))
        set_(self, "not_places", frozenset(d.get("not_places", ())))
        set_(self, "not_target_heads", frozenset(d.get("not_target_heads", ())))
        set_(self, "damage_verbs", frozenset(d.get("damage_verbs", ())))
        set_(self, "crowd", _crowd_pattern(d.get("crowd_nouns", ())))
        set_(self, "casualties", d.get("casualties", {}))
        cas = d.get("casualties", {})
        set_(self, "war_nouns", frozenset(d.get("war_nouns", ())))
        set_(self, "topic", _topic_pattern(d))
        set_(self, "attributive_prev", frozenset(cas.get("attributive_prev", ())))
        set_(self, "attributive_not_next", frozenset(cas.get("attributive_not_next", ())))

    @classmethod
    def default(cls) -> EventLexicon:
        """The shipped lexicon (``data/events.json``), built once."""
        return _default()

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> EventLexicon:
        """A lexicon from data of the shape of ``data/events.json``.

        Raises:
            GazetteerError: the data is malformed or names a type or mode PLOVER lacks.
        """
        return cls(data=data)

    def extend(self, triggers: Iterable[Mapping[str, Any]]) -> EventLexicon:
        """A new lexicon with more trigger entries, tried after the shipped ones."""
        data = dict(self.data)
        data["triggers"] = [*self.data["triggers"], *triggers]
        return EventLexicon(data=data)


@cache
def _default() -> EventLexicon:
    return EventLexicon(data=load_data("events.json"))


def plover_modes() -> dict[str, tuple[str, ...]]:
    """PLOVER's modes by event type, as ``data/events.json`` lists them.

    Example:
        >>> plover_modes()["consult"]
        ('visit', 'third-party', 'multilateral', 'phone')
    """
    return {t.value: t.modes for t in EventType}


def _matcher_phrases(
    d: Mapping[str, Any], rules: tuple[Any, ...], modes: Mapping[str, frozenset[str]]
) -> list[tuple[str, Hit]]:
    """Every phrase of the one-pass matcher, tagged: a trigger ("t", rule index), a mode cue
    ("m", "type:mode"), a blocker ("b") or a mediator cue ("d")."""
    phrases: list[tuple[str, Hit]] = []
    for i, rule in enumerate(rules):
        if rule.mode is not None and rule.mode not in modes.get(rule.type.value, frozenset()):
            raise GazetteerError(
                f"events trigger {i}: {rule.mode!r} is not a PLOVER mode of {rule.type.value}"
            )
        phrases.extend((w, ("t", i, "")) for w in rule.words)
    for etype, table in d.get("mode_cues", {}).items():
        for mode, cues in table.items():
            if mode not in modes.get(etype, frozenset()):
                raise GazetteerError(f"events mode cue: {mode!r} is not a mode of {etype}")
            phrases.extend((c, ("m", 0, f"{etype}:{mode}")) for c in cues)
    # Phrases that are no event ("prisoners of war") block the triggers inside them.
    phrases.extend((c, ("b", 0, "")) for c in d.get("not_events", ()))
    # Mediator cues go in the same pass: a sentence without one is not searched for them.
    phrases.extend((c, ("d", 0, "")) for c in d.get("mediator_cues", ()))
    phrases.extend((c, ("d", 0, "")) for c in d.get("mediator_prefixes", ()))
    return phrases


def _spaced(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in words)


def _terms_lead(d: Mapping[str, Any], st: Mapping[str, Any]) -> re.Pattern[str]:
    """ "Under the deal, ...": what opens a sentence that lists a deal's terms."""
    lead = _spaced(st.get("terms_lead", ()))
    nouns = _spaced(sorted(d.get("agreement_nouns", ()), key=len, reverse=True))
    return re.compile(
        r"\W{0,3}(?:" + (lead or "(?!x)x") + r")\s{1,3}(?:[\w'’-]+\s{1,3}){0,3}?"
        r"(?:" + (nouns or "(?!x)x") + r")\b[^,;]{0,60},",
        re.I,
    )


def _topic_pattern(d: Mapping[str, Any]) -> re.Pattern[str]:
    """ "coverage of the war", "focused on the ...": an event noun as a topic."""
    topics = "|".join(re.escape(w) for w in d.get("topic_nouns", ())) or "(?!x)x"
    verbs = _spaced(d.get("topic_verbs", ()))
    return re.compile(
        r"(?:\b(?:" + topics + r")\s{1,3}(?:of|on|about|over|from)\s{1,3}"
        r"(?:(?:the|a|an)\s{1,3})?(?:[\w'’-]+\s{1,3}){0,3}"
        r"|\b(?:" + (verbs or "(?!x)x") + r")\s{1,3}(?:[\w'’-]+\s{1,3}){0,6})$",
        re.I,
    )
