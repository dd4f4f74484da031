"""Read routes: health, events (list, map points, timeline, one with its evidence),
articles, claims, entities, places. Every route is a thin shell over :mod:`warta.query`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from .. import __version__
from ..evidence import event_detail
from ..merge.browse import merged_evidence, merged_of, merged_points, merged_timeline, page_merged
from ..query import (
    PRECISIONS,
    STANCES,
    ArticleFilter,
    ClaimFilter,
    EntityFilter,
    EventFilter,
    PlaceFilter,
    count_articles,
    event_points,
    event_timeline,
    list_articles,
    list_claims,
    list_entities,
    list_places,
    page_events,
)  # fmt: skip
from ..records import EVENT_TYPES
from . import views
from .auth import read_access
from .merged import MERGED_ID, View, store_has_merged, view
from .params import _blank, _floats, event_filter
from .state import ServerState

router = APIRouter(prefix="/api", dependencies=[Depends(read_access)])
Limit = Annotated[int, Query(ge=1, le=1000)]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]


def state(request: Request) -> ServerState:
    return request.app.state.warta


State = Annotated[ServerState, Depends(state)]
Events = Annotated[EventFilter, Depends(event_filter)]
Merged = Annotated[View, Depends(view)]


@router.get("/health", tags=["meta"])
def health(st: State) -> dict[str, Any]:
    """Liveness and what the server holds."""
    return {
        "status": "ok",
        "version": __version__,
        "articles": count_articles(st.store),  # type: ignore[arg-type]
        "ingest": not st.config.read_only and bool(st.config.token),
    }


@router.get("/meta", tags=["meta"])
def meta(st: State) -> dict[str, Any]:
    """The vocabularies filters accept (for building forms), and whether the store holds
    merged events (the event routes then show those by default)."""
    return {
        "merged": store_has_merged(st),
        "types": list(EVENT_TYPES),
        "statuses": ["occurred", "ongoing", "planned", "threatened", "denied", "hypothetical"],
        "stances": list(STANCES),
        "precisions": list(PRECISIONS),
    }


@router.get("/events", tags=["events"])
def events(st: State, flt: Events, how: Merged) -> dict[str, Any]:
    """Events matching the filters, newest first, one page at a time: merged events (one
    per happening, with their independent sources) or one row per article event."""
    _cap(flt.limit, st)
    if how.merged:
        with st.store.held() as store:
            return views.page(page_merged(store, flt, how.min_sources), views.merged_row)
    return views.page(page_events(st.store, flt), views.event_row)  # type: ignore[arg-type]


@router.get("/events/points", tags=["events"])
def points(st: State, flt: Events, how: Merged) -> dict[str, Any]:
    """Located events as a GeoJSON FeatureCollection (newest first, up to ``limit``)."""
    if how.merged:
        with st.store.held() as store:
            found = merged_points(store, flt, how.min_sources)
    else:
        found = event_points(st.store, flt)  # type: ignore[arg-type]
    return {"type": "FeatureCollection", "features": [views.point(p) for p in found]}


@router.get("/events/timeline", tags=["events"])
def timeline(st: State, flt: Events, how: Merged) -> dict[str, Any]:
    """Matching events counted per day and type (merged: each happening once)."""
    if how.merged:
        with st.store.held() as store:
            bins = merged_timeline(store, flt, how.min_sources)
    else:
        bins = event_timeline(st.store, flt)  # type: ignore[arg-type]
    return {"bins": [{"day": b.day, "type": b.type, "count": b.count} for b in bins]}


@router.get("/events/{ref}", tags=["events"])
def event(st: State, ref: str) -> dict[str, Any]:
    """One event with every source article, its claims and the spans to highlight. ``ref``
    is an article event's ref or a merged event's id (every article behind it, each with
    its role: first, independent, relay or duplicate)."""
    if MERGED_ID.fullmatch(ref):
        with st.store.held() as store:
            merged = merged_evidence(store, ref)
        if merged is None:
            raise HTTPException(404, "no such merged event")
        return views.merged_detail(merged)
    found = event_detail(st.store, ref)  # type: ignore[arg-type]
    if found is None:
        raise HTTPException(404, "no such event")
    out = views.detail(found)
    with st.store.held() as store:
        holder = merged_of(store, found.sources[0].article_key, found.event.id)
    out["merged"] = {"ref": holder[0], "sources": holder[1]} if holder else None
    return out


@router.get("/articles", tags=["lists"])
def articles(
    st: State, limit: Limit = 100, cursor: Cursor = None, language: str | None = None,
    outlet: str | None = None, q: str | None = None, since: str | None = None,
    until: str | None = None, has_events: bool = False,
) -> dict[str, Any]:  # fmt: skip
    """Stored articles, newest first."""
    flt = ArticleFilter(_blank(language), _blank(outlet), _blank(q), _blank(since),
                        _blank(until), has_events, limit, _blank(cursor))  # fmt: skip
    return views.page(list_articles(st.store, flt), views.article_row)  # type: ignore[arg-type]


@router.get("/claims", tags=["lists"])
def claims(
    st: State, limit: Limit = 100, cursor: Cursor = None, stance: str | None = None,
    speaker: str | None = None, q: str | None = None, article: str | None = None,
    language: str | None = None, since: str | None = None, until: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Claims: who said what, with which stance, newest article first."""
    flt = ClaimFilter(_blank(stance), _blank(speaker), _blank(q), _blank(article),
                      _blank(language), _blank(since), _blank(until), limit,
                      _blank(cursor))  # fmt: skip
    return views.page(list_claims(st.store, flt), views.claim_row)  # type: ignore[arg-type]


@router.get("/entities", tags=["lists"])
def entities(
    st: State, limit: Limit = 100, cursor: Cursor = None, type: str | None = None,
    code: str | None = None, sector: str | None = None, q: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Entities by name and type, the most widely named first."""
    flt = EntityFilter(_blank(type), _blank(code), _blank(sector), _blank(q), limit,
                       _blank(cursor))  # fmt: skip
    return views.page(list_entities(st.store, flt), views.entity_row)  # type: ignore[arg-type]


@router.get("/places", tags=["lists"])
def places(
    st: State, limit: Limit = 100, cursor: Cursor = None, country: str | None = None,
    precision: str | None = None, q: str | None = None, bbox: str | None = None,
    near: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Places by name and GeoNames id, the most widely named first."""
    flt = PlaceFilter(_blank(country), _blank(precision), _blank(q),
                      _floats(bbox, 4, "bbox"), _floats(near, 3, "near"),  # type: ignore[arg-type]
                      limit, _blank(cursor))  # fmt: skip
    return views.page(list_places(st.store, flt), views.place_row)  # type: ignore[arg-type]


def _cap(limit: int, st: ServerState) -> None:
    if limit > st.config.max_page:
        raise HTTPException(400, f"limit must be at most {st.config.max_page} (use cursor)")
