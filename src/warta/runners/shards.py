"""Parquet shards: what a partition run writes, and how a store loads them back.

A shard directory holds one sub-folder per store table (``articles/``, ``entities/``,
``events/``, ..., ``inputs/``, ``failures/``) with one ``part-NNNNN.parquet`` file per
partition, in exactly the store's columns (:mod:`warta.store.schema`), so any DuckDB
(or Spark, pandas, ...) can query them as they are: ``read_parquet('DIR/events/*.parquet')``.
:func:`load_shards` merges them into an embedded store with the store's own rules: an
article key seen in several shards keeps its latest version (and only that version's
parts), an input path keeps its latest row, and a failure is dropped when its path was
stored.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..store import schema

TABLES: dict[str, schema.Columns] = {
    "articles": schema.ARTICLES,
    **schema.PART_TABLES,
    "inputs": schema.INPUTS,
    "failures": schema.FAILURES,
}


def shard_name(shard: int) -> str:
    return f"part-{shard:05d}.parquet"


def clear_shards(out_dir: str | Path) -> None:
    """Remove shard files an earlier run left in ``out_dir`` (nothing else)."""
    for table in TABLES:
        for old in glob.glob(os.path.join(str(out_dir), table, "part-*.parquet")):
            os.unlink(old)


def write_shard(con: duckdb.DuckDBPyConnection, out_dir: str | Path, shard: int) -> None:
    """Copy every store table of ``con`` into ``out_dir/<table>/part-<shard>.parquet``.

    Each file is written under a temporary name and renamed, so a reader (or a retried
    task) never sees half a shard.
    """
    for table in TABLES:
        folder = Path(out_dir) / table
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / shard_name(shard)
        tmp = folder / f".{shard_name(shard)}.tmp"
        # identifiers come from the schema module; the path travels as a parameter
        con.execute(f"COPY (SELECT * FROM {table}) TO ? (FORMAT parquet)", [str(tmp)])
        os.replace(tmp, final)


def _glob(shard_dir: Path, table: str) -> str:
    return str(shard_dir / table / "part-*.parquet")


def load_shards(shard_dir: str | Path, con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Merge the shards under ``shard_dir`` into the store open on ``con`` (one
    transaction). Returns rows inserted per table."""
    shard_dir = Path(shard_dir)
    if not glob.glob(str(shard_dir / "articles" / "part-*.parquet")) and not glob.glob(
        str(shard_dir / "failures" / "part-*.parquet")
    ):
        raise StoreError(f"{shard_dir}: no shards (expected articles/part-*.parquet)")
    shard = "regexp_extract(filename, 'part-(\\d+)\\.parquet', 1)"
    inserted: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _winners AS
            SELECT key, {shard} AS shard FROM read_parquet(?, filename = true)
            QUALIFY row_number() OVER (PARTITION BY key ORDER BY stored_at DESC, filename DESC) = 1
            """,
            [_glob(shard_dir, "articles")],
        )
        con.execute("DELETE FROM articles WHERE key IN (SELECT key FROM _winners)")
        for table in schema.PART_TABLES:
            con.execute(f"DELETE FROM {table} WHERE article_key IN (SELECT key FROM _winners)")
        for table, columns in TABLES.items():
            if table in ("inputs", "failures"):
                continue
            names = ", ".join(f't."{name}"' for name, _ in columns)
            plain = ", ".join(f'"{name}"' for name, _ in columns)
            key = "key" if table == "articles" else "article_key"
            files = glob.glob(str(shard_dir / table / "part-*.parquet"))
            if not files:
                inserted[table] = 0
                continue
            before = _count(con, table)
            t_shard = shard.replace("filename", "t.filename")
            con.execute(
                f"""INSERT INTO {table} ({plain}) SELECT {names}
                FROM read_parquet(?, filename = true) t
                JOIN _winners w ON w.key = t.{key} AND w.shard = {t_shard}
                """,
                [_glob(shard_dir, table)],
            )
            inserted[table] = _count(con, table) - before
        inserted["inputs"] = _latest_by_path(con, shard_dir, "inputs", "stored_at")
        inserted["failures"] = _latest_by_path(con, shard_dir, "failures", "time")
        # an input stored now has no failure any more (as in DuckDBStore.put)
        con.execute("DELETE FROM failures WHERE path IN (SELECT path FROM inputs)")
        con.execute("DROP TABLE _winners")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"{shard_dir}: loading shards failed, rolled back: {exc}") from None
    return inserted


def _latest_by_path(
    con: duckdb.DuckDBPyConnection, shard_dir: Path, table: str, time_col: str
) -> int:
    if not glob.glob(str(shard_dir / table / "part-*.parquet")):
        return 0
    names = ", ".join(f'"{name}"' for name, _ in TABLES[table])
    source = "read_parquet(?, filename = true)"  # the glob is a parameter
    latest = (
        f"SELECT {names} FROM {source} QUALIFY row_number() OVER "
        f"(PARTITION BY path ORDER BY {time_col} DESC, filename DESC) = 1"
    )
    files = [_glob(shard_dir, table)]
    con.execute(f"DELETE FROM {table} WHERE path IN (SELECT path FROM ({latest}))", files)
    before = _count(con, table)
    con.execute(f"INSERT INTO {table} ({names}) {latest}", files)
    return _count(con, table) - before


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
