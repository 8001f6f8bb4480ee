"""The reproducible training recipe for warta's Indonesian pipeline (``warta train``).

Steps (each a function and a ``warta train`` sub-command):

1. ``prepare DATA OUT``: convert IndoNLU (NERP, NERGrit, POSP, BaPOS) and UD Indonesian (CSUI train,
   GSD dev, PUD) into spaCy corpora under ``OUT/corpus`` (test splits are never converted: they are
   read by the evaluators).
2. ``fit NAME``: ``spacy train`` one config of ``configs/`` on a corpus: ``ner.cfg``; ``ud.cfg``, then
   its later stages (:data:`UD_STAGES`, :func:`stage_config`): ``ud_finetune`` from that model, then
   ``ud_lemma`` from the fine-tuned one.
3. ``assemble``: one pipeline = tok2vec + morphologizer + trainable_lemmatizer (UD model, its auxiliary
   tagger left out) + ner (NER model) with the warta tokenizer, written to ``src/warta/data/models/id``.
4. ``evaluate``: score the assembled pipeline on the official test splits.

Corpora:
- ``ner_train``: NERP train + NERGrit train (three times), labels mapped to PER/ORG/LOC/EVT/FNB;
  ``ner_dev``: the two valid splits; ``ner_train_all``: train + valid, for a final fit with a fixed
  number of steps. Per-dataset corpora (``nerp_*``, ``nergrit_*``) too.
- ``ud_train``: CSUI train + the first 85% of GSD dev (three times) + PUD, all twice, plus IndoNLU
  POSP and BaPOS train + valid for the auxiliary tagger (GSD train is not available; PUD has only a
  test split and is another treebank than the GSD test the model is scored on); ``ud_gsd``: the
  first 85% of GSD dev alone, to fine-tune on GSD's conventions (stage ``ud_finetune``); ``ud_lemma``:
  the three treebanks once each, for the lemmatizer (stage ``ud_lemma``); ``ud_dev``: the last 15% of
  GSD dev.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Sequence

import spacy

from warta.train import convert

REPO = Path(__file__).resolve().parents[3]
CONFIGS = REPO / "configs"
CALLBACKS = Path(__file__).with_name("callbacks.py")

NER_SETS = {"nerp": "nerp_ner-prosa", "nergrit": "nergrit_ner-grit"}
UD_TRAIN = "UD_Indonesian-CSUI/id_csui-ud-train.conllu"
UD_DEV = "UD_Indonesian-GSD/id_gsd-ud-dev.conllu"
UD_EXTRA = "UD_Indonesian-PUD/id_pud-ud-test.conllu"
TESTS = {
    "nerp": "indonlu/nerp_ner-prosa/test_preprocess.txt",
    "nergrit": "indonlu/nergrit_ner-grit/test_preprocess.txt",
    "gsd": "ud/UD_Indonesian-GSD/id_gsd-ud-test.conllu",
    "csui": "ud/UD_Indonesian-CSUI/id_csui-ud-test.conllu",
}


# The UD model's later stages are ud.cfg continued from a trained model (``paths.base``), with these
# changes. Stage 2 fine-tunes on GSD's own conventions (CSUI and PUD differ from GSD on frequent words:
# ``sebesar``, ``itu``, ``/``), the lemmatizer and the auxiliary tagger frozen. Stage 3 trains a *new*
# lemmatizer on the frozen encoder and the treebanks alone: trained jointly in stage 1 it sees few
# lemmas among the auxiliary POS data and regresses on affixed verbs, and spaCy's edit-tree
# lemmatizer collapses when a sourced copy is trained further.
UD_STAGES = {
    "ud_finetune": {"learn_rate": 0.0003, "max_steps": 1000, "patience": 1000, "eval_frequency": 50,
                    "frozen": ["tagger", "trainable_lemmatizer"], "annotating": [], "score": "pos_acc",
                    "new": []},
    "ud_lemma": {"learn_rate": 0.001, "max_steps": 4000, "patience": 1500, "eval_frequency": 100,
                 "frozen": ["tok2vec", "tagger", "morphologizer"], "annotating": ["tok2vec"],
                 "score": "lemma_acc", "new": ["trainable_lemmatizer"]},
}


def stage_config(stage: str, output: str | Path, ud_cfg: str | Path = CONFIGS / "ud.cfg") -> Path:
    """Write ``ud.cfg`` changed for a later UD stage (:data:`UD_STAGES`) to ``output/STAGE.cfg``."""
    from thinc.api import Config

    spec = UD_STAGES[stage]
    cfg = Config().from_disk(ud_cfg, interpolate=False)
    width = cfg["components"]["tok2vec"]["model"]["encode"]["width"]
    cfg["paths"] = {**{k: v for k, v in cfg["paths"].items() if k != "raw_text"}, "base": None}
    del cfg["pretraining"], cfg["corpora"]["pretrain"]
    for name in cfg["nlp"]["pipeline"]:
        if name in spec["new"]:
            cfg["components"][name]["model"]["tok2vec"]["width"] = width  # its source has no model section
        else:
            cfg["components"][name] = {"source": "${paths.base}"}
    cfg["initialize"]["vectors"] = "${paths.base}"
    training = cfg["training"]
    training["optimizer"]["learn_rate"] = spec["learn_rate"]
    for key in ("max_steps", "patience", "eval_frequency"):
        training[key] = spec[key]
    training["frozen_components"] = spec["frozen"]
    training["annotating_components"] = spec["annotating"]
    training["score_weights"] = {key: (1.0 if key == spec["score"] else None if value is None else 0.0)
                                 for key, value in training["score_weights"].items()}
    path = Path(output) / f"{stage}.cfg"
    path.parent.mkdir(parents=True, exist_ok=True)
    cfg.to_disk(path)
    return path


def _ud_docs(data: Path, vocab) -> tuple[list, list, list]:
    """CSUI train, GSD dev and PUD as docs of 10 sentences, without their XPOS tags (``token.tag_``
    holds the auxiliary task's IndoNLU tags, see :func:`aux_docs`)."""
    out = []
    for rel in (UD_TRAIN, UD_DEV, UD_EXTRA):
        docs = convert.conllu_docs(data / "ud" / rel, vocab, n_sents=10)
        for doc in docs:
            for token in doc:
                token.tag_ = ""
        out.append(docs)
    return tuple(out)


def aux_docs(data: Path, vocab) -> list:
    """IndoNLU POSP and BaPOS, train + valid (never test), as docs of 10 sentences with their own tags."""
    docs: list = []
    for folder, prefix in convert.AUX_POS.values():
        for fname in ("train_preprocess.txt", "valid_preprocess.txt"):
            docs.extend(convert.group_docs(convert.aux_tag_docs(data / "indonlu" / folder / fname, vocab, prefix), 10))
    return docs


def prepare(data: str | Path = "../shared/data", out: str | Path = "training/corpus",
            gsd_dev_train_share: float = 0.85, nergrit_copies: int = 3, gsd_copies: int = 3,
            ud_copies: int = 2) -> dict[str, int]:
    """Write the training corpora listed in the module docstring; returns the docs in each."""
    data, out = Path(data), Path(out)
    nlp = spacy.blank("id")
    counts: dict[str, int] = {}
    merged: dict[str, list] = {"train": [], "dev": []}
    weighted: dict[str, list] = {"train": [], "dev": []}
    for key, folder in NER_SETS.items():
        mapping = convert.LABEL_MAPS[key]
        for split, fname in (("train", "train_preprocess.txt"), ("dev", "valid_preprocess.txt")):
            docs = list(convert.ner_docs(data / "indonlu" / folder / fname, nlp.vocab, mapping))
            counts[f"{key}_{split}"] = convert.write_docbin(docs, out / f"{key}_{split}.spacy")
            merged[split].extend(docs)
            # NERGrit (cased, 1.7k sentences) is repeated so that NERP (lowercased, 6.7k) does not
            # drown its capitalisation cues: +1 F1 on NERGrit dev and test, NERP unchanged.
            weighted[split].extend(docs * (nergrit_copies if key == "nergrit" else 1))
    counts["ner_train"] = convert.write_docbin(weighted["train"], out / "ner_train.spacy")
    counts["ner_dev"] = convert.write_docbin(merged["dev"], out / "ner_dev.spacy")
    counts["ner_train_all"] = convert.write_docbin(weighted["train"] + weighted["dev"], out / "ner_train_all.spacy")
    csui, gsd, pud = _ud_docs(data, nlp.vocab)
    cut = int(len(gsd) * gsd_dev_train_share)
    # GSD's own conventions (the target) are repeated; the UD part twice against ~420k words of
    # POSP + BaPOS, which only train the auxiliary tagger and the shared tok2vec.
    ud = csui + gsd[:cut] * gsd_copies + pud
    counts["ud_train"] = convert.write_docbin(ud * ud_copies + aux_docs(data, nlp.vocab), out / "ud_train.spacy")
    counts["ud_gsd"] = convert.write_docbin(gsd[:cut], out / "ud_gsd.spacy")
    counts["ud_lemma"] = convert.write_docbin(csui + gsd[:cut] + pud, out / "ud_lemma.spacy")
    counts["ud_dev"] = convert.write_docbin(gsd[cut:], out / "ud_dev.spacy")
    return counts


def _run(cmd: list[str], overrides: dict[str, str] | None, threads: int) -> int:
    """Run a spaCy command with config overrides and its BLAS/OpenMP thread count pinned; returns the
    exit status."""
    for key, value in (overrides or {}).items():
        cmd = [*cmd, f"--{key}", str(value)]
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads),
               BLIS_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    return subprocess.call(cmd, env=env)


