#!/usr/bin/env python3
"""Check warta's date and place resolution on the gold events of ../shared/gold.

For every gold event of ``seed_id.jsonl`` and ``news_id_dev.jsonl`` the script builds a
``warta.model.Event`` whose evidence is the gold ``sentence`` (found in the record's text) and whose
trigger is the gold trigger, runs the ``warta_when_where`` component over the whole article (so the
article's time frame and earlier places are available), and reports

* event-date agreement on gold events that have a date (target >= 0.85),
* how many gold location countries are found (target: all), and wrong countries.

Usage:  .venv/bin/python benchmarks/check_when_where.py [--verbose] [GOLD.jsonl ...]
Skips (exit 0) when ../shared is absent.
"""
from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT.parent / "shared" / "gold"
DEFAULT = ["seed_id.jsonl", "news_id_dev.jsonl"]


def _events_for(rec: dict):
    from warta.model import Event, Span

    text = rec["text"]
    out = []
    for i, g in enumerate(rec.get("events", [])):
        sent = g.get("sentence") or text
        s0 = text.find(sent)
        if s0 < 0:
            continue
        trig = (g.get("trigger") or "").split("...")[0].strip()
        t0 = sent.find(trig) if trig else -1
        if t0 < 0:
            t0, trig = 0, sent[:1]
        ev = Event(doc_id=rec["id"], sentence_index=i, event_type=g["event_type"], mode=g.get("mode"),
                   cameo=g.get("cameo"), goldstein=None, quad_class=None, source=[], target=[],
                   modality=g.get("modality") or "asserted", evidence=Span(s0, s0 + len(sent), sent),
                   trigger=Span(s0 + t0, s0 + t0 + len(trig), trig), confidence=1.0)
        out.append((g, ev))
    return out


def main(argv: list[str]) -> int:
    if not GOLD_DIR.exists():
        print(f"skip: {GOLD_DIR} not found")
        return 0
    import spacy

    from warta.model import Article
    from warta.nlp import extensions  # noqa: F401
    from warta.when_where.component import WhenWhere

    verbose = "--verbose" in argv
    files = [a for a in argv[1:] if not a.startswith("--")] or [str(GOLD_DIR / f) for f in DEFAULT]
    nlp = spacy.blank("id")
    ww = WhenWhere()
    date_total = date_ok = 0
    loc_total = loc_found = loc_wrong = 0
    extra_dates = 0
    n_events = 0
    t_run = 0.0
    for path in files:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            rec = json.loads(line)
            pairs = _events_for(rec)
            doc = nlp.make_doc(rec["text"])
            doc._.article = Article(id=rec["id"], text=rec["text"], published=date.fromisoformat(rec["date"][:10]),
                                    lang=rec.get("lang"))
            doc._.events = [ev for _, ev in pairs]
            t0 = time.perf_counter()
            ww(doc)
            t_run += time.perf_counter() - t0
            for g, ev in pairs:
                n_events += 1
                gd = g.get("event_date")
                if gd:
                    date_total += 1
                    ok = (ev.event_date or "")[:10] == gd
                    date_ok += ok
                    if verbose or not ok:
                        print(f"DATE {'ok ' if ok else 'BAD'} gold={gd} pred={ev.event_date} "
                              f"({ev.event_date_text!r}) | {ev.evidence.text[:110]}")
                elif ev.event_date and verbose:
                    extra_dates += 1
                    print(f"DATE (gold null) pred={ev.event_date} ({ev.event_date_text!r}) | "
                          f"{ev.evidence.text[:90]}")
                gl = g.get("location")
                if gl and gl.get("country"):
                    loc_total += 1
                    pc = ev.location.country if ev.location else None
                    loc_found += pc == gl["country"]
                    loc_wrong += bool(pc and pc != gl["country"])
                    if verbose or pc != gl["country"]:
                        print(f"LOC {'ok ' if pc == gl['country'] else 'BAD'} gold={gl['text']!r}/{gl['country']} "
                              f"pred={ev.location.to_dict() if ev.location else None}")
                elif verbose and ev.location:
                    print(f"LOC (gold {gl}) pred={ev.location.text!r}/{ev.location.country} | "
                          f"{ev.evidence.text[:80]}")
    print(f"events: {n_events}")
    print(f"event_date agreement: {date_ok}/{date_total} = {date_ok / max(date_total, 1):.3f}")
    print(f"location countries found: {loc_found}/{loc_total}; wrong country: {loc_wrong}")
    print(f"component time: {1000 * t_run:.1f} ms for {len(files)} file(s)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main(sys.argv))
