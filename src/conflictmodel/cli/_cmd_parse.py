"""``conflictmodel parse``: parse files and print tables, JSON or JSON Lines.

JSON and JSON Lines output is one *result envelope* per input article, in input order:
``{"source", "index", "article", "error"}``, the shape
[`BatchResult.to_dict`][conflictmodel.batch.BatchResult.to_dict] writes, so
[`read_results`][conflictmodel.batch.read_results] reads it back (``article`` is the Article's
JSON, or null with ``error`` set for an input that could not be parsed).
"""

from __future__ import annotations

import argparse
import contextlib
import json
from typing import IO

from conflictmodel.batch import BatchResult
from conflictmodel.cli._input import expand_paths, parse_docs
from conflictmodel.cli._output import EXIT_FAILED, EXIT_OK, Glyphs, print_error, term_width
from conflictmodel.cli._render import render_article, render_corpus
from conflictmodel.corpus import Corpus
from conflictmodel.errors import ConflictModelError


def cmd_parse(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    files, problems = expand_paths(args.paths)
    for p in problems:
        print_error(err, p)
    failed = len(problems)
    g = Glyphs(out)
    width = term_width(out)
    corpus = Corpus()
    first = True
    if args.format == "json":
        out.write("[")
    items = parse_docs(
        files,
        args.published,
        args.jobs,
        err,
        "parsing",
        input_format=args.input,
        progress=False if args.quiet else args.progress,
        out=out,
    )
    # closing(): the parser (its processes) and the progress bar are released at once, even
    # when the loop stops early (Ctrl-C, a closed pipe).
    with contextlib.closing(items):
        for index, (source, article, problem) in enumerate(items):
            if problem is not None or article is None:
                failed += 1
                print_error(err, problem or f"{source}: not parsed")
            if args.format == "table":
                if article is not None:
                    render_article(source, article, out, g, width)
                    corpus.add(article, source=source)
            else:
                # Failed inputs get their envelope too, so the output lines up with the input.
                # (parse_docs does not keep the type of a failure: the base error, its message.)
                error = None
                if article is None:
                    error = ConflictModelError(problem or f"{source}: not parsed")
                result = BatchResult(source=source, article=article, error=error, index=index)
                text = json.dumps(result.to_dict(), ensure_ascii=False)
                if args.format == "jsonl":
                    out.write(text + "\n")
                else:
                    out.write(("\n" if first else ",\n") + text)
                first = False
            out.flush()
    if args.format == "json":
        out.write("\n]\n" if not first else "]\n")
    elif len(corpus) > 1:
        render_corpus(corpus, out, g, width)
    if args.format == "table" and failed and len(files) + len(problems) > 1 and not args.quiet:
        print(
            f"{failed} file{'s' if failed > 1 else ''} could not be parsed (see above).", file=err
        )
    return EXIT_FAILED if failed else EXIT_OK
