"""Corpus events: the mentions that report the same act, aggregated across articles.

A *mention* is a row of ``events`` (one coded event in one sentence). Mentions become one
*corpus event* (a row of ``corpus_events``) when they share

* the **dyad**: PLOVER type, the source actors' keys and the target actors' keys
  (:func:`actor_key`: the KB entity of a person or organisation, else the CAMEO-style code
  ``IDNGOV``, else the lower-cased name), and
* the **date**: the same full event date; a mention without one joins the dated event of its
  dyad that happened 0..``WINDOW_DAYS`` days before its publication (the latest such), and
  mentions with no date and no such event are chained by publication date (a new event starts
  when a report comes more than ``WINDOW_DAYS`` after the chain's first), and
* the **place**, where known: mentions with a named place (city, province, site) split by it;
  those with only a country or no place join the largest named-place group of the same (or any)
  country, else group by country.

Mentions with neither source nor target actors are events of their own. Mentions too generic to
match across articles (:func:`_anchored`: no named person or organisation, and either only generic
actors, :func:`is_specific`, such as "polisi" -> "tersangka", or one country with no other side and
no named place) group only within their article: many different acts share such a dyad on any day.

The grouping of one dyad is a function of its set of mentions only, so :func:`update`, which
recomputes just the dyads that new mentions touch, gives the same tables as :func:`rebuild`.
It runs inside :meth:`warta.store.Store.write_batch`'s transaction.

Tables (migration 3 of :mod:`warta.store.schema`):

``corpus_events``
    ``event_id`` (BIGINT, stable: a hash of dyad, date and place), ``dyad_key``, ``event_type``,
    ``mode``, ``cameo`` (the most frequent code of its mentions), ``goldstein``, ``quad_class``,
    ``source_key``/``target_key`` (actor keys joined by ``+``, ``''`` when none), ``source``/``target``
    (JSON lists of actors: key, code, entity_id, name, country, org, sector, text),
    ``source_countries``/``target_countries``, ``event_date`` (DATE), ``date_known``,
    ``place_key``, ``location`` (JSON), ``location_country``, ``modality`` (``asserted`` when any
    mention asserts it, else the most frequent), ``modalities`` (all seen), ``n_mentions``,
    ``n_sources`` (distinct outlets), ``n_articles``, ``first_seen``/``last_seen`` (UTC
    publication times of the first and last report), ``mean_confidence``, ``tone`` (mean
    :mod:`warta.tone` of the reporting articles), ``first_article_id``, ``first_url``,
    ``root_sentence`` (sentence index of the mention in the first report), ``date_added``.
``event_mentions``
    ``article_id``, ``idx`` (the mention), ``event_id``, ``dyad_key``.
``event_actors``
    ``event_id``, ``role`` (source|target), ``actor_key``, ``code``, ``entity_id``, ``name``,
    ``country``, ``org``, ``sector``: one row per distinct actor of an event.

Views: ``dyad_daily`` (date, source_key, target_key, names, countries, n_events, n_mentions,
``n_q1..n_q4``, ``goldstein_q1..goldstein_q4``, goldstein_sum; actor pairs of one event, self-pairs
left out), ``actor_profile`` (actor_key, name, code, country, role, event_type, quad_class, date,
n_events, n_mentions, goldstein_sum), ``country_pairs`` (source_country, target_country,
n_events, n_mentions, ``n_q1..n_q4``, goldstein_sum, goldstein_mean, tone_mean, first_date,
last_date).
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

import duckdb
import pyarrow as pa

WINDOW_DAYS = 3
SPECIFIC_PLACES = ("city", "place", "admin1", "region", "site")
_MODALITY_ORDER = ("asserted", "future", "hypothetical", "negated")


# -- keys ------------------------------------------------------------------------------------------
def actor_code(a: dict[str, Any]) -> str:
    """CAMEO-style code of an actor: country or organisation code plus sector (``IDNGOV``, ``UNIGO``)."""
    return ((a.get("country") or a.get("org") or "") + (a.get("sector") or "")).upper()


def actor_key(a: dict[str, Any]) -> str:
    """The identity of an actor across articles.

    A person or organisation of the KB is its entity id (``per:prabowo-subianto``); a country or
    an unresolved actor with a country/organisation is its code (``IDN``, ``IDNGOV``: "Pemerintah
    Indonesia" and "Jakarta" as the government are the same actor); anything else its lower-cased
    name (``text:ribuan buruh``).
    """
    eid = a.get("entity_id")
    if eid and not eid.startswith("gpe:"):
        return eid
    code = actor_code(a)
    if code:
        return code
    name = " ".join(str(a.get("name") or a.get("text") or "").casefold().split())
    return f"text:{name}" if name else "text:?"


def is_specific(a: dict[str, Any]) -> bool:
    """Whether an actor names one party: a person or organisation of the KB, a named country (with or
    without a sector: "Israel", "Tel Aviv" for its government), or a state or organisation code with
    no sector. Unresolved sector actors ("polisi", "pelaku", "warga", "pemerintah") are generic:
    many different acts on one day share them."""
    eid = a.get("entity_id")
    if eid:
        return True
    return bool(a.get("country") or a.get("org")) and not a.get("sector")


def side_key(actors: list[dict[str, Any]] | None) -> str:
    return "+".join(sorted({actor_key(a) for a in actors or []}))


def _place(loc: dict[str, Any] | None) -> tuple[str | None, str | None]:
    """``(country, specific place)`` of a location; the place only for city/province-level ones."""
    if not loc:
        return None, None
    name = loc.get("name") or loc.get("text")
    specific = " ".join(str(name).casefold().split()) if name and loc.get("precision") in SPECIFIC_PLACES else None
    return loc.get("country"), specific


def _day(value: Any) -> date | None:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def publication_time(published: str | None, pub_date: date | None) -> datetime | None:
    """A stored ``published`` value (ISO 8601, maybe with an offset) as naive UTC; else midnight of ``pub_date``."""
    if published:
        try:
            dt = datetime.fromisoformat(published)
        except ValueError:
            dt = None
        if dt is not None:
            if dt.tzinfo is not None:
                dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
            return dt
    if pub_date:
        return datetime(pub_date.year, pub_date.month, pub_date.day)
    return None


# -- mentions ----------------------------------------------------------------------------------------
@dataclass
class _Mention:
    article_id: str
    idx: int
    sentence_index: int | None
    event_type: str
    mode: str | None
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    source: list[dict[str, Any]]
    target: list[dict[str, Any]]
    modality: str | None
    date: date | None
    location: dict[str, Any] | None
    confidence: float | None
    pub: date | None
    outlet: str
    url: str | None
    seen: datetime | None
    ingested: datetime | None
    tone: float | None
    dyad: str = ""

    @property
    def sort_key(self) -> tuple:
        return (self.seen or datetime.max, self.article_id, self.idx)


_MENTION_SQL = """
    SELECT e.article_id, e.idx, e.sentence_index, e.event_type, e.mode, e.cameo, e.goldstein,
           e.quad_class, e.source, e.target, e.modality, e.event_date, e.location, e.confidence,
           e.pub_date, coalesce(a.source, a.url, a.id), a.url, a.published, a.ingested_at, t.tone
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN article_tone t ON t.article_id = e.article_id
"""


def _mention(row: tuple) -> _Mention:
    (aid, idx, sent, etype, mode, cameo, gold, quad, src, tgt, modality, edate, loc, conf, pub,
     outlet, url, published, ingested, tone) = row
    m = _Mention(aid, idx, sent, etype, mode, cameo, gold, quad,
                 json.loads(src) if src else [], json.loads(tgt) if tgt else [], modality, _day(edate),
                 json.loads(loc) if loc else None, conf, pub, outlet, url, publication_time(published, pub), ingested, tone)
    s, t = side_key(m.source), side_key(m.target)
    if not (s or t):
        m.dyad = f"{etype}||@{aid}#{idx}"  # no actors: an event of its own
    elif _anchored(m):
        m.dyad = f"{etype}|{s}|{t}"
    else:
        m.dyad = f"{etype}|{s}|{t}|@{aid}"  # too generic to match other articles: grouped within its own
    return m


def _anchored(m: _Mention) -> bool:
    """Whether a mention is specific enough to be matched with other articles' mentions: it names a
    person or organisation, or it has a specific actor and either another one, both sides or a named
    place.
    "Israel menyerang Iran" and "AS mengirim jet ke Timur Tengah" are; "Indonesia berunding" (one
    country, no recipient, no place) and "polisi menangkap pelaku" are not."""
    actors = m.source + m.target
    if any((a.get("entity_id") or "").split(":")[0] in ("per", "org", "new") for a in actors):
        return True
    specific = {actor_key(a) for a in actors if is_specific(a)}
    if not specific:
        return False
    return len(specific) > 1 or bool(m.source and m.target) or _place(m.location)[1] is not None


# -- grouping -----------------------------------------------------------------------------------------
def _by_date(ms: list[_Mention], window: int) -> list[tuple[date | None, bool, list[_Mention]]]:
    """Split one dyad's mentions into ``(date, date_known, mentions)`` groups."""
    groups: dict[date, list[_Mention]] = defaultdict(list)
    undated: list[_Mention] = []
    for m in ms:
        (groups[m.date] if m.date else undated).append(m)
    dates = sorted(groups)
    leftover = []
    for m in undated:
        near = [d for d in dates if m.pub and 0 <= (m.pub - d).days <= window]
        if near:
            groups[max(near)].append(m)
        else:
            leftover.append(m)
    out: list[tuple[date | None, bool, list[_Mention]]] = [(d, True, groups[d]) for d in dates]
    leftover.sort(key=lambda m: (m.pub or date.min, m.article_id, m.idx))
    chain: list[_Mention] = []
    for m in leftover:
        if chain and (m.pub is None) == (chain[0].pub is None) and (
                m.pub is None or (m.pub - chain[0].pub).days <= window):
            chain.append(m)
            continue
        if chain:
            out.append((chain[0].pub, False, chain))
        chain = [m]
    if chain:
        out.append((chain[0].pub, False, chain))
    return out


def _by_place(ms: list[_Mention]) -> list[tuple[str | None, list[_Mention]]]:
    """Split mentions of one dyad and date by place (see the module docstring)."""
    named: dict[tuple[str | None, str], list[_Mention]] = defaultdict(list)
    vague: list[_Mention] = []
    for m in ms:
        country, place = _place(m.location)
        (named[(country, place)] if place else vague).append(m)
    order = sorted(named, key=lambda k: (-len(named[k]), k[0] or "", k[1]))
    by_country: dict[str | None, list[_Mention]] = defaultdict(list)
    for m in vague:
        country, _ = _place(m.location)
        fit = [k for k in order if country is None or k[0] == country]
        if fit:
            named[fit[0]].append(m)
        else:
            by_country[country].append(m)
    out = [(f"{k[0] or ''}:{k[1]}", v) for k, v in named.items()]
    out += [(f"{c}:" if c else None, v) for c, v in by_country.items()]
    return out


def _event_id(dyad: str, day: date | None, known: bool, place: str | None) -> int:
    h = hashlib.sha1(f"{dyad}|{'d' if known else 'u'}|{day}|{place or ''}".encode()).hexdigest()
    return int(h[:15], 16)


def _actors(ms: list[_Mention], side: str) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for m in sorted(ms, key=lambda m: m.sort_key):
        for a in getattr(m, side):
            k = actor_key(a)
            if k not in seen:
                seen[k] = {"key": k, "code": actor_code(a) or None, "entity_id": a.get("entity_id"),
                           "name": a.get("name") or a.get("text"), "country": a.get("country"),
                           "org": a.get("org"), "sector": a.get("sector"), "text": a.get("text")}
    return list(seen.values())  # in order of first appearance: the first is the primary actor


def _most_common(values: list, default=None):
    c = Counter(v for v in values if v is not None)
    if not c:
        return default
    return min(c, key=lambda v: (-c[v], str(v)))


def _build(dyad: str, day: date | None, known: bool, place: str | None, ms: list[_Mention]) -> dict[str, Any]:
    ms = sorted(ms, key=lambda m: m.sort_key)
    first = ms[0]
    cameo = _most_common([m.cameo for m in ms])
    coded = next((m for m in ms if m.cameo == cameo), first)
    modalities = sorted({m.modality or "asserted" for m in ms},
                        key=lambda x: (_MODALITY_ORDER.index(x) if x in _MODALITY_ORDER else 9, x))
    modality = "asserted" if "asserted" in modalities else _most_common([m.modality for m in ms], "asserted")
    locs = [m for m in ms if m.location]
    spec = [m for m in locs if _place(m.location)[1]]
    loc = (spec or locs or [None])[0]
    location = loc.location if loc else None
    tones = {m.article_id: m.tone for m in ms if m.tone is not None}
    confs = [m.confidence for m in ms if m.confidence is not None]
    source, target = _actors(ms, "source"), _actors(ms, "target")
    seen = [m.seen for m in ms if m.seen]
    added = [m.ingested for m in ms if m.ingested]
    s_key, t_key = side_key(first.source), side_key(first.target)
    first_sents = [m.sentence_index for m in ms if m.article_id == first.article_id and m.sentence_index is not None]
    return {
        "event_id": _event_id(dyad, day, known, place), "dyad_key": dyad,
        "event_type": first.event_type, "mode": coded.mode, "cameo": cameo, "goldstein": coded.goldstein,
        "quad_class": coded.quad_class, "source_key": s_key, "target_key": t_key,
        "source": json.dumps(source, ensure_ascii=False), "target": json.dumps(target, ensure_ascii=False),
        "source_countries": sorted({a["country"] for a in source if a["country"]}),
        "target_countries": sorted({a["country"] for a in target if a["country"]}),
        "event_date": day, "date_known": known, "place_key": place,
        "location": json.dumps(location, ensure_ascii=False) if location else None,
        "location_country": location.get("country") if location else None,
        "modality": modality, "modalities": modalities,
        "n_mentions": len(ms), "n_sources": len({m.outlet for m in ms}),
        "n_articles": len({m.article_id for m in ms}),
        "first_seen": min(seen) if seen else None, "last_seen": max(seen) if seen else None,
        "mean_confidence": round(sum(confs) / len(confs), 4) if confs else None,
        "tone": round(sum(tones.values()) / len(tones), 4) if tones else None,
        "first_article_id": first.article_id, "first_url": first.url,
        "root_sentence": min(first_sents) if first_sents else None,
        "date_added": min(added) if added else None,
    }, source, target


def group(mentions: list[_Mention], window: int = WINDOW_DAYS):
    """``(event row, source actors, target actors, mentions)`` for every corpus event of ``mentions``."""
    by_dyad: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_dyad[m.dyad].append(m)
    for dyad in sorted(by_dyad):
        for day, known, ms in _by_date(by_dyad[dyad], window):
            for place, part in _by_place(ms):
                row, source, target = _build(dyad, day, known, place, part)
                yield row, source, target, part


# -- the tables -----------------------------------------------------------------------------------------
_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.int64()
_SCHEMAS = {
    "corpus_events": pa.schema([
        ("event_id", _B), ("dyad_key", _S), ("event_type", _S), ("mode", _S), ("cameo", _S),
        ("goldstein", _F), ("quad_class", _I), ("source_key", _S), ("target_key", _S), ("source", _S),
        ("target", _S), ("source_countries", pa.list_(_S)), ("target_countries", pa.list_(_S)),
        ("event_date", pa.date32()), ("date_known", pa.bool_()), ("place_key", _S), ("location", _S),
        ("location_country", _S), ("modality", _S), ("modalities", pa.list_(_S)), ("n_mentions", _I),
        ("n_sources", _I), ("n_articles", _I), ("first_seen", pa.timestamp("us")),
        ("last_seen", pa.timestamp("us")), ("mean_confidence", _F), ("tone", _F),
        ("first_article_id", _S), ("first_url", _S), ("root_sentence", _I), ("date_added", pa.timestamp("us")),
    ]),
    "event_mentions": pa.schema([("article_id", _S), ("idx", _I), ("event_id", _B), ("dyad_key", _S)]),
    "event_actors": pa.schema([
        ("event_id", _B), ("role", _S), ("actor_key", _S), ("code", _S), ("entity_id", _S), ("name", _S),
        ("country", _S), ("org", _S), ("sector", _S),
    ]),
}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    tbl = pa.Table.from_pylist(rows, schema=_SCHEMAS[table])
    con.register("_warta_agg", tbl)
    try:
        cols = ", ".join(f'"{c}"' for c in tbl.column_names)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _warta_agg")
    finally:
        con.unregister("_warta_agg")


def _write(con: duckdb.DuckDBPyConnection, mentions: list[_Mention], window: int) -> int:
    events, links, actors = [], [], []
    for row, source, target, part in group(mentions, window):
        events.append(row)
        eid = row["event_id"]
        links += [{"article_id": m.article_id, "idx": m.idx, "event_id": eid, "dyad_key": m.dyad} for m in part]
        for role, side in (("source", source), ("target", target)):
            actors += [{"event_id": eid, "role": role, "actor_key": a["key"], "code": a["code"],
                        "entity_id": a["entity_id"], "name": a["name"], "country": a["country"],
                        "org": a["org"], "sector": a["sector"]} for a in side]
    _insert(con, "corpus_events", events)
    _insert(con, "event_mentions", links)
    _insert(con, "event_actors", actors)
    return len(events)


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT count(*) FROM information_schema.tables "
                       "WHERE table_name IN ('corpus_events', 'event_mentions', 'event_actors')").fetchone()[0] == 3


