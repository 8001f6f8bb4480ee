"""Imported open data (``data/kb/open/``): every row names its source, hand-kept people are not
repeated there, and people only the open data know resolve by their full name and date."""
from datetime import date
from pathlib import Path

from warta.actors import resolve
from warta.actors.build_common import fold, hand_people_names
from warta.actors.kb import kb_dir

OPEN = Path(kb_dir()) / "open"


def _rows(name):
    for line in (OPEN / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def test_open_files_name_source_licence_and_rebuild_command():
    for path in OPEN.glob("*.tsv"):
        head = "".join(l for l in path.read_text(encoding="utf-8").splitlines(True)[:12] if l.startswith("#"))
        assert "Source" in head and "Licence" in head and "python -m warta.actors.build_" in head, path.name


def test_cabinet_rows_are_complete_and_sourced():
    ids = set()
    for f in _rows("people_cabinets.tsv"):
        assert len(f) == 9, f
        assert f[8].startswith("wikidata:Q"), f
        assert len(f[1]) == 3 and f[1].isupper(), f
        assert f[2] and f[3] == "GOV", f
        ids.add(f[0])
    assert len(ids) > 5000


def test_hand_kept_people_are_not_repeated_in_open_data():
    hand = hand_people_names()
    for f in _rows("people_cabinets.tsv"):
        for n in filter(None, f[6].split("|")):
            assert fold(n).lower() not in hand, n


def test_person_known_only_from_open_data_resolves_by_date():
    # Pedro Castillo, President of Peru 2021-07-28 to 2022-12-07 (Wikidata)
    r = resolve("Pedro Castillo", date(2022, 6, 10), None, "en")
    assert r is not None and (r["country"], r["sector"]) == ("PER", "GOV")
    r = resolve("Pedro Castillo", date(2023, 3, 1), None, "en")
    assert r is not None and (r["country"], r["sector"]) == ("PER", "ELI")


def test_surname_after_full_name_from_open_data():
    r = resolve("Castillo", date(2022, 6, 10), "Peru's president Pedro Castillo met protesters.", "en")
    assert r is not None and r["country"] == "PER"


def test_known_minister_from_open_data_is_the_person():
    text = "Menteri Luar Negeri Armenia Ararat Mirzoyan tiba di Jakarta. Mirzoyan bertemu Sugiono."
    from warta.actors import link
    ms = link(text, date(2022, 6, 1))
    assert ms[0].entity_id == "per:ararat-mirzoyan" and (ms[0].country, ms[0].sector) == ("ARM", "GOV")
    later = [m for m in ms if m.text == "Mirzoyan"]
    assert later and later[0].entity_id == "per:ararat-mirzoyan"


def test_transliteration_variant_of_an_imported_name():
    # Kassym-Jomart Tokayev (Wikidata spelling) is also written Tokaev
    from warta.actors.build_common import translit_variants
    assert translit_variants("Kassym-Jomart Tokayev") == ["Kassym-Jomart Tokaev"]
    assert translit_variants("Dmitriy Medvedev") == ["Dmitri Medvedev"]
    r = resolve("Kassym-Jomart Tokaev", date(2023, 1, 1), None, "en")
    assert r is not None and (r["country"], r["sector"]) == ("KAZ", "GOV")


def test_same_title_and_name_resolved_by_date():
    # "King Abdullah": Saudi Arabia's king 2005-2015 and Jordan's king since 1999
    assert resolve("King Abdullah", date(2019, 6, 1), None, "en")["country"] == "JOR"
