"""HTML pages: trafilatura for the main text, JSON-LD and OpenGraph for metadata.

trafilatura drops navigation, comments and most teasers; its paragraphs then go through the
same line classifier as text dumps (flat furniture such as "Baca juga" survives it).
"""

from __future__ import annotations

import json
import re
import unicodedata
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


@dataclass(frozen=True, slots=True)
class _Extracted:
    """What :func:`parse` reads of trafilatura's JSON output (``extract(...,
    output_format="json", with_metadata=True)``)."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    author: str | None = None
    source: str | None = None  # the page's URL


def _trafilatura(html: str, need_author: bool = True) -> _Extracted:
    """trafilatura's main text and the metadata warta uses, as its JSON output gives them.

    Its ``extract`` also finds categories, tags, licence and site name, fingerprints the
    text and writes JSON (a fifth of its time, unused here), and looks for an author in the
    page body even when JSON-LD names one (``need_author=False`` skips that). The same
    steps are run here, in its order, on the same tree, with the same options.
    """
    from htmldate import find_date
    from trafilatura import bare_extraction
    from trafilatura.metadata import (
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import Extractor
    from trafilatura.utils import load_html
    from trafilatura.xml import xmltotxt

    # extract(html, output_format="json", with_metadata=True, include_comments=False,
    # include_tables=True, favor_precision=False): the options it builds; metadata below
    # (tables carry content on many pages: scores, figures)
    opts = Extractor(output_format="json", comments=False, tables=True, precision=False)
    tree = load_html(html, opts.max_file_size)
    if tree is None:
        return _Extracted()
    try:  # trafilatura.metadata.extract_metadata, less the fields warta does not read
        meta = examine_meta(tree)
        if meta.author and " " not in meta.author:
            meta.author = None
        try:
            meta = extract_meta_json(tree, meta)
        except Exception:  # noqa: BLE001 - as trafilatura: bugs in its JSON-LD reader
            pass
        if not meta.title:
            meta.title = extract_title(tree)
        if need_author and not meta.author:
            meta.author = extract_author(tree)
        if not meta.url:
            meta.url = extract_url(tree, opts.url)
        meta.date = find_date(tree, **{**opts.date_params, "url": meta.url})
        meta.clean_and_trim()
    except (TypeError, ValueError):  # bare_extraction's own catch: the page gives nothing
        return _Extracted()
    # the body from the same options without metadata (which only feeds link rewriting, off
    # here); trafilatura prunes the tree it is given, so it gets a copy (it makes one)
    doc = bare_extraction(tree, options=opts)
    if doc is None:
        return _Extracted()  # extract() returns nothing at all then, metadata included
    text = xmltotxt(doc.body, include_formatting=False)  # type: ignore[union-attr]

    def nfc(value: str | None) -> str | None:  # extract() normalises its whole output
        return unicodedata.normalize("NFC", value) if value else value

    return _Extracted(nfc(text), nfc(meta.title), nfc(meta.date), nfc(meta.author), nfc(meta.url))


def parse(html: str) -> HtmlParts:
    news = [
        i for i in _ld_items(html) if "Article" in str(i.get("@type", "")) or "datePublished" in i
    ]
    ld = news[0] if news else {}
    og = _meta_tags(html)
    data = _trafilatura(html, need_author=not _names(ld.get("author")))
    text = data.text or ""
    # JSON-LD's headline is the article's own; trafilatura's title has the site name cut off,
    # which og:title often keeps ("... - mobilsicher.de")
    title = _text(ld.get("headline")) or data.title or og.get("og:title")
    structured = [
        _text(ld.get("datePublished")),
        og.get("article:published_time"),
        og.get("datepublished"),  # <meta itemprop="datePublished">
        og.get("pubdate"),
    ]
    # trafilatura's date is htmldate's reading (original_date=True) of the whole page
    published = choose_published(structured, data.date, lambda: page_offset(html))
    if published is None:  # prose dates ("Di., 25.01.2022") go to the date-line reader
        published = next((d for d in structured if d), None)
    authors = _names(ld.get("author")) or ([data.author] if data.author else [])
    if len(authors) == 1 and ";" in authors[0]:
        authors = [a.strip() for a in authors[0].split(";")]
    named = _names(ld.get("publisher"))
    # (trafilatura's JSON names the site "source-hostname": no "sitename" was ever read)
    publisher = named[0] if named else og.get("og:site_name")
    url = og.get("og:url") or data.source or None
    return HtmlParts(text, title, published, tuple(authors), publisher, url)


def locate(html: str, text: str, start: int = 0) -> int:
    """Where ``text`` stands verbatim in ``html`` (searching from ``start``), or -1."""
    i = html.find(text, start)
    return i if i >= 0 else html.find(text)
