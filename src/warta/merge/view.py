"""Reading merged events back: the list (with source counts) and one event's full story.

Used by :mod:`warta.query` (and so the CLI and API); filters reuse
:class:`~warta.query.EventFilter` so one vocabulary serves both views.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..codec import from_json
from ..records import Claim, Event
from .summary import claims_of
from .tables import load_links
from .types import Link, MergeError

if TYPE_CHECKING:
    from ..query import EventFilter

_COLUMNS = (
    "id, type, n_events, n_articles, n_sources, sources, actor_code, actor_text, recipient_code,"
    " recipient_text, place_name, country, lat, lon, date_start, date_end, first_published,"
    " first_article, languages, score, summary, claims, quantities"
)


@dataclass(frozen=True, slots=True)
class MergedEventRow:
    """One happening as reported across articles, with how many independent sources."""

    id: str
    type: str
    n_events: int
    n_articles: int
    n_sources: int
    sources: tuple[str, ...]
    actor_code: str | None
    actor_text: str | None
    recipient_code: str | None
    recipient_text: str | None
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None
    date_start: str | None
    date_end: str | None
    first_published: str | None
    first_article: str
    languages: tuple[str, ...]
    score: float | None
    summary: str  # claims by stance, one line
    claims: dict[str, list[dict[str, str]]]
    quantities: list[dict[str, Any]]

    def flat(self) -> dict[str, str | int | float | None]:
        return {
            "merged_event": self.id, "type": self.type, "sources": self.n_sources,
            "articles": self.n_articles, "actor": self.actor_text, "actor_code": self.actor_code,
            "recipient": self.recipient_text, "recipient_code": self.recipient_code,
            "place": self.place, "country": self.country, "lat": self.lat, "lon": self.lon,
            "date_start": self.date_start, "date_end": self.date_end,
            "first_published": self.first_published, "languages": ",".join(self.languages),
            "outlets": ", ".join(self.sources), "claims": self.summary,
            "quantities": "; ".join(
                f"{q['min']:g}..{q['max']:g} {q['unit'] or ''}".strip() for q in self.quantities
            ),
            "score": self.score,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class MergedMember:
    """One article's event inside a merged event, with where the article stands in the story."""

    article_key: str
    event: Event
    title: str | None
    url: str | None
    publisher: str | None
    published: str | None
    language: str | None
    cluster_id: str | None
    role: str | None  # first | independent | duplicate | relay
    relay_of: str | None
    origin: str | None
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class MergedEventDetail:
    event: MergedEventRow
    members: tuple[MergedMember, ...]
    links: tuple[Link, ...]  # the event links inside it (with evidence and score)


def has_merged(store: Any) -> bool:
    try:
        return bool(store.con.execute("SELECT EXISTS (SELECT 1 FROM merged_events)").fetchone()[0])
    except Exception:  # a read-only store made before merging existed: no table
        return False


def _row(r: tuple[Any, ...]) -> MergedEventRow:
    return MergedEventRow(
        *r[:5], tuple(r[5] or ()), *r[6:18], tuple(r[18] or ()), r[19], r[20] or "",
        json.loads(r[21] or "{}"), json.loads(r[22] or "[]"),
    )  # fmt: skip


def query_merged(store: Any, flt: EventFilter, min_sources: int = 1) -> list[MergedEventRow]:
    """Merged events matching ``flt`` and backed by at least ``min_sources`` sources."""
    from ..query import country_code, iso_day

    where, params = ["n_sources >= ?"], [min_sources]
    if flt.country:
        where.append("? IN (upper(country), upper(actor_code), upper(recipient_code))")
        params.append(country_code(flt.country))
    if flt.type:
        where.append("type = ?")
        params.append(flt.type.upper())
    if flt.language:
        where.append("list_contains(languages, lower(?))")
        params.append(flt.language)
    since, until = iso_day(flt.since, "since"), iso_day(flt.until, "until")
    if since:
        where.append("coalesce(date_end, date_start, first_published[:10]) >= ?")
        params.append(since)
    if until:
        where.append("coalesce(date_start, date_end, first_published[:10]) <= ?")
        params.append(until)
    for side, value in (("actor", flt.actor), ("recipient", flt.recipient)):
        if value:
            where.append(
                f"(upper({side}_code) = upper(?) OR contains(lower({side}_text), lower(?)))"
            )
            params.extend([value.strip(), value.strip()])
    sql = (
        f"SELECT {_COLUMNS} FROM merged_events WHERE {' AND '.join(where)}"
        " ORDER BY coalesce(date_start, first_published[:10]) DESC NULLS LAST, n_sources DESC, id"
        " LIMIT ? OFFSET ?"
    )
    rows = store.con.execute(sql, [*params, flt.limit, flt.offset]).fetchall()
    return [_row(r) for r in rows]


def merged_detail(store: Any, merged_id: str) -> MergedEventDetail:
    """Every article, sentence and claim behind one merged event."""
    con = store.con
    found = con.execute(
        f"SELECT {_COLUMNS} FROM merged_events WHERE id = ?", [merged_id]
    ).fetchall()
    if not found:
        raise MergeError(f"no merged event {merged_id!r} (see `warta events`)")
    rows = con.execute(
        "SELECT m.article_key, m.event_id, a.record, a.title, a.url, a.publisher, a.published,"
        " a.language, c.cluster_id, c.role, c.relay_of, c.origin FROM merged_members m"
        " JOIN articles a ON a.key = m.article_key LEFT JOIN article_clusters c ON c.key = a.key"
        " WHERE m.merged_id = ? ORDER BY a.published, m.article_key, m.event_id",
        [merged_id],
    ).fetchall()
    members = []
    nodes = set()
    for key, eid, rec, title, url, pub, published, lang, cid, role, relay, origin in rows:
        record = from_json(rec)
        event = next((e for e in record.events if e.id == eid), None)
        if event is None:
            continue
        from .summary import Member

        nodes.add((key, eid))
        members.append(
            MergedMember(
                key,
                event,
                title,
                url,
                pub,
                published,
                lang,
                cid,
                role,
                relay,
                origin,
                tuple(claims_of(Member(key, record, event))),
            )  # fmt: skip
        )
    links = tuple(
        l_ for l_ in load_links(con, "event", active=False) if l_.a in nodes and l_.b in nodes
    )
    return MergedEventDetail(_row(found[0]), tuple(members), links)
