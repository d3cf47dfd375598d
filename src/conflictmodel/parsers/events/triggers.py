"""Finding event triggers: one matcher pass over the article, then the rules' conditions.

A trigger is a word or phrase of the lexicon ("shelled", "talks", "pulled out") whose rule's
conditions hold where it stands (an object word after it, no vetoing neighbour).  Triggers that
belong to one event are merged: a noun governed by a verb trigger ("launched an offensive",
"signed a ceasefire"), an event a verb of intent governs ("agreed to meet", "promised to
withdraw"), and repeated triggers of one type in one clause.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from conflictmodel.analysis.document import AnalysedDocument
from conflictmodel.model.events import EventType
from conflictmodel.model.span import Span
from conflictmodel.parsers.events.lexicon import EventLexicon, TriggerRule

__all__ = ["ModeCues", "Trigger", "find_triggers", "merge_in_clause"]

# Merging a verb with a trigger in its object needs the object to be close: this many words.
_OBJECT_REACH = 5
# At most this many triggers are kept per sentence (adversarial text: "attack attack ...").
_MAX_PER_SENTENCE = 24

# Types whose verb takes another event as its object ("agreed to a ceasefire", "rejected
# talks"): the object is part of the event, not a second one.
_VERBAL = frozenset(
    {
        EventType.AGREE,
        EventType.SUPPORT,
        EventType.CONCEDE,
        EventType.SANCTION,
        EventType.REJECT,
        EventType.THREATEN,
        EventType.REQUEST,
        EventType.ACCUSE,
    }
)
# Words that end a verb's object: what follows them is another event, not the object.
_GAP_STOP = re.compile(
    r"\b(?:during|amid|after|before|while|when|since|following|despite|as|until|because|ahead|"
    r"and|but|or|which|that|who)\b",
    re.I,
)
_SEQUENCE = re.compile(r"\b(?:after|before|since|following|until|ahead of|prompting)\b", re.I)
_TO_GAP = re.compile(r"\s{1,3}to\s{1,3}(?:[\w'’-]+\s{1,3}){0,5}", re.I)
# "met on Friday to plan joint patrols", "sent troops to fight the ADF": an infinitive of purpose
# after an event's verb names what the event is for, not a second event.
# A second infinitive coordinated with the one an intent verb took in: "... and to hold ...".
_AND_TO = re.compile(
    r"\s{1,3}(?:and|or)\s{1,3}(?:not\s{1,3})?to\s{1,3}(?:[\w'’-]+\s{1,3}){0,3}", re.I
)
_INTENT_TYPES = frozenset({EventType.AGREE, EventType.CONCEDE})
_PURPOSE = re.compile(
    r"(?:\s{1,3}[\w'’.-]+){0,6}?\s{1,3}(?:in\s{1,3}order\s{1,3})?to\s{1,3}"
    r"(?:[a-z][\w'’-]*\s{1,3}(?:[\w'’-]+\s{1,3}){0,2})?",
)


@attrs.frozen(kw_only=True)
class Trigger:
    """A trigger hit: where, which rule, and the hits merged into it.

    Example:
        >>> from conflictmodel.parsers.events.lexicon import EventLexicon
        >>> rule = EventLexicon.default().rules[0]
        >>> Trigger(start=0, end=4, rule=rule, type=rule.type).span
        Span(start=0, end=4)
    """

    start: int
    end: int
    rule: TriggerRule
    type: EventType
    mode: str | None = None
    last: int = 0
    absorbed: tuple[TriggerRule, ...] = ()

    @property
    def span(self) -> Span:
        return Span(start=self.start, end=self.end)

    @property
    def reach(self) -> int:
        """The end of the last hit merged into this trigger."""
        return max(self.end, self.last)


class ModeCues:
    """Mode cue hits of the whole article, looked up by position.

    Example:
        >>> cues = ModeCues([(5, 10, "assault:drone")])
        >>> cues.between(0, 20, "assault")
        [(5, 'drone')]
    """

    def __init__(self, hits: list[tuple[int, int, str]]) -> None:
        hits.sort()
        self._starts = [h[0] for h in hits]
        self._hits = hits

    def between(self, start: int, end: int, etype: str) -> list[tuple[int, str]]:
        """``(offset, mode)`` of the cues of ``etype`` that start inside ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        out: list[tuple[int, str]] = []
        while i < len(self._hits) and self._hits[i][0] < end:
            t, _, mode = self._hits[i][2].partition(":")
            if t == etype:
                out.append((self._hits[i][0], mode))
            i += 1
        return out


