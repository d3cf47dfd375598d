"""Which earlier person a description or a lone name stands for (issue 12, actor resolution):
two people with the same title, ages and trades in the description, a given name used alone,
a surname that belongs to someone introduced only later, a known one-word name at the start
of someone else's longer name.  Each article is made up for the test, about a different
conflict.
"""

from __future__ import annotations

from articles_statements.helpers import evidence
from conflictmodel import parse_article
from conflictmodel.article import Article
from conflictmodel.model.statements import SpeakerSource
from conflictmodel.statements import Statement

# A paragraph about something else, so that a later sentence is out of the article's lede.
_LEDE = (
    "Heavy rain flooded camps for displaced families across the region on Monday, aid "
    "groups said, as negotiators prepared for another round of talks that diplomats expect "
    "to run for at least a week and that neither side has said it will attend in person.\n"
)


def _by_content(art: Article, start: str) -> Statement:
    hits = [s for s in art.statements if s.content.startswith(start)]
    assert hits, [s.content for s in art.statements]
    return hits[0]


def _speaker(art: Article, start: str) -> str | None:
    s = _by_content(art, start)
    return s.speaker.name if s.speaker is not None else None


def test_the_modifier_of_a_title_picks_one_of_two_ministers() -> None:
    # the nearer minister is the interior minister: "the foreign minister" is the other one
    art = parse_article(
        "Foreign Minister Tamar Beridze flew to Brussels after meeting Interior Minister "
        'Levan Gogia on Tuesday. "Our door stays open," the foreign minister said. '
        "The interior minister said border posts would stay closed."
    )
    s = _by_content(art, "Our door stays open")
    assert s.speaker is not None
    assert s.speaker.name == "Tamar Beridze"
    assert s.speaker_source is SpeakerSource.DESCRIPTOR
    assert _speaker(art, "border posts would stay closed") == "Levan Gogia"


def test_a_demonym_or_an_acronym_in_the_description_picks_the_person() -> None:
    art = parse_article(
        "Nairobi hosted Ethiopian Foreign Minister Dawit Tesfaye and Kenyan Foreign Minister "
        'Grace Wambui for a day of talks. "Nothing was agreed," the Ethiopian minister told '
        "reporters.\nAbdi Farah, the ONLF commander, and Hassan Dool, the army chief, met "
        'later. "We keep our guns," the ONLF commander said.'
    )
    assert _speaker(art, "Nothing was agreed") == "Dawit Tesfaye"
    assert _speaker(art, "We keep our guns") == "Abdi Farah"


def test_an_age_and_a_rank_written_before_the_name() -> None:
    art = parse_article(
        'Gen. Min Aung Tun, 61, inspected units near Lashio on Sunday. "The road will be '
        'ours by spring," the 61-year-old general told officers.'
    )
    s = _by_content(art, "The road will be ours by spring")
    assert s.speaker is not None
    assert s.speaker.name == "Min Aung Tun"
    assert evidence(art, s.speaker_span) == "the 61-year-old general"


def test_a_trade_in_an_appositive_and_an_age_alone() -> None:
    art = parse_article(
        "Oksana Hrytsenko, a baker in Pokrovsk, kept her shop open through the shelling. "
        '"Bread is the last thing we stop making," said the baker.\nSerhiy Bondar, a '
        'retired miner, refused to leave. "I was born here," said the 74-year-old.'
    )
    assert _speaker(art, "Bread is the last thing") == "Oksana Hrytsenko"
    assert _speaker(art, "I was born here") == "Serhiy Bondar"


def test_a_given_name_alone_refers_to_the_person_named_before() -> None:
    art = parse_article(
        _LEDE + "Sheikh Abdiweli Nur Hirsi, who chairs the elders' council in Beledweyne, "
        'met both sides. "Nobody wants another season of fighting," Abdiweli said. Dr. '
        "Mekdes Alemayehu runs the only clinic in the district. Mekdes said her staff had "
        "not been paid since March."
    )
    assert _speaker(art, "Nobody wants another season") == "Abdiweli Nur Hirsi"
    s = _by_content(art, "her staff had not been paid")
    assert s.speaker is not None
    assert s.speaker.name == "Mekdes Alemayehu"
    assert s.speaker_source is SpeakerSource.NAMED
    # no second person is made of the given name
    assert not [a for a in art.actors if a.name in ("Abdiweli", "Mekdes")]


