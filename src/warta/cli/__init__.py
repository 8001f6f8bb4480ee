"""The ``warta`` command line. Each command group lives in its own module of this package."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="warta",
    help="Turn Indonesian and English news into event data: who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


@app.callback()
def _root(
    nlp: str = typer.Option(
        "rules", "--nlp", envvar="WARTA_NLP",
        help="rules: tuned tokenizer + rule/lexicon stages (fast); trained: also run the shipped "
             "tagger, morphology, lemmas and NER on every document.",
    ),
    allow_private: bool = typer.Option(
        False, "--allow-private", envvar="WARTA_ALLOW_PRIVATE",
        help="Also fetch from private, loopback and link-local addresses (feeds on this machine or "
             "network); by default only public http(s) hosts are fetched.",
    ),
) -> None:
    """warta: news to event data (PLOVER/CAMEO), Indonesian and English."""
    import os

    if allow_private:
        os.environ["WARTA_ALLOW_PRIVATE"] = "1"

    if nlp not in ("rules", "trained"):
        raise typer.BadParameter("--nlp must be 'rules' or 'trained'")
    os.environ["WARTA_NLP"] = nlp


# Command modules register themselves on `app` when imported.
from warta.cli import actors as _actors  # noqa: E402,F401
from warta.cli import evaluate as _evaluate  # noqa: E402,F401
from warta.cli import export as _export  # noqa: E402,F401
from warta.cli import run as _run  # noqa: E402,F401
from warta.cli import query as _query  # noqa: E402,F401
from warta.cli import serve as _serve  # noqa: E402,F401
from warta.cli import scale as _scale  # noqa: E402,F401
from warta.cli import train as _train  # noqa: E402,F401


def main() -> None:
    """Entry point: usage errors exit 2 (typer/click), a busy database or an unexpected failure
    exits 1 with one line on stderr; ``WARTA_DEBUG=1`` shows the traceback instead."""
    import os
    import sys

    from warta.store import StoreBusy

    try:
        app()
    except StoreBusy as exc:
        typer.echo(f"warta: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        if os.environ.get("WARTA_DEBUG"):
            raise
        typer.echo(f"warta: internal error: {type(exc).__name__}: {exc} "
                   "(run again with WARTA_DEBUG=1 for the traceback, and please report it)", err=True)
        sys.exit(1)
