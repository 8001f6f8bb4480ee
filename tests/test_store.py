"""The DuckDB store: migrations, batches, queries, and resume after kill -9."""
import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from warta.engines.local import LocalEngine
from warta.model import Actor, Article, Event, IngestError, Mention, Quote, Span
from warta.pipeline import Pipeline, Result
from warta.store import Store
from warta.store.schema import LATEST, MIGRATIONS


def _event(doc_id: str, text: str) -> Event:
    return Event(doc_id=doc_id, sentence_index=0, event_type="CONSULT", mode=None, cameo="040",
                 goldstein=1.0, quad_class=1,
                 source=[Actor(text="Prabowo", start=0, end=7, country="IDN", sector="GOV")],
                 target=[Actor(text="Putin", start=16, end=21, country="RUS", sector="GOV")],
                 modality="asserted", evidence=Span(0, len(text), text), trigger=Span(8, 15, "bertemu"),
                 confidence=0.9, event_date="2025-06-19")


def test_schema_is_versioned_and_migration_is_idempotent(tmp_path):
    db = tmp_path / "w.duckdb"
    with Store(db) as s:
        assert s.version() == LATEST
        tables = {r[0] for r in s.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"articles", "ingest_errors", "mentions", "events", "quotes", "schema_version"} <= tables
    with Store(db) as s:  # reopening applies nothing twice
        assert s.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_write_batch_and_queries(tmp_path):
    text = "Prabowo bertemu Putin di St Petersburg."
    art = Article(id="a1", text=text, raw_text="Bisnis.com, JAKARTA - " + text, published=date(2025, 6, 19),
                  lang="id", source="Bisnis.com", meta={"junk_lines": 2})
    res = Result(art, None, [Mention(0, 7, "Prabowo", country="IDN", sector="GOV")], [_event("a1", text)],
                 [Quote(0, 7, "Prabowo", speaker=Actor(text="Prabowo"))])
    with Store(tmp_path / "w.duckdb") as s:
        s.write_batch([res], [IngestError("f.jsonl:3", "malformed JSON")], run_id="r1")
        s.write_batch([res], [IngestError("f.jsonl:3", "malformed JSON")], run_id="r2")  # idempotent
        assert s.counts() == {"articles": 1, "mentions": 1, "events": 1, "quotes": 1, "ingest_errors": 1}
        row = s.con.execute("SELECT text, raw_text, pub_date, junk_lines, status FROM articles").fetchone()
        assert row == (text, "Bisnis.com, JAKARTA - " + text, date(2025, 6, 19), 2, "coded")
        ev = s.events(country="RUS")[0]
        assert ev["event_type"] == "CONSULT" and ev["source"][0]["country"] == "IDN"
        assert (ev["trigger_start"], ev["trigger_end"], ev["trigger_text"]) == (8, 15, "bertemu")
        assert text[ev["trigger_start"]:ev["trigger_end"]] == "bertemu"
        assert s.events(country="USA") == []
        assert s.events(event_type="consult", since=date(2025, 6, 19), until=date(2025, 6, 19))
        assert s.events(since=date(2025, 6, 20)) == []
        assert s.articles()[0]["id"] == "a1"


class StubPipeline(Pipeline):
    """One CONSULT event per article, without loading spaCy (the store is under test here)."""

    def process(self, article):
        return Result(article, None, [], [_event(article.id, article.text)], [])


def _corpus(path: Path, n: int) -> None:
    import random

    rnd = random.Random(7)
    words = ("presiden menteri bertemu membahas kerja sama perdagangan pertahanan rudal sanksi bantuan polisi "
             "menangkap demonstran gedung parlemen jakarta tokyo moskow beijing washington kamis jumat "
             "laut batas energi minyak gas pangan pupuk kapal pesawat tentara").split()
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(rnd.choice(words) for _ in range(60)) + "."
            f.write(json.dumps({"id": f"n{i:04d}", "text": text, "lang": "id", "date": "2025-06-18"}) + "\n")
        f.write("{broken json\n")


CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from test_store import StubPipeline
    from warta.engines.local import LocalEngine
    from warta.store import duck

    orig = duck.Store.write_batch
    def write_batch(self, *a, **k):
        orig(self, *a, **k)
        print("committed", flush=True)
        time.sleep(0.02)
    duck.Store.write_batch = write_batch

    class Slow(StubPipeline):
        def process(self, article):
            time.sleep(0.004)
            return super().process(article)

    with LocalEngine({db!r}, batch_size=10, pipeline=Slow()) as e:
        e.run([{src!r}])
    print("finished", flush=True)
