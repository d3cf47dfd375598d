"""Input: the files named on the command line, read as text and parsed in order."""

from __future__ import annotations

import datetime as dt
import sys
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import IO

from conflictmodel.batch import MAX_INPUT_BYTES
from conflictmodel.cli._term import Progress, isatty
from conflictmodel.corpus import article_key
from conflictmodel.errors import InputError
from conflictmodel.model.article import Article


class Unreadable(Exception):
    """A path that cannot be turned into article text; the message names it."""


def is_jsonl(name: str, input_format: str) -> bool:
    """Whether a named input holds JSON Lines records rather than one article's text: by
    ``--input``, else by its ``.jsonl`` suffix (stdin is text unless ``--input jsonl``)."""
    if input_format != "auto":
        return input_format == "jsonl"
    return name != "-" and name.lower().endswith(".jsonl")


def count_inputs(files: Sequence[str], input_format: str) -> int | None:
    """How many articles ``files`` hold, for the progress bar's ETA: one per text file, one
    per non-blank line of a JSON Lines file; ``None`` if stdin holds records (not known
    until read).  A file that cannot be read counts as one (its error is one item)."""
    total = 0
    for name in files:
        if not is_jsonl(name, input_format):
            total += 1
        elif name == "-":
            return None
        else:
            try:
                with open(name, "rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
    return total


def expand_paths(paths: Sequence[str]) -> tuple[list[str], list[str]]:
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


def read_text(name: str) -> str:
    """The text of a file (or of stdin for ``-``), or Unreadable with a clear reason."""
    try:
        # Bounded: /dev/zero or an endless pipe is refused instead of filling memory.
        if name == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open(name, "rb") as f:
                data = f.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise Unreadable(f"{name}: no such file") from None
    except IsADirectoryError:
        raise Unreadable(f"{name}: is a folder") from None
    except OSError as exc:
        raise Unreadable(f"{name}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. a NUL byte in the name
        raise Unreadable(f"{name}: cannot read: {exc}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise Unreadable(
            f"{name}: larger than {MAX_INPUT_BYTES:,} bytes, the largest article this reads"
        )
    if not data.strip():
        raise Unreadable(f"{name}: empty file")
    if b"\x00" in data:
        raise Unreadable(f"{name}: binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unreadable(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. iconv -f latin1 -t utf-8"
        ) from None
    # A byte-order mark is an encoding artefact, not text: keep it out of the spans.
    return text.removeprefix("\ufeff")


def parse_docs(
    files: list[str],
    published: dt.date | None,
    jobs: int,
    err: IO[str],
    verb: str,
    skip: set[str] | None = None,
    input_format: str = "auto",
    progress: bool | None = None,
    out: IO[str] | None = None,
) -> Generator[tuple[str, Article | None, str | None], None, None]:
    """Yield ``(source, article or None, problem or None)`` per article, in order, streaming.

    A text file (or stdin) is one article named by its path; a JSON Lines file (``.jsonl``, or
    any input with ``input_format="jsonl"``) holds one record per line (``{"id", "text",
    "published", "title", "url", "outlet"}``, read by
    [`read_documents`][conflictmodel.batch.read_documents]), each named by its ``id`` and
    carrying its own metadata; a bad line is a problem in its place.  Articles whose text key
    is in ``skip`` are yielded with neither article nor problem (they are not parsed).

    ``progress`` shows a progress bar on ``err`` (``None``: only if ``err`` is a terminal); it
    is hidden while a problem is yielded (the caller prints it on ``err``), and while anything
    is yielded if ``out``, where the caller prints results, is a terminal too: what the caller
    prints never lands inside the bar, and a bar above a pipe does not flicker.
    """
    from conflictmodel.batch import Document, parse_many, read_documents

    # Files are read lazily as the parser asks for them; what is not sent to the parser (an
    # unreadable or skipped file) waits in this queue so everything comes out in file order.
    queue: deque[tuple[str, str | None, bool]] = deque()  # (source, problem, sent to parser)

    def offer(doc: Document) -> Iterator[Document]:
        if skip is not None and article_key(doc.text) in skip:
            queue.append((doc.source, None, False))
            return
        queue.append((doc.source, None, True))
        yield doc

    def records(name: str) -> Iterator[Document]:
        try:
            lines = read_documents(sys.stdin if name == "-" else name)
            for item in lines:
                if isinstance(item, Document):
                    yield from offer(item)
                else:
                    queue.append((item.source or name, str(item), False))
        except InputError as exc:  # the file itself cannot be read
            queue.append((name, str(exc), False))
        except UnicodeDecodeError as exc:  # stdin that is not UTF-8
            queue.append((name, f"{name}: not UTF-8 text ({exc.reason})", False))

    def documents() -> Iterator[Document]:
        for name in files:
            if is_jsonl(name, input_format):
                yield from records(name)
                continue
            try:
                text = read_text(name)
            except Unreadable as exc:
                queue.append((name, str(exc), False))
                continue
            yield from offer(Document(source=name, text=text))

    results = parse_many(documents(), processes=None if jobs == 0 else jobs, published=published)
    # Counted only for a bar that is shown: a JSON Lines file is read once more to count it.
    show = isatty(err) if progress is None else progress
    total = count_inputs(files, input_format) if show else None
    if progress is None and total is not None and total <= 1:
        show = False  # one article: over before a bar would tell anything
    bar = Progress(total, verb, err, enabled=show)
    shares_screen = out is not None and isatty(out)

    def unsent() -> Iterator[tuple[str, Article | None, str | None]]:
        while queue and not queue[0][2]:
            name, problem, _ = queue.popleft()
            bar.step(name)
            if problem is not None or shares_screen:
                bar.pause()
            yield name, None, problem

    try:
        while True:
            yield from unsent()
            bar.show()
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
            bar.step(name)
            if result.article is None or shares_screen:
                bar.pause()
            if result.article is None:
                msg = str(result.error)
                yield name, None, msg if msg.startswith(name) else f"{name}: {msg}"
            else:
                yield name, result.article, None
    finally:
        bar.clear()
