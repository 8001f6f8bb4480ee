"""Source and target of one trigger by its kind: active verb, passive verb, event noun."""
from __future__ import annotations

from warta.events.context import SentenceContext
from warta.events.lexicon import Match
from warta.events.policy import (COMPLEMENT_TYPES, GRIEVANCE_TYPES, INNER_OBJECT_TYPES, NO_TYPICAL_TARGET,
                                 SUBJECT_IS_SOURCE)


def roles(ctx: SentenceContext, m: Match) -> tuple[list[int], list[int], float, bool]:
    """Source and target slots of the trigger ``m``, a confidence, and whether the target is only a guess
    (the fallback rule: the nearest other actor)."""
    kind = m.kind
    etype = m.entry.event_type
    weak = False
    inner_only = False  # the object is a word of the phrase, not a coded actor: no target is looked for
    if ctx.lex.lang == "en" and kind == "active" and ctx.is_en_passive(m):
        kind = "passive"
    elif ctx.lex.lang == "en" and kind == "active" and m.start > ctx.s and (
            ctx.w[m.start - 1] in ctx.determiners or ctx.w[m.start - 1] in ("'s", "\u2019s")):
        kind = m.kind = "noun"  # "in a bomb attack", "the strike", "Japan's finances": a verb form used as a noun
    elif ctx.lex.lang == "en" and kind == "active" and ctx.is_en_reduced_passive(m):
        kind = "passive"  # "the policy supported by Mr Howard": a participle with its agent
    purpose = ctx.preceded_by(m.start, ctx.lex.cue("purpose"))
    # "Israel dan Iran saling serang": a reciprocal act has both sides as source and no recipient
    recip = ctx.w[m.start] in ctx.lex.cue("reciprocal") or ctx.preceded_by(m.start, ctx.lex.cue("reciprocal"))
    conf = 0.6
    if kind == "passive":
        src = ctx.agent_after(m.end)
        k0 = ctx.slot_at[m.tokens[0]]
        # "21 tersangka yang ditetapkan KPK": a relative passive whose head noun is part of the phrase
        tgt = [k0] if k0 >= 0 and k0 not in src else ctx.left_subject(m.start)
        if not src and etype in SUBJECT_IS_SOURCE and tgt:
            # "pasukan AS dikerahkan ke ...", "bombers were deployed to ...": the force moved stands for its owner
            src, tgt = tgt, []
        if not tgt:  # "a clinic for Syrian refugees was shelled": the actor inside the subject phrase
            tgt = ctx.antecedent(m.start, set(src))
            if tgt and any(w in ctx.boundary or w in (",", ";") for w in ctx.w[ctx.slots[tgt[0]].te:m.start]):
                tgt = []
        conf = 0.6 if src else 0.3
    elif kind == "noun":
        if m.entry.target_inside and len(m.tokens) > 1:
            # "harapan saya, Indonesia akan ...": the possessor right after the noun, then the hoped-for actor
            k = ctx.slot_at[m.start + 1] if m.start + 1 < ctx.e else -1
            src = [k] if k >= 0 and ctx.slots[k].te < m.tokens[-1] else []
            tgt = ctx.modal_target(m, set(src))
            if src and not tgt:
                src = []
        else:
            src = ctx.genitive(m)
            tgt = ctx.right_target(m.end, set(src), pp_only=True) if src else []
            if src and not tgt and ctx.gap_possessor(m):
                tgt = ctx.object_possessor(m, set(src))
        if not src and m.start in ctx.governed:
            # "condemned the attacks", "membubarkan unjuk rasa": the object of another event verb has the
            # source its own modifiers give it (none here), not the subject of the governing verb
            tgt = ctx.right_target(m.end, set(), pp_only=True)
        elif not src:
            src = ctx.main_subject(m.start) if purpose else ctx.left_subject(m.start)
            tgt = ctx.right_target(m.end, set(src), pp_only=True)
            conf = 0.5
    else:
        src = ctx.main_subject(m.start) if purpose else ctx.left_subject(m.start)
        if m.clitic:
            tgt = ctx.antecedent(m.start, set(src))
        elif len(m.tokens) > 1 and (m.entry.target_inside or (
                etype == "REQUEST" and ctx.w[m.tokens[-1]] in ctx.lex.cue("demand_modal"))):
            tgt = ctx.modal_target(m, set(src))
            if not tgt and m.entry.target_inside:
                tgt = ctx.first_gap_target(m, set(src))
        else:
            tgt = ctx.right_target(m.end, set(src))
            # "menetapkan 21 tersangka", "named X a suspect": the object is a word of the phrase itself
            inner = [ctx.slot_at[t] for t in m.tokens[1:] if ctx.slot_at[t] >= 0 and ctx.slot_at[t] not in src]
            if inner and etype in INNER_OBJECT_TYPES:
                tgt = inner[:1]
            elif etype in INNER_OBJECT_TYPES and len(m.tokens) > 1 and any(
                    ctx.capitalised(t) for t in range(m.tokens[0] + 1, m.tokens[-1]) if t not in m.tokens):
                # "menyatakan Lisa bersalah ... ke hakim X": the object stands inside the phrase and is no
                # coded actor; the actor after the phrase belongs to another clause
                tgt, inner_only = [], True
        conf = 0.7 if src and tgt else 0.55
    if tgt and etype in GRIEVANCE_TYPES and ctx.in_pp(tgt[0], ctx.addressee_preps):
        # "complained to the UN over Israeli raids": the UN is the addressee, Israel the target
        over = ctx.grievance_target(ctx.slots[tgt[-1]].te, set(src))
        if over:
            tgt = over
    if recip and kind != "passive":
        return src, [], conf, False
    if not tgt and kind != "passive" and not inner_only:
        ex = set(src)
        if etype in COMPLEMENT_TYPES:
            tgt = ctx.complement_target(m.end, ex)
        if not tgt:
            tgt = ctx.far_target(m.end, ex)
        if not tgt and ctx.fallback and etype not in NO_TYPICAL_TARGET:
            tgt = ctx.nearest_other(m.start, m.end, ex)
            skeys = {a.country or a.org for k in src for a in ctx.slots[k].actors}
            if tgt and ctx.slots[tgt[0]].pronoun and {a.country or a.org for a in ctx.slots[tgt[0]].actors} <= skeys:
                tgt = []  # a pronoun or repeat of the source itself
            if tgt:
                conf = min(conf, 0.45)
                weak = True
    tgt = [t for t in tgt if t not in src]
    return src, tgt, conf, weak
