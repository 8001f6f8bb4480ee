"""English inflection for lexicon verbs: condemn -> condemns, condemned, condemning."""
from __future__ import annotations

IRREGULAR: dict[str, tuple[str, ...]] = {
    "meet": ("met",), "send": ("sent",), "shoot": ("shot",), "fight": ("fought",), "hold": ("held",),
    "give": ("gave", "given"), "break": ("broke", "broken"), "withdraw": ("withdrew", "withdrawn"),
    "beat": ("beaten",), "strike": ("struck", "stricken"), "speak": ("spoke", "spoken"),
    "lead": ("led",), "sell": ("sold",), "take": ("took", "taken"), "throw": ("threw", "thrown"),
    "bring": ("brought",), "begin": ("began", "begun"), "forbid": ("forbade", "forbidden"),
    "draw": ("drew", "drawn"), "freeze": ("froze", "frozen"), "win": ("won",), "leave": ("left",),
    "steal": ("stole", "stolen"), "tell": ("told",), "seek": ("sought",), "keep": ("kept",),
    "pay": ("paid",), "blow": ("blew", "blown"), "forgive": ("forgave", "forgiven"),
    "swear": ("swore", "sworn"), "slay": ("slew", "slain"), "stand": ("stood",), "say": ("said",),
    "flee": ("fled",), "rise": ("rose", "risen"), "overrun": ("overran",), "undertake": ("undertook", "undertaken"),
    "shake": ("shook", "shaken"), "ride": ("rode", "ridden"), "drive": ("drove", "driven"),
    "come": ("came",), "go": ("went", "gone"), "do": ("did", "done"), "make": ("made",),
    "get": ("got", "gotten"), "set": ("set",), "put": ("put",), "cut": ("cut",), "hit": ("hit",),
    "shut": ("shut",), "spread": ("spread",), "quit": ("quit",), "bid": ("bid",), "lay": ("laid",),
    "wound": ("wounded",), "overthrow": ("overthrew", "overthrown"), "upset": ("upset",),
    "feel": ("felt",), "find": ("found",), "buy": ("bought",), "build": ("built",), "hang": ("hung", "hanged"),
    "shoot down": ("shot down",), "see": ("saw", "seen"), "write": ("wrote", "written"),
}

_VOWELS = set("aeiou")


def inflect(lemma: str) -> set[str]:
    """All inflected forms of a single-word English verb lemma (lower case)."""
    w = lemma.lower()
    out = {w}
    out.update(IRREGULAR.get(w, ()))
    if w.endswith("e") and not w.endswith("ee"):
        stem_ing = w[:-1]
        out |= {w + "s", w + "d", stem_ing + "ing"}
    elif w.endswith("ee"):
        out |= {w + "s", w + "d", w + "ing"}
    elif w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "sh", "ch", "x", "z")):
        out |= {w + "es", w + "ed", w + "ing"}
    else:
        out |= {w + "s", w + "ed", w + "ing"}
        # consonant-vowel-consonant endings may double (ban -> banned, expel -> expelled);
        # both spellings are listed, the unused one never matches.
        if len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return out


def noun_forms(noun: str) -> set[str]:
    """Singular and plural of an English event noun (attack -> attacks)."""
    w = noun.lower()
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        return {w, w[:-1] + "ies"}
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return {w, w + "es"}
    return {w, w + "s"}
