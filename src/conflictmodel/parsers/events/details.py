"""Where, when and how many: an event's place, date and toll.

The place is a [`Place`][conflictmodel.Place] the territories stage put in ``ctx.places``, else a
territory named in the clause (converted to a Place), else a capital or other gazetteer place
after a locative preposition ("talks in Doha"), else a capitalised name after one.  The date is
the date expression of the clause nearest the trigger (dates are resolved by the ``dates``
stage).  Killed and wounded are read with the phrase as written ("at least 35", "dozens").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial

import attrs

from conflictmodel.context import MentionKind, ParseContext
from conflictmodel.errors import GazetteerError, ValidationError
from conflictmodel.gazetteer import Match
from conflictmodel.gazetteer.cities import City, CityIndex
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.events import EventType
from conflictmodel.model.places import Place, PlaceRole
from conflictmodel.model.span import Span
from conflictmodel.model.territories import Territory, TerritoryKind
from conflictmodel.model.textdates import TextDate
from conflictmodel.parsers.events.lexicon import EventLexicon
from conflictmodel.parsers.events.tolls import TollReader, casualties_near, toll_reader
from conflictmodel.parsers.events.triggers import Trigger
from conflictmodel.parsers.language.mentions import state_fallbacks
from conflictmodel.parsers.places import is_dateline
from conflictmodel.resources import load_data

__all__ = ["PlaceFinder", "TollReader", "casualties_near", "event_date", "toll_reader"]

# The toll readers live in tolls.py; they are re-exported here, where they were first.

_VENUE_TYPES = frozenset(
    {EventType.CONSULT, EventType.AGREE, EventType.SUPPORT, EventType.COOPERATE}
)
# Types whose place, when the text names none, is the country they were aimed at.
_AT_TARGET = frozenset({EventType.ASSAULT, EventType.COERCE})
_CAPS = re.compile(
    r"(?:(?:St|Ste|Mt|Ft)\.\s{1,2})?[A-Z][\w'’-]*(?:\s{1,2}(?:[A-Z][\w'’-]*|al-[\w'’-]+|el-[\w'’-]+|(?:de|of)\b)){0,3}"
)
_SLUG = re.compile(r"[^a-z0-9]+")
_THERE = re.compile(
    r"\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|seems?|remains?)\b)"
    r"|\bthe\s{1,3}(?:city|town|area|region|province|village|district|port|enclave|strip|"
    r"capital|island|territory)\b(?!\s{1,3}of\b)(?!['’])",
    re.I,
)
# "Afghanistan's Paktika province", "Ukraine's Kharkiv region": the place inside the first.
_POSSESSIVE_GAP = re.compile(
    r"['’]s?\s{1,3}$|\s{1,3}(?:island|islands|region|province|town|city|village|district|"
    r"state|port|neighbou?rhood|quarter|suburb|outskirts)\s{1,3}of\s{1,3}(?:the\s{1,3})?$",
    re.I,
)


def _inner(text: str, best: _Candidate, cands: list[_Candidate]) -> _Candidate:
    """The more precise place when the chosen one is the possessor of another
    ("Afghanistan's Paktika province")."""
    for c in cands:
        gap = text[best[1] : c[0]]
        if c[0] > best[1] and len(gap) <= 24 and _POSSESSIVE_GAP.fullmatch(gap):
            return c
    return best


# The capitalised object of a verb: "seized Walikale", "struck the Kakhovka dam".
_OBJECT_NAME = re.compile(r"\s{1,3}(?:the\s{1,3})?([A-Z][\w'’-]{2,}(?:\s{1,2}[A-Z][\w'’-]+){0,2})")
# A capitalised locative preposition opening a sentence ("In Muscat, ...", "Near Goma, ...").
_LEAD_PREP = re.compile(r"(?:In|At|Near|Outside|Inside|Around)\s{1,2}(?=[A-Z])")
# A capitalised name right before an event noun: "the White House meeting".
_NAME_BEFORE = re.compile(r"\b((?!The\b)[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s{1,2}$")
_IN_AT = re.compile(r"\b(?:in|at|near|outside|inside|around)\s{1,3}(?:the\s{1,3})?$", re.I)
_WHERE = re.compile(r",\s{1,3}where\b[^,;:.]*$", re.I)
_FROM = re.compile(r"\bfrom\s{1,3}(?:the\s{1,3})?$", re.I)
_CAPITAL_AFTER = re.compile(r"\s{1,3}capital\b")
_NEXT_WORDS = re.compile(r"\s{1,3}([\w-]+)(?:\s{1,3}([\w-]+))?")
# A settlement or camp named with its head noun: "Abu Shouk camp", "Zamzam camp".
_NAMED_SITE = re.compile(
    r"((?:[A-Z][\w'’-]+\s{1,2}){1,3}?)(?:refugee\s{1,2}|displacement\s{1,2})?(camp|village|town)\b"
)
# A line's first words in capitals before a dateline's punctuation: "BRUSSELS —".
_CAPS_LINE = re.compile(r"[A-Z][A-Z'’.-]{2,}(?:\s[A-Z][A-Z'’.-]+){0,2}")
# A heading run into the text on a scraped page: "... in DohaPakistan and Afghanistan".
_GLUED = re.compile(r"[a-z]([A-Z])")
# A war named by its place ("since the start of the Gaza war"): that place is the war's.
_WAR_AFTER = re.compile(r"\s{1,2}(?:war|conflict|crisis|insurgency|offensive|campaign)\b", re.I)


@cache
def _capitals() -> dict[str, str]:
    """Each state's capital: the first of its metonyms in ``data/states.json``."""
    states = load_data("states.json").get("states", {})
    return {code: v["metonyms"][0] for code, v in states.items() if v.get("metonyms")}


