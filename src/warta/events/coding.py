"""The CAMEO coding table: CAMEO code -> PLOVER type/mode, Goldstein score, quad class.

Read from ``warta/data/lexicons/cameo_plover.tsv`` (one row per CAMEO code), cached per process.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True)
class Code:
    cameo: str
    plover_type: str | None
    plover_mode: str | None
    goldstein: float | None
    quad_class: int | None


@functools.lru_cache(maxsize=None)
def table() -> dict[str, Code]:
    """All CAMEO codes of the coding table."""
    path = resources.files("warta") / "data" / "lexicons" / "cameo_plover.tsv"
    out: dict[str, Code] = {}
    header = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cols = (line.split("\t") + [""] * 5)[:5]
        code, ptype, mode, gold, quad = (c.strip() for c in cols)
        out[code] = Code(code, ptype or None, mode or None, float(gold) if gold else None,
                         int(quad) if quad else None)
    return out


def lookup(cameo: str) -> Code:
    """The row of ``cameo``, falling back to its parent codes (``0314`` -> ``031`` -> ``03``)."""
    t = table()
    c = cameo
    while c:
        if c in t:
            row = t[c]
            return row if c == cameo else Code(cameo, row.plover_type, row.plover_mode, row.goldstein, row.quad_class)
        c = c[:-1] if len(c) > 2 else ""
    raise KeyError(f"unknown CAMEO code {cameo!r}")


# Intent codes: a cooperative action announced for the future is CAMEO 03x (PLOVER AGREE);
# a conflictual one is a threat, CAMEO 13x (PLOVER THREATEN).
INTENT_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
               "14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
