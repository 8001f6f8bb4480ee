"""Lexicon coverage: how many predicates (verbs, nouns) the event lexicons hold per CAMEO code and PLOVER type.

    python benchmarks/lexicon_coverage.py [--codes] [--json] [--hand]

Counts the entries of ``warta/data/lexicons/events_id.yaml`` and of the English lexicon
(``events_en.yaml`` plus the files it includes, e.g. the CAMEO import ``events_en_cameo.yaml``).
A *verb* is a verb lemma (EN ``verbs:``), an Indonesian root whose affixes make verbs (meN-, di-,
ber-, ter-, memper-, bare root) or a phrase whose first word is one; a *noun* is an event noun
(EN ``nouns:``), an Indonesian root whose affixes make nouns (-an, peN-an, per-an, ke-an) or a
phrase/literal word that starts with one. An Indonesian root with both kinds of affix counts once
as a verb and once as a noun. Blockers (``ignore: true``) are not counted.

Prints one table per PLOVER type (types come from the coding table unless an entry overrides
them) and the CAMEO codes that have no entry in each language; ``--codes`` adds the table per
CAMEO code (every code of ``cameo_plover.tsv`` with a PLOVER type); ``--hand`` counts the hand-written
files alone (without the generated CAMEO import). No gold data is read.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict

from warta.events import coding, lexicon, morph_id

VERB_AFFIXES = {"meN", "di", "ber", "ter", "memper", "root"}
NOUN_AFFIXES = {"an", "peN-an", "per-an", "ke-an"}
LANGS = ("en", "id")


HAND_ONLY = False  # --hand: leave out the included (generated) files


def _lang_entries(lang: str) -> list[dict]:
    if HAND_ONLY:
        from importlib import resources

        path = resources.files("warta") / "data" / "lexicons" / f"events_{lang}.yaml"
        return list((lexicon.read_yaml(path.read_text(encoding="utf-8")) or {}).get("entries") or [])
    return list(lexicon.read_lang(lang).get("entries") or [])


def _first_kind(lang: str, phrase: str, entry: dict) -> str:
    first = phrase.split()[0]
    if entry.get("phrase_kind"):
        return "noun" if entry["phrase_kind"] == "noun" else "verb"
    if first.startswith("<"):
        if lang == "en":
            return "verb"
        affixes = set(entry.get("affixes") or morph_id.DEFAULT_AFFIXES)
        return "verb" if affixes & VERB_AFFIXES else "noun"
    word = first.split("|")[0].lower()
    if lang == "en":
        return "noun"  # a literal first word: a noun phrase ("peace talks", "air strike")
    return "noun" if morph_id.guess_kind(word) == "noun" else "verb"


def items(lang: str, entry: dict) -> tuple[set[str], set[str]]:
    """(verb items, noun items) of one lexicon entry."""
    verbs: set[str] = set()
    nouns: set[str] = set()
    for v in entry.get("verbs") or []:
        verbs.add(str(v).lower())
    for n in entry.get("nouns") or []:
        nouns.add(str(n).lower())
    affixes = set(entry.get("affixes") or morph_id.DEFAULT_AFFIXES)
    for r in entry.get("roots") or []:
        if affixes & VERB_AFFIXES:
            verbs.add(str(r).lower())
        if affixes & NOUN_AFFIXES:
            nouns.add(str(r).lower())
    for w in entry.get("words") or []:
        w = str(w).lower()
        if lang == "en":
            (nouns if entry.get("nouns_only") else verbs).add(w)
        else:
            (nouns if morph_id.guess_kind(w) == "noun" else verbs).add(w)
    for p in entry.get("phrases") or []:
        p = str(p).lower()
        (verbs if _first_kind(lang, p, entry) == "verb" else nouns).add(p)
    return verbs, nouns


def coverage() -> dict:
    codes = {c: row for c, row in coding.table().items() if row.plover_type and len(c) >= 3}
    by_code = {lang: defaultdict(lambda: [set(), set()]) for lang in LANGS}
    by_type = {lang: defaultdict(lambda: [set(), set()]) for lang in LANGS}
    for lang in LANGS:
        for e in _lang_entries(lang):
            if e.get("ignore"):
                continue
            code = str(e["cameo"]).strip()
            etype = e.get("type") or coding.lookup(code).plover_type
            v, n = items(lang, e)
            by_code[lang][code][0].update(v)
            by_code[lang][code][1].update(n)
            by_type[lang][etype][0].update(v)
            by_type[lang][etype][1].update(n)
    return {"codes": codes, "by_code": by_code, "by_type": by_type}


def _count(d, key) -> tuple[int, int]:
    v, n = d.get(key, [set(), set()])
    return len(v), len(n)


def main(argv: list[str]) -> int:
    global HAND_ONLY
    HAND_ONLY = "--hand" in argv
    cov = coverage()
    codes, by_code, by_type = cov["codes"], cov["by_code"], cov["by_type"]
    missing = {lang: sorted(c for c in codes if sum(_count(by_code[lang], c)) == 0) for lang in LANGS}
    if "--json" in argv:
        print(json.dumps({
            "by_type": {t: {lang: dict(zip(("verbs", "nouns"), _count(by_type[lang], t))) for lang in LANGS}
                        for t in coding.PLOVER_TYPES},
            "by_code": {c: {lang: dict(zip(("verbs", "nouns"), _count(by_code[lang], c))) for lang in LANGS}
                        for c in sorted(codes)},
            "codes_without_entries": missing}, indent=1))
        return 0
    print("| PLOVER type | EN verbs | EN nouns | ID verbs | ID nouns | CAMEO codes | codes with EN entries | codes with ID entries |")
    print("|---|---|---|---|---|---|---|---|")
    tot = defaultdict(int)
    for t in coding.PLOVER_TYPES:
        ev, en = _count(by_type["en"], t)
        iv, inn = _count(by_type["id"], t)
        tcodes = [c for c, r in codes.items() if r.plover_type == t]
        ce = sum(1 for c in tcodes if c not in missing["en"])
        ci = sum(1 for c in tcodes if c not in missing["id"])
        print(f"| {t} | {ev} | {en} | {iv} | {inn} | {len(tcodes)} | {ce} | {ci} |")
        for k, x in zip(("ev", "en", "iv", "in", "c", "ce", "ci"), (ev, en, iv, inn, len(tcodes), ce, ci)):
            tot[k] += x
    print(f"| all | {tot['ev']} | {tot['en']} | {tot['iv']} | {tot['in']} | {tot['c']} | {tot['ce']} | {tot['ci']} |")
    for lang in LANGS:
        print(f"\nCAMEO codes with no {lang.upper()} entry ({len(missing[lang])} of {len(codes)}): "
              + ", ".join(missing[lang]))
    if "--codes" in argv:
        print("\n| CAMEO | PLOVER type | EN verbs | EN nouns | ID verbs | ID nouns |")
        print("|---|---|---|---|---|---|")
        for c in sorted(codes):
            ev, en = _count(by_code["en"], c)
            iv, inn = _count(by_code["id"], c)
            print(f"| {c} | {codes[c].plover_type} | {ev} | {en} | {iv} | {inn} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
