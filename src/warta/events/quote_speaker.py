"""What the speaker of a direct quote does in it.

* an act in a quote with no source of its own (a quote of several sentences, the speaker named only after the
  last: ``“... Kami mengapresiasi langkah itu. ...,” kata X``) is the speaker's (as ``kata X`` in the same
  sentence gives it already, :func:`warta.events.links.reporter_source`);
* a norm said of an actor (``“Pemprov tidak boleh lepas tangan,” kata X``, ``“Polisi harus segera ...”``) is a
  demand (REQUEST) the speaker makes of that actor. The actor must be the clause's subject, right before the
  modal; a speaker's norm for himself (``“Kami harus ...”``) is no demand of anyone. Reported speech
  (``..., lanjut dia, pemerintah harus ...``) counts as a quote of its reporter.

Quotes come as token ranges with the slot of their speaker (``ctx.quotes``); the modal words are the
``quote_norms`` cues (one or two words, ``tidak boleh``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from warta.events.candidates import Cand
from warta.events.lexicon import Match
from warta.events.policy import NO_REPORTER_SOURCE

if TYPE_CHECKING:
    from warta.events.context import SentenceContext

NORM_CAMEO = "100"  # demand, not specified below
NORM_CONFIDENCE = 0.45


def quote_at(ctx: "SentenceContext", i: int) -> int | None:
    """Speaker slot of the quote that holds token ``i`` (None outside a quote or when its speaker is unknown)."""
    for qs, qe, k in ctx.quotes:
        if qs <= i < qe:
            return k
    return None


def _opens_clause(ctx: "SentenceContext", i: int, skip: frozenset[str]) -> bool:
    """Only quote marks, punctuation and the ``skip`` words stand before token ``i`` in its clause: the clause has
    no subject of its own (``“Sangat mengapresiasi ...``, ``..., tentu saja kami dukung``)."""
    j = i - 1
    while j >= ctx.s and ctx.slot_at[j] < 0 and (ctx.w[j] in skip or not ctx.w[j].isalnum()):
        if ctx.w[j] in (",", ";", ":") or ctx.w[j] in QUOTE_MARKS:
            return True
        j -= 1
    return j < ctx.s or ctx.w[j] in ctx.boundary or ctx.w[j] in ctx.clause_conj


QUOTE_MARKS = ("\u201c", "\u201d", '"', "''", "``")


def quote_source(ctx: "SentenceContext", cands: list[Cand]) -> None:
    """An active verb in a quote that opens its clause with no subject of its own takes the quote's speaker
    (a passive's agent or a clause with a subject of its own is never the speaker by default)."""
    skip = ctx.lex.cue("cue_skip") | ctx.lex.cue("quote_norm_skip") | ctx.lex.cue("speech_adverbs") | ctx.adverbs
    for c in cands:
        if c.source or c.drop or c.m.kind != "active" or c.etype in NO_REPORTER_SOURCE or \
                not _opens_clause(ctx, c.m.start, skip):
            continue
        k = quote_at(ctx, c.m.start)
        if k is not None and k not in c.target:
            c.source = [k]
            c.confidence = min(c.confidence, 0.35)


def _norm_entry(lex):
    ent = getattr(lex, "_norm_entry", None)
    if ent is None:
        ent = next((p.entry for pats in lex.index.values() for p in pats if p.entry.cameo == NORM_CAMEO), False)
        lex._norm_entry = ent
    return ent or None


def _modal_at(ctx: "SentenceContext", i: int, norms: frozenset[str]) -> int:
    """Length of the norm modal starting at token ``i`` (``harus``: 1, ``tidak boleh``: 2), or 0."""
    w = ctx.w
    if w[i] in norms:
        return 1
    if i + 1 < ctx.e and f"{w[i]} {w[i + 1]}" in norms:
        return 2
    return 0


def quote_norms(ctx: "SentenceContext", cands: list[Cand]) -> list[Cand]:
    """REQUEST candidates for norms the speaker of a quote (or of reported speech: ``kata X``, ``lanjut dia``)
    states of another actor."""
    if not ctx.quotes and not ctx.reporters:
        return []
    norms = ctx.lex.cue("quote_norms")
    entry = _norm_entry(ctx.lex)
    if not norms or entry is None:
        return []
    skip = ctx.lex.cue("cue_skip") | ctx.lex.cue("quote_norm_skip")
    out: list[Cand] = []
    i = ctx.s
    while i < ctx.e:
        n = _modal_at(ctx, i, norms)
        if not n:
            i += 1
            continue
        spk = quote_at(ctx, i)
        if spk is None and ctx.reporters:
            # reported speech: "..., lanjut dia, pemerintah harus ...", "Polisi harus ..., kata X"
            spk = min(ctx.reporters, key=lambda r: ctx.slots[r].ts)
        j = i - 1
        while j >= ctx.s and ctx.slot_at[j] < 0 and ctx.w[j] in skip:
            j -= 1
        k = ctx.slot_at[j] if j >= ctx.s else -1
        # the actor opens its clause ("“Pemprov tidak boleh", ", polisi harus"), not the object of another verb
        # ("saya minta polisi harus": the asking verb's own demand)
        if k >= 0 and not _opens_clause(ctx, ctx.slots[k].ts, frozenset()):
            k = -1
        if spk is not None and k >= 0 and k != spk and not ctx.in_pp(k) and not _same_actor(ctx, k, spk) \
                and not any(c.etype == entry.event_type and k in c.target for c in cands + out):
            m = Match(i, i + n, entry, "active", False, tuple(range(i, i + n)))
            out.append(Cand(m, [spk], [k], entry.event_type, entry.cameo, entry.mode, confidence=NORM_CONFIDENCE))
        i += n
    return out


def _same_actor(ctx: "SentenceContext", k: int, spk: int) -> bool:
    """``k`` stands for the speaker (``kami``, ``saya`` resolved to him, or his own name repeated)."""
    a, b = ctx.slots[k], ctx.slots[spk]
    if a.ident & b.ident:
        return True
    ka = {(x.entity_id or x.name or x.text) for x in a.actors}
    kb = {(x.entity_id or x.name or x.text) for x in b.actors}
    return bool(ka & kb)
