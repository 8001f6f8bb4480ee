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
* an order that governs another trigger (``memerintahkan pencabutan izin``) gives the ordered act, by the
  order's giver (lexicon flag ``transparent``); a reciprocal act (``saling serang``) has both sides as source
  and no recipient; an agentless arrest, detention, examination or charge takes the state's authority as
  source (``links.implicit_state_agent``).
* an event noun takes the agent of a following light passive (``pembunuhan ... dilakukan oleh X``) and, in a
  gapped phrase (``penolakan X terhadap usulan Y``), the possessor in the gap as source and the object's owner
  as target; a sentence opening with a conditional and norms (``harus``, ``mestinya``) are never asserted.

Modules: ``candidates`` (records, trigger filter, one candidate per trigger), ``context`` with ``subjects``,
``targets`` and ``nominal`` (the searches), ``quote_speaker`` (a quote's speaker as source, norms in quotes as
demands), ``roles`` (source/target by trigger kind), ``links`` (how the
candidates of a sentence bear on each other), ``filters`` (no political event), ``records`` (recoding and one
event per act), ``policy`` (settings).
"""
from __future__ import annotations

from warta.events.candidates import Cand, Slot, make_candidate, sentence_triggers
from warta.events.context import SentenceContext
from warta.events.filters import dropped, sentence_flags
from warta.events.lexicon import Lexicon
from warta.events.links import link_candidates
from warta.events.nominal import governed_nouns
from warta.events.quote_speaker import quote_norms
from warta.events.records import EventCollector
from warta.model import Event, Span

__all__ = ["Slot", "extract_sentence"]


def extract_sentence(doc_id: str, sent_index: int, sent_span: Span, words: list[str], slot_at: list[int],
                     slots: list[Slot], lex: Lexicon, s: int, e: int, reporters: set[int],
                     tok_char: list[tuple[int, int]], text: str, article_sport: bool = False,
                     quotes: list[tuple[int, int, int]] = ()) -> list[Event]:
    matches = sentence_triggers(lex, words, slot_at, s, e, tok_char, text)
    quotes = [q for q in quotes if q[0] < e and q[1] > s]
    if not matches and not quotes and not reporters:
        return []
    ctx = SentenceContext(words, slot_at, slots, lex, s, e, reporters)
    ctx.text, ctx.tok_char = text, tok_char
    ctx.quotes = quotes
    ctx.governed = governed_nouns(ctx, matches)
    cands: list[Cand] = []
    flags = sentence_flags(ctx, article_sport)
    for m in matches:
        c = make_candidate(ctx, m, matches)
        if c is not None:
            cands.append(c)
    link_candidates(ctx, cands)
    cands.extend(quote_norms(ctx, cands))
    out = EventCollector(ctx, doc_id, sent_index, sent_span)
    for c in cands:
        if not dropped(ctx, c, flags):
            out.add(c)
    return out.events
