"""warta_actors with a trained NER: PER/ORG entities the linker misses become new entities."""
from __future__ import annotations

import pytest

from warta import nlp as nlp_mod
from warta.actors.linker import Linker

pytestmark = pytest.mark.skipif(nlp_mod.model_path("id") is None, reason="trained Indonesian model not shipped")

TEXT = ("Koordinator lapangan Rudi Hartono Siregar memimpin unjuk rasa di Medan pada Senin. "
        "Siregar menuntut kenaikan upah buruh.")


@pytest.fixture(scope="module")
def trained():
    return nlp_mod.load("id", use_model=True)


def test_new_person_from_ner(trained):
    doc = trained(TEXT)
    assert doc.has_annotation("ENT_IOB")
    per = [m for m in doc._.mentions if m.kind == "PER" and m.entity_id == "new:rudi-hartono-siregar"]
    assert per, [(m.text, m.entity_id) for m in doc._.mentions]
    assert per[0].name == "Rudi Hartono Siregar"
    # the later short form is the same person
    later = [m for m in doc._.mentions if m.text == "Siregar"]
    assert later and later[0].entity_id == "new:rudi-hartono-siregar"


def test_rules_mode_adds_none():
    rules = nlp_mod.load("id", use_model=False)
    doc = rules(TEXT)
    assert not doc.has_annotation("ENT_IOB")
    assert not any(m.entity_id == "new:rudi-hartono-siregar" for m in doc._.mentions)
    assert doc._.mentions == Linker.default().link(TEXT)


def _link(text, ents):
    return Linker.default().link(text, None, "id", ents=ents)


def _span(text, s, label):
    i = text.index(s)
    return (i, i + len(s), label)


def test_organisation_country_and_sector_from_name():
    t = "Asosiasi Nelayan Filipina Bersatu menolak aturan baru itu."
    ms = _link(t, [_span(t, "Asosiasi Nelayan Filipina Bersatu", "ORG")])
    org = [m for m in ms if m.kind == "ORG" and m.entity_id == "new:asosiasi-nelayan-filipina-bersatu"]
    assert org and org[0].country == "PHL"


def test_guards():
    t = ("Pada Senin Juni lalu, film \"Pengabdi Setan\" diputar. Warga Jakarta datang. "
         "Direktur Yayasan Bumi Hijau datang. 'budi' datang dan KRL penuh.")
    ents = [_span(t, "Senin Juni", "PER"), _span(t, "Pengabdi Setan", "PER"), _span(t, "Jakarta", "ORG"),
            _span(t, "budi", "PER"), _span(t, "KRL", "ORG")]
    ms = _link(t, ents)
    assert not any((m.entity_id or "").startswith("new:") and m.text in ("Senin Juni", "Pengabdi Setan", "budi", "KRL")
                   for m in ms)
    assert not any(m.kind in ("PER", "ORG") and m.text == "Jakarta" for m in ms)


def test_acronym_in_parentheses_is_the_organisation():
    t = "Perhimpunan Petani Sawit Nusantara (PPSN) menggelar aksi. Polisi menjaga."
    ms = _link(t, [_span(t, "PPSN", "ORG")])
    full = next(m for m in ms if m.text == "Perhimpunan Petani Sawit Nusantara")
    acr = next(m for m in ms if m.text == "PPSN")
    assert acr.entity_id == full.entity_id and acr.sector == full.sector


def test_no_overlap_with_linker_mentions():
    t = "Presiden Joe Biden bertemu Perdana Menteri Jepang Shigeru Ishiba."
    base = Linker.default().link(t)
    ms = _link(t, [_span(t, "Joe Biden", "PER"), _span(t, "Shigeru Ishiba", "PER")])
    assert [(m.start, m.end, m.entity_id) for m in ms] == [(m.start, m.end, m.entity_id) for m in base]
