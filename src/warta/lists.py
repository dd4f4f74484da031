"""The list half of the query layer: articles, claims, entities and places, page by page.

Each list has a frozen filter (``None`` = any; text matches ignore case) and a frozen row;
:func:`warta.query` re-exports everything here, so shells import from one place.
Pages are cut by keyset: pass a page's ``next_cursor`` back as the filter's ``cursor``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .codec import from_dict
from .records import Claim
from .store import lists_sql

if TYPE_CHECKING:
    from .query import Page
    from .store.base import Store

R = TypeVar("R")
MAX_LIMIT = 10_000


def _check_limit(limit: int) -> None:
    from .query import QueryError

    if not 0 < limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    language: str | None = None
    publisher: str | None = None  # substring of the outlet's name or domain
    text: str | None = None  # words in the title
    since: str | None = None  # published on or after (ISO date)
    until: str | None = None
    has_events: bool = False
    limit: int = 100
    cursor: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleRow:
    key: str
    doc_id: str
    url: str | None
    title: str | None
    published: str | None
    language: str | None
    publisher: str | None
    domain: str | None
    path: str | None
    n_events: int
    n_claims: int
    n_entities: int
    n_places: int


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    stance: str | None = None
    speaker: str | None = None  # substring of the speaker's words
    text: str | None = None  # words in the claimed content
    article: str | None = None
    language: str | None = None
    since: str | None = None  # article published on or after
    until: str | None = None
    limit: int = 100
    cursor: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimRow:
    article_key: str
    claim: Claim
    title: str | None
    url: str | None
    published: str | None
    publisher: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class EntityFilter:
    type: str | None = None  # PERSON, ORG, GPE...
    code: str | None = None  # actor code
    sector: str | None = None
    name: str | None = None  # substring of the name
    limit: int = 100
    cursor: str | None = None


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One entity name across the store: how many articles and mentions name it."""

    name: str
    type: str
    code: str | None
    sector: str | None
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class PlaceFilter:
    country: str | None = None  # ISO alpha-3 (or alpha-2)
    precision: str | None = None
    name: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    near: tuple[float, float, float] | None = None
    limit: int = 100
    cursor: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One place across the store (same name and GeoNames id)."""

    name: str
    geonameid: int | None
    country: str | None
    admin1: str | None
    feature: str | None
    precision: str | None
    lat: float | None
    lon: float | None
    articles: int
    mentions: int


def _page(
    store: Store,
    built: tuple[str, list[Any]],
    limit: int,
    make: Callable[[tuple[Any, ...]], R],
    key: Callable[[tuple[Any, ...]], list[Any]],
) -> Page[R]:
    from .query import Page, encode_cursor

    rows = store.select(*built)
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = encode_cursor(key(rows[-1])) if more and rows else None
    return Page(tuple(make(r) for r in rows), cursor)


F = TypeVar("F", ArticleFilter, ClaimFilter)


def _days(flt: F) -> F:
    """``flt`` with its since/until as plain ISO days (raises QueryError on a bad date)."""
    from dataclasses import replace

    from .query import iso_day

    return replace(flt, since=iso_day(flt.since, "since"), until=iso_day(flt.until, "until"))


def _cursor(token: str | None, size: int) -> list[Any] | None:
    from .query import decode_cursor

    return decode_cursor(token, size) if token else None


def list_articles(store: Store, flt: ArticleFilter | None = None) -> Page[ArticleRow]:
    """Stored articles, newest first."""
    flt = _days(flt or ArticleFilter())
    _check_limit(flt.limit)
    built = lists_sql.articles_query(flt, _cursor(flt.cursor, 2))
    return _page(store, built, flt.limit, lambda r: ArticleRow(*r[:13]), lambda r: [r[13], r[0]])


def list_claims(store: Store, flt: ClaimFilter | None = None) -> Page[ClaimRow]:
    """Claims (who said what, with which stance), newest article first."""
    flt = _days(flt or ClaimFilter())
    _check_limit(flt.limit)
    built = lists_sql.claims_query(flt, _cursor(flt.cursor, 3))

    def make(r: tuple[Any, ...]) -> ClaimRow:
        claim = from_dict(Claim, json.loads(r[1]))
        return ClaimRow(r[0], claim, *r[2:7])

    return _page(store, built, flt.limit, make, lambda r: [r[7], r[0], json.loads(r[1])["id"]])


def list_entities(store: Store, flt: EntityFilter | None = None) -> Page[EntityRow]:
    """Entities by name and type, the most widely named first."""
    flt = flt or EntityFilter()
    _check_limit(flt.limit)
    built = lists_sql.entities_query(flt, _cursor(flt.cursor, 3))
    return _page(
        store, built, flt.limit,
        lambda r: EntityRow(r[0], r[1], r[2], r[3], int(r[4]), int(r[5] or 0)),
        lambda r: [int(r[4]), r[0], r[1]],
    )  # fmt: skip


def list_places(store: Store, flt: PlaceFilter | None = None) -> Page[PlaceRow]:
    """Places by name and GeoNames id, the most widely named first."""
    from .query import country_code

    flt = flt or PlaceFilter()
    _check_limit(flt.limit)
    if flt.country:
        from dataclasses import replace

        flt = replace(flt, country=country_code(flt.country))
    built = lists_sql.places_query(flt, _cursor(flt.cursor, 3))

    def make(r: tuple[Any, ...]) -> PlaceRow:
        name, gid, country, admin1, feature, precision, lat, lon, articles, mentions = r
        gid = None if gid == -1 else int(gid)
        return PlaceRow(name, gid, country, admin1, feature, precision, lat, lon,
                        int(articles), int(mentions or 0))  # fmt: skip

    return _page(store, built, flt.limit, make, lambda r: [int(r[8]), r[0], int(r[1])])
