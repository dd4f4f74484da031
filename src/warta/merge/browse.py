"""Merged events for browsing: filtered pages, map points, timeline, one event's evidence.

The REST API and the dashboard read merged events through these, with the same
:class:`~warta.query.EventFilter` as per-article events: a merged event matches when at
least one of the article events inside it matches (so every per-article filter, text
search and claim stance included, works on the merged view too), and has at least
``min_sources`` independent sources. Pages are cut by keyset, like per-article pages.
Callers that share one connection between threads hold their store lock around a call.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..evidence import Source, StanceGroup, highlights, picture
from ..records import Claim
from ..store.events_sql import event_where
from ..store.sql_parts import keyset, order_by
from .types import Link, MergeError
from .view import _COLUMNS, MergedEventRow, _row, merged_detail

if TYPE_CHECKING:
    from ..query import EventFilter, Page, Point, TimelineBin

_M_COLUMNS = ", ".join("m." + c.strip() for c in _COLUMNS.split(","))
_DAY = "coalesce(m.date_start, m.first_published[:10], '')"
_ORDER = ((_DAY, True), ("m.n_sources", True), ("m.id", False))
# A member event matching the per-article filter (the same joins as the events query).
_MEMBER = """EXISTS (SELECT 1 FROM merged_members mm
  JOIN events e ON e.article_key = mm.article_key AND e.id = mm.event_id
  JOIN articles a ON a.key = e.article_key
  LEFT JOIN places p ON p.article_key = e.article_key AND p.id = e.place_id
  WHERE mm.merged_id = m.id AND {})"""
# The precision of the member place the merged event is drawn at.
_PRECISION = """(SELECT min(p2.precision) FROM merged_members mm2
  JOIN events e2 ON e2.article_key = mm2.article_key AND e2.id = mm2.event_id
  JOIN places p2 ON p2.article_key = e2.article_key AND p2.id = e2.place_id
  WHERE mm2.merged_id = m.id AND p2.lat = m.lat AND p2.lon = m.lon)"""


@dataclass(frozen=True, slots=True)
class MergedListRow:
    """A merged event in a list, with the title of the article that reported it first."""

    event: MergedEventRow
    title: str | None

    @property
    def sort_day(self) -> str:
        e = self.event
        return e.date_start or (e.first_published or "")[:10]


@dataclass(frozen=True, slots=True)
class MergedSource:
    """One article behind a merged event, as that article tells it, and its place in the
    story: ``role`` is first, independent, relay or duplicate."""

    source: Source
    role: str | None
    relay_of: str | None
    origin: str | None
    cluster_id: str | None


@dataclass(frozen=True, slots=True)
class MergedEvidence:
    """Every article, sentence and claim behind one merged event, and the claim picture."""

    event: MergedEventRow
    sources: tuple[MergedSource, ...]
    picture: tuple[StanceGroup, ...]
    links: tuple[Link, ...]

    @property
    def summary(self) -> str:
        return "; ".join(f"{g.words} {', '.join(g.speakers)}" for g in self.picture)


def merged_where(flt: EventFilter, min_sources: int = 1) -> tuple[list[str], list[Any]]:
    """WHERE clauses over ``merged_events m`` for ``flt`` and ``min_sources``."""
    from ..query import QueryError, decode_cursor

    if min_sources < 1:
        raise QueryError("min_sources must be at least 1")
    where, params = ["m.n_sources >= ?"], [min_sources]
    member, member_params = event_where(replace(flt, cursor=None))
    if member:
        where.append(_MEMBER.format(" AND ".join(member)))
        params.extend(member_params)
    if flt.cursor:
        values = decode_cursor(flt.cursor, 3)
        if not (isinstance(values[0], str) and type(values[1]) is int
                and isinstance(values[2], str)):  # fmt: skip
            raise QueryError("that cursor belongs to the per-article view, not the merged one")
        clause, more = keyset(_ORDER, values)
        where.append(clause)
        params.extend(more)
    return where, params


def page_merged(store: Any, flt: EventFilter, min_sources: int = 1) -> Page[MergedListRow]:
    """Merged events matching ``flt``, newest first, with the cursor of the next page."""
    from ..query import Page, encode_cursor

    where, params = merged_where(flt, min_sources)
    sql = (
        f"SELECT {_M_COLUMNS}, a.title FROM merged_events m"
        " LEFT JOIN articles a ON a.key = m.first_article WHERE " + " AND ".join(where)
        + order_by(_ORDER) + " LIMIT ? OFFSET ?"
    )  # fmt: skip
    rows = store.con.execute(sql, [*params, flt.limit + 1, flt.offset]).fetchall()
    items = [MergedListRow(_row(r[:-1]), r[-1]) for r in rows[: flt.limit]]
    cursor = None
    if len(rows) > flt.limit and items:
        last = items[-1]
        cursor = encode_cursor([last.sort_day, last.event.n_sources, last.event.id])
    return Page(tuple(items), cursor)


def merged_points(store: Any, flt: EventFilter, min_sources: int = 1) -> list[Point]:
    """Located merged events (one dot per happening, not per report), newest first."""
    from ..query import Point

    where, params = merged_where(replace(flt, cursor=None), min_sources)
    where.append("m.lat IS NOT NULL AND m.lon IS NOT NULL")
    sql = (
        f"SELECT m.id, m.type, m.lat, m.lon, {_PRECISION}, m.place_name, m.country, {_DAY},"
        " a.title, m.actor_text, m.recipient_text, m.n_sources FROM merged_events m"
        " LEFT JOIN articles a ON a.key = m.first_article WHERE " + " AND ".join(where)
        + order_by(_ORDER) + " LIMIT ?"
    )  # fmt: skip
    rows = store.con.execute(sql, [*params, flt.limit]).fetchall()
    return [
        Point(ref, typ, None, lat, lon, prec, place, country, day or None, title, actor,
              recipient, n)  # fmt: skip
        for ref, typ, lat, lon, prec, place, country, day, title, actor, recipient, n in rows
    ]


def merged_timeline(store: Any, flt: EventFilter, min_sources: int = 1) -> list[TimelineBin]:
    """Merged events counted per day and type (each happening once)."""
    from ..query import TimelineBin

    where, params = merged_where(replace(flt, cursor=None), min_sources)
    sql = (
        f"SELECT {_DAY} AS day, m.type, count(*) FROM merged_events m WHERE "
        + " AND ".join(where) + f" GROUP BY {_DAY}, m.type HAVING {_DAY} <> ''"
        " ORDER BY day, m.type"
    )  # fmt: skip
    return [TimelineBin(str(d), t, int(n)) for d, t, n in store.con.execute(sql, params).fetchall()]


def merged_evidence(store: Any, merged_id: str) -> MergedEvidence | None:
    """One merged event with, per article, its text and the spans to highlight; None if
    there is no such merged event."""
    try:
        detail = merged_detail(store, merged_id)
    except MergeError:
        return None
    sources = []
    claims: list[Claim] = []
    for m in detail.members:
        record = store.get(m.article_key)
        if record is None:  # deleted since the last merge run
            continue
        place = next((p for p in record.places if p.id == m.event.place), None)
        source = Source(
            article_key=m.article_key, event=m.event, title=m.title, url=m.url,
            published=m.published, publisher=m.publisher, language=m.language,
            text=record.article.text, place=place, claims=m.claims,
            highlights=highlights(record, m.event, m.claims),
        )  # fmt: skip
        sources.append(MergedSource(source, m.role, m.relay_of, m.origin, m.cluster_id))
        claims.extend(m.claims)
    return MergedEvidence(detail.event, tuple(sources), picture(claims), detail.links)


def merged_of(store: Any, article_key: str, event_id: str) -> tuple[str, int] | None:
    """The merged event holding one article event: (its id, its number of sources)."""
    try:
        found = store.con.execute(
            "SELECT m.id, m.n_sources FROM merged_members mm JOIN merged_events m"
            " ON m.id = mm.merged_id WHERE mm.article_key = ? AND mm.event_id = ?",
            [article_key, event_id],
        ).fetchone()
    except Exception:  # a store made before merging existed has no merge tables
        return None
    return (str(found[0]), int(found[1])) if found else None
