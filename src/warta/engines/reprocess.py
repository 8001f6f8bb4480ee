"""``warta process --reprocess``: code the stored articles again with the current pipeline.

After a lexicon, knowledge-base or code change, the stored articles that another warta version or
pipeline coded (see :mod:`warta.provenance` and the ``codings`` table) are cleaned and coded again
from their stored raw text. The article rows stay; their mentions, events and quotes are replaced,
one transaction per batch, so an interrupted run keeps what it did and the next one goes on from
there. Exact duplicates stay uncoded.
"""
from __future__ import annotations

import json
import time
import uuid
from datetime import date, datetime, timezone
from typing import Any

from warta.engines.local import BATCH_SIZE, HOLD_SECONDS, Summary, _progress
from warta.ingest import prepare
from warta.model import Article
from warta.pipeline import Pipeline, Result


def _article(row: dict[str, Any]) -> Article:
    meta = row.get("meta")
    meta = json.loads(meta) if isinstance(meta, str) else dict(meta or {})
    for k in ("junk_lines", "dateline_outlet", "content_hash", "near_duplicate_jaccard"):
        meta.pop(k, None)
    return Article(id=row["id"], text=row["raw_text"] or row["text"] or "", raw_text=row["raw_text"] or row["text"],
                   title=row["title"], url=row["url"], source=row["source"], published=row["published"],
                   lang=row["lang"], origin=row["origin"], meta=meta, near_duplicate_of=row["near_duplicate_of"])


def reprocess(store: Any, *, pipeline: Pipeline | None = None, lang: str = "auto",
              default_date: date | None = None, batch_size: int = BATCH_SIZE, quiet: bool = True,
              every: bool = False) -> Summary:
    """Recode the stored articles not coded by this process's pipeline (all of them with ``every``)."""
    from warta.provenance import current

    pipe = pipeline or Pipeline(lang=lang)
    coded_by = current(pipe.use_model)
    run_id = uuid.uuid4().hex[:12]
    started = datetime.now(timezone.utc).replace(tzinfo=None)
    summary = Summary()
    t0 = time.perf_counter()
    ids = store.ids_to_recode(None if every else coded_by[1])
    store.release()
    progress = None if quiet else _progress()
    task = progress.add_task("recoded", total=len(ids), events=0) if progress else None
    if progress:
        progress.start()
    try:
        for lo in range(0, len(ids), batch_size):
            rows = list(store.to_recode(ids=ids[lo:lo + batch_size]))
            store.release(held_for=HOLD_SECONDS)
            results: list[Result] = []
            for row in rows:
                art = prepare(_article(row), lang=lang, default_date=default_date)
                summary.read += 1
                summary.junk_lines += int(art.meta.get("junk_lines") or 0)
                results.append(summary.add_result(pipe.process(art)))
                if progress:
                    progress.update(task, advance=1, events=summary.events)
            store.recode_batch(results, run_id=run_id, coded_by=coded_by)
            store.release(held_for=HOLD_SECONDS)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        if progress:
            progress.stop()
    summary.seconds = time.perf_counter() - t0
    store.record_run(run_id, started, "reprocess", [], summary.to_dict())
    store.release()
    return summary
