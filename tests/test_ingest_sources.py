"""Every source type and every bad-input case of the readers."""
import gzip
import io
import json
import threading
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from warta.ingest import prepare, read
from warta.ingest.sources import read_stdin
from warta.model import Article, IngestError

PARAS = [
    "Presiden Prabowo Subianto menerima kunjungan Perdana Menteri Malaysia Anwar Ibrahim di Istana Merdeka, Jakarta.",
    "Kedua pemimpin membahas perundingan batas maritim di Laut Sulawesi dan perlindungan pekerja migran.",
    "Anwar mengatakan Malaysia dan Indonesia sepakat mempercepat penyelesaian batas laut tahun ini.",
    "Prabowo menambahkan kedua negara akan memperluas patroli bersama di Selat Malaka.",
]


def html_page(title: str, paras: list[str], published: str | None = "2025-06-18T10:00:00+07:00") -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!DOCTYPE html><html lang='id'><head><title>{title}</title>{meta}"
            f"<meta property='og:site_name' content='Kabar Contoh'></head><body>"
            f"<nav><a href='/'>Beranda</a> | <a href='/politik'>Politik</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Hak cipta Kabar Contoh. Semua hak dilindungi.</footer></body></html>")


def split(items):
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, IngestError)]
    return arts, errs


# --- files, folders, stdin, JSONL ------------------------------------------------------------

