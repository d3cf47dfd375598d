"""``conflictmodel query``: questions across every article of a store, as tables for people
or as records (JSON, JSON Lines, CSV)."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from typing import IO, Any

import attrs

from conflictmodel.cli import _cmd_plans
from conflictmodel.cli._output import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Glyphs,
    Table,
    clip_left,
    emit_records,
    fill,
    fmt_date,
    iso,
    print_error,
    term_width,
)
from conflictmodel.cli._render import statement_content
from conflictmodel.corpus import Corpus, CorpusActor, TimelineEntry, proposal_label
from conflictmodel.serialization import to_dict


def _actor_ref(actor: CorpusActor | None) -> dict[str, str] | None:
    return None if actor is None else {"id": actor.id, "name": actor.name}


def _entry_json(corpus: Corpus, e: TimelineEntry) -> dict[str, Any]:
    return {
        "date": iso(e.date),
        "dated_by": e.dated_by,
        "kind": e.kind,
        "article": e.article,
        "source": corpus.source(e.article),
        "actor": _actor_ref(e.actor),
        "summary": e.summary,
        "proposal": proposal_label(e.proposal) if e.proposal else None,
        "item": to_dict(e.item),
    }


@attrs.frozen
class _Query:
    """One question: the parsed arguments, the store's corpus, where and how to print."""

    args: argparse.Namespace
    corpus: Corpus
    out: IO[str]
    err: IO[str]
    g: Glyphs
    width: int
    as_json: bool  # records (json, jsonl or csv) rather than a table
    fmt: str

    def src(self, key: str) -> str:
        # The end of a path (the file name) is what tells sources apart.
        return clip_left(self.corpus.source(key) or key[:12], 30)


