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
]

# Migrations 2-4 are added by other issues (merged in order); keep this one number 5.
MIGRATIONS.append((5, "feed_state: what warta watch knows of each feed or folder it polls", [
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
]))
MIGRATIONS.sort(key=lambda m: m[0])

LATEST = MIGRATIONS[-1][0]
