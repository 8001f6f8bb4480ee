"""Commands that read news and run the pipeline: process, extract, demo, articles, watch, events."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import typer

from warta.cli import app

DEFAULT_DB = Path("warta.duckdb")

_LANG_HELP = "Language of the input: auto (detect per article), id or en."
_DATE_HELP = "Publication date (YYYY-MM-DD) for articles whose date cannot be found."


def _parse_date_opt(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"--date must be YYYY-MM-DD, got {value!r}") from None


def _check_lang(value: str) -> str:
    if value not in ("auto", "id", "en"):
        raise typer.BadParameter(f"--lang must be auto, id or en; got {value!r}")
    return value


@app.command("extract")
def extract_cmd(
    inputs: list[str] = typer.Argument(None, help="Files, folders, URLs or '-' for stdin (default: stdin)."),
    lang: str = typer.Option("auto", "--lang", help=_LANG_HELP, callback=_check_lang),
    date_: str = typer.Option(None, "--date", help=_DATE_HELP),
    articles: bool = typer.Option(False, "--articles", help="Also write one line per article (kind=article)."),
) -> None:
    """Run the pipeline without storing; write one JSON line per event to stdout."""
    from warta.engines.local import iter_results

    errors = 0
    out = sys.stdout
    for item in iter_results(inputs or ["-"], lang=lang, default_date=_parse_date_opt(date_), dedup=False):
        if not hasattr(item, "events"):  # an IngestError
            errors += 1
            typer.echo(f"warta: skipped {item}", err=True)
            continue
        if articles:
            a = item.article
            out.write(json.dumps({"kind": "article", "doc_id": a.id, "lang": a.lang, "source": a.source,
                                  "published": a.published.isoformat() if a.published else None,
                                  "skipped": item.skipped, "events": len(item.events)},
                                 ensure_ascii=False) + "\n")
        for ev in item.events:
            d = ev.to_dict()
            d["doc_id"] = item.article.id
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    out.flush()
    if errors:
        raise typer.Exit(1)


def _print_summary(summary, db: Path, quiet: bool) -> None:
    d = summary.to_dict()
    err = typer.echo
    rate = f" ({d['articles_per_s']}/s)" if d["articles_per_s"] else ""
    lines = [
        f"warta: {d['read']} articles read in {d['seconds']} s{rate} -> {db}",
        f"  coded {d['coded']}; exact duplicates {d['duplicates']}; near duplicates {d['near_duplicates']}; "
        f"already stored {d['already_stored']}",
    ]
    if d["skipped"]:
        lines.append("  not coded: " + "; ".join(f"{n} {why}" for why, n in d["skipped"].items()))
    lines.append(f"  junk lines removed {d['junk_lines']}; mentions {d['mentions']}; events {d['events']}; "
                 f"quotes {d['quotes']}")
    lines.append(f"  skipped with errors: {d['errors']}")
    for e in summary.errors[:10]:
        lines.append(f"    {e.location}: {e.reason}")
    if summary.error_count > 10:
        lines.append(f"    ... {summary.error_count - 10} more (see the ingest_errors table)")
    if summary.interrupted:
        lines.append("  interrupted: committed batches are kept; run again to resume")
    if quiet:
        lines = lines[:1] + [ln for ln in lines[1:] if "errors" in ln][:1]
    for ln in lines:
        err(ln, err=True)


@app.command("process")
def process_cmd(
    inputs: list[str] = typer.Argument(..., help="Files, folders, feed/page URLs, or '-' for stdin."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    lang: str = typer.Option("auto", "--lang", help=_LANG_HELP, callback=_check_lang),
    date_: str = typer.Option(None, "--date", help=_DATE_HELP),
    batch_size: int = typer.Option(64, "--batch-size", help="Articles per transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar; one-line summary."),
    workers: int = typer.Option(0, "--workers", "-w", min=0, help="Worker processes (0: every core)."),
    engine_name: str = typer.Option("local", "--engine", help="local (this machine) or dask (a Dask cluster)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
    partition_lines: int = typer.Option(500, "--partition-lines", min=1, help="Dask: JSONL lines per partition."),
) -> None:
    """Ingest news and run the whole pipeline into the database; print a summary."""
    from warta.cli.scale import run_process

    summary = run_process(inputs, db=db, lang=lang, default_date=_parse_date_opt(date_), batch_size=batch_size,
                          quiet=quiet, workers=workers, engine=engine_name, scheduler=scheduler,
                          partition_lines=partition_lines)
    _print_summary(summary, db, quiet)
    if not summary.ok:
        raise typer.Exit(1)
    if summary.interrupted:
        raise typer.Exit(130)


def _actor_str(actors: list[dict] | None) -> str:
    if not actors:
        return "-"
    out = []
    for a in actors:
        code = a.get("country") or a.get("org") or "?"
        if a.get("sector"):
            code += a["sector"]
        out.append(f"{code}({a.get('text')})")
    return ", ".join(out)


def _event_line(ev: dict) -> str:
    when = ev.get("event_date") or (ev.get("pub_date").isoformat() if ev.get("pub_date") else "????-??-??")
    code = ev["event_type"] + (f"/{ev['cameo']}" if ev.get("cameo") else "")
    mod = "" if ev.get("modality") in (None, "asserted") else f" [{ev['modality']}]"
    trig = ev.get("trigger_text") or ""
    return f"{when}  {code:<16} {_actor_str(ev.get('source'))} -> {_actor_str(ev.get('target'))}  \"{trig}\"{mod}"


def demo_inputs() -> list[str]:
    from importlib import resources

    folder = resources.files("warta") / "data" / "demo"
    return [str(folder / "demo.jsonl")]


@app.command("demo")
def demo_cmd(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Process the bundled demo articles into the database and print what was found."""
    import json as _json

    from warta.engines.local import LocalEngine

    inputs = demo_inputs()
    with LocalEngine(db) as engine:
        summary = engine.run(inputs, quiet=quiet, command="demo")
        ids = [_json.loads(ln)["id"] for ln in Path(inputs[0]).read_text("utf-8").splitlines() if ln.strip()]
        arts = {a["id"]: a for a in engine.store.articles(limit=None) if a["id"] in set(ids)}
        events = {i: engine.store.events(article_id=i, limit=None) for i in ids}
    _print_summary(summary, db, quiet=True)
    total = 0
    for i in ids:
        a = arts.get(i)
        if a is None:
            continue
        typer.echo(f"\n[{i}] {a['pub_date'] or ''} {a['source'] or ''} ({a['lang']}): {a['title'] or ''}")
        for ev in events[i]:
            typer.echo("  " + _event_line(ev))
            total += 1
        if not events[i]:
            typer.echo("  (no events)")
    typer.echo(f"\n{len(arts)} demo articles, {total} events in {db}. "
               f"Try: warta events --db {db} --country IDN")
    if not summary.ok:
        raise typer.Exit(1)


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


