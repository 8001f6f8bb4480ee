"""Lexicon tone: GDELT's scale (% positive minus % negative words), affixes, negation."""
import pytest

from warta.tone import lexicon, polarity, score


@pytest.mark.parametrize("word, lang, want", [
    ("menyerang", "id", -1), ("diserang", "id", -1), ("serangannya", "id", -1), ("mengecam", "id", -1),
    ("membantu", "id", 1), ("kesepakatan", "id", 1), ("mendukung", "id", 1), ("perdamaian", "id", 1),
    ("rumah", "id", 0), ("presiden", "id", 0),
    ("killed", "en", -1), ("attacks", "en", -1), ("agreed", "en", 1), ("improving", "en", 1), ("table", "en", 0),
])
def test_word_polarity_through_affixes(word, lang, want):
    assert polarity(word, lang) == want


def test_scale_is_percent_of_words():
    t = score("Kedua negara sepakat menjaga perdamaian.", "id")  # 5 words, 2 positive
    assert (t.n_words, t.positive, t.negative, t.tone) == (5, 40.0, 0.0, 40.0)
    assert score("", "id").tone == 0.0


def test_negation_flips_and_neutral_phrases_do_not_count():
    assert score("Polisi tidak menemukan korban.", "id").tone > 0
    assert score("Polisi menemukan korban.", "id").tone < 0
    assert score("Pasien dirawat di rumah sakit.", "id").polarity == 0  # 'rumah sakit' is a hospital
    assert score("The talks did not fail.", "en").tone > 0


def test_english_and_indonesian_news():
    assert score("Rebels attacked the village and killed twelve people.", "en").tone < 0
    assert score("The two countries signed a partnership to boost trade.", "en").tone > 0
    assert score("Banjir merendam ribuan rumah, tiga warga tewas.", "id").tone < 0
    assert score("Warga gembira menyambut bantuan pemerintah.", "id").tone > 0


def test_lexicons_load_with_both_polarities():
    for lang in ("id", "en"):
        lex = lexicon(lang)
        assert len(lex) > 250
        assert {1, -1} <= set(lex.values())
