"""spaCy component ``warta_when_where``: resolves each event's date and place.

Runs after ``warta_events``. For every :class:`warta.model.Event` in ``doc._.events`` it sets

* ``event_date``: ISO date (or coarser ISO/EDTF value: ``2025-06``, ``2025-W25``, ``2025``) or None,
* ``event_date_text``: the words that gave the date,
* ``location``: a :class:`warta.model.Location` or None.

Date: the time expression in the trigger's clause, else the nearest in the sentence, else the
article's time frame (the last recent date named before the sentence, or the first one after it;
not for sentences that start "Sebelumnya"/"Previously"). A vague expression ("beberapa hari lalu")
blocks the frame: the date stays None. Bare weekdays go back for past events and forward for future
ones (modality "future" or a tense cue such as "akan"/"will" near the trigger). A date that stands next
to a reporting verb dates the statement: an earlier act it reports ("... bahwa Y telah menyerang",
"'... sudah melarang,' kata X, Jumat (20/6)") takes its own date expression or none
(:mod:`warta.when_where.reported`).

Place: the place phrase in the trigger's clause, else the nearest in the sentence, else an
anaphoric phrase ("di pangkalan tersebut") takes the last place named shortly before; the dateline
place only when the sentence points to it ("setempat", "di sini"). Otherwise None.

Cost: one regex pass over the text for dates; places are searched only in sentences with events.
"""
from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from warta.model import Event, Location
from warta.when_where.dates import GRANULARITY_RANK, Resolved, TimeExpr, find_dates, resolve, words
from warta.when_where.places import PlaceMention, find_anaphora, find_places, has_deictic, resolve_place
from warta.when_where.reported import reported_earlier

_CLAUSE = re.compile(r"[,;:()\"“”]|\s(?:dan|serta|sementara|setelah|sebelum|ketika|saat|sedangkan|namun|tetapi|"
                     r"padahal|but|while|after|before|when|whereas|and)\s", re.IGNORECASE)