def parse_every(value: str) -> float:
    """Seconds in a period written ``15m``, ``90s``, ``1h`` or a plain number of seconds."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", value)
    if not m:
        raise typer.BadParameter(f"--every must look like 15m, 90s or 1h; got {value!r}")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


def read_feedlist(path: Path) -> list[str]:
    """Feed URLs (or files) listed one per line; blank lines and ``#`` comments ignored."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@app.command("watch")
def watch_cmd(
    feedlist: Path = typer.Argument(..., help="Text file with one feed URL, file or folder per line (# for comments)."),
    every: str = typer.Option("15m", "--every", help="Polling period: 15m (GDELT's cadence), 90s, 1h."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    lang: str = typer.Option("auto", "--lang", help=_LANG_HELP, callback=_check_lang),
    rounds: int = typer.Option(0, "--rounds", help="Stop after N rounds (0: until Ctrl-C)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    workers: int = typer.Option(1, "--workers", "-w", min=0, help="Worker processes (0: every core)."),
) -> None:
    """Poll feeds and folders; code only new articles each round (state kept in the store); Ctrl-C stops."""
    from warta.cli.scale import run_watch

    period = parse_every(every)
    if not feedlist.exists():
        raise typer.BadParameter(f"no feed list at {feedlist}")
    feeds = read_feedlist(feedlist)
    if not feeds:
        raise typer.BadParameter(f"{feedlist} lists no feeds")
    run_watch(feeds, period=period, db=db, lang=lang, rounds=rounds, quiet=quiet, workers=workers)
