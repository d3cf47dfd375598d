"""Many articles read as one body of evidence.

A [`Corpus`][conflictmodel.corpus.Corpus] holds parsed [`Article`][conflictmodel.Article]s and
resolves what they mention across articles:

- **actors** with the same id, the same normalised name (case, diacritics and transliteration
  variants such as Zelensky / Zelenskyy / Zelenskiy folded together) or the same Wikidata id
  become one [`CorpusActor`][conflictmodel.corpus.CorpusActor]; every article-level actor stays
  reachable as a member, with its mentions as ``(article key, span)`` provenance;
- **territories** merge by id / ISO code (and by name for areas without a code);
- a likely match that the evidence does not settle (same surname, conflicting given names,
  compatible country and role) is *not* merged but listed in
  [`Corpus.candidates`][conflictmodel.corpus.Corpus.candidates] as a
  [`MergeCandidate`][conflictmodel.corpus.MergeCandidate].

Queries span the whole corpus and say which article each result comes from:
[`statements_by`][conflictmodel.corpus.Corpus.statements_by],
[`events`][conflictmodel.corpus.Corpus.events],
[`timeline`][conflictmodel.corpus.Corpus.timeline],
[`proposals`][conflictmodel.corpus.Corpus.proposals],
[`responses_to`][conflictmodel.corpus.Corpus.responses_to], and
[`plans`][conflictmodel.corpus.Corpus.plans] /
[`proposal_history`][conflictmodel.corpus.Corpus.proposal_history]: the same plan followed
across articles, with every status change and every party's stance, dated, with provenance.

Example:
    >>> from conflictmodel import Actor, Article, Span, Statement
    >>> def said(text, name, id_):
    ...     speaker = Actor(id=id_, name=name, kind="person", country="UA",
    ...                     mentions=[Span(start=0, end=len(name))])
    ...     stmt = Statement(id="stmt:0-1", content=text[len(name) + 6:], kind="reported",
    ...                      span=Span(start=len(name) + 6, end=len(text)), speaker=speaker)
    ...     return Article(text=text, actors=[speaker], statements=[stmt])
    >>> corpus = Corpus.from_articles([
    ...     said("Volodymyr Zelensky said no land will be ceded.", "Volodymyr Zelensky",
    ...          "person:volodymyr-zelensky"),
    ...     said("Volodymyr Zelenskyy said talks must wait.", "Volodymyr Zelenskyy",
    ...          "person:volodymyr-zelenskyy"),
    ... ])
    >>> [a.name for a in corpus.actors]
    ['Volodymyr Zelensky']
    >>> [s.statement.content for s in corpus.statements_by("Zelenskyy")]
    ['no land will be ceded.', 'talks must wait.']
"""

from __future__ import annotations

# Layout (the submodules are private; this module is the public path):
#   _names        name keys and tokens, role heads, given-name relations (data/corpus_names.json)
#   _records      the public record types (CorpusActor, TimelineEntry, ...)
#   _merge        article-level actor nodes, union-find, majority votes
#   _actors       actors merged across articles (steps 1-5 of the rule)
#   _candidates   namesakes: bare surnames joined, merge candidates listed
#   _territories  territories merged across articles
#   _timeline     effective dates, result order, the timeline query
#   _events       events with their parties resolved, the events filters
#   _plans        proposals resolved across articles into plans with a dated history
#   _corpus       the Corpus class
from conflictmodel.corpus._corpus import Corpus
from conflictmodel.corpus._events import CorpusEvent
from conflictmodel.corpus._names import article_key, name_key
from conflictmodel.corpus._plans import Plan, PlanEvent, PlanEventKind
from conflictmodel.corpus._records import (
    CorpusActor,
    CorpusArticle,
    CorpusPosition,
    CorpusProposal,
    CorpusStatement,
    CorpusTerritory,
    DatedBy,
    MergeCandidate,
    Provenance,
    TimelineEntry,
    proposal_label,
)

__all__ = [
    "Corpus",
    "CorpusActor",
    "CorpusArticle",
    "CorpusEvent",
    "CorpusPosition",
    "CorpusProposal",
    "CorpusStatement",
    "CorpusTerritory",
    "DatedBy",
    "MergeCandidate",
    "Plan",
    "PlanEvent",
    "PlanEventKind",
    "Provenance",
    "TimelineEntry",
    "article_key",
    "name_key",
    "proposal_label",
]
