"""The dashboard's HTML pages, rendered on the server with Jinja2 (autoescaping on: every value
from the database is escaped; chart data travel as JSON in a non-executed script element)."""
from __future__ import annotations

from pathlib import Path as FsPath
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from warta.web import queries as Q
from warta.web.api import db
from warta.web.highlight import marks_for, render
from warta.web.layout import spring_layout
from warta.web.params import DAY, ISO3, MAX_PAGE, OrderName, SortName, event_filter, parse_day
from warta.web.queries import QUAD_NAMES, EventFilter
from warta.web.reader import Reader

router = APIRouter(include_in_schema=False)

env = Environment(loader=FileSystemLoader(FsPath(__file__).parent / "templates"),
                  autoescape=select_autoescape(["html"], default=True), trim_blocks=True, lstrip_blocks=True)


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the page as links; anything else (javascript:, data:) is text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _actor_code(a: dict) -> str:
    return (a.get("country") or a.get("org") or "") + (a.get("sector") or "")


def _actor_key(a: dict) -> str:
    return a.get("entity_id") or _actor_code(a) or "text:" + (a.get("text") or "").lower()


env.policies["json.dumps_kwargs"] = {"default": str, "ensure_ascii": False}
env.filters["safe_url"] = _safe_url
env.filters["actor_code"] = _actor_code
env.filters["actor_key"] = _actor_key
env.globals["QUAD_NAMES"] = QUAD_NAMES
env.globals["urlencode"] = urlencode


def page(name: str, request: Request, **ctx: Any) -> HTMLResponse:
    tpl = env.get_template(name)
    return HTMLResponse(tpl.render(request=request, **ctx))


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, reader: Reader = Depends(db)):
    stats = Q.stats(reader)
    flt = EventFilter()
    data = {"timeline": Q.timeline(reader, flt), "by_type": stats["by_type"]}
    _, top = Q.actors(reader, limit=15)
    return page("overview.html", request, stats=stats, data=data, top_actors=top,
                dyads=Q.dyads(reader, flt, limit=15), nav="overview")


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter),
           sort: SortName = Query("date"), order: OrderName = Query("desc"),
           limit: int = Query(50, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0, le=1_000_000)):
    total, rows = Q.events(reader, flt, sort=sort, order=order, limit=limit, offset=offset)
    query = flt.as_query()
    return page("events.html", request, rows=rows, total=total, flt=flt, query=query, sort=sort, order=order,
                limit=limit, offset=offset, types=Q.event_types(reader), sorts=list(Q.SORTS), nav="events")


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, reader: Reader = Depends(db),
           q: str | None = Query(None, max_length=200), country: str | None = Query(None, pattern=ISO3),
           offset: int = Query(0, ge=0, le=1_000_000)):
    total, rows = Q.actors(reader, q=q or None, country=country or None, limit=50, offset=offset)
    return page("actors.html", request, rows=rows, total=total, q=q or "", country=country or "",
                offset=offset, nav="actors")


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor(request: Request, key: str = Path(..., max_length=200), reader: Reader = Depends(db),
          since: str | None = Query(None, pattern=DAY), until: str | None = Query(None, pattern=DAY)):
    prof = Q.actor(reader, key, since=parse_day(since, "since"), until=parse_day(until, "until"))
    if prof is None:
        raise HTTPException(404, f"no actor {key!r} in any event")
    _, recent = Q.events(reader, EventFilter(actor=key), limit=20)
    return page("actor.html", request, prof=prof, recent=recent, data={"timeline": prof["timeline"]},
                nav="actors")


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter),
            max_nodes: int = Query(40, ge=2, le=150)):
    net = Q.network(reader, flt, max_nodes=max_nodes)
    pos = spring_layout([n["key"] for n in net["nodes"]], [(e["source"], e["target"], e["n"]) for e in net["edges"]])
    for n in net["nodes"]:
        n["x"], n["y"] = pos[n["key"]]
    return page("network.html", request, net=net, data=net, flt=flt, types=Q.event_types(reader),
                max_nodes=max_nodes, nav="network")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter)):
    pts = Q.points(reader, flt)
    return page("map.html", request, data={"points": pts}, n=sum(p["n"] for p in pts), places=len(pts), flt=flt,
                types=Q.event_types(reader), nav="map")


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, reader: Reader = Depends(db), q: str | None = Query(None, max_length=200),
             offset: int = Query(0, ge=0, le=1_000_000)):
    total, rows = Q.articles(reader, q=q or None, limit=50, offset=offset)
    return page("articles.html", request, rows=rows, total=total, q=q or "", offset=offset, nav="articles")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str = Path(..., max_length=300), reader: Reader = Depends(db)):
    art = Q.article(reader, article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    body = render(art["text"] or "", marks_for(art))
    return page("article.html", request, art=art, body=body, nav="articles")


@router.get("/corpus-events", response_class=HTMLResponse)
def corpus_events(request: Request, reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter),
                  sort: str = Query("mentions", pattern="^(" + "|".join(Q.CORPUS_SORTS) + ")$"),
                  order: OrderName = Query("desc"), offset: int = Query(0, ge=0, le=1_000_000)):
    if not Q.has_corpus(reader):
        raise HTTPException(404, "this database has no corpus events yet (process articles with this warta)")
    total, rows = Q.corpus_events(reader, flt, sort=sort, order=order, limit=50, offset=offset)
    return page("corpus_events.html", request, rows=rows, total=total, flt=flt, query=flt.as_query(), sort=sort,
                order=order, limit=50, offset=offset, types=Q.event_types(reader), nav="corpus-events")


@router.get("/corpus-events/{event_id}", response_class=HTMLResponse)
def corpus_event(request: Request, event_id: int = Path(..., ge=-(2**63), le=2**63 - 1),
                 reader: Reader = Depends(db)):
    ev = Q.corpus_event(reader, event_id) if Q.has_corpus(reader) else None
    if ev is None:
        raise HTTPException(404, f"no corpus event {event_id}")
    return page("corpus_event.html", request, ev=ev, nav="corpus-events")
