"""The records a corpus returns: articles, resolved actors and territories, merge
candidates, and statements, positions, proposals and timeline entries with their provenance
and effective dates."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from conflictmodel.corpus._names import name_key
from conflictmodel.model.actors import Actor, ActorKind, Role
from conflictmodel.model.article import Article
from conflictmodel.model.events import Event
from conflictmodel.model.positions import Position
from conflictmodel.model.proposals import Proposal
from conflictmodel.model.span import Span
from conflictmodel.model.statements import Statement
from conflictmodel.model.territories import TerritorialClaim, Territory

DatedBy = Literal["text", "published"]
"""Where a result's date comes from: a date expression in the text, or the article's
publication date."""

TimelineKind = Literal["position", "statement", "proposal", "claim", "event"]


@attrs.frozen(kw_only=True)
class Provenance:
    """Where in the corpus something is: an article key and a span of its text.

    Example:
        >>> Provenance(article="ab12", span=Span(start=0, end=4)).span.end
        4
    """

    article: str
    span: Span


@attrs.frozen(kw_only=True)
class CorpusArticle:
    """One article of a corpus with its key, source name and position in the corpus.

    Example:
        >>> from conflictmodel.corpus import Corpus
        >>> c = Corpus()
        >>> key = c.add(Article(text="Kyiv said no."), source="a.txt")
        >>> entry = c.get(key)
        >>> entry.source, entry.seq, entry.article.text
        ('a.txt', 0, 'Kyiv said no.')
    """

    key: str
    article: Article
    source: str | None = None
    seq: int = 0


@attrs.frozen(kw_only=True)
class CorpusActor:
    """An actor resolved across articles.

    Attributes:
        id: the corpus-wide id, normally the article-level id most articles use.
        actor: the canonical [`Actor`][conflictmodel.Actor]: merged aliases, roles and country,
            no mentions (mentions are per article, see ``mentions``).
        members: ``(article key, actor as that article has it)`` for every article-level actor
            merged into this one.

    Example:
        >>> from conflictmodel.corpus import Corpus
        >>> peskov = Actor(id="person:dmitry-peskov", name="Dmitry Peskov", kind="person",
        ...                mentions=[Span(start=0, end=13)])
        >>> c = Corpus.from_articles([Article(text="Dmitry Peskov said no.", actors=[peskov])])
        >>> ent = c.actor("Peskov")
        >>> ent.id, ent.member_ids, len(ent.mentions)
        ('person:dmitry-peskov', ('person:dmitry-peskov',), 1)
    """

    id: str
    actor: Actor
    members: tuple[tuple[str, Actor], ...]

    @property
    def name(self) -> str:
        """The canonical name."""
        return self.actor.name

    @property
    def kind(self) -> ActorKind:
        """The actor kind."""
        return self.actor.kind

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every other name used for it anywhere in the corpus."""
        return self.actor.aliases

    @property
    def roles(self) -> tuple[Role, ...]:
        """Every role any article gives it."""
        return self.actor.roles

    @property
    def member_ids(self) -> tuple[str, ...]:
        """The distinct article-level ids merged into this actor."""
        return tuple(dict.fromkeys(a.id for _, a in self.members))

    @property
    def articles(self) -> tuple[str, ...]:
        """Keys of the articles that mention it, in corpus order."""
        return tuple(dict.fromkeys(k for k, _ in self.members))

    @property
    def mentions(self) -> tuple[Provenance, ...]:
        """Every mention in every article."""
        return tuple(Provenance(article=k, span=s) for k, a in self.members for s in a.mentions)

    def is_named(self, name: str) -> bool:
        """True if ``name`` is its id, a member id, or (after [`name_key`][conflictmodel.corpus.name_key]) its name or an alias.

        Example:
            >>> ent = CorpusActor(id="state:UA", members=(),
            ...                   actor=Actor(id="state:UA", name="Ukraine", kind="state",
            ...                               aliases=["Kiev"]))
            >>> ent.is_named("KIEV"), ent.is_named("Kyiv")
            (True, False)
        """
        if name == self.id or name in self.member_ids:
            return True
        key = name_key(name)
        return bool(key) and any(name_key(n) == key for n in self.actor.names)


