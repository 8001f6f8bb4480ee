"""The store's schema, as an ordered list of migrations.

Each migration is applied once, in a transaction, and recorded in ``schema_version``. To change
the schema, APPEND a migration (never edit an applied one): later issues add tables this way.
"""
from __future__ import annotations

from typing import NamedTuple

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "articles, ingest_errors, mentions, events, quotes, runs", [
        """CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            url VARCHAR, source VARCHAR, title VARCHAR,
            published VARCHAR,            -- ISO 8601 as found (with its UTC offset when known)
            pub_date DATE,
            lang VARCHAR, lang_flag VARCHAR, place VARCHAR, origin VARCHAR,
            text VARCHAR,                 -- cleaned text: every offset in mentions/events/quotes refers to it
            raw_text VARCHAR,             -- the text as it arrived
            content_hash VARCHAR, minhash BLOB,
            duplicate_of VARCHAR, near_duplicate_of VARCHAR, near_jaccard DOUBLE,
            junk_lines INTEGER,
            status VARCHAR,               -- coded | skipped | duplicate
            skip_reason VARCHAR,
            n_mentions INTEGER, n_events INTEGER, n_quotes INTEGER,
            meta JSON, run_id VARCHAR, ingested_at TIMESTAMP
        )""",
        "CREATE INDEX articles_hash ON articles(content_hash)",
        """CREATE TABLE ingest_errors (
            location VARCHAR, reason VARCHAR, source VARCHAR, run_id VARCHAR, first_seen TIMESTAMP,
            PRIMARY KEY (location, reason)
        )""",
        """CREATE TABLE mentions (
            article_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR,
            entity_id VARCHAR, name VARCHAR, country VARCHAR, org VARCHAR, sector VARCHAR,
            role VARCHAR, kind VARCHAR, score DOUBLE,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE events (
            article_id VARCHAR, idx INTEGER, sentence_index INTEGER,
            event_type VARCHAR, mode VARCHAR, cameo VARCHAR, goldstein DOUBLE, quad_class INTEGER,
            source JSON, target JSON,
            source_countries VARCHAR[], target_countries VARCHAR[],
            modality VARCHAR, event_date VARCHAR, event_date_text VARCHAR,
            location JSON, location_country VARCHAR, quote VARCHAR, reported_by JSON,
            evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR,
            trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
            confidence DOUBLE, pub_date DATE,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE quotes (
            article_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR,
            speaker JSON, sentence_index INTEGER,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
            command VARCHAR, inputs VARCHAR, summary JSON
        )""",
    ]),
    # which warta and which pipeline coded each article (``process --reprocess`` recodes those coded
    # by another); a table of its own, as DuckDB cannot ALTER a table that has an index
    (2, "codings: which warta version and pipeline coded each article", [
        """CREATE TABLE codings (
            article_id VARCHAR PRIMARY KEY,
            warta_version VARCHAR, pipeline VARCHAR, run_id VARCHAR, coded_at TIMESTAMP
        )""",
    ]),
    (3, "corpus events aggregated across articles: corpus_events, event_mentions, event_actors; "
        "views dyad_daily, actor_profile, country_pairs", [
        # One row per real-world event: the mentions (rows of `events`, one per sentence) that
        # report the same act. Kept up to date by warta.store.aggregate.update (see its docstring
        # for the columns and the matching rule). No primary keys: rows are replaced per dyad.
        """CREATE TABLE corpus_events (
            event_id BIGINT,              -- stable id, derived from the dyad, date and place
            dyad_key VARCHAR,             -- event_type|source_key|target_key: the unit of recomputation
            event_type VARCHAR, mode VARCHAR, cameo VARCHAR, goldstein DOUBLE, quad_class INTEGER,
            source_key VARCHAR, target_key VARCHAR,   -- actor keys joined with '+', '' when none
            source JSON, target JSON,     -- one object per distinct actor: key, code, entity_id, name, country, org, sector, text
            source_countries VARCHAR[], target_countries VARCHAR[],
            event_date DATE,              -- the mentions' event date, or the first publication date
            date_known BOOLEAN,           -- true when some mention gave a full event date
            place_key VARCHAR, location JSON, location_country VARCHAR,
            modality VARCHAR,             -- asserted when any mention asserts it
            modalities VARCHAR[],
            n_mentions INTEGER, n_sources INTEGER, n_articles INTEGER,
            first_seen TIMESTAMP, last_seen TIMESTAMP,   -- publication times (UTC) of the first and last report
            mean_confidence DOUBLE,
            tone DOUBLE,                  -- mean tone of the reporting articles (article_tone), a rough signal
            first_article_id VARCHAR, first_url VARCHAR, root_sentence INTEGER,
            date_added TIMESTAMP          -- when its first mention was stored
        )""",
        """CREATE TABLE event_mentions (
            article_id VARCHAR, idx INTEGER,   -- the mention: a row of `events`
            event_id BIGINT, dyad_key VARCHAR
        )""",
        """CREATE TABLE event_actors (
            event_id BIGINT, role VARCHAR,     -- source | target
            actor_key VARCHAR, code VARCHAR, entity_id VARCHAR, name VARCHAR,
            country VARCHAR, org VARCHAR, sector VARCHAR
        )""",
        # Actor-dyad daily series: one row per (day, source actor, target actor).
        """CREATE VIEW dyad_daily AS
            SELECT e.event_date AS date, s.actor_key AS source_key, t.actor_key AS target_key,
                   max(s.name) AS source_name, max(t.name) AS target_name,
                   max(s.country) AS source_country, max(t.country) AS target_country,
                   count(*) AS n_events, sum(e.n_mentions) AS n_mentions,
                   count(*) FILTER (WHERE e.quad_class = 1) AS n_q1,
                   count(*) FILTER (WHERE e.quad_class = 2) AS n_q2,
                   count(*) FILTER (WHERE e.quad_class = 3) AS n_q3,
                   count(*) FILTER (WHERE e.quad_class = 4) AS n_q4,
                   coalesce(sum(e.goldstein) FILTER (WHERE e.quad_class = 1), 0) AS goldstein_q1,
                   coalesce(sum(e.goldstein) FILTER (WHERE e.quad_class = 2), 0) AS goldstein_q2,
                   coalesce(sum(e.goldstein) FILTER (WHERE e.quad_class = 3), 0) AS goldstein_q3,
                   coalesce(sum(e.goldstein) FILTER (WHERE e.quad_class = 4), 0) AS goldstein_q4,
                   coalesce(sum(e.goldstein), 0) AS goldstein_sum
            FROM corpus_events e
            JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source'
            JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target'
            WHERE s.actor_key <> t.actor_key
            GROUP BY 1, 2, 3""",
        # Actor profiles: events an actor took part in, as source or as target, by type and day.
        """CREATE VIEW actor_profile AS
            SELECT a.actor_key, max(a.name) AS name, max(a.code) AS code, max(a.country) AS country,
                   a.role, e.event_type, e.quad_class, e.event_date AS date,
                   count(*) AS n_events, sum(e.n_mentions) AS n_mentions,
                   coalesce(sum(e.goldstein), 0) AS goldstein_sum
            FROM event_actors a JOIN corpus_events e ON e.event_id = a.event_id
            GROUP BY a.actor_key, a.role, e.event_type, e.quad_class, e.event_date""",
        # Country-pair summaries: events whose source has country S and target has country T.
        """CREATE VIEW country_pairs AS
            WITH pairs AS (
                SELECT DISTINCT e.event_id, s.country AS source_country, t.country AS target_country
                FROM corpus_events e
                JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source' AND s.country IS NOT NULL
                JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target' AND t.country IS NOT NULL
            )
            SELECT p.source_country, p.target_country,
                   count(*) AS n_events, sum(e.n_mentions) AS n_mentions,
                   count(*) FILTER (WHERE e.quad_class = 1) AS n_q1,
                   count(*) FILTER (WHERE e.quad_class = 2) AS n_q2,
                   count(*) FILTER (WHERE e.quad_class = 3) AS n_q3,
                   count(*) FILTER (WHERE e.quad_class = 4) AS n_q4,
                   coalesce(sum(e.goldstein), 0) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean,
                   avg(e.tone) AS tone_mean, min(e.event_date) AS first_date, max(e.event_date) AS last_date
            FROM pairs p JOIN corpus_events e ON e.event_id = p.event_id
            GROUP BY 1, 2""",
    ]),
    (4, "article_tone: lexicon tone per article", [
        """CREATE TABLE article_tone (
            article_id VARCHAR,
            tone DOUBLE,                  -- positive - negative, in % of words (GDELT's scale; a rough signal)
            positive DOUBLE, negative DOUBLE,   -- % of words
            polarity DOUBLE,              -- % of words that carry any sentiment
            n_words INTEGER, lexicon VARCHAR
        )""",
    ]),
    (5, "feed_state: what warta watch knows of each feed or folder it polls", [
        """CREATE TABLE feed_state (
            source VARCHAR PRIMARY KEY,   -- feed URL, file or folder as listed
            etag VARCHAR, last_modified VARCHAR,  -- validators of the last complete fetch (conditional GET)
            failures INTEGER,             -- consecutive failed polls (0 after a good one)
            next_poll TIMESTAMP,          -- not polled before this (UTC): the period, or the back-off
            last_polled TIMESTAMP, last_ok TIMESTAMP,
            last_status VARCHAR,          -- new | not modified | unchanged | failed
            last_error VARCHAR,
            polls BIGINT, new_articles BIGINT
        )""",
    ]),
]

