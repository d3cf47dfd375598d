"""The per-article state of the actors stage: gazetteer matches, what is covered, buffered mentions."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from conflictmodel.context import Mention, MentionKind, ParseContext
from conflictmodel.gazetteer import Match
from conflictmodel.model.actors import Actor, ActorKind
from conflictmodel.model.span import Span
from conflictmodel.parsers.actors.grammar import (
    _MAX_SPAN,
    _sentences,
    _strip_possessive,
)
from conflictmodel.parsers.actors.rules import (
    ActorRules,
)
from conflictmodel.parsers.territories import (
    context_matches,
    gazetteer_of,
    in_furniture,
)


class _RunBase:
    """One article's actor extraction: state and bookkeeping."""

    def __init__(self, ctx: ParseContext, rules: ActorRules) -> None:
        self.ctx = ctx
        self.rules = rules
        self.gz = gazetteer_of(ctx)
        self.text = ctx.text
        self.matches = context_matches(ctx)
        self.match_by_end: dict[int, Match] = {m.end: m for m in self.matches}
        self.match_by_start: dict[int, Match] = {m.start: m for m in self.matches}
        self.match_starts = [m.start for m in self.matches]
        self._cov_starts: list[int] = []
        self._cov: list[tuple[int, int, str]] = []
        self.pending: list[tuple[Span, str, MentionKind, str, bool]] = []
        self.sentences = _sentences(ctx)
        self._people_full: dict[str, str] = {}
        self._people_last: dict[str, list[str]] = {}
        self._people_seen = -1
        self._people_version = -1
        self._version = 0
        self.synced = 0
        self._anon_starts: list[int] | None = None
        self._titles_before: dict[int, tuple[str | None, Span | None, str | None, str | None]] = {}
        # Gazetteer matches never overlap, so their ends are sorted like their starts.
        self._match_ends = [m.end for m in self.matches]
        self._ends_sorted = all(
            a.end <= b.start for a, b in zip(self.matches, self.matches[1:], strict=False)
        )
        self._anon_computed = False

    def mark_synced(self) -> None:
        """Every mention in the context so far is covered (see ``ParseContext.mentions_since``)."""
        self.synced = self.ctx.mention_count()

    def reset_cover(self) -> None:
        self._cov = []
        self._cov_starts = []

    def cover_mentions(self, mentions: Iterable[Mention]) -> None:
        for m in mentions:
            if m.kind is MentionKind.ACTOR:
                self.cover(m.span.start, m.span.end, m.target)

    def cover(self, start: int, end: int, target: str) -> None:
        i = bisect.bisect_left(self._cov_starts, start)
        self._cov_starts.insert(i, start)
        self._cov.insert(i, (start, end, target))

    def _covering(self, start: int, end: int) -> Iterable[tuple[int, int, str]]:
        # Covered spans are short (names, titles, descriptions), so only those starting a few
        # hundred characters before ``end`` can overlap.
        i = bisect.bisect_left(self._cov_starts, start - _MAX_SPAN)
        while i < len(self._cov) and self._cov[i][0] < end:
            a, b, target = self._cov[i]
            if a < end and start < b:
                yield a, b, target
            i += 1

    def free(self, start: int, end: int) -> bool:
        return next(iter(self._covering(start, end)), None) is None

    def actor_covering(self, start: int, end: int) -> Actor | None:
        """The actor (found so far, flushed or not) whose mention overlaps ``[start, end)``."""
        best = None
        for a, b, target in self._covering(start, end):
            if best is None or b - a > best[1] - best[0]:
                best = (a, b, target)
        return self.ctx.actors.get(best[2]) if best else None

    def flush(self) -> None:
        """Write the buffered mentions into the context (one rebuild per actor)."""
        if self.pending:
            self.ctx.add_mentions(self.pending)
            self.pending = []

    def matches_in(self, start: int, end: int) -> list[Match]:
        """Gazetteer matches overlapping ``[start, end)`` (among those starting at most
        ``_MAX_SPAN`` characters before ``start``)."""
        matches = self.matches
        lo = start - _MAX_SPAN
        out: list[Match] = []
        if self._ends_sorted:
            # The first match ending after ``start``, then on while they start before ``end``.
            i = bisect.bisect_right(self._match_ends, start)
            while i < len(matches) and matches[i].start < end:
                if matches[i].start >= lo:
                    out.append(matches[i])
                i += 1
            return out
        i = bisect.bisect_left(self.match_starts, lo)
        while i < len(matches) and matches[i].start < end:
            m = matches[i]
            if m.start < end and start < m.end:
                out.append(m)
            i += 1
        return out

    def mention(self, actor: Actor, start: int, end: int, *, via: str, alias: bool = True) -> Actor:
        existing = self.ctx.actors.get(actor.id)
        if existing is None:
            self.ctx.add_actor(actor)
        else:
            new_roles = tuple(r for r in actor.roles if r not in existing.roles)
            if new_roles or (existing.country is None and actor.country):
                # Only what is new, so the merge stays cheap for much-mentioned actors.
                self.ctx.add_actor(
                    Actor(
                        id=existing.id,
                        name=existing.name,
                        kind=existing.kind,
                        roles=new_roles,
                        country=actor.country,
                    )
                )
        surface = _strip_possessive(self.text[start:end].rstrip())
        end = start + len(surface)
        if end <= start:
            return self.ctx.actors[actor.id]
        span = Span(start=start, end=end)
        # Mentions are buffered and written per actor in one go (see flush()).
        self.pending.append((span, actor.id, MentionKind.ACTOR, via, alias))
        self.cover(start, end, actor.id)
        if actor.kind is ActorKind.PERSON:
            self._version += 1
        return self.ctx.actors[actor.id]

    def in_furniture(self, start: int, end: int) -> bool:
        return in_furniture(self.ctx, Span(start=start, end=end))

    def _person_of(self, m: Match) -> Actor | None:
        for e in m.entries:
            if e.kind is MentionKind.ACTOR:
                a = self.gz.actors[e.target]
                return a if a.kind is ActorKind.PERSON else None
        return None

    def _affiliation(self, value: str) -> tuple[str | None, str | None]:
        if len(value) == 2 and value.isupper():
            return value, None
        a = self.gz.actors.get(value)
        if a is None:
            return None, None
        return a.country, a.name

    def _entity_country(self, m: Match) -> tuple[str | None, str | None]:
        for e in m.entries:
            if e.kind is not MentionKind.ACTOR:
                continue
            a = self.gz.actors[e.target]
            if a.kind is ActorKind.STATE:
                return a.country, None
            if a.kind is ActorKind.PERSON:
                continue
            return a.country, a.name
        for e in m.entries:
            if e.kind is MentionKind.TERRITORY:
                t = self.gz.territories[e.target]
                return t.country, None
        return None, None
