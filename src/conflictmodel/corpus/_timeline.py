"""Dates, order and the timeline query of a corpus.

[`Corpus.timeline`][conflictmodel.corpus.Corpus.timeline] documents the rule; this module
collects, article by article, the positions, claims, proposals and statements it lists.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

import attrs

from conflictmodel.corpus._records import CorpusPosition, DatedBy, TimelineEntry
from conflictmodel.errors import InputError
from conflictmodel.model.article import Article
from conflictmodel.model.proposals import Proposal, ProvisionKind
from conflictmodel.model.span import Span
from conflictmodel.model.textdates import TextDate

if TYPE_CHECKING:
    from conflictmodel.corpus._corpus import Corpus

# Order of items of different kinds at the same date and offset.
_KIND_ORDER: dict[str, int] = {
    "claim": 0,
    "proposal": 1,
    "event": 2,
    "position": 3,
    "statement": 4,
}


def _effective_date(
    own: TextDate | None, published: dt.date | None
) -> tuple[dt.date | None, DatedBy | None]:
    if own is not None and own.value is not None:
        return own.value, "text"
    if published is not None:
        return published, "published"
    return None, None


def _provision_kind(value: ProvisionKind | str) -> ProvisionKind:
    if isinstance(value, ProvisionKind):
        return value
    try:
        return ProvisionKind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in ProvisionKind)
        raise InputError(f"{value!r} is not a provision kind; expected one of {allowed}") from None


def _mentions_territory(art: Article, key: str, span: Span, wanted: set[tuple[str, str]]) -> bool:
    """True if a mention of a ``wanted`` territory of article ``key`` is inside ``span``."""
    for terr in art.territories:
        if (key, terr.id) in wanted and any(span.contains(m) for m in terr.mentions):
            return True
    return False


@attrs.frozen(kw_only=True)
class _TimelineQuery:
    """One timeline query: the provision kind and / or the (article key, article-level
    territory id) pairs asked for (None: not asked)."""

    corpus: Corpus
    kind: ProvisionKind | None
    terr: set[tuple[str, str]] | None
    # Case-folded ids / codes an event's place (or its parent region) must carry to be on the
    # territory asked for (None: no territory asked).
    place_codes: set[str] | None = None

    def entries(self) -> list[TimelineEntry]:
        """The entries, article by article, in corpus order (not yet sorted by date)."""
        by_article: dict[str, list[CorpusPosition]] = defaultdict(list)
        for rec in self.corpus.positions():
            by_article[rec.article].append(rec)
        out: list[TimelineEntry] = []
        for entry in self.corpus:
            out.extend(self._article_entries(entry.key, entry.article, by_article[entry.key]))
        return out

    def _article_entries(
        self, key: str, art: Article, positions: list[CorpusPosition]
    ) -> list[TimelineEntry]:
        out, covered = self._positions(key, art, positions)
        out.extend(self._claims(key, art))
        proposals, provision_spans = self._proposals(key, art)
        out.extend(proposals)
        out.extend(self._statements(key, art, covered, provision_spans))
        out.extend(self._events(key, art))
        return out

    def _events(self, key: str, art: Article) -> list[TimelineEntry]:
        """Events whose place is on the territory / that concern a proposal of the kind."""
        from conflictmodel.corpus._events import event_record, place_on_territory

        kind_props = (
            {p.id for p in art.proposals if self.kind in p.provision_kinds}
            if self.kind is not None
            else set()
        )
        out: list[TimelineEntry] = []
        for ev in art.events:
            if self.place_codes is not None and not place_on_territory(ev.place, self.place_codes):
                continue
            if self.kind is not None and ev.proposal_id not in kind_props:
                continue
            rec = event_record(self.corpus, key, ev, art.published)
            out.append(
                TimelineEntry(
                    date=rec.date,
                    dated_by=rec.dated_by,
                    article=key,
                    kind="event",
                    item=ev,
                    actor=rec.actors[0] if rec.actors else rec.mediator,
                )
            )
        return out

    @staticmethod
    def _proposal_on_territory(
        key: str, art: Article, p: Proposal, terr: set[tuple[str, str]]
    ) -> bool:
        """True if a provision of ``p`` names a ``terr`` territory or its text mentions one."""
        return any((key, t.id) in terr for t in p.territories) or _mentions_territory(
            art, key, p.span, terr
        )

    def _position_on_territory(
        self, key: str, art: Article, rec: CorpusPosition, terr_props: set[str]
    ) -> bool:
        if self.terr is None:
            return True
        pos = rec.position
        return (
            (pos.territory is not None and (key, pos.territory.id) in self.terr)
            or pos.proposal_id in terr_props
            or _mentions_territory(art, key, pos.span, self.terr)
        )

    def _positions(
        self, key: str, art: Article, positions: list[CorpusPosition]
    ) -> tuple[list[TimelineEntry], set[str]]:
        """Positions on the territory / provision kind, and the ids of the statements that
        are their evidence."""
        kind = self.kind
        kind_props = {p.id for p in art.proposals if kind in p.provision_kinds}
        terr = self.terr
        terr_props = (
            {p.id for p in art.proposals if self._proposal_on_territory(key, art, p, terr)}
            if terr is not None
            else set()
        )
        out: list[TimelineEntry] = []
        covered: set[str] = set()
        by_id = {p.id: p for p in art.proposals}
        for rec in positions:
            pos = rec.position
            on_terr = self._position_on_territory(key, art, rec, terr_props)
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
                        proposal=by_id.get(pos.proposal_id) if pos.proposal_id else None,
                    )
                )
                if pos.statement is not None:
                    covered.add(pos.statement.id)
        return out, covered

    def _claims(self, key: str, art: Article) -> list[TimelineEntry]:
        """Territorial claims about the territory (territory queries without a kind only)."""
        if self.kind is not None or self.terr is None:
            return []
        out: list[TimelineEntry] = []
        for claim in art.claims:
            if (key, claim.territory.id) in self.terr:
                date, by = _effective_date(claim.since, art.published)
                out.append(
                    TimelineEntry(
                        date=date,
                        dated_by=by,
                        article=key,
                        kind="claim",
                        item=claim,
                        actor=self.corpus.resolve(key, claim.claimant),
                    )
                )
        return out

    def _proposals(self, key: str, art: Article) -> tuple[list[TimelineEntry], list[Span]]:
        """Proposals that have the kind / name the territory, and the spans of their
        provisions of the kind."""
        kind = self.kind
        out: list[TimelineEntry] = []
        provision_spans: list[Span] = []
        for p in art.proposals:
            if kind is not None and kind not in p.provision_kinds:
                continue
            if self.terr is not None and not self._proposal_on_territory(key, art, p, self.terr):
                continue
            rec_p = self.corpus._proposal_record(key, p)
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
        return out, provision_spans

    def _statements(
        self, key: str, art: Article, covered: set[str], provision_spans: list[Span]
    ) -> list[TimelineEntry]:
        """Statements that mention the territory / are inside a provision of the kind, unless
        already the evidence of a listed position."""
        out: list[TimelineEntry] = []
        for s in art.statements:
            if s.id in covered:
                continue
            if self.terr is not None and not _mentions_territory(art, key, s.span, self.terr):
                continue
            if self.kind is not None and not any(s.span.overlaps(v) for v in provision_spans):
                continue
            date, by = _effective_date(s.date, art.published)
            out.append(
                TimelineEntry(
                    date=date,
                    dated_by=by,
                    article=key,
                    kind="statement",
                    item=s,
                    actor=self.corpus.resolve(key, s.speaker) if s.speaker else None,
                )
            )
        return out
