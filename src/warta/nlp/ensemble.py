"""A voting ensemble of NER models as one pipeline component (``warta_ner_ensemble``).

Several transition-based NER models trained with different seeds make different mistakes. The
ensemble runs each of them (the *members*: spaCy ``EntityRecognizer`` objects with their own
encoders) on its own copy of every document and keeps an entity when at least ``min_votes`` members
predict it with the same tokens and the same label. On the IndoNLU valid splits three seeds voting
two-of-three score about 1.5-2 F1 points above their mean member (docs/MODEL_CARD.md).

Entities already set on a document before the component runs (an entity ruler upstream) are kept:
every member respects them, so they always win the vote. The members' weights are stored compactly
(:mod:`warta.nlp.storage`: embedding tables as int8, the rest as float16), so five members take
about the disk space of one and a half.

Build one from trained NER pipelines with :func:`add_ensemble` (``warta train assemble UD NER NER
NER``); plain ``spacy.load`` of the shipped pipeline finds the factory through ``warta.nlp``.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import srsly
from spacy import util
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.pipeline.ner import DEFAULT_NER_MODEL, EntityRecognizer
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.training import Example
from thinc.api import Model

from warta.nlp.storage import compact_model_bytes, full_model_bytes

Spans = list[tuple[int, int, str]]


def vote(predictions: Sequence[Spans], min_votes: int) -> tuple[Spans, set[int]]:
    """Majority entities and the tokens left uncertain.

    ``predictions`` holds one list of (start, end, label) token spans per model. Returns the spans
    that at least ``min_votes`` models predict, and the indices of the tokens that some other
    predicted span covers. With ``min_votes`` over half the models, two majority spans always share
    a model, so they never overlap.
    """
    counts = Counter(span for spans in predictions for span in set(spans))
    kept = sorted(span for span, n in counts.items() if n >= min_votes)
    covered = {i for start, end, _ in kept for i in range(start, end)}
    uncertain = {i for span in counts if span not in kept for i in range(span[0], span[1])} - covered
    return kept, uncertain


def copy_model(model: Model) -> Model:
    """A deep copy of a thinc model with its references (``Model.copy`` drops them, and spaCy's parser
    model looks up its ``lower`` and ``upper`` layers by reference)."""
    copied = model.copy()
    twin = {id(node): new for node, new in zip(model.walk(), copied.walk())}
    for node, new in zip(model.walk(), copied.walk()):
        for ref_name in node.ref_names:
            ref = node.maybe_get_ref(ref_name)
            new.set_ref(ref_name, twin[id(ref)] if ref is not None else None)
    return copied


#: What a member's own serialization leaves out: the shared vocab, and the weights (stored compactly).
MEMBER_SETTINGS = ["vocab", "model"]


def _compact_weights(member: EntityRecognizer) -> bytes:
    return compact_model_bytes(member.model.to_bytes())


def _load_weights(member: EntityRecognizer, data: bytes) -> None:
    """Set a member's weights from compact or float32 bytes, its output layer sized to its labels
    first (as spaCy's parser does when it loads)."""
    member._resize()
    member.model.from_bytes(full_model_bytes(data))


class NerEnsemble(Pipe):
    """Runs ``len(members)`` NER models and keeps the entities that ``min_votes`` of them agree on."""

    def __init__(self, vocab, model: Model, name: str = "ner", *, members: int = 3,
                 min_votes: int | None = None):
        if members < 1:
            raise ValueError(f"{name}: an ensemble needs at least one member, got members={members}")
        min_votes = min_votes or members // 2 + 1
        if not members / 2 < min_votes <= members:
            raise ValueError(f"{name}: min_votes must be a majority of the {members} members "
                             f"(between {members // 2 + 1} and {members}), got {min_votes}")
        self.vocab = vocab
        self.name = name
        self.model = model  # the members' architecture; each member holds a copy
        self.min_votes = min_votes
        self.members = [EntityRecognizer(vocab, model if i == 0 else copy_model(model), name=f"{name}.{i}")
                        for i in range(members)]
        self.cfg = {"members": members, "min_votes": min_votes}

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({label for m in self.members for label in m.labels}))

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in util.minibatch(stream, size=batch_size):
            yield from self._annotate(list(batch))

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        votes: list[list[Spans]] = [[] for _ in docs]
        for member in self.members:
            copies = [doc.copy() for doc in docs]
            for i, done in enumerate(member.pipe(copies, batch_size=len(copies) or 1)):
                votes[i].append([(e.start, e.end, e.label_) for e in done.ents])
        for doc, predictions in zip(docs, votes):
            kept, _ = vote(predictions, self.min_votes)
            ents = [Span(doc, start, end, label=label) for start, end, label in kept]
            doc.set_ents(ents, default="outside")
        return docs

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        return get_ner_prf(examples, **kwargs)

    def set_members(self, trained: Sequence[EntityRecognizer]) -> None:
        """Copy the weights, labels and settings of trained NER components into the members."""
        if len(trained) != len(self.members):
            raise ValueError(f"{self.name}: {len(trained)} trained NER components for "
                             f"{len(self.members)} members")
        for member, source in zip(self.members, trained):
            member.from_bytes(source.to_bytes(exclude=MEMBER_SETTINGS), exclude=MEMBER_SETTINGS)
            _load_weights(member, source.model.to_bytes())

    # Serialization: one folder (or bytes entry) per member: its settings (cfg, moves) as spaCy saves
    # them, its weights stored compactly.
    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = util.ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg", self.cfg)
        for i, member in enumerate(self.members):
            sub = path / f"member{i}"
            member.to_disk(sub, exclude=MEMBER_SETTINGS)
            (sub / "model").write_bytes(_compact_weights(member))

    def from_disk(self, path, *, exclude=tuple()) -> "NerEnsemble":
        path = Path(path)
        for i, member in enumerate(self.members):
            sub = path / f"member{i}"
            if not sub.exists():
                raise ValueError(f"{self.name}: {sub} is missing: the saved ensemble has fewer "
                                 f"members than its config's members={len(self.members)}")
            member.from_disk(sub, exclude=MEMBER_SETTINGS)
            _load_weights(member, (sub / "model").read_bytes())
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps({
            "cfg": self.cfg,
            "members": [[m.to_bytes(exclude=MEMBER_SETTINGS), _compact_weights(m)] for m in self.members],
        })

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "NerEnsemble":
        msg = srsly.msgpack_loads(data)
        if len(msg["members"]) != len(self.members):
            raise ValueError(f"{self.name}: the bytes hold {len(msg['members'])} members, the config "
                             f"{len(self.members)}")
        for member, (settings, weights) in zip(self.members, msg["members"]):
            member.from_bytes(settings, exclude=MEMBER_SETTINGS)
            _load_weights(member, weights)
        return self


