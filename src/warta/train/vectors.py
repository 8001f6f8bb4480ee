"""Word vectors trained here on raw Indonesian news text (PPMI + truncated SVD, numpy only).

``python -m warta.train.vectors NEWS.jsonl OUT.txt`` writes word2vec-format text vectors of lowercased
words, to be turned into a spaCy vectors table with
``spacy init vectors id OUT.txt DIR --attr LOWER``. The vectors are ours (trained on the shared
sample of news text); the text itself is not shipped.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import spacy


def texts(path: str | Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            for key in ("title", "text"):
                if rec.get(key):
                    yield rec[key]


def train_vectors(path: str | Path, out: str | Path, n_words: int = 30000, n_ctx: int = 6000,
                  dim: int = 96, window: int = 4, seed: int = 0) -> int:
    from warta.nlp.tokenizer import customize_tokenizer

    nlp = customize_tokenizer(spacy.blank("id"))
    sents: list[list[str]] = []
    for doc in nlp.tokenizer.pipe(texts(path), batch_size=200):
        sents.append([t.lower_ for t in doc if not t.is_space])
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, c in counts.most_common(n_words) if c >= 2]
    index = {w: i for i, w in enumerate(vocab)}
    cooc = np.zeros((len(vocab), n_ctx), dtype=np.float32)
    for s in sents:
        ids = np.array([index.get(w, -1) for w in s], dtype=np.int64)
        for d in range(1, window + 1):
            weight = 1.0 / d
            for a, b in ((ids[:-d], ids[d:]), (ids[d:], ids[:-d])):
                ok = (a >= 0) & (b >= 0) & (b < n_ctx)
                np.add.at(cooc, (a[ok], b[ok]), weight)
    total = cooc.sum()
    pw = cooc.sum(1, keepdims=True) / total
    pc = cooc.sum(0, keepdims=True) ** 0.75
    pc /= pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((cooc / total) / (pw * pc))
    pmi[~np.isfinite(pmi)] = 0.0
    np.maximum(pmi, 0.0, out=pmi)
    # randomized truncated SVD
    rng = np.random.default_rng(seed)
    omega = rng.standard_normal((n_ctx, dim + 20)).astype(np.float32)
    y = pmi @ omega
    for _ in range(2):
        y, _r = np.linalg.qr(y)
        y = pmi @ (pmi.T @ y)
    q, _r = np.linalg.qr(y)
    b = q.T @ pmi
    ub, s, _vt = np.linalg.svd(b, full_matrices=False)
    u = (q @ ub)[:, :dim] * np.sqrt(s[:dim])
    u /= np.linalg.norm(u, axis=1, keepdims=True) + 1e-8
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(f"{len(vocab)} {dim}\n")
        for w, row in zip(vocab, u):
            if " " in w:
                continue
            fh.write(w + " " + " ".join(f"{x:.4f}" for x in row) + "\n")
    return len(vocab)


if __name__ == "__main__":  # pragma: no cover
    print(train_vectors(sys.argv[1], sys.argv[2]))
