"""The actor linker's word lists, read once per process from ``warta/data/kb/linker_words.yaml``.

Also the KB loader's ``PARTICLES`` and ``COMMON_WORDS`` (``warta.actors.kb``), so this module
imports nothing from warta.

The lists are language data (what each does, with an example, is written next to it in the YAML
file; see also the KB README, section "linker_words.yaml"). The loader checks the file strictly, so
that an analyst's slip fails loudly instead of silently changing what the linker finds: every name
the linker reads must be there, no other name may be, and every entry must be a lowercase word in
quotes (YAML reads a bare ``no`` or ``on`` as a boolean and ``1`` as a number).
"""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

import yaml

FILE = "linker_words.yaml"
# the lists the linker reads; ``org_heads`` is a mapping sector -> head words
WORD_SETS = (
    "abbrev", "date_words", "not_name", "org_connect", "armed_words", "intl_words", "igo_words", "loc_join",
    "locative", "admin_words", "np_caps", "np_stop", "np_ed_ok", "nonpol_en", "nonpol_mods", "political_after",
    "nonpol_id", "political_name_words", "nonpol_verbish", "verbish_objects", "geo_words",
    "religion_words", "person_verbs", "cap_nouns", "regime_words", "honorifics", "title_case_small",
    "name_conjunctions", "caps_only_short_names", "particles", "common_words",
)
WORD_MAPS = ("org_heads",)

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _words(name: str, items: object, path: Path) -> set[str]:
    if not isinstance(items, list):
        raise ValueError(f"{path}: {name} must be a list of words, got {type(items).__name__}")
    for w in items:
        if not isinstance(w, str) or not w or w != w.lower() or w != w.strip() or " " in w:
            raise ValueError(f"{path}: {name}: {w!r} is not one lowercase word in quotes")
    return set(items)


@functools.lru_cache(maxsize=None)
def linker_words(path: str | None = None) -> dict[str, set[str] | dict[str, str]]:
    """The word lists by name: a ``set`` of words each, and ``org_heads`` as ``{word: sector}``.

    Read once per process (cached); ``path`` is another KB directory (default: the packaged one).
    """
    f = Path(path) / FILE if path else Path(str(resources.files("warta") / "data" / "kb" / FILE))
    data = yaml.load(f.read_text(encoding="utf-8"), Loader=_Loader)
    if not isinstance(data, dict):
        raise ValueError(f"{f}: expected a mapping of list names to lists")
    missing = [k for k in (*WORD_SETS, *WORD_MAPS) if k not in data]
    unknown = [k for k in data if k not in WORD_SETS and k not in WORD_MAPS]
    if missing or unknown:
        raise ValueError(f"{f}: missing lists {missing}, unknown lists {unknown} (the linker reads {WORD_SETS + WORD_MAPS})")
    out: dict[str, set[str] | dict[str, str]] = {k: _words(k, data[k], f) for k in WORD_SETS}
    for k in WORD_MAPS:
        if not isinstance(data[k], dict):
            raise ValueError(f"{f}: {k} must map a sector code to a list of words")
        m: dict[str, str] = {}
        for sector, ws in data[k].items():
            if not isinstance(sector, str) or not sector.isupper():
                raise ValueError(f"{f}: {k}: sector {sector!r} is not an upper-case code (GOV, PTY, ...)")
            for w in _words(f"{k}.{sector}", ws, f):
                if w in m:
                    raise ValueError(f"{f}: {k}: {w!r} is under both {m[w]} and {sector}")
                m[w] = sector
        out[k] = m
    return out
