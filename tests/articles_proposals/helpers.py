"""Build a ParseContext by hand: sentences by punctuation, mentions from a small name table.

The table stands in for the actors and territories stages so that the proposals, positions and
claims stages can be tested on their own.
"""

from __future__ import annotations

import re

from conflictmodel.actors import Actor
from conflictmodel.context import MentionKind, ParseContext
from conflictmodel.span import Span
from conflictmodel.statements import Statement
from conflictmodel.territories import Territory

# surface form -> (kind, id, canonical name, actor kind or territory code, country)
ACTORS: dict[str, tuple[str, str, str, str | None]] = {}
TERRITORIES: dict[str, tuple[str, str, str | None]] = {}


def _a(names: str, aid: str, name: str, kind: str, country: str | None = None) -> None:
    for n in names.split("|"):
        ACTORS[n] = (aid, name, kind, country)


def _t(names: str, tid: str, name: str, code: str | None) -> None:
    for n in names.split("|"):
        TERRITORIES[n] = (tid, name, code)


_a(
    "United States|US|U.S.|Washington|American|the White House|Americans",
    "state:US",
    "United States",
    "state",
    "US",
)
_a(
    "Russia|Russian|Moscow|the Kremlin|Kremlin|Russian Federation|the Russian Federation",
    "state:RU",
    "Russia",
    "state",
    "RU",
)
_a("Ukraine|Ukrainian|Kyiv|Kiev", "state:UA", "Ukraine", "state", "UA")
_a("Israel|Israeli|Israelis", "state:IL", "Israel", "state", "IL")
_a("Egypt|Egyptian|Cairo", "state:EG", "Egypt", "state", "EG")
_a("Qatar|Qatari|Doha", "state:QA", "Qatar", "state", "QA")
_a("Hamas", "org:hamas", "Hamas", "group")
_a("Hezbollah", "org:hezbollah", "Hezbollah", "group")
_a("Lebanon|Lebanese|Beirut", "state:LB", "Lebanon", "state", "LB")
_a("Armenia|Armenian|Yerevan", "state:AM", "Armenia", "state", "AM")
_a("Azerbaijan|Azerbaijani|Baku", "state:AZ", "Azerbaijan", "state", "AZ")
_a("Sudan|Sudanese", "state:SD", "Sudan", "state", "SD")
_a("RSF|Rapid Support Forces", "org:rsf", "Rapid Support Forces", "group", "SD")
_a("Saudi Arabia|Saudi", "state:SA", "Saudi Arabia", "state", "SA")
_a("Rwanda|Rwandan|Kigali", "state:RW", "Rwanda", "state", "RW")
_a("DR Congo|Congo|Congolese|Kinshasa", "state:CD", "DR Congo", "state", "CD")
_a("M23", "org:m23", "M23", "group")
_a("India|Indian|New Delhi", "state:IN", "India", "state", "IN")
_a("Pakistan|Pakistani|Islamabad", "state:PK", "Pakistan", "state", "PK")
_a("Serbia|Serbian|Belgrade", "state:RS", "Serbia", "state", "RS")
_a("Kosovo|Pristina", "state:XK", "Kosovo", "state", None)
_a("European Union|EU", "org:eu", "European Union", "organization")
_a("Ethiopia|Ethiopian|Addis Ababa", "state:ET", "Ethiopia", "state", "ET")
_a("TPLF", "org:tplf", "TPLF", "group")
_a("African Union|AU", "org:au", "African Union", "organization")
_a("Houthis|Houthi|the Houthis", "org:houthis", "Houthis", "group", "YE")
_a("Saudi-led coalition", "org:saudi-coalition", "Saudi-led coalition", "group")
_a("Yemen|Yemeni", "state:YE", "Yemen", "state", "YE")
_a("Oman|Omani|Muscat", "state:OM", "Oman", "state", "OM")
_a("United Nations|UN|U.N.", "org:un", "United Nations", "organization")
_a("France|French|Paris", "state:FR", "France", "state", "FR")
_a("China|Chinese|Beijing", "state:CN", "China", "state", "CN")
_a("Morocco|Moroccan|Rabat", "state:MA", "Morocco", "state", "MA")
_a("Polisario Front|Polisario", "org:polisario", "Polisario Front", "group")
_a("Bloomberg", "media:bloomberg", "Bloomberg", "media", "US")
_a("Reuters", "media:reuters", "Reuters", "media", "GB")
_a("Axios", "media:axios", "Axios", "media", "US")
_a("Al Jazeera", "media:al-jazeera", "Al Jazeera", "media", "QA")
_a("Donald Trump|Trump", "person:donald-trump", "Donald Trump", "person", "US")
_a(
    "Volodymyr Zelensky|Zelensky|Zelenskyy",
    "person:volodymyr-zelensky",
    "Volodymyr Zelensky",
    "person",
    "UA",
)
_a("Dmitry Peskov|Peskov", "person:dmitry-peskov", "Dmitry Peskov", "person", "RU")
_a("Marco Rubio|Rubio", "person:marco-rubio", "Marco Rubio", "person", "US")
_a("Steve Witkoff|Witkoff", "person:steve-witkoff", "Steve Witkoff", "person", "US")
_a("J.D. Vance|Vance", "person:jd-vance", "J.D. Vance", "person", "US")
_a("Mike Waltz|Waltz", "person:mike-waltz", "Mike Waltz", "person", "US")
_a("Keith Kellogg|Kellogg", "person:keith-kellogg", "Keith Kellogg", "person", "US")
_a(
    "Benjamin Netanyahu|Netanyahu",
    "person:benjamin-netanyahu",
    "Benjamin Netanyahu",
    "person",
    "IL",
)
_a("Nikol Pashinyan|Pashinyan", "person:nikol-pashinyan", "Nikol Pashinyan", "person", "AM")
_a("Ilham Aliyev|Aliyev", "person:ilham-aliyev", "Ilham Aliyev", "person", "AZ")
_a(
    "Abdel Fattah al-Burhan|Burhan",
    "person:abdel-fattah-al-burhan",
    "Abdel Fattah al-Burhan",
    "person",
    "SD",
)
_a("Paul Kagame|Kagame", "person:paul-kagame", "Paul Kagame", "person", "RW")
_a("Felix Tshisekedi|Tshisekedi", "person:felix-tshisekedi", "Felix Tshisekedi", "person", "CD")
_a("Aleksandar Vucic|Vucic", "person:aleksandar-vucic", "Aleksandar Vucic", "person", "RS")
_a("Albin Kurti|Kurti", "person:albin-kurti", "Albin Kurti", "person", None)
_a("Abiy Ahmed|Abiy", "person:abiy-ahmed", "Abiy Ahmed", "person", "ET")

