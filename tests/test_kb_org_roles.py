"""Organisations whose country or sector changes over time (``data/kb/org_roles.tsv``).

Resolution goes through :meth:`warta.actors.kb.Entity.on`, the same call the linker makes to resolve
a KB entity on the article's date.
"""
from __future__ import annotations

import re
from datetime import date

import pycountry
import pytest

from warta.actors import load_kb, resolve
from warta.actors.kb import kb_dir, parse_date

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def _on(oid: str, d: date | None):
    country, org, sector, _role = load_kb().entities[f"org:{oid}"].on(d)
    return country, org, sector


def _rows():
    lines = (kb_dir() / "org_roles.tsv").read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]
    assert rows[0][:6] == ["id", "country", "sector", "start", "end", "source"]
    return rows[1:]


def test_org_roles_rows_are_valid():
    kb = load_kb()
    for row in _rows():
        assert len(row) == 6, row
        oid, country, sector, start, end, source = row
        assert f"org:{oid}" in kb.entities, f"unknown org id {oid!r}"
        assert not country or country in ISO3, row
        assert re.fullmatch(r"[A-Z]{3}", sector), row
        for v in (start, end):
            assert not v or DATE_RE.match(v), row
        if start and end:
            assert parse_date(start) < parse_date(end), row
        assert source.strip(), f"{oid}: every row needs a source"


@pytest.mark.parametrize("d, expected", [
    (date(1995, 1, 1), ("AFG", "Taliban", "REB")),
    (date(1998, 6, 1), ("AFG", "Taliban", "GOV")),  # Islamic Emirate, 1996-2001
    (date(2001, 11, 13), ("AFG", "Taliban", "REB")),  # end is the first day out
    (date(2020, 1, 1), ("AFG", "Taliban", "REB")),
    (date(2021, 8, 14), ("AFG", "Taliban", "REB")),
    (date(2021, 8, 15), ("AFG", "Taliban", "GOV")),
    (date(2022, 1, 1), ("AFG", "Taliban", "GOV")),
    (None, ("AFG", "Taliban", "GOV")),  # no date: the current (open-ended) row
])
def test_taliban_over_time(d, expected):
    assert _on("taliban", d) == expected


def test_hamas_houthis_hts():
    # Hamas led the Palestinian Authority cabinet 2006-2007; governing Gaza alone it stays REB.
    assert _on("hamas", date(2005, 1, 1)) == ("PSE", "Hamas", "REB")
    assert _on("hamas", date(2006, 6, 1))[2] == "GOV"
    assert _on("hamas", date(2007, 6, 15))[2] == "REB"
    assert _on("hamas", date(2024, 11, 16))[2] == "REB"
    # the Houthis hold Sanaa but not the recognised state: REB throughout
    assert _on("houthis", date(2014, 9, 21)) == ("YEM", "Houthis", "REB")
    assert _on("hts", date(2024, 12, 7)) == ("SYR", "HTS", "REB")
    assert _on("hts", date(2024, 12, 8)) == ("SYR", "HTS", "GOV")


def test_open_start_row():
    # the RSF was a state paramilitary force until the war of 15 April 2023
    assert _on("rsf-sudan", date(2020, 1, 1)) == ("SDN", "RSF", "MIL")
    assert _on("rsf-sudan", date(2023, 4, 15)) == ("SDN", "RSF", "REB")


def test_org_without_dated_rows_keeps_default():
    assert _on("hezbollah", date(2024, 1, 1)) == _on("hezbollah", None) == ("LBN", "Hezbollah", "REB")


def test_linker_resolves_taliban_on_date():
    assert resolve("Taliban", date(2020, 1, 1))["sector"] == "REB"
    assert resolve("Taliban", date(2022, 1, 1))["sector"] == "GOV"
