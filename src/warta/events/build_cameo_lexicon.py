"""Generate the English lexicon entries from PETRARCH2's CAMEO verb dictionary.

    python -m warta.events.build_cameo_lexicon [CAMEO.2.0.txt] [-o OUT.yaml] [--stats]

reads the dictionary (default ``../shared/reference/petrarch2/CAMEO.2.0.txt``, MIT licence,
PETRARCH2 / Open Event Data Alliance) and writes ``warta/data/lexicons/events_en_cameo.yaml``, which
``warta.events.lexicon`` reads after the hand-written ``events_en.yaml`` (hand entries win: where two
patterns of the same length start on the same word, the hand one is listed first).

What is carried over (the matcher is linear: a verb, then words after it):
- isolated verbs with a code, where the verb line carries the code itself or is the head of its
  block (the block's TABARI original); WordNet synonyms inherit no code of their own;
- post-verb patterns (``- * NOUN (PREP NOUN) [code]``) as phrases ``<verb> ... noun ... prep ...3 noun``,
  for the verbs the pattern's comment names (where PETRARCH found it), not for every synonym;
  synsets (``&FOOD``) become alternatives;
- patterns coded ``---`` or 010 (null, plain statement: no event) as blockers (``ignore: true``) for verbs that
  have an event sense in the lexicon ("look forward", "set out views").

What is left out (counted with ``--stats``): patterns with words before the verb (subject
restrictions the matcher cannot use), codes without a PLOVER type, and the verbs and codes listed
in ``warta/data/lexicons/cameo_import.yaml`` (common senses that are no political act:
"take", "die", "pass"...). Synonym-set verbs without their own code never code alone.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from warta.events import coding, morph_en

DEFAULT_SOURCE = Path("../shared/reference/petrarch2/CAMEO.2.0.txt")
OUT_NAME = "events_en_cameo.yaml"
PREP_GAP = 3  # words allowed between a preposition and its noun's head ("for much-needed aid")
MAX_VARIANTS = 6  # multi-word synset members expand a pattern into at most this many phrases
PARTICLES = frozenset("up down out off in on over back away forward aside together apart ahead along "
                      "around behind through to for of with by at from into against".split())

_HEADER = """\
# GENERATED FILE - do not edit by hand: edit events_en.yaml (hand entries win) or
# cameo_import.yaml (what the import leaves out), then rebuild with
#     python -m warta.events.build_cameo_lexicon ../shared/reference/petrarch2/CAMEO.2.0.txt
# Source: PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt (https://github.com/openeventdata/petrarch2,
# petrarch2/data/dictionaries/), The MIT License (MIT), Copyright (c) 2015 Open Event Data Alliance
# (PETRARCH2 authors; earlier TABARI CAMEO dictionaries by Philip A. Schrodt and colleagues).
# Permission is granted to use, copy, modify, merge, publish, distribute, sublicense and/or sell
# copies, provided the copyright notice and the permission notice are included:
# "THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED."
# Converted entries: {stats}
"""


class DictionaryError(ValueError):
    """A line of the verb dictionary that cannot be read (message names the line)."""


@dataclass
class Verb:
    words: list[str]  # lower-case words of the verb phrase ("ask", "for")
    head: int  # index of the inflected word
    forms: set[str]  # forms of the head word
    code: str | None  # own code ("" = none given)


@dataclass
class VerbPattern:
    pre: list[str]
    post: list[str]
    code: str
    origin: list[str]  # verbs named in the comment
    line: int


@dataclass
class Block:
    name: str
    code: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class Parsed:
    synsets: dict[str, list[list[str]]]  # &NAME -> member word lists
    blocks: list[Block]
    errors: list[str]


_CODE = re.compile(r"\[([^\]]*)\]")


def _first_code(raw: str) -> str:
    """``042:043`` -> ``042`` (the paired code is the reverse event); ``:173`` -> "" (none for this side)."""
    return raw.split(":")[0].strip()


def _verb_line(text: str, lineno: int) -> Verb:
    code = None
    m = _CODE.search(text)
    if m:
        code = _first_code(m.group(1))
        text = text[:m.start()] + text[m.end():]
    irregular: list[str] | None = None
    b = re.search(r"\{([^}]*)\}", text)
    if b:
        irregular = b.group(1).split()
        text = text[:b.start()] + text[b.end():]
    spec = text.split()
    if len(spec) != 1:
        raise DictionaryError(f"line {lineno}: verb line {text.strip()!r} is not one word or phrase")
    spec = spec[0]
    if "&" in spec or "," in spec:
        raise DictionaryError(f"line {lineno}: verb line {text.strip()!r} holds a synset or list")
    parts = spec.split("_")
    head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    words = [p.lstrip("+").lower() for p in parts if p.lstrip("+")]
    if not words:
        raise DictionaryError(f"line {lineno}: empty verb")
    head = min(head, len(words) - 1)
    lemma = words[head]
    if irregular is None:
        forms = morph_en.inflect(lemma)
    else:
        forms = {lemma}
        for f in irregular:
            fp = f.split("_")
            hi = next((i for i, p in enumerate(fp) if p.startswith("+")), head)
            fw = [p.lstrip("+").lower() for p in fp if p.lstrip("+")]
            if hi < len(fw):
                forms.add(fw[hi])
    return Verb(words=words, head=head, forms=forms, code=code)


def parse(text: str) -> Parsed:
    """Read a PETRARCH verb dictionary: synsets, then ``--- NAME [code] ---`` blocks of verbs and patterns."""
    synsets: dict[str, list[list[str]]] = {}
    blocks: list[Block] = []
    errors: list[str] = []
    current_syn: str | None = None
    block: Block | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#") or line.lstrip().startswith("<"):
            continue
        if line.startswith("~"):  # transformations: verb-verb rules the matcher has no use for
            continue
        comment = ""
        if "#" in line:
            line, _, comment = line.partition("#")
        line = line.strip()
        if not line:
            continue
        if line.startswith("&"):
            current_syn = line.split()[0]
            synsets[current_syn] = []
            block = None
            continue
        if line.startswith("---"):
            current_syn = None
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            if not m:
                errors.append(f"line {lineno}: unreadable block header {line!r}")
                block = None
                continue
            block = Block(name=m.group(1), code=_first_code(m.group(2)).rstrip("-") or "")
            blocks.append(block)
            continue
        if current_syn is not None and line.startswith("+"):
            nodots = current_syn.endswith("_")
            member = line[1:].strip()
            words = [w.lower() for w in member.split("_") if w]
            if words:
                words.append("_" if nodots or member.endswith("_") else "")
                synsets[current_syn].append(words)
            continue
        if block is None:
            errors.append(f"line {lineno}: {line!r} outside a verb block or synset")
            continue
        try:
            if line.startswith("-"):
                m = _CODE.search(line)
                if not m:
                    raise DictionaryError(f"line {lineno}: pattern without a [code]: {line!r}")
                body = line[1:m.start()]
                if "*" not in body:
                    raise DictionaryError(f"line {lineno}: pattern without '*': {line!r}")
                pre, _, post = body.partition("*")
                origin = [w for w in re.split(r"[\s,;/]+", comment.strip()) if w and w.isupper()]
                block.patterns.append(VerbPattern(pre.split(), post.split(), _first_code(m.group(1)),
                                                  origin, lineno))
            else:
                block.verbs.append(_verb_line(line, lineno))
        except DictionaryError as exc:
            errors.append(str(exc))
    return Parsed(synsets, blocks, errors)


# ---------------------------------------------------------------- patterns -> phrases

def _noun_forms(word: str, plural: bool) -> list[str]:
    if (not plural or word in PARTICLES or len(word) < 3 or not word.isalpha()
            or (word.endswith("s") and not word.endswith("ss"))  # already plural (talks, efforts)
            or word.endswith("ing")):  # a gerund (passing, fighting)
        return [word]
    return sorted(morph_en.noun_forms(word), key=lambda f: (f != word, f))


def _group_tokens(post: list[str]) -> list[list[str]] | None:
    """Split the post-verb part into groups: a word, ``{a b}``, or ``(prep ...)``."""
    groups: list[list[str]] = []
    cur: list[str] | None = None
    depth_paren = depth_brace = 0
    for tok in post:
        opens_p = tok.count("(")
        opens_b = tok.count("{")
        if cur is None:
            cur = []
        cur.append(tok)
        depth_paren += opens_p - tok.count(")")
        depth_brace += opens_b - tok.count("}")
        if depth_paren < 0 or depth_brace < 0:
            return None
        if depth_paren == 0 and depth_brace == 0:
            groups.append(cur)
            cur = None
    if cur is not None:
        return None
    return groups


Slot = tuple[tuple[str, ...], int]  # (alternative forms, max gap before)


def _expand_word(tok: str, synsets, plural_head: bool) -> list[list[list[str]]] | None:
    """One dictionary token -> variants, each a list of consecutive word-alternative lists."""
    tok = tok.strip("(){}").lower()
    if not tok or tok in {"$", "^", "+", "%"}:
        return [[]]
    if tok.startswith("&"):
        members = synsets.get(tok.upper())
        if members is None:
            return None
        single: list[str] = []
        multi: list[list[list[str]]] = []
        for m in members:
            words, flag = m[:-1], m[-1]
            if len(words) == 1:
                single.extend(_noun_forms(words[0], flag != "_"))
            else:
                multi.append([[w] for w in words[:-1]] + [_noun_forms(words[-1], flag != "_")])
        out = ([[sorted(dict.fromkeys(single))]] if single else []) + multi
        return out or None
    if not re.fullmatch(r"[a-z0-9'./_-]+", tok):
        return None
    if "/" in tok:
        return [[tok.split("/")]]
    words = [w for w in tok.split("_") if w]
    return [[[w] for w in words[:-1]] + [_noun_forms(words[-1], plural_head)]]


def _group_slots(group: list[str], synsets) -> list[list[Slot]] | None:
    """A group -> variants of slots (words with their gaps)."""
    text = " ".join(group)
    is_pp = text.startswith("(")
    toks = text.replace("(", " ").replace(")", " ").replace("{", " { ").replace("}", " } ").split()
    # units: words or brace phrases
    units: list[list[str]] = []
    in_brace = False
    for t in toks:
        if t == "{":
            in_brace = True
            units.append([])
        elif t == "}":
            in_brace = False
        elif in_brace:
            units[-1].append(t)
        else:
            units.append([t])
    variants: list[list[Slot]] = [[]]
    first = True
    for ui, unit in enumerate(units):
        unit_variants: list[list[Slot]] = [[]]
        for wi, tok in enumerate(unit):
            last = wi == len(unit) - 1
            ex = _expand_word(tok, synsets, plural_head=last and not (is_pp and ui == 0))
            if ex is None:
                return None
            new: list[list[Slot]] = []
            for uv in unit_variants:
                for var in ex:
                    slots = list(uv)
                    for k, alts in enumerate(var):
                        slots.append((tuple(alts), 0))
                    new.append(slots)
            unit_variants = new
        # the unit's first slot: gap from what precedes it
        fixed: list[list[Slot]] = []
        for uv in unit_variants:
            if uv:
                gap = -1 if first else (PREP_GAP if is_pp else -1)
                uv = [(uv[0][0], gap)] + uv[1:]
            fixed.append(uv)
        variants = [v + uv for v in variants for uv in fixed]
        if any(uv for uv in unit_variants):
            first = False
        if len(variants) > MAX_VARIANTS:
            return None
    return variants


def pattern_phrases(verb_word: str, extra: list[str], post: list[str], synsets) -> list[str] | None:
    """Phrases for ``<verb> extra... post-pattern``; None when the pattern cannot be carried."""
    groups = _group_tokens(post)
    if groups is None:
        return None
    variants: list[list[Slot]] = [[]]
    for g in groups:
        gv = _group_slots(g, synsets)
        if gv is None:
            return None
        variants = [v + x for v in variants for x in gv]
        if len(variants) > MAX_VARIANTS:
            return None
    out = []
    for v in variants:
        if not v:
            continue
        words = [verb_word] + extra
        pp_with_noun = len(v) > 1 and v[1][1] == PREP_GAP
        if all(a in PARTICLES for a in v[0][0]) and not pp_with_noun:
            # a particle or bare preposition right after the verb ("call on", "reach out") is adjacent
            v = [(v[0][0], 0)] + v[1:]
        for alts, gap in v:
            if gap == -1:
                words.append("...")
            elif gap > 0:
                words.append(f"...{gap}")
            words.append("|".join(alts))
        out.append(" ".join(words))
    return out


def _verb_word(v: Verb) -> tuple[str, list[str]]:
    """The phrase's first word for verb ``v`` (``<lemma>`` where inflection gives its forms) and the rest."""
    lemma = v.words[v.head]
    regular = morph_en.inflect(lemma)
    first = f"<{lemma}>" if v.forms <= regular else "|".join(sorted(v.forms))
    if v.head != 0:  # "wire <tap>": the phrase starts on the fixed word
        return v.words[0], v.words[1:v.head] + [first] + v.words[v.head + 1:]
    return first, v.words[1:]


