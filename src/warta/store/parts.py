"""A record -> the rows it adds to each table (in the column order of :mod:`.schema`)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from ..codec import to_dict, to_json
from ..records import Participant, Place, Record

Row = tuple[Any, ...]

_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def day(value: str | None) -> str | None:
    """The YYYY-MM-DD prefix of an ISO date or timestamp, else None."""
    return value[:10] if value and _DAY_RE.match(value) else None


def _who(p: Participant | None) -> Row:
    return (p.text, p.entity, p.code, p.sector) if p else (None, None, None, None)


def _compact(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))


def article_rows(key: str, path: str | None, record: Record, now: datetime) -> dict[str, list[Row]]:
    """Rows for ``articles`` and every part table, for one article."""
    src, art = record.source, record.article
    places: dict[str, Place] = {p.id: p for p in record.places}
    out: dict[str, list[Row]] = {
        "articles": [
            (
                key,
                record.doc_id,
                path or src.path,
                src.url,
                art.title,
                art.published,
                day(art.published),
                art.language,
                src.publisher,
                src.domain,
                art.dateline,
                list(art.authors),
                len(art.text),
                len(record.entities),
                len(record.places),
                len(record.events),
                len(record.claims),
                len(record.quantities),
                to_json(record),
                now,
            )
        ],
        "entities": [
            (key, e.id, e.name, e.type, e.code, e.sector, e.role, len(e.mentions))
            for e in record.entities
        ],
        "entity_mentions": [
            (key, e.id, m.start, m.end, m.text) for e in record.entities for m in e.mentions
        ],
        "places": [
            (
                key,
                p.id,
                p.name,
                p.geonameid,
                p.feature,
                p.country,
                p.admin1,
                p.lat,
                p.lon,
                p.precision,
                len(p.mentions),
                _compact(p),
            )
            for p in record.places
        ],
        "claims": [
            (
                key,
                c.id,
                c.speaker.text,
                c.speaker.entity,
                c.stance,
                c.cue,
                c.content.text,
                c.date,
                list(c.events),
                _compact(c),
            )
            for c in record.claims
        ],
        "quantities": [
            (key, q.id, q.text, float(q.value), q.qualifier, q.unit, q.span.start, q.span.end)
            for q in record.quantities
        ],
    }
    events = []
    for v in record.events:
        place = places.get(v.place) if v.place else None
        date = v.date
        events.append(
            (
                key,
                v.id,
                v.type,
                v.mode,
                v.status,
                v.trigger,
                *_who(v.actor),
                *_who(v.recipient),
                v.place,
                place.name if place else None,
                place.country if place else None,
                place.admin1 if place else None,
                place.lat if place else None,
                place.lon if place else None,
                date.start if date else None,
                date.end if date else None,
                date.precision if date else None,
                art.language,
                src.publisher,
                art.published,
                day(art.published),
                _compact(v),
            )
        )
    out["events"] = events
    return out
