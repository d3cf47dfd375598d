"""Turning speaker phrases and pronouns into actors, for later stages."""

from __future__ import annotations

import re

from conflictmodel.context import Mention, MentionKind, ParseContext
from conflictmodel.errors import ConflictModelError
from conflictmodel.gazetteer import fold, slugify
from conflictmodel.model.actors import Actor, ActorKind, Role
from conflictmodel.model.span import Span
from conflictmodel.parsers.actors.anonymous import (
    _anonymous_fallback,
)
from conflictmodel.parsers.actors.grammar import (
    _ANTECEDENT_WINDOW,
    _KIND_PRIORITY,
    _MAX_SPAN,
    _NAME,
    _ORG_PHRASE,
    _bare_actor,
    _strip_possessive,
)
from conflictmodel.parsers.actors.rules import (
    ActorRules,
)
from conflictmodel.parsers.actors.run import (
    _Run,
)
from conflictmodel.parsers.actors.words import (
    _ORG_WORDS,
    _PRONOUNS_GROUP,
    _PRONOUNS_PERSON,
    _STOP_CAPS,
)
from conflictmodel.parsers.territories import (
    gazetteer_of,
)

_OWNER_TITLE = re.compile(r"(.{1,80}?)['’]s?\s{1,2}([\w -]{1,60})")
_COMMA = re.compile(r"\s{0,2},\s{0,2}")
_POSSESSED_BODY = re.compile(
    r"['’]s?\s{1,2}(?:office|campaign|government|administration|cabinet|ministry|team|party)\b"
)
_OF_BEFORE = re.compile(r"\b(?:of|for|to|in|from)\s{1,2}(?:the\s{1,2})?$")
_COMMA_RANKS = re.compile(r"\s{0,2},\s{0,2}(?:[A-Z][a-z]{0,5}\.\s{0,2}){0,3}")


def resolve_phrase(ctx: ParseContext, span: Span) -> Actor | None:
    """The actor a speaker noun phrase refers to, creating it if needed.

    Used by later stages (statements, proposals) to turn the phrase naming a speaker into an
    actor.  In order:

    1. an actor mention inside or overlapping ``span`` (a person before an anonymous source
       before a government body before an organisation before a state: for "Kremlin
       spokesperson Dmitry Peskov" that is Peskov);
    2. a name the gazetteer knows;
    3. a definite description ("the analyst", "the ministry") → the last such actor mentioned;
    4. a new actor: an anonymous source if the phrase is an indefinite or plural description
       ("a senior official", "diplomats"), a person if it holds a capitalised name (with the
       title before it as a role), otherwise None.

    The new actor is added to ``ctx`` with a mention at its words.

    Example:
        >>> ctx = ParseContext(text="A Gulf mediator said the talks had stalled.")
        >>> resolve_phrase(ctx, Span(start=0, end=15)).id
        'anon:gulf-mediator'
        >>> ctx2 = ParseContext(text="Foreign Minister Leila Haddad said so.")
        >>> a = resolve_phrase(ctx2, Span(start=0, end=29))
        >>> a.name, a.title
        ('Leila Haddad', 'Foreign Minister')
    """
    if not isinstance(span, Span):
        raise ConflictModelError(f"resolve_phrase() expects a Span, got {type(span).__name__}")
    run = _run_for(ctx)
    found = _resolve_phrase(run, span)
    run.flush()
    run.mark_synced()
    return ctx.actors.get(found.id) if found is not None else None


def _resolve_phrase(run: _Run, span: Span) -> Actor | None:
    ctx = run.ctx
    text = ctx.text
    start, end = max(0, span.start), min(len(text), span.end)
    if end <= start:
        return None
    owned = _possessed_title(run, start, end)
    if owned is not None:
        return owned
    overlapping = _mentioned_in(run, start, end)
    if overlapping is not None:
        return overlapping
    phrase = text[start:end]
    lead = len(phrase) - len(phrase.lstrip())
    core = _strip_possessive(phrase.strip())
    s0 = start + lead
    known = run.gz.find_actor(core)
    if known is not None and core:
        return run.mention(_bare_actor(known), s0, s0 + len(core), via="name")
    dm = run.rules.descriptor_pattern.fullmatch(phrase.strip())
    if dm is not None:
        target = run._antecedent(start, fold(dm.group("head")))
        if target is not None:
            return run.mention(
                ctx.actors[target], s0, s0 + len(phrase.strip()), via="descriptor", alias=False
            )
    org = _organisation_phrase(run, start, end)
    if org is not None:
        return org
    return _new_speaker(run, start, end)


