"""What ``warta status`` reports: throughput of recent runs, ingestion lag, and each watched source."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from warta.store.feeds import load_states


def report(store: Any, now: datetime | None = None, runs: int = 5) -> dict[str, Any]:
    """Throughput and lag figures from ``store`` (a :class:`~warta.store.Store`)."""
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    q = store.con.execute
    out: dict[str, Any] = {"now": now.isoformat(timespec="seconds")}
    out["articles"], out["events"] = q("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").fetchone()
    last = q("SELECT max(ingested_at) FROM articles").fetchone()[0]
    out["last_ingested"] = last.isoformat(timespec="seconds") if last else None
    out["seconds_since_last_article"] = round((now - last).total_seconds()) if last else None
    # articles stored per hour over the last hour and the last day
    for label, hours in (("last_hour", 1), ("last_day", 24)):
        n = q("SELECT count(*) FROM articles WHERE ingested_at >= ? - to_hours(?)", [now, hours]).fetchone()[0]
        out[f"articles_{label}"] = n
    # pipeline throughput of the most recent runs (articles read / run seconds)
    rows = q("SELECT command, started_at, finished_at, summary FROM runs ORDER BY started_at DESC LIMIT ?",
             [runs]).fetchall()
    out["runs"] = []
    for command, started, finished, summary in rows:
        s = json.loads(summary) if summary else {}
        out["runs"].append({"command": command, "started": started.isoformat(timespec="seconds") if started else None,
                            "read": s.get("read"), "seconds": s.get("seconds"),
                            "articles_per_s": s.get("articles_per_s"), "errors": s.get("errors")})
    # lag: publication time (when the source gives a time of day) to storage, last day's articles
    lag = q("""SELECT quantile_cont(l, 0.5), quantile_cont(l, 0.9), count(l) FROM (
                 SELECT epoch(ingested_at) - epoch(TRY_CAST(published AS TIMESTAMPTZ)) AS l FROM articles
                 WHERE ingested_at >= ? - INTERVAL 1 DAY AND published LIKE '%T%')""", [now]).fetchone()
    out["lag_median_s"] = round(lag[0]) if lag[0] is not None else None
    out["lag_p90_s"] = round(lag[1]) if lag[1] is not None else None
    out["lag_articles"] = lag[2]
    out["sources"] = [st for st in load_states(store).values()]
    return out


def _span(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if abs(seconds) >= size:
            return f"{seconds / size:.1f} {unit}"
    return f"{seconds:.0f} s"


def lines(rep: dict[str, Any]) -> list[str]:
    """``report`` as text lines."""
    from warta.engines.watch import describe

    now = datetime.fromisoformat(rep["now"])
    out = [f"{rep['articles']} articles, {rep['events']} events; last stored {rep['last_ingested'] or 'never'}"
           + (f" ({_span(rep['seconds_since_last_article'])} ago)" if rep["last_ingested"] else "")]
    out.append(f"stored in the last hour: {rep['articles_last_hour']}; last day: {rep['articles_last_day']}")
    if rep["lag_articles"]:
        out.append(f"lag from publication to storage (last day, {rep['lag_articles']} articles with a time): "
                   f"median {_span(rep['lag_median_s'])}, 90% within {_span(rep['lag_p90_s'])}")
    for r in rep["runs"]:
        rate = f"{r['articles_per_s']}/s" if r["articles_per_s"] else "-"
        out.append(f"run {r['started']} {r['command']}: {r['read']} articles in {r['seconds']} s ({rate}), "
                   f"{r['errors']} errors")
    for st in rep["sources"]:
        out.append("source " + describe(st, now))
    return out
