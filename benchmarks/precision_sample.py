"""Hand-judged precision of the event coder on random real news (issue 14, "Done when").

Draw mode (default) runs the pipeline (rules mode, the default of `warta extract`) over
  ../shared/samples/id/news-2025-06.jsonl  (the first --limit-articles articles; 1,500 by default)
  ../shared/samples/en/bbc-2004-2005.jsonl (articles of category "politics" only)
and draws, with a fixed seed, 40 events from Indonesian news sections, 20 from the other
Indonesian sections and 20 from BBC politics. Each drawn event is written with its evidence
sentence only (never the article) to benchmarks/judged/precision_{id_news,id_other,en_bbc}.jsonl,
with empty judgement fields for a judge to fill in:
  type_right, source_right, target_right, both_actors_right (bools), note (the judge's reason).
A file that already holds judgements is not overwritten unless --force is given.

Summary mode (--summarize) reads the judged files and prints, per group, the share of events whose
type is right and whose type and both actors are right.

Drawing is independent of the coder's output order: events are sorted by (article id, sentence
index, trigger offset, event type) before random.Random(seed).sample.

Section of an Indonesian article (from its URL): the first path segment when it names a section
(liputan6 /news/, /regional/, /global/; detik /internasional/ ...), else the first label of the host
name (nasional.kompas.com, hukum.tempo.co, news.detik.com/berita/...). News sections are
NEWS_SECTIONS below (politics, law, national, regional, Jakarta metro, international); opinion
columns (kolom, opini) and fact checks (cek-fakta) count as "other", as does every other section
(sport, celebrity, lifestyle, tech, business, travel, automotive, religion, health...).

  python benchmarks/precision_sample.py [--seed 2026] [--limit-articles 1500] [--force]
  python benchmarks/precision_sample.py --summarize
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ID_FILE = SHARED / "samples" / "id" / "news-2025-06.jsonl"
EN_FILE = SHARED / "samples" / "en" / "bbc-2004-2005.jsonl"
OUT_DIR = ROOT / "benchmarks" / "judged"
GROUPS = {"id_news": 40, "id_other": 20, "en_bbc": 20}

NEWS_SECTIONS = {"news", "nasional", "politik", "hukum", "internasional", "global", "dunia",
                 "regional", "daerah", "metro", "megapolitan"}
NON_NEWS = {"kolom", "opini", "cek-fakta", "sepakbola", "bola", "sport", "sports", "celeb", "hot",
            "showbiz", "bisnis", "saham", "lifestyle", "health", "tekno", "otomotif", "crypto",
            "citizen6", "islami", "travel-news", "on-off", "disabilitas"}
GENERIC = {"read", "berita", ""}  # path segments that say nothing: fall back to the host


def section_of(url: str) -> str:
    p = urlparse(url or "")
    seg = next((s for s in p.path.split("/") if s), "")
    host = p.netloc.split(".")
    sub = host[0] if len(host) > 2 and host[0] != "www" else ""
    if seg in NON_NEWS or (seg in NEWS_SECTIONS and seg not in GENERIC):
        return seg
    if sub in NEWS_SECTIONS:
        return sub
    return sub or seg or "?"


def is_news(section: str) -> bool:
    return section in NEWS_SECTIONS


def _git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _read(path: Path, limit: int | None, keep) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            try:
                d = json.loads(line)
            except json.JSONDecodeError:
                print(f"{path}:{i + 1}: not JSON, skipped", file=sys.stderr)
                continue
            if keep(d):
                rows.append(d)
    return rows


def _events(rows: list[dict], lang: str, tmp: Path) -> list[tuple[dict, dict]]:
    """(article row, event dict) for every event the default pipeline codes in ``rows``."""
    from warta.engines.local import iter_results
    from warta.pipeline import Pipeline

    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    by_id = {r["id"]: r for r in rows}
    out = []
    t0 = time.perf_counter()
    for item in iter_results([str(tmp)], lang=lang, pipeline=Pipeline(lang=lang)):
        if not hasattr(item, "events"):
            print(f"skipped: {item}", file=sys.stderr)
            continue
        for ev in item.events:
            d = ev.to_dict()
            out.append((by_id.get(item.article.id, {}), d))
    print(f"{lang}: {len(rows)} articles, {len(out)} events in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)
    return out


def _actor(a: dict) -> dict:
    return {k: a.get(k) for k in ("text", "name", "country", "org", "sector")}


def _record(art: dict, ev: dict, section: str) -> dict:
    return {
        "article_id": ev["doc_id"], "url": art.get("url"), "section": section,
        "sentence_index": ev["sentence_index"], "sentence": ev["evidence"]["text"],
        "trigger": ev["trigger"]["text"], "event_type": ev["event_type"], "mode": ev["mode"],
        "cameo": ev["cameo"], "source": [_actor(a) for a in ev["source"]],
        "target": [_actor(a) for a in ev["target"]], "modality": ev["modality"],
        "event_date": ev["event_date"],
        "type_right": None, "source_right": None, "target_right": None, "both_actors_right": None,
        "note": None,
    }


def _key(pair):
    _, ev = pair
    return (ev["doc_id"], ev["sentence_index"], ev["trigger"]["start"], ev["event_type"], ev["cameo"] or "")


def draw(args) -> int:
    if not ID_FILE.exists() or not EN_FILE.exists():
        print(f"samples not found under {SHARED}: nothing to do", file=sys.stderr)
        return 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for g in GROUPS:
        p = OUT_DIR / f"precision_{g}.jsonl"
        if p.exists() and not args.force and any(json.loads(l).get("type_right") is not None
                                                 for l in p.open(encoding="utf-8") if l.strip()):
            print(f"{p} holds judgements; use --force to redraw", file=sys.stderr)
            return 1
    tmp = OUT_DIR / ".tmp_input.jsonl"
    try:
        id_rows = _read(ID_FILE, args.limit_articles, lambda d: True)
        en_rows = _read(EN_FILE, None, lambda d: d.get("category") == "politics")
        id_ev = sorted(_events(id_rows, "id", tmp), key=_key)
        en_ev = sorted(_events(en_rows, "en", tmp), key=_key)
    finally:
        tmp.unlink(missing_ok=True)
    pools = {"id_news": [], "id_other": [], "en_bbc": []}
    for art, ev in id_ev:
        sec = section_of(art.get("url", ""))
        pools["id_news" if is_news(sec) else "id_other"].append(_record(art, ev, sec))
    for art, ev in en_ev:
        pools["en_bbc"].append(_record(art, ev, art.get("category", "politics")))
    commit = _git_commit()
    cmd = (f"python benchmarks/precision_sample.py --seed {args.seed} "
           f"--limit-articles {args.limit_articles or 0}")
    for g, n in GROUPS.items():
        rng = random.Random(f"{args.seed}:{g}")
        picked = rng.sample(pools[g], min(n, len(pools[g])))
        p = OUT_DIR / f"precision_{g}.jsonl"
        with p.open("w", encoding="utf-8") as f:
            for i, rec in enumerate(picked):
                rec = {"n": i + 1, "group": g, "seed": args.seed, "limit_articles": args.limit_articles
                       if g != "en_bbc" else None, "commit": commit, "command": cmd, **rec}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"{g}: {len(picked)} of {len(pools[g])} events -> {p.relative_to(ROOT)}", file=sys.stderr)
    return 0


def _wilson(k: int, n: int, z: float = 1.96) -> str:
    """95% Wilson interval, in percent: small samples are coarse."""
    p = k / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5 / (1 + z * z / n)
    return f"[{100 * (c - h):.0f}-{100 * (c + h):.0f}]"


def summarize(_args) -> int:
    print("group      judged  type right           type+both actors right  commit")
    for g in GROUPS:
        p = OUT_DIR / f"precision_{g}.jsonl"
        if not p.exists():
            print(f"{g:10} (no file)")
            continue
        recs = [json.loads(l) for l in p.open(encoding="utf-8") if l.strip()]
        judged = [r for r in recs if r.get("type_right") is not None]
        if not judged:
            print(f"{g:10} 0 judged")
            continue
        n = len(judged)
        t = sum(bool(r["type_right"]) for r in judged)
        tb = sum(bool(r["type_right"]) and bool(r["both_actors_right"]) for r in judged)
        commits = sorted({r.get("commit", "?")[:9] for r in judged})
        print(f"{g:10} {n:6}  {t:3} ({100 * t / n:3.0f}%) {_wilson(t, n):9}  "
              f"{tb:3} ({100 * tb / n:3.0f}%) {_wilson(tb, n):9}       {','.join(commits)}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--limit-articles", type=int, default=1500,
                    help="first N articles of the Indonesian file (0 = all)")
    ap.add_argument("--force", action="store_true", help="overwrite judged files")
    ap.add_argument("--summarize", action="store_true", help="print the judged figures")
    args = ap.parse_args(argv)
    if args.limit_articles == 0:
        args.limit_articles = None
    return summarize(args) if args.summarize else draw(args)


if __name__ == "__main__":
    sys.exit(main())
