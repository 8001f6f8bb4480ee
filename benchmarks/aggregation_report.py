"""Corpus-event aggregation on a processed database: counts, mentions per event, timing, and
(optionally) a check that the incrementally built tables equal a rebuild from scratch.

    warta process ../shared/samples/id/news-2025-06.jsonl --db /tmp/w.duckdb
    python benchmarks/aggregation_report.py --db /tmp/w.duckdb [--check] [--steps 20] [--sample 10]

``--sample N`` prints N multi-article events (ids, dyad, date, outlets, triggers) to look at by eye;
it prints article fragments to the terminal only: do not paste them into the repository.
Skips cleanly when the database is absent.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--check", action="store_true", help="compare the stored tables with a rebuild (on a copy)")
    ap.add_argument("--sample", type=int, default=0, help="print N random events reported by 2+ articles")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--steps", type=int, default=0,
                    help="replay N incremental batches of --batch articles (unlink their mentions, update): "
                         "median update time, and whether the tables come back identical")
    ap.add_argument("--batch", type=int, default=64)
    args = ap.parse_args()
    if not args.db.exists():
        print(f"skip: {args.db} not found")
        return 0
    from warta.store import Store, aggregate

    tmp = Path(tempfile.mkdtemp(prefix="warta-agg-"))
    copy = tmp / "copy.duckdb"
    shutil.copy(args.db, copy)
    try:
        with Store(copy) as store:
            con = store.con
            con.begin()
            t0 = time.perf_counter()
            pending = aggregate.update(con)
            con.commit()
            t_update = time.perf_counter() - t0
            if pending["mentions"]:
                print(f"note: {pending['mentions']} mentions were not aggregated yet (database older than "
                      f"aggregation); update took {t_update:.2f} s")
            before = _snapshot(con)
            con.begin()
            t0 = time.perf_counter()
            aggregate.rebuild(con)
            con.commit()
            t_rebuild = time.perf_counter() - t0
            if args.check:
                after = _snapshot(con)
                same = before == after
                print(f"incremental tables == rebuild: {same}")
                if not same:
                    for k in before:
                        if before[k] != after[k]:
                            print(f"  {k}: {len(before[k])} vs {len(after[k])} rows differ")
            _report(con, t_rebuild)
            if args.steps:
                _replay(con, args.steps, args.batch, args.seed)
            if args.sample:
                _sample(con, args.sample, args.seed)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _snapshot(con):
    cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = "
                                      "'corpus_events' AND column_name <> 'date_added' ORDER BY ordinal_position")
            .fetchall()]
    return {"corpus_events": con.execute(f"SELECT {', '.join(cols)} FROM corpus_events ORDER BY event_id").fetchall(),
            "event_mentions": con.execute("SELECT * FROM event_mentions ORDER BY ALL").fetchall(),
            "event_actors": con.execute("SELECT * FROM event_actors ORDER BY ALL").fetchall()}


def _report(con, t_rebuild: float) -> None:
    n_art = con.execute("SELECT count(*) FROM articles WHERE status = 'coded'").fetchone()[0]
    n_m = con.execute("SELECT count(*) FROM events").fetchone()[0]
    rows = con.execute("SELECT n_mentions, n_articles, n_sources, date_known FROM corpus_events").fetchall()
    n_e = len(rows)
    per = [r[0] for r in rows]
    arts = [r[1] for r in rows]
    print(f"coded articles {n_art}; mentions {n_m}; corpus events {n_e}; "
          f"mentions per event mean {n_m / max(n_e, 1):.3f}, median {statistics.median(per) if per else 0}, "
          f"max {max(per) if per else 0}")
    print(f"events reported by 2+ articles: {sum(a > 1 for a in arts)} ({100 * sum(a > 1 for a in arts) / max(n_e, 1):.1f}%); "
          f"by 2+ outlets: {sum(r[2] > 1 for r in rows)}; by 5+ articles: {sum(a >= 5 for a in arts)}; "
          f"with a reported date: {sum(bool(r[3]) for r in rows)}")
    dist = con.execute("SELECT n_articles, count(*) FROM corpus_events GROUP BY 1 ORDER BY 1").fetchall()
    print("articles per event: " + ", ".join(f"{a}: {c}" for a, c in dist))
    print(f"rebuild from scratch: {t_rebuild:.2f} s")
    views = {v: con.execute(f"SELECT count(*) FROM {v}").fetchone()[0]
             for v in ("dyad_daily", "actor_profile", "country_pairs")}
    print("view rows: " + ", ".join(f"{k} {v}" for k, v in views.items()))
    tone = con.execute("SELECT avg(tone), median(tone), stddev(tone) FROM article_tone").fetchone()
    print(f"article tone: mean {tone[0]:.2f}, median {tone[1]:.2f}, sd {tone[2]:.2f}")


def _replay(con, steps: int, batch: int, seed: int) -> None:
    """What write_batch does after each batch: its mentions are new, their dyads are recomputed."""
    from warta.store import aggregate

    ids = [r[0] for r in con.execute("SELECT DISTINCT article_id FROM events ORDER BY 1").fetchall()]
    rnd = random.Random(seed)
    want = _snapshot(con)
    times, same = [], 0
    for _ in range(steps):
        chosen = rnd.sample(ids, min(batch, len(ids)))
        con.begin()
        con.execute(f"DELETE FROM event_mentions WHERE article_id IN ({', '.join('?' * len(chosen))})", chosen)
        t0 = time.perf_counter()
        aggregate.update(con)
        times.append(time.perf_counter() - t0)
        con.commit()
        same += _snapshot(con) == want
    print(f"incremental replay: {steps} batches of {batch} articles' mentions; update median "
          f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms; "
          f"tables identical to the full build after {same}/{steps} batches")


def _sample(con, n: int, seed: int) -> None:
    ids = [r[0] for r in con.execute("SELECT event_id FROM corpus_events WHERE n_articles > 1 ORDER BY event_id")
           .fetchall()]
    random.Random(seed).shuffle(ids)
    for eid in ids[:n]:
        ev = con.execute("SELECT event_type, cameo, source_key, target_key, event_date, date_known, place_key, "
                         "n_mentions, n_articles, n_sources, modality FROM corpus_events WHERE event_id = ?",
                         [eid]).fetchone()
        print(f"\n== {eid}: {ev[0]}/{ev[1]} {ev[2] or '-'} -> {ev[3] or '-'} on {ev[4]} "
              f"({'reported' if ev[5] else 'publication'} date) place {ev[6]}; {ev[7]} mentions, {ev[8]} articles, "
              f"{ev[9]} outlets, {ev[10]}")
        for aid, src, pub, title, trig, sent in con.execute(
                "SELECT a.id, a.source, a.pub_date, a.title, e.trigger_text, e.evidence_text FROM event_mentions l "
                "JOIN events e USING (article_id, idx) JOIN articles a ON a.id = e.article_id "
                "WHERE l.event_id = ? ORDER BY a.published", [eid]).fetchall():
            print(f"   {pub} {src} [{trig}] {title[:70] if title else ''} | {(sent or '')[:160]}")


if __name__ == "__main__":
    sys.exit(main())
