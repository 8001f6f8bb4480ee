"""spaCy component ``warta_actors``: finds actor mentions and links them on the article's date.

Sets ``doc._.mentions`` to a list of :class:`warta.model.Mention`, sorted by start offset, with
character offsets into ``doc.text``. Resolution uses ``doc._.article.pub_date`` when the Doc was
made from an Article (no date: each person's latest role).

When a trained NER ran before it (``warta --nlp trained``: the Doc has ``ENT_IOB`` annotations), its
``PER`` and ``ORG`` entities that no linker mention overlaps are added as new entities
(``new:<slug>``; see :meth:`warta.actors.linker.Linker._ner_mentions`). Rules mode is unchanged.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from warta.actors.linker import Linker
from warta.nlp import extensions  # noqa: F401  (registers Doc._.article, Doc._.mentions)

NER_LABELS = ("PER", "ORG")


class ActorsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.lang = nlp.lang if nlp.lang in ("id", "en") else "id"
        self.linker = Linker.default()

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        d = article.pub_date if article is not None else None
        lang = self.lang
        if article is not None and article.lang in ("id", "en"):
            lang = article.lang
        ents = None
        if doc.has_annotation("ENT_IOB"):
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in NER_LABELS]
        doc._.mentions = self.linker.link(doc.text, d, lang, ents=ents)
        return doc


@Language.factory("warta_actors")
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
