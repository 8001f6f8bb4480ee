"""spaCy component ``warta_events``: extracts and codes events (PLOVER/CAMEO) from each sentence.

Reads ``doc._.mentions`` (actor mentions, from ``warta_actors``) and writes ``doc._.events``
(list[Event]) and ``doc._.quotes`` (list[Quote]). Dates and places are left to ``warta_when_where``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from warta.events import lexicon as lexmod
from warta.events.extract import Slot, extract_sentence
from warta.events.home_country_en import fill_home_country
from warta.events.names_en import drop_name_triggers
from warta.events.quotes import find_quotes
from warta.model import Actor, Mention, Quote, Span


def _actor(m: Mention, text: str | None = None, start: int | None = None, end: int | None = None) -> Actor:
    a = m.actor()
    if text is not None:
        a.text, a.start, a.end = text, start, end
    return a


def build_slots(doc: Doc, words: list[str], lex, quotes, quote_speakers) -> tuple[list[Slot], list[int]]:
    """Actor slots in token space: mentions, then pronouns resolved to their antecedents."""
    n = len(doc)
    slot_at = [-1] * n
    slots: list[Slot] = []
    mentions: list[Mention] = sorted(doc._.mentions or [], key=lambda m: (m.start, -m.end))
    for m in mentions:
        if not (m.country or m.org):
            continue  # an actor without a country or organisation cannot be coded
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or any(slot_at[i] >= 0 for i in range(span.start, span.end)):
            continue
        k = len(slots)
        slots.append(Slot(span.start, span.end, [m.actor()], kind=m.kind, ident=frozenset({(m.start, m.end)})))
        for i in range(span.start, span.end):
            slot_at[i] = k
    _epithet_slots(doc, words, lex, slots, slot_at)
    sing, plur = lex.cue("pronoun_singular"), lex.cue("pronoun_plural")
    pair_head, first = lex.cue("pronoun_pair_head"), lex.cue("pronoun_first")
    country_heads, demonstratives = lex.cue("country_anaphor_heads"), lex.cue("demonstratives")
    pair_nouns = {**{w: "per" for w in lex.cue("pair_person")}, **{w: "gpe" for w in lex.cue("pair_country")},
                  **{w: "any" for w in lex.cue("pair_any")}}
    pair_pronoun = lex.cue("pair_pronoun")
    if not slots and not quote_speakers:
        return slots, slot_at
    real = sorted(range(len(slots)), key=lambda k: slots[k].ts)
    ri = 0
    history: list[int] = []  # real slots seen so far, in order
    i = 0
    while i < n:
        while ri < len(real) and slots[real[ri]].ts <= i:
            history.append(real[ri])
            ri += 1
        w = words[i]
        if w == "pihak" and i + 1 < n and words[i + 1] == "nya":
            w = "pihaknya"
        pair_en = lex.lang == "en" and w in ("both", "two") and i + 1 < n and words[i + 1] in pair_nouns and (
            w == "both" or (i > 0 and words[i - 1] == "the"))
        anaphor = w in country_heads and i + 1 < n and words[i + 1] in demonstratives
        if slot_at[i] >= 0 or not (w in sing or w in plur or w in pair_head or w in first or pair_en or anaphor):
            i += 1
            continue
        if lex.lang == "en" and not pair_en and (
                (w == "it" and _expletive_it(words, i, lex)) or (w == "both" and _next_is_actor(words, slot_at, i))):
            i += 1  # "It is understood ...", "it's not their fault": no actor; "both the US and China": no pronoun
            continue
        tok = doc[i]
        actors: list[Actor] = []
        end = i + 1
        ident: frozenset = frozenset()
        if pair_en:
            st = i - 1 if w == "two" else i
            actors, ident = _resolve_pair(slots, history, pair_nouns[words[i + 1]], doc[st:i + 2], i,
                                          sent_start=doc[i].sent.start)
            i, end = st, i + 2
        elif anaphor:
            # "negara ini", "rezim itu": the country last named
            actors, ident = _resolve_country(doc, slots, history, doc[i:i + 2], i)
            end = i + 2
        elif w in first:
            qi = next((q for q, (qs, qe) in enumerate(quotes) if qs <= tok.idx < qe), None)
            sp = quote_speakers.get(qi) if qi is not None else None
            if sp is not None:
                actors = [Actor(text=tok.text, start=tok.idx, end=tok.idx + len(tok), entity_id=sp.entity_id,
                                name=sp.name, country=sp.country, org=sp.org, sector=sp.sector)]
                ident = frozenset({(sp.start, sp.end)})
            elif w == "pihaknya" and history:
                actors, ident = _resolve(slots, history, 1, tok, prefer_per=False, at=i)
                end = i + 2 if words[i] == "pihak" else i + 1
        elif w in sing:
            # English keeps persons and things apart: "he"/"she" is a person, "it" never is
            only = None if lex.lang == "id" else (w != "it")
            actors, ident = _resolve(slots, history, 1, tok, prefer_per=lex.lang == "id" or w != "it", at=i, only_per=only)
        elif w in pair_pronoun:
            # "keduanya": two people as a rule (the two leaders of a call or a meeting), else the last two actors
            actors, ident = _resolve_pair(slots, history, "per", tok, i)
        elif w in plur:
            actors, ident = _resolve(slots, history, 2, tok, at=i)
        elif w in pair_head and i + 1 < n and words[i + 1] in pair_nouns:
            end = i + 2 + (1 if words[i + 1] == "belah" and i + 2 < n else 0)
            actors, ident = _resolve_pair(slots, history, pair_nouns[words[i + 1]], doc[i:end], i,
                                          sent_start=doc[i].sent.start)
        if actors:
            k = len(slots)
            slots.append(Slot(i, end, actors, kind="PRON", pronoun=True, ident=ident))
            for j in range(i, end):
                slot_at[j] = k
        i = end
    return slots, slot_at


# pair phrases: "kedua pemimpin" / "both leaders" / "the two leaders" stand for the last two people,
# "kedua negara" / "the two countries" for the last two countries, "kedua pihak" / "the two sides" for the
# last two actors of any kind
# (the nouns are the `pair_person`, `pair_country`, `pair_any` cues; `pair_pronoun`: "keduanya")
PAIR_WINDOW = 40  # actor mentions looked back at for a pair phrase
# a pronoun further than this many tokens from its antecedent is not resolved (a new topic, an "it" that
# names a thing)
PRONOUN_REACH = 80


def _expletive_it(words: list[str], i: int, lex) -> bool:
    """``It is understood``, ``it's not their fault``, ``it could allow``: an ``it`` before a copula or a
    modal is an expletive or a thing far more often than an actor (an actor's ``it`` is followed by its verb:
    ``it said``, ``it warned``); ``it was attacked`` (a passive) stays. Word lists: the `it_copula`, `it_modal`
    and `it_modal_expletive_next` cues."""
    n = len(words)
    if i + 1 >= n or words[i + 1] not in lex.cue("it_copula"):
        return False
    if words[i + 1] in lex.cue("it_modal"):
        # "it would attack", "it has agreed": the actor's own verb after the auxiliary
        nxt = words[i + 2] if i + 2 < n else ""
        return nxt in lex.cue("it_modal_expletive_next")
    nxt = words[i + 2] if i + 2 < n else ""
    return not (nxt.endswith("ed") or nxt in ("being",))


def _next_is_actor(words, slot_at, i: int) -> bool:
    j = i + 1
    while j < len(words) and words[j] in ("the", "of"):
        j += 1
    return j < len(words) and slot_at[j] >= 0


def _copy(a: Actor, text: str, start: int, end: int) -> Actor:
    return Actor(text=text, start=start, end=end, entity_id=a.entity_id, name=a.name, country=a.country,
                 org=a.org, sector=a.sector)


def _span_of(tok) -> tuple[str, int, int]:
    text = tok.text
    start = tok.idx if hasattr(tok, "idx") else tok.start_char
    return text, start, start + len(text)


def _resolve(slots, history, count, tok, prefer_per=True, at: int | None = None,
             only_per: bool | None = None) -> tuple[list[Actor], frozenset]:
    """Antecedent(s) of a pronoun: the latest PER mention (singular) or the last two distinct actors, with
    the mention spans they stand for."""
    text, start, end = _span_of(tok)
    recent = [k for k in history[-12:] if at is None or at - slots[k].te <= PRONOUN_REACH]
    if count == 1:
        if only_per is not None:
            cands = [k for k in reversed(recent) if (slots[k].kind == "PER") == only_per]
        else:
            cands = [k for k in reversed(recent) if slots[k].kind == "PER"] if prefer_per else []
            cands = cands or list(reversed(recent))
        if not cands:
            return [], frozenset()
        return [_copy(slots[cands[0]].actors[0], text, start, end)], slots[cands[0]].ident
    out, keys, ident = [], set(), set()
    for k in reversed(recent):
        a = slots[k].actors[0]
        key = a.country or a.org or a.entity_id
        if key and key not in keys:
            keys.add(key)
            out.append(_copy(a, text, start, end))
            ident |= slots[k].ident
        if len(out) == 2:
            break
    return (out, frozenset(ident)) if len(out) == 2 else ([], frozenset())


def _epithet_slots(doc: Doc, words: list[str], lex, slots: list[Slot], slot_at: list[int]) -> None:
    """Epithets that name one state (cue map ``country_epithets``: "zionis" -> Israel), with a head word before
    them (``rezim zionis``, cue ``epithet_heads``), become actor slots of that country's government."""
    epithets = lex.cue("country_epithets")
    if not epithets:
        return
    heads = lex.cue("epithet_heads")
    for i, w in enumerate(words):
        country = epithets.get(w) if slot_at[i] < 0 else None
        if not country:
            continue
        st = i - 1 if i > 0 and words[i - 1] in heads and slot_at[i - 1] < 0 else i
        span = doc[st:i + 1]
        k = len(slots)
        slots.append(Slot(st, i + 1, [Actor(text=span.text, start=span.start_char, end=span.end_char, country=country,
                                            sector="GOV")], kind="AGENT",
                          ident=frozenset({(span.start_char, span.end_char)})))
        for j in range(st, i + 1):
            slot_at[j] = k


