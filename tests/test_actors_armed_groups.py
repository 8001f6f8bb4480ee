"""Criminal groups (CRM), armed groups from the UCDP list (REB) and national agencies by name."""
from datetime import date

from warta.actors import link, resolve

D = date(2024, 7, 25)


def _key(r):
    return (r["country"], r["sector"]) if r else None


def test_cartels_and_gangs_are_criminal_groups_of_their_country():
    assert _key(resolve("the Sinaloa Cartel", D, None, "en")) == ("MEX", "CRM")
    assert _key(resolve("kartel Sinaloa", D, None, "id")) == ("MEX", "CRM")
    assert _key(resolve("Tren de Aragua", D, None, "en")) == ("VEN", "CRM")
    assert _key(resolve("the 'Ndrangheta", D, None, "en")) == ("ITA", "CRM")


def test_rebel_group_from_ucdp_list():
    # Bangsamoro Islamic Freedom Fighters, Philippines: only in the UCDP list
    assert _key(resolve("Bangsamoro Islamic Freedom Fighters", date(2015, 1, 1), None, "en")) == ("PHL", "REB")


def test_agencies_and_legislatures_by_name():
    assert _key(resolve("the FBI", D, None, "en")) == ("USA", "COP")
    assert _key(resolve("the Lok Sabha", D, None, "en")) == ("IND", "LEG")


def test_armed_group_acronym_in_indonesian_news_needs_its_country():
    # "BLA" is the Balochistan Liberation Army only where Pakistan is in the text
    assert not [m for m in link("Ketua BLA kabupaten itu memimpin rapat di Bandung.", D)
                if (m.entity_id or "").startswith("org:ucdp-")]
