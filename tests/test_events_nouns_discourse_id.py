"""Event nouns with their actors, sense limits, and country anaphora in Indonesian (sentences written for these
tests, news style)."""
from __future__ import annotations

from events_helpers import find, run


def test_the_agent_of_a_noun_named_by_a_light_passive():
    doc = run("Pembunuhan wartawan itu dilakukan oleh milisi Sudan, menurut saksi.",
              [("milisi Sudan", "SDN", "AGENT", "REB")])
    assert (["SDN"], []) in find(doc, "ASSAULT")


def test_the_possessor_in_a_phrase_gap_is_the_source_and_the_objects_owner_the_target():
    doc = run("Penolakan Hamas terhadap usulan Mesir disampaikan pada Sabtu.",
              [("Hamas", "PSE", "ORG", "REB"), ("Mesir", "EGY", "GPE")])
    assert (["PSE"], ["EGY"]) in find(doc, "REJECT")


def test_occupying_a_rank_is_no_occupation():
    doc = run("Partai Golkar menduduki posisi kedua dalam survei terbaru.",
              [("Partai Golkar", "IDN", "ORG", "PTY")])
    assert not find(doc, "ASSAULT")


def test_occupying_territory_stays_an_assault():
    doc = run("Rusia menduduki wilayah timur Ukraina sejak 2022.",
              [("Rusia", "RUS", "GPE"), ("Ukraina", "UKR", "GPE")])
    assert any(s == ["RUS"] for s, _ in find(doc, "ASSAULT"))


def test_this_country_is_the_country_leading_the_previous_sentence():
    doc = run("Venezuela mengecam Kolombia. Negara ini juga menuduh Amerika Serikat mendanai oposisi.",
              [("Venezuela", "VEN", "GPE"), ("Kolombia", "COL", "GPE"), ("Amerika Serikat", "USA", "GPE")])
    assert (["VEN"], ["USA"]) in find(doc, "ACCUSE")


def test_the_zionist_regime_is_israel():
    doc = run("Rezim zionis kembali membombardir Rafah, kata Kementerian Luar Negeri Iran.",
              [("Rafah", "PSE", "GPE"), ("Kementerian Luar Negeri Iran", "IRN", "ORG", "GOV")])
    assert any(s == ["ISR"] for s, _ in find(doc, "ASSAULT"))
