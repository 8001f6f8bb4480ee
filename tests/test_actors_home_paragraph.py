"""The home country of bare Indonesian agents is decided per paragraph, not per article."""
from datetime import date

from warta.actors import link

D = date(2025, 6, 17)


def _bare(ms, text):
    return [m.country for m in ms if m.text == text]


def test_domestic_paragraph_keeps_idn_in_an_article_that_names_a_foreign_leader():
    text = ("Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di Kuala Lumpur.\n"
            "Sementara itu di Medan, polisi menangkap puluhan mahasiswa yang berunjuk rasa.\n"
            "Polisi juga menyita spanduk.")
    ms = link(text, D)
    assert _bare(ms, "polisi") == ["IDN"]
    assert _bare(ms, "Polisi") == ["IDN"]  # the next paragraph continues the domestic story


def test_foreign_paragraph_and_its_continuation_are_not_idn():
    text = "Polisi menembakkan gas air mata ke arah demonstran di Nairobi, Kenya.\nPolisi menangkap 20 orang."
    assert set(_bare(link(text, D), "Polisi")) == {"KEN"}


def test_paragraph_naming_no_country_follows_the_article():
    assert _bare(link("Polisi menangkap dua tersangka pencurian.", D), "Polisi") == ["IDN"]
    text = "Polisi Thailand menahan dua warga Kamboja.\n\nPolisi menyebut keduanya tidak berdokumen."
    assert "IDN" not in _bare(link(text, D), "Polisi")
