"""Who said it: speaker phrases around adverbials, datelines, places and titles.

Each test is a small article written for it, about one of several conflicts; each checks one
rule of the speaker search (issue 12, source resolution).
"""

from __future__ import annotations

from conflictmodel import parse_article
from conflictmodel.article import Article
from conflictmodel.model.statements import SpeakerSource
from conflictmodel.statements import Statement


def _by_content(art: Article, start: str) -> Statement:
    hits = [s for s in art.statements if s.content.startswith(start)]
    assert hits, [s.content for s in art.statements]
    return hits[0]


def _speaker(s: Statement) -> str:
    assert s.speaker is not None, s
    return s.speaker.name


def _said_by(art: Article, s: Statement) -> str:
    assert s.speaker_span is not None
    return art.evidence(s.speaker_span)


# leading adverbials are not the subject of a participle or a colon introduction


def test_time_phrase_before_the_subject() -> None:
    art = parse_article(
        "Ahmed Osman met the AU envoy in Juba on Monday. Hours later, Osman praised the envoy, "
        "telling Radio Tamazuj, “We are old friends and we will sign.”"
    )
    s = _by_content(art, "We are old friends")
    assert _speaker(s).endswith("Osman")
    assert _said_by(art, s) == "Osman"


def test_asked_opens_an_adverbial() -> None:
    art = parse_article(
        "Nikol Pashinyan toured the villages near the new border posts. "
        "Asked which village was safest, he demurred: “Whichever one I am standing in.”"
    )
    s = _by_content(art, "Whichever one I am standing in")
    assert _speaker(s) == "Nikol Pashinyan"
    assert s.speaker_source is SpeakerSource.PRONOUN


def test_when_asked_is_no_speaker() -> None:
    art = parse_article(
        "Nikol Pashinyan spoke to reporters in Yerevan. When asked about the border commission, "
        "Pashinyan bristled and said, “No comment on rumours.”"
    )
    s = _by_content(art, "No comment on rumours")
    assert _speaker(s) == "Nikol Pashinyan"
    assert not any(a.name in ("When", "Asked") for a in art.actors)


def test_shortly_after_is_no_speaker() -> None:
    art = parse_article(
        "Shortly after the call ended, the office of the Sudanese army chief sent out a "
        "statement saying the RSF owes “an explanation to the people of El Fasher.”"
    )
    s = _by_content(art, "an explanation to the people")
    assert s.speaker_span is not None
    assert not _said_by(art, s).startswith("Shortly")
    assert not any(a.name == "Shortly" for a in art.actors)


def test_dateline_is_not_the_speaker() -> None:
    art = parse_article(
        "KHARTOUM, March 3 (Reuters) — The army's spokesman Nabil Abdallah rallied troops, "
        "saying: “We will hold the bridge over the Nile.”"
    )
    s = _by_content(art, "We will hold the bridge")
    assert _speaker(s) == "Nabil Abdallah"


def test_agency_dateline_with_a_dash() -> None:
    art = parse_article(
        "Nairobi (AFP) – Opposition leader Raila Odinga has attacked the Haiti mission, "
        "saying that “secret terms” do more harm than good."
    )
    s = _by_content(art, "secret terms")
    assert _speaker(s) == "Raila Odinga"


# a place with its region ("in Goma, North Kivu,") is not a speaker


def test_region_after_a_place_in_an_opening_adverbial() -> None:
    art = parse_article(
        "Speaking at a rally in Goma, North Kivu, Felix Tshisekedi went after the rebels, "
        "calling them “a foreign army in our hills.”"
    )
    s = _by_content(art, "a foreign army in our hills")
    assert _speaker(s).endswith("Tshisekedi")


def test_region_inside_a_parenthesis_before_the_verb() -> None:
    art = parse_article(
        "Ilham Aliyev, during a news conference in Baku, Azerbaijan, said he was "
        "“not going to sign anything under pressure.”"
    )
    s = _by_content(art, "not going to sign anything")
    assert _speaker(s) == "Ilham Aliyev"
    assert _said_by(art, s) == "Ilham Aliyev"


def test_region_that_qualifies_an_anonymous_speaker() -> None:
    art = parse_article(
        "A woman in Bahir Dar, Amhara, told him she worries the truce is “too fragile” to last."
    )
    s = _by_content(art, "too fragile")
    assert s.speaker is not None
    assert s.speaker.anonymous
    assert s.speaker_source is SpeakerSource.COLLECTIVE
    assert _said_by(art, s).startswith("A woman in Bahir Dar")


