"""Event lexicons (events_id.yaml, events_en.yaml): one sentence per CAMEO root and language at least,
asserting the PLOVER type and CAMEO code of the extracted event, plus blockers of non-event senses.

Actor mentions are set by hand (as in test_events.py), so these tests exercise the lexicon and
coding, not the actor linker."""
from __future__ import annotations

import pytest

from warta.events.lexicon import find, load, normalise
from warta.model import Article, Mention
from warta.nlp import load as load_nlp

ACTORS = {"Indonesia": "IDN", "Malaysia": "MYS", "Israel": "ISR", "Iran": "IRN", "Rusia": "RUS",
          "Ukraina": "UKR", "Russia": "RUS", "Ukraine": "UKR", "China": "CHN", "Jepang": "JPN",
          "Japan": "JPN", "Polisi": "IDN", "Police": "IDN", "Serbia": "SRB", "Sudan": "SDN",
          "Amerika Serikat": "USA", "United States": "USA", "Palestina": "PSE", "Nigeria": "NGA"}


def events(text: str, lang: str):
    nlp = load_nlp(lang)
    doc = nlp.make_doc(text)
    doc._.article = Article(id="t", text=text, lang=lang)
    mentions = []
    for name, code in ACTORS.items():
        i = text.find(name)
        while i >= 0:
            mentions.append(Mention(i, i + len(name), name, country=code))
            i = text.find(name, i + len(name))
    mentions.sort(key=lambda m: (m.start, -m.end))
    kept, last = [], -1
    for m in mentions:
        if m.start >= last:
            kept.append(m)
            last = m.end
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "warta_actors":
            doc._.mentions = kept
    return [(e.event_type, e.cameo) for e in doc._.events]


ID_CASES = [
    # (sentence, PLOVER type, CAMEO code prefix)
    ("Indonesia meminta Malaysia membuka perbatasan.", "REQUEST", "02"),
    ("Indonesia dan Malaysia mencapai kesepakatan soal perbatasan.", "AGREE", "03"),
    ("Indonesia berkomitmen untuk bekerja sama dengan Malaysia.", "AGREE", "03"),
    ("Presiden Indonesia bertemu Perdana Menteri Malaysia di Jakarta.", "CONSULT", "040"),
    ("Indonesia menjadi tuan rumah pertemuan dengan Malaysia.", "CONSULT", "04"),
    ("Menteri Luar Negeri Indonesia bertandang ke Malaysia pekan lalu.", "CONSULT", "042"),
    ("Indonesia menengahi perundingan antara Israel dan Palestina.", "CONSULT", "045"),
    ("Indonesia memuji langkah Malaysia.", "SUPPORT", "051"),
    ("Indonesia menjalin hubungan diplomatik dengan Palestina.", "SUPPORT", "054"),
    ("Indonesia dan Malaysia memperkuat kerja sama pertahanan.", "COOPERATE", "06"),
    ("Indonesia menyerahkan dua tersangka kepada Malaysia.", "COOPERATE", "063"),
    ("Indonesia menyalurkan bantuan kemanusiaan kepada Palestina.", "AID", "073"),
    ("Indonesia mengucurkan dana bantuan kepada Palestina.", "AID", "071"),
    ("Sudan mencabut jam malam di wilayah Darfur Barat.", "CONCEDE", "0813"),
    ("Serikat buruh Nigeria membatalkan aksi mogok setelah berunding.", "CONCEDE", "082"),
    ("Rusia membebaskan tahanan Ukraina.", "RETREAT", "0841"),
    ("Rusia menarik pasukan dari Ukraina.", "RETREAT", "0872"),
    ("Perdana Menteri Jepang mengundurkan diri pada Selasa.", "RETREAT", "0831"),
    ("Polisi Indonesia menyelidiki dugaan suap oleh pejabat Malaysia.", "ACCUSE", "09"),
    ("Indonesia menuntut Malaysia menarik klaimnya.", "REQUEST", "10"),
    ("Indonesia mengecam serangan Israel ke Palestina.", "ACCUSE", "111"),
    ("Indonesia menyayangkan keputusan Malaysia.", "ACCUSE", "110"),
    ("Indonesia menolak usulan Malaysia.", "REJECT", "12"),
    ("Indonesia mengingkari janjinya kepada Malaysia.", "REJECT", "120"),
    ("Iran mengancam Israel dengan balasan keras.", "THREATEN", "13"),
    ("Ribuan warga Palestina berunjuk rasa di depan kedutaan Israel.", "PROTEST", "141"),
    ("Buruh Indonesia menggelar mogok kerja nasional.", "PROTEST", "143"),
    ("Rusia mengerahkan pasukan ke perbatasan Ukraina.", "MOBILIZE", "15"),
    ("Iran menyiagakan pasukan di perbatasan Israel.", "MOBILIZE", "152"),
    ("Rusia memutus hubungan diplomatik dengan Ukraina.", "SANCTION", "161"),
    ("Amerika Serikat menjatuhkan sanksi terhadap Iran.", "SANCTION", "16"),
    ("Amerika Serikat menarik diri dari perjanjian dengan Iran.", "SANCTION", "160"),
    ("Polisi Indonesia menangkap tiga warga Malaysia.", "COERCE", "173"),
    ("Polisi Indonesia menggerebek kantor warga Malaysia.", "COERCE", "17"),
    ("Rusia mendeportasi warga Ukraina.", "COERCE", "174"),
    ("Rusia menduduki wilayah Ukraina.", "ASSAULT", "192"),
    ("Israel menculik warga Palestina.", "ASSAULT", "181"),
    ("Israel melancarkan serangan udara ke Iran.", "ASSAULT", "195"),
    ("Rusia menembaki posisi Ukraina.", "ASSAULT", "193"),
    ("Israel membantai warga Palestina.", "ASSAULT", "20"),
]

