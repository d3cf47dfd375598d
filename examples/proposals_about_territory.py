"""Proposals that name a territory, across a directory of articles.

Usage (from the root of a clone):

    python examples/proposals_about_territory.py                 # Crimea (UA-43) in seeds/
    python examples/proposals_about_territory.py UA-14 seeds/    # Donetsk
    python examples/proposals_about_territory.py "Gaza Strip" my_articles/

The territory is an ISO 3166 code (UA-43), an id (area:gaza-strip) or a name or alias as the
gazetteer knows it (Crimea, Donbas). For each proposal the script prints who proposed it, its
status, its typed provisions and the sentence that states it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from conflictmodel import Proposal
from conflictmodel.batch import parse_many
from conflictmodel.gazetteer import Gazetteer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def territory_label(query: str) -> str:
    """The territory's name and id ("Crimea (UA-43)") if the gazetteer knows it."""
    for territory in Gazetteer.default().territories.values():
        if territory.is_named(query):
            return f"{territory.name} ({territory.id})"
    return query


def describe(proposal: Proposal) -> list[str]:
    """The lines printed for one proposal."""
    proposer = proposal.proposer.name if proposal.proposer else "(proposer not stated)"
    lines = [f"  {proposer} — {proposal.trigger}, {proposal.status.value}"]
    for provision in proposal.provisions:
        kind = provision.label or provision.kind.value
        places = ", ".join(t.code or t.name for t in provision.territories)
        lines.append(f"    - {kind}" + (f" [{places}]" if places else "") + f": {provision.text}")
    for condition in proposal.conditions:
        lines.append(f"    if: {condition.text}")
    lines.append(f"    evidence: {' '.join(proposal.text.split())}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("territory", nargs="?", default="UA-43", help="code, id or name")
    parser.add_argument("directory", nargs="?", type=Path, default=SEEDS)
    args = parser.parse_args(argv)

    paths = sorted(args.directory.glob("*.txt"))
    print(f"Proposals naming {territory_label(args.territory)} in {len(paths)} articles")
    found = 0
    for result in parse_many(paths, processes=1):
        if not result.ok:
            print(f"\n{result.source}: skipped ({result.error})")
            continue
        proposals = result.unwrap().proposals_naming(args.territory)
        if not proposals:
            continue
        print(f"\n{Path(result.source).name}")
        for proposal in proposals:
            print("\n".join(describe(proposal)))
            found += 1
    print(f"\n{found} proposals")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
