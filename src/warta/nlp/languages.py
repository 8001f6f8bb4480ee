"""A lean Indonesian language class for spaCy, registered as ``id``.

spaCy's stock Indonesian tokenizer carries ~15,600 special cases, almost all reduplicated words
("anak-anak", "berlari-lari") listed one by one so that its hyphen rule does not split them.
Loading them costs ~10 s per process. Here one ``token_match`` pattern keeps every reduplicated
word whole instead (including ones the list lacks: "tentara-tentara", "sebaik-baiknya"), and the
exception table shrinks to the few hundred entries without a hyphen. Other hyphenated forms split
as before ("AS-Tiongkok" -> "AS", "-", "Tiongkok").

Importing :mod:`warta.nlp` registers this class, so ``spacy.blank("id")`` and ``spacy.load`` of a
pipeline whose ``lang`` is ``id`` both use it in warta processes.
"""
from __future__ import annotations

import re

from spacy.attrs import PREFIX, SUFFIX
from spacy.lang.id import Indonesian, IndonesianDefaults
from spacy.util import registry


# Full reduplication with optional affixes: anak-anak, berlari-lari, sebaik-baiknya, kemerah-merahan.
# (Inline case-insensitivity, so the flag survives when the pattern string is combined with others.)
REDUPLICATION = re.compile(r"^(?i:[^\W\d_]*?([^\W\d_]{2,})-\1[^\W\d_]*)$")


def prefix(string: str) -> str:
    """The first three characters, lowercased: Indonesian affixes (``di-``, ``ber-``, ``men-``,
    ``ter-``, ``pen-``) tell a word's class. spaCy's default keeps one character. The trained
    pipeline's embeddings hash this attribute; case is carried by ``SHAPE``."""
    return string[:3].lower()


def suffix(string: str) -> str:
    """The last three characters, lowercased (``-kan``, ``-nya``, ``-an``)."""
    return string[-3:].lower()


class LeanIndonesianDefaults(IndonesianDefaults):
    tokenizer_exceptions = {
        orth: value for orth, value in IndonesianDefaults.tokenizer_exceptions.items()
        if "-" not in orth.strip("-")
    }
    token_match = REDUPLICATION.match
    lex_attr_getters = {**IndonesianDefaults.lex_attr_getters, PREFIX: prefix, SUFFIX: suffix}


class LeanIndonesian(Indonesian):
    lang = "id"
    Defaults = LeanIndonesianDefaults


def register() -> None:
    registry.languages.register("id", func=LeanIndonesian)


register()
