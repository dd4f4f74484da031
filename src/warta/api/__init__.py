"""warta's REST API and dashboard (FastAPI + uvicorn, the ``serve`` extra).

``create_app(store, settings, config)`` builds the ASGI app; :func:`serve` runs it with
uvicorn on one store file, which the server process then holds (see the README's
"Serving" section for ingesting while it runs).
"""

from __future__ import annotations

from .app import create_app
from .server import serve
from .state import ServerConfig

__all__ = ["ServerConfig", "create_app", "serve"]
