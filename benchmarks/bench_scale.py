"""Throughput of ``warta process`` at 1 and N workers and on Dask, against the floor, in one run.

    python benchmarks/bench_scale.py [--limit 1000] [--workers 1,2] [--dask 2] [--nlp rules|trained]
                                     [--sample id|en|both] [--json results.json]

For each sample (``../shared/samples/id/news-2025-06.jsonl``; ``--sample en``: the BBC sample):

- floor: reading the JSONL plus spaCy tokenisation (warta's tokenizer, nothing else), in 1 and in
  N processes (each process takes every N-th line);
- local engine at each ``--workers`` count: the full default pipeline (cleaning, language ID,
  dedup, actors, events, when/where) into a fresh DuckDB store;
- Dask (``--dask W``): the same on a LocalCluster of W worker processes, Parquet partitions merged
  into a fresh store.

Each measurement runs in a fresh Python process (cold, as a real run starts). Start-up (loading
the pipelines, starting workers or the cluster) is excluded: each engine is started and warmed
before the clock starts. CPU time (user + system, all processes) per article is measured too: on a
loaded machine it is steadier than wall time, and ``N / CPU`` is what N free cores would give.
Peak RSS is sampled every 0.25 s for this process and every child process (workers); the table
gives the largest single process and the sum.
Machines are noisy: compare the ratios within one run (each engine against the floor of the
same run), not absolute numbers across runs. Skips cleanly when the samples are absent.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "samples"
SAMPLES = {"id": SHARED / "id" / "news-2025-06.jsonl", "en": SHARED / "en" / "bbc-2004-2005.jsonl"}


class RSSMonitor:
    """Peak resident memory of this process and its children, sampled in a thread."""

    def __init__(self, every: float = 0.25):
        import psutil

        self.me = psutil.Process()
        self.every = every
        self.peak_one = 0
        self.peak_total = 0
        self.own_cpu = 0.0  # CPU seconds of the sampling thread (taken out of the main process's figure)
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        procs, listed = [self.me], 0.0
        while not self._stop.is_set():
            t_cpu = time.thread_time()
            total = 0
            if time.monotonic() - listed > 2.0:  # listing the children scans /proc: not every sample
                try:
                    procs = [self.me, *self.me.children(recursive=True)]
                except psutil.Error:
                    procs = [self.me]
                listed = time.monotonic()
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                self.peak_one = max(self.peak_one, rss)
            self.peak_total = max(self.peak_total, total)
            self.own_cpu += time.thread_time() - t_cpu
            self._stop.wait(self.every)

    def cpu(self) -> float:
        """CPU seconds (user + system) used so far by this process and its live children."""
        import psutil

        total = 0.0
        try:
            procs = [self.me, *self.me.children(recursive=True)]
        except psutil.Error:
            procs = [self.me]
        for p in procs:
            try:
                t = p.cpu_times()
            except psutil.Error:
                continue
            total += t.user + t.system
        return total

    def __enter__(self) -> "RSSMonitor":
        self._t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._t.join()


def _floor_part(path: str, lang: str, k: int, n: int) -> int:
    """Read every n-th JSONL line from the k-th and tokenise its text; returns the tokens."""
    from warta.ingest.sources import record_to_article
    from warta.nlp import load

    nlp = load(lang, with_components=False, use_model=False)
    tokens = 0
    with open(path, "rb") as fh:
        for i, raw in enumerate(fh):
            if i % n != k or not raw.strip():
                continue
            item = record_to_article(json.loads(raw.decode("utf-8")), f"{path}:{i + 1}")
            if hasattr(item, "text"):
                tokens += len(nlp.make_doc(item.text))
    return tokens


def _floor_warm(lang: str) -> bool:
    from warta.nlp import load

    load(lang, with_components=False, use_model=False).make_doc("Presiden bertemu menteri di Jakarta.")
    return True


def floor(path: Path, lang: str, procs: int, n_articles: int) -> dict:
    """Articles/s of reading + tokenisation in ``procs`` processes (start-up excluded)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    with RSSMonitor() as mon:
        if procs == 1:
            _floor_warm(lang)
            c, t = mon.cpu(), time.perf_counter()
            _floor_part(str(path), lang, 0, 1)
            secs, cpu = time.perf_counter() - t, mon.cpu() - c
        else:
            with ProcessPoolExecutor(procs, mp_context=mp.get_context("fork")) as ex:
                list(ex.map(_floor_warm, [lang] * procs))
                c, t = mon.cpu(), time.perf_counter()
                list(ex.map(_floor_part, [str(path)] * procs, [lang] * procs, range(procs), [procs] * procs))
                secs, cpu = time.perf_counter() - t, mon.cpu() - c
    return {"engine": f"floor x{procs}", "procs": procs, "seconds": secs, "articles_per_s": n_articles / secs,
            "cpu_ms_per_article": 1000 * cpu / n_articles,
            "peak_rss_mb_max": mon.peak_one / 2**20, "peak_rss_mb_sum": mon.peak_total / 2**20}


