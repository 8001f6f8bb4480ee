"""Article tone from a sentiment word list: a ROUGH signal, not a sentiment model.

Tone follows GDELT's AvgTone scale: the percentage of words that are positive minus the
percentage that are negative (so -100..+100, news mostly between -10 and +10). Words come from
``warta/data/tone/tone_id.tsv`` and ``tone_en.tsv`` (written for warta, Apache-2.0, see their
headers); a negation word (``tidak``, ``bukan``, ``not``, ``never``...) up to two words before a
sentiment word flips it. It does not see irony, quoted speech or what the words are about: an
article about a peace deal after a massacre may score negative. Compare tone between large groups
of articles, not one article against another.

    >>> score("Kedua negara sepakat menjaga perdamaian.", "id").tone > 0
    True
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import regex

_WORD = regex.compile(r"\p{L}+(?:['’-]\p{L}+)*")
NEGATORS = {
    "id": {"tidak", "tak", "bukan", "belum", "tanpa", "jangan", "enggak", "nggak", "gak"},
    "en": {"not", "no", "never", "without", "nor", "hardly", "n't", "cannot"},
}
_ID_PARTICLES = ("nya", "lah", "kah", "pun")
_ID_SUFFIXES = ("kan", "an", "i")
_ID_PREFIXES = ("di", "ter", "ber", "ke", "se")


@dataclass(frozen=True)
class Tone:
    tone: float  # positive - negative, % of words
    positive: float  # % of words
    negative: float
    polarity: float  # % of words with any sentiment
    n_words: int


@functools.lru_cache(maxsize=None)
def lexicon(lang: str) -> dict[str, int]:
    """``word -> +1/-1/0`` for ``lang`` (``id`` or ``en``); multi-word entries are joined by ``_``."""
    name = "tone_id.tsv" if lang == "id" else "tone_en.tsv"
    out: dict[str, int] = {}
    text = (resources.files("warta") / "data" / "tone" / name).read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        if not line.strip() or line.startswith("#") or line.startswith("word\t"):
            continue
        word, pol = line.split("\t")[:2]
        p = int(pol)
        out[word.strip().casefold()] = (p > 0) - (p < 0)
    return out


def _id_nasal(w: str) -> list[str]:
    """Bases of a meN-/peN- word: ``menyerang`` -> ``serang``, ``memukul`` -> ``pukul``."""
    out = []
    for pre in ("me", "pe"):
        if not w.startswith(pre):
            continue
        rest = w[len(pre):]
        if rest.startswith("ny"):
            out.append("s" + rest[2:])
        elif rest.startswith("ng"):
            out += [rest[2:], "k" + rest[2:]]
        elif rest.startswith("m"):
            out += [rest[1:], "p" + rest[1:]]
        elif rest.startswith("n"):
            out += [rest[1:], "t" + rest[1:]]
        out.append(rest)
    return out


@functools.lru_cache(maxsize=200_000)
def _id_forms(word: str) -> tuple[str, ...]:
    forms = [word]
    for p in _ID_PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 3:
            forms.append(word[: -len(p)])
    for w in list(forms):
        for s in _ID_SUFFIXES:
            if w.endswith(s) and len(w) - len(s) >= 3:
                forms.append(w[: -len(s)])
    for w in list(forms):
        for p in _ID_PREFIXES:
            if w.startswith(p) and len(w) - len(p) >= 3:
                forms.append(w[len(p):])
        forms += [b for b in _id_nasal(w) if len(b) >= 3]
    return tuple(dict.fromkeys(forms))


@functools.lru_cache(maxsize=200_000)
def _en_forms(word: str) -> tuple[str, ...]:
    forms = [word]
    for s, add in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                   ("ly", "")):
        if word.endswith(s) and len(word) - len(s) >= 3:
            forms.append(word[: -len(s)] + add)
    return tuple(dict.fromkeys(forms))


def polarity(word: str, lang: str) -> int:
    """+1, -1 or 0 for one lower-cased word."""
    lex = lexicon(lang)
    for form in (_id_forms if lang == "id" else _en_forms)(word):
        if form in lex:
            return lex[form]
    return 0


def score(text: str, lang: str | None) -> Tone:
    """The tone of ``text`` (``lang``: ``id`` or ``en``; anything else is read as Indonesian)."""
    lang = "en" if lang == "en" else "id"
    words = [w.casefold() for w in _WORD.findall(text or "")]
    lex = lexicon(lang)
    negators = NEGATORS[lang]
    pos = neg = 0
    i = 0
    while i < len(words):
        pol = 0
        if i + 1 < len(words) and f"{words[i]}_{words[i + 1]}" in lex:
            pol = lex[f"{words[i]}_{words[i + 1]}"]
            step = 2
        else:
            pol = polarity(words[i], lang)
            step = 1
        if pol:
            if any(w in negators for w in words[max(0, i - 2):i]):
                pol = -pol
            if pol > 0:
                pos += 1
            else:
                neg += 1
        i += step
    n = len(words)
    if not n:
        return Tone(0.0, 0.0, 0.0, 0.0, 0)
    p, q = 100.0 * pos / n, 100.0 * neg / n
    return Tone(round(p - q, 4), round(p, 4), round(q, 4), round(p + q, 4), n)


def score_new_articles(con) -> int:
    """Score every stored article that has no ``article_tone`` row yet; returns how many."""
    import pyarrow as pa

    ids = [r[0] for r in con.execute("SELECT a.id FROM articles a WHERE NOT EXISTS "
                                     "(SELECT 1 FROM article_tone t WHERE t.article_id = a.id)").fetchall()]
    if not ids:
        return 0
    con.register("_warta_ids", pa.table({"id": pa.array(ids, pa.string())}))
    try:  # read the texts of those articles only
        rows = con.execute("SELECT a.id, a.lang, a.title, a.text FROM articles a JOIN _warta_ids USING (id) "
                           "WHERE a.text IS NOT NULL").fetchall()
    finally:
        con.unregister("_warta_ids")
    if not rows:
        return 0

    out = []
    for aid, lang, title, text in rows:
        t = score(f"{title or ''}\n{text}", lang)
        out.append({"article_id": aid, "tone": t.tone, "positive": t.positive, "negative": t.negative,
                    "polarity": t.polarity, "n_words": t.n_words, "lexicon": "en" if lang == "en" else "id"})
    con.register("_warta_tone", pa.Table.from_pylist(out))
    try:
        con.execute("INSERT INTO article_tone SELECT article_id, tone, positive, negative, polarity, n_words, "
                    "lexicon FROM _warta_tone")
    finally:
        con.unregister("_warta_tone")
    return len(out)
