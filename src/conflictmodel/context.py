"""The per-article state that pipeline stages share.

A [`ParseContext`][conflictmodel.context.ParseContext] is created by
[`parse_article`][conflictmodel.parse_article] and handed to each stage of the pipeline in
turn.  Early stages fill in paragraphs, sentences, page furniture, dates and mentions; later ones
read them and add statements, proposals and positions.  At the end the context is frozen into an
[`Article`][conflictmodel.Article].

Example:
    >>> ctx = ParseContext(text="Kyiv said no.")
    >>> from conflictmodel import Actor
    >>> ua = ctx.add_actor(Actor(id="state:UA", name="Ukraine", kind="state", country="UA"))
    >>> ctx.add_mention(Span(start=0, end=4), target="state:UA", via="metonym")
    Mention(span=Span(start=0, end=4), kind=<MentionKind.ACTOR: 'actor'>, target='state:UA', via='metonym')
    >>> ctx.actors["state:UA"].aliases, ctx.actors["state:UA"].mentions
    (('Kyiv',), (Span(start=0, end=4),))
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import enum
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from conflictmodel.analysis.document import AnalysedDocument
from conflictmodel.analysis.spanindex import SpanIndex
from conflictmodel.model._fields import fields_holding
from conflictmodel.model.actors import Actor
from conflictmodel.model.article import Article
from conflictmodel.model.events import Event
from conflictmodel.model.places import Place
from conflictmodel.model.positions import Position
from conflictmodel.model.proposals import Proposal, ProposalStatus
from conflictmodel.model.span import Span
from conflictmodel.model.statements import Statement
from conflictmodel.model.territories import TerritorialClaim, Territory
from conflictmodel.model.textdates import TextDate
from conflictmodel.resources import load_data

if TYPE_CHECKING:
    from conflictmodel.gazetteer import Match

__all__ = ["Mention", "MentionKind", "ParseContext", "ProposalTrace"]


def _list_key(items: list[Any]) -> tuple[Any, ...]:
    """What changes when a list is replaced, appended to, or has its ends replaced: the list
    itself, its length and its end items (held, so that their ids cannot be reused)."""
    if not items:
        return (items, 0)
    return (items, len(items), items[0], items[-1])


def _same_key(key: tuple[Any, ...], items: list[Any]) -> bool:
    """Whether ``_list_key(items)`` would be ``key`` (compared by identity, building nothing)."""
    if key[0] is not items or key[1] != len(items):
        return False
    return not items or (key[2] is items[0] and key[3] is items[-1])


def _self(span: Span) -> Span:
    return span


def _span_of(obj: Any) -> Span | None:
    span: Span | None = obj.span
    return span


class MentionKind(enum.Enum):
    """What a mention refers to.

    Example:
        >>> MentionKind("territory")
        <MentionKind.TERRITORY: 'territory'>
    """

    ACTOR = "actor"
    TERRITORY = "territory"


@attrs.frozen(kw_only=True)
class Mention:
    """A place in the text that refers to an actor or territory.

    Attributes:
        span: where.
        kind: actor or territory.
        target: the id of the actor or territory in the context.
        via: how it was recognised: ``name``, ``alias``, ``surname``, ``title``, ``demonym``,
            ``metonym``, ``pronoun``, ``descriptor``, ``anonymous``, or a stage's own word.

    Example:
        >>> Mention(span=Span(start=0, end=4), target="state:UA", via="metonym").kind.value
        'actor'
    """

    span: Span
    kind: MentionKind = MentionKind.ACTOR
    target: str
    via: str = "name"


@attrs.frozen(kw_only=True)
class ProposalTrace:
    """What the proposals stage learnt about one proposal that the model does not keep, for
    the stages after it (positions): where the proposal is anchored and referred to again, who
    responded to it and how.

    Attributes:
        id: the proposal's id.
        anchor: the words that introduce it ("proposed", "the plan").
        references: later references to the same proposal ("the deal", "it").
        responders: ``(actor id, status, evidence)`` for each party that accepted, rejected ...
        anchor_proposer: whether the proposer was found at the anchor itself.
        co_proposers: ids of actors proposing it together with the proposer.

    Example:
        >>> ProposalTrace(id="prop:0-9", anchor=Span(start=0, end=8)).references
        ()
    """

    id: str
    anchor: Span
    references: tuple[Span, ...] = ()
    responders: tuple[tuple[str, ProposalStatus, Span], ...] = ()
    anchor_proposer: bool = False
    co_proposers: tuple[str, ...] = ()


_MODEL_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def _model_fields(cls: type[Any]) -> tuple[str, ...]:
    """Names of the fields of an attrs model class that can hold actors or territories (by
    their declared types; none for spans, dates and non-attrs types); cached per class because
    ``attrs.has`` is slow."""
    names = _MODEL_FIELDS.get(cls)
    if names is None:
        names = fields_holding(cls, (Actor, Territory)) or ()
        _MODEL_FIELDS[cls] = names
    return names


def _merge_tuple(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
    if not new:
        return old
    if len(new) == 1:
        # The common case (one new mention): a tuple scan is cheaper than building a set.
        return old if new[0] in old else (*old, new[0])
    seen = set(old)
    return old + tuple(x for x in dict.fromkeys(new) if x not in seen)


@attrs.define(kw_only=True)
class ParseContext:
    """Mutable state shared by the stages of one parse.

    Stages communicate only through this object.  A stage may read anything an earlier stage
    wrote and add to it.  ``extras`` belongs to users: a custom stage keeps its own results
    there, keyed by its name; they must be JSON values and are carried into
    ``Article.extras`` (the built-in stages leave it empty).

    Example:
        >>> ctx = ParseContext(text="Talks resume.")
        >>> ctx.sentences.append(Span(start=0, end=13))
        >>> ctx.sentence_of(3), ctx.to_article().text
        (Span(start=0, end=13), 'Talks resume.')
    """

    text: str
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    gazetteer: Any = None
    paragraphs: list[Span] = attrs.Factory(list)
    sentences: list[Span] = attrs.Factory(list)
    furniture: list[Span] = attrs.Factory(list)
    mentions: list[Mention] = attrs.Factory(list)
    actors: dict[str, Actor] = attrs.Factory(dict)
    territories: dict[str, Territory] = attrs.Factory(dict)
    dates: list[TextDate] = attrs.Factory(list)
    statements: list[Statement] = attrs.Factory(list)
    proposals: list[Proposal] = attrs.Factory(list)
    positions: list[Position] = attrs.Factory(list)
    claims: list[TerritorialClaim] = attrs.Factory(list)
    places: dict[str, Place] = attrs.Factory(dict)
    events: list[Event] = attrs.Factory(list)
    proposal_traces: list[ProposalTrace] = attrs.Factory(list)
    # Gazetteer matches outside furniture, computed once by the first stage that needs them.
    gazetteer_matches: list[Match] | None = None
    # The actors stage's resolver, kept so that later stages resolve phrases ("the envoy") with
    # the same state; typed loosely because the stage, not the context, defines it.
    actor_service: Any = None
    extras: dict[str, Any] = attrs.Factory(dict)
    _sorted: bool = attrs.field(default=True, init=False, repr=False)
    # Sort keys of ``mentions`` (start, -end), kept in step with it while ``_sorted``.
    _keys: list[tuple[int, int]] = attrs.field(factory=list, init=False, repr=False)
    _sentence_starts: list[int] = attrs.field(factory=list, init=False, repr=False)
    # Every mention in the order it was added (``mentions`` itself gets re-sorted), so a service
    # that follows mentions can take just the new ones.
    _mention_log: list[Mention] = attrs.field(factory=list, init=False, repr=False)
    # (kind, target) -> (the mentions tuple, the set of its spans), for add_mention.
    _span_sets: dict[tuple[MentionKind, str], tuple[tuple[Span, ...], set[Span]]] = attrs.field(
        factory=dict, init=False, repr=False
    )
    # Lazily built indexes, each with a key of the list it was built from (identity, length,
    # first and last item): appending, or replacing the list, makes a new key.  Replacing an
    # object in the middle is not seen: ``refresh_indexes`` is for that.
    _indexes: dict[str, tuple[Any, Any]] = attrs.field(factory=dict, init=False, repr=False)

    # ---------------------------------------------------------------- actors & territories

    def add_actor(self, actor: Actor) -> Actor:
        """Add an actor, or merge it into the one with the same id (aliases, roles, mentions).

        Returns the actor as stored.
        """
        old = self.actors.get(actor.id)
        if old is None:
            self.actors[actor.id] = actor
            return actor
        merged = attrs.evolve(
            old,
            aliases=tuple(a for a in _merge_tuple(old.aliases, actor.aliases) if a != old.name),
            roles=_merge_tuple(old.roles, actor.roles),
            mentions=_merge_tuple(old.mentions, actor.mentions),
            country=old.country or actor.country,
            wikidata=old.wikidata or actor.wikidata,
            description=old.description or actor.description,
        )
        self.actors[actor.id] = merged
        return merged

    def add_territory(self, territory: Territory) -> Territory:
        """Add a territory, or merge it into the one with the same id."""
        old = self.territories.get(territory.id)
        if old is None:
            self.territories[territory.id] = territory
            return territory
        merged = attrs.evolve(
            old,
            aliases=tuple(a for a in _merge_tuple(old.aliases, territory.aliases) if a != old.name),
            mentions=_merge_tuple(old.mentions, territory.mentions),
        )
        self.territories[territory.id] = merged
        return merged

    def add_mention(
        self,
        span: Span,
        *,
        target: str,
        kind: MentionKind = MentionKind.ACTOR,
        via: str = "name",
        alias: bool = True,
    ) -> Mention:
        """Record a mention of an actor or territory already added to the context.

        The mention's span joins the target's ``mentions``; unless ``alias`` is False (pronouns,
        descriptors), the surface text joins its ``aliases`` when it differs from the name.
        """
        mention = Mention(span=span, kind=kind, target=target, via=via)
        surface = " ".join(span.of(self.text).split())
        store: dict[str, Any] = self.actors if kind is MentionKind.ACTOR else self.territories
        self._add_span(store, kind, target, span, surface if alias else "")
        self._mention_log.append(mention)
        if self._sorted and len(self._keys) == len(self.mentions):
            # Stages interleave adding and querying; inserting in place avoids a re-sort per query.
            key = (span.start, -span.end)
            i = bisect.bisect_right(self._keys, key)
            self.mentions.insert(i, mention)
            self._keys.insert(i, key)
        else:
            self.mentions.append(mention)
            self._sorted = False
        return mention

    def _add_span(
        self, store: dict[str, Any], kind: MentionKind, target: str, span: Span, surface: str
    ) -> None:
        """Add ``span`` to the target's mentions and ``surface`` to its aliases (if new)."""
        obj = store[target]
        aliases = obj.aliases
        if surface and surface != obj.name and surface not in aliases:
            aliases = (*aliases, surface)
        # The set of the target's mention spans, kept with the tuple it was made from (a
        # target rebuilt elsewhere, by add_actor say, gets a new set).
        known = self._span_sets.get((kind, target))
        if known is None or known[0] is not obj.mentions:
            known = (obj.mentions, set(obj.mentions))
        new_span = span not in known[1]
        if not new_span and aliases is obj.aliases:
            return
        mentions = (*obj.mentions, span) if new_span else obj.mentions
        if aliases is obj.aliases:
            # Only a checked Span joins already checked mentions: copying the object spares
            # re-validating every mention, which made n mentions of one actor cost n² checks.
            updated = copy.copy(obj)
            object.__setattr__(updated, "mentions", mentions)
        else:
            updated = attrs.evolve(obj, aliases=aliases, mentions=mentions)
        store[target] = updated
        known[1].add(span)
        self._span_sets[(kind, target)] = (mentions, known[1])

    def add_mentions(
        self, items: Iterable[tuple[Span, str, MentionKind, str, bool]]
    ) -> list[Mention]:
        """Record many mentions at once: ``(span, target, kind, via, alias)`` tuples.

        The same as calling [`add_mention`][conflictmodel.context.ParseContext.add_mention] for
        each, but every target is rebuilt once, so the cost is linear in the number of mentions
        even when one actor is mentioned thousands of times.

        Example:
            >>> from conflictmodel import Actor
            >>> ctx = ParseContext(text="Kyiv and Kyiv")
            >>> _ = ctx.add_actor(Actor(id="state:UA", name="Ukraine", kind="state"))
            >>> ms = ctx.add_mentions([(Span(start=0, end=4), "state:UA", MentionKind.ACTOR,
            ...                         "metonym", True),
            ...                        (Span(start=9, end=13), "state:UA", MentionKind.ACTOR,
            ...                         "metonym", True)])
            >>> len(ms), ctx.actors["state:UA"].aliases, len(ctx.actors["state:UA"].mentions)
            (2, ('Kyiv',), 2)
        """
        out: list[Mention] = []
        grouped: dict[tuple[MentionKind, str], tuple[list[Span], list[str]]] = {}
        for span, target, kind, via, alias in items:
            out.append(Mention(span=span, kind=kind, target=target, via=via))
            spans, surfaces = grouped.setdefault((kind, target), ([], []))
            spans.append(span)
            if alias:
                surfaces.append(" ".join(span.of(self.text).split()))
        for (kind, target), (spans, surfaces) in grouped.items():
            store: dict[str, Any] = self.actors if kind is MentionKind.ACTOR else self.territories
            obj = store[target]
            seen_aliases = set(obj.aliases)
            new_aliases = [
                s for s in dict.fromkeys(surfaces) if s and s != obj.name and s not in seen_aliases
            ]
            seen_spans = set(obj.mentions)
            new_spans = [s for s in dict.fromkeys(spans) if s not in seen_spans]
            if new_aliases or new_spans:
                store[target] = attrs.evolve(
                    obj,
                    aliases=(*obj.aliases, *new_aliases),
                    mentions=(*obj.mentions, *new_spans),
                )
        self.mentions.extend(out)
        self._mention_log.extend(out)
        self._sorted = False
        return out

    def mention_count(self) -> int:
        """How many mentions were added through ``add_mention(s)`` (see ``mentions_since``)."""
        return len(self._mention_log)

    def mentions_since(self, count: int) -> list[Mention] | None:
        """Mentions added through ``add_mention(s)`` after the first ``count`` of them, in the
        order they were added; None when a stage changed ``mentions`` directly (then a
        follower must start again from ``mentions``).

        Example:
            >>> ctx = ParseContext(text="Kyiv said no.")
            >>> _ = ctx.add_actor(Actor(id="state:UA", name="Ukraine", kind="state"))
            >>> _ = ctx.add_mention(Span(start=0, end=4), target="state:UA")
            >>> [m.target for m in ctx.mentions_since(0)], ctx.mentions_since(1)
            (['state:UA'], [])
        """
        if len(self._mention_log) != len(self.mentions):
            # Start the log again from ``mentions`` so that followers, told to start again
            # once, can follow new mentions from here on.
            self._mention_log = list(self.mentions)
            return None
        return self._mention_log[count:]

    def _ensure_sorted(self) -> None:
        # A stage may also have appended to the public ``mentions`` list directly.
        if not self._sorted or len(self._keys) != len(self.mentions):
            self.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
            self._keys = [(m.span.start, -m.span.end) for m in self.mentions]
            self._sorted = True

    def mentions_in(self, span: Span, kind: MentionKind | None = None) -> list[Mention]:
        """Mentions that lie wholly inside ``span``, in text order."""
        self._ensure_sorted()
        keys = self._keys
        # The mentions that start inside ``span``: one slice between two bisections.
        i = bisect.bisect_left(keys, (span.start, -sys.maxsize))
        j = bisect.bisect_left(keys, (span.end, -sys.maxsize), i)
        end = span.end
        if kind is None:
            return [m for m in self.mentions[i:j] if m.span.end <= end]
        return [m for m in self.mentions[i:j] if m.span.end <= end and m.kind is kind]

    def mention_at(
        self, span: Span, kind: MentionKind | None = MentionKind.ACTOR
    ) -> Mention | None:
        """The longest mention overlapping ``span``, or None."""
        self._ensure_sorted()
        # Mentions are short, so only those starting shortly before ``span`` can overlap it.
        keys = self._keys
        i = bisect.bisect_left(keys, (max(0, span.start - 200), -sys.maxsize))
        j = bisect.bisect_left(keys, (span.end, -sys.maxsize), i)
        best: Mention | None = None
        size = -1
        start = span.start
        for m in self.mentions[i:j]:
            s = m.span
            # ``s.start < end`` holds for every mention of the slice: this is ``overlaps``.
            if start < s.end and (kind is None or m.kind is kind) and s.end - s.start > size:
                best, size = m, s.end - s.start
        return best

    def actor_at(self, span: Span) -> Actor | None:
        """The actor mentioned at (overlapping) ``span``, or None."""
        m = self.mention_at(span, MentionKind.ACTOR)
        return self.actors.get(m.target) if m else None

    # ---------------------------------------------------------------- text structure

    def sentence_of(self, offset: int) -> Span | None:
        """The sentence containing character ``offset``, or None."""
        if len(self._sentence_starts) != len(self.sentences):
            self._sentence_starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(
            self.sentences[i].end, self.sentences[i].start + 1
        ):
            return self.sentences[i]
        return None

    @property
    def doc(self) -> AnalysedDocument:
        """The analysed document (tokens, folded text, offset indexes) of the paragraphs and
        sentences found so far, built once and rebuilt when those lists are replaced or change
        length or ends (see [`refresh_indexes`][conflictmodel.context.ParseContext.refresh_indexes]).

        Example:
            >>> ctx = ParseContext(text="Kyiv said no.")
            >>> ctx.sentences.append(Span(start=0, end=13))
            >>> [t.low for t in ctx.doc.sentence_tokens(0)]
            ['kyiv', 'said', 'no', '.']
        """
        cached = self._indexes.get("doc")
        if (
            cached is None
            or not _same_key(cached[0][0], self.paragraphs)
            or not _same_key(cached[0][1], self.sentences)
        ):
            key = (_list_key(self.paragraphs), _list_key(self.sentences))
            cached = (key, AnalysedDocument(self.text, self.paragraphs, self.sentences))
            self._indexes["doc"] = cached
        doc: AnalysedDocument = cached[1]
        return doc

    def _index(self, name: str, items: list[Any], span_of: Any) -> SpanIndex[Any]:
        cached = self._indexes.get(name)
        if cached is None or not _same_key(cached[0], items):
            cached = (_list_key(items), SpanIndex(items, span_of))
            self._indexes[name] = cached
        index: SpanIndex[Any] = cached[1]
        return index

    def refresh_indexes(self) -> None:
        """Forget the lookup indexes and the analysed document.

        They follow what stages append to the context's lists (and a list replaced by another);
        a stage that replaces an object in place by one with another span, or removes objects
        without changing the list's length, calls this afterwards.

        Example:
            >>> ctx = ParseContext(text="Kyiv said no.")
            >>> ctx.refresh_indexes()
        """
        self._indexes.clear()

    def is_furniture(self, span: Span) -> bool:
        """True if ``span`` overlaps page furniture (captions, credits, related links).

        Example:
            >>> ctx = ParseContext(text="Photo: AFP. Kyiv said no.", furniture=[Span(start=0, end=11)])
            >>> ctx.is_furniture(Span(start=7, end=10)), ctx.is_furniture(Span(start=12, end=16))
            (True, False)
        """
        if not self.furniture:
            return False
        return self._index("furniture", self.furniture, _self).any_overlapping(span.start, span.end)

    def dates_in(self, span: Span) -> list[TextDate]:
        """Date expressions that lie inside ``span``."""
        return self._index("dates", self.dates, _span_of).inside(span.start, span.end)

    def statements_overlapping(self, span: Span) -> list[Statement]:
        """Statements whose span overlaps ``span``, in the order of ``statements``."""
        return self._index("statements", self.statements, _span_of).overlapping(
            span.start, span.end
        )

    def statements_at(self, offset: int) -> list[Statement]:
        """Statements whose span contains character ``offset``, in the order of ``statements``."""
        return self._index("statements", self.statements, _span_of).at(offset)

    def traces_referred_to(self, span: Span, cue: Span | None = None) -> list[ProposalTrace]:
        """Proposal traces with an anchor or reference that starts inside ``span`` or overlaps
        ``cue``, in the order of ``proposal_traces``."""
        cached = self._indexes.get("traces")
        if cached is None or not _same_key(cached[0], self.proposal_traces):
            key = _list_key(self.proposal_traces)
            refs = [
                (i, r)
                for i, t in enumerate(self.proposal_traces)
                for r in (t.anchor, *t.references)
            ]
            cached = (key, SpanIndex(refs, lambda item: item[1]))
            self._indexes["traces"] = cached
        index: SpanIndex[tuple[int, Span]] = cached[1]
        hits = {i for i, _ in index.starting_in(span.start, span.end)}
        if cue is not None:
            hits.update(i for i, _ in index.overlapping(cue.start, cue.end))
        return [self.proposal_traces[i] for i in sorted(hits)]

    def proposals_overlapping(self, span: Span) -> list[Proposal]:
        """Proposals whose span overlaps ``span``, in the order of ``proposals``."""
        return self._index("proposals", self.proposals, _span_of).overlapping(span.start, span.end)

    # ---------------------------------------------------------------- result

    def _territories_and_places(self) -> tuple[dict[str, Territory], dict[str, Place]]:
        """Territories at issue, and places: a location the ``territories`` stage recorded as
        a place too (not at issue by its own words) stays a place unless a proposal, a
        position or a claim names it, which puts it at issue."""
        # Only provisions about territory: a ceasefire "in Libya" does not put Libya at issue.
        kinds = set(load_data("territories_issue.json")["territorial_provisions"])
        named = {c.territory.id for c in self.claims}
        named.update(
            p.territory.id
            for p in self.positions
            if p.territory is not None and (p.provision is None or p.provision.value in kinds)
        )
        named.update(
            t.id
            for p in self.proposals
            for v in p.provisions
            if v.kind.value in kinds
            for t in v.territories
        )
        territories = {
            k: t for k, t in self.territories.items() if k not in self.places or k in named
        }
        return territories, {k: p for k, p in self.places.items() if k not in territories}

    def to_article(self) -> Article:
        """Freeze the context into an Article, rebinding every actor/territory reference to its
        final merged version (stages may have added mentions after a statement was made)."""
        actors = self.actors
        territories, places = self._territories_and_places()

        done: dict[int, Any] = {}

        def fresh(obj: Any) -> Any:
            # Rebuild only what holds a stale actor or territory; the same statement or
            # proposal is often shared by several positions, so each is rebuilt once.
            if isinstance(obj, Actor):
                return actors.get(obj.id, obj)
            if isinstance(obj, Territory):
                return territories.get(obj.id, obj)
            key = id(obj)
            if key in done:
                return done[key]
            if isinstance(obj, tuple):
                # Tuples are shared too (a proposal's provisions by all its positions), and
                # walked once each: the walk stays linear in the distinct objects.
                if not obj:
                    return obj
                items = tuple(fresh(x) for x in obj)
                same = all(a is b for a, b in zip(items, obj, strict=True))
                done[key] = result = obj if same else items
                return result
            names = _model_fields(type(obj))
            if not names:
                return obj
            changes = {}
            for name in names:
                old = getattr(obj, name)
                new = fresh(old)
                if new is not old:
                    changes[name] = new
            done[key] = result = attrs.evolve(obj, **changes) if changes else obj
            return result

        def by_position(objs: list[Any]) -> list[Any]:
            return sorted((fresh(o) for o in objs), key=lambda o: (o.span.start, o.span.end))

        def by_first_mention(objs: list[Any]) -> list[Any]:
            return sorted(objs, key=lambda o: (o.span.start if o.span else len(self.text), o.id))

        return Article(
            text=self.text,
            title=self.title,
            outlet=self.outlet,
            published=self.published,
            url=self.url,
            actors=by_first_mention(list(actors.values())),
            territories=by_first_mention(list(territories.values())),
            statements=by_position(self.statements),
            proposals=by_position(self.proposals),
            positions=by_position(self.positions),
            claims=by_position(self.claims),
            places=by_first_mention(list(places.values())),
            events=by_position(self.events),
            dates=sorted(
                self.dates, key=lambda d: (d.span.start, d.span.end) if d.span else (-1, -1)
            ),
            furniture=sorted(self.furniture),
            # A copy: the Article is frozen, the context's dict is not.
            extras=copy.deepcopy(self.extras),
        )