LATEST = max(version for version, _, _ in MIGRATIONS)

# -- documentation (``warta schema``, the README's schema section) ---------------------------------
# Every table and column of the migrated schema is described here; a test keeps this complete.

TABLE_DOCS: dict[str, str] = {
    "articles": "one row per article read (coded, skipped with a reason, or a duplicate)",
    "mentions": "actor mentions found in an article's cleaned text, resolved on the article's date",
    "events": "coded events: who did what to whom, when and where (PLOVER type, CAMEO code)",
    "quotes": "direct quotes and their speakers",
    "ingest_errors": "inputs that could not be read (file, line, URL or WARC offset, and why)",
    "runs": "one row per run of process / demo / watch round",
    "codings": "which warta version and pipeline coded each article (set again by --reprocess)",
    "corpus_events": "one row per real-world event: the mentions (rows of events) that report the same act, "
                     "with GDELT-style counts (warta.store.aggregate)",
    "event_mentions": "links each mention (a row of events) to its corpus event",
    "event_actors": "the distinct actors of each corpus event, as source or target",
    "article_tone": "lexicon tone of each article (a rough signal)",
    "dyad_daily": "view: per day, source actor and target actor: event counts and Goldstein sums by quad class",
    "actor_profile": "view: per actor, role, event type, quad class and day: events and mentions",
    "country_pairs": "view: per source country and target country: event counts, Goldstein, tone, first and last date",
    "feed_state": "what warta watch knows of each feed, file or folder it polls (conditional GET, back-off)",
    "schema_version": "the migrations applied to this database",
}

