"""``warta train``: the reproducible recipe for the Indonesian pipeline (not run in CI).

    warta train prepare [--data ../shared/data] [--out training/corpus]
    warta train fit ner|ner_all|ud [--corpus training/corpus] [--vectors DIR] [--seconds N] [-- spaCy overrides]
    warta train fit ud_gsd --base training/runs/ud/model-best   (fine-tune the UD model on GSD)
    warta train fit ud_lemma --base training/runs/ud_gsd/model-best   (then train the lemmatizer)
    warta train raw [--data ../shared/data] [--news NEWS.jsonl] [--out training/raw]
    warta train vectors [training/raw/id_raw.txt] [--out training/vectors_floret]
    warta train pretrain ud [--vectors DIR] [--epochs N] [-- the same overrides as fit]
    warta train silver TEACHER TEACHER [TEACHER...] [--texts NEWS.jsonl] [--out training/silver/silver.spacy]
    warta train sample SILVER --words N [--entities-only] --out FILE   (part of a silver corpus, to mix in)
    warta train assemble UD_MODEL NER_MODEL [--out src/warta/data/models/id]
    warta train evaluate MODEL [--data ../shared/data]
    warta train speed MODEL NEWS.jsonl
"""
from __future__ import annotations

import json
from pathlib import Path

import typer

from warta.cli import app

train_app = typer.Typer(help="Train, assemble and score warta's Indonesian spaCy pipeline (see docs/MODEL_CARD.md).",
                        no_args_is_help=True)
app.add_typer(train_app, name="train")

# model name -> (config in configs/ or a later UD stage of recipe.UD_STAGES, train corpus, dev corpus).
# The *_all corpora are train + dev, for a final fit with a fixed number of steps (the dev score is then
# not a guide). The UD stages continue from a trained model (fit --base).
MODELS = {
    "ner": ("ner.cfg", "ner_train", "ner_dev"), "ner_all": ("ner.cfg", "ner_train_all", "ner_dev"),
    "nerp": ("ner.cfg", "nerp_train", "nerp_dev"), "nergrit": ("ner.cfg", "nergrit_train", "nergrit_dev"),
    "ud": ("ud.cfg", "ud_train", "ud_dev"), "ud_gsd": ("ud_finetune", "ud_gsd", "ud_dev"),
    "ud_lemma": ("ud_lemma", "ud_lemma", "ud_dev"),
}


def _overrides(ctx: typer.Context, cfg: str, vectors: Path | None) -> dict[str, str]:
    """spaCy config overrides: the static vectors (if given) and the command's extra ``--key value``s."""
    overrides: dict[str, str] = {}
    if vectors is not None:
        overrides["paths.vectors"] = str(vectors)
        key = "components.ner.model.tok2vec.embed" if cfg == "ner.cfg" else "components.tok2vec.model.embed"
        overrides[f"{key}.include_static_vectors"] = "true"
    extra = list(ctx.args)
    for flag, value in zip(extra[::2], extra[1::2]):
        overrides[flag.lstrip("-")] = value
    return overrides


@train_app.command("prepare")
def prepare_cmd(data: Path = typer.Option(Path("../shared/data"), help="Folder with indonlu/ and ud/."),
                out: Path = typer.Option(Path("training/corpus"), help="Where the .spacy corpora go.")) -> None:
    """Convert IndoNLU NER and POS files and UD CoNLL-U files (train/dev splits only) to spaCy corpora."""
    from warta.train.recipe import prepare

    typer.echo(json.dumps(prepare(data, out), indent=2))


@train_app.command("raw")
def raw_cmd(data: Path = typer.Option(Path("../shared/data"), help="Folder with indonlu/ and ud/."),
            news: Path = typer.Option(Path("../shared/samples/id/news-2025-06.jsonl"), help="JSONL news (title, text)."),
            out: Path = typer.Option(Path("training/raw"))) -> None:
    """Write the raw text (training splits' text + news) for the vectors and for pretraining."""
    from warta.train.vectors import write_raw

    typer.echo(json.dumps(write_raw(data, news if news.exists() else None, out)))


@train_app.command("vectors")
def vectors_cmd(raw: Path = typer.Argument(Path("training/raw/id_raw.txt"), help="warta train raw's id_raw.txt."),
                out: Path = typer.Option(Path("training/vectors_floret"), help="spaCy vectors folder to write."),
                dim: int = typer.Option(96), bucket: int = typer.Option(40000)) -> None:
    """Train floret (subword) word vectors on raw text and turn them into a spaCy vectors table."""
    from warta.train.vectors import train_floret

    out.parent.mkdir(parents=True, exist_ok=True)
    n = train_floret(raw, out, dim=dim, bucket=bucket)
    typer.echo(f"{n} words, {bucket} x {dim} floret table -> {out}")


