"""A timeline of what happened in a folder of articles: meetings, agreements, attacks, tolls.

Usage (from the root of a clone):

    python examples/events_timeline.py                          # every event across seeds/
    python examples/events_timeline.py my_articles/ --type assault
    python examples/events_timeline.py my_articles/ --happened --published 2025-04-18

Each article is parsed; its events (PLOVER types: consult, agree, assault ...) are printed in
date order with their status, place, parties and toll, and the words of the article that state
them. An event is dated by a date in its own sentence where there is one, else by the article's
publication date (marked ``*``); undated events come last.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from conflictmodel import Article, Event, parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def describe(source: str, article: Article, event: Event) -> list[str]:
    """The lines printed for one event."""
    if event.date is not None and event.date.value is not None:
        when = event.date.value.isoformat() + " "
    elif article.published is not None:
        when = article.published.isoformat() + "*"
    else:
        when = "undated    "
    kind = event.type.value + (f"/{event.mode}" if event.mode else "")
    who = ", ".join(a.name for a in event.actors) or "?"
    if event.targets:
        who += " -> " + ", ".join(a.name for a in event.targets)
    if event.mediator is not None:
        who += f" (mediator: {event.mediator.name})"
    extra = []
    if event.place is not None:
        extra.append(f"in {event.place.name}")
    if event.killed is not None:
        extra.append(f"killed: {event.killed.text}")
    if event.wounded is not None:
        extra.append(f"wounded: {event.wounded.text}")
    evidence = " ".join(event.span.of(article.text).split())
    if len(evidence) > 150:
        evidence = evidence[:147] + "..."
    return [
        f"{when} {kind:24s} {event.status.value:12s} {who} {' '.join(extra)}".rstrip(),
        f"{' ' * 12}{source}: «{evidence}»",
    ]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=SEEDS, help="a folder of .txt files")
    ap.add_argument("--type", help="only events of this PLOVER type (consult, assault ...)")
    ap.add_argument("--happened", action="store_true", help="only events that happened")
    ap.add_argument("--published", type=dt.date.fromisoformat, help="publication date")
    args = ap.parse_args(argv)
    rows: list[tuple[dt.date | None, str, Article, Event]] = []
    for path in sorted(args.folder.glob("*.txt")):
        article = parse_article(path.read_text(encoding="utf-8"), published=args.published)
        for event in article.events:
            if args.type and event.type.value != args.type:
                continue
            if args.happened and not event.happened:
                continue
            date = event.date.value if event.date else None
            rows.append((date or article.published, path.name, article, event))
    rows.sort(key=lambda r: (r[0] is None, r[0] or dt.date.min, r[1], r[3].span.start))
    print(f"{len(rows)} events in {args.folder}")
    for _, source, article, event in rows:
        print("\n".join(describe(source, article, event)))


if __name__ == "__main__":
    main()
