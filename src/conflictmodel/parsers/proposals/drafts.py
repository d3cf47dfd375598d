"""Proposal drafts: their types, how a draft is built and extended, and how drafts become proposals."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from conflictmodel.context import Mention, ParseContext
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.proposals import (
    Condition,
    Proposal,
    ProposalStatus,
    Provision,
    ProvisionKind,
)
from conflictmodel.model.span import Span
from conflictmodel.model.textdates import TextDate
from conflictmodel.parsers.language.clauses import (
    c_next,
    is_lead_frame,
    sentence_windows,
    trimmed_span,
)
from conflictmodel.parsers.language.mentions import (
    actor_mentions,
    actors_with_fallback,
    as_party,
    register,
    subject_actors,
    territory_mentions,
)
from conflictmodel.parsers.proposals.grammar import (
    _DET_WORDS,
    _MONTHS,
    _NP_STOP,
    _NUMBER_WORDS,
    _PREPOSITIONS,
    continued_end,
)
from conflictmodel.parsers.proposals.provisions import find_provisions
from conflictmodel.resources import load_data

if TYPE_CHECKING:
    from conflictmodel.parsers.proposals.stage import ProposalParser

__all__ = [
    "absorb",
    "add_people",
    "add_responders",
    "draft_region",
    "extend_draft",
    "find_venue",
    "new_draft",
]


# ---------------------------------------------------------------------------------- the stage


_HISTORICAL = re.compile(r"\b(?:previous|former|earlier)\b[\w\s'’-]{0,40}$", re.IGNORECASE)


def _historical(text: str, draft: _Draft) -> bool:
    """ "a previous deal", "the earlier agreement": a superseded agreement is context, not a
    proposal.  A dated deal ("the 1994 ceasefire agreement", "a 2015 accord") is kept: it
    names one agreement, and a reader lists it even when it is mentioned in passing."""
    before = text[max(0, draft.anchor.start - 45) : draft.anchor.end]
    return _HISTORICAL.search(before) is not None


def _drop_headline(text: str, drafts: list[_Draft]) -> list[_Draft]:
    # A headline (an unpunctuated first line) restates the body's proposal; keeping it
    # would count the same deal twice.
    if len(drafts) < 2:
        return drafts
    nl = text.find("\n")
    head = text[:nl].rstrip() if nl > 0 else ""
    if not head or head[-1] in ".!?\"'\u201d\u2019\u00bb:":
        return drafts
    first = drafts[0]
    if first.end > nl:
        return drafts
    if any(first.kinds <= d.kinds for d in drafts[1:]):
        return drafts[1:]
    return drafts


@attrs.define(kw_only=True)
class _Draft:
    anchor: Span
    trigger: str
    start: int
    end: int
    first_sentence: int
    last_sentence: int
    proposer: Actor | None = None
    co_proposers: list[Actor] = attrs.Factory(list)
    responders: list[tuple[Actor, ProposalStatus, Span]] = attrs.Factory(list)
    anchor_proposer: bool = False
    recipients: list[Actor] = attrs.Factory(list)
    provisions: list[Provision] = attrs.Factory(list)
    conditions: list[Condition] = attrs.Factory(list)
    status: ProposalStatus = ProposalStatus.UNKNOWN
    venue: str | None = None
    date: TextDate | None = None
    source: Actor | None = None
    references: list[Span] = attrs.Factory(list)
    anaphoric: bool = False
    explicit: bool = False

    @property
    def kinds(self) -> frozenset[tuple[ProvisionKind, str | None]]:
        return frozenset((p.kind, p.label) for p in self.provisions)

    def richness(self) -> tuple[int, int, int, int]:
        terr = sum(len(p.territories) + (1 if p.recognized_as else 0) for p in self.provisions)
        return (
            len(self.kinds),
            terr,
            (self.source is not None) + (self.date is not None) + (self.venue is not None),
            -self.start,
        )


_STATUS_RANK = {
    ProposalStatus.UNKNOWN: 0,
    ProposalStatus.PROPOSED: 1,
    ProposalStatus.DEMANDED: 1,
    ProposalStatus.PRESENTED: 2,
    ProposalStatus.UNDER_CONSIDERATION: 3,
    ProposalStatus.ACCEPTED: 4,
    ProposalStatus.REJECTED: 4,
    ProposalStatus.SIGNED: 5,
    ProposalStatus.ENDED: 6,
}
_RESPONDER = frozenset(
    {
        ProposalStatus.ACCEPTED,
        ProposalStatus.REJECTED,
        ProposalStatus.SIGNED,
        ProposalStatus.ENDED,
        ProposalStatus.UNDER_CONSIDERATION,
    }
)


# Implicit cues with these statuses ("agreed to a truce") make their subject a party that
# accepts, not a proposer.
_AGREEING = frozenset(
    {ProposalStatus.ACCEPTED, ProposalStatus.SIGNED, ProposalStatus.REJECTED, ProposalStatus.ENDED}
)
# Statuses whose subject is the party the proposal was put to.
_RECEIVING = frozenset(
    {ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.UNDER_CONSIDERATION}
)


def absorb(into: _Draft, d: _Draft) -> None:
    """Fold what draft ``d`` says of the same proposal into ``into``: the later status, the
    source, date and venue where ``into`` has none, ``d``'s anchor and references as further
    references, and responders and recipients not yet there."""
    into.status = _later(into.status, d.status)
    into.source = into.source or d.source
    into.date = into.date or d.date
    into.venue = into.venue or d.venue
    into.references.extend([d.anchor, *d.references])
    for r in d.responders:
        if r not in into.responders:
            into.responders.append(r)
    known = {x.id for x in into.recipients}
    for rec in d.recipients:
        if rec.id not in known:
            into.recipients.append(rec)
            known.add(rec.id)


def _later(old: ProposalStatus, new: ProposalStatus) -> ProposalStatus:
    return new if _STATUS_RANK[new] > _STATUS_RANK[old] else old


@attrs.frozen(kw_only=True)
class _Trigger:
    span: Span
    word: str
    det: str | None
    np_start: int
    generic: bool
    soft_generic: bool
    negated: bool
    weak: bool
    named: bool
    anaphoric: bool
    plural: bool
    modifier_status: ProposalStatus | None
    owner: tuple[Mention, Actor] | None


@attrs.define(kw_only=True)
class _Anchor:
    clause: Span
    start: int
    end: int
    trigger_text: str
    status: ProposalStatus
    cue_start: int
    proposer_from_subject: bool
    trigger: _Trigger | None
    implicit: bool
    owner_actor: Actor | None = None
    governed: bool = False
    framed: bool = False
    """An implicit offer that a trigger names ("proposed a plan that ...")."""
    aim: Provision | None = None
    """For an implicit cue whose complement no phrase types: its stated aim."""


def new_draft(
    self: ProposalParser,
    ctx: ParseContext,
    idx: int,
    sent: Span,
    a: _Anchor,
    anchors: Sequence[_Anchor],
    clauses: Sequence[Span],
    masks: Sequence[Span],
    conditions: Sequence[Condition],
) -> _Draft | None:
    text = ctx.text
    region = self._region(text, a, anchors, clauses, sent)
    provisions = find_provisions(text, region, self.provisions, ctx=ctx, exclude=masks)
    if not provisions and a.trigger is not None and _is_appositive(text, a, clauses):
        # "... — a longstanding Russian demand": the demand is what the previous clause said.
        prev = [c for c in clauses if c.end <= a.clause.start]
        if prev:
            provisions = find_provisions(text, prev[-1], self.provisions, ctx=ctx, exclude=masks)
    if a.implicit and not provisions and a.aim is not None:
        provisions = [a.aim]
    if a.implicit and not provisions:
        return None
    draft = _Draft(
        anchor=Span(start=a.start, end=a.end),
        trigger=a.trigger_text,
        start=sent.start,
        end=sent.end,
        first_sentence=idx,
        last_sentence=idx,
        status=a.status,
        explicit=a.trigger is not None,
    )
    draft.provisions = _merge_provisions([], provisions)
    draft.conditions = [
        c for c in conditions if c.span.start >= a.clause.start or c.span.end > a.start
    ]
    self._people(ctx, draft, a, sent)
    if a.implicit and not a.framed and draft.proposer is None and a.proposer_from_subject:
        # An offer or a demand is somebody's; without a proposer it is just a topic.
        return None
    draft.anchor_proposer = a.proposer_from_subject and draft.proposer is not None
    draft.venue = self._venue(text, a, sent)
    draft.date = _nearest_date(ctx, sent, a.start)
    draft.source = _source(ctx, sent)
    return draft


_REFUSAL_END = re.compile(r"\b(?:until|unless)$", re.I)
_SPELLS_OUT = re.compile(r"[\s,]{0,3}[:\u2014\u2013]")


def draft_region(
    self: ProposalParser,
    text: str,
    a: _Anchor,
    anchors: Sequence[_Anchor],
    clauses: Sequence[Span],
    sent: Span,
) -> Span:
    """The part of the sentence whose provisions belong to anchor ``a``: its clause, and the
    clauses that follow until another anchor or a new subject."""
    # An implicit offer or demand governs what follows it, not what precedes it.
    start = a.start if a.implicit else a.clause.start
    if a.implicit and _REFUSAL_END.search(a.trigger_text):
        # "will not disarm unless Israel stops ...": what is refused is not a term.
        start = a.end
    end = a.clause.end
    # Another proposal later in the same clause owns what follows it, and one earlier owns
    # what precedes ("presented a new plan to restart dialogue, years after X tore up a 2015
    # accord": the dialogue is the plan's).
    for b in anchors:
        if b is not a and b.clause == a.clause and b.start > a.end:
            end = min(end, b.start)
        elif b is not a and b.clause == a.clause and b.end <= a.start:
            start = max(start, a.start)
    others = [b for b in anchors if b is not a and b.clause != a.clause]
    if is_lead_frame(text, a.clause, sent):
        # "Under the Jeddah Declaration, both sides committed to ...": what follows is its
        # content.
        nxt = c_next(clauses, a.clause)
        if nxt is not None and not any(b.clause == nxt and not b.implicit for b in others):
            end = nxt.end
    after = a.clause.end
    if _SPELLS_OUT.match(text, a.end, a.clause.end + 3):
        # "Moscow's terms — Ukraine's withdrawal ... — had not changed": what the colon or
        # dash opens is the noun's content.
        nxt = c_next(clauses, a.clause)
        if nxt is not None and not any(b.clause == nxt for b in others):
            end = after = max(end, nxt.end)
    subject_only = not text[a.end : a.clause.end].strip(" ,")
    taken = {b.clause for b in others}
    end = continued_end(text, clauses, taken, after, end, subject_only=subject_only)
    return Span(start=start, end=end)


def add_people(
    self: ProposalParser, ctx: ParseContext, draft: _Draft, a: _Anchor, sent: Span
) -> None:
    """The proposer, co-proposers, responders and recipients of a new proposal."""
    subjects = _anchor_subjects(ctx, a, sent)
    owner = a.trigger.owner if a.trigger is not None else None
    if a.implicit and a.owner_actor is not None:
        draft.proposer = a.owner_actor
    elif owner is not None:
        draft.proposer = as_party(ctx, owner[1])
        if a.status in _RESPONDER:
            others = [act for _, act in subjects if act.id != owner[1].id]
            draft.responders = _responding(ctx, a, others)
    elif a.proposer_from_subject and subjects:
        parties = [as_party(ctx, act) for _, act in subjects]
        draft.proposer = parties[0]
        draft.co_proposers = [p for p in parties[1:] if p.id != parties[0].id]
    elif subjects and a.status in _RESPONDER:
        draft.responders = _responding(ctx, a, [act for _, act in subjects])
    recips = _recipients(ctx, a, self._rx.group_heads)
    if not recips and a.status in _RECEIVING | {ProposalStatus.SIGNED}:
        recips = [x for x, _, _ in draft.responders]
    seen: set[str] = set()
    draft.recipients = []
    for r in recips:
        if r.id not in seen and (draft.proposer is None or r.id != draft.proposer.id):
            draft.recipients.append(r)
            seen.add(r.id)


_DATELINE = re.compile(
    r"\s{0,3}[A-Z][A-Z.'’/ -]{1,40}(?:,\s{1,3}[A-Z][\w .'’-]{1,40})?"
    r"(?:,\s{1,3}[A-Z][a-z]{2,8}\.?\s{1,3}\d{1,2})?\s{0,3}(?:\([\w .'’-]{2,30}\))?\s{0,3}"
    r"(?:-{1,2}|[\u2014\u2013])\s"
)


def _anchor_subjects(ctx: ParseContext, a: _Anchor, sent: Span) -> list[tuple[Mention, Actor]]:
    """Who the anchor's clause is about: the subject before its cue (in the clause, else the
    sentence), else the speaker of a quote it stands in."""
    clause = a.clause
    # "RABAT (Reuters) - The UN Security Council urged ...": the dateline names a place, not
    # the subject.
    dateline = _DATELINE.match(ctx.text, sent.start, a.cue_start)
    first = dateline.end() if dateline else sent.start
    subjects = subject_actors(ctx, max(first, clause.start), a.cue_start)
    if not subjects and clause.start > first:
        subjects = subject_actors(ctx, first, a.cue_start)
    if not subjects:
        # "«We are ready for a ceasefire», Peskov said": the speaker.
        for st in ctx.statements_at(a.start):
            if st.speaker is not None:
                return [
                    (Mention(span=st.speaker_span or st.span, target=st.speaker.id), st.speaker)
                ]
    return subjects


def _responding(
    ctx: ParseContext, a: _Anchor, actors: Sequence[Actor]
) -> list[tuple[Actor, ProposalStatus, Span]]:
    """Each actor responds to the proposal with the anchor's status; the clause is evidence."""
    return [(as_party(ctx, x), a.status, trimmed_span(ctx.text, a.clause)) for x in actors]


