"""The ASGI app: REST API under /api, exports, the dashboard at /, security headers.

``create_app`` takes an open store, so tests and embedders choose it; ``warta serve``
opens the DuckDB file once and hands it over. OpenAPI is at /api/openapi.json (the
interactive docs pages are off: they load scripts from a CDN, and this server runs offline).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import StoreError, WartaError
from ..query import EventFilter
from ..settings import Settings
from ..store.base import Store
from . import exports, ingest, routes
from .auth import read_access
from .merged import View, view
from .params import event_filter
from .state import LockedStore, ServerConfig, ServerState

STATIC = Path(str(resources.files("warta.api").joinpath("static")))
EXPORT_CAP = 1_000_000
# Scripts and styles only from this server; no framing; no plugins; data: for SVG/PNG only.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response (pure ASGI: streams stay streams)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413 before any route reads them.

    A declared Content-Length over the limit is refused at once; a chunked body is counted
    as it streams and cut off when it passes the limit, so no body is ever held whole.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        # ASGI headers are bytes, whose isdigit() accepts ASCII digits only
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(send, self.limit)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # an HTTPException: the route's own body parsing passes it on as a 413
                    raise _BodyTooLarge(413, f"request body larger than {self.limit} bytes")
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _BodyTooLarge:
            if not started:
                await _too_large(send, self.limit)


class _BodyTooLarge(HTTPException):
    pass


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail":"request body larger than {limit} bytes"}}'.encode()
    await send({
        "type": "http.response.start", "status": 413,
        "headers": [(b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()), (b"connection", b"close")],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": body})


def create_app(
    store: Store,
    settings: Settings | None = None,
    config: ServerConfig | None = None,
    pipeline_factory: Callable[[Settings], Any] | None = None,
) -> FastAPI:
    """The app serving ``store`` (which it does not close). ``pipeline_factory`` builds the
    ingest pipeline on first use (default: :class:`warta.pipeline.Pipeline`)."""
    app = FastAPI(
        title="warta",
        version=__version__,
        description="Source-attributed, geocoded news events: query, evidence, ingest, export.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.warta = ServerState(
        LockedStore(store), settings or Settings(), config or ServerConfig(),
        pipeline_factory=pipeline_factory,
    )  # fmt: skip
    app.include_router(routes.router)
    app.include_router(ingest.router)
    _exports(app)
    _errors(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    config = app.state.warta.config
    limit = config.max_body_bytes
    if limit is None:
        limit = 2 * app.state.warta.settings.max_input_bytes + (1 << 20)
    app.add_middleware(BodyLimit, limit=limit)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so a 413 carries them too
    return app


Events = Annotated[EventFilter, Depends(event_filter)]
Merged = Annotated[View, Depends(view)]


def _exports(app: FastAPI) -> None:
    """The export routes. Like the event list, they export merged events (one per happening)
    when the store has been merged or ``merged``/``min_sources`` ask for them."""
    deps = [Depends(read_access)]
    tags = ["exports"]

    def flat(request: Request, flt: EventFilter, how: View) -> tuple[Any, tuple[str, ...]]:
        st = request.app.state.warta
        if how.merged:
            found = exports.iter_merged(st.store.held, flt, how.min_sources, EXPORT_CAP)
            return (e.flat() for e in found), exports.MERGED_COLUMNS
        found = exports.iter_rows(st.store, flt, EXPORT_CAP)
        return (exports.acled_row(r) for r in found), exports.ACLED_COLUMNS

    def attach(name: str) -> dict[str, str]:
        return {"Content-Disposition": f'attachment; filename="{name}"'}

    @app.get("/api/export/records.jsonl", tags=tags, dependencies=deps)
    def export_records(request: Request, flt: Events, how: Merged) -> StreamingResponse:
        """The full record of every article holding a matching event (JSON Lines)."""
        st = request.app.state.warta
        if how.merged:
            found = exports.iter_merged(st.store.held, flt, how.min_sources, EXPORT_CAP)
            body = exports.merged_records_jsonl(st.store.held, found)
        else:
            body = exports.records_jsonl(st.store, exports.iter_rows(st.store, flt, EXPORT_CAP))
        return StreamingResponse(body, media_type="application/x-ndjson",
                                 headers=attach("warta-records.jsonl"))  # fmt: skip

    @app.get("/api/export/events.csv", tags=tags, dependencies=deps)
    def export_csv(request: Request, flt: Events, how: Merged) -> StreamingResponse:
        """Matching events as CSV: ACLED-like columns per article event, or one row per
        merged event with its sources and outlets."""
        rows, columns = flat(request, flt, how)
        return StreamingResponse(exports.csv_lines(rows, columns),
                                 media_type="text/csv; charset=utf-8",
                                 headers=attach("warta-events.csv"))  # fmt: skip

    @app.get("/api/export/events.plover.jsonl", tags=tags, dependencies=deps)
    def export_plover(request: Request, flt: Events, how: Merged) -> StreamingResponse:
        """Matching events as PLOVER-style JSON Lines."""
        st = request.app.state.warta
        if how.merged:
            found = exports.iter_merged(st.store.held, flt, how.min_sources, EXPORT_CAP)
            items = (exports.merged_plover(e) for e in found)
        else:
            items = (exports.plover_event(r) for r in exports.iter_rows(st.store, flt, EXPORT_CAP))
        return StreamingResponse(exports.jsonl(items), media_type="application/x-ndjson",
                                 headers=attach("warta-events.plover.jsonl"))  # fmt: skip

    @app.get("/api/export/events.parquet", tags=tags, dependencies=deps)
    def export_parquet(request: Request, flt: Events, how: Merged) -> Response:
        """Matching events as Parquet (the CSV's columns, typed)."""
        data = exports.parquet_bytes(*flat(request, flt, how))
        return Response(data, media_type="application/vnd.apache.parquet",
                        headers=attach("warta-events.parquet"))  # fmt: skip


def _errors(app: FastAPI) -> None:
    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(WartaError)
    async def bad_request(request: Request, exc: WartaError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)
