"""The server's queries. Every value a user sends travels as a ``?`` parameter; the only parts of
the SQL chosen from a request are names picked from fixed whitelists (sort columns, series)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from warta.store import filters as _filters
from warta.web.reader import Reader

ACTOR_STRUCT = ('[{"text":"VARCHAR","start":"INTEGER","end":"INTEGER","entity_id":"VARCHAR","name":"VARCHAR",'
                '"country":"VARCHAR","org":"VARCHAR","sector":"VARCHAR"}]')

# An actor's key: its KB id when linked, else its CAMEO-style code (country or organisation +
# sector: IDNGOV, UNGOV), else its words.
ACTOR_KEY = ("coalesce(a.entity_id, nullif(coalesce(a.country, a.org, '') || coalesce(a.sector, ''), ''), "
             "'text:' || lower(a.text))")
ACTOR_LABEL = "coalesce(a.name, a.text)"

DAY = "coalesce(TRY_CAST(e.event_date AS DATE), e.pub_date)"
# the first and last day an event date covers, as `warta events` reads them (warta.store.filters)
FIRST_DAY = f"coalesce({_filters.DATE_FROM.replace('event_date', 'e.event_date')}, e.pub_date)"
LAST_DAY = f"coalesce({_filters.DATE_TO.replace('event_date', 'e.event_date')}, e.pub_date)"

# One row per actor of each event and its role; the server derives it once per data version
# (Reader.derived) and registers it as the table ``roles`` on every cursor.
ROLES_SQL = f"""
    SELECT article_id, idx, role, {ACTOR_KEY} AS key, {ACTOR_LABEL} AS label,
           a.country AS country, a.org AS org, a.sector AS sector, a.entity_id AS entity_id
    FROM (SELECT article_id, idx, 'source' AS role, unnest(from_json(source, '{ACTOR_STRUCT}')) AS a FROM events
          UNION ALL
          SELECT article_id, idx, 'target' AS role, unnest(from_json(target, '{ACTOR_STRUCT}')) AS a FROM events)