def _resolve_country(doc: Doc, slots, history, span, at: int) -> tuple[list[Actor], frozenset]:
    """``negara ini`` / ``rezim itu``: the country that leads the last sentence naming one (its first country
    mention, the topic more often than a country named after it: "Iran mengecam Israel. Negara ini ...")."""
    def country(k):
        sl = slots[k]
        a = sl.actors[0]
        return sl.kind == "GPE" and a.country and not a.org
    last = next((k for k in reversed(history[-PAIR_WINDOW:]) if country(k) and at - slots[k].te <= PRONOUN_REACH), None)
    if last is None:
        return [], frozenset()
    sent_start = doc[slots[last].ts].sent.start
    k = next(k for k in history if slots[k].ts >= sent_start and country(k))
    return [_copy(slots[k].actors[0], span.text, span.start_char, span.end_char)], slots[k].ident


def _resolve_pair(slots, history, cls: str, tok, at: int, sent_start: int | None = None
                  ) -> tuple[list[Actor], frozenset]:
    """``kedua pemimpin`` / ``the two leaders``: the two most recent distinct people; ``kedua negara`` /
    ``the two countries``: the two most recent distinct countries; else (or when there are not two such
    mentions) the last two distinct actors. ``kedua pihak`` / ``the two sides`` after an actor of its own
    sentence ("PBB mendesak kedua pihak", "the UN urged both sides") are the two sides named before that
    sentence: the third party that addresses them is not one of them."""
    text, start, end = _span_of(tok)
    if cls == "any" and sent_start is not None:
        before = [k for k in history if slots[k].ts < sent_start]
        if len(before) < len(history):
            keys = {(slots[k].actors[0].country or slots[k].actors[0].org or slots[k].actors[0].entity_id)
                    for k in before[-12:]} - {None}
            if len(keys) >= 2:
                history = before
    if cls != "any":
        out, seen, ident = [], set(), set()
        for k in reversed(history[-PAIR_WINDOW:]):
            sl = slots[k]
            a = sl.actors[0]
            if cls == "per":
                ok, key = sl.kind == "PER", a.entity_id or a.name or a.text
            else:
                ok, key = sl.kind == "GPE" and a.country is not None and a.org is None, a.country
            if ok and key not in seen:
                seen.add(key)
                out.append(_copy(a, text, start, end))
                ident |= sl.ident
                if len(out) == 2:
                    return out, frozenset(ident)
    return _resolve(slots, history, 2, tok, at=at)


