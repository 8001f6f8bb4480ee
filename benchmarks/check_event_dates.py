"""Date resolution alone, on gold events: run warta_when_where on each gold event's own sentence and
trigger, and compare its event_date with the gold one (all events, not only those the coder finds).

    python benchmarks/check_event_dates.py [GOLD.jsonl] [--no-reported] [--show]

Default: ../shared/gold/news_id_dev.jsonl (skips cleanly when absent). Prints agreement on the events
whose gold date is set, on those without one (a date predicted where gold has none counts as wrong),
and overall. ``--no-reported`` switches off the reported-event rule (warta.when_where.reported) to
measure it. ``--show`` lists disagreements (dev files only: never on the check file).
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "news_id_dev.jsonl"


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(f"skip: {path} not found")
        return 0
    import spacy

    import warta.when_where.component as comp
    from warta.ingest.prepare import prepare
    from warta.model import Article, Event, Span
    from warta.nlp import extensions  # noqa: F401

    if "--no-reported" in argv:
        comp.reported_earlier = lambda *a: False
    nlp = {"id": spacy.blank("id"), "en": spacy.blank("en")}
    stats = {"dated": [0, 0], "undated": [0, 0]}
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        text = rec["text"]
        pub = date.fromisoformat(rec["date"][:10]) if rec.get("date") else None
        art = prepare(Article(id=rec["id"], text=text, published=pub, lang=rec.get("lang")), do_clean=False)
        evs, golds = [], []
        for g in rec.get("events", []):
            s0 = text.find(g.get("sentence") or "\0")
            t0 = text.find(g.get("trigger") or "\0", max(s0, 0))
            if s0 < 0 or t0 < 0:
                continue
            s1 = s0 + len(g["sentence"])
            evs.append(Event(doc_id=rec["id"], sentence_index=0, event_type=g["event_type"], mode=None, cameo=None,
                             goldstein=None, quad_class=None, source=[], target=[],
                             modality=g.get("modality") or "asserted", evidence=Span(s0, s1, g["sentence"]),
                             trigger=Span(t0, t0 + len(g["trigger"]), g["trigger"]), confidence=1.0))
            golds.append(g)
        d = nlp.get(rec.get("lang") or "id", nlp["id"]).make_doc(text)
        d._.article = art
        d._.events = evs
        comp.WhenWhere()(d)
        for ev, g in zip(d._.events, golds):
            key = "dated" if g.get("event_date") else "undated"
            ok = str(ev.event_date or "")[:10] == str(g.get("event_date") or "")
            stats[key][0] += ok
            stats[key][1] += 1
            if not ok and "--show" in argv:
                print(f"gold={g.get('event_date')} pred={ev.event_date} ({ev.event_date_text}) | {g['trigger']} | "
                      f"{g['sentence'][:200]!r}")
    out = {k: f"{a}/{n} = {a / n:.3f}" if n else "0/0" for k, (a, n) in stats.items()}
    a = sum(v[0] for v in stats.values())
    n = sum(v[1] for v in stats.values())
    out["all"] = f"{a}/{n} = {a / n:.3f}" if n else "0/0"
    print(json.dumps({"file": path.name, **out}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
