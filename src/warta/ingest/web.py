"""Web sources: HTML pages (trafilatura + htmldate), RSS/Atom feeds (feedparser + httpx) and
WARC / WARC.gz archives (warcio).

Network access uses one ``httpx.Client`` with timeouts and a size limit per response; a page or
feed that cannot be fetched becomes an :class:`~warta.model.IngestError` (URL and reason) and the
rest of the batch goes on.
"""
from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from warta.ingest.guard import MAX_REDIRECTS, RefusedURL
from warta.model import Article, IngestError

Item = Article | IngestError
Known = Callable[[str], bool] | None

TIMEOUT_S = 10.0
CONNECT_TIMEOUT_S = 5.0
MAX_PAGE_BYTES = 5_000_000
MAX_FEED_BYTES = 10_000_000
USER_AGENT = "warta/0.1 (+https://github.com/warta; news event coder)"
MIN_MAIN_TEXT_CHARS = 40  # less than this is page furniture, not an article
HTML_TYPES = ("text/html", "application/xhtml+xml")


def make_client(timeout: float = TIMEOUT_S, *, allow_private: bool | None = None):
    """An ``httpx.Client`` with warta's timeouts, a polite user agent, and redirects followed up
    to :data:`~warta.ingest.guard.MAX_REDIRECTS`; every request (each redirect hop too) passes
    :mod:`warta.ingest.guard` first: public http(s) hosts only, unless ``allow_private`` (default:
    the ``WARTA_ALLOW_PRIVATE`` environment variable, which ``warta --allow-private`` sets)."""
    import httpx

    from warta.ingest import guard

    if allow_private is None:
        allow_private = guard.allow_private_default()
    return httpx.Client(timeout=httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT_S, timeout)),
                        follow_redirects=True, max_redirects=guard.MAX_REDIRECTS,
                        headers={"User-Agent": USER_AGENT},
                        event_hooks={"request": [guard.request_hook(allow_private)]})


def file_url_path(url: str) -> Path:
    """The local path of a ``file:`` URL (``file:///srv/feed.xml``, ``file:feed.xml``)."""
    from urllib.parse import unquote, urlparse
    from urllib.request import url2pathname

    u = urlparse(url)
    if u.netloc and u.netloc != "localhost":
        # file://tmp/feed.xml: feed parsers write file:///tmp/... so; a UNC host on Windows
        return Path(url2pathname(unquote(f"//{u.netloc}{u.path}" if os.name == "nt" else f"/{u.netloc}{u.path}")))
    return Path(url2pathname(unquote(u.path)) if u.path.startswith("/") else unquote(u.path))


def _fetch_file(url: str, max_bytes: int) -> tuple[bytes, str] | IngestError:
    import mimetypes

    path = file_url_path(url)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return IngestError(url, f"file too large ({size} bytes > {max_bytes})")
        return path.read_bytes(), mimetypes.guess_type(path.name)[0] or ""
    except OSError as exc:
        return IngestError(url, f"cannot read: {exc.strerror or exc}")


def fetch(url: str, client: Any = None, max_bytes: int = MAX_PAGE_BYTES) -> tuple[bytes, str] | IngestError:
    """``(body, content_type)`` of ``url`` (http, https or file), or an IngestError saying why not."""
    if url.startswith("file:"):
        return _fetch_file(url, max_bytes)
    own = client is None
    client = client or make_client()
    try:
        got = fetch_conditional(url, client, max_bytes=max_bytes)
    finally:
        if own:
            client.close()
    return got if isinstance(got, IngestError) else (got.body, got.content_type)


@dataclass
class Fetched:
    """A conditional GET's answer: ``status`` 200 with a body, or 304 (not modified, no body)."""

    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


