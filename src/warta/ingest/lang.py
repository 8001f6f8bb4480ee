"""Language identification with lingua, built once per process for the few languages that matter.

warta codes Indonesian (``id``) and English (``en``). Malay (``ms``) is detected because lingua
often takes informal Indonesian for Malay: a short list of spelling differences between the two
(``karena``/``kerana``, ``bahwa``/``bahawa``, ``uang``/``wang``...) settles those cases. Other
languages are detected so that they can be kept and flagged (``Article.lang_flag``) rather than
coded by the wrong language pack.
"""
from __future__ import annotations

import functools
import re

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (
    Language.INDONESIAN, Language.ENGLISH, Language.MALAY, Language.TAGALOG, Language.DUTCH,
    Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ARABIC, Language.CHINESE,
    Language.JAPANESE, Language.VIETNAMESE,
)
SAMPLE_CHARS = 1000  # detect on the first characters only: enough, and the cost stays flat
MIN_WORDS = 4  # shorter texts are not classified (lang stays unknown)

_ID_MARKERS = re.compile(r"\b(?:karena|bahwa|yaitu|uang|pemerintah|bisa|saat|kini|mengatakan|ungkap|"
                         r"tersebut|sejumlah|presiden|kepada|dalam|belum|kemarin|warga)\b", re.IGNORECASE)
_MS_MARKERS = re.compile(r"\b(?:kerana|bahawa|iaitu|wang|kerajaan|boleh|semalam|sahaja|daripada|"
                         r"ialah|kenyataan|beliau|semasa|tersebut\s+ialah)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """The process-wide detector (low-accuracy mode: trigram models only, fast and small)."""
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language (``id``, ``en``, ``ms``...), or None if unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    lang = detector().detect_language_of(sample)
    if lang is None:
        return None
    code = lang.iso_code_639_1.name.lower()
    if code == "ms":
        ids = len(_ID_MARKERS.findall(sample))
        mss = len(_MS_MARKERS.findall(sample))
        if ids >= mss:
            code = "id"
    return code
