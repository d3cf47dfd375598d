"""Whether an event happened, and PLOVER's tense rules.

The words before a trigger in its clause decide: a negation ("did not meet", "no ceasefire")
drops the event (PLOVER leaves negated events out); "threatened to" makes it a threat and
"refused to" a rejection; "ready to", "called for", "provides for" make it hypothetical; "will",
"plans to", "scheduled", "next" (or "scheduled for", "will take place" after it) make it
planned; "continue to", "ongoing" make it ongoing.  Then PLOVER's rules for what is not (yet) an
action: a planned or offered meeting, support, cooperation or aid is AGREE, a planned retreat is
CONCEDE, a declared ceasefire is CONCEDE.

An event that is only the aim of an effort or a requirement ("efforts to revive a truce",
"needs to be signed", "could pave the way for negotiations") is marked ``speculative`` and the
stage leaves it out, unless it is itself a threat or a rejection; other hypothetical events
("could strike", "ready to meet", "provides for the release") are kept with that status, as
event coders keep them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from conflictmodel.model.events import EventStatus, EventType
from conflictmodel.model.span import Span
from conflictmodel.model.textdates import DatePrecision
from conflictmodel.parsers.events.lexicon import EventLexicon
from conflictmodel.parsers.events.triggers import Trigger

__all__ = ["Tense", "future_type", "is_future", "tense"]

# How far before a trigger its modal and negation words stand.
_LOOK_BACK = 60
_NEGATION_WORDS = 3
# Words allowed between an event noun and the modal verb it is the subject of.
_MODAL_REACH = 3
_FUTURE_TO_AGREE = frozenset(
    {EventType.CONSULT, EventType.SUPPORT, EventType.COOPERATE, EventType.AID}
)
_BOUNDARY = re.compile(r"[,;:()]|\b(?:and|but|while|after|before|when|as|since)\b", re.I)
# An event noun coordinated with another ("called for a truce and a prisoner exchange") shares
# its modality: only a subordinate clause or strong punctuation cuts it off.
_NOUN_BOUNDARY = re.compile(
    r"[;:()]|\b(?:but|while|after|before|when|since|because)\b"
    # "called for a truce and said it had brokered a ceasefire": a second verb, not a list.
    r"|\band\s{1,3}(?:(?:also|later|then)\s{1,3})?(?:said|says|told|added|warned|insisted|noted|"
    r"stressed|announced|reported|confirmed)\b",
    re.I,
)
# A comma, then a finite verb: "..., threatened new sanctions if ...": another clause's condition.
_NEXT_PREDICATE = re.compile(r",\s{1,3}(?:[a-z]+ed|said|says|told|threatened|warned)\b")


def _condition_end(text: str, start: int, sent_end: int) -> int:
    """Where the condition of an event at ``start`` may be looked for: up to the next clause
    with a verb of its own, at most ``_CONDITION_REACH`` characters."""
    end = min(sent_end, start + _CONDITION_REACH)
    m = _NEXT_PREDICATE.search(text, start, end)
    return m.start() if m is not None else end


_RELATIVE = re.compile(r"[^,.;:]{0,60},\s{1,3}(?:who|which|whose|where)\b[^,.;:]{1,90},\s{1,3}")
_INFINITIVE_END = re.compile(r"\bto\s{1,3}[a-z][\w'’-]*\s{0,3}$")
# How far after a planned event its condition is looked for.
_CONDITION_REACH = 120
# Types that stay events when conditional: "threatened to strike if ...".
_SPOKEN = frozenset({EventType.THREATEN, EventType.REJECT, EventType.REQUEST})
_LEAD_IF = re.compile(r"\W{0,3}(?:if|unless|should)\b", re.I)


class Tense:
    """The outcome: the status, the type after PLOVER's rules, ``dropped`` (negated) and
    ``speculative`` (only the aim of an effort or a requirement)."""

    __slots__ = ("dropped", "speculative", "status", "type")

    def __init__(
        self,
        status: EventStatus,
        type_: EventType,
        dropped: bool = False,
        speculative: bool = False,
    ) -> None:
        self.status = status
        self.type = type_
        self.dropped = dropped
        self.speculative = speculative


def _speculation(rx: re.Pattern[str], near: str) -> bool:
    """A modal or conditional word in ``near``; "May" with a capital is the month."""
    return any(m.group() != "May" for m in rx.finditer(near))


def _modal_after(rx: re.Pattern[str], after: str) -> bool:
    """A modal verb of which the event noun is the subject, after at most a short phrase ("a
    deal in Yemen could be announced")."""
    words = after.split(",", 1)[0].split()[: _MODAL_REACH + 2]
    return any(rx.match(" ".join(words[i:])) for i in range(min(len(words), _MODAL_REACH + 1)))


_TO_END = re.compile(r"(?:\s{1,3}[\w'’.-]+){0,5}\s{1,3}to\s{1,3}$")


def _asked(rx: re.Pattern[str], near: str) -> bool:
    """A verb of asking whose infinitive is the event: "asked the UN Security Council to"."""
    return any(_TO_END.fullmatch(near, m.end()) for m in rx.finditer(near))


_WARNED_TAIL = re.compile(
    r"\s{1,3}(?:that\s{1,3})?(?:[\w'’-]+\s{1,3}){0,4}?(?:would|will|could|might|'ll)\s{1,3}"
    # "would target", "would expand its (ground operation)": a verb and its determiner.
    r"(?:[a-z][\w'’-]*\s{1,3}){0,2}",
    re.I,
)


def _warned(rx: re.Pattern[str], near: str) -> bool:
    """A warning whose clause puts the event in the future: "warned that the group would
    target warships" (a threat, not an attack)."""
    return any(_WARNED_TAIL.fullmatch(near, m.end()) for m in rx.finditer(near))


def _governs(st: Mapping[str, re.Pattern[str]], near: str) -> bool:
    """Whether the speculative cue of ``near`` is the one nearest the event: "efforts to
    revive talks" is speculative, "ready to meet after efforts to ..." is hypothetical."""
    spec = [m.end() for m in st["speculative"].finditer(near) if m.group() != "May"]
    hyp = [m.end() for m in st["hypothetical"].finditer(near) if m.group() != "May"]
    return bool(spec) and (not hyp or max(spec) >= max(hyp))


def _last_words(seg: str, n: int) -> str:
    return " ".join(seg.split()[-n:])


def future_type(etype: EventType) -> EventType:
    """PLOVER's type for an event still to come: a meeting, signing, cooperation or aid is
    AGREE, a retreat CONCEDE.

    Example:
        >>> future_type(EventType.CONSULT).value, future_type(EventType.ASSAULT).value
        ('agree', 'assault')
    """
    if etype in _FUTURE_TO_AGREE:
        return EventType.AGREE
    if etype is EventType.RETREAT:
        return EventType.CONCEDE
    return etype


def is_future(value: dt.date, precision: DatePrecision, published: dt.date) -> bool:
    """Whether a resolved date lies after the publication date at the precision the text
    gives ("next month" in a June article; "in 2025" in a 2025 article is not).

    Example:
        >>> import datetime as dt
        >>> is_future(dt.date(2025, 7, 1), DatePrecision.MONTH, dt.date(2025, 6, 20))
        True
        >>> is_future(dt.date(2025, 1, 1), DatePrecision.YEAR, dt.date(2025, 6, 20))
        False
    """
    if precision is DatePrecision.YEAR:
        return value.year > published.year
    if precision is DatePrecision.MONTH:
        return (value.year, value.month) > (published.year, published.month)
    return value > published


def tense(lex: EventLexicon, text: str, trig: Trigger, clause: Span, sent: Span) -> Tense:
    """Status and type of the event at ``trig`` in ``clause``.

    Example:
        >>> from conflictmodel.parsers.events.triggers import Trigger
        >>> lex = EventLexicon.default()
        >>> text = "The two leaders will meet in Doha."
        >>> rule = next(r for r in lex.rules if "meet" in r.words)
        >>> t = Trigger(start=21, end=25, rule=rule, type=rule.type)
        >>> out = tense(lex, text, t, Span(start=0, end=34), Span(start=0, end=34))
        >>> out.status.value, out.type.value
        ('planned', 'agree')
    """
    st = lex.status
    near = _governing_words(text, trig, clause)
    etype = trig.type
    cond = [m.start() for m in st["condition_before"].finditer(near)]
    early = _cue_before(st, near, etype, cond)
    if early is not None:
        return early
    after = _words_after(text, trig, clause, sent)
    lead_if = _LEAD_IF.match(text, sent.start, sent.end)
    background = _not_an_event(lex, text, trig, (clause, sent), etype, bool(cond), after, lead_if)
    if background is not None:
        return background
    modal_after = trig.rule.pos == "noun" and _modal_after(st["hypothetical_after"], after)
    speculative = _speculation(st["speculative"], near)
    hypothetical = bool(lead_if or modal_after)
    if speculative or hypothetical or st["hypothetical"].search(near):
        status = EventStatus.HYPOTHETICAL
    elif st["planned"].search(near) or st["planned_after"].search(after):
        status = EventStatus.PLANNED
    elif st["ongoing"].search(near):
        status = EventStatus.ONGOING
    else:
        status = EventStatus.OCCURRED
    if status in (EventStatus.PLANNED, EventStatus.HYPOTHETICAL):
        if etype not in _SPOKEN and st["condition_after"].search(
            text, trig.reach, _condition_end(text, trig.reach, sent.end)
        ):
            # "would withdraw from civilian areas if ...", "will sign only after ...": a
            # conditional offer in someone's words, not a plan.
            return Tense(status, etype, dropped=True)
        etype = future_type(etype)
    return Tense(status, etype, speculative=speculative and _governs(st, near))


def _governing_words(text: str, trig: Trigger, clause: Span) -> str:
    """The words before the trigger that govern it: those after the last break before it."""
    before = text[max(clause.start, trig.start - _LOOK_BACK) : trig.start]
    cut = 0
    for m in (_BOUNDARY if trig.rule.pos == "verb" else _NOUN_BOUNDARY).finditer(before):
        if m.group().lower() == "and" and _INFINITIVE_END.search(before, 0, m.start()):
            # "the ability of forces to manoeuvre and deploy reinforcements": coordinated
            # infinitives share what governs the first.
            continue
        cut = m.end()
    return before[cut:]


def _cue_before(
    st: Mapping[str, re.Pattern[str]], near: str, etype: EventType, cond: list[int]
) -> Tense | None:
    """What a cue before the trigger makes of it: a threat, a request, a refusal, a
    negation, a condition; None when none decides."""
    threat = st["threat_verbs"].search(near)
    if threat is not None and st["risk_verbs"].match(near, threat.end()):
        # "a move that threatens to unravel the peace deal": a risk, not a threat; the event
        # named is only at risk.
        return Tense(EventStatus.HYPOTHETICAL, etype, dropped=True)
    if cond and (threat is None or cond[-1] > threat.start()):
        # "... would target positions if the blockade continued": the blockade is the
        # condition of the threat, not an event of its own.
        if etype not in _SPOKEN:
            return Tense(EventStatus.HYPOTHETICAL, etype, dropped=True)
    elif threat is not None or _warned(st["warning_verbs"], near):
        return Tense(EventStatus.OCCURRED, EventType.THREATEN)
    if _asked(st["request_verbs"], near):
        # "asked the Security Council to meet": a request (PLOVER's REQUEST), not a meeting.
        return Tense(EventStatus.HYPOTHETICAL, EventType.REQUEST)
    if st["refusal_verbs"].search(near):
        return Tense(EventStatus.OCCURRED, EventType.REJECT)
    if st["negation"].search(_last_words(near, _NEGATION_WORDS)) and etype not in (
        EventType.REJECT,
        EventType.THREATEN,
    ):
        return Tense(EventStatus.OCCURRED, etype, dropped=True)
    return None


def _words_after(text: str, trig: Trigger, clause: Span, sent: Span) -> str:
    """The words after the trigger that can say what became of it."""
    after = text[trig.reach : min(clause.end, trig.reach + 40)]
    if trig.rule.pos == "noun":
        # "Talks between X and Y, who are not covered by the accord, are due to resume": the
        # noun's predicate comes after a relative clause set off by commas.
        rel = _RELATIVE.match(text, trig.reach, min(sent.end, trig.reach + 160))
        if rel is not None:
            after = text[rel.end() : min(sent.end, rel.end() + 40)]
    return after


# What a meeting noun is about, between it and its predicate: "talks on a new truce".
_NOUN_COMPLEMENT = re.compile(r"(?:on|over|about|with|between|for|in|to)\s[^,;:.]{0,50}", re.I)


def _dormant(rx: re.Pattern[str], after: str) -> bool:
    """Whether the words after an event noun say it is in abeyance ("talks remain frozen",
    "talks on a new truce have stalled")."""
    m = rx.search(after, 0, 90)
    if m is None:
        return False
    gap = after[: m.start()].strip()
    return not gap or _NOUN_COMPLEMENT.fullmatch(gap) is not None


def _not_an_event(
    lex: EventLexicon,
    text: str,
    trig: Trigger,
    where: tuple[Span, Span],
    etype: EventType,
    conditional: bool,
    after: str,
    lead_if: re.Match[str] | None,
) -> Tense | None:
    """A dropped Tense when the trigger names a condition, a deal's terms or a state of
    affairs rather than something that happens; None otherwise."""
    clause, sent = where
    if lead_if and clause.start == sent.start and clause.end < sent.end:
        # The condition itself ("If talks fail, ..."): not an event.
        return Tense(EventStatus.HYPOTHETICAL, etype, dropped=True)
    if etype not in _SPOKEN:
        if conditional:
            # "... if the army agreed to a ceasefire": the condition of an offer.
            return Tense(EventStatus.HYPOTHETICAL, etype, dropped=True)
        if lex.terms_lead.match(text, sent.start, trig.start):
            # "Under the deal, the two sides agreed to open links": the deal's terms.
            return Tense(EventStatus.HYPOTHETICAL, etype, dropped=True)
    if trig.rule.pos == "noun" and _dormant(lex.status["dormant_after"], after.lstrip()):
        # "talks remain frozen": a state of affairs, not something that happened.
        return Tense(EventStatus.ONGOING, etype, dropped=True)
    return None
