"""Feeds, sitemaps and URL lists -> canonical article links with listing metadata."""

from __future__ import annotations

import pytest

from warta.errors import InputError
from warta.ingest.feeds import parse_feed, parse_sitemap, read_url_list

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kabar Contoh</title><link>https://kabar.example.id/</link>
<item><title>Gempa di Pulau Contoh</title><link>https://kabar.example.id/a/1?utm_source=rss</link>
<pubDate>Mon, 28 Oct 2024 19:04:00 +0700</pubDate><author>Redaksi</author></item>
<item><title>Harga beras naik</title><link>/a/2</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Wire</title>
<entry><title>Talks resume</title><link href="https://wire.example.com/talks"/>
<id>urn:x:1</id><updated>2024-11-01T08:15:00Z</updated></entry></feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://kabar.example.id/a/3</loc><news:news><news:publication>
<news:name>Kabar Contoh</news:name><news:language>id</news:language></news:publication>
<news:publication_date>2024-10-29T10:00:00+07:00</news:publication_date>
<news:title>Banjir surut</news:title></news:news></url>
<url><loc>https://kabar.example.id/a/4</loc><lastmod>2024-10-30</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://kabar.example.id/sitemap-1.xml</loc></sitemap></sitemapindex>"""


def test_rss_items_become_canonical_links_with_utc_times() -> None:
    links = parse_feed(RSS, "https://kabar.example.id/rss")
    assert [link.url for link in links] == [
        "https://kabar.example.id/a/1", "https://kabar.example.id/a/2"]  # fmt: skip
    first = links[0]
    assert first.title == "Gempa di Pulau Contoh" and first.source == "Kabar Contoh"
    assert first.published == "2024-10-28T12:04:00+00:00"
    assert first.meta().url == first.url


def test_atom_entries_are_read() -> None:
    (link,) = parse_feed(ATOM)
    assert link.url == "https://wire.example.com/talks"
    assert link.published == "2024-11-01T08:15:00+00:00" and link.source == "Example Wire"


def test_garbage_is_not_a_feed() -> None:
    with pytest.raises(InputError):
        parse_feed(b"\x00\x01 definitely not xml", "https://x.example/feed")


def test_news_sitemap_gives_titles_dates_and_lastmod() -> None:
    sitemap = parse_sitemap(NEWS_SITEMAP)
    assert not sitemap.children
    a, b = sitemap.links
    assert (a.title, a.published, a.source) == (
        "Banjir surut", "2024-10-29T10:00:00+07:00", "Kabar Contoh")  # fmt: skip
    assert b.url == "https://kabar.example.id/a/4" and b.published == "2024-10-30"


def test_sitemap_index_lists_children_and_entities_are_not_expanded() -> None:
    assert parse_sitemap(INDEX).children == ("https://kabar.example.id/sitemap-1.xml",)
    evil = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&e;</loc></url></urlset>"""
    assert all("root:" not in link.url for link in parse_sitemap(evil).links)


def test_url_list_skips_comments_blank_lines_and_non_http(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "urls.txt"
    path.write_text("# seeds\n\nhttps://a.example/x?gclid=9\nftp://b.example/y\nhttp://c.example\n")
    assert [link.url for link in read_url_list(path)] == [
        "https://a.example/x",
        "http://c.example/",
    ]
