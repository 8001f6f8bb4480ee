"""The store's schema, as an ordered list of migrations.

Each migration is applied once, in a transaction, and recorded in ``schema_version``. To change
the schema, APPEND a migration (never edit an applied one): later issues add tables this way.
"""
from __future__ import annotations

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
]

LATEST = max(version for version, _, _ in MIGRATIONS)
