"""Find time expressions in Indonesian and English text and normalise them against a reference date.

Two steps, both cheap:

* :func:`find_dates` scans text with a few precompiled regular expressions built from
  ``data/dates/date_words.yaml`` and returns :class:`TimeExpr` records (offsets, text, kind, parts).
  Adjacent expressions that name the same time ("hari ini, Sabtu 16 November 2024") are merged.
* :func:`resolve` turns one expression into a :class:`Resolved` value given the publication date,
  the tense of the event it governs (``past``/``future``) and, for "tiga hari sebelumnya", the
  story's reference date.

Values keep their granularity, written as ISO 8601 / EDTF strings:
``2024-11-16`` (day), ``2024-W46`` (ISO week), ``2024-11`` (month), ``2024-22`` (EDTF season:
21 spring, 22 summer, 23 autumn, 24 winter), ``2024`` (year). Vague expressions ("beberapa hari
lalu", "setiap Jumat") are found but resolve to ``None``.

dateparser is the fallback for expressions our patterns find but do not structure (see
:func:`dateparser_date`); the common shapes (``Kamis (19/6/2025)``, ``16 November 2024``,
``pada hari Jumat``, ``dua bulan lalu``) are computed directly, which keeps the stage fast.
"""
from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from importlib import resources

import yaml

GRANULARITY_RANK = {"day": 5, "week": 4, "month": 3, "season": 2, "year": 1, "vague": 0}


@dataclass(frozen=True)
class TimeExpr:
    """A time expression found in text; ``start``/``end`` are offsets into the scanned text."""

    start: int
    end: int
    text: str
    kind: str  # dmy, numeric, iso, weekday, dayword, count, unitrel, month, year, season
    parts: tuple = ()  # (key, value) pairs of the regex groups that matched
    members: tuple = field(default=(), compare=False)  # merged sub-expressions, if any

    def get(self, key: str, default=None):
        for k, v in self.parts:
            if k == key:
                return v
        return default


@dataclass(frozen=True)
class Resolved:
    """A normalised time: ``value`` is the ISO/EDTF string, ``day`` the first day it covers."""

    value: str | None
    day: date | None
    granularity: str  # day, week, month, season, year, vague


