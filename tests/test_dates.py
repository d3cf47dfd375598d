"""The dates stage: finding and resolving date expressions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictmodel.context import ParseContext
from conflictmodel.errors import GazetteerError, InputError
from conflictmodel.parsers.dates import DateParser, DateRules, find_dates
from conflictmodel.span import Span
from conflictmodel.textdates import DatePrecision, TextDate

THU = dt.date(2025, 4, 17)  # a Thursday
SAT = dt.date(2025, 4, 19)
DAY, WEEK, MONTH, YEAR = (
    DatePrecision.DAY,
    DatePrecision.WEEK,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
)


def one(text: str, published: dt.date | None = SAT) -> TextDate:
    found = find_dates(text, published=published)
    assert len(found) == 1, found
    date = found[0]
    assert date.span is not None
    assert date.span.of(text) == date.text
    return date


def texts(text: str, published: dt.date | None = SAT) -> list[str]:
    return [d.text for d in find_dates(text, published=published)]


# ---------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Thursday", dt.date(2025, 4, 17)),
        ("late Thursday", dt.date(2025, 4, 17)),
        ("early on Friday", dt.date(2025, 4, 18)),
        ("late on Wednesday", dt.date(2025, 4, 16)),
        ("earlier on Monday", dt.date(2025, 4, 14)),
        ("on Saturday", dt.date(2025, 4, 19)),  # the publication day itself
        ("on Sunday", dt.date(2025, 4, 13)),
        ("last Saturday", dt.date(2025, 4, 12)),  # strictly before
        ("next Monday", dt.date(2025, 4, 21)),
        ("this Tuesday", dt.date(2025, 4, 15)),
        ("Thursday night", dt.date(2025, 4, 17)),
    ],
)
def test_weekdays_resolve_against_publication(phrase: str, expected: dt.date) -> None:
    date = one(f"Gaza ceasefire talks collapsed {phrase}, officials said.")
    assert date.text == phrase
    assert (date.value, date.precision, date.relative, date.anchor) == (expected, DAY, True, SAT)


def test_weekday_on_publication_day_and_week_boundaries() -> None:
    assert one("The RSF attacked on Thursday.", THU).value == THU
    monday = dt.date(2025, 4, 14)
    assert one("The RSF attacked on Sunday.", monday).value == dt.date(2025, 4, 13)
    assert one("The RSF attacked on Monday.", monday).value == monday
    assert one("The RSF attacked on Tuesday.", monday).value == dt.date(2025, 4, 8)
    assert one("Talks resumed last Monday.", monday).value == dt.date(2025, 4, 7)


def test_future_sentence_points_forward() -> None:
    assert one("Talks will resume in Doha on Monday.", SAT).value == dt.date(2025, 4, 21)
    assert one("The delegations are expected to meet on Saturday.", SAT).value == SAT
    # The cue must be in the same sentence, before the date.
    assert one("He will go. They met on Monday.", SAT).value == dt.date(2025, 4, 14)


def test_weekday_without_publication_stays_unresolved() -> None:
    date = one("Kigali denied the claim on Friday.", None)
    assert (date.value, date.precision, date.relative, date.anchor) == (None, DAY, True, None)


def test_weekday_before_a_name_is_not_a_date() -> None:
    assert texts("The Sunday Times reported that Baku had agreed.") == []
    assert texts("Sunday, Baku said it had agreed.") == ["Sunday"]


# ---------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("this week", dt.date(2025, 4, 14), WEEK),
        ("earlier this week", dt.date(2025, 4, 14), WEEK),
        ("last week", dt.date(2025, 4, 7), WEEK),
        ("next week", dt.date(2025, 4, 21), WEEK),
        ("over the weekend", dt.date(2025, 4, 14), WEEK),  # published on a Saturday
        ("this month", dt.date(2025, 4, 1), MONTH),
        ("last month", dt.date(2025, 3, 1), MONTH),
        ("next month", dt.date(2025, 5, 1), MONTH),
        ("last year", dt.date(2024, 1, 1), YEAR),
        ("earlier this year", dt.date(2025, 1, 1), YEAR),
        ("yesterday", dt.date(2025, 4, 18), DAY),
        ("today", SAT, DAY),
        ("tonight", SAT, DAY),
        ("last night", dt.date(2025, 4, 18), DAY),
        ("two days ago", dt.date(2025, 4, 17), DAY),
        ("10 days ago", dt.date(2025, 4, 9), DAY),
        ("three weeks ago", dt.date(2025, 3, 24), WEEK),
        ("a month ago", dt.date(2025, 3, 1), MONTH),
        ("two years ago", dt.date(2023, 1, 1), YEAR),
    ],
)
def test_relative_periods(phrase: str, value: dt.date, precision: DatePrecision) -> None:
    date = one(f"Houthi forces fired missiles {phrase}, a spokesman said.")
    assert date.text == phrase
    assert (date.value, date.precision, date.relative, date.anchor) == (
        value,
        precision,
        True,
        SAT,
    )


def test_relative_periods_without_publication_keep_precision() -> None:
    found = find_dates("Fighting eased this week after clashes two days ago.")
    assert [(d.text, d.value, d.precision) for d in found] == [
        ("this week", None, WEEK),
        ("two days ago", None, DAY),
    ]
    assert all(d.relative and d.anchor is None for d in found)


def test_vague_count_is_unresolved() -> None:
    date = one("The truce collapsed a few days ago.")
    assert (date.value, date.precision) == (None, DAY)


def test_capitalised_today_in_a_title_is_not_a_date() -> None:
    assert texts("USA Today reported the strike.") == []
    assert texts("The talks failed. Today, Addis Ababa is calm.") == ["Today"]


# ---------------------------------------------------------------------------- months and years


@pytest.mark.parametrize(
    ("phrase", "value", "relative"),
    [
        ("last November", dt.date(2024, 11, 1), True),
        ("last April", dt.date(2024, 4, 1), True),  # strictly before the publication month
        ("in April", dt.date(2025, 4, 1), True),
        ("in November", dt.date(2024, 11, 1), True),
        ("in early March", dt.date(2025, 3, 1), True),
        ("mid-January", dt.date(2025, 1, 1), True),
        ("next January", dt.date(2026, 1, 1), True),
        ("March 2014", dt.date(2014, 3, 1), False),
        ("in late August 2023", dt.date(2023, 8, 1), False),
    ],
)
def test_months(phrase: str, value: dt.date, relative: bool) -> None:
    date = one(f"Kashmir saw heavy shelling {phrase} along the Line of Control.")
    assert date.text == phrase
    assert (date.value, date.precision, date.relative) == (value, MONTH, relative)
    assert date.anchor == (SAT if relative else None)


@pytest.mark.parametrize(
    ("phrase", "value", "relative"),
    [
        ("March 3", dt.date(2025, 3, 3), True),
        ("May 20", dt.date(2024, 5, 20), True),  # prefer the past
        ("3 March 2025", dt.date(2025, 3, 3), False),
        ("March 3, 2025", dt.date(2025, 3, 3), False),
        ("on 3rd March 2025", dt.date(2025, 3, 3), False),
        ("Jan. 6, 2021", dt.date(2021, 1, 6), False),
        ("Sept. 11", dt.date(2024, 9, 11), True),
        ("the 9th of May", dt.date(2024, 5, 9), True),
        ("Monday, March 3, 2025", dt.date(2025, 3, 3), False),
        ("2025-03-03", dt.date(2025, 3, 3), False),
        ("03/28/2025", dt.date(2025, 3, 28), False),
        ("03.04.2025", dt.date(2025, 4, 3), False),
    ],
)
def test_days(phrase: str, value: dt.date, relative: bool) -> None:
    date = one(f"The M23 entered Goma {phrase} after days of fighting.")
    assert date.text == phrase
    assert (date.value, date.precision, date.relative) == (value, DAY, relative)


def test_weekday_picks_the_year_of_a_day_month_date() -> None:
    # 19 January 2025 was a Sunday: a truce "would begin on Sunday 19 January" looks forward.
    date = one("The truce would begin on Sunday 19 January.", dt.date(2025, 1, 15))
    assert (date.text, date.value) == ("on Sunday 19 January", dt.date(2025, 1, 19))
    # Without the weekday the past is preferred.
    assert one("The truce began on 19 January.", dt.date(2025, 1, 15)).value == dt.date(2024, 1, 19)


def test_absolute_dates_resolve_without_publication() -> None:
    found = find_dates("Crimea was annexed in March 2014; the accord of 3 March 2025 and in 2014.")
    assert [(d.text, d.value, d.precision) for d in found] == [
        ("in March 2014", dt.date(2014, 3, 1), MONTH),
        ("3 March 2025", dt.date(2025, 3, 3), DAY),
        ("in 2014", dt.date(2014, 1, 1), YEAR),
    ]
    assert all(not d.relative and d.anchor is None for d in found)


def test_day_month_without_year_and_without_publication() -> None:
    date = one("Talks began on March 3 in Jeddah.", None)
    assert (date.value, date.precision, date.relative) == (None, DAY, True)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("in 2014", dt.date(2014, 1, 1)),
        ("since 2014", dt.date(2014, 1, 1)),
        ("by 2030", dt.date(2030, 1, 1)),
        ("mid-2022", dt.date(2022, 1, 1)),
        ("in early 2023", dt.date(2023, 1, 1)),
    ],
)
def test_years(phrase: str, value: dt.date) -> None:
    date = one(f"Ethiopia and Eritrea have clashed {phrase}, diplomats say.")
    assert date.text == phrase
    assert (date.value, date.precision, date.relative, date.anchor) == (value, YEAR, False, None)


def test_year_ranges_give_both_years() -> None:
    assert texts("Sudan was at peace between 2005 and 2011.") == ["2005", "2011"]


@pytest.mark.parametrize(
    "text",
    [
        "The US may be willing to recognise Crimea.",
        "Rubio Says U.S. May Abandon Talks",
        "Theresa May said the deal was dead.",
        "Protesters March on Parliament in Khartoum",
        "They will march to the border.",
        "The convoy carried 2014 tonnes of food.",
        "Casualties rose to 2014 people in 2000 attacks.",
        "The budget was 1,2015 and 2016.5 units.",
        "Room 2019 of the Mar-a-Lago estate.",
        "Flight AB2015 landed.",
        "June Smith said no.",
        "Wars raged in 1990s Africa and in the 1990s.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, published=SAT) == []


def test_in_may_is_a_date() -> None:
    date = one("Talks could resume in May, the US may say.")
    assert (date.text, date.value, date.precision) == ("in May", dt.date(2024, 5, 1), MONTH)


# ---------------------------------------------------------------------------- the stage


def test_stage_skips_furniture_and_anchors_on_publication() -> None:
    text = (
        "Refugees cross into Chad, June 2023.\n"
        "Refugees cross into Chad, June 2023.\n"
        "RSF fighters shelled El Fasher on Tuesday.\n"
    )
    from conflictmodel.parsers.text import TextParser

    ctx = ParseContext(text=text, published=dt.date(2025, 5, 2))
    TextParser()(ctx)
    DateParser()(ctx)
    assert [(d.text, d.value) for d in ctx.dates] == [("on Tuesday", dt.date(2025, 4, 29))]
    assert DateParser.name == "dates"


def test_stage_without_text_stage() -> None:
    ctx = ParseContext(text="Clashes in Marib in 2021.", published=None)
    DateParser()(ctx)
    assert [d.text for d in ctx.dates] == ["in 2021"]


def test_extensions() -> None:
    rules = DateRules(extra_future_cues=["slated for"], extra_patterns=[r"\d{1,2}\.\d{1,2}\.\d{4}"])
    found = find_dates(
        "The vote is slated for Monday; signed 28.03.2025.", published=SAT, rules=rules
    )
    assert [(d.text, d.value, d.precision) for d in found] == [
        ("Monday", dt.date(2025, 4, 21), DAY),
        ("28.03.2025", dt.date(2025, 3, 28), DAY),
    ]
    ctx = ParseContext(text="It is slated for Monday.", published=SAT)
    DateParser(extra_future_cues=["slated for"])(ctx)
    assert ctx.dates[0].value == dt.date(2025, 4, 21)


def test_bad_input() -> None:
    with pytest.raises(InputError):
        find_dates(b"on Monday")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        find_dates("on Monday", published="last week")
    with pytest.raises(GazetteerError):
        DateRules(extra_patterns=["(unclosed"])


def test_published_may_be_datetime_or_string() -> None:
    a = find_dates("on Friday", published=dt.datetime(2025, 4, 19, 23, 30))
    b = find_dates("on Friday", published="2025-04-19")
    assert a == b
    assert a[0].value == dt.date(2025, 4, 18)


# ---------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        "on ", "late ", "last ", "in ", "since ", "Monday", "Thursday", "May", "March", "November",
        " ", ", ", "3", "31", "2014", "1999", "-", ".", "/", "week", "year", "ago", "two days ",
        "this ", "mid-", "\u00ab", "\ud800", "\n", "Today", "yesterday", "the ", "of ",
    ]
)  # fmt: skip
_DATES_TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=[]), max_size=200),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map("".join),
)


@given(_DATES_TEXT, st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max])))
def test_date_spans_index_the_text(text: str, published: dt.date | None) -> None:
    found = find_dates(text, published=published)
    prev_end = 0
    for d in found:
        assert d.span is not None
        assert 0 <= d.span.start < d.span.end <= len(text)
        assert text[d.span.start : d.span.end] == d.text
        assert d.span.start >= prev_end
        prev_end = d.span.end
        if d.relative:
            assert (d.anchor is not None) == (d.value is not None and published is not None)
            if published is None:
                assert d.value is None
        else:
            assert d.anchor is None


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_stage_never_keeps_dates_in_furniture(text: str) -> None:
    ctx = ParseContext(text=text, published=SAT)
    ctx.furniture = [Span(start=0, end=len(text) // 2)]
    DateParser()(ctx)
    assert all(d.span is not None and not ctx.is_furniture(d.span) for d in ctx.dates)


@pytest.mark.parametrize(
    "text",
    [
        "," * 100_000,
        "\u00ab" * 1_000_000,
        "." * 50_000,
        "U.S." * 20_000,
        "2014 " * 50_000,
        "on Monday " * 20_000,
        "in May 2014, " * 20_000,
        "mid-" * 50_000,
        "3 " * 100_000,
        "\ud800 in 2014" * 10_000,
    ],
)
def test_adversarial_inputs_complete(text: str) -> None:
    found = find_dates(text, published=SAT)
    assert all(d.span is not None and d.span.of(text) == d.text for d in found)
