"""How the candidate events of one sentence bear on each other: a control or demand verb governs the act it
names, a subjectless clause shares the main verb's subject, an event noun restates its verb's event, the
reporting speaker stands in for a missing source."""
from __future__ import annotations

from warta.events import coding
from warta.events.candidates import Cand
from warta.events.context import SentenceContext
from warta.events.policy import CONFLICT_INTENT, NO_REPORTER_SOURCE, PROTEST_ENDERS, REPORTER_SOURCE, RIGHT_WINDOW


def link_candidates(ctx: SentenceContext, cands: list[Cand]) -> None:
    """Apply the passes in order; they change ``cands`` in place."""
    control_governs(ctx, cands)
    drop_demanded(ctx, cands)
    drop_hoped(ctx, cands)
    share_bare_subject(ctx, cands)
    restate_nouns(ctx, cands)
    protest_enders(ctx, cands)
    reporter_source(ctx, cands)


def control_governs(ctx: SentenceContext, cands: list[Cand]) -> None:
    words = ctx.w
    # control predicates (sepakat/agree, janji/promise, ancam/threaten) govern a following one
    for i, c in enumerate(cands):
        if not c.m.entry.control or c.drop:
            continue
        for x in cands[i + 1:]:
            if x.drop or x.m.start - c.m.end > 4:
                continue
            if any(words[j] in ctx.boundary or words[j] == "," for j in range(c.m.end, x.m.start)):
                break
            x.drop = True
            if (not c.target or c.weak_target) and x.target and not x.weak_target:
                c.target, c.weak_target = [t for t in x.target if t not in c.source], False
            elif not c.target:
                c.target, c.weak_target = [t for t in x.target if t not in c.source], x.weak_target
            if c.m.entry.control == "intent" and x.etype in CONFLICT_INTENT:
                c.etype, c.cameo, c.mode = "THREATEN", coding.INTENT_CODE.get(x.cameo[:2], "130"), None
            break


def drop_demanded(ctx: SentenceContext, cands: list[Cand]) -> None:
    words, lex = ctx.w, ctx.lex
    # what a REQUEST asks for ("mendesak X agar tidak menyerang Y") is not an event of its own
    demand = lex.cue("demand_complement")
    for i, c in enumerate(cands):
        if c.etype != "REQUEST" or c.drop:
            continue
        modal = len(c.m.tokens) > 1 and words[c.m.tokens[-1]] in lex.cue("demand_modal")
        for x in cands[i + 1:]:
            if any(words[j] in demand for j in range(c.m.end, x.m.start)):
                x.drop = True
            elif modal and 0 <= x.m.start - c.m.end <= 3 and not any(
                    words[j] in ctx.boundary or words[j] == "," for j in range(c.m.end, x.m.start)):
                x.drop = True  # "Y must withdraw": the demanded act


def drop_hoped(ctx: SentenceContext, cands: list[Cand]) -> None:
    words = ctx.w
    # what is hoped for ("berharap Israel akan menghentikan serangan") is not an event of its own
    for i, c in enumerate(cands):
        if not c.m.entry.target_inside or c.drop:
            continue
        for x in cands[i + 1:]:
            if 0 <= x.m.start - c.m.end <= 3 and not any(
                    words[j] in ctx.boundary or words[j] == "," for j in range(c.m.end, x.m.start)):
                x.drop = True


def share_bare_subject(ctx: SentenceContext, cands: list[Cand]) -> None:
    words = ctx.w
    # a subjectless clause after a comma or "and" shares the subject of the verb before it:
    # "X shelled the city, killing 20 people", "X menyerang Y dan menewaskan Z"
    for i, c in enumerate(cands):
        if not c.bare:
            continue
        # the main verb: the first one of the sentence with a subject (not the nearest, which may sit
        # in a purpose or relative clause)
        x = next((x for x in cands[:i] if x.m.kind != "noun" and x.source and not x.bare), None)
        if x is None and any(cc.m.kind != "noun" for cc in cands[:i]):
            c.source = []  # the earlier verb has no actor as subject ("an explosion killed ... and wounded ...")
        elif x is not None and not any(words[j] in ctx.boundary or words[j] == ";" for j in range(x.m.end, c.m.start)):
            c.source = list(x.source)
            if c.weak_target or set(c.target) & set(c.source):
                c.target = [t for t in c.target if t not in c.source]


def restate_nouns(ctx: SentenceContext, cands: list[Cand]) -> None:
    words, slot_at = ctx.w, ctx.slot_at
    # an event noun in a phrase after a verb restates the verb's event with its roles:
    # "X wounded two soldiers in a bomb attack", "X memenjarakan Y atas tuduhan makar"
    for i, c in enumerate(cands):
        if c.m.kind != "noun" or not ctx.noun_in_pp(c.m) or ctx.genitive(c.m):
            continue
        x = next((x for x in reversed(cands[:i]) if x.m.kind != "noun" and not x.drop and x.source), None)
        # the verb's object may be a long name ("memenjarakan 52 anggota Gerakan ... (MASSOB) atas tuduhan"):
        # only the words outside actor mentions count
        if x is None or sum(1 for j in range(x.m.end, c.m.start) if slot_at[j] < 0) > RIGHT_WINDOW or any(
                words[j] in ctx.boundary or words[j] == ";" for j in range(x.m.end, c.m.start)):
            continue
        c.source = list(x.source)
        c.restated = True
        if x.target and (not c.target or c.weak_target):
            c.target, c.weak_target = list(x.target), x.weak_target


def protest_enders(ctx: SentenceContext, cands: list[Cand]) -> None:
# "polisi membubarkan unjuk rasa mahasiswa", "police broke up a demonstration by students": the verb that
    # ends a protest is done to the protesters
    by_start = {c.m.start: c for c in cands}
    for c in cands:
        v = ctx.governed.get(c.m.start)
        x = by_start.get(v.start) if v is not None else None
        if x is None or c.etype != "PROTEST" or x.etype not in PROTEST_ENDERS or not c.source:
            continue
        x.target = [k for k in c.source if k not in x.source]
        x.weak_target = False


def reporter_source(ctx: SentenceContext, cands: list[Cand]) -> None:
    reporters, slots = ctx.reporters, ctx.slots
    if REPORTER_SOURCE and reporters:
        rep = min(reporters, key=lambda k: slots[k].ts)
        for c in cands:
            if not c.source and c.m.kind != "noun" and c.etype not in NO_REPORTER_SOURCE:
                c.source = [rep]
                c.target = [t for t in c.target if t != rep]
                c.confidence = min(c.confidence, 0.35)
