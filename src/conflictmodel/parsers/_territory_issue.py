"""Which locations of an article are at issue: the decision of the ``territories`` stage.

[`TerritoryParser`][conflictmodel.parsers.territories.TerritoryParser] makes one candidate per
mention, with the tier of the cue its own words give it
([`IssueCues`][conflictmodel.parsers.places.IssueCues]); this module settles what is at issue
from all of them together: names of one list share a cue, a sentence cue or a cue on a plural
place noun reaches the names of its sentence, a state is at issue when one of its territories
changes hands.  Kept apart from the stage so that each module reads as one concern.

Example:
    >>> from conflictmodel.gazetteer import Gazetteer
    >>> gz = Gazetteer.default()
    >>> iso_parent(gz, gz.territories["area:stepanakert"])
    'AZ'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping

import attrs

from conflictmodel._validators import country_codes, subdivision_codes
from conflictmodel.context import ParseContext
from conflictmodel.gazetteer import Gazetteer
from conflictmodel.model.places import PlaceRole
from conflictmodel.model.span import Span
from conflictmodel.model.territories import Territory, TerritoryKind
from conflictmodel.parsers.places import MILITARY, SOVEREIGNTY, IssueCues, is_dateline, stronger

__all__ = [
    "Candidate",
    "country_of",
    "decide",
    "is_iso_code",
    "iso_parent",
    "mutual_sovereignty",
    "own_sovereignty",
]


def is_iso_code(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 or ISO 3166-2 code.

    Example:
        >>> is_iso_code("UA-14"), is_iso_code("area:donbas")
        (True, False)
    """
    return code in country_codes() or code in subdivision_codes()


@attrs.define
class Candidate:
    """One mention of a location, with what its words say about it."""

    terr: Territory
    span: Span
    via: str
    tier: str | None
    role: PlaceRole
    sentence: int
    # Whether later stages see it in ctx.territories even when not at issue: every location the
    # gazetteer lists (as before places existed), but not a seat of government used as a place
    # away from fighting, nor a GeoNames city ("recognised government based in Tripoli" is
    # not a territory a provision may take).
    listed: bool = True
    # Whether its cue moves it from one state to another (recognised, ceded, annexed).
    transfer: bool = False
    # A region found automatically in ISO 3166-2 named away from fighting: kept only if at
    # issue (a list it belongs to may be).
    contextual: bool = False


def iso_parent(gz: Gazetteer, terr: Territory) -> str | None:
    """The ISO 3166-2 (else ISO 3166-1) code of the region or state ``terr`` lies in: its
    parent, or the nearest ancestor with an ISO code (Stepanakert → Nagorno-Karabakh → AZ).

    Example:
        >>> gz = Gazetteer.default()
        >>> iso_parent(gz, gz.territories["area:kramatorsk"]), iso_parent(gz, gz.territories["UA-14"])
        ('UA-14', 'UA')
    """
    seen: set[str] = {terr.id}
    parent = terr.parent
    while parent and parent not in seen:
        seen.add(parent)
        if is_iso_code(parent):
            return parent
        up = gz.territories.get(parent)
        parent = up.parent if up is not None else None
    if terr.code and "-" in terr.code:
        return terr.code.split("-", 1)[0]
    return None


def country_of(gz: Gazetteer, terr: Territory) -> str | None:
    if terr.kind is TerritoryKind.COUNTRY:
        return terr.code
    if terr.code:
        return terr.code.split("-", 1)[0]
    parent = iso_parent(gz, terr)
    return parent.split("-", 1)[0] if parent else None


def _chains(cues: IssueCues, text: str, cands: list[Candidate]) -> list[list[Candidate]]:
    """Candidates grouped into lists ("Crimea, Donetsk and Luhansk"), in text order."""
    chains: list[list[Candidate]] = []
    for c in sorted(cands, key=lambda c: (c.span.start, c.span.end)):
        if chains:
            last = chains[-1][-1]
            if last.sentence == c.sentence and cues.continues_list(
                text, last.span.end, c.span.start
            ):
                chains[-1].append(c)
                continue
        chains.append([c])
    return chains


