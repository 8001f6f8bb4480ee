"""Read-only access to a warta database for the web server, sharing the file with writers.

DuckDB lets one process write a database file, and no other process open it meanwhile, even to
read. ``warta process`` and ``watch`` therefore hold the file only while they commit a batch
(at most about 2 s) and release it between batches (:meth:`warta.store.Store.release`). The server
is the other half of that contract:

- it opens the file read-only and shares ONE connection among the requests in flight (a cursor
  each), reusing it for at most ``hold`` seconds (1 s by default): opening costs milliseconds, and
  a busy server would otherwise reopen the file for every request;
- once the connection is older than ``hold``, new requests wait until the ones in flight finish,
  the connection is closed (the file lock with it) and a fresh one is opened; a janitor thread
  closes an idle connection, so an idle server never holds the file;
- a writer that finds the file held touches ``<db>.writer-waiting``
  (:func:`warta.store.duck.writer_waiting_marker`) while it retries; on seeing that marker the
  server stops handing out its connection (once it has had it for ``min_turn``, 0.25 s, so the
  requests that queued for it are answered), closes it as soon as the requests in flight finish,
  and waits (up to ``writer_grace`` seconds) until the writer has taken and released the file;
- opening retries with backoff while a writer commits (:func:`warta.store.connect`), so a request
  that arrives during a commit is answered up to ~2 s late, never with an error;
- each query runs under a time cap (``query_timeout``): a query that runs longer is interrupted
  and the request gets HTTP 503.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from warta.store import StoreBusy, connect
from warta.store.duck import writer_waiting_marker


class QueryTimeout(RuntimeError):
    """A query ran past the server's time cap and was interrupted."""


class Reader:
    def __init__(self, path: str | Path, *, hold: float = 1.0, wait: float = 10.0,
                 query_timeout: float = 10.0, writer_grace: float = 5.0, min_turn: float = 0.25):
        self.path = Path(path)
        self.hold = hold
        self.min_turn = min(min_turn, hold)
        self.wait = wait
        self.query_timeout = query_timeout
        self.writer_grace = writer_grace
        self.marker = writer_waiting_marker(self.path)
        self._cond = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._opened = 0.0
        self._users = 0
        self.opens = 0  # how many times the file was opened (tests and benchmarks read it)
        self.derived: dict[str, str] = {}  # name -> SQL of a table derived once per data version
        self._cache: dict[str, Any] = {}
        self._version: tuple | None = None
        self._tables: set[str] | None = None
        self._running: dict[int, tuple[float, duckdb.DuckDBPyConnection]] = {}  # id -> (deadline, cursor)
        self._stop = threading.Event()
        self._janitor = threading.Thread(target=self._sweep, name="warta-reader-janitor", daemon=True)
        self._janitor.start()

    # -- connection life cycle -------------------------------------------------------------------
    def _writer_waiting(self) -> bool:
        try:
            return time.time() - self.marker.stat().st_mtime < 3.0
        except OSError:
            return False

    def _expired(self) -> bool:
        age = time.monotonic() - self._opened
        # a waiting writer gets the file once the requests queued for this turn had their go
        return age >= self.hold or (age >= self.min_turn and self._writer_waiting())

    def _close_locked(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
            self._cond.notify_all()

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.wait + self.writer_grace
        with self._cond:
            while True:
                if self._con is not None and not self._expired():
                    break
                if self._con is not None:  # expired: let the requests in flight finish, then close
                    if self._users == 0:
                        self._close_locked()
                    else:
                        self._cond.wait(0.05)
                        continue
                grace_end = time.monotonic() + self.writer_grace
                while self._writer_waiting() and time.monotonic() < grace_end:
                    self._cond.wait(0.05)  # give the writer its turn before taking the file again
                if time.monotonic() > deadline:
                    raise StoreBusy(f"{self.path} stayed busy; try again in a moment")
                self._con = connect(self.path, read_only=True, wait=self.wait)
                self._opened = time.monotonic()
                self.opens += 1
                self._refresh_derived()
                break
            self._users += 1
            return self._con

    def _refresh_derived(self) -> None:
        """Recompute the derived tables when the data changed since they were made.

        The data can change only while this process does not hold the file, so the version
        (articles stored, last ingest time) is read once per opening."""
        self._tables = {r[0] for r in self._con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        if not self.derived:
            return
        version = tuple(self._con.execute("SELECT count(*), max(ingested_at), (SELECT count(*) FROM events) "
                                          "FROM articles").fetchone())
        if version != self._version or set(self._cache) != set(self.derived):
            self._cache = {name: self._con.execute(sql).to_arrow_table() for name, sql in self.derived.items()}
            self._version = version

    def _release(self) -> None:
        with self._cond:
            self._users -= 1
            if self._users == 0 and self._con is not None and self._expired():
                self._close_locked()
            self._cond.notify_all()

    def _sweep(self) -> None:
        """Close an idle connection once it is older than ``hold``; interrupt queries past their cap."""
        tick = min(0.1, self.hold / 2, self.query_timeout / 4)
        while not self._stop.wait(tick):
            now = time.monotonic()
            with self._cond:
                for deadline, cur in list(self._running.values()):
                    if now > deadline:
                        cur.interrupt()
                if self._con is not None and self._users == 0 and self._expired():
                    self._close_locked()

    def close(self) -> None:
        self._stop.set()
        with self._cond:
            while self._users:
                self._cond.wait(0.05)
            self._close_locked()

    @property
    def holding(self) -> bool:
        """Whether the file is open now."""
        return self._con is not None

    # -- queries ---------------------------------------------------------------------------------
    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self._acquire()
        try:
            cur = con.cursor()
            for name, table in self._cache.items():
                cur.register(name, table)
            try:
                yield cur
            finally:
                cur.close()
        finally:
            self._release()

    @contextmanager
    def _timed(self, cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
        key = id(cur)
        with self._cond:
            self._running[key] = (time.monotonic() + self.query_timeout, cur)
        try:
            yield
        except duckdb.InterruptException:
            raise QueryTimeout(f"query took longer than {self.query_timeout:g} s") from None
        finally:
            with self._cond:
                self._running.pop(key, None)

    def query(self, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
        """Rows of ``sql`` (always with ``?`` parameters, never user text in the SQL) as dicts."""
        with self.cursor() as cur, self._timed(cur):
            cur.execute(sql, list(params))
            cols = [c[0] for c in cur.description]
            rows = cur.fetchall()
        return [dict(zip(cols, r)) for r in rows]

    def arrow(self, sql: str, params: list[Any] | tuple = ()):
        """The result of ``sql`` as a pyarrow Table (for downloads)."""
        with self.cursor() as cur, self._timed(cur):
            return cur.execute(sql, list(params)).to_arrow_table()

    def tables(self) -> set[str]:
        """The database's tables and views (read once per opening)."""
        with self.cursor():
            return set(self._tables or ())