# ---------------------------------------------------------------- conversion

def _codable(code: str) -> bool:
    if not code or not code.isdigit():
        return False
    try:
        return coding.lookup(code).plover_type is not None
    except KeyError:
        return False


def _statement(code: str) -> bool:
    """A null pattern (``---``) or a plain statement (010): no event, a blocker. The other 01x codes
    (deny responsibility, pessimistic comment...) are no PLOVER event either, but they often name an
    act the hand rules code otherwise ("dismissed claims" is a REJECT), so they neither code nor block."""
    return code in ("", "---", "010")


def _swallows(phrase: str, event_words) -> bool:
    """Would the phrase take in a word that starts a hand-written trigger after its first word?

    ("<announce> ... withdraw", "<offer> ... talks"): the hand rules code that trigger with its
    complement, control and modality cues; a longer imported phrase would hide it."""
    for w in phrase.split()[1:]:
        if w.startswith("..."):
            continue
        if any(a in event_words for a in w.split("|")):
            return True
    return False


@dataclass
class Filters:
    skip_verbs: frozenset[str] = frozenset()
    skip_codes: frozenset[str] = frozenset()
    skip_phrases: frozenset[str] = frozenset()


def load_filters(path: Path | None = None) -> Filters:
    import yaml

    if path is None:
        text = (resources.files("warta") / "data" / "lexicons" / "cameo_import.yaml").read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return Filters(skip_verbs=frozenset(str(x).lower() for x in data.get("skip_verbs") or []),
                   skip_codes=frozenset(str(x) for x in data.get("skip_codes") or []),
                   skip_phrases=frozenset(str(x).lower() for x in data.get("skip_phrases") or []))


