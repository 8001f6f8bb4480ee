"""Crash trials: kill ``warta process`` with SIGKILL at random moments, resume, and check nothing is
lost or stored twice.

    python benchmarks/crash_trials.py --articles 2000 --trials 20 --seed 1 [--workers 1] [--out report.json]

Each trial writes a fresh synthetic corpus (Indonesian and English news-like articles made from
templates, with exact duplicates and malformed lines mixed in), makes a reference database with one
clean run, then runs ``warta process`` into a second database and kills it (SIGKILL) after a
random delay, again and again, until a run finishes on its own. It then checks:

* the database opens and its schema is complete;
* every article is stored exactly once (ids and counts equal the clean run; no duplicate ids);
* the coded rows equal the clean run's: mentions, events and quotes per article, and the ingest
  errors (each malformed line recorded once).

Exit status 0 when every trial passes. ``tests/test_crash_trials.py`` runs a short form in CI.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACTORS_ID = ["Presiden Prabowo Subianto", "Menteri Luar Negeri Sugiono", "Polri", "Kejaksaan Agung", "KPK",
             "TNI", "Pemerintah Malaysia", "Presiden Joko Widodo", "DPR", "Pemerintah Jepang", "Israel", "Iran"]
VERBS_ID = ["mengecam", "bertemu dengan", "menangkap", "menyerang", "mendukung", "menolak usulan",
            "mengunjungi", "menandatangani perjanjian dengan", "memeriksa", "mendesak"]
ACTORS_EN = ["Prime Minister Tony Blair", "the Home Office", "police", "President George W Bush", "Iraq",
             "the Conservatives", "the European Union", "Iran", "the United Nations", "the army"]
VERBS_EN = ["criticised", "met", "arrested", "attacked", "backed", "rejected a proposal from", "visited",
            "signed a deal with", "questioned", "urged"]
DAYS_ID = ["pada Senin (16/6)", "pada Selasa", "kemarin", "pekan lalu", ""]
DAYS_EN = ["on Monday", "on Tuesday", "yesterday", "last week", ""]


def synthetic_corpus(path: Path, n: int, seed: int) -> int:
    """Write ``n`` articles (about 5% exact duplicates, 1% malformed lines) to ``path``; returns the
    number of lines."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        if i and rng.random() < 0.05:  # an exact duplicate of an earlier article under a new id
            rec = json.loads(rng.choice([ln for ln in lines[-50:] if ln.startswith("{")] or [lines[0]]))
            rec["id"] = f"dup-{i}"
            lines.append(json.dumps(rec, ensure_ascii=False))
            continue
        if rng.random() < 0.01 or i == n // 2:
            lines.append('{"id": "broken-%d", "text": ' % i)  # malformed: cut off
            continue
        en = rng.random() < 0.3
        actors, verbs, days = (ACTORS_EN, VERBS_EN, DAYS_EN) if en else (ACTORS_ID, VERBS_ID, DAYS_ID)
        sents = []
        for _ in range(rng.randint(3, 8)):
            a, b = rng.sample(actors, 2)
            s = f"{a} {rng.choice(days)} {rng.choice(verbs)} {b}".replace("  ", " ").strip() + "."
            sents.append(s[0].upper() + s[1:])
        sents.append(f"Nomor rujukan {i}." if not en else f"Reference number {i}.")
        lines.append(json.dumps({"id": f"a{i}", "text": " ".join(sents), "date": "2025-06-%02d" % rng.randint(1, 20),
                                 "lang": "en" if en else "id"}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return len(lines)


def _warta(*args: str) -> list[str]:
    """The ``warta`` command run by this Python (the installed entry point's code)."""
    return [sys.executable, "-c", "import sys; from warta.cli import main; sys.argv[0] = 'warta'; main()", *args]


def process_cmd(corpus: Path, db: Path, workers: int | None) -> list[str]:
    cmd = _warta("process", str(corpus), "--db", str(db), "--quiet", "--batch-size", "16")
    if workers:
        cmd += ["--workers", str(workers)]
    return cmd


def snapshot(db: Path) -> dict:
    """What a database holds, in a form two runs can be compared by."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        dup_ids = con.execute("SELECT count(*) - count(DISTINCT id) FROM articles").fetchone()[0]
        per_article = {}
        for table in ("mentions", "events", "quotes"):
            for aid, n in con.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY 1").fetchall():
                per_article.setdefault(aid, {})[table] = n
        events = con.execute("SELECT article_id, idx, event_type, cameo, source, target, event_date "
                             "FROM events ORDER BY article_id, idx").fetchall()
        errors = sorted(r[0] for r in con.execute("SELECT location FROM ingest_errors").fetchall())
        status = dict(con.execute("SELECT status, count(*) FROM articles GROUP BY 1").fetchall())
    finally:
        con.close()
    return {"ids": ids, "duplicate_ids": dup_ids, "per_article": per_article, "events": events,
            "errors": errors, "status": status}


def compare(ref: dict, got: dict) -> list[str]:
    problems = []
    if got["duplicate_ids"]:
        problems.append(f"{got['duplicate_ids']} articles stored twice")
    lost = set(ref["ids"]) - set(got["ids"])
    extra = set(got["ids"]) - set(ref["ids"])
    if lost:
        problems.append(f"{len(lost)} articles lost, e.g. {sorted(lost)[:3]}")
    if extra:
        problems.append(f"{len(extra)} unexpected articles, e.g. {sorted(extra)[:3]}")
    if ref["status"] != got["status"]:
        problems.append(f"article status counts differ: clean {ref['status']} vs resumed {got['status']}")
    if ref["per_article"] != got["per_article"]:
        diff = [a for a in set(ref["per_article"]) | set(got["per_article"])
                if ref["per_article"].get(a) != got["per_article"].get(a)]
        problems.append(f"coded rows differ for {len(diff)} articles, e.g. {sorted(diff)[:3]}")
    elif ref["events"] != got["events"]:
        problems.append("event rows differ from the clean run")
    if sorted(set(ref["errors"])) != sorted(set(got["errors"])) or len(got["errors"]) != len(set(got["errors"])):
        problems.append(f"ingest errors differ: clean {len(ref['errors'])} vs resumed {len(got['errors'])}")
    return problems


def run_trial(corpus: Path, ref: dict, workdir: Path, rng: random.Random, *, workers: int | None,
              max_kill_after: float, max_kills: int, timeout: float) -> dict:
    db = workdir / f"trial-{rng.randrange(10**9)}.duckdb"
    kills = 0
    started = time.monotonic()
    while True:
        proc = subprocess.Popen(process_cmd(corpus, db, workers), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True)
        if kills < max_kills:
            delay = rng.uniform(0.2, max_kill_after)
            try:
                proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)  # the whole group: workers die too
                proc.wait()
                kills += 1
                continue
        else:
            try:
                proc.wait(timeout=max(1.0, timeout - (time.monotonic() - started)))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                return {"kills": kills, "problems": ["final run did not finish in time"]}
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        if proc.returncode not in (0, 1):  # 1: some input lines were malformed (expected here)
            return {"kills": kills, "problems": [f"run exited {proc.returncode}: {err[-500:]}"]}
        break
    got = snapshot(db)
    return {"kills": kills, "seconds": round(time.monotonic() - started, 1), "problems": compare(ref, got)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--kills", type=int, default=4, help="SIGKILLs per trial before the run may finish")
    ap.add_argument("--max-kill-after", type=float, default=15.0, help="seconds: kills land in [0.2, this]")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per trial at most")
    ap.add_argument("--out", type=Path, default=None, help="write the report as JSON here")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="warta-crash-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        n_lines = synthetic_corpus(corpus, args.articles, args.seed)
        ref_db = work / "clean.duckdb"
        t0 = time.monotonic()
        clean = subprocess.run(process_cmd(corpus, ref_db, args.workers), capture_output=True, text=True)
        if clean.returncode not in (0, 1):
            print(f"clean run failed ({clean.returncode}): {clean.stderr[-800:]}", file=sys.stderr)
            return 2
        clean_s = time.monotonic() - t0
        ref = snapshot(ref_db)
        trials = []
        for i in range(args.trials):
            res = run_trial(corpus, ref, work, rng, workers=args.workers, max_kill_after=args.max_kill_after,
                            max_kills=args.kills, timeout=args.timeout)
            trials.append(res)
            state = "ok" if not res["problems"] else "FAIL: " + "; ".join(res["problems"])
            print(f"trial {i + 1}: {res['kills']} kills, {res.get('seconds', '?')} s: {state}", flush=True)
    report = {"articles": args.articles, "lines": n_lines, "stored": len(ref["ids"]), "events": len(ref["events"]),
              "ingest_errors": len(ref["errors"]), "clean_run_s": round(clean_s, 1), "trials": len(trials),
              "kills": sum(t["kills"] for t in trials), "failed": sum(1 for t in trials if t["problems"]),
              "workers": args.workers, "seed": args.seed}
    print(json.dumps(report))
    if args.out:
        args.out.write_text(json.dumps({**report, "per_trial": trials}, indent=1))
    return 0 if report["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
