"""Helpers shared by the ``build_*`` converters that import open data into ``data/kb/open/``.

Every converter reads a folder of ``../shared/reference`` (or ``--src DIR``), writes one TSV file
whose header names the source, its licence and the command that rebuilds it, and never touches the
hand-kept files. ``python -m warta.actors.build_all`` runs them all.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

KB = Path(__file__).resolve().parent.parent / "data" / "kb"
OPEN = KB / "open"
# ../shared/reference next to the checkout (the worktree's parent holds shared/)
REFERENCE = Path(__file__).resolve().parents[4] / "shared" / "reference"

_LATIN = re.compile(r"[A-Za-z]")


def fold(s: str) -> str:
    """ASCII letters for accented Latin ones: "José Mújica" -> "Jose Mujica" (others kept)."""
    out = unicodedata.normalize("NFKD", s)
    out = "".join(c for c in out if not unicodedata.combining(c))
    return out.replace("ı", "i").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L") \
        .replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("æ", "ae").replace("ð", "d")


# Spellings of the same Russian/Central Asian/Arabic sound that English-language news mix
# ("Mirziyoyev"/"Mirziyoev", "Dmitriy"/"Dmitri", "Tokayev"/"Tokaev"): each rule gives one variant.
_TRANSLIT = [(re.compile(r"(?<=[aeiou])y(?=e[vw])"), ""),   # Tokayev -> Tokaev, Mirziyoyev -> Mirziyoev
             (re.compile(r"iy\b"), "i"),                  # Dmitriy -> Dmitri
             (re.compile(r"ey\b"), "ei")]                  # Sergey -> Sergei


def translit_variants(name: str) -> list[str]:
    """Other spellings of ``name`` from ``_TRANSLIT`` (one rule at a time, and all together)."""
    out = []
    allv = name
    for rx, rep in _TRANSLIT:
        v = rx.sub(rep, name)
        if v != name:
            out.append(v)
        allv = rx.sub(rep, allv)
    if allv != name and allv not in out:
        out.append(allv)
    return out


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s).lower()).strip("-")


def latin(s: str) -> bool:
    """The name is written in Latin letters (labels in Hangul, Han or Cyrillic are left out)."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if _LATIN.match(fold(c))) >= 0.8 * len(letters)


def clean(s: str | None) -> str:
    """One TSV field: no tabs, newlines or ``|`` (the alternatives separator)."""
    return re.sub(r"[\t\r\n|]+", " ", s or "").strip()


def hand_people_names(kb: Path = KB) -> dict[str, str]:
    """Folded lowercase full name -> person id of the hand-kept ``people*.tsv`` files."""
    out: dict[str, str] = {}
    for path in sorted(kb.glob("people*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t") + [""] * 9
            if f[0] == "id":
                continue
            for n in f[6].split("|"):
                if n.strip():
                    out.setdefault(fold(n.strip()).lower(), f[0])
    return out


def hand_people_roles(kb: Path = KB) -> dict[str, list[tuple[str, str, str, str]]]:
    """Person id -> (country, role, start, end) of its rows in the hand-kept ``people*.tsv``."""
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for path in sorted(kb.glob("people*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            f = [x.strip() for x in line.split("\t")] + [""] * 9
            if f[0] != "id":
                out.setdefault(f[0], []).append((f[1], f[2], f[4], f[5]))
    return out


def hand_org_names(kb: Path = KB) -> set[str]:
    """Folded lowercase names of the hand-kept ``orgs.tsv`` organisations."""
    out: set[str] = set()
    for line in (kb / "orgs.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t") + [""] * 6
        for n in f[4].split("|"):
            if n.strip():
                out.add(fold(n.strip()).lower())
    return out


def write_tsv(path: Path, header: str, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        for r in rows:
            fh.write("\t".join(r) + "\n")
