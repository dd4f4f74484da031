"""Crash safety: `warta ingest` and `warta watch` killed with SIGKILL at random (seeded)
points, again and again, then run to the end. The store must pass `warta check` and hold
every article exactly once, with nothing lost and nothing failed.

CI kills `warta ingest` WARTA_KILL_ROUNDS times (default 5) and `warta watch` 2 fewer.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from warta.store import DuckDBStore
from warta.store.integrity import check_store

ROUNDS = int(os.environ.get("WARTA_KILL_ROUNDS", "5"))
WATCH_ROUNDS = max(1, ROUNDS - 2)
N_ROWS = 200  # four runner batches (50 each), so kills land before, between and in commits
PLACES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Makassar", "Semarang", "Palembang"]


def _article(n: int) -> str:
    place = PLACES[n % len(PLACES)]
    return (
        f"Polisi menangkap {n + 2} orang di {place} pada Senin setelah bentrokan nomor {n}. "
        f"Warga mengatakan aparat datang ke lokasi kejadian {n} pada malam hari."
    )


def _config(tmp_path: Path, light: bool) -> Path:
    # ingest keeps the full stage list, so kills land in every stage; watch runs one stage
    # (its crash points are in fetching and storing); no user settings file leaks in
    config = tmp_path / "settings.toml"
    config.write_text('stages = ["language"]\n' if light else "max_seconds_per_doc = 60\n")
    return config


def _opened(db: Path, since: float) -> bool:
    """The process has opened the store for writing (it writes the schema row at once)."""
    for file in (db, db.with_name(db.name + ".wal")):
        try:
            if file.stat().st_mtime >= since:
                return True
        except FileNotFoundError:
            pass
    return False


def _run_killed(args: list[str], db: Path, delay: float, env: dict[str, str]) -> str:
    """Start ``python -m warta ARGS``; SIGKILL it ``delay`` s after it opened the store
    (loading the pipeline before that takes a while on a busy machine), unless it ended."""
    started = time.time() - 1  # file times have coarse resolution on some filesystems
    proc = subprocess.Popen(
        [sys.executable, "-m", "warta", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    while proc.poll() is None and not _opened(db, started) and time.time() - started < 300:
        time.sleep(0.05)
    try:
        _, err = proc.communicate(timeout=delay)
        return f"ended {proc.returncode}: {err.decode(errors='replace')[-300:]}"
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        return "killed"


def _env(tmp_path: Path, light: bool = False) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_")}
    env["WARTA_CONFIG"] = str(_config(tmp_path, light))
    env["HOME"] = str(tmp_path)  # no ~/.config/warta/settings.toml from the machine
    return env


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    with DuckDBStore(db, read_only=True) as store:
        return store.count_articles()


def _final_checks(db: Path, env: dict[str, str], want_keys: set[str], cli: bool) -> None:
    if cli:
        out = subprocess.run(
            [sys.executable, "-m", "warta", "check", "--db", str(db)],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert out.returncode == 0, out.stdout + out.stderr
        assert "consistent" in out.stdout
    with DuckDBStore(db, read_only=True) as store:
        assert check_store(store).problems == ()
        keys = store.keys()
        assert len(keys) == len(set(keys))  # exactly once
        assert set(keys) == want_keys  # nothing lost, nothing extra
        assert store.failures() == []


def test_ingest_survives_repeated_kill_nine(tmp_path):
    rows = tmp_path / "news.jsonl"
    with rows.open("w", encoding="utf-8") as f:
        for n in range(N_ROWS):
            f.write(json.dumps({"body": _article(n), "url": f"https://kabar.example/{n}"}) + "\n")
    db = tmp_path / "store.duckdb"
    env = _env(tmp_path)
    rng = random.Random(20251125)
    log = []
    for _ in range(ROUNDS):
        outcome = _run_killed(
            ["ingest", str(rows), "--db", str(db)], db, rng.uniform(0.05, 4.0), env
        )
        log.append((outcome[:6], _stored(db)))
    final = subprocess.run(
        [sys.executable, "-m", "warta", "ingest", str(rows), "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert final.returncode == 0, final.stderr
    print("kill -9 rounds (outcome, articles stored after it):", log)
    _final_checks(db, env, {f"https://kabar.example/{n}" for n in range(N_ROWS)}, cli=True)


class _Site:
    """Feed of N articles (with an ETag, so a restarted watch gets 304s) on 127.0.0.1."""

    def __init__(self, n: int) -> None:
        self.n = n
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                if self.path == "/robots.txt":
                    self._send(200, "User-agent: *\nAllow: /\n", "text/plain")
                elif self.path == "/rss":
                    if self.headers.get("If-None-Match") == '"v1"':
                        self._send(304, "", "text/plain")
                    else:
                        self._send(200, site.feed(), "application/rss+xml", {"ETag": '"v1"'})
                elif self.path.startswith("/news/"):
                    n = int(self.path.rsplit("/", 1)[1])
                    html = (
                        f"<html><head><title>Bentrok {n}</title></head><body><article>"
                        f"<h1>Bentrok {n}</h1><p>{_article(n)}</p></article></body></html>"
                    )
                    self._send(200, html, "text/html")
                else:
                    self._send(404, "no", "text/plain")

            def _send(self, status: int, text: str, ctype: str, extra: dict | None = None) -> None:
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", f"{ctype}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def feed(self) -> str:
        items = "".join(
            f"<item><title>Bentrok {n}</title><link>{self.base}/news/{n}</link></item>"
            for n in range(self.n)
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>K</title>{items}</channel></rss>'  # noqa: E501


@pytest.fixture()
def site():
    s = _Site(60)
    yield s
    s.server.shutdown()


def test_watch_survives_repeated_kill_nine(tmp_path, site):
    watch_file = tmp_path / "watch.toml"
    watch_file.write_text(
        f'feeds = ["{site.base}/rss"]\ninterval = 0\n[fetch]\nper_host_delay = 0.0\n'
    )
    db = tmp_path / "watch.duckdb"
    env = _env(tmp_path, light=True)
    rng = random.Random(7)
    log = []
    for _ in range(WATCH_ROUNDS):
        outcome = _run_killed(
            ["watch", str(watch_file), "--once", "--db", str(db)], db, rng.uniform(0.1, 6.0), env
        )
        log.append((outcome[:6], _stored(db)))
    final = subprocess.run(
        [sys.executable, "-m", "warta", "watch", str(watch_file), "--once", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert final.returncode == 0, final.stderr
    print("watch kill -9 rounds (outcome, articles stored after it):", log)
    _final_checks(db, env, {f"{site.base}/news/{n}" for n in range(site.n)}, cli=False)
