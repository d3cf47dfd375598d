"""Cheap prefilters for lexicon patterns, and a per-article memo of pure text computations.

A lexicon pattern (``union`` of phrases) can only match where one of its *hints* occurs: the
literal required word of one of its phrases (``literal_hints`` picks the most telling one).  [`PatternGate`][conflictmodel.parsers.language.gate.PatternGate] finds every hint of many
patterns in one Aho–Corasick pass over a sentence, so a pattern runs only in sentences that
contain one of its hints (most sentences contain none of most patterns).

[`text_cache`][conflictmodel.parsers.language.gate.text_cache] keeps results that depend on nothing but the text (clauses of a sentence,
regex hits in a window) for the article being parsed, so the several callers that need the same
sentence share one computation.
"""

from __future__ import annotations

import bisect
import weakref
from array import array
from collections.abc import Iterable, Sequence
from itertools import islice
from operator import le
from typing import Any, NamedTuple

import ahocorasick

from conflictmodel.analysis.lexicon import fold_case, is_word_char

__all__ = ["PatternGate", "TextCache", "literal_hints", "text_cache"]

# Characters that ``re.IGNORECASE`` equates with an ASCII letter although ``str.lower`` does not
# turn them into it ("ſ" matches "s", "ı" and "İ" match "i"): a sentence with one of them runs
# every pattern.
_ODD_FOLDS = ("ſ", "ı", "i̇", "İ")


def literal_hints(phrase: str) -> tuple[str, ...]:
    """The phrase's most telling required word, lower-cased (its alternatives; ``word*`` for a
    stem, ``""`` or ``"*"`` for any word).

    Any word the phrase requires can gate it; the one whose shortest alternative is longest is
    chosen (the first of equals), because the automaton reports every occurrence of a hint,
    inside other words too: "a" or "on" as a hint meant a hit at nearly every word of the text
    to check and discard, "referendum" one at each mention.

    Example:
        >>> literal_hints("[fully] lift*|eas* ... sanction*")
        ('sanction*',)
        >>> literal_hints("a referendum|plebiscite on"), literal_hints("* of")
        (('referendum', 'plebiscite'), ('of',))
    """
    best: tuple[str, ...] | None = None
    best_size = -1
    for raw in phrase.split():
        if raw == "..." or raw.startswith("["):
            continue
        alts = tuple(p.lower() for p in raw.split("|"))
        size = min(len(a.rstrip("*")) for a in alts)
        if size > best_size:
            best, best_size = alts, size
    return best if best is not None else ("",)


