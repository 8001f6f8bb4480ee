"""Indonesian regional governments (Pemprov, Pemkab, Pemkot, Pemerintah Provinsi ...) are Indonesian
government actors (sentences written for this test)."""
from __future__ import annotations

import pytest

from warta.model import Article
from warta.nlp import load


def _mentions(text: str):
    nlp = load("id")
    doc = nlp.make_doc(text)
    doc._.article = Article(id="t1", text=text, lang="id")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.parametrize("name", ["Pemprov", "Pemkab", "Pemkot", "Pemerintah Provinsi", "Pemda"])
def test_a_regional_government_is_an_indonesian_government_actor(name):
    doc = _mentions(f"{name} Jawa Timur menolak keputusan Kemendagri soal batas wilayah.")
    m = next(m for m in doc._.mentions if m.text.startswith(name))
    assert (m.country, m.sector) == ("IDN", "GOV")


def test_a_provincial_government_can_be_the_target_of_a_demand():
    doc = _mentions("“Pemprov tidak boleh lepas tangan,” kata Deni Wicaksono, Wakil Ketua DPRD Jatim.")
    assert any(e.event_type == "REQUEST" and e.target and e.target[0].country == "IDN" for e in doc._.events)
