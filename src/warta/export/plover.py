"""PLOVER/POLECAT-style JSON lines: one corpus event per line.

The JSON Schema is ``warta/data/schemas/plover_event.schema.json`` (:func:`schema`): ``actor`` and
``recipient`` (the primary source and target actor; ``actors``/``recipients`` list all),
``event_type``, ``mode``, ``context`` (PLOVER contexts of the CAMEO code, from
``data/lexicons/cameo_context.tsv``), ``date``, ``location``, ``sources`` (every reporting article)
and ``evidence`` (every mention: its sentence and trigger, offsets into the stored article text).
"""
from __future__ import annotations

import functools
import json
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from warta.export.query import ExportData


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads((resources.files("warta") / "data" / "schemas" / "plover_event.schema.json").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _contexts() -> dict[str, list[str]]:
    text = (resources.files("warta") / "data" / "lexicons" / "cameo_context.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("cameo\t"):
            continue
        code, ctx = line.split("\t")[:2]
        out[code.strip()] = [c for c in ctx.strip().split(";") if c]
    return out


def context(cameo: str | None) -> list[str]:
    """PLOVER contexts of a CAMEO code (its parent's when it has none of its own)."""
    c = cameo or ""
    while len(c) >= 2:
        if c in _contexts():
            return list(_contexts()[c])
        c = c[:-1]
    return []


def _iso(dt: datetime | None) -> str | None:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ") if dt else None


def _actor(a: dict[str, Any]) -> dict[str, Any]:
    return {k: a.get(k) for k in ("key", "name", "code", "country", "org", "sector", "entity_id")}


def record(ev: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    from warta.export.gdelt import _utc

    sources: dict[str, dict[str, Any]] = {}
    for m in mentions:
        if m["article_id"] not in sources:
            sources[m["article_id"]] = {"article_id": m["article_id"], "outlet": m.get("outlet"), "url": m.get("url"),
                                        "published": _iso(_utc(m.get("published"), None)), "title": m.get("title")}
    loc = ev.get("location")
    return {
        "id": f"warta-{ev['event_id']}",
        "date": ev["event_date"].isoformat() if ev.get("event_date") else None,
        "date_known": bool(ev.get("date_known")),
        "event_type": ev["event_type"], "mode": ev.get("mode"), "context": context(ev.get("cameo")),
        "cameo": ev.get("cameo"), "goldstein": ev.get("goldstein"), "quad_class": ev.get("quad_class"),
        "actor": _actor(ev["source"][0]) if ev["source"] else None,
        "recipient": _actor(ev["target"][0]) if ev["target"] else None,
        "actors": [_actor(a) for a in ev["source"]], "recipients": [_actor(a) for a in ev["target"]],
        "modality": ev.get("modality") or "asserted",
        "location": {k: loc.get(k) for k in ("name", "country", "admin1", "precision", "lat", "lon")} if loc else None,
        "sources": list(sources.values()),
        "evidence": [{"article_id": m["article_id"], "sentence_index": m.get("sentence_index"),
                      "start": m.get("evidence_start"), "end": m.get("evidence_end"), "text": m.get("evidence_text"),
                      "trigger": {"start": m.get("trigger_start"), "end": m.get("trigger_end"),
                                  "text": m.get("trigger_text")},
                      "modality": m.get("modality")} for m in mentions],
        "n_mentions": ev["n_mentions"], "n_sources": ev["n_sources"], "n_articles": ev["n_articles"],
        "first_seen": _iso(ev.get("first_seen")), "last_seen": _iso(ev.get("last_seen")),
        "confidence": ev.get("mean_confidence"), "tone": ev.get("tone"),
    }


def write(data: ExportData, out: Path) -> list[Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for ev in data.events:
            fh.write(json.dumps(record(ev, data.by_event.get(ev["event_id"], [])), ensure_ascii=False) + "\n")
    return [out]
