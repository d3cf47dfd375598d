"""Names folded for comparison across articles: keys, tokens, role heads, given names.

The word lists live in ``conflictmodel/data/corpus_names.json``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Literal

from conflictmodel.resources import load_data

_WORDS = load_data("corpus_names.json")

_APOSTROPHES = str.maketrans("", "", _WORDS["apostrophes"])
_SPLIT = re.compile(r"[\W_]+")
# Romanisations of Slavic names end the same sound in several ways
# (Zelensky/Zelenskyy/Zelenskiy/Zelenskii, Dmitry/Dmitri, Sergey/Sergei); folding the endings
# lets the spellings meet.  Longest first.
_ENDING_FOLDS: tuple[tuple[str, str], ...] = tuple(
    (old, new) for old, new in _WORDS["ending_folds"]
)
_GENERATIONAL = frozenset(_WORDS["generational"])
_TITLE_CUT = frozenset(_WORDS["title_cut"])
_DETERMINERS = frozenset(_WORDS["determiners"])


def article_key(text: str) -> str:
    """The stable key of an article: the SHA-256 hex digest of its text (UTF-8).

    The same text always gets the same key, whatever its source or metadata, which is what
    makes ingesting an article twice a no-op.

    Example:
        >>> article_key("Kyiv said no.")[:16]
        '27f1cef82b43fc37'
    """
    # surrogatepass: the parser accepts any str, lone surrogates included.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _raw_tokens(name: str) -> list[str]:
    """Casefolded words of ``name`` without diacritics or apostrophes."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return [t for t in _SPLIT.split(plain.casefold().translate(_APOSTROPHES)) if t]


def _join_initials(raw: list[str]) -> list[str]:
    """Runs of single letters become one token: "J.D.", "J. D." and "JD" are the same."""
    tokens: list[str] = []
    initials = False
    for tok in raw:
        if len(tok) == 1 and tok.isalpha():
            if initials:
                tokens[-1] += tok
            else:
                tokens.append(tok)
            initials = True
            continue
        initials = False
        tokens.append(tok)
    return tokens


def _fold_ending(tok: str) -> str:
    """``tok`` with its transliterated ending folded (words of more than 3 letters)."""
    if len(tok) > 3:
        for old, new in _ENDING_FOLDS:
            if tok.endswith(old):
                return tok[: -len(old)] + new
    return tok


def _name_tokens(name: str) -> list[str]:
    tokens = _join_initials(_raw_tokens(name))
    while len(tokens) > 1 and tokens[-1] in _GENERATIONAL:
        tokens.pop()
    return [_fold_ending(tok) for tok in tokens]


def name_key(name: str) -> str:
    """A name folded for comparison across articles and spellings.

    Case, diacritics, apostrophes, punctuation and the usual transliteration variants of name
    endings (-y / -iy / -yy / -ii / -i, -ei / -ey) are folded; initials are joined.

    Example:
        >>> name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky")
        True
        >>> name_key("Sergei Aksyonov"), name_key("J. D. Vance"), name_key("Ukraine’s")
        ('sergey aksyonov', 'jd vance', 'ukraines')
    """
    return " ".join(_name_tokens(name))


def _is_proper(alias: str) -> bool:
    """False for generic descriptions ("the ministry") that name nothing in particular."""
    words = [w for w in alias.split() if w.casefold() not in _DETERMINERS]
    return bool(words) and not words[0][:1].islower()


def _slug(text: str) -> str:
    return "-".join(_name_tokens(text)) or "unnamed"


def _role_head(title: str) -> str | None:
    """The head noun of a title: "US envoy to Russia" -> "envoy"."""
    toks = [t for t in _SPLIT.split(title.casefold().translate(_APOSTROPHES)) if t]
    for i, tok in enumerate(toks):
        if tok in _TITLE_CUT:
            toks = toks[:i] or toks[i + 1 :]
            break
    return toks[-1] if toks else None


_GivenRelation = Literal["same", "compatible", "conflict", "missing"]


def _given_relation(a: str | None, b: str | None) -> _GivenRelation:
    if not a or not b:
        return "missing"
    if a == b:
        return "same"
    if (len(a) <= 2 or len(b) <= 2) and a[0] == b[0]:
        return "compatible"  # initials
    if a.startswith(b) or b.startswith(a):
        return "compatible"  # Steve / Steven, Alex / Alexander
    return "conflict"
