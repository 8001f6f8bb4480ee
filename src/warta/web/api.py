"""The JSON API (``/api/...``), documented at ``/docs`` (OpenAPI at ``/openapi.json``)."""
from __future__ import annotations

import io
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from warta.web import queries as Q
from warta.web.params import (DAY, ISO3, MAX_DOWNLOAD, OrderName, Page, SortName, event_filter, page,
                              parse_day)
from warta.web.queries import EventFilter
from warta.web.reader import Reader

router = APIRouter(prefix="/api")


def db(request: Request) -> Reader:
    return request.app.state.reader


def _page(total: int, pg: Page, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": total, "limit": pg.limit, "offset": pg.offset, "items": items}


@router.get("/health", tags=["meta"], summary="Liveness and database reachability (no token needed)")
def health(reader: Reader = Depends(db)) -> dict[str, Any]:
    n = reader.query("SELECT count(*) AS n FROM articles")[0]["n"]
    return {"status": "ok", "articles": n}


@router.get("/stats", tags=["meta"], summary="Counts: articles, mentions, events; by quad class, type, language")
def stats(reader: Reader = Depends(db)) -> dict[str, Any]:
    return Q.stats(reader)


@router.get("/articles", tags=["articles"], summary="Stored articles, newest first")
def articles(reader: Reader = Depends(db), pg: Page = Depends(page),
             q: str | None = Query(None, max_length=200, description="Words in the title or text."),
             lang: str | None = Query(None, pattern=r"^([a-z]{2,3})?$"),
             status: str | None = Query(None, pattern=r"^(coded|skipped|duplicate)?$"),
             since: str | None = Query(None, pattern=DAY), until: str | None = Query(None, pattern=DAY)):
    total, rows = Q.articles(reader, q=q or None, lang=lang or None, status=status or None,
                             since=parse_day(since, "since"), until=parse_day(until, "until"),
                             limit=pg.limit, offset=pg.offset)
    return _page(total, pg, rows)


@router.get("/articles/{article_id:path}", tags=["articles"],
            summary="One article: cleaned text, actor mentions, events and quotes with their offsets")
def article(article_id: str = Path(..., max_length=300), reader: Reader = Depends(db)):
    art = Q.article(reader, article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return art


@router.get("/events", tags=["events"], summary="Coded events, filtered, sorted and paginated")
def events(reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter), pg: Page = Depends(page),
           sort: SortName = Query("date"), order: OrderName = Query("desc")):
    total, rows = Q.events(reader, flt, sort=sort, order=order, limit=pg.limit, offset=pg.offset)
    for r in rows:
        r["id"] = Q.event_id(r)
    return _page(total, pg, rows)


@router.get("/events.csv", tags=["events"], summary=f"The current filter as CSV (at most {MAX_DOWNLOAD} rows)")
def events_csv(reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter),
               sort: SortName = Query("date"), order: OrderName = Query("desc")):
    import pyarrow.csv as pacsv

    sql, params = Q.export_sql(flt, sort=sort, order=order, limit=MAX_DOWNLOAD)
    table = reader.arrow(sql, params)
    buf = io.BytesIO()
    pacsv.write_csv(table, buf)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="warta-events.csv"'})


@router.get("/events.parquet", tags=["events"],
            summary=f"The current filter as Parquet (at most {MAX_DOWNLOAD} rows)")
def events_parquet(reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter),
                   sort: SortName = Query("date"), order: OrderName = Query("desc")):
    import pyarrow.parquet as pq

    sql, params = Q.export_sql(flt, sort=sort, order=order, limit=MAX_DOWNLOAD)
    table = reader.arrow(sql, params)
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return Response(buf.getvalue(), media_type="application/vnd.apache.parquet",
                    headers={"Content-Disposition": 'attachment; filename="warta-events.parquet"'})


@router.get("/events/{article_id:path}/{idx}", tags=["events"],
            summary="One event (article id and index) with the actor mentions of its sentence")
