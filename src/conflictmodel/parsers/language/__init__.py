"""The language toolkit the stages share: lexicon gates, clauses and windows, actor mentions.

Several stages need the same small pieces of English grammar: where a clause ends, which
lexicon patterns can match in a sentence (one automaton pass, [`PatternGate`][conflictmodel.parsers.language.gate.PatternGate]),
which actors a verb's subject names. They live here, below the stages, so no stage imports
another stage's internals; a stage of your own can use them too.

Modules:

- [`gate`][conflictmodel.parsers.language.gate]: prefilters for lexicon patterns, and the
  per-article memo of pure text computations.
- [`clauses`][conflictmodel.parsers.language.clauses]: bounded windows of long sentences,
  clause spans, headline lines.
- [`mentions`][conflictmodel.parsers.language.mentions]: actor and territory mentions around a
  verb (subjects, possessors, prepositional phrases).
- `words`: the grammar patterns and word lists they share (``data/proposals_words.json``).
"""
