"""One flat row per corpus event, as CSV (one file, with a header) or Parquet (a folder
partitioned by event date: ``event_date=2025-06-19/part-0.parquet``, hive style, which pandas,
pyarrow, DuckDB and Spark read as one table).

Columns (:data:`COLUMNS`): ids, date, codes, counts and tone of the event; for source and target,
the actors' keys joined with ``+`` (as in ``corpus_events``), the primary (first reported) actor's
name, code and country, and all actors' names joined with ``; ``; the place.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pyarrow as pa

from warta.export.query import ExportData

_S, _I, _F = pa.string(), pa.int32(), pa.float64()
SCHEMA = pa.schema([
    ("event_id", pa.int64()), ("event_date", pa.date32()), ("date_known", pa.bool_()),
    ("event_type", _S), ("mode", _S), ("cameo", _S), ("goldstein", _F), ("quad_class", _I),
    ("source_key", _S), ("source_name", _S), ("source_code", _S), ("source_country", _S), ("source_actors", _S),
    ("target_key", _S), ("target_name", _S), ("target_code", _S), ("target_country", _S), ("target_actors", _S),
    ("modality", _S), ("location_name", _S), ("location_country", _S), ("lat", _F), ("lon", _F),
    ("n_mentions", _I), ("n_sources", _I), ("n_articles", _I),
    ("first_seen", pa.timestamp("s")), ("last_seen", pa.timestamp("s")),
    ("mean_confidence", _F), ("tone", _F), ("first_article_id", _S), ("first_url", _S),
])
COLUMNS = tuple(SCHEMA.names)


def flat(ev: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {k: ev.get(k) for k in ("event_id", "event_date", "date_known", "event_type", "mode",
                                                  "cameo", "goldstein", "quad_class", "modality", "location_country",
                                                  "n_mentions", "n_sources", "n_articles", "first_seen", "last_seen",
                                                  "mean_confidence", "tone", "first_article_id", "first_url")}
    for side, role in (("source", "source"), ("target", "target")):
        actors = ev.get(side) or []
        a = actors[0] if actors else {}
        row[f"{role}_key"] = ev.get(f"{role}_key")  # every actor's key, joined with '+'

        row[f"{role}_name"] = a.get("name")
        row[f"{role}_code"] = a.get("code")
        row[f"{role}_country"] = a.get("country")
        row[f"{role}_actors"] = "; ".join(str(x.get("name") or x.get("key")) for x in actors) or None
    loc = ev.get("location") or {}
    row["location_name"] = loc.get("name")
    row["lat"], row["lon"] = loc.get("lat"), loc.get("lon")
    return row


def table(data: ExportData) -> pa.Table:
    return pa.Table.from_pylist([flat(ev) for ev in data.events], schema=SCHEMA)


def write_csv(data: ExportData, out: Path) -> list[Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        for ev in data.events:
            w.writerow({k: ("" if v is None else v) for k, v in flat(ev).items()})
    return [out]


def write_parquet(data: ExportData, out: Path) -> list[Path]:
    import pyarrow.dataset as ds

    if out.exists() and not out.is_dir():
        raise ValueError(f"--out for parquet is a folder (one sub-folder per event date); {out} is a file")
    out.mkdir(parents=True, exist_ok=True)
    tbl = table(data)
    part = ds.partitioning(pa.schema([("event_date", pa.date32())]), flavor="hive")
    ds.write_dataset(tbl, out, format="parquet", partitioning=part, existing_data_behavior="delete_matching",
                     basename_template="part-{i}.parquet")
    return sorted(out.rglob("*.parquet"))