def test_a_person_after_a_place_is_still_the_speaker() -> None:
    art = parse_article(
        "In Kyiv, Volodymyr Zelensky, the president, said the front “will not move an inch.”"
    )
    s = _by_content(art, "will not move an inch")
    assert _speaker(s) == "Volodymyr Zelensky"


# appositives and adverbials after the verb


def test_age_in_apposition() -> None:
    art = parse_article(
        "Abiy Ahmed, 47, the prime minister of Ethiopia, said on Twitter on Monday, "
        "“Next month, the guns in Tigray will fall silent.”"
    )
    s = _by_content(art, "Next month, the guns")
    assert _speaker(s) == "Abiy Ahmed"
    assert not any(a.name == "Twitter" for a in art.actors if a.kind.value == "person")


def test_owner_before_a_titled_name() -> None:
    art = parse_article(
        "Ruto campaign spokesman Peter Kamau said the candidate sees the Haiti summit as "
        "a chance to end the crisis."
    )
    s = _by_content(art, "the candidate sees the Haiti summit")
    assert _speaker(s) == "Peter Kamau"


def test_function_words_are_no_names_but_surnames_are() -> None:
    art = parse_article(
        "Kiir met Machar in Juba. After he blasted the monitors for being too “soft,” "
        "the army moved north.\n\n“We believe this deal is a great deal for both sides,” "
        "Read said."
    )
    s = _by_content(art, "We believe this deal")
    assert _speaker(s) == "Read"
    assert not any(a.name == "After" for a in art.actors)
    soft = _by_content(art, "soft")
    assert _said_by(art, soft) == "he"


# what stands after the quote, or in the sentence before it


def test_question_then_a_bare_attribution() -> None:
    art = parse_article(
        "“The talks are over,” Salva Kiir said.\n\n"
        "“Will the corridor to Malakal open?” Machar asked. “Yes, next week,” the envoy said."
    )
    s = _by_content(art, "Will the corridor to Malakal open")
    assert _speaker(s).endswith("Machar")
    assert s.cue == "asked"


def test_party_code_with_a_period_in_parentheses() -> None:
    art = parse_article(
        "“There is energy in every district of Tigray,” Rep. Earl Blumenauer (D-Ore.) said."
    )
    s = _by_content(art, "There is energy in every district")
    assert _speaker(s) == "Earl Blumenauer"


def test_speaker_introduced_by_the_sentence_before() -> None:
    art = parse_article(
        "“We want the Hodeidah corridor open,” Amina Yusuf said. "
        "The UN envoy Martin Griffiths responded. “It will open next week.”"
    )
    s = _by_content(art, "It will open next week")
    assert _speaker(s) == "Martin Griffiths"
    assert s.cue == "responded"


def test_went_on_after_a_quote() -> None:
    art = parse_article(
        "“Trump says what people want to say,” Rubio said.\n\n"
        "“I am not interested in Aleppo,” Lavrov went on. “We will stay.”"
    )
    s = _by_content(art, "I am not interested in Aleppo")
    assert _speaker(s).endswith("Lavrov")
    assert s.cue == "went on"


def test_relative_clause_describes_an_anonymous_speaker() -> None:
    art = parse_article(
        "On Sunday, several of the Darfuri militias that joined the Juba agreement in 2020 "
        "announced an end to their cooperation with the army, blaming the generals' 'lack of "
        "good faith' for the collapse."
    )
    s = _by_content(art, "an end to their cooperation")
    assert s.speaker is not None
    assert s.speaker.anonymous
    assert s.speaker.name == "Darfuri militias"
    assert "Juba agreement" in _said_by(art, s)


# which clause a partial quote belongs to


def test_partial_quote_before_of_is_speech() -> None:
    art = parse_article(
        'Gov. Ahmed Haroun (NCP) said he expects an "aggressive appeal" of the court\'s ruling '
        "on Darfur."
    )
    s = _by_content(art, "aggressive appeal")
    assert s.kind.value == "partial"
    assert _speaker(s) == "Ahmed Haroun"


def test_partial_quote_skips_a_verb_that_names_no_speaker() -> None:
    art = parse_article(
        "When talk turned to the corridor, Aliyev declared in a heated argument with Pashinyan "
        'that any new deal would demand "absolute secrecy." He left Brussels.'
    )
    s = _by_content(art, "absolute secrecy")
    assert _speaker(s) == "Ilham Aliyev"
    assert s.cue == "declared"


def test_hyphenated_adjective_after_a_possessive_keeps_the_parenthesis() -> None:
    art = parse_article(
        "Speaker Amina Yusuf, the nation's highest-ranking official, on Tuesday called the "
        "general's remarks about the refugees in Mogadishu \u201cracist,\u201d an extraordinary rebuke."
    )
    s = _by_content(art, "racist")
    assert _speaker(s) == "Amina Yusuf"
    assert _said_by(art, s) == "Speaker Amina Yusuf"


