"""Event filters shared by ``warta events``, ``warta export`` and ``warta serve``.

    f = EventFilter.parse(country="idn", actor="per:prabowo-subianto", event_type="consult,agree",
                          quad="1,2", modality="asserted", since="2025-06-01", until="2025-06-30")
    where, params = f.sql("corpus_events")      # or "events" (one row per mention)
    con.execute(f"SELECT * FROM corpus_events WHERE {where}", params)

Every condition is optional and they combine with AND:

* ``country``: ISO 3166-1 alpha-3 code of a source actor, a target actor or the place;
* ``actor``: an actor's key (:func:`warta.store.aggregate.actor_key`), KB entity id
  (``per:prabowo-subianto``, ``gpe:IDN``), CAMEO-style code (``IDNGOV``) or name (any case), as
  source or target;
* ``event_type``: PLOVER types, comma-separated; ``quad``: quad classes 1-4, comma-separated;
* ``modality``: asserted, future, negated or hypothetical (of a corpus event: its aggregated one);
* ``since``/``until``: event date range, inclusive (a mention without a full event date counts
  on its publication date).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from warta.events.coding import PLOVER_TYPES
from warta.model import MODALITIES

_ACTOR_T = '[{"entity_id": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR", "org": "VARCHAR", "sector": "VARCHAR"}]'


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


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
            country = country.strip().upper()
            if len(country) != 3 or not country.isalpha():
                raise ValueError(f"--country must be an ISO 3166-1 alpha-3 code such as IDN; got {country!r}")
        types = tuple(t.upper() for t in _split(event_type))
        bad = [t for t in types if t not in PLOVER_TYPES]
        if bad:
            raise ValueError(f"--type must be PLOVER types ({', '.join(PLOVER_TYPES)}); got {', '.join(bad)}")
        quads: list[int] = []
        for q in _split(str(quad) if quad is not None else None):
            if q not in ("1", "2", "3", "4"):
                raise ValueError(f"--quad must be 1-4 (1 verbal cooperation, 2 material cooperation, "
                                 f"3 verbal conflict, 4 material conflict); got {q!r}")
            quads.append(int(q))
        if modality is not None:
            modality = modality.strip().lower()
            if modality not in MODALITIES:
                raise ValueError(f"--modality must be one of {', '.join(MODALITIES)}; got {modality!r}")
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
        day = f"{a}event_date" if table == "corpus_events" else \
            f"coalesce(TRY_CAST({a}event_date AS DATE), {a}pub_date)"
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
            where.append(f"{day} >= ?")
            params.append(self.since)
        if self.until:
            where.append(f"{day} <= ?")
            params.append(self.until)
        return (" AND ".join(where) or "TRUE"), params
