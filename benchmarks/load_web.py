"""Bounded load test of ``warta serve``: C concurrent clients for S seconds, loopback only.

    python benchmarks/load_web.py --db news.duckdb --clients 50 --seconds 60 [--out report.json]

Starts ``warta serve`` on 127.0.0.1 (a free port) over the database, waits for /api/health, then
runs ``--clients`` asyncio clients (httpx) that request a fixed mix of API endpoints and pages
(events with filters and pages, articles, one article and its page, actors, network, timeline,
stats, the overview) until ``--seconds`` have passed, at most ``--max-requests`` in all. It reports
throughput, p50/p95/p99 latency per endpoint and overall, and the count of errors (5xx, transport
errors) — which must be zero. Every request goes to the loopback address of the server it started.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    code = "import sys; from warta.cli import main; sys.argv[0] = 'warta'; main()"
    return subprocess.Popen([sys.executable, "-c", code, "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited {proc.returncode}: {proc.stderr.read().decode()[-800:]}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("server did not answer /api/health in time")


def targets(base: str) -> list[tuple[str, str]]:
    """(endpoint name, URL) pairs of the request mix, with ids taken from the served data."""
    import httpx

    arts = httpx.get(base + "/api/articles", params={"limit": 20}, timeout=30).json()
    items = arts.get("items") or []
    ids = [a["id"] for a in items][:10] or ["none"]
    mix = [
        ("api/events", "/api/events?limit=50"),
        ("api/events?country", "/api/events?country=IDN&limit=50"),
        ("api/events?type", "/api/events?type=ASSAULT&sort=date&order=asc&limit=50"),
        ("api/events?page", "/api/events?limit=50&offset=100"),
        ("api/articles", "/api/articles?limit=20"),
        ("api/actors", "/api/actors?limit=20"),
        ("api/network", "/api/network"),
        ("api/timeline", "/api/timeline"),
        ("api/stats", "/api/stats"),
        ("page overview", "/"),
        ("page events", "/events"),
    ]
    from urllib.parse import quote

    for aid in ids[:3]:
        mix.append(("api/articles/{id}", "/api/articles/" + quote(aid, safe="")))
        mix.append(("page article", "/articles/" + quote(aid, safe="")))
    return mix


async def client(base: str, mix, stop_at: float, budget: list[int], start: int, out: list,
                 per_client: int | None = None) -> None:
    import httpx

    i = start  # each client goes round the mix from its own starting point
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < stop_at and budget[0] > 0 and (per_client is None or i - start < per_client):
            budget[0] -= 1
            name, url = mix[i % len(mix)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = await http.get(url)
                out.append((name, time.perf_counter() - t0, r.status_code))
            except httpx.HTTPError as exc:
                out.append((name, time.perf_counter() - t0, type(exc).__name__))


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def run(db: Path, clients: int, seconds: float, max_requests: int, seed: int,
        per_client: int | None = None) -> dict:
    """The load test's report; ``per_client`` stops each client after that many requests."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_server(db, port)
    try:
        wait_ready(base, proc)
        mix = targets(base)
        results: list = []
        budget = [max_requests]
        rng = random.Random(seed)
        t0 = time.monotonic()

        async def main() -> None:
            stop_at = time.monotonic() + seconds
            starts = [(j * len(mix)) // clients + rng.randrange(2) for j in range(clients)]
            await asyncio.gather(*(client(base, mix, stop_at, budget, st, results, per_client) for st in starts))

        asyncio.run(main())
        wall = time.monotonic() - t0
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    by: dict[str, list[float]] = {}
    codes: dict[str, int] = {}
    for name, dt, code in results:
        by.setdefault(name, []).append(dt * 1000)
        codes[str(code)] = codes.get(str(code), 0) + 1
    lat = [dt * 1000 for _, dt, _ in results]
    errors = sum(n for c, n in codes.items() if not c.isdigit() or int(c) >= 500)
    return {
        "clients": clients, "seconds": round(wall, 1), "requests": len(results),
        "requests_per_s": round(len(results) / wall, 1) if wall else None,
        "p50_ms": round(pct(lat, 0.5), 1), "p95_ms": round(pct(lat, 0.95), 1), "p99_ms": round(pct(lat, 0.99), 1),
        "status": codes, "errors": errors,
        "endpoints": {n: {"n": len(v), "p50_ms": round(statistics.median(v), 1), "p95_ms": round(pct(v, 0.95), 1)}
                      for n, v in sorted(by.items())},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    if not args.db.exists():
        print(f"no database at {args.db}", file=sys.stderr)
        return 2
    report = run(args.db, args.clients, args.seconds, args.max_requests, args.seed)
    print(json.dumps(report, indent=1))
    if args.out:
        args.out.write_text(json.dumps(report, indent=1))
    return 0 if report["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
