"""Actors of their own for speaker phrases nothing else resolves: a capitalised name becomes
a person, an organisation or an outlet; "a Western diplomat", "officials" an anonymous actor;
"the court filing" a document.  A mixin of the
[`Resolver`][conflictmodel.parsers.statements.resolver.Resolver]."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from conflictmodel.context import ParseContext
from conflictmodel.model.actors import Actor, ActorKind, Role
from conflictmodel.model.span import Span
from conflictmodel.parsers.statements._shapes import _cap_runs
from conflictmodel.parsers.statements._words import ANONYMOUS_QUANTIFIERS, TITLE_PREPOSITIONS
from conflictmodel.parsers.statements.cues import Cues, Token, singular, slug

_ONE_OF = frozenset(("one", "another"))


class _MinimalActors:
    """Minimal actors, anonymous speakers and documents (see the module docstring)."""

    __slots__ = ()

    if TYPE_CHECKING:
        ctx: ParseContext
        cues: Cues
        _human: frozenset[str]

        def mention(self, span: Span, target: str, via: str, *, alias: bool = True) -> None: ...

        def _by_name(self, name: str) -> Actor | None: ...

        def _named_before(self, span: Span, name: str) -> Actor | None: ...

        def _candidates(self, before: int, window: int = 2500) -> list[tuple[int, str, bool]]: ...

    def _fallback(self, span: Span, toks: Sequence[Token]) -> Actor | None:
        """A minimal actor for a phrase nothing else could resolve."""
        dets = self.cues.word_set("determiners")
        runs = _cap_runs(toks, dets)
        if toks[-1].low in self.cues.word_set("source_nouns") and toks[0].low in dets:
            return self._document(span, toks)  # "the court filing says"
        if self._anonymous_phrase(toks, runs):
            return self._anonymous(span, toks)
        if not runs:
            return None
        a, b = runs[-1]
        # the last run of capitalised words not led by "of/for/to/in" (the name after a title)
        while len(runs) > 1 and a > 0 and toks[a - 1].low in TITLE_PREPOSITIONS:
            runs.pop()
            a, b = runs[-1]
        if b - a == 1 and toks[a].low in self.cues.function_words and self._sentence_start(toks[a]):
            return None  # "When", "After": a word of the grammar opening a sentence
        if (
            a > 1
            and toks[0].low in dets
            and toks[a - 1].low in TITLE_PREPOSITIONS
            and not any(t.cap for t in toks[1 : a - 1])
        ):
            # "the governor of Darfur": someone described by an office, not a person
            # called Darfur
            return self._anonymous(span, toks)
        name_span = Span(start=toks[a].start, end=toks[b - 1].end)
        name = " ".join(name_span.of(self.ctx.text).split())
        known = self._known_name(name_span, name)
        if known is not None:
            return known
        return self._new_named(toks, a, b, name_span, name)

    def _modified_anonymous(self, toks: Sequence[Token]) -> bool:
        """ "a woman in Bahir Dar", "one resident of Goma": an indefinite phrase whose head is
        a lower-case speaker noun and whose capitalised words all come after the head."""
        if toks[0].low not in ANONYMOUS_QUANTIFIERS:
            # "Villagers near Bunia", "residents of Goma": a bare plural of people, then
            # where they are
            return (
                len(toks) > 2
                and (toks[0].low.endswith(("s", "men")) or toks[0].low == "people")
                and singular(toks[0].low) in self._human
                and toks[1].low in self.cues.word_set("prepositions")
                and any(t.cap for t in toks[2:])
            )
        head = self._head(toks)
        of = next((i for i, t in enumerate(toks) if i > 1 and t.low == "of"), None)
        if of is not None and not toks[of - 1].cap and singular(toks[of - 1].low) in self._human:
            head = toks[of - 1]  # "a commander of the Fano militia": a commander, not Fano
        if head is None or head.cap or singular(head.low) not in self._human:
            return False
        k = next(i for i, t in enumerate(toks) if t is head)
        return not any(t.cap for t in toks[1:k]) and any(t.cap for t in toks[k + 1 :])

    def _anonymous_phrase(self, toks: Sequence[Token], runs: list[tuple[int, int]]) -> bool:
        """ "a Western diplomat", "two officials", "officials" (no name): an anonymous source."""
        if toks[0].low in ANONYMOUS_QUANTIFIERS:
            return True
        heads = self.cues.word_set("speaker_heads")
        last_word = next((t for t in reversed(toks) if t.word), toks[-1])
        headed = not last_word.cap and (last_word.low in heads or singular(last_word.low) in heads)
        if runs:
            # "Aid groups say": only the sentence's capital before a plain head noun
            return headed and runs == [(0, 1)] and len(toks) == 2 and self._sentence_start(toks[0])
        return headed

    def _sentence_start(self, t: Token) -> bool:
        sent = self.ctx.sentence_of(t.start)
        return sent is not None and sent.start == t.start

    def _known_name(self, name_span: Span, name: str) -> Actor | None:
        """The actor the gazetteer or the context already has under ``name`` (mentioned)."""
        ctx = self.ctx
        find = getattr(ctx.gazetteer, "find_actor", None)
        known = find(name) if callable(find) else None
        if isinstance(known, Actor):
            actor = ctx.add_actor(attrs.evolve(known, mentions=()))
            self.mention(name_span, actor.id, "name")
            return ctx.actors[actor.id]
        existing = self._named_before(name_span, name) or self._by_name(name)
        if existing is not None:
            self.mention(name_span, existing.id, "surname")
            return ctx.actors[existing.id]
        return None

    def _new_named(
        self, toks: Sequence[Token], a: int, b: int, name_span: Span, name: str
    ) -> Actor:
        """A new actor named by tokens ``a:b`` of the phrase (an outlet, an organisation or a
        person, with the words before the name as the person's title)."""
        ctx = self.ctx
        dets = self.cues.word_set("determiners")
        if {t.low for t in toks} & self.cues.word_set("media_heads"):
            kind, prefix = ActorKind.MEDIA, "media"
        elif {t.low for t in toks[a:b]} & self.cues.word_set("org_heads"):
            kind, prefix = ActorKind.ORGANIZATION, "org"
        else:
            kind, prefix = ActorKind.PERSON, "person"
        title = " ".join(t.low for t in toks[:a] if t.word and t.low not in dets)
        roles = (
            [Role(title=" ".join(ctx.text[toks[0].start : toks[a - 1].end].split()))]
            if title and a > 0 and kind is ActorKind.PERSON
            else []
        )
        actor = ctx.add_actor(Actor(id=f"{prefix}:{slug(name)}", name=name, kind=kind, roles=roles))
        self.mention(name_span, actor.id, "name")
        return ctx.actors[actor.id]

    def _head(self, toks: Sequence[Token]) -> Token | None:
        """The head word of a phrase: the last word before its modifiers ("a diplomat familiar
        with …", "officials in Kyiv")."""
        mods = self.cues.word_set("modifier_starts") | (self.cues.word_set("prepositions") - {"of"})
        head: Token | None = None
        for k, t in enumerate(toks):
            if k > 0 and (t.low in mods or t.low == ","):
                break
            if t.word:
                head = t
        return head

    def _document(self, span: Span, toks: Sequence[Token]) -> Actor:
        """A document as the source ("the court filing", "the draft"): an anonymous actor of
        unknown kind, described by the phrase."""
        dets = self.cues.word_set("determiners")
        body = [t for t in toks if t.word and t.low not in dets] or list(toks)
        name = " ".join(self.ctx.text[body[0].start : body[-1].end].split())
        actor = self.ctx.add_actor(
            Actor(
                id=f"anon:{slug(name)}",
                name=name,
                kind=ActorKind.UNKNOWN,
                anonymous=True,
                description=" ".join(span.of(self.ctx.text).split()),
            )
        )
        self.mention(span, actor.id, "anonymous", alias=False)
        return self.ctx.actors[actor.id]

    def _anonymous(self, span: Span, toks: Sequence[Token], country: str | None = None) -> Actor:
        ctx = self.ctx
        dets = self.cues.word_set("determiners")
        # the description's head: the words up to the first that starts a modifier
        stop = self.cues.word_set("modifier_starts") | {","}
        body = [t for t in toks if t.word or t.low == "."]
        k = 0
        while k < len(body) and (
            body[k].low in dets or (k > 0 and body[k].low == "of" and body[k - 1].low in dets)
        ):
            k += 1  # "some of the rebel factions": the partitive is not the name
        j = k
        while j < len(body) and body[j].low not in stop:
            j += 1
        # "Many in the crowd", "six in 10": the quantifier is the head
        head_toks = body[k:j] or (body[:k] if k else []) or body[k:] or body
        of = next((i for i, t in enumerate(head_toks) if i and t.low == "of"), None)
        if of is not None and singular(head_toks[of - 1].low) in self._human:
            head_toks = head_toks[:of]  # "a commander of the Fano militia": a commander
        name = " ".join(ctx.text[head_toks[0].start : head_toks[-1].end].split())
        key = name
        if body[0].low in _ONE_OF and (
            len(body) == 1
            or (len(body) == 3 and body[1].low == "of" and body[2].low in ("them", "those"))
        ):
            # "Witnesses described panic. “…,” one (of them) said": one of the witnesses
            # ("another" is a second one)
            group = self._one_of(span.start)
            if group is not None:
                name = key = group
                if body[0].low != "one":
                    key = f"{group} {body[0].low}"
        description = " ".join(span.of(ctx.text).split())
        kind = (
            ActorKind.ORGANIZATION
            if singular(head_toks[-1].low) in self.cues.word_set("org_heads")
            else ActorKind.PERSON
        )
        actor = ctx.add_actor(
            Actor(
                id=f"anon:{slug(key)}",
                name=name,
                kind=kind,
                anonymous=True,
                description=description,
                country=country,
            )
        )
        self.mention(span, actor.id, "anonymous", alias=False)
        return ctx.actors[actor.id]

    def _one_of(self, before: int) -> str | None:
        """The singular of the nearest anonymous group of people named in the last few
        sentences ("residents" -> "resident"), or None."""
        for _off, target, _subj in self._candidates(before, window=600):
            a = self.ctx.actors.get(target)
            if a is None or not a.anonymous or a.kind not in (ActorKind.PERSON, ActorKind.GROUP):
                continue
            words = a.name.split()
            preps = self.cues.word_set("prepositions")
            cut = next((i for i, w in enumerate(words) if i and w.lower() in preps), len(words))
            words = words[:cut]  # "Villagers near Bunia": the head before where they are
            low = words[-1].lower()
            # "witnesses" -> "witness" (singular() keeps the e of -sses for "houses")
            one = low[:-2] if low.endswith(("sses", "ches", "shes")) else singular(low)
            if one != words[-1].lower() and one in self._human:
                return " ".join([*words[:-1], one])
        return None

    def _owned_office(self, span: Span, toks: Sequence[Token]) -> Actor | None:
        """ "the Prime Minister's Office", "the President's Office": a body named by its
        holder's title and a capitalised organisation noun is an organisation of that name."""
        words = [t for t in toks if t.word]
        if (
            len(toks) < 3
            or not words
            or not words[-1].cap
            or words[-1].low not in self.cues.word_set("org_heads")
            or toks[-2].low not in ("'s", "’s")
            or not all(t.cap or t.low in ("'s", "’s", "the") for t in toks)
        ):
            return None
        body = toks[1:] if toks[0].low == "the" else toks
        name = " ".join(self.ctx.text[body[0].start : body[-1].end].split())
        known = self._by_name(name)
        if known is not None and known.kind is not ActorKind.PERSON:
            return known
        actor = self.ctx.add_actor(
            Actor(id=f"org:{slug(name)}", name=name, kind=ActorKind.ORGANIZATION)
        )
        self.mention(span, actor.id, "name")
        return self.ctx.actors[actor.id]

    def _demonym_people(self, actor: Actor, span: Span, toks: Sequence[Token]) -> Actor:
        """ "Russian officials", "Ukrainian diplomats": people, not the state of the demonym."""
        head = self._head(toks)
        if head is None or head.cap:
            return actor
        low = head.low
        if low in self.cues.word_set("anonymous_heads") or (
            singular(low) != low and singular(low) in self.cues.word_set("org_heads")
        ):
            # "Malian armed groups", "Libyan militias": bodies of that country, not the state
            return self._anonymous(span, toks, country=actor.country)
        return actor
