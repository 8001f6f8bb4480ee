"""The embedded DuckDB store.

One :class:`Store` per process opens (or creates) the database file, migrates its schema, and
writes whole batches in one transaction: a run killed at any moment (even ``kill -9``) leaves the
database as it was after the last committed batch, and the next run resumes from there.
"""
from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warta.model import Article, IngestError
from warta.pipeline import Result
from warta.store import aggregate
from warta.store.schema import LATEST, MIGRATIONS

DEFAULT_DB = Path("warta.duckdb")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _js(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _countries(actors: list[dict]) -> list[str]:
    return sorted({a["country"] for a in actors if a.get("country")})


class StoreBusy(RuntimeError):
    """The database is held by another process for longer than we were willing to wait."""


def connect(path: str | Path, *, read_only: bool = False, wait: float = 30.0) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to ``path``, waiting up to ``wait`` seconds while another process holds it.

    DuckDB lets one process write a database file and no other process open it meanwhile. warta's
    writers therefore hold the file only while they commit a batch (see :meth:`Store.release`),
    and readers (``warta events``, ``warta serve``) hold it only for one query; each side retries
    with a short backoff while the other has it, and touches a marker file beside the database
    (``.writer-waiting``, ``.reader-waiting``) meanwhile: ``warta serve`` closes its connection for
    a waiting writer, and a writer reopening the file first lets a waiting reader in (at most 1 s).
    When the wait runs out, :class:`StoreBusy` says which process holds the file and what to do.
    """
    deadline = time.monotonic() + wait
    delay = 0.02
    marker = (reader_waiting_marker if read_only else writer_waiting_marker)(path)
    if not read_only:  # a reader has been waiting for the file: let it have a turn first (at most 1 s)
        _yield_to(reader_waiting_marker(path), 1.0)
    waiting = False
    try:
        while True:
            try:
                return duckdb.connect(str(path), read_only=read_only)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise
                waiting = _touch(marker) or waiting  # tell the holder that someone waits
                if time.monotonic() >= deadline:
                    holder = re.search(r"PID (\d+)", str(exc))
                    who = f"process {holder.group(1)}" if holder else "another process"
                    raise StoreBusy(
                        f"{path} is in use by {who} and stayed locked for {wait:.0f} s; wait for it to "
                        f"finish a batch and try again, or read a copy of the file") from None
                time.sleep(delay)
                delay = min(delay * 1.5, 0.5)
    finally:
        if waiting:
            marker.unlink(missing_ok=True)


def writer_waiting_marker(path: str | Path) -> Path:
    """The file a writer touches while it waits for the database (``warta.duckdb.writer-waiting``):
    a long-lived reader such as ``warta serve`` closes its connection when it sees a fresh one."""
    p = Path(path)
    return p.with_name(p.name + ".writer-waiting")


def reader_waiting_marker(path: str | Path) -> Path:
    """The file a reader touches while it waits for the database: a writer about to take the file
    again lets it in first (for at most a second), so long runs cannot starve readers."""
    p = Path(path)
    return p.with_name(p.name + ".reader-waiting")


def _fresh(marker: Path, age: float = 2.0) -> bool:
    try:
        return time.time() - marker.stat().st_mtime < age
    except OSError:
        return False


def _yield_to(marker: Path, most: float) -> None:
    end = time.monotonic() + most
    while _fresh(marker) and time.monotonic() < end:
        time.sleep(0.02)


def _touch(marker: Path) -> bool:
    try:
        marker.touch()
        return True
    except OSError:  # a read-only folder: readers then simply hold the file briefly
        return False


class Store:
    """A warta database. Use as a context manager, or call :meth:`close`.

    The connection opens on first use and can be given up between batches with :meth:`release`
    (a long ``process`` or ``watch`` does so after every commit), so other processes can read the
    database while a run goes on.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, wait: float = 30.0):
        self.path = Path(path)
        self.read_only = read_only
        self.wait = wait
        self._con: duckdb.DuckDBPyConnection | None = None
        self._opened = 0.0
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.migrate()
        else:
            self.con  # fail now, with a clear error, if the file cannot be opened

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = connect(self.path, read_only=self.read_only, wait=self.wait)
            self._opened = time.monotonic()
        return self._con

    def release(self, *, held_for: float = 0.0) -> None:
        """Close the connection (and the file lock) until the next use; nothing is lost.

        With ``held_for``, only when the connection has been open that many seconds: a writer
        that commits many small batches then reopens the file (about 70 ms) at most that often.
        """
        if self._con is not None and time.monotonic() - self._opened >= held_for:
            self._con.close()
            self._con = None

    # -- schema ---------------------------------------------------------------------------------
    def version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone()[0]
        if not exists:
            return 0
        v = self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        return int(v or 0)

    def migrate(self) -> int:
        """Apply the migrations this database lacks; returns the schema version."""
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version "
                         "(version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)")
        applied = {v for (v,) in self.con.execute("SELECT version FROM schema_version").fetchall()}
        for version, description, statements in sorted(MIGRATIONS, key=lambda m: m[0]):
            if version in applied:  # by number: migrations of parallel branches may land out of order
                continue
            self.con.begin()
            try:
                for sql in statements:
                    self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [version, description, _now()])
                self.con.commit()
            except Exception:
                self.con.rollback()
                raise
        return LATEST

    def close(self) -> None:
        self.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- reading state for resume / dedup --------------------------------------------------------
    def dedup_rows(self, limit: int | None = None) -> Iterator[tuple[str, str | None, bytes | None]]:
        """``(id, content_hash, minhash)`` of the stored articles, oldest first (originals' signatures
        only); with ``limit``, only the most recent ``limit`` articles."""
        sql = ("SELECT id, CASE WHEN duplicate_of IS NULL THEN content_hash END, CASE WHEN near_duplicate_of IS NULL AND duplicate_of IS NULL "
               "THEN minhash END, ingested_at FROM articles")
        if limit is not None:
            sql = f"SELECT * FROM ({sql} ORDER BY ingested_at DESC, id DESC LIMIT {int(limit)})"
        cur = self.con.execute(f"SELECT * EXCLUDE (ingested_at) FROM ({sql}) ORDER BY ingested_at, id")
        while rows := cur.fetchmany(10_000):
            yield from rows

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    # -- writing ----------------------------------------------------------------------------------
    def write_batch(self, results: Sequence[Result], errors: Sequence[IngestError] = (),
                    *, run_id: str | None = None, signatures: dict[str, bytes] | None = None,
                    coded_by: tuple[str, str] | None = None) -> None:
        """Store a batch of pipeline results and ingest errors in ONE transaction.

        ``coded_by`` is ``(warta_version, pipeline)`` (default: this process's, see
        :mod:`warta.provenance`), recorded in ``codings`` for every article the pipeline saw.
        """
        signatures = signatures or {}
        tables = {
            "articles": [self._article_row(r, run_id, signatures.get(r.article.id)) for r in results],
            "mentions": [row for r in results for row in self._mention_rows(r)],
            "events": [row for r in results for row in self._event_rows(r)],
            "quotes": [row for r in results for row in self._quote_rows(r)],
            "ingest_errors": [{"location": e.location, "reason": e.reason, "source": e.source,
                               "run_id": run_id, "first_seen": _now()} for e in errors],
            "codings": self._coding_rows(results, run_id, coded_by),
            # tone scored beforehand (by the engine's worker processes); the others are scored here
            "article_tone": [r.tone_row for r in results if getattr(r, "tone_row", None)],
        }
        self.write_rows(tables)

    def write_rows(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Insert ready-made rows (table name -> rows) in ONE transaction; rows already stored
        (same primary key) are left as they are."""
        self.con.begin()
        try:
            for name, rows in tables.items():
                if rows:
                    self._insert(name, rows)
            aggregate.update(self.con)  # corpus events and tone of the new mentions, same transaction
            self.con.commit()
        except Exception:
            self.con.rollback()
            raise

    def recode_batch(self, results: Sequence[Result], *, run_id: str | None = None,
                     coded_by: tuple[str, str] | None = None) -> None:
        """Replace the coding of stored articles (``process --reprocess``) in ONE transaction.

        The article rows stay (id, source, dates, ingestion time, duplicate links); their cleaned
        text, language, status and counts are updated, and their mentions, events and quotes are
        replaced by those of ``results``.
        """
        if not results:
            return
        ids = [r.article.id for r in results]
        updates = []
        for r in results:
            row = self._article_row(r, None, None)
            updates.append([row["text"], row["lang"], row["lang_flag"], row["place"], row["junk_lines"],
                            row["status"], row["skip_reason"], row["n_mentions"], row["n_events"],
                            row["n_quotes"], row["id"]])
        new = {
            "mentions": [row for r in results for row in self._mention_rows(r)],
            "events": [row for r in results for row in self._event_rows(r)],
            "quotes": [row for r in results for row in self._quote_rows(r)],
            "codings": self._coding_rows(results, run_id, coded_by),
        }
        self.con.begin()
        try:
            marks = ", ".join("?" for _ in ids)
            aggregate.forget_articles(self.con, ids)  # corpus events: out with the old mentions
            for table in ("mentions", "events", "quotes", "codings"):
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", ids)
            self.con.executemany(
                "UPDATE articles SET text = ?, lang = ?, lang_flag = ?, place = ?, junk_lines = ?, status = ?, "
                "skip_reason = ?, n_mentions = ?, n_events = ?, n_quotes = ? WHERE id = ?", updates)
            for name, rows in new.items():
                if rows:
                    self._insert(name, rows)
            aggregate.update(self.con)  # ... and in with the new
            self.con.commit()
        except Exception:
            self.con.rollback()
            raise

    def to_recode(self, pipeline: str | None = None, *, ids: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored articles to run through the pipeline again (not exact duplicates), in storage
        order; with ``pipeline``, only those not coded by that pipeline; with ``ids``, only those."""
        sql = ("SELECT a.id, a.url, a.source, a.title, a.published, a.lang, a.place, a.origin, a.raw_text, "
               "a.text, a.meta, a.near_duplicate_of FROM articles a LEFT JOIN codings c ON c.article_id = a.id "
               "WHERE a.duplicate_of IS NULL")
        params: list[Any] = []
        if pipeline is not None:
            sql += " AND c.pipeline IS DISTINCT FROM ?"
            params.append(pipeline)
        if ids is not None:
            if not ids:
                return
            sql += f" AND a.id IN ({', '.join('?' for _ in ids)})"
            params += list(ids)
        sql += " ORDER BY a.ingested_at, a.id"
        rows = self._dicts(self.con.execute(sql, params))
        yield from rows

    def ids_to_recode(self, pipeline: str | None = None) -> list[str]:
        """Ids of the stored articles :meth:`to_recode` would give, in storage order."""
        sql = ("SELECT a.id FROM articles a LEFT JOIN codings c ON c.article_id = a.id WHERE a.duplicate_of IS NULL"
               + (" AND c.pipeline IS DISTINCT FROM ?" if pipeline is not None else "")
               + " ORDER BY a.ingested_at, a.id")
        return [r[0] for r in self.con.execute(sql, [pipeline] if pipeline is not None else []).fetchall()]

    def coded_by(self, article_id: str) -> dict[str, Any] | None:
        """``{warta_version, pipeline, run_id, coded_at}`` of an article, or None (never coded)."""
        rows = self._dicts(self.con.execute("SELECT warta_version, pipeline, run_id, coded_at FROM codings "
                                            "WHERE article_id = ?", [article_id]))
        if not rows:
            return None
        row = rows[0]
        row["coded_by"] = f"warta {row['warta_version']} ({row['pipeline']})"
        return row

    @staticmethod
    def _coding_rows(results: Sequence[Result], run_id: str | None,
                     coded_by: tuple[str, str] | None) -> list[dict[str, Any]]:
        seen = [r for r in results if not r.article.duplicate_of]
        if not seen:
            return []
        if coded_by is None:
            from warta.provenance import current

            coded_by = current()
        now = _now()
        return [{"article_id": r.article.id, "warta_version": coded_by[0], "pipeline": coded_by[1],
                 "run_id": run_id, "coded_at": now} for r in seen]

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        tbl = pa.Table.from_pylist(rows, schema=_SCHEMAS[table])
        self.con.register("_warta_batch", tbl)
        try:
            cols = ", ".join(f'"{c}"' for c in tbl.column_names)
            verb = "INSERT" if table in _NO_KEY else "INSERT OR IGNORE"
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _warta_batch")
        finally:
            self.con.unregister("_warta_batch")

    @staticmethod
    def _article_row(r: Result, run_id: str | None, sig: bytes | None) -> dict[str, Any]:
        a: Article = r.article
        meta = dict(a.meta)
        content_hash = meta.pop("content_hash", None) or a.content_hash
        jacc = meta.pop("near_duplicate_jaccard", None)
        if a.duplicate_of:
            status = "duplicate"
        elif r.skipped:
            status = "skipped"
        else:
            status = "coded"
        return {
            "id": a.id, "url": a.url, "source": a.source, "title": a.title,
            "published": a.published.isoformat() if a.published else None, "pub_date": a.pub_date,
            "lang": a.lang, "lang_flag": a.lang_flag, "place": a.place, "origin": a.origin,
            "text": a.text, "raw_text": a.raw_text, "content_hash": content_hash, "minhash": sig,
            "duplicate_of": a.duplicate_of, "near_duplicate_of": a.near_duplicate_of, "near_jaccard": jacc,
            "junk_lines": meta.get("junk_lines"), "status": status, "skip_reason": r.skipped,
            "n_mentions": len(r.mentions), "n_events": len(r.events), "n_quotes": len(r.quotes),
            "meta": _js(meta), "run_id": run_id, "ingested_at": _now(),
        }

    @staticmethod
    def _mention_rows(r: Result) -> Iterator[dict[str, Any]]:
        for i, m in enumerate(r.mentions):
            yield {"article_id": r.article.id, "idx": i, "start": m.start, "end": m.end, "text": m.text,
                   "entity_id": m.entity_id, "name": m.name, "country": m.country, "org": m.org,
                   "sector": m.sector, "role": m.role, "kind": m.kind, "score": m.score}

    @staticmethod
    def _event_rows(r: Result) -> Iterator[dict[str, Any]]:
        for i, ev in enumerate(r.events):
            d = ev.to_dict()
            loc = d.get("location") or None
            yield {
                "article_id": r.article.id, "idx": i, "sentence_index": d["sentence_index"],
                "event_type": d["event_type"], "mode": d["mode"], "cameo": d["cameo"],
                "goldstein": d["goldstein"], "quad_class": d["quad_class"],
                "source": _js(d["source"]), "target": _js(d["target"]),
                "source_countries": _countries(d["source"]), "target_countries": _countries(d["target"]),
                "modality": d["modality"], "event_date": d["event_date"], "event_date_text": d["event_date_text"],
                "location": _js(loc), "location_country": loc.get("country") if loc else None,
                "quote": d["quote"], "reported_by": _js(d["reported_by"]),
                "evidence_start": d["evidence"]["start"], "evidence_end": d["evidence"]["end"],
                "evidence_text": d["evidence"]["text"],
                "trigger_start": d["trigger"]["start"], "trigger_end": d["trigger"]["end"],
                "trigger_text": d["trigger"]["text"], "confidence": d["confidence"],
                "pub_date": r.article.pub_date,
            }

    @staticmethod
    def _quote_rows(r: Result) -> Iterator[dict[str, Any]]:
        for i, q in enumerate(r.quotes):
            d = q.to_dict()
            yield {"article_id": r.article.id, "idx": i, "start": q.start, "end": q.end, "text": q.text,
                   "speaker": _js(d["speaker"]), "sentence_index": q.sentence_index}

    def record_run(self, run_id: str, started: datetime, command: str, inputs: Iterable[str],
                   summary: dict[str, Any]) -> None:
        from warta.provenance import current

        version, pipeline = current()
        summary = {**summary, "warta_version": version, "pipeline": pipeline}
        self.con.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?)",
                         [run_id, started, _now(), command, json.dumps(list(inputs)), _js(summary)])

    # -- queries ----------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("articles", "mentions", "events", "quotes", "ingest_errors"):
            out[t] = self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        return out

    def articles(self, limit: int | None = 20, offset: int = 0, *, source: str | None = None,
                 since: date | None = None, until: date | None = None, lang: str | None = None,
                 has_events: bool | None = None, search: str | None = None, status: str | None = None,
                 sort: str = "ingested") -> list[dict[str, Any]]:
        """Stored articles, filtered: ``source`` (substring, any case), publication date range,
        ``lang``, ``has_events``, ``search`` (words in the title or text, any case), ``status``;
        ``sort`` is ``ingested`` (the order they were stored), ``newest`` or ``oldest``."""
        where, params = self._article_filters(source, since, until, lang, has_events, search, status)
        order = {"ingested": "ingested_at, id", "newest": "pub_date DESC NULLS LAST, ingested_at DESC, id",
                 "oldest": "pub_date NULLS LAST, ingested_at, id"}[sort]
        sql = ("SELECT id, pub_date, source, lang, status, skip_reason, n_events, duplicate_of, near_duplicate_of, "
               "title, url, left(text, 120) AS snippet FROM articles")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self._dicts(self.con.execute(sql, params))

    def count_articles(self, **filters: Any) -> int:
        """How many stored articles match the filters of :meth:`articles`."""
        where, params = self._article_filters(**filters)
        sql = "SELECT count(*) FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
        return self.con.execute(sql, params).fetchone()[0]

    @staticmethod
    def _article_filters(source: str | None = None, since: date | None = None, until: date | None = None,
                         lang: str | None = None, has_events: bool | None = None, search: str | None = None,
                         status: str | None = None) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if source:
            where.append("contains(lower(coalesce(source, '')), lower(?))")
            params.append(source)
        if since:
            where.append("pub_date >= ?")
            params.append(since)
        if until:
            where.append("pub_date <= ?")
            params.append(until)
        if lang:
            where.append("lower(lang) = lower(?)")
            params.append(lang)
        if has_events is not None:
            where.append("n_events > 0" if has_events else "coalesce(n_events, 0) = 0")
        if status:
            where.append("status = ?")
            params.append(status)
        for word in (search or "").split():
            where.append("(contains(lower(coalesce(title, '')), lower(?)) OR contains(lower(text), lower(?)))")
            params += [word, word]
        return where, params

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article (every column but the MinHash signature), or None."""
        cur = self.con.execute("SELECT * EXCLUDE (minhash) FROM articles WHERE id = ?", [article_id])
        rows = self._dicts(cur)
        if not rows:
            return None
        row = rows[0]
        if isinstance(row.get("meta"), str):
            row["meta"] = json.loads(row["meta"])
        return row

    def similar_ids(self, article_id: str, n: int = 3) -> list[str]:
        """Stored article ids that look like ``article_id`` (for "did you mean")."""
        cur = self.con.execute("SELECT id FROM articles ORDER BY jaro_winkler_similarity(id, ?) DESC LIMIT ?",
                               [article_id, n])
        return [r[0] for r in cur.fetchall()]

    def mentions(self, article_id: str) -> list[dict[str, Any]]:
        return self._dicts(self.con.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY start, idx",
                                            [article_id]))

    def quotes(self, article_id: str) -> list[dict[str, Any]]:
        rows = self._dicts(self.con.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY start, idx",
                                            [article_id]))
        for row in rows:
            if isinstance(row.get("speaker"), str):
                row["speaker"] = json.loads(row["speaker"])
        return rows

    def events(self, *, event_type: str | None = None, country: str | None = None,
               since: date | None = None, until: date | None = None, article_id: str | None = None,
               actor: str | None = None, quad: int | None = None, modality: str | None = None,
               undated: bool = True, sort: str = "oldest", limit: int | None = 50) -> list[dict[str, Any]]:
        """Stored events, filtered.

        Dates: an event's own date is used with the granularity it has (``2025-06`` is matched by
        any day of June 2025; see :mod:`warta.store.filters`). With ``since``/``until``, events
        without a date of their own are left out unless ``undated``, when they are matched by their
        article's publication date. ``actor`` matches the text, name or entity id of a source or
        target (substring, any case). ``sort``: ``oldest`` (default), ``newest`` or ``confidence``.
        """
        from warta.store.filters import DATE_FROM, DATE_TO

        where, params = [], []
        if event_type:
            where.append("upper(event_type) = upper(?)")
            params.append(event_type)
        if country:
            where.append("(list_contains(source_countries, upper(?)) OR list_contains(target_countries, upper(?)) "
                         "OR location_country = upper(?))")
            params += [country] * 3
        if since or until:
            dated = []
            if since:
                dated.append("date_to >= ?")
                params.append(since)
            if until:
                dated.append("date_from <= ?")
                params.append(until)
            cond = "(date_from IS NOT NULL AND " + " AND ".join(dated) + ")"
            if undated:
                alt = []
                if since:
                    alt.append("pub_date >= ?")
                    params.append(since)
                if until:
                    alt.append("pub_date <= ?")
                    params.append(until)
                cond = f"({cond} OR (date_from IS NULL AND " + " AND ".join(alt) + "))"
            where.append(cond)
        if article_id:
            where.append("article_id = ?")
            params.append(article_id)
        if actor:
            fields = " || ".join(f"coalesce(json_extract_string({side}, '$[*].{k}'), [])"
                                 for side in ("source", "target") for k in ("text", "name", "entity_id"))
            where.append(f"len(list_filter({fields}, x -> contains(lower(x), lower(?)))) > 0")
            params.append(actor)
        if quad is not None:
            where.append("quad_class = ?")
            params.append(int(quad))
        if modality:
            where.append("modality = ?")
            params.append(modality)
        key = "coalesce(date_from, pub_date)"
        order = {"oldest": f"{key} NULLS LAST, article_id, idx",
                 "newest": f"{key} DESC NULLS LAST, article_id, idx",
                 "confidence": f"confidence DESC NULLS LAST, {key} DESC NULLS LAST, article_id, idx"}[sort]
        sql = f"SELECT * FROM (SELECT *, {DATE_FROM} AS date_from, {DATE_TO} AS date_to FROM events)"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self._dicts(self.con.execute(sql, params))
        for row in rows:
            for k in ("source", "target", "location", "reported_by"):
                if isinstance(row.get(k), str):
                    row[k] = json.loads(row[k])
        return rows

    def errors(self, limit: int | None = 50, *, run_id: str | None = None,
               search: str | None = None) -> list[dict[str, Any]]:
        """Stored ingest errors (inputs that could not be read), oldest first."""
        where, params = [], []
        if run_id:
            where.append("run_id = ?")
            params.append(run_id)
        if search:
            where.append("(contains(lower(location), lower(?)) OR contains(lower(reason), lower(?)))")
            params += [search, search]
        sql = "SELECT location, reason, run_id, first_seen FROM ingest_errors"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY first_seen, location"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self._dicts(self.con.execute(sql, params))

    @staticmethod
    def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


_S = pa.string()
_I = pa.int32()
_F = pa.float64()
_NO_KEY = {"article_tone"}  # tables without a primary key: plain INSERT (the writer adds each row once)
_SCHEMAS = {
    "articles": pa.schema([
        ("id", _S), ("url", _S), ("source", _S), ("title", _S), ("published", _S), ("pub_date", pa.date32()),
        ("lang", _S), ("lang_flag", _S), ("place", _S), ("origin", _S), ("text", _S), ("raw_text", _S),
        ("content_hash", _S), ("minhash", pa.binary()), ("duplicate_of", _S), ("near_duplicate_of", _S),
        ("near_jaccard", _F), ("junk_lines", _I), ("status", _S), ("skip_reason", _S),
        ("n_mentions", _I), ("n_events", _I), ("n_quotes", _I), ("meta", _S), ("run_id", _S),
        ("ingested_at", pa.timestamp("us")),
    ]),
    "mentions": pa.schema([
        ("article_id", _S), ("idx", _I), ("start", _I), ("end", _I), ("text", _S), ("entity_id", _S),
        ("name", _S), ("country", _S), ("org", _S), ("sector", _S), ("role", _S), ("kind", _S), ("score", _F),
    ]),
    "events": pa.schema([
        ("article_id", _S), ("idx", _I), ("sentence_index", _I), ("event_type", _S), ("mode", _S),
        ("cameo", _S), ("goldstein", _F), ("quad_class", _I), ("source", _S), ("target", _S),
        ("source_countries", pa.list_(_S)), ("target_countries", pa.list_(_S)), ("modality", _S),
        ("event_date", _S), ("event_date_text", _S), ("location", _S), ("location_country", _S),
        ("quote", _S), ("reported_by", _S), ("evidence_start", _I), ("evidence_end", _I),
        ("evidence_text", _S), ("trigger_start", _I), ("trigger_end", _I), ("trigger_text", _S),
        ("confidence", _F), ("pub_date", pa.date32()),
    ]),
    "quotes": pa.schema([
        ("article_id", _S), ("idx", _I), ("start", _I), ("end", _I), ("text", _S), ("speaker", _S),
        ("sentence_index", _I),
    ]),
    "codings": pa.schema([
        ("article_id", _S), ("warta_version", _S), ("pipeline", _S), ("run_id", _S),
        ("coded_at", pa.timestamp("us")),
    ]),
    "article_tone": pa.schema([
        ("article_id", _S), ("tone", _F), ("positive", _F), ("negative", _F), ("polarity", _F), ("n_words", _I),
        ("lexicon", _S),
    ]),
    "ingest_errors": pa.schema([
        ("location", _S), ("reason", _S), ("source", _S), ("run_id", _S), ("first_seen", pa.timestamp("us")),
    ]),
}
