"""The ``actors`` stage: gazetteer entities, titled people, bodies, anonymous sources,
coreference, and the helpers later stages use."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictmodel import Actor, ActorKind, parse_article
from conflictmodel.context import MentionKind, ParseContext
from conflictmodel.errors import ConflictModelError, GazetteerError
from conflictmodel.gazetteer import Gazetteer, fold
from conflictmodel.parsers.actors import ActorParser, ActorRules, resolve_phrase, resolve_pronoun
from conflictmodel.pipeline import Pipeline
from conflictmodel.span import Span

ARTICLES = Path(__file__).parent / "articles_entities"
STAGES = Pipeline.from_names(["text", "dates", "territories", "actors"])


def run(text: str, gazetteer: Gazetteer | None = None) -> ParseContext:
    ctx = ParseContext(text=text, gazetteer=gazetteer)
    STAGES.run(ctx)
    return ctx


def person(ctx: ParseContext, surname: str) -> Actor:
    found = [
        a
        for a in ctx.actors.values()
        if a.kind is ActorKind.PERSON
        and not a.anonymous
        and any(surname in n.split() for n in a.names)
    ]
    assert len(found) == 1, (surname, sorted(ctx.actors))
    return found[0]


def surfaces(ctx: ParseContext, actor_id: str) -> set[str]:
    return {" ".join(m.of(ctx.text).split()) for m in ctx.actors[actor_id].mentions}


# ------------------------------------------------------------------ titled people


@pytest.mark.parametrize(
    ("text", "name", "title", "country"),
    [
        (
            "Kremlin spokesperson Dmitry Peskov said no.",
            "Dmitry Peskov",
            "Kremlin spokesperson",
            "RU",
        ),
        (
            "Russian Ambassador to the United Nations Vasily Nebenzya spoke.",
            "Vasily Nebenzya",
            "Russian Ambassador to the United Nations",
            "RU",
        ),
        ("US envoy Steve Witkoff arrived.", "Steve Witkoff", "US envoy", "US"),
        (
            "Sudan's army chief Abdel Fattah al-Burhan refused.",
            "Abdel Fattah al-Burhan",
            "Sudan's army chief",
            "SD",
        ),
        (
            "Armenian Prime Minister Nikol Pashinyan agreed.",
            "Nikol Pashinyan",
            "Armenian Prime Minister",
            "AM",
        ),
        # people the gazetteer does not know
        (
            "Malian Defence Minister Sadio Camara said the army held Kidal.",
            "Sadio Camara",
            "Malian Defence Minister",
            "ML",
        ),
        (
            "Somalia's Foreign Minister Ahmed Moallim Fiqi met envoys.",
            "Ahmed Moallim Fiqi",
            "Somalia's Foreign Minister",
            "SO",
        ),
        (
            "Kenyan special envoy Wanjiru Otieno-Kamau said talks would go on.",
            "Wanjiru Otieno-Kamau",
            "Kenyan special envoy",
            "KE",
        ),
        (
            "Hamas official Basem Naim rejected the offer.",
            "Basem Naim",
            "Hamas official",
            "PS",
        ),
        (
            "Chadian Army Chief of Staff Abakar Abdelkerim Daoud visited the border.",
            "Abakar Abdelkerim Daoud",
            "Chadian Army Chief of Staff",
            "TD",
        ),
    ],
)
def test_title_before_name(text: str, name: str, title: str, country: str) -> None:
    ctx = run(text)
    p = person(ctx, name.split()[-1])
    assert p.name == name
    assert p.title == title
    assert p.country == country
    assert name in surfaces(ctx, p.id)


def test_titles_inside_the_name_chunk() -> None:
    ctx = run(
        "Secretary of State Marco Rubio and Vice President J.D. Vance met Information "
        "Minister Moammar al-Eryani."
    )
    assert person(ctx, "Rubio").title == "Secretary of State"
    assert person(ctx, "Vance").title == "Vice President"
    eryani = person(ctx, "al-Eryani")
    assert (eryani.name, eryani.title) == ("Moammar al-Eryani", "Information Minister")


@pytest.mark.parametrize(
    ("text", "name", "title", "country"),
    [
        (
            "Sergei Aksyonov, the head of the Crimean peninsula, made a claim.",
            "Sergei Aksyonov",
            "head of the Crimean peninsula",
            "RU",
        ),
        (
            "Tomasz Wrona, the foreign minister, declined to comment.",
            "Tomasz Wrona",
            "foreign minister",
            None,
        ),
        (
            "Amara Conteh, Sierra Leone's ambassador to the UN, spoke.",
            "Amara Conteh",
            "Sierra Leone's ambassador to the UN",
            "SL",
        ),
        (
            "Getachew Reda, president of the Tigray Interim Administration, said so.",
            "Getachew Reda",
            "president of the Tigray Interim Administration",
            "ET",
        ),
    ],
)
def test_appositive_title(text: str, name: str, title: str, country: str | None) -> None:
    p = person(run(text), name.split()[-1])
    assert (p.name, p.title, p.country) == (name, title, country)


def test_courtesy_titles_and_surnames() -> None:
    ctx = run(
        "Defence Minister Yusuf Adebayo flew in. Mr. Adebayo said the talks failed. "
        "Adebayo’s aides agreed. Ms. Okafor, a lawyer, said nothing."
    )
    ade = person(ctx, "Adebayo")
    assert {"Yusuf Adebayo", "Adebayo"} <= surfaces(ctx, ade.id)
    assert len(ade.mentions) == 3
    assert person(ctx, "Okafor").name == "Okafor"


def test_untitled_names_need_a_speech_verb() -> None:
    ctx = run("Leila Haddad said the truce was holding. Beirut Port Authority reopened.")
    assert person(ctx, "Haddad").name == "Leila Haddad"
    assert not [a for a in ctx.actors.values() if "Port" in a.name]


@pytest.mark.parametrize(
    "text",
    [
        "Meanwhile, Ukrainian President Volodymyr Zelensky spoke.",
        "Kyiv Firm on Territorial Integrity\nZelenskyy rejected any deal.",
        "Background & Context\nKey Developments\nThe war goes on.",
        "US Envoy Misreads Kremlin Intent as Talks Stall\nNothing else.",
    ],
)
def test_no_people_from_sentence_starts_or_headlines(text: str) -> None:
    ctx = run(text)
    people = {a.name for a in ctx.actors.values() if a.kind is ActorKind.PERSON}
    assert people <= {"Volodymyr Zelensky"}


def test_known_person_gets_text_title_first_and_gazetteer_role() -> None:
    ctx = run("Ukrainian President Volodymyr Zelensky said no. Zelenskyy repeated it.")
    z = ctx.actors["person:volodymyr-zelensky"]
    assert z.title == "Ukrainian President"
    assert z.country == "UA"
    assert any(r.start is not None for r in z.roles)
    assert set(z.aliases) == {"Zelenskyy"}


@pytest.mark.parametrize(
    ("text", "pid", "country"),
    [
        # An honorific inside a known name is not a title before its last word.
        (
            "Hassan Sheikh Mohamud said al-Shabaab was retreating.",
            "person:hassan-sheikh-mohamud",
            "SO",
        ),
        (
            "Albin Kurti said Pristina would not remove the police units.",
            "person:albin-kurti",
            "XK",
        ),
        (
            "Brahim Ghali said the front would keep fighting for the territory.",
            "person:brahim-ghali",
            "EH",
        ),
    ],
)
def test_leaders_of_smaller_conflicts_are_known(text: str, pid: str, country: str) -> None:
    art = parse_article(text)
    leader = next(a for a in art.actors if a.id == pid)
    assert leader.country == country
    assert [s.speaker.id for s in art.statements if s.speaker] == [pid]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Militiamen loyal to Zemene Kassie clashed with federal troops near Gondar.",
            "Zemene Kassie",
        ),
        (
            "Troops arrested Abdirahman Warsame and two of his aides at a checkpoint.",
            "Abdirahman Warsame",
        ),
        ("The government appointed Kwame Mensah as its new envoy to the talks.", "Kwame Mensah"),
        (
            "Protesters in Freetown demanded the release of Idris Kamara from prison.",
            "Idris Kamara",
        ),
        ("Khin Maung Win, 61, was among the prisoners freed on Thursday.", "Khin Maung Win"),
        ("Ousmane Diallo was sworn in as interim leader in Conakry.", "Ousmane Diallo"),
    ],
)
def test_unknown_names_governed_as_people(text: str, name: str) -> None:
    # No title and no speech verb: the words around the name can only govern a person.
    actors = parse_article(text).actors
    assert [a.name for a in actors if a.kind is ActorKind.PERSON and not a.anonymous] == [name]


def test_a_different_given_name_is_a_different_person() -> None:
    ctx = run("Lara Trump said she would campaign. Donald Trump said nothing.")
    assert "person:lara-trump" in ctx.actors
    assert "person:donald-trump" in ctx.actors


@pytest.mark.parametrize(
    ("text", "pid"),
    [
        # A known person's given name or surname inside someone else's name is not them.
        ("Former president Petro Poroshenko said the deal was bad.", "person:petro-poroshenko"),
        ("Boutros Boutros-Ghali said peace was near.", "person:boutros-boutros-ghali"),
        ("Hassan Ali Mohamud said the clan would not disarm.", "person:hassan-ali-mohamud"),
        # "Sheikh" after a given name is a name word, not a title before the surname.
        ("Hassan Sheikh Omar said the clan would not disarm.", "person:hassan-sheikh-omar"),
    ],
)
def test_namesakes_of_known_people_stay_apart(text: str, pid: str) -> None:
    people = [a.id for a in parse_article(text).actors if a.kind is ActorKind.PERSON]
    assert people == [pid]


@pytest.mark.parametrize(
    "text",
    [
        "Officials met with Red Crescent Society staff in Gaza.",
        "Fighters from Jaish al-Adl were arrested on Monday.",
    ],
)
def test_groups_in_person_contexts_are_not_people(text: str) -> None:
    assert not [a for a in parse_article(text).actors if a.kind is ActorKind.PERSON]


def test_a_middle_name_or_patronymic_keeps_the_known_person() -> None:
    text = "Sergei Viktorovich Lavrov said Moscow would not withdraw from Zaporizhzhia."
    ctx = run(text)
    lavrov = ctx.actors["person:sergey-lavrov"]
    assert [text[m.start : m.end] for m in lavrov.mentions] == ["Sergei Viktorovich Lavrov"]
    assert not [a for a in ctx.actors.values() if a.name == "Viktorovich Lavrov"]


def test_wrong_given_name_with_matching_title_is_the_known_person() -> None:
    ctx = run("US envoy to Russia, John Witkoff, has reportedly misread Moscow.")
    w = ctx.actors["person:steve-witkoff"]
    assert "John Witkoff" in w.aliases
    assert w.title == "US envoy to Russia"


def test_names_with_particles_and_initials() -> None:
    ctx = run(
        "Foreign Minister Ahmad bin Hassan al-Khalifa met Colonel Jean-Marc de la Tour. "
        "Minister Ursula von der Leyen and envoy A.B. Mensah said talks were over."
    )
    assert person(ctx, "al-Khalifa").name == "Ahmad bin Hassan al-Khalifa"
    assert person(ctx, "Tour").name == "Jean-Marc de la Tour"
    assert person(ctx, "Mensah").name == "A.B. Mensah"
    assert "person:ursula-von-der-leyen" in ctx.actors


# ------------------------------------------------------------------ states, orgs, media


def test_states_by_name_metonym_and_demonym() -> None:
    ctx = run(
        "Moscow rejected the plan. The Kremlin said Russian officials would study it. "
        "Speaking in Kyiv, he said Ukraine would not yield. Russian aggression continued."
    )
    assert surfaces(ctx, "state:RU") == {"Moscow", "Kremlin", "Russian"}
    assert len(ctx.actors["state:RU"].mentions) == 3
    assert surfaces(ctx, "state:UA") == {"Ukraine"}
    assert set(ctx.actors["state:RU"].aliases) == {"Moscow", "Kremlin"}


def test_orgs_groups_and_media() -> None:
    ctx = run(
        "NATO and the UN Security Council met as Hezbollah and the Houthis fired rockets, "
        "Reuters and the AP reported, citing Tass."
    )
    kinds = {a.id: a.kind.value for a in ctx.actors.values()}
    assert kinds == {
        "org:nato": "organization",
        "org:un-security-council": "organization",
        "org:hezbollah": "group",
        "org:houthis": "group",
        "media:reuters": "media",
        "media:ap": "media",
        "media:tass": "media",
    }
    assert ctx.actors["media:tass"].country == "RU"


@pytest.mark.parametrize(
    ("text", "actor_id", "surface", "country"),
    [
        (
            "The Russian Foreign Ministry said no.",
            "gov:ru-foreign-ministry",
            "Russian Foreign Ministry",
            "RU",
        ),
        (
            "Ukraine's Defence Ministry said so.",
            "gov:ua-defence-ministry",
            "Ukraine's Defence Ministry",
            "UA",
        ),
        (
            "The Biden administration hesitated.",
            "gov:biden-administration",
            "Biden administration",
            "US",
        ),
        (
            "The Trump administration is split.",
            "gov:trump-administration",
            "Trump administration",
            "US",
        ),
        (
            "The Ministry of Foreign Affairs of Armenia protested.",
            "gov:am-foreign-ministry",
            "Ministry of Foreign Affairs of Armenia",
            "AM",
        ),
        (
            "The State Department declined to comment.",
            "org:us-state-department",
            "State Department",
            "US",
        ),
    ],
)
def test_government_bodies(text: str, actor_id: str, surface: str, country: str) -> None:
    ctx = run(text)
    assert actor_id in ctx.actors, sorted(ctx.actors)
    body = ctx.actors[actor_id]
    assert body.country == country
    assert surface in surfaces(ctx, actor_id)
    assert "person:joe-biden" not in ctx.actors


# ------------------------------------------------------------------ anonymous sources


@pytest.mark.parametrize(
    ("text", "name", "kind", "country"),
    [
        (
            "«It is over,» said a Russian analyst based in Moscow, who requested anonymity.",
            "Russian analyst",
            "person",
            "RU",
        ),
        (
            "One Western diplomat familiar with the discussions said so.",
            "Western diplomat",
            "person",
            None,
        ),
        (
            "A former U.S. intelligence official, who spoke on condition of anonymity, said so.",
            "former U.S. intelligence official",
            "person",
            "US",
        ),
        (
            "A senior Hamas official said the group would reply.",
            "senior Hamas official",
            "person",
            "PS",
        ),
        (
            "Two people familiar with the matter said talks stalled.",
            "people familiar with the matter",
            "group",
            None,
        ),
        (
            "Sources close to the talks said a deal was near.",
            "Sources close to the talks",
            "group",
            None,
        ),
        ("According to insiders, the plan was dropped.", "insiders", "group", None),
    ],
)
def test_anonymous_sources(text: str, name: str, kind: str, country: str | None) -> None:
    ctx = run(text)
    anon = [a for a in ctx.actors.values() if a.anonymous]
    assert len(anon) == 1, sorted(ctx.actors)
    a = anon[0]
    assert (a.name, a.kind.value, a.country) == (name, kind, country)
    assert a.id.startswith("anon:")
    assert a.description is not None
    assert a.description.casefold().startswith(text[a.mentions[0].start :][:8].casefold())


def test_different_heads_are_different_anonymous_actors() -> None:
    ctx = run(
        "A senior Egyptian official said Cairo had a plan. A Qatari diplomat said Doha agreed. "
        "The official added that talks would resume."
    )
    anon = sorted(a.id for a in ctx.actors.values() if a.anonymous)
    assert anon == ["anon:qatari-diplomat", "anon:senior-egyptian-official"]
    assert "the official" in {s.casefold() for s in surfaces(ctx, "anon:senior-egyptian-official")}


@pytest.mark.parametrize(
    "text",
    [
        "An official statement was issued.",
        "The official response came late.",
        "A spokesperson for the group, Kyaw Zaw, said it was propaganda.",
        "Officials met on Monday.",
    ],
)
def test_not_anonymous_sources(text: str) -> None:
    ctx = run(text)
    assert not [a for a in ctx.actors.values() if a.anonymous]


# ------------------------------------------------------------------ coreference


def test_descriptors_refer_back() -> None:
    ctx = run(
        "US envoy Steve Witkoff met Kremlin aides. The Russian Foreign Ministry said it was "
        "pleased. The envoy said talks went well. The ministry later disagreed."
    )
    w = surfaces(ctx, "person:steve-witkoff")
    assert "The envoy" in w
    assert "The ministry" in surfaces(ctx, "gov:ru-foreign-ministry")
    vias = {m.via for m in ctx.mentions if m.span.of(ctx.text) == "The envoy"}
    assert vias == {"descriptor"}
    assert "The envoy" not in ctx.actors["person:steve-witkoff"].aliases


def test_surname_of_an_unknown_person() -> None:
    ctx = run("Rwandan Foreign Minister Olivier Nduhungirehe spoke. Nduhungirehe's aides agreed.")
    p = person(ctx, "Nduhungirehe")
    assert len(p.mentions) == 2
    assert p.country == "RW"


# ------------------------------------------------------------------ helpers


def test_resolve_phrase_uses_existing_mentions() -> None:
    text = "Kremlin spokesperson Dmitry Peskov said no."
    ctx = run(text)
    a = resolve_phrase(ctx, Span(start=0, end=34))
    assert a is not None
    assert a.id == "person:dmitry-peskov"


def test_resolve_phrase_builds_new_actors() -> None:
    text = (
        "A Gulf mediator said so. Foreign Minister Leila Haddad said so. "
        "The Syrian Observatory for Human Rights said so."
    )
    ctx = ParseContext(text=text)

    def span(phrase: str) -> Span:
        i = text.index(phrase)
        return Span(start=i, end=i + len(phrase))

    a = resolve_phrase(ctx, span("A Gulf mediator"))
    assert a is not None
    assert (a.id, a.anonymous) == ("anon:gulf-mediator", True)
    b = resolve_phrase(ctx, span("Foreign Minister Leila Haddad"))
    assert b is not None
    assert (b.name, b.title) == ("Leila Haddad", "Foreign Minister")
    c = resolve_phrase(ctx, span("The Syrian Observatory for Human Rights"))
    assert c is not None
    assert (c.kind, c.name) == (ActorKind.ORGANIZATION, "Syrian Observatory for Human Rights")
    for actor in (a, b, c):
        assert ctx.actors[actor.id].mentions


def test_resolve_phrase_possessive_title_is_not_the_owner() -> None:
    text = "Burhan's spokesman, Brig. Gen. Nabil Abdallah, said the army advanced."
    ctx = run(text)
    a = resolve_phrase(ctx, Span(start=0, end=18))
    assert a is not None
    assert a.name == "Nabil Abdallah"


def test_resolve_phrase_rejects_bad_span() -> None:
    with pytest.raises(ConflictModelError):
        resolve_phrase(ParseContext(text="x"), (0, 1))  # type: ignore[arg-type]
    assert resolve_phrase(ParseContext(text="x"), Span(start=5, end=9)) is None


def test_resolve_pronoun() -> None:
    ctx = run("Rwandan President Paul Kagame met Hamas. He said they would talk.")
    he = resolve_pronoun(ctx, ctx.text.index("He"), "He")
    assert he is not None
    assert he.name == "Paul Kagame"
    they = resolve_pronoun(ctx, ctx.text.index("they"), "they")
    assert they is not None
    assert they.id == "org:hamas"
    assert resolve_pronoun(ctx, 5, "banana") is None


# ------------------------------------------------------------------ configuration


def test_rules_extension() -> None:
    parser = ActorParser(titles=["hetman"], anon_heads={"monk": "person"})
    ctx = ParseContext(text="Ukrainian hetman Ivan Sirko spoke. A senior monk said no.")
    parser(ctx)
    assert ctx.actors["person:ivan-sirko"].title == "Ukrainian hetman"
    assert "anon:senior-monk" in ctx.actors
    assert "hetman" not in ActorRules.default().titles


def test_rules_extension_validates() -> None:
    with pytest.raises(GazetteerError):
        ActorRules.default().extend(titles=[1])  # type: ignore[list-item]
    with pytest.raises(ConflictModelError):
        ActorParser(rules="rules")  # type: ignore[arg-type]


def test_user_gazetteer_person() -> None:
    gz = Gazetteer.default().extend(
        actors=[
            Actor(
                id="person:jane-roe", name="Jane Roe", kind="person", aliases=["Roe"], country="GB"
            )
        ]
    )
    ctx = run("Roe said the ceasefire held.", gz)
    assert ctx.actors["person:jane-roe"].country == "GB"


def test_works_without_earlier_stages() -> None:
    ctx = ParseContext(
        text="Kremlin spokesperson Dmitry Peskov said no.\nA senior official agreed."
    )
    ActorParser()(ctx)
    assert {"person:dmitry-peskov", "state:RU", "anon:senior-official"} <= set(ctx.actors)


def test_furniture_is_skipped() -> None:
    text = "Talks stalled.\nPhoto: Leila Haddad said nothing / Reuters"
    ctx = ParseContext(text=text, furniture=[Span(start=15, end=len(text))])
    ActorParser()(ctx)
    assert ctx.actors == {}


# ------------------------------------------------------------------ articles about other wars


ARTICLE_EXPECTATIONS: dict[str, dict[str, object]] = {
    "gaza.txt": {
        "people": {
            "Thani": ("Qatari Prime Minister", "QA"),
            "Katz": ("Israeli Defence Minister", "IL"),
            "Naim": ("Hamas official", "PS"),
        },
        "actors": {"org:hamas", "org:unrwa", "media:reuters", "state:IL", "state:EG"},
        "anonymous": {"anon:senior-egyptian-official", "anon:people-familiar-with-the-matter"},
        "metonyms": {"Jerusalem": "state:IL", "Cairo": "state:EG"},
    },
    "sudan.txt": {
        "people": {
            "al-Burhan": ("Sudan's army chief", "SD"),
            "Dagalo": (None, "SD"),
            "Ahmed": ("Foreign Minister", None),
            "Abdallah": (None, None),
        },
        "actors": {"org:rsf", "state:SD", "state:US", "state:SA"},
        "anonymous": {"anon:western-diplomat"},
        "metonyms": {"Khartoum": "state:SD", "Riyadh": "state:SA"},
    },
    "caucasus.txt": {
        "people": {
            "Pashinyan": ("Armenian Prime Minister", "AM"),
            "Aliyev": ("Azerbaijani President", "AZ"),
            "Hajiyev": (None, "AZ"),
            "Mirzoyan": ("Armenia's Foreign Minister", "AM"),
        },
        "actors": {"gov:am-foreign-ministry", "state:AZ", "state:AM"},
        "anonymous": {"anon:armenian-opposition-lawmaker"},
        "metonyms": {"Baku": "state:AZ", "Yerevan": "state:AM"},
    },
    "kashmir.txt": {
        "people": {
            "Sharif": ("Pakistan's Prime Minister", "PK"),
            "Singh": ("Indian Defence Minister", "IN"),
            "Jaishankar": ("External Affairs Minister", "IN"),
        },
        "actors": {"state:IN", "state:PK"},
        "anonymous": {"anon:senior-pakistani-military-official"},
        "metonyms": {"Islamabad": "state:PK"},
    },
    "congo.txt": {
        "people": {
            "Tshisekedi": ("Congolese President", "CD"),
            "Kagame": ("Rwandan President", "RW"),
            "Nangaa": ("leader of the Congo River Alliance", "CD"),
            "Nduhungirehe": ("Rwanda's Foreign Minister", "RW"),
        },
        "actors": {"org:m23", "org:monusco", "org:fdlr", "state:CD", "state:RW", "media:reuters"},
        "anonymous": {"anon:un-experts"},
        "metonyms": {"Kinshasa": "state:CD", "Kigali": "state:RW"},
    },
    "yemen.txt": {
        "people": {
            "Saree": ("military spokesman", None),
            "Abdulsalam": ("Houthis' chief negotiator", "YE"),
            "al-Eryani": ("Information Minister", None),
        },
        "actors": {"org:houthis", "media:al-jazeera", "state:US"},
        "anonymous": {"anon:sources-close-to-the-talks"},
        "metonyms": {"Pentagon": "state:US", "Sanaa": "state:YE"},
    },
    "tigray.txt": {
        "people": {
            "Abiy": ("Ethiopian Prime Minister", "ET"),
            "Reda": ("president of the Tigray Interim Administration", "ET"),
        },
        "actors": {"org:tplf", "org:african-union", "org:fano", "state:ER"},
        "anonymous": {"anon:african-union-mediator"},
        "metonyms": {"Asmara": "state:ER"},
    },
    "lebanon.txt": {
        "people": {
            "Qassem": ("Hezbollah leader", "LB"),
            "Aoun": ("Lebanese President", "LB"),
            "Netanyahu": ("Israeli Prime Minister", "IL"),
        },
        "actors": {"org:hezbollah", "org:unifil", "state:US", "state:LB"},
        "anonymous": {"anon:lebanese-army-officer"},
        "metonyms": {"Washington": "state:US", "Beirut": "state:LB"},
    },
    "myanmar.txt": {
        "people": {
            "Hlaing": (None, "MM"),
            "Zaw": ("spokesperson for the National Unity Government", None),
            "Xijun": ("China's special envoy", "CN"),
        },
        "actors": {"org:arakan-army", "org:nug", "state:CN"},
        "anonymous": {"anon:people-familiar-with-the-talks"},
        "metonyms": {},
    },
    "georgia.txt": {
        "people": {
            "Kobakhidze": ("Georgian Prime Minister", "GE"),
            "Peskov": (None, "RU"),
            "Zourabichvili": ("President", "GE"),
        },
        "actors": {"state:GE", "state:RU"},
        "anonymous": set(),
        "metonyms": {"Tbilisi": "state:GE", "Moscow": "state:RU", "Kremlin": "state:RU"},
    },
    "ukraine_guillemets.txt": {
        "people": {
            "Sybiha": ("Ukraine's Foreign Minister", "UA"),
            "Ryabkov": ("Russian Deputy Foreign Minister", "RU"),
            "Syniehubov": ("regional governor", None),
        },
        "actors": {"media:ukrinform", "state:UA", "state:RU"},
        "anonymous": {"anon:european-official"},
        "metonyms": {"Kyiv": "state:UA", "London": "state:GB", "Paris": "state:FR"},
    },
    "sudan_ap.txt": {
        "people": {
            "Tambour": ("RSF adviser", "SD"),
            "Abdullah": ("Army spokesman", None),
            "Perriello": ("former U.S. special envoy for Sudan", "US"),
        },
        "actors": {"org:rsf", "media:ap", "state:AE", "org:ocha", "gov:ae-foreign-ministry"},
        "anonymous": {"anon:aid-workers"},
        "metonyms": {"Abu Dhabi": "state:AE"},
    },
    "gaza_cabinet.txt": {
        "people": {
            "Netanyahu": ("Prime Minister", "IL"),
            "Defrin": ("IDF spokesperson", "IL"),
            "Katz": ("Defense Minister", "IL"),
            "Merz": ("German Chancellor", "DE"),
            "Abbas": ("president of the Palestinian Authority", "PS"),
        },
        "actors": {
            "gov:il-security-cabinet",
            "gov:gaza-strip-health-ministry",
            "gov:netanyahu-office",
            "media:afp",
            "org:hamas",
        },
        "anonymous": {"anon:hamas-source", "anon:egyptian-mediators"},
        "metonyms": {"Berlin": "state:DE"},
    },
    "titles_mix.txt": {
        "people": {
            "Yermak": ("Zelenskyy’s chief of staff", "UA"),
            "Ushakov": ("Putin's foreign policy aide", "RU"),
            "Kallas": ("EU foreign policy chief", "EE"),
            "Medvedev": ("deputy chairman of Russia's Security Council", "RU"),
            "Budanov": ("head of Ukraine's military intelligence", "UA"),
            "Shoshani": ("spokesman for the Israeli military", "IL"),
            "Baghaei": ("Iranian Foreign Ministry spokesman", "IR"),
        },
        "actors": {"org:un", "org:eu", "org:nato", "state:IR"},
        "anonymous": set(),
        "metonyms": {"Tehran": "state:IR", "Kyiv": "state:UA"},
    },
    "syria.txt": {
        "people": {
            "al-Sharaa": ("Syrian President", "SY"),
            "Erdogan": ("Turkish President", "TR"),
            "Abdi": ("SDF commander", "SY"),
        },
        "actors": {"org:sdf", "org:pkk", "state:TR", "state:IL"},
        "anonymous": set(),
        "metonyms": {"Ankara": "state:TR"},
    },
}


@pytest.mark.parametrize("name", sorted(ARTICLE_EXPECTATIONS))
def test_articles_about_other_conflicts(name: str) -> None:
    expected = ARTICLE_EXPECTATIONS[name]
    ctx = run((ARTICLES / name).read_text(encoding="utf-8"))
    people = expected["people"]
    assert isinstance(people, dict)
    for surname, (title, country) in people.items():
        p = person(ctx, surname)
        if title is not None:
            assert p.title == title, (surname, p.roles)
        if country is not None:
            assert p.country == country, (surname, p.country)
    actors = expected["actors"]
    assert isinstance(actors, set)
    assert actors <= set(ctx.actors), actors - set(ctx.actors)
    anonymous = expected["anonymous"]
    assert isinstance(anonymous, set)
    assert {a.id for a in ctx.actors.values() if a.anonymous} == anonymous
    metonyms = expected["metonyms"]
    assert isinstance(metonyms, dict)
    for surface, actor_id in metonyms.items():
        assert surface in surfaces(ctx, actor_id), (surface, actor_id)
    # no person is named after a place, a body or a sentence opener
    for a in ctx.actors.values():
        if a.kind is ActorKind.PERSON and not a.anonymous:
            assert Gazetteer.default().find_territory(a.name) is None, a.name
            assert len(a.name.split()) >= 2 or a.id in Gazetteer.default().actors, a.name


# ------------------------------------------------------------------ properties


def _allowed(ctx: ParseContext, actor: Actor, surface: str, via: str) -> bool:
    gz = Gazetteer.default()
    folded = fold(surface)
    names = {fold(n) for n in actor.names}
    known = gz.actors.get(actor.id)
    if known is not None:
        names |= {fold(n) for n in known.names}
        names |= {fold(k) for k, v in (*gz.demonyms.items(), *gz.metonyms.items()) if v == actor.id}
    if folded in names:
        return True
    if via == "descriptor":
        return folded.startswith("the ") or "'s " in folded or "’s " in folded
    if via == "anonymous":
        return actor.description is not None and fold(actor.description).startswith(folded)
    if via == "demonym":
        return gz.country_code(surface) == actor.country
    return False


def check_mentions(ctx: ParseContext) -> None:
    text = ctx.text
    for m in ctx.mentions:
        assert 0 <= m.span.start < m.span.end <= len(text)
        if m.kind is MentionKind.ACTOR:
            actor = ctx.actors[m.target]
            surface = m.span.of(text)
            assert _allowed(ctx, actor, surface, m.via), (surface, actor.id, m.via)
        else:
            terr = ctx.territories[m.target]
            assert fold(m.span.of(text)) in {fold(n) for n in terr.names} or m.via == "demonym"


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_mention_spans_name_their_actor(name: str) -> None:
    check_mentions(run((ARTICLES / name).read_text(encoding="utf-8")))


def test_mention_spans_on_seeds(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        check_mentions(run(text))


_WORDS = st.sampled_from(
    [
        "Kremlin",
        "spokesperson",
        "Dmitry",
        "Peskov",
        "said",
        "a",
        "senior",
        "Western",
        "official",
        ",",
        "the",
        "envoy",
        "Mr.",
        "Ahmed",
        "Ali",
        "Russian",
        "Foreign",
        "Ministry",
        "Kyiv",
        "in",
        "Sudan's",
        "army",
        "chief",
        "«",
        "»",
        "who",
        "requested",
        "anonymity",
        ".",
        "\n",
        "two",
        "people",
        "familiar",
        "with",
        "matter",
        "Biden",
        "administration",
        "J.D.",
        "al-",
        "bin",
        "Hamas",
        "insiders",
        "according",
        "to",
    ]
)


@given(st.lists(_WORDS, max_size=60))
def test_mention_spans_on_word_soup(words: list[str]) -> None:
    check_mentions(run(" ".join(words)))


@given(st.text(max_size=300))
def test_any_text_parses(text: str) -> None:
    art = parse_article(text)
    for a in art.actors:
        for m in a.mentions:
            assert 0 <= m.start < m.end <= len(text)


def test_linear_on_adversarial_input() -> None:
    chunk = (
        "«" * 2000
        + "Kremlin spokesperson Dmitry Peskov said " * 50
        + "," * 2000
        + "A senior official said. The envoy said. Mr. Ahmed Ali said. " * 50
        + "Aa Bb " * 500
        + "\ud800"
    )
    ctx = ParseContext(text=chunk * 8)
    ActorParser()(ctx)
    assert "person:dmitry-peskov" in ctx.actors


@pytest.mark.parametrize(
    ("text", "surname", "title", "country"),
    [
        (
            "Putin's foreign policy aide Yuri Ushakov said talks were possible.",
            "Ushakov",
            "Putin's foreign policy aide",
            "RU",
        ),
        (
            "EU foreign policy chief Kaja Kallas urged restraint.",
            "Kallas",
            "EU foreign policy chief",
            "EE",
        ),
        (
            "The head of Ghana's military intelligence, Kwame Boateng, said troops moved.",
            "Boateng",
            "head of Ghana's military intelligence",
            "GH",
        ),
        (
            '"We are not there yet," said Lt. Col. Avi Levin, a spokesman for the Israeli military.',
            "Levin",
            "spokesman for the Israeli military",
            "IL",
        ),
        (
            "Tom Perriello, the former U.S. special envoy for Sudan, said the world looked away.",
            "Perriello",
            "former U.S. special envoy for Sudan",
            "US",
        ),
        (
            "Iranian Foreign Ministry spokesman Esmaeil Baghaei said Tehran got the letter.",
            "Baghaei",
            "Iranian Foreign Ministry spokesman",
            "IR",
        ),
    ],
)
def test_more_title_shapes(text: str, surname: str, title: str, country: str) -> None:
    p = person(run(text), surname)
    assert (p.title, p.country) == (title, country)


def test_a_sentence_is_not_a_title() -> None:
    ctx = run("Zelenskyy’s chief of staff Andriy Yermak met Putin in Istanbul.")
    assert ctx.actors["person:andriy-yermak"].title == "Zelenskyy’s chief of staff"
    assert "Yermak" not in (ctx.actors["person:vladimir-putin"].title or "")


def test_sentence_opening_cue_verb_is_not_a_given_name() -> None:
    # "Said Machar, “…”" inverts "Machar said"; a man called Said is followed by no quotation.
    art = parse_article(
        "Riek Machar arrived in Juba on Friday. Said Machar, “We will not go back to war.”\n"
        "Said Jalili, a former Iranian negotiator, said Tehran would keep enriching uranium."
    )
    names = sorted(a.name for a in art.actors if a.kind.value == "person")
    assert names == ["Riek Machar", "Said Jalili"]
    [quote] = [s for s in art.statements if s.content.startswith("We will not")]
    assert quote.speaker is not None
    assert quote.speaker.name == "Riek Machar"
