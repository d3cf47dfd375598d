"""A conflictmodel parser for a provision type the library does not know: amnesty offers."""

from __future__ import annotations

import re

import attrs

from conflictmodel import (
    MentionKind,
    ParseContext,
    Proposal,
    ProposalStatus,
    Provision,
    ProvisionKind,
    Span,
)

# The phrase that states the provision: "a general amnesty for fighters who lay down their
# arms". One bounded character class after the keyword keeps the match linear in the sentence.
AMNESTY = re.compile(
    r"\b(?:(?:an?|the)\s)?(?:(?:general|blanket|full|partial|conditional|broad)\s)?"
    r"(?P<keyword>amnest(?:y|ies))\b[^,.;:!?\"“”«»()]{0,120}",
    re.IGNORECASE,
)
# Words that make a sentence about an amnesty a proposal rather than news about an old law.
OFFER = re.compile(
    r"\b(?:offer\w{0,3}|propos\w{0,4}|demand\w{0,3}|call\w{0,3}\s+for|plan|deal|"
    r"agreement|accord|include\w{0,1}|pledg\w{0,3}|promis\w{0,3}|would\s+grant)\b",
    re.IGNORECASE,
)


class AmnestyParser:
    """Adds a ``prisoner_amnesty`` provision to proposals that offer an amnesty.

    Runs after the ``proposals`` stage: an amnesty in a sentence the built-in parser already
    read as a proposal joins that proposal; an amnesty offered in a sentence of its own
    becomes a new proposal whose proposer is the first actor the sentence names.
    """

    name = "amnesty"
    # The pipeline checks these when it is built: without a proposals stage before it, building
    # the pipeline fails with a PipelineError that says so.
    requires = ("sentences", "actors", "proposals")
    provides = ("amnesty_provisions",)
    label = "prisoner_amnesty"

    def __call__(self, ctx: ParseContext) -> None:
        # Cope with a pipeline that has no text stage: then the whole text is one sentence.
        sentences = ctx.sentences or [Span(start=0, end=len(ctx.text))]
        for sentence in sentences:
            if ctx.is_furniture(sentence):
                continue
            for match in AMNESTY.finditer(ctx.text, sentence.start, sentence.end):
                phrase = match.group().rstrip()
                provision = Provision(
                    kind=ProvisionKind.OTHER,
                    label=self.label,
                    text=phrase,
                    span=Span(start=match.start(), end=match.start() + len(phrase)),
                )
                self._attach(ctx, sentence, provision, match.group("keyword"))

    def _attach(
        self, ctx: ParseContext, sentence: Span, provision: Provision, keyword: str
    ) -> None:
        for i, proposal in enumerate(ctx.proposals):
            if proposal.span.overlaps(sentence):
                if any(p.label == self.label for p in proposal.provisions):
                    return
                # Proposals are frozen: replace the stored one with an extended copy.
                ctx.proposals[i] = attrs.evolve(
                    proposal, provisions=(*proposal.provisions, provision)
                )
                return
        if OFFER.search(ctx.text, sentence.start, sentence.end) is None:
            return
        mentions = ctx.mentions_in(sentence, MentionKind.ACTOR)
        proposer = ctx.actors.get(mentions[0].target) if mentions else None
        ctx.proposals.append(
            Proposal(
                id=f"prop:{sentence.start}-{sentence.end}",
                trigger=keyword,
                text=sentence.of(ctx.text),
                span=sentence,
                proposer=proposer,
                provisions=[provision],
                status=ProposalStatus.PROPOSED,
            )
        )