def _window_words(doc: AnalysedDocument, end: int, limit: int, n: int) -> list[str]:
    """Up to ``n`` words after ``end`` (before ``limit``), stopping at clause punctuation."""
    lo, hi = doc.token_range(end, limit)
    out: list[str] = []
    prev = ""
    for tok in doc.tokens[lo : min(hi, lo + n + 8)]:
        if tok.low == "," and prev.isdigit():
            continue  # "2,239 bodies"
        if tok.low in {",", ";", ":", ".", "!", "?", "(", ")", "—", "–"}:
            break
        prev = tok.low
        out.append(tok.low)
        if len(out) >= n:
            break
    return out


# A passive auxiliary right before a verb trigger: its object is the clause's subject ("an
# additional battalion had been sent to the area", "companies of police were flown in").
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be"})
_OPENING_DASHES = frozenset({"—", "–", "-", ":"})
_PASSIVE_TYPES = frozenset({EventType.MOBILIZE, EventType.AID, EventType.ASSAULT})
_CLAUSE_PUNCT = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "—", "–", "\n"})


def _passive_subject(doc: AnalysedDocument, start: int, n: int) -> list[str]:
    """Up to ``n`` words before the auxiliary of a passive verb at ``start`` (stopping at
    clause punctuation), or nothing when the verb is not passive."""
    lo, _ = doc.token_range(start, start + 1)
    if lo == 0 or doc.tokens[lo - 1].low not in _PASSIVE_AUX:
        return []
    out: list[str] = []
    for tok in reversed(doc.tokens[max(0, lo - 2 - n) : lo - 1]):
        if tok.low in _CLAUSE_PUNCT:
            break
        out.append(tok.low)
    out.reverse()
    return out


def _prev_word(doc: AnalysedDocument, start: int) -> str:
    lo, _ = doc.token_range(start, start + 1)
    return doc.tokens[lo - 1].low if lo > 0 else ""


_DETERMINERS = frozenset({"the", "a", "an"})
_NOUN_WINDOW_STOP = frozenset({"said", "says", "told", "added", "warned", "stressed"})
_YEAR = re.compile(r"(?:19|20)\d\d")


def _prev_words(doc: AnalysedDocument, start: int) -> tuple[str, str]:
    """The word before ``start`` and the word before it when that one is an article: "calls
    for a truce", "a violation of the truce" look past the article."""
    lo, _ = doc.token_range(start, start + 1)
    prv = doc.tokens[lo - 1].low if lo > 0 else ""
    if prv in _DETERMINERS and lo > 1:
        return prv, doc.tokens[lo - 2].low
    return prv, prv


def _has(words: Sequence[str], phrases: frozenset[str]) -> bool:
    if not phrases:
        return False
    joined = " " + " ".join(words) + " "
    # "tri-series", "ex-rebels": the head of a hyphenated word counts too.
    return any(w in phrases or w.rsplit("-", 1)[-1] in phrases for w in words) or any(
        " " in p and f" {p} " in joined for p in phrases
    )


def _predicate(window: list[str]) -> list[str]:
    """What a noun's predicate must say comes before a second verb of the clause: "a truce
    and said it had brokered ..." does not make the truce brokered."""
    for i, w in enumerate(window):
        nxt_w = window[i + 1] if i + 1 < len(window) else ""
        if w in _NOUN_WINDOW_STOP or (w in ("and", "but") and nxt_w in _NOUN_WINDOW_STOP):
            return window[:i]
    return window