_EARLIER = re.compile(r"^\W*(?:sebelumnya|sebelum\s+itu|previously|earlier|dulu|dahulu)\b", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*(?:[\w.-]+\.(?:com|id|co\.id|net|org)\s*,\s*)?(?P<p>[A-Z][A-Za-z'. ]{2,30}?)\s*"
                       r"(?:\([^)]{1,20}\)\s*)?[-–—]")
FRAME_WINDOW_DAYS = 7  # a date this close to publication sets the article's time frame
ANAPHORA_WINDOW = 800  # characters searched back for the place an anaphor points to


@functools.lru_cache(maxsize=1)
def _tense_cues() -> tuple[re.Pattern, re.Pattern]:
    w = words()

    def alt(xs):
        return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(set(xs), key=len, reverse=True))

    fut = re.compile(rf"(?<![\w'])(?:{alt(w['future_cues'])})\b", re.IGNORECASE)
    past = re.compile(rf"(?<![\w'])(?:{alt(w['past_cues'])})\b", re.IGNORECASE)
    return fut, past


def event_tense(text: str, ev: Event) -> str:
    """"future" for planned events (modality, or a future cue shortly before the trigger), else "past"."""
    if ev.modality == "future":
        return "future"
    fut, past = _tense_cues()
    lo = max(ev.evidence.start, ev.trigger.start - 60)
    window = text[lo:ev.trigger.end]
    last_fut = max((m.end() for m in fut.finditer(window)), default=-1)
    last_past = max((m.end() for m in past.finditer(window)), default=-1)
    return "future" if last_fut > last_past else "past"


def _clause_of(text: str, start: int, end: int, positions: list[int], protected: list[tuple[int, int]]) -> list[int]:
    """Clause number of each position within ``text[start:end]``."""
    bounds = [m.start() for m in _CLAUSE.finditer(text, start, end)
              if not any(a <= m.start() < b for a, b in protected)]
    out = []
    for p in positions:
        out.append(sum(1 for b in bounds if b < p))
    return out


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def _pick(items, span_of, trigger: tuple[int, int], text: str, sent: tuple[int, int], rank=lambda x: 0):
    """The item governing the trigger: same clause first, then nearest in the sentence."""
    if not items:
        return None
    protected = [span_of(x) for x in items]
    clauses = _clause_of(text, sent[0], sent[1], [trigger[0]] + [span_of(x)[0] for x in items], protected)
    t_clause = clauses[0]
    return min(zip(items, clauses[1:]),
               key=lambda ic: (ic[1] != t_clause, _distance(span_of(ic[0]), trigger), rank(ic[0])))[0]


def dateline_place(article, text: str) -> Location | None:
    """The dateline place: ``article.place`` or, failing that, "Outlet.com, JAKARTA -" at the text start."""
    name = getattr(article, "place", None) if article is not None else None
    if not name:
        m = _DATELINE.match(text[:120])
        name = m.group("p").strip() if m else None
    return resolve_place(name) if name else None


class WhenWhere:
    """Fills ``event_date``, ``event_date_text`` and ``location`` of the events of a Doc."""

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events
        if not events:
            return doc
        article = doc._.article
        pub: date | None = article.pub_date if article is not None else None
        text = doc.text
        exprs = find_dates(text)
        resolved_cache: dict[tuple[int, str], Resolved | None] = {}

        def res(e: TimeExpr, tense: str) -> Resolved | None:
            key = (e.start, tense)
            if key not in resolved_cache:
                resolved_cache[key] = _resolve(e, pub, tense, exprs, resolved_cache, text)
            return resolved_cache[key]

        places_cache: dict[tuple[int, int], list[PlaceMention]] = {}
        dateline: list = []
        for ev in events:
            sent = (ev.evidence.start, ev.evidence.end)
            trig = (ev.trigger.start, ev.trigger.end)
            tense = event_tense(text, ev)
            # --- date
            in_sent = [e for e in exprs if sent[0] <= e.start and e.end <= sent[1]]
            chosen = _pick(in_sent, lambda e: (e.start, e.end), trig, text, sent,
                           rank=lambda e: -GRANULARITY_RANK.get(_gran(res(e, tense)), 0))
            statement_only = False
            if chosen is not None and reported_earlier(text, sent, trig, chosen):
                # the date of the statement, not of the earlier act it reports: the act's own or none
                own = [e for e in in_sent if e is not chosen and not reported_earlier(text, sent, trig, e)]
                chosen = _pick(own, lambda e: (e.start, e.end), trig, text, sent,
                               rank=lambda e: -GRANULARITY_RANK.get(_gran(res(e, tense)), 0))
                statement_only = chosen is None
            if chosen is not None:
                r = res(chosen, tense)
                ev.event_date = r.value if r else None
                ev.event_date_text = chosen.text
            elif statement_only:
                ev.event_date = ev.event_date_text = None
            else:
                frame = None if _EARLIER.match(text[sent[0]:sent[1]]) else _frame(exprs, sent, pub, res, text)
                ev.event_date = frame[1].value if frame else None
                ev.event_date_text = frame[0].text if frame else None
            # --- place
            if sent not in places_cache:
                places_cache[sent] = find_places(text, sent[0], sent[1])
            pms = places_cache[sent]
            pm = _pick(pms, lambda p: (p.start, p.end), trig, text, sent,
                       rank=lambda p: 0 if p.cue == "locative" else 1)
            loc = pm.location() if pm else None
            if loc is None:
                ana = find_anaphora(text, sent[0], sent[1])
                if ana is not None:
                    before = find_places(text, max(0, sent[0] - ANAPHORA_WINDOW), sent[0])
                    if before:
                        prev = before[-1].location()
                        loc = Location(text=ana.group(0).split(None, 1)[-1] if " " in ana.group(0) else ana.group(0),
                                       name=prev.name, country=prev.country, admin1=prev.admin1, lat=prev.lat,
                                       lon=prev.lon, precision=prev.precision)
            if loc is None and has_deictic(text, sent[0], sent[1]):
                if not dateline:
                    dateline.append(dateline_place(article, text))
                loc = dateline[0]
            ev.location = loc
        return doc


def _gran(r: Resolved | None) -> str:
    return r.granularity if r else "vague"


def _resolve(e: TimeExpr, pub: date | None, tense: str, exprs: list[TimeExpr], cache,
             text: str = "") -> Resolved | None:
    if pub is None:
        return _absolute_only(e)
    ref = None
    if e.kind == "refday" or (e.kind == "count" and re.search(
            r"sebelumnya|kemudian|setelahnya|sesudahnya|earlier|later|before|after", e.text, re.IGNORECASE)):
        # the story's reference time: the last day named before this expression
        for prev in reversed([x for x in exprs if x.end <= e.start]):
            if _quoted_relative(prev, text) and not _quoted_relative(e, text):
                continue
            r = resolve(prev, pub, "past")
            if r and r.granularity == "day":
                ref = r.day
                break
    try:
        return resolve(e, pub, tense, ref)
    except (ValueError, KeyError, OverflowError):
        return None


def _absolute_only(e: TimeExpr) -> Resolved | None:
    """Without a publication date only expressions that carry their year can be resolved."""
    members = e.members or (e,)
    for m in members:
        if m.get("y") or m.get("y2"):
            try:
                return resolve(m, date(2000, 1, 1), "past")
            except (ValueError, KeyError):
                return None
    return None


RELATIVE_KINDS = {"dayword", "weekday", "count", "unitrel", "refday"}


def _quoted_relative(e: TimeExpr, text: str) -> bool:
    """A relative expression inside quotation marks (counted from the start of its paragraph)."""
    kinds = {m.kind for m in (e.members or (e,))}
    if not kinds <= RELATIVE_KINDS:
        return False
    para = text.rfind("\n", 0, e.start) + 1
    seg = text[para:e.start]
    opened = seg.count('"') % 2 == 1 or seg.count("“") > seg.count("”")
    return opened


def _frame(exprs: list[TimeExpr], sent: tuple[int, int], pub: date | None, res,
           text: str = "") -> tuple[TimeExpr, Resolved] | None:
    """The article's time frame for a sentence with no time expression of its own."""
    if pub is None:
        return None
    lo, hi = pub - timedelta(days=FRAME_WINDOW_DAYS), pub + timedelta(days=1)

    def recent(e: TimeExpr):
        if _quoted_relative(e, text):
            return None  # "hari ini" inside a quote is the speaker's day, not the story's
        r = res(e, "past")
        return r if r and r.granularity == "day" and lo <= r.day <= hi else None

    for e in reversed([x for x in exprs if x.end <= sent[0]]):
        r = recent(e)
        if r:
            return e, r
    for e in (x for x in exprs if x.start >= sent[1]):
        r = recent(e)
        if r:
            return e, r
    return None


@Language.factory("warta_when_where")
def make_when_where(nlp: Language, name: str):
    return WhenWhere()