def add_responders(self: ProposalParser, ctx: ParseContext, draft: _Draft, a: _Anchor) -> None:
    if a.status not in _RESPONDER:
        return
    for _, act in subject_actors(ctx, a.clause.start, a.cue_start):
        p = as_party(ctx, act)
        if all((x.id, st) != (p.id, a.status) for x, st, _ in draft.responders) and (
            draft.proposer is None or p.id != draft.proposer.id
        ):
            draft.responders.append((p, a.status, trimmed_span(ctx.text, a.clause)))


def find_venue(self: ProposalParser, text: str, a: _Anchor, sent: Span) -> str | None:
    # "a plan handed to Gulf mediators in Doha", "signed in Pretoria", "struck in Jeddah"
    after = a.trigger.span.end if a.trigger is not None else a.end
    tail = text[after : min(sent.end, after + 90)]
    m = re.match(
        r"(?:\s{1,3}(?:to|with)\s{1,3}(?:(?:the|its|their|his|her|our|key|both|all|western|arab|"
        r"regional)\s{1,3})?[A-Z][^,;.]{0,50}?)?"
        r"(?:\s{1,3}(?:signed|struck|reached|agreed|brokered|concluded|sealed|announced|held|"
        r"unveiled|presented|drafted|negotiated|mediated))?\s{1,3}(?:in|at)\s{1,3}(?:the\s{1,3})?"
        r"(?P<v>[A-Z][\w'’.-]*(?:\s{1,3}(?:el-|al-)?[A-Z][\w'’.-]*){0,2})",
        tail,
    )
    if (
        m
        and m.group("v").lower().split()[0].strip(".") not in _MONTHS
        and not re.fullmatch(r"\d+", m.group("v"))
    ):
        return m.group("v").rstrip(".")
    if a.trigger is not None:
        mods = text[a.trigger.np_start : a.trigger.span.start]
        vm = self._rx.venue_name.search(mods)
        if vm:
            return vm.group()
    return None


