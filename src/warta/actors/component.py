"""spaCy component ``warta_actors``: finds actor mentions and links them on the article's date.

Sets ``doc._.mentions`` to a list of :class:`warta.model.Mention`, sorted by start offset, with
character offsets into ``doc.text``. Resolution uses ``doc._.article.pub_date`` when the Doc was
made from an Article (no date: each person's latest role).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from warta.actors.linker import Linker
from warta.nlp import extensions  # noqa: F401  (registers Doc._.article, Doc._.mentions)


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
        doc._.mentions = self.linker.link(doc.text, d, lang)
        return doc


@Language.factory("warta_actors")
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
