"""DuckDB store: round trip, keys, idempotency, atomic replacement, failures, locking."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from storefakes import make_record

from warta.errors import InputError, StoreError
from warta.store import DuckDBStore, InputRef, MemoryStore, Store
from warta.store import duck as duck_module


def test_round_trip_is_exact(tmp_path: Path) -> None:
    record = make_record(url="https://contoh.test/a")
    with DuckDBStore(tmp_path / "sub" / "dir" / "w.duckdb") as store:
        assert isinstance(store, Store)
        key = store.put(record)
        assert key == "https://contoh.test/a"
        assert store.get(key) == record
        assert store.get(record.doc_id) == record
        assert store.get("fixtures/a.txt") == record  # by input path
        assert store.get("nothing") is None
    # and after reopening the file
    with DuckDBStore(tmp_path / "sub" / "dir" / "w.duckdb") as store:
        assert store.get(key) == record


def test_opening_is_lazy(tmp_path: Path) -> None:
    db = tmp_path / "lazy" / "w.duckdb"
    store = DuckDBStore(db)
    assert not db.parent.exists()
    assert store.count_articles() == 0
    assert db.exists()
    store.close()


def test_parts_land_in_their_tables() -> None:
    store = MemoryStore()
    store.put(make_record())
    counts = store.counts()
    assert counts == {
        "articles": 1, "entities": 1, "entity_mentions": 1, "places": 1, "events": 1,
        "claims": 1, "quantities": 1, "inputs": 1, "failures": 0,
    }  # fmt: skip
    row = store.con.execute(
        "SELECT type, status, actor_code, actor_sector, country, lat, date_start, language,"
        " publisher, published_day FROM events"
    ).fetchone()
    assert row == ("COERCE", "occurred", "IDN", "COP", "IDN", -5.14, "2025-06-17", "id",
                   "Kabar Contoh", "2025-06-18")  # fmt: skip


def test_put_twice_is_one_article_and_replaces_parts() -> None:
    store = MemoryStore()
    first = make_record(url="https://contoh.test/a")
    second = replace(first, events=(replace(first.events[0], type="ASSAULT"),))
    assert store.put(first) == store.put(first)
    store.put(second)
    assert store.count_articles() == 1
    assert store.counts()["events"] == 1
    assert store.get("https://contoh.test/a") == second


def test_key_is_url_when_known_else_doc_id() -> None:
    store = MemoryStore()
    body = "Isi yang sama persis di dua situs."
    # two urls, one body: two articles (wire copies are distinct pages)
    store.put(make_record(body, url="https://a.test/1", path="d.jsonl#1"))
    store.put(make_record(body, url="https://b.test/2", path="d.jsonl#2"))
    # no url: the same text from another path is the same article
    store.put(make_record("Teks tanpa url.", path="one/x.txt"))
    store.put(make_record("Teks tanpa url.", path="two/x.txt"))
    assert store.count_articles() == 3
    assert store.has("one/x.txt") and store.has("two/x.txt") and store.has("https://a.test/1")
    assert store.seen_paths() == {"d.jsonl#1", "d.jsonl#2", "one/x.txt", "two/x.txt"}


def test_url_from_the_input_ref_when_the_record_has_none() -> None:
    store = MemoryStore()
    key = store.put(make_record(), InputRef("rows.jsonl#3", "h1", "https://x.test/3"))
    assert key == "https://x.test/3"
    assert store.seen_inputs() == {"rows.jsonl#3": "h1"}


def test_changed_input_replaces_the_article_it_made() -> None:
    store = MemoryStore()
    store.put(make_record("Versi pertama."), InputRef("page.txt", "h1"))
    store.put(make_record("Versi kedua, diperbaiki."), InputRef("page.txt", "h2"))
    assert store.count_articles() == 1
    assert store.get("page.txt").article.text == "Versi kedua, diperbaiki."  # type: ignore[union-attr]
    # but an article another input still stands behind is kept
    store.put(make_record("Bersama."), InputRef("a.txt", "h"))
    store.put(make_record("Bersama."), InputRef("b.txt", "h"))
    store.put(make_record("Lain."), InputRef("a.txt", "h3"))
    assert store.count_articles() == 3


def test_put_many_batches_and_dedupes_within_a_batch() -> None:
    store = MemoryStore(batch_size=4)
    records = [make_record(f"Berita nomor {i}.", path=f"f{i}.txt") for i in range(10)]
    keys = store.put_many([*records, records[0]])
    assert len(keys) == 11 and store.count_articles() == 10
    assert store.counts()["events"] == 10
    assert sorted(store.keys()) == sorted({r.doc_id for r in records})


def test_failed_write_rolls_back_completely(monkeypatch: pytest.MonkeyPatch) -> None:
    store = MemoryStore()
    old = make_record(url="https://contoh.test/a")
    store.put(old, InputRef("a.txt", "h1"))
    real = DuckDBStore._insert

    def failing(self, con, table, rows):  # type: ignore[no-untyped-def]
        if table == "claims":  # articles, entities, places, events are already written
            raise RuntimeError("disk full (simulated)")
        real(self, con, table, rows)

    monkeypatch.setattr(duck_module.DuckDBStore, "_insert", failing)
    new = replace(old, events=(), claims=())
    other = make_record("Artikel lain.", path="b.txt")
    with pytest.raises(RuntimeError):
        store.put_many([(other, InputRef("b.txt", "h")), (new, InputRef("a.txt", "h2"))])
    monkeypatch.undo()
    # nothing of the failed batch, everything of the old version
    assert store.count_articles() == 1
    assert store.get("https://contoh.test/a") == old
    assert store.seen_inputs() == {"a.txt": "h1"}
    assert store.counts()["events"] == 1 and store.counts()["claims"] == 1
    assert not store.has("b.txt")


def test_failures_table_and_later_success_clears_it() -> None:
    store = MemoryStore()
    store.add_failure(InputError("x.txt", "binary", "NUL bytes"))
    store.add_failure(InputError("rows.jsonl#2", "malformed_row", "not JSON"))
    store.add_failure(InputError("x.txt", "empty", "now empty"))  # latest failure wins
    fails = {f.path: f for f in store.failures()}
    assert set(fails) == {"x.txt", "rows.jsonl#2"}
    assert (fails["x.txt"].reason, fails["x.txt"].detail) == ("empty", "now empty")
    assert [f.path for f in store.failures(reason="malformed_row")] == ["rows.jsonl#2"]
    assert len(store.failures(limit=1)) == 1
    store.put(make_record(path="x.txt"))
    assert [f.path for f in store.failures()] == ["rows.jsonl#2"]


def test_locked_file_gives_one_line_store_error(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    holder = DuckDBStore(db)
    holder.put(make_record())
    code = (
        "import sys\nfrom warta.store import DuckDBStore\nfrom warta.errors import StoreError\n"
        f"try:\n    DuckDBStore({str(db)!r}).count_articles()\n"
        "except StoreError as e:\n    print(e)\n    sys.exit(3)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    holder.close()
    assert out.returncode == 3, out.stderr
    message = out.stdout.strip()
    assert "\n" not in message and "in use by another process" in message and str(db) in message


def test_read_only_store_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        DuckDBStore(tmp_path / "none.duckdb", read_only=True).count_articles()


def test_values_are_parameters_not_sql() -> None:
    store = MemoryStore()
    evil = "x'); DROP TABLE articles; --"
    store.put(make_record(url=evil, path=evil))
    assert store.has(evil) and store.get(evil) is not None and store.count_articles() == 1
