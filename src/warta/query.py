"""The one query API over a store, shared by the CLI, the REST API and the dashboard.

Shells build an :class:`EventFilter` from their arguments and call these functions; no
query logic lives in a command or a route. Results are typed, frozen rows.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .errors import WartaError
from .lists import (
    ArticleFilter,
    ArticleRow,
    ClaimFilter,
    ClaimRow,
    EntityFilter,
    EntityRow,
    PlaceFilter,
    PlaceRow,
    list_articles,
    list_claims,
    list_entities,
    list_places,
)  # fmt: skip
from .records import EVENT_TYPES, Claim, Event, GeoPrecision, Place, Record, Stance
from .store.base import Failure
from .store.parts import day

if TYPE_CHECKING:
    from .merge.view import MergedEventDetail, MergedEventRow
    from .store.base import Store

__all__ = [
    "EventFilter", "EventRow", "Failure", "Page", "Point", "QueryError", "TimelineBin",
    "query_events", "page_events", "event_points", "event_timeline", "count_articles",
    "list_failures", "get_article", "event_ref", "parse_event_ref",
    "encode_cursor", "decode_cursor",
    "ArticleFilter", "ArticleRow", "ClaimFilter", "ClaimRow", "EntityFilter", "EntityRow",
    "PlaceFilter", "PlaceRow", "list_articles", "list_claims", "list_entities", "list_places",
]  # fmt: skip

T = TypeVar("T")
PRECISIONS: tuple[str, ...] = GeoPrecision.__args__  # type: ignore[attr-defined]
STANCES: tuple[str, ...] = Stance.__args__  # type: ignore[attr-defined]


class QueryError(WartaError, ValueError):
    """A filter value that cannot be used (bad date, unknown event type, negative limit)."""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. ``None`` means "any"; text matches ignore case.

    - ``country``: ISO 3166-1 alpha-3 (or alpha-2) of the event's place, actor or recipient.
    - ``type``/``mode``/``status``: PLOVER type, mode and the event's status.
    - ``since``/``until``: inclusive ISO dates; an event matches when its date window
      overlaps them (an event without a date uses its article's publication day).
    - ``actor``/``recipient``: an actor code (``RUS``, ``NATO``) or a substring of the words.
    - ``language``: ISO 639-1 of the article; ``publisher``: substring of its publisher
      (the outlet) or of its domain.
    - ``article``: one article key.
    - ``sector``: substring of the actor's or recipient's PLOVER sector.
    - ``precision``: the place's precision (``point``, ``town``, ``admin1``...).
    - ``bbox``: (west, south, east, north) in degrees; ``near``: (lat, lon, radius km).
    - ``text``: words in the evidence, trigger, participants, place or title.
    - ``stance``: some claim about the event has this stance (``deny``, ``confirm``...).
    - ``cursor``: the ``next_cursor`` of the previous :class:`Page` (keyset paging).
    """

    country: str | None = None
    type: str | None = None
    mode: str | None = None
    status: str | None = None
    since: date | str | None = None
    until: date | str | None = None
    actor: str | None = None
    recipient: str | None = None
    language: str | None = None
    publisher: str | None = None
    article: str | None = None
    limit: int = 100
    offset: int = 0
    sector: str | None = None
    precision: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    near: tuple[float, float, float] | None = None
    text: str | None = None
    stance: str | None = None
    cursor: str | None = None

    def __post_init__(self) -> None:
        if self.limit < 0 or self.offset < 0:
            raise QueryError("limit and offset must not be negative")
        if self.type is not None and self.type.upper() not in EVENT_TYPES:
            raise QueryError(f"unknown event type {self.type!r}; one of {list(EVENT_TYPES)}")
        for name in ("since", "until"):
            iso_day(getattr(self, name), name)  # fail early, at the shell boundary
        _check_choice("precision", self.precision, PRECISIONS)
        _check_choice("stance", self.stance, STANCES)
        _check_geo(self.bbox, self.near)
        if self.cursor is not None:
            decode_cursor(self.cursor, 3)


