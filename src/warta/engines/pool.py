"""Worker processes for the local engine: one loaded pipeline per worker, chunks of articles in,
results out in input order.

    pool = WorkerPool(2, Pipeline())
    for kind, article, content_hash, signature, result in pool.map(items):
        ...
    pool.close()

Each worker cleans its articles (:func:`warta.ingest.prepare`), computes what the duplicate
check needs (content hash, MinHash signature) and runs the pipeline; the parent makes the
duplicate decisions in input order and writes the store. At most ``4 x workers`` chunks are in
flight, so memory stays flat however long the input is.

Workers are forked where the platform allows it (they inherit the parent's pipeline object and
whatever it has loaded), else spawned (each loads its own). They ignore Ctrl-C: the parent stops
them after it has committed what was settled.
"""
from __future__ import annotations

import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import Any

from warta.ingest import prepare
from warta.ingest.dedup import signature
from warta.model import Article, IngestError
from warta.pipeline import Pipeline, Result

CHUNK = 16  # articles per task: ~0.1-0.2 s of work, so the pickling overhead stays small
IN_FLIGHT_PER_WORKER = 4

# the worker's state, set by _init (one pipeline per worker process, loaded once)
_STATE: dict[str, Any] = {}

Coded = tuple[str, Any, str | None, Any, Result | None]  # (kind, article or error, hash, signature, result)


WARM_UP = {
    "id": "Presiden Prabowo Subianto bertemu Perdana Menteri Anwar Ibrahim di Jakarta pada Senin (16/6).",
    "en": "President Joko Widodo met Prime Minister Anwar Ibrahim in Jakarta on Monday.",
}


def warm_up(pipeline: Pipeline, lang: str = "auto") -> None:
    """Load the pipeline of ``lang`` (or the default language) and everything its components build
    lazily (knowledge base, gazetteer, lexicons), so the first article does not pay for it."""
    if type(pipeline) is not Pipeline:  # a test's stand-in loads nothing
        return
    lang = lang if lang in WARM_UP else pipeline.default_lang
    pipeline.process(Article(id="warta-warm-up", text=WARM_UP[lang], lang=lang, published=date(2025, 6, 16)))


def _init(pipeline: Pipeline, lang: str, default_date: date | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STATE.update(pipeline=pipeline, lang=lang, default_date=default_date)
    warm_up(pipeline, lang)


def _ready() -> bool:
    return bool(_STATE)


ZONE_ARTICLES = 2000  # articles coded in one spaCy memory zone (see process)
_ZONES: dict[str, list] = {}  # lang -> [open memory zone, articles coded in it], per process


def process(pipeline: Pipeline, art: Article) -> Result:
    """``pipeline.process(art)`` inside a spaCy memory zone that is renewed every ``ZONE_ARTICLES``
    articles: the strings and lexemes those articles added to the vocabulary are then freed, so a
    process that codes millions of articles does not grow with every new word it meets, while the
    common words are not rebuilt for each article (results hold no spaCy objects; output unchanged)."""
    lang = pipeline.language_of(art) if type(pipeline) is Pipeline else None
    if lang is not None:
        zone = _ZONES.get(lang)
        if zone is None or zone[1] >= ZONE_ARTICLES:
            if zone is not None:
                zone[0].__exit__(None, None, None)
            cm = pipeline.nlp(lang).memory_zone()
            cm.__enter__()
            zone = _ZONES[lang] = [cm, 0]
        zone[1] += 1
    result = pipeline.process(art)
    result.doc = None
    return result


def code_one(item: Article | IngestError, pipeline: Pipeline, *, lang: str = "auto",
             default_date: date | None = None) -> Coded:
    """Clean and code one article; what the parent needs to settle it (see :meth:`WorkerPool.map`)."""
    if isinstance(item, IngestError):
        return ("error", item, None, None, None)
    art = prepare(item, lang=lang, default_date=default_date)
    if isinstance(art, IngestError):
        return ("error", art, None, None, None)
    h = art.content_hash
    sig = signature(art.text)
    result = process(pipeline, art)
    result.tone_row = tone_row(art)  # (scored here, not by the single writer: see Store.write_batch)
    return ("article", art, h, sig, result)


def tone_row(art: Article) -> dict:
    """The ``article_tone`` row of an article, as the store would compute it when writing."""
    from warta.tone import score

    t = score(f"{art.title or ''}\n{art.text}", art.lang)
    return {"article_id": art.id, "tone": t.tone, "positive": t.positive, "negative": t.negative,
            "polarity": t.polarity, "n_words": t.n_words, "lexicon": "en" if art.lang == "en" else "id"}


def _work(chunk: list[Article | IngestError]) -> list[Coded]:
    pipe = _STATE["pipeline"]
    return [code_one(item, pipe, lang=_STATE["lang"], default_date=_STATE["default_date"]) for item in chunk]


class WorkerPool:
    """``n`` worker processes, each with a loaded pipeline."""

    def __init__(self, n: int, pipeline: Pipeline, *, lang: str = "auto", default_date: date | None = None,
                 chunk: int | None = None):
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        self.n = n
        self.chunk = chunk or CHUNK
        self._ex = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init,
                                       initargs=(pipeline, lang, default_date))
        # start every worker and load its pipeline now: start-up is not part of a run's throughput
        for f in [self._ex.submit(_ready) for _ in range(n)]:
            f.result()

    def map(self, items: Iterable[Article | IngestError]) -> Iterator[Coded]:
        """Coded items in input order."""
        pending: deque[Future] = deque()
        limit = self.n * IN_FLIGHT_PER_WORKER
        chunk: list[Article | IngestError] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= self.chunk:
                pending.append(self._ex.submit(_work, chunk))
                chunk = []
                while len(pending) >= limit:
                    yield from pending.popleft().result()
        if chunk:
            pending.append(self._ex.submit(_work, chunk))
        try:
            while pending:
                yield from pending.popleft().result()
        finally:
            for f in pending:
                f.cancel()

    def close(self) -> None:
        self._ex.shutdown(wait=True, cancel_futures=True)
