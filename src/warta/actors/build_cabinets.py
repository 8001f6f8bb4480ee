"""Generate ``data/kb/open/people_cabinets.tsv``: national cabinet office holders since 2000 and
heads of state and government to 2024, from Wikidata query outputs (CC0).

Run from the repository root (reads ``../shared/reference/actors/cabinets``)::

    python -m warta.actors.build_cabinets [--src DIR]

Sources (both Wikidata query outputs, CC0 1.0 at source; see the folder's PROVENANCE.md):

- ``world_cabinets.csv``: holders of each national cabinet post since 2000 (every-politician-scrapers
  ``html/holders21.csv``), exact dates where Wikidata has them, to about late 2022;
- ``world-leaders-2021_wikidata.csv``: heads of state and government of every country to 2024 (start and
  end *years* only): used only for (person, post) pairs the first file lacks, dated by year (start:
  1 January of the start year; end: 1 January after the end year, so a leader who left office in a
  year counts as in office all that year and the year's two holders overlap).

People the hand-kept ``people*.tsv`` files already list (same full name, accents folded) get only
the posts their hand rows lack (same country, a period no hand row overlaps: Gordon Brown's years as
Chancellor of the Exchequer before his premiership), as roles-only rows under the hand id; the hand
rows win. Names not in Latin letters and one-word names are left out (a one-word name
such as "Pratikno" is too often another word or person). Each person gets their Wikidata label, its
accent-free form and its transliteration variants (``build_common.translit_variants``:
"Shavkat Mirziyoyev" also "Shavkat Mirziyoev"); no short forms (a surname alone resolves only after the full name, by
coreference). Every row is sector GOV; the role is the post's English title in lower case. An end of year or
month precision is written as the first day after that year or month (see ``_end``).
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from warta.actors.build_common import (OPEN, REFERENCE, clean, fold, hand_people_names, hand_people_roles, latin,
                                      slug, translit_variants, write_tsv)

OUT = OPEN / "people_cabinets.tsv"

HEADER = """# warta knowledge base: national cabinet office holders 2000-2022 and heads of state and government
# to 2024. GENERATED - do not edit by hand (add corrections to a hand-kept people*.tsv: its rows win).
# Source: Wikidata (CC0 1.0) query outputs by every-politician-scrapers (world_cabinets.csv, exact
#   dates; world-leaders-2021_wikidata.csv, years only), as kept in shared/reference/actors/cabinets.
# Licence: CC0 1.0 (public domain dedication). Source column: wikidata:<person QID>.
# Regenerate: python -m warta.actors.build_cabinets   (all open data: python -m warta.actors.build_all)
# Columns as people_world.tsv: id, country, role, sector, start, end, names, short, source
"""

# world-leaders country labels pycountry/CLDR spell differently
COUNTRY_FIX = {"People's Republic of China": "CHN", "Kingdom of the Netherlands": "NLD", "Kosovo": "XKX",
               "Taiwan": "TWN", "State of Palestine": "PSE", "Ivory Coast": "CIV", "Federated States of Micronesia": "FSM",
               "The Gambia": "GMB", "The Bahamas": "BHS", "Democratic Republic of the Congo": "COD",
               "Republic of the Congo": "COG", "Vatican City": "VAT", "East Timor": "TLS", "Eswatini": "SWZ",
               "North Korea": "PRK", "South Korea": "KOR", "Russia": "RUS", "Cape Verde": "CPV",
               "São Tomé and Príncipe": "STP", "Czech Republic": "CZE", "Sahrawi Arab Democratic Republic": "",
               "Abkhazia": "", "South Ossetia": "", "Transnistria": "", "Northern Cyprus": "", "Artsakh": "",
               "Somaliland": "", "Cook Islands": "COK", "Niue": "NIU", "Georgia": "GEO", "Turkey": "TUR", "Saint Lucia": "LCA"}


def _country_codes() -> dict[str, str]:
    from warta.actors.kb import countries
    out: dict[str, str] = {}
    for c in countries().values():
        for n in (c.name_en, *c.names):
            out.setdefault(n, c.iso3)
    out.update(COUNTRY_FIX)
    return out


def _end(s: str) -> str:
    """An end date of year or month precision becomes the first day after that year or month (the
    holder was in office at some time in it); a full date is kept (already the first day out)."""
    s = s.strip()
    if re.fullmatch(r"\d{4}", s):
        return str(int(s) + 1)
    if re.fullmatch(r"\d{4}-\d{2}", s):
        y, m = int(s[:4]), int(s[5:])
        return f"{y + m // 12}-{m % 12 + 1:02d}"
    return s


_COUNTRY_NAMES: dict[str, list[str]] = {}


def _role(title: str, iso3: str = "") -> str:
    """The post's title in lower case without its country ("President of the Gambia" -> "president",
    "Monarch of Sweden" -> "monarch", "President of the Republic" -> "president")."""
    t = re.sub(r"\s+", " ", title).strip().lower()
    if not _COUNTRY_NAMES:
        from warta.actors.kb import countries
        for c in countries().values():
            _COUNTRY_NAMES[c.iso3] = sorted({n.lower() for n in (c.name_en, *c.names)}, key=len, reverse=True)
    for n in _COUNTRY_NAMES.get(iso3, []) + ["the republic", "the nation"]:
        t2 = re.sub(rf"\s+of\s+(the\s+)?{re.escape(n)}$", "", t)
        if t2 != t:
            return t2
    return t


def _names(label: str) -> list[str]:
    label = clean(label)
    out = [label]
    f = fold(label)
    if f != label:
        out.append(f)
    for v in translit_variants(f):  # "Mirziyoyev" / "Mirziyoev"
        if v not in out:
            out.append(v)
    return out


def _ok_name(label: str) -> bool:
    return bool(label) and not re.fullmatch(r"Q\d+", label) and latin(label) and len(label.split()) >= 2


def _extra_roles(hand_roles: list[tuple[str, str, str, str]], rows: list[tuple[str, str, str, str, str]]):
    """Roles of ``rows`` a hand-kept person lacks: same country as one of their hand rows (else the
    name may be another person's), and a period that overlaps none of their hand rows."""
    from datetime import date

    from warta.actors.kb import parse_date
    countries = {c for c, *_ in hand_roles}
    lo, hi = date(1, 1, 1), date(9999, 1, 1)
    out = []
    for country, role, start, end, qid in rows:
        if country not in countries or not start:
            continue
        s, e = parse_date(start) or lo, parse_date(end) or hi
        # a handover day or two in common is no overlap (Brown: Chancellor to 2007-06-28, PM from 06-27)
        if any((min(e, parse_date(he) or hi) - max(s, parse_date(hs) or lo)).days > 31
               for _c, _r, hs, he in hand_roles):
            continue
        out.append((country, role, start, end, qid))
    return out


def build(src: Path) -> list[list[str]]:
    hand = hand_people_names()
    hand_roles = hand_people_roles()
    extra: dict[str, list[tuple[str, str, str, str, str]]] = {}  # hand id -> rows from Wikidata
    people: dict[str, dict] = {}  # qid -> {"label", "rows": [[country, role, start, end]]}
    seen_rows: set[tuple] = set()
    with (src / "world_cabinets.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            qid, label = r["person_qid"].strip(), r["person"].strip()
            if qid and _ok_name(label) and fold(label).lower() in hand:
                iso3 = r["country_iso3"].strip()
                extra.setdefault(hand[fold(label).lower()], []).append(
                    (iso3, _role(r["position"], iso3), r["start"].strip(), _end(r["end"]), qid))
                continue
            if not qid or not _ok_name(label) or fold(label).lower() in hand:
                continue
            iso3 = r["country_iso3"].strip()
            row = (iso3, _role(r["position"], iso3), r["start"].strip(), _end(r["end"]))
            if (qid,) + row in seen_rows or not row[0] or not row[1]:
                continue
            seen_rows.add((qid,) + row)
            people.setdefault(qid, {"label": label, "rows": []})["rows"].append(list(row))
    codes = _country_codes()
    with (src / "world-leaders-2021_wikidata.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            qid, label = r["officeholder"].strip(), r["officeholderLabel"].strip()
            iso3 = codes.get(r["country"].strip(), "")
            if not iso3 or not qid or not _ok_name(label) or fold(label).lower() in hand:
                continue
            pos = re.sub(rf"\s+of\s+(the\s+)?{re.escape(r['country'].strip())}$", "", r["positionLabel"].strip())
            role = _role(pos, iso3)
            ent = people.setdefault(qid, {"label": label, "rows": []})
            if any(x[0] == iso3 and x[1] == role for x in ent["rows"]):
                continue  # the exact-dated row of world_cabinets.csv wins
            ent["rows"].append([iso3, role, r["start_year"].strip(), _end(r["end_year"])])
    # ids: the name's slug; a second person of the same name gets the QID appended
    used = set(hand.values())
    out: list[list[str]] = []
    # hand-kept people: the posts their hand rows leave out (roles only; the hand rows load first)
    for pid in sorted(extra):
        for country, role, start, end, qid in sorted(set(_extra_roles(hand_roles.get(pid, []), extra[pid])),
                                                     key=lambda x: x[2]):
            out.append([pid, country, clean(role), "GOV", start, end, "", "", f"wikidata:{qid} (hand-kept person)"])
    for qid, ent in sorted(people.items(), key=lambda kv: (slug(kv[1]["label"]), int(kv[0][1:]))):
        pid = slug(ent["label"])
        if pid in used:
            pid = f"{pid}-{qid.lower()}"
        used.add(pid)
        rows = sorted(ent["rows"], key=lambda x: (x[2] or "0", x[1]))
        for k, (country, role, start, end) in enumerate(rows):
            names = "|".join(_names(ent["label"])) if k == 0 else ""
            out.append([pid, country, clean(role), "GOV", start, end, names, "", f"wikidata:{qid}"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=REFERENCE / "actors" / "cabinets")
    a = ap.parse_args(argv)
    if not (a.src / "world_cabinets.csv").exists():
        print(f"skip: {a.src / 'world_cabinets.csv'} not found")
        return 1
    rows = build(a.src)
    write_tsv(OUT, HEADER, rows)
    print(f"{OUT}: {len(rows)} rows, {len({r[0] for r in rows})} people")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