class PatternGate:
    """Which of several patterns may match in a lower-cased text, from their literal hints.

    Pattern ``i`` may match if one of ``hints[i]`` occurs in the text where a phrase word can
    start (not right after a letter, digit or apostrophe); a hint ending in ``*`` is a word
    stem, any other hint is a whole word (no letter or digit follows it).  A pattern with the
    hint ``""`` always may match, one with no hints never.  Every hint must be a literal required
    word of a phrase compiled by ``compile_phrase`` (``literal_hints`` gives one).
    With ``fold_safe`` a text holding a character that case-insensitive matching equates with
    an ASCII letter ("ſ", "ı") lets every pattern through.

    Example:
        >>> g = PatternGate([("truce", "ceasefire"), ("sanction*",), ("",)])
        >>> sorted(g.candidates("a truce and sanctions")), sorted(g.candidates("construce"))
        ([0, 1, 2], [2])
    """

    __slots__ = (
        "__weakref__",
        "_all",
        "_always",
        "_automaton",
        "_fold_safe",
        "_kinds",
        "_last",
        "_size",
        "_words",
    )

    def __init__(self, hints: Sequence[Iterable[str]], *, fold_safe: bool = True) -> None:
        table: dict[str, tuple[set[int], set[int]]] = {}
        always: set[int] = set()
        for i, hs in enumerate(hints):
            for h in hs:
                stem = h.endswith("*")
                word = h.rstrip("*")
                if not word:
                    always.add(i)
                    continue
                table.setdefault(word, (set(), set()))[0 if stem else 1].add(i)
        self._always = frozenset(always)
        self._all = frozenset(range(len(hints)))
        self._fold_safe = fold_safe
        self._automaton: Any = ahocorasick.Automaton()
        # What a hint can be a hint of, numbered once here so that a scan stores a number per
        # hit instead of hashing the pair of sets again for each one.
        self._kinds: list[tuple[frozenset[int], frozenset[int]]] = []
        # hint -> its kind: what the automaton shared by all gates is built from.
        self._words: dict[str, int] = {}
        kind_of: dict[tuple[frozenset[int], frozenset[int]], int] = {}
        for word, (stems, words) in table.items():
            pair = (frozenset(stems), frozenset(words))
            kind = kind_of.setdefault(pair, len(kind_of))
            if kind == len(self._kinds):
                self._kinds.append(pair)
            self._automaton.add_word(word, (len(word), pair[0], pair[1], kind))
            self._words[word] = kind
        self._size = len(table)
        self._last: tuple[str, _Hits] | None = None
        _GATES.add(self)
        if table:
            self._automaton.make_automaton()

    def candidates(self, low: str) -> frozenset[int]:
        """Indexes of the patterns that may match in ``low`` (a lower-cased text)."""
        if self._fold_safe and not low.isascii() and any(c in low for c in _ODD_FOLDS):
            return self._all
        if not self._size:
            return self._always
        found = set(self._always)
        n = len(low)
        for last, (length, stems, words, _) in self._automaton.iter(low):
            s = last + 1 - length
            if s > 0:
                c = low[s - 1]
                if c.isalnum() or c in "_'’":
                    continue
            found |= stems
            if words and (last + 1 == n or not is_word_char(low[last + 1])):
                found |= words
        return frozenset(found)

    def candidates_in(self, text: str, start: int, end: int) -> frozenset[int]:
        """``candidates`` of ``text[start:end]`` lower-cased, from one scan of the whole text
        per article (memoised in ``text_cache``).

        Example:
            >>> g = PatternGate([("truce",), ("sanction*",)])
            >>> t = "A truce. Sanctions."
            >>> sorted(g.candidates_in(t, 0, 8)), sorted(g.candidates_in(t, 2, 19))
            ([0], [0, 1])
        """
        if not self._size:
            if self._fold_safe and _has_odd(text) and _odd_in(text[start:end]):
                return self._all
            return self._always
        last = self._last
        hits = last[1] if last is not None and last[0] is text else self._scan(text)
        # Whether the text holds such a character at all is known from the scan: asking the
        # text again on every call read the whole article once per window.
        if self._fold_safe and hits.odd and _odd_in(text[start:end]):
            return self._all
        starts = hits.starts
        i = bisect.bisect_left(starts, start)
        n = len(starts)
        if i == n or starts[i] >= end:
            # Most windows hold no hint of most gates: no set to build.
            return self._always
        found = set(self._always)
        ends, kinds, flags, sets = hits.ends, hits.kinds, hits.flags, hits.sets
        while i < n and starts[i] < end:
            s, e, f = starts[i], ends[i], flags[i]
            stems, words = sets[kinds[i]]
            i += 1
            if e > end or not (f & _START_OK or s == start):
                continue
            found |= stems
            if words and (f & _END_OK or e == end):
                found |= words
        return frozenset(found)

    def _scan(self, text: str) -> _Hits:
        memo = text_cache(text).memo
        key = ("gate", id(self))
        cached: tuple[PatternGate, _Hits] | None = memo.get(key)
        if cached is None and "gates" not in memo:
            # The first gate asked about this text scans it for every gate used before: one
            # automaton pass per article instead of one per gate.
            memo["gates"] = True
            _SHARED.scan(text, memo)
            cached = memo.get(key)
        if cached is None:
            # A gate not used before: a pass of its own this time, shared from the next text.
            hits = _sorted_hits(_own_hits(self, _folded(text, memo)), self._kinds, _has_odd(text))
            cached = memo[key] = (self, hits)
            _SHARED.add(self)
        # The last text scanned, checked by identity first: the stages ask one gate about
        # many windows of the same article in a row.
        self._last = (text, cached[1])
        return cached[1]


def _folded(text: str, memo: dict[Any, Any]) -> str:
    low: str | None = memo.get("folded")
    if low is None:
        low = memo["folded"] = fold_case(text)
    return low


_RawHits = tuple[list[int], list[int], list[int], list[int]]