def _holds(rule: TriggerRule, doc: AnalysedDocument, start: int, end: int, limit: int) -> bool:
    if not rule.constrained:
        return True
    after = _window_words(doc, end, limit, max(rule.window, 1))
    nxt = after[0] if after else ""
    prv, past = _prev_words(doc, start)
    if _YEAR.fullmatch(prv):
        # "a 2020 war", "the 1994 genocide": a year before an event noun dates it.
        prv = "#year"
    if rule.not_next and nxt in rule.not_next:
        return False
    if rule.not_prev and (prv in rule.not_prev or past in rule.not_prev):
        return False
    if (rule.prev or rule.next) and not (prv in rule.prev or past in rule.prev or nxt in rule.next):
        return False
    window = _predicate(after[: rule.window]) if rule.pos == "noun" else after[: rule.window]
    if rule.not_object and _has(window, rule.not_object):
        return False
    if not rule.object or _has(window, rule.object):
        return True
    # Only for deployments, deliveries and attacks ("a drone was intercepted"): an agreement
    # or a release in the passive ("had been reached", "bodies had been repatriated") is
    # mostly one told again.
    return (
        rule.pos == "verb"
        and rule.type in _PASSIVE_TYPES
        and _has(_passive_subject(doc, start, rule.window), rule.object)
    )


def _attributive(
    lex: EventLexicon, doc: AnalysedDocument, start: int, end: int, limit: int
) -> bool:
    """A casualty participle used before a noun ("of wounded patients", "51 killed
    soldiers"), not as the verb of a toll ("killing 35", "were wounded")."""
    prv = _prev_word(doc, start)
    if not (prv.isdigit() or prv in lex.attributive_prev):
        return False
    nxt = _window_words(doc, end, limit, 1)
    return bool(nxt) and nxt[0].isalpha() and nxt[0] not in lex.attributive_not_next


