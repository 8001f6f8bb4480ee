"""``resolve`` with a context: the context's last words never glue onto the phrase, and a bare
agent with no context around it gets no home country."""
from datetime import date

from warta.actors import resolve


def test_context_ending_in_a_name_does_not_swallow_the_phrase():
    r = resolve("Putin", date(2022, 2, 24), "orders the invasion of Ukraine", "en")
    assert r is not None and (r["country"], r["sector"]) == ("RUS", "GOV")


def test_context_title_does_not_glue_onto_a_short_name():
    r = resolve("Jokowi", date(2025, 3, 1), "kata mantan presiden", "id")
    assert r is not None and (r["country"], r["sector"]) == ("IDN", "ELI")


def test_bare_indonesian_agent_without_context_has_no_country():
    r = resolve("polisi", date(2023, 6, 1), None, "id")
    assert r is not None and r["sector"] == "COP" and r["country"] is None


def test_bare_indonesian_agent_in_domestic_context_is_indonesian():
    r = resolve("polisi", date(2023, 6, 1), "Polisi menangkap dua tersangka pencurian di Medan.", "id")
    assert r is not None and (r["country"], r["sector"]) == ("IDN", "COP")
