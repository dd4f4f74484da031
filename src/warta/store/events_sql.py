"""An :class:`~warta.query.EventFilter` -> one parameterised SQL query over ``events``.

Only constant SQL text is concatenated here; every user value is a ``?`` parameter.
Pages are cut by keyset (the last row's sort key, carried in an opaque cursor) so deep
pages cost as little as the first one and rows stored meanwhile do not shift them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .sql_parts import in_bbox, keyset, order_by, within_km

if TYPE_CHECKING:
    from ..query import EventFilter

_FROM = """
FROM events e
JOIN articles a ON a.key = e.article_key
LEFT JOIN places p ON p.article_key = e.article_key AND p.id = e.place_id
"""
_SELECT = """
SELECT e.article_key, e.event, a.title, a.url, a.published, a.path, a.language,
       a.publisher, p.place
""" + _FROM
# The day an event sorts by: its own date, else the day its article was published
# ('' sorts last when descending, so undated rows come at the end).
DAY = "coalesce(e.date_start, e.date_end, e.published_day, '')"
EVENT_ORDER = ((DAY, True), ("e.article_key", False), ("e.id", False))
_ORDER = order_by(EVENT_ORDER) + " LIMIT ? OFFSET ?"
# Claims about an event: the claim names the event, or the event names the claim.
_STANCE = """EXISTS (SELECT 1 FROM claims c WHERE c.article_key = e.article_key
  AND lower(c.stance) = lower(?)
  AND (list_contains(c.events, e.id)
       OR list_contains(json_extract_string(e.event, '$.claims[*]'), c.id)))"""
# Words a text search looks in: the evidence sentences, trigger, participants, place, title.
_SEARCHED = """lower(concat_ws(' ', array_to_string(json_extract_string(e.event,
  '$.evidence[*].text'), ' '), e.trigger, e.actor_text, e.recipient_text, e.place_name,
  a.title))"""


def event_where(flt: EventFilter) -> tuple[list[str], list[Any]]:
    """The WHERE clauses (joined by AND) and their parameters for ``flt``."""
    from ..query import country_code, decode_cursor, iso_day

    where: list[str] = []
    params: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        where.append(clause)
        params.extend(values)

    if flt.country:
        # the country an event involves: where it happened, or whose actor or recipient
        code = country_code(flt.country)
        add("? IN (upper(e.country), upper(e.actor_code), upper(e.recipient_code))", code)
    if flt.type:
        add("e.type = ?", flt.type.upper())
    if flt.mode:
        add("lower(e.mode) = lower(?)", flt.mode)
    if flt.status:
        add("lower(e.status) = lower(?)", flt.status)
    if flt.language:
        add("lower(e.language) = lower(?)", flt.language)
    if flt.publisher:
        add(
            "contains(lower(concat_ws(' ', e.publisher, a.domain)), lower(?))",
            flt.publisher.strip(),
        )
    if flt.article:
        add("e.article_key = ?", flt.article)
    since, until = iso_day(flt.since, "since"), iso_day(flt.until, "until")
    if since:
        add("coalesce(e.date_end, e.date_start, e.published_day) >= ?", since)
    if until:
        add("coalesce(e.date_start, e.date_end, e.published_day) <= ?", until)
    for side, value in (("actor", flt.actor), ("recipient", flt.recipient)):
        if value:
            # a code matches exactly; anything else is a substring of the words used
            add(
                f"(upper(e.{side}_code) = upper(?) OR contains(lower(e.{side}_text), lower(?)))",
                value.strip(),
                value.strip(),
            )
    if flt.sector:
        add(
            "(contains(lower(e.actor_sector), lower(?))"
            " OR contains(lower(e.recipient_sector), lower(?)))",
            flt.sector.strip(),
            flt.sector.strip(),
        )
    if flt.precision:
        add("lower(p.precision) = lower(?)", flt.precision)
    if flt.bbox:
        add(*_flat(in_bbox("e.lat", "e.lon", flt.bbox)))
    if flt.near:
        add(*_flat(within_km("e.lat", "e.lon", flt.near)))
    if flt.text:
        add(f"contains({_SEARCHED}, lower(?))", flt.text.strip())
    if flt.stance:
        add(_STANCE, flt.stance.strip())
    if flt.cursor:
        add(*_flat(keyset(EVENT_ORDER, decode_cursor(flt.cursor, 3))))
    return where, params


def _flat(clause: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (clause[0], *clause[1])


def _where_sql(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def events_query(flt: EventFilter) -> tuple[str, list[Any]]:
    where, params = event_where(flt)
    sql = _SELECT + _where_sql(where) + _ORDER
    params.extend([flt.limit, flt.offset])
    return sql, params


def timeline_query(flt: EventFilter) -> tuple[str, list[Any]]:
    """Events per day and type (day = the event's sort day) for ``flt``, oldest first."""
    where, params = event_where(flt)
    sql = (
        f"SELECT {DAY} AS day, e.type, count(*) " + _FROM + _where_sql(where)
        + f" GROUP BY {DAY}, e.type HAVING {DAY} <> '' ORDER BY day, e.type"
    )  # fmt: skip
    return sql, params


def points_query(flt: EventFilter) -> tuple[str, list[Any]]:
    """A lean row per located event (for maps): no JSON is parsed."""
    where, params = event_where(flt)
    where.append("e.lat IS NOT NULL AND e.lon IS NOT NULL")
    sql = (
        "SELECT e.article_key, e.id, e.type, e.status, e.lat, e.lon, p.precision,"
        f" e.place_name, e.country, {DAY}, a.title, e.actor_text, e.recipient_text"
        + _FROM + _where_sql(where) + _ORDER
    )  # fmt: skip
    params.extend([flt.limit, flt.offset])
    return sql, params
