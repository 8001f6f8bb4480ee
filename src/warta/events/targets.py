"""Where the target of a trigger stands: the object after it, the subject of a complement or demanded
clause, an actor in a later prepositional phrase, an ``over/atas`` phrase, or the nearest other actor."""
from __future__ import annotations

from warta.events.lexicon import Match
from warta.events.policy import FAR_WINDOW, RIGHT_WINDOW


class TargetSearch:
    """Target searches of :class:`warta.events.context.SentenceContext`."""

    def right_target(self, pos: int, exclude: set[int], pp_only: bool = False) -> list[int]:
        hi = min(self.e, pos + RIGHT_WINDOW)
        j = pos
        while j < hi:
            w = self.w[j]
            if w in self.boundary or w in self.speech_after:
                return []
            k = self.slot_at[j]
            if k >= 0:
                if k not in exclude and k not in self.reporters and (
                        not pp_only or any(self.w[i] in self.tpreps for i in range(pos, self.slots[k].ts))):
                    return [x for x in self.group_right(k) if x not in exclude]
                j = self.slots[k].te
                continue
            j += 1
        return []

    def complement_target(self, pos: int, exclude: set[int]) -> list[int]:
        """Subject of a complement clause: ``demanded (Friday) that the US ...``, ``menuntut agar Israel ...``."""
        hi = min(self.e, pos + 8)
        for j in range(pos, hi):
            w = self.w[j]
            if self.slot_at[j] >= 0 or w in (";", ":", '"', "\u201c", "\u201d") or w in self.speech_after:
                return []
            if w in self.complementizers:
                i = j + 1
                while i < self.e and self.w[i] in self.left_skip:
                    i += 1
                for x in range(i, min(self.e, i + 4)):
                    k = self.slot_at[x]
                    if k >= 0:
                        if k in exclude or k in self.reporters or self.in_pp(k):
                            return []
                        return [y for y in self.group_right(k) if y not in exclude]
                    if self.w[x] in self.boundary or self.w[x] in self.preps:
                        return []
                return []
        return []

    def first_gap_target(self, m: Match, exclude: set[int]) -> list[int]:
        """``forced villagers out of their homes``, ``memaksa warga keluar dari rumah``: the object stands in
        the first gap before the phrase's last two words that holds an actor (phrases of three or more words
        whose last gap holds no actor)."""
        if len(m.tokens) < 3:
            return []
        for a, b in zip(m.tokens, m.tokens[1:-1]):
            for i in range(a + 1, b):
                k = self.slot_at[i]
                if k >= 0:
                    if k in exclude or k in self.reporters:
                        return []
                    return [x for x in self.group_right(k, limit=b) if x not in exclude]
        return []

    def modal_target(self, m: Match, exclude: set[int]) -> list[int]:
        """``X said (that) Y must ...`` / ``X menegaskan bahwa Y harus ...``: the subject of the demanded
        clause, the actor group that ends right before the modal (the phrase's last word)."""
        modal = m.tokens[-1]
        if len(m.tokens) < 2 or (self.w[modal] not in self.lex.cue("demand_modal") and not m.entry.target_inside):
            return []
        j = modal - 1
        while j > m.tokens[-2] and self.slot_at[j] < 0 and (self.w[j] in self.verb_skip or self.w[j] in self.adverbs
                                                            or self.w[j] in self.left_skip):
            j -= 1
        k = self.slot_at[j] if j > m.tokens[-2] else -1
        if k >= 0 and k not in exclude and k not in self.reporters:
            g = self.group_left(k)
            return [x for x in g if x not in exclude and self.slots[x].ts > m.tokens[-2]]
        # "the US and other developed nations must": the first actor of the clause
        lo = m.tokens[-2] + 1
        for i in range(lo, modal):
            if self.w[i] in self.complementizers:
                lo = i + 1
        for i in range(lo, modal):
            k = self.slot_at[i]
            if k >= 0:
                if k in exclude or k in self.reporters or self.in_pp(k):
                    return []
                return [x for x in self.group_right(k, limit=modal) if x not in exclude]
        return []

    def far_target(self, pos: int, exclude: set[int]) -> list[int]:
        """An actor inside a prepositional phrase further on in the clause (``agreed to an extension of
        the mandate for the force in Lebanon``, ``its dispute with its partners``)."""
        hi = min(self.e, pos + FAR_WINDOW)
        j = pos
        while j < hi:
            w = self.w[j]
            if w in self.boundary or w in self.speech_after or w in (",", ";"):
                return []
            k = self.slot_at[j]
            if k >= 0:
                if k not in exclude and k not in self.reporters and self.in_pp(k, self.preps | self.tpreps):
                    return [x for x in self.group_right(k) if x not in exclude]
                j = self.slots[k].te
                continue
            j += 1
        return []

    def grievance_target(self, pos: int, exclude: set[int]) -> list[int]:
        """The actor of an ``over/against/atas/terhadap`` phrase after the addressee, in the same clause."""
        hi = min(self.e, pos + FAR_WINDOW)
        seen_prep = False
        for j in range(pos, hi):
            w = self.w[j]
            if w in self.boundary or w in self.speech_after or w in (",", ";"):
                return []
            if w in self.grievance_preps:
                seen_prep = True
            k = self.slot_at[j]
            if k >= 0 and seen_prep and k not in exclude and k not in self.reporters:
                return [x for x in self.group_right(k) if x not in exclude]
        return []

    def nearest_other(self, pos: int, end: int, exclude: set[int]) -> list[int]:
        """Fallback target: the nearest actor after the trigger in the sentence that is neither the source
        nor a reporting speaker; else the nearest one before it."""
        for j in range(end, self.e):
            k = self.slot_at[j]
            if k >= 0 and k not in exclude and k not in self.reporters:
                return [k]
        for j in range(pos - 1, self.s - 1, -1):
            k = self.slot_at[j]
            if k >= 0 and k not in exclude and k not in self.reporters:
                return [k]
        return []