def extend_draft(
    self: ProposalParser,
    ctx: ParseContext,
    draft: _Draft,
    region: Span,
    sent: Span,
    idx: int,
    masks: Sequence[Span],
    conditions: Sequence[Condition],
    *,
    add_territories: bool = False,
) -> None:
    text = ctx.text
    new = find_provisions(text, region, self.provisions, ctx=ctx, exclude=masks)
    draft.provisions = _merge_provisions(draft.provisions, new)
    for c in conditions:
        if c.span.start < region.end + 1 and c not in draft.conditions:
            draft.conditions.append(c)
    # "It also covers Luhansk and Kherson": more territories of the last
    # territorial provision.
    if (
        add_territories
        and not new
        and re.match(
            r"\W{0,3}(?:this|it|that|these|the\s+list|the\s+demand)\s{1,3}(?:would\s{1,3})?(?:also\s{1,3})?(?:includ|cover|extend|appl)",
            text[region.start : region.end],
            re.I,
        )
    ):
        terrs = [t for _, t in territory_mentions(ctx, region)]
        for i in range(len(draft.provisions) - 1, -1, -1):
            p = draft.provisions[i]
            if p.kind is ProvisionKind.TERRITORIAL_RECOGNITION:
                extra = [
                    t
                    for t in terrs
                    if t.id not in {x.id for x in p.territories}
                    and (p.recognized_as is None or t.code != p.recognized_as)
                ]
                if extra:
                    draft.provisions[i] = attrs.evolve(p, territories=(*p.territories, *extra))
                break
    draft.end = max(draft.end, sent.end)
    draft.last_sentence = max(draft.last_sentence, idx)
    if draft.date is None:
        draft.date = _nearest_date(ctx, sent, sent.start)
    if draft.source is None:
        draft.source = _source(ctx, sent)


