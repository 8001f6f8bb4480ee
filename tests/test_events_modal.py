"""Demands in reported clauses, future/negated coding, refusals, regret (sentences written for these tests)."""
from __future__ import annotations

from warta.events.lexicon import compile_lexicon, find as find_triggers
from events_helpers import find, run


def test_said_that_y_must_is_request_to_y_en():
    doc = run("The Kenyan foreign minister said on Monday that the Ugandan government and its allies must withdraw "
              "their troops from the border.",
              [("Kenyan foreign minister", "KEN", "PER"), ("Ugandan government", "UGA", "AGENT")], lang="en")
    assert (["KEN"], ["UGA"]) in find(doc, "REQUEST")
    assert not find(doc, "RETREAT")  # the demanded act is not an event of its own


def test_menegaskan_bahwa_y_harus_is_request_to_y_id():
    doc = run("Menteri Luar Negeri Kenya menegaskan bahwa pemerintah Uganda dan sekutunya harus menarik pasukan "
              "dari perbatasan.",
              [("Menteri Luar Negeri Kenya", "KEN", "PER"), ("pemerintah Uganda", "UGA", "AGENT")])
    assert (["KEN"], ["UGA"]) in find(doc, "REQUEST")


def test_subject_after_said_is_not_a_reporter_en():
    # "X said Y must": Y is the subject of the reported clause, not the speaker
    doc = run("The Red Crescent said Chilean and Peruvian forces must guarantee safe passage for the convoys.",
              [("Red Crescent", "IFRC", "ORG"), ("Chilean", "CHL", "GPE"), ("Peruvian forces", "PER", "AGENT")],
              lang="en")
    reqs = find(doc, "REQUEST")
    assert reqs and reqs[0][0] == ["IFRC"] and "PER" in reqs[0][1]


def test_gap_with_number():
    lex = compile_lexicon("en", {"entries": [{"cameo": "100", "phrases": ["<say> ...6 must"]}]})
    words = "he said on friday that the two sides must".split()
    assert [m.tokens for m in find_triggers(lex, words, 0, len(words))] == [(1, 8)]
    words = "he said on friday that the two other sides really must".split()
    assert find_triggers(lex, words, 0, len(words)) == []


def test_future_concession_stays_concede_and_willingness_is_agree():
    doc = run("Pemerintah Thailand akan mencabut jam malam di Bangkok.",
              [("Pemerintah Thailand", "THA", "AGENT"), ("Bangkok", "THA", "GPE")])
    ev = [e for e in doc._.events if e.event_type in ("CONCEDE", "AGREE")]
    assert ev and ev[0].event_type == "CONCEDE" and ev[0].modality == "future"
    doc = run("Ecuador says it is willing to withdraw its soldiers from the frontier with Colombia.",
              [("Ecuador", "ECU", "GPE"), ("it", "ECU", "GPE"), ("Colombia", "COL", "GPE")], lang="en")
    assert find(doc, "AGREE") and not find(doc, "RETREAT")


def test_future_retreat_is_concede():
    doc = run("Pasukan Chile akan mundur dari perbatasan Peru pekan depan.",
              [("Pasukan Chile", "CHL", "AGENT"), ("Peru", "PER", "GPE")])
    assert find(doc, "CONCEDE") and not find(doc, "RETREAT") and not find(doc, "AGREE")


def test_will_not_accept_is_reject():
    doc = run("Jordan says it will not accept any more refugees from Syria.",
              [("Jordan", "JOR", "GPE"), ("it", "JOR", "GPE"), ("Syria", "SYR", "GPE")], lang="en")
    assert find(doc, "REJECT") and not find(doc, "AID")
    doc = run("Yordania menyatakan tidak akan menerima pengungsi dari Suriah.",
              [("Yordania", "JOR", "GPE"), ("Suriah", "SYR", "GPE")])
    assert find(doc, "REJECT")


def test_refused_act_is_not_coded():
    doc = run("Pemerintah Myanmar menolak mencabut jam malam di Yangon.",
              [("Pemerintah Myanmar", "MMR", "AGENT"), ("Yangon", "MMR", "GPE")])
    assert find(doc, "REJECT") and not find(doc, "CONCEDE")


def test_control_stops_at_comma():
    # a threat noun in a concessive clause does not swallow the main verb after the comma
    doc = run("Meski ada ancaman sanksi, pemerintah Myanmar menolak mencabut jam malam di Yangon.",
              [("pemerintah Myanmar", "MMR", "AGENT"), ("Yangon", "MMR", "GPE")])
    assert find(doc, "REJECT")


def test_regret_is_concede():
    doc = run("Militer Myanmar menyesalkan jatuhnya korban sipil di Yangon.",
              [("Militer Myanmar", "MMR", "AGENT"), ("Yangon", "MMR", "GPE")])
    assert find(doc, "CONCEDE") and not find(doc, "ACCUSE")
    doc = run("The Thai army expressed regret over the deaths of civilians in Yala.",
              [("Thai army", "THA", "AGENT"), ("Yala", "THA", "GPE")], lang="en")
    assert find(doc, "CONCEDE") and not find(doc, "ACCUSE")


def test_named_suspect_is_target():
    doc = run("Kejaksaan Agung menetapkan tiga pejabat Kemenkeu sebagai tersangka korupsi.",
              [("Kejaksaan Agung", "IDN", "ORG"), ("pejabat Kemenkeu", "IDN", "AGENT")])
    assert find(doc, "ACCUSE")
