"""Which events the CAMEO import (events_en_cameo.yaml) adds or removes on a BBC sample, for judging by eye.

    python benchmarks/cameo_import_impact.py [N_PER_SECTION] [--seed S]

Runs the English pipeline twice over a fixed random sample of ../shared/samples/en/bbc-2004-2005.jsonl
(N articles per section, default 40; skips cleanly when absent): with the lexicon as shipped and with
``events_en.yaml`` alone (no ``include:``). Prints the events only one run has (trigger, type, actors,
sentence), and the counts per section. Judge each added line: is it a political event of that type?
"""
from __future__ import annotations

import functools
import json
import random
import sys
from collections import Counter
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "en" / "bbc-2004-2005.jsonl"


def _keys(actors) -> str:
    return ",".join(sorted({str(a.get("country") or a.get("org") or "?") for a in actors or []})) or "-"


def main(argv: list[str]) -> int:
    if not SAMPLE.exists():
        print(f"no sample at {SAMPLE}; skipping")
        return 0
    from warta.eval.events import extract_records
    from warta.events import lexicon

    n = int(argv[0]) if argv and argv[0].isdigit() else 40
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 14
    rows = [json.loads(x) for x in SAMPLE.read_text(encoding="utf-8").splitlines() if x.strip()]
    by_sec: dict[str, list[dict]] = {}
    for r in rows:
        by_sec.setdefault(r.get("category") or "?", []).append(r)
    rng = random.Random(seed)
    recs = []
    for sec in sorted(by_sec):
        pick = rng.sample(by_sec[sec], min(n, len(by_sec[sec])))
        recs += [{"id": r["id"], "text": r["text"], "lang": "en", "section": sec} for r in pick]

    def run(include: bool) -> dict:
        @functools.lru_cache(maxsize=None)
        def _load(lang: str):
            data = lexicon.read_lang(lang)
            if not include and lang == "en":
                base = lexicon.read_yaml((Path(lexicon.__file__).parents[1] / "data" / "lexicons"
                                          / "events_en.yaml").read_text(encoding="utf-8"))
                data = base
            return lexicon.compile_lexicon(lang, data)
        lexicon.load = _load
        out = extract_records(recs, lang="en")
        return {rid: {(e["event_type"], e["trigger"]["text"], _keys(e["source"]), _keys(e["target"]),
                       e["evidence"]["text"][:200].replace("\n", " ")) for e in evs} for rid, evs in out.items()}

    if "--only" in argv:  # one run in this process (the pipeline keeps its lexicon per process)
        res = run(argv[argv.index("--only") + 1] == "with")
        print(json.dumps({k: sorted(v) for k, v in res.items()}))
        return 0
    import subprocess

    def sub(mode: str) -> dict:
        args = [sys.executable, __file__, str(n), "--seed", str(seed), "--only", mode]
        out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        return {k: {tuple(e) for e in v} for k, v in json.loads(out.strip().splitlines()[-1]).items()}

    with_imp, without = sub("with"), sub("without")
    sec_of = {r["id"]: r["section"] for r in recs}
    counts: Counter = Counter()
    for rid in sorted(set(with_imp) | set(without)):
        a, b = with_imp.get(rid, set()), without.get(rid, set())
        for e in sorted(a - b):
            counts[(sec_of[rid], "added")] += 1
            print(f"+ {rid} {e[0]} {e[1]!r} {e[2]} -> {e[3]} | {e[4]}")
        for e in sorted(b - a):
            counts[(sec_of[rid], "removed")] += 1
            print(f"- {rid} {e[0]} {e[1]!r} {e[2]} -> {e[3]} | {e[4]}")
        counts[(sec_of[rid], "events_with")] += len(a)
    print(json.dumps({f"{s}/{k}": v for (s, k), v in sorted(counts.items())}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