def cmd_query(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from conflictmodel.store import Store

    if args.what not in ("statements", "events") and (args.since or args.until):
        print_error(err, f"--since/--until apply to statements and events, not {args.what}")
        return EXIT_USAGE
    if args.what == "events":
        return _events(args, out, err)
    with Store(args.db, readonly=True) as store:
        corpus = store.corpus()
    g = Glyphs(out)
    width = term_width(out)
    query = _Query(args, corpus, out, err, g, width, args.format != "table", args.format)
    return _QUESTIONS.get(args.what, _candidates)(query)


def _party_names(actors: Any) -> str:
    return ", ".join(a.name for a in actors)


def _events(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """``query events``: events by type, actor, dates and place, in date order."""
    from conflictmodel.errors import InputError
    from conflictmodel.store import Store

    with Store(args.db, readonly=True) as store:
        try:
            found = store.events(
                type=args.type,
                actor=args.actor,
                since=args.since,
                until=args.until,
                place=args.place,
            )
        except InputError as exc:
            print_error(err, str(exc))
            return EXIT_USAGE
    if args.format != "table":
        emit_records(
            [
                # The record shape stays {article, source, event}; the own date is event.date.
                {"article": r.article, "source": r.source, "event": to_dict(r.event)}
                for r in found
            ],
            args.format,
            out,
        )
        return EXIT_OK
    print(f"{len(found)} event{'s' if len(found) != 1 else ''}", file=out)
    Table(out, term_width(out)).rows(
        ("date", "source", "type", "status", "place", "who", "evidence"),
        [
            (
                fmt_date(r.date) + ("*" if r.dated_by == "published" else ""),
                clip_left(r.source or r.article[:12], 20),
                r.event.type.value + (f"/{r.event.mode}" if r.event.mode else ""),
                r.event.status.value,
                r.event.place.name if r.event.place else "",
                _party_names((*r.event.actors, *r.event.targets)),
                " ".join(r.event.trigger.split()) if r.event.trigger else "",
            )
            for r in found
        ],
    )
    if any(r.dated_by == "published" for r in found):
        print("  * the article's publication date", file=out)
    return EXIT_OK


def _statements(q: _Query) -> int:
    """``query statements``: statements by an actor, in date order."""
    args, corpus, out, err, g, width, as_json = (
        q.args,
        q.corpus,
        q.out,
        q.err,
        q.g,
        q.width,
        q.as_json,
    )
    found = corpus.find_actors(args.actor)
    if not found:
        print_error(err, f"no actor matches {args.actor!r} in {args.db}")
        return EXIT_FAILED
    from conflictmodel.errors import InputError

    try:
        records = corpus.statements_by(args.actor, since=args.since, until=args.until)
    except InputError as exc:
        print_error(err, str(exc))
        return EXIT_USAGE
    if as_json:
        emit_records(
            [
                {
                    "article": r.article,
                    "source": corpus.source(r.article),
                    "date": iso(r.date),
                    "dated_by": r.dated_by,
                    "speaker": _actor_ref(r.speaker),
                    "statement": to_dict(r.statement),
                }
                for r in records
            ],
            q.fmt,
            out,
        )
        return EXIT_OK
    names = ", ".join(f"{a.name} [{a.id}]" for a in found)
    print(
        fill(f"{len(records)} statement{'s' if len(records) != 1 else ''} by {names}", width),
        file=out,
    )
    Table(out, width).rows(
        ("date", "source", "kind", "cue", "content"),
        [
            (
                fmt_date(r.date),
                q.src(r.article),
                r.statement.kind.value,
                r.statement.cue or "",
                statement_content(r.statement, g),
            )
            for r in records
        ],
    )
    return EXIT_OK


def _timeline(q: _Query) -> int:
    """``query timeline``: a territory's or a provision's timeline."""
    args, corpus, out, err, width, as_json = q.args, q.corpus, q.out, q.err, q.width, q.as_json
    if args.territory is None and args.provision is None:
        print_error(err, "timeline needs --territory or --provision")
        return EXIT_USAGE
    label = []
    if args.territory is not None:
        terr = corpus.territory(args.territory)
        if terr is None:
            print_error(err, f"no territory matches {args.territory!r} in {args.db}")
            return EXIT_FAILED
        label.append(f"{terr.name} ({terr.code or terr.id})")
    if args.provision is not None:
        label.append(args.provision)
    entries = corpus.timeline(territory=args.territory, provision=args.provision)
    if as_json:
        emit_records([_entry_json(corpus, e) for e in entries], q.fmt, out)
        return EXIT_OK
    print(fill(f"Timeline of {' and '.join(label)}: {len(entries)} items", width), file=out)
    Table(out, width).rows(
        ("date", "source", "kind", "summary"),
        [
            (
                fmt_date(e.date) + ("*" if e.dated_by == "published" else ""),
                q.src(e.article),
                e.kind,
                e.summary,
            )
            for e in entries
        ],
    )
    if any(e.dated_by == "published" for e in entries):
        print("  * the article's publication date", file=out)
    return EXIT_OK


def _proposals(q: _Query) -> int:
    """``query proposals``: proposals, optionally by territory or provision kind."""
    args, corpus, out, width, as_json = q.args, q.corpus, q.out, q.width, q.as_json
    props = corpus.proposals(territory=args.territory, kind=args.kind)
    if as_json:
        emit_records(
            [
                {
                    "article": p.article,
                    "source": corpus.source(p.article),
                    "date": iso(p.date),
                    "dated_by": p.dated_by,
                    "proposer": _actor_ref(p.proposer),
                    "proposal": to_dict(p.proposal),
                    "responses": len(corpus.responses_to(p)),
                }
                for p in props
            ],
            q.fmt,
            out,
        )
        return EXIT_OK
    print(f"{len(props)} proposal{'s' if len(props) != 1 else ''}", file=out)
    Table(out, width).rows(
        ("date", "source", "proposer", "status", "provisions"),
        [
            (
                fmt_date(p.date),
                q.src(p.article),
                p.proposer.name if p.proposer else "",
                p.proposal.status.value,
                ", ".join(v.kind.value for v in p.proposal.provisions),
            )
            for p in props
        ],
    )
    return EXIT_OK


def _actors(q: _Query) -> int:
    """``query actors``: actors resolved across articles."""
    args, corpus, out, width, as_json = q.args, q.corpus, q.out, q.width, q.as_json
    actors = [a for a in corpus.actors if args.kind is None or a.kind.value == args.kind]
    stmt_counts = Counter(s.speaker.id for s in corpus.statements() if s.speaker is not None)
    if as_json:
        emit_records(
            [
                {
                    "id": a.id,
                    "name": a.name,
                    "kind": a.kind.value,
                    "country": a.actor.country,
                    "aliases": list(a.aliases),
                    "roles": [r.title for r in a.roles],
                    "member_ids": list(a.member_ids),
                    "articles": list(a.articles),
                    "statements": stmt_counts[a.id],
                }
                for a in actors
            ],
            q.fmt,
            out,
        )
        return EXIT_OK
    Table(out, width).rows(
        ("id", "name", "kind", "articles", "statements", "also written"),
        [
            (
                a.id,
                a.name,
                a.kind.value,
                str(len(a.articles)),
                str(stmt_counts[a.id]),
                ", ".join(a.aliases),
            )
            for a in actors
        ],
    )
    return EXIT_OK


def _candidates(q: _Query) -> int:
    """``query candidates``: likely matches kept apart."""
    corpus, out, g, as_json = q.corpus, q.out, q.g, q.as_json
    candidates = corpus.candidates
    if as_json:
        emit_records(
            [
                {"a": _actor_ref(c.a), "b": _actor_ref(c.b), "score": c.score, "reason": c.reason}
                for c in candidates
            ],
            q.fmt,
            out,
        )
        return EXIT_OK
    if not candidates:
        print("No likely matches are kept apart.", file=out)
    for c in candidates:
        pair = f"{c.a.name} [{c.a.id}]{g.pair}{c.b.name} [{c.b.id}]  score {c.score:.2f}"
        print(fill(pair, q.width), file=out)
        print(fill(c.reason, q.width, indent="  "), file=out)
    return EXIT_OK


_QUESTIONS: dict[str, Callable[[_Query], int]] = {
    "statements": _statements,
    "plans": _cmd_plans.plans,
    "plan-history": _cmd_plans.plan_history,
    "timeline": _timeline,
    "proposals": _proposals,
    "actors": _actors,
    "candidates": _candidates,
}