def fit(config: str | Path, output: str | Path, train: str | Path, dev: str | Path,
        overrides: dict[str, str] | None = None, threads: int = 1) -> int:
    """``spacy train`` with the warta callbacks; returns the exit status."""
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(output),
           "--paths.train", str(train), "--paths.dev", str(dev), "--code", str(CALLBACKS)]
    return _run(cmd, overrides, threads)


def pretrain(config: str | Path, output: str | Path, raw: str | Path, overrides: dict[str, str] | None = None,
             epochs: int = 5, threads: int = 1) -> int:
    """``spacy pretrain`` of one config's token-to-vector layer on raw text (JSONL ``{"text": ...}``).

    The config's ``[pretraining]`` section (``ud.cfg``) names the layer and the objective: spaCy's character objective (predict each word's
    first and last characters), so the weights learn Indonesian affixes and context before any
    labelled data is seen. ``OUTPUT/modelN.bin`` is then given to ``fit`` as
    ``paths.init_tok2vec``; the overrides must match the ones ``fit`` will use.
    """
    cmd = [sys.executable, "-m", "spacy", "pretrain", str(config), str(output), "--code", str(CALLBACKS),
           "--paths.raw_text", str(raw), "--pretraining.max_epochs", str(epochs)]
    return _run(cmd, overrides, threads)


