"""Results can be read while they are written: ``warta events`` / ``warta articles`` succeed on a
database that a running ``warta process`` (real pipeline, separate process) is filling, and between
the rounds of ``warta watch``."""
import json
import random
import subprocess
import sys
import threading
import time

WARTA = [sys.executable, "-c", "from warta.cli import main; main()"]

ACTORS = ["Presiden Prabowo Subianto", "Perdana Menteri Malaysia Anwar Ibrahim", "Menteri Luar Negeri Sugiono",
          "Presiden Rusia Vladimir Putin", "Kanselir Jerman Olaf Scholz", "Polisi", "Ribuan buruh",
          "Pemerintah Jepang", "Menteri Pertahanan Sjafrie Sjamsoeddin", "Presiden Korea Selatan"]
VERBS = ["bertemu", "mengecam", "menandatangani perjanjian dengan", "menuduh", "mengunjungi", "memuji",
         "menolak usulan", "berunding dengan"]
PLACES = ["Jakarta", "Surabaya", "Tokyo", "Kuala Lumpur", "Medan", "Bandung", "Berlin", "Seoul"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]


def _corpus(path, n, seed=13):
    rnd = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            sents = []
            for _ in range(3):
                a, b = rnd.sample(ACTORS, 2)
                sents.append(f"{a} {rnd.choice(VERBS)} {b} di {rnd.choice(PLACES)} pada {rnd.choice(DAYS)}.")
            sents.append(f"Pertemuan nomor {i} itu membahas kerja sama ekonomi dan keamanan kawasan.")
            fh.write(json.dumps({"id": f"s{i:04d}", "text": " ".join(sents), "lang": "id",
                                 "date": f"2025-06-{1 + i % 28:02d}"}) + "\n")


def _read(cmd, db):
    t0 = time.monotonic()
    res = subprocess.run(WARTA + [cmd, "--db", str(db), "-n", "0"], capture_output=True, text=True, timeout=120)
    return res, time.monotonic() - t0


def _lines(stream, sink):
    for line in stream:
        sink.append(line)


def test_events_and_articles_read_while_process_writes(tmp_path):
    src = tmp_path / "korpus.jsonl"
    _corpus(src, 300)
    db = tmp_path / "w.duckdb"
    writer = subprocess.Popen(WARTA + ["process", str(src), "--db", str(db), "--batch-size", "4", "-q"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reads_during_run = []
    try:
        deadline = time.monotonic() + 240
        while writer.poll() is None and time.monotonic() < deadline:
            if not db.exists():
                time.sleep(0.2)
                continue
            for cmd in ("articles", "events"):
                res, took = _read(cmd, db)
                assert res.returncode == 0, res.stderr  # StoreBusy (exit 1) if the writer held the lock
                assert "Traceback" not in res.stderr and "lock" not in res.stderr.lower()
                if writer.poll() is None:
                    reads_during_run.append((cmd, len(res.stdout.splitlines()), took))
            if sum(n > 0 for cmd, n, _ in reads_during_run if cmd == "articles") >= 2:
                break
        out, err = writer.communicate(timeout=300)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0, err
    assert "300 articles read" in err
    counts = [n for cmd, n, _ in reads_during_run if cmd == "articles"]
    assert any(n > 0 for n in counts), f"nothing was read while the run was writing: {reads_during_run}"
    assert counts == sorted(counts)  # committed batches only, never a half-written one
    res, _ = _read("articles", db)
    assert len(res.stdout.splitlines()) == 300


def test_watch_does_not_hold_the_database_between_rounds(tmp_path):
    pages = []
    for i in range(3):
        p = tmp_path / f"berita{i}.html"
        p.write_text(f"<html><head><title>Berita {i}</title></head><body><article>"
                     f"<p>Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta "
                     f"pada Selasa untuk membahas perbatasan laut nomor {i}.</p>"
                     "<p>Kedua pemimpin sepakat mempercepat perundingan batas maritim.</p></article></body></html>",
                     encoding="utf-8")
        pages.append(p)
    items = "".join(f"<item><title>Berita {i}</title><link>{p.as_uri()}</link></item>" for i, p in enumerate(pages))
    feed = tmp_path / "umpan.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar</title><link>https://k.example/</link>'
                    f"<description>x</description>{items}</channel></rss>", encoding="utf-8")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(feed.as_uri() + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    watch = subprocess.Popen(WARTA + ["watch", str(feeds), "--db", str(db), "--every", "60s", "--rounds", "2", "-q"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    err: list[str] = []
    t = threading.Thread(target=_lines, args=(watch.stderr, err), daemon=True)
    t.start()
    try:
        deadline = time.monotonic() + 180
        while not any(ln.startswith("round 1:") for ln in err) and time.monotonic() < deadline:
            assert watch.poll() is None, "".join(err)
            time.sleep(0.2)
        assert any(ln.startswith("round 1: 3 new articles") for ln in err), "".join(err)
        res, _ = _read("events", db)  # a held lock would end in StoreBusy (exit 1) after 30 s
        assert res.returncode == 0, res.stderr
        assert len(res.stdout.splitlines()) >= 3
        res, _ = _read("articles", db)
        assert res.returncode == 0 and len(res.stdout.splitlines()) == 3
        assert watch.poll() is None  # still waiting for round 2: the reads did not wait for it
    finally:
        watch.terminate()
        watch.wait(timeout=30)
