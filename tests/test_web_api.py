"""The HTTP API over a stored corpus: filters, paging, sorting, one record, actors, network,
timelines, downloads; each answer checked against the corpus as written in web_corpus.py."""
import io
from datetime import date

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from warta.web.app import create_app  # noqa: E402
from web_corpus import build  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "w.duckdb"
    info = build(db)
    app = create_app(db)
    with TestClient(app) as client:
        yield client, info


def _keys(items):
    return {(e["article_id"], e["idx"]) for e in items}


def _expect(info, pred):
    return {(s.article_id, s.idx) for s in info["specs"] if pred(s)}


def _all(client, **params):
    r = client.get("/api/events", params={"limit": 200, **params})
    assert r.status_code == 200, r.text
    return r.json()


def test_health_and_stats_count_what_was_stored(corpus):
    client, info = corpus
    assert client.get("/api/health").json() == {"status": "ok", "articles": info["articles"]}
    st = client.get("/api/stats").json()
    assert st["articles"] == info["articles"] and st["events"] == len(info["specs"])
    by_quad = {r["quad_class"]: r["n"] for r in st["by_quad_class"]}
    for q in (1, 2, 3, 4):
        assert by_quad[q] == sum(1 for s in info["specs"] if s.quad_class == q)


@pytest.mark.parametrize("params, pred", [
    ({"country": "rus"}, lambda s: any(a.country == "RUS" for a in s.source + s.target)
     or (s.location and s.location.country == "RUS")),
    ({"actor": "per:vladimir-putin"}, lambda s: any(a.entity_id == "per:vladimir-putin" for a in s.source + s.target)),
    ({"actor": "IDNCOP"}, lambda s: any(a.country == "IDN" and a.sector == "COP" for a in s.source + s.target)),
    ({"type": "assault"}, lambda s: s.event_type == "ASSAULT"),
    ({"quad_class": "3"}, lambda s: s.quad_class == 3),
    ({"modality": "negated"}, lambda s: s.modality == "negated"),
    ({"since": "2025-06-10", "until": "2025-06-12"}, lambda s: date(2025, 6, 10) <= s.day <= date(2025, 6, 12)),
    ({"q": "ARRESTED 20"}, lambda s: "arrested 20" in s.evidence.text.lower()),
    ({"type": "CONSULT", "country": "JPN", "since": "2025-06-05"},
     lambda s: s.event_type == "CONSULT" and s.source[0].country == "JPN" and s.day >= date(2025, 6, 5)),
    ({"country": "", "type": "", "quad_class": ""}, lambda s: True),  # empty form fields: no filter
])
def test_event_filters_select_exactly_the_matching_events(corpus, params, pred):
    client, info = corpus
    body = _all(client, **params)
    want = _expect(info, pred)
    assert want, "the corpus must hold an example for each filter"
    assert _keys(body["items"]) == want and body["total"] == len(want)


def test_unknown_values_are_refused_with_the_choices(corpus):
    client, _ = corpus
    r = client.get("/api/events", params={"type": "ASSALT"})
    assert r.status_code == 422 and "did you mean ASSAULT" in r.json()["error"]
    r = client.get("/api/corpus-events", params={"country": "Atlantis"})
    assert r.status_code == 422 and "unknown country" in r.json()["error"]
    by_name = client.get("/api/events", params={"country": "Rusia", "limit": 200}).json()  # Indonesian name
    assert by_name["total"] == client.get("/api/events", params={"country": "RUS"}).json()["total"] > 0


def test_paging_and_sorting(corpus):
    client, info = corpus
    n = len(info["specs"])
    first = client.get("/api/events", params={"limit": 10, "sort": "date", "order": "asc"}).json()
    second = client.get("/api/events", params={"limit": 10, "offset": 10, "sort": "date", "order": "asc"}).json()
    assert first["total"] == second["total"] == n and len(first["items"]) == 10
    assert not _keys(first["items"]) & _keys(second["items"])
    days = [e["day"] for e in first["items"] + second["items"]]
    assert days == sorted(days) and days[0] == min(s.day for s in info["specs"]).isoformat()
    gold = [e["goldstein"] for e in _all(client, sort="goldstein", order="desc")["items"]]
    assert gold == sorted(gold, reverse=True) and gold[0] == 7.0 and gold[-1] == -9.0


def test_one_event_with_the_mentions_of_its_sentence(corpus):
    client, _ = corpus
    ev = client.get("/api/events/arrest-1/1").json()
    assert ev["event_type"] == "ACCUSE" and ev["trigger_text"] == "accused"
    assert [m["text"] for m in ev["mentions"]] == ["The protesters", "police"]  # not the first sentence's
    assert ev["source"][0]["name"] == "protesters"
    assert client.get("/api/events/arrest-1/9").status_code == 404