"""
DERIVED = {"roles": ROLES_SQL}

SORTS = {  # public name -> SQL (a whitelist: a request names one of these keys, nothing else)
    "date": DAY,
    "type": "e.event_type",
    "quad_class": "e.quad_class",
    "goldstein": "e.goldstein",
    "confidence": "e.confidence",
    "modality": "e.modality",
    "article": "e.article_id",
}

EVENT_COLUMNS = (f"e.article_id, e.idx, {DAY} AS day, e.event_type, e.mode, e.cameo, e.goldstein, e.quad_class, "
                 "e.modality, e.source, e.target, e.location, e.location_country, e.trigger_text, "
                 "e.trigger_start, e.trigger_end, e.evidence_text, e.evidence_start, e.evidence_end, "
                 "e.confidence, e.event_date, e.event_date_text, e.pub_date, e.quote, e.reported_by")

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass
class EventFilter:
    country: str | None = None
    actor: str | None = None
    type: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    since: date | None = None
    until: date | None = None
    q: str | None = None
    article_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """``WHERE ...`` over ``events e`` (empty when no filter) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.country:
            clauses.append("(list_contains(e.source_countries, ?) OR list_contains(e.target_countries, ?) "
                           "OR e.location_country = ?)")
            params += [self.country.upper()] * 3
        if self.actor:
            clauses.append("EXISTS (SELECT 1 FROM roles r WHERE r.article_id = e.article_id AND r.idx = e.idx "
                           "AND r.key = ?)")
            params.append(self.actor)
        if self.type:
            clauses.append("upper(e.event_type) = upper(?)")
            params.append(self.type)
        if self.quad_class:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality)
        if self.since:  # a partial event date (2025-06, 2025-W25) counts by the days it covers
            clauses.append(f"{LAST_DAY} >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{FIRST_DAY} <= ?")
            params.append(self.until)
        if self.q:
            clauses.append("(contains(lower(e.evidence_text), lower(?)) OR contains(lower(e.source), lower(?)) "
                           "OR contains(lower(e.target), lower(?)))")
            params += [self.q] * 3
        if self.article_id:
            clauses.append("e.article_id = ?")
            params.append(self.article_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def as_query(self) -> dict[str, str]:
        """The filter as URL query parameters (for links and downloads)."""
        out = {}
        for k, v in self.__dict__.items():
            if v not in (None, ""):
                out[k] = v.isoformat() if isinstance(v, date) else str(v)
        return out


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for k in ("source", "target", "location", "reported_by"):
        if isinstance(row.get(k), str):
            row[k] = json.loads(row[k])
    return row


def event_id(row: dict[str, Any]) -> str:
    return f"{row['article_id']}/{row['idx']}"


# -- events ----------------------------------------------------------------------------------------
def events(db: Reader, flt: EventFilter, *, sort: str = "date", order: str = "desc", limit: int = 50,
           offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    where, params = flt.where()
    direction = "DESC" if order == "desc" else "ASC"
    order_sql = f"{SORTS[sort]} {direction} NULLS LAST, e.article_id, e.idx"
    total = db.query(f"SELECT count(*) AS n FROM events e{where}", params)[0]["n"]
    rows = db.query(f"SELECT {EVENT_COLUMNS}, a.title, a.source AS outlet FROM events e "
                    f"LEFT JOIN articles a ON a.id = e.article_id{where} ORDER BY {order_sql} LIMIT ? OFFSET ?",
                    params + [limit, offset])
    return total, [_decode(r) for r in rows]


def export_sql(flt: EventFilter, *, sort: str = "date", order: str = "desc", limit: int) -> tuple[str, list]:
    """The flat table a download of the current filter holds (actors as JSON text)."""
    where, params = flt.where()
    direction = "DESC" if order == "desc" else "ASC"
    sql = (f"SELECT e.article_id, e.idx, {DAY} AS day, e.event_type, e.mode, e.cameo, e.goldstein, "
           "e.quad_class, e.modality, e.source, e.target, e.location_country, e.location, e.trigger_text, "
           "e.evidence_text, e.confidence, e.event_date, e.pub_date, a.source AS outlet, a.url, a.title "
           f"FROM events e LEFT JOIN articles a ON a.id = e.article_id{where} "
           f"ORDER BY {SORTS[sort]} {direction} NULLS LAST, e.article_id, e.idx LIMIT ?")
    return sql, params + [limit]


def event(db: Reader, article_id: str, idx: int) -> dict[str, Any] | None:
    rows = db.query(f"SELECT {EVENT_COLUMNS}, a.title, a.source AS outlet, a.url, a.lang FROM events e "
                    "LEFT JOIN articles a ON a.id = e.article_id WHERE e.article_id = ? AND e.idx = ?",
                    [article_id, idx])
    if not rows:
        return None
    ev = _decode(rows[0])
    ev["mentions"] = db.query(
        'SELECT idx, start, "end", text, entity_id, name, country, org, sector, role, kind, score FROM mentions '
        'WHERE article_id = ? AND start >= ? AND "end" <= ? ORDER BY start, idx',
        [article_id, ev["evidence_start"] or 0, ev["evidence_end"] or 0])
    return ev


# -- articles --------------------------------------------------------------------------------------
def articles(db: Reader, *, q: str | None = None, lang: str | None = None, status: str | None = None,
             since: date | None = None, until: date | None = None, limit: int = 50,
             offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    clauses, params = [], []
    if q:
        clauses.append("(contains(lower(coalesce(title, '')), lower(?)) OR contains(lower(text), lower(?)))")
        params += [q, q]
    if lang:
        clauses.append("lang = ?")
        params.append(lang)
    if status:
        clauses.append("status = ?")
        params.append(status)
    if since:
        clauses.append("pub_date >= ?")
        params.append(since)
    if until:
        clauses.append("pub_date <= ?")
        params.append(until)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = db.query(f"SELECT count(*) AS n FROM articles{where}", params)[0]["n"]
    rows = db.query("SELECT id, title, url, source, pub_date, lang, status, n_mentions, n_events, n_quotes, "
                    f"duplicate_of, near_duplicate_of, left(text, 160) AS snippet FROM articles{where} "
                    "ORDER BY pub_date DESC NULLS LAST, id LIMIT ? OFFSET ?", params + [limit, offset])
    return total, rows


def article(db: Reader, article_id: str) -> dict[str, Any] | None:
    rows = db.query("SELECT id, title, url, source, published, pub_date, lang, place, origin, text, status, "
                    "skip_reason, duplicate_of, near_duplicate_of, n_mentions, n_events, n_quotes "
                    "FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    art = rows[0]
    art["mentions"] = db.query('SELECT idx, start, "end", text, entity_id, name, country, org, sector, role, '
                               "kind, score FROM mentions WHERE article_id = ? ORDER BY start, idx", [article_id])
    art["events"] = [_decode(r) for r in db.query(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.article_id = ? ORDER BY e.idx", [article_id])]
    art["quotes"] = db.query('SELECT idx, start, "end", text, speaker, sentence_index FROM quotes '
                             "WHERE article_id = ? ORDER BY start", [article_id])
    art["tone"] = article_tone(db, article_id)
    for qt in art["quotes"]:
        if isinstance(qt.get("speaker"), str):
            qt["speaker"] = json.loads(qt["speaker"])
    return art


# -- actors ----------------------------------------------------------------------------------------
def actors(db: Reader, *, q: str | None = None, country: str | None = None, limit: int = 50,
           offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    clauses, params = [], []
    if q:
        clauses.append("(contains(lower(label), lower(?)) OR contains(lower(key), lower(?)))")
        params += [q, q]
    if country:
        clauses.append("country = ?")
        params.append(country.upper())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    base = ("WITH agg AS (SELECT key, mode(label) AS label, max(country) AS country, "
            "max(org) AS org, max(sector) AS sector, count(DISTINCT (article_id, idx)) AS events, "
            "count(*) FILTER (WHERE role = 'source') AS as_source, "
            "count(*) FILTER (WHERE role = 'target') AS as_target FROM roles GROUP BY key) ")
    total = db.query(base + f"SELECT count(*) AS n FROM agg{where}", params)[0]["n"]
    rows = db.query(base + f"SELECT * FROM agg{where} ORDER BY events DESC, key LIMIT ? OFFSET ?",
                    params + [limit, offset])
    return total, rows


def actor(db: Reader, key: str, *, since: date | None = None, until: date | None = None) -> dict[str, Any] | None:
    span, params = "", [key]
    if since:
        span += f" AND {DAY} >= ?"
        params.append(since)
    if until:
        span += f" AND {DAY} <= ?"
        params.append(until)
    base = (f"WITH mine AS (SELECT r.*, e.event_type, e.quad_class, e.goldstein, {DAY} AS day "
            "FROM roles r JOIN events e ON e.article_id = r.article_id AND e.idx = r.idx "
            f"WHERE r.key = ?{span}) ")
    prof = db.query(base + "SELECT mode(label) AS label, max(country) AS country, max(org) AS org, "
                    "max(sector) AS sector, max(entity_id) AS entity_id, count(*) AS roles, "
                    "count(DISTINCT (article_id, idx)) AS events, "
                    "count(*) FILTER (WHERE role = 'source') AS as_source, "
                    "count(*) FILTER (WHERE role = 'target') AS as_target, min(day) AS first, max(day) AS last "
                    "FROM mine", params)[0]
    if not prof["roles"]:
        return None
    prof["key"] = key
    prof["by_type"] = db.query(base + "SELECT event_type, role, count(*) AS n FROM mine GROUP BY ALL "
                               "ORDER BY n DESC, event_type, role", params)
    prof["timeline"] = db.query(base + "SELECT day, quad_class, count(*) AS n FROM mine WHERE day IS NOT NULL "
                                "GROUP BY ALL ORDER BY day, quad_class", params)
    prof["partners"] = db.query(
        base + "SELECT o.key, mode(o.label) AS label, count(*) AS n, "
        "count(*) FILTER (WHERE m.role = 'source') AS as_target_of_me, "
        "count(*) FILTER (WHERE m.role = 'target') AS as_source_to_me, "
        "sum(m.goldstein) AS goldstein FROM mine m JOIN roles o ON o.article_id = m.article_id "
        "AND o.idx = m.idx AND o.role <> m.role AND o.key <> m.key GROUP BY o.key ORDER BY n DESC, o.key LIMIT 25",
        params)
    return prof


# -- aggregates ------------------------------------------------------------------------------------
def network(db: Reader, flt: EventFilter, *, max_nodes: int = 60) -> dict[str, Any]:
    where, params = flt.where()
    edges = db.query(
        f"WITH ev AS (SELECT e.article_id, e.idx, e.quad_class, e.goldstein FROM events e{where}) "
        "SELECT s.key AS source, t.key AS target, mode(s.label) AS source_label, mode(t.label) AS target_label, "
        "count(*) AS n, sum(ev.goldstein) AS goldstein, "
        "count(*) FILTER (WHERE ev.quad_class = 1) AS q1, count(*) FILTER (WHERE ev.quad_class = 2) AS q2, "
        "count(*) FILTER (WHERE ev.quad_class = 3) AS q3, count(*) FILTER (WHERE ev.quad_class = 4) AS q4 "
        "FROM ev JOIN roles s ON s.article_id = ev.article_id AND s.idx = ev.idx AND s.role = 'source' "
        "JOIN roles t ON t.article_id = ev.article_id AND t.idx = ev.idx AND t.role = 'target' "
        "WHERE s.key <> t.key GROUP BY s.key, t.key ORDER BY n DESC, s.key, t.key LIMIT 2000", params)
    degree: dict[str, int] = {}
    labels: dict[str, str] = {}
    for e in edges:
        for end in ("source", "target"):
            degree[e[end]] = degree.get(e[end], 0) + e["n"]
            labels[e[end]] = e[f"{end}_label"]
    keep = set(sorted(degree, key=lambda k: (-degree[k], k))[:max_nodes])
    nodes = [{"key": k, "label": _node_label(labels[k], k), "weight": degree[k]}
             for k in sorted(keep, key=lambda k: -degree[k])]
    kept = [e for e in edges if e["source"] in keep and e["target"] in keep]
    return {"nodes": nodes, "edges": kept}


def _node_label(label: str | None, key: str) -> str:
    """An actor's name, with its code when the key is a code (Indonesia IDNGOV vs Indonesia IDNMIL)."""
    label = label or key
    if ":" not in key and key.upper() != label.upper():
        return f"{label} ({key})"
    return label


def timeline(db: Reader, flt: EventFilter, *, by: str = "quad_class") -> list[dict[str, Any]]:
    series = {"quad_class": "e.quad_class", "type": "e.event_type", "modality": "e.modality"}[by]
    where, params = flt.where()
    where = (where + " AND " if where else " WHERE ") + f"{DAY} IS NOT NULL"
    return db.query(f"SELECT {DAY} AS day, {series} AS series, count(*) AS n, "
                    f"sum(e.goldstein) AS goldstein FROM events e{where} GROUP BY ALL ORDER BY day, series", params)


def dyads(db: Reader, flt: EventFilter, *, limit: int = 15) -> list[dict[str, Any]]:
    return network(db, flt, max_nodes=10_000)["edges"][:limit]


def points(db: Reader, flt: EventFilter, *, limit: int = 5000) -> list[dict[str, Any]]:
    where, params = flt.where()
    where = (where + " AND " if where else " WHERE ") + "e.location IS NOT NULL"
    rows = db.query(
        f"SELECT TRY_CAST(json_extract(e.location, '$.lat') AS DOUBLE) AS lat, "
        "TRY_CAST(json_extract(e.location, '$.lon') AS DOUBLE) AS lon, "
        "json_extract_string(e.location, '$.name') AS place, e.quad_class, count(*) AS n, "
        "min(e.article_id) AS article_id, string_agg(DISTINCT e.event_type, ', ') AS types "
        f"FROM events e{where} GROUP BY ALL HAVING lat IS NOT NULL AND lon IS NOT NULL "
        "ORDER BY n DESC LIMIT ?", params + [limit])
    return rows


def stats(db: Reader) -> dict[str, Any]:
    counts = db.query("SELECT (SELECT count(*) FROM articles) AS articles, "
                      "(SELECT count(*) FROM articles WHERE status = 'coded') AS coded, "
                      "(SELECT count(*) FROM mentions) AS mentions, (SELECT count(*) FROM events) AS events, "
                      "(SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM ingest_errors) AS ingest_errors, "
                      "(SELECT min(pub_date) FROM articles) AS first_published, "
                      "(SELECT max(pub_date) FROM articles) AS last_published")[0]
    counts["corpus_events"] = (db.query("SELECT count(*) AS n FROM corpus_events")[0]["n"]
                               if has_corpus(db) else None)
    counts["by_quad_class"] = db.query("SELECT quad_class, count(*) AS n FROM events GROUP BY ALL ORDER BY 1")
    counts["by_type"] = db.query("SELECT event_type, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, 1")
    counts["by_modality"] = db.query("SELECT modality, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, 1")
    counts["by_lang"] = db.query("SELECT lang, count(*) AS n FROM articles GROUP BY ALL ORDER BY n DESC, 1")
    return counts


def event_types(db: Reader) -> list[str]:
    return [r["event_type"] for r in db.query("SELECT DISTINCT event_type FROM events WHERE event_type "
                                              "IS NOT NULL ORDER BY 1")]


# -- corpus events (aggregated across articles; tables of migration 3, see warta.store.aggregate) --
CORPUS_SORTS = {
    "date": "c.event_date",
    "mentions": "c.n_mentions",
    "sources": "c.n_sources",
    "articles": "c.n_articles",
    "goldstein": "c.goldstein",
    "tone": "c.tone",
    "confidence": "c.mean_confidence",
    "type": "c.event_type",
}

CORPUS_COLUMNS = ("c.event_id, c.event_type, c.mode, c.cameo, c.goldstein, c.quad_class, c.source, c.target, "
                  "c.event_date, c.date_known, c.location, c.location_country, c.modality, c.modalities, "
                  "c.n_mentions, c.n_sources, c.n_articles, c.first_seen, c.last_seen, c.mean_confidence, c.tone, "
                  "c.first_article_id, c.first_url, c.date_added")


def has_corpus(db: Reader) -> bool:
    return "corpus_events" in db.tables()


def _corpus_where(flt: EventFilter) -> tuple[str, list[Any]]:
    from warta.store.filters import EventFilter as StoreFilter

    sf = StoreFilter(country=flt.country, actor=flt.actor, event_types=(flt.type,) if flt.type else (),
                     quads=(flt.quad_class,) if flt.quad_class else (), modality=flt.modality,
                     since=flt.since, until=flt.until)
    where, params = sf.sql("corpus_events", alias="c.")
    if flt.q:
        where += " AND (contains(lower(c.source), lower(?)) OR contains(lower(c.target), lower(?)))"
        params += [flt.q, flt.q]
    if flt.article_id:
        where += " AND c.event_id IN (SELECT m.event_id FROM event_mentions m WHERE m.article_id = ?)"
        params.append(flt.article_id)
    return " WHERE " + where, params


def corpus_events(db: Reader, flt: EventFilter, *, sort: str = "date", order: str = "desc", limit: int = 50,
                  offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    where, params = _corpus_where(flt)
    direction = "DESC" if order == "desc" else "ASC"
    total = db.query(f"SELECT count(*) AS n FROM corpus_events c{where}", params)[0]["n"]
    rows = db.query(f"SELECT {CORPUS_COLUMNS} FROM corpus_events c{where} "
                    f"ORDER BY {CORPUS_SORTS[sort]} {direction} NULLS LAST, c.event_id LIMIT ? OFFSET ?",
                    params + [limit, offset])
    return total, [_decode(r) for r in rows]


def corpus_event(db: Reader, event_id: int) -> dict[str, Any] | None:
    rows = db.query(f"SELECT {CORPUS_COLUMNS} FROM corpus_events c WHERE c.event_id = ?", [event_id])
    if not rows:
        return None
    ev = _decode(rows[0])
    ev["mentions"] = [_decode(r) for r in db.query(
        "SELECT m.article_id, m.idx, e.event_type, e.modality, e.trigger_text, e.evidence_text, e.confidence, "
        "e.event_date, e.source, e.target, a.title, a.source AS outlet, a.url, a.pub_date "
        "FROM event_mentions m JOIN events e ON e.article_id = m.article_id AND e.idx = m.idx "
        "LEFT JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? "
        "ORDER BY a.pub_date, m.article_id, m.idx", [event_id])]
    return ev


def article_tone(db: Reader, article_id: str) -> dict[str, Any] | None:
    if "article_tone" not in db.tables():
        return None
    rows = db.query("SELECT tone, positive, negative, polarity, n_words, lexicon FROM article_tone "
                    "WHERE article_id = ?", [article_id])
    return rows[0] if rows else None


def country_pairs(db: Reader, *, limit: int = 50) -> list[dict[str, Any]] | None:
    """Source-country -> target-country summaries of corpus events (the ``country_pairs`` view)."""
    if "country_pairs" not in db.tables():
        return None
    return db.query("SELECT * FROM country_pairs ORDER BY n_events DESC, source_country, target_country LIMIT ?",
                    [limit])
