"""Whole-pipeline speed on real Indonesian news, one core: articles/s and sentences/s per stage.

    .venv/bin/python benchmarks/bench_pipeline.py [--limit N]

Reads ../shared/samples/id/news-2025-06.jsonl (skips cleanly when it is absent).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "id" / "news-2025-06.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--path", default=str(SAMPLE))
    args = ap.parse_args()
    path = Path(args.path)
    if not path.exists():
        print(f"skip: {path} not found")
        return 0
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    except (AttributeError, OSError):
        pass
    from warta.model import Article
    from warta.nlp import load

    recs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                recs.append(json.loads(line))
            if len(recs) >= args.limit:
                break
    arts = [Article(id=str(r.get("id", i)), text=r.get("text") or "", lang="id") for i, r in enumerate(recs)]
    nlp = load("id")
    # warm up (lexicons, knowledge base)
    d = nlp.make_doc(arts[0].text)
    d._.article = arts[0]
    for _, p in nlp.pipeline:
        d = p(d)
    times = defaultdict(float)
    n_sents = n_events = n_words = 0
    t_all = time.perf_counter()
    for a in arts:
        t = time.perf_counter()
        doc = nlp.make_doc(a.text)
        times["tokenizer"] += time.perf_counter() - t
        doc._.article = a
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            times[name] += time.perf_counter() - t
        n_sents += sum(1 for _ in doc.sents)
        n_events += len(doc._.events or [])
        n_words += len(doc)
    total = time.perf_counter() - t_all
    print(f"articles: {len(arts)}  sentences: {n_sents}  tokens: {n_words}  events: {n_events}")
    print(f"whole pipeline: {len(arts) / total:.1f} articles/s, {n_sents / total:.1f} sentences/s")
    for name, secs in times.items():
        print(f"  {name:18s} {secs:7.3f}s  {len(arts) / secs if secs else float('inf'):9.1f} articles/s"
              f"  {n_sents / secs if secs else float('inf'):10.1f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
