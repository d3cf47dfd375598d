"""The ``text`` stage: paragraphs, sentences and page furniture.

Every span points into the original text; nothing is normalised.  The three steps are also
available as pure functions for users and other stages:

* [`split_paragraphs`][conflictmodel.parsers.text.split_paragraphs]: lines, stripped;
* [`split_sentences`][conflictmodel.parsers.text.split_sentences]: a linear-time splitter that
  knows abbreviations, initials, decimals, ellipses and quotation marks, and never crosses a
  paragraph boundary;
* [`find_furniture`][conflictmodel.parsers.text.find_furniture]: photo captions and credits,
  "Related Stories" blocks, "Also Read | ..." links, share/subscribe lines and site names, found
  by their structure and the cues in ``data/text.json``.

Example:
    >>> text = "Gen. Smith spoke.\\n\\u201cWe won.\\u201d he said. Talks resume.\\nAdvertisement"
    >>> [s.of(text) for s in split_sentences(text)]
    ['Gen. Smith spoke.', '\\u201cWe won.\\u201d he said.', 'Talks resume.', 'Advertisement']
    >>> [f.of(text) for f in find_furniture(text)]
    ['Advertisement']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from conflictmodel.context import ParseContext
from conflictmodel.errors import GazetteerError
from conflictmodel.model.span import Span
from conflictmodel.resources import load_data

__all__ = [
    "MAX_SENTENCE_CHARS",
    "TextParser",
    "TextRules",
    "find_furniture",
    "split_paragraphs",
    "split_sentences",
]

# str.splitlines() boundaries: a paragraph never spans any of them.
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_TERMINATORS = ".!?\u2026\u203c\u2047\u2048\u2049\u3002\uff01\uff1f"
_TERM = re.compile(f"[{re.escape(_TERMINATORS)}]+")
_CLOSERS = frozenset("\"'\u201d\u2019\u00bb\u203a)]}\u300d\u300f")
_QUOTE_CLOSERS = frozenset("\"'\u201d\u2019\u00bb\u203a\u300d\u300f")
_OPENERS = "\"'\u201c\u2018\u00ab\u2039([{\u300c\u300e\u201e\u201a"
_QUOTES = frozenset('"\u201c\u201d\u00ab\u00bb\u201e\u2039\u203a\u300c\u300d\u300e\u300f')
_INITIALS = re.compile(r"(?:[A-Za-z]\.){0,8}[A-Za-z]")
_WORD = re.compile(r"[^\W\d_][\w'\u2019]{0,40}")
_ELLIPSIS = frozenset({"..", "...", "\u2026", "....", ". . ."})
# Longest token looked at behind a period; abbreviations are much shorter.
_MAX_TOKEN = 40
# How far a capitalised attribution after a quote ("Peskov said.") may run.
_ATTRIBUTION_WINDOW = 160


def _norm_line(line: str) -> str:
    """Lower case, single spaces, without trailing punctuation (for cue comparison)."""
    return " ".join(line.lower().split()).rstrip(" .:|\u2013\u2014-\u00bb>").strip()


def _str_list(data: Any, where: str) -> list[str]:
    if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
        raise GazetteerError(f"text.json: {where} must be a list of strings")
    return list(data)


class TextRules:
    """The data the text stage works with: abbreviations and furniture cues.

    Built from ``data/text.json``; ``extra_abbreviations`` are added to the abbreviations that
    never end a sentence, ``extra_furniture_markers`` are lines (or line openings followed by a
    non-letter) that are page furniture.

    Example:
        >>> rules = TextRules(extra_abbreviations=["Hon."], extra_furniture_markers=["Sponsored by"])
        >>> "Hon." in rules.never_final, rules.is_marker_line("Sponsored by ACME")
        (True, True)
    """

    def __init__(
        self,
        *,
        extra_abbreviations: Iterable[str] = (),
        extra_furniture_markers: Iterable[str] = (),
    ) -> None:
        data = load_data("text.json")
        abbr = data.get("abbreviations", {})
        extra_abbr = _str_list(list(extra_abbreviations), "extra_abbreviations")
        self.never_final: frozenset[str] = frozenset(
            _str_list(abbr.get("never_final", []), "abbreviations.never_final")
            + [a if a.endswith(".") else a + "." for a in extra_abbr]
        )
        self.numeric: frozenset[str] = frozenset(
            _str_list(abbr.get("numeric", []), "abbreviations.numeric")
        )
        self.may_end: frozenset[str] = frozenset(
            _str_list(abbr.get("may_end", []), "abbreviations.may_end")
        )
        self.starters: frozenset[str] = frozenset(
            _str_list(data.get("sentence_starters", []), "sentence_starters")
        )
        self.attribution_verbs: frozenset[str] = frozenset(
            _str_list(data.get("attribution_verbs", []), "attribution_verbs")
        )
        self.object_verbs: frozenset[str] = frozenset(
            _str_list(data.get("object_verbs", []), "object_verbs")
        )
        self.attribution_tail: frozenset[str] = frozenset(
            _str_list(data.get("attribution_tail", []), "attribution_tail")
        )
        furn = data.get("furniture", {})
        markers = [_norm_line(m) for m in _str_list(list(extra_furniture_markers), "markers")]
        self.lines: frozenset[str] = frozenset(
            [_norm_line(x) for x in _str_list(furn.get("lines", []), "furniture.lines")] + markers
        )
        self.list_markers: frozenset[str] = frozenset(
            _norm_line(x) for x in _str_list(furn.get("list_markers", []), "list_markers")
        )
        prefixes = _str_list(furn.get("prefixes", []), "furniture.prefixes")
        short = _str_list(furn.get("short_prefixes", []), "furniture.short_prefixes")
        self.short_line_words: int = int(furn.get("short_line_words", 20))
        # Longest first so "photo credit" wins over "photo"; alternatives are literal, so the
        # patterns are linear.
        self._prefix_re = _alternation(prefixes, r"\s{0,3}(?:[:|/\-\u2013\u2014\u00bb>]|$)")
        self._short_re = _alternation(short, r"(?:[\s:,.]|$)")
        self._marker_re = _alternation(markers, r"(?:[^\w]|$)") if markers else None
        credits = [c.lower() for c in _str_list(furn.get("credit_terms", []), "credit_terms")]
        self.credit_terms: frozenset[str] = frozenset(credits)
        self.trailing_credits: tuple[str, ...] = tuple(
            c.lower() for c in _str_list(furn.get("trailing_credits", []), "trailing_credits")
        )

    def is_marker_line(self, line: str) -> bool:
        """True if ``line`` is a furniture line by its words alone (a cue line or opening).

        Example:
            >>> rules = TextRules()
            >>> rules.is_marker_line("Also Read | Sudan talks stall"), rules.is_marker_line("Talks stall.")
            (True, False)
        """
        stripped = line.strip()
        if not stripped:
            return False
        if _norm_line(stripped) in self.lines:
            return True
        # "(Reporting by ...; Editing by ...)": agencies bracket their sign-off.
        low = stripped.lstrip("([{ ").lower()
        if self._prefix_re is not None and self._prefix_re.match(low):
            return True
        if self._marker_re is not None and self._marker_re.match(low):
            return True
        return bool(
            self._short_re is not None
            and len(stripped.split(None, self.short_line_words + 1)) <= self.short_line_words
            and self._short_re.match(low)
        )

    def is_credit_line(self, line: str) -> bool:
        """True if ``line`` is a photo credit ("Sergei Supinsky/AFP via Getty Images").

        Example:
            >>> rules = TextRules()
            >>> rules.is_credit_line("AFP via Getty Images"), rules.is_credit_line("Reuters reported.")
            (True, False)
        """
        stripped = line.strip()
        if not stripped or len(stripped) > 160:
            return False
        words = stripped.split(None, 16)
        if len(words) > 15:
            return False
        inner = stripped.strip("()[] ")
        if inner.rstrip(".").lower() in self.credit_terms:
            return True
        # Agency names also start sentences ("Reuters reported."): a credit is a list of names
        # joined by separators, not a clause.
        parts = [p.strip(" .") for p in _CREDIT_SPLIT.split(inner)]
        parts = [p for p in parts if p]
        if len(parts) < 2 or not any(p.lower() in self.credit_terms for p in parts):
            return False
        return all(p.lower() in self.credit_terms or _is_name_like(p, 6) for p in parts)

    def has_trailing_credit(self, line: str) -> bool:
        """True if ``line`` ends with a parenthesised photo credit, as captions do.

        Example:
            >>> TextRules().has_trailing_credit("Rescuers search the rubble in Kharkiv. (AP Photo/Jane Roe)")
            True
        """
        stripped = line.rstrip()
        cue = _TRAILING_CUE.search(stripped[-120:])
        if cue is not None:
            # "... in Khan Younis. Photograph: Jane Roe/Reuters"
            credit = cue.group("credit").strip().rstrip(".")
            if "/" in credit or self.is_credit_line(credit) or _is_name_like(credit, 6):
                return True
        if not stripped.endswith((")", "]")):
            return False
        low = stripped.lower()
        if low.endswith(self.trailing_credits) and len(low) > max(map(len, self.trailing_credits)):
            return True
        opener = "(" if stripped.endswith(")") else "["
        open_at = stripped.rfind(opener, max(0, len(stripped) - 160))
        if open_at <= 0:
            return False
        inner = stripped[open_at + 1 : -1]
        if re.match(r"(?i)(?:photo|image|picture|credit|file)s?\b", inner):
            return True
        if "/" in inner:  # "[Jane Roe/Al Jazeera]": photographer and outlet
            parts = [p.strip() for p in inner.split("/")]
            if all(_is_name_like(p, 6) for p in parts):
                return True
        return self.is_credit_line(inner)


_TRAILING_CUE = re.compile(
    r"(?i)(?:(?<=[.!?\u201d\"')\]])|(?<=[.!?\u201d\"')\]] ))(?:photograph|photo|image|picture|credit|photo credit|"
    r"image credit)s?\s{0,2}:\s{0,3}(?P<credit>[^:\n]{2,80})$"
)
_CREDIT_SPLIT = re.compile(r"\s*(?:/|\||\bvia\b|;|,|\u2022|\u00b7)\s*", re.IGNORECASE)
_NAME_TOKEN = re.compile(
    r"(?:[A-Z\u00c0-\u00de][\w'\u2019.\-]{0,30}|[A-Z]{2,10}|de|van|von|al|bin|el|la|der|di|da)"
)


def _is_name_like(s: str, max_tokens: int) -> bool:
    tokens = s.split()
    return (
        0 < len(tokens) <= max_tokens
        and any(t[:1].isupper() for t in tokens)
        and all(_NAME_TOKEN.fullmatch(t) for t in tokens)
    )


def _alternation(items: Sequence[str], tail: str) -> re.Pattern[str] | None:
    words = sorted({" ".join(i.lower().split()) for i in items if i.strip()}, key=len, reverse=True)
    if not words:
        return None
    body = "|".join(r"\s{1,3}".join(re.escape(w) for w in item.split(" ")) for item in words)
    return re.compile(f"(?:{body}){tail}")


@cache
def _default_rules() -> TextRules:
    return TextRules()


# ---------------------------------------------------------------------------- paragraphs


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans: the non-blank lines of ``text``, without surrounding whitespace.

    Example:
        >>> text = "  Headline\\n\\nFirst paragraph.\\r\\nSecond. "
        >>> [p.of(text) for p in split_paragraphs(text)]
        ['Headline', 'First paragraph.', 'Second.']
    """
    out: list[Span] = []
    for m in _LINE.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Span(start=start, end=end))
    return out


