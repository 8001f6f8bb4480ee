"""The embedded DuckDB store (default ``./warta.duckdb``): articles, ingest errors, mentions,
events and quotes, under a versioned, migrated schema (:mod:`warta.store.schema`)."""
from warta.store.duck import DEFAULT_DB, Store, StoreBusy, connect

__all__ = ["DEFAULT_DB", "Store", "StoreBusy", "connect"]
