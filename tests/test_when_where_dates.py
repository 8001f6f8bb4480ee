"""Time expressions: finding and normalising them (Indonesian and English)."""
from datetime import date

import pytest

from warta.when_where.dates import find_dates, normalise, resolve, weekday_date

SAT_2024_11_16 = date(2024, 11, 16)
WED_2025_06_18 = date(2025, 6, 18)


def only(text: str, pub: date, tense: str = "past", ref: date | None = None):
    exprs = find_dates(text)
    assert len(exprs) == 1, [e.text for e in exprs]
    r = resolve(exprs[0], pub, tense, ref)
    return exprs[0].text, (r.value if r else None)


@pytest.mark.parametrize("sentence,expr,value", [
    ("Menlu Sugiono dijadwalkan tiba di Lima hari ini, Sabtu 16 November 2024.", "hari ini, Sabtu 16 November 2024",
     "2024-11-16"),
    ("Kesepakatan itu diteken pada 16/11/2024 di Lima.", "16/11/2024", "2024-11-16"),
    ("Pertemuan digelar Rabu (13/11) di Istana.", "Rabu (13/11)", "2024-11-13"),
    ("Serangan terjadi pada 18 Juni lalu.", "18 Juni lalu", "2024-06-18"),
    ("Kedua pemimpin berbicara pada tanggal 5 Juli 2024 di Jakarta.", "tanggal 5 Juli 2024", "2024-07-05"),
    ("Putin bertemu Prabowo pada Kamis (14/11/2024) waktu setempat.", "Kamis (14/11/2024)", "2024-11-14"),
])
def test_absolute_indonesian(sentence, expr, value):
    assert only(sentence, SAT_2024_11_16) == (expr, value)


@pytest.mark.parametrize("sentence,value", [
    ("Menlu menerima kunjungan itu hari ini.", "2024-11-16"),
    ("Polisi menangkap tersangka kemarin.", "2024-11-15"),
    ("Presiden akan bertolak ke Brasil besok.", "2024-11-17"),
    ("Rapat lanjutan digelar lusa.", "2024-11-18"),
    ("Biden pada hari Jumat mengutuk keputusan itu.", "2024-11-15"),
    ("Demonstran berkumpul Jumat lalu di depan kedutaan.", "2024-11-15"),
    ("Ledakan terdengar Selasa malam di pinggiran kota.", "2024-11-12"),
    ("Kunjungan itu terjadi pekan lalu.", "2024-W45"),
    ("Pemilu digelar bulan ini.", "2024-11"),
    ("Perjanjian diteken dua bulan lalu.", "2024-09"),
    ("Kasus ini dilaporkan sepuluh hari lalu.", "2024-11-06"),
    ("Harga naik sebulan lalu.", "2024-10"),
    ("Kantor itu ditutup awal pekan ini.", "2024-W46"),
    ("Gencatan senjata diharapkan tercapai akhir tahun.", "2024"),
    ("Banjir besar melanda pada musim hujan tahun lalu.", "2023"),
])
def test_relative_indonesian(sentence, value):
    exprs = find_dates(sentence)
    assert exprs, sentence
    r = resolve(exprs[-1], SAT_2024_11_16)
    assert r.value == value, (exprs[-1].text, r)


def test_sebelumnya_is_relative_to_the_story_reference_date():
    text, value = only("Tiga hari sebelumnya, pasukan mundur dari kota itu.", SAT_2024_11_16,
                       ref=date(2024, 11, 10))
    assert (text, value) == ("Tiga hari sebelumnya", "2024-11-07")


def test_vague_expression_is_found_but_not_resolved():
    text, value = only("Prabowo berbincang dengan Trump beberapa hari lalu.", SAT_2024_11_16)
    assert text == "beberapa hari lalu" and value is None