def convert(parsed: Parsed, filters: Filters, event_verbs: set[str] = frozenset(),
            overrides: dict[str, dict] | None = None) -> tuple[dict, dict]:
    """Entries for the lexicon file and counts of what was kept and left out.

    ``event_verbs``: verb forms that already start an event pattern (the hand lexicon); a blocker
    is only written for a verb with an event sense. ``overrides``: CAMEO code -> ``type``/``mode``
    the hand lexicon gives that code where the PLOVER manual differs from the plain mapping
    (lifting a curfew is CONCEDE): generated entries of the code get the same.
    """
    overrides = overrides or {}
    stats = {"blocks": len(parsed.blocks), "verbs": 0, "patterns": 0, "isolated_verbs": 0, "phrases": 0,
             "blockers": 0, "skipped_pre_verb": 0, "skipped_no_plover": 0, "skipped_filtered": 0,
             "skipped_unreadable": 0, "skipped_hand_trigger": 0, "skipped_hand_verb": 0, "synonym_verbs_without_code": 0}
    isolated: dict[str, list[str]] = {}
    phrases: dict[str, list[str]] = {}
    blockers: list[str] = []
    coded_verbs: set[str] = set(event_verbs)
    pending_blockers: list[tuple[Verb, str]] = []
    for block in parsed.blocks:
        stats["verbs"] += len(block.verbs)
        stats["patterns"] += len(block.patterns)
        head_name = block.name.lower().split("_")
        for v in block.verbs:
            lemma = v.words[v.head]
            if v.code is not None:
                code = v.code
            elif v.words == head_name or (len(v.words) == 1 and v.words[0] == head_name[0] and len(head_name) == 1):
                code = block.code
            else:
                if block.code and _codable(block.code):
                    stats["synonym_verbs_without_code"] += 1
                continue
            if " ".join(v.words) in filters.skip_verbs or lemma in filters.skip_verbs or code in filters.skip_codes:
                stats["skipped_filtered"] += 1
                continue
            if not _codable(code):
                if code and not _statement(code):
                    stats["skipped_no_plover"] += 1
                continue
            if v.forms & event_verbs and len(v.words) == 1:
                stats["skipped_hand_verb"] += 1  # the hand lexicon codes this verb (with its own rules)
                continue
            first, rest = _verb_word(v)
            if rest:
                phrases.setdefault(code, []).append(" ".join([first] + rest))
            elif first.startswith("<"):
                isolated.setdefault(code, []).append(lemma)
            else:
                phrases.setdefault(code, []).append(first)
            coded_verbs |= v.forms
            stats["isolated_verbs"] += 1
        names = {" ".join(v.words): v for v in block.verbs}
        names.update({v.words[v.head]: v for v in block.verbs if len(v.words) == 1})
        for p in block.patterns:
            if p.pre:
                stats["skipped_pre_verb"] += 1
                continue
            origin = [names[o.lower().replace("_", " ")] for o in p.origin if o.lower().replace("_", " ") in names]
            if not p.origin or not origin:
                head = names.get(" ".join(head_name))
                origin = [head] if head else []
            if not origin:
                stats["skipped_unreadable"] += 1
                continue
            for v in origin:
                lemma = " ".join(v.words)
                if lemma in filters.skip_verbs or v.words[v.head] in filters.skip_verbs:
                    stats["skipped_filtered"] += 1
                    continue
                first, rest = _verb_word(v)
                made = pattern_phrases(first, rest, p.post, parsed.synsets)
                if made is None:
                    stats["skipped_unreadable"] += 1
                    continue
                made = [m for m in made if m.lower() not in filters.skip_phrases]
                if not _statement(p.code) and v.forms & event_verbs:
                    stats["skipped_hand_verb"] += len(made)
                    continue
                if not _statement(p.code):
                    kept = [m for m in made if not _swallows(m, event_verbs)]
                    stats["skipped_hand_trigger"] += len(made) - len(kept)
                    made = kept
                if _statement(p.code):
                    pending_blockers.extend((v, m) for m in made if m.count(" ") >= 1)
                    continue
                if p.code in filters.skip_codes:
                    stats["skipped_filtered"] += 1
                    continue
                if not _codable(p.code):
                    stats["skipped_no_plover"] += 1
                    continue
                phrases.setdefault(p.code, []).extend(made)
                coded_verbs |= v.forms
    for v, m in pending_blockers:
        if v.forms & coded_verbs:
            blockers.append(m)
    entries = []
    for code in sorted(set(isolated) | set(phrases), key=lambda c: (c[:2], c)):
        e: dict = {"cameo": code, **overrides.get(code, {})}
        if code in isolated:
            e["verbs"] = sorted(dict.fromkeys(isolated[code]))
        if code in phrases:
            e["phrases"] = list(dict.fromkeys(phrases[code]))
        entries.append(e)
    stats["phrases"] = sum(len(e.get("phrases", [])) for e in entries)
    if blockers:
        entries.append({"ignore": True, "phrases": list(dict.fromkeys(blockers))})
        stats["blockers"] = len(entries[-1]["phrases"])
    return {"lang": "en", "entries": entries}, stats


