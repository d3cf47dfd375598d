"""One proposal per plan within an article, the PA-X-aligned provision kinds and new phrases."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

from conflictmodel import Proposal, ProvisionKind, parse_article
from conflictmodel.parsers.proposals import find_provisions
from conflictmodel.resources import load_data
from conflictmodel.serialization import from_dict, to_dict
from conflictmodel.strategies import proposals


def kinds(p: Proposal) -> set[str]:
    return {k.value for k in p.provision_kinds}


def test_later_mentions_join_the_plan_with_their_terms() -> None:
    """A plan named once and referred back to paragraphs later is one proposal with every
    term, each with its own span, and the later mentions listed."""
    text = (
        "Egypt presented a plan for a six-week truce in Gaza on Monday.\n\n"
        "Aid agencies said fuel was running out in hospitals across the territory.\n\n"
        "Israeli officials said the plan was under review.\n\n"
        "The plan would also see all hostages released and displaced Gazans return to the north."
    )
    art = parse_article(text)
    assert len(art.proposals) == 1
    (p,) = art.proposals
    assert {"ceasefire", "hostage_release", "return_of_displaced"} <= kinds(p)
    assert p.proposer is not None
    assert p.proposer.id == "state:EG"
    assert len(p.mentions) >= 2
    for m in p.mentions:
        assert text[m.start : m.end].lower().endswith("plan")
    for prov in p.provisions:
        assert text[prov.span.start : prov.span.end] == prov.text


def test_a_new_plan_is_not_the_old_one() -> None:
    """ "a new plan" / "another proposal" is another plan."""
    text = (
        "Qatar put forward a proposal for a prisoner exchange in Yemen. "
        "The Houthis rejected the proposal. "
        "Oman then floated another proposal for reopening Sanaa airport."
    )
    props = parse_article(text).proposals
    assert len(props) == 2
    assert "prisoner_exchange" in kinds(props[0])
    assert props[0].status.value == "rejected"
    assert "humanitarian_access" in kinds(props[1])


def test_same_family_different_proposer_stays_apart() -> None:
    text = (
        "Armenia proposed a plan to open transport links with Azerbaijan. "
        "Azerbaijan's plan calls for a border delimitation commission."
    )
    props = parse_article(text).proposals
    assert len(props) == 2
    assert {p.proposer.id for p in props if p.proposer} == {"state:AM", "state:AZ"}


def test_repeated_ceasefire_reports_are_one_ceasefire() -> None:
    text = (
        "The army and the RSF agreed to a ceasefire in El Fasher on Sunday. "
        "Residents said the ceasefire was holding by nightfall. "
        "Mediators said the ceasefire would be monitored by the African Union."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "ceasefire" in kinds(props[0])


def test_trigger_complement_gives_an_other_provision() -> None:
    """A plan stated only by its aim still says what it is about."""
    text = "The Vatican is working on a plan to reunite Congolese families separated by the war."
    (p,) = parse_article(text).proposals
    assert p.provisions
    prov = p.provisions[0]
    assert text[prov.span.start : prov.span.end] == prov.text
    assert "reunite" in prov.text


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "The plan would have Kyiv cede the rest of the Donetsk region.",
            "territorial_recognition",
        ),
        (
            "The proposal includes a land swap between Armenia and Azerbaijan.",
            "territorial_recognition",
        ),
        ("The draft would recognise Russia's control of Crimea.", "territorial_recognition"),
        ("Under the plan, European troops would be deployed along the line.", "peacekeeping"),
        ("The deal provides for a buffer zone along the Lebanese border.", "demilitarized_zone"),
        ("The plan caps the army at 600,000 troops.", "military_limits"),
        ("The accord includes the integration of M23 fighters into the army.", "force_integration"),
        ("The agreement grants an amnesty to Arakan Army fighters.", "amnesty"),
        ("The roadmap foresees the return of refugees to Rakhine.", "return_of_displaced"),
        ("The deal calls for the dissolution of the Minsk Group.", "political_transition"),
        ("The framework protects the rights of Russian speakers.", "minority_rights"),
        ("The plan sets up a tribunal for war crimes in Darfur.", "accountability"),
        ("The plan covers the Zaporizhzhia nuclear power plant.", "nuclear_safety"),
        ("The treaty provides for the normalisation of relations.", "normalization"),
        ("The accord requires the disarmament of FARC dissidents.", "disarmament"),
        ("The plan includes an autonomy for Western Sahara.", "autonomy"),
    ],
)
def test_new_provision_phrases(sentence: str, kind: str) -> None:
    found = [p.kind.value for p in find_provisions(sentence)]
    assert kind in found, found
    for p in find_provisions(sentence):
        assert sentence[p.span.start : p.span.end] == p.text


def test_every_kind_has_a_pax_entry_and_real_codes() -> None:
    data = load_data("provisions_pax.json")["kinds"]
    assert set(data) == {k.value for k in ProvisionKind}
    for kind in ProvisionKind:
        cats = kind.pax_categories
        assert all(code and name for code, name in cats)
        # A kind without a PA-X category must say its mapping is approximate.
        assert cats or kind.pax_approximate
    assert ("SsrFf", "Withdrawal of foreign forces") in ProvisionKind.WITHDRAWAL.pax_categories
    assert not ProvisionKind.PEACEKEEPING.pax_approximate


def test_old_kind_values_are_kept() -> None:
    """Stores and gold files read the original values."""
    old = {
        "territorial_recognition", "ceasefire", "frontline_freeze", "sanctions_relief",
        "sanctions", "security_guarantees", "nato_membership", "peacekeeping",
        "ceasefire_monitoring", "prisoner_exchange", "hostage_release", "withdrawal",
        "elections", "referendum", "humanitarian_access", "reconstruction", "other",
    }  # fmt: skip
    assert old <= {k.value for k in ProvisionKind}


def test_provision_lexicon_keys_are_kinds_or_labels() -> None:
    """Labels in the shipped lexicon that are not kinds stay ``other`` with that label."""
    labels = set(json.loads(json.dumps(load_data("provisions.json")["provisions"])))
    kind_values = {k.value for k in ProvisionKind}
    assert labels & kind_values >= {"autonomy", "amnesty", "nuclear_safety"}
    for label in sorted(labels - kind_values)[:5]:
        found = find_provisions(
            " ".join(load_data("provisions.json")["provisions"][label][0].replace("*", "").split())
        )
        assert all(p.kind.value != label for p in found)


@settings(max_examples=40, deadline=None)
@given(proposals())
def test_proposals_with_mentions_round_trip(proposal: Proposal) -> None:
    assert from_dict(to_dict(proposal), Proposal) == proposal


def test_a_call_for_terms_is_a_demand() -> None:
    """ "called for a truce and a prisoner exchange" is somebody's demand with those terms;
    a status verb inside what is urged ("to accept") does not make it accepted."""
    text = "The UN envoy for Libya called for a truce and a prisoner exchange during Eid."
    (p,) = parse_article(text).proposals
    assert p.status.value == "demanded"
    assert {"ceasefire", "prisoner_exchange"} <= kinds(p)
    urged = parse_article("Kenya urged both sides in Sudan to accept a truce in El Fasher.")
    (q,) = urged.proposals
    assert q.status.value == "demanded"
    assert "ceasefire" in kinds(q)


def test_a_demand_with_an_aim_is_a_proposal() -> None:
    """A demand whose infinitive states an aim no phrase types still makes a proposal, with
    that aim as an ``other`` provision; an empty aim, or an offer of good offices, does not."""
    text = "Kinshasa called on Kigali to audit the minerals smuggled from North Kivu."
    (p,) = parse_article(text).proposals
    assert p.status.value == "demanded"
    (prov,) = p.provisions
    assert (prov.kind.value, prov.label) == ("other", "stated_aim")
    assert text[prov.span.start : prov.span.end] == prov.text
    assert prov.text.startswith("audit the minerals")
    assert parse_article("The Myanmar junta offered to help.").proposals == ()
    assert parse_article("Uganda offered to host the talks in Kampala.").proposals == ()
    assert parse_article("Colombia called for calm in Catatumbo.").proposals == ()


def test_the_truce_is_the_ceasefire_agreement() -> None:
    """A definite "the truce" after a ceasefire agreement, with no other truce, is that
    agreement; a truce mentioned without an agreement that has a ceasefire is its own."""
    text = (
        "Azerbaijan and Armenia signed an agreement on a ceasefire and the exchange of prisoners. "
        "Observers said the truce was holding on Tuesday."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert {"ceasefire", "prisoner_exchange"} <= kinds(props[0])
    other = parse_article(
        "Azerbaijan and Armenia signed an agreement on the exchange of prisoners. "
        "Separately, Russia brokered a truce in the Lachin corridor."
    ).proposals
    assert len(other) == 2


def test_quantified_plural_proposals_keep_their_proposer() -> None:
    """ "rejected some proposals made by X": X proposes, the subject responds."""
    art = parse_article("Nikol Pashinyan rejected several proposals made by Russia on Syunik.")
    (p,) = art.proposals
    assert p.proposer is not None
    assert p.proposer.id == "state:RU"
    assert p.status.value == "rejected"
    stances = {(x.actor.name, x.stance.value) for x in art.positions}
    assert ("Nikol Pashinyan", "opposes") in stances


def test_the_agreement_is_the_plan_it_adds_nothing_to() -> None:
    """ "the agreement" after a plan, adding no terms, is that plan (now agreed)."""
    text = (
        "Mediators from Qatar presented a plan for the release of hostages held in Gaza. "
        "Israel and Hamas said the agreement would be implemented on Sunday."
    )
    props = parse_article(text).proposals
    assert len(props) == 1
    assert "hostage_release" in kinds(props[0])