def test_a_surname_does_not_refer_to_someone_introduced_later() -> None:
    art = parse_article(
        _LEDE + 'Sheikh Yusuf Hassan, an elder in Jowhar, met the governor. "We want the '
        'bridge rebuilt," Yusuf said.\nThe budget was presented by Finance Minister Halima '
        'Yusuf. "There is no money for it this year," Yusuf said.'
    )
    assert _speaker(art, "We want the bridge rebuilt") == "Yusuf Hassan"
    assert _speaker(art, "There is no money") == "Halima Yusuf"


def test_a_known_name_that_opens_a_longer_name_is_another_person() -> None:
    # "Sharif" alone is Shehbaz Sharif; "Sharif Hassan Adan" is someone else
    art = parse_article(
        "Prime Minister Shehbaz Sharif chaired a security meeting in Islamabad.\nIn "
        "Mogadishu, Sharif Hassan Adan, a former finance minister, said the federal "
        "budget could not pay for the new brigades."
    )
    assert _speaker(art, "the federal budget could not pay") == "Sharif Hassan Adan"


def test_a_rank_and_a_surname_with_an_article() -> None:
    art = parse_article(
        "Gen. Khalid al-Zubeidi toured the port on Thursday. The general said the navy "
        "had cleared the channel of mines."
    )
    assert _speaker(art, "the navy had cleared the channel") == "Khalid al-Zubeidi"


def test_a_reported_clause_with_an_irregular_past_verb() -> None:
    art = parse_article(
        "Mariam Sesay, a midwife in Kailahun, said two mothers died on the way to the "
        "clinic. The district officer said the bridge broke under the weight of a truck."
    )
    assert _speaker(art, "two mothers died") == "Mariam Sesay"
    assert _by_content(art, "the bridge broke under the weight").speaker is not None


def test_a_quoted_fragment_inside_a_reported_clause_keeps_the_next_report() -> None:
    art = parse_article(
        "In a statement on Tuesday, the Arakan Army said its fighters had been "
        '"far from" the village and accused the junta of burning it.'
    )
    frag = _by_content(art, "far from")
    assert frag.kind.value == "partial"
    assert frag.speaker is not None
    assert frag.speaker.name == "Arakan Army"
    accused = _by_content(art, "the junta of burning it")
    assert accused.speaker == frag.speaker


def test_an_appositive_after_according_to_is_not_what_was_said() -> None:
    art = parse_article(
        "According to Nasrin Akter, a camp coordinator in Cox's Bazar, rations were cut by a "
        "third in March. According to the county council, which gave no figures, the school "
        "reopened."
    )
    s = _by_content(art, "rations were cut")
    assert s.speaker is not None
    assert s.speaker.name == "Nasrin Akter"
    assert _by_content(art, "the school reopened").speaker is not None


def test_a_speaker_with_a_present_tense_relative_clause() -> None:
    art = parse_article(
        "A diplomat in Bangui who follows the disarmament talks closely said the armed "
        "groups had stopped handing in weapons."
    )
    s = _by_content(art, "the armed groups had stopped")
    assert s.speaker is not None
    assert s.speaker.anonymous
    assert evidence(art, s.speaker_span).startswith("A diplomat")


def test_a_name_in_apposition_after_a_long_description_is_the_speaker() -> None:
    art = parse_article(
        "The head of the African Union's monitoring team in Tigray, Liya Haile Mariam, warned "
        "that the truce could collapse within weeks."
    )
    s = _by_content(art, "the truce could collapse")
    assert s.speaker is not None
    assert s.speaker.name == "Liya Haile Mariam"


def test_a_middle_name_alone_refers_to_the_person() -> None:
    art = parse_article(
        _LEDE + "Defence Minister Chol Thon Balok told parliament that the army had retaken "
        'Nasir. Thon said the troops would "stay as long as needed."'
    )
    s = _by_content(art, "the troops would")
    assert s.speaker is not None
    assert s.speaker.name == "Chol Thon Balok"


def test_a_verb_of_a_relative_clause_in_the_apposition_reports_nothing() -> None:
    art = parse_article(
        "Htet Aung, an analyst who has advised both armies, said neither side could win "
        "the war on the battlefield."
    )
    said = [s for s in art.statements if "neither side could win" in s.content]
    assert len(said) == 1
    assert said[0].speaker is not None
    assert said[0].speaker.name == "Htet Aung"