""")


def test_resume_after_kill_minus_9(tmp_path):
    src, db = tmp_path / "news.jsonl", tmp_path / "w.duckdb"
    n = 300
    _corpus(src, n)
    code = CHILD.format(tests=str(Path(__file__).parent), db=str(db), src=str(src))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    commits = 0
    for line in proc.stdout:
        if line.startswith("committed"):
            commits += 1
            if commits == 5:
                break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with Store(db) as s:  # consistent after the kill: whole batches only, each with its events
        stored = s.counts()
        assert stored["articles"] % 10 == 0 and 50 <= stored["articles"] < n
        assert stored["events"] == stored["articles"]
    with LocalEngine(db, batch_size=10, pipeline=StubPipeline()) as e:
        summary = e.run([src])
        assert summary.already_stored == stored["articles"]
        assert summary.read == n - stored["articles"]
        assert summary.error_count == 1  # the broken line, reported again
        ids = [r[0] for r in e.store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        assert ids == [f"n{i:04d}" for i in range(n)]
        per_article = e.store.con.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM events").fetchone()
        assert per_article == (n, n)
        assert e.store.counts()["ingest_errors"] == 1
    with LocalEngine(db, batch_size=10, pipeline=StubPipeline()) as e:  # a third run adds nothing
        again = e.run([src])
        assert again.read == 0 and again.already_stored == n
        assert e.store.counts()["articles"] == n


def test_duplicates_are_stored_linked_and_not_recoded(tmp_path):
    base = ("Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang di Tokyo untuk membahas "
            "kerja sama maritim, perdagangan dan perlindungan pekerja migran Indonesia di Jepang. "
            "Kedua menteri sepakat memperluas latihan penjaga pantai bersama mulai tahun depan.")
    src = tmp_path / "d.jsonl"
    recs = [{"id": "k1", "text": base}, {"id": "k2", "text": base.upper()},
            {"id": "k3", "text": base + " Pertemuan berikutnya dijadwalkan di Jakarta."}]
    src.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    with LocalEngine(tmp_path / "w.duckdb", pipeline=StubPipeline()) as e:
        s = e.run([src])
        assert (s.read, s.coded, s.duplicates, s.near_duplicates) == (3, 2, 1, 1)
        rows = dict((r[0], r[1:]) for r in e.store.con.execute(
            "SELECT id, status, duplicate_of, near_duplicate_of, n_events FROM articles").fetchall())
        assert rows == {"k1": ("coded", None, None, 1), "k2": ("duplicate", "k1", None, 0),
                        "k3": ("coded", None, "k1", 1)}
    src2 = tmp_path / "e.jsonl"  # a later run: same story under a new id is still caught
    src2.write_text(json.dumps({"id": "k4", "text": base + " Sugiono kembali ke Jakarta."}) + "\n")
    with LocalEngine(tmp_path / "w.duckdb", pipeline=StubPipeline()) as e:
        s = e.run([src2])
        assert s.near_duplicates == 1
        assert e.store.con.execute("SELECT near_duplicate_of FROM articles WHERE id='k4'").fetchone() == ("k1",)


def test_reader_opens_while_a_writer_runs_between_batches(tmp_path):
    """A writer that released the file between batches lets another process read it; a held file
    makes the reader wait, then fail with StoreBusy naming what to do."""
    import subprocess
    import sys

    from warta.store import connect

    db = tmp_path / "busy.duckdb"
    writer = Store(db)
    writer.con.execute("SELECT 1")  # holds the file
    script = ("import sys\nfrom warta.store import Store, StoreBusy\n"
              "try:\n    s = Store(sys.argv[1], read_only=True, wait=0.3)\n    print('opened')\n"
              "except StoreBusy as e:\n    print('busy:', e)\n")
    held = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True, timeout=60)
    assert held.stdout.startswith("busy:") and "try again" in held.stdout
    writer.release()
    free = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True, timeout=60)
    assert free.stdout.strip() == "opened"
    # the writer takes the file back on its next use
    assert writer.counts()["articles"] == 0
    writer.close()
    con = connect(db, read_only=True, wait=1)
    con.close()
    # release(held_for=...) keeps a freshly opened connection
    s = Store(db)
    s.con.execute("SELECT 1")
    s.release(held_for=60)
    assert s._con is not None
    s.release()
    assert s._con is None
