"""The lean Indonesian language class registered as "id"."""
import spacy

import warta.nlp
from warta.nlp.languages import LeanIndonesian


def test_blank_id_uses_the_lean_class_with_a_small_exception_table():
    nlp = spacy.blank("id")
    assert isinstance(nlp, LeanIndonesian)
    # spaCy's stock table has ~15,600 entries, nearly all reduplicated words.
    assert len(nlp.tokenizer.rules) < 1000


def test_reduplicated_words_stay_whole_and_other_hyphens_split():
    nlp = warta.nlp.load("id", with_components=False)
    words = [t.text for t in nlp("Anak-anak dan tentara-tentara berlari-lari ke perbatasan AS-Meksiko.")]
    assert "Anak-anak" in words
    assert "tentara-tentara" in words
    assert "berlari-lari" in words
    assert words[-4:] == ["AS", "-", "Meksiko", "."]


def test_dates_in_parentheses_survive_the_reduplication_pattern():
    nlp = warta.nlp.load("id", with_components=False)
    words = [t.text for t in nlp("Menlu tiba pada Rabu (18/6) malam.")]
    assert words[4:7] == ["(", "18/6", ")"]


def test_affix_attributes_keep_three_lowercased_characters():
    # The trained pipeline hashes PREFIX and SUFFIX: Indonesian class-marking affixes need three
    # characters (spaCy's default prefix is one), and case is left to SHAPE.
    doc = spacy.blank("id")("Dipukul menyetujuinya ke")
    assert [t.prefix_ for t in doc] == ["dip", "men", "ke"]
    assert [t.suffix_ for t in doc] == ["kul", "nya", "ke"]


def test_plain_spacy_finds_the_class_through_the_entry_point():
    from importlib.metadata import entry_points

    eps = {ep.name: ep.value for ep in entry_points(group="spacy_languages")}
    assert eps.get("id") == "warta.nlp.languages:LeanIndonesian"
