"""Actors and territories in a span: mentions found by earlier stages, fallbacks for states."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

import attrs

from conflictmodel.context import Mention, MentionKind, ParseContext
from conflictmodel.errors import GazetteerError
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.model.territories import Territory
from conflictmodel.parsers.language.clauses import sentence_windows
from conflictmodel.parsers.language.words import _DET_WORDS, _PREPOSITIONS
from conflictmodel.resources import load_data

__all__ = [
    "SUBJECT_BOUNDARY",
    "actor_mentions",
    "actors_with_fallback",
    "as_party",
    "drop_modifiers",
    "in_prep_phrase",
    "lookup_country",
    "possessor",
    "register",
    "state_actor",
    "state_fallbacks",
    "subject_actors",
    "subject_group",
    "territory_mentions",
]


# ---------------------------------------------------------------------------------- ctx helpers


@cache
def _states_table() -> dict[str, str]:
    """Lower-case country name, demonym or metonym -> ISO alpha-2 (a fallback for when the
    actor stages found nothing)."""
    out: dict[str, str] = {}
    try:
        states = load_data("states.json").get("states", {})
    except GazetteerError:
        states = {}
    for code, entry in states.items():
        if not isinstance(entry, Mapping):
            continue
        for key in ("name", "names", "demonyms", "metonyms"):
            vals = entry.get(key)
            for v in [vals] if isinstance(vals, str) else vals or []:
                if isinstance(v, str) and v:
                    out.setdefault(v.lower(), code)
    return out


# Memoised: the stages look up every capitalised phrase of a sentence, the same ones again and
# again, and the answer depends only on the words (the table is fixed).
@lru_cache(maxsize=8192)
def lookup_country(words: str) -> str | None:
    """ISO alpha-2 of a country named by ``words`` ("the Russian Federation", "Russian")."""
    w = " ".join(words.replace("’", "'").split()).strip(" ,.'")
    table = _states_table()
    for cand in (w, _THE.sub("", w), _POSSESSIVE_S.sub("", w)):
        code = table.get(cand.lower())
        if code:
            return code
    return None


_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE_S = re.compile(r"'s$")


def state_actor(ctx: ParseContext, code: str, *, add: bool = True) -> Actor | None:
    aid = f"state:{code}"
    if aid in ctx.actors:
        return ctx.actors[aid]
    gaz = getattr(ctx.gazetteer, "actors", None)
    actor: Actor | None = None
    if isinstance(gaz, Mapping) and isinstance(gaz.get(aid), Actor):
        actor = attrs.evolve(gaz[aid], mentions=())
    if actor is None:
        try:
            import pycountry

            c = pycountry.countries.get(alpha_2=code)
        except (ImportError, KeyError, LookupError):  # pragma: no cover - pycountry is a dependency
            c = None
        if c is None:
            return None
        actor = Actor(
            id=aid,
            name=getattr(c, "common_name", None) or c.name,
            kind=ActorKind.STATE,
            country=code,
        )
    return ctx.add_actor(actor) if add else actor


def actor_mentions(ctx: ParseContext, span: Span) -> list[tuple[Mention, Actor]]:
    """Actor mentions inside ``span`` with their actors, in text order, longest first at a
    position and without nested duplicates.

    Example:
        >>> ctx = ParseContext(text="Egypt and Qatar")
        >>> actor_mentions(ctx, Span(start=0, end=15))
        []
    """
    out: list[tuple[Mention, Actor]] = []
    last_end = -1
    for m in ctx.mentions_in(span, MentionKind.ACTOR):
        if m.span.start < last_end:
            continue
        if _PRO_ANTI.search(ctx.text[max(0, m.span.start - 5) : m.span.start]):
            # "pro-Russian forces" are not Russia.
            continue
        actor = ctx.actors.get(m.target)
        if actor is not None:
            out.append((m, actor))
            last_end = m.span.end
    return out


_PRO_ANTI = re.compile(r"(?:pro|anti|non)-$", re.I)
_CAPS = re.compile(r"(?<![\w.'’-])[A-Z][\w.'’-]*(?:\s{1,3}[A-Z][\w.'’-]*){0,2}")
_TITLE_AFTER = re.compile(
    r"\s{1,3}(?:(?:President|Prime|Minister|Foreign|Defence|Defense|Deputy|Vice|Ambassador|"
    r"Secretary|Envoy|envoy|president|prime|minister|foreign|ambassador|spokesperson|spokesman|"
    r"leader|chief|General|general|Gen\.|Colonel|commander)\s{1,3})*[A-Z]"
)


def state_fallbacks(ctx: ParseContext, span: Span) -> list[tuple[Mention, Actor]]:
    """States named in ``span`` by a name, demonym or capital that no earlier stage marked
    ("a longstanding Russian demand", "Russian officials").  A demonym that modifies a named
    person ("Ukrainian President Volodymyr Zelensky") is not one.  The mentions are not added to
    the context; see ``register``.

    Example:
        >>> ctx = ParseContext(text="a Russian demand")
        >>> [(m.span.of(ctx.text), a.id) for m, a in state_fallbacks(ctx, Span(start=0, end=16))]
        [('Russian', 'state:RU')]
    """
    text = ctx.text
    out: list[tuple[Mention, Actor]] = []
    for win in sentence_windows(span, text):
        for m in _CAPS.finditer(text, win.start, win.end):
            words = m.group().split()
            for n in range(len(words), 0, -1):
                phrase = " ".join(words[:n]).rstrip(".,")
                code = lookup_country(phrase)
                if code is None:
                    continue
                end = m.start() + len(" ".join(words[:n]).rstrip(".,"))
                # Recompute the end over the original spacing.
                end = (
                    m.start()
                    + text[m.start() : m.end()].find(words[n - 1])
                    + len(words[n - 1].rstrip(".,"))
                )
                mspan = Span(start=m.start(), end=end)
                if ctx.mention_at(mspan, MentionKind.ACTOR) is not None:
                    break
                if _TITLE_AFTER.match(text, end, min(len(text), end + 60)) and ctx.mention_at(
                    Span(start=end, end=min(len(text), end + 60)), MentionKind.ACTOR
                ):
                    break
                actor = state_actor(ctx, code, add=False)
                if actor is not None:
                    out.append((Mention(span=mspan, target=actor.id, via="demonym"), actor))
                break
    return out


def register(ctx: ParseContext, mention: Mention, actor: Actor) -> Actor:
    """Add a fallback mention (and its actor) to the context, once; return the stored actor.

    Example:
        >>> ctx = ParseContext(text="a Russian demand")
        >>> (m, a), = state_fallbacks(ctx, Span(start=0, end=16))
        >>> register(ctx, m, a).id, len(ctx.mentions)
        ('state:RU', 1)
    """
    if ctx.mention_at(mention.span, MentionKind.ACTOR) is None:
        ctx.add_actor(attrs.evolve(actor, mentions=()) if actor.id not in ctx.actors else actor)
        ctx.add_mention(mention.span, target=actor.id, via=mention.via, alias=False)
    return ctx.actors.get(actor.id, actor)


def actors_with_fallback(ctx: ParseContext, span: Span) -> list[tuple[Mention, Actor]]:
    """Actor mentions in ``span`` plus states named there that no stage marked, in text order.

    Example:
        >>> ctx = ParseContext(text="Egyptian mediators")
        >>> [a.id for _, a in actors_with_fallback(ctx, Span(start=0, end=18))]
        ['state:EG']
    """
    found = actor_mentions(ctx, span)
    extra = [
        (m, a)
        for m, a in state_fallbacks(ctx, span)
        if not any(m.span.overlaps(x.span) for x, _ in found)
    ]
    return sorted([*found, *extra], key=lambda ma: ma[0].span.start)


def territory_mentions(ctx: ParseContext, span: Span) -> list[tuple[Mention, Territory]]:
    """Territory mentions inside ``span`` with their territories (no nested duplicates); an
    adjective ("Ukrainian regions") does not name a territory.

    Example:
        >>> territory_mentions(ParseContext(text="Crimea"), Span(start=0, end=6))
        []
    """
    out: list[tuple[Mention, Territory]] = []
    last_end = -1
    for m in ctx.mentions_in(span, MentionKind.TERRITORY):
        if m.span.start < last_end or m.via == "demonym":
            continue
        terr = ctx.territories.get(m.target)
        if terr is not None:
            out.append((m, terr))
            last_end = m.span.end
    return out


_COLLECTIVE = re.compile(
    r"\b(?:officials|negotiators|diplomats|government|authorities|leadership|side|delegation|"
    r"administration|forces|troops|military|army|leaders|ministry|demand|demands|position|sources?)\b",
    re.I,
)


def as_party(
    ctx: ParseContext, actor: Actor, mention: Mention | None = None, *, modifier: bool = False
) -> Actor:
    """An anonymous collective ("US officials", "the Russian side") stands for its state; so
    does a demonym that modifies a proposal ("a longstanding Russian demand": ``modifier``).
    A single anonymous person ("a Russian analyst") does not."""
    if actor.anonymous or actor.kind is ActorKind.UNKNOWN:
        surfaces = [actor.name, actor.description or ""]
        if mention is not None:
            surfaces.append(mention.span.of(ctx.text))
        if not modifier and not any(_COLLECTIVE.search(x) for x in surfaces):
            return actor
        code = actor.country
        if code is None:
            for word in re.findall(r"[A-Z][\w.'’-]*", " ".join(surfaces)):
                code = lookup_country(word)
                if code:
                    break
        if code:
            state = state_actor(ctx, code)
            if state is not None:
                return state
    return actor


def in_prep_phrase(text: str, mention: Span, floor: int) -> bool:
    """True if the mention is the object of a preposition ("to European allies", "by Bloomberg"),
    looking back over titles and adjectives ("by US envoy Steve Witkoff").

    Example:
        >>> t = "a proposal to European allies"
        >>> in_prep_phrase(t, Span(start=14, end=29), 0)
        True
    """
    pos = mention.start
    for _ in range(4):
        seg = text[max(floor, pos - 40) : pos]
        m = re.search(r"([\w'’.-]+)(\W{0,3})$", seg)
        if not m:
            return False
        word = m.group(1).lower().strip(".")
        if word in _PREPOSITIONS:
            return True
        if word in _DET_WORDS or word.endswith(("'s", "’s")):
            pos = max(floor, pos - len(seg) + m.start())
            continue
        if m.group(2).strip() or not (word[:1].isalpha() and m.group(1)[:1].isupper()):
            # A lower-case word or punctuation that is not a preposition ends the search,
            # except lower-case adjectives of a title ("special envoy").
            if word in {
                "envoy",
                "special",
                "president",
                "minister",
                "vice",
                "deputy",
                "secretary",
                "spokesperson",
                "spokesman",
                "spokeswoman",
                "foreign",
                "prime",
                "chief",
                "ambassador",
                "adviser",
                "advisor",
                "leader",
                "officials",
                "official",
            }:
                pos = max(floor, pos - len(seg) + m.start())
                continue
            return False
        pos = max(floor, pos - len(seg) + m.start())
    return False


SUBJECT_BOUNDARY = re.compile(
    r"\b(?:that|which|who|whether|while|because|since|although|though|when|whereas|if|unless|but|"
    r"(?<!such\s)(?<!well\s)as(?!\s+well\b))\b|[;:]|\s[—–]\s",
    re.I,
)
_COORD_GAP = re.compile(
    r"(?:['’]s)?(?:\s{1,3}(?:army|government|forces|military|side|authorities|delegation|"
    r"officials|leadership|administration|rebels|militia))?"
    r"\s{0,3}(?:,|,?\s{1,3}(?:and|as\s+well\s+as|along\s+with|together\s+with|&|"
    r"including|such\s+as|notably|especially|in\s+particular),?)"
    r"\s{1,3}(?:[A-Z][\w.'’-]*\s{1,3}|(?:special|vice|deputy|foreign|prime|chief|envoy|president|"
    r"minister|secretary|of|state|national|security|advisor|adviser|the)\s{1,3}){0,5}"
    r"|\s{0,3}"
)


_MODIFIER_GAP = re.compile(
    r"(?:['’]s?)?\s{1,3}(?:(?:[A-Z][\w.'’-]*|special|vice|deputy|foreign|prime|chief|envoy|envoys|"
    r"president|minister|secretary|ambassador|spokesperson|spokesman|spokeswoman|official|leader|"
    r"negotiator|commander|general|to|the|of|for)\s{1,3}){0,6}"
)


def drop_modifiers(text: str, cands: list[tuple[Mention, Actor]]) -> list[tuple[Mention, Actor]]:
    """Drop an actor that only modifies the next one: "US envoy Witkoff", "Ukraine's President
    Volodymyr Zelensky", "Kremlin spokesperson Dmitry Peskov"."""
    out: list[tuple[Mention, Actor]] = []
    for i, (m, a) in enumerate(cands):
        if i + 1 < len(cands):
            nm, na = cands[i + 1]
            gap = text[m.span.end : nm.span.start]
            if (
                na.kind is ActorKind.PERSON
                and a.kind is not ActorKind.PERSON
                and _MODIFIER_GAP.fullmatch(gap)
                and not re.search(r",|\band\b", gap)
            ):
                continue
        out.append((m, a))
    return out


