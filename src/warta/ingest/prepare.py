"""From a raw Article to one ready for the NLP stages: cleaned text, dateline, date, language."""
from __future__ import annotations

from datetime import date, datetime

from warta.ingest import lang as lang_mod
from warta.ingest.clean import clean
from warta.ingest.dates import date_in_text, parse_date
from warta.ingest.repair import split_glued
from warta.model import Article, IngestError

CODED_LANGS = ("id", "en")
EMPTY_AFTER_CLEANING = "no text left after removing page junk"


def prepare(article: Article, *, lang: str = "auto", default_date: date | datetime | None = None,
            do_clean: bool = True) -> Article | IngestError:
    """Clean ``article`` in place and fill in source, place, publication date and language.

    ``raw_text`` keeps the text as it arrived; ``text`` becomes the cleaned and repaired text
    (:mod:`warta.ingest.repair`) that later stages and their character offsets refer to. A text
    that is empty after cleaning is returned empty: the pipeline skips it with the reason
    :data:`EMPTY_AFTER_CLEANING` (a counted skip, not an input error).
    """
    if article.raw_text is None:
        article.raw_text = article.text
    raw = article.raw_text
    if do_clean:
        c = clean(raw)
        article.text = c.text
        article.meta["junk_lines"] = c.junk
        if c.joined_lines:
            article.meta["repaired_lines"] = c.joined_lines
        if c.place and not article.place:
            article.place = c.place
        if c.outlet:
            article.meta["dateline_outlet"] = c.outlet
            if not article.source:
                article.source = c.outlet
    if not article.text.strip():
        article.text = ""
    # publication date: metadata, then the outlet's date stamp in the text, then --date
    published = parse_date(article.published) if article.published is not None else None
    if published is None:
        published = date_in_text(raw)
    if published is None:
        published = default_date
    article.published = published
    # language: forced, given by the record, or detected
    if lang != "auto":
        article.lang = lang
    elif not article.lang and article.text:
        article.lang = lang_mod.detect(article.text)
    # words glued at link boundaries (dalamIranmengatakan): the word list is Indonesian
    if do_clean and article.lang in ("id", "ms"):
        article.text, spaces = split_glued(article.text)
        if spaces:
            article.meta["repaired_glued"] = len(spaces)
    if article.lang and article.lang not in CODED_LANGS:
        article.lang_flag = article.lang
    return article
