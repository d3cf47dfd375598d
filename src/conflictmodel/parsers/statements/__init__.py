"""The ``statements`` stage: direct quotes, partial quotes and reported speech, with speakers.

How it works, one paragraph at a time:

1. [`find_quotes`][conflictmodel.parsers.quotes.find_quotes] finds every quotation in one pass
   (guillemets, German and English curly quotes, straight quotes that are clearly quotes,
   nesting, quotes running over several paragraphs, quotes that never close).
2. The paragraph is tokenized; sentences come from the ``text`` stage (or a small splitter when
   it is absent), never breaking inside a quotation.
3. Cues are found outside quotations: reporting verbs in any form with their auxiliaries and
   adverbs ("has consistently rejected"), participles (", insisting that"), phrases ("has made
   it clear", "told reporters", "according to a report by"), all from ``data/cues.json``.
4. Each quotation is attributed: a cue right after it ("…,” Trump told reporters / …,» said a
   Russian analyst), right before it ("he declared: “…”", "stating, «…»"), the reporting clause
   it sits in (partial quotes), a colon introduction, the previous quote of the same speaker
   (continuation), or the next sentence.  A quoted fragment with no attribution (scare quotes,
   titles, headlines) is not a statement.
5. Every cue not used by a direct quote and followed by a complement ("that …", a bare clause,
   an object for verbs like *reject*, an infinitive for *vow*) gives a reported statement;
   "according to X" makes X the speaker of its clause unless the clause has its own speaker
   (X is then the ``via``).  A clause before an attribution ("<clause>, a source said.") is
   reported too; an attribution in mid-sentence ("The plan, an aide said, is to …") splits what
   was said in two statements, like a split quote.
6. Speaker phrases are resolved by [`Resolver`][conflictmodel.parsers.attribution.Resolver]:
   pronouns and descriptors ("the analyst") to earlier actors, names through the ``actors``
   stage.  "Both hinted that …" or "Smith and Jones wrote" gives **one statement** whose
   speaker is a joint actor with the speakers' ids in ``members``; ``speaker_source`` says
   how the speaker was found.

Example:
    >>> from conflictmodel import parse_article
    >>> art = parse_article('“We will not retreat,” General Amina Okoro told reporters on Monday, '
    ...                     'adding that the army would hold the bridge.')
    >>> [(s.kind.value, s.speaker.name, s.cue, s.content) for s in art.statements]
    [('direct', 'Amina Okoro', 'told reporters', 'We will not retreat,'), ('reported', 'Amina Okoro', 'adding', 'the army would hold the bridge')]
"""

from __future__ import annotations

from conflictmodel.parsers.statements.cues import CueEntry, CueMatch, Cues, Token, slug, tokenize
from conflictmodel.parsers.statements.resolver import Resolver
from conflictmodel.parsers.statements.stage import StatementParser

__all__ = [
    "CueEntry",
    "CueMatch",
    "Cues",
    "Resolver",
    "StatementParser",
    "Token",
    "slug",
    "tokenize",
]
