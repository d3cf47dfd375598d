"""Anonymous sources ("a senior official", "people familiar with the matter")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from conflictmodel.gazetteer import fold, slugify
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.parsers.actors.grammar import (
    _NAME_TOKEN,
    _SPEECH_AFTER,
    _WORD_PAIR,
    _WORDS,
)
from conflictmodel.parsers.actors.people import (
    _People,
)
from conflictmodel.parsers.actors.rules import _word_starts
from conflictmodel.parsers.actors.words import (
    _GENERIC_ANON_HEADS,
    _OFFICIAL_ADJ_NOUNS,
    _STOP_CAPS,
)

_ACCORDING_BEFORE = re.compile(
    r"\b(?:according\s{1,2}to|by|cited|citing|quoted)\s{1,2}$", re.IGNORECASE
)
_ANONYMITY = re.compile(r"anonym|not\s{1,2}(?:be\s{1,2})?(?:named|identified|authori[sz]ed)")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
_CAPITAL_AFTER = re.compile(r"\s{0,2}[A-Z][a-z]")
_LOWER_WORD_AFTER = re.compile(r"\s{1,3}([a-z]+)")
_NAMED_AFTER = re.compile(rf"\s{{0,2}},\s{{0,2}}{_NAME_TOKEN}\s{{1,2}}{_NAME_TOKEN}")
_NAMED_AT_END = re.compile(rf",\s{{0,2}}{_NAME_TOKEN}\s{{1,2}}{_NAME_TOKEN}\s{{0,2}}$")
_COMMA_BEFORE = re.compile(r"['’]?s?\s{0,2},\s{0,2}$")
_CUE_START = re.compile(
    r"\s{0,2}(?:familiar|close|briefed|with\s{1,2}(?:direct\s{1,2})?knowledge|involved|"
    r"knowledgeable|aware|privy|based|in)\b"
)


_RANK_COMPOUND = re.compile(r"[a-z]+-(?:ranking|level|placed|based|known|time)")
_CONTINUATION = re.compile(
    r"(\s{0,2},?\s{0,2}(?:who|familiar|close|briefed|with|speaking|based|involved|"
    r"knowledgeable|aware|privy|not\s{1,2}authori[sz]ed|in|from|at|inside|within|for|of|"
    r"granted|requesting|on\s{1,2}condition)\b[^.;:!?\"“”«»]{0,140}?)(?=[.;:!?\"“”«»]|,\s{0,2}(?:said|says|told|added|adding)\b|\s(?:said|says|told|added)\b|$)"
)


class _Anonymous(_People):
    """Anonymous sources."""

    def anonymous(self, sent: Span) -> None:
        text = self.text
        rules = self.rules
        for hm in self._anon_hits(sent):
            h_start, h_end = hm.start("head"), hm.end("head")
            head = fold(hm.group("head"))
            if not self.free(h_start, h_end):
                continue
            base = max(sent.start, h_start - 120)
            quals, det = self._anon_qualifiers(base, h_start)
            cont = self._anon_continuation(h_end, sent)
            if cont is None:
                continue
            cue = bool(cont) and any(c in fold(cont) for c in rules.anon_cues)
            desc_end = h_end + len(cont)
            if det is not None:
                det_word = fold(det.group(0))
                d_start = base + det.start()
            else:
                det_word = ""
                d_start = base + quals[0].start() if quals else h_start
            plural = rules.anon_heads.get(head) == "group"
            prev_text = text[max(sent.start, d_start - 20) : d_start]
            if self._after_named_person(prev_text, d_start):
                continue  # "Moshe Ya'alon, a former defence minister": a named person
            according = _ACCORDING_BEFORE.search(prev_text) is not None
            if not self._anon_licensed(
                det_word, head, cue, cont, plural, quals, according, h_end, desc_end
            ):
                continue
            actor = self._anon_actor(hm, quals, cont, base, d_start, desc_end, plural)
            # The mention covers the description as written up to the head noun.
            self.mention(actor, d_start, h_end, via="anonymous", alias=False)

    def _anon_qualifiers(
        self, base: int, h_start: int
    ) -> tuple[list[re.Match[str]], re.Match[str] | None]:
        """Walk left from a head noun over qualifiers to the determiner."""
        rules = self.rules
        left = self.text[base:h_start]
        words = list(_WORDS.finditer(left))
        quals: list[re.Match[str]] = []
        det: re.Match[str] | None = None
        for w in reversed(words):
            wf = fold(w.group(0))
            gap = left[w.end() : (quals[-1].start() if quals else len(left))]
            if gap.strip():
                break
            if wf in rules.determiners or wf == "the" or wf in {"a", "an"}:
                det = w
                break
            if len(quals) >= 5:
                break
            if self._qualifier_ok(w.group(0), base + w.start()):
                quals.append(w)
                continue
            break
        quals.reverse()
        return quals, det

    def _anon_continuation(self, h_end: int, sent: Span) -> str | None:
        """What follows a head noun and belongs to the description ("familiar with the
        matter"), or None if what follows shows the head is not an anonymous source."""
        text = self.text
        after = text[h_end : min(sent.end, h_end + 160)]
        if _POSSESSIVE_AFTER.match(after) or _CAPITAL_AFTER.match(after):
            return None  # "an official's visit", "official Ahmed Ali" (a title)
        nxt = _LOWER_WORD_AFTER.match(after)
        if nxt and nxt.group(1) in _OFFICIAL_ADJ_NOUNS:
            return None
        cont = self._continuation(after)
        desc_end = h_end + len(cont)
        if _NAMED_AFTER.match(text[desc_end : desc_end + 60]) or _NAMED_AT_END.search(cont):
            return None  # "a spokesperson for the group, Kyaw Zaw," names the source
        return cont

    def _after_named_person(self, prev_text: str, d_start: int) -> bool:
        """True if the description is an appositive after a named person."""
        comma = _COMMA_BEFORE.search(prev_text)
        if comma is None:
            return False
        before_comma = d_start - len(comma.group(0))
        owner = self.actor_covering(max(0, before_comma - 1), before_comma)
        return owner is not None and owner.kind is ActorKind.PERSON

    def _anon_licensed(
        self,
        det_word: str,
        head: str,
        cue: bool,
        cont: str,
        plural: bool,
        quals: list[re.Match[str]],
        according: bool,
        h_end: int,
        desc_end: int,
    ) -> bool:
        """Whether a description is an anonymous source, by its determiner: "the official"
        only if it says it is unnamed; "a person" only with a cue; a bare plural if it
        speaks or is cited."""
        if det_word == "the":
            return cue and _ANONYMITY.search(fold(cont)) is not None
        if det_word:
            return cue or head not in _GENERIC_ANON_HEADS
        if not plural:
            return False
        return self._bare_plural_speaks(head, quals, cue, according, h_end, desc_end)

    def _bare_plural_speaks(
        self,
        head: str,
        quals: list[re.Match[str]],
        cue: bool,
        according: bool,
        h_end: int,
        desc_end: int,
    ) -> bool:
        """A bare plural ("diplomats", "Western officials") is a source if it has a cue, is
        cited ("according to"), or speaks with a qualifier (or is "insiders"/"sources")."""
        text = self.text
        speech = (
            _SPEECH_AFTER.match(text, h_end) is not None
            or _SPEECH_AFTER.match(text, desc_end) is not None
        )
        return (
            cue
            or according
            or (bool(quals) and speech)
            or (head in {"insiders", "sources"} and (speech or according))
        )

    def _anon_actor(
        self,
        hm: re.Match[str],
        quals: list[re.Match[str]],
        cont: str,
        base: int,
        d_start: int,
        desc_end: int,
        plural: bool,
    ) -> Actor:
        text = self.text
        qual_text = " ".join(q.group(0) for q in quals)
        short = " ".join(f"{qual_text} {hm.group('head')}".split())
        if not quals and _CUE_START.match(cont):
            # "people familiar with the matter" says more than "people".
            short = " ".join(f"{hm.group('head')} {cont}".split()[:7])
        description = " ".join(text[d_start:desc_end].split())
        country = None
        for q in quals:
            gm = self.match_by_start.get(base + q.start())
            if gm is not None:
                country, _ = self._entity_country(gm)
                if country:
                    break
        return Actor(
            id=f"anon:{slugify(short)}",
            name=short,
            kind=ActorKind.GROUP if plural else ActorKind.PERSON,
            anonymous=True,
            description=description,
            country=country,
        )

    def _anon_hits(self, sent: Span) -> Iterator[re.Match[str]]:
        """``rules.anon_pattern.finditer`` over the sentence, trying the pattern only where a
        word could start a head (the same matches, found without scanning every position)."""
        text = self.text
        pattern = self.rules.anon_pattern
        starts = self._anon_candidates()
        if starts is None or (
            0 < sent.end < len(text) and _WORD_PAIR.match(text, sent.end - 1) is not None
        ):
            # The sentence ends inside a word: a head may end there (``\b`` at ``endpos``).
            yield from pattern.finditer(text, sent.start, sent.end)
            return
        i = bisect.bisect_left(starts, sent.start)
        last = sent.start
        while i < len(starts) and starts[i] < sent.end:
            p = starts[i]
            i += 1
            if p < last:
                continue
            m = pattern.match(text, p, sent.end)
            if m is not None:
                last = m.end()
                yield m

    def _anon_candidates(self) -> list[int] | None:
        """Starts of the words that may begin an anonymous head (case-insensitively, any
        non-ASCII word too), or None when some head does not start with a word character."""
        if not self._anon_computed:
            firsts = self.rules.anon_first_words
            self._anon_starts = None if firsts is None else _word_starts(self.text, firsts)
            self._anon_computed = True
        return self._anon_starts

    def _qualifier_ok(self, word: str, pos: int) -> bool:
        wf = fold(word)
        if wf in self.rules.anon_qualifiers:
            return True
        gm = self.match_by_start.get(pos)
        if gm is not None:
            return True
        if word[:1].isupper() and not word.isupper() and word not in _STOP_CAPS:
            return True  # "Gulf", "Western", "Hamas"
        return bool(_RANK_COMPOUND.fullmatch(wf))

    def _continuation(self, after: str) -> str:
        m = _CONTINUATION.match(after)
        if not m:
            return ""
        cont = m.group(1)
        return cont.rstrip(" ,")


def _anonymous_fallback(run: _Anonymous, sent: Span) -> None:
    """A speaker phrase that is a bare description ("Western officials") is an anonymous
    source even without the cues the stage asks for in running text."""
    text = run.text
    phrase = text[sent.start : sent.end]
    hits = list(run.rules.anon_pattern.finditer(phrase))
    if not hits:
        return
    hm = hits[-1]
    if hm is None:
        return
    h_end = sent.start + hm.end("head")
    lead = len(phrase) - len(phrase.lstrip())
    d_start = sent.start + lead
    words = text[d_start:h_end].split()
    if words and fold(words[0]) in run.rules.determiners | {"the"}:
        words = words[1:]
    short = " ".join(words)
    if not short:
        return
    head = fold(hm.group("head"))
    country = None
    for gm in run.matches_in(d_start, h_end):
        if d_start <= gm.start and gm.end <= h_end:
            country, _ = run._entity_country(gm)
            if country:
                break
    actor = Actor(
        id=f"anon:{slugify(short)}",
        name=short,
        kind=ActorKind.GROUP if run.rules.anon_heads.get(head) == "group" else ActorKind.PERSON,
        anonymous=True,
        description=" ".join(text[d_start : sent.end].split()),
        country=country,
    )
    run.mention(actor, d_start, h_end, via="anonymous", alias=False)
