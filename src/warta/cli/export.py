"""Commands that write the corpus events out: export, aggregate."""
from __future__ import annotations

from pathlib import Path

import typer

from warta.cli import app

DEFAULT_DB = Path("warta.duckdb")


def _filter(country, actor, event_type, quad, modality, since, until):
    from warta.store.filters import EventFilter

    try:
        return EventFilter.parse(country=country, actor=actor, event_type=event_type, quad=quad,
                                 modality=modality, since=since, until=until)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def ensure_aggregated(db: Path) -> int:
    """Bring ``db``'s corpus events up to date when mentions are not yet aggregated (a database
    written before aggregation existed); returns how many mentions were added."""
    from warta.store import Store, aggregate

    with Store(db, read_only=True) as store:
        tables = {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        pending = None
        if {"corpus_events", "event_mentions", "article_tone"} <= tables:
            pending = store.con.execute(
                "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions l "
                "WHERE l.article_id = e.article_id AND l.idx = e.idx)").fetchone()[0]
    if pending == 0:
        return 0
    with Store(db) as store:  # migrates an older database
        store.con.begin()
        try:
            n = aggregate.update(store.con)["mentions"]
            store.con.commit()
        except Exception:
            store.con.rollback()
            raise
    return n


@app.command("export")
def export_cmd(
    fmt: str = typer.Option(..., "--format", "-f", help="gdelt | plover | parquet | csv | graphml."),
    out: Path = typer.Option(..., "--out", "-o", help="Output: a folder for gdelt and parquet, a file otherwise."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    country: str = typer.Option(None, "--country", help="ISO 3166-1 alpha-3 code of a source, target or place."),
    actor: str = typer.Option(None, "--actor", help="Actor key, entity id (per:...), code (IDNGOV) or name."),
    event_type: str = typer.Option(None, "--type", help="PLOVER types, comma-separated (CONSULT,AGREE)."),
    quad: str = typer.Option(None, "--quad", help="Quad classes 1-4, comma-separated."),
    modality: str = typer.Option(None, "--modality", help="asserted | future | negated | hypothetical."),
    since: str = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD."),
) -> None:
    """Write the corpus events (mentions aggregated across articles) as GDELT 2.0 tables, PLOVER
    JSON lines, Parquet, CSV or a GraphML actor network."""
    from warta.export import FORMATS, export
    from warta.store import Store

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    filt = _filter(country, actor, event_type, quad, modality, since, until)
    if not db.exists():
        raise typer.BadParameter(f"no database at {db} (run 'warta process' or 'warta demo' first)")
    added = ensure_aggregated(db)
    if added:
        typer.echo(f"warta: aggregated {added} mentions not yet in corpus events", err=True)
    try:
        with Store(db, read_only=True) as store:
            summary = export(store.con, fmt, out, filt)
    except (ValueError, OSError) as exc:
        typer.echo(f"warta: cannot export to {out}: {exc}", err=True)
        raise typer.Exit(1) from None
    files = ", ".join(summary["files"][:3]) + (" ..." if len(summary["files"]) > 3 else "")
    typer.echo(f"warta: {summary['events']} events ({summary['mentions']} mentions) -> {files}", err=True)


@app.command("aggregate")
def aggregate_cmd(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Recompute every corpus event from scratch."),
) -> None:
    """Update the corpus events (done after every batch by process/watch; use --rebuild after
    changing the matching rule), then print mentions, events and mentions per event."""
    from warta.store import Store, aggregate

    if not db.exists():
        raise typer.BadParameter(f"no database at {db} (run 'warta process' or 'warta demo' first)")
    with Store(db) as store:
        store.con.begin()
        try:
            done = (aggregate.rebuild if rebuild else aggregate.update)(store.con)
            store.con.commit()
        except Exception:
            store.con.rollback()
            raise
        n_m, n_e, multi = store.con.execute(
            "SELECT (SELECT count(*) FROM event_mentions), count(*), count(*) FILTER (WHERE n_articles > 1) "
            "FROM corpus_events").fetchone()
    per = f"{n_m / n_e:.2f}" if n_e else "-"
    typer.echo(f"warta: {done['mentions']} mentions (re)grouped in {done['dyads']} dyads; corpus: {n_m} mentions, "
               f"{n_e} events, {per} mentions per event, {multi} events reported by more than one article")
