"""The ``dates`` stage: date expressions, resolved against the publication date.

Candidates are found with linear-time patterns (weekdays, "last week", "last November",
"March 2014", "3 March 2025", "in 2014", ISO dates, "yesterday", "two days ago"), then resolved:
the common forms by exact calendar arithmetic, numeric forms ("03/04/2025") and user patterns
with ``dateparser`` (imported lazily: it is slow to import).

Semantics, with a publication date ``P``:

* "on Thursday", "late Thursday": the latest Thursday on or before ``P``; "last Thursday": the
  latest strictly before; "next Thursday": the first after.  In a sentence that points forward
  ("talks will resume on Monday") the first Monday on or after ``P``.
* "this week": precision WEEK, the Monday of ``P``'s week; "last month": MONTH, the first of the
  previous month; "last year": YEAR.
* "last November": the most recent November strictly before ``P``'s month; "in November": on
  or before it.
* "March 2014": MONTH, 2014-03-01; "in 2014", "since 2014": YEAR, 2014-01-01.

Relative expressions have ``relative=True`` and ``anchor=P``; without a publication date they
keep their precision and stay unresolved.  "May" is a month only with a day, a year or a
preposition ("the US may be willing", "Theresa May" are not dates).

Example:
    >>> import datetime as dt
    >>> [(d.text, str(d.value), d.precision.value)
    ...  for d in find_dates("Talks began late Thursday, a year after the March 2014 vote.",
    ...                      published=dt.date(2025, 4, 19))]
    [('late Thursday', '2025-04-17', 'day'), ('March 2014', '2014-03-01', 'month')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from conflictmodel.context import ParseContext
from conflictmodel.errors import GazetteerError, InputError
from conflictmodel.model.span import Span
from conflictmodel.model.textdates import DatePrecision, TextDate
from conflictmodel.resources import load_data

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["DateParser", "DateRules", "find_dates"]

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
_MONTHS.update(
    {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
     "Oct": 10, "Nov": 11, "Dec": 12}
)  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_INDEX = {name: i for i, name in enumerate(_WEEKDAYS)}
# Months that are also common words in title case ("U.S. May Abandon", "Protesters March").
_AMBIGUOUS_MONTHS = frozenset({"May", "March"})

_FULL_MONTH = "|".join(_MONTH_NAMES)
_ANY_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAY = "|".join(_WEEKDAYS)
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])(?:st|nd|rd|th)?"
_YEAR = r"[12][0-9]{3}(?![0-9A-Za-z]|[.,][0-9]|%)"
_SP = r"[ \t\u00a0]{1,3}"
_NOT_IN_WORD = r"(?<![\w\u2019'])"
_NOT_IN_NUMBER = r"(?<![\w.,$\u20ac\u00a3#/\-])"

_PATTERNS: dict[str, re.Pattern[str]] = {
    "iso": re.compile(
        _NOT_IN_NUMBER + r"(?P<year>[12][0-9]{3})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])(?![0-9])"
    ),
    "mdy": re.compile(
        _NOT_IN_WORD
        + rf"(?:(?P<pre>(?i:on|by|until|till|since|from|before|after|as of|through|to)){_SP})?"
        + rf"(?:(?P<weekday>{_WEEKDAY}),?{_SP})?"
        + rf"(?P<month>{_ANY_MONTH}){_SP}(?P<day>{_DAY})(?:,?{_SP}(?P<year>{_YEAR}))?"
    ),
    "dmy": re.compile(
        _NOT_IN_WORD
        + rf"(?:(?P<pre>(?i:on|by|until|till|since|from|before|after|as of|through|to)){_SP})?"
        + rf"(?:(?P<weekday>{_WEEKDAY}),?{_SP})?(?:(?i:the){_SP})?"
        + _NOT_IN_NUMBER
        + rf"(?P<day>{_DAY})(?:{_SP}of)?{_SP}(?P<month>{_ANY_MONTH})(?![\w\-])"
        + rf"(?:,?{_SP}(?P<year>{_YEAR}))?"
    ),
    "my": re.compile(
        _NOT_IN_WORD
        + rf"(?:(?P<pre>(?i:in early|in late|in mid|since early|since late|by early|by late|until early|until late|in|since|by|until|till|from|before|after|during|through|throughout|of|early|late|mid)){_SP}|(?P<mid>(?i:mid))-)?"
        + rf"(?P<month>{_ANY_MONTH}),?{_SP}(?P<year>{_YEAR})"
    ),
    "month": re.compile(
        _NOT_IN_WORD
        + rf"(?:(?P<pre>(?i:this past|last|this|next|coming|in early|in late|in mid|since early|since late|by early|by late|until early|until late|early|late|in|since|by|until|till|from|before|after|during|through|throughout|of|around)){_SP}|(?P<mid>(?i:mid))-)?"
        + rf"(?P<month>{_FULL_MONTH})(?![\w\-])"
    ),
    "year": re.compile(
        _NOT_IN_WORD
        + rf"(?P<pre>(?i:in early|in late|in mid|since early|since late|by early|by late|until early|until late|by the end of|until the end of|the end of|the start of|the beginning of|the middle of|the year|in|since|by|until|till|from|through|throughout|during|before|after|of|early|late|around|circa|between|and|or|to))(?:{_SP}|(?<=mid)-)"
        + rf"(?P<year>{_YEAR})"
        + "|"
        + _NOT_IN_WORD
        + rf"(?P<mid>(?i:mid))-(?P<year2>{_YEAR})"
    ),
    "weekday": re.compile(
        _NOT_IN_WORD
        + rf"(?:(?P<pre>(?i:earlier on|later on|late on|early on|this past|on|late|early|last|this|next|coming|by|until|till|since|from|before|after|through|as of)){_SP})?"
        + rf"(?P<weekday>{_WEEKDAY})(?![\w\-])(?:{_SP}(?P<tod>morning|afternoon|evening|night))?"
    ),
    "period": re.compile(
        _NOT_IN_WORD
        + rf"(?i:(?:(?P<pre>earlier|later|early|late|since|until|by|in|during|over|for|throughout|from|as of|mid|at the end of|at the start of|by the end of|the end of|the start of|the beginning of|the middle of){_SP})?(?:the{_SP})?"
        + rf"(?P<rel>this{_SP}past|last|this|next|past|previous|coming|current){_SP}(?P<unit>week|weekend|month|year))(?![\w\-])"
    ),
    "weekend": re.compile(
        _NOT_IN_WORD + rf"(?i:(?P<pre>over|at|during|on){_SP}the{_SP}weekend)(?![\w\-])"
    ),
    "ago": re.compile(
        _NOT_IN_WORD
        + rf"(?i:(?P<num>a{_SP}few|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|several|few|some|[0-9]{{1,3}}){_SP}(?P<unit>day|week|month|year)s?{_SP}ago)(?![\w\-])"
    ),
    "deictic": re.compile(
        _NOT_IN_WORD
        + rf"(?:(?P<pre>(?i:earlier|later|late|early|until|by|since)){_SP})?"
        + rf"(?P<word>the{_SP}day{_SP}before{_SP}yesterday|yesterday|today|tonight|last{_SP}night|this{_SP}morning|this{_SP}afternoon|this{_SP}evening|Yesterday|Today|Tonight|Last{_SP}night|This{_SP}morning|This{_SP}afternoon|This{_SP}evening)(?![\w\-])"
    ),
    "numeric": re.compile(
        _NOT_IN_NUMBER
        + r"(?:(?:[0-3]?[0-9])/(?:[0-3]?[0-9])/(?:[12][0-9]{3}|[0-9]{2})"
        + r"|(?:[0-3]?[0-9])\.(?:[0-3]?[0-9])\.[12][0-9]{3})(?![0-9]|[.,/][0-9])"
    ),
}
# Prepositions that join a year to something else; the year alone is the expression.
_JOINERS = frozenset({"and", "or", "to", "between"})


class DateRules:
    """The data the date finder works with (``data/dates.json``), with user additions.

    Args:
        extra_future_cues: words that make a relative date in the same sentence point forward.
        extra_patterns: regular expressions (linear ones, please) whose matches are dates that
            ``dateparser`` resolves, e.g. ``r"\\d{1,2}\\.\\d{1,2}\\.\\d{4}"``.

    Example:
        >>> rules = DateRules(extra_future_cues=["slated for"])
        >>> "slated for" in rules.future_cues, "will" in rules.future_cues
        (True, True)
    """

    def __init__(
        self, *, extra_future_cues: Iterable[str] = (), extra_patterns: Iterable[str] = ()
    ) -> None:
        data = load_data("dates.json")
        numbers = data.get("number_words", {})
        if not isinstance(numbers, dict) or not all(
            isinstance(k, str) and isinstance(v, int) for k, v in numbers.items()
        ):
            raise GazetteerError("dates.json: number_words must map words to integers")
        self.number_words: dict[str, int] = {k.lower(): v for k, v in numbers.items()}
        cues = [
            *_strs(data.get("future_cues", []), "future_cues"),
            *_strs(extra_future_cues, "extra_future_cues"),
        ]
        self.future_cues: frozenset[str] = frozenset(c.lower() for c in cues)
        self.year_followers: frozenset[str] = frozenset(
            w.lower() for w in _strs(data.get("year_followers", []), "year_followers")
        )
        self.count_nouns: frozenset[str] = frozenset(
            w.lower() for w in _strs(data.get("count_nouns", []), "count_nouns")
        )
        self.min_year: int = int(data.get("min_year", 1800))
        self.max_year: int = int(data.get("max_year", 2199))
        body = "|".join(
            r"\s{1,3}".join(re.escape(w) for w in c.split())
            for c in sorted(self.future_cues, key=len, reverse=True)
        )
        self._future_re = re.compile(rf"(?i)(?<![\w])(?:{body})(?![\w])") if body else None
        self.extra_patterns: tuple[re.Pattern[str], ...] = tuple(
            _compile_user(p) for p in _strs(extra_patterns, "extra_patterns")
        )

    def is_count(self, word: str) -> bool:
        """True if ``word`` after a number shows the number counts things ("2000 attacks").

        Example:
            >>> rules = DateRules()
            >>> rules.is_count("attacks"), rules.is_count("people"), rules.is_count("elections")
            (True, True, False)
        """
        word = word.lower()
        if word in self.year_followers:
            return False
        return word in self.count_nouns or (
            len(word) > 3 and word.endswith("s") and not word.endswith("ss")
        )

    def points_forward(self, text: str, start: int) -> bool:
        """True if the sentence before ``start`` is about the future ("talks will resume").

        Example:
            >>> DateRules().points_forward("Talks will resume on Monday.", 18)
            True
        """
        if self._future_re is None:
            return False
        lo = max(0, start - 100)
        window = text[lo:start]
        cut = max(window.rfind(ch) for ch in '.!?\n\u201c\u201d\u00ab\u00bb"')
        if cut >= 0:
            window = window[cut + 1 :]
        return self._future_re.search(window) is not None


def _strs(data: Any, where: str) -> list[str]:
    items = list(data) if not isinstance(data, str) else [data]
    if not all(isinstance(x, str) for x in items):
        raise GazetteerError(f"dates: {where} must be strings")
    return items


def _compile_user(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise GazetteerError(f"date pattern {pattern!r} is not a valid regex: {exc}") from exc


@cache
def _default_rules() -> DateRules:
    return DateRules()


# ---------------------------------------------------------------------------- calendar helpers


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _weekday_on_or_before(pub: dt.date, weekday: int) -> dt.date:
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


def _weekday_on_or_after(pub: dt.date, weekday: int) -> dt.date:
    return pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_of(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


# ---------------------------------------------------------------------------- dateparser


@lru_cache(maxsize=8)
def _dateparser(base: dt.date | None, order: str | None = None) -> DateDataParser:
    # Imported here: dateparser takes about a second to import.
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if order is not None:
        settings["DATE_ORDER"] = order
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    return DateDataParser(languages=["en"], settings=settings)


_PERIODS = {
    "day": DatePrecision.DAY,
    "week": DatePrecision.WEEK,
    "month": DatePrecision.MONTH,
    "year": DatePrecision.YEAR,
}


def _with_dateparser(
    expr: str, published: dt.date | None, order: str | None = None
) -> tuple[dt.date | None, DatePrecision]:
    data = _dateparser(published, order).get_date_data(expr)
    if data.date_obj is None:
        return None, DatePrecision.UNKNOWN
    precision = _PERIODS.get(data.period or "day", DatePrecision.DAY)
    value = data.date_obj.date()
    if precision is DatePrecision.MONTH:
        value = value.replace(day=1)
    elif precision is DatePrecision.YEAR:
        value = value.replace(month=1, day=1)
    elif precision is DatePrecision.WEEK:
        value = _monday(value)
    return value, precision


# ---------------------------------------------------------------------------- finding

# Every match of a built-in pattern contains one of its anchors, as written (months and
# weekdays are capitalised; "eek" is in "week" and "Week" ...).  Each pattern runs only in
# windows around its own anchors: ``str.find`` is far faster than a pattern tried at every
# position, and most text holds no date.
_DIGITS = tuple("0123456789")
_MONTHS_ANCHORS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_PATTERN_ANCHORS: dict[str, tuple[str, ...]] = {
    "iso": _DIGITS,
    "mdy": _MONTHS_ANCHORS,
    "dmy": _MONTHS_ANCHORS,
    "my": _MONTHS_ANCHORS,
    "month": _MONTHS_ANCHORS,
    "year": _DIGITS,
    "weekday": ("day",),
    "period": ("eek", "EEK", "onth", "ONTH", "ear", "EAR"),
    "weekend": ("eek", "EEK"),
    "ago": ("ago", "AGO", "Ago"),
    "deictic": ("day", "ight", "orning", "fternoon", "vening"),
    "numeric": _DIGITS,
}
# Longer than any built-in expression on either side of its anchor.
_MARGIN = 64


def _windows(text: str, anchors: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged ranges of ``text`` around ``anchors``, where a pattern needs to run."""
    hits: list[int] = []
    for anchor in anchors:
        at = text.find(anchor)
        while at >= 0:
            hits.append(at)
            at = text.find(anchor, at + 1)
    hits.sort()
    out: list[tuple[int, int]] = []
    for at in hits:
        lo, hi = max(0, at - _MARGIN), min(len(text), at + _MARGIN)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


