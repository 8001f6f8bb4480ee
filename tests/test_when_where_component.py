"""The warta_when_where component on docs whose events are built by hand."""
from datetime import date

import pytest
import spacy

from warta.model import Article, Event, Span
from warta.nlp import extensions  # noqa: F401
from warta.when_where.component import WhenWhere

NLP_ID = spacy.blank("id")

ARTICLE = (
    "Kabarnews.com, JAKARTA - Menteri Luar Negeri Sugiono bertemu Menlu Jepang di Tokyo pada Kamis (14/11/2024).\n"
    "Keduanya membahas kerja sama maritim.\n"
    "Sebelumnya, Sugiono mengunjungi Beijing dan menandatangani nota kesepahaman.\n"
    "Presiden Prabowo akan menerima PM Jepang di Istana Merdeka, Jakarta, pada Senin (18/11).\n"
    "Tiga hari sebelumnya, kapal penjaga pantai kedua negara berlatih di Laut Natuna Utara.\n"
    "Pasukan tambahan dikirim ke pangkalan tersebut.\n"
    "Warga setempat menggelar unjuk rasa menolak rencana itu.\n"
    "Sugiono berbicara dengan Menlu Tiongkok beberapa hari lalu."
)


def _event(text: str, sentence: str, trigger: str, modality: str = "asserted") -> Event:
    s0 = text.index(sentence)
    t0 = text.index(trigger, s0)
    return Event(doc_id="a1", sentence_index=0, event_type="CONSULT", mode=None, cameo=None, goldstein=None,
                 quad_class=None, source=[], target=[], modality=modality,
                 evidence=Span(s0, s0 + len(sentence), sentence), trigger=Span(t0, t0 + len(trigger), trigger),
                 confidence=1.0)


@pytest.fixture(scope="module")
def doc():
    d = NLP_ID.make_doc(ARTICLE)
    d._.article = Article(id="a1", text=ARTICLE, published=date(2024, 11, 15), place="JAKARTA")
    lines = ARTICLE.split("\n")
    d._.events = [
        _event(ARTICLE, lines[0], "bertemu"),
        _event(ARTICLE, lines[1], "membahas"),
        _event(ARTICLE, lines[2], "menandatangani"),
        _event(ARTICLE, lines[3], "menerima", modality="future"),
        _event(ARTICLE, lines[4], "berlatih"),
        _event(ARTICLE, lines[5], "dikirim"),
        _event(ARTICLE, lines[6], "unjuk rasa"),
        _event(ARTICLE, lines[7], "berbicara"),
    ]
    return WhenWhere()(d)


def test_dates(doc):
    got = [(e.event_date, e.event_date_text) for e in doc._.events]
    assert got[0] == ("2024-11-14", "Kamis (14/11/2024)")
    assert got[1] == ("2024-11-14", "Kamis (14/11/2024)")  # article time frame
    assert got[2] == (None, None)  # "Sebelumnya": not the frame
    assert got[3] == ("2024-11-18", "Senin (18/11)")
    assert got[4][0] == "2024-11-15"  # three days before the last day named (18 Nov)
    assert got[7] == (None, "beberapa hari lalu")  # vague: no date, not the frame either


def test_places(doc):
    locs = [e.location for e in doc._.events]
    assert (locs[0].name, locs[0].country) == ("Tokyo", "JPN")
    assert locs[1] is None  # no place in the sentence: the dateline is not inherited
    assert locs[2] is None  # "mengunjungi Beijing" has no place preposition
    assert (locs[3].name, locs[3].admin1) == ("Istana Merdeka", "DKI Jakarta")
    assert (locs[4].name, locs[4].country) == ("Laut Natuna Utara", "IDN")
    assert (locs[5].text, locs[5].name) == ("pangkalan tersebut", "Laut Natuna Utara")  # anaphora
    assert (locs[6].name, locs[6].country) == ("Jakarta", "IDN")  # "setempat" -> dateline place
    assert locs[7] is None


def test_english_doc_and_missing_publication_date():
    text = "Ukrainian forces shelled positions near Donetsk on 3 March 2025. Officials met in Kyiv on Friday."
    nlp = spacy.blank("en")
    d = nlp.make_doc(text)
    d._.article = Article(id="e1", text=text, published=None)
    d._.events = [_event(text, "Ukrainian forces shelled positions near Donetsk on 3 March 2025.", "shelled"),
                  _event(text, "Officials met in Kyiv on Friday.", "met")]
    WhenWhere()(d)
    a, b = d._.events
    assert (a.event_date, a.location.country) == ("2025-03-03", "UKR")
    assert b.event_date is None and b.event_date_text == "on Friday"  # no publication date: unknowable
    assert b.location.name == "Kyiv"


def test_future_bare_weekday_goes_forward():
    text = "Presiden dijadwalkan menerima PM Jepang pada Senin. Kemarin Presiden menerima Menlu Australia."
    d = NLP_ID.make_doc(text)
    d._.article = Article(id="a2", text=text, published=date(2024, 12, 31))  # a Tuesday
    d._.events = [_event(text, "Presiden dijadwalkan menerima PM Jepang pada Senin.", "menerima"),
                  _event(text, "Kemarin Presiden menerima Menlu Australia.", "menerima Menlu")]
    WhenWhere()(d)
    assert [e.event_date for e in d._.events] == ["2025-01-06", "2024-12-30"]


def test_no_events_is_a_no_op():
    d = NLP_ID.make_doc("Tidak ada peristiwa di sini.")
    d._.events = []
    assert WhenWhere()(d)._.events == []
