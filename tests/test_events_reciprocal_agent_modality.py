"""Reciprocal acts, agents after an Indonesian passive, and the modality of norms and conditional consequences
(sentences written for these tests, news style)."""
from __future__ import annotations

from events_helpers import find, run, summary_modality


def test_mutual_attacks_have_both_sides_as_source_and_no_recipient():
    doc = run("Armenia dan Azerbaijan saling serang di perbatasan, kata kementerian pertahanan.",
              [("Armenia", "ARM", "GPE"), ("Azerbaijan", "AZE", "GPE")])
    assert (["ARM", "AZE"], []) in find(doc, "ASSAULT")


def test_mutual_strikes_take_no_guessed_recipient():
    doc = run("India dan Pakistan terus saling melancarkan serangan udara, sementara China menyerukan dialog.",
              [("India", "IND", "GPE"), ("Pakistan", "PAK", "GPE"), ("China", "CHN", "GPE")])
    assert all(t == [] for _, t in find(doc, "ASSAULT"))
    assert find(doc, "ASSAULT")


def test_an_agent_head_noun_after_a_passive():
    doc = run("Tersangka ditangkap personel Polres Bogor di sebuah rumah kos.",
              [("Polres Bogor", "IDN", "ORG", "COP")])
    assert any(s == ["IDN"] for s, _ in find(doc, "COERCE"))


def test_what_the_government_must_do_is_not_asserted():
    doc = run("Menurut Ketua Komisi II, pemerintah harus mencabut izin perusahaan itu.",
              [("Ketua Komisi II", "IDN", "PER", "LEG"), ("pemerintah", "IDN", "AGENT", "GOV")])
    mods = [mod for t, _, _, mod in summary_modality(doc) if t == "COERCE"]
    assert mods and "asserted" not in mods


def test_the_consequence_of_a_condition_is_hypothetical():
    doc = run("Jika perundingan gagal, Korea Utara akan menembakkan rudal ke laut.",
              [("Korea Utara", "PRK", "GPE")])
    assert all(mod != "asserted" for _, _, _, mod in summary_modality(doc))


def test_a_plain_statement_stays_asserted():
    doc = run("Polisi Malaysia menangkap dua warga Myanmar di Johor.",
              [("Polisi Malaysia", "MYS", "ORG", "COP"), ("warga Myanmar", "MMR", "AGENT")])
    assert [("COERCE", ["MYS"], ["MMR"], "asserted")] == [x for x in summary_modality(doc) if x[0] == "COERCE"]
