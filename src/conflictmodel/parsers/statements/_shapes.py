"""The shapes of speaker phrases: pure functions over tokens and text used by the
[`Resolver`][conflictmodel.parsers.statements.resolver.Resolver] (acronyms a text defines,
lists and pairs of names, titled names, relative clauses, the document's tokens)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from conflictmodel.analysis import AnalysedDocument
from conflictmodel.model.span import Span
from conflictmodel.parsers.statements._words import NAME_CONJUNCTIONS
from conflictmodel.parsers.statements.cues import Token, singular

_WORD_RUN = re.compile(r"\w+")


@functools.lru_cache(maxsize=8192)
def _name_lemmas(name: str) -> frozenset[str]:
    """The singular lower-case words of a name, title or description."""
    return frozenset(singular(w) for w in _WORD_RUN.findall(name.lower()))


def _doc_tokens(
    doc: AnalysedDocument, covered: tuple[int, int] | None, start: int, end: int
) -> list[Token] | None:
    """The document's tokens of ``[start, end)`` if they equal ``tokenize(text, start, end)``:
    the range lies inside ``covered`` (see `_covered`) and no token crosses either of its
    ends, so the tokeniser sees the same characters; else None."""
    if covered is None or start < covered[0] or end > covered[1]:
        return None
    toks = doc.tokens
    lo, hi = doc.token_range(start, end)
    if (lo > 0 and toks[lo - 1].end > start) or (hi > lo and toks[hi - 1].end > end):
        return None
    return toks[lo:hi]


def _covered(doc: AnalysedDocument) -> tuple[int, int] | None:
    """The range the document's tokens are the tokenisation of, as one piece: its paragraphs
    in order, without overlaps, and only whitespace at each cut between two of them (so no
    token could run across a cut).  None if there is no such range."""
    text = doc.text
    paras = [(p.start, p.end) for p in doc.paragraphs] or [(0, len(text))]
    found: tuple[int, int] | None = (paras[0][0], paras[-1][1])
    if any(s > e for s, e in paras):
        return None
    for (_s0, e0), (s1, _e1) in itertools.pairwise(paras):
        gap = text[e0:s1]
        if (
            s1 < e0
            or (gap and not gap.isspace())
            or not (gap or text[e0 - 1 : e0].isspace() or text[s1 : s1 + 1].isspace())
        ):
            found = None
            break
    if found is not None and (found[0] < 0 or found[1] > len(text) or found[0] > found[1]):
        found = None
    return found


_LOCATED = re.compile(r"(?:[Tt]he )?(.+?) in ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_ACRONYM_GLUE = frozenset(("of", "for", "the", "and", "on", "in", "de", "du", "des", "la", "to"))


def _find_acronyms(text: str) -> dict[str, str]:
    """ "Long Name (LN)" definitions whose capitalised initials spell the acronym."""
    out: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        acr = m.group(1).replace("&", "")
        words = text[max(0, m.start() - 160) : m.start()].split()[-12:]
        initials = ""
        k = len(words)
        while k > 0 and len(initials) < len(acr):
            w = words[k - 1]
            k -= 1
            if w.lower() in _ACRONYM_GLUE:
                continue
            if not w[:1].isupper():
                break
            initials = w[0] + initials
        if initials == acr and m.group(1) not in out:
            long = " ".join(words[k:])
            if long.split()[0].lower() == "the":
                long = long.split(" ", 1)[1]
            out[m.group(1)] = long
        if len(out) >= 50:
            break
    return out


def _acronym_in(toks: Sequence[Token], acronyms: dict[str, str]) -> str | None:
    """The defined acronym a phrase names: "UNAMI", "the UNAMI", "the … Mission (UNAMI)"."""
    if not acronyms:
        return None
    words = [t for t in toks if t.word]
    if not words:
        return None
    last = words[-1]
    raw = last.low.upper()
    if raw in acronyms and (len(words) <= 2 or (len(toks) >= 2 and toks[-1].low == ")")):
        return raw
    return None


_POSSESSIVE_DETS = frozenset(("his", "her", "its", "their"))
_PEOPLE_HEADS = frozenset(
    ("minister", "leader", "president", "envoy", "negotiator", "commander", "general", "diplomat")
)


def _pair_phrase(toks: Sequence[Token]) -> bool:
    """ "the two ministers", "both leaders", "the two sides": a plural description of a pair."""
    words = [t.low for t in toks if t.word]
    if len(words) == 2 and words[0] == "both":
        return not toks[1].cap
    return len(words) == 3 and words[0] == "the" and words[1] == "two" and not toks[-1].cap


def _relative_cut(toks: Sequence[Token], heads: frozenset[str]) -> int:
    """Where a restrictive relative clause after a lower-case speaker noun starts ("groups
    that signed …", "officials who fled …"); 0 when there is none."""
    for k in range(1, min(len(toks), 12)):
        if toks[k].low in ("that", "who", "which"):
            prev = toks[k - 1]
            if prev.word and not prev.cap and (prev.low in heads or singular(prev.low) in heads):
                return k
            return 0
        if toks[k].low == ",":
            return 0
    return 0


def _titled_name_start(toks: Sequence[Token], heads: frozenset[str]) -> int:
    """ "Ruto campaign spokesman Peter Kamau", "Cruz's spokeswoman Ana Ruiz": where the title
    of the name that ends the phrase starts, after the capitalised owner before it (0 when
    the phrase is not shaped so)."""
    n = len(toks)
    k = n
    while k > 0 and toks[k - 1].cap and toks[k - 1].word:
        k -= 1
    if k == n or k < 2 or toks[k - 1].low not in heads:
        return 0
    j = k - 1
    while j > 0 and toks[j - 1].word and not toks[j - 1].cap:
        j -= 1
    owner = toks[:j]
    if j == 0 or not owner or not all(t.cap or t.low in ("'s", "’s", "-") for t in owner):
        return 0
    return j


def _strip_span(text: str, span: Span) -> Span:
    s, e = span.start, span.end
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    return Span(start=s, end=e)


def _cap_runs(toks: Sequence[Token], dets: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of capitalised words (joined by hyphens); a leading determiner is no name."""
    runs: list[tuple[int, int]] = []
    k = 0
    n = len(toks)
    while k < n:
        if toks[k].cap and (k > 0 or toks[k].low not in dets):
            j = k
            while j + 1 < n and (toks[j + 1].cap or (toks[j + 1].low in ("-",) and j + 2 < n)):
                j += 1
            runs.append((k, j + 1))
            k = j + 1
        else:
            k += 1
    return runs


def _conjuncts(toks: Sequence[Token], people: frozenset[str] = frozenset()) -> list[Span]:
    """Split "X and Y" into its conjuncts when both sides name someone: a capitalised word, or
    a head noun among ``people`` ("residents and aid workers": two collective sources)."""
    cuts = [k for k, t in enumerate(toks) if t.low in NAME_CONJUNCTIONS]
    if cuts:
        # "Russia, China and Iran": the commas of the list before the conjunction cut too
        cuts = sorted({*cuts, *(k for k, t in enumerate(toks[: cuts[0]]) if t.low == ",")})
    if not cuts:
        return [Span(start=toks[0].start, end=toks[-1].end)]
    parts: list[Sequence[Token]] = []
    prev = 0
    for c in cuts:
        parts.append(toks[prev:c])
        prev = c + 1
    parts.append(toks[prev:])
    if any(not p or not (any(t.cap for t in p) or singular(p[-1].low) in people) for p in parts):
        return [Span(start=toks[0].start, end=toks[-1].end)]
    return [Span(start=p[0].start, end=p[-1].end) for p in parts]


_POSSESSOR = re.compile(r"(?:[A-Z][\w.\-]*\s){0,3}[A-Z][\w.\-]*(?:'s|’s)\b")


def _possessor(text: str, off: int) -> bool:
    """The name at ``off`` is a possessor ("Zelensky's chief of staff, Andriy Yermak,"): it
    stands before the subject, it is not the subject."""
    return _POSSESSOR.match(text, off, min(len(text), off + 80)) is not None


def _apposed_name(toks: Sequence[Token]) -> int | None:
    """Where a name in apposition after a lower-case description starts ("The chairperson of
    the UN commission, Yasmin Sooka"): two to four capitalised words after the phrase's last
    comma; None otherwise."""
    commas = [i for i, t in enumerate(toks) if t.low == ","]
    if not commas or commas[-1] < 2:
        return None
    k = commas[-1] + 1
    rest = toks[k:]
    if not 2 <= len(rest) <= 4 or not all(t.cap and t.word for t in rest):
        return None
    if not any(t.word and not t.cap for t in toks[: commas[-1]]):
        return None  # "Sudan, Chad": a list of names
    return k
