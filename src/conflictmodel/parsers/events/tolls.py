"""Casualty figures: killed and wounded as the text gives them ("at least 35", "dozens",
"the death toll ... has risen to 35", "three soldiers and six militants"), with the phrase as
written, the lowest number it states and whether it hedges."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from conflictmodel.context import ParseContext
from conflictmodel.model.events import Casualties
from conflictmodel.model.span import Span
from conflictmodel.parsers.events.lexicon import EventLexicon, _union

__all__ = ["TollReader", "casualties_near", "toll_reader"]


class TollReader:
    """Casualty figures: the patterns built from the lexicon's ``casualties`` table."""

    def __init__(self, table: Mapping[str, Any]) -> None:
        self.numbers: dict[str, int] = {k.lower(): int(v) for k, v in table["number_words"].items()}
        self.scale: dict[str, int] = {k.lower(): int(v) for k, v in table["scale"].items()}
        self.vague = frozenset(v.lower() for v in table["vague"])
        words = [w for w in self.numbers if " " not in w and w not in ("a", "an")]
        num = (
            r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s(?:" + "|".join(self.scale) + r"))?"
            r"|(?:" + "|".join(sorted(words + list(self.vague), key=len, reverse=True)) + r")"
        )
        hedge = _union(table["hedges"]).pattern
        self.killed = _union(table["killed"])
        self.wounded = _union(table["wounded"])
        self.before = re.compile(
            r"(?P<q>(?:"
            + hedge
            + r")\s{1,3})?(?<![\w,.])(?P<n>"
            + num
            + r")\b(?:\s{1,3}(?!(?:and|or|but)\b)[\w’'-]+){0,3}?"
            r"\s{1,3}(?:(?:were|was|have|has|had|been|are|reportedly|also|being|feared|"
            r"confirmed|people|civilians)\s{1,3}){0,3}$",
            re.I,
        )
        # "the death toll from strikes on Sanaa has risen to 35": the figure a toll reached.
        self.rise = re.compile(
            r"\s{1,3}(?:[^\s.;:!?]+\s{1,3}){0,16}?(?:has\s{1,3}|have\s{1,3}|had\s{1,3})?"
            r"(?:risen|rose|rises|climbed|climbs|reached|jumped|increased|stands|stood|hit)"
            r"\s{1,3}(?:to\s{1,3}|at\s{1,3})?(?P<q>(?:"
            + hedge
            + r")\s{1,3})?(?P<n>"
            + num
            + r")\b",
            re.I,
        )
        # "three soldiers and at least six militants (dead)": the first of two figures.
        self.first_of_two = re.compile(
            r"(?P<q>(?:" + hedge + r")\s{1,3})?(?<![\w,.])(?P<n>" + num + r")"
            r"\s{1,3}(?:(?!(?:were|was|are|is|have|has|had|been|"
            + _union(table["killed"] + table["wounded"]).pattern
            + r")\b)"
            r"[a-z][\w’'-]*\s{1,3}){1,3}?and\s{1,3}$",
            re.I,
        )
        self.after = re.compile(
            r"\s{1,3}(?:(?:to|at|of|rose|rises|climbed|stands|stood|reached|is|was|has)\s{1,3}){0,3}"
            r"(?P<q>(?:" + hedge + r")\s{1,3})?(?P<n>" + num + r")\b",
            re.I,
        )

    def value(self, n: str) -> int | None:
        low = n.lower().replace(",", "")
        if low in self.vague:
            return None
        parts = low.split()
        base: float
        if parts[0] in self.numbers:
            base = self.numbers[parts[0]]
        else:
            try:
                base = float(parts[0])
            except ValueError:
                return None
        if len(parts) > 1:
            base *= self.scale.get(parts[1], 1)
        return int(base)


def toll_reader(lex: EventLexicon) -> TollReader:
    """The casualty patterns of ``lex``."""
    return TollReader(lex.casualties)


def casualties_near(
    ctx: ParseContext, rx: TollReader, sent: Span
) -> tuple[Casualties | None, Casualties | None]:
    """Killed and wounded stated in ``sent`` (the first figure of each), or None."""
    text = ctx.text
    found: dict[str, Casualties] = {}
    for key, words in (("killed", rx.killed), ("wounded", rx.wounded)):
        for m in words.finditer(text, sent.start, sent.end):
            cas = _figure(rx, text, m.start(), m.end(), sent)
            if cas is not None:
                found[key] = cas
                break
    return found.get("killed"), found.get("wounded")


def _figure(rx: TollReader, text: str, start: int, end: int, sent: Span) -> Casualties | None:
    a = rx.after.match(text, end, min(sent.end, end + 50))
    if a is None and text[start:end].lower().endswith("toll"):
        a = rx.rise.match(text, end, min(sent.end, end + 160))
    if a is not None:
        return _casualties(rx, text, a)
    b = rx.before.search(text, max(sent.start, start - 70), start)
    if b is not None and not text[b.end() : start].strip():
        cas = _casualties(rx, text, b)
        first = rx.first_of_two.search(text, max(sent.start, b.start() - 50), b.start())
        if cas is not None and first is not None:
            return _sum(cas, _casualties(rx, text, first), text)
        return cas
    return None


def _sum(second: Casualties, first: Casualties | None, text: str) -> Casualties:
    """Two figures of one toll ("three soldiers and at least six militants dead"): their sum,
    with the phrase from the first to the second."""
    if first is None or first.count is None or second.count is None:
        return second
    span = Span(start=first.span.start, end=second.span.end)
    return Casualties(
        text=span.of(text),
        span=span,
        count=first.count + second.count,
        approximate=first.approximate or second.approximate,
    )


def _casualties(rx: TollReader, text: str, m: re.Match[str]) -> Casualties | None:
    s = m.start("q") if m.group("q") else m.start("n")
    e = m.end("n")
    n = m.group("n")
    count = rx.value(n)
    if count is not None and 1900 <= count <= 2100 and "," not in n:
        return None  # a year, not a toll
    phrase = text[s:e]
    return Casualties(
        text=phrase,
        span=Span(start=s, end=e),
        count=count,
        approximate=bool(m.group("q")) or count is None,
    )
