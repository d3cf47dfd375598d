"""The ``proposals`` stage: negotiation proposals with typed provisions, conditions and status.

A proposal is found in one of two ways:

* a **trigger noun** ("proposal", "plan", "deal", "truce", "demand", "the Jeddah Declaration")
  that is specific: not generic ("any agreement", "a lasting peace deal") or negated ("no deal"),
  and, for weak triggers such as "ceasefire", governed by a status verb ("ended a 30-day
  ceasefire", "put forward a truce") or owned by a proposer ("Egypt's truce");
* an **implicit cue** (an offer, a willingness or a demand: "may be open to", "seeks",
  "insists on", "objective to achieve") followed in its clause by a provision phrase.

Provision phrases are typed by [`ProvisionKind`][conflictmodel.ProvisionKind] through a
[`ProvisionLexicon`][conflictmodel.parsers.proposals.ProvisionLexicon]; they count only inside a
proposal's clause, outside its conditions and outside what someone merely pushes or calls for
(that is a position).  Sentences that continue a proposal ("The plan also includes ...") add to
it instead of starting a new one, and repeated mentions of the same demand by the same proposer
are merged.

Example:
    >>> from conflictmodel.parsers.proposals import find_provisions
    >>> text = "The plan includes a 60-day truce and the release of all hostages."
    >>> [(p.kind.value, p.duration_days) for p in find_provisions(text)]
    [('ceasefire', 60), ('hostage_release', None)]

Adding a provision type needs no fork.  Give its phrases a label that is not a
[`ProvisionKind`][conflictmodel.ProvisionKind] value: provisions it finds get kind ``other`` and
that ``label``.  Pass the phrases to the stage (``extra_provisions``), or build a
[`ProvisionLexicon`][conflictmodel.parsers.proposals.ProvisionLexicon] (``extend``,
``from_file``) and call [`find_provisions`][conflictmodel.parsers.proposals.find_provisions]
from a stage of your own:

    >>> from conflictmodel import parse_article
    >>> from conflictmodel.pipeline import default_pipeline
    >>> stage = ProposalParser(extra_provisions={"demining": ["demining", "clear* ... mines"]})
    >>> art = parse_article("Kyiv proposed a plan that includes clearing the mines.",
    ...                     pipeline=default_pipeline().replace("proposals", stage))
    >>> [(v.kind.value, v.label, v.text) for v in art.proposals[0].provisions]
    [('other', 'demining', 'clearing the mines')]
"""

from __future__ import annotations

from conflictmodel.parsers.language.clauses import c_next as c_next
from conflictmodel.parsers.language.mentions import actor_mentions as actor_mentions
from conflictmodel.parsers.language.mentions import actors_with_fallback as actors_with_fallback
from conflictmodel.parsers.language.mentions import in_prep_phrase as in_prep_phrase
from conflictmodel.parsers.language.mentions import possessor as possessor
from conflictmodel.parsers.language.mentions import register as register
from conflictmodel.parsers.language.mentions import state_fallbacks as state_fallbacks
from conflictmodel.parsers.language.mentions import subject_actors as subject_actors
from conflictmodel.parsers.language.mentions import territory_mentions as territory_mentions

# The stage is split by concern: ``lexicon`` (phrase syntax, lexicons), ``grammar`` (shared word
# lists and patterns), ``units`` (windows, clauses, sentences; shared with the positions and claims
# stages), ``mentions`` (actors and territories in a span), ``provisions`` (provisions, conditions,
# position objects), ``anchors`` (triggers and status cues), ``drafts`` (building proposals),
# ``stage`` (the pipeline stage), ``gate`` (lexicon prefilters and the per-article memo).
from conflictmodel.parsers.proposals.lexicon import ProposalLexicon, ProvisionLexicon
from conflictmodel.parsers.proposals.lexicon import compile_phrase as compile_phrase
from conflictmodel.parsers.proposals.lexicon import union as union
from conflictmodel.parsers.proposals.provisions import find_conditions, find_provisions
from conflictmodel.parsers.proposals.provisions import position_objects as position_objects
from conflictmodel.parsers.proposals.stage import ProposalParser

__all__ = [
    "ProposalLexicon",
    "ProposalParser",
    "ProvisionLexicon",
    "compile_phrase",
    "find_conditions",
    "find_provisions",
]
