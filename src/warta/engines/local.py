"""The local batch runner behind the CLI: read sources -> clean -> dedup -> Pipeline -> store.

    from warta.engines.local import LocalEngine
    with LocalEngine("warta.duckdb") as engine:
        summary = engine.run(["news.jsonl"])

Results are written in batches, one transaction each: after a crash (even ``kill -9``) the next
run skips what was committed (article ids and content hashes are known to the store) and redoes
the rest, so nothing is lost or stored twice.

With ``workers=N`` (N > 1) cleaning and the pipeline run in N worker processes, each with its own
loaded pipeline (:mod:`warta.engines.pool`); this process reads the inputs, makes the duplicate
decisions in input order and is the only writer of the store, so the stored output is the same,
byte for byte, at any number of workers.
"""
from __future__ import annotations

import os
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from warta.ingest import prepare, read
from warta.ingest.dedup import Deduper
from warta.ingest.dedup import WINDOW as DEDUP_WINDOW
from warta.model import Article, IngestError
from warta.pipeline import Pipeline, Result


def process_in_zone(pipeline: Pipeline, art: Article) -> Result:
    from warta.engines.pool import process

    return process(pipeline, art)

BATCH_SIZE = 64
HOLD_SECONDS = 2.0  # a writer gives the database file up for readers at least this often


def iter_results(inputs: Iterable[str], *, lang: str = "auto", default_date: date | None = None,
                 dedup: bool = False, pipeline: Pipeline | None = None,
                 columns: Any = None) -> Iterator[Result | IngestError]:
    """Pipeline results (or ingest errors) for every article of ``inputs``, nothing stored.

    With ``dedup``, exact duplicates are not coded (their Result has ``skipped`` set).
    """
    pipe = pipeline or Pipeline(lang=lang)
    deduper = Deduper() if dedup else None
    for item in read(inputs, columns=columns):
        if isinstance(item, IngestError):
            yield item
            continue
        art = prepare(item, lang=lang, default_date=default_date)
        if isinstance(art, IngestError):
            yield art
            continue
        if deduper is not None:
            status, _ = deduper.check(art)
            if status in ("seen", "exact"):
                yield Result(art, None, [], [], [], skipped=f"duplicate of {art.duplicate_of or art.id}")
                continue
        yield pipe.process(art)


@dataclass
class Summary:
    """What a run did."""

    read: int = 0  # articles read from the inputs (errors not counted)
    coded: int = 0  # articles run through the pipeline
    skipped: Counter = field(default_factory=Counter)  # reason -> count (pipeline skips)
    duplicates: int = 0  # exact duplicates (stored, linked, not coded)
    near_duplicates: int = 0  # near duplicates (stored, linked, coded)
    already_stored: int = 0  # seen in an earlier run: nothing added
    junk_lines: int = 0
    mentions: int = 0
    events: int = 0
    quotes: int = 0
    errors: list[IngestError] = field(default_factory=list)
    error_count: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    MAX_KEPT_ERRORS = 200

    def add_error(self, err: IngestError) -> None:
        self.error_count += 1
        if len(self.errors) < self.MAX_KEPT_ERRORS:
            self.errors.append(err)

    def add_result(self, result: Result) -> Result:
        """Count a coded (or skipped) article; its Doc is not stored, so it is freed here."""
        result.doc = None
        if result.skipped:
            self.skipped[result.skipped] += 1
        else:
            self.coded += 1
        self.mentions += len(result.mentions)
        self.events += len(result.events)
        self.quotes += len(result.quotes)
        return result

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "coded": self.coded, "skipped": dict(self.skipped),
            "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
            "already_stored": self.already_stored, "junk_lines": self.junk_lines,
            "mentions": self.mentions, "events": self.events, "quotes": self.quotes,
            "errors": self.error_count, "seconds": round(self.seconds, 2),
            "articles_per_s": round(self.read / self.seconds, 1) if self.seconds else None,
            "interrupted": self.interrupted,
        }


