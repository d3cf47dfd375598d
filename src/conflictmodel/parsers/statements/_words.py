"""The word lists of the statements grammar, from ``data/statements_words.json``.

Users extend a list by adding words to that file; every list is a set of lower-case words.
"""

from __future__ import annotations

from typing import Any

from conflictmodel.parsers.actors.words import GIVEN_FEMININE, GIVEN_MASCULINE
from conflictmodel.resources import load_data

_DATA: dict[str, Any] = load_data("statements_words.json")


def _words(name: str) -> frozenset[str]:
    return frozenset(w.replace("’", "'") for w in _DATA[name])


BE = _words("be_forms")
"""Forms of "be": before a participle they make a passive ("are said to")."""
PROGRESSIVE = BE | _words("progressive_markers")
"""Words that make an -ing cue finite ("has been saying", "keeps saying")."""
REL = _words("relatives")
REL_PRONOUNS = _words("relative_pronouns")
"""Relative pronouns that open a parenthesis about a person, not a clause of its own."""
VERB_COORDINATORS = _words("verb_coordinators")
PHRASE_CONJUNCTIONS = _words("phrase_conjunctions")
NAME_CONJUNCTIONS = _words("name_conjunctions")
TIME_PREPOSITIONS = _words("time_prepositions")
FRAME_DETERMINERS = _words("frame_determiners")
OBJECT_AUXILIARIES = _words("object_auxiliaries")
"""Finite words that may take an object instead of a clause ("said he had …" vs "has")."""
CLAUSE_SUBJECTS = _words("clause_subjects")
COUNT_PREPOSITIONS = _words("count_prepositions")
"""Words that, before a number, open a counted subject ("said about 200 people had fled")."""
NUMBER_WORDS = _words("number_words")
GOES_ON = _words("goes_on")
"""Verbs after which a paragraph continues the quotation before it ("He added that …")."""
FRAME_PREPOSITIONS = _words("frame_prepositions")
OBJECT_BREAKS = _words("object_breaks")
CLAUSE_JOINS = _words("clause_joins")
OUTLET_WORDS = _words("outlet_words")
"""Words before an outlet's name ("a report by the state news agency …")."""
SOURCE_DETERMINERS = _words("source_determiners")
INDEFINITES = _words("indefinites")
ANONYMOUS_QUANTIFIERS = _words("anonymous_quantifiers")
TITLE_PREPOSITIONS = _words("title_prepositions")
OWNER_PREPOSITIONS = _words("owner_prepositions")
LABEL_WORDS = _words("label_words")
DESCRIPTOR_SYNONYMS: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in _DATA.get("descriptor_synonyms", {}).items()
}
"""Head nouns a description may use for a title held ("the aide" for an adviser)."""
REPORT_NOUNS = _words("report_nouns")
"""Nouns that report what their owner said: "Trump's announcement that …"."""
TIME_PHRASE_ENDS = _words("time_phrase_ends")
"""Last words of a short time phrase that opens a sentence ("Hours later, …")."""
QUESTION_WORDS = _words("question_words")
"""Words after "Asked" in "Asked which …, he said": the participle opens an adverbial."""
DATELINE_DASHES = _words("dateline_dashes")
"""Dashes that end a dateline ("KHARTOUM, March 3 (Reuters) — …")."""
MASCULINE = _words("masculine_pronouns")
FEMININE = _words("feminine_pronouns")
"""Pronouns by gender: an actor once called "he" is not the antecedent of a later "she"."""
MASCULINE_NAMES = GIVEN_MASCULINE | _words("masculine_heads")
FEMININE_NAMES = GIVEN_FEMININE | _words("feminine_heads")
"""Given names and description nouns that tell a person's gender ("Amina", "spokeswoman")."""
NAME_PREFIXES = _words("name_prefixes")
"""Honorifics, ranks and titles before a given name that are not part of it ("Sheikh")."""
HONORIFICS: dict[str, str] = {k: str(v) for k, v in _DATA.get("honorifics", {}).items()}
"""Honorifics and the gender of the person they precede ("Mrs." -> "f")."""
ADJUNCT_OPENERS = _words("adjunct_openers")
"""First words of an adjunct after a trailing attribution ("..., X said, a day after ...")."""
ADJUNCT_COUNTS = _words("adjunct_counts")
ADJUNCT_UNITS = _words("adjunct_units")
ADJUNCT_IN = _words("adjunct_in")
