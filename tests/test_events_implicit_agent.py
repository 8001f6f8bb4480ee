"""An arrest, detention, examination or charge reported with no agent is an act of the state's authorities:
the source is that authority, with the country of an authority named in the sentence, else of the target
(sentences written for these tests, news style)."""
from __future__ import annotations

from events_helpers import find, run


def test_an_agentless_detention_takes_the_targets_country():
    doc = run("Mantan Bupati Kolaka Timur ditahan pada Kamis malam.",
              [("Mantan Bupati Kolaka Timur", "IDN", "PER", "GOV")])
    assert (["IDN"], ["IDN"]) in find(doc, "COERCE")


def test_an_agentless_arrest_abroad_takes_the_named_authority_country():
    doc = run("Warga Indonesia itu ditangkap di Los Angeles, menurut otoritas imigrasi AS.",
              [("Warga Indonesia", "IDN", "AGENT"), ("otoritas imigrasi AS", "USA", "ORG", "GOV")])
    events = find(doc, "COERCE")
    assert events and all(s == ["USA"] for s, _ in events)


def test_an_examination_noun_with_its_target():
    doc = run("Pemeriksaan terhadap Direktur Utama PT Sinar Jaya berlangsung delapan jam.",
              [("Direktur Utama PT Sinar Jaya", "IDN", "PER", "BUS")])
    assert (["IDN"], ["IDN"]) in find(doc, "ACCUSE")


def test_an_agent_keeps_its_own_role():
    doc = run("Tersangka ditangkap oleh Polda Metro Jaya di Bekasi.",
              [("Polda Metro Jaya", "IDN", "ORG", "COP")])
    assert all(s == ["IDN"] for s, _ in find(doc, "COERCE"))
    assert find(doc, "COERCE")


def test_an_agentless_attack_gets_no_invented_source():
    doc = run("Pos polisi di Intan Jaya diserang pada Senin dini hari.",
              [("Pos polisi di Intan Jaya", "IDN", "AGENT", "COP")])
    assert not find(doc, "ASSAULT")
