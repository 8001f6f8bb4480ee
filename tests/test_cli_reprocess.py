"""``warta process --reprocess``: stored articles are coded again with the current pipeline, the
article rows stay, and the database records which warta and pipeline coded each article."""
import json

import duckdb
import pytest
from typer.testing import CliRunner

import warta.engines.local as local
import warta.provenance as provenance
from warta.cli import app

from cli_helpers import flat

from test_store import StubPipeline

runner = CliRunner()

TEXTS = {
    "r1": "Polisi menangkap dua tersangka pengedar narkoba di Medan, Sumatera Utara, pada Senin (16/6/2025).",
    "r2": "Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Selasa (17/6/2025).",
}


def _rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture()
def old_db(tmp_path, monkeypatch):
    """A database coded by an 'older' warta: a stub pipeline (one CONSULT per article) whose code
    fingerprint differs from the installed one."""
    src = tmp_path / "n.jsonl"
    recs = [{"id": k, "text": v, "lang": "id", "date": "2025-06-18"} for k, v in TEXTS.items()]
    recs.append({"id": "r3", "text": TEXTS["r1"], "lang": "id", "date": "2025-06-18"})  # exact duplicate of r1
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    with monkeypatch.context() as m:
        m.setattr(local, "Pipeline", lambda lang="auto", **k: StubPipeline(lang=lang))
        m.setattr(provenance, "package_hash", lambda: "older0000000")
        res = runner.invoke(app, ["process", str(src), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    return db


def test_reprocess_recodes_with_the_current_pipeline_and_keeps_articles(old_db):
    db = old_db
    before = _rows(db, "SELECT id, ingested_at, run_id, status, duplicate_of FROM articles ORDER BY id")
    assert _rows(db, "SELECT DISTINCT pipeline FROM codings") == [("rules-older0000000",)]
    stub_events = _rows(db, "SELECT article_id, event_type FROM events ORDER BY article_id")
    assert stub_events == [("r1", "CONSULT"), ("r2", "CONSULT")]

    res = runner.invoke(app, ["process", "--reprocess", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "2 articles read" in res.stderr and "coded 2" in res.stderr

    # same article rows (id, ingestion time and run, duplicate link)
    assert _rows(db, "SELECT id, ingested_at, run_id, status, duplicate_of FROM articles ORDER BY id") == before
    # the events are the real pipeline's now, and nothing of the old coding is left
    events = _rows(db, "SELECT article_id, event_type FROM events ORDER BY article_id, idx")
    assert ("r1", "COERCE") in events and ("r1", "CONSULT") not in events
    assert ("r2", "CONSULT") in events
    assert _rows(db, "SELECT count(*) FROM events WHERE article_id = 'r3'") == [(0,)]
    n = dict(_rows(db, "SELECT id, n_events FROM articles"))
    assert n["r1"] == sum(1 for a, _ in events if a == "r1") and n["r3"] == 0
    assert _rows(db, "SELECT count(*) FROM mentions WHERE article_id = 'r1'")[0][0] > 0
    # who coded what: the current warta and pipeline, in the reprocess run
    coded = _rows(db, "SELECT article_id, warta_version, pipeline, run_id FROM codings ORDER BY article_id")
    assert [c[0] for c in coded] == ["r1", "r2"]
    assert {c[2] for c in coded} == {provenance.pipeline_id()}
    assert coded[0][1] == provenance.warta_version()
    run = _rows(db, f"SELECT command, summary FROM runs WHERE run_id = '{coded[0][3]}'")
    assert run[0][0] == "reprocess" and json.loads(run[0][1])["pipeline"] == provenance.pipeline_id()

    # a second --reprocess finds nothing coded by another pipeline; --all recodes everything again
    res = runner.invoke(app, ["process", "--reprocess", "--db", str(db)])
    assert res.exit_code == 0 and "0 articles read" in res.stderr
    res = runner.invoke(app, ["process", "--reprocess", "--all", "--db", str(db)])
    assert res.exit_code == 0 and "2 articles read" in res.stderr
    assert _rows(db, "SELECT article_id, event_type FROM events ORDER BY article_id, idx") == events


def test_reprocess_usage_errors(tmp_path, old_db):
    res = runner.invoke(app, ["process", "--reprocess", "x.jsonl", "--db", str(old_db)])
    assert res.exit_code == 2 and "give it no INPUTS" in flat(res)
    missing = tmp_path / "none.duckdb"
    res = runner.invoke(app, ["process", "--reprocess", "--db", str(missing)])
    assert res.exit_code == 2 and not missing.exists()
    res = runner.invoke(app, ["process", "--db", str(old_db)])
    assert res.exit_code == 2 and "--reprocess" in flat(res)
