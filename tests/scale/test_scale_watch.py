"""`warta watch`: rounds against a real HTTP server on 127.0.0.1 (feed, pages, robots)."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from warta.errors import SettingsError
from warta.ingest.fetch import Fetcher, FetchPolicy
from warta.ingest.watch import WatchConfig, Watcher, load_watch_config
from warta.pipeline import Pipeline
from warta.settings import load_settings
from warta.store import MemoryStore

ARTICLE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p><p>Petugas masih mendata kerugian di lokasi kejadian hingga malam hari.</p>
</article></body></html>"""


class Site:
    """A tiny news site: /rss (with ETag), /news/N pages, /robots.txt forbidding /private."""

    def __init__(self) -> None:
        self.items = ["1", "2"]
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                site.hits.append(self.path)
                if self.path == "/robots.txt":
                    self._send(200, "User-agent: *\nDisallow: /private/\n", "text/plain")
                elif self.path == "/rss":
                    tag = '"' + "-".join(site.items) + '"'
                    if self.headers.get("If-None-Match") == tag:
                        self._send(304, "", "text/plain")
                        return
                    self._send(200, site.feed(), "application/rss+xml", {"ETag": tag})
                elif self.path.startswith("/news/"):
                    n = self.path.rsplit("/", 1)[1]
                    body = f"Banjir merendam {n}0 rumah warga di Kecamatan Contoh, kata petugas."
                    self._send(200, ARTICLE.format(title=f"Banjir {n}", body=body), "text/html")
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
        items = (
            "".join(
                f"<item><title>Banjir {n}</title>"
                f"<link>{self.base}/news/{n}?utm_source=rss</link></item>"
                for n in self.items
            )
            + f"<item><title>Rahasia</title><link>{self.base}/private/x</link></item>"
        )
        head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar</title>'
        return f"{head}{items}</channel></rss>"


@pytest.fixture()
def site():  # type: ignore[no-untyped-def]
    s = Site()
    yield s
    s.server.shutdown()


def test_rounds_store_new_articles_once_and_use_conditional_get(site: Site, tmp_path: Path) -> None:
    settings = replace(load_settings(), stages=("language",))
    store = MemoryStore()
    config = WatchConfig(feeds=(f"{site.base}/rss",), interval=0)
    with Fetcher(FetchPolicy(per_host_delay=0.0)) as fetcher:
        watcher = Watcher(config, Pipeline(settings), store, fetcher, tmp_path / "state.json")
        first = watcher.run_round()
        second = watcher.run_round()
        site.items.append("3")
        third = watcher.run_round()
    assert (first.links, first.new, first.stored, first.failed) == (3, 3, 2, 1)
    assert first.failures == {"robots": 1}
    assert second.unchanged_listings == 1 and second.new == 0
    assert (third.new, third.stored) == (1, 1)
    assert sorted(store.keys()) == [f"{site.base}/news/{n}" for n in ("1", "2", "3")]
    assert site.hits.count("/news/1") == 1 and "/private/x" not in site.hits
    assert store.get(f"{site.base}/news/2").article.title == "Banjir 2"  # type: ignore[union-attr]
    state = json.loads((tmp_path / "state.json").read_text())
    assert state["listings"][f"{site.base}/rss"]["etag"] == '"1-2-3"'
    # a restarted watch resumes from the state file: the unchanged feed costs a 304
    with Fetcher(FetchPolicy(per_host_delay=0.0)) as fetcher:
        again = Watcher(config, Pipeline(settings), store, fetcher, tmp_path / "state.json")
        assert again.run_round().unchanged_listings == 1


def test_cli_watch_once(site: Site, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warta.cli import app
    from warta.store import DuckDBStore

    watch_file = tmp_path / "feeds.toml"
    watch_file.write_text(f'feeds = ["{site.base}/rss"]\n[fetch]\nper_host_delay = 0.0\n')
    config = tmp_path / "light.toml"
    config.write_text('stages = ["language"]\n')
    db = tmp_path / "w.duckdb"
    res = CliRunner().invoke(
        app, ["watch", str(watch_file), "--once", "--db", str(db), "--config", str(config)]
    )
    assert res.exit_code == 0, res.output
    with DuckDBStore(db, read_only=True) as store:
        assert store.count_articles() == 2
    assert (tmp_path / "w.duckdb.watch.json").is_file()


def test_watch_file_errors_are_settings_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('feedz = ["http://x"]\n')
    with pytest.raises(SettingsError):
        load_watch_config(bad)
    empty = tmp_path / "empty.toml"
    empty.write_text("interval = 5\n")
    with pytest.raises(SettingsError):
        load_watch_config(empty)
