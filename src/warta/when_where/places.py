"""Find place phrases in a sentence and resolve them offline to a :class:`warta.model.Location`.

A place phrase starts at a place preposition (``di``, ``ke``, ``in``, ``at``... from
``data/places/place_words.yaml``), may go through generic words (``wilayah perbatasan``,
``selatan``, ``the northern city of``), and then needs capitalised words that the gazetteer knows.
Comma chains (``gedung KPK, Kuningan, Jakarta Selatan``) and ``antara X dan Y`` are read as one
phrase. Names after a building word (``Istana Constantine``) only resolve through the curated lists,
never through a GeoNames city of the same name. Ambiguous names resolve only when the phrase
itself disambiguates them; otherwise the place is ``None`` (or the country, when every reading
lies in the same country). Nothing is guessed.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from warta.model import Location
from warta.when_where.gazetteer import PRECISION_RANK, Place, gazetteer, norm_key, place_words

BUILDING_WORDS = {"gedung", "istana", "kompleks", "kantor", "markas", "pangkalan", "bandara", "pelabuhan",
                  "jalan", "kampus", "masjid", "gereja", "hotel", "rumah", "stadion", "museum", "universitas",
                  "balai", "base", "palace", "building", "airport", "hotel", "office"}
DIRECTIONS = {"timur", "barat", "utara", "selatan", "tengah", "tenggara", "east", "west", "north", "south"}
# A GeoNames-only city must be this many times larger than the next city of the same name.
AMBIGUITY_RATIO = 10


@dataclass(frozen=True)
class PlaceMention:
    """A resolved place phrase: ``start``/``end`` index the text; ``cue`` is locative or destination."""

    start: int
    end: int
    text: str
    place: Place
    cue: str  # locative, destination, anaphora, dateline

    def location(self) -> Location:
        p = self.place
        return Location(text=self.text, name=p.name, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
                        precision=_public_precision(p.precision))


def _public_precision(p: str) -> str:
    return {"regency": "city", "district": "place"}.get(p, p)


def _alt(items) -> str:
    return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(set(items), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _res() -> dict:
    w = place_words()
    cue_kind = {c.lower(): k for k, cs in w["cues"].items() for c in cs}
    generic = {g.lower() for g in w["generic"]}
    cue_re = re.compile(rf"(?<![\w-])(?P<cue>{_alt(cue_kind)})\s+(?=\S)", re.IGNORECASE)
    token_re = re.compile(r"[^\W\d_](?:[\w'’\-]|\.(?=\w))*|\d+|[,()]")
    anaphora = re.compile(
        rf"(?<![\w-])(?:di|ke|in|at)\s+(?:(?:{_alt(w['anaphora_nouns'])})\s+)+(?:{_alt(w['anaphora_determiners'])})\b"
        rf"|(?<![\w-])(?:{_alt(w['anaphora_words'])})\b", re.IGNORECASE)
    deictic = re.compile(rf"(?<![\w-])(?:{_alt(w['deictic'])})\b", re.IGNORECASE)
    strip = sorted((s.lower() for s in w["strip_prefixes"]), key=len, reverse=True)
    return {"cue_kind": cue_kind, "generic": generic, "cue_re": cue_re, "token_re": token_re,
            "anaphora": anaphora, "deictic": deictic, "strip": strip,
            "not_places": {norm_key(x) for x in w["not_places"]}}


def _ascii(name: str) -> str:
    t = unicodedata.normalize("NFKD", name)
    return "".join(c for c in t if not unicodedata.combining(c))


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _choose(cands: list[Place], context: list[Place], after_building: bool, prefixed: bool,
            key: str) -> Place | None:
    """One place among ``cands`` (same name), or None when it stays ambiguous."""
    r = _res()
    if after_building:
        cands = [c for c in cands if c.source != "geonames"]
    if not prefixed and key in r["not_places"]:
        cands = [c for c in cands if c.source in ("named", "country") or c.precision == "admin1"]
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    # disambiguate with the other places of the phrase ("Kuningan, Jakarta Selatan", "Paris, Texas")
    for ctx in context:
        fit = [c for c in cands if c.country == ctx.country and (ctx.admin1 is None or c.admin1 == ctx.admin1)]
        if len(fit) == 1:
            return fit[0]
        fit = [c for c in cands if c.country == ctx.country]
        if len(fit) == 1:
            return fit[0]
    if all(c.source == "geonames" for c in cands):
        ranked = sorted(cands, key=lambda c: c.population, reverse=True)
        if ranked[0].population >= AMBIGUITY_RATIO * max(ranked[1].population, 1):
            return ranked[0]
    countries = {c.country for c in cands}
    if len(countries) == 1 and None not in countries:
        return gazetteer().country(next(iter(countries)))  # every reading is in the same country: that much is known
    return None


def _match_names(tokens: list[tuple[str, int, int]], after_building: bool, prefixed: bool):
    """Longest gazetteer names in a run of capitalised tokens: [(start_tok, end_tok, key, cands)]."""
    g = gazetteer()
    out = []
    i = 0
    n = len(tokens)
    while i < n:
        hit = None
        for j in range(min(n, i + g.max_words), i, -1):
            key = norm_key(" ".join(t for t, _, _ in tokens[i:j]))
            cands = g.index.get(key)
            if cands:
                hit = (i, j, key, cands)
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def _run_hits(toks: list[tuple[str, int, int]], after_building: bool, prefixed: bool):
    """Gazetteer names of one run of capitalised words that really name places: [(key, cands)]."""
    hits = _match_names(toks, after_building, prefixed)
    if not hits:
        return []
    # Inside one run of capitalised words, a match next to an unknown capitalised word names something
    # else ("Jordan Henderson", "Washington Post"); a following container ("Kursk Rusia") or direction
    # word ("Yerusalem Timur") is fine.
    good = []
    ok_prev = True  # is the token before the current hit a kept hit (or absent)?
    for n_hit, (i, j, key, cands) in enumerate(hits):
        curated = any(c.source in ("named", "id") for c in cands)
        prev_cap = i > 0 and not (good and good[-1][1] == i)
        if prev_cap and not curated:
            continue
        if j < len(toks) and _is_cap(toks[j][0]) and toks[j][0].lower() not in DIRECTIONS:
            nxt = next((h for h in hits if h[0] == j), None)
            container = nxt is not None and any(c.precision in ("country", "admin1", "region") for c in nxt[3])
            if not container and not curated:
                continue
        good.append((i, j, key, cands))
    return [(key, cands) for _, _, key, cands in good]


def _best_of(named: list[tuple[str, list[Place]]], after_building: bool, prefixed: bool) -> Place | None:
    """The most specific consistent place among several names of one phrase (a comma chain)."""
    unique = [c[0] for _, c in named if len(c) == 1]
    chosen: list[Place] = []
    for key, cands in named:
        p = _choose(cands, unique, after_building, prefixed, key)
        if p:
            chosen.append(p)
    if not chosen:
        return None
    container = chosen[-1]
    best = container
    for p in chosen[:-1]:
        consistent = (p.country == container.country or container.country is None) and (
            container.admin1 is None or p.admin1 is None or p.admin1 == container.admin1)
        if consistent and PRECISION_RANK[p.precision] > PRECISION_RANK[best.precision]:
            best = p
    return best


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """Resolved place phrases in ``text[start:end]`` introduced by a place preposition."""
    r = _res()
    end = len(text) if end is None else end
    out: list[PlaceMention] = []
    for m in r["cue_re"].finditer(text, start, end):
        cue = m.group("cue")
        if not cue.islower() and not cue[0].isupper():
            continue
        kind = r["cue_kind"].get(cue.lower().replace("  ", " "), "locative")
        pm = _read_phrase(text, m.end(), end, kind)
        if pm and not (out and pm.start < out[-1].end):
            out.append(pm)
    return out


def _read_phrase(text: str, pos: int, end: int, kind: str) -> PlaceMention | None:
    r = _res()
    generic = r["generic"]
    limit = min(end, pos + 160)
    toks = [(t.group(0), t.start(), t.end()) for t in r["token_re"].finditer(text, pos, limit)]
    if not toks:
        return None
    i = 0
    after_building = False
    prefixed = False
    # generic words before the name ("wilayah perbatasan", "the northern city of")
    while i < len(toks) and toks[i][0].lower() in generic and not _is_name_start(toks, i):
        w = toks[i][0].lower()
        if w in BUILDING_WORDS:
            after_building = True
        if w in r["strip"]:
            prefixed = True
        i += 1
    if i >= len(toks) or not _is_cap(toks[i][0]):
        return None
    first = i
    # collect a chain of capitalised runs joined by "," or "dan"/"and" (and building words)
    runs: list[tuple[list, bool, bool]] = []
    run: list = []
    b, p = after_building, prefixed
    while i < len(toks):
        tok = toks[i][0]
        low = tok.lower()
        if low in ("dan", "and"):
            break
        if _is_cap(tok):
            if low in BUILDING_WORDS and not run:
                b = True
            if low in r["strip"] and not run:
                p = True
            run.append(toks[i])
            i += 1
            continue
        if tok == "," or low in ("dan", "and") or low in generic:
            if run:
                runs.append((run, b, p))
                run = []
                b, p = False, False
            # continue the chain only if a capitalised word follows soon
            j = i + 1
            while j < len(toks) and toks[j][0].lower() in generic and not _is_cap(toks[j][0]):
                if toks[j][0].lower() in BUILDING_WORDS:
                    b = True
                j += 1
            if j < len(toks) and _is_cap(toks[j][0]) and toks[j][0].lower() not in ("dan", "and") and tok != "(":
                i = j if tok in (",",) or low in ("dan", "and") else i + 1
                continue
            break
        break
    if run:
        runs.append((run, b, p))
    if not runs:
        return None
    named: list[tuple[str, list[Place]]] = []
    last_tok = None
    for run, b, p in runs:
        hits = _run_hits(run, b, p)
        if not hits and run and run[0][0].lower() in generic:
            # "Istana Constantine", "Kota Rafah": a leading building or prefix word
            first_low = run[0][0].lower()
            hits = _run_hits(run[1:], b or first_low in BUILDING_WORDS, p or first_low in r["strip"])
            b = b or first_low in BUILDING_WORDS
            p = p or first_low in r["strip"]
        hits = [(k, [c for c in cands if not (b and c.source == "geonames")]) for k, cands in hits]
        hits = [(k, cands) for k, cands in hits if cands]
        if hits:
            named.extend(hits)
            last_tok = run[-1]
    if not named:
        return None
    best = _best_of(named, False, any(p for _, _, p in runs))
    if best is None:
        return None
    if kind == "destination" and best.precision == "country" and first == 0:
        return None  # "ke Rusia": a recipient, not where the event happened
    s, e = pos, last_tok[2]
    best = _display(best)
    return PlaceMention(s, e, text[s:e], best, kind)


def _display(p: Place) -> Place:
    if p.source in ("geonames", "exonym"):
        name = _ascii(p.name)
        if name != p.name:
            return Place(name, p.country, p.admin1, p.lat, p.lon, p.precision, p.source, p.population)
    return p


def _is_name_start(toks, i: int) -> bool:
    """A capitalised generic word may begin a curated name ("Jalur Gaza", "Gedung Putih")."""
    tok = toks[i][0]
    if not _is_cap(tok):
        return False
    g = gazetteer()
    for j in range(min(len(toks), i + g.max_words), i + 1, -1):
        key = norm_key(" ".join(t for t, _, _ in toks[i:j]))
        cands = g.index.get(key)
        if cands and any(c.source != "geonames" for c in cands):
            return True
    return False


def resolve_place(name: str) -> Location | None:
    """Resolve a bare place name ("Moskow", "JAKARTA", "Jawa Timur"), e.g. a dateline, or None."""
    cands = gazetteer().lookup(name)
    p = _choose(cands, [], False, True, norm_key(name)) if cands else None
    if p is None:
        return None
    p = _display(p)
    return Location(text=name, name=p.name, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
                    precision=_public_precision(p.precision))


def find_anaphora(text: str, start: int, end: int) -> re.Match | None:
    """A phrase pointing back to a place named earlier ("di pangkalan tersebut", "di sana")."""
    return _res()["anaphora"].search(text, start, end)


def has_deictic(text: str, start: int, end: int) -> bool:
    """Does the sentence point at the dateline place ("setempat", "di sini", "here")?"""
    return _res()["deictic"].search(text, start, end) is not None
