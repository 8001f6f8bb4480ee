"""The NER ensemble component (warta_ner_ensemble) and half-precision storage of the shipped pipeline."""
import json

import numpy
import pytest
import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, load_model_from_config
from spacy.vocab import Vocab

import warta.nlp  # noqa: F401  (registers the factory and the vectors class)
from warta.nlp.ensemble import NerEnsemble, add_ensemble, vote
from warta.nlp.storage import HalfVectors, compact_model_bytes, full_model_bytes, use_half_vectors

SMALL_NER = {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
    "hidden_width": 32, "maxout_pieces": 2, "use_upper": True, "nO": None,
    "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 32,
                "depth": 2, "embed_size": 500, "window_size": 1, "maxout_pieces": 3,
                "subword_features": True},
}

SENTENCES = [
    ("Menteri Budi Santoso tiba di Medan kemarin .", [(1, 3)]),
    ("Wartawan bertanya kepada Rina Wulandari soal banjir .", [(3, 5)]),
    ("Kemarin Agus Salim berpidato di depan mahasiswa .", [(1, 3)]),
    ("Gubernur menemui Dewi Lestari di kantor .", [(2, 4)]),
    ("Polisi memeriksa Hendra Gunawan pada Senin .", [(2, 4)]),
]


def train_ner(vocab: Vocab, label: str, seed: int) -> spacy.Language:
    """A small NER trained to tag the person names of SENTENCES with ``label``."""
    fix_random_seed(seed)
    nlp = spacy.blank("id", vocab=vocab)
    ner = nlp.add_pipe("ner", config={"model": SMALL_NER})
    examples = []
    for text, spans in SENTENCES:
        doc = nlp.make_doc(text)
        chars = [(doc[s:e].start_char, doc[s:e].end_char, label) for s, e in spans]
        examples.append(Example.from_dict(doc, {"entities": chars}))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return nlp


@pytest.fixture(scope="module")
def members():
    vocab = spacy.blank("id").vocab  # with the language's lexical attributes (NORM, SHAPE...)
    # two members tag the names as PER, the third as ORG: a two-of-three vote must say PER
    return vocab, [train_ner(vocab, "PER", 0), train_ner(vocab, "PER", 1), train_ner(vocab, "ORG", 2)]


TEXTS = ["Menteri Budi Santoso tiba di Medan kemarin .", "Gubernur menemui Dewi Lestari di kantor ."]


def ents(doc):
    return [(e.start, e.end, e.label_) for e in doc.ents]


def test_ensemble_keeps_what_the_majority_predicts(members):
    vocab, trained = members
    alone = [[ents(m(t)) for m in trained] for t in TEXTS]
    assert alone[0] == [[(1, 3, "PER")], [(1, 3, "PER")], [(1, 3, "ORG")]]  # the members learned
    nlp = spacy.blank("id", vocab=vocab)
    add_ensemble(nlp, trained)
    assert isinstance(nlp.get_pipe("ner"), NerEnsemble)
    assert nlp.get_pipe("ner").labels == ("ORG", "PER")
    assert ents(nlp(TEXTS[0])) == [(1, 3, "PER")]
    for text, predictions in zip(TEXTS, alone):
        assert ents(nlp(text)) == vote(predictions, 2)[0]
    # every token outside the kept entities is O, not missing
    assert [t.ent_iob_ for t in nlp(TEXTS[0])] == ["O", "B", "I", "O", "O", "O", "O", "O"]
    # pipe() in batches gives what __call__ gives
    assert [ents(d) for d in nlp.pipe(TEXTS * 3, batch_size=2)] == [ents(nlp(t)) for t in TEXTS * 3]


def test_unanimity_drops_what_one_member_disputes(members):
    vocab, trained = members
    nlp = spacy.blank("id", vocab=vocab)
    add_ensemble(nlp, trained, min_votes=3)
    assert ents(nlp(TEXTS[0])) == []  # PER, PER, ORG: no span has three votes


def test_entities_set_before_the_ensemble_are_kept(members):
    vocab, trained = members
    nlp = spacy.blank("id", vocab=vocab)
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "LOC", "pattern": "Medan"}])
    add_ensemble(nlp, trained)
    doc = nlp(TEXTS[0])
    assert (5, 6, "LOC") in ents(doc) and (1, 3, "PER") in ents(doc)