@train_app.command("fit", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def fit_cmd(ctx: typer.Context,
            what: str = typer.Argument(..., help="ner, ner_all, ud, ud_gsd, ud_lemma (or nerp / nergrit: ner.cfg on one dataset)."),
            corpus: Path = typer.Option(Path("training/corpus")),
            output: Path = typer.Option(None, help="Default: training/runs/WHAT."),
            vectors: Path = typer.Option(None, help="Static vectors (warta train vectors) to use as features."),
            seconds: int = typer.Option(0, help="Stop training after this many seconds (0: max_steps/patience)."),
            base: Path = typer.Option(None, help="ud_gsd, ud_lemma: the trained UD model to continue from (its vectors come with it).")
            ) -> None:
    """Run ``spacy train`` on one of the configs in configs/; extra options go to spaCy as overrides."""
    from warta.train.recipe import CONFIGS, UD_STAGES, fit, stage_config

    if what not in MODELS:
        raise typer.BadParameter(f"unknown model {what!r}: {', '.join(MODELS)}")
    cfg, train, dev = MODELS[what]
    if (cfg in UD_STAGES) != (base is not None):
        raise typer.BadParameter("--base (the trained UD model to continue from) goes with ud_gsd and ud_lemma, "
                                 "and only with them")
    output = output or Path("training/runs") / what
    overrides = {"training.before_update.seconds": str(seconds), **_overrides(ctx, cfg, vectors)}
    if base is not None:
        overrides["paths.base"] = str(base)
    config = stage_config(cfg, output) if cfg in UD_STAGES else CONFIGS / cfg
    raise typer.Exit(fit(config, output, corpus / f"{train}.spacy", corpus / f"{dev}.spacy", overrides))


@train_app.command("pretrain", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def pretrain_cmd(ctx: typer.Context,
                 what: str = typer.Argument("ud", help="ud: pretrain ud.cfg's tok2vec (ner.cfg's NER owns its tok2vec, which spacy pretrain cannot reach)."),
                 raw: Path = typer.Option(Path("training/raw/id_raw.jsonl"), help='Raw text, JSONL {"text": ...}.'),
                 output: Path = typer.Option(None, help="Default: training/pretrain/WHAT."),
                 vectors: Path = typer.Option(None, help="The static vectors fit will use (same as there)."),
                 epochs: int = typer.Option(5, help="Passes over the raw text; a weights file per pass.")) -> None:
    """Run ``spacy pretrain`` (character objective) on raw text; give fit the result as
    ``--paths.init_tok2vec OUTPUT/modelN.bin``. Extra options must repeat fit's overrides."""
    from warta.train.recipe import CONFIGS, pretrain

    if what != "ud":
        raise typer.BadParameter("only ud.cfg has a separate tok2vec to pretrain")
    raise typer.Exit(pretrain(CONFIGS / "ud.cfg", output or Path("training/pretrain") / what, raw,
                              _overrides(ctx, "ud.cfg", vectors), epochs=epochs))


@train_app.command("silver")
def silver_cmd(teachers: list[Path] = typer.Argument(..., help="Two or more trained NER models that vote."),
               texts: Path = typer.Option(Path("../shared/samples/id/news-2025-06.jsonl"), help="JSONL news (title, text)."),
               out: Path = typer.Option(Path("training/silver/silver.spacy")),
               min_votes: int = typer.Option(0, help="Votes an entity needs (0: a majority).")) -> None:
    """Tag the sentences of raw news with several NER models; keep the entities a majority agrees on and
    mark the other predicted tokens missing (a silver corpus for self-training)."""
    from warta.train.silver import silver

    typer.echo(json.dumps(silver(teachers, texts, out, min_votes=min_votes or None)))


@train_app.command("sample")
def sample_cmd(silver: Path, words: int = typer.Option(..., help="Words to take (from the start; silver is shuffled)."),
               out: Path = typer.Option(...),
               entities_only: bool = typer.Option(False, help="Only sentences with at least one entity."),
               lowercase_share: float = typer.Option(0.0, help="Share of the sentences to lower-case (NERP is lower case).")
               ) -> None:
    """The first WORDS words of a silver corpus, to mix with the gold corpus (fit --paths.train DIR)."""
    from warta.train.silver import sample

    typer.echo(json.dumps(sample(silver, out, words, with_entities_only=entities_only,
                                 lowercase_share=lowercase_share)))


@train_app.command("assemble")
def assemble_cmd(ud_model: Path, ner_models: list[Path] = typer.Argument(..., help="One NER model, or several (seeds of one recipe) to vote as an ensemble."),
                 out: Path = typer.Option(None, help="Default: the package's src/warta/data/models/id."),
                 min_votes: int = typer.Option(None, help="Votes an entity needs (default: a majority).")) -> None:
    """Join the UD model (tok2vec, morphologizer, lemmatizer) and the NER model(s) into one pipeline."""
    from warta.train.recipe import REPO, assemble

    out = out or REPO / "src" / "warta" / "data" / "models" / "id"
    typer.echo(str(assemble(ud_model, ner_models, out, min_votes=min_votes)))


@train_app.command("evaluate")
def evaluate_cmd(model: Path, data: Path = typer.Option(Path("../shared/data"))) -> None:
    """Score MODEL on the official test splits (NERP, NERGrit, UD GSD/PUD/CSUI) as JSON."""
    from warta.train.recipe import evaluate_all

    typer.echo(json.dumps(evaluate_all(model, data), indent=2, ensure_ascii=False))


@train_app.command("speed")
def speed_cmd(model: Path, news: Path, docs: int = typer.Option(300)) -> None:
    """Words per second of MODEL alone (set OMP_NUM_THREADS=1 for one core)."""
    from warta.train.recipe import speed

    typer.echo(json.dumps(speed(model, news, n_docs=docs)))