def _mentioned_in(run: _Run, start: int, end: int) -> Actor | None:
    """The actor of the best mention overlapping ``[start, end)``: a person before an
    anonymous source before a body before a state; among equals the first, the head of most
    speaker phrases ("Israel struck Syrian army positions")."""
    ctx = run.ctx
    best: tuple[int, int] | None = None
    best_m: Mention | None = None
    for m in ctx.mentions_in(Span(start=max(0, start - _MAX_SPAN), end=end + _MAX_SPAN)):
        if m.kind is not MentionKind.ACTOR or not (m.span.start < end and start < m.span.end):
            continue
        a = ctx.actors.get(m.target)
        if a is None:
            continue
        key = (1 if a.anonymous else _KIND_PRIORITY[a.kind], m.span.start)
        if _POSSESSED_BODY.match(ctx.text, m.span.end) and m.span.end < end:
            # "Netanyahu's office": the owner is not the speaker when a body is named after him
            key = (len(_KIND_PRIORITY) + 1, m.span.start)
        if best is None or key < best:
            best, best_m = key, m
    return ctx.actors[best_m.target] if best_m is not None else None


def _new_speaker(run: _Run, start: int, end: int) -> Actor | None:
    """A new actor for a speaker phrase: a person by the stage's rules, an anonymous source,
    else a capitalised name (with the title before it)."""
    ctx = run.ctx
    text = ctx.text
    sent = Span(start=start, end=end)
    n_mentions = len(run.pending)
    for nm in _NAME.finditer(text, start, end):
        run.person_candidate(nm.start(), nm.end(), sent, headline=False)
        if len(run.pending) > n_mentions:
            return ctx.actors[run.pending[-1][1]]
    run.anonymous(sent)
    if len(run.pending) == n_mentions:
        _anonymous_fallback(run, sent)
    if len(run.pending) > n_mentions:
        return ctx.actors[run.pending[-1][1]]
    for nm in _NAME.finditer(text, start, end):
        a0, b0 = nm.start(), nm.end()
        title, tspan, tc, ta = run.title_before(a0)
        words = _strip_possessive(text[a0:b0]).split()
        while words and (words[0] in _STOP_CAPS or words[0] in run.rules.courtesy):
            words = words[1:]
        if not words or (len(words) < 2 and not title):
            continue
        if _OF_BEFORE.search(text, max(start, a0 - 10), a0):
            continue  # "the governor of Blue Nile": the office's place, not a person
        name = " ".join(words)
        n_start = text.find(words[0], a0, b0)
        if n_start < 0 or not run.free(n_start, n_start + len(name)):
            continue
        return run.new_person(name, n_start, n_start + len(name), title, tspan, tc, ta)
    return None


def _organisation_phrase(run: _Run, start: int, end: int) -> Actor | None:
    """A capitalised phrase with an organisation word ("the Syrian Observatory for Human
    Rights") is an organisation, not a person."""
    text = run.text
    phrase = text[start:end].strip()
    m = _ORG_PHRASE.fullmatch(phrase)
    if m is None:
        return None
    name = m.group(1)
    words = name.split()
    if not words[0][:1].isupper() or not any(w in _ORG_WORDS for w in words):
        return None
    s0 = text.find(name, start, end)
    if s0 < 0 or not run.free(s0, s0 + len(name)):
        return None
    country = None
    for gm in run.matches_in(s0, s0 + len(name)):
        country, _ = run._entity_country(gm)
        if country:
            break
    actor = Actor(
        id=f"org:{slugify(name)}", name=name, kind=ActorKind.ORGANIZATION, country=country
    )
    return run.mention(actor, s0, s0 + len(name), via="name")