_ACTOR = ("JSON list of actors: {text, start, end, entity_id, name, country (ISO3), org, sector}; "
          "offsets into articles.text")
COLUMN_DOCS: dict[str, dict[str, str]] = {
    "articles": {
        "id": "article id: the record's id, the file path, or the page URL",
        "url": "page URL, when known",
        "source": "outlet name (metadata, or the dateline's outlet)",
        "title": "headline",
        "published": "publication time as found, ISO 8601 (with its UTC offset when known)",
        "pub_date": "publication date (metadata, the outlet's date stamp in the text, or --date)",
        "lang": "language: id, en, or another ISO 639-1 code (then not coded)",
        "lang_flag": "the language when warta does not code it",
        "place": "dateline place (JAKARTA, ...)",
        "origin": "where it was read: file:line, path, URL, WARC offset",
        "text": "cleaned text; every offset in mentions, events and quotes refers to it",
        "raw_text": "the text as it arrived",
        "content_hash": "SHA-1 of the normalised text (exact duplicates)",
        "minhash": "MinHash signature (near duplicates)",
        "duplicate_of": "id of the article this is an exact duplicate of (then not coded)",
        "near_duplicate_of": "id of the article this is a near duplicate (syndicated copy) of",
        "near_jaccard": "estimated Jaccard similarity to near_duplicate_of",
        "junk_lines": "page-junk lines removed by cleaning",
        "status": "coded, skipped (see skip_reason) or duplicate",
        "skip_reason": "why it was not coded (language not coded, no text left after cleaning, ...)",
        "n_mentions": "number of actor mentions",
        "n_events": "number of events",
        "n_quotes": "number of quotes",
        "meta": "JSON: other fields of the input record (author, description, CSV columns, ...)",
        "run_id": "the run that stored it (runs.run_id)",
        "ingested_at": "when it was stored (UTC)",
    },
    "mentions": {
        "article_id": "articles.id",
        "idx": "mention number within the article",
        "start": "first character in articles.text",
        "end": "character after the last",
        "text": "the words as written",
        "entity_id": "knowledge-base id (per:..., org:..., gpe:...), when resolved",
        "name": "canonical name, when resolved",
        "country": "ISO 3166-1 alpha-3 country of the actor on the article's date",
        "org": "organisation code (UNO, NATO, ...) when the actor is an organisation",
        "sector": "CAMEO sector/role code (GOV, MIL, COP, REB, ...)",
        "role": "the office or role that gave the code (on the article's date)",
        "kind": "how it was found (named person, office, organisation, country, generic agent)",
        "score": "resolution confidence, 0-1",
    },
    "events": {
        "article_id": "articles.id",
        "idx": "event number within the article",
        "sentence_index": "sentence number within the cleaned text",
        "event_type": "PLOVER event type (CONSULT, PROTEST, ASSAULT, ...)",
        "mode": "PLOVER mode (e.g. arrest for COERCE), when known",
        "cameo": "CAMEO event code",
        "goldstein": "Goldstein score of the CAMEO code (-10 conflict .. +10 cooperation)",
        "quad_class": "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
        "source": "who did it: " + _ACTOR,
        "target": "to whom: " + _ACTOR,
        "source_countries": "ISO3 countries of the source actors",
        "target_countries": "ISO3 countries of the target actors",
        "modality": "asserted, future, negated or hypothetical",
        "event_date": "date the text gives, as precise as it says: 2025-06-17, 2025-W25, 2025-06, 2025-22 "
                      "(EDTF season), 2025; NULL when the text gives none (see pub_date)",
        "event_date_text": "the words that gave the date",
        "location": "JSON {text, name, country, admin1, lat, lon, precision} of the place, when named",
        "location_country": "ISO3 country of the place",
        "quote": "the quote the event was reported in, if any",
        "reported_by": "JSON actor who reported it (\"..., said X\")",
        "evidence_start": "first character of the evidence (the sentence) in articles.text",
        "evidence_end": "character after its last",
        "evidence_text": "the sentence the event was coded from",
        "trigger_start": "first character of the trigger words in articles.text",
        "trigger_end": "character after their last",
        "trigger_text": "the words that name the action",
        "confidence": "coder confidence, 0-1",
        "pub_date": "the article's publication date",
    },
    "quotes": {
        "article_id": "articles.id",
        "idx": "quote number within the article",
        "start": "first character in articles.text",
        "end": "character after the last",
        "text": "the quoted words",
        "speaker": "JSON actor who said it, when found",
        "sentence_index": "sentence number within the cleaned text",
    },
    "ingest_errors": {
        "location": "file, file:line, file[index], URL or WARC file@offset",
        "reason": "why it could not be read",
        "source": "outlet or feed, when known",
        "run_id": "the run that met it first",
        "first_seen": "when (UTC)",
    },
    "runs": {
        "run_id": "run id",
        "started_at": "start (UTC)",
        "finished_at": "end (UTC)",
        "command": "process, demo, watch or reprocess",
        "inputs": "JSON list of the inputs",
        "summary": "JSON: articles read, coded, skipped (by reason), duplicates, events, errors, seconds, "
                   "warta version and pipeline",
    },
    "codings": {
        "article_id": "articles.id",
        "warta_version": "version of warta that coded it",
        "pipeline": "nlp mode and fingerprint of warta's code and data (lexicons, KB, models) that coded it",
        "run_id": "the run that coded it (runs.run_id)",
        "coded_at": "when (UTC)",
    },
    "feed_state": {
        "source": "feed or page URL, file or folder, as listed for warta watch",
        "etag": "ETag of the last complete fetch (sent as If-None-Match); for files, sizes and times",
        "last_modified": "Last-Modified of the last complete fetch (sent as If-Modified-Since)",
        "failures": "consecutive failed polls (0 after a good one)",
        "next_poll": "not polled before this time (UTC): the period after a good poll, the back-off after a failure",
        "last_polled": "last poll (UTC)",
        "last_ok": "last good poll (UTC)",
        "last_status": "new, not modified, unchanged or failed",
        "last_error": "why the last poll failed, or how many pages failed (fetched again next round)",
        "polls": "polls so far",
        "new_articles": "new articles read from this source so far",
    },
    "schema_version": {
        "version": "migration number",
        "description": "what it added",
        "applied_at": "when (UTC)",
    },
}


