"""The ``claims`` stage: territorial claims and control stated as facts.

"Russia annexed Crimea in 2014", "Goma has been under M23 control since January", "Israel
occupies the West Bank", "the RSF seized El Fasher", "El Fasher fell to the RSF", "Azerbaijan
retook Nagorno-Karabakh", "Russia claims sovereignty over Crimea", "the United States refuses to
recognise Crimea as Russian territory".  A claim needs a resolved claimant and a territory
mention (or a phrase such as "these areas" that points back to territories named just before);
a vague object ("four other regions") gives no claim.  Modal, negated or hoped-for sentences
("Russia may annex", "a return to Russian control") are not facts and give none.

Example:
    >>> from conflictmodel import parse_article
    >>> art = parse_article("Russia annexed Crimea in 2014.")
    >>> [(c.claimant.id, c.kind.value, c.territory.id) for c in art.claims]
    [('state:RU', 'annexed', 'UA-43')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import attrs

from conflictmodel.context import Mention, ParseContext
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.model.territories import ClaimKind, TerritorialClaim, Territory
from conflictmodel.model.textdates import TextDate
from conflictmodel.parsers.language.clauses import (
    clause_at,
    clause_spans,
    sentence_windows,
    text_units,
)
from conflictmodel.parsers.language.gate import PatternGate, literal_hints
from conflictmodel.parsers.language.mentions import (
    actors_with_fallback,
    as_party,
    possessor,
    register,
    subject_actors,
    territory_mentions,
)
from conflictmodel.parsers.places import is_dateline
from conflictmodel.parsers.proposals.lexicon import union
from conflictmodel.parsers.proposals.provisions import recognized_as
from conflictmodel.parsers.territories import gazetteer_of, iso_parent
from conflictmodel.resources import load_data, merge_phrase_tables, phrase_table

__all__ = ["ClaimLexicon", "ClaimParser"]

_MAX_CUES = 40
# Word lists users can extend: data/claims_words.json.
_WORDS: dict[str, Any] = load_data("claims_words.json")


def _any_word(words: Iterable[str]) -> str:
    """An alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Names of one list after the first object ("seized Crimea, Donetsk and the city of Luhansk").
_LIST_GAP = re.compile(
    r"\s{0,3}(?:,|,?\s{1,3}and|,?\s{1,3}as\s+well\s+as)\s{1,3}(?:the\s{1,3})?(?:\w+\s{1,3}){0,2}"
)
# "seized El Fasher, the capital of North Darfur": what follows the comma says where the
# object lies; it is not a second object.
_APPOSITIVE = re.compile(
    r"\s{0,3},\s{1,3}(?:(?:the|a|an|its)\s{1,3})?(?:[\w-]+\s{1,3})?(?:"
    + _any_word(_WORDS["appositive_nouns"])
    + r")\s{1,3}(?:of|in)\s",
    re.IGNORECASE,
)
# Words allowed between a cue and the territory it governs ("seized most of the city of ...").
_OBJECT_GAP = re.compile(
    r"\s{1,3}(?:(?:" + _any_word(_WORDS["object_gap"]) + r"|[A-Z][\w.'’-]*['’]s)\s{1,3}){0,6}",
    re.I,
)
_NOUN_CUE = re.compile(r"(?:" + _any_word(_WORDS["noun_cues"]) + r")\b", re.I)