# ---------------------------------------------------------------------------- sentences

MAX_SENTENCE_CHARS = 2000
"""The longest sentence the text stage emits.  News sentences stay far below it (the longest in
several hundred real articles is about 500 characters); a longer run is cut at its last clause
boundary (``,`` ``;`` ``:`` or a dash) before the limit, else at a space, so that the work
stages do per sentence stays bounded and a parse stays linear in the text."""

_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[\u2013\u2014-]\s")


def _run_on_cut(text: str, start: int, limit: int) -> int:
    """Where to cut a run-on sentence that starts at ``start``: the end of its last clause
    boundary in the second half of ``[start, limit)``, else its last space, else ``limit``."""
    lo = start + (limit - start) // 2
    last = None
    for m in _CLAUSE_BREAK.finditer(text, lo, limit):
        last = m
    if last is not None:
        return last.end()
    space = max(text.rfind(" ", lo, limit), text.rfind("\n", lo, limit))
    return space + 1 if space > lo else limit


class _Splitter:
    def __init__(self, text: str, rules: TextRules) -> None:
        self.text = text
        self.rules = rules

    def split(self, ps: int, pe: int, out: list[Span]) -> None:
        text = self.text
        start = ps
        for m in _TERM.finditer(text, ps, pe):
            i, j = m.span()
            k = j
            lim = min(pe, j + 8)
            while k < lim and text[k] in _CLOSERS:
                k += 1
            if k < pe and self._boundary(i, j, k, ps, pe):
                self._emit(start, k, out)
                start = k
        self._emit(start, pe, out)

    def _emit(self, start: int, end: int, out: list[Span]) -> None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > MAX_SENTENCE_CHARS:
            # A run-on "sentence" (a scrape without punctuation, hostile input): later stages
            # do work per sentence that grows with its length, so cut it at a clause boundary.
            cut = _run_on_cut(text, start, start + MAX_SENTENCE_CHARS)
            self._emit(start, cut, out)
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append(Span(start=start, end=end))

    def _token_before(self, i: int, ps: int) -> str:
        text = self.text
        s = i
        lo = max(ps, i - _MAX_TOKEN)
        while s > lo and not text[s - 1].isspace():
            s -= 1
        if s == lo and s > ps and not text[s - 1].isspace():
            return ""
        return text[s:i].lstrip(_OPENERS)

    def _boundary(self, i: int, j: int, k: int, ps: int, pe: int) -> bool:
        text = self.text
        run = text[i:j]
        c = text[k]
        if not c.isspace():
            return self._glued_boundary(run, i, j, k, ps, pe)
        n = k
        while n < pe and text[n].isspace():
            n += 1
        if n >= pe:
            return True
        c = text[n]
        if c.islower() or c in ",;:":
            return False
        quoted = any(ch in _QUOTE_CLOSERS for ch in text[j:k])
        if run == ".":
            tok = self._token_before(i, ps)
            if tok and not self._period_ends(tok, n, ps, i):
                return False
        elif run in _ELLIPSIS and not quoted:
            return True
        return not (quoted and self._attribution_follows(n, pe))

    def _glued_boundary(self, run: str, i: int, j: int, k: int, ps: int, pe: int) -> bool:
        text = self.text
        c = text[k]
        nxt = text[k + 1] if k + 1 < pe else ""
        if k > j:  # closing quote glued to the next sentence: 'won."Then'
            return c.isupper() and nxt.islower()
        # A caption glued to its credit: "... March 2014.Anton Holoborodko".
        if run != "." or not (c.isupper() and nxt.islower()) or i <= ps:
            return False
        prev = text[i - 1]
        if not (prev.islower() or prev.isdigit()):
            return False
        tok = self._token_before(i, ps)
        return len(tok) >= 2 and "." not in tok and "/" not in tok and "@" not in tok

    def _period_ends(self, tok: str, n: int, ps: int, i: int) -> bool:
        rules = self.rules
        full = tok + "."
        if full in rules.never_final:
            return False
        if full in rules.numeric:
            return not self.text[n].isdigit()
        if full in rules.may_end or _INITIALS.fullmatch(tok):
            return self._next_word(n) in rules.starters
        # "1. The first point": an enumerator that opens a paragraph.
        return not (tok.isdigit() and len(tok) <= 3 and i - len(tok) <= ps)

    def _next_word(self, n: int) -> str:
        text = self.text
        lim = min(len(text), n + 4)
        while n < lim and text[n] in _OPENERS:
            n += 1
        m = _WORD.match(text, n)
        return m.group() if m else ""

    def _attribution_follows(self, n: int, pe: int) -> bool:
        """Is the capitalised clause at ``n`` only an attribution ("Peskov told reporters.")?"""
        text = self.text
        window = text[n : min(pe, n + _ATTRIBUTION_WINDOW)]
        m = _TERM.search(window)
        if m is None:
            return False
        clause = window[: m.start()]
        if any(ch in _QUOTES for ch in clause):
            return False
        head = clause.split(",", 1)[0]
        words = head.split()
        if not 1 <= len(words) <= 10:
            return False
        verbs = self.rules.attribution_verbs
        for idx, w in enumerate(words[:5]):
            if w.lower().strip("'\u2019") not in verbs:
                continue
            rest = words[idx + 1 :]
            if not rest or w.lower() in self.rules.object_verbs:
                return True
            return rest[0].lower() in self.rules.attribution_tail
        return False