class _Finder:
    def __init__(self, text: str, published: dt.date | None, rules: DateRules) -> None:
        self.text = text
        self.published = published
        self.rules = rules

    def run(self) -> list[TextDate]:
        candidates: list[tuple[int, int, TextDate]] = []
        windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for kind, pattern in _PATTERNS.items():
            resolve = getattr(self, "_" + kind)
            anchors = _PATTERN_ANCHORS[kind]
            if anchors not in windows:
                windows[anchors] = _windows(self.text, anchors)
            for lo, hi in windows[anchors]:
                for m in pattern.finditer(self.text, lo, hi):
                    try:
                        found = resolve(m)
                    except (ValueError, OverflowError):
                        # Calendar arithmetic beyond year 1 or 9999 (a publication date there).
                        continue
                    if found is not None:
                        candidates.append(found)
        for pattern in self.rules.extra_patterns:
            for m in pattern.finditer(self.text):
                if m.end() > m.start():
                    candidates.append(self._user(m))
        # Longest expression wins ("Monday, March 3, 2025" over "Monday"); lengths are bounded,
        # so marking taken characters keeps this linear.
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = bytearray(len(self.text))
        chosen: list[TextDate] = []
        for start, end, date in candidates:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(date)
        chosen.sort(key=lambda d: d.span.start if d.span else 0)
        return chosen

    # Each resolver returns (start, end, TextDate) or None when the match is not a date.

    def _make(
        self,
        start: int,
        end: int,
        value: dt.date | None,
        precision: DatePrecision,
        *,
        relative: bool,
    ) -> tuple[int, int, TextDate]:
        anchor = self.published if relative and value is not None else None
        date = TextDate(
            text=self.text[start:end],
            span=Span(start=start, end=end),
            value=value,
            precision=precision,
            relative=relative,
            anchor=anchor,
        )
        return start, end, date

    def _forward(self, start: int) -> bool:
        return self.rules.points_forward(self.text, start)

    def _iso(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        value = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        if value is None:
            return None
        return self._make(m.start(), m.end(), value, DatePrecision.DAY, relative=False)

    def _day_month(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        month = _month_of(m["month"])
        day = int(m["day"].rstrip("stndrh"))
        if m["year"] is not None:
            year = int(m["year"])
            value = _safe_date(year, month, day)
            if value is None:
                return None
            return self._make(m.start(), m.end(), value, DatePrecision.DAY, relative=False)
        if _safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 is fine
            return None
        pub = self.published
        resolved: dt.date | None = None
        if pub is not None and m["weekday"] is not None:
            # "Sunday 19 January": the year in which that day is a Sunday, nearest first.
            weekday = _WEEKDAY_INDEX[m["weekday"]]
            fits = [
                c
                for c in (_safe_date(y, month, day) for y in (pub.year, pub.year - 1, pub.year + 1))
                if c is not None and c.weekday() == weekday
            ]
            if fits:
                resolved = min(fits, key=lambda c: abs((c - pub).days))
        if pub is not None and resolved is None:
            forward = self._forward(m.start())
            for year in (pub.year, pub.year - 1, pub.year + 1, pub.year - 4, pub.year + 4):
                candidate = _safe_date(year, month, day)
                if candidate is None:
                    continue
                if forward and candidate >= pub and (resolved is None or candidate < resolved):
                    resolved = candidate
                if not forward and candidate <= pub and (resolved is None or candidate > resolved):
                    resolved = candidate
        return self._make(m.start(), m.end(), resolved, DatePrecision.DAY, relative=True)

    _mdy = _day_month
    _dmy = _day_month

    def _my(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        year = int(m["year"])
        if not self.rules.min_year <= year <= self.rules.max_year:
            return None
        value = dt.date(year, _month_of(m["month"]), 1)
        return self._make(m.start(), m.end(), value, DatePrecision.MONTH, relative=False)

    def _month(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        name = m["month"]
        pre = (m["pre"] or m["mid"] or "").lower()
        pre = " ".join(pre.split())
        if not pre:
            if name in _AMBIGUOUS_MONTHS:
                return None
            # "June Smith", "April Fools": a bare month before a name is rarely a date.
            nxt = self.text[m.end() : m.end() + 2].lstrip()
            if nxt[:1].isupper():
                return None
        month = _MONTHS[name]
        pub = self.published
        value: dt.date | None = None
        if pub is not None:
            this_year = dt.date(pub.year, month, 1)
            pub_month = pub.replace(day=1)
            if pre in ("last", "this past"):
                value = this_year if this_year < pub_month else _add_months(this_year, -12)
            elif pre in ("next", "coming"):
                value = this_year if this_year > pub_month else _add_months(this_year, 12)
            elif pre == "this":
                value = this_year
            elif self._forward(m.start()):
                value = this_year if this_year >= pub_month else _add_months(this_year, 12)
            else:
                value = this_year if this_year <= pub_month else _add_months(this_year, -12)
        return self._make(m.start(), m.end(), value, DatePrecision.MONTH, relative=True)

    def _year(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        raw = m["year"] or m["year2"]
        year = int(raw)
        if not self.rules.min_year <= year <= self.rules.max_year:
            return None
        end = m.end()
        # "in 2000 attacks": a count, not a year.
        after = self.text[end : end + 40]
        word = re.match(r"[ \t\u00a0]{1,3}([a-z][a-z'\u2019]*)", after)
        if word and self.rules.is_count(word.group(1)):
            return None
        start = m.start()
        pre = (m["pre"] or "").lower()
        if pre in _JOINERS:
            start = m.start("year")
        return self._make(start, end, dt.date(year, 1, 1), DatePrecision.YEAR, relative=False)

    def _weekday(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        pre = " ".join((m["pre"] or "").lower().split())
        if not pre and m["tod"] is None:
            # "the Sunday Times", "Bloody Sunday Inquiry": a bare weekday before a name.
            nxt = self.text[m.end() : m.end() + 4].lstrip(" \t\u00a0")
            if nxt[:1].isupper():
                return None
        weekday = _WEEKDAY_INDEX[m["weekday"]]
        pub = self.published
        value: dt.date | None = None
        if pub is not None:
            if pre in ("last", "this past"):
                value = _weekday_on_or_before(pub - dt.timedelta(days=1), weekday)
            elif pre in ("next", "coming"):
                value = _weekday_on_or_after(pub + dt.timedelta(days=1), weekday)
            elif pre == "this":
                value = _monday(pub) + dt.timedelta(days=weekday)
            elif self._forward(m.start()):
                value = _weekday_on_or_after(pub, weekday)
            else:
                value = _weekday_on_or_before(pub, weekday)
        return self._make(m.start(), m.end(), value, DatePrecision.DAY, relative=True)

    def _period(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        rel = " ".join(m["rel"].lower().split())
        unit = m["unit"].lower()
        step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1}
        offset = step.get(rel, 0)
        pub = self.published
        precision = {
            "week": DatePrecision.WEEK,
            "weekend": DatePrecision.WEEK,
            "month": DatePrecision.MONTH,
            "year": DatePrecision.YEAR,
        }[unit]
        value: dt.date | None = None
        if pub is not None:
            if unit in ("week", "weekend"):
                # For a weekend: the Monday of the week whose Saturday and Sunday are meant.
                value = _monday(pub) + dt.timedelta(weeks=offset)
            elif unit == "month":
                value = _add_months(pub.replace(day=1), offset)
            else:
                value = dt.date(pub.year + offset, 1, 1)
        return self._make(m.start(), m.end(), value, precision, relative=True)

    def _weekend(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        pub = self.published
        value: dt.date | None = None
        if pub is not None:
            week = _monday(pub)
            if pub.weekday() < 5 and not self._forward(m.start()):
                week -= dt.timedelta(weeks=1)
            value = week
        return self._make(m.start(), m.end(), value, DatePrecision.WEEK, relative=True)

    def _ago(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        raw = " ".join(m["num"].lower().split())
        count = int(raw) if raw.isdigit() else self.rules.number_words.get(raw)
        unit = m["unit"].lower()
        precision = {
            "day": DatePrecision.DAY,
            "week": DatePrecision.WEEK,
            "month": DatePrecision.MONTH,
            "year": DatePrecision.YEAR,
        }[unit]
        pub = self.published
        value: dt.date | None = None
        if pub is not None and count is not None:
            if unit == "day":
                value = pub - dt.timedelta(days=count)
            elif unit == "week":
                value = _monday(pub - dt.timedelta(weeks=count))
            elif unit == "month":
                value = _add_months(pub.replace(day=1), -count)
            elif pub.year - count >= dt.MINYEAR:
                value = dt.date(pub.year - count, 1, 1)
        return self._make(m.start(), m.end(), value, precision, relative=True)

    def _deictic(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        word = " ".join(m["word"].lower().split())
        if m["word"][0].isupper() and m["pre"] is None and self._after_name(m.start()):
            return None  # "USA Today", "Russia Today": a title, not a day
        back = {"yesterday": 1, "last night": 1, "the day before yesterday": 2}.get(word, 0)
        pub = self.published
        value = pub - dt.timedelta(days=back) if pub is not None else None
        return self._make(m.start(), m.end(), value, DatePrecision.DAY, relative=True)

    def _after_name(self, start: int) -> bool:
        before = self.text[max(0, start - 30) : start]
        word = re.search(r"\w+[ \t\u00a0]{1,3}$", before)
        return bool(word and word.group()[:1].isupper())

    def _numeric(self, m: re.Match[str]) -> tuple[int, int, TextDate] | None:
        # Dotted dates are day-first wherever they are written; slashed ones follow dateparser's
        # English default (month first unless the first number cannot be a month).
        order = "DMY" if "." in m.group() else None
        value, precision = _with_dateparser(m.group(), self.published, order)
        if value is None:
            return None
        return self._make(m.start(), m.end(), value, precision, relative=False)

    def _user(self, m: re.Match[str]) -> tuple[int, int, TextDate]:
        value, precision = _with_dateparser(m.group(), self.published)
        relative = re.search(r"[12][0-9]{3}", m.group()) is None
        if relative and self.published is None:
            value = None
        return self._make(m.start(), m.end(), value, precision, relative=relative)


def find_dates(
    text: str,
    published: dt.date | dt.datetime | str | None = None,
    *,
    rules: DateRules | None = None,
) -> list[TextDate]:
    """Date expressions in ``text``, in order, resolved against ``published`` when given.

    Args:
        text: any text.
        published: the publication date (date, datetime or ISO string).
        rules: cues and extra patterns (default: the shipped ones).

    Raises:
        InputError: ``text`` is not a str or ``published`` is not a date.

    Example:
        >>> [(d.text, d.value, d.precision.value, d.relative)
        ...  for d in find_dates("Kyiv said on Friday that the US may be willing to talk.")]
        [('on Friday', None, 'day', True)]
        >>> [(d.text, str(d.value)) for d in find_dates("Fighting since 2014 flared last week.",
        ...                                              published="2025-04-17")]
        [('since 2014', '2014-01-01'), ('last week', '2025-04-07')]
    """
    if not isinstance(text, str):
        raise InputError(f"find_dates() expects str text, got {type(text).__name__}")
    from conflictmodel.parse import coerce_published

    return _Finder(text, coerce_published(published), rules or _default_rules()).run()


def _drop_furniture(dates: Sequence[TextDate], furniture: Sequence[Span]) -> list[TextDate]:
    if not furniture:
        return list(dates)
    merged: list[list[int]] = []
    for f in sorted(furniture):
        if merged and f.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], f.end)
        else:
            merged.append([f.start, f.end])
    out: list[TextDate] = []
    i = 0
    for d in sorted(dates, key=lambda x: x.span.start if x.span else -1):
        if d.span is None:
            out.append(d)
            continue
        while i < len(merged) and merged[i][1] <= d.span.start:
            i += 1
        if i < len(merged) and merged[i][0] < d.span.end:
            continue
        out.append(d)
    return out


class DateParser:
    """The ``dates`` stage: fills ``ctx.dates``, skipping page furniture.

    Args:
        extra_future_cues: words that make a relative date point forward ("slated for").
        extra_patterns: regexes for dates ``dateparser`` should resolve (your sources' formats).

    Example:
        >>> import datetime as dt
        >>> ctx = ParseContext(text="Clashes erupted in Goma on Sunday.", published=dt.date(2025, 1, 28))
        >>> DateParser()(ctx)
        >>> [(d.text, d.value.isoformat(), d.anchor.isoformat()) for d in ctx.dates]
        [('on Sunday', '2025-01-26', '2025-01-28')]
    """

    name = "dates"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("dates",)

    def __init__(
        self, *, extra_future_cues: Iterable[str] = (), extra_patterns: Iterable[str] = ()
    ) -> None:
        extra_future_cues = tuple(extra_future_cues)
        extra_patterns = tuple(extra_patterns)
        if extra_future_cues or extra_patterns:
            self.rules = DateRules(
                extra_future_cues=extra_future_cues, extra_patterns=extra_patterns
            )
        else:
            self.rules = _default_rules()

    def __call__(self, ctx: ParseContext) -> None:
        found = _Finder(ctx.text, ctx.published, self.rules).run()
        ctx.dates.extend(_drop_furniture(found, ctx.furniture))