def decide(
    ctx: ParseContext,
    gz: Gazetteer,
    cues: IssueCues,
    cands: list[Candidate],
    actor_countries: dict[str, Span],
    states: list[tuple[Span, Territory]] | None = None,
) -> dict[str, str]:
    """Which territories are at issue, with the strongest tier of the cues that say so.

    A name in a list shares the list's strongest cue; a sentence cue ("the reunification of
    the island") puts the countries of its sentence at issue, a cue on a plural place noun
    ("annexed four regions") its regions.  A state is at issue by its own words (its
    sovereignty, integrity, borders), or when one of its territories changes hands (recognised,
    ceded, annexed, breakaway: its integrity is at stake), where the text names it; then a
    region of it with its own ISO code where an event happened is at issue too.  Occupied or
    captured ground does not put its whole state at issue.
    """
    _share_list_cues(cues, ctx.text, cands)
    _sentence_cues(ctx, cues, cands)
    tiers: dict[str, str] = {}
    for c in cands:
        if c.role is PlaceRole.DATELINE:
            c.tier = None  # a dateline says where the story was filed, never what is at issue
        if c.tier:
            tiers[c.terr.id] = stronger(tiers.get(c.terr.id), c.tier) or c.tier
    _lists_at_issue(ctx, cues, cands, tiers)
    _anaphors_at_issue(ctx, cues, cands, tiers, states or [])
    _disputed_at_issue(cues, cands, tiers)
    changing = _states_at_issue(gz, cands, tiers, actor_countries)
    for c in cands:
        code = c.terr.code
        if (
            c.role is PlaceRole.EVENT_LOCATION
            and code
            and "-" in code
            and c.terr.id not in tiers
            and code.split("-", 1)[0] in changing
        ):
            # Only a state whose land changes hands: strikes on Lebanon's Bekaa in an article
            # about Lebanon's sovereignty being violated do not make the Bekaa contested.
            tiers[c.terr.id] = MILITARY
    return tiers


def _lists_at_issue(
    ctx: ParseContext, cues: IssueCues, cands: list[Candidate], tiers: dict[str, str]
) -> None:
    """An enumeration of regions that the sentence before announces with a cue on a plural
    place noun ("Russia claims four regions. They are Donetsk, Luhansk, ...") is at issue.  Not
    for lists of countries, nor where the list has a role of its own (strikes on, talks in)."""
    text = ctx.text
    for chain in _chains(cues, text, cands):
        if len(chain) < 2 or any(
            c.role is not PlaceRole.OTHER or c.terr.kind is TerritoryKind.COUNTRY for c in chain
        ):
            continue
        if any(c.terr.id in tiers for c in chain) or not ctx.sentences:
            continue
        sent = ctx.sentence_of(chain[0].span.start)
        j = sent.start - 1 if sent is not None else -1
        while j > 0 and text[j].isspace():
            j -= 1
        prev = ctx.sentence_of(j) if j >= 0 else None
        tier = None
        if prev is not None and prev.end <= chain[0].span.start:
            tier = cues.collective_cue(text, prev.start, prev.end)
        if tier is not None:
            for c in chain:
                tiers.setdefault(c.terr.id, MILITARY)


def _disputed_at_issue(cues: IssueCues, cands: list[Candidate], tiers: dict[str, str]) -> None:
    """A territory whose sovereignty is itself disputed (kind ``disputed_area``, or listed in
    ``disputed_territories``: Crimea, Abkhazia, Kosovo ...) is at issue where the article
    names it other than as a venue, a dateline, an origin or the place of an event: its status
    is what any mention of it in conflict news is about ("Transnistria's leader said",
    "elections in Abkhazia"), while "a drone hit a depot in Crimea" only locates a strike."""
    for c in cands:
        if c.role is not PlaceRole.OTHER or c.via == "demonym" or c.contextual:
            continue
        if c.terr.kind is TerritoryKind.DISPUTED_AREA or c.terr.id in cues.disputed:
            tiers.setdefault(c.terr.id, MILITARY)


