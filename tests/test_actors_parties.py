"""Parties of every country from the imported Party Facts list (``open/orgs_parties.tsv``): full
names win over their inner words, foreign acronyms need their country named in the text."""
from datetime import date

from warta.actors import link, resolve

D = date(2022, 9, 12)


def _key(r):
    return (r["country"], r["sector"]) if r else None


def test_party_full_name_is_its_country_not_a_word_inside():
    assert _key(resolve("Sweden Democrats", D, None, "en")) == ("SWE", "PTY")
    assert _key(resolve("the Liberal Democrats", date(2005, 4, 1), None, "en")) == ("GBR", "PTY")


def test_party_short_name_resolves_alone():
    assert _key(resolve("Fidesz", date(2022, 4, 3), None, "en")) == ("HUN", "PTY")
    assert _key(resolve("PSOE", date(2023, 7, 23), None, "en")) == ("ESP", "PTY")


def test_foreign_party_acronym_needs_its_country_in_the_text():
    ms = link("Rapat DPP Partai Golkar di Jakarta memutuskan calon ketua umum.", D)
    assert not [m for m in ms if (m.entity_id or "").startswith("org:pf-")]
    ms = link("Spain's PSOE lost seats, while the PSOE leader in Madrid blamed the economy.", D, "en")
    assert [m for m in ms if m.text == "PSOE" and m.country == "ESP"]


def test_generic_party_name_is_no_one_party():
    # "Social Democrats", "Christian Democrats": parties of many countries, and not the US Democrats
    for name in ("Social Democrats", "Christian Democrats"):
        r = resolve(name, D, None, "en")
        assert r is None or r["country"] is None, name


def test_one_word_party_after_an_unknown_capitalised_word_is_not_that_party():
    ms = link("Members of the Radikale Democrats met in Copenhagen.", D, "en")
    assert not [m for m in ms if m.text == "Democrats"]
    ms = link("House Democrats blocked the bill, and the Democrats in the Senate agreed.", D, "en")
    assert [m for m in ms if m.text.endswith("Democrats") and m.country == "USA"]
