"""Half-precision storage for the shipped pipeline's weights (``warta.HalfVectors.v1``).

The trained pipeline must fit in 40 MB. Its weights are float32 in memory, but 16 bits on disk are
enough for them: every value is rounded once when the model is saved and widened back to float32
when it is loaded, so computing is unchanged and only the stored digits shrink (half the bytes).

- :func:`compact_model_bytes` / :func:`full_model_bytes` convert a thinc ``Model.to_bytes()``
  message. Embedding tables, most of an NER model's size, go further: int8 with one scale per row
  (a quarter of the bytes).
- :class:`HalfVectors` is spaCy's :class:`~spacy.vectors.Vectors` table that saves its rows as
  float16 and loads them as float32; a pipeline selects it in its config with
  ``[nlp.vectors] @vectors = "warta.HalfVectors.v1"``.
"""
from __future__ import annotations

import contextlib
from typing import Callable

import numpy
import srsly
from spacy.util import registry
from spacy.vectors import Vectors
from spacy.vocab import Vocab


#: Parameter tables at least this big (the hash-embedding tables: rows x width) are stored as int8.
INT8_MIN_SIZE = 100_000


def _pack(value: numpy.ndarray, int8_min_size: int):
    if value.ndim == 2 and value.size >= int8_min_size:
        # One scale per row: each row's largest magnitude maps to 127.
        scale = numpy.abs(value).max(axis=1, keepdims=True) / 127.0
        scale[scale == 0] = 1.0
        return {"int8": numpy.rint(value / scale).astype("int8"), "scale": scale.astype("float32")}
    return value.astype("float16")


def _unpack(value):
    if isinstance(value, dict) and "int8" in value:
        return (value["int8"].astype("float32") * value["scale"]).astype("float32")
    if isinstance(value, numpy.ndarray) and value.dtype.kind == "f":
        return value.astype("float32")
    return value


def compact_model_bytes(data: bytes, int8_min_size: int = INT8_MIN_SIZE) -> bytes:
    """A thinc model's serialized bytes with its float parameters stored compactly: tables of at least
    ``int8_min_size`` values (embedding tables) as int8 with a float32 scale per row, the rest as
    float16."""
    msg = srsly.msgpack_loads(data)
    for params in msg.get("params", []):
        for name, value in params.items():
            if isinstance(value, numpy.ndarray) and value.dtype.kind == "f":
                params[name] = _pack(value, int8_min_size)
    return srsly.msgpack_dumps(msg)


def full_model_bytes(data: bytes) -> bytes:
    """The inverse of :func:`compact_model_bytes`: every float parameter back to float32 (a float32
    message passes through unchanged, so models saved either way load)."""
    msg = srsly.msgpack_loads(data)
    for params in msg.get("params", []):
        for name, value in params.items():
            params[name] = _unpack(value)
    return srsly.msgpack_dumps(msg)


class HalfVectors(Vectors):
    """Vectors stored as float16 on disk and in bytes, float32 in memory."""

    @contextlib.contextmanager
    def _float16(self):
        """The rows as float16 while saving, float32 again afterwards."""
        full = self.data
        self.data = numpy.asarray(full, dtype="float16")
        try:
            yield
        finally:
            self.data = full

    def to_disk(self, path, *, exclude=tuple()):
        with self._float16():
            return super().to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=tuple()):
        super().from_disk(path, exclude=exclude)
        self.data = numpy.asarray(self.data, dtype="float32")
        return self

    def to_bytes(self, *, exclude=tuple()):
        with self._float16():
            return super().to_bytes(exclude=exclude)

    def from_bytes(self, data, *, exclude=tuple()):
        super().from_bytes(data, exclude=exclude)
        self.data = numpy.asarray(self.data, dtype="float32")
        return self


@registry.vectors("warta.HalfVectors.v1")
def create_half_vectors() -> Callable[[Vocab], Vectors]:
    def make(vocab: Vocab) -> Vectors:
        return HalfVectors(strings=vocab.strings)

    return make


def use_half_vectors(nlp) -> None:
    """Switch a pipeline's vectors table to :class:`HalfVectors` (same rows, same settings), and its
    config with it, so that it is saved at half the size."""
    old = nlp.vocab.vectors
    new = HalfVectors(strings=nlp.vocab.strings)
    new.from_bytes(Vectors.to_bytes(old))
    nlp.vocab.vectors = new
    nlp.config["nlp"]["vectors"] = {"@vectors": "warta.HalfVectors.v1"}
