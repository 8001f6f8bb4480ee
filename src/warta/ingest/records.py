"""Structured files of articles: a JSON array (or one JSON object) and CSV/TSV with a header.

A JSON file holds an array of article objects, one article object, or an object whose
``articles`` (or ``items``) field is such an array; fields are those of the JSONL reader (``id``,
``text`` and optional ``title, url, source, date/published, lang``).

A CSV or TSV file has a header row; :class:`Columns` says which column holds what. By default the
text is the first of ``text, body, content``, the date ``date, published``, the title ``title``,
the URL ``url, link``, the id ``id`` (names matched without regard to case). Other columns are
kept in the article's ``meta``. A file without a text column is refused, naming its columns.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.model import Article, IngestError

Item = Article | IngestError

MAX_JSON_BYTES = 500_000_000  # a whole JSON file is parsed at once; larger: use JSON lines


@dataclass(frozen=True)
class Columns:
    """Which CSV column holds each field: a name given by the user, or None for the defaults."""

    text: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    id: str | None = None

    DEFAULTS = {
        "text": ("text", "body", "content"),
        "date": ("date", "published"),
        "title": ("title",),
        "url": ("url", "link"),
        "id": ("id",),
        "source": ("source",),
        "lang": ("lang", "language"),
    }

    def resolve(self, header: list[str]) -> dict[str, str] | str:
        """field -> header column, or the reason the header does not fit (a user's column missing)."""
        by_lower = {h.strip().lower(): h for h in header}
        out: dict[str, str] = {}
        for fld, candidates in self.DEFAULTS.items():
            chosen = getattr(self, fld, None) if fld in ("text", "date", "title", "url", "id") else None
            if chosen is not None:
                col = by_lower.get(chosen.strip().lower())
                if col is None:
                    return (f"no column {chosen!r} (--{fld}-column); the header has: "
                            f"{', '.join(header)}")
                out[fld] = col
                continue
            for cand in candidates:
                if cand in by_lower:
                    out[fld] = by_lower[cand]
                    break
        if "text" not in out:
            return (f"no text column (looked for {', '.join(self.DEFAULTS['text'])}); the header has: "
                    f"{', '.join(header)}; name it with --text-column")
        return out


def read_json(path: Path) -> Iterator[Item]:
    """Articles of a JSON file (see the module docs); JSON lines in a ``.json`` file work too."""
    from warta.ingest.sources import _decode, _jsonl_lines, record_to_article

    data = path.read_bytes()
    if len(data) > MAX_JSON_BYTES:
        yield IngestError(str(path), f"JSON file too large to parse at once (> {MAX_JSON_BYTES} bytes); "
                                     "write it as JSON lines (.jsonl) instead")
        return
    text = _decode(data, str(path))
    if isinstance(text, IngestError):
        yield text
        return
    yield from json_articles(text, str(path), lambda: _jsonl_lines(io.BytesIO(data), str(path)),
                             record_to_article)


def json_articles(text: str, name: str, as_lines, record_to_article) -> Iterator[Item]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            yield from as_lines()  # several objects, one per line: JSON lines
            return
        yield IngestError(f"{name}:{exc.lineno}", f"malformed JSON: {exc.msg} (column {exc.colno})")
        return
    except RecursionError:
        yield IngestError(name, "malformed JSON: nested too deeply")
        return
    if isinstance(doc, dict):
        for key in ("articles", "items"):
            if isinstance(doc.get(key), list) and "text" not in doc:
                doc = doc[key]
                break
    if isinstance(doc, dict):
        if "text" not in doc:
            yield IngestError(name, "JSON object is not an article (no 'text' field) and holds no "
                                    "'articles' array; expected an array of {id, text, ...} objects")
            return
        yield record_to_article(doc, name)
        return
    if not isinstance(doc, list):
        yield IngestError(name, f"JSON file holds a {type(doc).__name__}, not an array of articles")
        return
    if not doc:
        yield IngestError(name, "empty JSON array: no articles")
        return
    for i, rec in enumerate(doc):
        yield record_to_article(rec, f"{name}[{i}]")


def read_csv(path: Path, columns: Columns | None = None) -> Iterator[Item]:
    """One article per row of a CSV/TSV file with a header (see :class:`Columns`)."""
    from warta.ingest.sources import _decode, record_to_article

    text = _decode(path.read_bytes(), str(path))
    if isinstance(text, IngestError):
        yield text
        return
    columns = columns or Columns()
    if path.name.lower().endswith((".tsv", ".tab")):
        dialect: type[csv.Dialect] | csv.Dialect = csv.excel_tab
    else:
        try:
            dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
    csv.field_size_limit(max(csv.field_size_limit(), 50_000_000))
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield IngestError(str(path), f"CSV without a header row ({exc or 'empty'})")
        return
    cols = columns.resolve(header)
    if isinstance(cols, str):
        yield IngestError(str(path), f"CSV not read: {cols}")
        return
    index = {h: i for i, h in enumerate(header)}
    used = set(cols.values())
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield IngestError(f"{path}:{reader.line_num}", f"malformed CSV: {exc}")
            return
        if not any(c.strip() for c in row):
            continue
        loc = f"{path}:{reader.line_num}"
        if len(row) != len(header):
            yield IngestError(loc, f"row has {len(row)} fields, the header {len(header)}")
            continue
        rec = {fld: row[index[col]] for fld, col in cols.items() if row[index[col]] != ""}
        rec.update({h: row[i] for h, i in index.items() if h not in used and row[i] != ""})
        if "text" not in rec:
            yield IngestError(loc, f"empty text (column {cols['text']!r})")
            continue
        yield record_to_article(rec, loc)
