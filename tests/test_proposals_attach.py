"""Provisions attached to the proposal they belong to when the article states them after the
plan: a bulleted or numbered list, a sentence opened by "Under the plan," and the modal
sentences that follow a plan ("troops are to pull back").  Articles written for these tests."""

from __future__ import annotations

import pytest

from conflictmodel import parse_article
from conflictmodel.parsers.proposals import find_provisions


def kinds_of(text: str) -> list[set[str]]:
    return [{k.value for k in p.provision_kinds} for p in parse_article(text).proposals]


def test_a_bulleted_list_after_a_plan_is_its_terms() -> None:
    text = (
        "NAIROBI — Kenyan and Ethiopian mediators handed a 12-point framework to the two "
        "Sudanese delegations on Monday.\n\n"
        "The main points:\n"
        "• A truce would take hold across Kordofan within 72 hours.\n"
        "• Paramilitary units would withdraw from El Obeid and Babanusa.\n"
        "• Relief agencies would get unimpeded access to the besieged towns.\n"
        "• Elections would be held after a two-year transition.\n\n"
        "Neither delegation has answered yet."
    )
    got = kinds_of(text)
    assert len(got) == 1
    assert {"ceasefire", "withdrawal", "humanitarian_access", "elections"} <= got[0]


def test_a_numbered_list_is_read_the_same_way() -> None:
    text = (
        "Qatar circulated a draft agreement between Kinshasa and the M23 this week. "
        "It sets out:\n"
        "1. The rebels pull their fighters back from Uvira.\n"
        "2. Captured soldiers are exchanged for jailed rebels.\n"
        "3. A joint commission checks the truce.\n"
        "Residents of Goma said they were sceptical."
    )
    got = kinds_of(text)
    assert len(got) == 1
    assert {"withdrawal", "joint_commission"} <= got[0] | {
        p.label for p in parse_article(text).proposals[0].provisions if p.label
    }


def test_a_list_with_no_plan_before_it_is_no_proposal() -> None:
    text = (
        "Shelling hit three districts of Kharkiv overnight. Damage reported:\n"
        "• A school would be closed for a week.\n"
        "• Troops withdrew from the industrial zone.\n"
    )
    assert kinds_of(text) == []


def test_under_the_plan_governs_the_whole_sentence() -> None:
    text = (
        "Egypt presented a proposal for a truce in Gaza on Sunday. Under the plan, fighting "
        "would pause for 45 days, while Israeli troops would withdraw from the Netzarim "
        "corridor and 20 hostages would be freed, officials said."
    )
    got = kinds_of(text)
    assert len(got) == 1
    assert {"ceasefire", "withdrawal", "hostage_release"} <= got[0]


def test_modal_sentence_after_a_plan_states_its_terms() -> None:
    text = (
        "Yerevan and Baku initialled a peace treaty in Washington on Friday. Azerbaijani "
        "troops are to pull back from positions inside Armenia, and a transitional border "
        "commission would be formed within a year."
    )
    got = kinds_of(text)
    assert len(got) == 1
    assert "withdrawal" in got[0]


def test_a_refusal_after_a_plan_is_not_its_term() -> None:
    text = (
        "Brussels put forward a plan on normalising relations between Belgrade and Pristina. "
        "Serbia's president said Belgrade would never recognise Kosovo as a state."
    )
    got = kinds_of(text)
    assert len(got) == 1
    assert "territorial_recognition" not in got[0]


