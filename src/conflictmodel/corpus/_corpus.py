"""The [`Corpus`][conflictmodel.corpus.Corpus] class: articles keyed by text, actors and
territories resolved across them on demand, and the queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from conflictmodel.corpus._actors import _resolve_actors
from conflictmodel.corpus._events import (
    CorpusEvent,
    date_arg,
    event_record,
    event_type_arg,
    in_range,
    place_matches,
    territory_codes,
)
from conflictmodel.corpus._names import _name_tokens, article_key
from conflictmodel.corpus._plans import Plan, PlanEvent, resolve_plans
from conflictmodel.corpus._records import (
    CorpusActor,
    CorpusArticle,
    CorpusPosition,
    CorpusProposal,
    CorpusStatement,
    CorpusTerritory,
    MergeCandidate,
    TimelineEntry,
)
from conflictmodel.corpus._territories import _resolve_territories
from conflictmodel.corpus._timeline import (
    _KIND_ORDER,
    _effective_date,
    _provision_kind,
    _TimelineQuery,
)
from conflictmodel.errors import InputError
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.article import Article
from conflictmodel.model.events import EventType
from conflictmodel.model.proposals import Proposal, ProvisionKind
from conflictmodel.model.territories import Territory


@attrs.frozen(kw_only=True)
class _Resolution:
    actors: tuple[CorpusActor, ...]
    by_member: dict[tuple[str, str], CorpusActor]
    territories: tuple[CorpusTerritory, ...]
    terr_by_member: dict[tuple[str, str], CorpusTerritory]
    candidates: tuple[MergeCandidate, ...]
    # Each actor's names as token lists, computed once: lookups by name are frequent.
    tokens: tuple[tuple[CorpusActor, tuple[tuple[str, ...], ...]], ...]


def _expect(value: object, types: Any, what: str) -> None:
    """Queries take names and model objects; anything else is the caller's mistake, said so."""
    if not isinstance(value, types):
        raise InputError(f"{what} must be {_type_names(types)}, got {type(value).__name__}")


def _type_names(types: Any) -> str:
    args = getattr(types, "__args__", None)
    return " or ".join(t.__name__ for t in args) if args else str(types.__name__)


