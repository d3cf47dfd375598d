"""A held-out check of the events stage: short wire-style articles written for this test (none
taken from the development set), each with the events a careful reader codes (PLOVER types,
one entry per happening, the place it happened).  Scored like ``score_events.py`` scores the
development set: a found event matches a coded one when their evidence overlaps by a third of
the shorter.  The articles were written before the rules they check were changed, and they mix
news with what is not news: generic mentions ("the war", "the fighting"), references back to
an event already told ("the attack came a day after"), tolls told in a later sentence,
speculation and analysis.

Five batches: ``ARTICLES`` (wire stories, written before any rule was changed),
``ARTICLES_2`` (wire stories, written after the first changes and scored before the next),
``ARTICLES_3`` (analysis and explainer style, with headlines, quotes and background; written
after the second round), ``ARTICLES_4`` (diplomacy: talks, deals, their terms and
sanctions; written after the third) and ``ARTICLES_5`` (web pages as scraped: bylines,
captions, "Advertisement", "Key points" lists, related links; written after the fourth).  A batch is looked at in detail only after its figures were taken.
Run ``python tests/test_events_heldout.py -v`` to print the figures and every miss.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from conflictmodel import Event, parse_article

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "sudan",
        "published": "2025-06-09",
        "text": (
            "PORT SUDAN, Sudan (AP) — The Rapid Support Forces shelled a displacement camp "
            "outside El Fasher on Saturday, killing at least 14 people, local volunteers said.\n"
            "The attack came a day after Sudan's army said it had repelled an RSF assault on the "
            "city's southern districts.\n"
            "The war between the army and the RSF erupted in April 2023 and has killed tens of "
            "thousands of people.\n"
            "Army chief Abdel Fattah al-Burhan travelled to Cairo on Sunday for talks with "
            "Egyptian President Abdel Fattah el-Sisi.\n"
            "The United States imposed sanctions on two RSF commanders last month.\n"
            "Aid groups have warned that the fighting could spread to Kordofan."
        ),
        "events": [
            {
                "type": "assault",
                "place": "El Fasher",
                "killed": 14,
                "in_text": "The Rapid Support Forces shelled a displacement camp outside El Fasher on Saturday",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "it had repelled an RSF assault on the city's southern districts",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "The war between the army and the RSF erupted in April 2023",
            },
            {
                "type": "consult",
                "place": "Cairo",
                "in_text": "travelled to Cairo on Sunday for talks with Egyptian President",
            },
            {
                "type": "sanction",
                "place": None,
                "in_text": "The United States imposed sanctions on two RSF commanders last month",
            },
        ],
    },
    {
        "id": "ukraine",
        "published": "2025-05-14",
        "text": (
            "KYIV, Ukraine — Russian missiles hit an energy facility in the Lviv region overnight, "
            "Ukrainian officials said on Wednesday, the latest in a series of strikes on the "
            "country's power grid.\n"
            "Two workers were wounded, regional governor Maksym Kozytskyi said.\n"
            "Ukraine's air force said it shot down 40 of the 62 drones launched by Russia.\n"
            "Separately, Ukraine and Russia swapped 84 prisoners of war in a deal mediated by the "
            "United Arab Emirates.\n"
            "President Volodymyr Zelensky is expected to meet European leaders in Brussels next "
            "week.\n"
            "Kremlin spokesman Dmitry Peskov said Moscow's position had not changed and accused "
            "Kyiv of stalling."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Lviv region",
                "in_text": "Russian missiles hit an energy facility in the Lviv region overnight",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "it shot down 40 of the 62 drones launched by Russia",
            },
            {
                "type": "retreat",
                "place": None,
                "in_text": "Ukraine and Russia swapped 84 prisoners of war",
            },
            {
                "type": "agree",
                "place": "Brussels",
                "in_text": "is expected to meet European leaders in Brussels next week",
            },
        ],
    },
    {
        "id": "gaza",
        "published": "2025-07-23",
        "text": (
            "CAIRO — Israeli airstrikes killed at least 27 Palestinians across the Gaza Strip on "
            "Tuesday, health officials said, as mediators pressed on with efforts to revive a "
            "ceasefire.\n"
            "One strike hit a school sheltering displaced families in Gaza City, the civil defence "
            "agency said.\n"
            "Hamas and Israeli negotiators held indirect talks in Doha last week, but no agreement "
            "was reached.\n"
            "Israel has said it will not end the war until Hamas is disarmed.\n"
            "The war began after Hamas-led militants attacked southern Israel on October 7, 2023, "
            "killing about 1,200 people and taking 251 hostages.\n"
            "Egypt reopened the Rafah crossing on Monday to allow the evacuation of wounded "
            "patients."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Gaza Strip",
                "killed": 27,
                "in_text": "Israeli airstrikes killed at least 27 Palestinians across the Gaza Strip on Tuesday",
            },
            {
                "type": "assault",
                "place": "Gaza City",
                "in_text": "One strike hit a school sheltering displaced families in Gaza City",
            },
            {
                "type": "consult",
                "place": "Doha",
                "in_text": "Hamas and Israeli negotiators held indirect talks in Doha last week",
            },
            {
                "type": "assault",
                "place": "southern Israel",
                "killed": 1200,
                "in_text": "Hamas-led militants attacked southern Israel on October 7, 2023, killing about 1,200 people",
            },
            {
                "type": "retreat",
                "place": "Rafah",
                "in_text": "Egypt reopened the Rafah crossing on Monday",
            },
        ],
    },
    {
        "id": "kashmir",
        "published": "2025-09-12",
        "text": (
            "SRINAGAR, India — Indian and Pakistani troops exchanged fire along the Line of Control "
            "in the Poonch sector on Thursday night, the Indian army said, the first violation of "
            "the truce in months.\n"
            "No casualties were reported.\n"
            "India's defence minister visited forward posts in Rajouri on Friday and reviewed the "
            "security situation.\n"
            "Pakistan's foreign office summoned India's deputy high commissioner to lodge a "
            "protest.\n"
            "The two countries agreed to a ceasefire in May after four days of missile and drone "
            "strikes.\n"
            "Analysts said another crisis could push the nuclear-armed neighbours to war."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Poonch",
                "in_text": "Indian and Pakistani troops exchanged fire along the Line of Control in the Poonch sector",
            },
            {
                "type": "consult",
                "place": "Rajouri",
                "in_text": "India's defence minister visited forward posts in Rajouri on Friday",
            },
            {
                "type": "accuse",
                "place": None,
                "in_text": "Pakistan's foreign office summoned India's deputy high commissioner",
            },
            {
                "type": "agree",
                "place": None,
                "in_text": "The two countries agreed to a ceasefire in May",
            },
            {"type": "assault", "place": None, "in_text": "four days of missile and drone strikes"},
        ],
    },
    {
        "id": "congo",
        "published": "2025-03-20",
        "text": (
            "GOMA, Democratic Republic of Congo (Reuters) — M23 rebels seized the town of Walikale "
            "on Wednesday after clashes with the Congolese army and allied militias, residents "
            "said.\n"
            "The advance takes the Rwanda-backed group further west than it has ever been.\n"
            "Congo's government said the rebels had violated a ceasefire announced last week and "
            "called for sanctions against Rwanda.\n"
            "The rebels captured Goma in January and Bukavu in February.\n"
            "Qatar hosted a meeting between Congolese President Felix Tshisekedi and Rwandan "
            "President Paul Kagame in Doha last month.\n"
            "The fighting has displaced hundreds of thousands of people this year."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Walikale",
                "in_text": "M23 rebels seized the town of Walikale on Wednesday",
            },
            {"type": "concede", "place": None, "in_text": "a ceasefire announced last week"},
            {"type": "assault", "place": "Goma", "in_text": "The rebels captured Goma in January"},
            {"type": "assault", "place": "Bukavu", "in_text": "Bukavu in February"},
            {
                "type": "consult",
                "place": "Doha",
                "in_text": "Qatar hosted a meeting between Congolese President Felix Tshisekedi",
            },
        ],
    },
    {
        "id": "caucasus",
        "published": "2025-08-10",
        "text": (
            "Armenia and Azerbaijan initialled a peace agreement at the White House on Friday, "
            "ending more than three decades of conflict over Nagorno-Karabakh.\n"
            "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev shook "
            "hands after the ceremony, which was hosted by U.S. President Donald Trump.\n"
            "The deal still needs to be signed and ratified by both parliaments.\n"
            "Azerbaijan retook Nagorno-Karabakh in a lightning offensive in September 2023, "
            "prompting almost all of the region's 100,000 ethnic Armenians to flee to Armenia.\n"
            "Baku has demanded that Armenia change its constitution before the treaty is signed.\n"
            "The two foreign ministers will meet again in Abu Dhabi in the autumn."
        ),
        "events": [
            {
                "type": "support",
                "place": "White House",
                "in_text": "Armenia and Azerbaijan initialled a peace agreement at the White House on Friday",
            },
            {
                "type": "assault",
                "place": "Nagorno-Karabakh",
                "in_text": "Azerbaijan retook Nagorno-Karabakh in a lightning offensive in September 2023",
            },
            {
                "type": "agree",
                "place": "Abu Dhabi",
                "in_text": "The two foreign ministers will meet again in Abu Dhabi in the autumn",
            },
        ],
    },
    {
        "id": "yemen",
        "published": "2025-04-28",
        "text": (
            "ADEN, Yemen — U.S. warplanes struck Houthi targets in the port city of Hodeidah on "
            "Sunday, the rebels' media office said, hours after the group fired a ballistic "
            "missile at a commercial ship in the Red Sea.\n"
            "The Houthis said the strikes killed six people and wounded 20.\n"
            "The missile missed the vessel and fell into the sea, the British maritime agency "
            "UKMTO said.\n"
            "Oman, which has mediated between the Houthis and Washington, said it was in contact "
            "with both sides.\n"
            "The Houthis have threatened to expand their attacks if strikes continue."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Hodeidah",
                "killed": 6,
                "in_text": "U.S. warplanes struck Houthi targets in the port city of Hodeidah on Sunday",
            },
            {
                "type": "assault",
                "place": "Red Sea",
                "in_text": "the group fired a ballistic missile at a commercial ship in the Red Sea",
            },
            {
                "type": "threaten",
                "place": None,
                "in_text": "The Houthis have threatened to expand their attacks",
            },
        ],
    },
    {
        "id": "ethiopia",
        "published": "2025-02-18",
        "text": (
            "ADDIS ABABA — Ethiopian federal forces and Fano militiamen clashed near the town of "
            "Debre Markos in the Amhara region on Monday, witnesses said, in some of the heaviest "
            "fighting since the government declared a state of emergency in the region in 2023.\n"
            "A drone strike on a market in the area killed 11 civilians, a health worker said.\n"
            "The government denied carrying out the strike.\n"
            "Prime Minister Abiy Ahmed's government signed a peace deal with Tigrayan forces in "
            "Pretoria in November 2022, ending a two-year war in Tigray.\n"
            "Federal authorities arrested dozens of people in Bahir Dar last week, accusing them "
            "of links to Fano."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Debre Markos",
                "in_text": "Ethiopian federal forces and Fano militiamen clashed near the town of Debre Markos",
            },
            {
                "type": "coerce",
                "place": None,
                "in_text": "the government declared a state of emergency in the region in 2023",
            },
            {
                "type": "assault",
                "place": None,
                "killed": 11,
                "in_text": "A drone strike on a market in the area killed 11 civilians",
            },
            {
                "type": "support",
                "place": "Pretoria",
                "in_text": "signed a peace deal with Tigrayan forces in Pretoria in November 2022",
            },
            {
                "type": "coerce",
                "place": "Bahir Dar",
                "in_text": "Federal authorities arrested dozens of people in Bahir Dar last week",
            },
        ],
    },
    {
        "id": "myanmar",
        "published": "2025-08-02",
        "text": (
            "BANGKOK — Myanmar's military junta bombed a monastery in the Sagaing region on "
            "Friday, killing 23 people who had taken shelter there, according to a local "
            "resistance group.\n"
            "The airstrike came despite a temporary ceasefire the army declared after the March "
            "earthquake.\n"
            "Resistance forces from the Ta'ang National Liberation Army withdrew from the town of "
            "Mogok in July under a deal brokered by China.\n"
            "ASEAN foreign ministers will discuss the crisis at a meeting in Kuala Lumpur next "
            "month.\n"
            "The junta has said it plans to hold elections in December."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Sagaing",
                "killed": 23,
                "in_text": "Myanmar's military junta bombed a monastery in the Sagaing region on Friday",
            },
            {
                "type": "concede",
                "place": None,
                "in_text": "a temporary ceasefire the army declared after the March earthquake",
            },
            {
                "type": "retreat",
                "place": "Mogok",
                "in_text": "withdrew from the town of Mogok in July",
            },
            {
                "type": "agree",
                "place": "Kuala Lumpur",
                "in_text": "will discuss the crisis at a meeting in Kuala Lumpur next month",
            },
        ],
    },
    {
        "id": "south_sudan",
        "published": "2025-03-07",
        "text": (
            "JUBA — South Sudan's army and opposition forces loyal to First Vice President Riek "
            "Machar fought for control of the town of Nasir in Upper Nile state this week, the "
            "United Nations mission said.\n"
            "The government arrested several ministers allied to Machar in Juba on Wednesday.\n"
            "Uganda deployed special forces to Juba at the request of President Salva Kiir.\n"
            "Regional leaders have urged both sides to respect the 2018 peace agreement.\n"
            "The African Union said it would send a delegation to Juba."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Nasir",
                "in_text": "fought for control of the town of Nasir in Upper Nile state this week",
            },
            {
                "type": "coerce",
                "place": "Juba",
                "in_text": "The government arrested several ministers allied to Machar in Juba on Wednesday",
            },
            {
                "type": "mobilize",
                "place": "Juba",
                "in_text": "Uganda deployed special forces to Juba",
            },
            {"type": "agree", "place": "Juba", "in_text": "it would send a delegation to Juba"},
        ],
    },
    {
        "id": "colombia",
        "published": "2025-09-02",
        "text": (
            "BOGOTA — Negotiators for Colombia's government and the ELN guerrillas reopened talks in "
            "Caracas on Monday after a three-month pause, the negotiators said in a joint statement.\n"
            "The talks had been suspended in May after the ELN attacked a military base in Arauca, "
            "killing two soldiers.\n"
            "Government negotiators said the agenda would include a new bilateral ceasefire.\n"
            "The government also said it would release 15 jailed rebel fighters as a goodwill "
            "gesture."
        ),
        "events": [
            {
                "type": "consult",
                "place": "Caracas",
                "in_text": "reopened talks in Caracas on Monday",
            },
            {"type": "sanction", "place": None, "in_text": "The talks had been suspended in May"},
            {
                "type": "assault",
                "place": "Arauca",
                "killed": 2,
                "in_text": "the ELN attacked a military base in Arauca, killing two soldiers",
            },
            {
                "type": "concede",
                "place": None,
                "in_text": "it would release 15 jailed rebel fighters",
            },
        ],
    },
    {
        "id": "somalia",
        "published": "2025-10-05",
        "text": (
            "MOGADISHU — Al-Shabaab militants stormed a hotel in Mogadishu on Saturday evening, "
            "taking guests hostage before security forces ended the siege early on Sunday, police "
            "said.\n"
            "At least nine people were killed, including three attackers.\n"
            "In a separate incident, a roadside bomb struck an African Union convoy near Afgoye, "
            "wounding four peacekeepers.\n"
            "The United Arab Emirates delivered a shipment of armoured vehicles to the Somali army "
            "last week."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Mogadishu",
                "killed": 9,
                "in_text": "Al-Shabaab militants stormed a hotel in Mogadishu on Saturday evening",
            },
            {
                "type": "assault",
                "place": "Afgoye",
                "in_text": "a roadside bomb struck an African Union convoy near Afgoye",
            },
            {
                "type": "aid",
                "place": None,
                "in_text": "The United Arab Emirates delivered a shipment of armoured vehicles to the Somali army",
            },
        ],
    },
    {
        "id": "korea",
        "published": "2025-03-04",
        "text": (
            "SEOUL — North Korea fired two short-range ballistic missiles into the sea off its "
            "east coast on Tuesday, South Korea's military said.\n"
            "The launch was the North's third this month.\n"
            "Pyongyang has threatened to respond to the drills with overwhelming force.\n"
            "South Korea's unification minister offered to hold talks with the North on "
            "reuniting separated families."
        ),
        "events": [
            {
                "type": "mobilize",
                "place": None,
                "in_text": "North Korea fired two short-range ballistic missiles into the sea",
            },
            {
                "type": "threaten",
                "place": None,
                "in_text": "Pyongyang has threatened to respond to the drills",
            },
            {"type": "agree", "place": None, "in_text": "offered to hold talks with the North"},
        ],
    },
    {
        "id": "lebanon",
        "published": "2025-06-06",
        "text": (
            "BEIRUT — An Israeli drone strike on a car in southern Lebanon killed a Hezbollah "
            "commander on Thursday, the group said, despite a ceasefire that has been in place "
            "since November.\n"
            "Israel's military said the commander had been planning attacks against Israeli "
            "civilians.\n"
            "Lebanon's president met the U.S. envoy in Beirut on Friday to discuss the withdrawal "
            "of Israeli troops from five hilltop positions.\n"
            "Israel has kept troops at the positions since the truce took effect."
        ),
        "events": [
            {
                "type": "assault",
                "place": "southern Lebanon",
                "killed": 1,
                "in_text": "An Israeli drone strike on a car in southern Lebanon killed a Hezbollah commander",
            },
            {
                "type": "consult",
                "place": "Beirut",
                "in_text": "Lebanon's president met the U.S. envoy in Beirut on Friday",
            },
            {
                "type": "mobilize",
                "place": None,
                "in_text": "Israel has kept troops at the positions",
            },
        ],
    },
    {
        "id": "afpak",
        "published": "2025-11-20",
        "text": (
            "ISLAMABAD — Pakistani jets carried out airstrikes on suspected militant hideouts in "
            "Afghanistan's Paktika province overnight, Afghan officials said, killing at least "
            "eight people.\n"
            "The Taliban government condemned the strikes and summoned Pakistan's chargé "
            "d'affaires in Kabul.\n"
            "Pakistan closed the Torkham border crossing on Wednesday after Afghan and Pakistani "
            "border guards exchanged fire.\n"
            "Delegations from the two countries held talks in Istanbul last month under Turkish "
            "mediation but failed to agree on a monitoring mechanism."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Paktika",
                "killed": 8,
                "in_text": "Pakistani jets carried out airstrikes on suspected militant hideouts in Afghanistan's Paktika province",
            },
            {
                "type": "accuse",
                "place": "Kabul",
                "in_text": "summoned Pakistan's chargé d'affaires in Kabul",
            },
            {
                "type": "coerce",
                "place": "Torkham",
                "in_text": "Pakistan closed the Torkham border crossing on Wednesday",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "Afghan and Pakistani border guards exchanged fire",
            },
            {
                "type": "consult",
                "place": "Istanbul",
                "in_text": "Delegations from the two countries held talks in Istanbul last month",
            },
        ],
    },
    {
        "id": "western_sahara",
        "published": None,
        "text": (
            "Analysis: Why peace in Western Sahara remains elusive\n\n"
            "The conflict over Western Sahara is one of Africa's oldest. Morocco considers the "
            "territory its own, while the Polisario Front wants a referendum on independence.\n"
            "Diplomats say any new talks would have to address the question of autonomy. Many "
            "observers believe a war would be disastrous for the region.\n"
            "Algeria, which backs the Polisario, has long argued that the UN should organise the "
            "vote.\n"
            "The United States recognised Moroccan sovereignty over the territory in December "
            "2020."
        ),
        "events": [
            {
                "type": "support",
                "place": None,
                "in_text": "The United States recognised Moroccan sovereignty over the territory",
            },
        ],
    },
]

ARTICLES_2: list[dict[str, Any]] = [
    {
        "id": "syria",
        "published": "2025-03-11",
        "text": (
            "DAMASCUS, Syria (AP) — Syria's interim government and Kurdish-led forces have agreed "
            "to integrate the Syrian Democratic Forces into state institutions, the presidency said "
            "Monday, a deal that could reshape the country's northeast.\n"
            "The agreement was signed in Damascus by interim President Ahmad al-Sharaa and SDF "
            "commander Mazloum Abdi, according to photos released by the presidency.\n"
            "It comes days after clashes between government forces and Alawite gunmen on the coast "
            "killed hundreds of people, most of them civilians, according to a war monitor.\n"
            '"This is a historic opportunity," Abdi wrote on social media.\n'
            "The SDF controls much of the oil-rich northeast and has been the main U.S. partner in "
            "the fight against the Islamic State group. Washington still has about 2,000 troops in "
            "Syria.\n"
            "Turkey, which considers the SDF a terrorist group, has carried out repeated drone "
            "strikes on Kurdish targets in the region since December."
        ),
        "events": [
            {
                "type": "agree",
                "place": None,
                "in_text": "have agreed to integrate the Syrian Democratic Forces into state institutions",
            },
            {
                "type": "support",
                "place": "Damascus",
                "in_text": "The agreement was signed in Damascus by interim President Ahmad al-Sharaa",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "clashes between government forces and Alawite gunmen on the coast killed hundreds of people",
            },
            {
                "type": "mobilize",
                "place": "Syria",
                "in_text": "Washington still has about 2,000 troops in Syria",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "has carried out repeated drone strikes on Kurdish targets in the region since December",
            },
        ],
    },
    {
        "id": "libya",
        "published": "2025-05-13",
        "text": (
            "TRIPOLI, Libya — Heavy fighting broke out overnight in the Libyan capital between armed "
            "groups loyal to the Government of National Unity and a rival militia, residents said, "
            "shattering months of relative calm.\n"
            "The clashes erupted after the killing of a prominent militia leader, Abdel Ghani "
            "al-Kikli, at a military base in the Abu Salim district on Monday evening, according "
            "to two security officials.\n"
            "The Health Ministry said at least six people were killed.\n"
            "The UN Support Mission in Libya urged all parties to observe an immediate ceasefire and "
            "said it was ready to facilitate talks.\n"
            "Prime Minister Abdul Hamid Dbeibah later announced that the operation had ended and "
            "that government forces had taken control of Abu Salim.\n"
            "Libya has been split between rival administrations in the east and west since 2014."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Tripoli",
                "in_text": "Heavy fighting broke out overnight in the Libyan capital between armed groups",
            },
            {
                "type": "assault",
                "place": "Abu Salim",
                "in_text": "the killing of a prominent militia leader, Abdel Ghani al-Kikli, at a military base in the Abu Salim district",
            },
            {
                "type": "concede",
                "place": None,
                "in_text": "urged all parties to observe an immediate ceasefire",
            },
            {"type": "agree", "place": None, "in_text": "it was ready to facilitate talks"},
            {
                "type": "assault",
                "place": "Abu Salim",
                "in_text": "government forces had taken control of Abu Salim",
            },
        ],
    },
    {
        "id": "moldova",
        "published": "2025-01-30",
        "text": (
            "CHISINAU, Moldova — Moldova's president accused Russia on Thursday of trying to "
            "destabilise the country after a gas crisis left the breakaway region of Transnistria "
            "without heating for weeks.\n"
            "Transnistria, a sliver of land along the Ukrainian border, has hosted about 1,500 "
            "Russian troops since a brief war in 1992.\n"
            "Moldovan police detained two men in Chisinau on Wednesday on suspicion of planning "
            "attacks on behalf of Russian intelligence, the prosecutor's office said.\n"
            "The European Union announced a 250-million-euro aid package to help Moldova cope with "
            "the energy crisis.\n"
            "Moldova expelled a Russian diplomat last month over what it called interference in its "
            "elections.\n"
            "Officials from Chisinau and Tiraspol met in Bender on Friday to discuss gas supplies, "
            "the OSCE mission said."
        ),
        "events": [
            {
                "type": "mobilize",
                "place": "Transnistria",
                "in_text": "Transnistria, a sliver of land along the Ukrainian border, has hosted about 1,500 Russian troops",
            },
            {"type": "assault", "place": None, "in_text": "a brief war in 1992"},
            {
                "type": "coerce",
                "place": "Chisinau",
                "in_text": "Moldovan police detained two men in Chisinau on Wednesday",
            },
            {
                "type": "agree",
                "place": None,
                "in_text": "The European Union announced a 250-million-euro aid package to help Moldova",
            },
            {
                "type": "sanction",
                "place": None,
                "in_text": "Moldova expelled a Russian diplomat last month",
            },
            {
                "type": "consult",
                "place": "Bender",
                "in_text": "Officials from Chisinau and Tiraspol met in Bender on Friday",
            },
        ],
    },
    {
        "id": "mali",
        "published": "2025-06-02",
        "text": (
            "BAMAKO, Mali — Jihadist fighters attacked a military camp in central Mali on Sunday, "
            "killing at least 30 soldiers, according to security sources, in one of the deadliest "
            "assaults on the army this year.\n"
            "The al-Qaida-linked JNIM group claimed responsibility for the raid on the camp near the "
            "town of Boulkessi.\n"
            "Mali's junta, which seized power in coups in 2020 and 2021, has turned to Russian "
            "mercenaries for help after expelling French troops.\n"
            "In a statement, the army said it had launched air strikes on the attackers as they "
            "fled, killing dozens.\n"
            "Mali, Burkina Faso and Niger quit the West African bloc ECOWAS in January and formed "
            "their own alliance.\n"
            "Analysts say the military governments are struggling to contain an insurgency that "
            "has spread across the Sahel."
        ),
        "events": [
            {
                "type": "assault",
                "place": "central Mali",
                "killed": 30,
                "in_text": "Jihadist fighters attacked a military camp in central Mali on Sunday, killing at least 30 soldiers",
            },
            {"type": "coerce", "place": None, "in_text": "seized power in coups in 2020 and 2021"},
            {"type": "sanction", "place": None, "in_text": "after expelling French troops"},
            {
                "type": "assault",
                "place": None,
                "in_text": "it had launched air strikes on the attackers as they fled",
            },
            {
                "type": "sanction",
                "place": None,
                "in_text": "Mali, Burkina Faso and Niger quit the West African bloc ECOWAS in January",
            },
        ],
    },
    {
        "id": "haiti",
        "published": "2025-04-02",
        "text": (
            "PORT-AU-PRINCE, Haiti — Gang members set fire to homes and opened fire on residents in "
            "the town of Mirebalais on Monday, forcing thousands to flee, the United Nations said.\n"
            "The attack freed more than 500 inmates from the town's prison, according to police.\n"
            "Kenyan police officers leading a UN-backed security mission arrived in the area on "
            "Tuesday with Haitian troops and retook the police station.\n"
            "The mission, which began last year, has struggled with a shortage of funding and "
            "personnel.\n"
            "The U.S. State Department said Washington would provide an additional $40 million to "
            "support the mission."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Mirebalais",
                "in_text": "Gang members set fire to homes and opened fire on residents in the town of Mirebalais on Monday",
            },
            {"type": "assault", "place": None, "in_text": "retook the police station"},
            {
                "type": "agree",
                "place": None,
                "in_text": "Washington would provide an additional $40 million to support the mission",
            },
        ],
    },
    {
        "id": "kosovo",
        "published": "2025-01-16",
        "text": (
            "PRISTINA, Kosovo — Kosovo police raided several Serbian-run offices in the north of "
            "the country on Wednesday, seizing documents and closing them down, in a move that drew "
            "sharp criticism from Belgrade.\n"
            "Serbia's President Aleksandar Vucic called the raids an act of terror and put the army "
            "on high alert.\n"
            "NATO-led peacekeepers increased patrols in the area.\n"
            "The European Union's envoy, Miroslav Lajcak, travelled to Belgrade and Pristina on "
            "Thursday for separate meetings with Vucic and Kosovo Prime Minister Albin Kurti.\n"
            "The two sides agreed in 2023 to an EU-brokered plan to normalise relations but have "
            "failed to implement it."
        ),
        "events": [
            {
                "type": "coerce",
                "place": None,
                "in_text": "Kosovo police raided several Serbian-run offices in the north of the country on Wednesday",
            },
            {"type": "mobilize", "place": None, "in_text": "put the army on high alert"},
            {
                "type": "mobilize",
                "place": None,
                "in_text": "NATO-led peacekeepers increased patrols in the area",
            },
            {
                "type": "consult",
                "place": "Belgrade",
                "in_text": "travelled to Belgrade and Pristina on Thursday for separate meetings",
            },
            {
                "type": "agree",
                "place": None,
                "in_text": "The two sides agreed in 2023 to an EU-brokered plan to normalise relations",
            },
        ],
    },
    {
        "id": "nigeria",
        "published": "2025-08-22",
        "text": (
            "MAIDUGURI, Nigeria — Suspected Boko Haram fighters abducted at least 50 women who were "
            "collecting firewood near the town of Gamboru in Borno state, residents said on "
            "Friday.\n"
            "The military said troops had rescued 12 of the women after a firefight with the "
            "insurgents in the Sambisa forest.\n"
            "Nigeria's government has held talks with community leaders in the region but has "
            "ruled out negotiating with the militants.\n"
            "More than 35,000 people have been killed since the insurgency began in 2009, "
            "according to the United Nations."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Gamboru",
                "in_text": "Suspected Boko Haram fighters abducted at least 50 women",
            },
            {"type": "aid", "place": "Sambisa", "in_text": "troops had rescued 12 of the women"},
            {
                "type": "assault",
                "place": "Sambisa",
                "in_text": "a firefight with the insurgents in the Sambisa forest",
            },
            {
                "type": "consult",
                "place": None,
                "in_text": "Nigeria's government has held talks with community leaders in the region",
            },
            {
                "type": "assault",
                "place": None,
                "killed": 35000,
                "in_text": "More than 35,000 people have been killed since the insurgency began in 2009",
            },
        ],
    },
    {
        "id": "taiwan",
        "published": "2025-04-01",
        "text": (
            "TAIPEI, Taiwan — China's military held large-scale drills around Taiwan on Tuesday, "
            "deploying warships and fighter jets in what it called a warning to separatist forces, "
            "Taiwan's defence ministry said.\n"
            "Taiwan said it detected 71 Chinese aircraft and 13 navy ships near the island and "
            "dispatched its own forces to monitor them.\n"
            "The United States approved a $385 million arms sale to Taiwan last month, angering "
            "Beijing, which imposed sanctions on several U.S. defence firms in response.\n"
            "Chinese and U.S. defence officials are due to hold talks in Singapore next month."
        ),
        "events": [
            {
                "type": "mobilize",
                "place": "Taiwan",
                "in_text": "China's military held large-scale drills around Taiwan on Tuesday, deploying warships and fighter jets",
            },
            {
                "type": "mobilize",
                "place": None,
                "in_text": "dispatched its own forces to monitor them",
            },
            {
                "type": "sanction",
                "place": None,
                "in_text": "imposed sanctions on several U.S. defence firms",
            },
            {
                "type": "agree",
                "place": "Singapore",
                "in_text": "are due to hold talks in Singapore next month",
            },
        ],
    },
]

ARTICLES_3: list[dict[str, Any]] = [
    {
        "id": "india_china",
        "published": "2024-10-22",
        "text": (
            "India and China reach patrolling deal to ease border standoff\n\n"
            "India and China have reached an agreement on patrolling arrangements along their "
            "disputed Himalayan border, India's foreign secretary Vikram Misri told reporters on "
            "Monday, a step towards ending a four-year military standoff.\n"
            "Relations between the Asian giants nosedived after a clash in the Galwan valley in "
            "June 2020 in which 20 Indian soldiers and four Chinese soldiers were killed.\n"
            "Both sides have since deployed tens of thousands of troops along the frontier.\n"
            '"The agreement is a positive development," Misri said, adding that it could open '
            "the door to a meeting between Prime Minister Narendra Modi and President Xi Jinping at "
            "the BRICS summit in Kazan this week.\n"
            'Analysts cautioned that trust between the two militaries remains low. "A deal on '
            'paper does not end the rivalry," said one former Indian army officer.\n'
            "Read more: What is behind the India-China border dispute?"
        ),
        "events": [
            {
                "type": "agree",
                "place": None,
                "in_text": "India and China have reached an agreement on patrolling arrangements",
            },
            {
                "type": "assault",
                "place": "Galwan",
                "killed": 24,
                "in_text": "a clash in the Galwan valley in June 2020 in which 20 Indian soldiers and four Chinese soldiers were killed",
            },
            {
                "type": "mobilize",
                "place": None,
                "in_text": "Both sides have since deployed tens of thousands of troops along the frontier",
            },
            {
                "type": "agree",
                "place": "Kazan",
                "in_text": "a meeting between Prime Minister Narendra Modi and President Xi Jinping at the BRICS summit in Kazan",
            },
        ],
    },
    {
        "id": "mozambique",
        "published": None,
        "text": (
            "Insurgents in northern Mozambique have beheaded at least 11 Christians in a series of "
            "raids on villages in Cabo Delgado province, the charity Aid to the Church in Need "
            "said.\n"
            "The attacks, claimed by the local affiliate of the Islamic State group, forced "
            "thousands of people to flee towards the provincial capital, Pemba.\n"
            "Rwanda sent 1,000 soldiers and police to the province in 2021 at the request of "
            "Mozambique's government, and the joint forces recaptured the port town of Mocimboa da "
            "Praia within weeks.\n"
            "The conflict has killed more than 6,000 people since 2017, according to the Armed "
            "Conflict Location and Event Data project.\n"
            "TotalEnergies suspended work on a $20 billion gas project in the province after an "
            "attack on the town of Palma in 2021. The company has said it hopes to resume "
            "construction this year."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Cabo Delgado",
                "killed": 11,
                "in_text": "Insurgents in northern Mozambique have beheaded at least 11 Christians in a series of raids on villages in Cabo Delgado province",
            },
            {
                "type": "mobilize",
                "place": "Cabo Delgado",
                "in_text": "Rwanda sent 1,000 soldiers and police to the province in 2021",
            },
            {
                "type": "assault",
                "place": "Mocimboa da Praia",
                "in_text": "the joint forces recaptured the port town of Mocimboa da Praia within weeks",
            },
            {
                "type": "assault",
                "place": None,
                "killed": 6000,
                "in_text": "The conflict has killed more than 6,000 people since 2017",
            },
            {
                "type": "assault",
                "place": "Palma",
                "in_text": "an attack on the town of Palma in 2021",
            },
        ],
    },
    {
        "id": "georgia",
        "published": "2025-02-05",
        "text": (
            "Georgian and Abkhaz officials met in Geneva on Tuesday for the latest round of the "
            "international discussions that have brought the two sides together since the 2008 "
            "war, the talks' co-chairs said in a statement.\n"
            "The talks, co-chaired by the EU, the OSCE and the UN, focused on freedom of movement "
            "and the detention of Georgian citizens along the boundary line.\n"
            "Russian-backed de facto authorities in South Ossetia detained at least three Georgian "
            "citizens near the village of Kirbali last month, Georgia's State Security Service "
            "said.\n"
            "Russia recognised Abkhazia and South Ossetia as independent states after a five-day "
            "war with Georgia in August 2008 and keeps thousands of troops in both regions.\n"
            "Tbilisi wants the regions back, but few observers expect any change soon."
        ),
        "events": [
            {
                "type": "consult",
                "place": "Geneva",
                "in_text": "Georgian and Abkhaz officials met in Geneva on Tuesday",
            },
            {
                "type": "coerce",
                "place": "Kirbali",
                "in_text": "Russian-backed de facto authorities in South Ossetia detained at least three Georgian citizens near the village of Kirbali",
            },
            {
                "type": "support",
                "place": None,
                "in_text": "Russia recognised Abkhazia and South Ossetia as independent states",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "a five-day war with Georgia in August 2008",
            },
            {
                "type": "mobilize",
                "place": None,
                "in_text": "keeps thousands of troops in both regions",
            },
        ],
    },
    {
        "id": "cameroon",
        "published": "2025-07-14",
        "text": (
            "Cameroon: separatists blamed for deadly ambush\n\n"
            "YAOUNDE — Six soldiers were killed when separatist fighters ambushed a military convoy "
            "in Cameroon's English-speaking North-West region on Saturday, a military source said.\n"
            "The army launched an operation to track down the attackers, the source added.\n"
            "The conflict between the government and armed groups seeking an independent state "
            "called Ambazonia began in 2017 and has displaced more than 600,000 people.\n"
            "Canada offered in 2023 to facilitate peace talks, but the government in Yaounde later "
            "denied having requested mediation.\n"
            "Rights groups accuse both sides of abuses against civilians."
        ),
        "events": [
            {
                "type": "assault",
                "place": "North-West",
                "killed": 6,
                "in_text": "separatist fighters ambushed a military convoy in Cameroon's English-speaking North-West region on Saturday",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "The army launched an operation to track down the attackers",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "The conflict between the government and armed groups seeking an independent state called Ambazonia began in 2017",
            },
            {
                "type": "agree",
                "place": None,
                "in_text": "Canada offered in 2023 to facilitate peace talks",
            },
        ],
    },
    {
        "id": "israel_syria",
        "published": "2025-07-17",
        "text": (
            "Israel strikes Damascus as clashes rage in southern Syria\n\n"
            "Israel struck the Syrian military headquarters in Damascus on Wednesday and targeted "
            "government forces in the south, saying it was acting to protect the Druze minority.\n"
            "Syria's health ministry said three people were killed and 34 wounded in the strikes "
            "on the capital.\n"
            "Fighting between Druze militias and Bedouin tribes in Sweida province has killed "
            "more than 300 people this week, according to the Syrian Observatory for Human "
            "Rights.\n"
            "The United States said it had brokered an agreement between Israel and Syria to halt "
            "the fighting, and Syrian government troops began withdrawing from Sweida on Thursday.\n"
            "Israel and Syria have held several rounds of U.S.-mediated talks this year on a "
            "security arrangement."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Damascus",
                "killed": 3,
                "in_text": "Israel struck the Syrian military headquarters in Damascus on Wednesday",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "targeted government forces in the south",
            },
            {
                "type": "assault",
                "place": "Sweida",
                "killed": 300,
                "in_text": "Fighting between Druze militias and Bedouin tribes in Sweida province has killed more than 300 people this week",
            },
            {
                "type": "agree",
                "place": None,
                "in_text": "it had brokered an agreement between Israel and Syria to halt the fighting",
            },
            {
                "type": "retreat",
                "place": "Sweida",
                "in_text": "Syrian government troops began withdrawing from Sweida on Thursday",
            },
            {
                "type": "consult",
                "place": None,
                "in_text": "Israel and Syria have held several rounds of U.S.-mediated talks this year",
            },
        ],
    },
    {
        "id": "ukraine_talks",
        "published": "2025-05-17",
        "text": (
            "Analysis: What the first direct talks in three years achieved\n\n"
            "Russian and Ukrainian delegations met in Istanbul on Friday for their first direct "
            "peace talks since the early weeks of the war, but the meeting lasted less than two "
            "hours.\n"
            "The two sides agreed to exchange 1,000 prisoners of war each, the largest swap of the "
            "conflict, Ukraine's defence minister Rustem Umerov said.\n"
            "They did not agree on a ceasefire. Moscow insisted that Kyiv withdraw its forces from "
            "four regions that Russia claims, a demand Ukraine has repeatedly rejected.\n"
            '"We are ready to continue contacts," said Vladimir Medinsky, who led the Russian '
            "delegation.\n"
            "Hours after the talks ended, a Russian drone hit a bus in the Sumy region, killing "
            "nine civilians, Ukrainian officials said.\n"
            "European leaders, who had urged Putin to accept an unconditional 30-day truce, "
            "threatened new sanctions if Moscow continued to stall."
        ),
        "events": [
            {
                "type": "consult",
                "place": "Istanbul",
                "in_text": "Russian and Ukrainian delegations met in Istanbul on Friday",
            },
            {
                "type": "concede",
                "place": None,
                "in_text": "The two sides agreed to exchange 1,000 prisoners of war each",
            },
            {"type": "agree", "place": None, "in_text": "We are ready to continue contacts"},
            {
                "type": "assault",
                "place": "Sumy",
                "killed": 9,
                "in_text": "a Russian drone hit a bus in the Sumy region, killing nine civilians",
            },
            {
                "type": "concede",
                "place": None,
                "in_text": "had urged Putin to accept an unconditional 30-day truce",
            },
            {
                "type": "reject",
                "place": None,
                "in_text": "a demand Ukraine has repeatedly rejected",
            },
            {"type": "threaten", "place": None, "in_text": "threatened new sanctions"},
        ],
    },
]

ARTICLES_4: list[dict[str, Any]] = [
    {
        "id": "sudan_talks",
        "published": "2025-08-14",
        "text": (
            "U.S. pushes new Sudan truce plan as talks stall\n\n"
            "WASHINGTON — The United States has presented Sudan's warring parties with a proposal "
            "for a three-month humanitarian truce, according to two diplomats familiar with the "
            "plan, as famine spreads in Darfur and Kordofan.\n"
            "The proposal, drafted with Saudi Arabia, Egypt and the United Arab Emirates, would be "
            "followed by a nine-month political process leading to a civilian government.\n"
            "Army chief Abdel Fattah al-Burhan has rejected previous mediation efforts, saying the "
            "RSF must first withdraw from cities it has seized.\n"
            "The paramilitary's leader, Mohamed Hamdan Dagalo, said in a video address that his "
            "forces were ready to stop fighting.\n"
            "Talks in Jeddah collapsed in 2023 after both sides repeatedly violated short-lived "
            "ceasefires.\n"
            "Meanwhile, the RSF shelled El Fasher again on Wednesday, killing at least 20 people in "
            "a displacement camp, local activists said."
        ),
        "events": [
            {
                "type": "request",
                "place": None,
                "in_text": "The United States has presented Sudan's warring parties with a proposal for a three-month humanitarian truce",
            },
            {
                "type": "reject",
                "place": None,
                "in_text": "Army chief Abdel Fattah al-Burhan has rejected previous mediation efforts",
            },
            {"type": "agree", "place": None, "in_text": "his forces were ready to stop fighting"},
            {"type": "consult", "place": "Jeddah", "in_text": "Talks in Jeddah collapsed in 2023"},
            {
                "type": "assault",
                "place": "El Fasher",
                "killed": 20,
                "in_text": "the RSF shelled El Fasher again on Wednesday, killing at least 20 people",
            },
        ],
    },
    {
        "id": "cyprus_like_kosovo",
        "published": "2025-06-30",
        "text": (
            "BRUSSELS — Serbian President Aleksandar Vucic and Kosovo's Prime Minister Albin Kurti "
            "met separately with EU foreign policy chief Kaja Kallas in Brussels on Monday, but "
            "refused to sit down together, officials said.\n"
            "Kallas said the EU remained committed to the dialogue and urged both leaders to "
            "implement what they had agreed in Ohrid in 2023.\n"
            '"There is no alternative to normalisation," she told reporters after the meetings.\n'
            "The EU imposed measures on Kosovo in 2023 after violence in the north, and it has "
            "since lifted some of them.\n"
            "Serbia does not recognise Kosovo's independence, declared in 2008. About 4,500 "
            "NATO-led peacekeepers remain in Kosovo."
        ),
        "events": [
            {
                "type": "consult",
                "place": "Brussels",
                "in_text": "met separately with EU foreign policy chief Kaja Kallas in Brussels on Monday",
            },
            {"type": "reject", "place": None, "in_text": "refused to sit down together"},
            {"type": "agree", "place": "Ohrid", "in_text": "what they had agreed in Ohrid in 2023"},
            {
                "type": "sanction",
                "place": None,
                "in_text": "The EU imposed measures on Kosovo in 2023",
            },
            {"type": "concede", "place": None, "in_text": "it has since lifted some of them"},
            {
                "type": "mobilize",
                "place": "Kosovo",
                "in_text": "About 4,500 NATO-led peacekeepers remain in Kosovo",
            },
        ],
    },
    {
        "id": "dr_congo_deal",
        "published": "2025-06-28",
        "text": (
            "Congo and Rwanda sign US-brokered peace deal\n\n"
            "The foreign ministers of Congo and Rwanda signed a peace agreement in Washington on "
            "Friday, committing the two countries to end support for armed groups in eastern "
            "Congo.\n"
            "U.S. Secretary of State Marco Rubio hosted the signing ceremony at the State "
            "Department.\n"
            'Under the deal, Rwanda is to lift its "defensive measures" within 90 days, and the '
            "two sides will set up a joint security coordination mechanism.\n"
            "The M23 rebels, who are not party to the agreement, are holding separate talks with "
            "Congo's government in Doha under Qatari mediation.\n"
            "Critics said the deal did little to address the root causes of the conflict, which "
            "has killed thousands of people this year."
        ),
        "events": [
            {
                "type": "support",
                "place": "Washington",
                "in_text": "The foreign ministers of Congo and Rwanda signed a peace agreement in Washington on Friday",
            },
            {
                "type": "consult",
                "place": "State Department",
                "in_text": "Marco Rubio hosted the signing ceremony at the State Department",
            },
            {
                "type": "concede",
                "place": None,
                "in_text": 'Rwanda is to lift its "defensive measures" within 90 days',
            },
            {
                "type": "agree",
                "place": None,
                "in_text": "the two sides will set up a joint security coordination mechanism",
            },
            {
                "type": "consult",
                "place": "Doha",
                "in_text": "are holding separate talks with Congo's government in Doha under Qatari mediation",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "the conflict, which has killed thousands of people this year",
            },
        ],
    },
    {
        "id": "gaza_hostages",
        "published": "2025-10-14",
        "text": (
            "Hamas freed the last 20 living Israeli hostages on Monday and Israel released nearly "
            "2,000 Palestinian prisoners and detainees, under the first phase of a ceasefire "
            "agreement brokered by the United States, Egypt, Qatar and Turkey.\n"
            "Crowds gathered in Tel Aviv's Hostages Square to watch the handover on giant "
            "screens.\n"
            "U.S. President Donald Trump addressed the Knesset in Jerusalem before flying to Sharm "
            "el-Sheikh, where he co-chaired a summit on Gaza's future with Egyptian President Abdel "
            "Fattah el-Sisi.\n"
            "The agreement calls for Hamas to disarm and for Israeli troops to withdraw further, "
            "but the timing of the next phase has yet to be negotiated.\n"
            "More than 67,000 Palestinians have been killed in Gaza since the war began, according "
            "to the territory's health ministry."
        ),
        "events": [
            {
                "type": "retreat",
                "place": None,
                "in_text": "Hamas freed the last 20 living Israeli hostages on Monday",
            },
            {
                "type": "retreat",
                "place": None,
                "in_text": "Israel released nearly 2,000 Palestinian prisoners and detainees",
            },
            {
                "type": "consult",
                "place": "Sharm el-Sheikh",
                "in_text": "he co-chaired a summit on Gaza's future with Egyptian President Abdel Fattah el-Sisi",
            },
            {"type": "concede", "place": None, "in_text": "for Israeli troops to withdraw further"},
            {
                "type": "assault",
                "place": "Gaza",
                "killed": 67000,
                "in_text": "More than 67,000 Palestinians have been killed in Gaza since the war began",
            },
        ],
    },
]

ARTICLES_5: list[dict[str, Any]] = [
    {
        "id": "guyana",
        "published": None,
        "text": (
            "Venezuela-Guyana tensions rise over Essequibo\n\n"
            "By staff reporter\n\n"
            "Updated 3 hours ago\n\n"
            "Venezuelan soldiers patrol near the border with Guyana (file photo)\n\n"
            "Venezuela has moved armoured vehicles and hundreds of troops closer to its border with "
            "Guyana, satellite images analysed by a Washington think tank show, weeks after "
            "Venezuelans voted in a referendum to claim the oil-rich Essequibo region.\n"
            "Advertisement\n"
            'Guyana\'s President Irfaan Ali called the build-up "a direct threat" and said his '
            "government had asked the UN Security Council to meet.\n"
            "Britain said it would send the patrol ship HMS Trent to Guyana's waters as a show of "
            "support, a move Caracas described as a provocation.\n"
            "Presidents Ali and Nicolas Maduro met on the Caribbean island of St Vincent last "
            "December and pledged not to use force, but the dispute remains unresolved.\n"
            "Related: What is the Essequibo dispute?"
        ),
        "events": [
            {
                "type": "mobilize",
                "place": None,
                "in_text": "Venezuela has moved armoured vehicles and hundreds of troops closer to its border with Guyana",
            },
            {
                "type": "request",
                "place": None,
                "in_text": "his government had asked the UN Security Council to meet",
            },
            {
                "type": "mobilize",
                "place": None,
                "in_text": "Britain said it would send the patrol ship HMS Trent to Guyana's waters",
            },
            {
                "type": "consult",
                "place": "St Vincent",
                "in_text": "Presidents Ali and Nicolas Maduro met on the Caribbean island of St Vincent last December",
            },
            {"type": "agree", "place": None, "in_text": "pledged not to use force"},
        ],
    },
    {
        "id": "koreas",
        "published": "2024-06-10",
        "text": (
            "South Korea resumes propaganda broadcasts after North sends more trash balloons\n\n"
            "SEOUL (Reuters) - South Korea's military resumed loudspeaker broadcasts along the "
            "border on Sunday for the first time in six years, after North Korea sent hundreds of "
            "balloons carrying trash across the frontier.\n"
            "Key points:\n"
            "- The North launched about 330 balloons on Saturday night\n"
            "- Seoul suspended a 2018 military pact last week\n"
            'The North\'s powerful Kim Yo Jong warned of a "new response" if the broadcasts '
            "continued.\n"
            "Seoul fully suspended the 2018 inter-Korean military agreement, which was designed to "
            "reduce tensions along the border, on Tuesday.\n"
            "Pyongyang had already scrapped the deal in November after the South partly suspended "
            "it in protest at a North Korean spy satellite launch."
        ),
        "events": [
            {
                "type": "coerce",
                "place": None,
                "in_text": "South Korea's military resumed loudspeaker broadcasts along the border on Sunday",
            },
            {
                "type": "coerce",
                "place": None,
                "in_text": "North Korea sent hundreds of balloons carrying trash across the frontier",
            },
            {
                "type": "threaten",
                "place": None,
                "in_text": 'warned of a "new response" if the broadcasts continued',
            },
            {
                "type": "sanction",
                "place": None,
                "in_text": "Seoul fully suspended the 2018 inter-Korean military agreement",
            },
            {
                "type": "sanction",
                "place": None,
                "in_text": "Pyongyang had already scrapped the deal in November",
            },
            {"type": "mobilize", "place": None, "in_text": "a North Korean spy satellite launch"},
        ],
    },
    {
        "id": "west_bank",
        "published": "2025-01-22",
        "text": (
            "JENIN, West Bank — Israeli forces launched a large-scale operation in the Jenin "
            "refugee camp on Tuesday, killing at least nine Palestinians, the Palestinian health "
            "ministry said, two days after a ceasefire took effect in Gaza.\n"
            "The military said it was targeting militants and had carried out drone strikes in "
            "the camp.\n"
            "Palestinian Authority security forces had waged their own weeks-long campaign "
            "against armed groups in the camp before the Israeli raid.\n"
            "Israeli settlers attacked two Palestinian villages near Ramallah overnight, setting "
            "fire to homes and cars, the Palestinian Red Crescent said.\n"
            "The United Nations has repeatedly condemned settler violence, and several Western "
            "governments have imposed sanctions on violent settlers."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Jenin",
                "killed": 9,
                "in_text": "Israeli forces launched a large-scale operation in the Jenin refugee camp on Tuesday, killing at least nine Palestinians",
            },
            {"type": "retreat", "place": "Gaza", "in_text": "a ceasefire took effect in Gaza"},
            {
                "type": "assault",
                "place": "Jenin",
                "in_text": "had carried out drone strikes in the camp",
            },
            {
                "type": "assault",
                "place": "Jenin",
                "in_text": "Palestinian Authority security forces had waged their own weeks-long campaign against armed groups in the camp",
            },
            {
                "type": "assault",
                "place": "Ramallah",
                "in_text": "Israeli settlers attacked two Palestinian villages near Ramallah overnight",
            },
            {
                "type": "sanction",
                "place": None,
                "in_text": "several Western governments have imposed sanctions on violent settlers",
            },
        ],
    },
    {
        "id": "south_sudan_2",
        "published": None,
        "text": (
            "South Sudan: UN helicopter attacked during evacuation\n\n"
            "A United Nations helicopter came under fire on Friday while trying to evacuate "
            "soldiers from Nasir, killing a crew member and a general, the UN mission in South "
            "Sudan said.\n"
            "The attack came days after the White Army militia overran an army base near the "
            "town.\n"
            "The government blamed the violence on forces loyal to First Vice President Riek "
            "Machar and placed him under house arrest.\n"
            "Photo: UN peacekeepers in Juba. Credit: UNMISS\n"
            "The African Union and the regional bloc IGAD have sent envoys to Juba to try to "
            "prevent a return to the civil war in which an estimated 380,000 people were killed "
            "from late 2013 on."
        ),
        "events": [
            {
                "type": "assault",
                "place": "Nasir",
                "in_text": "A United Nations helicopter came under fire on Friday while trying to evacuate soldiers from Nasir",
            },
            {
                "type": "assault",
                "place": None,
                "in_text": "the White Army militia overran an army base near the town",
            },
            {"type": "coerce", "place": None, "in_text": "placed him under house arrest"},
            {
                "type": "consult",
                "place": "Juba",
                "in_text": "The African Union and the regional bloc IGAD have sent envoys to Juba",
            },
            {
                "type": "assault",
                "place": None,
                "killed": 380000,
                "in_text": "the civil war in which an estimated 380,000 people were killed",
            },
        ],
    },
]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(1, min(a[1] - a[0], b[1] - b[0]))


def _words(name: str | None) -> set[str]:
    return set(re.findall(r"\w+", (name or "").lower()))


def score(articles: list[dict[str, Any]]) -> tuple[dict[str, float], list[str]]:
    """Recall, precision, type and place accuracy of the stage on ``articles``, and the
    errors, one line each."""
    coded = found = matched = found_matched = type_ok = place_n = place_ok = 0
    errors: list[str] = []
    for art in articles:
        text = art["text"]
        events: list[Event] = list(parse_article(text, published=art["published"]).events)
        found += len(events)
        used: set[int] = set()
        for gold in art["events"]:
            coded += 1
            at = text.index(gold["in_text"])
            span = (at, at + len(gold["in_text"]))
            best, best_i = 0.0, -1
            for i, ev in enumerate(events):
                o = _overlap(span, (ev.span.start, ev.span.end))
                if o > best:
                    best, best_i = o, i
            if best < 1 / 3:
                errors.append(f"{art['id']}: missed {gold['type']}: {gold['in_text']}")
                continue
            matched += 1
            used.add(best_i)
            ev = events[best_i]
            if ev.type.value == gold["type"]:
                type_ok += 1
            else:
                errors.append(f"{art['id']}: {ev.type.value} for {gold['type']}: {gold['in_text']}")
            if gold["place"]:
                place_n += 1
                name = ev.place.name if ev.place else None
                if _words(gold["place"]) & _words(name):
                    place_ok += 1
                else:
                    errors.append(f"{art['id']}: place {name!r} for {gold['place']!r}")
        found_matched += len(used)
        errors.extend(
            f"{art['id']}: not coded: {ev.type.value} {ev.span.of(text)!r}"
            for i, ev in enumerate(events)
            if i not in used
        )
    figures = {
        "recall": matched / coded,
        "precision": found_matched / max(1, found),
        "type": type_ok / max(1, matched),
        "place": place_ok / max(1, place_n),
    }
    return figures, errors


def test_the_articles_quote_their_evidence() -> None:
    for art in [*ARTICLES, *ARTICLES_2, *ARTICLES_3, *ARTICLES_4, *ARTICLES_5]:
        for gold in art["events"]:
            assert gold["in_text"] in art["text"], gold["in_text"]


@pytest.mark.parametrize(
    "articles",
    [ARTICLES, ARTICLES_2, ARTICLES_3, ARTICLES_4, ARTICLES_5],
    ids=["wire", "wire2", "analysis", "diplomacy", "web"],
)
def test_events_on_articles_of_our_own(articles: list[dict[str, Any]]) -> None:
    figures, errors = score(articles)
    assert figures["recall"] >= 0.8, errors
    assert figures["precision"] >= 0.8, errors
    assert figures["type"] >= 0.85, errors
    assert figures["place"] >= 0.8, errors


if __name__ == "__main__":
    import sys

    for name, arts in (
        ("first", ARTICLES),
        ("second", ARTICLES_2),
        ("third", ARTICLES_3),
        ("fourth", ARTICLES_4),
        ("fifth", ARTICLES_5),
    ):
        figures, errors = score(arts)
        if "-v" in sys.argv:
            print("\n".join(errors))
        print(name, " ".join(f"{k}={v:.3f}" for k, v in figures.items()))