def _capital_of(code: str) -> str | None:
    return _capitals().get(code)


@cache
def _cities() -> CityIndex | None:
    try:
        return CityIndex.default()
    except GazetteerError:
        return None


def _city_of(name: str, country: str | None = None) -> City | None:
    """The GeoNames city of this name (in ``country`` when given), if one clearly is."""
    index = _cities()
    if index is None or not name[:1].isupper():
        return None
    return index.resolve(name, (country,) if country else ())


def _unglued(name: str) -> str:
    """A heading run into the text on a scraped page ("DohaPakistan"): the known city it
    starts with, else the name as it is."""
    g = _GLUED.search(name)
    if g is not None and " " not in name[: g.start(1)] and _city_of(name[: g.start(1)]):
        return name[: g.start(1)]
    return name


def _slug(name: str) -> str:
    return _SLUG.sub("-", name.lower()).strip("-") or "place"


def _english(name: str, surface: str) -> str:
    """The name as the article writes it when the canonical one has letters English news does
    not use ("Paktīkā" for Paktika)."""
    if name.isascii() or not surface.isascii() or not surface[:1].isupper():
        return name
    return " ".join(surface.split())


def _place_of_territory(terr: Territory, role: PlaceRole, surface: str) -> Place:
    code = terr.code
    parent = terr.parent
    try:
        return Place(
            id=terr.id,
            name=_english(terr.name, surface),
            kind=terr.kind,
            code=code,
            parent=parent if parent and not parent.startswith(("area:", "city:")) else None,
            role=role,
            aliases=terr.aliases,
            mentions=terr.mentions,
        )
    except ValidationError:
        return Place(id=terr.id, name=terr.name, kind=terr.kind, role=role, mentions=terr.mentions)


def role_of(trig: Trigger) -> PlaceRole:
    """A meeting's place is its venue, any other event's its location."""
    return PlaceRole.VENUE if trig.type in _VENUE_TYPES else PlaceRole.EVENT_LOCATION


def _other_city(terr: Territory, surface: str) -> bool:
    """Whether a region's mention names a city in it rather than the region itself."""
    name = " ".join(surface.split())
    if terr.kind is not TerritoryKind.REGION or name.casefold() == terr.name.casefold():
        return False
    if terr.name.casefold().startswith(name.casefold()):
        return False  # "Donetsk" for "Donetsk Oblast"
    city = _city_of(name)
    return city is not None and city.name.casefold() != terr.name.casefold()


# A place candidate: start, end, rank (0: after a preposition), and how to build its Place.
_Candidate = tuple[int, int, int, Callable[[], Place]]


