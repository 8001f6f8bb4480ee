"""Custom attributes on spaCy's ``Doc``: the typed records each warta stage reads and writes."""
from spacy.tokens import Doc

# The Article the Doc was made from (id, publication date, outlet, dateline place...).
if not Doc.has_extension("article"):
    Doc.set_extension("article", default=None)
# list[warta.model.Mention]: actor mentions, sorted by start offset (warta_actors).
if not Doc.has_extension("mentions"):
    Doc.set_extension("mentions", default=None)
# list[warta.model.Event]: coded events (warta_events, completed by warta_when_where).
if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)
# list[warta.model.Quote]: direct quotes with their speakers (warta_events).
if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)
