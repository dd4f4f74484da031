"""Exports of matching events, per article or merged (one per happening, as the event list
shows them): the records (JSON Lines), ACLED-like CSV, PLOVER-style JSON Lines, and Parquet.
Rows are read page by page (keyset), so an export of the whole store streams in bounded
memory (Parquet is built in memory: it needs the whole table)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any

from ..codec import to_dict
from ..merge.browse import page_merged
from ..merge.view import MergedEventRow
from ..query import EventFilter, EventRow, Page, page_events
from ..store.base import Store

PAGE = 500
# ACLED's column names where warta has the same thing; event_type holds the PLOVER type
# and sub_event_type its mode (warta codes PLOVER, not ACLED's own taxonomy).
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor1_code", "actor1_sector", "actor2", "actor2_code", "actor2_sector",
    "iso3", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "source_url", "notes", "status", "claims", "timestamp",
)  # fmt: skip
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"point": 1, "town": 1, "admin2": 2, "admin1": 3, "country": 3}
MERGED_COLUMNS = (
    "merged_event", "type", "sources", "articles", "actor", "actor_code", "recipient",
    "recipient_code", "place", "country", "lat", "lon", "date_start", "date_end",
    "first_published", "languages", "outlets", "claims", "quantities", "score",
)  # fmt: skip


def _paged(fetch: Callable[[EventFilter], Page[Any]], flt: EventFilter, cap: int) -> Iterator[Any]:
    """Each item of the pages ``fetch`` returns for ``flt`` (limit ignored), at most ``cap``."""
    flt = replace(flt, limit=min(PAGE, cap), offset=0)
    sent = 0
    while sent < cap:
        page = fetch(flt)
        for item in page.items:
            yield item
            sent += 1
            if sent >= cap:
                return
        if page.next_cursor is None:
            return
        flt = replace(flt, cursor=page.next_cursor)


def iter_rows(store: Store, flt: EventFilter, cap: int) -> Iterator[EventRow]:
    """Every article event matching ``flt``, at most ``cap``, in list order."""
    return _paged(lambda f: page_events(store, f), flt, cap)


def iter_merged(
    held: Callable[[], AbstractContextManager[Any]], flt: EventFilter, min_sources: int, cap: int
) -> Iterator[MergedEventRow]:
    """Every merged event matching ``flt`` with at least ``min_sources`` sources; the store
    lock (``held``) is taken page by page, so a slow download never blocks writers."""

    def fetch(f: EventFilter) -> Page[Any]:
        with held() as store:
            return page_merged(store, f, min_sources)

    return (item.event for item in _paged(fetch, flt, cap))


def records_jsonl(store: Store, rows: Iterator[EventRow]) -> Iterator[str]:
    """The full record of each article holding a matching event, once per article."""
    seen: set[str] = set()
    for row in rows:
        if row.article_key in seen:
            continue
        seen.add(row.article_key)
        record = store.get(row.article_key)
        if record is not None:
            yield json.dumps(to_dict(record), ensure_ascii=False) + "\n"


def merged_records_jsonl(
    held: Callable[[], AbstractContextManager[Any]], events: Iterator[MergedEventRow]
) -> Iterator[str]:
    """The full record of every article behind the merged events, once per article."""
    seen: set[str] = set()
    for event in events:
        with held() as store:
            keys = [k for (k,) in store.con.execute(
                "SELECT DISTINCT article_key FROM merged_members WHERE merged_id = ?"
                " ORDER BY article_key", [event.id]).fetchall() if k not in seen]  # fmt: skip
            records = [store.get(k) for k in keys]
        seen.update(keys)
        for record in records:
            if record is not None:
                yield json.dumps(to_dict(record), ensure_ascii=False) + "\n"


def acled_row(row: EventRow) -> dict[str, Any]:
    e, p = row.event, row.place
    day = e.date.start if e.date else (row.sort_day or None)
    return {
        "event_id_cnty": row.ref,
        "event_date": day,
        "year": day[:4] if day else None,
        "time_precision": _TIME_PRECISION.get(e.date.precision or "", 3) if e.date else 3,
        "event_type": e.type,
        "sub_event_type": e.mode,
        "actor1": e.actor.text if e.actor else None,
        "actor1_code": e.actor.code if e.actor else None,
        "actor1_sector": e.actor.sector if e.actor else None,
        "actor2": e.recipient.text if e.recipient else None,
        "actor2_code": e.recipient.code if e.recipient else None,
        "actor2_sector": e.recipient.sector if e.recipient else None,
        "iso3": p.country if p else None,
        "country": _country_name(p.country if p else None),
        "admin1": p.admin1 if p else None,
        "location": p.name if p else None,
        "latitude": p.lat if p else None,
        "longitude": p.lon if p else None,
        "geo_precision": _GEO_PRECISION.get(p.precision or "") if p else None,
        "source": row.publisher,
        "source_url": row.url,
        "notes": " ".join(s.text for s in e.evidence) or None,
        "status": e.status,
        "claims": "; ".join(f"{c.speaker.text} ({c.stance})" for c in row.claims) or None,
        "timestamp": row.published,
    }


def csv_lines(rows: Iterator[dict[str, Any]], columns: tuple[str, ...]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    if buf.getvalue():
        yield buf.getvalue()


def plover_event(row: EventRow) -> dict[str, Any]:
    """A PLOVER-style event (type, mode, actor/recipient with country and sector, where,
    when, the source and the sentence that codes it)."""
    e, p = row.event, row.place

    def who(side: Any) -> dict[str, Any] | None:
        if side is None:
            return None
        return {"text": side.text, "code": side.code, "sector": side.sector}

    return {
        "id": row.ref,
        "event_type": e.type,
        "event_mode": e.mode,
        "event_date": e.date.start if e.date else row.sort_day or None,
        "event_date_end": e.date.end if e.date else None,
        "status": e.status,
        "actor": who(e.actor),
        "recipient": who(e.recipient),
        "location": None if p is None else {
            "name": p.name, "geonameid": p.geonameid, "country": p.country,
            "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "precision": p.precision,
        },
        "claims": [
            {"speaker": c.speaker.text, "stance": c.stance, "text": c.content.text}
            for c in row.claims
        ],
        "source": {"url": row.url, "publisher": row.publisher, "published": row.published,
                   "language": row.language, "title": row.title},
        "text": " ".join(s.text for s in e.evidence) or None,
    }  # fmt: skip


def merged_plover(e: MergedEventRow) -> dict[str, Any]:
    """A merged event PLOVER-style: one happening, its independent sources and claims."""

    def who(text: str | None, code: str | None) -> dict[str, Any] | None:
        return None if text is None and code is None else {"text": text, "code": code}

    return {
        "id": e.id,
        "event_type": e.type,
        "event_date": e.date_start or (e.first_published or "")[:10] or None,
        "event_date_end": e.date_end,
        "actor": who(e.actor_text, e.actor_code),
        "recipient": who(e.recipient_text, e.recipient_code),
        "location": None if e.place is None and e.lat is None else {
            "name": e.place, "country": e.country, "lat": e.lat, "lon": e.lon,
        },
        "n_sources": e.n_sources,
        "n_articles": e.n_articles,
        "outlets": list(e.sources),
        "languages": list(e.languages),
        "claims": e.claims,
        "quantities": e.quantities,
    }  # fmt: skip


def jsonl(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    for item in items:
        yield json.dumps(item, ensure_ascii=False) + "\n"


def parquet_bytes(rows: Iterator[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    """Flat rows (the CSV's columns) as a Parquet file; coordinates as floats."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {"latitude": pa.float64(), "longitude": pa.float64(), "lat": pa.float64(),
             "lon": pa.float64(), "time_precision": pa.int8(), "geo_precision": pa.int8(),
             "sources": pa.int32(), "articles": pa.int32(), "score": pa.float64()}  # fmt: skip
    schema = pa.schema([(name, kinds.get(name, pa.string())) for name in columns])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return str(found.name) if found else None
