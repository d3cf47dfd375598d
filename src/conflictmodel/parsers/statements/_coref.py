"""Which earlier actor a description or a lone name refers to: "the foreign minister" when
two ministers were named, "the 54-year-old general", "the mechanic" after "Hussein Fadlallah,
a mechanic in Kfar Kila,", "Ahmed" after "Sheikh Ahmed Hassan".  A mixin of the
[`Resolver`][conflictmodel.parsers.statements.resolver.Resolver]."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from conflictmodel.context import ParseContext
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.parsers.actors.words import name_key
from conflictmodel.parsers.statements._shapes import _name_lemmas
from conflictmodel.parsers.statements._words import (
    DESCRIPTOR_SYNONYMS,
    FEMININE_NAMES,
    INDEFINITES,
    MASCULINE_NAMES,
    NAME_PREFIXES,
    OWNER_PREPOSITIONS,
)
from conflictmodel.parsers.statements.cues import Cues, Token, singular
from conflictmodel.resources import load_data

_AGE = re.compile(r"\d{1,3}-year-old")
_LEDE = 300
"""Characters at the start of an article where a surname may come before the full name."""
_WINDOW = 6000
"""How far back (characters) a description or a lone name looks for the actor it means."""
_BEFORE_NAME = 40
"""Characters before a person's mention read for the title written there ("army chief Gen.")."""
_APPOSITIVE = re.compile(
    r"[ \t]{0,2},[ \t]{0,2}(?:\d{1,3}[ \t]{0,2},[ \t]{0,2})?"
    r"(?:(?:a|an|the)[ \t]{1,2})?([a-z][^,;:()\"“”\n]{1,80})"
)
"""An appositive after a name: "Amina Yusuf, a nurse at the clinic," -> "nurse at the clinic"."""
_CLAUSE_START = re.compile(r"[,;:\"“”()\n]")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_PHRASE_END = frozenset(("who", "which", "that", "whose", "said", "says", "told", "and"))
_TITLES: dict[str, object] = load_data("titles.json")
PERSON_TITLE_HEADS = frozenset(
    str(t).lower()
    for key in ("titles", "person_only_titles")
    for t in _TITLES.get(key, ())  # type: ignore[attr-defined]
    if " " not in str(t) and "." not in str(t)
)
"""One-word titles ("general", "minister"): an anonymous person described by one is someone
"he" or "she" can stand for."""
_MENTIONS_READ = 3
"""A person's first mentions whose surroundings (title before, appositive after) are read."""
# id(actor) -> (that actor value, its mentions by offset, features by number of mentions read).
FeaturesMemo = dict[int, tuple[Actor, list[Span], dict[int, tuple[set[str], set[str]]]]]