def _possessed_title(run: _Run, start: int, end: int) -> Actor | None:
    """ "Burhan's spokesman" is not Burhan: the person named right after it (", Brig. Gen.
    Nabil Abdallah,"), else an unnamed person with that description."""
    text = run.text
    phrase = text[start:end].strip()
    m = _OWNER_TITLE.fullmatch(phrase)
    if m is None or fold(m.group(2)) not in run.rules.titles:
        return None
    owner_end = text.find(m.group(1), start, end) + len(m.group(1))
    owner = run.ctx.actor_at(Span(start=max(start, owner_end - 1), end=owner_end))
    if owner is None or owner.kind not in {
        ActorKind.PERSON,
        ActorKind.GROUP,
        ActorKind.ORGANIZATION,
        ActorKind.GOVERNMENT,
    }:
        return None
    after = text[end : end + 100]
    am = _COMMA.match(after)
    if am:
        for mention in run.ctx.mentions_in(Span(start=end, end=min(len(text), end + 100))):
            a = run.ctx.actors.get(mention.target)
            gap = text[end : mention.span.start]
            if (
                a is not None
                and a.kind is ActorKind.PERSON
                and not a.anonymous
                and _COMMA_RANKS.fullmatch(gap)
            ):
                return a
    name = " ".join(phrase.split())
    actor = Actor(
        id=f"anon:{slugify(name)}",
        name=name,
        kind=ActorKind.PERSON,
        anonymous=True,
        description=name,
        country=owner.country,
        roles=(Role(title=m.group(2), affiliation=owner.name, country=owner.country),),
    )
    s0 = text.find(phrase, start, end)
    return run.mention(actor, s0, s0 + len(phrase), via="descriptor", alias=False)


def _run_for(ctx: ParseContext) -> _Run:
    """The actor run cached on the context, brought up to date with its mentions."""
    cached = ctx.actor_service
    gz = gazetteer_of(ctx)
    if not isinstance(cached, _Run) or cached.ctx is not ctx or cached.gz is not gz:
        cached = _Run(ctx, ActorRules.default())
        cached.cover_mentions(ctx.mentions)
        cached.mark_synced()
        ctx.actor_service = cached
        return cached
    new = ctx.mentions_since(cached.synced)
    if new is None:
        # A stage edited ``ctx.mentions`` directly: cover them all again.
        cached.reset_cover()
        cached.cover_mentions(ctx.mentions)
    else:
        # Only the mentions other stages added since (the run's own are covered already).
        cached.cover_mentions(new)
    cached.mark_synced()
    return cached


def resolve_pronoun(ctx: ParseContext, offset: int, pronoun: str) -> Actor | None:
    """The actor a pronoun at ``offset`` most likely refers to: the last person mentioned
    before it for he/she/his/her, the last group, body, organisation or state for
    they/it/their.  Returns None when nothing fits; records no mention.

    Example:
        >>> from conflictmodel import parse_article
        >>> from conflictmodel.pipeline import Pipeline
        >>> ctx = ParseContext(text="Rwandan President Paul Kagame spoke. He said no.")
        >>> Pipeline.from_names(["text", "actors"]).run(ctx) is ctx
        True
        >>> resolve_pronoun(ctx, 37, "He").name
        'Paul Kagame'
    """
    p = fold(pronoun)
    if p in _PRONOUNS_PERSON:
        kinds = {ActorKind.PERSON}
    elif p in _PRONOUNS_GROUP:
        kinds = {
            ActorKind.GROUP,
            ActorKind.GOVERNMENT,
            ActorKind.ORGANIZATION,
            ActorKind.STATE,
            ActorKind.MEDIA,
        }
    else:
        return None
    best: Mention | None = None
    window = Span(start=max(0, offset - _ANTECEDENT_WINDOW), end=max(0, offset))
    for m in ctx.mentions_in(window, MentionKind.ACTOR):
        a = ctx.actors.get(m.target)
        if a is None or a.kind not in kinds:
            continue
        if p in {"it", "its"} and a.kind is ActorKind.GROUP and a.anonymous:
            continue
        if best is None or m.span.start >= best.span.start:
            best = m
    return ctx.actors.get(best.target) if best else None
