"""Generate ``data/kb/open/people_countryinfo.tsv`` (CC BY-SA 3.0, kept in its own file): heads of
state and government 2000-2011 (rulers.org lists) and cabinet ministers 2003-2011 (CIA World
Leaders) from Schrodt's CountryInfo.

Run from the repository root (reads ``../shared/reference/actors/countryinfo``)::

    python -m warta.actors.build_countryinfo [--src DIR]

Only people neither the hand-kept ``people*.tsv`` nor ``open/people_cabinets.tsv`` (Wikidata, exact
dates) list are added: those files win. Names are the source's lower-case forms in title case
("zalmai_rassoul_" -> "Zalmai Rassoul"). The CIA end date ``20161201`` means "still in office at the
last update (February 2011)" in both lists: written as 2011-03-01. Invalid days (2004-09-31) become the month's
last day. Kept posts: presidents, prime ministers, monarchs and other heads (leaders list), and
ministers (not deputy, vice or state ministers) from the cabinet list; sector GOV.
"""
from __future__ import annotations

import argparse
import calendar
import csv
import re
from pathlib import Path

from warta.actors.build_common import OPEN, REFERENCE, clean, fold, hand_people_names, slug, write_tsv

OUT = OPEN / "people_countryinfo.tsv"

HEADER = """# warta knowledge base: heads of state and government 2000-2011 and cabinet ministers 2003-2011.
# GENERATED - do not edit by hand (add corrections to a hand-kept people*.tsv: its rows win).
# Source: CountryInfo.txt by Philip A. Schrodt (https://github.com/openeventdata/CountryInfo), its
#   <Leaders> (rulers.org) and <Government> (CIA World Leaders 2003-2011) sections, via the CSV
#   extractions people_leaders.csv and people_gov.csv (shared/reference/actors/countryinfo).
# Licence: CC BY-SA 3.0 Unported (Copyright (c) 2012 Philip A. Schrodt). This file is a derivative
#   work and is distributed under the same licence; it is kept apart from the other KB files.
# Regenerate: python -m warta.actors.build_countryinfo   (all open data: python -m warta.actors.build_all)
# Columns as people_world.tsv: id, country, role, sector, start, end, names, short, source
"""

COUNTRY_FIX = {"madagaskar": "MDG", "republic_of_south_africa": "ZAF", "united_republic_of_tanzania": "TZA",
               "united_states_of_america": "USA", "russian_federation": "RUS", "cote_divoire": "CIV",
               "congo": "COG", "democratic_republic_of_the_congo": "COD", "north_korea": "PRK",
               "south_korea": "KOR", "laos": "LAO", "macedonia": "MKD", "micronesia": "FSM", "palestine": "PSE",
               "swaziland": "SWZ", "syria": "SYR", "taiwan": "TWN", "timor_leste": "TLS", "vietnam": "VNM",
               "brunei_darussalam": "BRN", "faeroe_islands": "FRO", "iran": "IRN", "moldova": "MDA",
               "bolivia": "BOL", "venezuela": "VEN", "czech_republic": "CZE", "cape_verde": "CPV",
               "turkey": "TUR", "hong_kong": "HKG", "kosovo": "XKX", "serbia_and_montenegro": "SCG",
               "yugoslavia": "", "burma": "MMR"}
HEAD_TITLES = {"prime minister", "president", "king", "queen", "premier", "chancellor", "emir", "sultan",
               "head of state", "head of government", "governor general", "paramount ruler", "emperor",
               "chairman of the council of minister", "chairman of the council of state", "ruler",
               "chairman of the presidium of the state great khural", "supreme leader", "prince", "grand duke"}
PARTICLES = {"al", "el", "bin", "binti", "de", "del", "da", "das", "do", "dos", "van", "von", "der", "den", "la",
             "le", "ibn", "ould", "ag", "y", "e", "di"}


