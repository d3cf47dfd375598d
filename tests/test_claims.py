"""The claims stage: annexation, control, occupation, claims and recognition stated as facts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles_proposals.helpers import make_ctx
from conflictmodel import parse_article
from conflictmodel.context import ParseContext
from conflictmodel.errors import GazetteerError
from conflictmodel.parsers.claims import ClaimLexicon, ClaimParser
from conflictmodel.span import Span
from conflictmodel.territories import TerritorialClaim
from conflictmodel.textdates import DatePrecision, TextDate

ARTICLES = Path(__file__).parent / "articles_proposals"


def with_years(ctx: ParseContext) -> ParseContext:
    """Stand in for the dates stage: every "(since|in) YYYY" becomes a TextDate."""
    for m in re.finditer(r"\b(?:since|in)\s+(\d{4})\b", ctx.text):
        ctx.dates.append(
            TextDate(
                text=m.group(),
                span=Span(start=m.start(), end=m.end()),
                value=dt.date(int(m.group(1)), 1, 1),
                precision=DatePrecision.YEAR,
            )
        )
    return ctx


def claims_of(text: str) -> list[TerritorialClaim]:
    ctx = with_years(make_ctx(text))
    ClaimParser()(ctx)
    return list(ctx.to_article().claims)


def summary(claims: list[TerritorialClaim]) -> set[tuple[str, str, str]]:
    return {(c.claimant.id, c.kind.value, c.territory.id) for c in claims}


def test_annexed_with_since() -> None:
    (c,) = claims_of("Russia annexed Crimea in 2014 following a military occupation.")
    assert (c.claimant.id, c.kind.value, c.territory.id) == ("state:RU", "annexed", "UA-43")
    assert c.since is not None
    assert c.since.text == "in 2014"
    assert c.text == "Russia annexed Crimea in 2014 following a military occupation."


def test_under_demonym_control() -> None:
    (c,) = claims_of("Crimea has been under Russian control since 2014.")
    assert (c.claimant.id, c.kind.value, c.territory.id) == ("state:RU", "controls", "UA-43")
    assert c.since is not None
    assert c.since.text == "since 2014"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Israel occupies the West Bank.", ("state:IL", "occupies", "area:west-bank")),
        ("The RSF seized El Fasher in October.", ("org:rsf", "controls", "area:el-fasher")),
        (
            "Azerbaijan retook Nagorno-Karabakh in 2023.",
            ("state:AZ", "controls", "area:nagorno-karabakh"),
        ),
        (
            "El Fasher fell to the RSF after a long siege.",
            ("org:rsf", "controls", "area:el-fasher"),
        ),
        ("Crimea was annexed by Russia.", ("state:RU", "annexed", "UA-43")),
        ("The M23 has controlled much of North Kivu since 2022.", ("org:m23", "controls", "CD-NK")),
        ("Russia claims sovereignty over Crimea.", ("state:RU", "claims", "UA-43")),
        ("They fight Russia's historical claims to Crimea.", ("state:RU", "claims", "UA-43")),
        ("Serbia does not recognise Kosovo.", ("state:RS", "rejects_recognition", "XK")),
        (
            "The Israeli occupation of the West Bank continues.",
            ("state:IL", "occupies", "area:west-bank"),
        ),
    ],
)
def test_claim_patterns(sentence: str, expected: tuple[str, str, str]) -> None:
    assert summary(claims_of(sentence)) == {expected}


def test_recognition_records_whose() -> None:
    (rec,) = [
        c
        for c in claims_of(
            "The United States recognised Morocco's sovereignty over Western Sahara in 2020."
        )
        if c.kind.value == "recognizes"
    ]
    assert (rec.claimant.id, rec.territory.id, rec.recognized_as) == ("state:US", "EH", "MA")
    (rej,) = claims_of("The US and Europe refuse to recognize Crimea as Russian territory.")
    assert (rej.kind.value, rej.recognized_as) == ("rejects_recognition", "RU")


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia claims sovereignty over four other regions.",
        "Russia may annex Kherson next year.",
        "Kyiv rejected any talks that do not include Crimea's return to Russian control.",
        "Russia has not annexed Sumy.",
        "Russia seeks to control Kherson.",
        "The Kremlin desires recognition of Crimea as part of Russia.",
        "Talks were held in Jeddah.",
    ],
)
def test_no_claim(sentence: str) -> None:
    assert claims_of(sentence) == []


def test_these_areas_point_back() -> None:
    got = summary(
        claims_of(
            "The regions of Donetsk and Luhansk have been particularly affected, with pro-Russian "
            "forces asserting control over parts of these areas."
        )
    )
    assert got == {
        ("anon:pro-russian-forces", "controls", "UA-14"),
        ("anon:pro-russian-forces", "controls", "UA-09"),
    }


def test_articles() -> None:
    expected = {
        "gaza.txt": {
            ("state:IL", "occupies", "area:west-bank"),
            ("state:IL", "controls", "area:gaza-strip"),
        },
        "armenia.txt": {("state:AZ", "controls", "area:nagorno-karabakh")},
        "sudan.txt": {("org:rsf", "controls", "area:el-fasher")},
        "congo.txt": {("org:m23", "controls", "area:goma"), ("org:m23", "controls", "CD-NK")},
        "yemen.txt": {("org:houthis", "controls", "area:hodeidah")},
        "kosovo.txt": {("state:RS", "rejects_recognition", "XK")},
        "sahara.txt": {
            ("state:US", "recognizes", "EH"),
            ("state:MA", "controls", "EH"),
            ("state:MA", "claims", "EH"),
        },
        "no_proposal.txt": set(),
        "lebanon.txt": set(),
    }
    for name, want in expected.items():
        assert summary(claims_of((ARTICLES / name).read_text(encoding="utf-8"))) == want, name


def test_extra_cues_and_bad_lexicon() -> None:
    ctx = make_ctx("The RSF wrested control of El Fasher.")
    ClaimParser(extra_cues={"controls": ["wrested control of"]})(ctx)
    assert summary(list(ctx.claims)) == {("org:rsf", "controls", "area:el-fasher")}
    with pytest.raises(GazetteerError):
        ClaimLexicon.default().extend(active={"owns": ["owns"]})


def test_furniture_is_skipped() -> None:
    text = "Russian troops taking control of Perevalne, Crimea, March 2014.\nRussia annexed Crimea."
    ctx = make_ctx(text)
    ctx.furniture = [Span(start=0, end=text.index("\n"))]
    ClaimParser()(ctx)
    assert [c.span.start for c in ctx.claims] == [text.index("Russia annexed")]


@given(st.text(max_size=300))
def test_claims_on_article_index_the_text(text: str) -> None:
    art = parse_article("Russia annexed Crimea in 2014. " + text)
    assert art.claims
    for c in art.claims:
        assert art.text[c.span.start : c.span.end] == c.text


@pytest.mark.parametrize("text", ["«" * 300_000, "," * 100_000, "annexed Crimea " * 20_000])
def test_adversarial_input_terminates(text: str) -> None:
    ctx = ParseContext(text=text)
    ClaimParser()(ctx)
    assert all(text[c.span.start : c.span.end] == c.text for c in ctx.claims)
