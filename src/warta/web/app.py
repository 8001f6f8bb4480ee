"""The web application: JSON API, OpenAPI docs and dashboard pages over one warta database.

Everything the pages load is served by this app: the chart library is the ``plotly.min.js`` that
ships inside the ``plotly`` Python package, the base map is ``static/world-110m.json`` (Natural
Earth, public domain). A Content-Security-Policy allows nothing from another origin, so a page
cannot fetch from the network even if some text slipped through unescaped.
"""
from __future__ import annotations

import hmac
from contextlib import asynccontextmanager
import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from warta.store import StoreBusy
from warta.web.queries import DERIVED
from warta.web.reader import QueryTimeout, Reader

STATIC = Path(__file__).parent / "static"
OPEN_PATHS = ("/api/health",)  # answered without the token
TOKEN_COOKIE = "warta_token"

log = logging.getLogger("warta.web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
# /docs is Swagger UI as the swagger-ui-py package ships it (FastAPI's default loads it from a CDN).


def plotly_js() -> Path:
    """``plotly.min.js`` as shipped in the plotly wheel."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def swagger_ui_static() -> Path:
    """The Swagger UI files (5.x, Apache-2.0) inside the swagger-ui-py package."""
    import swagger_ui

    return Path(swagger_ui.__file__).parent / "static"


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "text/html")


def _error(request: Request, status: int, message: str, detail: Any = None) -> Response:
    if _wants_html(request):
        from warta.web.pages import page

        resp = page("error.html", request, status=status, message=message, nav="")
        resp.status_code = status
        return resp
    body: dict[str, Any] = {"error": message}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status)


def create_app(db_path: str | Path, *, token: str | None = None, hold: float = 1.0,
               query_timeout: float = 10.0) -> FastAPI:
    """The app over the database at ``db_path`` (opened read-only, see :mod:`warta.web.reader`).

    With ``token``, every request but the health check must carry it: ``Authorization: Bearer
    TOKEN``, or once ``?token=TOKEN`` in a browser (which sets an HttpOnly cookie and redirects).
    """
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.reader.close()

    app = FastAPI(title="warta", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Event data coded from Indonesian and English news (PLOVER/CAMEO): articles, "
                              "events, actors, network, timelines. Read-only.")
    app.state.reader = Reader(db_path, hold=hold, query_timeout=query_timeout)
    app.state.reader.derived.update(DERIVED)
    app.state.token = token or None

    @app.middleware("http")
    async def guard(request: Request, call_next):
        expected = app.state.token
        if expected and request.url.path not in OPEN_PATHS:
            given = request.query_params.get("token")
            if given is not None and hmac.compare_digest(given.encode(), expected.encode()):
                # a browser link with ?token=: remember it in a cookie and drop it from the address
                rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
                from urllib.parse import urlencode

                target = request.url.path + (("?" + urlencode(rest)) if rest else "")
                resp: Response = RedirectResponse(target, status_code=303)
                resp.set_cookie(TOKEN_COOKIE, expected, httponly=True, samesite="strict")
                return _secure(resp)
            auth = request.headers.get("authorization", "")
            bearer = auth[7:] if auth.lower().startswith("bearer ") else ""
            cookie = request.cookies.get(TOKEN_COOKIE, "")
            if not any(c and hmac.compare_digest(c.encode(), expected.encode()) for c in (bearer, cookie)):
                return _secure(_error(request, 401, "this server needs a token: send 'Authorization: Bearer "
                                      "TOKEN', or open any page once with ?token=TOKEN"))
        return _secure(await call_next(request))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path"))
            problems.append({"parameter": where, "problem": e.get("msg", "invalid")})
        message = "invalid parameters: " + "; ".join(f"{p['parameter']}: {p['problem']}" for p in problems)
        return _error(request, 422, message, problems)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy):
        return _error(request, 503, str(exc))

    @app.exception_handler(QueryTimeout)
    async def slow(request: Request, exc: QueryTimeout):
        return _error(request, 503, f"{exc}; narrow the filter")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return _error(request, 500, f"internal error: {type(exc).__name__}")

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def _plotly() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/docs", include_in_schema=False)
    def _docs(request: Request) -> Response:
        from warta.web.pages import page

        return page("docs.html", request, nav="docs")

    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_static()), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from warta.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _secure(resp: Response) -> Response:
    resp.headers.setdefault("Content-Security-Policy", CSP)
    resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    resp.headers.setdefault("Referrer-Policy", "no-referrer")
    resp.headers.setdefault("X-Frame-Options", "DENY")
    return resp
