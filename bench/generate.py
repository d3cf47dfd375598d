"""Deterministic generator of varied synthetic news articles about wars and peace talks.

The benchmark needs thousands of articles that exercise every stage: named speakers with
titles, anonymous sources, outlets, pronoun continuations, direct, partial and reported
speech in several quotation styles, proposals with provisions and conditions, territorial
claims, absolute and relative dates, datelines and page furniture.  The articles are about
several conflicts (Gaza, Sudan, Armenia–Azerbaijan, Kashmir, DR Congo, Yemen, Ukraine,
Ethiopia) and are built from templates, so the same seed always gives the same corpus.

Usage::

    python bench/generate.py --count 1000 --seed 7 --out /tmp/corpus   # one .txt per article
    python bench/generate.py --count 3 --show                           # print to stdout

From Python (``bench/`` on ``sys.path``)::

    >>> from generate import generate
    >>> [a.conflict for a in generate(3, seed=1)] == [a.conflict for a in generate(3, seed=1)]
    True
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CONFLICTS",
    "QUOTE_STYLES",
    "GeneratedArticle",
    "article_of_size",
    "generate",
    "main",
]


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    party: str


@dataclass(frozen=True)
class Conflict:
    key: str
    parties: tuple[str, ...]
    adjectives: tuple[str, ...]
    people: tuple[Person, ...]
    places: tuple[str, ...]
    capitals: tuple[str, ...]
    mediators: tuple[str, ...]
    venues: tuple[str, ...]
    disputed: tuple[str, ...]


@dataclass(frozen=True)
class GeneratedArticle:
    """One synthetic article with its metadata."""

    source: str
    conflict: str
    title: str
    published: dt.date
    text: str


CONFLICTS: tuple[Conflict, ...] = (
    Conflict(
        key="gaza",
        parties=("Israel", "Hamas", "the Palestinian Authority"),
        adjectives=("Israeli", "Palestinian", "Egyptian", "Qatari"),
        people=(
            Person("Benjamin Netanyahu", "Prime Minister", "Israel"),
            Person("Israel Katz", "Defence Minister", "Israel"),
            Person("Mahmoud Abbas", "President", "the Palestinian Authority"),
            Person("Khalil al-Hayya", "senior Hamas negotiator", "Hamas"),
            Person("Sheikh Mohammed bin Abdulrahman Al Thani", "Qatari Prime Minister", "Qatar"),
        ),
        places=("Gaza City", "Rafah", "Khan Younis", "the Gaza Strip", "the West Bank"),
        capitals=("JERUSALEM", "GAZA CITY", "CAIRO", "DOHA"),
        mediators=("Egypt", "Qatar", "the United States"),
        venues=("Cairo", "Doha", "Sharm el-Sheikh"),
        disputed=("the Gaza Strip", "the West Bank", "East Jerusalem"),
    ),
    Conflict(
        key="sudan",
        parties=("the Sudanese Armed Forces", "the Rapid Support Forces", "the army"),
        adjectives=("Sudanese", "Saudi", "Emirati"),
        people=(
            Person("Abdel Fattah al-Burhan", "army chief", "the Sudanese Armed Forces"),
            Person(
                "Mohamed Hamdan Dagalo",
                "Rapid Support Forces commander",
                "the Rapid Support Forces",
            ),
            Person("Ramtane Lamamra", "UN envoy", "the United Nations"),
            Person("Tom Perriello", "US special envoy", "the United States"),
        ),
        places=("Khartoum", "El Fasher", "Darfur", "Omdurman", "Kordofan", "Port Sudan"),
        capitals=("KHARTOUM", "PORT SUDAN", "JEDDAH", "NAIROBI"),
        mediators=("Saudi Arabia", "the United States", "the African Union"),
        venues=("Jeddah", "Geneva", "Addis Ababa"),
        disputed=("Darfur", "El Fasher", "North Kordofan"),
    ),
    Conflict(
        key="caucasus",
        parties=("Armenia", "Azerbaijan"),
        adjectives=("Armenian", "Azerbaijani", "Russian"),
        people=(
            Person("Nikol Pashinyan", "Prime Minister", "Armenia"),
            Person("Ilham Aliyev", "President", "Azerbaijan"),
            Person("Ararat Mirzoyan", "Foreign Minister", "Armenia"),
            Person("Jeyhun Bayramov", "Foreign Minister", "Azerbaijan"),
            Person("Hikmet Hajiyev", "presidential adviser", "Azerbaijan"),
        ),
        places=("Nagorno-Karabakh", "Syunik", "Stepanakert", "Lachin", "Nakhchivan"),
        capitals=("YEREVAN", "BAKU", "WASHINGTON"),
        mediators=("the United States", "the European Union", "Russia"),
        venues=("Washington", "Brussels", "Almaty"),
        disputed=("Nagorno-Karabakh", "the Zangezur corridor", "Nakhchivan"),
    ),
    Conflict(
        key="kashmir",
        parties=("India", "Pakistan"),
        adjectives=("Indian", "Pakistani"),
        people=(
            Person("Narendra Modi", "Prime Minister", "India"),
            Person("Shehbaz Sharif", "Prime Minister", "Pakistan"),
            Person("Subrahmanyam Jaishankar", "External Affairs Minister", "India"),
            Person("Ishaq Dar", "Foreign Minister", "Pakistan"),
            Person("Asim Munir", "army chief", "Pakistan"),
        ),
        places=("Kashmir", "Jammu", "Srinagar", "Muzaffarabad", "the Line of Control", "Poonch"),
        capitals=("NEW DELHI", "ISLAMABAD", "SRINAGAR"),
        mediators=("the United States", "Saudi Arabia"),
        venues=("New Delhi", "Islamabad", "Riyadh"),
        disputed=("Kashmir", "Jammu and Kashmir", "Azad Kashmir"),
    ),
    Conflict(
        key="congo",
        parties=("the Democratic Republic of the Congo", "Rwanda", "the M23 rebels"),
        adjectives=("Congolese", "Rwandan"),
        people=(
            Person("Felix Tshisekedi", "President", "the Democratic Republic of the Congo"),
            Person("Paul Kagame", "President", "Rwanda"),
            Person("Corneille Nangaa", "rebel leader", "the M23 rebels"),
            Person(
                "Therese Kayikwamba Wagner",
                "Foreign Minister",
                "the Democratic Republic of the Congo",
            ),
            Person("Olivier Nduhungirehe", "Foreign Minister", "Rwanda"),
        ),
        places=("Goma", "Bukavu", "North Kivu", "South Kivu", "Ituri"),
        capitals=("KINSHASA", "KIGALI", "GOMA", "DOHA"),
        mediators=("Qatar", "the United States", "Angola"),
        venues=("Doha", "Washington", "Luanda"),
        disputed=("North Kivu", "South Kivu", "Goma"),
    ),
    Conflict(
        key="yemen",
        parties=("the Houthis", "the Saudi-led coalition", "Yemen's government"),
        adjectives=("Yemeni", "Saudi", "Omani"),
        people=(
            Person("Abdul-Malik al-Houthi", "Houthi leader", "the Houthis"),
            Person("Mohammed Abdulsalam", "Houthi chief negotiator", "the Houthis"),
            Person("Rashad al-Alimi", "Presidential Council chairman", "Yemen's government"),
            Person("Hans Grundberg", "UN special envoy", "the United Nations"),
        ),
        places=("Sanaa", "Hodeidah", "Marib", "Aden", "Taiz", "the Red Sea"),
        capitals=("SANAA", "ADEN", "MUSCAT", "RIYADH"),
        mediators=("Oman", "Saudi Arabia", "the United Nations"),
        venues=("Muscat", "Riyadh", "Stockholm"),
        disputed=("Hodeidah", "Marib", "Taiz"),
    ),
    Conflict(
        key="ukraine",
        parties=("Russia", "Ukraine", "NATO"),
        adjectives=("Russian", "Ukrainian", "European"),
        people=(
            Person("Volodymyr Zelensky", "President", "Ukraine"),
            Person("Vladimir Putin", "President", "Russia"),
            Person("Dmitry Peskov", "Kremlin spokesman", "Russia"),
            Person("Andrii Sybiha", "Foreign Minister", "Ukraine"),
            Person("Sergei Lavrov", "Foreign Minister", "Russia"),
            Person("Mark Rutte", "NATO Secretary General", "NATO"),
        ),
        places=("Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "Crimea", "Kharkiv", "Sumy"),
        capitals=("KYIV", "MOSCOW", "ISTANBUL", "BRUSSELS"),
        mediators=("Turkey", "the United States", "Saudi Arabia"),
        venues=("Istanbul", "Riyadh", "Geneva"),
        disputed=("Crimea", "Donetsk", "Luhansk", "Zaporizhzhia"),
    ),
    Conflict(
        key="ethiopia",
        parties=(
            "Ethiopia's federal government",
            "the Tigray People's Liberation Front",
            "Eritrea",
        ),
        adjectives=("Ethiopian", "Tigrayan", "Eritrean"),
        people=(
            Person("Abiy Ahmed", "Prime Minister", "Ethiopia's federal government"),
            Person("Getachew Reda", "interim administration head", "Tigray"),
            Person(
                "Debretsion Gebremichael", "TPLF chairman", "the Tigray People's Liberation Front"
            ),
            Person("Olusegun Obasanjo", "African Union envoy", "the African Union"),
        ),
        places=("Tigray", "Mekelle", "Amhara", "Western Tigray", "Afar"),
        capitals=("ADDIS ABABA", "MEKELLE", "PRETORIA", "NAIROBI"),
        mediators=("the African Union", "Kenya", "South Africa"),
        venues=("Pretoria", "Nairobi", "Addis Ababa"),
        disputed=("Western Tigray", "Tigray", "Afar"),
    ),
)

QUOTE_STYLES: tuple[tuple[str, str], ...] = (
    ("\u201c", "\u201d"),  # “English”
    ('"', '"'),  # "straight"
    ("\u00ab", "\u00bb"),  # «guillemets»
    ("\u00ab\u00a0", "\u00a0\u00bb"),  # « French spacing »
    ("\u201e", "\u201c"),  # „German“
    ("\u2018", "\u2019"),  # ‘single curly’
    ("'", "'"),  # 'single straight'
)

OUTLETS = (
    "Reuters",
    "the Associated Press",
    "Al Jazeera",
    "the BBC",
    "AFP",
    "Bloomberg",
    "The New York Times",
    "Axios",
)
ANON = (
    "a senior {adj} official",
    "a Western diplomat familiar with the talks",
    "two people briefed on the negotiations",
    "an aide to the negotiating team",
    "a {adj} military source",
    "one regional analyst",
)
CUES = ("said", "told reporters", "said in a statement", "insisted", "warned", "added", "stressed")
REL_DATES = (
    "on Monday",
    "on Tuesday",
    "late Wednesday",
    "on Thursday",
    "early Friday",
    "over the weekend",
    "last week",
    "earlier this month",
    "last November",
    "on Sunday evening",
)
PROVISIONS = (
    "an immediate ceasefire",
    "a freeze of the current front line",
    "the exchange of all prisoners",
    "the release of hostages",
    "the withdrawal of troops from {place}",
    "humanitarian corridors into {place}",
    "international peacekeepers along the line of contact",
    "the lifting of some sanctions",
    "security guarantees from {mediator}",
    "elections within a year",
    "a referendum on the status of {disputed}",
    "reconstruction funds for {place}",
)
CONDITIONS = (
    "the other side withdraws its forces first",
    "international monitors are deployed",
    "all hostages are released",
    "sanctions are lifted",
    "{mediator} guarantees the deal",
)
STATUSES = (
    "proposed",
    "put forward",
    "rejected",
    "accepted in principle",
    "under discussion",
    "signed",
    "tabled",
)
QUOTES = (
    "We will not accept any deal that rewards aggression",
    "There can be no peace without justice for the victims",
    "Our door remains open to talks, but not at any price",
    "The ceasefire is holding, for now",
    "This proposal is dead on arrival",
    "We are ready to sign tomorrow if the other side is serious",
    "Nobody should expect us to give up {disputed}",
    "The humanitarian situation in {place} is catastrophic",
    "We have shown flexibility; now it is their turn",
    "Every day of delay costs lives",
    "The talks in {venue} were constructive",
    "Our forces will respond to every violation",
)
PARTIALS = (
    "a non-starter",
    "unacceptable",
    "a step in the right direction",
    "pure theatre",
    "the last chance for peace",
    "historic",
)
HEADLINES = (
    "{mediator} pushes new truce plan as fighting rages in {place}",
    "{party} rejects {venue} proposal on {disputed}",
    "Talks in {venue} stall over {disputed}",
    "{person} says peace is possible, but not at any price",
    "Ceasefire deal within reach, officials say",
    "Fighting flares around {place} despite truce talks",
)
FURNITURE = (
    "Related: {mediator} envoy to visit the region next week",
    "Photo: Smoke rises over {place}. (Reuters)",
    "Read more: What we know about the {venue} talks",
    "Advertisement",
    "Sign up for our newsletter",
)


def _fill(template: str, rng: random.Random, c: Conflict) -> str:
    return template.format(
        place=rng.choice(c.places),
        mediator=rng.choice(c.mediators),
        venue=rng.choice(c.venues),
        disputed=rng.choice(c.disputed),
        party=rng.choice(c.parties),
        adj=rng.choice(c.adjectives),
        person=rng.choice(c.people).name,
    )


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _surname(p: Person) -> str:
    return p.name.split()[-1]


class _Writer:
    """Builds one article's paragraphs, tracking who spoke last (for continuations)."""

    def __init__(self, rng: random.Random, c: Conflict):
        self.rng = rng
        self.c = c
        self.qo, self.qc = rng.choice(QUOTE_STYLES)
        self.last: Person | None = None

    def q(self, s: str) -> str:
        return f"{self.qo}{s}{self.qc}"

    def quote(self) -> str:
        return _fill(self.rng.choice(QUOTES), self.rng, self.c)

    def person(self) -> Person:
        return self.rng.choice(self.c.people)

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))

    def sentence(self) -> str:
        return _cap(self._sentence())

    def _sentence(self) -> str:
        rng, c = self.rng, self.c
        kind = rng.randrange(12)
        p = self.person()
        date = rng.choice(REL_DATES)
        cue = rng.choice(CUES)
        if kind == 0:
            self.last = p
            return f"{self.q(self.quote() + ',')} {p.title} {p.name} {cue} {date}."
        if kind == 1:
            self.last = p
            return f"{p.name}, the {p.title}, said: {self.q(self.quote() + '.')}"
        if kind == 2 and self.last is not None:
            pronoun = rng.choice(("he", "she"))
            return f"{self.q(self.quote() + ',')} {pronoun} added. {self.q(self.quote() + '.')}"
        if kind == 3:
            self.last = p
            return (
                f"{p.title} {p.name} {date} called the plan {self.q(rng.choice(PARTIALS))}, "
                f"saying {rng.choice(c.parties)} would not negotiate under fire."
            )
        if kind == 4:
            anon = _fill(rng.choice(ANON), rng, c)
            return (
                f"{self.q(self.quote() + ',')} {anon} told {rng.choice(OUTLETS)}, "
                "speaking on condition of anonymity because the talks are confidential."
            )
        if kind == 5:
            provs = rng.sample(PROVISIONS, k=rng.randint(2, 3))
            provs = [_fill(x, rng, c) for x in provs]
            return (
                f"The plan, {rng.choice(STATUSES)} by {rng.choice(c.mediators)} {date}, "
                f"would include {', '.join(provs[:-1])} and {provs[-1]}."
            )
        if kind == 6:
            cond = _fill(rng.choice(CONDITIONS), rng, c)
            prov = _fill(rng.choice(PROVISIONS), rng, c)
            return f"{_cap(p.party)} said it would accept {prov} only if {cond}."
        if kind == 7:
            return (
                f"According to {rng.choice(OUTLETS)}, {rng.choice(c.mediators)} has proposed "
                f"{_fill(rng.choice(PROVISIONS), rng, c)} as a first step."
            )
        if kind == 8:
            claimant = rng.choice(c.parties)
            return (
                f"{_cap(claimant)} considers {rng.choice(c.disputed)} an integral part of its "
                f"territory, a claim the other side rejects."
            )
        if kind == 9:
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
            style = rng.randrange(3)
            when = (
                f"on {day:%B} {day.day}, {day.year}",
                f"on {day.day} {day:%B} {day.year}",
                f"on {day.isoformat()}",
            )[style]
            return (
                f"Delegations met in {rng.choice(c.venues)} {when}, {_surname(p)} said, "
                f"but no date was set for a new round."
            )
        if kind == 10:
            self.last = p
            return (
                f"{_surname(p)} {cue} {date} that {rng.choice(c.parties)} was ready to "
                f"discuss {_fill(rng.choice(PROVISIONS), rng, c)}."
            )
        return (
            f"Fighting continued around {rng.choice(c.places)}, where "
            f"{rng.choice(c.adjectives).lower()} officials reported {rng.randint(2, 90)} dead "
            f"and {rng.randint(1000, 90000):,} displaced."
        )


