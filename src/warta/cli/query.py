"""Commands that read the database: articles, events, show, errors, schema.

They open the database read-only for the time of one query, so they work while ``warta process``
or ``warta watch`` writes to it (the writer gives the file up between batches; see
:func:`warta.store.duck.connect`).
"""
from __future__ import annotations

import json
from pathlib import Path

import typer

from warta.cli import app
from warta.cli.run import DEFAULT_DB, _actor_str, _event_line, _parse_date_opt

_LIMIT_HELP = "How many to list (0: all)."
_FILTERS = "Filters"


def _open_existing(db: Path):
    """The store at ``db``, read-only; a clear error when there is none yet."""
    from warta.store import Store

    if not db.exists():
        raise typer.BadParameter(f"no database at {db} (run 'warta process' or 'warta demo' first)",
                                 param_hint="--db")
    return Store(db, read_only=True)


def _checked(fn, value, option: str):
    """``fn(value)``; a filter value it refuses becomes a usage error naming the option."""
    from warta.store.filters import BadValue

    if value is None:
        return None
    try:
        return fn(value)
    except BadValue as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def _limit(n: int) -> int | None:
    return None if n == 0 else n


def _json_line(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, default=str)


@app.command("articles")
def articles_cmd(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help=_LIMIT_HELP),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
    source: str = typer.Option(None, "--source", help="Outlet name contains this (any case).", rich_help_panel=_FILTERS),
    since: str = typer.Option(None, "--since", help="Published on or after YYYY-MM-DD.", rich_help_panel=_FILTERS),
    until: str = typer.Option(None, "--until", help="Published on or before YYYY-MM-DD.", rich_help_panel=_FILTERS),
    lang: str = typer.Option(None, "--lang", help="Language code (id, en, ...).", rich_help_panel=_FILTERS),
    has_events: bool = typer.Option(None, "--has-events/--no-events", help="Only articles with (without) events.", rich_help_panel=_FILTERS),
    search: str = typer.Option(None, "--search", "-s", help="Words that must all be in the title or text (any case).", rich_help_panel=_FILTERS),
    status: str = typer.Option(None, "--status", help="coded, skipped or duplicate.", rich_help_panel=_FILTERS),
    sort: str = typer.Option("newest", "--sort", help="newest or oldest publication date first, or ingested (storage order)."),
) -> None:
    """List stored articles: id, date, outlet, language, events, title."""
    if sort not in ("newest", "oldest", "ingested"):
        raise typer.BadParameter(f"must be newest, oldest or ingested; got {sort!r}", param_hint="--sort")
    if status is not None and status not in ("coded", "skipped", "duplicate"):
        raise typer.BadParameter(f"must be coded, skipped or duplicate; got {status!r}", param_hint="--status")
    filters = dict(source=source, since=_parse_date_opt(since, "--since"), until=_parse_date_opt(until, "--until"),
                   lang=lang, has_events=has_events, search=search, status=status)
    with _open_existing(db) as store:
        rows = store.articles(limit=_limit(limit), sort=sort, **filters)
        total = store.count_articles(**filters)
        everything = store.counts()["articles"]
    if as_json:
        for r in rows:
            typer.echo(_json_line(r))
    else:
        for r in rows:
            flag = ""
            if r["duplicate_of"]:
                flag = f" (duplicate of {r['duplicate_of']})"
            elif r["near_duplicate_of"]:
                flag = f" (near duplicate of {r['near_duplicate_of']})"
            elif r["status"] == "skipped":
                flag = f" (not coded: {r['skip_reason']})"
            typer.echo(f"{r['id']}\t{r['pub_date'] or '-'}\t{r['source'] or '-'}\t{r['lang'] or '-'}\t"
                       f"{r['n_events']} events\t{(r['title'] or r['snippet'] or '').strip()[:80]}{flag}")
    of = f" (of {everything} stored)" if total != everything else ""
    typer.echo(f"{len(rows)} of {total} articles{of} in {db}", err=True)


def _print_countries() -> None:
    from warta.store.filters import country_list

    for iso3, name in country_list():
        typer.echo(f"{iso3}\t{name}")


