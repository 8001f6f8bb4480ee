"""English: "X said Y should ..." is a demand of X on Y, "should" is no assertion, "claimed" is an allegation
(sentences written for these tests)."""
from __future__ import annotations

from events_helpers import find, run


def test_said_y_should_is_request_to_y_and_not_the_act():
    doc = run("The Ugandan foreign minister said the Kenyan government should withdraw its troops from the border.",
              [("Ugandan foreign minister", "UGA", "PER"), ("Kenyan government", "KEN", "AGENT")], lang="en")
    assert (["UGA"], ["KEN"]) in find(doc, "REQUEST")
    assert not find(doc, "RETREAT")  # the act demanded did not happen


def test_should_alone_is_not_asserted():
    doc = run("Britain should impose sanctions on Zimbabwe.",
              [("Britain", "GBR", "GPE"), ("Zimbabwe", "ZWE", "GPE")], lang="en")
    assert [e.modality for e in doc._.events if e.event_type == "SANCTION"] in ([], ["hypothetical"])


def test_claimed_is_an_allegation_against_the_accused():
    doc = run("The Conservatives claimed the Labour government had misled voters about the cost of the scheme.",
              [("Conservatives", "GBR", "ORG", "OPP"), ("Labour government", "GBR", "AGENT", "GOV")], lang="en")
    assert (["GBR"], ["GBR"]) in find(doc, "ACCUSE")


def test_claiming_victory_or_responsibility_is_no_accusation():
    doc = run("The rebels claimed responsibility for the bombing in Kabul.",
              [("rebels", "AFG", "AGENT", "REB"), ("Kabul", "AFG", "GPE")], lang="en")
    assert not find(doc, "ACCUSE")
    doc = run("The ruling party claimed victory in the Ukrainian election.",
              [("ruling party", "UKR", "AGENT", "GOV")], lang="en")
    assert not find(doc, "ACCUSE")


def test_sense_limits_fight_a_seat_accept_a_point_yield_evidence():
    doc = run("Labour will fight rising prices and the Conservatives will fight the seat in Wales.",
              [("Labour", "GBR", "ORG", "PTY"), ("Conservatives", "GBR", "ORG", "OPP"), ("Wales", "GBR", "GPE")],
              lang="en")
    assert not find(doc, "ASSAULT")
    doc = run("The minister accepted that the Scottish Executive had made mistakes.",
              [("minister", "GBR", "AGENT", "GOV"), ("Scottish Executive", "GBR", "ORG", "GOV")], lang="en")
    assert not find(doc, "AGREE")
    doc = run("The Welsh police said the new tests would yield evidence against the gang.",
              [("Welsh police", "GBR", "AGENT", "COP")], lang="en")
    assert not find(doc, "AGREE") and not find(doc, "CONCEDE")


def test_yielding_to_pressure_and_accepting_a_deal_stay_events():
    doc = run("The Ukrainian government yielded to pressure from the European Union.",
              [("Ukrainian government", "UKR", "AGENT", "GOV"), ("European Union", "EU", "ORG")], lang="en")
    assert find(doc, "CONCEDE")
    doc = run("Iran accepted the deal offered by France.", [("Iran", "IRN", "GPE"), ("France", "FRA", "GPE")],
              lang="en")
    assert find(doc, "AGREE")


def test_verbal_attack_on_a_policy_is_criticism_not_assault():
    doc = run("The Liberal Democrat spokesman attacked the government's unfair council tax plans.",
              [("Liberal Democrat spokesman", "GBR", "AGENT", "OPP"), ("government", "GBR", "AGENT", "GOV")],
              lang="en")
    assert find(doc, "ACCUSE") and not find(doc, "ASSAULT")
    doc = run("Rebels attacked a Nigerian army base near Maiduguri.",
              [("Rebels", "NGA", "AGENT", "REB"), ("Nigerian army", "NGA", "AGENT", "MIL")], lang="en")
    assert find(doc, "ASSAULT")


def test_nouns_and_idioms_that_look_like_acts():
    cases = [
        ("The Chilean ministers have rigid targets for waiting times.", [("Chilean ministers", "CHL", "AGENT", "GOV")]),
        ("The Peruvian president was sworn in at a ceremony in Lima.", [("Peruvian president", "PER", "AGENT", "GOV")]),
        ("The Irish government said the amendment would kill the bill.", [("Irish government", "IRL", "AGENT", "GOV")]),
        ("Schools in Wales will hold a mock election next month.", [("Wales", "GBR", "GPE")]),
        ("The Dutch minister asked why the police had waited so long.",
         [("Dutch minister", "NLD", "AGENT", "GOV"), ("police", "NLD", "AGENT", "COP")]),
        ("Canada backs the treaty, provided it protects fishing rights.", [("Canada", "CAN", "GPE")]),
    ]
    for text, actors in cases:
        doc = run(text, actors, lang="en")
        types = {e.event_type for e in doc._.events}
        assert not types & {"ASSAULT", "AGREE", "REQUEST", "ACCUSE", "AID"}, (text, types)