def fetch_conditional(url: str, client: Any, *, etag: str | None = None, last_modified: str | None = None,
                      max_bytes: int = MAX_FEED_BYTES) -> Fetched | IngestError:
    """GET ``url`` with ``If-None-Match``/``If-Modified-Since`` from an earlier answer; a 304 means
    nothing changed (no body is sent). Errors (HTTP status, size, time, refused by the guard,
    unreachable, bad URL) are IngestErrors naming the URL and the reason."""
    import httpx

    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with client.stream("GET", url, headers=headers) as resp:
            if resp.status_code == 304:
                return Fetched(304, etag=resp.headers.get("etag") or etag,
                               last_modified=resp.headers.get("last-modified") or last_modified)
            if resp.status_code >= 400:
                return IngestError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                return IngestError(url, f"response too large ({declared} bytes > {max_bytes})")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    return IngestError(url, f"response too large (> {max_bytes} bytes)")
                chunks.append(chunk)
            return Fetched(resp.status_code, b"".join(chunks), resp.headers.get("content-type", ""),
                           resp.headers.get("etag"), resp.headers.get("last-modified"))
    except RefusedURL as exc:
        return IngestError(url, exc.reason if exc.url == url else f"redirect to {exc.url}: {exc.reason}")
    except httpx.TooManyRedirects:
        return IngestError(url, f"more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        return IngestError(url, "timed out")
    except httpx.HTTPError as exc:
        return IngestError(url, f"unreachable: {type(exc).__name__}: {exc}")
    except ValueError as exc:
        return IngestError(url, f"bad URL: {exc}")


def article_from_html(data: bytes | str, *, location: str, article_id: str, url: str | None = None,
                      published: Any = None, title: str | None = None,
                      source: str | None = None) -> Iterator[Item]:
    """One Article from an HTML page: main text and metadata by trafilatura, date by htmldate."""
    import htmldate
    import trafilatura

    if isinstance(data, bytes):
        if not data.strip():
            yield IngestError(location, "empty")
            return
        if b"\x00" in data[:4096]:
            yield IngestError(location, "binary content, not HTML")
            return
    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, include_images=False)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        yield IngestError(location, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
        return
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.strip()) < MIN_MAIN_TEXT_CHARS:
        yield IngestError(location, "HTML page with no main text")
        return
    date = published or getattr(doc, "date", None)
    if not date:
        try:
            date = htmldate.find_date(data, original_date=True, extensive_search=False)
        except Exception:  # htmldate is best effort
            date = None
    yield Article(
        id=article_id, text=text, title=title or getattr(doc, "title", None), url=url or getattr(doc, "url", None),
        source=source or getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        published=date, origin=location,
        meta={k: v for k, v in (("author", getattr(doc, "author", None)),
                                ("description", getattr(doc, "description", None))) if v},
    )


def _looks_like_feed(body: bytes, content_type: str) -> bool:
    ct = content_type.lower()
    if any(t in ct for t in ("rss", "atom", "/xml", "+xml")) and "xhtml" not in ct:
        return True
    head = body[:512].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and b"<html" not in body[:2048].lower()


def read_url(url: str, *, client: Any = None, known: Known = None) -> Iterator[Item]:
    """A feed URL (each entry's page is fetched) or a single page URL (http, https or file)."""
    got = fetch(url, client, MAX_FEED_BYTES)
    if isinstance(got, IngestError):
        yield got
        return
    body, ctype = got
    if _looks_like_feed(body, ctype):
        yield from read_feed_bytes(body, location=url, client=client, known=known)
    elif known is None or not known(url):
        yield from article_from_html(body, location=url, article_id=url, url=url)


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            return datetime(*t[:6], tzinfo=timezone.utc)
    return None


# a feed's summary (<description>) counts as the article's full text from this length on; shorter
# ones are teasers. Full content (<content:encoded>, Atom <content>) counts from MIN_MAIN_TEXT_CHARS.
MIN_FEED_SUMMARY_CHARS = 500


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed's content): one paragraph per block element."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises ParserError / ValueError on empty or odd fragments
        return ""
    for el in root.iter("script", "style"):
        el.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":  # a line break in a feed's text separates paragraphs (<br><br> too)
            el.tail = "\n\n" + (el.tail or "")
        elif el.tag in ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre"):
            el.tail = "\n\n" + (el.tail or "")
    lines = (" ".join(ln.split()) for ln in root.text_content().splitlines())
    paras, cur = [], []
    for ln in lines:
        if ln:
            cur.append(ln)
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return "\n".join(paras)


def feed_full_text(entry: Any) -> str | None:
    """The article text a feed entry carries itself (full content, or a long summary), or None."""
    best = ""
    for c in entry.get("content") or []:
        text = html_fragment_text(c.get("value") or "")
        if len(text) > len(best):
            best = text
    if len(best) >= MIN_MAIN_TEXT_CHARS:
        return best
    summary = html_fragment_text(entry.get("summary") or "")
    return summary if len(summary) >= MIN_FEED_SUMMARY_CHARS else None


def read_feed_bytes(body: bytes, *, location: str, client: Any = None, known: Known = None) -> Iterator[Item]:
    """Entries of an RSS/Atom feed; each entry's page is fetched and extracted.

    When the page cannot be fetched (or has no main text) and the feed carries the article's full
    text itself, that text is used (``meta["text_from"] = "feed"``).
    """
    feed = parse_feed(body, location)
    if isinstance(feed, IngestError) or not feed.entries:
        why = getattr(feed, "bozo_exception", None)
        yield IngestError(location, f"not a feed or no entries{': ' + str(why) if why else ''}")
        return
    yield from feed_items(feed, location=location, client=client, known=known)


