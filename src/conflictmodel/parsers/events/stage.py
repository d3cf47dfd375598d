"""The ``events`` stage: what happened, who did it, where, when, and the toll (PLOVER).

One matcher pass finds every trigger and mode cue of the lexicon in the article; sentences with
no trigger are skipped.  In a sentence with triggers, each clause's triggers are checked against
their rules and merged into events; each event then gets its status and PLOVER's tense rules
(a planned meeting is AGREE, a promised withdrawal CONCEDE), its participants from the actors
stage, a place, a date, the toll, and the proposal it concerns.  The evidence span is the part
of the clause that states the event.

Example:
    >>> from conflictmodel import parse_article
    >>> art = parse_article("Russian drones struck Sumy on Sunday, killing at least 35 people.",
    ...                     published="2025-04-14")
    >>> [(e.type.value, e.mode, e.place.name, e.killed.count, str(e.date.value)) for e in art.events]
    [('assault', 'drone', 'Sumy', 35, '2025-04-13')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from conflictmodel.context import ParseContext
from conflictmodel.model.events import Event, EventStatus, EventType
from conflictmodel.model.span import Span
from conflictmodel.model.statements import StatementKind
from conflictmodel.parsers.events.coreference import (
    attack_told_again,
    damage_told,
    family,
    named_in,
    told_again,
)
from conflictmodel.parsers.events.details import (
    PlaceFinder,
    TollReader,
    casualties_near,
    event_date,
    toll_reader,
)
from conflictmodel.parsers.events.lexicon import EventLexicon
from conflictmodel.parsers.events.participants import SentenceParties, participants
from conflictmodel.parsers.events.status import future_type, is_future, tense
from conflictmodel.parsers.events.triggers import (
    ModeCues,
    Trigger,
    find_triggers,
    merge_in_clause,
)
from conflictmodel.parsers.language.clauses import clause_at, clause_spans, trimmed_span

__all__ = ["EventParser"]

# Types a third party brokers or hosts.
_MEDIATED = frozenset(
    {
        EventType.CONSULT,
        EventType.AGREE,
        EventType.SUPPORT,
        EventType.CONCEDE,
        EventType.RETREAT,
        EventType.COOPERATE,
    }
)
# Types an event can concern a proposal in ("talks on the US plan").
_ABOUT_PROPOSALS = frozenset(
    {
        EventType.CONSULT,
        EventType.AGREE,
        EventType.SUPPORT,
        EventType.REJECT,
        EventType.CONCEDE,
        EventType.SANCTION,
    }
)


# Events that are themselves about the future: a threat or a refusal stays one when its content
# is conditional ("threatened to strike if ...").
_SPOKEN = frozenset({EventType.THREATEN, EventType.REJECT})


_FAR = 1 << 62
# A sentence of casualties alone within this many sentences after an attack gives its toll.
_TOLL_REACH = 2


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of the sorted ``spans`` (the few that start
    just before it are looked at, not all)."""
    i = bisect.bisect_right(spans, (start, _FAR)) - 1
    return any(spans[j][0] <= start and end <= spans[j][1] for j in range(i, max(-1, i - 4), -1))


# "..., saying one person was killed in raids on the port": the attack the toll was taken in.
_TOLL_IN = re.compile(
    r"\b(?:killed|wounded|injured|died|dead|hurt)\b[^.;:]{0,40}?\s(?:in|by)\s{1,3}"
    r"(?:(?:the|an?)\s{1,3})?(?:[\w-]+\s{1,3})?$",
    re.I,
)


_AND_TO = re.compile(r"\W{0,3}(?:and|or)\s{1,3}(?:not\s{1,3})?to\s", re.I)
_PROMISES = frozenset({EventType.AGREE, EventType.CONCEDE})


def _coordinated_promises(text: str, events: list[Event]) -> list[Event]:
    """ "agreed to exchange prisoners and to continue talks", "pledged to boost trade and to hold
    exercises": a second infinitive is more of the same promise, not an event of its own."""
    out: list[Event] = []
    for e in events:
        prev = out[-1] if out else None
        if prev is not None and prev.type in _PROMISES and _AND_TO.match(text, e.span.start):
            span = Span(start=prev.span.start, end=e.span.end)
            out[-1] = attrs.evolve(prev, id=f"event:{span.start}-{span.end}", span=span)
            continue
        out.append(e)
    return out


