"""Whole-pipeline speed on real Indonesian news, one core: articles/s and sentences/s per stage.

    .venv/bin/python benchmarks/bench_pipeline.py [--limit N] [--nlp rules|trained] [--repeat K]

The whole pipeline is cleaning (junk, dateline, date, language ID) to coded events, as
``warta process`` runs it minus the store. ``--nlp trained`` adds the shipped statistical components.
With ``--repeat K`` the timed pass runs K times and the median is reported (machines are noisy).

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
    ap.add_argument("--nlp", choices=("rules", "trained"), default="rules")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    path = Path(args.path)
    if not path.exists():
        print(f"skip: {path} not found")
        return 0
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    except (AttributeError, OSError):
        pass
    import statistics

    from warta.ingest import prepare
    from warta.ingest.lang import detector
    from warta.model import Article
    from warta.nlp import load

    recs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                recs.append(json.loads(line))
            if len(recs) >= args.limit:
                break
    raws = [Article(id=str(r.get("id", i)), text=r.get("text") or "", title=r.get("title"),
                    source=r.get("source"), meta={"published": r.get("published")})
            for i, r in enumerate(recs)]
    nlp = load("id", use_model=args.nlp == "trained")
    detector()  # built once per process, like the knowledge base and lexicons: not timed
    prepare(Article(id="warm-up", text=raws[0].text))  # ingestion's word lists too
    d = nlp.make_doc(raws[0].text)
    d._.article = raws[0]
    for _, p in nlp.pipeline:  # warm up (lexicons, knowledge base, gazetteer)
        d = p(d)

    def one_pass():
        times = defaultdict(float)
        n = {"articles": 0, "sentences": 0, "events": 0, "tokens": 0}
        t_all = time.perf_counter()
        for raw in raws:
            t = time.perf_counter()
            a = prepare(Article(id=raw.id, text=raw.text, title=raw.title, source=raw.source))
            times["cleaning"] += time.perf_counter() - t
            if not isinstance(a, Article) or not a.text:
                continue
            t = time.perf_counter()
            doc = nlp.make_doc(a.text)
            times["tokenizer"] += time.perf_counter() - t
            doc._.article = a
            for name, proc in nlp.pipeline:
                t = time.perf_counter()
                doc = proc(doc)
                times[name] += time.perf_counter() - t
            n["articles"] += 1
            n["sentences"] += sum(1 for _ in doc.sents)
            n["events"] += len(doc._.events or [])
            n["tokens"] += len(doc)
        return time.perf_counter() - t_all, times, n

    runs = [one_pass() for _ in range(max(1, args.repeat))]
    runs.sort(key=lambda r: r[0])
    total, times, n = runs[len(runs) // 2]
    arts = raws
    n_sents = n["sentences"]
    print(f"nlp: {args.nlp}  articles: {len(raws)} ({n['articles']} coded)  sentences: {n_sents}  "
          f"tokens: {n['tokens']}  events: {n['events']}  passes: {len(runs)} (median shown; all: "
          f"{', '.join(f'{len(raws) / r[0]:.1f}' for r in runs)} articles/s)")
    print(f"whole pipeline: {len(arts) / total:.1f} articles/s, {n_sents / total:.1f} sentences/s")
    for name, secs in times.items():
        print(f"  {name:18s} {secs:7.3f}s  {len(arts) / secs if secs else float('inf'):9.1f} articles/s"
              f"  {n_sents / secs if secs else float('inf'):10.1f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
