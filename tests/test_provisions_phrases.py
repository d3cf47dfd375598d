"""The provision lexicon on general English phrasings of deal terms (verb + object, noun
phrases), and words that only look like terms (a capital, endorsed sanctions, the east)."""

from __future__ import annotations

import pytest

from conflictmodel.parsers.proposals import find_provisions


def kinds(text: str) -> list[str]:
    return [p.label or p.kind.value for p in find_provisions(text)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The militia would vacate the towns it seized last spring.", "withdrawal"),
        ("Under the plan, Eritrean troops would pull back to the border.", "withdrawal"),
        (
            "Both sides agreed to open corridors so that civilians can leave Sennar.",
            "humanitarian_access",
        ),
        ("The group pledged to free abducted schoolgirls held in the forest.", "hostage_release"),
        ("Presidential and legislative polls would follow within a year.", "elections"),
        ("The parties would agree an electoral roadmap by March.", "elections"),
        ("The junta promised parliamentary polls once the fighting ends.", "elections"),
        ("Combatants would hand in their weapons at collection points.", "disarmament"),
        ("The fighters would be cantoned in three camps before demobilisation.", "disarmament"),
        ("The government wants to dismantle the militias that fought alongside it.", "disarmament"),
        ("The accord would bring all arms under state control.", "disarmament"),
        ("Fighters who confess would receive reduced sentences.", "accountability"),
        ("Georgia would stay out of NATO for twenty years.", "nato_membership"),
        ("Moldova would remain outside the alliance under the deal.", "nato_membership"),
        ("A joint military commission would investigate violations.", "joint_commission"),
        ("Protesters want statehood restored to the former state.", "autonomy"),
        ("The deal would end the blockade of the port of Hodeidah.", "sanctions_relief"),
        ("Moscow insists it would keep control of the land bridge.", "territorial_recognition"),
        ("Rebels would be allowed to keep the territory they hold.", "territorial_recognition"),
        ("Both armies would hold fire along the river from Sunday.", "ceasefire"),
        ("The plan foresees a pause in hostilities during the harvest.", "ceasefire"),
        ("Armenia demands an end to the occupation of its border villages.", "withdrawal"),
        ("The deal would bring the troops home within a year.", "withdrawal"),
        ("It calls for a phased withdrawal over six months.", "withdrawal"),
        ("The truce would allow aid to reach besieged towns.", "humanitarian_access"),
        ("Medical evacuations of the wounded would resume.", "humanitarian_access"),
        ("Kyiv rules out land concessions.", "territorial_recognition"),
        ("Serbia would never accept a plan to redraw the borders.", "territorial_recognition"),
        ("Moscow demands the federalisation of the country.", "autonomy"),
        ("The demands include the denazification of the government.", "denazification"),
        ("Leaders agreed on freedom of movement across the ceasefire line.", "freedom_of_movement"),
        ("Both sides would open new crossing points in the buffer zone.", "freedom_of_movement"),
        (
            "The accord bans foreign troops from the territory; no NATO forces would be based there.",
            "foreign_forces_ban",
        ),
        # PA-X: rebel group to political party; integration into the civil service.
        (
            "The movement would register as a political party after disarming.",
            "political_participation",
        ),
        ("Ex-combatants would be integrated into the civil service.", "civil_service_integration"),
    ],
)
def test_general_phrasings(text: str, kind: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "cap*" once read the capital and captured villages as caps on an army.
        ("Rebels shelled the capital, which is still held by the army.", "military_limits"),
        ("Villages captured by the army were looted.", "military_limits"),
        # "end*" once read "endorsed", "eas*" once read "eastern".
        ("Ministers endorsed new sanctions on the militia leaders.", "sanctions_relief"),
        ("Fighting in the eastern provinces continued despite sanctions.", "sanctions_relief"),
        # Handing a state its own crossings is no cession of territory.
        ("The SDF would hand over control of oil fields to Damascus.", "territorial_recognition"),
        # Plural "polls" alone are opinion surveys.
        ("Polls show the government losing support.", "elections"),
        ("The electoral commission said turnout was low.", "elections"),
        ("The ruling party won seats in parliament last year.", "political_participation"),
        # Past retreats are events, not terms.
        ("Soldiers retreated from the town in May.", "withdrawal"),
        ("The flow of refugees rose sharply.", "humanitarian_access"),
    ],
)
def test_words_that_only_look_like_terms(text: str, kind: str) -> None:
    assert kind not in kinds(text)
