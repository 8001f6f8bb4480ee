"""Tagging scores on a CoNLL-U file: ``warta eval ud FILE``.

Two settings, both reported:

* ``gold_tokens``: the file's syntactic words are given to the trained components (UPOS accuracy as
  usually reported for taggers, and the number to compare with the issue's target);
* ``raw_text``: each sentence's ``# text`` is tokenised by the warta tokenizer and scored with spaCy's
  aligned scorer (tokens that do not align one-to-one count as errors), as in an end-to-end run.

Reported: UPOS accuracy, morphological features (``morph_acc``: the whole feature set of a token),
lemma accuracy, and, if the pipeline has a parser, UAS / LAS. Lemmas are compared lowercased in both
settings: the treebanks disagree on the case of proper-noun lemmas (GSD lowercases every lemma, PUD
and CSUI keep ``Jakarta``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from warta.eval.ner import load_model, predict_words


def _ref_docs(path: str | Path, nlp: Language) -> list[Doc]:
    from warta.train.convert import conllu_docs

    return conllu_docs(path, nlp.vocab, n_sents=1)


def _acc(pairs: list[tuple[str, str]]) -> float:
    return round(sum(1 for a, b in pairs if a == b) / len(pairs), 4) if pairs else 0.0


def evaluate(path: str | Path, model: str | Path | None = None, nlp: Language | None = None) -> dict[str, Any]:
    nlp = nlp or load_model(model)
    refs = _ref_docs(path, nlp)
    has_parser = nlp.has_pipe("parser")
    has_lemma = nlp.has_pipe("trainable_lemmatizer") or nlp.has_pipe("lemmatizer")
    # 1. gold tokens
    preds = predict_words(nlp, [[t.text for t in ref] for ref in refs])
    pos, morph, lemma = [], [], []
    for ref, pred in zip(refs, preds):
        for g, p in zip(ref, pred):
            pos.append((g.pos_, p.pos_))
            morph.append((str(g.morph), str(p.morph)))
            lemma.append((g.lemma_.lower(), p.lemma_.lower()))
    gold_tokens: dict[str, Any] = {"pos_acc": _acc(pos), "morph_acc": _acc(morph)}
    if has_lemma:
        gold_tokens["lemma_acc"] = _acc(lemma)
    if has_parser:
        s = Scorer.score_deps([Example(p, r) for p, r in zip(preds, refs)], "dep",
                              head_attr="head", head_getter=lambda t, a: t.head, ignore_labels=("p", "punct"))
        gold_tokens["uas"] = round(s["dep_uas"], 4)
        gold_tokens["las"] = round(s["dep_las"], 4)
    # 2. raw text through the warta tokenizer
    examples = []
    pipe_names = [n for n, _ in nlp.pipeline if n not in ("warta_actors", "warta_events", "warta_when_where")]
    with nlp.select_pipes(enable=pipe_names):
        for ref, doc in zip(refs, nlp.pipe([r.text for r in refs], batch_size=256)):
            examples.append(Example(doc, ref))
    raw: dict[str, Any] = {}
    raw["pos_acc"] = round(Scorer.score_token_attr(examples, "pos")["pos_acc"], 4)
    raw["morph_acc"] = round(Scorer.score_token_attr(examples, "morph")["morph_acc"], 4)
    if has_lemma:
        raw["lemma_acc"] = round(Scorer.score_token_attr(
            examples, "lemma", getter=lambda t, attr: t.lemma_.lower())["lemma_acc"], 4)
    raw["token_f"] = round(Scorer.score_tokenization(examples)["token_f"], 4)
    if has_parser:
        s = Scorer.score_deps(examples, "dep", head_attr="head", head_getter=lambda t, a: t.head,
                              ignore_labels=("p", "punct"))
        raw["uas"], raw["las"] = round(s["dep_uas"], 4), round(s["dep_las"], 4)
    return {"file": str(path), "sentences": len(refs), "words": len(pos),
            "gold_tokens": gold_tokens, "raw_text": raw}