_MAX_SUBJECT_REACH = 2000


def subject_actors(
    ctx: ParseContext, start: int, cue: int, *, skip_media: bool = True
) -> list[tuple[Mention, Actor]]:
    """The actors that are the subject of a verb at ``cue``, looking back to ``start``.

    The subject is the actor right before the verb when only a few words separate them ("Russia
    seeks", "US officials recently presented"), else the first actor of the clause that is not
    the object of a preposition; actors coordinated with it come along ("Egypt and Qatar put
    forward").  A that-clause or a subordinate clause ("as Russia seeks") bounds the search.

    Example:
        >>> subject_actors(ParseContext(text="Nobody spoke."), 0, 7)
        []
    """
    if cue < start:
        return []
    # A subject stands within a few hundred characters of its verb; bounding the look-back keeps
    # a run-on "sentence" of a megabyte linear.
    start = max(start, cue - _MAX_SUBJECT_REACH)
    text = ctx.text
    seg = text[start:cue]
    last_b = None
    for m in SUBJECT_BOUNDARY.finditer(seg):
        last_b = m
    floor = start + last_b.end() if last_b else start

    def cands_in(lo: int, hi: int) -> list[tuple[Mention, Actor]]:
        return [
            (m, a)
            for m, a in actors_with_fallback(ctx, Span(start=lo, end=hi))
            if not in_prep_phrase(text, m.span, lo)
            and not (skip_media and a.kind is ActorKind.MEDIA)
        ]

    cands = drop_modifiers(text, cands_in(floor, cue))
    if not cands and last_b is not None:
        b_at = start + last_b.start()
        near = actors_with_fallback(ctx, Span(start=max(start, b_at - 60), end=b_at))
        if (
            near
            and re.fullmatch(r"(?:which|who)", last_b.group(), re.I)
            and len(text[near[-1][0].span.end : b_at].split()) <= 2
            and near[-1][1].kind is not ActorKind.MEDIA
        ):
            # "..., the Russian government, which has rejected ...": the antecedent.
            cands = near[-1:]
        else:
            cands = drop_modifiers(text, cands_in(start, b_at))[:1]
    if not cands:
        return []
    group = subject_group(text, cands, cue)
    out: list[tuple[Mention, Actor]] = []
    for mm, act in group:
        party = as_party(ctx, register(ctx, mm, act), mm)
        if party.id not in {x.id for _, x in out}:
            out.append((mm, party))
    return out