class Corpus:
    """A collection of parsed articles, with actors and territories resolved across them.

    Articles are keyed by [`article_key`][conflictmodel.corpus.article_key] (SHA-256 of the
    text): adding the same text twice keeps the first copy.  Resolution is computed when first
    needed and again after every ``add``.

    Args:
        articles: articles to add, in order (an Article or a ``(source, Article)`` pair each).
        candidate_threshold: the score (0-1) from which a likely match is listed in
            ``candidates``.

    Example:
        >>> c = Corpus()
        >>> k1 = c.add(Article(text="Khartoum said no."), source="sudan.txt")
        >>> k2 = c.add(Article(text="Khartoum said no."), source="copy.txt")
        >>> k1 == k2, len(c), c.source(k1)
        (True, 1, 'sudan.txt')
    """

    def __init__(
        self,
        articles: Iterable[Article | tuple[str | None, Article]] = (),
        *,
        candidate_threshold: float = 0.55,
    ) -> None:
        self._entries: dict[str, CorpusArticle] = {}
        self._threshold = candidate_threshold
        self._resolution: _Resolution | None = None
        self._plan_cache: dict[tuple[str, int], tuple[Plan, ...]] = {}
        for item in articles:
            if isinstance(item, Article):
                self.add(item)
            else:
                source, article = item
                self.add(article, source=source)

    @classmethod
    def from_articles(
        cls,
        articles: Iterable[Article | tuple[str | None, Article]],
        *,
        candidate_threshold: float = 0.55,
    ) -> Corpus:
        """Build a corpus from Articles or ``(source, Article)`` pairs.

        Example:
            >>> len(Corpus.from_articles([Article(text="a"), ("b.txt", Article(text="b"))]))
            2
        """
        return cls(articles, candidate_threshold=candidate_threshold)

    # ---------------------------------------------------------------- contents

    def add(self, article: Article, *, source: str | None = None) -> str:
        """Add an article; return its key.  An article with the same text is not added twice.

        Raises:
            InputError: ``article`` is not an Article.

        Example:
            >>> Corpus().add(Article(text="Kyiv"), source="k.txt")[:12]
            'daccd738d5f7'
        """
        if not isinstance(article, Article):
            raise InputError(f"Corpus.add() expects an Article, got {type(article).__name__}")
        if source is not None and not isinstance(source, str):
            raise InputError(f"source must be str or None, got {type(source).__name__}")
        key = article_key(article.text)
        if key not in self._entries:
            self._entries[key] = CorpusArticle(
                key=key, article=article, source=source, seq=len(self._entries)
            )
            self._resolution = None
            self._plan_cache = {}
        return key

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[CorpusArticle]:
        return iter(self._entries.values())

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __repr__(self) -> str:
        return f"<Corpus: {len(self)} articles>"

    def keys(self) -> tuple[str, ...]:
        """Article keys in the order they were added.

        Example:
            >>> [k[:8] for k in Corpus([Article(text="a"), Article(text="b")]).keys()]
            ['ca978112', '3e23e816']
        """
        return tuple(self._entries)

    def get(self, key: str) -> CorpusArticle:
        """The entry for ``key``.

        Raises:
            InputError: no article has that key.

        Example:
            >>> Corpus().get("nope")
            Traceback (most recent call last):
            ...
            conflictmodel.errors.InputError: no article with key 'nope' in the corpus
        """
        try:
            return self._entries[key]
        except KeyError:
            raise InputError(f"no article with key {key!r} in the corpus") from None

    def article(self, key: str) -> Article:
        """The Article with this key.

        Example:
            >>> c = Corpus([Article(text="Goma")])
            >>> c.article(c.keys()[0]).text
            'Goma'
        """
        return self.get(key).article

    def source(self, key: str) -> str | None:
        """The source name given when the article was added.

        Example:
            >>> c = Corpus([("goma.txt", Article(text="Goma"))])
            >>> c.source(c.keys()[0])
            'goma.txt'
        """
        return self.get(key).source

    # ---------------------------------------------------------------- resolution

    def _resolved(self) -> _Resolution:
        if self._resolution is None:
            entries = list(self._entries.values())
            actors, by_member, candidates = _resolve_actors(entries, self._threshold)
            territories, terr_by_member = _resolve_territories(entries)
            self._resolution = _Resolution(
                actors=actors,
                by_member=by_member,
                territories=territories,
                terr_by_member=terr_by_member,
                candidates=candidates,
                tokens=tuple(
                    (a, tuple(tuple(_name_tokens(n)) for n in a.actor.names)) for a in actors
                ),
            )
        return self._resolution

    @property
    def actors(self) -> tuple[CorpusActor, ...]:
        """Every actor, resolved across articles, in order of first appearance."""
        return self._resolved().actors

    @property
    def territories(self) -> tuple[CorpusTerritory, ...]:
        """Every territory, resolved across articles, in order of first appearance."""
        return self._resolved().territories

    @property
    def candidates(self) -> list[MergeCandidate]:
        """Likely matches the corpus keeps apart, best first (see
        [`MergeCandidate`][conflictmodel.corpus.MergeCandidate])."""
        return list(self._resolved().candidates)

    def resolve(self, key: str, actor: Actor | str) -> CorpusActor | None:
        """The corpus actor an article-level actor (or actor id) of article ``key`` belongs to.

        Example:
            >>> ua = Actor(id="state:UA", name="Ukraine", kind="state", country="UA")
            >>> c = Corpus([Article(text="Kyiv", actors=[ua])])
            >>> c.resolve(c.keys()[0], "state:UA").name
            'Ukraine'
        """
        _expect(key, str, "key")
        _expect(actor, Actor | str, "actor")
        aid = actor.id if isinstance(actor, Actor) else actor
        return self._resolved().by_member.get((key, aid))

    def resolve_territory(self, key: str, territory: Territory | str) -> CorpusTerritory | None:
        """The corpus territory an article-level territory (or its id) belongs to.

        Example:
            >>> ti = Territory(id="ET-TI", name="Tigray", code="ET-TI")
            >>> c = Corpus([Article(text="x", territories=[ti])])
            >>> c.resolve_territory(c.keys()[0], ti).name
            'Tigray'
        """
        _expect(key, str, "key")
        _expect(territory, Territory | str, "territory")
        tid = territory.id if isinstance(territory, Territory) else territory
        return self._resolved().terr_by_member.get((key, tid))

    def find_actors(self, name: str) -> tuple[CorpusActor, ...]:
        """Actors matching ``name``: by id, then by (normalised) name or alias, then by surname,
        then by words of the name ("diplomat" finds "a Western diplomat").

        Example:
            >>> ua = Actor(id="state:UA", name="Ukraine", kind="state", aliases=["Kiev"])
            >>> [a.id for a in Corpus([Article(text="x", actors=[ua])]).find_actors("kiev")]
            ['state:UA']
        """
        _expect(name, str, "name")
        index = self._resolved().tokens
        exact = tuple(a for a, _ in index if a.id == name or name in a.member_ids)
        if exact:
            return exact
        toks = tuple(_name_tokens(name))
        if not toks:
            return ()
        named = tuple(a for a, names in index if toks in names)
        if named:
            return named
        if len(toks) == 1:
            surname = tuple(
                a
                for a, names in index
                if a.kind is ActorKind.PERSON and any(n[-1:] == toks for n in names)
            )
            if surname:
                return surname
        wanted = set(toks)
        return tuple(a for a, names in index if any(wanted <= set(n) for n in names))

    def actor(self, name: str) -> CorpusActor | None:
        """The first actor [`find_actors`][conflictmodel.corpus.Corpus.find_actors] returns.

        Example:
            >>> Corpus().actor("Hemedti") is None
            True
        """
        found = self.find_actors(name)
        return found[0] if found else None

    def territory(self, name: str) -> CorpusTerritory | None:
        """The territory with this id, ISO code, name or alias (case- and accent-insensitive).

        Example:
            >>> gaza = Territory(id="area:gaza-strip", name="Gaza Strip", aliases=["Gaza"])
            >>> Corpus([Article(text="x", territories=[gaza])]).territory("gaza").id
            'area:gaza-strip'
        """
        _expect(name, str, "name")
        return next((t for t in self.territories if t.is_named(name)), None)

    def _actor_set(self, actor: CorpusActor | Actor | str) -> set[str]:
        _expect(actor, CorpusActor | Actor | str, "actor")
        if isinstance(actor, CorpusActor):
            return {actor.id}
        if isinstance(actor, Actor):
            return {a.id for a in self.actors if actor.id == a.id or actor.id in a.member_ids}
        return {a.id for a in self.find_actors(actor)}

    def _order(self, key: str, date: dt.date | None, start: int, kind: str) -> tuple[object, ...]:
        return (date is None, date or dt.date.min, self._entries[key].seq, start, _KIND_ORDER[kind])

    # ---------------------------------------------------------------- queries

    def statements(self) -> tuple[CorpusStatement, ...]:
        """Every statement of every article with its resolved speaker, in corpus order.

        Example:
            >>> Corpus([Article(text="No one spoke.")]).statements()
            ()
        """
        out = []
        for entry in self._entries.values():
            for s in entry.article.statements:
                date, by = _effective_date(s.date, entry.article.published)
                speaker = self.resolve(entry.key, s.speaker) if s.speaker else None
                out.append(
                    CorpusStatement(
                        article=entry.key, statement=s, speaker=speaker, date=date, dated_by=by
                    )
                )
        return tuple(out)

    def statements_by(
        self,
        actor: CorpusActor | Actor | str,
        *,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
    ) -> tuple[CorpusStatement, ...]:
        """Statements by ``actor`` in every article, in date order (as
        [`timeline`][conflictmodel.corpus.Corpus.timeline] orders them).

        ``actor`` is a CorpusActor, an article-level Actor, an id, a name, an alias or a surname
        (a surname shared by several people returns the statements of each).

        ``since`` / ``until`` (dates, inclusive; ISO ``YYYY-MM-DD`` or ``datetime.date``) keep
        the statements whose effective date is in the range: the statement's own resolved
        date, else its article's publication date. A statement with neither is left out of
        any time-filtered query.

        Raises:
            InputError: ``actor`` of the wrong type, or a bad date.

        Example:
            >>> Corpus().statements_by("Peskov")
            ()
            >>> Corpus().statements_by("Peskov", since="2025-13-01")
            Traceback (most recent call last):
            ...
            conflictmodel.errors.InputError: since must be an ISO date (YYYY-MM-DD), got '2025-13-01'
        """
        lo, hi = date_arg("since", since), date_arg("until", until)
        wanted = self._actor_set(actor)
        found = [
            s
            for s in self.statements()
            if s.speaker is not None and s.speaker.id in wanted and in_range(s.date, lo, hi)
        ]
        found.sort(
            key=lambda s: self._order(s.article, s.date, s.statement.span.start, "statement")
        )
        return tuple(found)

    def positions(self) -> tuple[CorpusPosition, ...]:
        """Every position of every article with its resolved actor, in corpus order.

        Example:
            >>> Corpus().positions()
            ()
        """
        out = []
        for entry in self._entries.values():
            for p in entry.article.positions:
                own = p.date or (p.statement.date if p.statement else None)
                date, by = _effective_date(own, entry.article.published)
                out.append(
                    CorpusPosition(
                        article=entry.key,
                        position=p,
                        actor=self.resolve(entry.key, p.actor),
                        date=date,
                        dated_by=by,
                    )
                )
        return tuple(out)

    def events(
        self,
        *,
        type: EventType | str | None = None,
        actor: CorpusActor | Actor | str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        place: str | None = None,
    ) -> tuple[CorpusEvent, ...]:
        """Events of every article that match every filter given, in date order (undated
        last; ties keep corpus order), with their parties resolved across the corpus.

        The filters mirror [`Store.events`][conflictmodel.store.Store.events]:

        Args:
            type: a PLOVER type (``"consult"``, ``EventType.ASSAULT``).
            actor: an actor, target or mediator: a CorpusActor, an article-level Actor, an
                id, a name, an alias or a surname (as ``statements_by`` takes it).
            since, until: dates, inclusive (ISO ``YYYY-MM-DD`` or ``datetime.date``), compared
                with the event's effective date: its own resolved date, else its article's
                publication date. An event with neither matches no time range.
            place: the place's id, ISO code, parent region code, name or alias, or its
                country's ISO code (``"Doha"``, ``"QA"``, ``"UA-59"``), case-insensitive.

        Raises:
            InputError: an argument of the wrong type, an unknown type or a bad date.

        Example:
            >>> from conflictmodel import Event, Place, Span
            >>> doha = Place(id="place:doha", name="Doha", kind="city", parent="QA")
            >>> ev = Event(id="event:0-5", type="consult", span=Span(start=0, end=5),
            ...            place=doha, status="planned")
            >>> c = Corpus([Article(text="Talks in Doha.", events=[ev],
            ...                     published=dt.date(2025, 3, 2))])
            >>> [r.event.place.name for r in c.events(type="consult", place="qa")]
            ['Doha']
            >>> c.events(since="2025-04-01")
            ()
        """
        etype = event_type_arg(type)
        lo, hi = date_arg("since", since), date_arg("until", until)
        if place is not None:
            _expect(place, str, "place")
        wanted = self._actor_set(actor) if actor is not None else None
        out = []
        for entry in self._entries.values():
            for ev in entry.article.events:
                if etype is not None and ev.type is not etype:
                    continue
                if place is not None and not place_matches(ev.place, place):
                    continue
                rec = event_record(self, entry.key, ev, entry.article.published)
                if not in_range(rec.date, lo, hi):
                    continue
                if wanted is not None and not any(a.id in wanted for a in rec.parties):
                    continue
                out.append(rec)
        out.sort(key=lambda r: self._order(r.article, r.date, r.event.span.start, "event"))
        return tuple(out)

    def _territory_ids(self, territory: CorpusTerritory | Territory | str) -> set[tuple[str, str]]:
        """The (article key, article-level territory id) pairs that are ``territory``."""
        if isinstance(territory, CorpusTerritory):
            ent: CorpusTerritory | None = territory
        elif isinstance(territory, Territory):
            ent = self.territory(territory.code or territory.id)
        else:
            ent = self.territory(territory)
        if ent is None:
            return set()
        return {(k, t.id) for k, t in ent.members}

    def _proposal_record(self, key: str, p: Proposal) -> CorpusProposal:
        date, by = _effective_date(p.date, self.article(key).published)
        proposer = self.resolve(key, p.proposer) if p.proposer else None
        return CorpusProposal(article=key, proposal=p, proposer=proposer, date=date, dated_by=by)

    def proposals(
        self,
        *,
        territory: CorpusTerritory | Territory | str | None = None,
        kind: ProvisionKind | str | None = None,
    ) -> tuple[CorpusProposal, ...]:
        """Proposals in every article, in date order, optionally only those with a provision
        naming ``territory`` and / or a provision of ``kind``.

        Raises:
            InputError: ``kind`` is not a provision kind.

        Example:
            >>> Corpus().proposals(kind="ceasefire")
            ()
        """
        wanted_kind = _provision_kind(kind) if kind is not None else None
        wanted_terr = self._territory_ids(territory) if territory is not None else None
        out = []
        for entry in self._entries.values():
            for p in entry.article.proposals:
                if wanted_kind is not None and wanted_kind not in p.provision_kinds:
                    continue
                if wanted_terr is not None and not any(
                    (entry.key, t.id) in wanted_terr for t in p.territories
                ):
                    continue
                out.append(self._proposal_record(entry.key, p))
        out.sort(key=lambda r: self._order(r.article, r.date, r.proposal.span.start, "proposal"))
        return tuple(out)

    def responses_to(self, proposal: CorpusProposal) -> tuple[CorpusPosition, ...]:
        """Positions that respond to ``proposal``, in date order.

        The rule: a position responds to a proposal if

        1. it is in the same article and its ``proposal_id`` is the proposal's id; or
        2. it is in another article, its effective date is strictly later than the proposal's
           (both dates known), and it is on one of the proposal's provision kinds: directly
           (``Position.provision``) or through a proposal of its own article that has one.

        Undated positions in other articles are not counted: without a date nothing says they
        came after the proposal.

        Example:
            >>> Corpus().responses_to  # doctest: +ELLIPSIS
            <bound method Corpus.responses_to of <Corpus: 0 articles>>
        """
        kinds = proposal.proposal.provision_kinds
        out = []
        for rec in self.positions():
            pos = rec.position
            if rec.article == proposal.article:
                if pos.proposal_id == proposal.proposal.id:
                    out.append(rec)
                continue
            if rec.date is None or proposal.date is None or rec.date <= proposal.date:
                continue
            on: set[ProvisionKind] = {pos.provision} if pos.provision else set()
            if pos.proposal_id:
                for other in self.article(rec.article).proposals:
                    if other.id == pos.proposal_id:
                        on |= other.provision_kinds
            if on & kinds:
                out.append(rec)
        out.sort(key=lambda r: self._order(r.article, r.date, r.position.span.start, "position"))
        return tuple(out)

    def timeline(
        self,
        *,
        territory: CorpusTerritory | Territory | str | None = None,
        provision: ProvisionKind | str | None = None,
    ) -> tuple[TimelineEntry, ...]:
        """What the corpus says about a territory or a provision kind, in date order.

        For a **territory**: positions on it (its ``territory``, a proposal naming it, or
        evidence that mentions it), territorial claims about it, proposals naming it, and
        statements whose quoted or reported content mentions it, and **events** whose place
        is the territory or lies in it (the place's id or code, or its parent region, is the
        territory's code or id: a strike on a town of Donetsk oblast is on ``UA-14``).
        For a **provision** kind: positions on it (directly or through a proposal that has
        it), proposals that have it, statements inside the text of such a provision, and
        events that concern such a proposal (``Event.proposal_id``).
        Given both, an item must match both. A statement that is already the evidence of a
        listed position is not listed again.

        Dates: the item's own resolved date (for claims the ``since`` date), else the article's
        publication date, else the item is undated. Undated items come last; ties keep corpus
        order (article added first, then position in the text).

        Raises:
            InputError: neither ``territory`` nor ``provision`` is given, or ``provision`` is
                not a provision kind.

        Example:
            >>> from conflictmodel import Position, Span
            >>> ua = Actor(id="state:UA", name="Ukraine", kind="state")
            >>> crimea = Territory(id="UA-43", name="Crimea", code="UA-43",
            ...                    mentions=[Span(start=24, end=30)])
            >>> text = "Ukraine will not accept Crimea's loss."
            >>> pos = Position(actor=ua, stance="opposes", territory=crimea, text=text,
            ...                span=Span(start=0, end=len(text)))
            >>> c = Corpus([Article(text=text, actors=[ua], territories=[crimea],
            ...                     positions=[pos], published=dt.date(2025, 4, 20))])
            >>> [(e.date.isoformat(), e.dated_by, e.kind) for e in c.timeline(territory="Crimea")]
            [('2025-04-20', 'published', 'position')]
        """
        if territory is None and provision is None:
            raise InputError("timeline() needs territory=... or provision=...")
        kind = _provision_kind(provision) if provision is not None else None
        terr = self._territory_ids(territory) if territory is not None else None
        codes = None
        if territory is not None:
            _expect(territory, CorpusTerritory | Territory | str, "territory")
            ent = (
                territory
                if isinstance(territory, CorpusTerritory)
                else self.territory(
                    territory if isinstance(territory, str) else territory.code or territory.id
                )
            )
            codes = territory_codes(ent, territory)
        out = _TimelineQuery(corpus=self, kind=kind, terr=terr, place_codes=codes).entries()
        out.sort(key=lambda e: self._order(e.article, e.date, e.span.start, e.kind))
        return tuple(out)

    # ---------------------------------------------------------------- plans

    def plans(
        self,
        *,
        actor: CorpusActor | Actor | str | None = None,
        kind: ProvisionKind | str | None = None,
        territory: CorpusTerritory | Territory | str | None = None,
        window_days: int = 365,
    ) -> tuple[Plan, ...]:
        """Proposals resolved across articles into plans, each with its dated history, in
        order of first report; optionally only plans proposed by ``actor`` (or on which it
        took a stance), with a provision of ``kind``, or naming ``territory``.

        Two articles' proposals are one plan when they share a name ("the Jeddah
        Declaration"), or their proposer and some provision kinds, or provision kinds and a
        territory, without a conflicting proposer and at most ``window_days`` apart (see
        ``conflictmodel.corpus._plans``).

        Raises:
            InputError: ``kind`` is not a provision kind.

        Example:
            >>> Corpus().plans()
            ()
        """
        if not isinstance(window_days, int) or window_days < 0:
            raise InputError(f"window_days must be a non-negative int, got {window_days!r}")
        wanted_kind = _provision_kind(kind) if kind is not None else None
        key = ("plans", window_days)
        cached = self._plan_cache.get(key)
        if cached is None:
            self._resolved()
            cached = tuple(resolve_plans(self, self.proposals(), window_days))
            self._plan_cache[key] = cached
        out = list(cached)
        if wanted_kind is not None:
            out = [p for p in out if wanted_kind in p.kinds]
        if territory is not None:
            wanted = self._territory_ids(territory)
            out = [
                p
                for p in out
                if any(
                    (r.article, t.id) in wanted for r in p.proposals for t in r.proposal.territories
                )
            ]
        if actor is not None:
            ids = self._actor_set(actor)
            out = [
                p
                for p in out
                if (p.proposer is not None and p.proposer.id in ids)
                or any(e.actor is not None and e.actor.id in ids for e in p.stances())
            ]
        return tuple(out)

    def plan_of(self, proposal: CorpusProposal | str, key: str | None = None) -> Plan | None:
        """The plan a proposal belongs to: a ``CorpusProposal``, or a proposal id with the key
        of its article.

        Example:
            >>> Corpus().plan_of("prop:0-5", key="abc") is None
            True
        """
        if isinstance(proposal, CorpusProposal):
            art, pid = proposal.article, proposal.proposal.id
        else:
            _expect(proposal, str, "proposal")
            if key is None:
                raise InputError("plan_of() needs the article key with a proposal id")
            art, pid = key, proposal
        for plan in self.plans():
            if any(r.article == art and r.proposal.id == pid for r in plan.proposals):
                return plan
        return None

    def proposal_history(
        self, plan: Plan | CorpusProposal | str, *, actor: str | None = None
    ) -> tuple[PlanEvent, ...]:
        """The dated history of a plan — every status reported and every stance taken —
        given as a ``Plan``, one of its ``CorpusProposal``s, a plan id or a plan name
        (case-insensitive); with ``actor``, only that party's stances.

        Raises:
            InputError: no plan matches.

        Example:
            >>> Corpus().proposal_history("28-point plan")
            Traceback (most recent call last):
            ...
            conflictmodel.errors.InputError: no plan matches '28-point plan'
        """
        found: Plan | None
        if isinstance(plan, Plan):
            found = plan
        elif isinstance(plan, CorpusProposal):
            found = self.plan_of(plan)
        else:
            _expect(plan, str, "plan")
            low = plan.lower()
            found = next((p for p in self.plans() if p.id == plan or (p.name or "") == low), None)
        if found is None:
            raise InputError(f"no plan matches {plan!r}")
        if actor is not None:
            return found.stances(actor)
        return found.history