def test_groused_is_a_cue() -> None:
    art = parse_article(
        "On Monday, Salva Kiir groused to a crowd in Juba that the monitors "
        "\u201cdon\u2019t treat me properly\u201d before leaving for Khartoum."
    )
    s = _by_content(art, "don\u2019t treat me properly")
    assert _speaker(s) == "Salva Kiir"
    assert s.cue == "groused"


# reported clauses and the speakers of lists


def test_bare_clause_opening_with_this() -> None:
    art = parse_article(
        "Ethiopia's Foreign Ministry said the talks would resume. The ministry gave no details. "
        "But it said this followed long discussions between the two sides in Pretoria."
    )
    s = _by_content(art, "this followed long discussions")
    assert s.speaker_source is SpeakerSource.PRONOUN
    assert "Ministry" in _speaker(s)


def test_relative_clause_with_a_list_inside_the_subject() -> None:
    art = parse_article(
        "Ruto said the negotiations, which are to move to a wider format with Ethiopia, Egypt, "
        "and Qatar, are still preliminary but may lead to a binding accord."
    )
    s = _by_content(art, "the negotiations, which are to move")
    assert s.content.endswith("a binding accord")
    assert _speaker(s).endswith("Ruto")


def test_listed_states_with_a_floating_quantifier() -> None:
    art = parse_article(
        "Most of the region backs the government in Mogadishu, while Turkey, Qatar and Kenya "
        "have all voiced support for President Mohamud."
    )
    assert len(art.statements) == 1
    s = art.statements[0]
    assert s.content == "for President Mohamud"
    assert s.speaker is not None
    assert len(s.speaker.members) == 3
    assert not any(st.content.startswith("Most of the region") for st in art.statements)


def test_an_opening_adverbial_is_not_listed_with_the_speakers() -> None:
    art = parse_article("In Kyiv, Zelensky and Macron said the front near Pokrovsk would hold.")
    s = _by_content(art, "the front near Pokrovsk")
    assert _said_by(art, s) == "Zelensky and Macron"


def test_with_and_a_participle() -> None:
    art = parse_article(
        "Machar's allies were irritated about the lack of detail in the Juba plan, with "
        "Gen. Paul Malong calling it a \u201cChinese menu.\u201d"
    )
    s = _by_content(art, "Chinese menu")
    assert _speaker(s) == "Paul Malong"


def test_a_name_inside_the_quote_is_not_the_pronoun() -> None:
    art = parse_article(
        "Asked Tuesday about the envoy, Amina Mohammed said \"I don't know anything about "
        'Jake Sullivan and the emails from Mogadishu," she said.'
    )
    s = _by_content(art, "I don't know anything")
    assert _speaker(s) == "Amina Mohammed"


# plain "X said <clause>" that must not be lost


def test_plural_subject_with_a_present_verb() -> None:
    art = parse_article(
        "Kiir campaign spokeswoman Mary Ayen said all staffers sign pledges, though she did "
        "not discuss their terms."
    )
    s = _by_content(art, "all staffers sign pledges")
    assert _speaker(s) == "Mary Ayen"


def test_title_of_a_noun_in_a_parenthesis() -> None:
    art = parse_article(
        "Peter Deng, the city's first deputy manager, said the flag over Juba was removed."
    )
    s = _by_content(art, "the flag over Juba was removed")
    assert _speaker(s) == "Peter Deng"
    assert _said_by(art, s) == "Peter Deng"


def test_time_phrase_before_a_pronoun_clause() -> None:
    art = parse_article(
        "Riek Machar has said for weeks he is the only candidate in the field who can win."
    )
    s = _by_content(art, "he is the only candidate")
    assert _speaker(s) == "Riek Machar"


def test_share_of_people_as_speakers() -> None:
    art = parse_article(
        "Many in the crowd in Bor said the general was the only candidate they trusted. "
        "Six in 10 said they wanted the truce to hold."
    )
    s = _by_content(art, "the general was the only candidate")
    assert s.speaker_source is SpeakerSource.COLLECTIVE
    assert _said_by(art, s) == "Many in the crowd in Bor"
    t = _by_content(art, "they wanted the truce to hold")
    assert _said_by(art, t) == "Six in 10"


def test_none_opens_a_bare_clause_and_a_magazine_speaks() -> None:
    art = parse_article(
        "Some party strategists said none of the attempts to stop Kiir will work. "
        "The magazine said the poll winner has predicted the president in five cycles."
    )
    s = _by_content(art, "none of the attempts")
    assert s.speaker_source is SpeakerSource.COLLECTIVE
    t = _by_content(art, "the poll winner has predicted")
    assert _said_by(art, t) == "The magazine"


