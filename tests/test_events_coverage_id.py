"""Indonesian lexicon coverage: verbs and nouns of everyday news reports (arrests, revocations, oversight,
prosecution, orders and appeals, coordination meetings, denials), each in a sentence written for the test."""
from __future__ import annotations

from events_helpers import find, run, summary


def test_revoking_a_licence_is_coercion():
    doc = run("Pemerintah mencabut izin usaha PT Maju Tambang pekan lalu.",
              [("Pemerintah", "IDN", "AGENT", "GOV"), ("PT Maju Tambang", "IDN", "ORG", "BUS")])
    assert (["IDN"], ["IDN"]) in find(doc, "COERCE")


def test_withdrawing_ones_own_complaint_is_no_revocation():
    doc = run("Partai Buruh mencabut laporan terhadap Bupati Garut.",
              [("Partai Buruh", "IDN", "ORG", "PTY"), ("Bupati Garut", "IDN", "PER", "GOV")])
    assert not find(doc, "COERCE")


def test_coordinating_with_a_ministry_is_a_consultation():
    doc = run("Gubernur Papua berkoordinasi dengan Kementerian Dalam Negeri soal pemekaran.",
              [("Gubernur Papua", "IDN", "PER", "GOV"), ("Kementerian Dalam Negeri", "IDN", "ORG", "GOV")])
    assert find(doc, "CONSULT")


def test_a_meeting_led_by_the_president_is_a_consultation():
    doc = run("Presiden Joko Widodo memimpin rapat terbatas di Istana Merdeka.",
              [("Presiden Joko Widodo", "IDN", "PER", "GOV")])
    assert (["IDN"], []) in find(doc, "CONSULT")


def test_a_legislators_push_on_the_government_is_a_request():
    doc = run("Anggota DPR mendorong pemerintah daerah segera membayar gaji guru honorer.",
              [("Anggota DPR", "IDN", "AGENT", "LEG"), ("pemerintah daerah", "IDN", "AGENT", "GOV")])
    assert (["IDN"], ["IDN"]) in find(doc, "REQUEST")


def test_pushing_growth_is_no_request():
    doc = run("Bank Indonesia mendorong pertumbuhan kredit tahun ini.",
              [("Bank Indonesia", "IDN", "ORG", "GOV")])
    assert not find(doc, "REQUEST")


def test_stressing_what_must_be_done_is_a_request():
    doc = run("Menteri Sosial menekankan pentingnya pendataan ulang penerima bantuan.",
              [("Menteri Sosial", "IDN", "PER", "GOV")])
    assert find(doc, "REQUEST")


def test_a_denial_is_a_rejection():
    doc = run("Kementerian Luar Negeri Malaysia membantah tuduhan Filipina soal nelayan yang ditahan.",
              [("Kementerian Luar Negeri Malaysia", "MYS", "ORG", "GOV"), ("Filipina", "PHL", "GPE")])
    assert any(s == ["MYS"] for s, _ in find(doc, "REJECT"))


def test_oversight_of_a_company_is_an_investigation():
    doc = run("Kementerian Lingkungan Hidup mengawasi PT Sumber Nikel di Halmahera.",
              [("Kementerian Lingkungan Hidup", "IDN", "ORG", "GOV"), ("PT Sumber Nikel", "IDN", "ORG", "BUS")])
    assert (["IDN"], ["IDN"]) in find(doc, "ACCUSE")


def test_handing_a_case_to_prosecutors_is_an_accusation():
    doc = run("Polda Riau melimpahkan berkas tersangka ke Kejaksaan Tinggi Riau.",
              [("Polda Riau", "IDN", "ORG", "COP"), ("Kejaksaan Tinggi Riau", "IDN", "ORG", "JUD")])
    assert any(s == ["IDN"] for s, _ in find(doc, "ACCUSE"))


def test_intercepting_a_ship_is_a_seizure():
    doc = run("Angkatan Laut Yunani mencegat kapal Turki di Laut Aegea.",
              [("Angkatan Laut Yunani", "GRC", "ORG", "MIL"), ("kapal Turki", "TUR", "AGENT")])
    assert (["GRC"], ["TUR"]) in find(doc, "COERCE")


def test_an_order_that_names_the_ordered_act_gives_that_act_not_a_request():
    doc = run("Kapolri memerintahkan penangkapan pemimpin kelompok itu.",
              [("Kapolri", "IDN", "PER", "COP")])
    types = [t for t, _, _ in summary(doc)]
    assert "REQUEST" not in types
    assert (["IDN"], []) in find(doc, "COERCE")


def test_an_order_to_an_actor_alone_stays_a_request():
    doc = run("Bupati memerintahkan Dinas Kesehatan, kemarin.",
              [("Bupati", "IDN", "PER", "GOV"), ("Dinas Kesehatan", "IDN", "ORG", "GOV")])
    assert (["IDN"], ["IDN"]) in find(doc, "REQUEST")


def test_investigators_probing_a_role_is_an_investigation():
    doc = run("Penyidik KPK mendalami peran Bupati Sidoarjo dalam kasus suap.",
              [("Penyidik KPK", "IDN", "ORG", "COP"), ("Bupati Sidoarjo", "IDN", "PER", "GOV")])
    assert (["IDN"], ["IDN"]) in find(doc, "ACCUSE")


def test_in_it_is_no_investigation():
    doc = run("Kementerian Agama menerbitkan aturan baru, didalamnya ada syarat untuk Partai Buruh.",
              [("Kementerian Agama", "IDN", "ORG", "GOV"), ("Partai Buruh", "IDN", "ORG", "PTY")])
    assert not find(doc, "ACCUSE")


def test_troops_sent_in_are_a_deployment():
    doc = run("TNI menerjunkan 500 prajurit ke Kabupaten Intan Jaya.",
              [("TNI", "IDN", "ORG", "MIL")])
    assert any(s == ["IDN"] for s, _ in find(doc, "MOBILIZE"))
