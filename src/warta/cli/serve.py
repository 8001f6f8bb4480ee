"""``warta serve``: the HTTP API and the web dashboard over a warta database."""
from __future__ import annotations

from pathlib import Path

import typer

from warta.cli import app

DEFAULT_DB = Path("warta.duckdb")


@app.command("serve")
def serve_cmd(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB database file (opened read-only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. The default answers this "
                             "machine only; 0.0.0.0 exposes the server to the network (set a --token)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    token: str = typer.Option(None, "--token", envvar="WARTA_TOKEN", show_default=False,
                              help="Require this token on every request but /api/health (header "
                                   "'Authorization: Bearer TOKEN', or ?token=TOKEN once in a browser)."),
    query_timeout: float = typer.Option(10.0, "--query-timeout", min=0.1, help="Seconds a query may run."),
) -> None:
    """Serve the JSON API (docs at /docs) and the dashboard; runs beside 'warta process'/'watch'."""
    try:
        import uvicorn

        from warta.web.app import create_app
    except ImportError as exc:
        raise typer.BadParameter(f"the web server needs the 'web' extra: pip install 'warta[web]' ({exc.name} "
                                 "is missing)") from None
    if not db.exists():
        raise typer.BadParameter(f"no database at {db} (run 'warta process' or 'warta demo' first)")
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        typer.echo(f"warta: warning: serving on {host} without a token; anyone who reaches this machine "
                   "can read the database (use --token or WARTA_TOKEN)", err=True)
    web = create_app(db, token=token, query_timeout=query_timeout)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"warta: serving {db} on http://{shown}:{port}/ (API docs at /docs); Ctrl-C stops", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False)
