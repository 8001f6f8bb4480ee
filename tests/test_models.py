"""Training converters, evaluators and the shipped Indonesian pipeline (no data from ../shared)."""
import spacy

from warta.eval import ner as ner_eval
from warta.train import convert

BIO = """presiden\tO
joko\tB-PPL
widodo\tI-PPL
tiba\tO
di\tO
jawa\tB-PLC
tengah\tI-PLC
makan\tO
sate\tB-FNB

kpk\tB-IND
menahan\tO
dia\tO
.\tO
"""

CONLLU = """# sent_id = t1
# text = Rumahnya disita polisi.
1-2\tRumahnya\t_\t_\t_\t_\t_\t_\t_\t_
1\tRumah\trumah\tNOUN\tNN\tNumber=Sing\t3\tnsubj:pass\t_\t_
2\tnya\tnya\tPRON\tPRP\tPerson=3\t1\tnmod:poss\t_\t_
3\tdisita\tsita\tVERB\tVB\tVoice=Pass\t0\troot\t_\t_
4\tpolisi\tpolisi\tNOUN\tNN\tNumber=Sing\t3\tobl:agent\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\tZ\t_\t3\tpunct\t_\t_

"""


def test_read_bio_and_spans(tmp_path):
    path = tmp_path / "ner.txt"
    path.write_text(BIO, encoding="utf-8")
    sents = list(convert.read_bio(path))
    assert len(sents) == 2
    assert sents[0][0][:3] == ["presiden", "joko", "widodo"]
    assert convert.bio_to_spans(sents[0][1]) == [(1, 3, "PPL"), (5, 7, "PLC"), (8, 9, "FNB")]
    # an I- without a B- opens an entity (IOB1 style)
    assert convert.bio_to_spans(["I-X", "I-X", "O", "B-Y"]) == [(0, 2, "X"), (3, 4, "Y")]


def test_ner_docs_map_labels(tmp_path):
    path = tmp_path / "ner.txt"
    path.write_text(BIO, encoding="utf-8")
    docs = list(convert.ner_docs(path, spacy.blank("id").vocab, convert.NERP_MAP))
    assert [(e.text, e.label_) for e in docs[0].ents] == [("joko widodo", "PER"), ("jawa tengah", "LOC"),
                                                          ("sate", "FNB")]
    assert [(e.text, e.label_) for e in docs[1].ents] == [("kpk", "ORG")]
    docs = list(convert.ner_docs(path, spacy.blank("id").vocab, {**convert.NERP_MAP, "FNB": None}))
    assert docs[0][8].ent_iob_ == "O"  # a dropped type is still annotated as outside


def test_aux_tag_docs_keep_their_own_tags(tmp_path):
    path = tmp_path / "pos.txt"
    path.write_text("Jokowi\tB-NNP\nmakan\tB-VB\nnasi\tB-NN\ngoreng\tI-NN\n.\tB-Z\n\nya\tB-UH\n", encoding="utf-8")
    docs = list(convert.aux_tag_docs(path, spacy.blank("id").vocab, "b:"))
    assert [t.tag_ for t in docs[0]] == ["b:NNP", "b:VB", "b:NN", "b:NN", "b:Z"]
    assert [t.text for t in docs[1]] == ["ya"] and docs[1][0].tag_ == "b:UH"
    # nothing else is annotated, so the morphologizer and lemmatizer see these words as missing
    assert not docs[0].has_annotation("POS") and not docs[0].has_annotation("LEMMA")
    assert not docs[0].has_annotation("MORPH")


def _fake_data(root):
    """A tiny copy of the ../shared/data layout, written for the test."""
    ind = root / "indonlu"
    for folder, text in (("nerp_ner-prosa", BIO), ("nergrit_ner-grit", "Joko\tB-PERSON\ntiba\tO\n"),
                         ("posp_pos-prosa", "joko\tB-NNP\ntiba\tB-VBI\n"),
                         ("bapos_pos-idn", "Joko\tB-NNP\ntiba\tB-VB\n")):
        (ind / folder).mkdir(parents=True)
        for split in ("train", "valid", "test"):
            (ind / folder / f"{split}_preprocess.txt").write_text(text, encoding="utf-8")
    for rel in ("UD_Indonesian-CSUI/id_csui-ud-train.conllu", "UD_Indonesian-PUD/id_pud-ud-test.conllu"):
        (root / "ud" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "ud" / rel).write_text(CONLLU, encoding="utf-8")
    gsd = root / "ud" / "UD_Indonesian-GSD" / "id_gsd-ud-dev.conllu"
    gsd.parent.mkdir(parents=True)
    gsd.write_text("".join(CONLLU.replace("t1", f"g{i}") for i in range(20)), encoding="utf-8")


