"""The actor knowledge base: countries, organisations, people (with dated roles) and agent words.

All facts live in data files under ``warta/data/kb/`` (format in its README.md); this module only
reads them and builds the alias index the linker matches against. :func:`load_kb` is cached per
process, so every pipeline, CLI call and worker shares one index.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

import regex

from warta.actors.lexicon import linker_words

# Word pieces: camelCase glue ("RusiaVladimir") and hyphens split words; digits stand alone.
WORD_RE = regex.compile(r"\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}[\p{Lu}\p{M}]*|\p{L}+|\d+")

# Word lists (language data) in ``data/kb/linker_words.yaml``: see ``warta.actors.lexicon``.
_W = linker_words()
PARTICLES = _W["particles"]  # "bin", "al": never a short form on their own
COMMON_WORDS = _W["common_words"]  # common words that are also people's short forms ("Sisi"): risky


def words(text: str) -> list[tuple[int, int]]:
    """(start, end) of the word pieces of ``text``."""
    return [m.span() for m in WORD_RE.finditer(text)]


def key_of(text: str) -> tuple[str, ...]:
    return tuple(text[s:e].lower() for s, e in words(text))


def parse_date(s: str | None, *, end: bool = False) -> date | None:
    """'2024-11-16', '2024-11' or '2024' (month/year -> the first day). Empty -> None (open)."""
    s = (s or "").strip()
    if not s or s == "-":
        return None
    if len(s) == 10:
        return date.fromisoformat(s)
    parts = [int(p) for p in s.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return date(*parts)


@dataclass(frozen=True)
class Role:
    country: str | None
    role: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None  # exclusive: the first day out of office
    org: str | None = None

    def active(self, d: date) -> bool:
        return (self.start is None or self.start <= d) and (self.end is None or d < self.end)


@dataclass
class Entity:
    id: str
    name: str
    kind: str  # PER, ORG, GPE
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    roles: list[Role] = field(default_factory=list)
    source: str | None = None
    periods: list[Role] = field(default_factory=list)  # organisations: dated country/sector (org_roles.tsv)

    def _where(self, r: Role) -> tuple[str | None, str | None]:
        if r.org:  # a post in an organisation: its country only where the organisation has one
            return r.country, r.org
        return r.country or self.country, self.org

    def on(self, d: date | None) -> tuple[str | None, str | None, str | None, str | None]:
        """(country, org, sector, role) of the entity on date ``d`` (None: its latest role).

        An organisation with dated rows (``org_roles.tsv``) takes the row that covers ``d`` (the first
        listed wins on overlap), else its default from ``orgs.tsv``; with no date, its open-ended
        (current) row if it has one, else the default.
        """
        if self.periods:
            if d is None:
                cur = [p for p in self.periods if p.end is None]
                r = max(cur, key=lambda p: p.start or date.min) if cur else None
            else:
                r = next((p for p in self.periods if p.active(d)), None)
            if r is not None:
                return r.country or self.country, self.org, r.sector or self.sector, None
            return self.country, self.org, self.sector, None
        if not self.roles:
            return self.country, self.org, self.sector, None
        if d is None:
            r = max(self.roles, key=lambda r: r.start or date.min)
            return self._where(r) + (r.sector, r.role)
        for r in self.roles:
            if r.active(d):
                return self._where(r) + (r.sector, r.role)
        past = [r for r in self.roles if r.end is not None and r.end <= d]
        if past:
            r = max(past, key=lambda r: r.end)
            return self._where(r) + ("ELI", f"former {r.role}" if r.role else None)
        first = min(self.roles, key=lambda r: r.start or date.min)
        return first.country or self.country, self.org, self.sector, None


@dataclass(frozen=True)
class Hit:
    """What an alias stands for: kind is one of country, seat, org, person, short, agent, group,
    title, mod. ``ref`` is an entity id (country/seat/org/person/short) or None."""

    kind: str
    ref: str | None
    case: str  # exact, cap, any
    surface: tuple[str, ...] = ()  # the alias's own word pieces (for exact-case matching)
    sector: str | None = None
    role: str | None = None
    lang: str = "*"


@dataclass
class KB:
    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: dict[tuple[str, ...], list[Hit]] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)  # first word -> longest alias length
    vocab: set[str] = field(default_factory=set)
    coref: dict[str, set[str]] = field(default_factory=dict)  # name word -> person ids (in-doc only)
    # places whose state changed (places_dated.tsv): alias key -> [(iso3, start, end)]
    dated: dict[tuple[str, ...], list[tuple[str, date | None, date | None]]] = field(default_factory=dict)
    demonyms: set[tuple[str, ...]] = field(default_factory=set)  # keys of demonym aliases ("russian")

    def place_country(self, key: tuple[str, ...], d: date | None) -> str | None:
        """The state that held the place ``key`` on date ``d`` (places_dated.tsv), else None."""
        rows = self.dated.get(key) if d is not None else None
        for iso3, start, end in rows or ():
            if (start is None or start <= d) and (end is None or d < end):
                return iso3
        return None

    def add(self, alias: str, hit: Hit, spans: list[tuple[int, int]] | None = None) -> None:
        surface = tuple(alias[s:e] for s, e in (words(alias) if spans is None else spans))
        if not surface:
            return
        key = tuple(w.lower() for w in surface)
        hit = Hit(hit.kind, hit.ref, hit.case, surface, hit.sector, hit.role, hit.lang)
        lst = self.aliases.setdefault(key, [])
        if hit not in lst:
            lst.append(hit)
        self.first[key[0]] = max(self.first.get(key[0], 0), len(key))
        self.vocab.update(key)

    def country_name(self, iso3: str | None) -> str | None:
        e = self.entities.get(f"gpe:{iso3}") if iso3 else None
        return e.name if e else iso3


def default_case(alias: str) -> str:
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
        return "exact"
    if letters and letters[0].islower():  # "al-Qaeda", "al-Shabaab": written so, not capitalised
        return "any"
    return "cap"


def _rows(path: Path):
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [f.strip() for f in line.split("\t")]


def kb_dir() -> Path:
    return Path(str(resources.files("warta") / "data" / "kb"))


def _pad(row: list[str], n: int) -> list[str]:
    return row + [""] * (n - len(row))


@dataclass(frozen=True)
class Country:
    """One row of ``countries.tsv``: an ISO 3166-1 country or territory."""

    iso3: str
    iso2: str
    name_en: str
    name_id: str
    names: tuple[str, ...] = ()  # other ISO/CLDR names (official, common, short and variant forms)
    capital: str | None = None  # GeoNames English form; empty where the name is ambiguous as an actor


@dataclass(frozen=True)
class CountryAlias:
    """One row of ``country_aliases.tsv``: a hand-kept name, demonym, capital or seat of a country."""

    iso3: str
    alias: str
    type: str  # name, demonym, capital, seat
    sector: str | None = None
    case: str | None = None  # exact, cap, any; None: default_case(alias)


@functools.lru_cache(maxsize=4)
def countries(path: str | None = None) -> dict[str, Country]:
    """iso3 -> :class:`Country` from ``countries.tsv`` (default: the packaged KB), cached.

    The one reader of the country list: the actor index and the when/where gazetteer both use it.
    """
    d = Path(path) if path else kb_dir()
    out: dict[str, Country] = {}
    for row in _rows(d / "countries.tsv"):
        if row[0] == "iso3":
            continue
        iso3, iso2, name_en, name_id, aliases, capital = _pad(row, 6)[:6]
        out[iso3] = Country(iso3, iso2, name_en, name_id or name_en,
                            tuple(x for x in aliases.split("|") if x), capital or None)
    return out


@functools.lru_cache(maxsize=4)
def country_aliases(path: str | None = None) -> tuple[CountryAlias, ...]:
    """The rows of ``country_aliases.tsv`` in file order (default: the packaged KB), cached."""
    d = Path(path) if path else kb_dir()
    out = []
    for row in _rows(d / "country_aliases.tsv"):
        iso3, alias, typ, sector, case = _pad(row, 5)[:5]
        if iso3 and alias:
            out.append(CountryAlias(iso3, alias, typ or "name", sector or None, case or None))
    return tuple(out)


def _load_countries(kb: KB, d: Path) -> None:
    for c in countries(str(d)).values():
        eid = f"gpe:{c.iso3}"
        kb.entities[eid] = Entity(eid, c.name_en, "GPE", country=c.iso3, source="ISO 3166-1 / CLDR")
        for a in {c.name_en, c.name_id, *c.names}:
            kb.add(a, Hit("country", eid, default_case(a)))
        if c.capital:
            kb.add(c.capital, Hit("seat", eid, "cap", sector="GOV"))
    for ca in country_aliases(str(d)):
        iso3, alias, typ, sector, case = ca.iso3, ca.alias, ca.type, ca.sector or "", ca.case or ""
        eid = f"gpe:{iso3}"
        if eid not in kb.entities:
            kb.entities[eid] = Entity(eid, alias, "GPE", country=iso3, source="country_aliases.tsv")
        kind = "seat" if typ in ("capital", "seat") else "country"
        key = key_of(alias)
        if typ == "demonym":
            kb.demonyms.add(key)
        if key in kb.aliases:  # this file is authoritative over the generated one
            kb.aliases[key] = [h for h in kb.aliases[key] if h.ref != eid]
        kb.add(alias, Hit(kind, eid, case or default_case(alias), sector=sector or None))


def _load_places_dated(kb: KB, d: Path) -> None:
    """Places whose state changed (``places_dated.tsv``): Juba in Sudan until 2011-07-09."""
    for row in _rows(d / "places_dated.tsv"):
        place, iso3, start, end = _pad(row, 5)[:4]
        if place == "place" or not iso3:
            continue
        kb.dated.setdefault(key_of(place), []).append((iso3, parse_date(start), parse_date(end)))


# Indonesian institutions' one-word names and acronyms match in any case ("kejagung", "KEJAGUNG",
# "kpk"), except those that are also words or name parts in lower case ("antara" = between, "bin").
ANY_CASE_STOP = {"antara", "bin", "pan", "aji", "act", "bpk", "gam", "psi", "ppp", "pmi", "lbh", "aji", "kst",
                 "ji", "ma", "mk", "ky", "bi", "nu", "lps", "pwi", "bem"}


def _org_case(alias: str, country: str) -> str:
    case = default_case(alias)
    if (country == "IDN" and " " not in alias and alias.isalpha() and len(alias) >= 3
            and alias.lower() not in ANY_CASE_STOP):
        return "any"
    return case


def _load_orgs(kb: KB, d: Path) -> None:
    for row in (r for path in _files(d, "orgs*.tsv") for r in _rows(path)):
        oid, org, country, sector, names, source = _pad(row, 6)[:6]
        if oid == "id" or f"org:{oid}" in kb.entities:  # hand-kept orgs.tsv wins
            continue
        names_l = [n for n in names.split("|") if n]
        eid = f"org:{oid}"
        kb.entities[eid] = Entity(eid, names_l[0] if names_l else org or oid, "ORG", country=country or None,
                                  org=org or None, sector=sector or None, source=source or None)
        for n in names_l:
            kb.add(n, Hit("org", eid, _org_case(n, country)))


def _load_org_roles(kb: KB, d: Path) -> None:
    """Dated country/sector of organisations (``org_roles.tsv``): the Taliban governing Afghanistan."""
    for row in _rows(d / "org_roles.tsv"):
        oid, country, sector, start, end, _source = _pad(row, 6)[:6]
        if oid == "id":
            continue
        ent = kb.entities.get(f"org:{oid}")
        if ent is None:  # tests/test_kb_org_roles.py checks every id exists in orgs.tsv
            continue
        ent.periods.append(Role(country or None, None, sector or None, parse_date(start), parse_date(end),
                                ent.org))


def _files(d: Path, pattern: str) -> list[Path]:
    """The hand-kept files matching ``pattern`` in ``d``, then the generated ones in ``d/open``
    (imported open data, see ``warta.actors.build_all``): hand-kept rows are read first and win."""
    return sorted(d.glob(pattern)) + sorted((d / "open").glob(pattern))


def _load_people(kb: KB, d: Path) -> None:
    for path in _files(d, "people*.tsv"):
        for row in _rows(path):
            pid, country, role, sector, start, end, names, short, source = _pad(row, 9)[:9]
            if pid == "id":
                continue
            eid = f"per:{pid}"
            ent = kb.entities.get(eid)
            names_l = [n for n in names.split("|") if n]
            if ent is None:
                ent = Entity(eid, names_l[0] if names_l else pid, "PER",
                             country=None if country.startswith("org:") or country == "-" else country or None)
                kb.entities[eid] = ent
            if source:
                ent.source = source
            if role and role != "-":
                org = None
                if country.startswith("org:"):
                    org_ent = kb.entities.get(country)
                    org = org_ent.org if org_ent else country[4:]
                    country = org_ent.country if org_ent and org_ent.country else ""
                ent.roles.append(Role(country or None, role, sector or None,
                                      parse_date(start), parse_date(end), org))
            else:
                ent.sector = sector or ent.sector
                ent.country = country or ent.country
            for n in names_l:
                sp = words(n)
                kb.add(n, Hit("person", eid, "cap"), sp)
                for s, e in sp:
                    w = n[s:e]
                    if len(w) >= 2 and w.lower() not in PARTICLES and w[0].isupper():
                        kb.coref.setdefault(w.lower(), set()).add(eid)
            for n in (x for x in short.split("|") if x):
                # "~Sisi" or a short form that is also a common word ("Sisi" = side): "risky", a
                # standalone short form only after the full name in the same document (coreference)
                risky = n.startswith("~") or n.lower() in COMMON_WORDS
                kb.add(n.lstrip("~"), Hit("short", eid, "risky" if risky else "cap"))


def _load_agents(kb: KB, d: Path) -> None:
    for row in _rows(d / "agents.tsv"):
        phrase, typ, sector, role, lang = _pad(row, 5)[:5]
        case = "exact" if phrase.isupper() else "any"
        kb.add(phrase, Hit(typ, None, case, sector=sector or None, role=role or None, lang=lang or "*"))


@functools.lru_cache(maxsize=4)
def load_kb(path: str | None = None) -> KB:
    """The knowledge base from ``path`` (default: the packaged ``warta/data/kb``), cached."""
    d = Path(path) if path else kb_dir()
    kb = KB()
    _load_countries(kb, d)
    _load_places_dated(kb, d)
    _load_orgs(kb, d)
    _load_org_roles(kb, d)
    _load_people(kb, d)
    _load_agents(kb, d)
    return kb
