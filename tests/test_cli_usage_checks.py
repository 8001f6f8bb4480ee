"""Small things a new user meets: option names in messages, bad numbers, wrong paths, file:// feeds,
feed full text, ``actors resolve`` output, the documented schema, skips and exit codes."""
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warta.engines.local as local
from warta.cli import app
from warta.ingest.web import feed_full_text, html_fragment_text

from cli_helpers import flat
from test_store import StubPipeline

runner = CliRunner()
README = Path(__file__).resolve().parents[1] / "README.md"

ARRESTED = "Polisi menangkap dua tersangka pengedar narkoba di Medan, Sumatera Utara, pada Senin (16/6/2025)."


@pytest.fixture()
def stub(monkeypatch):
    monkeypatch.setattr(local, "Pipeline", lambda lang="auto", **k: StubPipeline(lang=lang))


@pytest.fixture()
def db(tmp_path, stub):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": ARRESTED, "date": "2025-06-16"}) + "\n", encoding="utf-8")
    path = tmp_path / "w.duckdb"
    assert runner.invoke(app, ["process", str(src), "--db", str(path), "-q"]).exit_code == 0
    return path


@pytest.mark.parametrize("cmd", ["events", "articles"])
@pytest.mark.parametrize("opt", ["--since", "--until"])
def test_date_errors_name_the_option(db, cmd, opt):
    res = runner.invoke(app, [cmd, "--db", str(db), opt, "15-06-2025"])
    assert res.exit_code == 2 and f"{opt} must be YYYY-MM-DD, got '15-06-2025'" in flat(res)
    assert "--date must" not in flat(res)


@pytest.mark.parametrize("cmd", ["events", "articles", "errors"])
def test_negative_limit_is_a_usage_error_and_zero_means_all(db, cmd):
    res = runner.invoke(app, [cmd, "--db", str(db), "-n", "-1"])
    assert res.exit_code == 2 and "Traceback" not in res.output and "--limit" in flat(res)
    assert runner.invoke(app, [cmd, "--db", str(db), "-n", "0"]).exit_code == 0


def test_wrong_input_path_is_an_error_and_creates_no_database(tmp_path):
    db = tmp_path / "w.duckdb"
    res = runner.invoke(app, ["process", str(tmp_path / "berita.jsnol"), "--db", str(db)])
    assert res.exit_code == 2 and "no such file or folder" in flat(res) and "berita.jsnol" in flat(res)
    assert not db.exists()
    res = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert res.exit_code == 2


def _feed(tmp_path: Path, link: str, content: str = "", summary: str = "") -> Path:
    enc = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    desc = f"<description><![CDATA[{summary}]]></description>" if summary else ""
    p = tmp_path / "umpan.xml"
    p.write_text('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                 "<channel><title>Kabar Contoh</title><link>https://kabar.example/</link><description>x</description>"
                 f"<item><title>Satu</title><link>{link}</link><pubDate>Mon, 16 Jun 2025 09:00:00 +0700</pubDate>"
                 f"{desc}{enc}</item></channel></rss>", encoding="utf-8")
    return p


