"""Generate ``data/kb/open/orgs_parties.tsv``: political parties of every country active since 2000,
from Party Facts (MIT).

Run from the repository root (reads ``../shared/reference/actors/partyfacts``)::

    python -m warta.actors.build_parties [--src DIR]

Kept: core parties (not the "technical" placeholders) whose last year is empty or 2000 or later.
Names: the native and English names and the short name (each may list alternatives with " / ";
the part before a dash, "Georgian Dream – Democratic Georgia", is a variant too). A name or short name
several kept parties share goes to the one with the largest vote share when it is at least 1.5 times
the next and at least 5%, else to none ("SD", "National Front" stay unresolved); a short name must
have 3-8 letters, and one in mixed case ("Fidesz") at least 6 ("Linke", "Plaid" are words), and
it is kept only for a party with a vote share of at least 10%; names the hand-kept KB already has
(countries, organisations, agent words) are left out. Names made only of generic words ("Social
Democrats", "Green Party": ``GENERIC``) are left out. Every party is sector PTY with its country; the
``org`` column stays empty (national parties are coded by country and sector, as in orgs.tsv).
"""
from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from pathlib import Path

from warta.actors.build_common import OPEN, REFERENCE, clean, fold, latin, write_tsv

OUT = OPEN / "orgs_parties.tsv"

HEADER = """# warta knowledge base: political parties active since 2000 (sector PTY), all countries.
# GENERATED - do not edit by hand (hand-kept orgs.tsv rows with the same id or name win).
# Source: Party Facts core parties (https://partyfacts.herokuapp.com, hdigital/partyfactsdata,
#   import/elecglob/partyfacts-core-parties.csv), as kept in shared/reference/actors/partyfacts.
#   Cite: Döring, Holger and Sven Regel (2019), Party Facts, Party Politics 25(2): 97-109.
# Licence: MIT (Copyright (c) 2022 Party Facts authors). Source column: partyfacts:<id>.
# Regenerate: python -m warta.actors.build_parties   (all open data: python -m warta.actors.build_all)
# Columns as orgs.tsv: id, org, country, sector, names, source
"""


def _variants(field: str) -> list[str]:
    out = []
    for part in (field or "").split(" / "):
        part = re.sub(r"\s*\([^)]*\)", "", part).strip(" ,;")
        if not part:
            continue
        out.append(part)
        head = re.split(r"\s+[–—-]\s+", part)[0].strip()
        if head != part and len(head.split()) >= 2:
            out.append(head)
    return out


# Names made only of these words name a kind of party, not one party ("Social Democrats",
# "Green Party", "National Front"): not imported.
GENERIC = set("""party parti partido partei partij partito the of for and a de la del des du le les et y e
democrats democratic democrat democracy social socialist socialists christian green greens people's peoples
people popular national front liberal liberals labour labor conservative conservatives union alliance
movement left right new workers workers' republican republicans progressive progressives unity united centre
center central reform list citizens citizens' civic independent independents freedom justice development
solidarity renewal rally congress league coalition forum radical communist communists ecologist ecological
agrarian farmers pensioners patriotic patriots revolutionary action federation bloc democratic-republican
nationalist nationalists nation homeland change hope future together dignity truth order law work
european""".split())


def _generic(name: str) -> bool:
    return all(w in GENERIC for w in re.findall(r"[\w'-]+", fold(name).lower()))


def _short_ok(s: str) -> bool:
    letters = re.sub(r"[-–]", "", s)
    if not letters.isalpha() or not 3 <= len(letters) <= 8:
        return False
    return s.isupper() or (s[0].isupper() and len(s) >= 6)


def _taken() -> tuple[set[str], set[str]]:
    """Folded lowercase aliases of the KB other than this file's own parties, and the single words
    of its longer names ("alliance", "keadilan")."""
    from warta.actors.kb import load_kb
    kb = load_kb()
    out, words = set(), set()
    for key, hits in kb.aliases.items():
        if any(not (h.ref or "").startswith(("org:pf-", "org:ucdp-")) for h in hits):
            out.add(fold(" ".join(key)).lower())
            if len(key) > 1:
                words.update(fold(w) for w in key)
    return out, words


def _norm(name: str) -> str:
    from warta.actors.kb import key_of
    return fold(" ".join(key_of(name))).lower()


def build(src: Path) -> list[list[str]]:
    taken, kb_words = _taken()
    parties = []
    with (src / "elecglob_partyfacts-core-parties.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["technical"].strip() or (r["year_last"].strip() and int(r["year_last"]) < 2000):
                continue
            try:
                share = float(r["share"] or 0)
            except ValueError:
                share = 0.0
            names = [n for n in _variants(r["name"]) + _variants(r["name_english"])
                     if len(n.split()) >= 2 and latin(n) and not _generic(n)]
            shorts = [s for s in _variants(r["name_short"]) if _short_ok(s)]
            if not names and not shorts:
                continue
            parties.append({"id": r["partyfacts_id"].strip(), "country": r["country"].strip(), "share": share,
                            "names": list(dict.fromkeys(names)), "shorts": list(dict.fromkeys(shorts))})
    owners: dict[str, list[dict]] = defaultdict(list)
    for p in parties:
        for n in p["names"] + p["shorts"]:
            owners[_norm(n)].append(p)

    def owner_ok(p: dict, n: str) -> bool:
        key = _norm(n)
        if not key or key in taken:
            return False
        rivals = sorted({id(q): q for q in owners[key]}.values(), key=lambda q: -q["share"])
        if len(rivals) == 1:
            return True
        return rivals[0] is p and p["share"] >= 5 and p["share"] >= 1.5 * rivals[1]["share"]

    def short_ok(p: dict, s: str) -> bool:  # an acronym is kept for a party of some weight only
        if not s.isupper() and (s.lower() in taken or s.lower() in kb_words or s.lower().endswith("s")):
            return False  # a mixed-case short name that is a word of the KB or a plural ("Greens")
        return p["share"] >= 10 and owner_ok(p, s)

    out = []
    for p in sorted(parties, key=lambda p: (p["country"], int(p["id"]) if p["id"].isdigit() else 0)):
        kept = [n for n in p["names"] if owner_ok(p, n)] + [s for s in p["shorts"] if short_ok(p, s)]
        kept = list(dict.fromkeys(clean(n) for n in kept))
        if not kept or len(p["country"]) != 3:
            continue
        out.append([f"pf-{p['id']}", "", p["country"], "PTY", "|".join(kept), f"partyfacts:{p['id']}"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=REFERENCE / "actors" / "partyfacts")
    a = ap.parse_args(argv)
    if not (a.src / "elecglob_partyfacts-core-parties.csv").exists():
        print(f"skip: {a.src} has no partyfacts-core-parties.csv")
        return 1
    rows = build(a.src)
    write_tsv(OUT, HEADER, rows)
    print(f"{OUT}: {len(rows)} parties")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
