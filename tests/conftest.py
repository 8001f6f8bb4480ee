"""Test-wide settings.

Tests that fetch run small HTTP servers on 127.0.0.1 (the only network a test may use), so the
fetch guard's private-address check (warta.ingest.guard) is lifted for them, as ``warta
--allow-private`` does; tests/test_fetch_guard.py turns it back on to test the guard itself.
"""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _loopback_servers_allowed(monkeypatch):
    monkeypatch.setenv("WARTA_ALLOW_PRIVATE", "1")
