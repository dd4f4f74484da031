"""HTML pages: trafilatura for the main text, JSON-LD and OpenGraph for metadata.

trafilatura drops navigation, comments and most teasers; its paragraphs then go through the
same line classifier as text dumps (flat furniture such as "Baca juga" survives it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import unescape
from typing import Any

from .pagedate import choose_published, page_offset

_JSONLD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)
_META = re.compile(r"<meta\s[^>]*>", re.I)
_ATTR = re.compile(r'(\w[\w:-]*)\s*=\s*("[^"]*"|\'[^\']*\')')


@dataclass(frozen=True, slots=True)
class HtmlParts:
    text: str  # main text, one paragraph per line
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None


def _ld_items(html: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for block in _JSONLD.findall(html):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                items.append(item)
                stack.extend(v for v in item.get("@graph", []) if isinstance(v, dict))
            elif isinstance(item, list):
                stack.extend(item)
    return items


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _text(value: Any) -> str | None:
    return unescape(value).strip() or None if isinstance(value, str) else None


def _meta_tags(html: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for tag in _META.findall(html):
        attrs = {k.lower(): v[1:-1] for k, v in _ATTR.findall(tag)}
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        if key and "content" in attrs:
            out.setdefault(key.lower(), unescape(attrs["content"]).strip())
    return out


def parse(html: str) -> HtmlParts:
    import trafilatura

    raw = trafilatura.extract(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=True,  # tables carry content on many pages (scores, figures)
        favor_precision=False,
    )
    data: dict[str, Any] = json.loads(raw) if raw else {}
    text = data.get("text") or ""
    news = [
        i for i in _ld_items(html) if "Article" in str(i.get("@type", "")) or "datePublished" in i
    ]
    ld = news[0] if news else {}
    og = _meta_tags(html)
    # JSON-LD's headline is the article's own; trafilatura's title has the site name cut off,
    # which og:title often keeps ("... - mobilsicher.de")
    title = _text(ld.get("headline")) or data.get("title") or og.get("og:title")
    structured = [
        _text(ld.get("datePublished")),
        og.get("article:published_time"),
        og.get("datepublished"),  # <meta itemprop="datePublished">
        og.get("pubdate"),
    ]
    # trafilatura's date is htmldate's reading (original_date=True) of the whole page
    published = choose_published(structured, data.get("date"), page_offset(html))
    if published is None:  # prose dates ("Di., 25.01.2022") go to the date-line reader
        published = next((d for d in structured if d), None)
    authors = _names(ld.get("author")) or ([data["author"]] if data.get("author") else [])
    if len(authors) == 1 and ";" in authors[0]:
        authors = [a.strip() for a in authors[0].split(";")]
    named = _names(ld.get("publisher"))
    publisher = named[0] if named else og.get("og:site_name") or data.get("sitename")
    url = og.get("og:url") or data.get("source") or None
    return HtmlParts(text, title, published, tuple(authors), publisher, url)


def locate(html: str, text: str, start: int = 0) -> int:
    """Where ``text`` stands verbatim in ``html`` (searching from ``start``), or -1."""
    i = html.find(text, start)
    return i if i >= 0 else html.find(text)
