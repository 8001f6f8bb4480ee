"""Raw Indonesian text for training, and subword word vectors (floret) trained on it here.

``warta train raw`` writes two files from the raw news sample and the *text* of the training splits
(IndoNLU NERP, NERGrit, BaPOS train/valid; UD CSUI train, GSD dev, PUD; never a test split the
models are scored on):

- ``id_raw.txt``: one sentence or article per line, tokenized like the pipeline, lowercased (for
  the vectors);
- ``id_raw.jsonl``: ``{"text": ...}`` in its original case (for ``warta train pretrain``).

``warta train vectors`` trains floret vectors (fastText CBOW whose words *and* character 3-5-grams
share one hashed table) on ``id_raw.txt`` and turns them into a spaCy vectors table (``mode floret``,
keyed on ``LOWER``): every word gets a vector, including words never seen in the raw text, which
matters for names and rare affixed forms. The vectors are ours; the text is not shipped.
"""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

RAW_SETS = (
    "indonlu/nerp_ner-prosa/train_preprocess.txt", "indonlu/nerp_ner-prosa/valid_preprocess.txt",
    "indonlu/nergrit_ner-grit/train_preprocess.txt", "indonlu/nergrit_ner-grit/valid_preprocess.txt",
    "indonlu/bapos_pos-idn/train_preprocess.txt", "indonlu/bapos_pos-idn/valid_preprocess.txt",
    "ud/UD_Indonesian-CSUI/id_csui-ud-train.conllu", "ud/UD_Indonesian-GSD/id_gsd-ud-dev.conllu",
    "ud/UD_Indonesian-PUD/id_pud-ud-test.conllu",
)

log = logging.getLogger(__name__)


def texts(path: str | Path) -> Iterator[str]:
    """Titles and texts of a JSONL news file, read by warta's ingest reader; a malformed line is
    logged with its location (``file.jsonl:12``) and skipped."""
    from warta.ingest.sources import read_jsonl
    from warta.model import IngestError

    for item in read_jsonl(Path(path)):
        if isinstance(item, IngestError):
            log.warning("%s (skipped)", item)
            continue
        if item.title:
            yield item.title
        yield item.text


def sentences(path: str | Path, vocab) -> Iterator[list[str]]:
    """The words of each sentence of an IndoNLU file or a CoNLL-U file (its syntactic words)."""
    from warta.train import convert

    if str(path).endswith(".conllu"):
        for doc in convert.conllu_docs(path, vocab, n_sents=1):
            yield [t.text for t in doc]
    else:
        for words, _labels in convert.read_bio(path):
            yield words


def write_raw(data: str | Path, news: str | Path | None, out: str | Path) -> dict[str, int]:
    """Write ``id_raw.txt`` and ``id_raw.jsonl`` under ``out``; returns word counts."""
    import spacy

    from warta.nlp.tokenizer import customize_tokenizer

    data, out = Path(data), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    nlp = customize_tokenizer(spacy.blank("id"))
    counts = {"labelled_sets": 0, "news": 0}
    with open(out / "id_raw.txt", "w", encoding="utf-8") as txt, \
            open(out / "id_raw.jsonl", "w", encoding="utf-8") as jsonl:
        for rel in RAW_SETS:
            if not (data / rel).exists():
                continue
            batch: list[str] = []
            for words in sentences(data / rel, nlp.vocab):
                txt.write(" ".join(w.lower() for w in words) + "\n")
                counts["labelled_sets"] += len(words)
                batch.append(" ".join(words))
                if len(batch) == 10:
                    jsonl.write(json.dumps({"text": " ".join(batch)}, ensure_ascii=False) + "\n")
                    batch = []
            if batch:
                jsonl.write(json.dumps({"text": " ".join(batch)}, ensure_ascii=False) + "\n")
        if news:
            for text in texts(news):
                jsonl.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
                words = [t.lower_ for t in nlp.tokenizer(text) if not t.is_space]
                txt.write(" ".join(words) + "\n")
                counts["news"] += len(words)
    return counts


def train_floret(raw_txt: str | Path, out: str | Path, dim: int = 96, bucket: int = 40000,
                 epochs: int = 10, threads: int = 1) -> int:
    """floret CBOW vectors (hashCount 2, 3-5-grams) on ``raw_txt``, written as a spaCy vectors
    folder ``out``; returns the size of the word list it was trained with."""
    import floret

    out = Path(out)
    model = floret.train_unsupervised(str(raw_txt), model="cbow", mode="floret", hashCount=2, bucket=bucket,
                                      minn=3, maxn=5, dim=dim, epoch=epochs, minCount=2, thread=threads,
                                      verbose=0)
    table = out.with_suffix(".floret")
    model.save_floret_vectors(str(table))
    subprocess.check_call([sys.executable, "-m", "spacy", "init", "vectors", "id", str(table), str(out),
                           "--mode", "floret", "--attr", "LOWER"])
    return len(model.words)