_QUAD_COLS = {f"n_q{q}": f"corpus events of quad class {q}" for q in range(1, 5)}
_GOLD_COLS = {f"goldstein_q{q}": f"sum of Goldstein scores of quad class {q}" for q in range(1, 5)}
COLUMN_DOCS.update({
    "corpus_events": {
        "event_id": "stable id, derived from the dyad, date and place",
        "dyad_key": "event_type|source_key|target_key: the unit of recomputation",
        "event_type": "PLOVER event type", "mode": "PLOVER mode", "cameo": "CAMEO code",
        "goldstein": "Goldstein score of the CAMEO code", "quad_class": "quad class 1-4",
        "source_key": "source actor keys joined with '+' ('' when none)",
        "target_key": "target actor keys joined with '+' ('' when none)",
        "source": "JSON list, one object per distinct source actor: key, code, entity_id, name, country, org, sector, text",
        "target": "JSON list, one object per distinct target actor (as source)",
        "source_countries": "ISO3 codes of the source actors", "target_countries": "ISO3 codes of the target actors",
        "event_date": "the mentions' event date, or the first publication date",
        "date_known": "true when some mention gave a full event date",
        "place_key": "place the mentions name, when known", "location": "JSON place (name, country, lat, lon)",
        "location_country": "ISO3 code of the place",
        "modality": "asserted when any mention asserts it, else the mentions' modality",
        "modalities": "the modalities of all its mentions",
        "n_mentions": "mentions (sentences) reporting it", "n_sources": "distinct outlets reporting it",
        "n_articles": "distinct articles reporting it",
        "first_seen": "publication time (UTC) of the first report", "last_seen": "publication time (UTC) of the last report",
        "mean_confidence": "mean confidence of its mentions",
        "tone": "mean tone of the reporting articles (article_tone), a rough signal",
        "first_article_id": "the first article reporting it", "first_url": "URL of that article",
        "root_sentence": "sentence index of the first mention in that article",
        "date_added": "when its first mention was stored",
    },
    "event_mentions": {"article_id": "the mention's article", "idx": "the mention's idx in events",
                       "event_id": "its corpus event", "dyad_key": "its corpus event's dyad key"},
    "event_actors": {"event_id": "the corpus event", "role": "source or target",
                     "actor_key": "the actor's key (entity id, else country/org + sector)",
                     "code": "CAMEO-style code (country or org + sector)", "entity_id": "KB entity id",
                     "name": "KB name", "country": "ISO3 code", "org": "organisation", "sector": "CAMEO-style sector"},
    "article_tone": {"article_id": "the article", "tone": "positive - negative, in % of words (GDELT's scale)",
                     "positive": "% of words with positive sentiment", "negative": "% of words with negative sentiment",
                     "polarity": "% of words that carry any sentiment", "n_words": "words counted",
                     "lexicon": "the sentiment lexicon used"},
    "dyad_daily": {"date": "event date", "source_key": "source actor key", "target_key": "target actor key",
                   "source_name": "source actor name", "target_name": "target actor name",
                   "source_country": "source ISO3", "target_country": "target ISO3",
                   "n_events": "corpus events", "n_mentions": "their mentions", **_QUAD_COLS, **_GOLD_COLS,
                   "goldstein_sum": "sum of Goldstein scores"},
    "actor_profile": {"actor_key": "actor key", "name": "actor name", "code": "CAMEO-style code",
                      "country": "ISO3", "role": "source or target", "event_type": "PLOVER type",
                      "quad_class": "quad class", "date": "event date", "n_events": "corpus events",
                      "n_mentions": "their mentions", "goldstein_sum": "sum of Goldstein scores"},
    "country_pairs": {"source_country": "source ISO3", "target_country": "target ISO3", "n_events": "corpus events",
                      "n_mentions": "their mentions", **_QUAD_COLS, "goldstein_sum": "sum of Goldstein scores",
                      "goldstein_mean": "mean Goldstein score", "tone_mean": "mean tone",
                      "first_date": "first event date", "last_date": "last event date"},
})

class ColumnDoc(NamedTuple):
    column: str
    type: str
    description: str


def describe(db=None) -> dict[str, list[ColumnDoc]]:
    """Tables -> columns (name, SQL type, meaning) of ``db``, or of a new database when None."""
    import duckdb

    if db is None:
        con = duckdb.connect()
        con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, "
                    "applied_at TIMESTAMP)")
        for _, _, statements in MIGRATIONS:
            for sql in statements:
                con.execute(sql)
    else:
        from warta.store.duck import connect

        con = connect(db, read_only=True)
    try:
        rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                           "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position").fetchall()
    finally:
        con.close()
    order = list(TABLE_DOCS)
    out: dict[str, list[ColumnDoc]] = {}
    for table, column, typ in sorted(rows, key=lambda r: (order.index(r[0]) if r[0] in order else len(order), r[0])):
        out.setdefault(table, []).append(
            ColumnDoc(column, typ, COLUMN_DOCS.get(table, {}).get(column, "(not documented)")))
    return out
