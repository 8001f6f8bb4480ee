"""A leader's name with administration/government/regime/cabinet words is that country's government:
"the Bush administration", "the Netanyahu government", "pemerintahan Jokowi", "rezim Assad"."""
from __future__ import annotations

from datetime import date

import pytest

from warta.actors import link, resolve


@pytest.mark.parametrize("text,d,lang,country", [
    ("the Bush administration", date(2003, 3, 1), "en", "USA"),
    ("the Bush administration", date(1991, 1, 15), "en", "USA"),
    ("the Clinton administration", date(1998, 8, 20), "en", "USA"),
    ("the Reagan administration", date(1986, 4, 15), "en", "USA"),
    ("the Netanyahu government", date(2003, 3, 1), "en", "ISR"),  # out of office that day: still Israel
    ("Yeltsin's government", date(1995, 1, 1), "en", "RUS"),
    ("the Suharto regime", date(1997, 1, 1), "en", "IDN"),
    ("the government of Prime Minister Nawaz Sharif", date(1998, 5, 28), "en", "PAK"),
    ("the administration of Bill Clinton", date(1999, 3, 24), "en", "USA"),
    ("pemerintahan Jokowi", date(2020, 3, 1), "id", "IDN"),
    ("pemerintah Presiden Joko Widodo", date(2020, 3, 1), "id", "IDN"),
    ("rezim Assad", date(2012, 3, 1), "id", "SYR"),
    ("kabinet Prabowo", date(2025, 3, 1), "id", "IDN"),
    ("pemerintahan Trump", date(2018, 3, 1), "id", "USA"),
    ("rezim Saddam Hussein", date(1991, 1, 17), "id", "IRQ"),
])
def test_leader_government_is_the_country_gov(text, d, lang, country):
    r = resolve(text, d, None, lang)
    assert r is not None and r["country"] == country and r["sector"] == "GOV", r
    assert r["entity_id"] is None  # the government, not the person


def test_person_alone_still_resolves_to_the_person():
    r = resolve("Bill Clinton", date(1995, 1, 1), None, "en")
    assert r["entity_id"] == "per:bill-clinton" and r["sector"] == "GOV"
    r = resolve("Jokowi", date(2020, 1, 1), None, "id")
    assert r["entity_id"] == "per:joko-widodo"


def test_no_admin_when_name_starts_a_new_clause():
    # Indonesian: a name followed by "pemerintah" is not "the X government"
    ms = link("Menurut Jokowi pemerintah akan menaikkan anggaran.", date(2020, 1, 1), "id")
    assert any(m.entity_id == "per:joko-widodo" for m in ms)


def test_short_name_after_full_name_with_regime_word():
    ms = link("Kim Jong Un spoke on Monday. The Kim regime then fired two missiles.", date(2023, 1, 1), "en")
    gov = [m for m in ms if m.text == "Kim regime"]
    assert gov and gov[0].country == "PRK" and gov[0].sector == "GOV"
    ms = link("Kim Jong Un berpidato. Rezim Kim lalu meluncurkan rudal.", date(2023, 1, 1), "id")
    gov = [m for m in ms if m.text == "Rezim Kim"]
    assert gov and gov[0].country == "PRK" and gov[0].sector == "GOV"


def test_middle_initial_names():
    r = resolve("George W. Bush", date(2003, 3, 1), None, "en")
    assert r["entity_id"] == "per:george-w-bush"
    r = resolve("George H. W. Bush", date(1991, 1, 1), None, "en")
    assert r["entity_id"] == "per:george-h-w-bush" and r["sector"] == "GOV"


@pytest.mark.parametrize("name,d,eid", [
    ("Bush", date(1990, 8, 2), "per:george-h-w-bush"),
    ("Bush", date(2003, 3, 20), "per:george-w-bush"),
    ("Clinton", date(1995, 6, 1), "per:bill-clinton"),
    ("Clinton", date(2010, 6, 1), "per:hillary-clinton"),
])
def test_shared_short_names_pick_the_office_holder(name, d, eid):
    assert resolve(name, d, None, "en")["entity_id"] == eid