def speakers(doc: Doc, words, lex, quotes, mention_list: list[Mention]) -> dict[int, Mention]:
    """Speaker of each quote: ``“...,” kata X`` / ``X said`` after it, or ``X: “...”`` / ``X mengatakan, “...”``."""
    speech = lex.cue("speech")
    out: dict[int, Mention] = {}
    text = doc.text
    for qi, (qs, qe) in enumerate(quotes):
        after = [m for m in mention_list if qe < m.start <= qe + 80]
        if after:
            gap = text[qe:after[0].start].lower()
            if any(w in speech for w in gap.replace(",", " ").replace("\u201d", " ").replace('"', " ").split()):
                out[qi] = after[0]
                continue
        before = [m for m in mention_list if qs - 80 <= m.end < qs]
        if before:
            gap = text[before[-1].end:qs].lower()
            if ":" in gap or any(w in speech for w in gap.replace(",", " ").split()):
                out[qi] = before[-1]
                continue
        # "..." ujarnya: the last person mentioned before the quote
        tail = text[qe:qe + 25].lower()
        if "nya" in tail and any(w.rstrip(".,") in speech for w in tail.split()):
            prev = [m for m in mention_list if m.end <= qs]
            per = [m for m in prev if m.kind == "PER"] or prev
            if per:
                out[qi] = per[-1]
    return out




