"""Actors: knowledge base, linker and the ``warta_actors`` component (issue 3)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from warta.actors import link, load_kb, resolve
from warta.model import Article, Mention

NOV24 = date(2024, 11, 16)
JUN25 = date(2025, 6, 19)


def one(text: str, d: date | None = None, lang: str = "id", context: str | None = None):
    return resolve(text, d, context, lang)


def by_text(ms: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in ms}


# ---------------------------------------------------------------- knowledge base
def test_kb_is_large_and_covers_every_iso_country():
    import pycountry

    kb = load_kb()
    gpes = {e.country for e in kb.entities.values() if e.kind == "GPE"}
    assert {c.alpha_3 for c in pycountry.countries} <= gpes
    assert sum(1 for e in kb.entities.values() if e.kind == "ORG") >= 150
    people = [e for e in kb.entities.values() if e.kind == "PER"]
    assert len(people) >= 300
    assert all(e.source for e in people), [e.id for e in people if not e.source][:5]


# ---------------------------------------------------------------- time-aware roles
@pytest.mark.parametrize("name,d,sector", [
    ("Joe Biden", NOV24, "GOV"),
    ("Joe Biden", JUN25, "ELI"),  # former president
    ("Donald Trump", NOV24, "ELI"),  # president-elect
    ("Donald Trump", JUN25, "GOV"),
    ("Donald Trump", date(2022, 3, 1), "ELI"),  # between terms
    ("Yoon Suk Yeol", JUN25, "ELI"),  # removed from office 2025-04-04
    ("Lee Jae-myung", JUN25, "GOV"),
    ("Prabowo Subianto", date(2023, 1, 10), "GOV"),  # then defence minister
    ("Joko Widodo", JUN25, "ELI"),
])
def test_roles_on_the_article_date(name, d, sector):
    r = one(name, d)
    assert r is not None and r["sector"] == sector


def test_role_changes_country_and_org():
    assert one("Mark Rutte", date(2023, 5, 1))["country"] == "NLD"
    r = one("Mark Rutte", date(2025, 2, 1))
    assert r["org"] == "NATO" and r["country"] is None


def test_no_date_uses_latest_role():
    assert one("Donald Trump")["sector"] == "GOV"
    assert one("Prabowo")["entity_id"] == "per:prabowo-subianto"


# ---------------------------------------------------------------- titles, agents, seats
@pytest.mark.parametrize("text,country,sector", [
    ("Presiden Korea Selatan Yoon Seok Yul", "KOR", "GOV"),
    ("Perdana Menteri Jepang Shigeru Ishiba", "JPN", "GOV"),
    ("pemimpin Korea Utara Kim Jong Un", "PRK", "GOV"),
    ("pasukan Ukraina", "UKR", "MIL"),
    ("Pejabat Gedung Putih", "USA", "GOV"),
    ("pejabat intelijen AS", "USA", "SPY"),
    ("juru bicara Kremlin", "RUS", "GOV"),
    ("Menlu Iran", "IRN", "GOV"),
    ("polisi Israel", "ISR", "COP"),
    ("pemberontak di Darfur", None, "REB"),
    ("Pyongyang", "PRK", "GOV"),
    ("Moskow", "RUS", "GOV"),
    ("Gedung Putih", "USA", "GOV"),
    ("Pentagon", "USA", "MIL"),
    ("Rusia", "RUS", None),
])
def test_indonesian_phrases(text, country, sector):
    r = one(text, NOV24)
    assert r is not None
    if country:
        assert r["country"] == country
    assert r["sector"] == sector


@pytest.mark.parametrize("text,country,sector", [
    ("the Armenian Prime Minister", "ARM", "GOV"),
    ("Russian troops", "RUS", "MIL"),
    ("Israeli President Isaac Herzog", "ISR", "GOV"),
    ("US officials", "USA", "GOV"),
    ("rebels in Darfur", None, "REB"),
])
def test_english_phrases(text, country, sector):
    r = one(text, JUN25, lang="en")
    assert r is not None
    if country:
        assert r["country"] == country
    assert r["sector"] == sector


def test_one_mention_spans_the_whole_titled_phrase():
    text = "Perdana Menteri Jepang Shigeru Ishiba menjamu Presiden Korea Selatan Yoon Seok Yul dan Biden di Tokyo."
    ms = link(text, NOV24)
    spans = [m.text for m in ms]
    assert "Presiden Korea Selatan Yoon Seok Yul" in spans
    assert "Perdana Menteri Jepang Shigeru Ishiba" in spans
    assert "Korea Selatan" not in spans and "Jepang" not in spans
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_former_and_elect_modifiers():
    assert one("mantan Presiden AS", JUN25)["sector"] == "ELI"
    r = one("Presiden Terpilih, Donald Trump", NOV24)
    assert r["entity_id"] == "per:donald-trump" and r["sector"] == "ELI"


# ---------------------------------------------------------------- aliases and spellings
@pytest.mark.parametrize("variant,eid", [
    ("Yoon Suk Yeol", "per:yoon-suk-yeol"), ("Yoon Seok Yul", "per:yoon-suk-yeol"),
    ("Volodymyr Zelenskyy", "per:volodymyr-zelensky"), ("Zelensky", "per:volodymyr-zelensky"),
    ("Ayatollah Khamenei", "per:ali-khamenei"), ("Ali Khamenei", "per:ali-khamenei"),
    ("Kim Jong-un", "per:kim-jong-un"), ("Jokowi", "per:joko-widodo"),
])
def test_spelling_variants(variant, eid):
    assert one(variant, JUN25)["entity_id"] == eid


@pytest.mark.parametrize("alias,iso3", [
    ("AS", "USA"), ("Amerika", "USA"), ("Paman Sam", "USA"), ("Tiongkok", "CHN"), ("RRT", "CHN"),
    ("Korut", "PRK"), ("Korsel", "KOR"), ("Inggris", "GBR"), ("Britania Raya", "GBR"),
    ("Negeri Tirai Bambu", "CHN"), ("Negeri Sakura", "JPN"), ("Negeri Jiran", "MYS"),
    ("Negeri Kanguru", "AUS"), ("RI", "IDN"), ("Selandia Baru", "NZL"), ("Pantai Gading", "CIV"),
])
def test_indonesian_country_forms(alias, iso3):
    assert one(alias)["country"] == iso3


def test_case_rules_for_short_forms():
    # "as" / "kim" as ordinary words are not actors
    ms = link("Harga naik sebesar 5 persen, sama seperti tahun lalu as usual.", JUN25)
    assert not [m for m in ms if m.country == "USA"]
    ms = link("Warga menyebutnya Kimia Farma, bukan Kim.", JUN25)
    assert not [m for m in ms if m.entity_id == "per:kim-jong-un"]


def test_morphology_nya_and_hyphen_compounds():
    ms = link("Kerja sama AS-Tiongkok dan hubungan Korea Utara-Rusia memburuk; Rusianya diam.", JUN25)
    countries = [m.country for m in ms]
    assert countries.count("RUS") == 2
    assert {"USA", "CHN", "PRK"} <= set(countries)
    nya = [m for m in ms if m.country == "RUS"][-1]
    assert nya.text == "Rusia"


def test_glued_words_from_scraping():
    ms = link("Presiden RusiaVladimir Putin menerima tamunya.", JUN25)
    assert ms[0].entity_id == "per:vladimir-putin" and ms[0].text == "Presiden RusiaVladimir Putin"


# ---------------------------------------------------------------- coreference
def test_short_names_resolve_to_earlier_full_mention():
    text = ("Presiden Joe Biden mengutuk keputusan pemimpin Korea Utara Kim Jong Un. "
            "Menurut Biden, Kim telah melanggar janji.")
    ms = link(text, NOV24)
    kim = [m for m in ms if m.text == "Kim"]
    assert kim and kim[0].entity_id == "per:kim-jong-un" and kim[0].country == "PRK"
    assert [m for m in ms if m.text == "Biden"][0].sector == "GOV"


def test_short_name_without_antecedent_is_not_guessed():
    assert not [m for m in link("Kim berkata ia akan datang besok.", JUN25) if m.entity_id]


def test_unknown_titled_person_is_a_new_entity_with_coref():
    text = "Menteri Luar Negeri Armenia Vartan Hakobyanyan tiba di Jakarta. Hakobyanyan bertemu Sugiono."
    ms = link(text, JUN25)
    first = ms[0]
    assert first.entity_id.startswith("new:") and first.country == "ARM" and first.sector == "GOV"
    later = [m for m in ms if m.text == "Hakobyanyan"]
    assert later and later[0].entity_id == first.entity_id
    assert [m for m in ms if m.text == "Sugiono"][0].country == "IDN"


# ---------------------------------------------------------------- bare agents and places
def test_bare_agent_in_domestic_news_is_indonesian_but_not_in_foreign_news():
    dom = link("Polisi menangkap dua tersangka korupsi di Bekasi, kata juru bicara Polri.", JUN25)
    assert by_text(dom)["Polisi"].country == "IDN"
    foreign = link("Polisi menembakkan gas air mata ke arah demonstran di Nairobi, Kenya.", JUN25)
    assert by_text(foreign)["Polisi"].country == "KEN"  # the only country named (see test_actors_context)
    two = link("Polisi menembakkan gas air mata ke arah demonstran Kenya dan Uganda.", JUN25)
    assert by_text(two)["Polisi"].country is None


def test_capital_as_place_is_not_an_actor():
    ms = link("JAKARTA - Menlu Sugiono tiba di Beijing pada Senin.", JUN25)
    assert not [m for m in ms if m.text in ("JAKARTA", "Beijing")]


# ---------------------------------------------------------------- pipeline component and CLI
def test_component_sets_sorted_mentions_on_article_date():
    from warta.actors.component import ActorsComponent
    import spacy

    nlp = spacy.blank("id")
    comp = ActorsComponent(nlp, "warta_actors")
    text = "Trump mengancam Iran. Presiden Donald Trump berbicara di Gedung Putih."
    for d, sector in ((NOV24, "ELI"), (JUN25, "GOV")):
        doc = nlp.make_doc(text)
        doc._.article = Article(id="a", text=text, published=d, lang="id")
        doc = comp(doc)
        ms = doc._.mentions
        assert ms == sorted(ms, key=lambda m: m.start)
        trump = [m for m in ms if m.entity_id == "per:donald-trump"]
        assert len(trump) == 2 and {m.sector for m in trump} == {sector}
        for m in ms:
            assert doc.text[m.start:m.end] == m.text


def test_cli_resolve_batch(tmp_path):
    from typer.testing import CliRunner

    from warta.cli import app

    f = tmp_path / "q.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in [
        {"text": "Biden", "date": "2024-11-16"}, {"text": "Biden", "date": "2025-06-19"},
        {"text": "Russian troops", "lang": "en"}, {"text": "meja kayu"}]) + "\n")
    res = CliRunner().invoke(app, ["actors", "resolve", "--batch", str(f)])
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.output.strip().splitlines()]
    assert [o and o["sector"] for o in out] == ["GOV", "ELI", "MIL", None]
    res = CliRunner().invoke(app, ["actors", "resolve", "pasukan Ukraina", "--json"])
    assert json.loads(res.output)["country"] == "UKR"
