"""Place finding and offline resolution."""
import pytest

from warta.when_where.places import find_places, resolve_place


def first(sentence: str):
    pms = find_places(sentence)
    return pms[0] if pms else None


@pytest.mark.parametrize("sentence,text,name,country", [
    ("Prabowo dijadwalkan bertemu Lula di sela-sela KTT G20 di Peru pekan depan.", "Peru", "Peru", "PER"),
    ("Tentara Rusia menembaki desa di wilayah perbatasan Kursk Rusia.", "wilayah perbatasan Kursk Rusia",
     "Kursk", "RUS"),
    ("Menlu Iran berbicara kepada wartawan di Teheran, Senin.", "Teheran", "Tehran", "IRN"),
    ("Perundingan dilanjutkan di Jenewa pekan depan.", "Jenewa", "Geneva", "CHE"),
    ("Sidang digelar di Den Haag.", "Den Haag", "The Hague", "NLD"),
    ("Ribuan orang berunjuk rasa di Yerusalem.", "Yerusalem", "Jerusalem", "ISR"),
    ("Delegasi tiba di Moskow pada Selasa.", "Moskow", "Moscow", "RUS"),
    ("Civilians were killed in Gaza on Tuesday.", "Gaza", "Jalur Gaza", "PSE"),
    ("He met officials in the northern city of Kharkiv.", "the northern city of Kharkiv", "Kharkiv", "UKR"),
    ("Pesawat ditempatkan di pangkalan Diego Garcia, pulau di Samudra Hindia.", "pangkalan Diego Garcia",
     "Diego Garcia", "IOT"),
    ("Prabowo bertemu Putin di Istana Constantine, St Petersburg.", "Istana Constantine, St Petersburg",
     "Saint Petersburg", "RUS"),
])
def test_foreign_places(sentence, text, name, country):
    pm = first(sentence)
    assert pm is not None, sentence
    assert (pm.text, pm.place.name, pm.place.country) == (text, name, country)
    assert sentence[pm.start:pm.end] == pm.text


def test_indonesian_places_with_province():
    pm = first("Rapat koordinasi digelar di Kabupaten Bogor, Jawa Barat.")
    loc = pm.location()
    assert (loc.name, loc.country, loc.admin1) == ("Bogor", "IDN", "Jawa Barat")
    assert loc.lat == pytest.approx(-6.59, abs=0.1) and loc.lon == pytest.approx(106.8, abs=0.1)
    loc = first("Banjir melanda Semarang dan sekitarnya, kata warga di Jawa Tengah.").location()
    assert (loc.name, loc.precision) == ("Jawa Tengah", "admin1")


def test_comma_chain_disambiguates_an_ambiguous_district():
    # "Kuningan" is a regency in West Java and a district of South Jakarta: the chain decides
    loc = first("Pemeriksaan berlangsung di gedung KPK, Kuningan, Jakarta Selatan.").location()
    assert (loc.country, loc.admin1) == ("IDN", "DKI Jakarta")
    assert loc.text == "gedung KPK, Kuningan, Jakarta Selatan"


def test_region_without_country():
    loc = first("AS mengerahkan 30 pesawat ke kawasan Timur Tengah.").location()
    assert (loc.text, loc.name, loc.country, loc.precision) == ("kawasan Timur Tengah", "Timur Tengah", None, "region")


def test_ambiguous_places_are_none_never_guessed():
    assert first("The talks were held in Victoria on Monday.") is None  # Canada? Hong Kong? Argentina?
    # two Kuningans, both in Indonesia: only the country is known
    loc = first("Demo berlangsung di Kuningan kemarin.").location()
    assert (loc.country, loc.precision, loc.admin1) == ("IDN", "country", None)


@pytest.mark.parametrize("sentence", [
    "Trofi itu diserahkan kepada Jordan Henderson.",
    "Analisis itu dimuat di Washington Post.",
    "Pertemuan dijadwalkan di Januari mendatang.",
    "Ia membacakan pernyataan di Istana Constantine.",  # a palace name, not the Algerian city
    "Moskow mengecam keputusan itu.",  # an actor (metonymy), no place preposition
    "Kami tiba di sini kemarin.",
])
def test_false_places(sentence):
    assert find_places(sentence) == []


def test_country_after_destination_cue_is_a_recipient():
    assert find_places("Korea Utara mengirim ribuan tentara ke Rusia.") == []
    assert find_places("Indonesia mengirim tim negosiasi ke AS.") == []
    assert first("Bantuan dikirim ke Kota Gaza.").place.country == "PSE"


def test_us_city_with_state():
    loc = first("The rally was held in Paris, Texas.").location()
    assert (loc.name, loc.country, loc.admin1) == ("Paris", "USA", "Texas")


def test_resolve_dateline_place():
    assert resolve_place("JAKARTA").country == "IDN"
    assert resolve_place("Moskow").name == "Moscow"
    assert resolve_place("Wakanda") is None


@pytest.mark.parametrize("sentence, country, precision", [
    ("Ia berlibur di Negeri Jiran pekan lalu.", "MYS", "country"),  # KB country alias (kb/country_aliases.tsv)
    ("Pertemuan digelar di Korut.", "PRK", "country"),
    ("Ia ditahan di Tokio.", "JPN", "city"),  # KB capital spelling -> the capital city
    ("Delegasi tiba di Moskow.", "RUS", "city"),
    ("Serangan terjadi di Jalur Gaza.", "PSE", "admin1"),  # a curated region is not flattened to the country
])
def test_country_names_come_from_the_actor_kb(sentence, country, precision):
    [pm] = find_places(sentence)
    loc = pm.location()
    assert (loc.country, loc.precision) == (country, precision)


def test_gazetteer_knows_every_kb_country_name():
    from warta.actors.kb import countries, country_aliases
    from warta.when_where.gazetteer import gazetteer

    g = gazetteer()
    for c in countries().values():
        assert c.iso3 in g.countries
        assert any(p.country == c.iso3 for p in g.lookup(c.name_id)), c.name_id
    for a in country_aliases():
        if a.type == "name" and a.iso3 in g.countries:
            assert any(p.country == a.iso3 for p in g.lookup(a.alias)), a.alias
