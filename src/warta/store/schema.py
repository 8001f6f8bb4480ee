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
]

LATEST = MIGRATIONS[-1][0]

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
    "schema_version": {
        "version": "migration number",
        "description": "what it added",
        "applied_at": "when (UTC)",
    },
}


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