class PlaceFinder:
    """Place lookups for one article, built once (indexes, not scans)."""

    def __init__(self, ctx: ParseContext, lex: EventLexicon) -> None:
        self.ctx = ctx
        self.lex = lex
        self._places: list[tuple[int, int, Place]] = sorted(
            (m.start, m.end, p)
            for p in ctx.places.values()
            if p.role is not PlaceRole.DATELINE
            for m in p.mentions
        )
        # Where the story was filed: the place of an event whose sentence names none.
        self._dateline: Place | None = next(
            (p for p in ctx.places.values() if p.role is PlaceRole.DATELINE), None
        )
        # The last place an event was given: what "there" refers to.
        self._last: Place | None = None
        self._made: dict[str, Place] = {}
        if self._dateline is None:
            self._dateline = self._caps_dateline()
        self._memo_key: tuple[int, int] = (-1, -1)
        self._recent: tuple[int, Place] | None = None
        self._memo: list[_Candidate] = []
        matches = ctx.gazetteer_matches or []
        # Demonyms ("Russian attacks") name no place.
        self._demonyms: set[int] = {
            m.start for m in matches if any(e.via == "demonym" for e in m.entries)
        }
        # "the Libyan capital": the capital of the state the demonym names.
        self._capitals = _capitals_after_demonyms(ctx.text, matches)
        # How often each state is named (by name, demonym, capital): the article's focus.
        self._named, self._names = _state_counts(matches, ctx.text, lex.not_target_heads)
        self._ranked: list[str] | None = None
        # Capitals and other places the gazetteer knows only as actors' metonyms (``_gaz``);
        # countries by their names, a place when a preposition says so ("strikes on Iran").
        self._gaz, self._states = _state_mentions(matches)

    def _caps_dateline(self) -> Place | None:
        """A dateline in capitals that names no place the gazetteer knows ("BRUSSELS —",
        "COTABATO CITY, Philippines —"), on one of the first three lines."""
        text = self.ctx.text
        at = 0
        for _ in range(3):
            m = _CAPS_LINE.match(text, at)
            if m is not None and is_dateline(text, m.start(), m.end()):
                name = m.group().split("/")[0].title()
                return self._make(
                    name, TerritoryKind.CITY, None, PlaceRole.DATELINE, m.start(), m.end()
                )
            nl = text.find("\n", at, at + 400)
            if nl < 0:
                return None
            at = nl + 1
        return None

    def _prep_before(self, at: int, floor: int) -> bool:
        """Whether a locative preposition governs the name at ``at``: "in Goma", "near the
        town", "the village of Nikolskoye"."""
        words = self.ctx.text[max(floor, at - 40) : at].lower().split()
        if words and words[-1] in self.lex.place_modifiers:
            words.pop()  # "in the southern Caribbean", "in northern Shan State"
        if words and words[-1] == "the":
            words.pop()
        if len(words) >= 2 and words[-1] == "of" and words[-2] in self.lex.place_nouns:
            return True
        return bool(words) and words[-1] in self.lex.locative

    def focus(self, etype: EventType, actors: tuple[Actor, ...]) -> Place | None:
        """For an attack, a deployment, a coercion or a retreat whose text names no place: the
        country the article names most often, other than the actors' own (event coders give
        every event at least its country)."""
        if etype in _VENUE_TYPES or not self._named:
            return None
        own = {a.country for a in actors if a.country}
        if self._ranked is None:
            self._ranked = sorted(
                (c for c in self._named if c in self._names),
                key=lambda c: (-self._named[c], self._names[c][1]),
            )
        code = next((c for c in self._ranked if c not in own), None)
        if code is None:
            return None
        name, s, e = self._names[code]
        return self._country(name, code, PlaceRole.EVENT_LOCATION, s, e)

    def find(self, trig: Trigger, seg: Span, sent: Span, *, fallback: bool = True) -> Place | None:
        """The place of the event at ``trig`` whose text is ``seg``: one named in its text,
        else one after a preposition elsewhere in its sentence, else (with ``fallback``) the
        place "there" refers to, the place of the sentence before (same paragraph), or the
        dateline's."""
        text = self.ctx.text
        found = [
            c
            for c in self._sentence(sent)
            # "targeted Israel since the start of the Gaza war": the war's place, not this
            # event's (unless the war is the event).
            if c[1] == trig.start - 1 or _WAR_AFTER.match(text, c[1]) is None
        ]
        cands = self._in_text(trig, seg, found)
        if not cands and self._last is not None and _THERE.search(text, seg.start, seg.end):
            # "aircraft later bombed the area": the place named last before it, not a place
            # named after it in the sentence ("..., and Uganda deployed forces to Juba").
            earlier = [c for c in found if c[2] == 0 and c[1] <= seg.start]
            if not earlier:
                last = self._last
                return (
                    last if last.role is role_of(trig) else attrs.evolve(last, role=role_of(trig))
                )
            cands = earlier[-1:]
        if not cands:
            cands = [c for c in found if c[2] == 0]
        if trig.type in _VENUE_TYPES:
            # "a proposal from Qatar": where a party comes from, not the venue.
            cands = [c for c in cands if not _FROM.search(text, max(0, c[0] - 10), c[0])]
        role = PlaceRole.VENUE if trig.type in _VENUE_TYPES else PlaceRole.EVENT_LOCATION
        if not cands:
            return self.fallback(trig, seg, sent) if fallback else None
        place = self._best(trig, sent, found, cands)[3]()
        self._recent = (sent.end, place)
        self._last = place
        return place if place.role is role else attrs.evolve(place, role=role)

    def _in_text(self, trig: Trigger, seg: Span, found: list[_Candidate]) -> list[_Candidate]:
        """The places named in the event's own text ``seg``; the verb's object counts as one
        after a preposition, and a name no stage knows may be added."""
        text = self.ctx.text
        cands = [
            # The verb's object ("seized Goma", "shelled Kharkiv") is where it happened.
            (c[0], c[1], 0, c[3])
            if c[2] and trig.end <= c[0] and len(text[trig.end : c[0]].split()) <= 1
            else c
            for c in found
            if seg.start <= c[0] and c[1] <= seg.end
        ]
        if not any(c[2] == 0 for c in cands):
            named = self._object_name(trig, seg) or self._venue_before(trig)
            if named is not None:
                cands.append(named)
        return cands

    def _best(
        self, trig: Trigger, sent: Span, found: list[_Candidate], cands: list[_Candidate]
    ) -> _Candidate:
        """The candidate that is the event's place."""
        text = self.ctx.text
        # A place after a preposition first, then the one nearest after the trigger.
        best = min(cands, key=lambda c: (c[2], c[0] < trig.start, abs(c[0] - trig.start)))
        where = _WHERE.search(text, max(sent.start, trig.start - 80), trig.start)
        # The event's own place: the verb's object ("attacked Kutum") or one after "in", "at",
        # "near" ("clashed near Kutum"); "a summit on Gaza's future" names no venue.
        own = (
            best[2] == 0
            and best[0] >= trig.end
            and (
                (trig.rule.pos == "verb" and not text[trig.end : best[0]].split())
                or _IN_AT.search(text, best[0] - 14, best[0]) is not None
            )
        )
        if where is not None and not own:
            # (A place the event's own text names after it, "fought near Walungu", stays.)
            # "flew to Sharm el-Sheikh, where he chaired a summit": the place before "where".
            best = next((c for c in found if c[1] == where.start()), best)
        return _inner(text, best, cands)

    def _venue_before(self, trig: Trigger) -> _Candidate | None:
        """A venue named right before a meeting noun: "the White House meeting", "the Doha
        talks", "the Kremlin talks"."""
        if trig.type not in _VENUE_TYPES or trig.rule.pos != "noun":
            return None
        text = self.ctx.text
        m = _NAME_BEFORE.search(text, max(0, trig.start - 40), trig.start)
        if m is None or m.start(1) in self._demonyms:
            return None
        s, e, name = m.start(1), m.end(1), m.group(1)
        role = PlaceRole.VENUE
        gaz = self._gaz.get(s)
        if gaz is not None and gaz[0] == e:
            return (s, e, 0, partial(self._make, name, TerritoryKind.CITY, gaz[2], role, s, e))
        if s in self._states or not _city_of(name):
            return None
        return (s, e, 0, partial(self._make, name, TerritoryKind.CITY, None, role, s, e))

    def _object_name(self, trig: Trigger, seg: Span) -> _Candidate | None:
        """A capitalised name right after an attack verb that no stage knows ("seized
        Walikale", "shelled the Zaporizhzhia plant"): where it happened."""
        if trig.type not in _AT_TARGET or trig.rule.pos != "verb":
            return None
        text = self.ctx.text
        m = _OBJECT_NAME.match(text, trig.end, seg.end)
        if m is None:
            return None
        s, e = m.span(1)
        name = m.group(1)
        gaz = self._gaz.get(s)
        if gaz is not None:
            # "struck Kyiv": a capital the gazetteer knows as its state's metonym is a city here.
            end, city_name, country = gaz
            role = PlaceRole.EVENT_LOCATION
            make = partial(self._make, city_name, TerritoryKind.CITY, country, role, s, end)
            return (s, end, 0, make)
        if (
            name.split()[0].lower() in self.lex.not_places
            or s in self._demonyms
            or self.ctx.mention_at(Span(start=s, end=e), MentionKind.ACTOR) is not None
        ):
            return None
        role = PlaceRole.EVENT_LOCATION
        return (s, e, 0, partial(self._make, name, TerritoryKind.OTHER, None, role, s, e))

    def fallback(self, trig: Trigger, seg: Span, sent: Span) -> Place | None:
        """The place of an event whose sentence names none: the place "there" refers to, the
        place of the sentence before (same paragraph), or the dateline's."""
        role = PlaceRole.VENUE if trig.type in _VENUE_TYPES else PlaceRole.EVENT_LOCATION
        place = self._fallback(seg, sent)
        if place is None:
            return None
        return place if place.role is role else attrs.evolve(place, role=role)

    def _fallback(self, seg: Span, sent: Span) -> Place | None:
        text = self.ctx.text
        if self._last is not None and _THERE.search(text, seg.start, seg.end):
            # "maintained a contingent there", "shelled the city": the place last given.
            return self._last
        last = self._recent
        if last is not None and "\n" not in text[last[0] : sent.start]:
            # A place of the sentence before, in the same paragraph ("Drones struck Sumy.
            # Ten people were killed.").
            return last[1]
        return self._dateline

    def target_country(self, targets: tuple[Actor, ...], trig: Trigger, seg: Span) -> Place | None:
        """For an attack with no place named: the country it was aimed at, a state among the
        targets or a demonym right after the verb ("attacked Iranian nuclear sites")."""
        if trig.type not in _AT_TARGET:
            return None
        for a in targets:
            if a.kind is ActorKind.STATE and a.country:
                span = a.mentions[0] if a.mentions else trig.span
                return self._country(
                    a.name, a.country, PlaceRole.EVENT_LOCATION, span.start, span.end
                )
        window = Span(start=trig.reach, end=min(seg.end, trig.reach + 30))
        text = self.ctx.text
        for m, a in state_fallbacks(self.ctx, window):
            if _before_head(text, m.span.end, self.lex.not_target_heads):
                # "shot down 40 Russian drones": whose drones, not where they fell.
                continue
            if a.country:
                return self._country(
                    a.name, a.country, PlaceRole.EVENT_LOCATION, m.span.start, m.span.end
                )
        return None

    def _sentence(self, sent: Span) -> list[_Candidate]:
        """Every place candidate of a sentence, ``(start, end, rank, make)``: found once for all
        the sentence's events; only the chosen one's Place is built."""
        key = (sent.start, sent.end)
        if self._memo_key == key:
            return self._memo
        role = PlaceRole.EVENT_LOCATION
        ctx = self.ctx
        cands: list[_Candidate] = []
        for s, e, p in self._in(sent):
            if s in self._demonyms:
                continue  # "two Palestinian villages": no place named
            name = _english(p.name, ctx.text[s:e])
            make = (lambda p=p: p) if name == p.name else partial(attrs.evolve, p, name=name)
            cands.append((s, e, 0 if self._prep_before(s, sent.start) else 1, make))
        for m in ctx.mentions_in(sent, MentionKind.TERRITORY):
            terr = ctx.territories.get(m.target)
            if terr is None or m.via == "demonym":
                continue
            prep = self._prep_before(m.span.start, sent.start)
            if not prep and ctx.mention_at(m.span, MentionKind.ACTOR) is not None:
                # A state acting ("Russia shelled ...") is a party, not a place.
                continue
            surface = m.span.of(ctx.text)
            make = partial(_place_of_territory, terr, role, surface)
            if _other_city(terr, surface):
                # "in Omdurman", a city the gazetteer files under its region (Khartoum): the
                # event happened in the city the text names.
                make = partial(
                    self._make, surface, TerritoryKind.CITY, None, role, m.span.start, m.span.end
                )
            cands.append((m.span.start, m.span.end, 0 if prep else 2, make))
        cands.extend(self._by_preposition(sent, role))
        cands.extend(self._named_sites(sent, role))
        # "US$10 million": a currency, not a place.
        cands = [c for c in cands if not ctx.text.startswith("$", c[1])]
        self._memo_key, self._memo = key, cands
        return cands

    def _named_sites(self, seg: Span, role: PlaceRole) -> list[_Candidate]:
        """A camp, village or town named with its head noun wherever it stands ("Abu Shouk
        camp ... was shelled"): a place even as a subject."""
        text = self.ctx.text
        out: list[_Candidate] = []
        for m in _NAMED_SITE.finditer(text, seg.start, seg.end):
            s = m.start()
            first = m.group(1).split()[0]
            if first.lower() in self.lex.not_places or first == "The" or s in self._demonyms:
                continue
            if s in self._states:
                continue  # "Sudan town": a country as a modifier
            e = m.end()
            name = text[s:e]
            out.append((s, e, 0, partial(self._make, name, TerritoryKind.OTHER, None, role, s, e)))
        return out

    def _in(self, seg: Span) -> list[tuple[int, int, Place]]:
        import bisect

        i = bisect.bisect_left(self._places, (seg.start, -1))
        out = []
        while i < len(self._places) and self._places[i][0] < seg.end:
            if self._places[i][1] <= seg.end:
                out.append(self._places[i])
            i += 1
        return out

    def _by_preposition(self, seg: Span, role: PlaceRole) -> list[_Candidate]:
        """Capitals, countries and capitalised names right after a locative preposition."""
        text = self.ctx.text
        out: list[_Candidate] = []
        for m in _CAPS.finditer(text, seg.start, seg.end):
            s = m.start()
            if text.startswith("$", m.end()):
                continue  # "US$10 million": a currency
            lead = _LEAD_PREP.match(text, s, m.end())
            if lead is not None:
                # "In Muscat, mediators met ...": a sentence-initial preposition is capitalised.
                s = lead.end()
                m = _CAPS.match(text, s, m.end()) or m
            elif not self._prep_before(s, seg.start):
                continue
            state = self._states.get(s)
            if state is not None:
                end, name, country = state
                out.append((s, end, 0, partial(self._country, name, country, role, s, end)))
                continue
            gaz = self._gaz.get(s)
            if gaz is not None:
                end, name, country = gaz
                city = partial(self._make, name, TerritoryKind.CITY, country, role, s, end)
                out.append((s, end, 0, city))
                continue
            name = _unglued(m.group().rstrip("'’"))
            capital = self._capitals.get(s)
            if capital is not None:
                end, city_name, country = capital
                city = partial(self._make, city_name, TerritoryKind.CITY, country, role, s, end)
                out.append((s, end, 0, city))
                continue
            first = name.split()[0].lower()
            if first in self.lex.not_places or len(name) < 3 or s in self._demonyms:
                continue
            if name.split()[-1].lower() in self.lex.not_place_heads:
                continue  # "in the Bilateral Consultation Mechanism": a body, not a place
            if text.startswith("$", m.end()):
                continue  # "US$10 million": a currency
            if self.ctx.mention_at(
                Span(start=s, end=m.end()), MentionKind.ACTOR
            ) is not None and not _city_of(name):
                # An actor named after a preposition ("talks with Hamas"), unless it is also a
                # city ("in Brussels").
                continue
            end = s + len(name)
            out.append(
                (s, end, 0, partial(self._make, name, TerritoryKind.OTHER, None, role, s, end))
            )
        return out

    def _country(self, name: str, code: str, role: PlaceRole, s: int, e: int) -> Place:
        try:
            return Place(
                id=code,
                name=" ".join(name.split()),
                kind=TerritoryKind.COUNTRY,
                code=code,
                role=role,
                mentions=(Span(start=s, end=e),),
            )
        except ValidationError:
            return self._make(name, TerritoryKind.OTHER, None, role, s, e)

    def _make(
        self, name: str, kind: TerritoryKind, country: str | None, role: PlaceRole, s: int, e: int
    ) -> Place:
        city = _city_of(name, country)
        if city is not None:
            # A GeoNames city: placed in its ISO 3166-2 region where known.
            kind, country = TerritoryKind.CITY, city.parent
        key = f"{'city' if kind is TerritoryKind.CITY else 'place'}:{_slug(name)}"
        old = self._made.get(key)
        mention = Span(start=s, end=e)
        if old is not None and mention in old.mentions:
            return old
        try:
            place = Place(
                id=key,
                name=" ".join(name.split()),
                kind=kind,
                parent=country,
                role=role,
                mentions=(*(old.mentions if old else ()), mention),
            )
        except ValidationError:
            place = Place(
                id=key, name=" ".join(name.split()), kind=kind, role=role, mentions=(mention,)
            )
        self._made[key] = place
        return place


