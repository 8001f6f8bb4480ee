"""The one pipeline every entry point uses: Article -> spaCy Doc -> mentions -> events.

    >>> from warta.pipeline import Pipeline
    >>> from warta.model import Article
    >>> pipe = Pipeline()
    >>> doc = pipe(Article(id="a1", text="Presiden Joe Biden bertemu Xi Jinping.", lang="id"))
    >>> [e.event_type for e in doc._.events]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from warta import nlp as nlp_mod
from warta.model import Article, Event, Mention, Quote


@dataclass
class Result:
    """What the pipeline found in one article."""

    article: Article
    doc: Doc | None
    mentions: list[Mention]
    events: list[Event]
    quotes: list[Quote]
    skipped: str | None = None  # why the article was not coded (e.g. unsupported language)


class Pipeline:
    """Runs the spaCy pipeline of the article's language over articles.

    ``lang`` forces a language ("id", "en"); "auto" uses each article's detected ``lang``
    (set at ingestion) and falls back to ``default_lang``.
    """

    def __init__(self, lang: str = "auto", default_lang: str = "id", use_model: bool | None = None):
        if lang != "auto" and lang not in nlp_mod.SUPPORTED_LANGS:
            raise ValueError(f"--lang must be auto, {' or '.join(nlp_mod.SUPPORTED_LANGS)}; got {lang!r}")
        self.lang = lang
        self.default_lang = default_lang
        # the trained statistical components (tagger, morphology, lemmas, NER) are opt-in: no stage
        # needs them yet and they cost ~4x the rest of the pipeline (see docs/MODEL_CARD.md)
        self.use_model = nlp_mod.use_trained() if use_model is None else use_model

    def language_of(self, article: Article) -> str | None:
        if self.lang != "auto":
            return self.lang
        lang = article.lang or self.default_lang
        return lang if lang in nlp_mod.SUPPORTED_LANGS else None

    def nlp(self, lang: str):
        return nlp_mod.load(lang, use_model=self.use_model)

    def __call__(self, article: Article) -> Doc:
        lang = self.language_of(article) or self.default_lang
        nlp = self.nlp(lang)
        doc = nlp.make_doc(article.text)
        doc._.article = article
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    def process(self, article: Article) -> Result:
        if not article.text.strip():
            from warta.ingest.prepare import EMPTY_AFTER_CLEANING

            return Result(article, None, [], [], [], skipped=EMPTY_AFTER_CLEANING)
        lang = self.language_of(article)
        if lang is None:
            return Result(article, None, [], [], [], skipped=f"language {article.lang!r} is not coded")
        doc = self(article)
        return Result(article, doc, list(doc._.mentions or []), list(doc._.events or []),
                      list(doc._.quotes or []))

    def process_many(self, articles: Iterable[Article]) -> Iterator[Result]:
        for article in articles:
            yield self.process(article)
