"""The engine behind ``warta process``: local worker processes or a Dask cluster; ``warta status``."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from warta.cli import app


def run_process(inputs: list[str], *, db: Path, lang: str, default_date: date | None, batch_size: int,
                quiet: bool, workers: int, engine: str, scheduler: str | None, partition_lines: int):
    """Run ``inputs`` through the chosen engine into ``db``; the run's Summary."""
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"--engine must be local or dask; got {engine!r}")
    if scheduler and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask")
    if engine == "dask":
        try:
            from warta.engines.cluster import DaskEngine
            import distributed  # noqa: F401
        except ImportError:
            raise typer.BadParameter("--engine dask needs dask: pip install 'warta[dask]'") from None
        with DaskEngine(db, scheduler=scheduler, workers=workers or None, lang=lang, default_date=default_date,
                        partition_lines=partition_lines) as eng:
            summary = eng.run(inputs, command="process")
        if not quiet:
            typer.echo(f"warta: {eng.partitions} partitions ({eng.partitions_done_before} done before); "
                       f"Parquet in {eng.parts}", err=True)
        return summary
    from warta.engines.local import LocalEngine

    with LocalEngine(db, lang=lang, default_date=default_date, batch_size=batch_size, workers=workers) as eng:
        return eng.run(inputs, quiet=quiet, command="process")
