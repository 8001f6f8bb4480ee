"""Commands that read the database: articles, events."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from warta.cli import app
from warta.cli.run import DEFAULT_DB, _event_line, _parse_date_opt


def _open_existing(db: Path):
    """The store at ``db``, read-only; a clear error when there is none yet."""
    from warta.store import Store

    if not db.exists():
        raise typer.BadParameter(f"no database at {db} (run 'warta process' or 'warta demo' first)")
    return Store(db, read_only=True)


@app.command("articles")
def articles_cmd(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    limit: int = typer.Option(20, "--limit", "-n", help="How many articles to list."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List stored articles."""
    with _open_existing(db) as store:
        rows = store.articles(limit=limit)
        total = store.counts()["articles"]
    if as_json:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False, default=str))
        return
    for r in rows:
        flag = ""
        if r["duplicate_of"]:
            flag = f" (duplicate of {r['duplicate_of']})"
        elif r["near_duplicate_of"]:
            flag = f" (near duplicate of {r['near_duplicate_of']})"
        typer.echo(f"{r['id']}\t{r['pub_date'] or '-'}\t{r['source'] or '-'}\t{r['lang'] or '-'}\t"
                   f"{r['n_events']} events\t{(r['title'] or r['snippet'] or '').strip()[:80]}{flag}")
    typer.echo(f"{len(rows)} of {total} articles in {db}", err=True)


@app.command("events")
def events_cmd(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    event_type: str = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT, PROTEST."),
    country: str = typer.Option(None, "--country", help="ISO 3166-1 alpha-3 code of a source, target or place."),
    since: str = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD."),
    until: str = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD."),
    limit: int = typer.Option(50, "--limit", "-n", help="How many events to list."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List stored events, filtered by type, country and date."""
    with _open_existing(db) as store:
        rows = store.events(event_type=event_type, country=country, since=_parse_date_opt(since),
                            until=_parse_date_opt(until), limit=limit)
    for r in rows:
        if as_json:
            r = {k: v for k, v in r.items() if k not in ("source_countries", "target_countries")}
            typer.echo(json.dumps(r, ensure_ascii=False, default=str))
        else:
            typer.echo(f"{r['article_id']}\t" + _event_line(r))
    typer.echo(f"{len(rows)} events", err=True)