@attrs.frozen(kw_only=True)
class CorpusTerritory:
    """A territory resolved across articles (merged by id / ISO code).

    Example:
        >>> from conflictmodel.corpus import Corpus
        >>> crimea = Territory(id="UA-43", name="Crimea", code="UA-43", kind="region",
        ...                    mentions=[Span(start=0, end=6)])
        >>> c = Corpus.from_articles([Article(text="Crimea", territories=[crimea])])
        >>> c.territory("ua-43").name, c.territory("Crimea").articles == c.keys()
        ('Crimea', True)
    """

    id: str
    territory: Territory
    members: tuple[tuple[str, Territory], ...]

    @property
    def name(self) -> str:
        """The canonical name."""
        return self.territory.name

    @property
    def code(self) -> str | None:
        """The ISO code, if any."""
        return self.territory.code

    @property
    def articles(self) -> tuple[str, ...]:
        """Keys of the articles that mention it, in corpus order."""
        return tuple(dict.fromkeys(k for k, _ in self.members))

    @property
    def mentions(self) -> tuple[Provenance, ...]:
        """Every mention in every article."""
        return tuple(Provenance(article=k, span=s) for k, t in self.members for s in t.mentions)

    def is_named(self, name: str) -> bool:
        """True if ``name`` is its id, code, a member id, or a (normalised) name or alias.

        Example:
            >>> t = CorpusTerritory(id="UA-43", members=(),
            ...                     territory=Territory(id="UA-43", name="Crimea", code="UA-43"))
            >>> t.is_named("ua-43"), t.is_named("crimea"), t.is_named("Donbas")
            (True, True, False)
        """
        if name.casefold() in {self.id.casefold(), (self.code or "").casefold()}:
            return True
        if any(name == t.id for _, t in self.members):
            return True
        key = name_key(name)
        return bool(key) and any(name_key(n) == key for n in self.territory.names)


@attrs.frozen(kw_only=True)
class MergeCandidate:
    """Two actors that may be the same but that the corpus keeps apart.

    ``score`` (0-1) grows with the evidence for a match (same country, same role head noun,
    compatible given names); ``reason`` spells that evidence out.

    Example:
        >>> from conflictmodel.corpus import Corpus
        >>> def envoy(first, title):
        ...     name = f"{first} Kellner"
        ...     return Actor(id=f"person:{first.lower()}-kellner", name=name, kind="person",
        ...                  country="DE", roles=[Role(title=title)], mentions=[Span(start=0, end=len(name))])
        >>> c = Corpus.from_articles([
        ...     Article(text="Jonas Kellner, envoy to Sudan", actors=[envoy("Jonas", "envoy to Sudan")]),
        ...     Article(text="Paul Kellner, special envoy", actors=[envoy("Paul", "special envoy")])])
        >>> [(m.a.name, m.b.name, m.score) for m in c.candidates]
        [('Jonas Kellner', 'Paul Kellner', 0.9)]
        >>> c.candidates[0].reason
        "same surname 'kellner'; given names differ (jonas / paul); same country DE; same role (envoy)"
    """

    a: CorpusActor
    b: CorpusActor
    reason: str
    score: float


@attrs.frozen(kw_only=True)
class CorpusStatement:
    """A statement with the article it is in, its resolved speaker and its effective date.

    ``date`` is the statement's own resolved date, else the article's publication date
    (``dated_by`` says which), else None.

    Example:
        >>> from conflictmodel.corpus import Corpus
        >>> import datetime as dt
        >>> rsf = Actor(id="group:rsf", name="RSF", kind="group", mentions=[Span(start=0, end=3)])
        >>> s = Statement(id="stmt:9-16", content="no truce", kind="reported",
        ...               span=Span(start=9, end=17), speaker=rsf)
        >>> c = Corpus([Article(text="RSF said no truce", actors=[rsf], statements=[s],
        ...                     published=dt.date(2024, 5, 1))])
        >>> [(r.speaker.name, r.date.isoformat(), r.dated_by) for r in c.statements()]
        [('RSF', '2024-05-01', 'published')]
    """

    article: str
    statement: Statement
    speaker: CorpusActor | None
    date: dt.date | None = None
    dated_by: DatedBy | None = None


@attrs.frozen(kw_only=True)
class CorpusPosition:
    """A position with its article, resolved actor and effective date (see ``CorpusStatement``).

    Example:
        >>> from conflictmodel.corpus import Corpus
        >>> ye = Actor(id="state:YE", name="Yemen", kind="state")
        >>> pos = Position(actor=ye, stance="supports", provision="prisoner_exchange",
        ...                text="Yemen backs the swap", span=Span(start=0, end=20))
        >>> c = Corpus([Article(text="Yemen backs the swap", actors=[ye], positions=[pos])])
        >>> [(r.actor.id, r.position.stance.value, r.date) for r in c.positions()]
        [('state:YE', 'supports', None)]
    """

    article: str
    position: Position
    actor: CorpusActor | None
    date: dt.date | None = None
    dated_by: DatedBy | None = None


@attrs.frozen(kw_only=True)
class CorpusProposal:
    """A proposal with its article, resolved proposer and effective date.

    Example:
        >>> from conflictmodel.corpus import Corpus
        >>> from conflictmodel import Provision
        >>> qa = Actor(id="state:QA", name="Qatar", kind="state")
        >>> p = Proposal(id="prop:0-24", trigger="proposed", text="Qatar proposed a truce.",
        ...              span=Span(start=0, end=23), proposer=qa,
        ...              provisions=[Provision(kind="ceasefire", text="a truce",
        ...                                    span=Span(start=15, end=22))])
        >>> c = Corpus([Article(text="Qatar proposed a truce.", actors=[qa], proposals=[p])])
        >>> [(r.proposer.name, r.proposal.trigger) for r in c.proposals(kind="ceasefire")]
        [('Qatar', 'proposed')]
    """

    article: str
    proposal: Proposal
    proposer: CorpusActor | None
    date: dt.date | None = None
    dated_by: DatedBy | None = None


