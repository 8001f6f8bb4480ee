"""One sentence as the role rules see it: tokens, actor slots, cue words, actor groups and clause tests.

The searches for sources, targets and event-noun arguments are mixed in from :mod:`warta.events.subjects`,
:mod:`warta.events.targets` and :mod:`warta.events.nominal`.
"""
from __future__ import annotations

from warta.events.lexicon import Lexicon, Match
from warta.events.nominal import NounArgs
from warta.events.policy import FALLBACK_TARGET, GOVERNED_GAP
from warta.events.subjects import SubjectSearch
from warta.events.targets import TargetSearch


class SentenceContext(SubjectSearch, TargetSearch, NounArgs):
    def __init__(self, words, slot_at, slots, lex: Lexicon, s: int, e: int, reporters: set[int]):
        self.w, self.slot_at, self.slots, self.lex, self.s, self.e = words, slot_at, slots, lex, s, e
        self.reporters = reporters
        self.preps = lex.cue("preps")
        self.tpreps = lex.cue("target_preps")
        self.coord = lex.cue("coordinators")
        self.boundary = lex.cue("boundary")
        self.speech_after = lex.cue("speech_after")
        self.purpose = lex.cue("purpose")
        # word lists of the role rules (see the lexicon README, "Cue words")
        self.left_skip = lex.cue("left_skip")
        self.noun_arg_preps = lex.cue("noun_arg_preps")
        self.participle_irregular = lex.cue("participle_irregular")
        self.complementizers = lex.cue("complementizers")
        self.addressee_preps = lex.cue("addressee_preps")
        self.grievance_preps = lex.cue("grievance_preps")
        self.partitive_preps = lex.cue("partitive_preps")
        self.locative_preps = lex.cue("locative_preps")
        self.place_nouns = lex.cue("place_nouns")
        self.place_of = lex.cue("place_of")
        self.verb_skip = lex.cue("verb_skip")
        self.clause_conj = lex.cue("clause_conjunctions")
        self.noun_pp = lex.cue("noun_pp_preps")
        self.determiners = lex.cue("determiners")
        self.genitive_stop = lex.cue("genitive_stop")
        self.adverbs = lex.cue("adverbs")
        self.object_skip = lex.cue("object_skip")
        self.fallback = FALLBACK_TARGET
        self.text: str = ""
        self.tok_char: list[tuple[int, int]] = []
        self.governed: dict[int, Match] = {}  # start of an event noun -> the event verb whose object it is
        self.quotes: list[tuple[int, int, int]] = []  # (first token, end token, speaker slot) of each attributed quote

    def capitalised(self, i: int) -> bool:
        """Token ``i`` starts with a capital letter (a name) and does not open the sentence."""
        return i > self.s and bool(self.tok_char) and self.text[self.tok_char[i][0]].isupper()

    def prev_slot(self, k: int) -> int | None:
        j = self.slots[k].ts - 1
        while j >= self.s and self.slot_at[j] < 0 and self.w[j] in self.coord:
            j -= 1
        if j >= self.s and self.slot_at[j] >= 0 and self.slot_at[j] != k:
            return self.slot_at[j]
        return None

    def next_slot(self, k: int) -> int | None:
        j = self.slots[k].te
        while j < self.e and self.slot_at[j] < 0 and self.w[j] in self.coord:
            j += 1
        if j < self.e and self.slot_at[j] >= 0 and self.slot_at[j] != k:
            return self.slot_at[j]
        return None

    def group_left(self, k: int) -> list[int]:
        g = [k]
        while True:
            p = self.prev_slot(g[0])
            if p is None or p in g or p in self.reporters:
                break
            g.insert(0, p)
        return g

    def group_right(self, k: int, limit: int | None = None) -> list[int]:
        g = [k]
        while True:
            n = self.next_slot(g[-1])
            if n is None or n in g or n in self.reporters or (limit is not None and self.slots[n].ts >= limit):
                break
            g.append(n)
        return g

    def in_pp(self, k: int, preps=None) -> bool:
        preps = self.preps if preps is None else preps
        j = self.slots[k].ts - 1
        while j >= self.s and self.w[j] in self.left_skip:
            j -= 1
        if j > self.s and self.w[j] in self.partitive_preps and self.w[j - 1] in self.lex.cue("partitive_heads"):
            return False  # "thousands of Iraqi Kurds", "supporters of X": X names the group, no phrase
        return j >= self.s and self.w[j] in preps and not (self.w[j] == "dengan" and j > self.s and self.w[j - 1] == "bersama")

    def pp_prep(self, k: int) -> str | None:
        j = self.slots[k].ts - 1
        while j >= self.s and (self.w[j] in self.left_skip or self.w[j] in self.place_nouns or (
                self.w[j] in self.place_of and j > self.s and self.w[j - 1] in self.place_nouns)):
            j -= 1  # "near the town of X", "dekat kota X": the preposition before the place noun
        return self.w[j] if j >= self.s else None

    def governs(self, m: Match, matches: list[Match]) -> bool:
        """Another trigger follows ``m`` closely in its clause (``ordered troops to withdraw``, ``called for
        talks``, ``mengizinkan pasukan masuk``): ``m`` governs that event."""
        for x in matches:
            if x is m or x.start < m.end or x.start - m.end > GOVERNED_GAP:
                continue
            if not any(self.w[j] in self.boundary or self.w[j] in (",", ";") for j in range(m.end, x.start)):
                return True
        return False

    def bare_clause(self, pos: int) -> bool:
        """The trigger opens a clause without its own subject: ``..., killing 20``, ``dan menewaskan``."""
        j = pos - 1
        while j >= self.s and self.slot_at[j] < 0 and self.w[j] in self.verb_skip:
            j -= 1
        return j > self.s and self.slot_at[j] < 0 and self.w[j] in self.clause_conj

    def preceded_by(self, pos: int, cues: frozenset[str], skip: int = 3) -> bool:
        fut = self.lex.cue("future") | self.lex.cue("negation") | self.adverbs | self.lex.cue("cue_skip")
        j = pos - 1
        n = 0
        while j >= self.s and n <= skip:
            if self.w[j] in cues:
                return True
            if self.w[j] not in fut:
                return False
            j -= 1
            n += 1
        return False

    def clause_start(self, pos: int) -> int:
        j = pos - 1
        stops = self.boundary | {",", "yang", "dan", "and"}
        while j >= self.s:
            if self.w[j] in stops:
                return j + 1
            j -= 1
        return self.s

    def is_en_reduced_passive(self, m: Match) -> bool:
        """``the plan backed by X``: a participle right before ``by`` and an actor (a reduced relative)."""
        w = self.w[m.start]
        if len(m.tokens) > 1 or not (w.endswith("ed") or w.endswith("en") or w in self.participle_irregular):
            return False
        return m.end < self.e and self.w[m.end] == "by" and bool(self.agent_after(m.end))

    def is_en_passive(self, m: Match) -> bool:
        w = self.w[m.start]
        if not (w.endswith("ed") or w.endswith("en") or w in self.participle_irregular):
            return False
        aux = self.lex.cue("passive_aux")
        j = m.start - 1
        n = 0
        while j >= self.s and n < 3:
            if self.w[j] in aux:
                return True
            if self.w[j] not in self.adverbs:
                return False
            j -= 1
            n += 1
        return False
