"""Finding quotations in text: a single-pass state machine over quotation marks.

Quotation marks are ambiguous: ``’`` is both a closing single quote and an apostrophe
(``Russia’s``, ``’90s``), ``“`` opens an English quote but closes a German one (``„…“``), ``»``
closes a French quote and opens a Danish or German one (``»…«``), and the straight marks ``"`` and
``'`` look the same at both ends.  A regex cannot resolve this without backtracking, so
[`find_quotes`][conflictmodel.parsers.quotes.find_quotes] walks each paragraph once, keeping a
small stack of open quotes, and decides every mark from its neighbours.

A quote that never closes stops at the end of its paragraph.  A quote whose paragraph ends
without a closing mark, and whose next paragraph starts with the same opening mark, is the
newspaper convention for a quotation running over several paragraphs: each paragraph's part is
returned as its own [`Quote`][conflictmodel.parsers.quotes.Quote], linked by ``continues``.

Example:
    >>> text = 'He said: «Nous „tenons“ bon.» Then: "We won\\'t go," she said.'
    >>> [(q.content(text), q.depth) for q in find_quotes(text)]
    [('Nous „tenons“ bon.', 0), ('tenons', 1), ("We won't go,", 0)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from conflictmodel.model.span import Span

__all__ = ["OPENING_MARKS", "Quote", "find_quotes"]

_MAX_DEPTH = 4
"""Deeper nesting never happens in prose; capping the stack keeps a run of « linear."""

# opener -> the closers that end it
_PAIRS: dict[str, tuple[str, ...]] = {
    "“": ("”",),
    "„": ("“", "”"),
    "«": ("»",),
    "»": ("«",),
    "‹": ("›",),
    "›": ("‹",),
    "‘": ("’",),
    "‚": ("‘", "’"),
    '"': ('"',),
    "'": ("'",),
    "”": ("”",),
    "「": ("」",),
    "『": ("』",),
    # typewriter and archive styles: ''…'' and ``…''
    "''": ("''",),
    "``": ("''",),
}

OPENING_MARKS = frozenset(_PAIRS)
"""Characters that can open a quotation."""

_ALL_MARKS = frozenset("“”„«»‹›‘’‚\"'「」『』`")
_MARK = re.compile("[" + re.escape("".join(sorted(_ALL_MARKS))) + "]")
_OPEN_BEFORE = frozenset("([{—–-/:;,")
"""Characters that may stand right before an opening mark (besides space and other marks)."""

_ELISIONS = ("em ", "til ", "cause ", "n ", "n'", "tis ", "twas ")


@attrs.frozen(kw_only=True)
class Quote:
    """One quotation (or one paragraph of a quotation running over several).

    Attributes:
        open: offset of the opening mark.
        close: offset of the closing mark, or None when the quote is cut at the end of its
            paragraph (never closed, or continued in the next paragraph).
        close_end: offset just after the closing mark (marks may be two characters: ``''``).
        start, end: the content, between the marks; ``text[start:end]``.
        mark: the opening mark.
        depth: 0 for a top-level quote, 1 for a quote inside a quote, ...
        continues: index (in the list returned by ``find_quotes``) of the part of the same
            quotation in the previous paragraph, or None.
        continued: the quotation goes on in the next paragraph.

    Example:
        >>> q = find_quotes('“Yes,” he said.')[0]
        >>> (q.open, q.start, q.end, q.close, q.closed)
        (0, 1, 5, 5, True)
    """

    open: int
    close: int | None
    start: int
    end: int
    mark: str
    depth: int = 0
    continues: int | None = None
    continued: bool = False
    close_end: int | None = None

    @property
    def closed(self) -> bool:
        """True if a closing mark ends the quote."""
        return self.close is not None

    @property
    def span(self) -> Span:
        """The content's span."""
        return Span(start=self.start, end=self.end)

    @property
    def outer(self) -> Span:
        """The span including the marks (up to the paragraph end when unclosed)."""
        if self.close is None:
            return Span(start=self.open, end=self.end)
        return Span(start=self.open, end=self.close_end or self.close + 1)

    @property
    def outer_end(self) -> int:
        """``outer.end`` without building the span."""
        if self.close is None:
            return self.end
        return self.close_end or self.close + 1

    def content(self, text: str) -> str:
        """The quoted text."""
        return text[self.start : self.end]


@attrs.define
class _Open:
    pos: int
    mark: str
    closers: tuple[str, ...]


_GLUED_END = frozenset(",.!?…;")


def _is_space(ch: str) -> bool:
    return ch.isspace()


