"""Ingestion alone (read -> clean -> dateline/date -> language -> dedup), no NLP, no store.

    .venv/bin/python benchmarks/bench_ingest.py [FILE.jsonl]

Default input: ../shared/samples/id/news-2025-06.jsonl (skips cleanly when absent). Prints
articles/s, peak RSS, junk lines removed, exact and near duplicates, languages and errors.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "id" / "news-2025-06.jsonl"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    if not path.exists():
        print(f"skip: {path} not found")
        return 0
    from warta.ingest import prepare, read
    from warta.ingest.dedup import Deduper
    from warta.ingest.lang import detector
    from warta.model import IngestError

    detector()  # build the language detector before timing (once per process)
    t0 = time.perf_counter()
    dedup = Deduper()
    n = junk = 0
    status: Counter = Counter()
    langs: Counter = Counter()
    dated = 0
    errors: list[IngestError] = []
    for item in read([path]):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        art = prepare(item)
        if isinstance(art, IngestError):
            errors.append(art)
            continue
        n += 1
        junk += int(art.meta.get("junk_lines") or 0)
        langs[art.lang] += 1
        dated += art.published is not None
        status[dedup.check(art)[0]] += 1
    dt = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "file": str(path), "articles": n, "seconds": round(dt, 2), "articles_per_s": round(n / dt, 1),
        "peak_rss_mb": round(peak_mb, 1), "junk_lines_removed": junk,
        "exact_duplicates": status["exact"], "near_duplicates": status["near"],
        "with_publication_date": dated, "languages": dict(langs), "errors": len(errors),
        "error_examples": [str(e) for e in errors[:5]],
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