def assemble(ud_model: str | Path, ner_models: str | Path | Sequence[str | Path], output: str | Path,
             meta: dict | None = None, min_votes: int | None = None) -> Path:
    """One pipeline from the UD model (tok2vec, morphologizer, lemmatizer) and the NER model(s).

    One NER model is added as spaCy's ``ner``; several (other seeds of the same recipe) become one
    ``warta_ner_ensemble`` component named ``ner`` that keeps the entities a majority of them predict
    (:mod:`warta.nlp.ensemble`). The vectors are saved as float16 (:mod:`warta.nlp.storage`).
    """
    from warta.nlp.ensemble import add_ensemble
    from warta.nlp.storage import use_half_vectors
    from warta.nlp.tokenizer import customize_tokenizer

    if isinstance(ner_models, (str, Path)):
        ner_models = [ner_models]
    # Start from the UD pipeline (it holds the static vectors that both models were trained with).
    nlp = spacy.load(ud_model)
    if nlp.has_pipe("tagger"):
        nlp.remove_pipe("tagger")  # the auxiliary task (IndoNLU POSP/BaPOS tags) is training-only
    customize_tokenizer(nlp)
    ners = [spacy.load(path, vocab=nlp.vocab) for path in ner_models]
    if len(ners) == 1:
        nlp.add_pipe("ner", source=ners[0])
        description = "NER"
    else:
        add_ensemble(nlp, ners, min_votes=min_votes)
        description = f"NER (ensemble of {len(ners)})"
    use_half_vectors(nlp)
    nlp.meta.update({"name": "warta_id", "version": "0.2.0", "license": "CC BY-SA 4.0",
                     "description": "warta Indonesian pipeline: tokenizer, UPOS/morphology, lemmas, "
                                    f"{description} (PER/ORG/LOC/EVT/FNB). See docs/MODEL_CARD.md.",
                     **(meta or {})})
    output = Path(output)
    if output.exists() and any(output.iterdir()):
        if not (output / "config.cfg").exists():
            raise FileExistsError(f"{output} is not empty and holds no spaCy pipeline: choose an empty "
                                  "or new folder (assemble replaces an older pipeline there)")
        shutil.rmtree(output)  # an older pipeline: none of its files may survive (e.g. a single NER)
    nlp.to_disk(output)
    _prune_strings(nlp, output)
    return output