_t("Crimea|Crimean peninsula", "UA-43", "Crimea", "UA-43")
_t("Donetsk", "UA-14", "Donetsk Oblast", "UA-14")
_t("Luhansk", "UA-09", "Luhansk Oblast", "UA-09")
_t("Zaporizhzhia", "UA-23", "Zaporizhzhia Oblast", "UA-23")
_t("Kherson", "UA-65", "Kherson Oblast", "UA-65")
_t("Gaza|Gaza Strip", "area:gaza-strip", "Gaza Strip", None)
_t("West Bank", "area:west-bank", "West Bank", None)
_t("Nagorno-Karabakh|Karabakh", "area:nagorno-karabakh", "Nagorno-Karabakh", None)
_t("El Fasher", "area:el-fasher", "El Fasher", None)
_t("Darfur", "area:darfur", "Darfur", None)
_t("Goma", "area:goma", "Goma", None)
_t("North Kivu", "CD-NK", "North Kivu", "CD-NK")
_t("Kashmir", "area:kashmir", "Kashmir", None)
_t("Tigray", "ET-TI", "Tigray", "ET-TI")
_t("Hodeidah", "area:hodeidah", "Hodeidah", None)
_t("southern Lebanon|south Lebanon", "area:southern-lebanon", "Southern Lebanon", None)
_t("Golan Heights", "area:golan-heights", "Golan Heights", None)
_t("Western Sahara", "EH", "Western Sahara", "EH")
_t("Sumy", "UA-59", "Sumy Oblast", "UA-59")
_t("Ukraine", "UA", "Ukraine", "UA")
_t("Kharkiv", "UA-63", "Kharkiv Oblast", "UA-63")
_t("eastern Congo", "area:eastern-congo", "Eastern Congo", None)
_t("Kosovo", "XK", "Kosovo", None)

