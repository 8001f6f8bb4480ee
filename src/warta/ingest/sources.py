"""Readers: every kind of input becomes a stream of ``Article`` (or ``IngestError``) records.

Inputs understood by :func:`read`:

- ``-``: stdin (JSON lines if the first character is ``{``, a JSON array if ``[``, a page if
  ``<``, else one plain-text article);
- a folder: every file under it, recursively, in name order;
- ``*.txt`` (and any other text file): one article per file, id = the path; a file whose content is
  JSON or markup is read as such (or refused), never coded as prose;
- ``*.jsonl`` / ``*.ndjson`` (optionally ``.gz``): one article per line, fields ``id, text`` and
  optional ``title, url, source, date/published, lang``;
- ``*.json``: an array of such articles, or one (:mod:`warta.ingest.records`);
- ``*.csv`` / ``*.tsv``: one article per row, columns named by a header
  (:class:`~warta.ingest.records.Columns`);
- ``*.html`` / ``*.htm``: a web page (main text with trafilatura, date with htmldate);
- ``*.warc`` / ``*.warc.gz``: HTML responses in a web archive (e.g. Common Crawl CC-NEWS);
- ``*.rss`` / ``*.atom`` / ``*.xml``: a feed file whose article pages are fetched;
- ``http(s)://...``: a feed (whose pages are fetched) or a single page; ``file://...``: a local file.

Everything is a generator: memory stays flat whatever the size of the input. Bad input never
raises: it is yielded as an :class:`~warta.model.IngestError` with its location and the reason.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from warta.ingest import web
from warta.ingest.records import Columns, json_articles, read_csv, read_json
from warta.model import Article, IngestError

Item = Article | IngestError

JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
HTML_EXT = (".html", ".htm", ".xhtml")
WARC_EXT = (".warc", ".warc.gz", ".arc.gz")
FEED_EXT = (".rss", ".atom", ".xml")
JSON_EXT = (".json",)
CSV_EXT = (".csv", ".tsv", ".tab")
TEXT_FIELDS = {"id", "text", "title", "url", "source", "date", "published", "lang"}
# One article (a file, a JSON line, a decompressed .gz) is at most this big: a larger one, or a
# compressed bomb, is reported and skipped after reading at most this much of it.
MAX_ARTICLE_BYTES = 32 << 20


def read(inputs: Iterable[str | os.PathLike], *, client: Any = None, known: web.Known = None,
         columns: Columns | None = None) -> Iterator[Item]:
    """Articles (and errors) from every input, in order.

    ``known(url_or_id)`` tells web readers which pages are already stored, so they are not fetched;
    ``columns`` says which CSV columns hold the text, date, title, url and id.
    """
    for inp in inputs:
        s = str(inp)
        if s == "-":
            yield from read_stdin()
        elif s.startswith(("http://", "https://")):
            yield from web.read_url(s, client=client, known=known)
        else:
            p = web.file_url_path(s) if s.startswith("file:") else Path(s)
            if p.is_dir():
                yield from read_folder(p, client=client, known=known, columns=columns)
            elif p.exists():
                yield from read_path(p, client=client, known=known, columns=columns)
            else:
                yield IngestError(s, "no such file or folder")


def missing_inputs(inputs: Iterable[str | os.PathLike]) -> list[str]:
    """The local inputs (paths, ``file://`` URLs) that do not exist: checked before a run starts."""
    out = []
    for inp in inputs:
        s = str(inp)
        if s == "-" or s.startswith(("http://", "https://")):
            continue
        p = web.file_url_path(s) if s.startswith("file:") else Path(s)
        if not p.exists():
            out.append(s)
    return out


# warta's own database files (a --db kept beside the news) are not news: skipped in folders
STORE_EXT = (".duckdb", ".duckdb.wal", ".duckdb.tmp")
STORE_DIR_EXT = (".parts",)  # the Dask engine's Parquet partitions beside a database


def read_folder(folder: Path, *, client: Any = None, known: web.Known = None,
                columns: Columns | None = None) -> Iterator[Item]:
    """Every file under ``folder`` (hidden files and warta's own databases skipped); a symbolic link
    that leads outside the folder is reported, not followed."""
    top = folder.resolve()
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not d.endswith(STORE_DIR_EXT))
        for name in sorted(files):
            if not name.startswith(".") and not name.lower().endswith(STORE_EXT):
                path = Path(root) / name
                if path.is_symlink() and not path.resolve().is_relative_to(top):
                    yield IngestError(str(path), "symbolic link to a file outside the folder: not followed")
                    continue
                yield from read_path(path, client=client, known=known, columns=columns)


def read_path(path: Path, *, client: Any = None, known: web.Known = None,
              columns: Columns | None = None) -> Iterator[Item]:
    name = path.name.lower()
    try:
        if name.endswith(JSONL_EXT):
            yield from read_jsonl(path)
        elif name.endswith(JSON_EXT):
            yield from read_json(path)
        elif name.endswith(CSV_EXT):
            yield from read_csv(path, columns)
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
            yield from read_text_file(path, client=client, known=known)
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


def _too_big(location: str) -> IngestError:
    return IngestError(location, f"larger than {MAX_ARTICLE_BYTES >> 20} MB: not one article "
                                 "(split it, or give it as JSON lines)")


