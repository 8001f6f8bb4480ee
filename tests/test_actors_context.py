"""Context for actors: organisations of 1985-2026 news, places whose state changed (places_dated.tsv),
the country of a demonym inside a noun phrase, stance words, and the article's country of focus."""
from __future__ import annotations

from datetime import date

from warta.actors import load_kb
from warta.actors.kb import kb_dir, parse_date
from warta.actors.linker import link


def by_text(ms):
    return {m.text: m for m in ms}


# ---------------------------------------------------------------- organisations
def test_armed_movements_resolve_with_country_and_dated_sector():
    ms = by_text(link("UNITA rebels attacked the MPLA government near Huambo.", date(1995, 3, 1), "en"))
    assert (ms["UNITA rebels"].country, ms["UNITA rebels"].org, ms["UNITA rebels"].sector) == ("AGO", "UNITA", "REB")
    assert (ms["MPLA government"].country, ms["MPLA government"].sector) == ("AGO", "GOV")
    later = by_text(link("UNITA said it would take part in the election.", date(2008, 5, 1), "en"))
    assert later["UNITA"].sector == "PTY"
    anc = by_text(link("The ANC claimed the attack.", date(1986, 1, 1), "en"))["ANC"]
    assert (anc.country, anc.sector) == ("ZAF", "REB")
    assert by_text(link("The ANC won the vote.", date(2019, 5, 9), "en"))["ANC"].sector == "PTY"


def test_lowercase_initial_names_match():
    ms = link("Kelompok al-Shabaab menyerang pangkalan militer.", date(2024, 1, 1))
    assert any(m.org == "al-Shabaab" and m.country == "SOM" for m in ms)


def test_organisation_then_agent_in_english():
    m = by_text(link("Khmer Rouge guerrillas shelled the town.", date(1990, 1, 1), "en"))["Khmer Rouge guerrillas"]
    assert (m.country, m.sector) == ("KHM", "REB")


# ---------------------------------------------------------------- places whose state changed
def test_places_dated_rows_are_valid():
    kb = load_kb()
    lines = (kb_dir() / "places_dated.tsv").read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
    assert rows[0] == ["place", "iso3", "start", "end", "source"]
    for place, iso3, start, end, source in rows[1:]:
        assert f"gpe:{iso3}" in kb.entities and source, place
        assert parse_date(start) or parse_date(end), place
        assert any(place.lower().split()[0] == k[0] for k in kb.aliases), place


def test_juba_is_sudan_before_south_sudan_existed():
    old = by_text(link("The mayor of Juba said the town was calm.", date(1995, 3, 1), "en"))["mayor of Juba"]
    new = by_text(link("The mayor of Juba said the town was calm.", date(2015, 3, 1), "en"))["mayor of Juba"]
    assert (old.country, new.country) == ("SDN", "SSD")


def test_kosovo_and_crimea_follow_the_state_that_held_them():
    assert by_text(link("Kosovo police arrested ten.", date(1998, 6, 1), "en"))["Kosovo police"].country == "SRB"
    assert by_text(link("Kosovo police arrested ten.", date(2012, 6, 1), "en"))["Kosovo police"].country == "XKX"
    assert by_text(link("Pemerintah Krimea menolak tuduhan itu.", date(2010, 1, 1)))["Pemerintah Krimea"].country == "UKR"
    assert by_text(link("Pemerintah Krimea menolak tuduhan itu.", date(2016, 1, 1)))["Pemerintah Krimea"].country == "RUS"


def test_dissolved_federations_are_their_continuator_states():
    ms = by_text(link("Soviet troops and Yugoslav officials met in Prague.", date(1989, 1, 1), "en"))
    assert ms["Soviet troops"].country == "RUS"
    assert ms["Yugoslav officials"].country == "SRB"
    assert by_text(link("Cekoslowakia menolak usulan itu.", date(1989, 1, 1)))["Cekoslowakia"].country == "CZE"


# ---------------------------------------------------------------- noun phrases and stance
def test_demonym_with_modifiers_gives_the_agent_its_country():
    ms = by_text(link("Egyptian Islamic fundamentalists clashed with police.", None, "en"))
    assert ms["Egyptian Islamic fundamentalists"].country == "EGY"
    assert by_text(link("Jordanian aid workers reached the camp.", None, "en"))["Jordanian aid workers"].country == "JOR"


def test_demonym_noun_followed_by_a_verb_is_not_one_phrase():
    ms = link("Palestinians said soldiers opened fire.", None, "en")
    assert not any(m.text.startswith("Palestinians said") for m in ms)


def test_stance_country_is_neither_the_agents_country_nor_an_actor():
    ms = link("Ribuan pengunjuk rasa pro-Palestina berdemo di depan kedutaan.", date(2025, 6, 1))
    assert not any(m.country == "PSE" for m in ms)
    ms = link("Iranian-backed militants attacked a convoy in Yemen.", None, "en")
    assert not any(m.country == "IRN" for m in ms)


# ---------------------------------------------------------------- country of focus
def test_bare_group_takes_the_only_country_named():
    ms = by_text(link("The Mozambique government accepted demands from Shona rebels.", None, "en"))
    assert ms["rebels"].country == "MOZ"
    ms = by_text(link("Gerilyawan Karen menyerang pos tentara Myanmar.", None))
    assert ms["Gerilyawan"].country == "MMR"


def test_bare_group_stays_null_with_two_countries():
    ms = by_text(link("Burmese troops captured a rebel camp on the Thai border.", None, "en"))
    assert ms["rebel"].country is None if "rebel" in ms else True
    ms = by_text(link("Rebels crossed from Liberia into Sierra Leone.", None, "en"))
    assert ms["Rebels"].country is None


def test_pair_phrases_are_left_to_the_events_component():
    ms = link("Presiden Prabowo menelepon Presiden Donald Trump. Kedua pemimpin membahas tarif.", date(2025, 6, 20))
    pair = [m for m in ms if m.text.lower().startswith("kedua")]
    assert all(m.country is None for m in pair)
    ms = link("Polisi Indonesia dan Polri bekerja sama. Kedua pihak sepakat.", date(2025, 6, 20))
    assert all(m.country is None for m in ms if m.text.lower().startswith("kedua"))
