"""Candidates become Event records: modality recoding (intents, refusals), roles as actors, one event per act
and sentence (a repeat with fewer roles merges into the fuller one)."""
from __future__ import annotations

from warta.events import coding
from warta.events.candidates import Cand
from warta.events.context import SentenceContext
from warta.events.policy import CONFLICT_INTENT, COOP_INTENT, FUTURE_AS, REFUSABLE
from warta.model import Actor, Event, Span


def recode(c: Cand) -> tuple[str, str, str | None]:
    """Type, CAMEO code and mode of ``c`` after its modality (sets ``c.modality`` for a refusal)."""
    etype, cameo, mode = c.etype, c.cameo, c.mode
    if c.modality == "future" and (etype in COOP_INTENT or etype in CONFLICT_INTENT):
        cameo = coding.INTENT_CODE.get(cameo[:2], cameo)
        etype = "AGREE" if etype in COOP_INTENT else "THREATEN"
        mode = coding.lookup(cameo).plover_mode
    elif c.modality == "negated" and c.refusal and etype in REFUSABLE:
        # "will not accept", "tidak akan mengizinkan", "refused to allow": a refusal (CAMEO 12)
        etype, cameo, mode, c.modality = "REJECT", "120", None, "asserted"
    elif c.modality == "future" and etype in ("CONCEDE", "RETREAT"):
        if c.intent:  # "is willing to withdraw", "siap mencabut": willingness is AGREE (03x)
            cameo = coding.INTENT_CODE.get(cameo[:2], cameo)
            etype, mode = "AGREE", coding.lookup(cameo).plover_mode
        elif etype in FUTURE_AS:
            etype, mode = FUTURE_AS[etype], None
    return etype, cameo, mode


class EventCollector:
    """The events of one sentence, one per act."""

    def __init__(self, ctx: SentenceContext, doc_id: str, sent_index: int, sent_span: Span):
        self.ctx, self.doc_id, self.sent_index, self.sent_span = ctx, doc_id, sent_index, sent_span
        self.first_person = ctx.lex.cue("pronoun_first")
        self.events: list[Event] = []
        self.weak_of: list[bool] = []
        self.seen: dict[tuple, int] = {}

    def add(self, c: Cand) -> None:
        ctx, events, weak_of, seen = self.ctx, self.events, self.weak_of, self.seen
        words, slots, first_person, tok_char, text = ctx.w, ctx.slots, self.first_person, ctx.tok_char, ctx.text
        doc_id, sent_index, sent_span = self.doc_id, self.sent_index, self.sent_span
        etype, cameo, mode = recode(c)
        row = coding.lookup(cameo)
        # an actor is not its own recipient: "Saya minta maaf ... kepada saya" (a pronoun for the source itself)
        sid = frozenset().union(*(slots[k].ident for k in c.source))
        c.target = [t for t in c.target if not (slots[t].pronoun and words[slots[t].ts] in first_person
                                                and slots[t].ident and slots[t].ident <= sid)]
        source = _dedupe([a for k in c.source for a in slots[k].actors])
        target = _dedupe([a for k in c.target for a in slots[k].actors])
        skeys = _keys(source)
        spans = {(a.start, a.end) for a in source}
        target = [a for a in target if (a.start, a.end) not in spans]
        key = (etype, skeys, _keys(target))
        if key in seen:
            return
        # the same event with fewer roles (no target, or only a guessed one) is a duplicate of a fuller one
        sub = next((i for (t, sk, tk), i in seen.items() if t == etype and sk == skeys and (
            not target or not tk or c.weak_target or weak_of[i])), None)
        if sub is not None:
            if target and (not events[sub].target or (weak_of[sub] and not c.weak_target)):
                events[sub].target = target
                weak_of[sub] = c.weak_target
                seen[(etype, skeys, _keys(target))] = sub
            return
        t0, t1 = tok_char[c.m.start][0], tok_char[c.m.end - 1][1]
        ev = Event(doc_id=doc_id, sentence_index=sent_index, event_type=etype, mode=mode, cameo=cameo,
                   goldstein=row.goldstein, quad_class=row.quad_class, source=source, target=target,
                   modality=c.modality, evidence=sent_span, trigger=Span(t0, t1, text[t0:t1]),
                   confidence=min(1.0, c.confidence + (0.1 if len(c.m.tokens) > 1 else 0.0)))
        seen[key] = len(events)
        events.append(ev)
        weak_of.append(c.weak_target)


def _keys(actors: list[Actor]) -> frozenset[str]:
    return frozenset((a.country or a.org or a.text or "").upper() for a in actors)


def _dedupe(actors: list[Actor]) -> list[Actor]:
    out, seen = [], set()
    for a in actors:
        k = (a.start, a.end, a.country, a.org)
        if k not in seen:
            seen.add(k)
            out.append(a)
    return out