def _own_hits(gate: PatternGate, low: str) -> _RawHits:
    """One gate's hits in ``low`` from its own automaton, in the automaton's order."""
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[int] = []
    flags: list[int] = []
    low_ = low + " "  # one character past the end, so the next one always exists
    for last, (length, _, _, kind) in gate._automaton.iter(low):
        s = last + 1 - length
        c = low_[s - 1] if s > 0 else " "
        f = 0 if c.isalnum() or c in "_'’" else _START_OK
        c = low_[last + 1]  # inlined is_word_char: this loop runs once per hit
        if not (c.isalnum() or c == "_"):
            f |= _END_OK
        starts.append(s)
        ends.append(last + 1)
        kinds.append(kind)
        flags.append(f)
    return starts, ends, kinds, flags


def _sorted_hits(
    raw: _RawHits, sets: list[tuple[frozenset[int], frozenset[int]]], odd: bool
) -> _Hits:
    starts, ends, kinds, flags = raw
    # The automaton reports hits by where they end; lookups need them by where they start.
    if any(starts[i] > starts[i + 1] for i in range(len(starts) - 1)):
        order = sorted(range(len(starts)), key=starts.__getitem__)
        starts = [starts[i] for i in order]
        ends = [ends[i] for i in order]
        kinds = [kinds[i] for i in order]
        flags = [flags[i] for i in order]
    # Parallel arrays of machine ints: a long article has hundreds of thousands of hits,
    # and a tuple per hit cost about five times the memory.
    return _Hits(
        starts=array("l", starts),
        ends=array("l", ends),
        kinds=array("l", kinds),
        flags=array("b", flags),
        sets=sets,
        odd=odd,
    )


class _SharedScan:
    """One automaton over the hints of every gate in use, so that an article is scanned once
    for all of them.

    A gate joins when it is first used (that text it scans alone); the automaton is rebuilt
    before the next text when a gate joined or one was garbage-collected.  Each hint's value
    holds its length and ``(slot, kind)`` for every gate that has the hint; the hits of one
    gate come out in the order its own automaton gives them (by end, the longest first), and
    are sorted by start the same stable way, so its hit arrays are the same as from a scan of
    its own.  A scan keeps its buffers to itself (parses in several threads stay apart).
    """

    def __init__(self) -> None:
        self._members: weakref.WeakSet[PatternGate] = weakref.WeakSet()
        self._slots: list[weakref.ref[PatternGate]] = []
        self._automaton: Any = None
        self._stale = False

    def add(self, gate: PatternGate) -> None:
        if gate not in self._members:
            self._members.add(gate)
            self._stale = True

    def _dropped(self, _: object) -> None:
        self._stale = True

    def _build(self) -> None:
        gates = list(self._members)
        table: dict[str, list[tuple[int, int]]] = {}
        for slot, gate in enumerate(gates):
            for word, kind in gate._words.items():
                table.setdefault(word, []).append((slot, kind))
        automaton: Any = ahocorasick.Automaton()
        for word, pairs in table.items():
            automaton.add_word(word, (len(word), tuple(pairs)))
        if table:
            automaton.make_automaton()
        self._automaton = automaton if table else None
        self._slots = [weakref.ref(g, self._dropped) for g in gates]
        self._stale = False

    def scan(self, text: str, memo: dict[Any, Any]) -> None:
        """Every member gate's hits in ``text``, stored in ``memo`` as ``_scan`` keeps them."""
        if self._stale:
            self._build()
        automaton, slots = self._automaton, self._slots
        if automaton is None:
            return
        low = _folded(text, memo)
        low_ = low + " "  # one character past the end, so the next one always exists
        buffers: list[list[tuple[int, int, int, int]]] = [[] for _ in slots]
        appends = [b.append for b in buffers]
        columns = [_Columns() for _ in slots]
        hits = automaton.iter(low)
        # In batches, each gate's hits moved into arrays after each: a tuple per hit for the
        # whole of a long article cost about five times the memory of the arrays.
        while batch := list(islice(hits, _BATCH)):
            for last, (length, pairs) in batch:
                e = last + 1
                s = e - length
                c = low_[s - 1] if s > 0 else " "
                f = 0 if c.isalnum() or c in "_'’" else _START_OK
                c = low_[e]  # inlined is_word_char: this loop runs once per hit
                if not (c.isalnum() or c == "_"):
                    f |= _END_OK
                for slot, kind in pairs:
                    appends[slot]((s, e, kind, f))
            for buffer, cols in zip(buffers, columns, strict=True):
                if buffer:
                    cols.add(buffer)
                    buffer.clear()
        odd = _has_odd(text)
        for ref, cols in zip(slots, columns, strict=True):
            gate = ref()
            if gate is not None:
                memo.setdefault(("gate", id(gate)), (gate, cols.hits(gate._kinds, odd)))


