"""Continuous ingestion (``warta watch``): poll feeds and folders on a schedule, code what is new.

    with LocalEngine("warta.duckdb") as engine:
        watcher = Watcher(engine, ["https://example.org/rss", "inbox/"], period=900)
        while True:
            report = watcher.poll()      # one round: every source that is due
            time.sleep(watcher.sleep_for())

Each round fetches every due source once. Feeds are fetched with a conditional GET (the ETag and
Last-Modified of the last complete fetch): an unchanged feed answers 304 and costs nothing; a
changed one is parsed and only the pages not yet stored are fetched, once. Files and folders are
re-read only when a file's size or modification time changed. A source that fails (timeout,
HTTP error, not a feed) is retried after ``period x 2^failures`` (at most ``max_backoff``), and
its error is stored with the others. The validators are kept only when every new page of the
feed was fetched and stored: a page that failed is fetched again on the next round, so nothing
is lost; stored article ids (the page URLs) keep anything from being stored twice.

The state of every source lives in the store (``feed_state``), written after each round's
articles are committed: a restarted watch goes on where it stopped.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from warta.engines.local import LocalEngine, Summary
from warta.ingest import read, web
from warta.model import Article, IngestError
from warta.store.feeds import FeedState, load_states, save_states

MAX_BACKOFF_S = 6 * 3600.0


@dataclass
class _Track:
    """What one source gave in this round."""

    status: str = "new"
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    articles: int = 0
    page_errors: int = 0
    complete: bool = False

    def fail(self, reason: str) -> None:
        self.status, self.error = "failed", reason


@dataclass
class Round:
    """One round: the engine's summary and what happened to each source."""

    summary: Summary
    polled: list[FeedState] = field(default_factory=list)
    waiting: list[FeedState] = field(default_factory=list)  # backing off: not polled this round


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, timezone.utc).replace(tzinfo=None)


