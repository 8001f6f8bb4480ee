"""A date next to a reporting verb dates the statement, not the earlier acts it reports."""
from datetime import date

import spacy

from warta.model import Article, Event, Span
from warta.nlp import extensions  # noqa: F401
from warta.when_where.component import WhenWhere

PUB = date(2025, 6, 18)  # a Wednesday


def _event(text: str, trigger: str, sentence: str | None = None) -> Event:
    sentence = sentence or text
    s0 = text.index(sentence)
    t0 = text.index(trigger, s0)
    return Event(doc_id="r1", sentence_index=0, event_type="ASSAULT", mode=None, cameo=None, goldstein=None,
                 quad_class=None, source=[], target=[], modality="asserted",
                 evidence=Span(s0, s0 + len(sentence), sentence), trigger=Span(t0, t0 + len(trigger), trigger),
                 confidence=1.0)


def _dates(lang: str, text: str, *triggers: str, pub: date = PUB) -> list[tuple]:
    d = spacy.blank(lang).make_doc(text)
    d._.article = Article(id="r1", text=text, published=pub)
    d._.events = [_event(text, t) for t in triggers]
    WhenWhere()(d)
    return [(e.event_date, e.event_date_text) for e in d._.events]


def test_statement_date_does_not_pass_to_the_earlier_attack_it_reports():
    text = ("Kementerian Kesehatan mengatakan pada Senin (16/6) bahwa serangan pasukan itu telah "
            "menewaskan dua puluh warga di kamp pengungsi.")
    said, killed = _dates("id", text, "mengatakan", "menewaskan")
    assert said == ("2025-06-16", "Senin (16/6)")
    assert killed == (None, None)


def test_reported_act_with_its_own_date_takes_it():
    text = ("Juru bicara militer mengatakan pada Selasa (17/6) bahwa pasukannya sudah menembak jatuh "
            "dua pesawat nirawak pada Minggu (15/6).")
    assert _dates("id", text, "menembak jatuh") == [("2025-06-15", "Minggu (15/6)")]


def test_quote_first_statement_date_is_not_the_quoted_past_act():
    text = '"Pemerintah daerah sudah tegas melarang tambang di pulau itu," kata Bupati kepada wartawan, Selasa (17/6/2025).'
    assert _dates("id", text, "melarang") == [(None, None)]


def test_same_day_act_reported_without_anteriority_keeps_the_date():
    text = ("Kementerian Pertahanan mengatakan pada Senin (16/6) bahwa pihaknya mengirimkan "
            "kapal perang tambahan ke perairan itu.")
    assert _dates("id", text, "mengirimkan") == [("2025-06-16", "Senin (16/6)")]


def test_date_of_the_act_itself_is_kept():
    text = "Pasukan Israel menyerang kamp pengungsi pada Senin (16/6), kata pejabat setempat."
    assert _dates("id", text, "menyerang") == [("2025-06-16", "Senin (16/6)")]


def test_english_said_on_monday_that_had_attacked():
    text = "The foreign ministry said on Monday that rebels had attacked a convoy near the border."
    said, attacked = _dates("en", text, "said", "attacked")
    assert said == ("2025-06-16", "on Monday")
    assert attacked == (None, None)


def test_future_act_after_an_anteriority_cue_keeps_the_date():
    # "telah" belongs to the relative clause; the reported act itself is still to come
    text = ("Komandan itu mengatakan pada Senin (16/6) bahwa pasukan yang telah dikerahkan akan menyerang "
            "markas kelompok bersenjata itu.")
    assert _dates("id", text, "menyerang") == [("2025-06-16", "Senin (16/6)")]


def test_same_day_cue_keeps_the_statement_date():
    text = '"Kami tadi sudah menyampaikan permintaan itu kepada pimpinan KPK," kata Menteri, Rabu (18/6/2025).'
    assert _dates("id", text, "menyampaikan") == [("2025-06-18", "Rabu (18/6/2025)")]
