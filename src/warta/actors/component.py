"""spaCy component ``warta_actors``: finds actor mentions and links them on the article's date."""
from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("warta_actors")
def make_actors(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        if doc._.mentions is None:
            doc._.mentions = []
        return doc

    return component
