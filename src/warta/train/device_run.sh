#!/bin/bash
# Train the warta model variants in parallel on a many-core machine (one core each), then score each
# on the test splits. Usage: bash src/warta/train/device_run.sh CORPUS_DIR DATA_DIR OUT_DIR SECONDS
# (used for the shipped model on a 16-core machine; on a small machine run `warta train fit` instead).
C=${1:-training/corpus}; D=${2:-../shared/data}; O=${3:-training/runs}; S=${4:-390}
mkdir -p "$O"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 BLIS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONUNBUFFERED=1
CB=src/warta/train/callbacks.py
fit() { name=$1; cfg=$2; shift 2
  python3 -m spacy train configs/$cfg --output "$O/$name" --code $CB --training.before_update.seconds $S \
     --training.eval_frequency 200 "$@" > "$O/$name.log" 2>&1 & }
fit ner_m96   ner.cfg --paths.train $C/ner_train.spacy --paths.dev $C/ner_dev.spacy
fit ner_m128  ner.cfg --paths.train $C/ner_train.spacy --paths.dev $C/ner_dev.spacy --components.ner.model.tok2vec.encode.width 128
fit ner_m128h ner.cfg --paths.train $C/ner_train.spacy --paths.dev $C/ner_dev.spacy --components.ner.model.tok2vec.encode.width 128 --components.ner.model.hidden_width 128
fit ner_p128  ner.cfg --paths.train $C/nerp_train.spacy --paths.dev $C/nerp_dev.spacy --components.ner.model.tok2vec.encode.width 128
fit ner_g128  ner.cfg --paths.train $C/nergrit_train.spacy --paths.dev $C/nergrit_dev.spacy --components.ner.model.tok2vec.encode.width 128
fit ud96      ud.cfg  --paths.train $C/ud_train.spacy --paths.dev $C/ud_dev.spacy --training.eval_frequency 100
fit ud128     ud.cfg  --paths.train $C/ud_train.spacy --paths.dev $C/ud_dev.spacy --training.eval_frequency 100 --components.tok2vec.model.encode.width 128
fit ud128w2   ud.cfg  --paths.train $C/ud_train.spacy --paths.dev $C/ud_dev.spacy --training.eval_frequency 100 --components.tok2vec.model.encode.width 128 --components.tok2vec.model.encode.window_size 2
wait
for m in "$O"/*/model-best; do
  name=$(basename "$(dirname "$m")")
  timeout 140 python3 -c "
import json, sys
from warta.train.recipe import evaluate_all
print(json.dumps(evaluate_all('$m', '$D')))" > "$O/$name.eval.json" 2> "$O/$name.eval.err" &
done
wait
# Pick the best merged NER and the best UD model by their DEV scores (never by test scores).
python3 - "$O" <<'PY'
import json, sys, pathlib
o = pathlib.Path(sys.argv[1])
def dev(name, key):
    try:
        return json.loads((o / name / "model-best" / "meta.json").read_text())["performance"][key] or 0
    except Exception:
        return -1
scores = {n.name: {"ents_f": dev(n.name, "ents_f"), "pos_acc": dev(n.name, "pos_acc")} for n in o.iterdir() if n.is_dir()}
ner = max((n for n in scores if n.startswith("ner_m")), key=lambda n: scores[n]["ents_f"])
ud = max((n for n in scores if n.startswith("ud")), key=lambda n: scores[n]["pos_acc"])
(o / "dev_scores.json").write_text(json.dumps({"dev": scores, "best_ner": ner, "best_ud": ud}, indent=1))
(o / "best.txt").write_text(f"{ner} {ud}\n")
PY
