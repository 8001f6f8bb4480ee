"""Mentions of the same act across articles become one corpus event, incrementally."""
from datetime import date, datetime

import pytest

from corpus_helpers import ARRESTS, DENIED, LONE, LATER, MEETING, OTHERS, process, snapshot
from warta.pipeline import Pipeline
from warta.store import Store, aggregate


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(lang="id")


def _meeting(con):
    return con.execute(
        "SELECT event_id, n_mentions, n_articles, n_sources, event_date, date_known, first_seen, last_seen, "
        "first_url, modality, modalities, location_country, place_key, source_key, target_key, cameo, quad_class "
        "FROM corpus_events WHERE event_type = 'CONSULT' AND source_key = 'per:prabowo-subianto'").fetchall()


def test_one_meeting_reported_three_times_is_one_event(tmp_path, pipe):
    db = tmp_path / "w.duckdb"
    process(db, MEETING + OTHERS, pipe, tmp_path)
    with Store(db, read_only=True) as s:
        rows = _meeting(s.con)
        assert len(rows) == 1
        (eid, n_m, n_a, n_s, day, known, first, last, url, modality, modalities, country, place, src, tgt,
         cameo, quad) = rows[0]
        assert (n_m, n_a, n_s) == (3, 3, 2)  # t3 has no date but was published the next day
        assert (day, known) == (date(2025, 6, 19), True)
        assert first == datetime(2025, 6, 19, 3, 0) and last == datetime(2025, 6, 20, 1, 0)  # UTC
        assert url == "https://kabarsatu.id/1"
        assert (modality, modalities) == ("asserted", ["asserted"])
        assert country == "RUS" and "petersburg" in place
        assert (src, tgt, cameo, quad) == ("per:prabowo-subianto", "per:vladimir-putin", "040", 1)
        linked = s.con.execute("SELECT article_id FROM event_mentions WHERE event_id = ? ORDER BY 1", [eid]).fetchall()
        assert linked == [("t1",), ("t2",), ("t3",)]
        # every mention is linked to exactly one corpus event
        assert s.con.execute("SELECT count(*), count(DISTINCT (article_id, idx)) FROM event_mentions").fetchone() == \
            (s.counts()["events"],) * 2
        # different acts stay apart: the attack, the protest
        types = dict(s.con.execute("SELECT event_type, count(*) FROM corpus_events GROUP BY 1").fetchall())
        assert types["ASSAULT"] >= 1 and types["PROTEST"] == 1
        actors = s.con.execute("SELECT role, actor_key, country FROM event_actors WHERE event_id = ? ORDER BY 1",
                               [eid]).fetchall()
        assert actors == [("source", "per:prabowo-subianto", "IDN"), ("target", "per:vladimir-putin", "RUS")]


def test_undated_reports_join_within_days_and_places_split(tmp_path, pipe):
    db = tmp_path / "w.duckdb"
    process(db, MEETING + OTHERS + LATER, pipe, tmp_path)
    with Store(db, read_only=True) as s:
        agree = s.con.execute("SELECT event_date, date_known, n_articles FROM corpus_events WHERE event_type = 'AGREE' "
                              "AND source_key = 'IDN+RUS' ORDER BY event_date").fetchall()
        # t3 (20 June) and u2 (22 June) chain into one undated event; u1 (5 July) is another
        assert agree == [(date(2025, 6, 20), False, 2), (date(2025, 7, 5), False, 1)]
        protests = s.con.execute("SELECT place_key, n_articles FROM corpus_events WHERE event_type = 'PROTEST' "
                                 "ORDER BY place_key").fetchall()
        assert [p for p, _ in protests] == ["IDN:jakarta", "IDN:surabaya"]  # same dyad and day, two cities


def test_generic_actors_group_only_within_an_article(tmp_path, pipe):
    db = tmp_path / "w.duckdb"
    process(db, ARRESTS + OTHERS, pipe, tmp_path)
    with Store(db, read_only=True) as s:
        rows = s.con.execute("SELECT event_date, n_articles, first_article_id FROM corpus_events "
                             "WHERE event_type = 'COERCE' AND source_key = 'IDNCOP' ORDER BY 3").fetchall()
        # "police arrest suspects" on the same day in two outlets: two different arrests
        assert rows == [(date(2025, 6, 16), 1, "p1"), (date(2025, 6, 16), 1, "p2")]


def test_one_country_without_recipient_or_place_groups_within_an_article(tmp_path, pipe):
    db = tmp_path / "w.duckdb"
    process(db, LONE + OTHERS, pipe, tmp_path)
    with Store(db, read_only=True) as s:
        lone = s.con.execute("SELECT first_article_id, n_articles FROM corpus_events WHERE source_key = 'ISR' "
                             "AND target_key = '' ORDER BY 1").fetchall()
        assert lone == [("c1", 1), ("c2", 1)]
        # with a recipient the same country is specific enough: "Israel menyerang ... Iran" (t4)
        pair = s.con.execute("SELECT dyad_key FROM corpus_events WHERE source_key = 'ISR' AND target_key = 'IRN'"
                             ).fetchall()
        assert pair == [("ASSAULT|ISR|IRN",)]