def update(con: duckdb.DuckDBPyConnection, *, window: int = WINDOW_DAYS) -> dict[str, int]:
    """Bring the corpus-event tables up to date with the stored mentions (and article tone).

    Recomputes only the dyads of mentions not yet linked to a corpus event. Runs in the caller's
    transaction when there is one. Returns ``{"mentions": new mentions, "dyads": dyads redone,
    "events": corpus events written}``.
    """
    if not _has_tables(con):
        return {"mentions": 0, "dyads": 0, "events": 0}
    from warta.tone import score_new_articles

    score_new_articles(con)
    keys = con.execute("SELECT article_id, idx FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions l "
                       "WHERE l.article_id = e.article_id AND l.idx = e.idx)").fetchall()
    if not keys:
        return {"mentions": 0, "dyads": 0, "events": 0}
    con.register("_warta_new", pa.table({"article_id": pa.array([k[0] for k in keys], _S),
                                         "idx": pa.array([k[1] for k in keys], _I)}))
    try:
        new = [_mention(r) for r in con.execute(
            _MENTION_SQL + " JOIN _warta_new n ON n.article_id = e.article_id AND n.idx = e.idx").fetchall()]
    finally:
        con.unregister("_warta_new")
    dyads = sorted({m.dyad for m in new})
    n = _redo(con, dyads, new, window)
    return {"mentions": len(new), "dyads": len(dyads), "events": n}


