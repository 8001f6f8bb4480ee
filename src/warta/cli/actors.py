"""Commands on actors: ``warta actors resolve``, ``warta entities``."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from warta.cli import app

actors_app = typer.Typer(help="Actors: resolve names and phrases against the knowledge base.",
                         no_args_is_help=True)
app.add_typer(actors_app, name="actors")


def _date(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {s!r}")


@actors_app.command("resolve")
def resolve_cmd(
    text: Optional[str] = typer.Argument(None, help="Actor phrase, e.g. 'Presiden Korea Selatan Yoon Seok Yul'."),
    date_: Optional[str] = typer.Option(None, "--date", help="Resolve on this date (YYYY-MM-DD); default: latest role."),
    context: Optional[str] = typer.Option(None, "--context", help="Sentence or article the phrase comes from."),
    lang: str = typer.Option("id", "--lang", help="id or en."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (always JSON with --batch)."),
    batch: Optional[Path] = typer.Option(None, "--batch", help='JSONL file of {"text", "date"?, "context"?, "lang"?}; "-" for stdin.'),
) -> None:
    """Resolve an actor phrase to {entity_id, name, country, org, sector}: a header line and a row
    (nothing, and a note on stderr, when nothing matches), or JSON with --json (null when nothing matches)."""
    from warta.actors.linker import Linker, resolve

    linker = Linker.default()
    if batch is not None:
        fh = sys.stdin if str(batch) == "-" else batch.open(encoding="utf-8")
        out = sys.stdout
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                res = resolve(rec.get("text") or "", _date(rec.get("date")), rec.get("context"),
                              rec.get("lang") or lang, linker)
            except (ValueError, typer.BadParameter) as exc:
                print(f"{batch}:{n}: {exc}", file=sys.stderr)
                res = None
            out.write(json.dumps(res, ensure_ascii=False) + "\n")
        return
    if not text:
        raise typer.BadParameter("give TEXT or --batch FILE")
    res = resolve(text, _date(date_), context, lang, linker)
    if as_json:
        typer.echo(json.dumps(res, ensure_ascii=False))
    elif res is None:
        typer.echo(f"no match for {text!r}" + (f" on {date_}" if date_ else ""), err=True)
    else:
        cols = ("entity_id", "name", "country", "org", "sector")
        typer.echo("\t".join(cols))
        typer.echo("\t".join(str(res[k] or "-") for k in cols))


def _inputs(paths: list[Path]):
    """(id, text, date, lang) from .jsonl (text/date|published/lang per line) or plain-text files."""
    if not paths:
        yield "stdin", sys.stdin.read(), None, None
        return
    for p in paths:
        if p.suffix == ".jsonl":
            for n, line in enumerate(p.open(encoding="utf-8"), 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                d = None
                for k in ("date", "published"):
                    try:
                        d = _date(rec.get(k)) if rec.get(k) else None
                    except typer.BadParameter:
                        d = None
                    if d:
                        break
                yield rec.get("id") or f"{p}:{n}", rec.get("text") or "", d, rec.get("lang")
        else:
            yield str(p), p.read_text(encoding="utf-8"), None, None


@app.command("entities")
def entities_cmd(
    inputs: list[Path] = typer.Argument(None, help="Text or JSONL files (default: stdin)."),
    date_: Optional[str] = typer.Option(None, "--date", help="Resolve on this date when the input has none."),
    lang: str = typer.Option("id", "--lang", help="id or en (JSONL 'lang' wins)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per mention."),
) -> None:
    """List actor mentions with character offsets, resolved on the article's date."""
    from dataclasses import asdict

    from warta.actors.linker import Linker

    linker = Linker.default()
    default_d = _date(date_)
    for doc_id, text, d, lg in _inputs(list(inputs or [])):
        lg = lg if lg in ("id", "en") else lang
        for m in linker.link(text, d or default_d, lg):
            if as_json:
                typer.echo(json.dumps({"doc_id": doc_id, **asdict(m)}, ensure_ascii=False))
            else:
                typer.echo("\t".join([doc_id, str(m.start), str(m.end), m.text.replace("\n", " "),
                                      m.kind or "-", m.entity_id or "-", m.country or "-", m.org or "-",
                                      m.sector or "-", m.role or "-"]))
