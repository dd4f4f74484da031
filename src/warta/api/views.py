"""Query-layer rows -> the JSON the REST API returns (plain dicts, stable field names)."""

from __future__ import annotations

from typing import Any

from ..codec import to_dict
from ..evidence import EventDetail
from ..merge.browse import MergedEvidence, MergedListRow
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
        "sources": 1,  # one article; a merged event (merged_row) counts its sources
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


# -- merged events (one per happening, across articles) ---------------------------------


def merged_row(row: MergedListRow) -> dict[str, Any]:
    """A merged event in a list; ``sources`` counts independent sources, ``outlets`` names
    them, ``claims`` groups every claim by stance, ``quantities`` spans the reports."""
    m = row.event
    return {
        "ref": m.id,
        "merged": True,
        "type": m.type,
        "actor": _side(m.actor_text, m.actor_code),
        "recipient": _side(m.recipient_text, m.recipient_code),
        "place": (
            {"name": m.place, "country": m.country, "lat": m.lat, "lon": m.lon}
            if m.place or m.lat is not None
            else None
        ),  # fmt: skip
        "date": {"start": m.date_start, "end": m.date_end} if m.date_start else None,
        "day": row.sort_day or None,
        "title": row.title,
        "first_article": m.first_article,
        "first_published": m.first_published,
        "languages": list(m.languages),
        "sources": m.n_sources,
        "outlets": list(m.sources),
        "articles": m.n_articles,
        "events": m.n_events,
        "score": m.score,
        "summary": m.summary,
        "claims": m.claims,
        "quantities": m.quantities,
    }


def merged_detail(d: MergedEvidence) -> dict[str, Any]:
    """One merged event: the list row's fields (its count as ``n_sources``), the claim
    picture, every source article (with its role in the story, text and highlights) as
    ``sources``, and the links that merged them."""
    out = merged_row(MergedListRow(d.event, d.sources[0].source.title if d.sources else None))
    out["picture"] = [to_dict(g) for g in d.picture]
    out["picture_line"] = d.summary
    out["n_sources"] = out.pop("sources")
    out["sources"] = [  # the same shape as a per-article event's sources, plus the story role
        to_dict(s.source)
        | {
            "role": s.role,
            "relay_of": s.relay_of,
            "origin": s.origin,
            "story": s.cluster_id,
        }  # fmt: skip
        for s in d.sources
    ]
    out["links"] = [
        {
            "id": l_.id,
            "a": list(l_.a),
            "b": list(l_.b),
            "kind": l_.kind,
            "score": l_.score,
            "state": l_.state,
            "evidence": l_.evidence,
        }  # fmt: skip
        for l_ in d.links
    ]
    return out


def _side(text: str | None, code: str | None) -> dict[str, str | None] | None:
    return {"text": text or code, "code": code} if text or code else None
