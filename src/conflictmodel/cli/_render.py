"""Tables for people: one parsed article, and what a corpus of them shares."""

from __future__ import annotations

from collections import Counter
from typing import IO

from conflictmodel.cli._output import Glyphs, Table, clip, pack, wrap
from conflictmodel.corpus import Corpus, article_key, proposal_label
from conflictmodel.model.actors import ActorKind
from conflictmodel.model.article import Article
from conflictmodel.model.statements import Statement, StatementKind

_KIND_NAMES = {
    "person": ("person", "people"),
    "state": ("state", "states"),
    "organization": ("organisation", "organisations"),
    "media": ("media outlet", "media outlets"),
    "group": ("group", "groups"),
    "government": ("government body", "government bodies"),
    "unknown": ("other", "other"),
}


def kinds_summary(counts: Counter[str]) -> str:
    return ", ".join(
        f"{n} {_KIND_NAMES.get(k, (k, k))[0 if n == 1 else 1]}" for k, n in counts.most_common()
    )


def speaker_label(stmt: Statement) -> str:
    if stmt.speaker is None:
        return "(unattributed)"
    return stmt.speaker.name


def statement_content(stmt: Statement, g: Glyphs) -> str:
    content = " ".join(stmt.content.split())
    if stmt.kind is StatementKind.REPORTED:
        return content
    return f"{g.open}{content}{g.close}"


def render_article(source: str, article: Article, out: IO[str], g: Glyphs, width: int) -> None:
    """Print one article: its facts, actors, territories, statements, proposals, positions
    and claims."""
    _render_head(source, article, out, g, width)
    _render_actors(article, out, g, width)
    _render_statements(article, out, g, width)
    _render_proposals(article, out, g, width)
    _render_positions(article, out, width)
    _render_claims(article, out, width)
    print(file=out)


def _render_head(source: str, article: Article, out: IO[str], g: Glyphs, width: int) -> None:
    title = f"{g.rule * 3} {source} "
    print(title + g.rule * max(3, width - len(title)), file=out)
    published = article.published.isoformat() if article.published else "not given"
    facts = [
        f"{len(article.text):,} characters",
        f"published {published}",
        f"key {article_key(article.text)[:12]}",
    ]
    print(g.dot.join(facts), file=out)


def _render_actors(article: Article, out: IO[str], g: Glyphs, width: int) -> None:
    kinds = Counter(a.kind.value for a in article.actors)
    print(f"Actors ({len(article.actors)}): {kinds_summary(kinds) or 'none found'}", file=out)
    if article.actors:
        names = [
            a.name + (f" ({a.title})" if a.title and a.kind is ActorKind.PERSON else "")
            for a in article.actors
            if not a.anonymous
        ]
        anon = sum(1 for a in article.actors if a.anonymous)
        if anon:
            names.append(f"{anon} anonymous source{'s' if anon > 1 else ''}")
        print(pack(names, g.dot, width), file=out)
    terr = [f"{t.name} ({t.code or t.id})" for t in article.territories] or ["none found"]
    print(pack(terr, ", ", width, first=f"Territories ({len(article.territories)}): "), file=out)


def _render_statements(article: Article, out: IO[str], g: Glyphs, width: int) -> None:
    print(f"\nStatements ({len(article.statements)})", file=out)
    if article.statements:
        Table(out, width).rows(
            ("kind", "speaker", "cue", "content"),
            [
                (s.kind.value, speaker_label(s), s.cue or "", statement_content(s, g))
                for s in article.statements
            ],
        )
    else:
        print("  none found", file=out)


def _render_proposals(article: Article, out: IO[str], g: Glyphs, width: int) -> None:
    print(f"\nProposals ({len(article.proposals)})", file=out)
    if not article.proposals:
        print("  none found", file=out)
    for n, p in enumerate(article.proposals, 1):
        who = p.proposer.name if p.proposer else "proposer unknown"
        head = g.dot.join(x for x in (p.trigger, p.status.value.replace("_", " "), who) if x)
        print(f"  {n}. {clip(head, width - 6)}", file=out)
        if p.provisions:
            provs = ", ".join(
                v.kind.value
                + (
                    f" [{', '.join(t.code or t.name for t in v.territories)}]"
                    if v.territories
                    else ""
                )
                for v in p.provisions
            )
            print(f"     provisions: {clip(provs, width - 18)}", file=out)
        for c in p.conditions:
            print(f"     condition:  {clip(c.text, width - 18)}", file=out)
        print(f"     {g.open}{clip(p.text, width - 8)}{g.close}", file=out)


def _render_positions(article: Article, out: IO[str], width: int) -> None:
    if not article.positions:
        return
    print(f"\nPositions ({len(article.positions)})", file=out)
    rows = []
    # The proposal a position concerns, named for people rather than by its id.
    by_id = {p.id: p for p in article.proposals}
    for pos in article.positions:
        on = by_id.get(pos.proposal_id) if pos.proposal_id else None
        target = ", ".join(
            x
            for x in (
                pos.provision.value if pos.provision else None,
                pos.territory.name if pos.territory else None,
                proposal_label(on) if on is not None else pos.proposal_id,
            )
            if x
        )
        rows.append((pos.actor.name, pos.stance.value, target, pos.text))
    Table(out, width).rows(("actor", "stance", "on", "evidence"), rows)


def _render_claims(article: Article, out: IO[str], width: int) -> None:
    if not article.claims:
        return
    print(f"\nTerritorial claims ({len(article.claims)})", file=out)
    Table(out, width).rows(
        ("claimant", "claim", "territory", "evidence"),
        [(c.claimant.name, c.kind.value, c.territory.name, c.text) for c in article.claims],
    )


def render_corpus(corpus: Corpus, out: IO[str], g: Glyphs, width: int) -> None:
    title = f"{g.rule * 3} Across {len(corpus)} articles "
    print(title + g.rule * max(3, width - len(title)), file=out)
    stmt_counts = Counter(s.speaker.id for s in corpus.statements() if s.speaker is not None)
    shared = [a for a in corpus.actors if len(a.articles) > 1]
    if shared:
        print("Actors in more than one article", file=out)
        rows = []
        for a in sorted(shared, key=lambda a: (-len(a.articles), -stmt_counts[a.id], a.name)):
            spellings = [n for n in a.aliases if n.casefold() != a.name.casefold()]
            rows.append(
                (
                    a.name,
                    a.kind.value,
                    str(len(a.articles)),
                    str(stmt_counts[a.id]),
                    ", ".join(spellings[:6]),
                )
            )
        Table(out, width).rows(("actor", "kind", "articles", "statements", "also written"), rows)
    else:
        print("No actor appears in more than one article.", file=out)
    terrs = sorted(corpus.territories, key=lambda t: (-len(t.articles), t.name))
    if terrs:
        listed = [f"{t.name} ({t.code or t.id}): {len(t.articles)}" for t in terrs]
        print(pack(listed, ", ", width, first="Territories (articles): "), file=out)
    candidates = corpus.candidates
    if candidates:
        print("Possibly the same person, kept apart (not merged)", file=out)
        for c in candidates:
            print(f"  {c.a.name}{g.pair}{c.b.name}  score {c.score:.2f}", file=out)
            print(wrap(c.reason, width, indent="    "), file=out)
    print(file=out)