def event_date(ctx: ParseContext, trig: Trigger, seg: Span, sent: Span) -> TextDate | None:
    """The date expression of the event's segment nearest its trigger, else of its sentence."""
    for span in (seg, sent):
        dates = [d for d in ctx.dates_in(span) if d.span is not None]
        if dates:
            return min(dates, key=lambda d: abs(d.span.start - trig.start) if d.span else 0)
    return None


def _capitals_after_demonyms(text: str, matches: list[Match]) -> dict[int, tuple[int, str, str]]:
    """Demonym start -> (end of "capital", the capital, the state's code): "the Libyan
    capital" is Tripoli."""
    out: dict[int, tuple[int, str, str]] = {}
    for m in matches:
        for e in m.entries:
            if e.via == "demonym" and e.target.startswith("state:"):
                after = _CAPITAL_AFTER.match(text, m.end)
                city = _capital_of(e.target[6:])
                if after and city:
                    out[m.start] = (after.end(), city, e.target[6:])
                break
    return out


def _state_counts(
    matches: list[Match], text: str, heads: frozenset[str]
) -> tuple[dict[str, int], dict[str, tuple[str, int, int]]]:
    """How often each state is named, and its first mention by name (text, start, end).  A
    demonym on a weapon or a force ("40 Russian drones") says whose, not where: not counted."""
    named: dict[str, int] = {}
    names: dict[str, tuple[str, int, int]] = {}
    for m in matches:
        if text.startswith("$", m.end):
            continue  # "US$10 million": a currency
        for e in m.entries:
            if e.via == "demonym" and _before_head(text, m.end, heads):
                break
            if e.kind is MentionKind.ACTOR and e.target.startswith("state:"):
                code = e.target[6:]
                named[code] = named.get(code, 0) + 1
                if e.via in ("name", "alias") and code not in names:
                    names[code] = (m.text, m.start, m.end)
                break
    return named, names


def _before_head(text: str, end: int, heads: frozenset[str]) -> bool:
    """Whether one of the two words after ``end`` is one of ``heads``."""
    m = _NEXT_WORDS.match(text, end)
    return m is not None and not heads.isdisjoint(w.lower() for w in m.groups() if w)


def _state_mentions(
    matches: list[Match],
) -> tuple[dict[int, tuple[int, str, str]], dict[int, tuple[int, str, str]]]:
    """Mention start -> (end, text, state code), for metonyms and capitals, and for names."""
    metonyms: dict[int, tuple[int, str, str]] = {}
    names: dict[int, tuple[int, str, str]] = {}
    for m in matches:
        for e in m.entries:
            if e.kind is not MentionKind.ACTOR or not e.target.startswith("state:"):
                continue
            if e.via in ("metonym", "capital"):
                metonyms[m.start] = (m.end, m.text, e.target[6:])
                break
            if e.via in ("name", "alias"):
                names[m.start] = (m.end, m.text, e.target[6:])
                break
    return metonyms, names
