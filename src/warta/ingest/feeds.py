"""Where article links come from: RSS/Atom feeds, XML sitemaps, plain URL lists.

Each parser turns bytes (however they were fetched) into :class:`Link` items: a
canonical article URL plus whatever the listing says about it (title, publication
time, source), which becomes the document's :class:`~warta.ingest.RowMeta`.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from ..errors import InputError
from . import RowMeta
from .urls import canonical_url, is_http_url


@dataclass(frozen=True, slots=True)
class Link:
    """An article URL found in a listing, with the listing's metadata."""

    url: str  # canonical
    title: str | None = None
    published: str | None = None  # ISO 8601 (UTC) when the listing gave a time
    source: str | None = None  # the feed's or sitemap publication's name
    author: str | None = None

    def meta(self) -> RowMeta:
        return RowMeta(self.title, self.published, self.url, self.source, self.author)


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A parsed sitemap: article links, and child sitemaps when it is an index."""

    links: tuple[Link, ...]
    children: tuple[str, ...]


def parse_feed(data: bytes | str, base_url: str | None = None) -> list[Link]:
    """Items of an RSS or Atom feed (relative links resolved against ``base_url``)."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base_url or ""})
    if parsed.bozo and not parsed.entries:
        raise InputError(
            base_url or "feed", "malformed_row", f"not a feed: {parsed.bozo_exception}"
        )
    source = parsed.feed.get("title") or None
    links = []
    for entry in parsed.entries:
        href = entry.get("link") or entry.get("id")
        if not href or not is_http_url(canonical_url(href, base_url)):
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (
            datetime.fromtimestamp(calendar.timegm(stamp), UTC).isoformat() if stamp else None
        )
        links.append(
            Link(
                canonical_url(href, base_url),
                title=(entry.get("title") or "").strip() or None,
                published=published,
                source=source,
                author=entry.get("author") or None,
            )
        )
    return links


_NS_NEWS = "http://www.google.com/schemas/sitemap-news/0.9"


def parse_sitemap(data: bytes, base_url: str | None = None) -> Sitemap:
    """A ``<urlset>`` (with Google News extensions when present) or ``<sitemapindex>``."""
    # no entities, no network, no huge trees: sitemaps come from strangers
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data.lstrip(), parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(base_url or "sitemap", "malformed_row", f"not XML: {exc}") from None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children = [canonical_url(t, base_url) for t in _texts(root, "sitemap", "loc")]
        return Sitemap((), tuple(children))
    if tag != "urlset":
        raise InputError(base_url or "sitemap", "unknown_format", f"root element <{tag}>")
    links = []
    for url in root:
        if not isinstance(url.tag, str) or etree.QName(url).localname != "url":
            continue
        loc = _child(url, "loc")
        if not loc:
            continue
        news = url.find(f"{{{_NS_NEWS}}}news")
        title = published = source = None
        if news is not None:
            title = news.findtext(f"{{{_NS_NEWS}}}title")
            published = news.findtext(f"{{{_NS_NEWS}}}publication_date")
            source = news.findtext(f"{{{_NS_NEWS}}}publication/{{{_NS_NEWS}}}name")
        published = published or _child(url, "lastmod")
        links.append(
            Link(canonical_url(loc, base_url), _strip(title), _strip(published), _strip(source))
        )
    return Sitemap(tuple(links), ())


def _child(node: etree._Element, name: str) -> str | None:
    for child in node:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            return (child.text or "").strip() or None
    return None


def _texts(root: etree._Element, outer: str, inner: str) -> Iterator[str]:
    for node in root:
        if isinstance(node.tag, str) and etree.QName(node).localname == outer:
            text = _child(node, inner)
            if text:
                yield text


def _strip(value: str | None) -> str | None:
    return value.strip() or None if value else None


def read_url_list(path: str | Path) -> list[Link]:
    """A text file of URLs, one a line; blank lines and ``#`` comments skipped."""
    links = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and is_http_url(line):
            links.append(Link(canonical_url(line)))
    return links
