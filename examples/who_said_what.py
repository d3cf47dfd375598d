"""Who said what in one article: every quote and piece of reported speech, with its speaker.

Usage (from the root of a clone):

    python examples/who_said_what.py                       # the first demo article in seeds/
    python examples/who_said_what.py path/to/article.txt   # any UTF-8 text file
    python examples/who_said_what.py --published 2025-04-19 path/to/article.txt
    python examples/who_said_what.py --text '"No deal," Peskov said.'

For each statement it prints how it is reported (direct quote, partial quote, reported speech),
the speaker and how the text names them at that point ("he", "the analyst"), the cue verb, the
outlet it came through, the date, and the words themselves.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from conflictmodel import Article, Statement, parse_article

DEFAULT = Path(__file__).resolve().parent.parent / "seeds" / "001_531d7716c47a6321.txt"


def describe(article: Article, s: Statement) -> list[str]:
    """The lines printed for one statement."""
    if s.speaker is None:
        who = "(speaker not found)"
    else:
        who = s.speaker.name
        if s.speaker.title:
            who += f", {s.speaker.title}"
        if s.speaker.anonymous:
            who += " [anonymous source]"
    named = article.evidence(s.speaker_span) if s.speaker_span else None
    if named and (s.speaker is None or named != s.speaker.name):
        who += f'  (named here as "{named}")'
    lines = [f"{s.kind.value.upper():9s} {who}"]
    details = []
    if s.cue:
        details.append(f"cue: {s.cue}")
    if s.via is not None:
        details.append(f"via: {s.via.name}")
    if s.date is not None:
        value = s.date.value.isoformat() if s.date.value else "unresolved"
        details.append(f"date: {s.date.text} -> {value}")
    if details:
        lines.append("          " + "; ".join(details))
    lines.append(f"          «{' '.join(article.evidence(s.span).split())}»")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT, help="a UTF-8 text file")
    parser.add_argument("--text", help="parse this text instead of a file")
    parser.add_argument("--published", help="publication date, YYYY-MM-DD (resolves 'on Friday')")
    args = parser.parse_args(argv)

    text = args.text if args.text is not None else args.path.read_text(encoding="utf-8")
    article = parse_article(text, published=args.published)

    print(f"{len(article.statements)} statements, {len(article.actors)} actors")
    speakers = sorted({s.speaker.name for s in article.statements if s.speaker})
    print("speakers:", ", ".join(speakers) or "none")
    for s in article.statements:
        print()
        print("\n".join(describe(article, s)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
