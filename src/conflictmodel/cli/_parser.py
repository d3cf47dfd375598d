"""The argparse parser: subcommands, their options, and checks of option values."""

from __future__ import annotations

import argparse
import datetime as dt

from conflictmodel.cli._output import FORMATS
from conflictmodel.errors import InputError
from conflictmodel.model.actors import ActorKind
from conflictmodel.model.events import EventType
from conflictmodel.model.proposals import ProvisionKind


def _published(value: str) -> dt.date:
    from conflictmodel.parse import coerce_published

    try:
        date = coerce_published(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    assert date is not None
    return date


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (every CPU) or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of the ``conflictmodel`` command.

    Example:
        >>> args = build_parser().parse_args(["parse", "seeds/", "--format", "jsonl"])
        >>> args.command, args.paths, args.format
        ('parse', ['seeds/'], 'jsonl')
    """
    from conflictmodel import __version__

    parser = argparse.ArgumentParser(
        prog="conflictmodel",
        description="Turn news articles about wars and peace talks into actors, territories, "
        "statements and negotiation proposals.",
        epilog="Exit status: 0 ok, 1 some input failed, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"conflictmodel {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help="text files, folders (every *.txt under them, sorted), JSON Lines files "
            "(*.jsonl: one {id, text, published, title, url, outlet} record a line) or - for stdin",
        )
        p.add_argument(
            "--input",
            choices=("auto", "text", "jsonl"),
            default="auto",
            help="how inputs are read: auto (default: *.jsonl files as JSON Lines, anything "
            "else, stdin included, as one article's text), text, or jsonl",
        )
        p.add_argument(
            "--published",
            type=_published,
            metavar="DATE",
            help="publication date (ISO 8601) of the articles; relative dates resolve against it",
        )
        p.add_argument(
            "--jobs",
            type=_jobs,
            default=1,
            metavar="N",
            help="parse in N processes (0: every CPU; default 1)",
        )
        shown = p.add_mutually_exclusive_group()
        shown.add_argument(
            "--progress",
            dest="progress",
            action="store_const",
            const=True,
            default=None,
            help="show a progress bar (count, rate, ETA) on stderr even if it is not a "
            "terminal (default: only on a terminal)",
        )
        shown.add_argument(
            "--no-progress",
            dest="progress",
            action="store_const",
            const=False,
            help="never show the progress bar",
        )
        shown.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            help="no progress bar and no summary lines; errors are still reported",
        )

    p_parse = sub.add_parser(
        "parse",
        help="parse articles and print what was found",
        description="Parse articles and print their statements, proposals, actors and "
        "territories (table), or the serialized Articles (json, jsonl).",
    )
    add_inputs(p_parse)
    p_parse.add_argument(
        "--format",
        choices=("table", "json", "jsonl"),
        default="table",
        help="table for people (default); json (an array) or jsonl (one a line) of result "
        "envelopes {source, index, article, error} for programs (read back with "
        "conflictmodel.batch.read_results)",
    )

    p_ingest = sub.add_parser(
        "ingest",
        help="parse articles into an SQLite store",
        description="Parse articles and store them; articles already stored are skipped.",
    )
    add_inputs(p_ingest)
    p_ingest.add_argument("--db", required=True, metavar="FILE", help="the store file")
    p_ingest.add_argument(
        "--replace", action="store_true", help="re-parse and rewrite articles already stored"
    )

    p_query = sub.add_parser(
        "query",
        help="ask questions across a store",
        description="Ask questions across every article of a store.",
    )
    # Not required=True: --db may also come after the question (checked in main).
    p_query.add_argument("--db", metavar="FILE", help="the store file (required)")
    p_query.set_defaults(usage=p_query.format_usage())
    p_query.add_argument("--format", choices=FORMATS, default="table")
    # Time ranges may come before the question too (statements and events take them).
    p_query.add_argument("--since", metavar="YYYY-MM-DD", help="on or after this date")
    p_query.add_argument("--until", metavar="YYYY-MM-DD", help="on or before this date")
    qsub = p_query.add_subparsers(dest="what", required=True, metavar="QUESTION")

    def add_common(p: argparse.ArgumentParser) -> None:
        # Also accepted after the question; SUPPRESS keeps the value given before it.
        p.add_argument("--db", default=argparse.SUPPRESS, metavar="FILE", help=argparse.SUPPRESS)
        p.add_argument(
            "--format",
            choices=FORMATS,
            default=argparse.SUPPRESS,
            help="table (for people), json, jsonl or csv",
        )

    def add_dates(p: argparse.ArgumentParser) -> None:
        # SUPPRESS, like add_common: a date given before the question is kept.
        for flag, help_ in (
            ("--since", "on or after this date; items with no date at all are left out"),
            ("--until", "on or before this date"),
        ):
            p.add_argument(flag, default=argparse.SUPPRESS, metavar="YYYY-MM-DD", help=help_)

    kinds = [k.value for k in ProvisionKind]
    q_st = qsub.add_parser("statements", help="statements by an actor, in date order")
    q_st.add_argument("--actor", required=True, metavar="NAME", help="id, name, alias or surname")
    add_dates(q_st)
    add_common(q_st)
    q_tl = qsub.add_parser(
        "timeline", help="positions, claims, proposals, statements and events in date order"
    )
    q_tl.add_argument("--territory", metavar="CODE_OR_NAME", help="e.g. UA-43 or Crimea")
    q_tl.add_argument("--provision", choices=kinds, metavar="KIND", help=", ".join(kinds))
    add_common(q_tl)
    q_pr = qsub.add_parser("proposals", help="proposals, optionally by territory or provision kind")
    q_pr.add_argument("--territory", metavar="CODE_OR_NAME")
    q_pr.add_argument("--kind", choices=kinds, metavar="KIND", help=", ".join(kinds))
    add_common(q_pr)
    q_ac = qsub.add_parser("actors", help="actors resolved across articles")
    q_ac.add_argument("--kind", choices=[k.value for k in ActorKind], metavar="KIND")
    add_common(q_ac)
    types = [t.value for t in EventType]
    q_ev = qsub.add_parser("events", help="events (PLOVER types), in date order")
    q_ev.add_argument("--type", choices=types, metavar="TYPE", help=", ".join(types))
    q_ev.add_argument("--actor", metavar="NAME", help="actor, target or mediator: id, name, alias")
    add_dates(q_ev)
    q_ev.add_argument("--place", metavar="NAME_OR_CODE", help="place id, name or country code")
    add_common(q_ev)
    q_pl = qsub.add_parser(
        "plans", help="proposals followed across articles as plans, with their status"
    )
    q_pl.add_argument("--kind", choices=kinds, metavar="KIND", help=", ".join(kinds))
    q_pl.add_argument("--actor", metavar="NAME", help="proposer, or a party that took a stance")
    q_pl.add_argument("--territory", metavar="CODE_OR_NAME", help="a territory a provision names")
    add_common(q_pl)
    q_ph = qsub.add_parser("plan-history", help="one plan's dated statuses and stances")
    q_ph.add_argument("plan", metavar="NAME_OR_ID", help="a plan id or name (see: query plans)")
    q_ph.add_argument("--actor", metavar="NAME", help="only this party's stances")
    add_common(q_ph)
    q_ca = qsub.add_parser("candidates", help="likely matches kept apart (possibly one person)")
    add_common(q_ca)

    p_migrate = sub.add_parser(
        "migrate",
        help="upgrade a store written by an older version",
        description="Upgrade a store written by an older version of conflictmodel to the "
        "current schema, in one transaction (ingest does it too).",
    )
    p_migrate.add_argument("--db", required=True, metavar="FILE", help="the store file")
    return parser
