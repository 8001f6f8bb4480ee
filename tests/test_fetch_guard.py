"""The fetcher reads public http(s) hosts only: private, loopback and link-local addresses are
refused (after DNS resolution, and on every redirect) unless --allow-private; a remote feed never
makes warta read local files; a folder's symbolic links never lead outside it."""
from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.ingest import read
from warta.ingest.guard import check_url
from warta.ingest.web import fetch, make_client, read_feed_bytes
from warta.model import Article, IngestError

PAGE = (b"<html><head><title>Menlu bertemu Dubes</title></head><body><article><p>Menteri Luar Negeri "
        b"Sugiono bertemu dengan Duta Besar Jepang di Jakarta pada Senin untuk membahas kerja sama "
        b"maritim kedua negara.</p></article></body></html>")


class _Site(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path.startswith("/hop"):
            n = int(self.path[4:] or 0)
            self.send_response(302)
            self.send_header("Location", f"/hop{n + 1}" if n < 10 else "/page")
            self.end_headers()
            return
        if self.path == "/to-metadata":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture()
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def guarded(monkeypatch):
    monkeypatch.delenv("WARTA_ALLOW_PRIVATE", raising=False)


def _resolver(ip):
    return lambda host, port, proto=0: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]


@pytest.mark.parametrize("url, why", [
    ("http://127.0.0.1/feed.xml", "loopback"),
    ("http://10.1.2.3/", "private"),
    ("http://192.168.0.10:8080/rss", "private"),
    ("http://172.20.0.1/", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[::1]/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://[fd00::1]/", "private"),
])
def test_private_loopback_and_link_local_addresses_are_refused(url, why):
    reason = check_url(url)
    assert reason and why in reason and "--allow-private" in reason
    assert check_url(url, allow_private=True) is None


def test_names_are_checked_after_dns_resolution():
    assert "private" in check_url("http://intranet.example/", resolve=_resolver("10.0.0.5"))
    assert check_url("https://news.example/rss", resolve=_resolver("93.184.216.34")) is None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/feed", "gopher://x", "javascript:alert(1)"])
def test_only_http_and_https_are_fetched(url):
    assert "only http(s)" in check_url(url)


def test_a_loopback_server_is_refused_by_default_and_read_with_allow_private(site, guarded):
    got = fetch(site + "/page")
    assert isinstance(got, IngestError) and "loopback" in got.reason and got.location == site + "/page"
    with make_client(allow_private=True) as client:
        body, ctype = fetch(site + "/page", client)
    assert body == PAGE and ctype == "text/html"


def test_every_redirect_hop_is_checked_and_the_hops_are_limited(site):
    import httpx

    from warta.ingest import guard

    public_only = guard.request_hook(False)

    def loopback_test_server_then_public_only(request):  # the test server itself is on loopback
        if request.url.host != "127.0.0.1":
            public_only(request)

    with httpx.Client(follow_redirects=True, timeout=5,
                      event_hooks={"request": [loopback_test_server_then_public_only]}) as client:
        got = fetch(site + "/to-metadata", client)
    assert isinstance(got, IngestError) and "redirect to http://169.254.169.254" in got.reason
    with make_client(allow_private=True) as client:  # 11 hops: more than MAX_REDIRECTS
        got = fetch(site + "/hop0", client)
    assert isinstance(got, IngestError) and "redirects" in got.reason


def test_a_remote_feed_cannot_make_warta_read_local_files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Presiden mengecam rahasia negara yang bocor.")
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>'
            f'<item><title>x</title><link>{secret.as_uri()}</link></item></channel></rss>').encode()
    items = list(read_feed_bytes(feed, location="https://hostile.example/rss"))
    assert len(items) == 1 and isinstance(items[0], IngestError) and "file: link" in items[0].reason
    # the same feed given as a local file by the user may name local files
    local = list(read_feed_bytes(feed, location=str(tmp_path / "feed.rss")))
    assert not any(isinstance(i, IngestError) and "refused" in i.reason for i in local)


def test_a_symbolic_link_out_of_a_folder_is_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Polisi menangkap tersangka korupsi di Jakarta pada Senin.")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Presiden Prabowo bertemu Perdana Menteri Malaysia di Jakarta.")
    (folder / "inside-link.txt").symlink_to(folder / "a.txt")
    (folder / "escape.txt").symlink_to(outside)
    items = list(read([str(folder)]))
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [i.id for i in items if isinstance(i, Article)] == [str(folder / "a.txt"), str(folder / "inside-link.txt")]
    assert len(errors) == 1 and errors[0].location.endswith("escape.txt") and "outside the folder" in errors[0].reason


def test_the_cli_reports_a_refused_url_and_goes_on(site, guarded, tmp_path):
    db = tmp_path / "g.duckdb"
    res = CliRunner().invoke(app, ["process", site + "/page", "--db", str(db), "--quiet"])
    assert res.exit_code == 1 and "loopback" in res.output
    res = CliRunner().invoke(app, ["--allow-private", "process", site + "/page", "--db", str(db), "--quiet"])
    assert res.exit_code == 0, res.output
