"""Reading and writing the merge tables (schema in :mod:`warta.store.schema`).

Values always travel as parameters; table and column names come from the schema constants.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import duckdb
import numpy as np

from ..store import schema
from .types import ArticleSig, EventSig, Link

Con = duckdb.DuckDBPyConnection


def link_id(level: str, a: tuple[str, str | None], b: tuple[str, str | None]) -> str:
    x, y = sorted([a, b], key=lambda n: (n[0], n[1] or ""))
    raw = "\x1f".join([level, x[0], x[1] or "", y[0], y[1] or ""])
    return "L" + hashlib.sha1(raw.encode()).hexdigest()[:12]


def _insert(con: Con, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    if rows:
        cols = schema.MERGE_TABLES[table]
        con.execute(schema.insert_sql(table, cols), [list(c) for c in zip(*rows, strict=True)])


def delete_where_in(con: Con, table: str, column: str, values: Iterable[Any]) -> None:
    values = list(values)
    if values:
        con.execute(f"DELETE FROM {table} WHERE list_contains(?::VARCHAR[], {column})", [values])


# -- signatures ---------------------------------------------------------------------------


def load_article_sigs(con: Con) -> dict[str, ArticleSig]:
    rows = con.execute(
        "SELECT key, doc_id, stored_at, published, published_ts, outlet, cited, language,"
        " n_shingles, minhash, emb, temb, encoder FROM merge_articles"
    ).fetchall()
    return {
        r[0]: ArticleSig(
            key=r[0],
            doc_id=r[1],
            stored_at=r[2],
            published=r[3],
            published_ts=r[4],
            outlet=r[5],
            cited=tuple(r[6] or ()),
            language=r[7],
            n_shingles=r[8],
            minhash=np.asarray(r[9], dtype=np.uint64),
            emb=np.asarray(r[10], dtype=np.float32),
            temb=np.asarray(r[11], dtype=np.float32),
            encoder=r[12],
        )  # fmt: skip
        for r in rows
    }


def save_article_sigs(con: Con, sigs: Iterable[ArticleSig]) -> None:
    _insert(
        con,
        "merge_articles",
        [
            (
                s.key,
                s.doc_id,
                s.stored_at,
                s.published,
                s.published_ts,
                s.outlet,
                list(s.cited),
                s.language,
                s.n_shingles,
                [int(v) for v in s.minhash],
                s.emb.tolist(),
                s.temb.tolist(),
                s.encoder,
            )  # fmt: skip
            for s in sigs
        ],
    )


def load_event_sigs(con: Con) -> list[EventSig]:
    rows = con.execute(
        "SELECT article_key, event_id, type, actor_code, recipient_code, geonameid, country,"
        " admin1, lat, lon, precision, date_start, date_end, published_ts, emb FROM merge_events"
    ).fetchall()
    return [EventSig(*r[:14], emb=np.asarray(r[14], dtype=np.float32)) for r in rows]


def save_event_sigs(con: Con, sigs: Iterable[EventSig]) -> None:
    _insert(
        con,
        "merge_events",
        [
            (
                s.article_key,
                s.event_id,
                s.type,
                s.actor_code,
                s.recipient_code,
                s.geonameid,
                s.country,
                s.admin1,
                s.lat,
                s.lon,
                s.precision,
                s.date_start,
                s.date_end,
                s.published_ts,
                s.emb.tolist(),
            )  # fmt: skip
            for s in sigs
        ],
    )


# -- links --------------------------------------------------------------------------------


def load_links(con: Con, level: str | None = None, *, active: bool = True) -> list[Link]:
    rows = con.execute(
        "SELECT id, level, a_key, a_event, b_key, b_event, kind, score, evidence, state,"
        " decided_by FROM merge_links WHERE (? IS NULL OR level = ?)"
        " AND (NOT ? OR state = 'active') ORDER BY id",
        [level, level, active],
    ).fetchall()
    return [
        Link(
            r[1],
            (r[2], r[3]),
            (r[4], r[5]),
            r[6],
            r[7],
            json.loads(r[8] or "{}"),
            r[9],
            r[10],
            r[0],
        )
        for r in rows
    ]


def save_links(con: Con, links: Iterable[Link]) -> list[Link]:
    """Store new automatic links; a pair a person already decided keeps their decision."""
    links = [l_ if l_.id else _with_id(l_) for l_ in links]
    if not links:
        return []
    decided = {
        i
        for (i,) in con.execute(
            "SELECT id FROM merge_links WHERE list_contains(?::VARCHAR[], id)",
            [[l_.id for l_ in links]],
        ).fetchall()
    }
    fresh = list({l_.id: l_ for l_ in links if l_.id not in decided}.values())
    now = datetime.now(UTC).replace(tzinfo=None)
    _insert(
        con,
        "merge_links",
        [
            (
                l_.id,
                l_.level,
                l_.a[0],
                l_.a[1],
                l_.b[0],
                l_.b[1],
                l_.kind,
                l_.score,
                json.dumps(l_.evidence, ensure_ascii=False),
                l_.state,
                l_.decided_by,
                now,
            )  # fmt: skip
            for l_ in fresh
        ],
    )
    return fresh


def _with_id(link: Link) -> Link:
    from dataclasses import replace

    return replace(link, id=link_id(link.level, link.a, link.b))


def delete_auto_links(con: Con, keys: Iterable[str]) -> None:
    keys = list(keys)
    if keys:
        con.execute(
            "DELETE FROM merge_links WHERE decided_by = 'auto' AND"
            " (list_contains(?::VARCHAR[], a_key) OR list_contains(?::VARCHAR[], b_key))",
            [keys, keys],
        )


# -- clusters -----------------------------------------------------------------------------


def cluster_mates(con: Con, keys: Iterable[str]) -> set[str]:
    keys = list(keys)
    if not keys:
        return set()
    rows = con.execute(
        "SELECT key FROM article_clusters WHERE cluster_id IN (SELECT cluster_id FROM"
        " article_clusters WHERE list_contains(?::VARCHAR[], key))",
        [keys],
    ).fetchall()
    return {k for (k,) in rows}


def merged_mates(
    con: Con, keys: Iterable[str] = (), nodes: Iterable[tuple[str, str]] = ()
) -> set[tuple[str, str]]:
    """Every member of the merged events holding an event of ``keys`` or one of ``nodes``."""
    keys, nodes = list(keys), [f"{k}\x1f{e}" for k, e in nodes]
    if not keys and not nodes:
        return set()
    rows = con.execute(
        "SELECT article_key, event_id FROM merged_members WHERE merged_id IN (SELECT merged_id"
        " FROM merged_members WHERE list_contains(?::VARCHAR[], article_key)"
        " OR list_contains(?::VARCHAR[], article_key || chr(31) || event_id))",
        [keys, nodes],
    ).fetchall()
    return {(k, e) for k, e in rows}


def replace_clusters(con: Con, keys: Iterable[str], rows: Sequence[tuple[Any, ...]]) -> None:
    delete_where_in(con, "article_clusters", "key", keys)
    _insert(con, "article_clusters", rows)


def replace_merged(
    con: Con,
    nodes: Iterable[tuple[str, str]],
    gone_keys: Iterable[str],
    merged: Sequence[tuple[Any, ...]],
    members: Sequence[tuple[Any, ...]],
) -> None:
    """Drop the merged events touching ``nodes`` or ``gone_keys``; insert the recomputed ones."""
    ids = {
        i
        for (i,) in con.execute(
            "SELECT DISTINCT merged_id FROM merged_members"
            " WHERE list_contains(?::VARCHAR[], article_key || chr(31) || event_id)"
            " OR list_contains(?::VARCHAR[], article_key)",
            [[f"{k}\x1f{e}" for k, e in nodes], list(gone_keys)],
        ).fetchall()
    }
    delete_where_in(con, "merged_members", "merged_id", ids)
    delete_where_in(con, "merged_events", "id", ids)
    _insert(con, "merged_events", merged)
    _insert(con, "merged_members", members)
