"""Canonical URLs, so one article reached by several links is fetched and stored once.

Canonical form: lower-case scheme and host, no default port, no fragment, no tracking
parameters (``utm_*``, ``fbclid``, ...), the rest of the query sorted, an empty path as
"/". Paths keep their case and trailing slash (servers may tell them apart).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only track where a click came from; they never change the page.
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "_hs")
_TRACKING = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ref_src", "_ga", "cmpid",
     "ocid", "s_cid", "spm", "share", "amp"}
)  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str, base: str | None = None) -> str:
    """The canonical form of ``url`` (made absolute against ``base`` first)."""
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in _TRACKING and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(sorted(query)), ""))


def host_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL: the unit of politeness (robots, rate limit)."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.netloc or '').lower()}"


def is_http_url(text: str) -> bool:
    return urlsplit(text.strip()).scheme.lower() in ("http", "https")
