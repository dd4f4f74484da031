"""Parquet files of scraper rows -> one raw document per row (read with DuckDB).

The same field mapping as JSONL/CSV rows (``settings.fields``); rows stream in batches so
a large file costs the memory of one batch. Row N of ``file.parquet`` is ``file#N``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..settings import Settings
from . import RawDocument
from .rows import row_document

_BATCH = 512


def read_parquet(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """Every row of a Parquet file (local path, or any URL DuckDB's httpfs can read)."""
    import duckdb

    con = duckdb.connect()
    try:
        try:
            cur = con.execute("SELECT * FROM read_parquet(?)", [path])
        except duckdb.Error as exc:
            yield InputError(path, "unreadable", str(exc).splitlines()[0])
            return
        columns = [d[0] for d in cur.description]
        number = 0
        while True:
            rows = cur.fetchmany(_BATCH)
            if not rows:
                break
            for values in rows:
                number += 1
                try:
                    yield row_document(
                        f"{path}#{number}", dict(zip(columns, values, strict=True)), settings.fields
                    )
                except InputError as exc:
                    yield exc
        if not number:
            yield InputError(path, "empty", "the file holds no rows")
    finally:
        con.close()
