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


@spacy.registry.callbacks("warta.train_time_limit.v1")
def make_time_limit(seconds: float = 0):
    """``[training.before_update]``: stop training cleanly (between two updates, so ``model-best`` is
    never half-written) once ``seconds`` have passed; 0 means no limit."""
    import time

    start = time.monotonic()

    def before_update(nlp, args):
        if seconds and time.monotonic() - start > seconds:
            print(f"warta: time limit of {seconds}s reached at step {args.get('step')}", flush=True)
            raise SystemExit(0)

    return before_update
