"""Exact and near-duplicate detection.

- Exact: the SHA-1 of the normalised text (case, accents, punctuation and spacing folded).
- Near: MinHash signatures of word 3-shingles, indexed in a datasketch ``MinHashLSH``; a candidate
  counts as a near duplicate (a syndicated copy) when the estimated Jaccard similarity reaches
  ``threshold``. The duplicate is linked to its original (``Article.near_duplicate_of``), not dropped.

The state persists across runs through the store: each article row keeps its content hash and
MinHash signature, and :meth:`Deduper.load` rebuilds the index from them.

Memory is bounded: the deduper remembers the ``window`` most recent articles (ids, hashes,
signatures and their LSH entries: about 4 KB an article, most of it datasketch's LSH index, as
measured by ``benchmarks/bench_memory.py``) and forgets the oldest beyond that. Syndicated copies
appear within hours or days, so a window of 100,000 articles (about 0.4 GB) finds them at the pace
of a national news feed; an article older than the window that is read again is coded again, but
the store's primary keys keep it from being stored twice.
"""
from __future__ import annotations

from collections import deque
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


WINDOW = 100_000  # articles remembered (see the module docstring): about 0.4 GB


class Deduper:
    """Remembers the articles seen (ids, content hashes, signatures) and classifies new ones."""

    def __init__(self, threshold: float = THRESHOLD, window: int | None = WINDOW):
        self.threshold = threshold
        self.window = window
        self.ids: set[str] = set()
        self.hashes: dict[str, str] = {}  # content hash -> first article id
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, np.ndarray] = {}
        self._order: deque[tuple[str, str | None]] = deque()  # (id, content hash), oldest first
        self.forgotten = 0

    def __len__(self) -> int:
        return len(self.ids)

    def load(self, rows: Iterable[tuple[str, str | None, bytes | None]]) -> None:
        """Rebuild the state from stored ``(id, content_hash, signature bytes)`` rows, oldest first."""
        for aid, h, sig in rows:
            if aid in self.ids:
                continue
            self._remember(aid, h)
            if sig:
                self._index(aid, np.frombuffer(sig, dtype=np.uint64))

    def _remember(self, aid: str, h: str | None) -> None:
        self.ids.add(aid)
        if h and h not in self.hashes:
            self.hashes[h] = aid
        self._order.append((aid, h))
        if self.window is not None:
            while len(self._order) > self.window:
                self._forget(*self._order.popleft())

    def _forget(self, aid: str, h: str | None) -> None:
        self.ids.discard(aid)
        if h and self.hashes.get(h) == aid:
            del self.hashes[h]
        if self.sigs.pop(aid, None) is not None:
            self.lsh.remove(aid)
        self.forgotten += 1

    def _index(self, aid: str, sig: np.ndarray) -> None:
        if aid not in self.sigs and aid in self.ids:
            self.sigs[aid] = sig
            self.lsh.insert(aid, _minhash(sig), check_duplication=False)

    def seen(self, article_id: str) -> bool:
        return article_id in self.ids

    def check(self, article: Article, *, content_hash: str | None = None,
              sig: np.ndarray | None | bool = False) -> tuple[str, np.ndarray | None]:
        """Classify ``article`` and remember it.

        Returns ``(status, signature)``: status is ``"seen"`` (same id already processed: nothing to
        do), ``"exact"`` (``article.duplicate_of`` set), ``"near"`` (``article.near_duplicate_of``
        set) or ``"new"``. ``content_hash`` and ``sig`` may be given when computed elsewhere (a
        worker process); the decision is the same.
        """
        if article.id in self.ids:
            return "seen", None
        if not article.text.strip():  # nothing left after cleaning: skipped, never anyone's duplicate
            self._remember(article.id, None)
            return "new", None
        h = content_hash or article.content_hash
        article.meta["content_hash"] = h
        status, dup, jacc, sig = self.classify(article.id, h, article.text if sig is False else None,
                                               sig=None if sig is False else sig)
        if status == "exact":
            article.duplicate_of = dup
        elif status == "near":
            article.near_duplicate_of = dup
            article.meta["near_duplicate_jaccard"] = jacc
        return status, sig

    def classify(self, aid: str, h: str, text: str | None = None, *,
                 sig: np.ndarray | None = None) -> tuple[str, str | None, float | None, np.ndarray | None]:
        """``(status, original id, jaccard, signature)`` for an article given its id and content hash
        (and its text, or its precomputed ``sig``); the article is remembered."""
        if aid in self.ids:
            return "seen", None, None, None
        if h in self.hashes:
            dup = self.hashes[h]
            self._remember(aid, None)
            return "exact", dup, None, None
        self._remember(aid, h)
        if text is not None:
            sig = signature(text)
        if sig is None:
            return "new", None, None, None
        m = _minhash(sig)
        best, best_j = None, 0.0
        for cand in self.lsh.query(m):
            j = float(np.mean(self.sigs[cand] == sig))
            if j > best_j or (j == best_j and best is not None and cand < best):
                best, best_j = cand, j
        if best is not None and best_j >= self.threshold:
            return "near", best, round(best_j, 3), sig
        self._index(aid, sig)  # only originals are indexed: copies link to the first
        return "new", None, None, sig