def parse_feed(body: bytes, location: str) -> Any:
    """The parsed feed (feedparser), or an IngestError when ``body`` is not a feed at all."""
    import feedparser

    feed = feedparser.parse(body)
    if not feed.entries and (feed.get("bozo") or not feed.get("version")):
        why = getattr(feed, "bozo_exception", None)
        return IngestError(location, f"not a feed{': ' + str(why) if why else ''}")
    return feed


def feed_items(feed: Any, *, location: str, client: Any = None, known: Known = None) -> Iterator[Item]:
    """The articles of a parsed feed's entries: each entry's page not ``known`` is fetched."""
    site = feed.feed.get("title") if getattr(feed, "feed", None) else None
    remote = location.startswith(("http://", "https://"))
    own = client is None
    client = client or make_client()
    try:
        for i, entry in enumerate(feed.entries):
            link = entry.get("link")
            if link and link.startswith("file:"):
                if remote:  # a feed from the web never makes warta read this machine's files
                    yield IngestError(f"{location}#entry{i + 1}", f"refused: a file: link ({link}) in a remote feed")
                    continue
                link = file_url_path(link).resolve().as_uri()
            key = link or entry.get("id")
            if not key:
                yield IngestError(f"{location}#entry{i + 1}", "feed entry without a link")
                continue
            if known is not None and known(key):
                continue
            if link:
                got = fetch(link, client, MAX_PAGE_BYTES)
                if isinstance(got, IngestError):
                    items: list[Item] = [got]
                else:
                    items = list(article_from_html(got[0], location=link, article_id=link, url=link,
                                                   published=_entry_date(entry), title=entry.get("title"),
                                                   source=site))
            else:
                items = [IngestError(f"{location}#entry{i + 1}", "feed entry without a link")]
            if any(isinstance(it, Article) for it in items):
                yield from items
                continue
            text = feed_full_text(entry)
            if text is None:
                yield from items
                continue
            yield Article(id=key, text=text, title=entry.get("title") or None, url=link or None,
                          source=site, published=_entry_date(entry), origin=f"{location}#entry{i + 1}",
                          meta={"text_from": "feed", "page_error": "; ".join(e.reason for e in items)})
    finally:
        if own:
            client.close()


def read_warc(path: Path, known: Known = None) -> Iterator[Item]:
    """HTML responses of a WARC or WARC.gz file (request, metadata and other records are skipped).

    A truncated archive yields the records before the cut, then one IngestError at the cut.
    """
    import os

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        seen_any = False
        while True:
            try:
                record = next(it)
            except StopIteration:
                break
            except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
                yield IngestError(f"{path}@{_end(it) if seen_any else 0}",
                                  f"truncated or corrupt WARC record: {type(exc).__name__}: {exc}")
                return
            seen_any = True
            try:
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                http = record.http_headers
                ctype = (http.get_header("Content-Type") or "") if http else ""
                status = http.get_statuscode() if http else None
                if not ctype.lower().startswith(HTML_TYPES) or (status and not str(status).startswith("2")):
                    continue
                if url and known is not None and known(url):
                    continue
                body = record.content_stream().read(MAX_PAGE_BYTES + 1)
                missing = getattr(record.raw_stream, "limit", 0)
                offset = it.get_record_offset()  # (reads the record to its end: after the body)
            except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
                yield IngestError(f"{path}@{_end(it)}", f"truncated or corrupt WARC record: {type(exc).__name__}: {exc}")
                return
            loc = f"{path}@{offset}"
            if len(body) > MAX_PAGE_BYTES:
                yield IngestError(loc, f"record too large (> {MAX_PAGE_BYTES} bytes)")
            elif missing:
                yield IngestError(loc, f"truncated WARC record ({missing} bytes missing)")
            elif not body:
                yield IngestError(loc, "empty response")
            else:
                yield from article_from_html(body, location=loc, article_id=url or loc, url=url)
        if seen_any:
            end = _end(it)
            if end is not None and end < size:
                yield IngestError(f"{path}@{end}", f"truncated WARC record ({size - end} trailing bytes unreadable)")
        else:
            yield IngestError(str(path), "empty" if size == 0 else "not a WARC file (no records)")


def _end(it: Any) -> int | None:
    """Offset just past the iterator's current record."""
    try:
        return it.get_record_offset() + it.get_record_length()
    except Exception:
        return None
