"""Many articles read as one body of evidence.

A [`Corpus`][conflictmodel.corpus.Corpus] holds parsed [`Article`][conflictmodel.Article]s and
resolves what they mention across articles:

- **actors** with the same id, the same normalised name (case, diacritics and transliteration
  variants such as Zelensky / Zelenskyy / Zelenskiy folded together) or the same Wikidata id
  become one [`CorpusActor`][conflictmodel.corpus.CorpusActor]; every article-level actor stays
  reachable as a member, with its mentions as ``(article key, span)`` provenance;
- **territories** merge by id / ISO code (and by name for areas without a code);
- a likely match that the evidence does not settle (same surname, conflicting given names,
  compatible country and role) is *not* merged but listed in
  [`Corpus.candidates`][conflictmodel.corpus.Corpus.candidates] as a
  [`MergeCandidate`][conflictmodel.corpus.MergeCandidate].

Queries span the whole corpus and say which article each result comes from:
[`statements_by`][conflictmodel.corpus.Corpus.statements_by],
[`timeline`][conflictmodel.corpus.Corpus.timeline],
[`proposals`][conflictmodel.corpus.Corpus.proposals] and
[`responses_to`][conflictmodel.corpus.Corpus.responses_to].

Example:
    >>> from conflictmodel import Actor, Article, Span, Statement
    >>> def said(text, name, id_):
    ...     speaker = Actor(id=id_, name=name, kind="person", country="UA",
    ...                     mentions=[Span(start=0, end=len(name))])
    ...     stmt = Statement(id="stmt:0-1", content=text[len(name) + 6:], kind="reported",
    ...                      span=Span(start=len(name) + 6, end=len(text)), speaker=speaker)
    ...     return Article(text=text, actors=[speaker], statements=[stmt])
    >>> corpus = Corpus.from_articles([
    ...     said("Volodymyr Zelensky said no land will be ceded.", "Volodymyr Zelensky",
    ...          "person:volodymyr-zelensky"),
    ...     said("Volodymyr Zelenskyy said talks must wait.", "Volodymyr Zelenskyy",
    ...          "person:volodymyr-zelenskyy"),
    ... ])
    >>> [a.name for a in corpus.actors]
    ['Volodymyr Zelensky']
    >>> [s.statement.content for s in corpus.statements_by("Zelenskyy")]
    ['no land will be ceded.', 'talks must wait.']
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

from conflictmodel.errors import InputError
from conflictmodel.model.actors import Actor, ActorKind, Role
from conflictmodel.model.article import Article
from conflictmodel.model.positions import Position
from conflictmodel.model.proposals import Proposal, ProvisionKind
from conflictmodel.model.span import Span
from conflictmodel.model.statements import Statement
from conflictmodel.model.territories import TerritorialClaim, Territory
from conflictmodel.model.textdates import TextDate

__all__ = [
    "Corpus",
    "CorpusActor",
    "CorpusArticle",
    "CorpusPosition",
    "CorpusProposal",
    "CorpusStatement",
    "CorpusTerritory",
    "DatedBy",
    "MergeCandidate",
    "Provenance",
    "TimelineEntry",
    "article_key",
    "name_key",
]

DatedBy = Literal["text", "published"]
"""Where a result's date comes from: a date expression in the text, or the article's
publication date."""

TimelineKind = Literal["position", "statement", "proposal", "claim"]

# ------------------------------------------------------------------------------- names


def article_key(text: str) -> str:
    """The stable key of an article: the SHA-256 hex digest of its text (UTF-8).

    The same text always gets the same key, whatever its source or metadata, which is what
    makes ingesting an article twice a no-op.

    Example:
        >>> article_key("Kyiv said no.")[:16]
        '27f1cef82b43fc37'
    """
    # surrogatepass: the parser accepts any str, lone surrogates included.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_APOSTROPHES = str.maketrans("", "", "'’ʼ`´")
_SPLIT = re.compile(r"[\W_]+")
# Romanisations of Slavic names end the same sound in several ways
# (Zelensky/Zelenskyy/Zelenskiy/Zelenskii, Dmitry/Dmitri, Sergey/Sergei); folding the endings
# lets the spellings meet.  Longest first.
_ENDING_FOLDS = (
    ("iy", "y"),
    ("yy", "y"),
    ("ij", "y"),
    ("ii", "y"),
    ("yi", "y"),
    ("ei", "ey"),
    ("i", "y"),
)
_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _name_tokens(name: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    raw = [t for t in _SPLIT.split(plain.casefold().translate(_APOSTROPHES)) if t]
    tokens: list[str] = []
    initials = False
    for tok in raw:
        # "J.D." and "J. D." and "JD" are the same initials.
        if len(tok) == 1 and tok.isalpha():
            if initials:
                tokens[-1] += tok
            else:
                tokens.append(tok)
            initials = True
            continue
        initials = False
        tokens.append(tok)
    while len(tokens) > 1 and tokens[-1] in _GENERATIONAL:
        tokens.pop()
    out = []
    for tok in tokens:
        if len(tok) > 3:
            for old, new in _ENDING_FOLDS:
                if tok.endswith(old):
                    tok = tok[: -len(old)] + new
                    break
        out.append(tok)
    return out


def name_key(name: str) -> str:
    """A name folded for comparison across articles and spellings.

    Case, diacritics, apostrophes, punctuation and the usual transliteration variants of name
    endings (-y / -iy / -yy / -ii / -i, -ei / -ey) are folded; initials are joined.

    Example:
        >>> name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky")
        True
        >>> name_key("Sergei Aksyonov"), name_key("J. D. Vance"), name_key("Ukraine’s")
        ('sergey aksyonov', 'jd vance', 'ukraines')
    """
    return " ".join(_name_tokens(name))


def _slug(text: str) -> str:
    return "-".join(_name_tokens(text)) or "unnamed"


_TITLE_CUT = frozenset({"of", "to", "for", "at", "on", "in", "with", "from"})


def _role_head(title: str) -> str | None:
    """The head noun of a title: "US envoy to Russia" -> "envoy"."""
    toks = [t for t in _SPLIT.split(title.casefold().translate(_APOSTROPHES)) if t]
    for i, tok in enumerate(toks):
        if tok in _TITLE_CUT:
            toks = toks[:i] or toks[i + 1 :]
            break
    return toks[-1] if toks else None


_GivenRelation = Literal["same", "compatible", "conflict", "missing"]


def _given_relation(a: str | None, b: str | None) -> _GivenRelation:
    if not a or not b:
        return "missing"
    if a == b:
        return "same"
    if (len(a) <= 2 or len(b) <= 2) and a[0] == b[0]:
        return "compatible"  # initials
    if a.startswith(b) or b.startswith(a):
        return "compatible"  # Steve / Steven, Alex / Alexander
    return "conflict"


# ------------------------------------------------------------------------------- records


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
        kind: ``position``, ``statement``, ``proposal`` or ``claim``.
        item: the model object.
        actor: who holds / said / proposes / claims it, resolved across the corpus.
    """

    date: dt.date | None
    dated_by: DatedBy | None
    article: str
    kind: TimelineKind
    item: Position | Statement | Proposal | TerritorialClaim
    actor: CorpusActor | None

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
                    item.proposal_id,
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
        claimant = who or item.claimant.name
        return f"{claimant} {item.kind.value} {item.territory.name}: {item.text}"


