"""Event extraction: lexicon morphology, roles, modality, quotes, coding and the scorer."""
from __future__ import annotations

import pytest

from warta.events import coding, morph_en, morph_id
from warta.events.lexicon import load as load_lexicon
from events_helpers import run, summary_modality as summary
from warta.nlp import load


def test_indonesian_meN_assimilation_and_nominals():
    f = morph_id.forms("kecam")
    assert {"mengecam", "dikecam", "kecaman", "pengecaman", "mengecamnya"} <= set(f)
    assert f["dikecam"] == "passive" and f["kecaman"] == "noun" and f["mengecam"] == "active"
    assert "menyerang" in morph_id.forms("serang") and "penyerangan" in morph_id.forms("serang")
    assert "menangkap" in morph_id.forms("tangkap") and "penangkapan" in morph_id.forms("tangkap")
    assert "memasok" in morph_id.forms("pasok") and "mendesak" in morph_id.forms("desak")
    assert "pertemuan" in morph_id.forms("temu", ["per-an"]) and "bertemu" in morph_id.forms("temu", ["ber"])
    assert "berunding" in morph_id.forms("runding", ["ber"]) and "mengebom" in morph_id.forms("bom")


def test_english_inflection():
    assert {"condemns", "condemned", "condemning"} <= morph_en.inflect("condemn")
    assert {"accused", "accusing"} <= morph_en.inflect("accuse")
    assert {"banned", "denied", "met"} <= morph_en.inflect("ban") | morph_en.inflect("deny") | morph_en.inflect("meet")


def test_coding_table_facts():
    assert coding.lookup("111").plover_type == "ACCUSE" and coding.lookup("111").goldstein == -2.0
    assert coding.lookup("190").quad_class == 4 and coding.lookup("041").plover_mode == "phone"
    assert coding.lookup("0411").plover_type == "CONSULT"  # falls back to its parent code
    lex = load_lexicon("id")
    types = {p.entry.event_type for pats in lex.index.values() for p in pats} - {"IGNORE"}
    assert types == set(coding.PLOVER_TYPES)
    types_en = {p.entry.event_type for pats in load_lexicon("en").index.values() for p in pats} - {"IGNORE"}
    assert types_en == set(coding.PLOVER_TYPES)


def test_compound_source_and_relative_clause():
    text = ("Scholz pada hari Kamis, bersama dengan Presiden Prancis Emmanuel Macron dan Perdana Menteri "
            "Polandia Donald Tusk, mengecam keputusan Presiden Belarus Alexander Lukashenko yang telah mengirim "
            "ratusan tentara ke Rusia.")
    doc = run(text, [("Scholz", "DEU", "PER"), ("Presiden Prancis Emmanuel Macron", "FRA", "PER"),
                     ("Perdana Menteri Polandia Donald Tusk", "POL", "PER"),
                     ("Presiden Belarus Alexander Lukashenko", "BLR", "PER"), ("Rusia", "RUS", "GPE")])
    s = summary(doc)
    assert ("ACCUSE", ["DEU", "FRA", "POL"], ["BLR"], "asserted") in s
    assert ("AID", ["BLR"], ["RUS"], "asserted") in s
    ev = doc._.events[0]
    assert doc.text[ev.trigger.start:ev.trigger.end] == "mengecam"
    assert ev.evidence.start == 0 and ev.cameo == "111" and ev.quad_class == 3 and 0 < ev.confidence <= 1


def test_passive_with_oleh_and_nominal_event():
    doc = run("Dua wartawan Filipina ditangkap oleh polisi Malaysia di Sabah.",
              [("wartawan Filipina", "PHL", None), ("polisi Malaysia", "MYS", None)])
    assert summary(doc) == [("COERCE", ["MYS"], ["PHL"], "asserted")]
    doc = run("Serangan udara Israel terhadap Lebanon menewaskan tiga orang.",
              [("Israel", "ISR", "GPE"), ("Lebanon", "LBN", "GPE")])
    assert ("ASSAULT", ["ISR"], ["LBN"], "asserted") in summary(doc)


