"""Find actor mentions in text and resolve them, on a date, to country, organisation and sector.

Three passes over the word pieces of the text (see :func:`warta.actors.kb.words`):

1. **Atoms**: the longest knowledge-base alias starting at each word (dictionary look-up keyed on
   the first word, so most words cost one ``dict`` probe). ``-nya`` is stripped when the bare word
   is known ("Rusianya"), camelCase glue and hyphens split words ("AS-Tiongkok",
   "Presiden RusiaVladimir Putin"), and each alias has a case rule ("AS" only in capitals).
2. **Phrases**: adjacent atoms combine into one actor phrase: ``[mod] title|agent [mod]
   [country|seat|org ["(" acronym ")"]] [","] [person | unknown Capitalised Name]``
   ("Presiden Korea Selatan Yoon Seok Yul", "pasukan Ukraina", "juru bicara Kremlin"); in English
   also ``country-adjective [mod] title|agent [person|Name]`` ("Russian President Vladimir Putin").
3. **Coreference**: later short forms of a person named earlier in the document ("Biden", "Kim")
   resolve to that person; so do names of unknown people introduced with a title.

People resolve on the article's date through their dated roles (see :meth:`Entity.on`). A bare
agent ("polisi", "pemerintah") gets a country only in an Indonesian-language document that names
no foreign country (then Indonesia); otherwise it keeps country null.
"""
from __future__ import annotations

import functools

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz.distance import OSA

from warta.actors.kb import KB, PARTICLES, Entity, Hit, key_of, load_kb, words
from warta.actors.lexicon import linker_words
from warta.model import Mention

# Word lists: language data in ``warta/data/kb/linker_words.yaml`` (what each list does, with an
# example, is written there), read once per process. The names below are the ones the code uses.
_W = linker_words()
ABBREV = _W["abbrev"]
DATE_WORDS = _W["date_words"]
NOT_NAME = DATE_WORDS | _W["not_name"]
ORG_HEADS: dict[str, str] = _W["org_heads"]  # head word -> sector
ORG_CONNECT = _W["org_connect"]
ARMED_WORDS = _W["armed_words"]
INTL_WORDS = _W["intl_words"]
IGO_WORDS = _W["igo_words"]
LOC_JOIN = _W["loc_join"]
LOCATIVE = _W["locative"]
ADMIN_WORDS = _W["admin_words"]
NP_CAPS = _W["np_caps"]
NP_STOP = _W["np_stop"]
NP_ED_OK = _W["np_ed_ok"]
NONPOL_EN = _W["nonpol_en"]
NONPOL_MODS = _W["nonpol_mods"]
POLITICAL_AFTER = _W["political_after"]
NONPOL_ID = _W["nonpol_id"]
POLITICAL_NAME_WORDS = _W["political_name_words"]
NONPOL_VERBISH = _W["nonpol_verbish"]
VERBISH_OBJECTS = _W["verbish_objects"]
GEO_WORDS = _W["geo_words"]
RELIGION_WORDS = NP_CAPS | _W["religion_words"]
PERSON_VERBS = _W["person_verbs"]
CAP_NOUNS = _W["cap_nouns"]
REGIME_WORDS = _W["regime_words"]
HONORIFICS = _W["honorifics"]
TITLE_CASE_SMALL = _W["title_case_small"]
NAME_CONJUNCTIONS = _W["name_conjunctions"]
CAPS_ONLY_SHORT_NAMES = _W["caps_only_short_names"]

_JOIN_OK = re.compile(r"^[ \t\u00a0\-'\u2019]*$")  # what may separate the words of one alias
_SPACE = re.compile(r"^[ \t\u00a0]*$")
_POSS = re.compile(r"^['\u2019]s[ \t\u00a0]+$")  # "Lebanon's new President", "Sudan's government"
_COMMA = re.compile(r"^[ \t\u00a0]*,[ \t\u00a0]*$")
_DOT = re.compile(r"^\.[ \t\u00a0]+$")
# what may follow an agent before its country ("Nurses from three British charities")
_FROM_GAP = re.compile(r"^(?:from|dari|asal)(?:[ \t\u00a0]+(?:the|a|an|two|three|four|several|various|some|"
                       r"dua|tiga|empat|beberapa|sejumlah|berbagai|\d+)){0,2}$")


def _name_word(text: str, s: int, e: int, key: str) -> bool:
    """A word that may sit in an organisation's name: capitalised, not a weekday/month/function word,
    not written all in capitals past 4 letters (headlines)."""
    w = text[s:e]
    return w[:1].isupper() and key not in NOT_NAME and not w.isdigit() and not (len(w) > 4 and w.isupper())


