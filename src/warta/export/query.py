"""The corpus events (and their mentions) an export writes, read once with the export's filter."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa


@dataclass
class ExportData:
    events: list[dict[str, Any]]  # corpus_events rows; source/target/location parsed from JSON
    mentions: list[dict[str, Any]]  # one per mention of those events, with its article's fields
    by_event: dict[int, list[dict[str, Any]]] = field(default_factory=dict)


_MENTIONS_SQL = """
    SELECT l.event_id, e.article_id, e.idx, e.sentence_index, e.event_type, e.cameo, e.modality,
           e.source, e.target, e.trigger_start, e.trigger_end, e.trigger_text,
           e.evidence_start, e.evidence_end, e.evidence_text, e.confidence, e.event_date, e.pub_date,
           a.source AS outlet, a.url, a.published, a.ingested_at, a.lang, a.title, length(a.text) AS doc_len,
           t.tone
    FROM event_mentions l
    JOIN _warta_ids i ON i.event_id = l.event_id
    JOIN events e ON e.article_id = l.article_id AND e.idx = l.idx
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN article_tone t ON t.article_id = e.article_id
    ORDER BY l.event_id, a.published, e.article_id, e.idx
"""


def _dicts(cur) -> list[dict[str, Any]]:
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def load(con, filt) -> ExportData:
    where, params = filt.sql("corpus_events")
    events = _dicts(con.execute(f"SELECT * FROM corpus_events WHERE {where} ORDER BY event_date, event_id", params))
    for ev in events:
        for k in ("source", "target", "location"):
            ev[k] = json.loads(ev[k]) if ev.get(k) else ([] if k != "location" else None)
    con.register("_warta_ids", pa.table({"event_id": pa.array([e["event_id"] for e in events], pa.int64())}))
    try:
        mentions = _dicts(con.execute(_MENTIONS_SQL))
    finally:
        con.unregister("_warta_ids")
    by_event: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        m["source"] = json.loads(m["source"]) if m["source"] else []
        m["target"] = json.loads(m["target"]) if m["target"] else []
        by_event[m["event_id"]].append(m)
    return ExportData(events, mentions, dict(by_event))
