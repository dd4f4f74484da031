"""Incremental merging, and undo/redo of one merge that survives later runs."""

from __future__ import annotations

from dataclasses import replace

from merge_helpers import MEDAN, article
from test_merge_articles import COPY, ORIGINAL

from warta.merge import merge_store, set_link
from warta.query import EventFilter, get_merged_event, query_merged_events
from warta.store import MemoryStore


def _merged_sizes(store):
    return sorted(e.n_articles for e in query_merged_events(store, EventFilter()))


def test_new_article_is_linked_without_redoing_the_rest():
    store = MemoryStore()
    store.put(ORIGINAL)
    first = merge_store(store, encoder="lexical")
    assert first.new_articles == 1 and _merged_sizes(store) == [1]
    store.put(COPY)
    second = merge_store(store, encoder="lexical")
    assert second.new_articles == 1  # only the new article was signed
    assert second.event_links == 1
    assert _merged_sizes(store) == [2]
    assert merge_store(store, encoder="lexical").new_articles == 0  # nothing new: no work


def test_changed_article_leaves_its_old_merge():
    store = MemoryStore()
    store.put_many([ORIGINAL, COPY])
    merge_store(store, encoder="lexical")
    assert _merged_sizes(store) == [2]
    other = article(
        COPY.source.url, "Harga Beras Premium Turun di Pasar Induk",
        "Harga beras premium di pasar induk turun tipis pekan ini karena pasokan dari sentra "
        "produksi di Jawa Tengah dan Jawa Timur kembali normal setelah panen raya selesai.",
        publisher="Berita Dua", published="2025-06-12T09:00:00+07:00",
        event=("AID", None, None, "pasokan dari sentra produksi"), place=MEDAN, day="2025-06-12",
    )  # fmt: skip
    store.put(other)
    summary = merge_store(store, encoder="lexical")
    assert summary.new_articles == 1
    assert _merged_sizes(store) == [1, 1]


def test_undo_and_redo_one_merge():
    store = MemoryStore()
    store.put_many([ORIGINAL, COPY])
    merge_store(store, encoder="lexical")
    [merged] = query_merged_events(store, EventFilter())
    detail = get_merged_event(store, merged.id)
    assert len(detail.members) == 2 and len(detail.links) == 1
    link = detail.links[0].id
    set_link(store, link, "undone")
    assert _merged_sizes(store) == [1, 1]
    # a later run (even relinking everything) keeps the person's decision
    merge_store(store, encoder="lexical", relink=True)
    assert _merged_sizes(store) == [1, 1]
    set_link(store, link, "active")
    assert _merged_sizes(store) == [2]
    assert query_merged_events(store, EventFilter())[0].id == merged.id  # stable id


def test_claims_by_stance_and_quantity_spread():
    a = replace(
        article(
            "https://kabarsatu.example/q",
            "Polisi Tangkap Demonstran di Medan",
            "Polisi menangkap sedikitnya 12 demonstran di depan kantor gubernur Medan pada Selasa.",
            publisher="Kabar Satu",
            published="2025-06-10T21:00:00+07:00",
            event=("COERCE", "IDN", None, "Polisi menangkap sedikitnya 12 demonstran"),
            place=MEDAN,
            claim=("Kepala Polda", "confirm"),
            quantity=("sedikitnya 12 demonstran", 12, "at_least"),
        )  # fmt: skip
    )
    b = article(
        "https://beritadua.example/q", "Belasan Demonstran Ditangkap Polisi di Medan",
        "Polisi menangkap 15 demonstran di depan kantor gubernur Medan pada Selasa sore.",
        publisher="Berita Dua", published="2025-06-10T22:00:00+07:00",
        event=("COERCE", "IDN", None, "Polisi menangkap 15 demonstran"), place=MEDAN,
        claim=("Koordinator aksi", "deny"), quantity=("15 demonstran", 15, "exact"),
    )  # fmt: skip
    store = MemoryStore()
    store.put_many([a, b])
    merge_store(store, encoder="lexical")
    [merged] = query_merged_events(store, EventFilter(), min_sources=2)
    assert set(merged.claims) == {"confirm", "deny"}
    assert "confirmed by Kepala Polda" in merged.summary
    [spread] = merged.quantities
    assert (spread["min"], spread["max"]) == (12.0, 15.0)
