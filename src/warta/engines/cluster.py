"""The pipeline on a Dask cluster (``warta process --engine dask [--scheduler ADDRESS]``).

    from warta.engines.cluster import DaskEngine
    with DaskEngine("warta.duckdb", scheduler=None, workers=2) as engine:   # a LocalCluster
        summary = engine.run(["news/"])

1. The inputs are split into partitions: JSONL files into shards of ``partition_lines`` lines
   (byte ranges found by one scan), every other file (text, HTML, WARC, gzip) whole.
2. Each partition is a Dask task. A worker keeps one loaded pipeline (a worker plugin loads it
   when the worker starts; tasks reuse it), cleans and codes the partition's articles and writes
   the rows as Parquet files, one per table: ``PARTS/{articles,mentions,events,quotes,article_tone,errors}/KEY.parquet``,
   then a marker ``PARTS/_done/KEY.json``. A failing task is retried (``retries``), then reported.
3. This process merges the finished partitions into the store in input order, making the
   duplicate decisions as the local engine does (an exact duplicate's events are dropped, a near
   duplicate is linked), so the store holds the same events as ``--engine local`` would give.

A rerun skips the partitions whose marker exists (same file, size, modification time, range and
settings) and only merges them; articles already stored are not stored twice.

The workers must see the input files and ``PARTS`` at the same paths as this process (a shared
file system), and have warta installed (same version). The Parquet files are per partition,
before cross-partition deduplication; DuckDB reads them directly:
``SELECT * FROM read_parquet('warta.duckdb.parts/events/*.parquet')``.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from warta.engines.local import Summary
from warta.ingest.dedup import WINDOW as DEDUP_WINDOW
from warta.ingest.dedup import Deduper
from warta.ingest.sources import JSONL_EXT, STORE_DIR_EXT, STORE_EXT
from warta.model import IngestError

PARTITION_LINES = 500
RETRIES = 2
TABLES = ("articles", "mentions", "events", "quotes", "article_tone", "errors")
MERGE_BATCH = 256  # articles per store transaction while merging


@dataclass(frozen=True)
class Partition:
    """A piece of the input one task codes: a whole file, or lines [first_line, first_line + lines)
    of a JSONL file starting at byte ``start``."""

    path: str
    start: int = 0
    first_line: int = 0
    lines: int | None = None  # None: the whole file
    stamp: str = ""  # size and modification time of the file when it was split

    def key(self, settings: str) -> str:
        raw = json.dumps([asdict(self), settings], sort_keys=True)
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]

    @property
    def label(self) -> str:
        if self.lines is None:
            return self.path
        return f"{self.path}:{self.first_line + 1}-{self.first_line + self.lines}"


def _files(inputs: Iterable[str]) -> Iterator[Path | IngestError]:
    for inp in inputs:
        s = str(inp)
        if s == "-" or s.startswith(("http://", "https://")):
            yield IngestError(s, "the dask engine reads files and folders; use --engine local for URLs and stdin")
            continue
        p = Path(s)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not d.endswith(STORE_DIR_EXT))
                for name in sorted(files):
                    if not name.startswith(".") and not name.lower().endswith(STORE_EXT):
                        yield Path(root) / name
        elif p.exists():
            yield p
        else:
            yield IngestError(s, "no such file or folder")


def split(inputs: Iterable[str], lines: int = PARTITION_LINES) -> Iterator[Partition | IngestError]:
    """Partitions of the inputs, in input order."""
    for f in _files(inputs):
        if isinstance(f, IngestError):
            yield f
            continue
        st = f.stat()
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
        name = f.name.lower()
        if not name.endswith(JSONL_EXT) or name.endswith(".gz"):
            yield Partition(str(f), stamp=stamp)
            continue
        with open(f, "rb") as fh:
            start, first, n, pos = 0, 0, 0, 0
            for raw in fh:
                pos += len(raw)
                n += 1
                if n - first == lines:
                    yield Partition(str(f), start, first, lines, stamp)
                    start, first = pos, n
            if n > first:
                yield Partition(str(f), start, first, n - first, stamp)


def read_partition(part: Partition) -> Iterator[Any]:
    """The articles (and errors) of one partition, with the same ids and locations as a whole read."""
    from itertools import islice

    from warta.ingest.sources import _jsonl_lines, bounded_lines, read_path

    if part.lines is None:
        yield from read_path(Path(part.path))
        return
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        yield from _jsonl_lines(islice(bounded_lines(fh), part.lines), part.path, lineno=part.first_line)


# -- on the workers ------------------------------------------------------------------------------
_PIPELINES: dict[tuple[str, bool], Any] = {}


def worker_pipeline(lang: str, use_model: bool):
    """The worker process's pipeline for these settings, loaded once and reused by every task."""
    key = (lang, use_model)
    if key not in _PIPELINES:
        from warta.pipeline import Pipeline

        from warta.engines.pool import warm_up

        pipe = Pipeline(lang=lang, use_model=use_model)
        warm_up(pipe, lang)
        _PIPELINES[key] = pipe
    return _PIPELINES[key]


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # dask is an optional extra: the module still imports (for docs and split())
    WorkerPlugin = object  # type: ignore[misc,assignment]


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc]
    """Loads warta's pipeline when a worker starts, so the first task does not pay for it."""

    name = "warta-pipeline"

    def __init__(self, lang: str = "auto", use_model: bool = False):
        self.lang = lang
        self.use_model = use_model

    def setup(self, worker: Any) -> None:
        worker_pipeline(self.lang, self.use_model)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def code_partition(part: Partition, key: str, out: str, lang: str, default_date: date | None,
                   use_model: bool) -> dict[str, Any]:
    """Code one partition and write its rows as Parquet (a Dask task); returns its counts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from warta.engines.pool import code_one
    from warta.store.duck import _SCHEMAS, Store

    t0 = time.perf_counter()
    pipe = worker_pipeline(lang, use_model)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for item in read_partition(part):
        kind, art, h, sig, result = code_one(item, pipe, lang=lang, default_date=default_date)
        if kind == "error":
            rows["errors"].append({"location": art.location, "reason": art.reason, "source": art.source,
                                   "run_id": None, "first_seen": _now()})
            continue
        row = Store._article_row(result, None, sig.tobytes() if sig is not None else None)
        row["content_hash"] = h
        rows["articles"].append(row)
        rows["mentions"].extend(Store._mention_rows(result))
        rows["events"].extend(Store._event_rows(result))
        rows["quotes"].extend(Store._quote_rows(result))
        rows["article_tone"].append(result.tone_row)
    t1 = time.perf_counter()
    schemas = dict(_SCHEMAS, errors=_SCHEMAS["ingest_errors"])
    root = Path(out)
    for table in TABLES:
        folder = root / table
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{uuid.uuid4().hex[:6]}.tmp"
        pq.write_table(pa.Table.from_pylist(rows[table], schema=schemas[table]), tmp)
        os.replace(tmp, folder / f"{key}.parquet")
    counts: dict[str, Any] = {t: len(rows[t]) for t in TABLES}
    counts.update(code_seconds=t1 - t0, write_seconds=time.perf_counter() - t1)
    done = root / "_done"
    done.mkdir(parents=True, exist_ok=True)
    tmp = done / f".{key}.tmp"
    tmp.write_text(json.dumps({"partition": asdict(part), "counts": counts}), encoding="utf-8")
    os.replace(tmp, done / f"{key}.json")
    return counts


# -- on the client ---------------------------------------------------------------------------------
class DaskEngine:
    """Codes inputs on a Dask cluster and merges the results into the store."""

    def __init__(self, db: str | Path = "warta.duckdb", *, scheduler: str | None = None,
                 workers: int | None = None, lang: str = "auto", default_date: date | None = None,
                 parts: str | Path | None = None, partition_lines: int = PARTITION_LINES,
                 retries: int = RETRIES, use_model: bool | None = None, client: Any = None,
                 dedup_window: int | None = DEDUP_WINDOW):
        from warta import nlp as nlp_mod
        from warta.engines.local import default_workers
        from warta.store import Store

        self.store = Store(db)
        self.parts = Path(parts) if parts else Path(f"{db}.parts")
        self.lang = lang
        self.default_date = default_date
        self.partition_lines = partition_lines
        self.retries = retries
        self.use_model = nlp_mod.use_trained() if use_model is None else use_model
        self.deduper = Deduper(window=dedup_window)
        self.deduper.load(self.store.dedup_rows(limit=dedup_window))
        self.store.release()
        self._own: list[Any] = []
        if client is None:
            from distributed import Client, LocalCluster

            if scheduler:
                client = Client(scheduler)
            else:
                cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                       processes=True, dashboard_address=":0")
                self._own.append(cluster)
                client = Client(cluster)
            self._own.insert(0, client)
        self.client = client
        self.client.register_plugin(PipelinePlugin(lang, self.use_model))

    def close(self) -> None:
        for thing in self._own:
            thing.close()
        self._own = []
        self.store.close()

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def settings(self) -> str:
        return json.dumps([self.lang, str(self.default_date), self.use_model])

    def run(self, inputs: Iterable[str], *, command: str = "process", quiet: bool = True) -> Summary:
        inputs = [str(i) for i in inputs]
        run_id = uuid.uuid4().hex[:12]
        started = _now()
        summary = Summary()
        t0 = time.perf_counter()
        todo: list[tuple[Partition, str, Any]] = []
        self.parts.mkdir(parents=True, exist_ok=True)
        out = str(self.parts.resolve())
        errors: list[IngestError] = []
        self.partitions_done_before = 0
        # seconds: coding and Parquet writing (summed over the workers' tasks), merging (here)
        self.stats = {"code_seconds": 0.0, "write_seconds": 0.0, "merge_seconds": 0.0}
        for part in split(inputs, self.partition_lines):
            if isinstance(part, IngestError):
                summary.add_error(part)
                errors.append(part)
                continue
            key = part.key(self.settings)
            if (self.parts / "_done" / f"{key}.json").exists():
                self.partitions_done_before += 1
                todo.append((part, key, None))
            else:
                fut = self.client.submit(code_partition, part, key, out, self.lang, self.default_date,
                                         self.use_model, key=f"warta-{key}", retries=self.retries, pure=False)
                todo.append((part, key, fut))
        self.partitions = len(todo)
        try:
            for part, key, fut in todo:
                if fut is not None:
                    try:
                        counts = fut.result()
                        self.stats["code_seconds"] += counts.get("code_seconds", 0.0)
                        self.stats["write_seconds"] += counts.get("write_seconds", 0.0)
                    except Exception as exc:  # noqa: BLE001 - a failed partition is reported, the rest go on
                        err = IngestError(part.label, f"partition failed after {self.retries + 1} tries: "
                                                      f"{type(exc).__name__}: {exc}")
                        summary.add_error(err)
                        errors.append(err)
                        continue
                t = time.perf_counter()
                self._merge(key, run_id, summary, errors)
                self.stats["merge_seconds"] += time.perf_counter() - t
        except KeyboardInterrupt:
            summary.interrupted = True
            for _, _, fut in todo:
                if fut is not None:
                    fut.cancel()
        if errors:
            self._write({}, errors, run_id)
        summary.seconds = time.perf_counter() - t0
        self.store.record_run(run_id, started, command, inputs, summary.to_dict())
        self.store.release()
        return summary

    def _write(self, tables: dict[str, list[dict[str, Any]]], errors: list[IngestError], run_id: str) -> None:
        tables = dict(tables)
        tables["ingest_errors"] = [{"location": e.location, "reason": e.reason, "source": e.source,
                                    "run_id": run_id, "first_seen": _now()} for e in errors]
        self.store.write_rows(tables)
        self.store.release(held_for=2.0)

    def _merge(self, key: str, run_id: str, summary: Summary, errors: list[IngestError]) -> None:
        """Merge one finished partition into the store, deciding duplicates in input order."""
        import numpy as np
        import pyarrow.parquet as pq

        data = {t: pq.read_table(self.parts / t / f"{key}.parquet").to_pylist() for t in TABLES}
        children: dict[str, dict[str, list[dict]]] = {t: defaultdict(list) for t in ("mentions", "events", "quotes")}
        for t in children:
            for row in data[t]:
                children[t][row["article_id"]].append(row)
        tones = {}
        for row in data["article_tone"]:
            tones.setdefault(row["article_id"], row)
        from warta.provenance import current

        version, pipeline = current(self.use_model)
        for row in data["errors"]:
            err = IngestError(row["location"], row["reason"], row["source"])
            summary.add_error(err)
            errors.append(err)
        batch: dict[str, list[dict[str, Any]]] = {t: [] for t in ("articles", "mentions", "events", "quotes",
                                                                  "codings", "article_tone")}
        for row in data["articles"]:
            aid = row["id"]
            if self.deduper.seen(aid):
                summary.already_stored += 1
                continue
            if aid in tones:
                batch["article_tone"].append(tones[aid])
            sig = np.frombuffer(row["minhash"], dtype=np.uint64) if row["minhash"] else None
            status, dup, jacc, _ = self.deduper.classify(aid, row["content_hash"], sig=sig)
            summary.read += 1
            summary.junk_lines += int(row["junk_lines"] or 0)
            row["run_id"] = run_id
            if status == "exact":
                summary.duplicates += 1
                row.update(duplicate_of=dup, status="duplicate", skip_reason=f"exact duplicate of {dup}",
                           minhash=None, n_mentions=0, n_events=0, n_quotes=0)
                batch["articles"].append(row)
                continue
            if status == "near":
                summary.near_duplicates += 1
                row.update(near_duplicate_of=dup, near_jaccard=jacc)
            if row["skip_reason"]:
                summary.skipped[row["skip_reason"]] += 1
            else:
                summary.coded += 1
            summary.mentions += row["n_mentions"]
            summary.events += row["n_events"]
            summary.quotes += row["n_quotes"]
            batch["articles"].append(row)
            batch["codings"].append({"article_id": aid, "warta_version": version, "pipeline": pipeline,
                                     "run_id": run_id, "coded_at": _now()})
            for t in children:  # (the first article of a repeated id: its own rows only)
                batch[t].extend(children[t].get(aid, [])[:row[f"n_{t}"]])
            if len(batch["articles"]) >= MERGE_BATCH:
                self._write(batch, errors, run_id)
                batch = {t: [] for t in batch}
                errors.clear()
        self._write(batch, errors, run_id)
        errors.clear()