def _toll_circumstances(text: str, events: list[Event]) -> list[Event]:
    """Drop an attack noun that only says how a toll of the sentence came about ("one person
    was killed in raids on Ras Isa") when an attack was already told in the sentence: it is
    that attack, and the toll goes to it."""
    out: list[Event] = []
    for e in events:
        at = text.find(e.trigger or "", e.span.start, e.span.end) if e.trigger else -1
        if (
            e.type is EventType.ASSAULT
            and at > 0
            and any(o.type is EventType.ASSAULT for o in out)
            and _TOLL_IN.search(text, max(e.span.start, at - 60), at)
        ):
            continue
        out.append(e)
    return out


def _own_scene(toll: Event, attack: Event, sent: Span) -> bool:
    """Whether a sentence of casualties names a place or a date of its own, other than the
    attack's before it: "One, on a clinic in Sagaing in January, killed 17" is another attack."""
    when = toll.date.value if toll.date is not None else None
    if when is not None and (attack.date is None or attack.date.value != when):
        return True
    place = toll.place
    if place is None:
        return False
    # Mentions are in text order: a binary search keeps a place named all through a long
    # article cheap.
    i = bisect.bisect_left(place.mentions, sent.start, key=lambda m: m.start)
    if i >= len(place.mentions) or place.mentions[i].start >= sent.end:
        return False
    return attack.place is None or attack.place.id != place.id


def _with_casualties(attack: Event, toll: Event) -> Event:
    """The attack with the figures a later sentence gives, where it had none of its own."""
    return attrs.evolve(
        attack,
        killed=attack.killed or toll.killed,
        wounded=attack.wounded or toll.wounded,
    )


_DETERMINED = re.compile(
    r"(?:\b(?:the|a|an|this|that|these|those|its|their|his|her|our|of|such|any|no|some)"
    r"\s{1,3}(?:[\w'’-]+\s{1,3}){0,2}|['’]s?\s{1,3}(?:[\w'’-]+\s{1,3})?)$",
    re.I,
)


_PAST_FORMS = frozenset(
    {"met", "fought", "struck", "took", "shot", "overran", "retook", "withdrew", "froze", "gave",
     "sent", "held", "led", "began", "swept", "drove", "beat", "broke", "seized", "quit"}
)  # fmt: skip
_AUXILIARY = re.compile(
    r"\b(?:would|will|could|might|should|can|must|shall|did|does|do|has|have|had|'ll|to)"
    r"\s{1,3}(?:(?:not|also|then|again|later|soon|now)\s{1,3})?$",
    re.I,
)


# A party named after an event noun, known to the gazetteer or not: "crimes committed by
# Da'esh", "the defeat of Da'esh", "clashes between Fano and the army".
_NAMED_AFTER = re.compile(
    r"\s{1,3}(?:[a-z][\w'’-]*\s{1,3}){0,2}?(?:by|of|against|between|with)\s{1,3}"
    r"(?:the\s{1,3})?[A-Z][\w'’-]+"
)


def _nominal(text: str, trig: Trigger, sent: Span) -> bool:
    """Whether the trigger is a noun ("the talks", "Russia's invasion", "Fighting is no
    answer"), not a verb with a subject of its own ("both sides deployed troops")."""
    if trig.rule.pos == "noun":
        return True
    word = text[trig.start : trig.end]
    if " " not in word and (word.endswith("ed") or word in _PAST_FORMS):
        # "The two sides agreed ...", "the rebels struck ...": a finite verb after its subject
        # ("the agreed ceasefire", a participle after an article, is dropped before).
        return False
    if _AUXILIARY.search(text, max(0, trig.start - 12), trig.start):
        # "warned that it would target ...": a verb after a modal, whatever precedes it.
        return False
    return not text[sent.start : trig.start].strip(" \t\n\"“‘'(") or bool(
        _DETERMINED.search(text, max(0, trig.start - 40), trig.start)
    )


_AUX_ONLY = re.compile(
    r"(?:\s{1,3}(?:have|has|had|since|already|now|reportedly|recently|also|just))*\s{1,3}", re.I
)


