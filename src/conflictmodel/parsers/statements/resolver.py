"""Turning speaker phrases into actors.

[`Resolver`][conflictmodel.parsers.statements.resolver.Resolver] turns a speaker noun phrase
("he", "the analyst", "Sudan's envoy to the African Union Hassan Ali", "a Western diplomat
familiar with the talks", "Both") into actors of the context.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

import attrs

from conflictmodel.analysis import AnalysedDocument
from conflictmodel.context import MentionKind, ParseContext
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.parsers.actors import resolve_phrase
from conflictmodel.parsers.actors.words import name_key
from conflictmodel.parsers.statements._coref import (
    PERSON_TITLE_HEADS,
    FeaturesMemo,
    _Coreference,
    _NameIndex,
    anon_head,
)
from conflictmodel.parsers.statements._minimal import _MinimalActors
from conflictmodel.parsers.statements._shapes import (
    _LOCATED,
    _PEOPLE_HEADS,
    _POSSESSIVE_DETS,
    _acronym_in,
    _apposed_name,
    _conjuncts,
    _covered,
    _doc_tokens,
    _find_acronyms,
    _name_lemmas,
    _pair_phrase,
    _possessor,
    _relative_cut,
    _strip_span,
    _titled_name_start,
)
from conflictmodel.parsers.statements._words import (
    ANONYMOUS_QUANTIFIERS,
    DESCRIPTOR_SYNONYMS,
    FEMININE,
    HONORIFICS,
    INDEFINITES,
    MASCULINE,
    OWNER_PREPOSITIONS,
    SOURCE_DETERMINERS,
)
from conflictmodel.parsers.statements.cues import Cues, Token, singular, slug, tokenize

__all__ = ["Resolver"]

_LEDE = 300
"""Characters at the start of an article (headline, lede) where a description may come
before the name it stands for."""
_MAX_SCANS = 300
"""Backward scans for a name per article (each reads up to 1,500 characters)."""
_MAX_MENTIONS = 200
_MAX_ADDED = 2000
"""Mentions this stage adds per article: adding a mention re-sorts the context's mentions, so
the work must be bounded."""
_MAX_STAGE_CALLS = 400
"""Calls per article to the actors stage's ``resolve_phrase`` (whose cost grows with the
number of actors); further phrases get this module's own minimal resolution."""
_HUMAN_KINDS = (ActorKind.PERSON,)
_GROUP_KINDS = (
    ActorKind.STATE,
    ActorKind.ORGANIZATION,
    ActorKind.GOVERNMENT,
    ActorKind.GROUP,
    ActorKind.MEDIA,
)


