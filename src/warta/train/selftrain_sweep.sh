#!/bin/bash
# NER self-training sweep on a many-core machine (one core per run, all runs at once), see
# docs/MODEL_CARD.md. Development runs (training splits + silver from teachers trained on training
# splits, scored on the valid splits) and refits (train + valid + silver from train + valid teachers,
# snapshots every 400 steps) run side by side; warta.train.sweep then ranks the variants by their
# valid scores alone and packs each chosen variant's refit snapshot at the development runs' best step.
# Usage: bash src/warta/train/selftrain_sweep.sh CORPUS SILVER VECTORS VALID OUT SECONDS [PACK]
#   CORPUS: warta train prepare's folder (ner_train, ner_dev, nerp_dev, nergrit_dev; the refits' gold
#           is ner_train_all = ner_train + nerp_dev + nergrit_dev x 3, linked here instead of copied)
#   SILVER: dev.spacy and all.spacy (warta train silver with the train-only, resp. train + valid
#           teachers); each variant is a part of them (warta train sample), made here
#   VALID:  nerp_valid.txt, nergrit_valid.txt (IndoNLU valid files)
C=${1:-training/corpus_v3}; SIL=${2:-training/silver}; V=${3:-training/vectors_floret}
VAL=${4:-training/valid}; O=${5:-training/sweep}; S=${6:-420}; PACK=${7:-4}
# variant: words of silver taken, and whether only sentences with entities (the gold train is 325k words)
declare -A WORDS=([s1x]=325000 [s2x]=650000 [e1x]=325000) ENTS=([s1x]=0 [s2x]=0 [e1x]=1)
VARIANTS=${VARIANTS:-"s1x s2x e1x"}; MAXSTEPS=${MAXSTEPS:-6000}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 BLIS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONUNBUFFERED=1
mkdir -p "$O/data"
COMMON=(--code src/warta/train/callbacks.py --paths.dev "$C/ner_dev.spacy" --paths.vectors "$V"
        --components.ner.model.tok2vec.embed.include_static_vectors true
        --training.optimizer.@optimizers warta.Adam.v1 --training.before_update.seconds "$S")
run() {  # run NAME SEED dev|fit TRAIN_FILE...
  local name=$1 seed=$2 kind=$3; shift 3
  local d="$O/data/$name" i=0; mkdir -p "$d"
  for f in "$@"; do i=$((i+1)); ln -sf "$(realpath "$f")" "$d/$i.spacy"; done
  local extra=(--training.eval_frequency 200)
  if [ "$kind" = fit ]; then
    extra=(--training.max_steps "$MAXSTEPS" --training.patience 0 --training.eval_frequency 100000
           --training.before_update.snapshot_every "${SNAP_EVERY:-400}" --training.before_update.snapshot_from "${SNAP_FROM:-2200}"
           --training.before_update.snapshot_dir "$O/$name/snapshots")
  fi
  python3 -m spacy train configs/ner.cfg --output "$O/$name" "${COMMON[@]}" --paths.train "$d" \
      --system.seed "$seed" "${extra[@]}" > "$O/$name.log" 2>&1 &
}
GOLD_ALL=("$C/ner_train.spacy" "$C/nerp_dev.spacy" "$C/nergrit_dev.spacy" "$C/nergrit_dev.spacy" "$C/nergrit_dev.spacy")
# warta train sample, called as a function: on a lent machine warta runs from PYTHONPATH, without its
# console script.
for v in $VARIANTS; do
  for which in dev all; do
    flag=""; [ "${ENTS[$v]}" = 1 ] && flag="--with-entities-only"
    python3 -c "import sys; from warta.train.silver import sample; print(sys.argv[2], sample(sys.argv[1], sys.argv[2], int(sys.argv[3]), with_entities_only=len(sys.argv) > 4))" \
        "$SIL/$which.spacy" "$O/data/${which}_$v.spacy" "${WORDS[$v]}" $flag &
  done
done
wait
for v in $VARIANTS; do for which in dev all; do
  [ -s "$O/data/${which}_$v.spacy" ] || { echo "no silver sample $O/data/${which}_$v.spacy" >&2; exit 1; }
done; done
for seed in 0 1 2; do run "dev_base_s$seed" $seed dev "$C/ner_train.spacy"; done
for v in $VARIANTS; do
  for seed in 0 1; do
    run "dev_${v}_s$seed" $seed dev "$C/ner_train.spacy" "$O/data/dev_$v.spacy"
    run "fit_${v}_s$seed" $seed fit "${GOLD_ALL[@]}" "$O/data/all_$v.spacy"
  done
done
wait
python3 -m warta.train.sweep "$O" "$VAL" --pack "$PACK" --dest "${DEST:-$O}"
