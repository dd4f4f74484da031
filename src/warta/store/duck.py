"""The embedded DuckDB store (the default) and its in-memory twin for tests.

One article and all its parts are written in one transaction, so a crash (even SIGKILL)
leaves either the old version or the new one, never half of either. The file is opened
lazily on first use and created with its parent folders. DuckDB allows one writing
process per file; a second one gets a one-line :class:`StoreError` saying so.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from ..codec import from_dict, from_json
from ..errors import InputError, RecordError, StoreError
from ..records import Claim, Event, Place, Record
from . import schema
from .base import Failure, InputRef, StoreItem, article_key, chunks, split_item
from .events_sql import events_query
from .parts import Row, article_rows

if TYPE_CHECKING:
    from ..query import EventFilter, EventRow

MEMORY = ":memory:"
# Tables an article write fills, in insert order; failures are written on their own.
_TABLES = {"articles": schema.ARTICLES, **schema.PART_TABLES, "inputs": schema.INPUTS}
_COLUMNS = {**_TABLES, "failures": schema.FAILURES}
# Keys that inputs being rewritten produced before, and that no other input produces.
_STALE_KEYS = """
SELECT DISTINCT article_key FROM inputs
WHERE list_contains(?::VARCHAR[], path) AND NOT list_contains(?::VARCHAR[], article_key)
  AND article_key NOT IN
    (SELECT article_key FROM inputs WHERE NOT list_contains(?::VARCHAR[], path))
