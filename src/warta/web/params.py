"""Request parameters: validated, with limits, shared by the API and the pages.

HTML forms send empty fields as ``name=``; every optional filter therefore accepts an empty
value as "no filter", and anything else must match its pattern (else HTTP 422 naming it).
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import HTTPException, Query

from warta.model import MODALITIES
from warta.store import filters as checks
from warta.web.queries import SORTS, EventFilter

MAX_PAGE = 200  # rows per page, API and pages
MAX_OFFSET = 1_000_000
MAX_DOWNLOAD = 100_000  # rows in one CSV/Parquet download

ISO3 = r"^([A-Za-z]{3})?$"
DAY = r"^(\d{4}-\d{2}-\d{2})?$"
TYPE = r"^([A-Za-z_]{1,40})?$"


def parse_day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name} must be a real date written YYYY-MM-DD; got {value!r}") from None


def event_filter(
    country: str | None = Query(None, max_length=60, description="Country of a source, target or place: "
                                "ISO 3166-1 alpha-3 code (IDN, USA) or a name in English or Indonesian."),
    actor: str | None = Query(None, max_length=200, description="Actor key, as /api/actors lists it "
                              "(per:prabowo-subianto, IDNGOV)."),
    type: str | None = Query(None, pattern=TYPE, description="PLOVER event type (CONSULT, PROTEST)."),
    quad_class: str | None = Query(None, pattern=r"^[1-4]?$", description="1 verbal cooperation, 2 material "
                                   "cooperation, 3 verbal conflict, 4 material conflict."),
    modality: str | None = Query(None, pattern="^(" + "|".join(MODALITIES) + ")?$"),
    since: str | None = Query(None, pattern=DAY, description="Events on or after YYYY-MM-DD (event date, "
                              "else publication date)."),
    until: str | None = Query(None, pattern=DAY, description="Events on or before YYYY-MM-DD."),
    q: str | None = Query(None, max_length=200, description="Words in the event's sentence or actors."),
    article_id: str | None = Query(None, max_length=300),
) -> EventFilter:
    flt = EventFilter(
        country=_known(checks.country, country, "country"), actor=actor or None,
        type=_known(checks.event_type, type, "type"),
        quad_class=int(quad_class) if quad_class else None, modality=modality or None,
        since=parse_day(since, "since"), until=parse_day(until, "until"), q=(q or "").strip() or None,
        article_id=article_id or None)
    if flt.since and flt.until and flt.since > flt.until:
        raise HTTPException(422, "since must be on or before until")
    return flt


def _known(check, value: str | None, name: str) -> str | None:
    """``value`` checked against the known choices (PLOVER types, ISO codes): 422 listing them."""
    if not value:
        return None
    try:
        return check(value)
    except checks.BadValue as exc:
        raise HTTPException(422, f"{name}: {exc}") from None


class Page:
    def __init__(self, limit: int, offset: int):
        self.limit = limit
        self.offset = offset


def page(limit: int = Query(50, ge=1, le=MAX_PAGE, description=f"Rows per page, at most {MAX_PAGE}."),
         offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")) -> Page:
    return Page(limit, offset)


SortName = Literal[tuple(SORTS)]  # type: ignore[valid-type]
OrderName = Literal["asc", "desc"]