# --------------------------------------------------------------------------------------------
# Lexicon and patterns (built once per process)
# --------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def words() -> dict:
    path = resources.files("warta") / "data" / "dates" / "date_words.yaml"
    with path.open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _alt(items) -> str:
    return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(set(items), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _tables() -> dict:
    w = words()
    month_of = {s.lower(): int(m) for m, ss in w["months"].items() for s in ss}
    weekday_of = {s.lower(): int(d) for d, ss in w["weekdays"].items() for s in ss}
    numbers = {k.lower(): int(v) for k, v in w["numbers"].items()}
    units = {k.lower(): v for k, v in w["units"].items()}
    direction = {s.lower(): d for d, ss in w["direction"].items() for s in ss}
    seasons = {k.lower(): int(v) for k, v in w["seasons"].items()}
    return {"month_of": month_of, "weekday_of": weekday_of, "numbers": numbers, "units": units,
            "direction": direction, "seasons": seasons, "vague": {v.lower() for v in w["vague_numbers"]}}


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    w = words()
    t = _tables()
    M = _alt(t["month_of"])
    # Full month names, for month-only expressions ("pada Juni", "in March"): no abbreviations.
    M_full = _alt(s.capitalize() for s in t["month_of"] if len(s) >= 4 or s == "mei")
    W = _alt(t["weekday_of"])
    N = _alt([k for k in t["numbers"] if k not in ("se", "a", "an")] + ["a", "an"])
    V = _alt(t["vague"])
    POD = _alt(w["parts_of_day"])
    UNIT = _alt(t["units"])
    DIR = _alt(t["direction"])
    Y = r"(?:19|20)\d\d"
    I = re.IGNORECASE
    pats = [
        ("iso", re.compile(rf"\b(?P<y>{Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
        ("numeric", re.compile(
            rf"(?:\b(?P<wd>{W})\b\s*,?\s*)?(?P<paren>\()?(?<![\d/.-])(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)"
            rf"(?:[/.-](?P<y>{Y}|\d\d))?(?![\d/])\)?", I)),
        ("dmy", re.compile(
            rf"(?:\b(?P<wd>{W})\b\s*,?\s*)?(?:\b(?:tanggal|tgl\.?)\s+)?(?<![\d/])\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?:\s*[-–—]\s*(?P<d_end>[0-3]?\d)(?:st|nd|rd|th)?)?"  # a range "24–25 Juni": its first day
            rf"\s+(?:of\s+)?(?P<m>{M})\b\.?(?:\s*,?\s*(?P<y>{Y})\b)?(?:\s+(?P<rel>lalu|silam|mendatang|nanti|yang\s+lalu))?", I)),
        ("mdy", re.compile(
            rf"(?:\b(?P<wd>{W})\b\s*,?\s*)?\b(?P<m>{M})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![.:/]\d)"
            rf"(?:\s*,\s*(?P<y>{Y})\b|\s+(?P<y2>{Y})\b)?", I)),
        ("count", re.compile(
            rf"\b(?P<n>\d{{1,3}}|{N}|{V}|se(?=hari|pekan|minggu|bulan|tahun))\s*(?P<unit>{UNIT})\s+"
            rf"(?P<dir>{DIR})\b", I)),
        ("unitrel", re.compile(
            rf"\b(?:(?P<pos>awal|akhir|pertengahan|medio|early|late|mid|end\s+of|beginning\s+of|start\s+of|"
            rf"earlier|later)\s*-?\s*)?(?:(?P<which_en>last|this|next|past)\s+)?"
            rf"(?P<unit>pekan|minggu|bulan|tahun|week|month|year|weekend)\b"
            rf"(?:\s+(?P<which>lalu|ini|depan|mendatang|kemarin|silam))?", I)),
        ("refday", re.compile(
            r"\b(?P<w>keesokan\s+harinya|keesokan\s+hari|esok\s+harinya|hari\s+berikutnya|sehari\s+setelahnya|"
            r"sehari\s+sebelumnya|the\s+next\s+day|the\s+following\s+day|the\s+day\s+before|the\s+previous\s+day)\b",
            I)),
        ("dayword", re.compile(
            r"\b(?P<w>hari\s+ini|kemarin\s+lusa|kemarin|besok\s+lusa|besok|esok\s+hari|esok|lusa|tadi\s+pagi|"
            r"tadi\s+siang|tadi\s+sore|tadi\s+malam|semalam|today|yesterday|tomorrow|tonight|last\s+night|"
            r"this\s+morning|this\s+afternoon|this\s+evening)\b", I)),
        ("weekday", re.compile(
            rf"\b(?:(?P<on>pada|on|last|next|this|setiap|tiap|every)\s+)?(?:(?P<hari>hari)\s+)?(?P<wd>{W})\b"
            rf"(?:\s+(?P<pod>{POD})\b)?(?:\s+(?P<rel>lalu|kemarin|depan|mendatang|ini|nanti)\b)?", I)),
        ("month", re.compile(
            rf"\b(?:(?P<cue>(?i:pada|bulan|sejak|hingga|sampai|akhir|awal|pertengahan|in|since|until|by|during|"
            rf"early|late|mid))\s+(?:bulan\s+)?)?(?P<m>{M_full})\b(?:\s+(?P<y>{Y})\b|\s+(?P<rel>lalu|ini|depan|"
            rf"mendatang|silam)\b)?")),
        ("year", re.compile(
            rf"\b(?P<cue>pada|tahun|sejak|hingga|sampai|in|since|until|during|awal|akhir|pertengahan)\s+"
            rf"(?:tahun\s+)?(?P<y>{Y})\b(?!\s*[-–/]\s*\d)", I)),
        ("season", re.compile(
            rf"\b(?:(?P<which_en>last|this|next)\s+)?(?:musim\s+(?P<s_id>semi|panas|gugur|dingin|hujan|kemarau)|"
            rf"(?P<s_en>spring|summer|autumn|fall|winter))(?:\s+(?:of\s+)?(?P<y>{Y})\b|\s+(?P<which>lalu|ini|"
            rf"depan|mendatang)\b)?", I)),
    ]
    return pats


@functools.lru_cache(maxsize=1)
def _anchor_words() -> dict[str, frozenset[str]]:
    """Every time expression holds a digit ("9") or an anchor word; word -> its classes.

    Classes: M month, W weekday, U unit, S season, D day word. Each pattern needs some of them
    (:data:`_NEEDS`), so a window around "30 pesawat" only runs the digit patterns.
    """
    t = _tables()
    cls: dict[str, set[str]] = {}
    for group, names in (("M", t["month_of"]), ("W", t["weekday_of"]), ("U", t["units"]), ("S", t["seasons"])):
        for n in names:
            for part in re.findall(r"[^\W\d_]+", n):
                cls.setdefault(part, set()).add(group)
    for n in ("weekend", "sebulan", "setahun", "sepekan", "seminggu", "sehari"):
        cls.setdefault(n, set()).add("U")
    for n in ("hari", "kemarin", "besok", "esok", "lusa", "semalam", "tadi", "today", "yesterday", "tomorrow",
              "tonight", "night", "morning", "afternoon", "evening", "keesokan", "day", "sehari", "harinya"):
        cls.setdefault(n, set()).add("D")
    cls.setdefault("musim", set()).add("S")
    return {k: frozenset(v) for k, v in cls.items()}


_NEEDS = {"iso": {"9"}, "numeric": {"9"}, "dmy": {"9"}, "mdy": {"9"}, "year": {"9"}, "count": {"U"},
          "unitrel": {"U"}, "refday": {"D"}, "dayword": {"D"}, "weekday": {"W"}, "month": {"M"}, "season": {"S"}}
_WORD = re.compile(r"[^\W\d_]+|\d+")
_BEFORE, _AFTER = 40, 50  # window around an anchor in which the full patterns run


def _windows(text: str, start: int, end: int) -> list[tuple[int, int, set[str]]]:
    anchors = _anchor_words()
    out: list[list] = []
    for m in _WORD.finditer(text, start, end):
        w = m.group()
        if w[0].isdigit():
            classes = {"9"}
        else:
            classes = anchors.get(w.lower())
            if not classes:
                continue
        a, b = max(start, m.start() - _BEFORE), min(end, m.end() + _AFTER)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
            out[-1][2].update(classes)
        else:
            out.append([a, b, set(classes)])
    return [(a, b, c) for a, b, c in out]


_MERGE_GAP = re.compile(r"^[\s,]*(?:pada|on|,)?[\s,]*$", re.IGNORECASE)


_DOC_NUMBER = re.compile(r"(?:\b(?:nomor|nomer|no\.?)|\b(?:UU|PP|Perpres|Permen\w*|Perda|Inpres|Keppres))\s*\d+[A-Za-z]?\s*$",
                         re.IGNORECASE)


def _accept(kind: str, m: re.Match) -> bool:
    g = m.groupdict()
    if kind == "numeric":
        d, mo = int(g["d"]), int(g["m"])
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            return False
        # "20/6" alone is too weak (scores, ratios): want a weekday, brackets or a year.
        return bool(g.get("wd") or g.get("paren") or (g.get("y") and len(g["y"]) == 4))
    if kind in ("dmy", "mdy"):
        if not 1 <= int(g["d"]) <= 31:
            return False
        if g.get("d_end") and not int(g["d"]) < int(g["d_end"]) <= 31:
            return False
        if kind == "mdy":
            m_word = g["m"]
            if m_word.lower() in ("may", "mar", "jun", "sep", "des", "dec") and not m_word[0].isupper():
                return False
        return True
    if kind == "weekday":
        wd = g["wd"]
        if not (wd[0].isupper() or g.get("hari")):
            return False  # weekday names are capitalised in news ("minggu" alone is "week")
        if wd.lower() == "minggu" and not g.get("hari") and g.get("rel") in ("lalu", "depan", "ini", "mendatang"):
            return False  # "Minggu lalu" = last week
        return True
    if kind == "unitrel":
        if not (g.get("which") or g.get("which_en") or g.get("pos")):
            return False
        if g.get("which_en") and g.get("which"):
            return False
        if g.get("pos") and g["pos"].lower() in ("earlier", "later") and not g.get("which_en"):
            return False
        return True
    if kind == "month":
        return bool(g.get("cue") or g.get("y") or g.get("rel"))
    if kind == "year" and _DOC_NUMBER.search(m.string, max(0, m.start() - 24), m.start()):
        return False  # "Perpres Nomor 49 Tahun 2025", "UU No. 1 Tahun 2023": a document's number
    if kind == "season":
        if g.get("s_en"):
            return bool(g.get("y") or g.get("which_en"))
        return True
    return True


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[TimeExpr]:
    """Time expressions in ``text[start:end]``, sorted, non-overlapping, adjacent ones merged."""
    end = len(text) if end is None else end
    found: list[TimeExpr] = []
    windows = _windows(text, start, end)
    if not windows:
        return []
    seen: set[tuple[int, int, str]] = set()
    for kind, pat in _patterns():
        needs = _NEEDS.get(kind, set())
        for a, b, classes in windows:
            if needs and not needs & classes:
                continue
            for m in pat.finditer(text, a, b):
                if (m.start(), m.end(), kind) in seen:
                    continue
                seen.add((m.start(), m.end(), kind))
                if m.end() == m.start() or not _accept(kind, m):
                    continue
                parts = tuple((k, v) for k, v in m.groupdict().items() if v)
                found.append(TimeExpr(m.start(), m.end(), m.group(0), kind, parts))
    # keep the longest of overlapping matches (earlier pattern wins ties)
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[TimeExpr] = []
    for e in found:
        if kept and e.start < kept[-1].end:
            if e.end - e.start > kept[-1].end - kept[-1].start:
                kept[-1] = e
            continue
        kept.append(e)
    # merge neighbours separated only by spaces/commas: "hari ini, Sabtu 16 November 2024"
    merged: list[TimeExpr] = []
    for e in kept:
        if merged and _MERGE_GAP.match(text[merged[-1].end:e.start]) and e.start - merged[-1].end <= 6:
            prev = merged[-1]
            members = (prev.members or (prev,)) + (e,)
            merged[-1] = TimeExpr(prev.start, e.end, text[prev.start:e.end], "merged", (), members)
        else:
            merged.append(e)
    return merged


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------

def _day(d: date) -> Resolved:
    return Resolved(d.isoformat(), d, "day")


def _month(y: int, m: int) -> Resolved:
    return Resolved(f"{y:04d}-{m:02d}", date(y, m, 1), "month")


def _year(y: int) -> Resolved:
    return Resolved(f"{y:04d}", date(y, 1, 1), "year")


def _week(d: date) -> Resolved:
    iso = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Resolved(f"{iso[0]:04d}-W{iso[1]:02d}", monday, "week")


VAGUE = Resolved(None, None, "vague")


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    if not 1 <= m <= 12 or not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return date(y, m, d)


def weekday_date(pub: date, weekday: int, tense: str = "past", strict: bool = False) -> date:
    """The date of ISO ``weekday`` (1=Monday) nearest ``pub`` in the direction of ``tense``.

    Past: the most recent such day on or before ``pub`` (strictly before with ``strict``, as in
    "Jumat lalu"). Future: the next one on or after ``pub`` (strictly after with ``strict``, as in
    "Jumat depan"). A weekday equal to the publication day is the publication day itself, since news
    reports the same day's events ("kata jubir KPK, Jumat" in a Friday story).
    """
    delta = (pub.isoweekday() - weekday) % 7
    if tense == "future":
        ahead = (weekday - pub.isoweekday()) % 7
        if strict and ahead == 0:
            ahead = 7
        return pub + timedelta(days=ahead)
    if strict and delta == 0:
        delta = 7
    return pub - timedelta(days=delta)


def _infer_year(pub: date, m: int, d: int, tense: str, rel: str | None, weekday: int | None) -> date | None:
    """Year for a day-month with no year: weekday agreement first, then the tense, then nearest."""
    cands = [c for c in (_safe_date(y, m, d) for y in (pub.year - 1, pub.year, pub.year + 1)) if c]
    if not cands:
        return None
    if weekday:
        agree = [c for c in cands if c.isoweekday() == weekday]
        if agree:
            cands = agree
    rel = (rel or "").lower()
    if rel in ("lalu", "silam", "yang lalu"):
        past = [c for c in cands if c <= pub]
        return max(past) if past else None
    if rel in ("mendatang", "nanti"):
        fut = [c for c in cands if c >= pub]
        return min(fut) if fut else None
    # nearest to publication; an event in the past should not land far in the future
    def cost(c: date) -> float:
        diff = (c - pub).days
        if tense == "past" and diff > 7:
            return diff * 3
        if tense == "future" and diff < -7:
            return -diff * 3
        return abs(diff)
    return min(cands, key=cost)


def _int_year(y: str) -> int:
    v = int(y)
    return v + 2000 if v < 100 else v


def _resolve_one(e: TimeExpr, pub: date, tense: str, ref: date | None) -> Resolved | None:
    t = _tables()
    g = dict(e.parts)
    k = e.kind
    if k in ("iso", "numeric", "dmy", "mdy"):
        m = int(g["m"]) if k in ("iso", "numeric") else t["month_of"][g["m"].lower().rstrip(".")]
        d = int(g["d"])
        y = g.get("y") or g.get("y2")
        wd = t["weekday_of"].get(g["wd"].lower()) if g.get("wd") else None
        if y:
            day = _safe_date(_int_year(y), m, d)
        else:
            day = _infer_year(pub, m, d, tense, g.get("rel"), wd)
        return _day(day) if day else dateparser_resolved(e.text, pub, tense)
    if k == "weekday":
        on = (g.get("on") or "").lower()
        if on in ("setiap", "tiap", "every"):
            return VAGUE
        wd = t["weekday_of"][g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel in ("lalu", "kemarin") or on == "last":
            return _day(weekday_date(pub, wd, "past", strict=True))
        if rel in ("depan", "mendatang") or on == "next":
            return _day(weekday_date(pub, wd, "future", strict=True))
        if rel == "nanti":
            return _day(weekday_date(pub, wd, "future"))
        return _day(weekday_date(pub, wd, tense))
    if k == "dayword":
        w = re.sub(r"\s+", " ", g["w"].lower())
        offset = {"hari ini": 0, "kemarin": -1, "kemarin lusa": -2, "besok": 1, "esok": 1, "esok hari": 1,
                  "lusa": 2, "besok lusa": 2, "tadi pagi": 0, "tadi siang": 0, "tadi sore": 0,
                  "tadi malam": -1, "semalam": -1, "today": 0, "yesterday": -1, "tomorrow": 1,
                  "tonight": 0, "last night": -1, "this morning": 0, "this afternoon": 0,
                  "this evening": 0}[w]
        return _day(pub + timedelta(days=offset))
    if k == "refday":
        w = re.sub(r"\s+", " ", g["w"].lower())
        back = w in ("sehari sebelumnya", "the day before", "the previous day")
        return _day((ref or pub) + timedelta(days=-1 if back else 1))
    if k == "count":
        n_word = g["n"].lower()
        if n_word in t["vague"]:
            return VAGUE
        n = int(n_word) if n_word.isdigit() else t["numbers"].get(n_word, 1)
        unit = t["units"][g["unit"].lower()]
        direction = t["direction"][re.sub(r"\s+", " ", g["dir"].lower())]
        base = pub
        if direction in ("before_ref", "after_ref"):
            base = ref or pub
        sign = -1 if direction in ("past", "before_ref") else 1
        if unit == "day":
            return _day(base + timedelta(days=sign * n))
        if unit == "week":
            return _week(base + timedelta(days=7 * sign * n))
        if unit == "month":
            return _month(*_add_months(base.year, base.month, sign * n))
        return _year(base.year + sign * n)
    if k == "unitrel":
        unit = g["unit"].lower()
        which = (g.get("which") or g.get("which_en") or "").lower()
        shift = {"lalu": -1, "kemarin": -1, "silam": -1, "last": -1, "past": -1, "ini": 0, "this": 0,
                 "depan": 1, "mendatang": 1, "next": 1, "": 0}[which]
        if unit == "weekend":
            pos_weekend = True
        else:
            pos_weekend = (g.get("pos") or "").lower() == "akhir" and unit in ("pekan", "minggu")
        if unit in ("pekan", "minggu", "week", "weekend"):
            if pos_weekend and not which:
                # "selama akhir pekan": the most recent weekend (past) or the coming one (future)
                sat = weekday_date(pub, 6, tense)
                return _week(sat)
            return _week(pub + timedelta(days=7 * shift))
        if unit in ("bulan", "month"):
            return _month(*_add_months(pub.year, pub.month, shift))
        return _year(pub.year + shift)
    if k == "month":
        m = t["month_of"][g["m"].lower()]
        if g.get("y"):
            return _month(int(g["y"]), m)
        rel = (g.get("rel") or "").lower()
        if rel in ("lalu", "silam") or (not rel and tense == "past"):
            y = pub.year if m <= pub.month else pub.year - 1
            if rel and m == pub.month:
                y = pub.year - 1
            return _month(y, m)
        if rel == "ini":
            return _month(pub.year, m)
        y = pub.year if m >= pub.month else pub.year + 1
        return _month(y, m)
    if k == "year":
        return _year(int(g["y"]))
    if k == "season":
        s_word = (g.get("s_id") or g.get("s_en")).lower()
        code = t["seasons"].get(s_word)
        which = (g.get("which") or g.get("which_en") or "").lower()
        y = int(g["y"]) if g.get("y") else pub.year + {"lalu": -1, "last": -1, "depan": 1, "next": 1,
                                                        "mendatang": 1}.get(which, 0)
        if code is None:  # musim hujan / kemarau: no EDTF code, keep the year
            return _year(y)
        return Resolved(f"{y:04d}-{code}", date(y, {21: 3, 22: 6, 23: 9, 24: 12}[code], 1), "season")
    return dateparser_resolved(e.text, pub, tense)


def resolve(e: TimeExpr, pub: date, tense: str = "past", ref: date | None = None) -> Resolved | None:
    """Normalise ``e`` against publication date ``pub``.

    ``tense`` ("past"/"future") decides bare weekdays and months; ``ref`` is the story's reference
    date for "sebelumnya"/"kemudian" (defaults to ``pub``). Merged expressions give their most
    specific member's value.
    """
    if e.members:
        best, best_key = None, None
        for sub in e.members:
            r = _resolve_one(sub, pub, tense, ref)
            if r is None:
                continue
            explicit = sub.kind in ("iso", "numeric", "dmy", "mdy", "unitrel", "count", "dayword", "refday") or any(
                sub.get(k) for k in ("y", "y2", "which", "which_en", "rel", "dir"))
            key = (GRANULARITY_RANK[r.granularity], explicit)
            if best_key is None or key > best_key:
                best, best_key = r, key
        return best
    return _resolve_one(e, pub, tense, ref)


@functools.lru_cache(maxsize=4096)
def dateparser_date(text: str, pub: date, prefer: str = "past") -> date | None:
    """dateparser on one expression (Indonesian and English only), relative to ``pub``; cached."""
    import dateparser

    base = datetime(pub.year, pub.month, pub.day, 12)
    d = dateparser.parse(text, languages=["id", "en"],
                         settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer})
    return d.date() if d else None


def dateparser_resolved(text: str, pub: date, tense: str = "past") -> Resolved | None:
    got = dateparser_date(text, pub, "future" if tense == "future" else "past")
    return _day(got) if got else None


def normalise(text: str, pub: date, tense: str = "past") -> Resolved | None:
    """Normalise a whole string that is one time expression ("Jumat lalu", "18 Juni 2025")."""
    exprs = find_dates(text)
    if exprs:
        best = max(exprs, key=lambda e: e.end - e.start)
        return resolve(best, pub, tense)
    return dateparser_resolved(text, pub, tense)
