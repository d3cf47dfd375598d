"""``conflictmodel query plans`` and ``query plan-history``: plans followed across the
articles of a store (resolved from the stored articles, see ``Store.plans``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from conflictmodel.cli._output import (
    EXIT_FAILED,
    EXIT_OK,
    Table,
    emit_records,
    fill,
    fmt_date,
    iso,
    print_error,
)
from conflictmodel.corpus import CorpusActor, Plan, PlanEvent
from conflictmodel.errors import InputError

if TYPE_CHECKING:
    from conflictmodel.cli._cmd_query import _Query


def _ref(actor: CorpusActor | None) -> dict[str, str] | None:
    return None if actor is None else {"id": actor.id, "name": actor.name}


def plan_label(plan: Plan) -> str:
    """``28-point plan`` or, for a plan without a name, ``plan by Qatar: ceasefire, ...``."""
    if plan.name:
        return plan.name
    who = f" by {plan.proposer.name}" if plan.proposer else ""
    kinds = ", ".join(sorted(k.value for k in plan.kinds)) or "no typed provisions"
    return f"plan{who}: {kinds}"


def plan_record(q: _Query, plan: Plan) -> dict[str, Any]:
    first = plan.proposals[0] if plan.proposals else None
    return {
        "id": plan.id,
        "name": plan.name,
        "label": plan_label(plan),
        "proposer": _ref(plan.proposer),
        "status": plan.status.value,
        "first_date": iso(first.date) if first else None,
        "provisions": sorted(k.value for k in plan.kinds),
        "articles": [{"article": k, "source": q.corpus.source(k)} for k in plan.articles],
        "history": len(plan.history),
    }


def history_record(q: _Query, e: PlanEvent) -> dict[str, Any]:
    return {
        "date": iso(e.date),
        "dated_by": e.dated_by,
        "kind": e.kind,
        "article": e.article,
        "source": q.corpus.source(e.article),
        "start": e.span.start,
        "end": e.span.end,
        "status": e.status.value if e.status else None,
        "changed": e.changed,
        "actor": _ref(e.actor),
        "actor_name": e.actor_name,
        "stance": e.stance.value if e.stance else None,
        "text": e.text,
    }


def plans(q: _Query) -> int:
    """``query plans``: plans, optionally by provision kind, actor or territory."""
    args = q.args
    try:
        found = q.corpus.plans(actor=args.actor, kind=args.kind, territory=args.territory)
    except InputError as exc:
        print_error(q.err, str(exc))
        return EXIT_FAILED
    if q.as_json:
        emit_records([plan_record(q, p) for p in found], q.fmt, q.out)
        return EXIT_OK
    print(f"{len(found)} plan{'s' if len(found) != 1 else ''}", file=q.out)
    Table(q.out, q.width).rows(
        ("first", "id", "proposer", "status", "articles", "plan"),
        [
            (
                fmt_date(p.proposals[0].date if p.proposals else None),
                p.id,
                p.proposer.name if p.proposer else "",
                p.status.value,
                str(len(p.articles)),
                plan_label(p),
            )
            for p in found
        ],
    )
    return EXIT_OK


def _find_plan(q: _Query, name: str) -> Plan | None:
    """A plan by id, name (case-insensitive) or a word of its label."""
    every = q.corpus.plans()
    low = name.casefold()
    exact = [p for p in every if p.id == name or (p.name or "").casefold() == low]
    if exact:
        return exact[0]
    partial = [p for p in every if low in plan_label(p).casefold()]
    return partial[0] if len(partial) == 1 else None


def plan_history(q: _Query) -> int:
    """``query plan-history NAME_OR_ID``: one plan's dated statuses and stances."""
    args = q.args
    plan = _find_plan(q, args.plan)
    if plan is None:
        print_error(q.err, f"no plan matches {args.plan!r} in {args.db} (see: query plans)")
        return EXIT_FAILED
    events = q.corpus.proposal_history(plan, actor=args.actor)
    if q.as_json:
        emit_records([history_record(q, e) for e in events], q.fmt, q.out)
        return EXIT_OK
    who = f", proposed by {plan.proposer.name}" if plan.proposer else ""
    head = f"{plan_label(plan)} [{plan.id}]{who}; status now: {plan.status.value}"
    print(fill(head, q.width), file=q.out)
    Table(q.out, q.width).rows(
        ("date", "source", "who", "what", "evidence"),
        [
            (
                fmt_date(e.date) + ("*" if e.dated_by == "published" else ""),
                q.src(e.article),
                (e.actor.name if e.actor else e.actor_name or "") if e.kind == "stance" else "",
                (e.stance.value if e.stance else "?")
                if e.kind == "stance"
                else (e.status.value.replace("_", " ") if e.status else "?"),
                e.text,
            )
            for e in events
        ],
    )
    if any(e.dated_by == "published" for e in events):
        print("  * the article's publication date", file=q.out)
    return EXIT_OK
