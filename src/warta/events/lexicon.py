"""Predicate lexicons (``warta/data/lexicons/events_<lang>.yaml``) compiled into a fast trigger matcher.

Each entry maps predicate patterns to a CAMEO code (PLOVER type/mode come from the coding table
unless the entry overrides them). See ``warta/data/lexicons/README.md`` for the file format.

Matching is one dict lookup per token (the first word of every pattern is a key), then a short
check of the remaining words of the few candidate patterns: no regexes, no loops over the lexicon.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from warta.events import coding, morph_en, morph_id

GAP = 4  # "..." in a phrase: up to this many tokens in between


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: the coding shared by all its patterns."""

    cameo: str
    event_type: str
    mode: str | None
    goldstein: float | None
    quad_class: int | None
    label: str  # the first root/verb/phrase, for reading
    control: str | None = None  # "keep" / "intent": governs a following complement predicate
    needs_target: bool = False  # only an event when a target (recipient) is found
    needs_governed: bool = False  # only an event with a target or a governed event after it ("ordered troops to withdraw")
    target_inside: bool = False  # phrase "A ... B": the target is the actor between A and B ("berharap X dapat")
    transparent: bool = False  # an order that governs another trigger is not coded; the ordered act is, by its giver


@dataclass(frozen=True)
class Pattern:
    rest: tuple[tuple[frozenset[str], int], ...]  # (forms, max gap before) for words 2..n
    entry: Entry
    kinds: dict  # first-word form -> kind (active/passive/noun)
    nwords: int


@dataclass
class Match:
    start: int  # token index (doc)
    end: int  # token index, exclusive
    entry: Entry
    kind: str  # active, passive, noun
    clitic: bool  # -nya on the first word (Indonesian)
    tokens: tuple[int, ...] = field(default=())  # indices of the matched words


@dataclass
class Lexicon:
    lang: str
    index: dict[str, list[Pattern]]
    cues: dict[str, Any]

    def cue(self, name: str) -> frozenset[str]:
        try:
            return self.cues[name]
        except KeyError:
            raise KeyError(f"events_{self.lang}.yaml has no cue list {name!r}: add it under 'cues:' "
                           f"(an empty list [] switches the rule off)") from None


def _entry(raw: dict, label: str) -> Entry:
    if raw.get("ignore"):
        return Entry(cameo="", event_type="IGNORE", mode=None, goldstein=None, quad_class=None, label=label)
    cameo = str(raw["cameo"]).strip()
    row = coding.lookup(cameo)
    etype = raw.get("type") or row.plover_type
    if not etype:
        raise ValueError(f"lexicon entry {label!r}: CAMEO {cameo} has no PLOVER type; give 'type:'")
    if etype not in coding.PLOVER_TYPES:
        raise ValueError(f"lexicon entry {label!r}: unknown PLOVER type {etype!r}")
    mode = raw["mode"] if "mode" in raw else row.plover_mode
    return Entry(cameo=cameo, event_type=etype, mode=mode or None, goldstein=row.goldstein,
                 quad_class=row.quad_class, label=label,
                 control=raw.get("control"), needs_target=bool(raw.get("needs_target", False)),
                 needs_governed=bool(raw.get("needs_governed", False)),
                 target_inside=bool(raw.get("target_inside", False)),
                 transparent=bool(raw.get("transparent", False)))


def _word_forms(lang: str, word: str, affixes) -> dict[str, str]:
    """Forms of one pattern word: ``<root>`` is expanded, ``a|b`` are literal alternatives."""
    if word.startswith("<") and word.endswith(">"):
        base = word[1:-1]
        if lang == "id":
            return morph_id.forms(base, affixes)
        return {f: "active" for f in morph_en.inflect(base)}
    out = {}
    for alt in word.split("|"):
        alt = alt.lower()
        out[alt] = morph_id.guess_kind(alt) if lang == "id" else "active"
        if lang == "id":
            out.setdefault(alt + "nya", out[alt])
    return out


