"""The typed records every stage of the pipeline reads and writes.

All character offsets (``start``/``end``) refer to ``Article.text``: the *cleaned* article text,
which is what the store keeps. ``Article.raw_text`` keeps the text as it arrived.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


def normalise_for_hash(text: str) -> str:
    """Case-folded, accent-stripped, whitespace- and punctuation-collapsed text (for exact dedup)."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"[\W_]+", " ", t)
    return " ".join(t.split())


@dataclass
class Article:
    """One news article as it flows from a source into the pipeline."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: datetime | date | None = None
    lang: str | None = None
    raw_text: str | None = None
    place: str | None = None  # dateline place ("JAKARTA"), if any
    origin: str | None = None  # where it was read: "file.jsonl:12", a path, a URL
    meta: dict[str, Any] = field(default_factory=dict)
    lang_flag: str | None = None  # set when the language is not one warta codes (id, en)
    duplicate_of: str | None = None  # exact duplicate of this article id
    near_duplicate_of: str | None = None  # near duplicate (syndicated copy) of this article id

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(normalise_for_hash(self.text).encode("utf-8")).hexdigest()

    @property
    def pub_date(self) -> date | None:
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published


@dataclass
class IngestError:
    """A piece of input that could not be read: where it was and why."""

    location: str  # file, file:line, URL, or WARC record offset
    reason: str
    source: str | None = None

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass
class Mention:
    """An actor mention found in text, resolved (where possible) on the article's date."""

    start: int
    end: int
    text: str
    entity_id: str | None = None
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    org: str | None = None  # short organisation name: UN, NATO, Hezbollah
    sector: str | None = None  # CAMEO-style agent code: GOV, MIL, COP, ...
    role: str | None = None  # e.g. "president", "foreign minister"
    kind: str | None = None  # PER, ORG, GPE, AGENT
    score: float = 1.0

    def actor(self) -> "Actor":
        return Actor(text=self.text, start=self.start, end=self.end, entity_id=self.entity_id,
                     name=self.name, country=self.country, org=self.org, sector=self.sector)


@dataclass
class Actor:
    """An event participant as emitted in the event contract."""

    text: str
    start: int | None = None
    end: int | None = None
    entity_id: str | None = None
    name: str | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Location:
    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # country, admin1, city, place

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    start: int
    end: int
    text: str
    speaker: Actor | None = None
    sentence_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["speaker"] = self.speaker.to_dict() if self.speaker else None
        return d


MODALITIES = ("asserted", "future", "negated", "hypothetical")


@dataclass
class Event:
    """One coded event: the contract of ``warta extract`` (one JSON object per event)."""

    doc_id: str
    sentence_index: int
    event_type: str  # PLOVER type
    mode: str | None
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    source: list[Actor]
    target: list[Actor]
    modality: str
    evidence: Span  # the sentence
    trigger: Span
    confidence: float
    event_date: str | None = None
    event_date_text: str | None = None
    location: Location | None = None
    quote: str | None = None
    reported_by: Actor | None = None  # reported speech: "menurut X", "X said"

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "event_type": self.event_type,
            "mode": self.mode,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "modality": self.modality,
            "event_date": self.event_date,
            "event_date_text": self.event_date_text,
            "location": self.location.to_dict() if self.location else None,
            "quote": self.quote,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "confidence": round(self.confidence, 3),
        }
