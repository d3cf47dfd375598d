"""The events stage: PLOVER types and modes, status and tense rules, participants, place, date,
toll, on small articles written for these tests about many conflicts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictmodel import Event, from_json, parse_article, to_json
from conflictmodel.errors import GazetteerError
from conflictmodel.model.events import EventStatus, EventType
from conflictmodel.parsers.events import EventLexicon, EventParser, plover_modes
from conflictmodel.pipeline import default_pipeline
from conflictmodel.strategies import events


def evs(text: str, published: str | None = "2025-03-10") -> list[Event]:
    art = parse_article(text, published=published)
    for e in art.events:
        assert 0 <= e.span.start < e.span.end <= len(text)
        assert e.trigger is None or e.trigger in e.span.of(text)
    return list(art.events)


def one(text: str, **kw: str) -> Event:
    found = evs(text, **kw)
    assert len(found) == 1, [(e.type.value, e.span.of(text)) for e in found]
    return found[0]


def names(actors: tuple[object, ...]) -> set[str]:
    return {a.name for a in actors}  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------ each type


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        # CONSULT and its modes
        (
            "Armenia's foreign minister met his Azerbaijani counterpart in Almaty on Friday.",
            "consult",
            None,
        ),
        (
            "Prime Minister Nikol Pashinyan spoke by phone with President Ilham Aliyev on Monday.",
            "consult",
            "phone",
        ),
        (
            "The Sudanese army and the RSF held talks in Jeddah, hosted by Saudi Arabia.",
            "consult",
            "third-party",
        ),
        ("Kenya's president visited Kinshasa last week.", "consult", "visit"),
        # AGREE: agreements reached, offers, agreements to meet
        ("Armenia and Azerbaijan reached an agreement on the border on Tuesday.", "agree", None),
        ("Congo and Rwanda agreed to meet again in Doha.", "agree", None),
        ("The European Union pledged 50 billion euros in aid to Ukraine.", "agree", None),
        # SUPPORT: signing, approval
        (
            "Ethiopia and the TPLF signed a peace deal in Pretoria in November 2022.",
            "support",
            None,
        ),
        # CONCEDE: a declared ceasefire, a promised withdrawal
        ("The Houthis declared a truce in Yemen on Sunday.", "concede", None),
        ("Russia promised to withdraw its troops from Kherson.", "concede", None),
        ("The RSF announced a unilateral humanitarian truce in Darfur.", "concede", None),
        # RETREAT and modes
        ("Israel allowed aid convoys into northern Gaza on Sunday.", "retreat", "access"),
        ("Ukraine and Russia exchanged 150 prisoners of war on Saturday.", "retreat", "release"),
        ("M23 rebels withdrew from Sake on Thursday.", "retreat", "withdraw"),
        # SANCTION
        (
            "The European Union imposed sanctions on six RSF commanders on Monday.",
            "sanction",
            "discontinue",
        ),
        ("Mali pulled out of the Algiers agreement in January.", "sanction", "withdraw"),
        # MOBILIZE
        ("India deployed thousands of troops along the Line of Control.", "mobilize", "troops"),
        # COERCE
        ("Israel imposed a naval blockade on Gaza in 2007.", "coerce", "restrict"),
        ("Police arrested 40 opposition activists in Addis Ababa.", "coerce", "arrest"),
        ("Pakistan closed the Torkham border crossing on Sunday.", "coerce", "restrict"),
        # THREATEN, REJECT, PROTEST, AID, COOPERATE, ACCUSE, REQUEST
        ("The Houthis threatened to strike Saudi oil facilities.", "threaten", "violence"),
        ("Hamas rejected the Egyptian proposal on Sunday.", "reject", "change"),
        ("Thousands of protesters marched in Khartoum against military rule.", "protest", "demo"),
        ("Japan delivered humanitarian aid to Myanmar after the earthquake.", "aid", None),
        ("Pakistan and China held joint military exercises in the Arabian Sea.", "cooperate", None),
        ("The ICC opened an investigation into crimes in Darfur.", "accuse", "investigate"),
        ("Ukraine formally requested air defence systems from Germany.", "request", None),
        # ASSAULT and modes
        ("Russian drones struck Odesa overnight.", "assault", "drone"),
        ("Israeli airstrikes hit Khan Younis on Tuesday.", "assault", "aerial"),
        ("Sudanese army artillery shelled Omdurman on Monday.", "assault", "heavy-weapons"),
        ("A car bomb exploded in Mogadishu, and gunmen opened fire on the crowd.", "assault", None),
        ("Militants kidnapped 30 villagers in North Kivu.", "assault", "abduct"),
        ("Ukrainian forces pushed back Russian troops near Kupiansk.", "assault", None),
    ],
)
def test_each_type_and_mode(text: str, etype: str, mode: str | None) -> None:
    found = evs(text)
    assert found, text
    ev = found[0]
    assert ev.type.value == etype, (text, [(e.type.value, e.trigger) for e in found])
    if mode is not None:
        assert ev.mode == mode
    if ev.mode is not None:
        assert ev.mode in plover_modes()[ev.type.value]


def test_every_plover_type_is_in_the_lexicon() -> None:
    lex = EventLexicon.default()
    assert {r.type for r in lex.rules} == set(EventType)


# ------------------------------------------------------------------------------ status, tense


def test_a_planned_meeting_has_not_happened_and_is_agree() -> None:
    ev = one("Pashinyan and Aliyev will meet in Abu Dhabi next week.")
    assert ev.status is EventStatus.PLANNED
    assert not ev.happened
    # PLOVER: a future meeting is an agreement to meet.
    assert ev.type is EventType.AGREE


def test_a_meeting_that_happened_is_consult() -> None:
    ev = one("Pashinyan and Aliyev met in Abu Dhabi on Thursday.")
    assert ev.status is EventStatus.OCCURRED
    assert ev.happened
    assert ev.type is EventType.CONSULT
    assert {"Nikol Pashinyan", "Ilham Aliyev"} <= names(ev.actors) or len(ev.actors) == 2
    assert ev.place is not None
    assert ev.place.name == "Abu Dhabi"
    assert ev.date is not None
    assert str(ev.date.value) == "2025-03-06"


def test_hypothetical_and_negated_events() -> None:
    ev = one("If talks fail, the army could launch an offensive on Goma.")
    assert ev.status is EventStatus.HYPOTHETICAL
    assert ev.type is EventType.ASSAULT
    # PLOVER leaves negated events out.
    assert evs("The two sides did not meet on Monday.") == []


def test_commentary_is_not_news_of_events() -> None:
    text = (
        "The conflict has displaced millions in Myanmar. The visit was seen as a sign of "
        "warming ties. Diplomats said a ceasefire deal in Yemen could be announced within days."
    )
    found = evs(text)
    assert [e.type.value for e in found if e.type is EventType.ASSAULT] == []
    assert all(e.trigger != "sign" for e in found)
    deal = [e for e in found if e.trigger == "a ceasefire deal"]
    assert deal
    assert deal[0].status is EventStatus.HYPOTHETICAL


def test_terms_of_a_deal_are_not_events_that_happened() -> None:
    ev = one("The Gaza deal provides for the release of all hostages.")
    assert ev.type is EventType.CONCEDE
    assert ev.status is EventStatus.HYPOTHETICAL
    ev = one("The Kremlin said Putin was open to a meeting with Zelensky.")
    assert ev.type is EventType.AGREE
    assert not ev.happened


def test_an_announced_withdrawal_is_concede_and_planned() -> None:
    ev = one("Moscow announced it would withdraw troops from the Kyiv region.")
    assert ev.type is EventType.CONCEDE


# ------------------------------------------------------------------------------ participants


def test_the_object_of_an_attack_verb_is_its_place() -> None:
    ev = one("The M23 seized Goma in January, the UN said.")
    assert ev.place is not None
    assert ev.place.name == "Goma"


def test_subject_and_target_and_place_of_an_attack() -> None:
    ev = one("Azerbaijan shelled Armenian positions near Jermuk on Tuesday.")
    assert ev.type is EventType.ASSAULT
    assert "Azerbaijan" in names(ev.actors)
    assert ev.place is not None
    assert ev.place.name == "Jermuk"
    assert ev.date is not None
    assert str(ev.date.value) == "2025-03-04"


def test_mediator() -> None:
    ev = one("Congo and Rwanda signed a peace agreement in Washington, brokered by Qatar.")
    assert ev.mediator is not None
    assert ev.mediator.name == "Qatar"
    assert ev.mediator not in ev.actors


def test_passive_voice_makes_the_subject_a_target() -> None:
    ev = one("Kharkiv was shelled by Russia on Friday.")
    assert "Russia" in names(ev.actors)


# ------------------------------------------------------------------------------ toll


def test_casualties_with_the_phrase_as_written() -> None:
    text = "A drone strike on Sumy killed at least 35 people and wounded 117 on Sunday."
    ev = one(text)
    assert ev.killed is not None
    assert ev.killed.count == 35
    assert ev.killed.approximate
    assert ev.killed.span.of(text) == "at least 35"
    assert ev.wounded is not None
    assert ev.wounded.count == 117
    assert ev.mode == "drone"


def test_vague_casualties_have_no_count() -> None:
    ev = one("Dozens of civilians were killed in RSF attacks on El Fasher.")
    assert ev.killed is not None
    assert ev.killed.count is None
    assert ev.killed.text == "Dozens"


def test_a_toll_sentence_without_an_attack_word_is_an_assault() -> None:
    ev = one("Seven soldiers were killed in Kashmir on Sunday.")
    assert ev.type is EventType.ASSAULT
    assert ev.killed is not None
    assert ev.killed.count == 7


# ------------------------------------------------------------------------------ stage


def test_the_stage_can_be_removed_and_extended() -> None:
    text = "Hundreds of workers staged a walkout in Yangon."
    assert parse_article(text, pipeline=default_pipeline().without("events")).events == ()
    p = default_pipeline().replace(
        "events", EventParser(extra_triggers=[{"type": "protest", "words": ["staged a walkout"]}])
    )
    assert [e.type.value for e in parse_article(text, pipeline=p).events] == ["protest"]


def test_a_bad_lexicon_is_a_typed_error() -> None:
    with pytest.raises(GazetteerError):
        EventLexicon.default().extend([{"type": "assault", "words": ["x"], "mode": "laser"}])
    with pytest.raises(GazetteerError):
        EventLexicon.default().extend([{"type": "dance", "words": ["x"]}])


def test_a_headline_and_a_quote_are_not_events() -> None:
    text = 'Russia And Ukraine Hold Talks\n\n"We struck their bases," the commander said.'
    assert evs(text) == []


def test_proposal_link() -> None:
    text = (
        "The United States proposed a plan that would freeze the front line. "
        "Ukraine and the United States held talks on the plan in Riyadh on Sunday."
    )
    art = parse_article(text)
    talks = [e for e in art.events if e.type is EventType.CONSULT]
    assert talks
    assert all(e.span.of(text) in text for e in talks)
    ids = {p.id for p in art.proposals}
    assert all(e.proposal_id is None or e.proposal_id in ids for e in art.events)


# ------------------------------------------------------------------------------ properties


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(events())
def test_event_round_trips_through_json(ev: Event) -> None:
    assert from_json(to_json(ev), Event) == ev


_WORDS = st.sampled_from(
    [
        "Russia",
        "struck",
        "killed",
        "35",
        "at least",
        "talks",
        "met",
        "will",
        "not",
        "Kyiv",
        "ceasefire",
        "agreed",
        "to",
        "withdraw",
        "by",
        "Qatar",
        "in",
        "Doha",
        ",",
        ".",
        "\n",
        '"',
        "the",
        "hosted",
        "dozens",
        "wounded",
        "shelling",
        "of",
        "on",
        "Sunday",
        "if",
    ]
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_WORDS, max_size=80).map(" ".join))
def test_the_stage_terminates_on_adversarial_text_and_spans_are_inside(text: str) -> None:
    art = parse_article(text)
    for e in art.events:
        assert 0 <= e.span.start < e.span.end <= len(text)
        for cas in (e.killed, e.wounded):
            if cas is not None:
                assert text[cas.span.start : cas.span.end] == cas.text


def test_mode_must_be_one_of_the_types_plover_modes() -> None:
    from conflictmodel import Span
    from conflictmodel.errors import ValidationError

    assert EventType.ASSAULT.modes == tuple(plover_modes()["assault"])
    Event(id="e", type="assault", mode="drone", span=Span(start=0, end=1))
    with pytest.raises(ValidationError, match="not a PLOVER mode of consult"):
        Event(id="e", type="consult", mode="drone", span=Span(start=0, end=1))
    with pytest.raises(ValidationError, match="its modes: none"):
        Event(id="e", type="agree", mode="visit", span=Span(start=0, end=1))


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(events())
def test_strategy_events_have_valid_modes(ev: Event) -> None:
    assert ev.mode is None or ev.mode in ev.type.modes


# ------------------------------------------------------------------------------ one event per
# happening: tolls told later, references back, generic mentions, topics


def test_a_toll_in_the_next_sentence_is_the_attacks_toll() -> None:
    text = (
        "Russian drones struck an apartment block in Kramatorsk on Sunday night.\n"
        "Four people were killed and 12 wounded, the regional governor said."
    )
    ev = one(text, published="2025-06-02")
    assert ev.type is EventType.ASSAULT
    assert ev.killed is not None
    assert ev.killed.count == 4
    assert ev.killed.span.of(text) == "Four"
    assert ev.wounded is not None
    assert ev.wounded.count == 12


def test_a_casualty_word_before_a_noun_is_no_toll() -> None:
    assert evs("Aid workers carried wounded children to a clinic in Goma.") == []


def test_ceasefire_nouns_are_typed_by_what_happened_to_them() -> None:
    declared = one("A ceasefire announced by the RSF in Darfur last week was short-lived.")
    assert declared.type is EventType.CONCEDE
    reached = one("A truce between the Houthis and Saudi Arabia had been reached in April 2022.")
    assert reached.type is EventType.AGREE
    held = one("A truce between Armenia and Azerbaijan took effect in Karabakh on Saturday.")
    assert held.type is EventType.RETREAT
    assert held.mode == "ceasefire"
    # A reference to one is no event.
    assert evs("Rebels accused the army of a violation of the truce in North Kivu.") == []


def test_a_generic_event_noun_is_no_event() -> None:
    text = "Negotiations are the only way out of the crisis, analysts say. Fighting is no answer."
    assert evs(text) == []


def test_the_aim_of_an_effort_is_no_event() -> None:
    assert evs("Qatar and Egypt pressed on with efforts to revive a ceasefire in Gaza.") == []


def test_a_signing_told_again_is_one_event_and_another_partys_is_another() -> None:
    text = (
        "Ethiopia and Eritrea signed a peace deal in Jeddah on Sunday.\n"
        "Eritrean President Isaias Afwerki signed the deal after months of talks.\n"
        "Ethiopia's parliament ratified the deal on Thursday."
    )
    found = [e for e in evs(text) if e.type is EventType.SUPPORT]
    assert [e.trigger for e in found] == ["signed", "ratified"]


def test_what_a_text_is_about_is_no_event() -> None:
    text = "Read our live coverage of the war in Sudan and the latest developments on the talks."
    assert evs(text) == []


def test_phrases_that_name_no_event() -> None:
    found = evs("Ukraine and Russia exchanged 90 prisoners of war on Friday.")
    assert [e.type.value for e in found] == ["retreat"]
    assert evs("A court in The Hague charged the former commander with war crimes.") == []


def test_a_superlative_describes_the_attack_just_told() -> None:
    ev = one(
        "Russian missiles hit Odesa on Monday, killing five people, in one of the deadliest "
        "attacks on the city this year."
    )
    assert ev.killed is not None
    assert ev.killed.count == 5


# ------------------------------------------------------------------------------ places


def test_the_place_inside_a_possessive_is_the_more_precise_one() -> None:
    ev = one("Pakistani jets struck militant hideouts in Afghanistan's Khost province overnight.")
    assert ev.place is not None
    assert "Khost" in ev.place.name


def test_the_capital_of_a_demonym_is_the_capital() -> None:
    ev = one("Heavy fighting broke out in the Libyan capital between rival militias on Monday.")
    assert ev.place is not None
    assert ev.place.name == "Tripoli"


def test_the_dateline_is_the_place_only_when_the_sentence_names_none() -> None:
    text = (
        "GOMA, Congo (Reuters) — M23 rebels shelled the airport on Monday, residents said.\n"
        "Government troops later shelled rebel positions in Sake."
    )
    first, second = evs(text)
    assert first.place is not None
    assert first.place.name == "Goma"
    assert second.place is not None
    assert second.place.name == "Sake"


def test_there_is_the_place_last_named() -> None:
    text = (
        "Russia sent troops to the Kursk region in August.\n\n"
        "Officials said Moscow still keeps about 50,000 soldiers there."
    )
    found = evs(text)
    assert [e.type.value for e in found] == ["mobilize", "mobilize"]
    assert found[1].place is not None
    assert "Kursk" in found[1].place.name


def test_a_city_gets_its_iso_region() -> None:
    ev = one("Sudanese army drones struck a fuel depot in Nyala on Tuesday.")
    assert ev.place is not None
    assert ev.place.name == "Nyala"
    assert ev.place.country == "SD"


def test_an_attack_with_no_place_gets_the_country_the_article_is_about() -> None:
    text = (
        "Myanmar's junta has lost control of large parts of Myanmar since the 2021 coup.\n"
        "Junta aircraft bombed a school on Friday, killing 20 children."
    )
    bombing = [e for e in evs(text) if e.trigger == "bombed"]
    assert bombing
    assert bombing[0].place is not None
    assert bombing[0].place.country == "MM"


# ------------------------------------------------------------------------------ types


def test_types_by_the_codebook() -> None:
    # Hosting foreign troops is MOBILIZE, not a meeting.
    assert one("Belarus has hosted thousands of Russian troops since 2022.").type.value == (
        "mobilize"
    )
    # A missile fired into the sea is a show of force, not an attack.
    test = one("North Korea fired two ballistic missiles into the sea on Thursday.")
    assert (test.type.value, test.mode) == ("mobilize", "weapons")
    # An aid package announced is a promise of aid (AGREE).
    assert one("Japan announced a new aid package for Ukraine on Tuesday.").type.value == "agree"
    # Expelling foreign troops is SANCTION expel.
    ev = one("Niger's junta ordered the expulsion of French troops in 2023.")
    assert (ev.type.value, ev.mode) == ("sanction", "expel")


def test_the_town_is_the_place_just_named_and_an_unknown_object_is_a_place() -> None:
    text = (
        "KINSHASA, Congo — M23 rebels seized Walikale on Wednesday.\n\n"
        "Congolese army drones later struck the town, residents said."
    )
    found = evs(text)
    assert [e.place.name if e.place else None for e in found] == ["Walikale", "Walikale"]


def test_an_event_dated_after_the_article_is_planned() -> None:
    ev = one(
        "Armenian and Azerbaijani diplomats hold talks in Abu Dhabi on March 20, 2025.",
        published="2025-03-10",
    )
    assert ev.status is EventStatus.PLANNED
    assert ev.type is EventType.AGREE


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        (
            "Georgian riot police dispersed protesters outside parliament in Tbilisi on Sunday.",
            "assault",
            "crowd-control",
        ),
        (
            "A Bosnian court sentenced Milorad Dodik to a year in prison in Sarajevo in February.",
            "sanction",
            "convict",
        ),
        ("Somalia withdrew its ambassador from Addis Ababa in January.", "sanction", "withdraw"),
        ("Eritrea has been mobilising troops along the border with Tigray.", "mobilize", "troops"),
    ],
)
def test_more_codebook_types(text: str, etype: str, mode: str) -> None:
    ev = one(text)
    assert (ev.type.value, ev.mode) == (etype, mode)


def test_a_request_a_pledge_not_to_and_an_envoy() -> None:
    asked = one("Guyana asked the UN Security Council to meet on Friday.")
    assert (asked.type.value, asked.mode) == ("request", "meet")
    pledge = one("Armenia and Azerbaijan pledged not to use force at the border.")
    assert pledge.type is EventType.AGREE
    envoy = one("The African Union sent envoys to Juba on Monday.")
    assert (envoy.type.value, envoy.mode) == ("consult", "visit")
    assert envoy.place is not None
    assert envoy.place.name == "Juba"
    island = one("The two presidents met on the Caribbean island of St Vincent in December.")
    assert island.place is not None
    assert island.place.name == "St Vincent"


def test_ahead_of_a_summit_and_an_invitation_are_not_meetings_yet() -> None:
    found = evs("Ministers gathered in Brussels ahead of a NATO summit in The Hague.")
    summit = [e for e in found if e.trigger == "summit"]
    assert summit
    assert summit[0].status is EventStatus.PLANNED
    assert summit[0].type is EventType.AGREE
    invite = one("Vladimir Putin invited Donald Trump to visit Moscow.")
    assert invite.type is EventType.AGREE
    assert not invite.happened


def test_a_party_the_gazetteer_does_not_know_still_makes_an_event_specific() -> None:
    assert evs("Clashes have become more frequent.") == []
    ev = one("Clashes between Tahrir and Nour fighters have become more frequent.")
    assert ev.type is EventType.ASSAULT


# ------------------------------------------------------------------ unseen-text patterns (s3)


def test_a_fronted_place_and_a_city_inside_a_region() -> None:
    met = one("At Entebbe, Ugandan and Congolese officers met on Friday to plan joint patrols.")
    # One meeting: planning joint patrols is what it was for, not a second event.
    assert met.type is EventType.CONSULT
    assert met.place is not None
    assert met.place.name == "Entebbe"
    shell = one("Militiamen shelled a clinic in Makiivka on Monday.")
    assert shell.place is not None
    assert shell.place.name in {"Makiivka", "Makiyivka"}


def test_an_attack_on_a_named_country_is_placed_there_before_the_last_place() -> None:
    found = evs("Drones struck Odesa overnight. Later, Ukraine attacked Russian oil depots.")
    assert [e.place.name if e.place else None for e in found] == ["Odesa", "Russia"]


def test_a_purpose_infinitive_is_part_of_its_event() -> None:
    ev = one("Kenya sent 400 police officers to Haiti to attack gang strongholds.")
    assert ev.type is EventType.MOBILIZE


def test_a_conditional_offer_and_its_condition_are_not_events() -> None:
    assert evs("The M23 said it would pull out of Walikale if Kinshasa opened direct talks.") == []
    # Without the condition it is a promised retreat (PLOVER: CONCEDE).
    ev = one("The M23 said it would pull out of Walikale next week.")
    assert ev.type is EventType.CONCEDE


def test_the_terms_of_a_deal_already_told_are_not_new_events() -> None:
    text = (
        "Serbia and Kosovo signed an accord in Brussels on Saturday. Under the accord, both "
        "sides agreed to open border crossings."
    )
    assert [e.type.value for e in evs(text)] == ["support"]


def test_a_dated_war_a_taken_town_and_a_kind_of_event() -> None:
    war = one("Relations never recovered from a 1998 war between Eritrea and Ethiopia.")
    assert war.type is EventType.ASSAULT
    taken = one("Al-Shabaab fighters have taken two villages near Beledweyne.")
    assert (taken.type, taken.place.name if taken.place else None) == (
        EventType.ASSAULT,
        "Beledweyne",
    )
    hit = one(
        "A Houthi missile hit a tanker off Hodeidah on Friday, the latest in a string of "
        "attacks on vessels."
    )
    assert hit.trigger == "hit"


def test_a_participle_after_a_preposition_describes_a_noun() -> None:
    found = evs("A party formed by ousted ministers staged protests in Niamey.")
    assert EventType.COERCE not in {e.type for e in found}


def test_a_toll_with_a_place_and_date_of_its_own_is_another_attack() -> None:
    found = evs(
        "Jets bombed Idlib province on Monday. One bomb, on a bakery in Ariha on Tuesday, "
        "killed nine people."
    )
    assert [
        (e.place.name if e.place else None, e.killed.count if e.killed else None) for e in found
    ] == [("Idlib", None), ("Ariha", 9)]
    same = one("Jets bombed Idlib province on Monday. Nine people were killed.")
    assert same.killed is not None
    assert same.killed.count == 9


def test_background_wars_and_long_promises() -> None:
    assert evs("Thousands of families displaced during the war returned to Kherson.") == []
    ev = one("The rebel leader promised to end nearly 40 years of conflict in Casamance.")
    assert ev.type is EventType.AGREE


def test_a_warning_of_a_future_attack_is_a_threat() -> None:
    ev = one(
        "The Polisario warned that it would target Moroccan positions if the blockade continued."
    )
    assert ev.type is EventType.THREATEN
    hit = one("The Houthis warned on Tuesday that they would target American warships.")
    assert hit.type is EventType.THREATEN


def test_efforts_to_revive_talks_and_a_named_operation() -> None:
    assert evs("Qatar and Egypt are trying to revive talks between Israel and Hamas.") == []
    op = one("Rebels launched Operation Sunrise in North Kivu on Monday.")
    assert op.place is not None
    assert op.place.name == "North Kivu"


def test_a_toll_taken_in_the_attack_just_told() -> None:
    ev = one(
        "Russian drones struck Kharkiv on Sunday, officials said, adding that two people were "
        "killed in attacks on the city centre."
    )
    assert ev.killed is not None
    assert ev.killed.count == 2


def test_adjectival_participles_coordinated_infinitives_and_a_governing_verb() -> None:
    ev = one(
        "General Hemedti's forces launched an assault on the internationally recognised "
        "government in Khartoum."
    )
    assert ev.type is EventType.ASSAULT
    text = "Analysts questioned the ability of the army to regroup and deploy reinforcements."
    assert evs(text) == []
    text = (
        "Most of the Tuareg groups that signed the Algiers accord in 2015 announced the "
        "suspension of their participation on Friday."
    )
    signed, suspended = evs(text)
    assert signed.span.of(text).endswith("in 2015")
    assert suspended.span.of(text).startswith("announced the suspension")


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Artillery duels along the Line of Control killed 12 soldiers last week.", "assault"),
        ("A truce announced by the army took hold at dawn on Sunday.", "retreat"),
        ("Addis Ababa ruled out talks with the Fano militia.", "reject"),
        ("The directors general of military operations spoke by phone on Monday.", "consult"),
        ("Egypt has offered to host a meeting of the two sides.", "agree"),
        ("The junta ordered 2,000 troops to the border with Thailand.", "mobilize"),
        ("The government released 40 activists from prison on Monday.", "retreat"),
        ("The junta signed the 2015 peace agreement with eight armed groups.", "support"),
    ],
)
def test_diplomacy_and_force_on_unseen_wording(text: str, etype: str) -> None:
    assert one(text).type.value == etype


def test_states_of_affairs_risks_and_readiness_are_not_events() -> None:
    assert evs("Negotiations with the rebels remain frozen.") == []
    assert evs("The move threatens to derail the peace process.") == []
    ready = one("Khartoum said it was ready for negotiations in Jeddah.")
    assert not ready.happened


def test_the_area_is_the_place_named_before_it() -> None:
    text = (
        "Rebels overran a garrison near Kassala on Monday. Warplanes later bombed the area, and "
        "Egypt sent troops to Port Sudan."
    )
    places = [e.place.name if e.place else None for e in evs(text)]
    assert places == ["Kassala", "Kassala", "Port Sudan"]
    sea = one("The navy has stationed warships in the eastern Mediterranean.")
    assert sea.place is not None
    assert sea.place.name == "Mediterranean"


def test_an_object_stays_with_its_verb_before_a_since_clause() -> None:
    text = (
        "Pakistan expelled two Indian diplomats and closed the Wagah crossing since the "
        "bombing in Quetta."
    )
    closed = next(e for e in evs(text) if e.type is EventType.COERCE)
    assert closed.span.of(text).endswith("Wagah crossing")


@pytest.mark.parametrize(
    "text",
    [
        "China scrambled fighter jets near the Taiwan Strait on Sunday.",
        "Azerbaijan moved artillery towards the Armenian border on Tuesday.",
        "Russia has stepped up its military presence in Transnistria.",
        "The militia recruited fighters in Darfur last month.",
    ],
)
def test_shows_of_force_short_of_violence_are_mobilize(text: str) -> None:
    assert one(text).type is EventType.MOBILIZE


def test_questions_and_conditions_with_once_report_nothing() -> None:
    assert evs("Who signed the deal? Will the envoy travel to Juba?") == []
    assert evs("Baku said it would ratify the treaty once Yerevan amends its constitution.") == []


def test_shooting_down_drones_and_a_capital_struck() -> None:
    assert one("Ukraine's air defences shot down 40 Russian drones overnight.").type is (
        EventType.ASSAULT
    )
    hit = one("Israeli jets struck Beirut on Sunday.")
    assert hit.place is not None
    assert (hit.place.name, hit.place.kind.value) == ("Beirut", "city")


def test_a_place_named_in_the_event_wins_over_the_where_antecedent() -> None:
    text = "Fighting spread to North Darfur, where the RSF attacked Kutum on Friday."
    attack = next(e for e in evs(text) if e.trigger == "attacked")
    assert attack.place is not None
    assert attack.place.name == "Kutum"


def test_a_venue_before_a_meeting_noun_and_names_that_are_no_places() -> None:
    ev = one("The Doha talks between the two sides ended without a deal.")
    assert ev.place is not None
    assert ev.place.name == "Doha"
    met = one("The two delegations met in the Joint Border Commission on Tuesday.")
    assert met.place is None
    paid = one("The Malian junta is paying US$10 million a month to the mercenaries.")
    assert paid.place is None or paid.place.name != "US"


def test_one_promise_with_two_infinitives_and_a_subject_before_its_verb() -> None:
    text = "Russia and Ukraine agreed to exchange prisoners and to continue talks in Istanbul."
    ev = one(text)
    assert ev.span.of(text).endswith("in Istanbul.")
    assert one("The ministers pledged to boost trade and to hold joint exercises.").type is (
        EventType.AGREE
    )
    # A determined subject before a finite verb does not make the verb an event noun.
    assert one("The two sides agreed to a ceasefire.").type is EventType.AGREE


def test_a_broken_truce_a_signed_deal_and_a_collapsed_ceasefire() -> None:
    # CAMEO 196 "violate ceasefire" is PLOVER ASSAULT; signing is SUPPORT.
    assert one("RSF fighters violated the truce in El Fasher on Sunday.").type is (
        EventType.ASSAULT
    )
    assert one("The two governments inked a border deal in Tashkent.").type is EventType.SUPPORT
    assert evs("The ceasefire collapsed in March.") == []


def test_tests_parades_and_funding_and_a_second_verb_after_a_noun() -> None:
    test = one(
        "North Korea launched two cruise missiles into the sea off its west coast on Sunday."
    )
    assert test.type is EventType.MOBILIZE
    assert one("The army held a military parade in Naypyitaw.").type is EventType.MOBILIZE
    assert one("The World Bank approved a $500 million loan for Ethiopia.").type is (
        EventType.AGREE
    )
    text = (
        "The UN mission called for an immediate truce and said it had brokered a ceasefire "
        "between the two sides in May."
    )
    brokered = next(e for e in evs(text) if "brokered" in e.span.of(text))
    assert (brokered.type, brokered.happened) == (EventType.AGREE, True)


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        # PLOVER: expelling individuals is COERCE deport, diplomats SANCTION expel.
        ("Burundi expelled two French journalists on Monday.", "coerce", "deport"),
        ("Mali expelled the French ambassador in January.", "sanction", "expel"),
        # PLOVER: cancelling a meeting is REJECT.
        ("Hungary called off a planned visit by the Ukrainian foreign minister.", "reject", "meet"),
    ],
)
def test_codebook_boundaries_of_expulsion_and_cancellation(
    text: str, etype: str, mode: str
) -> None:
    ev = one(text)
    assert (ev.type.value, ev.mode) == (etype, mode)


def test_a_risk_is_no_threat_and_a_future_after_a_relative_clause() -> None:
    text = "The arrest of the vice president threatens to unravel the 2018 peace deal."
    assert EventType.THREATEN not in {e.type for e in evs(text)}
    text = "Talks between Kinshasa and the M23, which stalled in May, are due to resume in Doha."
    ev = one(text)
    assert (ev.type, ev.status) == (EventType.AGREE, EventStatus.PLANNED)


def test_a_condition_of_another_clause_and_the_antecedent_of_where() -> None:
    text = (
        "Gulf states, which had urged the Houthis to accept a truce, threatened to cut funding "
        "if the attacks continued."
    )
    assert [e.type.value for e in evs(text)] == ["agree", "threaten"]
    text = "The envoy flew to Djibouti, where he chaired talks on Somalia's future."
    assert [e.place.name if e.place else None for e in evs(text)] == ["Djibouti", "Djibouti"]
    assert evs("Relations have been frozen since the 2008 war.") == []
