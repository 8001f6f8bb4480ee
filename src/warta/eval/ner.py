"""NER scores on an IndoNLU BIO file (``token<TAB>label``): ``warta eval ner FILE``.

The file's gold tokens are used as they are (the IndoNLU benchmark is scored on its own tokens) and
run through the trained components of the Indonesian pipeline. Predicted warta labels are mapped back
to the dataset's label set (NERP: PER->PPL, ORG->IND, LOC/GPE->PLC, EVT->EVT, FNB->FNB; NERGrit:
PER->PERSON, ORG->ORGANISATION, LOC/GPE->PLACE). Predicted types the dataset does not annotate (EVT and
FNB on NERGrit) are dropped, as the dataset's guidelines tag them O; gold types a model does not predict
stay in the gold set and count as misses; ``mapped_labels_only`` gives the scores without them. Scores are exact-span entity precision / recall / F1 (as seqeval, CoNLL).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from warta.train.convert import BACK_MAPS, bio_to_spans, read_bio


def detect_dataset(labels: set[str]) -> str | None:
    names = {lab.partition("-")[2] for lab in labels if "-" in lab}
    if names & {"PPL", "PLC", "IND", "FNB"}:
        return "nerp"
    if names & {"PERSON", "PLACE", "ORGANISATION"}:
        return "nergrit"
    return None


def load_model(model: str | Path | None = None) -> Language:
    """The trained Indonesian pipeline (the shipped one unless ``model`` is a path)."""
    if model is not None:
        import spacy

        from warta.nlp.tokenizer import customize_tokenizer

        return customize_tokenizer(spacy.load(model))
    from warta.nlp import load

    return load("id", with_components=False)


def predict_words(nlp: Language, sentences: list[list[str]], batch_size: int = 256) -> list[Doc]:
    """Run the trained components (no warta components) over pre-tokenised sentences."""
    skip = {"sentencizer", "warta_actors", "warta_events", "warta_when_where"}
    docs = [Doc(nlp.vocab, words=words) for words in sentences]
    for name, proc in nlp.pipeline:
        if name in skip:
            continue
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(d) for d in docs]
    return docs


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_spans(gold: list[set[tuple[int, int, str]]], pred: list[set[tuple[int, int, str]]]) -> dict[str, Any]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for s in p & g:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    out: dict[str, Any] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["per_label"] = {lab: {**prf(tp[lab], fp[lab], fn[lab]), "support": tp[lab] + fn[lab]} for lab in labels}
    return out


def evaluate(path: str | Path, model: str | Path | None = None, dataset: str | None = None,
             nlp: Language | None = None) -> dict[str, Any]:
    """Entity precision / recall / F1 (overall and per label) of the Indonesian NER on ``path``."""
    data = list(read_bio(path))
    dataset = dataset or detect_dataset({lab for _, labels in data for lab in labels})
    back = BACK_MAPS.get(dataset or "", None)
    nlp = nlp or load_model(model)
    docs = predict_words(nlp, [words for words, _ in data])
    gold = [set(bio_to_spans(labels)) for _, labels in data]
    pred = []
    for doc in docs:
        spans = set()
        for ent in doc.ents:
            if back and ent.label_ not in back:
                continue  # a type the dataset does not annotate (EVT, FNB on NERGrit) is O there
            label = back.get(ent.label_, ent.label_) if back else ent.label_
            spans.add((ent.start, ent.end, label))
        pred.append(spans)
    out = {"file": str(path), "dataset": dataset, "sentences": len(data),
           "tokens": sum(len(w) for w, _ in data)}
    out.update(score_spans(gold, pred))
    if back:
        # The same scores with gold restricted to the types warta predicts (NERP's FNB left out).
        known = set(back.values())
        kept = [{s for s in g if s[2] in known} for g in gold]
        scores = score_spans(kept, pred)
        out["mapped_labels_only"] = {k: scores[k] for k in ("precision", "recall", "f1")}
    return out
