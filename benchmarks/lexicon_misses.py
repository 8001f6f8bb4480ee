"""Which gold events the event lexicons miss, and why (diagnostic for growing ``events_*.yaml``).

Runs the pipeline over the gold files of ../shared/gold (skips cleanly when absent) and, for every
gold event that no extracted event matches, prints its type, trigger and sentence with what was
extracted from that record, tagged:

- ``nolex``:  no word of the gold trigger starts any lexicon pattern (a lexicon gap)
- ``type``:   no extracted event of the gold type in the record (wrong code or missed trigger)
- ``roles``:  an event of the right type was extracted but its actors do not match

A summary per file gives the scores and the counts of each tag, with ``type_recall`` (right type
anywhere in the record, actors ignored): the ceiling the lexicon alone sets.

    .venv/bin/python benchmarks/lexicon_misses.py [--file NAME] [--tag nolex|type|roles] [--quiet] [--extras]
        [--actors gold] [--lexdir DIR]

``--extras`` lists the extracted events that match no gold event instead (precision check; in
``partial`` files some are real secondary events).
``--lexdir DIR`` reads ``events_<lang>.yaml`` from DIR instead (e.g. a saved copy, for before/after).
``--actors gold`` puts the gold actor spans in place of the actor linker (isolates the event rules).
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
FILES = ["seed_id.jsonl", "news_id_dev.jsonl", "gsr_id_partial_dev.jsonl", "gsr_en_partial_dev.jsonl", "news_en_dev.jsonl"]


def _keys(actors) -> str:
    return ",".join(sorted({str(a.get("country") or a.get("org") or "?") for a in actors or []})) or "-"


def main(argv: list[str]) -> int:
    if not GOLD.exists():
        print(f"no gold data at {GOLD}; skipping")
        return 0
    from warta.eval.events import event_matches, extract_records, score
    from warta.events import lexicon

    only = argv[argv.index("--file") + 1] if "--file" in argv else None
    tag_only = argv[argv.index("--tag") + 1] if "--tag" in argv else None
    actors = argv[argv.index("--actors") + 1] if "--actors" in argv else "pipeline"
    quiet = "--quiet" in argv
    extras_only = "--extras" in argv
    if "--lexdir" in argv:  # compare against another copy of the lexicon files
        lexdir = Path(argv[argv.index("--lexdir") + 1])
        import functools

        @functools.lru_cache(maxsize=None)
        def _load(lang: str):
            return lexicon.compile_lexicon(lang, lexicon.read_lang(lang, lexdir))

        lexicon.load = _load
    summary = {}
    for name in FILES:
        if only and only not in name:
            continue
        path = GOLD / name
        if not path.exists():
            continue
        gold = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        preds = extract_records(gold, actors=actors)
        tags: Counter = Counter()
        type_hits = n = 0
        for rec in gold:
            lang = rec.get("lang") or "id"
            lex = lexicon.load("en" if lang == "en" else "id")
            pevs = list(preds.get(str(rec["id"]), []))
            used: set[int] = set()
            if extras_only:
                for g in rec.get("events", []):
                    j = next((j for j, p in enumerate(pevs) if j not in used and event_matches(g, p)), None)
                    if j is not None:
                        used.add(j)
                for j, p in enumerate(pevs):
                    if j not in used:
                        print(f"[extra] {rec['id']} {p['event_type']} {p['cameo']} {_keys(p['source'])} -> "
                              f"{_keys(p['target'])} {p['trigger']['text']!r} | {p['evidence']['text'][:160]!r}")
                continue
            for g in rec.get("events", []):
                n += 1
                if extras_only:
                    j = next((j for j, p in enumerate(pevs) if j not in used and event_matches(g, p)), None)
                    if j is not None:
                        used.add(j)
                    continue
                j = next((j for j, p in enumerate(pevs) if j not in used and event_matches(g, p)), None)
                types = {g["event_type"], *g.get("alt_event_types", [])}
                if any(p.get("event_type") in types for p in pevs):
                    type_hits += 1
                if j is not None:
                    used.add(j)
                    continue
                words = [w.lower() for w in re.findall(r"\w+(?:-\w+)*", g.get("trigger") or "")]
                if not any(lexicon.normalise(w) in lex.index for w in words):
                    tag = "nolex"
                elif not any(p.get("event_type") in types for p in pevs):
                    tag = "type"
                else:
                    tag = "roles"
                tags[tag] += 1
                if quiet or (tag_only and tag != tag_only):
                    continue
                sent = g.get("sentence") or rec["text"]
                print(f"[{tag}] {rec['id']} gold {g['event_type']}/{g.get('mode')} {g.get('cameo', '')} "
                      f"{_keys(g.get('source'))} -> {_keys(g.get('target'))} trigger={g.get('trigger')!r}")
                print(f"    {sent[:300]}")
                for p in pevs:
                    print(f"    got {p['event_type']} {p['cameo']} {_keys(p['source'])} -> {_keys(p['target'])}"
                          f" {p['trigger']['text']!r} ({p['modality']})")
        s = score(gold, preds, partial="partial" in name)
        summary[name] = {"f1": s["f1"], "recall": s["recall"], "precision": s["precision"],
                         "extra": s["extra_events_per_record"], "type_recall": round(type_hits / n, 3) if n else 0,
                         **dict(tags)}
    for name, s in summary.items():
        print(name, json.dumps(s))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
