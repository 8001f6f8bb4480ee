"""`warta serve` keeps answering while `warta process` adds articles to the same database: the
writer commits batch after batch, the server sees the counts grow, and no request fails."""
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")

from warta.store import Store  # noqa: E402

CLI = "import sys; from warta.cli import main; sys.argv = ['warta'] + sys.argv[1:]; main()"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _corpus(path, n):
    rnd = random.Random(11)
    actors = ["Presiden Prabowo", "Menteri Luar Negeri Sugiono", "Polisi", "Presiden Rusia Vladimir Putin",
              "Perdana Menteri Jepang", "Mahasiswa", "TNI", "Pemerintah Malaysia"]
    verbs = ["bertemu", "mengkritik", "menangkap", "membantu", "mengancam", "mengunjungi", "memuji"]
    words = ("pagi siang kota desa pelabuhan pasar kantor laut pulau harga beras minyak sekolah jalan hujan "
             "rapat kerja sama bantuan sanksi").split()
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            sents = [f"{rnd.choice(actors)} {rnd.choice(verbs)} {rnd.choice(actors)} di Jakarta, "
                     + " ".join(rnd.choice(words) for _ in range(12)) + f" nomor {i}-{j}." for j in range(4)]
            f.write(json.dumps({"id": f"c{i:04d}", "text": " ".join(sents), "lang": "id",
                                "date": "2025-06-18"}) + "\n")


@pytest.mark.timeout(300)
def test_server_answers_while_process_writes(tmp_path):
    db, src = tmp_path / "live.duckdb", tmp_path / "news.jsonl"
    # enough articles for the run to last several of the writer's 2-second holds of the file,
    # however fast the machine (one worker: the run is not over before the first hand-over)
    n = 400
    _corpus(src, n)
    Store(db).close()  # an empty, migrated database to serve from the start
    port = _port()
    env = dict(os.environ, WARTA_DEBUG="1")
    server = subprocess.Popen([sys.executable, "-c", CLI, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    seen: list[int] = []
    failures: list[str] = []
    stop = threading.Event()
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, server.stdout.read()
            time.sleep(0.2)

        def poll(paths):
            with httpx.Client(base_url=base, timeout=30) as c:
                while not stop.is_set():
                    for path in paths:
                        r = c.get(path)
                        if r.status_code != 200:
                            failures.append(f"{path}: {r.status_code} {r.text[:200]}")
                        elif path == "/api/stats":
                            seen.append(r.json()["articles"])
                    time.sleep(0.02)

        clients = [threading.Thread(target=poll, args=(p,)) for p in (
            ["/api/stats"], ["/api/stats", "/api/events?limit=5"], ["/", "/api/actors?limit=5", "/events"])]
        for t in clients:
            t.start()
        writer = subprocess.run([sys.executable, "-c", CLI, "process", str(src), "--db", str(db), "--batch-size",
                                 "8", "--workers", "1", "-q"], capture_output=True, text=True, timeout=400, env=env)
        time.sleep(1.5)  # the server's next opening sees the last batch
        stop.set()
        for t in clients:
            t.join(timeout=60)
        assert writer.returncode == 0, writer.stderr
        final = httpx.get(base + "/api/stats", timeout=30).json()
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    assert not failures, failures[:5]
    assert final["articles"] == n
    assert len(seen) > 20
    assert any(0 < k < n for k in seen), ("the server answered between the writer's batches",
                                          sorted(set(seen)), writer.stderr)
    assert max(seen) <= n
