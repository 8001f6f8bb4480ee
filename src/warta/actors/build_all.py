"""Rebuild every generated KB file from the open data in ``../shared/reference`` in one command::

    python -m warta.actors.build_all [--reference DIR]

Runs, in order: ``build_cabinets`` (Wikidata, CC0), ``build_countryinfo`` (CountryInfo, CC BY-SA
3.0; reads the cabinets file to skip its people), ``build_parties`` (Party Facts, MIT) and
``build_ucdp`` (UCDP, CC BY 4.0). ``countries.tsv`` has its own generator (``build_countries``, from
installed packages, not from ``../shared``). Each step names its output and row count; a missing
source folder is reported and skipped. The output is the same whatever the order of earlier runs.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from warta.actors import build_cabinets, build_countryinfo, build_parties, build_ucdp
from warta.actors.build_common import REFERENCE

STEPS = [(build_cabinets, "actors/cabinets"), (build_countryinfo, "actors/countryinfo"),
         (build_parties, "actors/partyfacts"), (build_ucdp, "actors/ucdp_actors")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=Path, default=REFERENCE, help="the shared/reference folder")
    a = ap.parse_args(argv)
    failed = 0
    for mod, sub in STEPS:
        from warta.actors import kb
        kb.load_kb.cache_clear()  # each step sees the files the steps before it wrote
        rc = mod.main(["--src", str(a.reference / sub)])
        failed += rc != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
