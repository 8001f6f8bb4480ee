"""Cleaning of page junk, datelines and outlet date strings."""
from datetime import date, datetime, timedelta, timezone

import pytest

from warta.ingest.clean import clean, parse_dateline
from warta.ingest.dates import date_in_text, parse_date
from warta.ingest.prepare import prepare
from warta.model import Article

WIB = timezone(timedelta(hours=7))

JUNKY = (
    "Bisnis.com, JAKARTA - Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Jepang di Tokyo pada Senin.\n"
    "Kedua menteri membahas kerja sama maritim dan perdagangan.\n"
    "Baca Juga\n"
    "ADVERTISEMENT\n"
    "SCROLL TO CONTINUE WITH CONTENT\n"
    "Sugiono mengatakan Indonesia siap memperluas latihan penjaga pantai bersama.\n"
    "Baca juga: Jepang Tambah Kuota Pekerja Migran Indonesia\n"
    "Simak Video 'Menlu RI Kunjungi Tokyo':\n"
    "[Gambas:Video 20detik]\n"
    "Pertemuan berikutnya dijadwalkan di Jakarta tahun depan, kata dia.Ikuti Whatsapp Channel Republika\n"
    "Bagikan artikel ini:\n"
    "(kha)\n"
)


def test_clean_removes_junk_lines_and_keeps_every_sentence():
    c = clean(JUNKY)
    assert c.outlet == "Bisnis.com" and c.place == "JAKARTA"
    assert c.text.startswith("Menteri Luar Negeri Sugiono bertemu")
    for junk in ("Baca", "ADVERTISEMENT", "SCROLL", "Simak", "Gambas", "Whatsapp", "Bagikan", "(kha)"):
        assert junk not in c.text, junk
    for sentence in ("Kedua menteri membahas kerja sama maritim dan perdagangan.",
                     "Sugiono mengatakan Indonesia siap memperluas latihan penjaga pantai bersama.",
                     "Pertemuan berikutnya dijadwalkan di Jakarta tahun depan, kata dia."):
        assert sentence in c.text
    assert c.junk == 9
    assert "\n\n" not in c.text


def test_glued_read_also_headlines_are_removed():
    text = ("Warga diminta menjauhi lokasi tambang, termasuk kepolisian.Baca JugaLongsor Tewaskan Dua Penambang"
            "Polisi Segel Lokasi Galian CBahkan, pada 2 Juni 2025, wali kota meninjau lokasi.")
    c = clean(text)
    assert c.text == "Warga diminta menjauhi lokasi tambang, termasuk kepolisian.Bahkan, pada 2 Juni 2025, wali kota meninjau lokasi."


@pytest.mark.parametrize("head, outlet, place, rest", [
    ("Bisnis.com, JAKARTA - Presiden", "Bisnis.com", "JAKARTA", "Presiden"),
    ("Jakarta, CNN Indonesia -- Presiden", "CNN Indonesia", "Jakarta", "Presiden"),
    ("JAKARTA, KOMPAS.com - Presiden", "KOMPAS.com", "JAKARTA", "Presiden"),
    ("JAKARTA, KOMPAS.com –Badan", "KOMPAS.com", "JAKARTA", "Badan"),
    ("Liputan6.com, Jakarta - Presiden", "Liputan6.com", "Jakarta", "Presiden"),
    ("Liputan6.com, JakartaKita semua", "Liputan6.com", "Jakarta", "Kita semua"),
    ("TEMPO.CO,Jakarta-Ginjal adalah", "TEMPO.CO", "Jakarta", "Ginjal adalah"),
    ("REPUBLIKA.CO.ID,\u00a0CIREBON--Kepolisian", "REPUBLIKA.CO.ID", "CIREBON", "Kepolisian"),
    ("JAKARTA\u2013 Kehilangan ponsel", None, "JAKARTA", "Kehilangan ponsel"),
    ("WASHINGTON (Reuters) - The US", "Reuters", "WASHINGTON", "The US"),
    ("Liputan6.com, Jakarta Barat - Polisi", "Liputan6.com", "Jakarta Barat", "Polisi"),
])
def test_datelines(head, outlet, place, rest):
    c = clean(head)
    assert (c.outlet, c.place, c.text) == (outlet, place, rest)