def quote_tokens(doc: Doc, quotes, quote_speakers, slots: list[Slot]) -> list[tuple[int, int, int]]:
    """(first token, end token, speaker slot) of each quote whose speaker is an actor slot."""
    out = []
    for qi, (qs, qe) in enumerate(quotes):
        sp = quote_speakers.get(qi)
        if sp is None:
            continue
        k = next((k for k, sl in enumerate(slots) if not sl.pronoun and (sp.start, sp.end) in sl.ident), None)
        if k is None:
            continue
        a = next((t.i for t in doc if t.idx >= qs), len(doc))
        b = next((t.i for t in doc if t.idx >= qe), len(doc))
        out.append((a, b, k))
    return out


def reporters_in(words, slot_at, slots, lex, s: int, e: int) -> set[int]:
    """Slots of the sentence that report speech (``kata X``, ``menurut X``, ``, X said``)."""
    after = lex.cue("speech_after")
    speech_adverbs = lex.cue("speech_adverbs")
    out: set[int] = set()
    seen = set()
    for i in range(s, e):
        k = slot_at[i]
        if k < 0 or k in seen:
            continue
        seen.add(k)
        sl = slots[k]
        lo = max(s, sl.ts - 4)
        # "dengan tegas mengutuk X", "secara jelas": an adverb, not "tegas X" (X stressed)
        hits = [j for j in range(lo, sl.ts) if words[j] in after and not (j > s and words[j - 1] in speech_adverbs)]
        if lex.lang == "en":
            # English puts the speaker after the verb only after a quote or a comma (", said X") or
            # with "according to X"; "X said Y must ..." makes Y the subject of the reported clause
            hits = [j for j in hits if words[j] == "according" or (j > s and words[j - 1] in (",", "\u201d", '"', "''"))]
        if hits:
            out.add(k)
            continue
        if lex.lang == "en":
            nxt = words[sl.te:min(e, sl.te + 3)]
            prv = words[max(s, sl.ts - 3):sl.ts]
            if any(w in after for w in nxt) and (any(w in (",", "\u201d", '"', "''") for w in prv)):
                out.add(k)
    return out


# distinct sport words (cue list `sport_context`) that make a whole article a sport report
ARTICLE_SPORT_WORDS = 3


# protests and deployments happen at a place without acting on it ("rallied in Buenos Aires")
NO_PLACE_TARGET = {"PROTEST", "MOBILIZE"}
# how far after the trigger (tokens) a place may stand, and the gazetteer levels that count as a city
PLACE_WINDOW = 12
CITY_LEVELS = ("city", "regency", "district")
# a GeoNames-only city stands for its country only when it is this large (not "in March", Cambridgeshire)
PLACE_MIN_POPULATION = 100_000


def _place_target(doc: Doc, words: list[str], slot_at: list[int], preps, trig_end: int, e: int) -> list[Actor]:
    """The recipient of an event with none: a city after ``di``/``in`` in the clause after the trigger
    ("suspended aid deliveries in Baghdad", "menunda demonstrasi di Baku"). PLOVER codes the place an act is
    applied to as its target; the city stands for its country. Only names the gazetteer resolves to one
    country count; a comma or the end of the sentence ends the clause."""
    from warta.actors.linker import NOT_NAME
    from warta.when_where.gazetteer import gazetteer

    i = next((t.i for t in doc[:e] if t.idx >= trig_end), e)
    hi = min(e, i + PLACE_WINDOW)
    while i < hi:
        w = words[i]
        if w in (",", ";", ":") or w in ("\u201c", '"'):
            return []
        if w in preps and i + 1 < e and slot_at[i + 1] < 0 and doc[i + 1].text[:1].isupper():
            for n in (3, 2, 1):
                toks = doc[i + 1:min(e, i + 1 + n)]
                if len(toks) < n or any(not t.text[:1].isupper() or slot_at[t.i] >= 0 or words[t.i] in NOT_NAME
                                        for t in toks):
                    continue
                places = gazetteer().lookup(toks.text)
                countries = {p.country for p in places}
                if places and len(countries) == 1 and None not in countries and all(
                        p.precision in CITY_LEVELS and (p.source != "geonames" or p.population >= PLACE_MIN_POPULATION)
                        for p in places):
                    return [Actor(text=toks.text, start=toks.start_char, end=toks.end_char,
                                  name=places[0].name, country=places[0].country)]
        i += 1
    return []


