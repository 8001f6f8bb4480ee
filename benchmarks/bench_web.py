"""Response times of ``warta serve``: p50/p95 per endpoint (API and pages) on a database.

Starts the app on a free loopback port (uvicorn, as ``warta serve`` does), warms each endpoint
once, then requests each one ``--repeat`` times in turn from one client and reports the median and
95th percentile per endpoint, and the median over all requests (target: under 300 ms).

    warta process ../shared/samples/id/news-2025-06.jsonl --db /tmp/news.duckdb
    python benchmarks/bench_web.py --db /tmp/news.duckdb [--repeat 20] [--json out.json]

Without ``--db`` it uses ./warta.duckdb; a missing database skips cleanly.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def endpoints(client) -> list[str]:
    """The endpoints to time, with ids taken from the database itself."""
    art = client.get("/api/articles", params={"limit": 1, "status": "coded"}).json()["items"]
    actors = client.get("/api/actors", params={"limit": 1}).json()["items"]
    ev = client.get("/api/events", params={"limit": 1}).json()["items"]
    paths = ["/api/health", "/api/stats", "/api/articles", "/api/events", "/api/events?country=IDN&quad_class=4",
             "/api/events?q=polisi&sort=goldstein", "/api/actors", "/api/network", "/api/timeline", "/api/points",
             "/api/dyads"]
    pages = ["/", "/events", "/events?country=IDN", "/actors", "/network", "/map", "/articles"]
    if art:
        paths.append("/api/articles/" + quote(art[0]["id"], safe=""))
        pages.append("/articles/" + quote(art[0]["id"], safe=""))
    if actors:
        paths.append("/api/actors/" + quote(actors[0]["key"], safe=":"))
        pages.append("/actors/" + quote(actors[0]["key"], safe=":"))
        paths.append("/api/events?actor=" + quote(actors[0]["key"], safe=":"))
    if ev:
        paths.append(f"/api/events/{quote(ev[0]['article_id'], safe='')}/{ev[0]['idx']}")
    corpus = client.get("/api/corpus-events", params={"limit": 1, "sort": "mentions"})
    if corpus.status_code == 200 and corpus.json()["items"]:
        eid = corpus.json()["items"][0]["event_id"]
        paths += ["/api/corpus-events", "/api/corpus-events?sort=mentions", f"/api/corpus-events/{eid}"]
        pages += ["/corpus-events", f"/corpus-events/{eid}"]
    return paths + pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default="warta.duckdb")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    if not Path(args.db).exists():
        print(f"skip: no database at {args.db} (run warta process first)")
        return 0
    import httpx
    import uvicorn

    from warta.web.app import create_app

    port = _port()
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    results = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            paths = endpoints(client)
            for p in paths:  # warm-up
                r = client.get(p)
                if r.status_code != 200:
                    print(f"warning: {p} answered {r.status_code}", file=sys.stderr)
            times = {p: [] for p in paths}
            for _ in range(args.repeat):
                for p in paths:
                    t0 = time.perf_counter()
                    client.get(p)
                    times[p].append((time.perf_counter() - t0) * 1000)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    width = max(len(p) for p in times)
    print(f"{'endpoint':<{width}}  {'p50 ms':>8}  {'p95 ms':>8}")
    for p, ts in times.items():
        ts.sort()
        p50 = statistics.median(ts)
        p95 = ts[min(len(ts) - 1, int(round(0.95 * (len(ts) - 1))))]
        results[p] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
        print(f"{p:<{width}}  {p50:8.1f}  {p95:8.1f}")
    every = sorted(t for ts in times.values() for t in ts)
    overall = statistics.median(every)
    p95_all = every[int(round(0.95 * (len(every) - 1)))]
    medians = [v["p50_ms"] for v in results.values()]
    print(f"\nall {len(every)} requests: median {overall:.1f} ms, p95 {p95_all:.1f} ms; "
          f"slowest endpoint median {max(medians):.1f} ms; endpoints with median >= 300 ms: "
          f"{sum(m >= 300 for m in medians)} of {len(medians)}  (cpus: {os.cpu_count()}, "
          f"load: {os.getloadavg()[0]:.1f})")
    if args.json:
        Path(args.json).write_text(json.dumps({"db": args.db, "repeat": args.repeat, "endpoints": results,
                                               "median_ms": round(overall, 1), "p95_ms": round(p95_all, 1),
                                               "load": os.getloadavg()[0]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
