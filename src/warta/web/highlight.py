"""The article page's text: every actor mention and event trigger marked at its character offsets.

The text is cut at every span boundary; each piece is escaped (markupsafe) and wrapped in a
``<span>`` naming the records that cover it (``data-m`` mention indexes, ``data-ev`` event indexes
whose trigger it is, ``data-actor`` event indexes whose actor it is), so overlapping and nested
spans need no nesting of tags. Each event's trigger start carries an anchor ``id="ev-N"`` that its
record beside the text links to; each mention's start carries ``id="m-N"``.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # "m" (actor mention), "ev" (event trigger), "actor" (an event's actor span)
    ref: int  # the record's index in its table
    title: str = ""
    quad: int | None = None


def marks_for(article: dict) -> list[Mark]:
    """The marks of an article as :func:`warta.web.queries.article` returns it."""
    out: list[Mark] = []
    for m in article.get("mentions", []):
        label = m.get("name") or m.get("text") or ""
        code = (m.get("country") or m.get("org") or "") + (m.get("sector") or "")
        out.append(Mark(m["start"], m["end"], "m", m["idx"], f"{label} {code}".strip()))
    for ev in article.get("events", []):
        if ev.get("trigger_start") is not None and ev.get("trigger_end") is not None:
            out.append(Mark(ev["trigger_start"], ev["trigger_end"], "ev", ev["idx"],
                            f"{ev['event_type']} {ev.get('cameo') or ''}".strip(), ev.get("quad_class")))
        for a in (ev.get("source") or []) + (ev.get("target") or []):
            if a.get("start") is not None and a.get("end") is not None:
                out.append(Mark(a["start"], a["end"], "actor", ev["idx"]))
    return out


def render(text: str, marks: list[Mark]) -> Markup:
    """``text`` as escaped HTML with every valid mark wrapped; marks outside the text are dropped."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        for m in marks:  # anchors where records start
            if m.start == a and m.kind in ("ev", "m"):
                parts.append(f'<a class="anchor" id="{"ev" if m.kind == "ev" else "m"}-{m.ref}"></a>')
        cover = [m for m in marks if m.start <= a and b <= m.end]
        piece = escape(text[a:b])
        if not cover:
            parts.append(str(piece))
            continue
        ev = sorted({m.ref for m in cover if m.kind == "ev"})
        men = sorted({m.ref for m in cover if m.kind == "m"})
        act = sorted({m.ref for m in cover if m.kind == "actor"})
        classes = []
        if men or act:
            classes.append("hl-actor")
        if ev:
            quads = {m.quad for m in cover if m.kind == "ev" and m.quad}
            classes.append("hl-trigger")
            classes += [f"q{q}" for q in sorted(quads)]
        title = "; ".join(dict.fromkeys(m.title for m in cover if m.title))
        attrs = [f'class="{" ".join(classes)}"']
        if ev:
            attrs.append(f'data-ev="{" ".join(map(str, ev))}"')
        if men:
            attrs.append(f'data-m="{" ".join(map(str, men))}"')
        if act:
            attrs.append(f'data-actor="{" ".join(map(str, act))}"')
        if title:
            attrs.append(f'title="{escape(title)}"')
        parts.append(f"<span {' '.join(attrs)}>{piece}</span>")
    return Markup("".join(parts))
