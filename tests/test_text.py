"""The text stage: paragraphs, sentences, page furniture."""

from __future__ import annotations

import bisect
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictmodel.context import ParseContext
from conflictmodel.errors import GazetteerError, InputError
from conflictmodel.parsers.text import (
    TextParser,
    TextRules,
    find_furniture,
    split_paragraphs,
    split_sentences,
)
from conflictmodel.span import Span


def sentences(text: str, **kwargs: object) -> list[str]:
    return [s.of(text) for s in split_sentences(text, **kwargs)]  # type: ignore[arg-type]


def furniture(text: str) -> list[str]:
    return [f.of(text) for f in find_furniture(text)]


# ---------------------------------------------------------------------------- paragraphs


def test_paragraphs_split_on_any_newline_and_strip() -> None:
    text = "  Title \n\n\nBody one.\r\nBody two.\u2028Last\n   \n"
    paras = split_paragraphs(text)
    assert [p.of(text) for p in paras] == ["Title", "Body one.", "Body two.", "Last"]
    assert paras[0] == Span(start=2, end=7)


def test_paragraphs_of_blank_text() -> None:
    assert split_paragraphs("") == []
    assert split_paragraphs(" \n\t\n ") == []


# ---------------------------------------------------------------------------- sentences


def test_titles_and_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Lt. Gen. Abdel Fattah al-Burhan met Sen. Jane Roe and Mr. Ali in St. Petersburg. "
        "The talks, e.g. on aid, continued."
    )
    assert sentences(text) == [
        "Lt. Gen. Abdel Fattah al-Burhan met Sen. Jane Roe and Mr. Ali in St. Petersburg.",
        "The talks, e.g. on aid, continued.",
    ]


def test_country_abbreviations_end_a_sentence_only_before_an_opener() -> None:
    text = (
        "The plan was drafted by the U.N. Security Council in Geneva. "
        "It was welcomed in the U.S. The E.U. stayed silent."
    )
    assert sentences(text) == [
        "The plan was drafted by the U.N. Security Council in Geneva.",
        "It was welcomed in the U.S.",
        "The E.U. stayed silent.",
    ]


def test_initials_months_and_numbers() -> None:
    text = (
        "Vice President J.D. Vance and George W. Bush spoke on Jan. 6 about Resolution No. 2334. "
        "Inflation hit 3.5 per cent. Then it fell."
    )
    assert sentences(text) == [
        "Vice President J.D. Vance and George W. Bush spoke on Jan. 6 about Resolution No. 2334.",
        "Inflation hit 3.5 per cent.",
        "Then it fell.",
    ]


def test_numeric_abbreviation_ends_a_sentence_when_no_number_follows() -> None:
    assert sentences("He was asked if he agreed. He said no. Then he left.") == [
        "He was asked if he agreed.",
        "He said no.",
        "Then he left.",
    ]


def test_ellipsis_before_lower_case_continues_and_before_capital_splits() -> None:
    text = "The ceasefire held... for a day. Then shelling resumed\u2026 Aid convoys stopped."
    assert sentences(text) == [
        "The ceasefire held... for a day.",
        "Then shelling resumed\u2026",
        "Aid convoys stopped.",
    ]


def test_question_and_exclamation_marks() -> None:
    assert sentences("Is the truce over? Nobody knows! Talks go on.") == [
        "Is the truce over?",
        "Nobody knows!",
        "Talks go on.",
    ]


def test_quote_final_period_then_lower_case_attribution_is_one_sentence() -> None:
    text = (
        "\u201cWe want peace.\u201d he said. \u201cGaza needs aid,\u201d Guterres told reporters."
    )
    assert sentences(text) == [
        "\u201cWe want peace.\u201d he said.",
        "\u201cGaza needs aid,\u201d Guterres told reporters.",
    ]


def test_sentence_ends_after_closing_mark_of_any_quote_style() -> None:
    text = (
        "Pashinyan said: \u00abThe border is fixed.\u00bb Baku disagreed. "
        'Aliyev said: "Talks are over." Yerevan waited. '
        "\u201eWir verhandeln.\u201c Then silence."
    )
    out = sentences(text)
    assert out[:4] == [
        "Pashinyan said: \u00abThe border is fixed.\u00bb",
        "Baku disagreed.",
        'Aliyev said: "Talks are over."',
        "Yerevan waited.",
    ]
    assert "".join(out).replace(" ", "") == text.replace(" ", "")