def test_file_url_feeds_work_in_process_and_watch(tmp_path, stub):
    page = tmp_path / "berita.html"
    page.write_text(f"<html><head><title>Tangkap</title></head><body><article><p>{ARRESTED}</p>"
                    "<p>Keduanya kini ditahan di Markas Polda Sumatera Utara untuk diperiksa.</p></article></body></html>",
                    encoding="utf-8")
    feed = _feed(tmp_path, page.as_uri())
    db = tmp_path / "w.duckdb"
    res = runner.invoke(app, ["process", feed.as_uri(), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    arts = [json.loads(ln) for ln in runner.invoke(app, ["articles", "--db", str(db), "--json"]).stdout.splitlines()]
    assert [a["id"] for a in arts] == [page.as_uri()] and arts[0]["title"] == "Satu"
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# local feed\n{feed.as_uri()}\n", encoding="utf-8")
    db2 = tmp_path / "w2.duckdb"
    res = runner.invoke(app, ["watch", str(feeds), "--db", str(db2), "--rounds", "1", "--every", "1s", "-q"])
    assert res.exit_code == 0 and "round 1: 1 new articles" in res.stderr, res.output


def test_feed_full_text_is_used_only_when_the_feed_carries_it(tmp_path, stub):
    unreachable = "http://127.0.0.1:9/berita/1"
    teaser = _feed(tmp_path, unreachable, summary="Polisi menangkap dua tersangka...")
    res = runner.invoke(app, ["process", str(teaser), "--db", str(tmp_path / "t.duckdb"), "-q"])
    assert res.exit_code == 1 and "127.0.0.1:9/berita/1: unreachable" in res.stderr  # a teaser is not the article
    full = _feed(tmp_path, unreachable, content=f"<p>{ARRESTED}</p><p>Keduanya <b>ditahan</b> di Medan.</p>")
    db = tmp_path / "f.duckdb"
    res = runner.invoke(app, ["process", str(full), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    shown = json.loads(runner.invoke(app, ["show", unreachable, "--db", str(db), "--json"]).stdout)
    assert shown["article"]["text"] == f"{ARRESTED}\nKeduanya ditahan di Medan."
    assert shown["article"]["meta"]["text_from"] == "feed"


def test_html_fragment_text_keeps_paragraphs():
    assert html_fragment_text("<p>Satu <i>dua</i>.</p><p>Tiga<br>empat.</p><script>x()</script>") == \
        "Satu dua.\nTiga\nempat."
    assert feed_full_text({"summary": "pendek"}) is None
    long = "Kalimat panjang tentang sesuatu yang terjadi. " * 15
    assert feed_full_text({"summary": f"<p>{long}</p>"}) == long.strip()


def test_actors_resolve_prints_a_header_or_json():
    res = runner.invoke(app, ["actors", "resolve", "Presiden Prabowo Subianto", "--date", "2025-06-18"])
    assert res.exit_code == 0
    header, row = res.stdout.splitlines()
    assert header.split("\t") == ["entity_id", "name", "country", "org", "sector"]
    assert dict(zip(header.split("\t"), row.split("\t")))["country"] == "IDN"
    d = json.loads(runner.invoke(app, ["actors", "resolve", "Presiden Prabowo Subianto", "--json"]).stdout)
    assert d["country"] == "IDN" and d["sector"] == "GOV"
    res = runner.invoke(app, ["actors", "resolve", "zzqx blorp", "--json"])
    assert res.stdout.strip() == "null"


def test_schema_documents_every_table_and_column_and_the_readme_lists_them(tmp_path, db):
    from warta.store.schema import describe

    res = runner.invoke(app, ["schema", "--json"])
    tables = json.loads(res.stdout)
    assert {"articles", "events", "mentions", "quotes", "ingest_errors", "runs", "codings"} <= set(tables)
    undocumented = [f"{t}.{c['column']}" for t, cols in tables.items() for c in cols
                    if c["description"] == "(not documented)"]
    assert not undocumented, f"describe these in warta/store/schema.py COLUMN_DOCS: {undocumented}"
    assert describe(db).keys() == describe().keys()  # an existing database is described the same way
    readme = README.read_text(encoding="utf-8")
    section = readme[readme.index("## Database schema"):]
    missing = [f"{t}.{c['column']}" for t, cols in tables.items() for c in cols
               if f"`{c['column']}`" not in section.split(f"**{t}**", 1)[-1].split("\n**", 1)[0]]
    assert not missing, f"README's schema section lacks {missing} (paste `warta schema --markdown`)"
    out = runner.invoke(app, ["schema", "--table", "events"]).stdout
    assert re.search(r"event_date\s+VARCHAR\s+date the text gives", out)


def test_empty_after_cleaning_is_a_counted_skip_not_an_error(tmp_path):  # real pipeline
    src = tmp_path / "korpus.jsonl"
    recs = [{"id": "ok", "text": ARRESTED},
            {"id": "junk1", "text": "Baca Juga: Polisi tangkap tiga orang\nADVERTISEMENT\n"},
            {"id": "junk2", "text": "SCROLL TO CONTINUE WITH CONTENT\nBaca juga"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    res = runner.invoke(app, ["process", str(src), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "not coded: 2 no text left after removing page junk" in res.stderr
    assert "skipped with errors: 0" in res.stderr
    arts = {json.loads(ln)["id"]: json.loads(ln) for ln in
            runner.invoke(app, ["articles", "--db", str(db), "--json"]).stdout.splitlines()}
    assert arts["junk1"]["status"] == "skipped" and arts["junk1"]["skip_reason"] == "no text left after removing page junk"
    assert arts["junk2"]["duplicate_of"] is None  # two empty texts are not duplicates of each other
    assert runner.invoke(app, ["errors", "--db", str(db)]).stdout == ""
    # a second run: already stored, still exit 0
    res = runner.invoke(app, ["process", str(src), "--db", str(db)])
    assert res.exit_code == 0 and "already stored 3" in res.stderr


def test_exit_codes(tmp_path, stub):
    good = tmp_path / "a.jsonl"
    good.write_text(json.dumps({"id": "a", "text": ARRESTED}) + "\n", encoding="utf-8")
    bad = tmp_path / "b.jsonl"
    bad.write_text("{rusak\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert runner.invoke(app, ["process", str(good), "--db", str(db), "-q"]).exit_code == 0  # all coded
    assert runner.invoke(app, ["process", str(bad), "--db", str(db), "-q"]).exit_code == 1  # input unreadable
    assert runner.invoke(app, ["process", str(good), "--db", str(db), "--lang", "xx"]).exit_code == 2  # usage
    assert runner.invoke(app, ["process", str(good), "--db", str(db), "--batch-size", "0"]).exit_code == 2
    readme = README.read_text(encoding="utf-8")
    assert re.search(r"`0`.*coded or skipped with a reason", readme) and re.search(r"`2`.*usage", readme)
