"""Ingestion: sources -> Article stream -> cleaning, dateline, date, language -> duplicates.

    from warta.ingest import read, prepare
    for item in read(["news.jsonl", "pages/", "https://example.org/rss"]):
        ...  # Article or IngestError

Modules: :mod:`~warta.ingest.sources` (files, folders, stdin, JSONL), :mod:`~warta.ingest.web`
(HTML, feeds, WARC), :mod:`~warta.ingest.clean` (page junk, datelines),
:mod:`~warta.ingest.dates` (outlet date strings), :mod:`~warta.ingest.lang` (lingua),
:mod:`~warta.ingest.dedup` (exact and near duplicates), :mod:`~warta.ingest.prepare`.
"""
from warta.ingest.prepare import prepare
from warta.ingest.sources import read

__all__ = ["prepare", "read"]