# How far back a place noun ("the territory") looks for the location it stands for.
_ANAPHOR_REACH = 400
_TOWN_NOUNS = frozenset({"town", "city"})


def _anaphors_at_issue(
    ctx: ParseContext,
    cues: IssueCues,
    cands: list[Candidate],
    tiers: dict[str, str],
    states: list[tuple[Span, Territory]],
) -> None:
    """A place noun governed by a cue ("Both countries claim the territory", "troops pulled
    out of the enclave") puts at issue the last location named before it (not a country, a
    dateline or a venue; a town or city only for "the town"/"the city"; the state named last
    for "the island": "Cyprus ... the island has been divided"), within ``_ANAPHOR_REACH``
    characters.  One pass over the text, a bisect per noun."""
    spans = cues.anaphors(ctx.text)
    if not spans:
        return
    text = ctx.text
    state_ends = [span.end for span, _ in states]
    named = sorted(
        (
            c
            for c in cands
            if c.terr.kind is not TerritoryKind.COUNTRY
            and not c.contextual
            and c.role not in (PlaceRole.DATELINE, PlaceRole.VENUE)
        ),
        key=lambda c: c.span.start,
    )
    ends = [c.span.end for c in named]
    for start, end in spans:
        sent = ctx.sentence_of(start) if ctx.sentences else None
        floor = sent.start if sent is not None else max(0, text.rfind("\n", 0, start))
        tier = cues.issue_cue(text, floor, start, end)
        if tier is None:
            continue
        noun = text[start:end].casefold()
        if noun == "island" and _island_state(states, state_ends, start, tier, cands, tiers):
            continue
        c = _antecedent(named, ends, start, noun in _TOWN_NOUNS)
        if c is not None:
            # Not its state: "demanded that Kyiv cede the rest of the region" puts the region
            # at issue; readers differ on whether the state is (the held-out sets say not).
            tiers[c.terr.id] = stronger(tiers.get(c.terr.id), tier) or tier


def _antecedent(
    named: list[Candidate], ends: list[int], start: int, town: bool
) -> Candidate | None:
    """The last location named within reach before ``start``: not a city unless the noun is
    "the town" or "the city"."""
    k = bisect.bisect_right(ends, start) - 1
    while k >= 0 and start - named[k].span.end <= _ANAPHOR_REACH:
        if town or named[k].terr.kind is not TerritoryKind.CITY:
            return named[k]
        k -= 1
    return None


def _island_state(
    states: list[tuple[Span, Territory]],
    ends: list[int],
    start: int,
    tier: str,
    cands: list[Candidate],
    tiers: dict[str, str],
) -> bool:
    """ "The island" standing for an island state named just before ("Cyprus ... the island
    has been divided since 1974"): that state is at issue.  Whether one was found."""
    k = bisect.bisect_right(ends, start) - 1
    if k < 0 or start - ends[k] > _ANAPHOR_REACH:
        return False
    span, terr = states[k]
    if terr.id not in tiers:
        cands.append(
            Candidate(
                terr=terr, span=span, via="name", tier=tier, role=PlaceRole.OTHER, sentence=-1
            )
        )
    tiers[terr.id] = stronger(tiers.get(terr.id), tier) or tier
    return True