def find_triggers(
    lex: EventLexicon, doc: AnalysedDocument, sent: Span, hits: list[tuple[int, int, int]]
) -> list[Trigger]:
    """The triggers of one sentence from its matcher hits ``(start, end, rule index)``: the
    longest hit at each place whose rule holds, in text order."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for s, e, i in hits:
        by_span.setdefault((s, e), []).append(i)
    # Longest first, then leftmost: a phrase ("prisoner exchange") wins over its words.
    spans = sorted(by_span, key=lambda se: (-(se[1] - se[0]), se[0]))
    taken: list[tuple[int, int]] = []
    out: list[Trigger] = []
    text = doc.text
    first = (
        sent.start
        + len(text[sent.start : sent.end])
        - len(text[sent.start : sent.end].lstrip(" \t\n\"“‘'("))
    )
    for s, e in spans:
        if any(s < te and ts < e for ts, te in taken):
            continue
        if s > 0 and text[s - 1] in "-‑":
            # Part of a compound adjective ("Tehran-backed", "US-brokered").
            continue
        for i in sorted(by_span[(s, e)]):
            rule = lex.rules[i]
            if (
                rule.pos == "noun"
                and s != first
                and text[s].isupper()
                # "BRUSSELS — Talks ...", "Updated 12:05 - Fighting ...": a clause's first word
                # after a dateline or a time stamp.
                and text[max(sent.start, s - 3) : s].strip()[-1:] not in _OPENING_DASHES
            ):
                # A capitalised noun inside a sentence is part of a name ("the Conference of
                # Bishops", "the Mission to the UN").
                continue
            if rule.toll and _attributive(lex, doc, s, e, sent.end):
                # "the evacuation of wounded patients", "51 killed soldiers": a description.
                continue
            if _holds(rule, doc, s, e, sent.end):
                out.append(Trigger(start=s, end=e, rule=rule, type=rule.type, mode=rule.mode))
                taken.append((s, e))
                break
        if len(out) >= _MAX_PER_SENTENCE:
            break
    out.sort(key=lambda t: t.start)
    return out


def _absorb(a: Trigger, b: Trigger, *, type_: EventType | None = None) -> Trigger:
    return attrs.evolve(
        a,
        type=type_ or a.type,
        mode=a.mode or (b.mode if (type_ or a.type) is b.type else None),
        last=max(a.reach, b.reach),
        absorbed=(*a.absorbed, b.rule),
    )


def _one_event(a: Trigger, t: Trigger, close: bool, gap: str) -> bool:
    """Whether ``t`` belongs to the event of ``a`` that comes before it in the clause."""
    if close and a.type in (EventType.THREATEN, EventType.REJECT):
        return True
    # The verb's object: "launched an offensive", "signed a ceasefire", "shelled ...".
    takes_object = a.type in _VERBAL or bool(a.rule.object) or t.rule.pos == "noun"
    if close and not a.absorbed and a.rule.pos == "verb" and (takes_object or a.type is t.type):
        return True
    if "," in gap or ";" in gap:
        # "met on Thursday, and the two sides will hold talks": a second event.
        return False
    if t.rule.toll and a.type is EventType.ASSAULT:
        return True
    if close and t.rule.pos == "noun" and t.type in {r.type for r in a.absorbed}:
        # "offered to host a meeting": the meeting is the one the verb already took in.
        return True
    # "the clashes erupted after the killing of X": two events of one type, one after the other.
    return t.type is a.type and not _SEQUENCE.search(gap)


def _intent(text: str, a: Trigger, gap: str) -> bool:
    """Whether the trigger after ``gap`` is what the verb of intent ``a`` takes in ("agreed to
    meet", "pledged to withdraw")."""
    return (
        a.rule.pos == "verb"
        and a.type is EventType.AGREE
        and (
            _TO_GAP.fullmatch(gap) is not None
            # "pledged to" is one trigger: the infinitive follows it directly.
            or (text[a.start : a.end].lower().endswith(" to") and not gap.strip())
        )
        # "promised to end nearly 60 years of war"; not "agreed to talks after the strikes".
        and (len(gap.split()) <= 3 or not _GAP_STOP.search(gap))
    )


def merge_in_clause(text: str, doc: AnalysedDocument, triggers: list[Trigger]) -> list[Trigger]:
    """Merge the triggers of one clause that name one event (see the module docstring)."""
    out: list[Trigger] = []
    for t in triggers:
        if not out:
            out.append(t)
            continue
        a = out[-1]
        gap = text[a.reach : t.start]
        close = (
            len(gap.split()) <= _OBJECT_REACH
            and not re.search(r"[,;:()]", gap)
            and not _GAP_STOP.search(gap)
        )
        if _intent(text, a, gap):
            # PLOVER: a promised withdrawal or release is CONCEDE; agreeing to meet, or to a
            # ceasefire, is AGREE.
            retreat = t.type is EventType.RETREAT and t.rule.pos == "verb"
            out[-1] = _absorb(a, t, type_=EventType.CONCEDE if retreat else EventType.AGREE)
        elif a.absorbed and a.type in _INTENT_TYPES and _AND_TO.fullmatch(gap):
            # "agreed to exchange prisoners and to continue talks": one promise.
            out[-1] = _absorb(a, t)
        elif a.rule.pos == "verb" and _PURPOSE.fullmatch(gap) and not _GAP_STOP.search(gap):
            out[-1] = _absorb(a, t)
        elif a.rule.pos == "noun" and t.rule.pos == "verb" and t.type in _VERBAL and close:
            # "Talks were suspended", "the deal was signed": the noun is the verb's subject.
            out[-1] = _absorb(t, a)
        elif _one_event(a, t, close, gap):
            out[-1] = _absorb(a, t)
        elif a.rule.toll and t.type is EventType.ASSAULT:
            out[-1] = _absorb(t, a)
        else:
            out.append(t)
    return out