def _lemmas(words: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for w in words:
        low = w.lower().rstrip(".")
        if low.endswith(("'s", "’s")):
            low = low[:-2]
        if low:
            out.add(singular(low))
    return out


@attrs.define
class _NameIndex:
    """The context's named people by surname and given name, built incrementally."""

    by_key: dict[str, list[tuple[str, str]]] = attrs.Factory(dict)
    """Surname or given name -> ("last" | "first", person id)."""
    indexed: int = 0
    """How many of the context's actors are indexed."""


def anon_head(a: Actor) -> str:
    """The head noun of an anonymous actor's name, lower case ("negotiators" for "negotiators
    from both sides", "governor" for "governor of Darfur"); "" when it has no word."""
    words = [w for w in a.name.split() if w.isalpha()]
    if not words:
        return ""
    prep = next((i for i, w in enumerate(words) if i and w.lower() in _HEAD_ENDS), None)
    return (words[prep - 1] if prep is not None else words[-1]).lower()


_HEAD_ENDS = frozenset(("from", "of", "in", "with", "for", "at", "to"))


def _plural_name(a: Actor) -> bool:
    """An anonymous actor named by a plural ("negotiators from both sides")."""
    head = anon_head(a)
    return bool(head) and singular(head) != head


class _Coreference:
    """Descriptions and lone names resolved to actors named before (see the module
    docstring)."""

    __slots__ = ()

    if TYPE_CHECKING:
        ctx: ParseContext
        cues: Cues
        _name_index: _NameIndex
        _features_memo: FeaturesMemo

        def _candidates(self, before: int, window: int = 2500) -> list[tuple[int, str, bool]]: ...

    # ------------------------------------------------------------------ descriptions

    def _described(self, toks: Sequence[Token], span: Span) -> Actor | None:
        """The earlier actor a definite description ("the foreign minister", "the Sudanese
        envoy", "the RSF commander", "the 54-year-old general", "the head of the agency")
        stands for: of those whose title, name, description, the words before their name or
        the appositive after it hold the head noun, the one that shares most of the other
        words (a demonym matches the actor's country), nearest first among equals.  An age
        ("the 52-year-old father of four") with no such actor means the person named last.
        None when nothing fits."""
        dets = self.cues.word_set("determiners")
        if len(toks) < 2 or toks[0].low not in dets or toks[0].low in INDEFINITES:
            return None
        of = next((i for i, t in enumerate(toks) if i > 1 and t.low in OWNER_PREPOSITIONS), None)
        head_tok = toks[of - 1] if of is not None else toks[-1]
        aged = any(_AGE.fullmatch(t.low) for t in toks)
        if aged and _AGE.fullmatch(head_tok.low):
            heads: frozenset[str] = frozenset()  # "the 74-year-old": the person named last
        elif not head_tok.word or head_tok.cap or not head_tok.low.isalpha():
            return None
        else:
            head = singular(head_tok.low)
            heads = DESCRIPTOR_SYNONYMS.get(head, frozenset()) | {head}
        mods = {
            singular(t.low)
            for t in toks[1:]
            if t.word and t is not head_tok and t.low not in dets and not _AGE.fullmatch(t.low)
        } - {"of", "for", "to", "in"}
        plural = singular(head_tok.low) != head_tok.low
        return self._best_described(
            span.start, heads, mods, self._mod_countries(toks), aged, plural=plural
        )

    def _best_described(
        self,
        pos: int,
        heads: frozenset[str],
        mods: set[str],
        countries: set[str],
        aged: bool,
        *,
        plural: bool = False,
    ) -> Actor | None:
        """Of the actors before ``pos`` described by one of ``heads``, the one sharing most
        of ``mods`` (or of the ``countries``), nearest first; with an age and none, the person
        named last."""
        best: Actor | None = None
        best_score = -1
        nearest_person: Actor | None = None
        for _off, target, _subj in self._candidates(pos, window=_WINDOW):
            a = self.ctx.actors.get(target)
            if a is None:
                continue
            if nearest_person is None and a.kind is ActorKind.PERSON and not a.anonymous:
                nearest_person = a
            if a.anonymous and _plural_name(a) and not plural:
                continue  # "the negotiator" is not "negotiators from both sides"
            head_words, all_words = self._features(a, pos)
            if not heads & head_words:
                continue
            score = len(mods & all_words) + (a.country is not None and a.country in countries)
            if score > best_score:
                best, best_score = a, score
        if best is None and aged:
            return nearest_person
        return best

    def _mod_countries(self, toks: Sequence[Token]) -> set[str]:
        """Countries of the capitalised words of a description ("Sudanese", "Kenyan")."""
        find = getattr(self.ctx.gazetteer, "find_actor", None)
        if not callable(find):
            return set()
        out: set[str] = set()
        for t in toks[1:]:
            if t.cap and t.word:
                known = find(self.ctx.text[t.start : t.end])
                if isinstance(known, Actor) and known.country:
                    out.add(known.country)
        return out

    def _features(self, a: Actor, before: int) -> tuple[set[str], set[str]]:
        """Words an actor can be described by: (head words: its name, title, description,
        the title words right before a mention and the appositive's words up to its
        preposition; all words: those and the rest of the appositive).  Only the first
        mentions before ``before`` are read.  Memoised per actor value and number of mentions
        read: a description is compared with every actor in its window, and reading each
        actor's mentions again every time made the cost grow with actors x descriptions."""
        memo = self._features_memo.get(id(a))
        if memo is None or memo[0] is not a:
            # Mentions by offset (stable, as the old per-call sort); the first few are read.
            memo = (a, sorted(a.mentions, key=lambda s: s.start), {})
            self._features_memo[id(a)] = memo
        by_start = memo[1]
        read = [s.start for s in by_start[:_MENTIONS_READ] if s.start < before]
        got = memo[2].get(len(read))
        if got is None:
            # Every mention starting at one of the offsets read (a prefix of by_start).
            last = read[-1] if read else -1
            spans = [s for s in by_start if s.start <= last] if read else []
            got = memo[2][len(read)] = self._features_of(a, spans)
        return got

    def _features_of(self, a: Actor, spans: Sequence[Span]) -> tuple[set[str], set[str]]:
        head_words: set[str] = set()
        for n in (a.name, a.description or "", *(r.title for r in a.roles)):
            head_words |= _name_lemmas(n)
        all_words = set(head_words)
        if a.kind is not ActorKind.PERSON or a.anonymous:
            return head_words, all_words
        text = self.ctx.text
        for sp in spans:
            head_words |= _lemmas(self._title_words(sp.start))
            m = _APPOSITIVE.match(text, sp.end)
            if m is None:
                continue
            words = _WORD.findall(m.group(1))
            k = next(
                (
                    i
                    for i, w in enumerate(words)
                    if w.lower() in self.cues.word_set("prepositions") or w.lower() in _PHRASE_END
                ),
                len(words),
            )
            if k == 0 or words[0].lower() in _PHRASE_END:
                continue
            head_words |= _lemmas(words[:k])
            all_words |= _lemmas(words[: k + 6])
        all_words |= head_words
        return head_words, all_words

    def _title_words(self, pos: int) -> list[str]:
        """The title words written right before a name at ``pos`` ("army chief Gen."): up to
        four words back to a punctuation mark or a word of the grammar ("that", "the",
        "of", a cue verb)."""
        window = self.ctx.text[max(0, pos - _BEFORE_NAME) : pos]
        cut = list(_CLAUSE_START.finditer(window))
        if cut:
            window = window[cut[-1].end() :]
        stops = self.cues.function_words | self.cues.forms
        out: list[str] = []
        for w in reversed(_WORD.findall(window)[-4:]):
            if w.lower() in stops or w.lower().rstrip(".") in stops:
                break
            out.append(w)
        return out

    def _inferred_gender(self, a: Actor) -> str | None:
        """ "m" or "f" when a person's given name or the nouns of its titles and description
        tell ("Amina Yusuf", "the spokeswoman"), else None."""
        words = [w for w in a.name.split() if w.lower() not in NAME_PREFIXES]
        first = words[0].lower() if len(words) > 1 else ""
        nouns = {
            w.lower() for t in (a.description or "", *(r.title for r in a.roles)) for w in t.split()
        }
        if a.anonymous:
            nouns |= {w.lower() for w in a.name.split()}
        if first in FEMININE_NAMES or nouns & FEMININE_NAMES:
            return "f"
        if first in MASCULINE_NAMES or nouns & MASCULINE_NAMES:
            return "m"
        return None

    # ------------------------------------------------------------------ lone names

    def _named_before(self, span: Span, name: str) -> Actor | None:
        """The person a lone name ("Ahmed", "Tewodros", "Sheikh Mohammed") stands for: the
        person with that surname introduced last before it; else the one person named before
        with that given or middle name; else, in the lede (where a surname may come before the full
        name), the first person with that surname.  None for longer names or when nothing,
        or more than one person, fits."""
        words = name.split()
        while len(words) > 1 and words[0].lower() in NAME_PREFIXES:
            words = words[1:]
        if len(words) != 1:
            return None
        key = name_key(words[0])
        if len(key) < 3:
            return None
        self._index_given()
        surname: list[tuple[int, Actor]] = []
        given: dict[str, Actor] = {}
        for kind, aid in self._name_index.by_key.get(key, ()):
            a = self.ctx.actors.get(aid)
            if a is None or not a.mentions:
                continue
            first = min(s.start for s in a.mentions)
            if kind == "last" and (first < span.start or span.start < _LEDE):
                surname.append((first, a))
            elif kind == "first" and first < span.start:
                given[a.id] = a
        surname.sort(key=lambda x: x[0])
        before = [a for first, a in surname if first < span.start]
        if before:
            return before[-1]
        if len(given) == 1:
            return next(iter(given.values()))
        return surname[0][1] if surname else None

    def _index_given(self) -> None:
        """Index the context's named people by surname and given name (incrementally)."""
        index = self._name_index
        ids = list(self.ctx.actors)
        for aid in ids[index.indexed :]:
            a = self.ctx.actors[aid]
            if a.kind is not ActorKind.PERSON or a.anonymous:
                continue
            for n in (a.name, *a.aliases):
                parts = n.split()
                if len(parts) < 2:
                    continue
                index.by_key.setdefault(name_key(parts[-1]), []).append(("last", aid))
                stripped = re.sub(r"^(?:al|el|ad|as|an|ar)[-‐]", "", parts[-1])
                if stripped != parts[-1]:
                    index.by_key.setdefault(name_key(stripped), []).append(("last", aid))
                # given and middle names ("Makuei" for Michael Makuei Lueth); a lone one
                # must fit one person only
                for w in parts[:-1]:
                    if w[:1].isupper() and w.lower() not in NAME_PREFIXES:
                        index.by_key.setdefault(name_key(w), []).append(("first", aid))
        index.indexed = len(ids)
