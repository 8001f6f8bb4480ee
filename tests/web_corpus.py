"""A small hand-written corpus stored with the real Store, for the web tests: a few coded articles
with actor mentions and events at exact offsets, a run of dated events to filter, sort and page,
and one hostile article whose title, text, URL and actor names hold markup and script."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from warta.model import Actor, Article, Event, Location, Mention, Span
from warta.pipeline import Result
from warta.store import Store

HOSTILE_TITLE = '<script>window.__pwned = "title"</script>Judul <b>tebal</b>'
HOSTILE_URL = 'javascript:window.__pwned="url"'
HOSTILE_NAME = '<img src=x onerror="window.__pwned=\'actor\'">Kelompok'
HOSTILE_TEXT = ('Warga <img src=x onerror="window.__pwned=\'text\'"> memprotes rencana tambang di Sulawesi. '
                '<script>window.__pwned = "body"</script> Aksi berlangsung damai. '
                '<a href="javascript:window.__pwned=\'link\'">klik</a>')


@dataclass
class Spec:
    """One event as the tests expect to find it."""
    article_id: str
    idx: int
    event_type: str
    quad_class: int
    goldstein: float
    modality: str
    day: date
    source: list[Actor]
    target: list[Actor]
    location: Location | None
    trigger: Span
    evidence: Span


def _find(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def _actor(text: str, word: str, **kw) -> Actor:
    s, e = _find(text, word)
    return Actor(text=word, start=s, end=e, **kw)


def _mention(text: str, word: str, nth: int = 0, **kw) -> Mention:
    s, e = _find(text, word, nth)
    return Mention(s, e, word, **kw)


PRABOWO = dict(entity_id="per:prabowo-subianto", name="Prabowo Subianto", country="IDN", sector="GOV")
PUTIN = dict(entity_id="per:vladimir-putin", name="Vladimir Putin", country="RUS", sector="GOV")
POLICE = dict(name="Indonesia", country="IDN", sector="COP")
PROTESTERS = dict(name="protesters", country="IDN", sector="OPP")
MOSCOW = Location(text="Moskow", name="Moscow", country="RUS", lat=55.75, lon=37.62, precision="city")
JAKARTA = Location(text="Jakarta", name="Jakarta", country="IDN", lat=-6.2, lon=106.85, precision="city")


def build(path: Path) -> dict:
    """Store the corpus at ``path``; returns what the tests check against."""
    results: list[Result] = []
    specs: list[Spec] = []
    texts: dict[str, str] = {}

    def add(art: Article, mentions: list[Mention], events: list[Event]):
        texts[art.id] = art.text
        results.append(Result(art, None, mentions, events, []))
        for ev in events:
            d = date.fromisoformat(ev.event_date) if ev.event_date else art.pub_date
            specs.append(Spec(art.id, events.index(ev), ev.event_type, ev.quad_class, ev.goldstein, ev.modality, d,
                              ev.source, ev.target, ev.location, ev.trigger, ev.evidence))

    # 1. a meeting, Indonesian
    t = "Presiden Prabowo bertemu Presiden Putin di Moskow pada Kamis. Keduanya membahas kerja sama energi."
    sent1 = Span(0, t.index(".") + 1, t[:t.index(".") + 1])
    sent2 = Span(sent1.end + 1, len(t), t[sent1.end + 1:])
    src, tgt = _actor(t, "Presiden Prabowo", **PRABOWO), _actor(t, "Presiden Putin", **PUTIN)
    s, e = _find(t, "bertemu")
    s2, e2 = _find(t, "membahas")
    add(Article(id="meet-1", text=t, title="Prabowo bertemu Putin", url="https://example.org/meet-1",
                source="Contoh.id", published=date(2025, 6, 19), lang="id"),
        [_mention(t, "Presiden Prabowo", **PRABOWO), _mention(t, "Presiden Putin", **PUTIN),
         _mention(t, "Keduanya", kind="AGENT")],
        [Event("meet-1", 0, "CONSULT", None, "040", 1.0, 1, [src], [tgt], "asserted", sent1, Span(s, e, "bertemu"),
               0.9, event_date="2025-06-19", location=MOSCOW),
         Event("meet-1", 1, "COOPERATE", None, "060", 6.0, 2, [src], [tgt], "future", sent2,
               Span(s2, e2, "membahas"), 0.6, event_date="2025-06-19")])

    # 1b. the same meeting reported by another outlet: one corpus event, two mentions
    t = "Prabowo dan Putin bertemu di Moskow, Kamis (19/6), membahas energi."
    src, tgt = _actor(t, "Prabowo", **PRABOWO), _actor(t, "Putin", **PUTIN)
    s, e = _find(t, "bertemu")
    add(Article(id="meet-2", text=t, title="Pertemuan di Moskow", source="Lain.id", published=date(2025, 6, 20),
                lang="id"),
        [_mention(t, "Prabowo", **PRABOWO), _mention(t, "Putin", **PUTIN)],
        [Event("meet-2", 0, "CONSULT", None, "040", 1.0, 1, [src], [tgt], "asserted", Span(0, len(t), t),
               Span(s, e, "bertemu"), 0.8, event_date="2025-06-19", location=MOSCOW)])

    # 2. an arrest and an accusation, English
    t = "Police arrested 20 protesters in Jakarta on Friday. The protesters accused the police of violence."
    dot = t.index(".") + 1
    a1, a2 = _actor(t, "Police", **POLICE), _actor(t, "protesters", **PROTESTERS)
    b_src = Actor(text="The protesters", start=dot + 1, end=dot + 15, **PROTESTERS)
    ps, pe = _find(t, "police")
    b_tgt = Actor(text="police", start=ps, end=pe, **POLICE)
    s, e = _find(t, "arrested")
    s2, e2 = _find(t, "accused")
    add(Article(id="arrest-1", text=t, title="Police arrest protesters", source="Example News",
                published=date(2025, 6, 20), lang="en"),
        [_mention(t, "Police", **POLICE), _mention(t, "protesters", **PROTESTERS),
         Mention(dot + 1, dot + 15, "The protesters", **PROTESTERS), Mention(ps, pe, "police", **POLICE)],
        [Event("arrest-1", 0, "COERCE", "arrest", "173", -5.0, 4, [a1], [a2], "asserted", Span(0, dot, t[:dot]),
               Span(s, e, "arrested"), 0.8, event_date="2025-06-20", location=JAKARTA),
         Event("arrest-1", 1, "ACCUSE", None, "112", -2.0, 3, [b_src], [b_tgt], "asserted",
               Span(dot + 1, len(t), t[dot + 1:]), Span(s2, e2, "accused"), 0.7, event_date="2025-06-20")])

    # 3. a hostile article: markup and script everywhere
    t = HOSTILE_TEXT
    ws, we = _find(t, "Warga")
    evil = Actor(text="Warga", start=ws, end=we, name=HOSTILE_NAME, country="IDN", sector="CVL")
    s, e = _find(t, "memprotes")
    add(Article(id="evil-1", text=t, title=HOSTILE_TITLE, url=HOSTILE_URL, source="<i>Evil</i> Daily",
                published=date(2025, 6, 21), lang="id"),
        [Mention(ws, we, "Warga", name=HOSTILE_NAME, country="IDN", sector="CVL")],
        [Event("evil-1", 0, "PROTEST", "demonstrate", "141", -6.5, 3, [evil], [], "asserted",
               Span(0, t.index(".") + 1, t[:t.index(".") + 1]), Span(s, e, "memprotes"), 0.75,
               event_date="2025-06-21", location=Location(text="Sulawesi", name='<svg onload="x()">Sulawesi',
                                                          country="IDN", lat=-2.0, lon=121.0))])

    # 4. a run of 24 dated events for filters, sorting and paging
    kinds = [("CONSULT", 1, 1.0), ("AID", 2, 7.0), ("THREATEN", 3, -4.4), ("ASSAULT", 4, -9.0)]
    for i in range(24):
        kind, quad, gold = kinds[i % 4]
        day = date(2025, 6, 1) + timedelta(days=i)
        t = f"Menteri Jepang dan Menteri Filipina, hari ke-{i}: laporan nomor {i} tentang {kind.lower()}."
        src = _actor(t, "Menteri Jepang", name="Japan", country="JPN", sector="GOV")
        tgt = _actor(t, "Menteri Filipina", name="Philippines", country="PHL", sector="GOV")
        s, e = _find(t, kind.lower())
        add(Article(id=f"run-{i:02d}", text=t, title=f"Laporan {i}", source="Run Wire", published=day, lang="id"),
            [_mention(t, "Menteri Jepang", name="Japan", country="JPN", sector="GOV"),
             _mention(t, "Menteri Filipina", name="Philippines", country="PHL", sector="GOV")],
            [Event(f"run-{i:02d}", 0, kind, None, None, gold, quad, [src], [tgt],
                   "negated" if i % 6 == 5 else "asserted", Span(0, len(t), t), Span(s, e, kind.lower()),
                   0.5 + i / 100, event_date=day.isoformat())])

    with Store(path) as store:
        store.write_batch(results, run_id="web-tests")
    return {"specs": specs, "texts": texts, "articles": len(results)}
