"""How the candidate events of one sentence bear on each other: a control or demand verb governs the act it
names, a subjectless clause shares the main verb's subject, an event noun restates its verb's event, the
reporting speaker stands in for a missing source."""
from __future__ import annotations

from warta.events import coding
from warta.events.candidates import Cand, Slot
from warta.events.context import SentenceContext
from warta.events.quote_speaker import quote_source
from warta.events.policy import (AUTHORITY_SECTORS, CONFLICT_INTENT, GOVERNED_GAP, IMPLICIT_JUDICIAL,
                                 IMPLICIT_STATE_AGENT, NO_REPORTER_SOURCE, PROTEST_ENDERS, REPORTER_SOURCE, RIGHT_WINDOW)
from warta.model import Actor


def link_candidates(ctx: SentenceContext, cands: list[Cand]) -> None:
    """Apply the passes in order; they change ``cands`` in place."""
    transparent_orders(ctx, cands)
    control_governs(ctx, cands)
    drop_demanded(ctx, cands)
    drop_hoped(ctx, cands)
    share_bare_subject(ctx, cands)
    restate_nouns(ctx, cands)
    protest_enders(ctx, cands)
    reporter_source(ctx, cands)
    quote_source(ctx, cands)
    implicit_state_agent(ctx, cands)


def transparent_orders(ctx: SentenceContext, cands: list[Cand]) -> None:
    """``Kim memerintahkan latihan uji coba``, ``menginstruksikan jajarannya agar mengawasi ...``: an order that
    governs another trigger closely in its clause is not an event of its own; the ordered act is, with the giver
    of the order as its source where it has none."""
    words = ctx.w
    for i, c in enumerate(cands):
        if not c.m.entry.transparent or c.drop:
            continue
        for x in cands[i + 1:]:
            if x.drop or x.m.start - c.m.end > GOVERNED_GAP + 2:
                break
            if any(words[j] in ctx.boundary or words[j] in (",", ";") for j in range(c.m.end, x.m.start)):
                break
            c.drop = True
            if c.source and (not x.source or x.m.kind == "noun"):
                x.source = list(c.source)
                x.target = [t for t in x.target if t not in x.source]
                x.restated = True  # the ordered act has its actor from the order
            break


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


def _state_act(c: Cand) -> str | None:
    """Sector of the authority that alone does this act (arrest, detention, seizure, ban: police; charge, trial,
    sentence: courts; examination, investigation: police), or None."""
    if c.etype == "COERCE":
        return "COP"
    if c.etype == "ACCUSE" and (c.cameo[:2] == "09" or c.cameo in IMPLICIT_JUDICIAL):
        return "JUD" if c.cameo in IMPLICIT_JUDICIAL else "COP"
    return None


def implicit_state_agent(ctx: SentenceContext, cands: list[Cand]) -> None:
    """``Iwan diperiksa``, ``YS juga ditahan``, ``penangkapan itu``: an arrest, detention, examination or charge
    reported with no agent is an act of the state's authorities; the source is that authority (the trigger's
    words, with the country of an authority named in the sentence, else of the target, else of the nearest
    actor)."""
    if not IMPLICIT_STATE_AGENT:
        return
    slots, slot_at = ctx.slots, ctx.slot_at
    here = sorted({slot_at[i] for i in range(ctx.s, ctx.e) if slot_at[i] >= 0}, key=lambda k: slots[k].ts)
    for c in cands:
        if c.source or c.drop or c.m.kind not in ("passive", "noun") or c.m.start in ctx.governed:
            continue  # (a noun that is the object of another event verb is that verb's matter: "suspended the curfew")
        sector = _state_act(c)
        if sector is None:
            continue
        authority = [k for k in here if k not in c.target and any(
            a.country and a.sector in AUTHORITY_SECTORS for a in slots[k].actors)]
        pool = authority or list(c.target) or sorted(here, key=lambda k: abs(slots[k].ts - c.m.start))
        country = next((a.country for k in pool for a in slots[k].actors if a.country), None)
        if country is None:
            continue
        t0, t1 = ctx.tok_char[c.m.start][0], ctx.tok_char[c.m.end - 1][1]
        k = len(slots)
        slots.append(Slot(c.m.start, c.m.start, [Actor(text=ctx.text[t0:t1], start=t0, end=t1, country=country,
                                                       sector=sector)], kind="IMPLICIT"))
        c.source = [k]
        c.restated = True  # the act has its actor
        c.confidence = min(c.confidence, 0.4)