def _crowd_arrival(text: str, event: Event, crowd: re.Pattern[str]) -> bool:
    """Whether a meeting or visit without parties has a crowd of people for its subject ("some
    12,000 people have arrived in Tawila": people arriving, not a visit; PLOVER's CONSULT is a
    meeting of parties)."""
    if event.type is not EventType.CONSULT or not event.trigger:
        return False
    at = text.find(event.trigger, event.span.start, event.span.end)
    if at <= 0:
        return False
    # The crowd may stand before the span when the clause was cut before its verb
    # ("..., and some 12,000 people have | since arrived"); only auxiliaries may follow it.
    found = list(crowd.finditer(text, max(0, at - 60), at))
    return bool(found) and _AUX_ONLY.fullmatch(text, found[-1].end(), at) is not None


def _specific(event: Event, text: str, sent: Span) -> bool:
    """Whether an event says who, where, when or how many: an event noun with none of these
    ("the fighting", "a ceasefire", "negotiations") is the topic of a sentence, not a record
    of something that happened (a verb has a subject even when no actor is named).  A place
    counts when its sentence names it: the dateline's or the sentence before's says nothing
    about this noun."""
    named_here = named_in(text, event, sent)
    return bool(
        event.actors
        or event.targets
        or event.mediator
        or named_here
        or event.date
        or event.killed
        or event.wounded
    )


# Between two items of a list: "..., Kyiv's counteroffensive, and Western military aid".
_LIST_GAP = re.compile(r"\s{0,2},\s{1,3}(?:and\s{1,3})?(?:[\w'’-]+\s{1,3}){0,3}")
_SUPERLATIVE = re.compile(
    r"(?:\bin|,|\bmaking\s{1,3}it)\s{1,3}(?:(?:one|some|many)\s{1,3}of\s{1,3})?(?:the|its|their)\s{1,3}"
    r"(?:[\w-]+est|worst|biggest|largest|latest|first|most\s{1,3}[\w-]+)\s{1,3}(?:[\w-]+\s{1,3}){0,2}$",
    re.I,
)
# "the latest in a campaign of attacks on shipping": the kind of event the one just told
# belongs to, not another event.
_KIND_OF = re.compile(
    r"\b(?:latest|last|newest|first|second|third|one)\s{1,3}(?:in|of)\s{1,3}(?:a|an|the)\s{1,3}"
    r"(?:[\w-]+\s{1,3})?(?:series|string|spate|wave|campaign|cycle|pattern|succession)\s{1,3}"
    r"of\s{1,3}(?:[\w'’-]+\s{1,3}){0,2}$",
    re.I,
)
_ARTICLE = re.compile(r"\b(?:the|a|an)\s{1,3}(?:[a-z]+ly\s{1,3})?$", re.I)
# A participle after a preposition and before a noun is an adjective: "formed by ousted
# lawmakers", "the return of detained activists".
_PREP_ADJ = re.compile(r"\b(?:by|of|for|with|from|among|to)\s{1,3}$", re.I)
_NOUN_NEXT = re.compile(
    r"\s{1,3}(?!(?:in|on|at|by|and|or|the|a|an|to|from|with|for|into|near|during|after|"
    r"before|last|this|on)\b)[a-z][\w-]+"
)
_COMPLEMENT = re.compile(r"\s{1,3}(?:of|on|against|by|between|in)\s{1,3}[A-Z]")
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their|such|said)\s{1,3}$", re.I)
_BACKGROUND = re.compile(
    r"\b(?:during|throughout|since|amid|amidst|despite|before|after|through|over|in|under)\s{1,3}"
    r"(?:the|this|that|its|their)\s{1,3}(?:[\w-]+\s{1,3})?$",
    re.I,
)
# An indefinite event noun closing a time adjunct: "after a ceasefire.", "until a deal,".
_SOME_TIME = re.compile(
    r"\b(?:after|before|during|until|following|pending)\s{1,3}(?:a|an|any)\s{1,3}(?:[\w-]+\s{1,3})?$",
    re.I,
)
_CLAUSE_END = re.compile(r"\s{0,2}(?:[.;:!?]|,\s|$)")
_END_PUNCT = frozenset('.!?"”’)…')


