"""Titles and bodies that carry their country: "<country>'s <body>", British offices of state, and
hand-kept people whose earlier posts come from the imported data."""
from datetime import date

from warta.actors import link, resolve

D = date(2023, 6, 1)


def _key(r):
    return (r["country"], r["sector"]) if r else None


def test_possessive_country_owns_a_new_body():
    assert _key(resolve("Brazil's Supreme Federal Court", D, None, "en")) == ("BRA", "JUD")
    assert _key(resolve("Kenya’s Ministry of Health", D, None, "en")) == ("KEN", "GOV")
    assert _key(resolve("Indonesia's Ministry of Education", D, None, "en")) == ("IDN", "GOV")


def test_body_not_next_to_the_country_gets_none():
    ms = link("On Monday Kenya said the Ministry of Finance must pay.", D, "en")
    assert [m.country for m in ms if m.text == "Ministry of Finance"] == [None]


def test_british_offices_of_state():
    assert _key(resolve("Chancellor of the Exchequer Ann Whitcombe", D, None, "en")) == ("GBR", "GOV")
    assert _key(resolve("the Home Office", date(2005, 3, 1), None, "en")) == ("GBR", "GOV")


def test_hand_kept_person_before_their_hand_kept_post():
    # Gordon Brown: Chancellor of the Exchequer 1997-2007 (Wikidata), Prime Minister 2007-2010 (hand)
    assert _key(resolve("Gordon Brown", date(2005, 3, 1), None, "en")) == ("GBR", "GOV")
    assert _key(resolve("Gordon Brown", date(2012, 3, 1), None, "en")) == ("GBR", "ELI")