def test_asserted_anywhere_is_asserted(tmp_path, pipe):
    db = tmp_path / "w.duckdb"
    process(db, [DENIED], pipe, tmp_path, name="a.jsonl")
    with Store(db, read_only=True) as s:
        assert [(r[9], r[10]) for r in _meeting(s.con)] == [("negated", ["negated"])]
    process(db, MEETING, pipe, tmp_path, name="b.jsonl")
    with Store(db, read_only=True) as s:
        rows = _meeting(s.con)
        assert [(r[1], r[9], r[10]) for r in rows] == [(4, "asserted", ["asserted", "negated"])]


def test_incremental_equals_from_scratch(tmp_path, pipe):
    everything = MEETING + OTHERS + LATER + [DENIED] + ARRESTS
    whole = tmp_path / "whole.duckdb"
    process(whole, everything, pipe, tmp_path, name="all.jsonl")
    step = tmp_path / "step.duckdb"
    # other order, one article per batch, over three runs
    process(step, list(reversed(LATER)) + [DENIED], pipe, tmp_path, batch_size=1, name="1.jsonl")
    process(step, OTHERS + ARRESTS, pipe, tmp_path, batch_size=1, name="2.jsonl")
    process(step, list(reversed(MEETING)), pipe, tmp_path, batch_size=2, name="3.jsonl")
    with Store(whole, read_only=True) as a, Store(step) as b:
        want = snapshot(a.con, with_added=False)
        got = snapshot(b.con, with_added=False)
        assert len(want["corpus_events"]) >= 8
        assert got == want
        before = snapshot(b.con)
        b.con.begin()
        aggregate.rebuild(b.con)
        b.con.commit()
        assert snapshot(b.con) == before  # rebuilding the incremental database changes nothing
        assert aggregate.update(b.con) == {"mentions": 0, "dyads": 0, "events": 0}


def test_tone_per_article_and_event(tmp_path, pipe):
    db = tmp_path / "w.duckdb"
    process(db, MEETING + OTHERS, pipe, tmp_path)
    with Store(db, read_only=True) as s:
        tones = dict(s.con.execute("SELECT article_id, tone FROM article_tone").fetchall())
        assert set(tones) == {"t1", "t2", "t3", "t4", "t5"}
        assert tones["t4"] < 0 < tones["t3"]  # an attack condemned; an agreement
        ev = _meeting(s.con)[0][0]
        tone = s.con.execute("SELECT tone FROM corpus_events WHERE event_id = ?", [ev]).fetchone()[0]
        assert tone == pytest.approx((tones["t1"] + tones["t2"] + tones["t3"]) / 3, abs=1e-3)


def test_views_dyads_profiles_country_pairs(tmp_path, pipe):
    db = tmp_path / "w.duckdb"
    process(db, MEETING + OTHERS + LATER, pipe, tmp_path)
    with Store(db, read_only=True) as s:
        dyad = s.con.execute("SELECT n_events, n_mentions, n_q1, goldstein_q1, goldstein_sum FROM dyad_daily "
                             "WHERE date = '2025-06-19' AND source_key = 'per:prabowo-subianto' "
                             "AND target_key = 'per:vladimir-putin'").fetchall()
        assert dyad == [(1, 3, 1, 1.0, 1.0)]
        assault = s.con.execute("SELECT n_q4, goldstein_q4 FROM dyad_daily WHERE source_key = 'ISR' "
                                "AND target_key = 'IRN'").fetchone()
        assert assault[0] == 1 and assault[1] < 0
        prof = s.con.execute("SELECT role, event_type, sum(n_events) FROM actor_profile WHERE actor_key = 'RUS' "
                             "GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
        assert prof == [("source", "AGREE", 2)]
        pair = s.con.execute("SELECT n_events, n_q1, n_q4 FROM country_pairs WHERE source_country = 'IDN' "
                             "AND target_country = 'RUS'").fetchone()
        assert pair == (1, 1, 0)


def test_recoding_an_article_updates_its_events_as_a_rebuild_would(tmp_path, pipe):
    from corpus_helpers import write_jsonl
    from warta.engines.local import iter_results

    changed = dict(MEETING[1], text="Israel menyerang fasilitas nuklir Iran pada Jumat (13/6/2025).")
    db = tmp_path / "w.duckdb"
    process(db, MEETING + OTHERS, pipe, tmp_path)
    results = list(iter_results([write_jsonl(tmp_path / "changed.jsonl", [changed])], pipeline=pipe))
    with Store(db) as s:
        s.recode_batch(results)  # as process --reprocess does: t2 now reports the attack, not the meeting
        got = snapshot(s.con, with_added=False)
        assert [(r[1], r[2]) for r in _meeting(s.con)] == [(2, 2)]
        tone = s.con.execute("SELECT tone FROM article_tone WHERE article_id = 't2'").fetchall()
        assert len(tone) == 1 and tone[0][0] < 0  # scored again, on the new text
    fresh = tmp_path / "fresh.duckdb"
    process(fresh, [MEETING[0], changed, MEETING[2]] + OTHERS, pipe, tmp_path, name="fresh.jsonl")
    with Store(fresh, read_only=True) as s:
        assert got == snapshot(s.con, with_added=False)
