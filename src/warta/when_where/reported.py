"""Dates of reported events: the date of a statement does not pass to the earlier events it reports.

"Pentagon mengatakan pada Senin (16/6) bahwa serangan Iran telah menewaskan ..." and "'... sudah
tegas melarang,' kata Sahroni, Jumat (20/6)": "Senin (16/6)" and "Jumat (20/6)" date the statement
(they stand next to the reporting verb), while the reported acts happened earlier, at a time the
sentence does not give. Such an event takes its own date expression (one inside the reported
content), or none. An act reported without an anteriority cue ("mengatakan pada Senin bahwa pihaknya
mengirimkan ...") keeps the statement's date: that is how news reports same-day acts.

Word lists: ``reporting_verbs``, ``complementizers`` and ``earlier_cues`` in
``data/dates/date_words.yaml``.
"""
from __future__ import annotations

import functools
import re

from warta.when_where.dates import TimeExpr, words

GOVERN_AFTER = 120  # characters after a reporting verb in which its date may stand ("kata X di Y, Senin (16/6)")
GOVERN_BEFORE = 40  # ... and before it ("pada Kamis (19/6) menyatakan")
EARLIER_WINDOW = 80  # characters before a trigger searched for an anteriority cue
_QUOTES = "\"“”"
QUOTE_FIRST = True


def _alt(xs) -> str:
    return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(set(xs), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """Reporting verbs, complementizers, anteriority cues, and the cues that cancel them (same day:
    "tadi sudah"; future: "yang telah dikerahkan akan menyerang")."""
    w = words()
    keys = ("reporting_verbs", "complementizers", "earlier_cues", "same_day_cues", "future_cues")
    return {k: re.compile(rf"(?<![\w-])(?:{_alt(w[k])})(?![\w-])", re.IGNORECASE) for k in keys}


# a clause boundary between an anteriority cue and the trigger: the cue is another clause's
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:dan|tetapi|namun|sedangkan|sementara|but|and|while)\s", re.IGNORECASE)


def _earlier_in_clause(text: str, start: int, trig: tuple[int, int]) -> bool:
    """An anteriority cue before the trigger in its clause, not cancelled by a same-day cue in the
    clause or a future cue after it."""
    p = _patterns()
    lo = max(start, trig[0] - EARLIER_WINDOW)
    lo = max([lo] + [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, trig[0])])
    cues = list(p["earlier_cues"].finditer(text, lo, trig[0]))
    if not cues or p["same_day_cues"].search(text, lo, trig[0]):
        return False
    return not p["future_cues"].search(text, cues[-1].end(), trig[0])


def _governs(text: str, verb: re.Match, date: TimeExpr) -> bool:
    """Whether ``date`` stands next to the reporting verb (nothing quoted or reported in between)."""
    comp = _patterns()["complementizers"]
    if date.start >= verb.end():
        gap = text[verb.end():date.start]
        return len(gap) <= GOVERN_AFTER and not any(q in gap for q in _QUOTES) and not comp.search(gap)
    if date.end <= verb.start():
        gap = text[date.end:verb.start()]
        return len(gap) <= GOVERN_BEFORE and not any(q in gap for q in _QUOTES) and not comp.search(gap)
    return False


def _content_start(text: str, sent: tuple[int, int], verb: re.Match, date: TimeExpr,
                   trig: tuple[int, int]) -> int | None:
    """Where the content reported by ``verb`` starts, if the trigger lies in it (else None)."""
    comp = _patterns()["complementizers"]
    if trig[0] >= max(verb.end(), date.end):  # "mengatakan pada Senin bahwa ...", "said on Monday that ..."
        m = comp.search(text, max(verb.end(), date.end), trig[0])
        if m:
            return m.end()
        q = max(text.rfind(c, max(verb.end(), date.end), trig[0]) for c in "\"“")
        return q + 1 if q >= 0 else None
    if QUOTE_FIRST and trig[1] <= min(verb.start(), date.start):  # '"... sudah melarang," kata X, Jumat (20/6).'
        seg = text[trig[1]:verb.start()]
        if any(q in seg for q in _QUOTES):
            q = max(text.rfind(c, sent[0], trig[0]) for c in "\"“")
            return q + 1 if q >= 0 else sent[0]
    return None


def reported_earlier(text: str, sent: tuple[int, int], trig: tuple[int, int], date: TimeExpr) -> bool:
    """Whether ``date`` dates a statement and the trigger is an earlier act that statement reports."""
    verbs = _patterns()["reporting_verbs"]
    for verb in verbs.finditer(text, sent[0], sent[1]):
        if verb.start() <= trig[0] < verb.end() or not _governs(text, verb, date):
            continue
        start = _content_start(text, sent, verb, date, trig)
        if start is None:
            continue
        if _earlier_in_clause(text, start, trig):
            return True
    return False
