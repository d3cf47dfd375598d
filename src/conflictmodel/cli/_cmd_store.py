"""``conflictmodel ingest`` and ``conflictmodel migrate``: the commands that write a store."""

from __future__ import annotations

import argparse
import contextlib
from typing import IO

from conflictmodel.cli._input import expand_paths, parse_docs
from conflictmodel.cli._output import EXIT_FAILED, EXIT_OK, print_error


def cmd_ingest(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from conflictmodel.store import Store

    files, problems = expand_paths(args.paths)
    for p in problems:
        print_error(err, p)
    failed = len(problems)
    added = skipped = 0
    with Store(args.db) as store:
        known = set() if args.replace else set(store.keys())
        items = parse_docs(
            files,
            args.published,
            args.jobs,
            err,
            "ingesting",
            skip=known,
            input_format=args.input,
            progress=False if args.quiet else args.progress,
        )
        # closing(): the parser (its processes) and the progress bar are released at once,
        # even when the loop stops early (Ctrl-C, a closed pipe).
        with contextlib.closing(items):
            for source, article, problem in items:
                if problem is not None:
                    failed += 1
                    print_error(err, problem)
                    continue
                if article is None:
                    skipped += 1
                    continue
                report = store.ingest([(source, article)], replace=args.replace)
                added += len(report.added)
                skipped += len(report.skipped)
        total = len(store)
    if args.quiet:
        return EXIT_FAILED if failed else EXIT_OK
    print(
        f"{added} article{'s' if added != 1 else ''} stored, {skipped} already there, "
        f"{failed} failed; {args.db} now holds {total}.",
        file=out,
    )
    return EXIT_FAILED if failed else EXIT_OK


def cmd_migrate(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from conflictmodel.store import SCHEMA_VERSION, Store

    with Store(args.db, create=False) as store:
        total = len(store)
        migrated = store.meta().get("migrated_by")
    note = f" (migrated by {migrated})" if migrated else ""
    print(
        f"{args.db} is at schema version {SCHEMA_VERSION}{note}; it holds {total} "
        f"article{'s' if total != 1 else ''}.",
        file=out,
    )
    return EXIT_OK
