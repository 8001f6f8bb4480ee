"""The server's read-only access: it holds the file only briefly, steps aside for a waiting
writer, and recomputes its derived table only when the data changed."""
import threading
import time

from warta.store import Store
from warta.store.duck import writer_waiting_marker
from warta.web.queries import DERIVED
from warta.web.reader import Reader
from web_corpus import build


def test_idle_reader_lets_go_of_the_file(tmp_path):
    db = tmp_path / "r.duckdb"
    build(db)
    reader = Reader(db, hold=0.3)
    assert reader.query("SELECT count(*) AS n FROM articles")[0]["n"] > 0
    assert reader.holding
    deadline = time.monotonic() + 5
    while reader.holding and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not reader.holding  # closed by the janitor, nobody asked
    with Store(db) as writer:  # so a writer in this process can open the file
        assert writer.counts()["articles"] > 0
    reader.close()


def test_reader_steps_aside_for_a_waiting_writer(tmp_path):
    db = tmp_path / "r.duckdb"
    build(db)
    reader = Reader(db, hold=60, min_turn=0.1)
    reader.query("SELECT 1")
    opens = reader.opens
    time.sleep(0.15)  # the reader has had its turn
    marker = writer_waiting_marker(db)
    marker.touch()
    threading.Timer(0.4, marker.unlink).start()  # the writer got its turn
    t0 = time.monotonic()
    reader.query("SELECT 1")
    assert time.monotonic() - t0 >= 0.3  # waited for the writer instead of holding on
    assert reader.opens == opens + 1  # closed and reopened the file
    reader.query("SELECT 1")
    assert reader.opens == opens + 1  # no marker: the connection is reused within its hold time
    reader.close()


def test_derived_roles_follow_the_data(tmp_path):
    from datetime import date

    from warta.model import Actor, Article, Event, Span
    from warta.pipeline import Result

    db = tmp_path / "r.duckdb"
    build(db)
    reader = Reader(db, hold=0.05)
    reader.derived.update(DERIVED)
    n = reader.query("SELECT count(*) AS n FROM roles")[0]["n"]
    first = reader._cache["roles"]
    time.sleep(0.3)
    reader.query("SELECT 1")  # reopened, same data: the derived table is kept
    assert reader.opens >= 2 and reader._cache["roles"] is first
    while reader.holding:
        time.sleep(0.05)
    text = "Menteri Korea bertemu Menteri Vietnam."
    ev = Event("new-1", 0, "CONSULT", None, "040", 1.0, 1, [Actor("Menteri Korea", 0, 13, country="KOR")],
               [Actor("Menteri Vietnam", 22, 37, country="VNM")], "asserted", Span(0, len(text), text),
               Span(14, 21, "bertemu"), 0.8)
    with Store(db) as w:
        w.write_batch([Result(Article(id="new-1", text=text, published=date(2025, 6, 30)), None, [], [ev], [])])
    assert reader.query("SELECT count(*) AS n FROM roles")[0]["n"] == n + 2
    assert reader.query("SELECT key FROM roles WHERE article_id = 'new-1' ORDER BY role") == [
        {"key": "KOR"}, {"key": "VNM"}]
    reader.close()
