"""Recall rules: a city after di/in in the clause of a trigger with no recipient is the place the act is
applied to, and stands for its country as target (sentences written for these tests, news style)."""
from __future__ import annotations

from events_helpers import find, run, summary


def test_city_after_di_is_the_target_of_a_suspension_id():
    doc = run("Palang Merah Internasional menangguhkan pengiriman bantuan di Kabul pada Selasa.",
              [("Palang Merah Internasional", "ICRC", "ORG")])
    assert (["ICRC"], ["AFG"]) in find(doc, "SANCTION")


def test_city_after_in_is_the_target_of_an_agreement_en():
    doc = run("Opposition leaders agreed on Friday to call off the planned rally in Tbilisi.",
              [("Opposition leaders", "GEO", "AGENT")], lang="en")
    assert any(t == ["GEO"] for _, t in find(doc, "AGREE"))


def test_a_recipient_actor_is_kept_over_the_city():
    doc = run("Jepang mengirim bantuan kepada Filipina di Manila pekan lalu.",
              [("Jepang", "JPN", "GPE"), ("Filipina", "PHL", "GPE")])
    assert all(t == ["PHL"] for _, t in find(doc, "AID"))


def test_a_city_in_another_clause_is_not_taken():
    doc = run("The rebels suspended the talks, officials in Nairobi said.",
              [("rebels", None, "AGENT")], lang="en")
    assert all(t == [] for _, t in find(doc, "SANCTION") + find(doc, "REJECT"))


def test_a_month_after_in_is_no_place():
    doc = run("Police suspended the curfew in March.",
              [("Police", "KEN", "AGENT")], lang="en")
    assert all(t == [] for _, _, t in summary(doc))


def test_forcing_people_out_of_their_homes_is_a_mass_expulsion_id():
    doc = run("Tentara memaksa ratusan warga desa keluar dari rumah mereka pada Senin.",
              [("Tentara", "MMR", "AGENT"), ("warga desa", "BGD", "AGENT")])
    assert (["MMR"], ["BGD"]) in find(doc, "ASSAULT")


def test_driving_people_from_their_villages_is_a_mass_expulsion_en():
    doc = run("Militiamen drove thousands of farmers from their villages last week.",
              [("Militiamen", "SDN", "AGENT"), ("farmers", "TCD", "AGENT")], lang="en")
    assert (["SDN"], ["TCD"]) in find(doc, "ASSAULT")


def test_forcing_an_agency_out_of_the_country_stays_an_expulsion_id():
    doc = run("Pemerintah memaksa badan PBB keluar dari negara itu.",
              [("Pemerintah", "IDN", "AGENT"), ("badan PBB", "UN", "ORG")])
    assert find(doc, "SANCTION") and not find(doc, "ASSAULT")


def test_forced_out_from_their_villages_is_a_mass_expulsion_en():
    doc = run("The army forced out hundreds of Kurdish families from their villages on Tuesday.",
              [("army", "TUR", "AGENT"), ("Kurdish families", "KRD", "AGENT")], lang="en")
    assert (["TUR"], ["KRD"]) in find(doc, "ASSAULT") and not find(doc, "SANCTION")


def test_shortening_a_curfew_by_hours_is_a_concession_en():
    doc = run("The governor on Friday shortened by two hours the nightly curfew in the province.",
              [("governor", "NGA", "AGENT")], lang="en")
    assert find(doc, "CONCEDE") and not find(doc, "COERCE")


def test_an_explosion_near_the_town_of_a_place_takes_the_place_as_source_en():
    doc = run("A minefield explosion near the town of Kandahar killed two Afghan soldiers on Sunday.",
              [("Kandahar", "AFG", "GPE"), ("Afghan soldiers", "AFG", "AGENT")], lang="en")
    assert (["AFG"], ["AFG"]) in find(doc, "ASSAULT")


def test_an_explosion_near_a_town_takes_the_place_as_source_id():
    doc = run("Sebuah ledakan ranjau dekat kota Kandahar menewaskan dua tentara Afghanistan.",
              [("Kandahar", "AFG", "GPE"), ("tentara Afghanistan", "AFG", "AGENT")])
    assert (["AFG"], ["AFG"]) in find(doc, "ASSAULT")


def test_cutting_hours_off_a_curfew_is_a_concession_id():
    doc = run("Gubernur pada Jumat memangkas dua jam durasi jam malam di provinsi itu.",
              [("Gubernur", "NGA", "AGENT")])
    assert find(doc, "CONCEDE") and not find(doc, "COERCE")
