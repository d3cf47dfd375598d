"""The ``territories`` stage: places the article is about.

Regions, disputed areas and conflict towns named in the text become territories with their ISO
3166-2 code where there is one (Crimea ``UA-43``, North Kivu ``CD-NK``) and ``area:<slug>``
otherwise (Nagorno-Karabakh, the Gaza Strip).  Countries count as territories when the text
treats them as places ("the war in Ukraine", "eastern Ukraine", "Ukraine's territorial
integrity", "Ukrainian lands") or when one of their regions is named too; a country that only
acts ("Russia said") is an actor, not a territory.  A capital used for its government ("Kyiv
said", "Moscow rejected") is an actor mention, left to the ``actors`` stage; used as a place ("a
strike on Kyiv") it is a territory when the sentence reports fighting.  Page furniture is
skipped.

Example:
    >>> from conflictmodel import parse_article
    >>> art = parse_article("Shelling hit Zaporizhia and the Donbas as Kyiv said talks were over.")
    >>> [(t.name, t.code or t.id) for t in art.territories]
    [('Zaporizhzhia', 'UA-23'), ('Donbas', 'area:donbas')]
"""

from __future__ import annotations

import re

from conflictmodel.context import MentionKind, ParseContext
from conflictmodel.errors import ConflictModelError
from conflictmodel.gazetteer import Gazetteer, Match
from conflictmodel.model.span import Span
from conflictmodel.model.territories import Territory, TerritoryKind
from conflictmodel.resources import load_data

__all__ = ["TerritoryParser", "context_matches", "gazetteer_of", "in_furniture", "is_metonym_use"]

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
_POSSESSIVE = re.compile(r"['’]s?\b")


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
    if prev and prev[-1] == "as":
        # "recognise Crimea as Russian territory" classifies a place; it does not name one.
        return False
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
    """Finds territories named in the text (stage ``territories``).

    Args:
        conflict_cities: if False, a capital used as a place is never a territory (default
            True: it is one when its sentence reports fighting).

    Example:
        >>> from conflictmodel.context import ParseContext
        >>> ctx = ParseContext(text="Fighting raged in North Kivu and the war in Sudan went on.")
        >>> TerritoryParser()(ctx)
        >>> sorted(ctx.territories)
        ['CD-NK', 'SD']
    """

    name = "territories"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("territories",)

    def __init__(self, *, conflict_cities: bool = True) -> None:
        self.conflict_cities = conflict_cities

    def __call__(self, ctx: ParseContext) -> None:
        gz = gazetteer_of(ctx)
        text = ctx.text
        pending_countries: dict[str, list[Span]] = {}
        regions_parents: set[str] = set()
        # Mentions are written in one go at the end (parsers are shared: keep state local).
        pending: list[tuple[Span, str, MentionKind, str, bool]] = []
        fighting: dict[int, bool] = {}
        for m in context_matches(ctx):
            terr_ids = m.targets(MentionKind.TERRITORY)
            vias = {e.via for e in m.entries}
            if not terr_ids:
                if "demonym" in vias and _demonym_place_use(text, m.start, m.end):
                    code = gz.country_code(m.text)
                    if code and code in gz.territories:
                        self._add(ctx, pending, gz.territories[code], m.span, via="demonym")
                continue
            terr = gz.territories[terr_ids[0]]
            is_state_metonym = any(
                e.kind is MentionKind.ACTOR and e.via == "metonym" for e in m.entries
            )
            if terr.kind is TerritoryKind.COUNTRY:
                if _country_place_use(text, m.start, m.end):
                    self._add(ctx, pending, terr, m.span)
                else:
                    pending_countries.setdefault(terr.id, []).append(m.span)
                continue
            if is_state_metonym:
                if is_metonym_use(text, m.start, m.end):
                    continue
                if not (self.conflict_cities and _reports_fighting(ctx, m.start, fighting)):
                    continue
            elif terr.id in gz.contextual and not _reports_fighting(ctx, m.start, fighting):
                continue
            self._add(ctx, pending, terr, m.span)
            parent = self._country_of(gz, terr)
            if parent:
                regions_parents.add(parent)
        # A country whose region the article names is a place of the conflict too.
        for code in regions_parents:
            spans = pending_countries.get(code)
            if spans and code in gz.territories:
                self._add(ctx, pending, gz.territories[code], spans[0])
        ctx.add_mentions(pending)

    @staticmethod
    def _country_of(gz: Gazetteer, terr: Territory) -> str | None:
        seen: set[str] = set()
        cur: Territory | None = terr
        while cur is not None and cur.id not in seen:
            seen.add(cur.id)
            if cur.code:
                return cur.code.split("-", 1)[0]
            if cur.parent and len(cur.parent) == 2:
                return cur.parent
            cur = gz.territories.get(cur.parent) if cur.parent else None
        return None

    @staticmethod
    def _add(
        ctx: ParseContext,
        pending: list[tuple[Span, str, MentionKind, str, bool]],
        terr: Territory,
        span: Span,
        *,
        via: str = "name",
    ) -> None:
        if terr.id not in ctx.territories:
            ctx.add_territory(_bare(terr))
        surface = " ".join(span.of(ctx.text).split())
        # Aliases record only the names the text uses, not a demonym ("Ukrainian lands").
        alias = via != "demonym" and bool(_POSSESSIVE.sub("", surface))
        pending.append((span, terr.id, MentionKind.TERRITORY, via, alias))


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