def test_capitalised_attribution_stays_with_the_quote() -> None:
    text = (
        "\u201cThere will be no withdrawal.\u201d Netanyahu told reporters on Sunday. "
        "\u201cWe are ready.\u201d Hamas official Osama Hamdan said. "
        "\u201cNo.\u201d Khartoum said the RSF must disarm first."
    )
    assert sentences(text) == [
        "\u201cThere will be no withdrawal.\u201d Netanyahu told reporters on Sunday.",
        "\u201cWe are ready.\u201d Hamas official Osama Hamdan said.",
        "\u201cNo.\u201d",
        "Khartoum said the RSF must disarm first.",
    ]


def test_sentences_split_inside_a_long_quote() -> None:
    text = (
        "\u201cWe will not leave Goma. The M23 is an instrument of Kigali. "
        "Rwanda must withdraw,\u201d Tshisekedi said."
    )
    assert sentences(text) == [
        "\u201cWe will not leave Goma.",
        "The M23 is an instrument of Kigali.",
        "Rwanda must withdraw,\u201d Tshisekedi said.",
    ]


def test_headlines_are_their_own_sentences_and_paragraphs_are_never_crossed() -> None:
    text = "Houthis Claim Red Sea Attack\nThe group said it fired missiles\nat a tanker. It sank."
    assert sentences(text) == [
        "Houthis Claim Red Sea Attack",
        "The group said it fired missiles",
        "at a tanker.",
        "It sank.",
    ]


def test_glued_caption_credit_is_split() -> None:
    text = "Displaced families near Mekelle, November 2020.Jane Roe"
    assert sentences(text) == ["Displaced families near Mekelle, November 2020.", "Jane Roe"]
    # Abbreviations are not glued sentences.
    assert sentences("Ask the U.S.Army and the U.N.Stop desk") == [
        "Ask the U.S.Army and the U.N.Stop desk"
    ]


def test_enumerated_list_item_stays_whole() -> None:
    assert sentences("1. The parties shall cease fire.\n2. Prisoners are exchanged.") == [
        "1. The parties shall cease fire.",
        "2. Prisoners are exchanged.",
    ]


def test_explicit_paragraphs_are_respected() -> None:
    text = "One. Two. Three."
    assert sentences(text, paragraphs=[Span(start=5, end=16)]) == ["Two.", "Three."]


def test_extra_abbreviations() -> None:
    assert sentences("The talks were led by Amb. Nkosi. Rwanda agreed.") == [
        "The talks were led by Amb. Nkosi.",
        "Rwanda agreed.",
    ]
    rules = TextRules(extra_abbreviations=["Envoy"])
    text = "It was the Envoy. Nkosi spoke."
    assert sentences(text, rules=rules) == ["It was the Envoy. Nkosi spoke."]
    assert sentences(text) == ["It was the Envoy.", "Nkosi spoke."]