@pytest.mark.parametrize("sentence,value", [
    ("The minister resigned on Friday.", "2025-06-13"),
    ("Troops withdrew last Friday.", "2025-06-13"),
    ("The ceasefire collapsed yesterday.", "2025-06-17"),
    ("Talks resume tomorrow.", "2025-06-19"),
    ("Rebels seized the town two days ago.", "2025-06-16"),
    ("The deal was signed on March 5, 2024.", "2024-03-05"),
    ("The deal was signed on 5 March 2024.", "2024-03-05"),
    ("Protests spread last week.", "2025-W24"),
    ("Prices rose earlier this month.", "2025-06"),
    ("The summit is planned for next week.", "2025-W26"),
    ("Elections were held in March.", "2025-03"),
    ("The offensive began in summer 2024.", "2024-22"),
    ("Fighting resumed three days later.", "2025-06-21"),
])
def test_english(sentence, value):
    exprs = find_dates(sentence)
    assert exprs, sentence
    assert resolve(exprs[-1], WED_2025_06_18).value == value


def test_weekday_and_minggu_as_week():
    # "Minggu lalu" is "last week"; "hari Minggu" is Sunday
    assert only("Minggu lalu harga naik.", WED_2025_06_18)[1] == "2025-W24"
    assert only("Rapat digelar pada hari Minggu.", WED_2025_06_18)[1] == "2025-06-15"
    # lowercase "minggu" alone is never a weekday
    assert find_dates("dalam dua minggu terakhir") == []


@pytest.mark.parametrize("pub,weekday,tense,expected", [
    (date(2024, 12, 2), 5, "past", date(2024, 11, 29)),     # Monday -> last Friday, previous month
    (date(2025, 1, 1), 6, "past", date(2024, 12, 28)),      # Wednesday -> last Saturday, previous year
    (date(2024, 12, 30), 3, "future", date(2025, 1, 1)),    # Monday -> next Wednesday, next year
    (date(2024, 2, 28), 4, "future", date(2024, 2, 29)),    # leap day
    (date(2024, 11, 29), 5, "past", date(2024, 11, 29)),    # same weekday: the publication day
])
def test_weekday_arithmetic_across_month_and_year_ends(pub, weekday, tense, expected):
    assert weekday_date(pub, weekday, tense) == expected


def test_weekday_tense_in_text():
    exprs = find_dates("Menlu akan berkunjung ke Tokyo pada Senin.")
    pub = date(2024, 12, 31)  # Tuesday
    assert resolve(exprs[0], pub, "future").value == "2025-01-06"
    assert resolve(exprs[0], pub, "past").value == "2024-12-30"
    assert only("Kami bertemu Jumat lalu.", date(2025, 1, 3))[1] == "2024-12-27"  # strictly before


def test_day_month_without_year_takes_the_year_near_publication():
    # published 2 January 2025: "Rabu (25/12)" is last Christmas, and the weekday agrees
    assert only("Gereja dijaga ketat pada Rabu (25/12).", date(2025, 1, 2))[1] == "2024-12-25"


def test_numbers_that_are_not_dates():
    assert find_dates("Skor akhir 2/1 untuk tuan rumah, 30 pesawat dikerahkan.") == []
    assert find_dates("dana hibah tahun anggaran 2019-2022") == []


def test_normalise_uses_dateparser_for_unstructured_forms():
    assert normalise("Jumat lalu", date(2024, 11, 16)).value == "2024-11-15"
    r = normalise("16 Nov 2024", date(2025, 1, 1))
    assert r is not None and r.value == "2024-11-16"


def test_day_range_resolves_to_its_first_day():
    assert only("KTT itu dijadwalkan berlangsung di Brussel pada 24–25 Juni, kata diplomat.", WED_2025_06_18, "future") == \
        ("24–25 Juni", "2025-06-24")
    assert only("The talks ran from 3-4 March 2024 in Geneva.", WED_2025_06_18) == ("3-4 March 2024", "2024-03-03")


def test_document_number_year_is_not_a_date():
    # "Tahun 2025" in a regulation's number names the regulation, not when the act happened
    assert only("Perpres Nomor 12 Tahun 2025 itu diteken Presiden pada 3 Maret 2025.", WED_2025_06_18) == \
        ("3 Maret 2025", "2025-03-03")
    assert find_dates("Aturan itu merujuk UU No. 7 Tahun 2017 tentang Pemilu.") == []