def split_sentences(
    text: str, paragraphs: Sequence[Span] | None = None, *, rules: TextRules | None = None
) -> list[Span]:
    """Sentence spans, in order, each inside one paragraph.

    A period after an abbreviation ("Gen.", "No. 5"), an initial ("J.D. Vance") or inside a
    number does not end a sentence; ``U.S.`` does only when a typical sentence opener follows.
    A terminator inside quotation marks ends the sentence after the closing mark, and not at all
    when a lower-case word (``he said``) or a bare attribution (``Peskov said.``) follows.  A line
    without final punctuation (a headline) is a sentence of its own.  Runs in linear time.

    Args:
        text: the article.
        paragraphs: paragraph spans (default: ``split_paragraphs(text)``).
        rules: abbreviations and cues (default: the shipped ones).

    Example:
        >>> text = ("U.S. Vice President J.D. Vance met Gen. Smith at 3.30 p.m. in St. Louis. "
        ...         "\\u201cPeace is close.\\u201d Vance told reporters. Really?")
        >>> [s.of(text) for s in split_sentences(text)]  # doctest: +NORMALIZE_WHITESPACE
        ['U.S. Vice President J.D. Vance met Gen. Smith at 3.30 p.m. in St. Louis.',
         '\\u201cPeace is close.\\u201d Vance told reporters.', 'Really?']
    """
    if not isinstance(text, str):
        from conflictmodel.errors import InputError

        raise InputError(f"split_sentences() expects str, got {type(text).__name__}")
    splitter = _Splitter(text, rules or _default_rules())
    out: list[Span] = []
    for p in paragraphs if paragraphs is not None else split_paragraphs(text):
        splitter.split(p.start, min(p.end, len(text)), out)
    return out


