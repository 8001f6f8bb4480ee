"""Self-training pieces of the training recipe: silver data by vote, snapshots, the sweep report."""
import json
import logging
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from warta.train import callbacks  # noqa: F401  (registers warta.Adam.v1 and the callbacks)
from warta.train import silver, sweep


def test_vote_keeps_majority_entities_and_marks_the_rest_missing():
    teachers = [
        [(0, 2, "PER"), (5, 6, "LOC")],
        [(0, 2, "PER"), (5, 6, "ORG")],
        [(0, 1, "PER"), (5, 6, "LOC"), (8, 9, "ORG")],
    ]
    kept, uncertain = silver.vote(teachers, min_votes=2)
    assert kept == [(0, 2, "PER"), (5, 6, "LOC")]
    # (0, 1, PER) lies inside a kept entity, so its token stays in that entity; (8, 9) is uncertain.
    assert uncertain == {8}
    kept, uncertain = silver.vote(teachers, min_votes=3)
    assert kept == []
    assert uncertain == {0, 1, 5, 8}


def _ruler_teacher(path, patterns):
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": label, "pattern": text} for text, label in patterns])
    nlp.to_disk(path)
    return path


def test_silver_corpus_from_voting_teachers(tmp_path, caplog):
    teachers = [
        _ruler_teacher(tmp_path / "t1", [("Prabowo Subianto", "PER"), ("Surabaya", "LOC")]),
        _ruler_teacher(tmp_path / "t2", [("Prabowo Subianto", "PER"), ("Surabaya", "ORG")]),
        _ruler_teacher(tmp_path / "t3", [("Prabowo Subianto", "PER"), ("Surabaya", "LOC"), ("Bandung", "LOC")]),
    ]
    news = tmp_path / "news.jsonl"
    news.write_text(
        json.dumps({"title": "Kunjungan kerja presiden", "text": "Presiden Prabowo Subianto tiba di Surabaya pada "
                    "Senin pagi. Ia lalu terbang ke Bandung untuk meresmikan pabrik baru."}) + "\n"
        + "{not json\n"
        + json.dumps({"text": "Harga cabai di pasar tradisional naik tajam menjelang hari raya."}) + "\n",
        encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        stats = silver.silver(teachers, news, tmp_path / "silver.spacy", seed=1)
    assert "news.jsonl:2" in caplog.text
    assert stats["sentences"] == 3  # the three-word title is too short to keep
    nlp = spacy.blank("id")
    docs = {d.text: d for d in DocBin().from_disk(tmp_path / "silver.spacy").get_docs(nlp.vocab)}
    first = next(d for t, d in docs.items() if t.startswith("Presiden"))
    assert [(e.text, e.label_) for e in first.ents] == [("Prabowo Subianto", "PER"), ("Surabaya", "LOC")]
    assert all(t.ent_iob_ == "O" for t in first if not t.ent_type_)
    second = next(d for t, d in docs.items() if t.startswith("Ia lalu"))
    assert not second.ents
    assert [t.ent_iob_ for t in second if t.text == "Bandung"] == [""]  # one vote of three: missing
    assert sum(1 for t in second if t.ent_iob_ == "O") == len(second) - 1

    part = silver.sample(tmp_path / "silver.spacy", tmp_path / "part.spacy", words=1, with_entities_only=True)
    assert part["sentences"] == 1
    only = list(DocBin().from_disk(tmp_path / "part.spacy").get_docs(nlp.vocab))
    assert only[0].ents

    low = silver.sample(tmp_path / "silver.spacy", tmp_path / "low.spacy", words=100, lowercase_share=1.0)
    assert low["lowercased"] == 3
    lowered = {d.text: d for d in DocBin().from_disk(tmp_path / "low.spacy").get_docs(nlp.vocab)}
    doc = lowered[first.text.lower()]
    assert [(e.text, e.label_) for e in doc.ents] == [("prabowo subianto", "PER"), ("surabaya", "LOC")]
    assert [t.ent_iob_ for t in lowered[second.text.lower()] if t.text == "bandung"] == [""]


# The checkout's configs/ (the installed package does not hold it).
NER_CFG = Path(__file__).resolve().parents[1] / "configs" / "ner.cfg"


def _tiny_corpus(path):
    nlp = spacy.blank("id")
    docs = []
    for name, place in [("Ani", "Medan"), ("Budi", "Padang"), ("Citra", "Bogor"), ("Dedi", "Malang")]:
        doc = Doc(nlp.vocab, words=[name, "pergi", "ke", place, "kemarin", "."])
        doc.set_ents([spacy.tokens.Span(doc, 0, 1, "PER"), spacy.tokens.Span(doc, 3, 4, "LOC")])
        docs.append(doc)
    DocBin(docs=docs).to_disk(path)
    return path


def test_snapshots_hold_the_averaged_weights_of_a_shorter_run(tmp_path):
    from spacy.cli.train import train

    corpus = _tiny_corpus(tmp_path / "tiny.spacy")
    base = {"paths.train": str(corpus), "paths.dev": str(corpus), "training.eval_frequency": 1000,
            "training.patience": 0, "training.optimizer.@optimizers": "warta.Adam.v1",
            "training.batcher.size.start": 2, "training.batcher.size.stop": 2,
            "components.ner.model.tok2vec.embed.rows": [500, 100, 100, 50],
            "components.ner.model.tok2vec.encode.width": 16}
    train(NER_CFG, tmp_path / "long", overrides={
        **base, "training.max_steps": 12, "training.before_update.snapshot_every": 4,
        "training.before_update.snapshot_from": 6, "training.before_update.snapshot_dir": str(tmp_path / "snaps")})
    train(NER_CFG, tmp_path / "short", overrides={**base, "training.max_steps": 8})
    assert sorted(p.name for p in (tmp_path / "snaps").iterdir()) == ["step8"]
    assert (tmp_path / "snaps" / "step8" / "ner" / "model").read_bytes() == \
        (tmp_path / "short" / "model-last" / "ner" / "model").read_bytes()
    assert (tmp_path / "snaps" / "step8" / "ner" / "model").read_bytes() != \
        (tmp_path / "long" / "model-last" / "ner" / "model").read_bytes()


LOG = """\
E    #       LOSS NER  ENTS_F  ENTS_P  ENTS_R  SCORE
---  ------  --------  ------  ------  ------  ------
  0       0     44.23    0.00    0.00    0.00    0.00
  2     200   2210.50   61.20   63.00   59.50    0.61
  4     400   1200.00   64.80   66.10   63.50    0.65
  6     600    900.00   64.80   66.00   63.70    0.65
  6     700    910.00   64.79   66.00   63.70    0.65
  7     800    850.00   63.10   64.00   62.20    0.63
warta: time limit of 400s reached at step 801
"""


def test_sweep_reads_logs_and_picks_snapshots(tmp_path):
    (tmp_path / "dev_s1x_s0.log").write_text(LOG)
    rows = sweep.log_scores(tmp_path / "dev_s1x_s0.log")
    assert rows[-1] == (800, 0.631)
    assert sweep.best_step(rows) == 400  # the earliest of the tied best (ENTS_F, not the rounded SCORE)
    for step in (2200, 2600, 3000):
        (tmp_path / "fit_s1x_s0" / "snapshots" / f"step{step}").mkdir(parents=True)
    run = tmp_path / "fit_s1x_s0"
    assert sweep.snapshot_for(run, 2700).name == "step2600"
    assert sweep.snapshot_for(run, 2800).name == "step3000"  # a tie goes to the longer fit
    assert sweep.snapshot_for(run, 9000).name == "step3000"
    table = sweep.variants({
        "dev_base_s0": {"best_step": 3000, "nerp": 0.75, "nergrit": 0.75},
        "dev_s1x_s0": {"best_step": 3000, "nerp": 0.76, "nergrit": 0.74},
        "dev_s1x_s1": {"best_step": 4000, "nerp": 0.78, "nergrit": 0.76},
        "dev_e1x_s0": {"best_step": None},
    })
    assert table["s1x"] == {"seeds": 2, "nerp": 0.77, "nergrit": 0.75, "mean": 0.76, "best_step": 3500}
    assert "e1x" not in table
