"""Memory over a long run: synthetic news articles (a generator, up to millions) through the
deduplicator or the whole engine; RSS sampled as it goes.

    python benchmarks/bench_memory.py dedup  --n 1000000 --window 300000 [--every 50000]
    python benchmarks/bench_memory.py engine --n 3000 --workers 2 [--every 250]

``dedup``: the duplicate detector alone (ids, content hashes, MinHash signatures and LSH index)
with its window; prints RSS every ``--every`` articles and the state's bytes per article (RSS growth
while the window fills, divided by the articles remembered). Once the window is full RSS must stay flat.

``engine``: the local engine (cleaning, dedup, the full pipeline, the DuckDB store) on synthetic
articles; prints the RSS of this process and of each worker every ``--every`` articles.

The generator writes Indonesian-style news from templates with random actors, places, dates and
numbers, plus made-up names (new words keep arriving, as in real news), with 5% exact and 5% near
duplicates of recent articles. Nothing is read from disk.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ACTORS = ["Presiden Prabowo Subianto", "Menteri Luar Negeri Sugiono", "Kapolri", "Gubernur Jawa Barat",
          "Perdana Menteri Malaysia Anwar Ibrahim", "Presiden Rusia Vladimir Putin", "Ketua DPR",
          "Menteri Pertahanan", "Panglima TNI", "Wali Kota Surabaya", "Presiden Amerika Serikat",
          "Sekretaris Jenderal PBB", "ribuan buruh", "mahasiswa", "polisi", "kelompok bersenjata"]
VERBS = ["bertemu", "mengkritik", "menyerang", "menandatangani perjanjian dengan", "mengecam",
         "membahas kerja sama dengan", "menangkap", "menuntut", "memuji", "mengancam"]
PLACES = ["Jakarta", "Surabaya", "Medan", "Makassar", "Bandung", "Jayapura", "Tokyo", "Moskow", "Beijing",
          "Kuala Lumpur", "Singapura", "Den Haag", "Canberra", "Washington"]
FILLER = ["Pertemuan berlangsung selama dua jam.", "Kedua pihak sepakat melanjutkan pembicaraan.",
          "Aksi itu mendapat pengawalan ketat aparat.", "Juru bicara menolak memberikan keterangan.",
          "Situasi di lokasi dilaporkan kondusif.", "Harga bahan pokok naik sejak pekan lalu."]
SYL = ["ka", "ri", "ma", "to", "su", "wan", "di", "ng", "ra", "ti", "yo", "han", "sa", "no", "bu"]


def _name(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYL) for _ in range(rnd.randint(2, 4))).capitalize()


def articles(n: int, seed: int = 7) -> Iterator[dict]:
    """``n`` synthetic article records (id, text, date, lang)."""
    rnd = random.Random(seed)
    recent: list[str] = []
    for i in range(n):
        r = rnd.random()
        if recent and r < 0.05:
            text = rnd.choice(recent)  # exact duplicate (syndicated verbatim)
        elif recent and r < 0.10:
            text = rnd.choice(recent) + f" {_name(rnd)} ikut hadir dalam acara tersebut."  # near duplicate
        else:
            sents = []
            for _ in range(rnd.randint(4, 9)):
                a, b = rnd.sample(ACTORS, 2)
                sents.append(f"{a} {rnd.choice(VERBS)} {b} di {rnd.choice(PLACES)} pada {rnd.randint(1, 28)} "
                             f"Juni 2025, kata {_name(rnd)} {_name(rnd)} kepada {rnd.randint(2, 900)} wartawan.")
                sents.append(rnd.choice(FILLER))
            text = " ".join(sents)
            recent.append(text)
            if len(recent) > 500:
                recent.pop(0)
        yield {"id": f"syn-{i:08d}", "text": text, "date": f"2025-06-{1 + i % 28:02d}", "lang": "id"}


def _rss_mb(pid: int | None = None) -> float:
    import psutil

    return psutil.Process(pid).memory_info().rss / 2**20


def bench_dedup(args) -> None:
    from warta.ingest.dedup import Deduper
    from warta.model import Article

    d = Deduper(window=args.window)
    base = _rss_mb()
    t0 = time.perf_counter()
    full_at = None
    print(f"{'articles':>9} {'seconds':>8} {'RSS MB':>8} {'remembered':>10}")
    for i, rec in enumerate(articles(args.n), 1):
        d.check(Article(id=rec["id"], text=rec["text"]))
        if i % args.every == 0 or i == args.n:
            rss = _rss_mb()
            print(f"{i:>9} {time.perf_counter() - t0:>8.1f} {rss:>8.1f} {len(d):>10}", flush=True)
            if full_at is None and args.window and len(d) >= args.window:
                full_at = (i, rss)
    if full_at:
        print(f"dedup state: {(full_at[1] - base) * 2**20 / args.window:.0f} bytes per remembered article "
              f"(RSS growth while the window of {args.window} filled)")


def bench_engine(args) -> None:
    import psutil

    from warta.engines.local import LocalEngine
    from warta.ingest.sources import record_to_article

    tmp = Path(tempfile.mkdtemp(prefix="warta-bench-mem-"))
    me = psutil.Process()
    with LocalEngine(tmp / "m.duckdb", workers=args.workers) as engine:
        engine.start_workers()
        t0 = time.perf_counter()
        seen = [0]

        def items():
            for i, rec in enumerate(articles(args.n), 1):
                yield record_to_article(rec, f"synthetic:{i}")
                seen[0] = i

        import threading

        stop = threading.Event()

        def sample():
            last = -1
            while not stop.wait(0.5):
                if seen[0] // args.every != last:
                    last = seen[0] // args.every
                    kids = [f"{_rss_mb(c.pid):.0f}" for c in me.children()]
                    print(f"{seen[0]:>8} read {time.perf_counter() - t0:>7.1f} s  main {_rss_mb():>6.0f} MB  "
                          f"workers {' '.join(kids) or '-'} MB", flush=True)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        s = engine.run_items(items(), inputs=["synthetic"])
        stop.set()
        th.join()
        print(f"done: {s.read} articles in {s.seconds:.0f} s ({s.read / s.seconds:.1f}/s), "
              f"{s.duplicates} exact and {s.near_duplicates} near duplicates; main RSS {_rss_mb():.0f} MB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=("dedup", "engine"))
    ap.add_argument("--n", type=int, default=None)
    ap.add_argument("--window", type=int, default=None, help="dedup: articles remembered (default: warta's)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--every", type=int, default=None)
    args = ap.parse_args()
    from warta.ingest.dedup import WINDOW

    args.window = args.window or WINDOW
    args.n = args.n or (1_000_000 if args.mode == "dedup" else 3000)
    args.every = args.every or max(1, args.n // 20)
    print(f"# {' '.join(['python', *sys.argv])}  (pid {os.getpid()})")
    (bench_dedup if args.mode == "dedup" else bench_engine)(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
