"""warta: news to event data (who did what to whom, when and where), Indonesian and English."""

from warta.model import Actor, Article, Event, IngestError, Mention, Quote

__version__ = "0.1.0"

__all__ = ["Actor", "Article", "Event", "IngestError", "Mention", "Quote", "__version__"]