def _is_heading(text: str, paras: Sequence[Span], starts: list[int], sent: Span) -> bool:
    """A headline, subhead or caption: a paragraph of one unpunctuated sentence."""
    body = text[sent.start : sent.end].strip()
    if not body or body[-1] in _END_PUNCT:
        return False
    i = bisect.bisect_right(starts, sent.start) - 1
    if i < 0 or paras[i].end < sent.end:
        return False
    return text[paras[i].start : paras[i].end].strip() == body


_JOIN = re.compile(
    r",\s|;\s|\s(?:and|but|while|as|after|before|since|until|following|amid|when|because)\s",
    re.I,
)


def _cut(text: str, after: int, before: int, verb_before: re.Pattern[str]) -> int:
    """Where the text of one event ends and the next begins: the last clause joint between
    them ("met on Thursday, and the two sides will hold talks"), else the verb that governs
    the second ("groups that signed the accord in 2015 announced the suspension ..."), else
    the end of the first."""
    last = None
    for m in _JOIN.finditer(text, after, before):
        last = m
    if last is not None:
        return last.start() + 1
    gov = None
    for m in verb_before.finditer(text, max(after, before - 40), before):
        gov = m
    if gov is not None and gov.start() > after and len(text[gov.end() : before].split()) <= 3:
        return gov.start()
    return after


def _in_direct_quote(ctx: ParseContext, trig: Trigger) -> bool:
    return bool(ctx.statements) and any(
        s.kind is StatementKind.DIRECT and s.span.start <= trig.start < s.span.end
        for s in ctx.statements_at(trig.start)
    )


