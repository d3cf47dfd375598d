"""The ``conflictmodel`` command line.

Commands:

- ``conflictmodel parse PATH...``: parse text files (folders: every ``*.txt`` under them,
  sorted; ``-``: standard input) and print a table for people, or JSON / JSON Lines for programs
  (``--format json|jsonl``: the serialized Article plus its ``source``).
- ``conflictmodel ingest PATH... --db FILE``: parse and store in an SQLite
  [`Store`][conflictmodel.store.Store]; files already stored are skipped without re-parsing.
- ``conflictmodel query --db FILE statements --actor NAME``, ``timeline --territory UA-43``,
  ``timeline --provision ceasefire``, ``proposals``, ``actors``, ``events``, ``plans``,
  ``plan-history NAME_OR_ID``, ``candidates``: questions across every stored article
  (``--format table|json|jsonl|csv``; ``--since`` / ``--until`` for statements and events,
  which leave out what has no date at all).  The store is opened read-only: a query never
  creates, changes or migrates a file.
- ``conflictmodel migrate --db FILE``: upgrade a store written by an older version of the
  library to the current schema, in one transaction (``ingest`` does it too).

``parse`` and ``ingest`` show a progress bar on standard error (count, rate, elapsed time and
ETA; for JSON Lines files the records are counted first) when standard error is a terminal
and there is more than one article; ``--progress`` shows it anyway (a pipe or a log file gets it
without colours), ``--no-progress`` never, and ``-q``/``--quiet`` neither it nor the summary
lines.  It never goes to standard output, and is taken off the screen while a result or an
error is printed.

Tables (``--format table``, the default) are laid out for the terminal's width, or for
``COLUMNS`` if set (120 columns when standard output is not a terminal): long cues, content
and evidence wrap between words instead of being clipped, and an identifier (an id, a date, a
file name) is never broken; a column is never narrower than its longest word, so a table too
wide for a very narrow terminal grows rather than break one.  Headers are bold only on a
terminal.

A file that cannot be read (missing, a folder with no ``.txt``, binary, not UTF-8, empty,
larger than [`MAX_INPUT_BYTES`][conflictmodel.batch.MAX_INPUT_BYTES]) or parsed is reported on
standard error with its name, and the others are still processed.  Any other problem (a store
that is damaged or not a store, ...) is one line on standard error, never a traceback.  Exit
status: 0 if everything worked, 1 if anything failed, 2 for a usage error.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "empty.txt").write_text("")
    >>> main(["parse", str(folder / "empty.txt")])  # the error goes to stderr
    1
"""

from __future__ import annotations

# Layout (the submodules are private; this module is the public path):
#   _parser      the argparse parser: subcommands and their options
#   _input       the files named on the command line, read and parsed in order
#   _output      exit statuses, error lines, wrapping and clipping, query records
#   _term        rich: the progress bar on stderr, tables laid out for the terminal's width
#   _render      the tables of `parse`: one article, and what a corpus of them shares
#   _cmd_parse   `parse`
#   _cmd_store   `ingest` and `migrate`
#   _cmd_query   `query` and its questions
import contextlib
import os
import sys
from collections.abc import Sequence

from conflictmodel.cli._cmd_parse import cmd_parse
from conflictmodel.cli._cmd_query import cmd_query
from conflictmodel.cli._cmd_store import cmd_ingest, cmd_migrate
from conflictmodel.cli._output import EXIT_FAILED as EXIT_FAILED
from conflictmodel.cli._output import EXIT_OK as EXIT_OK
from conflictmodel.cli._output import EXIT_USAGE as EXIT_USAGE
from conflictmodel.cli._output import print_error
from conflictmodel.cli._parser import build_parser
from conflictmodel.errors import ConflictModelError

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> main(["--version"])  # doctest: +ELLIPSIS
        conflictmodel ...
        0
    """
    out, err = sys.stdout, sys.stderr
    for stream in (out, err):
        # Articles are full of typographic quotes; a legacy terminal encoding must not crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and stream.encoding.lower().replace("-", "") != "utf8":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command == "query" and not args.db:
        err.write(args.usage)
        print("conflictmodel query: error: the following arguments are required: --db", file=err)
        return EXIT_USAGE
    commands = {
        "parse": cmd_parse,
        "ingest": cmd_ingest,
        "query": cmd_query,
        "migrate": cmd_migrate,
    }
    try:
        return commands[args.command](args, out, err)
    except ConflictModelError as exc:
        print_error(err, _one_line(str(exc)))
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(file=err)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except MemoryError:
        print_error(err, "out of memory")
        return EXIT_FAILED
    except Exception as exc:  # a bug, or a fault the library does not know; never a traceback
        print_error(err, _one_line(f"unexpected {type(exc).__name__}: {exc}"))
        return EXIT_FAILED


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "failed"