# ------------------------------------------------------------------------------- resolution


@attrs.frozen(kw_only=True)
class _Node:
    """One article-level actor."""

    seq: int
    key: str
    actor: Actor
    written: str  # the name as the article writes it (persons)


def _family(kind: ActorKind) -> str:
    if kind is ActorKind.PERSON:
        return "person"
    if kind is ActorKind.STATE:
        return "state"
    return "body"  # organisations, government bodies, groups, media, unknown


def _is_anonymous(actor: Actor) -> bool:
    return actor.anonymous or actor.id.startswith("anon:")


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})


def _is_proper(alias: str) -> bool:
    """False for generic descriptions ("the ministry") that name nothing in particular."""
    words = [w for w in alias.split() if w.casefold() not in _DETERMINERS]
    return bool(words) and not words[0][:1].islower()


def _written_name(actor: Actor, text: str) -> str:
    """The full name the article itself uses for a person (its mentions), else ``actor.name``.

    A gazetteer may have given the actor a canonical name the text never uses; what the text
    writes is the evidence that decides cross-article identity.
    """
    if actor.kind is not ActorKind.PERSON:
        return actor.name
    name_toks = _name_tokens(actor.name)
    surname = name_toks[-1] if name_toks else ""
    surfaces: Counter[str] = Counter()
    for span in actor.mentions:
        surface = " ".join(span.of(text).split())
        toks = _name_tokens(surface)
        if len(toks) >= 2 and toks[-1] == surname:
            surfaces[surface] += 1
    if not surfaces or any(name_key(s) == " ".join(name_toks) for s in surfaces):
        return actor.name
    return max(surfaces.items(), key=lambda kv: (kv[1], len(kv[0])))[0]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            # The earlier node stays the root so results do not depend on union order.
            lo, hi = sorted((ri, rj))
            self.parent[hi] = lo


