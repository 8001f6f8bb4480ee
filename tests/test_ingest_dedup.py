"""Exact and near-duplicate detection (MinHash LSH), persisted through the store."""
from warta.ingest.dedup import Deduper, signature
from warta.model import Article

STORY = ("Presiden Prabowo Subianto bertemu Presiden Rusia Vladimir Putin di St Petersburg pada Kamis. "
         "Kedua pemimpin menandatangani deklarasi kemitraan strategis dan membahas kerja sama energi, "
         "pertahanan serta perdagangan. Putin memuji peningkatan perdagangan kedua negara yang naik "
         "tajam tahun lalu, sementara Prabowo menegaskan politik luar negeri Indonesia tetap bebas aktif. "
         "Pertemuan berlangsung selama dua jam di Istana Konstantinovsky.")
OTHER = ("Ribuan buruh berunjuk rasa di depan Gedung DPR menolak rencana kenaikan iuran dan sistem kerja "
         "kontrak. Polisi menutup sebagian Jalan Gatot Subroto selama aksi berlangsung dan mengerahkan "
         "ribuan personel untuk menjaga keamanan di sekitar kompleks parlemen di Senayan, Jakarta.")


def test_exact_near_and_new():
    d = Deduper()
    a = Article(id="kompas-1", text=STORY)
    assert d.check(a)[0] == "new"
    # same text, different case/punctuation/spacing: exact duplicate
    b = Article(id="detik-9", text=STORY.upper().replace(".", " . "))
    assert d.check(b)[0] == "exact" and b.duplicate_of == "kompas-1"
    # syndicated copy: a sentence added and a word changed
    c = Article(id="antara-3", text=STORY.replace("Kamis", "Kamis (19/6)") + " Prabowo tiba di Jakarta pada Jumat pagi.")
    assert d.check(c)[0] == "near" and c.near_duplicate_of == "kompas-1"
    assert 0.7 <= c.meta["near_duplicate_jaccard"] < 1.0
    e = Article(id="x-1", text=OTHER)
    assert d.check(e)[0] == "new" and e.near_duplicate_of is None and e.duplicate_of is None
    assert d.check(Article(id="kompas-1", text=STORY))[0] == "seen"


def test_state_survives_a_reload():
    d = Deduper()
    a = Article(id="a", text=STORY)
    _, sig = d.check(a)
    rows = [("a", a.content_hash, sig.tobytes())]
    d2 = Deduper()
    d2.load(rows)
    assert d2.seen("a")
    c = Article(id="c", text=STORY + " Prabowo tiba di Jakarta pada Jumat pagi.")
    assert d2.check(c)[0] == "near" and c.near_duplicate_of == "a"
    e = Article(id="e", text=STORY)
    assert d2.check(e)[0] == "exact" and e.duplicate_of == "a"


def test_short_texts_have_no_signature():
    assert signature("Polisi menangkap dua orang.") is None
    assert signature(STORY) is not None