def test_a_named_declaration_is_not_the_open_plan() -> None:
    text = (
        "Washington and Riyadh submitted a proposal for a three-month humanitarian truce in "
        "Sudan. The army rejected it. Saudi officials said the Jeddah Declaration of 2023 "
        "remained the basis for any talks."
    )
    assert len(parse_article(text).proposals) == 2


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Under the deal, hostilities would cease at dawn on Friday.", "ceasefire"),
        ("The Houthis would suspend attacks on tankers under the offer.", "ceasefire"),
        ("The rebels would halt offensive operations around Bamako.", "ceasefire"),
        ("Both armies must refrain from shelling border villages.", "ceasefire"),
        ("Kyiv wants guarantees from Washington and Berlin.", "security_guarantees"),
        ("Paris would provide Chisinau with guarantees against attack.", "security_guarantees"),
        ("Georgia's army would be capped under the accord.", "military_limits"),
        ("Its forces would be limited to 90,000 personnel.", "military_limits"),
        ("All detainees would be exchanged within a month.", "prisoner_exchange"),
        ("Relief groups would have unhindered access to Tigray.", "humanitarian_access"),
        ("Troops would stay in their current positions around Shusha.", "frontline_freeze"),
        ("Kampala would pull its soldiers out of Ituri.", "withdrawal"),
        ("Baku wants Yerevan to change its constitution first.", "constitutional_reform"),
        ("Islamabad offered an impartial probe into the bombing.", "accountability"),
        ("Guyana wants the International Court of Justice to decide.", "adjudication"),
        ("Moscow demands a withdrawal from four regions it claims.", "withdrawal"),
        ("Under the truce the militia withdrew from three districts.", "withdrawal"),
        ("Both sides pledged not to attack power plants for a month.", "ceasefire"),
        ("Kyiv wants a US backstop for any European force.", "security_guarantees"),
        ("The two sides agreed a detainee swap before Eid.", "prisoner_exchange"),
        ("Both sides set up working groups on the border.", "talks"),
        ("The junta would organise elections after the transition period.", "elections"),
        ("A verification team would check the pullback.", "ceasefire_monitoring"),
        ("UN troops would patrol the corridor.", "peacekeeping"),
        ("Armenia would keep the captured territory under the draft.", "territorial_recognition"),
        ("Washington would delist the group under the deal.", "sanctions_relief"),
    ],
)
def test_more_phrasings_of_terms(sentence: str, kind: str) -> None:
    got = [p.kind.value if p.kind.value != "other" else p.label for p in find_provisions(sentence)]
    assert kind in got


