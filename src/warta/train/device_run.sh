#!/bin/bash
# Train warta model variants in parallel on a many-core machine (one core each, SECONDS of training
# each), then pick the best joint pipeline by its DEV score (never by test scores).
# Usage: bash src/warta/train/device_run.sh CORPUS_DIR VECTORS_DIR OUT_DIR SECONDS
# The shipped model came from this script on a 16-core machine; on a small machine use
# `warta train fit` (one model at a time) instead.
C=${1:-training/corpus}; V=${2:-training/vectors_floret}; O=${3:-training/runs}; S=${4:-200}
mkdir -p "$O"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 BLIS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONUNBUFFERED=1
CB=src/warta/train/callbacks.py
fit() { name=$1; cfg=$2; shift 2
  python3 -m spacy train configs/$cfg --output "$O/$name" --code $CB --training.before_update.seconds $S \
     --training.eval_frequency 200 "$@" > "$O/$name.log" 2>&1 & }
J="--paths.train $C/joint_train.spacy --paths.dev $C/joint_dev.spacy"
VEC="--paths.vectors $V --components.tok2vec.model.embed.include_static_vectors true"
fit joint96v   joint.cfg $J $VEC
fit joint96    joint.cfg $J
fit joint128v  joint.cfg $J $VEC --components.tok2vec.model.encode.width 128
fit joint96v3  joint.cfg $J $VEC --components.tok2vec.model.encode.depth 3
fit joint64v   joint.cfg $J $VEC --components.tok2vec.model.encode.width 64
fit joint96vl3 joint.cfg $J $VEC --corpora.train.augmenter.level 0.3
fit ner96v     ner.cfg --paths.train $C/ner_train.spacy --paths.dev $C/ner_dev.spacy --paths.vectors $V --components.ner.model.tok2vec.embed.include_static_vectors true
fit ud96v      ud.cfg  --paths.train $C/ud_train.spacy --paths.dev $C/ud_dev.spacy --paths.vectors $V --components.tok2vec.model.embed.include_static_vectors true --training.eval_frequency 100
wait
python3 - "$O" <<'PY'
import json, sys, pathlib
o = pathlib.Path(sys.argv[1])
def perf(name):
    try:
        return json.loads((o / name / "model-best" / "meta.json").read_text())["performance"]
    except Exception:
        return {}
scores = {n.name: perf(n.name) for n in o.iterdir() if n.is_dir()}
joint = [n for n in scores if n.startswith("joint") and scores[n]]
best = max(joint, key=lambda n: (scores[n].get("ents_f") or 0) + (scores[n].get("pos_acc") or 0))
(o / "dev_scores.json").write_text(json.dumps({"dev": scores, "best_joint": best}, indent=1))
(o / "best.txt").write_text(best + "\n")
PY
