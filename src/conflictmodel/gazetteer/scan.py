"""The gazetteer's scanner: surface forms folded, indexed by their first token, and found
in a text in one pass (leftmost-longest, whole tokens).

Example:
    >>> fold("Zaporizhzhia’s"), slugify("Gaza City")
    ("zaporizhzhia's", 'gaza-city')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import accumulate, compress, count
from operator import not_

import attrs

from conflictmodel.context import MentionKind
from conflictmodel.model.span import Span

__all__ = ["Entry", "Match", "fold", "slugify"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
# A token with the whitespace before it (possessive: nothing to backtrack into).
_PIECE = re.compile(r"\s*+(?:\w+|[^\w\s])")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "–": "-", "‑": "-"})
_MAX_TOKENS = 12


def fold(text: str) -> str:
    """Fold a surface form for comparison: no accents, case-folded, straight apostrophes,
    single spaces.

    Example:
        >>> fold("  Erdoğan’s\\nparty ")
        "erdogan's party"
    """
    if text.isascii():
        # No accents, curly apostrophes or dashes to fold; ASCII case folding is lower().
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def slugify(text: str) -> str:
    """A lower-case ASCII slug for ids.

    Example:
        >>> slugify("Abdel Fattah al-Burhan")
        'abdel-fattah-al-burhan'
    """
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


_NO_HIT: tuple[int, tuple[Entry, ...]] = (0, ())


class _ScanTokens:
    """The tokens of ``text[start:stop]`` for ``Gazetteer.scan``: as written, folded, with
    offsets.  Built from C-level passes (one regex pass of whitespace-and-token pieces, then
    ``map``/``accumulate`` over them), so the cost per token is small."""

    __slots__ = ("ends", "folded", "pieces", "raw")

    def __init__(self, text: str, start: int, stop: int) -> None:
        # Offsets clamp as ``re`` clamps ``pos``/``endpos``.
        start = max(start, 0)
        stop = max(0, min(stop, len(text)))
        seg = text[start:stop]
        # No trailing whitespace: every piece then ends in a token (no failed attempts).
        stop = start + len(seg.rstrip())
        self.pieces: list[str] = _PIECE.findall(text, start, stop) if stop > start else []
        self.raw: list[str] = list(map(str.lstrip, self.pieces))
        # ends[k + 1] is the end offset of token k.
        self.ends: list[int] = list(accumulate(map(len, self.pieces), initial=start))
        # Tokens are folded like fold() (ASCII ones only need lower case).
        self.folded: list[str] = list(map(str.lower, self.raw))
        if not seg.isascii():
            for k in compress(count(), map(not_, map(str.isascii, self.raw))):
                self.folded[k] = fold(self.raw[k])

    def start_of(self, k: int) -> int:
        return self.ends[k + 1] - len(self.raw[k])

    def best_at(
        self, i: int, group: tuple[list[_Candidate], dict[str, list[_Candidate]]]
    ) -> tuple[int, tuple[Entry, ...]]:
        """The longest candidate matching at token ``i`` (entries of equally long ones
        merged, in candidate order), as (number of tokens, entries); (0, ()) if none."""
        singles, longer = group
        if longer and i + 1 < len(self.folded):
            cands = longer.get(self.folded[i + 1])
            if cands:
                hit = self._best(i, cands)
                if hit[0]:
                    return hit
        return self._best(i, singles) if singles else _NO_HIT

    def _best(self, i: int, cands: list[_Candidate]) -> tuple[int, tuple[Entry, ...]]:
        ntokens = 0
        entries: tuple[Entry, ...] = ()
        for c in cands:
            if ntokens and c.ntokens < ntokens:
                break
            if not self._accepts(i, c):
                continue
            if not ntokens:
                ntokens, entries = c.ntokens, c.entries
            else:
                entries = entries + tuple(e for e in c.entries if e not in entries)
        return ntokens, entries

    def _accepts(self, i: int, c: _Candidate) -> bool:
        j = i + c.ntokens
        if j > len(self.folded) or self.folded[i:j] != c.token_list:
            return False
        raw = self.raw
        pieces = self.pieces
        # A name glued to a dollar sign is a currency ("US$10 million", "A$", "HK$"), not a
        # mention of the state.
        if j < len(raw) and raw[j] == "$" and len(pieces[j]) == 1:
            return False
        # Whitespace before a token exactly where the listed form has it ("U.S." has none).
        for k in range(i + 1, j):
            if (len(pieces[k]) != len(raw[k])) != c.spaces[k - i]:
                return False
        if c.exact is not None:
            return c.exact == tuple(t.translate(_APOSTROPHES) for t in raw[i:j])
        return all(
            raw[k][0].isupper() for k, need in zip(range(i, j), c.case_tokens, strict=False) if need
        )


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@attrs.frozen(kw_only=True)
class Entry:
    """One surface form the gazetteer knows, and what it names.

    Attributes:
        surface: the form as listed ("the Kremlin", "Zelenskyy", "Sudanese").
        target: the id of the actor or territory.
        kind: actor or territory.
        via: ``name``, ``alias``, ``demonym`` or ``metonym``.

    Example:
        >>> from conflictmodel.gazetteer import Gazetteer
        >>> Gazetteer.default().lookup("the Kremlin")[0].via
        'metonym'
    """

    surface: str
    target: str
    kind: MentionKind
    via: str


@attrs.frozen(kw_only=True)
class Match:
    """A place in a text where a known surface form occurs.

    Attributes:
        start, end: character offsets (``text[start:end]`` is the form as written).
        text: the form as written.
        entries: every entry with that surface form (a metonym city is both a state actor and
            a territory); names before aliases before demonyms and metonyms.

    Example:
        >>> from conflictmodel.gazetteer import Gazetteer
        >>> m = Gazetteer.default().scan("in Zaporizhia")[0]
        >>> m.span, m.entries[0].target
        (Span(start=3, end=13), 'UA-23')
    """

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]

    @property
    def span(self) -> Span:
        """The match as a [`Span`][conflictmodel.Span]."""
        return Span(start=self.start, end=self.end)

    def targets(self, kind: MentionKind | None = None) -> tuple[str, ...]:
        """The distinct target ids, optionally of one kind.

        Example:
            >>> from conflictmodel.gazetteer import Gazetteer
            >>> m = Gazetteer.default().scan("Kyiv")[0]
            >>> m.targets(MentionKind.ACTOR), m.targets(MentionKind.TERRITORY)
            (('state:UA',), ('UA-30',))
        """
        out: list[str] = []
        for e in self.entries:
            if (kind is None or e.kind is kind) and e.target not in out:
                out.append(e.target)
        return tuple(out)


@attrs.frozen(kw_only=True)
class _Candidate:
    ntokens: int
    tokens: tuple[str, ...]  # folded tokens
    spaces: tuple[bool, ...]  # whether whitespace precedes each token ("U.S." has none)
    case_tokens: tuple[bool, ...]  # True where the text token must start with a capital
    exact: tuple[str, ...] | None  # the surface's tokens, when case must match exactly
    entries: tuple[Entry, ...]
    # ``tokens`` as a list, to compare with a slice of the scanner's token list.
    token_list: list[str] = attrs.field(eq=False, hash=False)


_VIA_ORDER = {"name": 0, "alias": 1, "demonym": 2, "metonym": 3}


def _case_rule(surface: str) -> tuple[tuple[bool, ...], str | None]:
    toks = _tokens(surface)
    letters = "".join(c for c in surface if c.isalpha())
    mixed = len(letters) <= 5 and any(c.isupper() for c in letters[1:])
    if (_is_acronym(surface) and (len(letters) <= 3 or len(toks) > 1)) or mixed:
        # Short acronyms are case-sensitive: "US" is not "us", "WHO" is not "who", "LeT" is
        # not "Let".  Longer ones also match in title case ("Nato").
        return tuple(False for _ in toks), surface.translate(_APOSTROPHES)
    return tuple(t[:1].isupper() for t in toks), None


class _Index:
    """First-token index of surface forms, built once per gazetteer."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        grouped: dict[str, list[Entry]] = {}
        originals: dict[str, str] = {}
        for e in entries:
            key = fold(e.surface)
            if not key:
                continue
            grouped.setdefault(key, []).append(e)
            originals.setdefault(key, e.surface)
        self.by_first: dict[str, list[_Candidate]] = {}
        self.by_surface: dict[str, tuple[Entry, ...]] = {}
        for key, group in grouped.items():
            if key.startswith("the ") and key[4:] in grouped:
                # "the Kremlin" is found as "Kremlin": spans and aliases leave the article out.
                self.by_surface[key] = tuple(dict.fromkeys(group))
                continue
            group.sort(key=lambda e: _VIA_ORDER.get(e.via, 9))
            uniq = tuple(dict.fromkeys(group))
            self.by_surface[key] = uniq
            toks = _tokens(key)
            if not toks or len(toks) > _MAX_TOKENS:
                continue
            # Case rules come from each entry's own spelling; a form listed both as an acronym
            # ("TASS") and as a word ("Tass") is split into two candidates.
            by_rule: dict[tuple[tuple[bool, ...], str | None], list[Entry]] = {}
            for e in uniq:
                by_rule.setdefault(_case_rule(e.surface), []).append(e)
            positions = [(m.start(), m.end()) for m in _TOKEN.finditer(key)]
            spaces = (
                False,
                *(positions[k][0] > positions[k - 1][1] for k in range(1, len(positions))),
            )
            for (caps, exact), es in by_rule.items():
                cand = _Candidate(
                    ntokens=len(toks),
                    tokens=tuple(toks),
                    token_list=list(toks),
                    spaces=spaces,
                    case_tokens=caps,
                    exact=tuple(_tokens(exact)) if exact is not None else None,
                    entries=tuple(es),
                )
                self.by_first.setdefault(toks[0], []).append(cand)
        # By first token: the one-token candidates, and the longer ones by their second token
        # (only those can match where the text's second token is that one), longest first.
        self.groups: dict[str, tuple[list[_Candidate], dict[str, list[_Candidate]]]] = {}
        for first, cands in self.by_first.items():
            cands.sort(key=lambda c: -c.ntokens)
            singles = [c for c in cands if c.ntokens == 1]
            longer: dict[str, list[_Candidate]] = {}
            for c in cands:
                if c.ntokens > 1:
                    longer.setdefault(c.tokens[1], []).append(c)
            self.groups[first] = (singles, longer)
