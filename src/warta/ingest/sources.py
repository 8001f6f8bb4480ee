"""Readers: every kind of input becomes a stream of ``Article`` (or ``IngestError``) records.

Inputs understood by :func:`read`:

- ``-``: stdin (JSON lines if the first character is ``{``, else one plain-text article);
- a folder: every file under it, recursively, in name order;
- ``*.txt`` (and any other text file): one article per file, id = the path;
- ``*.jsonl`` / ``*.ndjson`` (optionally ``.gz``): one article per line, fields ``id, text`` and
  optional ``title, url, source, date/published, lang``;
- ``*.html`` / ``*.htm``: a web page (main text with trafilatura, date with htmldate);
- ``*.warc`` / ``*.warc.gz``: HTML responses in a web archive (e.g. Common Crawl CC-NEWS);
- ``*.rss`` / ``*.atom`` / ``*.xml``: a feed file whose article pages are fetched;
- ``http(s)://...``: a feed (whose pages are fetched) or a single page.

Everything is a generator: memory stays flat whatever the size of the input. Bad input never
raises: it is yielded as an :class:`~warta.model.IngestError` with its location and the reason.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from warta.ingest import web
from warta.model import Article, IngestError

Item = Article | IngestError

JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
HTML_EXT = (".html", ".htm", ".xhtml")
WARC_EXT = (".warc", ".warc.gz", ".arc.gz")
FEED_EXT = (".rss", ".atom", ".xml")
TEXT_FIELDS = {"id", "text", "title", "url", "source", "date", "published", "lang"}


def read(inputs: Iterable[str | os.PathLike], *, client: Any = None, known: web.Known = None) -> Iterator[Item]:
    """Articles (and errors) from every input, in order.

    ``known(url_or_id)`` tells web readers which pages are already stored, so they are not fetched.
    """
    for inp in inputs:
        s = str(inp)
        if s == "-":
            yield from read_stdin()
        elif s.startswith(("http://", "https://")):
            yield from web.read_url(s, client=client, known=known)
        else:
            p = Path(s)
            if p.is_dir():
                yield from read_folder(p, client=client, known=known)
            elif p.exists():
                yield from read_path(p, client=client, known=known)
            else:
                yield IngestError(s, "no such file or folder")


# warta's own database files (a --db kept beside the news) are not news: skipped in folders
STORE_EXT = (".duckdb", ".duckdb.wal", ".duckdb.tmp")
STORE_DIR_EXT = (".parts",)  # the Dask engine's Parquet partitions beside a database


def read_folder(folder: Path, *, client: Any = None, known: web.Known = None) -> Iterator[Item]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not d.endswith(STORE_DIR_EXT))
        for name in sorted(files):
            if not name.startswith(".") and not name.lower().endswith(STORE_EXT):
                yield from read_path(Path(root) / name, client=client, known=known)


def read_path(path: Path, *, client: Any = None, known: web.Known = None) -> Iterator[Item]:
    name = path.name.lower()
    try:
        if name.endswith(JSONL_EXT):
            yield from read_jsonl(path)
        elif name.endswith(WARC_EXT):
            yield from web.read_warc(path, known=known)
        elif name.endswith(HTML_EXT):
            data = path.read_bytes()
            yield from web.article_from_html(data, location=str(path), article_id=str(path))
        elif name.endswith(FEED_EXT):
            yield from web.read_feed_bytes(path.read_bytes(), location=str(path), client=client, known=known)
        elif name.endswith(".gz"):
            yield from _read_gz_text(path)
        else:
            yield from read_text_file(path)
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")


def _decode(data: bytes, location: str) -> str | IngestError:
    """UTF-8 text, or the reason it is not (binary, invalid UTF-8, empty)."""
    if not data.strip():
        return IngestError(location, "empty")
    head = data[:8192]
    if b"\x00" in head:
        return IngestError(location, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return IngestError(location, f"invalid UTF-8 at byte {exc.start}: {exc.reason}")
    ctrl = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if ctrl > 0.05 * min(len(text), 4096):
        return IngestError(location, "binary file (control characters), not text")
    return text


def read_text_file(path: Path) -> Iterator[Item]:
    text = _decode(path.read_bytes(), str(path))
    if isinstance(text, IngestError):
        yield text
        return
    yield Article(id=str(path), text=text, origin=str(path))


def _read_gz_text(path: Path) -> Iterator[Item]:
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read()
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield IngestError(str(path), f"truncated or corrupt gzip: {exc}")
        return
    text = _decode(data, str(path))
    yield text if isinstance(text, IngestError) else Article(id=str(path), text=text, origin=str(path))


def read_jsonl(path: Path) -> Iterator[Item]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        yield from _jsonl_lines(fh, str(path))


def _jsonl_lines(fh: IO[bytes], name: str, first: bytes | None = None, lineno: int = 0) -> Iterator[Item]:
    """Records of the lines of ``fh``; ``lineno`` is the number of lines before them (a shard)."""
    lines: Iterable[bytes] = fh if first is None else _chain(first, fh)
    it = iter(lines)
    while True:
        try:
            raw = next(it)
        except StopIteration:
            return
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            yield IngestError(f"{name}:{lineno + 1}", f"truncated or corrupt gzip: {exc}")
            return
        lineno += 1
        if not raw.strip():
            continue
        loc = f"{name}:{lineno}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield IngestError(loc, f"invalid UTF-8 at byte {exc.start} of the line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(loc, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        yield record_to_article(rec, loc)


def _chain(first: bytes, fh: IO[bytes]) -> Iterator[bytes]:
    yield first
    yield from fh


def record_to_article(rec: Any, location: str) -> Item:
    """An ``Article`` from one JSON record (``id``, ``text`` and optional fields)."""
    if not isinstance(rec, dict):
        return IngestError(location, f"not a JSON object but {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str):
        return IngestError(location, "no 'text' field" if text is None else "'text' is not a string")
    if not text.strip():
        return IngestError(location, "empty text")
    rid = rec.get("id")
    rid = str(rid) if rid not in (None, "") else f"sha1:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:16]}"
    published = rec.get("date") or rec.get("published")
    meta = {k: v for k, v in rec.items() if k not in TEXT_FIELDS}
    if published is not None:
        meta["published_raw"] = published
    lang = rec.get("lang")
    return Article(
        id=rid, text=text, title=rec.get("title") or None, url=rec.get("url") or None,
        source=rec.get("source") or None, published=published,  # parsed in prepare()
        lang=str(lang).lower() if lang else None, origin=location, meta=meta,
    )


def read_stdin(stream: IO[bytes] | None = None) -> Iterator[Item]:
    fh = stream if stream is not None else sys.stdin.buffer
    first = fh.readline()
    if first.lstrip().startswith(b"{"):
        yield from _jsonl_lines(fh, "<stdin>", first=first)
        return
    data = first + fh.read()
    text = _decode(data, "<stdin>")
    if isinstance(text, IngestError):
        yield text
        return
    yield Article(id=f"stdin:{hashlib.sha1(data).hexdigest()[:12]}", text=text, origin="<stdin>")

