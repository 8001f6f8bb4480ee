"""Silver NER data: raw news sentences tagged by several trained NER models that vote (``warta train silver``).

Self-training with an ensemble: a few NER models (the *teachers*: other seeds, the beam variant)
tag the sentences of unlabelled news. An entity that a majority of the teachers predict (same
tokens, same label) is kept; the tokens that any teacher puts in an entity outside the majority are
marked *missing* (no loss either way); every other token is ``O``. A new model (the *student*) is
then trained on the gold corpus plus this silver corpus, so it sees many more names in context than
the 1.7 k + 6.7 k gold sentences hold.

The teachers must be trained on training splits only when the student is scored on the valid splits
(otherwise the valid sentences leak through them); for a final fit on train + valid, the teachers
are the train + valid refits.
"""
from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.tokens import Doc, DocBin, Span

from warta.nlp.ensemble import vote  # the same majority vote as the NER ensemble


def sentences(texts: Iterable[str], min_words: int = 4, max_words: int = 80) -> Iterator[tuple[list[str], list[bool]]]:
    """Sentences of the texts as (words, spaces), cut by warta's Indonesian tokenizer and sentence
    splitter; sentences shorter or longer than the bounds are dropped (headlines, run-ons)."""
    from warta.nlp import load

    nlp = load("id", with_components=False, use_model=False)
    for doc in nlp.pipe(texts, batch_size=64):
        for sent in doc.sents:
            toks = [t for t in sent if not t.is_space]
            if min_words <= len(toks) <= max_words:
                yield [t.text for t in toks], [bool(t.whitespace_) for t in toks]


def silver(teachers: list[str | Path], texts_path: str | Path, out: str | Path, *, min_votes: int | None = None,
           max_docs: int | None = None, seed: int = 0, batch_size: int = 256) -> dict[str, int]:
    """Tag the sentences of ``texts_path`` (JSONL news: titles and texts, :func:`warta.train.vectors.texts`)
    with the teachers and write the voted corpus to ``out`` (a ``.spacy`` file), sentences shuffled with
    ``seed``. ``max_docs`` counts titles and texts. Returns counts."""
    if len(teachers) < 2:
        raise ValueError("silver needs at least two teacher models to vote")
    min_votes = min_votes or len(teachers) // 2 + 1
    first = spacy.load(teachers[0])
    models = [first] + [spacy.load(path, vocab=first.vocab) for path in teachers[1:]]
    for path, model in zip(teachers, models):
        if not model.has_pipe("ner"):
            raise ValueError(f"teacher {path} has no ner component")
    from warta.train.vectors import texts as read_texts

    texts = itertools.islice(read_texts(texts_path), max_docs)
    stats = Counter()
    docs: list[Doc] = []
    batch: list[tuple[list[str], list[bool]]] = []

    def flush() -> None:
        tagged = []
        for model in models:
            inputs = (Doc(first.vocab, words=w, spaces=s) for w, s in batch)
            tagged.append([[(e.start, e.end, e.label_) for e in d.ents] for d in model.pipe(inputs, batch_size=batch_size)])
        for j, (words, spaces) in enumerate(batch):
            kept, uncertain = vote([t[j] for t in tagged], min_votes)
            doc = Doc(first.vocab, words=words, spaces=spaces)
            doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in kept],
                         missing=[doc[i:i + 1] for i in sorted(uncertain)], default="outside")
            docs.append(doc)
            stats["entities"] += len(kept)
            stats["missing_tokens"] += len(uncertain)
            stats["words"] += len(words)
        batch.clear()

    for sent in sentences(texts):
        batch.append(sent)
        if len(batch) >= batch_size * 4:
            flush()
    if batch:
        flush()
    random.Random(seed).shuffle(docs)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out)
    stats["sentences"] = len(docs)
    stats["with_entities"] = sum(1 for d in docs if d.ents)
    return dict(stats)


def lowercased(doc: Doc) -> Doc:
    """The same sentence in lower case, with the same entities and missing tokens."""
    from spacy.attrs import ENT_IOB, ENT_TYPE

    low = Doc(doc.vocab, words=[t.lower_ for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    low.from_array([ENT_IOB, ENT_TYPE], doc.to_array([ENT_IOB, ENT_TYPE]))
    return low


def sample(path: str | Path, out: str | Path, words: int, *, with_entities_only: bool = False,
           lowercase_share: float = 0.0, seed: int = 0) -> dict[str, int]:
    """The first sentences of a silver corpus (already shuffled) up to ``words`` words, optionally only
    those with at least one entity; ``lowercase_share`` of them lower-cased (NERP, half of the gold
    words, is all lower case)."""
    nlp = spacy.blank("id")
    rng = random.Random(seed)
    picked, total, lowered = [], 0, 0
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        if total >= words:
            break
        if with_entities_only and not doc.ents:
            continue
        if lowercase_share and rng.random() < lowercase_share:
            doc = lowercased(doc)
            lowered += 1
        picked.append(doc)
        total += len(doc)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=picked, store_user_data=False).to_disk(out)
    return {"sentences": len(picked), "words": total, "lowercased": lowered}