def _noun_phrase(text: str, trig_start: int, floor: int) -> tuple[int, str | None, list[str]]:
    """(start of the noun phrase, its determiner, its modifiers) of a trigger noun."""
    pos = trig_start
    mods: list[str] = []
    det: str | None = None
    for _ in range(7):
        seg = text[max(floor, pos - 40) : pos]
        m = re.search(r"([\w'’.-]+)(\s{1,3})$", seg)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        wstart = pos - (len(seg) - m.start(1))
        if low in _DET_WORDS:
            det = low
            pos = wstart
            # "the most recent", "all the" stay inside the phrase
            break
        if low in _PREPOSITIONS or low in _NP_STOP:
            break
        if low.endswith(("'s", "’s")) or low.endswith(("s'", "s’")):
            mods.insert(0, word)
            pos = wstart
            break
        mods.insert(0, word)
        pos = wstart
    return pos, det, mods


def _has_numeral(mods: Sequence[str]) -> bool:
    return any(re.match(r"\d", w) or w.lower() in _NUMBER_WORDS for w in mods)


def _owner(
    ctx: ParseContext, np_start: int, trig_start: int, venue: re.Pattern[str] | None = None
) -> tuple[Mention, Actor] | None:
    """The actor named inside the trigger's noun phrase ("Russia's demand", "the Egyptian
    proposal", "a US-drafted plan"); a place the talks were held ("the Jeddah Declaration",
    "the Doha framework") is a venue, not an owner."""
    text = ctx.text
    found = [
        (m, a)
        for m, a in actors_with_fallback(ctx, Span(start=np_start, end=trig_start))
        if a.kind is not ActorKind.MEDIA
        and not (
            venue is not None
            and venue.fullmatch(m.span.of(text))
            and not re.match(r"['’]s?\b", text[m.span.end : m.span.end + 2])
        )
    ]
    if not found:
        return None
    m, a = found[-1]
    return (m, as_party(ctx, register(ctx, m, a), m, modifier=True))


