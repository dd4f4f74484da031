"""Merged events in the API: which view a request wants, and merging after an ingest.

The event routes show merged events (one per happening, with its independent sources)
when the store has been merged, else one row per article event; ``merged`` and
``min_sources`` choose. The merge queries and :func:`warta.merge.merge_store` use the
store's connection directly, so they run with the store lock held.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import HTTPException, Query, Request

from ..merge.view import has_merged
from .state import ServerState

MERGED_ID = re.compile(r"E[0-9a-f]{10}")  # merged event ids (article event refs are base64)


@dataclass(frozen=True, slots=True)
class View:
    merged: bool
    min_sources: int


def store_has_merged(st: ServerState) -> bool:
    with st.store.held() as store:
        return has_merged(store)


_MERGED = "merged events (one per happening) or one row per article event; default: merged \
when the store has been merged"
_MIN_SOURCES = "merged events with at least this many independent sources"


def view(
    request: Request,
    merged: Annotated[bool | None, Query(description=_MERGED)] = None,
    min_sources: Annotated[int, Query(ge=1, le=1000, description=_MIN_SOURCES)] = 1,
) -> View:
    st: ServerState = request.app.state.warta
    if merged is False:
        if min_sources > 1:
            raise HTTPException(400, "min_sources counts merged events' sources: drop merged=false")
        return View(False, 1)
    found = store_has_merged(st)
    if merged is None and min_sources == 1:
        return View(found, 1)
    if not found:
        raise HTTPException(400, "no merged events: run `warta merge` (or ingest with merge=true)")
    return View(True, min_sources)


def merge_after_ingest(st: ServerState, wanted: bool | None) -> dict[str, Any] | None:
    """Merge the new articles (incrementally) when asked, or by the server's setting, or
    when the store has been merged before; returns the run's summary, or None."""
    if wanted is None:
        wanted = st.config.merge_on_ingest
    if wanted is None:
        wanted = store_has_merged(st)
    if not wanted:
        return None
    from ..merge import merge_store

    with st.store.held() as store:
        summary = merge_store(store, encoder=_encoder(_store_encoder(store)))
    return {
        "articles": summary.new_articles,
        "article_links": summary.article_links,
        "event_links": summary.event_links,
        "merged_recomputed": summary.merged_recomputed,
        "encoder": summary.encoder,
        "seconds": summary.seconds,
    }


def merged_ids(st: ServerState, refs: list[tuple[str, str]]) -> list[str | None]:
    """The merged event holding each (article key, event id), None where there is none."""
    from ..merge.browse import merged_of

    with st.store.held() as store:
        found = [merged_of(store, key, eid) for key, eid in refs]
    return [f[0] if f else None for f in found]


@functools.lru_cache(maxsize=2)
def _encoder(name: str) -> Any:
    """One encoder per name for the server's life (loading a model per ingest is slow)."""
    from ..merge.encoder import get_encoder

    return get_encoder(name)


def _store_encoder(store: Any) -> str:
    """The encoder the store was signed with (another would re-sign every article)."""
    try:
        row = store.con.execute("SELECT encoder FROM merge_articles LIMIT 1").fetchone()
    except Exception:  # no merge tables yet
        row = None
    return str(row[0]) if row else "auto"
