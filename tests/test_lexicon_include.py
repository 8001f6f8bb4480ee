"""A lexicon file's ``include:`` list: the included entries come after its own, which win where patterns tie."""
from pathlib import Path

from warta.events import lexicon


def test_included_entries_follow_and_lose_ties(tmp_path: Path):
    (tmp_path / "events_en.yaml").write_text(
        "lang: en\ninclude: [extra.yaml]\nentries:\n  - cameo: '111'\n    verbs: [scold]\n", encoding="utf-8")
    (tmp_path / "extra.yaml").write_text(
        "entries:\n  - cameo: '112'\n    verbs: [scold, upbraid]\n  - cameo: '154'\n"
        "    phrases: ['<scold> ... troops']\n", encoding="utf-8")
    data = lexicon.read_lang("en", tmp_path)
    assert [e["cameo"] for e in data["entries"]] == ["111", "112", "154"]
    lex = lexicon.compile_lexicon("en", data)
    words = "she scolded him and upbraided them".split()
    assert [m.entry.cameo for m in lexicon.find(lex, words, 0, len(words))] == ["111", "112"]
    words = "he scolded the troops".split()
    assert [m.entry.cameo for m in lexicon.find(lex, words, 0, len(words))] == ["154"]  # longer pattern wins


def test_shipped_english_lexicon_reads_the_cameo_import():
    data = lexicon.read_lang("en")
    own = lexicon.read_yaml((Path(lexicon.__file__).parents[1] / "data" / "lexicons" / "events_en.yaml")
                            .read_text(encoding="utf-8"))
    assert "events_en_cameo.yaml" in own["include"]
    assert len(data["entries"]) > len(own["entries"])