class LocalEngine:
    """Runs inputs through ingestion, dedup, the pipeline and the store, batch by batch."""

    def __init__(self, db: str | Path | Any = "warta.duckdb", *, lang: str = "auto",
                 default_date: date | None = None, batch_size: int = BATCH_SIZE,
                 pipeline: Pipeline | None = None, client: Any = None, columns: Any = None,
                 workers: int | None = 1, dedup_window: int | None = DEDUP_WINDOW):
        from warta.store import Store

        self.store = db if isinstance(db, Store) else Store(db)
        self.lang = lang
        self.default_date = default_date
        self.batch_size = batch_size
        self.pipeline = pipeline or Pipeline(lang=lang)
        self.client = client
        self.columns = columns  # warta.ingest.records.Columns: which CSV columns hold what
        self.hold_seconds = HOLD_SECONDS
        self.workers = default_workers() if not workers else workers
        self._pool: Any = None
        self._warm = False
        self.deduper = Deduper(window=dedup_window)
        self.deduper.load(self.store.dedup_rows(limit=dedup_window))
        self.store.release()  # the file is held only while a batch commits: readers can open it meanwhile

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        self.store.close()

    def start_workers(self) -> None:
        """Start the worker processes and load their pipelines now (else on the first run)."""
        if self.workers <= 1:
            from warta.engines.pool import warm_up

            if not self._warm:
                warm_up(self.pipeline, self.lang)  # like the workers do
                self._warm = True
            return
        if self._pool is None:
            from warta.engines.pool import WorkerPool

            self.store.release()  # no open database handle is inherited by the workers
            self._pool = WorkerPool(self.workers, self.pipeline, lang=self.lang, default_date=self.default_date)

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def run(self, inputs: Iterable[str], *, quiet: bool = True, command: str = "process",
            progress_label: str = "articles") -> Summary:
        inputs = [str(i) for i in inputs]
        items = read(inputs, client=self.client, known=self.deduper.seen, columns=self.columns)
        return self.run_items(items, inputs=inputs, quiet=quiet, command=command, progress_label=progress_label)

    def run_items(self, items: Iterable[Article | IngestError], *, inputs: list[str], quiet: bool = True,
                  command: str = "process", progress_label: str = "articles") -> Summary:
        """Like :meth:`run`, on articles (and errors) already read; ``inputs`` names them in ``runs``."""
        self.start_workers()  # before the progress thread starts
        run_id = uuid.uuid4().hex[:12]
        started = datetime.now(timezone.utc).replace(tzinfo=None)
        summary = Summary()
        t0 = time.perf_counter()
        progress = None if quiet else _progress()
        task = progress.add_task(progress_label, total=None, events=0) if progress else None
        batch: list[Result] = []
        errors: list[IngestError] = []
        sigs: dict[str, bytes] = {}

        writer = _Writer(self.store, self.hold_seconds)

        def flush() -> None:
            if batch or errors:
                writer.put(list(batch), list(errors), run_id, dict(sigs))
            batch.clear()
            errors.clear()
            sigs.clear()

        if progress:
            progress.start()
        coded = self._parallel(items, summary, sigs) if self._pool is not None else self._serial(items, summary, sigs)
        try:
            for result in coded:
                if isinstance(result, IngestError):
                    summary.add_error(result)
                    errors.append(result)
                    continue
                batch.append(result)
                if progress:
                    progress.update(task, advance=1, events=summary.events)
                if len(batch) >= self.batch_size or len(errors) >= self.batch_size:
                    flush()
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            try:
                flush()
            finally:
                writer.close()  # every batch committed (or the writer's error raised here)
                if progress:
                    progress.stop()
        summary.seconds = time.perf_counter() - t0
        self.store.record_run(run_id, started, command, inputs, summary.to_dict())
        self.store.release()
        return summary

    def _serial(self, items: Iterable[Article | IngestError], summary: Summary,
                sigs: dict[str, bytes]) -> Iterator[Result | IngestError]:
        """Results in input order, coded in this process."""
        for item in items:
            if isinstance(item, IngestError):
                yield item
                continue
            if self.deduper.seen(item.id):
                summary.already_stored += 1
                continue
            art = prepare(item, lang=self.lang, default_date=self.default_date)
            if isinstance(art, IngestError):
                yield art
                continue
            status, sig = self.deduper.check(art)
            out = self._settle(art, status, sig, None, summary, sigs)
            if out is None:
                out = summary.add_result(process_in_zone(self.pipeline, art))
            yield out

    def _parallel(self, items: Iterable[Article | IngestError], summary: Summary,
                  sigs: dict[str, bytes]) -> Iterator[Result | IngestError]:
        """Results in input order, coded by the worker pool; duplicate decisions made here, in order.

        Workers code every article they get (exact duplicates too: a duplicate is only known once
        the articles before it are settled, here); a duplicate's result is then dropped.
        """
        def fresh(stream):
            for item in stream:
                if isinstance(item, Article) and self.deduper.seen(item.id):
                    summary.already_stored += 1  # stored by an earlier run: not even sent to a worker
                    continue
                yield item

        for kind, art, h, sig, result in self._pool.map(fresh(items)):
            if kind == "error":
                yield art
                continue
            if self.deduper.seen(art.id):  # a repeated id within this run
                summary.already_stored += 1
                continue
            status, sig = self.deduper.check(art, content_hash=h, sig=sig)
            out = self._settle(art, status, sig, result, summary, sigs)
            yield out if out is not None else summary.add_result(result)

    def _settle(self, art: Article, status: str, sig: Any, result: Result | None, summary: Summary,
                sigs: dict[str, bytes]) -> Result | None:
        """Book-keeping of one prepared article after the dedup decision; the Result when it is not
        to be coded (an exact duplicate), else None."""
        summary.read += 1
        summary.junk_lines += int(art.meta.get("junk_lines") or 0)
        if sig is not None:
            sigs[art.id] = sig.tobytes()
        if status == "exact":
            summary.duplicates += 1
            return Result(art, None, [], [], [], skipped=f"exact duplicate of {art.duplicate_of}")
        if status == "near":
            summary.near_duplicates += 1
        return None


class _Writer:
    """Writes the batches to the store in order, in a thread of its own: reading, deduplicating and
    (with workers) coding go on while DuckDB commits a batch and gives the file up for readers
    (closing the connection checkpoints the database, which can take a second). At most ``depth``
    batches wait; an error in the writer is raised in the caller at its next batch or at the end."""

    def __init__(self, store: Any, hold_seconds: float, depth: int = 2):
        import queue
        import threading

        self.store = store
        self.hold_seconds = hold_seconds
        self.q: Any = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self.t = threading.Thread(target=self._run, name="warta-writer", daemon=True)
        self.t.start()

    def _run(self) -> None:
        while (job := self.q.get()) is not None:
            if self.error is not None:
                continue
            batch, errors, run_id, sigs = job
            try:
                self.store.write_batch(batch, errors, run_id=run_id, signatures=sigs)
                self.store.release(held_for=self.hold_seconds)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                self.error = exc

    def put(self, batch: list, errors: list, run_id: str, sigs: dict) -> None:
        if self.error is not None:
            raise self.error
        self.q.put((batch, errors, run_id, sigs))

    def close(self) -> None:
        self.q.put(None)
        self.t.join()
        if self.error is not None:
            raise self.error


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _progress():
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}: {task.completed} read"),
                    TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True, refresh_per_second=4)
