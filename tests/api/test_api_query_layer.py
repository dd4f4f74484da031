"""The query layer the API stands on: keyset pages of every list, refs, cursors, checks."""

from __future__ import annotations

import pytest
from apifixtures import all_records
from typer.testing import CliRunner

from warta.cli import app
from warta.query import (
    EntityFilter,
    EventFilter,
    PlaceFilter,
    QueryError,
    decode_cursor,
    encode_cursor,
    event_ref,
    list_entities,
    list_places,
    page_events,
    parse_event_ref,
)  # fmt: skip
from warta.store import MemoryStore


@pytest.fixture()
def store():
    s = MemoryStore()
    s.put_many(all_records())
    yield s
    s.close()


def walk(fetch, flt_type, **kw):
    out, cursor = [], None
    while True:
        page = fetch(flt_type(limit=1, cursor=cursor, **kw))
        out += list(page.items)
        cursor = page.next_cursor
        if cursor is None:
            return out


def test_keyset_pages_equal_one_big_page(store):
    for fetch, flt in ((list_places, PlaceFilter), (list_entities, EntityFilter)):
        paged = walk(lambda f, fetch=fetch: fetch(store, f), flt)
        assert paged == list(fetch(store, flt(limit=100)).items) and paged
    events = walk(lambda f: page_events(store, f), EventFilter)
    assert [r.event.type for r in events] == ["PROTEST", "SANCTION", "ASSAULT"]


def test_refs_and_cursors_round_trip():
    key = "https://example.id/a?b=1&c=ü"
    assert parse_event_ref(event_ref(key, "v3")) == (key, "v3")
    assert decode_cursor(encode_cursor(["2025-06-01", key, "v1"]), 3) == ["2025-06-01", key, "v1"]
    with pytest.raises(QueryError):
        decode_cursor(encode_cursor(["a", "b"]), 3)
    with pytest.raises(QueryError):
        parse_event_ref("not-a-ref!")


@pytest.mark.parametrize(
    "kwargs",
    [{"bbox": (10, 5, 20, 0)}, {"near": (0, 0, 0)}, {"stance": "maybe"},
     {"precision": "street"}, {"cursor": "xx"}],
)  # fmt: skip
def test_filter_checks(kwargs):
    with pytest.raises(QueryError):
        EventFilter(**kwargs)


def test_serve_command_refuses_a_missing_store_when_read_only(tmp_path):
    args = ["serve", "--read-only", "--db", str(tmp_path / "none.duckdb")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 3
    assert "no store" in result.output
