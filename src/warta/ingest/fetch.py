"""A polite HTTP fetcher (httpx): robots.txt, per-host rate limit, retries, limits.

- robots.txt is read once per host and obeyed for our user agent (an unreachable or
  broken robots.txt allows everything, a 401/403 one forbids the host, as crawlers do).
- Requests to one host are spaced by ``per_host_delay`` seconds (or the host's
  Crawl-delay when longer).
- 429, 5xx and transport errors are retried with exponential backoff (``Retry-After``
  honoured up to ``max_backoff``); other 4xx are final.
- Conditional GET: pass the ``etag``/``last_modified`` of an earlier result and a
  ``304`` comes back as ``not_modified``.
- Bodies larger than ``max_bytes`` are cut off and reported, never read whole.
- :meth:`Fetcher.fetch_new` fetches each canonical URL at most once per fetcher.

Failures are returned as :class:`~warta.errors.InputError` (reasons ``http``,
``robots``, ``too_large``, ``network``), never raised. Tests inject an
``httpx.MockTransport`` (or point at a server on 127.0.0.1).
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import httpx

from ..errors import InputError
from . import RawDocument, RowMeta
from .decode import decode_bytes, looks_like_html
from .urls import canonical_url, host_of


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and how far to fetch."""

    user_agent: str = "warta/0.1 (+news event extraction; polite fetcher)"
    per_host_delay: float = 1.0  # seconds between two requests to one host
    max_retries: int = 3
    backoff: float = 1.0  # first retry waits this long, then doubles
    max_backoff: float = 60.0
    timeout: float = 20.0  # seconds per request (connect, read, write, pool)
    max_bytes: int = 5_000_000
    respect_robots: bool = True


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One fetch: the body (decoded) or the reason there is none."""

    url: str  # canonical URL asked for
    final_url: str | None = None  # after redirects
    status: int | None = None
    content: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: InputError | None = None
    raw: bytes | None = None  # undecoded body (feeds and sitemaps parse bytes)

    def document(self, meta: RowMeta | None = None) -> RawDocument | InputError:
        """The fetched page as a raw document for the pipeline (path = canonical URL)."""
        if self.error is not None:
            return self.error
        if self.content is None:
            return InputError(self.url, "empty", "nothing fetched")
        meta = meta or RowMeta()
        if meta.url is None:
            meta = RowMeta(meta.title, meta.published, self.url, meta.source, meta.author)
        html = "html" in (self.content_type or "") or looks_like_html(self.content)
        return RawDocument(self.url, self.content, "html" if html else "text", meta)


class Fetcher:
    """Fetches URLs politely through one httpx client (closed by :meth:`close`)."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._client = httpx.Client(
            transport=transport,
            timeout=self.policy.timeout,
            follow_redirects=True,
            headers={"User-Agent": self.policy.user_agent},
        )
        self._clock, self._sleep = clock, sleep
        self._last: dict[str, float] = {}  # host -> time of the last request
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.seen: set[str] = set()  # canonical URLs fetched by fetch_new

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness -------------------------------------------------------------------

    def _wait_turn(self, host: str) -> None:
        delay = max(self.policy.per_host_delay, self._crawl_delay(host))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _crawl_delay(self, host: str) -> float:
        robots = self._robots.get(host)
        delay = robots.crawl_delay(self.policy.user_agent) if robots else None
        return float(delay) if delay else 0.0

    def allowed(self, url: str) -> bool:
        """May we fetch ``url`` according to its host's robots.txt?"""
        if not self.policy.respect_robots:
            return True
        host = host_of(url)
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
        robots = self._robots[host]
        return True if robots is None else robots.can_fetch(self.policy.user_agent, url)

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        self._wait_turn(host)
        try:
            resp = self._client.get(f"{host}/robots.txt")
        except httpx.HTTPError:
            return None  # unreachable robots.txt: no rules known
        if resp.status_code in (401, 403):
            parser.disallow_all = True
        elif resp.status_code < 400:
            parser.parse(resp.text.splitlines())
        else:
            return None  # 404 and friends: everything allowed
        return parser

    # -- fetching ---------------------------------------------------------------------

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET ``url`` (canonicalised) politely; never raises for HTTP or network trouble."""
        url = canonical_url(url)
        if not self.allowed(url):
            return FetchResult(url, error=InputError(url, "robots", "disallowed by robots.txt"))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = host_of(url)
        wait = self.policy.backoff
        for attempt in range(self.policy.max_retries + 1):
            self._wait_turn(host)
            try:
                result = self._get(url, headers)
            except httpx.HTTPError as exc:
                result = FetchResult(
                    url, error=InputError(url, "network", f"{type(exc).__name__}: {exc}")
                )
            retry = result.status in (429, 500, 502, 503, 504) or (
                result.error is not None and result.error.reason == "network"
            )
            if not retry or attempt == self.policy.max_retries:
                return result
            self._sleep(min(self._retry_after(result) or wait, self.policy.max_backoff))
            wait *= 2
        raise AssertionError("unreachable")  # the loop always returns

    def _get(self, url: str, headers: dict[str, str]) -> FetchResult:
        with self._client.stream("GET", url, headers=headers) as resp:
            common = {
                "final_url": str(resp.url),
                "status": resp.status_code,
                "content_type": resp.headers.get("content-type"),
                "etag": resp.headers.get("etag"),
                "last_modified": resp.headers.get("last-modified"),
            }
            if resp.status_code == 304:
                return FetchResult(url, not_modified=True, **common)
            if resp.status_code >= 400:
                error = InputError(url, "http", f"HTTP {resp.status_code}")
                retry_after = resp.headers.get("retry-after", "")
                return FetchResult(url, error=error, content=retry_after or None, **common)
            declared = resp.headers.get("content-length")
            limit = self.policy.max_bytes
            if declared and declared.isascii() and declared.isdecimal() and int(declared) > limit:
                error = InputError(url, "too_large", f"{declared} bytes > {limit}")
                return FetchResult(url, error=error, **common)
            body = bytearray()
            for chunk in resp.iter_bytes():
                body.extend(chunk)
                if len(body) > limit:
                    error = InputError(url, "too_large", f"more than {limit} bytes")
                    return FetchResult(url, error=error, **common)
        data = bytes(body)
        try:
            text = _decode(data, resp.charset_encoding, url)
        except InputError as exc:
            return FetchResult(url, error=exc, raw=data, **common)
        return FetchResult(url, content=text, raw=data, **common)

    @staticmethod
    def _retry_after(result: FetchResult) -> float | None:
        value = result.content if result.error is not None else None
        return (
            float(value)
            if value and value.strip().isascii() and value.strip().isdecimal()
            else None
        )

    def fetch_new(self, urls: Iterable[str]) -> Iterator[FetchResult]:
        """Fetch each URL whose canonical form this fetcher has not fetched yet."""
        for url in urls:
            key = canonical_url(url)
            if key in self.seen:
                continue
            self.seen.add(key)
            yield self.fetch(key)


def _decode(data: bytes, charset: str | None, url: str) -> str:
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong header charset: sniff like a local file
    return decode_bytes(data, url)