@pytest.mark.parametrize("text", [
    "Presiden Joe Biden, kata pejabat, akan bertemu Xi.",
    "Sebagaimana diketahui, Biden akan bersua Xi Jinping.",
    "ADUranking FIFA Timnas Indonesia menarik diulas.",
])
def test_no_false_datelines(text):
    assert parse_dateline(text)[0] == 0
    assert clean(text).text == text


@pytest.mark.parametrize("s, expected", [
    ("Kamis, 19 Jun 2025 09:35 WIB", datetime(2025, 6, 19, 9, 35, tzinfo=WIB)),
    ("Diperbarui 19 Jun 2025, 11:00 WIB", datetime(2025, 6, 19, 11, 0, tzinfo=WIB)),
    ("Kompas.com- 18/06/2025, 21:04 WIB", datetime(2025, 6, 18, 21, 4, tzinfo=WIB)),
    (",\u00a0Jurnalis-Senin, 16 Juni 2025 |15:20 WIB", datetime(2025, 6, 16, 15, 20, tzinfo=WIB)),
    ("18 Juni 2025 | 20.04 WIB", datetime(2025, 6, 18, 20, 4, tzinfo=WIB)),
    ("Rabu   18 Jun 2025  22:02 WIB", datetime(2025, 6, 18, 22, 2, tzinfo=WIB)),
    ("Sabtu, 16 Nov 2024 10:00 WITA", datetime(2024, 11, 16, 10, 0, tzinfo=timezone(timedelta(hours=8)))),
    ("Thu, 19 Jun 2025 09:35:00 +0000", datetime(2025, 6, 19, 9, 35, tzinfo=timezone.utc)),
    ("2025-06-18", date(2025, 6, 18)),
    ("June 19, 2025", date(2025, 6, 19)),
    ("no date here", None),
    ("31 Februari 2025", None),
])
def test_outlet_date_strings(s, expected):
    assert parse_date(s) == expected


def test_date_stamp_in_text_is_found_but_story_dates_are_not():
    assert date_in_text("Kompas.com - 18/06/2025, 21:04 WIB\nPresiden bertemu.") == datetime(2025, 6, 18, 21, 4, tzinfo=WIB)
    assert date_in_text("Biden akan bersua Xi pada Sabtu 16 November 2024.") is None


def test_prepare_fills_source_place_date_language_and_keeps_raw_text():
    art = Article(id="a1", text=JUNKY)
    out = prepare(art, default_date=date(2025, 6, 16))
    assert out is art
    assert art.raw_text == JUNKY and art.text != JUNKY
    assert (art.source, art.place, art.published, art.lang, art.lang_flag) == (
        "Bisnis.com", "JAKARTA", date(2025, 6, 16), "id", None)
    en = prepare(Article(id="e", text="The foreign ministers of Japan and Indonesia met in Tokyo on Monday "
                                     "to discuss maritime security and trade."))
    assert en.lang == "en"
    nl = prepare(Article(id="n", text="De ministers van Buitenlandse Zaken van Japan en Indonesië kwamen maandag "
                                     "in Tokio bijeen om over maritieme veiligheid en handel te praten."))
    assert nl.lang == "nl" and nl.lang_flag == "nl"


def test_articles_that_are_only_junk_are_skipped_with_a_reason():
    from warta.ingest.prepare import EMPTY_AFTER_CLEANING
    from warta.pipeline import Pipeline

    out = prepare(Article(id="j", text="SCROLL TO CONTINUE WITH CONTENT\nBaca Juga\n", origin="f.jsonl:3"))
    assert isinstance(out, Article) and out.text == "" and out.meta["junk_lines"] == 2
    res = Pipeline(lang="id").process(out)  # not an input error: a counted skip
    assert res.skipped == EMPTY_AFTER_CLEANING and res.events == []
