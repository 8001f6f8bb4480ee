"""Commands that read news and run the pipeline: process, extract, demo, watch.

The commands that read the database (articles, events, ...) live in :mod:`warta.cli.query`."""
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


def _parse_date_opt(value: str | None, option: str = "--date") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{option} must be YYYY-MM-DD, got {value!r}") from None


def _columns(text: str | None, date_: str | None, title: str | None, url: str | None, id_: str | None):
    from warta.ingest.records import Columns

    return Columns(text=text, date=date_, title=title, url=url, id=id_)


def _check_inputs(inputs: list[str]) -> None:
    """A usage error, before anything is created, when a local input does not exist."""
    from warta.ingest.sources import missing_inputs

    missing = missing_inputs(inputs)
    if missing:
        raise typer.BadParameter(f"no such file or folder: {', '.join(missing)}", param_hint="INPUTS")


_CSV = "CSV/TSV input"


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
    text_column: str = typer.Option(None, "--text-column", help="CSV column with the text (default: text, body or content).", rich_help_panel=_CSV),
    date_column: str = typer.Option(None, "--date-column", help="CSV column with the date (default: date or published).", rich_help_panel=_CSV),
    title_column: str = typer.Option(None, "--title-column", help="CSV column with the title (default: title).", rich_help_panel=_CSV),
    url_column: str = typer.Option(None, "--url-column", help="CSV column with the URL (default: url or link).", rich_help_panel=_CSV),
    id_column: str = typer.Option(None, "--id-column", help="CSV column with the article id (default: id).", rich_help_panel=_CSV),
) -> None:
    """Run the pipeline without storing; write one JSON line per event to stdout."""
    from warta.engines.local import iter_results

    default_date = _parse_date_opt(date_)
    _check_inputs(inputs or [])
    columns = _columns(text_column, date_column, title_column, url_column, id_column)
    errors = 0
    out = sys.stdout
    for item in iter_results(inputs or ["-"], lang=lang, default_date=default_date, dedup=False, columns=columns):
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
    if quiet:  # the first line, the error count and the first errors
        i = next(i for i, ln in enumerate(lines) if ln.startswith("  skipped with errors"))
        lines = lines[:1] + lines[i:i + 4]
    for ln in lines:
        err(ln, err=True)


@app.command("process")
def process_cmd(
    inputs: list[str] = typer.Argument(None, help="Files, folders, feed/page URLs, or '-' for stdin."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file."),
    lang: str = typer.Option("auto", "--lang", help=_LANG_HELP, callback=_check_lang),
    date_: str = typer.Option(None, "--date", help=_DATE_HELP),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar; one-line summary."),
    text_column: str = typer.Option(None, "--text-column", help="CSV column with the text (default: text, body or content).", rich_help_panel=_CSV),
    date_column: str = typer.Option(None, "--date-column", help="CSV column with the date (default: date or published).", rich_help_panel=_CSV),
    title_column: str = typer.Option(None, "--title-column", help="CSV column with the title (default: title).", rich_help_panel=_CSV),
    url_column: str = typer.Option(None, "--url-column", help="CSV column with the URL (default: url or link).", rich_help_panel=_CSV),
    id_column: str = typer.Option(None, "--id-column", help="CSV column with the article id (default: id).", rich_help_panel=_CSV),
    reprocess: bool = typer.Option(False, "--reprocess", help="Recode the stored articles (no INPUTS) that another "
                                   "warta version or pipeline coded, e.g. after a lexicon or KB change; the "
                                   "article rows stay, their mentions, events and quotes are replaced."),
    every: bool = typer.Option(False, "--all", help="With --reprocess: recode every stored article."),
    workers: int = typer.Option(0, "--workers", "-w", min=0, help="Worker processes (0: every core)."),
    engine_name: str = typer.Option("local", "--engine", help="local (this machine) or dask (a Dask cluster)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
    partition_lines: int = typer.Option(500, "--partition-lines", min=1, help="Dask: JSONL lines per partition."),
) -> None:
    """Ingest news and run the whole pipeline into the database; print a summary.

    Inputs: .jsonl/.json (articles with id, text, title, url, source, date, lang), .csv/.tsv with a
    header, .txt, .html, .warc(.gz), .rss/.xml feeds, folders, http(s):// and file:// URLs, '-'.
    Exit status: 0 when every article was coded or skipped with a reason (see the summary), 1 when
    some input could not be read (listed, and kept in the ingest_errors table), 2 for a usage error.
    """
    from warta.cli.scale import run_process

    default_date = _parse_date_opt(date_)
    if reprocess:
        _reprocess(db, inputs, lang, default_date, batch_size, quiet, every)
        return
    if every:
        raise typer.BadParameter("--all goes with --reprocess", param_hint="--all")
    if not inputs:
        raise typer.BadParameter("give files, folders or URLs to read (or --reprocess to recode the stored "
                                 "articles)", param_hint="INPUTS")
    _check_inputs(inputs)
    columns = _columns(text_column, date_column, title_column, url_column, id_column)
    summary = run_process(inputs, db=db, lang=lang, default_date=default_date, batch_size=batch_size,
                          quiet=quiet, workers=workers, engine=engine_name, scheduler=scheduler,
                          partition_lines=partition_lines, columns=columns)
    _print_summary(summary, db, quiet)
    if not summary.ok:
        raise typer.Exit(1)
    if summary.interrupted:
        raise typer.Exit(130)


def _reprocess(db: Path, inputs: list[str] | None, lang: str, default_date, batch_size: int, quiet: bool,
               every: bool) -> None:
    from warta.engines.reprocess import reprocess
    from warta.store import Store

    if inputs:
        raise typer.BadParameter("--reprocess recodes the stored articles: give it no INPUTS (process new "
                                 "inputs in a run of their own)", param_hint="INPUTS")
    if not db.exists():
        raise typer.BadParameter(f"no database at {db} to reprocess", param_hint="--db")
    with Store(db) as store:
        summary = reprocess(store, lang=lang, default_date=default_date, batch_size=batch_size, quiet=quiet,
                            every=every)
    _print_summary(summary, db, quiet)
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
    # an event without a date of its own shows its article's publication date, in parentheses
    when = ev.get("event_date") or (f"({ev['pub_date']})" if ev.get("pub_date") else "(undated)")
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
