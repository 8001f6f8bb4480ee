"""Data converters for training: IndoNLU BIO files and CoNLL-U to spaCy ``DocBin`` corpora.

IndoNLU files (NERGrit, NERP, POSP, BaPOS) are ``token<TAB>label`` lines with a blank line between
sentences. NER labels are mapped to warta's label set (PER / ORG / LOC / GPE / EVT); POSP and BaPOS keep their
own tags (an auxiliary task, see :func:`aux_tag_docs`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

# Dataset label -> warta label (None: dropped, i.e. tagged O).
NERP_MAP: dict[str, str | None] = {"PPL": "PER", "PLC": "LOC", "IND": "ORG", "EVT": "EVT", "FNB": "FNB"}
NERGRIT_MAP: dict[str, str | None] = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}
# warta label -> dataset label, used to score a warta model on a dataset's own labels.
# GPE is a kind of place in both datasets.
NERP_BACK = {"PER": "PPL", "LOC": "PLC", "GPE": "PLC", "ORG": "IND", "EVT": "EVT", "FNB": "FNB"}
NERGRIT_BACK = {"PER": "PERSON", "LOC": "PLACE", "GPE": "PLACE", "ORG": "ORGANISATION"}
LABEL_MAPS = {"nerp": NERP_MAP, "nergrit": NERGRIT_MAP}
BACK_MAPS = {"nerp": NERP_BACK, "nergrit": NERGRIT_BACK}

# IndoNLU POS corpora, used as an auxiliary tagging task of the UD model: name -> (folder, tag prefix).
# Their own tag sets are kept (prefixed, so the two never share a label); nothing is mapped to UPOS.
AUX_POS = {"posp": ("posp_pos-prosa", "p:"), "bapos": ("bapos_pos-idn", "b:")}


def read_bio(path: str | Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences of an IndoNLU file as ``(tokens, labels)``."""
    words: list[str] = []
    labels: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if words:
                    yield words, labels
                words, labels = [], []
                continue
            if "\t" in line:
                word, label = line.rsplit("\t", 1)
            else:
                word, label = line.rsplit(" ", 1) if " " in line.strip() else (line, "O")
            word = word.strip() or "_"
            words.append(word)
            labels.append(label.strip() or "O")
    if words:
        yield words, labels


def bio_to_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` token spans of a BIO (or IOB1) label sequence; end is exclusive."""
    spans: list[tuple[int, int, str]] = []
    start, cur = None, None
    for i, lab in enumerate([*labels, "O"]):
        prefix, _, name = lab.partition("-") if "-" in lab else (lab, "", "")
        if prefix == "B" or prefix == "O" or (prefix == "I" and name != cur):
            if cur is not None:
                spans.append((start, i, cur))
                start, cur = None, None
            if prefix in ("B", "I"):
                start, cur = i, name
    return spans


def map_labels(labels: list[str], mapping: dict[str, str | None] | None) -> list[str]:
    """Map the entity types of a BIO sequence (``None`` in ``mapping`` drops the entity)."""
    if mapping is None:
        return list(labels)
    out = ["O"] * len(labels)
    for start, end, name in bio_to_spans(labels):
        new = mapping.get(name, name)
        if new is None:
            continue
        out[start] = f"B-{new}"
        for i in range(start + 1, end):
            out[i] = f"I-{new}"
    return out


def ner_docs(path: str | Path, vocab: Vocab, mapping: dict[str, str | None] | None = None,
             lowercase: bool = False) -> Iterator[Doc]:
    """Docs with gold entities from an IndoNLU NER file."""
    for words, labels in read_bio(path):
        if lowercase:
            words = [w.lower() for w in words]
        labels = map_labels(labels, mapping)
        yield Doc(vocab, words=words, ents=[_iob_tag(lab) for lab in labels])


def aux_tag_docs(path: str | Path, vocab: Vocab, prefix: str) -> Iterator[Doc]:
    """Sentences of an IndoNLU POS file (POSP, BaPOS) with the file's own tags in ``token.tag_``.

    Tags lose their ``B-``/``I-`` prefix and get ``prefix`` (``p:NNO``, ``b:NN``). No UPOS, features or
    lemmas are set, so the morphologizer and the lemmatizer treat these words as unannotated and only
    the auxiliary tagger (and through it the shared tok2vec) learns from them.
    """
    for words, labels in read_bio(path):
        tags = [prefix + (lab.partition("-")[2] or lab) for lab in labels]
        yield Doc(vocab, words=words, tags=tags, sent_starts=[True] + [False] * (len(words) - 1))


def _iob_tag(label: str) -> str:
    return "O" if label in ("O", "") else label


def conllu_docs(path: str | Path, vocab: Vocab, n_sents: int = 10) -> list[Doc]:
    """Docs from a CoNLL-U file with spaCy's own converter (``spacy convert`` does the same).

    Multi-word tokens (``menyetujuinya`` = ``menyetujui`` + ``nya``) become their syntactic words,
    which is what the warta tokenizer produces for the ``-nya`` and ``-kah`` clitics.
    """
    from spacy.training.converters import conllu_to_docs

    text = Path(path).read_text(encoding="utf-8")
    docs = list(conllu_to_docs(text, n_sents=n_sents, merge_subtokens=False, no_print=True))
    # conllu_to_docs uses its own vocab: rebuild the docs on ours.
    return [Doc(vocab).from_bytes(d.to_bytes()) for d in docs]


def write_docbin(docs: Iterable[Doc], path: str | Path) -> int:
    """Write docs to a ``.spacy`` file; returns how many."""
    db = DocBin(store_user_data=False)
    n = 0
    for doc in docs:
        db.add(doc)
        n += 1
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def group_docs(docs: Iterable[Doc], n: int) -> Iterator[Doc]:
    """Join every ``n`` sentence docs into one doc (sentence starts kept)."""
    batch: list[Doc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == n:
            yield Doc.from_docs(batch)
            batch = []
    if batch:
        yield Doc.from_docs(batch)
