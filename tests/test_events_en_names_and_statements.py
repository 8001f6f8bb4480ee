"""English: triggers inside proper names, 'insisted' statements, claims as nouns (sentences written for these tests)."""
from __future__ import annotations

from warta.events.names_en import inside_proper_name
from events_helpers import find, run


def _at(sentence: str, word: str) -> bool:
    i = sentence.index(word)
    return inside_proper_name(sentence, i, i + len(word))


def test_capitalised_trigger_inside_a_name():
    assert _at("He said the National Audit Office should judge.", "Audit")
    assert _at("They appealed to the Special Immigration Appeals Commission on Monday.", "Appeals")
    assert _at("Aid agencies praised the Disasters Emergency Committee.", "Emergency")
    assert not _at("Attacks on aid workers rose last year.", "Attacks")  # sentence-initial
    assert not _at('He said: "Attacks will not stop us."', "Attacks")  # first word of a quote
    assert not _at("The Irish army attacked the camp.", "attacked")


def test_name_trigger_gives_no_event():
    doc = run("Lib Dem spokesman Vince Smith said the public did not know who to believe and the National Audit Office "
              "should judge.", [("Lib Dem spokesman Vince Smith", "GBR", "PER", "OPP")], lang="en")
    assert not find(doc, "ACCUSE")


def test_insisted_statement_is_no_demand_but_insisting_on_is():
    doc = run("The Belgian prime minister insisted he had done no deals with the Dutch government.",
              [("Belgian prime minister", "BEL", "AGENT", "GOV"), ("Dutch government", "NLD", "AGENT", "GOV")],
              lang="en")
    assert not find(doc, "REQUEST")
    doc = run("The Belgian government insisted on the release of the Dutch journalists.",
              [("Belgian government", "BEL", "AGENT", "GOV"), ("Dutch journalists", "NLD", "AGENT", "MED")],
              lang="en")
    assert find(doc, "REQUEST")


def test_claims_as_a_noun_and_a_tough_fight_are_no_events():
    doc = run("The Danish ministers must respond to claims that the advice was changed.",
              [("Danish ministers", "DNK", "AGENT", "GOV")], lang="en")
    assert not find(doc, "ACCUSE")
    doc = run("The Danish prime minister predicted a tough fight at the next election.",
              [("Danish prime minister", "DNK", "AGENT", "GOV")], lang="en")
    assert not find(doc, "ASSAULT")


def test_dismissing_claims_stays_a_rejection():
    doc = run("The Danish prime minister dismissed claims that the plans would raise taxes.",
              [("Danish prime minister", "DNK", "AGENT", "GOV")], lang="en")
    assert find(doc, "REJECT")


def test_public_funds_are_no_aid_and_retaken_is_a_capture():
    doc = run("The Haitian president was accused of misusing public funds.",
              [("Haitian president", "HTI", "AGENT", "GOV")], lang="en")
    assert not find(doc, "AID")
    doc = run("Syrian troops have retaken the town from the Turkish army.",
              [("Syrian troops", "SYR", "AGENT", "MIL"), ("Turkish army", "TUR", "AGENT", "MIL")], lang="en")
    assert find(doc, "ASSAULT")


def test_targeting_is_an_attack_only_with_arms():
    doc = run("The Israeli army targeted a Hamas base in Gaza with missiles.",
              [("Israeli army", "ISR", "AGENT", "MIL"), ("Hamas", "HMS", "ORG", "REB"), ("Gaza", "PSE", "GPE")],
              lang="en")
    assert find(doc, "ASSAULT")
    doc = run("The Welsh police targeted young drivers in the new campaign.",
              [("Welsh police", "GBR", "AGENT", "COP")], lang="en")
    assert not find(doc, "ASSAULT")
