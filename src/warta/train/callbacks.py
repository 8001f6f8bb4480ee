"""spaCy registry entries used by the training configs (passed to ``spacy train --code``)."""
from __future__ import annotations

import spacy

from warta.nlp.tokenizer import customize_tokenizer


@spacy.registry.callbacks("warta.customize_tokenizer.v1")
def make_customize_tokenizer():
    """``[initialize.before_init]``: train on the same tokens that :func:`warta.nlp.load` produces."""

    def before_init(nlp):
        customize_tokenizer(nlp)
        return nlp

    return before_init
