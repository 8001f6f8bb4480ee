"""Generate ``data/kb/open/orgs_ucdp.tsv``: organised non-state armed groups (rebels, jihadist groups,
cartels) of the UCDP Actor Dataset 22.1 (CC BY 4.0).

Run from the repository root (reads ``../shared/reference/actors/ucdp_actors``)::

    python -m warta.actors.build_ucdp [--src DIR]

Kept: formally organised non-state actors (``Org`` 1); governments (4) and informal groups (2:
supporters of a party, 3: ethnic or religious communities, whose names are those of whole peoples)
are left out. Country: the first state of ``Location``. Sector: ``CRM`` when the name says
cartel/gang/mafia (or is a known criminal group name), else ``REB``. Names: the UCDP short name, the
original-language name and its English form, and a new name where the group was renamed; names of
two letters or fewer, one-word plurals ("Royalists"), names the hand-kept KB has, and names several groups share are left out.
"""
from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

from warta.actors.build_common import OPEN, REFERENCE, clean, fold, latin, write_tsv

OUT = OPEN / "orgs_ucdp.tsv"

HEADER = """# warta knowledge base: organised non-state armed groups (rebels REB, criminal groups CRM).
# GENERATED - do not edit by hand (hand-kept orgs.tsv rows with the same name win).
# Source: UCDP Actor Dataset version 22.1, Uppsala Conflict Data Program (https://ucdp.uu.se/downloads/),
#   as kept in shared/reference/actors/ucdp_actors. Cite: Uppsala Conflict Data Program, UCDP Actor
#   Dataset 22.1; Davies, Pettersson & Öberg (2022), Journal of Peace Research 59(4).
# Licence: CC BY 4.0 (attribution: UCDP). Source column: ucdp:<ActorId>.
# Regenerate: python -m warta.actors.build_ucdp   (all open data: python -m warta.actors.build_all)
# Columns as orgs.tsv: id, org, country, sector, names, source
"""

CRIME = re.compile(r"\b(cartel|cártel|gang|mafia|zetas|tren de aragua|mara salvatrucha|ms-13|barrio 18|"
                   r"'ndrangheta|camorra|comando vermelho|primeiro comando|clan del golfo|los urabeños|"
                   r"caballeros templarios|knights templar|la familia michoacana|g9)\b", re.I)
LOCATION_FIX = {"Russia (Soviet Union)": "RUS", "Serbia (Yugoslavia)": "SRB", "Yemen (North Yemen)": "YEM",
                "Cambodia (Kampuchea)": "KHM", "DR Congo (Zaire)": "COD", "Myanmar (Burma)": "MMR",
                "Zimbabwe (Rhodesia)": "ZWE", "Vietnam (North Vietnam)": "VNM", "Madagascar (Malagasy)": "MDG",
                "Bosnia-Herzegovina": "BIH", "Ivory Coast": "CIV", "Congo": "COG", "Kingdom of eSwatini (Swaziland)": "SWZ",
                "Russia": "RUS", "Syria": "SYR", "Iran": "IRN", "Laos": "LAO", "Tanzania": "TZA", "Bolivia": "BOL",
                "Venezuela": "VEN", "Macedonia, FYR": "MKD", "North Macedonia": "MKD", "Turkey": "TUR",
                "Israel": "ISR", "Palestine": "PSE", "Moldova": "MDA", "Burkina Faso (Upper Volta)": "BFA",
                "Benin (Dahomey)": "BEN", "Sri Lanka (Ceylon)": "LKA", "Thailand (Siam)": "THA",
                "South Sudan": "SSD", "Sudan": "SDN", "Libya": "LBY", "Mexico": "MEX"}


def _codes() -> dict[str, str]:
    from warta.actors.kb import countries
    out: dict[str, str] = {}
    for c in countries().values():
        for n in (c.name_en, *c.names):
            out.setdefault(n, c.iso3)
    out.update(LOCATION_FIX)
    return out


def _taken() -> set[str]:
    from warta.actors.kb import load_kb
    kb = load_kb()
    return {fold(" ".join(k)).lower() for k, hits in kb.aliases.items()
            if any(not (h.ref or "").startswith(("org:pf-", "org:ucdp-")) for h in hits)}


def _norm(name: str) -> str:
    from warta.actors.kb import key_of
    return fold(" ".join(key_of(name))).lower()


def build(src: Path) -> list[list[str]]:
    codes = _codes()
    taken = _taken()
    groups = []
    with (src / "ucdp-actor-221.csv").open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            if r["Org"].strip() != "1":
                continue
            loc = r["Location"].split(",")[0].strip()
            iso3 = codes.get(loc) or codes.get(re.sub(r"\s*\(.*\)", "", loc), "")
            names = []
            for f in ("NameData", "NameOrig", "NameOrigFullEng", "NewName", "NewNameFullEng"):
                n = re.sub(r"\s*\([^)]*\)", "", clean(r.get(f))).strip()
                if " " not in n and not n.isupper() and n.lower().endswith("s"):
                    continue  # "Royalists", "Neutralists": a kind of group, not a name
                if n and n != "n/a" and latin(n) and len(re.sub(r"\W", "", n)) > 2 and not n.startswith("Government of"):
                    names.append(n)
            if not names:
                continue
            sector = "CRM" if any(CRIME.search(n) for n in names) else "REB"
            groups.append({"id": r["ActorId"].strip(), "country": iso3, "sector": sector,
                           "names": list(dict.fromkeys(names))})
    count = Counter(_norm(n) for g in groups for n in set(g["names"]))
    out = []
    for g in sorted(groups, key=lambda g: int(g["id"])):
        kept = [n for n in g["names"] if count[_norm(n)] == 1 and _norm(n) not in taken]
        if kept:
            out.append([f"ucdp-{g['id']}", "", g["country"], g["sector"], "|".join(kept), f"ucdp:{g['id']}"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=REFERENCE / "actors" / "ucdp_actors")
    a = ap.parse_args(argv)
    if not (a.src / "ucdp-actor-221.csv").exists():
        print(f"skip: {a.src / 'ucdp-actor-221.csv'} not found")
        return 1
    rows = build(a.src)
    write_tsv(OUT, HEADER, rows)
    print(f"{OUT}: {len(rows)} groups")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
