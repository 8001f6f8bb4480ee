"""``warta eval``: score the pipeline against gold files.

    warta eval GOLD.jsonl        events against a gold JSONL file (same rules as gold/score.py)
    warta eval ner FILE          NER on an IndoNLU BIO file
    warta eval ud FILE           tagging (and parsing) on a CoNLL-U file
    ... --model DIR              score another trained pipeline than the shipped one
"""
from __future__ import annotations

import json
from pathlib import Path

import typer

from warta.cli import app


@app.command("eval")
def eval_cmd(
    what: str = typer.Argument(..., help="GOLD.jsonl for events, or 'ner' / 'ud' followed by FILE."),
    file: Path = typer.Argument(None, help="The data file for 'ner' and 'ud'."),
    lang: str = typer.Option("auto", "--lang", help="auto, id or en."),
    predictions: Path = typer.Option(None, "--predictions", help="Also write the extracted events here (JSONL)."),
    model: Path = typer.Option(None, "--model", help="'ner' / 'ud': a trained pipeline folder to score instead of "
                                                     "the shipped one (a training run's model-best, an assembled ensemble)."),
) -> None:
    """Score extraction against gold data and print the scores as JSON."""
    if what in ("ner", "ud"):
        if file is None:
            raise typer.BadParameter(f"'warta eval {what}' needs a FILE")
        if what == "ner":
            from warta.eval.ner import evaluate as run
        else:
            from warta.eval.ud import evaluate as run
        out = run(file, model=model)
    else:
        from warta.eval.events import evaluate as run_events

        out = run_events(Path(what), lang=lang, predictions=predictions)
    typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
