"""Score event extraction against a gold JSONL file (format: ``gold/README.md`` of the shared data).

Matching rules (the same as the reference scorer): an extracted event matches a gold event of the
same record when its ``event_type`` is the gold type or one of its ``alt_event_types`` and every
non-empty gold side (source, target) shares an actor key with the extracted side; a key is the
actor's ``country``, else its ``org``, and a generic ``IGO``/``NGO`` matches any organisation.
Each gold event matches at most one extracted event (first match in extraction order).
Files whose name contains ``partial`` annotate only the main event of each record.

    >>> from warta.eval.events import evaluate
    >>> evaluate("gold/seed_id.jsonl")["f1"]
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any, Iterable

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
GENERIC_ORG = {"IGO", "NGO"}


def actor_keys(actors: Iterable[dict] | None) -> set[str]:
    out = set()
    for a in actors or []:
        if isinstance(a, dict):
            k = a.get("country") or a.get("org")
            if k:
                out.add(str(k).upper())
    return out


def side_matches(gold: list[dict] | None, pred: list[dict] | None) -> bool:
    g = actor_keys(gold)
    if not g:
        return True
    if g & actor_keys(pred):
        return True
    if g & GENERIC_ORG:
        return any(isinstance(a, dict) and a.get("org") for a in pred or [])
    return False


def event_matches(g: dict, p: dict) -> bool:
    types = {g["event_type"], *g.get("alt_event_types", [])}
    return (p.get("event_type") in types and side_matches(g.get("source"), p.get("source"))
            and side_matches(g.get("target"), p.get("target")))


def score(gold: list[dict], preds: dict[str, list[dict]], partial: bool) -> dict[str, Any]:
    """Scores of predictions (by record id) against gold records."""
    tp = n_gold = n_pred = 0
    hits, totals = Counter(), Counter()
    modality_agree = date_agree = date_total = unknown = 0
    for rec in gold:
        gevs = rec.get("events", [])
        pevs = preds.get(str(rec["id"]), [])
        unknown += sum(1 for p in pevs if p.get("event_type") not in PLOVER)
        n_gold += len(gevs)
        n_pred += len(pevs)
        used: set[int] = set()
        for g in gevs:
            totals[g["event_type"]] += 1
            for j, p in enumerate(pevs):
                if j in used or not event_matches(g, p):
                    continue
                used.add(j)
                tp += 1
                hits[g["event_type"]] += 1
                if (g.get("modality") or "asserted") == (p.get("modality") or "asserted"):
                    modality_agree += 1
                if g.get("event_date"):
                    date_total += 1
                    if str(p.get("event_date") or "")[:10] == g["event_date"]:
                        date_agree += 1
                break
    prec = tp / n_pred if n_pred else 0.0
    rec_ = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0
    return {
        "records": len(gold), "gold_events": n_gold, "predicted_events": n_pred, "matched": tp,
        "precision": round(prec, 4), "recall": round(rec_, 4), "f1": round(f1, 4),
        "extra_events_per_record": round((n_pred - tp) / len(gold), 3) if gold else 0.0,
        "modality_agreement": round(modality_agree / tp, 4) if tp else None,
        "event_date_agreement": round(date_agree / date_total, 4) if date_total else None,
        "recall_by_type": {t: f"{hits[t]}/{totals[t]}" for t in sorted(totals)},
        "non_plover_types": unknown, "partial": partial,
    }


def _oracle_mentions(rec: dict):
    """Mentions at every occurrence of the gold actors' texts (diagnostic: isolates event rules)."""
    from warta.model import Mention

    seen: dict[tuple[int, int], Mention] = {}
    text = rec["text"]
    for ev in rec.get("events", []):
        for a in (ev.get("source") or []) + (ev.get("target") or []):
            t = (a.get("text") or "").strip()
            if len(t) < 2 or not (a.get("country") or a.get("org")):
                continue
            i = text.find(t)
            while i >= 0:
                seen.setdefault((i, i + len(t)), Mention(i, i + len(t), t, country=a.get("country"),
                                                         org=a.get("org"), sector=a.get("sector"),
                                                         kind="PER" if t[:1].isupper() and " " in t else None))
                i = text.find(t, i + 1)
    out = sorted(seen.values(), key=lambda m: (m.start, -(m.end - m.start)))
    kept, last_end = [], -1
    for m in out:
        if m.start >= last_end:
            kept.append(m)
            last_end = m.end
    return kept


def extract_records(records: list[dict], lang: str = "auto", actors: str = "pipeline") -> dict[str, list[dict]]:
    """Run the pipeline over gold records; extracted events (as dicts) by record id."""
    from warta.model import Article
    from warta.pipeline import Pipeline

    pipe = Pipeline(lang=lang)
    out: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        try:
            pub = date.fromisoformat(str(rec.get("date"))[:10]) if rec.get("date") else None
        except ValueError:
            pub = None
        art = Article(id=str(rec["id"]), text=rec["text"], lang=rec.get("lang"), published=pub)
        if actors == "gold":
            nlp = pipe.nlp(pipe.language_of(art) or pipe.default_lang)
            doc = nlp.make_doc(art.text)
            doc._.article = art
            for name, proc in nlp.pipeline:
                doc = proc(doc)
                if name == "warta_actors":
                    doc._.mentions = _oracle_mentions(rec)
            events = doc._.events or []
        else:
            events = pipe.process(art).events
        out[str(rec["id"])].extend(e.to_dict() for e in events)
    return out


def evaluate(gold_path, lang: str = "auto", predictions=None, actors: str = "pipeline") -> dict[str, Any]:
    """Extract events from the gold file's texts and score them; optionally write them as JSONL.

    ``actors="gold"`` replaces the actor mentions by the gold actors' spans (a diagnostic of the
    event rules alone; the figures to report use ``"pipeline"``).
    """
    gold_path = Path(gold_path)
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = extract_records(gold, lang=lang, actors=actors)
    if predictions:
        with open(predictions, "w", encoding="utf-8") as f:
            for rec in gold:
                for ev in preds.get(str(rec["id"]), []):
                    f.write(json.dumps(ev, ensure_ascii=False) + "\n")
    out = {"gold_file": str(gold_path)}
    out.update(score(gold, preds, partial="partial" in gold_path.name))
    if actors != "pipeline":
        out["actors"] = actors
    return out
