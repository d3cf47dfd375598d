"""The ``conflictmodel`` command line.

Commands:

- ``conflictmodel parse PATH...``: parse text files (folders: every ``*.txt`` under them,
  sorted; ``-``: standard input) and print a table for people, or JSON / JSON Lines for programs
  (``--format json|jsonl``: the serialized Article plus its ``source``).
- ``conflictmodel ingest PATH... --db FILE``: parse and store in an SQLite
  [`Store`][conflictmodel.store.Store]; files already stored are skipped without re-parsing.
- ``conflictmodel query --db FILE statements --actor NAME``, ``timeline --territory UA-43``,
  ``timeline --provision ceasefire``, ``proposals``, ``actors``, ``candidates``: questions
  across every stored article (``--format table|json``).  The store is opened read-only: a
  query never creates, changes or migrates a file.
- ``conflictmodel migrate --db FILE``: upgrade a store written by an older version of the
  library to the current schema, in one transaction (``ingest`` does it too).

A file that cannot be read (missing, a folder with no ``.txt``, binary, not UTF-8, empty,
larger than [`MAX_INPUT_BYTES`][conflictmodel.batch.MAX_INPUT_BYTES]) or parsed is reported on
standard error with its name, and the others are still processed.  Any other problem (a store
that is damaged or not a store, ...) is one line on standard error, never a traceback.  Exit
status: 0 if everything worked, 1 if anything failed, 2 for a usage error.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "empty.txt").write_text("")
    >>> main(["parse", str(folder / "empty.txt")])  # the error goes to stderr
    1
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import shutil
import sys
import textwrap
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from conflictmodel.actors import ActorKind
from conflictmodel.article import Article
from conflictmodel.batch import MAX_INPUT_BYTES
from conflictmodel.corpus import (
    Corpus,
    CorpusActor,
    TimelineEntry,
    article_key,
)
from conflictmodel.errors import ConflictModelError, InputError
from conflictmodel.proposals import ProvisionKind
from conflictmodel.serialization import to_dict
from conflictmodel.statements import Statement, StatementKind

__all__ = ["build_parser", "main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


# ------------------------------------------------------------------------------- input


class _Unreadable(Exception):
    """A path that cannot be turned into article text; the message names it."""


def _expand(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """Files to read (folders give their ``*.txt`` files, sorted) and problems found."""
    files: list[str] = []
    problems: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                problems.append(f"{raw}: folder has no .txt files")
            files.extend(str(p) for p in found)
        else:
            files.append(raw)
    return list(dict.fromkeys(files)), problems


def _read_text(name: str) -> str:
    """The text of a file (or of stdin for ``-``), or _Unreadable with a clear reason."""
    try:
        # Bounded: /dev/zero or an endless pipe is refused instead of filling memory.
        if name == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open(name, "rb") as f:
                data = f.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise _Unreadable(f"{name}: no such file") from None
    except IsADirectoryError:
        raise _Unreadable(f"{name}: is a folder") from None
    except OSError as exc:
        raise _Unreadable(f"{name}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. a NUL byte in the name
        raise _Unreadable(f"{name}: cannot read: {exc}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise _Unreadable(
            f"{name}: larger than {MAX_INPUT_BYTES:,} bytes, the largest article this reads"
        )
    if not data.strip():
        raise _Unreadable(f"{name}: empty file")
    if b"\x00" in data:
        raise _Unreadable(f"{name}: binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Unreadable(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. iconv -f latin1 -t utf-8"
        ) from None
    # A byte-order mark is an encoding artefact, not text: keep it out of the spans.
    return text.removeprefix("\ufeff")


# ------------------------------------------------------------------------------- output helpers


class _Progress:
    """A one-line counter on stderr, only when stderr is a terminal (``\\r`` redraws it)."""

    def __init__(self, total: int, verb: str, stream: IO[str]) -> None:
        self.total = total
        self.verb = verb
        self.stream = stream
        self.done = 0
        self.width = 0
        self.enabled = total > 1 and _isatty(stream)

    def step(self, label: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        line = f"{self.verb} {self.done}/{self.total}  {_clip(label, 50)}"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def clear(self) -> None:
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _wrap(text: str, width: int, indent: str = "  ", first: str = "", lines: int = 3) -> str:
    """Wrap for people: at most ``lines`` lines, the rest elided."""
    return textwrap.fill(
        " ".join(text.split()),
        width=max(30, width),
        initial_indent=first or indent,
        subsequent_indent=indent,
        max_lines=lines,
        placeholder=" …",
        break_on_hyphens=False,
    )


def _pack(items: Sequence[str], sep: str, width: int, first: str = "", indent: str = "  ") -> str:
    """Lay items out in lines of at most ``width``, never breaking an item (unless it alone is
    too long); at most 3 lines, then a count of what was left out."""
    lines: list[str] = []
    line = first or indent
    fresh = True
    for n, item in enumerate(items):
        piece = item if fresh else sep + item
        if not fresh and len(line) + len(piece) > width:
            lines.append(line.rstrip())
            if len(lines) == 3:
                return "\n".join(lines) + f"\n{indent}… and {len(items) - n} more"
            line, piece = indent, item
        line += piece
        fresh = False
    lines.append(line.rstrip())
    return "\n".join(lines)


def _clip_left(text: str, width: int) -> str:
    return text if len(text) <= width else "…" + text[len(text) - width + 1 :]


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    if width <= 1:
        return text[:width]
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class _Glyphs:
    def __init__(self, stream: IO[str]) -> None:
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        fancy = encoding.startswith("utf")
        self.rule = "━" if fancy else "="
        self.dot = " · " if fancy else " | "
        self.pair = " ↔ " if fancy else " <-> "
        self.open, self.close = ("“", "”") if fancy else ('"', '"')


def _width(stream: IO[str]) -> int:
    if _isatty(stream):
        return max(60, min(shutil.get_terminal_size((100, 24)).columns, 160))
    return 120


def _fmt_date(date: dt.date | None) -> str:
    return date.isoformat() if date else "undated"


_KIND_NAMES = {
    "person": ("person", "people"),
    "state": ("state", "states"),
    "organization": ("organisation", "organisations"),
    "media": ("media outlet", "media outlets"),
    "group": ("group", "groups"),
    "government": ("government body", "government bodies"),
    "unknown": ("other", "other"),
}


def _kinds_summary(counts: Counter[str]) -> str:
    return ", ".join(
        f"{n} {_KIND_NAMES.get(k, (k, k))[0 if n == 1 else 1]}" for k, n in counts.most_common()
    )


def _speaker_label(stmt: Statement) -> str:
    if stmt.speaker is None:
        return "(unattributed)"
    return stmt.speaker.name


def _statement_content(stmt: Statement, g: _Glyphs) -> str:
    content = " ".join(stmt.content.split())
    if stmt.kind is StatementKind.REPORTED:
        return content
    return f"{g.open}{content}{g.close}"


class _Table:
    """Fixed-width columns; the last column takes the remaining width and is clipped."""

    def __init__(self, out: IO[str], width: int, indent: str = "  ") -> None:
        self.out = out
        self.width = width
        self.indent = indent

    def rows(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], caps: Sequence[int]
    ) -> None:
        widths = []
        for i, cap in enumerate(caps):
            longest = max([len(header[i]), *(len(r[i]) for r in rows)])
            widths.append(min(cap, longest))
        used = len(self.indent) + sum(w + 2 for w in widths)
        last = max(20, self.width - used)
        for row in [header, *rows]:
            cells = [_clip(c, w).ljust(w) for c, w in zip(row[:-1], widths, strict=True)]
            line = self.indent + "  ".join([*cells, _clip(row[-1], last)])
            print(line.rstrip(), file=self.out)


# ------------------------------------------------------------------------------- table renderers


def _render_article(source: str, article: Article, out: IO[str], g: _Glyphs, width: int) -> None:
    title = f"{g.rule * 3} {source} "
    print(title + g.rule * max(3, width - len(title)), file=out)
    published = article.published.isoformat() if article.published else "not given"
    facts = [
        f"{len(article.text):,} characters",
        f"published {published}",
        f"key {article_key(article.text)[:12]}",
    ]
    print(g.dot.join(facts), file=out)

    kinds = Counter(a.kind.value for a in article.actors)
    print(f"Actors ({len(article.actors)}): {_kinds_summary(kinds) or 'none found'}", file=out)
    if article.actors:
        names = [
            a.name + (f" ({a.title})" if a.title and a.kind is ActorKind.PERSON else "")
            for a in article.actors
            if not a.anonymous
        ]
        anon = sum(1 for a in article.actors if a.anonymous)
        if anon:
            names.append(f"{anon} anonymous source{'s' if anon > 1 else ''}")
        print(_pack(names, g.dot, width), file=out)
    terr = [f"{t.name} ({t.code or t.id})" for t in article.territories] or ["none found"]
    print(_pack(terr, ", ", width, first=f"Territories ({len(article.territories)}): "), file=out)

    print(f"\nStatements ({len(article.statements)})", file=out)
    if article.statements:
        _Table(out, width).rows(
            ("kind", "speaker", "cue", "content"),
            [
                (s.kind.value, _speaker_label(s), s.cue or "", _statement_content(s, g))
                for s in article.statements
            ],
            (8, 26, 20),
        )
    else:
        print("  none found", file=out)

    print(f"\nProposals ({len(article.proposals)})", file=out)
    if not article.proposals:
        print("  none found", file=out)
    for n, p in enumerate(article.proposals, 1):
        who = p.proposer.name if p.proposer else "proposer unknown"
        head = g.dot.join(x for x in (p.trigger, p.status.value.replace("_", " "), who) if x)
        print(f"  {n}. {_clip(head, width - 6)}", file=out)
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
            print(f"     provisions: {_clip(provs, width - 18)}", file=out)
        for c in p.conditions:
            print(f"     condition:  {_clip(c.text, width - 18)}", file=out)
        print(f"     {g.open}{_clip(p.text, width - 8)}{g.close}", file=out)

    if article.positions:
        print(f"\nPositions ({len(article.positions)})", file=out)
        rows = []
        for pos in article.positions:
            target = ", ".join(
                x
                for x in (
                    pos.provision.value if pos.provision else None,
                    pos.territory.name if pos.territory else None,
                    pos.proposal_id,
                )
                if x
            )
            rows.append((pos.actor.name, pos.stance.value, target, pos.text))
        _Table(out, width).rows(("actor", "stance", "on", "evidence"), rows, (26, 11, 28))
    if article.claims:
        print(f"\nTerritorial claims ({len(article.claims)})", file=out)
        _Table(out, width).rows(
            ("claimant", "claim", "territory", "evidence"),
            [(c.claimant.name, c.kind.value, c.territory.name, c.text) for c in article.claims],
            (26, 11, 20),
        )
    print(file=out)


def _render_corpus(corpus: Corpus, out: IO[str], g: _Glyphs, width: int) -> None:
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
        _Table(out, width).rows(
            ("actor", "kind", "articles", "statements", "also written"), rows, (26, 12, 8, 10)
        )
    else:
        print("No actor appears in more than one article.", file=out)
    terrs = sorted(corpus.territories, key=lambda t: (-len(t.articles), t.name))
    if terrs:
        listed = [f"{t.name} ({t.code or t.id}): {len(t.articles)}" for t in terrs]
        print(_pack(listed, ", ", width, first="Territories (articles): "), file=out)
    candidates = corpus.candidates
    if candidates:
        print("Possibly the same person, kept apart (not merged)", file=out)
        for c in candidates:
            print(f"  {c.a.name}{g.pair}{c.b.name}  score {c.score:.2f}", file=out)
            print(_wrap(c.reason, width, indent="    "), file=out)
    print(file=out)


# ------------------------------------------------------------------------------- commands


def _parse_docs(
    files: list[str],
    published: dt.date | None,
    jobs: int,
    err: IO[str],
    verb: str,
    skip: set[str] | None = None,
) -> Iterator[tuple[str, Article | None, str | None]]:
    """Yield ``(source, article or None, problem or None)`` per file, in order, streaming.

    Files whose text key is in ``skip`` are yielded with neither article nor problem (they
    are not parsed).
    """
    from conflictmodel.batch import Document, parse_many

    # Files are read lazily as the parser asks for them; what is not sent to the parser (an
    # unreadable or skipped file) waits in this queue so everything comes out in file order.
    queue: deque[tuple[str, str | None, bool]] = deque()  # (source, problem, sent to parser)

    def documents() -> Iterator[Document]:
        for name in files:
            try:
                text = _read_text(name)
            except _Unreadable as exc:
                queue.append((name, str(exc), False))
                continue
            if skip is not None and article_key(text) in skip:
                queue.append((name, None, False))
                continue
            queue.append((name, None, True))
            yield Document(source=name, text=text)

    results = parse_many(documents(), processes=None if jobs == 0 else jobs, published=published)
    progress = _Progress(len(files), verb, err)

    def unsent() -> Iterator[tuple[str, Article | None, str | None]]:
        while queue and not queue[0][2]:
            name, problem, _ = queue.popleft()
            progress.step(name)
            if problem is not None:
                progress.clear()
            yield name, None, problem

    try:
        while True:
            yield from unsent()
            try:
                result = next(results)
            except StopIteration:
                # Every file has been read by now, so the queue is complete.
                yield from unsent()
                for name, _, _ in queue:
                    yield name, None, f"{name}: the parser returned no result"
                break
            yield from unsent()
            name, _, _ = queue.popleft()
            progress.step(name)
            if result.article is None:
                progress.clear()
                msg = str(result.error)
                yield name, None, msg if msg.startswith(name) else f"{name}: {msg}"
            else:
                yield name, result.article, None
    finally:
        progress.clear()


def _report(err: IO[str], message: str) -> None:
    print(f"conflictmodel: error: {message}", file=err)


def _cmd_parse(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    files, problems = _expand(args.paths)
    for p in problems:
        _report(err, p)
    failed = len(problems)
    g = _Glyphs(out)
    width = _width(out)
    corpus = Corpus()
    first = True
    if args.format == "json":
        out.write("[")
    for source, article, problem in _parse_docs(files, args.published, args.jobs, err, "parsing"):
        if problem is not None or article is None:
            failed += 1
            _report(err, problem or f"{source}: not parsed")
            continue
        if args.format == "table":
            _render_article(source, article, out, g, width)
            corpus.add(article, source=source)
        else:
            record = {"source": source, **to_dict(article)}
            text = json.dumps(record, ensure_ascii=False)
            if args.format == "jsonl":
                out.write(text + "\n")
            else:
                out.write(("\n" if first else ",\n") + text)
        first = False
        out.flush()
    if args.format == "json":
        out.write("\n]\n" if not first else "]\n")
    elif len(corpus) > 1:
        _render_corpus(corpus, out, g, width)
    if args.format == "table" and failed and len(files) + len(problems) > 1:
        print(
            f"{failed} file{'s' if failed > 1 else ''} could not be parsed (see above).", file=err
        )
    return EXIT_FAILED if failed else EXIT_OK


def _cmd_ingest(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from conflictmodel.store import Store

    files, problems = _expand(args.paths)
    for p in problems:
        _report(err, p)
    failed = len(problems)
    added = skipped = 0
    with Store(args.db) as store:
        known = set() if args.replace else set(store.keys())
        for source, article, problem in _parse_docs(
            files, args.published, args.jobs, err, "ingesting", skip=known
        ):
            if problem is not None:
                failed += 1
                _report(err, problem)
                continue
            if article is None:
                skipped += 1
                continue
            report = store.ingest([(source, article)], replace=args.replace)
            added += len(report.added)
            skipped += len(report.skipped)
        total = len(store)
    print(
        f"{added} article{'s' if added != 1 else ''} stored, {skipped} already there, "
        f"{failed} failed; {args.db} now holds {total}.",
        file=out,
    )
    return EXIT_FAILED if failed else EXIT_OK


def _cmd_migrate(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from conflictmodel.store import SCHEMA_VERSION, Store

    with Store(args.db, create=False) as store:
        total = len(store)
        migrated = store.meta().get("migrated_by")
    note = f" (migrated by {migrated})" if migrated else ""
    print(
        f"{args.db} is at schema version {SCHEMA_VERSION}{note}; it holds {total} "
        f"article{'s' if total != 1 else ''}.",
        file=out,
    )
    return EXIT_OK


def _actor_ref(actor: CorpusActor | None) -> dict[str, str] | None:
    return None if actor is None else {"id": actor.id, "name": actor.name}


def _entry_json(corpus: Corpus, e: TimelineEntry) -> dict[str, Any]:
    return {
        "date": _iso(e.date),
        "dated_by": e.dated_by,
        "kind": e.kind,
        "article": e.article,
        "source": corpus.source(e.article),
        "actor": _actor_ref(e.actor),
        "summary": e.summary,
        "item": to_dict(e.item),
    }


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _dump_json(data: Any, out: IO[str]) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _cmd_query(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from conflictmodel.store import Store

    with Store(args.db, readonly=True) as store:
        corpus = store.corpus()
    g = _Glyphs(out)
    width = _width(out)
    what = args.what
    as_json = args.format == "json"

    def src(key: str) -> str:
        # The end of a path (the file name) is what tells sources apart.
        return _clip_left(corpus.source(key) or key[:12], 30)

    if what == "statements":
        found = corpus.find_actors(args.actor)
        if not found:
            _report(err, f"no actor matches {args.actor!r} in {args.db}")
            return EXIT_FAILED
        records = corpus.statements_by(args.actor)
        if as_json:
            _dump_json(
                [
                    {
                        "article": r.article,
                        "source": corpus.source(r.article),
                        "date": _iso(r.date),
                        "dated_by": r.dated_by,
                        "speaker": _actor_ref(r.speaker),
                        "statement": to_dict(r.statement),
                    }
                    for r in records
                ],
                out,
            )
            return EXIT_OK
        names = ", ".join(f"{a.name} [{a.id}]" for a in found)
        print(f"{len(records)} statement{'s' if len(records) != 1 else ''} by {names}", file=out)
        _Table(out, width).rows(
            ("date", "source", "kind", "cue", "content"),
            [
                (
                    _fmt_date(r.date),
                    src(r.article),
                    r.statement.kind.value,
                    r.statement.cue or "",
                    _statement_content(r.statement, g),
                )
                for r in records
            ],
            (10, 30, 8, 16),
        )
        return EXIT_OK

    if what == "timeline":
        if args.territory is None and args.provision is None:
            _report(err, "timeline needs --territory or --provision")
            return EXIT_USAGE
        label = []
        if args.territory is not None:
            terr = corpus.territory(args.territory)
            if terr is None:
                _report(err, f"no territory matches {args.territory!r} in {args.db}")
                return EXIT_FAILED
            label.append(f"{terr.name} ({terr.code or terr.id})")
        if args.provision is not None:
            label.append(args.provision)
        entries = corpus.timeline(territory=args.territory, provision=args.provision)
        if as_json:
            _dump_json([_entry_json(corpus, e) for e in entries], out)
            return EXIT_OK
        print(f"Timeline of {' and '.join(label)}: {len(entries)} items", file=out)
        _Table(out, width).rows(
            ("date", "source", "kind", "summary"),
            [
                (
                    _fmt_date(e.date) + ("*" if e.dated_by == "published" else ""),
                    src(e.article),
                    e.kind,
                    e.summary,
                )
                for e in entries
            ],
            (11, 30, 9),
        )
        if any(e.dated_by == "published" for e in entries):
            print("  * the article's publication date", file=out)
        return EXIT_OK

    if what == "proposals":
        props = corpus.proposals(territory=args.territory, kind=args.kind)
        if as_json:
            _dump_json(
                [
                    {
                        "article": p.article,
                        "source": corpus.source(p.article),
                        "date": _iso(p.date),
                        "dated_by": p.dated_by,
                        "proposer": _actor_ref(p.proposer),
                        "proposal": to_dict(p.proposal),
                        "responses": len(corpus.responses_to(p)),
                    }
                    for p in props
                ],
                out,
            )
            return EXIT_OK
        print(f"{len(props)} proposal{'s' if len(props) != 1 else ''}", file=out)
        _Table(out, width).rows(
            ("date", "source", "proposer", "status", "provisions"),
            [
                (
                    _fmt_date(p.date),
                    src(p.article),
                    p.proposer.name if p.proposer else "",
                    p.proposal.status.value,
                    ", ".join(v.kind.value for v in p.proposal.provisions),
                )
                for p in props
            ],
            (10, 30, 22, 18),
        )
        return EXIT_OK

    if what == "actors":
        actors = [a for a in corpus.actors if args.kind is None or a.kind.value == args.kind]
        stmt_counts = Counter(s.speaker.id for s in corpus.statements() if s.speaker is not None)
        if as_json:
            _dump_json(
                [
                    {
                        "id": a.id,
                        "name": a.name,
                        "kind": a.kind.value,
                        "country": a.actor.country,
                        "aliases": list(a.aliases),
                        "roles": [r.title for r in a.roles],
                        "member_ids": list(a.member_ids),
                        "articles": list(a.articles),
                        "statements": stmt_counts[a.id],
                    }
                    for a in actors
                ],
                out,
            )
            return EXIT_OK
        _Table(out, width).rows(
            ("id", "name", "kind", "articles", "statements", "also written"),
            [
                (
                    a.id,
                    a.name,
                    a.kind.value,
                    str(len(a.articles)),
                    str(stmt_counts[a.id]),
                    ", ".join(a.aliases),
                )
                for a in actors
            ],
            (30, 24, 12, 8, 10),
        )
        return EXIT_OK

    # candidates
    candidates = corpus.candidates
    if as_json:
        _dump_json(
            [
                {"a": _actor_ref(c.a), "b": _actor_ref(c.b), "score": c.score, "reason": c.reason}
                for c in candidates
            ],
            out,
        )
        return EXIT_OK
    if not candidates:
        print("No likely matches are kept apart.", file=out)
    for c in candidates:
        print(f"{c.a.name} [{c.a.id}]{g.pair}{c.b.name} [{c.b.id}]  score {c.score:.2f}", file=out)
        print(f"  {c.reason}", file=out)
    return EXIT_OK


# ------------------------------------------------------------------------------- argparse


def _published(value: str) -> dt.date:
    from conflictmodel.parse import coerce_published

    try:
        date = coerce_published(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    assert date is not None
    return date


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (every CPU) or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of the ``conflictmodel`` command.

    Example:
        >>> args = build_parser().parse_args(["parse", "seeds/", "--format", "jsonl"])
        >>> args.command, args.paths, args.format
        ('parse', ['seeds/'], 'jsonl')
    """
    from conflictmodel import __version__

    parser = argparse.ArgumentParser(
        prog="conflictmodel",
        description="Turn news articles about wars and peace talks into actors, territories, "
        "statements and negotiation proposals.",
        epilog="Exit status: 0 ok, 1 some input failed, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"conflictmodel {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help="text files, folders (every *.txt under them, sorted) or - for stdin",
        )
        p.add_argument(
            "--published",
            type=_published,
            metavar="DATE",
            help="publication date (ISO 8601) of the articles; relative dates resolve against it",
        )
        p.add_argument(
            "--jobs",
            type=_jobs,
            default=1,
            metavar="N",
            help="parse in N processes (0: every CPU; default 1)",
        )

    p_parse = sub.add_parser(
        "parse",
        help="parse articles and print what was found",
        description="Parse articles and print their statements, proposals, actors and "
        "territories (table), or the serialized Articles (json, jsonl).",
    )
    add_inputs(p_parse)
    p_parse.add_argument(
        "--format",
        choices=("table", "json", "jsonl"),
        default="table",
        help="table for people (default); json (an array) or jsonl (one Article a line) for programs",
    )

    p_ingest = sub.add_parser(
        "ingest",
        help="parse articles into an SQLite store",
        description="Parse articles and store them; articles already stored are skipped.",
    )
    add_inputs(p_ingest)
    p_ingest.add_argument("--db", required=True, metavar="FILE", help="the store file")
    p_ingest.add_argument(
        "--replace", action="store_true", help="re-parse and rewrite articles already stored"
    )

    p_query = sub.add_parser(
        "query",
        help="ask questions across a store",
        description="Ask questions across every article of a store.",
    )
    # Not required=True: --db may also come after the question (checked in main).
    p_query.add_argument("--db", metavar="FILE", help="the store file (required)")
    p_query.set_defaults(usage=p_query.format_usage())
    p_query.add_argument("--format", choices=("table", "json"), default="table")
    qsub = p_query.add_subparsers(dest="what", required=True, metavar="QUESTION")

    def add_common(p: argparse.ArgumentParser) -> None:
        # Also accepted after the question; SUPPRESS keeps the value given before it.
        p.add_argument("--db", default=argparse.SUPPRESS, metavar="FILE", help=argparse.SUPPRESS)
        p.add_argument(
            "--format", choices=("table", "json"), default=argparse.SUPPRESS, help="table or json"
        )

    kinds = [k.value for k in ProvisionKind]
    q_st = qsub.add_parser("statements", help="statements by an actor, in date order")
    q_st.add_argument("--actor", required=True, metavar="NAME", help="id, name, alias or surname")
    add_common(q_st)
    q_tl = qsub.add_parser(
        "timeline", help="positions, claims, proposals and statements in date order"
    )
    q_tl.add_argument("--territory", metavar="CODE_OR_NAME", help="e.g. UA-43 or Crimea")
    q_tl.add_argument("--provision", choices=kinds, metavar="KIND", help=", ".join(kinds))
    add_common(q_tl)
    q_pr = qsub.add_parser("proposals", help="proposals, optionally by territory or provision kind")
    q_pr.add_argument("--territory", metavar="CODE_OR_NAME")
    q_pr.add_argument("--kind", choices=kinds, metavar="KIND", help=", ".join(kinds))
    add_common(q_pr)
    q_ac = qsub.add_parser("actors", help="actors resolved across articles")
    q_ac.add_argument("--kind", choices=[k.value for k in ActorKind], metavar="KIND")
    add_common(q_ac)
    q_ca = qsub.add_parser("candidates", help="likely matches kept apart (possibly one person)")
    add_common(q_ca)

    p_migrate = sub.add_parser(
        "migrate",
        help="upgrade a store written by an older version",
        description="Upgrade a store written by an older version of conflictmodel to the "
        "current schema, in one transaction (ingest does it too).",
    )
    p_migrate.add_argument("--db", required=True, metavar="FILE", help="the store file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Example:
        >>> main(["--version"])  # doctest: +ELLIPSIS
        conflictmodel ...
        0
    """
    out, err = sys.stdout, sys.stderr
    for stream in (out, err):
        # Articles are full of typographic quotes; a legacy terminal encoding must not crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and stream.encoding.lower().replace("-", "") != "utf8":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command == "query" and not args.db:
        err.write(args.usage)
        print("conflictmodel query: error: the following arguments are required: --db", file=err)
        return EXIT_USAGE
    commands = {
        "parse": _cmd_parse,
        "ingest": _cmd_ingest,
        "query": _cmd_query,
        "migrate": _cmd_migrate,
    }
    try:
        return commands[args.command](args, out, err)
    except ConflictModelError as exc:
        _report(err, _one_line(str(exc)))
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(file=err)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except MemoryError:
        _report(err, "out of memory")
        return EXIT_FAILED
    except Exception as exc:  # a bug, or a fault the library does not know; never a traceback
        _report(err, _one_line(f"unexpected {type(exc).__name__}: {exc}"))
        return EXIT_FAILED


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "failed"
