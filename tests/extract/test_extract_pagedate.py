"""HTML publication dates: structured markup checked against htmldate's day (invented pages)."""

from __future__ import annotations

import pytest

from warta.extract import make_cleaner
from warta.extract.pagedate import choose_published, page_offset, parse_stamp
from warta.ingest import RawDocument
from warta.settings import Settings


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2019-10-19T03:00:00.000Z", "2019-10-19T03:00:00+00:00"),
        ("2019-06-17T18:28:00+0200", "2019-06-17T18:28:00+02:00"),
        ("2022-5-5 22:17:36", "2022-05-05T22:17:36"),
        ("Wed, 04 May 2022 00:25:56 GMT", "2022-05-04T00:25:56+00:00"),
        ("2021-03-08", "2021-03-08"),
    ],
)
def test_parse_stamp(value: str, iso: str) -> None:
    stamp = parse_stamp(value)
    assert stamp is not None and stamp.iso() == iso


def test_parse_stamp_rejects_prose() -> None:
    assert parse_stamp("sometime last week") is None
    assert parse_stamp("2021-13-45T10:00:00Z") is None


def test_own_offset_is_kept_even_if_htmldate_disagrees() -> None:
    got = choose_published(["2020-02-19T18:37:32+01:00"], "2020-02-18")
    assert got == "2020-02-19T18:37:32+01:00"


def test_utc_time_moves_into_the_pages_offset() -> None:
    html = (
        '<time datetime="2020-02-24T21:40:00-05:00">Feb 24</time><b>2020-02-25T02:25:54+00:00</b>'
    )
    off = page_offset(html)
    assert off is not None and off.utcoffset(None).total_seconds() == -5 * 3600
    assert choose_published(["2020-02-25T02:25:54Z"], None, off) == "2020-02-24T21:25:54-05:00"


def test_page_offset_ignores_utc() -> None:
    assert page_offset('"2020-01-01T10:00:00+00:00" "2020-01-01T10:00:00Z"') is None


def test_utc_early_hour_read_as_previous_local_day() -> None:
    # 02:25 UTC is the evening before in the Americas; htmldate read that evening's day
    assert choose_published(["2020-02-25T02:25:54Z"], "2020-02-24") == "2020-02-24"
    # 23:11 UTC is already the next day east of Greenwich
    assert choose_published(["2018-12-31T23:11:59+00:00"], "2019-01-01") == "2019-01-01"


def test_noon_utc_is_not_explained_by_a_zone() -> None:
    got = choose_published(["2020-01-19T12:25:36Z"], "2020-01-20")
    assert got == "2020-01-19T12:25:36+00:00"


def test_far_apart_days_follow_htmldate() -> None:
    assert choose_published(["2016-09-08T11:15:24+00:00"], "2020-04-13") == "2020-04-13"


def test_first_parsable_structured_value_wins() -> None:
    assert choose_published([None, "not a date", "2024-03-05T10:00:00+07:00"], None) == (
        "2024-03-05T10:00:00+07:00"
    )
    assert choose_published([None], "2024-03-05") == "2024-03-05"
    assert choose_published([], None) is None


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council Approves New Bridge Over River Example</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Council Approves New Bridge Over River Example",
"datePublished":"2024-03-05T02:10:00Z","dateModified":"2024-03-07T15:00:00Z",
"author":{"@type":"Person","name":"Jane Roe"}}</script>
<meta property="article:modified_time" content="2024-03-07T10:00:00-05:00">
</head><body><article>
<h1>Council Approves New Bridge Over River Example</h1>
<p>EXAMPLE CITY - The city council voted on Monday evening to approve the construction of a
new bridge across the river, ending a debate that had lasted nearly three years.</p>
<p>Supporters said the bridge would cut commuting times for thousands of residents who now
drive twenty kilometres to the nearest crossing every morning.</p>
<p>Opponents warned that the cost could rise well above the estimate presented to the council
and asked for an independent review of the budget before work begins.</p>
<p>Construction is expected to start next spring and to take about two years to complete,
according to the city's public works department.</p>
</article></body></html>"""


def test_html_page_keeps_its_local_day_and_prefers_published() -> None:
    rec = make_cleaner(Settings())(RawDocument("bridge.html", _PAGE, "html"))
    # datePublished (not dateModified), moved from UTC into the page's own -05:00
    assert rec.article.published == "2024-03-04T21:10:00-05:00"


def test_html_text_is_not_glue_repaired() -> None:
    # markup keeps the spaces around link text: a join in an HTML page is the page's own
    # spelling, while the same join in a flat dump is a scraper's glue and is repaired
    page = _PAGE.replace("the river, ending", "the riverwhich the river needed, ending")
    clean = make_cleaner(Settings())
    html = clean(RawDocument("bridge.html", page, "html")).article.text
    assert "riverwhich the river" in html
    flat = "\n".join(p.split("</p>")[0] for p in page.split("<p>")[1:])
    text = clean(RawDocument("bridge.txt", flat)).article.text
    assert "river which the river" in text
