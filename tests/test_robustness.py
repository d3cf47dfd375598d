"""The whole of parse_article on hostile input: it never crashes, every span is evidence inside
the text, and everything it produces survives a JSON round trip."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictmodel import Article, Span, from_json, parse_article, to_json
from conflictmodel.errors import InputError

# ------------------------------------------------------------------ checking an article


def walk(obj: Any, path: str = "article") -> Iterator[tuple[str, Any]]:
    """Every value reachable from ``obj`` through attrs fields and tuples, with its path."""
    yield path, obj
    if isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from walk(item, f"{path}[{i}]")
    elif attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            yield from walk(getattr(obj, field.name), f"{path}.{field.name}")


def check(article: Article, text: str) -> None:
    """Everything a parse must guarantee for any input text."""
    assert article.text == text
    n = len(text)
    spans = [(p, v) for p, v in walk(article) if isinstance(v, Span)]
    for path, span in spans:
        assert 0 <= span.start <= span.end <= n, f"{path} = {span!r} outside {n} chars"
    for s in article.statements:
        assert s.content == text[s.span.start : s.span.end], s
    for group in (article.actors, article.territories, article.statements, article.proposals):
        ids = [x.id for x in group]
        assert len(ids) == len(set(ids)), ids
    back = from_json(to_json(article), Article)
    assert back == article


# ------------------------------------------------------------------ strategies

SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)
ANY_CHAR = st.characters(exclude_categories=()) | SURROGATES
ANY_TEXT = st.text(ANY_CHAR, max_size=400)

FRAGMENTS = [
    # quotation marks of many traditions, balanced and not
    '"', "'", "«", "»", "‹", "›", "“", "”", "„", "‘", "’", "‚", "「", "」", "« ", " »",
    # punctuation and layout
    ",", ".", "...", ":", ";", "!", "?", " - ", " — ", "(", ")", "\n", "\n\n", "\t", " ", "\u00a0",
    # invisible and direction-changing characters
    "\u200d", "\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\u0000", "\x1b",
    # speakers, titles, places, cues
    "said", "told reporters", "according to", "added", "insisted", "warned", "he", "she",
    "President", "Prime Minister", "Foreign Minister", "spokesman", "envoy", "the army",
    "a senior official", "a diplomat", "Abdel Fattah al-Burhan", "Nikol Pashinyan",
    "Ilham Aliyev", "Shehbaz Sharif", "Felix Tshisekedi", "Hamas", "Israel", "Houthis",
    "Sudan", "Rwanda", "M23", "Kashmir", "Gaza", "Nagorno-Karabakh", "Tigray", "Goma", "Crimea",
    "Reuters", "Al Jazeera", "the United Nations", "NATO",
    # negotiation vocabulary and dates
    "ceasefire", "truce", "proposal", "peace plan", "withdrawal", "prisoner exchange",
    "hostages", "referendum", "sanctions", "recognise", "reject", "accept", "only if",
    "in exchange for", "on Monday", "last week", "March 3, 2024", "3 March 2024", "2024-03-03",
    "late Thursday", "last November",
    # other scripts
    "قال الرئيس", "«لا»", "שלום", "Путин заявил", "Зеленський", "キーウ", "加沙", "👨‍👩‍👧", "é", "e\u0301",
]  # fmt: skip

QUOTE_PAIRS = [('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("‘", "’"), ("« ", " »"), ("'", "'")]
SPEAKERS = [
    "Sudan's army chief Abdel Fattah al-Burhan",
    "Armenian Prime Minister Nikol Pashinyan",
    "a senior Hamas official",
    "Pakistan's foreign ministry spokesman",
    "he",
    "the UN envoy",
    "Kinshasa",
]
CUES = ["said", "told Reuters", "added", "warned on Monday", "said in a statement"]
WORDS = st.lists(st.sampled_from(FRAGMENTS[40:]) | st.text(ANY_CHAR, max_size=8), max_size=12).map(
    " ".join
)


@st.composite
def quoted_sentence(draw: st.DrawFn) -> str:
    """A sentence with a quotation and a speaker, in one of several layouts."""
    qo, qc = draw(st.sampled_from(QUOTE_PAIRS))
    said, who, cue = draw(WORDS), draw(st.sampled_from(SPEAKERS)), draw(st.sampled_from(CUES))
    layout = draw(st.integers(0, 3))
    if layout == 0:
        return f"{qo}{said},{qc} {who} {cue}."
    if layout == 1:
        return f"{who[:1].upper()}{who[1:]} {cue}: {qo}{said}.{qc}"
    if layout == 2:
        return f"{who[:1].upper()}{who[1:]} {cue} that {said} and called it {qo}{said}{qc}."
    return f"{qo}{said}{qc}"  # a quotation nobody is named for


ARTICLEISH = st.lists(
    quoted_sentence() | st.sampled_from(FRAGMENTS) | st.text(ANY_CHAR, max_size=12), max_size=60
).map(lambda parts: " ".join(parts) if len(parts) % 2 else "\n".join(parts))

TEXTS = ANY_TEXT | ARTICLEISH | st.tuples(ARTICLEISH, ANY_TEXT).map("".join)


# ------------------------------------------------------------------ properties


@given(TEXTS)
def test_any_text_parses_with_evidence_inside_it(text: str) -> None:
    check(parse_article(text), text)


@given(ARTICLEISH, st.dates())
def test_any_text_parses_with_a_publication_date(text: str, published: Any) -> None:
    article = parse_article(text, published=published)
    assert article.published == published
    check(article, text)


@given(ARTICLEISH)
def test_parsing_is_deterministic(text: str) -> None:
    assert parse_article(text) == parse_article(text)


@given(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=200) | ARTICLEISH,
    st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]),
)
def test_bytes_with_an_encoding_parse_like_the_text(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # ARTICLEISH may hold surrogates, which no codec encodes
        with pytest.raises(InputError):
            parse_article(text.encode(encoding, "surrogatepass"), encoding=encoding)
        return
    assert parse_article(data, encoding=encoding) == parse_article(text)


# ------------------------------------------------------------------ adversarial examples

MB = 1_000_000

ADVERSARIAL = {
    "empty": "",
    "only whitespace": " \n\t\r\u00a0\u2028\u2029\u3000" * 50,
    "1 MB of quotation marks": ('«»“”"' * (MB // 5 + 1))[:MB],
    "10k nested opening quote marks": "«" * 10_000 + "text" + "»" * 10_000,
    "10k nested mixed quote marks": "“«„" * 3_334 + "ceasefire" + "“»”" * 3_334,
    "unbalanced quotes": '"We will not, he said. «Never' * 2_000,
    "100k commas": "," * 100_000,
    "50k periods": "." * 50_000,
    "very long word": "Ceasefire" * 30_000,
    "long word with a quote": "x" * 100_000 + ' "said" ' + "y" * 100_000,
    "control characters": "".join(chr(i) for i in range(32)) * 500 + "\x7f\x80\x9f",
    "lone surrogates": "\ud800 said \udfff «\udc00» " * 500,
    "right to left": "قال وزير الخارجية «لن نوقع على أي اتفاق» يوم الاثنين. " * 200
    + "\u202eDEIAS\u202c \u2067«שלום»\u2069 said Netanyahu.",
    "zero-width joiners": "Pre\u200dsident\u200b Pashinyan\u2060 said\u200d “no\u200d.”" * 500,
    "mixed scripts": "Путин said «нет», 习近平 said “不”, Modi said 'नहीं'. " * 300,
    "no sentence end": "the army said that the rebels said that " * 500,
    "capitalised words": "President Minister Envoy General Khartoum Kyiv Gaza Sudan " * 2_000,
    "said said said": "said " * 4_000,
    "dates everywhere": "on Monday March 3, 2024 last week late Thursday 2024-03-03 " * 1_000,
    "newlines": "\n" * 100_000,
    "one giant paragraph of quotes": '"Yes," he said. ' * 10_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_parses(name: str) -> None:
    text = ADVERSARIAL[name]
    check(parse_article(text, published="2025-04-18"), text)


def test_seeds_parse_and_round_trip(seed_texts: dict[str, str]) -> None:
    assert seed_texts
    for text in seed_texts.values():
        check(parse_article(text), text)


# ------------------------------------------------------------------ input checking


@pytest.mark.parametrize(
    "value", [b"Kyiv said no.", bytearray(b"x"), None, 42, 3.5, ["a", "b"], ("a",), {"text": "a"}]
)
def test_non_text_input_is_an_input_error(value: object) -> None:
    with pytest.raises(InputError):
        parse_article(value)  # type: ignore[arg-type]


def test_bytes_decode_with_an_explicit_encoding() -> None:
    text = "« Nous ne céderons pas », a déclaré le ministre à Erevan."
    assert parse_article(text.encode("utf-8"), encoding="utf-8").text == text
    assert parse_article(text.encode("latin-1"), encoding="latin-1").text == text
    assert parse_article(bytearray(text.encode("utf-16")), encoding="utf-16").text == text
    with pytest.raises(InputError, match="cannot decode"):
        parse_article(text.encode("latin-1"), encoding="utf-8")
    with pytest.raises(InputError):
        parse_article(b"abc", encoding="no-such-codec")


@pytest.mark.parametrize("field", ["title", "outlet", "url"])
def test_non_text_metadata_is_an_input_error(field: str) -> None:
    with pytest.raises(InputError):
        parse_article("Kyiv said no.", **{field: 5})  # type: ignore[arg-type]
