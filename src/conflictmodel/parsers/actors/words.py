"""The actors stage's word lists, from ``data/actors_words.json`` (extend that file to teach
the stage more words)."""

from __future__ import annotations

import functools
import re

from conflictmodel.gazetteer import fold
from conflictmodel.resources import load_data

_DATA = load_data("actors_words.json")


def _words(key: str) -> frozenset[str]:
    return frozenset(_DATA[key])


_STOP_CAPS = _words("stop_caps")
_MODIFIERS = _words("modifiers")
_STATE_NOUNS = _words("state_nouns")
_ORG_WORDS = _words("org_words")
_NAME_STOP_TAIL = _words("name_stop_tail")
_NOT_TITLE_WORDS = _words("not_title_words")
_VERBS = _words("verbs")
_PRONOUNS_PERSON = _words("pronouns_person")
_PRONOUNS_GROUP = _words("pronouns_group")
_PERSON_HEADS = _words("person_heads")
_SPECIFIC_BODIES = _words("specific_bodies")
_SPECIFIC_SUFFIXES: tuple[str, ...] = tuple(_DATA["specific_suffixes"])
_BODY_SYNONYMS: dict[str, str] = dict(_DATA["body_synonyms"])
_OFFICIAL_ADJ_NOUNS = _words("official_adj_nouns")
_GENERIC_ANON_HEADS = _words("generic_anon_heads")
_NAME_HONORIFICS = _words("name_honorifics")
GIVEN_MASCULINE = _words("given_names_masculine")
GIVEN_FEMININE = _words("given_names_feminine")
"""Common given names by gender (lower case)."""


def _phrases(key: str) -> str:
    return "|".join(
        r"\s{1,2}".join(map(re.escape, p.split()))
        for p in sorted(_DATA[key], key=len, reverse=True)
    )


# An unknown full name is a person when the words around it can only govern a person:
# "fighters loyal to X", "troops arrested X", "X, 54,", "X was sworn in".
_PERSON_BEFORE = re.compile(r"\b(?:" + _phrases("person_contexts_before") + r")\s{1,2}$", re.I)
_PERSON_AFTER = re.compile(
    r"(?:['’]s)?(?:,\s{1,2}\d{1,3},|\s{1,2}(?:" + _phrases("person_verbs_after") + r")\b)"
)

_TRANSLIT_END = re.compile(r"(?<=[^aeiouy])(?:iy|yi|yy|ii|y|i)$")


@functools.lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """A name folded so that transliterations of one name meet: "Syrskyi", "Syrskiy" and
    "Syrsky", or "Zelenskyy" and "Zelensky", differ only in how the final -ий is spelt.
    Only words of five letters or more lose that ending ("Ali" stays "ali").

    Example:
        >>> name_key("Oleksandr Syrskyi") == name_key("Oleksandr  Syrskiy") == name_key("oleksandr syrsky")
        True
    """
    words = fold(name).split()
    return " ".join(_TRANSLIT_END.sub("", w) if len(w) >= 5 else w for w in words)