class EventParser:
    """Pipeline stage ``events``: fills ``ctx.events``.

    Args:
        lexicon: the triggers and cues (default: ``data/events.json``).
        extra_triggers: more trigger entries, in the shape of ``data/events.json``'s
            ``triggers`` (``[{"type": "protest", "words": ["staged a walkout"]}]``).

    Example:
        >>> EventParser(extra_triggers=[{"type": "protest", "words": ["staged a walkout"]}]).name
        'events'
    """

    name = "events"
    requires: tuple[str, ...] = ("sentences", "actors")
    # Read when an earlier stage provides them; the stage works without.
    uses: tuple[str, ...] = ("dates", "territories", "places", "proposals")
    provides: tuple[str, ...] = ("events",)

    def __init__(
        self,
        *,
        lexicon: EventLexicon | None = None,
        extra_triggers: Iterable[Mapping[str, Any]] | None = None,
    ) -> None:
        lex = lexicon or EventLexicon.default()
        if extra_triggers:
            lex = lex.extend(extra_triggers)
        self.lexicon = lex
        self._toll: TollReader = toll_reader(lex)

    def __call__(self, ctx: ParseContext) -> None:
        text = ctx.text
        if not text.strip() or not ctx.sentences:
            return
        doc = ctx.doc
        by_sentence, mode_hits, mediated = self._hits(ctx)
        if not by_sentence:
            return
        cues = ModeCues(mode_hits)
        places = PlaceFinder(ctx, self.lexicon)
        seen: set[str] = set()
        types_seen: set[str] = set()
        said: dict[str, list[Event]] = {}
        paras = doc.paragraphs
        starts = [p.start for p in paras]
        from_toll: set[str] = set()
        agreements = self.lexicon.agreement_nouns
        last_attack: tuple[int, int] | None = None
        attacks: list[Event] = []
        for si in sorted(by_sentence):
            sent = doc.sentences[si]
            if ctx.is_furniture(sent) or _is_heading(text, paras, starts, sent):
                continue
            if text[sent.start : sent.end].rstrip(" \n\"”’')").endswith("?"):
                # "What was signed?", "Will the minister travel to Yerevan?": a question
                # reports nothing.
                continue
            hits = by_sentence[si]
            found = self._sentence(
                ctx, sent, hits, cues, places, types_seen, si in mediated, from_toll
            )
            for event in found:
                if event.id in seen or told_again(text, event, said, agreements):
                    continue
                if attack_told_again(text, event, attacks, sent):
                    # "Israeli strikes killed 27 ... The military said it had struck
                    # 'terrorist infrastructure'": the same strikes, in the attacker's words.
                    continue
                if (
                    (event.id in from_toll or damage_told(text, event, self.lexicon.damage_verbs))
                    and last_attack
                    and si - last_attack[0] <= _TOLL_REACH
                    and not _own_scene(event, ctx.events[last_attack[1]], sent)
                ):
                    # "Drones struck Sumy. Ten people were killed.": the toll of that attack.
                    i = last_attack[1]
                    ctx.events[i] = _with_casualties(ctx.events[i], event)
                    continue
                seen.add(event.id)
                ctx.events.append(event)
                kind = family(event)
                if kind is not None:
                    said.setdefault(kind, []).append(event)
                if event.type is EventType.ASSAULT:
                    last_attack = (si, len(ctx.events) - 1)
                    attacks.append(event)

    def _hits(
        self, ctx: ParseContext
    ) -> tuple[dict[int, list[tuple[int, int, int]]], list[tuple[int, int, str]], set[int]]:
        """One pass of the lexicon's matcher: trigger hits by sentence index, mode cues, and
        the sentences that hold a mediator cue."""
        doc = ctx.doc
        by_sentence: dict[int, list[tuple[int, int, int]]] = {}
        mode_hits: list[tuple[int, int, str]] = []
        blocked: list[tuple[int, int]] = []
        mediated: set[int] = set()
        for s, e, (kind, i, tag) in self.lexicon.matcher.finditer(ctx.text, folded=doc.folded):
            if kind == "m":
                mode_hits.append((s, e, tag))
            elif kind == "b":
                blocked.append((s, e))
            else:
                si = doc.sentence_index(s)
                if si is None:
                    continue
                if kind == "d":
                    mediated.add(si)
                else:
                    by_sentence.setdefault(si, []).append((s, e, i))
        if blocked:
            # A trigger inside "prisoners of war" or "war crimes" is no event.
            blocked.sort()
            for si, hits in by_sentence.items():
                by_sentence[si] = [h for h in hits if not _inside(blocked, h[0], h[1])]
        return by_sentence, mode_hits, mediated

    # ------------------------------------------------------------------ per sentence

    def _sentence(
        self,
        ctx: ParseContext,
        sent: Span,
        hits: list[tuple[int, int, int]],
        cues: ModeCues,
        places: PlaceFinder,
        types_seen: set[str],
        mediated: bool,
        from_toll: set[str],
    ) -> list[Event]:
        """The events of one sentence; those that stand only on a casualty word go in
        ``from_toll``."""
        text = ctx.text
        doc = ctx.doc
        triggers = find_triggers(self.lexicon, doc, sent, hits)
        if not triggers:
            return []
        triggers, tolls = _split_tolls(triggers)
        clauses = clause_spans(text, sent)
        units = self._units(ctx, clauses, triggers)
        out: list[Event] = []
        info = SentenceParties(ctx, self.lexicon, sent, mediated)
        absorbed: dict[str, set[str]] = {}
        topic_end = -1
        nominal: set[str] = set()
        for trig, clause, seg in units:
            if self._topic(text, trig, clause, topic_end):
                # "the latest developments on Russia's invasion, Kyiv's counteroffensive and
                # Western aid": what a text is about, not events it reports.
                topic_end = trig.reach
                continue
            event = self._event(ctx, info, trig, clause, seg, sent, cues, places, types_seen)
            if event is not None:
                out.append(event)
                if _nominal(text, trig, sent) and not _NAMED_AFTER.match(
                    text, trig.reach, min(seg.end, trig.reach + 40)
                ):
                    nominal.add(event.id)
                if trig.rule.toll:
                    from_toll.add(event.id)
                # "agreed to a ceasefire": a later "the ceasefire" refers back to it too.
                absorbed[event.id] = {
                    self._seen_key(text, trig.start, trig.end, r.type)
                    for r in (trig.rule, *trig.absorbed)
                } | {self._seen_key(text, trig.start, trig.end, event.type)}
        if tolls and not any(e.type is EventType.ASSAULT for e in out):
            # The attack words were not events ("the war", again) but the toll is news.
            clause = clause_at(clauses, tolls[0].start)
            seg = trimmed_span(text, clause)
            event = self._event(ctx, info, tolls[0], clause, seg, sent, cues, places, set())
            if event is not None and event.id not in {e.id for e in out}:
                out.append(event)
                from_toll.add(event.id)
                out.sort(key=lambda e: e.span.start)
        out = _toll_circumstances(text, _coordinated_promises(text, out))
        kept = [
            e if e.place else attrs.evolve(e, place=places.focus(e.type, e.actors))
            for e in self._with_toll(ctx, sent, out)
            if (e.id not in nominal or _specific(e, text, sent))
            and not _crowd_arrival(text, e, self.lexicon.crowd)
        ]
        for e in kept:
            types_seen.update(absorbed.get(e.id, ()))
        return kept

    def _units(
        self, ctx: ParseContext, clauses: list[Span], triggers: list[Trigger]
    ) -> list[tuple[Trigger, Span, Span]]:
        """(trigger, its clause, its own text) in text order: a clause's triggers, merged
        where they name one happening, share the clause, cut between them."""
        text = ctx.text
        grouped: dict[Span, list[Trigger]] = {}
        for t in triggers:
            grouped.setdefault(clause_at(clauses, t.start), []).append(t)
        units: list[tuple[Trigger, Span, Span]] = []
        for clause, trigs in grouped.items():
            merged = merge_in_clause(text, ctx.doc, trigs)
            cuts = [clause.start]
            for n in range(1, len(merged)):
                cuts.append(
                    _cut(text, merged[n - 1].reach, merged[n].start, self.lexicon.light_verbs)
                )
            cuts.append(clause.end)
            for n, t in enumerate(merged):
                seg = trimmed_span(text, Span(start=cuts[n], end=cuts[n + 1]))
                units.append((t, clause, seg))
        units.sort(key=lambda u: u[0].start)
        return units

    def _seen_key(self, text: str, start: int, end: int, etype: EventType) -> str:
        """What a later definite mention refers back to: the type, with wars apart from the
        strikes and battles fought in them ("the war" after a strike is the war)."""
        if etype is EventType.ASSAULT and text[start:end].lower() in self.lexicon.war_nouns:
            return "assault:war"
        return etype.value

    def _topic(self, text: str, trig: Trigger, clause: Span, after: int) -> bool:
        """Whether the event noun at ``trig`` is a topic ("coverage of the war"), or the next
        item of a list of topics that ended at ``after``."""
        if after >= 0 and _LIST_GAP.fullmatch(text, after, trig.start):
            return True
        lo = max(clause.start, trig.start - 60)
        return self.lexicon.topic.search(text, lo, trig.start) is not None

    def _with_toll(self, ctx: ParseContext, sent: Span, events: list[Event]) -> list[Event]:
        """The sentence's toll, given to the attack whose text holds it, else the last attack
        before it, else the first."""
        assaults = [i for i, e in enumerate(events) if e.type is EventType.ASSAULT]
        if not assaults:
            return events
        killed, wounded = casualties_near(ctx, self._toll, sent)
        for cas, field in ((killed, "killed"), (wounded, "wounded")):
            if cas is None:
                continue
            at = cas.span.start
            inside = [i for i in assaults if events[i].span.start <= at < events[i].span.end]
            before = [i for i in assaults if events[i].span.start <= at]
            i = (inside or before[-1:] or assaults)[0]
            if field == "killed":
                events[i] = attrs.evolve(events[i], killed=cas)
            else:
                events[i] = attrs.evolve(events[i], wounded=cas)
        return events

    def _event(
        self,
        ctx: ParseContext,
        info: SentenceParties,
        trig: Trigger,
        clause: Span,
        seg: Span,
        sent: Span,
        cues: ModeCues,
        places: PlaceFinder,
        types_seen: set[str],
    ) -> Event | None:
        text = ctx.text
        if seg.end <= seg.start or _in_direct_quote(ctx, trig):
            return None
        if self._no_new_event(text, trig, types_seen):
            return None
        t = tense(self.lexicon, text, trig, clause, sent)
        if t.dropped or (t.speculative and t.type not in _SPOKEN):
            # Negated, or only supposed by the writer ("a war would be disastrous").
            return None
        etype = t.type
        status = t.status
        date = event_date(ctx, trig, seg, sent)
        if (
            status in (EventStatus.OCCURRED, EventStatus.ONGOING)
            and date is not None
            and date.value is not None
            and ctx.published is not None
            and is_future(date.value, date.precision, ctx.published)
        ):
            # "talks in Doha next month": dated after the article, so not yet happened.
            status, etype = EventStatus.PLANNED, future_type(etype)
        parts = participants(ctx, self.lexicon, info, trig, clause, seg, sent)
        mediator = parts.mediator if etype in _MEDIATED else None
        mode = self._mode(trig, etype, seg, cues, mediator is not None)
        proposal_id = None
        if etype in _ABOUT_PROPOSALS and ctx.proposals:
            props = ctx.proposals_overlapping(seg)
            if props:
                proposal_id = props[0].id
        return Event(
            id=f"event:{seg.start}-{seg.end}",
            type=etype,
            mode=mode,
            status=status,
            trigger=text[trig.start : trig.end],
            span=seg,
            actors=parts.actors,
            targets=parts.targets,
            mediator=mediator,
            # Named in the sentence, else the country it was aimed at ("attacked Iranian
            # sites"), else the place of the sentence before or the dateline.
            place=places.find(trig, seg, sent, fallback=False)
            or places.target_country(parts.targets, trig, seg)
            or places.fallback(trig, seg, sent),
            date=date,
            proposal_id=proposal_id,
        )

    def _no_new_event(self, text: str, trig: Trigger, types_seen: set[str]) -> bool:
        """Whether the word at ``trig`` names no new happening: the time of something else,
        an event already reported, one just told and now described, or an adjective."""
        det = _DEFINITE.search(text, max(0, trig.start - 12), trig.start)
        if det and _COMPLEMENT.match(text, trig.reach):
            # "the recapture of the dam", "the attacks on Kherson": a new, specific one.
            det = None
        keys = {
            self._seen_key(text, trig.start, trig.end, trig.type),
            self._seen_key(text, trig.start, trig.end, trig.rule.type),
        }
        if (
            trig.rule.pos == "noun"
            and _BACKGROUND.search(text, max(0, trig.start - 40), trig.start)
            and not _COMPLEMENT.match(text, trig.reach)
        ):
            # "children taken during the war", "amid the talks": the time of something else.
            return True
        if _SOME_TIME.search(text, max(0, trig.start - 40), trig.start) and _CLAUSE_END.match(
            text, trig.reach
        ):
            # "no European troops after a ceasefire": a time that may come, not an event.
            return True
        if det and keys & types_seen:
            # "the talks", "the ceasefire", "the strikes" again: the event already reported.
            return True
        if _SUPERLATIVE.search(text, max(0, trig.start - 60), trig.start) or _KIND_OF.search(
            text, max(0, trig.start - 80), trig.start
        ):
            # "..., in one of the deadliest assaults this year": the event just told, described.
            return True
        # A participle used as an adjective: "the sanctioned bank", "an occupied town".
        return text[trig.start : trig.end].endswith("ed") and bool(
            _ARTICLE.search(text, max(0, trig.start - 24), trig.start)
            or (
                _PREP_ADJ.search(text, max(0, trig.start - 8), trig.start)
                and _NOUN_NEXT.match(text, trig.end)
            )
        )

    def _mode(
        self, trig: Trigger, etype: EventType, seg: Span, cues: ModeCues, mediated: bool
    ) -> str | None:
        allowed = self.lexicon.modes.get(etype.value, frozenset())
        if trig.mode is not None and trig.mode in allowed and trig.type is etype:
            return trig.mode
        found = cues.between(seg.start, seg.end, etype.value)
        if found:
            return min(found, key=lambda c: abs(c[0] - trig.start))[1]
        if etype is EventType.CONSULT and mediated:
            return "third-party"
        return None


def _split_tolls(triggers: list[Trigger]) -> tuple[list[Trigger], list[Trigger]]:
    """(the triggers that are events, the casualty words held back as a toll).  A casualty
    word with an attack in its sentence is that attack's toll, not an event; without one, the
    first casualty word stands for the attack."""
    tolls = [t for t in triggers if t.rule.toll]
    if any(t.type is EventType.ASSAULT and not t.rule.toll for t in triggers):
        return [t for t in triggers if not t.rule.toll], tolls
    return [t for t in triggers if not t.rule.toll or t is tolls[0]], []
