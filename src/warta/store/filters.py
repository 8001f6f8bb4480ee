"""What the reading commands, ``warta export`` and ``warta serve`` filter on: event dates of any
granularity, the checked values of ``--type``, ``--country``, ``--quad`` and ``--modality``, and
:class:`EventFilter`, one SQL filter over ``events`` (mentions) or ``corpus_events``.

Event dates keep their granularity (``2025-06-17``, ``2025-W25``, ``2025-06``, ``2025-22`` for an
EDTF season, ``2025``): :data:`DATE_FROM` and :data:`DATE_TO` are the SQL for the first and last day
such a value covers, so "1998-05" is found by ``--since 1998-05-20`` and ``--until 1998-05-01``
alike, and is never replaced by the article's publication date.

    f = EventFilter.parse(country="Indonesia", actor="per:prabowo-subianto", event_type="consult,agree",
                          quad="1,2", modality="asserted", since="2025-06-01", until="2025-06-30")
    where, params = f.sql("corpus_events")      # or "events" (one row per mention)
    con.execute(f"SELECT * FROM corpus_events WHERE {where}", params)

Every condition of an :class:`EventFilter` is optional and they combine with AND:

* ``country``: ISO 3166-1 alpha-3 code (or a country name) of a source actor, a target actor or the place;
* ``actor``: an actor's key (:func:`warta.store.aggregate.actor_key`), KB entity id
  (``per:prabowo-subianto``, ``gpe:IDN``), CAMEO-style code (``IDNGOV``) or name (any case), as
  source or target;
* ``event_type``: PLOVER types, comma-separated; ``quad``: quad classes 1-4 or their names, comma-separated;
* ``modality``: asserted, future, negated or hypothetical (of a corpus event: its aggregated one);
* ``since``/``until``: event date range, inclusive (a mention without an event date of its own counts
  on its publication date; a partial date by the days it covers).
"""
from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from datetime import date
from typing import Any

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


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _checked(check, value: str, option: str):
    """``check(value)``, its :class:`BadValue` message prefixed with the option's name."""
    try:
        return check(value)
    except BadValue as exc:
        raise BadValue(f"{option}: {exc}") from None


_ACTOR_T = '[{"entity_id": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR", "org": "VARCHAR", "sector": "VARCHAR"}]'

# the checks under other names: EventFilter.parse's keyword arguments shadow them
_check_country, _check_event_type, _check_quad, _check_modality = country, event_type, quad, modality


@dataclass(frozen=True)
class EventFilter:
    country: str | None = None
    actor: str | None = None
    event_types: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    modality: str | None = None
    since: date | None = None
    until: date | None = None

    @classmethod
    def parse(cls, *, country: str | None = None, actor: str | None = None, event_type: str | None = None,
              quad: str | int | None = None, modality: str | None = None,
              since: str | date | None = None, until: str | date | None = None) -> "EventFilter":
        """A filter from user input; ``ValueError`` names the option and the bad value."""
        if country is not None:
            country = _checked(_check_country, country, "--country")
        types = tuple(_checked(_check_event_type, t, "--type") for t in _split(event_type))
        quads = [_checked(_check_quad, q, "--quad") for q in _split(str(quad) if quad is not None else None)]
        if modality is not None:
            modality = _checked(_check_modality, modality, "--modality")
        days = []
        for name, value in (("--since", since), ("--until", until)):
            if value is None or isinstance(value, date):
                days.append(value)
                continue
            try:
                days.append(date.fromisoformat(value.strip()))
            except ValueError:
                raise ValueError(f"{name} must be YYYY-MM-DD; got {value!r}") from None
        if days[0] and days[1] and days[0] > days[1]:
            raise ValueError(f"--since {days[0]} is after --until {days[1]}")
        actor = actor.strip() if actor and actor.strip() else None
        return cls(country, actor, types, tuple(quads), modality, days[0], days[1])

    def sql(self, table: str = "corpus_events", alias: str = "") -> tuple[str, list[Any]]:
        """``(WHERE clause, parameters)`` for ``table`` (``corpus_events`` or ``events``); ``TRUE``
        when there is no condition. ``alias`` prefixes the columns (``"e."``)."""
        if table not in ("corpus_events", "events"):
            raise ValueError(f"no event filter for table {table!r}")
        a = alias
        where: list[str] = []
        params: list[Any] = []
        if table == "corpus_events":
            first = last = f"{a}event_date"
        else:  # a partial event date counts by the days it covers; none, by the publication date
            first = f"coalesce({DATE_FROM.replace('event_date', a + 'event_date')}, {a}pub_date)"
            last = f"coalesce({DATE_TO.replace('event_date', a + 'event_date')}, {a}pub_date)"
        if self.country:
            where.append(f"(list_contains({a}source_countries, ?) OR list_contains({a}target_countries, ?) "
                         f"OR {a}location_country = ?)")
            params += [self.country] * 3
        if self.actor:
            low, up = self.actor.lower(), self.actor.upper()
            if table == "corpus_events":
                where.append(f"{a}event_id IN (SELECT x.event_id FROM event_actors x WHERE lower(x.actor_key) = ? "
                             "OR lower(x.entity_id) = ? OR lower(x.name) = ? OR x.code = ?)")
                params += [low, low, low, up]
            else:
                match = ("x -> lower(x.entity_id) = ? OR lower(x.name) = ? OR "
                         "upper(coalesce(x.country, x.org, '') || coalesce(x.sector, '')) = ?")
                sides = [f"len(list_filter(from_json(coalesce({a}{side}, '[]'), '{_ACTOR_T}'), {match})) > 0"
                         for side in ("source", "target")]
                where.append(f"({sides[0]} OR {sides[1]})")
                params += [low, low, up] * 2
        if self.event_types:
            where.append(f"upper({a}event_type) IN ({', '.join('?' * len(self.event_types))})")
            params += list(self.event_types)
        if self.quads:
            where.append(f"{a}quad_class IN ({', '.join('?' * len(self.quads))})")
            params += list(self.quads)
        if self.modality:
            where.append(f"coalesce({a}modality, 'asserted') = ?")
            params.append(self.modality)
        if self.since:
            where.append(f"{last} >= ?")
            params.append(self.since)
        if self.until:
            where.append(f"{first} <= ?")
            params.append(self.until)
        return (" AND ".join(where) or "TRUE"), params
