"""A fresh install reads every kind of input: the optional readers import, and ``warta process``
codes an HTML page, an RSS feed and a WARC archive made here (real pipeline, no network)."""
import importlib
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app

runner = CliRunner()

MET = ("Presiden Prabowo Subianto bertemu Perdana Menteri Jepang Shigeru Ishiba di Tokyo pada Jumat, "
       "20 Juni 2025, untuk membahas kerja sama pertahanan kedua negara.")
ARRESTED = ("Polisi menangkap dua tersangka pengedar narkoba di Medan, Sumatera Utara, pada Senin, "
            "16 Juni 2025, kata juru bicara kepolisian daerah.")
FEED_ONLY = ("Menteri Luar Negeri Sugiono mengunjungi Beijing pada Selasa, 17 Juni 2025, dan bertemu "
             "Menteri Luar Negeri China Wang Yi untuk membahas perdagangan kedua negara.")


def page(title: str, para: str) -> str:
    return (f"<!DOCTYPE html><html lang='id'><head><title>{title}</title>"
            "<meta property='og:site_name' content='Kabar Contoh'></head><body>"
            "<nav><a href='/'>Beranda</a> | <a href='/politik'>Politik</a></nav>"
            f"<article><h1>{title}</h1><p>{para}</p><p>Pertemuan itu berlangsung tertutup.</p></article>"
            "<footer>Hak cipta Kabar Contoh.</footer></body></html>")


@pytest.mark.parametrize("module", ["trafilatura", "lxml.html.clean", "lxml_html_clean", "htmldate",
                                    "justext", "feedparser", "warcio.archiveiterator", "warcio.warcwriter"])
def test_optional_readers_import(module):
    importlib.import_module(module)


def _warc(path: Path, pages: dict[str, str]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in pages.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers))


def _events(db: Path) -> list[dict]:
    res = runner.invoke(app, ["events", "--db", str(db), "--json", "-n", "0"])
    assert res.exit_code == 0, res.output
    return [json.loads(ln) for ln in res.stdout.splitlines()]


def test_process_html_rss_and_warc(tmp_path):
    html = tmp_path / "halaman.html"
    html.write_text(page("Prabowo Bertemu Ishiba", MET), encoding="utf-8")
    linked = tmp_path / "pages" / "penangkapan.html"
    linked.parent.mkdir()
    linked.write_text(page("Polisi Tangkap Pengedar", ARRESTED), encoding="utf-8")
    rss = tmp_path / "kabar.rss"
    rss.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Kabar Contoh</title><link>https://kabar.example/</link><description>x</description>"
        f"<item><title>Polisi Tangkap Pengedar</title><link>{linked.as_uri()}</link>"
        "<pubDate>Mon, 16 Jun 2025 09:00:00 +0700</pubDate></item>"
        "<item><title>Sugiono ke Beijing</title><link>http://127.0.0.1:9/sugiono</link>"
        "<pubDate>Tue, 17 Jun 2025 09:00:00 +0700</pubDate>"
        f"<content:encoded><![CDATA[<p>{FEED_ONLY}</p><p>Menurut keterangan Kementerian Luar Negeri, kedua menteri juga membicarakan "
        "rencana kunjungan Presiden Prabowo ke China tahun depan.</p>]]></content:encoded>"
        "</item></channel></rss>", encoding="utf-8")
    warc = tmp_path / "arsip.warc.gz"
    _warc(warc, {"https://kabar.example/2025/06/20/prabowo": page("Prabowo di Tokyo", MET.replace(
        "Perdana Menteri Jepang Shigeru Ishiba", "Kaisar Jepang Naruhito"))})
    db = tmp_path / "w.duckdb"
    for src in (html, rss, warc):
        res = runner.invoke(app, ["process", str(src), "--db", str(db), "-q"])
        assert res.exit_code == 0, (src, res.output)
    by_article = {}
    for ev in _events(db):
        by_article.setdefault(ev["article_id"], set()).add(ev["event_type"])
    assert by_article.get(str(html)) and "CONSULT" in by_article[str(html)]
    assert "COERCE" in by_article.get(linked.as_uri(), set())  # page fetched through its file:// link
    assert by_article.get("http://127.0.0.1:9/sugiono")  # page unreachable: the feed's own full text
    assert by_article.get("https://kabar.example/2025/06/20/prabowo")
    arts = runner.invoke(app, ["articles", "--db", str(db), "--json", "-n", "0"])
    titles = {json.loads(ln)["id"]: json.loads(ln)["title"] for ln in arts.stdout.splitlines()}
    assert titles["http://127.0.0.1:9/sugiono"] == "Sugiono ke Beijing"
