"""Files analysts' tools already read, written from the corpus events (``warta export``).

    from warta.export import export
    summary = export(con, "gdelt", "out/", EventFilter.parse(country="IDN"))

Formats: ``gdelt`` (GDELT 2.0 event and mentions tables, :mod:`warta.export.gdelt`), ``plover``
(PLOVER/POLECAT-style JSON lines, :mod:`warta.export.plover`), ``csv`` and ``parquet`` (one flat row
per event, :mod:`warta.export.tables`), ``graphml`` (actor network, :mod:`warta.export.graphml`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

FORMATS = ("gdelt", "plover", "parquet", "csv", "graphml")


def export(con, fmt: str, out: str | Path, filt=None) -> dict[str, Any]:
    """Write the corpus events matching ``filt`` (a :class:`warta.store.filters.EventFilter`) to
    ``out`` in format ``fmt``; returns ``{"events": n, "mentions": n, "files": [paths]}``."""
    from warta.export import gdelt, graphml, plover, tables
    from warta.export.query import load
    from warta.store.filters import EventFilter

    if fmt not in FORMATS:
        raise ValueError(f"--format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    data = load(con, filt or EventFilter())
    writer = {"gdelt": gdelt.write, "plover": plover.write, "parquet": tables.write_parquet,
              "csv": tables.write_csv, "graphml": graphml.write}[fmt]
    files = writer(data, Path(out))
    return {"events": len(data.events), "mentions": len(data.mentions), "files": [str(f) for f in files]}
