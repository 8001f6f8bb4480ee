"""Small synthetic Indonesian news (written for these tests) run through the real pipeline into a
temporary database, and a snapshot of the corpus-event tables to compare databases."""
from __future__ import annotations

import json
from pathlib import Path

from warta.engines.local import LocalEngine

# The same meeting reported by three articles of two outlets (t3 gives no date, a day later),
# an attack, a protest. Each sentence is coded by the pipeline as noted.
MEETING = [
    {"id": "t1", "source": "kabarsatu.id", "url": "https://kabarsatu.id/1", "published": "2025-06-19T10:00:00+07:00",
     "title": "Prabowo bertemu Putin",
     "text": "Presiden Prabowo Subianto bertemu Presiden Rusia Vladimir Putin di St Petersburg pada Kamis "
             "(19/6/2025). Kedua pemimpin membahas kerja sama energi dan pertahanan."},
    {"id": "t2", "source": "beritadua.com", "url": "https://beritadua.com/2", "published": "2025-06-19T15:30:00+07:00",
     "title": "Pertemuan di St Petersburg",
     "text": "Presiden Prabowo Subianto bertemu Presiden Rusia Vladimir Putin di St Petersburg, Kamis (19/6/2025). "
             "Pertemuan itu berlangsung hangat."},
    {"id": "t3", "source": "kabarsatu.id", "url": "https://kabarsatu.id/3", "published": "2025-06-20T08:00:00+07:00",
     "title": "Kunjungan ke Rusia",
     "text": "Prabowo Subianto bertemu Vladimir Putin di St Petersburg. Indonesia dan Rusia sepakat memperkuat hubungan."},
]
OTHERS = [
    {"id": "t4", "source": "beritadua.com", "url": "https://beritadua.com/4", "published": "2025-06-14T09:00:00+07:00",
     "title": "Israel serang Iran",
     "text": "Israel menyerang fasilitas nuklir Iran pada Jumat (13/6/2025). Pemerintah Indonesia mengecam serangan Israel tersebut."},
    {"id": "t5", "source": "kabartiga.net", "url": "https://kabartiga.net/5", "published": "2025-06-16T09:00:00+07:00",
     "title": "Ribuan buruh demo",
     "text": "Ribuan buruh berunjuk rasa di depan Gedung DPR di Jakarta pada Senin (16/6/2025). Mereka menolak rencana kenaikan pajak."},
]
# Indonesia and Russia agree, undated: reported 2025-06-22 (two days after t3: same event) and
# 2025-07-05 (two weeks later: another one).
LATER = [
    {"id": "u2", "source": "beritadua.com", "url": "https://beritadua.com/u2", "published": "2025-06-22T10:00:00+07:00",
     "title": "Hubungan", "text": "Indonesia dan Rusia sepakat memperkuat hubungan dagang."},
    {"id": "u1", "source": "kabarsatu.id", "url": "https://kabarsatu.id/u1", "published": "2025-07-05T10:00:00+07:00",
     "title": "Hubungan", "text": "Indonesia dan Rusia sepakat memperkuat hubungan."},
    {"id": "s1", "source": "kabartiga.net", "url": "https://kabartiga.net/s1", "published": "2025-06-16T12:00:00+07:00",
     "title": "Demo Surabaya",
     "text": "Ribuan buruh berunjuk rasa di depan Gedung DPR di Surabaya pada Senin (16/6/2025)."},
]
# The meeting denied by one outlet: a negated mention of the same act.
DENIED = {"id": "n1", "source": "kabarempat.id", "url": "https://kabarempat.id/n1",
          "published": "2025-06-20T10:00:00+07:00", "title": "Bantahan",
          "text": "Presiden Prabowo Subianto tidak bertemu Presiden Rusia Vladimir Putin di St Petersburg pada "
                  "Kamis (19/6/2025)."}


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def process(db: Path, rows: list[dict], pipeline, tmp: Path, batch_size: int = 64, name: str = "in.jsonl"):
    src = write_jsonl(tmp / name, rows)
    with LocalEngine(db, pipeline=pipeline, batch_size=batch_size) as engine:
        summary = engine.run([src])
    assert summary.error_count == 0
    return summary


def snapshot(con, *, with_added: bool = True) -> dict[str, list[tuple]]:
    """Every row of the corpus-event tables, sorted (``date_added`` left out unless asked)."""
    cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'corpus_events' ORDER BY ordinal_position").fetchall()]
    if not with_added:
        cols.remove("date_added")
    out = {"corpus_events": con.execute(f"SELECT {', '.join(cols)} FROM corpus_events ORDER BY event_id").fetchall()}
    out["event_mentions"] = con.execute("SELECT * FROM event_mentions ORDER BY article_id, idx").fetchall()
    out["event_actors"] = con.execute("SELECT * FROM event_actors ORDER BY ALL").fetchall()
    return out
# Two different arrests on the same day, reported by two outlets: generic actors on both sides.
ARRESTS = [
    {"id": "p1", "source": "kabarsatu.id", "url": "https://kabarsatu.id/p1", "published": "2025-06-17T10:00:00+07:00",
     "title": "Pencurian motor", "text": "Polisi menangkap dua tersangka pencurian sepeda motor pada Senin (16/6/2025)."},
    {"id": "p2", "source": "beritadua.com", "url": "https://beritadua.com/p2", "published": "2025-06-17T11:00:00+07:00",
     "title": "Penipuan daring", "text": "Polisi menangkap pelaku penipuan daring pada Senin (16/6/2025)."},
]
# One country, no recipient, no place, same day in two outlets: not enough to call it one act.
LONE = [
    {"id": "c1", "source": "kabarsatu.id", "url": "https://kabarsatu.id/c1", "published": "2025-06-18T10:00:00+07:00",
     "title": "Serangan", "text": "Israel melancarkan serangan udara pada Rabu (18/6/2025)."},
    {"id": "c2", "source": "beritadua.com", "url": "https://beritadua.com/c2", "published": "2025-06-18T11:00:00+07:00",
     "title": "Serangan baru", "text": "Israel melancarkan serangan udara baru pada Rabu (18/6/2025)."},
]
