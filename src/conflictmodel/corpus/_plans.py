"""Plans across articles: the same proposal resolved into one record with a dated history.

Articles report the same plan again and again — presented in March, studied in April,
rejected by one side in May, signed in November.  Each article has its own
[`Proposal`][conflictmodel.Proposal]; here they are joined into one
[`Plan`][conflictmodel.corpus.Plan] when the evidence agrees (see ``_score``):

* the same **name** ("the Jeddah Declaration", "the 28-point plan") — strong;
* the same **proposer** (resolved across the corpus);
* shared **provision kinds** and shared **territories**;
* and they are close enough in **time** (``window_days``, both dates known).

A proposer that differs from the plan's is a veto, and one article gives a plan at most one
proposal (within an article the proposals stage already joined the mentions of a plan).
Candidates are found through indexes (by proposer, name, provision kind, territory), so each
proposal is compared with the few plans that share something with it, not with every plan.

A plan's **history** is every status its articles report and every stance a party takes on it
(the positions whose ``proposal_id`` is one of its proposals), each dated by the date in the
text, else by the article's publication date, with its provenance (article key and span).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from conflictmodel.corpus._records import CorpusActor, CorpusProposal, DatedBy, Provenance
from conflictmodel.corpus._timeline import _effective_date
from conflictmodel.model.positions import Stance
from conflictmodel.model.proposals import Proposal, ProposalStatus, ProvisionKind
from conflictmodel.model.span import Span

if TYPE_CHECKING:
    from conflictmodel.corpus._corpus import Corpus

__all__ = ["Plan", "PlanEvent", "PlanEventKind"]

PlanEventKind = Literal["status", "stance"]
"""A history entry reports the plan's status (``status``) or a party's stance (``stance``)."""


@attrs.frozen(kw_only=True)
class PlanEvent:
    """One dated entry of a plan's history.

    Attributes:
        kind: ``status`` (what an article reports about the plan) or ``stance`` (a party's
            position on it).
        date: the date in the text, else the article's publication date, else None.
        dated_by: ``"text"`` or ``"published"`` (None when undated).
        article: the key of the article it is in.
        span: its evidence in that article (the proposal's or the position's span).
        text: that evidence as written.
        status: for ``status`` entries, the status reported.
        changed: for ``status`` entries, True when it differs from the status before it.
        actor: for ``stance`` entries, who (resolved across the corpus; None if unresolved).
        actor_name: the actor's name as the article gives it.
        stance: for ``stance`` entries, the stance.

    Example:
        >>> e = PlanEvent(kind="status", date=None, dated_by=None, article="k",
        ...               span=Span(start=0, end=4), text="plan", status=ProposalStatus.PROPOSED)
        >>> e.summary
        'undated: proposed (plan)'
    """

    kind: PlanEventKind
    date: dt.date | None
    dated_by: DatedBy | None
    article: str
    span: Span
    text: str
    status: ProposalStatus | None = None
    changed: bool = False
    actor: CorpusActor | None = None
    actor_name: str | None = None
    stance: Stance | None = None

    @property
    def provenance(self) -> Provenance:
        """Where the evidence is: article key and span."""
        return Provenance(article=self.article, span=self.span)

    @property
    def summary(self) -> str:
        """A one-line description for people."""
        when = self.date.isoformat() if self.date else "undated"
        if self.kind == "status":
            status = self.status.value.replace("_", " ") if self.status else "?"
            return f"{when}: {status} ({self.text[:80]})"
        who = self.actor.name if self.actor else (self.actor_name or "?")
        stance = self.stance.value if self.stance else "?"
        return f"{when}: {who} {stance} ({self.text[:80]})"


@attrs.frozen(kw_only=True)
class Plan:
    """One plan followed across articles.

    Attributes:
        id: stable within the corpus: ``plan:`` + the article key and proposal id of its first
            proposal.
        name: its name when articles give one ("Jeddah Declaration", "28-point plan"), else
            None.
        proposer: who proposes it (resolved across the corpus), if any article says.
        proposals: its proposals, one per article, in date order.
        history: statuses and stances, in date order (undated last).

    Example:
        >>> from conflictmodel import parse_article
        >>> from conflictmodel.corpus import Corpus
        >>> a = parse_article("Qatar proposed a plan for a 60-day truce in Gaza.",
        ...                   published=dt.date(2025, 3, 1))
        >>> b = parse_article("Hamas rejected the Qatari plan for a 60-day truce in Gaza.",
        ...                   published=dt.date(2025, 3, 9))
        >>> (plan,) = Corpus([a, b]).plans()
        >>> [e.summary[:22] for e in plan.history]  # doctest: +NORMALIZE_WHITESPACE
        ['2025-03-01: proposed (', '2025-03-01: Qatar supp', '2025-03-09: rejected (',
         '2025-03-09: Hamas oppo', '2025-03-09: Qatar supp']
    """

    id: str
    name: str | None
    proposer: CorpusActor | None
    proposals: tuple[CorpusProposal, ...]
    history: tuple[PlanEvent, ...]

    @property
    def kinds(self) -> frozenset[ProvisionKind]:
        """Every provision kind any of its articles gives it."""
        return frozenset(k for r in self.proposals for k in r.proposal.provision_kinds)

    @property
    def articles(self) -> tuple[str, ...]:
        """The keys of the articles it is in, in date order."""
        return tuple(r.article for r in self.proposals)

    @property
    def status(self) -> ProposalStatus:
        """The latest status reported (``unknown`` when none is)."""
        for e in reversed(self.history):
            if e.kind == "status" and e.status is not None:
                return e.status
        return ProposalStatus.UNKNOWN

    def status_changes(self) -> tuple[PlanEvent, ...]:
        """The status entries where the status changed (the first one counts as a change)."""
        return tuple(e for e in self.history if e.kind == "status" and e.changed)

    def stances(self, actor: str | None = None) -> tuple[PlanEvent, ...]:
        """Stance entries, optionally only those of ``actor`` (a name, alias or id)."""
        out = [e for e in self.history if e.kind == "stance"]
        if actor is not None:
            out = [e for e in out if _is_actor(e, actor)]
        return tuple(out)


def _is_actor(e: PlanEvent, actor: str) -> bool:
    if e.actor is not None and (e.actor.id == actor or e.actor.is_named(actor)):
        return True
    return e.actor_name is not None and e.actor_name.lower() == actor.lower()


# ------------------------------------------------------------------------------- resolution

_NAME = (
    r"(?P<name>\d+-point\s{{1,3}}|(?:[A-Z][\w'’-]+\s{{1,3}}){{1,4}})(?:peace\s{{1,3}})?(?i:{t})\b"
)
_NOT_NAMES = frozenset({"the", "a", "an", "this", "that", "under", "in", "on", "its", "their"})


def _name(p: Proposal) -> str | None:
    """ "Jeddah Declaration", "28-point plan": a name that stays the same across articles."""
    trig = p.trigger.lower()
    for m in re.finditer(_NAME.format(t=re.escape(p.trigger)), p.text):
        words = [w for w in m.group("name").split() if w.lower() not in _NOT_NAMES]
        # A lone adjective of nationality ("US", "Qatari") is the proposer, not a name.
        if len(words) >= 2 or (words and (words[0][0].isdigit() or p.trigger[:1].isupper())):
            return " ".join([*words, trig]).lower()
    return None


@attrs.define
class _Open:
    proposals: list[CorpusProposal]
    name: str | None
    proposer: str | None
    kinds: set[ProvisionKind]
    territories: set[str]
    last: dt.date | None
    articles: set[str]


def _score(
    plan: _Open,
    rec: CorpusProposal,
    name: str | None,
    terrs: set[str],
    window: int,
    kinds: frozenset[ProvisionKind],
) -> int:
    """How much the evidence says ``rec`` is ``plan`` (0 = not at all; 3 or more = it is)."""
    if rec.article in plan.articles:
        return 0
    who = rec.proposer.id if rec.proposer else None
    if who and plan.proposer and who != plan.proposer:
        return 0
    if rec.date and plan.last and abs((rec.date - plan.last).days) > window:
        return 0
    score = 0
    if name and plan.name == name:
        score += 3
    if who and who == plan.proposer:
        score += 2
    shared = kinds & plan.kinds
    if shared:
        score += 2 if len(shared) * 2 >= len(kinds | plan.kinds) else 1
    if terrs & plan.territories:
        score += 1
    return score


# An undated proposal has no time window to narrow its candidates: it is compared with at
# most this many of the latest plans that share a key with it (a corpus without publication
# dates would otherwise compare every ceasefire with every earlier ceasefire).
_UNDATED_CANDIDATES = 256


def resolve_plans(corpus: Corpus, records: Sequence[CorpusProposal], window: int) -> list[Plan]:
    """Group ``records`` (in date order, undated last) into plans; see the module docstring.

    Candidates come from indexes by key; a dated proposal is compared only with plans whose
    last date is within ``window`` days (older ones leave the index for good, since the dates
    only grow), so the work stays near linear in the number of proposals.
    """
    plans: list[_Open] = []
    # Per key, the plans that have it, oldest first; ``recent`` drops plans that fell out of
    # the time window, ``every`` keeps them for the undated proposals at the end.
    recent: dict[tuple[str, object], deque[int]] = defaultdict(deque)
    every: dict[tuple[str, object], list[int]] = defaultdict(list)
    indexed: set[tuple[tuple[str, object], int]] = set()
    for rec in records:
        name = _name(rec.proposal)
        terrs = {
            ct.id
            for t in rec.proposal.territories
            if (ct := corpus.resolve_territory(rec.article, t)) is not None
        }
        kinds = frozenset(rec.proposal.provision_kinds) - {ProvisionKind.OTHER}
        # ``other`` says nothing about which plan it is: not a key.
        keys: list[tuple[str, object]] = [("k", k) for k in kinds]
        keys += [("t", t) for t in terrs]
        if name:
            keys.append(("n", name))
        if rec.proposer:
            keys.append(("p", rec.proposer.id))
        candidates: set[int] = set()
        # A shared provision kind alone scores at most 2, under the bar of 3 (see ``_score``):
        # a plan that shares no name, proposer or territory cannot win, so kinds find none.
        for k in keys:
            if k[0] == "k":
                continue
            if rec.date is not None:
                queue = recent[k]
                while queue and _expired(plans[queue[0]], rec.date, window):
                    queue.popleft()
                candidates.update(queue)
            else:
                candidates.update(every[k][-_UNDATED_CANDIDATES:])
        best, best_score = -1, 2
        for i in sorted(candidates):
            s = _score(plans[i], rec, name, terrs, window, kinds)
            if s > best_score:
                best, best_score = i, s
        if best < 0:
            plans.append(
                _Open(
                    proposals=[],
                    name=name,
                    proposer=None,
                    kinds=set(),
                    territories=set(),
                    last=None,
                    articles=set(),
                )
            )
            best = len(plans) - 1
        plan = plans[best]
        plan.proposals.append(rec)
        plan.name = plan.name or name
        plan.proposer = plan.proposer or (rec.proposer.id if rec.proposer else None)
        plan.kinds |= kinds
        plan.territories |= terrs
        plan.last = rec.date or plan.last
        plan.articles.add(rec.article)
        for k in keys:
            if (k, best) not in indexed:
                indexed.add((k, best))
                recent[k].append(best)
                every[k].append(best)
    return [_finish(corpus, p) for p in plans]


def _expired(plan: _Open, date: dt.date, window: int) -> bool:
    """True if no proposal dated ``date`` or later can join ``plan`` any more."""
    return plan.last is not None and (date - plan.last).days > window


def _finish(corpus: Corpus, plan: _Open) -> Plan:
    first = plan.proposals[0]
    proposer = next((r.proposer for r in plan.proposals if r.proposer is not None), None)
    return Plan(
        id=f"plan:{first.article[:12]}:{first.proposal.id}",
        name=plan.name,
        proposer=proposer,
        proposals=tuple(plan.proposals),
        history=tuple(_history(corpus, plan.proposals)),
    )


def _history(corpus: Corpus, records: Iterable[CorpusProposal]) -> list[PlanEvent]:
    events: list[tuple[tuple[object, ...], PlanEvent]] = []
    for rec in records:
        art = corpus.article(rec.article)
        seq = corpus.get(rec.article).seq
        p = rec.proposal
        if p.status is not ProposalStatus.UNKNOWN:
            ev = PlanEvent(
                kind="status",
                date=rec.date,
                dated_by=rec.dated_by,
                article=rec.article,
                span=p.span,
                text=p.text,
                status=p.status,
            )
            events.append((_order(rec.date, seq, p.span.start, 0), ev))
        for pos in art.positions:
            if pos.proposal_id != p.id:
                continue
            own = pos.date or (pos.statement.date if pos.statement else None)
            date, by = _effective_date(own, art.published)
            ev = PlanEvent(
                kind="stance",
                date=date,
                dated_by=by,
                article=rec.article,
                span=pos.span,
                text=pos.text,
                actor=corpus.resolve(rec.article, pos.actor),
                actor_name=pos.actor.name,
                stance=pos.stance,
            )
            events.append((_order(date, seq, pos.span.start, 1), ev))
    events.sort(key=lambda x: x[0])
    out: list[PlanEvent] = []
    last: ProposalStatus | None = None
    for _, ev in events:
        if ev.kind == "status":
            ev = attrs.evolve(ev, changed=ev.status is not last)
            last = ev.status
        out.append(ev)
    return out


def _order(date: dt.date | None, seq: int, start: int, kind: int) -> tuple[object, ...]:
    return (date is None, date or dt.date.min, seq, start, kind)