_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”»’]?|\n|$)")


def sentences(text: str) -> list[Span]:
    """Sentence spans split at . ! ? and newlines (abbreviations like U.S. are glued back)."""
    out: list[Span] = []
    for m in _SENT.finditer(text):
        seg = m.group()
        lead = len(seg) - len(seg.lstrip())
        body = seg.strip()
        if not body:
            continue
        span = Span(start=m.start() + lead, end=m.start() + lead + len(body))
        if (
            out
            and re.search(r"(?:\b[A-Z]|\bMr|\bDr|\bSt|\bNo)\.$", text[out[-1].start : out[-1].end])
            and not re.match(r"\s*\n", text[out[-1].end : span.start])
        ):
            out[-1] = Span(start=out[-1].start, end=span.end)
            continue
        out.append(span)
    return out


def make_ctx(text: str, *, statements: list[Statement] | None = None) -> ParseContext:
    """A context with sentences, paragraphs and mentions from the tables above."""
    ctx = ParseContext(text=text)
    ctx.paragraphs = [
        Span(start=m.start(), end=m.end())
        for m in re.finditer(r"[^\n]+", text)
        if m.group().strip()
    ]
    ctx.sentences = sentences(text)
    names = sorted({*ACTORS, *TERRITORIES}, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
    for m in rx.finditer(text):
        surface = m.group()
        span = Span(start=m.start(), end=m.end())
        if surface in TERRITORIES:
            tid, tname, code = TERRITORIES[surface]
            ctx.add_territory(Territory(id=tid, name=tname, code=code, kind="region"))
            ctx.add_mention(span, target=tid, kind=MentionKind.TERRITORY)
        if surface in ACTORS:
            aid, aname, kind, country = ACTORS[surface]
            ctx.add_actor(Actor(id=aid, name=aname, kind=kind, country=country))
            via = (
                "demonym"
                if surface.endswith(("n", "i", "ese"))
                and surface[0].isupper()
                and surface
                not in {
                    "Iran",
                    "Sudan",
                    "Oman",
                    "Yemen",
                    "Lebanon",
                    "Azerbaijan",
                    "Pakistan",
                    "Bloomberg",
                }
                and not surface.startswith(("Ukraine",))
                else "name"
            )
            ctx.add_mention(span, target=aid, via=via)
    # "US officials", "Russian officials" and the like: the collective, as the actors stage would.
    for m in re.finditer(
        r"\b(US|U\.S\.|Russian|Israeli|Ukrainian|American|Egyptian|Qatari|Sudanese)\s+(officials|negotiators|diplomats)\b",
        text,
    ):
        aid, _, _, country = ACTORS[m.group(1)]
        slug = f"anon:{m.group(1).lower().replace('.', '')}-{m.group(2)}"
        ctx.add_actor(
            Actor(id=slug, name=m.group(0), kind="person", anonymous=True, country=country)
        )
        ctx.add_mention(Span(start=m.start(), end=m.end()), target=slug, via="anonymous")
    if statements:
        ctx.statements.extend(statements)
    return ctx
