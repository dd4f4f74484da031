"""Ingest routes: a page as text or HTML in a JSON body, or uploaded files (no URL fetching).

Documents run through the server's own pipeline and are written to the server's own
store, so one process holds the DuckDB file for both. Uploaded files are kept, named by
their content hash, in the server's upload folder: the store's ``path`` of an article
stays meaningful, and uploading the same file again is skipped as unchanged.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from pydantic import BaseModel, Field

from ..ingest import RawDocument, RowMeta
from ..ingest.decode import scrub_surrogates
from ..query import event_ref
from ..runner import fingerprint
from ..runner import ingest as run_ingest
from ..store.base import InputRef
from .auth import write_access
from .merged import merge_after_ingest, merged_ids
from .state import ServerState

router = APIRouter(prefix="/api/ingest", tags=["ingest"], dependencies=[Depends(write_access)])
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_CHUNK = 1 << 20
MergeParam = Annotated[
    bool | None,
    Query(description="then merge the new articles into merged events (incremental); "
                      "default: the server's setting, else when the store was merged before"),
]  # fmt: skip


class Document(BaseModel):
    """One page. Give exactly one of ``text`` (a page dump) or ``html``."""

    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = Field(None, description="kept as metadata; never fetched")
    published: str | None = None
    source: str | None = Field(None, description="the outlet")
    author: str | None = None
    name: str | None = Field(None, description="a label for the input (default: its hash)")


def _state(request: Request) -> ServerState:
    return request.app.state.warta


@router.post("")
def ingest_document(doc: Document, request: Request, merge: MergeParam = None) -> dict[str, Any]:
    """Process one page and store its record; returns its key and its events' refs (and,
    when merged, the merged event holding each)."""
    st = _state(request)
    body = doc.html if doc.html is not None else doc.text
    if (doc.html is None) == (doc.text is None) or not body or not body.strip():
        raise HTTPException(422, "give exactly one of text or html, not empty")
    body = scrub_surrogates(body)  # JSON may carry lone surrogates no encoder takes
    if len(body.encode("utf-8")) > st.settings.max_input_bytes:
        raise HTTPException(413, f"larger than {st.settings.max_input_bytes} bytes")
    given = (doc.title, doc.published, doc.url, doc.source, doc.author)
    meta = RowMeta(*(scrub_surrogates(v) if v else v for v in given))
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    label = _SAFE_NAME.sub("_", doc.name)[:80] if doc.name else digest
    raw = RawDocument(f"api:{label}", body, "html" if doc.html is not None else "text", meta)
    with st.ingest_lock:
        outcome = next(iter(st.pipeline().process([raw])))
        if outcome.record is None:
            error = outcome.error
            raise HTTPException(422, str(error) if error else "the page gave no record")
        ref = InputRef(raw.path, fingerprint(raw), doc.url)
        key = st.store.put(outcome.record, ref)
    record = outcome.record
    merged = merge_after_ingest(st, merge)
    return {
        "key": key,
        "title": record.article.title,
        "language": record.article.language,
        "events": [event_ref(key, e.id) for e in record.events],
        "claims": len(record.claims),
        "merge": merged,
        "merged_events": (
            merged_ids(st, [(key, e.id) for e in record.events]) if merged is not None else None
        ),
    }


@router.post("/files")
async def ingest_files(
    request: Request,
    files: Annotated[list[UploadFile], File(description="pages or row files")],
    merge: MergeParam = None,
) -> dict[str, Any]:
    """Store uploaded files (.txt, .html, .jsonl, .csv...: what ``warta ingest`` reads)."""
    st = _state(request)
    paths = [await _save(st, f) for f in files]
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_run, st, paths, merge)


def _run(st: ServerState, paths: list[str], merge: bool | None = None) -> dict[str, Any]:
    failures: list[dict[str, str]] = []
    with st.ingest_lock:
        summary = run_ingest(
            paths, st.pipeline(), st.store, settings=st.settings,  # type: ignore[arg-type]
            on_failure=lambda e: failures.append(
                {"path": Path(e.path).name, "reason": e.reason, "detail": e.detail}
            ),
        )  # fmt: skip
    return {
        "read": summary.read,
        "stored": summary.stored,
        "unchanged": summary.skipped_unchanged,
        "failed": failures,
        "seconds": summary.seconds,
        "merge": merge_after_ingest(st, merge) if summary.stored else None,
    }


async def _save(st: ServerState, upload: UploadFile) -> str:
    """Keep the upload as <upload dir>/<sha256 prefix>/<safe name>; refuse it when too big."""
    limit = st.settings.max_input_bytes
    h = hashlib.sha256()
    data = bytearray()
    while chunk := await upload.read(_CHUNK):
        data.extend(chunk)
        h.update(chunk)
        if len(data) > limit:
            raise HTTPException(413, f"{upload.filename}: larger than {limit} bytes")
    name = _SAFE_NAME.sub("_", Path(upload.filename or "upload.txt").name).strip("._") or "upload"
    folder = st.upload_dir() / h.hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name[:120]
    if not path.exists():
        path.write_bytes(bytes(data))
    return str(path)