@attrs.frozen(kw_only=True)
class TimelineEntry:
    """One dated (or undated) item of a [`timeline`][conflictmodel.corpus.Corpus.timeline].

    Attributes:
        date: the item's own resolved date, else the article's publication date, else None.
        dated_by: ``"text"`` or ``"published"`` (None when undated).
        article: the key of the article it is in.
        kind: ``position``, ``statement``, ``proposal``, ``claim`` or ``event``.
        item: the model object.
        actor: who holds / said / proposes / claims it (for an event: its first actor, else
            its mediator), resolved across the corpus.
        proposal: for a position on a proposal, that proposal (the summary names it with
            [`proposal_label`][conflictmodel.corpus.proposal_label]).
    """

    date: dt.date | None
    dated_by: DatedBy | None
    article: str
    kind: TimelineKind
    item: Position | Statement | Proposal | TerritorialClaim | Event
    actor: CorpusActor | None
    proposal: Proposal | None = None
    """For a position on a proposal: that proposal (its article's), so the summary can name it
    instead of giving its id."""

    @property
    def span(self) -> Span:
        """Where the item's evidence is in its article."""
        return self.item.span

    @property
    def summary(self) -> str:
        """A one-line description for people.

        Example:
            >>> ua = Actor(id="state:UA", name="Ukraine", kind="state")
            >>> pos = Position(actor=ua, stance="opposes", provision="territorial_recognition",
            ...                text="will not cede land", span=Span(start=0, end=18))
            >>> TimelineEntry(date=None, dated_by=None, article="k", kind="position", item=pos,
            ...               actor=None).summary
            'Ukraine opposes territorial_recognition: will not cede land'
        """
        who = self.actor.name if self.actor else None
        item = self.item
        if isinstance(item, Position):
            who = who or item.actor.name
            what = [
                x
                for x in (
                    proposal_label(self.proposal) if self.proposal else item.proposal_id,
                    item.provision.value if item.provision else None,
                    item.territory.name if item.territory else None,
                )
                if x
            ]
            return f"{who} {item.stance.value} {', '.join(what)}: {item.text}"
        if isinstance(item, Statement):
            return f"{who or '(unknown speaker)'} ({item.kind.value}): {item.content}"
        if isinstance(item, Proposal):
            kinds = ", ".join(p.kind.value for p in item.provisions) or "no typed provisions"
            status = item.status.value.replace("_", " ")
            return f"{who or '(unknown proposer)'}, {status}: {kinds}"
        if isinstance(item, Event):
            return _event_summary(item, who)
        claimant = who or item.claimant.name
        return f"{claimant} {item.kind.value} {item.territory.name}: {item.text}"


def _event_summary(ev: Event, who: str | None) -> str:
    """``ASSAULT/drone (occurred) Russia -> Ukraine at Sumy: 35 killed: <trigger>``."""
    head = ev.type.value.upper() + (f"/{ev.mode}" if ev.mode else "")
    actors = ", ".join(a.name for a in ev.actors) or who or "(unknown actor)"
    parts = [f"{head} ({ev.status.value}) {actors}"]
    if ev.targets:
        parts.append(" -> " + ", ".join(a.name for a in ev.targets))
    if ev.mediator is not None:
        parts.append(f" via {ev.mediator.name}")
    if ev.place is not None:
        parts.append(f" at {ev.place.name}")
    if ev.killed is not None:
        parts.append(f", {ev.killed.text} killed")
    if ev.wounded is not None:
        parts.append(f", {ev.wounded.text} wounded")
    if ev.trigger:
        parts.append(f": {ev.trigger}")
    return "".join(parts)


def proposal_label(p: Proposal) -> str:
    """A short name for people: the plan's own name where the text gives one ("28-point
    plan"), else its proposer's and its provision kinds ("Qatar's proposal: ceasefire").

    Example:
        >>> from conflictmodel import Provision
        >>> qa = Actor(id="state:QA", name="Qatar", kind="state")
        >>> text = "Qatar proposed a truce."
        >>> p = Proposal(id="prop:0-23", trigger="proposed", text=text, span=Span(start=0, end=23),
        ...              proposer=qa, provisions=[Provision(kind="ceasefire", text="a truce",
        ...                                                 span=Span(start=15, end=22))])
        >>> proposal_label(p)
        "Qatar's proposal: ceasefire"
    """
    from conflictmodel.corpus._plans import _name

    name = _name(p)
    if name:
        return name
    who = f"{p.proposer.name}'s proposal" if p.proposer else "a proposal"
    kinds = ", ".join(dict.fromkeys(v.kind.value for v in p.provisions))
    return f"{who}: {kinds}" if kinds else who
