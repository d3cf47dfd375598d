"""The ``actors`` stage and its per-article run."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from conflictmodel.context import MentionKind, ParseContext
from conflictmodel.errors import ConflictModelError
from conflictmodel.model.actors import ActorKind
from conflictmodel.parsers.actors.descriptors import (
    _Descriptors,
)
from conflictmodel.parsers.actors.grammar import (
    _bare_actor,
)
from conflictmodel.parsers.actors.rules import (
    ActorRules,
)
from conflictmodel.parsers.territories import (
    is_metonym_use,
)


class ActorParser:
    """Finds actors in the text (stage ``actors``).

    Args:
        rules: word lists to use; default [`ActorRules.default()`][conflictmodel.parsers.actors.ActorRules.default].
        titles, anon_heads, bodies: extra titles, anonymous head nouns (→ ``person`` or
            ``group``) and government body phrases, added to ``rules``.

    Example:
        >>> ctx = ParseContext(text="Kremlin spokesperson Dmitry Peskov said Moscow disagreed.")
        >>> ActorParser()(ctx)
        >>> peskov = ctx.actors["person:dmitry-peskov"]
        >>> peskov.title, peskov.country, sorted(ctx.actors)
        ('Kremlin spokesperson', 'RU', ['person:dmitry-peskov', 'state:RU'])
    """

    name = "actors"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("actors", "mentions")

    def __init__(
        self,
        *,
        rules: ActorRules | None = None,
        titles: Iterable[str] = (),
        anon_heads: Mapping[str, str] | None = None,
        bodies: Iterable[str] = (),
    ) -> None:
        base = rules if rules is not None else ActorRules.default()
        if not isinstance(base, ActorRules):
            raise ConflictModelError(f"rules must be ActorRules, got {type(base).__name__}")
        titles = list(titles)
        bodies = list(bodies)
        if titles or anon_heads or bodies:
            base = base.extend(titles=titles, anon_heads=anon_heads, bodies=bodies)
        self.rules = base

    def __call__(self, ctx: ParseContext) -> None:
        _Run(ctx, self.rules).run()


class _Run(_Descriptors):
    """One article's actor extraction (kept on ``ctx.actor_service`` for later stages)."""

    def run(self) -> None:
        self.gazetteer_mentions()
        for sent in self.sentences:
            if self.in_furniture(sent.start, sent.end):
                continue
            self.government_bodies(sent)
            self.people(sent)
            self.anonymous(sent)
        self.flush()
        self.surnames()
        self.flush()
        self.descriptors()
        self.flush()
        self.mark_synced()
        self.ctx.actor_service = self

    def gazetteer_mentions(self) -> None:
        text = self.text
        for m in self.matches:
            actor_entries = [e for e in m.entries if e.kind is MentionKind.ACTOR]
            if not actor_entries:
                continue
            e = actor_entries[0]
            actor = self.gz.actors[e.target]
            if actor.kind is ActorKind.PERSON:
                self.known_person(m, actor)
                continue
            if e.via == "demonym":
                if self.demonym_is_state(m):
                    self.mention(_bare_actor(actor), m.start, m.end, via="demonym", alias=False)
                continue
            if e.via == "metonym":
                if not is_metonym_use(text, m.start, m.end):
                    continue
                self.mention(_bare_actor(actor), m.start, m.end, via="metonym")
                continue
            self.mention(_bare_actor(actor), m.start, m.end, via=e.via)