def hand_lexicon() -> tuple[set[str], dict[str, dict]]:
    """The hand-written English lexicon: first words of its event (non-ignore) patterns, and the
    ``type``/``mode`` it gives a CAMEO code where that differs from the coding table."""
    from warta.events import lexicon

    text = (resources.files("warta") / "data" / "lexicons" / "events_en.yaml").read_text(encoding="utf-8")
    data = lexicon.read_yaml(text) or {}
    events = [e for e in data.get("entries") or [] if not e.get("ignore")]
    data = {**data, "entries": events}
    data.pop("include", None)
    overrides: dict[str, dict] = {}
    for e in events:
        if "type" in e or "mode" in e:
            o = overrides.setdefault(str(e["cameo"]), {})
            for k in ("type", "mode"):
                if k in e:
                    o.setdefault(k, e[k])
    return set(lexicon.compile_lexicon("en", data).index), overrides


def dump(data: dict, stats: dict) -> str:
    """The generated file's text: header, then one entry per code (one line per list)."""
    import json

    summary = ", ".join(f"{k} {v}" for k, v in stats.items())
    lines = [_HEADER.format(stats=summary).rstrip(), "lang: en", "entries:"]
    for e in data["entries"]:
        if e.get("ignore"):
            lines.append("  - ignore: true")
        else:
            lines.append(f"  - cameo: \"{e['cameo']}\"")
            for k in ("type", "mode"):
                if k in e:
                    lines.append(f"    {k}: {json.dumps(e[k])}")
        for key in ("verbs", "phrases"):
            if key in e:
                lines.append(f"    {key}:")
                lines.extend(f"      - {json.dumps(x)}" for x in e[key])
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m warta.events.build_cameo_lexicon", description=__doc__.split("\n")[0])
    ap.add_argument("source", nargs="?", default=str(DEFAULT_SOURCE), help="PETRARCH2 CAMEO verb dictionary")
    ap.add_argument("-o", "--out", default=None, help=f"output file (default: warta/data/lexicons/{OUT_NAME})")
    ap.add_argument("--filters", default=None, help="import filter file (default: cameo_import.yaml)")
    ap.add_argument("--stats", action="store_true", help="print what was kept and left out")
    args = ap.parse_args(argv)
    src = Path(args.source)
    if not src.exists():
        print(f"error: {src}: no such file (give the path of PETRARCH2's CAMEO.2.0.txt)", file=sys.stderr)
        return 2
    parsed = parse(src.read_text(encoding="utf-8", errors="replace"))
    for err in parsed.errors:
        print(f"warning: {src}: {err} (skipped)", file=sys.stderr)
    filters = load_filters(Path(args.filters) if args.filters else None)
    verbs, overrides = hand_lexicon()
    data, stats = convert(parsed, filters, verbs, overrides)
    out = Path(args.out) if args.out else Path(str(resources.files("warta") / "data" / "lexicons" / OUT_NAME))
    out.write_text(dump(data, stats), encoding="utf-8")
    if args.stats:
        for k, v in stats.items():
            print(f"{k}\t{v}")
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