def _redo(con: duckdb.DuckDBPyConnection, dyads: list[str], new: list[_Mention], window: int) -> int:
    """Recompute the corpus events of ``dyads`` from their linked mentions plus ``new``."""
    con.register("_warta_dyads", pa.table({"dyad_key": pa.array(dyads, _S)}))
    try:
        old = [_mention(r) for r in con.execute(
            _MENTION_SQL + " JOIN event_mentions l ON l.article_id = e.article_id AND l.idx = e.idx "
                           "WHERE l.dyad_key IN (SELECT dyad_key FROM _warta_dyads)").fetchall()]
        con.execute("DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM corpus_events "
                    "WHERE dyad_key IN (SELECT dyad_key FROM _warta_dyads))")
        con.execute("DELETE FROM corpus_events WHERE dyad_key IN (SELECT dyad_key FROM _warta_dyads)")
        con.execute("DELETE FROM event_mentions WHERE dyad_key IN (SELECT dyad_key FROM _warta_dyads)")
    finally:
        con.unregister("_warta_dyads")
    return _write(con, old + new, window)


def forget_articles(con: duckdb.DuckDBPyConnection, article_ids: list[str], *, window: int = WINDOW_DAYS) -> int:
    """Take articles out of the corpus events (before their mentions are replaced, as
    ``process --reprocess`` does): their links and tone go, the events they were part of are
    recomputed from the other mentions. Call :func:`update` once their new mentions are stored.
    Returns the number of dyads recomputed."""
    if not article_ids or not _has_tables(con):
        return 0
    con.register("_warta_gone", pa.table({"article_id": pa.array(list(article_ids), _S)}))
    try:
        dyads = [r[0] for r in con.execute("SELECT DISTINCT dyad_key FROM event_mentions "
                                           "WHERE article_id IN (SELECT article_id FROM _warta_gone) ORDER BY 1")
                 .fetchall()]
        con.execute("DELETE FROM event_mentions WHERE article_id IN (SELECT article_id FROM _warta_gone)")
        con.execute("DELETE FROM article_tone WHERE article_id IN (SELECT article_id FROM _warta_gone)")
    finally:
        con.unregister("_warta_gone")
    _redo(con, dyads, [], window)
    return len(dyads)


def rebuild(con: duckdb.DuckDBPyConnection, *, window: int = WINDOW_DAYS) -> dict[str, int]:
    """Recompute every corpus event from all stored mentions (after changing the rule or window)."""
    for table in ("event_actors", "corpus_events", "event_mentions"):
        con.execute(f"DELETE FROM {table}")
    return update(con, window=window)