_AGENT_AFTER = re.compile(
    r",?\s{1,3}(?:(?:[\w'’-]+,?\s{1,3}){0,5}?(?:"
    + "|".join(
        r"\s+".join(re.escape(w) for w in p.split())
        for p in sorted(
            load_data("proposals_words.json")["agent_participles"], key=len, reverse=True
        )
    )
    + r")\s{1,3})?(?:by|from)\s{1,3}"
)


_PLAN_NOUNS = frozenset(
    w for ws in load_data("proposals_words.json")["plan_families"].values() for w in ws
)


def _owner_after(ctx: ParseContext, trig_end: int, limit: int) -> tuple[Mention, Actor] | None:
    """ "a proposal by Egypt", "a truce brokered by Qatar", "the plan put forward by Kyiv"."""
    tail = ctx.text[trig_end : min(limit, trig_end + 60)]
    m = _AGENT_AFTER.match(tail)
    if not m:
        return None
    skipped = tail[: m.end()].lower().split()
    for i, w in enumerate(skipped[1:], 1):
        if w.rstrip("s,") in _PLAN_NOUNS and skipped[i - 1] in _DET_WORDS:
            # "the plan builds on a proposal drafted by Kenya": Kenya drafted the other one
            # ("the ceasefire agreement, brokered by Qatar" is one noun phrase).
            return None
    at = trig_end + m.end()
    found = actor_mentions(ctx, Span(start=at, end=min(limit, at + 60)))
    for mention, actor in found:
        if mention.span.start - at <= 30 and actor.kind is not ActorKind.MEDIA:
            return mention, actor
    return None


