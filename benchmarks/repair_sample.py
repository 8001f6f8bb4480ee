"""Text repair at ingestion: counts on the samples, and a fixed-seed draw of repairs to judge by eye.

    python benchmarks/repair_sample.py [--n 100] [--seed 14] [--show] [FILE.jsonl ...]

Default files: ../shared/samples/id/news-2025-06.jsonl, news-2025-06-early.jsonl and
../shared/samples/en/bbc-2004-2005.jsonl (each skipped cleanly when absent). For each file: articles,
articles repaired, line joins (link lines rejoined to their sentence) and glue splits (spaces put
between glued words: at a case boundary, or between a name and the word glued after it), through the real ingestion path (``prepare``). With ``--show`` it prints
``--n`` random repairs of each kind per file (seeded) with 50 characters of context, for judging;
the printout quotes article text, so it is not to be committed. ``--force-id`` also counts the glue
splits the Indonesian word list would make on every file regardless of its language.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
DEFAULT = [SHARED / "id" / "news-2025-06.jsonl", SHARED / "id" / "news-2025-06-early.jsonl",
           SHARED / "en" / "bbc-2004-2005.jsonl"]
CTX = 50


def _show(text: str, at: int, width: int) -> str:
    left = text[max(0, at - CTX):at].replace("\n", "⏎")
    mid = text[at:at + width].replace("\n", "⏎")
    right = text[at + width:at + width + CTX].replace("\n", "⏎")
    return f"{left}[{mid}]{right}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--force-id", action="store_true")
    args = ap.parse_args()
    from warta.ingest import read
    from warta.ingest.clean import clean, strip_junk
    from warta.ingest.prepare import prepare
    from warta.ingest.repair import rejoin_lines, split_case_glued, split_glued, split_name_glued
    from warta.model import IngestError

    for path in args.files or DEFAULT:
        if not path.exists():
            print(f"skip: {path} not found")
            continue
        n = repaired = 0
        lines: list[str] = []
        glued: list[str] = []
        named: list[str] = []
        forced = 0
        for item in read([path]):
            if isinstance(item, IngestError):
                continue
            raw = item.text
            art = prepare(item)
            if isinstance(art, IngestError):
                continue
            n += 1
            nl, ng = int(art.meta.get("repaired_lines", 0)), int(art.meta.get("repaired_glued", 0))
            repaired += bool(nl or ng)
            if nl:  # where the joins fell, in the text as it stood when they were made
                pre, _ = strip_junk(raw)
                joined, joins = rejoin_lines(pre)
                lines += [_show(pre, j, 1) for j in joins]
            if ng:  # prepare() splits the cleaned text once the language is known: do it again
                text, ins = split_case_glued(clean(raw).text)
                glued += [_show(text, s, 1) for s in ins]
                text, ins = split_name_glued(text)
                named += [_show(text, s, 1) for s in ins]
            if args.force_id and art.lang not in ("id", "ms"):
                forced += len(split_glued(art.text)[1])
        out = {"file": path.name, "articles": n, "articles_repaired": repaired,
               "line_joins": len(lines), "glue_splits": len(glued) + len(named),
               "of_which_case_boundary": len(glued), "of_which_name_then_word": len(named)}
        if args.force_id:
            out["glue_splits_if_forced_indonesian"] = forced
        print(json.dumps(out))
        if args.show:
            rnd = random.Random(args.seed)
            for kind, items in (("line", lines), ("glued", glued), ("named", named)):
                for i, s in enumerate(rnd.sample(items, min(args.n, len(items))), 1):
                    print(f"{path.stem} {kind} {i:3d}  {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