def local(path: Path, workers: int, tmp: Path, n_articles: int) -> dict:
    from warta.engines.local import LocalEngine

    db = tmp / f"local{workers}.duckdb"
    with RSSMonitor() as mon:
        with LocalEngine(db, workers=workers) as engine:
            engine.start_workers()  # start-up excluded
            cpu, all_cpu, own = time.process_time(), mon.cpu(), mon.own_cpu
            t = time.perf_counter()
            s = engine.run([str(path)])
            secs = time.perf_counter() - t
            own = mon.own_cpu - own
            cpu, all_cpu = time.process_time() - cpu - own, mon.cpu() - all_cpu - own
    # the main process's own CPU per article (reading, dedup decisions, the store; with workers:
    # sending and receiving): its inverse is the most one main process can feed, however many workers
    return {"engine": f"local x{workers}", "procs": workers, "seconds": secs, "articles_per_s": n_articles / secs,
            "main_cpu_ms_per_article": 1000 * cpu / n_articles, "cpu_ms_per_article": 1000 * all_cpu / n_articles,
            "events": s.events, "read": s.read, "peak_rss_mb_max": mon.peak_one / 2**20,
            "peak_rss_mb_sum": mon.peak_total / 2**20}


def dask(path: Path, workers: int, tmp: Path, n_articles: int) -> dict:
    from warta.engines.cluster import DaskEngine

    db = tmp / f"dask{workers}.duckdb"
    lines = max(25, n_articles // (workers * 4))
    with RSSMonitor() as mon:
        with DaskEngine(db, workers=workers, partition_lines=lines) as engine:
            engine.client.wait_for_workers(workers)
            engine.client.run(lambda: None)  # the workers are up and have run the pipeline plugin
            c, t = mon.cpu(), time.perf_counter()
            s = engine.run([str(path)])
            secs, cpu = time.perf_counter() - t, mon.cpu() - c
            parts = engine.partitions
            stats = dict(engine.stats)
    # what is not coding: scheduling and transfer (wall time beyond the workers' busy time, per
    # partition), Parquet writing (per partition) and the merge into the store
    busy = (stats["code_seconds"] + stats["write_seconds"]) / workers
    stats["overhead_s_per_partition"] = max(0.0, secs - busy - stats["merge_seconds"] / workers) / max(1, parts / workers)
    stats["write_s_per_partition"] = stats["write_seconds"] / max(1, parts)
    stats["merge_s_per_article"] = stats["merge_seconds"] / max(1, n_articles)
    return {"engine": f"dask x{workers}", "procs": workers, "seconds": secs, "articles_per_s": n_articles / secs,
            "cpu_ms_per_article": 1000 * cpu / n_articles,
            "events": s.events, "read": s.read, "partitions": parts, "partition_lines": lines, **stats,
            "peak_rss_mb_max": mon.peak_one / 2**20, "peak_rss_mb_sum": mon.peak_total / 2**20}


def _one(job: dict) -> int:
    path, n, tmp = Path(job["path"]), job["n"], Path(job["tmp"])
    if job["kind"] == "floor":
        row = floor(path, job["lang"], job["procs"], n)
    elif job["kind"] == "local":
        row = local(path, job["procs"], tmp, n)
    else:
        row = dask(path, job["procs"], tmp, n)
    print("RESULT " + json.dumps(row), flush=True)
    return 0


def _fresh(job: dict) -> dict:
    """Run one measurement in a new Python process: every configuration starts cold (nothing loaded,
    empty vocabulary), as a real run does."""
    import subprocess

    out = subprocess.run([sys.executable, __file__, "--one", json.dumps(job)], capture_output=True, text=True,
                         env=os.environ)
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"{job['kind']} x{job['procs']} failed:\n{out.stderr[-3000:]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=1000, help="first N articles of each sample (0: all)")
    ap.add_argument("--workers", default="1,2", help="local engine worker counts")
    ap.add_argument("--dask", type=int, default=2, help="Dask workers (0: skip Dask)")
    ap.add_argument("--nlp", choices=("rules", "trained"), default="rules")
    ap.add_argument("--sample", choices=("id", "en", "both"), default="id")
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # one measurement, in a fresh process (JSON)
    args = ap.parse_args()
    if args.one:
        return _one(json.loads(args.one))
    os.environ["WARTA_NLP"] = args.nlp
    counts = [int(w) for w in args.workers.split(",") if w.strip()]
    langs = ["id", "en"] if args.sample == "both" else [args.sample]
    results = []
    tmp = Path(tempfile.mkdtemp(prefix="warta-bench-scale-"))
    try:
        for lang in langs:
            src = SAMPLES[lang]
            if not src.exists():
                print(f"skip: {src} not found")
                continue
            path = tmp / f"{lang}.jsonl"
            with open(src, encoding="utf-8") as fin, open(path, "w", encoding="utf-8") as fout:
                n = 0
                for line in fin:
                    if line.strip():
                        fout.write(line)
                        n += 1
                        if args.limit and n >= args.limit:
                            break
            jobs = [("floor", p) for p in sorted({1, max(counts)})] + [("local", w) for w in counts]
            if args.dask:
                jobs.append(("dask", args.dask))
            rows = [_fresh({"kind": k, "procs": p, "path": str(path), "lang": lang, "n": n, "tmp": str(tmp)})
                    for k, p in jobs]
            floors = {r["procs"]: r["articles_per_s"] for r in rows if r["engine"].startswith("floor")}
            floor_cpu = next(r["cpu_ms_per_article"] for r in rows if r["engine"] == "floor x1")
            for r in rows:
                r.update(sample=lang, articles=n, nlp=args.nlp)
                f = floors.get(r["procs"]) or floors[1] * r["procs"]
                r["x_floor"] = f / r["articles_per_s"]
                # load-independent view: CPU time per article against the floor's, and what that gives
                # on free cores (one core per process; the workers' share of the CPU is what scales)
                r["x_floor_cpu"] = r["cpu_ms_per_article"] / floor_cpu
                r["free_cores_articles_per_s"] = 1000 * r["procs"] / r["cpu_ms_per_article"]
                print(f"{lang} {r['engine']:<10} {r['articles_per_s']:7.1f} articles/s  {r['x_floor']:4.2f}x floor  | "
                      f"CPU {r['cpu_ms_per_article']:6.2f} ms/article = {r['x_floor_cpu']:4.2f}x floor, "
                      f"{r['free_cores_articles_per_s']:5.0f}/s on {r['procs']} free cores | peak RSS "
                      f"{r['peak_rss_mb_max']:5.0f} MB/process, {r['peak_rss_mb_sum']:5.0f} MB total", flush=True)
                if "main_cpu_ms_per_article" in r:
                    print(f"   main process CPU {r['main_cpu_ms_per_article']:.2f} ms/article "
                          f"(ceiling {1000 / r['main_cpu_ms_per_article']:.0f} articles/s for one main process)")
                if "merge_seconds" in r:
                    print(f"   dask: {r['partitions']} partitions of {r['partition_lines']} lines; coding "
                          f"{r['code_seconds']:.1f} s, Parquet writing {r['write_seconds']:.2f} s "
                          f"({r['write_s_per_partition'] * 1000:.0f} ms/partition), merge {r['merge_seconds']:.1f} s "
                          f"({r['merge_s_per_article'] * 1000:.1f} ms/article), other overhead "
                          f"{r['overhead_s_per_partition'] * 1000:.0f} ms/partition", flush=True)
            results += rows
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    meta = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": platform.platform(),
            "cpus": os.cpu_count(), "loadavg_after": load, "python": sys.version.split()[0],
            "command": " ".join(["python", *sys.argv])}
    print(json.dumps(meta))
    if args.json:
        Path(args.json).write_text(json.dumps({"meta": meta, "results": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
