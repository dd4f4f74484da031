"""Query-layer rows -> the JSON the REST API returns (plain dicts, stable field names)."""

from __future__ import annotations

from typing import Any

from ..codec import to_dict
from ..evidence import EventDetail
from ..query import ArticleRow, ClaimRow, EntityRow, EventRow, Page, PlaceRow, Point


def event_row(row: EventRow) -> dict[str, Any]:
    return {
        "ref": row.ref,
        "article_key": row.article_key,
        "event": to_dict(row.event),
        "place": to_dict(row.place) if row.place else None,
        "claims": [to_dict(c) for c in row.claims],
        "title": row.title,
        "url": row.url,
        "published": row.published,
        "publisher": row.publisher,
        "language": row.language,
        "day": row.sort_day or None,
        "sources": 1,  # a merged event (later) counts its independent sources here
    }


def article_row(row: ArticleRow) -> dict[str, Any]:
    return to_dict(row)


def claim_row(row: ClaimRow) -> dict[str, Any]:
    return to_dict(row)


def entity_row(row: EntityRow) -> dict[str, Any]:
    return to_dict(row)


def place_row(row: PlaceRow) -> dict[str, Any]:
    return to_dict(row)


def point(p: Point) -> dict[str, Any]:
    """One GeoJSON Feature (coordinates are lon, lat)."""
    props = to_dict(p)
    lat, lon = props.pop("lat"), props.pop("lon")
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props}  # fmt: skip


def page(p: Page[Any], item: Any) -> dict[str, Any]:
    return {"items": [item(x) for x in p.items], "next_cursor": p.next_cursor}


def detail(d: EventDetail) -> dict[str, Any]:
    return {
        "ref": d.ref,
        "event": to_dict(d.event),
        "place": to_dict(d.place) if d.place else None,
        "summary": d.summary,
        "picture": [to_dict(g) for g in d.picture],
        "sources": [to_dict(s) for s in d.sources],
    }