def test_article_offsets_point_into_its_text(corpus):
    client, info = corpus
    art = client.get("/api/articles/meet-1").json()
    assert art["text"] == info["texts"]["meet-1"]
    for m in art["mentions"]:
        assert art["text"][m["start"]:m["end"]] == m["text"]
    for ev in art["events"]:
        assert art["text"][ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"]
    listing = client.get("/api/articles", params={"q": "protesters"}).json()
    assert [a["id"] for a in listing["items"]] == ["arrest-1"]
    assert client.get("/api/articles/nope").status_code == 404


def test_actors_profile_partners_and_network(corpus):
    client, info = corpus
    actors = client.get("/api/actors", params={"limit": 200}).json()["items"]
    japan = next(a for a in actors if a["key"] == "JPNGOV")
    assert japan["events"] == 24 and japan["as_source"] == 24 and japan["as_target"] == 0
    prof = client.get("/api/actors/per:prabowo-subianto").json()
    assert prof["label"] == "Prabowo Subianto" and prof["events"] == 3 and prof["as_source"] == 3
    assert [p["key"] for p in prof["partners"]] == ["per:vladimir-putin"]
    assert sum(r["n"] for r in prof["timeline"]) == 3
    assert client.get("/api/actors/per:nobody").status_code == 404
    net = client.get("/api/network", params={"type": "COERCE"}).json()
    assert [(e["source"], e["target"], e["n"], e["q4"]) for e in net["edges"]] == [("IDNCOP", "IDNOPP", 1, 1)]
    assert {n["key"] for n in net["nodes"]} == {"IDNCOP", "IDNOPP"}
    dy = client.get("/api/dyads", params={"limit": 1}).json()
    assert (dy[0]["source"], dy[0]["target"], dy[0]["n"]) == ("JPNGOV", "PHLGOV", 24)


def test_timeline_and_points(corpus):
    client, info = corpus
    tl = client.get("/api/timeline", params={"by": "quad_class"}).json()
    assert sum(r["n"] for r in tl) == len(info["specs"])
    june3 = {r["series"]: r["n"] for r in tl if r["day"] == "2025-06-03"}
    assert june3 == {3: 1}  # run-02 is THREATEN
    pts = client.get("/api/points").json()
    moscow = next(p for p in pts if p["place"] == "Moscow")
    assert (moscow["lat"], moscow["lon"], moscow["quad_class"], moscow["n"]) == (55.75, 37.62, 1, 2)  # meet-1, meet-2


def test_downloads_hold_the_current_filter(corpus):
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    client, info = corpus
    want = _expect(info, lambda s: s.quad_class == 4)
    r = client.get("/api/events.csv", params={"quad_class": 4})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = pacsv.read_csv(io.BytesIO(r.content))
    assert set(zip(table["article_id"].to_pylist(), table["idx"].to_pylist())) == want
    r = client.get("/api/events.parquet", params={"quad_class": 4, "sort": "goldstein"})
    table = pq.read_table(io.BytesIO(r.content))
    assert table.num_rows == len(want) and set(table["event_type"].to_pylist()) <= {"ASSAULT", "COERCE"}


def test_openapi_documents_the_endpoints(corpus):
    client, _ = corpus
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{article_id}/{idx}", "/api/articles/{article_id}", "/api/actors",
                 "/api/actors/{key}", "/api/network", "/api/timeline", "/api/stats", "/api/health"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"country", "actor", "type", "quad_class", "modality", "since", "until", "q", "limit", "offset",
            "sort", "order"} <= params
    docs = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs and "http" not in docs.split("<body>")[1].replace(
        'href="/', "")


def test_corpus_events_group_the_mentions_of_one_act(corpus):
    client, info = corpus
    st = client.get("/api/stats").json()
    assert st["corpus_events"] == len(info["specs"]) - 1  # the meeting reported twice is one event
    body = client.get("/api/corpus-events", params={"actor": "per:prabowo-subianto", "type": "CONSULT"}).json()
    assert body["total"] == 1
    ev = body["items"][0]
    assert (ev["n_mentions"], ev["n_articles"], ev["n_sources"], ev["event_date"]) == (2, 2, 2, "2025-06-19")
    one = client.get(f"/api/corpus-events/{ev['event_id']}").json()
    assert [(m["article_id"], m["idx"]) for m in one["mentions"]] == [("meet-1", 0), ("meet-2", 0)]
    ranked = client.get("/api/corpus-events", params={"sort": "mentions", "limit": 3}).json()["items"]
    assert ranked[0]["event_id"] == ev["event_id"]
    quad4 = client.get("/api/corpus-events", params={"quad_class": 4, "limit": 200}).json()
    assert quad4["total"] == sum(1 for s in info["specs"] if s.quad_class == 4)
    assert client.get("/api/corpus-events/12345").status_code == 404
    pairs = {(p["source_country"], p["target_country"]): p["n_events"] for p in client.get("/api/country-pairs").json()}
    assert pairs[("JPN", "PHL")] == 24 and pairs[("IDN", "RUS")] == 2
    page = client.get(f"/corpus-events/{ev['event_id']}", headers={"Accept": "text/html"}).text
    assert 'href="/articles/meet-2#ev-0"' in page and 'href="/articles/meet-1#ev-0"' in page


def test_partial_event_dates_count_by_the_days_they_cover(tmp_path):
    import duckdb

    db = tmp_path / "p.duckdb"
    build(db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE events SET event_date = '2025-05' WHERE article_id = 'run-00'")  # month only
    con.close()
    with TestClient(create_app(db)) as client:
        may = client.get("/api/events", params={"since": "2025-05-20", "until": "2025-05-31"}).json()
        assert [(e["article_id"], e["idx"]) for e in may["items"]] == [("run-00", 0)]
        june = client.get("/api/events", params={"since": "2025-06-01", "until": "2025-06-01"}).json()
        assert ("run-00", 0) not in {(e["article_id"], e["idx"]) for e in june["items"]}