def _codes() -> dict[str, str]:
    from warta.actors.kb import countries
    out: dict[str, str] = {}
    for c in countries().values():
        for n in (c.name_en, *c.names):
            out.setdefault(re.sub(r"[^a-z]+", "_", fold(n).lower()).strip("_"), c.iso3)
    out.update(COUNTRY_FIX)
    return out


def _name(raw: str) -> str:
    """The first spelling of a raw name ("shavkat_mirziyayev__shavkat_mirziyoyev": two spellings)."""
    ws = [w for w in raw.strip("_").split("__")[0].split("_") if w]
    return " ".join(w if (k and w in PARTICLES) else w[:1].upper() + w[1:] for k, w in enumerate(ws))


def _date(s: str, *, placeholder_end: bool = False) -> str:
    s = s.strip()
    if not re.fullmatch(r"\d{8}", s):
        return ""
    if placeholder_end and s == "20161201":
        return "2011-03-01"
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    if not 1 <= m <= 12:
        return f"{y}"
    d = max(1, min(d, calendar.monthrange(y, m)[1]))
    return f"{y:04d}-{m:02d}-{d:02d}"


def _minister(desc: str) -> str | None:
    """The first post of a CIA description ("Min. of Foreign Affairs & ...") if it is a minister's."""
    first = re.split(r"\s*(?:&|;|,)\s*", desc.strip())[0]
    low = first.lower()
    if not low.startswith("minister") or any(x in low for x in ("deputy", "vice", "state minister", "minister of state",
                                                               "assistant", "junior", "without portfolio")):
        return None
    return first.lower()


def build(src: Path) -> list[list[str]]:
    known = hand_people_names()
    cab = OPEN / "people_cabinets.tsv"
    if cab.exists():
        for line in cab.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            f = line.split("\t")
            for n in filter(None, f[6].split("|")) if len(f) > 6 else ():
                known.setdefault(fold(n).lower(), f[0])
    codes = _codes()
    people: dict[tuple[str, str], list[list[str]]] = {}  # (name, iso3) -> rows

    def add(country: str, raw: str, role: str, start: str, end: str) -> None:
        iso3 = codes.get(country, "")
        name = _name(raw)
        if not iso3 or len(name.split()) < 2 or fold(name).lower() in known:
            return
        if end and end[:4] < "2000":
            return
        row = [iso3, role, start, end]
        lst = people.setdefault((name, iso3), [])
        if row not in lst:
            lst.append(row)

    with (src / "people_leaders.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            title = r["title"].strip().lower()
            if title in HEAD_TITLES:
                add(r["country"], r["name"], title, _date(r["startYr"]), _date(r["endYr"], placeholder_end=True))
    with (src / "people_gov.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            role = _minister(r["description"])
            if role:
                add(r["country"], r["name"], role, _date(r["startYr"]),
                    _date(r["endYr"], placeholder_end=True))
    used = set(known.values())
    out: list[list[str]] = []
    for (name, iso3), rows in sorted(people.items()):
        pid = slug(name)
        if pid in used:
            pid = f"{pid}-{iso3.lower()}"
        k = 2
        while pid in used:
            pid = f"{slug(name)}-{iso3.lower()}-{k}"
            k += 1
        used.add(pid)
        for k, (country, role, start, end) in enumerate(sorted(rows, key=lambda x: x[2])):
            out.append([pid, country, clean(role), "GOV", start, end, clean(name) if k == 0 else "", "",
                        "CountryInfo (Schrodt), CC BY-SA 3.0"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=REFERENCE / "actors" / "countryinfo")
    a = ap.parse_args(argv)
    if not (a.src / "people_leaders.csv").exists():
        print(f"skip: {a.src / 'people_leaders.csv'} not found")
        return 1
    rows = build(a.src)
    write_tsv(OUT, HEADER, rows)
    print(f"{OUT}: {len(rows)} rows, {len({r[0] for r in rows})} people")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