def _article(index: int, rng: random.Random, paragraphs: int | None = None) -> GeneratedArticle:
    c = rng.choice(CONFLICTS)
    w = _Writer(rng, c)
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1000))
    title = _fill(rng.choice(HEADLINES), rng, c)
    n = paragraphs if paragraphs is not None else rng.randint(3, 24)
    body = [w.paragraph() for _ in range(n)]
    if rng.random() < 0.5:
        source = rng.choice(("Reuters", "AFP", "AP"))
        body[0] = f"{rng.choice(c.capitals)}, {published:%b} {published.day} ({source}) - {body[0]}"
    if rng.random() < 0.4:
        body.insert(rng.randrange(1, len(body) + 1), _fill(rng.choice(FURNITURE), rng, c))
    lines = [title, ""] if rng.random() < 0.7 else []
    sep = "\n\n" if rng.random() < 0.6 else "\n"
    text = "\n".join(lines) + sep.join(body) + "\n"
    return GeneratedArticle(
        source=f"gen-{index:06d}-{c.key}",
        conflict=c.key,
        title=title,
        published=published,
        text=text,
    )


def generate(
    count: int, *, seed: int = 0, paragraphs: int | None = None
) -> Iterator[GeneratedArticle]:
    """Yield ``count`` articles; the same ``seed`` gives the same articles.

    ``paragraphs`` fixes the number of body paragraphs (default 3 to 24: about 1 to 10 KB, 3.5 KB on average).
    """
    rng = random.Random(seed)
    for i in range(count):
        yield _article(i, rng, paragraphs)


def article_of_size(size: int, *, seed: int = 0) -> str:
    """One long article of at least ``size`` UTF-8 bytes, built from generated paragraphs."""
    rng = random.Random(seed)
    w = _Writer(rng, rng.choice(CONFLICTS))
    parts: list[str] = []
    total = 0
    while total < size:
        para = w.paragraph()
        parts.append(para)
        total += len(para.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: write or show a generated corpus."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, help="folder to write <source>.txt files into")
    ap.add_argument("--show", action="store_true", help="print the articles")
    args = ap.parse_args(argv)
    for art in generate(args.count, seed=args.seed):
        if args.out is not None:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{art.source}.txt").write_text(art.text, encoding="utf-8")
        if args.show:
            print(f"=== {art.source} published {art.published}\n{art.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