def _check_choice(name: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value.strip().lower() not in allowed:
        raise QueryError(f"unknown {name} {value!r}; one of {list(allowed)}")


def _check_geo(
    bbox: tuple[float, float, float, float] | None, near: tuple[float, float, float] | None
) -> None:
    if bbox is not None:
        if len(bbox) != 4:
            raise QueryError("bbox wants west,south,east,north")
        west, south, east, north = bbox
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise QueryError(f"bbox {bbox} is not west,south,east,north in degrees")
    if near is not None:
        if len(near) != 3:
            raise QueryError("near wants lat,lon,radius_km")
        lat, lon, km = near
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
            raise QueryError(f"near {near} is not lat,lon,radius_km (radius > 0)")


def encode_cursor(values: Sequence[str | int | float | None]) -> str:
    """An opaque, URL-safe page cursor holding a row's sort key."""
    raw = json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(token: str, size: int) -> list[Any]:
    """The sort key inside a cursor made by :func:`encode_cursor`, checked for its size."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        values = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise QueryError(f"not a valid cursor: {token[:40]!r}") from None
    if not isinstance(values, list) or len(values) != size:
        raise QueryError(f"not a valid cursor: {token[:40]!r}")
    return values


def event_ref(article_key: str, event_id: str) -> str:
    """One URL-safe id for an event across the store: its article key and its id."""
    return encode_cursor([article_key, event_id])


def parse_event_ref(ref: str) -> tuple[str, str]:
    """(article key, event id) from :func:`event_ref`; raises :class:`QueryError`."""
    key, event_id = decode_cursor(ref, 2)
    if not isinstance(key, str) or not isinstance(event_id, str):
        raise QueryError(f"not a valid event id: {ref[:40]!r}")
    return key, event_id


def iso_day(value: date | str | None, name: str = "date") -> str | None:
    """``value`` as YYYY-MM-DD (a longer ISO timestamp keeps its date part)."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise QueryError(f"{name}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-3 code from alpha-3 or alpha-2 input."""
    code = value.strip().upper()
    if len(code) == 2:
        import pycountry  # loaded only when someone filters by a 2-letter code

        found = pycountry.countries.get(alpha_2=code)
        if found is None:
            raise QueryError(f"unknown country code {value!r}")
        return str(found.alpha_3)
    return code


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event with what a reader needs beside it: its article and the claims about it."""

    article_key: str
    event: Event
    title: str | None
    url: str | None
    published: str | None
    path: str | None
    language: str | None
    publisher: str | None
    place: Place | None = None
    claims: tuple[Claim, ...] = ()

    @property
    def ref(self) -> str:
        return event_ref(self.article_key, self.event.id)

    @property
    def sort_day(self) -> str:
        """The day the store sorts this event by (same rule as the SQL)."""
        e = self.event
        return (e.date.start or e.date.end if e.date else None) or day(self.published) or ""

    def flat(self) -> dict[str, str | int | float | None]:
        """One flat row (for tables and CSV): the event, its place and who claims it."""
        e = self.event
        return {
            "event": e.id,
            "type": e.type,
            "mode": e.mode,
            "actor": e.actor.text if e.actor else None,
            "actor_code": e.actor.code if e.actor else None,
            "actor_sector": e.actor.sector if e.actor else None,
            "recipient": e.recipient.text if e.recipient else None,
            "recipient_code": e.recipient.code if e.recipient else None,
            "place": self.place.name if self.place else None,
            "country": self.place.country if self.place else None,
            "lat": self.place.lat if self.place else None,
            "lon": self.place.lon if self.place else None,
            "date_start": e.date.start if e.date else None,
            "date_end": e.date.end if e.date else None,
            "status": e.status,
            "claimed_by": "; ".join(f"{c.speaker.text} ({c.stance})" for c in self.claims),
            "evidence": e.evidence[0].text if e.evidence else None,
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "url": self.url,
            "article": self.article_key,
        }


def query_events(store: Store, flt: EventFilter | None = None) -> list[EventRow]:
    """Events matching ``flt``, newest first (by event date, else publication day)."""
    return store.query_events(flt or EventFilter())


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of rows and the cursor of the next (None on the last page)."""

    items: tuple[T, ...]
    next_cursor: str | None = None


def page_events(store: Store, flt: EventFilter | None = None) -> Page[EventRow]:
    """Like :func:`query_events`, with the cursor of the next page."""
    flt = flt or EventFilter()
    rows = store.query_events(replace(flt, limit=flt.limit + 1))
    more = len(rows) > flt.limit
    rows = rows[: flt.limit]
    cursor = None
    if more and rows:
        last = rows[-1]
        cursor = encode_cursor([last.sort_day, last.article_key, last.event.id])
    return Page(tuple(rows), cursor)


@dataclass(frozen=True, slots=True)
class TimelineBin:
    day: str
    type: str
    count: int


def event_timeline(store: Store, flt: EventFilter | None = None) -> list[TimelineBin]:
    """Matching events counted per day and type (limit, offset and cursor are ignored)."""
    from .store.events_sql import timeline_query

    sql, params = timeline_query(replace(flt or EventFilter(), cursor=None))
    return [TimelineBin(str(d), t, int(n)) for d, t, n in store.select(sql, params)]


@dataclass(frozen=True, slots=True)
class Point:
    """A located event, lean enough to draw thousands on a map."""

    ref: str
    type: str
    status: str | None
    lat: float
    lon: float
    precision: str | None
    place: str | None
    country: str | None
    day: str | None
    title: str | None
    actor: str | None
    recipient: str | None
    sources: int = 1  # independent sources (a merged event's; an article event is one)


def event_points(store: Store, flt: EventFilter | None = None) -> list[Point]:
    """Matching events that have coordinates, newest first, up to ``flt.limit``."""
    from .store.events_sql import points_query

    sql, params = points_query(flt or EventFilter())
    return [
        Point(event_ref(key, eid), typ, status, lat, lon, prec, place, country, d or None,
              title, actor, recipient)  # fmt: skip
        for key, eid, typ, status, lat, lon, prec, place, country, d, title, actor, recipient
        in store.select(sql, params)
    ]


def count_articles(store: Store) -> int:
    return store.count_articles()


def list_failures(
    store: Store, reason: str | None = None, limit: int | None = None
) -> list[Failure]:
    """Inputs that did not become an article, latest first, optionally of one reason."""
    return store.failures(reason=reason, limit=limit)


def get_article(store: Store, doc: str) -> Record | None:
    """One stored record by article key (url or doc_id), doc_id or input path."""
    return store.get(doc)


# -- merged events (warta.merge): one happening across articles -----------------------------


def query_merged_events(
    store: Store, flt: EventFilter | None = None, min_sources: int = 1
) -> list[MergedEventRow]:
    """Merged events (one per happening, across articles) matching ``flt``, each with its
    number of independent sources; ``min_sources`` drops thinner ones."""
    from .merge.view import query_merged

    if min_sources < 1:
        raise QueryError("min_sources must be at least 1")
    return query_merged(store, flt or EventFilter(), min_sources)


def get_merged_event(store: Store, merged_id: str) -> MergedEventDetail:
    """Every article, sentence and claim behind one merged event (``MergeError`` if none)."""
    from .merge.view import merged_detail

    return merged_detail(store, merged_id)


def has_merged_events(store: Store) -> bool:
    """Whether the store has been merged (``warta merge``) at least once."""
    from .merge.view import has_merged

    return has_merged(store)
