"""How many proposals an article holds: repeated mentions merge, distinct plans stay apart.

Each test is a short article written for the pattern it checks (not taken from any corpus).
"""

from __future__ import annotations

from conflictmodel import Proposal, parse_article


def kinds(p: Proposal) -> set[str]:
    return {k.value for k in p.provision_kinds}


def spans_ok(text: str, p: Proposal) -> None:
    for prov in p.provisions:
        assert text[prov.span.start : prov.span.end] == prov.text


def test_a_continuing_sentence_with_a_truce_is_the_plans_term() -> None:
    """ "Under the accord, the first stage would bring a 45-day truce ...": the truce is a
    term of the accord just proposed, not a second proposal."""
    text = (
        "Kenyan and Ugandan envoys have submitted a two-stage accord to the warring parties "
        "in South Sudan, diplomats said on Monday.\n\n"
        "Under the accord, the first stage would bring a 45-day truce and the release of "
        "all detainees held by both sides."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "ceasefire" in kinds(props[0])
    spans_ok(text, props[0])


def test_two_truces_each_with_its_own_verb_are_two() -> None:
    """Two proposal nouns of one sentence, each with its own status verb and subject."""
    text = (
        "The Malian army declared a three-day truce around Gao on Friday, hours after the "
        "rebel coalition announced a ceasefire of its own."
    )
    props = parse_article(text).proposals
    assert len(props) == 2
    assert all("ceasefire" in kinds(p) for p in props)


def test_one_sentence_naming_two_plans_with_a_is_two_plans() -> None:
    text = (
        "A plan for a truce in Tigray was presented in Nairobi on Monday, while a plan for a "
        "truce in western Oromia was presented in Djibouti."
    )
    props = parse_article(text).proposals
    assert len(props) == 2


def test_an_offer_referred_back_and_a_rival_proposal_after_a_colon() -> None:
    """ "rejected the offer and restated Armenia's proposal: a 60-day truce ...": the
    earlier offer is referred back to; Armenia's proposal is new, and the colon spells out
    its terms (one proposal, not a proposal and a truce)."""
    text = (
        "Azerbaijan offered to reopen the Lachin road to civilian traffic on Tuesday.\n\n"
        "Armenian Foreign Minister Ararat Mirzoyan rejected the offer and restated Armenia's "
        "proposal: a 60-day truce along the border, watched by European monitors."
    )
    props = parse_article(text).proposals
    assert len(props) == 2
    second = props[1]
    assert second.proposer is not None
    assert second.proposer.id == "state:AM"
    assert "ceasefire" in kinds(second)
    spans_ok(text, second)


def test_a_quoted_plan_name_is_not_a_definite_mention() -> None:
    """'unveiled a "shield for Kharkiv" plan' is a new plan even though the quoted name
    holds a "the"-like word; it does not join the ceasefire proposal before it."""
    text = (
        "Ukraine put forward a proposal for a 30-day ceasefire in the air and at sea.\n\n"
        'Nordic leaders unveiled a "coalition of the willing" plan that would station '
        "air-defence crews in western Ukraine after a ceasefire."
    )
    props = parse_article(text).proposals
    assert len(props) == 2


def test_a_partys_terms_spelled_out_after_a_dash() -> None:
    """ "the rebels' terms — ... — have not changed": the terms are a demand whose content
    follows the dash."""
    text = (
        "The Houthis' terms — an end to the blockade of Hodeidah port and the payment of "
        "public salaries — have not changed, their negotiator said."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    (p,) = props
    assert p.status.value == "demanded"
    assert p.proposer is not None
    assert "Houthi" in p.proposer.name
    assert p.provisions
    spans_ok(text, p)


def test_in_terms_of_is_no_proposal() -> None:
    text = "In terms of casualties, the week was the worst in Sudan since April."
    assert parse_article(text).proposals == ()


def test_an_answer_to_a_partys_demands_is_anothers_proposal() -> None:
    """ "To ease Kinshasa's demands, the envoy proposed that ...": the envoy's proposal,
    not more of Kinshasa's demand."""
    text = (
        "Kinshasa has demanded the withdrawal of Rwandan troops from North Kivu.\n\n"
        "To ease Kinshasa's demands, the Angolan envoy proposed that a joint commission "
        "verify the withdrawal of Rwandan troops within 90 days."
    )
    props = parse_article(text).proposals
    assert len(props) == 2
    assert props[1].status.value == "proposed"


def test_a_plan_building_on_another_partys_proposal() -> None:
    """ "The envoys' plan builds on a proposal drafted by Kenya": two plans, the second
    Kenya's."""
    text = (
        "Regional envoys presented a plan for a 30-day truce in South Sudan's Upper Nile "
        "state on Monday.\n\n"
        "The envoys' plan builds on a proposal drafted by Kenya last year, which the "
        "opposition accepted at the time."
    )
    props = parse_article(text).proposals
    assert len(props) == 2
    assert props[1].proposer is not None
    assert props[1].proposer.id == "state:KE"


def test_a_refusal_until_a_condition_is_a_demand() -> None:
    """ "would not negotiate until the army lifted the siege": the condition is demanded."""
    text = (
        "The Kachin Independence Army said on Sunday it would not negotiate until the "
        "military lifted its blockade of Bhamo and freed detained civilians."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    (p,) = props
    assert p.status.value == "demanded"
    assert p.provisions
    spans_ok(text, p)


def test_would_only_consider_a_truce_if_is_a_conditional_offer() -> None:
    text = (
        "Somalia's president said his government would only consider a truce with "
        "al-Shabaab if the group cut its ties with al-Qaeda."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    (p,) = props
    assert "ceasefire" in kinds(p)
    assert p.conditions


def test_a_proposal_for_a_truce_after_an_appositive_is_one_proposal() -> None:
    """ "a proposal by the troika — Norway, Britain and the US — for a 60-day truce": the
    truce is what the proposal is for."""
    text = (
        "Sudan's army rejected a proposal by the troika — Norway, Britain and the United "
        "States — for a 60-day truce in Kordofan."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert props[0].status.value == "rejected"
    assert "ceasefire" in kinds(props[0])


def test_a_plan_noun_then_an_attribution_then_its_terms() -> None:
    """ "The 12-point draft, according to two diplomats, would ...": the terms after the
    attribution are the draft's."""
    text = (
        "Ethiopia handed Eritrea a draft border accord on Tuesday.\n\n"
        "The 12-point draft, according to two diplomats who have seen it, would oblige "
        "Ethiopia to withdraw its troops from Badme within six months."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "withdrawal" in kinds(props[0])


def test_a_cessation_of_hostilities_and_a_pause_in_fighting_are_truces() -> None:
    for text in (
        "The African Union brokered a cessation of hostilities between the TPLF and the "
        "federal government on Wednesday.",
        "In Sudan, the RSF announced a pause in fighting around El Obeid for Eid.",
    ):
        props = parse_article(text).proposals
        assert len(props) == 1, text


def test_a_refusal_unless_a_condition_is_a_demand() -> None:
    """ "will not disarm unless Israel stops its strikes": the unless-clause is what is
    demanded (not a condition masked away)."""
    text = (
        "Hezbollah's leader said the group will not disarm unless Israel stops its daily strikes."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    (p,) = props
    assert p.status.value == "demanded"
    assert any("Israel stops" in v.text for v in p.provisions)
    spans_ok(text, p)


def test_a_refusal_until_a_date_is_no_demand() -> None:
    text = "The junta said it would not negotiate until the end of the monsoon season."
    assert parse_article(text).proposals == ()


def test_the_ceasefire_with_no_earlier_mention_is_a_ceasefire() -> None:
    """An article that speaks of "the ceasefire" without introducing it still reports one
    (and its later mentions are the same one)."""
    text = (
        "Residents of Goma said the ceasefire had brought the first quiet nights in months. "
        "Aid workers said the ceasefire let them reach Sake for the first time since January."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "ceasefire" in kinds(props[0])


def test_a_new_plan_and_a_dated_accord_in_one_clause_stay_two() -> None:
    """What precedes the second proposal noun of a clause is the first one's: the accord
    does not take the plan's aim, so the two are not merged as repeats."""
    text = (
        "Mauritania has presented a new plan to reopen talks between Morocco and the "
        "Polisario Front, four years after the Polisario quit a 1991 truce brokered by the UN."
    )
    props = parse_article(text).proposals
    assert len(props) == 2
    assert any("other" in kinds(p) for p in props)


def test_a_plan_that_is_the_subject_of_proposes_is_one_proposal() -> None:
    """ "The Kenyan initiative, welcomed by X, proposes a truce ...": the initiative and what
    it proposes are one proposal, and a later "Kenya's plan" is the same."""
    text = (
        "Kenya has unveiled a new initiative for South Sudan.\n\n"
        "The Kenyan initiative, welcomed by the opposition as a start, proposes a 30-day "
        "truce in Upper Nile and an exchange of prisoners.\n\n"
        "Juba said Kenya's plan needed more work."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert {"ceasefire", "prisoner_exchange"} <= kinds(props[0])


def test_a_partys_demand_under_a_negated_verb_still_exists() -> None:
    """ "does not meet the rebels' demand for autonomy": the demand is there; only "no
    deal"-like negation of the noun itself removes it."""
    text = (
        "The junta offered the Karen rebels a three-month truce on Monday. "
        "The offer does not meet the Karen rebels' demand for autonomy in Kayin State."
    )
    props = parse_article(text).proposals
    assert len(props) == 2
    assert props[1].status.value == "demanded"
    assert parse_article("There is not a deal on the table in Kayin State.").proposals == ()


def test_a_demand_whose_object_is_a_noun_phrase() -> None:
    """ "demanded unimpeded passage for fuel convoys to Mekelle": the object is the demand."""
    text = "Tigrayan officials demanded unimpeded passage for fuel convoys to Mekelle."
    props = parse_article(text).proposals
    assert len(props) == 1
    (p,) = props
    assert p.status.value == "demanded"
    spans_ok(text, p)
    for text in (
        "Thousands fled toward Chad, seeking shelter with relatives across the border.",
        "The bishop called for calm.",
    ):
        assert parse_article(text).proposals == (), text


def test_two_demands_joined_by_and_are_two() -> None:
    """ "called for X and urged Y to Z": two demands of one party, each with its terms."""
    text = (
        "The Arab League called for a UN-run referendum in Western Sahara and urged the "
        "Security Council to name a new personal envoy for the territory."
    )
    props = parse_article(text).proposals
    assert len(props) == 2
    assert "referendum" in kinds(props[0])
    assert "referendum" not in kinds(props[1])
    for p in props:
        spans_ok(text, p)


def test_pledges_and_commitments_are_proposals() -> None:
    """A pledge with terms ("pledged to withdraw its troops") and a party's commitment
    ("Kenya's commitment to send police officers") are proposals; a pledge without terms is
    not."""
    text = "Ethiopia pledged to withdraw its troops from Somalia's Gedo region by March."
    (p,) = parse_article(text).proposals
    assert "withdrawal" in kinds(p)
    assert p.status.value == "proposed"
    text = "Kenya's commitment to send 1,000 police officers to Haiti was confirmed by Ruto."
    (p,) = parse_article(text).proposals
    assert p.proposer is not None
    assert parse_article("The minister said he was committed to peace.").proposals == ()


def test_an_offer_framed_by_the_plan_after_it_is_the_plans_term() -> None:
    """ "offered X, as part of a plan presented to mediators": one proposal, the plan."""
    text = (
        "Mali's junta offered an amnesty to separatist fighters who surrender, as part of a plan "
        "presented to Algerian mediators on Monday."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert props[0].trigger == "plan"
