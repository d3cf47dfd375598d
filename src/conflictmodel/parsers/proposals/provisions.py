"""Provisions, conditions and position objects stated in a span of text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from conflictmodel.context import Mention, ParseContext
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.proposals import Condition, Provision, ProvisionKind
from conflictmodel.model.span import Span
from conflictmodel.model.territories import Territory
from conflictmodel.parsers.language.clauses import clause_end, overlaps_any, sentence_windows
from conflictmodel.parsers.language.gate import text_cache
from conflictmodel.parsers.language.mentions import (
    actor_mentions,
    as_party,
    lookup_country,
    territory_mentions,
)
from conflictmodel.parsers.proposals.grammar import (
    _CONTENT_SUBJECT,
    _DURATION_AFTER,
    _DURATION_BEFORE,
    _POSITION_OBJECT,
    _SOFT_STOP,
    _TRAIL,
    _duration_days,
)
from conflictmodel.parsers.proposals.lexicon import (
    ProposalLexicon,
    ProvisionLexicon,
    _Compiled,
    _Rx,
)
from conflictmodel.resources import load_data

__all__ = ["find_conditions", "find_provisions", "position_objects", "recognized_as"]


# ---------------------------------------------------------------------------------- provisions


def _extent(text: str, start: int, end: int, limit: int, stops: Sequence[Span]) -> int:
    """Where a provision phrase that matched ``[start, end)`` ends: at the next soft stop, the
    next provision or a masked span (condition), at most ~150 characters on."""
    hard = min(limit, end + 150)
    for s in stops:
        if end <= s.start < hard:
            hard = s.start
    m = _SOFT_STOP.search(text, end, hard) if hard > end else None
    stop = m.start() if m else hard
    if m is None and hard < min(limit, end + 150):
        # Cut short by the next provision: end before the "and"/comma that joins them.
        j = max(text.rfind(" and ", end, stop), text.rfind(",", end, stop))
        if j >= end:
            stop = j
    seg = text[start:stop]
    trimmed = _TRAIL.sub("", seg)
    new_end = start + len(trimmed.rstrip())
    return max(end, new_end)


_RECOG_AS = re.compile(
    r"\bas\s{1,3}(?:an?\s{1,3})?(?:(?:integral|inalienable|legitimate|lawful|sovereign)\s{1,3})?"
    r"(?:part\s{1,3}of|belonging\s{1,3}to)\s{1,3}(?P<x>(?:the\s{1,3})?[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,3})"
    r"|\bas\s{1,3}(?P<y>[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,2})\s{1,3}(?:territory|land|lands|soil|regions?)\b"
    r"|(?P<z>[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,2})['’]s?\s{1,3}(?:(?:de\s{1,3}facto|de\s{1,3}jure|full)\s{1,3})?"
    r"(?:control|sovereignty|rule|annexation|ownership|authority)\s{1,3}(?:over|of)\b"
    r"|\bunder\s{1,3}(?P<w>[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,2})\s{1,3}(?:control|sovereignty|rule)\b"
)


def recognized_as(
    ctx: ParseContext | None, text: str, start: int, end: int, limit: int
) -> tuple[str | None, int, Span | None]:
    """(ISO code, end of the frame, span of the state's name) of "as part of X" / "X's control
    over" after a recognition phrase that runs from ``start`` to ``end`` (shared with the claims
    stage, which reads the same frame).

    Example:
        >>> t = "recognise Crimea as part of Russia"
        >>> recognized_as(None, t, 0, 16, len(t))
        ('RU', 34, Span(start=28, end=34))
    """
    m = _RECOG_AS.search(text, start, min(limit, end + 120))
    if not m:
        return None, end, None
    for g in ("x", "y", "z", "w"):
        if m.group(g) is None:
            continue
        gspan = Span(start=m.start(g), end=m.end(g))
        code: str | None = None
        if ctx is not None:
            for _, actor in actor_mentions(ctx, Span(start=gspan.start, end=gspan.end + 2)):
                if actor.kind is ActorKind.STATE and actor.country:
                    code = actor.country
                    break
            if code is None:
                for _, terr in territory_mentions(ctx, Span(start=gspan.start, end=gspan.end + 2)):
                    if terr.code and len(terr.code) == 2:
                        code = terr.code
                        break
        if code is None:
            words = m.group(g)
            for n in range(len(words.split()), 0, -1):
                code = lookup_country(" ".join(words.split()[:n]))
                if code:
                    break
        if code is None:
            return None, end, None
        frame_end = m.end()
        if g == "x":
            # "... part of the Russian Federation." : the full stop is not part of the name.
            frame_end = m.start(g) + len(m.group(g).rstrip("."))
            gspan = Span(start=gspan.start, end=frame_end)
        return code, max(end, frame_end), gspan
    return None, end, None


def find_provisions(
    text: str,
    span: Span | None = None,
    lexicon: ProvisionLexicon | None = None,
    *,
    ctx: ParseContext | None = None,
    exclude: Sequence[Span] = (),
) -> list[Provision]:
    """Typed provisions stated in ``text[span]``, in text order.

    Spans are offsets into ``text``.  With a ``ctx`` (whose ``text`` must be ``text``) the
    provisions also get the territories and actors mentioned in their phrase, the state a
    territory would be recognised as part of (``recognized_as``), and phrases of the lexicon's
    ``requires_territory`` table count when a territory mention follows them.  Nothing inside
    ``exclude`` (conditions, other people's demands) is a provision.

    Example:
        >>> t = "freezing the front line and then easing sanctions on Belarus"
        >>> [(p.kind.value, p.text) for p in find_provisions(t)]
        [('frontline_freeze', 'freezing the front line'), ('sanctions_relief', 'easing sanctions on Belarus')]
    """
    lex = lexicon or ProvisionLexicon.default()
    if span is None:
        span = Span(start=0, end=len(text))
    out: list[Provision] = []
    for win in sentence_windows(span, text):
        out.extend(_find_in_window(text, win, lex, ctx, exclude))
    return out


def _pattern_hits(text: str, win: Span, lex: ProvisionLexicon) -> list[tuple[int, int, _Compiled]]:
    """Matches of the lexicon's patterns in ``win`` (pattern by pattern, in text order), once
    per window and article."""
    memo = text_cache(text).memo
    key = ("provisions", id(lex))
    entry = memo.get(key)
    if entry is None:
        entry = memo[key] = (lex, {})
    by_window: dict[tuple[int, int], list[tuple[int, int, _Compiled]]] = entry[1]
    found = by_window.get((win.start, win.end))
    if found is not None:
        return found
    found = []
    patterns = lex._patterns()
    for i in sorted(lex._gate.candidates_in(text, win.start, win.end)):
        comp = patterns[i]
        for m in comp.regex.finditer(text, win.start, win.end):
            s, e = m.start(), m.end()
            if e <= s:
                continue
            # A phrase that ends in a preposition wants a definite object: "as part of Russia",
            # not "as part of a peace deal".
            if _ENDS_IN_PREP.search(m.group()) and _INDEFINITE_AFTER.match(text[e : e + 8]):
                continue
            found.append((s, e, comp))
    by_window[(win.start, win.end)] = found
    return found


_ENDS_IN_PREP = re.compile(r"\b(?:of|to|as)$", re.I)
_INDEFINITE_AFTER = re.compile(r"\s{1,3}(?:a|an|any|some)\b", re.I)


def _find_in_window(
    text: str,
    win: Span,
    lex: ProvisionLexicon,
    ctx: ParseContext | None,
    exclude: Sequence[Span],
) -> list[Provision]:
    hits = _pattern_hits(text, win, lex)
    if not hits:
        return []
    terr_mentions = territory_mentions(ctx, win) if ctx is not None else []
    chosen = _chosen_matches(text, hits, terr_mentions, exclude)
    starts = [Span(start=c[0], end=c[0] + 1) for c in chosen]
    provisions: list[Provision] = []
    for i, (s, e, comp) in enumerate(chosen):
        stops = [*exclude, *starts[i + 1 :]]
        end = _extent(text, s, e, win.end, stops)
        start = s
        duration: int | None = None
        recognized: str | None = None
        skip_spans: list[Span] = []
        nxt = starts[i + 1].start if i + 1 < len(starts) else win.end
        if comp.kind is ProvisionKind.CEASEFIRE:
            start, end, duration = _ceasefire_duration(text, win, s, e, end)
        if comp.kind is ProvisionKind.TERRITORIAL_RECOGNITION:
            recognized, end, name_span = _recognition(ctx, text, s, end, min(nxt, win.end), exclude)
            if name_span is not None:
                skip_spans.append(name_span)
        if ctx is not None:
            end = _territory_list_end(text, terr_mentions, end, nxt, exclude)
        pspan = Span(start=start, end=max(end, start))
        territories: list[Territory] = []
        parties: list[Actor] = []
        if ctx is not None:
            territories, parties = _territories_and_parties(
                ctx, pspan, comp, s, recognized, skip_spans
            )
        provisions.append(
            Provision(
                kind=comp.kind,
                text=text[pspan.start : pspan.end],
                span=pspan,
                territories=territories,
                parties=parties,
                recognized_as=recognized,
                duration_days=duration,
                label=comp.label if comp.kind is ProvisionKind.OTHER else None,
            )
        )
    return provisions


def _recognition(
    ctx: ParseContext | None,
    text: str,
    s: int,
    end: int,
    limit: int,
    exclude: Sequence[Span],
) -> tuple[str | None, int, Span | None]:
    """A recognition phrase's state ("as part of Russia"): (ISO code or None, the provision's
    end, the span of the state's name)."""
    recognized, frame_end, name_span = recognized_as(ctx, text, s, end, limit)
    if (
        recognized
        and frame_end <= limit
        and not overlaps_any(Span(start=s, end=frame_end), exclude)
    ):
        end = max(end, frame_end)
    elif recognized and name_span is not None and name_span.start < end:
        pass
    else:
        recognized = None if not (name_span and name_span.end <= end) else recognized
    return recognized, end, name_span


def _territory_list_end(
    text: str,
    terr_mentions: Sequence[tuple[Mention, Territory]],
    end: int,
    nxt_start: int,
    exclude: Sequence[Span],
) -> int:
    """ "recognition of Crimea, Luhansk and Donetsk": the end of the whole list of territories
    that follows a provision ending at ``end`` (before the next provision at ``nxt_start``)."""
    for tm, _ in terr_mentions:
        if tm.span.start < end or tm.span.end > nxt_start:
            continue
        if tm.span.start - end > 12 or not _LIST_GAP.fullmatch(text[end : tm.span.start]):
            break
        if overlaps_any(tm.span, exclude):
            break
        end = tm.span.end
    return end


_LIST_GAP = re.compile(r"(?:,|,?\s{1,3}(?:and|or))?\s{1,3}(?:the\s{1,3})?|\s{0,3},\s{0,3}")


def _ceasefire_duration(
    text: str, win: Span, s: int, e: int, end: int
) -> tuple[int, int, int | None]:
    """A ceasefire's duration ("a 30-day ceasefire", "a truce for two weeks") and the span
    (start, end) of the provision extended over it."""
    start = s
    duration: int | None = None
    before = _DURATION_BEFORE.search(text[max(win.start, s - 30) : s])
    if before:
        duration = _duration_days(before.group("n"), before.group("u"))
        if duration:
            start = max(win.start, s - 30) + before.start()
    after = _DURATION_AFTER.match(text[e : min(win.end, e + 40)])
    if duration is None and after:
        duration = _duration_days(after.group("n"), after.group("u"))
        if duration:
            end = max(end, e + after.end())
    return start, end, duration


def _chosen_matches(
    text: str,
    hits: Sequence[tuple[int, int, _Compiled]],
    terr_mentions: Sequence[tuple[Mention, Territory]],
    exclude: Sequence[Span],
) -> list[tuple[int, int, _Compiled]]:
    """The matches that make provisions: a ``requires_territory`` phrase extended to the
    territory that follows it, nothing inside ``exclude``, the longest of overlapping ones; in
    text order."""
    cands: list[tuple[int, int, _Compiled]] = []
    for s, e, comp in hits:
        if comp.needs_territory:
            hit = None
            for tm, _ in terr_mentions:
                if tm.span.start >= e and tm.span.start - e <= 60:
                    between = text[e : tm.span.start]
                    if not re.search(r"[;.!?]|\b(?:if|unless|but|while)\b", between):
                        hit = tm
                    break
            if hit is None:
                continue
            e = hit.span.end
        cands.append((s, e, comp))
    cands = [
        c
        for c in cands
        if not overlaps_any(Span(start=c[0], end=c[1]), exclude)
        and not _is_agent(text, c[0], c[1])
        and not _ended(text, c[0], c[2])
    ]
    # Longest match wins overlaps ("ceasefire monitoring" over "ceasefire").
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, _Compiled]] = []
    for c in cands:
        if all(c[1] <= k[0] or c[0] >= k[1] for k in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


# "a deal brokered by Russian peacekeepers", "UN monitors said": the phrase names who acts or
# speaks, not a term of the deal.
_PEOPLE = frozenset(load_data("provisions.json")["people_nouns"])
_OVERSIGHT = frozenset(load_data("provisions.json")["oversight_verbs"])
_AGENT_BEFORE = re.compile(
    r"\bby\s{1,3}(?:the\s{1,3}|a\s{1,3}|an\s{1,3})?(?:[\w'’-]+\s{1,3}){0,2}$", re.I
)
# "clashed with NATO peacekeepers", "an attack on UN monitors": people an event happens to.
_TARGET_BEFORE = re.compile(
    r"\b(?:clash\w*|fight\w*|fought|attack\w*|kill\w*|wound\w*|shot|shoot\w*|target\w*)"
    r"\s{1,3}(?:with\s{1,3}|on\s{1,3}|against\s{1,3})?(?:the\s{1,3})?(?:[\w'’-]+\s{1,3}){0,2}$",
    re.I,
)
_SPEAKS_AFTER = re.compile(
    r"\s{1,3}(?:said|say|says|told|reported|warned|added|noted|stated|accused|confirmed)\b"
)


# "the Kremlin ended a 30-day ceasefire", "both sides violated the truce": a deal that was,
# named as an event, not a term someone proposes.
_ENDED_BEFORE = re.compile(
    r"\b(?:ended|broke|broken|violated|violating|violates|breached|breaching|collapsed|"
    r"abandoned|scrapped|tore\s+up|expired)\s{1,3}(?:the\s{1,3}|a\s{1,3}|an\s{1,3}|its\s{1,3}|"
    r"their\s{1,3})?(?:[\w'’-]+\s{1,3}){0,2}$",
    re.I,
)


def _ended(text: str, start: int, comp: _Compiled) -> bool:
    """Whether a ceasefire phrase at ``start`` is the object of a verb that ends or breaks it."""
    if comp.kind is not ProvisionKind.CEASEFIRE:
        return False
    return _ENDED_BEFORE.search(text, max(0, start - 40), start) is not None


def _is_agent(text: str, start: int, end: int) -> bool:
    """Whether the phrase at ``text[start:end]``, naming people ("peacekeepers", "monitors"),
    is the agent of a passive ("brokered by peacekeepers"), the subject of a speech verb
    ("monitors said") or whom an event befell ("clashed with peacekeepers"); a document as
    agent ("set by the ceasefire agreement") stays a term."""
    last = text[start:end].rsplit(None, 1)[-1].casefold() if end > start else ""
    if last not in _PEOPLE:
        return False
    agent = _AGENT_BEFORE.search(text, max(0, start - 40), start)
    if agent:
        # "watched by international monitors" is a monitoring term all the same.
        verb = text[max(0, agent.start() - 30) : agent.start()].split()
        return not (verb and verb[-1].casefold() in _OVERSIGHT)
    if _TARGET_BEFORE.search(text, max(0, start - 40), start):
        return True
    return _SPEAKS_AFTER.match(text, end, min(len(text), end + 12)) is not None


def _territories_and_parties(
    ctx: ParseContext,
    pspan: Span,
    comp: _Compiled,
    s: int,
    recognized: str | None,
    skip_spans: Sequence[Span],
) -> tuple[list[Territory], list[Actor]]:
    """The territories and the parties a provision's phrase names (not the state it would be
    recognised as part of)."""
    territories: list[Territory] = []
    parties: list[Actor] = []
    for _, terr in territory_mentions(ctx, pspan):
        if recognized and (terr.code == recognized or terr.id == recognized):
            continue
        if terr.id not in {t.id for t in territories}:
            territories.append(terr)
    if comp.kind is ProvisionKind.TERRITORIAL_RECOGNITION:
        before_actor = _actor_right_before(ctx, s)
        if before_actor is not None:
            parties.append(before_actor)
    for am, actor in actor_mentions(ctx, pspan):
        if any(am.span.overlaps(x) for x in skip_spans):
            continue
        if recognized and actor.country == recognized and actor.kind is ActorKind.STATE:
            continue
        if any(am.span.overlaps(tm.span) for tm, _ in territory_mentions(ctx, pspan)) and (
            comp.kind is ProvisionKind.TERRITORIAL_RECOGNITION
        ):
            continue
        party = as_party(ctx, actor)
        if party.id not in {p.id for p in parties} and actor.kind is not ActorKind.MEDIA:
            parties.append(party)
    return territories, parties


def _actor_right_before(ctx: ParseContext, offset: int) -> Actor | None:
    """The actor named right before ``offset`` as a modifier ("U.S. recognition", "Kyiv's
    recognition")."""
    win = Span(start=max(0, offset - 40), end=offset)
    found = actor_mentions(ctx, win)
    if not found:
        return None
    m, actor = found[-1]
    gap = ctx.text[m.span.end : offset]
    if re.fullmatch(
        r"(?:['’]s?)?\s{1,3}(?:(?:full|formal|official|de\s+jure|de\s+facto)\s{1,3})?", gap
    ):
        return as_party(ctx, actor)
    return None


# ---------------------------------------------------------------------------------- conditions


def find_conditions(
    text: str, span: Span | None = None, lexicon: ProposalLexicon | None = None
) -> list[Condition]:
    """Conditions in ``text[span]``: a condition marker ("if", "only after", "provided that",
    "unless", "in the event of") and the rest of its clause.

    Example:
        >>> t = "lifting sanctions if a lasting ceasefire is achieved."
        >>> [c.text for c in find_conditions(t)]
        ['if a lasting ceasefire is achieved']
    """
    rx: _Rx = (lexicon or ProposalLexicon.default())._compiled
    if span is None:
        span = Span(start=0, end=len(text))
    memo = text_cache(text).memo
    key = ("conditions", id(rx), span.start, span.end)
    cached: tuple[_Rx, list[Condition]] | None = memo.get(key)
    if cached is None:
        cached = memo[key] = (rx, _conditions(text, span, rx))
    return list(cached[1])


def _conditions(text: str, span: Span, rx: _Rx) -> list[Condition]:
    out: list[Condition] = []
    for win in sentence_windows(span, text):
        last_end = -1
        for m in rx.condition.finditer(text, win.start, win.end):
            if m.start() < last_end:
                continue
            before = text[max(win.start, m.start() - 6) : m.start()].lower()
            if re.search(r"\b(?:as|even|what)\s$", before) and m.group().lower() == "if":
                continue
            end = clause_end(text, m.end(), min(win.end, m.end() + 250))
            seg = text[m.start() : end].rstrip().rstrip("\"”»’'").rstrip()
            if len(seg.split()) < 3:
                continue
            out.append(Condition(text=seg, span=Span(start=m.start(), end=m.start() + len(seg))))
            last_end = m.start() + len(seg)
    return out


def position_objects(text: str, span: Span, triggers: re.Pattern[str] | None = None) -> list[Span]:
    """What actors push, call or argue for ("pushing for a ceasefire") inside ``span``: the rest
    of the clause after such a cue.  These phrases are positions, not provisions of a proposal,
    unless the object is itself a proposal ("rejected the Egyptian proposal for a truce":
    ``triggers`` finds those).

    Example:
        >>> t = "with Cairo pushing for a truce in Gaza"
        >>> [s.of(t) for s in position_objects(t, Span(start=0, end=len(t)))]
        ['pushing for a truce in Gaza']
    """
    memo = text_cache(text).memo
    key = ("position_objects", id(triggers), span.start, span.end)
    cached: tuple[re.Pattern[str] | None, list[Span]] | None = memo.get(key)
    if cached is None:
        cached = memo[key] = (triggers, _position_objects(text, span, triggers))
    return list(cached[1])


def _position_objects(text: str, span: Span, triggers: re.Pattern[str] | None) -> list[Span]:
    out: list[Span] = []
    for win in sentence_windows(span, text):
        for m in _POSITION_OBJECT.finditer(text, win.start, win.end):
            if _CONTENT_SUBJECT.search(text[max(win.start, m.start() - 30) : m.start()]):
                continue
            if m.group()[:4].lower() == "back" and _PARTICLE_VERB.search(
                text, max(win.start, m.start() - 50), m.start()
            ):
                # "pull their fighters back from ...": a particle, not "to back" a plan.
                continue
            if _STOPPED_BEFORE.search(text, max(win.start, m.start() - 12), m.start()):
                # "stop supporting armed groups": the term of a deal, no stance.
                continue
            end = clause_end(text, m.end(), min(win.end, m.end() + 250))
            if triggers is not None and any(
                " ".join(h.group("t").lower().split()) not in _WEAK_OBJECTS
                and len(text[m.end() : h.start()].split()) <= 5
                for h in triggers.finditer(text, m.end(), min(end, m.end() + 60))
            ):
                continue
            # "rejected the plan and demands a referendum": the second verb has its own object.
            nxt = _NEXT_VERB.search(text, m.end(), end)
            if nxt:
                end = nxt.start()
            out.append(Span(start=m.start(), end=end))
    return out


_STOPPED_BEFORE = re.compile(
    r"\b(?:stop|stops|stopped|stopping|end|ends|ended|ending|cease|ceases|ceased|halt|halts|"
    r"halted|quit)\s{1,3}$",
    re.I,
)
_PARTICLE_VERB = re.compile(
    r"\b(?:pull\w*|draw\w*|drew|fall\w*|fell|go|goes|going|gone|went|come|came|coming|step\w*|"
    r"hand\w*|give\w*|gave|bring\w*|brought|roll\w*|scal\w*|turn\w*|get|gets|got|move\w*|"
    r"send\w*|sent|win\w*|won|hold\w*|held|cut\w*|pay\w*|paid|fight\w*|fought|push\w*)"
    r"(?:\s{1,3}[\w'’-]+){0,3}\s{1,3}$",
    re.I,
)

# A ceasefire pushed for is a stance; a plan rejected is news about the plan.
_WEAK_OBJECTS = frozenset(load_data("proposals_words.json")["weak_objects"])

_QUID_PRO_QUO = re.compile(r"in\s+(?:exchange|return)\s+for\b", re.I)
# "would withdraw", "would be allowed to return", "will see 33 hostages freed": terms of a deal.
_IRREALIS = re.compile(
    r"\b(?:would|will|shall)\s{1,3}(?:also\s{1,3}|then\s{1,3}|\w+ly\s{1,3})?"
    r"(?:(?:be\s{1,3}(?:\w+ed|allowed|expected|required)\s{1,3}(?:to\s{1,3})?)|see\s{1,3}"
    r"(?:[\w,'’-]+\s{1,3}){0,3}|include\s{1,3}|involve\s{1,3}|receive\s{1,3}|get\s{1,3})?"
    r"(?:the\s{1,3}|a\s{1,3}|an\s{1,3})?$",
    re.I,
)

_NEXT_VERB = re.compile(
    r"\b(?:and|but)\s{1,3}(?:then\s{1,3}|also\s{1,3}|instead\s{1,3})?(?:demand|seek|insist|call|want|"
    r"offer|propos|reject|accept|urg|push|back|support|oppos|agree|refus|press)\w*\b",
    re.I,
)
