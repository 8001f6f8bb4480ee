"""Exact and near-duplicate detection.

- Exact: the SHA-1 of the normalised text (case, accents, punctuation and spacing folded).
- Near: MinHash signatures of word 3-shingles, indexed in a datasketch ``MinHashLSH``; a candidate
  counts as a near duplicate (a syndicated copy) when the estimated Jaccard similarity reaches
  ``threshold``. The duplicate is linked to its original (``Article.near_duplicate_of``), not dropped.

The state persists across runs through the store: each article row keeps its content hash and
MinHash signature, and :meth:`Deduper.load` rebuilds the index from them.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from warta.model import Article, normalise_for_hash

NUM_PERM = 64
SHINGLE = 3
THRESHOLD = 0.7
MIN_SHINGLES = 8  # texts shorter than this are only checked for exact duplicates

_SEED = 1
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED)  # permutations are generated once


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (uint64 array) of ``text``'s word shingles, or None if too short."""
    words = normalise_for_hash(text).split()
    if len(words) < SHINGLE + MIN_SHINGLES:
        return None
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_TEMPLATE.permutations)
    m.update_batch(list(shingles))
    return m.hashvalues


def _minhash(values: np.ndarray) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=_SEED, hashvalues=values, permutations=_TEMPLATE.permutations)


class Deduper:
    """Remembers the articles seen (ids, content hashes, signatures) and classifies new ones."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.ids: set[str] = set()
        self.hashes: dict[str, str] = {}  # content hash -> first article id
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def load(self, rows: Iterable[tuple[str, str | None, bytes | None]]) -> None:
        """Rebuild the state from stored ``(id, content_hash, signature bytes)`` rows."""
        for aid, h, sig in rows:
            self.ids.add(aid)
            if h and h not in self.hashes:
                self.hashes[h] = aid
            if sig:
                self._index(aid, np.frombuffer(sig, dtype=np.uint64))

    def _index(self, aid: str, sig: np.ndarray) -> None:
        if aid not in self.sigs:
            self.sigs[aid] = sig
            self.lsh.insert(aid, _minhash(sig), check_duplication=False)

    def seen(self, article_id: str) -> bool:
        return article_id in self.ids

    def check(self, article: Article) -> tuple[str, np.ndarray | None]:
        """Classify ``article`` and remember it.

        Returns ``(status, signature)``: status is ``"seen"`` (same id already processed: nothing to
        do), ``"exact"`` (``article.duplicate_of`` set), ``"near"`` (``article.near_duplicate_of``
        set) or ``"new"``.
        """
        if article.id in self.ids:
            return "seen", None
        self.ids.add(article.id)
        if not article.text.strip():  # nothing left after cleaning: skipped, never anyone's duplicate
            return "new", None
        h = article.content_hash
        article.meta["content_hash"] = h
        if h in self.hashes:
            article.duplicate_of = self.hashes[h]
            return "exact", None
        self.hashes[h] = article.id
        sig = signature(article.text)
        if sig is None:
            return "new", None
        status = "new"
        m = _minhash(sig)
        best, best_j = None, 0.0
        for cand in self.lsh.query(m):
            j = float(np.mean(self.sigs[cand] == sig))
            if j > best_j or (j == best_j and best is not None and cand < best):
                best, best_j = cand, j
        if best is not None and best_j >= self.threshold:
            article.near_duplicate_of = best
            article.meta["near_duplicate_jaccard"] = round(best_j, 3)
            status = "near"
        else:
            self._index(article.id, sig)  # only originals are indexed: copies link to the first
        return status, sig