# ---------------------------------------------------------------------------- furniture

_DOMAIN = re.compile(
    r"(?i)(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){0,4}"
    r"\.[a-z]{2,12}(?:/[^\s]{0,300})?/?"
)
_TERMINAL_END = re.compile(f"[{re.escape(_TERMINATORS)}][\"'\u201d\u2019\u00bb)\\]]{{0,3}}$")
# Captions are short; longer repeated lines are article paragraphs duplicated by a scraper.
_CAPTION_MAX = 300
_MIN_REPEATED = 20
_GLUED_CREDIT_MAX = 80
_RELATED_RUN = 15


def _ends_sentence(line: str) -> bool:
    return bool(_TERMINAL_END.search(line[-6:]))


def _headline_like(line: str) -> bool:
    if len(line) > 200 or len(line.split(None, 21)) > 20:
        return False
    core = line.rstrip("\"'\u201d\u2019\u00bb)]} ")
    return bool(core) and core[-1] not in _TERMINATORS + ":;,"


def find_furniture(
    text: str, paragraphs: Sequence[Span] | None = None, *, rules: TextRules | None = None
) -> list[Span]:
    """Page furniture: spans of lines that are not article prose, in text order.

    Recognised by structure: a caption repeated in the text (verbatim, or with a photo credit
    glued on), photo credits ("Photo: ...", "AFP via Getty Images", a name after a caption),
    "Related Stories" and the headlines listed after it, "Also Read | ..." and "READ MORE:"
    links, advertisements, share/subscribe lines, domain names and site names among them.  A
    headline at the top of an article is not furniture.

    Args:
        text: the article.
        paragraphs: paragraph spans (default: ``split_paragraphs(text)``).
        rules: cues (default: the shipped ones; see [`TextRules`][conflictmodel.parsers.text.TextRules]).

    Example:
        >>> text = ("Peace Talks Resume in Jeddah\\n"
        ...         "Displaced families in Darfur, May 2024.\\n"
        ...         "Sudan's army and the RSF met on Monday.\\n"
        ...         "Displaced families in Darfur, May 2024.Jane Roe\\n"
        ...         "Also Read | Famine spreads in El Fasher\\n"
        ...         "Related Stories\\n"
        ...         "Army Retakes Khartoum Airport\\n"
        ...         "example.com")
        >>> [f.of(text) for f in find_furniture(text)]  # doctest: +NORMALIZE_WHITESPACE
        ['Displaced families in Darfur, May 2024.', 'Displaced families in Darfur, May 2024.Jane Roe',
         'Also Read | Famine spreads in El Fasher', 'Related Stories', 'Army Retakes Khartoum Airport',
         'example.com']
    """
    rules = rules or _default_rules()
    paras = list(paragraphs) if paragraphs is not None else split_paragraphs(text)
    marks = _Marks([p.of(text) for p in paras])
    _mark_repeated_captions(marks)
    _mark_glued_credits(marks, rules)
    _mark_cue_lines(marks, rules)
    _mark_related_lists(marks, rules)
    _mark_neighbours(marks)
    return [p for p, f in zip(paras, marks.furniture, strict=True) if f]


