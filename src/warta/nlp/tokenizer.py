"""Indonesian tokenizer tuning for news text.

:func:`customize_tokenizer` is applied by :func:`warta.nlp.load` to every Indonesian pipeline, blank or
trained, and by the training recipe before a model is initialised (so the trained models see the same
tokens). Everything it adds is plain data (special cases and regular expressions), so it is serialised
with a trained pipeline and ``spacy.load`` of the shipped model gives the same tokens without warta.

What it changes, compared with spaCy's stock ``id`` tokenizer:

* abbreviations that end with a period stay one token (``tgl.``, ``Jl.``, ``Kab.``, ``pk.``, ``Ir.``,
  ``Brigjen.`` ...), so the sentencizer does not cut sentences after them (``Dr.``, ``No.``, ``S.H.``
  are already exceptions in spaCy). ``AS.`` is deliberately *not* an exception: in news it is
  "Amerika Serikat" at the end of a sentence, so the period is split off and ends the sentence;
* day/month dates stay one token: ``(18/6)`` -> ``(``, ``18/6``, ``)``; ``16/6/2025`` one token;
* the enclitic pronoun ``-nya`` is split off as its own token (``bukunya`` -> ``buku`` + ``nya``), as
  in Universal Dependencies Indonesian, except in lexicalised words (``hanya``, ``punya``,
  ``biasanya``, ``lainnya``, ``sebelumnya`` ...); and question ``-kah`` in a few words (``apakah``).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.util import compile_suffix_regex

# Abbreviations written with a final period that do not end a sentence (mostly titles and address
# or administrative words followed by a name or a number). Lowercase and Capitalised forms are added.
ABBREVIATIONS = [
    # dates, numbers, addresses
    "tgl.", "tg.", "pk.", "pkl.", "th.", "thn.", "no.", "nmr.", "jl.", "jln.", "gg.", "kab.", "kec.",
    "kel.", "prov.", "kota.", "ds.", "rt.", "rw.", "hlm.", "hal.", "vol.", "kg.", "km.", "jt.", "rb.",
    "m.", "tsb.", "dll.", "dsb.", "dst.", "dkk.", "yth.", "sdr.", "sdri.", "bpk.", "ibu.", "a.n.",
    "u.p.", "s.d.", "spt.", "krn.", "utk.", "dgn.", "yg.", "ttg.", "kpd.", "sbg.", "a.l.", "mis.",
    "ket.", "red.", "ed.", "ref.",
    # titles and ranks
    "dr.", "drs.", "dra.", "ir.", "prof.", "h.", "hj.", "kh.", "k.h.", "st.", "mr.", "mrs.", "ms.",
    "jend.", "letjen.", "mayjen.", "brigjen.", "kol.", "letkol.", "mayor.", "kapt.", "lettu.",
    "letda.", "serda.", "serka.", "sertu.", "kopda.", "praka.", "pratu.", "laksma.", "laksda.",
    "marsda.", "marsma.", "irjen.", "komjen.", "kombes.", "akbp.", "akp.", "ipda.", "iptu.", "aiptu.",
    "bripka.", "briptu.", "bripda.", "brigpol.", "pol.", "purn.", "kapolri.", "kapolda.", "kapolres.",
    "wamen.", "men.", "pres.", "wapres.", "gub.", "bup.", "sek.", "sekjen.", "dirjen.", "dir.",
    "kadis.", "kasat.", "kasi.", "kabag.", "pt.", "cv.", "tbk.", "ud.", "yayasan.",
    # academic degrees
    "s.h.", "s.e.", "s.t.", "s.pd.", "s.ag.", "s.sos.", "s.ip.", "s.kom.", "s.ked.", "s.si.", "s.psi.",
    "s.kep.", "m.h.", "m.si.", "m.m.", "m.sc.", "m.a.", "m.pd.", "m.ag.", "m.kes.", "m.t.", "m.hum.",
    "m.kom.", "sp.og.", "sp.pd.", "ph.d.", "mba.", "lc.", "ma.",
]
# Month abbreviations with a period ("17 Agt. 2025").
ABBREVIATIONS += ["jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "agt.", "ags.", "agu.", "sep.",
                  "sept.", "okt.", "nov.", "des."]

# Words that end in "nya" (or "kah") but are one word in UD Indonesian: never split.
NYA_LEXICAL = [
    "hanya", "punya", "tanya", "bertanya", "ditanya", "nya", "akhirnya", "awalnya", "biasanya",
    "bahwasanya", "berikutnya", "diantaranya", "hendaknya", "kayaknya", "khususnya", "kesemuanya",
    "lainnya", "makanya", "misalnya", "nampaknya", "tampaknya", "rupanya", "agaknya", "sebaliknya",
    "sebelumnya", "sebenarnya", "sedikitnya", "seharusnya", "selanjutnya", "seluruhnya",
    "semestinya", "sepenuhnya", "sepertinya", "sesudahnya", "setelahnya", "sesungguhnya",
    "setidaknya", "umumnya", "utamanya", "terutamanya", "contohnya", "kiranya", "mestinya",
    "selebihnya", "pokoknya", "untungnya", "sayangnya", "anehnya", "intinya", "nyanya", "senya",
]

# Question particle -kah, split in UD ("apakah" -> "apa" + "kah"): only in these words.
KAH_WORDS = ["apakah", "siapakah", "manakah", "bagaimanakah", "mengapakah", "kapankah", "adakah",
             "bukankah", "tidakkah", "inikah", "itukah", "berapakah", "dimanakah", "haruskah",
             "bisakah", "dapatkah", "sudahkah", "benarkah", "perlukah", "mampukah"]

# Day/month(/year) dates: 18/6, 16/6/2025, 1/12/24.
DATE_RE = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?"
# -nya after at least three lowercase letters (not "Kenya", "Sonya"); the hyphenated "-nya" too.
NYA_SUFFIXES = [r"(?<=[a-z]{3})nya", r"(?<=[a-z])-nya"]


def _variants(word: str) -> set[str]:
    return {word, word[:1].upper() + word[1:], word.upper()}


def customize_tokenizer(nlp: Language) -> Language:
    """Tune ``nlp.tokenizer`` for Indonesian news (in place; idempotent). Returns ``nlp``."""
    tok = nlp.tokenizer
    # 1. abbreviations
    for abbr in ABBREVIATIONS:
        for form in _variants(abbr):
            tok.add_special_case(form, [{ORTH: form}])
    # 2. words ending in -nya that must not be split
    for word in NYA_LEXICAL:
        for form in _variants(word):
            tok.add_special_case(form, [{ORTH: form}])
    # 3. -kah
    for word in KAH_WORDS:
        for form in _variants(word):
            tok.add_special_case(form, [{ORTH: form[:-3]}, {ORTH: form[-3:], NORM: "kah"}])
    # 4. dates as one token: keep the existing token_match and add the date pattern.
    old = tok.token_match
    old_pattern = getattr(getattr(old, "__self__", None), "pattern", None)
    if old_pattern is None or DATE_RE not in old_pattern:
        pattern = f"^(?:{DATE_RE})$" + (f"|{old_pattern}" if old_pattern else "")
        tok.token_match = re.compile(pattern).match
    # 5. -nya as a suffix
    suffixes = list(nlp.Defaults.suffixes or [])
    current = getattr(getattr(tok.suffix_search, "__self__", None), "pattern", "") or ""
    if NYA_SUFFIXES[0] not in current:
        tok.suffix_search = compile_suffix_regex([*suffixes, *NYA_SUFFIXES]).search
    return nlp


def is_customized(nlp: Language) -> bool:
    pattern = getattr(getattr(nlp.tokenizer.token_match, "__self__", None), "pattern", "") or ""
    return DATE_RE in pattern
