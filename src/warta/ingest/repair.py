"""Text repair at ingestion: words glued at link boundaries, sentences broken by link lines.

Scraped pages lose the space around a link's text (``dalamIranmengatakan``, ``kepadaRepublika``,
``DilansirAFP``, ``AFPmelaporkan``), or put a link's text on a line of its own, splitting its
sentence in three (``Gubernur Jakarta`` / ``Pramono Anung`` / ``mengungkap ...``). Both hide actors
and triggers from the later stages.

- :func:`rejoin_lines` (called by :func:`warta.ingest.clean.clean`) turns the line breaks around
  such a link line into spaces (the length is kept).
- :func:`split_glued` inserts a space where a word is glued to the next at a case boundary and
  both halves are words or names of the generated word list (``data/ingest/repair_words.tsv``);
  brand and product names (``detikNews``, ``iPhone``, ``TikTok``) stay whole
  (``data/ingest/repair.yaml``). Only for Indonesian text: the word list is Indonesian.

:func:`warta.ingest.prepare.prepare` applies both (the glue split once the language is known): the
repaired text is ``Article.text``, the text later stages and their character offsets refer to
(``raw_text`` keeps the text as it arrived). :func:`repair` applies both to a plain string.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml

_DATA = resources.files("warta") / "data" / "ingest"

MIN_WORD_ZIPF = 3.0  # a lowercase half must be at least this frequent in Indonesian
MIN_TAIL_ZIPF = 3.5  # the word split off the end of a capitalised name (``Iranmengatakan``)
SHORT_HEADS = frozenset({"di", "ke"})  # two-letter words glued before a name: diIran, keJakarta
# short words often glued after a name (Irandan, ArsenaldiLiga); longer tails need no list
FUNCTION_TAILS = frozenset({"di", "ke", "dan", "dari", "yang", "ini", "itu", "pada", "oleh", "atau", "untuk"})
LINK_LINE_WORDS = 8  # a link line is at most this many words


@dataclass(frozen=True)
class _Lexicon:
    zipf_id: dict[str, float]
    zipf_en: dict[str, float]
    names: frozenset[str]
    keep_tokens: frozenset[str]
    keep_prefixes: frozenset[str]
    keep_suffixes: frozenset[str]
    not_words: frozenset[str]


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    zid: dict[str, float] = {}
    zen: dict[str, float] = {}
    names = set()
    for line in (_DATA / "repair_words.tsv").read_text("utf-8").splitlines():
        if not line or line[0] == "#":
            continue
        w, a, b, n = line.split("\t")
        zid[w] = float(a)
        zen[w] = float(b)
        if n == "1":
            names.add(w)
    cfg = yaml.safe_load((_DATA / "repair.yaml").read_text("utf-8"))
    return _Lexicon(zid, zen, frozenset(names), frozenset(cfg["keep_tokens"]),
                    frozenset(cfg["keep_prefixes"]), frozenset(cfg["keep_suffixes"]),
                    frozenset(cfg["not_words"]))


@dataclass
class Repaired:
    text: str
    lines: int = 0  # line breaks around link lines turned into spaces
    glued: int = 0  # spaces inserted between glued words
    edits: list[tuple[int, str]] = field(default_factory=list)  # (offset in the repaired text, kind)


# --- glued words -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*|[A-Z]{2,}[a-z][A-Za-z0-9]*")
_PIECE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z][a-z]+[0-9]*|[a-z]+[0-9]*|[A-Z]+[0-9]*")


def _kind(p: str) -> str:
    if p[0].islower():
        return "lower"
    if len(p) > 1 and p[1].islower():
        return "cap"
    return "caps"


def _known(w: str, lex: _Lexicon) -> bool:
    w = w.lower()
    return w in lex.names or lex.zipf_id.get(w, 0.0) >= MIN_WORD_ZIPF


def _indonesian(w: str, lex: _Lexicon) -> bool:
    """A word at home in Indonesian text (``presiden``, ``kepada``, ``Iran``), not mainly English
    (``open``, ``play``, ``news``): brand names are mostly made of English words."""
    w = w.lower()
    zi, ze = lex.zipf_id.get(w, 0.0), lex.zipf_en.get(w, 0.0)
    if w in lex.names and ze < 4.0:
        return True
    return zi >= MIN_WORD_ZIPF and zi >= ze - 0.5


def _split_name_tail(p: str, lex: _Lexicon) -> int:
    """Where a capitalised piece ``Iranmengatakan`` splits into a name and a word (0: it does not)."""
    low = p.lower()
    if low in lex.zipf_id or low in lex.names:
        return 0
    best, best_z = 0, 0.0
    for i in range(4, len(p) - 1):
        head, tail = low[:i], low[i:]
        if tail in lex.not_words or not tail.isalpha():
            continue
        if len(tail) < 4 and tail not in FUNCTION_TAILS:
            continue
        zt = lex.zipf_id.get(tail, 0.0)
        if zt < MIN_TAIL_ZIPF or zt < lex.zipf_en.get(tail, 0.0) + 1.0:  # plainly Indonesian
            continue
        if head not in lex.names and lex.zipf_id.get(head, 0.0) < MIN_TAIL_ZIPF:
            continue
        if zt > best_z:
            best, best_z = i, zt
    return best


def _pieces(tok: str, lex: _Lexicon) -> list[tuple[int, str, bool]]:
    """Case pieces of ``tok`` as (start, text, forced): ``forced`` pieces must be cut off from the one
    before (a name's glued tail word: ``Republika|melalui``)."""
    raw = [(m.start(), m.group()) for m in _PIECE.finditer(tok)]
    if sum(len(p) for _, p in raw) != len(tok):
        return []
    # ALLCAPS then a capital that starts a lower-case word: KPK|telah, not KP|Ktelah
    for i in range(len(raw) - 1):
        (sa, a), (sb, b) = raw[i], raw[i + 1]
        rest = b[1:].lower()
        if _kind(a) == "caps" and _kind(b) == "cap" and b.lower() not in lex.names and rest not in lex.not_words \
                and lex.zipf_id.get(rest, 0.0) >= max(MIN_TAIL_ZIPF, lex.zipf_id.get(b.lower(), 0.0) + 1.0):
            raw[i], raw[i + 1] = (sa, a + b[0]), (sb + 1, b[1:])
    out = []
    for s, p in raw:
        k = _split_name_tail(p, lex) if _kind(p) == "cap" and len(raw) > 1 else 0
        if k:
            out += [(s, p[:k], False), (s + k, p[k:], True)]
        else:
            out.append((s, p, False))
    return out


def _boundary(a: str, b: str, lex: _Lexicon) -> bool:
    """Whether a space belongs between two case pieces ``a`` and ``b`` of one token."""
    ka, kb = _kind(a), _kind(b)
    if b in lex.keep_suffixes or b.lower() in lex.not_words:
        return False
    if ka == "lower":  # dalamIran, dilansirAFP, mitraBMKG; not iPhone, eSports, macOS, idAAA
        if not (len(a) >= 3 or a in SHORT_HEADS) or not _known(a, lex):
            return False
        if kb == "caps":
            return len(b) >= 3 or _known(b, lex)
        return (len(b) >= 3 or b.lower() in lex.names) and _known(b, lex)
    if ka == "cap":  # PresidenPrabowo, DilansirAFP, JakartaPT; not DeSantis, YouTube, OpenAI
        if len(a) < 3 or not _indonesian(a, lex):
            return False
        if kb == "caps":
            return len(b) >= 2
        return len(b) >= 2 and _indonesian(b, lex)
    # ALLCAPS first: AFPmelaporkan, DPLKmemiliki, VAHarga; not PhD, MoU, BRImo, SINDOnews
    if len(a) < 2:
        return False
    if kb == "lower":
        return len(b) >= 3 and _indonesian(b, lex) and lex.zipf_id.get(b, 0.0) >= MIN_TAIL_ZIPF
    return len(b) >= 3 and _indonesian(b, lex)


@functools.lru_cache(maxsize=2)
def _keep_rx(tokens: frozenset[str]) -> re.Pattern:
    return re.compile("|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True)))


def _keep_whole(tok: str, lex: _Lexicon) -> bool:
    if tok in lex.keep_tokens:
        return True
    m = _PIECE.match(tok)
    if m and m.group() in lex.keep_prefixes:
        return True
    return re.search(r"[0-9][A-Za-z]", tok) is not None  # codes: bZ4X, 0029VaFPbed...


def _split_token(tok: str, lex: _Lexicon) -> list[int]:
    """Offsets inside ``tok`` where a space goes."""
    if _keep_whole(tok, lex):
        return []
    pieces = _pieces(tok, lex)
    # brand names inside a longer glued token stay whole: MengutipdetikJateng, untukMotoGPItalia
    kept = [(m.start(), m.end()) for m in _keep_rx(lex.keep_tokens).finditer(tok)]
    kept += [(s, pieces[i + 1][0] + len(pieces[i + 1][1])) for i, (s, p, _) in enumerate(pieces[:-1])
             if p in lex.keep_prefixes]
    cuts = []
    for (sa, a, _), (sb, b, forced) in zip(pieces, pieces[1:]):
        if any(s < sb < e for s, e in kept):
            continue
        if forced or _boundary(a, b, lex):
            cuts.append(sb)
    # a name-tail split stands only beside a real glue cut (not a lone unknown name)
    forced_only = all(f for (s, _, f) in pieces if s in cuts)
    return [] if forced_only else cuts


_BOUNDARY = re.compile(r"[a-z][A-Z]|[A-Z][A-Z][a-z]")
_WORDCH = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_NOT_BEFORE = frozenset("@/.#-_\\")  # inside a URL, e-mail address, hashtag or file name


@functools.lru_cache(maxsize=20000)
def _cuts(tok: str) -> tuple[int, ...]:
    if not _TOKEN.fullmatch(tok):
        return ()
    return tuple(_split_token(tok, _lexicon()))


def split_case_glued(text: str) -> tuple[str, list[int]]:
    """Spaces at case boundaries between glued words (``dalamIranmengatakan``); new text and offsets."""
    out: list[str] = []
    spaces: list[int] = []
    last = 0
    n = len(text)
    for b in _BOUNDARY.finditer(text):
        i = b.start()
        if i < last:
            continue
        start = i
        while start > 0 and text[start - 1] in _WORDCH:
            start -= 1
        end = b.end()
        while end < n and text[end] in _WORDCH:
            end += 1
        if (start > 0 and (text[start - 1] in _NOT_BEFORE or not text[start - 1].isascii() and text[start - 1].isalnum())) \
                or (end < n and (text[end] in "@_/" or not text[end].isascii() and text[end].isalnum())):
            last = end
            continue
        tok = text[start:end]
        cuts = _cuts(tok)
        if cuts:
            out.append(text[last:start])
            prev = 0
            for c in cuts:
                out.append(tok[prev:c])
                out.append(" ")
                spaces.append(start + c + len(spaces))
                prev = c
            out.append(tok[prev:])
        else:
            out.append(text[last:end])
        last = end
    if not spaces:
        return text, []
    out.append(text[last:])
    return "".join(out), spaces


# a capitalised word glued to the next one, with no case boundary: "Donald Trumpmengatakan"
_CAP_WORD = re.compile(r"(?<![A-Za-z0-9@/.#_-])[A-Z][a-z]{6,}(?![A-Za-z0-9@_])")
# ... split only before a word that typically follows a name: a function word, an auxiliary or a
# prefixed verb (me-, ber-, di-, ter-); compounds and place names ("Antarklub", "Sukajaya") stay
# ("di"/"ke" are left out: names end in them, Suwardi, Rahmadi, Japandi)
_AFTER_NAME = frozenset({"dan", "yang", "dari", "pada", "untuk", "dengan", "telah", "sudah", "akan",
                         "juga", "tidak", "masih", "kini", "bahwa", "saat", "ketika", "bersama", "kepada",
                         "sebagai", "melalui", "terhadap", "atau", "serta", "pun", "lalu", "kemudian", "sempat",
                         "belum", "bisa", "dapat", "harus", "sedang", "tengah"})
_VERB_FORM = re.compile(r"(?:me[mnlrwy]|meng|meny|ber|di|ter)[a-z]{3,}")


@functools.lru_cache(maxsize=20000)
def _name_word_cut(word: str) -> int:
    lex = _lexicon()
    low = word.lower()
    if low in lex.zipf_id or low in lex.names:
        return 0
    k = _split_name_tail(word, lex)
    if k and (low[k:] in _AFTER_NAME or _VERB_FORM.fullmatch(low[k:])):
        return k
    return 0


def split_name_glued(text: str) -> tuple[str, list[int]]:
    """A space between a capitalised name and the word glued after it (``Trumpmengatakan``)."""
    out: list[str] = []
    spaces: list[int] = []
    last = 0
    for m in _CAP_WORD.finditer(text):
        k = _name_word_cut(m.group())
        if k:
            out.append(text[last:m.start() + k])
            out.append(" ")
            spaces.append(m.start() + k + len(spaces))
            last = m.start() + k
    if not spaces:
        return text, []
    out.append(text[last:])
    return "".join(out), spaces


def split_glued(text: str) -> tuple[str, list[int]]:
    """Insert spaces between glued words; returns the new text and the offsets of the inserted spaces."""
    text, first = split_case_glued(text)
    text, second = split_name_glued(text)
    if not second:
        return text, first
    orig = [s - k for k, s in enumerate(second)]  # where each second-pass space went in
    moved = [f + sum(1 for o in orig if o <= f) for f in first]
    return text, sorted(moved + second)


# --- link lines ------------------------------------------------------------------------------------

_SENT_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
_CONTINUES = re.compile(r"^\s*(?:(?!https?:|www\.)[a-z](?![a-z]*[A-Z])|[,;)]|\.(?=\s|$))")
_LIST_ITEM = re.compile(r"^\s*(?:[-–•*·]|\d{1,2}[.)]\s|[a-z][.)]\s)")
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$")
_HEADING = re.compile(r"^[^a-z]*[A-Z][^a-z]*$")  # no lower-case letter at all: PROMO KARTU BCA


def _is_link_line(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s.split()) <= LINK_LINE_WORDS and not _SENT_END.search(s) \
        and not _LIST_ITEM.match(s) and not (_HEADING.match(s) and len(s.split()) >= 3)


def _continues(line: str) -> bool:
    return bool(_CONTINUES.match(line)) and not _LIST_ITEM.match(line)


def rejoin_lines(text: str) -> tuple[str, list[int]]:
    """Turn the line breaks around link lines into spaces; returns the text and the offsets changed.

    A break is joined when the next line continues the sentence (starts with a lower-case letter or
    a comma), or when the line before does not end a sentence and the next line is a short link line
    that is itself followed by a continuation (``Gubernur Jakarta`` / ``Pramono Anung`` /
    ``mengungkap``). A line that ends a sentence keeps its break.
    """
    if "\n" not in text:
        return text, []
    lines = text.split("\n")
    offs = []
    pos = 0
    for ln in lines[:-1]:
        pos += len(ln)
        offs.append(pos)
        pos += 1
    joins = []
    for i in range(len(lines) - 1):
        prev, nxt = lines[i], lines[i + 1]
        if not prev.strip() or not nxt.strip() or _SENT_END.search(prev) or _LIST_ITEM.match(prev):
            continue
        if (_HEADING.match(prev) and len(prev.split()) >= 3) or _URL_LINE.match(prev):
            continue
        if _continues(nxt):
            joins.append(offs[i])
        elif _is_link_line(nxt) and i + 2 < len(lines) and _continues(lines[i + 2]):
            joins.append(offs[i])
    if not joins:
        return text, []
    chars = list(text)
    for j in joins:
        chars[j] = " "
    return "".join(chars), joins


def repair(text: str, lang: str | None) -> Repaired:
    """Rejoin link lines (any language) and split glued words (Indonesian only)."""
    text, joins = rejoin_lines(text)
    rep = Repaired(text=text, lines=len(joins))
    if lang in ("id", "ms"):
        rep.text, spaces = split_glued(text)
        rep.glued = len(spaces)
        orig = [s - k for k, s in enumerate(spaces)]  # where each space went in, before insertion
        rep.edits = sorted([(j + sum(1 for o in orig if o <= j), "line") for j in joins]
                           + [(s, "glued") for s in spaces])
    else:
        rep.edits = [(j, "line") for j in joins]
    return rep
