"""Which warta coded an article: the version number and a fingerprint of the pipeline.

The fingerprint is the NLP mode (``rules`` or ``trained``) and a hash of warta's own code and data
(lexicons, knowledge base, gazetteer, models) as installed. Any change to them (a lexicon entry,
a KB row, a rule) gives a new fingerprint, so ``warta process --reprocess`` knows which stored
articles were coded by another pipeline. Computed once per process (about 0.1 s).
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path


def warta_version() -> str:
    from warta import __version__

    return __version__


@functools.lru_cache(maxsize=None)
def package_hash() -> str:
    """SHA-1 (first 12 hex digits) over the paths and bytes of warta's code and data files."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha1()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                       and p.suffix not in (".pyc", ".pyo")):
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()[:12]


def pipeline_id(use_model: bool | None = None) -> str:
    """``rules-<hash>`` or ``trained-<hash>``: the pipeline that codes in this process."""
    from warta import nlp

    trained = nlp.use_trained() if use_model is None else use_model
    return f"{'trained' if trained else 'rules'}-{package_hash()}"


def current(use_model: bool | None = None) -> tuple[str, str]:
    """``(warta_version, pipeline_id)`` of this process."""
    return warta_version(), pipeline_id(use_model)