def event(article_id: str = Path(..., max_length=300), idx: int = Path(..., ge=0, le=1_000_000),
          reader: Reader = Depends(db)):
    ev = Q.event(reader, article_id, idx)
    if ev is None:
        raise HTTPException(404, f"no event {idx} in article {article_id!r}")
    ev["id"] = Q.event_id(ev)
    return ev


@router.get("/actors", tags=["actors"], summary="Actors in events (as source or target), most active first")
def actors(reader: Reader = Depends(db), pg: Page = Depends(page),
           q: str | None = Query(None, max_length=200, description="Words in the actor's name or key."),
           country: str | None = Query(None, pattern=ISO3)):
    total, rows = Q.actors(reader, q=q or None, country=country or None, limit=pg.limit, offset=pg.offset)
    return _page(total, pg, rows)


@router.get("/actors/{key:path}", tags=["actors"],
            summary="One actor: profile, events by type and role, timeline, partners")
def actor(key: str = Path(..., max_length=200), reader: Reader = Depends(db),
          since: str | None = Query(None, pattern=DAY), until: str | None = Query(None, pattern=DAY)):
    prof = Q.actor(reader, key, since=parse_day(since, "since"), until=parse_day(until, "until"))
    if prof is None:
        raise HTTPException(404, f"no actor {key!r} in any event")
    return prof


@router.get("/network", tags=["actors"], summary="Actor network: who acted on whom, edge counts by quad class")
def network(reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter),
            max_nodes: int = Query(60, ge=2, le=300)):
    return Q.network(reader, flt, max_nodes=max_nodes)


@router.get("/dyads", tags=["actors"], summary="Most frequent source-target pairs")
def dyads(reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter),
          limit: int = Query(15, ge=1, le=200)):
    return Q.dyads(reader, flt, limit=limit)


@router.get("/timeline", tags=["events"], summary="Events per day, by quad class, type or modality")
def timeline(reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter),
             by: str = Query("quad_class", pattern=r"^(quad_class|type|modality)$")):
    return Q.timeline(reader, flt, by=by)


@router.get("/points", tags=["events"], summary="Event places with coordinates, counted by quad class")
def points(reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter),
           limit: int = Query(5000, ge=1, le=20_000)):
    return Q.points(reader, flt, limit=limit)


CorpusSort = Literal[tuple(Q.CORPUS_SORTS)]  # type: ignore[valid-type]


@router.get("/corpus-events", tags=["corpus events"],
            summary="Events aggregated across articles (one per real-world act), filtered, sorted, paginated")
def corpus_events(reader: Reader = Depends(db), flt: EventFilter = Depends(event_filter), pg: Page = Depends(page),
                  sort: CorpusSort = Query("date"), order: OrderName = Query("desc")):
    if not Q.has_corpus(reader):
        raise HTTPException(404, "this database has no corpus events yet (process articles with this warta)")
    total, rows = Q.corpus_events(reader, flt, sort=sort, order=order, limit=pg.limit, offset=pg.offset)
    return _page(total, pg, rows)


@router.get("/corpus-events/{event_id}", tags=["corpus events"],
            summary="One aggregated event with every mention (article, sentence) that reports it")
def corpus_event(event_id: int = Path(..., ge=-(2**63), le=2**63 - 1), reader: Reader = Depends(db)):
    ev = Q.corpus_event(reader, event_id) if Q.has_corpus(reader) else None
    if ev is None:
        raise HTTPException(404, f"no corpus event {event_id}")
    return ev


@router.get("/country-pairs", tags=["corpus events"],
            summary="Source country -> target country: corpus events by quad class, Goldstein, tone")
def country_pairs(reader: Reader = Depends(db), limit: int = Query(50, ge=1, le=200)):
    rows = Q.country_pairs(reader, limit=limit)
    if rows is None:
        raise HTTPException(404, "this database has no corpus events yet (process articles with this warta)")
    return rows