def test_text_files_and_folders(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("\n".join(PARAS), encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Jakarta, CNN Indonesia -- " + PARAS[1], encoding="utf-8")
    arts, errs = split(list(read([tmp_path])))
    assert errs == []
    assert [a.id for a in arts] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c.txt")]
    assert arts[0].text == "\n".join(PARAS)
    prepare(arts[1])
    assert arts[1].source == "CNN Indonesia" and arts[1].text == PARAS[1]


def test_jsonl_fields_and_gzip(tmp_path):
    recs = [
        {"id": "r1", "text": PARAS[0], "title": "Anwar ke Jakarta", "url": "https://x.test/1",
         "source": "kabar.test", "date": "2025-06-18", "lang": "id", "author": "A"},
        {"id": "r2", "text": PARAS[1], "published": "Rabu, 18 Jun 2025 07:30 WIB"},
    ]
    p = tmp_path / "n.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r) + "\n")
    arts, errs = split([prepare(a) if isinstance(a, Article) else a for a in read([p])])
    assert errs == []
    a1, a2 = arts
    assert (a1.id, a1.title, a1.url, a1.source, a1.published, a1.lang) == (
        "r1", "Anwar ke Jakarta", "https://x.test/1", "kabar.test", date(2025, 6, 18), "id")
    assert a1.meta["author"] == "A" and a1.origin == f"{p}:1"
    assert isinstance(a2.published, datetime) and a2.published.date() == date(2025, 6, 18)


def test_stdin_plain_text_and_jsonl():
    arts, _ = split(list(read_stdin(io.BytesIO("\n".join(PARAS).encode()))))
    assert len(arts) == 1 and arts[0].text.startswith("Presiden Prabowo") and arts[0].id.startswith("stdin:")
    lines = "\n".join(json.dumps({"id": f"s{i}", "text": p}) for i, p in enumerate(PARAS)).encode()
    arts, _ = split(list(read_stdin(io.BytesIO(lines))))
    assert [a.id for a in arts] == ["s0", "s1", "s2", "s3"]


# --- bad input --------------------------------------------------------------------------------

def test_bad_files_are_reported_and_skipped(tmp_path):
    (tmp_path / "1-good.txt").write_text(PARAS[0], encoding="utf-8")
    (tmp_path / "2-latin1.txt").write_bytes("Kabar dari Bogor: caf\xe9 ditutup polisi.".encode("latin-1"))
    (tmp_path / "3-binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "4-empty.txt").write_bytes(b"  \n")
    full = gzip.compress(("\n".join(json.dumps({"id": f"g{i}", "text": PARAS[i % 4]}) for i in range(200))).encode())
    (tmp_path / "5-trunc.jsonl.gz").write_bytes(full[: len(full) // 2])
    (tmp_path / "6-bad.jsonl").write_bytes(
        b'{"id": "ok1", "text": "Polisi menangkap dua tersangka di Medan."}\n'
        b'{"id": "broken", "text": "no end\n'
        b'["a list"]\n'
        b'{"id": "notext"}\n'
        b'{"id": "badutf", "text": "\xff\xfe"}\n'
        b'{"id": "ok2", "text": "Tentara Myanmar menyerang desa di Sagaing."}\n')
    (tmp_path / "7-nomain.html").write_text("<html><head><title>x</title></head><body><nav>Menu</nav></body></html>")
    (tmp_path / "8-trunc.txt.gz").write_bytes(gzip.compress(b"Menteri bertemu." * 500)[:40])
    items = list(read([tmp_path, tmp_path / "missing.txt"]))
    arts, errs = split(items)
    ids = [a.id for a in arts]
    assert str(tmp_path / "1-good.txt") in ids and "ok1" in ids and "ok2" in ids
    assert sum(1 for i in ids if i.startswith("g")) >= 1  # records before the truncation survive
    reasons = {e.location.replace(str(tmp_path) + "/", ""): e.reason for e in errs}
    assert reasons["2-latin1.txt"].startswith("invalid UTF-8")
    assert reasons["3-binary.txt"].startswith("binary")
    assert reasons["4-empty.txt"] == "empty"
    assert any(k.startswith("5-trunc.jsonl.gz:") and "gzip" in v for k, v in reasons.items())
    assert reasons["6-bad.jsonl:2"].startswith("malformed JSON")
    assert reasons["6-bad.jsonl:3"].startswith("not a JSON object")
    assert reasons["6-bad.jsonl:4"] == "no 'text' field"
    assert reasons["6-bad.jsonl:5"].startswith("invalid UTF-8")
    assert reasons["7-nomain.html"] == "HTML page with no main text"
    assert "gzip" in reasons["8-trunc.txt.gz"]
    assert reasons["missing.txt"] == "no such file or folder"


# --- HTML, feeds and pages over HTTP -----------------------------------------------------------

class _Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}

    def do_GET(self):  # noqa: N802
        hit = self.pages.get(self.path)
        if hit is None:
            self.send_response(404)
            self.end_headers()
            return
        ctype, body = hit
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_port}"
    _Site.pages = {
        "/berita/1": ("text/html; charset=utf-8", html_page("Anwar Bertemu Prabowo", PARAS).encode()),
        "/berita/2": ("text/html; charset=utf-8", html_page("Patroli Bersama Selat Malaka", PARAS[::-1]).encode()),
        "/kosong": ("text/html", b"<html><body><div></div></body></html>"),
    }
    items = "".join(f"<item><title>Berita {i}</title><link>{base}{path}</link>"
                    f"<pubDate>Wed, 18 Jun 2025 0{i}:00:00 +0700</pubDate></item>"
                    for i, path in enumerate(["/berita/1", "/berita/2", "/hilang"], 1))
    _Site.pages["/rss"] = ("application/rss+xml", (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Contoh</title>'
        f"<link>{base}/</link><description>x</description>{items}</channel></rss>").encode())
    _Site.pages["/atom"] = ("application/atom+xml", (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Contoh</title>'
        f"<entry><title>Satu</title><link href='{base}/berita/2'/><id>x1</id>"
        f"<updated>2025-06-19T08:00:00Z</updated></entry></feed>").encode())
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield base
    server.shutdown()
    server.server_close()


def test_rss_feed_pages_are_fetched_and_extracted(site):
    arts, errs = split(list(read([f"{site}/rss"])))
    assert [a.id for a in arts] == [f"{site}/berita/1", f"{site}/berita/2"]
    a = arts[0]
    assert a.title == "Berita 1" and "Anwar mengatakan Malaysia" in a.text and "Hak cipta" not in a.text
    assert a.published == datetime(2025, 6, 17, 18, 0, tzinfo=a.published.tzinfo)  # 01:00 +0700 in UTC
    assert a.source == "Kabar Contoh"
    assert [(e.location, e.reason) for e in errs] == [(f"{site}/hilang", "HTTP 404 Not Found")]


def test_atom_feed_and_single_page_and_known_pages(site):
    arts, _ = split(list(read([f"{site}/atom"])))
    assert [a.id for a in arts] == [f"{site}/berita/2"]
    assert arts[0].published.date() == date(2025, 6, 19)
    arts, _ = split(list(read([f"{site}/berita/1"])))
    assert arts[0].title == "Anwar Bertemu Prabowo"
    assert prepare(arts[0]).pub_date == date(2025, 6, 18)  # article:published_time, via htmldate
    arts, _ = split(list(read([f"{site}/rss"], known=lambda u: u.endswith("/berita/1"))))
    assert [a.id for a in arts] == [f"{site}/berita/2"]


def test_html_file_and_page_without_main_text(tmp_path, site):
    p = tmp_path / "page.html"
    p.write_text(html_page("Anwar Bertemu Prabowo", PARAS, published=None), encoding="utf-8")
    arts, errs = split(list(read([p, f"{site}/kosong"])))
    assert len(arts) == 1 and arts[0].id == str(p) and "Selat Malaka" in arts[0].text
    assert [(e.location, e.reason) for e in errs] == [(f"{site}/kosong", "HTML page with no main text")]


def test_unreachable_feed_url_is_an_error():
    items = list(read(["http://127.0.0.1:9/rss.xml"]))
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert items[0].location == "http://127.0.0.1:9/rss.xml" and items[0].reason.startswith("unreachable")


# --- WARC -------------------------------------------------------------------------------------

def _write_warc(path, gz=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for i, (ctype, body) in enumerate([
            ("text/html; charset=utf-8", html_page("Anwar Bertemu Prabowo", PARAS)),
            ("application/json", '{"not": "html"}'),
            ("text/html", html_page("Patroli Bersama", PARAS[::-1])),
        ]):
            url = f"https://kabar.test/{i}"
            req = w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            w.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                http_headers=headers))


def test_warc_html_responses_only(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    _write_warc(p)
    arts, errs = split(list(read([p])))
    assert errs == []
    assert [a.id for a in arts] == ["https://kabar.test/0", "https://kabar.test/2"]
    assert "Selat Malaka" in arts[1].text
    p2 = tmp_path / "plain.warc"
    _write_warc(p2, gz=False)
    assert len(split(list(read([p2])))[0]) == 2


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    _write_warc(p)
    data = p.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    arts, errs = split(list(read([cut])))
    assert [a.id for a in arts] == ["https://kabar.test/0"]
    assert len(errs) == 1 and errs[0].location.startswith(str(cut) + "@") and "WARC" in errs[0].reason


def test_truncated_plain_warc_and_not_a_warc(tmp_path):
    p = tmp_path / "plain.warc"
    _write_warc(p, gz=False)
    data = p.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not an archive at all\n" * 10)
    arts, errs = split(list(read([cut, junk])))
    assert [a.id for a in arts] == ["https://kabar.test/0"]
    assert len(errs) == 2
    assert errs[0].location.startswith(str(cut) + "@") and "truncated" in errs[0].reason
    assert errs[1].location.startswith(str(junk)) and "WARC" in errs[1].reason