def _prune_strings(nlp, output: Path) -> None:
    """Keep in the saved string store only what the pipeline looks up: its labels and the lemmatizer's
    edit-tree affixes. spaCy stores every string seen in training (~1 MB of training words), which
    the model never reads back: words, affixes and shapes are hashed from the text at run time."""
    import srsly

    keep: set[str] = set()
    for _, pipe in nlp.pipeline:
        keep.update(str(label) for label in getattr(pipe, "labels", ()))
    if nlp.has_pipe("trainable_lemmatizer"):
        trees = srsly.msgpack_loads(nlp.get_pipe("trainable_lemmatizer").trees.to_bytes())["trees"]
        keep.update(nlp.vocab.strings[node[key]] for node in trees for key in ("orig", "subst")
                    if node.get(key))
    srsly.write_json(output / "vocab" / "strings.json", sorted(keep))


def evaluate_all(model: str | Path, data: str | Path = "../shared/data") -> dict:
    from warta.eval import ner as ner_eval
    from warta.eval import ud as ud_eval
    from warta.nlp.tokenizer import customize_tokenizer

    data = Path(data)
    nlp = customize_tokenizer(spacy.load(model))
    out = {}
    for key, rel in TESTS.items():
        path = data / rel
        if not path.exists():
            continue
        if path.suffix == ".conllu":
            out[key] = ud_eval.evaluate(path, nlp=nlp) if nlp.has_pipe("morphologizer") else None
        else:
            out[key] = ner_eval.evaluate(path, nlp=nlp) if nlp.has_pipe("ner") else None
    return out


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(prepare(*sys.argv[1:]), indent=2))


def speed(model: str | Path, texts_path: str | Path, n_docs: int = 300, batch_size: int = 64) -> dict:
    """Words per second of the trained pipeline alone (no warta components) on one thread."""
    import time


    from warta.nlp.tokenizer import customize_tokenizer
    from warta.train.vectors import texts

    nlp = customize_tokenizer(spacy.load(model))
    docs_text = []
    for t in texts(texts_path):
        docs_text.append(t)
        if len(docs_text) >= n_docs:
            break
    list(nlp.pipe(docs_text[:20]))  # warm up
    start = time.perf_counter()
    words = sum(len(d) for d in nlp.pipe(docs_text, batch_size=batch_size))
    took = time.perf_counter() - start
    return {"docs": len(docs_text), "words": words, "seconds": round(took, 2),
            "words_per_s": round(words / took), "docs_per_s": round(len(docs_text) / took, 1)}