def test_prepare_writes_the_recipe_corpora(tmp_path):
    from spacy.tokens import DocBin

    from warta.train import recipe

    _fake_data(tmp_path / "data")
    counts = recipe.prepare(tmp_path / "data", tmp_path / "corpus")
    # NERGrit is repeated three times in ner_train; NERP once
    assert counts["nerp_train"] == 2 and counts["nergrit_train"] == 1 and counts["ner_train"] == 2 + 3
    # GSD dev (2 docs of 10 sentences): the first 85% (1 doc) trains, the rest is the dev set
    assert counts["ud_gsd"] == 1 and counts["ud_dev"] == 1 and counts["ud_lemma"] == 3
    # (CSUI 1 + GSD 1 x 3 + PUD 1) x 2, plus POSP and BaPOS train + valid (1 doc each)
    assert counts["ud_train"] == 10 + 4
    vocab = spacy.blank("id").vocab
    docs = list(DocBin().from_disk(tmp_path / "corpus" / "ud_train.spacy").get_docs(vocab))
    ud = [d for d in docs if d.has_annotation("POS")]
    aux = [d for d in docs if not d.has_annotation("POS")]
    assert len(ud) == 10 and len(aux) == 4
    assert all(t.tag_ == "" for d in ud for t in d)  # the treebanks' XPOS is not trained
    assert {t.tag_ for d in aux for t in d} == {"p:NNP", "p:VBI", "b:NNP", "b:VB"}
    assert [t.pos_ for t in ud[0]][:3] == ["NOUN", "PRON", "VERB"]


def test_ud_stage_configs_continue_from_the_base_model(tmp_path):
    from pathlib import Path

    from thinc.api import Config

    from warta.train import recipe

    ud_cfg = Path(__file__).resolve().parents[1] / "configs" / "ud.cfg"  # the checkout's, not the package's
    base = Config().from_disk(ud_cfg, interpolate=False)
    gsd = Config().from_disk(recipe.stage_config("ud_finetune", tmp_path, ud_cfg), interpolate=False)
    assert all(gsd["components"][n] == {"source": "${paths.base}"} for n in base["nlp"]["pipeline"])
    assert gsd["training"]["frozen_components"] == ["tagger", "trainable_lemmatizer"]
    assert gsd["training"]["score_weights"]["pos_acc"] == 1.0 and gsd["training"]["score_weights"]["lemma_acc"] == 0.0
    assert "pretraining" not in gsd and gsd["initialize"]["vectors"] == "${paths.base}"
    lemma = Config().from_disk(recipe.stage_config("ud_lemma", tmp_path, ud_cfg), interpolate=False)
    # a new lemmatizer (not a sourced one) on the frozen, sourced encoder
    assert lemma["components"]["trainable_lemmatizer"]["factory"] == "trainable_lemmatizer"
    assert lemma["components"]["trainable_lemmatizer"]["model"]["tok2vec"]["width"] == 64
    assert lemma["components"]["tok2vec"] == {"source": "${paths.base}"}
    assert lemma["training"]["annotating_components"] == ["tok2vec"]
    assert lemma["training"]["score_weights"]["lemma_acc"] == 1.0


def test_conllu_docs_keep_syntactic_words(tmp_path):
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (doc,) = convert.conllu_docs(path, spacy.blank("id").vocab)
    assert [t.text for t in doc] == ["Rumah", "nya", "disita", "polisi", "."]
    assert doc.text.strip() == "Rumahnya disita polisi."
    assert [t.pos_ for t in doc] == ["NOUN", "PRON", "VERB", "NOUN", "PUNCT"]
    assert doc[2].lemma_ == "sita"
    # and the warta tokenizer produces the same tokens from the raw text
    from warta.nlp.tokenizer import customize_tokenizer

    assert [t.text for t in customize_tokenizer(spacy.blank("id"))(doc.text.strip())] == [t.text for t in doc]


def test_write_docbin_roundtrip(tmp_path):
    from spacy.tokens import DocBin

    nlp = spacy.blank("id")
    path = tmp_path / "bio.txt"
    path.write_text(BIO, encoding="utf-8")
    n = convert.write_docbin(convert.ner_docs(path, nlp.vocab, convert.NERP_MAP), tmp_path / "x.spacy")
    docs = list(DocBin().from_disk(tmp_path / "x.spacy").get_docs(nlp.vocab))
    assert n == 2 and len(docs) == 2
    assert [e.label_ for e in docs[0].ents] == ["PER", "LOC", "FNB"]
    assert [t.text for t in docs[1]] == ["kpk", "menahan", "dia", "."]


def test_score_spans():
    gold = [{(0, 2, "PER"), (3, 4, "LOC")}]
    pred = [{(0, 2, "PER"), (3, 5, "LOC")}]
    s = ner_eval.score_spans(gold, pred)
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 0.5, 0.5)
    assert s["per_label"]["PER"]["f1"] == 1.0 and s["per_label"]["LOC"]["f1"] == 0.0