@Language.factory("warta_events")
def make_events(nlp: Language, name: str):
    lang = nlp.lang if nlp.lang in ("id", "en") else "id"
    lex = lexmod.load(lang)

    def component(doc: Doc) -> Doc:
        if doc._.events is None:
            doc._.events = []
        if doc._.quotes is None:
            doc._.quotes = []
        text = doc.text
        words = [lexmod.normalise(t.text) for t in doc]
        if lang == "en" and doc._.mentions:
            doc._.mentions = fill_home_country(doc._.mentions)
        mention_list = sorted(doc._.mentions or [], key=lambda m: m.start)
        qspans = find_quotes(text)
        qspk = speakers(doc, words, lex, qspans, mention_list) if qspans else {}
        slots, slot_at = build_slots(doc, words, lex, qspans, qspk)
        article = doc._.article
        doc_id = getattr(article, "id", None) or ""
        tok_char = [(t.idx, t.idx + len(t.text)) for t in doc]
        sents = list(doc.sents)
        sent_of_char = []
        for si, sent in enumerate(sents):
            sent_of_char.append((sent.start_char, sent.end_char, si))
        for qi, (qs, qe) in enumerate(qspans):
            sp = qspk.get(qi)
            si = next((x for a, b, x in sent_of_char if a <= qs < b), None)
            doc._.quotes.append(Quote(start=qs, end=qe, text=text[qs:qe], speaker=sp.actor() if sp else None,
                                      sentence_index=si))
        if not slots:
            return doc
        qtok = quote_tokens(doc, qspans, qspk, slots)
        boilerplate = lex.cue("boilerplate_start")
        # a sport report: several different sport words in the article ("striker", "coach", "league"); then a
        # country name alone is a national team ("against Wales", "Indonesia menang atas Vietnam")
        sport_cues = lex.cue("sport_context")
        sport_words = {w for i, w in enumerate(words) if w in sport_cues and slot_at[i] < 0}
        article_sport = len(sport_words) >= ARTICLE_SPORT_WORDS
        seen_sents: set[str] = set()
        for si, sent in enumerate(sents):
            s, e = sent.start, sent.end
            if not any(slot_at[i] >= 0 for i in range(s, e)):
                continue
            if words[s] in boilerplate:
                continue  # "Simak juga Video '...'", "Baca juga: ...": page furniture, not news
            # a sentence that repeats an earlier one of the article (a pull quote, a caption, a summary line)
            # reports no new event
            norm = " ".join(words[s:e])
            if norm in seen_sents:
                continue
            seen_sents.add(norm)
            reps = reporters_in(words, slot_at, slots, lex, s, e)
            span = Span(sent.start_char, sent.end_char, sent.text)
            evs = extract_sentence(doc_id, si, span, words, slot_at, slots, lex, s, e, reps, tok_char, text,
                                   article_sport=article_sport, quotes=qtok)
            if lang == "en" and evs:
                evs = drop_name_triggers(evs)  # "National Audit Office", "Appeals Commission"
            if not evs:
                continue
            place_preps = lex.cue("place_target_preps")
            if place_preps:
                for ev in evs:
                    if not ev.target and ev.event_type not in NO_PLACE_TARGET:
                        ev.target = _place_target(doc, words, slot_at, place_preps, ev.trigger.end, e)
            rep = min(reps, key=lambda k: slots[k].ts) if reps else None
            for ev in evs:
                if rep is not None:
                    ev.reported_by = slots[rep].actors[0]
                q = next((text[a:b] for a, b in qspans if a <= ev.trigger.start < b), None)
                ev.quote = q
            doc._.events.extend(evs)
        return doc

    return component