def _is_appositive(text: str, a: _Anchor, clauses: Sequence[Span]) -> bool:
    if a.clause == clauses[0]:
        return False
    head = text[a.clause.start : a.start].strip().lower()
    return (
        bool(re.fullmatch(r"(?:a|an|the|one|another)?(?:\s*[\w'’-]+){0,4}", head))
        and a.trigger is not None
        and (
            a.trigger.word.lower().startswith(
                ("demand", "condition", "ultimatum", "proposal", "offer", "plan", "idea")
            )
        )
    )


def _recipients(ctx: ParseContext, a: _Anchor, group_heads: frozenset[str]) -> list[Actor]:
    text = ctx.text
    tail_start = a.end
    tail = text[tail_start : min(a.clause.end, tail_start + 120)]
    m = re.search(r"(?<![\w-])to\s{1,3}", tail)
    if not m or m.start() > 40:
        return []
    at = tail_start + m.end()
    words = re.match(
        r"((?:(?:the|its|their|his|her|our|key|both|all|several|some|western|arab|regional|"
        r"[A-Z][\w'’.-]*)\s{1,3}){0,4}[\w'’.-]+)",
        text[at : min(a.clause.end, at + 80)],
    )
    if not words:
        return []
    phrase = Span(start=at, end=at + len(words.group(1)))
    out: list[Actor] = []
    out_end = at
    found = actor_mentions(ctx, Span(start=at, end=min(a.clause.end, at + 80)))
    for mention, actor in found:
        if mention.span.start > phrase.end + 1:
            # coordinated recipients: "to Israel and Hamas"
            gap = text[out_end : mention.span.start]
            if not out or not re.fullmatch(
                r"\s{0,3}(?:,|and|,\s{0,3}and)\s{0,3}(?:the\s{1,3})?", gap
            ):
                break
        if mention.span.start - at > 40 and not out:
            break
        out.append(as_party(ctx, actor))
        out_end = mention.span.end
    if out:
        return out
    try:
        from conflictmodel.parsers.actors import resolve_phrase
    except ImportError:  # pragma: no cover - the actors stage is part of the package
        return []
    resolved = resolve_phrase(ctx, phrase)
    if resolved is not None:
        return [as_party(ctx, resolved)]
    head = words.group(1).split()
    if len(head) >= 2 and head[-1].lower() in group_heads and head[-2][:1].isupper():
        name = " ".join(head[-2:])
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        actor = Actor(
            id=f"group:{slug}",
            name=name,
            kind=ActorKind.GROUP,
            mentions=(Span(start=phrase.end - len(name), end=phrase.end),),
        )
        return [ctx.add_actor(actor)]
    return []


def _nearest_date(ctx: ParseContext, sent: Span, at: int) -> TextDate | None:
    dates = [d for d in ctx.dates_in(sent) if d.span is not None]
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.span.start - at) if d.span else 0)


_SOURCE_RX = re.compile(
    r"\b[Aa]ccording\s{1,3}to\s{1,3}(?:(?:a|an|the)\s{1,3})?(?:(?:new|recent|exclusive|latest)\s{1,3})?"
    r"(?:(?:report|reports|reporting|article|story|investigation|dispatch|leak)\s{1,3}(?:by|in|from|of)\s{1,3})?"
    r"(?:the\s{1,3})?(?P<a>[A-Z][\w'’.&-]*(?:\s{1,3}[A-Z][\w'’.&-]*){0,3})"
    r"|(?P<b>[A-Z][\w'’.&-]*(?:\s{1,3}[A-Z][\w'’.&-]*){0,3})\s{1,3}(?:first\s{1,3})?(?:reported|reports|revealed|"
    r"said\s{1,3}in\s{1,3}a\s{1,3}report)\b"
    r"|\b(?:[Rr]eported|[Rr]evealed|first\s{1,3}reported)\s{1,3}by\s{1,3}(?:the\s{1,3})?(?P<c>[A-Z][\w'’.&-]*(?:\s{1,3}[A-Z][\w'’.&-]*){0,3})"
)