def test_bad_input_is_a_typed_error() -> None:
    with pytest.raises(InputError):
        split_sentences(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(GazetteerError):
        TextRules(extra_abbreviations=[3])  # type: ignore[list-item]


# ---------------------------------------------------------------------------- furniture

SUDAN_PAGE = """Displaced families arrive in Tawila, North Darfur, April 2025.
Displaced families arrive in Tawila, North Darfur, April 2025.Jane Roe

Sudan Army Says It Will Not Negotiate With RSF

The statement came as fighting spread to El Fasher

Sudan's army chief said on Monday that the army would not negotiate with the RSF.

Also Read | Famine Declared in Zamzam Camp
"We will fight until the last rebel is gone," he told troops in Omdurman.

Displaced families arrive in Tawila, North Darfur, April 2025.
UN Envoy Lamamra Meets Both Sides in Jeddah
Displaced families arrive in Tawila, North Darfur, April 2025.
RSF Announces Parallel Government

Related Stories

No stories found.
Horn Monitor
hornmonitor.example.org
"""


def test_repeated_captions_glued_credits_related_and_site_lines() -> None:
    found = furniture(SUDAN_PAGE)
    caption = "Displaced families arrive in Tawila, North Darfur, April 2025."
    assert found.count(caption) == 3
    assert caption + "Jane Roe" in found
    assert "Also Read | Famine Declared in Zamzam Camp" in found
    for line in (
        "UN Envoy Lamamra Meets Both Sides in Jeddah",
        "RSF Announces Parallel Government",
        "Related Stories",
        "No stories found.",
        "Horn Monitor",
        "hornmonitor.example.org",
    ):
        assert line in found
    # The article itself is kept: headline, standfirst and prose.
    for line in (
        "Sudan Army Says It Will Not Negotiate With RSF",
        "The statement came as fighting spread to El Fasher",
        "Sudan's army chief said on Monday that the army would not negotiate with the RSF.",
        '"We will fight until the last rebel is gone," he told troops in Omdurman.',
    ):
        assert line not in found


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Reuters",
        "PHOTO: Anadolu Agency",
        "(Reuters)",
        "Getty Images",
        "AFP via Getty Images",
        "Sergei Supinsky/AFP via Getty Images",
        "Mohammed Abed / AFP",
        "Image credit: Wikimedia Commons",
        "READ MORE: Ethiopia and Eritrea trade accusations",
        "Read more",
        "Advertisement",
        "Story continues below advertisement",
        "Share this article",
        "Subscribe to our newsletter",
        "Follow us on Telegram",
        "Reporting by Jane Roe; Editing by John Doe",
        "\u00a9 2025 Example Media. All rights reserved.",
        "www.example.com",
        "https://example.org/world/africa",
        "Rescuers search the rubble in Khan Younis. (AP Photo/Jane Roe)",
        "Rescuers search the rubble in Khan Younis. Photograph: Jane Roe/Reuters",
        "Rescuers search the rubble in Rafah on 15 January [Jane Roe/Al Jazeera]",
        "(Reporting by Jane Roe in Addis Ababa; Editing by John Doe)",
        "FILE PHOTO: Ethiopian soldiers near Mekelle, November 2020.",
    ],
)
def test_furniture_lines(line: str) -> None:
    text = f"Israel and Hamas agreed to a truce on Sunday.\n{line}\nAid trucks entered Gaza."
    assert furniture(text) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported that talks in Doha had stalled.",
        "Related to the talks, Qatar said it would host another round.",
        "Photographs of the strike were shared widely, the army said.",
        "Shares in defence firms rose after the announcement.",
        "Following the talks, Egypt proposed a new plan.",
        "Read the full statement, the ministry urged journalists on Monday, and judge it.",
        "The photo: a man stands by the ruins, the ministry said.",
        "Ethiopia said it had fired the photo editor. Image: what matters is peace.",
    ],
)
def test_real_sentences_are_not_furniture(line: str) -> None:
    text = f"Israel and Hamas agreed to a truce on Sunday.\n{line}\nAid trucks entered Gaza."
    assert furniture(text) == []


def test_top_headline_is_not_furniture_but_a_repeated_one_is_once() -> None:
    text = (
        "Kashmir Ceasefire Holds for a Second Week\n"
        "Kashmir Ceasefire Holds for a Second Week\n"
        "India and Pakistan reported no violations along the Line of Control."
    )
    assert furniture(text) == ["Kashmir Ceasefire Holds for a Second Week"]
    assert find_furniture(text) == [Span(start=42, end=83)]


def test_credit_name_after_caption() -> None:
    text = (
        "Armenian and Azerbaijani delegations meet in Washington, August 2025.\n"
        "Armenian and Azerbaijani delegations meet in Washington, August 2025.\n"
        "Jane Roe\n"
        "Armenia and Azerbaijan initialled a peace agreement on Friday."
    )
    found = furniture(text)
    assert "Jane Roe" in found
    assert "Armenia and Azerbaijan initialled a peace agreement on Friday." not in found


def test_related_block_stops_at_prose() -> None:
    text = (
        "Yemen's Houthis said they would halt attacks on shipping.\n"
        "Related\n"
        "Saudi Talks With Houthis Resume\n"
        "Can the Red Sea Truce Last?\n"
        "The group's leader said in a televised speech that the halt depended on Gaza, and "
        "that any new strike would end it at once.\n"
    )
    assert furniture(text) == [
        "Related",
        "Saudi Talks With Houthis Resume",
        "Can the Red Sea Truce Last?",
    ]


def test_extra_furniture_markers() -> None:
    text = "Exclusive offer: subscribe today\nThe M23 took Bukavu on Sunday."
    ctx = ParseContext(text=text)
    TextParser(extra_furniture_markers=["Exclusive offer"])(ctx)
    assert [f.of(text) for f in ctx.furniture] == ["Exclusive offer: subscribe today"]
    ctx2 = ParseContext(text=text)
    TextParser()(ctx2)
    assert ctx2.furniture == []


def test_stage_fills_context() -> None:
    text = "Ethiopia Talks\nThe AU mediated. Tigray agreed.\nAdvertisement"
    ctx = ParseContext(text=text)
    TextParser()(ctx)
    assert [p.of(text) for p in ctx.paragraphs] == [
        "Ethiopia Talks",
        "The AU mediated. Tigray agreed.",
        "Advertisement",
    ]
    assert [s.of(text) for s in ctx.sentences] == [
        "Ethiopia Talks",
        "The AU mediated.",
        "Tigray agreed.",
        "Advertisement",
    ]
    assert [f.of(text) for f in ctx.furniture] == ["Advertisement"]
    assert TextParser.name == "text"