def _stamp(path: Path) -> str | None:
    """Sizes and modification times of a file or of every file in a folder (None: missing)."""
    if path.is_file():
        st = path.stat()
        return f"{st.st_size}:{st.st_mtime_ns}"
    if not path.is_dir():
        return None
    import hashlib

    h = hashlib.sha1()
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            try:
                st = (Path(root) / name).stat()
            except OSError:
                continue
            h.update(f"{root}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


class Watcher:
    """Polls ``sources`` (feed or page URLs, files, folders) into ``engine``'s store."""

    def __init__(self, engine: LocalEngine, sources: list[str], period: float, *, client: Any = None,
                 max_backoff: float = MAX_BACKOFF_S, clock: Callable[[], float] = time.time):
        self.engine = engine
        self.sources = list(dict.fromkeys(sources))
        self.period = period
        self.max_backoff = max_backoff
        self.clock = clock
        self.client = client if client is not None else engine.client
        if self.client is None:
            self.client = engine.client = web.make_client()
        self.states = load_states(engine.store)
        engine.store.release()
        self._fetched: set[str] = set()

    # -- one round ---------------------------------------------------------------------------------
    def poll(self, *, quiet: bool = True) -> Round:
        now = self.clock()
        due, waiting = [], []
        for src in self.sources:
            st = self.states.setdefault(src, FeedState(src))
            (waiting if st.next_poll is not None and st.next_poll > _utc(now) else due).append(st)
        tracks: dict[str, _Track] = {}
        self._fetched = set()

        def items() -> Iterator[Article | IngestError]:
            for st in due:
                tracks[st.source] = tr = _Track()
                yield from self._items(st, tr)
                tr.complete = True

        summary = self.engine.run_items(items(), inputs=[st.source for st in due], quiet=quiet,
                                        command="watch", progress_label="new articles")
        polled = []
        for st in due:
            tr = tracks.get(st.source)
            if tr is None or not tr.complete:  # interrupted before this source was read to its end
                continue
            polled.append(st)
            st.polls += 1
            st.last_polled = _utc(now)
            st.last_status = tr.status
            if tr.status == "failed":
                st.failures += 1
                st.last_error = tr.error
                st.next_poll = _utc(now + min(self.max_backoff, self.period * 2 ** st.failures))
                continue
            st.failures = 0
            st.last_ok = _utc(now)
            st.new_articles += tr.articles
            st.last_error = f"{tr.page_errors} pages failed (retried next round)" if tr.page_errors else None
            if not tr.page_errors and not summary.interrupted:
                st.etag, st.last_modified = tr.etag, tr.last_modified
            st.next_poll = _utc(now + self.period)
        save_states(self.engine.store, polled)
        self.engine.store.release()
        return Round(summary, polled, waiting)

    def sleep_for(self) -> float:
        """Seconds until the next source is due (at most the period)."""
        now = _utc(self.clock())
        nxt = [st.next_poll for st in self.states.values() if st.source in self.sources and st.next_poll]
        if not nxt:
            return self.period
        return max(0.0, min(self.period, min((t - now).total_seconds() for t in nxt)))

    # -- reading one source --------------------------------------------------------------------------
    def _known(self, url: str) -> bool:
        """Stored already, or fetched in this round: not fetched (again)."""
        if self.engine.deduper.seen(url) or url in self._fetched:
            return True
        self._fetched.add(url)
        return False

    def _count(self, it: Iterator[Article | IngestError], tr: _Track) -> Iterator[Article | IngestError]:
        for item in it:
            if isinstance(item, IngestError):
                tr.page_errors += 1
            elif not self.engine.deduper.seen(item.id):  # (a changed folder's old files are read again)
                tr.articles += 1
            yield item

    def _items(self, st: FeedState, tr: _Track) -> Iterator[Article | IngestError]:
        src = st.source
        if not src.startswith(("http://", "https://")):
            # a local file or folder (a file: URL names one too)
            stamp = _stamp(web.file_url_path(src) if src.startswith("file:") else Path(src))
            if stamp is None:
                tr.fail("no such file or folder")
                yield IngestError(src, "no such file or folder")
                return
            tr.etag = stamp
            if stamp == st.etag:
                tr.status = "unchanged"
                return
            yield from self._count(read([src], known=self._known), tr)
            return
        got = web.fetch_conditional(src, self.client, etag=st.etag, last_modified=st.last_modified)
        if isinstance(got, IngestError):
            tr.fail(got.reason)
            yield got
            return
        tr.etag, tr.last_modified = got.etag, got.last_modified
        if got.status == 304:
            tr.status = "not modified"
            return
        if web._looks_like_feed(got.body, got.content_type):
            feed = web.parse_feed(got.body, src)
            if isinstance(feed, IngestError):
                tr.fail(feed.reason)
                yield feed
                return
            yield from self._count(web.feed_items(feed, location=src, client=self.client, known=self._known), tr)
            return
        if self._known(src):  # a single page, already stored
            tr.status = "not modified"
            return
        page = list(web.article_from_html(got.body, location=src, article_id=src, url=src))
        if not any(isinstance(p, Article) for p in page):
            tr.fail(page[0].reason if page else "no article")
            self._fetched.discard(src)
        yield from self._count(iter(page), tr) if tr.status != "failed" else iter(page)


def describe(st: FeedState, now: datetime | None = None) -> str:
    """One line on a source's state (for ``warta watch`` and ``warta status``)."""
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    bits = [st.last_status or "never polled"]
    if st.failures:
        bits.append(f"{st.failures} failures in a row")
    wait = (st.next_poll - now) / timedelta(seconds=1) if st.next_poll else 0.0
    if wait >= 1:  # a poll that is due (or due within the second) is not announced
        bits.append(f"next poll in {wait:.0f} s")
    if st.last_ok:  # clocks of the writing and the reading process may differ by a hair: never "-0 s"
        bits.append(f"last ok {max(0.0, (now - st.last_ok) / timedelta(seconds=1)):.0f} s ago")
    bits.append(f"{st.new_articles} articles in {st.polls} polls")
    if st.last_error:
        bits.append(f"last error: {st.last_error}")
    return f"{st.source}: " + "; ".join(bits)
