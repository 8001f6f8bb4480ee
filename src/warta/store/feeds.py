"""The ``feed_state`` table (migration 5): what ``warta watch`` remembers of each source it polls."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any


@dataclass
class FeedState:
    source: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_poll: datetime | None = None
    last_polled: datetime | None = None
    last_ok: datetime | None = None
    last_status: str | None = None
    last_error: str | None = None
    polls: int = 0
    new_articles: int = 0


_COLS = [f.name for f in fields(FeedState)]


def load_states(store: Any) -> dict[str, FeedState]:
    """Every source's state ({} for a database from before migration 5, opened read-only)."""
    if not store.con.execute("SELECT count(*) FROM information_schema.tables "
                             "WHERE table_name = 'feed_state'").fetchone()[0]:
        return {}
    cur = store.con.execute(f"SELECT {', '.join(_COLS)} FROM feed_state")
    return {row[0]: FeedState(*row) for row in cur.fetchall()}


def save_states(store: Any, states: list[FeedState]) -> None:
    if not states:
        return
    marks = ", ".join("?" for _ in _COLS)
    store.con.begin()
    try:
        for st in states:
            store.con.execute(f"INSERT OR REPLACE INTO feed_state ({', '.join(_COLS)}) VALUES ({marks})",
                              list(asdict(st).values()))
        store.con.commit()
    except Exception:
        store.con.rollback()
        raise