def compile_lexicon(lang: str, data: dict) -> Lexicon:
    index: dict[str, list[Pattern]] = {}

    def add(first: dict[str, str], rest: list[tuple[frozenset[str], int]], entry: Entry, exclude: set[str]):
        first = {f: k for f, k in first.items() if f not in exclude}
        pat = Pattern(rest=tuple(rest), entry=entry, kinds=first, nwords=1 + len(rest))
        for f in first:
            index.setdefault(f, []).append(pat)

    for raw in data.get("entries", []) or []:
        exclude = {str(x).lower() for x in raw.get("exclude", []) or []}
        affixes = tuple(raw.get("affixes") or morph_id.DEFAULT_AFFIXES)
        label = str((raw.get("roots") or raw.get("verbs") or raw.get("words") or raw.get("nouns")
                     or raw.get("phrases") or ["?"])[0])
        entry = _entry(raw, label)
        for root in raw.get("roots", []) or []:  # Indonesian roots
            add(morph_id.forms(str(root), affixes), [], entry, exclude)
        for verb in raw.get("verbs", []) or []:  # English verb lemmas
            add({f: "active" for f in morph_en.inflect(str(verb))}, [], entry, exclude)
        for noun in raw.get("nouns", []) or []:  # English event nouns
            add({f: "noun" for f in morph_en.noun_forms(str(noun))}, [], entry, exclude)
        for word in raw.get("words", []) or []:  # literal forms
            w = str(word).lower()
            kind = morph_id.guess_kind(w) if lang == "id" else ("noun" if raw.get("nouns_only") else "active")
            add({w: kind}, [], entry, exclude)
        for phrase in raw.get("phrases", []) or []:
            words = str(phrase).split()
            first = _word_forms(lang, words[0], affixes)
            if lang == "en" and words[0].startswith("<") is False and raw.get("phrase_kind"):
                first = {f: raw["phrase_kind"] for f in first}
            elif raw.get("phrase_kind"):
                first = {f: raw["phrase_kind"] for f in first}
            rest: list[tuple[frozenset[str], int]] = []
            gap = 0
            for w in words[1:]:
                if w.startswith("...") and (w == "..." or w[3:].isdigit()):
                    gap = int(w[3:]) if w[3:] else GAP  # "...8": up to 8 words in between
                    continue
                rest.append((frozenset(_word_forms(lang, w, affixes)), gap))
                gap = 0
            add(first, rest, entry, exclude)
    for pats in index.values():
        pats.sort(key=lambda p: -p.nwords)
    cues = {k: (frozenset(str(x).lower() for x in v) if isinstance(v, list) else v)
            for k, v in (data.get("cues") or {}).items()}
    return Lexicon(lang=lang, index=index, cues=cues)


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans: only ``true``/``false``, so that word lists may hold ``on``, ``no``, ``off``, ``yes``."""


_Loader.yaml_implicit_resolvers = {k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
                                   for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for _first in "tTfF":
    _Loader.yaml_implicit_resolvers.setdefault(_first, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


def read_yaml(text: str):
    """Parse a lexicon file (``on``/``no``/``yes``/``off`` stay words, not booleans)."""
    return yaml.load(text, Loader=_Loader)


def read_lang(lang: str, folder=None) -> dict:
    """``events_<lang>.yaml`` with the entries of the files it lists under ``include:`` appended
    (after its own entries, so that its own win where patterns tie: ``events_en_cameo.yaml``)."""
    base = folder if folder is not None else resources.files("warta") / "data" / "lexicons"
    data = read_yaml((base / f"events_{lang}.yaml").read_text(encoding="utf-8")) or {}
    for name in data.get("include") or []:
        extra = read_yaml((base / str(name)).read_text(encoding="utf-8")) or {}
        data["entries"] = list(data.get("entries") or []) + list(extra.get("entries") or [])
    return data


@functools.lru_cache(maxsize=None)
def load(lang: str) -> Lexicon:
    """The compiled lexicon of ``lang`` ("id" or "en"), cached per process."""
    return compile_lexicon(lang, read_lang(lang))


def normalise(word: str) -> str:
    """Lower case; reduplicated plurals keep one half (serangan-serangan -> serangan)."""
    w = word.lower()
    if "-" in w:
        a, _, b = w.partition("-")
        if a and (a == b or (b.endswith(a) and len(a) > 3)):  # a lone "-" stays itself
            return a
    return w


def find(lex: Lexicon, words: list[str], start: int, end: int) -> list[Match]:
    """Trigger matches in ``words[start:end]`` (normalised token texts), overlaps resolved."""
    found: list[Match] = []
    index = lex.index
    for i in range(start, end):
        pats = index.get(words[i])
        if not pats:
            continue
        for pat in pats:
            pos = i + 1
            toks = [i]
            ok = True
            for forms, gap in pat.rest:
                j = pos
                lim = min(end, pos + gap + 1)
                while j < lim and words[j] not in forms:
                    j += 1
                if j >= lim:
                    ok = False
                    break
                toks.append(j)
                pos = j + 1
            if ok:
                w = words[i]
                clitic = lex.lang == "id" and (w.endswith("nya") or (i + 1 < end and words[i + 1] == "nya"))
                found.append(Match(i, pos, pat.entry, pat.kinds.get(w, "active"), clitic, tuple(toks)))
                break
    # longest match wins where matches overlap
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: set[int] = set()
    out = []
    for m in found:
        if any(t in taken for t in m.tokens):
            continue
        if any(t in taken for t in range(m.start, m.end)) and m.end - m.start > 1:
            # a gapped phrase may span another trigger: keep it only if its own words are free
            pass
        taken.update(m.tokens)
        out.append(m)
    out.sort(key=lambda m: m.start)
    return out
