"""Recall rules: a city after di/in in the clause of a trigger with no recipient is the place the act is
applied to, and stands for its country as target (sentences written for these tests, news style)."""
from __future__ import annotations

from events_helpers import find, run


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
    assert all(t == [] for _, t in summary_targets(doc))


def summary_targets(doc):
    return [(e.event_type, [a.country for a in e.target]) for e in doc._.events]
