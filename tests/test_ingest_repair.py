"""Text repair at ingestion: glued words split, link lines rejoined, brand names and prose kept."""
from warta.ingest.clean import clean
from warta.ingest.prepare import prepare
from warta.ingest.repair import rejoin_lines, repair, split_glued
from warta.model import Article


def glue(text: str) -> str:
    return split_glued(text)[0]


def test_word_glued_to_a_name_at_a_case_boundary_is_split():
    assert glue("Juru bicara militer dalamIranmengatakan serangan itu gagal.") == \
        "Juru bicara militer dalam Iran mengatakan serangan itu gagal."
    assert glue("Bantuan dikirim kepadaIran pekan lalu.") == "Bantuan dikirim kepada Iran pekan lalu."
    assert glue("Serangan udaraIsraelmenewaskan lima orang.") == "Serangan udara Israel menewaskan lima orang."


def test_acronym_glued_either_side_is_split():
    assert glue("DilansirAFP, pasukan itu mundur.") == "Dilansir AFP, pasukan itu mundur."
    assert glue("Kantor beritaAFPmelaporkan ledakan di pelabuhan.") == \
        "Kantor berita AFP melaporkan ledakan di pelabuhan."
    assert glue("Penyidik KPKtelah memeriksa saksi.") == "Penyidik KPK telah memeriksa saksi."


def test_title_glued_to_a_name_and_name_glued_to_the_next_word():
    assert glue("Hal itu disampaikan PresidenPrabowo di Istana.") == "Hal itu disampaikan Presiden Prabowo di Istana."
    assert glue("Ia berbicara kepadaRepublikamelalui telepon.") == "Ia berbicara kepada Republika melalui telepon."


def test_brand_and_camel_case_names_stay_whole():
    text = ("Dikutip dari detikNews, pengguna iPhone dan penggemar eSports menonton YouTube dan TikTok; "
            "McDonald, DeSantis, MotoGP, WhatsApp, macOS, LinkedIn dan TribunJakarta tetap utuh.")
    assert glue(text) == text


def test_brand_inside_a_glued_token_is_not_cut():
    assert glue("Ia juara diMotoGPItalia tahun lalu.") == "Ia juara di MotoGP Italia tahun lalu."


def test_unknown_capitalised_names_are_left_alone():
    # no known word on both sides: nothing to split
    assert glue("Tim VinFast dan InaWis hadir.") == "Tim VinFast dan InaWis hadir."
    assert glue("Tim Kawiharjo dan Sutrisnowati hadir.") == "Tim Kawiharjo dan Sutrisnowati hadir."


def test_english_prose_is_untouched_by_prepare():
    text = ("The chancellor told MPs on Monday that PlayStation sales and McDonald's profits rose.\n"
            "Mr Brown said the eBay figures were strong.")
    art = prepare(Article(id="e1", text=text))
    assert art.lang == "en"
    assert art.text == text
    assert "repaired_glued" not in art.meta


def test_link_text_on_its_own_line_is_rejoined_length_kept():
    text = "Gubernur Jakarta\nPramono Anung\nmengungkap rute baru. Dia senang.\nWarga antusias."
    out, joins = rejoin_lines(text)
    assert out == "Gubernur Jakarta Pramono Anung mengungkap rute baru. Dia senang.\nWarga antusias."
    assert len(out) == len(text) and len(joins) == 2


def test_line_ending_a_sentence_keeps_its_break():
    text = "Polisi menangkap dua orang.\nmereka dibawa ke kantor.\nSidang digelar besok."
    # the next line starts lower-case but the previous one ends a sentence
    assert rejoin_lines(text)[0] == text


def test_list_items_urls_and_headings_are_not_joined():
    text = ("Syarat pendaftaran\n- Perorangan atau kelompok\n- Bertanggung jawab\nbantuan bersifat gratis\n"
            "Cek di sini\nhttps://contoh.go.id/daftar\nPROMO KARTU BARU HARI INI\nsyarat berlaku")
    assert rejoin_lines(text)[0] == text


def test_continuation_with_punctuation_is_joined():
    text = 'Hal itu dikatakan dalam keterangan kepada\nAntara\n, Senin (9/6).'
    assert rejoin_lines(text)[0] == 'Hal itu dikatakan dalam keterangan kepada Antara , Senin (9/6).'


def test_clean_drops_tag_blocks_and_detik_dateline():
    raw = ("Jakarta\n-\nPolisi menangkap lima pelaku pencurian\nkendaraan bermotor\ndi Bekasi. Mereka ditahan.\n"
           "pencurian motor\nbekasi\njabodetabek")
    c = clean(raw)
    assert c.place == "Jakarta"
    assert c.text == "Polisi menangkap lima pelaku pencurian kendaraan bermotor di Bekasi. Mereka ditahan."
    assert c.joined_lines == 2  # the dash line is the dateline's, parsed as such


def test_prepare_keeps_raw_text_and_offsets_refer_to_repaired_text():
    raw = "Menteri Luar Negeri mengatakan dalamIranmengatakan bahwa pasukan ditarik dari perbatasan pekan ini."
    art = prepare(Article(id="a1", text=raw, lang="id"))
    assert art.raw_text == raw
    assert "dalam Iran mengatakan" in art.text
    i = art.text.index("Iran")
    assert art.text[i:i + 4] == "Iran" and art.meta["repaired_glued"] == 2


def test_repair_reports_both_kinds_with_offsets_in_the_result():
    rep = repair("Ia berbicara\nkepada\nwartawan dalamIranmengatakan hal itu.", "id")
    assert rep.text == "Ia berbicara kepada wartawan dalam Iran mengatakan hal itu."
    assert rep.lines == 2 and rep.glued == 2
    for at, kind in rep.edits:
        assert rep.text[at] == " "


def test_name_glued_to_the_verb_after_it_is_split():
    assert glue("Presiden Donald Trumpmengatakan akan menunda serangan.") == \
        "Presiden Donald Trump mengatakan akan menunda serangan."
    assert glue("Pernikahan Al Ghazalidan Alyssa digelar di Jakarta.") == \
        "Pernikahan Al Ghazali dan Alyssa digelar di Jakarta."


def test_compound_names_and_words_are_not_split_before_a_noun():
    # the tail is a noun, not a verb or function word: a compound or a place name
    text = "Piala Dunia Antarklub digelar saat Iduladha di Sukajaya dan Pakansari."
    assert glue(text) == text


def test_both_passes_report_their_spaces_in_the_final_text():
    out, spaces = split_glued("Juru bicara dalamIranmengatakan bahwa Menteri Trumpmengatakan hal lain.")
    assert out == "Juru bicara dalam Iran mengatakan bahwa Menteri Trump mengatakan hal lain."
    assert len(spaces) == 3 and all(out[s] == " " for s in spaces)