_BATCH = 1 << 12


class _Columns:
    """One gate's hits as parallel arrays, in the order they were added."""

    __slots__ = ("ends", "flags", "kinds", "starts")

    def __init__(self) -> None:
        self.starts = array("l")
        self.ends = array("l")
        self.kinds = array("l")
        self.flags = array("b")

    def add(self, batch: list[tuple[int, int, int, int]]) -> None:
        starts, ends, kinds, flags = zip(*batch, strict=True)
        self.starts.extend(starts)
        self.ends.extend(ends)
        self.kinds.extend(kinds)
        self.flags.extend(flags)

    def hits(self, sets: list[tuple[frozenset[int], frozenset[int]]], odd: bool) -> _Hits:
        """The hits sorted by start, stably (the order ``_sorted_hits`` gives)."""
        starts, ends, kinds, flags = self.starts, self.ends, self.kinds, self.flags
        if not all(map(le, starts, islice(starts, 1, None))):
            order = sorted(range(len(starts)), key=starts.__getitem__)
            starts = array("l", map(starts.__getitem__, order))
            ends = array("l", map(ends.__getitem__, order))
            kinds = array("l", map(kinds.__getitem__, order))
            flags = array("b", map(flags.__getitem__, order))
        return _Hits(starts=starts, ends=ends, kinds=kinds, flags=flags, sets=sets, odd=odd)


_SHARED = _SharedScan()


_START_OK = 1
_END_OK = 2


class _Hits(NamedTuple):
    """Every automaton hit in one text, sorted by start: what each can be a hint of is
    ``sets[kinds[i]]`` (stems, whole words); ``odd``: whether the text holds a character of
    ``_ODD_RAW``."""

    starts: array[int]
    ends: array[int]
    kinds: array[int]
    flags: array[int]
    sets: list[tuple[frozenset[int], frozenset[int]]]
    odd: bool


_ODD_RAW = ("ſ", "ı", "İ")


def _odd_in(seg: str) -> bool:
    return any(c in seg for c in _ODD_RAW)


def _has_odd(text: str) -> bool:
    """Whether ``text`` holds a character of ``_ODD_RAW`` (then a window of it may), once per
    article."""
    memo = text_cache(text).memo
    odd: bool | None = memo.get("odd folds")
    if odd is None:
        odd = memo["odd folds"] = not text.isascii() and _odd_in(text)
    return odd


class TextCache:
    """Results that depend only on one article's text, keyed by whoever computes them."""

    __slots__ = ("memo", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.memo: dict[Any, Any] = {}


_current: list[TextCache] = []


def text_cache(text: str) -> TextCache:
    """The memo for ``text`` (the same string object); a new text replaces the previous memo.

    Example:
        >>> t = "Talks resume."
        >>> text_cache(t) is text_cache(t)
        True
    """
    cur = _current[0] if _current else None
    if cur is None or cur.text is not text:
        cur = TextCache(text)
        _current[:] = [cur]
    return cur


def release_text_cache() -> None:
    """Forget the memo of the last text and every gate's hits in it (the pipeline calls this
    when a parse ends).

    Without it the memo of a 1 MB article (gate hits, provision matches) stayed alive until the
    next article, and parsing the *same* string object again reused it, which made repeated
    runs in a benchmark look cheaper than a first parse.

    Example:
        >>> t = "Talks resume."
        >>> first = text_cache(t)
        >>> release_text_cache()
        >>> text_cache(t) is first
        False
    """
    _current.clear()
    for gate in list(_GATES):
        gate._last = None


_GATES: weakref.WeakSet[PatternGate] = weakref.WeakSet()
"""Every gate alive, so that ``release_text_cache`` can drop the hits each keeps for the last
text it scanned."""
