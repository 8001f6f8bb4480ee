"""Event candidates: the two records the rules work on (actor slots, candidate events) and the sentence
context tests (sport, attack, joint acts) the candidate rules use."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from warta.events.lexicon import Lexicon, Match, find
from warta.events.modality import modality as modality_of
from warta.events.policy import JOINT_TYPES, NOUN_NEEDS_ACTOR, NOUN_NEEDS_TARGET, NOUN_SUBJECT_TYPES, VERB_NEEDS_TARGET
from warta.events.roles import roles
from warta.model import Actor

if TYPE_CHECKING:
    from warta.events.context import SentenceContext


@dataclass
class Slot:
    """An actor phrase in token space: a real mention, or a pronoun resolved to its antecedent(s)."""

    ts: int
    te: int
    actors: list[Actor]
    kind: str | None = None
    pronoun: bool = False
    ident: frozenset = frozenset()  # (start, end) of the mention(s) it stands for: repeats of one actor share it


@dataclass
class Cand:
    m: Match
    source: list[int]
    target: list[int]
    etype: str
    cameo: str
    mode: str | None
    modality: str = "asserted"
    confidence: float = 0.5
    drop: bool = False
    extra_target: list[Actor] = field(default_factory=list)
    weak_target: bool = False  # target guessed by the fallback rule
    refusal: bool = False  # negated by a refusal ("will not", "tidak akan", "refused to")
    intent: bool = False  # a willingness cue before the trigger ("willing to", "siap", "bersedia")
    bare: bool = False  # a verb opening a clause without its own subject (", killing 20", "dan menangkap")
    bare_noun: bool = False  # an event noun with no actor of its own (no possessor, modifier or "by X")
    restated: bool = False  # an event noun restating a verb's event ("in a bomb attack") with its roles


def is_sport(words: list[str], s: int, e: int, lex: Lexicon, text: str, tok_char, slot_at) -> bool:
    """A sentence of a sport report: a sport word (``pertandingan``, ``striker``) outside an actor's name
    (``Liga Arab`` is no league) or a score (``1-1``, ``2-0``)."""
    cues = lex.cue("sport_context")
    for i in range(s, e):
        if words[i] in cues and slot_at[i] < 0:
            return True
        t = text[tok_char[i][0]:tok_char[i][1]]
        if len(t) <= 5 and t[:1].isdigit() and t[-1:].isdigit() and "-" in t and not t.count("-") > 1:
            return True
    return False


def etype_is_attack(c) -> bool:
    """An attack, a threat of force or coercion (CAMEO 13, 17-20): what a computer virus or hacker "does"."""
    return c.etype in ("ASSAULT", "COERCE", "THREATEN") or c.cameo[:2] in ("13", "17", "18", "19", "20")


def etype_is_joint(etype: str) -> bool:
    """Types an actor pair can do together, with no recipient (cooperation, talks, agreement)."""
    return etype in JOINT_TYPES


def sentence_triggers(lex: Lexicon, words: list[str], slot_at: list[int], s: int, e: int,
                      tok_char: list[tuple[int, int]], text: str) -> list[Match]:
    """Trigger matches of the sentence ``[s, e)`` that can be events."""
    return [m for m in find(lex, words, s, e) if m.entry.event_type != "IGNORE"
            # a capitalised trigger word inside an actor's name ("Badan Bantuan ...", "Komisi Pemberantasan ..."),
            # not a descriptive one ("pasukan penjaga perdamaian NATO")
            and not (m.start > s and slot_at[m.start] >= 0 and text[tok_char[m.start][0]].isupper()
                     and all(slot_at[t] == slot_at[m.start] for t in m.tokens))
            # the second half of a hyphenated modifier ("so-called", "video-on-demand") is no trigger
            and not (m.start > s + 1 and words[m.start - 1] == "-" and tok_char[m.start - 1][1] == tok_char[m.start][0])]


def make_candidate(ctx: "SentenceContext", m: Match, matches: list[Match]) -> Cand | None:
    """The candidate event of trigger ``m`` with its roles and modality, or None when it is no event."""
    words, slots, lex, s, e = ctx.w, ctx.slots, ctx.lex, ctx.s, ctx.e
    src, tgt, conf, weak = roles(ctx, m)
    c = Cand(m, src, tgt, m.entry.event_type, m.entry.cameo, m.entry.mode, confidence=conf, weak_target=weak,
             bare=m.kind == "active" and ctx.bare_clause(m.start))
    c.bare_noun = NOUN_NEEDS_ACTOR and m.kind == "noun" and len(m.tokens) == 1 and \
        m.entry.event_type not in NOUN_SUBJECT_TYPES and not ctx.genitive(m) and not ctx.np_modifier(m) and \
        not (m.end < e and words[m.end] in ctx.noun_arg_preps) and not ctx.light_verb_before(m)
    if m.entry.needs_governed and (not tgt or weak) and not ctx.governs(m, matches):
        return None  # "it allows for gaming", "insisted the direction would be", "ordered 20 planes": no political act
    if ctx.preceded_by(m.start, lex.cue("purpose")):
        # a purpose clause shares the modality of the clause it serves
        at = next(j for j in range(m.start - 1, s - 1, -1) if words[j] in lex.cue("purpose"))
        c.modality = modality_of(words, at, s, lex, window=15)
    else:
        at = m.start
        c.modality = modality_of(words, m.start, ctx.clause_start(m.start), lex)
    if c.modality == "asserted" and _opens_with_conditional(words, s, m.start, lex):
        c.modality = "hypothetical"  # "Jika tidak diganti, pemerintah harus mencabut ...": the consequent clause
    if c.modality == "negated":
        # the negation is a refusal: "will not"/"tidak akan" or a refusal word ("refused", "enggan")
        c.refusal = any(words[j] in lex.cue("refusal") or (words[j] in lex.cue("negation") and (
            words[j + 1] in lex.cue("future") or (j > s and words[j - 1] in lex.cue("future"))))
                        for j in range(max(s, at - 4), at))
    if c.modality == "future":
        # willingness ("willing to", "siap") or a reported plan ("said it would", "mengatakan akan")
        c.intent = any(words[j] in lex.cue("intent") or words[j] in lex.cue("speech")
                       for j in range(max(s, at - 7), at))
    reciprocal = len({a.country or a.org for k in src for a in slots[k].actors}) > 1
    if (not tgt or weak) and (m.entry.needs_target or (
            m.kind != "noun" and m.entry.event_type in VERB_NEEDS_TARGET and not reciprocal) or (
            m.kind == "noun" and m.entry.event_type in NOUN_NEEDS_TARGET
            and not (reciprocal and etype_is_joint(m.entry.event_type)))):
        return None  # "bantuan", "dukungan", "aid" with no recipient: not an event
        # (a joint act of two sides needs none: "kapal perang X dan Y memulai latihan perang")
    return c


def _opens_with_conditional(words: list[str], s: int, pos: int, lex: Lexicon) -> bool:
    """The sentence opens with a conditional (``Jika ...,``, ``If ...,``, after a quote mark or a conjunction) and
    ``pos`` stands after it: the whole sentence states a condition and its consequence."""
    opening = lex.cue("conditional_open")
    j = s
    while j < pos and j < s + 3 and (not words[j].isalnum() or words[j] in ("dan", "tapi", "namun", "but", "and", "maka")):
        j += 1
    return j < pos and words[j] in opening
