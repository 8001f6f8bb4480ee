"""The served dashboard under concurrent load, in a short form: many clients at once on the
loopback address get answers and never a 5xx (benchmarks/load_web.py; the 50-client, 60-second
figures are in docs/reliability.md)."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")
ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("load_web", ROOT / "benchmarks" / "load_web.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.timeout(600)
def test_concurrent_clients_get_no_server_errors(tmp_path):
    db = tmp_path / "demo.duckdb"
    code = "import sys; from warta.cli import main; sys.argv[0] = 'warta'; main()"
    subprocess.run([sys.executable, "-c", code, "demo", "--db", str(db), "--quiet"], check=True,
                   capture_output=True, timeout=300)
    # 12 clients at once, 3 requests each (a count, not a duration: CI machines differ in speed)
    report = _load().run(db, clients=12, seconds=300, max_requests=400, seed=3, per_client=3)
    assert report["requests"] == 36
    assert report["errors"] == 0, report["status"]
    assert set(report["status"]) == {"200"}, report["status"]
    assert "api/events" in report["endpoints"] and "page article" in report["endpoints"]
