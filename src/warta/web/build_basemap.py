"""Build the dashboard's base map, ``static/world-110m.json``, from a Natural Earth TopoJSON file.

The input is ``countries-110m.json`` of the ``world-atlas`` package (TopoJSON made from Natural
Earth 1:110m admin-0 countries; Natural Earth is public domain, world-atlas is ISC-licensed). Every
arc (a stretch of coast or border, shared by its two countries) is decoded once and written as one
polyline of longitude/latitude pairs rounded to 0.1 degree, so the browser draws the world as a
single line trace with no tile server and no projection library::

    python -m warta.web.build_basemap node_modules/world-atlas/countries-110m.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).parent / "static" / "world-110m.json"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized (delta-encoded) or plain TopoJSON topology, in degrees."""
    tf = topo.get("transform")
    lines = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for p in arc:
            if tf:
                x, y = x + p[0], y + p[1]
                lon = x * tf["scale"][0] + tf["translate"][0]
                lat = y * tf["scale"][1] + tf["translate"][1]
            else:
                lon, lat = p[0], p[1]
            pts.append((lon, lat))
        lines.append(pts)
    return lines


def simplify(line: list[tuple[float, float]], step: float = 0.1) -> list[list[float]]:
    """Round to ``step`` degrees and drop repeated points; flat ``[lon, lat, lon, lat, ...]`` pieces,
    cut where the line crosses the antimeridian (a jump of more than 180 degrees of longitude)."""
    pieces: list[list[float]] = [[]]
    last = None
    for lon, lat in line:
        p = (round(round(lon / step) * step, 1), round(round(lat / step) * step, 1))
        if p == last:
            continue
        if last is not None and abs(p[0] - last[0]) > 180:
            pieces.append([])
        pieces[-1] += [p[0], p[1]]
        last = p
    return pieces


def build(src: Path, out: Path = OUT) -> int:
    topo = json.loads(src.read_text("utf-8"))
    lines = [piece for arc in decode_arcs(topo) for piece in simplify(arc) if len(piece) >= 4]
    doc = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via world-atlas 2.0.2 "
                  "countries-110m.json (ISC licence, Copyright 2013-2019 Michael Bostock)",
        "built_by": "python -m warta.web.build_basemap",
        "lines": lines,
    }
    out.write_text(json.dumps(doc, separators=(",", ":")), "utf-8")
    return len(lines)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m warta.web.build_basemap PATH/TO/countries-110m.json")
    n = build(Path(sys.argv[1]))
    print(f"{n} arcs -> {OUT} ({OUT.stat().st_size // 1024} KiB)")
