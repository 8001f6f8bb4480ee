"""A country or demonym on a non-political noun, inside a longer proper name, or in a possessive before
a product or market word is no actor; political agents keep their country."""
import pytest

from warta.actors.linker import link, resolve


def _gpe(text, lang="en"):
    return [(m.text, m.country) for m in link(text, None, lang) if m.kind == "GPE"]


@pytest.mark.parametrize("text", [
    "The British favourite lost the final in four sets.",
    "The Irish duo split up after their third album.",
    "The US rapper sold two million copies last year.",
    "The Spanish striker scored twice on Sunday.",
    "The Swiss star hit back to win the second set.",
    "Analysts expect the US market to recover next year.",
    "Sony's US launch of the console was delayed.",
    "Russia's economy grew by 7% last year.",
    "The Japanese games giant cut its prices.",
    "The group is led by British pop band members.",
])
def test_nonpolitical_noun_gives_no_country(text):
    assert _gpe(text) == []


@pytest.mark.parametrize("text", [
    "Shares in China Life rose sharply on Monday.",
    "She grew up in New South Wales before moving abroad.",
    "The Korea Herald reported the figures on Monday.",
    "He won the US Open last year.",
    "Shares in Royal Dutch Shell fell.",
    "Demand is huge, said Mr Irish.",
])
def test_country_inside_a_longer_name(text):
    assert _gpe(text) == []


def test_central_bank_is_government():
    r = resolve("the Bank of England", lang="en")
    assert (r["country"], r["sector"]) == ("GBR", "GOV")
    r = resolve("the People's Bank of China", lang="en")
    assert (r["country"], r["sector"]) == ("CHN", "GOV")


@pytest.mark.parametrize("text,country,sector", [
    ("US troops attacked the town.", "USA", "MIL"),
    ("The Chinese government protested.", "CHN", "GOV"),
    ("US Marines stormed the city.", "USA", "MIL"),
    ("Israeli police arrested two men.", "ISR", "COP"),
])
def test_political_agents_keep_country(text, country, sector):
    r = resolve(text, lang="en")
    assert r is not None and (r["country"], r["sector"]) == (country, sector)


@pytest.mark.parametrize("text,country", [
    ("The US condemned the attack on Tuesday.", "USA"),
    ("Washington imposed US steel tariffs on imports.", "USA"),
    ("Officials said the British Embassy in Tehran was attacked.", "GBR"),
    ("Talks between Iran and the European Union resumed.", "IRN"),
])
def test_political_countries_kept(text, country):
    assert country in {c for _, c in _gpe(text)} | {m.country for m in link(text, None, "en")}


def test_the_american_is_a_person():
    ms = [m for m in link("The American won the match in straight sets.", None, "en") if m.country]
    assert [(m.country, m.sector, m.kind) for m in ms] == [("USA", "CVL", "AGENT")]
    # an adjective before a noun stays the country's: "the Iraqi town of Falluja"
    assert ("Iraqi", "IRQ") in _gpe("Troops entered the Iraqi town of Falluja.")


@pytest.mark.parametrize("text", [
    "Penyanyi asal Korea Selatan itu tiba di bandara.",
    "Pasar China melemah pada pekan ini.",
    "Film Korea itu diputar di bioskop.",
    "Ekonomi Jepang tumbuh dua persen.",
])
def test_indonesian_nonpolitical(text):
    assert _gpe(text, "id") == []


def test_indonesian_political_kept():
    assert ("Korea Utara", "PRK") in _gpe("Korea Utara menembakkan rudal ke laut.", "id")
    r = resolve("pasukan Israel", lang="id")
    assert (r["country"], r["sector"]) == ("ISR", "MIL")


def test_headline_in_title_case_keeps_country():
    assert ("China", "CHN") in _gpe("Bush Warns China Over Taiwan\n\nThe president spoke on Monday.")


def test_indonesian_place_before_country_is_kept():
    # Indonesian puts the country after the place: "wilayah Kursk Rusia" is Russia's Kursk
    assert ("Rusia", "RUS") in _gpe("Pasukan itu merebut wilayah perbatasan Kursk Rusia pekan lalu.", "id")


def test_adjective_before_noun_is_not_a_person():
    assert ("Danish", "DNK") in _gpe("Hackers defaced Danish Web sites on Monday.")
    ms = [m for m in link("He joined an Israeli peace movement in 1990.", None, "en") if m.country == "ISR"]
    assert ms and all(m.sector != "CVL" for m in ms)
    assert ("Sudan", "SDN") in _gpe("The army lifted the curfew in West Darfur State on Sunday, said Sudan.") or \
        any(m.country == "SDN" for m in link("The army lifted the curfew in West Darfur State on Sunday.", None, "en"))