def test_shipped_model_loads_tags_and_finds_entities():
    import warta.nlp

    assert warta.nlp.model_path("id") is not None
    nlp = warta.nlp.load("id", with_components=False)
    for name in ("tok2vec", "morphologizer", "trainable_lemmatizer", "ner", "sentencizer"):
        assert nlp.has_pipe(name)
    doc = nlp("Presiden Joko Widodo meresmikan jalan tol di Semarang, Jawa Tengah, pada Senin (18/6). "
              "Gubernur Anies Baswedan meninjau banjir di Jakarta Utara.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Joko Widodo", "PER") in ents
    assert ("Anies Baswedan", "PER") in ents
    assert {e.label_ for e in doc.ents} <= {"PER", "ORG", "LOC", "GPE", "EVT", "FNB"}
    pos = {t.text: t.pos_ for t in doc}
    assert pos["meresmikan"] == "VERB" and pos["Widodo"] == "PROPN" and pos["di"] == "ADP"
    assert len(list(doc.sents)) == 2
    # lemmas of affixed news verbs (meN- with its nasal assimilation, di-, -kan); the model is scored at
    # ~0.93 lemma accuracy on GSD test, so one miss in eight is allowed
    doc = nlp("Polisi menolak laporan itu. Warga menuntut keadilan dan menanam pohon. Ia menulis surat. "
              "Presiden mengatakan pemerintah akan membangun jembatan yang diresmikan bulan depan. "
              "Gubernur meninjau banjir.")
    gold = {"menolak": "tolak", "menuntut": "tuntut", "menanam": "tanam", "menulis": "tulis",
            "mengatakan": "kata", "membangun": "bangun", "diresmikan": "resmi", "meninjau": "tinjau"}
    lemmas = {t.text: t.lemma_.lower() for t in doc}
    assert sum(lemmas[w] == lemma for w, lemma in gold.items()) >= 7, lemmas


def test_shipped_model_fits_the_size_limit_and_votes():
    import warta.nlp
    from warta.nlp.ensemble import NerEnsemble
    from warta.nlp.storage import HalfVectors

    path = warta.nlp.model_path("id")
    assert sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) <= 40_000_000
    nlp = warta.nlp.load("id", with_components=False)
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, NerEnsemble) and len(ner.members) == 5 and ner.min_votes == 3
    assert isinstance(nlp.vocab.vectors, HalfVectors) and nlp.vocab.vectors.data.dtype == "float32"
    assert set(ner.labels) == {"PER", "ORG", "LOC", "EVT", "FNB"}


def test_eval_ner_on_a_small_file(tmp_path):
    path = tmp_path / "test.txt"
    path.write_text("Presiden\tO\nJoko\tB-PERSON\nWidodo\tI-PERSON\ntiba\tO\ndi\tO\nSemarang\tB-PLACE\n.\tO\n",
                    encoding="utf-8")
    out = ner_eval.evaluate(path)
    assert out["dataset"] == "nergrit"
    assert out["per_label"]["PERSON"]["support"] == 1
    assert out["f1"] > 0.5


def test_eval_ner_drops_types_the_dataset_does_not_annotate(tmp_path):
    # NERGrit has no event type: a predicted EVT there is not a false positive, a wrong PER is.
    path = tmp_path / "test.txt"
    path.write_text("Joko\tB-PERSON\nWidodo\tI-PERSON\nbuka\tO\nPRJ\tO\ndi\tO\nSemarang\tB-PLACE\n.\tO\n",
                    encoding="utf-8")
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": [{"TEXT": "Joko"}, {"TEXT": "Widodo"}]},
                        {"label": "EVT", "pattern": "PRJ"}, {"label": "PER", "pattern": "Semarang"}])
    out = ner_eval.evaluate(path, nlp=nlp)
    assert out["dataset"] == "nergrit"
    assert (out["precision"], out["recall"]) == (0.5, 0.5)
    assert "EVT" not in out["per_label"]


def test_raw_text_for_vectors_and_pretraining_skips_test_splits(tmp_path):
    import json

    from warta.train.vectors import write_raw

    data = tmp_path / "data"
    (data / "indonlu" / "nerp_ner-prosa").mkdir(parents=True)
    (data / "indonlu" / "nerp_ner-prosa" / "train_preprocess.txt").write_text(BIO, encoding="utf-8")
    (data / "indonlu" / "nerp_ner-prosa" / "test_preprocess.txt").write_text("rahasia\tO\n", encoding="utf-8")
    (data / "ud" / "UD_Indonesian-GSD").mkdir(parents=True)
    (data / "ud" / "UD_Indonesian-GSD" / "id_gsd-ud-dev.conllu").write_text(CONLLU, encoding="utf-8")
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"title": "Banjir di Semarang", "text": "Rumahnya terendam (18/6)."}) + "\n"
                    + "not json\n", encoding="utf-8")
    counts = write_raw(data, news, tmp_path / "raw")
    lines = (tmp_path / "raw" / "id_raw.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "presiden joko widodo tiba di jawa tengah makan sate"
    assert "rumah nya disita polisi ." in lines  # CoNLL-U syntactic words
    assert "rumah nya terendam ( 18/6 ) ." in lines  # news through the pipeline's tokenizer
    assert not any("rahasia" in line for line in lines)
    records = [json.loads(x) for x in (tmp_path / "raw" / "id_raw.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {"text": "Banjir di Semarang"} in records
    assert counts == {"labelled_sets": 13 + 5, "news": 3 + 7}
