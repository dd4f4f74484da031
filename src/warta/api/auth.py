"""Bearer-token checks: ingest always needs the token; reads only when the server says so."""

from __future__ import annotations

from fastapi import HTTPException, Request


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _deny(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def read_access(request: Request) -> None:
    st = request.app.state.warta
    if st.config.protect_reads and not st.token_ok(_bearer(request)):
        raise _deny("this server wants a bearer token for reads")


def write_access(request: Request) -> None:
    st = request.app.state.warta
    if st.config.read_only:
        raise HTTPException(403, "this server is read-only (started with --read-only)")
    if not st.config.token:
        raise HTTPException(403, "ingest is off: start the server with WARTA_TOKEN set")
    if not st.token_ok(_bearer(request)):
        raise _deny("ingest wants the server's bearer token")
