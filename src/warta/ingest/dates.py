"""Publication dates from metadata and from the date strings outlets print.

    >>> parse_date("Kamis, 19 Jun 2025 09:35 WIB")
    datetime.datetime(2025, 6, 19, 9, 35, tzinfo=datetime.timezone(datetime.timedelta(seconds=25200)))
    >>> parse_date("Kompas.com- 18/06/2025, 21:04 WIB").isoformat()
    '2025-06-18T21:04:00+07:00'

Handles ISO 8601, RFC 2822 (feeds), Indonesian and English month names (full and short),
``dd/mm/yyyy``, times written ``21:04`` or ``21.04``, and Indonesian zones WIB/WITA/WIT.
"""
from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timedelta, timezone

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
ZONES = {"WIB": 7, "WITA": 8, "WIT": 9, "GMT": 0, "UTC": 0}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_TIME = r"(?:[\s,|\-]*(?:pukul|jam|at)?\s*(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.]\d{2})?\s*(?P<tz>WIB|WITA|WIT|GMT|UTC)?)?"
_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+(?P<mon>" + _MONTH + r")\.?\s+(?P<y>\d{4})" + _TIME, re.IGNORECASE)
_MDY = re.compile(r"\b(?P<mon>" + _MONTH + r")\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})" + _TIME, re.IGNORECASE)
_NUM = re.compile(r"(?<!\d)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})" + _TIME, re.IGNORECASE)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_RFC2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|GMT|UTC|[A-Z]{3})$")
# In article text only strings an outlet prints as a date stamp are trusted (a time and a zone),
# so that a date in the story ("Sabtu 16 November 2024") is not taken for the publication date.
_STAMP_IN_TEXT = re.compile(
    r"(?:(?<!\d)\d{1,2}\s+(?:" + _MONTH + r")\.?\s+\d{4}|(?<!\d)\d{1,2}/\d{1,2}/\d{4})"
    r"[\s,|\-]*(?:pukul\s*)?\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)", re.IGNORECASE)


def _build(y: int, mo: int, d: int, m: re.Match) -> datetime | date | None:
    try:
        if m.group("H") is None:
            return date(y, mo, d)
        tz = m.group("tz")
        tzinfo = timezone(timedelta(hours=ZONES[tz.upper()])) if tz else None
        return datetime(y, mo, d, int(m.group("H")), int(m.group("M")), tzinfo=tzinfo)
    except ValueError:
        return None


def parse_date(value: object) -> datetime | date | None:
    """A date or datetime from metadata or an outlet's date string; None if there is none."""
    if value is None:
        return None
    if isinstance(value, (datetime, date)):
        return value
    s = str(value).strip()
    if not s:
        return None
    m = _ISO.fullmatch(s) or (_ISO.match(s) if len(s) >= 10 and s[:4].isdigit() else None)
    if m:
        iso = m.group(0).replace("Z", "+00:00")
        try:
            return datetime.fromisoformat(iso) if len(iso) > 10 else date.fromisoformat(iso)
        except ValueError:
            pass
    if _RFC2822.match(s):
        try:  # as in RSS: "Thu, 19 Jun 2025 09:35:00 +0700"
            return email.utils.parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            pass
    for rx in (_DMY, _NUM, _MDY):
        m = rx.search(s)
        if m:
            mo = int(m.group("m")) if "m" in rx.groupindex else MONTHS[m.group("mon").lower()]
            out = _build(int(m.group("y")), mo, int(m.group("d")), m)
            if out is not None:
                return out
    return None


def date_in_text(text: str, head: int = 400) -> datetime | date | None:
    """The outlet's date stamp in the first ``head`` characters of an article, if it prints one."""
    m = _STAMP_IN_TEXT.search(text, 0, head)
    return parse_date(m.group(0)) if m else None


def to_iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None