def test_saved_ensemble_loads_with_the_same_predictions_at_half_the_size(members, tmp_path):
    vocab, trained = members
    nlp = spacy.blank("id", vocab=vocab)
    add_ensemble(nlp, trained)
    nlp.to_disk(tmp_path / "ens")
    trained[0].to_disk(tmp_path / "single")
    loaded = spacy.load(tmp_path / "ens")
    assert [ents(loaded(t)) for t in TEXTS] == [ents(nlp(t)) for t in TEXTS]
    half = (tmp_path / "ens" / "ner" / "member0" / "model").stat().st_size
    full = (tmp_path / "single" / "ner" / "model").stat().st_size
    assert half < 0.6 * full
    # the saved ensemble scored from the command line, as any trained pipeline folder
    from typer.testing import CliRunner

    from warta.cli import app

    bio = tmp_path / "valid.txt"
    bio.write_text("Menteri\tO\nBudi\tB-PERSON\nSantoso\tI-PERSON\ntiba\tO\ndi\tO\nMedan\tB-PLACE\n"
                   "kemarin\tO\n.\tO\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "ner", str(bio), "--model", str(tmp_path / "ens")])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["dataset"] == "nergrit" and scores["per_label"]["PERSON"]["f1"] == 1.0
    assert scores["recall"] == 0.5  # Medan is not a label the members know
    # bytes round trip (what a worker process receives)
    again = load_model_from_config(nlp.config, auto_fill=True)
    again.from_bytes(nlp.to_bytes())
    assert [ents(again(t)) for t in TEXTS] == [ents(nlp(t)) for t in TEXTS]


def test_members_must_be_a_majority_and_share_an_architecture(members):
    vocab, trained = members
    with pytest.raises(ValueError, match="min_votes must be a majority"):
        spacy.blank("id").add_pipe("warta_ner_ensemble", config={"members": 3, "min_votes": 1})
    other = spacy.blank("id", vocab=vocab)
    other.add_pipe("ner", config={"model": {**SMALL_NER, "hidden_width": 16}})
    with pytest.raises(ValueError, match="differ in architecture"):
        add_ensemble(spacy.blank("id", vocab=vocab), [trained[0], other])
    ens = spacy.blank("id").add_pipe("warta_ner_ensemble", config={"members": 2})
    with pytest.raises(ValueError, match="3 trained NER components for 2 members"):
        ens.set_members([m.get_pipe("ner") for m in trained])


def test_compact_model_bytes_round_values_once():
    from thinc.api import HashEmbed, Linear

    model = Linear(4, 3)
    model.initialize()
    model.set_param("W", numpy.asarray([[0.1234567, -2.5, 3e-3], [1, 2, 3], [4, 5, 6], [7, 8, 9]],
                                       dtype="float32").T.copy())
    data = model.to_bytes()
    back = Linear(4, 3).from_bytes(full_model_bytes(compact_model_bytes(data)))
    W = back.get_param("W")
    assert W.dtype == numpy.float32
    assert numpy.allclose(W, model.get_param("W"), rtol=1e-3) and not numpy.array_equal(W, model.get_param("W"))
    assert full_model_bytes(data) == data  # float32 bytes pass through

    # an embedding table at least int8_min_size big: int8 with a scale per row, error <= scale / 2
    table = HashEmbed(nO=16, nV=200, seed=1)
    table.initialize()
    table.set_param("E", numpy.random.default_rng(0).normal(size=(200, 16)).astype("float32"))
    E = table.get_param("E")
    packed = compact_model_bytes(table.to_bytes(), int8_min_size=1000)
    assert len(packed) < 0.35 * len(table.to_bytes())  # 1 byte a value + a 4-byte scale per 16-value row
    E2 = HashEmbed(nO=16, nV=200, seed=1).from_bytes(full_model_bytes(packed)).get_param("E")
    assert E2.dtype == numpy.float32
    step = numpy.abs(E).max(axis=1, keepdims=True) / 127
    assert (numpy.abs(E2 - E) <= step / 2 + 1e-6).all() and not numpy.array_equal(E, E2)


def test_half_vectors_save_float16_and_load_float32(tmp_path):
    nlp = spacy.blank("id")
    rng = numpy.random.default_rng(0)
    for word in ("banjir", "gempa", "pemilu", "presiden"):
        nlp.vocab.set_vector(word, rng.normal(size=64).astype("float32"))
    before = nlp.vocab.vectors.data.copy()
    nlp.to_disk(tmp_path / "full")
    use_half_vectors(nlp)
    assert isinstance(nlp.vocab.vectors, HalfVectors) and numpy.array_equal(nlp.vocab.vectors.data, before)
    nlp.to_disk(tmp_path / "half")
    size = lambda p: (p / "vocab" / "vectors").stat().st_size  # noqa: E731
    assert size(tmp_path / "half") < 0.6 * size(tmp_path / "full")
    loaded = spacy.load(tmp_path / "half")
    assert isinstance(loaded.vocab.vectors, HalfVectors)
    assert loaded.vocab.vectors.data.dtype == numpy.float32
    assert numpy.allclose(loaded.vocab.get_vector("gempa"), nlp.vocab.get_vector("gempa"), atol=2e-3)
    assert loaded.vocab.vectors.data.shape == before.shape