class _Marks:
    """The lines of an article and what each step of ``find_furniture`` found them to be."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.furniture = [False] * len(lines)
        self.caption = [False] * len(lines)  # furniture that a bare credit name may follow
        self.credit_only = [False] * len(lines)  # a credit line a caption may follow

    def caption_at(self, idx: int) -> None:
        self.furniture[idx] = self.caption[idx] = True


def _mark_repeated_captions(marks: _Marks) -> None:
    """A caption repeated verbatim (scrapers keep the image caption and its copy)."""
    counts = Counter(marks.lines)
    first_seen: set[str] = set()
    for idx, line in enumerate(marks.lines):
        if counts[line] > 1 and len(line) >= _MIN_REPEATED:
            is_caption = len(line) <= _CAPTION_MAX and _ends_sentence(line)
            if is_caption or line in first_seen:
                marks.caption_at(idx)
            first_seen.add(line)


def _mark_glued_credits(marks: _Marks, rules: TextRules) -> None:
    """A caption that reappears with a credit glued on: "...March 2014.Anton Holoborodko"."""
    lines = marks.lines
    captions_by_len: dict[int, set[str]] = {}
    for line in lines:
        if _MIN_REPEATED <= len(line) <= _CAPTION_MAX and _ends_sentence(line):
            captions_by_len.setdefault(len(line), set()).add(line)
    lengths = sorted(captions_by_len)
    where: dict[str, list[int]] = {}
    for idx, line in enumerate(lines):
        where.setdefault(line, []).append(idx)
    for idx, line in enumerate(lines):
        if len(line) > _CAPTION_MAX + _GLUED_CREDIT_MAX or len(line) <= _MIN_REPEATED:
            continue
        for length in lengths:
            if length >= len(line):
                break
            if len(line) - length > _GLUED_CREDIT_MAX or line[length - 1] not in _TERMINATORS:
                continue
            head = line[:length]
            if head in captions_by_len[length] and _is_credit_suffix(line[length:], rules):
                marks.caption_at(idx)
                for other in where[head]:
                    marks.caption_at(other)
                break


def _mark_cue_lines(marks: _Marks, rules: TextRules) -> None:
    """Lines that are furniture by their own words: cues, domains, credits, captions."""
    for idx, line in enumerate(marks.lines):
        if marks.furniture[idx]:
            continue
        if rules.is_marker_line(line) or _DOMAIN.fullmatch(line):
            marks.furniture[idx] = True
        elif rules.is_credit_line(line):
            marks.furniture[idx] = marks.credit_only[idx] = True
        elif rules.has_trailing_credit(line):
            marks.caption_at(idx)


def _mark_related_lists(marks: _Marks, rules: TextRules) -> None:
    """A headline-like list after "Related Stories"/"Read more"."""
    lines, furniture, n = marks.lines, marks.furniture, len(marks.lines)
    idx = 0
    while idx < n:
        if furniture[idx] and _norm_line(lines[idx]) in rules.list_markers:
            run = 0
            j = idx + 1
            while j < n and run < _RELATED_RUN:
                if not (furniture[j] or _headline_like(lines[j]) or _short_question(lines[j])):
                    break
                furniture[j] = True
                run += 1
                j += 1
            idx = j
        else:
            idx += 1


def _mark_neighbours(marks: _Marks) -> None:
    """A credit name on its own line after a caption, a caption after a credit line inside the
    article ("Getty Images" / "A family returns to Gaza"), and headline-like lines sandwiched
    between furniture (lists of other stories interleaved with captions, site names above
    domains)."""
    lines, furniture, n = marks.lines, marks.furniture, len(marks.lines)
    seen_prose = False
    for idx, line in enumerate(lines):
        if not furniture[idx] and _ends_sentence(line) and len(line.split(None, 8)) > 8:
            seen_prose = True
        if furniture[idx] or idx == 0 or not furniture[idx - 1]:
            continue
        if marks.credit_only[idx - 1] and seen_prose and _headline_like(line):
            marks.caption_at(idx)
            continue
        credit_name = marks.caption[idx - 1] and _is_name_like(line, 4) and len(line) <= 60
        sandwiched = _headline_like(line) and (idx + 1 == n or furniture[idx + 1])
        furniture[idx] = credit_name or sandwiched


def _short_question(line: str) -> bool:
    core = line.rstrip("\"'\u201d\u2019\u00bb)]} ")
    return core.endswith(("?", "!")) and len(line.split(None, 16)) <= 15


def _is_credit_suffix(suffix: str, rules: TextRules) -> bool:
    s = suffix.strip()
    if not s:
        return False
    if rules.is_credit_line(s) or rules.is_marker_line(s):
        return True
    return _is_name_like(s, 5) and not any(ch in _TERMINATORS for ch in s.rstrip("."))


# ---------------------------------------------------------------------------- the stage


class TextParser:
    """The ``text`` stage: fills ``ctx.paragraphs``, ``ctx.sentences`` and ``ctx.furniture``.

    Args:
        extra_abbreviations: abbreviations that never end a sentence ("Amb.", "Brig.").
        extra_furniture_markers: lines, or line openings followed by a non-letter, that are
            page furniture on your sources ("Sponsored by", "Exclusive:").

    Example:
        >>> ctx = ParseContext(text="Talks in Doha\\nThe envoy arrived. He left.\\nRead more")
        >>> TextParser()(ctx)
        >>> [s.of(ctx.text) for s in ctx.sentences]
        ['Talks in Doha', 'The envoy arrived.', 'He left.', 'Read more']
        >>> [f.of(ctx.text) for f in ctx.furniture]
        ['Read more']
    """

    name = "text"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("paragraphs", "sentences", "furniture")

    def __init__(
        self,
        *,
        extra_abbreviations: Iterable[str] = (),
        extra_furniture_markers: Iterable[str] = (),
    ) -> None:
        extra_abbreviations = tuple(extra_abbreviations)
        extra_furniture_markers = tuple(extra_furniture_markers)
        if extra_abbreviations or extra_furniture_markers:
            self.rules = TextRules(
                extra_abbreviations=extra_abbreviations,
                extra_furniture_markers=extra_furniture_markers,
            )
        else:
            self.rules = _default_rules()

    def __call__(self, ctx: ParseContext) -> None:
        ctx.paragraphs = split_paragraphs(ctx.text)
        ctx.sentences = split_sentences(ctx.text, ctx.paragraphs, rules=self.rules)
        ctx.furniture = find_furniture(ctx.text, ctx.paragraphs, rules=self.rules)
