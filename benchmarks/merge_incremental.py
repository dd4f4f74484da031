"""Incremental merge cost: adding 100 articles to a merged store vs merging it first.

    .venv/bin/python benchmarks/merge_incremental.py --db STORE [--add 100] [--encoder auto]

STORE holds the ingested corpus (e.g. ``warta ingest ../shared/corpus/... --db STORE``); it
is only read. Its articles are copied into a scratch store without ``--add`` of them (picked
evenly across the corpus), which is merged from nothing ("first load"); then the held-back
articles are added and merged incrementally. A relink of everything from the stored
signatures (what a batch re-run costs without encoding again) is shown for comparison.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from warta.merge import merge_store
from warta.store import DuckDBStore


def copy_articles(src: Path, dst: DuckDBStore, keys: list[str]) -> None:
    con = dst.con
    con.execute(f"ATTACH '{src}' AS src (READ_ONLY)")
    con.execute(
        "INSERT INTO articles SELECT * REPLACE (now()::TIMESTAMP AS stored_at) FROM src.articles"
        " WHERE list_contains(?::VARCHAR[], key)",
        [keys],
    )
    con.execute("DETACH src")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--add", type=int, default=100)
    ap.add_argument("--encoder", default="auto")
    args = ap.parse_args()
    with DuckDBStore(args.db, read_only=True) as src:
        keys = [k for (k,) in src.con.execute("SELECT key FROM articles ORDER BY key").fetchall()]
    step = max(1, len(keys) // args.add)
    held = set(keys[::step][: args.add])
    base = [k for k in keys if k not in held]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        store = DuckDBStore(Path(tmp) / "bench.duckdb")
        copy_articles(args.db, store, base)
        t = time.monotonic()
        first = merge_store(store, encoder=args.encoder)
        rows.append((f"first load ({len(base)} articles)", time.monotonic() - t, first))
        copy_articles(args.db, store, sorted(held))
        t = time.monotonic()
        inc = merge_store(store, encoder=args.encoder)
        rows.append((f"add {len(held)} articles (incremental)", time.monotonic() - t, inc))
        t = time.monotonic()
        again = merge_store(store, encoder=args.encoder, relink=True)
        rows.append((f"relink all {len(keys)} (cached signatures)", time.monotonic() - t, again))
        store.close()
    print(f"encoder: {first.encoder}")
    print(f"{'run':<42}{'seconds':>9}{'ms/article':>12}  breakdown (s)")
    for name, secs, s in rows:
        n = max(1, s.new_articles)
        laps = ", ".join(f"{k} {v:.1f}" for k, v in s.timings.items() if v >= 0.05)
        print(f"{name:<42}{secs:9.1f}{1000 * secs / n:12.1f}  {laps}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
