"""spaCy component ``warta_events``: extracts and codes events (PLOVER/CAMEO) from each sentence."""
from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("warta_events")
def make_events(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        if doc._.events is None:
            doc._.events = []
        if doc._.quotes is None:
            doc._.quotes = []
        return doc

    return component
