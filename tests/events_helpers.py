"""Shared helpers for the event tests: run the pipeline with hand-set actor mentions."""
from __future__ import annotations

from spacy.tokens import Doc

from warta.model import Article, Mention
from warta.nlp import load


def run(text: str, actors, lang: str = "id") -> Doc:
    """Run the pipeline on ``text`` with the mentions given instead of those of ``warta_actors``.

    ``actors``: tuples ``(text, country or org, kind[, sector])``; a three-letter key is a country,
    any other an organisation. Repeated texts are matched left to right.
    """
    nlp = load(lang)
    doc = nlp.make_doc(text)
    doc._.article = Article(id="t1", text=text, lang=lang)
    mentions, pos = [], 0
    for a in actors:
        t, key, kind = a[:3]
        sector = a[3] if len(a) > 3 else None
        i = text.find(t, pos)
        i = i if i >= 0 else text.index(t)
        country, org = (key, None) if key and len(key) == 3 else (None, key)
        mentions.append(Mention(i, i + len(t), t, country=country, org=org, kind=kind, sector=sector))
        pos = i + len(t)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "warta_actors":
            doc._.mentions = sorted(mentions, key=lambda m: m.start)
    return doc


def keys(actors) -> list[str]:
    return sorted({a.country or a.org for a in actors})


def summary(doc) -> list[tuple]:
    """(type, source keys, target keys) of each event."""
    return [(e.event_type, keys(e.source), keys(e.target)) for e in doc._.events]


def summary_modality(doc) -> list[tuple]:
    """(type, source keys, target keys, modality) of each event."""
    return [(e.event_type, keys(e.source), keys(e.target), e.modality) for e in doc._.events]


def find(doc, etype: str) -> list[tuple]:
    """(source keys, target keys) of the events of type ``etype``."""
    return [(s, t) for ty, s, t in summary(doc) if ty == etype]
