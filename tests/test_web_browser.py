"""The dashboard in a real browser (headless Chromium driven by Playwright, the system's Debian
``chromium``; no browser download): pages load with no console error and no request leaving the
machine, filters and sorting change the table, the article page's highlights sit exactly on the
records' offsets, and hostile article text stays text."""
import os
import shutil
import socket
import threading
import time

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

CHROMIUM = next((p for p in (os.environ.get("WARTA_CHROMIUM"), shutil.which("chromium"),
                             shutil.which("chromium-browser"), "/usr/bin/chromium") if p and os.path.exists(p)), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (apt-get install chromium, "
                                "or set WARTA_CHROMIUM); .ci/run installs it")

from warta.web.app import create_app  # noqa: E402
from web_corpus import HOSTILE_NAME, HOSTILE_TITLE, build  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "w.duckdb"
    info = build(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", info
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Watched:
    """A page that records console errors, page errors and every request it makes."""

    def __init__(self, browser, base):
        self.base = base
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

    def open(self, path: str):
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_selector("body[data-drawn='1']", state="attached", timeout=15000)
        return self.page

    def outside(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base + "/") and not u.startswith("data:")]

    def close(self):
        self.page.close()


PAGES = ["/", "/corpus-events", "/corpus-events?sort=mentions", "/events", "/events?type=ASSAULT", "/actors", "/actors/per:prabowo-subianto", "/network", "/map",
         "/articles", "/articles/meet-1", "/articles/evil-1", "/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_without_errors_or_outside_requests(server, browser, path):
    base, _ = server
    w = Watched(browser, base)
    try:
        page = w.open(path) if path != "/docs" else None
        if page is None:  # Swagger UI has no data-drawn marker: wait for it to render the operations
            w.page.goto(base + path)
            w.page.wait_for_selector(".opblock", timeout=20000)
            page = w.page
        assert not w.errors, w.errors
        assert not w.outside(), w.outside()
        assert len(w.requests) >= 2  # the page and at least its stylesheet/script
        if path in ("/", "/network", "/map", "/actors/per:prabowo-subianto"):
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=15000)  # the chart was drawn
        assert page.evaluate("window.__pwned") is None
    finally:
        w.close()


def test_filters_and_sorting_change_the_events_table(server, browser):
    base, info = server
    w = Watched(browser, base)
    try:
        page = w.open("/events?limit=200")
        all_rows = page.locator("#events-table tbody tr").count()
        assert all_rows == len(info["specs"])
        page.select_option("select[name=type]", "ASSAULT")
        with page.expect_navigation():
            page.click("form.filters button[type=submit]")
        types = page.locator("#events-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.type)")
        assert types and set(types) == {"ASSAULT"}
        assert len(types) == sum(1 for s in info["specs"] if s.event_type == "ASSAULT")
        page.select_option("select[name=type]", "")
        page.select_option("select[name=quad_class]", "1")
        page.fill("input[name=until]", "2025-06-10")
        with page.expect_navigation():
            page.click("form.filters button[type=submit]")
        quads = page.locator("#events-table tbody tr").evaluate_all("rs => rs.map(r => r.dataset.quad)")
        want = [s for s in info["specs"] if s.quad_class == 1 and s.day.isoformat() <= "2025-06-10"]
        assert set(quads) == {"1"} and len(quads) == len(want)
        assert page.locator("#total").inner_text() == str(len(want))
        # the downloads carry the same filter
        href = page.get_attribute("#dl-csv", "href")
        assert "quad_class=1" in href and "until=2025-06-10" in href
        # sorting: click the Goldstein header twice
        page = w.open("/events?limit=200")
        with page.expect_navigation():
            page.click("th a[data-sort=goldstein]")
        col = page.locator("#events-table tbody tr td:nth-child(6)").all_inner_texts()
        values = [float(v) for v in col]
        assert values == sorted(values, reverse=True)
        with page.expect_navigation():
            page.click("th a[data-sort=goldstein]")
        values = [float(v) for v in page.locator("#events-table tbody tr td:nth-child(6)").all_inner_texts()]
        assert values == sorted(values)
        assert not w.errors, w.errors
    finally:
        w.close()


def test_article_highlights_match_the_records(server, browser):
    base, info = server
    w = Watched(browser, base)
    try:
        for art_id in ("meet-1", "arrest-1", "evil-1"):
            page = w.open(f"/articles/{art_id}")
            text = info["texts"][art_id]
            assert page.locator("#article-text").inner_text() == text  # the whole text, unchanged
            offsets = page.evaluate("""() => {
                // character offset of every highlighted piece within the article's text
                const root = document.getElementById('article-text');
                const out = []; let pos = 0;
                const walk = (node) => {
                  for (const c of node.childNodes) {
                    if (c.nodeType === 3) { pos += c.nodeValue.length; continue; }
                    const start = pos; walk(c);
                    if (c.dataset && (c.dataset.ev || c.dataset.m)) out.push({start, end: pos,
                        ev: c.dataset.ev || '', m: c.dataset.m || ''});
                  }
                };
                walk(root); return out;
            }""")
            records = page.locator("#records .record").evaluate_all(
                "rs => rs.map(r => ({idx: r.dataset.idx, start: +r.dataset.start, end: +r.dataset.end, "
                "trigger: r.querySelector('.trigger-text').textContent}))")
            specs = [s for s in info["specs"] if s.article_id == art_id]
            assert len(records) == len(specs)
            for rec, spec in zip(records, specs):
                pieces = [o for o in offsets if rec["idx"] in o["ev"].split()]
                assert pieces, rec
                assert (min(p["start"] for p in pieces), max(p["end"] for p in pieces)) == \
                    (spec.trigger.start, spec.trigger.end) == (rec["start"], rec["end"])
                assert text[rec["start"]:rec["end"]] == rec["trigger"] == spec.trigger.text
            mentions = page.locator("#records li.mention").evaluate_all(
                "ms => ms.map(m => ({idx: m.dataset.idx, start: +m.dataset.start, end: +m.dataset.end}))")
            assert mentions
            for m in mentions:
                pieces = [o for o in offsets if m["idx"] in o["m"].split()]
                assert (min(p["start"] for p in pieces), max(p["end"] for p in pieces)) == (m["start"], m["end"])
        # each record links to its place in the text, and clicking it marks the trigger
        page = w.open("/articles/arrest-1")
        page.click("#record-ev-1 a.goto")
        assert page.evaluate("location.hash") == "#ev-1"
        focused = page.locator("#article-text .focus").all_inner_texts()
        assert "".join(focused) == "accused"
        assert not w.errors, w.errors
    finally:
        w.close()


def test_hostile_article_text_stays_text(server, browser):
    base, _ = server
    w = Watched(browser, base)
    try:
        page = w.open("/articles/evil-1")
        assert page.locator("#article-title").inner_text() == HOSTILE_TITLE
        assert "<script>" in page.locator("#article-text").inner_text()
        assert page.locator("#article-text script, #article-text img, #article-text a[href]").count() == 0
        assert page.locator("#article-url").evaluate("e => e.tagName") == "SPAN"  # javascript: is no link
        assert HOSTILE_NAME in page.locator("#records").inner_text()
        for path in ("/", "/corpus-events", "/events", "/actors", "/actors/IDNCVL", "/network", "/map", "/articles"):
            p = w.open(path)
            assert p.evaluate("window.__pwned") is None, path
            assert p.locator("main img, main script, main svg[onload]").count() == 0, path
        p = w.open("/actors/IDNCVL")
        assert HOSTILE_NAME in p.locator("#actor-name").inner_text()
        assert not w.errors, w.errors
        assert not w.outside(), w.outside()
    finally:
        w.close()