def _opener_context(text: str, i: int, lo: int, hi: int, w: int = 1) -> bool:
    """A mark at ``i`` stands where a quotation can start: after space/start/opening punctuation
    and before a non-space."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + w] if i + w < hi else " "
    return (_is_space(prev) or prev in _OPEN_BEFORE or prev in _ALL_MARKS) and not _is_space(nxt)


def _closer_context(text: str, i: int, lo: int, hi: int, w: int = 1) -> bool:
    """A mark at ``i`` stands where a quotation can end: after a non-space and not before a
    letter or digit."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + w] if i + w < hi else " "
    return not _is_space(prev) and not nxt.isalnum()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _paragraph_spans(text: str, paragraphs: Sequence[Span] | None) -> list[tuple[int, int]]:
    if paragraphs:
        out = []
        last = 0
        for p in sorted(paragraphs):
            s, e = max(p.start, last), min(p.end, len(text))
            if s < e:
                out.append((s, e))
                last = e
        return out
    out = []
    if text.isspace():
        return out  # blank lines hold no quotes, however many
    start = 0
    n = len(text)
    while start < n:
        nl = text.find("\n", start)
        end = n if nl < 0 else nl
        if end > start:
            out.append((start, end))
        start = end + 1
    return out


def _scan_paragraph(text: str, lo: int, hi: int) -> tuple[list[Quote], str | None]:
    """Quotes in ``text[lo:hi]`` (with ``continues`` unset) and the opening mark of a top-level
    quote left open at the paragraph end."""
    return _Scanner(text, lo, hi).run()


