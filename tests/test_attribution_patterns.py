"""Attribution patterns of issue 12: each on a small article written for the test.

Every test names the pattern it checks; the articles are made up, about several conflicts.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from articles_statements.helpers import actor_name, evidence, members
from conflictmodel import parse_article
from conflictmodel.article import Article
from conflictmodel.model.statements import SpeakerSource
from conflictmodel.statements import Statement


def _by_content(art: Article, start: str) -> Statement:
    hits = [s for s in art.statements if s.content.startswith(start)]
    assert hits, [s.content for s in art.statements]
    return hits[0]


# 1. a speaker that cannot be resolved does not drop the statement


def test_unresolved_pronoun_keeps_the_quote() -> None:
    art = parse_article('"Nobody in Goma trusts the truce," he admitted.')
    s = _by_content(art, "Nobody in Goma trusts the truce")
    assert s.speaker is None
    assert s.speaker_source is SpeakerSource.UNRESOLVED
    assert s.speaker_span is not None
    assert art.evidence(s.speaker_span) == "he"
    assert s.cue == "admitted"


def test_collective_speaker() -> None:
    art = parse_article("Analysts say the ceasefire in Tigray is unlikely to hold past the rains.")
    s = _by_content(art, "the ceasefire in Tigray")
    assert s.speaker is not None
    assert s.speaker.anonymous
    assert s.speaker_source is SpeakerSource.COLLECTIVE


def test_document_as_source() -> None:
    art = parse_article("The court filing says the militia moved weapons into Goma in March.")
    s = _by_content(art, "the militia moved weapons")
    assert s.speaker is not None
    assert s.speaker.anonymous
    assert s.speaker_source is SpeakerSource.DOCUMENT
    assert evidence(art, s.speaker_span) == "The court filing"


# 2. reported clauses without "that"


def test_bare_clause_with_adverb_before_its_verb() -> None:
    art = parse_article(
        "Yemen's foreign minister Ahmed Awad bin Mubarak spoke in Aden. "
        "He said the mediators often leave both sides without a plan."
    )
    s = _by_content(art, "the mediators often leave")
    assert s.speaker is not None
    assert s.speaker.name.endswith("Mubarak")
    assert s.speaker_source is SpeakerSource.PRONOUN


def test_bare_clause_around_a_relative_parenthesis() -> None:
    art = parse_article(
        "Abiy Ahmed said the negotiations, which moved to Pretoria last week, remain fragile."
    )
    s = _by_content(art, "the negotiations, which moved")
    assert s.content.endswith("remain fragile")


# 4. headlines and title-case lines


def test_headline_speaker_verb_content() -> None:
    art = parse_article("Kyiv Says Russia Moved Troops To Kursk\n\nFighting went on near Sudzha.")
    s = _by_content(art, "Russia Moved Troops")
    assert s.speaker is not None
    assert s.speaker.id == "state:UA"
    assert s.speaker_source is SpeakerSource.HEADLINE
    assert s.cue == "Says"


def test_headline_content_dash_speaker() -> None:
    art = parse_article(
        "Talks Will Not Resume — Peskov\n\nKremlin spokesman Dmitry Peskov said the talks were over."
    )
    s = _by_content(art, "Talks Will Not Resume")
    assert s.speaker is not None
    assert s.speaker.name == "Dmitry Peskov"
    assert s.speaker_source is SpeakerSource.HEADLINE


def test_headline_bare_title_is_unresolved() -> None:
    art = parse_article("Minister Urges Army To Pull Back From Border\n\nShelling went on.")
    s = _by_content(art, "Army To Pull Back")
    assert s.speaker is None
    assert s.speaker_source is SpeakerSource.UNRESOLVED


def test_headline_two_speakers_are_one_joint_speaker() -> None:
    art = parse_article("US, UN Welcome Sudan Truce Deal\n\nThe deal was signed in Jeddah.")
    (s,) = art.statements
    assert s.speaker is not None
    assert s.speaker.name == "US, UN"
    assert set(s.speaker.members) == {"state:US", "org:un"}


# 5. descriptors corefer to the right person


def test_demonym_title_descriptor() -> None:
    art = parse_article(
        "Armenian Prime Minister Nikol Pashinyan met Ilham Aliyev in Brussels. "
        '"The border will be marked by June," said the Armenian premier.'
    )
    s = _by_content(art, "The border will be marked")
    assert s.speaker is not None
    assert s.speaker.name == "Nikol Pashinyan"
    assert s.speaker_source is SpeakerSource.DESCRIPTOR
    assert evidence(art, s.speaker_span) == "the Armenian premier"


def test_transliterations_are_one_person() -> None:
    art = parse_article(
        "Colonel General Oleksandr Syrskyi visited the Kursk front. "
        "Syrskiy said the enemy had not advanced a single metre."
    )
    s = _by_content(art, "the enemy had not advanced")
    assert s.speaker is not None
    assert s.speaker.name == "Oleksandr Syrskyi"
    assert [a.name for a in art.actors if a.kind.value == "person"] == ["Oleksandr Syrskyi"]


# 9. composite speakers


def test_joint_speaker_named_as_the_text_names_it() -> None:
    art = parse_article(
        "Kholood Khair and Alex de Waal wrote that the war in Sudan had no military solution."
    )
    (s,) = art.statements
    assert s.speaker is not None
    assert s.speaker.name == "Kholood Khair and Alex de Waal"
    assert len(s.speaker.members) == 2
    assert s.speaker_source is SpeakerSource.NAMED


def test_the_two_ministers_are_the_pair_named_before() -> None:
    art = parse_article(
        "Ukraine's foreign minister Andrii Sybiha and his Polish counterpart Radoslaw Sikorski "
        "met in Kyiv. The two ministers said the grain corridor would stay open."
    )
    s = _by_content(art, "the grain corridor")
    assert s.speaker is not None
    assert {actor_name(art, m) for m in members(s)} == {
        "Andrii Sybiha",
        "Radoslaw Sikorski",
    }
    assert s.speaker_source is SpeakerSource.DESCRIPTOR


# 6. institutions and metonyms


def test_capital_stands_for_its_state() -> None:
    art = parse_article("Khartoum said the RSF had shelled the market in El Fasher.")
    s = _by_content(art, "the RSF had shelled")
    assert s.speaker is not None
    assert s.speaker.id == "state:SD"
    assert s.speaker_source is SpeakerSource.INSTITUTION


def test_acronym_defined_in_the_text() -> None:
    art = parse_article(
        "The Joint Border Verification Mechanism (JBVM) sent patrols to Malakal. "
        "The JBVM said the camp was calm."
    )
    s = _by_content(art, "the camp was calm")
    assert s.speaker is not None
    assert s.speaker.name == "Joint Border Verification Mechanism"
    assert "JBVM" in s.speaker.aliases


# 8. quotation marks that are not speech


def test_a_thing_called_is_a_name() -> None:
    art = parse_article(
        'The Myanmar junta released a plan called "Road to Peace" on Monday. '
        'Min Aung Hlaing called the vote "a new beginning".'
    )
    assert not any(s.content == "Road to Peace" for s in art.statements)
    s = _by_content(art, "a new beginning")
    assert s.speaker is not None
    assert s.speaker.name == "Min Aung Hlaing"


# 10. the cue is the text at its span


def test_cue_is_exactly_the_text() -> None:
    art = parse_article("Kremlin spokesman Dmitry Peskov  told  reporters that talks were over.")
    s = _by_content(art, "talks were over")
    assert s.cue_span is not None
    assert s.cue == art.evidence(s.cue_span)
    assert s.cue == "told  reporters"


# the number of statements never drops when unrelated sentences are added around them

_ATTRIBUTIONS = [
    '"The corridor stays open," Azerbaijan\'s foreign minister Jeyhun Bayramov said.',
    "Sudan's army chief Abdel Fattah al-Burhan said the army would not negotiate.",
    "According to the Houthis, the strike hit a port in Hodeidah.",
    "Analysts say the truce in Gaza is fragile.",
]
_FILLERS = [
    "Rain fell over the hills.",
    "The bridge was rebuilt in 2019.",
    "Markets were closed for the holiday.",
    "Trucks waited at the border crossing.",
]


@settings(max_examples=25, deadline=None)
@given(
    core=st.sampled_from(_ATTRIBUTIONS),
    before=st.lists(st.sampled_from(_FILLERS), max_size=3),
    after=st.lists(st.sampled_from(_FILLERS), max_size=3),
)
def test_statements_survive_unrelated_sentences(
    core: str, before: list[str], after: list[str]
) -> None:
    alone = len(parse_article(core).statements)
    assert alone >= 1
    padded = parse_article(" ".join([*before, core, *after]))
    assert len(padded.statements) >= alone


# more patterns: glued marks, synonyms, as-clauses, signatures, nominal reports, questions


def test_closing_mark_glued_to_the_pronoun() -> None:
    art = parse_article(
        "Yemen's foreign minister Shaya al-Zindani spoke in Aden on Monday. "
        '"We will not accept a partial deal,"she insisted.'
    )
    s = _by_content(art, "We will not accept a partial deal")
    assert s.cue == "insisted"
    assert evidence(art, s.speaker_span) == "she"


def test_the_aide_is_the_adviser_named_before() -> None:
    art = parse_article(
        "Mary Wanjiru, an adviser to the mediation team, met both delegations in Juba. "
        '"The talks are stalled," the aide said.'
    )
    s = _by_content(art, "The talks are stalled")
    assert s.speaker is not None
    assert s.speaker.name == "Mary Wanjiru"
    assert s.speaker_source is SpeakerSource.DESCRIPTOR


def test_as_clause_names_the_speaker_of_the_main_clause() -> None:
    art = parse_article("As Guterres said on Monday, the truce in Gaza must hold.")
    s = _by_content(art, "the truce in Gaza must hold")
    assert s.speaker is not None
    assert s.speaker.name == "António Guterres"


def test_as_she_called_it_keeps_the_inner_speaker() -> None:
    art = parse_article("The Kremlin said the 'pause,' as Peskov called it, would last a week.")
    s = _by_content(art, "pause")
    assert s.speaker is not None
    assert s.speaker.name == "Dmitry Peskov"


def test_quote_signed_after_a_dash() -> None:
    art = parse_article("“We will not leave our homes.” — Amina Yusuf, a resident of Goma.")
    s = _by_content(art, "We will not leave our homes")
    assert s.speaker is not None
    assert s.speaker.name == "Amina Yusuf"


def test_nominal_report_belongs_to_its_owner() -> None:
    art = parse_article("Hamas rejected Israel's claim that it had broken the truce.")
    s = _by_content(art, "it had broken the truce")
    assert s.speaker is not None
    assert s.speaker.id == "state:IL"
    assert s.cue == "claim"


def test_asked_whether_reports_the_question() -> None:
    art = parse_article("Erdogan asked whether the corridor through Syunik would open this year.")
    s = _by_content(art, "the corridor through Syunik")
    assert s.speaker is not None
    assert s.cue == "asked"


def test_participle_after_a_noun_is_not_the_cue() -> None:
    art = parse_article(
        "Kenyan President William Ruto said in a message shared on Facebook on Friday that "
        '"the corridor will reopen before the rains."'
    )
    s = _by_content(art, "the corridor will reopen")
    assert s.speaker is not None
    assert s.speaker.name == "William Ruto"
    assert s.cue == "said"


def test_formal_name_of_a_ministry_and_seat_of_an_embassy() -> None:
    art = parse_article(
        "Egypt's foreign ministry announced that the two delegations would meet in Cairo. "
        '"The talks are a good sign," the British Embassy in Khartoum said.'
    )
    ministry = _by_content(art, "the two delegations would meet").speaker
    assert ministry is not None
    assert "Ministry of Foreign Affairs of Egypt" in ministry.aliases
    embassy = _by_content(art, "The talks are a good sign").speaker
    assert embassy is not None
    assert "British Embassy in Khartoum" in embassy.names


def test_trailing_attribution_ends_the_reported_clause() -> None:
    art = parse_article(
        "Myanmar's junta chief Min Aung Hlaing said elections would be held in December, "
        "state media reported."
    )
    s = _by_content(art, "elections would be held")
    assert s.content == "elections would be held in December"
    assert not any(s.cue == "state" for s in art.statements)


def test_headline_title_is_the_person_named_below() -> None:
    art = parse_article(
        "Minister Urges Army To Pull Back From Border\n\n"
        "Sudan's defence minister Yassin Ibrahim urged the army to pull back on Monday."
    )
    s = _by_content(art, "Army To Pull Back")
    assert s.speaker is not None
    assert s.speaker.name == "Yassin Ibrahim"
    assert s.speaker_source is SpeakerSource.HEADLINE


def test_asked_about_is_not_the_speaker() -> None:
    art = parse_article(
        "Asked to describe the drone that hit the depot, the Houthi spokesman Yahya Saree "
        'said, "We will not give details."'
    )
    s = _by_content(art, "We will not give details")
    assert s.speaker is not None
    assert s.speaker.name == "Yahya Saree"
    assert not any(
        s.speaker is not None and s.speaker.name.startswith("Asked") for s in art.statements
    )


def test_quote_then_title_then_name() -> None:
    art = parse_article(
        '"We are ready to sign," Armenia\'s foreign minister, Ararat Mirzoyan, said on Monday.'
    )
    s = _by_content(art, "We are ready to sign")
    assert s.speaker is not None
    assert s.speaker.name == "Ararat Mirzoyan"


def test_according_to_when_the_clause_names_nobody() -> None:
    art = parse_article("The two sides have agreed to a prisoner swap, according to mediators.")
    s = _by_content(art, "The two sides have agreed")
    assert s.speaker is not None
    assert s.speaker_source is SpeakerSource.COLLECTIVE


def test_relative_clause_verb_is_not_the_cue() -> None:
    art = parse_article('"It is a massacre," one resident, who asked not to be named, told AFP.')
    s = _by_content(art, "It is a massacre")
    assert s.cue == "told"
    assert s.speaker_source is SpeakerSource.COLLECTIVE


def test_inverted_transitive_verb_with_a_possessive_title() -> None:
    art = parse_article('"We will respond," warned Iran\'s supreme leader Ali Khamenei.')
    s = _by_content(art, "We will respond")
    assert s.speaker is not None
    assert s.speaker.name == "Ali Khamenei"
    assert s.cue == "warned"


def test_possessive_state_title_is_the_titled_person_before() -> None:
    art = parse_article(
        "Qatari Prime Minister Mohammed bin Abdulrahman Al Thani met the envoys in Doha. "
        "Later, Qatar's prime minister said the talks were at a critical stage."
    )
    s = _by_content(art, "the talks were at a critical stage")
    assert s.speaker is not None
    assert s.speaker.name == "Mohammed bin Abdulrahman Al Thani"
    assert s.speaker_source is SpeakerSource.DESCRIPTOR


def test_quoted_name_before_its_noun_is_not_speech() -> None:
    art = parse_article(
        'Kyiv welcomed the "coalition of the willing" meeting in Paris. '
        'Juba and Khartoum signed a "landmark" accord on Abyei, a spokesman said.'
    )
    assert not any(s.content == "coalition of the willing" for s in art.statements)
    s = _by_content(art, "landmark")  # one evaluative word is still a quote
    assert s.speaker is not None


def test_what_it_calls() -> None:
    art = parse_article(
        'Russia launched what it calls a "special military operation" in February 2022.'
    )
    s = _by_content(art, "special military operation")
    assert evidence(art, s.speaker_span) == "it"
    assert s.speaker is not None
    assert s.speaker.id == "state:RU"


def test_title_of_a_programme_is_not_speech() -> None:
    art = parse_article(
        'On Sunday\'s broadcast of "Face the Nation," Blinken said the truce in Gaza would hold.'
    )
    assert not any(s.content.startswith("Face the Nation") for s in art.statements)
    assert _by_content(art, "the truce in Gaza would hold").speaker is not None


def test_pronoun_prefers_the_subject_of_the_previous_sentence() -> None:
    art = parse_article(
        "Burhan received the US envoy Tom Perriello in Port Sudan. "
        "He said the army would not negotiate. "
        'Aliyev said the text was ready. Pashinyan disagreed. "Nothing is agreed," he said.'
    )
    army = _by_content(art, "the army would not negotiate").speaker
    assert army is not None
    assert army.name == "Abdel Fattah al-Burhan"
    nothing = _by_content(art, "Nothing is agreed").speaker
    assert nothing is not None
    assert nothing.name == "Nikol Pashinyan"


def test_pronoun_skips_people_named_inside_the_quote() -> None:
    art = parse_article('"We trust Erdogan," Zelensky said. "He is a friend," he added.')
    s = _by_content(art, "He is a friend")
    assert s.speaker is not None
    assert s.speaker.name == "Volodymyr Zelensky"


def test_quote_after_a_reported_statement_continues_its_speaker() -> None:
    art = parse_article(
        "Sudan's army chief Abdel Fattah al-Burhan said on Sunday that the army would fight on."
        '\n\n"We will not negotiate with the militia. Never."'
        "\n\nPeskov said the talks were over. Analysts disagreed.\n\n"
        '"This is a tactic."'
    )
    s = _by_content(art, "We will not negotiate")
    assert s.speaker is not None
    assert s.speaker.name == "Abdel Fattah al-Burhan"
    assert s.speaker_source is SpeakerSource.CONTINUATION
    # someone else came between: not Peskov's, but the analysts' who disagreed
    tactic = [s for s in art.statements if s.content.startswith("This is a tactic")]
    assert all(t.speaker is not None and "Peskov" not in t.speaker.name for t in tactic)
    assert all(t.speaker_source is SpeakerSource.COLLECTIVE for t in tactic)


def test_known_surname_inside_a_longer_name() -> None:
    art = parse_article(
        "Pakistan's military spokesman, Lt Gen Ahmed Sharif Chaudhry, rejected the account."
    )
    s = _by_content(art, "the account")
    assert s.speaker is not None
    assert s.speaker.name == "Ahmed Sharif Chaudhry"


def test_a_joint_speaker_is_named_without_the_clause_before_it() -> None:
    # "lands [that] X and other officials have said are ...": the noun the relative clause
    # hangs on is not part of the speakers' name.
    art = parse_article(
        "The army rejected any deal on the three provinces—lands Prime Minister Abiy Ahmed "
        "and other Ethiopian officials have repeatedly said are not for sale."
    )
    s = _by_content(art, "are not for sale")
    assert s.speaker is not None
    assert s.speaker.name == "Prime Minister Abiy Ahmed and other Ethiopian officials"
