"""Actor precision on news: common words, places after titles, teams, companies (sentences written for tests)."""
from datetime import date

from warta.actors.linker import Linker

D = date(2025, 6, 15)


def _ms(text, lang="id"):
    return Linker.default().link(text, D, lang)


def _ids(text, lang="id"):
    return [(m.text, m.entity_id) for m in _ms(text, lang)]


def test_common_word_short_form_needs_full_name():
    assert all(e != "per:abdel-fattah-el-sisi" for _, e in _ids("Sisi baiknya, warga bisa berlibur lebih lama."))
    ms = _ids("Presiden Mesir Abdel Fattah el-Sisi tiba di Jakarta. Sisi bertemu wartawan.")
    assert ("Sisi", "per:abdel-fattah-el-sisi") in ms


def test_common_short_form_lowercase_never():
    assert not any(e and e.startswith("per:") for _, e in _ids("Dari sisi lain, akar masalahnya belum jelas."))


def test_title_word_starting_a_place_is_not_a_person():
    ms = _ms("Wisatawan memadati Raja Ampat pekan ini.")
    assert not any(m.kind == "PER" for m in ms)


def test_title_with_place_then_name():
    m = next(m for m in _ms("Wakil Gubernur Maluku Abdullah Vanath membuka acara itu.") if m.kind == "PER")
    assert m.name == "Abdullah Vanath" and m.country == "IDN" and m.sector == "GOV"


def test_title_word_not_coref_into_place():
    ms = _ms("Raja Salman dari Arab Saudi tiba. Kapal pesiar berlabuh di Raja Ampat.")
    assert [m.text for m in ms if m.entity_id == "per:salman-bin-abdulaziz"] == ["Raja Salman dari Arab Saudi"]


def test_glued_words_split():
    ms = {m.text: m for m in _ms("Sikap pemerintahIran makin keras setelah tank-tankIsrael bergerak.")}
    assert ms["pemerintahIran"].country == "IRN" and ms["pemerintahIran"].sector == "GOV"
    assert ms["tank-tankIsrael"].country == "ISR" and ms["tank-tankIsrael"].sector == "MIL"


def test_national_teams_and_leagues_are_not_actors():
    assert not _ms("Timnas Indonesia menang dua gol tanpa balas.")
    assert not _ms("Musim depan Liga Inggris dimulai lebih awal.")
    assert not _ms("The England national team lost again.", "en")


def test_general_election_is_not_a_general():
    assert not any(m.sector == "MIL" for m in _ms("The general election will be held in May.", "en"))


def test_company_cue_gives_business_without_country():
    m = next(m for m in _ms("PT Sumber Rejeki Tbk melaporkan kerugian.") if m.kind == "ORG")
    assert m.sector == "BUS" and m.country is None
    m = next(m for m in _ms("Acme Widgets Inc said profits rose.", "en") if m.kind == "ORG")
    assert m.sector == "BUS" and m.country is None
