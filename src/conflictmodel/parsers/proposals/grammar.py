"""Word lists and patterns of English grammar shared by the proposals, positions and claims stages."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from typing import Any

from conflictmodel.model.span import Span
from conflictmodel.parsers.language.words import (
    _CLAUSE_BREAK as _CLAUSE_BREAK,
)
from conflictmodel.parsers.language.words import (
    _DET_WORDS as _DET_WORDS,
)
from conflictmodel.parsers.language.words import (
    _HEADLINE_SMALL as _HEADLINE_SMALL,
)
from conflictmodel.parsers.language.words import (
    _LEAD_SUBORDINATE as _LEAD_SUBORDINATE,
)
from conflictmodel.parsers.language.words import (
    _PREPOSITIONS as _PREPOSITIONS,
)
from conflictmodel.resources import load_data

__all__: list[str] = []


# ---------------------------------------------------------------------------------- text helpers

# Word lists users can extend: data/proposals_words.json.
_WORDS: dict[str, Any] = load_data("proposals_words.json")

_SOFT_STOP = re.compile(
    r",(?!\d{3})|[;:()\[\]\"“”«»]|\s[—–]\s|—|\s--\s|[.!?](?:\s|$)"
    r"|\b(?:if|unless|provided|while|whereas|but|although|though|because|which|who|whom|whose|that|"
    r"amid|after|before|when|since|so\s+that|in\s+order|in\s+exchange|in\s+return|according|"
    r"is|are|was|were|will|would|could|should|may|might|must|can|has|have|had|extends?|"
    r"signals?|remains?|raises?|undermines?|means?|and\s{1,3}\w+ed|"
    r"in\s{1,3}the\s{1,3}(?:ongoing\s{1,3}|current\s{1,3}|\w+-\w+\s{1,3})?(?:war|conflict|fighting)|"
    r"under\s{1,3}which|whereby|as\s{1,3}a\s{1,3}(?:pre)?condition|(?:late|early)\s{1,3}(?:on|in|last)\b|"
    r"(?:on|by|before|from|until|last|next|this)\s{1,3}(?:(?:the\s{1,3})?\d|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|week|month|year)|"
    r"and\s{1,3}(?:the|a|an)\s{1,3}(?!(?:[\w-]+\s{1,3})?(?:regions?|provinces?|oblasts?|territor\w*|"
    r"areas?|cities|city|districts?)\b)|"
    r"as\s+a\s+component|as\s+an?\s+element|as\s+part\s+of\s+(?:a|an|any|the\s+(?:deal|agreement|plan|"
    r"proposal|talks|negotiations|settlement|framework|accord|package)))\b",
    re.I,
)
_TRAIL = re.compile(
    r"(?:\s+(?:and|or|as\s+well\s+as|along\s+with|plus|then|also|gradually|eventually|immediately|"
    r"possibly|potentially|subsequently|later|the|a|an|to|of|for|with|on|in|by|from|its|their|"
    r"[a-z]+ly))+\s*$",
    re.I,
)
# "called for a truce" is a demand (an implicit proposal cue in proposals.json), not only a stance.
_POSITION_OBJECT = re.compile(
    r"\b(?:push(?:es|ed|ing)?|advocat(?:e|es|ed|ing)|press(?:es|ed|ing)?|"
    r"lobb(?:y|ies|ied|ying)|hop(?:e|es|ed|ing)|appeal(?:s|ed|ing)?|argu(?:e|es|ed|ing)|"
    r"wish(?:es|ed|ing)?|pray(?:s|ed|ing)?|clamou?r(?:s|ed|ing)?)\s{1,3}for\b"
    # "Saudi-backed", "UN-supported": a compound adjective, not a verb of support.
    r"|(?<![-\u2010\u2011])\b(?:favou?r(?:s|ed|ing)?|support(?:s|ed|ing)?|back(?:s|ed|ing)?|"
    r"oppos(?:e|es|ed|ing)|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|resist(?:s|ed|ing)?|"
    r"dismiss(?:es|ed|ing)?|fear(?:s|ed|ing)?|warn(?:s|ed|ing)?\s{1,3}(?:against|of))\b"
    r"|\bin\s+order\s+to\b|\binability\s+to\b|\bfailure\s+to\b|\bso\s+as\s+to\b",
    re.I,
)
# A continuation verb right before a position cue ("the plan calls for") means the cue describes
# the proposal's content, not somebody's stance.
_CONTENT_SUBJECT = re.compile(
    r"(?:\b(?:it|which|that|this|plan|proposal|deal|agreement|framework|draft|text|document|"
    r"initiative|roadmap|accord|treaty|offer|package|terms|truce|ceasefire|declaration|memorandum|"
    r"also|would|reportedly)\s{1,3})$",
    re.I,
)
_NEG_BEFORE = re.compile(
    r"\b(?:no|not|never|without|nor|neither|n't|hardly)\b[^,;.]{0,25}$",
    re.I,
)
_NP_STOP = frozenset(_WORDS["noun_phrase_stops"])
_MONTHS = frozenset(_WORDS["months"])
_NUMBER_WORDS: dict[str, int] = dict(_WORDS["number_words"])
_IDIOM_NOUNS = frozenset(_WORDS["idiom_nouns"])
_PLURAL_TRIGGERS = frozenset(_WORDS["plural_triggers"])
_GENERIC_DETERMINERS = frozenset(_WORDS["generic_determiners"])
_HYPOTHETICAL = frozenset(_WORDS["hypothetical_modifiers"])
_ANAPHORIC_DETERMINERS = frozenset(_WORDS["anaphoric_determiners"])
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_NUM = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_DURATION_BEFORE = re.compile(
    _NUM + r"(?:\s|-)(?P<u>day|week|month|year|hour)s?(?:(?:\s|-)long)?(?:\s|-)(?:[a-z]+\s)?$",
    re.I,
)
_DURATION_AFTER = re.compile(
    r"^\s(?:(?:of|for|lasting)\s(?:at\s+least\s|up\s+to\s|a\s+period\s+of\s)?)"
    + _NUM
    + r"(?:\s|-)(?P<u>day|week|month|year|hour)s?\b",
    re.I,
)


def _duration_days(n_text: str, unit: str) -> int | None:
    n_low = n_text.lower()
    n = int(n_low) if n_low.isdigit() else _NUMBER_WORDS.get(n_low)
    if not n:
        return None
    u = unit.lower()
    if u == "hour":
        return n // 24 if n >= 24 and n % 24 == 0 else None
    return n * _UNIT_DAYS[u]


_ATTRIBUTION = re.compile(
    r"\W{0,3}(?:according\s{1,3}to\s{1,3}[^,;:]{1,80}|(?:[\w.'’-]+\s{1,3}){1,5}(?:said|say|says|told|added))"
    r"\W{0,3}$",
    re.I,
)
_CONTINUES = re.compile(
    r"\W{0,3}(?:including|which|that|such\s+as|notably|namely|as\s+well\s+as|plus|and\s+(?:a|an|the)\b)"
)


def continued_end(
    text: str,
    clauses: Sequence[Span],
    taken: Container[Span],
    after: int,
    end: int,
    *,
    subject_only: bool,
) -> int:
    """Where a proposal's region ends once the clauses from ``after`` on that continue it
    ("including ...", "which ...") are added, up to a clause another proposal holds
    (``taken``).  With ``subject_only`` the proposal noun is a subject whose predicate may
    come after an attribution ("The draft, according to diplomats, would commit ...")."""
    for c in clauses:
        if c.start < after:
            continue
        if c in taken:
            break
        if subject_only:
            if _ATTRIBUTION.match(text, c.start, c.end):
                continue
            end = c.end
            subject_only = False
            continue
        if _CONTINUES.match(text[c.start : min(c.end, c.start + 40)].lower()):
            end = c.end
            continue
        break
    return end
