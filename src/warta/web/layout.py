"""A small force-directed layout (Fruchterman-Reingold) for the network page: deterministic
(same graph, same picture), numpy only, fine for the few hundred nodes the page draws."""
from __future__ import annotations

import math

import numpy as np


def spring_layout(keys: list[str], edges: list[tuple[str, str, float]], *, iterations: int = 120,
                  seed: int = 7) -> dict[str, tuple[float, float]]:
    n = len(keys)
    if n == 0:
        return {}
    if n == 1:
        return {keys[0]: (0.0, 0.0)}
    index = {k: i for i, k in enumerate(keys)}
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1, 1, size=(n, 2))
    w = np.zeros((n, n))
    for s, t, weight in edges:
        if s in index and t in index:
            i, j = index[s], index[t]
            w[i, j] = w[j, i] = w[i, j] + math.log1p(weight)
    k = 2.0 / math.sqrt(n)
    temp = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        force = (k * k / dist ** 2 - (w + 0.02) * dist / k)  # repulsion; attraction (weak pull to all)
        np.fill_diagonal(force, 0.0)
        disp = (delta * force[:, :, None]).sum(axis=1)
        length = np.maximum(np.linalg.norm(disp, axis=-1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp *= 0.97
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max() or 1.0
    pos /= scale
    return {key: (round(float(pos[i, 0]), 4), round(float(pos[i, 1]), 4)) for key, i in index.items()}