@attrs.frozen(kw_only=True)
class _Group:
    """A provisional entity: the facts the candidate rule compares."""

    nodes: tuple[int, ...]
    surname: str
    given: str | None
    countries: frozenset[str]
    heads: frozenset[str]
    articles: frozenset[str]
    ids: frozenset[str]


def _person_group(nodes: list[_Node], members: list[int]) -> _Group:
    written = Counter(name_key(nodes[i].written) for i in members)
    full = [k for k in written if len(k.split()) >= 2]
    best = max(full or list(written), key=lambda k: (written[k], len(k)))
    toks = best.split()
    countries = {nodes[i].actor.country for i in members if nodes[i].actor.country}
    if not countries:
        countries = {r.country for i in members for r in nodes[i].actor.roles if r.country}
    heads = {h for i in members for r in nodes[i].actor.roles if (h := _role_head(r.title))}
    return _Group(
        nodes=tuple(members),
        surname=toks[-1] if toks else "",
        given=toks[0] if len(toks) >= 2 else None,
        countries=frozenset(c for c in countries if c),
        heads=frozenset(heads),
        articles=frozenset(nodes[i].key for i in members),
        ids=frozenset(nodes[i].actor.id for i in members),
    )


def _match_score(a: _Group, b: _Group) -> tuple[float, str] | None:
    """How likely two same-surname person groups are one person; None if the evidence
    says they are not (different countries, or side by side in one article)."""
    if a.countries and b.countries and not (a.countries & b.countries):
        return None
    if a.articles & b.articles:
        return None  # one article told them apart
    reasons = [f"same surname {a.surname!r}"]
    score = 0.4
    rel = _given_relation(a.given, b.given)
    if rel == "same":
        return None  # not a candidate: same full name merges elsewhere
    if rel == "conflict":
        reasons.append(f"given names differ ({a.given} / {b.given})")
    elif rel == "compatible":
        score += 0.2
        reasons.append(f"compatible given names ({a.given} / {b.given})")
    else:
        score += 0.1
        reasons.append("one gives no given name")
    if a.countries and b.countries:
        score += 0.2
        reasons.append(f"same country {', '.join(sorted(a.countries & b.countries))}")
    else:
        score += 0.05
    if a.heads and b.heads:
        shared = a.heads & b.heads
        if shared:
            score += 0.3
            reasons.append(f"same role ({', '.join(sorted(shared))})")
        else:
            score -= 0.2
            reasons.append(
                f"different roles ({', '.join(sorted(a.heads))} / {', '.join(sorted(b.heads))})"
            )
    else:
        score += 0.05
    if a.ids & b.ids:
        reasons.append(f"the parser gave both the id {sorted(a.ids & b.ids)[0]}")
    return round(min(1.0, max(0.0, score)), 2), "; ".join(reasons)


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    # Counter keeps first-seen order among ties, so the earliest article wins a tie.
    return counts.most_common(1)[0][0]