class _Scanner:
    """The state machine of one paragraph: a stack of open quotes and the quotes found."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        self.lo = lo
        self.hi = hi
        self.stack: list[_Open] = []
        self.found: list[Quote] = []

    def run(self) -> tuple[list[Quote], str | None]:
        text, hi = self.text, self.hi
        search = _MARK.search
        i = self.lo
        while i < hi:
            # jump to the next mark (every other character is skipped alike)
            found = search(text, i, hi)
            if found is None:
                break
            i = found.start()
            ch = text[i]
            if ch in "'`" and i + 1 < hi and text[i + 1] == ch:
                ch = ch + ch
            elif ch == "`":
                i += 1
                continue
            i += self._mark(i, ch)
        return self._finish()

    def _emit(self, o: _Open, close: int | None, end: int, depth: int, w: int = 1) -> None:
        # French spacing (« Non »): the spaces inside the marks are not part of the quote
        s, e = _trim(self.text, o.pos + len(o.mark), end)
        if e > s:
            self.found.append(
                Quote(
                    open=o.pos,
                    close=close,
                    start=s,
                    end=e,
                    mark=o.mark,
                    depth=depth,
                    close_end=None if close is None else close + w,
                )
            )

    def _mark(self, i: int, ch: str) -> int:
        """Handle the mark ``ch`` at ``i``; the number of characters it takes."""
        w = len(ch)
        stack = self.stack
        top = stack[-1] if stack else None
        # 1. Does it close the innermost open quote?
        if top is not None and ch in top.closers and self._closes(i, ch, w):
            stack.pop()
            self._emit(top, i, i, len(stack), w)
            return w
        if top is not None and self._mismatched_close(i, ch, w, top):
            # “…," or "…”: a curly quote closed by a straight mark, or the reverse
            stack.pop()
            self._emit(top, i, i, len(stack), w)
            return w
        # 2. Does it close an outer quote (the inner one was never closed)?
        if ch not in ("'", "’", '"', "''") and any(ch in o.closers for o in stack[:-1]):
            self._close_outer(i, ch, w)
            return w
        # 3. Does it open a quote?
        opens = self._opens(i, ch, w, top)
        if top is not None and self._typo_close(i, ch, top):
            # a typo: the opening mark used to close (“abhorrent“)
            stack.pop()
            self._emit(top, i, i, len(stack))
            return 1
        if opens:
            if top is not None and top.mark == ch and ch not in ('"', "'", "''"):
                # The same opening mark again: the earlier quote was left unclosed.
                stack.pop()
                self._emit(top, None, i, len(stack))
            if len(stack) < _MAX_DEPTH:
                stack.append(_Open(i, ch, _PAIRS[ch]))
        return w

    def _closes(self, i: int, ch: str, w: int) -> bool:
        """A closer of the innermost quote at ``i`` really closes it (straight and single
        marks need the right context)."""
        text, lo, hi = self.text, self.lo, self.hi
        if ch in ("'", "’"):
            return _closer_context(text, i, lo, hi)
        if ch in ('"', "''"):
            if i > lo and text[i - 1] in _GLUED_END:
                # '"…,"she insisted': a straight mark right after the quote's final
                # punctuation closes it, even glued to the next word (English does not nest
                # straight double marks inside straight double marks)
                return True
            return _closer_context(text, i, lo, hi, w) or not _opener_context(text, i, lo, hi, w)
        return True

    def _mismatched_close(self, i: int, ch: str, w: int, top: _Open) -> bool:
        """The innermost quote opened with a curly mark ends with a straight one right after
        its final punctuation (“We will stay," he said), or opened with a straight mark ends
        with a curly closer ("We will stay,” he said)."""
        text, lo, hi = self.text, self.lo, self.hi
        if ch == '"' and top.mark == "“":
            return i > lo and text[i - 1] in _GLUED_END and _closer_context(text, i, lo, hi)
        if ch == "”" and top.mark == '"':
            return _closer_context(text, i, lo, hi) and not _opener_context(text, i, lo, hi)
        return False

    def _close_outer(self, i: int, ch: str, w: int) -> None:
        """Close the outer quote ``ch`` ends, cutting the inner ones left open."""
        stack = self.stack
        while stack and ch not in stack[-1].closers:
            inner = stack.pop()
            self._emit(inner, None, i, len(stack))
        o = stack.pop()
        self._emit(o, i, i, len(stack), w)

    def _opens(self, i: int, ch: str, w: int, top: _Open | None) -> bool:
        """The mark at ``i`` opens a quotation."""
        text, lo, hi = self.text, self.lo, self.hi
        if ch in "“„«‹‚「『":
            return not (ch == "‚" and not _opener_context(text, i, lo, hi))
        if ch in "»›”":
            return _opener_context(text, i, lo, hi)
        if ch == "‘":
            nxt = text[i + 1] if i + 1 < hi else " "
            return _opener_context(text, i, lo, hi) and not nxt.isdigit()
        if ch in ('"', "''"):
            return _opener_context(text, i, lo, hi, w) or (
                not _closer_context(text, i, lo, hi, w) and top is None
            )
        if ch == "``":
            return True
        if ch == "'":
            rest = text[i + 1 : i + 6].lower()
            return (
                _opener_context(text, i, lo, hi)
                and text[i + 1 : i + 2].isalpha()
                and not rest.startswith(_ELISIONS)
            )
        return False

    def _typo_close(self, i: int, ch: str, top: _Open) -> bool:
        """The innermost quote's own opening mark stands where a closer would (“abhorrent“)."""
        return (
            top.mark == ch
            and ch in ("“", "«", "‘")
            and _closer_context(self.text, i, self.lo, self.hi)
            and not _opener_context(self.text, i, self.lo, self.hi)
        )

    def _finish(self) -> tuple[list[Quote], str | None]:
        """Paragraph end: anything still open is cut here."""
        stack = self.stack
        left_open: str | None = None
        while stack:
            o = stack.pop()
            if o.mark == "'":
                continue  # an unclosed straight single quote is an apostrophe, not a quotation
            if not stack:
                left_open = o.mark
            self._emit(o, None, self.hi, len(stack))
        return self.found, left_open


def find_quotes(text: str, paragraphs: Sequence[Span] | None = None) -> list[Quote]:
    """All quotations in ``text``, in order of their opening marks.

    Args:
        text: the text.
        paragraphs: paragraph spans (e.g. ``ctx.paragraphs``); without them every line is a
            paragraph.  No quotation crosses a paragraph boundary.

    Runs in time linear in ``len(text)``.

    Example:
        >>> text = '«First part,\\n«second part.»'
        >>> qs = find_quotes(text)
        >>> [(q.content(text), q.continued, q.continues) for q in qs]
        [('First part,', True, None), ('second part.', False, 0)]
        >>> [q.content("He called it 'a farce' on Russia's TV.") for q in
        ...  find_quotes("He called it 'a farce' on Russia's TV.")]
        ['a farce']
    """
    out: list[Quote] = []
    pending: tuple[int, str] | None = None  # (index of the open top-level quote, its mark)
    for lo, hi in _paragraph_spans(text, paragraphs):
        found, left_open = _scan_paragraph(text, lo, hi)
        found.sort(key=lambda q: q.open)
        first_char = lo
        while first_char < hi and text[first_char].isspace():
            first_char += 1
        for q in found:
            if (
                pending is not None
                and q.depth == 0
                and q.open == first_char
                and q.mark == pending[1]
            ):
                prev = out[pending[0]]
                out[pending[0]] = attrs.evolve(prev, continued=True)
                q = attrs.evolve(q, continues=pending[0])
                pending = None
            out.append(q)
        pending = None
        if left_open is not None:
            idx = max(
                (
                    k
                    for k in range(len(out) - len(found), len(out))
                    if out[k].depth == 0 and not out[k].closed
                ),
                default=None,
            )
            if idx is not None:
                pending = (idx, left_open)
    return out
