"""Query-string parameters -> the query layer's filters (one place for every route).

Every list route takes ``limit`` and ``cursor``; the event routes (lists, map points,
timeline, exports) share one set of event filters so a dashboard view can be exported
as it is.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from ..query import EventFilter, QueryError


def _floats(value: str | None, n: int, name: str) -> tuple[float, ...] | None:
    if value is None or not value.strip():
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise QueryError(f"{name} wants {n} comma-separated numbers, got {value!r}") from None
    if len(parts) != n:
        raise QueryError(f"{name} wants {n} comma-separated numbers, got {value!r}")
    return parts


def _blank(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


Str = Annotated[str | None, Query()]


def event_filter(
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-3/alpha-2 of place, actor or recipient")] = None,  # noqa: E501
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT")] = None,
    mode: Str = None,
    status: Annotated[str | None, Query(description="occurred, ongoing, planned, threatened, denied, hypothetical")] = None,  # noqa: E501
    since: Annotated[str | None, Query(description="ISO date: events ending on/after")] = None,
    until: Annotated[str | None, Query(description="ISO date: events starting on/before")] = None,
    actor: Annotated[str | None, Query(description="actor code or words of its name")] = None,
    recipient: Annotated[str | None, Query(description="recipient code or words")] = None,
    sector: Annotated[str | None, Query(description="PLOVER sector of actor or recipient")] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 of the article")] = None,
    outlet: Annotated[str | None, Query(description="words of the publisher or domain")] = None,
    article: Annotated[str | None, Query(description="one article key")] = None,
    precision: Annotated[str | None, Query(description="place precision: point, town, admin2, admin1, country")] = None,  # noqa: E501
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    near: Annotated[str | None, Query(description="lat,lon,radius_km")] = None,
    q: Annotated[str | None, Query(description="words in evidence, participants, place or title")] = None,  # noqa: E501
    stance: Annotated[str | None, Query(description="some claim about the event has this stance")] = None,  # noqa: E501
    limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> EventFilter:
    return EventFilter(
        country=_blank(country),
        type=_blank(type.upper() if type else None),
        mode=_blank(mode),
        status=_blank(status),
        since=_blank(since),
        until=_blank(until),
        actor=_blank(actor),
        recipient=_blank(recipient),
        sector=_blank(sector),
        language=_blank(language),
        publisher=_blank(outlet),
        article=_blank(article),
        precision=_blank(precision),
        bbox=_floats(bbox, 4, "bbox"),  # type: ignore[arg-type]
        near=_floats(near, 3, "near"),  # type: ignore[arg-type]
        text=_blank(q),
        stance=_blank(stance),
        limit=limit,
        cursor=_blank(cursor),
    )
