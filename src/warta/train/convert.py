"""Data converters for training: IndoNLU BIO files and CoNLL-U to spaCy ``DocBin`` corpora.

IndoNLU files (NERGrit, NERP, POSP, BaPOS) are ``token<TAB>label`` lines with a blank line between
sentences. NER labels are mapped to warta's label set (PER / ORG / LOC / GPE / EVT); POS tags of POSP
and BaPOS can be mapped to UPOS to add tagging data.
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

# POSP (Prosa) tags -> UPOS. Open classes map directly; closed-class tags whose UPOS depends on the
# word (UD Indonesian tags "akan" AUX but "sudah" ADV, "yang" PRON, "adalah" AUX, "menjadi" VERB ...)
# are in POSP_BY_WORD: the word's majority UPOS in the UD training data decides, and a sentence with such
# a word unseen in UD is dropped (as are sentences with UNS, unknown).
POSP_UPOS = {
    "NNO": "NOUN", "NNP": "PROPN", "NUM": "NUM", "ADJ": "ADJ", "ADV": "ADV", "VBI": "VERB", "VBT": "VERB",
    "VBP": "VERB", "VBE": "VERB", "NEG": "PART", "CCN": "CCONJ", "CSN": "SCONJ", "PPO": "ADP",
    "PRN": "PRON", "PRK": "PRON", "ART": "DET", "INT": "INTJ", "PAR": "PART",
    "SYM": "PUNCT",  # SYM holds punctuation; tokens with no punctuation character become SYM
}
POSP_BY_WORD = {"ADK", "KUA", "PRR", "PRI", "VBL", "$$$", "ART", "PAR", "CSN", "CCN", "PPO", "ADV", "PRN"}
POSP_DROP = {"UNS"}
# BaPOS (IDN tagset) -> UPOS.
BAPOS_UPOS = {
    "CC": "CCONJ", "CD": "NUM", "DT": "DET", "FW": "X", "IN": "ADP", "JJ": "ADJ", "MD": "AUX", "NEG": "PART",
    "NN": "NOUN", "NND": "NOUN", "NNP": "PROPN", "OD": "ADJ", "PR": "PRON", "PRP": "PRON", "RB": "ADV",
    "RP": "PART", "SC": "SCONJ", "SYM": "SYM", "UH": "INTJ", "VB": "VERB", "WH": "PRON", "X": "X", "Z": "PUNCT",
}


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


def pos_docs(path: str | Path, vocab: Vocab, mapping: dict[str, str]) -> Iterator[Doc]:
    """Docs with gold UPOS from an IndoNLU POS file (POSP/BaPOS), tags mapped by ``mapping``."""
    for words, labels in read_bio(path):
        pos = [mapping.get(lab.partition("-")[2] or lab, "X") for lab in labels]
        yield Doc(vocab, words=words, pos=pos)


def ud_lexicon(docs: Iterable[Doc]) -> tuple[dict[str, str], dict[tuple[str, str], str], dict[str, str]]:
    """Majority UPOS per lowercased word, majority features per (word, UPOS) and per UPOS, from UD docs."""
    from collections import Counter, defaultdict

    pos: dict[str, Counter] = defaultdict(Counter)
    feats: dict[tuple[str, str], Counter] = defaultdict(Counter)
    upos_feats: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for t in doc:
            pos[t.lower_][t.pos_] += 1
            feats[(t.lower_, t.pos_)][str(t.morph)] += 1
            upos_feats[t.pos_][str(t.morph)] += 1
    best = lambda c: c.most_common(1)[0][0]  # noqa: E731
    return ({w: best(c) for w, c in pos.items()}, {k: best(c) for k, c in feats.items()},
            {k: best(c) for k, c in upos_feats.items()})


def posp_docs(path: str | Path, vocab: Vocab, lexicon, tokenizer=None) -> Iterator[Doc]:
    """Docs with UPOS (POSP_UPOS / POSP_BY_WORD) and silver UD features (from ``lexicon``) from POSP.

    POSP is lowercased: sentence-initial and NNP tokens are title-cased again. With ``tokenizer`` (the
    warta one) ``-nya``/``-kah`` clitics are split off as in UD (the clitic tagged PRON / PART).
    No lemmas are set (the lemmatizer treats them as missing).
    """
    word_pos, word_feats, upos_feats = lexicon
    for words, labels in read_bio(path):
        tags = [lab.partition("-")[2] or lab for lab in labels]
        out_w: list[str] = []
        out_p: list[str] = []
        ok = True
        for i, (w, tag) in enumerate(zip(words, tags)):
            if tag in POSP_DROP or (tag not in POSP_UPOS and tag not in POSP_BY_WORD):
                ok = False
                break
            if tag == "NNP" or i == 0:
                w = w[:1].upper() + w[1:]
            pieces = [w]
            if tokenizer is not None and tag not in ("SYM", "$$$", "NUM"):
                toks = [t.text for t in tokenizer(w)]
                if len(toks) == 2 and toks[1].lower().lstrip("-") in ("nya", "kah"):
                    pieces = toks
            stem = pieces[0]
            if tag in POSP_BY_WORD and stem.lower() in word_pos:
                upos = word_pos[stem.lower()]
            elif tag in POSP_UPOS and tag not in ("ADK", "KUA", "PRR", "PRI", "VBL", "$$$"):
                upos = POSP_UPOS[tag]
            else:
                ok = False
                break
            if upos == "PUNCT" and any(ch.isalnum() for ch in stem):
                upos = "SYM"
            out_w.append(stem)
            out_p.append(upos)
            if len(pieces) == 2:
                out_w.append(pieces[1])
                out_p.append("PRON" if pieces[1].lower().lstrip("-") == "nya" else "PART")
        if not ok or not out_w:
            continue
        morphs = [word_feats.get((w.lower(), p), upos_feats.get(p, "")) for w, p in zip(out_w, out_p)]
        yield Doc(vocab, words=out_w, pos=out_p, morphs=[m if m else "_" for m in morphs])


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
