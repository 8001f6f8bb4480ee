"""Sentence-level event extraction: triggers from the lexicon, then source/target by rules.

No parser: roles come from clause-aware linear heuristics over tokens and actor mentions.

* active verb: source = nearest actor group before the trigger in its clause that is not inside
  a prepositional phrase or a reported-speech phrase; target = first actor group after it.
  Purpose clauses (``untuk/guna``, ``to``) take the main subject of the sentence; an object
  clitic (``mendesaknya``) takes the previous actor as target.
* passive verb (``di-``/``ter-``, ``was ...ed``): source = actor after ``oleh``/``by`` (or right after
  the Indonesian verb), target = the subject before it.
* event noun (``serangan Israel ke Gaza``, ``dukungan China terhadap Rusia``, ``Israeli attack on``):
  source = the genitive/adjacent actor or ``yang dilakukan X``/``by X``, else the clause subject;
  target = actor in a ``ke/terhadap/kepada/...`` phrase.
* coordinated actors (``Biden, Yoon, dan Ishiba``) form one compound side.
* appositives (``Norway, a founding NATO member, refused``; ``X, yang ..., menolak``) are skipped when the
  subject is looked for.
* when no target follows directly: the subject of a complement clause for REQUEST/ACCUSE
  (``demanded that the US ...``, ``menuntut agar Israel ...``); an actor inside a prepositional phrase
  further on in the clause (``agreed to a renewal of the observer mission in Cyprus``); for
  ACCUSE/PROTEST, the ``over/against/atas/terhadap`` phrase rather than the addressee (``complained to
  the UN over Israeli raids``); else (types other than PROTEST/MOBILIZE/AGREE/CONSULT) the nearest other
  actor of the sentence, a guess that yields to any firmer target when events are merged.
* a passive with no actor subject takes the actor inside its subject phrase (``a camp for Congolese
  refugees was attacked by``).
* a subjectless clause after a comma or ``and/dan`` (``..., killing 20``, ``dan menangkap 12 orang``)
  shares the subject of the sentence's main verb; an event noun in a phrase after a verb (``in a bomb
  attack``, ``atas tuduhan makar``) restates that verb's event and takes its roles.
* an event with no source of its own takes the reporting speaker (``kata X``, ``X said``).
* a relative passive whose head noun is a word of the phrase (``21 tersangka yang ditetapkan KPK``) targets
  that noun; an agentless passive MOBILIZE (``pasukan X dikerahkan ke``) takes its subject as source.
* ``oleh/by`` may stand a few head words before the agent (``oleh anggota milisi X``); ``thousands of X``,
  ``supporters of X`` are no prepositional phrases; with no other subject, an actor in a locative phrase
  near the clause start stands for it (``Security forces in Guinea tortured ...``).
* a trigger word capitalised inside an actor's name (``Badan Bantuan ...``) is not an event; a joint act
  of two sides (``X dan Y memulai latihan perang``) needs no recipient.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from warta.events import coding
from warta.events.lexicon import Lexicon, Match, find, normalise
from warta.events.modality import modality as modality_of
from warta.model import Actor, Event, Mention, Quote, Span

RIGHT_WINDOW = 12
# PLOVER manual: future CONSULT/SUPPORT/COOPERATE/AID are AGREE (CAMEO 03x intent codes); future CONCEDE stays
# CONCEDE (future modality); an announced future RETREAT is a CONCEDE; future conflictual acts are THREATEN (13x)
COOP_INTENT = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
FUTURE_AS = {"RETREAT": "CONCEDE"}
# cooperative acts whose refusal is a REJECT
REFUSABLE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
NOUN_NEEDS_TARGET = {"AID", "SUPPORT", "COOPERATE"}
# verbs of help and backing with no actor as object are no events ("help make decisions", "mendukung industri")
VERB_NEEDS_TARGET = {"AID", "SUPPORT"}
# a one-word event noun with neither an actor of its own (possessor, modifier, "by X", "serangan Israel") nor a
# target is no event: "the pressure is big", "on release", "kunjungan ini menjadi bagian penting"
NOUN_NEEDS_ACTOR = True
# ... except acts a crowd or a force does with no recipient ("melakukan kerusuhan", "pengerahan pasukan")
NOUN_SUBJECT_TYPES = {"PROTEST", "MOBILIZE"}
# ... or one whose recipient phrase follows it (`noun_arg_preps` cue), even when the recipient is no coded actor
# ("pemeriksaan terhadap saksi")
JOINT_TYPES = {"COOPERATE", "CONSULT", "AGREE"}
CONFLICT_INTENT = {"PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}
# demands/accusations whose complement clause (`complementizers` cue) has the addressee as subject
COMPLEMENT_TYPES = {"REQUEST", "ACCUSE"}
# event types that usually have no recipient (the fallback target rule leaves them alone)
NO_TYPICAL_TARGET = {"PROTEST", "MOBILIZE", "AGREE", "CONSULT"}
GRIEVANCE_TYPES = {"ACCUSE", "PROTEST"}
# passives with no agent whose subject is the actor (the forces moved stand for their owner)
SUBJECT_IS_SOURCE = {"MOBILIZE"}
# legal and coercive phrases whose object is one of their own words ("menetapkan X tersangka", "<tahan> ... tersangka")
INNER_OBJECT_TYPES = {"ACCUSE", "COERCE"}
# words allowed between a light verb and its event noun ("staged a surprise raid", "melakukan penyelidikan")
LIGHT_GAP = 3
# words allowed between a `needs_governed` trigger and the event it governs ("ordered the troops to withdraw")
GOVERNED_GAP = 4
AGENT_HEAD = 3  # words allowed between "oleh"/"by" and the agent's mention
FAR_WINDOW = 25  # how far a target inside a prepositional phrase is looked for
FALLBACK_TARGET = True  # no target found: take the nearest other actor (see SentenceContext.nearest_other)
# an event with no source of its own takes the reporting speaker ("..., kata juru bicara X"): a proxy,
# measured to help on the dev sets (news_id_dev +2 matched events, gsr +1 each)
REPORTER_SOURCE = True
# types left out of that proxy (none: measured, a deployment reported by "sumber AS" is usually the US's own)
NO_REPORTER_SOURCE: set[str] = set()
# sectors of actors whose acts in a sport report can still be political (police, courts, the military)
SPORT_KEEP_SECTORS = {"COP", "JUD", "MIL"}
# ... and those that do when they are no place name (a team is often named after its country or city)
POLITICAL_SECTORS = {"GOV", "LEG", "OPP", "REB", "PTY", "SPY", "INS"}
# sectors of actors whose cyber attacks are political events (state hackers, armed forces, rebels)
STATE_SECTORS = {"GOV", "MIL", "SPY", "REB", "INS"}
# words after a hosting trigger searched for a non-political occasion (cue list `host_objects_nonpolitical`)
HOST_OBJECT_WINDOW = 4


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


class SentenceContext:
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

    def capitalised(self, i: int) -> bool:
        """Token ``i`` starts with a capital letter (a name) and does not open the sentence."""
        return i > self.s and bool(self.tok_char) and self.text[self.tok_char[i][0]].isupper()

    # -- groups ---------------------------------------------------------------
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

    # -- searches -------------------------------------------------------------
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

    def agent_after(self, pos: int) -> list[int]:
        """``oleh X`` / ``by X`` / ``yang dilakukan X`` / Indonesian ``di-verb X`` after ``pos``."""
        hi = min(self.e, pos + RIGHT_WINDOW)
        agent = self.lex.cue("agent_preps")
        if pos < self.e and self.slot_at[pos] >= 0 and self.lex.lang == "id":
            return self.group_right(self.slot_at[pos])
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

    def genitive(self, m: Match) -> list[int]:
        """Actor right after an event noun (``serangan Israel``), or ``yang dilakukan X``."""
        pos = m.end
        if self.lex.lang == "en" and pos < self.e and self.w[pos] in self.lex.cue("agent_preps"):
            return self.agent_after(pos)  # "an attack by X"
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
        # English: "Israeli attack", "Israel's attack"
        j = m.start - 1
        if j >= self.s and self.w[j] in ("'s", "’s"):
            j -= 1
        if self.lex.lang == "en" and j >= self.s and self.slot_at[j] >= 0:
            return self.group_left(self.slot_at[j])
        return []

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

    def antecedent(self, pos: int, exclude: set[int]) -> list[int]:
        j = pos - 1
        while j >= self.s:
            k = self.slot_at[j]
            if k >= 0 and k not in exclude and k not in self.reporters:
                return [k]
            j -= 1
        return []

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


# a verb that ends an event made of protesters (break up, disperse, membubarkan): its target is the protesters
PROTEST_ENDERS = {"COERCE", "ASSAULT"}


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


def _keys(actors: list[Actor]) -> frozenset[str]:
    return frozenset((a.country or a.org or a.text or "").upper() for a in actors)


def extract_sentence(doc_id: str, sent_index: int, sent_span: Span, words: list[str], slot_at: list[int],
                     slots: list[Slot], lex: Lexicon, s: int, e: int, reporters: set[int],
                     tok_char: list[tuple[int, int]], text: str, article_sport: bool = False) -> list[Event]:
    matches = [m for m in find(lex, words, s, e) if m.entry.event_type != "IGNORE"
               # a capitalised trigger word inside an actor's name ("Badan Bantuan ...", "Komisi Pemberantasan ..."),
               # not a descriptive one ("pasukan penjaga perdamaian NATO")
               and not (m.start > s and slot_at[m.start] >= 0 and text[tok_char[m.start][0]].isupper()
                        and all(slot_at[t] == slot_at[m.start] for t in m.tokens))
               # the second half of a hyphenated modifier ("so-called", "video-on-demand") is no trigger
               and not (m.start > s + 1 and words[m.start - 1] == "-" and tok_char[m.start - 1][1] == tok_char[m.start][0])]
    if not matches:
        return []
    ctx = SentenceContext(words, slot_at, slots, lex, s, e, reporters)
    ctx.text, ctx.tok_char = text, tok_char
    ctx.governed = governed_nouns(ctx, matches)
    cands: list[Cand] = []
    # a sport sentence with no political actor in it (police, courts, officials, rebels): nothing is coded
    sport = (article_sport or is_sport(words, s, e, lex, text, tok_char, slot_at)) and not any(
        a.sector in SPORT_KEEP_SECTORS or (a.sector in POLITICAL_SECTORS and slots[k].kind != "GPE")
        for k in {slot_at[i] for i in range(s, e) if slot_at[i] >= 0} for a in slots[k].actors)
    economy = any(words[i] in lex.cue("economy_context") and slot_at[i] < 0 for i in range(s, e))
    cyber = any(words[i] in lex.cue("cyber_context") and slot_at[i] < 0 for i in range(s, e))
    host_objects = lex.cue("host_objects_nonpolitical")
    for m in matches:
        src, tgt, conf, weak = roles(ctx, m)
        c = Cand(m, src, tgt, m.entry.event_type, m.entry.cameo, m.entry.mode, confidence=conf, weak_target=weak,
                 bare=m.kind == "active" and ctx.bare_clause(m.start))
        c.bare_noun = NOUN_NEEDS_ACTOR and m.kind == "noun" and len(m.tokens) == 1 and \
            m.entry.event_type not in NOUN_SUBJECT_TYPES and not ctx.genitive(m) and not ctx.np_modifier(m) and \
            not (m.end < e and words[m.end] in ctx.noun_arg_preps) and not ctx.light_verb_before(m)
        if m.entry.needs_governed and (not tgt or weak) and not ctx.governs(m, matches):
            continue  # "it allows for gaming", "insisted the direction would be", "ordered 20 planes": no political act
        if ctx.preceded_by(m.start, lex.cue("purpose")):
            # a purpose clause shares the modality of the clause it serves
            at = next(j for j in range(m.start - 1, s - 1, -1) if words[j] in lex.cue("purpose"))
            c.modality = modality_of(words, at, s, lex, window=15)
        else:
            at = m.start
            c.modality = modality_of(words, m.start, ctx.clause_start(m.start), lex)
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
            continue  # "bantuan", "dukungan", "aid" with no recipient: not an event
            # (a joint act of two sides needs none: "kapal perang X dan Y memulai latihan perang")
        cands.append(c)
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
    # what is hoped for ("berharap Israel akan menghentikan serangan") is not an event of its own
    for i, c in enumerate(cands):
        if not c.m.entry.target_inside or c.drop:
            continue
        for x in cands[i + 1:]:
            if 0 <= x.m.start - c.m.end <= 3 and not any(
                    words[j] in ctx.boundary or words[j] == "," for j in range(c.m.end, x.m.start)):
                x.drop = True
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
    if REPORTER_SOURCE and reporters:
        rep = min(reporters, key=lambda k: slots[k].ts)
        for c in cands:
            if not c.source and c.m.kind != "noun" and c.etype not in NO_REPORTER_SOURCE:
                c.source = [rep]
                c.target = [t for t in c.target if t != rep]
                c.confidence = min(c.confidence, 0.35)
    first_person = lex.cue("pronoun_first")
    events: list[Event] = []
    weak_of: list[bool] = []
    seen: dict[tuple, int] = {}
    for c in cands:

        if c.drop or not c.source:
            continue
        if c.bare_noun and not c.restated and (not c.target or c.weak_target):
            continue  # "the summit", "a promise to lead a revival", "kunjungan ini": a noun with no actor of its own
        if economy and (not c.target or c.weak_target or not any(
                a.sector in POLITICAL_SECTORS or a.sector in SPORT_KEEP_SECTORS for k in c.source for a in slots[k].actors)):
            continue  # "the firm's talks with shareholders", "warned profits would fall": business, not politics
        if sport:
            continue  # "ditahan 1-1 oleh klub asal Meksiko", "Ireland attack": a match, not politics
        if cyber and etype_is_attack(c) and not any(
                a.sector in STATE_SECTORS or slots[k].kind == "GPE" for k in c.source for a in slots[k].actors):
            continue  # "DDoS attacks", "hackers attacked the site": crime or tech news, no state named behind it
        if c.cameo == "043" and any(slot_at[j] < 0 and words[j] in host_objects
                                    for j in range(c.m.end, min(e, c.m.end + HOST_OBJECT_WINDOW))):
            continue  # "host the tournament", "tuan rumah Piala Dunia": an event venue, not a visit
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
            continue
        # the same event with fewer roles (no target, or only a guessed one) is a duplicate of a fuller one
        sub = next((i for (t, sk, tk), i in seen.items() if t == etype and sk == skeys and (
            not target or not tk or c.weak_target or weak_of[i])), None)
        if sub is not None:
            if target and (not events[sub].target or (weak_of[sub] and not c.weak_target)):
                events[sub].target = target
                weak_of[sub] = c.weak_target
                seen[(etype, skeys, _keys(target))] = sub
            continue
        t0, t1 = tok_char[c.m.start][0], tok_char[c.m.end - 1][1]
        ev = Event(doc_id=doc_id, sentence_index=sent_index, event_type=etype, mode=mode, cameo=cameo,
                   goldstein=row.goldstein, quad_class=row.quad_class, source=source, target=target,
                   modality=c.modality, evidence=sent_span, trigger=Span(t0, t1, text[t0:t1]),
                   confidence=min(1.0, c.confidence + (0.1 if len(c.m.tokens) > 1 else 0.0)))
        seen[key] = len(events)
        events.append(ev)
        weak_of.append(c.weak_target)
    return events


def _dedupe(actors: list[Actor]) -> list[Actor]:
    out, seen = [], set()
    for a in actors:
        k = (a.start, a.end, a.country, a.org)
        if k not in seen:
            seen.add(k)
            out.append(a)
    return out
