"""Patterns and word lists of English grammar that several stages share: clause breaks,
subordinate lead-ins, determiners, prepositions, the small words of headlines.

The word lists are in ``data/proposals_words.json`` (users can extend them).
"""

from __future__ import annotations

import re
from typing import Any

from conflictmodel.resources import load_data

__all__: list[str] = []

_WORDS: dict[str, Any] = load_data("proposals_words.json")

_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|\s--\s|—|:\s"
    r"|,\s{1,3}(?=(?:with|while|whereas|but|although|though|as|amid|even\s+as|despite|adding|saying|"
    r"according|citing|noting|warning|arguing|claiming|insisting|something|which\s+(?:he|she|they)|"
    r"and\s+(?:he|she|they|it)\s)\b)"
    r"|\s(?=(?:while|whereas|but|although|though)\s)",
    re.I,
)
_LEAD_SUBORDINATE = re.compile(
    r"^\W{0,3}(?:though|although|while|as|if|when|after|before|despite|since|because|even\s+though|"
    r"in|during|speaking|according|following|amid|with|under|for)\b[^,;]{0,200},",
    re.I,
)
_DET_WORDS = frozenset(_WORDS["determiners"])
_PREPOSITIONS = frozenset(_WORDS["prepositions"])
_HEADLINE_SMALL = frozenset(_WORDS["headline_small_words"])