def _table(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    return phrase_table(raw, where, what="claim kind", key=ClaimKind)


def _active_map(raw: Any) -> dict[str, tuple[str, ...]]:
    return _table(raw, "active")


def _passive_map(raw: Any) -> dict[str, tuple[str, ...]]:
    return _table(raw, "passive")


def _under_map(raw: Any) -> dict[str, tuple[str, ...]]:
    return _table(raw, "under")


def _to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ClaimLexicon:
    """Claim and control cues (``data/claims.json``).

    Example:
        >>> lex = ClaimLexicon.default().extend(active={"controls": ["wrested control of"]})
        >>> "wrested control of" in lex.active["controls"]
        True
    """

    active: Mapping[str, tuple[str, ...]] = attrs.field(converter=_active_map)
    passive: Mapping[str, tuple[str, ...]] = attrs.field(converter=_passive_map)
    under: Mapping[str, tuple[str, ...]] = attrs.field(converter=_under_map)
    blockers: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    anaphors: tuple[str, ...] = attrs.field(converter=_to_str_tuple)
    _rx: Any = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_rx", _compile(self))

    @classmethod
    def default(cls) -> ClaimLexicon:
        """The shipped cues.

        Example:
            >>> 'annexed' in ClaimLexicon.default().active
            True
        """
        return _default_claims()

    def extend(
        self,
        *,
        active: Mapping[str, Iterable[str]] | None = None,
        passive: Mapping[str, Iterable[str]] | None = None,
    ) -> ClaimLexicon:
        """A new lexicon with more cues (see the class example).

        Example:
            >>> lex = ClaimLexicon.default().extend(active={"annexed": ["x-ed"]})
            >>> lex.active["annexed"][-1]
            'x-ed'
        """

        return ClaimLexicon(
            active=merge_phrase_tables(self.active, active),
            passive=merge_phrase_tables(self.passive, passive),
            under=self.under,
            blockers=self.blockers,
            anaphors=self.anaphors,
        )


@attrs.frozen(kw_only=True)
class _ClaimRx:
    active: tuple[tuple[ClaimKind, re.Pattern[str]], ...]
    passive: tuple[tuple[ClaimKind, re.Pattern[str]], ...]
    under: re.Pattern[str]
    under_kind: Mapping[str, ClaimKind]
    blockers: re.Pattern[str]
    anaphor: re.Pattern[str]
    active_gate: PatternGate
    passive_gate: PatternGate


def _compile(lex: ClaimLexicon) -> _ClaimRx:
    under_kind: dict[str, ClaimKind] = {}
    for k, words in lex.under.items():
        for w in words:
            under_kind[w.lower()] = ClaimKind(k)
    under_words = (
        "|".join(re.escape(w) for w in sorted(under_kind, key=len, reverse=True)) or "(?!x)x"
    )
    return _ClaimRx(
        active=tuple(
            (ClaimKind(k), re.compile(union(v), re.I)) for k, v in lex.active.items() if v
        ),
        passive=tuple(
            (ClaimKind(k), re.compile(union(v), re.I)) for k, v in lex.passive.items() if v
        ),
        under=re.compile(
            r"\bunder\s{1,3}(?:the\s{1,3})?(?:(?:full|effective|de\s+facto|complete|partial|firm|"
            r"military|direct)\s{1,3})?(?P<who>[A-Z][\w.'’-]*(?:[\s-]{1,3}[A-Z][\w.'’-]*){0,2}|pro-[A-Z][\w'’-]*\s{1,3}\w+)"
            r"\s{1,3}(?P<what>" + under_words + r")\b",
        ),
        under_kind=under_kind,
        blockers=re.compile(union(lex.blockers) + r"(?:\s{1,3}[\w'’-]+){0,3}\s{0,3}$", re.I),
        anaphor=re.compile(union(lex.anaphors), re.I),
        active_gate=_gate_of(v for v in lex.active.values() if v),
        passive_gate=_gate_of(v for v in lex.passive.values() if v),
    )


def _gate_of(tables: Iterable[Iterable[str]]) -> PatternGate:
    return PatternGate([{h for p in phrases for h in literal_hints(p)} for phrases in tables])


@cache
def _default_claims() -> ClaimLexicon:
    d = load_data("claims.json")
    return ClaimLexicon(
        active=d["active"],
        passive=d["passive"],
        under=d["under"],
        blockers=d["blockers"],
        anaphors=d["anaphors"],
    )


# Claims about sovereignty put the state the territory belongs to at issue too (its territorial
# integrity is at stake); control in fact does not.
_SOVEREIGNTY_KINDS = frozenset(ClaimKind) - {ClaimKind.CONTROLS}


def _states_at_issue(ctx: ParseContext) -> None:
    """A state whose territory a claim of sovereignty names is at issue: it is no longer only
    a place of ``ctx.places`` (where the text names it at all)."""
    if not ctx.places:
        return
    gz = gazetteer_of(ctx)
    for claim in ctx.claims:
        if claim.kind not in _SOVEREIGNTY_KINDS:
            continue
        terr = claim.territory
        parent = terr.code if terr.code and "-" not in terr.code else iso_parent(gz, terr)
        country = parent.split("-", 1)[0] if parent else None
        if country and country in ctx.territories:
            ctx.places.pop(country, None)


class ClaimParser:
    """Pipeline stage ``claims``: fills ``ctx.claims``.

    Args:
        lexicon: the cues (default: ``data/claims.json``).
        extra_cues: more active cues by claim kind (``{"controls": ["wrested control of"]}``).

    Example:
        >>> ClaimParser(extra_cues={"controls": ["wrested control of"]}).name
        'claims'
    """

    name = "claims"
    requires: tuple[str, ...] = ("sentences", "territories", "actors")
    # Read when an earlier stage provides them; the stage works without.
    uses: tuple[str, ...] = ("dates",)
    provides: tuple[str, ...] = ("claims",)

    def __init__(
        self,
        *,
        lexicon: ClaimLexicon | None = None,
        extra_cues: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        lex = lexicon or ClaimLexicon.default()
        if extra_cues:
            lex = lex.extend(active=extra_cues)
        self.lexicon = lex
        self._rx: _ClaimRx = lex._rx

    def __call__(self, ctx: ParseContext) -> None:
        if not ctx.text.strip():
            return
        seen: set[tuple[str, str, str, int]] = set()
        prev: Span | None = None
        for sent in text_units(ctx):
            if ctx.is_furniture(sent):
                continue
            for win in sentence_windows(sent, ctx.text):
                for claim in self._sentence(ctx, win, prev):
                    sent_key = claim.span.start
                    key = (claim.claimant.id, claim.kind.value, claim.territory.id, sent_key)
                    if key in seen:
                        continue
                    seen.add(key)
                    ctx.claims.append(claim)
            prev = sent
        _states_at_issue(ctx)

    # ------------------------------------------------------------------ per sentence

    def _sentence(self, ctx: ParseContext, sent: Span, prev: Span | None) -> list[TerritorialClaim]:
        text = ctx.text
        clauses = clause_spans(text, sent)
        taken: list[Span] = []
        out = self._under(ctx, sent, clauses, taken)
        for start, end, kind, active in self._cues(text, sent, taken):
            cue = Span(start=start, end=end)
            if self._blocked(text, sent, start) and kind is not ClaimKind.REJECTS_RECOGNITION:
                continue
            clause = clause_at(clauses, start)
            if active:
                out.extend(self._active(ctx, sent, clause, cue, kind, prev))
            else:
                out.extend(self._passive(ctx, sent, clause, cue, kind))
        return out

    def _under(
        self, ctx: ParseContext, sent: Span, clauses: Sequence[Span], taken: list[Span]
    ) -> list[TerritorialClaim]:
        """ "under Russian control": claimant inside, territory is the subject.  The cues
        used are added to ``taken``."""
        text = ctx.text
        rx = self._rx
        out: list[TerritorialClaim] = []
        if text.find("under", sent.start, sent.end) < 0:
            return out
        for m in rx.under.finditer(text, sent.start, sent.end):
            if self._blocked(text, sent, m.start()):
                continue
            claimant = self._actor_in(ctx, Span(start=m.start("who"), end=m.end("who")))
            if claimant is None:
                continue
            kind = rx.under_kind.get(m.group("what").lower(), ClaimKind.CONTROLS)
            clause = clause_at(clauses, m.start())
            terrs = [
                t for tm, t in territory_mentions(ctx, Span(start=clause.start, end=m.start()))
            ]
            if not terrs:
                # "... placed the city under Russian control" / "Crimea, under Russian control"
                terrs = [
                    t for tm, t in territory_mentions(ctx, Span(start=sent.start, end=m.start()))
                ][-1:]
            if not terrs:
                continue
            taken.append(Span(start=m.start(), end=m.end()))
            for terr in terrs[:1]:
                out.append(self._claim(ctx, sent, claimant, terr, kind, m.start(), m.end()))
        return out

    def _cues(
        self, text: str, sent: Span, taken: Sequence[Span]
    ) -> list[tuple[int, int, ClaimKind, bool]]:
        """Passive and active cues (start, end, kind, active) outside ``taken``, the longest of
        overlapping ones, in text order."""
        rx = self._rx
        cues: list[tuple[int, int, ClaimKind, bool]] = []
        for gate, table, active in (
            (rx.passive_gate, rx.passive, False),
            (rx.active_gate, rx.active, True),
        ):
            for i in sorted(gate.candidates_in(text, sent.start, sent.end)):
                kind, crx = table[i]
                for n, m in enumerate(crx.finditer(text, sent.start, sent.end)):
                    if n >= _MAX_CUES:
                        break
                    cues.append((m.start(), m.end(), kind, active))
        cues.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        chosen: list[tuple[int, int, ClaimKind, bool]] = []
        for c in cues:
            span = Span(start=c[0], end=c[1])
            if any(span.overlaps(t) for t in taken):
                continue
            if all(c[1] <= k[0] or c[0] >= k[1] for k in chosen):
                chosen.append(c)
        chosen.sort()
        return chosen

    def _blocked(self, text: str, sent: Span, at: int) -> bool:
        before = text[max(sent.start, at - 40) : at]
        return bool(self._rx.blockers.search(before))

    def _active(
        self,
        ctx: ParseContext,
        sent: Span,
        clause: Span,
        cue: Span,
        kind: ClaimKind,
        prev: Span | None,
    ) -> list[TerritorialClaim]:
        text = ctx.text
        terrs = self._object_territories(ctx, sent, clause, cue, prev)
        if not terrs:
            return []
        claimants: list[Actor] = []
        cue_text = text[cue.start : cue.end]
        if _NOUN_CUE.match(cue_text):
            has_poss, owner = possessor(ctx, cue.start, clause.start)
            if owner is not None:
                claimants = [owner]
            elif has_poss:
                pass
            else:
                adj = self._demonym_before(ctx, cue.start, clause.start)
                if adj is not None:
                    claimants = [adj]
                else:
                    by = self._by_actor(ctx, terrs[-1][0].span.end, clause.end)
                    if by is not None:
                        claimants = [by]
            if not claimants and has_poss:
                # "its annexation of ..." whose owner we cannot name: no claimant.
                return []
        if not claimants:
            claimants = [a for _, a in subject_actors(ctx, clause.start, cue.start)]
            if not claimants and clause.start > sent.start:
                claimants = [a for _, a in subject_actors(ctx, sent.start, cue.start)]
            claimants = claimants or self._phrase_subject(ctx, clause, cue)
        out: list[TerritorialClaim] = []
        for claimant in claimants:
            if claimant.kind is ActorKind.MEDIA:
                continue
            for tm, terr in terrs:
                if (
                    claimant.kind is ActorKind.STATE
                    and claimant.country
                    and terr.code == claimant.country
                ):
                    continue
                recognized = None
                if kind in (ClaimKind.RECOGNIZES, ClaimKind.REJECTS_RECOGNITION):
                    recognized, _, _ = recognized_as(ctx, text, cue.start, tm.span.end, clause.end)
                    if kind is ClaimKind.RECOGNIZES and recognized is None:
                        continue
                out.append(
                    self._claim(ctx, sent, claimant, terr, kind, cue.start, tm.span.end, recognized)
                )
        return out

    def _passive(
        self, ctx: ParseContext, sent: Span, clause: Span, cue: Span, kind: ClaimKind
    ) -> list[TerritorialClaim]:
        text = ctx.text
        claimant = self._by_actor(ctx, cue.end - 1, min(clause.end, cue.end + 80), loose=True)
        if claimant is None:
            return []
        before = Span(start=clause.start, end=cue.start)
        terrs = territory_mentions(ctx, before)
        if not terrs:
            terrs = territory_mentions(ctx, Span(start=sent.start, end=cue.start))[-1:]
        if not terrs:
            return []
        tm, terr = terrs[-1]
        if len(text[tm.span.end : cue.start].split()) > 8:
            return []
        return [self._claim(ctx, sent, claimant, terr, kind, tm.span.start, cue.end)]

    # ------------------------------------------------------------------ pieces

    def _object_territories(
        self, ctx: ParseContext, sent: Span, clause: Span, cue: Span, prev: Span | None
    ) -> list[tuple[Mention, Territory]]:
        text = ctx.text
        gap = _OBJECT_GAP.match(text, cue.end, min(clause.end, cue.end + 80))
        at = gap.end() if gap else cue.end
        found = territory_mentions(ctx, Span(start=cue.end, end=min(clause.end, at + 200)))
        out: list[tuple[Mention, Territory]] = []
        if found and found[0][0].span.start <= at + 1:
            out.append(found[0])
            last = found[0][0].span.end
            for tm, t in found[1:]:
                between = text[last : tm.span.start]
                if _LIST_GAP.fullmatch(between) and not _APPOSITIVE.match(between):
                    out.append((tm, t))
                    last = tm.span.end
                else:
                    break
            return out
        ana = self._rx.anaphor.match(text, at) or self._rx.anaphor.match(text, cue.end + 1)
        if ana:
            # "holding parts of the region": the territories named just before.
            earlier = territory_mentions(ctx, Span(start=sent.start, end=cue.start))
            if not earlier and prev is not None:
                earlier = territory_mentions(ctx, prev)
            seen: set[str] = set()
            for tm, t in earlier:
                if is_dateline(text, tm.span.start, tm.span.end):
                    continue  # "GOMA (Reuters) - ... after seizing it": not what "it" means
                if t.id not in seen and t.kind.value != "country":
                    out.append((tm, t))
                    seen.add(t.id)
        return out

    def _actor_in(self, ctx: ParseContext, span: Span) -> Actor | None:
        found = actors_with_fallback(ctx, Span(start=span.start, end=span.end))
        if found:
            m, a = found[0]
            return as_party(ctx, register(ctx, m, a), m, modifier=True)
        return self._resolve(ctx, span)

    def _resolve(self, ctx: ParseContext, span: Span) -> Actor | None:
        try:
            from conflictmodel.parsers.actors import resolve_phrase
        except ImportError:  # pragma: no cover - the actors stage is part of the package
            return None
        try:
            actor = resolve_phrase(ctx, span)
        except Exception:  # the actors stage may reject odd phrases; a claim is not worth a crash
            return None
        return actor

    def _demonym_before(self, ctx: ParseContext, at: int, floor: int) -> Actor | None:
        """ "the Russian annexation of", "Israeli occupation of"."""
        seg_start = max(floor, at - 30)
        found = actors_with_fallback(ctx, Span(start=seg_start, end=at))
        if not found:
            return None
        m, a = found[-1]
        if re.fullmatch(
            r"\s{1,3}(?:(?:illegal|military|de\s+facto|full|continued|formal|brutal|ongoing)\s{1,3}){0,2}",
            ctx.text[m.span.end : at],
        ):
            return as_party(ctx, register(ctx, m, a), m, modifier=True)
        return None

    def _by_actor(
        self, ctx: ParseContext, at: int, limit: int, *, loose: bool = False
    ) -> Actor | None:
        """ "... by Russia", "fell to the RSF": the actor right after ``at``."""
        text = ctx.text
        if not loose:
            m = re.match(r"\s{1,3}by\s{1,3}", text[at : at + 8])
            if not m:
                return None
            at += m.end()
        found = actors_with_fallback(ctx, Span(start=at, end=min(limit, at + 60)))
        if found and len(text[at : found[0][0].span.start].split()) <= 3:
            mm, a = found[0]
            return as_party(ctx, register(ctx, mm, a), mm, modifier=True)
        return None

    def _phrase_subject(self, ctx: ParseContext, clause: Span, cue: Span) -> list[Actor]:
        """A subject no stage named ("pro-Russian forces asserting control"): ask the actors
        stage to resolve the noun phrase right before the cue."""
        text = ctx.text
        seg = text[clause.start : cue.start]
        m = re.search(
            r"((?:[\w'’-]+\s{1,3}){0,2}(?:forces|troops|separatists|rebels|militias|militants|"
            r"fighters|army|soldiers|units|groups?|paramilitaries|government|authorities))"
            r"\s{1,3}(?:(?:have|has|had|now|still|are|is|were|was|reportedly|effectively)\s{1,3}){0,3}$",
            seg,
            re.I,
        )
        if not m:
            return []
        lead = re.match(r"(?:(?:with|and|as|while|the|a|an|some|many)\s{1,3})*", m.group(1), re.I)
        skip = lead.end() if lead else 0
        span = Span(start=clause.start + m.start(1) + skip, end=clause.start + m.end(1))
        phrase = " ".join(span.of(text).split())
        if re.match(r"(?:pro|anti)-", phrase, re.I):
            # "pro-Russian forces" are a party of their own, not Russia.
            slug = re.sub(r"[^a-z0-9]+", "-", phrase.lower()).strip("-")
            actor = ctx.add_actor(
                Actor(
                    id=f"anon:{slug}",
                    name=phrase,
                    kind=ActorKind.GROUP,
                    anonymous=True,
                    description=phrase,
                )
            )
            ctx.add_mention(span, target=actor.id, via="descriptor", alias=False)
            return [ctx.actors[actor.id]]
        resolved = self._resolve(ctx, span)
        return [resolved] if resolved is not None else []

    def _claim(
        self,
        ctx: ParseContext,
        sent: Span,
        claimant: Actor,
        terr: Territory,
        kind: ClaimKind,
        start: int,
        end: int,
        recognized: str | None = None,
    ) -> TerritorialClaim:
        text = ctx.text
        span = Span(start=sent.start, end=sent.end)
        seg = text[span.start : span.end]
        lead = len(seg) - len(seg.lstrip())
        span = Span(start=span.start + lead, end=span.start + len(seg.rstrip()))
        return TerritorialClaim(
            claimant=claimant,
            territory=terr,
            kind=kind,
            text=text[span.start : span.end],
            span=span,
            since=_since(ctx, sent, start, end),
            recognized_as=recognized,
        )


def _since(ctx: ParseContext, sent: Span, start: int, end: int) -> TextDate | None:
    """The date the claim dates from: "since 2014", "in 2014" near the cue."""
    dates = [d for d in ctx.dates_in(sent) if d.span is not None]
    if not dates:
        return None
    text = ctx.text

    def score(d: TextDate) -> tuple[int, int]:
        assert d.span is not None
        before = text[max(sent.start, d.span.start - 8) : d.span.start].lower()
        since = 0 if ("since" in before or d.text.lower().startswith("since")) else 1
        dist = d.span.start - end if d.span.start >= end else start - d.span.end + 40
        return (since, dist)

    best = min(dates, key=score)
    assert best.span is not None
    if score(best)[1] > 120:
        return None
    return best
