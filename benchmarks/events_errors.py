"""Why gold events are missed: scores of the gold files plus a classified list of the misses.

    .venv/bin/python benchmarks/events_errors.py                 # all gold files, summary + misses
    .venv/bin/python benchmarks/events_errors.py --files gsr_en_partial_dev --show 40
    .venv/bin/python benchmarks/events_errors.py --actors gold   # gold actor spans (event rules only)
    .venv/bin/python benchmarks/events_errors.py --summary       # scores and miss classes only

Reads the gold files of the shared data folder (``../shared/gold`` next to the repository, or
``$WARTA_GOLD``); exits quietly when they are absent. Each missed gold event is put in one class:

* ``actor not found``: a gold source/target key is not among the coded actor mentions of the record;
* ``wrong/missing target``, ``wrong/missing source``: an extracted event of the right type exists
  but its target (source) side does not match (``missing`` when that side is empty);
* ``wrong type``: events with the right actors exist, but of another type;
* ``too few events``: an extracted event would match, but it was used by another gold event;
* ``no trigger``: nothing of the right type and nothing with the right actors was extracted; with
  ``--lexicon`` split into ``no trigger (lexicon)``, when no lexicon pattern of the gold type matches the
  gold event's sentence (a lexicon gap), and ``no trigger (dropped)``, when one matches but the rules
  made no event of it (roles, filters, modality).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("seed_id", "news_id_dev", "gsr_id_partial_dev", "gsr_en_partial_dev")


def gold_dir() -> Path | None:
    for p in (os.environ.get("WARTA_GOLD"), ROOT.parent / "shared" / "gold", Path("/work/shared/gold")):
        if p and Path(p).is_dir():
            return Path(p)
    return None


def keys(actors) -> set[str]:
    from warta.eval.events import actor_keys
    return actor_keys(actors)


def classify(g: dict, preds: list[dict], mention_keys: set[str]) -> str:
    from warta.eval.events import side_matches
    need = (keys(g.get("source")) | keys(g.get("target"))) - {"IGO", "NGO"}
    if need - mention_keys:
        return "actor not found"
    types = {g["event_type"], *g.get("alt_event_types", [])}
    same = [p for p in preds if p.get("event_type") in types]
    if same:
        src_ok = [p for p in same if side_matches(g.get("source"), p.get("source"))]
        if src_ok:
            return "missing target" if all(not p.get("target") for p in src_ok) else "wrong target"
        return "missing source" if all(not p.get("source") for p in same) else "wrong source"
    if any(side_matches(g.get("source"), p.get("source")) and side_matches(g.get("target"), p.get("target"))
           for p in preds):
        return "wrong type"
    return "no trigger"


def _same_sentence(sentence: str, p: dict) -> bool:
    ev = ((p.get("evidence") or {}).get("text") or "").strip()
    return bool(ev) and (ev in sentence or sentence.strip() in ev)


def side(actors) -> str:
    return "+".join(f"{a.get('text')}[{a.get('country') or a.get('org') or '-'}]" for a in actors or []) or "-"


def lexicon_types(pipe, lang: str, sentence: str) -> set[str]:
    """Event types of the lexicon patterns that match ``sentence`` (tokenised as the pipeline does)."""
    from warta.events import lexicon as lexmod
    doc = pipe.nlp(lang).make_doc(sentence)
    words = [lexmod.normalise(t.text) for t in doc]
    return {m.entry.event_type for m in lexmod.find(lexmod.load(lang), words, 0, len(words))}


def run_file(path: Path, pipe, actors: str, split_lexicon: bool = False):
    from warta.eval.events import event_matches, extract_records, score
    from warta.model import Article

    gold = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    preds: dict[str, list[dict]] = {}
    mkeys: dict[str, set[str]] = {}
    for rec in gold:
        rid = str(rec["id"])
        try:
            pub = date.fromisoformat(str(rec.get("date"))[:10]) if rec.get("date") else None
        except ValueError:
            pub = None
        if actors == "gold":
            preds[rid] = extract_records([rec], actors="gold").get(rid, [])
            from warta.eval.events import _oracle_mentions
            ms = _oracle_mentions(rec)
        else:
            res = pipe.process(Article(id=rid, text=rec["text"], lang=rec.get("lang"), published=pub))
            preds[rid] = [e.to_dict() for e in res.events]
            ms = res.mentions
        mkeys[rid] = {(m.country or m.org or "").upper() for m in ms} - {""}
    sc = score(gold, preds, partial="partial" in path.name)
    misses = []
    for rec in gold:
        rid = str(rec["id"])
        pevs = list(preds.get(rid, []))
        used: set[int] = set()
        missed = []
        for g in rec.get("events", []):
            hit = next((j for j, p in enumerate(pevs) if j not in used and event_matches(g, p)), None)
            if hit is not None:
                used.add(hit)
            else:
                missed.append(g)
        free = [p for j, p in enumerate(pevs) if j not in used]
        for g in missed:
            pool = free
            if g.get("sentence"):  # article records: judge by the events of the gold event's sentence
                pool = [p for p in pevs if _same_sentence(g["sentence"], p)]
            if any(event_matches(g, p) for p in pool):
                c = "too few events"  # the matching events went to other gold events
            else:
                c = classify(g, pool, mkeys[rid])
                if c == "no trigger" and split_lexicon:
                    types = {g["event_type"], *g.get("alt_event_types", [])}
                    found = lexicon_types(pipe, rec.get("lang") or "id", g.get("sentence") or rec["text"])
                    c += " (dropped)" if types & found else " (lexicon)"
            misses.append((rec, g, pool, c))
    return sc, misses


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", nargs="*", default=list(FILES))
    ap.add_argument("--actors", choices=("pipeline", "gold"), default="pipeline")
    ap.add_argument("--show", type=int, default=1000, help="misses to list per file")
    ap.add_argument("--summary", action="store_true", help="scores and miss classes only")
    ap.add_argument("--only", help="list only misses of this class (e.g. 'missing target')")
    ap.add_argument("--lexicon", action="store_true",
                    help="split 'no trigger' into lexicon gaps and triggers the rules dropped")
    ap.add_argument("--triggers", action="store_true", help="count the gold triggers of each miss class")
    args = ap.parse_args(argv)
    gd = gold_dir()
    if gd is None:
        print("gold files not found: skipping", file=sys.stderr)
        return 0
    try:
        import warta  # noqa: F401  (an installed or PYTHONPATH copy wins)
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))
    from warta.pipeline import Pipeline
    pipe = Pipeline()
    for name in args.files:
        path = gd / f"{name}.jsonl"
        if not path.exists():
            continue
        sc, misses = run_file(path, pipe, args.actors, args.lexicon)
        cls = Counter(c for *_, c in misses)
        print(f"== {name}: P {sc['precision']:.3f} R {sc['recall']:.3f} F1 {sc['f1']:.3f} "
              f"extra/rec {sc['extra_events_per_record']:.3f} modality {sc['modality_agreement']} "
              f"({sc['matched']}/{sc['gold_events']}, {sc['predicted_events']} predicted)")
        print("   misses: " + ", ".join(f"{k} {v}" for k, v in cls.most_common()))
        if args.triggers:
            by = Counter((c, g["event_type"]) for _, g, _, c in misses)
            for (c, t), n in sorted(by.items(), key=lambda x: -x[1]):
                print(f"   {n:4d}  {c:24s} {t}")
        if args.summary:
            continue
        shown = 0
        for rec, g, pevs, c in misses:
            if args.only and c != args.only:
                continue
            if shown >= args.show:
                break
            shown += 1
            sent = g.get("sentence") or rec["text"]
            print(f"-- [{c}] {rec['id']}: {sent[:300]}")
            print(f"   gold {g['event_type']}: {side(g.get('source'))} -> {side(g.get('target'))}"
                  f"  ({g.get('trigger')})")
            for p in pevs:  # the extracted events not matched to any gold event
                print(f"   pred {p['event_type']}: {side(p.get('source'))} -> {side(p.get('target'))}"
                      f"  ({(p.get('trigger') or {}).get('text')}, {p.get('modality')})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
