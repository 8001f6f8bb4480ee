"""English: a trigger word inside a longer proper name is no event ("National Audit Office",
"Special Immigration Appeals Commission", "Amnesty International").

English capitalises names, not common words, in running text: a trigger written with a capital
letter that is not the first word of its sentence, next to another capitalised word, is part of a
name. Sentence-initial words ("Attacks on ...") and words after a quote, colon or bracket are left alone.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][\w'&.-]*")


def _cap(word: str | None) -> bool:
    return bool(word) and word[0].isupper() and word != "I"


def inside_proper_name(sentence: str, start: int, end: int) -> bool:
    """Is the trigger at ``sentence[start:end]`` (character offsets in the sentence) part of a name?"""
    first = sentence[start:end].split()[0] if sentence[start:end].split() else ""
    if not first or not first[0].isupper():
        return False
    before = sentence[:start].rstrip()
    if not before or before[-1] in '.!?:;"\u201c\u2018\'(':
        return False  # the first word of a sentence, quote or parenthesis
    prev = _WORD.findall(before[-40:])
    nxt = _WORD.match(sentence[end:].lstrip())
    prev_word = prev[-1] if prev and before.endswith(prev[-1]) else None
    next_word = nxt.group(0) if nxt and sentence[end:end + 1] == " " else None
    return _cap(prev_word) or _cap(next_word)


def drop_name_triggers(events) -> list:
    """The events whose trigger is not inside a proper name."""
    out = []
    for ev in events:
        sent, trig = ev.evidence, ev.trigger
        if sent is not None and trig is not None and sent.start is not None and trig.start is not None:
            if inside_proper_name(sent.text, trig.start - sent.start, trig.end - sent.start):
                continue
        out.append(ev)
    return out
