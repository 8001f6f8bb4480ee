"""The engine behind ``warta process``: local worker processes or a Dask cluster; ``warta status``."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from warta.cli import app


def run_process(inputs: list[str], *, db: Path, lang: str, default_date: date | None, batch_size: int,
                quiet: bool, workers: int, engine: str, scheduler: str | None, partition_lines: int,
                columns=None):
    """Run ``inputs`` through the chosen engine into ``db``; the run's Summary."""
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"--engine must be local or dask; got {engine!r}")
    if scheduler and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask")
    if engine == "dask":
        if columns is not None and any(vars(columns).values()):
            raise typer.BadParameter("the CSV column options go with --engine local")
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

    with LocalEngine(db, lang=lang, default_date=default_date, batch_size=batch_size, workers=workers,
                     columns=columns) as eng:
        return eng.run(inputs, quiet=quiet, command="process")


def run_watch(sources: list[str], *, period: float, db: Path, lang: str, rounds: int, quiet: bool,
              workers: int) -> None:
    """The ``warta watch`` loop: a round, a report line, a sleep until the next source is due."""
    import time

    from warta.engines.local import LocalEngine
    from warta.engines.watch import Watcher, describe
    from warta.ingest.web import make_client

    n = 0
    client = make_client()
    try:
        with LocalEngine(db, lang=lang, client=client, workers=workers) as engine:
            watcher = Watcher(engine, sources, period, client=client)
            while True:
                n += 1
                rnd = watcher.poll(quiet=quiet)
                d = rnd.summary.to_dict()
                typer.echo(f"round {n}: {d['read']} new articles, {d['events']} events, {d['errors']} errors"
                           + (f" ({d['articles_per_s']}/s)" if d["read"] else ""), err=True)
                for e in rnd.summary.errors[:5]:
                    typer.echo(f"    {e.location}: {e.reason}", err=True)
                for st in rnd.waiting:
                    typer.echo(f"    backing off: {describe(st)}", err=True)
                if rnd.summary.interrupted or (rounds and n >= rounds):
                    break
                deadline = time.monotonic() + watcher.sleep_for()
                while (left := deadline - time.monotonic()) > 0:
                    time.sleep(min(left, 1.0))
    except KeyboardInterrupt:
        pass
    finally:
        client.close()
    typer.echo(f"watch stopped after {n} rounds", err=True)


@app.command("status")
def status_cmd(
    db: Path = typer.Option(Path("warta.duckdb"), "--db", help="DuckDB database file."),
    runs: int = typer.Option(5, "--runs", help="How many recent runs to show."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object."),
) -> None:
    """Throughput of recent runs, lag from publication to storage, and the state of watched sources."""
    import json
    from dataclasses import asdict

    from warta.engines.status import lines, report
    from warta.store import Store

    if not db.exists():
        raise typer.BadParameter(f"no database at {db} (run 'warta process' or 'warta watch' first)")
    with Store(db, read_only=True) as store:
        rep = report(store, runs=runs)
    if as_json:
        rep["sources"] = [asdict(st) for st in rep["sources"]]
        typer.echo(json.dumps(rep, default=str))
        return
    for ln in lines(rep):
        typer.echo(ln)
