"""build_cameo_lexicon: a PETRARCH-format verb dictionary becomes English lexicon entries."""
from warta.events import build_cameo_lexicon as b
from warta.events import lexicon

SNIPPET = """\
# a small dictionary written for this test in the PETRARCH2 verb format
&ARMY
+TROOPS
+SOLDIERS
+PARA_MILITARY

####### VERB PATTERNS #######

---  SCOLD   [111]  ---
SCOLD
UPBRAID
CHASTEN
- * (FOR {HUMAN RIGHTS})                              [112]         # UPBRAID
- * (IN PASSING)                                      [---]         # SCOLD
- POLICE * PROTESTERS                                 [173]         # SCOLD

---  SHIFT   [---]  ---
SHIFT
RELOCATE
+PULL_AWAY {+PULLED_AWAY +PULLS_AWAY +PULLING_AWAY} [0874]
- * &ARMY (TO BORDER)                                 [154]         # RELOCATE
- * FOCUS                                             [010]         # SHIFT
- * ATTENTION (TO)                                    [042:043]     # SHIFT

---  WANDER   [190]  ---
WANDER
STROLL
- * AROUND                                            [---]         # STROLL
"""


def _convert(text=SNIPPET, filters=None, hand=frozenset()):
    parsed = b.parse(text)
    assert parsed.errors == []
    return b.convert(parsed, filters or b.Filters(), set(hand))


def test_head_and_own_codes_only_synonyms_stay_uncoded():
    data, stats = _convert()
    verbs = {v: e["cameo"] for e in data["entries"] for v in e.get("verbs", [])}
    assert verbs == {"scold": "111", "wander": "190"}  # block heads; upbraid/chasten/stroll inherit nothing
    phrases = {p: e.get("cameo") for e in data["entries"] if not e.get("ignore") for p in e.get("phrases", [])}
    assert phrases["<pull> away"] == "0874"  # multi-word verb with its own code
    assert stats["synonym_verbs_without_code"] == 3


def test_patterns_become_phrases_for_the_verb_that_named_them():
    data, stats = _convert()
    phrases = {p: e.get("cameo") for e in data["entries"] if not e.get("ignore") for p in e.get("phrases", [])}
    assert phrases["<upbraid> ... for ...3 human rights"] == "112"
    assert phrases["<relocate> ... soldiers|troops ... to ...3 border|borders"] == "154"  # a synset
    assert phrases["<relocate> ... para military|militaries ... to ...3 border|borders"] == "154"
    assert phrases["<shift> ... attention|attentions ... to"] == "042"  # the first of a paired code
    assert not any(p.startswith("<chasten>") for p in phrases)  # the comment names upbraid, not chasten
    assert stats["skipped_pre_verb"] == 1  # "POLICE * PROTESTERS": a subject the matcher cannot check


def test_statement_and_null_patterns_block_coded_verbs_only():
    data, _ = _convert()
    blockers = [p for e in data["entries"] if e.get("ignore") for p in e["phrases"]]
    assert "<scold> ... in ...3 passing" in blockers  # scold codes 111: its null pattern blocks
    assert "<shift> ... focus" in blockers  # shift codes in a pattern (shift attention to)
    assert not any(p.startswith("<stroll>") for p in blockers)  # stroll never codes: nothing to block


def test_filters_and_hand_verbs_win():
    filters = b.Filters(skip_verbs=frozenset({"wander"}))
    data, stats = _convert(filters=filters, hand=lexicon.compile_lexicon("en", {"entries": [
        {"cameo": "111", "verbs": ["scold"]}]}).index)
    verbs = {v for e in data["entries"] for v in e.get("verbs", [])}
    assert verbs == set()  # scold is the hand lexicon's, wander is filtered out
    assert stats["skipped_hand_verb"] >= 1 and stats["skipped_filtered"] >= 1


def test_generated_file_compiles_and_matches():
    data, stats = _convert()
    text = b.dump(data, stats)
    assert text.startswith("# GENERATED FILE")
    assert "MIT" in text and "python -m warta.events.build_cameo_lexicon" in text
    lex = lexicon.compile_lexicon("en", lexicon.read_yaml(text))
    words = "the army relocated two thousand soldiers to the northern border".split()
    (m,) = lexicon.find(lex, words, 0, len(words))
    assert m.entry.cameo == "154" and words[m.start] == "relocated"
    words = "he scolded them in passing".split()
    assert [x.entry.event_type for x in lexicon.find(lex, words, 0, len(words))] == ["IGNORE"]


def test_bad_lines_are_reported_with_their_line_number():
    parsed = b.parse("---  X   [111]  ---\nTWO WORDS\n- * NO CODE HERE\n")
    assert len(parsed.errors) == 2
    assert parsed.errors[0].startswith("line 2:") and parsed.errors[1].startswith("line 3:")


def test_shipped_import_leaves_hand_verbs_to_the_hand_lexicon():
    from importlib import resources

    path = resources.files("warta") / "data" / "lexicons" / "events_en_cameo.yaml"
    text = path.read_text(encoding="utf-8")
    assert "MIT" in text.split("lang:")[0] and "build_cameo_lexicon" in text.split("lang:")[0]
    data = lexicon.read_yaml(text)
    hand, _ = b.hand_lexicon()
    for e in data["entries"]:
        if e.get("ignore"):
            continue
        for v in e.get("verbs", []):
            assert v not in hand, v  # a verb the hand lexicon codes is never imported again
    lexicon.compile_lexicon("en", data)  # every code is known, every entry compiles
