"""Indonesian morphology for lexicon roots: the affixed surface forms of a root.

An analyst writes the root (``kecam``, ``desak``, ``serang``, ``temu``); this module generates
``mengecam, dikecam, kecaman, pengecaman, ...`` with the meN-/peN- nasal assimilation, and the
``-kan``/``-i`` suffixes and ``-nya`` clitic. Each form is tagged with its kind:

* ``active``  meN-, ber-, memper- verbs: the actor is the subject before the verb;
* ``passive`` di-, ter- verbs: the subject is the patient, ``oleh X`` the actor;
* ``noun``    -an, peN-an, per-an, ke-an nominalisations: ``serangan Israel ke Gaza``.
"""
from __future__ import annotations

VOWELS = frozenset("aiueo")
DEFAULT_AFFIXES = ("meN", "di", "an", "peN-an")
ALL_AFFIXES = ("meN", "di", "ter", "ber", "memper", "an", "peN-an", "per-an", "ke-an", "root")


def _syllables(root: str) -> int:
    n, prev = 0, False
    for ch in root:
        v = ch in VOWELS
        if v and not prev:
            n += 1
        prev = v
    return n


def nasal(root: str, base: str = "me") -> set[str]:
    """meN- (base "me") or peN- (base "pe") + root, with nasal assimilation."""
    r = root
    c = r[0]
    second_vowel = len(r) > 1 and r[1] in VOWELS
    out: set[str] = set()
    if c in VOWELS:
        out.add(base + "ng" + r)
    elif c == "k":
        out.add(base + "ng" + (r[1:] if second_vowel else r))
        out.add(base + "ng" + r)
    elif c in "gh" or r.startswith("kh"):
        out.add(base + "ng" + r)
    elif c == "p":
        out.add(base + "m" + (r[1:] if second_vowel else r))
        out.add(base + "m" + r)
    elif c in "bfv":
        out.add(base + "m" + r)
    elif c == "t":
        out.add(base + "n" + (r[1:] if second_vowel else r))
        out.add(base + "n" + r)
    elif c == "s" and not r.startswith("sy"):
        out.add(base + ("ny" + r[1:] if second_vowel else "n" + r))
        out.add(base + "n" + r)
    elif c in "dcjzs":
        out.add(base + "n" + r)
    else:  # l m n r w y
        out.add(base + r)
    if _syllables(r) == 1:
        out.add(base + "nge" + r)
    return out


def _with_prefix(prefix: str, root: str) -> str:
    # ber-/ter-/per- + r-initial root drops one r: ber+runding -> berunding
    if prefix.endswith("r") and root.startswith("r"):
        return prefix[:-1] + root
    return prefix + root


def forms(root: str, affixes: tuple[str, ...] | list[str] = DEFAULT_AFFIXES) -> dict[str, str]:
    """Surface form -> kind (active, passive, noun) for ``root`` with the given affix set."""
    root = root.lower()
    out: dict[str, str] = {}

    def add(form: str, kind: str, verb: bool) -> None:
        suffixes = ("", "kan", "i") if verb else ("",)
        for suf in suffixes:
            f = form + suf
            for clitic in ("", "nya"):
                out.setdefault(f + clitic, kind)

    for a in affixes:
        if a == "meN":
            for f in nasal(root, "me"):
                add(f, "active", True)
        elif a == "di":
            add("di" + root, "passive", True)
        elif a == "ter":
            add(_with_prefix("ter", root), "passive", True)
        elif a == "ber":
            add(_with_prefix("ber", root), "active", True)
        elif a == "memper":
            add(_with_prefix("memper", root), "active", True)
            add(_with_prefix("diper", root), "passive", True)
        elif a == "an":
            add(root + "an", "noun", False)
        elif a == "peN-an":
            for f in nasal(root, "pe"):
                add(f + "an", "noun", False)
        elif a == "per-an":
            add(_with_prefix("per", root) + "an", "noun", False)
        elif a == "ke-an":
            add("ke" + root + "an", "noun", False)
        elif a == "root":
            add(root, "active", False)
        else:
            raise ValueError(f"unknown Indonesian affix {a!r}; use one of {', '.join(ALL_AFFIXES)}")
    return out


def guess_kind(word: str) -> str:
    """Kind of a literal (not generated) Indonesian form, from its affixes."""
    w = word.lower()
    if w.endswith("nya"):
        w = w[:-3]
    if w.startswith(("di", "ter")) and len(w) > 5:
        return "passive"
    if w.startswith(("me", "ber", "memper")):
        return "active"
    if w.endswith("an") and len(w) > 5:
        return "noun"
    return "noun" if len(w) > 0 and not w.startswith(("me", "ber")) else "active"
