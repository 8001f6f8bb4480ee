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

from warta.ingest.repair import rejoin_lines


@dataclass
class Cleaned:
    text: str
    junk: int = 0  # junk lines and glued fragments removed
    outlet: str | None = None  # from the dateline ("Bisnis.com", "CNN Indonesia")
    place: str | None = None  # from the dateline ("JAKARTA")
    joined_lines: int = 0  # line breaks around link lines turned into spaces (warta.ingest.repair)


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
# A tag line: a few lower-case words with no sentence punctuation ("timnas indonesia", "pajak kendaraan").
_TAG_LINE = re.compile(r"[a-z0-9][a-z0-9 &/+-]{0,60}")
TAG_RUN = 3  # this many tag lines in a row (any number at the end of the text) are a tag block, not prose


def drop_tag_blocks(text: str) -> tuple[str, int]:
    """Remove blocks of topic-tag lines (outlets list an article's tags as lower-case lines)."""
    lines = text.split("\n")
    is_tag = [bool(_TAG_LINE.fullmatch(ln.strip())) and len(ln.split()) <= 8 for ln in lines]
    keep = [True] * len(lines)
    i = 0
    while i < len(lines):
        if not is_tag[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and is_tag[j]:
            j += 1
        if j - i >= TAG_RUN or (j == len(lines) and i > 0):
            for k in range(i, j):
                keep[k] = False
        i = j
    dropped = keep.count(False)
    if not dropped:
        return text, 0
    return "\n".join(ln for ln, k in zip(lines, keep) if k), dropped


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


def strip_junk(text: str) -> tuple[str, int]:
    """Page junk and tag blocks removed; the number of lines/fragments removed."""
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
    text, n = drop_tag_blocks(text)
    return text, junk + n


def clean(text: str, *, dateline: bool = True) -> Cleaned:
    """Remove page junk (and the dateline) from an article's text; rejoin link lines."""
    text, junk = strip_junk(text)
    # link texts on lines of their own: join them back into their sentence (length kept), then drop
    # the page junk that only shows as a whole line once joined
    text, joins = rejoin_lines(text)
    if joins:
        text, n = _rules().line.subn("", text)
        junk += n
        if n:
            text = _MULTI_BLANK.sub("\n", text).strip()
    outlet = place = None
    if dateline:
        length, outlet, place = parse_dateline(text)
        if length:
            text = text[length:].lstrip()
    return Cleaned(text=text, junk=junk, outlet=outlet, place=place, joined_lines=len(joins))
