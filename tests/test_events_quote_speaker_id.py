"""The speaker of a direct quote in Indonesian: the source of the acts in the quote that have none, and the
demander of the norms the quote states of another actor (sentences written for these tests, news style)."""
from __future__ import annotations

from events_helpers import find, run


def test_a_norm_said_of_an_actor_in_a_quote_is_the_speakers_demand():
    doc = run("“Pemprov tidak boleh lepas tangan soal banjir ini,” kata Ketua DPRD Jatim Budi.",
              [("Pemprov", "IDN", "ORG", "GOV"), ("Ketua DPRD Jatim Budi", "IDN", "PER", "LEG")])
    reqs = find(doc, "REQUEST")
    assert len(reqs) == 1
    ev = next(e for e in doc._.events if e.event_type == "REQUEST")
    assert ev.source[0].text == "Ketua DPRD Jatim Budi" and ev.target[0].text == "Pemprov"


def test_a_norm_in_a_quote_of_several_sentences_is_the_demand_of_the_speaker_named_at_its_end():
    doc = run("“Kami sudah menunggu tiga bulan. Polisi juga harus segera menangkap pelakunya,” ujar Menteri Yasonna.",
              [("Polisi", "IDN", "ORG", "COP"), ("Menteri Yasonna", "IDN", "PER", "GOV")])
    ev = [e for e in doc._.events if e.event_type == "REQUEST"]
    assert [(e.source[0].text, e.target[0].text) for e in ev] == [("Menteri Yasonna", "Polisi")]


def test_the_speakers_norm_for_himself_is_no_demand():
    doc = run("“Kami harus bekerja lebih keras lagi,” kata Gubernur Khofifah.",
              [("Gubernur Khofifah", "IDN", "PER", "GOV")])
    assert not find(doc, "REQUEST")


def test_a_norm_outside_a_quote_is_the_writers_and_no_event():
    doc = run("Menurut undang-undang, Pemprov harus menyerahkan laporan keuangan setiap tahun.",
              [("Pemprov", "IDN", "ORG", "GOV")])
    assert not find(doc, "REQUEST")


def test_a_norm_with_no_actor_as_its_subject_is_no_demand():
    doc = run("“Solusinya harus dicapai lewat jalur diplomatik,” kata Menlu Sugiono.",
              [("Menlu Sugiono", "IDN", "PER", "GOV")])
    assert not find(doc, "REQUEST")


def test_praise_in_a_quote_without_its_own_subject_is_the_speakers():
    doc = run("“Sangat mengapresiasi langkah Kejaksaan Agung. Kasus ini sudah tiga bulan berjalan,” "
              "kata anggota DPR Rudi.",
              [("Kejaksaan Agung", "IDN", "ORG", "JUD"), ("anggota DPR Rudi", "IDN", "PER", "LEG")])
    ev = [e for e in doc._.events if e.event_type == "SUPPORT"]
    assert [(e.source[0].text, e.target[0].text) for e in ev] == [("anggota DPR Rudi", "Kejaksaan Agung")]


def test_a_passive_in_a_quote_does_not_take_the_speaker_as_its_agent():
    doc = run("“Warga kami diculik di perbatasan. Mereka dibawa ke hutan,” kata juru bicara TNI.",
              [("juru bicara TNI", "IDN", "PER", "MIL")])
    assert not any(e.source and e.source[0].text == "juru bicara TNI" for e in doc._.events
                   if e.event_type in ("ASSAULT", "COERCE"))


def test_a_norm_in_reported_speech_is_the_reporters_demand():
    doc = run("Jika tidak juga diganti, maka, kata Sahroni, pemerintah harus tegas mencabut izin ormas tersebut.",
              [("Sahroni", "IDN", "PER", "LEG"), ("pemerintah", "IDN", "ORG", "GOV")])
    ev = [e for e in doc._.events if e.event_type == "REQUEST"]
    assert [(e.source[0].text, e.target[0].text) for e in ev] == [("Sahroni", "pemerintah")]