def mutual_sovereignty(
    ctx: ParseContext,
    cues: IssueCues,
    cands: list[Candidate],
    states: list[tuple[Span, Territory]],
) -> None:
    """States whose sovereignty their sentence speaks of together ("the two countries agreed
    to recognise each other's territorial integrity"): every state the sentence names, or,
    when it names fewer than two, those of the sentence before too."""
    if not ctx.sentences:
        return
    by_sentence: dict[int, list[tuple[Span, Territory]]] = {}
    for span, terr in states:
        sent = ctx.sentence_of(span.start)
        if sent is not None:
            by_sentence.setdefault(sent.start, []).append((span, terr))
    text = ctx.text
    first: dict[str, Candidate] = {}
    for c in cands:
        if c.role is not PlaceRole.DATELINE:  # "YEREVAN, Armenia —" says where, not what
            first.setdefault(c.terr.id, c)
    for i, sent in enumerate(ctx.sentences):
        if cues.mutual_sovereignty(text, sent.start, sent.end) is None:
            continue
        named = [
            (span, terr)
            for span, terr in by_sentence.get(sent.start, [])
            if not is_dateline(text, span.start, span.end)
        ]
        if len({t.id for _, t in named}) < 2 and i > 0:
            named = by_sentence.get(ctx.sentences[i - 1].start, []) + named
        for span, terr in named:
            found = first.get(terr.id)
            if found is not None:
                found.tier = SOVEREIGNTY
                continue
            new = Candidate(
                terr=terr,
                span=span,
                via="name",
                tier=SOVEREIGNTY,
                role=PlaceRole.OTHER,
                sentence=sent.start,
            )
            cands.append(new)
            first[terr.id] = new


def _states_at_issue(
    gz: Gazetteer,
    cands: list[Candidate],
    tiers: dict[str, str],
    actor_countries: dict[str, Span],
) -> set[str]:
    """The state of a territory that changes hands, where the text names it (as a place, or
    only as an actor: then its first mention is the evidence); returns those states."""
    by_id = {c.terr.id: c.terr for c in cands}
    changing: set[str] = set()
    for c in list(cands):
        if not c.transfer:
            continue
        country = country_of(gz, c.terr)
        if not country or country == c.terr.id or country not in gz.territories:
            continue
        if country not in by_id:
            span = actor_countries.get(country)
            if span is None:
                continue
            state = gz.territories[country]
            cands.append(
                Candidate(
                    terr=state,
                    span=span,
                    via="name",
                    tier=MILITARY,
                    role=PlaceRole.OTHER,
                    sentence=-1,
                )
            )
            by_id[country] = state
        tiers.setdefault(country, MILITARY)
        changing.add(country)
    return changing


def own_sovereignty(
    ctx: ParseContext,
    cues: IssueCues,
    cands: list[Candidate],
    states: list[tuple[Span, Territory]],
) -> None:
    """A state whose own sovereignty its sentence speaks of ("Guyana called the move a threat
    to its sovereignty"): the first state the sentence names before that phrase, its subject,
    or the state a relative clause holding the phrase is about ("alarming Eritrea, which
    fears for its sovereignty").  One search per sentence that names a state."""
    if not ctx.sentences:
        return
    text = ctx.text
    by_sentence: dict[int, list[tuple[Span, Territory]]] = {}
    sentences: dict[int, Span] = {}
    for span, terr in states:
        sent = ctx.sentence_of(span.start)
        if sent is not None and not is_dateline(text, span.start, span.end):
            by_sentence.setdefault(sent.start, []).append((span, terr))
            sentences[sent.start] = sent
    # The first candidate of each (territory, sentence), looked up instead of scanned for.
    first: dict[tuple[str, int], Candidate] = {}
    for c in cands:
        if c.role is not PlaceRole.DATELINE:
            first.setdefault((c.terr.id, c.sentence), c)

    def at_issue(span: Span, terr: Territory, sent: int) -> None:
        found = first.get((terr.id, sent))
        if found is not None:
            found.tier = SOVEREIGNTY
            return
        new = Candidate(
            terr=terr, span=span, via="name", tier=SOVEREIGNTY, role=PlaceRole.OTHER, sentence=sent
        )
        cands.append(new)
        first[(terr.id, sent)] = new

    for key, named in by_sentence.items():
        sent = sentences[key]
        subject = _own_subject(cues, text, named, sent)
        if subject is not None:
            at_issue(subject[0], subject[1], key)
    _country_named_before(ctx, cues, states, by_sentence, at_issue)


# How far back "the country" looks for the state it stands for.
_COUNTRY_REACH = 600


