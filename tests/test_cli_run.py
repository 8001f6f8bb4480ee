"""The run commands: extract, process, articles, events, demo, watch."""
import json

import pytest
from typer.testing import CliRunner

import warta.engines.local as local
from warta.cli import app
from warta.cli.run import parse_every, read_feedlist

from test_ingest_sources import PARAS, site  # noqa: F401  (fixture: local HTTP site with feeds)
from test_store import StubPipeline

runner = CliRunner()


def _jsonl(path, recs):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


@pytest.fixture()
def stub(monkeypatch):
    monkeypatch.setattr(local, "Pipeline", lambda lang="auto", **k: StubPipeline(lang=lang))


def test_extract_real_pipeline_one_line_per_event(tmp_path):
    src = _jsonl(tmp_path / "g.jsonl", [
        {"id": "g1", "lang": "id", "date": "2025-06-18",
         "text": "Jakarta, CNN Indonesia -- Polisi menangkap dua tersangka teroris di Bekasi.\nBaca Juga\n"
                 "Presiden Prabowo Subianto bertemu Perdana Menteri Jepang Shigeru Ishiba di Tokyo."},
        {"id": "g2", "lang": "en", "date": "2025-06-18",
         "text": "Russia launched a missile attack on Kyiv on Tuesday, Ukrainian officials said."},
    ])
    res = runner.invoke(app, ["extract", str(src)])
    assert res.exit_code == 0, res.output
    events = [json.loads(ln) for ln in res.stdout.splitlines()]
    assert events, "clear political sentences yield events"
    for ev in events:
        assert ev["doc_id"] in ("g1", "g2")
        assert {"event_type", "source", "target", "evidence", "trigger", "modality", "confidence"} <= ev.keys()
    # offsets refer to the cleaned text (dateline and junk removed): evidence must be a span of it
    from warta.ingest.clean import clean

    cleaned = clean(json.loads(src.read_text().splitlines()[0])["text"]).text
    for ev in (e for e in events if e["doc_id"] == "g1"):
        assert cleaned[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]


def test_extract_reports_bad_lines_and_fails(tmp_path, stub):
    src = tmp_path / "b.jsonl"
    src.write_text('{"id": "ok", "text": "Polisi menangkap dua tersangka di Medan."}\n{oops\n', encoding="utf-8")
    res = runner.invoke(app, ["extract", str(src), "--lang", "id"])
    assert res.exit_code == 1
    assert [json.loads(ln)["doc_id"] for ln in res.stdout.splitlines()] == ["ok"]
    assert f"{src}:2: malformed JSON" in res.stderr


def test_extract_from_stdin_uses_file_path_or_record_id(tmp_path, stub):
    res = runner.invoke(app, ["extract", "-"], input=json.dumps({"id": "s1", "text": PARAS[0]}) + "\n")
    assert res.exit_code == 0 and json.loads(res.stdout.splitlines()[0])["doc_id"] == "s1"
    f = tmp_path / "a.txt"
    f.write_text(PARAS[0], encoding="utf-8")
    res = runner.invoke(app, ["extract", str(f)])
    assert json.loads(res.stdout.splitlines()[0])["doc_id"] == str(f)


def test_process_articles_events_and_resume(tmp_path, stub):
    db = tmp_path / "w.duckdb"
    src = _jsonl(tmp_path / "n.jsonl", [{"id": f"p{i}", "text": p, "date": "2025-06-18"} for i, p in enumerate(PARAS)])
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01binary")
    res = runner.invoke(app, ["process", str(src), str(bad), "--db", str(db), "--quiet"])
    assert res.exit_code == 1  # one input failed
    assert "4 articles read" in res.stderr and "skipped with errors: 1" in res.stderr
    res = runner.invoke(app, ["process", str(src), "--db", str(db)])
    assert res.exit_code == 0 and "already stored 4" in res.stderr
    res = runner.invoke(app, ["articles", "--db", str(db), "--limit", "2"])
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == 2 and "2 of 4 articles" in res.stderr
    res = runner.invoke(app, ["events", "--db", str(db), "--type", "CONSULT", "--country", "RUS", "--json"])
    rows = [json.loads(ln) for ln in res.stdout.splitlines()]
    assert sorted(r["article_id"] for r in rows) == ["p0", "p1", "p2", "p3"]
    assert rows[0]["source"][0]["country"] == "IDN"
    res = runner.invoke(app, ["events", "--db", str(db), "--country", "USA"])
    assert res.stdout == "" and "0 events" in res.stderr
    res = runner.invoke(app, ["events", "--db", str(db), "--since", "2025-06-20"])
    assert res.stdout == ""


def test_process_folder_with_date_and_lang(tmp_path, stub):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PARAS[0], encoding="utf-8")
    db = tmp_path / "w.duckdb"
    res = runner.invoke(app, ["process", str(tmp_path / "in"), "--db", str(db), "--date", "2025-06-01",
                              "--lang", "id", "-q"])
    assert res.exit_code == 0
    res = runner.invoke(app, ["articles", "--db", str(db), "--json"])
    row = json.loads(res.stdout)
    assert row["pub_date"] == "2025-06-01" and row["lang"] == "id"
    assert runner.invoke(app, ["process", "x", "--lang", "fr"]).exit_code != 0
    assert runner.invoke(app, ["process", "x", "--date", "18/06/2025"]).exit_code != 0


def test_watch_polls_feeds_and_survives_outages(tmp_path, site, stub):  # noqa: F811
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# feeds\n{site}/rss\nhttp://127.0.0.1:9/down.xml\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    res = runner.invoke(app, ["watch", str(feeds), "--every", "0s", "--rounds", "2", "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    assert "round 1: 2 new articles" in res.stderr and "round 2: 0 new articles" in res.stderr
    assert "down.xml: unreachable" in res.stderr


def test_every_and_feedlist(tmp_path):
    assert parse_every("15m") == 900 and parse_every("90s") == 90 and parse_every("1h") == 3600
    f = tmp_path / "f.txt"
    f.write_text("\n# c\nhttps://a.test/rss#x\n  https://b.test/atom  \n")
    assert read_feedlist(f) == ["https://a.test/rss#x", "https://b.test/atom"]


def test_demo_finds_events(tmp_path):
    db = tmp_path / "demo.duckdb"
    res = runner.invoke(app, ["demo", "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    assert "12 demo articles" in res.stdout
    assert "[demo-01]" in res.stdout and "[demo-12]" in res.stdout
    n_events = int(res.stdout.split("12 demo articles, ")[1].split(" events")[0])
    assert n_events >= 12
    res = runner.invoke(app, ["demo", "--db", str(db), "-q"])  # rerun adds nothing, still shows
    assert "already stored 12" in res.stderr or "0 articles read" in res.stderr
    assert f"12 demo articles, {n_events} events" in res.stdout