# ---------------------------------------------------------------------------- properties

# Every code point, lone surrogates and control characters included: all are valid str.
_ALPHABET = st.characters(exclude_categories=[])
_PIECES = st.sampled_from(
    [
        ".", "!", "?", "\u2026", "...", "\u201c", "\u201d", "\u00ab", "\u00bb", '"', "'", " ",
        "\n", "\r\n", "U.S.", "Gen.", "No.", "J.", "Related Stories", "Also Read | ",
        "Photo: ", "(Reuters)", " he said.", " Peskov said.", "The", "3.5", "\ud800", "\x00",
    ]
)  # fmt: skip
_TEXTS = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=60).map("".join),
)


def _inside_one(spans: list[Span], paras: list[Span]) -> bool:
    starts = [p.start for p in paras]
    for s in spans:
        i = bisect.bisect_right(starts, s.start) - 1
        if i < 0 or not paras[i].contains(s):
            return False
    return True


def _check_structure(text: str) -> None:
    paras = split_paragraphs(text)
    sents = split_sentences(text, paras)
    furn = find_furniture(text, paras)
    for a, b in itertools.pairwise(paras):
        assert a.end < b.start
    for p in paras:
        assert 0 <= p.start < p.end <= len(text)
        assert p.of(text) == p.of(text).strip()
        assert "\n" not in p.of(text)
    prev_end = 0
    for s in sents:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end
        prev_end = s.end
        assert s.of(text) == s.of(text).strip()
    # Sentences partition the paragraphs (up to whitespace between them).
    assert "".join("".join(s.of(text).split()) for s in sents) == "".join(
        "".join(p.of(text).split()) for p in paras
    )
    assert _inside_one(sents, paras)
    assert _inside_one(furn, paras)
    assert furn == sorted(furn)


@given(_TEXTS)
def test_structure_properties(text: str) -> None:
    _check_structure(text)


@given(st.lists(st.sampled_from(["\u201cPeace.\u201d", " he said", ". ", "U.S. ", "A", "\n", "?"])))
def test_structure_on_quote_heavy_text(parts: list[str]) -> None:
    _check_structure("".join(parts))


@pytest.mark.parametrize(
    "text",
    [
        "," * 100_000,
        "\u00ab" * 1_000_000,
        "." * 50_000,
        "U.S." * 20_000,
        "U.S. " * 20_000,
        "\u201c. " * 30_000,
        "\n" * 100_000,
        "Related Stories\n" * 20_000,
        "A caption that repeats here.\nA caption that repeats here.X\n" * 5_000,
        "\ud800." * 10_000,
    ],
)
def test_adversarial_inputs_complete(text: str) -> None:
    _check_structure(text)


def test_caption_after_credit_line_and_topic_list() -> None:
    text = (
        "Sudan Talks Stall\n"
        "The army and the RSF failed to agree on a truce in Jeddah on Sunday, mediators said.\n"
        "Getty Images\n"
        "Displaced families wait for food in Port Sudan\n"
        "Aid groups warned that millions face famine across the country this year.\n"
        "Topics\n"
        "Sudan\n"
        "Humanitarian crises\n"
    )
    assert furniture(text) == [
        "Getty Images",
        "Displaced families wait for food in Port Sudan",
        "Topics",
        "Sudan",
        "Humanitarian crises",
    ]


def test_credit_line_before_the_headline_keeps_the_headline() -> None:
    text = "Getty Images\nSudan Talks Stall\nThe army and the RSF failed to agree on a truce."
    assert furniture(text) == ["Getty Images"]


def test_a_run_on_sentence_is_cut_at_clause_boundaries() -> None:
    from conflictmodel.parsers.text import MAX_SENTENCE_CHARS

    clause = "the mediators said the talks in Doha would resume, "
    text = clause * (3 * MAX_SENTENCE_CHARS // len(clause)) + "and then they ended."
    pieces = split_sentences(text)
    assert len(pieces) >= 3
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    # every cut falls after a comma, and the pieces cover the text in order
    assert all(p.of(text).endswith(",") for p in pieces[:-1])
    assert pieces[0].start == 0
    assert pieces[-1].end == len(text)
    assert all(not text[a.end : b.start].strip() for a, b in itertools.pairwise(pieces))


def test_a_run_on_without_boundaries_is_cut_at_spaces_or_hard() -> None:
    from conflictmodel.parsers.text import MAX_SENTENCE_CHARS

    words = "ceasefire " * MAX_SENTENCE_CHARS
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in split_sentences(words))
    blob = "x" * (2 * MAX_SENTENCE_CHARS + 7)
    assert [len(p) for p in split_sentences(blob)] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 7]
