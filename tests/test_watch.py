"""warta watch against a local HTTP server: conditional GET, back-off on failing feeds, state kept
in the store across restarts; a feed that times out, returns garbage or repeats old items loses
nothing and stores nothing twice."""
import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from warta.engines.local import LocalEngine
from warta.engines.watch import Watcher, _utc, describe
from warta.ingest.web import make_client
from warta.store import Store

from test_ingest_sources import PARAS, html_page
from test_store import StubPipeline


class _News(BaseHTTPRequestHandler):
    feed_items: list[str] = []
    etag = "v1"
    hits: Counter = Counter()
    fail_once: set[str] = set()

    def do_GET(self):  # noqa: N802
        cls = type(self)
        cls.hits[self.path] += 1
        if self.path == "/slow.xml":
            time.sleep(1.5)  # longer than the client's timeout
            return self._send(200, "application/rss+xml", b"<rss></rss>")
        if self.path == "/garbage.xml":
            return self._send(200, "application/rss+xml", b"<<<\x01 not a feed &&& <rss")
        if self.path == "/rss":
            if self.headers.get("If-None-Match") == f'"{cls.etag}"':
                return self._send(304, None, b"")
            base = f"http://127.0.0.1:{self.server.server_port}"
            items = "".join(f"<item><title>{p}</title><link>{base}{p}</link>"
                            f"<pubDate>Wed, 18 Jun 2025 08:00:00 +0700</pubDate></item>" for p in cls.feed_items)
            body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Contoh</title>'
                    f"<link>{base}/</link><description>x</description>{items}</channel></rss>").encode()
            return self._send(200, "application/rss+xml", body, etag=f'"{cls.etag}"')
        if self.path.startswith("/berita/"):
            if self.path in cls.fail_once:
                cls.fail_once.discard(self.path)
                return self._send(503, "text/plain", b"busy")
            n = int(self.path.rsplit("/", 1)[1])
            paras = PARAS[n % 4:] + PARAS[:n % 4] + [f"Berita nomor {n} dari Jakarta."]
            return self._send(200, "text/html; charset=utf-8", html_page(f"Berita {n}", paras).encode())
        self._send(404, "text/plain", b"")

    def _send(self, code, ctype, body, etag=None):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def news():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _News)
    server.daemon_threads = True
    _News.hits = Counter()
    _News.etag = "v1"
    _News.feed_items = ["/berita/1", "/berita/2", "/berita/3"]
    _News.fail_once = {"/berita/3"}
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _stored_ids(db):
    with Store(db, read_only=True) as st:
        return [r[0] for r in st.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]


