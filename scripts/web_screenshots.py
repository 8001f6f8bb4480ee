"""Screenshots of the dashboard for docs/: overview, article, network and map pages.

Serves the database on a free loopback port and photographs each page in headless Chromium
(Playwright driving the system's chromium, as the browser tests do):

    python scripts/web_screenshots.py --db warta.duckdb --article demo-01 [--out docs/img]
"""
from __future__ import annotations

import argparse
import shutil
import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default="warta.duckdb")
    ap.add_argument("--article", help="article id for the article page (default: the one with most events)")
    ap.add_argument("--article-db", help="take the article page from this database instead")
    ap.add_argument("--out", default="docs/img")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args()
    import uvicorn
    from playwright.sync_api import sync_playwright

    from warta.web.app import create_app

    def serve(db):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=srv.run, daemon=True).start()
        while not srv.started:
            time.sleep(0.05)
        return srv, f"http://127.0.0.1:{port}"

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    servers = []
    main_srv, base = serve(args.db)
    servers.append(main_srv)
    art_base = base
    if args.article_db:
        srv2, art_base = serve(args.article_db)
        servers.append(srv2)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        art = args.article
        if not art:
            import httpx

            rows = httpx.get(art_base + "/api/articles", params={"limit": 200}).json()["items"]
            art = max(rows, key=lambda r: r["n_events"])["id"]
        shots = {"overview": base + "/", "network": base + "/network", "map": base + "/map",
                 "article": art_base + "/articles/" + quote(art, safe="")}
        for name, url in shots.items():
            page.goto(url)
            page.wait_for_load_state("networkidle")
            page.wait_for_selector("body[data-drawn='1']", state="attached")
            page.wait_for_timeout(800)
            path = out / f"web-{name}.png"
            page.screenshot(path=str(path))
            print(f"{path} ({path.stat().st_size // 1024} KiB)")
        browser.close()
    for s in servers:
        s.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