def test_she_does_not_stand_for_a_man_named_after_her() -> None:
    # the nearer person is a man (by his given name): "she" is the woman named first
    art = parse_article(
        "Halima Osman visited the camp in Adré with Yusuf Bakhit, a local official. "
        '"Every week there are more families," she said.'
    )
    s = _by_content(art, "Every week there are more families")
    assert s.speaker is not None
    assert s.speaker.name == "Halima Osman"
    assert s.speaker_source is SpeakerSource.PRONOUN


def test_he_can_stand_for_an_unnamed_officer() -> None:
    art = parse_article(
        "Foreign Minister Ahmed Attaf left Bamako on Monday. A Malian colonel said the convoy "
        'had reached Kidal. "The road is open," he added.'
    )
    s = _by_content(art, "The road is open")
    assert s.speaker is not None
    assert s.speaker.anonymous
    assert "colonel" in s.speaker.name


def test_who_said_after_a_name_and_its_appositive() -> None:
    art = parse_article(
        "The shelling was confirmed by Dr. Nyaluak Gatkuoth, the director of the hospital in "
        "Malakal, who said her staff had treated 40 wounded."
    )
    s = _by_content(art, "her staff had treated 40 wounded")
    assert s.speaker is not None
    assert s.speaker.name == "Nyaluak Gatkuoth"


def test_an_ambassador_with_a_demonym_is_an_anonymous_source() -> None:
    art = parse_article(
        "One Asian ambassador in Naypyitaw said privately that the junta had asked for more time."
    )
    s = _by_content(art, "the junta had asked for more time")
    assert s.speaker is not None
    assert s.speaker.anonymous
    assert s.speaker_source is SpeakerSource.COLLECTIVE


def test_a_description_after_a_source_named_by_an_age_only() -> None:
    # an anonymous source whose name has no word ("a 50-year-old") does not break the
    # search for what "the official" stands for
    art = parse_article(
        "A 50-year-old in Kramatorsk said the road was closed. The official said it had reopened."
    )
    assert _by_content(art, "it had reopened").speaker is not None


def test_an_office_of_a_place_is_not_a_person_called_like_the_place() -> None:
    art = parse_article(
        "Later on Monday, the governor of Blue Nile said the displaced had reached Damazin. "
        '"We need tents," he said.'
    )
    s = _by_content(art, "the displaced had reached Damazin")
    assert s.speaker is not None
    assert s.speaker.name != "Blue Nile"
    assert s.speaker.anonymous
    quote = _by_content(art, "We need tents")
    assert quote.speaker == s.speaker


def test_an_office_named_after_its_holder_is_the_speaker() -> None:
    art = parse_article(
        "Prime Minister Mark Carney met the envoy on Monday. Carney's office said the "
        "delegation would travel to Doha."
    )
    s = _by_content(art, "the delegation would travel")
    assert s.speaker is not None
    assert s.speaker.name == "Carney's office"
    assert s.speaker_source is SpeakerSource.INSTITUTION


def test_the_holder_of_a_state_office_is_a_person() -> None:
    art = parse_article(
        'The president of Chad said the border would stay open. "We will not abandon the '
        'refugees," he added.'
    )
    s = _by_content(art, "the border would stay open")
    assert s.speaker is not None
    assert s.speaker.kind.value == "person"
    assert _by_content(art, "We will not abandon").speaker == s.speaker


def test_a_title_followed_by_a_relative_clause_makes_a_person() -> None:
    art = parse_article(
        "Khalifa Haftar met the envoy in Benghazi. Saddam Haftar, the commander who leads the "
        "ground forces, stayed away. The commander said later that the army would not withdraw."
    )
    s = _by_content(art, "the army would not withdraw")
    assert s.speaker is not None
    assert s.speaker.name == "Saddam Haftar"


def test_claimed_to_have_is_a_claim() -> None:
    art = parse_article("The Arakan Army claimed to have captured two junta outposts near Sittwe.")
    s = _by_content(art, "to have captured two junta outposts")
    assert s.speaker is not None
    assert s.cue == "claimed"


def test_one_of_them_is_one_of_the_group_named_before() -> None:
    art = parse_article(
        'Villagers near Teknaf said the coast guard had seized their boats. "We cannot '
        'feed our children," one of them said.'
    )
    s = _by_content(art, "We cannot feed our children")
    assert s.speaker is not None
    assert s.speaker.anonymous
    assert s.speaker.name == "villager"
