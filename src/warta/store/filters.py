"""What the reading commands filter on: event dates of any granularity, and the checked values of
``--type``, ``--country``, ``--quad`` and ``--modality``.

Event dates keep their granularity (``2025-06-17``, ``2025-W25``, ``2025-06``, ``2025-22`` for an
EDTF season, ``2025``): :data:`DATE_FROM` and :data:`DATE_TO` are the SQL for the first and last day
such a value covers, so "1998-05" is found by ``--since 1998-05-20`` and ``--until 1998-05-01``
alike, and is never replaced by the article's publication date.
"""
from __future__ import annotations

import difflib
import functools

_Y = "CAST(left(event_date, 4) AS INTEGER)"
_N = "CAST(right(event_date, 2) AS INTEGER)"
DATE_FROM = f"""(CASE
    WHEN regexp_full_match(event_date, '\\d{{4}}-\\d{{2}}-\\d{{2}}') THEN TRY_CAST(event_date AS DATE)
    WHEN regexp_full_match(event_date, '\\d{{4}}-W\\d{{2}}') THEN CAST(make_date({_Y}, 1, 4)
        - CAST(isodow(make_date({_Y}, 1, 4)) - 1 - 7 * ({_N} - 1) AS INTEGER) AS DATE)
    WHEN regexp_full_match(event_date, '\\d{{4}}-2[1-4]') THEN make_date({_Y}, 3 * ({_N} - 20), 1)
    WHEN regexp_full_match(event_date, '\\d{{4}}-\\d{{2}}') THEN TRY_CAST(event_date || '-01' AS DATE)
    WHEN regexp_full_match(event_date, '\\d{{4}}') THEN make_date({_Y}, 1, 1)
END)"""
DATE_TO = f"""(CASE
    WHEN regexp_full_match(event_date, '\\d{{4}}-\\d{{2}}-\\d{{2}}') THEN TRY_CAST(event_date AS DATE)
    WHEN regexp_full_match(event_date, '\\d{{4}}-W\\d{{2}}') THEN CAST(make_date({_Y}, 1, 4)
        - CAST(isodow(make_date({_Y}, 1, 4)) - 1 - 7 * ({_N} - 1) - 6 AS INTEGER) AS DATE)
    WHEN regexp_full_match(event_date, '\\d{{4}}-2[1-4]') THEN
        CAST(make_date({_Y}, 3 * ({_N} - 20), 1) + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE)
    WHEN regexp_full_match(event_date, '\\d{{4}}-\\d{{2}}') THEN
        CAST(TRY_CAST(event_date || '-01' AS DATE) + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE)
    WHEN regexp_full_match(event_date, '\\d{{4}}') THEN make_date({_Y}, 12, 31)
END)"""

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
MODALITIES = ("asserted", "future", "negated", "hypothetical")
SORTS = ("newest", "oldest", "confidence")


class BadValue(ValueError):
    """A filter value that is not one of the valid choices; the message lists them."""


def event_type(value: str) -> str:
    """A PLOVER event type, upper case; unknown values are refused with the valid choices."""
    from warta.events.coding import PLOVER_TYPES

    v = value.strip().upper()
    if v in PLOVER_TYPES:
        return v
    close = difflib.get_close_matches(v, PLOVER_TYPES, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise BadValue(f"unknown event type {value!r}{hint}; valid types: {', '.join(PLOVER_TYPES)}")


def quad(value: str) -> int:
    """A quad class from 1-4 or its name ("material conflict", "material-conflict")."""
    v = value.strip().lower().replace("-", " ").replace("_", " ")
    if v.isdigit() and int(v) in QUADS:
        return int(v)
    for n, name in QUADS.items():
        if v == name:
            return n
    raise BadValue(f"unknown quad class {value!r}; valid: "
                   + ", ".join(f"{n} ({name})" for n, name in QUADS.items()))


def modality(value: str) -> str:
    v = value.strip().lower()
    if v in MODALITIES:
        return v
    raise BadValue(f"unknown modality {value!r}; valid: {', '.join(MODALITIES)}")


def sort(value: str) -> str:
    v = value.strip().lower()
    if v in SORTS:
        return v
    raise BadValue(f"unknown sort order {value!r}; valid: {', '.join(SORTS)}")


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Lower-cased name -> ISO3, from the KB's country list (English and Indonesian names, ISO/CLDR
    variants) and its hand-kept aliases of type "name" (no demonyms or capitals)."""
    from warta.actors.kb import countries, country_aliases

    out: dict[str, str] = {}
    for c in countries().values():
        for name in (c.name_en, c.name_id, *c.names):
            out.setdefault(name.lower(), c.iso3)
    for a in country_aliases():
        if a.type == "name":
            out.setdefault(a.alias.lower(), a.iso3)
    return out


def country(value: str) -> str:
    """An ISO 3166-1 alpha-3 code from a code ("idn"), an alpha-2 code ("ID") or a country name in
    English or Indonesian ("Indonesia", "Jepang", "South Korea"); unknown values are refused."""
    from warta.actors.kb import countries

    table = countries()
    v = value.strip()
    if v.upper() in table:
        return v.upper()
    if len(v) == 2:
        for c in table.values():
            if c.iso2 == v.upper():
                return c.iso3
    names = _country_names()
    if v.lower() in names:
        return names[v.lower()]
    close = difflib.get_close_matches(v.lower(), list(names), n=3, cutoff=0.75)
    hint = ("; did you mean " + " or ".join(f"{names[c].upper()} ({c.title()})" for c in close) + "?") if close else ""
    raise BadValue(f"unknown country {value!r}: give an ISO 3166-1 alpha-3 code such as IDN, USA or CHN, "
                   f"or a country name in English or Indonesian{hint} (all codes: warta events --country list)")


def country_list() -> list[tuple[str, str]]:
    """(ISO3, English name) of every country the KB knows."""
    from warta.actors.kb import countries

    return sorted((c.iso3, c.name_en) for c in countries().values())
