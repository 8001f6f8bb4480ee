"""Which candidates are no political events: no actor of their own, business, sport or crime news, venues."""
from __future__ import annotations

from dataclasses import dataclass

from warta.events.candidates import Cand, etype_is_attack, is_sport
from warta.events.context import SentenceContext
from warta.events.policy import HOST_OBJECT_WINDOW, POLITICAL_SECTORS, SPORT_KEEP_SECTORS, STATE_SECTORS


@dataclass
class SentenceFlags:
    """What kind of report the sentence belongs to."""

    sport: bool
    economy: bool
    cyber: bool
    host_objects: frozenset


def sentence_flags(ctx: SentenceContext, article_sport: bool) -> SentenceFlags:
    words, slot_at, slots, lex, s, e = ctx.w, ctx.slot_at, ctx.slots, ctx.lex, ctx.s, ctx.e
    text, tok_char = ctx.text, ctx.tok_char
    # a sport sentence with no political actor in it (police, courts, officials, rebels): nothing is coded
    sport = (article_sport or is_sport(words, s, e, lex, text, tok_char, slot_at)) and not any(
        a.sector in SPORT_KEEP_SECTORS or (a.sector in POLITICAL_SECTORS and slots[k].kind != "GPE")
        for k in {slot_at[i] for i in range(s, e) if slot_at[i] >= 0} for a in slots[k].actors)
    economy = any(words[i] in lex.cue("economy_context") and slot_at[i] < 0 for i in range(s, e))
    cyber = any(words[i] in lex.cue("cyber_context") and slot_at[i] < 0 for i in range(s, e))
    host_objects = lex.cue("host_objects_nonpolitical")
    return SentenceFlags(sport, economy, cyber, host_objects)


def dropped(ctx: SentenceContext, c: Cand, flags: SentenceFlags) -> bool:
    """The candidate ``c`` is no political event (or was dropped by an earlier rule, or has no source)."""
    words, slot_at, slots, e = ctx.w, ctx.slot_at, ctx.slots, ctx.e
    economy, sport, cyber, host_objects = flags.economy, flags.sport, flags.cyber, flags.host_objects
    if c.drop or not c.source:
        return True
    if c.bare_noun and not c.restated and (not c.target or c.weak_target):
        return True  # "the summit", "a promise to lead a revival", "kunjungan ini": a noun with no actor of its own
    if economy and (not c.target or c.weak_target or not any(
            a.sector in POLITICAL_SECTORS or a.sector in SPORT_KEEP_SECTORS for k in c.source for a in slots[k].actors)):
        return True  # "the firm's talks with shareholders", "warned profits would fall": business, not politics
    if sport:
        return True  # "ditahan 1-1 oleh klub asal Meksiko", "Ireland attack": a match, not politics
    if cyber and etype_is_attack(c) and not any(
            a.sector in STATE_SECTORS or slots[k].kind == "GPE" for k in c.source for a in slots[k].actors):
        return True  # "DDoS attacks", "hackers attacked the site": crime or tech news, no state named behind it
    if c.cameo == "043" and any(slot_at[j] < 0 and words[j] in host_objects
                                for j in range(c.m.end, min(e, c.m.end + HOST_OBJECT_WINDOW))):
        return True  # "host the tournament", "tuan rumah Piala Dunia": an event venue, not a visit
    return False