def test_modality_future_negated_hypothetical():
    doc = run("Menteri Luar Negeri Retno akan bertemu Menlu Australia di Canberra.",
              [("Menteri Luar Negeri Retno", "IDN", "PER"), ("Menlu Australia", "AUS", "PER")])
    (ev,) = doc._.events
    assert ev.modality == "future" and ev.event_type == "AGREE"  # intent to meet (CAMEO 036)
    assert ev.cameo == "036"
    doc = run("Militer Thailand tidak menyerang Kamboja.", [("Militer Thailand", "THA", None), ("Kamboja", "KHM", "GPE")])
    assert summary(doc) == [("ASSAULT", ["THA"], ["KHM"], "negated")]
    doc = run("Jika Iran menyerang Israel, harga minyak naik.", [("Iran", "IRN", "GPE"), ("Israel", "ISR", "GPE")])
    assert summary(doc)[0][3] == "hypothetical"


def test_clitic_object_and_purpose_clause():
    text = "Presiden Joe Biden akan memanfaatkan pertemuan dengan Xi Jinping untuk mendesaknya agar menekan Pyongyang."
    doc = run(text, [("Presiden Joe Biden", "USA", "PER"), ("Xi Jinping", "CHN", "PER"), ("Pyongyang", "PRK", "GPE")])
    s = summary(doc)
    assert ("REQUEST", ["USA"], ["CHN"], "future") in s
    assert any(t == "AGREE" and src == ["USA"] and tgt == ["CHN"] for t, src, tgt, _ in s)


def test_reported_speech_is_not_the_source():
    text = "Korea Utara memasok amunisi kepada Rusia, menurut pejabat intelijen Korea Selatan."
    doc = run(text, [("Korea Utara", "PRK", "GPE"), ("Rusia", "RUS", "GPE"), ("pejabat intelijen Korea Selatan", "KOR", None)])
    (ev,) = doc._.events
    assert (ev.event_type, ev.source[0].country, ev.target[0].country) == ("AID", "PRK", "RUS")
    assert ev.reported_by is not None and ev.reported_by.country == "KOR"


def test_no_actor_no_event_and_quotes():
    doc = run("Serangan itu terjadi pada malam hari.", [])
    assert doc._.events == []
    text = "“Kami menolak proposal itu,” kata Menteri Luar Negeri Malaysia Anwar kepada wartawan."
    doc = run(text, [("Menteri Luar Negeri Malaysia Anwar", "MYS", "PER")])
    (q,) = doc._.quotes
    assert q.text == "Kami menolak proposal itu," and q.speaker.country == "MYS"
    (ev,) = doc._.events
    assert ev.event_type == "REJECT" and ev.source[0].country == "MYS" and ev.quote == q.text


def test_english_roles_passive_and_future():
    doc = run("Egyptian police arrested 12 Islamist demonstrators in Cairo on Monday.",
              [("Egyptian police", "EGY", None), ("Islamist demonstrators", "EGY", None)], lang="en")
    assert summary(doc) == [("COERCE", ["EGY"], ["EGY"], "asserted")]
    doc = run("Three Turkish soldiers were killed by Kurdish rebels near the border.",
              [("Turkish soldiers", "TUR", None), ("Kurdish rebels", "IRQ", None)], lang="en")
    assert summary(doc) == [("ASSAULT", ["IRQ"], ["TUR"], "asserted")]
    doc = run("Japan said it will provide emergency aid to Nepal.", [("Japan", "JPN", "GPE"), ("Nepal", "NPL", "GPE")], lang="en")
    assert summary(doc) == [("AGREE", ["JPN"], ["NPL"], "future")]
    doc = run("Australia condemned the Chinese navy, officials said.",
              [("Australia", "AUS", "GPE"), ("Chinese navy", "CHN", None)], lang="en")
    assert summary(doc) == [("ACCUSE", ["AUS"], ["CHN"], "asserted")]


def test_scorer_rules(tmp_path):
    from warta.eval.events import score

    gold = [{"id": "r1", "events": [
        {"event_type": "CONSULT", "alt_event_types": ["AGREE"], "source": [{"country": "USA"}], "target": [{"country": "CHN"}]},
        {"event_type": "AID", "source": [{"org": "IGO"}], "target": []}]}]
    preds = {"r1": [{"event_type": "AGREE", "source": [{"country": "USA"}], "target": [{"country": "CHN"}], "modality": "future"},
                    {"event_type": "AID", "source": [{"org": "UN"}], "target": [{"country": "PSE"}]},
                    {"event_type": "ASSAULT", "source": [{"country": "USA"}], "target": []}]}
    out = score(gold, preds, partial=False)
    assert (out["matched"], out["predicted_events"], out["gold_events"]) == (2, 3, 2)
    assert out["precision"] == pytest.approx(0.6667, abs=1e-4) and out["recall"] == 1.0
    assert out["modality_agreement"] == 0.5
