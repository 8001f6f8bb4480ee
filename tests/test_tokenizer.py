"""The Indonesian tokenizer tuning (warta.nlp.tokenizer) and sentence splitting around abbreviations."""
import spacy

from warta.nlp.tokenizer import customize_tokenizer, is_customized


def _nlp():
    nlp = customize_tokenizer(spacy.blank("id"))
    nlp.add_pipe("sentencizer")
    return nlp


def toks(text):
    return [t.text for t in _nlp().make_doc(text)]


def test_dates_in_brackets_are_one_token():
    assert toks("Jakarta (18/6) - Polisi") == ["Jakarta", "(", "18/6", ")", "-", "Polisi"]
    assert "16/6/2025" in toks("Senin (16/6/2025), kata dia.")


def test_abbreviations_keep_their_period_and_do_not_end_sentences():
    nlp = _nlp()
    doc = nlp("Pada tgl. 17 Agustus pk. 10.00 WIB, Dr. Budi tiba di Jl. Sudirman No. 5, Kab. Bogor. Ia lalu pulang.")
    words = [t.text for t in doc]
    for abbr in ("tgl.", "pk.", "Dr.", "Jl.", "No.", "Kab."):
        assert abbr in words
    assert [s.text for s in doc.sents] == [
        "Pada tgl. 17 Agustus pk. 10.00 WIB, Dr. Budi tiba di Jl. Sudirman No. 5, Kab. Bogor.",
        "Ia lalu pulang.",
    ]


def test_AS_at_the_end_of_a_sentence_ends_it():
    doc = _nlp()("Menlu bertemu Presiden AS. Mereka membahas tarif.")
    assert [s.text for s in doc.sents] == ["Menlu bertemu Presiden AS.", "Mereka membahas tarif."]


def test_titles_and_degrees():
    words = toks("Prof. Dr. Ir. H. Ahmad, S.H., M.Si. hadir.")
    assert words[:4] == ["Prof.", "Dr.", "Ir.", "H."]
    assert "S.H." in words and "M.Si." in words


def test_nya_clitic_is_split_but_not_in_lexical_words():
    assert toks("Rumahnya disita olehnya.") == ["Rumah", "nya", "disita", "oleh", "nya", "."]
    assert toks("Ia hanya punya sebelumnya lainnya.") == ["Ia", "hanya", "punya", "sebelumnya", "lainnya", "."]
    assert toks("Kenya dan Sonya.") == ["Kenya", "dan", "Sonya", "."]


def test_kah_is_split_in_question_words():
    assert toks("Apakah dia datang?") == ["Apa", "kah", "dia", "datang", "?"]


def test_customization_is_idempotent_and_serialised():
    nlp = customize_tokenizer(spacy.blank("id"))
    customize_tokenizer(nlp)
    assert is_customized(nlp)
    other = spacy.blank("id")
    other.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert [t.text for t in other("(18/6) bukunya tgl. 5")] == ["(", "18/6", ")", "buku", "nya", "tgl.", "5"]


def test_load_applies_the_tokenizer():
    import warta.nlp

    nlp = warta.nlp.load("id", with_components=False)
    assert is_customized(nlp)
    doc = nlp("Senin (18/6), Dr. Budi tiba. Ia pulang.")
    assert "18/6" in [t.text for t in doc]
    assert len(list(doc.sents)) == 2
