"""How many gold actors the linker resolves to the right country/org and sector.

Reads ../shared/gold/*.jsonl (skips cleanly when absent). For every actor of every gold event,
finds its text in the record (in the event's ``sentence`` where given) and looks at the linker's
mention overlapping it:

- found:  some mention overlaps the actor text
- key:    the mention has the gold key (country, else org; generic IGO/NGO matches any org),
          as the event scorer counts it
- full:   key and sector both right (a null gold sector must be null or absent... counted as right
          whatever we give, since the scorer ignores sector)

    .venv/bin/python benchmarks/check_actors_gold.py [--misses [KIND...]] [--file NAME]

``--misses`` lists every gold actor (with a country or organisation) not found (``nomention``),
found with the wrong key (``key``) or the wrong sector (``sector``), with what the linker gave and
the sentence around it; ``--misses nomention key`` restricts the kinds. ``--file gsr_en`` keeps
the files whose name contains the string. ``--show-misses`` is the old name of ``--misses``.
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from warta.actors.linker import Linker

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
FILES = ["seed_id.jsonl", "news_id_dev.jsonl", "gsr_id_partial_dev.jsonl", "gsr_en_partial_dev.jsonl"]


def key_ok(gold: dict, m) -> bool:
    if gold.get("country"):
        return m.country == gold["country"]
    if gold.get("org"):
        if gold["org"] in ("IGO", "NGO"):
            return m.org is not None
        return m.org == gold["org"]
    return True


def _context(text: str, s: int, e: int, width: int = 90) -> str:
    a = max(0, s - width)
    b = min(len(text), e + width)
    return (text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]).replace("\n", " ")


def main(argv: list[str]) -> int:
    if not GOLD.exists():
        print(f"skip: {GOLD} not found")
        return 0
    show = "--show-misses" in argv or "--misses" in argv
    kinds = set()
    only = None
    rest = list(argv)
    while rest:
        a = rest.pop(0)
        if a == "--file" and rest:
            only = rest.pop(0)
        elif not a.startswith("--"):
            kinds.add(a)
    linker = Linker.default()
    for fname in FILES:
        path = GOLD / fname
        if not path.exists() or (only and only not in fname):
            continue
        n = found = key = full = 0
        misses = []
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            text = rec["text"]
            d = date.fromisoformat(rec["date"]) if rec.get("date") and not fname.startswith("gsr") else None
            ms = linker.link(text, d, rec.get("lang", "id"))
            for ev in rec["events"]:
                base = text.find(ev["sentence"]) if ev.get("sentence") else 0
                base = max(base, 0)
                for side in ("source", "target"):
                    for a in ev[side]:
                        if not (a.get("country") or a.get("org")):
                            continue
                        n += 1
                        pos = text.find(a["text"], base)
                        if pos < 0:
                            pos = text.find(a["text"])
                        gold = (a.get("country") or a.get("org"), a.get("sector"))
                        if pos < 0:
                            misses.append(("notext", rec["id"], a["text"], gold, [], ""))
                            continue
                        end = pos + len(a["text"])
                        ctx = _context(text, pos, end)
                        over = [m for m in ms if m.start < end and m.end > pos]
                        got = [(m.text, m.country or m.org, m.sector) for m in over]
                        if not over:
                            misses.append(("nomention", rec["id"], a["text"], gold, got, ctx))
                            continue
                        found += 1
                        best = next((m for m in over if key_ok(a, m)), None)
                        if best is None:
                            misses.append(("key", rec["id"], a["text"], gold, got, ctx))
                            continue
                        key += 1
                        if a.get("sector") is None or best.sector == a["sector"]:
                            full += 1
                        else:
                            misses.append(("sector", rec["id"], a["text"], gold, got, ctx))
        print(f"{fname:28s} actors {n:4d}  found {found:4d} ({found / max(n, 1):.0%})  "
              f"key {key:4d} ({key / max(n, 1):.0%})  key+sector {full:4d} ({full / max(n, 1):.0%})")
        if show:
            for kind, rid, atext, gold, got, ctx in misses:
                if kinds and kind not in kinds:
                    continue
                print(f"  {kind:9s} {rid}: {atext!r} gold={gold[0]}/{gold[1]} got={got}")
                if ctx:
                    print(f"            | {ctx}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
