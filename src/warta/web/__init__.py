"""``warta serve``: a read-only HTTP API (FastAPI, OpenAPI docs at /docs) and a web dashboard
(overview, events, actors, network, map, articles) over a warta database; every asset is local."""
from __future__ import annotations


def create_app(*args, **kwargs):
    """See :func:`warta.web.app.create_app` (imported lazily: the web extra is optional)."""
    from warta.web.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