def read_text_file(path: Path, *, client: Any = None, known: web.Known = None) -> Iterator[Item]:
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        yield _too_big(str(path))
        return
    data = path.read_bytes()
    text = _decode(data, str(path))
    if isinstance(text, IngestError):
        yield text
        return
    yield from _text_or_structured(text, data, str(path), article_id=str(path), client=client, known=known)


def _text_or_structured(text: str, data: bytes, name: str, *, article_id: str, client: Any = None,
                        known: web.Known = None) -> Iterator[Item]:
    """A plain-text article, unless the text is JSON or markup: then it is read as what it is
    (JSON articles, a web page, a feed) or refused; markup is never coded as news."""
    head = text.lstrip()[:1]
    if head in ("{", "["):
        items = list(json_articles(text, name, lambda: _jsonl_lines(io.BytesIO(data), name), record_to_article))
        broken = len(items) == 1 and isinstance(items[0], IngestError) and "malformed JSON" in items[0].reason
        if broken and head == "{" and sum(ln.lstrip().startswith("{") for ln in text.splitlines()) > 1:
            yield from _jsonl_lines(io.BytesIO(data), name)  # JSON lines, some malformed
            return
        if not broken or re.match(r"[\[{]\s*[\[{\"]", text.lstrip()):
            yield from items  # JSON (perhaps broken); "[JAKARTA] ..." prose goes on below
            return
    elif head == "<" and (kind := _markup_kind(text)) is not None:
        if kind == "html":
            yield from web.article_from_html(data, location=name, article_id=article_id)
        elif kind == "feed":
            yield from web.read_feed_bytes(data, location=name, client=client, known=known)
        else:
            yield IngestError(name, "markup (XML or tags), not plain text: give pages a .html name, "
                                    "feeds .rss/.xml, or convert the file to text, JSON or CSV")
        return
    yield Article(id=article_id, text=text, origin=name)


def _markup_kind(text: str) -> str | None:
    """"html", "feed" or "xml" when ``text`` is a document in tags, else None."""
    low = text.lstrip()[:4096].lower()
    if low.startswith(("<!doctype html", "<html")) or "<body" in low or "<head" in low:
        return "html"
    if "<rss" in low or "<feed" in low or "<rdf:rdf" in low:
        return "feed"
    tags = len(re.findall(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?>", low))
    if tags >= 3 and re.search(r"</?(?:p|div|span|br|a|h[1-6]|article|section|li|table)\b", low):
        return "html"
    return "xml" if re.match(r"<[a-z!?/]", low) else None


def _read_gz_text(path: Path) -> Iterator[Item]:
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read(MAX_ARTICLE_BYTES + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield IngestError(str(path), f"truncated or corrupt gzip: {exc}")
        return
    if len(data) > MAX_ARTICLE_BYTES:
        yield _too_big(str(path))
        return
    text = _decode(data, str(path))
    if isinstance(text, IngestError):
        yield text
        return
    yield from _text_or_structured(text, data, str(path), article_id=str(path))


def read_jsonl(path: Path) -> Iterator[Item]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        yield from _jsonl_lines(fh, str(path))


def _jsonl_lines(fh: IO[bytes] | Iterable[bytes | None], name: str, first: bytes | None = None,
                 lineno: int = 0) -> Iterator[Item]:
    """Records of the lines of ``fh`` (a binary file, or its lines from :func:`bounded_lines`:
    ``None`` for an overlong one); ``lineno`` is the number of lines before them (a shard)."""
    lines = bounded_lines(fh) if hasattr(fh, "readline") else iter(fh)  # a file, or lines already cut
    it = lines if first is None else _chain(first, lines)
    while True:
        try:
            raw = next(it)
        except StopIteration:
            return
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            yield IngestError(f"{name}:{lineno + 1}", f"truncated or corrupt gzip: {exc}")
            return
        lineno += 1
        loc = f"{name}:{lineno}"
        if raw is None:
            yield IngestError(loc, f"line longer than {MAX_ARTICLE_BYTES >> 20} MB: skipped")
            continue
        if not raw.strip():
            continue
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
        except RecursionError:
            yield IngestError(loc, "malformed JSON: nested too deeply")
            continue
        yield record_to_article(rec, loc)


def bounded_lines(fh: IO[bytes]) -> Iterator[bytes | None]:
    """The lines of ``fh``; ``None`` for a line longer than :data:`MAX_ARTICLE_BYTES`, whose rest
    is read in bounded pieces and dropped (a compressed bomb never sits in memory whole)."""
    while True:
        line = fh.readline(MAX_ARTICLE_BYTES + 1)
        if not line:
            return
        if len(line) <= MAX_ARTICLE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = fh.readline(1 << 20)
        yield None


def _chain(first: bytes, rest: Iterator[bytes | None]) -> Iterator[bytes | None]:
    yield first
    yield from rest


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
    if first.lstrip().startswith(b"{") and _is_json(first):  # JSON lines: streamed
        yield from _jsonl_lines(fh, "<stdin>", first=first)
        return
    data = first + fh.read()
    text = _decode(data, "<stdin>")
    if isinstance(text, IngestError):
        yield text
        return
    yield from _text_or_structured(text, data, "<stdin>", article_id=f"stdin:{hashlib.sha1(data).hexdigest()[:12]}")



def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True