_POSSESSIVE_BEFORE = re.compile(
    r"(?P<w>[\w.'’-]+?)(?P<s>['’]s?|)\s{1,3}(?:(?:recent|longstanding|long-standing|stated|main|key|"
    r"ultimate|declared|repeated|continued|own|renewed|persistent|core|central|chief|primary|"
    r"firm|steadfast|unwavering|historical|historic|territorial|legal|illegal|de\s+facto|formal)\s{1,3}){0,2}$"
)
_PRONOUN_POSS = frozenset({"its", "their", "his", "her", "our"})


def possessor(ctx: ParseContext, offset: int, floor: int) -> tuple[bool, Actor | None]:
    """Who owns the noun at ``offset`` ("Russia's insistence", "its desire"): (whether there is a
    possessive at all, the actor if it resolves).  A possessive pronoun resolves through a
    pronoun mention if the actors stage made one.

    Example:
        >>> possessor(ParseContext(text="the West's insistence"), 11, 0)
        (True, None)
    """
    seg = ctx.text[max(floor, offset - 60) : offset]
    m = _POSSESSIVE_BEFORE.search(seg)
    if not m:
        return False, None
    base = offset - len(seg)
    wspan = Span(start=base + m.start("w"), end=base + m.end("w"))
    word = m.group("w").lower()
    if m.group("s") == "" and word not in _PRONOUN_POSS:
        return False, None
    mention = ctx.mention_at(wspan, MentionKind.ACTOR)
    if mention is not None and mention.target in ctx.actors:
        return True, as_party(ctx, ctx.actors[mention.target])
    if word in _PRONOUN_POSS:
        return False, None
    return True, None


def subject_group(
    text: str, cands: list[tuple[Mention, Actor]], verb: int
) -> list[tuple[Mention, Actor]]:
    """The actors that are the subject of the verb at offset ``verb``, from the candidate
    mentions before it (in text order, at least one): the one right before the verb with
    those coordinated before it ("Egypt and Qatar proposed"), or, when a clause or more than
    six words stand between, the first candidate with those coordinated after it."""
    last = cands[-1]
    gap = text[last[0].span.end : verb]
    if len(gap.split()) <= 6 and not re.search(r"[,;:()]|\b(?:that|which|who)\b", gap):
        group = [last]
        for mm, act in reversed(cands[:-1]):
            if not _COORD_GAP.fullmatch(text[mm.span.end : group[0][0].span.start]):
                break
            group.insert(0, (mm, act))
        return group
    group = [cands[0]]
    for mm, act in cands[1:]:
        if not _COORD_GAP.fullmatch(text[group[-1][0].span.end : mm.span.start]):
            break
        group.append((mm, act))
    return group
