"""API latency p50/p95 on loopback, and the dashboard's first render in headless Chromium.

    .venv/bin/warta ingest ../shared/corpus/id-news-2025-06-18.jsonl --db /tmp/bench.duckdb
    .venv/bin/python benchmarks/api_latency.py /tmp/bench.duckdb [--requests 200] [--no-browser]

Starts the real server (uvicorn, one process, the store opened read-only) on 127.0.0.1
at a free port, sends a bounded number of sequential requests per endpoint with httpx,
and prints one row per endpoint. Loopback only; the loop stops by itself.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from warta.api import ServerConfig, create_app
from warta.store import DuckDBStore

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(client: httpx.Client, url: str, n: int) -> list[float]:
    client.get(url).raise_for_status()  # warm-up (first JSON parse, page cache)
    out = []
    for _ in range(n):
        t = time.perf_counter()
        client.get(url).raise_for_status()
        out.append((time.perf_counter() - t) * 1000)
    return out


def first_render(base: str, runs: int = 3) -> list[float]:
    """ms from navigation start to the map, timeline and list drawn (median of runs)."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            t = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("body[data-rendered]")
            out.append((time.perf_counter() - t) * 1000)
            page.close()
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()
    store = DuckDBStore(args.db, read_only=True)
    articles = store.count_articles()
    events = store.select("SELECT count(*) FROM events")[0][0]
    app = create_app(store, config=ServerConfig(read_only=True))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan="off"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            ref = client.get("/api/events?country=IDN&limit=1").json()["items"][0]["ref"]
            cases = {
                "events, filtered (country+type+since, 50)":
                    "/api/events?country=IDN&type=SUPPORT&since=2025-06-01&limit=50",
                "events, text search q=polisi (50)": "/api/events?q=polisi&limit=50",
                "events, unfiltered (100)": "/api/events?limit=100",
                "one event with evidence": f"/api/events/{ref}",
                "map points (5000 max)": "/api/events/points?limit=5000",
                "timeline": "/api/events/timeline",
                "claims stance=deny (50)": "/api/claims?stance=deny&limit=50",
            }  # fmt: skip
            for name, url in cases.items():
                ms = timed(client, url, args.requests)
                rows.append((name, statistics.median(ms), pct(ms, 0.95)))
        render = None if args.no_browser else first_render(base)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()
    print(f"store: {articles} articles, {events} events; {args.requests} sequential requests each")
    print(f"{'endpoint':<44} {'p50 ms':>8} {'p95 ms':>8}")
    for name, p50, p95 in rows:
        print(f"{name:<44} {p50:>8.1f} {p95:>8.1f}")
    if render:
        name = "dashboard first render (chromium, 3 loads)"
        print(f"{name:<44} {statistics.median(render):>8.0f} {max(render):>8.0f}  (median, max)")


if __name__ == "__main__":
    main()
