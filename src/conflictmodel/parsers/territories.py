"""The ``territories`` stage: the locations an article names, at issue or only places.

Regions, disputed areas, conflict towns and countries named in the text are found with the
gazetteer (ISO 3166-2 code where there is one: Crimea ``UA-43``, North Kivu ``CD-NK``;
``area:<slug>`` otherwise: Nagorno-Karabakh, the Gaza Strip), and cities it does not list with
[`conflictmodel.gazetteer.cities`][conflictmodel.gazetteer.cities].  Each mention is then judged
by the words around it ([`conflictmodel.parsers.places`][conflictmodel.parsers.places]):

* **at issue**: occupied, annexed, claimed, to be ceded, recognised, withdrawn from, captured or
  liberated, or its sovereignty, integrity or status discussed ("Russian-occupied Melitopol",
  "withdraw from the rest of Donetsk", "Ukraine's territorial integrity", "the Kursk
  incursion");
* otherwise a **place** with a role: dateline, venue ("talks in Doha"), event location ("a strike
  on Kharkiv"), origin ("fled from Khartoum") or other.

Every location is a territory of the context, so later stages can refer to it; one that is not
at issue is also a [`Place`][conflictmodel.Place] of ``ctx.places``, and stays a place in the
Article unless a territorial provision, a position or a claim names it.  A country that only
acts ("Russia said") is an actor, and a capital used for its government ("Kyiv said") an actor
mention left to the ``actors`` stage.  Page furniture is skipped.

Example:
    >>> from conflictmodel import parse_article
    >>> art = parse_article("Shelling hit Zaporizhia as Kyiv said Russia must leave the occupied Donbas.")
    >>> [(t.name, t.code or t.id) for t in art.territories]
    [('Donbas', 'area:donbas')]
    >>> [(p.name, p.code, p.role.value) for p in art.places]
    [('Zaporizhzhia', 'UA-23', 'event_location')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import attrs
import pycountry

from conflictmodel.context import MentionKind, ParseContext
from conflictmodel.errors import ConflictModelError
from conflictmodel.gazetteer import Gazetteer, Match, fold, slugify
from conflictmodel.gazetteer.cities import City, CityIndex
from conflictmodel.model.places import Place, PlaceRole
from conflictmodel.model.span import Span
from conflictmodel.model.territories import Territory, TerritoryKind
from conflictmodel.parsers._territory_issue import (
    Candidate,
    country_of,
    decide,
    is_iso_code,
    iso_parent,
    mutual_sovereignty,
    own_sovereignty,
)
from conflictmodel.parsers.places import (
    SOVEREIGNTY,
    IssueCues,
    attack_words,
    is_dateline,
    place_role,
)
from conflictmodel.resources import load_data

__all__ = [
    "TerritoryParser",
    "add_place",
    "city_candidates",
    "context_matches",
    "gazetteer_of",
    "in_furniture",
    "is_iso_code",
    "is_metonym_use",
    "iso_parent",
]

_WORDS_DATA = load_data("territories_words.json")


def _words(key: str) -> frozenset[str]:
    return frozenset(_WORDS_DATA[key])


_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]{0,30})\W{0,3}$")
_TWO_BEFORE = re.compile(r"([A-Za-z][\w'’-]{0,30})\s{1,3}([A-Za-z][\w'’-]{0,30})\W{0,3}$")

# Prepositions that make a following city a place rather than its government.
_PLACE_PREPS = _words("place_preps")
_MOTION = _words("motion")
# Words after a city's possessive that make it a place ("Kyiv's streets").
_PLACE_POSSESSED = _words("place_possessed")
_CONFLICT = re.compile(
    r"\b(?:strik(?:e|es|ing)|struck|attack(?:s|ed|ing)?|shell(?:ing|ed|s)?|bomb(?:s|ed|ing|ings|ardment|arded)?|"
    r"drones?|missiles?|rockets?|offensive|fight(?:ing|s)?|fought|battles?|clash(?:es|ed)?|"
    r"captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|siege|besieged|occup(?:y|ied|ies|ation)|"
    r"annex(?:ed|ation|ing)?|killed|explosions?|airstrikes?|air\s{1,3}strikes?|raids?|"
    r"advance[sd]?|troops|front(?:line)?|liberat(?:e|ed|ion)|recaptur(?:e|ed)|retak(?:e|en)|"
    r"shelled|artillery|invasion|invaded|withdraw(?:al|n)?|ceasefire|truce)\b",
    re.IGNORECASE,
)
# Country as a place: what may come before it.
_COUNTRY_PLACE_BEFORE = _words("country_place_before")
_COUNTRY_PLACE_OF = _words("country_place_of")
_PLACE_NOUNS = _words("place_nouns")
_DEMONYM_PLACE_NOUNS = _words("demonym_place_nouns")
_ACTOR_NOUN = re.compile(
    r"\s{1,3}(?:" + "|".join(sorted(_words("actor_nouns"), key=len, reverse=True)) + r")\b"
)
_DEMONYM_PART = re.compile(
    r"\s{1,3}(?:" + "|".join(sorted(_words("demonym_part_nouns"), key=len, reverse=True)) + r")\b"
)
_POSSESSIVE = re.compile(r"['’]s?\b")
_CLAIMANT = re.compile(
    r"\s{1,3}(?:[a-z-]+\s{1,3})?(?:sovereignty|control|rule|authority|claims?)\s{1,3}(?:over|to|of)\b"
)


_CITY_WORDS = load_data("cities_words.json")
_CITY_PREPS = frozenset(_CITY_WORDS["preps"])
_CITY_OF_NOUNS = frozenset(_CITY_WORDS["of_nouns"])
_CITY_VERBS = frozenset(_CITY_WORDS.get("verbs", ()))
_CITY_EXCLUDE = frozenset(fold(w) for w in _CITY_WORDS["exclude"])
# A capitalised name of one to three words ("Kramatorsk", "Chasiv Yar", "Wad Madani"), or
# one in capitals opening a line ("JUBA, South Sudan —": only a dateline is looked up then).
_CAP_RUN = re.compile(
    r"(?<![\w'’-])[A-Z][a-z][\w'’-]*(?:[ ][A-Z][a-z][\w'’-]*){0,2}"
    r"|(?:(?<=\n)|^)[A-Z]{3,}(?:[ ][A-Z]{2,}){0,2}(?=,|\s{0,2}[(—–-])",
    re.MULTILINE,
)


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")
# After a name, what makes it a speaker or an owner rather than the next name of a list
# ("troops remain in Northern Cyprus, Ankara said").
_NOT_LISTED = re.compile(
    r"['’]s?\b|\s+(?:said|says|say|told|added|warned|insisted|announced|stated|argued|replied"
    r"|responded|confirmed|denied|claimed|has\s+said|had\s+said)\b"
)


def _city_gate(text: str, start: int, end: int) -> bool:
    """Whether the grammar makes ``text[start:end]`` a place: after a place preposition ("in
    Kramatorsk") or an attack verb ("drones struck Druzhkivka"), after "the town of", or as a
    dateline.  Called for every capitalised name: plain string operations, no regex search."""
    if text[start:end].isupper():
        return is_dateline(text, start, end)  # "JUBA, South Sudan —", not "UN" or "RSF"
    seg = text[max(0, start - 40) : start]
    if seg and seg[-1].isspace():
        words = seg.split()
        prev = words[-1].lower() if words else ""
        if prev in _CITY_PREPS or prev in _CITY_VERBS or prev in attack_words():
            return True
        if prev == "of" and len(words) >= 2 and words[-2].lower() in _CITY_OF_NOUNS:
            return True
    return is_dateline(text, start, end)


def city_candidates(
    ctx: ParseContext, gz: Gazetteer, cands: list[Any]
) -> list[tuple[Territory, Span]]:
    """Cities the gazetteer does not list, found with GeoNames where the grammar makes a
    capitalised name a place, each placed in its ISO 3166-2 region (``parent``).

    The GeoNames index is read only when a text has such a name; a name of several cities is
    the one in a country the text names, else the most populous when it dwarfs the others.

    Example:
        >>> ctx = ParseContext(text="Shelling hit homes in Druzhkivka.")
        >>> [(t.name, t.parent) for t, _ in city_candidates(ctx, Gazetteer.default(), [])]
        [('Druzhkivka', 'UA-14')]
    """
    text = ctx.text
    matches = context_matches(ctx)
    # A seat of government the gazetteer knows only as its state's metonym ("Jeddah") is
    # looked up too when the grammar makes it a place.
    known = [
        m
        for m in matches
        if any(e.kind is MentionKind.TERRITORY or e.via != "metonym" for e in m.entries)
    ]
    starts = [m.start for m in known]
    ends = [m.end for m in known]
    last_end = -1
    # Ends of the places the gazetteer found: a capitalised name listed after one of them
    # ("Kidal, Gao and Timbuktu") is looked up as a city too.
    place_ends = sorted(
        m.end for m in matches if any(e.kind is MentionKind.TERRITORY for e in m.entries)
    )
    countries: set[str] | None = None
    index: CityIndex | None = None
    out: list[tuple[Territory, Span]] = []
    for run in _CAP_RUN.finditer(text):
        start, end = run.span()
        # A name the gazetteer found (or one overlapping it) is not looked up again.
        k = bisect.bisect_right(starts, end - 1) - 1
        if k >= 0 and ends[k] > start:
            continue
        j = bisect.bisect_right(place_ends, start) - 1
        before = max(last_end, place_ends[j] if j >= 0 else -1)
        if not (
            _listed(text, before, start, end) or _city_gate(text, start, end)
        ) or ctx.is_furniture(Span(start=start, end=end)):
            continue
        if index is None:
            index = CityIndex.default()
            countries = _countries_named(gz, matches)
        found = _lookup(index, countries or set(), run.group())
        if found is not None:
            span = Span(start=start, end=start + found[1])
            out.append((_city_territory(found[0]), span))
            last_end = span.end
    return out


def _listed(text: str, before: int, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` continues a list of places ending at
    ``before`` ("Kidal, Gao and Timbuktu"), rather than naming a speaker after it ("Northern
    Cyprus, Ankara said")."""
    return (
        before >= 0
        and _LIST_JOIN.fullmatch(text, before, start) is not None
        and _NOT_LISTED.match(text, end, min(len(text), end + 20)) is None
    )


def _lookup(index: CityIndex, countries: set[str], name: str) -> tuple[City, int] | None:
    """The city a capitalised name (or its longest leading part) means, with the length of
    the part that names it; a name in capitals ("JUBA") is looked up as "Juba"."""
    words = name.split(" ")
    if name.isupper():
        words = [w.title() for w in words]
    for n in range(len(words), 0, -1):
        part = " ".join(words[:n])
        if fold(part) in _CITY_EXCLUDE:
            continue
        city = index.resolve(part, countries)
        if city is not None:
            return city, len(part)
    return None


def _countries_named(gz: Gazetteer, matches: list[Match]) -> set[str]:
    out: set[str] = set()
    for m in matches:
        for e in m.entries:
            if e.target.startswith("state:"):
                out.add(e.target[6:])
            elif e.kind is MentionKind.TERRITORY:
                terr = gz.territories.get(e.target)
                country = country_of(gz, terr) if terr is not None else None
                if country:
                    out.add(country)
    return out


def _city_territory(city: City) -> Territory:
    return Territory(
        id=f"city:{slugify(city.name)}-{city.country.lower()}",
        name=city.name,
        kind=TerritoryKind.CITY,
        parent=city.parent,
    )


def gazetteer_of(ctx: ParseContext) -> Gazetteer:
    """The context's gazetteer, or the default one when the context has none.

    Raises:
        ConflictModelError: ``ctx.gazetteer`` is something other than a Gazetteer.

    Example:
        >>> gazetteer_of(ParseContext(text="")) is Gazetteer.default()
        True
    """
    gz = ctx.gazetteer
    if gz is None:
        return Gazetteer.default()
    if not isinstance(gz, Gazetteer):
        raise ConflictModelError(
            f"ParseContext.gazetteer must be a Gazetteer, got {type(gz).__name__}"
        )
    return gz


def context_matches(ctx: ParseContext) -> list[Match]:
    """Gazetteer matches in the article outside page furniture, computed once per context.

    Example:
        >>> [m.text for m in context_matches(ParseContext(text="Hamas and the IDF"))]
        ['Hamas', 'IDF']
    """
    gz = gazetteer_of(ctx)
    if ctx.gazetteer_matches is None:
        matches = gz.scan(ctx.text)
        if ctx.furniture:
            matches = [m for m in matches if not ctx.is_furniture(m.span)]
        ctx.gazetteer_matches = matches
    return ctx.gazetteer_matches


def in_furniture(ctx: ParseContext, span: Span) -> bool:
    """The same as ``ctx.is_furniture(span)`` (indexed, cheap enough to ask once per word);
    kept for code written against this module.

    Example:
        >>> ctx = ParseContext(text="Photo: AFP\\nKyiv said no.", furniture=[Span(start=0, end=10)])
        >>> in_furniture(ctx, Span(start=7, end=10)), in_furniture(ctx, Span(start=11, end=15))
        (True, False)
    """
    return ctx.is_furniture(span)


def _prev_words(text: str, start: int, n: int = 2) -> list[str]:
    window = text[max(0, start - 64) : start]
    m = _TWO_BEFORE.search(window) if n >= 2 else None
    if m:
        return [m.group(1).casefold(), m.group(2).casefold()]
    m1 = _WORD_BEFORE.search(window)
    return [m1.group(1).casefold()] if m1 else []


def _next_text(text: str, end: int, width: int = 40) -> str:
    return text[end : end + width]


def is_metonym_use(text: str, start: int, end: int) -> bool:
    """True if the city at ``text[start:end]`` stands for its government.

    "Kyiv said", "talks between Kyiv and Moscow", "Moscow's demands" are metonyms; "in Kyiv",
    "a strike on Kyiv", "Kyiv's mayor", a dateline "KYIV (Reuters) -" are places.

    Example:
        >>> t = "Speaking in Kyiv, he said Moscow rejected it."
        >>> is_metonym_use(t, 12, 16), is_metonym_use(t, 26, 32)
        (False, True)
    """
    after = _next_text(text, end)
    poss = re.match(r"['’]s?\s{1,3}([A-Za-z]+)", after)
    if poss:
        # "Moscow's demands", even "in Washington's view"; but "Kyiv's streets" is a place.
        return poss.group(1).casefold() not in _PLACE_POSSESSED
    prev = _prev_words(text, start)
    gap = text[max(0, start - 3) : start]
    if prev and prev[-1] in _PLACE_PREPS and not re.search(r"[.;:!?]", gap):
        return False
    if len(prev) == 2 and prev[-1] in {"to", "for"} and prev[0] in _MOTION:
        return False
    if re.match(
        r"\s{0,2}(?:[:(—–-]|,\s{0,2}(?:[A-Z][a-z]+\s{1,2})?\d"
        r"|,\s{0,2}[A-Z][\w.]{1,20}(?:\s[A-Z][\w.]{1,20})?\s{0,2}[(:—–-])",
        after,
    ):
        # Datelines: "KYIV (Reuters) -", "Washington: ...", "Kyiv, 5 May".
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip():
            return False
    return True


def _country_place_use(text: str, start: int, end: int) -> bool:
    after = _next_text(text, end)
    if after[:1] in {"-", "–"}:
        return False  # "US-Russia relations"
    prev = _prev_words(text, start)
    gap = text[max(0, start - 3) : start]
    if prev and not re.search(r"[.;:!?]", gap):
        if prev[-1] in _COUNTRY_PLACE_BEFORE:
            return True
        if prev[-1] in {"of", "across", "from"} and len(prev) == 2 and prev[0] in _COUNTRY_PLACE_OF:
            return True
    m = re.match(r"['’]s?\s{1,3}(?:[a-z-]{1,20}\s{1,3})?([a-z]+)", after)
    return bool(m and m.group(1) in _PLACE_NOUNS)


def _demonym_place_use(text: str, start: int, end: int) -> bool:
    prev = _prev_words(text, start, 1)
    if prev and prev[-1] in {"as", "under"}:
        # "recognise Crimea as Russian territory" classifies a place; it does not name one.
        # "autonomy under Moroccan sovereignty": the sovereign, not the territory at issue.
        return False
    if _CLAIMANT.match(text, end, min(len(text), end + 40)):
        return False  # "Moroccan sovereignty over Western Sahara": the claimant
    m = re.match(r"\s{1,3}([a-z]+)", _next_text(text, end))
    return bool(m and m.group(1) in _DEMONYM_PLACE_NOUNS)


def _sentence_text(ctx: ParseContext, offset: int) -> str:
    sent = ctx.sentence_of(offset) if ctx.sentences else None
    if sent is not None:
        # Clipped, so a "sentence" of a megabyte costs no more than a real one.
        return ctx.text[max(sent.start, offset - 300) : min(sent.end, offset + 300)]
    lo = max(ctx.text.rfind("\n", 0, offset), ctx.text.rfind(". ", 0, offset), offset - 300)
    hi_candidates = [
        i for i in (ctx.text.find("\n", offset), ctx.text.find(". ", offset)) if i >= 0
    ]
    hi = min([*hi_candidates, offset + 300])
    return ctx.text[max(0, lo) : hi]


def _reports_fighting(ctx: ParseContext, offset: int, memo: dict[int, bool]) -> bool:
    """Whether the sentence around ``offset`` (clipped as `_sentence_text`) reports fighting;
    searched once per sentence when the clip keeps the whole sentence."""
    sent = ctx.sentence_of(offset) if ctx.sentences else None
    if sent is None or sent.start < offset - 300 or sent.end > offset + 300:
        return _CONFLICT.search(_sentence_text(ctx, offset)) is not None
    hit = memo.get(sent.start)
    if hit is None:
        hit = memo[sent.start] = _CONFLICT.search(ctx.text[sent.start : sent.end]) is not None
    return hit


class TerritoryParser:
    """Finds the locations the text names (stage ``territories``).

    Every location becomes a territory of the context (later stages refer to them); one that
    is not at issue also becomes a [`Place`][conflictmodel.Place] of ``ctx.places`` with its
    role, and stays a place in the Article unless a proposal, position or claim names it (see
    [`ParseContext.to_article`][conflictmodel.context.ParseContext.to_article]).

    Args:
        conflict_cities: if False, a capital used as a place is not recorded at all (default
            True: it is a place, and at issue where its words say so).
        cues: the cue lists that decide what is at issue (default: the shipped ones).

    Example:
        >>> from conflictmodel.context import ParseContext
        >>> ctx = ParseContext(text="Russia occupies Crimea. Talks were held in Sudan.")
        >>> TerritoryParser()(ctx)
        >>> sorted(ctx.territories), {k: p.role.value for k, p in ctx.places.items()}
        (['SD', 'UA-43'], {'SD': 'venue'})
    """

    name = "territories"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("territories", "places")

    def __init__(self, *, conflict_cities: bool = True, cues: IssueCues | None = None) -> None:
        self.conflict_cities = conflict_cities
        self.cues = cues

    def __call__(self, ctx: ParseContext) -> None:
        gz = gazetteer_of(ctx)
        cues = self.cues or IssueCues.default()
        text = ctx.text
        cands: list[Candidate] = []
        fighting: dict[int, bool] = {}
        # Every mention of a state by name, acting or not: the subject of "its sovereignty".
        states: list[tuple[Span, Territory]] = []
        for m in context_matches(ctx):
            found = self._candidate(ctx, gz, cues, m, fighting)
            if found is not None:
                cands.append(found)
            for tid in m.targets(MentionKind.TERRITORY)[:1]:
                terr = gz.territories[tid]
                if terr.kind is TerritoryKind.COUNTRY:
                    states.append((m.span, terr))
        own_sovereignty(ctx, cues, cands, states)
        mutual_sovereignty(ctx, cues, cands, states)
        # A state named only as an actor ("Ukraine said"): its first mention, in case one of
        # its territories changes hands and puts the state at issue too.
        actor_countries: dict[str, Span] = {}
        for span, terr in states:
            actor_countries.setdefault(terr.id, span)
        for extra in city_candidates(ctx, gz, cands):
            city = self._make(ctx, cues, extra[0], extra[1], "name")
            city.listed = False
            cands.append(city)
        tiers = decide(ctx, gz, cues, cands, actor_countries, states)
        cands = [c for c in cands if not c.contextual or c.terr.id in tiers]
        cands.sort(key=lambda c: (c.span.start, c.span.end))
        pending: list[tuple[Span, str, MentionKind, str, bool]] = []
        for c in cands:
            if not c.listed and c.terr.id not in tiers:
                continue
            if c.terr.id not in ctx.territories:
                ctx.add_territory(_bare(c.terr))
            surface = " ".join(c.span.of(text).split())
            alias = c.via != "demonym" and bool(_POSSESSIVE.sub("", surface))
            pending.append((c.span, c.terr.id, MentionKind.TERRITORY, c.via, alias))
        ctx.add_mentions(pending)
        _record_places(ctx, gz, cands, tiers)

    def _candidate(
        self,
        ctx: ParseContext,
        gz: Gazetteer,
        cues: IssueCues,
        m: Match,
        fighting: dict[int, bool],
    ) -> Candidate | None:
        text = ctx.text
        terr_ids = m.targets(MentionKind.TERRITORY)
        if not terr_ids:
            if any(e.via == "demonym" for e in m.entries) and _demonym_place_use(
                text, m.start, m.end
            ):
                code = gz.country_code(m.text)
                if code and code in gz.territories:
                    cand = self._make(ctx, cues, gz.territories[code], m.span, "demonym")
                    if _DEMONYM_PART.match(text, m.end, min(len(text), m.end + 30)):
                        # "occupied Sudanese cities": the cue governs some of its towns, not
                        # the state.
                        cand.tier = None
                        cand.transfer = False
                    return cand
            return None
        terr = gz.territories[terr_ids[0]]
        if terr.kind is TerritoryKind.COUNTRY:
            cand = self._make(ctx, cues, terr, m.span, "name")
            # A state that only acts ("Russia said") is an actor, not a place.
            return cand if cand.tier or _country_place_use(text, m.start, m.end) else None
        is_state_metonym = any(
            e.kind is MentionKind.ACTOR and e.via == "metonym" for e in m.entries
        )
        if _ACTOR_NOUN.match(text, m.end, min(len(text), m.end + 30)):
            # "Amhara militias", "Tigray forces": the name says who the actor is, not where.
            return None
        terr = _as_city(text, terr, m.start, m.end)
        cand = self._make(ctx, cues, terr, m.span, "name")
        # "Kyiv said" is the government; "capture Kyiv" is the city, whatever the verb.
        if is_state_metonym and (
            not self.conflict_cities or (not cand.tier and is_metonym_use(text, m.start, m.end))
        ):
            return None
        if is_state_metonym and not cand.tier:
            cand.listed = _reports_fighting(ctx, m.start, fighting)
        if (
            terr.id in gz.contextual
            and not cand.tier
            and cand.role in (PlaceRole.OTHER, PlaceRole.ORIGIN)
            and not _reports_fighting(ctx, m.start, fighting)
        ):
            # Regions found automatically in ISO 3166-2 are too often something else
            # ("the senator from Texas"): only as a dateline, a venue or the place of an
            # event ("talks in New York"), where the sentence is about the conflict, or
            # where a list it belongs to is at issue ("lost control of Kidal, Gao and
            # Timbuktu"); decided with the others, dropped unless at issue.
            cand.contextual = True
        return cand

    @staticmethod
    def _make(
        ctx: ParseContext, cues: IssueCues, terr: Territory, span: Span, via: str
    ) -> Candidate:
        sent = ctx.sentence_of(span.start) if ctx.sentences else None
        floor = sent.start if sent is not None else max(0, ctx.text.rfind("\n", 0, span.start))
        country = terr.kind is TerritoryKind.COUNTRY
        tier = cues.issue_cue(ctx.text, floor, span.start, span.end, country=country)
        # "recognise Russia's control over Crimea": a military cue whose hold is recognised
        # moves the territory from one state to another.
        transfer = tier is not None and cues.transfers(ctx.text, floor, span.start)
        return Candidate(
            terr=terr,
            span=span,
            via=via,
            tier=SOVEREIGNTY if transfer else tier,
            role=place_role(ctx.text, floor, span.start, span.end),
            sentence=floor,
            transfer=transfer,
        )


# "the besieged city of Taiz", "the port city of Hodeidah", "Kherson city", "Kidal, the
# northern Malian town", "Goma, the capital of North Kivu": the city a region is named
# after, which has no ISO code of its own (its region is its parent).
_CITY_BEFORE = re.compile(r"\b(?:city|town|port|village)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_CITY_AFTER = re.compile(
    r"\s+city\b|,\s+(?:an?|the|its)\s+"
    r"(?:(?!region|province|oblast|state|governorate|territory|area|district)[\w'’-]+\s+){0,3}?"
    r"(?:city|town|port\s+city|capital)\b"
)


def _as_city(text: str, terr: Territory, start: int, end: int) -> Territory:
    """The city of a region's name where the words around say it is a city (or a dateline
    in capitals names it); else ``terr``.

    Example:
        >>> gz = Gazetteer.default()
        >>> t = "Houthis besieged the city of Taiz."
        >>> c = _as_city(t, gz.territories["YE-TA"], 29, 33)
        >>> c.id, c.code, c.parent
        ('city:taiz-ye', None, 'YE-TA')
    """
    code = terr.code
    if terr.kind is not TerritoryKind.REGION or not code or "-" not in code:
        return terr
    if not (
        _CITY_BEFORE.search(text, max(0, start - 30), start)
        or _CITY_AFTER.match(text, end, min(len(text), end + 60))
        or (text[start:end].isupper() and is_dateline(text, start, end))  # "KHARTOUM, Sudan"
    ) or _subdivision_types().get(code) in {"city", "municipality", "autonomous municipality"}:
        return terr
    surface = " ".join(text[start:end].split())
    name = _POSSESSIVE.sub("", surface.title() if surface.isupper() else surface) or terr.name
    return Territory(
        id=f"city:{slugify(name)}-{code.split('-', 1)[0].lower()}",
        name=name,
        kind=TerritoryKind.CITY,
        parent=code,
    )


@cache
def _subdivision_types() -> dict[str, str]:
    """ISO 3166-2 code -> its type ("oblast", "city", ...), folded."""
    return {s.code: str(s.type).casefold() for s in pycountry.subdivisions}


def _bare(terr: Territory) -> Territory:
    """A copy of a gazetteer territory without its gazetteer aliases, for one article."""
    return Territory(
        id=terr.id,
        name=terr.name,
        code=terr.code,
        kind=terr.kind,
        parent=terr.parent,
        members=terr.members,
    )


def _record_places(
    ctx: ParseContext, gz: Gazetteer, cands: list[Candidate], tiers: Mapping[str, str]
) -> None:
    """A Place in ``ctx.places`` for every location not at issue, with the role of its most
    telling mention."""
    by_id: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.terr.id not in tiers:
            by_id.setdefault(c.terr.id, []).append(c)
    for tid, group in by_id.items():
        terr = group[0].terr
        roles = [c.role for c in group if c.role is not PlaceRole.OTHER]
        place = Place(
            id=tid,
            name=terr.name,
            kind=terr.kind,
            code=terr.code,
            parent=iso_parent(gz, terr),
            role=roles[0] if roles else PlaceRole.OTHER,
            aliases=tuple(
                dict.fromkeys(
                    s
                    for c in group
                    if c.via != "demonym"
                    and (s := _POSSESSIVE.sub("", " ".join(c.span.of(ctx.text).split())))
                    and s != terr.name
                )
            ),
            mentions=tuple(c.span for c in group),
        )
        add_place(ctx, place)


def add_place(ctx: ParseContext, place: Place) -> Place:
    """Add a place to ``ctx.places``, or merge its aliases and mentions into the one with the
    same id (the first role other than ``other`` wins).

    Example:
        >>> ctx = ParseContext(text="in Doha, Doha")
        >>> _ = add_place(ctx, Place(id="QA", name="Qatar", mentions=[Span(start=3, end=7)]))
        >>> add_place(ctx, Place(id="QA", name="Qatar", role="venue",
        ...                      mentions=[Span(start=9, end=13)])).role.value
        'venue'
    """
    old = ctx.places.get(place.id)
    if old is not None:
        place = attrs.evolve(
            old,
            role=old.role if old.role is not PlaceRole.OTHER else place.role,
            aliases=tuple(
                a for a in dict.fromkeys((*old.aliases, *place.aliases)) if a != old.name
            ),
            mentions=tuple(sorted({*old.mentions, *place.mentions})),
        )
    ctx.places[place.id] = place
    return place