def _dedup(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


@attrs.frozen(kw_only=True)
class _Resolution:
    actors: tuple[CorpusActor, ...]
    by_member: dict[tuple[str, str], CorpusActor]
    territories: tuple[CorpusTerritory, ...]
    terr_by_member: dict[tuple[str, str], CorpusTerritory]
    candidates: tuple[MergeCandidate, ...]
    # Each actor's names as token lists, computed once: lookups by name are frequent.
    tokens: tuple[tuple[CorpusActor, tuple[tuple[str, ...], ...]], ...]


def _country_parts(nodes: list[_Node], members: list[int]) -> list[list[int]]:
    """Split nodes that would merge by countries: if two countries are stated they are
    different actors (Ahmed Hassan of Sudan, Ahmed Hassan of Egypt); nodes stating none then
    fit either and join neither."""
    by_country: dict[str | None, list[int]] = defaultdict(list)
    for i in members:
        by_country[nodes[i].actor.country].append(i)
    if sum(1 for c in by_country if c is not None) <= 1:
        return [members]
    return [m for c, m in by_country.items() if c is not None] + [
        [i] for i in by_country.get(None, [])
    ]


def _union_by_given_name(uf: _UnionFind, nodes: list[_Node], members: list[int]) -> None:
    """Union one id's person nodes whose texts' given names agree."""
    clusters: list[tuple[str, list[int]]] = []
    bare: list[int] = []
    for i in members:
        toks = _name_tokens(nodes[i].written)
        if len(toks) < 2:
            bare.append(i)
            continue
        for cgiven, cmembers in clusters:
            if _given_relation(toks[0], cgiven) != "conflict":
                cmembers.append(i)
                break
        else:
            clusters.append((toks[0], [i]))
    if len(clusters) <= 1:
        clusters = [("", [*(clusters[0][1] if clusters else []), *bare])]
    elif bare:
        # A bare surname under an id whose texts disagree on the given name could be
        # either person: it stays apart (step 4 lists it as a candidate).
        clusters.append(("", bare))
    for _, cmembers in clusters:
        for j in cmembers[1:]:
            uf.union(cmembers[0], j)


def _resolve_actors(
    entries: list[CorpusArticle], threshold: float
) -> tuple[tuple[CorpusActor, ...], dict[tuple[str, str], CorpusActor], tuple[MergeCandidate, ...]]:
    nodes: list[_Node] = []
    for entry in entries:
        for actor in entry.article.actors:
            nodes.append(
                _Node(
                    seq=entry.seq,
                    key=entry.key,
                    actor=actor,
                    written=_written_name(actor, entry.article.text),
                )
            )
    uf = _UnionFind(len(nodes))
    named = [i for i, n in enumerate(nodes) if not _is_anonymous(n.actor)]

    # 1. Same id.  For people, only when the texts' given names agree: a gazetteer or surname
    # lookup may have put two differently named people under one id.
    by_id: dict[str, list[int]] = defaultdict(list)
    for i in named:
        by_id[nodes[i].actor.id].append(i)
    for same_id in by_id.values():
        if nodes[same_id[0]].actor.kind is not ActorKind.PERSON:
            for j in same_id[1:]:
                uf.union(same_id[0], j)
            continue
        for members in _country_parts(nodes, same_id):
            _union_by_given_name(uf, nodes, members)

    # 2. Same Wikidata id.
    by_wd: dict[str, int] = {}
    for i in named:
        wd = nodes[i].actor.wikidata
        if wd:
            uf.union(by_wd.setdefault(wd, i), i)

    # 3. Same normalised name (and no contradicting countries).  People: full names only (a
    # bare surname is not an identity), never an alias whose given name contradicts the name
    # the text writes.  Bodies: generic aliases ("the ministry") do not count.
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in named:
        node = nodes[i]
        fam = _family(node.actor.kind)
        keys: list[str] = []
        if fam == "person":
            wtoks = _name_tokens(node.written)
            if len(wtoks) >= 2:
                keys.append(" ".join(wtoks))
                for alias in node.actor.names:
                    atoks = _name_tokens(alias)
                    if (
                        len(atoks) >= 2
                        and atoks[-1] == wtoks[-1]
                        and _given_relation(atoks[0], wtoks[0]) == "same"
                    ):
                        keys.append(" ".join(atoks))
        else:
            names = [node.actor.name, *(a for a in node.actor.aliases if _is_proper(a))]
            keys.extend(k for k in (name_key(n) for n in names) if k)
            if fam == "state" and node.actor.country:
                keys.append(f"country:{node.actor.country}")
        for k in dict.fromkeys(keys):
            by_key[(fam, k)].append(i)
    for members in by_key.values():
        for part in _country_parts(nodes, members):
            for j in part[1:]:
                uf.union(part[0], j)

    # 4. Provisional person groups; bare surnames join the one full name that fits.
    def groups() -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in named:
            out[uf.find(i)].append(i)
        return out

    person_groups = {
        root: _person_group(nodes, members)
        for root, members in groups().items()
        if nodes[members[0]].actor.kind is ActorKind.PERSON
    }
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    for g in person_groups.values():
        by_surname[g.surname].append(g)
    for same in by_surname.values():
        bare_groups = [g for g in same if g.given is None]
        full = [g for g in same if g.given is not None]
        for g in bare_groups:
            fitting = [f for f in full if _match_score(g, f) is not None]
            if len(fitting) == 1 and (_match_score(g, fitting[0]) or (0.0, ""))[0] >= threshold:
                uf.union(fitting[0].nodes[0], g.nodes[0])

    # 5. Build the entities.  An id claimed by several entities goes to the one whose text
    # writes the parser's canonical name; the others are named after what their texts write.
    final = groups()
    ordered = sorted(final.values(), key=min)
    preferred: list[str] = []
    claimants: dict[str, list[int]] = defaultdict(list)
    for gi, members in enumerate(ordered):
        votes = Counter({(nodes[i].key, nodes[i].actor.id): 1 for i in members})
        eid = Counter(aid for _, aid in votes).most_common(1)[0][0]
        preferred.append(eid)
        claimants[eid].append(gi)
    owner: dict[str, int] = {}
    for eid, gis in claimants.items():
        owner[eid] = next(
            (
                gi
                for gi in gis
                if any(
                    name_key(nodes[i].written) == name_key(nodes[i].actor.name)
                    for i in ordered[gi]
                    if nodes[i].actor.id == eid
                )
            ),
            gis[0],
        )
    taken: set[str] = set(claimants)  # owners keep their ids; others must not take them
    by_member: dict[tuple[str, str], CorpusActor] = {}
    placed: list[tuple[int, CorpusActor]] = []
    root_entity: dict[int, CorpusActor] = {}
    for gi, members in enumerate(ordered):
        eid = preferred[gi]
        ent = _make_actor(nodes, members, eid if owner[eid] == gi else None, taken)
        taken.add(ent.id)
        placed.append((min(members), ent))
        root_entity[uf.find(members[0])] = ent
        for i in members:
            by_member[(nodes[i].key, nodes[i].actor.id)] = ent
    for i, node in enumerate(nodes):
        if _is_anonymous(node.actor):
            # Two articles' "a Western diplomat" are not known to be one person.
            aid = f"{node.actor.id}@{node.key[:12]}"
            ent = CorpusActor(
                id=aid,
                actor=attrs.evolve(node.actor, id=aid, mentions=()),
                members=((node.key, node.actor),),
            )
            placed.append((i, ent))
            by_member[(node.key, node.actor.id)] = ent
    placed.sort(key=lambda pe: pe[0])
    actors = [ent for _, ent in placed]

    # 6. Candidates between the final person entities.
    final_groups = [
        (root_entity[root], _person_group(nodes, members))
        for root, members in final.items()
        if nodes[members[0]].actor.kind is ActorKind.PERSON
    ]
    surname_index: dict[str, list[tuple[CorpusActor, _Group]]] = defaultdict(list)
    for ent, g in final_groups:
        surname_index[g.surname].append((ent, g))
    candidates: list[MergeCandidate] = []
    for namesakes in surname_index.values():
        namesakes.sort(key=lambda eg: min(eg[1].nodes))
        for x, (ea, ga) in enumerate(namesakes):
            for eb, gb in namesakes[x + 1 :]:
                scored = _match_score(ga, gb)
                if scored is not None and scored[0] >= threshold:
                    candidates.append(MergeCandidate(a=ea, b=eb, score=scored[0], reason=scored[1]))
    candidates.sort(key=lambda c: (-c.score, c.a.id, c.b.id))
    return tuple(actors), by_member, tuple(candidates)


def _make_actor(
    nodes: list[_Node], members: list[int], eid: str | None, taken: set[str]
) -> CorpusActor:
    acts = [nodes[i].actor for i in members]
    person = acts[0].kind is ActorKind.PERSON
    # One vote per article: an actor named twice in one article is not twice the evidence.
    per_article = list({(nodes[i].key, nodes[i].actor.id): nodes[i] for i in members}.values())
    if person:
        written = [n.written for n in per_article]
        full = [w for w in written if len(_name_tokens(w)) >= 2] or written
        name = max(
            Counter(full).items(),
            key=lambda kv: (kv[1], -full.index(kv[0])),
        )[0]
    else:
        name = _most_common(n.actor.name for n in per_article) or acts[0].name
    if eid is None:
        first = acts[0].id
        prefix = first.split(":", 1)[0] if ":" in first else "person"
        base = f"{prefix}:{_slug(name)}"
        eid, n = base, 2
        while eid in taken:
            eid, n = f"{base}-{n}", n + 1
    name_toks = _name_tokens(name)

    def fits(alias: str) -> bool:
        if not person or len(name_toks) < 2:
            return True
        atoks = _name_tokens(alias)
        return not (
            len(atoks) >= 2
            and atoks[-1] == name_toks[-1]
            and _given_relation(atoks[0], name_toks[0]) == "conflict"
        )

    aliases = _dedup(
        n
        for a, node in zip(acts, (nodes[i] for i in members), strict=True)
        for n in (node.written, *a.names)
        if n != name and fits(n)
    )
    roles = tuple(dict.fromkeys(r for a in acts for r in a.roles))
    kind = Counter(a.kind for a in acts).most_common(1)[0][0]
    canonical = Actor(
        id=eid,
        name=name,
        kind=kind,
        aliases=aliases,
        roles=roles,
        country=_most_common(a.country or "" for a in acts),
        wikidata=next((a.wikidata for a in acts if a.wikidata), None),
        anonymous=any(a.anonymous for a in acts),
        description=next((a.description for a in acts if a.description), None),
    )
    return CorpusActor(
        id=eid,
        actor=canonical,
        members=tuple((nodes[i].key, nodes[i].actor) for i in members),
    )


def _resolve_territories(
    entries: list[CorpusArticle],
) -> tuple[tuple[CorpusTerritory, ...], dict[tuple[str, str], CorpusTerritory]]:
    items: list[tuple[str, Territory]] = [
        (e.key, t) for e in entries for t in e.article.territories
    ]
    uf = _UnionFind(len(items))
    index: dict[str, int] = {}
    for i, (_, terr) in enumerate(items):
        keys = [f"id:{terr.id}"]
        if terr.code:
            keys.append(f"id:{terr.code}")
        else:
            # Areas without a code meet by name (Donbas / Donbass do not; Gaza Strip does).
            keys.extend(f"name:{k}" for k in (name_key(n) for n in terr.names) if k)
        for k in keys:
            uf.union(index.setdefault(k, i), i)
    grouped: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        grouped[uf.find(i)].append(i)
    out: list[CorpusTerritory] = []
    by_member: dict[tuple[str, str], CorpusTerritory] = {}
    for members in sorted(grouped.values(), key=min):
        terrs = [items[i][1] for i in members]
        coded = [t for t in terrs if t.code]
        tid = (coded[0].code if coded else None) or terrs[0].id
        name = _most_common(t.name for t in terrs) or terrs[0].name
        canonical = Territory(
            id=tid,
            name=name,
            code=coded[0].code if coded else None,
            kind=Counter(t.kind for t in terrs).most_common(1)[0][0],
            aliases=_dedup(n for t in terrs for n in t.names if n != name),
            parent=next((t.parent for t in terrs if t.parent), None),
            members=_dedup(m for t in terrs for m in t.members),
        )
        ent = CorpusTerritory(id=tid, territory=canonical, members=tuple(items[i] for i in members))
        out.append(ent)
        for i in members:
            by_member[(items[i][0], items[i][1].id)] = ent
    return tuple(out), by_member


# ------------------------------------------------------------------------------- the corpus


def _effective_date(
    own: TextDate | None, published: dt.date | None
) -> tuple[dt.date | None, DatedBy | None]:
    if own is not None and own.value is not None:
        return own.value, "text"
    if published is not None:
        return published, "published"
    return None, None


_KIND_ORDER: dict[str, int] = {"claim": 0, "proposal": 1, "position": 2, "statement": 3}


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
        return next((t for t in self.territories if t.is_named(name)), None)

    def _actor_set(self, actor: CorpusActor | Actor | str) -> set[str]:
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

    def statements_by(self, actor: CorpusActor | Actor | str) -> tuple[CorpusStatement, ...]:
        """Statements by ``actor`` in every article, in date order (as
        [`timeline`][conflictmodel.corpus.Corpus.timeline] orders them).

        ``actor`` is a CorpusActor, an article-level Actor, an id, a name, an alias or a surname
        (a surname shared by several people returns the statements of each).

        Example:
            >>> Corpus().statements_by("Peskov")
            ()
        """
        wanted = self._actor_set(actor)
        found = [s for s in self.statements() if s.speaker is not None and s.speaker.id in wanted]
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

    def _mentions_territory(self, key: str, span: Span, wanted: set[tuple[str, str]]) -> bool:
        for terr in self.article(key).territories:
            if (key, terr.id) in wanted and any(span.contains(m) for m in terr.mentions):
                return True
        return False

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
        statements whose quoted or reported content mentions it.
        For a **provision** kind: positions on it (directly or through a proposal that has
        it), proposals that have it, and statements inside the text of such a provision.
        Given both, an item must match both. A statement that is already the evidence of a
        listed position is not listed again.

        Dates: the item's own resolved date (for claims the ``since`` date), else the article's
        publication date, else the item is undated. Undated items come last; ties keep corpus
        order (article added first, then position in the text).

        Raises:
            InputError: neither ``territory`` nor ``provision`` is given, or ``provision`` is
                not a provision kind.

        Example:
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
        out: list[TimelineEntry] = []
        by_article: dict[str, list[CorpusPosition]] = defaultdict(list)
        for rec in self.positions():
            by_article[rec.article].append(rec)
        for entry in self._entries.values():
            key, art = entry.key, entry.article
            kind_props = {p.id for p in art.proposals if kind in p.provision_kinds}
            terr_props = (
                {
                    p.id
                    for p in art.proposals
                    if any((key, t.id) in terr for t in p.territories)
                    or self._mentions_territory(key, p.span, terr)
                }
                if terr is not None
                else set()
            )
            covered: set[str] = set()
            for rec in by_article[key]:
                pos = rec.position
                on_terr = terr is None or (
                    (pos.territory is not None and (key, pos.territory.id) in terr)
                    or pos.proposal_id in terr_props
                    or self._mentions_territory(key, pos.span, terr)
                )
                on_kind = kind is None or pos.provision is kind or pos.proposal_id in kind_props
                if on_terr and on_kind:
                    out.append(
                        TimelineEntry(
                            date=rec.date,
                            dated_by=rec.dated_by,
                            article=key,
                            kind="position",
                            item=pos,
                            actor=rec.actor,
                        )
                    )
                    if pos.statement is not None:
                        covered.add(pos.statement.id)
            if kind is None and terr is not None:
                for claim in art.claims:
                    if (key, claim.territory.id) in terr:
                        date, by = _effective_date(claim.since, art.published)
                        out.append(
                            TimelineEntry(
                                date=date,
                                dated_by=by,
                                article=key,
                                kind="claim",
                                item=claim,
                                actor=self.resolve(key, claim.claimant),
                            )
                        )
            provision_spans: list[Span] = []
            for p in art.proposals:
                if kind is not None and kind not in p.provision_kinds:
                    continue
                if terr is not None and not (
                    any((key, t.id) in terr for t in p.territories)
                    or self._mentions_territory(key, p.span, terr)
                ):
                    continue
                rec_p = self._proposal_record(key, p)
                provision_spans.extend(v.span for v in p.provisions if v.kind is kind)
                out.append(
                    TimelineEntry(
                        date=rec_p.date,
                        dated_by=rec_p.dated_by,
                        article=key,
                        kind="proposal",
                        item=p,
                        actor=rec_p.proposer,
                    )
                )
            for s in art.statements:
                if s.id in covered:
                    continue
                if terr is not None and not self._mentions_territory(key, s.span, terr):
                    continue
                if kind is not None and not any(s.span.overlaps(v) for v in provision_spans):
                    continue
                date, by = _effective_date(s.date, art.published)
                out.append(
                    TimelineEntry(
                        date=date,
                        dated_by=by,
                        article=key,
                        kind="statement",
                        item=s,
                        actor=self.resolve(key, s.speaker) if s.speaker else None,
                    )
                )
        out.sort(key=lambda e: self._order(e.article, e.date, e.span.start, e.kind))
        return tuple(out)


def _provision_kind(value: ProvisionKind | str) -> ProvisionKind:
    if isinstance(value, ProvisionKind):
        return value
    try:
        return ProvisionKind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in ProvisionKind)
        raise InputError(f"{value!r} is not a provision kind; expected one of {allowed}") from None
