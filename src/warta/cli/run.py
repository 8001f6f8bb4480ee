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
