"""Output: exit statuses, error lines, wrapping and clipping for people, records for programs.

The progress bar and tables are rich's, in ``_term`` (re-exported here).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import textwrap
from collections.abc import Sequence
from typing import IO, Any

from conflictmodel.cli._term import Progress as Progress
from conflictmodel.cli._term import Table as Table
from conflictmodel.cli._term import isatty as isatty
from conflictmodel.cli._term import term_width as term_width

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def wrap(text: str, width: int, indent: str = "  ", first: str = "", lines: int = 3) -> str:
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


def fill(text: str, width: int, indent: str = "") -> str:
    """Wrap a heading or a note at ``width`` between words; nothing is elided and no word (an
    id in brackets, say) is broken.

    Example:
        >>> print(fill("3 statements by Abiy Ahmed [person:abiy-ahmed]", 30))
        3 statements by Abiy Ahmed
        [person:abiy-ahmed]
    """
    return textwrap.fill(
        " ".join(text.split()),
        width=max(20, width),
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def pack(items: Sequence[str], sep: str, width: int, first: str = "", indent: str = "  ") -> str:
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


def clip_left(text: str, width: int) -> str:
    return text if len(text) <= width else "…" + text[len(text) - width + 1 :]


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    if width <= 1:
        return text[:width]
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class Glyphs:
    def __init__(self, stream: IO[str]) -> None:
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        fancy = encoding.startswith("utf")
        self.rule = "━" if fancy else "="
        self.dot = " · " if fancy else " | "
        self.pair = " ↔ " if fancy else " <-> "
        self.open, self.close = ("“", "”") if fancy else ('"', '"')


def fmt_date(date: dt.date | None) -> str:
    return date.isoformat() if date else "undated"


def print_error(err: IO[str], message: str) -> None:
    print(f"conflictmodel: error: {message}", file=err)


def iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def dump_json(data: Any, out: IO[str]) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


FORMATS = ("table", "json", "jsonl", "csv")
"""The output formats of ``conflictmodel query``: a table for people, or records."""


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """One CSV row: nested objects become dotted columns (``speaker.name``); lists are written
    as JSON text in one cell, so a row stays one record."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, name + "."))
        elif isinstance(value, list | tuple):
            out[name] = json.dumps(value, ensure_ascii=False) if value else ""
        else:
            out[name] = "" if value is None else value
    return out


def emit_records(data: Sequence[dict[str, Any]], fmt: str, out: IO[str]) -> None:
    """Write query records as one JSON array (``json``), one JSON object a line (``jsonl``) or
    CSV with a header (``csv``: the union of every record's columns, in first-seen order)."""
    if fmt == "jsonl":
        for record in data:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        rows = [_flatten(r) for r in data]
        columns = list(dict.fromkeys(c for r in rows for c in r))
        writer = csv.DictWriter(out, fieldnames=columns, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        dump_json(list(data), out)