def _typo(w: str, cand: str) -> bool:
    """``w`` is ``cand`` with one typist's slip: two neighbouring letters swapped ("Isreali"), or one
    vowel added or dropped inside the word ("Quatar", "Ethopia"). Other single edits mostly make
    real words and names (Belanja/Belanda, Franco/France, Greene/Greece), so they do not count."""
    if len(w) == len(cand):
        diff = [i for i in range(len(w)) if w[i] != cand[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and w[diff[0]] == cand[diff[1]] and w[diff[1]] == cand[diff[0]]
    long, short = (w, cand) if len(w) > len(cand) else (cand, w)
    for i in range(1, len(long) - 1):
        if long[:i] + long[i + 1:] == short:
            return long[i] in "aeiou"
    return False


def _abbrev_end(text: str, end: int) -> bool:
    """Text up to ``end`` ends with an abbreviation that takes a dot: "U.S", "U.N", "Gen", "Lt"."""
    if end >= 3 and text[end - 1].isupper() and text[end - 2] == ".":
        return True
    k = end
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k:end].lower() in ABBREV and text[k:k + 1].isupper()


_SENT_END = re.compile(r"[.!?]+[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])|\n")
_ETHNIC = re.compile(r"(?:^|\W)(?:ethnic|etnis|suku)\s+$|^(?:ethnic|etnis)\s")
ORG_MEMBER_SECTORS = {"EDU", "LAB", "MED", "HLH", "AGR", "REL", "BUS", "REF"}  # "Union of Teachers": EDU
GPE_KINDS = ("country", "seat")
FUZZY_MIN = 6  # shortest word looked up among misspelt country names
LOC_SECTORS = {"REB", "CVL", "REF", "OPP", "EDU", "LAB", "MED", "REL", "GOV", "CRM", "COP", "AGR", "HLH"}
COMPLEMENT_KINDS = ("country", "seat", "org")
PERSON_KINDS = ("person", "short")
HEAD_KINDS = ("title", "agent", "group")

# "pro-Palestinian protesters", "anti-Syria journalist", "Iranian-backed rebels": a country named as a
# stance or a sponsor is neither the actor's country nor an actor itself
_STANCE_BEFORE = re.compile(r"(?:^|[^\w])(?:pro|anti)[-\u2010\u2011 ]$", re.I)
_STANCE_AFTER = re.compile(r"[-\u2010\u2011](?:backed|sponsored|supported|funded|allied|aligned|trained|armed|"
                           r"leaning|friendly|installed|controlled|occupied|didukung|dukungan|"
                           r"based|born|style|speaking|made|owned|listed)\b", re.I)
# "kedua pemimpin", "both leaders", "the two countries": two actors (the events component resolves
# them to the last two named); never given one country here
_PAIR = re.compile(r"^(?:kedua|both|the\s+two|two|keduanya)\b", re.I)
# a bare agent of these kinds takes the article's country of focus (see ``_focus_country``)


@dataclass
class Atom:
    start: int  # char offsets
    end: int
    i: int  # word index range [i, j)
    j: int
    hits: list[Hit]
    text: str
    place: bool = False  # a capital/seat used as a place ("di Moskow"): an actor only inside a phrase

    def kinds(self) -> set[str]:
        return {h.kind for h in self.hits}

    def first(self, *kinds: str) -> Hit | None:
        for h in self.hits:
            if h.kind in kinds:
                return h
        return None


@dataclass
class _Phrase:
    atoms: list[Atom] = field(default_factory=list)
    name_span: tuple[int, int] | None = None  # unknown name (chars)
    start: int = 0
    end: int = 0
    admin: bool = False  # "the Bush administration", "pemerintahan Jokowi": the leader's country GOV
    home: str | None = None  # country of a place named after the title ("Gubernur Maluku": IDN)


# not actors: a country in a sports team or league's name ("Timnas Indonesia", "Liga Inggris", "the
# England national team": national teams are not political actors, so no mention), and "general" in
# "general election", "general secretary" (not the military rank)
_TEAM_BEFORE = re.compile(r"(?:\btimnas|\btim\s+nasional|\bliga|\bleague\s+of)\s+$", re.I)
_TEAM_AFTER = re.compile(r"^\s+(?:national\s+(?:football\s+|rugby\s+|cricket\s+)?(?:team|side|squad)|U-?\d\d\b)", re.I)
_NOT_RANK = re.compile(r"^\s+(?:elections?|public|secretary|manager|strike|assembly|practitioners?|counsel|"
                       r"director|meeting|consensus|view|rule|trend|motors|electric)\b", re.I)

_NATIONAL_ADJ = re.compile(r"^\s+(?:football\s+|rugby\s+|cricket\s+)?(?:teams?|side|squad|newspapers?|elections?|"
                           r"lottery|anthem|level|park|debt|interest|insurance|health|curriculum|security|"
                           r"average|minimum|grid|team's)\b", re.I)


_NAME_GAP = re.compile(r"^[ \t\u00a0]+$")
# a country (one or two capitalised words) right before a name it owns: "Brazil's ", "South Korea’s "
_OWNER = re.compile(r"((?:[A-Z][\w.-]*[ \t])?[A-Z][\w.-]*)(?:['\u2019]s?)?[ \t\u00a0]+$")
# before a one-word organisation name (see ``Linker._org_inside_name``): capitalised at a sentence
# start, never a part of a name ("The Democrats", "But Republicans")
_SENTENCE_STARTERS = {"the", "a", "an", "but", "and", "or", "so", "when", "if", "as", "while", "after", "before",
                      "many", "some", "most", "all", "both", "two", "three", "several", "other", "leading",
                      "senior", "rebel", "fellow", "angry", "top", "how", "why", "what", "where", "yet", "then",
                      "now", "since", "because", "although", "though", "meanwhile", "still", "even", "only",
                      "unlike", "like", "neither", "nor", "whether", "once", "until", "with", "without", "by",
                      "for", "from", "in", "on", "at", "to", "of", "about", "against", "among", "between",
                      "these", "those", "this", "that", "his", "her", "their", "our", "its", "my", "your",
                      "no", "not", "every", "each", "more", "fewer", "few", "last", "next", "new",
                      # ... nor a chamber or a wing of the party ("House Democrats", "moderate Republicans")
                      "house", "congressional", "moderate", "moderates", "centrist", "conservative",
                      "progressive", "southern", "northern", "young", "veteran", "former"}
_SENT_START = re.compile(r"(?:^|[.!?:;\"\u201c\u201d]\s*|\n\s*)$")

_PLACES: dict[str, set[tuple[str, ...]]] | None = None


def id_places() -> dict[str, set[tuple[str, ...]]]:
    """Indonesian provinces, cities and regencies (``warta/data/places``) and regional commands
    (``data/kb/id_regional_units.tsv``) as word keys, by first word:
    a title before one of them is a post of that place ("Gubernur Maluku"), and a title word that
    starts one is part of a place name ("Raja Ampat": a regency, not King Ampat)."""
    global _PLACES
    if _PLACES is None:
        from pathlib import Path
        d = Path(__file__).resolve().parent.parent / "data" / "places"
        out: dict[str, set[tuple[str, ...]]] = {}
        for fn, cols in (("id_provinces.tsv", (0, 4)), ("id_places.tsv", (0, 5))):
            try:
                lines = (d / fn).read_text(encoding="utf-8").splitlines()
            except OSError:
                continue
            for line in lines:
                if not line.strip() or line.startswith("#") or line.startswith("name\t"):
                    continue
                row = line.split("\t")
                names = [row[0]] + [x for x in (row[cols[1]].split("|") if len(row) > cols[1] else []) if x]
                for n in names:
                    key = tuple(n[a:b].lower() for a, b in words(n))
                    if key and not (len(key) == 1 and len(key[0]) <= 3):
                        out.setdefault(key[0], set()).add(key)
        # regional commands and offices named otherwise ("Metro Jaya", "XVII/Cenderawasih"): KB file
        units = d.parent / "kb" / "id_regional_units.tsv"
        if units.exists():
            for n in units.read_text(encoding="utf-8").splitlines():
                key = tuple(n[a:b].lower() for a, b in words(n)) if n.strip() and not n.startswith("#") else ()
                if key:
                    out.setdefault(key[0], set()).add(key)
        _PLACES = out
    return _PLACES


def place_at(keys: list[str], i: int, limit: int | None = None) -> int:
    """Length in words of the longest Indonesian place name starting at word ``i`` (0: none)."""
    cands = id_places().get(keys[i]) if i < len(keys) else None
    best = 0
    for key in cands or ():
        n = len(key)
        if n > best and (limit is None or i + n <= limit) and tuple(keys[i:i + n]) == key:
            best = n
    return best


FUZZY_CACHE_MAX = 100_000


class Linker:
    """Finds and resolves actor mentions; build once (``Linker.default()``), call many times."""

    def __init__(self, kb: KB | None = None):
        self.kb = kb or load_kb()
        self._fuzzy_cache: dict[str, Hit | None] = {}  # capitalised word -> misspelt-country hit

    _default: "Linker | None" = None

    @classmethod
    def default(cls) -> "Linker":
        if cls._default is None:
            cls._default = cls()
        return cls._default

    # ------------------------------------------------------------------ pass 1: atoms
    def _tokens(self, text: str):
        spans = words(text)
        # Indonesian plural reduplication is one word: "tentara-tentara", "Tank-tankIsrael"
        if "-" in text:
            k = 0
            while k + 1 < len(spans):
                (s1, e1), (s2, e2) = spans[k], spans[k + 1]
                if e1 == s2 - 1 and text[e1] == "-" and e1 - s1 == e2 - s2:
                    w = text[s1:e1].lower()
                    if w == text[s2:e2].lower() and (w, w) not in self.kb.aliases:  # "mata-mata" is an alias
                        spans[k:k + 2] = [(s1, e2)]
                k += 1
        keys = []
        vocab = self.kb.vocab
        for n, (s, e) in enumerate(spans):
            k = text[s:e].lower()
            if "-" in k:  # a reduplicated word: "tentara-tentara" is looked up as "tentara"
                k = k.split("-", 1)[0]
            if k not in vocab and k.endswith("nya") and len(k) > 5 and k[:-3] in vocab:
                k = k[:-3]
                spans[n] = (s, e - 3)
            keys.append(k)
        return spans, keys

    @staticmethod
    def _joins(text: str, spans, k: int) -> bool:
        gap = text[spans[k][1]:spans[k + 1][0]]
        if _JOIN_OK.match(gap):
            return True
        # "U.S.", "U.N.": single capitals joined by dots
        if gap == "." and spans[k][1] - spans[k][0] == 1 and spans[k + 1][1] - spans[k + 1][0] == 1:
            return True
        # "Lt. Gen.": an abbreviated title word, its dot and a space; "George W. Bush": a middle initial
        w = text[spans[k][0]:spans[k][1]]
        return gap in (". ", ".") and (w.lower() in ABBREV or (len(w) == 1 and w.isupper()))

    def _case_ok(self, hit: Hit, text: str, spans, i: int, j: int) -> bool:
        if hit.case == "any":
            return True
        if hit.case == "risky":  # a short form that is a common word: capitalised, and see ``phrases``
            return text[spans[i][0]].isupper()
        if hit.case == "exact":
            return all(text[spans[k][0]:spans[k][1]] == hit.surface[k - i] for k in range(i, j))
        s0 = spans[i][0]
        return text[s0].isupper()

    def atoms(self, text: str, lang: str = "id") -> tuple[list[Atom], list[tuple[int, int]], list[str]]:
        spans, keys = self._tokens(text)
        first, aliases = self.kb.first, self.kb.aliases
        out: list[Atom] = []
        n = len(keys)
        i = 0
        while i < n:
            maxlen = first.get(keys[i])
            if not maxlen:
                i += 1
                continue
            found = None
            for length in range(min(maxlen, n - i), 0, -1):
                hits = aliases.get(tuple(keys[i:i + length]))
                if not hits:
                    continue
                if length > 1 and not all(self._joins(text, spans, k) for k in range(i, i + length - 1)):
                    continue
                ok = [h for h in hits if (h.lang == "*" or h.lang == lang)
                      and self._case_ok(h, text, spans, i, i + length)]
                if ok:
                    found = (length, ok)
                    break
            if found:
                length, ok = found
                s, e = spans[i][0], spans[i + length - 1][1]
                if text[e:e + 1] == "$":  # "US$ 100" is money, not the USA
                    i += length
                    continue
                place = all(h.kind == "seat" for h in ok) and self._is_place(text, s, e, keys, i)
                out.append(Atom(s, e, i, i + length, ok, text[s:e], place))
                i += length
            else:
                i += 1
        fuzzy = self._fuzzy_countries(text, spans, keys, out)
        if fuzzy:
            out = sorted(out + fuzzy, key=lambda a: a.start)
        return out, spans, keys

    # ------------------------------------------------------------------ misspelt country names
    @functools.cached_property
    def _fuzzy_index(self) -> dict[str, list[tuple[str, Hit]]]:
        """One-word country names by first letter (built on first use)."""
        idx: dict[str, list[tuple[str, Hit]]] = {}
        for key, hits in self.kb.aliases.items():
            if len(key) != 1 or len(key[0]) < FUZZY_MIN - 1:
                continue
            hs = [h for h in hits if h.kind == "country" and h.case != "exact"]
            if hs:
                idx.setdefault(key[0][0], []).append((key[0], hs[0]))
        return idx

    def _fuzzy_countries(self, text: str, spans, keys, atoms: list[Atom]) -> list[Atom]:
        """A capitalised word the KB lacks, one edit (two from 9 letters) away from a one-word
        country name or demonym of at least 6 letters, with the same first letter, and not part of a
        longer capitalised name ("Ethopia", "Quatar", "Isreali"; not "Angela Merkel")."""
        covered = {w for a in atoms for w in range(a.i, a.j)}
        out = []
        vocab = self.kb.vocab
        n = len(spans)
        for k in range(n):
            w = keys[k]
            if len(w) < FUZZY_MIN or k in covered or w in vocab or w in NOT_NAME:
                continue
            s, e = spans[k]
            if not (text[s].isupper() and text[s + 1:e].islower()):
                continue
            # a neighbouring capitalised word makes it part of a name
            if k + 1 < n and text[spans[k + 1][0]].isupper() and _JOIN_OK.match(text[e:spans[k + 1][0]]):
                continue
            if k > 0 and text[spans[k - 1][0]].isupper() and _JOIN_OK.match(text[spans[k - 1][1]:s]):
                if not re.search(r"[.!?\n]\s*$", text[:spans[k - 1][0]]) and spans[k - 1][0] > 0:
                    continue
            if w not in self._fuzzy_cache:
                best = None
                for cand, h in self._fuzzy_index.get(w[0], ()):
                    if abs(len(cand) - len(w)) > 1 or OSA.distance(w, cand, score_cutoff=1) > 1:
                        continue
                    if _typo(w, cand):
                        best = h
                        break
                if len(self._fuzzy_cache) >= FUZZY_CACHE_MAX:  # bounded: a long run meets endless names
                    self._fuzzy_cache.clear()
                self._fuzzy_cache[w] = best
            hit = self._fuzzy_cache[w]
            if hit is not None:
                out.append(Atom(s, e, k, k + 1, [hit], text[s:e]))
        return out

    def _is_place(self, text: str, s: int, e: int, keys: list[str], i: int) -> bool:
        """A capital or seat used as a place, not an actor: a dateline ("JAKARTA -",
        "Liputan6.com, Jakarta") or after a locative preposition ("di Moskow", "in Beijing")."""
        if i > 0 and keys[i - 1] in LOCATIVE:
            return True
        line_start = text.rfind("\n", 0, s) + 1
        if s - line_start < 80:
            after = text[e:e + 3].lstrip(" ")
            if after[:1] in ("-", "\u2013", "\u2014", "(", ":") or text[max(line_start, s - 6):s].endswith((".com, ", ".id, ", "com, ")):
                return True
        return False

    # ------------------------------------------------------------------ pass 2: phrases
    def _adjacent(self, text: str, a_end: int, b_start: int, comma: bool = False) -> bool:
        gap = text[a_end:b_start]
        if _DOT.match(gap) and _abbrev_end(text, a_end):
            return True  # "U.S. officials", "Gen. Prosper Avril"
        return bool(_SPACE.match(gap) or (comma and _COMMA.match(gap)) or _POSS.match(gap))

    def _unknown_name(self, text: str, spans, keys, covered: set[int], j: int, comma: bool) -> tuple[int, int] | None:
        """Capitalised words (1-4) starting at word ``j``: the name of someone the KB lacks."""
        k = j
        prev_end = None
        while k < len(spans) and k - j < 4:
            s, e = spans[k]
            w = text[s:e]
            if k in covered or not w[0].isupper() or keys[k] in NOT_NAME or w.isdigit():
                break
            if prev_end is not None and not _JOIN_OK.match(text[prev_end:s]):
                break
            prev_end = e
            k += 1
        if k == j:
            return None
        return spans[j][0], spans[k - 1][1]

    def phrases(self, text: str, atoms: list[Atom], spans, keys, lang: str) -> list[_Phrase]:
        covered = {w for a in atoms for w in range(a.i, a.j)}
        by_word = {a.i: a for a in atoms}
        out: list[_Phrase] = []
        n = len(atoms)
        idx = 0
        while idx < n:
            a = atoms[idx]
            ks = a.kinds()
            if "title" in ks and not ks & {"country", "org", *PERSON_KINDS} and place_at(keys, a.i) > a.j - a.i:
                idx += 1  # "Raja Ampat", "Ratu Boko": a place whose name starts with a title word
                continue
            ph = _Phrase([a])
            nxt = idx + 1
            if ks & {"mod", *HEAD_KINDS} or (lang == "en" and ks & {"country", "org"}):
                # extend: heads, mods, complement, person
                have_head = bool(ks & set(HEAD_KINDS))
                have_comp = bool(ks & set(COMPLEMENT_KINDS)) and not have_head
                while nxt < n:
                    b = atoms[nxt]
                    bk = b.kinds()
                    last = ph.atoms[-1]
                    org_first = not have_head and ph.atoms[0].first("org") is not None
                    if bk & set(PERSON_KINDS) and (have_head or have_comp) and self._adjacent(text, last.end, b.start, comma=not org_first):
                        if have_head or lang == "en":
                            ph.atoms.append(b)
                            nxt += 1
                        break
                    gap = text[last.end:b.start].strip().lower()
                    if (have_head and not have_comp and not ph.name_span and bk & set(COMPLEMENT_KINDS)
                            and _FROM_GAP.match(" ".join(gap.split()))
                            and (ph.atoms[-1].first(*HEAD_KINDS) or Hit("x", None, "any")).kind != "title"):
                        ph.atoms.append(b)  # "dokter dari dua kelompok bantuan AS", "troops from Chad"
                        have_comp = True
                        nxt += 1
                        continue
                    if (gap in LOC_JOIN and have_head and not have_comp and not ph.name_span
                            and bk & set(COMPLEMENT_KINDS)
                            and (ph.atoms[-1].first(*HEAD_KINDS) or Hit("x", None, "any")).sector in LOC_SECTORS):
                        ph.atoms.append(b)
                        have_comp = True
                        nxt += 1
                        continue
                    if (lang == "en" and have_comp and not have_head and len(ph.atoms) == 1 and bk & set(HEAD_KINDS)
                            and self._np_gap(text, ph.atoms[0], last.end, b.start)):
                        ph.atoms.append(b)  # "Egyptian Islamic fundamentalists", "Vietnamese-led forces"
                        have_head = True
                        nxt += 1
                        continue
                    if not self._adjacent(text, last.end, b.start):
                        # "Amerika Serikat (AS)": a parenthesised alias of the complement
                        if have_comp and text[last.end:b.start].strip() == "(" and text[b.end:b.end + 1] == ")":
                            ph.atoms.append(b)
                            nxt += 1
                            continue
                        break
                    if bk & {"mod"}:
                        ph.atoms.append(b)
                        nxt += 1
                        continue
                    if bk & set(HEAD_KINDS) and not have_comp:
                        ph.atoms.append(b)
                        have_head = True
                        nxt += 1
                        continue
                    if bk & set(HEAD_KINDS) and have_comp and lang == "en":
                        ph.atoms.append(b)
                        have_head = True
                        nxt += 1
                        continue
                    if bk & set(COMPLEMENT_KINDS) and have_head and not have_comp:
                        ph.atoms.append(b)
                        have_comp = True
                        nxt += 1
                        continue
                    break
                # drop trailing mods that attach nothing ("pemerintah baru" keeps "baru" only inside)
                while len(ph.atoms) > 1 and ph.atoms[-1].kinds() == {"mod"}:
                    ph.atoms.pop()
                    nxt -= 1
                heads = [x for x in ph.atoms if x.kinds() & set(HEAD_KINDS)]
                has_person = any(x.kinds() & set(PERSON_KINDS) for x in ph.atoms)
                if heads and not has_person and heads[-1].first(*HEAD_KINDS).kind == "title":
                    last = ph.atoms[-1]
                    j = last.j
                    # unknown name after the title: "Hakim Alejandro Rivera", "Menlu Inggris, Jack Straw"
                    if j < len(spans) and j not in covered:
                        gap = text[last.end:spans[j][0]]
                        if (_SPACE.match(gap) or (_DOT.match(gap) and _abbrev_end(text, last.end))
                                or (_COMMA.match(gap) and ph.atoms[-1].kinds() & set(COMPLEMENT_KINDS))):
                            ns = self._unknown_name(text, spans, keys, covered, j, False)
                            if ns:
                                # "Gubernur Maluku Hendrik Lewerissa", "Bupati Raja Ampat": a place
                                # after the title is the post's, not part of the name
                                k_end = bisect.bisect_right([x for x, _ in spans], ns[1] - 1)
                                # a place longer than the name run ("Pangdam XVII/Cenderawasih")
                                # is the post's too: no name left
                                pl = place_at(keys, j)
                                if pl:
                                    ph.home = "IDN"
                                    ns = (spans[j + pl][0], ns[1]) if j + pl < k_end else None
                                ph.name_span = ns
                if (heads and not has_person and lang == "id" and ph.home is None
                        and heads[-1].first(*HEAD_KINDS).kind == "agent" and not ph.atoms[-1].kinds() & set(COMPLEMENT_KINDS)
                        and ph.atoms[-1].j < len(spans) and _SPACE.match(text[ph.atoms[-1].end:spans[ph.atoms[-1].j][0]])
                        and place_at(keys, ph.atoms[-1].j)):
                    ph.home = "IDN"  # "Kejati Jawa Barat", "Polda Metro Jaya": an office of that region
                if not heads and not has_person and ks == {"mod"}:
                    idx = nxt
                    continue
            nxt = self._admin(text, ph, atoms, nxt, lang)
            # "Raja Hassan dari Maroko", "King Hassan of Morocco": the person's country after "dari"/"of"
            has_comp = any(x.kinds() & set(COMPLEMENT_KINDS) for x in ph.atoms)
            tail = ph.name_span[1] if ph.name_span else ph.atoms[-1].end
            if (ph.name_span or ph.atoms[-1].kinds() & set(PERSON_KINDS)) and not has_comp and nxt < n:
                b = atoms[nxt]
                if text[tail:b.start].strip().lower() in ("dari", "of") and b.first("country"):
                    ph.atoms.append(b)
                    nxt += 1
            if len(ph.atoms) == 1 and ph.atoms[0].place and not ph.name_span:
                idx = nxt
                continue
            if len(ph.atoms) == 1 and not ph.name_span and ph.atoms[0].hits and all(
                    h.kind == "short" and h.case == "risky" for h in ph.atoms[0].hits):
                idx = nxt  # "Sisi baiknya": a common word; after the full name, coreference takes it
                continue
            ph.start = ph.atoms[0].start
            ph.end = max(ph.name_span[1] if ph.name_span else 0, ph.atoms[-1].end)
            out.append(ph)
            idx = nxt
        return out

    @staticmethod
    def _is_admin(a: Atom) -> bool:
        h = a.first(*HEAD_KINDS)
        return h is not None and h.kind == "agent" and a.text.lower() in ADMIN_WORDS

    def _admin(self, text: str, ph: _Phrase, atoms: list[Atom], nxt: int, lang: str) -> int:
        """Mark (and complete) a phrase naming a leader's government: Indonesian "pemerintahan
        [Presiden] Jokowi" (the word before the name, titles aside); English "the Bush
        administration", "Yeltsin's government" (the word after the name: appended here) and "the
        government of [Prime Minister] Nawaz Sharif" (appended here). Returns the next atom index."""
        if ph.name_span:
            return nxt
        pidx = next((k for k, a in enumerate(ph.atoms) if a.kinds() & set(PERSON_KINDS)), None)
        if pidx is not None and lang != "en":
            k = pidx - 1
            while k >= 0 and ph.atoms[k].first(*HEAD_KINDS) and ph.atoms[k].first(*HEAD_KINDS).kind == "title":
                k -= 1
            if k >= 0 and self._is_admin(ph.atoms[k]):
                ph.admin = True
            return nxt
        if lang != "en" or nxt >= len(atoms):
            return nxt
        last, b = ph.atoms[-1], atoms[nxt]
        if pidx == len(ph.atoms) - 1 and self._is_admin(b) and len(b.kinds()) == 1 \
                and self._adjacent(text, last.end, b.start):
            ph.atoms.append(b)  # "the Bush administration"
            ph.admin = True
            return nxt + 1
        elif pidx is None and self._is_admin(last) and not any(a.first("title") for a in ph.atoms) \
                and " ".join(text[last.end:b.start].split()).lower() == "of":
            take = []
            k = nxt
            while k < len(atoms) and atoms[k].first("title") and not atoms[k].first(*PERSON_KINDS) \
                    and (k == nxt or self._adjacent(text, atoms[k - 1].end, atoms[k].start)):
                take.append(atoms[k])
                k += 1
            if k < len(atoms) and atoms[k].kinds() & set(PERSON_KINDS) \
                    and (k == nxt or self._adjacent(text, atoms[k - 1].end, atoms[k].start)):
                ph.atoms.extend(take + [atoms[k]])  # "the government of Prime Minister Nawaz Sharif"
                ph.admin = True
                return k + 1
        return nxt

    # ------------------------------------------------------------------ resolution
    def _pick_person(self, hits: list[Hit], d: date | None, seen: set[str]) -> Entity | None:
        ids = [h.ref for h in hits if h.kind in PERSON_KINDS and h.ref]
        if not ids:
            return None
        for pid in ids:
            if pid in seen:
                return self.kb.entities[pid]
        if d is not None:
            for pid in ids:
                ent = self.kb.entities[pid]
                if any(r.active(d) for r in ent.roles):
                    return ent
        return self.kb.entities[ids[0]]

    def resolve_phrase(self, text: str, ph: _Phrase, d: date | None, seen: set[str]) -> Mention | None:
        heads = [(a, a.first(*HEAD_KINDS)) for a in ph.atoms if a.first(*HEAD_KINDS)]
        mods = [a.first("mod") for a in ph.atoms if a.kinds() == {"mod"} or (a.first("mod") and not a.first(*HEAD_KINDS, *COMPLEMENT_KINDS, *PERSON_KINDS))]
        comp_atom = next((a for a in ph.atoms if a.first(*COMPLEMENT_KINDS)), None)
        pers_atom = next((a for a in ph.atoms if a.first(*PERSON_KINDS)), None)
        eli = any(m and m.sector == "ELI" for m in mods)
        head = heads[-1][1] if heads else None
        if head is None and pers_atom is None and comp_atom is None:
            return None
        if head is not None and head.kind == "group" and comp_atom is None and pers_atom is None:
            return None

        country = org = sector = role = None
        entity_id = name = None
        kind = "AGENT"
        comp_country = comp_org = comp_sector = None
        comp_ent = None
        if comp_atom is not None:
            ch = comp_atom.first(*COMPLEMENT_KINDS)
            comp_ent = self.kb.entities.get(ch.ref)
            if comp_ent is not None:
                # on the article's date: organisations with dated rows (org_roles.tsv) change role
                comp_country, comp_org, on_sector, _ = comp_ent.on(d)
                comp_sector = ch.sector if ch.kind == "seat" else on_sector
        if pers_atom is not None and ph.admin:
            ent = self._pick_person(pers_atom.hits, d, seen)
            if ent is not None:
                seen.add(ent.id)
                country = ent.on(d)[0] or ent.country or next((r.country for r in ent.roles if r.country), None)
                if country:
                    return Mention(start=ph.start, end=ph.end, text=text[ph.start:ph.end], entity_id=None,
                                   name=self.kb.country_name(country), country=country, sector="GOV",
                                   kind="AGENT")
        if pers_atom is not None:
            ent = self._pick_person(pers_atom.hits, d, seen)
            if ent is not None:
                seen.add(ent.id)
                country, org, sector, role = ent.on(d)
                if d is None and head is not None and head.role:
                    # no date: a title in the phrase picks the matching role ("Perdana Menteri ... Haniyeh")
                    r = next((r for r in ent.roles if r.role == head.role), None)
                    if r is not None:
                        country, org, sector, role = r.country or ent.country, r.org, r.sector, r.role
                entity_id, name, kind = ent.id, ent.name, "PER"
                if eli and sector == "GOV" and mods and any(m.role in ("former", "ousted") for m in mods if m):
                    sector = "ELI"
                country = country or comp_country
                if head is not None and role is None:
                    role = head.role
        elif ph.name_span is not None:
            s, e = ph.name_span
            name = text[s:e]
            entity_id = "new:" + re.sub(r"\W+", "-", name.lower()).strip("-")
            kind = "PER"
            country, org = comp_country or (None if comp_org else ph.home), comp_org
            sector = head.sector if head else None
            role = head.role if head else None
            if head is not None and head.sector == "GOV" and comp_sector and comp_sector not in ("GOV",):
                sector = comp_sector if comp_sector in ("REB", "PTY", "OPP", "JUD", "LEG", "MIL", "COP", "SPY") else sector
            if eli:
                sector = "ELI"
        elif head is not None:
            country, org = comp_country or (None if comp_org else ph.home), comp_org
            sector, role = head.sector, head.role
            if comp_sector and (sector == "GOV" or comp_sector == "REB"):
                sector = comp_sector
            head_atom = heads[-1][0]
            if (comp_atom is not None and head_atom.text.lower() in ADMIN_WORDS and comp_atom.first("org")
                    and comp_sector in ("PTY", "REB", "OPP", "GOV")):
                sector = "GOV"  # "the MPLA government", "pemerintah Taliban": the group governs
            if eli:
                sector = "ELI"
            if comp_ent is not None:
                name = comp_ent.name
        else:  # a complement alone: a country, capital/seat or organisation
            ch = comp_atom.first(*COMPLEMENT_KINDS)
            entity_id, name = comp_ent.id, comp_ent.name
            country, org, sector = comp_country, comp_org, comp_sector
            kind = "ORG" if ch.kind == "org" else "GPE"
        return Mention(start=ph.start, end=ph.end, text=text[ph.start:ph.end], entity_id=entity_id,
                       name=name, country=country, org=org, sector=sector, role=role, kind=kind)

    # ------------------------------------------------------------------ the whole thing
    def link(self, text: str, d: date | None = None, lang: str = "id",
             ents: Sequence[tuple[int, int, str]] | None = None, home: bool = True,
             lone_acronyms: bool = False) -> list[Mention]:
        """Mentions in ``text`` on date ``d``. ``ents``: (start, end, label) spans of a trained NER
        model, if one ran; its PER/ORG spans no mention covers are added (see ``_ner_mentions``).
        ``home=False``: bare agents do not take Indonesia as the home country (a phrase alone, with
        no article around it, says nothing about where it happens). A foreign party's acronym from
        the imported open data ("DPP", "DNA", "MAN" are also Indonesian and English words) is kept
        only when the text also names the party's country, unless ``lone_acronyms`` (a phrase
        resolved on its own: ``resolve``)."""
        atoms, spans, keys = self.atoms(text, lang)
        atoms = self._stance(text, atoms)
        if d is not None and self.kb.dated:
            self._dated_places(atoms, keys, d)
        # a person's short form is only standalone when listed as such; coref forms come later
        phrases = self.phrases(text, atoms, spans, keys, lang)
        seen: set[str] = set()
        mentions: list[Mention] = []
        for ph in phrases:
            m = self.resolve_phrase(text, ph, d, seen)
            if m is not None:
                mentions.append(m)
        mentions = [m for m in mentions if not self._not_actor(text, m)]
        if not lone_acronyms:
            mentions = self._open_acronyms(mentions)
        mentions = self._nonpolitical(text, spans, keys, atoms, mentions, lang)
        mentions = self._org_inside_name(text, spans, keys, atoms, mentions, lang)
        places = [(a.start, self.kb.entities[a.hits[0].ref].country) for a in atoms if a.place and a.hits[0].ref]
        self._named_orgs(text, spans, keys, atoms, mentions)
        corefs = self._ner_mentions(text, spans, keys, atoms, mentions, ents) if ents else ()
        self._context_country(text, mentions, places)
        for m, src in corefs:
            m.country, m.org, m.sector, m.role = src.country, src.org, src.sector, src.role
        self._ethnic(text, mentions, places)
        self._coref(text, spans, keys, mentions, d)
        if home:
            self._home_country(mentions, lang, places, text, spans, keys)
        self._focus_country(text, mentions, places)
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions

    @staticmethod
    def _open_acronyms(mentions: list[Mention]) -> list[Mention]:
        """Drop acronyms of imported parties and armed groups (``open/orgs_parties.tsv``, ids
        ``org:pf-``; ``open/orgs_ucdp.tsv``, ids ``org:ucdp-``) whose
        country nothing else in the text names: "DPP" in Indonesian news is a party board, not
        Taiwan's or Malawi's DPP; "the SNP ... Scotland" keeps it."""
        def acronym(m: Mention) -> bool:
            return (m.entity_id or "").startswith(("org:pf-", "org:ucdp-")) and m.text.isupper()
        named = {m.country for m in mentions if m.country and not acronym(m)}
        return [m for m in mentions if not acronym(m) or m.country in named]

    @staticmethod
    def _not_actor(text: str, m: Mention) -> bool:
        """A country named in a sports team or league ("Timnas Indonesia", "Liga Inggris", "the
        England national team"), or "general" as in "general election": not an actor."""
        if m.kind == "GPE" and (_TEAM_BEFORE.search(text, max(0, m.start - 20), m.start)
                                or _TEAM_AFTER.match(text[m.end:m.end + 40])):
            return True
        if m.kind == "AGENT" and m.text.lower() == "national" and _NATIONAL_ADJ.match(text[m.end:m.end + 30]):
            return True  # "national team", "national newspaper": an adjective, not "a British national"
        return m.kind == "AGENT" and m.text == "general" and bool(_NOT_RANK.match(text[m.end:m.end + 30]))

    def _nonpolitical(self, text: str, spans, keys, atoms: list[Atom], mentions: list[Mention],
                      lang: str) -> list[Mention]:
        """Drop country mentions (a country, demonym or capital alone) that name no political actor:

        - inside a longer proper name: capitalised words before or after it that the KB does not know
          ("New South Wales", "Air India", "China Life", "Korea Herald", "US Open", "Mr Irish"),
          unless the next word makes it a state body or political group ("US Treasury", "British
          Embassy", "Iraqi Kurds": ``POLITICAL_NAME_WORDS``, ``ORG_HEADS``);
        - English: modifying a non-political noun, possibly through a possessive and a few modifiers
          ("British favourite", "US rapper", "Spanish football club", "the US market", "Sony's US
          launch", "China's economy": ``NONPOL_EN``, ``NONPOL_MODS``), unless a political noun follows
          ("US steel tariffs": ``POLITICAL_AFTER``);
        - Indonesian: after a non-political noun or "asal" ("penyanyi asal Korea", "pasar China",
          "film Korea": ``NONPOL_ID``).

        "the/an American" (a singular demonym used as a noun: "the American won in straight sets") is
        a person of that nationality: an AGENT CVL of the country, not the country."""
        if not any(m.kind == "GPE" for m in mentions):
            return mentions
        # words the KB knows (a capitalised modifier word such as "New" or "Former" does not count)
        covered = {w for a in atoms if a.kinds() != {"mod"} for w in range(a.i, a.j)}
        starts = [s for s, _ in spans]
        out = []
        for m in mentions:
            if m.kind != "GPE" or not m.country or m.org:
                out.append(m)
                continue
            i = bisect.bisect_left(starts, m.start)
            j = bisect.bisect_left(starts, m.end)
            if i >= len(spans) or spans[i][0] != m.start:
                out.append(m)
                continue
            verdict = self._gpe_verdict(text, spans, keys, covered, i, j, lang)
            if verdict == "drop":
                continue
            if verdict == "person":
                m.kind, m.sector, m.entity_id, m.score = "AGENT", "CVL", None, 0.7
            out.append(m)
        return out

    def _org_inside_name(self, text: str, spans, keys, atoms: list[Atom], mentions: list[Mention],
                         lang: str) -> list[Mention]:
        """English: a one-word organisation name right after a capitalised word the KB does not know
        is the end of a longer name, not that organisation: "Social Democrats" is not the US
        Democrats, "Young Conservatives" not the Tories. Not in a title-case headline line."""
        if lang != "en":
            return mentions
        covered = {w for a in atoms if a.kinds() != {"mod"} for w in range(a.i, a.j)}
        starts = [s for s, _ in spans]
        out = []
        for m in mentions:
            if m.kind == "ORG" and m.entity_id and " " not in m.text.strip():
                i = bisect.bisect_left(starts, m.start)
                if (0 < i < len(spans) and spans[i][0] == m.start
                        and _NAME_GAP.match(text[spans[i - 1][1]:m.start]) and text[spans[i - 1][1]:m.start] == " "
                        and self._unknown_cap(text, spans, keys, covered, i - 1)
                        and keys[i - 1] not in _SENTENCE_STARTERS and not self._title_line(text, m.start)):
                    continue
            out.append(m)
        return out

    def _title_line(self, text: str, pos: int) -> bool:
        """The line around ``pos`` is a headline in title case (most words capitalised)."""
        ls = text.rfind("\n", 0, pos) + 1
        le = text.find("\n", pos)
        line = text[ls:le if le >= 0 else len(text)]
        ws = re.findall(r"[A-Za-z][A-Za-z'\-]*", line)
        if len(ws) < 3 or len(ws) > 20 or line.rstrip().endswith((".", "\"", "\u201d")):
            return False
        caps = sum(1 for w in ws if w[0].isupper() or w.lower() in TITLE_CASE_SMALL)
        return caps >= 0.8 * len(ws)

    def _unknown_cap(self, text: str, spans, keys, covered: set[int], k: int) -> bool:
        """Word ``k`` is a capitalised word of a name the KB does not know."""
        s, e = spans[k]
        w = text[s:e]
        if not w[:1].isupper() or k in covered or keys[k] in NOT_NAME or keys[k] in DATE_WORDS or w.isdigit():
            return False
        if len(w) > 1 and w.isupper() and len(w) > 4:
            return False  # a headline in capitals
        return True

    def _gpe_verdict(self, text: str, spans, keys, covered: set[int], i: int, j: int, lang: str) -> str | None:
        n = len(spans)
        s0, e0 = spans[i][0], spans[j - 1][1]
        title_line = None
        # --- inside a longer proper name
        if lang == "en" and i > 0 and _NAME_GAP.match(text[spans[i - 1][1]:s0]):
            k = i - 1
            if keys[k] in HONORIFICS and text[spans[k][0]].isupper():
                return "drop"  # "Mr Irish", "Dr English"
            while k > 0 and keys[k] in GEO_WORDS and _NAME_GAP.match(text[spans[k - 1][1]:spans[k][0]]):
                k -= 1  # "New South Wales": past the place words to the name word
            if (keys[k] not in GEO_WORDS and keys[k] not in RELIGION_WORDS and keys[k] not in REGIME_WORDS
                    and self._unknown_cap(text, spans, keys, covered, k)
                    and not _SENT_START.search(text[max(0, spans[k][0] - 3):spans[k][0]])):
                title_line = self._title_line(text, s0)
                if not title_line:
                    return "drop"  # "New South Wales", "Royal Dutch Shell"
        if (lang == "en" and j < n and _NAME_GAP.match(text[e0:spans[j][0]]) and keys[j] not in CAP_NOUNS
                and self._unknown_cap(text, spans, keys, covered, j)):
            nk = keys[j]
            if not (nk in ORG_HEADS or nk in POLITICAL_NAME_WORDS or nk in RELIGION_WORDS or nk.rstrip("s") in NP_CAPS
                    or nk in GEO_WORDS):
                if title_line is None:
                    title_line = self._title_line(text, s0)
                if not title_line:
                    return "drop"  # "China Life", "Korea Herald", "US Open"
        if lang == "id":
            k = i - 1
            if k >= 0 and _NAME_GAP.match(text[spans[k][1]:s0]):
                if keys[k] == "asal" or (keys[k] in NONPOL_ID and k not in covered):
                    return "drop"  # "penyanyi asal Korea", "pasar China", "film Korea"
            return None
        if lang != "en":
            return None
        # --- English: a country/demonym modifying a non-political noun
        rest = text[e0:e0 + 120]
        mposs = re.match(r"['\u2019]s?(?=\s)", rest)
        if mposs:
            rest = rest[mposs.end():]
        ws = []
        for mw in re.finditer(r"\s+([A-Za-z0-9&][A-Za-z0-9&'\-]*)|\S", rest):
            if mw.group(1) is None:
                break
            ws.append(mw.group(1))
            if len(ws) >= 5:
                break
        run = 0
        heads = []
        while run < len(ws) and (ws[run].islower() or ws[run].isdigit()):
            lw = ws[run].lower()
            if lw in NONPOL_EN:
                heads.append(run)
            elif lw not in NONPOL_MODS:
                break
            run += 1
        poss_before = bool(mposs) or bool(re.search(r"['\u2019]s\s+$", text[max(0, s0 - 4):s0]))
        for head_at in heads:  # any non-political noun that heads the phrase ("the Swiss star hit back")
            head = ws[head_at].lower()
            nxt = ws[head_at + 1].lower() if head_at + 1 < len(ws) else ""
            if head_at + 1 < len(ws) and ws[head_at + 1].islower() and nxt not in NP_STOP:
                hits = self.kb.aliases.get((nxt,), ())
                if nxt in POLITICAL_AFTER or any(h.kind in HEAD_KINDS for h in hits):
                    return None  # "US steel tariffs", "UK film industry officials"
                if head in NONPOL_MODS or head in NONPOL_VERBISH:
                    continue  # the noun phrase goes on ("US film quotas"), or a verb ("the US launch strikes")
            if head in NONPOL_VERBISH and not poss_before and nxt in VERBISH_OBJECTS:
                continue  # "the US launch a new ...", "the US release the prisoners"
            return "drop"
        # "the American", "an Iraqi": one person of that nationality
        w0 = text[s0:e0]
        key = tuple(keys[i:j])
        if (key in self.kb.demonyms and not mposs and (w0.endswith("an") or w0.endswith("i"))
                and re.search(r"(?:^|\s)(?:the|a|an)\s+$", text[max(0, s0 - 5):s0], re.I)):
            nxt = ws[0] if ws else ""
            # a noun after it keeps the adjective reading ("the American people", "an Israeli peace
            # movement"); a verb or a function word makes it a person ("the American won")
            if (not nxt or not re.match(r"\s", rest) or nxt.lower() in NP_STOP or nxt.lower() in PERSON_VERBS
                    or (nxt.islower() and nxt.endswith("ed"))):
                return "person"
        return None

    def _coref(self, text: str, spans, keys, mentions: list[Mention], d: date | None) -> None:
        """Later short forms of people named in the document: "Biden", "Kim", "Rivera"."""
        people: dict[str, Mention] = {}
        for m in mentions:
            if m.kind != "PER" or not m.entity_id:
                continue
            src = m.name or m.text
            if m.entity_id.startswith("per:"):
                ent = self.kb.entities[m.entity_id]
                for n in self._names_of(ent):
                    for s, e in words(n):
                        w = n[s:e]
                        if len(w) >= 2 and w.lower() not in PARTICLES and w[0].isupper():
                            people.setdefault(w.lower(), m)
            else:
                for s, e in words(src):
                    w = src[s:e]
                    if len(w) >= 3 and w.lower() not in PARTICLES:
                        people.setdefault(w.lower(), m)
        if not people:
            return
        taken = sorted((m.start, m.end) for m in mentions)
        first_start = {}
        for m in mentions:
            if m.kind == "PER" and m.entity_id:
                first_start.setdefault(m.entity_id, m.start)
        starts = [t[0] for t in taken]
        extra = []
        k = 0
        n = len(spans)
        while k < n:
            key = keys[k]
            m = people.get(key)
            if m is None:
                k += 1
                continue
            s, e = spans[k]
            if not text[s].isupper() or (key in CAPS_ONLY_SHORT_NAMES and text[s:e] != text[s:e].upper()):
                k += 1
                continue
            pos = bisect.bisect_right(starts, s) - 1
            if pos >= 0 and taken[pos][1] > s:
                k += 1
                continue
            if s < first_start.get(m.entity_id, 0):
                k += 1
                continue
            if place_at(keys, k) > 1 or any(h.kind in ("title", "mod") for h in self.kb.aliases.get((key,), ())):
                k += 1  # "Raja Ampat" after "Raja Salman"; a title word alone ("Raja", "Sultan") is no name
                continue
            # "the Kim regime", "rezim Kim": the leader's government (see ``ADMIN_WORDS``)
            adm = self._coref_admin(text, s, e, m, mentions)
            if adm is not None:
                extra.append(adm)
                k += 1
                continue
            # absorb following words of the same name ("Kim Jong" ... rare) - keep it to one word
            extra.append(Mention(start=s, end=e, text=text[s:e], entity_id=m.entity_id, name=m.name,
                                 country=m.country, org=m.org, sector=m.sector, role=m.role, kind="PER",
                                 score=0.9))
            k += 1
        mentions.extend(extra)

    def _coref_admin(self, text: str, s: int, e: int, m: Mention, mentions: list[Mention]) -> Mention | None:
        """A later short name next to a bare government word ("the Kim regime", "rezim Kim"): that
        word's mention (dropped from ``mentions``) and the name become the leader's country GOV."""
        if not m.country or not (m.entity_id or "").startswith("per:"):
            return None
        for w in mentions:
            if w.kind != "AGENT" or w.country or w.org or w.text.lower() not in ADMIN_WORDS:
                continue
            if (w.start >= e and self._adjacent(text, e, w.start)) or (w.end <= s and _SPACE.match(text[w.end:s])):
                ent = self.kb.entities[m.entity_id]
                country = ent.country or m.country
                a, b = min(s, w.start), max(e, w.end)
                mentions.remove(w)
                return Mention(start=a, end=b, text=text[a:b], name=self.kb.country_name(country),
                               country=country, sector="GOV", kind="AGENT", score=0.9)
        return None

    @functools.cached_property
    def _person_names(self) -> dict[str, list[str]]:
        """Every alias of each person entity (built on first use)."""
        names: dict[str, list[str]] = {}
        for hits in self.kb.aliases.values():
            for h in hits:
                if h.kind in PERSON_KINDS and h.ref:
                    names.setdefault(h.ref, []).append(" ".join(h.surface))
        return names

    def _names_of(self, ent: Entity) -> list[str]:
        return self._person_names.get(ent.id, [ent.name])

    @staticmethod
    def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
        s0 = 0
        for m in _SENT_END.finditer(text, max(0, start - 600), start):
            s0 = m.end()
        m = _SENT_END.search(text, end)
        return s0, (m.start() if m else len(text))

    @staticmethod
    def _org_head(keys: list[str], run: list[int]) -> str | None:
        """The head word of an organisation name made of words ``run`` (see ``ORG_HEADS``): a head
        word first or last in the name, or before a connector ("Union of ..."); None if it has none."""
        n = len(keys)
        heads = [w for w in run if keys[w] in ORG_HEADS]
        ok_head = [w for w in heads if w == run[0] or w == run[-1] or (w + 1 < n and keys[w + 1] in ORG_CONNECT)]
        if not ok_head:
            return None
        return keys[ok_head[-1] if ok_head[-1] != run[0] or len(ok_head) == 1 else ok_head[0]]

    def _org_facts(self, name: str, keys: list[str], run: list[int], inner: list[Atom]) -> tuple[str | None, str | None, str | None]:
        """(country, org, sector) of a new organisation named by words ``run`` (``inner``: the KB atoms
        inside it): country/org from a country, demonym, capital or organisation inside the name;
        sector from the head word (``ORG_HEADS``), a member word ("Union of Teachers": EDU) or
        armed-struggle words (REB); no head: sector None. No country and an international word: the
        organisation is keyed by its own name (IGO/NGO)."""
        head = self._org_head(keys, run)
        sector = ORG_HEADS[head] if head else None
        country = org = None
        words_l = {keys[w] for w in run}
        for a in inner:
            h = a.first("country", "seat", "org")
            if h is not None and h.ref in self.kb.entities:
                ent = self.kb.entities[h.ref]
                country = ent.country or country
                org = ent.org or org
            ag = a.first("agent", "group")
            if head and ag is not None and ag.sector in ORG_MEMBER_SECTORS and keys[a.i] not in ORG_HEADS:
                sector = ag.sector
        if words_l & ARMED_WORDS and sector in ("OPP", "MIL", "LAB", "CVL", "PTY"):
            sector = "REB"
        if head and country is None and org is None and words_l & INTL_WORDS and sector != "BUS":
            org = name
            sector = "IGO" if words_l & IGO_WORDS else "NGO"
        return country, org, sector

    # ------------------------------------------------------------------ names from the NER model
    def _ner_mentions(self, text: str, spans, keys, atoms: list[Atom], mentions: list[Mention],
                      ents: Sequence[tuple[int, int, str]]) -> list[tuple[Mention, Mention]]:
        """PER and ORG spans of a trained NER model (``ents``: (start, end, label), character offsets)
        that no mention covers become new entities: ``new:<slug>``, country and sector as for the
        linker's own unknown names (organisations: from the name, see ``_org_facts``; people: the
        sentence's one country, set later by ``_context_country``; else None). Skipped: one lowercase
        word, dates (month/weekday names, numbers), titles of works in quotes, names of 1-2 letter words,
        one all-capital word (an acronym ORG only as the short form in parentheses of the organisation
        named just before it: that organisation), one-word people not named before, places the KB knows
        (countries, capitals, regions), and spans with a title, agent or known person inside (the
        linker's phrases decide those). A later span made of words of a person named earlier ("Santoso"
        after "Budi Santoso") is that person: returned as (mention, earlier mention) pairs, whose
        country, org, sector and role the caller copies once context has set them."""
        if not ents:
            return []
        starts = [s for s, _ in spans]
        by_word = {}
        for a in atoms:
            for w in range(a.i, a.j):
                by_word[w] = a
        taken = [(m.start, m.end) for m in mentions]
        person_words: set[str] = set()
        first_per: dict[str, int] = {}
        for m in mentions:
            if m.kind == "PER" and m.entity_id:
                first_per[m.entity_id] = min(first_per.get(m.entity_id, m.start), m.start)
        people = [m for m in mentions if m.kind == "PER" and m.entity_id and first_per.get(m.entity_id) == m.start]
        added: list[Mention] = []
        corefs: list[tuple[Mention, Mention]] = []
        for s, e, label in sorted(ents):
            if label not in ("PER", "ORG"):
                continue
            # trim quotes/punctuation the model may include
            while s < e and not text[s].isalnum():
                s += 1
            while e > s and not text[e - 1].isalnum() and text[e - 1] != ".":
                e -= 1
            if e <= s or any(a < e and s < b for a, b in taken):
                continue
            i = bisect.bisect_left(starts, s)
            j = bisect.bisect_left(starts, e)
            # one name per sentence: "PT Sritex Tbk. Iwan mengaku ..." is cut after "Tbk."
            for w in range(i + 1, j):
                if _DOT.match(text[spans[w - 1][1]:spans[w][0]]) and spans[w - 1][1] - spans[w - 1][0] > 1:
                    j = w
                    break
            # lowercase pieces glued on by text cleaning or trailing ("adalahJavanese ...", "... diesel")
            while i < j and not text[spans[i][0]].isupper() and not text[spans[i][0]].isdigit():
                i += 1
            while j > i and not text[spans[j - 1][0]].isupper() and not text[spans[j - 1][0]].isdigit():
                j -= 1
            if j <= i:
                continue
            we = spans[j - 1][1]
            s, e = spans[i][0], we + 1 if e > we and text[we] == "." else we  # keeps "Tbk.", "Jr."
            run = list(range(i, j))
            name = text[s:e]
            if len(run) == 1 and not name[:1].isupper():
                continue  # one lowercase word
            if any(keys[w] in DATE_WORDS or keys[w].isdigit() for w in run):
                continue  # "Senin", "Juni 2025"
            if all(not text[spans[w][0]].isupper() for w in run):
                continue  # a lowercase phrase
            if self._work_title(text, s, e):
                continue
            ws = [text[spans[w][0]:spans[w][1]] for w in run]
            if max(len(w) for w in ws) < 3:
                continue  # "E.", "G A": letters of a group, a grade, a gearbox
            if len(ws) == 1 and ws[0].isupper() and label == "ORG":
                # an acronym: only as the short form of the organisation just named ("... (KKP)");
                # on its own mostly plans, programmes, products and tickers (RPJMN, SPMB, KRL, XRP)
                src = next((m for m in mentions + added if m.kind == "ORG" and m.end <= s
                            and re.fullmatch(r"\s*\(", text[m.end:s]) and text[e:e + 1] == ")"), None)
                if src is not None:
                    added.append(Mention(start=s, end=e, text=name, entity_id=src.entity_id, name=src.name,
                                         country=src.country, org=src.org, sector=src.sector, kind="ORG",
                                         score=src.score))
                    taken.append((s, e))
                continue
            if len(ws) == 1 and ws[0].isupper():
                continue  # an acronym as a person
            inner = [by_word[w] for w in run if w in by_word]
            if inner and inner[0].i <= i and inner[-1].j >= j and len(inner) == 1 and inner[0].first(*GPE_KINDS):
                continue  # the KB's country, capital or region: a place
            if label == "PER":
                # a later short form of someone already named: left to coreference
                src = next((m for m in people + added if m.kind == "PER" and m.start < s
                            and all(keys[w] in self._person_words(m) for w in run)), None)
                if src is not None:
                    # "Santoso", "Budi Santoso" again: the person named earlier (coreference)
                    m = Mention(start=s, end=e, text=name, entity_id=src.entity_id, name=src.name, kind="PER",
                                score=0.9)
                    corefs.append((m, src))
                    added.append(m)
                    taken.append((s, e))
                    continue
                if inner and any(a.first(*HEAD_KINDS) for a in inner):
                    continue  # a title or agent word inside: the linker's phrases decide
                if len(run) == 1:
                    continue  # one new word: mostly products, places, brands and clipped names
                if any(not text[spans[w][0]].isupper() and keys[w] not in PARTICLES for w in run):
                    continue  # a lowercase word inside: glued text ("Daguisedigelar intimate")
                m = Mention(start=s, end=e, text=name, entity_id="new:" + re.sub(r"\W+", "-", name.lower()).strip("-"),
                            name=name, kind="PER", score=0.6)
            else:
                if inner and any(a.first(*PERSON_KINDS) for a in inner):
                    continue
                country, org, sector = self._org_facts(name, keys, run, inner)
                m = Mention(start=s, end=e, text=name, entity_id="new:" + re.sub(r"\W+", "-", name.lower()).strip("-"),
                            name=name, country=country, org=org, sector=sector, kind="ORG", score=0.6)
            added.append(m)
            taken.append((s, e))
        mentions.extend(added)
        return corefs

    def _person_words(self, m: Mention) -> set[str]:
        """Lowercased words of the names of the person of mention ``m``."""
        if (m.entity_id or "").startswith("per:") and m.entity_id in self.kb.entities:
            names = self._names_of(self.kb.entities[m.entity_id])
        else:
            names = [m.name or m.text]
        return {n[a:b].lower() for n in names for a, b in words(n)}

    @staticmethod
    def _work_title(text: str, s: int, e: int) -> bool:
        """``text[s:e]`` sits inside a short quoted phrase that is a title (a film, book, song,
        programme: "Jumbo", “Pengabdi Setan 2”), not quoted speech: at most 8 words, on one line, not
        ending in sentence punctuation."""
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", e)
        le = len(text) if le < 0 else le
        before = text[ls:s]
        qo = max(before.rfind(q) for q in ('"', "\u201c", "\u2018", "'"))
        if qo < 0 or (before[qo] == "'" and qo > 0 and before[qo - 1].isalnum()):
            return False
        after = text[e:le]
        qc = min((after.find(q) for q in ('"', "\u201d", "\u2019", "'") if after.find(q) >= 0), default=-1)
        if qc < 0:
            return False
        inside = (before[qo + 1:] + text[s:e] + after[:qc]).strip()
        if before[:qo].count('"') % 2 == 1:
            return False  # the opening mark closes an earlier quote
        return 0 < len(inside.split()) <= 8 and not inside.endswith((".", ",", "!", "?", ":", ";"))

    # ------------------------------------------------------------------ organisations the KB lacks
    def _named_orgs(self, text: str, spans, keys, atoms: list[Atom], mentions: list[Mention]) -> None:
        """Capitalised names with an organisation head word ("Islamic Salvation Front", "Nigerian
        Union of Teachers", "Front Keselamatan Islam", "Gerakan ... Biafra") become new ORG
        entities: country from a country, demonym or capital inside the name, sector from an agent
        word inside it (Teachers: EDU) or else from the head (see ``ORG_HEADS``)."""
        n = len(spans)
        if not any(k in ORG_HEADS for k in keys):
            return
        by_word = {}
        for a in atoms:
            for w in range(a.i, a.j):
                by_word[w] = a
        k = 0
        while k < n:
            s, e = spans[k]
            if not text[s].isupper() or not _name_word(text, s, e, keys[k]):
                k += 1
                continue
            j = k + 1
            caps = [k]
            joined: set[int] = set()  # words joined by "and"/"&": the run is not cut there
            while j < n:
                gap = text[spans[j - 1][1]:spans[j][0]]
                if _JOIN_OK.match(gap) and "\n" not in gap and _name_word(text, *spans[j], keys[j]):
                    caps.append(j)
                    j += 1
                    continue
                # "Union of Teachers", "Movement for the Actualization of ..."
                c = j
                while c < n and keys[c] in ORG_CONNECT and c - j < 2 and _SPACE.match(text[spans[c - 1][1]:spans[c][0]]):
                    c += 1
                if c > j and c < n and _SPACE.match(text[spans[c - 1][1]:spans[c][0]]) and _name_word(text, *spans[c], keys[c]):
                    j = c
                    continue
                # "Securities and Exchange Commission", "Food & Agriculture Organisation": "and" inside
                # a name, only before the name has its head ("Kementerian A dan Kementerian B" are two)
                gap2 = text[spans[j - 1][1]:spans[j][0]]
                if (keys[j] in NAME_CONJUNCTIONS and j + 1 < n and not any(keys[w] in ORG_HEADS for w in caps)
                        and _SPACE.match(gap2) and _SPACE.match(text[spans[j][1]:spans[j + 1][0]])
                        and _name_word(text, *spans[j + 1], keys[j + 1])):
                    joined.add(j + 1)
                    j += 1
                    continue
                if (gap2.strip() == "&" and not any(keys[w] in ORG_HEADS for w in caps)
                        and _name_word(text, *spans[j], keys[j])):
                    joined.add(j)
                    caps.append(j)
                    j += 1
                    continue
                break
            k_next = caps[-1] + 1
            # "Members of the Movement for ...": drop leading pieces before a connector without a head
            run = list(caps)
            while True:
                cut = next((x for x in range(len(run) - 1) if run[x + 1] != run[x] + 1 and run[x + 1] not in joined), None)
                if cut is None or any(keys[w] in ORG_HEADS for w in run[:cut + 1]):
                    break
                run = run[cut + 1:]
            inner = [by_word[w] for w in run if w in by_word]
            if len(run) < 2 or not self._org_head(keys, run) or any(a.first(*PERSON_KINDS, "title") for a in inner):
                k = k_next
                continue
            rs, re_ = spans[run[0]][0], spans[run[-1]][1]
            if any(m.start <= rs and m.end >= re_ for m in mentions):
                k = k_next
                continue
            name = text[rs:re_]
            country, org, sector = self._org_facts(name, keys, run, inner)
            if country is None and org is None:
                country = self._owner_country(text, rs)
                if country:  # "Brazil's Ministry" (country + agent word) is this organisation
                    mentions[:] = [m for m in mentions if not (m.kind == "AGENT" and m.start < rs < m.end)]
            mentions[:] = [m for m in mentions if not (m.start >= rs and m.end <= re_)]
            mentions.append(Mention(start=rs, end=re_, text=name, entity_id="new:" + re.sub(r"\W+", "-", name.lower()).strip("-"),
                                    name=name, country=country, org=org, sector=sector, kind="ORG", score=0.7))
            # "drivers of the City Transit Company of Cairo", "pekerja Perusahaan ...": the agent's country
            for m in mentions:
                if m.kind == "AGENT" and m.country is None and m.org is None and m.end <= rs and (country or org):
                    if re.fullmatch(r"\s+(?:(?:of|at|from|dari)\s+)?(?:the\s+)?", text[m.end:rs]):
                        m.country, m.org = country, org
            k = k_next

    def _owner_country(self, text: str, start: int) -> str | None:
        """The country named right before ``start`` as its owner: "Brazil's Supreme Federal Court",
        "South Korea's Constitutional Court", "Kenya’s Ministry of Health" (a country name, with or
        without the possessive, or a demonym: "the Kenyan Ministry ...")."""
        m = _OWNER.search(text, max(0, start - 60), start)
        if m is None:
            return None
        ws = m.group(1).split()
        for n in (2, 1):
            if len(ws) < n:
                continue
            hits = self.kb.aliases.get(key_of(" ".join(ws[-n:])), ())
            h = next((h for h in hits if h.kind == "country" and h.ref), None)
            if h is not None:
                return self.kb.entities[h.ref].country
        return None

    def _sentence_countries(self, text: str, m: Mention, mentions: list[Mention], places) -> set[str]:
        """Countries the sentence of ``m`` names, other than through ``m`` itself or a known person
        (whose country says nothing about others): countries, demonym phrases, capitals as places."""
        s0, e0 = self._sentence(text, m.start, m.end)
        cs = {x.country for x in mentions if x is not m and x.country and s0 <= x.start < e0
              and not (x.entity_id or "").startswith("per:") and not (m.start <= x.start < m.end)}
        cs.update(c for p, c in places if c and s0 <= p < e0 and not (m.start <= p < m.end))
        return cs

    def _context_country(self, text: str, mentions: list[Mention], places=()) -> None:
        """A titled person the KB lacks and no country in the phrase ("Presiden Kagame") takes the
        country when the same sentence names exactly one country ("... the Zambian people",
        "... di Kigali")."""
        for m in mentions:
            if not (m.kind == "PER" and m.entity_id and m.entity_id.startswith("new:") and m.country is None
                    and m.org is None):
                continue
            cs = self._sentence_countries(text, m, mentions, places)
            if len(cs) == 1:
                m.country = cs.pop()
                m.score = 0.6

    def _ethnic(self, text: str, mentions: list[Mention], places=()) -> None:
        """"ethnic Albanians", "etnis Turki", "ethnic Albanian guerrillas": an ethnic group lives in
        the country the sentence names beside it ("... in Macedonia"), else in the one it names."""
        for m in mentions:
            before = text[max(0, m.start - 8):m.start].lower()
            if not (_ETHNIC.search(before) or _ETHNIC.match(m.text.lower())) or m.kind == "PER" or not m.country:
                continue
            cs = self._sentence_countries(text, m, mentions, places) - {m.country}
            if len(cs) == 1:
                m.country = cs.pop()
                m.score = 0.6
            if m.kind == "GPE":
                m.kind, m.sector, m.entity_id = "AGENT", "CVL", None

    # ------------------------------------------------------------------ context
    @staticmethod
    def _stance(text: str, atoms: list[Atom]) -> list[Atom]:
        """Drop country atoms named as a stance or sponsor ("pro-Palestina", "anti-Syria",
        "Iranian-backed"): they are neither an actor nor the country of the noun they modify."""
        out = []
        for a in atoms:
            if a.first("country") and not a.first("org", *PERSON_KINDS, *HEAD_KINDS) and (
                    _STANCE_BEFORE.search(text[max(0, a.start - 5):a.start])
                    or _STANCE_AFTER.match(text, a.end)):
                continue
            out.append(a)
        return out

    def _dated_places(self, atoms: list[Atom], keys: list[str], d: date) -> None:
        """Places whose state changed resolve to the state that held them on ``d``
        (``places_dated.tsv``: Juba is Sudan before 2011-07-09)."""
        for a in atoms:
            if not a.first(*GPE_KINDS):
                continue
            iso3 = self.kb.place_country(tuple(keys[a.i:a.j]), d)
            if iso3 and f"gpe:{iso3}" in self.kb.entities:
                a.hits = [Hit(h.kind, f"gpe:{iso3}", h.case, h.surface, h.sector, h.role, h.lang)
                          if h.kind in GPE_KINDS else h for h in a.hits]

    def _np_gap(self, text: str, comp: Atom, end: int, start: int) -> bool:
        """English: the words between a demonym and an agent noun belong to one noun phrase
        ("Egyptian Islamic fundamentalists", "Chinese state media", "Vietnamese-led forces"): at
        most two adjectives/nouns, no function word or verb, the demonym an adjective (not
        "Palestinians say soldiers...")."""
        if tuple(w.lower() for w in comp.text.replace("-", " ").split()) not in self.kb.demonyms:
            return False
        if comp.text.endswith("s"):
            return False
        gap = text[end:start]
        if gap.startswith("-led "):
            gap = gap[4:]
            if _SPACE.match(gap):
                return True
        ws = gap.split()
        if not ws or len(ws) > 2 or not gap[:1].isspace() or not gap[-1:].isspace():
            return False
        for w in ws:
            lw = w.lower()
            if not re.fullmatch(r"[A-Za-z][a-z'\-]+", w) or lw in NP_STOP:
                return False
            if w[0].isupper() and lw not in NP_CAPS:
                return False
            if lw.endswith("ed") and lw not in NP_ED_OK:
                return False
        return True

    def _focus_country(self, text: str, mentions: list[Mention], places=()) -> None:
        """A bare agent ("the rebels", "Shona rebels", "pemberontak", "Moslem forces") takes the
        article's country of focus: the only country the article names (countries, demonym
        phrases, organisations with a country, capitals as places, the dateline place; known people
        do not count). Two or more countries: left null. A dateline alone is not a focus:
        Indonesian outlets date foreign news "JAKARTA -"."""
        bare = [m for m in mentions if m.kind == "AGENT" and m.country is None and m.org is None
                and not _PAIR.match(m.text)]
        if not bare:
            return
        named = {m.country for m in mentions if m.country and not (m.entity_id or "").startswith("per:")
                 and m.kind != "PER" and m not in bare}
        named.update(c for _, c in places if c)
        if len(named) != 1:
            return
        focus = named.pop()
        for m in bare:
            m.country = focus
            m.score = 0.6

    def _home_country(self, mentions: list[Mention], lang: str, places=(), text: str = "",
                      spans=(), keys=()) -> None:
        """Bare agents ("polisi", "pemerintah") in Indonesian text: IDN where nothing foreign is
        named. Indonesian outlets name the country only when the news is foreign, so "Polisi
        menangkap dua tersangka di Medan" is Indonesian police.

        Decided per paragraph (a line of the text): a paragraph that names a foreign country (as an
        actor, a person's country, or a capital used as a place) leaves its bare agents alone; one
        that names Indonesia or an Indonesian place ("di Medan", "Polda Metro Jaya") and nothing
        foreign makes them IDN, whatever other paragraphs name (a domestic protest in an article
        that also reports a meeting with Malaysia's prime minister); a paragraph that names no
        country at all continues the paragraph before it that did, and before any such paragraph
        follows the whole text (IDN when the text names nothing foreign)."""
        if lang != "id":
            return
        bare = [m for m in mentions if m.kind == "AGENT" and m.country is None and m.org is None
                and not _PAIR.match(m.text)]
        if not bare:
            return
        found = [(m.start, m.country) for m in mentions if m.country and m not in bare]
        found += [(pos, c) for pos, c in places if c]
        if spans and keys:  # Indonesian provinces, regencies and regional commands as places
            k = 0
            while k < len(keys):
                pl = place_at(keys, k)
                if pl and text[spans[k][0]:spans[k][0] + 1].isupper():
                    found.append((spans[k][0], "IDN"))
                    k += pl
                else:
                    k += 1
        whole = {c for _, c in found}
        breaks = [i for i, ch in enumerate(text) if ch == "\n"] if text else []
        bounds = [-1] + breaks + [max(len(text), max((m.end for m in mentions), default=0)) + 1]
        verdict: dict[int, bool] = {}  # paragraph index -> domestic?
        last = None
        for p in range(len(bounds) - 1):
            para = {c for pos, c in found if bounds[p] < pos < bounds[p + 1]}
            if para - {"IDN"}:
                last = False
            elif "IDN" in para:
                last = True
            verdict[p] = last if last is not None else not (whole - {"IDN"})
        for m in bare:
            p = bisect.bisect_left(bounds, m.start) - 1
            if verdict.get(p, False):
                m.country = "IDN"
                m.score = 0.7


def link(text: str, d: date | None = None, lang: str = "id") -> list[Mention]:
    """Mentions in ``text`` resolved on date ``d`` with the default (packaged) knowledge base."""
    return Linker.default().link(text, d, lang)


def resolve(text: str, d: date | None = None, context: str | None = None, lang: str = "id",
            linker: Linker | None = None) -> dict | None:
    """Resolve one actor phrase: ``{"entity_id", "name", "country", "org", "sector"}`` or None.

    ``context`` (a sentence or article the phrase came from) lets short names resolve by
    coreference ("Kim" after "Kim Jong Un") and bare agents take the article's country. The
    phrase's own mentions win; among them the one covering most of the phrase.
    """
    linker = linker or Linker.default()
    text = text.strip()
    if not text:
        return None
    context = (context or "").strip()
    # a paragraph break keeps the context's last words and the phrase apart ("Ukraine\nPutin")
    prefix = (context + "\n\n") if context else ""
    full = prefix + text
    ms = [m for m in linker.link(full, d, lang, home=bool(context), lone_acronyms=True)
          if m.start >= len(prefix)]
    if not ms:
        return None
    best = max(ms, key=lambda m: (m.end - m.start, m.kind == "PER", -m.start))
    return {"entity_id": best.entity_id, "name": best.name, "country": best.country, "org": best.org,
            "sector": best.sector}
