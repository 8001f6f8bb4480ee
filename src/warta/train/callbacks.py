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


# The optimizer of the running ``spacy train`` (``warta.Adam.v1`` puts it here), so that a callback can
# save the averaged weights, which spaCy only applies when it writes model-best and model-last.
_TRAINING: dict = {}


@spacy.registry.optimizers("warta.Adam.v1")
def make_adam(learn_rate: float = 0.001, *, L2: float = 1e-6, beta1: float = 0.9, beta2: float = 0.999,
              eps: float = 1e-08, grad_clip: float = 1.0, L2_is_weight_decay: bool = True,
              use_averages: bool = True):
    """thinc's ``Adam.v1``, remembered for :func:`make_time_limit`'s snapshots."""
    from thinc.api import Adam

    optimizer = Adam(learn_rate, L2=L2, beta1=beta1, beta2=beta2, eps=eps, grad_clip=grad_clip,
                     L2_is_weight_decay=L2_is_weight_decay, use_averages=use_averages)
    _TRAINING["optimizer"] = optimizer
    return optimizer


@spacy.registry.callbacks("warta.train_time_limit.v1")
def make_time_limit(seconds: float = 0, snapshot_every: int = 0, snapshot_from: int = 0, snapshot_dir: str = ""):
    """``[training.before_update]``: stop training cleanly (between two updates, so ``model-best`` is
    never half-written) once ``seconds`` have passed since the first update; 0 means no limit.

    With ``snapshot_every`` and ``snapshot_dir``, also save the pipeline to ``snapshot_dir/stepN``
    every ``snapshot_every`` updates from ``snapshot_from`` on, with the averaged weights when the
    optimizer is ``warta.Adam.v1`` (as model-last would be): one fixed-step fit gives the models of
    several step counts, to be chosen by a development run's best step.
    """
    import contextlib
    import time
    from pathlib import Path

    start: list[float] = []  # set at the first update: loading the corpus and initializing do not count

    def before_update(nlp, args):
        if not start:
            start.append(time.monotonic())
        # Called before update number ``step`` (counted from 0): the weights are those that spaCy's log
        # and model-last call step ``step - 1``.
        step = args.get("step") or 0
        done = step - 1
        if snapshot_every and snapshot_dir and done >= max(snapshot_from, 1) and done % snapshot_every == 0:
            optimizer = _TRAINING.get("optimizer")
            averaged = nlp.use_params(optimizer.averages) if optimizer is not None and optimizer.averages \
                else contextlib.nullcontext()
            Path(snapshot_dir).mkdir(parents=True, exist_ok=True)
            with averaged:
                nlp.to_disk(Path(snapshot_dir) / f"step{done}")
        if seconds and time.monotonic() - start[0] > seconds:
            print(f"warta: time limit of {seconds}s reached at step {step}", flush=True)
            raise SystemExit(0)

    return before_update
