"""Where the source of a trigger stands: the clause subject (skipping appositives, reported speech and
prepositional phrases), the sentence's main subject, a ``oleh/by`` agent, an antecedent."""
from __future__ import annotations

from warta.events.policy import AGENT_HEAD, RIGHT_WINDOW


class SubjectSearch:
    """Source searches of :class:`warta.events.context.SentenceContext`."""

    def appositive_head(self, pos: int) -> int | None:
        """``X, a key ally of Y, refused`` / ``X, sekutu utama Y, menolak``: the token index just after X
        when the trigger at ``pos`` follows an appositive set off by commas right after an actor."""
        j = pos - 1
        while j >= self.s and self.slot_at[j] < 0 and (self.w[j] in self.verb_skip or self.w[j] in self.adverbs):
            j -= 1
        if j <= self.s or self.w[j] != ",":
            return None
        i = j - 1
        n = 0
        while i >= self.s and self.w[i] != "," and n < 15:
            if self.w[i] in self.boundary and self.w[i] not in self.lex.cue("relative"):
                return None
            i -= 1
            n += 1
        if i <= self.s or self.w[i] != "," or self.slot_at[i - 1] < 0 or i + 1 >= j:
            return None
        if self.slot_at[i + 1] >= 0 and self.slots[self.slot_at[i + 1]].te >= j:
            return None  # "X, Y, and Z attacked": a list, not an appositive
        return i

    def left_subject(self, pos: int) -> list[int]:
        ap = self.appositive_head(pos)
        if ap is not None:
            pos = ap
        j = pos - 1
        located: list[int] = []  # "Security forces in Guinea tortured ...": the place of an uncoded subject
        while j >= self.s:
            if self.w[j] == ";":
                return []
            k = self.slot_at[j]
            if k >= 0:
                g = self.group_left(k)
                if not any(x in self.reporters for x in g) and self.in_pp(g[0]) and \
                        self.pp_prep(g[0]) in self.locative_preps and self.slots[g[0]].ts - self.s <= 8:
                    located = g
                if not any(x in self.reporters for x in g) and not self.in_pp(g[0]):
                    # "X, bersama dengan Y dan Z, ..." / "X, together with Y, ...": X joins the group
                    i = self.slots[g[0]].ts - 1
                    while i >= self.s and self.w[i] in (",", "dengan", "with"):
                        i -= 1
                    if i >= self.s and self.w[i] in ("bersama", "together", "along") :
                        g = self.left_subject(i) + g
                    return g
                j = self.slots[g[0]].ts - 1
                continue
            j -= 1
        return located

    def main_subject(self, pos: int) -> list[int]:
        j = self.s
        while j < pos:
            k = self.slot_at[j]
            if k >= 0:
                g = self.group_right(k, limit=pos)
                if not any(x in self.reporters for x in g) and not self.in_pp(g[0]):
                    return g
                j = self.slots[g[-1]].te
                continue
            j += 1
        return []

    def antecedent(self, pos: int, exclude: set[int]) -> list[int]:
        j = pos - 1
        while j >= self.s:
            k = self.slot_at[j]
            if k >= 0 and k not in exclude and k not in self.reporters:
                return [k]
            j -= 1
        return []

    def agent_after(self, pos: int) -> list[int]:
        """``oleh X`` / ``by X`` / ``yang dilakukan X`` / Indonesian ``di-verb X`` after ``pos``."""
        hi = min(self.e, pos + RIGHT_WINDOW)
        agent = self.lex.cue("agent_preps")
        if pos < self.e and self.slot_at[pos] >= 0 and self.lex.lang == "id":
            return self.group_right(self.slot_at[pos])
        # "ditangkap personel Polres X", "ditahan petugas ICE": a head noun of the agent right after the verb
        heads = self.lex.cue("agent_heads")
        i = pos
        while i < min(self.e, pos + AGENT_HEAD) and self.slot_at[i] < 0 and self.w[i] in heads:
            i += 1
        if i > pos and i < self.e and self.slot_at[i] >= 0:
            return self.group_right(self.slot_at[i])
        for j in range(pos, hi):
            w = self.w[j]
            if w in self.boundary:
                break
            if w in agent:
                i = j + 1
                while i < hi and self.w[i] in self.left_skip:
                    i += 1
                # "oleh anggota milisi X", "by members of the X militia": a few head words before the actor
                n = 0
                while i < hi and self.slot_at[i] < 0 and n < AGENT_HEAD and self.w[i] not in self.boundary and \
                        self.w[i] not in (",", ";", "yang", "which", "who") and self.w[i] not in self.preps:
                    i += 1
                    n += 1
                if i < hi and self.slot_at[i] >= 0:
                    return self.group_right(self.slot_at[i])
        return []