def test_a_plan_that_calls_for_terms_keeps_them() -> None:
    text = (
        "Bogota and the Comuneros del Sur signed a peace accord in Pasto on Tuesday, committing "
        "to a bilateral ceasefire. Church leaders welcomed it. Farmers in Narino were cautious. "
        "The accord also calls for the return of displaced families to their villages."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert {"ceasefire", "return_of_displaced"} <= {k.value for k in props[0].provision_kinds}


def test_agreed_with_a_place_before_the_terms() -> None:
    text = (
        "Armenia and Azerbaijan agreed in Abu Dhabi on Sunday to exchange all detainees held "
        "since 2023, officials said."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "prisoner_exchange" in {k.value for k in props[0].provision_kinds}


def test_a_hyphenated_backer_is_no_stance() -> None:
    text = (
        "The Rwanda-backed rebels agreed at Qatari-hosted talks in Doha to withdraw from "
        "Walikale town."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "withdrawal" in {k.value for k in props[0].provision_kinds}


def test_an_insistence_with_must_is_a_demand() -> None:
    text = "Moscow insists Moldovan troops must pull out of the security zone on the Dniester."
    props = parse_article(text).proposals
    assert len(props) == 1
    assert props[0].status.value == "demanded"


def test_reopened_roads_are_freedom_of_movement() -> None:
    got = [
        (p.kind.value, p.label)
        for p in find_provisions("Both sides would reopen the roads around Taiz.")
    ]
    assert got == [("other", "freedom_of_movement")]


def test_a_participle_after_under_the_deal_describes_it() -> None:
    text = (
        "Khartoum and Juba agreed on Monday to withdraw their forces from Heglig. Under the "
        "deal, brokered in Nairobi, Kenyan peacekeepers would patrol the oil field and a "
        "referendum would decide its status."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert {"withdrawal", "peacekeeping", "referendum"} <= {
        k.value for k in props[0].provision_kinds
    }


def test_an_agreed_line_is_no_agreement() -> None:
    text = (
        "Qatar tabled a plan for Gaza on Monday. Fighting is to stop within a day, and Israeli "
        "troops are to pull back to an agreed line, and all hostages would then be freed."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert {"ceasefire", "withdrawal", "hostage_release"} <= {
        k.value for k in props[0].provision_kinds
    }


def test_a_pledge_to_hold_a_vote_is_a_proposal() -> None:
    text = "Mali's junta said on Tuesday it would hold presidential elections in March 2027."
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "elections" in {k.value for k in props[0].provision_kinds}


def test_in_return_continues_the_plan() -> None:
    text = (
        "Under a memorandum signed in January, Puntland would lease a port to the Emirati navy. "
        "In return, Abu Dhabi would fund the rebuilding of the Bosaso road."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "reconstruction" in {k.value for k in props[0].provision_kinds}


def test_it_included_in_the_past_tense_continues_the_plan() -> None:
    text = (
        "Doha brokered a deal between Kinshasa and the M23 in July. Residents welcomed it. "
        "It included a prisoner exchange overseen by the Red Cross."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "prisoner_exchange" in {k.value for k in props[0].provision_kinds}


def test_a_request_is_a_demand() -> None:
    text = "Armenia has asked for the release of all detainees held in Baku."
    props = parse_article(text).proposals
    assert len(props) == 1
    assert props[0].status.value == "demanded"
    assert "prisoner_exchange" in {k.value for k in props[0].provision_kinds}


def test_a_dateline_is_not_the_proposer() -> None:
    text = (
        "RABAT (Reuters) - The UN Security Council urged the parties on Friday to resume "
        "talks on Western Sahara. Morocco says its autonomy plan is the only basis for a deal."
    )
    props = parse_article(text).proposals
    assert len(props) == 2
    assert props[0].proposer is not None
    assert props[0].proposer.name != "Morocco"


@pytest.mark.parametrize(
    ("sentence", "kind", "status"),
    [
        (
            "Jerusalem has conditioned any truce on the return of all captives.",
            "hostage_release",
            "demanded",
        ),
        ("Bamako has promised an amnesty for fighters who surrender.", "amnesty", "proposed"),
        ("Washington threatened new sanctions on Sudan's army.", "sanctions", "demanded"),
        (
            "Israel will allow aid convoys into Rafah from Sunday.",
            "humanitarian_access",
            "proposed",
        ),
        ("Seoul suggested resuming military talks with the North.", "talks", "proposed"),
        ("Islamabad demanded that Kabul hand over the militants.", "counter_terrorism", "demanded"),
        (
            "Kigali pledged to stop supporting armed groups in Ituri.",
            "non_interference",
            "proposed",
        ),
    ],
)
def test_more_cues_of_offers_and_demands(sentence: str, kind: str, status: str) -> None:
    props = parse_article(sentence).proposals
    assert len(props) == 1
    assert props[0].status.value == status
    assert kind in {
        p.kind.value if p.kind.value != "other" else p.label for p in props[0].provisions
    }


def test_an_accord_which_promised_terms_is_one_proposal() -> None:
    text = (
        "The rebels ran the north for years under the 2015 Algiers accord, which promised "
        "self-rule for the region and the integration of fighters into the army."
    )
    assert len(parse_article(text).proposals) == 1


def test_a_conditional_offer_is_a_proposal_with_its_condition() -> None:
    text = "Kyiv will hold elections only after a ceasefire takes hold, Zelensky said."
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "elections" in {k.value for k in props[0].provision_kinds}
    assert [c.text for c in props[0].conditions] == ["only after a ceasefire takes hold"]


def test_a_negated_conditional_is_no_offer() -> None:
    text = "Yerevan will never change its constitution only because Baku asks, officials said."
    assert parse_article(text).proposals == ()


def test_talks_on_a_term_are_a_proposal_under_negotiation() -> None:
    props = parse_article("Negotiations over a prisoner swap resumed in Istanbul.").proposals
    assert len(props) == 1
    assert props[0].status.value == "under_consideration"
    assert "prisoner_exchange" in {k.value for k in props[0].provision_kinds}


def test_talks_on_a_place_are_no_proposal() -> None:
    text = (
        "Diplomats expect negotiations on Western Sahara to restart, a week before the "
        "council renews the mandate of the UN mission."
    )
    assert parse_article(text).proposals == ()
