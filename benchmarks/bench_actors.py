"""Speed of the actor linker on real Indonesian news.

Reads ../shared/samples/id/news-2025-06.jsonl (skips cleanly when absent) and reports articles/s,
mentions/s and sentences/s for (a) the linker alone on the text and (b) the spaCy path the pipeline
uses (make_doc + sentencizer + warta_actors), on one core.

    .venv/bin/python benchmarks/bench_actors.py [--limit N] [--resolve N]

``--resolve N`` (default 2000) also times ``resolve`` (what ``warta actors resolve`` runs) on N
names: every k-th person and organisation name of the KB with its role's date, plus titled and
unknown names, and reports the mean and median ms per name; then the process's peak memory.
"""
from __future__ import annotations

import argparse
import json
import re
import time
from datetime import date
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "id" / "news-2025-06.jsonl"
SENT = re.compile(r"[.!?\u2026\n]+")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--resolve", type=int, default=2000)
    args = ap.parse_args()
    if not SAMPLE.exists():
        print(f"skip: {SAMPLE} not found")
        return 0
    texts = []
    for line in SAMPLE.open(encoding="utf-8"):
        rec = json.loads(line)
        if rec.get("text"):
            texts.append(rec["text"])
        if len(texts) >= args.limit:
            break
    words = sum(len(t.split()) for t in texts)
    sents = sum(len([s for s in SENT.split(t) if s.strip()]) for t in texts)

    t0 = time.perf_counter()
    from warta.actors.linker import Linker
    linker = Linker.default()
    load_s = time.perf_counter() - t0

    d = date(2025, 6, 17)
    t0 = time.perf_counter()
    n_mentions = sum(len(linker.link(t, d, "id")) for t in texts)
    dt = time.perf_counter() - t0
    print(f"articles {len(texts)}  words {words} ({words / len(texts):.0f}/article)  sentences {sents}")
    print(f"KB load {load_s:.2f}s")
    print(f"linker:     {len(texts) / dt:8.1f} articles/s  {n_mentions / dt:9.0f} mentions/s  "
          f"{sents / dt:9.0f} sentences/s  ({n_mentions} mentions, {dt:.2f}s)")

    import spacy
    from warta.model import Article
    import warta.actors.component  # noqa: F401
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "\u2026", "\n"]})
    nlp.add_pipe("warta_actors")
    arts = [Article(id=str(i), text=t, published=d, lang="id") for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    n_sent = n_m = 0
    for a in arts:
        doc = nlp.make_doc(a.text)
        doc._.article = a
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        n_m += len(doc._.mentions)
        n_sent += sum(1 for _ in doc.sents)
    dt = time.perf_counter() - t0
    print(f"spaCy path: {len(arts) / dt:8.1f} articles/s  {n_m / dt:9.0f} mentions/s  "
          f"{n_sent / dt:9.0f} sentences/s  ({n_sent} spaCy sentences, {dt:.2f}s)")
    if args.resolve:
        bench_resolve(linker, args.resolve)
    import resource
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


def bench_resolve(linker, n: int) -> None:
    import statistics
    from warta.actors.linker import resolve
    kb = linker.kb
    names = []
    for key, hits in kb.aliases.items():
        h = hits[0]
        if h.kind in ("person", "org") and len(key) >= 2:
            ent = kb.entities.get(h.ref)
            d = next((r.start for r in getattr(ent, "roles", []) if r.start), None) if ent else None
            names.append((" ".join(h.surface), d))
    step = max(1, len(names) // max(1, n - 3))
    sample = names[::step][: n - 3] + [("President Ilham Aliyev", None), ("Menlu Prancis", None),
                                       ("Presiden Kazakhstan Nama Tak Dikenal", None)]
    times = []
    found = 0
    for text, d in sample:
        t0 = time.perf_counter()
        r = resolve(text, d, None, "en", linker)
        times.append((time.perf_counter() - t0) * 1000)
        found += r is not None
    print(f"resolve: {len(sample)} names ({len(kb.aliases)} aliases in the KB)  mean {statistics.mean(times):.3f} ms"
          f"  median {statistics.median(times):.3f} ms  max {max(times):.1f} ms  resolved {found}")


if __name__ == "__main__":
    raise SystemExit(main())
