"""Property-based: any value of any query parameter, on any API endpoint, gets an answer below
500 (a result, or a 4xx naming the parameter); the server keeps answering afterwards."""
import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from warta.web.app import create_app  # noqa: E402
from web_corpus import build  # noqa: E402

ENDPOINTS = ["/api/events", "/api/corpus-events", "/api/articles", "/api/actors", "/api/network", "/api/timeline",
             "/api/points", "/api/dyads", "/api/actors/JPNGOV", "/events", "/network", "/corpus-events"]
NAMES = ["country", "actor", "type", "quad_class", "modality", "since", "until", "q", "article_id", "limit",
         "offset", "sort", "order", "max_nodes", "by", "lang", "status", "token"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "w.duckdb"
    build(db)
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


values = st.one_of(st.text(max_size=300), st.integers().map(str), st.floats().map(str),
                   st.dates().map(lambda d: d.isoformat()), st.sampled_from(["", "0", "-1", "200", "201", "IDN"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(endpoint=st.sampled_from(ENDPOINTS), params=st.dictionaries(st.sampled_from(NAMES), values, max_size=4))
def test_any_parameters_get_an_answer_below_500(client, endpoint, params):
    r = client.get(endpoint, params=params)
    assert r.status_code < 500, (endpoint, params, r.status_code, r.text[:300])
    if r.status_code == 200 and endpoint.startswith("/api/") and "limit" in params:
        body = r.json()
        if isinstance(body, dict) and "items" in body:
            assert len(body["items"]) <= 200
