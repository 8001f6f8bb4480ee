"""Event nouns and their arguments: the possessor or ``by X`` actor, an actor modifying the noun, a light
verb or a preposition governing the noun, and nouns that are the object of an event verb."""
from __future__ import annotations

from typing import TYPE_CHECKING

from warta.events.lexicon import Match
from warta.events.policy import LIGHT_GAP, NOUN_AGENT_GAP

if TYPE_CHECKING:
    from warta.events.context import SentenceContext


class NounArgs:
    """Event-noun tests of :class:`warta.events.context.SentenceContext`."""

    def noun_in_pp(self, m: Match) -> bool:
        """An event noun heading a phrase such as ``in a bomb attack``, ``atas tuduhan makar``."""
        j = m.start - 1
        n = 0
        while j >= self.s and n < 4:
            w = self.w[j]
            if self.slot_at[j] >= 0 or w in self.boundary or w in (",", ";"):
                return False
            if w in self.noun_pp:
                return True
            j -= 1
            n += 1
        return False

    def light_verb_before(self, m: Match) -> bool:
        """The event noun is the object of a light verb of its clause (``polisi melakukan penyelidikan``,
        ``the army staged a raid``, ``carried out an investigation``): the verb's subject is its actor."""
        light, phrasal = self.lex.cue("light_verbs"), self.lex.cue("light_verb_phrases")
        j = m.start - 1
        n = 0
        while j > self.s and n <= LIGHT_GAP and self.slot_at[j] < 0:
            w = self.w[j]
            # phrasal light verbs: "carried out", "carry out"
            if w in light or f"{self.w[j - 1]} {w}" in phrasal:
                # "pelaku yang melakukan penganiayaan": in a relative clause the subject is its head noun, not
                # the clause subject the noun rules would find; left to the noun rule
                k = j - (2 if f"{self.w[j - 1]} {w}" in phrasal else 1)
                return not (k >= self.s and self.w[k] in self.lex.cue("relative"))
            if not w.isalpha() or w in self.boundary or w in self.preps:
                return False
            j -= 1
            n += 1
        return False

    def genitive(self, m: Match) -> list[int]:
        """Actor right after an event noun (``serangan Israel``), or ``yang dilakukan X``."""
        pos = m.end
        if self.lex.lang == "en" and pos < self.e and self.w[pos] in self.lex.cue("agent_preps"):
            return self.agent_after(pos)  # "an attack by X"
        gapped = self.gap_possessor(m)
        if gapped:
            return gapped  # "penolakan DPR terhadap usulan ...": the possessor stands in the phrase's gap
        # Indonesian puts the possessor after the noun (serangan udara Israel); English does not
        # ("a bomb killed two soldiers": the soldiers are no genitive)
        for j in range(pos, min(self.e, pos + (4 if self.lex.lang == "id" else 0))):
            w = self.w[j]
            if w in self.boundary or w in self.preps or w == "," or w in self.complementizers or w in self.purpose \
                    or w in self.genitive_stop:
                break
            k = self.slot_at[j]
            if k >= 0:
                return self.group_right(k)
        if pos + 1 < self.e and self.w[pos] in ("yang",) and self.w[pos + 1].startswith("di"):
            return self.agent_after(pos + 2) or self.agent_after(pos + 1)
        # "pembunuhan jurnalis itu dilakukan oleh X", "serangan tersebut dilancarkan X": the agent of the noun's
        # light passive a few words on
        light = self.lex.cue("noun_agent_verbs")
        for j in range(pos, min(self.e, pos + NOUN_AGENT_GAP)):
            w = self.w[j]
            if w in self.boundary or w in (",", ";") or self.slot_at[j] >= 0:
                break
            if w in light:
                return self.agent_after(j + 1)
        # English: "Israeli attack", "Israel's attack"
        j = m.start - 1
        if j >= self.s and self.w[j] in ("'s", "’s"):
            j -= 1
        if self.lex.lang == "en" and j >= self.s and self.slot_at[j] >= 0:
            return self.group_left(self.slot_at[j])
        return []

    def gap_possessor(self, m: Match) -> list[int]:
        """Indonesian phrase with a gap (``penolakan DPR terhadap usulan``): the actor right after its first
        word, inside the gap, is the noun's possessor."""
        if self.lex.lang != "id" or len(m.tokens) < 2 or m.tokens[1] <= m.tokens[0] + 1:
            return []
        k = self.slot_at[m.tokens[0] + 1]
        if k < 0 or self.slots[k].te > m.tokens[1]:
            return []
        return [x for x in self.group_right(k, limit=m.tokens[1])]

    def object_possessor(self, m: Match, exclude: set[int]) -> list[int]:
        """``... terhadap usulan pemerintah``, ``menolak rencana Israel``: the actor right after a phrase that ends
        in its object noun owns that object and is the target."""
        if self.lex.lang != "id" or len(m.tokens) < 2:
            return []
        j = m.end
        while j < self.e and self.w[j] in self.left_skip:
            j += 1
        k = self.slot_at[j] if j < self.e else -1
        if k < 0 or k in exclude or k in self.reporters:
            return []
        return [x for x in self.group_right(k) if x not in exclude]

    def np_modifier(self, m: Match) -> bool:
        """English: an actor modifying the event noun inside its noun phrase (``a UN-brokered deal``,
        ``the Israeli-Palestinian talks``, ``US-led peace talks``)."""
        if self.lex.lang != "en":
            return False
        j = m.start - 1
        n = 0
        while j >= self.s and n < 4:
            if self.slot_at[j] >= 0:
                return True
            w = self.w[j]
            if w in self.determiners or w in self.preps or w in self.boundary or w in (",", ";") or w in self.tpreps:
                return False
            j -= 1
            n += 1
        return False


def governed_nouns(ctx: SentenceContext, matches: list[Match]) -> dict[int, Match]:
    """Event nouns that are the direct object of an event verb right before them (``condemned the attacks``,
    ``membubarkan unjuk rasa``, ``broke up a demonstration``): noun start -> governing verb match."""
    out: dict[int, Match] = {}
    for a, b in zip(matches, matches[1:]):
        b_noun = b.kind == "noun" or (ctx.lex.lang == "en" and b.start > ctx.s and ctx.w[b.start - 1] in ctx.determiners)
        if a.kind == "noun" or not b_noun or b.start < a.end:
            continue
        if ctx.lex.lang == "en" and a.start > ctx.s and ctx.w[a.start - 1] in ctx.determiners:
            continue  # "the attack" is itself a noun
        gap = range(a.end, b.start)
        if len(gap) <= 3 and all(ctx.slot_at[j] < 0 and ctx.w[j] in ctx.object_skip for j in gap):
            out[b.start] = a
    return out