def test_a_name_and_a_description_are_one_speaker_phrase() -> None:
    art = parse_article(
        "Kiir and his rivals for the nomination have said they will undo the decree if elected."
    )
    s = _by_content(art, "they will undo the decree")
    assert _said_by(art, s) == "Kiir and his rivals for the nomination"


# questions and headlines


def test_opening_question_is_a_statement_of_its_asker() -> None:
    art = parse_article(
        "Asked by Amina Yusuf whether the corridor to El Fasher would open, Burhan said that "
        "it would not."
    )
    q = _by_content(art, "whether the corridor to El Fasher would open")
    assert q.cue == "Asked"
    assert _speaker(q) == "Amina Yusuf"
    s = _by_content(art, "it would not")
    assert _speaker(s).endswith("Burhan")


def test_question_without_an_asker_is_unresolved() -> None:
    art = parse_article(
        "Asked whether he would sack the negotiators in Doha, Haniyeh said, “Probably not.”"
    )
    q = _by_content(art, "whether he would sack")
    assert q.speaker is None
    assert q.speaker_source is SpeakerSource.UNRESOLVED
    assert not any(s.content.startswith("the truce") for s in art.statements)


def test_title_case_headline_with_a_full_stop() -> None:
    art = parse_article(
        "Former Kiir Pollster Says Kiir Is In Trouble In Juba Primaries.\n\n"
        "Former pollster Deng Alor was a guest on the show."
    )
    s = _by_content(art, "Kiir Is In Trouble")
    assert s.speaker_source is SpeakerSource.HEADLINE
    assert s.cue == "Says"


# a quotation whose attribution names a speaker nobody resolves is kept


def test_definite_description_after_a_quote_keeps_it() -> None:
    art = parse_article("“I actually said she is exactly right about Tigray,” the host said.")
    s = _by_content(art, "I actually said she is exactly right")
    assert s.speaker is None
    assert s.speaker_source is SpeakerSource.UNRESOLVED
    assert _said_by(art, s) == "the host"


def test_press_release_is_a_document() -> None:
    art = parse_article(
        "“The campaign has not said whether another surrogate will come to Juba,” "
        "the release added."
    )
    s = _by_content(art, "The campaign has not said")
    assert s.speaker_source is SpeakerSource.DOCUMENT


def test_told_a_radio_station_by_name() -> None:
    art = parse_article(
        "“They have to stop and listen,” the retired general told Radio Tamazuj in Juba."
    )
    s = _by_content(art, "They have to stop and listen")
    assert s.cue == "told"
    assert _said_by(art, s) == "the retired general"


def test_said_before_a_name_opens_an_inverted_attribution() -> None:
    art = parse_article(
        "Said Machar, “The thought that an error on our part cost lives is very painful.”"
    )
    s = _by_content(art, "The thought that an error")
    assert s.cue == "Said"
    assert _said_by(art, s) == "Machar"


def test_she_is_not_the_man_he_stood_for() -> None:
    art = parse_article(
        "Mr. Deng met Amina Yusuf in Juba on Monday. “We are old friends,” he said of the "
        "envoy. Mr. Deng left for Bor. “It was wonderful,” she said."
    )
    s = _by_content(art, "It was wonderful")
    assert s.speaker is None or s.speaker.name == "Amina Yusuf"
    he = _by_content(art, "We are old friends")
    assert he.speaker is None or he.speaker.name != "Amina Yusuf"


def test_a_noun_after_an_adjective_is_no_cue() -> None:
    art = parse_article(
        "Riek Machar delivered a snappy retort in Juba: “No one is tearing this deal up.”"
    )
    s = _by_content(art, "No one is tearing this deal up")
    assert _speaker(s) == "Riek Machar"


def test_demonym_and_title_without_a_person_named_before() -> None:
    art = parse_article("“The pause on the border is over,” said the Armenian premier.")
    s = _by_content(art, "The pause on the border is over")
    assert s.speaker is not None
    assert s.speaker.kind.value == "person"
    assert s.speaker.anonymous
    assert s.speaker.country == "AM"


def test_an_office_named_by_its_holder_is_an_institution() -> None:
    art = parse_article(
        "The Prime Minister's Office said the cabinet in Addis Ababa would meet on Sunday."
    )
    s = _by_content(art, "the cabinet in Addis Ababa")
    assert s.speaker_source is SpeakerSource.INSTITUTION
    assert _speaker(s) == "Prime Minister's Office"
