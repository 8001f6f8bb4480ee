"""Server limits: malformed parameters get 4xx (never 5xx), no SQL from user strings, page-size
caps, the optional token, escaping of hostile article text, security headers, local bind."""
import inspect

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from warta.web.app import create_app  # noqa: E402
from web_corpus import HOSTILE_NAME, HOSTILE_TEXT, HOSTILE_TITLE, build  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("websec") / "w.duckdb"
    build(path)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


BAD = ["'", "\"; DROP TABLE events; --", "%", "\x00", "\u202e💥", "a" * 5000, "-1", "99999999999999999999999",
       "NaN", "2025-02-30", "2025-6-1", "<script>", "[]", "\r\nX-Injected: 1"]
API = ["/api/events", "/api/events.csv", "/api/articles", "/api/actors", "/api/network", "/api/timeline",
       "/api/points", "/api/dyads", "/api/actors/{key}", "/api/corpus-events"]
PAGES = {"/events": ["country", "actor", "type", "quad_class", "modality", "since", "until", "q", "sort", "order",
                     "limit", "offset"],
         "/network": ["since", "max_nodes", "quad_class"], "/actors": ["q", "country", "offset"],
         "/articles": ["q", "offset"], "/corpus-events": ["country", "type", "since", "sort", "offset"]}


def _checked(client, endpoint, names):
    for name in names:
        for value in BAD:
            r = client.get(endpoint.replace("{key}", "JPNGOV"), params={name: value})
            assert r.status_code < 500, (endpoint, name, value, r.status_code, r.text[:200])
            if r.status_code >= 400:
                assert name in r.text or "must" in r.text, (endpoint, name, value, r.text[:200])


@pytest.mark.parametrize("endpoint", API)
def test_api_malformed_parameters_get_4xx_never_5xx(client, endpoint):
    spec = client.get("/openapi.json").json()["paths"][endpoint]["get"]
    names = [p["name"] for p in spec.get("parameters", []) if p["in"] == "query"]
    assert names
    _checked(client, endpoint, names)


@pytest.mark.parametrize("endpoint", sorted(PAGES))
def test_page_malformed_parameters_get_4xx_never_5xx(client, endpoint):
    _checked(client, endpoint, PAGES[endpoint])


def test_malformed_paths_get_4xx(client):
    for path in ["/api/events/meet-1/-1", "/api/events/meet-1/x", "/api/events/meet-1/99999999999999999999",
                 "/api/articles/" + "a" * 400, "/api/actors/%00", "/articles/%3Cscript%3E", "/actors/'--",
                 "/api/events/'; DROP TABLE events; --/0", "/api/corpus-events/x", "/corpus-events/1e99",
                 "/api/corpus-events/99999999999999999999999"]:
        r = client.get(path)
        assert 400 <= r.status_code < 500, (path, r.status_code)


def test_user_strings_are_data_not_sql(client):
    before = client.get("/api/stats").json()["events"]
    for value in ["x' OR '1'='1", "IDN' OR 1=1 --", "'; DELETE FROM events; --"]:
        for name in ("actor", "q", "article_id"):
            body = client.get("/api/events", params={name: value}).json()
            assert body["total"] == 0, (name, value)
    assert client.get("/api/events", params={"q": "100%"}).json()["total"] == 0  # % is no wildcard
    assert client.get("/api/stats").json()["events"] == before


def test_page_size_is_capped(client):
    assert client.get("/api/events", params={"limit": 200}).status_code == 200
    r = client.get("/api/events", params={"limit": 201})
    assert r.status_code == 422 and "limit" in r.json()["error"]
    assert client.get("/api/articles", params={"limit": 10_000}).status_code == 422
    assert client.get("/api/network", params={"max_nodes": 100_000}).status_code == 422


def test_query_time_is_capped(db):
    from warta.web.reader import QueryTimeout, Reader

    reader = Reader(db, query_timeout=0.3)
    with pytest.raises(QueryTimeout):
        reader.query("SELECT count(*) FROM range(100000000000) a")
    assert reader.query("SELECT count(*) AS n FROM articles")[0]["n"] > 0  # and it still answers
    reader.close()


def test_token_guards_everything_but_health(db):
    with TestClient(create_app(db, token="s3cret-token"), follow_redirects=False) as c:
        assert c.get("/api/health").status_code == 200
        for path in ("/api/events", "/", "/events", "/static/app.js", "/openapi.json", "/docs"):
            assert c.get(path).status_code == 401, path
        assert c.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
        r = c.get("/events?token=wrong")
        assert r.status_code == 401
        r = c.get("/events?type=AID&token=s3cret-token")  # a browser link: cookie, then a clean address
        assert r.status_code == 303 and r.headers["location"] == "/events?type=AID"
        assert "httponly" in r.headers["set-cookie"].lower() and "samesite=strict" in r.headers["set-cookie"].lower()
        assert c.get("/events?type=AID").status_code == 200  # the client kept the cookie


def test_warta_token_env_and_local_default_bind():
    from warta.cli.serve import serve_cmd

    params = inspect.signature(serve_cmd).parameters
    assert params["host"].default.default == "127.0.0.1"
    assert params["token"].default.envvar == "WARTA_TOKEN"


def test_hostile_article_text_is_escaped_on_every_page(client):
    pages = ["/", "/corpus-events", "/events", "/events?q=memprotes", "/actors", "/actors/IDNCVL", "/network", "/map",
             "/articles", "/articles/evil-1"]
    for path in pages:
        r = client.get(path, headers={"Accept": "text/html"})
        assert r.status_code == 200, path
        html = r.text
        for raw in ("<script>window.__pwned", '<img src=x onerror', '<a href="javascript:', "<svg onload",
                    'href="javascript:'):
            assert raw not in html, (path, raw)
    art = client.get("/articles/evil-1", headers={"Accept": "text/html"}).text
    assert "&lt;script&gt;window.__pwned" in art  # shown as text
    assert 'id="article-url">javascript:' in art  # the javascript: URL is text, not a link
    assert "&lt;img src=x onerror=" in art


def test_hostile_values_in_json_stay_data(client):
    art = client.get("/api/articles/evil-1").json()
    assert art["title"] == HOSTILE_TITLE and art["text"] == HOSTILE_TEXT
    assert art["events"][0]["source"][0]["name"] == HOSTILE_NAME
    # embedded page data cannot close its <script> element
    html = client.get("/actors/IDNCVL", headers={"Accept": "text/html"}).text
    data = html.split('id="page-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data


def test_security_headers(client):
    r = client.get("/articles/evil-1")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/events").headers["content-security-policy"] == csp
