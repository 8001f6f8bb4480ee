"""warta process --workers N: the same stored output, byte for byte, at any number of workers."""
import json

import pytest

import warta.engines.pool as pool
from warta.engines.local import LocalEngine
from warta.store import Store

STORY = ("Jakarta, Kabar Contoh -- Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim "
         "di Istana Merdeka pada Senin. Kedua pemimpin membahas kerja sama perbatasan, perdagangan "
         "dan keamanan di Selat Malaka. Anwar mengatakan Malaysia siap memperluas patroli bersama.")
OTHERS = [
    "Polisi menangkap tiga tersangka pengedar narkoba di Medan, Sumatera Utara, pada Selasa malam. "
    "Kepala Polda mengatakan para tersangka akan dijerat undang-undang narkotika.",
    "Russia launched a missile attack on Kyiv on Tuesday, Ukrainian officials said. The foreign "
    "minister of Ukraine condemned the strike and called for more air defence from its allies.",
    "Ribuan buruh berunjuk rasa di depan Gedung DPR di Jakarta menolak rencana kenaikan iuran. "
    "Polisi mengerahkan ribuan personel untuk menjaga keamanan di sekitar kompleks parlemen.",
    "Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang di Tokyo pada Rabu untuk membahas "
    "kerja sama maritim dan investasi. Jepang berjanji menambah bantuan untuk pelabuhan di Indonesia.",
    "The United Nations Security Council condemned the attack on peacekeepers in Lebanon on Friday "
    "and urged Israel and Hezbollah to respect the ceasefire.",
]


def _corpus(path):
    recs = [{"id": "a1", "text": STORY, "date": "2025-06-16"}]
    recs += [{"id": f"o{i}", "text": t, "date": "2025-06-17"} for i, t in enumerate(OTHERS)]
    recs.append({"id": "dup", "text": STORY.upper().replace(".", " ."), "date": "2025-06-16"})  # exact copy
    recs.append({"id": "near", "date": "2025-06-16",  # syndicated copy, lightly edited
                 "text": STORY.replace("pada Senin", "pada Senin (16/6)") + " Prabowo lalu kembali."})
    recs.append({"id": "o1", "text": OTHERS[1], "date": "2025-06-17"})  # the same id again
    recs.append({"id": "fr", "lang": "fr", "text": "Le président a rencontré le premier ministre à Paris lundi."})
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    lines.insert(3, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _stored(db):
    with Store(db, read_only=True) as st:
        q = st.con.execute
        return {
            "articles": q("SELECT * EXCLUDE (run_id, ingested_at) FROM articles ORDER BY id").fetchall(),
            "events": q("SELECT * FROM events ORDER BY article_id, idx").fetchall(),
            "mentions": q("SELECT * FROM mentions ORDER BY article_id, idx").fetchall(),
            "quotes": q("SELECT * FROM quotes ORDER BY article_id, idx").fetchall(),
            "errors": q("SELECT location, reason FROM ingest_errors ORDER BY location").fetchall(),
            "tone": q("SELECT * FROM article_tone ORDER BY article_id").fetchall(),
            "codings": q("SELECT article_id, warta_version, pipeline FROM codings ORDER BY article_id").fetchall(),
            "corpus_events": q("SELECT * EXCLUDE (date_added) FROM corpus_events ORDER BY event_id").fetchall(),
        }


def test_one_and_two_workers_store_the_same_rows(tmp_path, monkeypatch):
    src = _corpus(tmp_path / "news.jsonl")
    monkeypatch.setattr(pool, "CHUNK", 2)  # several chunks, so both workers get some
    out, summaries = {}, {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        with LocalEngine(db, workers=workers) as engine:
            s = engine.run([str(src)])
        summaries[workers] = {k: v for k, v in s.to_dict().items() if k not in ("seconds", "articles_per_s")}
        out[workers] = _stored(db)
    assert summaries[1] == summaries[2]
    assert summaries[1]["duplicates"] == 1 and summaries[1]["near_duplicates"] == 1
    assert summaries[1]["already_stored"] == 1 and summaries[1]["errors"] == 1
    assert out[1]["events"], "the political sentences are coded"
    for table in out[1]:
        assert out[1][table] == out[2][table], table
    status = {r[0]: r for r in out[2]["articles"]}
    assert status["dup"][14] == "a1" and status["near"][15] == "a1"  # duplicate_of, near_duplicate_of


def test_a_rerun_with_workers_adds_nothing(tmp_path):
    src = _corpus(tmp_path / "news.jsonl")
    db = tmp_path / "w.duckdb"
    with LocalEngine(db, workers=2) as engine:
        first = engine.run([str(src)])
        again = engine.run([str(src)])
    assert first.read == 9 and again.read == 0 and again.already_stored == 10
    with Store(db, read_only=True) as st:
        assert st.counts()["articles"] == 9


@pytest.mark.parametrize("workers", [0, None])
def test_default_is_every_core(tmp_path, workers):
    from warta.engines.local import default_workers

    with LocalEngine(tmp_path / "d.duckdb", workers=workers) as engine:
        assert engine.workers == default_workers() >= 1


def test_cli_workers_flag_and_engine_options(tmp_path):
    from typer.testing import CliRunner

    from warta.cli import app

    src = _corpus(tmp_path / "news.jsonl")
    runner = CliRunner()
    res = runner.invoke(app, ["process", str(src), "--db", str(tmp_path / "c.duckdb"), "--workers", "2", "-q"])
    assert res.exit_code == 1, res.output  # the malformed line is an input error
    assert "9 articles read" in res.stderr and "skipped with errors: 1" in res.stderr
    res = runner.invoke(app, ["process", str(src), "--db", str(tmp_path / "c.duckdb"), "--scheduler", "tcp://x:1"])
    assert res.exit_code == 2 and "--scheduler needs --engine dask" in res.output
    res = runner.invoke(app, ["process", str(src), "--db", str(tmp_path / "c.duckdb"), "--engine", "spark"])
    assert res.exit_code == 2 and "--engine must be local or dask" in res.output
