"""An :class:`~warta.query.EventFilter` -> one parameterised SQL query over ``events``.

Only constant SQL text is concatenated here; every user value is a ``?`` parameter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..query import EventFilter

_SELECT = """
SELECT e.article_key, e.event, a.title, a.url, a.published, a.path, a.language,
       a.publisher, p.place
FROM events e
JOIN articles a ON a.key = e.article_key
LEFT JOIN places p ON p.article_key = e.article_key AND p.id = e.place_id
"""
# Newest first by the event's own date, else the day its article was published.
_ORDER = """
ORDER BY coalesce(e.date_start, e.date_end, e.published_day) DESC NULLS LAST,
         e.article_key, e.id
LIMIT ? OFFSET ?
"""


def events_query(flt: EventFilter) -> tuple[str, list[Any]]:
    from ..query import country_code, iso_day

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
        add("contains(lower(e.publisher), lower(?))", flt.publisher)
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
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    params.extend([flt.limit, flt.offset])
    return sql, params
