"""The polite fetcher against httpx.MockTransport: robots, rate limit, retries, limits."""

from __future__ import annotations

import httpx

from warta.ingest.fetch import Fetcher, FetchPolicy
from warta.ingest.urls import canonical_url

PAGE = "<html><head><title>Banjir di Kota Contoh</title></head><body><p>Banjir.</p></body></html>"


class Clock:
    """A fake clock: sleeping advances it, and every sleep is recorded."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def make(handler, clock: Clock | None = None, **policy) -> Fetcher:  # type: ignore[no-untyped-def]
    clock = clock or Clock()
    return Fetcher(
        FetchPolicy(**{"per_host_delay": 0.0, "backoff": 0.5, **policy}),
        transport=httpx.MockTransport(handler), clock=clock, sleep=clock.sleep,
    )  # fmt: skip


def test_canonical_url_drops_tracking_fragment_default_port_and_sorts_query() -> None:
    a = canonical_url("HTTPS://News.Example.com:443/a/b?utm_source=x&z=1&a=2#top")
    assert a == "https://news.example.com/a/b?a=2&z=1"
    assert canonical_url("http://example.com") == "http://example.com/"
    assert canonical_url("/x?fbclid=1", base="https://example.com/feed") == "https://example.com/x"


def test_robots_disallow_is_obeyed_and_read_once() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
        return httpx.Response(200, html=PAGE)

    with make(handler) as fetcher:
        blocked = fetcher.fetch("https://example.com/private/a.html")
        ok = fetcher.fetch("https://example.com/public/b.html")
    assert blocked.error is not None and blocked.error.reason == "robots"
    assert ok.error is None and "Banjir" in (ok.content or "")
    assert calls == ["/robots.txt", "/public/b.html"]


def test_requests_to_one_host_are_spaced_by_the_delay() -> None:
    clock = Clock()

    def handler(request: httpx.Request) -> httpx.Response:
        return (
            httpx.Response(404)
            if request.url.path == "/robots.txt"
            else httpx.Response(200, html=PAGE)
        )

    with make(handler, clock, per_host_delay=2.0) as fetcher:
        fetcher.fetch("https://example.com/1")
        fetcher.fetch("https://example.com/2")
        clock.now += 0.5  # the other host's robots.txt must not wait on example.com
        fetcher.fetch("https://other.example.org/3")
    # example.com: robots -> /1, /1 -> /2; other.example.org: only its robots -> /3
    assert clock.sleeps == [2.0, 2.0, 2.0]


def test_server_errors_are_retried_with_backoff_then_succeed() -> None:
    clock = Clock()
    answers = iter([503, 503, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        status = next(answers)
        return httpx.Response(status, html=PAGE if status == 200 else "busy")

    with make(handler, clock) as fetcher:
        result = fetcher.fetch("https://example.com/news")
    assert result.status == 200 and result.error is None
    assert clock.sleeps == [0.5, 1.0]


def test_client_errors_are_final_and_retry_after_is_honoured() -> None:
    clock = Clock()
    answers = iter([httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(404)])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404) if request.url.path == "/robots.txt" else next(answers)

    with make(handler, clock) as fetcher:
        result = fetcher.fetch("https://example.com/gone")
    assert result.error is not None and result.error.reason == "http" and result.status == 404
    assert clock.sleeps == [7.0]


def test_conditional_get_reports_not_modified() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, text="<rss/>", headers={"ETag": '"v1"'})

    with make(handler) as fetcher:
        first = fetcher.fetch("https://example.com/feed")
        second = fetcher.fetch("https://example.com/feed", etag=first.etag)
    assert first.etag == '"v1"' and not first.not_modified
    assert second.not_modified and second.content is None


def test_body_over_the_size_limit_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=b"<p>" + b"x" * 5000 + b"</p>")

    with make(handler, max_bytes=1000) as fetcher:
        result = fetcher.fetch("https://example.com/huge")
    assert result.error is not None and result.error.reason == "too_large"


def test_same_article_under_two_links_is_fetched_once() -> None:
    paths: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        paths.append(str(request.url))
        return (
            httpx.Response(404)
            if request.url.path == "/robots.txt"
            else httpx.Response(200, html=PAGE)
        )

    links = ["https://example.com/a?utm_medium=rss", "https://EXAMPLE.com/a#comments",
             "https://example.com/b"]  # fmt: skip
    with make(handler) as fetcher:
        results = list(fetcher.fetch_new(links))
    assert [r.url for r in results] == ["https://example.com/a", "https://example.com/b"]
    doc = results[0].document()
    assert doc.kind == "html" and doc.meta.url == "https://example.com/a"  # type: ignore[union-attr]
