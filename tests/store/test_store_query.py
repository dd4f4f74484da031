"""warta.query over a store: every EventFilter field, paging, joined article and claims."""

from __future__ import annotations

from datetime import date

import pytest
from storefakes import make_record

from warta.errors import InputError
from warta.query import (
    EventFilter,
    QueryError,
    count_articles,
    get_article,
    list_failures,
    query_events,
)
from warta.store import MemoryStore


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    s = MemoryStore()
    s.put(
        make_record("Polisi membubarkan demo di Makassar.", url="https://a.test/1", path="in/1.txt")
    )
    s.put(
        make_record(
            "Rusia menyerang Kyiv dengan drone.",
            url="https://a.test/2",
            path="in/2.txt",
            event_type="ASSAULT",
            country="UKR",
            actor_code="RUS",
            actor_text="Rusia",
            date="2025-05-01",
            published="2025-05-02T08:00:00+03:00",
            language="en",
        )
    )
    s.put(
        make_record(
            "NATO mengancam sanksi baru.",
            url="https://a.test/3",
            path="in/3.txt",
            event_type="THREATEN",
            country="BEL",
            actor_code="NATO",
            actor_text="NATO",
            date=None,
            published="2025-04-10T09:00:00+02:00",
            status="threatened",
        )
    )
    s.add_failure(InputError("bad.txt", "binary", "NUL"))
    return s


def urls(rows: list) -> list[str | None]:  # type: ignore[type-arg]
    return [r.url for r in rows]


def test_all_events_newest_first(store: MemoryStore) -> None:
    rows = query_events(store)
    assert urls(rows) == ["https://a.test/1", "https://a.test/2", "https://a.test/3"]


def test_event_row_carries_article_place_and_claims(store: MemoryStore) -> None:
    (row,) = query_events(store, EventFilter(type="assault"))
    assert row.article_key == "https://a.test/2" and row.title == "Unjuk rasa dibubarkan"
    assert row.published == "2025-05-02T08:00:00+03:00" and row.path == "in/2.txt"
    assert row.event == get_article(store, "https://a.test/2").events[0]  # type: ignore[union-attr]
    assert row.place is not None and row.place.country == "UKR"
    assert [(c.speaker.text, c.stance) for c in row.claims] == [("juru bicara", "assert")]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(country="UKR"), ["https://a.test/2"]),
        (EventFilter(country="id"), ["https://a.test/1"]),  # alpha-2, any case
        (EventFilter(type="THREATEN"), ["https://a.test/3"]),
        (EventFilter(status="threatened"), ["https://a.test/3"]),
        (EventFilter(actor="RUS"), ["https://a.test/2"]),
        (EventFilter(actor="nat"), ["https://a.test/3"]),  # substring of the words
        (
            EventFilter(recipient="pengunjuk"),
            ["https://a.test/1", "https://a.test/2", "https://a.test/3"],
        ),
        (EventFilter(language="EN"), ["https://a.test/2"]),
        (
            EventFilter(publisher="contoh"),
            ["https://a.test/1", "https://a.test/2", "https://a.test/3"],
        ),
        (EventFilter(since="2025-05-01"), ["https://a.test/1", "https://a.test/2"]),
        (EventFilter(until=date(2025, 4, 30)), ["https://a.test/3"]),  # undated: published day
        (EventFilter(since="2025-04-10", until="2025-04-10T23:00"), ["https://a.test/3"]),
        (EventFilter(article="https://a.test/1"), ["https://a.test/1"]),
        (EventFilter(country="IDN", type="ASSAULT"), []),
        (EventFilter(limit=1, offset=1), ["https://a.test/2"]),
    ],
)
def test_filters(store: MemoryStore, flt: EventFilter, expected: list[str]) -> None:
    assert urls(query_events(store, flt)) == expected


def test_bad_filters_fail_early() -> None:
    with pytest.raises(QueryError):
        EventFilter(type="BOMBING")
    with pytest.raises(QueryError):
        EventFilter(since="last tuesday")
    with pytest.raises(QueryError):
        EventFilter(limit=-1)


def test_counts_and_failures(store: MemoryStore) -> None:
    assert count_articles(store) == 3
    (failure,) = list_failures(store)
    assert (failure.path, failure.reason, failure.detail) == ("bad.txt", "binary", "NUL")
    assert list_failures(store, reason="empty") == []