@app.command("events")
def events_cmd(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    event_type: str = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT, PROTEST.", rich_help_panel=_FILTERS),
    country: str = typer.Option(None, "--country", help="Country of a source, target or place: ISO 3166-1 alpha-3 "
                                "code (IDN) or name (Indonesia, Jepang); 'list' lists them.", rich_help_panel=_FILTERS),
    since: str = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD (a partial date such as 1998-05 "
                              "counts by every day it covers).", rich_help_panel=_FILTERS),
    until: str = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD.", rich_help_panel=_FILTERS),
    undated: bool = typer.Option(False, "--undated", help="With --since/--until: also events the text gives no date "
                                 "for, by their article's publication date.", rich_help_panel=_FILTERS),
    article: str = typer.Option(None, "--article", help="Events of this article id.", rich_help_panel=_FILTERS),
    actor: str = typer.Option(None, "--actor", help="A source or target whose text, name or entity id contains "
                              "this (any case), e.g. Prabowo.", rich_help_panel=_FILTERS),
    quad: str = typer.Option(None, "--quad", help="Quad class: 1-4 or verbal-cooperation, material-cooperation, "
                             "verbal-conflict, material-conflict.", rich_help_panel=_FILTERS),
    modality: str = typer.Option(None, "--modality", help="asserted, future, negated or hypothetical.", rich_help_panel=_FILTERS),
    sort: str = typer.Option("newest", "--sort", help="newest or oldest event date first, or confidence (highest first)."),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help=_LIMIT_HELP),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List stored events, newest first, filtered by type, country, date, actor, article, ...

    Each line: article id, event date (as precise as the text gives it; an event without a date of
    its own shows its article's publication date in parentheses), PLOVER type/CAMEO code, source ->
    target actors, the trigger words and a [modality] other than asserted.
    """
    from warta.store import filters as F

    if country is not None and country.strip().lower() == "list":
        _print_countries()
        return
    kwargs = dict(
        event_type=_checked(F.event_type, event_type, "--type"), country=_checked(F.country, country, "--country"),
        since=_parse_date_opt(since, "--since"), until=_parse_date_opt(until, "--until"), article_id=article,
        actor=actor, quad=_checked(F.quad, quad, "--quad"), modality=_checked(F.modality, modality, "--modality"),
        sort=_checked(F.sort, sort, "--sort"),
    )
    if kwargs["since"] and kwargs["until"] and kwargs["since"] > kwargs["until"]:
        raise typer.BadParameter(f"--since {since} is after --until {until}", param_hint="--since")
    with _open_existing(db) as store:
        rows = store.events(undated=undated, limit=_limit(limit), **kwargs)
        missing = article is not None and not rows and store.article(article) is None
    if missing:
        raise typer.BadParameter(f"no article {article!r} in {db} (list them with 'warta articles')",
                                 param_hint="--article")
    for r in rows:
        if as_json:
            r = {k: v for k, v in r.items() if k not in ("source_countries", "target_countries", "date_from", "date_to")}
            typer.echo(_json_line(r))
        else:
            typer.echo(f"{r['article_id']}\t" + _event_line(r))
    typer.echo(f"{len(rows)} events", err=True)


# -- show -----------------------------------------------------------------------------------------

MENTION_STYLE = "bold cyan"
UNRESOLVED_STYLE = "cyan"
TRIGGER_STYLE = "bold black on yellow"


def _highlighted(text: str, mentions: list[dict], events: list[dict]):
    """The article text with actor mentions and event triggers styled (rich ``Text``)."""
    from rich.text import Text

    out = Text(text)
    n = len(text)
    for m in mentions:
        if m.get("start") is not None and 0 <= m["start"] < m["end"] <= n:
            out.stylize(MENTION_STYLE if m.get("entity_id") or m.get("country") else UNRESOLVED_STYLE,
                        m["start"], m["end"])
    for ev in events:
        if ev.get("trigger_start") is not None and 0 <= ev["trigger_start"] < ev["trigger_end"] <= n:
            out.stylize(TRIGGER_STYLE, ev["trigger_start"], ev["trigger_end"])
    return out


def _event_block(ev: dict):
    """One coded event as two lines: number, type/code, date, modality, confidence, place; then
    source -> target and the trigger."""
    from rich.text import Text

    loc = ev.get("location") or {}
    when = ev.get("event_date") or (f"({ev['pub_date']}, publication)" if ev.get("pub_date") else "(undated)")
    code = ev["event_type"] + (f"/{ev['cameo']}" if ev.get("cameo") else "")
    conf = f"{ev['confidence']:.2f}" if ev.get("confidence") is not None else "-"
    head = Text.assemble((f"#{ev['idx']} ", "dim"), (code, "bold"), f"  {when}  {ev.get('modality') or '-'}",
                         f"  confidence {conf}", f"  at {loc.get('name') or loc.get('text')}" if loc else "")
    body = Text.assemble("    ", _actor_str(ev.get("source")), " -> ", _actor_str(ev.get("target")), "  ",
                         (ev.get("trigger_text") or "", TRIGGER_STYLE))
    if ev.get("reported_by"):
        body.append(f"  (reported by {_actor_str([ev['reported_by']])})")
    return head, body


@app.command("show")
def show_cmd(
    article_id: str = typer.Argument(..., help="Article id (as listed by 'warta articles')."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    as_json: bool = typer.Option(False, "--json", help="The article, its mentions, events and quotes as one JSON object."),
    raw: bool = typer.Option(False, "--raw", help="Also print the text as it arrived, before cleaning."),
) -> None:
    """Show one article: its cleaned text with actor mentions (cyan) and event triggers (yellow)
    highlighted, then the coded events, so the coding can be judged against the text."""
    with _open_existing(db) as store:
        art = store.article(article_id)
        if art is None:
            close = store.similar_ids(article_id)
            raise typer.BadParameter(f"no article {article_id!r} in {db}"
                                     + (f"; similar ids: {', '.join(close)}" if close else ""),
                                     param_hint="ARTICLE_ID")
        mentions = store.mentions(article_id)
        events = store.events(article_id=article_id, limit=None)
        quotes = store.quotes(article_id)
        coded_by = store.coded_by(article_id)
    for ev in events:
        ev.pop("date_from", None)
        ev.pop("date_to", None)
    if as_json:
        typer.echo(json.dumps({"article": art, "coded_by": coded_by, "mentions": mentions, "events": events,
                               "quotes": quotes}, ensure_ascii=False, default=str))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    head = Text(art["title"] or art["id"], style="bold")
    console.print(head)
    meta = [f"id {art['id']}", f"published {art['pub_date'] or '-'}", f"source {art['source'] or '-'}",
            f"lang {art['lang'] or '-'}", f"status {art['status']}"]
    if art.get("skip_reason"):
        meta.append(f"not coded: {art['skip_reason']}")
    if art.get("duplicate_of"):
        meta.append(f"duplicate of {art['duplicate_of']}")
    if art.get("near_duplicate_of"):
        meta.append(f"near duplicate of {art['near_duplicate_of']}")
    if art.get("url"):
        meta.append(art["url"])
    if coded_by:
        meta.append(f"coded by {coded_by['coded_by']} on {str(coded_by['coded_at'])[:19]}")
    console.print(" | ".join(meta), style="dim")
    console.print()
    console.print(_highlighted(art["text"] or "", mentions, events))
    console.print()
    console.print(Text.assemble(("actor", MENTION_STYLE), "  ", ("trigger", TRIGGER_STYLE),
                                f"   {len(mentions)} mentions, {len(events)} events, {len(quotes)} quotes"))
    if events:
        console.print(Text("Coded events", style="bold"))
        for ev in events:
            for line in _event_block(ev):
                console.print(line)
    if quotes:
        console.print(Text("Quotes", style="bold"))
        for q in quotes:
            sp = q.get("speaker") or {}
            who = sp.get("name") or sp.get("text") or "?"
            console.print(f"  {who}: \u201c{q['text']}\u201d")
    if raw:
        console.print(Text("Text as it arrived", style="bold"))
        console.print(Text(art.get("raw_text") or ""))


@app.command("errors")
def errors_cmd(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help=_LIMIT_HELP),
    search: str = typer.Option(None, "--search", "-s", help="Location or reason contains this (any case)."),
    run: str = typer.Option(None, "--run", help="Only errors of this run id."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List the inputs that could not be read (the ingest_errors table): where, why, when."""
    with _open_existing(db) as store:
        rows = store.errors(limit=_limit(limit), run_id=run, search=search)
        total = store.counts()["ingest_errors"]
    for r in rows:
        if as_json:
            typer.echo(_json_line(r))
        else:
            typer.echo(f"{str(r['first_seen'])[:19]}\t{r['location']}\t{r['reason']}")
    typer.echo(f"{len(rows)} of {total} input errors in {db}", err=True)


@app.command("schema")
def schema_cmd(
    db: Path = typer.Option(None, "--db", help="Describe this database (default: the schema a new database gets)."),
    table: str = typer.Option(None, "--table", help="Only this table."),
    markdown: bool = typer.Option(False, "--markdown", help="As Markdown tables (as in the README)."),
    as_json: bool = typer.Option(False, "--json", help="As JSON: {table: [{column, type, description}]}."),
) -> None:
    """Describe the database: its tables and columns, with their types and meaning."""
    from warta.store.schema import describe

    if db is not None and not db.exists():
        raise typer.BadParameter(f"no database at {db}", param_hint="--db")
    tables = describe(db)
    if table is not None:
        if table not in tables:
            raise typer.BadParameter(f"no table {table!r}; tables: {', '.join(tables)}", param_hint="--table")
        tables = {table: tables[table]}
    if as_json:
        typer.echo(json.dumps({t: [c._asdict() for c in cols] for t, cols in tables.items()}, ensure_ascii=False,
                              indent=1))
        return
    from warta.store.schema import TABLE_DOCS

    for t, cols in tables.items():
        if markdown:
            typer.echo(f"**{t}**: {TABLE_DOCS.get(t, '')}\n")
            typer.echo("| column | type | meaning |\n| --- | --- | --- |")
            for c in cols:
                typer.echo(f"| `{c.column}` | {c.type} | {c.description.replace('|', '/')} |")
            typer.echo("")
        else:
            typer.echo(f"{t}: {TABLE_DOCS.get(t, '')}")
            width = max(len(c.column) for c in cols)
            for c in cols:
                typer.echo(f"  {c.column:<{width}}  {c.type:<10}  {c.description}")
            typer.echo("")