def _country_named_before(
    ctx: ParseContext,
    cues: IssueCues,
    states: list[tuple[Span, Territory]],
    by_sentence: Mapping[int, list[tuple[Span, Territory]]],
    at_issue: Callable[[Span, Territory, int], None],
) -> None:
    """ "The government would never accept the balkanisation of the country", in a sentence
    that names no state: the country meant is the first state named in the last sentence
    before it that names one ("... a partition of Sudan along the lines of Libya. They will
    never accept the division of the country": Sudan)."""
    text = ctx.text
    named = [(span, terr) for span, terr in states if not is_dateline(text, span.start, span.end)]
    ends = [span.end for span, _ in named]
    for at in cues.country_sovereignty(text):
        sent = ctx.sentence_of(at)
        if sent is None or sent.start in by_sentence:
            continue
        k = bisect.bisect_right(ends, sent.start) - 1
        if k < 0 or at - named[k][0].end > _COUNTRY_REACH:
            continue
        home = ctx.sentence_of(named[k][0].start)
        span, terr = by_sentence[home.start][0] if home and home.start in by_sentence else named[k]
        at_issue(span, terr, home.start if home is not None else sent.start)


def _own_subject(
    cues: IssueCues, text: str, named: list[tuple[Span, Territory]], sent: Span
) -> tuple[Span, Territory] | None:
    """The state of a sentence whose own sovereignty it speaks of: the first it names, or the
    one a relative clause holding the phrase is about; for a cession ("Russia wants Ukraine to
    give up territory"), the state named last before the verb."""
    at = cues.own_sovereignty(text, named[0][0].end, sent.end)
    if at is not None:
        subject = named[0]
        for span, terr in named[1:]:
            if span.end < at and _RELATIVE.match(text, span.end, at):
                subject = (span, terr)
        return subject
    cede = cues.cession(text, named[0][0].end, sent.end)
    if cede is None:
        return None
    return [(span, terr) for span, terr in named if span.end <= cede][-1]


# ", which fears for its sovereignty": a relative clause about the name before it, running
# to the phrase without another clause break.
_RELATIVE = re.compile(r",\s{1,3}(?:which|who)\b[^,;:()]*$")


def _share_list_cues(cues: IssueCues, text: str, cands: list[Candidate]) -> None:
    """Names of one list share its strongest cue and its role."""
    for chain in _chains(cues, text, cands):
        tier: str | None = None
        for c in chain:
            tier = stronger(tier, c.tier)
        role = next((c.role for c in chain if c.role is not PlaceRole.OTHER), PlaceRole.OTHER)
        transfer = any(c.transfer for c in chain)
        for c in chain:
            c.tier = stronger(c.tier, tier)
            c.transfer = c.transfer or transfer
            if c.role is PlaceRole.OTHER:
                c.role = role  # "strikes on Druzhkivka and Myrnohrad"


def _sentence_cues(ctx: ParseContext, cues: IssueCues, cands: list[Candidate]) -> None:
    """Cues of a whole sentence: "the reunification of the island" for its countries, a cue on a plural
    place noun ("annexed four regions: Donetsk, Luhansk...") for its regions and towns."""
    text = ctx.text
    countries: dict[int, bool] = {}
    collective: dict[int, str | None] = {}
    for c in cands:
        sent = ctx.sentence_of(c.span.start) if ctx.sentences and not c.tier else None
        if sent is None or c.role is PlaceRole.DATELINE:
            # "GOMA (Reuters) - Rebels withdrew from the town of ...": the dateline heads the
            # sentence's text but is not part of what the sentence says.
            continue
        if c.terr.kind is TerritoryKind.COUNTRY:
            if sent.start not in countries:
                countries[sent.start] = cues.sentence_cue(text, sent.start, sent.end)
            c.tier = SOVEREIGNTY if countries[sent.start] else None
        elif c.role is not PlaceRole.VENUE:
            # The city of "talks in Geneva on pulling troops out of the parts of Donetsk they
            # hold" is not what is held.
            if sent.start not in collective:
                collective[sent.start] = cues.collective_cue(text, sent.start, sent.end)
            c.tier = collective[sent.start]
