"""Cleaning of page junk, and dateline parsing.

Indonesian outlets add lines such as ``Baca Juga``, ``ADVERTISEMENT``, ``SCROLL TO CONTINUE WITH
CONTENT``, ``Simak Video ...``, ``[Gambas:Video 20detik]`` and share/follow prompts, sometimes glued
onto the end of a sentence (``...kata dia.Ikuti Whatsapp Channel Republika``). The patterns live in
``warta/data/ingest/junk.yaml`` so an analyst can add an outlet's junk without touching code.

:func:`clean` returns the cleaned text (what later stages see, and what their offsets refer to),
the number of junk lines/fragments removed, and the dateline's outlet and place.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass
class Cleaned:
    text: str
    junk: int = 0  # junk lines and glued fragments removed
    outlet: str | None = None  # from the dateline ("Bisnis.com", "CNN Indonesia")
    place: str | None = None  # from the dateline ("JAKARTA")


@dataclass(frozen=True)
class _Rules:
    line: re.Pattern  # a whole line that is junk
    glued: re.Pattern  # junk glued onto the end of a sentence
    glued_related: re.Pattern  # "Baca Juga" + related headlines glued into a paragraph
    datelines: tuple[re.Pattern, ...]


@functools.lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = yaml.safe_load((resources.files("warta") / "data" / "ingest" / "junk.yaml").read_text("utf-8"))
    line = re.compile(r"^[ \t\u00a0]*(?:" + "|".join(f"(?:{p})" for p in data["junk_lines"]) + r")[ \t\u00a0]*$",
                      re.IGNORECASE | re.MULTILINE)
    glued = re.compile(r"(?<=[.!?\"”’)])[ \t\u00a0]*(?:" + "|".join(f"(?:{p})" for p in data["glued_suffixes"])
                       + r")[ \t\u00a0]*(?=\n|$)", re.IGNORECASE)
    # "...kepolisian.Baca JugaTitle OneTitle TwoBahkan, pada ..." -> drop the marker and the glued
    # headlines, up to the last lowercase->Uppercase glue before the next sentence punctuation.
    glued_related = re.compile(r"(?<=[.!?\"”])[ \t\u00a0]*Baca [Jj]uga:?[ \t\u00a0]*(?:[^.!?\n]{0,400}[A-Za-z0-9](?=[A-Z][a-z]))?")
    datelines = tuple(re.compile(p) for p in data["datelines"])
    return _Rules(line, glued, glued_related, datelines)


_MULTI_BLANK = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+")


def parse_dateline(text: str) -> tuple[int, str | None, str | None]:
    """``(length, outlet, place)`` of a dateline at the start of ``text`` (length 0 if none)."""
    head = text[:120]
    for rx in _rules().datelines:
        m = rx.match(head)
        if m:
            gd = m.groupdict()
            outlet = (gd.get("outlet") or "").strip() or None
            place = (gd.get("place") or "").strip(" ,\u00a0") or None
            return m.end(), outlet, place
    return 0, None, None


def clean(text: str, *, dateline: bool = True) -> Cleaned:
    """Remove page junk (and the dateline) from an article's text."""
    r = _rules()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    junk = 0
    text, n = r.line.subn("", text)
    junk += n
    text, n = r.glued.subn("", text)
    junk += n
    text, n = r.glued_related.subn("", text)
    junk += n
    text = _MULTI_BLANK.sub("\n", text).strip()
    outlet = place = None
    if dateline:
        length, outlet, place = parse_dateline(text)
        if length:
            text = text[length:].lstrip()
    return Cleaned(text=text, junk=junk, outlet=outlet, place=place)
