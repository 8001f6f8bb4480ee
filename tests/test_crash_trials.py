"""Crash trials in a short form: ``warta process`` killed with SIGKILL mid-run and resumed stores
every article exactly once, with the same coded rows as a clean run (benchmarks/crash_trials.py;
the long run's figures are in docs/reliability.md)."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _trials():
    spec = importlib.util.spec_from_file_location("crash_trials", ROOT / "benchmarks" / "crash_trials.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL of a process group is POSIX")
@pytest.mark.timeout(600)
def test_killed_and_resumed_runs_lose_and_duplicate_nothing(tmp_path):
    out = tmp_path / "report.json"
    code = _trials().main(["--articles", "150", "--trials", "1", "--kills", "2", "--max-kill-after", "8",
                           "--workers", "1", "--seed", "7", "--out", str(out)])
    report = json.loads(out.read_text())
    assert report["per_trial"][0]["problems"] == []
    assert code == 0 and report["failed"] == 0
    assert report["stored"] > 100 and report["events"] > 100 and report["ingest_errors"] >= 1


def test_the_comparison_catches_a_lost_and_a_doubled_article():
    ct = _trials()
    ref = {"ids": ["a", "b"], "duplicate_ids": 0, "per_article": {"a": {"events": 1}}, "events": [("a", 0)],
           "errors": ["x:3"], "status": {"coded": 2}}
    lost = dict(ref, ids=["a"], status={"coded": 1})
    doubled = dict(ref, duplicate_ids=1, errors=["x:3", "x:3"])
    assert any("lost" in p for p in ct.compare(ref, lost))
    problems = ct.compare(ref, doubled)
    assert any("twice" in p for p in problems) and any("ingest errors" in p for p in problems)
    assert ct.compare(ref, ref) == []
