"""Assembly of the spaCy pipeline for each language pack (``id``, ``en``).

Every entry point (CLI, API, Dask workers) gets its ``Language`` object from :func:`load`, so all of
them run the same components in the same order:

    tokenizer -> [trained components, if a model ships] -> sentences -> warta_actors
              -> warta_events -> warta_when_where

Components are registered by name with spaCy's ``@Language.factory`` in their own packages
(``warta.actors``, ``warta.events``, ``warta.when_where``) and read and write the ``Doc``
extensions declared in :mod:`warta.nlp.extensions`.
"""
from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from warta.nlp import extensions  # noqa: F401  (registers Doc._ attributes)
from warta.nlp import languages  # noqa: F401  (registers the lean Indonesian class as "id")
from warta.nlp import ensemble, storage  # noqa: F401  (register warta_ner_ensemble, warta.HalfVectors.v1)

SUPPORTED_LANGS = ("id", "en")
WARTA_COMPONENTS = ("warta_actors", "warta_events", "warta_when_where")


NLP_MODES = ("rules", "trained")


def use_trained() -> bool:
    """Whether pipelines run the trained components: ``WARTA_NLP=trained`` (``warta --nlp trained``).

    The default, ``rules``, runs the tuned tokenizer and sentence splitter, then the rule- and
    lexicon-based warta components; ``trained`` runs the shipped tagger, morphologizer,
    lemmatizer and NER first, so their annotations are on every Doc.
    """
    mode = os.environ.get("WARTA_NLP", "rules")
    if mode not in NLP_MODES:
        raise ValueError(f"WARTA_NLP must be one of {', '.join(NLP_MODES)}; got {mode!r}")
    return mode == "trained"


def model_path(lang: str) -> Path | None:
    """The trained pipeline shipped in the package for ``lang``, if there is one."""
    p = Path(str(resources.files("warta") / "data" / "models" / lang))
    return p if (p / "config.cfg").exists() else None


def _register_components() -> None:
    # Importing these modules registers their factories with spaCy.
    import warta.actors.component  # noqa: F401
    import warta.events.component  # noqa: F401
    import warta.when_where.component  # noqa: F401


@functools.lru_cache(maxsize=None)
def load(lang: str, *, with_components: bool = True, use_model: bool = True) -> Language:
    """The spaCy pipeline for ``lang`` ("id" or "en"), cached per process."""
    if lang not in SUPPORTED_LANGS:
        raise ValueError(f"unsupported language {lang!r}: warta codes {', '.join(SUPPORTED_LANGS)}")
    path = model_path(lang) if use_model else None
    if path is not None:
        nlp = spacy.load(path)
    else:
        nlp = spacy.blank(lang)
    if lang == "id":
        from warta.nlp.tokenizer import customize_tokenizer

        customize_tokenizer(nlp)
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "\u2026", "\n"]})
    if with_components:
        _register_components()
        for name in WARTA_COMPONENTS:
            nlp.add_pipe(name)
    return nlp
