"""A timeline of what a corpus says about one territory: positions, claims, proposals, quotes.

Usage (from the root of a clone):

    python examples/corpus_timeline.py                       # Crimea across seeds/
    python examples/corpus_timeline.py Donetsk seeds/
    python examples/corpus_timeline.py UA-43 my_articles/ --published 2025-04-18

The articles are parsed, gathered in a Corpus (which resolves actors across articles: Zelensky
and Zelenskyy are one person there), and the corpus timeline for the territory is printed in
date order. An item is dated by a date in its own text where there is one, else by the
article's publication date; undated items come last.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from conflictmodel.batch import parse_many
from conflictmodel.corpus import Corpus, TimelineEntry

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def describe(corpus: Corpus, entry: TimelineEntry) -> list[str]:
    """The lines printed for one timeline entry."""
    if entry.date is None:
        when = "undated   "
    else:
        when = entry.date.isoformat() + ("*" if entry.dated_by == "published" else " ")
    source = Path(corpus.source(entry.article) or entry.article[:12]).name
    evidence = " ".join(corpus.article(entry.article).evidence(entry.span).split())
    if len(evidence) > 160:
        evidence = evidence[:157] + "..."
    return [
        f"{when} {entry.kind:9s} {' '.join(entry.summary.split())[:110]}",
        f"{' ' * 21}{source}: «{evidence}»",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("territory", nargs="?", default="Crimea", help="name, alias or ISO code")
    parser.add_argument("directory", nargs="?", type=Path, default=SEEDS)
    parser.add_argument("--published", help="publication date of articles that give none")
    args = parser.parse_args(argv)

    corpus = Corpus()
    paths = sorted(args.directory.glob("*.txt"))
    for result in parse_many(paths, published=args.published, processes=1):
        if result.ok:
            corpus.add(result.unwrap(), source=result.source)
        else:
            print(f"skipped {result.source}: {result.error}")

    territory = corpus.territory(args.territory)
    if territory is None:
        print(f"{args.territory!r} is not mentioned in the {len(corpus)} articles")
        return 0
    label = f"{territory.name} ({territory.code})" if territory.code else territory.name
    entries = corpus.timeline(territory=territory)
    print(f"{label}: {len(entries)} items in {len(territory.articles)} of {len(corpus)} articles")
    print("(* dated by the article's publication date)")
    for entry in entries:
        print("\n".join(describe(corpus, entry)))
    kinds = sorted({e.kind for e in entries})
    print(f"\nkinds: {', '.join(kinds) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
