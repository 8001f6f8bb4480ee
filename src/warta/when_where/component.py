"""spaCy component ``warta_when_where``: resolves each event's date and place."""
from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("warta_when_where")
def make_when_where(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        return doc

    return component