@attrs.define
class Resolver(_Coreference, _MinimalActors):
    """Turns speaker noun phrases into actors of a context.

    Named phrases go to the ``actors`` stage's ``resolve_phrase`` when it is available (titled
    names, organisations, gazetteer entries); pronouns, plural references ("Both", "the two
    leaders") and definite descriptions ("the analyst", "the ministry") are resolved here to an
    actor mentioned earlier.  Whatever is still unresolved gets a minimal actor of its own:
    a capitalised name becomes ``person:<slug>``, "a/an/one <adjectives> <noun> ..." an
    anonymous ``anon:<slug>``.

    Example:
        >>> from conflictmodel.context import ParseContext
        >>> ctx = ParseContext(text="Ana Diaz spoke. She said no.")
        >>> r = Resolver(ctx, Cues.default())
        >>> r.resolve(Span(start=0, end=8))[0].id
        'person:ana-diaz'
        >>> r.resolve(Span(start=16, end=19))[0].name
        'Ana Diaz'
    """

    ctx: ParseContext
    cues: Cues
    # (offset, actor id, is-a-grammatical-subject) of actors resolved so far, in text order
    memory: list[tuple[int, str, bool]] = attrs.Factory(list)
    _phrase_resolver: Callable[[ParseContext, Span], Actor | None] | None = None
    _mention_count: int = -1
    _mentions: list[tuple[int, int, str]] = attrs.Factory(list)
    _mention_starts: list[int] = attrs.Factory(list)
    _names: dict[str, str] = attrs.Factory(dict)
    _indexed: int = 0
    _added: int = 0
    _stage_calls: int = 0
    _by_surface: dict[str, str] = attrs.Factory(dict)
    _human: frozenset[str] = frozenset()
    _scans: int = 0
    _doc: AnalysedDocument | None = None
    _doc_covered: tuple[int, int] | None = None
    _acronyms: dict[str, str] | None = None
    in_quote: Callable[[int], bool] | None = None
    """Set by the statements stage: whether an offset is inside a quotation."""
    _long: dict[str, str] | None = None
    _genders: dict[str, str] = attrs.Factory(dict)
    """Actor id -> "m" or "f", from the pronouns resolved to it so far."""
    _name_index: _NameIndex = attrs.Factory(_NameIndex)
    """The article's people by surname and given name, for lone names."""
    _features_memo: FeaturesMemo = attrs.Factory(dict)

    def __attrs_post_init__(self) -> None:
        self._human = self.cues.human_heads
        self._phrase_resolver = resolve_phrase

    # ------------------------------------------------------------------ tokens

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of ``text[start:end]``: those of the analysed document (``ctx.doc``)
        when they are the same as tokenising the range alone, else the range tokenised.

        Example:
            >>> ctx = ParseContext(text="Kyiv's envoy spoke.")
            >>> [t.low for t in Resolver(ctx, Cues.default()).tokens(0, 12)]
            ['kyiv', "'s", 'envoy']
        """
        doc = self.ctx.doc
        if self._doc is not doc:
            self._doc = doc
            self._doc_covered = _covered(doc)
        got = _doc_tokens(doc, self._doc_covered, start, end)
        return tokenize(self.ctx.text, start, end) if got is None else got

    # ------------------------------------------------------------------ memory of actors

    def _refresh_mentions(self) -> None:
        # Rebuilding is O(M log M); doing it only when the mentions grew by a tenth keeps the
        # total linear-logarithmic.  Mentions added in between were made through this
        # resolver, which also remembers them.
        n = len(self.ctx.mentions)
        if self._mention_count >= 0 and n - self._mention_count <= self._mention_count // 10:
            return
        ms = [
            (m.span.start, m.span.end, m.target)
            for m in self.ctx.mentions
            if m.kind is MentionKind.ACTOR and m.target in self.ctx.actors
        ]
        ms.sort()
        self._mentions = ms
        self._mention_starts = [m[0] for m in ms]
        self._mention_count = len(self.ctx.mentions)

    def remember(self, offset: int, actor: Actor, subject: bool = True) -> None:
        """Record that ``actor`` was referred to at ``offset`` (for later pronouns).

        Example:
            >>> ctx = ParseContext(text="Then she spoke.")
            >>> r = Resolver(ctx, Cues.default())
            >>> ana = ctx.add_actor(Actor(id="person:ana", name="Ana", kind="person"))
            >>> r.remember(0, ana)
            >>> r.resolve(Span(start=5, end=8))[0].name
            'Ana'
        """
        bisect.insort(self.memory, (offset, actor.id, subject))

    def _candidates(self, before: int, window: int = 2500) -> list[tuple[int, str, bool]]:
        """Actors referred to in the ``window`` characters before ``before``, nearest first."""
        self._refresh_mentions()
        lo = max(0, before - window)
        out: list[tuple[int, str, bool]] = []
        i = bisect.bisect_left(self._mention_starts, before) - 1
        count = 0
        while i >= 0 and count < 60:
            s, e, target = self._mentions[i]
            if s < lo:
                break
            if e <= before:
                out.append((s, target, False))
                count += 1
            i -= 1
        i = bisect.bisect_left(self.memory, (before, "", False)) - 1
        count = 0
        while i >= 0 and count < 60 and self.memory[i][0] >= lo:
            out.append(self.memory[i])
            i -= 1
            count += 1
        out.sort(key=lambda x: (-x[0], not x[2]))
        return out

    # ------------------------------------------------------------------ public API

    def resolve(self, span: Span, *, subject: bool = True) -> list[Actor]:
        """The actor(s) the phrase at ``span`` refers to; empty if none.

        Plural phrases ("Both", "Trump and Rubio") give several actors.

        Example:
            >>> ctx = ParseContext(text="Ana Ruiz and Ben Okafor said so.")
            >>> [a.name for a in Resolver(ctx, Cues.default()).resolve(Span(start=0, end=23))]
            ['Ana Ruiz', 'Ben Okafor']
        """
        text = self.ctx.text
        span = _strip_span(text, span)
        if len(span) == 0:
            return []
        toks = self.tokens(span.start, span.end)
        if not toks:
            return []
        found = self._by_pronoun(" ".join(t.low for t in toks), span, subject)
        if found is not None:
            return found
        # "statements from X", "X's comments": the speaker is X
        inner = self._source_noun_owner(toks)
        if inner is not None:
            return self.resolve(inner, subject=subject)
        if (
            len(toks) == 2
            and (toks[0].low in SOURCE_DETERMINERS or toks[0].low in _POSSESSIVE_DETS)
            and toks[1].low in self.cues.word_set("source_nouns")
        ):
            # "the statement said": whoever was last reported as speaking; "his remarks":
            # the person "his" stands for
            owner = toks[0].low
            kinds = (
                _HUMAN_KINDS
                if owner in ("his", "her")
                else _GROUP_KINDS
                if owner in ("its", "their")
                else (*_HUMAN_KINDS, *_GROUP_KINDS)
            )
            actor = self._antecedent(span.start, kinds=kinds)
            if actor is None and owner in ("his", "her", "its", "their"):
                return []
            if actor is None:
                return [self._document(span, toks)]
            return self._note(span, actor, "descriptor", subject)
        if _pair_phrase(toks):
            # "the two ministers", "both leaders": the pair referred to just before
            head = singular(toks[-1].low)
            people = head in self._human or head in _PEOPLE_HEADS
            group = self._plural(span.start, kinds=_HUMAN_KINDS if people else None)
            if group:
                for a in group:
                    self.remember(span.start, a, subject)
                return group
        parts = _conjuncts(toks, self.cues.human_heads)
        if len(parts) > 1:
            out: list[Actor] = []
            for p in parts:
                for a in self.resolve(p, subject=subject):
                    if a not in out:
                        out.append(a)
            return out
        return self._resolve_phrase(span, toks, subject)

    def _by_pronoun(self, low: str, span: Span, subject: bool) -> list[Actor] | None:
        """The antecedent(s) of a pronoun phrase ``low``; None if it is not a pronoun."""
        pron = self.cues.pronouns
        if low in pron.get("person", frozenset()):
            gender = "m" if low in MASCULINE else "f" if low in FEMININE else None
            found = self._antecedent(span.start, kinds=_HUMAN_KINDS, gender=gender)
            if found is not None and gender is not None:
                self._genders.setdefault(found.id, gender)
            return self._note(span, found, "pronoun", subject)
        if low in pron.get("thing", frozenset()):
            found = self._antecedent(span.start, kinds=_GROUP_KINDS)
            return self._note(span, found, "pronoun", subject)
        if low in pron.get("plural", frozenset()):
            group = self._plural(span.start)
            if group:
                for a in group:
                    self.remember(span.start, a, subject)
                return group
            found = self._antecedent(span.start, kinds=_GROUP_KINDS)
            return self._note(span, found, "pronoun", subject)
        if low in pron.get("first", frozenset()):
            return []
        return None

    def acronyms(self) -> dict[str, str]:
        """The acronyms the text defines ("the African Union Mission in Somalia
        (AMISOM)"), each with its long form; found once per article in one pass.

        Example:
            >>> ctx = ParseContext(text="The Rapid Support Forces (RSF) said so.")
            >>> Resolver(ctx, Cues.default()).acronyms()
            {'RSF': 'Rapid Support Forces'}
        """
        if self._acronyms is None:
            self._acronyms = _find_acronyms(self.ctx.text)
        return self._acronyms

    def _long_forms(self) -> dict[str, str]:
        if self._long is None:
            self._long = {v: k for k, v in self.acronyms().items()}
        return self._long

    def _acronym_actor(self, acr: str, span: Span) -> Actor:
        """The organisation an acronym defined in the text stands for (named by its long
        form, with the acronym as an alias)."""
        long = self.acronyms()[acr]
        existing = self._by_name(long) or self._by_name(acr)
        if existing is not None and existing.kind is not ActorKind.PERSON:
            actor = self.ctx.add_actor(attrs.evolve(existing, aliases=(acr, long), mentions=()))
        else:
            actor = self.ctx.add_actor(
                Actor(
                    id=f"org:{slug(long)}",
                    name=long,
                    kind=ActorKind.ORGANIZATION,
                    aliases=(acr,),
                )
            )
        self.mention(span, actor.id, "name")
        return self.ctx.actors[actor.id]

    def _resolve_phrase(self, span: Span, toks: Sequence[Token], subject: bool) -> list[Actor]:
        """A single noun phrase: a description of an earlier actor, a name the actors stage
        knows, or a minimal actor of its own."""
        named = _apposed_name(toks)
        if named is not None:
            # "The chairperson of the UN commission, Yasmin Sooka": the person, not the body
            toks = toks[named:]
            span = Span(start=toks[0].start, end=toks[-1].end)
        acr = _acronym_in(toks, self.acronyms())
        if acr is None and self.acronyms():
            surface = " ".join(span.of(self.ctx.text).split())
            if surface[:4].lower() == "the ":
                surface = surface[4:]
            acr = self._long_forms().get(surface)
        if acr is not None:
            defined = self._acronym_actor(acr, span)
            self.remember(span.start, defined, subject)
            return [defined]
        if self._modified_anonymous(toks):
            # "a woman in Bahir Dar, Amhara": the place qualifies an anonymous speaker
            anon = self._anonymous(span, toks)
            self.remember(span.start, anon, subject)
            return [anon]
        rel = _relative_cut(toks, self.cues.word_set("speaker_heads"))
        if rel:
            # "the armed groups that signed the accord": the clause describes the speaker
            held = self._resolve_phrase(
                Span(start=span.start, end=toks[rel - 1].end), toks[:rel], subject
            )
            if len(held) == 1 and held[0].anonymous:
                return [self._anonymous(span, toks, country=held[0].country)]
            return held
        office = self._owned_office(span, toks)
        if office is not None:
            self.remember(span.start, office, subject)
            return [office]
        cut = _titled_name_start(toks, self.cues.word_set("speaker_heads"))
        if cut:
            # "Ruto campaign spokesman Peter Kamau": the spokesman, not the owner
            span = Span(start=toks[cut].start, end=span.end)
            toks = toks[cut:]
        return self._resolve_named(span, toks, subject)

    def _resolve_named(self, span: Span, toks: Sequence[Token], subject: bool) -> list[Actor]:
        """A phrase that names or describes one speaker: a description of an earlier actor,
        a name the actors stage knows, or a minimal actor of its own."""
        found, how = self._earlier_actor(toks, span)
        if found is not None:
            return self._note(span, found, how, subject)
        actor = self._from_stage(span)
        if actor is not None and not (actor.kind is ActorKind.PERSON or actor.anonymous):
            actor = self._demonym_people(actor, span, toks)
        if actor is None:
            actor = self._fallback(span, toks)
        if actor is None:
            return []
        if actor.kind in (ActorKind.GOVERNMENT, ActorKind.ORGANIZATION):
            actor = self._located(span, actor)
        if actor.anonymous and actor.kind is ActorKind.PERSON:
            # "Qatar's prime minister said": the Qatari prime minister named before
            titled = self._titled_before(span, toks)
            if titled is not None:
                return self._note(span, titled, "descriptor", subject)
        if actor.anonymous and actor.kind is ActorKind.PERSON and span.start < _LEDE:
            # "Algerian president urges …" in a headline: the president named below
            later = self.forward_titled(span)
            if later is not None:
                return self._note(span, later, "descriptor", subject)
        if actor.kind is ActorKind.STATE:
            # "the Armenian premier": the person of that country described so, named before;
            # else a person known only by the description, not the state
            country = actor.country or actor.id.split(":")[-1]
            person = self._countryman(span, toks, country)
            if person is not None:
                return self._note(span, person, "descriptor", subject)
            if self._person_title(toks, owner=True):
                anon = self._anonymous(span, toks, country=country)
                self.remember(span.start, anon, subject)
                return [anon]
        self._by_surface.setdefault(" ".join(span.of(self.ctx.text).split()), actor.id)
        self.remember(span.start, actor, subject)
        return [actor]

    def _located(self, span: Span, actor: Actor) -> Actor:
        """ "the British Embassy in Khartoum": the body named with its seat keeps that name as an
        alias (the seat tells one embassy or office from another)."""
        surface = " ".join(span.of(self.ctx.text).split())
        m = _LOCATED.fullmatch(surface)
        if m is None or surface in actor.names:
            return actor
        base = m.group(1)
        if not any(base.casefold() == n.casefold() for n in actor.names):
            return actor
        alias = surface[4:] if surface[:4].lower() == "the " else surface
        return self.ctx.add_actor(attrs.evolve(actor, aliases=(alias,), mentions=()))

    def _titled_before(self, span: Span, toks: Sequence[Token]) -> Actor | None:
        """For "<State>'s <title>" (no name): the nearest person before it of that country
        whose role has the title's head noun."""
        words = [t for t in toks if t.word]
        if len(toks) < 3 or toks[1].low not in ("'s", "’s") or not toks[0].cap or not words:
            return None
        find = getattr(self.ctx.gazetteer, "find_actor", None)
        state = find(toks[0].low) if callable(find) else None
        if not isinstance(state, Actor) or state.kind is not ActorKind.STATE:
            return None
        country = state.country or state.id.split(":")[-1]
        head = singular(words[-1].low)
        heads = DESCRIPTOR_SYNONYMS.get(head, frozenset()) | {head}
        for _off, target, _subj in self._candidates(span.start, window=6000):
            a = self.ctx.actors.get(target)
            if (
                a is not None
                and a.kind is ActorKind.PERSON
                and not a.anonymous
                and a.country == country
                and any(heads & _name_lemmas(r.title) for r in a.roles)
            ):
                return a
        return None

    def forward_titled(self, span: Span) -> Actor | None:
        """For a headline's bare title ("Algerian President Urges …", "Minister Warns …"):
        the first person named after it who holds that title (and, with a demonym, is of
        that country).

        Example:
            >>> from conflictmodel.model.actors import Role
            >>> ctx = ParseContext(text="Envoy Quits. The UN envoy Ana Ruiz resigned.")
            >>> r = Resolver(ctx, Cues.default())
            >>> ana = ctx.add_actor(Actor(id="person:ana-ruiz", name="Ana Ruiz", kind="person",
            ...                           roles=[Role(title="UN envoy")]))
            >>> _ = ctx.add_mention(Span(start=26, end=34), target=ana.id, via="name")
            >>> r.forward_titled(Span(start=0, end=5)).name
            'Ana Ruiz'
        """
        toks = self.tokens(span.start, span.end)
        words = [t for t in toks if t.word]
        if not words or words[0].low in INDEFINITES or words[0].low in ANONYMOUS_QUANTIFIERS:
            return None  # "a Western diplomat" is nobody named later
        head = singular(words[-1].low)
        heads = DESCRIPTOR_SYNONYMS.get(head, frozenset()) | {head}
        country: str | None = None
        find = getattr(self.ctx.gazetteer, "find_actor", None)
        for t in words[:-1]:
            known = find(t.low) if callable(find) and t.cap else None
            if isinstance(known, Actor) and known.kind is ActorKind.STATE:
                country = known.country or known.id.split(":")[-1]
        self._refresh_mentions()
        i = bisect.bisect_left(self._mention_starts, span.end)
        for s0, _e0, target in self._mentions[i : i + 80]:
            a = self.ctx.actors.get(target)
            if a is None or a.kind is not ActorKind.PERSON or s0 < span.end:
                continue
            if country is not None and a.country not in (None, country):
                continue
            if any(heads & _name_lemmas(r.title) for r in a.roles):
                return a
        return None

    def _person_title(self, toks: Sequence[Token], *, owner: bool = False) -> bool:
        """ "the Armenian premier": "the", then words ending in a lower-case title of a person;
        with ``owner``, also "the president of Kenya" (the title before "of")."""
        last = toks[-1]
        if owner:
            of = next((i for i, t in enumerate(toks) if i > 1 and t.low == "of"), None)
            if of is not None and not any(t.cap for t in toks[1:of]):
                last = toks[of - 1]
        heads = self.cues.word_set("speaker_heads") - self.cues.word_set("org_heads")
        return toks[0].low == "the" and not last.cap and last.word and last.low in heads

    def _countryman(self, span: Span, toks: Sequence[Token], country: str) -> Actor | None:
        """For "the <Demonym> <title>": the nearest person before it from that country who
        holds a role (by title)."""
        if not self._person_title(toks):
            return None
        for _off, target, _subj in self._candidates(span.start, window=6000):
            a = self.ctx.actors.get(target)
            if (
                a is not None
                and a.kind is ActorKind.PERSON
                and not a.anonymous
                and a.country == country
                and a.roles
            ):
                return a
        if span.start < _LEDE:
            # a headline or lede names the person later ("Algerian president urges …")
            return self.forward_titled(span)
        return None

    def _note(self, span: Span, actor: Actor | None, via: str, subject: bool) -> list[Actor]:
        if actor is None:
            return []
        self.mention(span, actor.id, via, alias=False)
        self.remember(span.start, actor, subject)
        return [self.ctx.actors.get(actor.id, actor)]

    # ------------------------------------------------------------------ strategies

    def _from_stage(self, span: Span) -> Actor | None:
        surface = " ".join(span.of(self.ctx.text).split())
        known = self._by_surface.get(surface)
        if known is not None and known in self.ctx.actors:
            self.mention(span, known, "name")
            return self.ctx.actors[known]
        if self._phrase_resolver is not None and self._stage_calls < _MAX_STAGE_CALLS:
            self._stage_calls += 1
            found = self._phrase_resolver(self.ctx, span)
            if isinstance(found, Actor):
                self._by_surface[surface] = found.id
                return self.ctx.actors.get(found.id, found)
        m = self.ctx.mention_at(span)
        if m is not None and m.target in self.ctx.actors and span.contains(m.span):
            return self.ctx.actors[m.target]
        return None

    def _antecedent(
        self, before: int, kinds: tuple[ActorKind, ...], gender: str | None = None
    ) -> Actor | None:
        """The nearest preceding actor of one of ``kinds`` (and of ``gender``, "m" or "f", when
        a pronoun gave it one before); a grammatical subject or speaker of the previous
        sentence wins over a later object."""
        cands = self._candidates(before)
        sentence = self.ctx.sentence_of(before)
        sent_start = sentence.start if sentence is not None else before
        best_obj: Actor | None = None
        prev_start: int | None = None  # the nearest earlier sentence with a candidate
        prev_subject: Actor | None = None
        for off, target, subj in cands:
            a = self.ctx.actors.get(target)
            if a is None or not self._fits(a, off, kinds, gender):
                continue
            if off >= sent_start:
                return a
            s = self.ctx.sentence_of(off)
            s0 = s.start if s is not None else off
            if prev_start is None:
                prev_start = s0
            if (
                s0 == prev_start
                and self._subject_position(s0, off)
                and not _possessor(self.ctx.text, off)
            ):
                # "Zelensky met Trump in Rome. “…,” he said": the subject of the previous
                # sentence, not its object
                prev_subject = a
            if s0 < prev_start and prev_subject is not None:
                return prev_subject
            if subj and prev_subject is None and s0 == prev_start:
                return a
            if subj and s0 < prev_start:
                return a
            if best_obj is None:
                best_obj = a
        if prev_subject is not None:
            return prev_subject
        if best_obj is None and kinds == _HUMAN_KINDS:
            best_obj = self._name_before(before)
            if (
                best_obj is not None
                and gender is not None
                and self._genders.get(best_obj.id, gender) != gender
            ):
                best_obj = None
        return best_obj

    def _fits(self, a: Actor, off: int, kinds: tuple[ActorKind, ...], gender: str | None) -> bool:
        """Actor ``a``, mentioned at ``off``, can be what a pronoun of ``kinds`` and
        ``gender`` stands for."""
        if a.kind not in kinds:
            return False
        if kinds == _HUMAN_KINDS and a.anonymous:
            head = singular(anon_head(a))
            if head not in self._human and head not in PERSON_TITLE_HEADS:
                return False  # "he" is not "the military campaign"; "the general" it can be
        if a.id not in self._genders:
            # "Mrs. Clinton", "Mr. Sanders": an honorific before the mention tells; so do a
            # given name ("Amina") and a description ("the spokeswoman")
            lead = self.ctx.text[max(0, off - 6) : off].split()[-1:]
            honorific = HONORIFICS.get(lead[0].lower()) if lead else None
            if honorific is None:
                honorific = self._inferred_gender(a)
            if honorific is not None:
                self._genders[a.id] = honorific
        if gender is not None and self._genders.get(a.id, gender) != gender:
            return False  # "she" is not the man an earlier "he" stood for
        # someone named inside a quotation is not who "he" is
        return self.in_quote is None or not self.in_quote(off)

    def _subject_position(self, sent_start: int, off: int) -> bool:
        """A mention at ``off`` stands where a sentence's subject does: after at most a short
        adverbial ("On Monday, Ukrainian President …"), before any verb."""
        lead = self.ctx.text[sent_start:off]
        if "," in lead:
            lead = lead.rsplit(",", 1)[1]
        words = lead.split()
        return len(words) <= 4 and not any(w.islower() and w.endswith("ed") for w in words)

    def _name_before(self, before: int) -> Actor | None:
        """The nearest capitalised two-word name before ``before`` that no stage turned into
        an actor ("front-runner Ben Carson took …. “…,” he said"), made a person."""
        if self._scans >= _MAX_SCANS:
            return None
        self._scans += 1
        text = self.ctx.text
        lo = max(0, before - 1500)
        toks = self.tokens(lo, before)
        dets = self.cues.word_set("determiners")
        k = len(toks) - 1
        while k >= 1:
            if not (toks[k].cap and toks[k].word):
                k -= 1
                continue
            j = k
            while j - 1 >= 0 and toks[j - 1].cap and toks[j - 1].word and k - j < 3:
                j -= 1
            run = toks[j : k + 1]
            k = j - 1
            if len(run) < 2 or run[0].low in dets:
                continue
            if j == 0 or toks[j - 1].low in (".", "!", "?", "\n"):
                continue  # a sentence-initial capital is not evidence of a name
            span = Span(start=run[0].start, end=run[-1].end)
            name = " ".join(span.of(text).split())
            find = getattr(self.ctx.gazetteer, "find_actor", None)
            known = find(name) if callable(find) else None
            if isinstance(known, Actor) and known.kind is not ActorKind.PERSON:
                continue
            terr = getattr(self.ctx.gazetteer, "find_territory", None)
            if callable(terr) and terr(name) is not None:
                continue
            actor = self._fallback(span, run)
            if actor is not None and actor.kind is ActorKind.PERSON:
                return actor
        return None

    def _plural(self, before: int, kinds: tuple[ActorKind, ...] | None = None) -> list[Actor]:
        """Two people (or parties) referred to just before: the antecedent of "Both".

        A pair joined by "and" ("Najib Mikati and parliament speaker Nabih Berri") wins over
        the two last-mentioned actors."""
        pair = self._coordinated_pair(before, kinds)
        if pair:
            return pair
        out: list[Actor] = []
        for _off, target, _subj in self._candidates(before, window=600):
            a = self.ctx.actors.get(target)
            if a is None or a in out or (kinds is not None and a.kind not in kinds):
                continue
            if out and a.kind is not out[0].kind:
                continue
            out.append(a)
            if len(out) == 2:
                break
        if len(out) < 2:
            return []
        out.sort(
            key=lambda a: min(
                (o for o, t, _ in self._candidates(before, 600) if t == a.id), default=0
            )
        )
        return out

    def _coordinated_pair(
        self, before: int, kinds: tuple[ActorKind, ...] | None = None
    ) -> list[Actor]:
        self._refresh_mentions()
        text = self.ctx.text
        lo = max(0, before - 600)
        i = bisect.bisect_left(self._mention_starts, before) - 1
        later: tuple[int, int, str] | None = None
        steps = 0
        while i >= 0 and steps < 40:
            m = self._mentions[i]
            i -= 1
            steps += 1
            if m[0] < lo:
                break
            if m[1] > before:
                continue
            found = self.ctx.actors.get(m[2])
            if kinds is not None and (found is None or found.kind not in kinds):
                continue
            if later is not None and m[1] <= later[0] and m[2] != later[2]:
                gap = text[m[1] : later[0]]
                words = gap.split()
                if "and" in words and len(words) <= 7 and not any(ch in gap for ch in ".;:!?\n"):
                    a1, a2 = self.ctx.actors.get(m[2]), self.ctx.actors.get(later[2])
                    if a1 is not None and a2 is not None and a1.kind is a2.kind:
                        return [a1, a2]
            later = m
        return []

    def _earlier_actor(self, toks: Sequence[Token], span: Span) -> tuple[Actor | None, str]:
        """The earlier actor a lone name ("Sheikh Mohammed", "Tewodros"; see
        ``_named_before``) or a definite description (see ``_described``) stands for, and
        how it was found.  A description with capitalised words ("the Sudanese minister",
        "the RSF commander") takes only a person they all fit: "the Russian army" is a body
        the actors stage names."""
        if len(toks) <= 2 and all(t.cap for t in toks) and self.ctx.mention_at(span) is None:
            lone = self._named_before(span, " ".join(span.of(self.ctx.text).split()))
            if lone is not None:
                return lone, "surname"
        named = [t for t in toks[1:] if t.cap] or [
            t for t in toks[:1] if t.cap and t.low not in self.cues.word_set("determiners")
        ]
        found = self._described(toks, span)
        if found is None or not named:
            return found, "descriptor"
        if found.kind is not ActorKind.PERSON or found.anonymous:
            return None, "descriptor"
        all_words = self._features(found, span.start)[1]
        countries = self._mod_countries(toks)
        fits = all(
            singular(t.low) in all_words or t.low in all_words or found.country in countries
            for t in named
        )
        return (found if fits else None), "descriptor"

    def _source_noun_owner(self, toks: Sequence[Token]) -> Span | None:
        nouns = self.cues.word_set("source_nouns")
        for k, t in enumerate(toks):
            if t.low in nouns:
                if k + 2 < len(toks) and toks[k + 1].low in OWNER_PREPOSITIONS:
                    rest = toks[k + 2 :]
                    return Span(start=rest[0].start, end=rest[-1].end)
                if k >= 2 and toks[k - 1].low == "'s":
                    owner = toks[: k - 1]
                    j = len(owner)
                    while j > 0 and owner[j - 1].word:
                        j -= 1
                    if j < len(owner):
                        return Span(start=owner[j].start, end=owner[-1].end)
        return None

    def mention(self, span: Span, target: str, via: str, *, alias: bool = True) -> None:
        """Add a mention unless one is there, or the actor already has very many (each mention
        rebuilds the actor, so an unbounded number would make a long text quadratic).

        Example:
            >>> ctx = ParseContext(text="Ana spoke.")
            >>> _ = ctx.add_actor(Actor(id="person:ana", name="Ana", kind="person"))
            >>> Resolver(ctx, Cues.default()).mention(Span(start=0, end=3), "person:ana", "name")
            >>> ctx.actors["person:ana"].mentions
            (Span(start=0, end=3),)
        """
        actor = self.ctx.actors.get(target)
        if actor is None or len(actor.mentions) >= _MAX_MENTIONS or self._added >= _MAX_ADDED:
            return
        self._added += 1
        if self.ctx.mention_at(span) is None:
            self.ctx.add_mention(span, target=target, via=via, alias=alias)

    def _by_name(self, name: str) -> Actor | None:
        """An actor already in the context with this name, alias or surname."""
        ids = list(self.ctx.actors)
        for aid in ids[self._indexed :]:
            a = self.ctx.actors[aid]
            for n in a.names:
                self._names.setdefault(name_key(n), aid)
            if a.kind is ActorKind.PERSON and " " in a.name:
                self._names.setdefault(name_key(a.name.split()[-1]), aid)
        self._indexed = len(ids)
        found = self._names.get(name_key(name))
        return self.ctx.actors.get(found) if found is not None else None