def test_watch_survives_timeouts_garbage_repeats_and_a_restart(tmp_path, news):
    db = tmp_path / "w.duckdb"
    sources = [f"{news}/rss", f"{news}/slow.xml", f"{news}/garbage.xml"]
    now = [1_750_000_000.0]
    client = make_client(timeout=0.5)
    page = lambda n: f"{news}/berita/{n}"  # noqa: E731

    with LocalEngine(db, pipeline=StubPipeline(), client=client) as engine:
        w = Watcher(engine, sources, period=60, client=client, clock=lambda: now[0])
        # round 1: two pages stored; the third page fails (503); the slow feed times out; garbage fails
        r1 = w.poll()
        assert r1.summary.read == 2
        reasons = {e.location: e.reason for e in r1.summary.errors}
        assert reasons[f"{news}/slow.xml"] == "timed out"
        assert reasons[f"{news}/garbage.xml"].startswith("not a feed")
        assert reasons[page(3)] == "HTTP 503 Service Unavailable"
        states = {st.source: st for st in r1.polled}
        assert states[f"{news}/slow.xml"].failures == 1 and states[f"{news}/garbage.xml"].failures == 1
        assert states[f"{news}/rss"].etag is None  # a page failed: the feed is fetched in full next time

        # round 2, a minute later: the feed again (no validators), only the failed page is fetched;
        # the failing feeds are backing off (2 periods) and are not polled
        now[0] += 60
        r2 = w.poll()
        assert r2.summary.read == 1 and not r2.summary.errors
        assert {st.source for st in r2.waiting} == {f"{news}/slow.xml", f"{news}/garbage.xml"}
        assert _News.hits["/slow.xml"] == 1 and _News.hits["/garbage.xml"] == 1
        assert "1 failures in a row; next poll in 60 s" in describe(r2.waiting[0], now=_utc(now[0]))

        # round 3: the feed answers 304 Not Modified; the failing feeds are polled and fail again
        now[0] += 60
        r3 = w.poll()
        assert r3.summary.read == 0
        assert {st.source: st.last_status for st in r3.polled}[f"{news}/rss"] == "not modified"
        assert {st.source: st.failures for st in r3.polled}[f"{news}/slow.xml"] == 2
    assert _News.hits["/rss"] == 3
    assert [_News.hits[f"/berita/{n}"] for n in (1, 2, 3)] == [1, 1, 2]

    # the feed changes: one new item, the old ones repeated. A restarted watch (new engine, new
    # watcher, state from the store) fetches only the new page; the failing feeds still wait.
    _News.etag = "v2"
    _News.feed_items = ["/berita/4", "/berita/1", "/berita/2", "/berita/3"]
    now[0] += 60
    with LocalEngine(db, pipeline=StubPipeline(), client=client) as engine:
        w = Watcher(engine, sources, period=60, client=client, clock=lambda: now[0])
        r4 = w.poll()
        assert r4.summary.read == 1 and r4.summary.already_stored == 0
        assert {st.source for st in r4.waiting} == {f"{news}/slow.xml", f"{news}/garbage.xml"}
        assert w.sleep_for() == 60
    client.close()
    assert [_News.hits[f"/berita/{n}"] for n in (1, 2, 3, 4)] == [1, 1, 2, 1]
    assert _stored_ids(db) == sorted(page(n) for n in (1, 2, 3, 4))
    with Store(db, read_only=True) as st:
        rows = dict(st.con.execute("SELECT source, failures FROM feed_state").fetchall())
        errors = {r[0] for r in st.con.execute("SELECT location FROM ingest_errors").fetchall()}
    assert rows == {f"{news}/rss": 0, f"{news}/slow.xml": 2, f"{news}/garbage.xml": 2}
    assert {f"{news}/slow.xml", f"{news}/garbage.xml", page(3)} <= errors


def test_watch_rereads_a_folder_only_when_it_changes(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(PARAS[0], encoding="utf-8")
    db = tmp_path / "w.duckdb"
    with LocalEngine(db, pipeline=StubPipeline()) as engine:
        w = Watcher(engine, [str(inbox)], period=0)
        assert w.poll().summary.read == 1
        r = w.poll()
        assert r.summary.read == 0 and r.polled[0].last_status == "unchanged"
        (inbox / "b.txt").write_text(PARAS[1], encoding="utf-8")
        r = w.poll()
        assert r.summary.read == 1 and r.summary.already_stored == 1
    assert _stored_ids(db) == sorted([str(inbox / "a.txt"), str(inbox / "b.txt")])
    # warta status: throughput of the rounds and the folder's state
    from typer.testing import CliRunner

    from warta.cli import app

    res = CliRunner().invoke(app, ["status", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("2 articles, 2 events")
    assert res.stdout.count(" watch: ") == 3 and "watch: 1 articles in" in res.stdout
    assert f"source {inbox}: new; last ok" in res.stdout and "2 articles in 3 polls" in res.stdout
    res = CliRunner().invoke(app, ["status", "--db", str(db), "--json"])
    rep = json.loads(res.stdout)
    assert rep["articles_last_hour"] == 2 and rep["sources"][0]["polls"] == 3
