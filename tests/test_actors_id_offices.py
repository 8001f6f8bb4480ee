"""Indonesian institutions as users write them: acronyms in any case, regional offices named after
their region (not people), coordinating ministries."""
from datetime import date

from warta.actors import link, resolve

D = date(2024, 11, 1)


def _key(r):
    return (r["country"], r["sector"]) if r else None


def test_institution_acronyms_in_any_case():
    for text in ("kejagung", "KEJAGUNG", "Kejagung", "kpk"):
        assert _key(resolve(text, D, None, "id")) == ("IDN", "JUD"), text


def test_lowercase_word_that_is_also_an_acronym_is_not_matched():
    ms = link("Pertemuan antara kedua menteri berlangsung di Jakarta.", D)
    assert not [m for m in ms if m.text == "antara"]


def test_regional_offices_are_offices_with_a_region_not_people():
    for text, sector in (("Kapolda Metro Jaya", "COP"), ("Pangdam XVII/Cenderawasih", "MIL"),
                         ("Kejati Jawa Barat", "JUD")):
        r = resolve(text, D, None, "id")
        assert _key(r) == ("IDN", sector), text
        assert not (r["entity_id"] or "").startswith("new:"), text


def test_regional_office_then_its_holder():
    ms = link("Pangdam Jaya Mayjen Rafael Granada meninjau lokasi banjir.", D)
    names = [m for m in ms if (m.entity_id or "").startswith("new:")]
    assert [m.name for m in names] == ["Rafael Granada"] and names[0].country == "IDN"


def test_coordinating_ministry():
    assert _key(resolve("Menko Polkam", D, None, "id")) == ("IDN", "GOV")
    assert _key(resolve("Kemenko Perekonomian", D, None, "id")) == ("IDN", "GOV")