@Language.factory("warta_ner_ensemble", default_config={"model": DEFAULT_NER_MODEL, "members": 3,
                                                        "min_votes": None})
def make_ner_ensemble(nlp: Language, name: str, model: Model, members: int,
                      min_votes: int | None) -> NerEnsemble:
    return NerEnsemble(nlp.vocab, model, name, members=members, min_votes=min_votes)


def add_ensemble(nlp: Language, trained: Sequence[Language], *, name: str = "ner",
                 min_votes: int | None = None) -> NerEnsemble:
    """Add to ``nlp`` an ensemble of the ``ner`` components of the ``trained`` pipelines (which must
    share ``nlp``'s vocab and vectors, and one architecture)."""
    ners = [t.get_pipe("ner") for t in trained]
    model_cfg = trained[0].config.interpolate()["components"]["ner"]["model"]
    for other in trained[1:]:
        if other.config.interpolate()["components"]["ner"]["model"] != model_cfg:
            raise ValueError("add_ensemble: the NER models differ in architecture; an ensemble's "
                             "members share one [components.ner.model] config")
    ens = nlp.add_pipe("warta_ner_ensemble", name=name,
                       config={"model": model_cfg, "members": len(ners), "min_votes": min_votes})
    ens.set_members(ners)
    return ens
