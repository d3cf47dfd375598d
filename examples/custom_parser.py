"""A parser of your own, registered from outside the package, that adds a provision type.

The library's provision kinds do not include demining. This script defines a small parser that
finds mine-clearance commitments ("joint demining of the border areas") in proposals, gives
them the label ``demining`` (kind ``other``), registers it by name and runs it in the pipeline
right after the built-in ``proposals`` stage.

Usage (from the root of a clone):

    python examples/custom_parser.py                 # an inline article
    python examples/custom_parser.py article.txt     # any UTF-8 text file

The guide "Write, register and test your own parser" in the documentation explains each step
and shows how to package such a parser with an entry point.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import attrs

from conflictmodel import (
    MentionKind,
    ParseContext,
    Proposal,
    ProposalStatus,
    Provision,
    ProvisionKind,
    Span,
    parse_article,
    register_parser,
)
from conflictmodel.pipeline import DEFAULT_STAGES, Pipeline

# "joint demining of the border areas", "clearing landmines from farmland": the commitment and
# what follows it up to the end of the clause (bounded, so matching stays linear).
DEMINING = re.compile(
    r"\b(?:(?:joint|humanitarian|full)\s)?(?:de-?mining|mine[- ]clearance|clear(?:ing|ance)?"
    r"\s(?:of\s)?(?:the\s)?(?:land)?mines)\b[^,.;:!?\"“”«»()]{0,100}",
    re.IGNORECASE,
)
OFFER = re.compile(
    r"\b(?:agree\w{0,2}|offer\w{0,3}|propos\w{0,4}|pledg\w{0,3}|commit\w{0,6}|call\w{0,3}"
    r"\s+for|plan|deal|accord|treaty|agreement)\b",
    re.IGNORECASE,
)
LABEL = "demining"


class DeminingParser:
    """Adds a ``demining`` provision to proposals that commit to clearing mines."""

    name = "demining"

    def __call__(self, ctx: ParseContext) -> None:
        for sentence in ctx.sentences or [Span(start=0, end=len(ctx.text))]:
            if ctx.is_furniture(sentence):
                continue
            match = DEMINING.search(ctx.text, sentence.start, sentence.end)
            if match is None:
                continue
            phrase = match.group().rstrip()
            provision = Provision(
                kind=ProvisionKind.OTHER,
                label=LABEL,
                text=phrase,
                span=Span(start=match.start(), end=match.start() + len(phrase)),
            )
            self._attach(ctx, sentence, provision)

    def _attach(self, ctx: ParseContext, sentence: Span, provision: Provision) -> None:
        for i, proposal in enumerate(ctx.proposals):
            if proposal.span.overlaps(sentence):
                ctx.proposals[i] = attrs.evolve(
                    proposal, provisions=(*proposal.provisions, provision)
                )
                return
        if OFFER.search(ctx.text, sentence.start, sentence.end) is None:
            return  # a report about mines, not a commitment to clear them
        mentions = ctx.mentions_in(sentence, MentionKind.ACTOR)
        ctx.proposals.append(
            Proposal(
                id=f"prop:{sentence.start}-{sentence.end}",
                trigger="demining",
                text=sentence.of(ctx.text),
                span=sentence,
                proposer=ctx.actors.get(mentions[0].target) if mentions else None,
                provisions=[provision],
                status=ProposalStatus.PROPOSED,
            )
        )


ARTICLE = """\
BAKU — Azerbaijan and Armenia agreed on Friday to joint demining of the border areas as part \
of a draft peace treaty, officials in both capitals said.
The draft also provides for the opening of transport links, according to the Armenian Foreign \
Ministry.
Landmines still kill farmers every year in the districts around Aghdam.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, help="a UTF-8 text file")
    parser.add_argument("--published", default="2025-03-14", help="publication date")
    args = parser.parse_args(argv)
    text = args.path.read_text(encoding="utf-8") if args.path else ARTICLE

    # Register the factory under a name, then build a pipeline from names: the same names work
    # in parse_many(..., pipeline=stages), where each worker process builds its own parser.
    register_parser(DeminingParser.name, DeminingParser)
    stages = list(DEFAULT_STAGES)
    stages.insert(stages.index("proposals") + 1, DeminingParser.name)
    pipeline = Pipeline.from_names(stages)
    print("pipeline:", " -> ".join(pipeline.names))

    article = parse_article(text, published=args.published, pipeline=pipeline)
    for proposal in article.proposals:
        proposer = proposal.proposer.name if proposal.proposer else "(proposer not stated)"
        print(f"\nproposal {proposal.id} by {proposer} ({proposal.status.value})")
        for provision in proposal.provisions:
            kind = provision.kind.value + (f"/{provision.label}" if provision.label else "")
            print(f"  {kind}: «{article.evidence(provision.span)}»")
    demining = [p for q in article.proposals for p in q.provisions if p.label == LABEL]
    print(f"\n{len(demining)} demining provisions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
