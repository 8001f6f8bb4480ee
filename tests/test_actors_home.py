"""Domestic agents in Indonesian news that names no foreign country are Indonesian."""
from datetime import date

from warta.actors.linker import link


def _by_text(mentions):
    return {m.text: m for m in mentions}


def test_bare_police_in_domestic_news_is_indonesian():
    ms = _by_text(link("Polisi menangkap dua tersangka pembobolan bank di Medan.", date(2025, 6, 18), "id"))
    assert ms["Polisi"].country == "IDN" and ms["Polisi"].sector == "COP"


def test_a_foreign_country_blocks_the_home_default():
    ms = _by_text(link("Polisi Filipina menangkap dua tersangka. Polisi menyita senjata api.", date(2025, 6, 18), "id"))
    assert ms["Polisi Filipina"].country == "PHL"
    assert all(m.country != "IDN" for m in ms.values())


def test_english_text_gets_no_home_default():
    ms = _by_text(link("Police arrested two suspects in the capital.", date(2025, 6, 18), "en"))
    assert ms["Police"].country is None
