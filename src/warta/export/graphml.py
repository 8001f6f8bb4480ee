"""The actor network as GraphML (Gephi, networkx, igraph, Cytoscape read it).

Nodes are actors (:func:`warta.store.aggregate.actor_key`) with ``label``, ``code``, ``country``,
``sector``, ``entity_id`` and ``events`` (how many exported events they take part in). A directed
edge goes from each source actor to each target actor of an event (self-loops left out) with
``weight`` (events), ``mentions``, ``q1``..``q4`` (events by quad class: verbal/material
cooperation, verbal/material conflict), ``goldstein`` (sum) and ``first``/``last`` (dates).
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from warta.export.query import ExportData

_NODE_KEYS = (("label", "string"), ("code", "string"), ("country", "string"), ("sector", "string"),
              ("entity_id", "string"), ("events", "int"))
_EDGE_KEYS = (("weight", "double"), ("mentions", "int"), ("q1", "int"), ("q2", "int"), ("q3", "int"),
              ("q4", "int"), ("goldstein", "double"), ("first", "string"), ("last", "string"))


def graph(data: ExportData) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], dict[str, Any]]]:
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = defaultdict(
        lambda: {"weight": 0.0, "mentions": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "goldstein": 0.0,
                 "first": None, "last": None})
    for ev in data.events:
        for a in ev["source"] + ev["target"]:
            n = nodes.setdefault(a["key"], {"label": a.get("name") or a["key"], "code": a.get("code"),
                                            "country": a.get("country"), "sector": a.get("sector"),
                                            "entity_id": a.get("entity_id"), "events": 0, "_seen": set()})
            if ev["event_id"] not in n["_seen"]:
                n["_seen"].add(ev["event_id"])
                n["events"] += 1
        day = ev["event_date"].isoformat() if ev.get("event_date") else None
        for s in ev["source"]:
            for t in ev["target"]:
                if s["key"] == t["key"]:
                    continue
                e = edges[(s["key"], t["key"])]
                e["weight"] += 1
                e["mentions"] += ev["n_mentions"]
                if ev.get("quad_class") in (1, 2, 3, 4):
                    e[f"q{ev['quad_class']}"] += 1
                e["goldstein"] += ev.get("goldstein") or 0.0
                if day:
                    e["first"] = min(e["first"] or day, day)
                    e["last"] = max(e["last"] or day, day)
    for n in nodes.values():
        n.pop("_seen")
    return nodes, dict(edges)


def _data(prefix: str, keys, values: dict[str, Any]) -> str:
    out = []
    for k, _ in keys:
        v = values.get(k)
        if v is None:
            continue
        text = str(round(v, 4)) if isinstance(v, float) else str(v)
        out.append(f'<data key="{prefix}_{k}">{_esc(text)}</data>')
    return "".join(out)


_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(s: str) -> str:
    """``s`` without the characters XML 1.0 cannot hold (control characters)."""
    return _NOT_XML.sub("", s)


def _esc(s: str) -> str:
    return quoteattr(_clean(s))[1:-1]


def write(data: ExportData, out: Path) -> list[Path]:
    nodes, edges = graph(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for k, t in _NODE_KEYS:
            fh.write(f'  <key id="n_{k}" for="node" attr.name="{k}" attr.type="{t}"/>\n')
        for k, t in _EDGE_KEYS:
            fh.write(f'  <key id="e_{k}" for="edge" attr.name="{k}" attr.type="{t}"/>\n')
        fh.write('  <graph id="warta" edgedefault="directed">\n')
        for key in sorted(nodes):
            fh.write(f'    <node id={quoteattr(_clean(key))}>{_data("n", _NODE_KEYS, nodes[key])}</node>\n')
        for i, (s, t) in enumerate(sorted(edges)):
            fh.write(f'    <edge id="e{i}" source={quoteattr(_clean(s))} target={quoteattr(_clean(t))}>'
                     f'{_data("e", _EDGE_KEYS, edges[(s, t)])}</edge>\n')
        fh.write("  </graph>\n</graphml>\n")
    return [out]
