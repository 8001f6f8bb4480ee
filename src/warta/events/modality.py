"""Modality of an event from the cue words before its trigger (same clause)."""
from __future__ import annotations

WINDOW = 7


def modality(words: list[str], trigger_start: int, clause_start: int, lex, window: int = WINDOW) -> str:
    """asserted / future / negated / hypothetical for the trigger at ``trigger_start``.

    The cue closest to the trigger wins, except that a negation right before a future cue
    (``tidak akan``, ``will not``) negates; a conditional anywhere earlier in the clause
    (``jika``, ``if``) makes the event hypothetical.
    """
    fut, neg, hyp = lex.cue("future"), lex.cue("negation"), lex.cue("hypothetical")
    weak = lex.cue("weak_hypothetical")  # only near the trigger ("kemungkinan", "may")
    lo = max(clause_start, trigger_start - window)
    found = "asserted"
    for i in range(trigger_start - 1, lo - 1, -1):
        w = words[i]
        if w in neg:
            found = "negated"
            break
        if w in hyp:
            found = "hypothetical"
            break
        if w in fut:
            found = "future"
            # "tidak akan" / "will not": negation next to the future cue
            if (i > 0 and words[i - 1] in neg) or (i + 1 < trigger_start and words[i + 1] in neg):
                found = "negated"
            break
    if found == "asserted":
        for i in range(lo - 1, max(clause_start, trigger_start - 15) - 1, -1):
            if words[i] in hyp and words[i] not in weak:
                return "hypothetical"
    return found