def _source(ctx: ParseContext, sent: Span) -> Actor | None:
    """The outlet that reported it: "according to a report by Bloomberg", "Bloomberg reported"."""
    text = ctx.text
    for win in sentence_windows(sent, text):
        for m in _SOURCE_RX.finditer(text, win.start, win.end):
            g = "a" if m.group("a") else "b" if m.group("b") else "c"
            gspan = Span(start=m.start(g), end=m.end(g))
            found = actor_mentions(ctx, Span(start=max(0, gspan.start - 1), end=gspan.end + 1))
            media = [a for _, a in found if a.kind is ActorKind.MEDIA]
            if media:
                return media[0]
            if found and g != "b":
                return found[-1][1]
            words = m.group(g).split()
            if g == "b" and found:
                continue
            # An outlet the gazetteer does not know: one or two capitalised words.
            if (
                len(words) <= 2
                and words[0].lower() not in {"the", "a", "an", "sources", "officials"}
                and not found
            ):
                name = " ".join(words).rstrip(".,")
                if (
                    name.lower() in {"he", "she", "they", "it", "we", "i"}
                    or name.lower() in _MONTHS
                ):
                    continue
                slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                if not slug:
                    continue
                actor = Actor(
                    id=f"media:{slug}",
                    name=name,
                    kind=ActorKind.MEDIA,
                    mentions=(Span(start=gspan.start, end=gspan.start + len(name)),),
                )
                return ctx.add_actor(actor)
    for st in ctx.statements_overlapping(sent):
        if st.via is not None:
            return st.via
    return None


def _merge_provisions(old: Sequence[Provision], new: Sequence[Provision]) -> list[Provision]:
    """Add provisions, folding one of the same kind and label into the earlier one (its
    territories, parties and duration)."""
    out = list(old)
    for p in new:
        for i, q in enumerate(out):
            if q.kind is p.kind and q.label == p.label:
                if q.span == p.span:
                    break
                out[i] = attrs.evolve(
                    q,
                    territories=(
                        *q.territories,
                        *(t for t in p.territories if t.id not in {x.id for x in q.territories}),
                    ),
                    parties=(
                        *q.parties,
                        *(a for a in p.parties if a.id not in {x.id for x in q.parties}),
                    ),
                    recognized_as=q.recognized_as or p.recognized_as,
                    duration_days=q.duration_days or p.duration_days,
                )
                break
        else:
            out.append(p)
    return out


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """Merge repeated mentions of the same proposal: same proposer, same provision kinds."""
    groups: list[list[_Draft]] = []
    # Drafts join a group when proposer, kinds and durations are equal: one lookup each, so
    # an article with hundreds of drafts is not compared pair by pair.
    by_key: dict[tuple[object, ...], list[_Draft]] = {}
    for d in drafts:
        if d.proposer is None or not d.kinds:
            groups.append([d])
            continue
        key = (d.proposer.id, d.kinds, _durations(d))
        group = by_key.get(key)
        if group is None:
            group = by_key[key] = [d]
            groups.append(group)
        else:
            group.append(d)
    out: list[_Draft] = []
    for g in groups:
        best = max(g, key=lambda d: d.richness())
        for d in g:
            if d is best:
                continue
            absorb(best, d)
        out.append(best)
    out.sort(key=lambda d: d.start)
    return out


def _durations(d: _Draft) -> frozenset[int]:
    return frozenset(p.duration_days for p in d.provisions if p.duration_days)


def _finish(ctx: ParseContext, d: _Draft) -> Proposal:
    text = ctx.text
    start, end = d.start, d.end
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg.rstrip())
    span = Span(start=start + lead, end=start + max(lead, trail))
    return Proposal(
        id=f"prop:{span.start}-{span.end}",
        trigger=d.trigger,
        text=text[span.start : span.end],
        span=span,
        proposer=d.proposer,
        recipients=d.recipients,
        provisions=d.provisions,
        conditions=d.conditions,
        status=d.status,
        venue=d.venue,
        date=d.date,
        source=d.source,
        mentions=sorted(
            {(r.start, r.end): r for r in d.references if r.start >= 0}.values(),
            key=lambda r: r.start,
        ),
    )