EN_CASES = [
    ("Japan urged China to release the fishermen.", "REQUEST", "02"),
    ("Japan and China reached an agreement on fishing rights.", "AGREE", "03"),
    ("Japan promised to help China.", "AGREE", "03"),
    ("The Japanese Prime Minister met Chinese President Xi in Beijing.", "CONSULT", "040"),
    ("Japan hosted talks with China.", "CONSULT", "04"),
    ("Japan praised China for its restraint.", "SUPPORT", "051"),
    ("Japan established diplomatic ties with China.", "SUPPORT", "054"),
    ("Japan and China expanded cooperation on trade.", "COOPERATE", "06"),
    ("Japan delivered humanitarian aid to Ukraine.", "AID", "073"),
    ("Japan sent weapons to Ukraine.", "AID", "072"),
    ("Serbia lifted the curfew in Montenegro.", "CONCEDE", "0813"),
    ("Nigeria's teachers called off the strike after talks.", "CONCEDE", "082"),
    ("Russia released Ukraine's prisoners.", "RETREAT", "0841"),
    ("Russia withdrew its troops from Ukraine.", "RETREAT", "0872"),
    ("Japan's prime minister resigned on Tuesday.", "RETREAT", "0831"),
    ("Japan opened an investigation into China's trade practices.", "ACCUSE", "09"),
    ("Japan demanded that China withdraw its ships.", "REQUEST", "10"),
    ("Japan condemned China's missile launch.", "ACCUSE", "111"),
    ("Japan accused China of spying.", "ACCUSE", "112"),
    ("Japan rejected China's proposal.", "REJECT", "12"),
    ("Iran threatened Israel with retaliation.", "THREATEN", "13"),
    ("Nigeria's opposition protested against the election results.", "PROTEST", "141"),
    ("Russia deployed troops to the border with Ukraine.", "MOBILIZE", "15"),
    ("Russia severed diplomatic relations with Ukraine.", "SANCTION", "161"),
    ("The United States imposed sanctions on Iran.", "SANCTION", "16"),
    ("Police arrested three Japanese nationals in China.", "COERCE", "173"),
    ("Russia deported Ukrainian citizens.", "COERCE", "174"),
    ("Russia occupied parts of Ukraine.", "ASSAULT", "192"),
    ("Israel launched air strikes on Iran.", "ASSAULT", "195"),
    ("Russian troops opened fire on Ukraine's soldiers.", "ASSAULT", "193"),
    ("Russia massacred civilians in Ukraine.", "ASSAULT", "20"),
]


@pytest.mark.parametrize("text,etype,code", ID_CASES)
def test_indonesian_lexicon_codes(text, etype, code):
    got = events(text, "id")
    assert any(t == etype and c.startswith(code) for t, c in got), got


@pytest.mark.parametrize("text,etype,code", EN_CASES)
def test_english_lexicon_codes(text, etype, code):
    got = events(text, "en")
    assert any(t == etype and c.startswith(code) for t, c in got), got


def _triggers(lang: str, text: str):
    lex = load(lang)
    words = [normalise(w) for w in text.replace(".", " .").replace(",", " ,").split()]
    return [(m.entry.event_type, " ".join(words[i] for i in m.tokens)) for m in find(lex, words, 0, len(words))]


@pytest.mark.parametrize("lang,text", [
    ("id", "Menteri itu terkena serangan jantung kemarin"),
    ("id", "Bank Indonesia menahan suku bunga acuan"),
    ("id", "Partai itu berhasil merebut kursi terbanyak"),
    ("id", "Pemerintah mempercepat pembebasan lahan untuk jalan tol"),
    ("en", "The minister suffered a heart attack"),
    ("en", "The ministry released a statement on Monday"),
    ("en", "The two countries signed a free trade zone"),
    ("en", "Ministers vowed to fight corruption"),
    ("en", "In March the economy grew"),
])
def test_blockers_keep_non_event_senses_out(lang, text):
    assert not [t for t, _ in _triggers(lang, text) if t not in ("IGNORE", "AGREE", "SUPPORT")], _triggers(lang, text)


def test_specific_phrase_beats_general_word():
    # "lift the curfew" is a concession, "struck a deal" an agreement, "menarik pasukan penjaga
    # perdamaian" a sanction (withdrawing peacekeepers), not a military retreat
    assert ("CONCEDE", "lifted curfew") in _triggers("en", "Serbia lifted the curfew")
    assert ("AGREE", "struck deal") in _triggers("en", "Japan struck a deal")
    assert ("SANCTION", "menarik pasukan penjaga") in _triggers("id", "Nigeria menarik pasukan penjaga perdamaian")
