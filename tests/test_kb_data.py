"""Validation of the knowledge-base data files (``src/warta/data/kb``) and time-aware facts.

Checks every people row parses (ids, dates, countries, sectors), that no two heads of state (or
heads of government) of one country hold office on the same day, and a few resolutions of people
through the linker's public API, written as expectations of fact.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import pycountry
import pytest

from warta.actors import load_kb, resolve
from warta.actors.kb import kb_dir, parse_date

KB = kb_dir()
PEOPLE_FILES = sorted(KB.glob("people*.tsv"))
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "PTY", "ELI", "SPY", "MED", "BUS", "REL", "LAB",
           "EDU", "CVL", "REF", "NGO", "IGO", "AGR", "HLH", "CRM", "DEV", "HRI", "UAF", "INS", "SEP", "MOD",
           "RAD", "ENV", "IMG", "SET", "CRIM"}
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}  # Kosovo (user-assigned code)
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Roles that make someone head of state / head of government (acting and interim holders, who may
# serve alongside a suspended incumbent, are left out of the overlap check).
HOS = {"president", "king", "queen", "emir", "sultan", "emperor", "supreme leader", "yang di-pertuan agong",
       "chairman of the state peace and development council", "chairman of the presidential council",
       "chairman of the sovereignty council"}
HOG = {"prime minister", "premier", "chancellor"}
HOS_EXCEPT = {("IRN", "president")}  # Iran's president is head of government; the supreme leader heads the state


def _rows(path):
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        yield ln, line.split("\t")


def people_rows():
    out = []
    for path in PEOPLE_FILES:
        for ln, f in _rows(path):
            if f[0] == "id":
                continue
            out.append((path.name, ln, f))
    return out


def org_ids() -> set[str]:
    return {f[0] for _ln, f in _rows(KB / "orgs.tsv") if f[0] != "id"}


def test_people_files_exist():
    names = {p.name for p in PEOPLE_FILES}
    assert {"people_world.tsv", "people_idn.tsv"} <= names


def test_every_people_row_parses():
    orgs = org_ids()
    errors = []
    for fname, ln, f in people_rows():
        where = f"{fname}:{ln}"
        if not 6 <= len(f) <= 9:
            errors.append(f"{where}: {len(f)} columns")
            continue
        f = [x.strip() for x in f] + [""] * (9 - len(f))
        pid, country, role, sector, start, end, names, short, source = f
        if not SLUG_RE.match(pid):
            errors.append(f"{where}: bad id {pid!r}")
        if country.startswith("org:"):
            if country[4:] not in orgs:
                errors.append(f"{where}: unknown organisation {country!r}")
        elif country not in ISO3:
            errors.append(f"{where}: bad country {country!r}")
        if not role:
            errors.append(f"{where}: empty role (use '-' for base facts)")
        if sector not in SECTORS:
            errors.append(f"{where}: bad sector {sector!r}")
        for s in (start, end):
            if s and not DATE_RE.match(s):
                errors.append(f"{where}: bad date {s!r}")
        try:
            a, b = parse_date(start), parse_date(end)
        except ValueError as e:
            errors.append(f"{where}: invalid date ({e})")
            continue
        if a and b and a > b:
            errors.append(f"{where}: start {a} after end {b}")
        if b and b > date(2030, 1, 1) or a and a > date(2030, 1, 1):
            errors.append(f"{where}: date in the far future")
        for n in (x for x in names.split("|") + short.split("|") if x):
            if n != n.strip() or not any(c.isupper() for c in n):  # "al-Sisi", "von der Leyen" are fine
                errors.append(f"{where}: name {n!r} has no capital letter or stray spaces")
    assert not errors, "\n".join(errors[:30])


def test_person_ids_unique():
    """An id names one person: its names and source are given on exactly one row (any file), and
    no two ids share the same first (canonical) name."""
    defined = defaultdict(list)
    first_name = {}
    for fname, ln, f in people_rows():
        f = [x.strip() for x in f] + [""] * 9
        if f[6]:
            defined[f[0]].append(f"{fname}:{ln}")
            first_name.setdefault(f[6].split("|")[0].lower(), set()).add(f[0])
    all_ids = {f[0].strip() for _fn, _ln, f in people_rows()}
    twice = {k: v for k, v in defined.items() if len(v) > 1}
    assert not twice, twice
    nameless = sorted(all_ids - set(defined))
    assert not nameless, f"ids without names: {nameless[:10]}"
    shared = {n: ids for n, ids in first_name.items() if len(ids) > 1}
    assert not shared, shared
    orgs = org_ids()
    assert len(orgs) == sum(1 for _ln, f in _rows(KB / "orgs.tsv") if f[0] != "id"), "duplicate org ids"


def test_every_person_has_a_source():
    kb = load_kb()
    people = [e for e in kb.entities.values() if e.kind == "PER"]
    assert len(people) >= 1000
    assert all(e.source for e in people), [e.id for e in people if not e.source][:5]


def _holders(roles: set[str]):
    by_country = defaultdict(list)
    for fname, ln, f in people_rows():
        f = [x.strip() for x in f] + [""] * 9
        pid, country, role = f[0], f[1], f[2]
        if role in roles and not country.startswith("org:") and (country, role) not in HOS_EXCEPT:
            a = parse_date(f[4]) or date.min
            b = parse_date(f[5]) or date.max
            by_country[country].append((a, b, pid, f"{fname}:{ln}"))
    return by_country


@pytest.mark.parametrize("roles", [HOS, HOG], ids=["head of state", "head of government"])
def test_no_two_heads_on_the_same_day(roles):
    errors = []
    for country, ivs in _holders(roles).items():
        ivs.sort()
        for (a1, b1, p1, w1), (a2, b2, p2, w2) in zip(ivs, ivs[1:]):
            if a2 < b1:  # end is exclusive
                errors.append(f"{country}: {p1} ({w1}, {a1}..{b1}) overlaps {p2} ({w2}, {a2}..{b2})")
    assert not errors, "\n".join(errors)


def head_on(country: str, d: date, roles=HOS) -> set[str]:
    return {p for a, b, p, _w in _holders(roles)[country] if a <= d < b}


@pytest.mark.parametrize("country,d,who", [
    ("ZAF", date(2008, 12, 1), "kgalema-motlanthe"),
    ("DEU", date(2011, 1, 1), "christian-wulff"),
    ("JPN", date(2019, 4, 30), "akihito"),
    ("JPN", date(2019, 5, 1), "naruhito"),
    ("MYS", date(2020, 6, 1), "abdullah-of-pahang"),
    ("KWT", date(2021, 1, 1), "nawaf-al-ahmad"),
    ("TWN", date(2004, 1, 1), "chen-shui-bian"),
    ("VNM", date(2019, 1, 1), "nguyen-phu-trong"),
    ("ARE", date(2010, 1, 1), "khalifa-bin-zayed"),
])
def test_head_of_state_on_a_date(country, d, who):
    assert head_on(country, d) == {who}


@pytest.mark.parametrize("country,d,who", [
    ("AUS", date(2008, 6, 1), "kevin-rudd"),
    ("ITA", date(2012, 6, 1), "mario-monti"),
    ("FRA", date(2019, 1, 1), "edouard-philippe"),
    ("TUR", date(2015, 1, 1), "ahmet-davutoglu"),
    ("CAN", date(2010, 1, 1), "stephen-harper"),
    ("THA", date(2012, 1, 1), "yingluck-shinawatra"),
])
def test_head_of_government_on_a_date(country, d, who):
    assert head_on(country, d, HOG) == {who}


@pytest.mark.parametrize("name,d,country,sector", [
    ("Thabo Mbeki", date(2005, 3, 1), "ZAF", "GOV"),
    ("Thabo Mbeki", date(2010, 3, 1), "ZAF", "ELI"),  # former president
    ("Nouri al-Maliki", date(2010, 1, 1), "IRQ", "GOV"),
    ("Yingluck Shinawatra", date(2013, 1, 1), "THA", "GOV"),
    ("Yingluck Shinawatra", date(2016, 1, 1), "THA", "ELI"),
    ("Sheikh Hasina", date(2020, 1, 1), "BGD", "GOV"),
    ("Sheikh Hasina", date(2025, 1, 1), "BGD", "ELI"),  # ousted 2024-08-05
    ("Tzipi Livni", date(2008, 1, 1), "ISR", "GOV"),
    ("Jacinda Ardern", date(2019, 1, 1), "NZL", "GOV"),
    ("Wiranto", date(2018, 1, 1), "IDN", "GOV"),
    ("Moeldoko", date(2014, 6, 1), "IDN", "MIL"),  # TNI commander
    ("Moeldoko", date(2020, 6, 1), "IDN", "GOV"),  # presidential chief of staff
    ("Ban Ki-moon", date(2005, 6, 1), "KOR", "GOV"),  # foreign minister, before the UN
    ("Abdullah bin Zayed", date(2020, 1, 1), "ARE", "GOV"),
    ("Mullah Omar", date(2000, 1, 1), None, "REB"),
])
def test_people_resolve_on_the_article_date(name, d, country, sector):
    r = resolve(name, d, None, "en")
    assert r is not None, name
    assert r["sector"] == sector, r
    if country:
        assert r["country"] == country, r


def test_mohammed_bin_salman_roles():
    r = resolve("Mohammed bin Salman", date(2019, 1, 1), None, "en")
    assert r["country"] == "SAU" and r["sector"] == "GOV"
    kb = load_kb()
    mbs = kb.entities["per:mohammed-bin-salman"]
    assert mbs.on(date(2019, 1, 1))[3] == "crown prince"
    assert mbs.on(date(2023, 1, 1))[3] == "crown prince and prime minister"
