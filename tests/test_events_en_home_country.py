"""English: office holders named without a country take the article's home country (texts written for these tests)."""
from __future__ import annotations

from warta.events.home_country_en import fill_home_country, home_country
from warta.model import Mention
from events_helpers import find, run

UK_TEXT = ("The government has defended its plans for longer licensing hours. Labour ministers and the police "
           "say the change will cut disorder. Home Secretary Jane Doe said the Conservatives were wrong. "
           "Culture Secretary Anna Smith accused the Conservatives of opportunism.")
UK_ACTORS = [("government", "GBR", "AGENT", "GOV"), ("Labour ministers", "GBR", "AGENT", "GOV"),
             ("police", "GBR", "AGENT", "COP"), ("Home Secretary Jane Doe", None, "PER", "GOV"),
             ("Conservatives", "GBR", "ORG", "OPP"), ("Culture Secretary Anna Smith", None, "PER", "GOV"),
             ("Conservatives", "GBR", "ORG", "OPP")]


def test_minister_without_country_takes_the_home_country():
    doc = run(UK_TEXT, UK_ACTORS, lang="en")
    assert (["GBR"], ["GBR"]) in find(doc, "ACCUSE")  # "Culture Secretary Anna Smith accused the Conservatives"


def test_no_home_country_without_a_clear_majority():
    mixed = [Mention(0, 5, "Iraq", country="IRQ", sector="GOV", kind="GPE"),
             Mention(6, 10, "US", country="USA", sector="GOV", kind="GPE"),
             Mention(11, 20, "Pentagon", country="USA", sector="MIL", kind="ORG"),
             Mention(21, 30, "Baghdad", country="IRQ", sector="GOV", kind="GPE"),
             Mention(31, 50, "Minister Ali Hassan", sector="GOV", kind="PER")]
    assert home_country(mixed) is None
    assert fill_home_country(mixed)[-1].country is None


def test_only_political_people_and_agents_are_filled():
    ms = [Mention(0, 3, "UK", country="GBR", sector="GOV", kind="GPE")] * 3 + [
        Mention(10, 20, "chief executive John Roe", sector="BUS", kind="PER"),
        Mention(30, 40, "Minister Jane Roe", sector="GOV", kind="PER"),
        Mention(50, 60, "Acme Party", sector="PTY", kind="ORG")]
    out = fill_home_country(ms)
    assert [m.country for m in out[3:]] == [None, "GBR", None]