"""


class DuckDBStore:
    """A :class:`~warta.store.base.Store` in one DuckDB file (or in memory)."""

    def __init__(self, path: str | Path, *, batch_size: int = 50, read_only: bool = False) -> None:
        self.path = str(path) if str(path) == MEMORY else os.path.expanduser(str(path))
        self.batch_size = batch_size
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = None

    # -- connection -------------------------------------------------------------------

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = self._open()
        return self._con

    def _open(self) -> duckdb.DuckDBPyConnection:
        if self.path != MEMORY:
            if self.read_only and not os.path.exists(self.path):
                raise StoreError(f"no store at {self.path}")
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder of {self.path}: {exc}") from None
        try:
            con = duckdb.connect(self.path, read_only=self.read_only)
        except duckdb.Error as exc:
            raise StoreError(_open_message(self.path, exc)) from None
        if not self.read_only:
            try:
                for ddl in schema.DDL:
                    con.execute(ddl)
                con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                    [schema.SCHEMA_VERSION],
                )
            except duckdb.Error as exc:
                con.close()
                raise StoreError(f"{self.path}: cannot create tables: {exc}") from None
        return con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{self.path}: write failed, rolled back: {exc}") from None
            raise
        else:
            con.execute("COMMIT")

    def select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read query built by warta's SQL builders (values as parameters)."""
        return self._rows(sql, params)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.con.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed: {exc}") from None

    # -- writing ----------------------------------------------------------------------

    def put(self, record: Record, ref: InputRef | None = None) -> str:
        return self.put_many([(record, ref)])[0]

    def put_many(self, items: Iterable[StoreItem]) -> list[str]:
        keys: list[str] = []
        for batch in chunks(items, self.batch_size):
            keys.extend(self._write(batch))
        return keys

    def _write(self, batch: Sequence[StoreItem]) -> list[str]:
        now = _now()
        keys: list[str] = []
        latest: dict[str, dict[str, list[Row]]] = {}  # a key twice in a batch: last wins
        inputs: dict[str, Row] = {}
        for item in batch:
            record, ref = split_item(item)
            key = article_key(record, ref)
            path = (ref.path if ref else None) or record.source.path
            keys.append(key)
            latest[key] = article_rows(key, path, record, now)
            if path:
                inputs[path] = (path, ref.content_hash if ref else None, key, now)
        key_list, paths = list(latest), list(inputs)
        with self._transaction() as con:
            # an input whose content changed may have produced another key before: that
            # article goes, unless another input still stands behind it
            stale = [
                k
                for (k,) in con.execute(
                    _STALE_KEYS,
                    [paths, key_list, paths],
                ).fetchall()
            ]
            gone = key_list + stale
            con.execute("DELETE FROM articles WHERE list_contains(?::VARCHAR[], key)", [gone])
            for table in schema.PART_TABLES:
                con.execute(
                    f"DELETE FROM {table} WHERE list_contains(?::VARCHAR[], article_key)", [gone]
                )
            con.execute("DELETE FROM inputs WHERE list_contains(?::VARCHAR[], path)", [paths])
            con.execute("DELETE FROM failures WHERE list_contains(?::VARCHAR[], path)", [paths])
            tables: dict[str, list[Row]] = {name: [] for name in _TABLES}
            for parts in latest.values():
                for name, part in parts.items():
                    tables[name].extend(part)
            tables["inputs"] = list(inputs.values())
            for name, rows in tables.items():
                self._insert(con, name, rows)
        return keys

    def _insert(self, con: duckdb.DuckDBPyConnection, table: str, rows: list[Row]) -> None:
        if rows:
            columns = _COLUMNS[table]
            con.execute(
                schema.insert_sql(table, columns), [list(col) for col in zip(*rows, strict=True)]
            )

    def add_failure(self, error: InputError) -> None:
        self.add_failures([error])

    def add_failures(self, errors: Sequence[InputError]) -> None:
        if not errors:
            return
        now = _now()
        latest = {e.path: (e.path, e.reason, e.detail, now) for e in errors}
        with self._transaction() as con:
            con.execute(
                "DELETE FROM failures WHERE list_contains(?::VARCHAR[], path)", [list(latest)]
            )
            self._insert(con, "failures", list(latest.values()))

    # -- reading ----------------------------------------------------------------------

    def get(self, doc: str) -> Record | None:
        for sql in (
            "SELECT record FROM articles WHERE key = ?",
            "SELECT record FROM articles WHERE doc_id = ? ORDER BY stored_at DESC LIMIT 1",
            "SELECT a.record FROM inputs i JOIN articles a ON a.key = i.article_key"
            " WHERE i.path = ?",
        ):
            rows = self._rows(sql, [doc])
            if rows:
                try:
                    return from_json(rows[0][0])
                except RecordError as exc:
                    raise StoreError(
                        f"{self.path}: stored record {doc!r} is damaged: {exc}"
                    ) from None
        return None

    def has(self, path_or_key: str) -> bool:
        rows = self._rows(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE key = ?)"
            " OR EXISTS (SELECT 1 FROM inputs WHERE path = ?)",
            [path_or_key, path_or_key],
        )
        return bool(rows[0][0])

    def seen_paths(self) -> set[str]:
        return {p for (p,) in self._rows("SELECT path FROM inputs")}

    def seen_inputs(self) -> dict[str, str | None]:
        return dict(self._rows("SELECT path, content_hash FROM inputs"))  # type: ignore[arg-type]

    def keys(self) -> list[str]:
        return [k for (k,) in self._rows("SELECT key FROM articles ORDER BY key")]

    def count_articles(self) -> int:
        return int(self._rows("SELECT count(*) FROM articles")[0][0])

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, each part table, inputs, failures)."""
        return {name: int(self._rows(f"SELECT count(*) FROM {name}")[0][0]) for name in _COLUMNS}

    def failures(self, reason: str | None = None, limit: int | None = None) -> list[Failure]:
        rows = self._rows(
            "SELECT path, reason, detail, time FROM failures WHERE ? IS NULL OR reason = ?"
            " ORDER BY time DESC, path LIMIT ?",
            [reason, reason, limit if limit is not None else 2**62],
        )
        return [Failure(p, r, d or "", t.isoformat() + "+00:00") for p, r, d, t in rows]

    def query_events(self, flt: EventFilter) -> list[EventRow]:
        from ..query import EventRow  # late: warta.query imports this package

        sql, params = events_query(flt)
        found = self._rows(sql, params)
        claims = self._claims({row[0] for row in found})
        out = []
        for key, event_json, title, url, published, path, language, publisher, place in found:
            event = from_dict(Event, json.loads(event_json))
            linked = tuple(
                c for c in claims.get(key, ()) if event.id in c.events or c.id in event.claims
            )
            out.append(
                EventRow(
                    article_key=key,
                    event=event,
                    title=title,
                    url=url,
                    published=published,
                    path=path,
                    language=language,
                    publisher=publisher,
                    place=from_dict(Place, json.loads(place)) if place else None,
                    claims=linked,
                )
            )
        return out

    def _claims(self, keys: set[str]) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = {}
        if keys:
            rows = self._rows(
                "SELECT article_key, claim FROM claims"
                " WHERE list_contains(?::VARCHAR[], article_key) ORDER BY article_key, id",
                [sorted(keys)],
            )
            for key, claim in rows:
                out.setdefault(key, []).append(from_dict(Claim, json.loads(claim)))
        return out


class MemoryStore(DuckDBStore):
    """The same store in memory: for tests and callers who want no file."""

    def __init__(self, *, batch_size: int = 50) -> None:
        super().__init__(MEMORY, batch_size=batch_size)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # TIMESTAMP columns hold UTC


def _open_message(path: str, exc: duckdb.Error) -> str:
    text = str(exc)
    if "lock" in text.lower():
        pid = re.search(r"PID (\d+)", text)
        who = f" (PID {pid.group(1)})" if pid else ""
        return f"{path} is in use by another process{who}; stop it or use another --db"
    return f"cannot open {path}: {text.splitlines()[0] if text else type(exc).__name__}"
